@testable import Comparison
import Domain

/// Hand-built reports for the renderer snapshots: every kind of figure value, a row note, a section that cannot be
/// compared, sources with day and year precision. Built by hand so that these tests check rendering only.
enum ReportRenderingFixtures {
    static let city = Participant(slug: Slug("stadt-b")!, name: "Stadt B", kind: .kreisfreieStadt, snapshot: PartialDate("2025-12-15"))
    static let district = Participant(slug: Slug("kreis-a")!, name: "Kreis A", kind: .kreis, snapshot: PartialDate("2024-05-28"))

    static let cityReport = SourceReference(slug: city.slug, source: Source(
        id: "b-2025", title: "Stellungnahme der Verwaltung | Anträge 2025/1, 2025/2", type: .stellungnahme,
        reference: .known("2025/1, 2025/2"), date: PartialDate("2025-05-28")!, body: .known("Rat")))
    static let cityOld = SourceReference(slug: city.slug, source: Source(
        id: "b-2016", title: "Personal und E-Government", type: .stellungnahme, reference: .unknown,
        date: PartialDate("2016")!, body: .unknown))
    static let districtReport = SourceReference(slug: district.slug, source: Source(
        id: "a-2024", title: "Jährlicher Sachstandsbericht", type: .mitteilungsvorlage, reference: .unknown,
        date: PartialDate("2024-05-28")!, body: .known("Ausschuss für Personal, Informationstechnik und Beteiligungen")))

    static func day(_ text: String) -> PartialDate { PartialDate(text)! }

    static let report = ComparisonReport(
        participants: [city, district],
        sections: [
            MetricSection(
                id: .servicesOnline, title: "Leistungen online", definition: "Wie viele Leistungen online beantragt werden können.",
                comparability: .withCaveats,
                rows: [
                    MetricRow(label: "Leistungen insgesamt", cells: [
                        Figure(value: .count(190, .approx), asOf: day("2025-05-23"), sources: [cityReport], remark: "OZG-Leistungen"),
                        Figure(value: .count(1187, .exact), asOf: day("2024-05-28"), sources: [districtReport], remark: "LeiKa-Leistungen"),
                    ], key: "total"),
                    MetricRow(label: "Anteil online laut Kommune", cells: [
                        Figure(value: .share(numerator: 41, denominator: 190, .approx), asOf: day("2025-05-23"), sources: [cityReport]),
                        Figure(value: .interval(low: 23.8416, high: 28.6437, unit: "percent"), asOf: day("2024-05-28"),
                               sources: [districtReport], remark: "283 von 1.187 bis 283 von 988"),
                    ], key: "online-share", note: "Anteile in verschiedenen Zähleinheiten: nicht direkt vergleichbar"),
                    MetricRow(label: "OZG-konform (Reifegrad ≥ 3)", cells: [
                        Figure(value: .unknown(reason: "Reifegrad der 41 online gemeldeten OZG-Leistungen nicht bekannt"), asOf: day("2025-05-23")),
                        Figure(value: .notApplicable(reason: "keine Zählung"), asOf: nil),
                    ], key: "maturity-3-share"),
                    MetricRow(label: "Online, gezählt in LeiKa-Leistungen", cells: [
                        Figure(value: .count(34, .atLeast), asOf: day("2025-05-23"), sources: [cityReport],
                               remark: "umgerechnet: keine Obergrenze, 5 Leistungen ohne OZG-ID"),
                        Figure(value: .count(283, .exact), asOf: day("2024-05-28"), sources: [districtReport], remark: "eigene Zählung"),
                    ], key: "online-in-leika-leistung"),
                ],
                notes: [
                    ComparabilityNote(NoteSubject(.servicesOnline),
                                      .countingUnits([Named("Stadt B", .ozgLeistung), Named("Kreis A", .leikaLeistung)])),
                    ComparabilityNote(NoteSubject(.servicesOnline), .snapshotGap(
                        [Named("Stadt B", day("2025-05-23")), Named("Kreis A", day("2024-05-28"))],
                        days: PartialDate.daysBetween(day("2024-05-28"), day("2025-05-23")))),
                    ComparabilityNote(NoteSubject(.servicesOnline, municipality: NotedMunicipality(slug: district.slug, name: district.name)),
                                      .denominatorChanged([InventoryChange(
                                          unit: .leikaLeistung, before: Count(835), beforeDate: day("2023"), after: Count(1187),
                                          afterDate: day("2024-05-28"), online: nil)])),
                ]),
            MetricSection(
                id: .trends, title: "Entwicklung", definition: "Jede Kennzahl über alle Stände.", comparability: .withCaveats,
                rows: [
                    MetricRow(label: "Portal: Position: Veränderung pro Jahr", cells: [
                        Figure(value: .interval(low: -16.5, high: -14, unit: "pro Jahr"), asOf: day("2025-10"), sources: [cityReport, cityOld],
                               remark: "23,9 (Oktober 2024) → 8,8 (Oktober 2025)"),
                        Figure(value: .notApplicable(reason: "nicht gemeldet")),
                    ], key: "trend-portal"),
                    MetricRow(label: "Frist", cells: [
                        Figure(value: .date(day("2022-01")), asOf: day("2016"), sources: [cityOld]),
                        Figure(value: .number(1.9, unit: "stars-of-5", .exact), asOf: day("2024-05-28"), sources: [districtReport]),
                    ], key: "deadline"),
                ],
                notes: [ComparabilityNote(NoteSubject(.trends), .partialDates(["Stadt B"]))]),
            MetricSection(
                id: .otherIndicators, title: "Weitere Kennzahlen", definition: "Kennzahlen, die alle melden.",
                comparability: .notComparable(reason: "Keine weitere Kennzahl wird von allen Kommunen gemeldet."), rows: [], notes: []),
        ])

