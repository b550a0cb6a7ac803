import Foundation
import SnapshotTesting
import Testing
@testable import BenchCLI

/// `bench compare` and `bench gaps` run as a user would: the built binary, its output and its exit code.
@Suite struct CompareCommandTests {
    @Test("The bundled comparison shows every caveat of the worked example, with sources")
    func bundledComparison() throws {
        let workspace = try TemporaryWorkspace(copying: ["leverkusen", "aachen"])
        defer { workspace.remove() }
        let table = try BenchProcess.run(["compare", "leverkusen", "aachen"], in: workspace.root)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("ca. 190 [1]"))
        #expect(!table.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        // Markdown does not wrap lines, so sentences can be checked whole.
        let result = try BenchProcess.run(["compare", "leverkusen", "aachen", "--format", "markdown"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        for expected in [
            "## Leistungen online", "## EfA-Nachnutzung", "## Projekte pro Jahr",
            // Both sides' figures with dates and sources.
            "ca. 190[^1]", "Stand 23.05.2025", "1.187[^2]", "Stand 28.05.2024", "## Quellen",
            // Different units, with bounds instead of a point.
            "Verschiedene Zähleinheiten", "23,8–28,6\u{a0}%", "Online, gezählt in LeiKa-Leistungen",
            // The catalogue revision 835 -> 1,187.
            "von 835 (2023) auf 1.187 (2024): +352 (+42,2\u{a0}%)", "gegenläufig",
            // Levels of government, snapshot gap, project scopes, unknown values.
            // Aachen's column "2024" is a year, so the gap to Leverkusen's 23.05.2025 is a range, not 360 days.
            "Verschiedene Verwaltungsebenen", "zwischen 5 und 17 Monaten", "ca. 19 Monate (566 Tage)",
            "Verschiedener Umfang", "197", "nicht als 0 gezählt",
        ] {
            #expect(out.contains(expected), "missing: \(expected)")
        }
    }

    @Test("The same input gives the same bytes", arguments: ["table", "markdown", "csv", "json"])
    func deterministic(format: String) throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        let first = try BenchProcess.run(["compare", "stadt-b", "kreis-a", "--format", format], in: workspace.root)
        let second = try BenchProcess.run(["compare", "stadt-b", "kreis-a", "--format", format], in: workspace.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
    }

    @Test("Each format of a comparison of the fixture workspace matches its reviewed reference",
          arguments: ["table", "markdown", "csv", "json"])
    func formats(format: String) throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        let result = try BenchProcess.run(["compare", "stadt-b", "kreis-a", "--format", format], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        assertSnapshot(of: result.stdout, as: .lines, named: format)
    }

    @Test("--metric and --as-of select what is shown")
    func metricAndAsOf() throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        let result = try BenchProcess.run(["compare", "stadt-b", "kreis-a", "--metric", "efa-uptake", "--metric", "trends",
                                           "--as-of", "2025-06"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Stand: je Kommune der letzte Stand bis Juni 2025."))
        #expect(result.stdout.contains("== EfA-Nachnutzung =="))
        #expect(result.stdout.contains("== Entwicklung =="))
        #expect(!result.stdout.contains("== Leistungen online =="))
        // The December report lies after the as-of date: its total of 189 is not used.
        #expect(!result.stdout.contains("189"))
    }

    @Test("The peer view compares with the median and quartiles of the same kind")
    func peers() throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        let result = try BenchProcess.run(["compare", "kreis-a", "--peers", "--peer-group", "kind", "--metric", "services-online"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        assertSnapshot(of: result.stdout, as: .lines)
    }

    @Test("--peer-group list:FILE takes a Vergleichsring's members from a file; JSON names rule and members; a bad rule is refused")
    func peerGroupList() throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        try Data("# Vergleichsring Nord\nstadt-b\n\nkreis-c\n".utf8).write(to: workspace.root.appendingPathComponent("ring.txt"))
        let result = try BenchProcess.run(["compare", "kreis-a", "--peers", "--peer-group", "list:ring.txt", "--metric", "services-online",
                                           "--format", "json"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let group = try #require(json["peerGroup"] as? [String: Any])
        #expect(group["rule"] as? String == "list" && group["list"] as? String == "ring")
        #expect((group["members"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } == ["kreis-c", "stadt-b"])
        let bad = try BenchProcess.run(["compare", "kreis-a", "--peers", "--peer-group", "nachbarn"], in: workspace.root)
        #expect(bad.status != 0 && bad.stderr.contains("--peer-group 'nachbarn' is not a rule"), "\(bad.stderr)")
    }

    @Test("bench gaps lists what each side would have to report", arguments: ["table", "markdown"])
    func gaps(format: String) throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        let result = try BenchProcess.run(["gaps", "stadt-b", "kreis-a", "--format", format], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        assertSnapshot(of: result.stdout, as: .lines, named: format)
    }

    @Test("One municipality, an unknown one, --as-of before any snapshot, no peers: a clear message and a non-zero exit",
          arguments: [
            (["compare", "stadt-b"], "A comparison needs at least two municipalities"),
            (["compare", "stadt-b", "koeln"], "no dataset 'koeln' in Datasets/ (known: kreis-a, kreis-c, stadt-b)"),
            (["compare", "stadt-b", "kreis-a", "--as-of", "2020"], "stadt-b has no snapshot on or before 2020: its earliest snapshot is 2025-05-23"),
            (["compare", "stadt-b", "kreis-a", "--as-of", "2025-13"], "--as-of '2025-13' is not a date"),
            (["compare", "stadt-b", "--peers", "--peer-group", "kind"], "there is no other municipality of kind 'kreisfreie-stadt'"),
            (["compare", "stadt-b", "stadt-b"], "stadt-b is named more than once"),
            (["compare", "stadt-b", "kreis-a", "--metric", "everything"], "everything"),
            (["gaps", "stadt-b"], "Name the two (or more) municipalities to compare"),
          ])
    func refusals(arguments: [String], message: String) throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        let result = try BenchProcess.run(arguments, in: workspace.root)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// The terminal is passed in: under test, standard output is never one, so only both states test both checks.
    @Test("Colour only on a terminal, and never where NO_COLOR is set")
    func colourOnlyOnATerminalWithoutNoColour() {
        #expect(terminalWantsColour(isTerminal: true, environment: [:]))
        #expect(terminalWantsColour(isTerminal: true, environment: ["TERM": "xterm-256color", "COLOR": "1"]))
        #expect(!terminalWantsColour(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!terminalWantsColour(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!terminalWantsColour(isTerminal: false, environment: [:]))
        #expect(!terminalWantsColour(isTerminal: false, environment: ["NO_COLOR": "1"]))
    }
}
