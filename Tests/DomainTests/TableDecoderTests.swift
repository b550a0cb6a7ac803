import Domain
import Testing

@Suite struct TableDecoderTests {
    @Test func decodesAValidServiceRow() throws {
        let (services, findings) = TableDecoder.services(table("services.csv", servicesHeader,
            "2025-05-23,Brauchtfürfeuer,Brauchtumsfeuer,ozg-leistung,unknown,,none,umgesetzt,FB 32,lev-2025,typo in source"))
        #expect(findings.isEmpty)
        let service = try #require(services.first)
        #expect(service.name == "Brauchtfürfeuer")
        #expect(service.displayName == "Brauchtumsfeuer")
        #expect(service.ozgID == .unknown)
        #expect(service.snapshot == date("2025-05-23"))
        #expect(service.responsible == "FB 32")
    }

    @Test func reportsAMissingAndAnExtraColumnAtTheHeader() {
        let (rows, findings) = TableDecoder.tallies(table("tallies.csv",
            "snapshot,unit,role,status,count,qualifer,source_id,note", "2024,leika-leistung,part,PDF,1,exact,s,"))
        #expect(rows.isEmpty)
        #expect(findings.map(\.code).sorted() == ["extra-column", "missing-column"])
        let extra = findings.first { $0.code == "extra-column" }
        #expect(extra?.location == Location(file: "tallies.csv", line: 1, column: 33))
        #expect(extra?.found.contains("qualifer") == true)
    }

    @Test func readsWhoseFigureAndItsLabelAndOldFilesWithoutThem() throws {
        // A file written before the columns `about` and `label` stays valid: its figures are the municipality's own.
        let (old, oldFindings) = TableDecoder.indicators(table("indicators.csv", indicatorsHeader,
            "efa_services_available,19,count,2024-05-28,,exact,,s,"))
        #expect(oldFindings.isEmpty)
        #expect(old.first?.about == .own)
        #expect(old.first?.label == "")
        let (rows, findings) = TableDecoder.indicators(table("indicators.csv", indicatorsHeader + ",about,label",
            "efa_services_available,19,count,2024-05-28,,exact,,s,,land:nrw,",
            "ikfz_stage_start,2015-01-01,date,2016,,exact,Stufe 1,s,,bund,",
            "application_paths_later,7,count,2025-05-28,,exact,Führerschein,s,,,Antragsstrecken für ein Folgeprojekt"))
        #expect(findings.isEmpty)
        #expect(rows.map(\.about) == [.land("nrw"), .bund, .own])
        #expect(rows.map(\.about.description) == ["land:nrw", "bund", ""])
        #expect(rows[2].label == "Antragsstrecken für ein Folgeprojekt")
        #expect(FigureOwner.land("nrw").concerns(land: "Nordrhein-Westfalen"))
        #expect(!FigureOwner.land("nrw").concerns(land: "Bayern"))
        #expect(FigureOwner.bund.concerns(land: "Bayern"))
        // A word the column does not know is an error at its cell, saying what to write.
        let (bad, badFindings) = TableDecoder.indicators(table("indicators.csv", indicatorsHeader + ",about",
            "efa_services_available,19,count,2024-05-28,,exact,,s,,nrw"))
        #expect(bad.isEmpty)
        let finding = try #require(badFindings.first)
        #expect(finding.code == "bad-about")
        #expect(finding.location == Location(file: "indicators.csv", line: 2, column: 55))
        #expect(finding.expected.contains("'land:nrw'") && finding.expected.contains("'bund'"))
    }

    @Test func reportsARowWithTheWrongNumberOfCells() {
        let (_, findings) = TableDecoder.tallies(table("tallies.csv", talliesHeader, "2024,leika-leistung,part,PDF,1,exact,s"))
        #expect(findings.map(\.code) == ["cell-count"])
        #expect(findings.first?.location.line == 2)
        #expect(findings.first?.found == "this row has 7 cells, the header has 8")
    }

    @Test func pointsAtTheColumnOfABadCell() {
        let (_, findings) = TableDecoder.tallies(table("tallies.csv", talliesHeader, "2024-13,leika-leistung,part,PDF,-4,exact,s,"))
        #expect(findings.map(\.code).sorted() == ["bad-date", "negative-count"])
        let negative = findings.first { $0.code == "negative-count" }
        #expect(negative?.location == Location(file: "tallies.csv", line: 2, column: 33))
    }

    @Test(arguments: [
        ("1.187", "not-a-count"), ("12.5", "not-a-count"), ("-1", "negative-count"), ("", "empty-cell"), ("zwölf", "not-a-count"),
    ])
    func refusesCountsThatAreNotWholeNumbers(count: String, code: String) {
        let (rows, findings) = TableDecoder.tallies(table("tallies.csv", talliesHeader, "2024,leika-leistung,part,PDF,\(count),exact,s,"))
        #expect(rows.isEmpty)
        #expect(findings.map(\.code) == [code])
    }

