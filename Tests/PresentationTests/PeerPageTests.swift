@testable import Comparison
import Domain
import Foundation
@testable import Presentation
import SnapshotTesting
import Testing

/// The peer pages of the site (`vergleichsgruppen/SLUG.html`), their strip plots, and the summary of a peer view whose
/// participants all count dashboard rows.
@Suite("Peer pages and strip plots")
struct PeerPageTests {
    typealias Fixtures = DashboardPeerFixtures

    /// A kreisfreie Stadt made of dashboard rows of the fixture catalogue: keys 1 to `working` of the 12 certain ones work,
    /// the others do not. Share online: `working` of 15 to `working` of 12 (the 3 ambiguous entries have no row).
    static func dashboardCity(_ slug: String, _ name: String, working: Int) -> Dataset {
        let source = Source(id: "dashboard", title: "OZG-Dashboard, Export für \(name)", type: .dashboardExport, reference: .unknown,
                            date: Fixtures.date("2025-06-30"), body: .unknown, includeAbove: true, includeBelow: false)
        let mapping = [true, false].map { ok in
            StatusMappingEntry(status: ok ? "online: ok" : "online: nicht ok", maturity: .unknown, maturityModel: .v1,
                               online: .known(ok), inScope: .known(true), sourceID: source.id)
        }
        return Dataset(
            municipality: Municipality(slug: Slug(slug)!, name: name, kind: .kreisfreieStadt, land: "Nordrhein-Westfalen",
                                       ags: .unknown, ars: .unknown),
            sources: [source], statusMapping: StatusMapping(mapping),
            services: (1...12).map { number in
                ServiceRecord(snapshot: Fixtures.date("2025-06-30"), name: "Leistung \(number)", unit: .leikaLeistung,
                              ozgID: .known(OzgID(10000 + number)), leikaKey: Fixtures.key(number), match: .source,
                              status: number <= working ? "online: ok" : "online: nicht ok", sourceID: source.id,
                              coverage: .oneMunicipality)
            })
    }

    /// Stadt D2 (6 working: 40–50 %) and six peers, all made of dashboard rows: 1, 2, 3, 9, 10 and 11 working, i.e.
    /// 6,7–8,3 %, 13,3–16,7 %, 20–25 %, 60–75 %, 66,7–83,3 % and 73,3–91,7 %. Lower quartile (position 1,25 of the
    /// sorted bounds): 15–18,75 %; upper quartile (position 3,75): 65–81,25 %. 40–50 % lies between them.
    static var dashboardPeers: [Dataset] {
        [dashboardCity("stadt-d2", "Stadt D2", working: 6)]
            + [1, 2, 3, 9, 10, 11].enumerated().map { index, working in dashboardCity("peer-\(index + 1)", "Peer \(index + 1)", working: working) }
    }

    static func dashboardPeerView(_ datasets: [Dataset]) throws -> ComparisonReport {
        try ComparisonReport(peerViewOf: Slug("stadt-d2")!, among: datasets, reference: Fixtures.catalogue, metrics: [.servicesOnline],
                             rule: .kind)
    }

    /// What the old code said of such a view: that the peers count something else.
    static let oldText = "Eine Reihenfolge ist nicht möglich, weil Zeilen des OZG-Dashboards etwas anderes zählen als die Berichte der Kommunen."

    @Test("All participants count dashboard rows: the summary places the subject among the quartiles, with the dashboard as caveat")
    func dashboardPeerSummary() throws {
        let report = try Self.dashboardPeerView(Self.dashboardPeers)
        let section = try #require(report.sections.first)
        #expect(section.everyParticipantFromDashboard)
        let share = try #require(section.rows.first { $0.key == "online-share" })
        #expect(share.cells[1].value == .interval(low: 15, high: 18.8, unit: "percent"))
        #expect(share.cells[3].value == .interval(low: 65, high: 81.3, unit: "percent"))
        let summary = report.summary(of: section)
        #expect(summary.verdict == .position(.betweenQuartiles, caveats: [.dashboardRows]))
        let text = SummaryText.paragraph(summary, in: report)
        #expect(!text.contains(Self.oldText))
        #expect(!text.contains("etwas anderes zählen"))
        #expect(text.hasSuffix("Stadt D2 liegt zwischen unterem und oberem Quartil der Vergleichsgruppe; mit Einschränkungen (Zeilen des OZG-Dashboards)."))
        for format in ReportFormat.allCases {
            #expect(!ReportRenderer.render(report, as: format).contains("etwas anderes zählen als die Berichte"))
        }
        assertSnapshot(of: ReportRenderer.render(report, as: .table, notes: .all), as: .lines, named: "dashboard-peers")
    }

