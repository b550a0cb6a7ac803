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

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: "How many municipalities (kinds mixed as in NRW).")
        var municipalities = 427

        @Option(help: "How many yearly snapshots.")
        var snapshots = 3

        @Option(help: "The random seed.")
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("A LeiKa catalogue (OZG extract or FIM portal CSV) whose Typisierung decides which services each level executes; default: a synthetic catalogue of 6,500 entries.", valueName: "file"))
        var catalogue: String?

        @Option(help: ArgumentHelp("The folder to write into; it becomes a workspace with its own Datasets/.", valueName: "dir"))
        var out: String?

        @Option(help: ArgumentHelp("Instead: write an export of the OZG dashboard in /v1/data's JSON pages (page-0001.json ...) into this folder, of --municipalities authorities (from the workspace's register where it has them: NRW's, beyond 427 those of the other Länder in the order of their codes).", valueName: "dir"))
        var dashboardExport: String?

        @Option(help: ArgumentHelp("With --dashboard-export: also write the same rows as one CSV file (for comparing with sqlite3 .import).", valueName: "file"))
        var dashboardCSV: String?

        @Option(help: "With --dashboard-export: rows per JSON page.")
        var pageSize = 5000

        func validate() throws {
            guard (1...100_000).contains(municipalities) else { throw ValidationError("--municipalities must be between 1 and 100000.") }
            guard (1...50).contains(snapshots) else { throw ValidationError("--snapshots must be between 1 and 50.") }
            guard (out == nil) != (dashboardExport == nil) else { throw ValidationError("Give either --out (datasets) or --dashboard-export (an export).") }
            guard (1...1_000_000).contains(pageSize) else { throw ValidationError("--page-size must be between 1 and 1000000.") }
        }

        mutating func run() throws {
            try reportingErrors {
                if let dashboardExport {
                    // The workspace's register where there is one: the export then names real NRW authorities.
                    let register = try (try? workspaceOptions.workspace()).map { try $0.register() } ?? MunicipalityRegister([])
                    var export = SyntheticDashboardExport(authorities: municipalities, seed: seed, pageSize: pageSize, register: register)
                    if let catalogue { export.catalogue = try SyntheticWorkload.readCatalogue(URL(fileURLWithPath: catalogue)) }
                    let summary = try export.write(to: URL(fileURLWithPath: dashboardExport), csv: dashboardCSV.map { URL(fileURLWithPath: $0) })
                    print("wrote a synthetic OZG dashboard export of \(summary.authorities) authorities (\(summary.fromRegister) from the register) to "
                        + "\(dashboardExport): \(summary.rows) rows in \(summary.pages) pages (\(summary.bytes / 1_000_000) MB)")
                    return
                }
                guard let out else { return }
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
