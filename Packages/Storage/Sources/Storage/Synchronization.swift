import Domain
import Foundation
import GRDB

/// How far an import has come, reported while it writes (for a progress line on a terminal).
public struct ImportProgress: Sendable, Hashable {
    /// The dataset being written (a slug, `reference` or a catalogue).
    public var dataset: String
    /// Rows written so far for this dataset.
    public var rows: Int
    /// True once the dataset is committed.
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
        /// Its folder is gone: its rows were deleted.
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

    /// Brings the database up to date with the dataset files.
    ///
    /// For each dataset (those named, or every folder of `Datasets/`), its files and the reference file are
    /// hashed. Unchanged since the last import: skipped. Changed: validated, and only without errors its rows
    /// are replaced in one transaction. With `slugs` nil, datasets whose folder is gone are removed.
    /// `progress` is called inside the write transaction; if it throws, that dataset's transaction is rolled back.
    public func synchronize(workspace: Workspace, only slugs: [Slug]? = nil,
                            progress: ((ImportProgress) throws -> Void)? = nil) throws(StorageError) -> SyncReport {
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

        for slug in slugs ?? workspace.slugs() {
            guard FileManager.default.fileExists(atPath: workspace.directory(of: slug).appendingPathComponent(DatasetFile.municipality.rawValue).path) else {
                if try remove(slug) { report.entries.append(.init(dataset: slug.rawValue, outcome: .removed, rows: 0, findings: [], dialects: [:])) }
                continue
            }
            let contents = workspace.load(slug)
            let digests = (contents.digests + referenceDigests).sorted()
            if try stored(slug.rawValue) == digests {
                report.entries.append(.init(dataset: slug.rawValue, outcome: .unchanged, rows: 0, findings: [], dialects: [:]))
                continue
            }
            let reading = workspace.validate(slug, contents, reference: reference)
            let dialects = reading.dialects.filter { $0.value != .standard }
            guard let dataset = reading.dataset, !reading.findings.hasErrors else {
                report.entries.append(.init(dataset: slug.rawValue, outcome: .refused, rows: 0, findings: reading.findings, dialects: dialects))
                continue
            }
            let rows = try replace(dataset, digests: digests, progress: progress)
            report.entries.append(.init(dataset: slug.rawValue, outcome: rows == nil ? .unchanged : .imported, rows: rows ?? 0,
                                        findings: reading.findings, dialects: dialects))
        }

        if slugs == nil {
            let onDisk = Set(workspace.slugs().map(\.rawValue))
            let inDatabase = try read { db in
                Set(try DatasetFileRecord.datasets(db)).union(try String.fetchAll(db, sql: "SELECT slug FROM municipality"))
            }
            for name in inDatabase.subtracting(onDisk).subtracting([Self.referenceDataset]).sorted() {
                guard let slug = Slug(name) else { continue }
                if try remove(slug) { report.entries.append(.init(dataset: name, outcome: .removed, rows: 0, findings: [], dialects: [:])) }
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

    /// Replaces a municipality's rows in one transaction; nil where another process already imported these files.
    private func replace(_ dataset: Dataset, digests: [FileDigest],
                         progress: ((ImportProgress) throws -> Void)?) throws(StorageError) -> Int? {
        let slug = dataset.slug
        let rows: Int? = try write { db in
            if try DatasetFileRecord.fetch(db, slug.rawValue) == digests,
               try MunicipalityRecord.fetch(db, slug) != nil { return nil }
            var rows = 0
            func step() throws {
                rows += 1
                if rows % 1000 == 0 { try progress?(ImportProgress(dataset: slug.rawValue, rows: rows, finished: false)) }
            }
            func tableDone() throws { try progress?(ImportProgress(dataset: slug.rawValue, rows: rows, finished: false)) }
            // ON DELETE CASCADE removes every row of the old version.
            try db.execute(sql: "DELETE FROM municipality WHERE slug = ?", arguments: [slug.rawValue])
            try MunicipalityRecord.insert(dataset.municipality, db)
            try step()
            for source in dataset.sources { try SourceRecord.insert(source, slug, db); try step() }
            try tableDone()
            for entry in dataset.statusMapping.entries { try StatusMappingRecord.insert(entry, slug, db); try step() }
            try tableDone()
            for record in dataset.services { try ServiceRecordRow.insert(record, slug, db); try step() }
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
        try? progress?(ImportProgress(dataset: slug.rawValue, rows: rows ?? 0, finished: true))
        return rows
    }

    /// Deletes a municipality whose folder is gone; false where the database did not have it.
    private func remove(_ slug: Slug) throws(StorageError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM municipality WHERE slug = ?", arguments: [slug.rawValue])
            var changes = db.changesCount
            try db.execute(sql: "DELETE FROM dataset_file WHERE dataset = ?", arguments: [slug.rawValue])
            changes += db.changesCount
            return changes > 0
        }
    }
}
