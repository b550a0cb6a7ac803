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

    static func build(_ sides: [Side]) -> MetricSection {
        let definition = Methodology.definition(of: .projectsPerYear)
        let reports = sides.map(Report.init)
        let withFigures = zip(sides, reports).filter { $0.1.hasFigures }
        guard withFigures.count >= 2 else {
            let missing = zip(sides, reports).filter { !$0.1.hasFigures }.map(\.0.name)
            return MetricSection(id: .projectsPerYear, title: definition.title, definition: definition.summary,
                                 comparability: .notComparable(reason: "Nicht vergleichbar: " + CommonNotes.list(missing)
                                     + (missing.count == 1 ? " meldet" : " melden") + " keine Projekte."),
                                 rows: [], notes: [])
        }

        var rows: [MetricRow] = []
        // Totals first: where a source gives one, it is the figure a reader looks for.
        let totalKeys = Set(reports.flatMap { $0.totals.map { TotalKey($0) } }).sorted()
        for key in totalKeys {
            rows.append(MetricRow(label: key.label, cells: zip(sides, reports).map { side, report in
                guard let indicator = report.totals.last(where: { TotalKey($0) == key }) else {
                    return Figure(value: .unknown(reason: "keine Gesamtzahl gemeldet"))
                }
                return side.figure(indicator)
            }, key: key.key))
        }
        for scope in ProjectScope.allCases {
            for event in Event.allCases {
                let years = Set(reports.flatMap { $0.projects.filter { $0.scope == scope }.compactMap(event.year) }).sorted()
                for year in years {
                    rows.append(MetricRow(label: "\(scope.germanName): \(event.germanName) \(year)", cells: zip(sides, reports).map { side, report in
                        yearCell(side, report, scope: scope, event: event, year: year)
                    }, key: "projects-\(scope.rawValue)-\(event.rawValue)-\(year)"))
                }
            }
            rows.append(MetricRow(label: "\(scope.germanName): ohne Start- und Go-live-Datum", cells: zip(sides, reports).map { side, report in
                let undated = report.projects.filter { $0.scope == scope && $0.start == nil && $0.goLive == nil }
                guard !report.projects.isEmpty else { return Figure(value: .unknown(reason: "keine Projekte gemeldet")) }
                return Figure(value: .count(undated.count, .exact), asOf: report.date, sources: side.cite(undated.flatMap(\.sourceIDs)))
            }, key: "projects-\(scope.rawValue)-undated"))
        }
        for channel in Channel.allCases {
            rows.append(MetricRow(label: "OZG-Projekte nach Umsetzungsweg: \(channel.germanName)", cells: zip(sides, reports).map { side, report in
                guard !report.projects.isEmpty else { return Figure(value: .unknown(reason: "keine Projekte gemeldet")) }
                let matching = report.projects.filter { $0.scope == .ozg && $0.channel == channel && $0.state != .stopped }
                return Figure(value: .count(matching.count, channel == .unknown ? .exact : .atLeast), asOf: report.date,
                              sources: side.cite(matching.flatMap(\.sourceIDs)))
            }, key: "projects-ozg-channel-\(channel.rawValue)"))
        }

        var notes: [ComparabilityNote] = []
        if let note = scopeNote(withFigures) { notes.append(note) }
        if let note = CommonNotes.snapshotGap(withFigures.compactMap { side, report in report.date.map { (side.name, $0) } }) {
            notes.append(note)
        }
        for (side, report) in withFigures where !report.projects.isEmpty {
            let undated = report.projects.filter { $0.start == nil && $0.goLive == nil }.count
            let unknownChannel = report.projects.filter { $0.scope == .ozg && $0.channel == .unknown }.count
            var parts: [String] = []
            if undated > 0 {
                parts.append("\(GermanFormat.integer(undated)) von \(GermanFormat.integer(report.projects.count)) Projekten haben weder "
                    + "Start- noch Go-live-Datum; sie sind keinem Jahr zugeordnet und nicht als 0 gezählt")
            }
            if unknownChannel > 0 {
                parts.append("bei \(GermanFormat.integer(unknownChannel)) " + (unknownChannel == 1 ? "OZG-Projekt" : "OZG-Projekten")
                    + " ist der Umsetzungsweg unbekannt")
            }
            if !parts.isEmpty { notes.append(ComparabilityNote(.unknownValues, "\(side.name): " + parts.joined(separator: "; ") + ".")) }
        }
        notes.append(ComparabilityNote(.unknownValues, "Einzeln genannte Projekte sind Mindestzahlen: Berichte nennen eine Auswahl; "
            + "„keine genannt“ heißt nicht, dass es keine gab."))
        return MetricSection(id: .projectsPerYear, title: definition.title, definition: definition.summary,
                             comparability: .withCaveats, rows: rows, notes: notes)
    }

    /// Projects of one scope with one event in one year; not applicable where the side's reports end before the year.
    static func yearCell(_ side: Side, _ report: Report, scope: ProjectScope, event: Event, year: Int) -> Figure {
        guard !report.projects.isEmpty else { return Figure(value: .unknown(reason: "keine Projekte gemeldet")) }
        let reported = report.projects.map(\.statusDate).max()!
        if event != .planned, reported.latestDay.year < year {
            return Figure(value: .notApplicable(reason: "Stand \(GermanFormat.date(reported)) liegt vor \(year)"), asOf: reported)
        }
        let matching = report.projects.filter { $0.scope == scope && event.year(of: $0) == year }
        let partial = event != .planned && reported.latestDay.year == year && reported.latestDay.month! < 12
        return Figure(value: .count(matching.count, .atLeast), asOf: reported, sources: side.cite(matching.flatMap(\.sourceIDs)),
                      remark: ([partial ? "nur bis \(GermanFormat.date(reported))" : ""] + [matching.map(\.name).joined(separator: ", ")])
                          .filter { !$0.isEmpty }.joined(separator: "; "))
    }

    /// Where the sides report projects of different scope (a total of all IT projects against single OZG
    /// projects), what each reports.
    static func scopeNote(_ sides: [(Side, Report)]) -> ComparabilityNote? {
        let totalSets = sides.map { Set($0.1.totals.map(\.indicator)) }
        let namedScopes = sides.map { Set($0.1.projects.map(\.scope)) }
        guard Set(totalSets).count > 1 || Set(namedScopes).count > 1 else { return nil }
        let described = sides.map { side, report -> String in
            var parts: [String] = []
            for key in Set(report.totals.map { TotalKey($0) }).sorted() {
                if let indicator = report.totals.last(where: { TotalKey($0) == key }) {
                    parts.append("Gesamtzahl " + CommonNotes.quoted(key.label) + ": " + GermanFormat.value(side.figure(indicator).value))
                }
            }
            let named = ProjectScope.allCases.map { scope in
                "\(GermanFormat.integer(report.projects.filter { $0.scope == scope }.count)) \(scope.germanName)"
            }
            parts.append(CommonNotes.list(named) + " einzeln genannt")
            return "\(side.name): " + parts.joined(separator: "; ")
        }
        return ComparabilityNote(.differentScopes, "Die Kommunen melden Projekte verschiedenen Umfangs. " + described.joined(separator: ". ")
            + ". Eine Gesamtzahl aller IT-Projekte und -Maßnahmen ist keine Zahl von OZG-Projekten, und einzeln genannte Projekte "
            + "sind keine Gesamtzahl: Nur Zeilen gleichen Umfangs sind vergleichbar.")
    }
}

/// One project total row: an indicator for one period (or, without period, as a state).
struct TotalKey: Hashable, Comparable {
    var indicator: String
    var period: PartialDate?

    init(_ indicator: Indicator) {
        self.indicator = indicator.indicator
        self.period = indicator.period
    }

    var key: String { indicator + (period.map { "-\($0)" } ?? "") }
    var label: String { KnownIndicator.label(of: indicator) + (period.map { " für \(GermanFormat.date($0))" } ?? "") }

    static func < (lhs: TotalKey, rhs: TotalKey) -> Bool {
        (lhs.indicator, lhs.period?.description ?? "") < (rhs.indicator, rhs.period?.description ?? "")
    }
}
