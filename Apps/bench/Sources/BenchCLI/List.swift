import ArgumentParser
import Domain
import Foundation
import Storage

extension Bench {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each municipality with its kind, snapshots and how many figures it has per axis."
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: "Output format.")
        var format: DataFormat = .text

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                var entries: [ListEntry] = []
                for slug in workspace.slugs() {
                    let reading = workspace.read(slug)
                    guard let dataset = reading.dataset else {
                        entries.append(ListEntry(slug: slug.rawValue, name: "", kind: "", snapshots: [], figures: [:],
                                                 errors: reading.findings.errors.count))
                        continue
                    }
                    let counts = dataset.figureCounts
                    entries.append(ListEntry(
                        slug: slug.rawValue, name: dataset.municipality.name, kind: dataset.municipality.kind.rawValue,
                        snapshots: dataset.snapshots.map(\.description),
                        figures: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
                        errors: reading.findings.errors.count))
                }
                switch format {
                case .json: print(try jsonString(entries))
                case .text: print(ListEntry.table(entries), terminator: "")
                }
            }
        }
    }
}

/// One municipality in `bench list`.
struct ListEntry: Encodable {
    var slug: String
    var name: String
    var kind: String
    var snapshots: [String]
    var figures: [String: Int]
    /// Errors found while reading (run `bench validate` for them).
    var errors: Int

    static func table(_ entries: [ListEntry]) -> String {
        let header = ["slug", "name", "kind", "snapshots"] + Axis.allCases.map(\.rawValue)
        var rows = [header]
        for entry in entries {
            let snapshots = entry.snapshots.isEmpty ? "-" : "\(entry.snapshots.first!) .. \(entry.snapshots.last!) (\(entry.snapshots.count))"
            var row = [entry.slug, entry.name, entry.kind + (entry.errors > 0 ? " (\(entry.errors) errors: run bench validate)" : ""), snapshots]
            row += Axis.allCases.map { String(entry.figures[$0.rawValue] ?? 0) }
            rows.append(row)
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
