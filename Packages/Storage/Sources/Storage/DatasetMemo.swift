import Dispatch
import Domain
import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `Workspace.memoized` reads each dataset.
public enum MemoReading: Sendable {
    /// As `Workspace.read(_:)`: the dataset's files only.
    case read
    /// As `Workspace.validate(_:reference:)`, with the cross-row checks against `ReferenceCatalogue`. What is kept
    /// then depends on every file of `Datasets/reference/` too (the catalogue, the register, the size classes), so
    /// that a change there makes every dataset be read again.
    case validated(ReferenceCatalogue)
}

extension Workspace {
    /// `make` applied to the reading of each of `slugs`, in their order: what `bench list` and `bench validate` show of
    /// a dataset.
    ///
    /// A dataset whose files (and, for `.validated`, the reference files) are those of an earlier run is not read:
    /// its value is the one kept in `database` (table `dataset_memo`, under `name`), found by a key of the content
    /// hashes of those files, `salt` (who made the value: the code of the caller) and `name`. Whether a file is
    /// unchanged is told by its status (`file_stat`, as the sync does): size, change times, inode; a file whose
    /// status is not remembered is read, and so is every file that is no regular file (a link, a folder). The other
    /// datasets are read on every core, and their values and their files' statuses kept for the next run.
    ///
    /// Without `database` or `salt`, or with `reread`, every dataset is read (and, with a database, what was read
    /// is kept). `prune`: `slugs` are all the datasets there are, and values kept for others are deleted. The
    /// database is only a memo: where it cannot be read or written, the datasets are read and nothing is kept.
    public func memoized<Value: Codable & Sendable>(
        _ slugs: [Slug], name: String, salt: String?, reading: MemoReading, database: BenchDatabase?, reread: Bool,
        prune: Bool, make: @escaping @Sendable (DatasetReading) -> Value
    ) -> [Value] {
        memoized(slugs, name: name, salt: salt, reading: reading, database: database, reread: reread, prune: prune,
                 now: { Date() }, make: make)
    }

    /// `memoized` with the clock passed in: `now` says whether a file's status has settled (`FileStat.isSettled`).
    func memoized<Value: Codable & Sendable>(
        _ slugs: [Slug], name: String, salt: String?, reading: MemoReading, database: BenchDatabase?, reread: Bool,
        prune: Bool, now: @escaping @Sendable () -> Date, make: @escaping @Sendable (DatasetReading) -> Value
    ) -> [Value] {
        // Without a salt there is no telling which code made a kept value: nothing is kept.
        let database = salt == nil ? nil : database
        var referenceKey: String? = ""
        if case .validated = reading { referenceKey = referenceFilesKey() }
        let prefix = referenceKey.flatMap { reference in salt.map { "bench dataset memo 1\n\(name)\n\($0)\nreference \(reference)\n" } }
        var kept = DatasetMemo.Kept()
        if let database, prefix != nil {
            let few = slugs.count <= 16 && !prune
            kept = (try? database.datasetMemos(name, datasets: few ? slugs.map(\.rawValue) : nil, values: !reread)) ?? DatasetMemo.Kept()
        }
        return memoized(slugs, name: name, prefix: prefix, kept: kept, reading: reading, database: database, reread: reread, prune: prune,
                        now: now, make: make)
    }

