import Domain
import Foundation
import GRDB
@testable import Storage
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The database: what an import writes, that it is idempotent, incremental and transactional, and that
/// unknown stays unknown.
@Suite struct DatabaseTests {
    let workspace: Workspace
    let path: URL

    init() throws {
        workspace = try Fixtures.workspace()
        path = workspace.root.appendingPathComponent(".bench/bench.sqlite")
    }

    func open(busyTimeout: TimeInterval = BenchDatabase.busyTimeout) throws -> BenchDatabase {
        try BenchDatabase(path: path, busyTimeout: busyTimeout)
    }

    func rows(_ database: BenchDatabase, _ sql: String) throws -> [[String]] {
        try database.read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { $0.isNull ? "NULL" : "\($0.storage.value!)" } }
        }
    }

    var slug: Slug { Slug("beispielstadt")! }

    @Test func importsEveryTableAndReadsTheSameDatasetBack() throws {
        defer { Fixtures.remove(workspace) }
        let database = try open()
        let report = try database.synchronize(workspace: workspace)
        #expect(report.entries.map(\.dataset) == ["reference", "beispielstadt"])
        #expect(report.entries.map(\.outcome) == [.imported, .imported])
        // 1 municipality + 2 sources + 4 status words + 4 services + 4 tallies + 3 projects + 5 indicators.
        #expect(report.entry("beispielstadt")?.rows == 23)
        #expect(report.entry("reference")?.rows == 3)
        let fromFiles = try #require(workspace.read(slug).dataset)
        #expect(try database.dataset(slug) == fromFiles)
        #expect(try database.municipalities().map(\.name) == ["Stadt Beispielstadt"])
        #expect(try database.reference() == workspace.readReference().0)
        #expect(try database.integrityCheck() == ["ok"])
        #expect(try rows(database, "SELECT count(*) FROM dataset_file WHERE dataset = 'beispielstadt'") == [["8"]])
    }

    @Test func unknownIsStoredAsNullAndNeverAsZero() throws {
        defer { Fixtures.remove(workspace) }
        let database = try open()
        _ = try database.synchronize(workspace: workspace)
        #expect(try rows(database, "SELECT snapshot, status, count, count_known FROM tally WHERE role = 'part' ORDER BY snapshot, status") == [
            ["2023-11", "umgesetzt", "0", "1"],
            ["2024-05-28", "in Prüfung", "NULL", "0"],
            ["2024-05-28", "umgesetzt", "3", "1"],
        ])
        #expect(try rows(database, "SELECT status, maturity, maturity_known, online, in_scope FROM status_mapping WHERE status = 'in Prüfung'")
            == [["in Prüfung", "NULL", "0", "0", "NULL"]])
        #expect(try rows(database, "SELECT indicator, value, value_known FROM indicator WHERE indicator = 'it_projects_planned'")
            == [["it_projects_planned", "NULL", "0"]])
        #expect(try rows(database, "SELECT ozg_id, leika_count, leika_count_known FROM ozg_service WHERE ozg_id = 10255") == [["10255", "NULL", "0"]])
        #expect(try rows(database, "SELECT name, ozg_id, ozg_id_state FROM service_record ORDER BY id") == [
            ["Wohngeld", "10092", "known"], ["Anwohnerparkausweis", "NULL", "unknown"],
            ["Mängel melden", "NULL", "none"], ["Abbruchgenehmigung Erteilung", "10513", "known"],
        ])
        #expect(try rows(database, "SELECT reference, body FROM source ORDER BY id") == [["NULL", "NULL"], ["2024/0815", "Ausschuss für Digitalisierung"]])
        #expect(try rows(database, "SELECT project_id, start, motion FROM project WHERE project_id = 'dms'") == [["dms", "NULL", "2024/0999"]])
        // The CHECK constraints refuse a count that claims to be known without a value, and the reverse.
        #expect(throws: StorageError.self) {
            try database.write { try $0.execute(sql: "UPDATE tally SET count_known = 1 WHERE count IS NULL") }
        }
    }

    @Test func partialDatesKeepTheirPrecisionWithFirstAndLastDay() throws {
        defer { Fixtures.remove(workspace) }
        let database = try open()
        _ = try database.synchronize(workspace: workspace)
        #expect(try rows(database, "SELECT date, date_first, date_last FROM source ORDER BY date_first") == [
            ["2023-11", "2023-11-01", "2023-11-30"], ["2024-05-28", "2024-05-28", "2024-05-28"],
        ])
        #expect(try rows(database, "SELECT period, period_first, period_last FROM indicator WHERE indicator = 'portal_clicks'")
            == [["2023", "2023-01-01", "2023-12-31"]])
        #expect(try rows(database, "SELECT value_date FROM indicator WHERE unit = 'date'") == [["2022-12"]])
    }

    @Test func importingTwiceChangesNothing() throws {
        defer { Fixtures.remove(workspace) }
        let database = try open()
        _ = try database.synchronize(workspace: workspace)
        let before = try database.tableContents()
        let second = try database.synchronize(workspace: workspace)
        #expect(second.entries.map(\.outcome) == [.unchanged, .unchanged])
        #expect(try database.tableContents() == before)
    }

    @Test func onlyChangedDatasetsAreImportedAgain() throws {
        let workspace = try Fixtures.workspace(["beispielstadt", "kommastadt"])
        defer { Fixtures.remove(workspace); Fixtures.remove(self.workspace) }
        let database = try BenchDatabase(path: workspace.root.appendingPathComponent("db.sqlite"))
        _ = try database.synchronize(workspace: workspace)
        try workspace.append("2024-05-28,Neue Leistung,,local,none,,none,umgesetzt,,bsp-2024-bericht,\n", to: "beispielstadt/services.csv")
        let report = try database.synchronize(workspace: workspace)
        #expect(report.entries.map(\.outcome) == [.unchanged, .imported, .unchanged])
        #expect(try database.dataset(slug).services.count == 5)
        // A change of the reference data can change every dataset's validity: all are checked again.
        try workspace.append("10110,Abfallentsorgung,Bauen & Wohnen,Wohnen & Umzug,1,1,\n", to: "reference/ozg_leistungen.csv")
        let afterReference = try database.synchronize(workspace: workspace)
        #expect(afterReference.entries.map(\.outcome) == [.imported, .imported, .imported])
        #expect(try database.reference().services.count == 4)
    }

    @Test func datasetWithErrorsLeavesTheDatabaseAsItWas() throws {
        defer { Fixtures.remove(workspace) }
        let database = try open()
        _ = try database.synchronize(workspace: workspace)
        let before = try database.tableContents()
        try workspace.append("2024-05-28,Kaputt,,local,none,,none,gibt es nicht,,bsp-2024-bericht,\n", to: "beispielstadt/services.csv")
        let report = try database.synchronize(workspace: workspace)
        let entry = try #require(report.entry("beispielstadt"))
        #expect(entry.outcome == .refused)
        #expect(entry.findings.errors.map(\.code) == ["unknown-status"])
        #expect(entry.findings.errors.first?.location.description.hasSuffix("Datasets/beispielstadt/services.csv:6:12") == true)
        #expect(try database.tableContents() == before)
        // Refused again on the next run: the stored hashes are those of the last valid version.
        #expect(try database.synchronize(workspace: workspace).entry("beispielstadt")?.outcome == .refused)
    }

    @Test func removedDatasetsAreRemoved() throws {
        defer { Fixtures.remove(workspace) }
        let database = try open()
        _ = try database.synchronize(workspace: workspace)
        try FileManager.default.removeItem(at: workspace.directory(of: slug))
        let report = try database.synchronize(workspace: workspace)
        #expect(report.entry("beispielstadt")?.outcome == .removed)
        #expect(try database.municipalities().isEmpty)
        #expect(try rows(database, "SELECT count(*) FROM source") == [["0"]])
        #expect(try rows(database, "SELECT count(*) FROM dataset_file WHERE dataset = 'beispielstadt'") == [["0"]])
    }

    @Test func keysAndConstraintsMakeBadRowsImpossible() throws {
        defer { Fixtures.remove(workspace) }
        let database = try open()
        _ = try database.synchronize(workspace: workspace)
        let insert = """
            INSERT INTO service_record (municipality, snapshot, snapshot_first, snapshot_last, name, name_corrected, unit, ozg_id,
                                        ozg_id_state, leika_key, match_method, status, responsible, source_id, note)
            VALUES ('beispielstadt', '2024-05-28', '2024-05-28', '2024-05-28', ?, '', 'local', NULL, 'none', NULL, 'none', ?, '', ?, '')
            """
        // The same service at the same snapshot twice (a NULL LeiKa key does not slip through the unique index).
        #expect(throws: StorageError.self) { try database.write { try $0.execute(sql: insert, arguments: ["Mängel melden", "umgesetzt", "bsp-2024-bericht"]) } }
        // A source or a status word the municipality does not have: refused at commit.
        #expect(throws: StorageError.self) { try database.write { try $0.execute(sql: insert, arguments: ["Neu", "umgesetzt", "gibt-es-nicht"]) } }
        #expect(throws: StorageError.self) { try database.write { try $0.execute(sql: insert, arguments: ["Neu", "gibt es nicht", "bsp-2024-bericht"]) } }
        #expect(throws: StorageError.self) { try database.write { try $0.execute(sql: "UPDATE tally SET count = -1 WHERE count = 3") } }
        #expect(try database.dataset(slug) == workspace.read(slug).dataset)
    }

    /// The minimum crash test: the import fails inside its transaction after some rows; nothing of it stays.
    @Test func failureInsideTheTransactionRollsEverythingBack() throws {
        defer { Fixtures.remove(workspace) }
        let database = try open()
        _ = try database.synchronize(workspace: workspace)
        let before = try database.tableContents()
        try workspace.append("2024-05-28,Neue Leistung,,local,none,,none,umgesetzt,,bsp-2024-bericht,\n", to: "beispielstadt/services.csv")
        struct Crash: Error {}
        var written = 0
        #expect(throws: StorageError.self) {
            _ = try database.synchronize(workspace: workspace) { progress in
                written = progress.rows
                if progress.rows >= 7 && !progress.finished { throw Crash() }
            }
        }
        #expect(written == 7)
        #expect(try database.tableContents() == before)
        #expect(try database.integrityCheck() == ["ok"])
        #expect(try database.synchronize(workspace: workspace).entry("beispielstadt")?.outcome == .imported)
        #expect(try database.dataset(slug).services.count == 5)
    }

    /// The real crash test: a `bench import` process killed with SIGKILL inside its write transaction.
    @Test(.timeLimit(.minutes(2)))
    func killedImportLeavesTheDatabaseAsItWas() throws {
        defer { Fixtures.remove(workspace) }
        let before: String
        do {
            let database = try open()
            _ = try database.synchronize(workspace: workspace)
            before = try database.tableContents()
        }
        try workspace.append("2024-05-28,Neue Leistung,,local,none,,none,umgesetzt,,bsp-2024-bericht,\n", to: "beispielstadt/services.csv")
        let marker = workspace.root.appendingPathComponent("paused")
        let process = Process()
        process.executableURL = try BenchBinary.url()
        process.arguments = ["import", "--workspace", workspace.root.path, "--database", path.path]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["BENCH_TEST_PAUSE_AFTER_ROWS": "5", "BENCH_TEST_PAUSE_MARKER": marker.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker.path), process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let paused = FileManager.default.fileExists(atPath: marker.path)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(paused, "the import never reached its write transaction")
        #expect(process.terminationReason == .uncaughtSignal)

        let database = try open()
        #expect(try database.integrityCheck() == ["ok"])
        #expect(try database.tableContents() == before)
        #expect(try database.synchronize(workspace: workspace).entry("beispielstadt")?.outcome == .imported)
        #expect(try database.dataset(slug).services.count == 5)
    }

    /// Two imports at once: the second waits for the first, and gives up cleanly after its busy timeout.
    // A guard against a hang, not a timing: on a loaded 2-core machine, with every suite running at once, a minute was
    // not enough to start.
    @Test(.timeLimit(.minutes(3)))
    func secondWriterWaitsOrFailsCleanly() throws {
        defer { Fixtures.remove(workspace) }
        let holder = try open()
        let hold = DispatchSemaphore(value: 0), holding = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread {
            try? holder.write { _ in
                holding.signal()
                hold.wait()
            }
            done.signal()
        }.start()
        holding.wait()
        let impatient = try open(busyTimeout: 0.2)
        #expect {
            _ = try impatient.synchronize(workspace: workspace)
        } throws: { error in
            guard case StorageError.busy(let busyPath) = error else { return false }
            return busyPath == path.path && "\(error)".contains("in use by another bench process")
        }
        #expect(try impatient.municipalities().isEmpty)
        // One that waits long enough gets its turn once the first one commits.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { hold.signal() }
        let patient = try open(busyTimeout: 30)
        let report = try patient.synchronize(workspace: workspace)
        done.wait()
        #expect(report.entry("beispielstadt")?.outcome == .imported)
        #expect(try patient.integrityCheck() == ["ok"])
    }

    @Test func newerDatabaseIsRefusedWithAMessage() throws {
        defer { Fixtures.remove(workspace) }
        let database = try open()
        try database.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        #expect {
            _ = try BenchDatabase(path: path)
        } throws: { error in
            "\(error)".contains("newer version of bench")
        }
        // In bench's own place, it is made anew.
        let told = Told()
        let rebuilt = try BenchDatabase(path: path, ownership: .derived(log: told.append))
        #expect(told.lines == ["database \(path.path) was written by a newer version of bench; bench builds it again from Datasets/"])
        #expect(try rebuilt.municipalities().isEmpty)
        #expect(try rebuilt.integrityCheck() == ["ok"])
    }
}

