import Domain
import Foundation
import Storage
import Testing

/// `bench potentials` as a user runs it: on a synthetic Land-wide workload (the dashboard synth export of 30
/// authorities, imported), against an expectation computed here straight from the export's JSON, and on Leverkusen.
@Suite("bench potentials on a synthetic Land-wide workload and on Leverkusen", .serialized)
struct PotentialsCommandTests {
    /// 30 NRW authorities of a small register (3 Kreise with 8 towns each, 3 kreisfreie Städte), as the dashboard's
    /// synth export names them.
    /// With `populations`, each authority has one (the towns in two size classes, the last town of each Kreis none, so
    /// that a size group leaves it out and names it): test figures, not Destatis's.
    static func register(populations: Bool = false) -> MunicipalityRegister {
        func population(_ count: Int?) -> Population? {
            guard populations, let count else { return nil }
            return Population(count: count, date: PartialDate("2023-12-31")!, source: "Testwerte, keine amtlichen Zahlen")
        }
        var entries: [RegisterEntry] = []
        for kreis in 0..<3 {
            let kreisKey = "05\(5 + kreis)\(String(format: "%02d", kreis + 10))"
            entries.append(RegisterEntry(ags: kreisKey, ars: kreisKey, name: "Kreis Nummer \(kreis + 1)", kind: .kreis, landCode: "05",
                                         land: "Nordrhein-Westfalen", kreis: kreisKey, population: population(300_000 + kreis)))
            for town in 0..<8 {
                let ars = kreisKey + String(format: "%04d%03d", town + 1, town + 1)
                entries.append(RegisterEntry(ags: kreisKey + String(format: "%03d", town + 1), ars: ars, name: "Gemeinde \(kreis + 1)-\(town + 1)",
                                             kind: .kreisangehoerigeGemeinde, landCode: "05", land: "Nordrhein-Westfalen", kreis: kreisKey,
                                             population: population(town == 7 ? nil : (town % 2 == 0 ? 3_000 : 7_000) + town)))
            }
        }
        for city in 0..<3 {
            let ars = "05\(111 + city)0000000"
            entries.append(RegisterEntry(ags: String(ars.prefix(5)) + "000", ars: ars, name: "Großstadt \(city + 1), Stadt", kind: .kreisfreieStadt,
                                         landCode: "05", land: "Nordrhein-Westfalen", kreis: String(ars.prefix(5)),
                                         population: population(150_000 + city)))
        }
        return MunicipalityRegister(entries)
    }

    /// The expectation, from the export's rows alone: per authority (ARS), the LeiKa keys online there (a row with
    /// online_status ok, aktiv ja, not "nicht in Auswertung berücksichtigt") and the keys with any row.
    struct Expected {
        var potentials: [(key: String, offering: Int, here: String)]
        var pioneers: [(key: String, offering: Int)]
        var peers: Int
    }

