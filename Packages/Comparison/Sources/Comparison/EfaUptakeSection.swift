import Domain

/// The section "EfA-Nachnutzung": EfA services available, relevant, adopted and in the pipeline, the uptake share,
/// and the time from availability to go-live.
enum EfaUptakeSection {
    /// What one side reports about EfA.
    struct Uptake: Sendable {
        var available: Indicator?
        var relevant: Indicator?
        var adoptedIndicator: Indicator?
        /// EfA projects in their latest state.
        var projects: [ProjectView]

        init(_ side: Side) {
            // Services available for reuse are offered for a whole Land: a figure of the Land counts for each of its municipalities.
            available = side.latestIndicator(KnownIndicator.efaAvailable) ?? side.latestQuoted(KnownIndicator.efaAvailable)
            relevant = side.latestIndicator(KnownIndicator.efaRelevant)
            adoptedIndicator = side.latestIndicator(KnownIndicator.efaAdopted)
            projects = ProjectView.latest(in: side.dataset).filter { $0.channel == .efa }
        }

        var live: [ProjectView] { projects.filter(\.isLive) }

        var hasFigures: Bool { available != nil || relevant != nil || adoptedIndicator != nil || !projects.isEmpty }

        /// The latest date any of the figures is valid for.
        var date: PartialDate? {
            ([available?.snapshot, relevant?.snapshot, adoptedIndicator?.snapshot].compactMap { $0 } + projects.map(\.statusDate)).max()
        }

        /// Adopted services: the indicator, else the live EfA projects as a lower bound, else nothing.
        var adopted: Count? {
            if let indicator = adoptedIndicator, let value = indicator.value.value?.number { return Count(Int(value), indicator.qualifier) }
            return live.isEmpty ? nil : Count(live.count, .atLeast)
        }
    }

    /// What one side gives the section: everything `build` reads of it, so that a peer's part can be kept instead of
    /// its dataset (`PeerDigest`).
    struct Part: Sendable, Hashable, Codable {
        var hasFigures: Bool
        /// The cells of the rows of `rows`, in order.
        var cells: [Figure]
        /// The latest date any of the figures is valid for.
        var date: PartialDate?
        /// How many of the available services the side names as relevant, where both numbers are known.
        var relevance: EfaRelevance?
        /// The side's own notes (empty without figures).
        var notes: [ComparabilityNote]
        /// Whether adopted services come from an indicator, or (without one) from the project list.
        var adoptedFromIndicator: Bool
        var adoptedFromProjects: Bool
        /// For a side whose services are rows of the federal OZG dashboard: the LeiKa-Leistungen offered centrally
        /// (bundes- or landesweit flächendeckend), a proxy of EfA availability, never proof of reuse; nil otherwise.
        var central: Figure? = nil

        mutating func mapCells(_ transform: (Figure) -> Figure) {
            cells = cells.map(transform)
            central = central.map(transform)
        }
    }

    /// The rows of the section: key and label.
    static let rows: [(key: String, label: String)] = [
        ("efa-available", "EfA-Dienste zur Nachnutzung verfügbar"),
        ("efa-relevant", "davon für die eigene Verwaltungsebene relevant"),
        ("efa-adopted", "nachgenutzt (live)"),
        ("efa-in-progress", "EfA-Projekte in Umsetzung"),
        ("efa-planned", "EfA-Projekte in Vorbereitung"),
        ("efa-open", "EfA-Projekte offen (ohne Termin)"),
        ("efa-uptake-share", "Nachnutzungsquote (nachgenutzt von relevant)"),
        ("efa-time-to-live", "Zeit von Verfügbarkeit bis Go-live"),
        ("efa-waiting", "nachnutzbar, aber noch nicht live"),
    ]

    /// The row of a side made of dashboard rows: the dashboard's nearest thing to EfA availability.
    static let centralLabel = "zentral bereitgestellt (bundes- oder landesweit flächendeckend)"

