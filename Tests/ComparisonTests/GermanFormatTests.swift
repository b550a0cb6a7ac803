import Domain
import Testing
@testable import Comparison

@Suite("German notation of numbers, dates and figures")
struct GermanFormatTests {
    @Test("Numbers and dates")
    func numbers() {
        #expect(GermanFormat.integer(1187) == "1.187")
        #expect(GermanFormat.signedInteger(352) == "+352")
        #expect(GermanFormat.signedInteger(-1) == "−1")
        #expect(GermanFormat.signedDecimal(42.17) == "+42,2")
        #expect(GermanFormat.percent(283.0 / 1187) == "23,8\u{a0}%")
        #expect(GermanFormat.date(date("2024-05-28")) == "28.05.2024")
        #expect(GermanFormat.date(date("2025-06")) == "Juni 2025")
        #expect(GermanFormat.distance(days: 360...360) == "ca. 12 Monate (360 Tage)")
        #expect(GermanFormat.distance(days: 149...513) == "zwischen 5 und 17 Monaten")
        #expect(GermanFormat.distance(days: 20...20) == "20 Tage")
    }

    @Test("Figure values: qualifiers, shares, bounds, unknown with reason")
    func values() {
        #expect(GermanFormat.value(.count(190, .approx)) == "ca. 190")
        #expect(GermanFormat.value(.count(0, .atLeast)) == "keine genannt")
        #expect(GermanFormat.value(.share(numerator: 41, denominator: 190, .approx)) == "ca. 21,6\u{a0}% (41 von 190)")
        #expect(GermanFormat.value(.interval(low: 23.84, high: 28.64, unit: "percent")) == "23,8–28,6\u{a0}%")
        #expect(GermanFormat.value(.interval(low: -16.5, high: -14, unit: "pro Jahr")) == "−16,5 bis −14\u{a0}pro Jahr")
        #expect(GermanFormat.value(.number(1.9, unit: "stars-of-5", .exact)) == "1,9\u{a0}von 5 Sternen")
        #expect(GermanFormat.value(.unknown(reason: "nicht gemeldet")) == "unbekannt (nicht gemeldet)")
        #expect(GermanFormat.value(.unknown(reason: "nicht gemeldet"), reasons: false) == "unbekannt")
    }
}