    static func expected(pages: [URL], subject: String, peers: [String], threshold: Double, pioneer: Double) throws -> Expected {
        var online: [String: Set<String>] = [:], listed: [String: Set<String>] = [:]
        for page in pages {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: page)) as! [String: Any]
            for row in json["content"] as! [[String: Any]] {
                let ars = row["ars"] as! String, key = row["leika_key"] as! String
                listed[ars, default: []].insert(key)
                if row["online_status"] as! String == "ok", row["aktiv"] as! String == "ja",
                   row["art_flaechendeckung"] as! String != "nicht in Auswertung berücksichtigt" {
                    online[ars, default: []].insert(key)
                }
            }
        }
        let withData = peers.filter { listed[$0] != nil }
        var counts: [String: Int] = [:]
        for peer in withData { for key in online[peer] ?? [] { counts[key, default: 0] += 1 } }
        let here = online[subject] ?? []
        let n = Double(withData.count)
        let potentials = counts.filter { !here.contains($0.key) && Double($0.value) / n >= threshold / 100 }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { (key: $0.key, offering: $0.value, here: (listed[subject] ?? []).contains($0.key) ? "nicht-online" : "kein-online-dienst-bekannt") }
        let pioneers = here.map { (key: $0, offering: counts[$0] ?? 0) }.filter { Double($0.offering) / n < pioneer / 100 }
            .sorted { ($0.offering, $0.key) < ($1.offering, $1.key) }
        return Expected(potentials: potentials, pioneers: pioneers, peers: withData.count)
    }

    /// The synth export of the register's 30 authorities (pages of 1,000 rows in `export/`), imported into `workspace`.
    static func importSynthetic(into workspace: TemporaryWorkspace, register: MunicipalityRegister)
        throws -> (pages: [URL], imported: DashboardBatchReport) {
        let directory = workspace.url("export")
        _ = try SyntheticDashboardExport(authorities: 30, seed: 7, pageSize: 1000, register: register).write(to: directory)
        let pages = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map { directory.appendingPathComponent($0) }
        var export = DashboardExport()
        for page in pages { export.readJSON(try Data(contentsOf: page), file: page.lastPathComponent) }
        export.finish()
        let imported = try Workspace(root: workspace.root).importDashboardAuthorities(
            export, options: DashboardImportOptions(snapshot: PartialDate("2025-06-30"), register: register))
        return (pages, imported)
    }

    @Test("30 authorities: every format and the profile page list what the export's rows give, in the same order")
    func syntheticWorkload() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let register = Self.register()
        let (pages, imported) = try Self.importSynthetic(into: workspace, register: register)
        #expect(imported.refused.isEmpty && imported.imported.count == 30)
        let arsOf = Dictionary(uniqueKeysWithValues: imported.imported.map { ($0.slug.rawValue, $0.ars) })
        // The subject: the first Gemeinde by slug; its peers by kind: the other Gemeinden.
        let gemeinden = imported.imported.filter { register[ars: $0.ars]?.kind == .kreisangehoerigeGemeinde }.map(\.slug.rawValue).sorted()
        let subject = try #require(gemeinden.first)
        let threshold = 20.0
        let expected = try Self.expected(pages: pages, subject: arsOf[subject]!, peers: gemeinden.dropFirst().map { arsOf[$0]! },
                                         threshold: threshold, pioneer: 25)
        #expect(expected.peers == 23)
        #expect(!expected.potentials.isEmpty && !expected.pioneers.isEmpty)

        let arguments = ["potentials", subject, "--peer-group", "kind", "--threshold", "20"]
        let json = try BenchProcess.run(arguments + ["--format", "json"], in: workspace.root)
        #expect(json.status == 0, "\(json.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let potentials = document["potentials"] as! [[String: Any]]
        #expect(potentials.map { $0["leikaKey"] as! String } == expected.potentials.map(\.key))
        #expect(potentials.map { $0["offering"] as! Int } == expected.potentials.map(\.offering))
        #expect(potentials.allSatisfy { $0["peersWithData"] as! Int == expected.peers })
        #expect(potentials.map { $0["here"] as! String } == expected.potentials.map(\.here))
        let pioneers = document["pioneers"] as! [[String: Any]]
        #expect(pioneers.map { $0["leikaKey"] as! String } == expected.pioneers.map(\.key))
        #expect(pioneers.map { $0["offering"] as! Int } == expected.pioneers.map(\.offering))

        let csv = try BenchProcess.run(arguments + ["--format", "csv"], in: workspace.root)
        let csvKeys = csv.stdout.split(separator: "\n").filter { $0.hasPrefix("potenzial,") }.map { String($0.split(separator: ",")[2]) }
        #expect(csvKeys == expected.potentials.map(\.key))
        #expect(csv.stdout.split(separator: "\n").filter { $0.hasPrefix("vorreiter,") }.count == expected.pioneers.count)
        for format in ["table", "markdown"] {
            let text = try BenchProcess.run(arguments + ["--format", format], in: workspace.root).stdout
            let section = String(text[..<(text.range(of: "Vorreiter ==")?.lowerBound ?? text.range(of: "## Vorreiter")!.lowerBound)])
            let positions = expected.potentials.map { section.range(of: $0.key)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil }, "\(format)")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(format): in rank order")
        }

        // The profile page, with the same peer group and threshold: its table and CSV download list the same.
        let site = try BenchProcess.run(["export", "site", "--out", "site", "--pairs", "\(gemeinden[0]):\(gemeinden[1])",
                                         "--potentials-peer-group", "kind", "--potentials-threshold", "20"], in: workspace.root)
        #expect(site.status == 0, "\(site.stderr)")
        let page = try workspace.read("site/kommunen/\(subject).html")
        #expect(page.contains("<h2 id=\"potenziale\">Potenziale</h2>"))
        #expect(page.contains("<caption id=\"tabelle-potenziale-liste-titel\">Potenziale: LeiKa-Leistungen, die mindestens 20"))
        let table = try workspace.read("site/daten/kommune-\(subject)-potenziale-liste.csv")
        let rows = table.components(separatedBy: "\r\n").dropFirst().prefix { !$0.isEmpty }
        #expect(rows.map { String($0.split(separator: ";")[1].prefix(14)) } == expected.potentials.map(\.key))
    }

    @Test("Leverkusen: counts OZG-Leistungen only, so the output says what cannot be said and what would make it possible")
    func leverkusen() throws {
        let workspace = try TemporaryWorkspace(copying: ["leverkusen", "aachen"])
        defer { workspace.remove() }
        let table = try BenchProcess.run(["potentials", "leverkusen"], in: workspace.root)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Potenziale: Stadt Leverkusen\n"))
        // Markdown: the sentences unwrapped.
        let result = try BenchProcess.run(["potentials", "leverkusen", "--peer-group", "all", "--format", "markdown"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Vergleichsgruppe: 1 Vergleichskommune aller Arten und Länder; davon 0 mit Daten auf Ebene der LeiKa-Leistungen"))
        #expect(result.stdout.contains("Für Stadt Leverkusen lassen sich heute keine Potenziale bestimmen"))
        #expect(result.stdout.contains("40 OZG-Leistungen und 1 lokale Leistung als online gemeldet (Stand 23.05.2025)"))
        #expect(result.stdout.contains("Export des OZG-Dashboards für Stadt Leverkusen"))
        #expect(!result.stdout.contains("## Potenziale"))
        // A threshold that is no share is refused before anything is read.
        let bad = try BenchProcess.run(["potentials", "leverkusen", "--threshold", "0"], in: workspace.root)
        #expect(bad.status != 0 && bad.stderr.contains("--threshold"))
    }
}
