import Domain
import Foundation

/// One row of the federal OZG dashboard's export for one municipality: a LeiKa-Leistung and its online status.
public struct DashboardRow: Sendable, Hashable {
    public var leikaKey: LeikaKey
    public var leikaName: String
    public var ars: String
    public var arsName: String
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

/// A dashboard export as read: its rows, its date where it gives one, and every problem with file, line and column.
public struct DashboardExport: Sendable {
    public var rows: [DashboardRow] = []
    /// The export's own date (`stand`); nil where it gives none (then `--snapshot` must).
    public var snapshot: PartialDate?
    public var findings: [Finding] = []
    /// The files read, and for CSV how they were saved.
    public var files: [String] = []
    public var dialects: [String: CSVDialect] = [:]

    public init() {}

    /// The municipality the export is about (the ARS of its rows), where they agree.
    public var ars: String? { rows.first?.ars }
    public var arsName: String? { rows.first.map(\.arsName).flatMap { $0.isEmpty ? nil : $0 } }
    public var bundesland: String? { rows.first.map(\.bundesland).flatMap { $0.isEmpty ? nil : $0 } }

    /// The field names of a row, in CSV and JSON alike.
    static let requiredFields = ["leika_key", "ars", "ozgid", "online_status", "art_flaechendeckung"]
    static let optionalFields = ["leika_name", "leika_bezeichnung", "ars_name", "bundesland", "ozg_bezeichnung", "url", "aktiv", "stand"]

