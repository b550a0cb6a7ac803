/// Decodes a table's rows one at a time, as a reader streams them, so that a file of millions of rows is never held
/// as text. Rows with errors are left out; their findings are kept.
public struct TableStream<Value> {
    /// The rows decoded so far.
    public private(set) var values: [Value] = []
    /// The header's findings, then every row's, in the order of the rows.
    public private(set) var findings: [Finding]
    private let file: String
    private let headerCount: Int
    private let optional: Set<String>
    private let decimalComma: Bool
    /// Nil where the header has errors: then no row can be read.
    private let columns: ColumnIndex?
    private let decode: (inout RowReader) -> Value?

    /// `header` is the table as far as its header: its rows are not decoded.
    init(header: TextTable, schema: TableSchema, _ decode: @escaping (inout RowReader) -> Value?) {
        let (index, findings) = TableDecoder.columnIndex(of: header, schema: schema)
        self.findings = findings
        file = header.file
        headerCount = header.header.count
        optional = schema.optional
        decimalComma = header.decimalComma
        columns = index.map { ColumnIndex($0, order: schema.allColumns) }
        self.decode = decode
    }

    /// Makes room for `rows` values at once, instead of growing (and copying) the values again and again.
    public mutating func reserveCapacity(_ rows: Int) {
        values.reserveCapacity(rows)
    }

    /// Decodes one row (after the header).
    public mutating func add(_ row: TextRow) {
        guard let columns else { return }
        if row.fields.count != headerCount {
            let found = "this row has \(row.fields.count) cells, the header has \(headerCount)"
            findings.append(Finding(.error, at: Location(file: file, line: row.line, column: 1),
                                    code: "cell-count", found: found,
                                    expected: "give every row one cell per column; quote cells that contain a comma"))
            return
        }
        var reader = RowReader(file: file, row: row, columns: columns, optional: optional, decimalComma: decimalComma)
        let value = decode(&reader)
        findings += reader.findings
        if let value, reader.isValid { values.append(value) }
    }
}

/// Where each column of a schema stands in a file, found by comparing names instead of hashing them: a row asks for
/// a dozen columns, mostly in schema order, so the search starts after the column found last.
struct ColumnIndex: Sendable {
    private let names: [String]
    /// The names' lengths: a name of another length is passed over without comparing texts.
    private let lengths: [Int]
    private let positions: [Int]

    init(_ index: [String: Int], order: [String]) {
        names = order.filter { index[$0] != nil }
        lengths = names.map(\.utf8.count)
        positions = names.map { index[$0]! }
    }

    /// The position of `name` in the file's rows; `hint` is where the search starts and, after it, where it ends.
    func position(of name: String, hint: inout Int) -> Int? {
        let count = names.count
        guard count > 0 else { return nil }
        let length = name.utf8.count
        var slot = hint < count ? hint : 0
        for _ in 0..<count {
            if lengths[slot] == length && names[slot] == name {
                hint = slot + 1
                return positions[slot]
            }
            slot = slot + 1 == count ? 0 : slot + 1
        }
        return nil
    }
}
