import Domain
import Foundation

/// One row of the federal OZG dashboard's export: a LeiKa-Leistung of one territorial unit for which the dashboard
/// knows an online service, and whether that service works.
public struct DashboardRow: Sendable, Hashable {
    public var leikaKey: LeikaKey
    public var leikaName: String
    public var ars: String
    public var arsName: String
    /// `ars_federal_state`: the 2-digit Land code (`05`); the ARS's first two digits where the export has no such field.
    public var landCode: String
    public var bundesland: String
    /// The OZG-Leistung the dashboard files the service under; nil where it names none.
    public var ozgID: OzgID?
    public var ozgName: String
    public var url: String
    /// `online_status`: `ok` (true) or `nicht ok` (false).
    public var online: Bool
    /// `aktiv`: `ja`, `nein`; nil where the export has no such field.
    public var active: Bool?
    public var coverage: DashboardCoverage
    /// Where the row stands in the export.
    public var origin: Location
}

/// A dashboard export as read: its rows (of one territorial unit or of many), its date where it gives one, and every
/// problem with file, line and column.
public struct DashboardExport: Sendable {
    public var rows: [DashboardRow] = []
    /// The export's own date (`stand`); nil where it gives none (then `--snapshot` must).
    public var snapshot: PartialDate?
    /// Every finding, of the files and of the rows.
    public var findings: [Finding] = []
    /// The findings about rows of one territorial unit (by ARS): an error there refuses that unit's rows only.
    public private(set) var authorityFindings: [String: [Finding]] = [:]
    /// The findings that concern the export as a whole (a file, a header, the pages): an error there refuses all.
    public private(set) var exportFindings: [Finding] = []
    /// The files read, and for CSV how they were saved.
    public var files: [String] = []
    public var dialects: [String: CSVDialect] = [:]

    public init() {}

    /// The municipality the export is about (the ARS of its rows), where they agree.
    public var ars: String? { rows.first?.ars }
    public var arsName: String? { rows.first.map(\.arsName).flatMap { $0.isEmpty ? nil : $0 } }
    public var bundesland: String? { rows.first.map(\.bundesland).flatMap { $0.isEmpty ? nil : $0 } }

    /// The territorial units the rows are of, in key order.
    public var authorities: [String] { Set(rows.map(\.ars)).sorted() }

    /// The field names of a row, in CSV and JSON alike.
    static let requiredFields = ["leika_key", "ars", "ozgid", "online_status", "art_flaechendeckung"]
    static let optionalFields = ["leika_name", "leika_bezeichnung", "ars_name", "ars_federal_state", "bundesland", "ozg_bezeichnung",
                                 "url", "aktiv", "stand"]

    /// Records a finding that is already in `findings` as one about the export as a whole.
    mutating func exportFindingsAppend(_ finding: Finding) { exportFindings.append(finding) }

    /// Records a finding about the export as a whole.
    private mutating func report(_ finding: Finding) {
        findings.append(finding)
        exportFindings.append(finding)
    }

    /// Records a finding about rows of the unit `ars`.
    private mutating func report(_ finding: Finding, ars: String) {
        findings.append(finding)
        authorityFindings[ars, default: []].append(finding)
    }

    /// Reads the CSV as the dashboard offers it for download (any dialect `CSVReader` accepts): `/v1/data/{ars}` with
    /// `filetype=csv`, one territorial unit with, by default, the units above and below it.
    public mutating func readCSV(_ data: Data, file: String) {
        files.append(file)
        let (table, dialect, csvFindings) = CSVReader().table(from: data, file: file)
        dialects[file] = dialect
        for finding in csvFindings { report(finding) }
        guard let table, !csvFindings.hasErrors else { return }
        readTable(header: table.header, headerLine: table.headerLine, rows: table.rows, file: file)
    }

