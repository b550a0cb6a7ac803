import ArgumentParser

/// The `bench` command: benchmarks how far municipalities have digitalised their services.
public struct Bench: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Compare how far German municipalities have digitalised their services (OZG), fairly and with sources.",
        discussion: """
            Datasets live in Datasets/<slug>/ as plain files (see Docs/dataset-format.md). Commands that read \
            figures bring the database (.bench/bench.sqlite) up to date with those files by themselves.
            """,
        version: version,
        subcommands: [Validate.self, List.self, New.self, Compare.self, Gaps.self, Import.self, ImportDashboard.self, ImportCatalogue.self, ImportRegister.self, Synth.self, Export.self]
    )

    public init() {}
}
