import Domain
import Testing

@Suite struct MetadataDecoderTests {
    func fields(_ pairs: [(String, String)]) -> [String: MetadataField] {
        Dictionary(uniqueKeysWithValues: pairs.enumerated().map { index, pair in
            (pair.0, MetadataField(value: pair.1, line: index + 1, column: pair.0.count + 3))
        })
    }

    let valid: [(String, String)] = [("slug", "leverkusen"), ("name", "Stadt Leverkusen"), ("kind", "kreisfreie-stadt"),
                                     ("land", "Nordrhein-Westfalen"), ("ags", "05316000"), ("ars", "053160000000")]

    @Test func decodesAValidFile() throws {
        let (municipality, findings) = MetadataDecoder.municipality(fields(valid), file: "m.yaml", folder: Slug("leverkusen")!)
        #expect(findings.isEmpty)
        let value = try #require(municipality)
        #expect(value.kind == .kreisfreieStadt)
        #expect(value.kind.level == .municipalAndDistrict)
        #expect(value.ags == .known("05316000"))
        #expect(value.synthetic == false)
    }

    @Test func reportsEachProblemAtItsLine() {
        var pairs = valid
        pairs[0] = ("slug", "koeln")
        pairs[2] = ("kind", "Stadt")
        pairs[4] = ("ags", "5316000")
        pairs.append(("einwohner", "163000"))
        let (municipality, findings) = MetadataDecoder.municipality(fields(pairs), file: "m.yaml", folder: Slug("leverkusen")!)
        #expect(municipality == nil)
        #expect(findings.map(\.code).sorted() == ["bad-key", "slug-mismatch", "unknown-key", "unknown-word"])
        #expect(findings.first { $0.code == "bad-key" }?.location == Location(file: "m.yaml", line: 5, column: 6))
    }

    @Test func reportsMissingKeys() {
        let (_, findings) = MetadataDecoder.municipality(fields([("slug", "x")]), file: "m.yaml", folder: Slug("x")!)
        #expect(findings.filter { $0.code == "missing-key" }.count == 5)
    }

    /// population, population_date and population_source: all three or none; digits only; from 1 to 10 million.
    @Test func population() throws {
        let population = [("population", "163729"), ("population_date", "2019-12-31"),
                          ("population_source", "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Auszug GV 4. Quartal 2020")]
        let (municipality, findings) = MetadataDecoder.municipality(fields(valid + population), file: "m.yaml", folder: Slug("leverkusen")!)
        #expect(findings.isEmpty)
        #expect(try #require(municipality).population == Population(count: 163_729, date: PartialDate("2019-12-31")!,
                                                                     source: population[2].1))
        func codes(_ pairs: [(String, String)]) -> [String] {
            MetadataDecoder.municipality(fields(valid + pairs), file: "m.yaml", folder: Slug("leverkusen")!).1.map { "\($0.code) \($0.location.line!)" }
        }
        #expect(codes(Array(population.prefix(2))) == ["incomplete-population 7"])
        #expect(codes([population[2]]) == ["incomplete-population 7"])
        #expect(codes([("population", "163.729")] + population.dropFirst()) == ["bad-population 7"])
        #expect(codes([("population", "163 729")] + population.dropFirst()) == ["bad-population 7"])
        #expect(codes([("population", "0")] + population.dropFirst()) == ["bad-population 7"])
        #expect(codes([("population", "10000001")] + population.dropFirst()) == ["bad-population 7"])
        #expect(codes([("population", "-5")] + population.dropFirst()) == ["bad-population 7"])
        #expect(codes([population[0], ("population_date", "31.12.2019"), population[2]]) == ["bad-date 8"])
        #expect(codes([("population", "10000000")] + population.dropFirst()).isEmpty)
    }

    /// Where municipality.yaml contradicts the register: a warning naming both values and the register's row.
    @Test func registerContradictions() throws {
        let date = PartialDate("2019-12-31")!
        let leverkusen = RegisterEntry(ags: "05316000", ars: "053160000000", name: "Leverkusen, Stadt", kind: .kreisfreieStadt, landCode: "05",
                                       land: "Nordrhein-Westfalen", kreis: "05316", population: Population(count: 163_729, date: date, source: "Destatis"))
        let aachen = RegisterEntry(ags: "05334", ars: "05334", name: "Städteregion Aachen", kind: .staedteregion, landCode: "05",
                                   land: "Nordrhein-Westfalen", kreis: "05334", population: nil)
        let register = MunicipalityRegister([leverkusen, aachen], places: [Location(file: "register.csv", line: 2), Location(file: "register.csv", line: 3)])
        func check(_ municipality: Municipality) -> [String] {
            register.contradictions(municipality) { Location(file: "m.yaml", line: MetadataDecoder.keys.firstIndex(of: $0)! + 1) }
                .map { "\($0.location) \($0.severity) \($0.code): \($0.found)" }
        }
        var city = Municipality(slug: Slug("leverkusen")!, name: "Stadt Leverkusen", kind: .kreisfreieStadt, land: "Nordrhein-Westfalen",
                                ags: .known("05316000"), ars: .known("053160000000"), population: Population(count: 163_729, date: date, source: "x"))
        #expect(check(city).isEmpty)
        // The same level of government, another kind's name: no contradiction.
        city.kind = .stadtkreis
        #expect(check(city).isEmpty)
        city.kind = .kreis
        city.population = Population(count: 163_000, date: date, source: "Ratsvorlage")
        #expect(check(city) == [
            "m.yaml:3 warning register-mismatch: kind is kreis (Kreisaufgaben), but the register's row 05316000 'Leverkusen, Stadt' (register.csv:2) says kreisfreie-stadt (Gemeinde- und Kreisaufgaben)",
            "m.yaml:9 warning register-mismatch: population is 163000 on 2019-12-31, but the register's row 05316000 'Leverkusen, Stadt' (register.csv:2) says 163729 on the same date (Destatis)",
        ])
        // Another date is no contradiction: populations change.
        city.kind = .kreisfreieStadt
        city.population = Population(count: 163_000, date: PartialDate("2023-12-31")!, source: "IT.NRW")
        #expect(check(city).isEmpty)
        // A dashboard's 12-digit Kreis ARS finds the Kreis; an unknown AGS is named.
        let kreis = Municipality(slug: Slug("aachen")!, name: "StädteRegion Aachen", kind: .staedteregion, land: "Nordrhein-Westfalen",
                                 ags: .known("05334999"), ars: .known("053340000000"))
        #expect(check(kreis) == ["m.yaml:5 warning not-in-register: ags 05334999 is not in the municipality register (Datasets/reference/register.csv)"])
        #expect(MunicipalityRegister([]).contradictions(kreis) { _ in Location(file: "m.yaml") }.isEmpty)
    }
}