    @Test("A peer group mixing dashboard rows and reports still forbids the order, and says why")
    func mixedPeerSummary() throws {
        // Stadt L counts LeiKa-Leistungen in a report, so the statistics of the share take it; Stadt E counts
        // OZG-Leistungen and is left out of them (that note does not forbid, nor hide the dashboard's).
        let report = try Self.dashboardPeerView(Self.dashboardPeers + [Fixtures.city("stadt-l", "Stadt L", online: 30, inhabitants: nil),
                                                                       Fixtures.reportCity])
        let section = try #require(report.sections.first)
        #expect(!section.everyParticipantFromDashboard)
        #expect(report.summary(of: section).verdict == .forbidden(.dashboardRows))
        #expect(SummaryText.paragraph(report.summary(of: section), in: report).hasSuffix(Self.oldText))
    }

    @Test("Two dashboard-made cities may be ordered; the dashboard is named as caveat")
    func dashboardPair() throws {
        let report = try ComparisonReport(comparing: [Self.dashboardCity("stadt-a", "Stadt A", working: 3),
                                                      Self.dashboardCity("stadt-b", "Stadt B", working: 11)],
                                          reference: Fixtures.catalogue, metrics: [.servicesOnline])
        let summary = report.summary(of: report.sections[0])
        #expect(summary.verdict == .ordered([["Stadt B"], ["Stadt A"]], caveats: [.dashboardRows]))
    }

    @Test("Each peer's value is kept for the chart, in slug order, with whether the statistics count it")
    func peerValues() throws {
        let report = try Fixtures.peerReport(Fixtures.sixPeers)
        let share = try #require(report.sections[0].rows.first { $0.key == "online-share" })
        #expect(share.peerValues.map(\.slug.rawValue) == ["stadt-p1", "stadt-p2", "stadt-p3", "stadt-p4", "stadt-p5", "stadt-p6"])
        #expect(share.peerValues.map(\.counted) == [true, true, true, true, true, false])
        #expect(share.peerValues[0].value == .share(numerator: 10, denominator: 100, .exact))
        // The digest path keeps the same values (a peer's digest has no sources, and a value has none).
        let datasets = Fixtures.sixPeers
        let viaDigests = try ComparisonReport(peerViewOf: PeerDigest(subject: datasets[0], reference: ReferenceCatalogue()),
                                              peers: datasets.dropFirst().map { PeerDigest(peer: $0, reference: ReferenceCatalogue()) },
                                              metrics: [.servicesOnline], rule: .levelAndSize, sizeClasses: Fixtures.sizeClasses)
        #expect(viaDigests.sections[0].rows.map(\.peerValues) == report.sections[0].rows.map(\.peerValues))
    }

    @Test("The strip plot draws the known values only, counts the unknown and the other unit, and marks the subject")
    func stripPlot() throws {
        let plot = StripPlot(title: "Leistungen online", label: "Anteil online", subjectName: "Stadt S",
                             subject: .share(numerator: 40, denominator: 100, .exact),
                             peers: [
                                PeerValue(slug: Slug("a")!, name: "Stadt A", value: .share(numerator: 10, denominator: 100, .exact), asOf: nil, counted: true),
                                PeerValue(slug: Slug("b")!, name: "Stadt B", value: .unknown(reason: "fehlt"), asOf: nil, counted: true),
                                PeerValue(slug: Slug("c")!, name: "Stadt C", value: .interval(low: 20, high: 30, unit: "percent"), asOf: nil, counted: true),
                                PeerValue(slug: Slug("d")!, name: "Stadt D", value: .share(numerator: 5, denominator: 100, .exact), asOf: nil, counted: false),
                             ],
                             quartiles: [.notApplicable(reason: "zu wenige"), .notApplicable(reason: "zu wenige"), .notApplicable(reason: "zu wenige")])
        #expect(plot.isDrawable)
        #expect(plot.axisEnd == 100)
        let svg = plot.svg(id: "test").rendered()
        // Two circles (A and C), none for B (unknown) or D (another unit); no box without quartiles.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
        #expect(!svg.contains("stroke-width=\"1.5\"/><rect"))
        #expect(svg.contains("Nicht gezeichnet: 1 ohne bekannten Wert (Stadt B); 1 zählt in anderer Einheit (Stadt D)."))
        // Fewer than 5 values: each with its name.
        #expect(svg.contains("○ Stadt A: 10,0\u{a0}% (10 von 100)"))
        #expect(svg.contains("◆ Stadt S: 40,0\u{a0}% (40 von 100)"))
        // The circle of A at 10 % of the 304 units from x = 8: 38,4.
        #expect(svg.contains("cx=\"38.4\""))
        assertSnapshot(of: svg, as: .lines)
    }

