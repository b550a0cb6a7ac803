import Domain
import Foundation
import GRDB

extension BenchDatabase {
    /// Data derived from the datasets of every municipality the database holds (a peer view, whose statistics take
    /// many of them), kept in `derived_data` under one municipality's slug and `name`.
    ///
    /// Its key is made of the key of every municipality's derived data (`derivationKeys`: its files, the reference
    /// file and the catalogues) and of `version` (what the caller derives and how): kept data is returned only while
    /// none of them changed, and a municipality added or removed changes it too. Returns the key to keep new data
    /// under (nil where `slug` is not in the database) and the data kept under it, if any.
    public func keptWholeData(_ name: String, of slug: Slug, version: String) throws(StorageError) -> (key: String?, data: Data?) {
        try read { db in
            guard try MunicipalityRecord.fetch(db, slug) != nil else { return (nil, nil) }
            let keys = try Self.derivationKeys(db, version: version)
            let text = keys.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n")
            let key = ContentHash.hex(Data((text + "\nversion\n" + version).utf8))
            let data = try Data.fetchOne(db, sql: "SELECT data FROM derived_data WHERE municipality = ? AND name = ? AND content_key = ?",
                                         arguments: [slug.rawValue, name, key])
            return (key, data)
        }
    }

    /// Keeps `data` under `slug` and `name` with the key `keptWholeData` gave. Only a cache: where it cannot be written
    /// now (another process is writing), the next command derives it again.
    public func keepWholeData(_ name: String, of slug: Slug, key: String, data: Data) {
        try? write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO derived_data (municipality, name, content_key, data)
                SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM municipality WHERE slug = ?)
                """, arguments: [slug.rawValue, name, key, data, slug.rawValue])
        }
    }
}