    /// Reads a table of cells (a CSV file's or an XLSX sheet's): the header names the fields.
    mutating func readTable(header: [String], headerLine: Int, rows tableRows: [TextRow], file: String, headerColumns: [Int]? = nil) {
        let fieldsBefore = exportFindings.count
        var index: [String: Int] = [:]
        var column = 1
        for (position, rawName) in header.enumerated() {
            let name = rawName.trimmed
            let here = Location(file: file, line: headerLine, column: headerColumns?[position] ?? column)
            column += rawName.count + 1
            if !(Self.requiredFields + Self.optionalFields).contains(name) {
                report(Finding(.warning, at: here, code: "extra-column", found: "column '\(name)' is not a field of the dashboard export; it is ignored",
                               expected: "check its spelling; the fields are: " + (Self.requiredFields + Self.optionalFields).joined(separator: ", ")))
            } else if index[name] != nil {
                report(Finding(.error, at: here, code: "duplicate-column", found: "column '\(name)' appears twice", expected: "keep one of them"))
            }
            index[name] = position
        }
        checkHeader(Set(index.keys), at: Location(file: file, line: headerLine, column: 1))
        guard !Array(exportFindings.dropFirst(fieldsBefore)).hasErrors else { return }
        for row in tableRows {
            guard row.fields.count == header.count else {
                report(Finding(.error, at: Location(file: file, line: row.line, column: 1), code: "cell-count",
                               found: "this row has \(row.fields.count) cells, the header has \(header.count)",
                               expected: "give every row one cell per column; quote cells that contain the separator"))
                continue
            }
            add { name in
                guard let position = index[name] else { return nil }
                return (row.fields[position].trimmed, Location(file: file, line: row.line, column: row.columns[position]))
            }
        }
    }

    /// Reads one file of the dashboard API's paged JSON: a page of `/v1/data` (`{"content": [...], "number": 0,
    /// "totalPages": N, "last": false, ...}`), the older page shape (`{"stand", "page", "pages", "items": [...]}`),
    /// or a list of pages. Call `finish()` after the last file to check that no page is missing.
    public mutating func readJSON(_ data: Data, file: String) {
        files.append(file)
        let (document, syntaxError) = PositionedJSON.parse(data, file: file)
        if let syntaxError { report(syntaxError) }
        guard let document else { return }
        var pageNodes: [PositionedJSON] = []
        switch document.value {
        case .object: pageNodes = [document]
        case .array(let items): pageNodes = items
        default:
            report(Finding(.error, at: Location(file: file, line: document.line, column: document.column), code: "json-shape",
                           found: "the document is \(document.kind)", expected: "a page object {\"content\": [...], \"number\": 0, \"totalPages\": N} or a list of them"))
            return
        }
        for page in pageNodes { readPage(page, file: file) }
    }

    /// Pages read (numbered from 1), and the page count the pages claim with where they claim it.
    private var pages: [Int: Location] = [:]
    private var pageCount: (Int, Location)?
    /// The last page by its own word (`"last": true`), with where it says so.
    private var lastPage: (Int, Location)?

