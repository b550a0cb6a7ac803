import Comparison
import Domain
import Foundation
@testable import Presentation
import Testing

/// Whatever a dataset contains is shown as text: no markup, no attribute break-out, no spreadsheet formula.
@Suite("Site escaping")
struct SiteEscapingTests {
    static let script = "<script>alert(1)</script>"
    static let attributeBreak = "\"onmouseover=alert(1) x=\""

    /// A dataset whose every text field tries something.
    static var hostile: Dataset {
        var dataset = SiteFixtures.leverkusen
        dataset.municipality.name = "Stadt " + script
        dataset.municipality.note = attributeBreak + " & AT&T; &amp;"
        dataset.sources[1].id = "x\" onfocus=\"alert(1)"
        dataset.sources[1].title = "<img src=x onerror=alert(1)>"
        dataset.sources[1].note = "'><svg onload=alert(1)>"
        dataset.services = dataset.services.map { service in
            var service = service
            service.sourceID = "x\" onfocus=\"alert(1)"
            return service
        }
        dataset.services[0].name = attributeBreak
        dataset.services[1].name = script
        dataset.services[2].name = "=HYPERLINK(\"http://example.invalid\",\"klick\")"
        dataset.services[2].responsible = "@SUM(1+1)*cmd|' /C calc'!A0"
        dataset.indicators[2].subject = "+49 (0)214 406-0"
        return dataset
    }

