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

    /// A figure that is not the municipality's own (a Land's, the Bund's, a provider's), as a side's sources quote it.
    struct Quoted: Sendable, Hashable, Codable {
        var owner: FigureOwner
        var key: Key
        var period: PartialDate?
        var label: String
        var figure: Figure
        var snapshot: PartialDate
    }

    /// The German label a dataset gives an indicator.
    struct Label: Sendable, Hashable, Codable {
        var indicator: String
        var label: String
    }

    /// What one side gives the section: everything `build` reads of it, so that a peer's part can be kept instead of
    /// its dataset (`PeerDigest`).
    struct Part: Sendable, Hashable, Codable {
        /// The latest figure of each indicator of `latest(of:)`, by key.
        var latest: [Entry]
        /// The German labels the dataset gives its own indicators (column `label`), one per identifier, sorted.
        var labels: [Label]
        /// The Land the municipality lies in (`municipality.yaml`), for the figures of a Land.
        var land: String
        /// The latest figure of each indicator that is not the municipality's own, by owner, key and period.
        var quoted: [Quoted]

        mutating func mapCells(_ transform: (Figure) -> Figure) {
            latest = latest.map { Entry(key: $0.key, figure: transform($0.figure), snapshot: $0.snapshot, qualifier: $0.qualifier) }
            quoted = quoted.map { Quoted(owner: $0.owner, key: $0.key, period: $0.period, label: $0.label, figure: transform($0.figure),
                                         snapshot: $0.snapshot) }
        }
    }

    /// The heading of the group of figures an owner gives for all it concerns.
    static func groupTitle(_ owner: FigureOwner) -> String {
        switch owner {
        case .own: return ""
        case .land(let code): return "Zahlen für alle Kommunen in " + (code == "nrw" ? "NRW" : FigureOwner.landCodes[code] ?? code)
        case .bund: return "Bundesweite Angaben"
        case .provider(let name): return "Angaben des Anbieters " + name
        }
    }

    /// The digests with the EfA services available for reuse filled in where a municipality reports none but another's
    /// sources quote the figure of its Land (or the Bund): the offer of a Land is the same for each of its
    /// municipalities, so it is shown for each, marked as not their own.
    static func shareEfaAvailable(_ digests: [PeerDigest]) -> [PeerDigest] {
        guard digests.count > 1 else { return digests }
        let quoted = digests.flatMap { digest in
            (digest.otherIndicators?.quoted ?? []).filter { $0.key.indicator == KnownIndicator.efaAvailable && $0.key.subject.isEmpty && $0.period == nil }
        }
        guard !quoted.isEmpty else { return digests }
        return digests.map { digest in
            guard var efa = digest.efaUptake, let land = digest.otherIndicators?.land, let cell = efa.cells.first, !cell.value.isKnown,
                  let figure = quoted.filter({ $0.owner.concerns(land: land) && $0.figure.value.isKnown })
                      .max(by: { $0.snapshot < $1.snapshot }) else { return digest }
            var shared = figure.figure
            shared.remark = ownerRemark(figure.owner)
            efa.cells[0] = shared
            var digest = digest
            digest.efaUptake = efa
            return digest
        }
    }

    /// The remark beside a figure that is not the municipality's own, where a section shows it in its column.
    static func ownerRemark(_ owner: FigureOwner) -> String {
        switch owner {
        case .own: return ""
        case .land(let code): return "Angabe für alle Kommunen in " + (FigureOwner.landCodes[code] ?? code) + ", keine eigene Zahl"
        case .bund: return "bundesweite Angabe, keine eigene Zahl"
        case .provider(let name): return "Angabe des Anbieters " + name + ", keine eigene Zahl"
        }
    }

    /// Why a figure is in that group, beside its row.
    static func groupNote(_ owner: FigureOwner) -> String {
        switch owner {
        case .own: return ""
        case .land(let code):
            return "Angabe für alle Kommunen in \(FigureOwner.landCodes[code] ?? code), keine Leistung einer Kommune."
        case .bund: return "Bundesweite Angabe, keine Leistung einer Kommune."
        case .provider(let name):
            return "Angabe des Anbieters \(name), keine Leistung einer einzelnen Kommune; gezeigt bei der Kommune, deren Quelle sie nennt."
        }
    }

    /// The rows of the figures that are not a municipality's own: each figure once (the latest of the same owner,
    /// indicator, subject, unit and period, whoever quotes it), with its value in the column of every municipality it
    /// concerns.
    static func quotedRows(_ participants: [Participant], _ parts: [Part]) -> [MetricRow] {
        struct QuotedKey: Hashable, Comparable {
            var owner: FigureOwner
            var key: Key
            var period: String
            static func < (lhs: QuotedKey, rhs: QuotedKey) -> Bool { (lhs.owner, lhs.key, lhs.period) < (rhs.owner, rhs.key, rhs.period) }
        }
        var latest: [QuotedKey: (quoted: Quoted, reporters: Set<Int>)] = [:]
        for (index, part) in parts.enumerated() {
            for quoted in part.quoted {
                let key = QuotedKey(owner: quoted.owner, key: quoted.key, period: quoted.period?.description ?? "")
                if let found = latest[key] {
                    if found.quoted.snapshot < quoted.snapshot {
                        latest[key] = (quoted, [index])
                    } else if found.quoted.snapshot == quoted.snapshot && found.quoted.figure.value == quoted.figure.value {
                        var merged = found.quoted
                        merged.figure.sources = (found.quoted.figure.sources + quoted.figure.sources.filter { !found.quoted.figure.sources.contains($0) })
                        latest[key] = (merged, found.reporters.union([index]))
                    }
                } else {
                    latest[key] = (quoted, [index])
                }
            }
        }
        return latest.keys.sorted().map { key in
            let (quoted, reporters) = latest[key]!
            let cells = parts.enumerated().map { index, part -> Figure in
                if reporters.contains(index) || quoted.owner.concerns(land: part.land) { return quoted.figure }
                switch quoted.owner {
                case .land(let code):
                    return Figure(value: .notApplicable(reason: "gilt nur für Kommunen in \(FigureOwner.landCodes[code] ?? code)"))
                default:
                    return Figure(value: .unknown(reason: "nicht gemeldet, ob die Angabe hier gilt"))
                }
            }
            let label = groupTitle(key.owner) + ": " + quoted.label + (key.key.subject.isEmpty ? "" : " – " + key.key.subject)
                + (quoted.period.map { " (Zeitraum \(GermanFormat.date($0)))" } ?? "")
            return MetricRow(label: label, cells: cells,
                                key: "quoted-\(key.owner)-\(key.key.indicator)" + (key.key.subject.isEmpty ? "" : "|\(key.key.subject)")
                                    + (key.period.isEmpty ? "" : "|\(key.period)"),
                             note: groupNote(key.owner), sideBySide: false)
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
        let quoted = quotedRows(participants, parts)
        guard !shared.isEmpty else {
            return MetricSection(id: .otherIndicators, title: definition.title, definition: definition.summary,
                                 comparability: .notComparable(reason: "Keine weitere Kennzahl wird von allen Kommunen mit gleichem "
                                     + "Bezeichner, gleicher Einheit und gleichem Gegenstand gemeldet."
                                     + (quoted.isEmpty ? "" : " Die Zeilen unten sind Angaben des Landes oder des Bundes für alle "
                                        + "Kommunen, die sie betreffen, keine Zahlen einer Kommune.")),
                                 rows: quoted, notes: notes)
        }
        let labels = parts.reduce(into: [String: String]()) { result, part in
            for entry in part.labels where result[entry.indicator] == nil { result[entry.indicator] = entry.label }
        }
        let rows = shared.sorted().map { key in
            MetricRow(label: (KnownIndicator.labels[key.indicator] ?? labels[key.indicator] ?? key.indicator)
                          + (key.subject.isEmpty ? "" : " – " + key.subject),
                      cells: latest.map { indicators in indicators[key]!.figure },
                      key: "indicator-\(key.indicator)" + (key.subject.isEmpty ? "" : "|\(key.subject)"))
        } + quoted
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
        var named: [String: String] = [:]
        for indicator in side.dataset.indicators where !indicator.label.isEmpty && named[indicator.indicator] == nil {
            named[indicator.indicator] = indicator.label
        }
        labels = named.keys.sorted().map { OtherIndicatorsSection.Label(indicator: $0, label: named[$0]!) }
        land = side.land
        struct QuotedKey: Hashable { var owner: FigureOwner; var key: OtherIndicatorsSection.Key; var period: PartialDate? }
        let grouped = Dictionary(grouping: side.quoted) { QuotedKey(owner: $0.about, key: OtherIndicatorsSection.Key($0), period: $0.period) }
        quoted = grouped.compactMap { key, rows -> OtherIndicatorsSection.Quoted? in
            guard let latest = rows.max(by: { $0.snapshot < $1.snapshot }) else { return nil }
            return OtherIndicatorsSection.Quoted(owner: key.owner, key: key.key, period: key.period, label: latest.germanName,
                                                 figure: side.figure(latest, withPeriod: false), snapshot: latest.snapshot)
        }.sorted { ($0.owner, $0.key, $0.period?.description ?? "") < ($1.owner, $1.key, $1.period?.description ?? "") }
    }
}
