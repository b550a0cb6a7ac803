import Domain
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A worksheet of an XLSX workbook, as rows of cell texts.
struct XLSXSheet: Sendable {
    var name: String
    /// The name findings show for its cells: `file [sheet]`, with the row as line and the column's number as column.
    var displayName: String
    var rows: [SheetRow]
}

/// Reads the worksheets of an XLSX file (Office Open XML): the ZIP's workbook, its shared strings and each sheet's cells.
///
/// Text cells (shared, inline or formula strings) give their text, number cells the number as written in the file
/// (`163729`), booleans `0`/`1`. Formats, formulas and styles are not read. Never throws: problems are findings.
enum XLSXReader {
    /// No part of a register workbook comes near this; it bounds memory on a hostile file (a ZIP bomb).
    static let partLimit = 256 * 1024 * 1024

    static func sheets(_ data: Data, file: String) -> ([XLSXSheet], [Finding]) {
        func failure(_ found: String, _ expected: String = "save the workbook again in Excel (.xlsx) or save its sheet as CSV UTF-8") -> ([XLSXSheet], [Finding]) {
            ([], [Finding(.error, at: Location(file: file), code: "bad-xlsx", found: found, expected: expected)])
        }
        // Read from a temporary file, not with Archive(data:): ZIPFoundation 0.9.20's in-memory archive traps on an
        // offset past the end of the data ("Range requires lowerBound <= upperBound", found by Fuzz/FuzzDashboardXLSX)
        // and leaks the data of every file that is no ZIP archive; reading from a file, such an offset is a short read.
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("bench-xlsx-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let archive: Archive
        do {
            try data.write(to: temporary)
            archive = try Archive(url: temporary, accessMode: .read)
        } catch {
            return failure("the file starts like an XLSX (a ZIP archive) but cannot be opened as one")
        }
        func part(_ path: String) -> Data? {
            guard let entry = archive[path], entry.uncompressedSize <= partLimit else { return nil }
            return extract(entry, from: data)
        }
        guard let workbook = part("xl/workbook.xml") else {
            return failure("the archive has no readable xl/workbook.xml: it is no Excel workbook (or a damaged one)")
        }
        let sheetList = WorkbookParser.parse(workbook)
        let relations = RelationshipsParser.parse(part("xl/_rels/workbook.xml.rels") ?? Data())
        var shared: [String] = []
        if let strings = part("xl/sharedStrings.xml") {
            guard let parsed = SharedStringsParser.parse(strings) else {
                return failure("xl/sharedStrings.xml, the workbook's texts, is no readable XML")
            }
            shared = parsed
        }
        guard !sheetList.isEmpty else { return failure("the workbook names no worksheet") }
        var sheets: [XLSXSheet] = []
        var findings: [Finding] = []
        for (name, relation) in sheetList {
            let display = "\(file) [\(name)]"
            guard let target = relations[relation] else {
                findings.append(Finding(.warning, at: Location(file: display), code: "bad-xlsx",
                                        found: "the workbook names sheet '\(name)' but not where it is; the sheet is skipped",
                                        expected: "save the workbook again in Excel"))
                continue
            }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = part(path) else {
                findings.append(Finding(.warning, at: Location(file: display), code: "bad-xlsx",
                                        found: "sheet '\(name)' (\(path)) cannot be read from the archive; the sheet is skipped",
                                        expected: "save the workbook again in Excel"))
                continue
            }
            let parser = SheetParser(shared: shared, file: display)
            guard let rows = parser.parse(xml) else {
                findings.append(Finding(.warning, at: Location(file: display), code: "bad-xlsx",
                                        found: "sheet '\(name)' is no readable XML; the sheet is skipped",
                                        expected: "save the workbook again in Excel"))
                continue
            }
            findings += parser.findings
            sheets.append(XLSXSheet(name: name, displayName: display, rows: rows))
        }
        return (sheets, findings)
    }

    /// `A` -> 1, `J` -> 10, `AA` -> 27: the column number of a cell reference (`J12`); nil where there is none.
    /// The bytes of one part, unpacked by bench from the entry's own bytes within the file rather than by
    /// `Archive.extract`: ZIPFoundation 0.9.20's inflate loop asks its file for more bytes until the deflate stream
    /// ends, and on a stream cut at the end of the file it asks for ever (an open hang found by Fuzz/FuzzDashboardXLSX).
    /// Here the stream gets exactly the entry's compressed bytes; asking for more is an error, so is a wrong checksum.
    /// Nil where the part cannot be read.
    static func extract(_ entry: Entry, from data: Data) -> Data? {
        guard let start = dataOffset(of: entry.path, in: data) else { return nil }
        let size = Int(clamping: entry.compressedSize)
        guard size >= 0, start <= data.count, size <= data.count - start else { return nil }
        let compressed = data.subdata(in: (data.startIndex + start)..<(data.startIndex + start + size))
        var bytes = Data()
        do {
            if !entry.isCompressed {
                bytes = compressed
            } else {
                struct StreamNeverEnds: Error {}
                struct TooLarge: Error {}
                // One chunk of exactly the compressed bytes: ZIPFoundation's decode tells inflate that every chunk is
                // `bufferSize` long, so a shorter chunk would let inflate read past its end.
                guard size > 0 else { return nil }
                _ = try Data.decompress(size: Int64(size), bufferSize: size, skipCRC32: true, provider: { position, _ in
                    guard position == 0 else { throw StreamNeverEnds() }
                    return compressed
                }, consumer: { chunk in
                    guard bytes.count + chunk.count <= partLimit else { throw TooLarge() }
                    bytes.append(chunk)
                })
            }
        } catch {
            return nil
        }
        guard bytes.count == Int(clamping: entry.uncompressedSize), bytes.crc32(checksum: 0) == entry.checksum else { return nil }
        return bytes
    }

    /// Where the data of the entry `path` begins: after the first local file header (`PK 3 4`) that names it.
    static func dataOffset(of path: String, in data: Data) -> Int? {
        let name = Array(path.utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index + 30 <= bytes.count {
                if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 3, bytes[index + 3] == 4 {
                    let nameLength = Int(bytes[index + 26]) | Int(bytes[index + 27]) << 8
                    let extraLength = Int(bytes[index + 28]) | Int(bytes[index + 29]) << 8
                    let nameStart = index + 30
                    if nameLength == name.count, nameStart + nameLength <= bytes.count,
                       bytes[nameStart..<(nameStart + nameLength)].elementsEqual(name) {
                        return nameStart + nameLength + extraLength
                    }
                }
                index += 1
            }
            return nil
        }
    }

    static func column(of reference: String) -> Int? {
        var number = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            number = number * 26 + Int(scalar.value - 64)
            if number > 16_384 { return nil }
        }
        return number == 0 ? nil : number
    }

