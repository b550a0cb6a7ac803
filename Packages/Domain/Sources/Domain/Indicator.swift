/// Any other figure a source gives: EfA availability, devices, home office, portal reporting, feedback, personnel.
public struct Indicator: Sendable, Hashable {
    /// Same identifier, same meaning in every dataset (see Docs/dataset-format.md).
    public var indicator: String
    public var value: Reported<IndicatorValue>
    public var unit: IndicatorUnit
    public var snapshot: PartialDate
    /// The period the figure refers to where it is not the snapshot ("planned for 2024").
    public var period: PartialDate?
    public var qualifier: Qualifier
    /// What the figure is about, where the indicator needs it (a page title, a device type).
    public var subject: String
    public var sourceID: String
    public var note: String
    /// Whose figure it is: the municipality's own, or one of the Land, the Bund or a provider that a source of the
    /// municipality quotes (a deadline of a Land law, the EfA services a Land offers). A figure not its own is never
    /// shown as the municipality's achievement.
    public var about: FigureOwner
    /// The German name of the indicator as the dataset gives it (column `label`), for indicators the format does not
    /// list; empty where there is none.
    public var label: String
    public var origin: Location?

    public init(indicator: String, value: Reported<IndicatorValue>, unit: IndicatorUnit, snapshot: PartialDate,
                period: PartialDate? = nil, qualifier: Qualifier = .exact, subject: String = "", sourceID: String,
                note: String = "", about: FigureOwner = .own, label: String = "", origin: Location? = nil) {
        self.indicator = indicator
        self.value = value
        self.unit = unit
        self.snapshot = snapshot
        self.period = period
        self.qualifier = qualifier
        self.subject = subject
        self.sourceID = sourceID
        self.note = note
        self.about = about
        self.label = label
        self.origin = origin
    }
}

/// Whose figure an indicator row is.
public enum FigureOwner: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The municipality's own figure (the column `about` is empty).
    case own
    /// A figure of a Land, for every municipality in it; the code is the Land's (`nrw`).
    case land(String)
    /// A national figure, for every municipality.
    case bund
    /// A figure of a provider (an IT service provider, a vendor), for the municipalities that use it.
    case provider(String)

    /// The Land codes `land:` takes, with the Land's name as `municipality.yaml` writes it.
    public static let landCodes: [String: String] = [
        "bw": "Baden-Württemberg", "by": "Bayern", "be": "Berlin", "bb": "Brandenburg", "hb": "Bremen", "hh": "Hamburg",
        "he": "Hessen", "mv": "Mecklenburg-Vorpommern", "ni": "Niedersachsen", "nrw": "Nordrhein-Westfalen",
        "rp": "Rheinland-Pfalz", "sl": "Saarland", "sn": "Sachsen", "st": "Sachsen-Anhalt", "sh": "Schleswig-Holstein",
        "th": "Thüringen",
    ]

    /// Reads the column `about`: `bund`, `land:nrw`, `anbieter:d-nrw`; nil for anything else (and for empty text).
    public init?(_ text: String) {
        if text == "bund" { self = .bund; return }
        if text.hasPrefix("land:") {
            let code = String(text.dropFirst(5))
            guard Self.landCodes[code] != nil else { return nil }
            self = .land(code)
            return
        }
        if text.hasPrefix("anbieter:") {
            let name = String(text.dropFirst(9))
            guard !name.isEmpty, name.utf8.count <= 63,
                  name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else { return nil }
            self = .provider(name)
            return
        }
        return nil
    }

    public var isOwn: Bool { self == .own }

    /// Kept as the text the dataset files use (`""`, `land:nrw`, `bund`, `anbieter:d-nrw`).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text.isEmpty { self = .own; return }
        guard let owner = FigureOwner(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' names no owner of a figure"))
        }
        self = owner
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The form the dataset files use: "" for the municipality's own figure.
    public var description: String {
        switch self {
        case .own: return ""
        case .land(let code): return "land:" + code
        case .bund: return "bund"
        case .provider(let name): return "anbieter:" + name
        }
    }

    /// Whether the figure holds for a municipality in this Land (a provider's figure only for the municipality that
    /// reports it: which others use the provider, the data does not say).
    public func concerns(land: String) -> Bool {
        switch self {
        case .own, .provider: return false
        case .bund: return true
        case .land(let code): return Self.landCodes[code] == land
        }
    }

    public static func < (lhs: FigureOwner, rhs: FigureOwner) -> Bool {
        func rank(_ owner: FigureOwner) -> (Int, String) {
            switch owner {
            case .own: return (0, "")
            case .land(let code): return (1, code)
            case .bund: return (2, "")
            case .provider(let name): return (3, name)
            }
        }
        return rank(lhs) < rank(rhs)
    }
}

/// An indicator's value: a number, or a date for deadlines.
public enum IndicatorValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case date(PartialDate)

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The form the dataset files use (`19`, `1.9`, `2025-05`).
    public var description: String {
        switch self {
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        case .date(let date): return date.description
        }
    }
}
