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

    /// Compares two or more municipalities given as digests of their whole datasets (`PeerDigest(subject:reference:)`,
    /// kept by the command line): the report `init(comparing:reference:asOf:metrics:)` makes without `asOf`.
    public init(comparing digests: [PeerDigest], metrics: Set<MetricID> = Set(MetricID.allCases)) throws(ComparisonError) {
        guard digests.count >= 2 else { throw .tooFewParticipants(digests.count) }
        try ComparisonReport.requireDistinct(digests.map(\.participant.slug))
        self.init(participants: digests.map(\.participant), asOf: nil, sections: ComparisonReport.sections(digests, metrics: metrics))
    }

    /// Compares one municipality with the median and quartiles of its peer group (by default, all others of the same
    /// kind).
    ///
    /// - Parameters:
    ///   - subject: the municipality to look at.
    ///   - datasets: every dataset there is (the subject among them); those the rule does not choose are ignored, and so
    ///     are peers without a snapshot on or before `asOf`.
    ///   - rule: how the peers are chosen; `sizeClasses` are the population classes of `levelAndSize`.
    public init(peerViewOf subject: Slug, among datasets: [Dataset], reference: ReferenceCatalogue, asOf: PartialDate? = nil,
                metrics: Set<MetricID> = Set(MetricID.allCases), rule: PeerRule = .kind,
                sizeClasses: [SizeClass] = []) throws(ComparisonError) {
        guard let own = datasets.first(where: { $0.slug == subject }) else { throw .tooFewParticipants(0) }
        let ownSide = Side(dataset: own, asOf: asOf, reference: reference)
        let candidates = datasets.filter { $0.slug != subject }
            .filter { dataset in asOf.map { !dataset.asOf($0).snapshots.isEmpty } ?? true }
        let selection = try PeerSelection(rule: rule, subject: ownSide.participant,
                                          candidates: candidates.map { dataset in
                                              Participant(dataset, snapshot: (asOf.map { dataset.asOf($0) } ?? dataset).snapshots.last)
                                          },
                                          sizeClasses: sizeClasses)
        let chosen = Set(selection.members.map(\.slug))
        let peers = candidates.filter { chosen.contains($0.slug) }.sorted { $0.slug < $1.slug }
        guard !peers.isEmpty else { throw Self.noPeers(ownSide.participant, rule) }
        let sides = try ComparisonReport.sides([own] + peers, reference: reference, asOf: asOf)
        self = ComparisonReport.peerView(of: PeerDigest(sides[0], metrics: metrics),
                                         peers: sides.dropFirst().map { PeerDigest($0, metrics: metrics) }, asOf: asOf, metrics: metrics,
                                         rule: rule, selection: selection)
    }

    /// Compares one municipality with the median and quartiles of its peer group, all given as digests (kept in the
    /// database by the command line, so that a peer view need not read every dataset). Without --as-of only: a digest
    /// is made of a whole dataset.
    ///
    /// - Parameters:
    ///   - subject: the digest of the municipality to look at, made with `init(subject:reference:)`.
    ///   - peers: digests of other municipalities (`init(peer:reference:)`); those the rule does not choose are ignored.
    public init(peerViewOf subject: PeerDigest, peers: [PeerDigest], metrics: Set<MetricID> = Set(MetricID.allCases),
                rule: PeerRule = .kind, sizeClasses: [SizeClass] = []) throws(ComparisonError) {
        let candidates = peers.filter { $0.participant.slug != subject.participant.slug }
        try ComparisonReport.requireDistinct(candidates.map(\.participant.slug))
        let selection = try PeerSelection(rule: rule, subject: subject.participant, candidates: candidates.map(\.participant),
                                          sizeClasses: sizeClasses)
        let chosen = Set(selection.members.map(\.slug))
        let others = candidates.filter { chosen.contains($0.participant.slug) }.sorted { $0.participant.slug < $1.participant.slug }
        guard !others.isEmpty else { throw Self.noPeers(subject.participant, rule) }
        self = ComparisonReport.peerView(of: subject, peers: others, asOf: nil, metrics: metrics, rule: rule, selection: selection)
    }

    /// The error of a peer group without peers.
    static func noPeers(_ subject: Participant, _ rule: PeerRule) -> ComparisonError {
        rule == .kind ? .noPeers(slug: subject.slug.rawValue, kind: subject.kind) : .noPeersInGroup(slug: subject.slug.rawValue, rule: rule.id)
    }

    /// The peer view of `subject` among `peers` (chosen by `rule`, sorted by slug, each with the parts of `metrics`).
    static func peerView(of subject: PeerDigest, peers: [PeerDigest], asOf: PartialDate?, metrics: Set<MetricID>,
                         rule: PeerRule, selection: PeerSelection) -> ComparisonReport {
        let all = [subject] + peers
        let units = all.map(\.unit)
        let members = all.map(\.participant)
        let peerSlugs = Set(peers.map(\.participant.slug))
        let sections = ComparisonReport.sections(all, metrics: metrics).map { section in
            var section = section
            let ownUnit = section.rows.contains { $0.inOwnUnit }
            section.rows = section.rows.map { PeerStatistics.summarise($0, units: units, participants: members) }
            // Notes about a single peer would bury the ones about the subject; notes about all stay, naming a few peers.
            section.notes = section.notes.filter { note in note.subject.municipality.map { !peerSlugs.contains($0.slug) } ?? true }
            var leftOut = 0
            section.notes = section.notes.map { note in
                var note = note
                let cut = note.detail.naming(atMost: PeerGroup.namedInNotes, besides: subject.participant.name)
                note.detail = cut.detail
                leftOut += cut.leftOut
                return note
            }
            if leftOut > 0 {
                section.notes.append(ComparabilityNote(NoteSubject(section.id),
                                                       .peersNotNamed(subject: subject.participant.name, shown: PeerGroup.namedInNotes, leftOut: leftOut)))
            }
            if ownUnit, let unit = subject.unit {
                let other = peers.filter { $0.unit != nil && $0.unit != unit }
                if !other.isEmpty {
                    section.notes.append(ComparabilityNote(NoteSubject(section.id),
                                                           .peersInOtherUnit(other.map { Named($0.participant.name, $0.unit!) }, unit: unit)))
                }
            }
            return section
        }
        let own = subject.participant
        return ComparisonReport(participants: [own], asOf: asOf, sections: sections,
                                peerGroup: PeerGroup(kind: own.kind, members: peers.map(\.participant), rule: rule,
                                                     sizeClass: selection.sizeClass, land: own.land, leftOut: selection.leftOut))
    }

    /// Each municipality at most once.
    static func requireDistinct(_ slugs: [Slug]) throws(ComparisonError) {
        var seen = Set<Slug>()
        for slug in slugs where !seen.insert(slug).inserted { throw .duplicateParticipant(slug.rawValue) }
    }

    static func sides(_ datasets: [Dataset], reference: ReferenceCatalogue, asOf: PartialDate?) throws(ComparisonError) -> [Side] {
        try requireDistinct(datasets.map(\.slug))
        let sides = datasets.map { Side(dataset: $0, asOf: asOf, reference: reference) }
        if let asOf, let empty = zip(datasets, sides).first(where: { $0.1.dataset.snapshots.isEmpty }) {
            throw .noSnapshotBefore(slug: empty.0.slug.rawValue, date: asOf, earliest: empty.0.snapshots.first)
        }
        return sides
    }

    static func sections(_ sides: [Side], metrics: Set<MetricID>) -> [MetricSection] {
        sections(sides.map { PeerDigest($0, metrics: metrics) }, metrics: metrics)
    }

    static func sections(_ digests: [PeerDigest], metrics: Set<MetricID>) -> [MetricSection] {
        let participants = digests.map(\.participant)
        let digests = OtherIndicatorsSection.shareEfaAvailable(digests)
        // Every side's census made of dashboard rows: they count alike (the digest of a whole dataset always has the part).
        let everyFromDashboard = digests.allSatisfy { !($0.servicesOnline?.dashboard.isEmpty ?? true) }
        return MetricID.allCases.filter(metrics.contains).map { id in
            var section: MetricSection
            switch id {
            case .servicesOnline: section = ServicesOnlineSection.build(participants, digests.map { $0.servicesOnline! })
            case .efaUptake: section = EfaUptakeSection.build(participants, digests.map { $0.efaUptake! })
            case .projectsPerYear: section = ProjectsPerYearSection.build(participants, digests.map { $0.projectsPerYear! })
            case .trends: section = TrendsSection.build(participants, digests.map { $0.trends! })
            case .otherIndicators: section = OtherIndicatorsSection.build(participants, digests.map { $0.otherIndicators! })
            }
            section.everyParticipantFromDashboard = everyFromDashboard
            return section
        }
    }
}

