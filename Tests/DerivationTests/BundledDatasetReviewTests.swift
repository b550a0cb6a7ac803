import Comparison
import Domain
import Foundation
import Storage
import Testing

/// The English prose check of dataset notes (#14: "German throughout"): every note a reader sees is German. A note may
/// quote a source in any language, so only the text outside quotation marks is checked, for English function words.
enum EnglishProse {
    /// English words that German text does not use (so that "die", "in", "am", "war" or "also" raise nothing).
    static let words: Set<String> = [
        "the", "of", "and", "is", "are", "was", "were", "which", "with", "not", "from", "this", "that", "these", "those",
        "for", "by", "its", "it", "be", "been", "has", "have", "had", "as", "or", "but", "only", "into", "than", "then",
        "there", "their", "they", "where", "when", "why", "what", "who", "whose", "because", "given", "same", "other",
        "each", "every", "both", "between", "before", "after", "since", "until", "per", "see", "row", "rows", "source",
        "says", "said", "does", "do", "no", "yes", "left", "named", "listed", "printed", "new", "also", "should", "would",
    ]

    /// Words the datasets use as identifiers or values (column values, yes/no words) and a few English loanwords of German
    /// administrative text, allowed outside quotations.
    static let allowed: Set<String> = ["unknown", "yes", "no", "none", "exact", "approx", "at-least", "live", "planned",
                                       "in-progress", "open", "stopped", "own", "efa", "vendor", "ozg", "it-general"]

    /// The text of `note` outside quotation marks („…“, “…”, "…", ‚…‘).
    static func unquoted(_ note: String) -> String {
        var result = ""
        var closing: Character?
        for character in note {
            if let expected = closing {
                if character == expected { closing = nil }
                continue
            }
            switch character {
            case "„", "“": closing = "“"
            case "\"": closing = "\""
            case "‚": closing = "‘"
            default: result.append(character)
            }
        }
        return result
    }

    /// The English words outside quotations, in order (each once).
    static func englishWords(in note: String) -> [String] {
        let text = unquoted(note).lowercased()
        var seen = Set<String>()
        let tokens = text.split { !($0.isLetter || $0 == "-") }.map(String.init)
        return tokens.filter { words.contains($0) && !allowed.contains($0) && seen.insert($0).inserted }
    }

    /// A finding "file:line: words" for every note of the datasets under `datasets` (every folder, `reference/` too, and the files beside them)
    /// whose text outside quotations has two or more English function words, or one where the note is a single sentence.
    static func findings(datasets: URL) throws -> [String] {
        var findings: [String] = []
        let folders = try FileManager.default.contentsOfDirectory(atPath: datasets.path).filter { !$0.hasPrefix(".") }.sorted()
        for folder in folders {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: datasets.appendingPathComponent(folder).path, isDirectory: &isFolder)
            // A file beside the dataset folders (comparisons.csv) is read as the one file of its own "folder".
            let url = isFolder.boolValue ? datasets.appendingPathComponent(folder) : datasets
            let files = isFolder.boolValue ? try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() : [folder]
            for file in files {
                let path = isFolder.boolValue ? "\(folder)/\(file)" : file
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                for (line, note) in notes(file: file, text: text) {
                    let english = englishWords(in: note)
                    if english.count >= 2 || (english.count == 1 && note.count < 60) {
                        findings.append("\(path):\(line): " + english.joined(separator: ", "))
                    }
                }
            }
        }
        return findings
    }

    /// The notes of one file with the line they start on: the `note` column of a CSV, the `note` of municipality.yaml.
    static func notes(file: String, text: String) -> [(Int, String)] {
        if file == DatasetFile.municipality.rawValue {
            guard let range = text.range(of: "\nnote:") else { return [] }
            let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 2
            return [(line, String(text[range.upperBound...]))]
        }
        // Only tables with a note column (not the register's 11,000 rows, which have none) are parsed.
        guard file.hasSuffix(".csv"), text.prefix(while: { $0 != "\n" }).contains("note") else { return [] }
        let records = csvRecords(text)
        guard let header = records.first?.fields, let column = header.firstIndex(of: "note") else { return [] }
        return records.dropFirst().compactMap { record in
            column < record.fields.count && !record.fields[column].isEmpty ? (record.line, record.fields[column]) : nil
        }
    }

    /// A plain reader of the datasets' CSV (comma, double quotes, quoted line breaks): the records with their first line.
    static func csvRecords(_ text: String) -> [(line: Int, fields: [String])] {
        var records: [(Int, [String])] = []
        var fields: [String] = [], field = "", quoted = false, line = 1, start = 1
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": fields.append(field); field = ""
            case "\n":
                fields.append(field); field = ""
                records.append((start, fields)); fields = []
                line += 1; start = line
            case "\r": break
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append((start, fields)) }
        return records
    }
}

