import Domain
import Foundation
import GRDB

extension BenchDatabase {
    /// Data derived from each of the named municipalities' datasets, kept in table `derived_data` under `name` so that
    /// a command that needs little of many datasets (the peer view) need not read them all every time.
    ///
    /// An entry is used only while it was derived from the files the database holds now: it carries a key of the
    /// content hashes of the dataset's files (with the reference file) and of the imported catalogues, and the
    /// entries of a municipality are deleted whenever its rows are replaced or removed. Where an entry is missing or
    /// stale, the dataset is read (one at a time), given to `derive`, and the result kept (unless `derive` returns
    /// nil). `name` says what is derived; `version` says by which code (an entry of another version is derived again
    /// and replaced). Slugs not in the database are left out of the result.
    public func derivedData(_ name: String, version: String, for slugs: [Slug],
                            derive: (Dataset) -> Data?) throws(StorageError) -> [Slug: Data] {
        let wanted = Set(slugs.map(\.rawValue))
        var result: [Slug: Data] = [:]
        try read { db in
            let keys = try Self.derivationKeys(db, slugs: slugs.count <= 16 ? slugs.map(\.rawValue) : nil, version: version)
            let rows = try Row.fetchCursor(db, sql: "SELECT municipality, content_key, data FROM derived_data WHERE name = ?",
                                           arguments: [name])
            while let row = try rows.next() {
                let municipality: String = row[0]
                guard wanted.contains(municipality), let slug = Slug(municipality), keys[municipality] == row[1] as String else { continue }
                result[slug] = row[2] as Data
            }
        }
        var derived: [(slug: Slug, key: String, data: Data)] = []
        for slug in slugs where result[slug] == nil {
            let read: (Dataset, String?)? = try self.read { db in
                guard try MunicipalityRecord.fetch(db, slug) != nil else { return nil }
                return (try Self.dataset(slug, db), try Self.derivationKeys(db, slugs: [slug.rawValue], version: version)[slug.rawValue])
            }
            guard let (dataset, key) = read, let data = derive(dataset) else { continue }
            result[slug] = data
            if let key { derived.append((slug, key, data)) }
        }
        if !derived.isEmpty {
            // Only a cache: where it cannot be written now (another process is writing), the next run derives again.
            try? write { db in
                for entry in derived {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO derived_data (municipality, name, content_key, data)
                        SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM municipality WHERE slug = ?)
                        """, arguments: [entry.slug.rawValue, name, entry.key, entry.data, entry.slug.rawValue])
                }
            }
        }
        return result
    }

    /// Deletes what is kept under `name` for the named municipalities (data that turned out unreadable), so that the
    /// next `derivedData` derives it again.
    public func forgetDerivedData(_ name: String, for slugs: [Slug]) throws(StorageError) {
        try write { db in
            for slug in slugs {
                try db.execute(sql: "DELETE FROM derived_data WHERE name = ? AND municipality = ?", arguments: [name, slug.rawValue])
            }
        }
    }

    /// The key of what each dataset's derived data depends on, by dataset: its files as last imported (with the
    /// reference file), the imported catalogues and the version of the code that derives, of the datasets named (all
    /// where `slugs` is nil). Datasets without stored files have none.
    static func derivationKeys(_ db: Database, slugs: [String]? = nil, version: String) throws -> [String: String] {
        let catalogues = try Row.fetchAll(db, sql: "SELECT catalogue, sha256, size FROM catalogue_file ORDER BY catalogue")
            .map { "\($0[0] as String) \($0[1] as String) \($0[2] as Int64)" }
        let files: [String: [FileDigest]]
        if let slugs {
            files = Dictionary(try slugs.map { ($0, try DatasetFileRecord.fetch(db, $0)) }, uniquingKeysWith: { $1 })
        } else {
            files = try DatasetFileRecord.fetchAll(db)
        }
        return files.filter { !$0.value.isEmpty }.mapValues { digests in
            let text = (digests.map { "\($0.path) \($0.contentHash) \($0.size)" } + ["catalogues"] + catalogues + ["version", version])
                .joined(separator: "\n")
            return ContentHash.hex(Data(text.utf8))
        }
    }
}
