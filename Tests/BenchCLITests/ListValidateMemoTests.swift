import Foundation
import Testing

/// `bench list` and `bench validate` take a dataset unchanged since an earlier run from the database (`dataset_memo`)
/// instead of reading it: their output must be the one of reading every file (`--all`), byte for byte, in every
/// format, with warnings, errors, the register's and the indicator names' checks, the folders' and the list of
/// pairs' findings; and a changed file (of a dataset or of the reference data) must show at once.
@Suite struct ListValidateMemoTests {
    /// Every output of list and validate, by its arguments.
    static let commands = [["list"], ["list", "--format", "json"], ["validate"], ["validate", "--format", "json"],
                           ["validate", "leverkusen", "kaputt"]]

    /// The bundled datasets with a finding of every kind: an error (a copy of aachen in a folder of another name), a
    /// warning of the register (leverkusen said to be a Kreis), an indicator without German name, a file saved with
    /// CRLF line ends, a folder that is no slug and a row of the site's pairs that names one dataset twice.
    static func workspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace(copying: ["aachen", "leverkusen"])
        try FileManager.default.copyItem(at: workspace.url("Datasets/aachen"), to: workspace.url("Datasets/kaputt"))
        try FileManager.default.createDirectory(at: workspace.url("Datasets/Koeln"), withIntermediateDirectories: true)
        let metadata = try workspace.read("Datasets/leverkusen/municipality.yaml")
        #expect(metadata.contains("kind: kreisfreie-stadt"))
        try workspace.write(metadata.replacingOccurrences(of: "kind: kreisfreie-stadt", with: "kind: kreis"),
                            to: "Datasets/leverkusen/municipality.yaml")
        try workspace.write(try workspace.read("Datasets/aachen/indicators.csv")
            + "kiosk_terminals,4,count,2024-05-28,,exact,,aac-2024-05-mitteilungsvorlage,Neue Kennzahl.,\n", to: "Datasets/aachen/indicators.csv")
        try workspace.write(try workspace.read("Datasets/aachen/sources.csv").replacingOccurrences(of: "\n", with: "\r\n"),
                            to: "Datasets/aachen/sources.csv")
        try workspace.write(try workspace.read("Datasets/comparisons.csv") + "aachen,aachen,\n", to: "Datasets/comparisons.csv")
        // Files settle before their status is remembered (FileStat.settling): wait for it, so that the second run is warm.
        Thread.sleep(forTimeInterval: 3.2)
        return workspace
    }

    /// Each command's output (and exit status) as `bench` prints it with `extra` arguments.
    static func outputs(_ workspace: TemporaryWorkspace, _ extra: [String] = []) throws -> [String] {
        try commands.map { arguments in
            let result = try BenchProcess.run(arguments + extra, in: workspace.root)
            #expect(result.stderr.isEmpty, "\(arguments + extra): \(result.stderr)")
            return "\(result.status)\n\(result.stdout)"
        }
    }

    @Test func warmOutputIsTheOutputOfReadingEveryFile() throws {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        let cold = try Self.outputs(workspace)
        #expect(FileManager.default.fileExists(atPath: workspace.url(".bench/bench.sqlite").path))
        let warm = try Self.outputs(workspace)
        let reread = try Self.outputs(workspace, ["--all"])
        #expect(warm == cold)
        #expect(reread == cold)
        // Every finding is there, warm as cold.
        let validate = warm[2]
        #expect(validate.hasPrefix("1\n"))
        for expected in ["[bad-folder-name]", "[slug-mismatch]", "[register-mismatch]", "[indicator-without-label]",
                         "aachen/sources.csv: read as UTF-8, comma-separated, CRLF line ends", "Datasets/comparisons.csv:",
                         "kaputt: invalid (1 error, 0 warnings)", "leverkusen: ok (0 errors, 1 warning)"] {
            #expect(validate.contains(expected), "\(expected)")
        }
        #expect(warm[0].contains("kaputt                            (1 errors: run bench validate)"))
        // In a database of another name, from nothing: the same.
        let named = try Self.outputs(workspace, ["--database", workspace.url("other.sqlite").path])
        #expect(named == cold)
    }

    @Test func aChangedFileShowsOnTheNextRun() throws {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        let before = try Self.outputs(workspace)
        #expect(try Self.outputs(workspace) == before)
        // A dataset's file: leverkusen is a kreisfreie Stadt again, the register's warning is gone.
        let metadata = try workspace.read("Datasets/leverkusen/municipality.yaml")
        try workspace.write(metadata.replacingOccurrences(of: "kind: kreis\n", with: "kind: kreisfreie-stadt\n"),
                            to: "Datasets/leverkusen/municipality.yaml")
        let changed = try Self.outputs(workspace)
        #expect(changed != before)
        #expect(changed[2].contains("leverkusen: ok (0 errors, 0 warnings)"))
        #expect(changed[0].contains("leverkusen  Stadt Leverkusen     kreisfreie-stadt"))
        #expect(changed == (try Self.outputs(workspace, ["--all"])))
        // The reference data: the register names Leverkusen otherwise, and the warning (which quotes it) follows,
        // though no file of leverkusen changed.
        try workspace.write(metadata, to: "Datasets/leverkusen/municipality.yaml")
        #expect(try Self.outputs(workspace) == before)
        let register = try workspace.read("Datasets/reference/register.csv")
        #expect(register.contains("Leverkusen, Stadt"))
        try workspace.write(register.replacingOccurrences(of: "Leverkusen, Stadt", with: "Leverkusen"), to: "Datasets/reference/register.csv")
        let renamed = try Self.outputs(workspace)
        #expect(renamed[2].contains("'Leverkusen' (Datasets/reference/register.csv:"))
        #expect(renamed == (try Self.outputs(workspace, ["--all"])))
        // A dataset fixed: its error is gone.
        try workspace.write(try workspace.read("Datasets/kaputt/municipality.yaml").replacingOccurrences(of: "slug: aachen", with: "slug: kaputt"),
                            to: "Datasets/kaputt/municipality.yaml")
        let fixed = try Self.outputs(workspace)
        #expect(!fixed[2].contains("[slug-mismatch]"))
        #expect(fixed == (try Self.outputs(workspace, ["--all"])))
    }

    @Test func aDamagedOrForeignDatabaseIsNoObstacle() throws {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        let expected = try Self.outputs(workspace)
        // Damaged: made anew (with a line on standard error), the output as before.
        try workspace.write("not a database", to: ".bench/bench.sqlite")
        let list = try BenchProcess.run(["list"], in: workspace.root)
        #expect(list.stderr.contains("bench builds it again from Datasets/"))
        #expect("\(list.status)\n\(list.stdout)" == expected[0])
        #expect(try Self.outputs(workspace) == expected)
        // Not bench's (another program's SQLite file at bench's place): left as it is, every file read.
        try FileManager.default.removeItem(at: workspace.url(".bench"))
        try FileManager.default.createDirectory(at: workspace.url(".bench/bench.sqlite"), withIntermediateDirectories: true)
        #expect(try Self.outputs(workspace) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.url(".bench/bench.sqlite").path).isEmpty)
    }
}