    private mutating func readPage(_ page: PositionedJSON, file: String) {
        func at(_ node: PositionedJSON) -> Location { Location(file: file, line: node.line, column: node.column) }
        guard case .object = page.value else {
            report(Finding(.error, at: at(page), code: "json-shape", found: "a page is \(page.kind)",
                           expected: "each page is an object {\"content\": [...], \"number\": 0, \"totalPages\": N}"))
            return
        }
        // /v1/data numbers its pages from 0 (`number`, or `pageable.pageNumber`); the older shape from 1 (`page`).
        let apiShape = page["content"] != nil
        let numberNode = apiShape ? (page["number"] ?? page["pageable"]?["pageNumber"]) : page["page"]
        let countNode = apiShape ? page["totalPages"] : page["pages"]
        var thisPage: Int?
        if let numberNode, let countNode {
            let offset = apiShape ? 1 : 0
            guard let value = numberNode.text.flatMap({ Int($0) }).map({ $0 + offset }), let total = countNode.text.flatMap({ Int($0) }),
                  value >= 1, value <= total else {
                report(Finding(.error, at: at(numberNode), code: "bad-page",
                               found: "the page number and page count are not page numbers (page \(numberNode.text ?? "?") of \(countNode.text ?? "?"))",
                               expected: apiShape ? "0 <= number < totalPages, as /v1/data counts its pages" : "1 <= page <= pages"))
                return
            }
            if let first = pages[value] {
                report(Finding(.error, at: at(numberNode), code: "duplicate-page", found: "page \(value) appears twice (first at \(first))",
                               expected: "pass each page of the export once"))
            }
            pages[value] = at(numberNode)
            if let (known, where_) = pageCount, known != total {
                report(Finding(.error, at: at(countNode), code: "page-count", found: "this page says there are \(total) pages, \(where_) says \(known)",
                               expected: "pass the pages of one export only"))
            }
            pageCount = (total, at(countNode))
            thisPage = value
        }
        if let lastNode = page["last"], case .bool(true) = lastNode.value, let thisPage {
            lastPage = (thisPage, at(lastNode))
        }
        if let stand = page["stand"] ?? page["datum"] {
            readDate(stand.text ?? "", at: at(stand))
        }
        let itemsName = apiShape ? "content" : "items"
        guard let items = page[itemsName], case .array(let rows) = items.value else {
            report(Finding(.error, at: at(page), code: "json-shape", found: "the page has no list '\(itemsName)'",
                           expected: "put the rows in \"content\": [{\"leika_key\": ..., ...}, ...] as /v1/data does"))
            return
        }
        for item in rows {
            guard case .object(let members) = item.value else {
                report(Finding(.error, at: at(item), code: "json-shape", found: "an item is \(item.kind)", expected: "each item is an object with the export's fields"))
                continue
            }
            let before = exportFindings.count
            checkHeader(Set(members.map(\.key)), at: at(item))
            guard exportFindings.count == before else { continue }
            add { name in
                guard let node = item[name] else { return nil }
                guard let text = node.text else {
                    if case .null = node.value { return ("", at(node)) }
                    return ("\u{0}\(node.kind)", at(node))
                }
                return (text.trimmed, at(node))
            }
        }
    }

    /// How many missing page numbers a finding names at most.
    static let namedMissingPages = 10

    /// Checks that every page 1...pages was read (for JSON), and that no unit has the same LeiKa-Leistung twice,
    /// once all files are read.
    public mutating func finish() {
        if let (total, place) = pageCount {
            // Every page read lies in 1...total, so the missing ones are counted without visiting each number (an export
            // may claim a billion pages); the finding names the first few.
            let missingCount = total - pages.count
            if missingCount > 0 {
                var named: [Int] = []
                var page = 1
                while named.count < DashboardExport.namedMissingPages && page <= total {
                    if pages[page] == nil { named.append(page) }
                    page += 1
                }
                let list = named.map(String.init).joined(separator: ", ") + (missingCount > named.count ? " and \(missingCount - named.count) more" : "")
                report(Finding(.error, at: place, code: "missing-page",
                               found: "page\(missingCount == 1 ? "" : "s") \(list) of \(total) \(missingCount == 1 ? "is" : "are") missing",
                               expected: "pass every page file of the export"))
            }
            if let (last, place) = lastPage, last != total {
                report(Finding(.error, at: place, code: "page-count",
                               found: "page \(last) says it is the last, but the pages say there are \(total)",
                               expected: "pass the pages of one complete download"))
            }
        }
        // One row per LeiKa-Leistung and unit: the same row twice is kept once (a page passed twice says so above);
        // the same service twice with different statuses is a contradiction, named at both places.
        var first: [RowKey: Int] = [:]
        var drop = Set<Int>()
        for (position, row) in rows.enumerated() {
            let key = RowKey(ars: row.ars, leikaKey: row.leikaKey)
            guard let earlier = first[key] else { first[key] = position; continue }
            let other = rows[earlier]
            drop.insert(position)
            if other.online == row.online && other.active == row.active && other.coverage == row.coverage {
                report(Finding(.error, at: row.origin, code: "duplicate-row",
                               found: "LeiKa key \(row.leikaKey) of ARS \(row.ars) appears twice (first at \(other.origin))",
                               expected: "an export has one row per LeiKa-Leistung and unit; pass each page once"), ars: row.ars)
            } else {
                let says = { (r: DashboardRow) in "'\(r.online ? "ok" : "nicht ok")', aktiv '\(r.active.map { $0 ? "ja" : "nein" } ?? "")', '\(r.coverage.rawValue)'" }
                for (here, there) in [(other, row), (row, other)] {
                    report(Finding(.error, at: here.origin, code: "contradicting-rows",
                                   found: "LeiKa key \(row.leikaKey) of ARS \(row.ars) says \(says(here)) here but \(says(there)) at \(there.origin)",
                                   expected: "an export has one row per LeiKa-Leistung and unit; check which download is right and pass only that one"),
                           ars: row.ars)
                }
            }
        }
        if !drop.isEmpty { rows = rows.enumerated().filter { !drop.contains($0.offset) }.map(\.element) }
    }

