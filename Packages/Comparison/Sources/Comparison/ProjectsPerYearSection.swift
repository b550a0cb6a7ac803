import Domain

/// The section "Projekte pro Jahr": projects started, gone live and planned per calendar year, per scope, per
/// channel, and the project totals sources give only as a number.
enum ProjectsPerYearSection {
    enum Event: String, CaseIterable {
        case started, live, planned

        var germanName: String {
            switch self {
            case .started: return "gestartet"
            case .live: return "live gegangen"
            case .planned: return "Go-live geplant"
            }
        }

        /// The year of this event in a project's latest state, nil where the project has no such dated event.
        func year(of project: ProjectView) -> Int? {
            switch self {
            case .started:
                return project.start?.year
            case .live:
                guard project.isLive, project.goLiveKind != .planned else { return nil }
                return project.goLive?.year
            case .planned:
                guard !project.isLive, project.state != .stopped, project.goLiveKind != .actual else { return nil }
                return project.goLive?.year
            }
        }
    }

    /// The indicators that count projects as a total.
    static let totals = [KnownIndicator.itProjectsPlanned, KnownIndicator.ozgProjectsPlanned, KnownIndicator.ozgProjectsInProgress]

    /// What one side reports about projects.
    struct Report: Sendable {
        var projects: [ProjectView]
        var totals: [Indicator]

        init(_ side: Side) {
            projects = ProjectView.latest(in: side.dataset)
            totals = side.dataset.indicators.filter { ProjectsPerYearSection.totals.contains($0.indicator) && $0.subject.isEmpty }
                .sorted { ($0.indicator, $0.period ?? $0.snapshot, $0.snapshot) < ($1.indicator, $1.period ?? $1.snapshot, $1.snapshot) }
        }

        var hasFigures: Bool { !projects.isEmpty || !totals.isEmpty }
        /// The latest date a project row or total is valid for.
        var date: PartialDate? { (projects.map(\.statusDate) + totals.map(\.snapshot)).max() }
    }

    /// One cell of a row "Umfang: Ereignis Jahr".
    struct YearCell: Sendable, Hashable, Codable {
        var scope: ProjectScope
        var event: String
        var year: Int
        var figure: Figure
    }

    /// One cell of a total row.
    struct TotalCell: Sendable, Hashable, Codable {
        var key: TotalKey
        var figure: Figure
    }

    /// What one side gives the section: everything `build` reads of it, so that a peer's part can be kept instead of
    /// its dataset (`PeerDigest`).
    struct Part: Sendable, Hashable, Codable {
        var hasFigures: Bool
        var hasProjects: Bool
        /// The latest status date of the side's projects.
        var reported: PartialDate?
        /// The latest date a project row or total is valid for.
        var date: PartialDate?
        /// The side's latest figure of each total it reports, by key.
        var totals: [TotalCell]
        /// The cells of the year rows in which the side has projects; every other year row's cell follows from
        /// `hasProjects` and `reported` (`yearCell`).
        var years: [YearCell]
        /// The cells of the rows "ohne Start- und Go-live-Datum", one per scope of `ProjectScope.allCases`.
        var undated: [Figure]
        /// The cells of the rows "nach Umsetzungsweg", one per channel of `Channel.allCases`.
        var channels: [Figure]
        /// The indicators of the totals and the scopes of the projects named (each once, sorted), for the note on
        /// scopes.
        var totalIndicators: [String]
        var scopes: [ProjectScope]
        var scopeReport: ProjectReport
        /// The side's own notes.
        var notes: [ComparabilityNote]

        mutating func mapCells(_ transform: (Figure) -> Figure) {
            totals = totals.map { TotalCell(key: $0.key, figure: transform($0.figure)) }
            years = years.map { YearCell(scope: $0.scope, event: $0.event, year: $0.year, figure: transform($0.figure)) }
            undated = undated.map(transform)
            channels = channels.map(transform)
        }
    }

