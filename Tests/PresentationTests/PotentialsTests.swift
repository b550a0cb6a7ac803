import Comparison
import Domain
import Foundation
import Presentation
import SnapshotTesting
import Testing

/// A small hand-built peer group for `bench potentials`: every item, share and count below is computed by hand.
///
/// Subject "mitte" (kreisangehörige Stadt, 30.000 Einwohner, rows of the OZG dashboard). Size class 20.000 bis unter
/// 50.000. Candidates:
/// - p-a, p-b, p-d: kreisangehörige Städte of the class, dashboard rows;
/// - p-c: kreisangehörige Stadt of the class, hand-made LeiKa rows (Digital = online, Analog = not);
/// - p-e: kreisangehörige Stadt of the class counting OZG-Leistungen only (no LeiKa-level data);
/// - gross: kreisangehörige Stadt of 120.000 (another size class), kreis-x: a Kreis (another level): not in the group.
/// So the group has 5 members, 4 with LeiKa-level data (p-a, p-b, p-c, p-d): every share is "of 4".
///
/// Keys (K1 = 99000000001000 ...), who has them online, Typisierung (catalogue) and the outcome at 50 % / 25 %:
/// | key | online at | here | Typ | share | outcome |
/// | K1  | a b c d   | no row | 4 | 4/4 = 100 % | potential 1; examples a, b, c; landesweit at a: central |
/// | K2  | a b c     | "online: nicht ok" | 2/3 | 3/4 = 75 % | potential 2 (ambiguous Typ kept) |
/// | K3  | a b       | no row | not in catalogue | 2/4 = 50 % | potential (boundary inclusive); bundesweit at b |
/// | K4  | c d       | no row | 5 | 2/4 = 50 % | potential (tie with K3, after it by key) |
/// | K11 | c d (b: aktiv nein) | no row | 4 | 2/4 = 50 % | potential (b's inactive row does not count) |
/// | K5  | a         | no row | 4 | 1/4 = 25 % | nothing |
/// | K6  | a b c d   | no row | 1 | 100 % | left out: Bund (otherLevelPotentials = 1) |
/// | K7  | d         | online | 4 | 1/4 = 25 % | nothing (Vorreiter need fewer than 25 %) |
/// | K8  | nobody    | online | 4 | 0/4 | Vorreiter 1 |
/// | K9  | nobody (a: nicht ok) | online | unknown | 0/4 | Vorreiter 2 (tie with K8, by key) |
/// | K10 | nobody    | online | 2 | 0/4 | left out: Land (otherLevelPioneers = 1) |
enum PotentialsFixtures {
    static func key(_ n: Int) -> String { "990000000" + String(format: "%02d", n) + "000" }

    static let sizeClasses = [SizeClass(id: "20000-50000", label: "20.000 bis unter 50.000 Einwohner", lower: 20_000, upper: 50_000,
                                        source: "Destatis")]

    static func town(_ slug: String, _ name: String, population: Int, kind: MunicipalityKind = .kreisangehoerigeStadt) -> Municipality {
        Municipality(slug: Slug(slug)!, name: name, kind: kind, land: "Nordrhein-Westfalen", ags: .unknown, ars: .unknown,
                     population: Population(count: population, date: PartialDate("2019-12-31")!, source: "Destatis"))
    }

    /// A row: key number, online (nil: a row that is not online), coverage, active.
    struct Row {
        var key: Int
        var online: Bool
        var coverage: DashboardCoverage = .oneMunicipality
        var active = true
        var ozg: Int?
    }

