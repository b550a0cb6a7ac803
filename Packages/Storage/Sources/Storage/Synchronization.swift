import Domain
import Foundation
import GRDB
import GRDBSQLite

/// How far an import has come, reported while it writes (for a progress line on a terminal).
public struct ImportProgress: Sendable, Hashable {
    /// The dataset being written (a slug, `reference` or a catalogue).
    public var dataset: String
    /// Rows written so far for this dataset.
    public var rows: Int
    /// True once the dataset is written: committed, except in a first import of many datasets, which commits them
    /// all together at its end (see `synchronize(workspace:only:progress:)`).
    public var finished: Bool
}

/// What `synchronize(workspace:)` did to each dataset.
public struct SyncReport: Sendable {
    /// What happened to one dataset.
    public enum Outcome: String, Sendable, Hashable {
        /// Its files changed and passed validation; the database now holds them.
        case imported
        /// Its files (and the reference data) are as last imported: nothing was read or written.
        case unchanged
        /// Its files have errors: the database still holds the last version that passed, and the findings say why.
        case refused
        /// Its folder is gone: its rows were deleted (never while a folder of `Datasets/` is refused for its name).
        case removed
    }

    /// One dataset's outcome.
    public struct Entry: Sendable {
        /// A municipality's slug, or `reference`.
        public var dataset: String
        public var outcome: Outcome
        /// Rows written (0 unless imported).
        public var rows: Int
        /// Every finding of the validation (warnings of an imported dataset, errors of a refused one).
        public var findings: [Finding]
        /// Files not saved in the standard dialect, and how they were saved.
        public var dialects: [String: CSVDialect]
    }

    public var entries: [Entry] = []

    /// The entry of one dataset (a slug or `reference`).
    public func entry(_ dataset: String) -> Entry? { entries.first { $0.dataset == dataset } }

    /// The datasets whose files have errors.
    public var refused: [Entry] { entries.filter { $0.outcome == .refused } }
}

extension BenchDatabase {
    /// The name `dataset_file` uses for the reference data.
    static let referenceDataset = "reference"

    /// A first import of at least this many datasets is written in one transaction (see `synchronize`).
    static let bulkImportThreshold = 8

    /// Brings the database up to date with the dataset files.
    ///
    /// For each dataset (those named, or every folder of `Datasets/`), its files and the reference file are
    /// hashed. Unchanged since the last import: skipped. Changed: validated, and only without errors its rows
    /// are replaced in one transaction. With `slugs` nil, datasets whose folder is gone are removed.
    /// `progress` is called inside the write transaction; if it throws, that dataset's transaction is rolled back.
    ///
    /// Reading, hashing and validating the next dataset runs on a second thread while this one writes, with at most
    /// two datasets waiting in memory. A first import (a database without municipalities) of many datasets is one
    /// transaction instead of one per dataset, in a rollback journal, with foreign keys checked per distinct value:
    /// killed halfway, it leaves the database as empty as it found it.
    public func synchronize(workspace: Workspace, only slugs: [Slug]? = nil,
                            progress: ((ImportProgress) throws -> Void)? = nil) throws(StorageError) -> SyncReport {
        try synchronize(workspace: workspace, only: slugs, now: { Date() }, progress: progress)
    }

    /// `synchronize(workspace:only:progress:)`, deriving `derivations` of every dataset it imports while it imports
    /// them (on a thread of their own) and keeping them in `derived_data`, as `derivedData` would have derived them.
    public func synchronize(workspace: Workspace, only slugs: [Slug]? = nil, deriving derivations: [ImportDerivation],
                            progress: ((ImportProgress) throws -> Void)? = nil) throws(StorageError) -> SyncReport {
        try synchronize(workspace: workspace, only: slugs, now: { Date() }, deriving: derivations, progress: progress)
    }

