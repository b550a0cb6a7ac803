import ArgumentParser
import Domain
import Foundation
import Storage

extension Bench {
    struct ImportDashboard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-dashboard",
            abstract: "Write exports of the federal OZG dashboard into dataset folders: one per authority.",
            discussion: """
                Reads the /v1/data JSON pages (all Germany; one file per page, or a list of pages), and per-ARS CSV or \
                XLSX files (/v1/data/{ars}), many at once. Each row becomes a services.csv row (unit leika-leistung) \
                with the dashboard's own status words ('online: ok', 'online: nicht ok', mapped in status_mapping.csv), \
                its OZG-ID as the dashboard gives it (match 'source'), art_flaechendeckung and aktiv, under a \
                dashboard-export source of the download day, beside what a person wrote. Without --municipality, each \
                authority goes to the dataset of its ARS, or to a new folder named from the register's name. An \
                authority whose rows are refused is named with its findings and leaves the others written (exit code 1). \
                Importing the same export again changes no byte.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Argument(help: ArgumentHelp("The export: JSON page files, CSV or XLSX files.", valueName: "file"))
        var files: [String]

        @Option(help: ArgumentHelp("The day the export was downloaded (YYYY-MM-DD): the snapshot of its rows.", valueName: "date"))
        var snapshot: String

        @Option(help: ArgumentHelp("Only the authorities of this Land (2-digit code such as 05, or its name); repeatable.", valueName: "land"))
        var land: [String] = []

        @Option(help: ArgumentHelp("Only the authority of this ARS; repeatable.", valueName: "ars"))
        var ars: [String] = []

        @Option(help: ArgumentHelp("Write a single authority's export into this dataset (created where it does not exist).", valueName: "slug"))
        var municipality: String?

        @Option(help: ArgumentHelp("Whether the export holds the rows of the units above (Kreis, Land, Bund), as the API's includeAbove.", valueName: "true|false"))
        var includeAbove = true

        @Option(help: ArgumentHelp("Whether the export holds the rows of the units below (a Kreis's towns), as the API's includeBelow.", valueName: "true|false"))
        var includeBelow = true

        @Option(help: "With --municipality, for a new dataset: the official name (default: the register's, else the export's ars_name).")
        var name: String?

        @Option(help: "With --municipality, for a new dataset: the kind of authority (default: the register's, else 'unknown').")
        var kind: MunicipalityKind?

        @Flag(help: "Print every finding (by default at most 5 of each kind).")
        var allFindings = false

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("Name the export files (JSON pages, CSV or XLSX).") }
            if let municipality, Slug(municipality) == nil { throw ValidationError("'\(municipality)' is not a valid slug: use \(Slug.rule).") }
            guard PartialDate(snapshot) != nil else {
                throw ValidationError("--snapshot '\(snapshot)' is not a date: write the day of the download as YYYY-MM-DD.")
            }
            for code in land where Self.landCode(code) == nil {
                throw ValidationError("--land '\(code)' is no Land: write its 2-digit code (01 to 16, e.g. 05) or its name (Nordrhein-Westfalen).")
            }
            for key in ars where !((key.count == 12 || key.count == 5) && key.allSatisfy { $0.isASCII && $0.isNumber }) {
                throw ValidationError("--ars '\(key)' is no Amtlicher Regionalschlüssel: 12 digits (a Kreis 5).")
            }
        }

        static func landCode(_ text: String) -> String? {
            let names = DashboardImportOptions.landNames
            if text.count == 2, names[text] != nil { return text }
            return names.first { $0.value.lowercased() == text.lowercased() }?.key
        }

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                var export = DashboardExport()
                for file in files {
                    let data = try Workspace.readInputFile(file)
                    let lower = file.lowercased()
                    if lower.hasSuffix(".json") {
                        export.readJSON(data, file: file)
                    } else if lower.hasSuffix(".xlsx") {
                        export.readXLSX(data, file: file)
                    } else {
                        export.readCSV(data, file: file)
                    }
                }
                export.finish()
                for (file, dialect) in export.dialects.sorted(by: { $0.key < $1.key }) where dialect != .standard {
                    print("\(file): read as \(dialect)")
                }
                let register = try workspace.register()
                let landName = land.count == 1 ? Self.landCode(land[0]).flatMap { DashboardImportOptions.landNames[$0] } : nil
                let options = DashboardImportOptions(snapshot: PartialDate(snapshot), name: name, kind: kind, land: landName,
                                                     includeAbove: includeAbove, includeBelow: includeBelow, register: register)
                if let municipality {
                    if !ars.isEmpty || !land.isEmpty {
                        export.rows = export.rows.filter { (ars.isEmpty || ars.contains($0.ars)) && (land.isEmpty || land.compactMap(Self.landCode).contains($0.landCode)) }
                    }
                    let report = try workspace.importDashboard(export, into: Slug(municipality)!, options: options)
                    printReport(report, workspace)
                    printFindings(report.findings, limit: allFindings ? nil : 5)
                    print("next: review the diff, then 'bench compare \(report.slug) ...'")
                    return
                }
                let batch = try workspace.importDashboardAuthorities(
                    export, options: options, lands: land.compactMap(Self.landCode), ars: ars,
                    progress: { position, total, slug in printError("[\(position)/\(total)] \(slug) ...") })
                printFindings(batch.findings, limit: allFindings ? nil : 5)
                // Each authority on its own line where there are few; the summary below counts them all.
                if batch.imported.count <= 20 { for report in batch.imported { printReport(report, workspace) } }
                for collision in batch.collisions {
                    print("names giving the same slug '\(collision.base)': "
                        + collision.members.map { "\($0.name) (ARS \($0.ars)) -> \($0.slug)" }.joined(separator: ", "))
                }
                let created = batch.imported.filter(\.created).count, unchanged = batch.imported.filter { !$0.changed }.count
                let rows = batch.imported.map(\.rows).reduce(0, +)
                print("\(batch.imported.count) authorities written (\(created) new datasets, \(unchanged) unchanged), \(rows) rows at \(batch.snapshot)"
                      + (batch.filteredRows > 0 ? ", \(batch.filteredRows) rows of other authorities left out" : ""))
                let warnings = batch.imported.flatMap(\.findings).filter { $0.severity == .warning }
                printFindings(warnings, limit: allFindings ? nil : 5)
                if !batch.refused.isEmpty {
                    for refused in batch.refused {
                        printError("refused: \(refused.name) (ARS \(refused.ars))\(refused.slug.map { " -> \($0)" } ?? ""), nothing written for it:")
                        printFindings(refused.findings.errors, limit: allFindings ? nil : 5)
                    }
                    printError("\(batch.refused.count) of \(batch.refused.count + batch.imported.count) authorities refused; the others are written")
                    throw ExitCode.failure
                }
            }
        }

        private func printReport(_ report: DashboardImportReport, _ workspace: Workspace) {
            let folder = workspace.displayPath(workspace.directory(of: report.slug))
            print("\(report.created ? "created" : report.changed ? "updated" : "unchanged") \(folder)/: \(report.rows) LeiKa-Leistungen at \(report.snapshot) "
                  + "(\(report.online) online: ok, \(report.rows - report.online) online: nicht ok), source '\(report.sourceID)'"
                  + (report.replaced > 0 ? ", replacing \(report.replaced) rows of the same export" : ""))
            if !report.addedStatusWords.isEmpty {
                print("added to \(folder)/status_mapping.csv: \(report.addedStatusWords.map { "'\($0)'" }.joined(separator: ", "))")
            }
        }
    }
}
