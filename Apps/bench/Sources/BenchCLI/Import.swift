import ArgumentParser
import Derivation
import Domain
import Foundation
import Storage

extension Bench {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate datasets and load them into the database (.bench/bench.sqlite).",
            discussion: """
                Only datasets whose files changed since the last import are read. A dataset with errors is refused \
                and the database keeps its last valid version; each dataset is written in one transaction, so an \
                interrupted import leaves the database as it was. compare and export do this by themselves. \
                Exits 0 when every dataset was imported or unchanged, 1 otherwise.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var databaseOptions: DatabaseOptions

        @Argument(help: "The datasets to import (default: all; datasets whose folder is gone are then removed).")
        var slugs: [String] = []

        @Flag(help: "Print every finding (by default at most 5 of each kind).")
        var allFindings = false

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                let selected = try slugs.isEmpty ? nil : slugs.map { try workspace.slug($0) }
                let database = try databaseOptions.open(workspace)
                let line = ProgressLine()
                #if DEBUG
                var pause = ImportTestPause()
                #endif
                let report = try database.synchronize(workspace: workspace, only: selected, deriving: Derivation.importDerivations) { progress in
                    line.update(progress)
                    #if DEBUG
                    try pause?.check(progress)
                    #endif
                }
                line.finish()
                print(ImportSummary.text(report), terminator: "")
                for entry in report.entries where entry.outcome == .refused {
                    printFindings(entry.findings, limit: allFindings ? nil : 5)
                }
                print("database: \(workspace.displayPath(database.path))")
                if !report.refused.isEmpty { throw ExitCode.failure }
            }
        }
    }
}

/// The lines `bench import` prints: one per dataset, then how files were saved where that is not the standard.
enum ImportSummary {
    static func text(_ report: SyncReport) -> String {
        var out = ""
        for entry in report.entries {
            var line = "\(entry.dataset): \(entry.outcome.rawValue)"
            switch entry.outcome {
            case .imported:
                line += " (\(entry.rows) row\(entry.rows == 1 ? "" : "s")"
                let warnings = entry.findings.warnings.count
                if warnings > 0 { line += ", \(warnings) warning\(warnings == 1 ? "" : "s"): run 'bench validate \(entry.dataset)'" }
                line += ")"
            case .refused:
                let errors = entry.findings.errors.count
                line += " (\(errors) error\(errors == 1 ? "" : "s"); the database keeps its last valid version)"
            case .unchanged, .removed:
                break
            }
            out += line + "\n"
            for (file, dialect) in entry.dialects.sorted(by: { $0.key < $1.key }) {
                out += "  \(entry.dataset)/\(file): read as \(dialect)\n"
            }
        }
        return out
    }
}
