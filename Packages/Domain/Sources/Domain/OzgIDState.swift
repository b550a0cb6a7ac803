/// Which of its three forms a reported OZG-ID takes: a bundle's ID, no bundle, or not (yet) known.
///
/// The one codec of the three: the database stores the state as its word beside the ID (`ozg_id_state`), and a
/// dataset cell (`Reported<OzgID?>.cell`) writes the ID itself in place of `known`.
///
/// Storage reads and writes millions of these: the words are small string literals (stored inline, no allocation),
/// and both directions are plain switches the compiler can inline across modules.
public enum OzgIDState: RawRepresentable, Sendable, Hashable, CaseIterable {
    /// An OZG-Leistung's ID.
    case known
    /// No OZG-Leistung: the service belongs to no bundle.
    case noBundle
    /// Not given, or not yet matched.
    case unknown

    @inlinable
    public init(_ id: Reported<OzgID?>) {
        switch id {
        case .known(.some): self = .known
        case .known(.none): self = .noBundle
        case .unknown: self = .unknown
        }
    }

    /// `known`, `none` or `unknown`; nil for any other word.
    @inlinable
    public init?(rawValue: String) {
        switch rawValue {
        case "known": self = .known
        case "none": self = .noBundle
        case "unknown": self = .unknown
        default: return nil
        }
    }

    @inlinable
    public var rawValue: String {
        switch self {
        case .known: return "known"
        case .noBundle: return "none"
        case .unknown: return "unknown"
        }
    }

    /// The reported ID in this state; `id` is asked for only where the state is `known`.
    @inlinable
    public func id(_ id: () -> OzgID) -> Reported<OzgID?> {
        switch self {
        case .known: return .known(id())
        case .noBundle: return .known(nil)
        case .unknown: return .unknown
        }
    }
}

extension Reported<OzgID?> {
    /// The form of a dataset cell: the ID (`10092`), `none` or `unknown`.
    public var cell: String {
        if case .known(let id?) = self { return id.description }
        return OzgIDState(self).rawValue
    }

    /// Reads a dataset cell: an ID of 1 to 6 digits, `none` or `unknown`; nil for anything else (`known` too).
    public init?(cell: String) {
        switch OzgIDState(rawValue: cell) {
        case .noBundle?: self = .known(nil)
        case .unknown?: self = .unknown
        case .known?, nil:
            guard let id = OzgID(cell) else { return nil }
            self = .known(id)
        }
    }
}
