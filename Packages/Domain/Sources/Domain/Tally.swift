/// A count of services in one status cluster (or of all services) at one snapshot.
public struct Tally: Sendable, Hashable {
    public var snapshot: PartialDate
    public var unit: CountingUnit
    public var role: TallyRole
    /// For a part: the status word; for a total: the label the source uses.
    public var status: String
    public var count: Reported<Int>
    public var qualifier: Qualifier
    public var sourceID: String
    public var note: String
    public var origin: Location?

    public init(snapshot: PartialDate, unit: CountingUnit, role: TallyRole, status: String, count: Reported<Int>,
                qualifier: Qualifier = .exact, sourceID: String, note: String = "", origin: Location? = nil) {
        self.snapshot = snapshot
        self.unit = unit
        self.role = role
        self.status = status
        self.count = count
        self.qualifier = qualifier
        self.sourceID = sourceID
        self.note = note
        self.origin = origin
    }
}
