/// bench's one way of writing CSV, in three dialects:
///
/// - `dataset`: the files of `Datasets/` (UTF-8, comma, LF, quotes only where needed). Text is written verbatim,
///   because bench reads these files back and they are the truth: `=SUMME(A1)` in a name stays `=SUMME(A1)`.
/// - `report`: `bench compare --format csv` and `bench gaps --format csv` (comma, LF, numbers with a decimal point).
/// - `spreadsheet`: the site's downloads, as German Excel opens them with a double click (byte order mark,
///   semicolons, CRLF, numbers as the site shows them: `1.187`, `-0,5`, `23,8 %`).
///
/// In `report` and `spreadsheet`, a cell that a spreadsheet would run as a formula (one that begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets an apostrophe in front (OWASP's advice on CSV injection), so that a
/// dataset cannot smuggle a formula into a committee member's spreadsheet. A number stays a number: `-3`, `-0,5`,
/// `-7.1` and `-1.187,5` are left alone (see `isNumber`).
public struct CSVWriter: Sendable, Hashable {
    /// Between two cells.
    public let separator: Character
    /// After every record.
    public let lineEnd: String
    /// Whether a document begins with a byte order mark (Excel reads UTF-8 only with one).
    public let byteOrderMark: Bool
    /// Whether cells that a spreadsheet would run as a formula are neutralised.
    public let neutralisesFormulas: Bool
    /// Whether the site's typography is undone for spreadsheets: a no-break space becomes a space, and a number's
    /// typographic minus (U+2212) becomes `-`.
    let plainTypography: Bool
    /// Whether a cell with a semicolon or with a space at either end is quoted (the dataset reader guesses the
    /// separator and keeps spaces only inside quotes).
    let quotesForDatasets: Bool

    /// `Datasets/`: text verbatim.
    public static let dataset = CSVWriter(separator: ",", lineEnd: "\n", byteOrderMark: false, neutralisesFormulas: false,
                                          plainTypography: false, quotesForDatasets: true)
    /// `--format csv` of the commands.
    public static let report = CSVWriter(separator: ",", lineEnd: "\n", byteOrderMark: false, neutralisesFormulas: true,
                                         plainTypography: false, quotesForDatasets: false)
    /// The site's downloads.
    public static let spreadsheet = CSVWriter(separator: ";", lineEnd: "\r\n", byteOrderMark: true, neutralisesFormulas: true,
                                              plainTypography: true, quotesForDatasets: false)

    /// A whole document: the byte order mark where the dialect has one, and every record with its line end.
    public func document(_ records: [[String]]) -> String {
        var out = byteOrderMark ? "\u{feff}" : ""
        for fields in records {
            out += record(fields)
            out += lineEnd
        }
        return out
    }

    /// One record, without its line end.
    public func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: String(separator))
    }

    /// One cell: neutralised where the dialect asks for it, quoted where it holds the separator, a quote or a line
    /// break.
    public func field(_ raw: String) -> String {
        var text = raw
        // Most cells have neither a no-break space nor a minus sign to replace (looked for by scalar, which is quick).
        if plainTypography, text.unicodeScalars.contains(where: { $0 == "\u{a0}" || $0 == "\u{2212}" }) {
            text = String(text.map { $0 == "\u{a0}" ? " " : $0 })
            let plainMinus = String(text.map { $0 == "\u{2212}" ? "-" : $0 })
            if Self.isNumber(plainMinus) { text = plainMinus }
        }
        if neutralisesFormulas { text = Self.neutralised(text) }
        // Looked for by byte first: a cell without any of these bytes holds none of these characters.
        let separatorByte = separator.asciiValue ?? 0
        let special = separator.asciiValue == nil || text.utf8.contains { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        let needsQuotes = (special && text.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || (quotesForDatasets && (text.contains(";") || text.first == " " || text.last == " "))
        guard needsQuotes else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// The text with an apostrophe in front where a spreadsheet would run it as a formula; a number as it is.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first), !isNumber(text) else { return text }
        return "'" + text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether `text` is a plain number as bench writes numbers: an optional `-`, digits with optional `.` groups of
    /// three (`1.187`), an optional decimal part after `,` or `.` (`-0,5`, `-7.1`, `1.187,5`), an optional exponent
    /// (`1e+16`) and an optional `%` or ` %`. Nothing else: `-3+cmd`, `-A1` and `--3` are no numbers.
    public static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        if rest.hasSuffix(" %") { rest = rest.dropLast(2) } else if rest.hasSuffix("%") { rest = rest.dropLast() }
        func digits(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var exponent = rest[rest.index(after: e)...]
            if exponent.hasPrefix("+") || exponent.hasPrefix("-") { exponent = exponent.dropFirst() }
            guard digits(exponent) else { return false }
            rest = rest[..<e]
        }
        // The decimal part: after the last comma, or after a single point that does not group three digits.
        var whole = rest
        if let comma = rest.lastIndex(of: ",") {
            guard digits(rest[rest.index(after: comma)...]) else { return false }
            whole = rest[..<comma]
        }
        let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.allSatisfy(digits) else { return false }
        if groups.count == 1 { return true }
        // `1.187` (grouped), `1.187.000`; with a comma already taken as decimals, every group must have three digits.
        if groups.dropFirst().allSatisfy({ $0.count == 3 }) { return true }
        // `-7.1`, `12.34`: one point as the decimal point (only where no comma was).
        return groups.count == 2 && whole.endIndex == rest.endIndex
    }

    /// One record of a dataset file, without the line break: `CSVWriter.dataset.record(fields)`.
    public static func row(_ fields: [String]) -> String { dataset.record(fields) }

    /// One cell of a dataset file, verbatim but for quoting: `CSVWriter.dataset.field(text)`.
    public static func cell(_ text: String) -> String { dataset.field(text) }
}
