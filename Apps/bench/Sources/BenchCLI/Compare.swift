import ArgumentParser
import Domain
import Foundation
import Storage

extension Bench {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare municipalities on services online, EfA uptake and projects per year, with sources."
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Argument(help: "The municipalities to compare (two or more slugs).")
        var slugs: [String] = []

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                guard slugs.count >= 2 else {
                    printError("error: name at least two municipalities to compare (known: \(workspace.slugs().map(\.rawValue).joined(separator: ", ")))")
                    throw ExitCode.failure
                }
                let (reference, _) = workspace.readReference()
                for text in slugs {
                    let reading = workspace.validate(try workspace.slug(text), reference: reference)
                    guard let dataset = reading.dataset, !reading.findings.hasErrors else {
                        printError("error: \(text) has errors; run 'bench validate \(text)'")
                        throw ExitCode.failure
                    }
                    print("\(dataset.municipality.name) (\(dataset.municipality.kind.germanName))")
                    for tally in dataset.tallies {
                        print("  \(tally.snapshot)  \(tally.unit.rawValue)  \(tally.role.rawValue) \(tally.status): \(tally.count) [\(tally.sourceID)]")
                    }
                    for indicator in dataset.indicators where Axis.of(indicator: indicator.indicator) != .otherIndicators {
                        print("  \(indicator.snapshot)  \(indicator.indicator): \(indicator.value) [\(indicator.sourceID)]")
                    }
                }
            }
        }
    }
}
