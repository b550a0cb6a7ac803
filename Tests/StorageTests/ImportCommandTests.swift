import Domain
import Foundation
@testable import Storage
import Testing

/// The import commands as a user runs them: the built `bench` executable on a copy of the fixture workspace.
@Suite(.timeLimit(.minutes(2)))
struct ImportCommandTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func bench(_ arguments: [String], in workspace: Workspace) throws -> Result {
        let process = Process()
        process.executableURL = try BenchBinary.url()
        process.arguments = arguments
        process.currentDirectoryURL = workspace.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so that a full pipe cannot stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func importTwiceThenTheDatabaseHasTheDocumentedTables() throws {
        let workspace = try Fixtures.workspace()
        defer { Fixtures.remove(workspace) }
        let first = try bench(["import"], in: workspace)
        #expect(first.status == 0)
        #expect(first.stdout == "reference: imported (3 rows)\nbeispielstadt: imported (23 rows)\ndatabase: .bench/bench.sqlite\n")
        #expect(first.stderr.isEmpty)
        let second = try bench(["import"], in: workspace)
        #expect(second.stdout == "reference: unchanged\nbeispielstadt: unchanged\ndatabase: .bench/bench.sqlite\n")
        let database = try BenchDatabase(workspace: workspace)
        #expect(try database.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name") } == [
            "catalogue_file", "dataset_file", "dataset_memo", "derived_data", "file_stat", "grdb_migrations", "indicator", "leika_service", "municipality", "ozg_catalogue",
            "ozg_service", "project", "service_record", "service_status", "source", "status_mapping", "tally",
        ])
    }

    @Test func dashboardExportBecomesADatasetThatValidatesAndCompares() throws {
        let workspace = try Fixtures.workspace()
        defer { Fixtures.remove(workspace) }
        let export = Fixtures.url("dashboard/musterhausen.csv").path
        let imported = try bench(["import-dashboard", export, "--municipality", "musterhausen", "--snapshot", "2025-06-30"], in: workspace)
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("created Datasets/musterhausen/: 5 LeiKa-Leistungen at 2025-06-30 (3 online: ok, 2 online: nicht ok), source 'dashboard-2025-06-30'"))
        #expect(imported.stderr.contains("[ozg-id-not-in-reference]"))
        let validated = try bench(["validate", "musterhausen"], in: workspace)
        #expect(validated.status == 0)
        #expect(validated.stdout == "musterhausen: ok (0 errors, 0 warnings)\n")
        let compared = try bench(["compare", "musterhausen", "beispielstadt"], in: workspace)
        #expect(compared.status == 0, "\(compared.stderr)")
        let database = try BenchDatabase(workspace: workspace)
        _ = try database.synchronize(workspace: workspace)
        #expect(try database.dataset(Slug("musterhausen")!).services.count == 5)
    }

    @Test func refusedInputNamesFileLineAndColumnAndWritesNothing() throws {
        let workspace = try Fixtures.workspace()
        defer { Fixtures.remove(workspace) }
        let export = Fixtures.url("dashboard/bad-values.csv").path
        let result = try bench(["import-dashboard", export, "--municipality", "musterhausen", "--snapshot", "2025-06-30"], in: workspace)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad-values.csv:3:135: error: art_flaechendeckung is 'flächendeckend'"))
        #expect(result.stderr.contains("bad-values.csv:4:158: error: online_status is 'okay'"))
        #expect(!FileManager.default.fileExists(atPath: workspace.file("musterhausen").path))
    }

    /// `bench import-register` writes the register and reports the kinds; a refused file leaves the old one unchanged.
    @Test func importRegisterWritesTheRegisterOrNothing() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        let xlsx = Fixtures.url("register/auszug_gv.xlsx").path
        let result = try bench(["import-register", xlsx, "--population-date", "2019-12-31", "--source", "Testquelle"], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("7 rows read"))
        #expect(result.stdout.contains("3 entries written to Datasets/reference/register.csv"))
        #expect(result.stdout.contains("  kreisfreie-stadt: 1\n  staedteregion: 1\n  kreisangehoerige-stadt: 1\n"))
        let written = try workspace.contents("reference/register.csv")
        #expect(try workspace.register()[ags: "05316000"]?.population?.count == 163_729)
        // Without a date the file name does not tell, bench asks for one.
        let undated = try bench(["import-register", xlsx], in: workspace)
        #expect(undated.status != 0)
        #expect(undated.stderr.contains("--population-date"))
        // A duplicate AGS refuses the file: nothing is written.
        let flawed = try bench(["import-register", Fixtures.url("register/flaws.csv").path, "--population-date", "2019-12-31",
                                "--source", "Testquelle"], in: workspace)
        #expect(flawed.status != 0)
        #expect(flawed.stderr.contains("flaws.csv:11:1: error"))
        #expect(flawed.stderr.contains("nothing was written"))
        #expect(try workspace.contents("reference/register.csv") == written)
    }

    /// `bench new --ags` fills name, kind and population from the register; `bench validate` warns where the dataset
    /// then contradicts it.
    @Test func newFromTheRegisterAndValidateAgainstIt() throws {
        let workspace = try Fixtures.workspace([])
        defer { Fixtures.remove(workspace) }
        let reading = RegisterReading(data: try Fixtures.data("register/excel_saved.csv"), file: "excel_saved.csv",
                                      edition: RegisterEdition(populationDate: PartialDate("2019-12-31")!, source: "Destatis, Auszug GV"))
        try Workspace.writeRegister(reading.entries, to: workspace.registerFile)
        let created = try bench(["new", "leverkusen", "--ags", "05316000"], in: workspace)
        #expect(created.status == 0, "\(created.stderr)")
        let yaml = String(decoding: try workspace.contents("leverkusen/municipality.yaml"), as: UTF8.self)
        #expect(yaml.contains("name: \"Leverkusen, Stadt\"\n"))
        #expect(yaml.contains("kind: kreisfreie-stadt "))
        #expect(yaml.contains("ars: \"053160000000\"\n"))
        #expect(yaml.contains("population: 163729\npopulation_date: \"2019-12-31\"\npopulation_source: \"Destatis, Auszug GV\"\n"))
        // An option wins over the register.
        let named = try bench(["new", "aachen", "--ags", "05334", "--name", "StädteRegion Aachen"], in: workspace)
        #expect(named.status == 0, "\(named.stderr)")
        let aachen = String(decoding: try workspace.contents("aachen/municipality.yaml"), as: UTF8.self)
        #expect(aachen.contains("name: \"StädteRegion Aachen\"\nkind: staedteregion "))
        #expect(aachen.contains("population: 248960\n"))
        let unknown = try bench(["new", "nirgendwo", "--ags", "05999000"], in: workspace)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("does not know AGS 05999000"))
        let clean = try bench(["validate"], in: workspace)
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("leverkusen: ok (0 errors, 0 warnings)"))
        var changed = yaml.replacingOccurrences(of: "kind: kreisfreie-stadt", with: "kind: kreis")
        changed = changed.replacingOccurrences(of: "population: 163729", with: "population: 163000")
        try Data(changed.utf8).write(to: workspace.file("leverkusen/municipality.yaml"))
        let warned = try bench(["validate", "leverkusen"], in: workspace)
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("Datasets/leverkusen/municipality.yaml:3:7: warning: kind is kreis (Kreisaufgaben), but the register's row 05316000 'Leverkusen, Stadt' (Datasets/reference/register.csv:2) says kreisfreie-stadt"))
        #expect(warned.stdout.contains("municipality.yaml:8:13: warning: population is 163000 on 2019-12-31, but the register's row 05316000"))
        #expect(warned.stdout.contains("leverkusen: ok (0 errors, 2 warnings)"))
    }
}
