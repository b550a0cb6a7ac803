import Domain
import Foundation
@testable import Storage
import Testing

/// The municipality register: reading the Gemeindeverzeichnis, the shipped `Datasets/reference/register.csv`, lookups.
@Suite struct RegisterTests {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    static let extract = CatalogueTests.sharedReference.appendingPathComponent("gemeindeverzeichnis_auszug_2020q4.csv")
    static let edition = RegisterEdition(populationDate: PartialDate("2019-12-31")!,
                                         source: "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Auszug GV 4. Quartal 2020")

    @Test func editionFromTheFileName() {
        #expect(RegisterEdition.fromFileName("../shared/reference/gemeindeverzeichnis_auszug_2020q4.csv") == Self.edition)
        #expect(RegisterEdition.fromFileName("AuszugGV.xlsx") == nil)
        #expect(RegisterEdition.fromFileName("gv_2021q3.csv") == nil)
    }

    @Test func counts() {
        #expect(RegisterReading.count(" 163 729") == 163_729)
        #expect(RegisterReading.count("  0") == 0)
        #expect(RegisterReading.count("163.729") == 163_729)
        #expect(RegisterReading.count("163729.0") == 163_729)
        #expect(RegisterReading.count("1 701,5") == nil)
        #expect(RegisterReading.count("27 O93") == nil)
        #expect(RegisterReading.count("16.37") == nil)
        #expect(RegisterReading.count("") == nil)
    }