/// The queries of Docs/database.md on the bundled datasets give the figures the documentation shows.
@Suite struct BundledDatasetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL

    @Test(.enabled(if: FileManager.default.fileExists(atPath: root.appendingPathComponent("Datasets/aachen/tallies.csv").path)))
    func documentedQueries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-bundled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try BenchDatabase(path: folder.appendingPathComponent("bench.sqlite"))
        let report = try database.synchronize(workspace: Workspace(root: Self.root), only: [Slug("aachen")!, Slug("leverkusen")!])
        #expect(report.refused.isEmpty)
        func rows(_ sql: String) throws -> [[String]] {
            try database.read { db in
                try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { $0.isNull ? "NULL" : "\($0.storage.value!)" } }
            }
        }
        #expect(try rows("""
            SELECT status, count, qualifier FROM tally
            WHERE municipality = 'aachen' AND role = 'part' AND snapshot_first >= '2024-01-01' AND snapshot_last <= '2024-12-31'
            ORDER BY count DESC
            """) == [["PDF", "428", "exact"], ["Digital", "283", "exact"], ["Kein Optimierungspotenzial", "199", "exact"],
                     ["Projekt in Umsetzung", "151", "exact"], ["Analog", "126", "exact"]])
        #expect(try rows("SELECT snapshot, count FROM tally WHERE municipality = 'aachen' AND role = 'total' ORDER BY snapshot_first")
            == [["2023", "835"], ["2024", "1187"]])
        // Whose figure: the column `about` is kept (migration v6); the Land's EfA offer and deadlines, the Bund's stages.
        #expect(try rows("SELECT municipality, about, count(*) FROM indicator WHERE about <> '' GROUP BY municipality, about ORDER BY 1, 2")
            == [["aachen", "land:nrw", "1"], ["leverkusen", "bund", "4"], ["leverkusen", "land:nrw", "7"]])
        #expect(try rows("SELECT label FROM indicator WHERE indicator = 'application_paths_first_step'") == [["Antragswege im ersten Projektschritt"]])
        #expect(try rows("""
            SELECT snapshot, count(*) FROM service_record WHERE municipality = 'leverkusen' AND status = 'umgesetzt' GROUP BY snapshot
            """) == [["2025-05-23", "41"]])
        #expect(try rows("""
            SELECT indicator, value, ifnull(period, '') FROM indicator
            WHERE indicator IN ('efa_services_available', 'efa_services_relevant', 'it_projects_planned') ORDER BY indicator
            """) == [["efa_services_available", "19.0", ""], ["efa_services_relevant", "3.0", ""], ["it_projects_planned", "197.0", "2024"]])
        #expect(try rows("""
            SELECT status, CASE WHEN count_known THEN count ELSE 'unknown' END FROM tally
            WHERE municipality = 'leverkusen' AND snapshot = '2025-05-23' AND role = 'part' ORDER BY status
            """) == [["in Umsetzung", "12"], ["in Vorbereitung", "unknown"], ["umgesetzt", "41"]])
        #expect(try database.integrityCheck() == ["ok"])
    }
}

/// The `bench` executable built with the tests (the StorageTests target depends on it), for tests that need a real
/// process.
enum BenchBinary {
    static let candidates = [
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("bench"),
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bench"),
    ]

    /// The executable; where it is missing, the test that needs it fails (it does not skip).
    static func url(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                     "no bench executable at \(candidates.map(\.path).joined(separator: " or "))", sourceLocation: sourceLocation)
    }
}

/// A file that is not a database is named with what it is, left as it was, and never advised to be deleted; in
/// bench's own place it is made anew.
@Test func aFileThatIsNoDatabaseIsRefusedWhereNamedAndRebuiltWhereDerived() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-damaged-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("bench.sqlite")
    let bytes = Data(repeating: 0x41, count: 4096)
    try bytes.write(to: path)
    #expect {
        _ = try BenchDatabase(path: path)
    } throws: { error in
        "\(error)" == "database \(path.path): is not an SQLite file but a text file of 4096 bytes; bench changed nothing: "
            + "name another file with --database (bench builds it from Datasets/), or leave out --database"
    }
    #expect(try Data(contentsOf: path) == bytes)
    let told = Told()
    let database = try BenchDatabase(path: path, ownership: .derived(log: told.append))
    #expect(told.lines == ["database \(path.path) was not an SQLite file but a text file of 4096 bytes; bench builds it again from Datasets/"])
    #expect(try database.municipalities().isEmpty)
    #expect(DatabaseFile.inspect(path.path) == .bench)
}

/// A derived database found damaged in the middle of a command (a table's pages, not the schema) is removed, and the
/// next opening builds it anew; the error says so instead of advising to delete it.
@Test func aDerivedDatabaseDamagedInATableIsRemovedAndBuiltAgain() throws {
    let workspace = try Fixtures.workspace()
    defer { Fixtures.remove(workspace) }
    let path = workspace.defaultDatabase
    var root = 0, pageSize = 0
    do {
        let database = try BenchDatabase(workspace: workspace)
        #expect(try database.synchronize(workspace: workspace).refused.isEmpty)
        try database.read { db in
            root = try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'dataset_file'")!
            pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size")!
        }
    }
    #expect(!FileManager.default.fileExists(atPath: path.path + "-wal"), "closed and checkpointed")
    var data = try Data(contentsOf: path)
    data.replaceSubrange((root - 1) * pageSize..<root * pageSize, with: Data(repeating: 0xA5, count: pageSize))
    try data.write(to: path)
    let told = Told()
    let damaged = try BenchDatabase(workspace: workspace, log: told.append)
    #expect(told.lines.isEmpty, "the schema is sound: the damage shows only when the table is read")
    #expect {
        _ = try damaged.synchronize(workspace: workspace)
    } throws: { error in
        guard case StorageError.damagedDatabase(let errorPath, _, derived: true) = error else { return false }
        return errorPath == path.path && "\(error)".contains("bench removed it and builds it again from Datasets/: run the command again")
    }
    #expect(!FileManager.default.fileExists(atPath: path.path))
    let rebuilt = try BenchDatabase(workspace: workspace)
    #expect(try rebuilt.synchronize(workspace: workspace).entry("beispielstadt")?.outcome == .imported)
    #expect(try rebuilt.integrityCheck() == ["ok"])
}

/// The lines a derived database told.
final class Told: @unchecked Sendable {
    var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
}

/// What `DatabaseFile.inspect` makes of what it finds, and that looking changes nothing.
@Suite struct DatabaseFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-dbfile-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func sqlite(_ name: String, _ statements: [String]) throws -> URL {
        let url = folder.appendingPathComponent(name)
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in for statement in statements { try db.execute(sql: statement) } }
        try queue.close()
        return url
    }

    @Test func eachKindIsToldApart() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(DatabaseFile.inspect(folder.appendingPathComponent("none").path) == .new)
        let empty = folder.appendingPathComponent("empty")
        try Data().write(to: empty)
        #expect(DatabaseFile.inspect(empty.path) == .new)
        #expect(DatabaseFile.inspect(folder.path) == .notAFile("is a folder, not a database file"))
        let other = try sqlite("other.db", ["CREATE TABLE notes(a)", "CREATE TABLE tags(b)", "PRAGMA application_id = 7"])
        #expect(DatabaseFile.inspect(other.path) == .otherDatabase(applicationID: 7, tables: ["notes", "tags"]))
        #expect(DatabaseFile.inspect(other.path).found == "another program's SQLite database (2 tables: notes, tags, application_id 0x00000007)")
        let earlier = try sqlite("earlier.db", ["CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)",
                                                "INSERT INTO grdb_migrations VALUES ('v1-initial'), ('v2-service-record-for-scale')"])
        #expect(DatabaseFile.inspect(earlier.path) == .earlierBench)
        let alien = try sqlite("alien.db", ["CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)",
                                            "INSERT INTO grdb_migrations VALUES ('v1-create-users')"])
        #expect(DatabaseFile.inspect(alien.path) == .otherDatabase(applicationID: 0, tables: ["grdb_migrations"]))
        let binary = folder.appendingPathComponent("binary")
        try Data([0, 1, 2, 255]).write(to: binary)
        #expect(DatabaseFile.inspect(binary.path) == .notSQLite("4 bytes of other data"))
        let cut = folder.appendingPathComponent("cut")
        try Data(DatabaseFile.magic + [1, 2]).write(to: cut)
        #expect(DatabaseFile.inspect(cut.path) == .damaged("the file ends inside SQLite's header"))
        let bench = folder.appendingPathComponent("bench.sqlite")
        _ = try BenchDatabase(path: bench)
        #expect(DatabaseFile.inspect(bench.path) == .bench)
        // Looking left nothing beside the files.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["alien.db", "bench.sqlite", "binary", "cut", "earlier.db", "empty", "other.db"])
    }

    /// Two processes' worth of openers on a new path at once: every one gets bench's marked database.
    @Test func aNewDatabaseIsMarkedFromItsFirstByte() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.sqlite")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { _ = try BenchDatabase(path: path) } }
            try await group.waitForAll()
        }
        #expect(DatabaseFile.inspect(path.path) == .bench)
    }
}