    @Test("Five values or more: quartiles drawn as a box with the median, no names")
    func stripPlotWithQuartiles() throws {
        let report = try Fixtures.peerReport(Fixtures.sixPeers)
        let row = try #require(report.sections[0].rows.first { $0.key == "online-share" })
        let plot = StripPlot(title: "Leistungen online", label: row.label, subjectName: "Stadt S", subject: row.cells[0].value,
                             peers: row.peerValues, quartiles: Array(row.cells.dropFirst().map(\.value)))
        let svg = plot.svg(id: "q").rendered()
        #expect(svg.components(separatedBy: "<circle").count - 1 == 5)
        // The box from the lower quartile 20 % (x = 68,8) to the upper 50 % (x = 160): width 91,2.
        #expect(svg.contains("<rect x=\"68.8\""))
        #expect(svg.contains("width=\"91.2\""))
        #expect(!svg.contains("○ Stadt P1"))
        #expect(svg.contains("1 zählt in anderer Einheit (Stadt P6)"))
    }

    @Test("A group of more than 60 is drawn as counts per fortieth of the axis: the drawing does not grow with the group")
    func binnedStripPlot() throws {
        // 100 peers at 0,5 %, 1,5 %, … 99,5 %: in each 2,5 % part of the axis lie 2 or 3 of them.
        let peers = (0..<100).map { index in
            PeerValue(slug: Slug("p-\(index)")!, name: "P\(index)", value: .number(Double(index) + 0.5, unit: "percent", .exact), asOf: nil,
                      counted: true)
        }
        let plot = StripPlot(title: "Leistungen online", label: "Anteil online", subjectName: "Stadt S",
                             subject: .number(42, unit: "percent", .exact), peers: peers,
                             quartiles: [.number(25, unit: "percent", .exact), .number(50, unit: "percent", .exact),
                                         .number(75, unit: "percent", .exact)])
        let svg = plot.svg(id: "viele").rendered()
        #expect(!svg.contains("<circle"))
        // 40 bars, the box and the median.
        #expect(svg.components(separatedBy: "<rect").count - 1 == 42)
        #expect(svg.contains("▮ Vergleichskommunen: 100, gezählt</tspan><tspan x=\"8\" dy=\"18\">je Abschnitt von 2,5\u{a0}%; Kasten:"))
        let more = StripPlot(title: plot.title, label: plot.label, subjectName: plot.subjectName, subject: plot.subject,
                             peers: peers + peers.map { PeerValue(slug: $0.slug, name: $0.name, value: $0.value, asOf: nil, counted: true) },
                             quartiles: plot.quartiles)
        // Whole numbers on a short axis (projects in a year: 0 to 5) are counted per number, one bar centred on each.
        let projects = StripPlot(title: "Projekte pro Jahr", label: "gestartet 2024", subjectName: "Stadt S", subject: .count(2, .exact),
                                 peers: (0..<80).map { PeerValue(slug: Slug("p-\($0)")!, name: "P\($0)", value: .count($0 % 6, .exact), asOf: nil,
                                                                 counted: true) },
                                 quartiles: [.number(1, unit: "count", .exact), .number(2.5, unit: "count", .exact), .number(4, unit: "count", .exact)])
        #expect(projects.wholeNumbers && projects.axisEnd == 5)
        let drawn = projects.svg(id: "projekte").rendered()
        // Six bars (0 to 5), the box and the median; the bar of 0 starts at the axis, that of 5 ends at its end.
        #expect(drawn.components(separatedBy: "<rect").count - 1 == 8)
        #expect(drawn.contains("<rect x=\"8.5\"") && drawn.contains("Vergleichskommunen: 80, gezählt je") && !drawn.contains("Abschnitt"))
        // Twice the group: the same drawing but for the count in its text.
        #expect(more.svg(id: "viele").rendered().utf8.count - svg.utf8.count < 10)
    }

