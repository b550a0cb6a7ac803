import Domain
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The first worksheet of an XLSX file as rows of text cells, each with its spreadsheet row (as the line) and column
/// number, so that a finding names the cell a person finds in Excel ("line 12, column 4" is D12).
struct XLSXSheet {
    /// The rows in order; empty rows are left out. `columns` holds each cell's column number (1 = A).
    var rows: [TextRow] = []

    /// The largest part of the archive read (uncompressed): a sheet of a million rows stays below it, a ZIP bomb does not.
    static let partLimit = 512 * 1024 * 1024

    /// Reads `data`; a file that is no XLSX, or whose parts cannot be read, is a finding.
    static func read(_ data: Data, file: String) -> (XLSXSheet?, [Finding]) {
        func failure(_ found: String) -> (XLSXSheet?, [Finding]) {
            (nil, [Finding(.error, at: Location(file: file, line: 1, column: 1), code: "xlsx", found: found,
                           expected: "pass the XLSX file as downloaded, or save it as CSV")])
        }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            return failure("the file is not an XLSX workbook (no ZIP archive)")
        }
        func part(_ path: String) -> Data? {
            guard let entry = archive[path], entry.type == .file, Int(entry.uncompressedSize) <= partLimit else { return nil }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    if bytes.count > partLimit { throw CocoaError(.fileReadTooLarge) }
                }
            } catch { return nil }
            return bytes
        }
        // The first sheet of the workbook, through its relationship; `sheet1.xml` where the workbook does not say.
        var sheetPath = "xl/worksheets/sheet1.xml"
        if let workbook = part("xl/workbook.xml"), let rels = part("xl/_rels/workbook.xml.rels") {
            let sheets = ElementCollector(names: ["sheet"]).collect(workbook)
            let relations = ElementCollector(names: ["Relationship"]).collect(rels)
            if let id = sheets.first?["r:id"], let target = relations.first(where: { $0["Id"] == id })?["Target"] {
                sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        var shared: [String] = []
        if let strings = part("xl/sharedStrings.xml") {
            let reader = SharedStrings()
            let parser = XMLParser(data: strings)
            parser.delegate = reader
            guard parser.parse() else { return failure("the workbook's shared strings are not readable XML (line \(parser.lineNumber))") }
            shared = reader.strings
        }
        guard let sheetData = part(sheetPath) else { return failure("the workbook has no readable first sheet (\(sheetPath))") }
        let reader = SheetReader(shared: shared)
        let parser = XMLParser(data: sheetData)
        parser.delegate = reader
        guard parser.parse() else { return failure("the first sheet is not readable XML (line \(parser.lineNumber))") }
        if let problem = reader.problem { return failure(problem) }
        return (XLSXSheet(rows: reader.rows), [])
    }

    /// The column number of a cell reference's letters (`D12` -> 4).
    static func column(of reference: String) -> Int? {
        var number = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            number = number * 26 + Int(scalar.value) - 64
            if number > 16_384 { return nil }
        }
        return number > 0 ? number : nil
    }
}

/// The attributes of every element of the given names.
private final class ElementCollector: NSObject, XMLParserDelegate {
    let names: Set<String>
    var found: [[String: String]] = []

    init(names: Set<String>) { self.names = names }

    func collect(_ data: Data) -> [[String: String]] {
        let parser = XMLParser(data: data)
        parser.delegate = self
        _ = parser.parse()
        return found
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if names.contains(elementName) { found.append(attributes) }
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, its runs (`<r><t>`) joined.
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if elementName == "si" { current = "" }
        if elementName == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "t" { inText = false }
        if elementName == "si" { strings.append(current) }
    }
}

/// A worksheet's cells: `<row r="2"><c r="B2" t="s"><v>3</v></c>...`. Shared strings (`t="s"`), inline strings
/// (`t="inlineStr"`), formula results (`t="str"`), booleans and numbers are read as their text.
private final class SheetReader: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [TextRow] = []
    var problem: String?
    private var rowNumber = 0
    private var cells: [(column: Int, text: String)] = []
    private var cellType = ""
    private var cellColumn = 0
    private var text = ""
    private var collecting = false

    init(shared: [String]) { self.shared = shared }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch elementName {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells = []
        case "c":
            cellType = attributes["t"] ?? ""
            cellColumn = attributes["r"].flatMap(XLSXSheet.column(of:)) ?? (cells.last?.column ?? 0) + 1
            text = ""
        case "v", "t":
            collecting = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "v", "t":
            collecting = false
        case "c":
            var value = text
            if cellType == "s" {
                guard let index = Int(text), shared.indices.contains(index) else {
                    problem = "cell \(cellColumn) of row \(rowNumber) names shared string \(text), which the workbook does not have"
                    parser.abortParsing()
                    return
                }
                value = shared[index]
            }
            cells.append((cellColumn, value))
        case "row":
            guard !cells.isEmpty, cells.contains(where: { !$0.text.isEmpty }) else { return }
            // Cells the sheet leaves out (empty) are empty fields, so that a field's position is its column.
            let width = cells.map(\.column).max() ?? 0
            var fields = Array(repeating: "", count: width)
            for cell in cells where cell.column >= 1 { fields[cell.column - 1] = cell.text }
            rows.append(TextRow(line: rowNumber, fields: fields, columns: Array(1...max(width, 1)).prefix(width).map { $0 }))
        default:
            break
        }
    }
}

extension DashboardExport {
    /// Reads an XLSX file as `/v1/data/{ars}` gives it with `filetype=xlsx`: the first sheet, a header row of the
    /// export's fields, then one row per service. A finding names the spreadsheet row as its line and the column number.
    public mutating func readXLSX(_ data: Data, file: String) {
        let (sheet, sheetFindings) = XLSXSheet.read(data, file: file)
        guard let sheet else {
            files.append(file)
            for finding in sheetFindings { findings.append(finding); exportFindingsAppend(finding) }
            return
        }
        guard let header = sheet.rows.first else {
            files.append(file)
            let finding = Finding(.error, at: Location(file: file, line: 1, column: 1), code: "empty-export", found: "the first sheet is empty",
                                  expected: "pass the XLSX file as the dashboard gives it")
            findings.append(finding)
            exportFindingsAppend(finding)
            return
        }
        files.append(file)
        // Rows shorter than the header (trailing empty cells left out) are padded.
        let rows = sheet.rows.dropFirst().map { row -> TextRow in
            var fields = row.fields
            if fields.count < header.fields.count { fields += Array(repeating: "", count: header.fields.count - fields.count) }
            return TextRow(line: row.line, fields: fields, columns: Array(1...max(fields.count, 1)).prefix(fields.count).map { $0 })
        }
        readTable(header: header.fields, headerLine: header.line, rows: rows, file: file, headerColumns: Array(1...max(header.fields.count, 1)))
    }
}