    /// `synchronize(workspace:only:progress:)` with the clock passed in: `now` says when a file's status is taken,
    /// which decides whether it has settled (`FileStat.isSettled`) and is remembered.
    func synchronize(workspace: Workspace, only slugs: [Slug]?, now: @escaping @Sendable () -> Date,
                     deriving derivations: [ImportDerivation] = [],
                     progress: ((ImportProgress) throws -> Void)?) throws(StorageError) -> SyncReport {
        var report = SyncReport()
        let referenceContents = workspace.loadReference()
        let (reference, referenceFindings) = workspace.readReference(referenceContents)
        if referenceFindings.hasErrors {
            report.entries.append(.init(dataset: Self.referenceDataset, outcome: .refused, rows: 0, findings: referenceFindings, dialects: [:]))
            return report
        }
        let referenceDigests = referenceContents.digests
        report.entries.append(try synchronizeReference(reference, digests: referenceDigests, findings: referenceFindings,
                                                       progress: progress))

        let selected = slugs ?? workspace.slugs()
        let (stored, fresh, fileStats) = try read { db in
            // A few datasets named (bench compare A B): only their rows, not those of every dataset.
            let few = slugs.map(\.count).map { $0 <= 16 } ?? false
            return (few ? Dictionary(try selected.map { ($0.rawValue, try DatasetFileRecord.fetch(db, $0.rawValue)) }, uniquingKeysWith: { $1 })
                        : try DatasetFileRecord.fetchAll(db),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM municipality") == 0,
                    few ? try FileStatRecord.fetch(db, datasets: selected.map(\.rawValue)) : try FileStatRecord.fetchAll(db))
        }
        let preparation = DatasetPreparation(workspace: workspace, reference: reference, referenceDigests: referenceDigests,
                                             stored: stored, fileStats: fileStats, slugs: selected,
                                             keepServices: !derivations.isEmpty, now: now)
        let derived = ImportDerivations(derivations)
        preparation.start()
        defer { preparation.stop() }
        // Nothing keeps deriving once the sync is over (also where it failed).
        defer { _ = derived.finish() }

        let bulk = fresh && selected.count >= Self.bulkImportThreshold
        // Whether SQLite enforces foreign keys row by row; a first import checks them itself (see below).
        let foreignKeys = !bulk

        func apply(_ item: DatasetPreparation.Item, _ transaction: ((Database) throws -> Int?) throws -> Int?) throws {
            switch item {
            case .gone(let slug):
                if try transaction({ db in try Self.removeRows(slug, db) ? 1 : nil }) != nil {
                    report.entries.append(.init(dataset: slug.rawValue, outcome: .removed, rows: 0, findings: [], dialects: [:]))
                }
            case .unchanged(let slug):
                report.entries.append(.init(dataset: slug.rawValue, outcome: .unchanged, rows: 0, findings: [], dialects: [:]))
            case .refused(let slug, let findings, let dialects):
                report.entries.append(.init(dataset: slug.rawValue, outcome: .refused, rows: 0, findings: findings, dialects: dialects))
            case .valid(let dataset, let services, let digests, let findings, let dialects):
                let rows = try transaction { db in
                    let rows = try Self.replaceRows(dataset, services: services, digests: digests, checkReferences: !foreignKeys,
                                                    progress: progress, db)
                    if rows != nil { try derived.derive(dataset, db) }
                    return rows
                }
                try? progress?(ImportProgress(dataset: dataset.slug.rawValue, rows: rows ?? 0, finished: true))
                report.entries.append(.init(dataset: dataset.slug.rawValue, outcome: rows == nil ? .unchanged : .imported,
                                            rows: rows ?? 0, findings: findings, dialects: dialects))
            }
        }

        if bulk {
            // Foreign keys are checked before the commit instead of row by row: the same guarantee (they are checked
            // at commit anyway) at a fraction of the cost. Each dataset's service records are checked right after they
            // are written, by the few distinct values they hold; the small tables at the end. The setting cannot
            // change inside a transaction, so it is switched around it.
            try setForeignKeys(false)
            defer { try? setForeignKeys(true) }
            let rollbackJournal = useRollbackJournal()
            defer { if rollbackJournal { restoreWriteAheadLog() } }
            try write { db in
                while let item = preparation.next() {
                    try apply(item) { body in try body(db) }
                }
                try ImportDerivations.save(derived.finish(), db)
                // Service records were checked dataset by dataset as they were written (`checkServiceReferences`).
                for table in Self.municipalityTables where table != "service_record" {
                    if let violation = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check(\(table))") {
                        throw Self.referenceError(table: table, parent: violation[2])
                    }
                }
            }
        } else {
            do {
                while let item = preparation.next() {
                    try apply(item) { body in try write(body) }
                }
            } catch {
                throw failure(error)
            }
            // Only a cache, like `derivedData`'s: where it cannot be written now, the next command derives again.
            let entries = derived.finish()
            if !entries.isEmpty { try? write { db in try ImportDerivations.save(entries, db) } }
        }

        // Only a memo: where it cannot be written now (another process is writing), the next sync reads the files again.
        let observed = preparation.observedStats()
        if !observed.isEmpty { try? write { db in try FileStatRecord.save(observed, db) } }

