@testable import Comparison
import Domain
@testable import Presentation

/// Small datasets and a hand-made comparison in the shape of the bundled Leverkusen and Aachen data, so the site
/// tests need neither the files in Datasets/ nor the comparison code.
enum SiteFixtures {
    static let leverkusenSlug = Slug("leverkusen")!
    static let aachenSlug = Slug("aachen")!

    static func date(_ text: String) -> PartialDate { PartialDate(text)! }

    static let leverkusenSources = [
        Source(id: "lev-2021-11-bericht", title: "Sachstand Digitalisierung bei der Stadt Leverkusen", type: .bericht,
               reference: .unknown, date: date("2021-11-29"), body: .known("Finanz- und Digitalisierungsausschuss")),
        Source(id: "lev-2025-05-stellungnahme", title: "Anträge vom 10.04.2025 bis 15.05.2025 – Stellungnahme der Verwaltung",
               type: .stellungnahme, reference: .known("2025/3290, 2025/3291"), date: date("2025-05-28"),
               body: .known("Finanz- und Digitalisierungsausschuss"), location: "seeds/000.txt"),
    ]

    static let leverkusen = Dataset(
        municipality: Municipality(slug: leverkusenSlug, name: "Stadt Leverkusen", kind: .kreisfreieStadt,
                                   land: "Nordrhein-Westfalen", ags: .known("05316000"), ars: .known("053160000000")),
        sources: leverkusenSources,
        statusMapping: StatusMapping([
            StatusMappingEntry(status: "umgesetzt", maturity: .unknown, online: .known(true), inScope: .known(true),
                               projectState: .live, sourceID: "lev-2025-05-stellungnahme"),
            StatusMappingEntry(status: "in Umsetzung", maturity: .unknown, online: .known(false), inScope: .known(true),
                               projectState: .inProgress, sourceID: "lev-2025-05-stellungnahme"),
        ]),
        services: [
            ServiceRecord(snapshot: date("2025-05-23"), name: "Wohngeld", unit: .ozgLeistung, ozgID: .known(OzgID(10092)),
                          match: .exact, status: "umgesetzt", responsible: "FB 50", sourceID: "lev-2025-05-stellungnahme"),
            ServiceRecord(snapshot: date("2025-05-23"), name: "Brauchtfürfeuer", nameCorrected: "Brauchtumsfeuer",
                          unit: .ozgLeistung, ozgID: .unknown, match: .none, status: "umgesetzt",
                          sourceID: "lev-2025-05-stellungnahme"),
            ServiceRecord(snapshot: date("2025-05-23"), name: "Mängel melden", unit: .local, ozgID: .known(nil),
                          match: .none, status: "umgesetzt", sourceID: "lev-2025-05-stellungnahme"),
        ],
        tallies: [
            Tally(snapshot: date("2021-11-29"), unit: .ozgLeistung, role: .total, status: "OZG-Leistungen zugeordnet",
                  count: .known(180), qualifier: .approx, sourceID: "lev-2021-11-bericht"),
            Tally(snapshot: date("2025-05-23"), unit: .ozgLeistung, role: .part, status: "umgesetzt", count: .known(41),
                  sourceID: "lev-2025-05-stellungnahme"),
            Tally(snapshot: date("2025-05-23"), unit: .ozgLeistung, role: .part, status: "in Umsetzung", count: .unknown,
                  sourceID: "lev-2025-05-stellungnahme"),
            Tally(snapshot: date("2025-05-23"), unit: .ozgLeistung, role: .total,
                  status: "OZG-Leistungen in Zuständigkeit der Stadt Leverkusen", count: .known(190), qualifier: .approx,
                  sourceID: "lev-2025-05-stellungnahme"),
        ],
        projects: [
            Project(projectID: "ikfz", name: "i-Kfz", scope: .ozg, ozgID: .known(OzgID(10439)), start: .unknown,
                    goLive: .known(date("2025-12")), goLiveKind: .planned, status: "in Umsetzung",
                    statusDate: date("2025-05-28"), channel: .efa, motion: "2025/3290", sourceID: "lev-2025-05-stellungnahme"),
        ],
        indicators: [
            Indicator(indicator: "ozg_services_responsible", value: .known(.number(180)), unit: .count,
                      snapshot: date("2021-11-29"), qualifier: .approx, sourceID: "lev-2021-11-bericht"),
            Indicator(indicator: "ozg_services_responsible", value: .known(.number(190)), unit: .count,
                      snapshot: date("2025-05-23"), qualifier: .approx, sourceID: "lev-2025-05-stellungnahme"),
            Indicator(indicator: "feedback_ease_of_use", value: .known(.number(1.9)), unit: .starsOf5,
                      snapshot: date("2025-05-28"), period: date("2025"), sourceID: "lev-2025-05-stellungnahme"),
            Indicator(indicator: "workplaces_total", value: .known(.number(1900)), unit: .count,
                      snapshot: date("2021-11-29"), qualifier: .approx, sourceID: "lev-2021-11-bericht"),
        ])

