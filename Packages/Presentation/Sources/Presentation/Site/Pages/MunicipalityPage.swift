import Comparison
import Domain

/// A municipality's profile: its key facts, and on each axis the figures its documents report, over time,
/// each with its source. Figures are shown as reported; what they mean next to another municipality's is the
/// comparison pages' job.
struct MunicipalityPage: Sendable {
    var dataset: Dataset
    var reference: ReferenceCatalogue
    /// The section "Potenziale" (PotentialsSection.swift), where the site has them.
    var potentials: PotentialsReport? = nil

    var path: SitePath { .municipality(dataset.slug) }

    /// The dataset's documents, oldest first: footnote 1 is the oldest.
    private var orderedSources: [Source] {
        dataset.sources.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    func render(_ site: SiteContext) -> RenderedPage {
        let municipality = dataset.municipality
        let sources = orderedSources
        var footnoteOf: [String: Int] = [:]
        var footnoteTexts: [Int: String] = [:]
        // The site's footnote numbers, the same for a document on every page.
        for (index, source) in sources.enumerated() where footnoteOf[source.id] == nil {
            let number = site.footnote(dataset.slug, source.id) ?? index + 1
            footnoteOf[source.id] = number
            footnoteTexts[number] = SiteContext.describe(SourceReference(slug: dataset.slug, source: source))
        }
        let footnotes: (String) -> [Int] = { id in footnoteOf[id].map { [$0] } ?? [] }
        let stem = "kommune-" + dataset.slug.rawValue
        var tables: [DataTable] = []
        var content: [HTMLNode] = []

        var facts: [(String, String)] = [
            ("Art", municipality.kind.germanName),
            ("Aufgaben", municipality.kind.level.germanName),
            ("Land", municipality.land),
            ("Gemeindeschlüssel (AGS)", municipality.ags.value ?? "unbekannt"),
            ("Regionalschlüssel (ARS)", municipality.ars.value ?? "unbekannt"),
            ("Einwohner", municipality.population.map {
                "\(GermanFormat.integer($0.count)) (Stand \(GermanFormat.date($0.date)); Quelle: \($0.source))"
            } ?? "unbekannt"),
        ]
        if let (first, last) = site.snapshotSpans[dataset.slug] {
            facts.append(("Stand der Zahlen", first == last ? GermanFormat.date(first)
                          : GermanFormat.date(first) + " bis " + GermanFormat.date(last)))
        }
        facts.append(("Dokumente", GermanFormat.integer(sources.count)))
        if !municipality.note.isEmpty { facts.append(("Anmerkung zum Datensatz", municipality.note)) }
        content.append(.heading(2, id: "eckdaten", "Eckdaten"))
        content.append(.element("dl", [("class", "eckdaten")], facts.flatMap { term, value in
            [HTMLNode.element("dt", [], [.text(term)]), .element("dd", [], [.text(value)])]
        }))

        let comparisons = site.comparisons(of: dataset.slug)
        content.append(.heading(2, id: "vergleiche", "Vergleiche"))
        if comparisons.isEmpty {
            content.append(.p("Diese Kommune ist in keinem Vergleich dieser Veröffentlichung."))
        } else {
            content.append(.list(comparisons.map { .link(path.link(to: $0.path), ReportWords.title($0.report)) }))
        }

        content += peerGroupSection(site, stem: stem, tables: &tables)
        if let potentials { content += potentialsSection(potentials, stem: stem, footnotes: footnotes, tables: &tables) }

        for axis in Axis.allCases {
            content.append(.heading(2, id: axis.rawValue, axis.germanName))
            var axisNodes: [HTMLNode] = []
            if axis == .servicesOnline {
                axisNodes += tallySections(stem: stem, footnotes: footnotes, tables: &tables)
                axisNodes += serviceSections(stem: stem, footnotes: footnotes, tables: &tables)
            }
            axisNodes += indicatorSection(axis, stem: stem, footnotes: footnotes, tables: &tables)
            if axis == .efaUptake {
                axisNodes += projectSection(dataset.projects.filter { $0.channel == .efa }, id: "efa-projekte",
                                            caption: "Projekte mit EfA-Nachnutzung", stem: stem, footnotes: footnotes, tables: &tables)
            }
            if axis == .projectsPerYear {
                axisNodes += projectSection(dataset.projects, id: "projekte", caption: "Projekte, wie die Quellen sie nennen",
                                            stem: stem, footnotes: footnotes, tables: &tables)
            }
            content += axisNodes.isEmpty ? [.p("Die Quellen nennen dazu keine Zahlen.")] : axisNodes
        }
        content += quotedSection(stem: stem, footnotes: footnotes, tables: &tables)

        content.append(.heading(2, id: "quellen", "Quellen"))
        content.append(.element("ol", [("class", "quellen")], sources.enumerated().map { index, source in
            .element("li", [("id", "quelle-\(footnoteOf[source.id] ?? index + 1)"), ("value", String(footnoteOf[source.id] ?? index + 1))], [
                .text(SiteContext.describe(SourceReference(slug: dataset.slug, source: source)) + " ("),
                .link(path.link(to: .sources, fragment: SiteContext.sourceAnchor(dataset.slug, source.id)), "im Quellenverzeichnis"),
                .text(")"),
            ])
        }))

        let intro: [HTMLNode] = [glance(site), .p([("class", "einleitung")], [.text(
            municipality.kind.germanName + " in " + municipality.land + ". Die Zahlen stehen hier so, wie die Dokumente "
                + "sie nennen, jede mit Stand und Quelle; unbekannte Werte bleiben sichtbar unbekannt.")])]
        let html = site.layout.page(path, title: municipality.name, intro: intro, content: content)
        return RenderedPage(path: path, title: municipality.name, html: html, tables: tables, footnotes: footnoteTexts)
    }

    /// "Auf einen Blick": what the municipality reports on services online (from its first comparison) and, per
    /// comparison, whether its figures can be set in an order; made from the comparisons' summaries.
    private func glance(_ site: SiteContext) -> HTMLNode {
        var items: [HTMLNode] = []
        let comparisons = site.comparisons(of: dataset.slug)
        for (comparisonPath, report) in comparisons {
            let others = report.participants.filter { $0.slug != dataset.slug }.map(\.name)
            var sentences: [String] = []
            for section in report.sections where section.id == .servicesOnline || section.id == .efaUptake {
                let summary = report.summary(of: section)
                if let statement = SummaryText.statement(of: dataset.slug, summary, in: report) { sentences.append(statement) }
                sentences.append(section.title + " im Vergleich: " + SummaryText.verdict(summary, in: report))
            }
            items.append(.group([.link(path.link(to: comparisonPath), "Im Vergleich mit " + GermanFormat.list(others)), .text(": "),
                                 .text(sentences.joined(separator: " "))]))
        }
        if let report = site.peerViews[dataset.slug] {
            var sentences: [String] = []
            for section in report.sections where section.id == .servicesOnline || section.id == .efaUptake {
                let summary = report.summary(of: section)
                if case .position = summary.verdict { sentences.append(section.title + ": " + SummaryText.verdict(summary, in: report)) }
            }
            items.append(.group([.link(path.link(to: .peers(dataset.slug)), "Im Vergleich mit der Vergleichsgruppe"),
                                 .text(sentences.isEmpty ? "" : ": " + sentences.joined(separator: " "))]))
        }
        if items.isEmpty {
            var text = "Diese Kommune ist in keinem Vergleich dieser Veröffentlichung; ihre Zahlen stehen unten so, wie die Dokumente sie nennen."
            if let (_, last) = site.snapshotSpans[dataset.slug] { text += " Neuester Stand der Zahlen: " + GermanFormat.date(last) + "." }
            items.append(.text(text))
        }
        return .element("section", [("class", "auf-einen-blick"), ("aria-labelledby", "auf-einen-blick")], [
            .heading(2, id: "auf-einen-blick", SummaryText.heading), .list(items),
        ])
    }

    /// The municipality's peer group: those of the same level of government and size class (as `bench compare SLUG
    /// --peers` chooses them), or, where it has no size class, those of the same kind, with the reason.
    /// The municipality's peer group among `datasets`: those of the same level of government and size class, or, where
    /// it has no size class, those of the same kind; nil with the reason where it has neither (its kind unknown).
    /// The reason also says why a group by kind replaces the size class.
    static func peerGroup(of dataset: Dataset, among datasets: [Dataset], sizeClasses: [SizeClass]) -> (PeerGroup?, String) {
        let own = Participant(dataset, snapshot: nil)
        let candidates = datasets.filter { $0.slug != dataset.slug }.map { Participant($0, snapshot: nil) }
        do {
            let selection = try PeerSelection(rule: .levelAndSize, subject: own, candidates: candidates, sizeClasses: sizeClasses)
            return (PeerGroup(kind: own.kind, members: selection.members, rule: .levelAndSize, sizeClass: selection.sizeClass,
                              land: own.land, leftOut: selection.leftOut), "")
        } catch {
            let reason: String
            if own.kind == .unknown {
                reason = "Die Art dieser Kommune ist unbekannt; sie wird keiner Größenklasse zugeordnet."
            } else if own.population == nil {
                reason = "Die Einwohnerzahl dieser Kommune ist unbekannt; sie wird keiner Größenklasse zugeordnet."
            } else {
                reason = "Keine Größenklasse passt zu dieser Kommune (Datasets/reference/size_classes.csv)."
            }
            guard own.kind != .unknown else { return (nil, reason) }
            return (PeerGroup(kind: own.kind, members: candidates.filter { $0.kind == own.kind }, rule: .kind, land: own.land),
                    reason + " Gezeigt werden die Kommunen derselben Art.")
        }
    }

    /// The municipality's peer group: those of the same level of government and size class (as `bench compare SLUG
    /// --peers` chooses them), or, where it has no size class, those of the same kind, with the reason.
    private func peerGroupSection(_ site: SiteContext, stem: String, tables: inout [DataTable]) -> [HTMLNode] {
        var nodes: [HTMLNode] = [.heading(2, id: "vergleichsgruppe", "Vergleichsgruppe")]
        let (found, reason) = MunicipalityPage.peerGroup(of: dataset, among: site.datasets, sizeClasses: site.sizeClasses)
        if !reason.isEmpty { nodes.append(.p(reason)) }
        guard let group = found else { return nodes }
        if site.peerViews[dataset.slug] != nil {
            nodes.append(.p([], [.link(path.link(to: .peers(dataset.slug)), "Vergleich mit der Vergleichsgruppe: Median, Quartile und Verteilung"),
                                 .text(".")]))
        }
        guard !group.members.isEmpty else {
            nodes.append(.p("Keine andere Kommune dieser Veröffentlichung gehört zur Vergleichsgruppe (Kommunen "
                + group.germanRule + ")." + (group.germanLeftOut.isEmpty ? "" : " " + group.germanLeftOut)))
            return nodes
        }
        nodes.append(.p(ReportWords.peerGroup(group) + " Vergleich mit Median und Quartilen: bench compare "
            + dataset.slug.rawValue + " --peers" + (group.rule == .kind ? " --peer-group kind" : "") + "."))
        guard group.members.count <= PeerPage.memberLimit else {
            nodes.append(PeerPage.unlisted("Die " + GermanFormat.integer(group.members.count) + " Vergleichskommunen", on: path))
            return nodes
        }
        let caption = "Vergleichsgruppe: " + group.germanDescription
        let table = DataTable(
            caption: caption,
            columns: ["Kommune", "Art", "Aufgaben", "Einwohner", "Stand der Einwohnerzahl"],
            rows: group.members.map { member in
                DataTable.Row(header: member.name, cells: [
                    DataTable.Cell(member.kind.germanName),
                    DataTable.Cell(member.kind.level.germanName),
                    DataTable.Cell(member.population.map { GermanFormat.integer($0.count) } ?? "unbekannt"),
                    DataTable.Cell(member.population.map { GermanFormat.date($0.date) } ?? "–"),
                ], link: .municipality(member.slug))
            },
            fileName: stem + "-vergleichsgruppe",
            tidy: DataTable.Tidy(keys: ["Kommune", "Kennung", "Art", "Aufgaben", "Kennzahl"], lines: group.members.map { member in
                DataTable.Tidy.Line(keys: [member.name, member.slug.rawValue, member.kind.germanName, member.kind.level.germanName, "Einwohner"],
                                    figure: Figure(value: member.population.map { .count($0.count, .exact) } ?? .unknown(reason: "Einwohnerzahl unbekannt"),
                                                   asOf: member.population?.date),
                                    unit: "Einwohner", source: member.population?.source ?? "")
            }))
        tables.append(table)
        nodes.append(table.html(id: "tabelle-vergleichsgruppe", page: path) { "#quelle-\($0)" })
        return nodes
    }

    /// Counts per status cluster, one table (and, with two dates or more, one chart) per counting unit.
    private func tallySections(stem: String, footnotes: (String) -> [Int], tables: inout [DataTable]) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        for unit in CountingUnit.allCases {
            let tallies = dataset.tallies.filter { $0.unit == unit }
            guard !tallies.isEmpty else { continue }
            let dates = Array(Set(tallies.map(\.snapshot))).sorted()
            // Parts in the order the status mapping lists them, then the total, so rows follow the municipality's own scale.
            var seriesKeys: [(TallyRole, String)] = []
            for tally in tallies.sorted(by: { MunicipalityPage.order($0, mapping: dataset.statusMapping) < MunicipalityPage.order($1, mapping: dataset.statusMapping) })
            where !seriesKeys.contains(where: { $0 == (tally.role, tally.status) }) {
                seriesKeys.append((tally.role, tally.status))
            }
            let label: (TallyRole, String) -> String = { role, status in
                role == .total ? status + " (gesamt)" : status + MunicipalityPage.meaning(status, mapping: dataset.statusMapping)
            }
            let caption = "Gezählte " + unit.germanName + " nach Status"
            let table = DataTable(
                caption: caption,
                columns: ["Status"] + dates.map { "Stand " + GermanFormat.date($0) },
                rows: seriesKeys.map { role, status in
                    DataTable.Row(header: label(role, status), cells: dates.map { date in
                        guard let tally = tallies.first(where: { $0.snapshot == date && $0.role == role && $0.status == status }) else {
                            return DataTable.Cell("nicht genannt")
                        }
                        return DataTable.Cell(GermanFormat.value(MunicipalityPage.value(tally)), footnotes: footnotes(tally.sourceID))
                    })
                },
                fileName: stem + "-status-" + unit.rawValue,
                tidy: DataTable.Tidy(keys: ["Status", "Bedeutung", "Zeile"], lines: dates.flatMap { date in
                    seriesKeys.compactMap { role, status in
                        tallies.first { $0.snapshot == date && $0.role == role && $0.status == status }.map { tally in
                            DataTable.Tidy.Line(keys: [status, MunicipalityPage.meaningWord(status, mapping: dataset.statusMapping),
                                                       role == .total ? "gesamt" : "Teil"],
                                                figure: Figure(value: MunicipalityPage.value(tally), asOf: date), unit: unit.germanName,
                                                footnotes: footnotes(tally.sourceID))
                        }
                    }
                }))
            tables.append(table)
            let id = "status-" + unit.rawValue
            nodes.append(.heading(3, id: id, caption))
            let chart = LineChart(title: caption + " im Zeitverlauf", series: seriesKeys.map { role, status in
                LineChart.Series(label: label(role, status), points: tallies.filter { $0.role == role && $0.status == status }
                    .map { LineChart.Point(date: $0.snapshot, value: MunicipalityPage.value($0)) })
            }, unit: "\u{a0}" + unit.germanName)
            nodes.append(figure(chart: chart, id: id, table: table.html(id: "tabelle-" + id, page: path) { "#quelle-\($0)" }))
        }
        return nodes
    }

