import ArgumentParser
import Comparison
import Derivation
import Domain
import Foundation
import Presentation

extension Bench {
    struct Potentials: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The services a municipality's peers offer online and it does not (Potenziale), and the other way round (Vorreiter).",
            discussion: """
                Lists the LeiKa-Leistungen that are online (a working online service) at at least --threshold percent of the \
                peers with LeiKa-level data (boundary inclusive) and not here, ranked by that share (ties by LeiKa key), each \
                with its OZG-Leistung and Themenfeld, how many peers offer it, up to three of them, whether the dashboard \
                says it is offered centrally (bundes- or landesweit flächendeckend) and its Typisierung (from an imported \
                catalogue, else unknown). Services that only the Bund or the Land execute by Typisierung are left out and \
                counted. Vorreiter: services online here that fewer than --pioneer-threshold percent of the peers offer. \
                A missing row stays unknown: for a dataset made from the dashboard it means no online service is known to \
                the dashboard, for a hand-made one that the service is not reported. The output is German.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var databaseOptions: DatabaseOptions

        @Argument(help: "The municipality (slug).")
        var slug: String

        @Option(help: ArgumentHelp("Potentials: online at at least this share of the peers with LeiKa-level data, in percent (boundary inclusive).", valueName: "percent"))
        var threshold = PotentialsReport.defaultThreshold

        @Option(name: .customLong("pioneer-threshold"), help: ArgumentHelp("Vorreiter: online here and at fewer than this share of the peers, in percent.", valueName: "percent"))
        var pioneerThreshold = PotentialsReport.defaultPioneerThreshold

        @Option(name: .customLong("peer-group"), help: ArgumentHelp(
            "How the peer group is chosen: level-and-size (default), kind, land, all, or list:FILE (as for bench compare --peers).",
            valueName: "rule"))
        var peerGroup: String?

        @Option(help: "Output format: table (aligned, for the terminal), markdown, csv or json.")
        var format: ReportFormat = .table

        func validate() throws {
            guard threshold > 0, threshold <= 100 else {
                throw ValidationError("--threshold \(threshold) is not a share in percent: give a number above 0 and at most 100 (e.g. 50).")
            }
            guard pioneerThreshold > 0, pioneerThreshold <= 100 else {
                throw ValidationError("--pioneer-threshold \(pioneerThreshold) is not a share in percent: give a number above 0 and at most 100 (e.g. 25).")
            }
        }

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                let subject = try workspace.slug(slug)
                let rule = try peerRule(peerGroup)
                let request = PotentialsRequest(subject: subject, rule: rule, threshold: threshold, pioneerThreshold: pioneerThreshold)
                let report = try databaseOptions.derivation(for: workspace) { try $0.potentials(request) }
                let colour = format == .table && terminalWantsColour()
                print(ReportRenderer.render(report, as: format, colour: colour), terminator: "")
            }
        }
    }
}
