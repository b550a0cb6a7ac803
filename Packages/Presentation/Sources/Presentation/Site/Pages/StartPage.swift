import Comparison
import Domain

/// The start page: every municipality with its kind, latest snapshot and headline figures, and every comparison.
struct StartPage: Sendable {
    let path = SitePath.start

    func render(_ site: SiteContext) -> RenderedPage {
        let title = "Digitalisierung der Kommunen im Vergleich"
        let intro: [HTMLNode] = [
            .p([("class", "einleitung")], [.text(
                "Wie weit haben die Kommunen ihre Verwaltungsleistungen nach dem Onlinezugangsgesetz (OZG) digitalisiert? "
                    + "Diese Seiten zeigen die Zahlen aus den Berichten der Verwaltungen an ihre Ausschüsse, jede mit Quelle "
                    + "und Stand, und vergleichen sie auf drei Achsen: Leistungen online, EfA-Nachnutzung und Projekte pro Jahr.")]),
            .p([("class", "hinweis")], [
                .strong("Bitte beachten: "),
                .text("Die Kommunen zählen nicht immer dasselbe (OZG-Leistungen oder LeiKa-Leistungen, verschiedene Stichtage "
                    + "und Verwaltungsebenen). Was daraus für einen Vergleich folgt, steht auf jeder Vergleichsseite und in der "),
                .link(path.link(to: .methodology), "Methodik"),
                .text("."),
            ]),
        ]
        let table = DataTable(
            caption: "Kommunen mit Art, neuestem Stand und Kennzahlen",
            columns: ["Kommune", "Art", "Neuester Stand", "Dokumente"] + StartPage.axes.map(\.germanName),
            rows: site.datasets.map { dataset in
                DataTable.Row(header: dataset.municipality.name, cells: [
                    DataTable.Cell(dataset.municipality.kind.germanName),
                    DataTable.Cell(site.snapshotSpans[dataset.slug].map { GermanFormat.date($0.last) } ?? "kein Stand"),
                    DataTable.Cell(GermanFormat.integer(dataset.sources.count)),
                ] + StartPage.axes.map { DataTable.Cell(Headline(dataset: dataset).text(for: $0)) },
                link: .municipality(dataset.slug))
            },
            fileName: "uebersicht-kommunen")
        // Every municipality in two clicks: the Länder here, on each Land's page its Kreise with their municipalities.
        let lands = LandPage.pages(site)
        var content: [HTMLNode] = [
            .heading(2, id: "laender", "Kommunen nach Ländern"),
            .p("Jede Kommune mit ihrer Seite und ihrem Vergleich mit der Vergleichsgruppe, nach Land und Kreis geordnet:"),
            .list(lands.map { land in
                // Kreise by their key; municipalities without one are counted apart, not as a Kreis.
                let kreise = Set(land.datasets.compactMap { LandPage.kreisKey($0.municipality) }).count
                let without = land.datasets.filter { LandPage.kreisKey($0.municipality) == nil }.count
                let count = land.datasets.count, keyed = count - without
                let inKreise = " in " + GermanFormat.integer(kreise) + (kreise == 1 ? " Kreis" : " Kreisen")
                var text = " (" + GermanFormat.integer(count) + (count == 1 ? " Kommune" : " Kommunen")
                if without == 0 {
                    text += inKreise
                } else if keyed == 0 {
                    text += " ohne Gemeindeschlüssel"
                } else {
                    text += ": " + GermanFormat.integer(keyed) + inKreise + ", " + GermanFormat.integer(without) + " ohne Gemeindeschlüssel"
                }
                return .group([.link(path.link(to: land.path), land.name), .text(text + ")")])
            }),
            .heading(2, id: "kommunen", "Kommunen"),
        ]
        var tables: [DataTable] = []
        if site.datasets.count <= StartPage.tableLimit {
            content.append(.p("Die Kennzahlen stehen hier so, wie die neueste Quelle sie nennt, in den Worten der Kommune. Ob und wie sie "
                + "sich vergleichen lassen, zeigen die Vergleiche."))
            content.append(table.html(id: "tabelle-kommunen", page: path) { _ in "" })
            content.append(.heading(2, id: "vergleichsgruppen", "Vergleiche mit der Vergleichsgruppe"))
            content.append(.list(site.datasets.map { dataset in
                .link(path.link(to: .peers(dataset.slug)), dataset.municipality.name + "")
            }))
            tables.append(table)
        } else {
            content.append(.p(GermanFormat.integer(site.datasets.count) + " Kommunen: zu viele für eine Tabelle auf dieser Seite. "
                + "Die Seiten der Länder oben führen zu jeder; ihre Kennzahlen stehen auf ihren Seiten und in der Datei aller Zahlen."))
        }
        content.append(.heading(2, id: "vergleiche", "Vergleiche"))
        if site.comparisons.isEmpty {
            content.append(.p("Diese Veröffentlichung enthält keinen Vergleich."))
        } else {
            content.append(.list(site.comparisons.map { .link(path.link(to: $0.path), ReportWords.title($0.report)) }))
        }
        content.append(.heading(2, id: "alle-zahlen", "Alle Zahlen zum Herunterladen"))
        content.append(.p([], [
            .text("Jede Zahl dieser Seiten, eine Zeile je Zahl, mit Einheit, Stand und Quelle: "),
            .link(path.link(to: .table("alle-zahlen")), [("download", "alle-zahlen.csv")], [.text("alle Zahlen als CSV")]),
            .text(" und "),
            .link(path.link(to: SitePath(AllFigures.jsonPath)), [("download", "alle-zahlen.json")], [.text("dieselben als JSON")]),
            .text(". " + (site.options.licence.map { "Lizenz: " + $0 + "." } ?? "Eine Lizenz ist nicht angegeben; fragen Sie vor einer Weitergabe die herausgebende Stelle.")),
        ]))
        let html = site.layout.page(path, title: title, intro: intro, content: content)
        return RenderedPage(path: path, title: "Übersicht", html: html, tables: tables, footnotes: [:])
    }

