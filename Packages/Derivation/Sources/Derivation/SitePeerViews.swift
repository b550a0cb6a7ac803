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
        let subjects = try digests(.subject, of: slugs)
        // Every municipality of the workspace is a candidate; the rule chooses among them as `comparison` does.
        let peers = try digests(.peer, of: try database.municipalities().map(\.slug).sorted())
        let sizeClasses = try SizeClasses.read(workspace)
        var views: [ComparisonReport] = []
        for subject in subjects {
            if let view = try Self.peerView(of: subject, among: peers, sizeClasses: sizeClasses) { views.append(view) }
        }
        return views
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
