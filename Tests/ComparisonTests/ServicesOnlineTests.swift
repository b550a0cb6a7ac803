import Domain
import Testing
@testable import Comparison

@Suite("Services online: counts, shares and thresholds of one census")
struct ServicesOnlineTests {
    func latest(_ dataset: Dataset) -> ServicesOnline { ServicesOnlineSection.current(side(dataset))! }

    @Test("A status of unknown scope makes the share an interval: 283/1187 = 23.8 % to 283/988 = 28.6 %")
    func scopeUnknownGivesBounds() {
        let figures = latest(districtDataset())
        #expect(figures.census.snapshot == date("2024-05-28"))
        #expect(figures.online == Count(283))
        #expect(figures.denominatorAll == Count(1187))
        #expect(figures.denominatorInScope == Count(988))
        guard case .interval(let low, let high, let unit) = figures.share else {
            Issue.record("expected bounds, got \(figures.share)")
            return
        }
        #expect(unit == "percent")
        #expect(abs(low - 23.8416) < 0.001)
        #expect(abs(high - 28.6437) < 0.001)
        #expect(figures.shareRemark == "283 von 1.187 bis 283 von 988")
        // If the 199 of unknown online state were all online: 482 / 1187.
        #expect(abs(figures.shareIfUnknownWereOnline! - 40.6066) < 0.001)
    }

    @Test("An approximate total makes the share approximate; an uncounted status stays unknown, not zero")
    func approximateTotalAndUncountedStatus() {
        let figures = latest(cityDataset())
        #expect(figures.census.snapshot == date("2025-05-23"))
        #expect(figures.share == .share(numerator: 5, denominator: 190, .approx))
        #expect(figures.uncounted.map(\.status) == ["in Vorbereitung"])
        #expect(figures.census.total == Count(190, .approx))
    }

    @Test("Unknown maturity for every status leaves both thresholds unknown, with the count of online services")
    func unknownMaturity() {
        let city = latest(cityDataset())
        let threshold = city.maturity(atLeast: 2)
        #expect(!threshold.anyRated)
        #expect(threshold.unratedOnline == 5)
        let figure = ServicesOnlineSection.threshold(city, level: 2, side: side(cityDataset()))
        #expect(figure.value == .unknown(reason: "Reifegrad der 5 online gemeldeten OZG-Leistungen nicht bekannt"))
    }

    @Test("Known and unknown maturity: level 2 may include offline statuses of unknown maturity, level 3 may not")
    func partlyKnownMaturity() {
        let dataset = Dataset(
            municipality: municipality("m", "M", .kreis), sources: [source("s1", "2025-01-01")],
            statusMapping: StatusMapping([
                status("online voll", maturity: 3, online: true, inScope: true),
                status("online", online: true, inScope: true),
                status("Info", maturity: 1, online: false, inScope: true),
                status("Formular", online: false, inScope: true),
            ]),
            tallies: [
                tally("2025-01-01", .leikaLeistung, .part, "online voll", 10),
                tally("2025-01-01", .leikaLeistung, .part, "online", 5),
                tally("2025-01-01", .leikaLeistung, .part, "Info", 20),
                tally("2025-01-01", .leikaLeistung, .part, "Formular", 4),
            ])
        let figures = latest(dataset)
        // No total row, but the parts cover every status word: their sum, 39, is the total.
        #expect(figures.denominatorAll == Count(39))
        let two = figures.maturity(atLeast: 2)
        #expect(two.low == 10 && two.high == 19)
        let three = figures.maturity(atLeast: 3)
        #expect(three.low == 10 && three.high == 15)
        let figure = ServicesOnlineSection.threshold(figures, level: 3, side: side(dataset))
        #expect(figure.value == .interval(low: percent(10, 39), high: percent(15, 39), unit: "percent"))
    }

