/// Everything one municipality reports, as read from its dataset folder.
public struct Dataset: Sendable, Hashable {
    public var municipality: Municipality
    public var sources: [Source]
    public var statusMapping: StatusMapping
    public var services: [ServiceRecord]
    public var tallies: [Tally]
    public var projects: [Project]
    public var indicators: [Indicator]

    public init(municipality: Municipality, sources: [Source] = [], statusMapping: StatusMapping = StatusMapping([]),
                services: [ServiceRecord] = [], tallies: [Tally] = [], projects: [Project] = [],
                indicators: [Indicator] = []) {
        self.municipality = municipality
        self.sources = sources
        self.statusMapping = statusMapping
        self.services = services
        self.tallies = tallies
        self.projects = projects
        self.indicators = indicators
    }

    public var slug: Slug { municipality.slug }

    /// The source with this id.
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// Every date a figure is valid for, oldest first.
    public var snapshots: [PartialDate] {
        Array(Set(services.map(\.snapshot) + tallies.map(\.snapshot) + indicators.map(\.snapshot)
            + projects.map(\.statusDate))).sorted()
    }
}

/// The file names inside a dataset folder, shared by everything that reads or writes one.
public enum DatasetFile: String, Sendable, CaseIterable {
    case municipality = "municipality.yaml"
    case sources = "sources.csv"
    case statusMapping = "status_mapping.csv"
    case services = "services.csv"
    case tallies = "tallies.csv"
    case projects = "projects.csv"
    case indicators = "indicators.csv"

    /// The tables (all files but the metadata).
    public static var tables: [DatasetFile] { allCases.filter { $0 != .municipality } }
}
