import Domain

/// What a section says at a glance ("Auf einen Blick"), as values: the headline row, each column's figure of it, whether
/// an order of the figures may be given and why not, and the notes that change how the figures read. Presentation
/// makes the German sentences (`SummaryText`); nothing here is written per municipality, everything is read from the
/// section's rows and notes.
public struct SectionSummary: Sendable, Hashable {
    /// The row the sentences are about (its label and key).
    public var label: String
    public var key: String
    /// One statement per column of the report (participants, then the peer group's statistics).
    public var statements: [Statement]
    /// Whether the figures may be set in an order, and why not.
    public var verdict: Verdict
    /// The two or three notes that change how a figure reads, in the section's order; shown beside the figures.
    public var keyNotes: [ComparabilityNote]
    /// How many notes the section has in all.
    public var noteCount: Int

    /// One column's figure of the headline row.
    public struct Statement: Sendable, Hashable {
        /// "Stadt Leverkusen", or "Median" in a peer view.
        public var name: String
        /// Whether the column is a statistic of the peer group rather than a municipality.
        public var isStatistic: Bool
        public var figure: Figure
        /// The counting unit the figure is in, where the section knows it ("OZG-Leistungen").
        public var unit: String?
        /// A second figure that explains the first: the count online next to the share.
        public var detail: Figure?
    }

    /// Whether an order may be given.
    public enum Verdict: Sendable, Hashable {
        /// The section sets no figure side by side; the reason is the section's.
        case notComparable(reason: String)
        /// No headline figure: the section has no rows.
        case noFigures
        /// The named columns give no number for the headline row.
        case missing([String])
        /// The figures count in different units (name and unit of each column), so no order is given.
        case differentUnits([Named<String>])
        /// A note forbids an order (different scopes, levels or kinds of source), by its kind.
        case forbidden(ComparabilityNote.Kind)
        /// The figures' bounds overlap: no order follows from them. `lowerBoundsOnly` names the columns whose figure is
        /// only a lower bound ("mind. 2"), open upwards.
        case overlapping(lowerBoundsOnly: [String])
        /// The columns from highest to lowest; equal figures share a place. `caveats` are the kinds of the notes the
        /// order holds with.
        case ordered([[String]], caveats: [ComparabilityNote.Kind])
        /// Peer view: where the subject's figure lies against the group's quartiles.
        case position(PeerPosition, caveats: [ComparabilityNote.Kind])
    }

    /// Where a subject's figure lies in its peer group.
    public enum PeerPosition: String, Sendable, Hashable {
        case belowLowerQuartile = "below-lower-quartile"
        case betweenQuartiles = "between-quartiles"
        case aboveUpperQuartile = "above-upper-quartile"
        /// The bounds of the figure or the quartiles overlap a quartile: no position follows.
        case undetermined
        /// Too few known values in the group for quartiles.
        case tooFewPeers = "too-few-peers"
    }
}

extension ComparisonReport {
    /// The opening of a section: its headline figures, whether they may be ordered, and its key notes.
    public func summary(of section: MetricSection) -> SectionSummary {
        let columns = self.columns
        let keyNotes = SectionSummary.keyNotes(section.notes)
        guard let row = SectionSummary.headline(section) else {
            let verdict: SectionSummary.Verdict
            if case .notComparable(let reason) = section.comparability { verdict = .notComparable(reason: reason) } else { verdict = .noFigures }
            return SectionSummary(label: "", key: "", statements: [], verdict: verdict, keyNotes: keyNotes, noteCount: section.notes.count)
        }
        let detailRow = SectionSummary.detailKey[row.key].flatMap { key in section.rows.first { $0.key == key } }
        let unitRow = section.id == .servicesOnline ? section.rows.first { $0.key == "online-count" } : nil
        let statements = columns.indices.map { index -> SectionSummary.Statement in
            let figure = row.cells[index]
            // Numbers and bounds carry their unit in the value; counts and shares of services name it in the count's remark.
            let unit = unitRow.flatMap { SectionSummary.countingUnit(of: $0.cells[index]) }
            return SectionSummary.Statement(name: columns[index].title, isStatistic: columns[index].slug == nil, figure: figure,
                                            unit: unit, detail: detailRow?.cells[index])
        }
        return SectionSummary(label: row.label, key: row.key, statements: statements,
                              verdict: verdict(section, row: row, statements: statements), keyNotes: keyNotes,
                              noteCount: section.notes.count)
    }