    private func render() throws -> [String: String] {
        let report = ComparisonReport(
            participants: [Participant(slug: SiteFixtures.leverkusenSlug, name: "Stadt " + Self.script, kind: .kreisfreieStadt, snapshot: nil),
                           SiteFixtures.report.participants[1]],
            sections: [MetricSection(id: .servicesOnline, title: "Leistungen " + Self.script, definition: Self.attributeBreak,
                                     comparability: .withCaveats,
                                     rows: [MetricRow(label: Self.attributeBreak, cells: [
                                        Figure(value: .unknown(reason: Self.script), remark: "=1+1"),
                                        Figure(value: .count(3, .exact), remark: "-3"),
                                     ])],
                                     notes: [ComparabilityNote(NoteSubject(.servicesOnline), .partialDates(["Stadt " + Self.script]))])])
        let content = SiteContent(datasets: [Self.hostile, SiteFixtures.aachen], comparisons: [report])
        let files = try SiteExporter(options: SiteOptions(contact: Self.script)).render(content)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    @Test func noDatasetTextBecomesMarkup() throws {
        let files = try render()
        for (path, text) in files where path.hasSuffix(".html") {
            for tag in Self.tags(in: text) {
                #expect(!["script", "img", "iframe", "object"].contains(tag.name), "\(path): <\(tag.name)>")
                #expect(!tag.attributes.contains { $0.hasPrefix("on") }, "\(path): <\(tag.name) \(tag.attributes)>")
            }
        }
        let profile = try #require(files["kommunen/leverkusen.html"])
        #expect(profile.contains("<h1>Stadt &lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(profile.contains("<title>Stadt &lt;script&gt;alert(1)&lt;/script&gt; – OZG-Benchmark</title>"))
        #expect(profile.contains("<th scope=\"row\">\"onmouseover=alert(1) x=\"</th>"))
        // Text that looks like an entity stays the text it is.
        #expect(profile.contains("\"onmouseover=alert(1) x=\" &amp; AT&amp;T; &amp;amp;"))
        // An identifier in an attribute is escaped there, so it cannot end the attribute.
        #expect(profile.contains("href=\"../quellen.html#quelle-leverkusen-x&quot; onfocus=&quot;alert(1)\""))
        let sources = try #require(files["quellen.html"])
        #expect(sources.contains("<li id=\"quelle-leverkusen-x&quot; onfocus=&quot;alert(1)\">\n<strong>&lt;img src=x onerror=alert(1)&gt;</strong>"))
        #expect(sources.contains("<dd>'&gt;&lt;svg onload=alert(1)&gt;</dd>"))
        let comparison = try #require(files["vergleiche/leverkusen_aachen.html"])
        #expect(comparison.contains("<h2 id=\"services-online\">Leistungen &lt;script&gt;alert(1)&lt;/script&gt;</h2>"))
        // A name inside a note's sentence is text too.
        #expect(comparison.contains("Stadt &lt;script&gt;alert(1)&lt;/script&gt; nennt manche Stände nur mit Monat oder Jahr;"))
        #expect(comparison.contains("<desc id=\"diagramm-services-online-1-beschreibung\">\"onmouseover=alert(1) x=\": Stadt &lt;script&gt;"))
        let statement = try #require(files["barrierefreiheit.html"])
        #expect(statement.contains("Wenden Sie sich bitte an: &lt;script&gt;alert(1)&lt;/script&gt;</p>"))
    }

    @Test func csvCellsCannotRunAsFormulas() throws {
        let files = try render()
        let services = try #require(files["daten/kommune-leverkusen-leistungen-2025-05-23.csv"])
        // One line per service, one value per cell, the source written out in the last column.
        #expect(services.hasPrefix("\u{feff}Leistung;Name berichtigt;OZG-ID;OZG-Leistung;Zuordnung;Status;Bedeutung;Zuständig;Stand;Quelle\r\n"))
        #expect(services.contains("\r\n\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"klick\"\")\";"))
        #expect(services.contains(";'@SUM(1+1)*cmd|' /C calc'!A0;"))
        let comparison = try #require(files["daten/vergleich-leverkusen_aachen-leistungen-online.csv"])
        // Cells with a semicolon are quoted; a formula inside a cell's text never starts the cell.
        // One value a cell: the reason and remark stand in "Anmerkung", the count in "Wert", a number stays a number.
        #expect(comparison.contains("\r\n\"\"\"onmouseover=alert(1) x=\"\"\";Stadt <script>alert(1)</script>;unbekannt;;;;;;;;;;\"<script>alert(1)</script>; =1+1\"\r\n"))
        #expect(comparison.contains("\r\n\"\"\"onmouseover=alert(1) x=\"\"\";StädteRegion Aachen;Anzahl;3;;;;;;genau;;;-3\r\n"))
    }

    @Test func spreadsheetFieldsKeepNumbersAndNeutraliseFormulas() {
        #expect(CSVWriter.spreadsheet.field("=1+1") == "'=1+1")
        #expect(CSVWriter.spreadsheet.field("+49 214") == "'+49 214")
        #expect(CSVWriter.spreadsheet.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.spreadsheet.field("-A1+1") == "'-A1+1")
        #expect(CSVWriter.spreadsheet.field("-3+cmd") == "'-3+cmd")
        #expect(CSVWriter.spreadsheet.field("\tcmd") == "'\tcmd")
        #expect(CSVWriter.spreadsheet.field("-3") == "-3")
        #expect(CSVWriter.spreadsheet.field("\u{2212}1.187") == "-1.187")
        #expect(CSVWriter.spreadsheet.field("-1,9") == "-1,9")
        #expect(CSVWriter.spreadsheet.field("1.187") == "1.187")
        #expect(CSVWriter.spreadsheet.field("23,8\u{a0}%") == "23,8 %")
        #expect(CSVWriter.spreadsheet.field("a;b") == "\"a;b\"")
        #expect(CSVWriter.spreadsheet.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.spreadsheet.field("12.34") == "12.34")
        #expect(CSVWriter.spreadsheet.document([["a", "b"], ["1", "2"]]) == "\u{feff}a;b\r\n1;2\r\n")
    }

    /// Every tag of a page with its attribute names, read the way a browser tokenises them: a name, `="`, and a
    /// value up to the next `"` (which escaping guarantees is the real end of the value).
    static func tags(in html: String) -> [(name: String, attributes: [String])] {
        var result: [(String, [String])] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first, first.isLetter else { continue }
            let name = String(rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" })
            rest = rest.dropFirst(name.count)
            var attributes: [String] = []
            while true {
                rest = rest.drop { $0.isWhitespace }
                guard let next = rest.first, next != ">", next != "/" else { break }
                let attribute = String(rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" })
                attributes.append(attribute.lowercased())
                rest = rest.dropFirst(attribute.count)
                if rest.hasPrefix("=\"") {
                    rest = rest.dropFirst(2)
                    rest = rest.drop { $0 != "\"" }.dropFirst()
                }
            }
            result.append((name.lowercased(), attributes))
        }
        return result
    }
}
