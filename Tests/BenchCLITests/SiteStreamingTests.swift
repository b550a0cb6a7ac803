@testable import BenchCLI
import Comparison
import Derivation
import Domain
import Foundation
import Presentation
import Storage
import Testing

/// `bench export site` streams the site from the database (the index of every municipality, comparisons from the kept
/// digests, one dataset at a time on every core, the all-figures download piece by piece): the files must be the
/// bytes that rendering every whole dataset in memory gives.
@Suite struct SiteStreamingTests {
    private static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.standardizedFileURL.path))
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
            }
        }
        return result
    }

    /// Both ways into two folders of `workspace`; the files of each.
    private static func bothWays(_ workspace: TemporaryWorkspace, pairs: [(Slug, Slug)]?, options: SiteOptions = SiteOptions(),
                                 rule: PeerRule = .levelAndSize, threshold: Double = 50, tag: String = "")
        throws -> (datasets: [String: Data], streamed: [String: Data], summary: SiteExportSummary) {
        let derivation = try Derivation(workspace: Workspace(root: workspace.root), database: workspace.url("bench.sqlite"), log: { _ in })
        let fromDatasets = workspace.url("aus-datensaetzen" + tag), streamed = workspace.url("gestreamt" + tag)
        _ = try BenchCLI.Bench.Export.Site.fromDatasets(derivation, pairs: pairs, rule: rule, threshold: threshold, options: options,
                                                        to: fromDatasets, force: false)
        let summary = try BenchCLI.Bench.Export.Site.streamed(derivation, pairs: pairs, rule: rule, threshold: threshold,
                                                               options: options, to: streamed, force: false, log: { _ in })
        return (try files(in: fromDatasets), try files(in: streamed), summary)
    }

    private static func expectSame(_ one: [String: Data], _ two: [String: Data]) {
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, data) in one where two[path] != data {
            Issue.record("\(path) differs between the two ways")
        }
    }

    @Test("The bundled datasets give the same bytes both ways")
    func bundled() throws {
        let workspace = try TemporaryWorkspace(copying: ["leverkusen", "aachen"])
        defer { workspace.remove() }
        let (datasets, streamed, summary) = try Self.bothWays(workspace, pairs: [(Slug("leverkusen")!, Slug("aachen")!)],
                                                              options: SiteOptions(contact: "Fachbereich Digitalisierung"))
        Self.expectSame(datasets, streamed)
        #expect(datasets.keys.filter { $0.hasSuffix(".html") }.count == summary.pages)
        #expect(datasets.keys.filter { $0.hasSuffix(".csv") }.count == summary.tables)
        #expect(datasets.count == summary.files)
        // 2 profiles, 2 peer pages, 1 comparison, 1 Land, the start page, Methodik, Quellen, Barrierefreiheit, the site map.
        #expect(summary.pages == 11)
    }

    @Test("Every pair of the comparison fixtures, with the digests kept from the first export, gives the same bytes both ways")
    func everyPair() throws {
        let workspace = try CompareFixtures.workspace()
        defer { workspace.remove() }
        let first = try Self.bothWays(workspace, pairs: nil)
        Self.expectSame(first.datasets, first.streamed)
        // 3 profiles, 3 peer pages, 3 pairs, 1 Land and the 5 pages of the site.
        #expect(first.summary.pages == 15)
        // The second time the digests and profiles come from the database.
        let second = try Self.bothWays(workspace, pairs: nil)
        Self.expectSame(second.datasets, second.streamed)
        #expect(second.streamed == first.streamed)
    }

    @Test("A synthetic census (thousands of records, LeiKa potentials, counted lists) gives the same bytes both ways")
    func synthetic() throws {
        let workspace = try TemporaryWorkspace(reference: false)
        defer { workspace.remove() }
        _ = try SyntheticWorkload(municipalities: 9, snapshots: 3).write(to: workspace.root)
        let slugs = Workspace(root: workspace.root).slugs()
        #expect(slugs.count == 9)
        let pairs = slugs.indices.map { (slugs[$0], slugs[($0 + 1) % slugs.count]) }
        let result = try Self.bothWays(workspace, pairs: pairs)
        Self.expectSame(result.datasets, result.streamed)
        // 9 profiles, 9 peer pages, 9 pairs, 1 Land, the start page, Methodik, Quellen, Barrierefreiheit and the site map.
        #expect(result.summary.pages == 33)
        let figures = String(decoding: try #require(result.streamed["daten/alle-zahlen.json"]), as: UTF8.self)
        #expect(figures.contains("\"rows\" : ["))
    }

    @Test("A Land of 30 dashboard authorities with populations: the potentials of every group give the same bytes both ways, for every rule")
    func potentialsOfGroups() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let (_, imported) = try PotentialsCommandTests.importSynthetic(into: workspace, register: PotentialsCommandTests.register(populations: true))
        #expect(imported.refused.isEmpty && imported.imported.count == 30)
        let slugs = imported.imported.map(\.slug).sorted()
        let rules: [PeerRule] = [.levelAndSize, .all, .list(name: "liste", members: Array(slugs.prefix(4)))]
        for (number, rule) in rules.enumerated() {
            let result = try Self.bothWays(workspace, pairs: [], rule: rule, threshold: 20, tag: "-\(number)")
            Self.expectSame(result.datasets, result.streamed)
            // Real lists, not only declined ones: rows of potentials and of Vorreiter on the profiles.
            func rows(_ suffix: String) -> Int {
                result.streamed.filter { $0.key.hasSuffix(suffix) }.values.reduce(0) { total, data in
                    total + String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n").dropFirst().prefix { !$0.isEmpty }.count
                }
            }
            #expect(rows("-potenziale-liste.csv") > 0, "\(rule.id)")
            #expect(rows("-vorreiter.csv") > 0, "\(rule.id)")
        }
    }
}