    static func dashboard(_ municipality: Municipality, _ rows: [Row], snapshot: String = "2025-06-30") -> Dataset {
        let sourceID = "dashboard-\(snapshot)"
        let source = Source(id: sourceID, title: "OZG-Dashboard, Export für \(municipality.name)", type: .dashboardExport,
                            reference: .unknown, date: PartialDate(snapshot)!, body: .unknown, includeAbove: false, includeBelow: false)
        let mapping = StatusMapping([
            StatusMappingEntry(status: "online: ok", maturity: .unknown, online: .known(true), inScope: .known(true), sourceID: sourceID),
            StatusMappingEntry(status: "online: nicht ok", maturity: .unknown, online: .known(false), inScope: .known(true), sourceID: sourceID),
        ])
        let services = rows.map { row in
            ServiceRecord(snapshot: PartialDate(snapshot)!, name: "Leistung \(row.key)", unit: .leikaLeistung,
                          ozgID: .known(row.ozg.map(OzgID.init)), leikaKey: LeikaKey(key(row.key)), match: .source,
                          status: row.online ? "online: ok" : "online: nicht ok", sourceID: sourceID, coverage: row.coverage, active: row.active)
        }
        return Dataset(municipality: municipality, sources: [source], statusMapping: mapping, services: services)
    }

    static func handMade(_ municipality: Municipality, online: [Int], offline: [Int], snapshot: String = "2025-03-31") -> Dataset {
        let source = Source(id: "bericht", title: "Sachstandsbericht", type: .bericht, reference: .known("2025/17"),
                            date: PartialDate(snapshot)!, body: .known("Digitalausschuss"))
        let mapping = StatusMapping([
            StatusMappingEntry(status: "Digital", maturity: .known(3), online: .known(true), inScope: .known(true), sourceID: "bericht"),
            StatusMappingEntry(status: "Analog", maturity: .known(0), online: .known(false), inScope: .known(true), sourceID: "bericht"),
        ])
        let services = online.map { ($0, "Digital") } + offline.map { ($0, "Analog") }
        return Dataset(municipality: municipality, sources: [source], statusMapping: mapping, services: services.map { number, status in
            ServiceRecord(snapshot: PartialDate(snapshot)!, name: "Leistung \(number)", unit: .leikaLeistung, ozgID: .known(nil),
                          leikaKey: LeikaKey(key(number)), match: .none, status: status, sourceID: "bericht")
        })
    }

    static let subject = dashboard(town("mitte", "Stadt Mitte", population: 30_000), [
        Row(key: 2, online: false), Row(key: 7, online: true), Row(key: 8, online: true), Row(key: 9, online: true),
        Row(key: 10, online: true),
    ])

    static let peers: [Dataset] = [
        dashboard(town("p-a", "Stadt A", population: 25_000), [
            Row(key: 1, online: true, coverage: .land), Row(key: 2, online: true), Row(key: 3, online: true, ozg: 10002),
            Row(key: 5, online: true), Row(key: 6, online: true), Row(key: 9, online: false),
        ]),
        dashboard(town("p-b", "Stadt B", population: 40_000), [
            Row(key: 1, online: true), Row(key: 2, online: true), Row(key: 3, online: true, coverage: .federal, ozg: 10002),
            Row(key: 6, online: true), Row(key: 11, online: true, active: false),
        ]),
        handMade(town("p-c", "Stadt C", population: 21_000), online: [1, 2, 4, 6, 11], offline: [5, 8]),
        dashboard(town("p-d", "Stadt D", population: 49_999), [
            Row(key: 1, online: true), Row(key: 4, online: true, ozg: 10003), Row(key: 6, online: true), Row(key: 7, online: true),
            Row(key: 11, online: true),
        ], snapshot: "2025-05-31"),
        Dataset(municipality: town("p-e", "Stadt E", population: 35_000), sources: [source("s1", "2025-01-31")],
                statusMapping: StatusMapping([StatusMappingEntry(status: "umgesetzt", maturity: .unknown, online: .known(true),
                                                                 inScope: .known(true), sourceID: "s1")]),
                services: [ServiceRecord(snapshot: PartialDate("2025-01-31")!, name: "Wohngeld", unit: .ozgLeistung, ozgID: .known(OzgID(10092)),
                                         match: .exact, status: "umgesetzt", sourceID: "s1")]),
        dashboard(town("gross", "Großstadt", population: 120_000), [Row(key: 5, online: true), Row(key: 8, online: true)]),
        dashboard(town("kreis-x", "Kreis X", population: 30_000, kind: .kreis), [Row(key: 5, online: true), Row(key: 8, online: true)]),
    ]

    static func source(_ id: String, _ when: String) -> Source {
        Source(id: id, title: "Bericht \(id)", type: .bericht, reference: .unknown, date: PartialDate(when)!, body: .unknown)
    }