@Suite("The bundled datasets after the review of #17")
struct BundledDatasetReviewTests {
    static let datasets = TestWorkspace.repository.appendingPathComponent("Datasets")

    @Test("No dataset note is English prose (quotations of the sources aside)")
    func notesAreGerman() throws {
        let findings = try EnglishProse.findings(datasets: Self.datasets)
        #expect(findings == [], "English prose in dataset notes: \(findings)")
    }

    @Test("The check finds a planted English note, in a CSV and in municipality.yaml")
    func checkFailsOnEnglish() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-english-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.datasets, to: root)
        let indicators = root.appendingPathComponent("aachen/indicators.csv")
        var text = try String(contentsOf: indicators, encoding: .utf8)
        text += "it_projects_planned,5,count,2025,2025,exact,,aac-2024-05-mitteilungsvorlage,"
            + "\"\"\"Die Zahl steht im Bericht\"\" - this is the figure of the report, not an estimate.\",,\n"
        try text.write(to: indicators, atomically: true, encoding: .utf8)
        let yaml = root.appendingPathComponent("leverkusen/municipality.yaml")
        let yamlText = try String(contentsOf: yaml, encoding: .utf8)
        // The finding names the line of `note:`.
        let noteLine = try #require(yamlText.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("note:") }) + 1
        try (yamlText + "  The services list is the annex.\n").write(to: yaml, atomically: true, encoding: .utf8)
        let findings = try EnglishProse.findings(datasets: root)
        #expect(findings.count == 2, "\(findings)")
        #expect(findings.contains { $0.hasPrefix("aachen/indicators.csv:11: ") && $0.contains("this") && $0.contains("the") })
        #expect(findings.contains { $0.hasPrefix("leverkusen/municipality.yaml:\(noteLine): ") && $0.contains("the") && $0.contains("is") })
        // A German note that quotes English stays allowed.
        #expect(EnglishProse.englishWords(in: "Folie „Thank you for the attention“, zitiert.") == [])
        #expect(EnglishProse.englishWords(in: "Stand 2024; the column gives only the year") == ["the", "only"])
    }

    static func report() throws -> ComparisonReport {
        let workspace = Workspace(root: TestWorkspace.repository)
        let (reference, _) = workspace.readReference()
        let leverkusen = try #require(workspace.read(try workspace.slug("leverkusen")).dataset)
        let aachen = try #require(workspace.read(try workspace.slug("aachen")).dataset)
        return try ComparisonReport(comparing: [leverkusen, aachen], reference: reference)
    }

    static func row(_ report: ComparisonReport, _ section: MetricID, _ key: String) -> MetricRow? {
        report.sections.first { $0.id == section }?.rows.first { $0.key == key }
    }

    @Test("Aachen's processes of its form software are no OZG projects: no Eigenentwicklung, no OZG go-live in 2024")
    func aachenProjects() throws {
        let report = try Self.report()
        let own = try #require(Self.row(report, .projectsPerYear, "projects-ozg-channel-own"))
        #expect(own.cells[1].value == .count(0, .atLeast))   // was "mind. 3"
        #expect(own.cells[0].value == .count(3, .atLeast))   // Leverkusen: Wahlhelfende, Feinstaubplakette, Haustierhaltung
        // The 2024 go-lives were the funding programme of 01.04.2024; no side has an OZG go-live in 2024 now.
        #expect(Self.row(report, .projectsPerYear, "projects-ozg-live-2024") == nil)
        let general = try #require(Self.row(report, .projectsPerYear, "projects-it-general-live-2024"))
        #expect(general.cells[1].value == .count(3, .atLeast))
        #expect(general.cells[1].remark.contains("Förderprogramme „steckerfertige Photovoltaikanlagen“"))
        // Aachen's 2024 column is a year: the figures are "Stand 2024", not the report's day.
        let total = try #require(Self.row(report, .servicesOnline, "total"))
        #expect(total.cells[1].asOf == PartialDate("2024"))
        // From "2023" to "2024" no rate per year can be told (it was 250,6–862,9 pro Jahr, resting on the report's day).
        let trend = try #require(Self.row(report, .trends, "trend-total-leika-leistung"))
        #expect(!trend.cells[1].value.isKnown)
        #expect(trend.cells[1].remark == "835 (2023) → 1.187 (2024)")
    }

    @Test("The EfA offer of NRW is shown for Leverkusen too, as a figure of the Land, not as Aachen's")
    func efaAvailable() throws {
        let report = try Self.report()
        let available = try #require(Self.row(report, .efaUptake, "efa-available"))
        for cell in available.cells {
            #expect(cell.value == .count(19, .exact))   // Leverkusen's was "unbekannt (nicht gemeldet)"
            #expect(cell.remark == "Angabe für alle Kommunen in Nordrhein-Westfalen, keine eigene Zahl")
            #expect(cell.sources.map(\.sourceID) == ["aac-2024-05-mitteilungsvorlage"])
        }
        let quoted = try #require(report.sections.first { $0.id == .otherIndicators }?.rows.first { $0.key == "quoted-land:nrw-efa_services_available" })
        #expect(quoted.label == "Zahlen für alle Kommunen in NRW: EfA-Dienste zur Nachnutzung verfügbar")
        // The EGovG NRW deadlines, the i-Kfz stages and the feedback score are no longer Leverkusen's own figures.
        let other = try #require(report.sections.first { $0.id == .otherIndicators })
        #expect(other.rows.filter { $0.key.hasPrefix("quoted-land:nrw-egovg_nrw_deadline") }.count == 7)
        #expect(other.rows.filter { $0.key.hasPrefix("quoted-bund-ikfz_stage_start") }.count == 3)
        let feedback = try #require(other.rows.first { $0.key.hasPrefix("quoted-bund-feedback_ease_of_use") })
        #expect(feedback.cells.map(\.value) == [.number(1.9, unit: "stars-of-5", .exact), .number(1.9, unit: "stars-of-5", .exact)])
    }

    @Test("A plan stays with its document: Führerschein is no 'Go-live geplant 2025' at Stand 15.12.2025")
    func plans() throws {
        let report = try Self.report()
        let projects = try #require(report.sections.first { $0.id == .projectsPerYear })
        let planned = projects.rows.filter { $0.key.hasPrefix("projects-ozg-planned-") }
        #expect(!planned.contains { row in row.cells.contains { $0.remark.contains("Führerschein") } })
        #expect(Self.row(report, .projectsPerYear, "projects-ozg-planned-2025") == nil)
        // The 2016 plan for 2018 is shown at the date of its document.
        let old = try #require(Self.row(report, .projectsPerYear, "projects-it-general-planned-2018"))
        #expect(old.cells[0].asOf == PartialDate("2016"))
        #expect(old.cells[0].remark == "Digitalisierung der Prozesse inkl. E-Akte im Bereich Straßenverkehr (Plan: Stellungnahme von 2016)")
        let next = try #require(Self.row(report, .projectsPerYear, "projects-ozg-planned-2026"))
        #expect(next.cells[0].remark.hasPrefix("Aufenthaltstitel (Plan: Präsentation vom 15.12.2025)"))
        // Pflegewohngeld: "voraussichtlich ab Juni 2025" is an expectation, not "nachnutzbar seit Juni 2025".
        let waiting = try #require(Self.row(report, .efaUptake, "efa-waiting"))
        #expect(waiting.cells[0].value == .count(0, .atLeast))
    }

    @Test("Figures keep the precision of their source: 0,42 % and 0,38 %, not both 0,4 %")
    func precision() throws {
        #expect(GermanFormat.value(.number(0.42, unit: "percent", .exact)) == "0,42\u{a0}%")
        #expect(GermanFormat.value(.number(0.38, unit: "percent", .exact)) == "0,38\u{a0}%")
        #expect(GermanFormat.value(.number(123357068.33, unit: "eur", .exact)) == "123.357.068,33\u{a0}€")
        #expect(GermanFormat.value(.number(1.9, unit: "stars-of-5", .exact)) == "1,9\u{a0}von 5 Sternen")
        #expect(GermanFormat.number(23.9) == "23,9")
        // The rates as the dataset holds them, through the same path every output takes.
        let workspace = Workspace(root: TestWorkspace.repository)
        let leverkusen = try #require(workspace.read(try workspace.slug("leverkusen")).dataset)
        let rates = leverkusen.indicators.filter { $0.indicator == "staff_fluctuation_rate" }.compactMap { $0.value.value?.number }
        #expect(rates.map { GermanFormat.value(.number($0, unit: "percent", .exact)) } == ["0,42\u{a0}%", "0,38\u{a0}%", "0,33\u{a0}%"])
        let report = try Self.report()
        let trends = try #require(report.sections.first { $0.id == .trends })
        // No raw identifier in the trends.
        #expect(!trends.rows.contains { $0.label.contains("_") })
    }
}
