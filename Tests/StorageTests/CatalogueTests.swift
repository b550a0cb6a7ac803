import Domain
import Foundation
import GRDB
@testable import Storage
import Testing

/// Service catalogues: the FIM portal's LeiKa CSV and the OZG catalogue extract, flaws included.
@Suite struct CatalogueTests {
    func database() throws -> (BenchDatabase, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-catalogue-\(UUID().uuidString)")
        return (try BenchDatabase(path: folder.appendingPathComponent("bench.sqlite")), folder)
    }

    func rows(_ database: BenchDatabase, _ sql: String) throws -> [[String]] {
        try database.read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { $0.isNull ? "NULL" : "\($0.storage.value!)" } }
        }
    }

    /// Each flaw of the real extract, reproduced in a small fixture, and what becomes of it.
    @Test func flawsOfTheExtractAreKeptWithAWarningOrLeftOutWithAReason() throws {
        let reading = CatalogueReading(data: try Fixtures.data("catalogue/leika_leistungen.csv"), file: "leika_leistungen.csv")
        #expect(reading.format == .extractLeika)
        #expect(reading.rowsRead == 10 && reading.rowsRefused == 3 && reading.rowsKept == 7)
        #expect(reading.findings.errors.isEmpty)
        #expect(reading.findings.map { "\($0.location) \($0.code)" } == [
            "leika_leistungen.csv:2:1 not-in-leika",     // key 'nicht im LeiKa': left out
            "leika_leistungen.csv:6:1 bad-leika-key",    // test row '25323525': left out
            "leika_leistungen.csv:7:1 bad-leika-key",    // test row '3233' (with Typ 44): left out
            "leika_leistungen.csv:8:40 empty-typ",       // empty Typ: kept, Typ unknown
            "leika_leistungen.csv:11:34 bad-typ",         // Typ '44' on a real key: kept, Typ unknown (never guessed as 4)
        ])
        #expect(reading.findings.first?.found == "'nicht im LeiKa': the service has no LeiKa key; the row is left out")

        let (database, folder) = try database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try database.importCatalogue(try Fixtures.data("catalogue/leika_leistungen.csv"), file: "leika_leistungen.csv")
        #expect(report.outcome == .imported)
        #expect(try rows(database, "SELECT leika_key, typ, ozg_id, ozg_id_state FROM leika_service ORDER BY leika_key") == [
            ["99010012000000", "NULL", "10594", "known"],
            ["99012001000000", "4", "10513", "known"],
            ["99012001001000", "4", "10513", "known"],
            ["99046029000000", "2/3", "10569", "known"],
            ["99089022000000", "2/3", "NULL", "none"],
            ["99107004000000", "1, 2/3", "10092", "known"],
            ["99107004001000", "NULL", "10092", "known"],
        ])
        #expect(try rows(database, "SELECT catalogue, format, file_name, rows_read, rows_kept, rows_refused FROM catalogue_file")
            == [["leika", "extract-leika-csv", "leika_leistungen.csv", "10", "7", "3"]])
        let leika = try database.reference().leika
        #expect(leika.count == 7)
        #expect(leika[LeikaKey("99012001000000")!]?.isMunicipal == true)
        #expect(leika[LeikaKey("99107004001000")!]?.typ == "")
    }

    @Test func fimPortalCSVInLatin1() throws {
        let reading = CatalogueReading(data: try Fixtures.data("catalogue/leika_fim.csv"), file: "leika_fim.csv")
        #expect(reading.format == .fimLeika)
        #expect(reading.dialect.description == "ISO-8859-1, semicolon-separated, CRLF line ends, decimal comma")
        #expect(reading.rowsRead == 4 && reading.rowsKept == 4)
        #expect(reading.findings.map { "\($0.location) \($0.code)" } == ["leika_fim.csv:4:47 empty-typ", "leika_fim.csv:5:95 bad-date"])
        let (database, folder) = try database()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try database.importCatalogue(try Fixtures.data("catalogue/leika_fim.csv"), file: "leika_fim.csv")
        #expect(try rows(database, "SELECT leika_key, name, name2, typ, ozg_id_state, published FROM leika_service ORDER BY leika_key") == [
            ["99010012000000", "Beschäftigungserlaubnis", "", "NULL", "unknown", "NULL"],
            ["99012001000000", "Abbruchgenehmigung", "Genehmigung für den Abbruch baulicher Anlagen", "4", "unknown", "2019-03-01"],
            ["99088001000000", "Führerschein Erteilung", "Fahrerlaubnis", "2/3", "unknown", "NULL"],
            ["99107004000000", "Wohngeld", "Wohngeld Bewilligung", "1, 2/3", "unknown", "2020-07-15"],
        ])
    }

    @Test func ozgExtractGoesIntoItsOwnTable() throws {
        let (database, folder) = try database()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try database.importCatalogue(try Fixtures.data("catalogue/leika_leistungen.csv"), file: "leika_leistungen.csv")
        let report = try database.importCatalogue(try Fixtures.data("catalogue/ozg_leistungen.csv"), file: "ozg_leistungen.csv")
        #expect(report.reading.format == .extractOzg && report.outcome == .imported)
        #expect(try rows(database, "SELECT ozg_id, name, themenfeld FROM ozg_catalogue ORDER BY ozg_id") == [
            ["10092", "Wohngeld", "Arbeit & Ruhestand"], ["10110", "Abfallentsorgung", "Bauen & Wohnen"],
            ["10513", "Abbruchgenehmigung", "Bauen & Wohnen"],
        ])
        // The LeiKa catalogue is still there: each kind replaces only its own kind.
        #expect(try rows(database, "SELECT count(*) FROM leika_service") == [["7"]])
        // And a LeiKa entry can be joined to its bundle.
        #expect(try rows(database, "SELECT o.name, count(*) FROM leika_service l JOIN ozg_catalogue o USING (ozg_id) GROUP BY o.name ORDER BY o.name")
            == [["Abbruchgenehmigung", "2"], ["Wohngeld", "2"]])
    }

    @Test func aFileWithErrorsChangesNothing() throws {
        let (database, folder) = try database()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try database.importCatalogue(try Fixtures.data("catalogue/leika_leistungen.csv"), file: "leika_leistungen.csv")
        let before = try database.tableContents()
        let report = try database.importCatalogue(try Fixtures.data("catalogue/duplicate_key.csv"), file: "duplicate_key.csv")
        #expect(report.outcome == .refused)
        #expect(report.reading.findings.map(\.description) == [
            "duplicate_key.csv:3:1: error: LeiKa key 99012001000000 appears twice (first on line 2); keep one row per key: the catalogue cannot say two things about one service [duplicate-key]",
        ])
        #expect(try database.tableContents() == before)
        let unknown = try database.importCatalogue(Data("a,b\n1,2\n".utf8), file: "other.csv")
        #expect(unknown.outcome == .refused && unknown.reading.findings.map(\.code) == ["unknown-catalogue"])
    }

    @Test func theSameFileTwiceIsUnchanged() throws {
        let (database, folder) = try database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Fixtures.data("catalogue/leika_fim.csv")
        #expect(try database.importCatalogue(data, file: "leika_fim.csv").outcome == .imported)
        #expect(try database.importCatalogue(data, file: "leika_fim.csv").outcome == .unchanged)
    }

    @Test func typisierung() {
        for valid in ["1", "4", "2/3", "1, 2/3", "1, 2", "2a", "11"] { #expect(CatalogueReading.isTypisierung(valid), "\(valid)") }
        for invalid in ["44", "", "0", "12", "x", "4/"] { #expect(!CatalogueReading.isTypisierung(invalid), "\(invalid)") }
    }

    static let sharedReference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/reference").standardizedFileURL

    /// The real extract, where a clone has it beside the project (skipped otherwise).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedReference.appendingPathComponent("leika_leistungen.csv").path),
                   "../shared/reference is not there"))
    func realExtract() throws {
        let (database, folder) = try database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let leika = try database.importCatalogue(try Data(contentsOf: Self.sharedReference.appendingPathComponent("leika_leistungen.csv")),
                                                 file: "leika_leistungen.csv")
        let counts = Dictionary(grouping: leika.reading.findings, by: \.code).mapValues(\.count)
        #expect(leika.outcome == .imported)
        #expect(leika.reading.rowsRead == 5251)
        #expect(counts == ["not-in-leika": 436, "bad-leika-key": 2, "empty-typ": 8])
        #expect(leika.reading.rowsKept == 4813)
        let ozg = try database.importCatalogue(try Data(contentsOf: Self.sharedReference.appendingPathComponent("ozg_leistungen.csv")),
                                               file: "ozg_leistungen.csv")
        #expect(ozg.reading.rowsKept == 557 && ozg.reading.findings.isEmpty)
        #expect(try rows(database, "SELECT count(*) FROM leika_service WHERE ozg_id_state = 'none'") == [["16"]])
        #expect(try rows(database, "SELECT count(*) FROM leika_service l JOIN ozg_catalogue o USING (ozg_id)") == [["4797"]])
    }
}
