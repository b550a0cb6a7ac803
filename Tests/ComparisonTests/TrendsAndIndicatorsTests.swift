import Domain
import Testing
@testable import Comparison

@Suite("Trends and shared indicators")
struct TrendsAndIndicatorsTests {
    @Test("Change per year between day-precise dates is one number")
    func exactChange() {
        let series = TrendsSection.Series(key: "k", label: "L", changeUnit: "pro Jahr", points: [
            .init(date: date("2022-01-01"), value: .count(100, .exact), sourceIDs: []),
            .init(date: date("2024-01-01"), value: .count(150, .exact), sourceIDs: []),
        ])
        // 730 days = 1.9986 years: 50 / 1.9986 = 25.02, rounded to one decimal.
        #expect(TrendsSection.changePerYear(series) == .number(25.0, unit: "pro Jahr", .exact))
        #expect(TrendsSection.pointsText(series) == "100 (01.01.2022) → 150 (01.01.2024)")
    }

    @Test("A year-only date makes the change per year a span; bounds are followed reading by reading")
    func partialAndBounds() {
        let series = TrendsSection.series(of: side(districtDataset()))
        let online = series.first { $0.key == "trend-online-count-leika-leistung" }!
        // 258 (2023) -> 283 (28.05.2024): +25 in 149 to 513 days.
        #expect(TrendsSection.changePerYear(online) == .interval(low: 17.8, high: 61.3, unit: "pro Jahr"))
        let share = series.first { $0.key == "trend-online-share-leika-leistung" }!
        #expect(share.points.count == 2)
        guard case .interval(let low, let high, "Prozentpunkte pro Jahr") = TrendsSection.changePerYear(share) else {
            Issue.record("expected a span of percentage points")
            return
        }
        // Reading "all in scope": 30.90 % -> 23.84 % (−7.06 points); "none of unknown scope": 39.39 % -> 28.64 % (−10.75).
        #expect(low == -26.3)
        #expect(high == -5.0)
    }

    @Test("The trends section shows a one-point series as such, and the denominator change")
    func section() {
        let section = TrendsSection.build([side(cityDataset()), side(districtDataset())])
        let online = section.rows.first { $0.key == "trend-online-count-leika-leistung" }!
        #expect(online.cells[0].value == .notApplicable(reason: "nicht gemeldet"))
        #expect(online.cells[1].remark == "258 (2023) → 283 (28.05.2024)")
        let total = section.rows.first { $0.key == "trend-total-ozg-leistung" }!
        #expect(total.cells[0].remark == "ca. 180 (29.11.2021) → ca. 190 (23.05.2025) → 189 (15.12.2025)")
        #expect(section.notes.contains { $0.kind == .denominatorChanged && $0.german.hasPrefix("Kreis A:") })
    }

    @Test("Shared indicators need the same identifier, unit and subject; a different unit is noted, not shown")
    func otherIndicators() {
        var city = cityDataset()
        var district = districtDataset()
        city.indicators += [indicator("devices_tablets", 237, "2021-11-29"), indicator("workplaces_total", 1900, "2021-11-29", qualifier: .approx),
                            indicator("feedback_ease_of_use", 1.9, "2025-05-28", unit: .starsOf5)]
        district.indicators += [indicator("devices_tablets", 120, "2024-05-28"), indicator("workplaces_total", 800, "2024-05-28"),
                                indicator("feedback_ease_of_use", 38, "2024-05-28", unit: .percent)]
        let section = OtherIndicatorsSection.build([side(city), side(district)])
        #expect(section.rows.map(\.key) == ["indicator-devices_tablets", "indicator-workplaces_total"])
        #expect(section.rows[1].cells.map(\.value) == [.count(1900, .approx), .count(800, .exact)])
        #expect(section.notes.contains { $0.kind == .differentUnits && $0.german.contains("Nationale Feedback-Komponente: Bedienbarkeit") })
        #expect(section.notes.contains { $0.kind == .snapshotGap })
        #expect(section.notes.contains { $0.kind == .approximateValues })

        let none = OtherIndicatorsSection.build([side(cityDataset()), side(districtDataset())])
        #expect(none.rows.isEmpty)
        guard case .notComparable = none.comparability else {
            Issue.record("expected not comparable")
            return
        }
    }
}
