import Foundation
import Testing

/// Issue 16, item 2: bench opens as its own only a database it marked (or a new one). Every case through the built
/// binary: the exit code, the message, and for a file bench did not make that it is byte for byte as it was, with no
/// `-wal`, `-shm` or `-journal` file beside it.
@Suite struct OwnDatabaseTests {
    static let databases = CorpusCase.corpus.appendingPathComponent("databases")

    /// The corpus workspace with a second dataset (a copy of the first), so that there is something to compare.
    static func twoDatasets() throws -> CorpusWorkspace {
        let workspace = try CorpusWorkspace()
        let datasets = workspace.root.appendingPathComponent("Datasets")
        try FileManager.default.copyItem(at: datasets.appendingPathComponent("musterstadt"), to: datasets.appendingPathComponent("zweitstadt"))
        let text = try String(contentsOf: workspace.path(of: "municipality.yaml"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: "slug: musterstadt", with: "slug: zweitstadt").utf8)
            .write(to: datasets.appendingPathComponent("zweitstadt/municipality.yaml"))
        return workspace
    }

    /// The files beside `file` that SQLite would leave there.
    func leftovers(_ file: URL) -> [String] {
        ["-wal", "-shm", "-journal"].map { file.path + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// bench's mark, bytes 68 to 71 of the header.
    func applicationID(_ file: URL) throws -> String {
        let header = try Data(contentsOf: file).prefix(72)
        return String(decoding: header.suffix(4), as: UTF8.self)
    }

    /// Runs `arguments` with `--database` naming `file` (a copy of `data`), and checks that bench refused it, said
    /// `found`, and left the file as it was.
    func refuses(_ data: Data, named name: String, found: String, arguments: [String],
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let workspace = try Self.twoDatasets()
        defer { workspace.remove() }
        let file = workspace.root.appendingPathComponent(name)
        try data.write(to: file)
        let result = try runBench(arguments + ["--database", name], in: workspace.root, timeout: 30)
        #expect(result.status == 1, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("error: database \(file.path): is \(found)"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("changed nothing"), sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("delete"), "never advise deleting a file the user named", sourceLocation: sourceLocation)
        #expect(try Data(contentsOf: file) == data, "the file is byte for byte as it was", sourceLocation: sourceLocation)
        #expect(leftovers(file) == [], sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent(".bench").path), sourceLocation: sourceLocation)
    }

    @Test(arguments: [["import"], ["compare", "musterstadt", "zweitstadt"], ["export", "site", "--out", "site"]])
    func anotherProgramsDatabaseIsRefusedUnchanged(_ arguments: [String]) throws {
        for fixture in ["other-program.sqlite", "other-program-wal.sqlite"] {
            let data = try Data(contentsOf: Self.databases.appendingPathComponent(fixture))
            try refuses(data, named: "other.db", found: "another program's SQLite database (2 tables: notes, tags)", arguments: arguments)
        }
    }

    @Test(arguments: [["import"], ["compare", "musterstadt", "zweitstadt"]])
    func aFileThatIsNoDatabaseIsRefusedUnchanged(_ arguments: [String]) throws {
        try refuses(Data("Notizen zur Sitzung\n".utf8), named: "notes.txt", found: "not an SQLite file but a text file of 20 bytes",
                    arguments: arguments)
        try refuses(Data([0x00, 0xFF, 0x10, 0x80]), named: "blob.bin", found: "not an SQLite file but 4 bytes of other data", arguments: arguments)
    }

    @Test func aFolderIsRefused() throws {
        let workspace = try Self.twoDatasets()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(at: workspace.root.appendingPathComponent("store"), withIntermediateDirectories: false)
        let result = try runBench(["import", "--database", "store"], in: workspace.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("store: is a folder, not a database file; bench changed nothing"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.root.appendingPathComponent("store").path) == [])
    }

    /// A new path and an empty file become bench's database, marked `BNCH`; the next run opens it without a word.
    @Test func aNewOrEmptyFileBecomesBenchsMarkedDatabase() throws {
        let workspace = try Self.twoDatasets()
        defer { workspace.remove() }
        try Data().write(to: workspace.root.appendingPathComponent("empty.db"))
        for name in ["new.db", "empty.db"] {
            let first = try runBench(["import", "--database", name], in: workspace.root)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stderr == "")
            #expect(first.stdout.contains("musterstadt: imported"), "\(first.stdout)")
            let file = workspace.root.appendingPathComponent(name)
            #expect(try applicationID(file) == "BNCH")
            let again = try runBench(["import", "--database", name], in: workspace.root)
            #expect(again.status == 0)
            #expect(again.stdout.contains("musterstadt: unchanged"), "\(again.stdout)")
            #expect(leftovers(file) == [])
        }
    }

    /// A database of a bench from before the mark: refused where the user names it (unchanged), made anew with one
    /// line where it is bench's own in `.bench/`.
    @Test func anEarlierBenchsDatabaseIsRefusedWhereNamedAndRebuiltInItsOwnPlace() throws {
        let workspace = try Self.twoDatasets()
        defer { workspace.remove() }
        #expect(try runBench(["import"], in: workspace.root).status == 0)
        let own = workspace.root.appendingPathComponent(".bench/bench.sqlite")
        var earlier = try Data(contentsOf: own)
        #expect(earlier[68..<72] == Data("BNCH".utf8))
        earlier.replaceSubrange(68..<72, with: [0, 0, 0, 0])
        try refuses(earlier, named: "old.sqlite",
                    found: "a database of an earlier bench, made before bench marked its databases; bench opens only databases it made and marked",
                    arguments: ["import"])

        try earlier.write(to: own)
        let result = try runBench(["compare", "musterstadt", "zweitstadt", "--format", "csv"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "database \(own.path) was a database of an earlier bench, made before bench marked its databases; "
                + "bench builds it again from Datasets/\n")
        #expect(try applicationID(own) == "BNCH")
        let again = try runBench(["compare", "musterstadt", "zweitstadt", "--format", "csv"], in: workspace.root)
        #expect(again.stderr == "")
        #expect(again.stdout == result.stdout)
    }

    /// bench's own database in `.bench/`, damaged or from a newer bench: made anew from `Datasets/`, with one line on
    /// standard error, and the command's output is the one of a fresh database.
    @Test(arguments: ["random bytes", "cut header", "newer version", "damaged pages"])
    func benchsOwnDatabaseIsRebuiltWhenDamaged(_ how: String) throws {
        let workspace = try Self.twoDatasets()
        defer { workspace.remove() }
        let arguments = ["compare", "musterstadt", "zweitstadt", "--format", "csv"]
        let fresh = try runBench(arguments, in: workspace.root)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        let own = workspace.root.appendingPathComponent(".bench/bench.sqlite")
        var data = try Data(contentsOf: own)
        let expected: String
        switch how {
        case "random bytes":
            data = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
            expected = "was not an SQLite file but 5000 bytes of other data"
        case "cut header":
            data = data.prefix(40)
            expected = "was an SQLite file that cannot be read (the file ends inside SQLite's header)"
        case "newer version":
            // GRDB's table of migrations names one this bench does not know: the text of a known one, changed in place.
            // (in the table and in its index).
            let known = Data("v5-file-stat".utf8), future = Data("v9-file-stat".utf8)
            #expect(data.range(of: known) != nil)
            while let at = data.range(of: known) { data.replaceSubrange(at, with: future) }
            expected = "was written by a newer version of bench"
        default:
            // Every page but the first (the header and the schema) overwritten.
            let pageSize = Int(data[16]) << 8 | Int(data[17])
            let pages = (data.count / pageSize) - 1
            data.replaceSubrange(pageSize..<data.count, with: Data(repeating: 0xA5, count: pages * pageSize))
            expected = "was damaged ("
        }
        try data.write(to: own)
        let result = try runBench(arguments, in: workspace.root)
        #expect(result.status == 0, "\(how): \(result.stderr)")
        #expect(result.stderr.hasPrefix("database \(own.path) \(expected)"), "\(how): \(result.stderr)")
        #expect(result.stderr.hasSuffix("; bench builds it again from Datasets/\n"), "\(how): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line")
        #expect(result.stdout == fresh.stdout)
        #expect(try applicationID(own) == "BNCH")
    }

    /// Another program's database in `.bench/` is not bench's either: refused and kept.
    @Test func anotherProgramsDatabaseInBenchsFolderIsRefused() throws {
        let workspace = try Self.twoDatasets()
        defer { workspace.remove() }
        let own = workspace.root.appendingPathComponent(".bench/bench.sqlite")
        try FileManager.default.createDirectory(at: own.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try Data(contentsOf: Self.databases.appendingPathComponent("other-program.sqlite"))
        try data.write(to: own)
        let result = try runBench(["import"], in: workspace.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is another program's SQLite database (2 tables: notes, tags)"), "\(result.stderr)")
        #expect(result.stderr.contains("move it out of .bench/"))
        #expect(try Data(contentsOf: own) == data)
        #expect(leftovers(own) == [])
    }
}
