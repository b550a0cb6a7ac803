import Foundation
import Testing

/// Issue 16, item 1: every CSV bench writes for people is safe to open in a spreadsheet. A project named
/// `=HYPERLINK("x")` comes out with an apostrophe in front in `bench compare --format csv` and in the site's
/// downloads; negative numbers stay numbers; the dataset file keeps the name as written.
@Suite struct SpreadsheetCSVTests {
    /// Two datasets; musterstadt's project is named like a formula, and it has a second snapshot a year earlier
    /// (three LeiKa-Leistungen more online), so that its trends are negative.
    static func workspace() throws -> CorpusWorkspace {
        let workspace = try OwnDatabaseTests.twoDatasets()
        let projects = try String(contentsOf: workspace.path(of: "projects.csv"), encoding: .utf8)
        try workspace.replace("projects.csv", with: Data(projects.replacingOccurrences(
            of: "wohngeld,Wohngeld online,", with: "wohngeld,\"=HYPERLINK(\"\"x\"\")\",").utf8))
        let tallies = try String(contentsOf: workspace.path(of: "tallies.csv"), encoding: .utf8)
        try workspace.replace("tallies.csv", with: Data((tallies + """
            2023-05-28,leika-leistung,part,Digital,286,exact,ms-2024,
            2023-05-28,leika-leistung,part,PDF,425,exact,ms-2024,
            2023-05-28,leika-leistung,total,Alle Dienstleistungen,711,exact,ms-2024,

            """).utf8))
        return workspace
    }

    @Test func compareCSVNeutralisesFormulasAndKeepsNegativeNumbers() throws {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        let datasets = try contents(of: workspace.root.appendingPathComponent("Datasets"))
        let result = try runBench(["compare", "musterstadt", "zweitstadt", "--format", "csv"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("efa-uptake,EfA-Projekte in Umsetzung,efa-in-progress,musterstadt,count,1,,,,,count,at-least,2024-05-28,"
                               + "musterstadt/ms-2024,\"'=HYPERLINK(\"\"x\"\")\""), "\(result.stdout)")
        #expect(!result.stdout.contains(",\"=HYPERLINK"))
        #expect(!result.stdout.contains(",=HYPERLINK"))
        // The trends: 286 → 283 online, -3 a year; 40,2 % → 39,8 %, -0.4 percentage points.
        #expect(lines.contains("trends,Online laut Kommune (LeiKa-Leistungen): Veränderung pro Jahr,trend-online-count-leika-leistung,"
                               + "musterstadt,number,-3,,,,,pro Jahr,exact,2024-05-28,musterstadt/ms-2024,286 (28.05.2023) → 283 (28.05.2024)"),
                "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("trends,Anteil online laut Kommune (LeiKa-Leistungen): Veränderung pro Jahr,"
                                              + "trend-online-share-leika-leistung,musterstadt,number,-0.4,,") }, "\(result.stdout)")
        #expect(!result.stdout.contains(",'-"), "no number got an apostrophe")
        // The dataset file keeps the name as written: bench reads it back.
        #expect(try contents(of: workspace.root.appendingPathComponent("Datasets")) == datasets)
    }

    @Test func theSitesDownloadsNeutraliseFormulas() throws {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        let result = try runBench(["export", "site", "--out", "site"], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        let site = try contents(of: workspace.root.appendingPathComponent("site"))
        let projects = String(decoding: try #require(site["/daten/kommune-musterstadt-projekte.csv"]), as: UTF8.self)
        // One line per report of a project, its ID beside its name.
        #expect(projects.contains("\r\n\"'=HYPERLINK(\"\"x\"\")\";wohngeld;OZG-Projekte;In Umsetzung;"), "\(projects)")
        for (name, data) in site where name.hasSuffix(".csv") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("\r\n\"=") && !text.contains(";\"=") && !text.contains("\r\n=") && !text.contains(";="), "\(name)")
        }
    }
}
