import Comparison
import Domain
import Foundation

/// A table of figures as the site shows it: an HTML table with caption and header scopes, and the same cells as a
/// CSV download.
struct DataTable: Sendable {
    /// One cell: the text a reader sees, and where it differs, the links that go with it (footnotes).
    struct Cell: Sendable {
        var text: String
        /// Footnote numbers of the sources, linked to the page's source list.
        var footnotes: [Int] = []
        /// The figure the text shows, where the cell shows one: the CSV then takes it apart, one value a cell.
        var figure: Figure?

        init(_ text: String, footnotes: [Int] = [], figure: Figure? = nil) {
            self.text = text
            self.footnotes = footnotes
            self.figure = figure
        }
    }

    /// A row: its header (the first column, `scope="row"`) and one cell per further column.
    struct Row: Sendable {
        var header: String
        var cells: [Cell]
        /// Where the row header links to (a municipality's page), if anywhere.
        var link: SitePath?

        init(header: String, cells: [Cell], link: SitePath? = nil) {
            self.header = header
            self.cells = cells
            self.link = link
        }
    }

    /// Says what the table shows; also the table's accessible name.
    var caption: String
    /// The header of every column, the row headers' column first.
    var columns: [String]
    var rows: [Row]
    /// The CSV's file name without extension, built from slugs and fixed words.
    var fileName: String
    /// Where set, the CSV is these records instead of the cells as shown: one line per figure (or per listed item),
    /// with the columns that say which (`keys`), and the figure taken apart, one value per cell.
    var tidy: Tidy? = nil

    /// The records of a table's tidy CSV.
    struct Tidy: Sendable {
        /// The columns naming what a line is about ("Status", "Stand der Liste"): before the figure's columns.
        var keys: [String]
        var lines: [Line]

        struct Line: Sendable {
            var keys: [String]
            /// The figure of the line; nil in a table that lists items rather than figures (then the CSV has no figure
            /// columns, only the source).
            var figure: Figure?
            /// The unit, where the figure's value does not carry it ("LeiKa-Leistungen" for a count).
            var unit: String? = nil
            var footnotes: [Int] = []
            /// The source written out where it is no document of the site (the register's inhabitants).
            var source: String? = nil
        }
    }

    /// The download's path: its name in German words, whatever identifiers it was built from.
    var csvPath: SitePath { .table(DataTable.germanFileName(fileName)) }

    /// The words of identifiers that file names are built from (metric and axis ids, counting units), in German, so
    /// that a download reads `kommune-aachen-kennzahlen-projekte-pro-jahr.csv`. Slugs and dates stay as they are.
    static let germanWords: [(String, String)] = [
        ("services-online", "leistungen-online"), ("efa-uptake", "efa-nachnutzung"), ("projects-per-year", "projekte-pro-jahr"),
        ("other-indicators", "weitere-kennzahlen"), ("trends", "entwicklung"), ("local", "lokal"),
    ]

    /// `name` with every identifier word of `germanWords` replaced where it stands as a whole part between hyphens.
    static func germanFileName(_ name: String) -> String {
        var result = "-" + name + "-"
        for (english, german) in germanWords {
            result = result.replacingOccurrences(of: "-" + english + "-", with: "-" + german + "-")
        }
        return String(result.dropFirst().dropLast())
    }

    /// The table inside a wrapper that scrolls sideways on narrow screens instead of widening the page.
    ///
    /// A scrolling region must be reachable by keyboard (`tabindex="0"`) and named (`aria-labelledby` the caption).
    func html(id: String, page: SitePath, footnoteTarget: (Int) -> String) -> HTMLNode {
        let captionID = id + "-titel"
        let head = HTMLNode.element("thead", [], [
            .element("tr", [], columns.map { .element("th", [("scope", "col")], [.text($0)]) }),
        ])
        let body = HTMLNode.element("tbody", [], rows.map { row in
            .element("tr", [], [.element("th", [("scope", "row")], [
                row.link.map { HTMLNode.link(page.link(to: $0), row.header) } ?? .text(row.header),
            ])] + row.cells.map { cell in
                .element("td", [], [.text(cell.text)] + footnoteLinks(cell.footnotes, target: footnoteTarget))
            })
        })
        let table = HTMLNode.element("table", [("id", id)], [
            .element("caption", [("id", captionID)], [.text(caption)]), head, body,
        ])
        return .group([
            .div([("class", "tabelle"), ("role", "region"), ("aria-labelledby", captionID), ("tabindex", "0")], [table]),
            .p([("class", "download")], [
                .link(page.link(to: csvPath), [("download", csvPath.value.split(separator: "/").last.map(String.init) ?? "")], [
                    .text("Tabelle „\(caption)“ als CSV herunterladen"),
                ]),
            ]),
        ])
    }