    /// An Excel-saved extract: a kreisfreie Stadt becomes one entry, a StädteRegion a Kreis with its Gemeinden' sum.
    @Test func excelSavedCSV() throws {
        let reading = RegisterReading(data: try Fixtures.data("register/excel_saved.csv"), file: "excel_saved.csv", edition: Self.edition)
        #expect(reading.findings.isEmpty)
        #expect(reading.rowsRead == 7)
        #expect(reading.entries.map(\.ags) == ["05316000", "05334", "05334002"])
        let leverkusen = reading.entries[0]
        #expect(leverkusen == RegisterEntry(ags: "05316000", ars: "053160000000", name: "Leverkusen, Stadt", kind: .kreisfreieStadt,
                                            landCode: "05", land: "Nordrhein-Westfalen", kreis: "05316",
                                            population: Population(count: 163_729, date: PartialDate("2019-12-31")!, source: Self.edition.source)))
        let aachen = reading.entries[1]
        #expect(aachen.kind == .staedteregion)
        #expect(aachen.ars == "05334")
        #expect(aachen.name == "Städteregion Aachen")
        #expect(aachen.population?.count == 248_960)
        #expect(aachen.population?.source.hasPrefix("Summe der Einwohner seiner Gemeinden") == true)
        #expect(reading.entries[2].kind == .kreisangehoerigeStadt)
        #expect(reading.entries[2].kreis == "05334")
    }

    /// Each flaw is a finding at its line and column; a duplicate AGS refuses the file.
    @Test func flaws() throws {
        let reading = RegisterReading(data: try Fixtures.data("register/flaws.csv"), file: "flaws.csv", edition: Self.edition)
        let found = reading.findings.map { "\($0.location) \($0.severity) \($0.code)" }
        #expect(found == [
            "flaws.csv:9:4 warning unknown-textkennzeichen",
            "flaws.csv:10:51 warning bad-population",
            "flaws.csv:11:1 error duplicate-key",
        ])
        #expect(reading.findings.hasErrors)
        #expect(reading.rowsRead == 10)
        #expect(reading.rowsRefused == 1)
        // Baesweiler's population is unknown, so is its Kreis' sum: never a smaller number.
        #expect(reading.entries.first { $0.ags == "05334" }?.population == nil)
        #expect(reading.entries.first { $0.ags == "05334008" }?.population == nil)
    }

    /// The XLSX as Destatis publishes it (a title sheet, headings over two rows, column numbers, a Land key as a number)
    /// gives the same entries as the Excel-saved CSV of the same rows.
    @Test func xlsxAndCSVGiveTheSameEntries() throws {
        let csv = RegisterReading(data: try Fixtures.data("register/excel_saved.csv"), file: "excel_saved.csv", edition: Self.edition)
        let xlsx = RegisterReading(data: try Fixtures.data("register/auszug_gv.xlsx"), file: "auszug_gv.xlsx", edition: Self.edition)
        #expect(xlsx.findings.isEmpty)
        #expect(xlsx.format == "XLSX, sheet 'Onlineprodukt_Gemeinden'")
        #expect(xlsx.rowsRead == 7)
        #expect(xlsx.entries.count == 3)
        #expect(xlsx.entries == csv.entries)
    }

    /// A row the XLSX reader cannot use is a finding at its sheet, row and column.
    @Test func xlsxFlawsNameSheetRowAndColumn() throws {
        let reading = RegisterReading(data: try Fixtures.data("register/auszug_gv_flaws.xlsx"), file: "auszug_gv_flaws.xlsx", edition: Self.edition)
        #expect(reading.findings.map { "\($0.location) \($0.code)" } == ["auszug_gv_flaws.xlsx [Onlineprodukt_Gemeinden]:14:2 unknown-textkennzeichen"])
        #expect(reading.entries.count == 3)
        #expect(reading.rowsRefused == 1)
    }

    /// A ZIP that is no workbook, and a cut-off XLSX: an error each, no entries.
    @Test func brokenXLSX() throws {
        let data = try Fixtures.data("register/auszug_gv.xlsx")
        let cut = RegisterReading(data: data.prefix(data.count / 2), file: "cut.xlsx", edition: Self.edition)
        #expect(cut.findings.map(\.code) == ["bad-xlsx"])
        #expect(cut.entries.isEmpty)
        #expect(XLSXReader.column(of: "J12") == 10)
        #expect(XLSXReader.column(of: "AA3") == 27)
        #expect(XLSXReader.row(of: "AA3") == 3)
    }

    @Test func noHeader() {
        let reading = RegisterReading(data: Data("a,b\n1,2\n".utf8), file: "x.csv", edition: Self.edition)
        #expect(reading.findings.map(\.code) == ["no-register-header"])
    }

    /// Writing and reading the register file gives the same entries; a bad row is an error with its place.
    @Test func fileRoundTrip() throws {
        let reading = RegisterReading(data: try Fixtures.data("register/excel_saved.csv"), file: "excel_saved.csv", edition: Self.edition)
        let (entries, places, findings) = RegisterFile.entries(RegisterFile.csv(reading.entries), file: "register.csv")
        #expect(places.map(\.line) == [2, 3, 4])
        #expect(findings.isEmpty)
        #expect(entries == reading.entries)
        var text = String(decoding: RegisterFile.csv(reading.entries), as: UTF8.self)
        text = text.replacingOccurrences(of: ",staedteregion,", with: ",städteregion,")
        let (_, _, bad) = RegisterFile.entries(Data(text.utf8), file: "register.csv")
        #expect(bad.map { "\($0.location) \($0.code)" } == ["register.csv:3:33 bad-register-row"])
    }

    /// The shipped register knows Leverkusen, the StädteRegion Aachen and Bonn, also by a dashboard's 12-digit Kreis ARS.
    @Test func shippedRegister() throws {
        let register = try Workspace(root: Self.projectRoot).register()
        #expect(register.entries.count == 11_088)
        let leverkusen = try #require(register[ags: "05316000"])
        #expect(leverkusen.name == "Leverkusen, Stadt")
        #expect(leverkusen.kind == .kreisfreieStadt)
        #expect(leverkusen.population?.count == 163_729)
        #expect(leverkusen.population?.date == PartialDate("2019-12-31"))
        #expect(register[ars: "053160000000"] == leverkusen)
        let aachen = try #require(register[ars: "05334"])
        #expect(aachen.kind == .staedteregion)
        #expect(aachen.population?.count == 557_026)
        #expect(register[ars: "053340000000"] == aachen)
        #expect(register[ags: "05334000"] == aachen)
        #expect(register[ags: "05334002"]?.name == "Aachen, Stadt")
        let bonn = try #require(register[ags: "05314000"])
        #expect(bonn.name == "Bonn, Stadt")
        #expect(bonn.kind == .kreisfreieStadt)
        #expect(bonn.population?.count == 329_673)
        #expect(register[ars: "053340000001"] == nil)
        #expect(register[ars: "999999999999"] == nil)
    }

    /// No register file: nothing known, nothing guessed.
    @Test func missingRegisterIsEmpty() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        try? FileManager.default.removeItem(at: workspace.registerFile)
        #expect(try workspace.register().isEmpty)
    }

    /// Importing the real extract again gives the shipped file byte for byte.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: extract.path), "../shared/reference is not there"))
    func reimportReproducesTheShippedFile() throws {
        let reading = RegisterReading(data: try Data(contentsOf: Self.extract), file: "gemeindeverzeichnis_auszug_2020q4.csv",
                                      edition: try #require(RegisterEdition.fromFileName(Self.extract.path)))
        #expect(!reading.findings.hasErrors)
        #expect(reading.rowsRead == 16_068)
        #expect(reading.unincorporatedAreas == 210)
        let counts = Dictionary(uniqueKeysWithValues: reading.countsByKind.map { ($0.kind, $0.count) })
        #expect(counts == [.kreisfreieStadt: 98, .stadtkreis: 9, .kreis: 41, .staedteregion: 1, .landkreis: 251, .regionalverband: 1,
                           .markt: 386, .kreisangehoerigeStadt: 1828, .kreisangehoerigeGemeinde: 8350, .grosseKreisstadt: 123])
        let shipped = try Data(contentsOf: Self.projectRoot.appendingPathComponent("Datasets/reference/register.csv"))
        #expect(RegisterFile.csv(reading.entries) == shipped)
    }
}
