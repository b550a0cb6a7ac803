import Comparison
import Domain
import Foundation
import Storage

/// What `bench compare` is asked for.
public struct ComparisonRequest: Sendable, Hashable {
    public enum Subjects: Sendable, Hashable {
        /// Two or more municipalities, in the order the user named them.
        case named([Slug])
        /// One municipality with the median and quartiles of its peer group, chosen by `rule` (the same kind where not
        /// given; the command line's default is the same level and size class).
        case peers(of: Slug, rule: PeerRule = .kind)
    }

    public var subjects: Subjects
    /// Where given, only figures valid on or before this date are used.
    public var asOf: PartialDate?
    /// The sections to build (all where empty).
    public var metrics: Set<MetricID>

    public init(_ subjects: Subjects, asOf: PartialDate? = nil, metrics: Set<MetricID> = []) {
        self.subjects = subjects
        self.asOf = asOf
        self.metrics = metrics
    }

    var chosenMetrics: Set<MetricID> { metrics.isEmpty ? Set(MetricID.allCases) : metrics }
}

/// The datasets a command reads, as the database holds them after a sync.
public struct DatasetSelection: Sendable {
    /// In the order asked for (every dataset of the workspace in slug order, where none was named).
    public var datasets: [Dataset]
    public var reference: ReferenceCatalogue
}

/// What a site is made of: every dataset, and the comparisons of the chosen pairs.
public struct SiteInputs: Sendable {
    public var datasets: [Dataset]
    public var comparisons: [ComparisonReport]
    public var reference: ReferenceCatalogue
    /// The population size classes, for the peer group each profile shows.
    public var sizeClasses: [SizeClass] = []
}

/// The way from the dataset files to results, the same for every command: the database is first brought up to date
/// with the files (importing what changed, so that nobody sees stale figures or has to remember `bench import`); a
/// dataset whose files have errors stops the command with the findings (a `StorageError`), so that nobody compares
/// figures from a broken file. Then the figures take one of two ways (`Route`): from the digests the database keeps
/// of each whole dataset, or from the datasets themselves. Errors are `StorageError`s (files, database) and
/// `ComparisonError`s (what cannot be compared).
public final class Derivation {
    public let workspace: Workspace
    let database: BenchDatabase
    private let progress: ((ImportProgress) -> Void)?
    /// Where warnings go (standard error, for the command line): one line each.
    let log: (String) -> Void
    /// The reference catalogue, read once and only where something needs it.
    private var loadedReference: ReferenceCatalogue?

    /// - Parameters:
    ///   - database: the database file the user named, opened and migrated here (only where bench made it); where nil,
    ///     `workspace.defaultDatabase`, bench's own (made anew where damaged, with a line to `log`).
    ///   - progress: told how far an import has come while the sync writes.
    ///   - log: told of anything the user should know that does not stop the command.
    public init(workspace: Workspace, database: URL? = nil, progress: ((ImportProgress) -> Void)? = nil,
                log: @escaping (String) -> Void) throws(StorageError) {
        self.workspace = workspace
        // The default database is bench's own and derived; a file the user named is opened only where bench made it.
        if let database {
            self.database = try BenchDatabase(path: database)
        } else {
            self.database = try BenchDatabase(workspace: workspace, log: log)
        }
        self.progress = progress
        self.log = log
    }

    // MARK: - Results

