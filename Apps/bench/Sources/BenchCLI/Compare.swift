import ArgumentParser
import Comparison
import Domain
import Foundation
import Presentation
import Derivation
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

        @Option(name: .customLong("metric"), help: ArgumentHelp(
            "A metric to show (repeat for several; default: all): \(MetricID.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "metric"))
        var metrics: [MetricID] = []

        @OptionGroup var reportOptions: ReportOptions

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
        }

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                let named = try slugs.map { try workspace.slug($0) }
                let request = ComparisonRequest(peers ? .peers(of: named[0]) : .named(named), asOf: reportOptions.date, metrics: Set(metrics))
                let report = try databaseOptions.derivation(for: workspace) { try $0.comparison(request) }
                print(ReportRenderer.render(report, as: reportOptions.format, colour: reportOptions.wantsColour), terminator: "")
            }
        }
    }
}
