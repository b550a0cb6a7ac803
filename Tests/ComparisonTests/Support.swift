import Domain
import Presentation
@testable import Comparison

/// Small hand-made datasets for the metric tests: every figure here is one a test computes by hand.
func date(_ text: String) -> PartialDate { PartialDate(text)! }

func source(_ id: String, _ when: String) -> Source {
    Source(id: id, title: "Bericht \(id)", type: .bericht, reference: .unknown, date: date(when), body: .known("Ausschuss"))
}

func status(_ word: String, maturity: Int? = nil, online: Bool?, inScope: Bool?, project: ProjectState? = nil,
            model: MaturityModel = .v1) -> StatusMappingEntry {
    StatusMappingEntry(status: word, maturity: maturity.map { .known($0) } ?? .unknown, maturityModel: model,
                       online: online.map { .known($0) } ?? .unknown, inScope: inScope.map { .known($0) } ?? .unknown,
                       projectState: project, sourceID: "s1")
}

func tally(_ snapshot: String, _ unit: CountingUnit, _ role: TallyRole, _ word: String, _ count: Int?,
           _ qualifier: Qualifier = .exact, source: String = "s1") -> Tally {
    Tally(snapshot: date(snapshot), unit: unit, role: role, status: word, count: count.map { .known($0) } ?? .unknown,
          qualifier: qualifier, sourceID: source)
}

func service(_ name: String, ozg: Int?, unit: CountingUnit = .ozgLeistung, unknownID: Bool = false,
             status: String = "umgesetzt", snapshot: String = "2025-05-23") -> ServiceRecord {
    let id: Reported<OzgID?> = unknownID ? .unknown : .known(ozg.map(OzgID.init))
    return ServiceRecord(snapshot: date(snapshot), name: name, unit: unit, ozgID: id, match: ozg == nil ? .none : .exact,
                         status: status, sourceID: "s1")
}

func indicator(_ id: String, _ value: Double?, _ snapshot: String, unit: IndicatorUnit = .count, period: String? = nil,
               qualifier: Qualifier = .exact, subject: String = "", source: String = "s1") -> Indicator {
    Indicator(indicator: id, value: value.map { .known(.number($0)) } ?? .unknown, unit: unit, snapshot: date(snapshot),
              period: period.map(date), qualifier: qualifier, subject: subject, sourceID: source)
}

func project(_ id: String, scope: ProjectScope = .ozg, start: String? = nil, goLive: String? = nil, kind: GoLiveKind = .unknown,
             status: String, statusDate: String, channel: Channel = .unknown, reuse: String? = nil, source: String = "s1") -> Project {
    Project(projectID: id, name: id.capitalized, scope: scope, ozgID: .unknown, start: start.map { .known(date($0)) } ?? .unknown,
            goLive: goLive.map { .known(date($0)) } ?? .unknown, goLiveKind: kind, status: status, statusDate: date(statusDate),
            channel: channel, reuseAvailable: reuse.map(date), sourceID: source)
}

func municipality(_ slug: String, _ name: String, _ kind: MunicipalityKind) -> Municipality {
    Municipality(slug: Slug(slug)!, name: name, kind: kind, land: "Nordrhein-Westfalen", ags: .unknown, ars: .unknown)
}

/// A district counting LeiKa entries, in the shape of the StädteRegion Aachen report: 2023 and 2024 clusters.
func districtDataset(slug: String = "kreis-a", name: String = "Kreis A") -> Dataset {
    let words = [
        status("Analog", online: false, inScope: true),
        status("Kein Optimierungspotenzial", online: nil, inScope: nil),
        status("PDF", online: false, inScope: true),
        status("Digital", online: true, inScope: true),
        status("Projekt in Umsetzung", online: false, inScope: true),
        status("nachgenutzt", online: true, inScope: true, project: .live),
        status("gestartet", online: true, inScope: true, project: .live),
    ]
    var tallies: [Tally] = []
    for (snapshot, counts) in [("2023", [125, 180, 218, 258, 54, 835]), ("2024-05-28", [126, 199, 428, 283, 151, 1187])] {
        for (word, count) in zip(["Analog", "Kein Optimierungspotenzial", "PDF", "Digital", "Projekt in Umsetzung"], counts) {
            tallies.append(tally(snapshot, .leikaLeistung, .part, word, count))
        }
        tallies.append(tally(snapshot, .leikaLeistung, .total, "Alle Dienstleistungen", counts[5]))
    }
    return Dataset(
        municipality: municipality(slug, name, .staedteregion), sources: [source("s1", "2024-05-28")],
        statusMapping: StatusMapping(words), tallies: tallies,
        projects: [
            project("einbuergerung", status: "nachgenutzt", statusDate: "2024-05-28", channel: .efa),
            project("foerderung", start: "2023-12", goLive: "2024-04", kind: .actual, status: "gestartet", statusDate: "2024-05-28", channel: .own),
        ],
        indicators: [
            indicator("efa_services_available", 19, "2024-05-28"),
            indicator("efa_services_relevant", 3, "2024-05-28"),
            indicator("efa_services_adopted", 1, "2024-05-28", qualifier: .atLeast),
            indicator("it_projects_planned", 197, "2024-05-28", period: "2024"),
        ])
}