    /// Reads the CSV as the dashboard offers it for download (any dialect `CSVReader` accepts).
    public mutating func readCSV(_ data: Data, file: String) {
        files.append(file)
        let (table, dialect, csvFindings) = CSVReader().table(from: data, file: file)
        dialects[file] = dialect
        findings += csvFindings
        guard let table, !csvFindings.hasErrors else { return }
        var index: [String: Int] = [:]
        var column = 1
        for (position, rawName) in table.header.enumerated() {
            let name = rawName.trimmed
            let here = Location(file: file, line: table.headerLine, column: column)
            column += rawName.count + 1
            if !(Self.requiredFields + Self.optionalFields).contains(name) {
                findings.append(Finding(.warning, at: here, code: "extra-column", found: "column '\(name)' is not a field of the dashboard export; it is ignored",
                                        expected: "check its spelling; the fields are: " + (Self.requiredFields + Self.optionalFields).joined(separator: ", ")))
            } else if index[name] != nil {
                findings.append(Finding(.error, at: here, code: "duplicate-column", found: "column '\(name)' appears twice", expected: "keep one of them"))
            }
            index[name] = position
        }
        checkHeader(Set(index.keys), at: Location(file: file, line: table.headerLine, column: 1))
        guard !findings.hasErrors else { return }
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                findings.append(Finding(.error, at: Location(file: file, line: row.line, column: 1), code: "cell-count",
                                        found: "this row has \(row.fields.count) cells, the header has \(table.header.count)",
                                        expected: "give every row one cell per column; quote cells that contain the separator"))
                continue
            }
            add { name in
                guard let position = index[name] else { return nil }
                return (row.fields[position].trimmed, Location(file: file, line: row.line, column: row.columns[position]))
            }
        }
    }

    /// Reads one file of the dashboard API's paged JSON: a page `{"stand", "page", "pages", "items": [...]}`,
    /// or a list of such pages. Call `finish()` after the last file to check that no page is missing.
    public mutating func readJSON(_ data: Data, file: String) {
        files.append(file)
        let (document, syntaxError) = PositionedJSON.parse(data, file: file)
        if let syntaxError { findings.append(syntaxError) }
        guard let document else { return }
        var pageNodes: [PositionedJSON] = []
        switch document.value {
        case .object: pageNodes = [document]
        case .array(let items): pageNodes = items
        default:
            findings.append(Finding(.error, at: Location(file: file, line: document.line, column: document.column), code: "json-shape",
                                    found: "the document is \(document.kind)", expected: "a page object {\"page\": 1, \"pages\": N, \"items\": [...]} or a list of them"))
            return
        }
        for page in pageNodes { readPage(page, file: file) }
    }

    private var pages: [Int: Location] = [:]
    private var pageCount: (Int, Location)?

    private mutating func readPage(_ page: PositionedJSON, file: String) {
        func at(_ node: PositionedJSON) -> Location { Location(file: file, line: node.line, column: node.column) }
        guard case .object = page.value else {
            findings.append(Finding(.error, at: at(page), code: "json-shape", found: "a page is \(page.kind)",
                                    expected: "each page is an object {\"page\": 1, \"pages\": N, \"items\": [...]}"))
            return
        }
        if let number = page["page"], let pagesNode = page["pages"] {
            guard let value = number.text.flatMap({ Int($0) }), let total = pagesNode.text.flatMap({ Int($0) }), value >= 1, value <= total else {
                findings.append(Finding(.error, at: at(number), code: "bad-page", found: "'page' and 'pages' are not page numbers (page \(number.text ?? "?") of \(pagesNode.text ?? "?"))",
                                        expected: "1 <= page <= pages"))
                return
            }
            if let first = pages[value] {
                findings.append(Finding(.error, at: at(number), code: "duplicate-page", found: "page \(value) appears twice (first at \(first))",
                                        expected: "pass each page of the export once"))
            }
            pages[value] = at(number)
            if let (known, where_) = pageCount, known != total {
                findings.append(Finding(.error, at: at(pagesNode), code: "page-count", found: "this page says there are \(total) pages, \(where_) says \(known)",
                                        expected: "pass the pages of one export only"))
            }
            pageCount = (total, at(pagesNode))
        }
        if let stand = page["stand"] ?? page["datum"] {
            readDate(stand.text ?? "", at: at(stand))
        }
        guard let items = page["items"], case .array(let rows) = items.value else {
            findings.append(Finding(.error, at: at(page), code: "json-shape", found: "the page has no list 'items'",
                                    expected: "put the rows in \"items\": [{\"leika_key\": ..., ...}, ...]"))
            return
        }
        for item in rows {
            guard case .object(let members) = item.value else {
                findings.append(Finding(.error, at: at(item), code: "json-shape", found: "an item is \(item.kind)", expected: "each item is an object with the export's fields"))
                continue
            }
            let itemFindings = findings.count
            checkHeader(Set(members.map(\.key)), at: at(item))
            guard findings.count == itemFindings else { continue }
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

    /// Checks that every page 1...pages was read (for JSON), once all files are read.
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
                findings.append(Finding(.error, at: place, code: "missing-page",
                                        found: "page\(missingCount == 1 ? "" : "s") \(list) of \(total) \(missingCount == 1 ? "is" : "are") missing",
                                        expected: "pass every page file of the export"))
            }
        }
        var first: [LeikaKey: Location] = [:]
        for row in rows {
            if let earlier = first[row.leikaKey] {
                findings.append(Finding(.error, at: row.origin, code: "duplicate-row",
                                        found: "LeiKa key \(row.leikaKey) appears twice (first at \(earlier))",
                                        expected: "an export has one row per LeiKa-Leistung; pass each page once"))
            } else {
                first[row.leikaKey] = row.origin
            }
        }
        if let ars = rows.first?.ars, let other = rows.first(where: { $0.ars != ars }) {
            findings.append(Finding(.error, at: other.origin, code: "mixed-municipalities",
                                    found: "ars is \(other.ars) here but \(ars) at \(rows[0].origin)",
                                    expected: "import one municipality's export at a time"))
        }
    }

    private mutating func checkHeader(_ names: Set<String>, at location: Location) {
        for name in Self.requiredFields where !names.contains(name) {
            findings.append(Finding(.error, at: location, code: "missing-column", found: "field '\(name)' is missing",
                                    expected: "the dashboard export has the fields " + (Self.requiredFields + ["leika_name"]).joined(separator: ", ")))
        }
        if !names.contains("leika_name") && !names.contains("leika_bezeichnung") {
            findings.append(Finding(.error, at: location, code: "missing-column", found: "neither 'leika_name' nor 'leika_bezeichnung' is there",
                                    expected: "the export names each LeiKa-Leistung in one of them"))
        }
    }

    private mutating func readDate(_ text: String, at location: Location) {
        guard let date = PartialDate(text) ?? CatalogueReading.isoDate(text).flatMap({ PartialDate($0) }) else {
            findings.append(Finding(.error, at: location, code: "bad-date", found: "the export's date is '\(text)'",
                                    expected: "a date as YYYY-MM-DD or DD.MM.YYYY"))
            return
        }
        if let snapshot, snapshot != date {
            findings.append(Finding(.error, at: location, code: "mixed-dates", found: "the export is dated \(date) here but \(snapshot) elsewhere",
                                    expected: "import the pages of one export (one date) at a time"))
        }
        snapshot = date
    }

    /// Reads one row through `cell`, which gives a field's text and place (nil where the field is absent).
    private mutating func add(_ cell: (String) -> (String, Location)?) {
        var ok = true
        var reported: [Location] = []
        func error(_ at: Location, _ code: String, _ found: String, _ expected: String) {
            ok = false
            // One finding per cell: a value that is no text is not also reported as an unknown word.
            guard !reported.contains(at) else { return }
            reported.append(at)
            findings.append(Finding(.error, at: at, code: code, found: found, expected: expected))
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
        if !((ars.count == 12 || ars.count == 5) && ars.allSatisfy(\.isASCII) && ars.allSatisfy(\.isNumber)) {
            error(arsAt, "bad-key", "ars is '\(ars)'", "the Amtlicher Regionalschlüssel has 12 digits (a Kreis key 5)")
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
        guard ok, let key, let online, let coverage else { return }
        rows.append(DashboardRow(leikaKey: key, leikaName: name, ars: ars, arsName: field("ars_name").0, bundesland: field("bundesland").0,
                                 ozgID: ozgID, ozgName: field("ozg_bezeichnung").0, url: field("url").0, online: online,
                                 active: active, coverage: coverage, origin: keyAt))
    }
}
