import ArgumentParser
import Domain
import Foundation
import Storage

extension Bench {
    struct ImportRegister: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-register",
            abstract: "Write the municipality register (Datasets/reference/register.csv) from the Destatis Gemeindeverzeichnis.",
            discussion: """
                Reads the "Auszug GV" of the Statistisches Bundesamt (Destatis) as Destatis publishes it (XLSX) or as \
                Excel saves it (CSV, with a byte order mark, spaces as thousands separators, empty cells). The header \
                is found by its content. It writes one row per Gemeinde (textkennzeichen 60-64, 67) and per Kreis-level \
                unit (41-45); a kreisfreie Stadt or Stadtkreis is one row, with its Gemeinde keys (AGS 8 digits, ARS 12); \
                a Kreis has its 5-digit key as AGS and ARS and the sum of its Gemeinden as population. Gemeindefreie \
                Gebiete (65, 66) are no authority and get no row; their inhabitants count in their Kreis. \
                Every row it cannot read is a finding with file, line and column (XLSX: row and column of the cell); \
                a file with errors writes nothing, and the output file is replaced whole or not at all. \
                The population date and the source text come from a Destatis file name such as \
                'gemeindeverzeichnis_auszug_2020q4.csv' (4th quarter 2020: population of 31.12.2019) or from \
                --population-date and --source. See Datasets/reference/README.md.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Argument(help: ArgumentHelp("The Gemeindeverzeichnis file (XLSX or CSV).", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("Where to write the register (default: Datasets/reference/register.csv).", valueName: "path"))
        var out: String?

        @Option(help: ArgumentHelp("The date of the file's population (YYYY-MM-DD), where its name does not tell it.", valueName: "date"))
        var populationDate: String?

        @Option(help: ArgumentHelp("The source text every row names (German, e.g. 'Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Auszug GV 4. Quartal 2020').", valueName: "text"))
        var source: String?

        @Flag(help: "Print every finding (by default at most 5 of each kind).")
        var allFindings = false

        func validate() throws {
            if let populationDate, PartialDate(populationDate)?.precision != .day {
                throw ValidationError("--population-date '\(populationDate)' is not a day: write YYYY-MM-DD (e.g. 2019-12-31).")
            }
        }

        mutating func run() throws {
            try reportingErrors {
                let named = RegisterEdition.fromFileName(file)
                guard let date = populationDate.flatMap(PartialDate.init) ?? named?.populationDate else {
                    throw ValidationError("'\(file)': its name does not tell the date of its population; pass --population-date YYYY-MM-DD (and --source).")
                }
                guard let sourceText = source ?? named?.source else {
                    throw ValidationError("'\(file)': its name does not tell which edition it is; pass --source, e.g. --source 'Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Auszug GV 4. Quartal 2020'.")
                }
                let target: URL
                if let out {
                    target = URL(fileURLWithPath: out)
                } else {
                    target = try workspaceOptions.workspace().registerFile
                }
                let data = try Workspace.readInputFile(file)
                let reading = RegisterReading(data: data, file: file, edition: RegisterEdition(populationDate: date, source: sourceText))
                printFindings(reading.findings, limit: allFindings ? nil : 5)
                guard !reading.findings.hasErrors else {
                    printError("\(file): refused, nothing was written")
                    throw ExitCode.failure
                }
                try Workspace.writeRegister(reading.entries, to: target)
                var text = "\(file): \(reading.format); \(reading.rowsRead) rows read"
                if reading.rowsRefused > 0 { text += ", \(reading.rowsRefused) left out" }
                text += ", \(reading.unincorporatedAreas) gemeindefreie Gebiete without an entry"
                let warnings = reading.findings.warnings.count
                if warnings > 0 { text += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
                print(text)
                print("\(reading.entries.count) entries written to \(out ?? "Datasets/reference/\(RegisterFile.fileName)"):")
                for (kind, count) in reading.countsByKind {
                    print("  \(kind.rawValue): \(count)")
                }
            }
        }
    }
}
