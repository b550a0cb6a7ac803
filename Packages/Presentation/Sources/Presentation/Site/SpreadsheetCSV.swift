/// CSV as German Excel opens it with a double click: UTF-8 with a byte order mark, semicolons, CRLF.
///
/// A cell that a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or carriage return) gets
/// an apostrophe in front, so a dataset cannot smuggle a formula into a committee member's spreadsheet. Plain
/// numbers (`-3`, `1.187`, `23,8 %`) stay numbers.
enum SpreadsheetCSV {
    static let byteOrderMark = "\u{feff}"

    static func encode(_ rows: [[String]]) -> String {
        var out = byteOrderMark
        for row in rows {
            out += row.map(field).joined(separator: ";")
            out += "\r\n"
        }
        return out
    }

    /// One cell: spreadsheet-safe, quoted where it holds a separator, a quote or a line break.
    static func field(_ raw: String) -> String {
        var text = raw.replacingOccurrences(of: "\u{a0}", with: " ")
        if isNumber(text.replacingOccurrences(of: "\u{2212}", with: "-")) {
            // The site writes negative numbers with a typographic minus; spreadsheets only read '-'.
            text = text.replacingOccurrences(of: "\u{2212}", with: "-")
        } else if let first = text.unicodeScalars.first, formulaStarts.contains(first) {
            text = "'" + text
        }
        if text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A number as German spreadsheets read it: optional minus, digits with `.` grouping, optional `,` decimals,
    /// optional `%`. Nothing else, so `-3+cmd` or `-A1` is not a number.
    static func isNumber(_ text: String) -> Bool {
        var scalars = Substring(text)
        if scalars.hasPrefix("-") { scalars = scalars.dropFirst() }
        if scalars.hasSuffix(" %") { scalars = scalars.dropLast(2) } else if scalars.hasSuffix("%") { scalars = scalars.dropLast() }
        let parts = scalars.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty else { return false }
        let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
        let digits: (Substring) -> Bool = { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard groups.allSatisfy(digits) else { return false }
        if groups.count > 1, !groups.dropFirst().allSatisfy({ $0.count == 3 }) { return false }
        if parts.count == 2 { return digits(parts[1]) }
        return true
    }
}
