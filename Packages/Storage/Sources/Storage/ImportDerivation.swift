import Domain
import Foundation
import GRDB

/// Data to derive from each dataset while it is imported and to keep in `derived_data` (see
/// `BenchDatabase.derivedData`), so that the first command that needs it after an import finds it kept instead of
/// reading every dataset back from the database. Storage does not know what is derived: the package that reads it
/// (Derivation) hands the sync this recipe.
public struct ImportDerivation: Sendable {
    /// The name the data is kept under (the `name` of `derivedData`).
    public var name: String
    /// The version of the code that derives it (the `version` of `derivedData`).
    public var version: String
    /// The data of a valid dataset (with its service records) and the reference catalogue the database holds; nil
    /// where nothing is to be kept.
    public var derive: @Sendable (Dataset, ReferenceCatalogue) -> Data?

    public init(name: String, version: String, derive: @escaping @Sendable (Dataset, ReferenceCatalogue) -> Data?) {
        self.name = name
        self.version = version
        self.derive = derive
    }
}

/// The derivations of one sync: the writing thread hands each dataset it has written to a worker of their own, so that
/// deriving runs beside writing and preparing; at most `capacity` datasets wait for it (the writer waits otherwise).
final class ImportDerivations: @unchecked Sendable {
    // @unchecked: `derived` is read and written only while holding `lock`; `reference` only on the writing thread.

    struct Entry {
        var slug: Slug
        var name: String
        var key: String
        var data: Data
    }

    private let recipes: [ImportDerivation]
    private let queue = DispatchQueue(label: "bench import derivation", qos: .utility)
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var derived: [Entry] = []
    /// The reference catalogue as the database holds it, read with the first dataset written.
    private var reference: ReferenceCatalogue?

    init(_ recipes: [ImportDerivation], capacity: Int = 2) {
        self.recipes = recipes
        self.slots = DispatchSemaphore(value: capacity)
    }

    var isEmpty: Bool { recipes.isEmpty }

    /// Called on the writing thread inside the transaction that has just written `dataset` (with its service records).
    func derive(_ dataset: Dataset, _ db: Database) throws {
        guard !recipes.isEmpty else { return }
        let reference = try self.reference
            ?? ReferenceCatalogue(services: try OzgServiceRecord.fetchAll(db), leika: try LeikaServiceRecord.fetchAll(db))
        self.reference = reference
        let slug = dataset.slug
        let keyed = try recipes.compactMap { recipe -> (ImportDerivation, String)? in
            try BenchDatabase.derivationKeys(db, slugs: [slug.rawValue], version: recipe.version)[slug.rawValue].map { (recipe, $0) }
        }
        guard !keyed.isEmpty else { return }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            let entries = keyed.compactMap { recipe, key in
                recipe.derive(dataset, reference).map { Entry(slug: slug, name: recipe.name, key: key, data: $0) }
            }
            lock.lock()
            derived += entries
            lock.unlock()
        }
    }

    /// Waits for the worker, then returns what it derived.
    func finish() -> [Entry] {
        queue.sync {}
        lock.lock()
        defer { lock.unlock() }
        return derived
    }

    /// Keeps what was derived, for municipalities the database (still) holds.
    static func save(_ entries: [Entry], _ db: Database) throws {
        for entry in entries {
            try db.execute(sql: """
                INSERT OR REPLACE INTO derived_data (municipality, name, content_key, data)
                SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM municipality WHERE slug = ?)
                """, arguments: [entry.slug.rawValue, entry.name, entry.key, entry.data, entry.slug.rawValue])
        }
    }
}
