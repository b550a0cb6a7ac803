/// The identifier of a municipality's dataset and the name of its folder: `leverkusen`, `rhein-erft-kreis`.
///
/// Only `a-z`, `0-9` and `-`, so that a slug can never name a path outside `Datasets/`.
public struct Slug: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String

    /// Returns nil for anything but 1 to 63 characters of `a-z`, `0-9` and `-`, starting with a letter or digit.
    public init?(_ text: String) {
        guard Slug.isValid(text) else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    /// What a valid slug looks like, for messages.
    public static let rule = "1 to 63 characters of a-z, 0-9 and '-', starting with a letter or digit (e.g. 'leverkusen')"

    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...63).contains(bytes.count), bytes[0] != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let slug = Slug(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a slug: \(text)"))
        }
        self = slug
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