    /// `J12` -> 12.
    static func row(of reference: String) -> Int? {
        Int(String(reference.unicodeScalars.filter { ("0"..."9").contains($0) }))
    }
}

/// `xl/workbook.xml`: the sheets in their order, with their relationship ids.
private final class WorkbookParser: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relation: String)] = []

    static func parse(_ data: Data) -> [(name: String, relation: String)] {
        let delegate = WorkbookParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        parser.parse()
        return delegate.sheets
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard localName(elementName) == "sheet", let name = attributes["name"] else { return }
        let relation = attributes.first { localName($0.key) == "id" && $0.key.contains(":") }?.value ?? ""
        sheets.append((name, relation))
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship id -> part path.
private final class RelationshipsParser: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    static func parse(_ data: Data) -> [String: String] {
        let delegate = RelationshipsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        return delegate.targets
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard localName(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
    }
}

/// `xl/sharedStrings.xml`: the texts cells of type `s` point to, each the concatenation of its `t` elements (rich text
/// runs included, phonetic runs left out).
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var inPhonetic = false

    static func parse(_ data: Data) -> [String]? {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        return parser.parse() ? delegate.strings : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(elementName) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(elementName) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// A worksheet's `sheetData`: rows of cells, placed by their reference (`J12`), empty cells filled in.
private final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    let file: String
    var rows: [SheetRow] = []
    var findings: [Finding] = []
    var rowNumber = 0
    var cells: [String] = []
    var cellColumn = 0
    var cellType = ""
    var cellReference = ""
    var value = ""
    var collecting = false

    init(shared: [String], file: String) {
        self.shared = shared
        self.file = file
    }

    func parse(_ data: Data) -> [SheetRow]? {
        let parser = XMLParser(data: data)
        parser.delegate = self
        return parser.parse() ? rows : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
        case "c":
            cellReference = attributes["r"] ?? ""
            cellColumn = XLSXReader.column(of: cellReference) ?? cells.count + 1
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            collecting = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(elementName) {
        case "v", "t":
            collecting = false
        case "c":
            var text = value
            if cellType == "s" {
                if let index = Int(value), shared.indices.contains(index) {
                    text = shared[index]
                } else {
                    text = ""
                    findings.append(Finding(.warning, at: Location(file: file, line: rowNumber, column: cellColumn), code: "bad-xlsx",
                                            found: "cell \(cellReference) points to text \(value), which the workbook does not have; read as empty",
                                            expected: "save the workbook again in Excel"))
                }
            }
            if cellColumn > cells.count + 1 {
                cells += Array(repeating: "", count: cellColumn - cells.count - 1)
            }
            if cellColumn == cells.count + 1 { cells.append(text) } else if cellColumn <= cells.count { cells[cellColumn - 1] = text }
        case "row":
            rows.append(SheetRow(line: rowNumber, cells: cells,
                                 locations: cells.indices.map { Location(file: file, line: rowNumber, column: $0 + 1) },
                                 end: Location(file: file, line: rowNumber, column: cells.count + 1)))
        default:
            break
        }
    }
}

/// `x:sheet` -> `sheet`.
private func localName(_ name: String) -> Substring {
    name.split(separator: ":").last ?? Substring(name)
}