    static func site(_ datasets: [Dataset], peerViews: [ComparisonReport]) throws -> [String: String] {
        let content = SiteContent(datasets: datasets, comparisons: [], reference: Fixtures.catalogue, sizeClasses: Fixtures.sizeClasses,
                                  peerViews: peerViews)
        let files = try SiteExporter(options: SiteFixtures.options).render(content)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    @Test("The peer page: answer first, then strip plots, table, tidy CSV and notes; linked from the profile and the start page")
    func peerPage() throws {
        let datasets = Fixtures.sixPeers
        let files = try Self.site(datasets, peerViews: [try Fixtures.peerReport(datasets)])
        let page = try #require(files["vergleichsgruppen/stadt-s.html"])
        let glance = try #require(page.range(of: "Auf einen Blick"))
        let chart = try #require(page.range(of: "<svg"))
        let table = try #require(page.range(of: "<table"))
        #expect(glance.lowerBound < chart.lowerBound && chart.lowerBound < table.lowerBound)
        #expect(page.contains("Stadt S liegt zwischen unterem und oberem Quartil der Vergleichsgruppe"))
        #expect(page.contains("<details class=\"alle-hinweise\"><summary>Die 6 Vergleichskommunen</summary>"))
        assertSnapshot(of: page, as: .lines, named: "six-peers")
        let csv = try #require(files["daten/vergleichsgruppe-stadt-s-leistungen-online.csv"])
        #expect(csv.hasPrefix("\u{feff}Zeile;Spalte;Art;Wert;Untergrenze;Obergrenze;Zähler;Nenner;Einheit;Angabe;Stand;Quelle;Anmerkung"))
        #expect(csv.contains("\r\nAnteil online laut Kommune;Median;Zahl;30;;;;;%;genau;2025-05-01;;\"aus 5 von 6 Vergleichskommunen; 1 zählt in anderer Einheit\"\r\n"))
        // Linked from the profile and reachable from the start page.
        #expect(try #require(files["kommunen/stadt-s.html"]).contains("href=\"../vergleichsgruppen/stadt-s.html\""))
        #expect(try #require(files["index.html"]).contains("href=\"vergleichsgruppen/stadt-s.html\""))
        // Every municipality has its page, with or without a view.
        #expect(files.keys.filter { $0.hasPrefix("vergleichsgruppen/") }.count == datasets.count)
    }

    /// Stadt S and `peers` cities of its size class, every other one with an older snapshot, so that the note on the
    /// snapshots names each of them.
    static func largeGroup(_ peers: Int) -> [Dataset] {
        [Fixtures.city("stadt-s", "Stadt S", online: 40, inhabitants: 150_000)] + (1...peers).map { index in
            var city = Fixtures.city(String(format: "stadt-%04d", index), String(format: "Stadt %04d", index), online: index % 100,
                                     inhabitants: 100_000 + index)
            if index % 2 == 0 { city.tallies = city.tallies.map { var tally = $0; tally.snapshot = Fixtures.date("2024-05-01"); return tally } }
            return city
        }
    }

    @Test("A group of hundreds: notes name 8 peers and count the rest, the members are not listed; the pages do not grow with the group")
    func largeGroupPagesStayTheSameSize() throws {
        var sizes: [Int: (peers: Int, profile: Int)] = [:]
        for peers in [150, 300] {
            let datasets = Self.largeGroup(peers)
            let report = try Fixtures.peerReport(datasets)
            let gap = try #require(report.sections[0].notes.first { $0.kind == .snapshotGap })
            guard case .snapshotGap(let dated, _) = gap.detail else { Issue.record("no snapshot note"); continue }
            #expect(dated.map(\.name) == ["Stadt S"] + (1...8).map { String(format: "Stadt %04d", $0) })
            #expect(report.sections[0].notes.contains { $0.detail == .peersNotNamed(subject: "Stadt S", shown: 8, leftOut: peers - 8) })
            let files = try Self.site(datasets, peerViews: [report])
            let page = try #require(files["vergleichsgruppen/stadt-s.html"])
            #expect(page.contains("Die Hinweise dieses Abschnitts nennen neben Stadt S je höchstens 8 Vergleichskommunen einzeln (die ersten "
                + "nach Kennung); \(GermanFormat.integer(peers - 8)) weitere Nennungen sind ausgelassen"))
            #expect(!page.contains("Stadt 0009"))
            let profile = try #require(files["kommunen/stadt-s.html"])
            #expect(profile.contains("Die \(GermanFormat.integer(peers)) Vergleichskommunen sind hier nicht einzeln aufgeführt"))
            #expect(!profile.contains("Stadt 0001"))
            #expect(files["daten/kommune-stadt-s-vergleichsgruppe.csv"] == nil)
            sizes[peers] = (page.utf8.count, profile.utf8.count)
        }
        // Twice the group, the same pages: only the counts in them differ.
        let small = try #require(sizes[150]), large = try #require(sizes[300])
        #expect(abs(large.peers - small.peers) < 200, "\(small.peers) → \(large.peers) bytes")
        #expect(abs(large.profile - small.profile) < 200, "\(small.profile) → \(large.profile) bytes")
    }

    @Test("A group's description counts its members in German digits, and names 8 of those left out, counting the rest")
    func largeGroupWords() throws {
        func member(_ index: Int, population: Bool) -> Participant {
            Participant(slug: Slug(String(format: "g-%04d", index))!, name: String(format: "Gemeinde %04d", index), kind: .kreisangehoerigeGemeinde,
                        snapshot: nil, land: "Nordrhein-Westfalen",
                        population: population ? Population(count: 3_000, date: Fixtures.date("2023-12-31"), source: "Test") : nil)
        }
        let group = PeerGroup(kind: .kreisangehoerigeGemeinde, members: (1...1_200).map { member($0, population: true) }, rule: .levelAndSize,
                              sizeClass: Fixtures.sizeClasses.first, land: "Nordrhein-Westfalen",
                              leftOut: (2_001...2_012).map { member($0, population: false) })
        #expect(group.germanDescription.hasPrefix("1.200 Vergleichskommunen "))
        #expect(group.germanLeftOut.hasPrefix("Nicht in der Größenklasse: Gemeinde 2001 (Einwohnerzahl unbekannt), "))
        #expect(group.germanLeftOut.contains("Gemeinde 2008 (Einwohnerzahl unbekannt) und 4 weitere; eine Behörde ohne"))
        #expect(!group.germanLeftOut.contains("Gemeinde 2009"))
    }

    @Test("Fewer than 5 peers: the values with their names; no peers: the page says why")
    func fewAndNoPeers() throws {
        let datasets = Fixtures.fourPeers
        let files = try Self.site(datasets, peerViews: [try Fixtures.peerReport(datasets)])
        let page = try #require(files["vergleichsgruppen/stadt-s.html"])
        #expect(page.contains("○ Stadt P1: 10,0\u{a0}% (10 von 100)"))
        assertSnapshot(of: page, as: .lines, named: "four-peers")
        let none = try #require(files["vergleichsgruppen/kreis-k.html"])
        #expect(none.contains("Für Kreis K gibt es in dieser Veröffentlichung keinen Vergleich mit einer Vergleichsgruppe: Keine andere "
            + "Kommune dieser Veröffentlichung gehört zu ihrer Gruppe (Kommunen mit Kreisaufgaben, 100.000 bis unter 200.000 Einwohner)."))
        let unknownKind = try #require(files["vergleichsgruppen/amt-x.html"])
        #expect(unknownKind.contains("Die Art dieser Kommune ist unbekannt; sie wird keiner Größenklasse zugeordnet."))
    }
}

