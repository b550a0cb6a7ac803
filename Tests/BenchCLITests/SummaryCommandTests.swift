import Foundation
import SnapshotTesting
import Testing

/// "Auf einen Blick" of the bundled comparison, and the notes behind `--notes all`, as a user sees them.
@Suite struct SummaryCommandTests {
    struct Report: Decodable {
        struct Section: Decodable {
            struct Note: Decodable { var kind: String; var key: Bool }
            var title: String
            var summary: [String]
            var notes: [Note]
        }
        var sections: [Section]
    }

    @Test("The bundled pair opens every section with sentences made from its figures and notes")
    func bundledOpening() throws {
        let workspace = try TemporaryWorkspace(copying: ["leverkusen", "aachen"])
        defer { workspace.remove() }
        let result = try BenchProcess.run(["compare", "leverkusen", "aachen", "--format", "json"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        let text = report.sections.map { "## " + $0.title + "\n" + $0.summary.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
        // Both shares in their own unit and at their date, and no order across different units.
        #expect(text.contains("Stadt Leverkusen meldet ca. 21,6\u{a0}% (41 von 190 OZG-Leistungen), Stand 23.05.2025"))
        #expect(text.contains("StädteRegion Aachen meldet 23,8–28,6\u{a0}% der LeiKa-Leistungen (283 online), Stand 2024"))
        #expect(text.contains("Ein Vergleich der Werte ist nicht möglich, weil die Kommunen in verschiedenen Einheiten zählen"))
        #expect(!text.contains("höheren Wert"))
        assertSnapshot(of: text, as: .lines, named: "bundled")
        // At most three key notes a section; the JSON marks them among all.
        for section in report.sections {
            #expect(section.notes.filter(\.key).count == min(3, section.notes.count))
        }
    }

    @Test("The table shows the key notes and the count; --notes all shows every note")
    func notesOption() throws {
        let workspace = try TemporaryWorkspace(copying: ["leverkusen", "aachen"])
        defer { workspace.remove() }
        let key = try BenchProcess.run(["compare", "leverkusen", "aachen", "--metric", "services-online"], in: workspace.root)
        let all = try BenchProcess.run(["compare", "leverkusen", "aachen", "--metric", "services-online", "--notes", "all"], in: workspace.root)
        #expect(key.status == 0 && all.status == 0, "\(key.stderr) \(all.stderr)")
        func marks(_ text: String) -> Int { text.split(separator: "\n").filter { $0.hasPrefix("! ") }.count }
        #expect(key.stdout.contains("Wichtigste Hinweise (3 von 12):"))
        #expect(key.stdout.contains("9 weitere Hinweise"))
        #expect(marks(key.stdout) == 3)
        #expect(all.stdout.contains("Alle 12 Hinweise:"))
        #expect(marks(all.stdout) == 12)
        // The opening comes before the figures.
        let opening = try #require(key.stdout.range(of: "Auf einen Blick:"))
        let figures = try #require(key.stdout.range(of: "Leistungen insgesamt"))
        #expect(opening.lowerBound < figures.lowerBound)
    }
}
