import Domain

extension ComparisonReport {
    /// Compares two or more municipalities on the chosen metrics, each with its latest snapshot on or before `asOf`.
    ///
    /// - Parameters:
    ///   - datasets: the municipalities in the order the user named them.
    ///   - reference: the reference catalogue, for conversions between counting units.
    ///   - asOf: where given, only figures valid on or before this date are used.
    ///   - metrics: the sections to build, in the order of `MetricID.allCases`.
    public init(comparing datasets: [Dataset], reference: ReferenceCatalogue, asOf: PartialDate? = nil,
                metrics: Set<MetricID> = Set(MetricID.allCases)) throws(ComparisonError) {
        guard datasets.count >= 2 else { throw .tooFewParticipants(datasets.count) }
        let sides = try ComparisonReport.sides(datasets, reference: reference, asOf: asOf)
        self.init(participants: sides.map(\.participant), asOf: asOf, sections: ComparisonReport.sections(sides, metrics: metrics))
    }

    /// Compares one municipality with the median and quartiles of all others of the same kind.
    ///
    /// - Parameters:
    ///   - subject: the municipality to look at.
    ///   - datasets: every dataset there is (the subject among them); those of another kind are ignored, and so are
    ///     peers without a snapshot on or before `asOf`.
    public init(peerViewOf subject: Slug, among datasets: [Dataset], reference: ReferenceCatalogue, asOf: PartialDate? = nil,
                metrics: Set<MetricID> = Set(MetricID.allCases)) throws(ComparisonError) {
        guard let own = datasets.first(where: { $0.slug == subject }) else { throw .tooFewParticipants(0) }
        let kind = own.municipality.kind
        let peers = datasets.filter { $0.slug != subject && $0.municipality.kind == kind }
            .filter { dataset in asOf.map { !dataset.asOf($0).snapshots.isEmpty } ?? true }
            .sorted { $0.slug < $1.slug }
        guard !peers.isEmpty else { throw .noPeers(slug: subject.rawValue, kind: kind) }
        let sides = try ComparisonReport.sides([own] + peers, reference: reference, asOf: asOf)
        let units = sides.map { ServicesOnlineSection.current($0)?.census.unit }
        let peerNames = Set(sides.dropFirst().map(\.name))
        let sections = ComparisonReport.sections(sides, metrics: metrics).map { section in
            var section = section
            section.rows = section.rows.map { PeerStatistics.summarise($0, units: units) }
            // Notes about a single peer would bury the ones about the subject; notes about all stay.
            section.notes = section.notes.filter { note in !peerNames.contains { note.text.hasPrefix($0 + ":") } }
            return section
        }
        self.init(participants: [sides[0].participant], asOf: asOf, sections: sections,
                  peerGroup: PeerGroup(kind: kind, members: sides.dropFirst().map(\.participant)))
    }

    static func sides(_ datasets: [Dataset], reference: ReferenceCatalogue, asOf: PartialDate?) throws(ComparisonError) -> [Side] {
        var seen = Set<Slug>()
        for dataset in datasets where !seen.insert(dataset.slug).inserted {
            throw .duplicateParticipant(dataset.slug.rawValue)
        }
        let sides = datasets.map { Side(dataset: $0, asOf: asOf, reference: reference) }
        if let asOf, let empty = zip(datasets, sides).first(where: { $0.1.dataset.snapshots.isEmpty }) {
            throw .noSnapshotBefore(slug: empty.0.slug.rawValue, date: asOf, earliest: empty.0.snapshots.first)
        }
        return sides
    }

    static func sections(_ sides: [Side], metrics: Set<MetricID>) -> [MetricSection] {
        MetricID.allCases.filter(metrics.contains).map { id in
            switch id {
            case .servicesOnline: return ServicesOnlineSection.build(sides)
            case .efaUptake: return EfaUptakeSection.build(sides)
            case .projectsPerYear: return ProjectsPerYearSection.build(sides)
            case .trends: return TrendsSection.build(sides)
            case .otherIndicators: return OtherIndicatorsSection.build(sides)
            }
        }
    }
}

/// Median and quartiles of the peers' figures in one row.
enum PeerStatistics {
    /// Rows whose figures are in each municipality's own counting unit: only peers counting alike are summarised.
    static let unitDependentKeys: Set<String> = ["total", "online-count", "online-share", "maturity-2-share", "maturity-3-share"]

    /// The row with the subject's cell first and one cell per statistic of the peers' cells.
    static func summarise(_ row: MetricRow, units: [CountingUnit?]) -> MetricRow {
        let peers = Array(zip(row.cells, units).dropFirst())
        let eligible = unitDependentKeys.contains(row.key) ? peers.filter { $0.1 == units[0] } : peers
        let known = eligible.compactMap { figure, _ in figure.value.bounds.map { (figure, $0) } }
        let skippedUnit = peers.count - eligible.count
        var remark = "aus \(GermanFormat.integer(known.count)) von \(GermanFormat.integer(peers.count)) "
            + (peers.count == 1 ? "Vergleichskommune" : "Vergleichskommunen")
        if skippedUnit > 0 { remark += "; \(GermanFormat.integer(skippedUnit)) zählen in anderer Einheit" }
        let statistics = PeerStatistic.allCases.map { statistic -> Figure in
            guard !known.isEmpty else {
                return Figure(value: .unknown(reason: "kein bekannter Wert"), remark: remark)
            }
            let p: Double = statistic == .lowerQuartile ? 0.25 : (statistic == .median ? 0.5 : 0.75)
            let low = quantile(known.map(\.1.lowerBound), p), high = quantile(known.map(\.1.upperBound), p)
            let unit = unitOf(known[0].0.value)
            let value: FigureValue = low == high ? .number(rounded(low), unit: unit, .exact)
                : .interval(low: rounded(low), high: rounded(high), unit: unit)
            return Figure(value: value, asOf: known.compactMap(\.0.asOf).max(), remark: remark)
        }
        return MetricRow(label: row.label, cells: [row.cells[0]] + statistics, key: row.key, note: row.note)
    }

    /// The p-quantile with linear interpolation between neighbours (position p·(n−1) in the sorted values).
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down)), above = Int(position.rounded(.up))
        return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
    }

    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    static func unitOf(_ value: FigureValue) -> String {
        switch value {
        case .share: return IndicatorUnit.percent.rawValue
        case .interval(_, _, let unit), .number(_, let unit, _): return unit
        default: return IndicatorUnit.count.rawValue
        }
    }
}