    /// Footnote markers: `[1]`, each number a link to its source.
    private func footnoteLinks(_ numbers: [Int], target: (Int) -> String) -> [HTMLNode] {
        guard !numbers.isEmpty else { return [] }
        var nodes: [HTMLNode] = [.text(" [")]
        for (position, number) in numbers.enumerated() {
            if position > 0 { nodes.append(.text(", ")) }
            nodes.append(.link(target(number), [("class", "fussnote")], [.text(String(number))]))
        }
        nodes.append(.text("]"))
        return [.element("sup", [], nodes)]
    }

    /// The table as CSV for German spreadsheet programs: the cells as shown (so numbers stay numbers), a last
    /// column with each row's footnote numbers, and below the table the sources they stand for, so the file is
    /// complete on its own.
    func csv(sources: [Int: String]) -> String {
        if let tidy { return DataTable.csv(tidy, sources: sources) }
        if !rows.isEmpty, rows.allSatisfy({ $0.cells.allSatisfy { $0.figure != nil } }) { return tidyCSV(sources: sources) }
        let cited = Set(rows.flatMap { $0.cells.flatMap(\.footnotes) })
        var lines = [cited.isEmpty ? columns : columns + ["Quellen"]]
        for row in rows {
            var line = [row.header] + row.cells.map(\.text)
            if !cited.isEmpty {
                var seen = Set<Int>()
                let numbers = row.cells.flatMap(\.footnotes).filter { seen.insert($0).inserted }
                line.append(numbers.map { "[\($0)]" }.joined(separator: " "))
            }
            lines.append(line)
        }
        if !cited.isEmpty {
            lines.append([])
            lines.append(["Quelle", "Dokument"])
            for number in cited.sorted() { lines.append(["[\(number)]", sources[number] ?? ""]) }
        }
        return CSVWriter.spreadsheet.document(lines)
    }

    /// The columns of a table of figures as CSV: one line per figure, one value per cell.
    static let tidyColumns = ["Zeile", "Spalte", "Art", "Wert", "Untergrenze", "Obergrenze", "Zähler", "Nenner", "Einheit",
                              "Angabe", "Stand", "Quelle", "Anmerkung"]

    /// A table of figures as data to calculate with: one line per cell, the value, its bounds, numerator and
    /// denominator in their own columns as plain numbers (decimal comma, no thousands separator), the unit, whether
    /// the source gives it exactly, approximately or as a lower bound, the date (ISO) and the documents written out.
    func tidyCSV(sources: [Int: String]) -> String {
        CSVWriter.spreadsheet.document([DataTable.tidyColumns] + tidyRecords(sources: sources, textCells: false))
    }

    /// The figure columns of a tidy CSV, after the columns that say which figure a line is.
    static let figureColumns = Array(tidyColumns.dropFirst(2))

    /// Tidy records as CSV: the key columns, then the figure's columns (where any line has a figure), else the source.
    static func csv(_ tidy: Tidy, sources: [Int: String]) -> String {
        let figures = tidy.lines.contains { $0.figure != nil }
        var lines = [tidy.keys + (figures ? figureColumns : ["Quelle"])]
        for line in tidy.lines {
            let documents = line.source ?? line.footnotes.map { "[\($0)] " + (sources[$0] ?? "") }.joined(separator: " | ")
            if figures {
                lines.append(line.keys + (line.figure.map { figureFields($0, unit: line.unit, documents: documents) }
                    ?? ["Text", "", "", "", "", "", "", "", "", documents, ""]))
            } else {
                lines.append(line.keys + [documents])
            }
        }
        return CSVWriter.spreadsheet.document(lines)
    }

    /// A figure taken apart, in the order of `figureColumns`: kind, value, bounds, numerator and denominator as plain
    /// numbers (decimal comma, no thousands separator), unit, qualifier, date (ISO), documents, remark. `unit` names the
    /// unit where the value does not.
    static func figureFields(_ figure: Figure, unit given: String? = nil, documents: String) -> [String] {
        let plain = PlainFigure(figure.value)
        func number(_ text: String?) -> String { (text ?? "").replacingOccurrences(of: ".", with: ",") }
        let kinds = ["count": "Anzahl", "share": "Anteil", "interval": "Spanne", "number": "Zahl", "date": "Datum",
                     "unknown": MissingWords.unknown, "not-applicable": MissingWords.notApplicable]
        let qualifiers = ["exact": "genau", "approx": "ungefähr", "at-least": "Mindestzahl"]
        var unit = GermanFormat.unitSuffix(plain.unit ?? "").trimmingCharacters(in: .whitespaces)
        if unit.isEmpty, plain.kind == "count" || plain.kind == "interval" {
            unit = CountingUnit.allCases.map(\.germanName).first { figure.remark.hasPrefix($0) } ?? ""
        }
        if plain.kind == "interval", let raw = plain.unit, raw != IndicatorUnit.percent.rawValue, unit.isEmpty { unit = raw }
        if unit.isEmpty, let given { unit = given }
        let remark = [plain.reason ?? "", figure.remark].filter { !$0.isEmpty }.joined(separator: "; ")
        return [kinds[plain.kind] ?? plain.kind, number(plain.value), number(plain.low), number(plain.high),
                plain.numerator.map(String.init) ?? "", plain.denominator.map(String.init) ?? "", unit,
                plain.qualifier.flatMap { qualifiers[$0] } ?? "", figure.asOf?.description ?? "", documents, remark]
    }

