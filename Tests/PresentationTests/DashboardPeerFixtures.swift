import Comparison
import Domain

/// Hand-made fixtures of #12: a dataset made from dashboard rows with a small imported catalogue, and peer groups of 4
/// and 6 members. Every figure the tests assert is computed by hand in the comments here.
enum DashboardPeerFixtures {
    static func date(_ text: String) -> PartialDate { PartialDate(text)! }

    /// A 14-digit LeiKa key from a small number.
    static func key(_ number: Int) -> LeikaKey {
        let digits = String(number)
        return LeikaKey("99" + String(repeating: "0", count: 12 - digits.count) + digits)!
    }

    // MARK: - A dataset made from dashboard rows

    /// The catalogue: 12 entries municipalities execute for certain (Typ 4 or 5: keys 1–12), 3 ambiguous ones (`2/3`,
    /// `1, 2/3`, empty: keys 21–23) and 2 that are not municipal (Typ 1 and 2: keys 31, 32).
    static let catalogue = ReferenceCatalogue(leika:
        (1...12).map { LeikaService(key: key($0), name: "Leistung \($0)", typ: $0 % 2 == 0 ? "4" : "5", ozgID: nil) }
        + [LeikaService(key: key(21), name: "Leistung 21", typ: "2/3", ozgID: nil),
           LeikaService(key: key(22), name: "Leistung 22", typ: "1, 2/3", ozgID: nil),
           LeikaService(key: key(23), name: "Leistung 23", typ: "", ozgID: nil),
           LeikaService(key: key(31), name: "Leistung 31", typ: "1", ozgID: nil),
           LeikaService(key: key(32), name: "Leistung 32", typ: "2", ozgID: nil)])

    /// Stadt D, a kreisfreie Stadt, exported from the dashboard with includeAbove and without includeBelow. 12 rows:
    ///
    /// - keys 1–7 `ok` (OZG-IDs 10001 for 1–2, 10002 for 3, 10003 for 4–7); 1 and 2 bundesweit, 3 landesweit
    ///   flächendeckend, 4–7 in mind. einer Kommune verfügbar;
    /// - key 8 `nicht ok`; key 9 `ok` but `aktiv: nein`; key 10 `ok` but `nicht in Auswertung berücksichtigt`;
    /// - key 31 (Typ 1, the Bund's) `ok`, bundesweit flächendeckend, OZG-ID 10004; key 21 (`2/3`) `nicht ok`.
    ///
    /// Counted rows leave out key 9 (inactive) and key 10 (not evaluated): 10 LeiKa-Leistungen with a known online
    /// service (1–8, 21, 31), 8 of them working (1–7, 31): 80,0 % of the known online services work. OZG-Leistungen
    /// with a working service: 10001, 10002, 10003, 10004 = 4. Central: 1, 2, 3, 31 = 4 of 10.
    ///
    /// Share against the catalogue: certain e = 12 (1–12) with f = 7 working (1–7); ambiguous u = 3 (21–23) with g = 0
    /// working; lower bound f / (e + u − g) = 7 / 15 = 46,7 %, upper bound (f + g) / (e + g) = 7 / 12 = 58,3 %; the
    /// denominator lies between 12 and 15. Key 31 works but is not municipal: 1 working service outside.
    static var dashboardCity: Dataset {
        let source = Source(id: "ozg-dashboard-2025-06-30", title: "OZG-Dashboard, Export für Stadt D", type: .dashboardExport,
                            reference: .unknown, date: date("2025-06-30"), body: .unknown, includeAbove: true, includeBelow: false)
        func row(_ number: Int, ok: Bool, ozg: Int?, coverage: DashboardCoverage, active: Bool = true) -> ServiceRecord {
            ServiceRecord(snapshot: date("2025-06-30"), name: "Leistung \(number)", unit: .leikaLeistung,
                          ozgID: ozg.map { .known(OzgID($0)) } ?? .unknown, leikaKey: key(number), match: ozg == nil ? .none : .source,
                          status: ok ? "online: ok" : "online: nicht ok", sourceID: source.id, coverage: coverage, active: active)
        }
        let mapping = [true, false].map { ok in
            StatusMappingEntry(status: ok ? "online: ok" : "online: nicht ok", maturity: .unknown, maturityModel: .v1,
                               online: .known(ok), inScope: .known(true), sourceID: source.id)
        }
        return Dataset(
            municipality: Municipality(slug: Slug("stadt-d")!, name: "Stadt D", kind: .kreisfreieStadt, land: "Nordrhein-Westfalen",
                                       ags: .unknown, ars: .unknown),
            sources: [source], statusMapping: StatusMapping(mapping),
            services: [
                row(1, ok: true, ozg: 10001, coverage: .federal), row(2, ok: true, ozg: 10001, coverage: .federal),
                row(3, ok: true, ozg: 10002, coverage: .land),
                row(4, ok: true, ozg: 10003, coverage: .oneMunicipality), row(5, ok: true, ozg: 10003, coverage: .oneMunicipality),
                row(6, ok: true, ozg: 10003, coverage: .oneMunicipality), row(7, ok: true, ozg: 10003, coverage: .oneMunicipality),
                row(8, ok: false, ozg: 10003, coverage: .oneMunicipality),
                row(9, ok: true, ozg: 10003, coverage: .oneMunicipality, active: false),
                row(10, ok: true, ozg: 10003, coverage: .notEvaluated),
                row(31, ok: true, ozg: 10004, coverage: .federal),
                row(21, ok: false, ozg: nil, coverage: .kreis),
            ])
    }

