import Comparison
import Domain
import Foundation
@testable import Presentation
import SnapshotTesting
import Testing

/// Every page type of the site, and a CSV download, against reviewed reference files in __Snapshots__.
/// The references are recorded once on a developer's machine, read, and committed; CI only compares.
@Suite("Site snapshots")
struct SiteSnapshotTests {
    private let files: [String: String]

    init() throws {
        let rendered = try SiteExporter(options: SiteFixtures.options).render(SiteFixtures.content)
        files = Dictionary(uniqueKeysWithValues: rendered.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    @Test func startPage() { assertSnapshot(of: files["index.html"] ?? "", as: .lines) }

    @Test func municipalityPage() { assertSnapshot(of: files["kommunen/leverkusen.html"] ?? "", as: .lines) }

    /// Aachen has counts per status at two dates: the profile draws them as lines.
    @Test func municipalityPageWithTrend() { assertSnapshot(of: files["kommunen/aachen.html"] ?? "", as: .lines) }

    @Test func comparisonPage() { assertSnapshot(of: files["vergleiche/leverkusen_aachen.html"] ?? "", as: .lines) }

    /// The page's shape, with definitions of its own so the reference does not change with every wording of
    /// Methodology (the test below checks that the real page carries every definition).
    @Test func methodologyPage() {
        let page = MethodologyPage(
            metrics: [MetricDefinition(id: .servicesOnline, title: "Leistungen online", summary: "Was online geht.",
                                       paragraphs: ["Erster Absatz.", "Zweiter Absatz mit <Zeichen> & mehr."])],
            peerView: ["Median und Quartile."],
            notes: [NoteDefinition(kind: .snapshotGap, title: "Auseinanderliegende Stände", computation: "Mehr als ein Monat.")])
        let site = SiteContext(content: SiteFixtures.content, options: SiteFixtures.options)
        assertSnapshot(of: page.render(site).html, as: .lines)
    }

    @Test func methodologyPageCarriesEveryDefinition() throws {
        let page = try #require(files["methodik.html"])
        var texts = Methodology.peerView
        for metric in Methodology.metrics { texts += [metric.title, metric.summary] + metric.paragraphs }
        for note in Methodology.notes { texts += [note.title, note.computation] }
        for text in texts {
            #expect(page.contains(Escaping.text(text)), "missing: \(text)")
        }
    }

    @Test func sourcesPage() { assertSnapshot(of: files["quellen.html"] ?? "", as: .lines) }

    @Test func accessibilityStatement() { assertSnapshot(of: files["barrierefreiheit.html"] ?? "", as: .lines) }

    @Test func sitemapPage() { assertSnapshot(of: files["seitenuebersicht.html"] ?? "", as: .lines) }

    @Test func comparisonTableAsCSV() {
        assertSnapshot(of: files["daten/vergleich-leverkusen_aachen-leistungen-online.csv"] ?? "", as: .lines)
    }

    @Test func markerListsEveryFile() { assertSnapshot(of: files[".bench-site"] ?? "", as: .lines) }
}
