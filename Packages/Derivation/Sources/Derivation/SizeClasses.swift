import Domain
import Foundation
import Storage

/// The population size classes of peer groups: `Datasets/reference/size_classes.csv` (id, label, lower, upper,
/// source), the Gemeindegrößenklassen of Destatis as shipped.
public enum SizeClasses {
    /// The file's path relative to the workspace root.
    public static let path = "Datasets/reference/size_classes.csv"
    static let columns = ["id", "label", "lower", "upper", "source"]

    /// The classes of the workspace, sorted by their lower end; an empty list where the file is missing. A row that
    /// cannot be read is a finding with its line and column, and the classes must not overlap.
    public static func read(_ workspace: Workspace) throws(StorageError) -> [SizeClass] {
        let url = workspace.referenceDirectory.appendingPathComponent("size_classes.csv")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .fileSystem(path: path, reason: error.localizedDescription)
        }
        return try parse(data, file: path)
    }

    /// The classes in `data`, a CSV file named `file` in findings.
    public static func parse(_ data: Data, file: String) throws(StorageError) -> [SizeClass] {
        let (table, _, readFindings) = CSVReader().table(from: data, file: file)
        var findings = readFindings.errors
        guard let table, findings.isEmpty else { throw .invalidInput(findings) }
        let index = Dictionary(table.header.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let missing = columns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw .invalidInput([Finding(.error, at: Location(file: file, line: table.headerLine), code: "missing-column",
                                         found: "the header lacks \(missing.joined(separator: ", "))",
                                         expected: "the columns \(columns.joined(separator: ","))")])
        }
        var classes: [SizeClass] = []
        for row in table.rows {
            func cell(_ name: String) -> (text: String, at: Location) {
                let position = index[name]!
                let text = position < row.fields.count ? row.fields[position].trimmingCharacters(in: .whitespaces) : ""
                let column = position < row.columns.count ? row.columns[position] : nil
                return (text, Location(file: file, line: row.line, column: column))
            }
            func number(_ name: String, optional: Bool) -> Int?? {
                let (text, at) = cell(name)
                if text.isEmpty && optional { return .some(nil) }
                guard let value = Int(text), value >= 0 else {
                    findings.append(Finding(.error, at: at, code: "bad-number", found: "\(name) '\(text)' is not a whole number of inhabitants",
                                            expected: optional ? "a whole number, or empty for no upper end" : "a whole number, 0 or more"))
                    return nil
                }
                return .some(value)
            }
            let id = cell("id"), label = cell("label"), source = cell("source")
            for (name, value) in [("id", id), ("label", label), ("source", source)] where value.text.isEmpty {
                findings.append(Finding(.error, at: value.at, code: "empty-cell", found: "\(name) is empty",
                                        expected: name == "source" ? "the source of the classes (e.g. Destatis)" : "a \(name) for the class"))
            }
            guard let lower = number("lower", optional: false), let upper = number("upper", optional: true),
                  let lowerValue = lower else { continue }
            if let upperValue = upper, upperValue <= lowerValue {
                findings.append(Finding(.error, at: cell("upper").at, code: "empty-class",
                                        found: "upper \(upperValue) is not above lower \(lowerValue)", expected: "upper greater than lower"))
                continue
            }
            classes.append(SizeClass(id: id.text, label: label.text, lower: lowerValue, upper: upper, source: source.text))
        }
        classes.sort { $0.lower < $1.lower }
        for (before, after) in zip(classes, classes.dropFirst()) where (before.upper ?? Int.max) > after.lower {
            findings.append(Finding(.error, at: Location(file: file), code: "overlapping-classes",
                                    found: "'\(before.id)' and '\(after.id)' overlap", expected: "classes that do not overlap"))
        }
        guard findings.isEmpty else { throw .invalidInput(findings) }
        return classes
    }
}