    /// One side's cells of the rows of `rows`, in order.
    static func cells(_ side: Side, _ uptake: Uptake) -> [Figure] {
        func indicatorCell(_ indicator: Indicator?) -> Figure {
            indicator.map(side.figure) ?? Figure(value: .unknown(reason: "nicht gemeldet"))
        }
        func projectCell(_ states: Set<ProjectState>) -> Figure {
            let matching = uptake.projects.filter { !$0.isLive && $0.state.map(states.contains) == true }
            return Figure(value: .count(matching.count, .atLeast), asOf: uptake.projects.map(\.statusDate).max(),
                          sources: side.cite(matching.flatMap(\.sourceIDs)),
                          remark: matching.map(\.name).joined(separator: ", "))
        }
        func adoptedCell() -> Figure {
            if let indicator = uptake.adoptedIndicator { return side.figure(indicator) }
            guard let adopted = uptake.adopted else {
                return Figure(value: .unknown(reason: "nicht gemeldet; keine EfA-Nachnutzung als live genannt"),
                              asOf: uptake.projects.map(\.statusDate).max())
            }
            return Figure(value: adopted.figureValue, asOf: uptake.live.map(\.statusDate).max(),
                          sources: side.cite(uptake.live.flatMap(\.sourceIDs)),
                          remark: "aus der Projektliste: " + uptake.live.map(\.name).joined(separator: ", "))
        }
        func shareCell() -> Figure {
            guard let adopted = uptake.adopted, let relevant = uptake.relevant, let count = relevant.value.value?.number else {
                return Figure(value: .unknown(reason: uptake.relevant == nil ? "Zahl relevanter Dienste fehlt" : "Zahl nachgenutzter Dienste fehlt"))
            }
            guard count > 0 else { return Figure(value: .notApplicable(reason: "kein EfA-Dienst relevant"), asOf: relevant.snapshot) }
            return Figure(value: .share(numerator: adopted.value, denominator: Int(count),
                                        .ofShare(numerator: adopted.qualifier, denominator: relevant.qualifier)),
                          asOf: uptake.date, sources: side.cite([relevant.sourceID] + (uptake.adoptedIndicator.map { [$0.sourceID] } ?? [])))
        }
        return [indicatorCell(uptake.available), indicatorCell(uptake.relevant), adoptedCell(), projectCell([.inProgress]),
                projectCell([.planned]), projectCell([.open]), shareCell(), timeToLive(side, uptake), waiting(side, uptake)]
    }

    static func build(_ sides: [Side]) -> MetricSection {
        build(sides.map(\.participant), sides.map(Part.init))
    }

    static func build(_ participants: [Participant], _ parts: [Part]) -> MetricSection {
        let definition = Methodology.definition(of: .efaUptake)
        let withFigures = zip(participants, parts).filter { $0.1.hasFigures }
        guard withFigures.count >= 2 else {
            let missing = zip(participants, parts).filter { !$0.1.hasFigures }.map(\.0.name)
            return MetricSection(id: .efaUptake, title: definition.title, definition: definition.summary,
                                 comparability: .notComparable(reason: "Nicht vergleichbar: " + CommonNotes.list(missing)
                                     + (missing.count == 1 ? " meldet" : " melden") + " weder EfA-Kennzahlen noch EfA-Projekte."),
                                 rows: [], notes: [])
        }
        var rows = Self.rows.enumerated().map { index, row in
            MetricRow(label: row.label, cells: parts.map { $0.cells[index] }, key: row.key)
        }
        if parts.contains(where: { $0.central != nil }) {
            rows.append(MetricRow(label: centralLabel, cells: parts.map {
                $0.central ?? Figure(value: .notApplicable(reason: "keine Zeilen des OZG-Dashboards"))
            }, key: "efa-central-proxy", note: "Näherung für EfA-Verfügbarkeit, kein Nachweis einer Nachnutzung"))
        }

        var notes: [ComparabilityNote] = []
        if let note = CommonNotes.levels(participants, metric: .efaUptake, relevance: withFigures.compactMap(\.1.relevance)) {
            notes.append(note)
        }
        if let note = CommonNotes.snapshotGap(withFigures.compactMap { participant, part in part.date.map { (participant.name, $0) } },
                                              metric: .efaUptake) {
            notes.append(note)
        }
        for (_, part) in withFigures { notes += part.notes }
        let fromProjects = withFigures.filter(\.1.adoptedFromProjects).map(\.0.name)
        let fromIndicator = withFigures.filter(\.1.adoptedFromIndicator).map(\.0.name)
        if !fromProjects.isEmpty && !fromIndicator.isEmpty {
            notes.append(ComparabilityNote(NoteSubject(.efaUptake), .adoptedSources(fromProjects: fromProjects, fromIndicator: fromIndicator)))
        }
        return MetricSection(id: .efaUptake, title: definition.title, definition: definition.summary,
                             comparability: notes.isEmpty ? .comparable : .withCaveats, rows: rows, notes: notes)
    }

