import Domain
import Foundation
import GRDB
@testable import Storage
import Testing

/// A sync takes a file whose status is the one remembered in `file_stat` as unchanged without reading it; every write
/// still shows, also one of the same size right after another.
@Suite struct FileStatTests {
    let slug = Slug("beispielstadt")!

    func remembered(_ database: BenchDatabase) throws -> [String: FileStatRecord] {
        try database.read { try FileStatRecord.fetchAll($0) }
    }

    /// The outcome of a sync whose clock says `now`.
    func outcome(_ database: BenchDatabase, _ workspace: Workspace, now: @escaping @Sendable () -> Date = { Date() }) throws -> SyncReport.Outcome? {
        try database.synchronize(workspace: workspace, only: nil, now: now, progress: nil).entry(slug.rawValue)?.outcome
    }

    /// Rewrites services.csv with one value changed and the same size.
    func rewrite(_ workspace: Workspace, _ from: String, _ to: String) throws {
        let path = workspace.file("beispielstadt/services.csv")
        let text = String(decoding: try Data(contentsOf: path), as: UTF8.self)
        #expect(text.contains(from) && from.utf8.count == to.utf8.count)
        try Data(text.replacingOccurrences(of: from, with: to).utf8).write(to: path)
    }

    @Test func settledFilesAreRememberedAndEveryWriteIsSeen() throws {
        let workspace = try Fixtures.workspace()
        defer { Fixtures.remove(workspace) }
        let database = try BenchDatabase(path: workspace.root.appendingPathComponent(".bench/bench.sqlite"))
        // The clock is set, not waited for.
        let services = try #require(FileStat.of(workspace.file("beispielstadt/services.csv").path))
        let written = max(services.modified, services.changed)
        func time(_ nanoseconds: Int64) -> @Sendable () -> Date { { Date(timeIntervalSince1970: Double(nanoseconds) / 1e9) } }
        #expect(try outcome(database, workspace, now: time(written)) == .imported)
        // Files written just now are not remembered: a second write within the same clock tick could go unseen.
        #expect(try remembered(database).isEmpty)
        // Nor a moment before they settle; once they have, they are.
        #expect(try outcome(database, workspace, now: time(written + FileStat.settling - 10_000_000)) == .unchanged)
        #expect(try remembered(database)["beispielstadt/services.csv"] == nil)
        #expect(try outcome(database, workspace, now: time(written + FileStat.settling + 10_000_000)) == .unchanged)
        let stats = try remembered(database)
        #expect(stats["beispielstadt/services.csv"] != nil)
        #expect(try outcome(database, workspace) == .unchanged)

        // What is remembered is trusted: a status that matches stands for the remembered hash.
        try rewrite(workspace, "FB 50", "FB 51")
        let path = "beispielstadt/services.csv"
        let forged = try #require(FileStat.of(workspace.file(path).path))
        try database.write { db in try FileStatRecord.save([FileStatRecord(path: path, stat: forged, contentHash: stats[path]!.contentHash)], db) }
        #expect(try outcome(database, workspace) == .unchanged)
        try database.write { db in try db.execute(sql: "DELETE FROM file_stat") }

        // A write of the same size is seen, and so is another one right after it.
        #expect(try outcome(database, workspace) == .imported)
        #expect(try database.dataset(slug) == workspace.read(slug).dataset)
        try rewrite(workspace, "FB 51", "FB 52")
        #expect(try outcome(database, workspace) == .imported)
        #expect(try database.dataset(slug) == workspace.read(slug).dataset)
        try rewrite(workspace, "FB 52", "FB 53")
        #expect(try outcome(database, workspace) == .imported)
        #expect(try database.dataset(slug) == workspace.read(slug).dataset)
    }
}
