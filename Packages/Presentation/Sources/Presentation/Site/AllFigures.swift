import Comparison
import Domain
import Foundation

/// One download of every figure the site shows, as CSV and as the same in JSON, with the licence and a suggested
/// citation: every table of every page, one line per cell, figures taken apart as in the tables' own downloads.
struct AllFigures {
    var pages: [RenderedPage]
    var site: SiteContext

    static let csvPath = "daten/alle-zahlen.csv"
    static let jsonPath = "daten/alle-zahlen.json"

    /// "Lizenz: …" or, without --licence, that none is named.
    var licence: String {
        site.options.licence.map { "Lizenz: " + $0 }
            ?? "Lizenz: nicht angegeben; vor einer Weitergabe bei der herausgebenden Stelle erfragen."
    }

    /// "Fachbereich Digitalisierung: OZG-Benchmark, alle Zahlen, Datenstand 15.12.2025 (daten/alle-zahlen.csv)".
    var citation: String {
        let date = site.options.generatedAt.map { "Stand " + GermanFormat.date($0) }
            ?? site.layout.dataDate.map { "Datenstand " + GermanFormat.date($0) } ?? "ohne Datum"
        return "Zitiervorschlag: " + site.options.contact + ": " + SiteLayout.siteName + ", alle Zahlen, " + date
    }

    /// Every cell of every table: page, table, then the columns of a table of figures.
    var records: [[String]] {
        pages.flatMap(AllFigures.records(of:))
    }

    /// The lines of one page's tables.
    static func records(of page: RenderedPage) -> [[String]] {
        var records: [[String]] = []
        for table in page.tables {
            let tidy = table.tidyRecords(sources: page.footnotes, textCells: true)
            records += tidy.map { [page.title, table.caption] + $0 }
        }
        return records
    }

    static let columns = ["Seite", "Tabelle"] + DataTable.tidyColumns

    var csv: String {
        CSVWriter.spreadsheet.document([[licence], [citation + " (" + AllFigures.csvPath + ")"], []] + [AllFigures.columns] + records)
    }

    var json: String {
        AllFigures.json(licence: licence, citation: citation + " (" + AllFigures.jsonPath + ")", rows: records)
    }

    /// The JSON document: licence, citation, columns and rows, keys sorted, pretty printed.
    static func json(licence: String, citation: String, rows: [[String]]) -> String {
        struct Document: Encodable {
            var licence: String
            var citation: String
            var columns: [String]
            var rows: [[String]]
        }
        let document = Document(licence: licence, citation: citation, columns: AllFigures.columns, rows: rows)
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