    static func build(_ sides: [Side]) -> MetricSection {
        build(sides.map(\.participant), sides.map(Part.init))
    }

    static func build(_ participants: [Participant], _ parts: [Part]) -> MetricSection {
        let definition = Methodology.definition(of: .projectsPerYear)
        let withFigures = zip(participants, parts).filter { $0.1.hasFigures }
        guard withFigures.count >= 2 else {
            let missing = zip(participants, parts).filter { !$0.1.hasFigures }.map(\.0.name)
            return MetricSection(id: .projectsPerYear, title: definition.title, definition: definition.summary,
                                 comparability: .notComparable(reason: "Nicht vergleichbar: " + CommonNotes.list(missing)
                                     + (missing.count == 1 ? " meldet" : " melden") + " keine Projekte."),
                                 rows: [], notes: [])
        }

        var rows: [MetricRow] = []
        // Totals first: where a source gives one, it is the figure a reader looks for.
        let totals = parts.map { part in Dictionary(part.totals.map { ($0.key, $0.figure) }, uniquingKeysWith: { $1 }) }
        let totalKeys = Set(totals.flatMap(\.keys)).sorted()
        for key in totalKeys {
            rows.append(MetricRow(label: key.label, cells: totals.map { cells in
                cells[key] ?? Figure(value: .unknown(reason: "keine Gesamtzahl gemeldet"))
            }, key: key.key))
        }
        let years = parts.map { part in
            Dictionary(part.years.map { (YearKey(scope: $0.scope, event: $0.event, year: $0.year), $0.figure) }, uniquingKeysWith: { $1 })
        }
        // The cell of a year without projects depends only on these; hundreds of peers share a few of them.
        var emptyCells: [EmptyYearKey: Figure] = [:]
        func emptyCell(_ part: Part, _ event: Event, _ year: Int) -> Figure {
            let key = EmptyYearKey(hasProjects: part.hasProjects, reported: part.reported, event: event.rawValue, year: year)
            if let cell = emptyCells[key] { return cell }
            let cell = emptyYearCell(hasProjects: part.hasProjects, reported: part.reported, event: event, year: year)
            emptyCells[key] = cell
            return cell
        }
        for (index, scope) in ProjectScope.allCases.enumerated() {
            for event in Event.allCases {
                let sorted = Set(parts.flatMap { $0.years.filter { $0.scope == scope && $0.event == event.rawValue }.map(\.year) }).sorted()
                for year in sorted {
                    let key = YearKey(scope: scope, event: event.rawValue, year: year)
                    rows.append(MetricRow(label: "\(scope.germanName): \(event.germanName) \(year)", cells: zip(parts, years).map { part, cells in
                        cells[key] ?? emptyCell(part, event, year)
                    }, key: "projects-\(scope.rawValue)-\(event.rawValue)-\(year)"))
                }
            }
            rows.append(MetricRow(label: "\(scope.germanName): ohne Start- und Go-live-Datum", cells: parts.map { $0.undated[index] },
                                  key: "projects-\(scope.rawValue)-undated"))
        }
        for (index, channel) in Channel.allCases.enumerated() {
            rows.append(MetricRow(label: "OZG-Projekte nach Umsetzungsweg: \(channel.germanName)", cells: parts.map { $0.channels[index] },
                                  key: "projects-ozg-channel-\(channel.rawValue)"))
        }

        var notes: [ComparabilityNote] = []
        if let note = scopeNote(withFigures.map(\.1)) { notes.append(note) }
        if let note = CommonNotes.snapshotGap(withFigures.compactMap { participant, part in part.date.map { (participant.name, $0) } },
                                              metric: .projectsPerYear) {
            notes.append(note)
        }
        for (_, part) in withFigures { notes += part.notes }
        notes.append(ComparabilityNote(NoteSubject(.projectsPerYear), .projectsAreMinimums))
        return MetricSection(id: .projectsPerYear, title: definition.title, definition: definition.summary,
                             comparability: .withCaveats, rows: rows, notes: notes)
    }

