import Domain
import Foundation
import Testing

/// Files that are not what bench expects (issue 16, items 3 and 4), each through the built binary: the exit code, a
/// message that names the file (and line and column where there is one), no hang, no crash, and no file changed.
@Suite struct OddFileTests {
    /// Runs `arguments` in a corpus workspace prepared by `prepare`, and checks that the run neither hung nor crashed
    /// and left every regular file of `Datasets/` as it was.
    func run(_ arguments: [String], _ prepare: (CorpusWorkspace) throws -> Void,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> BenchResult {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        try prepare(workspace)
        let datasets = workspace.root.appendingPathComponent("Datasets")
        let before = try contents(of: datasets)
        let result = try runBench(arguments, in: workspace.root, timeout: 30)
        #expect(result.status != -1, "bench hung: \(arguments)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error"), "bench crashed: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try contents(of: datasets) == before, "the dataset files changed", sourceLocation: sourceLocation)
        return result
    }

    func output(_ result: BenchResult) -> String { result.stdout + result.stderr }

    @Test(arguments: ["validate", "import"])
    func aNamedPipeWhereAFileBelongsIsNamedAndNeverOpenedForBlockingReading(_ command: String) throws {
        let result = try run([command]) { workspace in
            let path = workspace.path(of: "services.csv").path
            try FileManager.default.removeItem(atPath: path)
            #expect(mkfifo(path, 0o644) == 0)
        }
        #expect(result.status == 1)
        #expect(output(result).contains("Datasets/musterstadt/services.csv: error: this is a named pipe (FIFO)"), "\(output(result))")
        #expect(!output(result).contains("permission"))
    }

    @Test func aFolderWhereAFileBelongsIsCalledAFolder() throws {
        let result = try run(["validate"]) { workspace in
            let url = workspace.path(of: "services.csv")
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        }
        #expect(result.status == 1)
        #expect(result.stdout.contains("Datasets/musterstadt/services.csv: error: this is a folder, not a file"), "\(output(result))")
        #expect(!output(result).contains("NSCocoaErrorDomain"))
    }

    @Test func aLinkOutOfTheWorkspaceIsNotFollowed() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("bench-outside-\(UUID().uuidString).csv")
        try Data("id,title\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let result = try run(["validate"]) { workspace in
            let url = workspace.path(of: "sources.csv")
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: outside)
        }
        #expect(result.status == 1)
        #expect(result.stdout.contains("Datasets/musterstadt/sources.csv: error: the file is a symbolic link to"), "\(output(result))")
        #expect(result.stdout.contains("outside the workspace"))
    }

    @Test func aFileLargerThanTheLimitIsRefusedUnread() throws {
        // A sparse file: 200 MiB by its size, next to nothing on disk.
        let result = try run(["validate"]) { workspace in
            let handle = try FileHandle(forWritingTo: workspace.path(of: "services.csv"))
            try handle.truncate(atOffset: 200 * 1024 * 1024)
            try handle.close()
        }
        #expect(result.status == 1)
        #expect(result.stdout.contains("Datasets/musterstadt/services.csv: error: the file has 209715200 bytes, more than the limit of 134217728 bytes (128 MiB)"),
                "\(output(result))")
    }

    @Test func aTenMegabyteNameInMunicipalityYamlIsRefused() throws {
        let result = try run(["validate"]) { workspace in
            let name = String(repeating: "x", count: 10 * 1024 * 1024)
            let text = try String(contentsOf: workspace.path(of: "municipality.yaml"), encoding: .utf8)
            try workspace.replace("municipality.yaml", with: Data(text.replacingOccurrences(of: "name: Musterstadt", with: "name: \(name)").utf8))
        }
        #expect(result.status == 1)
        #expect(result.stdout.contains("Datasets/musterstadt/municipality.yaml: error: the file has"), "\(output(result).prefix(500))")
        #expect(result.stdout.count < 2_000, "the finding stays short")
    }

    @Test func aLongNameInMunicipalityYamlIsRefusedAtItsPlace() throws {
        let result = try run(["validate"]) { workspace in
            let text = try String(contentsOf: workspace.path(of: "municipality.yaml"), encoding: .utf8)
            let name = String(repeating: "x", count: 201)
            try workspace.replace("municipality.yaml", with: Data(text.replacingOccurrences(of: "name: Musterstadt", with: "name: \(name)").utf8))
        }
        #expect(result.status == 1)
        #expect(result.stdout.contains("municipality.yaml:2:7: error: 'name' has 201 characters"), "\(output(result))")
    }

    /// A workspace whose dataset folder is `Aachen` (no slug), after `musterstadt` was imported as `aachen`.
    func misnamed(_ workspace: CorpusWorkspace) throws {
        let datasets = workspace.root.appendingPathComponent("Datasets")
        let yaml = workspace.path(of: "municipality.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "slug: musterstadt", with: "slug: aachen").utf8).write(to: yaml)
        try FileManager.default.moveItem(at: datasets.appendingPathComponent("musterstadt"), to: datasets.appendingPathComponent("aachen"))
        #expect(try runBench(["import"], in: workspace.root).status == 0)
        try FileManager.default.moveItem(at: datasets.appendingPathComponent("aachen"), to: datasets.appendingPathComponent("Aachen"))
    }

    @Test(arguments: [["validate"], ["import"], ["compare", "aachen", "--peers"]])
    func aFolderWhoseNameIsNoSlugIsAFindingForEveryCommand(_ arguments: [String]) throws {
        let result = try run(arguments, misnamed)
        #expect(result.status == 1, "\(output(result))")
        #expect(output(result).contains("Datasets/Aachen/: error: the folder 'Aachen' is no dataset"), "\(output(result))")
        #expect(output(result).contains("rename the folder to 'aachen'"))
        #expect(!output(result).contains("aachen: removed"))
        #expect(!output(result).contains("no dataset 'aachen'"))
    }

    @Test func otherMisnamedFoldersGetTheirSuggestion() throws {
        let result = try run(["validate"]) { workspace in
            let datasets = workspace.root.appendingPathComponent("Datasets")
            for name in ["aa chen", "aachén"] {
                try FileManager.default.createDirectory(at: datasets.appendingPathComponent(name), withIntermediateDirectories: false)
            }
        }
        #expect(result.status == 1)
        #expect(result.stdout.contains("the folder 'aa chen' is no dataset") && result.stdout.contains("rename the folder to 'aa-chen'"), "\(result.stdout)")
        #expect(result.stdout.contains("the folder 'aachén' is no dataset") && result.stdout.contains("rename the folder to 'aachen'"), "\(result.stdout)")
    }

    @Test(arguments: ["deleted", "dangling link"])
    func aDatasetWithoutItsMunicipalityYamlIsRefusedNotRemoved(_ how: String) throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        #expect(try runBench(["import"], in: workspace.root).status == 0)
        let yaml = workspace.path(of: "municipality.yaml")
        try FileManager.default.removeItem(at: yaml)
        if how == "dangling link" {
            try FileManager.default.createSymbolicLink(atPath: yaml.path, withDestinationPath: "municipality.yml")
        }
        let validate = try runBench(["validate"], in: workspace.root)
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("Datasets/musterstadt/municipality.yaml: error: "
            + (how == "deleted" ? "the file is missing" : "the file is a symbolic link to 'municipality.yml', which does not exist")),
                "\(validate.stdout)")
        let result = try runBench(["import"], in: workspace.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("musterstadt: refused"), "\(result.stdout)")
        #expect(!result.stdout.contains("removed"))
    }

    @Test func aDirectoryGivenToImportCatalogueIsCalledAFolder() throws {
        let result = try run(["import-catalogue", "Datasets", "--database", "catalogue.sqlite"]) { _ in }
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: Datasets: this is a folder, not a file; name the file inside it, not the folder"), "\(result.stderr)")
    }

    @Test func aNamedPipeGivenToImportDashboardIsRefusedAtOnce() throws {
        let result = try run(["import-dashboard", "export.csv", "--municipality", "musterstadt", "--snapshot", "2025-06-30"]) { workspace in
            #expect(mkfifo(workspace.root.appendingPathComponent("export.csv").path, 0o644) == 0)
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: export.csv: this is a named pipe (FIFO)"), "\(result.stderr)")
    }

    @Test func aClaimOfABillionPagesGivesAShortFinding() throws {
        let data = try Data(contentsOf: ImportCase.folder.appendingPathComponent("dashboard-page-count-claim.json"))
        let result = try run(["import-dashboard", "export.json", "--municipality", "musterstadt", "--snapshot", "2025-06-30"]) { workspace in
            try data.write(to: workspace.root.appendingPathComponent("export.json"))
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("export.json:4:12: error: pages 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 999999988 more of 999999999 are missing"),
                "\(result.stderr)")
        #expect(result.stderr.utf8.count < 1_000)
    }

    /// Counts and figures out of range, refused with their place by every command that reads them (they crashed
    /// validate, import, compare and export before).
    @Test(arguments: [["validate"], ["import"], ["compare", "musterstadt", "--peers"], ["export", "site", "--out", "site"]])
    func numbersOutOfRangeAreRefusedByEveryCommand(_ arguments: [String]) throws {
        for (file, replaces, place) in [("count-overflow.csv", "tallies.csv", "tallies.csv:2:40"),
                                        ("indicator-300-digits.csv", "indicators.csv", "indicators.csv:2:24")] {
            let data = try Data(contentsOf: CorpusCase.corpus.appendingPathComponent("cases").appendingPathComponent(file))
            let result = try run(arguments) { try $0.replace(replaces, with: data) }
            #expect(result.status == 1, "\(arguments) \(file): \(output(result))")
            #expect(output(result).contains("Datasets/musterstadt/\(place): error:"), "\(arguments) \(file): \(output(result))")
        }
    }

    @Test(arguments: ["table", "markdown", "csv", "json"])
    func hiddenCharactersAreShownInEveryOutput(_ format: String) throws {
        let result = try run(["compare", "musterstadt", "zweitstadt", "--format", format]) { workspace in
            let datasets = workspace.root.appendingPathComponent("Datasets")
            try FileManager.default.copyItem(at: datasets.appendingPathComponent("musterstadt"), to: datasets.appendingPathComponent("zweitstadt"))
            let text = try String(contentsOf: workspace.path(of: "municipality.yaml"), encoding: .utf8)
            try Data(text.replacingOccurrences(of: "slug: musterstadt", with: "slug: zweitstadt").utf8)
                .write(to: datasets.appendingPathComponent("zweitstadt/municipality.yaml"))
            try workspace.replace("municipality.yaml",
                                  with: Data(text.replacingOccurrences(of: "name: Musterstadt", with: "name: \"Muster\u{202E}stadt\"").utf8))
        }
        #expect(result.status == 0, "\(output(result))")
        #expect(!output(result).unicodeScalars.contains("\u{202E}"), "the override itself never reaches the output")
        #expect(result.stdout.contains("Muster<U+202E>stadt"), "\(format): \(output(result))")
    }

    @Test func hiddenCharactersAreShownOnTheSite() throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        let text = try String(contentsOf: workspace.path(of: "municipality.yaml"), encoding: .utf8)
        try workspace.replace("municipality.yaml",
                              with: Data(text.replacingOccurrences(of: "name: Musterstadt", with: "name: \"Muster\u{202E}stadt\"").utf8))
        let result = try runBench(["export", "site", "--out", "site"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        let site = try contents(of: workspace.root.appendingPathComponent("site"))
        #expect(!site.isEmpty)
        #expect(site.values.allSatisfy { !String(decoding: $0, as: UTF8.self).unicodeScalars.contains("\u{202E}") })
        #expect(site.contains { $0.key.hasSuffix(".html") && String(decoding: $0.value, as: UTF8.self).contains("Muster&lt;U+202E&gt;stadt") })
    }
}
