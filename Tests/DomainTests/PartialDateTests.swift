import Domain
import PropertyBased
import Testing

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("2025", 2025, nil, nil, PartialDate.Precision.year),
        ("2025-05", 2025, 5, nil, .month),
        ("2025-05-23", 2025, 5, 23, .day),
        ("2024-02-29", 2024, 2, 29, .day),
    ] as [(String, Int, Int?, Int?, PartialDate.Precision)])
    func parsesEachPrecision(text: String, year: Int, month: Int?, day: Int?, precision: PartialDate.Precision) throws {
        let date = try #require(PartialDate(text))
        #expect(date.year == year)
        #expect(date.month == month)
        #expect(date.day == day)
        #expect(date.precision == precision)
        #expect(date.description == text)
    }

    @Test(arguments: ["2024-02-31", "2023-02-29", "2024-13", "2024-00", "2024-04-31", "2024-05-00", "24", "2024-5",
                      "2024-05-1", "", "abcd", "2024-05-23-01", "2024/05/23", "28.05.2024", " 2024", "+2024", "2024-0x"])
    func refusesImpossibleOrMalformedDates(text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func earliestAndLatestDayKeepThePrecision() throws {
        let month = try #require(PartialDate("2024-02"))
        #expect(month.earliestDay.description == "2024-02-01")
        #expect(month.latestDay.description == "2024-02-29")
        let year = try #require(PartialDate("2023"))
        #expect(year.earliestDay.description == "2023-01-01")
        #expect(year.latestDay.description == "2023-12-31")
    }

    @Test func daysBetweenGivesTheRangeThePrecisionAllows() throws {
        let aachen = try #require(PartialDate("2024-05-28"))
        let leverkusen = try #require(PartialDate("2025-05-23"))
        #expect(PartialDate.daysBetween(aachen, leverkusen) == 360...360)
        // A month against a day: anything from the first to the last day of that month.
        let golive = try #require(PartialDate("2026-01"))
        let report = try #require(PartialDate("2025-12-15"))
        #expect(PartialDate.daysBetween(golive, report) == 17...47)
        // Overlapping dates can be the same day.
        let year = try #require(PartialDate("2024"))
        #expect(PartialDate.daysBetween(year, aachen).lowerBound == 0)
        #expect(year.overlaps(aachen))
        #expect(!year.overlaps(leverkusen))
    }

    @Test func ordersByEarliestDayThenPrecision() throws {
        let dates = ["2025-05-23", "2025", "2024-05-28", "2025-05", "2023"].compactMap(PartialDate.init)
        #expect(dates.sorted().map(\.description) == ["2023", "2024-05-28", "2025", "2025-05", "2025-05-23"])
    }

    @Test func dayNumbersCountRealCalendarDays() throws {
        let a = try #require(PartialDate("2000-02-28")), b = try #require(PartialDate("2000-03-01"))
        #expect(b.dayNumber - a.dayNumber == 2)  // 2000 is a leap year
        let c = try #require(PartialDate("1900-02-28")), d = try #require(PartialDate("1900-03-01"))
        #expect(d.dayNumber - c.dayNumber == 1)  // 1900 is not
    }

    @Test func everyValidDateRoundTripsThroughItsText() async {
        await propertyCheck(input: Gen.int(in: 1000...9999), Gen.int(in: 0...12), Gen.int(in: 0...31)) { year, month, day in
            let date = PartialDate(year: year, month: month == 0 ? nil : month, day: month == 0 || day == 0 ? nil : day)
            if let date {
                #expect(PartialDate(date.description) == date)
                #expect(date.earliestDay <= date.latestDay)
            }
        }
    }
}
