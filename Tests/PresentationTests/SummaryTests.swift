import Comparison
import Domain
import Presentation
import SnapshotTesting
import Testing

/// "Auf einen Blick": the sentences each section opens with, made from the computed figures and notes.
@Suite("Opening sentences of a comparison")
struct SummaryTests {
    typealias Fixtures = DashboardPeerFixtures

    /// Every section's sentences, one paragraph a section, headed by its title.
    static func sentences(_ report: ComparisonReport) -> String {
        report.sections.map { section in
            "## " + section.title + "\n" + SummaryText.sentences(report.summary(of: section), in: report).joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// Two cities of the same kind, both counting LeiKa-Leistungen, at the same date.
    static func pair(_ first: Int, _ second: Int) throws -> ComparisonReport {
        try ComparisonReport(comparing: [Fixtures.city("stadt-a", "Stadt A", online: first, inhabitants: 120_000),
                                         Fixtures.city("stadt-b", "Stadt B", online: second, inhabitants: 130_000)],
                             reference: ReferenceCatalogue(), metrics: [.servicesOnline])
    }

    @Test("A pair of the same kind and unit: both shares with unit and date, and which is higher")
    func sameKindAndUnit() throws {
        let report = try Self.pair(40, 20)
        let text = Self.sentences(report)
        #expect(text.contains("Stadt A meldet 40,0\u{a0}% (40 von 100 LeiKa-Leistungen), Stand 01.05.2025"))
        #expect(text.contains("Stadt B meldet 20,0\u{a0}% (20 von 100 LeiKa-Leistungen), Stand 01.05.2025"))
        #expect(text.contains("Den höheren Wert meldet Stadt A."))
        assertSnapshot(of: text, as: .lines, named: "pair")
    }

    @Test("The sentences follow the figures: other counts give other sentences and another order")
    func sentencesChangeWithTheFigures() throws {
        let before = Self.sentences(try Self.pair(40, 20))
        let after = Self.sentences(try Self.pair(40, 65))
        #expect(before != after)
        #expect(after.contains("Stadt B meldet 65,0\u{a0}% (65 von 100 LeiKa-Leistungen)"))
        #expect(after.contains("Den höheren Wert meldet Stadt B."))
        let equal = Self.sentences(try Self.pair(30, 30))
        #expect(equal.contains("Die Werte sind gleich."))
    }

    @Test("Different units: no order, and the sentence says why")
    func differentUnits() throws {
        let report = try ComparisonReport(comparing: [Fixtures.city("stadt-a", "Stadt A", online: 40, inhabitants: 120_000),
                                                      Fixtures.city("stadt-b", "Stadt B", online: 20, inhabitants: 130_000, unit: .ozgLeistung)],
                                          reference: ReferenceCatalogue(), metrics: [.servicesOnline])
        let text = Self.sentences(report)
        #expect(text.contains("Ein Vergleich der Werte ist nicht möglich, weil die Kommunen in verschiedenen Einheiten zählen "
                              + "(Stadt A: LeiKa-Leistungen; Stadt B: OZG-Leistungen)."))
        #expect(!text.contains("höheren Wert"))
    }

    @Test("A peer view: the subject against the group's median and quartiles")
    func peerView() throws {
        let report = try Fixtures.peerReport(Fixtures.sixPeers)
        let text = Self.sentences(report)
        // 40 % against quartiles 20 % and 50 % (DashboardPeerFixtures.sixPeers).
        #expect(text.contains("im Median 30\u{a0}% (Quartile 20\u{a0}% und 50\u{a0}%)"))
        #expect(text.contains("Stadt S liegt zwischen unterem und oberem Quartil der Vergleichsgruppe"))
        assertSnapshot(of: text, as: .lines, named: "peers")
        // With four peers there are no quartiles, and no position is claimed.
        let few = Self.sentences(try Fixtures.peerReport(Fixtures.fourPeers))
        #expect(few.contains("Aus weniger als 5 bekannten Werten werden keine Quartile berechnet."))
    }

    @Test("A lower bound is open upwards: no order against a higher point")
    func lowerBoundIsNotRanked() {
        let a = Participant(slug: Slug("stadt-a")!, name: "Stadt A", kind: .kreisfreieStadt, snapshot: PartialDate("2025-05-01"))
        let b = Participant(slug: Slug("stadt-b")!, name: "Stadt B", kind: .kreisfreieStadt, snapshot: PartialDate("2025-05-01"))
        func report(_ first: FigureValue, _ second: FigureValue) -> ComparisonReport {
            ComparisonReport(participants: [a, b], sections: [
                MetricSection(id: .efaUptake, title: "EfA-Nachnutzung", definition: "", comparability: .comparable,
                              rows: [MetricRow(label: "nachgenutzt (live)", cells: [Figure(value: first), Figure(value: second)],
                                               key: "efa-adopted")], notes: []),
            ])
        }
        let open = report(.count(34, .atLeast), .count(283, .exact))
        #expect(SummaryText.paragraph(open.summary(of: open.sections[0]), in: open)
            .contains("weil die Zahl von Stadt A nur eine Untergrenze ist"))
        let points = report(.count(34, .exact), .count(283, .exact))
        #expect(SummaryText.paragraph(points.summary(of: points.sections[0]), in: points).contains("Den höheren Wert meldet Stadt B."))
    }

    @Test("At most three notes stand beside the figures, the ones that change how a figure reads first")
    func keyNotes() {
        let subject = NoteSubject(.servicesOnline)
        let notes = [ComparabilityNote(subject, .projectsAreMinimums), ComparabilityNote(subject, .ownSnapshots),
                     ComparabilityNote(subject, .projectsAreMinimums), ComparabilityNote(subject, .countingUnits([])),
                     ComparabilityNote(subject, .approximateIndicators(["Stadt A"]))]
        let key = SectionSummary.keyNotes(notes)
        #expect(key.map(\.kind) == [.snapshotGap, .differentUnits, .approximateValues])
    }
}