    /// The notes one side's figures call for: missing counts, unknown channels, approximate counts.
    static func sideNotes(_ side: Side, _ uptake: Uptake) -> [ComparabilityNote] {
        let subject = side.noteSubject(.efaUptake)
        var notes: [ComparabilityNote] = []
        let missing = [(uptake.available, EfaCount.available), (uptake.relevant, .relevant), (uptake.adoptedIndicator, .adopted)]
            .filter { $0.0 == nil }.map(\.1)
        if !missing.isEmpty {
            notes.append(ComparabilityNote(subject, .efaCountsMissing(missing)))
        }
        let ozgProjects = ProjectView.latest(in: side.dataset).filter { $0.scope == .ozg }
        let unknownChannel = ozgProjects.filter { $0.channel == .unknown }.count
        let onlineServices = ServicesOnlineSection.current(side)?.online
        if unknownChannel > 0 || (onlineServices?.value ?? 0) > 0 {
            notes.append(ComparabilityNote(subject, .channelUnknown(
                projects: unknownChannel > 0 ? CountOfTotal(count: unknownChannel, total: ozgProjects.count) : nil,
                onlineServices: onlineServices.flatMap { $0.value > 0 ? $0 : nil })))
        }
        if let indicator = uptake.adoptedIndicator, indicator.qualifier != .exact {
            notes.append(ComparabilityNote(subject, .approximateAdopted(side.figure(indicator).value, indicator.qualifier)))
        }
        return notes
    }

    /// Months from availability for reuse to the actual go-live, over the EfA services where both are dated.
    static func timeToLive(_ side: Side, _ uptake: Uptake) -> Figure {
        let dated = uptake.live.filter { $0.reuseAvailable != nil && $0.goLive != nil && $0.goLiveKind == .actual }
        guard !dated.isEmpty else {
            return Figure(value: .unknown(reason: "für keine nachgenutzte EfA-Leistung sind Verfügbarkeit und Go-live datiert"))
        }
        let spans = dated.map { PartialDate.daysBetween($0.reuseAvailable!, $0.goLive!) }
        let low = Double(spans.map(\.lowerBound).min()!) / GermanFormat.averageMonthDays
        let high = Double(spans.map(\.upperBound).max()!) / GermanFormat.averageMonthDays
        let remark = dated.map { "\($0.name): \(GermanFormat.date($0.reuseAvailable!)) → \(GermanFormat.date($0.goLive!))" }.joined(separator: "; ")
        let value: FigureValue = abs(high - low) < 0.05 ? .number((low * 10).rounded() / 10, unit: "Monate", .exact)
            : .interval(low: (low * 10).rounded() / 10, high: (high * 10).rounded() / 10, unit: "Monate")
        return Figure(value: value, asOf: dated.map(\.statusDate).max(), sources: side.cite(dated.flatMap(\.sourceIDs)), remark: remark)
    }

    /// EfA services that could be reused by the status date but are not live, with how long they have waited.
    static func waiting(_ side: Side, _ uptake: Uptake) -> Figure {
        let waiting = uptake.projects.filter { project in
            guard let available = project.reuseAvailable, !project.isLive, project.state != .stopped else { return false }
            return available.isOnOrBefore(project.statusDate)
        }
        let remark = waiting.map {
            "\($0.name): nachnutzbar seit \(GermanFormat.date($0.reuseAvailable!)), Stand \(GermanFormat.date($0.statusDate)) "
                + "(\(GermanFormat.distance(days: PartialDate.daysBetween($0.reuseAvailable!, $0.statusDate))))"
        }.joined(separator: "; ")
        return Figure(value: .count(waiting.count, .atLeast), asOf: uptake.projects.map(\.statusDate).max(),
                      sources: side.cite(waiting.flatMap(\.sourceIDs)), remark: remark)
    }
}

// In an extension, so that the memberwise initialiser (which the digest reader uses) stays.
extension EfaUptakeSection.Part {
    init(_ side: Side) {
        let uptake = EfaUptakeSection.Uptake(side)
        hasFigures = uptake.hasFigures
        cells = EfaUptakeSection.cells(side, uptake)
        date = uptake.date
        if let available = uptake.available?.value.value?.number, let relevant = uptake.relevant?.value.value?.number {
            relevance = EfaRelevance(name: side.name, relevant: relevant, available: available)
        } else {
            relevance = nil
        }
        notes = uptake.hasFigures ? EfaUptakeSection.sideNotes(side, uptake) : []
        adoptedFromIndicator = uptake.adoptedIndicator != nil
        adoptedFromProjects = uptake.adoptedIndicator == nil && uptake.adopted != nil
        if let census = ServicesOnlineSection.current(side)?.census, census.fromDashboard {
            let rows = DashboardServices(census, dataset: side.dataset)
            central = Figure(value: .count(rows.central, .exact), asOf: census.snapshot, sources: side.cite(census.sourceIDs),
                             remark: "\(GermanFormat.integer(rows.central)) von \(GermanFormat.integer(rows.known.count)) "
                                + "LeiKa-Leistungen mit bekanntem Online-Dienst (OZG-Dashboard)")
            hasFigures = true
            notes = EfaUptakeSection.sideNotes(side, uptake)
                + [ComparabilityNote(side.noteSubject(.efaUptake), .centralProxy(central: rows.central, known: rows.known.count))]
        }
    }
}
