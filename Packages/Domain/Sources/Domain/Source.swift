/// A document that figures come from: a council report, a Stellungnahme, a dashboard export.
public struct Source: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var type: SourceType
    /// Vorlage-Nr. or Antrag-Nr., as printed.
    public var reference: Reported<String>
    public var date: PartialDate
    /// The committee or council the document went to.
    public var body: Reported<String>
    public var location: String
    public var note: String
    /// For a dashboard export: whether it holds the rows of the units above (Kreis, Land, Bund) and below
    /// (a Kreis's member towns) the authority (columns `include_above`, `include_below`); nil where not said.
    public var includeAbove: Bool?
    public var includeBelow: Bool?
    public var origin: Location?

    public init(id: String, title: String, type: SourceType, reference: Reported<String>, date: PartialDate,
                body: Reported<String>, location: String = "", note: String = "", includeAbove: Bool? = nil,
                includeBelow: Bool? = nil, origin: Location? = nil) {
        self.id = id
        self.title = title
        self.type = type
        self.reference = reference
        self.date = date
        self.body = body
        self.location = location
        self.note = note
        self.includeAbove = includeAbove
        self.includeBelow = includeBelow
        self.origin = origin
    }
}

/// The kind of document a source is.
public enum SourceType: String, Sendable, Hashable, CaseIterable, Codable {
    case stellungnahme, mitteilungsvorlage, bericht, praesentation
    case dashboardExport = "dashboard-export"
    case other

    public var germanName: String {
        switch self {
        case .stellungnahme: return "Stellungnahme"
        case .mitteilungsvorlage: return "Mitteilungsvorlage"
        case .bericht: return "Bericht"
        case .praesentation: return "Präsentation"
        case .dashboardExport: return "Export des OZG-Dashboards"
        case .other: return "Dokument"
        }
    }
}