/// A city counting OZG-Leistungen, in the shape of the Stadt Leverkusen reports: a list of online services with
/// IDs (one local, one unmatched, two under the same bundle), a total, an uncounted status.
func cityDataset(slug: String = "stadt-b", name: String = "Stadt B") -> Dataset {
    let words = [
        status("umgesetzt", online: true, inScope: true, project: .live),
        status("in Umsetzung", online: false, inScope: true, project: .inProgress),
        status("in Vorbereitung", online: false, inScope: true, project: .planned),
    ]
    return Dataset(
        municipality: municipality(slug, name, .kreisfreieStadt),
        sources: [source("s0", "2021-11-29"), source("s1", "2025-05-28"), source("s2", "2025-12-15")],
        statusMapping: StatusMapping(words),
        services: [
            service("Wohngeld", ozg: 10092), service("Bewohnerparkausweis", ozg: 10173),
            service("Parkerleichterungen", ozg: 10173), service("KaVKA", ozg: nil, unit: .local),
            service("Bildungszugang", ozg: nil, unknownID: true),
        ],
        tallies: [
            tally("2021-11-29", .ozgLeistung, .total, "zugeordnet", 180, .approx, source: "s0"),
            tally("2025-05-23", .ozgLeistung, .part, "umgesetzt", 5),
            tally("2025-05-23", .ozgLeistung, .part, "in Umsetzung", 12),
            tally("2025-05-23", .ozgLeistung, .part, "in Vorbereitung", nil),
            tally("2025-05-23", .ozgLeistung, .total, "in Zuständigkeit", 190, .approx),
            tally("2025-12-15", .ozgLeistung, .total, "in Zuständigkeit", 189, source: "s2"),
        ],
        projects: [
            project("fuehrerschein", start: "2025-02", goLive: "2025", kind: .planned, status: "in Umsetzung",
                    statusDate: "2025-05-28", channel: .efa),
            project("fuehrerschein", status: "in Umsetzung", statusDate: "2025-12-15", source: "s2"),
            project("ikfz", goLive: "2025-12", kind: .actual, status: "umgesetzt", statusDate: "2025-12-15", source: "s2"),
            project("pflegewohngeld", status: "in Vorbereitung", statusDate: "2025-12-15", channel: .efa, reuse: "2025-06", source: "s2"),
            project("dms", scope: .itGeneral, goLive: "2026", kind: .planned, status: "in Vorbereitung", statusDate: "2025-12-15", source: "s2"),
        ])
}

/// The reference bundles the city names: Wohngeld 9 LeiKa entries (0 municipal), Parkausweise 13 (0 municipal).
let reference = ReferenceCatalogue(services: [
    OzgService(id: OzgID(10092), name: "Wohngeld", themenfeld: "Arbeit & Ruhestand", leikaCount: 9, leikaCountMunicipal: 0),
    OzgService(id: OzgID(10173), name: "Parkausweise und Zufahrtsberechtigungen", themenfeld: "Mobilität & Reisen", leikaCount: 13,
               leikaCountMunicipal: 0),
])

func side(_ dataset: Dataset, asOf: PartialDate? = nil, catalogue: ReferenceCatalogue = reference) -> Side {
    Side(dataset: dataset, asOf: asOf, reference: catalogue)
}

extension ComparabilityNote {
    /// The note's sentence as every renderer shows it.
    var german: String { NoteText.german(self) }
}
