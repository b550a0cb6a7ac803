import Domain
import Foundation
import Storage
import Testing

/// One file of the import corpus (Corpus/imports.csv): a federal dashboard export or a service catalogue,
/// and the finding it must produce when `bench import-dashboard` or `bench import-catalogue` reads it.
struct ImportCase: CustomStringConvertible, Sendable {
    enum Reader: String, Sendable { case dashboard, catalogue }

    var name: String
    var file: String
    var reader: Reader
    var code: String
    var line: Int
    var column: Int
    var severity: String
    var exit: Int32

    var description: String { name }

    static let folder = CorpusCase.corpus.appendingPathComponent("imports")

    static let all: [ImportCase] = CorpusCase.rows(of: "imports.csv").map { f in
        ImportCase(name: f[0], file: f[1], reader: Reader(rawValue: f[2])!, code: f[3], line: Int(f[4])!,
                   column: Int(f[5])!, severity: f[6], exit: Int32(f[7])!)
    }

    /// A dashboard export read as `bench import-dashboard` reads it: JSON pages or CSV by the file's name.
    static func dashboardExport(_ data: Data, file: String) -> DashboardExport {
        var export = DashboardExport()
        if file.hasSuffix(".json") { export.readJSON(data, file: file) } else { export.readCSV(data, file: file) }
        export.finish()
        return export
    }

    var data: Data { try! Data(contentsOf: Self.folder.appendingPathComponent(file)) }

    /// What bench reads from the file, in-process.
    func findings() -> [Finding] {
        switch reader {
        case .dashboard:
            return Self.dashboardExport(data, file: file).findings
        case .catalogue:
            return CatalogueReading(data: data, file: file).findings
        }
    }
}

/// Every file of a folder with its bytes, to show that a refused import wrote nothing.
func contents(of folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
    for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        result[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
    }
    return result
}

@Suite struct ImportCorpusTests {
    @Test(arguments: ImportCase.all)
    func eachFileGivesItsStatedFinding(_ importCase: ImportCase) {
        let findings = importCase.findings()
        let found = findings.filter { $0.code == importCase.code }
        let expected = Location(file: importCase.file, line: importCase.line, column: importCase.column)
        let match = found.first { $0.location == expected }
        #expect(match != nil, "\(importCase.name): no '\(importCase.code)' at \(expected) among \(findings.map(\.description))")
        #expect(match?.severity.rawValue == importCase.severity)
        #expect(match.map { !$0.found.isEmpty && !$0.expected.isEmpty } == true, "every finding says what is wrong and what to do")
        for finding in findings {
            #expect(finding.location.line != nil && finding.location.column != nil, "\(importCase.name): \(finding) has no position")
        }
        #expect(Set(findings.map(\.location)).count == findings.count, "one finding per place: \(findings.map(\.description))")
    }

    @Test(arguments: ImportCase.all.filter { $0.reader == .dashboard })
    func aRefusedDashboardExportLeavesTheDatasetAsItWas(_ importCase: ImportCase) throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        let file = workspace.root.appendingPathComponent(importCase.file)
        try importCase.data.write(to: file)
        let datasets = workspace.root.appendingPathComponent("Datasets")
        let before = try contents(of: datasets)
        let result = try runBench(["import-dashboard", importCase.file, "--municipality", "musterstadt", "--snapshot", "2025-06-30"],
                                  in: workspace.root)
        #expect(result.status == importCase.exit, "\(importCase.name): \(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("\(importCase.file):"), "the message names the file: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try contents(of: datasets) == before, "\(importCase.name): a refused export must not change the dataset folder")
    }

    @Test(arguments: ImportCase.all.filter { $0.reader == .catalogue })
    func theCatalogueCommandExitsAsStated(_ importCase: ImportCase) throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        try importCase.data.write(to: workspace.root.appendingPathComponent(importCase.file))
        let result = try runBench(["import-catalogue", importCase.file, "--database", "catalogue.sqlite"], in: workspace.root)
        #expect(result.status == importCase.exit, "\(importCase.name): \(result.stdout)\(result.stderr)")
        let output = result.stdout + result.stderr
        #expect(output.contains("\(importCase.file):\(importCase.line):\(importCase.column)"), "\(importCase.name): \(output)")
        #expect(!result.stderr.contains("Fatal error"))
        if importCase.exit != 0 {
            #expect(output.contains("refused, nothing was written") || output.contains("error"), "\(output)")
        }
    }
}
