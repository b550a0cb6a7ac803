import Domain

/// What one municipality reports about its services at one snapshot, in one counting unit: counts per status word
/// (from tallies, or from the services listed one by one) and the total.
struct ServiceCensus: Sendable, Hashable {
    /// The count of one status word.
    struct Part: Sendable, Hashable {
        var status: String
        var count: Reported<Int>
        var qualifier: Qualifier
        /// What the word means on the common scale; nil where the mapping lacks the word (validation reports it).
        var entry: StatusMappingEntry?
        var sourceIDs: [String]

        var known: Count? { count.value.map { Count($0, qualifier) } }
    }

    var snapshot: PartialDate
    var unit: CountingUnit
    var parts: [Part]
    var total: Count?
    /// The label the source gives the total ("OZG-Leistungen in Zuständigkeit der Stadt Leverkusen").
    var totalLabel: String
    var totalSourceIDs: [String]
    /// The services of the snapshot listed one by one (any unit): the evidence for converting between units.
    var records: [ServiceRecord]
    /// Whether the parts name every status word of the mapping that describes services (so their sum is the whole).
    var coversEveryStatus: Bool
    /// Whether the census is made of rows of the federal OZG dashboard only (sources of type `dashboard-export`): such
    /// rows are the LeiKa-Leistungen with a known online service, never the authority's inventory, so the census has no
    /// total and its parts never add up to one.
    var fromDashboard = false
    /// Of a census of dashboard rows, the rows with `aktiv: nein` or `nicht in Auswertung berücksichtigt`: in no count
    /// (not in `parts` nor `records`), only in the note that counts them.
    var dashboardLeftOut: [ServiceRecord] = []

    /// Whether the parts are the whole census: they cover every status, or their exact counts add up to the total.
    var isComplete: Bool {
        if coversEveryStatus && parts.allSatisfy({ $0.count.isKnown }) { return true }
        guard let total, total.qualifier == .exact, parts.allSatisfy({ $0.count.isKnown && $0.qualifier == .exact }) else {
            return false
        }
        return parts.compactMap(\.count.value).reduce(0, +) == total.value
    }

    var sourceIDs: [String] { parts.flatMap(\.sourceIDs) + totalSourceIDs }

    /// Every census of a dataset, oldest first.
    ///
    /// Tallies give the counts where they exist; listed services are counted per status word only at snapshots
    /// without tallies (a list is often only the online services, so it cannot stand beside a tally). Services of
    /// the unit `local` never form a census of their own: they belong to no catalogue.
    static func all(in dataset: Dataset) -> [ServiceCensus] {
        struct Key: Hashable, Comparable {
            var snapshot: PartialDate
            var unit: CountingUnit
            static func < (lhs: Key, rhs: Key) -> Bool {
                (lhs.snapshot, lhs.unit.rawValue) < (rhs.snapshot, rhs.unit.rawValue)
            }
        }
        let mapping = dataset.statusMapping
        let tallied = Dictionary(grouping: dataset.tallies) { Key(snapshot: $0.snapshot, unit: $0.unit) }
        let talliedSnapshots = Set(dataset.tallies.map(\.snapshot))
        let dashboardSources = Set(dataset.sources.filter { $0.type == .dashboardExport }.map(\.id))
        // Dashboard rows with `aktiv: nein` or `nicht in Auswertung berücksichtigt` count in nothing; a note counts them.
        func leftOut(_ record: ServiceRecord) -> Bool {
            (record.active == false || record.coverage == .notEvaluated) && dashboardSources.contains(record.sourceID)
        }
        let listed = ListedServiceCounts(dataset.services) {
            !talliedSnapshots.contains($0.snapshot) && $0.unit != .local && !leftOut($0)
        }
        var listedKeys = Set<Key>()
        for key in listed.keys {
            for snapshot in listed.snapshots where listed[key, snapshot] != nil {
                listedKeys.insert(Key(snapshot: snapshot, unit: key.unit))
            }
        }
        let recordsBySnapshot = Dictionary(grouping: dataset.services.filter { !leftOut($0) }, by: \.snapshot)
        let leftOutBySnapshot = Dictionary(grouping: dataset.services.filter(leftOut), by: \.snapshot)

        var censuses: [ServiceCensus] = []
        for key in Set(tallied.keys).union(listedKeys).sorted() {
            var parts: [Part] = []
            var total: Count?
            var totalLabel = ""
            var totalSources: [String] = []
            if let tallies = tallied[key] {
                for tally in tallies.sorted(by: { $0.status < $1.status }) {
                    switch tally.role {
                    case .part:
                        parts.append(Part(status: tally.status, count: tally.count, qualifier: tally.qualifier,
                                          entry: mapping[tally.status], sourceIDs: [tally.sourceID]))
                    case .total where total == nil && totalSources.isEmpty:
                        total = tally.count.value.map { Count($0, tally.qualifier) }
                        totalLabel = tally.status
                        totalSources = [tally.sourceID]
                    case .total:
                        continue
                    }
                }
            } else {
                for status in listed.keys where status.unit == key.unit {
                    guard let entry = listed[status, key.snapshot] else { continue }
                    parts.append(Part(status: status.status, count: .known(entry.count), qualifier: .exact,
                                      entry: mapping[status.status], sourceIDs: entry.sourceIDs))
                }
                parts.sort { $0.status < $1.status }
            }
            if total == nil && totalSources.isEmpty && key.unit == .ozgLeistung,
               let indicator = dataset.indicators.first(where: {
                   $0.indicator == KnownIndicator.ozgServicesResponsible && $0.snapshot == key.snapshot && $0.subject.isEmpty
               }) {
                // A municipality that gives its total only in prose ("ca. 190 OZG-Leistungen in Zuständigkeit").
                total = indicator.value.value?.number.map { Count(Int($0), indicator.qualifier) }
                totalLabel = KnownIndicator.label(of: indicator.indicator)
                totalSources = [indicator.sourceID]
            }
            let serviceWords = Set(mapping.entries.filter { $0.projectState == nil }.map(\.status))
            // A list of services is often the online ones only: it is the whole census only where it names every
            // service status word of the mapping, offline ones included.
            let listsOffline = tallied[key] != nil || parts.contains { mapping[$0.status]?.online != .known(true) }
            let covers = listsOffline && !serviceWords.isEmpty && serviceWords.isSubset(of: Set(parts.map(\.status)))
                && parts.allSatisfy { mapping[$0.status]?.projectState == nil }
            let records = recordsBySnapshot[key.snapshot] ?? []
            let fromDashboard = tallied[key] == nil && !dashboardSources.isEmpty && total == nil && totalSources.isEmpty
                && records.contains { $0.unit == key.unit }
                && records.allSatisfy { $0.unit != key.unit || dashboardSources.contains($0.sourceID) }
            let dashboardLeftOut = fromDashboard ? (leftOutBySnapshot[key.snapshot] ?? []).filter { $0.unit == key.unit } : []
            censuses.append(ServiceCensus(snapshot: key.snapshot, unit: key.unit, parts: parts, total: total,
                                          totalLabel: totalLabel, totalSourceIDs: totalSources,
                                          records: records, coversEveryStatus: covers && !fromDashboard,
                                          fromDashboard: fromDashboard, dashboardLeftOut: dashboardLeftOut))
        }
        return censuses
    }
}