    static let reference = ReferenceCatalogue(
        services: [OzgService(id: OzgID(10001), name: "Testleistung Familie", themenfeld: "Familie & Kind"),
                   OzgService(id: OzgID(10002), name: "Testleistung Bauen", themenfeld: "Bauen & Wohnen")],
        leika: [
            LeikaService(key: LeikaKey(key(1))!, name: "Leistung eins", typ: "4", ozgID: OzgID(10001)),
            LeikaService(key: LeikaKey(key(2))!, name: "Leistung zwei", typ: "2/3", ozgID: OzgID(10001)),
            LeikaService(key: LeikaKey(key(4))!, name: "Leistung vier", typ: "5", ozgID: nil),
            LeikaService(key: LeikaKey(key(5))!, name: "Leistung fünf", typ: "4", ozgID: nil),
            LeikaService(key: LeikaKey(key(6))!, name: "Leistung sechs", typ: "1", ozgID: nil),
            LeikaService(key: LeikaKey(key(7))!, name: "Leistung sieben", typ: "4", ozgID: nil),
            LeikaService(key: LeikaKey(key(8))!, name: "Leistung acht", typ: "4", ozgID: nil),
            LeikaService(key: LeikaKey(key(10))!, name: "Leistung zehn", typ: "2", ozgID: nil),
            LeikaService(key: LeikaKey(key(11))!, name: "Leistung elf", typ: "4", ozgID: OzgID(10002)),
        ])

    static func report(subject: Dataset = subject, threshold: Double = 50, pioneer: Double = 25) -> PotentialsReport {
        PotentialsReport(subject: LeikaProfile(subject), candidates: peers.map(LeikaProfile.init), reference: reference,
                         rule: .levelAndSize, sizeClasses: sizeClasses, threshold: threshold, pioneerThreshold: pioneer)
    }
}

@Suite("Potenziale and Vorreiter on a hand-built peer group")
struct PotentialsTests {
    typealias F = PotentialsFixtures

    @Test("The peer group: 5 members of the level and size class, 4 with LeiKa-level data")
    func group() throws {
        let report = F.report()
        #expect(report.peerGroup?.members.map(\.slug.rawValue) == ["p-a", "p-b", "p-c", "p-d", "p-e"])
        #expect(report.peersWithData.map(\.participant.slug.rawValue) == ["p-a", "p-b", "p-c", "p-d"])
        #expect(report.peersWithoutData.map(\.participant.slug.rawValue) == ["p-e"])
        #expect(report.declined.isEmpty)
    }

