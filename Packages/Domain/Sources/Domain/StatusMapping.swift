/// One local status word on the common scale.
public struct StatusMappingEntry: Sendable, Hashable {
    /// The word exactly as the municipality writes it.
    public var status: String
    /// Reifegrad of the model named in `maturityModel`.
    public var maturity: Reported<Int>
    public var maturityModel: MaturityModel
    public var online: Reported<Bool>
    public var inScope: Reported<Bool>
    /// Set for words that describe a project's state.
    public var projectState: ProjectState?
    public var sourceID: String
    public var note: String
    public var origin: Location?

    public init(status: String, maturity: Reported<Int>, maturityModel: MaturityModel = .v1, online: Reported<Bool>,
                inScope: Reported<Bool>, projectState: ProjectState? = nil, sourceID: String, note: String = "",
                origin: Location? = nil) {
        self.status = status
        self.maturity = maturity
        self.maturityModel = maturityModel
        self.online = online
        self.inScope = inScope
        self.projectState = projectState
        self.sourceID = sourceID
        self.note = note
        self.origin = origin
    }
}

/// The version of the Reifegradmodell a maturity rating belongs to.
public enum MaturityModel: String, Sendable, Hashable, CaseIterable {
    /// Levels 0 to 4 (2020).
    case v1 = "1.x"
    /// Levels 0 to 7 (July 2025).
    case v2 = "2.0"

    public var levels: ClosedRange<Int> { self == .v1 ? 0...4 : 0...7 }
}

/// A municipality's status words and what each means on the common scale. Data, never code.
public struct StatusMapping: Sendable, Hashable {
    public private(set) var entries: [StatusMappingEntry]
    private var index: [String: Int]

    public init(_ entries: [StatusMappingEntry]) {
        self.entries = []
        self.index = [:]
        // All entries stay (so validation can report a word mapped twice); lookups use the first.
        self.entries = entries
        for (position, entry) in entries.enumerated() where index[entry.status] == nil {
            index[entry.status] = position
        }
    }

    /// The mapping of a status word, matched exactly (case and spaces matter: the word is data).
    public subscript(status: String) -> StatusMappingEntry? {
        index[status].map { entries[$0] }
    }

    public var statuses: [String] { entries.map(\.status) }

    public var isEmpty: Bool { entries.isEmpty }
}