        // Folders of Datasets/ that cannot be a dataset (their name is no slug): refused, each with its finding; while
        // there are any, no dataset is removed for a missing folder (it may be one of them, renamed by mistake).
        let misnamed = slugs == nil ? workspace.folderFindings() : []
        for finding in misnamed {
            report.entries.append(.init(dataset: finding.location.file, outcome: .refused, rows: 0, findings: [finding], dialects: [:]))
        }
        if slugs == nil && misnamed.isEmpty {
            // The folders listed at the start; one deleted since was found gone while preparing.
            let onDisk = Set(selected.map(\.rawValue))
            let inDatabase = try read { db in
                Set(try DatasetFileRecord.datasets(db)).union(try String.fetchAll(db, sql: "SELECT slug FROM municipality"))
            }
            for name in inDatabase.subtracting(onDisk).subtracting([Self.referenceDataset]).sorted() {
                guard let slug = Slug(name) else { continue }
                if try write({ db in try Self.removeRows(slug, db) }) {
                    report.entries.append(.init(dataset: name, outcome: .removed, rows: 0, findings: [], dialects: [:]))
                }
            }
        }
        return report
    }

    /// The digests stored at the last import of a dataset.
    func stored(_ dataset: String) throws(StorageError) -> [FileDigest] {
        try read { try DatasetFileRecord.fetch($0, dataset) }
    }

    private func synchronizeReference(_ reference: ReferenceCatalogue, digests: [FileDigest], findings: [Finding],
                                      progress: ((ImportProgress) throws -> Void)?) throws(StorageError) -> SyncReport.Entry {
        let name = Self.referenceDataset
        if try stored(name) == digests {
            return .init(dataset: name, outcome: .unchanged, rows: 0, findings: [], dialects: [:])
        }
        let rows: Int? = try write { db in
            // Another process may have imported the same files while this one was reading them.
            if try DatasetFileRecord.fetch(db, name) == digests { return nil }
            try db.execute(sql: "DELETE FROM ozg_service")
            let services = reference.services.values.sorted { $0.id < $1.id }
            for service in services { try OzgServiceRecord.insert(service, origin: nil, db) }
            try DatasetFileRecord.replace(name, with: digests, db)
            try progress?(ImportProgress(dataset: name, rows: services.count, finished: false))
            return services.count
        }
        // The rows are committed; a progress display that fails now changes nothing.
        try? progress?(ImportProgress(dataset: name, rows: rows ?? 0, finished: true))
        return .init(dataset: name, outcome: rows == nil ? .unchanged : .imported, rows: rows ?? 0, findings: findings, dialects: [:])
    }

    /// Replaces a municipality's rows inside the caller's transaction; nil where another process already imported
    /// these files.
    /// `services` holds the dataset's service records; `checkReferences`: foreign keys are off, check the new
    /// service records' references here.
    private static func replaceRows(_ dataset: Dataset, services: ServiceRows, digests: [FileDigest], checkReferences: Bool,
                                    progress: ((ImportProgress) throws -> Void)?, _ db: Database) throws -> Int? {
        let slug = dataset.slug
        if try DatasetFileRecord.fetch(db, slug.rawValue) == digests,
           try MunicipalityRecord.fetch(db, slug) != nil { return nil }
        var rows = 0
        func step() throws {
            rows += 1
            if rows % 1000 == 0 { try progress?(ImportProgress(dataset: slug.rawValue, rows: rows, finished: false)) }
        }
        func tableDone() throws { try progress?(ImportProgress(dataset: slug.rawValue, rows: rows, finished: false)) }
        try deleteRows(slug, db)
        try MunicipalityRecord.insert(dataset.municipality, db)
        try step()
        for source in dataset.sources { try SourceRecord.insert(source, slug, db); try step() }
        try tableDone()
        for entry in dataset.statusMapping.entries { try StatusMappingRecord.insert(entry, slug, db); try step() }
        try tableDone()
        let lastID = try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) FROM service_record") ?? 0
        let before = rows
        try ServiceRowWriter(db).insert(services) { written in
            let total = before + written
            if total / 1000 > rows / 1000 { try progress?(ImportProgress(dataset: slug.rawValue, rows: total, finished: false)) }
            rows = total
        }
        if checkReferences { try checkServiceReferences(after: lastID, db) }
        try tableDone()
        for tally in dataset.tallies { try TallyRecord.insert(tally, slug, db); try step() }
        try tableDone()
        for project in dataset.projects { try ProjectRecord.insert(project, slug, db); try step() }
        try tableDone()
        for indicator in dataset.indicators { try IndicatorRecord.insert(indicator, slug, db); try step() }
        try tableDone()
        try DatasetFileRecord.replace(slug.rawValue, with: digests, db)
        return rows
    }

    /// The foreign keys of the service records with an id above `id` (those just written), as
    /// `PRAGMA foreign_key_check` would check them, but once per distinct value instead of once per row: a
    /// municipality's thousands of records name a handful of sources and status words.
    static func checkServiceReferences(after id: Int64, _ db: Database) throws {
        let violation = try Row.fetchOne(db, sql: """
            SELECT has_municipality, has_source, has_status FROM (
                SELECT r.municipality IN (SELECT slug FROM municipality) AS has_municipality,
                       EXISTS (SELECT 1 FROM source s WHERE s.municipality = r.municipality AND s.id = r.source_id) AS has_source,
                       EXISTS (SELECT 1 FROM status_mapping m WHERE m.municipality = r.municipality AND m.status = r.status)
                           AS has_status
                FROM (SELECT DISTINCT municipality, source_id, status FROM service_record WHERE id > ?) r)
            WHERE NOT (has_municipality AND has_source AND has_status)
            LIMIT 1
            """, arguments: [id])
        guard let violation else { return }
        let parents = [("has_municipality", "municipality"), ("has_source", "source"), ("has_status", "status_mapping")]
        let parent = parents.first { !(violation[$0.0] as Bool) }?.1 ?? "municipality"
        throw referenceError(table: "service_record", parent: parent)
    }

    private static func referenceError(table: String, parent: String) -> StorageError {
        .database(path: "", reason: "a row of \(table) points to a missing row of \(parent); nothing was imported "
            + "(this is a bug of bench: please report it)")
    }

    /// The tables holding a municipality's rows, children before their parents.
    private static let municipalityTables = ["derived_data", "service_record", "project", "tally", "indicator", "status_mapping", "source"]

    /// Deletes every row of a municipality, table by table rather than by ON DELETE CASCADE: a first import switches
    /// foreign keys off. Its service records go first: deleting its sources and status words then finds no service
    /// record still pointing at them, without an index on those columns. Returns the number of rows deleted.
    @discardableResult
    private static func deleteRows(_ slug: Slug, _ db: Database) throws -> Int {
        var changes = 0
        for table in municipalityTables {
            try db.execute(sql: "DELETE FROM \(table) WHERE municipality = ?", arguments: [slug.rawValue])
            changes += db.changesCount
        }
        try db.execute(sql: "DELETE FROM municipality WHERE slug = ?", arguments: [slug.rawValue])
        return changes + db.changesCount
    }

    /// Deletes a municipality whose folder is gone; false where the database did not have it.
    private static func removeRows(_ slug: Slug, _ db: Database) throws -> Bool {
        var changes = try deleteRows(slug, db)
        try db.execute(sql: "DELETE FROM dataset_file WHERE dataset = ?", arguments: [slug.rawValue])
        changes += db.changesCount
        try db.execute(sql: "DELETE FROM file_stat WHERE substr(path, 1, ?) = ?", arguments: [slug.rawValue.count + 1, slug.rawValue + "/"])
        return changes > 0
    }

    /// Switches a first import from the write-ahead log to a rollback journal, where no other connection has the
    /// database open; true where it did.
    ///
    /// In the write-ahead log, a transaction of millions of rows is written twice (into the log, then into the
    /// database) and every page read looks through a log of millions of frames: a first import of 427 datasets
    /// took twice as long. A rollback journal writes the new pages once, into the database file, and keeps only
    /// the few pages that existed before: killed halfway, the next connection rolls the file back to them.
    private func useRollbackJournal() -> Bool {
        do {
            return try queue.writeWithoutTransaction { db in
                // Another connection keeps the log in use; then do not wait for it, just keep the log.
                sqlite3_busy_timeout(db.sqliteConnection, 0)
                defer { sqlite3_busy_timeout(db.sqliteConnection, Int32(busyTimeout * 1000)) }
                return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
            }
        } catch {
            return false
        }
    }

    /// Back to the write-ahead log after a first import (if this fails, the next connection switches back).
    private func restoreWriteAheadLog() {
        _ = try? queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
    }

    /// Switches the connection's foreign-key enforcement (outside any transaction).
    private func setForeignKeys(_ on: Bool) throws(StorageError) {
        do {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA foreign_keys = \(on ? "ON" : "OFF")") }
        } catch {
            throw failure(error)
        }
    }
}
