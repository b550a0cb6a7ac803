import Domain
import Testing
@testable import Comparison

@Suite("EfA uptake and projects per year")
struct EfaAndProjectsTests {
    func row(_ section: MetricSection, _ key: String) -> MetricRow { section.rows.first { $0.key == key }! }

    @Test("EfA: indicators give available, relevant, adopted; uptake share is at least 1 of 3")
    func efaFromIndicators() {
        let section = EfaUptakeSection.build([side(cityDataset()), side(districtDataset())])
        #expect(row(section, "efa-available").cells.map(\.value) == [.unknown(reason: "nicht gemeldet"), .count(19, .exact)])
        #expect(row(section, "efa-relevant").cells[1].value == .count(3, .exact))
        #expect(row(section, "efa-adopted").cells[1].value == .count(1, .atLeast))
        #expect(row(section, "efa-uptake-share").cells[1].value == .share(numerator: 1, denominator: 3, .atLeast))
        #expect(row(section, "efa-uptake-share").cells[0].value == .unknown(reason: "Zahl relevanter Dienste fehlt"))
        #expect(section.notes.contains { $0.kind == .differentLevels && $0.german.contains("Kreis A nennt 3 von 19 verfügbaren Diensten als für sich relevant") })
    }

    @Test("EfA: a channel named in an earlier report stays when a later one is silent; none live is unknown, not zero")
    func efaFromProjects() {
        let section = EfaUptakeSection.build([side(cityDataset()), side(districtDataset())])
        // fuehrerschein: efa in May, channel unknown in December: still efa, in progress.
        #expect(row(section, "efa-in-progress").cells[0].value == .count(1, .atLeast))
        #expect(row(section, "efa-planned").cells[0].value == .count(1, .atLeast))
        #expect(row(section, "efa-adopted").cells[0].value == .unknown(reason: "nicht gemeldet; keine EfA-Nachnutzung als live genannt"))
        let waiting = row(section, "efa-waiting").cells[0]
        #expect(waiting.value == .count(1, .atLeast))
        #expect(waiting.remark == "Pflegewohngeld: nachnutzbar seit Juni 2025, Stand 15.12.2025 (ca. 6 Monate)")
    }

    @Test("EfA: time from availability to go-live, as a span where dates are months")
    func timeToLive() {
        var dataset = cityDataset()
        dataset.projects.append(project("wohngeld", goLive: "2025-03", kind: .actual, status: "umgesetzt", statusDate: "2025-05-28",
                                        channel: .efa, reuse: "2024-09"))
        let figure = EfaUptakeSection.timeToLive(side(dataset), EfaUptakeSection.Uptake(side(dataset)))
        // 2024-09 to 2025-03: between 152 days (30.09. to 01.03.) and 211 days (01.09. to 31.03.).
        #expect(figure.value == .interval(low: 5.0, high: 6.9, unit: "Monate"))
    }

    @Test("Projects: events per year from partial dates; years after a report do not apply; undated ones are counted apart")
    func projectsPerYear() {
        let section = ProjectsPerYearSection.build([side(cityDataset()), side(districtDataset())])
        #expect(row(section, "projects-ozg-started-2025").cells[0].value == .count(1, .atLeast))
        #expect(row(section, "projects-ozg-live-2025").cells.map(\.value) == [
            .count(1, .atLeast), .notApplicable(reason: "Stand 28.05.2024 liegt vor 2025"),
        ])
        #expect(row(section, "projects-ozg-live-2024").cells[1].value == .count(1, .atLeast))
        #expect(row(section, "projects-ozg-live-2024").cells[1].remark == "nur bis 28.05.2024; Foerderung")
        // Planned go-live of a future year applies to every side; the district plans none.
        #expect(row(section, "projects-it-general-planned-2026").cells.map(\.value) == [.count(1, .atLeast), .count(0, .atLeast)])
        #expect(row(section, "it_projects_planned-2024").cells.map(\.value) == [
            .unknown(reason: "keine Gesamtzahl gemeldet"), .count(197, .exact),
        ])
        #expect(row(section, "projects-ozg-undated").cells.map(\.value) == [.count(1, .exact), .count(1, .exact)])
        #expect(row(section, "projects-ozg-channel-efa").cells.map(\.value) == [.count(2, .atLeast), .count(1, .atLeast)])
    }

    @Test("A metric nobody reports cannot be compared: the section says why and prints no number")
    func notComparable() {
        var bare = cityDataset(slug: "stadt-c", name: "Stadt C")
        bare.projects = []
        var other = districtDataset()
        other.projects = []
        other.indicators = []
        let section = ProjectsPerYearSection.build([side(bare), side(other)])
        #expect(section.rows.isEmpty)
        #expect(section.comparability == .notComparable(reason: "Nicht vergleichbar: Stadt C und Kreis A melden keine Projekte."))
    }
}
