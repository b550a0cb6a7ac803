/// An OZG-Leistung of the reference catalogue, with the facts comparisons need.
public struct OzgService: Sendable, Hashable {
    public var id: OzgID
    public var name: String
    public var themenfeld: String
    public var lebenslage: String
    /// LeiKa-Leistungen (14-digit keys) bundled under it; nil where the catalogue does not say.
    public var leikaCount: Int?
    /// Of those, with municipal execution (Typisierung 4 or 5).
    public var leikaCountMunicipal: Int?
    public var note: String

    public init(id: OzgID, name: String, themenfeld: String, lebenslage: String = "", leikaCount: Int? = nil,
                leikaCountMunicipal: Int? = nil, note: String = "") {
        self.id = id
        self.name = name
        self.themenfeld = themenfeld
        self.lebenslage = lebenslage
        self.leikaCount = leikaCount
        self.leikaCountMunicipal = leikaCountMunicipal
        self.note = note
    }
}

/// A LeiKa-Leistung of a catalogue.
public struct LeikaService: Sendable, Hashable {
    public var key: LeikaKey
    public var name: String
    /// Typisierung as the catalogue writes it (`4`, `2/3`, `1, 2`), empty where missing.
    public var typ: String
    public var ozgID: OzgID?

    public init(key: LeikaKey, name: String, typ: String, ozgID: OzgID?) {
        self.key = key
        self.name = name
        self.typ = typ
        self.ozgID = ozgID
    }

    /// Whether municipalities execute it: Typisierung 4 or 5 among its parts.
    public var isMunicipal: Bool {
        typ.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == " " }).contains { $0 == "4" || $0 == "5" }
    }
}

/// The shared reference data: OZG-Leistungen by ID (and LeiKa entries where a full catalogue was imported).
public struct ReferenceCatalogue: Sendable, Hashable {
    public private(set) var services: [OzgID: OzgService]
    public private(set) var leika: [LeikaKey: LeikaService]

    public init(services: [OzgService] = [], leika: [LeikaService] = []) {
        self.services = Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.leika = Dictionary(leika.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: OzgID) -> OzgService? { services[id] }
}