    /// Services named one by one: how many per status word and date (a chart where there are two dates), and the
    /// names themselves where a page can hold them.
    private func serviceSections(stem: String, footnotes: (String) -> [Int], tables: inout [DataTable]) -> [HTMLNode] {
        guard !dataset.services.isEmpty else { return [] }
        var nodes: [HTMLNode] = []
        let listed = ListedServiceCounts(dataset.services)
        let dates = listed.snapshots.sorted()
        let units = Set(listed.keys.map(\.unit))
        let mapping = dataset.statusMapping
        let keys = listed.keys.sorted {
            ($0.unit.rawValue, mapping.statuses.firstIndex(of: $0.status) ?? Int.max, $0.status)
                < ($1.unit.rawValue, mapping.statuses.firstIndex(of: $1.status) ?? Int.max, $1.status)
        }
        /// The count and sources of a status at a date; nil where the list names none.
        func entry(_ key: ListedServiceCounts.Key, _ date: PartialDate) -> (count: Int, sources: [String])? {
            listed[key, date].map { ($0.count, $0.sourceIDs.sorted()) }
        }
        let label: (ListedServiceCounts.Key) -> String = { key in
            key.status + MunicipalityPage.meaning(key.status, mapping: mapping) + (units.count > 1 ? ", " + key.unit.germanName : "")
        }
        let caption = "Einzeln genannte Leistungen nach Status"
        let summary = DataTable(
            caption: caption,
            columns: ["Status"] + dates.map { "Stand " + GermanFormat.date($0) },
            rows: keys.map { key in
                DataTable.Row(header: label(key), cells: dates.map { date in
                    guard let entry = entry(key, date) else { return DataTable.Cell("keine genannt") }
                    return DataTable.Cell(GermanFormat.integer(entry.count), footnotes: entry.sources.flatMap(footnotes))
                })
            },
            fileName: stem + "-leistungen-nach-status",
            tidy: DataTable.Tidy(keys: ["Status", "Bedeutung"], lines: dates.flatMap { date in
                keys.compactMap { key in
                    entry(key, date).map { entry in
                        DataTable.Tidy.Line(keys: [key.status, MunicipalityPage.meaningWord(key.status, mapping: mapping)],
                                            figure: Figure(value: .count(entry.count, .exact), asOf: date), unit: key.unit.germanName,
                                            footnotes: entry.sources.flatMap(footnotes))
                    }
                }
            }))
        tables.append(summary)
        nodes.append(.heading(3, id: "leistungen-nach-status", caption))
        let chart = LineChart(title: caption + " im Zeitverlauf", series: keys.map { key in
            // A status with no names at a date is left out there, not drawn as zero: the list may just not say.
            LineChart.Series(label: label(key), points: dates.compactMap { date in
                entry(key, date).map { LineChart.Point(date: date, value: .count($0.count, .exact)) }
            })
        }, unit: "")
        nodes.append(figure(chart: chart, id: "leistungen-nach-status",
                            table: summary.html(id: "tabelle-leistungen-nach-status", page: path) { "#quelle-\($0)" }))

        for date in dates {
            let total = listed.keys.reduce(0) { $0 + (listed[$1, date]?.count ?? 0) }
            let id = "leistungen-" + date.description
            let caption = "Einzeln genannte Leistungen, Stand " + GermanFormat.date(date)
            nodes.append(.heading(3, id: id, caption))
            guard total <= MunicipalityPage.listLimit else {
                nodes.append(.p(GermanFormat.integer(total) + " Leistungen sind zu viele für eine Seite; die Tabelle "
                    + "oben zählt sie nach Status, die Namen stehen in der Datei services.csv des Datensatzes."))
                continue
            }
            let services = dataset.services.filter { $0.snapshot == date }
            let table = DataTable(
                caption: caption,
                columns: ["Leistung", "OZG-Leistung", "Zuordnung", "Status", "Zuständig"],
                rows: services.map { service in
                    var name = service.name
                    if !service.nameCorrected.isEmpty { name += " (berichtigt: " + service.nameCorrected + ")" }
                    return DataTable.Row(header: name, cells: [
                        DataTable.Cell(ozgText(service.ozgID)),
                        DataTable.Cell(MunicipalityPage.matchText(service.match)),
                        DataTable.Cell(service.status + MunicipalityPage.meaning(service.status, mapping: mapping),
                                       footnotes: footnotes(service.sourceID)),
                        DataTable.Cell(service.responsible.isEmpty ? "nicht genannt" : service.responsible),
                    ])
                },
                fileName: stem + "-leistungen-" + date.description,
                tidy: DataTable.Tidy(keys: ["Leistung", "Name berichtigt", "OZG-ID", "OZG-Leistung", "Zuordnung", "Status", "Bedeutung",
                                            "Zuständig", "Stand"], lines: services.map { service in
                    let id: String, name: String
                    switch service.ozgID {
                    case .known(let known?): id = String(known.rawValue); name = reference[known]?.name ?? ""
                    case .known(nil): id = ""; name = "keine (lokale Leistung)"
                    case .unknown: id = ""; name = "noch nicht zugeordnet"
                    }
                    return DataTable.Tidy.Line(keys: [service.name, service.nameCorrected, id, name, MunicipalityPage.matchText(service.match),
                                                      service.status, MunicipalityPage.meaningWord(service.status, mapping: mapping),
                                                      service.responsible, date.description],
                                               figure: nil, footnotes: footnotes(service.sourceID))
                }))
            tables.append(table)
            nodes.append(.p(GermanFormat.integer(services.count) + " Leistungen, Namen so geschrieben wie in der Quelle."))
            nodes.append(table.html(id: "tabelle-" + id, page: path) { "#quelle-\($0)" })
        }
        return nodes
    }

