import Domain
import Foundation

/// What the CSV reader found out about a file: how Excel or an editor saved it.
public struct CSVDialect: Sendable, Hashable, CustomStringConvertible {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", windows1252 = "Windows-1252", latin1 = "ISO-8859-1" }
    public enum LineEnding: String, Sendable { case lf = "LF", crlf = "CRLF", cr = "CR", mixed = "mixed", none = "none" }

    public var encoding: Encoding
    public var byteOrderMark: Bool
    public var separator: UInt8
    public var lineEnding: LineEnding

    /// Files saved with semicolons (German Excel) write decimals with a comma.
    public var decimalComma: Bool { separator == UInt8(ascii: ";") }

    /// "UTF-8, comma, LF" or "Windows-1252 with BOM, semicolon, CRLF, decimal comma".
    public var description: String {
        var parts = [encoding.rawValue + (byteOrderMark ? " with byte order mark" : "")]
        parts.append(separator == UInt8(ascii: ";") ? "semicolon-separated" : separator == UInt8(ascii: "\t") ? "tab-separated" : "comma-separated")
        parts.append("\(lineEnding.rawValue) line ends")
        if decimalComma { parts.append("decimal comma") }
        return parts.joined(separator: ", ")
    }

    /// The dialect `bench` writes: UTF-8, comma, LF.
    public static let standard = CSVDialect(encoding: .utf8, byteOrderMark: false, separator: UInt8(ascii: ","), lineEnding: .lf)
}

/// Reads CSV as people save it: RFC 4180 quoting, comma or semicolon, UTF-8 or Windows-1252, a BOM, CRLF.
///
/// It never throws and never crashes on bad input: every problem becomes a finding with line and column.
public struct CSVReader: Sendable {
    /// Cells longer than this are refused: no real dataset cell is, and it keeps memory bounded on hostile input.
    public var maximumCellLength = 100_000
    /// Accept Windows-1252 where the bytes are not UTF-8 (Excel's default on German Windows).
    public var allowWindows1252 = true
    /// The encoding to assume instead of detecting one (the FIM portal's LeiKa CSV is ISO-8859-1).
    public var forcedEncoding: CSVDialect.Encoding?

    public init() {}

    /// Reads a whole table: header and rows.
    public func table(from data: Data, file: String) -> (TextTable?, CSVDialect, [Finding]) {
        var rows: [TextRow] = []
        var header: TextRow?
        let (dialect, findings) = read(data, file: file) { row in
            if header == nil { header = row } else { rows.append(row) }
            return true
        }
        guard let header else {
            var all = findings
            if !all.hasErrors { all.append(CSVReader.emptyFile(file)) }
            return (nil, dialect, all)
        }
        let table = TextTable(file: file, header: header.fields, headerLine: header.line, rows: rows,
                              decimalComma: dialect.decimalComma)
        return (table, dialect, findings)
    }

    /// The finding for a file without a header row.
    static func emptyFile(_ file: String) -> Finding {
        Finding(.error, at: Location(file: file, line: 1, column: 1), code: "empty-file",
                found: "the file is empty", expected: "write the header row (see Docs/dataset-format.md)")
    }

    /// Streams the records of `data` to `body` (the header first); `body` returns false to stop.
    /// Blank lines are skipped. Returns the detected dialect and every problem found.
    @discardableResult
    public func read(_ data: Data, file: String, _ body: (TextRow) -> Bool) -> (CSVDialect, [Finding]) {
        read(data, file: file) { row, _ in body(row) }
    }