    private func verdict(_ section: MetricSection, row: MetricRow, statements: [SectionSummary.Statement]) -> SectionSummary.Verdict {
        if case .notComparable(let reason) = section.comparability { return .notComparable(reason: reason) }
        let municipalities = statements.filter { !$0.isStatistic }
        let missing = municipalities.filter { $0.figure.value.bounds == nil }.map(\.name)
        if !missing.isEmpty { return .missing(missing) }
        if !row.sideBySide {
            return .differentUnits(municipalities.map { Named($0.name, $0.unit ?? "") })
        }
        let caveats = SectionSummary.orderedKinds(section.notes)
        // Where every participant's figures are rows of the OZG dashboard, they count alike: the dashboard's notes
        // qualify an order (the rows are no inventory of all services) but do not forbid it.
        let forbidding = SectionSummary.forbidsOrder.subtracting(section.everyParticipantFromDashboard ? [.dashboardRows] : [])
        // In a peer view, peers in another unit are left out of the statistics: that note does not forbid (and does not
        // hide another that does).
        if let kind = caveats.first(where: { forbidding.contains($0) && !(peerGroup != nil && $0 == .differentUnits) }) {
            return .forbidden(kind)
        }
        // Unknown values of other rows do not touch an order of known figures.
        let softCaveats = caveats.filter { !forbidding.contains($0) && $0 != .unknownValues && $0 != .other }
        if peerGroup != nil {
            guard let own = municipalities.first?.figure.value.bounds else { return .missing(missing) }
            let statistics = statements.filter(\.isStatistic)
            let lower = statistics.first { $0.name == PeerStatistic.lowerQuartile.germanName }?.figure.value.bounds
            let upper = statistics.first { $0.name == PeerStatistic.upperQuartile.germanName }?.figure.value.bounds
            guard let lower, let upper else { return .position(.tooFewPeers, caveats: softCaveats) }
            let position: SectionSummary.PeerPosition
            if own.upperBound < lower.lowerBound { position = .belowLowerQuartile }
            else if own.lowerBound > upper.upperBound { position = .aboveUpperQuartile }
            else if own.lowerBound > lower.upperBound && own.upperBound < upper.lowerBound { position = .betweenQuartiles }
            else { position = .undetermined }
            return .position(position, caveats: softCaveats)
        }
        let bounds = municipalities.compactMap { statement in SectionSummary.orderBounds(statement.figure.value).map { (statement.name, $0) } }
        let open = bounds.filter { $0.1.upperBound == .infinity }.map(\.0)
        // An order follows only where no two bounds overlap (a point overlaps only an equal point).
        let sorted = bounds.sorted { ($0.1.upperBound, $0.1.lowerBound) > ($1.1.upperBound, $1.1.lowerBound) }
        var places: [[String]] = []
        var last: ClosedRange<Double>?
        for (name, range) in sorted {
            if let previous = last {
                if range == previous && range.lowerBound == range.upperBound {
                    places[places.count - 1].append(name)
                    continue
                }
                if range.upperBound >= previous.lowerBound { return .overlapping(lowerBoundsOnly: open) }
            }
            places.append([name])
            last = range
        }
        return .ordered(places, caveats: softCaveats)
    }
}

extension SectionSummary {
    /// The row each section opens with, by key, in order of preference: the figure a reader asks for first.
    static let headlineKeys: [MetricID: [String]] = [
        .servicesOnline: ["online-share"],
        .efaUptake: ["efa-uptake-share", "efa-adopted", "efa-central-proxy"],
    ]

    /// The row whose figure explains the headline's (the count online next to the share).
    static let detailKey: [String: String] = ["online-share": "online-count", "efa-uptake-share": "efa-adopted"]

    /// Notes of these kinds forbid setting the figures in an order: they do not count the same thing.
    static let forbidsOrder: Set<ComparabilityNote.Kind> = [.differentUnits, .differentScopes, .differentLevels, .dashboardRows]

    /// The order in which notes change how a figure reads: first what makes figures count different things, then
    /// dates and denominators, then approximations and gaps.
    static let priority: [ComparabilityNote.Kind] = [
        .differentUnits, .differentScopes, .differentLevels, .dashboardRows, .snapshotGap, .denominatorChanged, .mixedSources,
        .approximateValues, .unknownValues, .other,
    ]

    /// The most notes shown beside the figures; the rest are counted and a click (or `--notes all`) away.
    public static let keyNoteLimit = 3

    /// The bounds an order is read from: a lower bound ("mind. 2") is open upwards; nil where the value is unknown.
    static func orderBounds(_ value: FigureValue) -> ClosedRange<Double>? {
        guard let bounds = value.bounds else { return nil }
        switch value {
        case .count(_, .atLeast), .number(_, _, .atLeast): return bounds.lowerBound...Double.infinity
        case .share(_, _, let qualifier) where qualifier == .atLeast: return bounds.lowerBound...Double.infinity
        default: return bounds
        }
    }

    /// The headline row: the first preferred key that every column knows, else one some column knows, else the first
    /// row every column knows, else one some column knows, else the first row.
    static func headline(_ section: MetricSection) -> MetricRow? {
        // A figure the sources quote for all municipalities of a Land or the Bund is no municipality's own report.
        let rows = section.rows.filter { !$0.key.hasPrefix("quoted-") }
        let preferred = (headlineKeys[section.id] ?? []).compactMap { key in rows.first { $0.key == key } }
        if let row = preferred.first(where: { $0.cells.allSatisfy(\.value.isKnown) }) { return row }
        if let row = preferred.first(where: { $0.cells.contains(where: \.value.isKnown) }) { return row }
        return rows.first { $0.cells.allSatisfy(\.value.isKnown) } ?? rows.first { $0.cells.contains(where: \.value.isKnown) }
            ?? rows.first
    }

    /// The notes shown beside the figures: up to `keyNoteLimit`, the most important kinds first, in the section's order.
    public static func keyNotes(_ notes: [ComparabilityNote]) -> [ComparabilityNote] {
        let ranked = notes.indices.sorted { lhs, rhs in
            let left = priority.firstIndex(of: notes[lhs].kind) ?? priority.count
            let right = priority.firstIndex(of: notes[rhs].kind) ?? priority.count
            return (left, lhs) < (right, rhs)
        }
        return ranked.prefix(keyNoteLimit).sorted().map { notes[$0] }
    }

    /// The kinds of the notes, each once, most important first.
    static func orderedKinds(_ notes: [ComparabilityNote]) -> [ComparabilityNote.Kind] {
        let kinds = Set(notes.map(\.kind))
        return priority.filter(kinds.contains)
    }

    /// The counting unit a services cell names in its remark ("OZG-Leistungen", "LeiKa-Leistungen mit …").
    static func countingUnit(of figure: Figure) -> String? {
        CountingUnit.allCases.map(\.germanName).first { figure.remark.hasPrefix($0) }
    }
}