    /// The most services listed by name on one page; longer lists (a LeiKa-level census of thousands) are counted.
    static let listLimit = 500

    /// The axis's indicators in one table, and a chart for each that was reported at two dates or more.
    private func indicatorSection(_ axis: Axis, stem: String, footnotes: (String) -> [Int], tables: inout [DataTable]) -> [HTMLNode] {
        let indicators = dataset.indicators.filter { $0.about.isOwn && Axis.of(indicator: $0.indicator) == axis }.sorted {
            ($0.indicator, $0.subject, $0.snapshot, $0.period?.description ?? "") < ($1.indicator, $1.subject, $1.snapshot, $1.period?.description ?? "")
        }
        guard !indicators.isEmpty else { return [] }
        let id = "kennzahlen-" + axis.rawValue
        let caption = "Gemeldete Kennzahlen: " + axis.germanName
        let table = DataTable(
            caption: caption,
            columns: ["Kennzahl", "Gegenstand", "Stand", "Zeitraum", "Wert"],
            rows: indicators.map { indicator in
                DataTable.Row(header: indicator.germanName, cells: [
                    DataTable.Cell(indicator.subject.isEmpty ? "–" : indicator.subject),
                    DataTable.Cell(GermanFormat.date(indicator.snapshot)),
                    DataTable.Cell(indicator.period.map(GermanFormat.date) ?? "–"),
                    DataTable.Cell(GermanFormat.value(MunicipalityPage.value(indicator)), footnotes: footnotes(indicator.sourceID)),
                ])
            },
            fileName: stem + "-" + id,
            tidy: DataTable.Tidy(keys: ["Kennzahl", "Kennung", "Gegenstand", "Zeitraum"], lines: indicators.map { indicator in
                DataTable.Tidy.Line(keys: [indicator.germanName, indicator.indicator, indicator.subject, indicator.period?.description ?? ""],
                                    figure: Figure(value: MunicipalityPage.value(indicator), asOf: indicator.snapshot),
                                    footnotes: footnotes(indicator.sourceID))
            }))
        tables.append(table)
        var nodes: [HTMLNode] = [.heading(3, id: id, caption)]
        // One chart per indicator and subject that has numbers at two dates or more.
        var seriesOrder: [String] = []
        var series: [String: [Indicator]] = [:]
        for indicator in indicators where indicator.unit != .date {
            let key = indicator.indicator + "\u{1f}" + indicator.subject + "\u{1f}" + indicator.unit.rawValue
            if series[key] == nil { seriesOrder.append(key) }
            series[key, default: []].append(indicator)
        }
        for (index, key) in seriesOrder.enumerated() {
            let rows = series[key] ?? []
            guard let first = rows.first, Set(rows.map(\.snapshot)).count >= 2, Set(rows.map(\.snapshot)).count == rows.count else { continue }
            let name = first.germanName + (first.subject.isEmpty ? "" : " (" + first.subject + ")")
            let chart = LineChart(title: name + " im Zeitverlauf",
                                  series: [LineChart.Series(label: name, points: rows.map { LineChart.Point(date: $0.snapshot, value: MunicipalityPage.value($0)) })],
                                  unit: GermanFormat.unitSuffix(first.unit.rawValue))
            guard chart.isDrawable else { continue }
            nodes.append(.element("figure", [], [
                .element("figcaption", [], [.text("Diagramm. " + chart.summary + " Die Zahlen stehen auch in der Tabelle „" + caption + "“.")]),
                chart.svg(id: "diagramm-\(id)-\(index + 1)"),
            ]))
        }
        nodes.append(table.html(id: "tabelle-" + id, page: path) { "#quelle-\($0)" })
        return nodes
    }