    /// A year row's cell.
    struct YearKey: Hashable {
        var scope: ProjectScope
        var event: String
        var year: Int
    }

    /// What the cell of a year without projects depends on.
    struct EmptyYearKey: Hashable {
        var hasProjects: Bool
        var reported: PartialDate?
        var event: String
        var year: Int
    }

    /// The notes on one side's projects: undated ones, unknown channels.
    static func sideNotes(_ side: Side, _ report: Report) -> [ComparabilityNote] {
        let undated = report.projects.filter { $0.start == nil && $0.goLive == nil }.count
        let unknownChannel = report.projects.filter { $0.scope == .ozg && $0.channel == .unknown }.count
        guard undated > 0 || unknownChannel > 0 else { return [] }
        return [ComparabilityNote(side.noteSubject(.projectsPerYear), .projectGaps(
            undated: undated > 0 ? CountOfTotal(count: undated, total: report.projects.count) : nil, unknownChannel: unknownChannel))]
    }

    /// Projects of one scope with one event in one year; not applicable where the side's reports end before the year.
    static func yearCell(_ side: Side, _ report: Report, scope: ProjectScope, event: Event, year: Int) -> Figure {
        let matching = report.projects.filter { $0.scope == scope && event.year(of: $0) == year }
        // A plan is shown with the document and date that made it: a plan of 2016 is not a plan of today.
        let plans = event == .planned ? matching.compactMap { $0.planSourceID.flatMap(side.dataset.source) } : []
        let names = matching.map { project -> String in
            guard event == .planned, let id = project.planSourceID, let source = side.dataset.source(id) else { return project.name }
            // "vom 15.12.2025", but "von Mai 2025" and "von 2016": a date without its day.
            let preposition = source.date.day == nil ? " von " : " vom "
            return project.name + " (Plan: " + source.type.germanName + preposition + GermanFormat.date(source.date) + ")"
        }
        return yearCell(hasProjects: !report.projects.isEmpty, reported: report.projects.map(\.statusDate).max(), event: event, year: year,
                        count: matching.count, names: names, planned: plans.map(\.date).max(),
                        sources: side.cite(matching.flatMap(\.sourceIDs)))
    }

    /// The cell of a year in which a side has no project of the row's scope and event.
    static func emptyYearCell(hasProjects: Bool, reported: PartialDate?, event: Event, year: Int) -> Figure {
        yearCell(hasProjects: hasProjects, reported: reported, event: event, year: year, count: 0, names: [], planned: nil, sources: [])
    }

    /// `planned`: the date of the latest document that made one of the plans counted (the cell's date for plans).
    static func yearCell(hasProjects: Bool, reported: PartialDate?, event: Event, year: Int, count: Int, names: [String],
                         planned: PartialDate?, sources: [SourceReference]) -> Figure {
        guard hasProjects, let reported else { return Figure(value: .unknown(reason: "keine Projekte gemeldet")) }
        if event != .planned, reported.latestDay.year < year {
            return Figure(value: .notApplicable(reason: "Stand \(GermanFormat.date(reported)) liegt vor \(year)"), asOf: reported)
        }
        let partial = event != .planned && reported.latestDay.year == year && reported.latestDay.month! < 12
        return Figure(value: .count(count, .atLeast), asOf: planned ?? reported, sources: sources,
                      remark: ([partial ? "nur bis \(GermanFormat.date(reported))" : ""] + [names.joined(separator: ", ")])
                          .filter { !$0.isEmpty }.joined(separator: "; "))
    }

    /// Where the sides report projects of different scope (a total of all IT projects against single OZG
    /// projects), what each reports.
    static func scopeNote(_ parts: [Part]) -> ComparabilityNote? {
        guard Set(parts.map(\.totalIndicators)).count > 1 || Set(parts.map(\.scopes)).count > 1 else { return nil }
        return ComparabilityNote(NoteSubject(.projectsPerYear), .projectScopes(parts.map(\.scopeReport)))
    }

