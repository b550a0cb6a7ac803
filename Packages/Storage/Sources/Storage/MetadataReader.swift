import Domain
import Foundation
import Yams

/// Reads `municipality.yaml` into key-value pairs with their positions, reporting YAML errors with line and column.
enum MetadataReader {
    static func fields(from data: Data, file: String) -> ([String: MetadataField]?, [Finding]) {
        func failure(_ line: Int, _ column: Int, _ code: String, _ found: String, _ expected: String) -> ([String: MetadataField]?, [Finding]) {
            (nil, [Finding(.error, at: Location(file: file, line: line, column: column), code: code, found: found, expected: expected)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let bad = CSVReader.firstInvalidUTF8([UInt8](data)) ?? 0
            let (line, column) = CSVReader.position(of: bad, in: [UInt8](data))
            return failure(line, column, "invalid-utf8", "the file is not valid UTF-8", "save it as UTF-8")
        }
        if text.utf8.contains(0) {
            let offset = [UInt8](text.utf8).firstIndex(of: 0) ?? 0
            let (line, column) = CSVReader.position(of: offset, in: [UInt8](text.utf8))
            return failure(line, column, "nul-byte", "the file contains a NUL byte", "remove it; it is not text")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (mark, problem) = describe(error)
            return failure(mark?.line ?? 1, mark?.column ?? 1, "yaml-syntax", "the YAML cannot be read: \(problem)",
                           "write one 'key: value' per line (see Docs/dataset-format.md)")
        } catch {
            return failure(1, 1, "yaml-syntax", "the YAML cannot be read", "write one 'key: value' per line (see Docs/dataset-format.md)")
        }
        guard let node else {
            return failure(1, 1, "empty-file", "the file is empty", "write the keys slug, name, kind, land, ags, ars")
        }
        guard case .mapping(let mapping) = node else {
            let mark = node.mark
            return failure(mark?.line ?? 1, mark?.column ?? 1, "yaml-type", "the file is not a list of 'key: value' pairs",
                           "write one 'key: value' per line")
        }
        var fields: [String: MetadataField] = [:]
        var findings: [Finding] = []
        for (key, value) in mapping {
            let keyMark = key.mark
            guard case .scalar(let keyScalar) = key else {
                findings.append(Finding(.error, at: Location(file: file, line: keyMark?.line ?? 1, column: keyMark?.column ?? 1),
                                        code: "yaml-type", found: "a key is not plain text", expected: "write 'key: value'"))
                continue
            }
            let mark = value.mark ?? keyMark
            guard case .scalar(let scalar) = value else {
                findings.append(Finding(.error, at: Location(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
                                        code: "yaml-type", found: "'\(keyScalar.string)' is a list or a mapping",
                                        expected: "write a single value after '\(keyScalar.string):'"))
                continue
            }
            if fields[keyScalar.string] != nil {
                findings.append(Finding(.error, at: Location(file: file, line: keyMark?.line ?? 1, column: keyMark?.column ?? 1),
                                        code: "duplicate-key", found: "'\(keyScalar.string)' appears twice", expected: "keep one of them"))
            }
            fields[keyScalar.string] = MetadataField(value: scalar.string, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        return (findings.hasErrors ? nil : fields, findings)
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return (mark, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark, "duplicate keys " + duplicates.joined(separator: ", "))
        case .reader(let problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "\(error)")
        }
    }
}
