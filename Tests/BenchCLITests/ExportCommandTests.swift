import Foundation
import Testing

/// `bench export site` run as a user would: the built binary, the folder it writes, its messages and exit codes.
@Suite struct ExportCommandTests {
    private static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        let enumerator = try #require(FileManager.default.enumerator(atPath: base))
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }

    private static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    @Test("The bundled datasets give every page, and the comparison page says what bench compare says")
    func bundledSite() throws {
        let workspace = try TemporaryWorkspace(copying: ["leverkusen", "aachen"])
        defer { workspace.remove() }
        let result = try BenchProcess.run(["export", "site", "--out", "site", "--contact", "Fachbereich 04, digital@example.org"],
                                          in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        // 21 tables and the download of all figures; 2 peer pages (without peers: neither has another of its level and size
        // class in the workspace), one page for their Land.
        #expect(result.stdout.hasPrefix("wrote 11 pages and 22 CSV tables to site"))
        for step in ["[1/5] Inhalte prüfen", "[2/5] Seiten erzeugen", "[3/5] Tabellen als CSV erzeugen",
                     "[4/5] Stilvorlage und Seitenübersicht erzeugen", "[5/5] Ordner schreiben"] {
            #expect(result.stderr.contains(step), "missing step \(step)")
        }
        let files = try Self.files(in: workspace.url("site"))
        #expect(files.keys.filter { $0.hasSuffix(".html") }.sorted() == [
            "barrierefreiheit.html", "index.html", "kommunen/aachen.html", "kommunen/leverkusen.html", "laender/nordrhein-westfalen.html",
            "methodik.html", "quellen.html", "seitenuebersicht.html", "vergleiche/aachen_leverkusen.html",
            "vergleichsgruppen/aachen.html", "vergleichsgruppen/leverkusen.html",
        ])
        let peers = String(decoding: try #require(files["vergleichsgruppen/leverkusen.html"]), as: UTF8.self)
        #expect(peers.contains("Für Stadt Leverkusen gibt es in dieser Veröffentlichung keinen Vergleich mit einer Vergleichsgruppe: "
            + "Keine andere Kommune dieser Veröffentlichung gehört zu ihrer Gruppe (Kommunen mit Gemeinde- und Kreisaufgaben, "
            + "100.000 bis unter 200.000 Einwohner)."))
        let land = String(decoding: try #require(files["laender/nordrhein-westfalen.html"]), as: UTF8.self)
        #expect(land.contains("Stadt Leverkusen (Kreisschlüssel 05316)") && land.contains("StädteRegion Aachen (Kreisschlüssel 05334)"))
        let page = String(decoding: try #require(files["vergleiche/aachen_leverkusen.html"]), as: UTF8.self)

        // Every title, definition, row, remark and note of `bench compare` is on the page.
        let json = try BenchProcess.run(["compare", "aachen", "leverkusen", "--format", "json"], in: workspace.root)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sections = try #require(report["sections"] as? [[String: Any]])
        #expect(sections.count == 5)
        for section in sections {
            var texts = [section["title"], section["definition"]].compactMap { $0 as? String }
            for row in section["rows"] as? [[String: Any]] ?? [] {
                texts.append(row["label"] as? String ?? "")
                for cell in row["cells"] as? [[String: Any]] ?? [] { texts.append(cell["remark"] as? String ?? "") }
            }
            for note in section["notes"] as? [[String: Any]] ?? [] { texts.append(note["text"] as? String ?? "") }
            for text in texts where !text.isEmpty {
                #expect(page.contains(Self.html(text)), "missing on the page: \(text)")
            }
        }
        // The worked example's figures, in German notation, with intervals.
        for expected in ["1.187", "23,8–28,6\u{a0}%", "ca. 21,6\u{a0}% (41 von 190)", "Verschiedene Zähleinheiten",
                         "Auseinanderliegende Stände", "Stand 28.05.2024"] {
            #expect(page.contains(expected), "missing: \(expected)")
        }
        let statement = String(decoding: try #require(files["barrierefreiheit.html"]), as: UTF8.self)
        #expect(statement.contains("Wenden Sie sich bitte an: Fachbereich 04, digital@example.org"))
        let csv = try #require(files["daten/vergleich-aachen_leverkusen-leistungen-online.csv"])
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        // Download files have German names (they were "...-projects-per-year.csv").
        let tables = files.keys.filter { $0.hasSuffix(".csv") }.sorted()
        #expect(tables.contains("daten/kommune-aachen-kennzahlen-projekte-pro-jahr.csv"))
        for english in ["services-online", "efa-uptake", "projects-per-year", "other-indicators", "trends", "local"] {
            #expect(!tables.contains { $0.contains(english) }, "English in a file name: \(english)")
        }
        // Figures keep the precision of their source on every page: the turnover rates 0,42 % and 0,38 % (both were 0,4 %).
        let leverkusen = String(decoding: try #require(files["kommunen/leverkusen.html"]), as: UTF8.self)
        for expected in ["0,42\u{a0}%", "0,38\u{a0}%", "0,33\u{a0}%", "123.357.068,33\u{a0}€"] {
            #expect(leverkusen.contains(expected), "missing: \(expected)")
        }
        #expect(!leverkusen.contains("0,4\u{a0}%"))
        // Figures of the Land and the Bund stand apart from the city's own, and no identifier stands for a name.
        #expect(leverkusen.contains("Angaben für alle Kommunen, die die Quellen nennen"))
        #expect(!leverkusen.contains("staff_fluctuation_rate") && !leverkusen.contains("egovg_nrw_deadline"))
        // The start page names the EfA projects and projects the comparison lists, instead of "keine Angabe".
        let start = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(start.contains("OZG-Projekte mit EfA-Nachnutzung genannt: 8, davon live: 2"))
    }

    @Test("Exporting twice gives byte-identical files")
    func deterministic() throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        let first = try BenchProcess.run(["export", "site", "--out", "eins", "--pairs", "all"], in: workspace.root)
        let second = try BenchProcess.run(["export", "site", "--out", "zwei", "--pairs", "all"], in: workspace.root)
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let one = try Self.files(in: workspace.url("eins")), two = try Self.files(in: workspace.url("zwei"))
        // 15 pages (start, 3 profiles, 3 pairs, 3 peer pages, 1 Land, 4 about the site), 27 CSV tables (2 of them the
        // peer groups of the two Kreise, each the other's, and 4 the tables of their peer pages) and all figures as CSV
        // and JSON, the stylesheet, the marker.
        #expect(one.keys.filter { $0.hasSuffix(".html") }.count == 15)
        #expect(one.keys.filter { $0.hasSuffix(".csv") }.count == 28)
        #expect(one.keys.contains("daten/kommune-kreis-a-vergleichsgruppe.csv"))
        #expect(one.keys.contains("daten/alle-zahlen.json"))
        #expect(one.count == 46)
        #expect(one == two)
        // Exporting again into the same folder replaces the earlier export without asking.
        let again = try BenchProcess.run(["export", "site", "--out", "eins", "--pairs", "all"], in: workspace.root)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.files(in: workspace.url("eins")) == one)
    }

    @Test("By default the site compares only the pairs of Datasets/comparisons.csv, so its pages grow linearly with the datasets")
    func linearSite() throws {
        let workspace = try TemporaryWorkspace(reference: false)
        defer { workspace.remove() }
        var pages: [Int: Int] = [:]
        for count in [10, 30] {
            let synth = try BenchProcess.run(["synth", "--out", "w\(count)", "--municipalities", "\(count)", "--snapshots", "1"],
                                             in: workspace.root)
            #expect(synth.status == 0, "\(synth.stderr)")
            let result = try BenchProcess.run(["export", "site", "--out", "site"], in: workspace.url("w\(count)"))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("there is no Datasets/comparisons.csv, so the site compares no pairs"))
            let files = try Self.files(in: workspace.url("w\(count)/site"))
            #expect(!files.keys.contains { $0.hasPrefix("vergleiche/") })
            pages[count] = files.keys.filter { $0.hasSuffix(".html") }.count
        }
        // A profile and a peer page per authority, a page for their Land and five pages about the site: 26 and 66, not
        // 45 + 26 and 435 + 66 with every pair.
        #expect(pages == [10: 26, 30: 66])

        // Each peer page says what `bench compare SLUG --peers` says (by kind: the synthetic authorities have no
        // population, so no size class), in every section, with every row; the start page reaches it through the Land.
        let site = try Self.files(in: workspace.url("w30/site"))
        let json = try BenchProcess.run(["compare", "synth-0001", "--peers", "--peer-group", "kind", "--format", "json"], in: workspace.url("w30"))
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let page = String(decoding: try #require(site["vergleichsgruppen/synth-0001.html"]), as: UTF8.self)
        let sections = try #require(report["sections"] as? [[String: Any]])
        #expect(sections.count == 5)
        for section in sections {
            for sentence in try #require(section["summary"] as? [String]) { #expect(page.contains(Self.html(sentence)), "missing: \(sentence)") }
            for row in try #require(section["rows"] as? [[String: Any]]) {
                let label = try #require(row["label"] as? String)
                #expect(page.contains("<th scope=\"row\">" + Self.html(label) + "</th>"), "missing row: \(label)")
            }
        }
        #expect(page.contains("<svg"))
        let start = String(decoding: try #require(site["index.html"]), as: UTF8.self)
        #expect(start.contains("<a href=\"laender/nordrhein-westfalen.html\">Nordrhein-Westfalen</a> (30 Kommunen ohne Gemeindeschlüssel)"))
        let land = String(decoding: try #require(site["laender/nordrhein-westfalen.html"]), as: UTF8.self)
        #expect(land.contains("Ohne Gemeindeschlüssel, daher ohne Kreis"))
        #expect(land.contains("<a href=\"../vergleichsgruppen/synth-0001.html\">Vergleichsgruppe</a>"))

        // A reviewed list adds exactly its pairs; a row naming no dataset is refused with its line and column.
        try workspace.write("a,b,note\nsynth-0002,synth-0001,Vergleichsring\nsynth-0003,synth-0001,\n", to: "w10/Datasets/comparisons.csv")
        let listed = try BenchProcess.run(["export", "site", "--out", "site"], in: workspace.url("w10"))
        #expect(listed.status == 0, "\(listed.stderr)")
        let compared = try Self.files(in: workspace.url("w10/site")).keys.filter { $0.hasPrefix("vergleiche/") }.sorted()
        #expect(compared == ["vergleiche/synth-0002_synth-0001.html", "vergleiche/synth-0003_synth-0001.html"])
        try workspace.write("a,b,note\nsynth-0002,synth-9999,\n", to: "w10/Datasets/comparisons.csv")
        let refused = try BenchProcess.run(["export", "site", "--out", "site"], in: workspace.url("w10"))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Datasets/comparisons.csv:2:12: error: 'synth-9999' is no dataset in Datasets/"), "\(refused.stderr)")
        let validate = try BenchProcess.run(["validate"], in: workspace.url("w10"))
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("Datasets/comparisons.csv:2:12: error: 'synth-9999' is no dataset"), "\(validate.stdout)")
    }

    @Test("--pairs chooses the comparisons; a pair with an unknown slug is refused")
    func pairs() throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        let result = try BenchProcess.run(["export", "site", "--out", "site", "--pairs", "stadt-b:kreis-a"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try Self.files(in: workspace.url("site")).keys.filter { $0.hasPrefix("vergleiche/") }
        #expect(pages == ["vergleiche/stadt-b_kreis-a.html"])

        let unknown = try BenchProcess.run(["export", "site", "--out", "other", "--pairs", "stadt-b:../etc"], in: workspace.root)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("../etc"))
        #expect(!FileManager.default.fileExists(atPath: workspace.url("other").path))

        let malformed = try BenchProcess.run(["export", "site", "--out", "other", "--pairs", "stadt-b"], in: workspace.root)
        #expect(malformed.status != 0)
        #expect(malformed.stderr.contains("'stadt-b' is not a pair; write two slugs joined by ':'"))
    }

    @Test("A folder with other files is refused unless --force is given")
    func foreignFolder() throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(at: workspace.url("site"), withIntermediateDirectories: true)
        try workspace.write("meine Notizen", to: "site/notizen.txt")
        let refused = try BenchProcess.run(["export", "site", "--out", "site"], in: workspace.root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already holds files that bench did not write (notizen.txt)"))
        #expect(refused.stderr.contains("--force"))
        #expect(try workspace.read("site/notizen.txt") == "meine Notizen")

        let forced = try BenchProcess.run(["export", "site", "--out", "site", "--force"], in: workspace.root)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.url("site/notizen.txt").path))

        let workspaceItself = try BenchProcess.run(["export", "site", "--out", ".", "--force"], in: workspace.root)
        #expect(workspaceItself.status == 1)
        #expect(workspaceItself.stderr.contains("holds a Datasets/ folder"))
    }

    @Test("A date appears only when --generated-at gives one; without --contact there is a warning")
    func dateAndContact() throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        let dated = try BenchProcess.run(["export", "site", "--out", "site", "--generated-at", "2026-01-15"], in: workspace.root)
        #expect(dated.status == 0, "\(dated.stderr)")
        #expect(dated.stderr.contains("warning: no --contact given"))
        #expect(try workspace.read("site/index.html").contains("Stand der Veröffentlichung: 15.01.2026"))

        let bad = try BenchProcess.run(["export", "site", "--out", "site", "--generated-at", "15.01.2026"], in: workspace.root)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("write it as YYYY-MM-DD"))
    }
}
