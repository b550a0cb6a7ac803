import Domain
import Foundation
import GRDB
import GRDBSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a database path, told apart before anything opens it for writing. bench marks its databases with
/// SQLite's `application_id` (`BNCH`) and opens as its own only a file so marked, or a new one (no file, or zero bytes);
/// everything else is looked at without a lock, a journal or a write (SQLite's `immutable` mode), so that a file that
/// is not bench's stays byte for byte as it was, with no `-wal`, `-shm` or `-journal` file beside it.
enum DatabaseFile: Sendable, Equatable {
    /// No file, or a file of zero bytes: bench makes its database there.
    case new
    /// A database bench marked as its own.
    case bench
    /// A database of a bench from before the mark: no `application_id`, and GRDB's table of migrations holding bench's
    /// migrations only.
    case earlierBench
    /// An SQLite database of another program (or an empty one that bench did not make).
    case otherDatabase(applicationID: Int32, tables: [String])
    /// An SQLite file whose schema cannot be read.
    case damaged(String)
    /// A regular file that is no SQLite database: what it looks like.
    case notSQLite(String)
    /// Not a regular file (a folder, a pipe), or a file that cannot be read: what it is.
    case notAFile(String)

    /// `BNCH`, bench's `application_id`.
    static let applicationID: Int32 = 0x424E_4348

    /// The first 16 bytes of every SQLite database file.
    static let magic = Array("SQLite format 3\u{0}".utf8)

    /// Looks at `path` without changing it.
    static func inspect(_ path: String) -> DatabaseFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return .new }
            return .notAFile("cannot be looked at (\(String(cString: strerror(errno))))")
        }
        if let problem = FileReading.kindProblem(info.st_mode) {
            return .notAFile(problem.found.hasPrefix("this is a folder") ? "is a folder, not a database file"
                                                                         : "is \(problem.found.dropFirst("this is ".count))")
        }
        if info.st_size == 0 { return .new }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .notAFile("cannot be read (\(String(cString: strerror(errno))))") }
        var header = [UInt8](repeating: 0, count: 512)
        let count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, 512, 0) }
        close(descriptor)
        guard count >= 0 else { return .notAFile("cannot be read (\(String(cString: strerror(errno))))") }
        header = Array(header[0..<count])
        guard header.starts(with: magic) else { return .notSQLite(looks(header, size: Int(info.st_size))) }
        guard header.count >= 100 else { return .damaged("the file ends inside SQLite's header") }
        let applicationID = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        if applicationID == Self.applicationID { return .bench }
        return schema(path, applicationID: applicationID)
    }

    /// What a file that is no SQLite database looks like, in the words of a message.
    private static func looks(_ header: [UInt8], size: Int) -> String {
        let bytes = size == 1 ? "1 byte" : "\(size) bytes"
        let text = header.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            && (String(validating: header, as: UTF8.self) != nil || header.count == 512)
        return text ? "a text file of \(bytes)" : "\(bytes) of other data"
    }

    /// Reads the table names (and, where there are GRDB's migrations, their identifiers) of an SQLite file that bench
    /// did not mark, in `immutable` mode: no lock, no journal, nothing written.
    private static func schema(_ path: String, applicationID: Int32) -> DatabaseFile {
        var connection: OpaquePointer?
        defer { sqlite3_close_v2(connection) }
        let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: uriPathCharacters) ?? path) + "?immutable=1"
        guard sqlite3_open_v2(uri, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil) == SQLITE_OK else {
            return .damaged(connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot be opened")
        }
        func strings(_ sql: String) -> [String]? {
            var statement: OpaquePointer?
            defer { sqlite3_finalize(statement) }
            guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else { return nil }
            var values: [String] = []
            while true {
                let step = sqlite3_step(statement)
                if step == SQLITE_DONE { return values }
                guard step == SQLITE_ROW else { return nil }
                values.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "")
            }
        }
        guard let tables = strings("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name")
        else { return .damaged(String(cString: sqlite3_errmsg(connection))) }
        if applicationID == 0, tables.contains("grdb_migrations"),
           let applied = strings("SELECT identifier FROM grdb_migrations"), !applied.isEmpty,
           Set(applied).isSubset(of: Schema.migrator.migrations) {
            return .earlierBench
        }
        return .otherDatabase(applicationID: applicationID, tables: tables)
    }

    private static let uriPathCharacters: CharacterSet = {
        var characters = CharacterSet.alphanumerics
        characters.insert(charactersIn: "/-._~")
        return characters
    }()

    /// What was found, for a message: "another program's SQLite database (3 tables: a, b, c)".
    var found: String {
        switch self {
        case .new: return "a new file"
        case .bench: return "bench's database"
        case .earlierBench: return "a database of an earlier bench, made before bench marked its databases"
        case .otherDatabase(let applicationID, let tables):
            let names = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            let count = tables.count == 1 ? "1 table" : "\(tables.count) tables"
            let owner = applicationID == 0 ? "" : String(format: ", application_id 0x%08X", UInt32(bitPattern: applicationID))
            return "another program's SQLite database (\(count)\(tables.isEmpty ? "" : ": " + names)\(owner))"
        case .damaged(let reason): return "an SQLite file that cannot be read (\(reason))"
        case .notSQLite(let looks): return "not an SQLite file but \(looks)"
        case .notAFile(let what): return what
        }
    }

    /// Makes a new database of bench's at `path`, where there is none or an empty file: a file marked with bench's
    /// `application_id` is prepared beside it and put in place whole, so that no other process ever sees an unmarked
    /// file of bench's. Where another process was quicker, its file stays.
    static func create(_ path: String) throws(StorageError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".bench-new-\(getpid())-\(UUID().uuidString).sqlite"
        defer { unlink(temporary) }
        var connection: OpaquePointer?
        let opened = sqlite3_open_v2(temporary, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        let marked = opened == SQLITE_OK
            && sqlite3_exec(connection, "PRAGMA application_id = \(applicationID); PRAGMA journal_mode = WAL", nil, nil, nil) == SQLITE_OK
        let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot be created"
        sqlite3_close_v2(connection)
        guard marked else { throw .database(path: path, reason: "cannot be created (\(message))") }
        var info = stat()
        if stat(path, &info) == 0 {
            // A file of zero bytes: replaced, unless it has been written since.
            guard info.st_size == 0 else { return }
            if rename(temporary, path) != 0 { throw .database(path: path, reason: "cannot be created (\(String(cString: strerror(errno))))") }
        } else if link(temporary, path) != 0 {
            if errno == EEXIST { return }
            // A file system without hard links: a rename, after one more look.
            guard access(path, F_OK) != 0 else { return }
            if rename(temporary, path) != 0 { throw .database(path: path, reason: "cannot be created (\(String(cString: strerror(errno))))") }
        }
    }

    /// Removes bench's derived database at `path` with its journal files, so that it can be made anew.
    static func remove(_ path: String) {
        for suffix in ["-wal", "-shm", "-journal", ""] { unlink(path + suffix) }
    }
}
