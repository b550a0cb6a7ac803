import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func theBundledDatasetsAreClean() throws {
        let result = try BenchProcess.run(["validate"], in: BenchProcess.repositoryRoot)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("aachen: ok (0 errors, 0 warnings)"))
        #expect(result.stdout.contains("leverkusen: ok (0 errors, 0 warnings)"))
    }

    @Test func printsEveryFindingWithFileLineAndColumnAndExitsOne() throws {
        let workspace = try TemporaryWorkspace(copying: ["aachen"])
        defer { workspace.remove() }
        var tallies = try workspace.read("Datasets/aachen/tallies.csv")
        tallies = tallies.replacingOccurrences(of: "2024,leika-leistung,part,Digital,283,", with: "2024,leika-leistung,part,Digital,-283,")
        tallies = tallies.replacingOccurrences(of: "2023,leika-leistung,part,PDF,218,", with: "2023,leika-leistung,part,PDF,2180,")
        try workspace.write(tallies, to: "Datasets/aachen/tallies.csv")
        let indicators = try workspace.read("Datasets/aachen/indicators.csv") + "efa_services_available,19,count,2024-02-31,,exact,,aac-2024-05-mitteilungsvorlage,,\n"
            + "it_projects_planned,197,count,2024-05-28,2024,exact,,nowhere,,\n"
        try workspace.write(indicators, to: "Datasets/aachen/indicators.csv")

        let result = try BenchProcess.run(["validate", "aachen"], in: workspace.root)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Datasets/aachen/tallies.csv:9:") && $0.contains("[negative-count]") })
        #expect(lines.contains { $0.hasPrefix("Datasets/aachen/tallies.csv:7:") && $0.contains("[tally-exceeds-total]") })
        #expect(lines.contains { $0.hasPrefix("Datasets/aachen/indicators.csv:11:") && $0.contains("[bad-date]") })
        #expect(lines.contains { $0.hasPrefix("Datasets/aachen/indicators.csv:12:1:") && $0.contains("[unknown-source]") })
        #expect(lines.contains { $0.hasPrefix("Datasets/aachen/indicators.csv:12:1:") && $0.contains("(first on line 9)") })
        #expect(lines.last == "aachen: invalid (5 errors, 0 warnings)")
    }

    @Test func warnsAboutAnIndicatorWithoutGermanName() throws {
        let workspace = try TemporaryWorkspace(copying: ["aachen"])
        defer { workspace.remove() }
        let indicators = try workspace.read("Datasets/aachen/indicators.csv")
            + "kiosk_terminals,4,count,2024-05-28,,exact,,aac-2024-05-mitteilungsvorlage,Neue Kennzahl.,\n"
        try workspace.write(indicators, to: "Datasets/aachen/indicators.csv")
        let result = try BenchProcess.run(["validate", "aachen"], in: workspace.root)
        #expect(result.status == 0, "a warning does not fail validation")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Datasets/aachen/indicators.csv:11:1:") && $0.contains("[indicator-without-label]")
            && $0.contains("kiosk_terminals") })
        #expect(lines.last == "aachen: ok (0 errors, 1 warning)")
        // With a label in a column of its own, the warning is gone.
        let labelled = indicators.replacingOccurrences(of: "indicator,value,unit,snapshot,period,qualifier,subject,source_id,note,about",
                                                       with: "indicator,value,unit,snapshot,period,qualifier,subject,source_id,note,about,label")
            .split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                line.isEmpty || index == 0 ? String(line) : String(line) + (line.hasPrefix("kiosk_terminals") ? ",Selbstbedienungsterminals" : ",")
            }.joined(separator: "\n")
        try workspace.write(labelled, to: "Datasets/aachen/indicators.csv")
        let again = try BenchProcess.run(["validate", "aachen"], in: workspace.root)
        #expect(again.stdout.contains("aachen: ok (0 errors, 0 warnings)"), "\(again.stdout)")
    }

    @Test func reportsFindingsAsJSON() throws {
        let workspace = try TemporaryWorkspace(copying: ["aachen"])
        defer { workspace.remove() }
        try workspace.write("snapshot,unit,role,status,count,source_id,note\n", to: "Datasets/aachen/tallies.csv")
        let result = try BenchProcess.run(["validate", "--format", "json"], in: workspace.root)
        #expect(result.status == 1)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let findings = try #require(reports.first?["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["code"] as? String == "missing-column")
        let location = try #require(findings.first?["location"] as? [String: Any])
        #expect(location["file"] as? String == "Datasets/aachen/tallies.csv")
        #expect(location["line"] as? Int == 1)
    }

    @Test func aMalformedFileGivesAFindingNotACrash() throws {
        let workspace = try TemporaryWorkspace(copying: ["aachen"])
        defer { workspace.remove() }
        try workspace.write("slug: aachen\nname: [StädteRegion\n", to: "Datasets/aachen/municipality.yaml")
        try workspace.write("id,title,type,reference,date,body,location,note\n\"unterminated,x\n", to: "Datasets/aachen/sources.csv")
        let result = try BenchProcess.run(["validate", "aachen"], in: workspace.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Datasets/aachen/municipality.yaml:3:1: error: the YAML cannot be read"))
        #expect(result.stdout.contains("Datasets/aachen/sources.csv:2:1: error: a quoted cell is never closed"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test(arguments: ["../aachen", "aachen/..", "a/b", "/etc", "Aachen"])
    func refusesSlugsWithPathCharacters(slug: String) throws {
        let result = try BenchProcess.run(["validate", slug], in: BenchProcess.repositoryRoot)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a valid slug"))
    }

    @Test func namesTheKnownDatasetsForAnUnknownSlug() throws {
        let result = try BenchProcess.run(["validate", "koeln"], in: BenchProcess.repositoryRoot)
        #expect(result.status == 1)
        #expect(result.stderr == "error: no dataset 'koeln' in Datasets/ (known: aachen, leverkusen)\n")
    }
}

@Suite struct NewAndListCommandTests {
    @Test func aNewDatasetValidatesAtOnceAndIsListed() throws {
        let workspace = try TemporaryWorkspace(copying: ["aachen"])
        defer { workspace.remove() }
        let created = try BenchProcess.run(["new", "koeln", "--name", "Stadt Köln", "--kind", "kreisfreie-stadt", "--ags", "05315000"],
                                           in: workspace.root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try workspace.read("Datasets/koeln/services.csv")
            == "snapshot,name,name_corrected,unit,ozg_id,leika_key,match,status,responsible,source_id,note\n")
        #expect(try workspace.read("Datasets/koeln/municipality.yaml").contains("ags: \"05315000\""))
        let validated = try BenchProcess.run(["validate", "koeln"], in: workspace.root)
        #expect(validated.status == 0)
        #expect(validated.stdout == "koeln: ok (0 errors, 0 warnings)\n")

        let again = try BenchProcess.run(["new", "koeln", "--name", "Stadt Köln", "--kind", "kreisfreie-stadt"], in: workspace.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))

        let listed = try BenchProcess.run(["list", "--format", "json"], in: workspace.root)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["slug"] as? String } == ["aachen", "koeln"])
        let aachen = try #require(entries.first)
        #expect(aachen["kind"] as? String == "staedteregion")
        #expect(aachen["snapshots"] as? [String] == ["2023", "2024", "2024-05-28"])
        let figures = try #require(aachen["figures"] as? [String: Int])
        #expect(figures["services-online"] == 12)
        #expect(figures["efa-uptake"] == 4)
    }

    @Test func refusesASlugThatCouldLeaveTheDatasetsFolder() throws {
        let workspace = try TemporaryWorkspace()
        defer { workspace.remove() }
        let result = try BenchProcess.run(["new", "../escape", "--name", "X", "--kind", "kreis"], in: workspace.root)
        #expect(result.status != 0)
        #expect(result.stderr.contains("is not a valid slug"))
        #expect(!FileManager.default.fileExists(atPath: workspace.url("escape").path))
    }

    @Test func everyCommandHasHelpAndTheToolHasAVersion() throws {
        for command in ["validate", "list", "new", "compare"] {
            let result = try BenchProcess.run([command, "--help"], in: BenchProcess.repositoryRoot)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE: bench \(command)"))
        }
        let version = try BenchProcess.run(["--version"], in: BenchProcess.repositoryRoot)
        #expect(version.stdout == "0.1.0\n")
    }
}
