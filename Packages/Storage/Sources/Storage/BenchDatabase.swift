import Domain
import Foundation
import GRDB

/// The embedded SQLite database (`.bench/bench.sqlite`): derived from `Datasets/`, brought up to date by
/// `synchronize(workspace:)`, read by the commands that compare and export.
///
/// Opening it applies the schema's migrations. Every method is one transaction: a reader sees a dataset as
/// it was before or after an import, never half of one; a process killed during an import leaves the old state.
public final class BenchDatabase: Sendable {
    /// The database file.
    public let path: URL
    let queue: DatabaseQueue
    /// How long a write waits for another process, as given to `init`.
    let busyTimeout: TimeInterval

    /// How long a command waits for another bench process that is writing, before it gives up with `.busy`.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (creating where needed) the database at `path` and migrates it to the current schema.
    /// `busyTimeout` is how long to wait for another process that writes.
    public init(path: URL, busyTimeout: TimeInterval = BenchDatabase.busyTimeout) throws(StorageError) {
        self.path = path.standardizedFileURL
        self.busyTimeout = busyTimeout
        let displayPath = path.path
        do {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .database(path: displayPath, reason: "its folder cannot be created (\(error.localizedDescription))")
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "bench"
        configuration.prepareDatabase { db in
            // SQLite's default page cache is 2 MB. A first import writes a gigabyte in one transaction, and the
            // index of each municipality's records is updated all over: with too small a cache, pages are written
            // out and read back again and again. 64 MB is taken only as it is used.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            queue = try DatabaseQueue(path: path.path, configuration: configuration)
            let migrator = Schema.migrator
            if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StorageError.database(path: displayPath, reason: "was written by a newer version of bench; delete it (it is rebuilt from Datasets/) or update bench")
            }
            try BenchDatabase.migrate(queue, with: migrator)
        } catch {
            throw BenchDatabase.storageError(error, path: displayPath)
        }
    }

    /// Applies the migrations not yet applied. GRDB reads which ones are applied before it begins the transaction
    /// of each, so two processes opening a new database at once may both start the same migration (the second then
    /// fails: "table … already exists"), or one may look for GRDB's table of migrations while the other creates it
    /// ("no such table: grdb_migrations", seen on a fresh clone in CI). Where that happened, the other process has
    /// moved the database on, and migrating again goes on from there; an error that stays is thrown after a few tries.
    private static func migrate(_ queue: DatabaseQueue, with migrator: DatabaseMigrator) throws {
        var attempt = 1
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch {
                guard attempt < 5 else { throw error }
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
                attempt += 1
            }
        }
    }

    /// The database of a workspace at its default place, `.bench/bench.sqlite`.
    public convenience init(workspace: Workspace) throws(StorageError) {
        try self.init(path: workspace.defaultDatabase)
    }

    // MARK: Reading

    /// Every municipality in the database, by slug.
    public func municipalities() throws(StorageError) -> [Municipality] {
        try read { try MunicipalityRecord.fetchAll($0) }
    }

    /// One municipality's dataset as last imported.
    public func dataset(_ slug: Slug) throws(StorageError) -> Dataset {
        try datasets([slug])[0]
    }

    /// The named datasets in the order given, read in one transaction so that they belong to one state.
    public func datasets(_ slugs: [Slug]) throws(StorageError) -> [Dataset] {
        try read { db in
            try slugs.map { slug in try Self.dataset(slug, db) }
        }
    }

    /// One municipality's dataset, inside the caller's transaction.
    static func dataset(_ slug: Slug, _ db: Database) throws -> Dataset {
        guard let municipality = try MunicipalityRecord.fetch(db, slug) else {
            throw StorageError.unknownMunicipality(slug.rawValue, known: try MunicipalityRecord.fetchAll(db).map(\.slug.rawValue))
        }
        return Dataset(municipality: municipality, sources: try SourceRecord.fetchAll(db, slug),
                       statusMapping: StatusMapping(try StatusMappingRecord.fetchAll(db, slug)),
                       services: try ServiceRowReader.fetchAll(db, slug), tallies: try TallyRecord.fetchAll(db, slug),
                       projects: try ProjectRecord.fetchAll(db, slug), indicators: try IndicatorRecord.fetchAll(db, slug))
    }

    /// The reference data: the OZG-Leistungen of `Datasets/reference/` and the LeiKa catalogue imported with
    /// `importCatalogue`, if any.
    public func reference() throws(StorageError) -> ReferenceCatalogue {
        try read { db in
            ReferenceCatalogue(services: try OzgServiceRecord.fetchAll(db), leika: try LeikaServiceRecord.fetchAll(db))
        }
    }

    /// SQLite's own consistency check: `["ok"]` for a sound database.
    public func integrityCheck() throws(StorageError) -> [String] {
        try read { try String.fetchAll($0, sql: "PRAGMA integrity_check") + String.fetchAll($0, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" } }
    }

    /// Every row of every table as text, in a fixed order: shows that a refused or interrupted import changed nothing.
    /// Without `file_stat`, the memo of the files' status (which depends on when and where the files were written).
    func tableContents() throws(StorageError) -> String {
        try read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'file_stat' ORDER BY name")
            return try tables.map { table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)").map(\.description).sorted()
                return "\(table):\n" + rows.joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }

    // MARK: Transactions

    func read<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw BenchDatabase.storageError(error, path: path.path)
        }
    }

    /// One write transaction, begun IMMEDIATE so that a second writer waits (up to `busyTimeout`) at the start
    /// instead of failing halfway.
    func write<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw BenchDatabase.storageError(error, path: path.path)
        }
    }

    static func storageError(_ error: any Error, path: String) -> StorageError {
        if let error = error as? StorageError {
            // Record types report values they cannot read without knowing the file; name it here.
            if case .database("", let reason) = error { return .database(path: path, reason: reason) }
            return error
        }
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED { return .busy(path: path) }
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                return .database(path: path, reason: "is damaged (\(error.message ?? "not a database")); it is derived from Datasets/: delete it and run the command again")
            }
            return .database(path: path, reason: error.message ?? "\(error)")
        }
        return .database(path: path, reason: "\(error)")
    }
}
