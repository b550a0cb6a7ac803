import Domain
import Foundation
import GRDB
@testable import Storage
import Testing

/// `Workspace.memoized` (what `bench list` and `bench validate` show of each dataset) takes a dataset whose files are
/// unchanged from the database instead of reading it, and reads again every dataset one of whose files changed (or,
/// for a validation, one of the reference files), with the value it would have had read anew.
@Suite struct DatasetMemoTests {
    /// What the tests make of a reading: everything `bench validate` shows.
    struct Made: Codable, Sendable, Equatable {
        var slug: String
        var findings: [Finding]
        var dialects: [String: String]
        var services: Int?

        init(_ reading: DatasetReading) {
            slug = reading.slug.rawValue
            findings = reading.findings
            dialects = reading.dialects.mapValues(\.description)
            services = reading.dataset?.services.count
        }
    }

    /// The datasets `make` was called for.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var slugs: [String] = []
        func add(_ slug: String) { lock.lock(); slugs.append(slug); lock.unlock() }
        var made: [String] { lock.lock(); defer { lock.unlock() }; return slugs.sorted() }
    }

    /// A clock well after every file was written: their statuses have settled and are remembered.
    static let later: @Sendable () -> Date = { Date().addingTimeInterval(60) }

    static func run(_ workspace: Workspace, _ database: BenchDatabase?, name: String = "validate", salt: String? = "test 1",
                    validated: Bool = true, reread: Bool = false, only: [Slug]? = nil) -> (values: [Made], made: [String]) {
        let calls = Calls()
        let reading: MemoReading = validated ? .validated(workspace.readReference().0) : .read
        let values = workspace.memoized(only ?? workspace.slugs(), name: name, salt: salt, reading: reading, database: database,
                                        reread: reread, prune: only == nil, now: later) { reading in
            calls.add(reading.slug.rawValue)
            return Made(reading)
        }
        return (values, calls.made)
    }

    /// What reading every dataset anew gives.
    static func fresh(_ workspace: Workspace, validated: Bool = true) -> [Made] {
        let reference = workspace.readReference().0
        return workspace.slugs().map { Made(validated ? workspace.validate($0, reference: reference) : workspace.read($0)) }
    }

    static func rewrite(_ workspace: Workspace, _ path: String, _ from: String, _ to: String) throws {
        let text = String(decoding: try workspace.contents(path), as: UTF8.self)
        #expect(text.contains(from))
        try Data(text.replacingOccurrences(of: from, with: to).utf8).write(to: workspace.file(path))
    }

    @Test func anUnchangedDatasetIsTakenFromTheDatabaseAndEveryChangeIsRead() throws {
        let workspace = try Fixtures.workspace(["beispielstadt", "bomstadt", "excelstadt"])
        defer { Fixtures.remove(workspace) }
        // A dataset with errors (its slug is another folder's): the sync refuses it, its findings are kept all the same.
        try FileManager.default.copyItem(at: workspace.file("beispielstadt"), to: workspace.file("kaputtstadt"))
        let database = try BenchDatabase(path: workspace.root.appendingPathComponent(".bench/bench.sqlite"))
        let all = ["beispielstadt", "bomstadt", "excelstadt", "kaputtstadt"]
        let expected = Self.fresh(workspace)
        #expect(expected.first { $0.slug == "kaputtstadt" }?.findings.contains { $0.code == "slug-mismatch" } == true)
        #expect(expected.contains { !$0.dialects.isEmpty })

        let first = Self.run(workspace, database)
        #expect(first.made == all)
        #expect(first.values == expected)
        let warm = Self.run(workspace, database)
        #expect(warm.made == [])
        #expect(warm.values == expected)
        // Read anew on demand (--all), with the same values.
        let reread = Self.run(workspace, database, reread: true)
        #expect(reread.made == all)
        #expect(reread.values == expected)

        // One file changed: only its dataset is read again, and shows the change.
        try Self.rewrite(workspace, "beispielstadt/municipality.yaml", "slug: beispielstadt", "slug: beispielstad")
        let changed = Self.run(workspace, database)
        #expect(changed.made == ["beispielstadt"])
        #expect(changed.values == Self.fresh(workspace))
        #expect(changed.values != expected)
        #expect(changed.values.first?.findings.contains { $0.code == "slug-mismatch" } == true)
        // And back, a write of another size right after.
        try Self.rewrite(workspace, "beispielstadt/municipality.yaml", "slug: beispielstad\n", "slug: beispielstadt\n")
        #expect(Self.run(workspace, database).values == expected)
        #expect(Self.run(workspace, database).made == [])

        // A missing file is a finding, kept as such; the file back, the dataset is read again.
        let tallies = try workspace.contents("beispielstadt/tallies.csv")
        try FileManager.default.removeItem(at: workspace.file("beispielstadt/tallies.csv"))
        let missing = Self.run(workspace, database)
        #expect(missing.made == ["beispielstadt"])
        #expect(missing.values.first?.findings.contains { $0.code == "missing-file" } == true)
        #expect(Self.run(workspace, database).values == missing.values)
        #expect(Self.run(workspace, database).made == [])
        try tallies.write(to: workspace.file("beispielstadt/tallies.csv"))
        #expect(Self.run(workspace, database).values == expected)
    }

    @Test func aChangeOfTheReferenceDataReadsEveryDatasetAgainForAValidation() throws {
        let workspace = try Fixtures.workspace(["beispielstadt", "bomstadt"])
        defer { Fixtures.remove(workspace) }
        let database = try BenchDatabase(path: workspace.root.appendingPathComponent(".bench/bench.sqlite"))
        _ = Self.run(workspace, database)
        _ = Self.run(workspace, database, name: "list", validated: false)
        #expect(Self.run(workspace, database).made == [])
        // An OZG-Leistung less in the catalogue: the services that name it are findings now.
        let catalogue = String(decoding: try workspace.contents("reference/ozg_leistungen.csv"), as: UTF8.self)
        let lines = catalogue.split(separator: "\n", omittingEmptySubsequences: false)
        let before = Self.fresh(workspace)
        var removed: [Made] = before
        for index in 1..<lines.count where !lines[index].isEmpty {
            try Data((lines[..<index] + lines[(index + 1)...]).joined(separator: "\n").utf8).write(to: workspace.file("reference/ozg_leistungen.csv"))
            removed = Self.fresh(workspace)
            if removed != before { break }
        }
        #expect(removed != before, "some OZG-Leistung of the catalogue is named by a dataset")
        let changed = Self.run(workspace, database)
        #expect(changed.made == ["beispielstadt", "bomstadt"])
        #expect(changed.values == removed)
        // Any other file there counts too (the register, the size classes): a new one reads every dataset again.
        try Data("ags,ars,name\n".utf8).write(to: workspace.file("reference/register.csv"))
        #expect(Self.run(workspace, database).made == ["beispielstadt", "bomstadt"])
        #expect(Self.run(workspace, database).made == [])
        // What `list` keeps does not depend on the reference data.
        #expect(Self.run(workspace, database, name: "list", validated: false).made == [])
        #expect(Self.run(workspace, database, name: "list", validated: false).values == Self.fresh(workspace, validated: false))
    }

    @Test func whatIsKeptBelongsToWhoMadeItAndToTheDatasetsThereAre() throws {
        let workspace = try Fixtures.workspace(["beispielstadt", "bomstadt"])
        defer { Fixtures.remove(workspace) }
        let database = try BenchDatabase(path: workspace.root.appendingPathComponent(".bench/bench.sqlite"))
        _ = Self.run(workspace, database)
        // Another bench (salt): everything is read again; none: nothing is kept.
        #expect(Self.run(workspace, database, salt: "test 2").made == ["beispielstadt", "bomstadt"])
        #expect(Self.run(workspace, database, salt: "test 2").made == [])
        #expect(Self.run(workspace, database, salt: nil).made == ["beispielstadt", "bomstadt"])
        // Without a database, every dataset is read.
        #expect(Self.run(workspace, nil).made == ["beispielstadt", "bomstadt"])
        // A few datasets named: only theirs are looked up.
        #expect(Self.run(workspace, database, salt: "test 2", only: [Slug("bomstadt")!]).made == [])
        // A dataset gone: what was kept of it is deleted with the next run over all datasets.
        try FileManager.default.removeItem(at: workspace.file("bomstadt"))
        #expect(Self.run(workspace, database, salt: "test 2").values == Self.fresh(workspace))
        let kept = try database.read { try String.fetchAll($0, sql: "SELECT dataset FROM dataset_memo ORDER BY dataset") }
        #expect(kept == ["beispielstadt"])
    }

    @Test func aDamagedMemoIsReadAgain() throws {
        let workspace = try Fixtures.workspace(["beispielstadt"])
        defer { Fixtures.remove(workspace) }
        let database = try BenchDatabase(path: workspace.root.appendingPathComponent(".bench/bench.sqlite"))
        let expected = Self.run(workspace, database).values
        try database.write { try $0.execute(sql: "UPDATE dataset_memo SET data = x'7b'") }
        let again = Self.run(workspace, database)
        #expect(again.made == ["beispielstadt"])
        #expect(again.values == expected)
    }
}
