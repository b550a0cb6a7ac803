import Domain
import Testing
@testable import Comparison

@Suite("Conversion between counting units: bounds from the reference catalogue, or a reason")
struct UnitConversionTests {
    /// A full catalogue: bundle 10092 with 3 LeiKa entries, bundle 10173 with 20.
    let fullCatalogue = ReferenceCatalogue(
        services: reference.services.values.sorted { $0.id < $1.id },
        leika: (0..<3).map { LeikaService(key: LeikaKey("9900000000000\($0)")!, name: "W\($0)", typ: "2/3", ozgID: OzgID(10092)) }
            + (0..<20).map { LeikaService(key: LeikaKey(String(99_100_000_000_000 + $0))!, name: "P\($0)", typ: "4", ozgID: OzgID(10173)) })

    func city() -> ServicesOnline { ServicesOnlineSection.current(side(cityDataset()))! }

    @Test("Bundles to LeiKa: distinct named bundles are the lower bound; an unmatched service leaves no upper bound")
    func bundlesWithoutFullCatalogue() {
        let conversion = UnitConversion.leikaEntries(of: city(), mapping: cityDataset().statusMapping, reference: reference)
        // Wohngeld and Parkausweise (named twice) are 2 bundles with 9 + 13 = 22 entries; KaVKA is local; Bildungszugang unmatched.
        #expect(conversion.value == .count(2, .atLeast))
        #expect(conversion.remark == "2 zugeordnete OZG-Leistungen mit zusammen 22 LeiKa-Leistungen (davon 0 kommunal); "
            + "1 ohne Gegenstück im Katalog zählt nicht; keine Obergrenze: 1 online gemeldete Leistung ohne OZG-ID")
    }

    @Test("Bundles to LeiKa: with a full catalogue, an unmatched service widens the upper bound by the largest bundle")
    func bundlesWithFullCatalogue() {
        let conversion = UnitConversion.leikaEntries(of: city(), mapping: cityDataset().statusMapping, reference: fullCatalogue)
        #expect(fullCatalogue.largestBundle == 20)
        #expect(conversion.value == .interval(low: 2, high: 22 + 20, unit: "LeiKa-Leistungen"))
    }

    @Test("Bundles to LeiKa: every service matched gives a closed interval")
    func everyServiceMatched() {
        var dataset = cityDataset()
        dataset.services = dataset.services.filter { $0.unit != .local && $0.ozgID.isKnown }
        dataset.tallies = dataset.tallies.map { var tally = $0; if tally.status == "umgesetzt" { tally.count = .known(3) }; return tally }
        let figures = ServicesOnlineSection.current(side(dataset))!
        let conversion = UnitConversion.leikaEntries(of: figures, mapping: dataset.statusMapping, reference: reference)
        #expect(conversion.value == .interval(low: 2, high: 22, unit: "LeiKa-Leistungen"))
    }

    @Test("LeiKa to bundles: declined without a full catalogue, saying what is known")
    func leikaDeclined() {
        let district = ServicesOnlineSection.current(side(districtDataset()))!
        let conversion = UnitConversion.bundles(of: district, mapping: districtDataset().statusMapping, reference: reference)
        guard case .unknown(let reason) = conversion.value else {
            Issue.record("expected a declined conversion, got \(conversion.value)")
            return
        }
        #expect(reason.hasPrefix("nicht umrechenbar: höchstens 283 OZG-Leistungen"))
    }

    @Test("LeiKa to bundles: with a full catalogue, between ceil(283 / 20) = 15 and 283")
    func leikaWithFullCatalogue() {
        let district = ServicesOnlineSection.current(side(districtDataset()))!
        let conversion = UnitConversion.bundles(of: district, mapping: districtDataset().statusMapping, reference: fullCatalogue)
        #expect(conversion.value == .interval(low: 15, high: 283, unit: "OZG-Leistungen"))
    }

    @Test("The services section shows both units' rows only where the units differ")
    func conversionRows() {
        let mixed = ServicesOnlineSection.build([side(cityDataset()), side(districtDataset())])
        #expect(mixed.rows.map(\.key).suffix(2) == ["online-in-ozg-leistung", "online-in-leika-leistung"])
        let leikaRow = mixed.rows.first { $0.key == "online-in-leika-leistung" }!
        #expect(leikaRow.cells.map(\.value) == [.count(2, .atLeast), .count(283, .exact)])
        #expect(mixed.notes.contains { $0.kind == .differentUnits })
        let same = ServicesOnlineSection.build([side(districtDataset()), side(districtDataset(slug: "kreis-b", name: "Kreis B"))])
        #expect(!same.rows.contains { $0.key.hasPrefix("online-in-") })
        #expect(!same.notes.contains { $0.kind == .differentUnits })
    }
}
