/// A value as a source reports it: known, or visibly unknown. Unknown is never zero and never "no".
public enum Reported<Value: Sendable & Hashable>: Sendable, Hashable {
    case known(Value)
    case unknown

    /// The value, or nil where the source does not give it.
    public var value: Value? {
        if case .known(let value) = self { return value }
        return nil
    }

    public var isKnown: Bool { value != nil }

    public func map<T>(_ transform: (Value) -> T) -> Reported<T> {
        switch self {
        case .known(let value): return .known(transform(value))
        case .unknown: return .unknown
        }
    }
}

// Synthesised: `{"known": {"_0": value}}` or `{"unknown": {}}` (digests keep figures' sources with their reference numbers).
extension Reported: Codable where Value: Codable {}

extension Reported: CustomStringConvertible {
    /// The form the dataset files use: the value, or `unknown`.
    public var description: String {
        switch self {
        case .known(let value as Bool): return value ? "yes" : "no"
        case .known(let value): return "\(value)"
        case .unknown: return Reported.unknownWord
        }
    }

    /// The word the dataset files use for a value the source does not give.
    public static var unknownWord: String { "unknown" }
}
