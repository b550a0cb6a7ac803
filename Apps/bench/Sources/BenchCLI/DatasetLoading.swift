import ArgumentParser
import Comparison
import Domain
import Foundation
import Storage

/// The one way commands that read figures (compare, gaps, export) get their datasets.
///
/// It first brings the database up to date with the dataset files (importing what changed, so that nobody sees
/// stale figures or has to remember `bench import`), then reads the datasets from the database. A dataset whose
/// files have errors stops the command with the findings, so that nobody compares figures from a broken file.
struct LoadedDatasets {
    var datasets: [Dataset]
    var reference: ReferenceCatalogue

    /// Loads the named datasets (all where `slugs` is nil or empty), in the order given.
    static func load(_ slugs: [Slug]?, workspace: Workspace, database: DatabaseOptions = DatabaseOptions()) throws -> LoadedDatasets {
        let wanted = (slugs?.isEmpty ?? true) ? nil : slugs
        let db = try synchronized(wanted, workspace: workspace, database: database)
        return LoadedDatasets(datasets: try db.datasets(wanted ?? workspace.slugs()), reference: try db.reference())
    }

    /// The database, brought up to date with the named datasets (all where `slugs` is nil); stops with the findings
    /// where one of them (or the reference data) has errors.
    static func synchronized(_ wanted: [Slug]?, workspace: Workspace, database: DatabaseOptions) throws -> BenchDatabase {
        let db = try database.open(workspace)
        let progress = ProgressLine()
        let report = try db.synchronize(workspace: workspace, only: wanted, progress: progress.update)
        progress.finish()
        if let reference = report.entry("reference"), reference.outcome == .refused {
            throw StorageError.invalidInput(reference.findings)
        }
        // Without names, every dataset of the workspace was synchronized: each refusal counts.
        let refused = report.refused.filter { entry in wanted?.contains { $0.rawValue == entry.dataset } ?? true }
        if !refused.isEmpty { throw StorageError.invalidInput(refused.flatMap(\.findings)) }
        return db
    }
}

/// Comparisons without --as-of, made from digests of the municipalities (`PeerDigest`) that the database keeps
/// (`derived_data`): a dataset is read only where its digest is missing or its files changed since. A pair needs the
/// digests of its two sides (a few kilobytes instead of tens of thousands of status records); a peer view the
/// subject's and one of each peer.
final class Digests {
    /// Which build of bench derives: what a digest holds follows the code of the sections, so a digest is used only by
    /// the build that wrote it (after an upgrade or a rebuild, the first comparison derives them again).
    static let buildStamp = buildStamp(of: Bundle.main.executablePath)

    /// The version with the size and time of the executable at `path`.
    static func buildStamp(of path: String?) -> String {
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date else {
            return Bench.version
        }
        return "\(Bench.version) \(size) \(Int64(modified.timeIntervalSince1970 * 1000))"
    }

    let database: BenchDatabase
    /// The reference catalogue, read only where a digest is made.
    private var loadedReference: ReferenceCatalogue?

    init(_ database: BenchDatabase) { self.database = database }

    func reference() throws -> ReferenceCatalogue {
        if let loadedReference { return loadedReference }
        let reference = try database.reference()
        loadedReference = reference
        return reference
    }

    /// The digests of `slugs` kept under `format`, made with `make` (and kept) where missing or stale.
    func digests(_ format: String, of slugs: [Slug], make: (Dataset, ReferenceCatalogue) -> PeerDigest) throws -> [PeerDigest] {
        let stored = try database.derivedData(format, version: Self.buildStamp, for: slugs) { dataset in
            (try? self.reference()).map { Data(make(dataset, $0).encoded()) }
        }
        return try slugs.map { slug in
            if let data = stored[slug], let digest = PeerDigest(encoded: [UInt8](data)), digest.isComplete { return digest }
            return make(try database.dataset(slug), try reference())
        }
    }

    /// `bench compare A B ...` without --as-of: the report `ComparisonReport(comparing:reference:asOf:metrics:)` makes of
    /// the whole datasets, from their digests.
    static func comparison(of slugs: [Slug], workspace: Workspace, database: DatabaseOptions, metrics: Set<MetricID>) throws -> ComparisonReport {
        let store = Digests(try LoadedDatasets.synchronized(slugs, workspace: workspace, database: database))
        let digests = try store.digests(PeerDigest.subjectFormat, of: slugs, make: PeerDigest.init(subject:reference:))
        return try ComparisonReport(comparing: digests, metrics: metrics)
    }

    /// `bench compare SLUG --peers` without --as-of.
    static func peerView(of subject: Slug, workspace: Workspace, database: DatabaseOptions, metrics: Set<MetricID>) throws -> ComparisonReport {
        let store = Digests(try LoadedDatasets.synchronized(nil, workspace: workspace, database: database))
        let own = try store.digests(PeerDigest.subjectFormat, of: [subject], make: PeerDigest.init(subject:reference:))[0]
        // After a sync of every dataset, the database holds exactly the municipalities of the workspace.
        let peers = try store.database.municipalities().filter { $0.kind == own.participant.kind && $0.slug != subject }.map(\.slug)
        return try ComparisonReport(peerViewOf: own, peers: try store.digests(PeerDigest.format, of: peers, make: PeerDigest.init(peer:reference:)),
                                    metrics: metrics)
    }
}
