import Domain
import Testing

@Suite struct DatasetValidatorTests {
    let validator = DatasetValidator(reference: reference)

    @Test func aSoundDatasetHasNoFindings() {
        #expect(validator.validate(sampleDataset()) == [])
    }

    @Test func reportsAnUnknownSourceAndNamesTheKnownOnes() throws {
        let findings = validator.validate(sampleDataset(indicators: ["efa_services_available,19,count,2024-05-28,,exact,,sr-2023,"]))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == "unknown-source")
        #expect(finding.location == Location(file: "indicators.csv", line: 2, column: 1))
        #expect(finding.expected.contains("sr-2024"))
    }

    @Test func reportsDuplicateRowsWithTheFirstLine() throws {
        let findings = validator.validate(sampleDataset(indicators: [
            "efa_services_available,19,count,2024-05-28,,exact,,sr-2024,",
            "efa_services_available,18,count,2024-05-28,,exact,,sr-2024,",
        ]))
        let finding = try #require(findings.first)
        #expect(findings.map(\.code) == ["duplicate-row"])
        #expect(finding.location.line == 3)
        #expect(finding.found.contains("first on line 2"))
    }

    @Test func reportsPartsThatExceedTheirTotal() {
        let findings = validator.validate(sampleDataset(tallies: [
            "2024-05-28,leika-leistung,part,Digital,283,exact,sr-2024,",
            "2024-05-28,leika-leistung,part,PDF,428,exact,sr-2024,",
            "2024-05-28,leika-leistung,total,Alle Dienstleistungen,700,exact,sr-2024,",
        ]))
        #expect(findings.map(\.code) == ["tally-exceeds-total"])
        #expect(findings.first?.found == "the parts add up to 711, more than the total 700 (leika-leistung at 2024-05-28)")
        #expect(findings.first?.location.line == 4)
    }

    @Test func reportsCompletePartsThatDoNotAddUpToTheTotal() {
        let findings = validator.validate(sampleDataset(tallies: [
            "2024-05-28,leika-leistung,part,Digital,283,exact,sr-2024,",
            "2024-05-28,leika-leistung,part,PDF,428,exact,sr-2024,",
            "2024-05-28,leika-leistung,total,Alle Dienstleistungen,1187,exact,sr-2024,",
        ]))
        #expect(findings.map(\.code) == ["tally-sum-mismatch"])
    }

    @Test func acceptsPartsThatCoverOnlySomeStatusWords() {
        let findings = validator.validate(sampleDataset(tallies: [
            "2024-05-28,leika-leistung,part,Digital,283,exact,sr-2024,",
            "2024-05-28,leika-leistung,total,Alle Dienstleistungen,1187,exact,sr-2024,",
        ]))
        #expect(findings == [])
    }

    @Test func reportsAStatusWordThatIsNotMapped() {
        let findings = validator.validate(sampleDataset(tallies: ["2024-05-28,leika-leistung,part,digital,283,exact,sr-2024,"]))
        #expect(findings.map(\.code) == ["unknown-status"])
        #expect(findings.first?.expected.contains("'Digital'") == true)
    }

    @Test func reportsAServiceMappedToAnOzgIDThatDoesNotExist() {
        let findings = validator.validate(sampleDataset(services: [
            "2024-05-28,Wohngeld,,ozg-leistung,10092,,exact,Digital,,sr-2024,",
            "2024-05-28,Erfunden,,ozg-leistung,99999,,manual,Digital,,sr-2024,",
        ]))
        #expect(findings.map(\.code) == ["unknown-ozg-id"])
        #expect(findings.first?.location.line == 3)
    }

    @Test func warnsWhenAnExactMatchIsNotLetterForLetter() {
        let findings = validator.validate(sampleDataset(services: ["2024-05-28,Wohngeld (Miete),,ozg-leistung,10092,,exact,Digital,,sr-2024,"]))
        #expect(findings.map(\.code) == ["exact-match-differs"])
        #expect(findings.first?.severity == .warning)
    }

    @Test func reportsAMatchMethodThatContradictsTheID() {
        let findings = validator.validate(sampleDataset(services: [
            "2024-05-28,Wohngeld,,ozg-leistung,10092,,none,Digital,,sr-2024,",
            "2024-05-28,Musikschule,,local,none,,manual,Digital,,sr-2024,",
        ]))
        #expect(findings.map(\.code) == ["match-contradiction", "match-contradiction"])
    }

    @Test func reportsASnapshotLaterThanItsSource() {
        let findings = validator.validate(sampleDataset(indicators: ["efa_services_available,19,count,2024-06,,exact,,sr-2024,"]))
        #expect(findings.map(\.code) == ["date-after-source"])
    }

    @Test func reportsImpossibleProjectDates() {
        let findings = validator.validate(sampleDataset(projects: [
            "p1,Projekt,ozg,unknown,2024-05,2024-03,planned,In Umsetzung,2024-05-28,own,,none,sr-2024,",
            "p2,Projekt,ozg,unknown,2024,2025-01,actual,Live,2024-05-28,own,,none,sr-2024,",
            "p3,Projekt,ozg,unknown,2024,2024-05,actual,PDF,2024-05-28,own,,none,sr-2024,",
        ]))
        #expect(findings.map(\.code) == ["go-live-before-start", "actual-go-live-in-future", "not-a-project-status"])
    }

    @Test func reportsAStatusWordMappedTwice() {
        var dataset = sampleDataset()
        let digital = dataset.statusMapping.entries[0]
        var copy = digital
        copy.origin = Location(file: "status_mapping.csv", line: 9, column: 1)
        dataset.statusMapping = StatusMapping(dataset.statusMapping.entries + [copy])
        #expect(validator.validate(dataset).map(\.code) == ["duplicate-row"])
        #expect(dataset.statusMapping["Digital"]?.origin == digital.origin)
    }
}
