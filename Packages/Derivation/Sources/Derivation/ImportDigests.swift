import Comparison
import Domain
import Foundation
import Storage

extension Derivation {
    /// What a sync derives of every dataset it imports, while it imports it: the digest of the municipality as a peer
    /// (`PeerDigest.Role.peer`), kept as `digests(_:of:)` keeps it. The first peer view after an import then reads
    /// kept digests instead of deriving one from each peer's dataset (a dataset read back from the database).
    ///
    /// Only the peer digest: a peer view needs hundreds of them but one subject digest, and a comparison of a few
    /// municipalities derives its few subject digests quickly.
    public static let importDerivations: [ImportDerivation] = [
        ImportDerivation(name: PeerDigest.Role.peer.rawValue, version: String(PeerDigest.version)) { dataset, reference in
            Data(PeerDigest(.peer, of: dataset, reference: reference).encoded())
        }
    ]
}
