import Comparison
import Domain
import Foundation
@testable import Presentation
import Testing

@Suite("Site export")
struct SiteExportTests {
    private func render(_ content: SiteContent = SiteFixtures.content) throws -> [String: String] {
        let files = try SiteExporter(options: SiteFixtures.options).render(content)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    @Test func writesEveryPageTypeWithRelativeLinks() throws {
        let files = try render()
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == [
            "barrierefreiheit.html", "index.html", "kommunen/aachen.html", "kommunen/leverkusen.html", "laender/nordrhein-westfalen.html",
            "methodik.html", "quellen.html", "seitenuebersicht.html", "vergleiche/leverkusen_aachen.html",
            "vergleichsgruppen/aachen.html", "vergleichsgruppen/leverkusen.html",
        ])
        #expect(files["stil.css"] != nil)
        let comparison = try #require(files["vergleiche/leverkusen_aachen.html"])
        #expect(comparison.contains(#"<link rel="stylesheet" href="../stil.css">"#))
        #expect(comparison.contains(#"<a href="../barrierefreiheit.html">Erklärung zur Barrierefreiheit</a>"#))
        for (path, text) in files where path.hasSuffix(".html") {
            #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"), "\(path)")
            #expect(!text.contains("http://") && !text.contains("https://") || text.contains("http://www.w3.org/2000/svg"), "\(path)")
            #expect(!text.contains("href=\"/"), "absolute link in \(path)")
            #expect(text.contains("default-src 'none'; style-src 'self'; img-src 'self' data:"), "\(path)")
        }
    }

    @Test func comparisonPageShowsTheReportsFiguresNotesAndSources() throws {
        let page = try #require(try render()["vergleiche/leverkusen_aachen.html"])
        // Footnote numbers are the site's: Aachen's one document is 1, Leverkusen's two are 2 (the older) and 3.
        #expect(page.contains("<td>ca. 21,6\u{a0}% (41 von 190); Stand 23.05.2025; OZG-Leistungen<sup> [<a href=\"#quelle-3\" class=\"fussnote\">3</a>]</sup></td>"))
        #expect(page.contains("<td>23,8\u{a0}% (283 von 1.187); Stand 28.05.2024; LeiKa-Leistungen<sup>"))
        #expect(page.contains("<td>41–245\u{a0}LeiKa-Leistungen; Stand 23.05.2025; Grenzen aus dem Katalog<sup>"))
        #expect(page.contains("<li><strong>Verschiedene Zähleinheiten: </strong>Leverkusen zählt OZG-Leistungen und Aachen zählt LeiKa-Leistungen. "))
        // A section that is not comparable says why in its opening, and the page's "Auf einen Blick" repeats it.
        #expect(page.contains("Aachen zählt alle IT-Projekte, Leverkusen nur OZG-Projekte.</p>"))
        #expect(page.contains("<p class=\"bewertung\">Vergleichbarkeit: nicht vergleichbar.</p>"))
        #expect(page.components(separatedBy: "Aachen zählt alle IT-Projekte, Leverkusen nur OZG-Projekte.").count - 1 == 2)
        #expect(page.contains("<td>unbekannt (die Quelle nennt keine Zahl)</td>"))
        // Two charts: the section that is not comparable gets a table but no chart.
        #expect(page.components(separatedBy: "<div class=\"diagramme\">").count - 1 == 2)
        // Each row drawn is its own small drawing.
        #expect(page.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(page.contains(#"<th scope="col">StädteRegion Aachen</th>"#))
        #expect(page.contains(#"<li id="quelle-3" value="3">Stadt Leverkusen: „Anträge vom 10.04.2025 bis 15.05.2025 – Stellungnahme der Verwaltung“, Stellungnahme vom 28.05.2025, Nr. 2025/3290, 2025/3291; Finanz- und Digitalisierungsausschuss; Fundstelle: seeds/000.txt (<a href="../quellen.html#quelle-leverkusen-lev-2025-05-stellungnahme">im Quellenverzeichnis</a>)</li>"#))
    }