    private struct RowKey: Hashable { let ars: String; let leikaKey: LeikaKey }

    private mutating func checkHeader(_ names: Set<String>, at location: Location) {
        for name in Self.requiredFields where !names.contains(name) {
            report(Finding(.error, at: location, code: "missing-column", found: "field '\(name)' is missing",
                           expected: "the dashboard export has the fields " + (Self.requiredFields + ["leika_name"]).joined(separator: ", ")))
        }
        if !names.contains("leika_name") && !names.contains("leika_bezeichnung") {
            report(Finding(.error, at: location, code: "missing-column", found: "neither 'leika_name' nor 'leika_bezeichnung' is there",
                           expected: "the export names each LeiKa-Leistung in one of them"))
        }
    }

    private mutating func readDate(_ text: String, at location: Location) {
        guard let date = PartialDate(text) ?? CatalogueReading.isoDate(text).flatMap({ PartialDate($0) }) else {
            report(Finding(.error, at: location, code: "bad-date", found: "the export's date is '\(text)'",
                           expected: "a date as YYYY-MM-DD or DD.MM.YYYY"))
            return
        }
        if let snapshot, snapshot != date {
            report(Finding(.error, at: location, code: "mixed-dates", found: "the export is dated \(date) here but \(snapshot) elsewhere",
                           expected: "import the pages of one export (one date) at a time"))
        }
        snapshot = date
    }

    /// Strings that repeat from row to row (a unit's name, a Land, an OZG-Leistung's name), kept once: an export of
    /// all Germany has millions of rows.
    private var interned: Set<String> = []

    private mutating func intern(_ text: String) -> String {
        if text.utf8.count <= 15 { return text }
        if let known = interned.firstIndex(of: text) { return interned[known] }
        interned.insert(text)
        return text
    }

