import Domain

/// Numbers and dates as German readers write them: 1.187, 23,8 %, 28.05.2024, Mai 2024.
public enum GermanFormat {
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

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
