import Domain
import Foundation
import Storage
import Testing

/// A workspace of a few synthetic municipalities, large enough that an import takes a noticeable time.
private struct SyntheticWorkspace {
    let root: URL
    let slugs: [Slug]

    init(municipalities: Int, seed: Int) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-crash-\(UUID().uuidString)")
        let result = try runBench(["synth", "--municipalities", String(municipalities), "--snapshots", "2",
                                   "--seed", String(seed), "--out", root.path], in: FileManager.default.temporaryDirectory)
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["output": result.stderr]) }
        slugs = Workspace(root: root).slugs()
    }

    var database: URL { root.appendingPathComponent("bench.sqlite") }

    /// The datasets as the database holds them after importing the files now on disk into a fresh database.
    func importedState() throws -> [Slug: Dataset] {
        let scratch = root.appendingPathComponent("scratch-\(UUID().uuidString).sqlite")
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch.path + suffix) } }
        let database = try BenchDatabase(path: scratch)
        _ = try database.synchronize(workspace: Workspace(root: root))
        return try Dictionary(uniqueKeysWithValues: slugs.map { ($0, try database.dataset($0)) })
    }

    /// Swaps every municipality's services file between two versions kept beside the dataset folders.
    func install(_ version: String) throws {
        for slug in slugs {
            let live = root.appendingPathComponent("Datasets/\(slug)/services.csv")
            let stored = root.appendingPathComponent("services-\(slug)-\(version).csv")
            try? FileManager.default.removeItem(at: live)
            try FileManager.default.copyItem(at: stored, to: live)
        }
    }

    /// Keeps the current services files as version `name`.
    func keep(as name: String) throws {
        for slug in slugs {
            try FileManager.default.copyItem(at: root.appendingPathComponent("Datasets/\(slug)/services.csv"),
                                             to: root.appendingPathComponent("services-\(slug)-\(name).csv"))
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite(.serialized) struct CrashAndConcurrencyTests {
    /// `bench import` killed with SIGKILL at several moments: every dataset is afterwards either its old or its new
    /// version, the database passes `PRAGMA integrity_check`, and the next import finishes the job by itself.
    @Test(.timeLimit(.minutes(5)))
    func killedImportsLeaveEachDatasetOldOrNew() throws {
        // Six municipalities: enough rows that an import is still running at most kill points, fewer than a first
        // import writes in one transaction (each dataset is then its own transaction, as in every later import).
        let workspace = try SyntheticWorkspace(municipalities: 6, seed: 7)
        defer { workspace.remove() }
        try workspace.keep(as: "a")
        // Version b: every third status record one step further along.
        for slug in workspace.slugs {
            let url = workspace.root.appendingPathComponent("Datasets/\(slug)/services.csv")
            var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for index in stride(from: 1, to: lines.count, by: 3) {
                lines[index] = lines[index].replacingOccurrences(of: ",Projekt in Umsetzung,", with: ",Digital,")
                    .replacingOccurrences(of: ",Analog,", with: ",PDF,")
            }
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        try workspace.keep(as: "b")
        let stateB = try workspace.importedState()
        try workspace.install("a")
        let stateA = try workspace.importedState()
        #expect(stateA != stateB)

        let first = try runBench(["import", "--database", workspace.database.path], in: workspace.root)
        #expect(first.status == 0, "\(first.stderr)")
        // Kill points spread over the time a whole import takes here, from process start to its last commit. Every
        // kill hits an import that replaces datasets, so that is the one timed (the first one creates the database).
        try workspace.install("b")
        let started = Date()
        let timed = try runBench(["import", "--database", workspace.database.path], in: workspace.root)
        let duration = Date().timeIntervalSince(started)
        #expect(timed.status == 0, "\(timed.stderr)")
        try workspace.install("a")
        #expect(try runBench(["import", "--database", workspace.database.path], in: workspace.root).status == 0)
        // Kills at moments in time hit any instant (between transactions, inside one, during a commit), but whether an
        // import is still running then depends on the machine's load. Kills after a number of rows (the import waits
        // there, inside its transaction) always hit one: each of those starts from all datasets at version a and
        // imports version b, so that the rows name a point in the middle of the first, third or fifth dataset.
        enum Moment: CustomStringConvertible {
            case after(TimeInterval), insideAfter(rows: Int)
            var description: String {
                switch self {
                case .after(let delay): return String(format: "at %.2f s", delay)
                case .insideAfter(let rows): return "after \(rows) rows"
                }
            }
        }
        func rows(_ dataset: Dataset) -> Int {
            let tables: [Int] = [dataset.sources.count, dataset.statusMapping.entries.count, dataset.services.count,
                                 dataset.tallies.count, dataset.projects.count, dataset.indicators.count]
            return 1 + tables.reduce(0, +)
        }
        let perDataset = Double(stateB.values.map(rows).min() ?? 0)
        let fractions: [Double] = [0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.95]
        let datasets: [Double] = [0.5, 2.5, 4.5]
        let moments: [Moment] = fractions.map { Moment.after($0 * duration) }
            + datasets.map { Moment.insideAfter(rows: Int($0 * perDataset)) }
        // Kills that hit a running import: by time (as many as the machine's speed allows), and inside a transaction
        // (every one planned).
        var killedByTime = 0, killedInside = 0
        var installed = "a"
        for (round, moment) in moments.enumerated() {
            let marker = workspace.root.appendingPathComponent("paused-\(round)")
            let process = Process()
            process.executableURL = benchBinary
            process.arguments = ["import", "--database", workspace.database.path]
            switch moment {
            case .after:
                installed = installed == "a" ? "b" : "a"
            case .insideAfter(let rows):
                try workspace.install("a")
                #expect(try runBench(["import", "--database", workspace.database.path], in: workspace.root).status == 0)
                installed = "b"
                // The debug build of bench (the one the tests run) pauses there.
                process.environment = ProcessInfo.processInfo.environment.merging(
                    ["BENCH_TEST_PAUSE_AFTER_ROWS": String(rows), "BENCH_TEST_PAUSE_MARKER": marker.path]) { $1 }
            }
            try workspace.install(installed)
            process.currentDirectoryURL = workspace.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            switch moment {
            case .after(let delay):
                Thread.sleep(forTimeInterval: delay)
            case .insideAfter:
                let deadline = Date().addingTimeInterval(60)
                while !FileManager.default.fileExists(atPath: marker.path), process.isRunning, Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.02)
                }
                #expect(FileManager.default.fileExists(atPath: marker.path), "\(moment): the import never paused")
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            // Killed only if it died of the signal: an import that finished just before the kill exited by itself.
            let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
            switch moment {
            case .after: if killed { killedByTime += 1 }
            case .insideAfter: if killed { killedInside += 1 }
            }

            let database = try BenchDatabase(path: workspace.database)
            #expect(try database.integrityCheck() == ["ok"], "after a kill \(moment)")
            var new = 0
            for slug in workspace.slugs {
                let stored = try database.dataset(slug)
                #expect(stored == stateA[slug] || stored == stateB[slug], "\(slug) is neither old nor new after a kill \(moment)")
                if stored == stateB[slug] && stored != stateA[slug] { new += 1 }
            }
            if case .insideAfter = moment, killed {
                // Killed inside the transaction of a dataset: that one (and every later one) is still old.
                #expect(new < workspace.slugs.count, "\(moment): every dataset is new, so the kill came after the import")
            }
        }
        print("killed \(killedByTime) of \(fractions.count) imports by time and \(killedInside) of \(datasets.count) inside a "
              + "transaction: " + moments.map(\.description).joined(separator: ", "))
        #expect(killedInside == datasets.count, "only \(killedInside) of the \(datasets.count) planned kills inside a transaction hit an import")

        // The next command repairs nothing by hand: it imports what is on disk.
        let last = try runBench(["import", "--database", workspace.database.path], in: workspace.root)
        #expect(last.status == 0, "\(last.stderr)")
        let database = try BenchDatabase(path: workspace.database)
        let onDisk = installed == "a" ? stateA : stateB
        for slug in workspace.slugs {
            #expect(try database.dataset(slug) == onDisk[slug])
        }
    }

    /// Two imports and a reading command started together all finish, each either successfully or with the clear
    /// busy message, and leave a consistent database that matches the files.
    @Test(.timeLimit(.minutes(5)))
    func twoImportsAndAnExportAtOnceLeaveAConsistentDatabase() throws {
        let workspace = try SyntheticWorkspace(municipalities: 2, seed: 11)
        defer { workspace.remove() }
        let expected = try workspace.importedState()
        let site = workspace.root.appendingPathComponent("site")
        let commands: [[String]] = [
            ["import", "--database", workspace.database.path],
            ["import", "--database", workspace.database.path],
            ["export", "site", "--out", site.path, "--database", workspace.database.path],
        ]
        let group = DispatchGroup()
        let results = LockedResults()
        for (index, arguments) in commands.enumerated() {
            group.enter()
            DispatchQueue.global().async {
                let result = try? runBench(arguments, in: workspace.root, timeout: 240)
                results.set(index, result)
                group.leave()
            }
        }
        group.wait()
        for (index, arguments) in commands.enumerated() {
            let result = try #require(results.get(index), "\(arguments) did not run")
            let clearRefusal = result.status == 1 && result.stderr.contains("in use by another bench process")
            #expect(result.status == 0 || clearRefusal, "\(arguments): \(result.status) \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
        }
        let database = try BenchDatabase(path: workspace.database)
        #expect(try database.integrityCheck() == ["ok"])
        // Whatever happened, the next command brings the database up to date with the files.
        _ = try database.synchronize(workspace: Workspace(root: workspace.root))
        for slug in workspace.slugs {
            #expect(try database.dataset(slug) == expected[slug])
        }
    }
}

/// Results collected from several threads.
private final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: BenchResult] = [:]

    func set(_ index: Int, _ result: BenchResult?) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func get(_ index: Int) -> BenchResult? {
        lock.lock()
        defer { lock.unlock() }
        return results[index]
    }
}