    /// What one side reports, for the note on scopes.
    static func scopeReport(_ side: Side, _ report: Report) -> ProjectReport {
        let totals = Set(report.totals.map { TotalKey($0) }).sorted().compactMap { key in
            report.totals.last { TotalKey($0) == key }.map {
                ReportedTotal(indicator: key.indicator, period: key.period, value: side.figure($0).value)
            }
        }
        let named = ProjectScope.allCases.map { scope in ScopeCount(scope: scope, count: report.projects.filter { $0.scope == scope }.count) }
        return ProjectReport(name: side.name, totals: totals, named: named)
    }
}

/// One project total row: an indicator for one period (or, without period, as a state).
struct TotalKey: Hashable, Comparable, Codable {
    var indicator: String
    var period: PartialDate?

    init(_ indicator: Indicator) {
        self.indicator = indicator.indicator
        self.period = indicator.period
    }

    init(indicator: String, period: PartialDate?) {
        self.indicator = indicator
        self.period = period
    }

    var key: String { indicator + (period.map { "-\($0)" } ?? "") }
    var label: String { KnownIndicator.label(of: indicator) + (period.map { " für \(GermanFormat.date($0))" } ?? "") }

    static func < (lhs: TotalKey, rhs: TotalKey) -> Bool {
        (lhs.indicator, lhs.period?.description ?? "") < (rhs.indicator, rhs.period?.description ?? "")
    }
}

// In an extension, so that the memberwise initialiser (which the digest reader uses) stays.
extension ProjectsPerYearSection.Part {
    init(_ side: Side) {
        let report = ProjectsPerYearSection.Report(side)
        hasFigures = report.hasFigures
        hasProjects = !report.projects.isEmpty
        reported = report.projects.map(\.statusDate).max()
        date = report.date
        totals = Set(report.totals.map { TotalKey($0) }).sorted().compactMap { key in
            report.totals.last { TotalKey($0) == key }.map { ProjectsPerYearSection.TotalCell(key: key, figure: side.figure($0)) }
        }
        var years: [ProjectsPerYearSection.YearCell] = []
        for scope in ProjectScope.allCases {
            for event in ProjectsPerYearSection.Event.allCases {
                for year in Set(report.projects.filter { $0.scope == scope }.compactMap(event.year)).sorted() {
                    years.append(ProjectsPerYearSection.YearCell(scope: scope, event: event.rawValue, year: year,
                                          figure: ProjectsPerYearSection.yearCell(side, report, scope: scope, event: event, year: year)))
                }
            }
        }
        self.years = years
        undated = ProjectScope.allCases.map { scope in
            let undated = report.projects.filter { $0.scope == scope && $0.start == nil && $0.goLive == nil }
            guard !report.projects.isEmpty else { return Figure(value: .unknown(reason: "keine Projekte gemeldet")) }
            return Figure(value: .count(undated.count, .exact), asOf: report.date, sources: side.cite(undated.flatMap(\.sourceIDs)))
        }
        channels = Channel.allCases.map { channel in
            guard !report.projects.isEmpty else { return Figure(value: .unknown(reason: "keine Projekte gemeldet")) }
            let matching = report.projects.filter { $0.scope == .ozg && $0.channel == channel && $0.state != .stopped }
            return Figure(value: .count(matching.count, channel == .unknown ? .exact : .atLeast), asOf: report.date,
                          sources: side.cite(matching.flatMap(\.sourceIDs)))
        }
        totalIndicators = Set(report.totals.map(\.indicator)).sorted()
        scopes = Set(report.projects.map(\.scope)).sorted { $0.rawValue < $1.rawValue }
        scopeReport = ProjectsPerYearSection.scopeReport(side, report)
        notes = report.projects.isEmpty ? [] : ProjectsPerYearSection.sideNotes(side, report)
    }
}