    /// As `read(_:file:_:)`, telling `body` with each record whether the file writes decimals with a comma.
    func read(_ data: Data, file: String, _ body: (TextRow, _ decimalComma: Bool) -> Bool) -> (CSVDialect, [Finding]) {
        var findings: [Finding] = []
        var bytes = [UInt8](data)
        var bom = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bom = true
            bytes.removeFirst(3)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            findings.append(Finding(.error, at: Location(file: file, line: 1, column: 1), code: "utf16",
                                    found: "the file is UTF-16", expected: "save it as 'CSV UTF-8' or 'CSV (Trennzeichen-getrennt)'"))
            return (.standard, findings)
        }
        var encoding = CSVDialect.Encoding.utf8
        if let forcedEncoding, forcedEncoding != .utf8 {
            encoding = forcedEncoding
            bytes = CSVReader.transcode(bytes, from: forcedEncoding)
        } else if forcedEncoding == nil, let bad = CSVReader.firstInvalidUTF8(bytes) {
            let (line, column) = CSVReader.position(of: bad, in: bytes)
            if allowWindows1252 && !bom, CSVReader.isWindows1252(bytes) {
                encoding = .windows1252
                bytes = CSVReader.transcode(bytes, from: .windows1252)
                findings.append(Finding(.warning, at: Location(file: file, line: line, column: column), code: "encoding",
                                        found: "the file is not UTF-8; read it as Windows-1252 (as Excel saves it)",
                                        expected: "check that umlauts read correctly, or save the file as 'CSV UTF-8'"))
            } else {
                let sequence = bytes[bad..<min(bad + 4, bytes.count)].prefix { $0 >= 0x80 }.map { String(format: "%02X", $0) }
                let rest = CSVReader.hasMultibyteUTF8(bytes) ? ", though the file is UTF-8 elsewhere" : ""
                findings.append(Finding(.error, at: Location(file: file, line: line, column: column), code: "invalid-utf8",
                                        found: "byte\(sequence.count == 1 ? "" : "s") \(sequence.joined(separator: " ")) at this place "
                                            + "\(sequence.count == 1 ? "is" : "are") not valid UTF-8\(rest)",
                                        expected: rest.isEmpty ? "save the file as UTF-8 ('CSV UTF-8' in Excel)"
                                            : "retype the text at this place (it was probably pasted from another program) and save the file as UTF-8"))
                return (CSVDialect(encoding: .utf8, byteOrderMark: bom, separator: UInt8(ascii: ","), lineEnding: .none), findings)
            }
        }
        let separator = CSVReader.detectSeparator(bytes)
        let (lineEnding, parserFindings, parserHidden) = bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer, separator: separator, file: file, maximumCellLength: maximumCellLength)
            let decimalComma = separator == UInt8(ascii: ";")
            while let row = parser.next() {
                if !body(row, decimalComma) { break }
            }
            return (parser.lineEnding, parser.findings, parser.hiddenCount)
        }
        findings += parserFindings
        if parserHidden > HiddenCharacters.findingLimit, let last = findings.last(where: { $0.code == "hidden-character" }) {
            findings.append(HiddenCharacters.moreFinding(parserHidden - HiddenCharacters.findingLimit, after: last.location))
        }
        let dialect = CSVDialect(encoding: encoding, byteOrderMark: bom, separator: separator, lineEnding: lineEnding)
        return (dialect, findings)
    }

    /// The separator of the first line: `;` where it has more semicolons than commas outside quotes, else `,`.
    static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0, quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
            if byte == UInt8(ascii: "\t") { tabs += 1 }
        }
        if tabs > commas && tabs > semicolons { return UInt8(ascii: "\t") }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                // Eight ASCII bytes at a time: dataset files are nearly all ASCII.
                if index + 8 <= count,
                   UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                if byte < 0x80 { index += 1; continue }
                let length: Int
                switch byte {
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: return index
                }
                guard index + length <= count else { return index }
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
                if byte == 0xE0 && bytes[index + 1] < 0xA0 { return index }
                if byte == 0xED && bytes[index + 1] > 0x9F { return index }
                if byte == 0xF0 && bytes[index + 1] < 0x90 { return index }
                if byte == 0xF4 && bytes[index + 1] > 0x8F { return index }
                index += length
            }
            return nil
        }
    }

    /// Whether the whole file reads as Windows-1252 text, as Excel saves it: not one UTF-8 character of two or more
    /// bytes in it (a file that has one is UTF-8, and its invalid bytes are an error, never a reason to re-read the
    /// whole file), and every byte above 0x7F a letter or a sign that German text uses (`ä`, `ß`, `é`, `€`, `„`, `–`,
    /// `§`, `°`). The five bytes Windows-1252 leaves undefined, and signs such as `¯`, `þ` or `ÿ` that the bytes of
    /// broken UTF-8 (`C0 AF`, `FF FE`) would give, make it no Windows-1252 file either.
    static func isWindows1252(_ bytes: [UInt8]) -> Bool {
        !hasMultibyteUTF8(bytes) && bytes.allSatisfy { $0 < 0x80 || windows1252Text[Int($0) - 0x80] }
    }

    /// Which bytes 0x80...0xFF stand for text in a Windows-1252 file.
    private static let windows1252Text: [Bool] = (0x80...0xFF).map { byte in
        let signs: Set<Int> = [0x80, 0x82, 0x84, 0x85, 0x89, 0x8A, 0x8B, 0x8C, 0x8E, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97,
                               0x99, 0x9A, 0x9B, 0x9C, 0x9E, 0x9F, 0xA0, 0xA3, 0xA7, 0xA9, 0xAB, 0xAD, 0xAE, 0xB0, 0xB1,
                               0xB2, 0xB3, 0xB4, 0xB5, 0xB7, 0xBB, 0xBC, 0xBD, 0xBE, 0xD7, 0xF7]
        let letters = (0xC0...0xFD).contains(byte) && ![0xD0, 0xD7, 0xDE, 0xF0, 0xF7].contains(byte)
        return letters || signs.contains(byte)
    }

    /// Whether the bytes hold at least one well-formed UTF-8 character of two to four bytes.
    static func hasMultibyteUTF8(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte >= 0xC2 && byte <= 0xDF ? 2 : byte >= 0xE0 && byte <= 0xEF ? 3 : byte >= 0xF0 && byte <= 0xF4 ? 4 : 0
            if length > 0, index + length <= bytes.count, firstInvalidUTF8(Array(bytes[index..<index + length])) == nil {
                return true
            }
            index += 1
        }
        return false
    }

    static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Converts single-byte text to UTF-8 bytes.
    static func transcode(_ bytes: [UInt8], from encoding: CSVDialect.Encoding) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 { output.append(byte); continue }
            let scalar: UInt32 = encoding == .windows1252 && byte < 0xA0 ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            output.append(contentsOf: Array(String(UnicodeScalar(scalar)!).utf8))
        }
        return output
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for index in 0..<min(offset, bytes.count) {
            if bytes[index] == UInt8(ascii: "\n") { line += 1; column = 1 } else if bytes[index] & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}