    static let aachenSource = Source(
        id: "aac-2024-05-mitteilungsvorlage", title: "Digitalisierung der Verwaltung der StädteRegion Aachen, jährlicher Sachstandsbericht",
        type: .mitteilungsvorlage, reference: .unknown, date: date("2024-05-28"),
        body: .known("Ausschuss für Personal, Informationstechnik und Beteiligungen"))

    static let aachen = Dataset(
        municipality: Municipality(slug: aachenSlug, name: "StädteRegion Aachen", kind: .staedteregion,
                                   land: "Nordrhein-Westfalen", ags: .known("05334"), ars: .known("05334")),
        sources: [aachenSource],
        statusMapping: StatusMapping([
            StatusMappingEntry(status: "Digital", maturity: .unknown, online: .known(true), inScope: .known(true),
                               sourceID: aachenSource.id),
            StatusMappingEntry(status: "PDF", maturity: .unknown, online: .known(false), inScope: .known(true),
                               sourceID: aachenSource.id),
        ]),
        tallies: [
            Tally(snapshot: date("2023"), unit: .leikaLeistung, role: .part, status: "Digital", count: .known(258), sourceID: aachenSource.id),
            Tally(snapshot: date("2023"), unit: .leikaLeistung, role: .part, status: "PDF", count: .known(218), sourceID: aachenSource.id),
            Tally(snapshot: date("2023"), unit: .leikaLeistung, role: .total, status: "Alle Dienstleistungen", count: .known(835), sourceID: aachenSource.id),
            Tally(snapshot: date("2024-05-28"), unit: .leikaLeistung, role: .part, status: "Digital", count: .known(283), sourceID: aachenSource.id),
            Tally(snapshot: date("2024-05-28"), unit: .leikaLeistung, role: .part, status: "PDF", count: .known(428), sourceID: aachenSource.id),
            Tally(snapshot: date("2024-05-28"), unit: .leikaLeistung, role: .total, status: "Alle Dienstleistungen", count: .known(1187), sourceID: aachenSource.id),
        ],
        indicators: [
            Indicator(indicator: "efa_services_available", value: .known(.number(19)), unit: .count,
                      snapshot: date("2024-05-28"), sourceID: aachenSource.id),
            Indicator(indicator: "efa_services_relevant", value: .known(.number(3)), unit: .count,
                      snapshot: date("2024-05-28"), sourceID: aachenSource.id),
            Indicator(indicator: "it_projects_planned", value: .known(.number(197)), unit: .count,
                      snapshot: date("2024-05-28"), period: date("2024"), sourceID: aachenSource.id),
        ])

    static let leverkusenReference = SourceReference(slug: leverkusenSlug, source: leverkusenSources[1])
    static let aachenReference = SourceReference(slug: aachenSlug, source: aachenSource)

