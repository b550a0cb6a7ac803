/// Reads the cells of one row by column name, turning each problem into a finding at the cell's place.
///
/// Every accessor returns nil when the cell is not acceptable; the row is then dropped and its findings reported.
struct RowReader {
    let file: String
    let row: TextRow
    let columns: ColumnIndex
    let optional: Set<String>
    let decimalComma: Bool
    private(set) var findings: [Finding] = []
    /// Where the next column search starts: the decoders ask for columns mostly in the schema's order.
    private var hint = 0

    init(file: String, row: TextRow, columns: ColumnIndex, optional: Set<String>, decimalComma: Bool = false) {
        self.file = file
        self.row = row
        self.columns = columns
        self.optional = optional
        self.decimalComma = decimalComma
    }

    /// The position of a column in the row, if the file has it.
    private mutating func position(_ column: String) -> Int? {
        columns.position(of: column, hint: &hint)
    }

    /// A decimal number with a point, or with a comma where the file allows it; nil for anything else.
    func number(_ text: String) -> Double? {
        let normalised = decimalComma && !text.contains(".") ? String(text.map { $0 == "," ? "." : $0 }) : text
        guard normalised.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 }),
              let value = Double(normalised), value.isFinite else { return nil }
        return value
    }

    var isValid: Bool { !findings.hasErrors }

    mutating func location(_ column: String) -> Location {
        let position = position(column).flatMap { $0 < row.columns.count ? row.columns[$0] : nil }
        return Location(file: file, line: row.line, column: position ?? 1)
    }

    /// The cell's text with surrounding spaces removed ("" where the column is missing).
    mutating func raw(_ column: String) -> String {
        guard let position = position(column), position < row.fields.count else { return "" }
        return row.fields[position].trimmingSpaces
    }

    mutating func error(_ column: String, code: String, found: String, expected: String) {
        findings.append(Finding(.error, at: location(column), code: code, found: found, expected: expected))
    }

    mutating func warning(_ column: String, code: String, found: String, expected: String) {
        findings.append(Finding(.warning, at: location(column), code: code, found: found, expected: expected))
    }

    /// A cell that must not be empty.
    mutating func text(_ column: String) -> String? {
        let value = raw(column)
        if value.isEmpty && !optional.contains(column) {
            error(column, code: "empty-cell", found: "'\(column)' is empty",
                  expected: "write a value, or 'unknown' where the source does not give one")
            return nil
        }
        return value
    }

    /// A cell that must name a known value or `unknown`.
    mutating func reportedText(_ column: String) -> Reported<String>? {
        guard let value = text(column) else { return nil }
        return value == Reported<String>.unknownWord ? .unknown : .known(value)
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ column: String, as type: E.Type) -> E?
    where E.RawValue == String {
        guard let value = text(column) else { return nil }
        if let choice = E(rawValue: value) { return choice }
        let allowed = E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        error(column, code: "unknown-word", found: "'\(column)' is '\(value)'", expected: "use one of \(allowed)")
        return nil
    }

    mutating func date(_ column: String) -> PartialDate? {
        guard let value = text(column) else { return nil }
        return parseDate(column, value)
    }

    mutating func optionalDate(_ column: String) -> PartialDate?? {
        let value = raw(column)
        if value.isEmpty { return .some(nil) }
        return parseDate(column, value).map { .some($0) }
    }

    mutating func reportedDate(_ column: String) -> Reported<PartialDate>? {
        guard let value = text(column) else { return nil }
        if value == Reported<String>.unknownWord { return .unknown }
        return parseDate(column, value).map { .known($0) }
    }

    private mutating func parseDate(_ column: String, _ value: String) -> PartialDate? {
        if let date = PartialDate(value) { return date }
        let looksGerman = value.contains(".")
        error(column, code: "bad-date", found: "'\(column)' is '\(value)', which is not a date the calendar has",
              expected: "write a date as YYYY-MM-DD, YYYY-MM or YYYY with the precision the source gives"
                + (looksGerman ? " (e.g. 28.05.2024 becomes 2024-05-28)" : ""))
        return nil
    }

    mutating func yesNo(_ column: String) -> Reported<Bool>? {
        guard let value = text(column) else { return nil }
        switch value {
        case "yes": return .known(true)
        case "no": return .known(false)
        case Reported<Bool>.unknownWord: return .unknown
        default:
            error(column, code: "unknown-word", found: "'\(column)' is '\(value)'", expected: "use 'yes', 'no' or 'unknown'")
            return nil
        }
    }

    /// The largest count a cell may hold (nine digits): no municipality counts more of anything, and a sum of
    /// millions of such counts stays far inside a 64-bit integer.
    static let largestCount = 999_999_999
    /// The largest magnitude of a decimal figure (an indicator's value): 10^12, more than any budget in euros; every
    /// whole value up to it converts exactly to an integer.
    static let largestNumber = 1e12

    /// A whole number >= 0 of at most nine digits, or `unknown`.
    mutating func count(_ column: String) -> Reported<Int>? {
        guard let value = text(column) else { return nil }
        if value == Reported<Int>.unknownWord { return .unknown }
        let digits = value.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        if digits, value.utf8.count <= 9, let number = Int(value) { return .known(number) }
        if digits {
            error(column, code: "count-too-large", found: "'\(column)' has \(value.utf8.count) digits",
                  expected: "a count has at most 9 digits (up to \(RowReader.largestCount)); check the figure against the source")
            return nil
        }
        if value.hasPrefix("-"), value.utf8.count > 1, value.utf8.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            error(column, code: "negative-count", found: "'\(column)' is \(value)",
                  expected: "a count is 0 or more; write 'unknown' where the source does not give it")
            return nil
        }
        let hint = value.contains(".") || value.contains(",")
            ? " without thousands separators (1187, not 1.187)" : value.hasPrefix("+") ? " of digits only, without a sign" : ""
        error(column, code: "not-a-count", found: "'\(column)' is '\(value)'",
              expected: "write a whole number\(hint), or 'unknown'")
        return nil
    }

    /// An OZG-ID, `none` (no bundle) or `unknown`.
    mutating func ozgID(_ column: String) -> Reported<OzgID?>? {
        guard let value = text(column) else { return nil }
        if let id = Reported<OzgID?>(cell: value) { return id }
        error(column, code: "bad-ozg-id", found: "'\(column)' is '\(value)'",
              expected: "write the OZG-Leistung's numeric ID (e.g. 10092), 'none' or 'unknown'")
        return nil
    }

    /// An identifier of `a-z`, `0-9`, `-` and `_`.
    mutating func identifier(_ column: String) -> String? {
        guard let value = text(column) else { return nil }
        let ok = value.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 }
        if ok { return value }
        error(column, code: "bad-identifier", found: "'\(column)' is '\(value)'",
              expected: "use only a-z, 0-9, '-' and '_'")
        return nil
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        // Most cells have no surrounding spaces: check the first and last byte before building a copy.
        let ends = utf8.withContiguousStorageIfAvailable { $0.isEmpty ? nil : ($0[0], $0[$0.count - 1]) } ?? (utf8.first.map { ($0, utf8.last!) })
        if let (first, last) = ends, first > 32, last > 32, first < 128, last < 128 { return self }
        if isEmpty { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
