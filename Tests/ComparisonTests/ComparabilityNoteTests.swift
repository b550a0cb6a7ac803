import Domain
import Testing
@testable import Comparison

@Suite("Comparability notes are computed from the data")
struct ComparabilityNoteTests {
    @Test("A changed denominator says by how much, and that count and share moved in opposite directions")
    func denominatorChange() throws {
        let note = try #require(ServicesOnlineSection.denominatorChange(side(districtDataset()), metric: .servicesOnline))
        #expect(note.kind == .denominatorChanged)
        #expect(note.german == "Kreis A: Der Bestand (LeiKa-Leistungen) änderte sich von 835 (2023) auf 1.187 (28.05.2024): "
            + "+352 (+42,2\u{a0}%). Online laut Kommune: 258 → 283 (+25), Anteil 30,9\u{a0}% → 23,8\u{a0}%. Zahl und Anteil bewegen sich "
            + "gegenläufig: Ein größerer Nenner (etwa nach einer Revision des Katalogs, die Leistungen feiner aufteilt) senkt "
            + "den Anteil, auch wenn mehr Leistungen online sind. Anteile vor und nach der Änderung sind nicht vergleichbar.")
    }

    @Test("A denominator change where count and share move together is reported without the warning")
    func denominatorChangeSameDirection() throws {
        var dataset = districtDataset()
        // 2024: Digital 283 of a total 900 (parts no longer cover the total, so no scope bounds matter here).
        dataset.tallies = dataset.tallies.filter { $0.snapshot == date("2023") } + [
            tally("2024-05-28", .leikaLeistung, .part, "Digital", 400),
            tally("2024-05-28", .leikaLeistung, .total, "Alle", 900),
        ]
        let note = try #require(ServicesOnlineSection.denominatorChange(side(dataset), metric: .servicesOnline))
        #expect(note.german.contains("+65 (+7,8\u{a0}%)"))
        #expect(!note.german.contains("gegenläufig"))
    }

    @Test("Snapshot gap: whole days give months and days; a year-only date gives a span")
    func snapshotGap() throws {
        let exact = try #require(CommonNotes.snapshotGap([("A", date("2025-05-23")), ("B", date("2024-05-28"))], metric: .trends))
        #expect(exact.german.hasPrefix("Die Stände liegen ca. 12 Monate (360 Tage) auseinander (A 23.05.2025, B 28.05.2024)"))
        let later = try #require(CommonNotes.snapshotGap([("A", date("2025-12-15")), ("B", date("2024-05-28"))], metric: .trends))
        #expect(later.german.contains("ca. 19 Monate (566 Tage)"))
        let partial = try #require(CommonNotes.snapshotGap([("A", date("2023")), ("B", date("2024-05-28"))], metric: .trends))
        #expect(partial.german.contains("zwischen 5 und 17 Monaten"))
        #expect(partial.german.contains("nur mit Monat oder Jahr"))
        #expect(CommonNotes.snapshotGap([("A", date("2024-05-01")), ("B", date("2024-05-28"))], metric: .trends) == nil)
    }

    @Test("Different levels of government are noted; the same level is not")
    func levels() throws {
        let city = side(cityDataset()), district = side(districtDataset())
        let note = try #require(CommonNotes.levels([city.participant, district.participant], metric: .servicesOnline))
        #expect(note.german == "Stadt B ist eine kreisfreie Stadt und erledigt Gemeinde- und Kreisaufgaben; Kreis A ist eine "
            + "StädteRegion (Gemeindeverband auf Kreisebene) und erledigt Kreisaufgaben. Sie sind für verschiedene Leistungen "
            + "zuständig; Bestand, Zahlen und Anteile beziehen sich auf verschiedene Mengen von Leistungen.")
        var kreis = districtDataset(slug: "kreis-b")
        kreis.municipality.kind = .kreis
        #expect(CommonNotes.levels([district.participant, side(kreis).participant], metric: .servicesOnline) == nil)
    }

    @Test("The full comparison of a city and a district carries every caveat of the worked example")
    func workedExample() throws {
        let report = try ComparisonReport(comparing: [cityDataset(), districtDataset()], reference: reference)
        let services = try #require(report.sections.first { $0.id == .servicesOnline })
        let kinds = Set(services.notes.map(\.kind))
        #expect(kinds.isSuperset(of: [.differentUnits, .differentLevels, .snapshotGap, .unknownValues, .denominatorChanged,
                                       .approximateValues, .mixedSources]))
        let scope = try #require(services.notes.first { $0.german.contains("Kein Optimierungspotenzial") })
        #expect(scope.german.contains("23,8\u{a0}% mit ihnen im Nenner (283 von 1.187), 28,6\u{a0}% ohne sie (283 von 988)"))
        #expect(services.notes.contains { $0.german.contains("Für „in Vorbereitung“ nennt die Quelle keine Zahl; sie ist unbekannt und nicht als 0 gezählt.") })
        let projects = try #require(report.sections.first { $0.id == .projectsPerYear })
        #expect(projects.notes.contains { $0.kind == .differentScopes && $0.german.contains("Gesamtzahl „IT-Projekte und -Maßnahmen geplant für 2024“: 197") })
        #expect(services.comparability == .withCaveats)
    }
}