    /// The figures the sources quote that are not the municipality's own (of the Land, the Bund, a provider), apart
    /// from its own figures: none of them is an achievement of the municipality.
    private func quotedSection(stem: String, footnotes: (String) -> [Int], tables: inout [DataTable]) -> [HTMLNode] {
        let quoted = dataset.indicators.filter { !$0.about.isOwn }.sorted {
            ($0.about, $0.indicator, $0.subject, $0.snapshot, $0.period?.description ?? "")
                < ($1.about, $1.indicator, $1.subject, $1.snapshot, $1.period?.description ?? "")
        }
        guard !quoted.isEmpty else { return [] }
        let id = "angaben-fuer-alle"
        let caption = "Angaben für alle Kommunen, die die Quellen nennen"
        let table = DataTable(
            caption: caption,
            columns: ["Kennzahl", "Gilt für", "Gegenstand", "Stand", "Zeitraum", "Wert"],
            rows: quoted.map { indicator in
                DataTable.Row(header: indicator.germanName, cells: [
                    DataTable.Cell(MunicipalityPage.owner(indicator.about)),
                    DataTable.Cell(indicator.subject.isEmpty ? "–" : indicator.subject),
                    DataTable.Cell(GermanFormat.date(indicator.snapshot)),
                    DataTable.Cell(indicator.period.map(GermanFormat.date) ?? "–"),
                    DataTable.Cell(GermanFormat.value(MunicipalityPage.value(indicator)), footnotes: footnotes(indicator.sourceID)),
                ])
            },
            fileName: stem + "-" + id,
            tidy: DataTable.Tidy(keys: ["Kennzahl", "Kennung", "Gilt für", "Gegenstand", "Zeitraum"], lines: quoted.map { indicator in
                DataTable.Tidy.Line(keys: [indicator.germanName, indicator.indicator, MunicipalityPage.owner(indicator.about), indicator.subject,
                                           indicator.period?.description ?? ""],
                                    figure: Figure(value: MunicipalityPage.value(indicator), asOf: indicator.snapshot),
                                    footnotes: footnotes(indicator.sourceID))
            }))
        tables.append(table)
        return [
            .heading(2, id: id, caption),
            .p("Diese Zahlen stehen in den Quellen der Kommune, sind aber Angaben des Landes, des Bundes oder eines Anbieters: "
                + "Sie gelten für alle Kommunen, die sie betreffen, und sind keine Leistung dieser Kommune."),
            table.html(id: "tabelle-" + id, page: path) { "#quelle-\($0)" },
        ]
    }

