/// A project as one source describes it; a project that two reports mention has two rows with the same `projectID`.
public struct Project: Sendable, Hashable {
    public var projectID: String
    public var name: String
    public var scope: ProjectScope
    public var ozgID: Reported<OzgID?>
    public var start: Reported<PartialDate>
    public var goLive: Reported<PartialDate>
    public var goLiveKind: GoLiveKind
    public var status: String
    public var statusDate: PartialDate
    public var channel: Channel
    /// From when an EfA service could be reused, where the source says so.
    public var reuseAvailable: PartialDate?
    /// The council motion (Antrag-Nr.), or nil for "none".
    public var motion: String?
    public var sourceID: String
    public var note: String
    public var origin: Location?

    public init(projectID: String, name: String, scope: ProjectScope, ozgID: Reported<OzgID?>,
                start: Reported<PartialDate>, goLive: Reported<PartialDate>, goLiveKind: GoLiveKind, status: String,
                statusDate: PartialDate, channel: Channel, reuseAvailable: PartialDate? = nil, motion: String? = nil,
                sourceID: String, note: String = "", origin: Location? = nil) {
        self.projectID = projectID
        self.name = name
        self.scope = scope
        self.ozgID = ozgID
        self.start = start
        self.goLive = goLive
        self.goLiveKind = goLiveKind
        self.status = status
        self.statusDate = statusDate
        self.channel = channel
        self.reuseAvailable = reuseAvailable
        self.motion = motion
        self.sourceID = sourceID
        self.note = note
        self.origin = origin
    }
}