    @Test func aComparisonTableDownloadsAsOneValuePerCell() throws {
        let files = try render()
        let csv = try #require(files["daten/vergleich-leverkusen_aachen-leistungen-online.csv"])
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[0] == "Zeile;Spalte;Art;Wert;Untergrenze;Obergrenze;Zähler;Nenner;Einheit;Angabe;Stand;Quelle;Anmerkung")
        // ca. 21,6 % is 41 of about 190: the share, its numerator and denominator, each in its own cell, as numbers.
        #expect(lines.contains { $0.hasPrefix("Online, in der eigenen Zähleinheit;Stadt Leverkusen;Anteil;21,5789;;;41;190;%;ungefähr;2025-05-23;\"[3] ") })
        // Bounds as two numbers, not "41–245 LeiKa-Leistungen" in one cell.
        #expect(lines.contains { $0.hasPrefix("Online, in LeiKa-Leistungen;Stadt Leverkusen;Spanne;;41;245;;;LeiKa-Leistungen;;2025-05-23;") })
        #expect(!csv.contains("Stand 23.05.2025"))
    }

    @Test func oneDownloadHoldsEveryFigureWithLicenceAndCitation() throws {
        let files = try render()
        let csv = try #require(files["daten/alle-zahlen.csv"])
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        // No --licence: the download says that none is named, and how to cite it.
        #expect(lines[0] == "\"Lizenz: nicht angegeben; vor einer Weitergabe bei der herausgebenden Stelle erfragen.\"")
        #expect(lines[1] == "Zitiervorschlag: Fachbereich Digitalisierung, digital@example.org: OZG-Benchmark, alle Zahlen, Datenstand 28.05.2025 (daten/alle-zahlen.csv)")
        #expect(lines[3] == "Seite;Tabelle;Zeile;Spalte;Art;Wert;Untergrenze;Obergrenze;Zähler;Nenner;Einheit;Angabe;Stand;Quelle;Anmerkung")
        #expect(lines.contains { $0.hasPrefix("Vergleich: Stadt Leverkusen und StädteRegion Aachen;") && $0.contains(";Stadt Leverkusen;Anteil;21,5789;;;41;190;%;ungefähr;2025-05-23;") })
        let json = try #require(files["daten/alle-zahlen.json"])
        #expect(json.contains("\"licence\" : \"Lizenz: nicht angegeben"))
        #expect(json.contains("\"21,5789\""))
        let licensed = try SiteExporter(options: SiteOptions(contact: "Stadt X", licence: "Datenlizenz Deutschland – Namensnennung – Version 2.0"))
            .render(SiteFixtures.content)
        let start = try #require(licensed.first { $0.path == "index.html" })
        #expect(String(decoding: start.contents, as: UTF8.self).contains("Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0."))
    }

    @Test func aDocumentHasOneFootnoteNumberOnEveryPage() throws {
        let files = try render()
        let comparison = try #require(files["vergleiche/leverkusen_aachen.html"])
        let profile = try #require(files["kommunen/leverkusen.html"])
        // Leverkusen's Stellungnahme of 28.05.2025 is number 3 on its profile and on the comparison page alike.
        for page in [comparison, profile] {
            #expect(page.contains(#"<li id="quelle-3" value="3">Stadt Leverkusen: „Anträge"#) || page.contains(#"<li id="quelle-3" value="3">„Anträge"#))
        }
    }

    @Test func aProjectNamedByTwoReportsIsOneLine() throws {
        var leverkusen = SiteFixtures.leverkusen
        leverkusen.projects.append(Project(projectID: "ikfz", name: "i-Kfz", scope: .ozg, ozgID: .known(OzgID(10439)), start: .unknown,
                                           goLive: .known(PartialDate("2026-01")!), goLiveKind: .planned, status: "Go-Live",
                                           statusDate: PartialDate("2025-12-15")!, channel: .efa, motion: "2025/3290",
                                           sourceID: "lev-2021-11-bericht"))
        let content = SiteContent(datasets: [leverkusen, SiteFixtures.aachen], comparisons: [SiteFixtures.report],
                                  reference: SiteFixtures.content.reference)
        let page = try #require(try render(content)["kommunen/leverkusen.html"])
        let table = try #require(page.components(separatedBy: "id=\"tabelle-projekte\"").dropFirst().first)
        #expect(table.components(separatedBy: "<th scope=\"row\">i-Kfz</th>").count - 1 == 1)
        #expect(table.contains("in Umsetzung (Stand 28.05.2025) → Go-Live (Stand 15.12.2025)"))
        #expect(table.contains("<td>28.05.2025, 15.12.2025</td><td>Januar 2026, geplant</td><td>EfA-Nachnutzung</td><td>2025/3290</td>"))
    }

    @Test func oneLegendForTheWordsOfMissingValues() throws {
        let page = try #require(try render()["vergleiche/leverkusen_aachen.html"])
        #expect(page.contains("<details class=\"legende\">"))
        #expect(page.contains("<dt>unbekannt</dt>"))
    }

    @Test func aLocationThatIsAWebAddressIsALink() {
        #expect(SiteContext.location("https://ratsinfo.example.org/vorlage?id=42").rendered()
            == #"<a href="https://ratsinfo.example.org/vorlage?id=42" class="fundstelle">https://ratsinfo.example.org/vorlage?id=42</a>"#)
        #expect(SiteContext.location("Anlage 2, S. 4").rendered() == "Anlage 2, S. 4")
    }

    @Test func everyPageNamesItsPublisherAndADateFromTheData() throws {
        let files = try render()
        for (path, page) in files where path.hasSuffix(".html") {
            #expect(page.contains("Herausgegeben von: Fachbereich Digitalisierung, digital@example.org."), "\(path)")
            // No --generated-at: the newest date the data names, so the same data gives the same bytes.
            #expect(page.contains("Datenstand: "), "\(path)")
        }
    }

    @Test func unknownValuesAreLabelledGapsNotZeroBars() throws {
        let chart = BarChart(title: "EfA", groups: [BarChart.Group(label: "verfügbar", bars: [
            BarChart.Bar(label: "Stadt Leverkusen", value: .unknown(reason: "fehlt"), colourIndex: 0),
            BarChart.Bar(label: "StädteRegion Aachen", value: .count(19, .exact), colourIndex: 1),
        ])])
        let svg = try #require(chart.svgs(id: "d").first).rendered()
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 1)
        #expect(svg.contains("(kein Balken: unbekannt)"))
        // The scale's 302 units from x 4 to 306 (a little room on the right for an open end).
        #expect(svg.contains(##"<rect x="4" y="98" width="302" height="18" fill="#a84300" class="farbe-1">"##))
        #expect(chart.summary == "verfügbar: Stadt Leverkusen unbekannt (fehlt); StädteRegion Aachen 19.")
    }

    @Test func intervalsAreDrawnAsRanges() throws {
        let chart = BarChart(title: "Online", groups: [BarChart.Group(label: "LeiKa", bars: [
            BarChart.Bar(label: "A", value: .interval(low: 41, high: 245, unit: "LeiKa-Leistungen"), colourIndex: 0),
            BarChart.Bar(label: "B", value: .count(283, .exact), colourIndex: 1),
        ])])
        let svg = try #require(chart.svgs(id: "d").first).rendered()
        // On a 302-unit scale from 0 to 283, 41 starts at 4 + 43.8 and 245 ends at 4 + 261.4.
        #expect(svg.contains(##"<rect x="47.8" y="70" width="217.7" height="10" fill="#1f4e79" class="farbe-0">"##))
        #expect(svg.contains("Skala 0 bis</tspan><tspan x=\"4\" dy=\"18\">283\u{a0}LeiKa-Leistungen)"))
    }

    @Test func aLowerBoundIsABarThatMayGoOn() throws {
        let chart = BarChart(title: "Online", groups: [BarChart.Group(label: "LeiKa", bars: [
            BarChart.Bar(label: "A", value: .count(34, .atLeast), colourIndex: 0),
            BarChart.Bar(label: "B", value: .count(283, .exact), colourIndex: 1),
        ])])
        let svg = try #require(chart.svgs(id: "d").first).rendered()
        // The bound is open upwards, so the axis runs past B's 283 to a round 500 (283 · 1,2 = 339,6, rounded up to
        // 500): 34 of 500 on 302 units is a bar of 20.5, then a dashed line to the axis end at 306 and an open arrow
        // beyond it; it does not stop at B's value (4 + 302 · 283 / 500 = 174.9).
        #expect(svg.contains("LeiKa (Skala 0 bis 500;</tspan><tspan x=\"4\" dy=\"18\">gestrichelt: nach oben offen)"))
        #expect(svg.contains(##"<rect x="4" y="66" width="20.5" height="18" fill="#1f4e79" class="farbe-0">"##))
        #expect(svg.contains(##"<line x1="24.5" y1="75" x2="306" y2="75" stroke-width="3" stroke-dasharray="6 4" stroke="#1f4e79" class="farbe-0">"##))
        #expect(svg.contains(##"<path d="M306 69L314 75L306 81" fill="none" stroke-width="2" stroke="#1f4e79" class="farbe-0">"##))
        #expect(svg.contains(##"width="170.9" height="18" fill="#a84300""##))
        #expect(svg.contains("A: mind. 34"))
        #expect(chart.caption.contains("eine Untergrenze („mind.“) als Balken mit gestrichelter Fortsetzung bis zum Ende der Achse"))
        #expect(!chart.caption.contains("Spanne"))
    }

    @Test func countsInDifferentUnitsStayInTheTable() throws {
        // 1.187 LeiKa-Leistungen are not six times ca. 190 OZG-Leistungen: no shared scale for them.
        let chart = BarChart(title: "Leistungen online", groups: [
            BarChart.Group(label: "Leistungen insgesamt", bars: [
                BarChart.Bar(label: "Aachen", value: .count(1187, .exact), colourIndex: 0),
                BarChart.Bar(label: "Leverkusen", value: .count(190, .approx), colourIndex: 1),
            ], sideBySide: false),
            BarChart.Group(label: "Online, gezählt in LeiKa-Leistungen", bars: [
                BarChart.Bar(label: "Aachen", value: .count(283, .exact), colourIndex: 0),
                BarChart.Bar(label: "Leverkusen", value: .count(34, .atLeast), colourIndex: 1),
            ]),
        ])
        // Without the units named, the row stays in the table.
        #expect(chart.drawableGroups.map(\.label) == ["Online, gezählt in LeiKa-Leistungen"])
        #expect(try !chart.svgs(id: "d").map { try $0.rendered() }.joined().contains("1.187"))
        #expect(chart.caption.contains("eine Zeile der Tabelle als Balken"))
        #expect(chart.caption.contains("Die Zeile „Leistungen insgesamt“ zählt in verschiedenen Zähleinheiten und steht deshalb nur in der Tabelle."))
        // With its units, it is drawn as small multiples: each value on its own scale, labelled with its unit.
        var multiples = chart
        multiples.groups[0].bars[0].unit = "LeiKa-Leistungen"
        multiples.groups[0].bars[1].unit = "OZG-Leistungen"
        #expect(multiples.drawableGroups.map(\.label) == ["Leistungen insgesamt", "Online, gezählt in LeiKa-Leistungen"])
        let svg = try multiples.svgs(id: "d")[0].rendered()
        #expect(svg.contains("(verschiedene Einheiten: jeder"))
        #expect(svg.contains(#"Aachen: 1.187 LeiKa-Leistungen</tspan><tspan x="4" dy="18">(Skala 0 bis 1.187)"#))
        #expect(svg.contains(#"Leverkusen: ca. 190 OZG-Leistungen</tspan><tspan x="4" dy="18">(Skala 0 bis 190)"#))
        // Both bars run to the end of their own scale (302 units).
        #expect(svg.components(separatedBy: ##"width="302" height="18""##).count - 1 == 2)
    }

    @Test func fiveSeriesHaveFiveDifferentMarkers() throws {
        // The palette and the shapes both come in fours: the fifth series is drawn outlined, not like the first.
        let dates = [PartialDate("2021-11-29")!, PartialDate("2025-05-23")!]
        let chart = LineChart(title: "Status", series: (0..<5).map { index in
            LineChart.Series(label: "Reihe \(index)", points: dates.map { LineChart.Point(date: $0, value: .count(10 * (index + 1), .exact)) })
        }, unit: "")
        let svg = try chart.svg(id: "d").rendered()
        let circles = svg.components(separatedBy: "<circle ").dropFirst().map { String($0.prefix { $0 != ">" }) }
        // Two points and a legend entry per series: 3 filled circles of the first series, 3 outlined of the fifth.
        #expect(circles.filter { $0.contains(##"fill="#1f4e79""##) }.count == 3)
        #expect(circles.filter { $0.contains(##"fill="#ffffff" stroke="#1f4e79" stroke-width="2""##) }.count == 3)
    }

    @Test func exportingTwiceGivesTheSameBytes() throws {
        let first = try SiteExporter(options: SiteFixtures.options).render(SiteFixtures.content)
        let second = try SiteExporter(options: SiteFixtures.options).render(SiteFixtures.content)
        #expect(first == second)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("site")
        _ = try SiteExporter(options: SiteFixtures.options).export(SiteFixtures.content, to: target, force: false)
        let before = try snapshotFolder(target)
        _ = try SiteExporter(options: SiteFixtures.options).export(SiteFixtures.content, to: target, force: false)
        #expect(try snapshotFolder(target) == before)
        #expect(before.count == first.count)
    }

    @Test func noDateUnlessOneIsGiven() throws {
        let plain = try render()
        #expect(!plain["index.html"]!.contains("Stand der Veröffentlichung"))
        let dated = try SiteExporter(options: SiteOptions(generatedAt: PartialDate("2026-01-15"))).render(SiteFixtures.content)
        let index = String(decoding: dated.first { $0.path == "index.html" }!.contents, as: UTF8.self)
        #expect(index.contains("Stand der Veröffentlichung: 15.01.2026"))
    }

    @Test func refusesAFolderWithOtherFilesUnlessForced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notizen.txt"))
        let exporter = SiteExporter(options: SiteFixtures.options)
        #expect(throws: PresentationError.inStep("[5/5] Ordner schreiben",
                                                 .outputNotEmpty(folder: folder.standardizedFileURL.path, foreign: ["notizen.txt"]))) {
            _ = try exporter.export(SiteFixtures.content, to: folder, force: false)
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notizen.txt").path))
        _ = try exporter.export(SiteFixtures.content, to: folder, force: true)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("notizen.txt").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
        // A file added to an earlier export is someone's work: refused again.
        try Data("mine".utf8).write(to: folder.appendingPathComponent("kommunen/notizen.txt"))
        #expect(throws: PresentationError.self) { _ = try exporter.export(SiteFixtures.content, to: folder, force: false) }
    }

    @Test func refusesAWorkspaceEvenWhenForced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Datasets"), withIntermediateDirectories: true)
        #expect(throws: PresentationError.self) {
            _ = try SiteExporter().export(SiteFixtures.content, to: folder, force: true)
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Datasets").path))
    }

    @Test func refusesAComparisonOfAMunicipalityNotExported() {
        let content = SiteContent(datasets: [SiteFixtures.leverkusen], comparisons: [SiteFixtures.report])
        #expect(throws: PresentationError.inStep("[1/5] Inhalte prüfen", .unknownParticipant("aachen"))) {
            _ = try SiteExporter().render(content)
        }
    }

    @Test func aLongServiceListIsCountedNotListed() throws {
        var census = SiteFixtures.aachen
        census.services = (0..<(MunicipalityPage.listLimit + 1)).map { index in
            ServiceRecord(snapshot: PartialDate("2024-05-28")!, name: "Leistung \(index)", unit: .leikaLeistung, ozgID: .unknown,
                          match: .none, status: index % 3 == 0 ? "Digital" : "PDF", sourceID: SiteFixtures.aachenSource.id)
        }
        let files = try SiteExporter().render(SiteContent(datasets: [census], comparisons: []))
        let page = String(decoding: try #require(files.first { $0.path == "kommunen/aachen.html" }).contents, as: UTF8.self)
        #expect(page.contains("<tr><th scope=\"row\">Digital (online)</th><td>167<sup>"))
        #expect(page.contains("<tr><th scope=\"row\">PDF (nicht online)</th><td>334<sup>"))
        #expect(page.contains("<p>501 Leistungen sind zu viele für eine Seite;"))
        #expect(!page.contains("Leistung 500"))
        #expect(!files.contains { $0.path == "daten/kommune-aachen-leistungen-2024-05-28.csv" })
    }

    @Test func refusesTheSamePairTwice() {
        let content = SiteContent(datasets: SiteFixtures.content.datasets, comparisons: [SiteFixtures.report, SiteFixtures.report])
        #expect(throws: PresentationError.inStep("[1/5] Inhalte prüfen", .duplicateComparison("leverkusen:aachen"))) {
            _ = try SiteExporter().render(content)
        }
    }

    @Test func everyPathStaysInsideTheFolder() throws {
        for file in try SiteExporter().render(SiteFixtures.content) {
            #expect(SitePath(file.path).isSafe, "\(file.path)")
        }
        for bad in ["../x.html", "/etc/passwd", "a/../../b", "", "a//b", "kommunen/.."] {
            #expect(!SitePath(bad).isSafe, "\(bad)")
        }
    }

    @Test func logsEachStep() throws {
        var lines: [String] = []
        _ = try SiteExporter().render(SiteFixtures.content) { lines.append($0) }
        #expect(lines == ["[1/5] Inhalte prüfen", "[2/5] Seiten erzeugen", "[3/5] Tabellen als CSV erzeugen",
                          "[4/5] Stilvorlage und Seitenübersicht erzeugen"])
    }

    private func snapshotFolder(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in SiteWriter.entries(in: folder) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }
}
