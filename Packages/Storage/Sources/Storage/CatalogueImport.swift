import Domain
import Foundation
import GRDB

/// The catalogue files `bench import-catalogue` understands, told apart by their header.
public enum CatalogueFormat: String, Sendable, Hashable, CaseIterable {
    /// The LeiKa CSV as the FIM portal publishes it (ISO-8859-1; Schluessel, Bezeichnung, Typ, ...).
    case fimLeika = "fim-leika-csv"
    /// `leika_leistungen.csv` of the OZG catalogue extract (leika_key, leika_name, leika_typ, ozg_id, ...).
    case extractLeika = "extract-leika-csv"
    /// `ozg_leistungen.csv` of the OZG catalogue extract (ozg_id, ozg_leistung, lebenslage, themenfeld).
    case extractOzg = "extract-ozg-csv"

    /// The database table the format fills, and the catalogue it replaces there.
    var catalogue: String { self == .extractOzg ? "ozg" : "leika" }

    var requiredColumns: [String] {
        switch self {
        case .fimLeika: return ["Schluessel", "Bezeichnung", "Typ"]
        case .extractLeika: return ["leika_key", "leika_name", "leika_typ", "ozg_id"]
        case .extractOzg: return ["ozg_id", "ozg_leistung", "lebenslage", "themenfeld"]
        }
    }

    var knownColumns: [String] {
        switch self {
        case .fimLeika:
            return ["Schluessel", "Bezeichnung", "Bezeichnung2", "Typ", "Leistungsgruppierung", "Leistungskennung", "Verrichtung",
                    "Verrichtungsdetail", "Besondere Merkmale", "Synonyme", "Veröffentlichungsdatum"]
        case .extractLeika: return ["leika_key", "leika_name", "leika_typ", "ozg_id", "ozg_leistung", "rechtsgrundlage_kurz"]
        case .extractOzg: return ["ozg_id", "ozg_leistung", "lebenslage", "themenfeld"]
        }
    }

    static func detect(_ header: [String]) -> CatalogueFormat? {
        let names = Set(header)
        if names.contains("Schluessel") { return .fimLeika }
        if names.contains("leika_key") { return .extractLeika }
        if names.contains("ozg_leistung") && names.contains("themenfeld") { return .extractOzg }
        return nil
    }
}

/// A LeiKa entry of an imported catalogue, before it is written.
struct CatalogueLeikaEntry: Sendable {
    var key: LeikaKey
    var name: String
    var name2: String
    /// The Typisierung as written; nil where the catalogue gives none or one that is not a Typisierung.
    var typ: String?
    var ozgID: Reported<OzgID?>
    var legalBasis: String
    var published: String?
    var line: Int
}

/// An OZG-Leistung of an imported catalogue.
struct CatalogueOzgEntry: Sendable {
    var id: OzgID
    var name: String
    var lebenslage: String
    var themenfeld: String
    var line: Int
}

/// A catalogue file as read: what it is, how it was saved, each row kept or refused with a reason.
public struct CatalogueReading: Sendable {
    public var format: CatalogueFormat?
    public var dialect: CSVDialect
    public var rowsRead = 0
    /// Rows left out (each with a warning that says why); the file as a whole is still imported.
    public var rowsRefused = 0
    public var rowsKept: Int { rowsRead - rowsRefused }
    /// Warnings for rows kept with a flaw or left out; errors where the whole file is refused.
    public var findings: [Finding] = []
    var leika: [CatalogueLeikaEntry] = []
    var ozg: [CatalogueOzgEntry] = []
    /// SHA-256 of the file's bytes, lower-case hex, and its size.
    var sha256: String
    var size: Int

