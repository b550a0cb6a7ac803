import Comparison
import Derivation
import Domain
import Foundation
import Presentation
import Storage
import Testing
@testable import BenchCLI

/// `bench compare SLUG --peers` reads the peers' digests the database keeps (`derived_data`) instead of every dataset:
/// its output must be the peer view computed from every dataset, on the first run (digests made) and on the next
/// (digests read), and it must follow a peer's changed files.
@Suite struct PeerViewCacheTests {
    /// A synthetic workspace: 12 municipalities, 10 of them kreisangehörige Gemeinden.
    struct Synthetic {
        let root: URL

        init(seed: Int) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-peers-\(UUID().uuidString)")
            let result = try BenchProcess.run(["synth", "--municipalities", "12", "--snapshots", "2", "--seed", String(seed),
                                               "--out", root.path], in: FileManager.default.temporaryDirectory)
            guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["output": result.stderr]) }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// The peer view as it was made before digests were kept: every dataset read, every side computed. In a database
    /// of its own, so that it neither reads nor writes the digests of the one `bench` uses.
    static func fromEveryDataset(_ subject: String, in root: URL, format: ReportFormat) throws -> String {
        let loaded = try Self.datasets(nil, in: root)
        let report = try ComparisonReport(peerViewOf: try #require(Slug(subject)), among: loaded.datasets, reference: loaded.reference)
        return ReportRenderer.render(report, as: format, colour: false)
    }

    /// The datasets, in a database of their own.
    static func datasets(_ slugs: [Slug]?, in root: URL) throws -> DatasetSelection {
        try Derivation(workspace: Workspace(root: root), database: root.appendingPathComponent("full-\(UUID().uuidString).sqlite"),
                       log: { Issue.record("logged: \($0)") }).datasets(slugs)
    }

    /// Whether the database holds a current digest of every peer of `subject`, one that can be read.
    static func everyDigestKept(of subject: String, in root: URL) throws -> Bool {
        let database = try BenchDatabase(path: root.appendingPathComponent(".bench/bench.sqlite"))
        let municipalities = try database.municipalities()
        let kind = try #require(municipalities.first { $0.slug.rawValue == subject }).kind
        let peers = municipalities.filter { $0.kind == kind && $0.slug.rawValue != subject }.map(\.slug)
        var derived = 0
        let kept = try database.derivedData(PeerDigest.Role.peer.rawValue, version: String(PeerDigest.version), for: peers) { _ in
            derived += 1
            return nil
        }
        let readable = kept.values.filter { (try? PeerDigest(encoded: [UInt8]($0))) != nil }
        return derived == 0 && kept.count == peers.count && readable.count == peers.count && !peers.isEmpty
    }

    @Test("Peer view from kept digests = from every dataset, first and second run", arguments: ["table", "json", "markdown", "csv"])
    func syntheticColdAndWarm(format: String) throws {
        let workspace = try Synthetic(seed: 17)
        defer { workspace.remove() }
        let expected = try Self.fromEveryDataset("synth-0001", in: workspace.root, format: try #require(ReportFormat(rawValue: format)))
        let cold = try BenchProcess.run(["compare", "synth-0001", "--peers", "--peer-group", "kind", "--format", format], in: workspace.root)
        #expect(cold.status == 0, "\(cold.stderr)")
        #expect(cold.stderr.isEmpty)
        #expect(cold.stdout == expected)
        #expect(try Self.everyDigestKept(of: "synth-0001", in: workspace.root))
        let warm = try BenchProcess.run(["compare", "synth-0001", "--peers", "--peer-group", "kind", "--format", format], in: workspace.root)
        #expect(warm.status == 0, "\(warm.stderr)")
        #expect(warm.stderr.isEmpty)
        #expect(warm.stdout == expected)
        // Another subject of the same kind: its peers' digests are mostly those kept already, plus the first subject's.
        let other = try BenchProcess.run(["compare", "synth-0004", "--peers", "--peer-group", "kind", "--format", format], in: workspace.root)
        #expect(other.stdout == (try Self.fromEveryDataset("synth-0004", in: workspace.root, format: try #require(ReportFormat(rawValue: format)))))
    }

    @Test("Peer view of the test fixtures (different units, notes) from kept digests, first and second run")
    func fixturesColdAndWarm() throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        for subject in ["kreis-a", "kreis-c"] {
            for format in [ReportFormat.table, .json] {
                let expected = try Self.fromEveryDataset(subject, in: workspace.root, format: format)
                for _ in 0..<2 {
                    let result = try BenchProcess.run(["compare", subject, "--peers", "--peer-group", "kind", "--format", format.rawValue], in: workspace.root)
                    #expect(result.status == 0, "\(result.stderr)")
                    #expect(result.stderr.isEmpty)
                    #expect(result.stdout == expected)
                }
            }
        }
        // Every digest of the fixtures survives a round trip.
        let all = try Self.datasets(nil, in: workspace.root)
        for dataset in all.datasets {
            for role in PeerDigest.Role.allCases {
                let digest = PeerDigest(role, of: dataset, reference: all.reference)
                #expect(try PeerDigest(encoded: digest.encoded()) == digest, "\(dataset.slug) as \(role)")
            }
        }
    }

    @Test("A peer's changed services.csv is imported and its kept digest not used")
    func changedPeerIsSeen() throws {
        let workspace = try Synthetic(seed: 23)
        defer { workspace.remove() }
        let arguments = ["compare", "synth-0001", "--peers", "--peer-group", "kind", "--format", "json"]
        let before = try BenchProcess.run(arguments, in: workspace.root)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(try Self.everyDigestKept(of: "synth-0001", in: workspace.root))
        // Every service of one peer now online.
        let file = workspace.root.appendingPathComponent("Datasets/synth-0004/services.csv")
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        try Data(text.replacingOccurrences(of: ",PDF,", with: ",Digital,").replacingOccurrences(of: ",Analog,", with: ",Digital,").utf8)
            .write(to: file)
        let after = try BenchProcess.run(arguments, in: workspace.root)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout != before.stdout)
        #expect(after.stdout == (try Self.fromEveryDataset("synth-0001", in: workspace.root, format: .json)))
        #expect(try Self.everyDigestKept(of: "synth-0001", in: workspace.root))
    }

    /// `bench compare A B` as it was made before digests were kept: both datasets read, in a database of its own.
    static func pairFromDatasets(_ slugs: [String], in root: URL, format: ReportFormat) throws -> String {
        let loaded = try Self.datasets(try slugs.map { try #require(Slug($0)) }, in: root)
        return ReportRenderer.render(try ComparisonReport(comparing: loaded.datasets, reference: loaded.reference), as: format, colour: false)
    }

    @Test("A comparison of two from kept digests = from both datasets, first and second run, and after a change",
          arguments: ["table", "json", "markdown", "csv"])
    func pairColdWarmAndChanged(format: String) throws {
        let workspace = try Synthetic(seed: 29)
        defer { workspace.remove() }
        let reportFormat = try #require(ReportFormat(rawValue: format))
        let arguments = ["compare", "synth-0002", "synth-0001", "--format", format]
        let expected = try Self.pairFromDatasets(["synth-0002", "synth-0001"], in: workspace.root, format: reportFormat)
        for _ in 0..<2 {
            let result = try BenchProcess.run(arguments, in: workspace.root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(result.stdout == expected)
        }
        let file = workspace.root.appendingPathComponent("Datasets/synth-0001/services.csv")
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        try Data(text.replacingOccurrences(of: ",Analog,", with: ",Digital,").utf8).write(to: file)
        let changed = try BenchProcess.run(arguments, in: workspace.root)
        #expect(changed.stdout != expected)
        #expect(changed.stdout == (try Self.pairFromDatasets(["synth-0002", "synth-0001"], in: workspace.root, format: reportFormat)))
    }
}
