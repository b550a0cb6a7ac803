/// One service at one snapshot: its local status, and how it was matched to the catalogue.
public struct ServiceRecord: Sendable, Hashable {
    public var snapshot: PartialDate
    /// The name exactly as the source writes it, spelling errors included.
    public var name: String
    /// The corrected spelling used for matching, where the source's spelling is wrong.
    public var nameCorrected: String
    public var unit: CountingUnit
    /// The OZG-Leistung: known, `.known(nil)` for "no bundle", or unknown (not yet matched).
    public var ozgID: Reported<OzgID?>
    public var leikaKey: LeikaKey?
    public var match: MatchMethod
    public var status: String
    public var responsible: String
    public var sourceID: String
    public var note: String
    /// A dashboard row's `art_flaechendeckung` (column `coverage`); nil for rows not made from the dashboard.
    public var coverage: DashboardCoverage?
    /// A dashboard row's `aktiv` (column `active`: ja, nein); nil where not given.
    public var active: Bool?
    public var origin: Location?

    public init(snapshot: PartialDate, name: String, nameCorrected: String = "", unit: CountingUnit,
                ozgID: Reported<OzgID?>, leikaKey: LeikaKey? = nil, match: MatchMethod, status: String,
                responsible: String = "", sourceID: String, note: String = "", coverage: DashboardCoverage? = nil,
                active: Bool? = nil, origin: Location? = nil) {
        self.snapshot = snapshot
        self.name = name
        self.nameCorrected = nameCorrected
        self.unit = unit
        self.ozgID = ozgID
        self.leikaKey = leikaKey
        self.match = match
        self.status = status
        self.responsible = responsible
        self.sourceID = sourceID
        self.note = note
        self.coverage = coverage
        self.active = active
        self.origin = origin
    }

    /// The name used for matching and display: the corrected spelling where there is one.
    public var displayName: String { nameCorrected.isEmpty ? name : nameCorrected }
}

/// The numeric ID of an OZG-Leistung (service bundle), e.g. 10092 Wohngeld.
public struct OzgID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: Int

    /// Accepts 1 to 6 digits; the catalogue's IDs start at 10000 but older ones are shorter.
    // Inlinable: Storage reads millions of IDs and keys, and an unspecialised generic call costs more than the check.
    @inlinable
    public init?(_ text: some StringProtocol) {
        guard (1...6).contains(text.count), text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text) else {
            return nil
        }
        rawValue = value
    }

    public init(_ value: Int) { rawValue = value }

    public var description: String { String(rawValue) }

    public static func < (lhs: OzgID, rhs: OzgID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A 14-digit key of the Leistungskatalog: `99` + Leistungsgruppierung, -kennung, Verrichtung, Verrichtungsdetail.
public struct LeikaKey: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String

    /// Accepts exactly 14 digits.
    @inlinable
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 14, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        rawValue = String(text)
    }

    public var description: String { rawValue }

    public static func < (lhs: LeikaKey, rhs: LeikaKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