/// What a municipality gives a comparison, without its dataset: its participant and, per metric, what the metric's
/// section reads of it (its cells, dates and notes). A peer view over hundreds of municipalities is built from
/// these; the database keeps them, keyed by the content of the dataset files and by `PeerDigest.version`.
public struct PeerDigest: Sendable, Hashable, Codable {
    /// Which digest of a municipality: all it gives a comparison (`init(subject:reference:)`), or what a peer view
    /// shows of it as a peer (`init(peer:reference:)`). The raw value names the digests of a role where they are kept.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case subject = "subject-digest"
        case peer = "peer-digest"
    }

    public var participant: Participant
    /// The counting unit of the current census of services (for rows in each municipality's own unit).
    var unit: CountingUnit?
    var servicesOnline: ServicesOnlineSection.Part?
    var efaUptake: EfaUptakeSection.Part?
    var projectsPerYear: ProjectsPerYearSection.Part?
    var trends: TrendsSection.Part?
    var otherIndicators: OtherIndicatorsSection.Part?

    init(participant: Participant, unit: CountingUnit?, servicesOnline: ServicesOnlineSection.Part?, efaUptake: EfaUptakeSection.Part?,
         projectsPerYear: ProjectsPerYearSection.Part?, trends: TrendsSection.Part?, otherIndicators: OtherIndicatorsSection.Part?) {
        self.participant = participant
        self.unit = unit
        self.servicesOnline = servicesOnline
        self.efaUptake = efaUptake
        self.projectsPerYear = projectsPerYear
        self.trends = trends
        self.otherIndicators = otherIndicators
    }

    /// The digest of `dataset` in `role`.
    public init(_ role: Role, of dataset: Dataset, reference: ReferenceCatalogue) {
        switch role {
        case .subject: self.init(subject: dataset, reference: reference)
        case .peer: self.init(peer: dataset, reference: reference)
        }
    }

    /// The digest of a whole dataset (no --as-of) with every metric, as the subject of a peer view: all of it.
    public init(subject dataset: Dataset, reference: ReferenceCatalogue) {
        self.init(Side(dataset: dataset, asOf: nil, reference: reference), metrics: Set(MetricID.allCases))
    }

    /// The digest of a whole dataset (no --as-of) with every metric, as a peer. What a peer view never shows of a
    /// peer is left out: notes about the municipality alone, and the sources and remarks of its cells (the peer group's
    /// statistics take only their values and dates).
    public init(peer dataset: Dataset, reference: ReferenceCatalogue) {
        self.init(Side(dataset: dataset, asOf: nil, reference: reference), metrics: Set(MetricID.allCases))
        let own = participant.slug
        func strip(_ notes: inout [ComparabilityNote]) { notes.removeAll { $0.isAbout(own) } }
        strip(&servicesOnline!.notes)
        strip(&servicesOnline!.notesConverted)
        strip(&efaUptake!.notes)
        strip(&projectsPerYear!.notes)
        if trends!.denominatorChange?.isAbout(own) == true { trends!.denominatorChange = nil }
        let bare = { (figure: Figure) in Figure(value: figure.value, asOf: figure.asOf) }
        servicesOnline!.mapCells(bare)
        efaUptake!.mapCells(bare)
        projectsPerYear!.mapCells(bare)
        trends!.mapCells(bare)
        otherIndicators!.mapCells(bare)
    }

    /// Whether the digest has the part of every metric (a digest read back from storage).
    public var isComplete: Bool {
        servicesOnline != nil && efaUptake != nil && projectsPerYear != nil && trends != nil && otherIndicators != nil
    }

    init(_ side: Side, metrics: Set<MetricID>) {
        participant = side.participant
        unit = ServicesOnlineSection.current(side)?.census.unit
        servicesOnline = metrics.contains(.servicesOnline) ? ServicesOnlineSection.Part(side) : nil
        efaUptake = metrics.contains(.efaUptake) ? EfaUptakeSection.Part(side) : nil
        projectsPerYear = metrics.contains(.projectsPerYear) ? ProjectsPerYearSection.Part(side) : nil
        trends = metrics.contains(.trends) ? TrendsSection.Part(side) : nil
        otherIndicators = metrics.contains(.otherIndicators) ? OtherIndicatorsSection.Part(side) : nil
    }
}

