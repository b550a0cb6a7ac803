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

/// A first import of many datasets is one transaction with foreign keys checked per distinct value: it must give
/// exactly the database that importing them one by one gives, and leave nothing when it is killed.
@Suite struct FirstImportTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-first-import-\(UUID().uuidString)")

    func workspace(_ municipalities: Int = BenchDatabase.bulkImportThreshold) throws -> Workspace {
        _ = try SyntheticWorkload(municipalities: municipalities, snapshots: 1, seed: 3).write(to: root)
        return Workspace(root: root)
    }

    func rows(_ database: BenchDatabase, _ sql: String) throws -> [String] {
        try database.read { db in try Row.fetchAll(db, sql: sql).map(\.description) }
    }

    @Test func manyDatasetsAtOnceGiveTheSameDatabaseAsOneByOne() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = try workspace()
        let atOnce = try BenchDatabase(path: root.appendingPathComponent("at-once.sqlite"))
        let report = try atOnce.synchronize(workspace: workspace)
        #expect(report.entries.count == 1 + BenchDatabase.bulkImportThreshold)
        #expect(report.entries.allSatisfy { $0.outcome == .imported })
        let oneByOne = try BenchDatabase(path: root.appendingPathComponent("one-by-one.sqlite"))
        for slug in workspace.slugs() {
            #expect(try oneByOne.synchronize(workspace: workspace, only: [slug]).entry(slug.rawValue)?.outcome == .imported)
        }
        #expect(try atOnce.tableContents() == oneByOne.tableContents())
        let schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        #expect(try rows(atOnce, schema) == rows(oneByOne, schema))
        #expect(try atOnce.integrityCheck() == ["ok"])
        // The connection is as it was before: write-ahead log, foreign keys on.
        #expect(try rows(atOnce, "PRAGMA journal_mode") == ["[journal_mode:\"wal\"]"])
        #expect(try rows(atOnce, "PRAGMA foreign_keys") == ["[foreign_keys:1]"])
        #expect(try atOnce.synchronize(workspace: workspace).entries.allSatisfy { $0.outcome == .unchanged })
    }

    /// The references a first import checks itself, since foreign keys are off while it writes.
    @Test func aServiceRecordPointingNowhereIsFound() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = try workspace(1)
        let database = try BenchDatabase(path: root.appendingPathComponent("bench.sqlite"))
        _ = try database.synchronize(workspace: workspace)
        try database.read { db in try BenchDatabase.checkServiceReferences(after: 0, db) }
        for (column, parent) in [("source_id", "source"), ("status", "status_mapping")] {
            #expect {
                try database.write { db in
                    try db.execute(sql: "UPDATE service_record SET \(column) = 'gibt-es-nicht' WHERE id = (SELECT max(id) FROM service_record)")
                    try BenchDatabase.checkServiceReferences(after: 0, db)
                }
            } throws: { error in
                "\(error)".contains("a row of service_record points to a missing row of \(parent)")
            }
        }
        #expect(try database.integrityCheck() == ["ok"])
    }

    /// `bench import` killed with SIGKILL inside a first import: the database is as empty as before, and the next
    /// import does the whole job.
    @Test(.timeLimit(.minutes(2)))
    func aKilledFirstImportLeavesNoDataset() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = try workspace()
        let path = root.appendingPathComponent("bench.sqlite")
        let marker = root.appendingPathComponent("paused")
        let process = Process()
        process.executableURL = try BenchBinary.url()
        process.arguments = ["import", "--workspace", root.path, "--database", path.path]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["BENCH_TEST_PAUSE_AFTER_ROWS": "3000", "BENCH_TEST_PAUSE_MARKER": marker.path]) { $1 }
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

        let database = try BenchDatabase(path: path)
        #expect(try database.integrityCheck() == ["ok"])
        #expect(try database.municipalities().isEmpty)
        #expect(try rows(database, "SELECT count(*) FROM service_record") == ["[count(*):0]"])
        let report = try database.synchronize(workspace: workspace)
        #expect(report.entries.filter { $0.outcome == .imported }.count == BenchDatabase.bulkImportThreshold)
        #expect(try database.municipalities().count == BenchDatabase.bulkImportThreshold)
    }
}