    /// The most municipalities the start page lists in a table; more are reached through the pages of the Länder.
    static let tableLimit = 50

    static let axes: [Axis] = [.servicesOnline, .efaUptake, .projectsPerYear]
}

/// A municipality's headline figures: on each axis, what its newest source reports, in its own words.
struct Headline: Sendable {
    var dataset: Dataset

    func text(for axis: Axis) -> String {
        var parts: [String] = []
        var dates: [PartialDate] = []
        if axis == .servicesOnline, let tallies = newestTalliesWithOnlinePart() {
            parts += tallies.map { $0.status + ": " + GermanFormat.value(MunicipalityPage.value($0)) }
            dates.append(tallies[0].snapshot)
            parts[parts.count - 1] += " " + tallies[0].unit.germanName
        }
        let indicators = dataset.indicators.filter { $0.about.isOwn && Axis.of(indicator: $0.indicator) == axis }
        if parts.isEmpty, let newest = indicators.map(\.snapshot).max() {
            let latest = indicators.filter { $0.snapshot == newest }.sorted { ($0.indicator, $0.subject) < ($1.indicator, $1.subject) }
            parts += latest.map { indicator in
                indicator.germanName + (indicator.period.map { " " + GermanFormat.date($0) } ?? "")
                    + ": " + GermanFormat.value(MunicipalityPage.value(indicator))
            }
            dates.append(newest)
        }
        if parts.isEmpty, axis == .efaUptake || axis == .projectsPerYear, let (text, date) = projectHeadline(efa: axis == .efaUptake) {
            parts.append(text)
            dates.append(date)
        }
        guard !parts.isEmpty else { return "keine Angabe" }
        return parts.joined(separator: "; ") + " (Stand " + dates.map(GermanFormat.date).joined(separator: ", ") + ")"
    }

    /// Where no indicator gives the axis a number, what the projects say: how many the sources name (each at its
    /// latest report), and of those how many OZG projects with EfA reuse (`efa`), with the latest report's date.
    private func projectHeadline(efa: Bool) -> (String, PartialDate)? {
        let latest = Dictionary(grouping: dataset.projects, by: \.projectID).compactMap { _, rows in
            rows.max { ($0.statusDate, $0.sourceID) < ($1.statusDate, $1.sourceID) }
        }
        guard let date = latest.map(\.statusDate).max() else { return nil }
        let ozg = latest.filter { $0.scope == .ozg }
        if efa {
            // A channel an earlier report named is not undone by a later one that does not repeat it.
            let named = Set(dataset.projects.filter { $0.channel == .efa }.map(\.projectID))
            let reuse = ozg.filter { named.contains($0.projectID) }
            guard !reuse.isEmpty else { return nil }
            let live = reuse.filter { dataset.statusMapping[$0.status]?.projectState == .live }.count
            return ("OZG-Projekte mit EfA-Nachnutzung genannt: " + GermanFormat.integer(reuse.count) + ", davon live: "
                        + GermanFormat.integer(live), date)
        }
        return ("Projekte genannt: " + GermanFormat.integer(latest.count) + ", davon OZG-Projekte: " + GermanFormat.integer(ozg.count), date)
    }

    /// The newest snapshot's tallies of one unit that count services the mapping calls online, with the total.
    private func newestTalliesWithOnlinePart() -> [Tally]? {
        let online = dataset.tallies.filter { $0.role == .part && dataset.statusMapping[$0.status]?.online == .known(true) }
        guard let newest = online.max(by: { $0.snapshot < $1.snapshot }) else { return nil }
        let sameGroup = dataset.tallies.filter { $0.snapshot == newest.snapshot && $0.unit == newest.unit }
        return online.filter { $0.snapshot == newest.snapshot && $0.unit == newest.unit }.sorted { $0.status < $1.status }
            + sameGroup.filter { $0.role == .total }
    }
}
