import Domain
import Foundation

/// Reads, hashes and validates datasets on a thread of its own, one after the other, while the caller writes the
/// ones before: an import then uses two cores, and holds at most `capacity` prepared datasets besides the one the
/// caller writes and the one being prepared. Datasets found unchanged, gone or refused hold next to no memory and do
/// not count: the thread runs ahead through them, so that a sync of hundreds of unchanged datasets does not switch
/// threads for each.
final class DatasetPreparation: @unchecked Sendable {
    // @unchecked: every mutable property is read and written only while holding `condition`.

    /// What became of one dataset folder.
    enum Item: Sendable {
        /// Its folder is gone.
        case gone(Slug)
        /// Its files and the reference are as stored at the last import.
        case unchanged(Slug)
        /// Its files have errors.
        case refused(Slug, findings: [Finding], dialects: [String: CSVDialect])
        /// Validated without errors: ready to be written. The dataset's service records are in `services` (and no
        /// longer in the dataset, unless the preparation was asked to keep them), as the values of their columns.
        case valid(Dataset, services: ServiceRows, digests: [FileDigest], findings: [Finding], dialects: [String: CSVDialect])
    }

    private let workspace: Workspace
    private let datasetsPath: String
    private let reference: ReferenceCatalogue
    private let referenceDigests: [FileDigest]
    private let stored: [String: [FileDigest]]
    /// The remembered status of each file (`file_stat`), by path.
    private let fileStats: [String: FileStatRecord]
    private let slugs: [Slug]
    private let capacity: Int
    /// The clock that says whether a file's status has settled.
    private let now: @Sendable () -> Date
    /// Whether a valid dataset keeps its service records (for data derived from it while it is imported).
    private let keepServices: Bool

    private let condition = NSCondition()
    private var ready: [Item] = []
    /// How many of `ready` are valid datasets (the ones that hold their rows).
    private var readyDatasets = 0
    private var produced = 0
    private var consumed = 0
    private var stopped = false
    private var running = false
    /// Files read and hashed whose status can be remembered.
    private var observed: [FileStatRecord] = []

    init(workspace: Workspace, reference: ReferenceCatalogue, referenceDigests: [FileDigest],
         stored: [String: [FileDigest]], fileStats: [String: FileStatRecord] = [:], slugs: [Slug], capacity: Int = 2,
         keepServices: Bool = false, now: @escaping @Sendable () -> Date) {
        self.workspace = workspace
        self.datasetsPath = workspace.datasetsDirectory.path
        self.reference = reference
        self.referenceDigests = referenceDigests
        self.stored = stored
        self.fileStats = fileStats
        self.slugs = slugs
        self.capacity = capacity
        self.now = now
        self.keepServices = keepServices
    }

    /// Starts preparing on a thread of its own.
    func start() {
        condition.lock()
        running = true
        condition.unlock()
        let thread = Thread { [self] in
            for slug in slugs {
                let item = prepare(slug)
                condition.lock()
                while readyDatasets >= capacity && !stopped { condition.wait() }
                if stopped {
                    condition.unlock()
                    break
                }
                ready.append(item)
                if case .valid = item { readyDatasets += 1 }
                produced += 1
                condition.broadcast()
                condition.unlock()
            }
            condition.lock()
            running = false
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "bench dataset preparation"
        thread.start()
    }

    /// The next dataset in the order of `slugs`, waiting until it is prepared; nil after the last.
    func next() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && consumed < slugs.count && running { condition.wait() }
        guard !ready.isEmpty else { return nil }
        consumed += 1
        let item = ready.removeFirst()
        if case .valid = item {
            readyDatasets -= 1
            condition.broadcast()
        }
        return item
    }

    /// Stops preparing (the caller failed or is done) and waits for the thread to finish the dataset at hand.
    func stop() {
        condition.lock()
        stopped = true
        ready.removeAll()
        readyDatasets = 0
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    /// The files read and hashed so far whose status can be remembered (`file_stat`).
    func observedStats() -> [FileStatRecord] {
        condition.lock()
        defer { condition.unlock() }
        return observed
    }

    private func prepare(_ slug: Slug) -> Item {
        // Each file's status before its bytes are read: a change while reading then shows as a changed status next time.
        // (Paths as text: building 3,000 URLs took longer than the status calls at NRW scale.)
        let folder = datasetsPath + "/" + slug.rawValue + "/"
        let stats = DatasetFile.allCases.map { file in ("\(slug)/\(file.rawValue)", FileStat.of(folder + file.rawValue)) }
        // Only a folder that is gone is a dataset that is gone: one without its municipality.yaml is refused (reading
        // it says the file is missing), so that the database keeps its last valid version.
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .gone(slug)
        }
        // Unchanged by status: every existing file has the status remembered with its hash, and those hashes are the
        // ones of the last import.
        let remembered = stats.compactMap { path, stat -> FileDigest?? in
            guard let stat else { return .some(nil) }
            guard let record = fileStats[path], record.stat == stat else { return nil }
            return FileDigest(path: path, contentHash: record.contentHash, size: Int(stat.size))
        }
        if remembered.count == stats.count, stored[slug.rawValue] == (remembered.compactMap { $0 } + referenceDigests).sorted() {
            return .unchanged(slug)
        }
        let contents = workspace.load(slug)
        let fileDigests = contents.digests
        let now = now()
        let settled = stats.compactMap { path, stat -> FileStatRecord? in
            guard let stat, stat.isSettled(now: now), fileStats[path]?.stat != stat,
                  let digest = fileDigests.first(where: { $0.path == path }), Int64(digest.size) == stat.size else { return nil }
            return FileStatRecord(path: path, stat: stat, contentHash: digest.contentHash)
        }
        if !settled.isEmpty {
            condition.lock()
            observed += settled
            condition.unlock()
        }
        let digests = (fileDigests + referenceDigests).sorted()
        if stored[slug.rawValue] == digests { return .unchanged(slug) }
        let reading = workspace.validate(slug, contents, reference: reference)
        let dialects = reading.dialects.filter { $0.value != .standard }
        guard let dataset = reading.dataset, !reading.findings.hasErrors else {
            return .refused(slug, findings: reading.findings, dialects: dialects)
        }
        let services = ServiceRows(dataset.services, slug: slug)
        var rest = dataset
        if !keepServices { rest.services = [] }
        return .valid(rest, services: services, digests: digests, findings: reading.findings, dialects: dialects)
    }
}
