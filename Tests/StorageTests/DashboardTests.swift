import Domain
import Foundation
@testable import Storage
import Testing

/// The federal OZG dashboard's export: read from CSV and from the API's paged JSON, written into a dataset folder.
@Suite struct DashboardTests {
    func csv(_ name: String = "musterhausen.csv") throws -> DashboardExport {
        var export = DashboardExport()
        export.readCSV(try Fixtures.data("dashboard/\(name)"), file: name)
        export.finish()
        return export
    }

    func json(_ names: [String]) throws -> DashboardExport {
        var export = DashboardExport()
        for name in names { export.readJSON(try Fixtures.data("dashboard/\(name)"), file: name) }
        export.finish()
        return export
    }

    /// The rows without their places, to compare what different files say.
    func content(_ export: DashboardExport) -> [DashboardRow] {
        export.rows.map { var row = $0; row.origin = Location(file: ""); return row }
    }

    @Test func readsTheCSVAsDownloaded() throws {
        let export = try csv()
        #expect(export.findings.isEmpty)
        #expect(export.dialects["musterhausen.csv"]?.description == "UTF-8 with byte order mark, semicolon-separated, CRLF line ends, decimal comma")
        #expect(export.rows.count == 5)
        #expect(export.rows.filter(\.online).count == 3)
        #expect(export.snapshot == nil)
        #expect(export.ars == "059980000000")
        #expect(export.arsName == "Stadt Musterhausen")
        #expect(export.rows[2].leikaName == "Abbruchgenehmigung; Antrag")
        #expect(export.rows[2].active == false)
        #expect(export.rows.map(\.coverage) == [.federal, .oneMunicipality, .land, .kreis, .notEvaluated])
        #expect(export.rows[4].ozgID == nil)
        #expect(export.rows[1].origin == Location(file: "musterhausen.csv", line: 3, column: 1))
    }

    @Test func pagedJSONSaysTheSameAsTheCSV() throws {
        let pages = try json(["musterhausen-page1.json", "musterhausen-page2.json"])
        #expect(pages.findings.isEmpty)
        #expect(pages.snapshot == PartialDate("2025-06-30"))
        #expect(content(pages) == content(try csv()))
        #expect(pages.rows[3].origin == Location(file: "musterhausen-page2.json", line: 7, column: 20))
        let oneFile = try json(["musterhausen-pages.json"])
        #expect(oneFile.findings.isEmpty)
        #expect(content(oneFile) == content(pages))
    }

    @Test func aMissingOrRepeatedPageIsAnError() throws {
        let missing = try json(["musterhausen-page2.json"])
        #expect(missing.findings.errors.map(\.code) == ["missing-page"])
        #expect(missing.findings.first?.found == "page 1 of 2 is missing")
        let twice = try json(["musterhausen-page1.json", "musterhausen-page1.json", "musterhausen-page2.json"])
        #expect(Set(twice.findings.errors.map(\.code)) == ["duplicate-page", "duplicate-row"])
    }

