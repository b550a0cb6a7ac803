import Domain

/// The section "Weitere Kennzahlen": indicators every side reports with the same identifier, unit and subject.
enum OtherIndicatorsSection {
    /// What makes two indicator rows the same figure.
    struct Key: Hashable, Comparable, Codable {
        var indicator: String
        var subject: String
        var unit: IndicatorUnit

        init(_ indicator: Indicator) {
            self.indicator = indicator.indicator
            self.subject = indicator.subject
            self.unit = indicator.unit
        }

        init(indicator: String, subject: String, unit: IndicatorUnit) {
            self.indicator = indicator
            self.subject = subject
            self.unit = unit
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.indicator, lhs.subject, lhs.unit.rawValue) < (rhs.indicator, rhs.subject, rhs.unit.rawValue)
        }
    }

    /// The indicators of a side that belong to no axis, latest per key (dated figures only count once).
    static func latest(of side: Side) -> [Key: Indicator] {
        let other = side.dataset.indicators.filter { Axis.of(indicator: $0.indicator) == .otherIndicators }
        return Dictionary(grouping: other, by: Key.init).compactMapValues { rows in
            rows.max { ($0.snapshot, $0.period ?? $0.snapshot) < ($1.snapshot, $1.period ?? $1.snapshot) }
        }
    }

    /// The elements every set has (empty for no sets).
    static func intersection<Element>(_ sets: [Set<Element>]) -> Set<Element> {
        guard var result = sets.first else { return [] }
        for set in sets.dropFirst() { result.formIntersection(set) }
        return result
    }

    /// A side's latest figure of one indicator, as the section shows it.
    struct Entry: Sendable, Hashable, Codable {
        var key: Key
        var figure: Figure
        var snapshot: PartialDate
        var qualifier: Qualifier
    }

    /// What one side gives the section: everything `build` reads of it, so that a peer's part can be kept instead of
    /// its dataset (`PeerDigest`).
    struct Part: Sendable, Hashable, Codable {
        /// The latest figure of each indicator of `latest(of:)`, by key.
        var latest: [Entry]

        mutating func mapCells(_ transform: (Figure) -> Figure) {
            latest = latest.map { Entry(key: $0.key, figure: transform($0.figure), snapshot: $0.snapshot, qualifier: $0.qualifier) }
        }
    }

    static func build(_ sides: [Side]) -> MetricSection {
        build(sides.map(\.participant), sides.map(Part.init))
    }

    static func build(_ participants: [Participant], _ parts: [Part]) -> MetricSection {
        let definition = Methodology.definition(of: .otherIndicators)
        let latest = parts.map { part in Dictionary(part.latest.map { ($0.key, $0) }, uniquingKeysWith: { $1 }) }
        let shared = intersection(latest.map { Set($0.keys) })
        var notes: [ComparabilityNote] = []

        // Same indicator and subject, different unit: a near miss worth saying.
        let byName = latest.map { Set($0.keys.map { [$0.indicator, $0.subject] }) }
        let sharedNames = intersection(byName)
        for name in sharedNames.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !shared.contains(where: { [$0.indicator, $0.subject] == name }) {
            let units = zip(participants, latest).map { side, indicators in
                Named(side.name, indicators.keys.filter { [$0.indicator, $0.subject] == name }.map(\.unit.rawValue).sorted())
            }
            notes.append(ComparabilityNote(NoteSubject(.otherIndicators), .indicatorUnits(indicator: name[0], units: units)))
        }
        var onlyOne: [Named<Int>] = []
        for (side, indicators) in zip(participants, latest) {
            let count = indicators.keys.filter { !shared.contains($0) }.count
            if count > 0 { onlyOne.append(Named(side.name, count)) }
        }
        if !onlyOne.isEmpty {
            notes.append(ComparabilityNote(NoteSubject(.otherIndicators), .notReportedByAll(onlyOne)))
        }
        guard !shared.isEmpty else {
            return MetricSection(id: .otherIndicators, title: definition.title, definition: definition.summary,
                                 comparability: .notComparable(reason: "Keine weitere Kennzahl wird von allen Kommunen mit gleichem "
                                     + "Bezeichner, gleicher Einheit und gleichem Gegenstand gemeldet."),
                                 rows: [], notes: notes)
        }
        let rows = shared.sorted().map { key in
            MetricRow(label: KnownIndicator.label(of: key.indicator) + (key.subject.isEmpty ? "" : " – " + key.subject),
                      cells: latest.map { indicators in indicators[key]!.figure },
                      key: "indicator-\(key.indicator)" + (key.subject.isEmpty ? "" : "|\(key.subject)"))
        }
        let dates = zip(participants, latest).compactMap { side, indicators -> (name: String, date: PartialDate)? in
            shared.compactMap { indicators[$0]?.snapshot }.max().map { (side.name, $0) }
        }
        if let note = CommonNotes.snapshotGap(dates, metric: .otherIndicators) { notes.insert(note, at: 0) }
        let approximate = zip(participants, latest).filter { _, indicators in shared.contains { indicators[$0]?.qualifier != .exact } }.map(\.0.name)
        if !approximate.isEmpty {
            notes.append(ComparabilityNote(NoteSubject(.otherIndicators), .approximateIndicators(approximate)))
        }
        return MetricSection(id: .otherIndicators, title: definition.title, definition: definition.summary,
                             comparability: notes.isEmpty ? .comparable : .withCaveats, rows: rows, notes: notes)
    }
}

// In an extension, so that the memberwise initialiser (which the digest reader uses) stays.
extension OtherIndicatorsSection.Part {
    init(_ side: Side) {
        latest = OtherIndicatorsSection.latest(of: side).sorted { $0.key < $1.key }.map { key, indicator in
            OtherIndicatorsSection.Entry(key: key, figure: side.figure(indicator), snapshot: indicator.snapshot, qualifier: indicator.qualifier)
        }
    }
}
