import Domain

/// Numbers and dates as German readers write them: 1.187, 23,8 %, 28.05.2024, Mai 2024.
public enum GermanFormat {
    /// Items as German prose lists them: "A", "A und B", "A, B und C".
    public static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " und " + items.last!
    }

    /// A text in German quotes: „PDF“.
    public static func quoted(_ text: String) -> String { "„" + text + "“" }

    static let monthNames = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                             "Oktober", "November", "Dezember"]

    /// A whole number with a dot for thousands: 1187 -> "1.187".
    public static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "−" : "") + groups.joined(separator: ".")
    }

    /// A decimal with a comma and `digits` decimals: 23.84 -> "23,8"; thousands grouped.
    public static func decimal(_ value: Double, digits: Int = 1) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        var text = integer(whole)
        if value < 0 && scaled != 0 { text = "−" + text }
        if digits > 0 {
            let fractionText = String(fraction)
            text += "," + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }

    /// A share in percent: 0.2384 -> "23,8 %".
    public static func percent(_ share: Double, digits: Int = 1) -> String {
        decimal(share * 100, digits: digits) + "\u{a0}%"
    }

    /// A date with its precision: "28.05.2024", "Mai 2024" or "2024".
    public static func date(_ date: PartialDate) -> String {
        switch (date.month, date.day) {
        case (let month?, let day?):
            return twoDigits(day) + "." + twoDigits(month) + "." + String(date.year)
        case (let month?, nil):
            return monthNames[month - 1] + " " + String(date.year)
        default:
            return String(date.year)
        }
    }

    /// A whole number with its sign: +352, −1, ±0.
    public static func signedInteger(_ value: Int) -> String {
        value > 0 ? "+" + integer(value) : (value == 0 ? "±0" : integer(value))
    }

    /// A decimal with its sign: +42,2; −7,1.
    public static func signedDecimal(_ value: Double, digits: Int = 1) -> String {
        let text = decimal(value, digits: digits)
        return text.hasPrefix("−") ? text : (text.allSatisfy { $0 == "0" || $0 == "," } ? "±" + text : "+" + text)
    }

    /// A number as readers write it, with the decimals it has and no more: whole numbers grouped (1.187), others with
    /// the precision of their source (1,9; 0,42; 123.357.068,33). A figure of a dataset is never rounded for display:
    /// 0,42 % and 0,38 % are two figures, not both "0,4 %".
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return integer(Int(value)) }
        return decimal(value, digits: decimals(of: value))
    }

    /// The decimals of a value as a dataset file writes it (its shortest exact form): 0.42 → 2, 1.9 → 1, 19 → 0;
    /// at most 6.
    static func decimals(of value: Double) -> Int {
        let text = String(abs(value))
        guard !text.contains("e"), let dot = text.firstIndex(of: ".") else { return 0 }
        let fraction = text[text.index(after: dot)...]
        return fraction == "0" ? 0 : min(fraction.count, 6)
    }

    /// The word put before a figure that is not exact: "ca. " or "mind. ".
    public static func prefix(_ qualifier: Qualifier) -> String {
        switch qualifier {
        case .exact: return ""
        case .approx: return "ca. "
        case .atLeast: return "mind. "
        }
    }

    /// A span of time between two partial dates, given as the smallest and largest number of days:
    /// "ca. 12 Monate (360 Tage)", "zwischen 5 und 17 Monaten", "25 Tage".
    public static func distance(days: ClosedRange<Int>) -> String {
        func months(_ days: Int) -> Int { Int((Double(days) / averageMonthDays).rounded()) }
        if days.lowerBound == days.upperBound {
            let count = days.lowerBound
            if count < 45 { return integer(count) + (count == 1 ? " Tag" : " Tage") }
            return "ca. " + integer(months(count)) + " Monate (" + integer(count) + " Tage)"
        }
        let low = months(days.lowerBound), high = months(days.upperBound)
        if low == high { return "ca. " + integer(low) + (low == 1 ? " Monat" : " Monate") }
        return "zwischen " + integer(low) + " und " + integer(high) + " Monaten"
    }

    /// A figure's value as readers see it: "1.187", "ca. 21,6 % (41 von 190)", "23,8–28,6 %", "mind. 34",
    /// "unbekannt (Reifegrad nicht gemeldet)". `reasons: false` leaves out why a value is unknown.
    public static func value(_ value: FigureValue, reasons: Bool = true) -> String {
        switch value {
        case .count(0, .atLeast):
            return "keine genannt"
        case .count(let count, let qualifier):
            return prefix(qualifier) + integer(count)
        case .share(let numerator, let denominator, let qualifier):
            guard denominator > 0 else { return integer(numerator) + " von 0" }
            return prefix(qualifier) + percent(Double(numerator) / Double(denominator)) + " (" + integer(numerator) + " von "
                + integer(denominator) + ")"
        case .interval(let low, let high, let unit):
            // A dash between negative numbers reads as a minus: "bis" is unambiguous.
            let dash = low < 0 || high < 0 ? " bis " : "–"
            if unit == IndicatorUnit.percent.rawValue {
                return decimal(low) + dash + decimal(high) + "\u{a0}%"
            }
            return number(low) + dash + number(high) + unitSuffix(unit)
        case .number(let value, let unit, let qualifier):
            let text = number(value)
            return prefix(qualifier) + text + unitSuffix(unit)
        case .date(let date):
            return self.date(date)
        case .unknown(let reason):
            return reasons && !reason.isEmpty ? "unbekannt (" + reason + ")" : "unbekannt"
        case .notApplicable(let reason):
            return reasons && !reason.isEmpty ? "entfällt (" + reason + ")" : "entfällt"
        }
    }

    /// The German unit after a number: the dataset files' unit words become German, other units stay as given.
    public static func unitSuffix(_ unit: String) -> String {
        let name: String
        switch unit {
        case IndicatorUnit.count.rawValue, IndicatorUnit.date.rawValue, "": name = ""
        case IndicatorUnit.percent.rawValue: name = "%"
        case IndicatorUnit.eur.rawValue: name = "€"
        case IndicatorUnit.starsOf5.rawValue: name = "von 5 Sternen"
        case IndicatorUnit.rank.rawValue: name = "(Rang)"
        case IndicatorUnit.clicksPerYear.rawValue: name = "Klicks pro Jahr"
        default: name = unit
        }
        return name.isEmpty ? "" : "\u{a0}" + name
    }

    /// Days in an average Gregorian month (365.2425 / 12).
    static let averageMonthDays = 30.436875

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