    /// A city counting OZG-Leistungen in tallies, to compare the dashboard-made dataset with: 41 of 190 online, 19 EfA
    /// services available.
    static var reportCity: Dataset {
        let source = Source(id: "s1", title: "Sachstand", type: .bericht, reference: .unknown, date: date("2025-05-23"),
                            body: .known("Rat"))
        return Dataset(
            municipality: Municipality(slug: Slug("stadt-e")!, name: "Stadt E", kind: .kreisfreieStadt, land: "Nordrhein-Westfalen",
                                       ags: .unknown, ars: .unknown),
            sources: [source],
            statusMapping: StatusMapping([
                StatusMappingEntry(status: "umgesetzt", maturity: .unknown, online: .known(true), inScope: .known(true), sourceID: "s1"),
            ]),
            tallies: [
                Tally(snapshot: date("2025-05-23"), unit: .ozgLeistung, role: .part, status: "umgesetzt", count: .known(41),
                      qualifier: .exact, sourceID: "s1"),
                Tally(snapshot: date("2025-05-23"), unit: .ozgLeistung, role: .total, status: "in Zuständigkeit", count: .known(190),
                      qualifier: .exact, sourceID: "s1"),
            ],
            indicators: [
                Indicator(indicator: "efa_services_available", value: .known(.number(19)), unit: .count, snapshot: date("2025-05-23"),
                          sourceID: "s1"),
            ])
    }

    static func dashboardReport(catalogue: Bool) throws -> ComparisonReport {
        try ComparisonReport(comparing: [dashboardCity, reportCity], reference: catalogue ? Self.catalogue : ReferenceCatalogue())
    }

    // MARK: - Peer groups

    static let destatis = "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis: Gemeinden nach Gemeindegrößenklassen"
    static let sizeClasses = [
        SizeClass(id: "50000-100000", label: "50.000 bis unter 100.000 Einwohner", lower: 50_000, upper: 100_000, source: destatis),
        SizeClass(id: "100000-200000", label: "100.000 bis unter 200.000 Einwohner", lower: 100_000, upper: 200_000, source: destatis),
    ]

    /// A city counting in `unit`, `online` of 100 online at 01.05.2025, with `inhabitants` where known.
    static func city(_ slug: String, _ name: String, online: Int, inhabitants: Int?, kind: MunicipalityKind = .kreisfreieStadt,
                     unit: CountingUnit = .leikaLeistung) -> Dataset {
        let source = Source(id: "s1", title: "Bericht \(name)", type: .bericht, reference: .unknown, date: date("2025-05-01"),
                            body: .unknown)
        return Dataset(
            municipality: Municipality(slug: Slug(slug)!, name: name, kind: kind, land: "Nordrhein-Westfalen", ags: .unknown,
                                       ars: .unknown,
                                       population: inhabitants.map { Population(count: $0, date: date("2023-12-31"), source: destatis) }),
            sources: [source],
            statusMapping: StatusMapping([
                StatusMappingEntry(status: "online", maturity: .unknown, online: .known(true), inScope: .known(true), sourceID: "s1"),
                StatusMappingEntry(status: "offline", maturity: .unknown, online: .known(false), inScope: .known(true), sourceID: "s1"),
            ]),
            tallies: [
                Tally(snapshot: date("2025-05-01"), unit: unit, role: .part, status: "online", count: .known(online), qualifier: .exact,
                      sourceID: "s1"),
                Tally(snapshot: date("2025-05-01"), unit: unit, role: .part, status: "offline", count: .known(100 - online),
                      qualifier: .exact, sourceID: "s1"),
            ])
    }

    /// The subject (40 of 100 = 40 %, 150.000 inhabitants) and four peers of its level and size class (10, 20, 30 and
    /// 50 %), besides authorities no size group of it takes: one of 60.000 inhabitants, one of unknown population (left
    /// out and named), one Kreis, one of unknown kind (left out and named).
    static var fourPeers: [Dataset] {
        [city("stadt-s", "Stadt S", online: 40, inhabitants: 150_000),
         city("stadt-p1", "Stadt P1", online: 10, inhabitants: 110_000), city("stadt-p2", "Stadt P2", online: 20, inhabitants: 120_000),
         city("stadt-p3", "Stadt P3", online: 30, inhabitants: 130_000), city("stadt-p4", "Stadt P4", online: 50, inhabitants: 199_999),
         city("stadt-klein", "Stadt Klein", online: 70, inhabitants: 60_000),
         city("stadt-ohne", "Stadt ohne Zahl", online: 70, inhabitants: nil),
         city("kreis-k", "Kreis K", online: 70, inhabitants: 150_000, kind: .kreis),
         city("amt-x", "Behörde X", online: 70, inhabitants: 150_000, kind: .unknown)]
    }

    /// `fourPeers` and two more peers: P5 (60 %) and P6, which counts OZG-Leistungen (left out of the rows in each one's
    /// own unit, and named in a note). The online share then has 5 known values, 10, 20, 30, 50, 60: lower quartile at
    /// position 0,25 · 4 = 1 → 20, median at 2 → 30, upper quartile at 3 → 50 (all in percent).
    static var sixPeers: [Dataset] {
        fourPeers + [city("stadt-p5", "Stadt P5", online: 60, inhabitants: 100_000),
                     city("stadt-p6", "Stadt P6", online: 5, inhabitants: 140_000, unit: .ozgLeistung)]
    }

    static func peerReport(_ datasets: [Dataset]) throws -> ComparisonReport {
        try ComparisonReport(peerViewOf: Slug("stadt-s")!, among: datasets, reference: ReferenceCatalogue(),
                             metrics: [.servicesOnline], rule: .levelAndSize, sizeClasses: sizeClasses)
    }
}
