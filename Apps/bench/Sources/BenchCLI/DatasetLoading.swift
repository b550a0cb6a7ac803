import ArgumentParser
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
        let db = try database.open(workspace)
        let progress = ProgressLine()
        let report = try db.synchronize(workspace: workspace, only: wanted, progress: progress.update)
        progress.finish()
        if let reference = report.entry("reference"), reference.outcome == .refused {
            throw StorageError.invalidInput(reference.findings)
        }
        let names = wanted ?? workspace.slugs()
        let refused = report.refused.filter { entry in names.contains { $0.rawValue == entry.dataset } }
        if !refused.isEmpty { throw StorageError.invalidInput(refused.flatMap(\.findings)) }
        return LoadedDatasets(datasets: try db.datasets(names), reference: try db.reference())
    }
}
