import ArgumentParser
import Comparison
import Domain
import Foundation
import Presentation
import Storage

extension Bench {
    struct Gaps: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the figures each municipality would have to report to make every metric comparable.",
            discussion: "A checklist per municipality (what, where in the dataset, why), to send to the other department."
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var databaseOptions: DatabaseOptions

        @Argument(help: "The municipalities to compare: two or more slugs.")
        var slugs: [String] = []

        @Option(name: .customLong("as-of"), help: ArgumentHelp(
            "Use each municipality's latest snapshot on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
        var asOf: String?

        @Option(help: "Output format: table (for the terminal), markdown (a checklist to send), csv or json.")
        var format: ReportFormat = .table

        func validate() throws {
            guard slugs.count >= 2 else {
                throw ValidationError("Name the two (or more) municipalities to compare, e.g. 'bench gaps leverkusen aachen'.")
            }
            if let asOf, PartialDate(asOf) == nil {
                throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-06-30).")
            }
        }

        mutating func run() throws {
            try reportingErrors {
                try reportingComparisonErrors {
                    let workspace = try workspaceOptions.workspace()
                    let named = try slugs.map { try workspace.slug($0) }
                    let loaded = try LoadedDatasets.load(named, workspace: workspace, database: databaseOptions)
                    let gaps = try GapsChecklist(comparing: loaded.datasets, reference: loaded.reference, asOf: asOf.flatMap(PartialDate.init))
                    print(ReportRenderer.render(gaps, as: format, colour: format == .table && terminalWantsColour()), terminator: "")
                }
            }
        }
    }
}