    @Test("Potentials at 50 %: K1 4/4, K2 3/4, then K3, K4, K11 at exactly 2/4 in key order; K6 (Typ 1) left out")
    func potentials() {
        let report = F.report()
        #expect(report.potentials.map(\.leikaKey) == [F.key(1), F.key(2), F.key(3), F.key(4), F.key(11)])
        #expect(report.potentials.map(\.offering) == [4, 3, 2, 2, 2])
        #expect(report.potentials.allSatisfy { $0.peersWithData == 4 })
        #expect(report.otherLevelPotentials == 1)
        let k1 = report.potentials[0]
        #expect(k1.examples.map(\.slug.rawValue) == ["p-a", "p-b", "p-c"])
        #expect(k1.isCentral && k1.coverage == .land)
        #expect(k1.typisierung == "4")
        #expect(k1.here == .unknownToDashboard)
        #expect(k1.ozgID == OzgID(10001) && k1.themenfeld == "Familie & Kind" && k1.name == "Leistung eins")
        // p-c's rows are of 31.03.2025, p-d's of 31.05.2025, p-a's and p-b's of 30.06.2025.
        #expect(k1.peerSnapshots == PartialDate("2025-03-31")!...PartialDate("2025-06-30")!)
        // The subject's source, then those of the three examples.
        #expect(k1.sources.map { "\($0.slug)/\($0.sourceID)" } == ["mitte/dashboard-2025-06-30", "p-a/dashboard-2025-06-30",
                                                                   "p-b/dashboard-2025-06-30", "p-c/bericht"])
        let k2 = report.potentials[1]
        #expect(k2.here == .notOnline("online: nicht ok"))
        #expect(k2.typisierung == "2/3" && !k2.isCentral)
        let k3 = report.potentials[2]
        // Not in the catalogue: Typisierung unknown; the rows' own OZG-ID 10002 (Bauen & Wohnen); bundesweit at p-b.
        #expect(k3.typisierung == nil && k3.ozgID == OzgID(10002) && k3.themenfeld == "Bauen & Wohnen")
        #expect(k3.coverage == .federal && k3.isCentral)
        #expect(k3.examples.map(\.slug.rawValue) == ["p-a", "p-b"])
        let k4 = report.potentials[3]
        // OZG-ID 10003 from p-d's row, not in the reference data: Themenfeld unknown.
        #expect(k4.ozgID == OzgID(10003) && k4.themenfeld == "Themenfeld unbekannt" && k4.typisierung == "5")
        #expect(report.potentials[4].examples.map(\.slug.rawValue) == ["p-c", "p-d"])
    }

    @Test("Grouped by Themenfeld and OZG-Leistung: Bauen & Wohnen 10002 (K3, K11), Familie & Kind 10001 (K1, K2), unknown 10003 (K4)")
    func groups() {
        let groups = F.report().groups
        #expect(groups.map(\.themenfeld) == ["Bauen & Wohnen", "Familie & Kind", "Themenfeld unbekannt"])
        #expect(groups.map(\.ozgID) == [OzgID(10002), OzgID(10001), OzgID(10003)])
        #expect(groups.map(\.items) == [2, 2, 1])
        #expect(groups.map(\.highestShare) == [0.5, 1.0, 0.5])
    }

    @Test("Vorreiter below 25 %: K8 and K9 at 0/4 in key order; K7 at exactly 1/4 is not; K10 (Typ 2) left out")
    func pioneers() {
        let report = F.report()
        #expect(report.pioneers.map(\.leikaKey) == [F.key(8), F.key(9)])
        #expect(report.pioneers.map(\.offering) == [0, 0])
        #expect(report.pioneers.allSatisfy { $0.here == .online && $0.examples.isEmpty })
        #expect(report.otherLevelPioneers == 1)
        // With a Vorreiter threshold of 30 %, K7 (25 %) joins, after the two at 0 %.
        #expect(F.report(pioneer: 30).pioneers.map(\.leikaKey) == [F.key(8), F.key(9), F.key(7)])
    }

    @Test("The threshold's boundary is inclusive: at 75 %, K1 (100 %) and K2 (exactly 75 %); at 75.1 %, only K1")
    func threshold() {
        #expect(F.report(threshold: 75).potentials.map(\.leikaKey) == [F.key(1), F.key(2)])
        #expect(F.report(threshold: 75.1).potentials.map(\.leikaKey) == [F.key(1)])
        // At 25 %, K5 (1 of 4) joins at the end; K6 stays left out.
        let low = F.report(threshold: 25)
        #expect(low.potentials.map(\.leikaKey).last == F.key(5))
        #expect(low.otherLevelPotentials == 1)
    }

    @Test("A hand-made subject: a missing row is 'nicht gemeldet', not 'kein Online-Dienst bekannt'")
    func handMadeSubject() {
        let subject = F.handMade(F.town("mitte", "Stadt Mitte", population: 30_000), online: [7, 8], offline: [2])
        let report = F.report(subject: subject)
        #expect(report.potentials.first?.here == .notReported)
        #expect(report.potentials.first { $0.leikaKey == F.key(2) }?.here == .notOnline("Analog"))
        #expect(PotentialsText.subjectData(report).contains("nicht gemeldet"))
    }

    @Test("A subject counting OZG-Leistungen only: no lists, a sentence that says why and what would make them possible")
    func declined() {
        let report = F.report(subject: F.peers[4])
        #expect(report.potentials.isEmpty && report.pioneers.isEmpty)
        #expect(report.declined.contains("1 OZG-Leistung als online gemeldet (Stand 31.01.2025)"))
        #expect(report.declined.contains("Export des OZG-Dashboards"))
    }

    @Test("Every format matches its reviewed reference", arguments: ReportFormat.allCases)
    func formats(format: ReportFormat) {
        assertSnapshot(of: ReportRenderer.render(F.report(), as: format), as: .lines, named: format.rawValue)
    }

    @Test("The declined report in the table form matches its reviewed reference")
    func declinedTable() {
        assertSnapshot(of: ReportRenderer.render(F.report(subject: F.peers[4]), as: .table), as: .lines)
    }

    @Test("A profile survives its coding for the database")
    func coding() throws {
        for dataset in [F.subject] + F.peers {
            let profile = LeikaProfile(dataset)
            #expect(LeikaProfileCoding.decode(LeikaProfileCoding.encode(profile)) == profile)
        }
        #expect(LeikaProfileCoding.decode(Array("X\tbroken\n".utf8)) == nil)
        // Tabs, line breaks and backslashes in names survive.
        var odd = F.subject
        odd.services[0].name = "Tab\there\nund\\Backslash\r\nÄ"
        let profile = LeikaProfile(odd)
        #expect(LeikaProfileCoding.decode(LeikaProfileCoding.encode(profile)) == profile)
    }
}