    /// Reads a catalogue file; `file` is its name as findings show it.
    public init(data: Data, file: String) {
        sha256 = SHA256.hex(data)
        size = data.count
        var reader = CSVReader()
        // The FIM portal publishes ISO-8859-1; other catalogue files are detected as usual (UTF-8 or Windows-1252).
        if CSVReader.firstInvalidUTF8([UInt8](data)) != nil,
           String(decoding: data.prefix(200).filter { $0 < 0x80 }, as: UTF8.self).contains("Schluessel") {
            reader.forcedEncoding = .latin1
        }
        let (table, dialect, readFindings) = reader.table(from: data, file: file)
        self.dialect = dialect
        findings = readFindings
        guard let table, !findings.hasErrors else { return }
        let header = table.header.map(\.trimmed)
        guard let format = CatalogueFormat.detect(header) else {
            findings.append(Finding(.error, at: Location(file: file, line: table.headerLine, column: 1), code: "unknown-catalogue",
                                    found: "the header (\(header.prefix(4).joined(separator: ", ")), ...) is no catalogue format bench knows",
                                    expected: "pass the FIM portal's LeiKa CSV (Schluessel, Bezeichnung, Typ, ...) or a file of the OZG catalogue extract (leika_leistungen.csv, ozg_leistungen.csv)"))
            return
        }
        self.format = format
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            if index[name] != nil {
                findings.append(Finding(.error, at: Location(file: file, line: table.headerLine, column: 1), code: "duplicate-column",
                                        found: "column '\(name)' appears twice", expected: "keep one of them"))
            }
            index[name] = position
            if !format.knownColumns.contains(name) {
                findings.append(Finding(.warning, at: Location(file: file, line: table.headerLine, column: 1), code: "extra-column",
                                        found: "column '\(name)' is not part of the \(format.rawValue) format; it is ignored",
                                        expected: "check its spelling; the columns are: \(format.knownColumns.joined(separator: ", "))"))
            }
        }
        for name in format.requiredColumns where index[name] == nil {
            findings.append(Finding(.error, at: Location(file: file, line: table.headerLine, column: 1), code: "missing-column",
                                    found: "column '\(name)' is missing", expected: "a \(format.rawValue) file has the columns \(format.knownColumns.joined(separator: ", "))"))
        }
        guard !findings.hasErrors else { return }
        if format == .extractOzg {
            readOzg(table, index: index, file: file)
        } else {
            readLeika(table, index: index, file: file, format: format)
        }
    }

    private mutating func cellReader(_ row: TextRow, _ index: [String: Int], _ file: String) -> (String) -> (String, Location) {
        { column in
            guard let position = index[column], position < row.fields.count else { return ("", Location(file: file, line: row.line, column: 1)) }
            return (row.fields[position].trimmed, Location(file: file, line: row.line, column: row.columns[position]))
        }
    }

    private mutating func refuse(_ at: Location, _ code: String, _ found: String, _ expected: String) {
        rowsRefused += 1
        findings.append(Finding(.warning, at: at, code: code, found: found + "; the row is left out", expected: expected))
    }

    private mutating func checkCellCount(_ row: TextRow, _ table: TextTable, _ file: String) -> Bool {
        guard row.fields.count != table.header.count else { return true }
        findings.append(Finding(.error, at: Location(file: file, line: row.line, column: 1), code: "cell-count",
                                found: "this row has \(row.fields.count) cells, the header has \(table.header.count)",
                                expected: "give every row one cell per column; quote cells that contain the separator"))
        return false
    }

    private mutating func readLeika(_ table: TextTable, index: [String: Int], file: String, format: CatalogueFormat) {
        var firstLine: [LeikaKey: Int] = [:]
        let columns = format == .fimLeika
            ? (key: "Schluessel", name: "Bezeichnung", typ: "Typ", ozg: "", legal: "")
            : (key: "leika_key", name: "leika_name", typ: "leika_typ", ozg: "ozg_id", legal: "rechtsgrundlage_kurz")
        for row in table.rows {
            rowsRead += 1
            guard checkCellCount(row, table, file) else { continue }
            let cell = cellReader(row, index, file)
            let (keyText, keyAt) = cell(columns.key)
            guard let key = LeikaKey(keyText) else {
                if keyText.lowercased() == "nicht im leika" {
                    refuse(keyAt, "not-in-leika", "'\(keyText)': the service has no LeiKa key",
                           "nothing to do: a service without a 14-digit key is no LeiKa-Leistung and cannot be counted as one")
                } else {
                    refuse(keyAt, "bad-leika-key", "'\(keyText)' is not a 14-digit LeiKa key (\(keyText.count) characters)",
                           "correct the key in the catalogue file, or remove the row if it is a test row")
                }
                continue
            }
            let (name, nameAt) = cell(columns.name)
            guard !name.isEmpty else {
                refuse(nameAt, "empty-name", "LeiKa key \(key) has no name", "add the Bezeichnung of the LeiKa-Leistung")
                continue
            }
            if let first = firstLine[key] {
                findings.append(Finding(.error, at: keyAt, code: "duplicate-key",
                                        found: "LeiKa key \(key) appears twice (first on line \(first))",
                                        expected: "keep one row per key: the catalogue cannot say two things about one service"))
                continue
            }
            firstLine[key] = row.line
            var ozgID = Reported<OzgID?>.unknown
            if !columns.ozg.isEmpty {
                let (ozgText, ozgAt) = cell(columns.ozg)
                if ozgText.isEmpty {
                    ozgID = .known(nil)
                } else if let id = OzgID(ozgText) {
                    ozgID = .known(id)
                } else {
                    refuse(ozgAt, "bad-ozg-id", "ozg_id '\(ozgText)' of LeiKa key \(key) is not a number",
                           "write the numeric OZG-ID (e.g. 10092), or leave the cell empty where the service has no bundle")
                    continue
                }
            }
            let (typText, typAt) = cell(columns.typ)
            var typ: String? = typText
            if typText.isEmpty {
                typ = nil
                findings.append(Finding(.warning, at: typAt, code: "empty-typ",
                                        found: "LeiKa key \(key) has no Typisierung; kept with Typ unknown",
                                        expected: "nothing to do unless you know its Typ; it counts as neither municipal nor not municipal"))
            } else if !CatalogueReading.isTypisierung(typText) {
                typ = nil
                findings.append(Finding(.warning, at: typAt, code: "bad-typ",
                                        found: "LeiKa key \(key) has Typ '\(typText)', which is no Typisierung; kept with Typ unknown",
                                        expected: "a Typisierung is 1 to 11 (with a or b), several joined by '/' or ','; the value is not guessed"))
            }
            var published: String?
            if format == .fimLeika {
                let (dateText, dateAt) = cell("Veröffentlichungsdatum")
                if !dateText.isEmpty {
                    published = CatalogueReading.isoDate(dateText)
                    if published == nil {
                        findings.append(Finding(.warning, at: dateAt, code: "bad-date",
                                                found: "Veröffentlichungsdatum '\(dateText)' is not a date; kept without it",
                                                expected: "write the date as DD.MM.YYYY or YYYY-MM-DD"))
                    }
                }
            }
            leika.append(CatalogueLeikaEntry(key: key, name: name, name2: format == .fimLeika ? cell("Bezeichnung2").0 : "",
                                             typ: typ, ozgID: ozgID, legalBasis: columns.legal.isEmpty ? "" : cell(columns.legal).0,
                                             published: published, line: row.line))
        }
    }

    private mutating func readOzg(_ table: TextTable, index: [String: Int], file: String) {
        var firstLine: [OzgID: Int] = [:]
        for row in table.rows {
            rowsRead += 1
            guard checkCellCount(row, table, file) else { continue }
            let cell = cellReader(row, index, file)
            let (idText, idAt) = cell("ozg_id")
            guard let id = OzgID(idText) else {
                refuse(idAt, "bad-ozg-id", "ozg_id '\(idText)' is not a number", "write the numeric OZG-ID (e.g. 10092)")
                continue
            }
            let (name, nameAt) = cell("ozg_leistung")
            guard !name.isEmpty else {
                refuse(nameAt, "empty-name", "OZG-ID \(id) has no name", "add the name of the OZG-Leistung")
                continue
            }
            if let first = firstLine[id] {
                findings.append(Finding(.error, at: idAt, code: "duplicate-key", found: "OZG-ID \(id) appears twice (first on line \(first))",
                                        expected: "keep one row per OZG-ID"))
                continue
            }
            firstLine[id] = row.line
            ozg.append(CatalogueOzgEntry(id: id, name: name, lebenslage: cell("lebenslage").0, themenfeld: cell("themenfeld").0, line: row.line))
        }
    }

    /// `4`, `2/3`, `1, 2/3`, `2a`: Typisierung parts 1 to 11, optionally with a or b.
    static func isTypisierung(_ text: String) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
        return !parts.isEmpty && parts.allSatisfy { part in
            var digits = Substring(part)
            if let last = digits.last, last == "a" || last == "b" { digits = digits.dropLast() }
            guard let number = Int(digits), digits.allSatisfy(\.isASCII) else { return false }
            return (1...11).contains(number) && !digits.hasPrefix("0")
        }
    }

    /// `2024-03-01` or `01.03.2024` as `2024-03-01`; nil for anything else.
    static func isoDate(_ text: String) -> String? {
        if let date = PartialDate(text), date.precision == .day { return date.description }
        let parts = text.split(separator: ".")
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let date = PartialDate("\(parts[2])-\(parts[1])-\(parts[0])") else { return nil }
        return date.description
    }
}

