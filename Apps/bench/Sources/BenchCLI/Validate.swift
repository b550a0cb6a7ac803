import ArgumentParser
import Comparison
import Domain
import Foundation
import Storage

extension Bench {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check datasets: schema, vocabulary, sources, duplicates, dates, tallies, OZG-IDs.",
            discussion: "Prints every finding with file, line and column. Exits 0 when there is no error, 1 otherwise."
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Argument(help: "The datasets to check (default: all).")
        var slugs: [String] = []

        @Option(help: "Output format.")
        var format: DataFormat = .text

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                let selected = try slugs.isEmpty ? workspace.slugs() : slugs.map { try workspace.slug($0) }
                let (reference, referenceFindings) = workspace.readReference()
                var reports: [ValidationReport] = []
                if !referenceFindings.isEmpty {
                    reports.append(ValidationReport(dataset: "reference", findings: referenceFindings, detected: [:]))
                }
                // Folders that cannot be a dataset are errors of the workspace, not of one dataset.
                let folders = slugs.isEmpty ? workspace.folderFindings() : []
                if !folders.isEmpty {
                    reports.append(ValidationReport(dataset: "Datasets", findings: folders, detected: [:]))
                }
                for slug in selected {
                    var reading = workspace.validate(slug, reference: reference)
                    if let dataset = reading.dataset {
                        reading.findings = (reading.findings + Indicator.unnamedFindings(in: dataset)).sorted()
                    }
                    reports.append(ValidationReport(dataset: slug.rawValue, findings: reading.findings,
                                                    detected: reading.dialects.filter { $0.value != .standard }.mapValues(\.description)))
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
struct ValidationReport: Encodable {
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