    @Test func unknownValuesAreNamedWithLineAndColumn() throws {
        let export = try csv("bad-values.csv")
        #expect(export.findings.map(\.description) == [
            "bad-values.csv:3:135: error: art_flaechendeckung is 'flächendeckend'; use one of the dashboard's values: 'bundesweit flächendeckend', 'landesweit flächendeckend', 'kreisweit flächendeckend', 'in mind. einer Kommune verfügbar', 'nicht in Auswertung berücksichtigt' [unknown-word]",
            "bad-values.csv:4:158: error: online_status is 'okay'; use 'ok' or 'nicht ok' as the dashboard does [unknown-word]",
        ])
        #expect(export.rows.count == 1)
    }

    @Test func brokenJSONIsNamedWithLineAndColumn() {
        var export = DashboardExport()
        export.readJSON(Data("{\"page\": 1, \"pages\": 1, \"items\": [\n  {\"leika_key\": \"99107004000000\",}\n]}".utf8), file: "p.json")
        #expect(export.findings.map(\.description) == ["p.json:2:34: error: a member name in double quotes was expected; the file must be valid JSON (as the dashboard's API returns it) [json-syntax]"])
    }

    @Test func newMunicipalityGetsADatasetFolderThatValidates() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        let slug = Slug("musterhausen")!
        let report = try workspace.importDashboard(try csv(), into: slug, options: DashboardImportOptions(snapshot: PartialDate("2025-06-30")))
        #expect(report.created)
        #expect(report.rows == 5 && report.online == 3 && report.replaced == 0)
        #expect(report.addedStatusWords == ["online: ok", "online: nicht ok"])
        // 10110 is not in the fixture's reference data: its row keeps the ID in the note, with ozg_id unknown.
        #expect(report.findings.map(\.code) == ["ozg-id-not-in-reference"])

        let reading = workspace.validate(slug, reference: workspace.readReference().0)
        #expect(reading.findings.isEmpty)
        let dataset = try #require(reading.dataset)
        #expect(dataset.municipality == Municipality(
            slug: slug, name: "Stadt Musterhausen", kind: .kreisfreieStadt, land: "Nordrhein-Westfalen", ags: .known("05998000"),
            ars: .known("059980000000"),
            note: "Created by bench import-dashboard from the OZG dashboard's export (ars_name 'Stadt Musterhausen')."))
        #expect(dataset.sources.map(\.id) == ["dashboard-2025-06-30"])
        #expect(dataset.sources.first?.type == .dashboardExport)
        #expect(dataset.services.map(\.status) == ["online: ok", "online: nicht ok", "online: ok", "online: nicht ok", "online: ok"])
        #expect(dataset.services.map(\.ozgID) == [.known(OzgID(10092)), .known(OzgID(10513)), .known(OzgID(10513)), .unknown, .unknown])
        #expect(dataset.services.allSatisfy { $0.unit == .leikaLeistung && $0.leikaKey != nil && $0.snapshot == PartialDate("2025-06-30") })
        #expect(dataset.statusMapping["online: ok"]?.online == .known(true))
        #expect(dataset.statusMapping["online: nicht ok"]?.online == .known(false))
        #expect(dataset.statusMapping["online: ok"]?.maturity == .unknown)
        #expect(try workspace.contents("musterhausen/services.csv").split(separator: UInt8(ascii: "\n")).count == 6)

        // Usable by the commands that read the database.
        let database = try BenchDatabase(path: workspace.root.appendingPathComponent("db.sqlite"))
        let sync = try database.synchronize(workspace: workspace)
        #expect(sync.entry("musterhausen")?.outcome == .imported)
        #expect(try database.dataset(slug).services.count == 5)
        #expect(FileManager.default.fileExists(atPath: workspace.datasetsDirectory.appendingPathComponent(".import-musterhausen-\(ProcessInfo.processInfo.processIdentifier)").path) == false)
    }

    @Test func importingTheSameExportAgainChangesNoByte() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        let slug = Slug("musterhausen")!
        _ = try workspace.importDashboard(try json(["musterhausen-pages.json"]), into: slug)
        let files = try DatasetFile.allCases.map { try workspace.contents("musterhausen/\($0.rawValue)") }
        let again = try workspace.importDashboard(try json(["musterhausen-pages.json"]), into: slug)
        #expect(!again.created && again.replaced == 5 && again.addedStatusWords.isEmpty)
        #expect(try DatasetFile.allCases.map { try workspace.contents("musterhausen/\($0.rawValue)") } == files)
    }

    @Test func anExistingDatasetKeepsItsRowsByteForByte() throws {
        let workspace = try Fixtures.workspace(["beispielstadt"])
        defer { Fixtures.remove(workspace) }
        let slug = Slug("beispielstadt")!
        let before = try workspace.contents("beispielstadt/services.csv")
        let sourcesBefore = try workspace.contents("beispielstadt/sources.csv")
        var text = String(decoding: try Fixtures.data("dashboard/musterhausen.csv"), as: UTF8.self)
        text = text.replacingOccurrences(of: "059980000000", with: "059990000000").replacingOccurrences(of: "Musterhausen", with: "Beispielstadt")
        var export = DashboardExport()
        export.readCSV(Data(text.utf8), file: "beispielstadt.csv")
        export.finish()
        let report = try workspace.importDashboard(export, into: slug, options: DashboardImportOptions(snapshot: PartialDate("2025-07-01")))
        #expect(!report.created && report.rows == 5)
        let after = try workspace.contents("beispielstadt/services.csv")
        #expect(after.starts(with: before))
        #expect(String(decoding: after.dropFirst(before.count), as: UTF8.self).split(separator: "\n").count == 5)
        #expect(try workspace.contents("beispielstadt/sources.csv").starts(with: sourcesBefore))
        let reading = workspace.validate(slug, reference: workspace.readReference().0)
        #expect(reading.findings.errors.isEmpty)
        #expect(reading.dataset?.services.count == 9)
    }

    @Test func nothingIsWrittenWhenTheResultWouldNotValidate() throws {
        let workspace = try Fixtures.workspace(["beispielstadt"])
        defer { Fixtures.remove(workspace) }
        let files = try DatasetFile.allCases.map { try workspace.contents("beispielstadt/\($0.rawValue)") }
        var text = String(decoding: try Fixtures.data("dashboard/musterhausen.csv"), as: UTF8.self)
        text = text.replacingOccurrences(of: "059980000000", with: "059990000000")
        var export = DashboardExport()
        export.readCSV(Data(text.utf8), file: "beispielstadt.csv")
        export.finish()
        // At 2024-05-28 beispielstadt already has "Abbruchgenehmigung Erteilung" with the same LeiKa key.
        #expect {
            _ = try workspace.importDashboard(export, into: Slug("beispielstadt")!, options: DashboardImportOptions(snapshot: PartialDate("2024-05-28")))
        } throws: { error in
            guard case StorageError.invalidInput(let findings) = error else { return false }
            return findings.errors.map(\.code) == ["duplicate-row"]
        }
        #expect(try DatasetFile.allCases.map { try workspace.contents("beispielstadt/\($0.rawValue)") } == files)
    }

    @Test func refusedExportsWriteNothing() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        let slug = Slug("musterhausen")!
        #expect {
            _ = try workspace.importDashboard(try csv(), into: slug)
        } throws: { error in
            guard case StorageError.invalidInput(let findings) = error else { return false }
            return findings.map(\.code) == ["no-snapshot"]
        }
        #expect {
            _ = try workspace.importDashboard(try csv("bad-values.csv"), into: slug, options: DashboardImportOptions(snapshot: PartialDate("2025-06-30")))
        } throws: { error in
            guard case StorageError.invalidInput(let findings) = error else { return false }
            return findings.errors.count == 2
        }
        #expect {
            _ = try workspace.importDashboard(try json(["musterhausen-pages.json"]), into: slug, options: DashboardImportOptions(snapshot: PartialDate("2025-07-01")))
        } throws: { error in
            guard case StorageError.invalidInput(let findings) = error else { return false }
            return findings.map(\.code) == ["mixed-dates"]
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.datasetsDirectory.path) == ["reference"])
    }

    @Test func kindIsToldFromTheRegionalKeyOnlyWhereThatIsClear() {
        #expect(Workspace.kind(ars: "053160000000", name: "Stadt Leverkusen") == .kreisfreieStadt)
        #expect(Workspace.kind(ars: "053340000000", name: "StädteRegion Aachen") == .staedteregion)
        #expect(Workspace.kind(ars: "053620000000", name: "Rhein-Erft-Kreis") == .kreis)
        #expect(Workspace.kind(ars: "053620008008", name: "Stadt Bergheim") == .kreisangehoerigeGemeinde)
        #expect(Workspace.kind(ars: "053160000000", name: "Leverkusen") == nil)
    }
}