    /// `bench compare`: the report, the same bytes whichever way it takes.
    public func comparison(_ request: ComparisonRequest) throws -> ComparisonReport {
        let metrics = request.chosenMetrics
        switch (Self.route(for: request), request.subjects) {
        case (.digests, .named(let slugs)):
            try synchronize(slugs)
            return try ComparisonReport(comparing: try digests(.subject, of: slugs), metrics: metrics)
        case (.digests, .peers(let subject, let rule)):
            try synchronize(nil)
            let kept = try keptPeerView(of: subject, rule: rule, metrics: metrics)
            if let report = kept.report { return report }
            let own = try digests(.subject, of: [subject])[0]
            // After a sync of every dataset, the database holds exactly the municipalities of the workspace. Only those
            // the rule may choose are read: the same kind, or (for a size group) the same level or an unknown kind.
            let level = own.participant.kind.level
            let municipalities = try database.municipalities().filter { $0.slug != subject }
            try requireKnown(rule, among: municipalities.map(\.slug) + [subject])
            let candidates = municipalities.filter { municipality in
                switch rule {
                case .kind: return municipality.kind == own.participant.kind
                case .levelAndSize: return municipality.kind == .unknown || municipality.kind.level == level
                case .list(_, let slugs): return slugs.contains(municipality.slug)
                case .land, .all: return true
                }
            }.map(\.slug)
            let report = try ComparisonReport(peerViewOf: own, peers: try digests(.peer, of: candidates), metrics: metrics, rule: rule,
                                              sizeClasses: try sizeClasses(for: rule))
            kept.keep(report)
            return report
        case (.datasets, .named(let slugs)):
            let selected = try datasets(slugs)
            return try ComparisonReport(comparing: selected.datasets, reference: selected.reference, asOf: request.asOf, metrics: metrics)
        case (.datasets, .peers(let subject, let rule)):
            let all = try datasets(nil)
            try requireKnown(rule, among: all.datasets.map(\.slug))
            return try ComparisonReport(peerViewOf: subject, among: all.datasets, reference: all.reference, asOf: request.asOf,
                                        metrics: metrics, rule: rule, sizeClasses: try sizeClasses(for: rule))
        }
    }

    /// The size classes a rule needs (none for other rules than `levelAndSize`).
    func sizeClasses(for rule: PeerRule) throws(StorageError) -> [SizeClass] {
        rule == .levelAndSize ? try SizeClasses.read(workspace) : []
    }

    /// A list's slugs must all be municipalities of the workspace.
    func requireKnown(_ rule: PeerRule, among known: [Slug]) throws(StorageError) {
        guard case .list(_, let slugs) = rule else { return }
        let present = Set(known)
        if let unknown = slugs.first(where: { !present.contains($0) }) {
            throw .unknownMunicipality(unknown.rawValue, known: known.map(\.rawValue).sorted())
        }
    }

    /// `bench gaps`: what each municipality would have to report.
    public func gaps(_ slugs: [Slug], asOf: PartialDate? = nil) throws -> GapsChecklist {
        let selected = try datasets(slugs)
        return try GapsChecklist(comparing: selected.datasets, reference: selected.reference, asOf: asOf)
    }

    /// `bench export site`: every dataset and the comparisons of `pairs` (every pair once, in slug order, where nil).
    public func site(pairs: [(Slug, Slug)]?) throws -> SiteInputs {
        let all = try datasets(nil)
        let bySlug = Dictionary(uniqueKeysWithValues: all.datasets.map { ($0.slug, $0) })
        let comparisons = try (pairs ?? Self.allPairs(all.datasets.map(\.slug))).map { pair in
            guard let first = bySlug[pair.0], let second = bySlug[pair.1] else {
                throw StorageError.unknownMunicipality(bySlug[pair.0] == nil ? pair.0.rawValue : pair.1.rawValue,
                                                       known: all.datasets.map(\.slug.rawValue))
            }
            return try ComparisonReport(comparing: [first, second], reference: all.reference)
        }
        return SiteInputs(datasets: all.datasets, comparisons: comparisons, reference: all.reference,
                          sizeClasses: try SizeClasses.read(workspace))
    }

    /// The named datasets (every one of the workspace where `slugs` is nil or empty), in the order given, after a sync.
    public func datasets(_ slugs: [Slug]?) throws(StorageError) -> DatasetSelection {
        let wanted = (slugs?.isEmpty ?? true) ? nil : slugs
        try synchronize(wanted)
        return DatasetSelection(datasets: try database.datasets(wanted ?? workspace.slugs()), reference: try reference())
    }

    // MARK: - The way the figures take

    /// The two ways to a comparison.
    enum Route: Equatable {
        /// From the digests of whole datasets that the database keeps.
        case digests
        /// From the datasets, read from the database.
        case datasets
    }

    /// A digest is made of a whole dataset: a comparison at an earlier date needs the datasets.
    static func route(for request: ComparisonRequest) -> Route {
        request.asOf == nil ? .digests : .datasets
    }

