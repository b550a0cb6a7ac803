import Domain

/// Everything that can go wrong in Storage, each with a message for the person who has to act on it.
public enum StorageError: Error, Sendable, CustomStringConvertible {
    /// A dataset folder or file could not be read or written.
    case fileSystem(path: String, reason: String)
    /// A dataset that does not exist.
    case unknownMunicipality(String, known: [String])
    /// A slug that is not a valid folder name.
    case invalidSlug(String)
    /// Input was refused; the findings say where and why.
    case invalidInput([Finding])
    /// The database could not be opened, migrated or written.
    case database(path: String, reason: String)
    /// The database cannot be read as SQLite or holds what this bench did not write. Where it is the derived database
    /// at its default place (`derived`), it has been removed and is built again from `Datasets/`.
    case damagedDatabase(path: String, reason: String, derived: Bool)
    /// Another process holds the database.
    case busy(path: String)

    public var description: String {
        switch self {
        case .fileSystem(let path, let reason):
            return "\(path): \(reason)"
        case .unknownMunicipality(let slug, let known):
            let list = known.isEmpty ? "there are no datasets yet; create one with 'bench new SLUG'" : "known: \(known.joined(separator: ", "))"
            return "no dataset '\(slug)' in Datasets/ (\(list))"
        case .invalidSlug(let text):
            return "'\(text)' is not a valid slug: use \(Slug.rule)"
        case .invalidInput(let findings):
            return findings.errors.map(\.description).joined(separator: "\n")
        case .database(let path, let reason):
            return "database \(path): \(reason)"
        case .damagedDatabase(let path, let reason, let derived):
            let what = derived ? "bench removed it and builds it again from Datasets/: run the command again"
                               : "it is derived from Datasets/: name a new file with --database (bench builds it there), or leave out --database"
            return "database \(path) is damaged (\(reason)); \(what)"
        case .busy(let path):
            return "database \(path) is in use by another bench process; wait for it to finish and run the command again"
        }
    }
}
