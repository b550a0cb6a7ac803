import Domain

// A peer view is kept (by the command line, in the database) as the compact encoding of the report, after the
// version of the digests it was made from: a second peer view of the same municipality then decodes one report
// instead of hundreds of digests and the statistics over them.

extension ComparisonReport {
    /// The report as bytes, to be kept and read back with `init(encodedPeerView:)`.
    public func encodedPeerView() -> [UInt8] {
        do {
            return try CompactEncoder.encode(Versioned(version: PeerDigest.version, report: self))
        } catch {
            preconditionFailure("a report cannot be encoded: \(error)")
        }
    }

    /// The report `encodedPeerView()` wrote; throws for bytes it did not write (damaged, or of another version).
    public init(encodedPeerView bytes: [UInt8]) throws(ComparisonError) {
        let version: Int
        do {
            version = try CompactDecoder.decodePrefix(Int.self, from: bytes)
        } catch {
            throw .unreadableDigest("\(error)")
        }
        guard version == PeerDigest.version else {
            throw .unreadableDigest("written by digest version \(version), this bench reads version \(PeerDigest.version)")
        }
        do {
            self = try CompactDecoder.decode(Versioned.self, from: bytes).report
        } catch {
            throw .unreadableDigest("\(error)")
        }
    }

    private struct Versioned: Codable {
        var version: Int
        var report: ComparisonReport
    }
}
