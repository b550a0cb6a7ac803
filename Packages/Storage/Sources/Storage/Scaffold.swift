import Domain
import Foundation

extension Workspace {
    /// Creates `Datasets/<slug>/` with a metadata file and every table with its header, so that it validates at once.
    ///
    /// The folder is written under a temporary name and renamed into place: it appears whole or not at all.
    @discardableResult
    public func scaffold(_ municipality: Municipality) throws(StorageError) -> URL {
        let target = directory(of: municipality.slug)
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: target.path) else {
            throw .fileSystem(path: displayPath(target), reason: "already exists; edit its files, or choose another slug")
        }
        let staging = datasetsDirectory.appendingPathComponent(".new-\(municipality.slug)-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(MetadataWriter.yaml(for: municipality).utf8)
                .write(to: staging.appendingPathComponent(DatasetFile.municipality.rawValue))
            for schema in TableSchema.all {
                try Data((CSVWriter.row(schema.allColumns) + "\n").utf8).write(to: staging.appendingPathComponent(schema.fileName))
            }
            try fileManager.moveItem(at: staging, to: target)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .fileSystem(path: displayPath(target), reason: "cannot be created (\(error.localizedDescription))")
        }
        return target
    }
}

/// Writes `municipality.yaml`.
enum MetadataWriter {
    static func yaml(for municipality: Municipality) -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var lines = [
            "slug: \(municipality.slug)",
            "name: \(quoted(municipality.name))",
            "kind: \(municipality.kind.rawValue)      # kreisfreie-stadt | kreis | kreisangehoerige-gemeinde | staedteregion",
            "land: \(quoted(municipality.land))",
            "ags: \(quoted(municipality.ags.description))",
            "ars: \(quoted(municipality.ars.description))",
            "synthetic: \(municipality.synthetic)",
        ]
        if !municipality.note.isEmpty { lines.append("note: \(quoted(municipality.note))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