    /// A comparison with every kind of figure the site draws: shares, bounds, counts, unknown, not applicable,
    /// a section with caveats and one that is not comparable.
    static let report = ComparisonReport(
        participants: [
            Participant(slug: leverkusenSlug, name: "Stadt Leverkusen", kind: .kreisfreieStadt, snapshot: date("2025-05-23")),
            Participant(slug: aachenSlug, name: "StädteRegion Aachen", kind: .staedteregion, snapshot: date("2024-05-28")),
        ],
        sections: [
            MetricSection(
                id: .servicesOnline, title: "Leistungen online",
                definition: "Leistungen, die sich online beantragen lassen, im Verhältnis zu allen Leistungen in Zuständigkeit.",
                comparability: .withCaveats,
                rows: [
                    MetricRow(label: "Online, in der eigenen Zähleinheit", cells: [
                        Figure(value: .share(numerator: 41, denominator: 190, .approx), asOf: date("2025-05-23"),
                               sources: [leverkusenReference], remark: "OZG-Leistungen"),
                        Figure(value: .share(numerator: 283, denominator: 1187, .exact), asOf: date("2024-05-28"),
                               sources: [aachenReference], remark: "LeiKa-Leistungen"),
                    ], key: "online-share"),
                    MetricRow(label: "Online, in LeiKa-Leistungen", cells: [
                        Figure(value: .interval(low: 41, high: 245, unit: "LeiKa-Leistungen"), asOf: date("2025-05-23"),
                               sources: [leverkusenReference], remark: "Grenzen aus dem Katalog"),
                        Figure(value: .count(283, .exact), asOf: date("2024-05-28"), sources: [aachenReference]),
                    ], key: "online-leika", note: "Leverkusen zählt OZG-Leistungen; die Grenzen folgen aus dem Katalog."),
                ],
                notes: [
                    ComparabilityNote(NoteSubject(.servicesOnline), .countingUnits([Named("Leverkusen", .ozgLeistung), Named("Aachen", .leikaLeistung)])),
                    ComparabilityNote(NoteSubject(.servicesOnline), .snapshotGap(
                        [Named("Leverkusen", date("2025-05-23")), Named("Aachen", date("2024-05-28"))],
                        days: PartialDate.daysBetween(date("2024-05-28"), date("2025-05-23")))),
                ]),
            MetricSection(
                id: .efaUptake, title: "EfA-Nachnutzung",
                definition: "EfA-Dienste, die die Kommune nachnutzt, und wie viele für sie verfügbar und relevant sind.",
                comparability: .comparable,
                rows: [
                    MetricRow(label: "EfA-Dienste verfügbar", cells: [
                        Figure(value: .unknown(reason: "die Quelle nennt keine Zahl")),
                        Figure(value: .count(19, .exact), asOf: date("2024-05-28"), sources: [aachenReference]),
                    ]),
                    MetricRow(label: "für die Kommune relevant", cells: [
                        Figure(value: .notApplicable(reason: "keine Angabe zur Relevanz")),
                        Figure(value: .count(3, .exact), asOf: date("2024-05-28"), sources: [aachenReference]),
                    ]),
                ],
                notes: [ComparabilityNote(NoteSubject(.efaUptake, municipality: NotedMunicipality(slug: leverkusenSlug, name: "Leverkusen")),
                                          .efaCountsMissing([.available]))]),
            MetricSection(
                id: .projectsPerYear, title: "Projekte pro Jahr",
                definition: "Projekte, die in einem Jahr live gehen oder geplant sind.",
                comparability: .notComparable(reason: "Aachen zählt alle IT-Projekte, Leverkusen nur OZG-Projekte."),
                rows: [
                    MetricRow(label: "Projekte", cells: [
                        Figure(value: .count(12, .exact), asOf: date("2025-05-23"), sources: [leverkusenReference]),
                        Figure(value: .count(197, .exact), asOf: date("2024-05-28"), sources: [aachenReference]),
                    ]),
                ],
                notes: [ComparabilityNote(NoteSubject(.projectsPerYear), .projectScopes([
                    ProjectReport(name: "Leverkusen", totals: [], named: [ScopeCount(scope: .ozg, count: 12), ScopeCount(scope: .itGeneral, count: 0)]),
                    ProjectReport(name: "Aachen", totals: [ReportedTotal(indicator: "it_projects_total", period: date("2024"),
                                                                         value: .count(197, .exact))],
                                  named: [ScopeCount(scope: .ozg, count: 3), ScopeCount(scope: .itGeneral, count: 0)]),
                ]))]),
        ])

    static let content = SiteContent(datasets: [leverkusen, aachen], comparisons: [report],
                                     reference: ReferenceCatalogue(services: [OzgService(id: OzgID(10092), name: "Wohngeld", themenfeld: "Familie & Kind")]))

    static let options = SiteOptions(contact: "Fachbereich Digitalisierung, digital@example.org")
}