    /// For whom a figure that is not the municipality's own holds.
    static func owner(_ owner: FigureOwner) -> String {
        switch owner {
        case .own: return "diese Kommune"
        case .land(let code): return "alle Kommunen in " + (FigureOwner.landCodes[code] ?? code)
        case .bund: return "alle Kommunen (bundesweit)"
        case .provider(let name): return "die Kommunen, die den Anbieter " + name + " nutzen"
        }
    }

    private func projectSection(_ projects: [Project], id: String, caption: String, stem: String,
                                footnotes: (String) -> [Int], tables: inout [DataTable]) -> [HTMLNode] {
        guard !projects.isEmpty else { return [] }
        let sorted = projects.sorted { ($0.projectID, $0.statusDate, $0.sourceID) < ($1.projectID, $1.statusDate, $1.sourceID) }
        // A project that several reports name (one row per report and date) is one line: its states in order, each
        // with its date and source; the rest as the latest report has it.
        var groups: [[Project]] = []
        for project in sorted {
            if let last = groups.last?.last, last.projectID == project.projectID { groups[groups.count - 1].append(project) } else { groups.append([project]) }
        }
        let table = DataTable(
            caption: caption,
            columns: ["Projekt", "Art", "Status", "Stand", "Go-Live", "Umsetzungsweg", "Antrag"],
            rows: groups.map { group in
                let project = group[group.count - 1]
                func state(_ project: Project) -> String {
                    // The common scale's word, where it says more than the municipality's own.
                    let common = dataset.statusMapping[project.status]?.projectState?.germanName
                    return project.status + (common.map { $0.lowercased() == project.status.lowercased() ? "" : " (" + $0 + ")" } ?? "")
                }
                let states = group.count == 1 ? state(project)
                    : group.map { state($0) + " (Stand " + GermanFormat.date($0.statusDate) + ")" }.joined(separator: " → ")
                var seen = Set<Int>()
                let cited = group.flatMap { footnotes($0.sourceID) }.filter { seen.insert($0).inserted }
                var goLive = project.goLive.value.map(GermanFormat.date) ?? "unbekannt"
                switch project.goLiveKind {
                case .actual: goLive += ", erfolgt"
                case .planned: goLive += ", geplant"
                case .unknown: break
                }
                var motions: [String] = []
                for motion in group.compactMap(\.motion) where !motions.contains(motion) { motions.append(motion) }
                return DataTable.Row(header: project.name, cells: [
                    DataTable.Cell(project.scope.germanName),
                    DataTable.Cell(states, footnotes: cited),
                    DataTable.Cell(group.map { GermanFormat.date($0.statusDate) }.joined(separator: ", ")),
                    DataTable.Cell(goLive),
                    DataTable.Cell(project.channel.germanName),
                    DataTable.Cell(motions.isEmpty ? "–" : motions.joined(separator: ", ")),
                ])
            },
            fileName: stem + "-" + id,
            // One line per report of a project: its state at that date, as the source names it and on the common scale.
            tidy: DataTable.Tidy(keys: ["Projekt", "Projekt-ID", "Art", "Status", "Status (gemeinsame Skala)", "Stand", "Go-Live",
                                        "Go-Live erfolgt oder geplant", "Umsetzungsweg", "Antrag"], lines: sorted.map { project in
                let goLiveKind: String
                switch project.goLiveKind {
                case .actual: goLiveKind = "erfolgt"
                case .planned: goLiveKind = "geplant"
                case .unknown: goLiveKind = project.goLive.value == nil ? "" : MissingWords.unknown
                }
                return DataTable.Tidy.Line(keys: [project.name, project.projectID, project.scope.germanName, project.status,
                                                  dataset.statusMapping[project.status]?.projectState?.germanName ?? "",
                                                  project.statusDate.description, project.goLive.value?.description ?? MissingWords.unknown,
                                                  goLiveKind, project.channel.germanName, project.motion ?? ""],
                                           figure: nil, footnotes: footnotes(project.sourceID))
            }))
        tables.append(table)
        return [.heading(3, id: id, caption), table.html(id: "tabelle-" + id, page: path) { "#quelle-\($0)" }]
    }

