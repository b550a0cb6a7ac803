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

    /// A register of the fixtures' authorities (as the shipped one is built from the Gemeindeverzeichnis).
    static let register = MunicipalityRegister([
        RegisterEntry(ags: "05998000", ars: "059980000000", name: "Musterhausen, Stadt", kind: .kreisfreieStadt, landCode: "05",
                      land: "Nordrhein-Westfalen", kreis: "05998", population: Population(count: 163_729, date: PartialDate("2019-12-31")!, source: "Destatis")),
        RegisterEntry(ags: "05997", ars: "05997", name: "Beispiel", kind: .kreis, landCode: "05", land: "Nordrhein-Westfalen", kreis: "05997",
                      population: nil),
        RegisterEntry(ags: "05997001", ars: "059979001001", name: "Beispieldorf", kind: .kreisangehoerigeGemeinde, landCode: "05",
                      land: "Nordrhein-Westfalen", kreis: "05997", population: nil),
    ])

    @Test func newMunicipalityGetsADatasetFolderThatValidates() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        let slug = Slug("musterhausen")!
        let report = try workspace.importDashboard(try csv(), into: slug, options: DashboardImportOptions(snapshot: PartialDate("2025-06-30"),
                                                                                                          register: Self.register))
        #expect(report.created)
        #expect(report.rows == 5 && report.online == 3 && report.replaced == 0)
        #expect(report.addedStatusWords == ["online: ok", "online: nicht ok"])
        // 10110 is not in the fixture's reference data: its row keeps the ID as the dashboard gives it, named once.
        #expect(report.findings.map(\.code) == ["ozg-id-not-in-reference"])

        let reading = workspace.validate(slug, reference: workspace.readReference().0)
        #expect(reading.findings.isEmpty)
        let dataset = try #require(reading.dataset)
        // Name, kind and Land from the register, not from the export's ars_name.
        #expect(dataset.municipality.name == "Musterhausen, Stadt")
        #expect(dataset.municipality.kind == .kreisfreieStadt)
        #expect(dataset.municipality.land == "Nordrhein-Westfalen")
        #expect(dataset.municipality.ags == .known("05998000") && dataset.municipality.ars == .known("059980000000"))
        #expect(dataset.municipality.note.hasPrefix("Angelegt von bench import-dashboard"))
        #expect(dataset.sources.map(\.id) == ["dashboard-2025-06-30"])
        #expect(dataset.sources.first?.type == .dashboardExport)
        #expect(dataset.sources.first?.includeAbove == true && dataset.sources.first?.includeBelow == true)
        #expect(dataset.sources.first?.note == "Vom OZG-Dashboard übernommen (bench import-dashboard, Stand des Downloads 2025-06-30): 5 LeiKa-Leistungen mit bekanntem Online-Dienst, davon 3 mit online_status 'ok' und 1 mit 'aktiv: nein'. Export mit den Zeilen der Ebenen darüber (includeAbove) und mit den Zeilen der Ebenen darunter (includeBelow).")
        #expect(dataset.services.map(\.status) == ["online: ok", "online: nicht ok", "online: ok", "online: nicht ok", "online: ok"])
        // Every OZG-ID as the dashboard files it, a sourced fact (match 'source'); the row without one says 'none'.
        #expect(dataset.services.map(\.ozgID) == [.known(OzgID(10092)), .known(OzgID(10513)), .known(OzgID(10513)), .known(OzgID(10110)), .known(nil)])
        #expect(dataset.services.allSatisfy { $0.match == .source })
        #expect(dataset.services.map(\.coverage) == [.federal, .oneMunicipality, .land, .kreis, .notEvaluated])
        #expect(dataset.services.map(\.active) == [true, true, false, true, true])
        #expect(dataset.services[0].note == "Vom OZG-Dashboard übernommen; OZG-Leistung 10092 (Wohngeld) laut Dashboard; https://service.example.org/wohngeld")
        #expect(dataset.services.allSatisfy { $0.unit == .leikaLeistung && $0.leikaKey != nil && $0.snapshot == PartialDate("2025-06-30") })
        #expect(dataset.statusMapping["online: ok"]?.online == .known(true))
        #expect(dataset.statusMapping["online: nicht ok"]?.online == .known(false))
        #expect(dataset.statusMapping["online: ok"]?.maturity == .unknown)
        #expect(try workspace.contents("musterhausen/services.csv").split(separator: UInt8(ascii: "\n")).count == 6)

        // Usable by the commands that read the database, coverage and aktiv included.
        let database = try BenchDatabase(path: workspace.root.appendingPathComponent("db.sqlite"))
        let sync = try database.synchronize(workspace: workspace)
        #expect(sync.entry("musterhausen")?.outcome == .imported)
        let stored = try database.dataset(slug)
        #expect(stored.services.map(\.coverage) == [.federal, .oneMunicipality, .land, .kreis, .notEvaluated])
        #expect(stored.services.map(\.active) == [true, true, false, true, true])
        #expect(stored.services.allSatisfy { $0.match == .source })
        #expect(stored.sources.first?.includeAbove == true)
        #expect(FileManager.default.fileExists(atPath: workspace.datasetsDirectory.appendingPathComponent(".import-musterhausen-\(ProcessInfo.processInfo.processIdentifier)").path) == false)
    }

    @Test func importingTheSameExportAgainChangesNoByte() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        let slug = Slug("musterhausen")!
        _ = try workspace.importDashboard(try json(["musterhausen-pages.json"]), into: slug)
        let files = try DatasetFile.allCases.map { try workspace.contents("musterhausen/\($0.rawValue)") }
        let again = try workspace.importDashboard(try json(["musterhausen-pages.json"]), into: slug)
        #expect(!again.created && !again.changed && again.replaced == 5 && again.addedStatusWords.isEmpty)
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
        // The file gains the columns coverage and active (its own rows an empty cell each); every row it had keeps
        // its cells, and the dashboard's rows come after them.
        let after = String(decoding: try workspace.contents("beispielstadt/services.csv"), as: UTF8.self).split(separator: "\n")
        let old = String(decoding: before, as: UTF8.self).split(separator: "\n")
        #expect(after[0] == old[0] + ",coverage,active")
        #expect(Array(after[1..<old.count]) == old.dropFirst().map { $0 + ",," })
        #expect(after.count == old.count + 5)
        let sources = String(decoding: try workspace.contents("beispielstadt/sources.csv"), as: UTF8.self).split(separator: "\n")
        let oldSources = String(decoding: sourcesBefore, as: UTF8.self).split(separator: "\n")
        #expect(Array(sources[1..<oldSources.count]) == oldSources.dropFirst().map { $0 + ",," })
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

    @Test func anAuthorityTheRegisterDoesNotKnowKeepsKindUnknownWithAFinding() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        let report = try workspace.importDashboard(try csv(), into: Slug("musterhausen")!, options: DashboardImportOptions(snapshot: PartialDate("2025-06-30")))
        #expect(report.findings.map(\.code) == ["not-in-register", "ozg-id-not-in-reference"])
        #expect(report.findings.first?.location == Location(file: "musterhausen.csv", line: 2, column: 1))
        let dataset = try #require(workspace.read(Slug("musterhausen")!).dataset)
        // Never a kind guessed from "Stadt Musterhausen".
        #expect(dataset.municipality.kind == .unknown)
        #expect(dataset.municipality.name == "Stadt Musterhausen")
    }

    @Test func readsTheAPIsPagesWithManyAuthorities() throws {
        let export = try json(["v1-data-0.json", "v1-data-1.json"])
        #expect(export.findings.isEmpty)
        #expect(export.rows.count == 10)
        #expect(export.authorities == ["059970000000", "059979001001", "059980000000"])
        #expect(export.rows.allSatisfy { $0.landCode == "05" })
        #expect(content(try csv()) == content(export).prefix(5).map { var row = $0; row.landCode = "05"; return row })
        #expect(export.rows[6].origin == Location(file: "v1-data-1.json", line: 4, column: 17))
    }

    @Test func readsTheXLSXAsDownloaded() throws {
        var export = DashboardExport()
        export.readXLSX(try Fixtures.data("dashboard/musterhausen.xlsx"), file: "musterhausen.xlsx")
        export.finish()
        #expect(export.findings.isEmpty)
        #expect(content(export) == content(try csv()))
        // A row's place is its spreadsheet row and the column of its leika_key (A).
        #expect(export.rows[1].origin == Location(file: "musterhausen.xlsx [Daten]", line: 3, column: 1))
        var broken = DashboardExport()
        broken.readXLSX(Data("leika_key;ars\n".utf8), file: "export.xlsx")
        #expect(broken.findings.map(\.code) == ["bad-xlsx"] && broken.findings.first?.location.file == "export.xlsx")
        #expect(broken.exportFindings.hasErrors && broken.rows.isEmpty)
    }

    @Test func aPageThatClaimsMorePagesIsABoundedFindingAtItsValue() throws {
        var export = DashboardExport()
        var page = String(decoding: try Fixtures.data("dashboard/v1-data-0.json"), as: UTF8.self)
        page = page.replacingOccurrences(of: "\"totalPages\": 2", with: "\"totalPages\": 1000000000")
        export.readJSON(Data(page.utf8), file: "p.json")
        export.finish()
        let line = page.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("totalPages") }! + 1
        #expect(export.findings.map(\.description) == [
            "p.json:\(line):16: error: pages 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 999999989 more of 1000000000 are missing; pass every page file of the export [missing-page]",
        ])
        // A page that says it is the last while the count says otherwise.
        var last = DashboardExport()
        last.readJSON(Data(String(decoding: try Fixtures.data("dashboard/v1-data-0.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"last\": false", with: "\"last\": true").utf8), file: "p.json")
        last.finish()
        #expect(Set(last.findings.map(\.code)) == ["missing-page", "page-count"])
    }

    @Test func contradictingRowsAreNamedAtBothPlacesAndRefuseOnlyTheirAuthority() throws {
        var text = String(decoding: try Fixtures.data("dashboard/v1-data-1.json"), as: UTF8.self)
        // Beispieldorf's second row repeats its first service with another status.
        let last = try #require(text.range(of: "\"99012001001000\"", options: .backwards))
        text.replaceSubrange(last, with: "\"99107004000000\"")
        var export = DashboardExport()
        export.readJSON(try Fixtures.data("dashboard/v1-data-0.json"), file: "v1-data-0.json")
        export.readJSON(Data(text.utf8), file: "v1-data-1.json")
        export.finish()
        let contradictions = export.findings.filter { $0.code == "contradicting-rows" }
        #expect(contradictions.count == 2)
        #expect(Set(contradictions.map(\.location.line)).count == 2)
        #expect(export.authorityFindings["059979001001"]?.count == 2)
        #expect(export.exportFindings.isEmpty)

        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        var progress: [String] = []
        let report = try workspace.importDashboardAuthorities(export, options: DashboardImportOptions(snapshot: PartialDate("2025-06-30"), register: Self.register),
                                                              progress: { position, total, slug in progress.append("[\(position)/\(total)] \(slug)") })
        #expect(progress == ["[1/3] kreis-beispiel", "[2/3] beispieldorf", "[3/3] musterhausen"])
        #expect(report.imported.map(\.slug.rawValue) == ["kreis-beispiel", "musterhausen"])
        #expect(report.refused.map(\.ars) == ["059979001001"])
        #expect(report.refused.first?.findings.map(\.code) == ["contradicting-rows", "contradicting-rows"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.datasetsDirectory.path).sorted() == ["kreis-beispiel", "musterhausen", "reference"])
    }

    @Test func manyAuthoritiesBecomeOneDatasetEachAndASecondImportChangesNoByte() throws {
        let workspace = try Fixtures.workspace(["beispielstadt"])
        defer { Fixtures.remove(workspace) }
        let export = try json(["v1-data-0.json", "v1-data-1.json"])
        let options = DashboardImportOptions(snapshot: PartialDate("2025-06-30"), includeBelow: false, register: Self.register)
        let report = try workspace.importDashboardAuthorities(export, options: options, lands: ["05"])
        #expect(report.refused.isEmpty)
        #expect(report.imported.map(\.slug.rawValue) == ["kreis-beispiel", "beispieldorf", "musterhausen"])
        #expect(report.imported.map(\.rows) == [3, 2, 5])
        let kreis = try #require(workspace.read(Slug("kreis-beispiel")!).dataset)
        #expect(kreis.municipality.kind == .kreis && kreis.municipality.name == "Beispiel" && kreis.municipality.ars == .known("05997"))
        #expect(kreis.sources.first?.includeBelow == false && kreis.sources.first?.includeAbove == true)
        for slug in ["kreis-beispiel", "beispieldorf", "musterhausen", "beispielstadt"] {
            #expect(workspace.validate(Slug(slug)!, reference: workspace.readReference().0).findings.errors.isEmpty, "\(slug)")
        }
        let before = try Self.tree(workspace)
        let again = try workspace.importDashboardAuthorities(export, options: options)
        #expect(again.imported.allSatisfy { !$0.changed && !$0.created })
        #expect(try Self.tree(workspace) == before)

        // --land and --ars filter.
        let none = Result { try workspace.importDashboardAuthorities(export, options: options, lands: ["09"]) }
        guard case .failure(StorageError.invalidInput(let findings)) = none else { Issue.record("expected a refusal"); return }
        #expect(findings.map(\.code) == ["empty-export"])
        let one = try workspace.importDashboardAuthorities(export, options: options, ars: ["059979001001"])
        #expect(one.imported.map(\.slug.rawValue) == ["beispieldorf"] && one.filteredRows == 8)
    }

    /// Every file under Datasets/ with its bytes.
    static func tree(_ workspace: Workspace) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = workspace.datasetsDirectory
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func slugsComeFromTheRegistersNamesAndCollisionsAreToldApart() {
        let register = MunicipalityRegister([
            RegisterEntry(ags: "05316000", ars: "053160000000", name: "Leverkusen, Stadt", kind: .kreisfreieStadt, landCode: "05",
                          land: "Nordrhein-Westfalen", kreis: "05316", population: nil),
            RegisterEntry(ags: "05554", ars: "05554", name: "Borken", kind: .kreis, landCode: "05", land: "Nordrhein-Westfalen", kreis: "05554", population: nil),
            RegisterEntry(ags: "05554012", ars: "055540012012", name: "Borken, Stadt", kind: .kreisangehoerigeStadt, landCode: "05",
                          land: "Nordrhein-Westfalen", kreis: "05554", population: nil),
            RegisterEntry(ags: "05962016", ars: "059620016016", name: "Lüdenscheid, Stadt", kind: .kreisangehoerigeStadt, landCode: "05",
                          land: "Nordrhein-Westfalen", kreis: "05962", population: nil),
            RegisterEntry(ags: "09162000", ars: "091620000000", name: "München, Landeshauptstadt", kind: .kreisfreieStadt, landCode: "09",
                          land: "Bayern", kreis: "09162", population: nil),
            RegisterEntry(ags: "07111", ars: "07111", name: "Neustadt", kind: .kreis, landCode: "07", land: "Rheinland-Pfalz", kreis: "07111", population: nil),
            RegisterEntry(ags: "07111001", ars: "071110001001", name: "Neustadt", kind: .kreisangehoerigeGemeinde, landCode: "07",
                          land: "Rheinland-Pfalz", kreis: "07111", population: nil),
            RegisterEntry(ags: "07222001", ars: "072220001001", name: "Neustadt", kind: .kreisangehoerigeGemeinde, landCode: "07",
                          land: "Rheinland-Pfalz", kreis: "07222", population: nil),
            RegisterEntry(ags: "05966", ars: "05966", name: "Straße-Groß", kind: .kreis, landCode: "05", land: "Nordrhein-Westfalen", kreis: "05966", population: nil),
        ])
        let slugs = DashboardSlugs(register: register)
        #expect(slugs.slugs["053160000000"] == Slug("leverkusen"))
        #expect(slugs.slugs["059620016016"] == Slug("luedenscheid"))
        #expect(slugs.slugs["091620000000"] == Slug("muenchen"))
        #expect(slugs.slugs["05966"] == Slug("kreis-strasse-gross"))
        // A Kreis named like its town: `kreis-` tells them apart (no collision to report).
        #expect(slugs.slugs["05554"] == Slug("kreis-borken"))
        #expect(slugs.slugs["055540012012"] == Slug("borken"))
        #expect(slugs.collisions["05554"] == nil)
        // Two Gemeinden of one name: each by its Kreis's name (by its Kreis key where the register lacks the Kreis).
        #expect(slugs.slugs["07111"] == Slug("kreis-neustadt"))
        #expect(slugs.slugs["071110001001"] == Slug("neustadt-neustadt"))
        #expect(slugs.slugs["072220001001"] == Slug("neustadt-07222"))
        #expect(slugs.collisions["071110001001"]?.members.map(\.slug.rawValue) == ["neustadt-neustadt", "neustadt-07222"])
        // The same register gives the same slugs, whatever is imported.
        #expect(DashboardSlugs(register: register).slugs == slugs.slugs)
        #expect(slugs.slug(unknownARS: "059990000001", name: "Stadt Irgendwo") == Slug("stadt-irgendwo"))
        #expect(slugs.slug(unknownARS: "059990000002", name: "Leverkusen") == Slug("leverkusen-059990000002"))
    }

    @Test("Beyond NRW's authorities, the synthetic export takes those of the other Länder in the order of their codes")
    func aSyntheticExportBeyondNRWTakesFurtherLaender() {
        func entry(_ ars: String, _ kind: MunicipalityKind, land: String) -> RegisterEntry {
            RegisterEntry(ags: ars.count == 5 ? ars : String(ars.prefix(5)) + String(ars.suffix(3)), ars: ars, name: "Ort \(ars)",
                          kind: kind, landCode: land, land: "Land \(land)", kreis: String(ars.prefix(5)), population: nil)
        }
        let register = MunicipalityRegister([
            entry("061110000000", .kreisfreieStadt, land: "06"),
            entry("051110000000", .kreisfreieStadt, land: "05"),
            entry("05113", .kreis, land: "05"),
            entry("011110001001", .kreisangehoerigeGemeinde, land: "01"),
            entry("011110002002", .unknown, land: "01"),
            entry("011110003003", .kreisangehoerigeGemeinde, land: "01"),
        ])
        func chosen(_ count: Int) -> [String] {
            SyntheticDashboardExport(authorities: count, register: register).chosenAuthorities().map(\.ars)
        }
        // Up to NRW's number, NRW's alone (spread evenly); beyond it, all of NRW's, then Land 01 before Land 06.
        #expect(chosen(1) == ["051110000000"])
        #expect(chosen(2) == ["051110000000", "051130000000"])
        #expect(chosen(4) == ["051110000000", "051130000000", "011110001001", "011110003003"])
        #expect(chosen(5) == ["051110000000", "051130000000", "011110001001", "011110003003", "061110000000"])
        // No more than the register has of known kind.
        #expect(chosen(9).count == 5)
        // Each row names its authority's Land, so the import takes the authorities of every Land.
        #expect(SyntheticDashboardExport(authorities: 5, register: register).chosenAuthorities().map(\.landCode) == ["05", "05", "01", "01", "06"])
    }

    @Test func aSyntheticExportBeyondNRWImports() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        let register = MunicipalityRegister([
            RegisterEntry(ags: "05111000", ars: "051110000000", name: "Großstadt, Stadt", kind: .kreisfreieStadt, landCode: "05",
                          land: "Nordrhein-Westfalen", kreis: "05111", population: nil),
            RegisterEntry(ags: "01001000", ars: "010010000000", name: "Hafenstadt, Stadt", kind: .kreisfreieStadt, landCode: "01",
                          land: "Schleswig-Holstein", kreis: "01001", population: nil),
            RegisterEntry(ags: "06411000", ars: "064110000000", name: "Mainstadt, Wissenschaftsstadt", kind: .kreisfreieStadt, landCode: "06",
                          land: "Hessen", kreis: "06411", population: nil),
        ])
        let directory = workspace.root.appendingPathComponent("export")
        let summary = try SyntheticDashboardExport(authorities: 3, seed: 7, pageSize: 1000, register: register).write(to: directory)
        #expect(summary.authorities == 3 && summary.fromRegister == 3)
        var export = DashboardExport()
        for page in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
            export.readJSON(try Data(contentsOf: directory.appendingPathComponent(page)), file: page)
        }
        export.finish()
        #expect(export.findings.isEmpty, "\(export.findings)")
        let report = try workspace.importDashboardAuthorities(export, options: DashboardImportOptions(snapshot: PartialDate("2025-06-30"), register: register))
        #expect(report.refused.isEmpty)
        #expect(report.imported.count == 3 && report.imported.map(\.rows).reduce(0, +) == summary.rows)
    }

    @Test func aSyntheticExportOf30AuthoritiesImportsAndValidates() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        // 30 NRW authorities of a small register: a mix of kinds, as the real register's 427.
        var entries: [RegisterEntry] = []
        for kreis in 0..<3 {
            let kreisKey = "05\(String(format: "%d", 5 + kreis))\(String(format: "%02d", kreis + 10))"
            entries.append(RegisterEntry(ags: kreisKey, ars: kreisKey, name: "Kreis Nummer \(kreis + 1)", kind: .kreis, landCode: "05",
                                         land: "Nordrhein-Westfalen", kreis: kreisKey, population: nil))
            for town in 0..<8 {
                let ars = kreisKey + String(format: "%04d%03d", town + 1, town + 1)
                entries.append(RegisterEntry(ags: kreisKey + String(format: "%03d", town + 1), ars: ars, name: "Gemeinde \(kreis + 1)-\(town + 1)",
                                             kind: town % 3 == 0 ? .kreisangehoerigeStadt : .kreisangehoerigeGemeinde, landCode: "05",
                                             land: "Nordrhein-Westfalen", kreis: kreisKey, population: nil))
            }
        }
        for city in 0..<3 {
            let ars = "05\(String(format: "%03d", 111 + city))0000000"
            entries.append(RegisterEntry(ags: String(ars.prefix(5)) + "000", ars: ars, name: "Großstadt \(city + 1), Stadt", kind: .kreisfreieStadt,
                                         landCode: "05", land: "Nordrhein-Westfalen", kreis: String(ars.prefix(5)), population: nil))
        }
        let register = MunicipalityRegister(entries)
        let directory = workspace.root.appendingPathComponent("export")
        let summary = try SyntheticDashboardExport(authorities: 30, seed: 7, pageSize: 1000, register: register).write(to: directory)
        #expect(summary.authorities == 30 && summary.fromRegister == 30)
        // Seeded: the same options give the same bytes.
        let again = try SyntheticDashboardExport(authorities: 30, seed: 7, pageSize: 1000, register: register)
            .write(to: workspace.root.appendingPathComponent("export-2"))
        #expect(again == summary)
        let pages = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(pages.count == summary.pages)
        for page in pages {
            #expect(try Data(contentsOf: directory.appendingPathComponent(page)) == Data(contentsOf: workspace.root.appendingPathComponent("export-2/\(page)")))
        }
        var export = DashboardExport()
        for page in pages { export.readJSON(try Data(contentsOf: directory.appendingPathComponent(page)), file: page) }
        export.finish()
        #expect(export.findings.isEmpty)
        #expect(export.rows.count == summary.rows)
        #expect(Set(export.rows.map(\.coverage)) == Set(DashboardCoverage.allCases))
        #expect(export.rows.contains { !$0.online } && export.rows.contains { $0.active == false })

        let options = DashboardImportOptions(snapshot: PartialDate("2025-06-30"), register: register)
        let report = try workspace.importDashboardAuthorities(export, options: options)
        #expect(report.refused.isEmpty)
        #expect(report.imported.count == 30 && report.imported.allSatisfy(\.created))
        #expect(report.imported.map(\.rows).reduce(0, +) == summary.rows)
        let reference = workspace.readReference().0
        for slug in workspace.slugs() {
            let reading = workspace.validate(slug, reference: reference)
            #expect(reading.findings.errors.isEmpty, "\(slug)")
            #expect(reading.dataset?.municipality.kind != .unknown)
        }
        let before = try Self.tree(workspace)
        var second = DashboardExport()
        for page in pages { second.readJSON(try Data(contentsOf: directory.appendingPathComponent(page)), file: page) }
        second.finish()
        _ = try workspace.importDashboardAuthorities(second, options: options)
        #expect(try Self.tree(workspace) == before)
    }

    @Test func rowsAreWrittenAsCSVWriterWritesThem() {
        let cells = ["", "Wohngeld", "a, b", "say \"hi\"", " lead", "trail ", "x;y", "zwei\nZeilen", "Umlaut ä", "é\u{301}", "\"", ","]
        for cell in cells { #expect(DatasetCSV.row([cell]) == CSVWriter.row([cell]), "\(cell)") }
        #expect(DatasetCSV.row(cells) == CSVWriter.row(cells))
        // A CRLF inside a cell is quoted (CSVWriter compares Characters, and "\r\n" is one, so it does not).
        #expect(DatasetCSV.row(["cr\r\nlf"]) == "\"cr\r\nlf\"")
    }
}