    /// The peer view: one municipality and three statistics of its peers.
    static let peerReport = ComparisonReport(
        participants: [district],
        sections: [MetricSection(
            id: .servicesOnline, title: "Leistungen online", definition: "Wie viele Leistungen online beantragt werden können.",
            comparability: .withCaveats,
            rows: [MetricRow(label: "Online laut Kommune", cells: [
                Figure(value: .count(283, .exact), asOf: day("2024-05-28"), sources: [districtReport]),
                Figure(value: .number(250, unit: "count", .exact), remark: "aus 3 von 3 Vergleichskommunen"),
                Figure(value: .number(300, unit: "count", .exact), remark: "aus 3 von 3 Vergleichskommunen"),
                Figure(value: .interval(low: 340, high: 360, unit: "count"), remark: "aus 3 von 3 Vergleichskommunen"),
            ], key: "online-count")],
            notes: [])],
        peerGroup: PeerGroup(kind: .kreis, members: [
            Participant(slug: Slug("kreis-c")!, name: "Kreis C", kind: .kreis, snapshot: PartialDate("2024-06")),
            Participant(slug: Slug("kreis-d")!, name: "Kreis D", kind: .kreis, snapshot: PartialDate("2025")),
            Participant(slug: Slug("kreis-e")!, name: "Kreis E", kind: .kreis, snapshot: PartialDate("2023-12-31")),
        ]))

    static let gaps = GapsChecklist(participants: [city, district], items: [
        GapItem(slug: city.slug, metric: .servicesOnline, figure: "Reifegrad der 41 online gemeldeten OZG-Leistungen",
                location: "status_mapping.csv: maturity von „umgesetzt“", reason: "Ohne Reifegrad bleiben die Schwellen unbekannt."),
        GapItem(slug: city.slug, metric: .efaUptake, figure: "Zahl der EfA-Dienste, die zur Nachnutzung verfügbar sind",
                location: "indicators.csv: efa_services_available", reason: "Gemeldet von Kreis A: 19 (28.05.2024)."),
        GapItem(slug: district.slug, metric: .servicesOnline, figure: "Zählen die 199 LeiKa-Leistungen „Kein Optimierungspotenzial“ zum Bestand, und sind sie online?",
                location: "status_mapping.csv: in_scope und online von „Kein Optimierungspotenzial“",
                reason: "Davon hängt der Anteil online ab: 23,8–28,6\u{a0}%, eine Spanne, die sich mit dieser Angabe schließt."),
    ])
}
