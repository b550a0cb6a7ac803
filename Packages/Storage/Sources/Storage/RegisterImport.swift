import Domain
import Foundation

/// One row of a register file as read from CSV or XLSX: its cells, each with the place it stands at.
struct SheetRow: Sendable {
    /// The line (CSV) or row number (XLSX).
    var line: Int
    var cells: [String]
    /// Where each cell stands; as many as `cells`.
    var locations: [Location]
    /// The place of a cell that is missing from the row (after its last cell).
    var end: Location
}

/// The edition of the Gemeindeverzeichnis a file holds: the date of its population and the source the register's
/// rows name.
public struct RegisterEdition: Sendable, Hashable {
    public var populationDate: PartialDate
    /// The German source text of every row (`Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Auszug GV 4. Quartal 2020`).
    public var source: String

    public init(populationDate: PartialDate, source: String) {
        self.populationDate = populationDate
        self.source = source
    }

    /// The edition a Destatis file name tells: `..._2020q4...` is the "Auszug GV 4. Quartal 2020", whose population is
    /// that of 31.12.2019 (the fourth-quarter extract gives the population of the year before; for other quarters the
    /// date is not derived: pass it). Nil where the name tells nothing.
    public static func fromFileName(_ path: String) -> RegisterEdition? {
        let name = (path as NSString).lastPathComponent.lowercased()
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 6 else { return nil }
        for start in 0...(scalars.count - 6) {
            let year = String(String.UnicodeScalarView(scalars[start..<start + 4]))
            guard year.allSatisfy(\.isASCII), let number = Int(year), year.count == 4,
                  scalars[start + 4] == "q", scalars[start + 5] == "4" else { continue }
            if start > 0, ("0"..."9").contains(scalars[start - 1]) { continue }
            guard let date = PartialDate(year: number - 1, month: 12, day: 31) else { continue }
            return RegisterEdition(populationDate: date, source: "\(RegisterEdition.publisher), Gemeindeverzeichnis, Auszug GV 4. Quartal \(number)")
        }
        return nil
    }

    /// Who publishes the register, as its licence asks to attribute it.
    public static let publisher = "Statistisches Bundesamt (Destatis)"
}

/// A register file as read: the entries bench keeps, every row it could not read as a finding, and what it counted.
public struct RegisterReading: Sendable {
    /// "CSV: UTF-8 with byte order mark, ..." or "XLSX, sheet 'Onlineprodukt_Gemeinden'".
    public var format: String = ""
    /// Data rows read (every row below the header).
    public var rowsRead = 0
    /// Rows left out with a warning (unknown textkennzeichen or satzart, unreadable key, ...).
    public var rowsRefused = 0
    /// Gemeindefreie Gebiete (textkennzeichen 65, 66): no authority, so no entry; counted here.
    public var unincorporatedAreas = 0
    public var findings: [Finding] = []
    /// The entries, sorted by ARS (a Kreis before its Gemeinden).
    public var entries: [RegisterEntry] = []

    /// Entries per kind, in the order of `MunicipalityKind.allCases`.
    public var countsByKind: [(kind: MunicipalityKind, count: Int)] {
        let counts = Dictionary(grouping: entries, by: \.kind).mapValues(\.count)
        return MunicipalityKind.allCases.compactMap { kind in counts[kind].map { (kind, $0) } }
    }

