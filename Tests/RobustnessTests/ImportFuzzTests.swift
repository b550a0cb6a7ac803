import Domain
import Foundation
import PropertyBased
import Storage
import Testing

/// Random and mutated input for the readers of formats municipalities already have: the federal dashboard's
/// export (CSV and paged JSON) and the service catalogues (OZG extract, FIM portal CSV in ISO-8859-1).
/// None may crash or hang; each either reads rows or gives findings that name file, line and column.
@Suite struct ImportFuzzTests {
    /// The well-formed files the mutations start from (Corpus/imports/valid).
    static let valid = ImportCase.folder.appendingPathComponent("valid")

    static func seed(_ name: String) -> Data { try! Data(contentsOf: valid.appendingPathComponent(name)) }

    /// Reads `data` as a dashboard export (CSV or JSON by the file's name) and checks what came out.
    static func readDashboard(_ data: Data, file: String) {
        let export = ImportCase.dashboardExport(data, file: file)
        check(export.findings, file: file)
        for row in export.rows {
            #expect(row.origin.file == file && row.origin.line != nil)
        }
    }

    static func readCatalogue(_ data: Data, file: String) {
        let reading = CatalogueReading(data: data, file: file)
        check(reading.findings, file: file)
        #expect(reading.rowsKept >= 0 && reading.rowsRefused <= reading.rowsRead)
        if reading.format == nil {
            #expect(reading.findings.hasErrors, "a file that is no catalogue says so")
        }
    }

    static func check(_ findings: [Finding], file: String) {
        for finding in findings {
            #expect(finding.location.file == file, "\(finding)")
            #expect((finding.location.line ?? 0) >= 1 && (finding.location.column ?? 0) >= 1, "no position: \(finding)")
            #expect(!finding.found.isEmpty && !finding.expected.isEmpty, "\(finding)")
        }
    }

    /// Bytes that matter to CSV and JSON syntax, the dashboard's vocabulary's letters, NUL and invalid UTF-8.
    static let jsonBytes: [UInt8] = Array("{}[]\":,;\n\r 0123456789.-eEtrufalsn\\".utf8) + [0xC3, 0xA4, 0xE4, 0x00, 0xFF]
    static let randomJSON = Gen.element(of: jsonBytes).map { $0! }.array(of: 0...300)

    @Test func randomBytesNeverCrashTheDashboardReaders() async {
        await propertyCheck(count: 1000, input: ReaderFuzzTests.bytes) { bytes in
            Self.readDashboard(Data(bytes), file: "export.csv")
        }
        await propertyCheck(count: 1000, input: Self.randomJSON) { bytes in
            Self.readDashboard(Data(bytes), file: "page.json")
        }
    }

    @Test func randomBytesNeverCrashTheCatalogueReader() async {
        await propertyCheck(count: 1000, input: ReaderFuzzTests.bytes) { bytes in
            Self.readCatalogue(Data(bytes), file: "catalogue.csv")
        }
    }

    @Test(arguments: ["dashboard.csv", "dashboard.json"])
    func mutatedDashboardExportsReadOrGiveFindingsWithPositions(file: String) async {
        let original = Self.seed(file)
        Self.readDashboard(original, file: file)
        await propertyCheck(count: 500, input: ReaderFuzzTests.mutations) { mutations in
            Self.readDashboard(ReaderFuzzTests.mutate(original, mutations), file: file)
        }
    }

    @Test(arguments: ["catalogue-leika.csv", "catalogue-ozg.csv", "catalogue-fim.csv"])
    func mutatedCataloguesReadOrGiveFindingsWithPositions(file: String) async {
        let original = Self.seed(file)
        #expect(CatalogueReading(data: original, file: file).findings.isEmpty, "the seed itself is clean")
        await propertyCheck(count: 500, input: ReaderFuzzTests.mutations) { mutations in
            Self.readCatalogue(ReaderFuzzTests.mutate(original, mutations), file: file)
        }
    }

    @Test func theSeedsAreClean() {
        for file in ["dashboard.csv", "dashboard.json"] {
            let export = ImportCase.dashboardExport(Self.seed(file), file: file)
            #expect(export.findings.isEmpty, "\(export.findings)")
            #expect(export.rows.count == (file.hasSuffix(".json") ? 2 : 3))
        }
        #expect(CatalogueReading(data: Self.seed("catalogue-leika.csv"), file: "l.csv").rowsKept == 4)
        #expect(CatalogueReading(data: Self.seed("catalogue-ozg.csv"), file: "o.csv").rowsKept == 3)
        let fim = CatalogueReading(data: Self.seed("catalogue-fim.csv"), file: "f.csv")
        #expect(fim.format == .fimLeika && fim.rowsKept == 2)
    }
}
