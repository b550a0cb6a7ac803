import ArgumentParser
import Domain
import Foundation
import Storage

/// The one way commands that read figures (compare, gaps, export) get their datasets.
///
/// Every dataset must validate without errors; a dataset with errors stops the command with the findings,
/// so that nobody compares figures from a broken file.
struct LoadedDatasets {
    var datasets: [Dataset]
    var reference: ReferenceCatalogue

    /// Loads the named datasets (all where `slugs` is empty), in the order given.
    static func load(_ slugs: [Slug]?, workspace: Workspace) throws -> LoadedDatasets {
        let (reference, referenceFindings) = workspace.readReference()
        if referenceFindings.hasErrors { throw StorageError.invalidInput(referenceFindings) }
        var datasets: [Dataset] = []
        for slug in slugs ?? workspace.slugs() {
            let reading = workspace.validate(slug, reference: reference)
            guard let dataset = reading.dataset, !reading.findings.hasErrors else {
                throw StorageError.invalidInput(reading.findings)
            }
            datasets.append(dataset)
        }
        return LoadedDatasets(datasets: datasets, reference: reference)
    }
}