/// The RFC 4180 state machine over UTF-8 bytes, tracking line and column for every cell.
///
/// It walks the bytes once: a cell's text is decoded straight from the buffer, and a cell's column is counted on from
/// the previous cell of the same line, so that a row costs time in proportion to its length (files hold millions).
private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    let file: String
    let maximumCellLength: Int
    var index = 0
    var line = 1
    var lineStart = 0
    /// The last offset whose column was counted, and its column: the next count goes on from there.
    var countedOffset = 0
    var countedColumn = 1
    var findings: [Finding] = []
    var sawLF = false
    var sawCRLF = false
    /// A lone CR ends lines in files saved by old Mac programs.
    var sawCR = false
    /// The text of a quoted cell, whose doubled quotes and line breaks differ from its bytes; reused for every cell.
    var scratch: [UInt8] = []
    /// The most cells a record had so far: room reserved for the next record.
    var width = 0

    static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, file: String, maximumCellLength: Int) {
        self.bytes = bytes
        self.separator = separator
        self.file = file
        self.maximumCellLength = maximumCellLength
    }

    var lineEnding: CSVDialect.LineEnding {
        switch (sawLF, sawCRLF, sawCR) {
        case (false, false, false): return .none
        case (true, false, false): return .lf
        case (false, true, false): return .crlf
        case (false, false, true): return .cr
        default: return .mixed
        }
    }

    /// The 1-based column (in characters) of `offset` on the current line.
    mutating func column(at offset: Int) -> Int {
        if countedOffset < lineStart || offset < countedOffset {
            countedOffset = lineStart
            countedColumn = 1
        }
        var column = countedColumn
        var position = countedOffset
        while position < offset {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        countedOffset = offset
        countedColumn = column
        return column
    }

    mutating func error(_ offset: Int, _ code: String, _ found: String, _ expected: String) {
        let column = column(at: offset)
        findings.append(Finding(.error, at: Location(file: file, line: line, column: column),
                                code: code, found: found, expected: expected))
    }

    /// Hidden characters warned of so far; past `HiddenCharacters.findingLimit`, one more finding says how many more.
    var hiddenCount = 0

    /// Warns of each hidden character (a bidirectional control, a zero-width character, a control character) in the
    /// bytes `start..<end` of a cell, at its line and column.
    mutating func checkHiddenCharacters(_ start: Int, _ end: Int) {
        var offset = start
        while offset < end {
            let byte = bytes[offset]
            // Only a control byte or the first byte of a multi-byte character can start one: one comparison for most bytes.
            if byte >= 0x20 && byte < 0x7F || byte == 0x09 || byte == Parser.lf || byte == Parser.cr || byte & 0xC0 == 0x80 {
                offset += 1
                continue
            }
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<min(offset + length, end)]), as: UTF8.self)
                .unicodeScalars.first
            if let scalar, scalar.value != 0, HiddenCharacters.isHidden(scalar) {
                hiddenCount += 1
                if hiddenCount <= HiddenCharacters.findingLimit {
                    var line = 1, lineStart = 0
                    for index in 0..<offset where bytes[index] == Parser.lf || (bytes[index] == Parser.cr && (index + 1 >= bytes.count || bytes[index + 1] != Parser.lf)) {
                        line += 1
                        lineStart = index + 1
                    }
                    var column = 1
                    for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
                    findings.append(HiddenCharacters.finding(scalar, at: Location(file: file, line: line, column: column)))
                }
            }
            offset += length
        }
    }

    /// Consumes a line break at `index` if there is one.
    mutating func consumeLineBreak() -> Bool {
        guard index < bytes.count else { return false }
        if bytes[index] == Parser.lf {
            sawLF = true
            index += 1
        } else if bytes[index] == Parser.cr {
            index += 1
            if index < bytes.count && bytes[index] == Parser.lf {
                index += 1
                sawCRLF = true
            } else {
                sawCR = true
            }
        } else {
            return false
        }
        line += 1
        lineStart = index
        return true
    }

    /// The next well-formed record; records with a broken cell are skipped (their findings are recorded).
    mutating func next() -> TextRow? {
        while let (row, broken) = nextRecord() {
            if !broken { return row }
        }
        return nil
    }

    private mutating func nextRecord() -> (TextRow, Bool)? {
        // Skip blank lines.
        while index < bytes.count, consumeLineBreak() {}
        guard index < bytes.count else { return nil }
        let rowLine = line
        var fields: [String] = []
        var columns: [Int] = []
        fields.reserveCapacity(width)
        columns.reserveCapacity(width)
        var rowBroken = false
        while true {
            let start = index
            let cellColumn = column(at: start)
            columns.append(cellColumn)
            let length: Int
            var field = ""
            if index < bytes.count && bytes[index] == Parser.quote {
                let quoteLine = line
                index += 1
                scratch.removeAll(keepingCapacity: true)
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == Parser.quote {
                        if index + 1 < bytes.count && bytes[index + 1] == Parser.quote {
                            scratch.append(byte)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if byte == Parser.lf || byte == Parser.cr {
                        scratch.append(Parser.lf)
                        _ = consumeLineBreak()
                        continue
                    }
                    if byte == 0 { rowBroken = true; error(index, "nul-byte", "the cell contains a NUL byte", "remove it; it is not text") }
                    scratch.append(byte)
                    index += 1
                }
                if !closed {
                    findings.append(Finding(.error, at: Location(file: file, line: quoteLine, column: cellColumn),
                                            code: "unclosed-quote", found: "a quoted cell is never closed (the file may be cut off)",
                                            expected: "end the cell with a double quote; write a quote inside a cell as \"\""))
                    rowBroken = true
                }
                if index < bytes.count && bytes[index] != separator && bytes[index] != Parser.lf && bytes[index] != Parser.cr {
                    error(index, "text-after-quote", "text follows the closing quote of a cell",
                          "put the whole cell in quotes, and write a quote inside it as \"\"")
                    rowBroken = true
                    while index < bytes.count && bytes[index] != separator && bytes[index] != Parser.lf && bytes[index] != Parser.cr { index += 1 }
                }
                length = scratch.count
                if length <= maximumCellLength { field = String(decoding: scratch, as: UTF8.self) }
            } else {
                while index < bytes.count {
                    let byte = bytes[index]
                    // Every byte above '"' except the separator is ordinary text: one comparison for most bytes.
                    if byte > Parser.quote && byte != separator {
                        index += 1
                        continue
                    }
                    if byte == separator || byte == Parser.lf || byte == Parser.cr { break }
                    if byte == 0 { rowBroken = true; error(index, "nul-byte", "the cell contains a NUL byte", "remove it; it is not text") }
                    else if byte == Parser.quote && !rowBroken {
                        error(index, "stray-quote", "a double quote stands inside a cell that does not start with one",
                              "put the whole cell in quotes and write the quote as \"\"")
                        rowBroken = true
                    }
                    index += 1
                }
                length = index - start
                if length <= maximumCellLength {
                    field = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                }
            }
            checkHiddenCharacters(start, index)
            if length > maximumCellLength {
                findings.append(Finding(.error, at: Location(file: file, line: rowLine, column: cellColumn), code: "cell-too-long",
                                        found: "a cell has \(length) bytes", expected: "keep cells under \(maximumCellLength) characters; put long texts in a document and cite it"))
                rowBroken = true
            }
            fields.append(field)
            if index < bytes.count && bytes[index] == separator {
                index += 1
                continue
            }
            _ = consumeLineBreak()
            break
        }
        width = max(width, fields.count)
        return (TextRow(line: rowLine, fields: fields, columns: columns), rowBroken)
    }
}
