import Domain

/// One municipality as a metric sees it: its dataset cut at the as-of date, and how to cite its sources.
struct Side: Sendable {
    /// Only rows valid on or before the as-of date, and only the municipality's own indicators: figures of the Land,
    /// the Bund or a provider that its sources quote are in `quoted`, so that no metric counts them as its own.
    let dataset: Dataset
    /// The indicators (valid on or before the as-of date) that are not the municipality's own (column `about`), as its
    /// sources quote them. Those of the other municipalities compared are shared in the sections' `build`, from the
    /// parts, so that a comparison of kept digests shows the same.
    let quoted: [Indicator]
    var participant: Participant
    var reference: ReferenceCatalogue
    /// Every census of `dataset`, computed once: each metric asks for them, and a census of tens of thousands of
    /// listed services took most of the time of `bench compare` at scale (Docs/performance.md).
    let censuses: [ServiceCensus]

    init(dataset: Dataset, asOf: PartialDate?, reference: ReferenceCatalogue) {
        var cut = asOf.map { dataset.asOf($0) } ?? dataset
        quoted = cut.indicators.filter { !$0.about.isOwn }
        cut.indicators.removeAll { !$0.about.isOwn }
        self.dataset = cut
        self.censuses = ServiceCensus.all(in: cut)
        self.participant = Participant(dataset, snapshot: cut.snapshots.last)
        self.reference = reference
    }

    var name: String { participant.name }

    /// The Land the municipality lies in, as `municipality.yaml` writes it.
    var land: String { dataset.municipality.land }

    /// The documents with these ids, each once, in the order given (ids not in sources.csv are left out).
    func cite(_ ids: [String]) -> [SourceReference] {
        var seen = Set<String>()
        return ids.compactMap { id in
            guard seen.insert(id).inserted, let source = dataset.source(id) else { return nil }
            return SourceReference(slug: dataset.slug, source: source)
        }
    }

    /// The latest quoted figure (not the municipality's own) of an indicator without subject that concerns it.
    func latestQuoted(_ id: String) -> Indicator? {
        quoted.filter { $0.indicator == id && $0.subject.isEmpty && $0.value.isKnown }
            .max { ($0.snapshot, $0.period ?? $0.snapshot, $0.sourceID) < ($1.snapshot, $1.period ?? $1.snapshot, $1.sourceID) }
    }
}

extension PartialDate {
    /// Whether this date lies on or before `date` whatever day either means: "2025-06" is not on or before 2025-06-15.
    func isOnOrBefore(_ date: PartialDate) -> Bool {
        latestDay.dayNumber <= date.latestDay.dayNumber
    }

    /// The smallest and largest number of years between two dates (365.2425 days a year).
    static func yearsBetween(_ a: PartialDate, _ b: PartialDate) -> ClosedRange<Double> {
        let days = daysBetween(a, b)
        return Double(days.lowerBound) / 365.2425...Double(days.upperBound) / 365.2425
    }
}

extension Dataset {
    /// The dataset as it stood on `date`: only services, tallies and indicators of a snapshot on or before it, and
    /// only project rows whose status date is on or before it.
    func asOf(_ date: PartialDate) -> Dataset {
        var cut = self
        cut.services = services.filter { $0.snapshot.isOnOrBefore(date) }
        cut.tallies = tallies.filter { $0.snapshot.isOnOrBefore(date) }
        cut.indicators = indicators.filter { $0.snapshot.isOnOrBefore(date) }
        cut.projects = projects.filter { $0.statusDate.isOnOrBefore(date) }
        return cut
    }
}
