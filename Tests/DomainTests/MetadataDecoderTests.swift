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
}
