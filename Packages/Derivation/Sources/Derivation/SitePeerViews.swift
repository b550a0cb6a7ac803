import Comparison
import Domain
import Storage

extension Derivation {
    /// `bench export site`: the peer view of each of `slugs`, as `bench compare SLUG --peers` makes it with the default
    /// peer group (the same level of government and size class), from the digests the database keeps. A municipality
    /// without a size class (its kind or population unknown) is compared with those of the same kind, as its profile
    /// shows its group; one without any peer has no peer view (its page says why). In the order of `slugs`.
    public func sitePeerViews(_ slugs: [Slug]) throws -> [ComparisonReport] {
        try synchronize(nil)
        // Every municipality of the workspace is a candidate; the rule chooses among them as `comparison` does.
        let peers = try digests(.peer, of: try database.municipalities().map(\.slug).sorted())
        let sizeClasses = try SizeClasses.read(workspace)
        var views: [ComparisonReport] = []
        for start in stride(from: 0, to: slugs.count, by: 64) {
            for subject in try digests(.subject, of: Array(slugs[start..<min(start + 64, slugs.count)])) {
                if let view = try Self.peerView(of: subject, among: peers, sizeClasses: sizeClasses) { views.append(view) }
            }
        }
        return views
    }

    /// A maker of each municipality's peer view (as `sitePeerViews` makes them), safe to call from several threads: the
    /// peer digests of every municipality are read once, here, the subject's digest when its view is asked for; each
    /// view is made when asked for and not kept.
    public func sitePeerViewMaker() throws -> @Sendable (Slug) throws -> ComparisonReport? {
        try synchronize(nil)
        let slugs = try database.municipalities().map(\.slug).sorted()
        let peers = try digests(.peer, of: slugs)
        // The subjects' digests made current a batch at a time, then held as the bytes kept (a few kilobytes each; a
        // decoded digest takes many times that), each decoded when its view is made.
        for start in stride(from: 0, to: slugs.count, by: 64) { _ = try digests(.subject, of: Array(slugs[start..<min(start + 64, slugs.count)])) }
        let kept = try database.derivedData(PeerDigest.Role.subject.rawValue, version: String(PeerDigest.version), for: slugs) { _ in nil }
        let sizeClasses = try SizeClasses.read(workspace)
        return { slug in
            guard let bytes = kept[slug] else { throw StorageError.unknownMunicipality(slug.rawValue, known: slugs.map(\.rawValue)) }
            return try Self.peerView(of: try PeerDigest(encoded: [UInt8](bytes)), among: peers, sizeClasses: sizeClasses)
        }
    }

    /// The peer view by size class, else by kind where the subject has no size class; nil where it has no peers.
    static func peerView(of subject: PeerDigest, among peers: [PeerDigest], sizeClasses: [SizeClass]) throws(ComparisonError) -> ComparisonReport? {
        do {
            return try ComparisonReport(peerViewOf: subject, peers: peers, rule: .levelAndSize, sizeClasses: sizeClasses)
        } catch {
            switch error {
            case .noPeersInGroup: return nil
            case .noPeerGroup: break
            default: throw error
            }
        }
        do {
            return try ComparisonReport(peerViewOf: subject, peers: peers, rule: .kind)
        } catch {
            switch error {
            case .noPeers, .noPeerGroup, .noPeersInGroup: return nil
            default: throw error
            }
        }
    }
}

extension Derivation {
    /// The names of the Kreise (and kreisfreie Städte, each its own Kreis) by their 5-digit key, from the register the
    /// workspace ships (`Datasets/reference/register.csv`; none where it has none): the headings of the site's Länder.
    public func kreisNames() throws(StorageError) -> [String: String] {
        var names: [String: String] = [:]
        for entry in try workspace.register().entries where entry.ags.utf8.count == 5 || entry.kind.level == .municipalAndDistrict {
            if names[entry.kreis] == nil { names[entry.kreis] = entry.name }
        }
        return names
    }
}