@Suite("The section Potenziale on a profile page")
struct PotentialsSiteTests {
    typealias F = PotentialsFixtures

    @Test("A real table with caption and header scopes, its CSV download, and the words of the report; declined: the sentence")
    func section() throws {
        let datasets = [F.subject] + F.peers
        let potentials = [F.subject.slug: F.report(), F.peers[4].slug: F.report(subject: F.peers[4])]
        let files = try SiteExporter().render(SiteContent(datasets: datasets, comparisons: [], reference: F.reference, potentials: potentials))
        func text(_ path: String) throws -> String {
            String(decoding: try #require(files.first { $0.path == path }).contents, as: UTF8.self)
        }
        let page = try text("kommunen/mitte.html")
        let section = try #require(page.range(of: "<h2 id=\"potenziale\">Potenziale</h2>")).upperBound
        let html = String(page[section...])
        #expect(html.contains("<caption id=\"tabelle-potenziale-liste-titel\">Potenziale: LeiKa-Leistungen, die mindestens 50\u{a0}% der "
            + "Vergleichskommunen online anbieten und Stadt Mitte nicht</caption>"))
        #expect(html.contains("<th scope=\"col\">Flächendeckung</th>"))
        #expect(html.contains("<tr><th scope=\"row\">1</th><td>99000000001000 Leistung eins</td>"))
        #expect(html.contains("<td>4 von 4 (100,0\u{a0}%)</td><td>Stadt A, Stadt B und Stadt C</td><td>dem Dashboard ist kein Online-Dienst bekannt<sup>"))
        #expect(html.contains("zentral verfügbar: Anschluss statt Eigenentwicklung (landesweit flächendeckend)"))
        #expect(html.contains("<h3 id=\"vorreiter\">Vorreiter</h3>"))
        // The download: the five potentials in rank order, then the source of the subject's rows.
        let csv = try text("daten/kommune-mitte-potenziale-liste.csv")
        let rows = csv.components(separatedBy: "\r\n").dropFirst().prefix { !$0.isEmpty }
        #expect(rows.map { String($0.split(separator: ";")[1].prefix(14)) } == [F.key(1), F.key(2), F.key(3), F.key(4), F.key(11)])
        #expect(csv.contains("OZG-Dashboard, Export für Stadt Mitte"))
        // One value a cell: the LeiKa key and the name apart, the share as numerator and denominator.
        #expect(try text("daten/kommune-mitte-vorreiter.csv").contains("\r\n1;99000000008000;Leistung acht;"))
        // Stadt E counts OZG-Leistungen only: the section says why there is no list, and offers no empty table.
        let declined = try text("kommunen/p-e.html")
        #expect(declined.contains("Für Stadt E lassen sich heute keine Potenziale bestimmen"))
        #expect(!files.contains { $0.path == "daten/kommune-p-e-potenziale-liste.csv" })
        // A profile without potentials (not computed for this site) has no such section.
        #expect(try !text("kommunen/p-a.html").contains("id=\"potenziale\""))
    }
}