    /// Reads a register file: XLSX (told by its first bytes) or CSV; `file` is its name as findings show it.
    public init(data: Data, file: String, edition: RegisterEdition) {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let (sheets, xlsxFindings) = XLSXReader.sheets(data, file: file)
            findings = xlsxFindings
            guard !findings.hasErrors else { return }
            // The register's sheet is the first whose cells name the column Satzart (Destatis puts a title sheet first).
            guard let sheet = sheets.first(where: { $0.rows.contains { $0.cells.contains { RegisterReading.fold($0).contains("satzart") } } }) else {
                findings.append(Finding(.error, at: Location(file: file), code: "no-register-header",
                                        found: "no sheet of the workbook (\(sheets.map { "'\($0.name)'" }.joined(separator: ", "))) names the column 'Satzart'",
                                        expected: "pass the Destatis 'Auszug GV' workbook, whose data sheet has the headings Satzart, Textkennzeichen, ..."))
                return
            }
            format = "XLSX, sheet '\(sheet.name)'"
            read(sheet.rows, file: sheet.displayName, edition: edition)
        } else {
            let (table, dialect, csvFindings) = CSVReader().table(from: data, file: file)
            findings = csvFindings
            format = "CSV: \(dialect)"
            guard let table, !findings.hasErrors else { return }
            let header = SheetRow(line: table.headerLine, cells: table.header,
                                  locations: table.header.indices.map { Location(file: file, line: table.headerLine, column: $0 + 1) },
                                  end: Location(file: file, line: table.headerLine, column: table.header.count + 1))
            let rows = table.rows.map { row in
                SheetRow(line: row.line, cells: row.fields,
                         locations: row.columns.map { Location(file: file, line: row.line, column: $0) },
                         end: Location(file: file, line: row.line, column: (row.columns.last ?? 0) + (row.fields.last?.count ?? 0) + 1))
            }
            read([header] + rows, file: file, edition: edition)
        }
    }

    /// The columns bench reads, by the header text that names them.
    enum Column: CaseIterable {
        case satzart, textkennzeichen, land, rb, kreis, vb, gemeinde, name, population

        /// The digits a key column has (Excel drops leading zeros; they are put back).
        var width: Int? {
            switch self {
            case .land: return 2
            case .rb: return 1
            case .kreis: return 2
            case .vb: return 4
            case .gemeinde: return 3
            default: return nil
            }
        }

        var label: String {
            switch self {
            case .satzart: return "satzart"
            case .textkennzeichen: return "textkennzeichen"
            case .land: return "land"
            case .rb: return "rb"
            case .kreis: return "kreis"
            case .vb: return "vb"
            case .gemeinde: return "gemeinde"
            case .name: return "gemeindename"
            case .population: return "bevoelkerung"
            }
        }
    }

    /// Folds a header text for matching: lower case, umlauts spelt out, without spaces, hyphens and soft hyphens.
    static func fold(_ text: String) -> String {
        var folded = text.lowercased().replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
            .replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ß", with: "ss")
        folded.unicodeScalars.removeAll { $0 == " " || $0 == "-" || $0 == "\u{AD}" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" || $0 == "." }
        return folded
    }

    /// The column a header cell names: `texts` are the folded header texts of the column from top to bottom (one for
    /// a CSV, several for the XLSX, whose headings span columns and rows).
    static func column(for texts: [String]) -> Column? {
        let texts = texts.filter { !$0.isEmpty }
        guard let last = texts.last else { return nil }
        if texts.contains(where: { $0.contains("satzart") }) { return .satzart }
        if texts.contains(where: { $0.contains("textkennzeichen") }) { return .textkennzeichen }
        if texts.contains(where: { $0.contains("gemeindename") }) { return .name }
        if texts.contains(where: { $0.hasPrefix("bevoelkerung") }) {
            return texts.count == 1 && texts[0] == "bevoelkerung" || last == "insgesamt" ? .population : nil
        }
        switch last {
        case "land": return .land
        case "rb", "regierungsbezirk": return .rb
        case "kreis": return .kreis
        case "vb", "gemeindeverband": return .vb
        case "gem", "gemeinde": return .gemeinde
        default: return nil
        }
    }

    /// A record of the register as read, before the entries are built from all of them.
    struct Record {
        var satzart: String
        var textkennzeichen: String
        var land: String
        var rb: String
        var kreis: String
        var vb: String
        var gemeinde: String
        var name: String
        /// Nil where the cell is empty or unreadable (a finding says which).
        var population: Int?
        var row: SheetRow
        /// Where the textkennzeichen stands.
        var textkennzeichenAt: Location
        var kreisKey: String { land + rb + kreis }
        var ags: String { land + rb + kreis + gemeinde }
        var ars: String { land + rb + kreis + vb + gemeinde }
    }

    private mutating func warn(_ at: Location, _ code: String, _ found: String, _ expected: String) {
        findings.append(Finding(.warning, at: at, code: code, found: found, expected: expected))
    }

    private mutating func refuse(_ at: Location, _ code: String, _ found: String, _ expected: String) {
        rowsRefused += 1
        warn(at, code, found + "; the row is left out", expected)
    }

    /// Finds the header (the rows from the one naming `satzart` to the first data row), then reads every row below.
    private mutating func read(_ rows: [SheetRow], file: String, edition: RegisterEdition) {
        guard let headerIndex = rows.firstIndex(where: { $0.cells.contains { RegisterReading.fold($0).contains("satzart") } }) else {
            findings.append(Finding(.error, at: rows.first?.locations.first ?? Location(file: file, line: 1, column: 1), code: "no-register-header",
                                    found: "no row names the column 'Satzart': the file is no Gemeindeverzeichnis bench knows",
                                    expected: "pass the Destatis 'Auszug GV' (XLSX) or a CSV saved from it, with its header row"))
            return
        }
        // The header block ends at the first row whose Satzart cell is a number (the XLSX has a row of column numbers
        // 1, 2, 3, ... under its headings: that one, too, is a heading, told by its textkennzeichen cell being "2").
        let satzartColumn = rows[headerIndex].cells.firstIndex { RegisterReading.fold($0).contains("satzart") }!
        var dataStart = headerIndex + 1
        while dataStart < rows.count {
            let cells = rows[dataStart].cells
            let first = satzartColumn < cells.count ? cells[satzartColumn].trimmed : ""
            if first.count == 2, first.allSatisfy(\.isASCIIDigit) { break }
            dataStart += 1
        }
        let width = rows[headerIndex..<dataStart].map(\.cells.count).max() ?? 0
        var texts = Array(repeating: [String](), count: width)
        for row in rows[headerIndex..<dataStart] {
            // A heading that spans columns (a merged cell: "Bevölkerung" over insgesamt, männlich, weiblich) stands in
            // its first cell: it is carried to the right over empty cells that no heading above names. Headings that
            // are only a number (the XLSX numbers its columns 1, 2, 3, ... under the headings) are left out.
            var carried = ""
            for index in 0..<width {
                var text = index < row.cells.count ? RegisterReading.fold(row.cells[index]) : ""
                if text.allSatisfy(\.isASCIIDigit) { text = "" }
                if !text.isEmpty {
                    carried = text
                } else if index > satzartColumn, texts[index].allSatisfy(\.isEmpty) {
                    text = carried
                } else {
                    carried = ""
                }
                texts[index].append(text)
            }
        }
        var index: [Column: Int] = [:]
        for (position, columnTexts) in texts.enumerated() {
            guard let column = RegisterReading.column(for: columnTexts), index[column] == nil else { continue }
            index[column] = position
        }
        let missing = Column.allCases.filter { index[$0] == nil }
        guard missing.isEmpty else {
            findings.append(Finding(.error, at: rows[headerIndex].locations.first ?? Location(file: file), code: "missing-column",
                                    found: "the header names no column \(missing.map { "'\($0.label)'" }.joined(separator: ", "))",
                                    expected: "keep the Gemeindeverzeichnis' columns Satzart, Textkennzeichen, Land, RB, Kreis, VB, Gem, Gemeindename and Bevölkerung insgesamt"))
            return
        }
        var records: [Record] = []
        for row in rows[dataStart...] {
            rowsRead += 1
            if let record = record(row, index) { records.append(record) }
        }
        build(records, file: file, edition: edition)
    }

    /// Reads one data row's cells; nil (and a finding) where its keys cannot be read.
    private mutating func record(_ row: SheetRow, _ index: [Column: Int]) -> Record? {
        func cell(_ column: Column) -> (String, Location) {
            let position = index[column]!
            guard position < row.cells.count else { return ("", row.end) }
            return (row.cells[position].trimmed, row.locations[position])
        }
        var values: [Column: String] = [:]
        let (satzart, satzartAt) = cell(.satzart)
        guard ["10", "20", "30", "40", "50", "60"].contains(satzart) else {
            refuse(satzartAt, "unknown-satzart", "satzart '\(satzart)' is none of the register's levels",
                   "write 10 (Land), 20 (Regierungsbezirk), 30 (Region), 40 (Kreis), 50 (Gemeindeverband) or 60 (Gemeinde)")
            return nil
        }
        // The keys a level has: a Land row has only its Land, a Kreis row no Gemeindeverband, ...
        let keys: [Column] = switch satzart {
        case "10": [.land]
        case "20", "30": [.land, .rb]
        case "40": [.land, .rb, .kreis]
        case "50": [.land, .rb, .kreis, .vb]
        default: [.land, .rb, .kreis, .vb, .gemeinde]
        }
        for column in keys {
            var (text, at) = cell(column)
            let digits = column.width!
            if text.allSatisfy(\.isASCIIDigit), !text.isEmpty, text.count < digits {
                text = String(repeating: "0", count: digits - text.count) + text
            }
            guard text.count == digits, text.allSatisfy(\.isASCIIDigit) else {
                refuse(at, "bad-key", "\(column.label) '\(text)' is not a key of \(digits) digit\(digits == 1 ? "" : "s")",
                       "write the key as the Gemeindeverzeichnis does (Land 2 digits, RB 1, Kreis 2, VB 4, Gemeinde 3)")
                return nil
            }
            values[column] = text
        }
        let (name, nameAt) = cell(.name)
        guard !name.isEmpty else {
            refuse(nameAt, "empty-name", "the row has no name", "write the Gemeindename as Destatis gives it")
            return nil
        }
        var population: Int?
        if satzart == "60" {
            let (text, at) = cell(.population)
            if text.isEmpty {
                warn(at, "empty-population", "\(name) has no population; kept with population unknown",
                     "write the Bevölkerung insgesamt as the Gemeindeverzeichnis gives it")
            } else if let number = RegisterReading.count(text) {
                population = number
            } else {
                warn(at, "bad-population", "population '\(text)' of \(name) is not a count of inhabitants; kept with population unknown",
                     "write digits only, optionally grouped by spaces or dots (163 729, 163.729)")
            }
        }
        return Record(satzart: satzart, textkennzeichen: cell(.textkennzeichen).0, land: values[.land] ?? "", rb: values[.rb] ?? "",
                      kreis: values[.kreis] ?? "", vb: values[.vb] ?? "", gemeinde: values[.gemeinde] ?? "", name: name,
                      population: population, row: row, textkennzeichenAt: cell(.textkennzeichen).1)
    }

    /// A count of inhabitants as Excel or Destatis write it: `163729`, ` 163 729` (a space, also a no-break space, as
    /// thousands separator), `163.729` (dots grouping three digits), `163729.0` (an XLSX number); nil for anything else.
    static func count(_ text: String) -> Int? {
        var digits = text.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" }
        if digits.hasSuffix(".0") { digits.removeLast(2) }
        let groups = digits.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard groups.first!.count <= 3, !groups.first!.isEmpty, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            digits = groups.joined()
        }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(digits)
    }

    /// The kind of a Gemeinde by its textkennzeichen (65 and 66 are gemeindefreie Gebiete, no authority: nil).
    static let gemeindeKinds: [String: MunicipalityKind] = [
        "60": .markt, "61": .kreisfreieStadt, "62": .stadtkreis, "63": .kreisangehoerigeStadt, "64": .kreisangehoerigeGemeinde,
        "67": .grosseKreisstadt,
    ]
    static let kreisKinds: [String: MunicipalityKind] = [
        "41": .kreisfreieStadt, "42": .stadtkreis, "43": .kreis, "44": .landkreis, "45": .regionalverband,
    ]

    /// Builds the entries: one per Gemeinde, one per Kreis, a kreisfreie Stadt (or Stadtkreis) once, as its Gemeinde.
    private mutating func build(_ records: [Record], file: String, edition: RegisterEdition) {
        var lands: [String: String] = [:]
        for record in records where record.satzart == "10" { lands[record.land] = record.name }
        var kreisRows: [String: Record] = [:]
        var gemeinden: [String: [Record]] = [:]
        var seenAGS: [String: Int] = [:]
        for record in records {
            let tk = record.textkennzeichen
            let tkAt = record.textkennzeichenAt
            switch record.satzart {
            case "40":
                guard RegisterReading.kreisKinds[tk] != nil else {
                    refuse(tkAt, "unknown-textkennzeichen", "textkennzeichen '\(tk)' of Kreis \(record.kreisKey) (\(record.name)) is no Kreis kind",
                           "at satzart 40 write 41 (kreisfreie Stadt), 42 (Stadtkreis), 43 (Kreis), 44 (Landkreis) or 45 (Regionalverband)")
                    continue
                }
                if let first = kreisRows[record.kreisKey] {
                    findings.append(Finding(.error, at: record.row.locations.first!, code: "duplicate-key",
                                            found: "Kreis \(record.kreisKey) appears twice (first on line \(first.row.line))",
                                            expected: "keep one row per Kreis: the register cannot say two things about one Kreis"))
                    continue
                }
                kreisRows[record.kreisKey] = record
            case "60":
                guard RegisterReading.gemeindeKinds[tk] != nil || tk == "65" || tk == "66" else {
                    refuse(tkAt, "unknown-textkennzeichen", "textkennzeichen '\(tk)' of Gemeinde \(record.ags) (\(record.name)) is no Gemeinde kind",
                           "at satzart 60 write 60 (Markt), 61 (kreisfreie Stadt), 62 (Stadtkreis), 63 (Stadt), 64 (kreisangehörige Gemeinde), 65/66 (gemeindefreies Gebiet) or 67 (große Kreisstadt)")
                    continue
                }
                if let first = seenAGS[record.ags] {
                    findings.append(Finding(.error, at: record.row.locations.first!, code: "duplicate-key",
                                            found: "AGS \(record.ags) (\(record.name)) appears twice (first on line \(first))",
                                            expected: "keep one row per Gemeinde: the register cannot say two things about one AGS"))
                    continue
                }
                seenAGS[record.ags] = record.row.line
                gemeinden[record.kreisKey, default: []].append(record)
            default:
                continue
            }
        }
        var missingLands: Set<String> = []
        func land(_ record: Record) -> String {
            if let name = lands[record.land] { return name }
            if missingLands.insert(record.land).inserted {
                warn(record.row.locations.first!, "unknown-land", "Land \(record.land) has no row of satzart 10 that names it; its entries have no Land name",
                     "keep the Land rows (satzart 10) in the file")
            }
            return ""
        }
        let kreisSource = "Summe der Einwohner seiner Gemeinden und gemeindefreien Gebiete, berechnet von bench aus: \(edition.source)"
        var entries: [RegisterEntry] = []
        for (key, kreis) in kreisRows {
            let members = gemeinden[key] ?? []
            let kind = RegisterReading.kreisKinds[kreis.textkennzeichen]!
            if kind == .kreisfreieStadt || kind == .stadtkreis {
                // The city is one entry: its Gemeinde row (AGS 8 digits, ARS 12), which has the population.
                let cities = members.filter { $0.textkennzeichen == "61" || $0.textkennzeichen == "62" }
                if cities.count != 1 || members.count != 1 {
                    refuse(kreis.row.locations.first!, "city-without-gemeinde",
                           "\(kreis.name) (\(key)) is a \(kind.germanName) at Kreis level, but has \(members.count) Gemeinde rows, \(cities.count) of them with textkennzeichen 61 or 62",
                           "a kreisfreie Stadt or Stadtkreis has exactly one Gemeinde row (textkennzeichen 61 or 62) below its Kreis row")
                }
                continue
            }
            var total: Int? = 0
            for member in members where member.textkennzeichen != "66" || member.population != nil {
                total = total.flatMap { sum in member.population.map { sum + $0 } }
            }
            // The Kreis kind follows textkennzeichen, except that a StädteRegion (textkennzeichen 43) is one by its name.
            let named = kreis.name.lowercased().contains("städteregion") ? MunicipalityKind.staedteregion : kind
            entries.append(RegisterEntry(ags: key, ars: key, name: kreis.name, kind: named, landCode: kreis.land, land: land(kreis),
                                         kreis: key, population: members.isEmpty ? nil : total.map {
                                             Population(count: $0, date: edition.populationDate, source: kreisSource)
                                         }))
        }
        for (key, members) in gemeinden {
            for member in members {
                guard let kind = RegisterReading.gemeindeKinds[member.textkennzeichen] else {
                    unincorporatedAreas += 1
                    continue
                }
                if (kind == .kreisfreieStadt || kind == .stadtkreis), let kreis = kreisRows[key],
                   let kreisKind = RegisterReading.kreisKinds[kreis.textkennzeichen], kreisKind != kind {
                    warn(member.textkennzeichenAt, "kind-mismatch",
                         "\(member.name) is a \(kind.germanName) by its textkennzeichen \(member.textkennzeichen), but its Kreis row says \(kreisKind.germanName); kept as \(kind.germanName)",
                         "check the textkennzeichen of both rows")
                }
                entries.append(RegisterEntry(ags: member.ags, ars: member.ars, name: member.name, kind: kind, landCode: member.land,
                                             land: land(member), kreis: key, population: member.population.map {
                                                 Population(count: $0, date: edition.populationDate, source: edition.source)
                                             }))
            }
        }
        self.entries = entries.sorted { $0.ars < $1.ars }
        findings.sort()
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// The register file bench ships, `Datasets/reference/register.csv`: how it is written and read.
public enum RegisterFile {
    public static let fileName = "register.csv"
    public static let columns = ["ags", "ars", "name", "kind", "land_code", "land", "kreis", "population", "population_date", "source"]

    /// The file's bytes: a header and one row per entry, in the order given (sorted by ARS when read from an import).
    public static func csv(_ entries: [RegisterEntry]) -> Data {
        var text = CSVWriter.row(columns) + "\n"
        for entry in entries {
            text += CSVWriter.row([entry.ags, entry.ars, entry.name, entry.kind.rawValue, entry.landCode, entry.land, entry.kreis,
                                   entry.population.map { String($0.count) } ?? "", entry.population?.date.description ?? "",
                                   entry.population?.source ?? ""]) + "\n"
        }
        return Data(text.utf8)
    }

    /// Reads the file's entries; every row that cannot be read is an error finding.
    static func entries(_ data: Data, file: String) -> ([RegisterEntry], [Location], [Finding]) {
        let (table, _, csvFindings) = CSVReader().table(from: data, file: file)
        var findings = csvFindings
        guard let table, !findings.hasErrors else { return ([], [], findings) }
        let header = table.header.map(\.trimmed)
        guard header == columns else {
            return ([], [], findings + [Finding(.error, at: Location(file: file, line: table.headerLine, column: 1), code: "bad-header",
                                            found: "the header is \(header.joined(separator: ","))",
                                            expected: "write the header \(columns.joined(separator: ",")) (bench import-register writes the file)")])
        }
        var entries: [RegisterEntry] = []
        var places: [Location] = []
        for row in table.rows {
            func error(_ column: Int, _ found: String, _ expected: String) {
                findings.append(Finding(.error, at: Location(file: file, line: row.line, column: row.columns[min(column, row.columns.count - 1)]),
                                        code: "bad-register-row", found: found, expected: expected))
            }
            guard row.fields.count == columns.count else {
                error(0, "the row has \(row.fields.count) cells, the header \(columns.count)", "run bench import-register again")
                continue
            }
            let cells = row.fields
            guard let kind = MunicipalityKind(rawValue: cells[3]), kind != .unknown else {
                error(3, "kind '\(cells[3])' is no kind of the register", "write one of \(MunicipalityKind.allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            var population: Population?
            if !cells[7].isEmpty || !cells[8].isEmpty {
                guard let count = Int(cells[7]), cells[7].allSatisfy(\.isASCIIDigit) else {
                    error(7, "population '\(cells[7])' is not a count", "write digits only")
                    continue
                }
                guard let date = PartialDate(cells[8]) else {
                    error(8, "population_date '\(cells[8])' is not a date", "write YYYY-MM-DD")
                    continue
                }
                population = Population(count: count, date: date, source: cells[9])
            }
            entries.append(RegisterEntry(ags: cells[0], ars: cells[1], name: cells[2], kind: kind, landCode: cells[4], land: cells[5],
                                         kreis: cells[6], population: population))
            places.append(Location(file: file, line: row.line))
        }
        return (entries, places, findings)
    }
}

extension Workspace {
    /// `Datasets/reference/register.csv`.
    public var registerFile: URL { referenceDirectory.appendingPathComponent(RegisterFile.fileName) }

    /// The municipality register shipped in `Datasets/reference/register.csv`; an empty register where the workspace
    /// has none (nothing is then known about any AGS, and nothing is guessed).
    public func register() throws(StorageError) -> MunicipalityRegister {
        let path = displayPath(registerFile)
        switch FileReading.read(registerFile.path, limit: FileReading.tableLimit, workspace: root.path) {
        case .missing:
            return MunicipalityRegister([])
        case .problem(let problem):
            throw .invalidInput([Finding(.error, at: Location(file: path), code: problem.code, found: problem.found, expected: problem.expected)])
        case .data(let data):
            let (entries, places, findings) = RegisterFile.entries(data, file: path)
            guard !findings.hasErrors else { throw .invalidInput(findings) }
            return MunicipalityRegister(entries, places: places)
        }
    }

    /// Where a dataset's `municipality.yaml` contradicts the register (`MunicipalityRegister.contradictions`), each a
    /// warning at the key's line and column.
    public func registerFindings(_ municipality: Municipality, register: MunicipalityRegister) -> [Finding] {
        let url = directory(of: municipality.slug).appendingPathComponent(DatasetFile.municipality.rawValue)
        let path = displayPath(url)
        var fields: [String: MetadataField] = [:]
        if case .data(let data) = FileReading.read(url.path, limit: FileReading.metadataLimit, workspace: root.path) {
            fields = MetadataReader.fields(from: data, file: path).0 ?? [:]
        }
        return register.contradictions(municipality) { key in
            (fields[key] ?? fields["ags"]).map { Location(file: path, line: $0.line, column: $0.column) } ?? Location(file: path)
        }
    }

    /// Writes a register file: to a temporary file beside it, renamed into place, so that it is whole or unchanged.
    public static func writeRegister(_ entries: [RegisterEntry], to url: URL) throws(StorageError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try RegisterFile.csv(entries).write(to: url, options: .atomic)
        } catch {
            throw .fileSystem(path: url.path, reason: "cannot be written (\(error.localizedDescription))")
        }
    }
}
