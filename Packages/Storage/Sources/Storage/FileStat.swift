import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the file system says about a file without reading it: size, times of the last change of its bytes and of
/// its inode, and which file it is. Table `file_stat` remembers the content hash of each dataset file with these, so
/// that a sync reads (and hashes) only files whose status changed: at NRW scale, reading the 700 MB of unchanged
/// files took longer than everything else a peer view does.
///
/// The status of a file changes whenever its bytes do (the inode change time cannot be set by a user, and a file
/// replaced by another is another inode). The one gap is a second change within the same tick of the file system's
/// clock: a status taken less than `settling` after the last change is therefore never remembered (as git does with
/// its index).
struct FileStat: Hashable, Sendable {
    var size: Int64
    /// Last change of the bytes and of the inode, in nanoseconds since 1970.
    var modified: Int64
    var changed: Int64
    var inode: Int64
    var device: Int64

    /// How long after its last change a file's status is trusted to tell every later change.
    static let settling: Int64 = 3_000_000_000

    /// The status of the file at `path`; nil where there is none (a missing file).
    static func of(_ path: String) -> FileStat? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        return FileStat(size: Int64(info.st_size),
                        modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
                        changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
                        inode: Int64(truncatingIfNeeded: UInt64(info.st_ino)), device: Int64(truncatingIfNeeded: UInt64(info.st_dev)))
    }

    /// Whether the file changed too recently for its status to be remembered.
    func isSettled(now: Date) -> Bool {
        Int64(now.timeIntervalSince1970 * 1_000_000_000) - max(modified, changed) >= Self.settling
    }
}

/// A row of `file_stat`: a file's status and the content hash of its bytes when it had that status.
struct FileStatRecord: Hashable, Sendable {
    /// Relative to `Datasets/`, as in `dataset_file`.
    var path: String
    var stat: FileStat
    var contentHash: String
}

extension FileStatRecord {
    /// Every remembered status, by path.
    static func fetchAll(_ db: Database) throws -> [String: FileStatRecord] {
        try fetch(db, sql: "SELECT path, size, modified_ns, changed_ns, inode, device, content_hash FROM file_stat", arguments: [])
    }

    /// The remembered statuses of the files of the named datasets, by path.
    static func fetch(_ db: Database, datasets: [String]) throws -> [String: FileStatRecord] {
        var records: [String: FileStatRecord] = [:]
        for dataset in datasets {
            // The paths of a dataset's files start with its folder: "slug/" up to, not including, "slug0" ('0' follows '/').
            records.merge(try fetch(db, sql: """
                SELECT path, size, modified_ns, changed_ns, inode, device, content_hash FROM file_stat WHERE path >= ? AND path < ?
                """, arguments: [dataset + "/", dataset + "0"])) { $1 }
        }
        return records
    }

    private static func fetch(_ db: Database, sql: String, arguments: StatementArguments) throws -> [String: FileStatRecord] {
        var records: [String: FileStatRecord] = [:]
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let record = FileStatRecord(path: row[0], stat: FileStat(size: row[1], modified: row[2], changed: row[3], inode: row[4], device: row[5]),
                                        contentHash: row[6])
            records[record.path] = record
        }
        return records
    }

    static func save(_ records: [FileStatRecord], _ db: Database) throws {
        for record in records {
            try db.execute(sql: """
                INSERT OR REPLACE INTO file_stat (path, size, modified_ns, changed_ns, inode, device, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.path, record.stat.size, record.stat.modified, record.stat.changed, record.stat.inode,
                                 record.stat.device, record.contentHash])
        }
    }
}
