import Foundation
import Testing

/// `bench synth --dashboard-export` and `bench import-dashboard` of many authorities, as a user runs them.
@Suite struct ImportDashboardCommandTests {
    /// Every file under Datasets/ with its bytes.
    static func tree(_ workspace: TemporaryWorkspace) throws -> [String: Data] {
        let root = workspace.url("Datasets")
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func aSyntheticLandExportBecomesOneDatasetPerAuthorityAndASecondImportChangesNoByte() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let synth = try BenchProcess.run(["synth", "--municipalities", "12", "--dashboard-export", "export", "--page-size", "2000"], in: workspace.root)
        #expect(synth.status == 0, "\(synth.stderr)")
        // The workspace's register knows NRW's authorities: the export names 12 of them.
        #expect(synth.stdout.contains("of 12 authorities (12 from the register)"), "\(synth.stdout)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: workspace.url("export").path).sorted().map { "export/" + $0 }
        let first = try BenchProcess.run(["import-dashboard"] + pages + ["--snapshot", "2025-06-30", "--land", "05"], in: workspace.root)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stderr.contains("[1/12] ") && first.stderr.contains("[12/12] "), "progress on standard error: \(first.stderr)")
        #expect(first.stdout.contains("12 authorities written (12 new datasets, 0 unchanged)"), "\(first.stdout)")
        let validate = try BenchProcess.run(["validate"], in: workspace.root)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let before = try Self.tree(workspace)
        let second = try BenchProcess.run(["import-dashboard"] + pages + ["--snapshot", "2025-06-30"], in: workspace.root)
        #expect(second.status == 0)
        #expect(second.stdout.contains("12 authorities written (0 new datasets, 12 unchanged)"), "\(second.stdout)")
        #expect(try Self.tree(workspace) == before)
    }

    @Test func aRefusedAuthorityIsNamedAndTheOthersAreWritten() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        func row(_ key: String, _ ars: String, _ status: String) -> String {
            "{\"leika_key\": \"\(key)\", \"leika_name\": \"Leistung \(key.suffix(4))\", \"ars\": \"\(ars)\", \"ars_federal_state\": \"05\", "
                + "\"ozgid\": 10092, \"online_status\": \"\(status)\", \"aktiv\": \"ja\", \"art_flaechendeckung\": \"landesweit flächendeckend\"}"
        }
        // Leverkusen twice with the same service and different statuses; Bonn sound.
        let page = "{\"content\": [\n" + [row("99107004000000", "053160000000", "ok"), row("99107004000000", "053160000000", "nicht ok"),
                                          row("99107004000000", "053140000000", "ok")].joined(separator: ",\n")
            + "\n], \"number\": 0, \"totalPages\": 1, \"last\": true}\n"
        try workspace.write(page, to: "page.json")
        let result = try BenchProcess.run(["import-dashboard", "page.json", "--snapshot", "2025-06-30", "--include-below", "false"], in: workspace.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("refused: Leverkusen, Stadt (ARS 053160000000) -> leverkusen, nothing written for it:"), "\(result.stderr)")
        #expect(result.stderr.contains("page.json:2:15: error: LeiKa key 99107004000000 of ARS 053160000000 says 'ok'"), "\(result.stderr)")
        #expect(result.stderr.contains("page.json:3:15: error: LeiKa key 99107004000000 of ARS 053160000000 says 'nicht ok'"), "\(result.stderr)")
        #expect(result.stdout.contains("created Datasets/bonn/"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: workspace.url("Datasets/leverkusen").path))
        let sources = try workspace.read("Datasets/bonn/sources.csv")
        #expect(sources.hasSuffix(",yes,no\n"), "includeAbove yes, includeBelow no: \(sources)")
        #expect(try workspace.read("Datasets/bonn/municipality.yaml").contains("kind: kreisfreie-stadt"))
    }
}