/// Median and quartiles of the peers' figures in one row.
enum PeerStatistics {
    /// The row with the subject's cell first and one cell per statistic of the peers' cells. With fewer known values
    /// than `PeerGroup.minimumForQuartiles`, no statistic is computed: the median's cell names the values instead.
    static func summarise(_ row: MetricRow, units: [CountingUnit?], participants: [Participant]) -> MetricRow {
        // One pass over the peers (a group may hold thousands): each one's value for the drawing and, of a row in each
        // municipality's own counting unit, only those counting alike for the statistics.
        let peerCount = min(row.cells.count, units.count, participants.count) - 1
        var peerValues: [PeerValue] = []
        peerValues.reserveCapacity(max(0, peerCount))
        var known: [(Figure, ClosedRange<Double>, String)] = []
        var skippedUnit = 0
        for index in stride(from: 1, through: peerCount, by: 1) {
            let figure = row.cells[index], participant = participants[index]
            let counted = !row.inOwnUnit || units[index] == units[0]
            peerValues.append(PeerValue(slug: participant.slug, name: participant.name, value: figure.value, asOf: figure.asOf, counted: counted))
            if !counted {
                skippedUnit += 1
            } else if let bounds = figure.value.bounds {
                known.append((figure, bounds, participant.name))
            }
        }
        let peers = peerValues
        var remark = "aus \(GermanFormat.integer(known.count)) von \(GermanFormat.integer(peers.count)) "
            + (peers.count == 1 ? "Vergleichskommune" : "Vergleichskommunen")
        if skippedUnit > 0 { remark += "; \(GermanFormat.integer(skippedUnit)) " + (skippedUnit == 1 ? "zählt" : "zählen") + " in anderer Einheit" }
        if !known.isEmpty && known.count < PeerGroup.minimumForQuartiles {
            let reason = "zu wenige Werte für Quartile (\(GermanFormat.integer(known.count)), mindestens "
                + "\(GermanFormat.integer(PeerGroup.minimumForQuartiles)))"
            let values = "Werte: " + known.map { "\($0.2) \(GermanFormat.value($0.0.value, reasons: false))" }.joined(separator: "; ")
            let statistics = PeerStatistic.allCases.map { statistic -> Figure in
                Figure(value: .notApplicable(reason: reason), asOf: known.compactMap(\.0.asOf).max(),
                       remark: statistic == .median ? remark + "; " + values : remark)
            }
            var summarised = MetricRow(label: row.label, cells: [row.cells[0]] + statistics, key: row.key, note: row.note)
            summarised.peerValues = peerValues
            return summarised
        }
        // Sorted once for the three statistics.
        let lows = known.map(\.1.lowerBound).sorted(), highs = known.map(\.1.upperBound).sorted()
        let statistics = PeerStatistic.allCases.map { statistic -> Figure in
            guard !known.isEmpty else {
                return Figure(value: .unknown(reason: "kein bekannter Wert"), remark: remark)
            }
            let p: Double = statistic == .lowerQuartile ? 0.25 : (statistic == .median ? 0.5 : 0.75)
            let low = quantile(sorted: lows, p), high = quantile(sorted: highs, p)
            let unit = unitOf(known[0].0.value)
            let value: FigureValue = low == high ? .number(rounded(low), unit: unit, .exact)
                : .interval(low: rounded(low), high: rounded(high), unit: unit)
            return Figure(value: value, asOf: known.compactMap(\.0.asOf).max(), remark: remark)
        }
        var summarised = MetricRow(label: row.label, cells: [row.cells[0]] + statistics, key: row.key, note: row.note)
        summarised.peerValues = peerValues
        return summarised
    }

    /// The p-quantile with linear interpolation between neighbours (position p·(n−1) in the sorted values).
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        quantile(sorted: values.sorted(), p)
    }

    /// `quantile(_:_:)` of values sorted already.
    static func quantile(sorted: [Double], _ p: Double) -> Double {
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
