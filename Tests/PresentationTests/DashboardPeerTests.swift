import Comparison
import Domain
import Foundation
import Presentation
import SnapshotTesting
import Testing

@Suite("Dashboard rows and peer groups (#12): figures computed by hand, in every format")
struct DashboardPeerTests {
    typealias Fixtures = DashboardPeerFixtures

    static func row(_ report: ComparisonReport, _ metric: MetricID, _ key: String) -> MetricRow? {
        report.sections.first { $0.id == metric }?.rows.first { $0.key == key }
    }

    static func notes(_ report: ComparisonReport, _ metric: MetricID) -> [String] {
        report.sections.first { $0.id == metric }?.notes.map(NoteText.german) ?? []
    }

    @Test("With a catalogue: 7 of 15 to 7 of 12 = 46,7 % to 58,3 % of the LeiKa entries municipalities execute")
    func shareWithCatalogue() throws {
        let report = try Fixtures.dashboardReport(catalogue: true)
        let share = try #require(Self.row(report, .servicesOnline, "online-share")).cells[0]
        guard case .interval(let low, let high, let unit) = share.value else {
            Issue.record("expected bounds, got \(share.value)")
            return
        }
        #expect(abs(low - 700.0 / 15) < 1e-9 && abs(high - 700.0 / 12) < 1e-9 && unit == "percent")
        #expect(GermanFormat.value(share.value) == "46,7–58,3\u{a0}%")
        #expect(share.remark == "7 von 15 bis 7 von 12 (Nenner laut Typisierung)")
        let total = try #require(Self.row(report, .servicesOnline, "total")).cells[0]
        #expect(total.value == .interval(low: 12, high: 15, unit: "LeiKa-Leistungen"))
        #expect(try #require(Self.row(report, .servicesOnline, "online-count")).cells[0].value == .count(8, .exact))
        #expect(try #require(Self.row(report, .servicesOnline, "dashboard-known")).cells[0].value == .count(10, .exact))
        #expect(try #require(Self.row(report, .servicesOnline, "dashboard-working")).cells[0].value == .count(8, .exact))
        #expect(try #require(Self.row(report, .servicesOnline, "dashboard-working-share")).cells[0].value
            == .share(numerator: 8, denominator: 10, .exact))
        #expect(try #require(Self.row(report, .servicesOnline, "dashboard-ozg")).cells[0].value == .count(4, .exact))
        // The other city has no dashboard rows: its cells say so instead of a zero.
        #expect(try #require(Self.row(report, .servicesOnline, "dashboard-known")).cells[1].value
            == .notApplicable(reason: "keine Zeilen des OZG-Dashboards"))
        let notes = Self.notes(report, .servicesOnline)
        #expect(notes.contains("Stadt D: Die Zahlen beruhen auf 12 Zeilen des OZG-Dashboards. Jede Zeile ist eine LeiKa-Leistung, "
            + "für die das Dashboard einen Online-Dienst kennt; die Zeilen sind kein Bestand aller Leistungen. Der Export enthält "
            + "auch die Zeilen übergeordneter Ebenen (includeAbove: ja): Dienste von Kreis, Land und Bund zählen mit. Er enthält "
            + "keine Zeilen der Gemeinden darunter (includeBelow: nein). Nicht mitgezählt: 1 Zeile mit „aktiv: nein“ und 1 Zeile "
            + "„nicht in Auswertung berücksichtigt“."))
        #expect(notes.contains("Stadt D: Anteil online an den LeiKa-Leistungen, die Kommunen laut Typisierung ausführen: 12 mit Typ "
            + "4 oder 5, dazu 3 mit uneindeutiger Typisierung (etwa 2/3). Der Anteil liegt zwischen 46,7\u{a0}% (7 von 15) und "
            + "58,3\u{a0}% (7 von 12): Die Untergrenze zählt die uneindeutigen ohne funktionierenden Dienst zum Nenner, die "
            + "Obergrenze nur die mit funktionierendem Dienst. 1 funktionierender Dienst gehört zu Leistungen, die Kommunen laut "
            + "Typisierung nicht ausführen (etwa des Landes oder des Bundes), und zählt nicht."))
    }

    @Test("Without a catalogue: no share, and the note says why and what to do; 8 of 10 is never a share online")
    func noShareWithoutCatalogue() throws {
        let report = try Fixtures.dashboardReport(catalogue: false)
        let share = try #require(Self.row(report, .servicesOnline, "online-share")).cells[0]
        #expect(share.value == .unknown(reason: "kein Bestand: ohne vollständigen Leistungskatalog (bench import-catalogue) kein Nenner"))
        #expect(!Self.notes(report, .servicesOnline).filter { $0.contains("Kein Anteil online") && $0.contains("bench import-catalogue") }.isEmpty)
        // The 80 % of known online services that work are shown under their own name only.
        let working = try #require(Self.row(report, .servicesOnline, "dashboard-working-share"))
        #expect(working.label == "Anteil funktionierender bekannter Online-Dienste")
        #expect(working.note == "nicht der Anteil online verfügbarer Leistungen")
        for format in ReportFormat.allCases {
            #expect(!ReportRenderer.render(report, as: format).contains("Anteil online laut Kommune: 80"))
        }
    }

    @Test("EfA uptake shows 4 of 10 centrally offered services as the proxy it is")
    func centralProxy() throws {
        let report = try Fixtures.dashboardReport(catalogue: true)
        let row = try #require(Self.row(report, .efaUptake, "efa-central-proxy"))
        #expect(row.label == "zentral bereitgestellt (bundes- oder landesweit flächendeckend)")
        #expect(row.cells[0].value == .count(4, .exact))
        #expect(row.note == "Näherung für EfA-Verfügbarkeit, kein Nachweis einer Nachnutzung")
        #expect(Self.notes(report, .efaUptake).contains { $0.contains("kein Nachweis, dass die Behörde einen EfA-Dienst nachnutzt") })
    }

    @Test("The Typisierung decides: 4 and 5 municipal, 1 and 2 not, anything else ambiguous")
    func typisierung() throws {
        let report = try Fixtures.dashboardReport(catalogue: true)
        let part = report.sections[0].notes.compactMap { note -> TypisierungShare? in
            if case .dashboardShare(let share) = note.detail { return share.share }
            return nil
        }
        let share = try #require(part.first)
        #expect(share.certain == 12 && share.ambiguous == 3 && share.workingCertain == 7 && share.workingAmbiguous == 0
            && share.workingOutside == 1)
        #expect(share.low == (7, 15) && share.high == (7, 12))
    }

    @Test("A dashboard-made dataset renders in every format", arguments: ReportFormat.allCases)
    func dashboardFormats(format: ReportFormat) throws {
        assertSnapshot(of: ReportRenderer.render(try Fixtures.dashboardReport(catalogue: true), as: format), as: .lines,
                       named: "catalogue-" + format.rawValue)
        assertSnapshot(of: ReportRenderer.render(try Fixtures.dashboardReport(catalogue: false), as: format), as: .lines,
                       named: "no-catalogue-" + format.rawValue)
    }

    @Test("4 peers of the same level and size class: no quartiles, the values with their names")
    func fourPeers() throws {
        let report = try Fixtures.peerReport(Fixtures.fourPeers)
        let group = try #require(report.peerGroup)
        #expect(group.members.map(\.slug.rawValue) == ["stadt-p1", "stadt-p2", "stadt-p3", "stadt-p4"])
        #expect(group.sizeClass?.id == "100000-200000")
        #expect(group.leftOut.map(\.slug.rawValue) == ["amt-x", "stadt-ohne"])
        #expect(group.germanDescription == "4 Vergleichskommunen mit Gemeinde- und Kreisaufgaben, 100.000 bis unter 200.000 Einwohner")
        let share = try #require(Self.row(report, .servicesOnline, "online-share"))
        #expect(share.cells[0].value == .share(numerator: 40, denominator: 100, .exact))
        #expect(share.cells[2].value == .notApplicable(reason: "zu wenige Werte für Quartile (4, mindestens 5)"))
        #expect(share.cells[2].remark == "aus 4 von 4 Vergleichskommunen; Werte: Stadt P1 10,0\u{a0}% (10 von 100); "
            + "Stadt P2 20,0\u{a0}% (20 von 100); Stadt P3 30,0\u{a0}% (30 von 100); Stadt P4 50,0\u{a0}% (50 von 100)")
    }

    @Test("6 peers, one counting in another unit: quartiles of the 5 others (20, 30, 50 %), the sixth named in a note")
    func sixPeers() throws {
        let report = try Fixtures.peerReport(Fixtures.sixPeers)
        #expect(report.peerGroup?.members.count == 6)
        let share = try #require(Self.row(report, .servicesOnline, "online-share"))
        #expect(share.cells[1].value == .number(20, unit: "percent", .exact))
        #expect(share.cells[2].value == .number(30, unit: "percent", .exact))
        #expect(share.cells[3].value == .number(50, unit: "percent", .exact))
        #expect(share.cells[2].remark == "aus 5 von 6 Vergleichskommunen; 1 zählt in anderer Einheit")
        #expect(Self.notes(report, .servicesOnline).contains(
            "1 Vergleichskommune zählt nicht in LeiKa-Leistungen und fehlt deshalb in den Zeilen in eigener Zähleinheit: "
                + "Stadt P6 (OZG-Leistungen)."))
    }

    @Test("Peer groups render in every format", arguments: ReportFormat.allCases)
    func peerFormats(format: ReportFormat) throws {
        assertSnapshot(of: ReportRenderer.render(try Fixtures.peerReport(Fixtures.fourPeers), as: format), as: .lines,
                       named: "four-" + format.rawValue)
        assertSnapshot(of: ReportRenderer.render(try Fixtures.peerReport(Fixtures.sixPeers), as: format), as: .lines,
                       named: "six-" + format.rawValue)
    }

    @Test("Other rules: kind, Land, all, a list; a subject without population has no size group")
    func rules() throws {
        let datasets = Fixtures.sixPeers
        func members(_ rule: PeerRule) throws -> [String] {
            try ComparisonReport(peerViewOf: Slug("stadt-s")!, among: datasets, reference: ReferenceCatalogue(), metrics: [.servicesOnline],
                                 rule: rule, sizeClasses: Fixtures.sizeClasses).peerGroup!.members.map(\.slug.rawValue)
        }
        #expect(try members(.kind) == ["stadt-klein", "stadt-ohne", "stadt-p1", "stadt-p2", "stadt-p3", "stadt-p4", "stadt-p5", "stadt-p6"])
        #expect(try members(.all).count == 10)
        #expect(try members(.land).count == 10)
        #expect(try members(.list(name: "Vergleichsring", members: [Slug("kreis-k")!, Slug("stadt-p2")!])) == ["kreis-k", "stadt-p2"])
        #expect(throws: ComparisonError.self) {
            try ComparisonReport(peerViewOf: Slug("stadt-ohne")!, among: datasets, reference: ReferenceCatalogue(),
                                 rule: .levelAndSize, sizeClasses: Fixtures.sizeClasses)
        }
        #expect(throws: ComparisonError.self) {
            try ComparisonReport(peerViewOf: Slug("amt-x")!, among: datasets, reference: ReferenceCatalogue(),
                                 rule: .levelAndSize, sizeClasses: Fixtures.sizeClasses)
        }
        // Nor does "kind unknown" make a group of its own.
        #expect(throws: ComparisonError.noPeerGroup(slug: "amt-x", why: "its kind is unknown (kind in municipality.yaml)")) {
            try ComparisonReport(peerViewOf: Slug("amt-x")!, among: datasets, reference: ReferenceCatalogue(), rule: .kind)
        }
    }

    @Test("The digest path gives the same report as the dataset path")
    func digestsAgree() throws {
        let datasets = Fixtures.sixPeers
        let subject = PeerDigest(subject: datasets[0], reference: ReferenceCatalogue())
        let peers = datasets.dropFirst().map { PeerDigest(peer: $0, reference: ReferenceCatalogue()) }
        let viaDigests = try ComparisonReport(peerViewOf: subject, peers: peers, metrics: [.servicesOnline], rule: .levelAndSize,
                                              sizeClasses: Fixtures.sizeClasses)
        for format in ReportFormat.allCases {
            #expect(ReportRenderer.render(viaDigests, as: format) == ReportRenderer.render(try Fixtures.peerReport(datasets), as: format))
        }
        let dashboard = [Fixtures.dashboardCity, Fixtures.reportCity].map { PeerDigest(subject: $0, reference: Fixtures.catalogue) }
        let read = try dashboard.map { try PeerDigest(encoded: $0.encoded()) }
        #expect(read == dashboard)
        for format in ReportFormat.allCases {
            #expect(ReportRenderer.render(try ComparisonReport(comparing: read), as: format)
                == ReportRenderer.render(try Fixtures.dashboardReport(catalogue: true), as: format))
        }
    }

    /// The profile of the subject of each peer fixture (4 and 6 members), and of a municipality without population.
    @Test("Each profile page shows its peer group as a table with a caption", arguments: [4, 6])
    func sitePeerGroup(members: Int) throws {
        let datasets = members == 4 ? Fixtures.fourPeers : Fixtures.sixPeers
        let content = SiteContent(datasets: datasets, comparisons: [], sizeClasses: Fixtures.sizeClasses)
        let files = try SiteExporter(options: SiteFixtures.options).render(content)
        let page = try #require(files.first { $0.path == "kommunen/stadt-s.html" }).contents
        let html = String(decoding: page, as: UTF8.self)
        let start = try #require(html.range(of: "<h2 id=\"vergleichsgruppe\""))
        let end = try #require(html.range(of: "<h2", range: start.upperBound..<html.endIndex))
        let section = String(html[start.lowerBound..<end.lowerBound])
        #expect(section.contains("<caption"))
        #expect(section.contains("\(members) Vergleichskommunen mit Gemeinde- und Kreisaufgaben, 100.000 bis unter 200.000 Einwohner"))
        assertSnapshot(of: section, as: .lines, named: "members-\(members)")
        let without = try #require(files.first { $0.path == "kommunen/stadt-ohne.html" }).contents
        #expect(String(decoding: without, as: UTF8.self).contains(
            "Die Einwohnerzahl dieser Kommune ist unbekannt; sie wird keiner Größenklasse zugeordnet. Gezeigt werden die Kommunen derselben Art."))
    }

    /// The comparison page of the dashboard-made dataset: the share with its bounds, the rows of the dashboard, the notes.
    @Test("The site's comparison page shows 46,7–58,3 % with its denominator, and no share without a catalogue", arguments: [true, false])
    func siteDashboard(catalogue: Bool) throws {
        let report = try Fixtures.dashboardReport(catalogue: catalogue)
        let content = SiteContent(datasets: [Fixtures.dashboardCity, Fixtures.reportCity], comparisons: [report],
                                  reference: catalogue ? Fixtures.catalogue : ReferenceCatalogue())
        let files = try SiteExporter(options: SiteFixtures.options).render(content)
        let page = String(decoding: try #require(files.first { $0.path == "vergleiche/stadt-d_stadt-e.html" }).contents, as: UTF8.self)
        let start = try #require(page.range(of: "<h2 id=\"services-online\""))
        let end = try #require(page.range(of: "<h2", range: start.upperBound..<page.endIndex))
        let section = String(page[start.lowerBound..<end.lowerBound])
        #expect(section.contains(catalogue ? "46,7–58,3\u{a0}%" : "kein Bestand: ohne vollständigen Leistungskatalog"))
        #expect(section.contains("Anteil funktionierender bekannter Online-Dienste"))
        assertSnapshot(of: section, as: .lines, named: catalogue ? "catalogue" : "no-catalogue")
    }
}