    private func memoized<Value: Codable & Sendable>(
        _ slugs: [Slug], name: String, prefix: String?, kept: DatasetMemo.Kept, reading: MemoReading, database: BenchDatabase?, reread: Bool,
        prune: Bool, now: @escaping @Sendable () -> Date, make: @escaping @Sendable (DatasetReading) -> Value
    ) -> [Value] {
        let collector = DatasetMemo.Collector<Value>(count: slugs.count)
        let datasetsPath = datasetsDirectory.path
        DispatchQueue.concurrentPerform(iterations: slugs.count) { index in
            let slug = slugs[index]
            let folder = datasetsPath + "/" + slug.rawValue + "/"
            // Each file's status before its bytes are read: a change while reading then shows as a changed status next time.
            let states = DatasetFile.allCases.map { file in ("\(slug)/\(file.rawValue)", FileStat.state(folder + file.rawValue)) }
            if !reread, let prefix, let memo = kept.values[slug.rawValue],
               let key = DatasetMemo.key(prefix, states.map { path, state -> (String, String?)? in
                   switch state {
                   case .missing: return (path, nil)
                   case .regular(let stat):
                       guard let record = kept.stats[path], record.stat == stat else { return nil }
                       return (path, "\(record.contentHash) \(stat.size)")
                   case .other: return nil
                   }
               }), key == memo.key, let value = try? JSONDecoder().decode(Value.self, from: memo.data) {
                collector.set(index, value)
                return
            }
            let contents = load(slug)
            let datasetReading: DatasetReading
            switch reading {
            case .read: datasetReading = read(slug, contents)
            case .validated(let reference): datasetReading = validate(slug, contents, reference: reference)
            }
            let value = make(datasetReading)
            collector.set(index, value)
            guard database != nil, let prefix else { return }
            let digests = Dictionary(contents.digests.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
            let files = states.map { path, _ -> (String, String?)? in
                switch contents[path] {
                case .data: return digests[path].map { (path, "\($0.contentHash) \($0.size)") }
                case .missing: return (path, nil)
                case .problem: return nil
                }
            }
            let now = now()
            let settled = states.compactMap { path, state -> FileStatRecord? in
                guard case .regular(let stat) = state, stat.isSettled(now: now), kept.stats[path]?.stat != stat,
                      let digest = digests[path], Int64(digest.size) == stat.size else { return nil }
                return FileStatRecord(path: path, stat: stat, contentHash: digest.contentHash)
            }
            // A file that could not be read (a link out of the workspace, a pipe) may read otherwise next time: no key.
            let memo = DatasetMemo.key(prefix, files).flatMap { key in
                (try? DatasetMemo.encoder.encode(value)).map { DatasetMemo.Entry(dataset: slug.rawValue, key: key, data: $0) }
            }
            collector.keep(memo, settled)
        }
        let (values, memos, stats) = collector.result()
        if let database, prefix != nil, !memos.isEmpty || !stats.isEmpty || (prune && !kept.datasets.isSubset(of: slugs.map(\.rawValue))) {
            // Only a memo: where it cannot be written now (another process is writing), the next run reads the files again.
            try? database.saveDatasetMemos(name, memos, stats: stats, keepingOnly: prune ? Set(slugs.map(\.rawValue)) : nil)
        }
        return values
    }

    /// A key of every file of `Datasets/reference/` (its name and the hash of its bytes); nil where one cannot be read.
    func referenceFilesKey() -> String? {
        let base = referenceDirectory.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) else { return "none" }
        guard isDirectory.boolValue, let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return nil }
        var lines: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            var info = stat()
            guard lstat(base + "/" + name, &info) == 0 else { return nil }
            if info.st_mode & S_IFMT == S_IFDIR { continue }
            switch FileReading.read(base + "/" + name, limit: FileReading.importLimit, workspace: root.path) {
            case .data(let data): lines.append("\(name) \(ContentHash.hex(data)) \(data.count)")
            case .missing: continue
            case .problem: return nil
            }
        }
        return ContentHash.hex(Data(lines.joined(separator: "\n").utf8))
    }
}

/// The values `Workspace.memoized` keeps, table `dataset_memo`.
enum DatasetMemo {
    /// One kept value: made from the files whose key is `key`.
    struct Entry: Sendable {
        var dataset: String
        var key: String
        var data: Data
    }

    /// What the database holds for one `name`: the values by dataset, and the files' statuses by path.
    struct Kept: Sendable {
        var values: [String: Entry] = [:]
        var stats: [String: FileStatRecord] = [:]
        var datasets: Set<String> = []
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// The key of a value made from files with these hashes (nil: missing); nil where a file's hash is not known.
    static func key(_ prefix: String, _ files: [(String, String?)?]) -> String? {
        var text = prefix
        for file in files {
            guard let (path, hash) = file else { return nil }
            text += "\(path) \(hash ?? "missing")\n"
        }
        return ContentHash.hex(Data(text.utf8))
    }