/// The services listed one by one, counted per counting unit, status word and snapshot, with the sources that list
/// them: what a census of listed services is made of, and what a municipality's page tabulates.
///
/// One pass over the records, without copying one or hashing more than its unit, status and snapshot: a LeiKa-level
/// list has millions of rows.
public struct ListedServiceCounts: Sendable {
    /// A counting unit and a status word.
    public struct Key: Hashable, Sendable {
        public let unit: CountingUnit
        public let status: String
    }

    /// How many services of a key one snapshot lists, and their sources (each once, in the order first listed).
    public struct Entry: Sendable, Hashable {
        public internal(set) var count = 0
        public internal(set) var sourceIDs: [String] = []
    }

    /// The keys and the snapshots, in the order first listed.
    public private(set) var keys: [Key] = []
    public private(set) var snapshots: [PartialDate] = []
    private var keyIndex: [Key: Int] = [:]
    private var snapshotIndex: [PartialDate: Int] = [:]
    /// By key, then by snapshot (the indices of `keys` and `snapshots`).
    private var entries: [[Entry]] = []

    /// Counts `services`, or those of them `include` picks.
    public init(_ services: [ServiceRecord], where include: (ServiceRecord) -> Bool = { _ in true }) {
        for service in services where include(service) {
            let key = Key(unit: service.unit, status: service.status)
            let k: Int
            if let known = keyIndex[key] { k = known } else {
                k = keys.count
                keyIndex[key] = k
                keys.append(key)
                entries.append(Array(repeating: Entry(), count: snapshots.count))
            }
            let d: Int
            if let known = snapshotIndex[service.snapshot] { d = known } else {
                d = snapshots.count
                snapshotIndex[service.snapshot] = d
                snapshots.append(service.snapshot)
                for row in entries.indices { entries[row].append(Entry()) }
            }
            entries[k][d].count += 1
            if entries[k][d].sourceIDs.last != service.sourceID, !entries[k][d].sourceIDs.contains(service.sourceID) {
                entries[k][d].sourceIDs.append(service.sourceID)
            }
        }
    }

    /// The services of `key` listed at `snapshot`; nil where the list names none.
    public subscript(key: Key, snapshot: PartialDate) -> Entry? {
        guard let k = keyIndex[key], let d = snapshotIndex[snapshot], entries[k][d].count > 0 else { return nil }
        return entries[k][d]
    }
}