/// What `importCatalogue` did.
public struct CatalogueReport: Sendable {
    public var reading: CatalogueReading
    /// `.imported`, `.unchanged` (the same file was imported before) or `.refused` (see the reading's errors).
    public var outcome: SyncReport.Outcome
}

extension BenchDatabase {
    /// Imports a catalogue file into the reference tables (`leika_service` or `ozg_catalogue`), replacing the
    /// catalogue of the same kind in one transaction. A file with errors changes nothing.
    public func importCatalogue(_ data: Data, file: String,
                                progress: ((ImportProgress) throws -> Void)? = nil) throws(StorageError) -> CatalogueReport {
        let reading = CatalogueReading(data: data, file: file)
        guard let format = reading.format, !reading.findings.hasErrors else {
            return CatalogueReport(reading: reading, outcome: .refused)
        }
        let written: Bool = try write { db in
            let stored = try String.fetchOne(db, sql: "SELECT sha256 FROM catalogue_file WHERE catalogue = ?", arguments: [format.catalogue])
            if stored == reading.sha256 { return false }
            try db.execute(sql: "DELETE FROM catalogue_file WHERE catalogue = ?", arguments: [format.catalogue])
            try db.execute(sql: """
                INSERT INTO catalogue_file (catalogue, format, file_name, sha256, size, rows_read, rows_kept, rows_refused)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [format.catalogue, format.rawValue, (file as NSString).lastPathComponent, reading.sha256,
                                 reading.size, reading.rowsRead, reading.rowsKept, reading.rowsRefused])
            var rows = 0
            for entry in reading.leika {
                try LeikaServiceRecord.insert(entry, db)
                rows += 1
                if rows % 1000 == 0 { try progress?(ImportProgress(dataset: format.rawValue, rows: rows, finished: false)) }
            }
            for entry in reading.ozg {
                try OzgCatalogueRecord.insert(entry, db)
                rows += 1
                if rows % 1000 == 0 { try progress?(ImportProgress(dataset: format.rawValue, rows: rows, finished: false)) }
            }
            return true
        }
        try? progress?(ImportProgress(dataset: format.rawValue, rows: reading.rowsKept, finished: true))
        return CatalogueReport(reading: reading, outcome: written ? .imported : .unchanged)
    }
}