    @Test("An online status without a count leaves the online count and share unknown")
    func uncountedOnlineStatus() {
        let dataset = Dataset(
            municipality: municipality("m", "M", .kreis), sources: [source("s1", "2025-01-01")],
            statusMapping: StatusMapping([status("online", online: true, inScope: true)]),
            tallies: [tally("2025-01-01", .ozgLeistung, .part, "online", nil), tally("2025-01-01", .ozgLeistung, .total, "alle", 100)])
        let figures = latest(dataset)
        #expect(figures.online == nil)
        #expect(figures.share == .unknown(reason: "Zahl der online verfügbaren Leistungen fehlt"))
    }

    @Test("A list of services without tallies is counted per status; local services form no census")
    func listedServices() {
        let dataset = Dataset(
            municipality: municipality("m", "M", .kreisfreieStadt), sources: [source("s1", "2025-01-01")],
            statusMapping: StatusMapping([status("umgesetzt", online: true, inScope: true)]),
            services: [service("A", ozg: 10092, snapshot: "2025-01"), service("B", ozg: 10173, snapshot: "2025-01"),
                       service("C", ozg: nil, unit: .local, snapshot: "2025-01")])
        let censuses = ServiceCensus.all(in: dataset)
        #expect(censuses.count == 1)
        #expect(censuses[0].unit == .ozgLeistung)
        #expect(ServicesOnline(censuses[0]).online == Count(2))
        #expect(ServicesOnline(censuses[0]).share == .unknown(reason: "Gesamtzahl der Leistungen fehlt"))
    }

    @Test("A list that names offline services too, covering every status word, is the whole census")
    func completeList() {
        let dataset = Dataset(
            municipality: municipality("m", "M", .kreisangehoerigeGemeinde), sources: [source("s1", "2025-06-30")],
            statusMapping: StatusMapping([
                status("Digital", maturity: 3, online: true, inScope: true),
                status("PDF", maturity: 1, online: false, inScope: true),
                status("Kein Optimierungspotenzial", online: nil, inScope: false),
            ]),
            services: [
                service("A", ozg: nil, unit: .leikaLeistung, status: "Digital", snapshot: "2025-06-30"),
                service("B", ozg: nil, unit: .leikaLeistung, status: "Digital", snapshot: "2025-06-30"),
                service("C", ozg: nil, unit: .leikaLeistung, status: "PDF", snapshot: "2025-06-30"),
                service("D", ozg: nil, unit: .leikaLeistung, status: "Kein Optimierungspotenzial", snapshot: "2025-06-30"),
            ])
        let figures = latest(dataset)
        #expect(figures.inventory == Count(4))
        // Out of scope, the unknown online state of D does not matter: 2 of 3.
        #expect(figures.share == .share(numerator: 2, denominator: 3, .exact))
        #expect(figures.onlineUnknown.isEmpty)
        #expect(ServicesOnlineSection.threshold(figures, level: 3, side: side(dataset)).value == .share(numerator: 2, denominator: 3, .exact))
    }

    @Test("The census used is the latest with counts per status; a later total alone is noted, not mixed in")
    func newerTotalWithoutOnlineCount() {
        let section = ServicesOnlineSection.build([side(cityDataset()), side(districtDataset())])
        let mixed = section.notes.filter { $0.kind == .mixedSources }
        #expect(mixed.count == 1)
        #expect(mixed[0].german.contains("Ein neuerer Stand (15.12.2025) nennt 189 OZG-Leistungen im Bestand, aber keine Zahl online"))
        #expect(mixed[0].german.contains("5 von ca. 190"))
    }

    @Test("Rows in each side's own counting unit are not set side by side where the units differ; converted rows are")
    func ownUnitRowsAreNotSideBySideAcrossUnits() {
        let mixed = ServicesOnlineSection.build([side(cityDataset()), side(districtDataset())])
        #expect(mixed.rows.filter { !$0.sideBySide }.map(\.key) == ["total", "online-count", "online-share", "maturity-2-share", "maturity-3-share"])
        #expect(mixed.rows.filter(\.sideBySide).map(\.key) == ["online-in-ozg-leistung", "online-in-leika-leistung"])
        let alike = ServicesOnlineSection.build([side(districtDataset()), side(districtDataset(slug: "kreis-c", name: "Kreis C"))])
        #expect(alike.rows.allSatisfy { $0.sideBySide })
    }
}
