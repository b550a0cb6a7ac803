import ArgumentParser
import Domain
import Foundation
import Storage

extension Bench {
    struct ImportDashboard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-dashboard",
            abstract: "Write a municipality's export of the federal OZG dashboard into its dataset folder.",
            discussion: """
                Reads the CSV as downloaded, or the pages of the dashboard API's JSON (one file per page, or one \
                file with a list of pages; see Docs/database.md). Each row becomes a services.csv row (unit \
                leika-leistung) with the dashboard's own status words ('online: ok', 'online: nicht ok', mapped in \
                status_mapping.csv) and a dashboard-export source. A folder that does not exist is created. \
                Nothing is written unless the resulting dataset validates. Importing the same export again changes \
                nothing.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Argument(help: ArgumentHelp("The export: a CSV file, or the JSON page files.", valueName: "file"))
        var files: [String]

        @Option(help: ArgumentHelp("The dataset to write into (created where it does not exist).", valueName: "slug"))
        var municipality: String

        @Option(help: ArgumentHelp("The date the figures are valid for (YYYY-MM-DD), where the export gives none.", valueName: "date"))
        var snapshot: String?

        @Option(help: "For a new dataset: the official name (default: the export's ars_name).")
        var name: String?

        @Option(help: "For a new dataset: the kind of authority (default: told from the export's ARS and name where clear).")
        var kind: MunicipalityKind?

        @Option(help: "For a new dataset: the Land (default: the export's bundesland).")
        var land: String?

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("Name the export file (CSV, or the JSON pages).") }
            guard Slug(municipality) != nil else { throw ValidationError("'\(municipality)' is not a valid slug: use \(Slug.rule).") }
            if let snapshot, PartialDate(snapshot) == nil {
                throw ValidationError("--snapshot '\(snapshot)' is not a date: write YYYY-MM-DD (or YYYY-MM, YYYY).")
            }
        }

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                var export = DashboardExport()
                for file in files {
                    let data = try Workspace.readInputFile(file)
                    if file.lowercased().hasSuffix(".json") {
                        export.readJSON(data, file: file)
                    } else {
                        export.readCSV(data, file: file)
                    }
                }
                export.finish()
                for (file, dialect) in export.dialects.sorted(by: { $0.key < $1.key }) where dialect != .standard {
                    print("\(file): read as \(dialect)")
                }
                let options = DashboardImportOptions(snapshot: snapshot.flatMap { PartialDate($0) }, name: name, kind: kind, land: land)
                let report = try workspace.importDashboard(export, into: Slug(municipality)!, options: options)
                let folder = workspace.displayPath(workspace.directory(of: report.slug))
                print("\(report.created ? "created" : "updated") \(folder)/: \(report.rows) LeiKa-Leistungen at \(report.snapshot) "
                      + "(\(report.online) online: ok, \(report.rows - report.online) online: nicht ok), source '\(report.sourceID)'"
                      + (report.replaced > 0 ? ", replacing \(report.replaced) rows of the same export" : ""))
                if !report.addedStatusWords.isEmpty {
                    print("added to status_mapping.csv: \(report.addedStatusWords.map { "'\($0)'" }.joined(separator: ", "))")
                }
                printFindings(report.findings, limit: 5)
                print("next: review the diff, then 'bench compare \(report.slug) ...'")
            }
        }
    }
}
