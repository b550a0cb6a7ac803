import Domain
import Foundation
import Storage
import Testing

/// Inputs that libFuzzer found to crash a reader (Fuzz/Crashes), kept as cases that must be refused with a finding.
@Suite struct FuzzFindingTests {
    /// An XLSX whose central directory points past the end of the file: ZIPFoundation's in-memory archive trapped
    /// ("Range requires lowerBound <= upperBound"), in `bench import-dashboard` and `bench import-register` alike.
    static let offsetPastEnd = ImportCase.folder.appendingPathComponent("xlsx-offset-past-end.xlsx")

    @Test func anXLSXWithAnOffsetPastItsEndIsRefusedByTheDashboardReader() throws {
        var export = DashboardExport()
        export.readXLSX(try Data(contentsOf: Self.offsetPastEnd), file: "export.xlsx")
        export.finish()
        #expect(export.rows.isEmpty)
        #expect(!export.findings.isEmpty && export.findings.allSatisfy { $0.code == "bad-xlsx" && $0.severity == .error }, "\(export.findings)")
        #expect(export.findings.first?.location.file == "export.xlsx")
    }

    @Test func anXLSXWithAnOffsetPastItsEndIsRefusedByTheRegisterReader() throws {
        let edition = RegisterEdition(populationDate: PartialDate("2020-12-31")!, source: "Destatis (test)")
        let reading = RegisterReading(data: try Data(contentsOf: Self.offsetPastEnd), file: "auszug.xlsx", edition: edition)
        #expect(reading.entries.isEmpty)
        #expect(!reading.findings.isEmpty && reading.findings.allSatisfy { $0.code == "bad-xlsx" && $0.severity == .error }, "\(reading.findings)")
    }

    /// A JSON text cut right after a backslash (`"online_statu\\\\\\\` at the end of the file): the reader looped for
    /// ever (Fuzz/Crashes/FuzzDashboardJSON). It must say that the text is never closed.
    @Test(.timeLimit(.minutes(1))) func aJSONTextCutAfterABackslashIsAFindingNotAHang() {
        var export = DashboardExport()
        export.readJSON(Data("\n   \n{     \"online_statu\\\\\\\\\\\\\\".utf8), file: "page.json")
        export.finish()
        #expect(export.rows.isEmpty)
        #expect(export.findings.count == 1 && export.findings.first?.severity == .error, "\(export.findings)")
        #expect(export.findings.first?.found.contains("never closed") == true, "\(export.findings)")
        #expect(export.findings.first?.location.file == "page.json")
    }

    /// XLSX files whose deflate stream is cut before its end marker (Fuzz/Crashes/FuzzDashboardXLSX and
    /// FuzzRegisterImport, found as time-outs): ZIPFoundation's own extraction asked the file for more bytes for ever.
    /// bench now unpacks each part from its own bytes, so they are refused at once with a finding.
    @Test(.timeLimit(.minutes(1)), arguments: ["xlsx-deflate-cut-dashboard.xlsx", "xlsx-deflate-cut-register.xlsx"])
    func anXLSXWithACutDeflateStreamIsAFindingNotAHang(_ name: String) throws {
        let data = try Data(contentsOf: ImportCase.folder.appendingPathComponent(name))
        var export = DashboardExport()
        export.readXLSX(data, file: "export.xlsx")
        export.finish()
        #expect(export.rows.isEmpty)
        #expect(!export.findings.isEmpty, "\(export.findings)")
        let edition = RegisterEdition(populationDate: PartialDate("2020-12-31")!, source: "Destatis (test)")
        let reading = RegisterReading(data: data, file: "auszug.xlsx", edition: edition)
        #expect(reading.entries.isEmpty)
        #expect(reading.findings.hasErrors, "\(reading.findings)")
    }
}
