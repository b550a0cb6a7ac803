import Domain

// A digest is kept as the compact encoding (`CompactCoding.swift`) of its Codable parts, after the version of what
// they hold: the parts are the format, so there is no second description of it to keep in step.

extension PeerDigest {
    /// What the digests hold and how they are computed. Raise it with every change of a section's `Part`, of the
    /// types in it, or of the code that computes them: digests of another version are not read but derived again.
    /// `PeerDigestTests` keeps a reviewed copy of the fixtures' digests under this number, so a change that forgets
    /// to raise it fails there.
    public static let version = 3

    /// The digest as bytes, to be kept and read back with `init(encoded:)`.
    public func encoded() -> [UInt8] {
        // Every type in a digest is written by its synthesised conformance, which the compact encoding holds.
        do {
            return try CompactEncoder.encode(Versioned(version: Self.version, digest: self))
        } catch {
            preconditionFailure("a digest cannot be encoded: \(error)")
        }
    }

    /// The digest `encoded()` wrote; throws for bytes it did not write (damaged, or of another version), saying why.
    public init(encoded bytes: [UInt8]) throws(ComparisonError) {
        let version: Int
        do {
            version = try CompactDecoder.decodePrefix(Int.self, from: bytes)
        } catch {
            throw .unreadableDigest(Self.describe(error))
        }
        guard version == Self.version else {
            throw .unreadableDigest("written by digest version \(version), this bench reads version \(Self.version)")
        }
        let read: Versioned
        do {
            read = try CompactDecoder.decode(Versioned.self, from: bytes)
        } catch {
            throw .unreadableDigest(Self.describe(error))
        }
        guard read.digest.isComplete else { throw .unreadableDigest("a section is missing") }
        self = read.digest
    }

    /// What went wrong, and where in the digest.
    private static func describe(_ error: any Error) -> String {
        let context: DecodingError.Context
        switch error as? DecodingError {
        case .dataCorrupted(let found)?, .keyNotFound(_, let found)?, .typeMismatch(_, let found)?, .valueNotFound(_, let found)?:
            context = found
        default:
            return "\(error)"
        }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return context.debugDescription + (path.isEmpty ? "" : ", in \(path)")
    }

    private struct Versioned: Codable {
        var version: Int
        var digest: PeerDigest
    }
}