/// The start page and the pages of the Länder: every municipality two clicks from the start.
@Suite("Start page by Land and Kreis")
struct LandPageTests {
    static func municipality(_ slug: String, _ name: String, ags: String?, land: String, kind: MunicipalityKind) -> Dataset {
        var dataset = DashboardPeerFixtures.city(slug, name, online: 10, inhabitants: nil, kind: kind)
        dataset.municipality.ags = ags.map { .known($0) } ?? .unknown
        dataset.municipality.land = land
        return dataset
    }

    /// Kreis Mettmann with two of its Gemeinden, the kreisfreie Stadt Düsseldorf, an authority without AGS, and one in
    /// Hessen; Kreis 05162 is named only by the register.
    static var datasets: [Dataset] {
        [municipality("mettmann", "Kreis Mettmann", ags: "05158", land: "Nordrhein-Westfalen", kind: .kreis),
         municipality("ratingen", "Stadt Ratingen", ags: "05158028", land: "Nordrhein-Westfalen", kind: .kreisangehoerigeStadt),
         municipality("erkrath", "Stadt Erkrath", ags: "05158004", land: "Nordrhein-Westfalen", kind: .kreisangehoerigeStadt),
         municipality("duesseldorf", "Stadt Düsseldorf", ags: "05111000", land: "Nordrhein-Westfalen", kind: .kreisfreieStadt),
         municipality("neuss", "Stadt Neuss", ags: "05162024", land: "Nordrhein-Westfalen", kind: .kreisangehoerigeStadt),
         municipality("ohne", "Gemeinde ohne Schlüssel", ags: nil, land: "Nordrhein-Westfalen", kind: .kreisangehoerigeGemeinde),
         municipality("kassel", "Stadt Kassel", ags: "06611000", land: "Hessen", kind: .kreisfreieStadt)]
    }

