import Comparison
import Domain
import Foundation
import GRDB
import Storage
import SnapshotTesting
import Testing
@testable import Derivation

/// A workspace for one test: a copy of fixture datasets or a synthetic one, with its database in the same folder.
struct TestWorkspace {
    let root: URL

    /// The repository root (the folder with Package.swift), found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The workspaces whose datasets the tests derive from: the bundled datasets, the Storage fixtures, and synthetic
    /// ones (kreisangehörige Gemeinden with projects, tallies and indicators).
    static let fixtures = ["bundled", "storage-fixtures", "synthetic"]

    init(_ fixture: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-derivation-\(UUID().uuidString)")
        switch fixture {
        case "bundled":
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Datasets"), to: root.appendingPathComponent("Datasets"))
        case "storage-fixtures":
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/StorageTests/Fixtures/workspace/Datasets"),
                                             to: root.appendingPathComponent("Datasets"))
        default:
            _ = try SyntheticWorkload(municipalities: 12, snapshots: 2, seed: 31).write(to: root)
        }
    }

    var workspace: Workspace { Workspace(root: root) }
    var database: URL { root.appendingPathComponent("test.sqlite") }

    /// A derivation of this workspace that collects what it logs.
    func derivation(log: Log = Log()) throws -> Derivation {
        try Derivation(workspace: workspace, database: database, log: log.append)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// What a derivation logged.
final class Log: @unchecked Sendable {
    private(set) var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
}

@Suite struct DerivationTests {
    @Test("Without --as-of a comparison takes the digests, with it the datasets")
    func route() throws {
        let pair = try [#require(Slug("leverkusen")), #require(Slug("aachen"))]
        #expect(Derivation.route(for: ComparisonRequest(.named(pair))) == .digests)
        #expect(Derivation.route(for: ComparisonRequest(.peers(of: pair[0]))) == .digests)
        #expect(Derivation.route(for: ComparisonRequest(.named(pair), asOf: PartialDate("2025"))) == .datasets)
        #expect(Derivation.route(for: ComparisonRequest(.peers(of: pair[0]), asOf: PartialDate("2025-06-30"))) == .datasets)
    }

    @Test("A comparison from digests is the comparison from the datasets, first and second run", arguments: TestWorkspace.fixtures)
    func digestsAgreeWithDatasets(fixture: String) throws {
        let test = try TestWorkspace(fixture)
        defer { test.remove() }
        let log = Log()
        let derivation = try test.derivation(log: log)
        let all = try derivation.datasets(nil)
        let slugs = all.datasets.map(\.slug)
        try #require(slugs.count >= 2)
        let pair = [slugs[1], slugs[0]]
        let expected = try ComparisonReport(comparing: all.datasets.filter { pair.contains($0.slug) }.sorted { $0.slug > $1.slug },
                                            reference: all.reference)
        for run in 0..<2 {
            // A new derivation each run, as each command is a new process: the second reads what the first kept.
            let report = try (run == 0 ? derivation : test.derivation(log: log)).comparison(ComparisonRequest(.named(pair)))
            #expect(report == expected)
        }
        #expect(log.lines.isEmpty)
        #expect(try keptDigests(test, role: .subject) == Set(pair))
    }

    @Test("A peer view from digests is the peer view from the datasets, and --as-of takes the datasets")
    func peerView() throws {
        let test = try TestWorkspace("synthetic")
        defer { test.remove() }
        let derivation = try test.derivation()
        let all = try derivation.datasets(nil)
        let subject = try #require(Slug("synth-0001"))
        let expected = try ComparisonReport(peerViewOf: subject, among: all.datasets, reference: all.reference)
        #expect(try derivation.comparison(ComparisonRequest(.peers(of: subject))) == expected)
        #expect(try test.derivation().comparison(ComparisonRequest(.peers(of: subject))) == expected)
        let peers = Set(expected.peerGroup?.members.map(\.slug) ?? [])
        #expect(peers.count >= 2)
        // The import kept a peer digest of every municipality, the peer view's among them.
        #expect(try keptDigests(test, role: .peer) == Set(all.datasets.map(\.slug)))

        let date = try #require(PartialDate("2023-12-31"))
        let dated = try test.derivation().comparison(ComparisonRequest(.peers(of: subject), asOf: date, metrics: [.servicesOnline]))
        #expect(dated == (try ComparisonReport(peerViewOf: subject, among: all.datasets, reference: all.reference, asOf: date,
                                               metrics: [.servicesOnline])))
        #expect(dated != expected)
    }

    @Test("The peer digests an import keeps are byte for byte those derived on demand from the database's datasets",
          arguments: TestWorkspace.fixtures)
    func digestsKeptAtImport(fixture: String) throws {
        let test = try TestWorkspace(fixture)
        defer { test.remove() }
        let log = Log()
        // The first sync imports every dataset (the synthetic workspace in one transaction, the others one by one).
        let all = try test.derivation(log: log).datasets(nil)
        try #require(!all.datasets.isEmpty)
        let queue = try DatabaseQueue(path: test.database.path)
        let kept = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT municipality, data FROM derived_data WHERE name = ?", arguments: [PeerDigest.Role.peer.rawValue])
                .map { ($0[0] as String, [UInt8]($0[1] as Data)) }
        }
        try queue.close()
        let byMunicipality = Dictionary(kept, uniquingKeysWith: { first, _ in first })
        #expect(kept.count == all.datasets.count)
        for dataset in all.datasets {
            let onDemand = PeerDigest(.peer, of: dataset, reference: all.reference).encoded()
            #expect(byMunicipality[dataset.slug.rawValue] == onDemand, "\(dataset.slug)")
        }
        // And they are current: reading them derives none again.
        let database = try BenchDatabase(path: test.database)
        var derived: [Slug] = []
        let read = try database.derivedData(PeerDigest.Role.peer.rawValue, version: String(PeerDigest.version),
                                            for: all.datasets.map(\.slug)) { dataset in
            derived.append(dataset.slug)
            return nil
        }
        #expect(derived.isEmpty)
        #expect(read.count == all.datasets.count)
        #expect(log.lines.isEmpty)
    }

    @Test("A sync without derivations keeps no digest; one of a changed dataset replaces its digest")
    func importDerivationFollowsChanges() throws {
        let test = try TestWorkspace("bundled")
        defer { test.remove() }
        let database = try BenchDatabase(path: test.database)
        _ = try database.synchronize(workspace: test.workspace)
        #expect(try keptDigests(test, role: .peer).isEmpty)
        let subject = try #require(Slug("leverkusen"))
        let file = test.root.appendingPathComponent("Datasets/leverkusen/services.csv")
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        let changed = text.replacingOccurrences(of: ",FB 32,", with: ",FB 32 (Umwelt),")
        try #require(changed != text)
        try Data(changed.utf8).write(to: file)
        let report = try database.synchronize(workspace: test.workspace, deriving: Derivation.importDerivations)
        #expect(report.entry("leverkusen")?.outcome == .imported)
        #expect(report.entry("aachen")?.outcome == .unchanged)
        #expect(try keptDigests(test, role: .peer) == [subject])
        let all = try test.derivation().datasets([subject])
        let queue = try DatabaseQueue(path: test.database.path)
        let kept = try queue.read { db in
            try Data.fetchOne(db, sql: "SELECT data FROM derived_data WHERE name = ? AND municipality = 'leverkusen'",
                              arguments: [PeerDigest.Role.peer.rawValue])
        }
        try queue.close()
        #expect(kept.map { [UInt8]($0) } == PeerDigest(.peer, of: all.datasets[0], reference: all.reference).encoded())
    }

    @Test("A peer view is kept and read again while nothing changed; a damaged one is reported and made again")
    func keptPeerView() throws {
        let test = try TestWorkspace("synthetic")
        defer { test.remove() }
        let subject = try #require(Slug("synth-0001"))
        let request = ComparisonRequest(.peers(of: subject))
        let all = try test.derivation().datasets(nil)
        let expected = try ComparisonReport(peerViewOf: subject, among: all.datasets, reference: all.reference)
        #expect(try test.derivation().comparison(request) == expected)
        let queue = try DatabaseQueue(path: test.database.path)
        let kept = try queue.read { db in
            try Data.fetchOne(db, sql: "SELECT data FROM derived_data WHERE municipality = 'synth-0001' AND name = 'peer-view kind'")
        }
        #expect(try kept.map { try ComparisonReport(encodedPeerView: [UInt8]($0)) } == expected)
        // Read again: the same report, without a word.
        let quiet = Log()
        #expect(try test.derivation(log: quiet).comparison(request) == expected)
        #expect(quiet.lines.isEmpty)
        try queue.write { db in
            try db.execute(sql: "UPDATE derived_data SET data = substr(data, 1, 40) WHERE municipality = 'synth-0001' AND name = 'peer-view kind'")
        }
        try queue.close()
        let log = Log()
        #expect(try test.derivation(log: log).comparison(request) == expected)
        #expect(log.lines.count == 1)
        #expect(log.lines.first?.hasPrefix("warning: synth-0001: the kept peer view cannot be read") == true, "\(log.lines)")
        // Another selection of metrics is another view, not the kept one.
        let online = try test.derivation().comparison(ComparisonRequest(.peers(of: subject), metrics: [.servicesOnline]))
        #expect(online == (try ComparisonReport(peerViewOf: subject, among: all.datasets, reference: all.reference, metrics: [.servicesOnline])))
    }

    @Test("A kept digest that cannot be read is reported, derived again and replaced")
    func unreadableDigest() throws {
        let test = try TestWorkspace("synthetic")
        defer { test.remove() }
        let pair = try [#require(Slug("synth-0002")), #require(Slug("synth-0001"))]
        let expected = try test.derivation().comparison(ComparisonRequest(.named(pair)))
        // Damage one digest: cut it short.
        let queue = try DatabaseQueue(path: test.database.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE derived_data SET data = substr(data, 1, 40) WHERE municipality = 'synth-0001' AND name = ?",
                           arguments: [PeerDigest.Role.subject.rawValue])
        }
        try queue.close()
        let log = Log()
        #expect(try test.derivation(log: log).comparison(ComparisonRequest(.named(pair))) == expected)
        #expect(log.lines.count == 1)
        #expect(log.lines.first?.hasPrefix("warning: synth-0001: a kept digest cannot be read (not a compact encoding at byte") == true,
                "\(log.lines)")
        #expect(log.lines.first?.hasSuffix("; derived again from its dataset") == true)
        // Replaced: the next run reads it without a word.
        let quiet = Log()
        #expect(try test.derivation(log: quiet).comparison(ComparisonRequest(.named(pair))) == expected)
        #expect(quiet.lines.isEmpty)
    }

    @Test("Bytes of another digest version are refused with both versions named")
    func otherVersion() throws {
        let test = try TestWorkspace("bundled")
        defer { test.remove() }
        let all = try test.derivation().datasets(nil)
        var bytes = PeerDigest(subject: all.datasets[0], reference: all.reference).encoded()
        // The version comes first, as a zig-zag variable-length integer: 2 × version.
        #expect(bytes[0] == UInt8(2 * PeerDigest.version))
        bytes[0] = UInt8(2 * (PeerDigest.version + 1))
        #expect(throws: ComparisonError.unreadableDigest("written by digest version \(PeerDigest.version + 1), this bench reads version \(PeerDigest.version)")) {
            try PeerDigest(encoded: bytes)
        }
    }

    @Test("Every digest of every fixture survives a round trip, as subject and as peer", arguments: TestWorkspace.fixtures)
    func roundTrip(fixture: String) throws {
        let test = try TestWorkspace(fixture)
        defer { test.remove() }
        let all = try test.derivation().datasets(nil)
        for dataset in all.datasets {
            for role in PeerDigest.Role.allCases {
                let digest = PeerDigest(role, of: dataset, reference: all.reference)
                let bytes = digest.encoded()
                #expect(try PeerDigest(encoded: bytes) == digest, "\(dataset.slug) as \(role)")
                #expect(digest.encoded() == bytes, "\(dataset.slug) as \(role): the same digest, the same bytes")
                // Any shorter prefix is refused, never read as another digest.
                for length in [0, 1, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
                    #expect(throws: ComparisonError.self) { try PeerDigest(encoded: Array(bytes.prefix(length))) }
                }
            }
        }
    }

    @Test("Datasets are read in the order named, after a sync; an unknown slug in a site's pairs is refused")
    func datasetsAndPairs() throws {
        let test = try TestWorkspace("bundled")
        defer { test.remove() }
        let derivation = try test.derivation()
        let slugs = try [#require(Slug("leverkusen")), #require(Slug("aachen"))]
        #expect(try derivation.datasets(slugs).datasets.map(\.slug) == slugs)
        #expect(try derivation.datasets(nil).datasets.map(\.slug) == slugs.reversed())
        let site = try derivation.site(pairs: nil)
        #expect(site.comparisons.map { $0.participants.map(\.slug) } == [slugs.reversed()])
        let unknown = try #require(Slug("nirgendwo"))
        let error = #expect(throws: StorageError.self) { try derivation.site(pairs: [(slugs[0], unknown)]) }
        #expect(error?.description == "no dataset 'nirgendwo' in Datasets/ (known: aachen, leverkusen)")
        #expect(Derivation.allPairs(try ["c", "a", "b"].map { try #require(Slug($0)) }).map { "\($0.0):\($0.1)" } == ["a:b", "a:c", "b:c"])
    }

    /// The municipalities whose digest in `role` the database keeps.
    func keptDigests(_ test: TestWorkspace, role: PeerDigest.Role) throws -> Set<Slug> {
        let queue = try DatabaseQueue(path: test.database.path)
        defer { try? queue.close() }
        return Set(try queue.read { db in
            try String.fetchAll(db, sql: "SELECT municipality FROM derived_data WHERE name = ?", arguments: [role.rawValue])
        }.compactMap(Slug.init))
    }
}

/// A digest holds what the sections compute, and a kept digest is read again only under the same `PeerDigest.version`:
/// so whatever changes a digest must raise the version. This reviewed copy of two synthetic municipalities' digests is
/// kept under the version's number; when it no longer matches, raise `PeerDigest.version` (which asks for a new
/// reference, recorded on purpose) instead of re-recording this one.
@Suite struct DigestVersionTests {
    @Test("The digests of a synthetic workspace are the reviewed ones of this digest version")
    func reviewedDigests() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-digest-version-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SyntheticWorkload(municipalities: 2, snapshots: 2, seed: 7).write(to: root)
        let all = try Derivation(workspace: Workspace(root: root), database: root.appendingPathComponent("test.sqlite"),
                                 log: { Issue.record("logged: \($0)") }).datasets(nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let digests = all.datasets.flatMap { dataset in
            PeerDigest.Role.allCases.map { PeerDigest($0, of: dataset, reference: all.reference) }
        }
        let json = String(decoding: try encoder.encode(digests), as: UTF8.self) + "\n"
        assertSnapshot(of: json, as: .lines, named: "version-\(PeerDigest.version)")
    }
}
