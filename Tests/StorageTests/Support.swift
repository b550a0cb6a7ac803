import Domain
import Foundation
@testable import Storage

/// The fixtures of Tests/StorageTests/Fixtures, and fresh copies of the fixture workspace to change.
enum Fixtures {
    static var root: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func data(_ path: String) throws -> Data { try Data(contentsOf: url(path)) }

    /// A copy of `Fixtures/workspace` in a new temporary folder, holding the reference data and the named datasets.
    static func workspace(_ slugs: [String] = ["beispielstadt"]) throws -> Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-storage-\(UUID().uuidString)")
        let datasets = root.appendingPathComponent("Datasets")
        try FileManager.default.createDirectory(at: datasets, withIntermediateDirectories: true)
        for name in ["reference"] + slugs {
            try FileManager.default.copyItem(at: url("workspace/Datasets/\(name)"), to: datasets.appendingPathComponent(name))
        }
        return Workspace(root: root)
    }

    static func remove(_ workspace: Workspace) {
        try? FileManager.default.removeItem(at: workspace.root)
    }
}

extension Workspace {
    func file(_ path: String) -> URL { datasetsDirectory.appendingPathComponent(path) }

    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: file(path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func contents(_ path: String) throws -> Data { try Data(contentsOf: file(path)) }
}

extension Dataset {
    /// The same dataset without where each row came from, to compare datasets read from different files.
    var withoutOrigins: Dataset {
        var copy = self
        copy.sources = sources.map { var v = $0; v.origin = nil; return v }
        copy.statusMapping = StatusMapping(statusMapping.entries.map { var v = $0; v.origin = nil; return v })
        copy.services = services.map { var v = $0; v.origin = nil; return v }
        copy.tallies = tallies.map { var v = $0; v.origin = nil; return v }
        copy.projects = projects.map { var v = $0; v.origin = nil; return v }
        copy.indicators = indicators.map { var v = $0; v.origin = nil; return v }
        return copy
    }

    /// The dataset as another municipality with the same figures.
    func renamed(_ slug: String) -> Dataset {
        var copy = self
        copy.municipality.slug = Slug(slug)!
        return copy
    }
}
