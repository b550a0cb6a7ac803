import Comparison
import Presentation
import SnapshotTesting
import Testing

@Suite("Report rendering: terminal table, Markdown, CSV and JSON of comparisons and gaps checklists")
struct ReportRenderingTests {
    typealias Fixtures = ReportRenderingFixtures

    @Test("Every format of a comparison matches its reviewed reference", arguments: ReportFormat.allCases)
    func comparison(format: ReportFormat) {
        assertSnapshot(of: ReportRenderer.render(Fixtures.report, as: format), as: .lines, named: format.rawValue)
    }

    @Test("The peer view has a column per statistic", arguments: [ReportFormat.table, .markdown])
    func peerView(format: ReportFormat) {
        assertSnapshot(of: ReportRenderer.render(Fixtures.peerReport, as: format), as: .lines, named: format.rawValue)
    }

    @Test("Every format of a gaps checklist matches its reviewed reference", arguments: ReportFormat.allCases)
    func gaps(format: ReportFormat) {
        assertSnapshot(of: ReportRenderer.render(Fixtures.gaps, as: format), as: .lines, named: format.rawValue)
    }

    @Test("Colour only when asked for, and then never inside the alignment")
    func colour() {
        let plain = ReportRenderer.render(Fixtures.report, as: .table, colour: false)
        let coloured = ReportRenderer.render(Fixtures.report, as: .table, colour: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1m== Leistungen online ==\u{1B}[0m"))
        // Without the escape codes the coloured table is the plain one.
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9]+m", with: "", options: .regularExpression)
        #expect(stripped == plain)
        #expect(!ReportRenderer.render(Fixtures.report, as: .markdown, colour: true).contains("\u{1B}["))
    }

    @Test("German notation in table and Markdown, plain numbers in CSV and JSON")
    func notation() {
        let table = ReportRenderer.render(Fixtures.report, as: .table)
        #expect(table.contains("ca. 190 [1]"))
        #expect(table.contains("1.187 [2]"))
        #expect(table.contains("23,8–28,6\u{a0}%"))
        let csv = ReportRenderer.render(Fixtures.report, as: .csv)
        #expect(csv.contains(",count,1187,"))
        #expect(csv.contains(",interval,,23.8416,28.6437,"))
        let json = ReportRenderer.render(Fixtures.report, as: .json)
        #expect(json.contains("\"value\" : \"21.5789\""))
    }
}
