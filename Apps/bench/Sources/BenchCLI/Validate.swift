import ArgumentParser
import Comparison
import Domain
import Foundation
import Storage

extension Bench {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check datasets: schema, vocabulary, sources, duplicates, dates, tallies, OZG-IDs.",
            discussion: """
                Prints every finding with file, line and column. Exits 0 when there is no error, 1 otherwise. \
                Where municipality.yaml contradicts the municipality register (Datasets/reference/register.csv): \
                an AGS or ARS the register does not have, a kind of another level of government, another population \
                at the same date, it warns, naming both values and the register's row. \
                Datasets are checked on every core; one whose files and the reference files are unchanged since an \
                earlier run is not read again: its findings come from the database (.bench/bench.sqlite, or --database). \
                --all reads every file again.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Argument(help: "The datasets to check (default: all).")
        var slugs: [String] = []

        @Option(help: "Output format.")
        var format: DataFormat = .text

        @OptionGroup var memoOptions: MemoOptions

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                let selected = try slugs.isEmpty ? workspace.slugs() : slugs.map { try workspace.slug($0) }
                let (reference, readFindings) = workspace.readReference()
                var referenceFindings = readFindings
                var register = MunicipalityRegister([])
                do {
                    register = try workspace.register()
                } catch StorageError.invalidInput(let findings) {
                    referenceFindings += findings
                }
                var reports: [ValidationReport] = []
                if !referenceFindings.isEmpty {
                    reports.append(ValidationReport(dataset: "reference", findings: referenceFindings, detected: [:]))
                }
                // Folders that cannot be a dataset, and the site's list of pairs, are the workspace's, not one dataset's.
                var folders = slugs.isEmpty ? workspace.folderFindings() : []
                if slugs.isEmpty {
                    do throws(StorageError) { _ = try workspace.sitePairs() } catch { if case .invalidInput(let findings) = error { folders += findings } else { throw error } }
                }
                if !folders.isEmpty {
                    reports.append(ValidationReport(dataset: "Datasets", findings: folders, detected: [:]))
                }
                // Checked on every core; a dataset whose files and reference files are unchanged since an earlier run is
                // taken from the database, not read.
                let checked = register
                reports += workspace.memoized(selected, name: "validate", salt: MemoOptions.salt, reading: .validated(reference),
                                              database: try memoOptions.database(workspace), reread: memoOptions.rereadAll,
                                              prune: slugs.isEmpty) { reading in
                    var reading = reading
                    if let dataset = reading.dataset {
                        reading.findings += workspace.registerFindings(dataset.municipality, register: checked)
                        reading.findings = (reading.findings + Indicator.unnamedFindings(in: dataset)).sorted()
                    }
                    return ValidationReport(dataset: reading.slug.rawValue, findings: reading.findings,
                                            detected: reading.dialects.filter { $0.value != .standard }.mapValues(\.description))
                }
                switch format {
                // Dataset text in a finding shows its hidden characters (<U+202E>), as every output does.
                case .json: print(HiddenCharacters.escaped(try jsonString(reports)))
                case .text: print(HiddenCharacters.escaped(ValidationReport.text(reports)), terminator: "")
                }
                if reports.contains(where: { $0.findings.hasErrors }) { throw ExitCode.failure }
            }
        }
    }
}

/// What `bench validate` found in one dataset.
struct ValidationReport: Codable {
    var dataset: String
    var findings: [Finding]
    /// Files not saved in the standard dialect, and how they were saved.
    var detected: [String: String]

    static func text(_ reports: [ValidationReport]) -> String {
        var out = ""
        for report in reports {
            for (file, dialect) in report.detected.sorted(by: { $0.key < $1.key }) {
                out += "\(report.dataset)/\(file): read as \(dialect)\n"
            }
            for finding in report.findings { out += finding.description + "\n" }
            let errors = report.findings.errors.count, warnings = report.findings.warnings.count
            let verdict = errors == 0 ? "ok" : "invalid"
            out += "\(report.dataset): \(verdict) (\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"))\n"
        }
        return out
    }
}
