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

    /// Whose the file at a database path is taken to be.
    public enum Ownership {
        /// A file the user named (`--database`): opened only where bench made it (or there is none, or it has zero
        /// bytes); anything else is refused with what was found, and stays byte for byte as it was.
        case named
        /// bench's own derived database (`.bench/bench.sqlite`): where it is damaged, of a version this bench does not
        /// know, or of a bench from before the mark, it is made anew (and filled from `Datasets/` by the next sync);
        /// `log` is told so in one line. Another program's database is refused here too.
        case derived(log: (String) -> Void)
    }

    /// Whether this is the derived database at its default place (see `Ownership`).
    let derived: Bool

    /// Opens (creating where needed) the database at `path` and migrates it to the current schema.
    /// `busyTimeout` is how long to wait for another process that writes.
    public init(path: URL, busyTimeout: TimeInterval = BenchDatabase.busyTimeout, ownership: Ownership = .named) throws(StorageError) {
        self.path = path.standardizedFileURL
        self.busyTimeout = busyTimeout
        let displayPath = path.path
        do {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .database(path: displayPath, reason: "its folder cannot be created (\(error.localizedDescription))")
        }
        var log: ((String) -> Void)?
        if case .derived(let derivedLog) = ownership { log = derivedLog }
        derived = log != nil
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
        queue = try Self.open(path.path, configuration: configuration, log: log)
    }

    /// Opens the database at `path` where it is bench's (making it where there is none), and migrates it. Where `log`
    /// is given (the derived database), a file that is damaged, of an unknown version or of an earlier bench is made
    /// anew once, and `log` is told in one line; otherwise such a file is refused and left as it is.
    private static func open(_ path: String, configuration: Configuration, log: ((String) -> Void)?) throws(StorageError)
        -> DatabaseQueue {
        var rebuilt = false
        func rebuild(because found: String) -> Bool {
            guard let log, !rebuilt else { return false }
            rebuilt = true
            DatabaseFile.remove(path)
            log("database \(path) \(found); bench builds it again from Datasets/")
            return true
        }
        while true {
            let file = DatabaseFile.inspect(path)
            switch file {
            case .new:
                try DatabaseFile.create(path)
                continue
            case .bench:
                break
            case .otherDatabase(0, let tables) where tables.isEmpty && log != nil:
                // An SQLite file without a table in bench's own folder holds nothing to lose.
                if rebuild(because: "was an empty SQLite database") { continue }
                throw .database(path: path, reason: refusal(file, derived: true))
            case .earlierBench, .damaged, .notSQLite:
                if rebuild(because: "was \(file.found)") { continue }
                throw .database(path: path, reason: refusal(file, derived: log != nil))
            case .otherDatabase, .notAFile:
                throw .database(path: path, reason: refusal(file, derived: log != nil))
            }
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                let migrator = Schema.migrator
                if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
                    try queue.close()
                    if rebuild(because: "was written by a newer version of bench") { continue }
                    throw StorageError.database(path: path, reason: "was written by a newer version of bench; update bench, or name "
                                                + "another file with --database (bench builds it from Datasets/)")
                }
                try migrate(queue, with: migrator)
                return queue
            } catch {
                let storageError = storageError(error, path: path)
                guard case .damagedDatabase(_, let reason, _) = storageError else { throw storageError }
                if rebuild(because: "was damaged (\(reason))") { continue }
                throw .damagedDatabase(path: path, reason: reason, derived: log != nil)
            }
        }
    }

    /// Why a file that is not bench's is not opened, and what to do; never advice to delete a file the user named.
    static func refusal(_ file: DatabaseFile, derived: Bool) -> String {
        let instead = derived ? "move it out of .bench/ (bench then builds its database there from Datasets/)"
                              : "name another file with --database (bench builds it from Datasets/), or leave out --database"
        switch file {
        case .notAFile:
            return "\(file.found); bench changed nothing: " + (derived ? instead : "name a database file with --database, or leave out --database")
        case .otherDatabase, .earlierBench:
            return "is \(file.found); bench opens only databases it made and marked, and changed nothing: \(instead)"
        default:
            return "is \(file.found); bench changed nothing: \(instead)"
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

    /// The database of a workspace at its default place, `.bench/bench.sqlite`: bench's own and derived (`log` is told
    /// when it is made anew).
    public convenience init(workspace: Workspace, log: @escaping (String) -> Void = { _ in }) throws(StorageError) {
        try self.init(path: workspace.defaultDatabase, ownership: .derived(log: log))
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
    /// Without `file_stat`, the memo of the files' status (which depends on when and where the files were written), and
    /// without `dataset_memo`, what `bench list` and `bench validate` keep.
    func tableContents() throws(StorageError) -> String {
        try read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('file_stat', 'dataset_memo') ORDER BY name
                """)
            return try tables.map { table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)").map(\.description).sorted()
                return "\(table):\n" + rows.joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }

    /// Shrinks SQLite's page cache to 8 MB for a long run of reads that each read their pages once (the site export,
    /// which reads every dataset): a cache of 64 MB would only hold pages that are not read again.
    public func shrinkCache() throws(StorageError) {
        do {
            try queue.inDatabase { db in try db.execute(sql: "PRAGMA cache_size = -8192") }
        } catch {
            throw failure(error)
        }
    }

    // MARK: Transactions

    func read<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw failure(error)
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
            throw failure(error)
        }
    }

    /// What went wrong, as a `StorageError`. A damaged derived database is removed, so that the next command (or
    /// the command's own second try) builds it anew from `Datasets/`; a file the user named is never touched.
    func failure(_ error: any Error) -> StorageError {
        var failure = Self.storageError(error, path: path.path)
        if case .damagedDatabase(let path, let reason, _) = failure, derived {
            DatabaseFile.remove(path)
            failure = .damagedDatabase(path: path, reason: reason, derived: true)
        }
        return failure
    }

    static func storageError(_ error: any Error, path: String) -> StorageError {
        if let error = error as? StorageError {
            // Record types report values they cannot read without knowing the file; name it here.
            if case .database("", let reason) = error { return .database(path: path, reason: reason) }
            if case .damagedDatabase("", let reason, _) = error { return .damagedDatabase(path: path, reason: reason, derived: false) }
            return error
        }
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED { return .busy(path: path) }
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                return .damagedDatabase(path: path, reason: error.message ?? "not a database", derived: false)
            }
            return .database(path: path, reason: error.message ?? "\(error)")
        }
        return .database(path: path, reason: "\(error)")
    }
}
