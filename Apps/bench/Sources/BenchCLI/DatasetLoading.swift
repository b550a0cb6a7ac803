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

/// The peer view without --as-of, made from digests the database keeps (`derived_data`): the subject's, and one of
/// each peer. A dataset is read only where its digest is missing or its files changed since.
enum PeerView {
    /// Which build of bench derives: what a digest holds follows the code of the sections, so a digest is used only by
    /// the build that wrote it (after an upgrade or a rebuild, the first peer view derives them again).
    static let buildStamp = buildStamp(of: Bundle.main.executablePath)

    /// The version with the size and time of the executable at `path`.
    static func buildStamp(of path: String?) -> String {
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date else {
            return Bench.version
        }
        return "\(Bench.version) \(size) \(Int64(modified.timeIntervalSince1970 * 1000))"
    }

    static func report(of subject: Slug, workspace: Workspace, database: DatabaseOptions, metrics: Set<MetricID>) throws -> ComparisonReport {
        let db = try LoadedDatasets.synchronized(nil, workspace: workspace, database: database)
        // The reference catalogue only where a digest is made.
        var loadedReference: ReferenceCatalogue?
        func reference() throws -> ReferenceCatalogue {
            if let loadedReference { return loadedReference }
            let reference = try db.reference()
            loadedReference = reference
            return reference
        }
        func digests(_ format: String, of slugs: [Slug], make: (Dataset, ReferenceCatalogue) -> PeerDigest) throws -> [PeerDigest] {
            let stored = try db.derivedData(format, version: buildStamp, for: slugs) { dataset in
                (try? reference()).map { Data(make(dataset, $0).encoded()) }
            }
            return try slugs.map { slug in
                if let data = stored[slug], let digest = PeerDigest(encoded: [UInt8](data)), digest.isComplete { return digest }
                return make(try db.dataset(slug), try reference())
            }
        }
        let own = try digests(PeerDigest.subjectFormat, of: [subject], make: PeerDigest.init(subject:reference:))[0]
        // After a sync of every dataset, the database holds exactly the municipalities of the workspace.
        let peers = try db.municipalities().filter { $0.kind == own.participant.kind && $0.slug != subject }.map(\.slug)
        return try ComparisonReport(peerViewOf: own, peers: try digests(PeerDigest.format, of: peers, make: PeerDigest.init(peer:reference:)),
                                    metrics: metrics)
    }
}
