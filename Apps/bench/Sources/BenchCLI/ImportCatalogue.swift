import ArgumentParser
import Domain
import Foundation
import Storage

extension Bench {
    struct ImportCatalogue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-catalogue",
            abstract: "Import a service catalogue into the database's reference tables.",
            discussion: """
                Understands the FIM portal's LeiKa CSV (ISO-8859-1; Schluessel, Bezeichnung, Typ, ...) and the files \
                of the OZG catalogue extract (leika_leistungen.csv, ozg_leistungen.csv), told apart by their header. \
                Rows without a 14-digit LeiKa key are left out, rows with a missing or impossible Typ are kept with \
                Typ unknown; each with a warning naming file, line and column. A file with errors changes nothing. \
                The catalogue replaces the one of the same kind imported before (LeiKa into leika_service, OZG into \
                ozg_catalogue); see Docs/database.md.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var databaseOptions: DatabaseOptions

        @Argument(help: ArgumentHelp("The catalogue files.", valueName: "file"))
        var files: [String]

        @Flag(help: "Print every finding (by default at most 5 of each kind).")
        var allFindings = false

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("Name at least one catalogue file.") }
        }

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                let database = try databaseOptions.open(workspace)
                var refused = false
                for file in files {
                    let data = try Workspace.readInputFile(file)
                    let line = ProgressLine()
                    let report = try database.importCatalogue(data, file: file, progress: line.update)
                    line.finish()
                    let reading = report.reading
                    var text = "\(file): \(reading.format?.rawValue ?? "unknown format"), \(reading.dialect)"
                    text += "; \(reading.rowsRead) rows read, \(reading.rowsKept) kept, \(reading.rowsRefused) left out"
                    let warnings = reading.findings.warnings.count
                    if warnings > 0 { text += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
                    switch report.outcome {
                    case .imported: text += "; imported"
                    case .unchanged: text += "; unchanged (this file was imported before)"
                    case .refused, .removed: text += "; refused, nothing was written"
                    }
                    print(text)
                    printFindings(reading.findings, limit: allFindings ? nil : 5)
                    if report.outcome == .refused { refused = true }
                }
                if refused { throw ExitCode.failure }
            }
        }
    }
}
