import Domain
import Testing
@testable import Comparison

@Suite("Building reports: participants, --as-of, errors, peers, gaps")
struct ReportTests {
    @Test("Fewer than two municipalities, or one twice, is an error with a message that says what to do")
    func tooFew() {
        #expect(throws: ComparisonError.tooFewParticipants(1)) {
            try ComparisonReport(comparing: [cityDataset()], reference: reference)
        }
        #expect(throws: ComparisonError.duplicateParticipant("stadt-b")) {
            try ComparisonReport(comparing: [cityDataset(), cityDataset()], reference: reference)
        }
        #expect(ComparisonError.tooFewParticipants(1).description.contains("--peers"))
    }

    @Test("--as-of before any snapshot names the municipality and its earliest snapshot")
    func asOfTooEarly() {
        #expect(throws: ComparisonError.noSnapshotBefore(slug: "kreis-a", date: date("2022"), earliest: date("2023"))) {
            try ComparisonReport(comparing: [cityDataset(), districtDataset()], reference: reference, asOf: date("2022"))
        }
    }

    @Test("--as-of keeps only snapshots certainly on or before the date")
    func asOfCut() throws {
        #expect(date("2025-06").isOnOrBefore(date("2025-06-30")))
        #expect(!date("2025-06").isOnOrBefore(date("2025-06-15")))
        #expect(date("2025-05-23").isOnOrBefore(date("2025")))
        let report = try ComparisonReport(comparing: [cityDataset(), districtDataset()], reference: reference, asOf: date("2023-12"))
        #expect(report.participants.map(\.snapshot) == [date("2021-11-29"), date("2023")])
        let services = report.sections.first { $0.id == .servicesOnline }!
        // The city has only a total before 2024, no count online: the metric cannot be compared and prints no figure.
        #expect(services.rows.isEmpty)
    }

    @Test("--metric selects sections in the fixed order")
    func metricSelection() throws {
        let report = try ComparisonReport(comparing: [cityDataset(), districtDataset()], reference: reference,
                                          metrics: [.trends, .servicesOnline])
        #expect(report.sections.map(\.id) == [.servicesOnline, .trends])
    }

    @Test("Footnotes number sources in order of first use")
    func footnotes() throws {
        let report = try ComparisonReport(comparing: [cityDataset(), districtDataset()], reference: reference, metrics: [.servicesOnline])
        #expect(report.sources.map { "\($0.slug)/\($0.sourceID)" } == ["stadt-b/s1", "kreis-a/s1"])
        #expect(report.footnote(of: report.sources[0]) == 1)
    }

    @Test("Quartiles interpolate linearly between neighbours")
    func quantiles() {
        #expect(PeerStatistics.quantile([4, 1, 3, 2], 0.25) == 1.75)
        #expect(PeerStatistics.quantile([4, 1, 3, 2], 0.5) == 2.5)
        #expect(PeerStatistics.quantile([4, 1, 3, 2], 0.75) == 3.25)
        #expect(PeerStatistics.quantile([7], 0.25) == 7)
    }

    @Test("The peer view summarises the others of the same kind; units must match for own-unit rows")
    func peers() throws {
        var peers: [Dataset] = []
        // Five peers: quartiles need at least 5 values (fewer are shown with their names, see PresentationTests).
        for (index, digital) in [200, 300, 400, 500, 600].enumerated() {
            var peer = districtDataset(slug: "kreis-\(index)", name: "Kreis \(index)")
            peer.tallies = peer.tallies.filter { $0.snapshot == date("2024-05-28") }.map { tally in
                var tally = tally
                if tally.status == "Digital" { tally.count = .known(digital) }
                if tally.role == .total { tally.count = .known(1187 - 283 + digital) }
                return tally
            }
            peers.append(peer)
        }
        let subject = districtDataset()
        let report = try ComparisonReport(peerViewOf: subject.slug, among: [cityDataset()] + peers + [subject], reference: reference)
        #expect(report.peerGroup?.members.map(\.slug.rawValue) == ["kreis-0", "kreis-1", "kreis-2", "kreis-3", "kreis-4"])
        #expect(report.columns.map(\.title) == ["Kreis A", "unteres Quartil", "Median", "oberes Quartil"])
        let online = report.sections[0].rows.first { $0.key == "online-count" }!
        // 200, 300, 400, 500, 600: positions 1, 2 and 3 of the sorted values.
        #expect(online.cells.map(\.value) == [.count(283, .exact), .number(300, unit: "count", .exact), .number(400, unit: "count", .exact),
                                              .number(500, unit: "count", .exact)])
        #expect(online.cells[2].remark == "aus 5 von 5 Vergleichskommunen")

        #expect(throws: ComparisonError.noPeers(slug: "stadt-b", kind: .kreisfreieStadt)) {
            try ComparisonReport(peerViewOf: Slug("stadt-b")!, among: [cityDataset(), subject], reference: reference)
        }
    }

    @Test("Gaps: each side is asked for what the other reports and what its own data leaves unknown")
    func gaps() throws {
        var cityWithPortal = cityDataset()
        cityWithPortal.indicators += [
            indicator("portal_clicks", 18925, "2025-12-15", unit: .clicksPerYear, subject: "Wunschkennzeichen", source: "s2"),
            indicator("portal_clicks", 14050, "2025-12-15", unit: .clicksPerYear, subject: "Wohngeld", source: "s2"),
            indicator("staff_fluctuation_rate", 0.42, "2016", unit: .percent, source: "s0"),
        ]
        let gaps = try GapsChecklist(comparing: [cityWithPortal, districtDataset()], reference: reference)
        let city = gaps.items(for: Slug("stadt-b")!)
        let district = gaps.items(for: Slug("kreis-a")!)
        #expect(city.contains { $0.location == "indicators.csv: efa_services_available" && $0.reason.contains("Kreis A: 19 (28.05.2024)") })
        #expect(city.contains { $0.location == "indicators.csv: it_projects_planned, period 2024" })
        #expect(city.contains { $0.location == "tallies.csv, unit leika-leistung" })
        #expect(city.contains { $0.figure.hasPrefix("Reifegrad der 5 online gemeldeten OZG-Leistungen") })
        #expect(city.contains { $0.figure == "Zahl der OZG-Leistungen „in Vorbereitung“ zum Stand 23.05.2025" })
        #expect(city.contains { $0.figure == "OZG-ID der online gemeldeten Leistungen ohne Zuordnung: „Bildungszugang“" })
        #expect(city.contains { $0.figure == "Zahl der online beantragbaren OZG-Leistungen zum Stand 15.12.2025" })
        #expect(district.contains { $0.location == "status_mapping.csv: in_scope und online von „Kein Optimierungspotenzial“" })
        #expect(district.contains { $0.figure.hasPrefix("genaue Zahl der nachgenutzten EfA-Dienste (bisher mind. 1)") })
        #expect(district.contains { $0.location.hasPrefix("tallies.csv, unit ozg-leistung") })
        #expect(district.contains { $0.figure.hasPrefix("Zahlen online und Bestand zu einem Stand nahe 23.05.2025") })
        // Local subjects (pages of the city's portal) are asked for once, with an example; undocumented indicators not at all.
        let portal = district.filter { $0.metric == .otherIndicators }
        #expect(portal.map(\.figure) == ["Kennzahl „Portal: Klicks pro Jahr“ je Gegenstand"])
        #expect(portal.first?.reason == "Stadt B meldet sie für 2 Gegenstände, z. B. „Wohngeld“: 14.050\u{a0}Klicks pro Jahr (15.12.2025).")
        #expect(gaps.items.map(\.slug.rawValue).firstIndex(of: "kreis-a")! > gaps.items.map(\.slug.rawValue).lastIndex(of: "stadt-b")!)
    }
}