    /// Reads one row through `cell`, which gives a field's text and place (nil where the field is absent).
    private mutating func add(_ cell: (String) -> (String, Location)?) {
        var ok = true
        var rowFindings: [Finding] = []
        var reported: [Location] = []
        func error(_ at: Location, _ code: String, _ found: String, _ expected: String) {
            ok = false
            // One finding per cell: a value that is no text is not also reported as an unknown word.
            guard !reported.contains(at) else { return }
            reported.append(at)
            rowFindings.append(Finding(.error, at: at, code: code, found: found, expected: expected))
        }
        func field(_ name: String) -> (String, Location) {
            guard let (text, at) = cell(name) else { return ("", Location(file: files.last ?? "", line: nil)) }
            if text.hasPrefix("\u{0}") {
                error(at, "json-shape", "'\(name)' is \(text.dropFirst())", "write it as text")
                return ("", at)
            }
            return (text, at)
        }
        let (keyText, keyAt) = field("leika_key")
        let key = LeikaKey(keyText)
        if key == nil { error(keyAt, "bad-leika-key", "leika_key is '\(keyText)'", "a LeiKa key has exactly 14 digits (e.g. 99012001000000)") }
        var (name, nameAt) = field("leika_name")
        // The other name field only where the export has it: an empty leika_name keeps its own place otherwise.
        if name.isEmpty, cell("leika_bezeichnung") != nil { (name, nameAt) = field("leika_bezeichnung") }
        // A row without either name field: the finding stands at its key.
        if name.isEmpty { error(nameAt.line == nil ? keyAt : nameAt, "empty-cell", "the LeiKa-Leistung has no name (leika_name / leika_bezeichnung)", "the export names every service") }
        let (ars, arsAt) = field("ars")
        let arsValid = (ars.count == 12 || ars.count == 5) && ars.allSatisfy(\.isASCII) && ars.allSatisfy(\.isNumber)
        if !arsValid {
            error(arsAt, "bad-key", "ars is '\(ars)'", "the Amtlicher Regionalschlüssel has 12 digits (a Kreis key 5)")
        }
        var (landCode, landAt) = field("ars_federal_state")
        if landCode.isEmpty, arsValid {
            landCode = String(ars.prefix(2))
        } else if !landCode.isEmpty {
            // Excel may have saved `05` as `5`.
            if landCode.count == 1, landCode.allSatisfy(\.isNumber) { landCode = "0" + landCode }
            if !(landCode.count == 2 && landCode.allSatisfy({ $0.isASCII && $0.isNumber })) {
                error(landAt, "bad-key", "ars_federal_state is '\(landCode)'", "the 2-digit code of the Land (01 to 16, e.g. 05)")
            } else if arsValid, !ars.hasPrefix(landCode) {
                error(landAt, "bad-key", "ars_federal_state is '\(landCode)' but the ARS \(ars) lies in Land \(ars.prefix(2))",
                      "check the row: the ARS begins with its Land's code")
            }
        }
        let (ozgText, ozgAt) = field("ozgid")
        var ozgID: OzgID?
        if !ozgText.isEmpty {
            ozgID = OzgID(ozgText)
            if ozgID == nil { error(ozgAt, "bad-ozg-id", "ozgid is '\(ozgText)'", "the numeric OZG-ID (e.g. 10092), or empty") }
        }
        let (statusText, statusAt) = field("online_status")
        let online: Bool? = statusText == "ok" ? true : statusText == "nicht ok" ? false : nil
        if online == nil { error(statusAt, "unknown-word", "online_status is '\(statusText)'", "use 'ok' or 'nicht ok' as the dashboard does") }
        let (activeText, activeAt) = field("aktiv")
        var active: Bool?
        switch activeText {
        case "ja": active = true
        case "nein": active = false
        case "": active = nil
        default: error(activeAt, "unknown-word", "aktiv is '\(activeText)'", "use 'ja' or 'nein' as the dashboard does")
        }
        let (coverageText, coverageAt) = field("art_flaechendeckung")
        let coverage = DashboardCoverage(rawValue: coverageText)
        if coverage == nil {
            error(coverageAt, "unknown-word", "art_flaechendeckung is '\(coverageText)'",
                  "use one of the dashboard's values: " + DashboardCoverage.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
        }
        let (stand, standAt) = field("stand")
        if !stand.isEmpty { readDate(stand, at: standAt) }
        // A row's problems belong to its unit where the ARS is readable: the other units' rows stay importable.
        for finding in rowFindings {
            if arsValid { report(finding, ars: ars) } else { report(finding) }
        }
        guard ok, let key, let online, let coverage else { return }
        rows.append(DashboardRow(leikaKey: key, leikaName: intern(name), ars: intern(ars), arsName: intern(field("ars_name").0), landCode: landCode,
                                 bundesland: intern(field("bundesland").0), ozgID: ozgID, ozgName: intern(field("ozg_bezeichnung").0),
                                 url: field("url").0, online: online, active: active, coverage: coverage, origin: keyAt))
    }
}
