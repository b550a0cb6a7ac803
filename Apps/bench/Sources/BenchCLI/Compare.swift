import ArgumentParser
import Comparison
import Domain
import Foundation
import Presentation
import Storage

extension MetricID: @retroactive ExpressibleByArgument {}
extension ReportFormat: @retroactive ExpressibleByArgument {}

extension Bench {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare municipalities on services online, EfA uptake and projects per year, with sources.",
            discussion: """
                Every figure carries its source (document and date) and every metric the notes that say where the \
                comparison is not fair: different counting units, levels of government, snapshot dates, project scopes, \
                unknown values. The output is German, for the committee documents it goes into. Exits 1 when the \
                comparison cannot be made (an unknown municipality, no snapshot before --as-of, no peers).
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var databaseOptions: DatabaseOptions

        @Argument(help: "The municipalities to compare: two or more slugs, or one with --peers.")
        var slugs: [String] = []

        @Option(name: .customLong("as-of"), help: ArgumentHelp(
            "Use each municipality's latest snapshot on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
        var asOf: String?

        @Option(name: .customLong("metric"), help: ArgumentHelp(
            "A metric to show (repeat for several; default: all): \(MetricID.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "metric"))
        var metrics: [MetricID] = []

        @Option(help: "Output format: table (aligned, for the terminal), markdown (for committee documents), csv or json.")
        var format: ReportFormat = .table

        @Flag(help: "Compare the one municipality named with the median and quartiles of all others of the same kind.")
        var peers = false

        func validate() throws {
            if peers {
                guard slugs.count == 1 else {
                    throw ValidationError("--peers compares one municipality with all others of its kind: name exactly one (e.g. 'bench compare leverkusen --peers').")
                }
            } else if slugs.count < 2 {
                throw ValidationError("A comparison needs at least two municipalities (e.g. 'bench compare leverkusen aachen'); to compare one with all others of its kind, add --peers.")
            }
            _ = try parsedAsOf()
        }

        /// The --as-of date, checked.
        func parsedAsOf() throws -> PartialDate? {
            guard let asOf else { return nil }
            guard let date = PartialDate(asOf) else {
                throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-06-30).")
            }
            return date
        }

        mutating func run() throws {
            try reportingErrors {
                try reportingComparisonErrors {
                    let workspace = try workspaceOptions.workspace()
                    let named = try slugs.map { try workspace.slug($0) }
                    let selected = Set(metrics.isEmpty ? MetricID.allCases : metrics)
                    let asOf = try parsedAsOf()
                    let report: ComparisonReport
                    // Without --as-of, from the digests the database keeps of each whole dataset; with it, from the
                    // datasets cut at that date.
                    if asOf == nil, peers {
                        report = try Digests.peerView(of: named[0], workspace: workspace, database: databaseOptions, metrics: selected)
                    } else if asOf == nil {
                        report = try Digests.comparison(of: named, workspace: workspace, database: databaseOptions, metrics: selected)
                    } else if peers {
                        let loaded = try LoadedDatasets.load(nil, workspace: workspace, database: databaseOptions)
                        report = try ComparisonReport(peerViewOf: named[0], among: loaded.datasets, reference: loaded.reference,
                                                      asOf: asOf, metrics: selected)
                    } else {
                        let loaded = try LoadedDatasets.load(named, workspace: workspace, database: databaseOptions)
                        report = try ComparisonReport(comparing: loaded.datasets, reference: loaded.reference, asOf: asOf, metrics: selected)
                    }
                    print(ReportRenderer.render(report, as: format, colour: format == .table && terminalWantsColour()), terminator: "")
                }
            }
        }
    }
}

/// Turns a comparison error into a message on stderr and exit code 1.
func reportingComparisonErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ComparisonError {
        printError("error: \(error)")
        throw ExitCode.failure
    }
}