    static func render(_ datasets: [Dataset]) throws -> [String: String] {
        let content = SiteContent(datasets: datasets, comparisons: [], kreisNames: ["05162": "Rhein-Kreis Neuss"])
        let files = try SiteExporter(options: SiteFixtures.options).render(content)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    @Test("The start page lists the Länder; each Land's page its Kreise, each Kreis its municipalities with their two pages")
    func lands() throws {
        let files = try Self.render(Self.datasets)
        let start = try #require(files["index.html"])
        #expect(start.contains("<li><a href=\"laender/hessen.html\">Hessen</a> (1 Kommune in 1 Kreis)</li>\n"
            + "<li><a href=\"laender/nordrhein-westfalen.html\">Nordrhein-Westfalen</a> (6 Kommunen: 5 in 3 Kreisen, 1 ohne Gemeindeschlüssel)</li>"))
        let page = try #require(files["laender/nordrhein-westfalen.html"])
        // Kreise by name, the one without AGS last; the Kreis itself first within it, then by name.
        let headings = page.components(separatedBy: "<h2 id=\"kreis-").dropFirst().map { String($0.split(separator: "<")[0]) }
        #expect(headings == ["1\">Kreis Mettmann (Kreisschlüssel 05158)", "2\">Rhein-Kreis Neuss (Kreisschlüssel 05162)",
                             "3\">Stadt Düsseldorf (Kreisschlüssel 05111)", "4\">Ohne Gemeindeschlüssel, daher ohne Kreis"])
        let mettmann = try #require(page.range(of: "Kreis Mettmann (Kreisschlüssel"))
        let order = ["kommunen/mettmann.html", "kommunen/erkrath.html", "kommunen/ratingen.html"].map { page.range(of: $0, range: mettmann.upperBound..<page.endIndex)!.lowerBound }
        #expect(order == order.sorted())
        #expect(page.contains("<a href=\"../vergleichsgruppen/ratingen.html\">Vergleichsgruppe</a>"))
        #expect(files["laender/hessen.html"]?.contains("Stadt Kassel (Kreisschlüssel 06611)") == true)
        assertSnapshot(of: page, as: .lines)
    }

    @Test("Over 50 municipalities the start page has no table of all; the Länder lead to every one")
    func manyMunicipalities() throws {
        let many = (1...51).map { Self.municipality(String(format: "g-%03d", $0), "Gemeinde \($0)", ags: String(format: "05158%03d", $0),
                                                    land: "Nordrhein-Westfalen", kind: .kreisangehoerigeGemeinde) }
        let files = try Self.render(many)
        let start = try #require(files["index.html"])
        #expect(!start.contains("<table"))
        #expect(start.contains("51 Kommunen: zu viele für eine Tabelle auf dieser Seite."))
        #expect(files["daten/uebersicht-kommunen.csv"] == nil)
        let land = try #require(files["laender/nordrhein-westfalen.html"])
        for dataset in many { #expect(land.contains("href=\"../kommunen/\(dataset.slug.rawValue).html\"")) }
        // With 50 the table stays.
        #expect(try Self.render(Array(many.prefix(50)))["index.html"]?.contains("<table") == true)
    }
}