    @Test func keepsUnknownAsUnknownNotZero() throws {
        let (rows, _) = TableDecoder.tallies(table("tallies.csv", talliesHeader, "2024,leika-leistung,part,PDF,unknown,exact,s,"))
        #expect(try #require(rows.first).count == .unknown)
        #expect(rows.first?.count.value == nil)
    }

    @Test(arguments: ["9901200100000", "990120010000000", "99O12001000000"])
    func refusesLeikaKeysThatAreNot14Digits(key: String) {
        let (rows, findings) = TableDecoder.services(table("services.csv", servicesHeader,
            "2024,X,,leika-leistung,unknown,\(key),none,Digital,,s,"))
        #expect(rows.isEmpty)
        #expect(findings.map(\.code) == ["bad-leika-key"])
    }

    @Test func namesTheAllowedWordsForAnUnknownWord() {
        let (_, findings) = TableDecoder.projects(table("projects.csv", projectsHeader,
            "ikfz,i-Kfz,ozg,unknown,2023-07,2025-12,planned,In Umsetzung,2025-05-28,EfA,,2025/3302,lev,"))
        #expect(findings.map(\.code) == ["unknown-word"])
        #expect(findings.first?.expected == "use one of 'efa', 'own', 'vendor', 'unknown'")
    }

    @Test func decodesProjectDatesWithTheirPrecision() throws {
        let (projects, findings) = TableDecoder.projects(table("projects.csv", projectsHeader,
            "ikfz,i-Kfz Stufe 4,ozg,unknown,2023-07,2025-12,actual,Go-Live,2025-12-15,efa,,2025/3302,lev,",
            "abfall,Abfallentsorgung,ozg,10110,unknown,unknown,unknown,offen,2025-12-15,unknown,,none,lev,"))
        #expect(findings.isEmpty)
        #expect(projects[0].start == .known(date("2023-07")))
        #expect(projects[0].goLive.value?.precision == .month)
        #expect(projects[0].motion == "2025/3302")
        #expect(projects[1].motion == nil)
        #expect(projects[1].start == .unknown)
        #expect(projects[1].ozgID == .known(OzgID(10110)))
    }

    @Test func decodesIndicatorNumbersAndDates() throws {
        let (indicators, findings) = TableDecoder.indicators(table("indicators.csv", indicatorsHeader,
            "feedback_ease_of_use,1.9,stars-of-5,2025-05-28,2025,exact,,lev,",
            "egovg_deadline,2018-01-01,date,2016,,exact,E-Akte,lev,",
            "it_projects_planned,unknown,count,2024-05-28,2024,exact,,sr,",
            "devices_tablets,2.5,count,2021,,exact,,lev,"))
        #expect(indicators.count == 3)
        #expect(indicators[0].value == .known(.number(1.9)))
        #expect(indicators[1].value == .known(.date(date("2018-01-01"))))
        #expect(indicators[2].value == .unknown)
        #expect(findings.map(\.code) == ["not-a-count"])
    }

    @Test func acceptsADecimalCommaOnlyInExcelSavedTables() {
        var excel = table("indicators.csv", indicatorsHeader, "feedback_ease_of_use,1;9,stars-of-5,2025,,exact,,lev,")
        excel.rows[0].fields[1] = "1,9"
        excel.decimalComma = true
        #expect(TableDecoder.indicators(excel).0.first?.value == .known(.number(1.9)))
        excel.decimalComma = false
        #expect(TableDecoder.indicators(excel).1.map(\.code) == ["not-a-number"])
    }

    @Test func decodesTheStatusMappingAndChecksMaturityAgainstTheModel() {
        let (entries, findings) = TableDecoder.statusMapping(table("status_mapping.csv", mappingHeader,
            "Digital,3,1.x,yes,yes,,s,",
            "PDF,5,1.x,no,yes,,s,",
            "Stufe 7,7,2.0,yes,yes,,s,",
            "Kein Optimierungspotenzial,unknown,1.x,no,unknown,,s,",
            "offen,unknown,1.x,unknown,yes,open,s,"))
        #expect(findings.map(\.code) == ["bad-maturity"])
        #expect(findings.first?.location.line == 3)
        let mapping = StatusMapping(entries)
        #expect(mapping["Digital"]?.maturity == .known(3))
        #expect(mapping["Stufe 7"]?.maturityModel == .v2)
        #expect(mapping["Kein Optimierungspotenzial"]?.inScope == .unknown)
        #expect(mapping["offen"]?.projectState == .open)
        #expect(mapping["digital"] == nil)  // words are data: matched exactly
        #expect(mapping["PDF"] == nil)
    }
}
