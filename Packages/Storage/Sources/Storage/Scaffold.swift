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
                try Data((CSVWriter.row(schema.columns) + "\n").utf8).write(to: staging.appendingPathComponent(schema.fileName))
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
            "kind: \(municipality.kind.rawValue)      # \(MunicipalityKind.allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: " | "))",
            "land: \(quoted(municipality.land))",
            "ags: \(quoted(municipality.ags.description))",
            "ars: \(quoted(municipality.ars.description))",
            "synthetic: \(municipality.synthetic)",
        ]
        if let population = municipality.population {
            lines.append("population: \(population.count)")
            lines.append("population_date: \(quoted(population.date.description))")
            lines.append("population_source: \(quoted(population.source))")
        }
        if !municipality.note.isEmpty { lines.append("note: \(quoted(municipality.note))") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Writes CSV the way the dataset format specifies: UTF-8, comma, LF, quotes only where needed.
public enum CSVWriter {
    /// One record, without the line break.
    public static func row(_ fields: [String]) -> String {
        fields.map(cell).joined(separator: ",")
    }

    public static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
            || text.first == " " || text.last == " " else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
