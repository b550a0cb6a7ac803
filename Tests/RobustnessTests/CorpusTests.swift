import Domain
import Foundation
import Storage
import Testing

/// One file of the bad-input corpus and the finding it must produce (Corpus/cases.csv).
struct CorpusCase: CustomStringConvertible, Sendable {
    var name: String
    var file: String
    /// The file of the base dataset it replaces (`tallies.csv`, `municipality.yaml`, `reference/ozg_leistungen.csv`).
    var replaces: String
    /// The finding's code, or `none` for input that must load cleanly.
    var code: String
    var line: Int
    var column: Int
    var severity: String
    var exit: Int32

    var description: String { name }

    static let corpus = Bundle.module.url(forResource: "Corpus", withExtension: nil)!

    /// The rows of a table of the corpus (`cases.csv`, `imports.csv`) without its header, split at commas.
    static func rows(of table: String) -> [[String]] {
        let text = try! String(contentsOf: corpus.appendingPathComponent(table), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    static let all: [CorpusCase] = rows(of: "cases.csv").map { f in
        CorpusCase(name: f[0], file: f[1], replaces: f[2], code: f[3], line: Int(f[4])!, column: Int(f[5])!,
                   severity: f[6], exit: Int32(f[7])!)
    }
}

/// A workspace holding the corpus's base dataset as `Datasets/musterstadt`.
struct CorpusWorkspace {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-corpus-\(UUID().uuidString)")
        let datasets = root.appendingPathComponent("Datasets")
        try FileManager.default.createDirectory(at: datasets, withIntermediateDirectories: true)
        let base = CorpusCase.corpus.appendingPathComponent("base")
        try FileManager.default.copyItem(at: base, to: datasets.appendingPathComponent("musterstadt"))
        try FileManager.default.moveItem(at: datasets.appendingPathComponent("musterstadt/reference"),
                                         to: datasets.appendingPathComponent("reference"))
    }

    var workspace: Workspace { Workspace(root: root) }

    func path(of replaced: String) -> URL {
        replaced.hasPrefix("reference/")
            ? root.appendingPathComponent("Datasets").appendingPathComponent(replaced)
            : root.appendingPathComponent("Datasets/musterstadt").appendingPathComponent(replaced)
    }

    func replace(_ replaced: String, with data: Data) throws {
        try data.write(to: path(of: replaced))
    }

    /// Every finding `bench validate` would print, in-process.
    func findings() -> [Finding] {
        let (reference, referenceFindings) = workspace.readReference()
        return referenceFindings + workspace.validate(Slug("musterstadt")!, reference: reference).findings
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite struct CorpusTests {
    @Test func theBaseDatasetIsClean() throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        #expect(workspace.findings() == [])
    }

    /// libyaml reads its input in chunks of 16 KB through a pointer to the parser itself; while the parser lived inside
    /// a Swift struct that was moved, every chunk after the first was read through a dead stack frame (found by
    /// `Fuzz/FuzzMetadataReader` with AddressSanitizer on libyaml: `Fuzz/Crashes/FuzzMetadataReader`). A file whose
    /// keys lie past the first 40 KB must read exactly as the same keys at the top.
    @Test func aMetadataFileLongerThanLibyamlsBufferReadsToItsEnd() throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        let base = try Data(contentsOf: workspace.path(of: "municipality.yaml"))
        let padding = String(repeating: "# " + String(repeating: "x", count: 97) + "\n", count: 400)
        try workspace.replace("municipality.yaml", with: Data(padding.utf8) + base)
        #expect(workspace.findings() == [])
        let tagged = String(decoding: base, as: UTF8.self).replacingOccurrences(of: "name: Musterstadt", with: "name: !!str Musterstadt")
        try workspace.replace("municipality.yaml", with: Data((padding + tagged).utf8))
        let findings = workspace.findings()
        #expect(findings.map(\.code) == ["yaml-tag"])
        #expect(findings.first?.location.line == 402 && findings.first?.location.column == 7)
    }

    @Test(arguments: CorpusCase.all)
    func eachCaseGivesItsStatedFinding(_ corpusCase: CorpusCase) throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        let data = try Data(contentsOf: CorpusCase.corpus.appendingPathComponent("cases").appendingPathComponent(corpusCase.file))
        try workspace.replace(corpusCase.replaces, with: data)
        let findings = workspace.findings()
        if corpusCase.code == "none" {
            #expect(findings == [], "\(corpusCase.name) must load cleanly")
            return
        }
        let file = workspace.workspace.displayPath(workspace.path(of: corpusCase.replaces))
        let expected = findings.first { $0.code == corpusCase.code }
        #expect(expected != nil, "\(corpusCase.name): no '\(corpusCase.code)' among \(findings.map(\.description))")
        #expect(expected?.location == Location(file: file, line: corpusCase.line, column: corpusCase.column),
                "\(corpusCase.name): \(findings.map(\.description))")
        #expect(expected?.severity.rawValue == corpusCase.severity)
        #expect(!expected!.expected.isEmpty, "every finding says what to do")
    }

    @Test(arguments: CorpusCase.all)
    func theCommandExitsAsStated(_ corpusCase: CorpusCase) throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        let data = try Data(contentsOf: CorpusCase.corpus.appendingPathComponent("cases").appendingPathComponent(corpusCase.file))
        try workspace.replace(corpusCase.replaces, with: data)
        let result = try runBench(["validate"], in: workspace.root)
        #expect(result.status == corpusCase.exit, "\(corpusCase.name): \(result.stdout)\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "\(corpusCase.name) crashed")
    }

    @Test func aTenMegabyteCellIsRefusedWithItsPosition() throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        let huge = String(repeating: "x", count: 10 * 1024 * 1024)
        let text = "snapshot,name,name_corrected,unit,ozg_id,leika_key,match,status,responsible,source_id,note\n"
            + "2024-05-28,Wohngeld,,ozg-leistung,10092,,exact,Digital,Amt 50,ms-2024,\(huge)\n"
            + "2024-05-28,\"\(huge)\",,ozg-leistung,unknown,,none,Digital,Amt 50,ms-2024,\n"
        try workspace.replace("services.csv", with: Data(text.utf8))
        let findings = workspace.findings().filter { $0.code == "cell-too-long" }
        #expect(findings.map(\.location.line) == [2, 3])
        #expect(findings.map(\.location.column) == [71, 12])
    }
}