    /// The records of `tidyCSV`; with `textCells`, a cell without a figure is a line of kind "Text" with its text as value.
    func tidyRecords(sources: [Int: String], textCells: Bool) -> [[String]] {
        var lines: [[String]] = []
        // A table with its own tidy records of figures: each figure once, named by its keys.
        if let tidy, tidy.lines.contains(where: { $0.figure != nil }) {
            for line in tidy.lines {
                guard let figure = line.figure else { continue }
                let documents = line.source ?? line.footnotes.map { "[\($0)] " + (sources[$0] ?? "") }.joined(separator: " | ")
                let name = zip(tidy.keys, line.keys).filter { !$0.1.isEmpty }.map { $0.0 + ": " + $0.1 }.joined(separator: "; ")
                lines.append([name, ""] + DataTable.figureFields(figure, unit: line.unit, documents: documents))
            }
            return lines
        }
        for row in rows {
            for (column, cell) in zip(columns.dropFirst(), row.cells) {
                guard let figure = cell.figure else {
                    if textCells {
                        let documents = cell.footnotes.map { "[\($0)] " + (sources[$0] ?? "") }.joined(separator: " | ")
                        lines.append([row.header, column, "Text", cell.text, "", "", "", "", "", "", "", documents, ""])
                    }
                    continue
                }
                let documents = cell.footnotes.map { "[\($0)] " + (sources[$0] ?? "") }.joined(separator: " | ")
                lines.append([row.header, column] + DataTable.figureFields(figure, documents: documents))
            }
        }
        return lines
    }
}

/// The words that mark a missing value, the same on every page, in the tables, the charts and the downloads; the
/// legend on each page that uses them says what each means.
enum MissingWords {
    static let unknown = "unbekannt"
    static let notApplicable = "entfällt"
    static let noneNamed = "keine genannt"
    static let notNamed = "nicht genannt"
    static let notReported = "nicht gemeldet"

    /// Each word with what it means.
    static let legend: [(String, String)] = [
        (unknown, "Die Quelle nennt keine Zahl, oder sie lässt sich nicht berechnen; in Klammern steht, was fehlt. Nie als 0 gezählt."),
        (notReported, "Die Kommune meldet diese Kennzahl nicht (ein Fall von „unbekannt“)."),
        (notApplicable, "Die Kennzahl trifft auf diese Spalte nicht zu (etwa zu wenige Werte für Quartile, keine Zeilen des OZG-Dashboards)."),
        (noneNamed, "Eine Liste nennt für dieses Jahr oder diesen Stand nichts; das heißt nicht, dass es nichts gab."),
        (notNamed, "Für diesen Stand nennt die Quelle diesen Status nicht."),
    ]

    /// Whether `text` holds `word`, byte for byte: the words are written by bench itself (one form of each letter),
    /// and a page is long (a search by characters took half of an export's time).
    static func contains(_ text: String, _ word: String) -> Bool {
        var text = text, word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    if haystack[start] == first {
                        var offset = 1
                        while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// The legend as a description list, for every page whose tables use one of the words.
    static func legendNode(for text: String) -> HTMLNode? {
        let used = legend.filter { contains(text, $0.0) }
        guard !used.isEmpty else { return nil }
        let heading = "Zeichenerklärung: „" + used.map(\.0).joined(separator: "“, „") + "“"
        let list = HTMLNode.element("dl", [("class", "eckdaten")], used.flatMap { word, meaning in
            [HTMLNode.element("dt", [], [.text(word)]), .element("dd", [], [.text(meaning)])]
        })
        // Printed instead of the details element, which prints closed.
        return .group([.element("details", [("class", "legende")], [.element("summary", [], [.text(heading)]), list]),
                       .div([("class", "nur-druck")], [.p([], [.strong(heading)]), list])])
    }
}