    /// Every pair of municipalities once, in slug order.
    public static func allPairs(_ slugs: [Slug]) -> [(Slug, Slug)] {
        let sorted = slugs.sorted()
        var pairs: [(Slug, Slug)] = []
        for (index, first) in sorted.enumerated() {
            for second in sorted[(index + 1)...] { pairs.append((first, second)) }
        }
        return pairs
    }

    /// Brings the database up to date with the named datasets (all where `slugs` is nil); stops with the findings
    /// where one of them (or the reference data) has errors.
    func synchronize(_ slugs: [Slug]?) throws(StorageError) {
        let report = try database.synchronize(workspace: workspace, only: slugs, deriving: Self.importDerivations, progress: progress)
        if let reference = report.entry("reference"), reference.outcome == .refused {
            throw StorageError.invalidInput(reference.findings)
        }
        // Without names, every dataset of the workspace was synchronized: each refusal counts.
        let refused = report.refused.filter { entry in slugs?.contains { $0.rawValue == entry.dataset } ?? true }
        if !refused.isEmpty { throw StorageError.invalidInput(refused.flatMap(\.findings)) }
    }

    func reference() throws(StorageError) -> ReferenceCatalogue {
        if let loadedReference { return loadedReference }
        let reference = try database.reference()
        loadedReference = reference
        return reference
    }

    // MARK: - Digests

    /// The digests of `slugs` in `role`, kept in the database (`derived_data`, named by the role, under
    /// `PeerDigest.version`): a dataset is read only where its digest is missing, stale (its files or the catalogues
    /// changed since) or cannot be read; the last is logged, and the digest derived again replaces it.
    func digests(_ role: PeerDigest.Role, of slugs: [Slug]) throws -> [PeerDigest] {
        var (digests, unreadable) = try keptOrDerived(role, of: slugs)
        if !unreadable.isEmpty {
            try database.forgetDerivedData(role.rawValue, for: unreadable)
            digests.merge(try keptOrDerived(role, of: unreadable).digests) { $1 }
        }
        return try slugs.map { slug throws(StorageError) in
            // derivedData leaves out what the database does not hold.
            guard let digest = digests[slug] else { throw StorageError.unknownMunicipality(slug.rawValue, known: []) }
            return digest
        }
    }

    /// The digests kept or derived now, and the slugs whose kept digest cannot be read (logged).
    private func keptOrDerived(_ role: PeerDigest.Role, of slugs: [Slug]) throws -> (digests: [Slug: PeerDigest], unreadable: [Slug]) {
        var digests: [Slug: PeerDigest] = [:]
        var failure: StorageError?
        let kept = try database.derivedData(role.rawValue, version: String(PeerDigest.version), for: slugs) { dataset in
            do throws(StorageError) {
                let digest = PeerDigest(role, of: dataset, reference: try reference())
                digests[dataset.slug] = digest
                return Data(digest.encoded())
            } catch {
                failure = error
                return nil
            }
        }
        if let failure { throw failure }
        var unreadable: [Slug] = []
        let stored = slugs.filter { digests[$0] == nil }.compactMap { slug in kept[slug].map { (slug, $0) } }
        for ((slug, _), decoded) in zip(stored, Self.decode(stored.map(\.1))) {
            switch decoded {
            case .success(let digest): digests[slug] = digest
            case .failure(let error):
                log("warning: \(slug): \(error); derived again from its dataset")
                unreadable.append(slug)
            }
        }
        return (digests, unreadable)
    }

    /// Each kept digest decoded, on every core: a peer view reads hundreds, and decoding them is most of its work.
    static func decode(_ kept: [Data]) -> [Result<PeerDigest, ComparisonError>] {
        let results = DecodedDigests(count: kept.count)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, kept.count / 32))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: kept.count, by: workers) {
                results.set(index, Result { () throws(ComparisonError) in try PeerDigest(encoded: [UInt8](kept[index])) })
            }
        }
        return results.values.map { $0! }
    }
}

/// The decoded digests, each written by one worker at its own index.
private final class DecodedDigests: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<PeerDigest, ComparisonError>?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<PeerDigest, ComparisonError>) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }
}
