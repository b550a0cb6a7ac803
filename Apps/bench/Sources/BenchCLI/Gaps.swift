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

        @OptionGroup var reportOptions: ReportOptions

        func validate() throws {
            guard slugs.count >= 2 else {
                throw ValidationError("Name the two (or more) municipalities to compare, e.g. 'bench gaps leverkusen aachen'.")
            }
        }

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                let named = try slugs.map { try workspace.slug($0) }
                let gaps = try databaseOptions.derivation(for: workspace) { try $0.gaps(named, asOf: reportOptions.date) }
                print(ReportRenderer.render(gaps, as: reportOptions.format, colour: reportOptions.wantsColour), terminator: "")
            }
        }
    }
}