    private func figure(chart: LineChart, id: String, table: HTMLNode) -> HTMLNode {
        guard chart.isDrawable else { return table }
        return .element("figure", [], [
            .element("figcaption", [], [.text("Diagramm und Tabelle. " + chart.summary)]),
            chart.svg(id: "diagramm-" + id), table,
        ])
    }

    private func ozgText(_ id: Reported<OzgID?>) -> String {
        switch id {
        case .known(let id?): return reference[id].map { String(id.rawValue) + " " + $0.name } ?? String(id.rawValue)
        case .known(nil): return "keine (lokale Leistung)"
        case .unknown: return "noch nicht zugeordnet"
        }
    }

    static func value(_ tally: Tally) -> FigureValue {
        tally.count.value.map { .count($0, tally.qualifier) } ?? .unknown(reason: "")
    }

    static func value(_ indicator: Indicator) -> FigureValue {
        switch indicator.value {
        case .known(.number(let number)): return .number(number, unit: indicator.unit.rawValue, indicator.qualifier)
        case .known(.date(let date)): return .date(date)
        case .unknown: return .unknown(reason: "")
        }
    }

    /// What a status word means on the common scale, from the municipality's own mapping: " (online)".
    static func meaning(_ status: String, mapping: StatusMapping) -> String {
        guard let entry = mapping[status] else { return "" }
        switch entry.online {
        case .known(true): return " (online)"
        case .known(false): return " (nicht online)"
        case .unknown: return " (online unbekannt)"
        }
    }

    /// What a status word means on the common scale, as one word for a CSV column: "online", "nicht online", "online
    /// unbekannt", or empty where the mapping does not name the status.
    static func meaningWord(_ status: String, mapping: StatusMapping) -> String {
        let text = meaning(status, mapping: mapping)
        return text.isEmpty ? "" : String(text.dropFirst(2).dropLast())
    }

    static func matchText(_ match: MatchMethod) -> String {
        switch match {
        case .exact: return "gleicher Name"
        case .normalised: return "Schreibweise angeglichen"
        case .manual: return "von Hand zugeordnet"
        case .none: return "keine"
        case .source: return "von der Quelle zugeordnet"
        }
    }

    private static func order(_ tally: Tally, mapping: StatusMapping) -> (Int, Int, String) {
        (tally.role == .total ? 1 : 0, mapping.statuses.firstIndex(of: tally.status) ?? Int.max, tally.status)
    }
}