    /// Gathers what the threads of `memoized` make.
    final class Collector<Value: Sendable>: @unchecked Sendable {
        // @unchecked: every property is read and written only while holding `lock`.
        private let lock = NSLock()
        private var values: [Value?]
        private var memos: [Entry] = []
        private var stats: [FileStatRecord] = []

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        func keep(_ memo: Entry?, _ settled: [FileStatRecord]) {
            lock.lock()
            if let memo { memos.append(memo) }
            stats += settled
            lock.unlock()
        }

        func result() -> ([Value], [Entry], [FileStatRecord]) {
            lock.lock()
            defer { lock.unlock() }
            return (values.map { $0! }, memos, stats)
        }
    }
}

extension FileStat {
    /// What is at a path, told by `lstat` (a link is not followed).
    enum State: Sendable {
        case missing
        case regular(FileStat)
        /// A link, a folder, a pipe, or a path that cannot be looked at.
        case other
    }

    static func state(_ path: String) -> State {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .other }
        guard info.st_mode & S_IFMT == S_IFREG else { return .other }
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        return .regular(FileStat(size: Int64(info.st_size),
                                 modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
                                 changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
                                 inode: Int64(truncatingIfNeeded: UInt64(info.st_ino)),
                                 device: Int64(truncatingIfNeeded: UInt64(info.st_dev))))
    }
}

extension BenchDatabase {
    /// The values kept under `name` (of the named datasets, or of all) with the remembered statuses of their files;
    /// without `values`, the datasets that have one (for pruning) and the statuses only.
    func datasetMemos(_ name: String, datasets: [String]?, values: Bool) throws(StorageError) -> DatasetMemo.Kept {
        try read { db in
            var kept = DatasetMemo.Kept()
            kept.stats = try datasets.map { try FileStatRecord.fetch(db, datasets: $0) } ?? FileStatRecord.fetchAll(db)
            let columns = values ? "dataset, content_key, data" : "dataset, '', x''"
            func add(_ rows: RowCursor) throws {
                while let row = try rows.next() {
                    let dataset: String = row[0]
                    kept.datasets.insert(dataset)
                    if values { kept.values[dataset] = DatasetMemo.Entry(dataset: dataset, key: row[1], data: row[2]) }
                }
            }
            if let datasets {
                for dataset in datasets {
                    try add(try Row.fetchCursor(db, sql: "SELECT \(columns) FROM dataset_memo WHERE name = ? AND dataset = ?",
                                                arguments: [name, dataset]))
                }
            } else {
                try add(try Row.fetchCursor(db, sql: "SELECT \(columns) FROM dataset_memo WHERE name = ?", arguments: [name]))
            }
            return kept
        }
    }

    /// Keeps values under `name` and files' statuses in one transaction; with `keepingOnly`, deletes the values kept
    /// for other datasets.
    func saveDatasetMemos(_ name: String, _ memos: [DatasetMemo.Entry], stats: [FileStatRecord],
                          keepingOnly datasets: Set<String>?) throws(StorageError) {
        try write { db in
            for memo in memos {
                try db.execute(sql: "INSERT OR REPLACE INTO dataset_memo (dataset, name, content_key, data) VALUES (?, ?, ?, ?)",
                               arguments: [memo.dataset, name, memo.key, memo.data])
            }
            try FileStatRecord.save(stats, db)
            if let datasets {
                let kept = try String.fetchAll(db, sql: "SELECT dataset FROM dataset_memo WHERE name = ?", arguments: [name])
                for dataset in kept where !datasets.contains(dataset) {
                    try db.execute(sql: "DELETE FROM dataset_memo WHERE name = ? AND dataset = ?", arguments: [name, dataset])
                }
            }
        }
    }
}
