import ArgumentParser
import Domain
import Foundation
import Storage

extension Bench {
    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a synthetic workload in the dataset format, for benchmarks (never into Datasets/ of real data).",
            discussion: """
                Writes OUT/Datasets/synth-0001 ... with LeiKa-level status records for the services each level executes, \
                over yearly snapshots, plus projects, EfA figures and indicators. Seeded: the same options give the same bytes. \
                Every dataset says 'synthetic: true'.
                """
        )

        @Option(help: "How many municipalities (kinds mixed as in NRW).")
        var municipalities = 427

        @Option(help: "How many yearly snapshots.")
        var snapshots = 3

        @Option(help: "The random seed.")
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("A LeiKa catalogue (OZG extract or FIM portal CSV) whose Typisierung decides which services each level executes; default: a synthetic catalogue of 6,500 entries.", valueName: "file"))
        var catalogue: String?

        @Option(help: ArgumentHelp("The folder to write into; it becomes a workspace with its own Datasets/.", valueName: "dir"))
        var out: String

        func validate() throws {
            guard (1...100_000).contains(municipalities) else { throw ValidationError("--municipalities must be between 1 and 100000.") }
            guard (1...50).contains(snapshots) else { throw ValidationError("--snapshots must be between 1 and 50.") }
        }

        mutating func run() throws {
            try reportingErrors {
                var workload = SyntheticWorkload(municipalities: municipalities, snapshots: snapshots, seed: seed)
                if let catalogue {
                    workload.catalogue = try SyntheticWorkload.readCatalogue(URL(fileURLWithPath: catalogue))
                }
                let summary = try workload.write(to: URL(fileURLWithPath: out))
                print("wrote \(summary.municipalities) synthetic municipalities to \(out)/Datasets: \(summary.statusRows) status rows, "
                    + "\(summary.projects) projects, \(summary.indicators) indicators (\(summary.bytes / 1_000_000) MB)")
            }
        }
    }
}
