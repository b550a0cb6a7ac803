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
        var records: [[String]] = []
        for page in pages {
            for table in page.tables {
                let tidy = table.tidyRecords(sources: page.footnotes, textCells: true)
                records += tidy.map { [page.title, table.caption] + $0 }
            }
        }
        return records
    }

    static let columns = ["Seite", "Tabelle"] + DataTable.tidyColumns

    var csv: String {
        CSVWriter.spreadsheet.document([[licence], [citation + " (" + AllFigures.csvPath + ")"], []] + [AllFigures.columns] + records)
    }

    var json: String {
        struct Document: Encodable {
            var licence: String
            var citation: String
            var columns: [String]
            var rows: [[String]]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(licence: licence, citation: citation + " (" + AllFigures.jsonPath + ")", columns: AllFigures.columns,
                                rows: records)
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
