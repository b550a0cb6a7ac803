/// A date with the precision its source gives: a day (`2025-05-23`), a month (`2025-05`) or a year (`2025`).
///
/// Sources say "seit Juli 2023" or "Go-Live Januar 2026"; keeping the precision means never inventing a day.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// How precise a partial date is.
    public enum Precision: Int, Sendable, Codable, Comparable {
        case year, month, day
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Creates a date; returns nil where the calendar has no such day or month.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1000...9999).contains(year) else { return nil }
        if let month { guard (1...12).contains(month) else { return nil } }
        if let day {
            guard let month, (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else, including impossible dates.
    public init?(_ text: some StringProtocol) {
        // Reads the UTF-8 bytes directly: dataset files hold millions of dates.
        var bytes = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0) as (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)
        var count = 0
        for byte in text.utf8 {
            guard count < 10 else { return nil }
            withUnsafeMutableBytes(of: &bytes) { $0[count] = byte }
            count += 1
        }
        func digit(_ index: Int) -> Int? {
            let byte = withUnsafeBytes(of: bytes) { $0[index] }
            return byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
        }
        func dash(_ index: Int) -> Bool { withUnsafeBytes(of: bytes) { $0[index] } == 45 }
        guard count == 4 || count == 7 || count == 10,
              let y1 = digit(0), let y2 = digit(1), let y3 = digit(2), let y4 = digit(3) else { return nil }
        let year = y1 * 1000 + y2 * 100 + y3 * 10 + y4
        var month: Int?
        var day: Int?
        if count >= 7 {
            guard dash(4), let m1 = digit(5), let m2 = digit(6) else { return nil }
            month = m1 * 10 + m2
        }
        if count == 10 {
            guard dash(7), let d1 = digit(8), let d2 = digit(9) else { return nil }
            day = d1 * 10 + d2
        }
        self.init(year: year, month: month, day: day)
    }

    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// The ISO form the dataset files use: `2025`, `2025-05` or `2025-05-23`.
    public var description: String {
        var text = String(year)
        if let month { text += "-" + PartialDate.twoDigits(month) }
        if let day { text += "-" + PartialDate.twoDigits(day) }
        return text
    }

    /// The first day this date can mean (1 January for a year, the 1st for a month).
    public var earliestDay: PartialDate {
        PartialDate(uncheckedYear: year, month: month ?? 1, day: day ?? 1)
    }

    /// The last day this date can mean (31 December for a year, the month's last day for a month).
    public var latestDay: PartialDate {
        let month = self.month ?? 12
        return PartialDate(uncheckedYear: year, month: month, day: day ?? PartialDate.daysIn(month: month, year: year))
    }

    /// Days since 0001-01-01 of a full date (proleptic Gregorian calendar), for distances between dates.
    public var dayNumber: Int {
        let full = earliestDay
        let m = full.month!, d = full.day!
        let y = m <= 2 ? full.year - 1 : full.year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    /// Whether the two dates could mean the same day (a month contains its days, a year its months).
    public func overlaps(_ other: PartialDate) -> Bool {
        earliestDay.dayNumber <= other.latestDay.dayNumber && other.earliestDay.dayNumber <= latestDay.dayNumber
    }

    /// The smallest and largest number of days between two partial dates (0 where they overlap).
    public static func daysBetween(_ a: PartialDate, _ b: PartialDate) -> ClosedRange<Int> {
        let lowGap = max(0, max(a.earliestDay.dayNumber - b.latestDay.dayNumber, b.earliestDay.dayNumber - a.latestDay.dayNumber))
        let highGap = max(abs(a.latestDay.dayNumber - b.earliestDay.dayNumber), abs(b.latestDay.dayNumber - a.earliestDay.dayNumber))
        return lowGap...highGap
    }

    /// Orders by the earliest day a date can mean, then the less precise first.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        let l = lhs.earliestDay.dayNumber, r = rhs.earliestDay.dayNumber
        if l != r { return l < r }
        return lhs.precision < rhs.precision
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PartialDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a partial date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
