import ArgumentParser
import Domain
import Foundation
import Storage

extension Bench {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each municipality with its kind, snapshots and how many figures it has per axis.",
            discussion: """
                Datasets are read on every core; one whose files are unchanged since an earlier run is not read again: \
                its line comes from the database (.bench/bench.sqlite, or --database). --all reads every file again.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: "Output format.")
        var format: DataFormat = .text

        @OptionGroup var memoOptions: MemoOptions

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                // Read on every core; a dataset unchanged since an earlier run is taken from the database, not read.
                let entries = workspace.memoized(workspace.slugs(), name: "list", salt: MemoOptions.salt, reading: .read,
                                                 database: try memoOptions.database(workspace), reread: memoOptions.rereadAll,
                                                 prune: true, make: ListEntry.init(reading:))
                switch format {
                case .json: print(try jsonString(entries))
                case .text: print(ListEntry.table(entries), terminator: "")
                }
            }
        }
    }
}

/// One municipality in `bench list`.
struct ListEntry: Codable {
    var slug: String
    var name: String
    var kind: String
    var snapshots: [String]
    var figures: [String: Int]
    /// Errors found while reading (run `bench validate` for them).
    var errors: Int

    /// The line of a dataset as read.
    init(reading: DatasetReading) {
        slug = reading.slug.rawValue
        errors = reading.findings.errors.count
        guard let dataset = reading.dataset else {
            (name, kind, snapshots, figures) = ("", "", [], [:])
            return
        }
        name = dataset.municipality.name
        kind = dataset.municipality.kind.rawValue
        snapshots = dataset.snapshots.map(\.description)
        figures = Dictionary(uniqueKeysWithValues: dataset.figureCounts.map { ($0.key.rawValue, $0.value) })
    }

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
