import Comparison
import Domain

/// A municipality compared with its peer group: the report of `bench compare SLUG --peers` with the default group
/// (the same level of government and size class; by kind where the municipality has no size class). It opens with
/// "Auf einen Blick", then per metric the answer, the distribution of the peers (`StripPlot`), the table with its CSV,
/// and the notes, the key ones beside the figures and all of them in a `details` element. A municipality without peers
/// gets a short page that says why.
struct PeerPage: Sendable {
    var dataset: Dataset

    var path: SitePath { .peers(dataset.slug) }

    /// The most members the page lists; a larger group is listed on the profile only.
    static let memberLimit = PeerGroup.listedMembersLimit

    /// In place of the list of a group larger than `memberLimit`: where its members are found. Each member's pages
    /// would otherwise repeat the whole group, and a site would grow with the square of its municipalities.
    static func unlisted(_ heading: String, on path: SitePath) -> HTMLNode {
        .p([], [.text(heading + " sind hier nicht einzeln aufgeführt, damit nicht jede Seite der Gruppe sie alle wiederholt. "
                      + "Jede Kommune dieser Veröffentlichung steht nach Land und Kreis auf der "),
                .link(path.link(to: .start), "Startseite"), .text(".")])
    }

    func render(_ site: SiteContext) -> RenderedPage {
        guard let report = site.peerViews[dataset.slug], let group = report.peerGroup else { return empty(site) }
        let name = dataset.municipality.name
        let title = "Vergleich mit der Vergleichsgruppe: " + name
        let sources = report.sources
        let numbered = sources.enumerated().map { index, source in (source, site.footnote(source.slug, source.sourceID) ?? index + 1) }
            .sorted { $0.1 < $1.1 }
        var footnoteTexts: [Int: String] = [:]
        for (source, number) in numbered { footnoteTexts[number] = ReportWords.source(source, in: report) }
        let footnoteOf = Dictionary(numbered.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        let fileStem = "vergleichsgruppe-" + dataset.slug.rawValue

        var intro: [HTMLNode] = [.p([("class", "nebentext")], [.text(site.layout.stamp)]), ComparisonPage.glance(report)]
        intro.append(.p([("class", "einleitung")], [
            .text("Die Werte von "), .link(path.link(to: .municipality(dataset.slug)), name),
            .text(" neben Median und Quartilen der Kommunen " + group.germanRule + ", so wie „bench compare "
                + dataset.slug.rawValue + " --peers" + (group.rule == .kind ? " --peer-group kind" : "")
                + "“ sie berechnet. Jede Zahl nennt ihren Stand; die Quellen der Vergleichskommunen stehen auf deren Seiten."),
        ]))
        if group.rule == .kind {
            // The same reason the profile gives for its group.
            let reason = MunicipalityPage.peerGroup(of: dataset, among: site.datasets, sizeClasses: site.sizeClasses).1
            intro.append(.p([("class", "hinweis")], [.strong("Vergleichsgruppe nach Art: "), .text(reason)]))
        }
        intro.append(.p([], [.text(ReportWords.peerGroup(group) + " "),
                             .link("#vergleichskommunen", group.members.count == 1 ? "Die Vergleichskommune" : "Die Vergleichskommunen"),
                             .text(group.members.count == 1 ? " steht unten." : " stehen unten.")]))
        let memberHeading = group.members.count == 1 ? "Die Vergleichskommune" : "Die " + GermanFormat.integer(group.members.count) + " Vergleichskommunen"
        let members = HTMLNode.list(group.members.map { member in
            .group([.link(path.link(to: .municipality(member.slug)), member.name), .text(" – " + member.kind.germanName
                + (member.population.map { ", " + GermanFormat.integer($0.count) + " Einwohner" } ?? ", Einwohnerzahl unbekannt"))])
        })
        intro.append(.element("nav", [("aria-label", "Kennzahlen auf dieser Seite")], [
            .list(report.sections.map { .link("#" + $0.id.rawValue, $0.title) }),
        ]))

        var content: [HTMLNode] = []
        var tables: [DataTable] = []
        for section in report.sections {
            let (nodes, table) = renderSection(section, report: report, fileStem: fileStem, footnoteOf: footnoteOf)
            content += nodes
            if let table { tables.append(table) }
        }
        // The members after the figures, so that a printed copy opens with the answers.
        content.append(.heading(2, id: "vergleichskommunen", "Vergleichskommunen"))
        if group.members.count <= PeerPage.memberLimit {
            content.append(.element("details", [("class", "alle-hinweise")], [.element("summary", [], [.text(memberHeading)]), members]))
            content.append(.div([("class", "nur-druck")], [.p([], [.strong(memberHeading)]), members]))
        } else {
            content.append(PeerPage.unlisted(memberHeading, on: path))
        }
        content += site.sourceList(numbered, of: report, on: path)
        let html = site.layout.page(path, title: title, intro: intro, content: content)
        return RenderedPage(path: path, title: title, html: html, tables: tables, footnotes: footnoteTexts)
    }

    /// The page of a municipality without a peer view: why it has none.
    private func empty(_ site: SiteContext) -> RenderedPage {
        let name = dataset.municipality.name
        let title = "Vergleich mit der Vergleichsgruppe: " + name
        let (group, reason) = MunicipalityPage.peerGroup(of: dataset, among: site.datasets, sizeClasses: site.sizeClasses)
        var text = "Für " + name + " gibt es in dieser Veröffentlichung keinen Vergleich mit einer Vergleichsgruppe: "
        if let group {
            text += "Keine andere Kommune dieser Veröffentlichung gehört zu ihrer Gruppe (Kommunen " + group.germanRule + ")."
            if !group.germanLeftOut.isEmpty { text += " " + group.germanLeftOut }
        } else {
            text += reason
        }
        let intro: [HTMLNode] = [
            .p([("class", "nebentext")], [.text(site.layout.stamp)]),
            .element("section", [("class", "auf-einen-blick"), ("aria-labelledby", "auf-einen-blick")], [
                .heading(2, id: "auf-einen-blick", SummaryText.heading), .p(text),
            ]),
            .p([], [.text("Die Zahlen von " + name + " stehen auf ihrer "), .link(path.link(to: .municipality(dataset.slug)), "Seite"),
                    .text("; wie Vergleichsgruppen gebildet werden, steht in der "), .link(path.link(to: .methodology), "Methodik"), .text(".")]),
        ]
        let html = site.layout.page(path, title: title, intro: intro, content: [])
        return RenderedPage(path: path, title: title, html: html, tables: [], footnotes: [:])
    }

    private func renderSection(_ section: MetricSection, report: ComparisonReport, fileStem: String,
                               footnoteOf: [SourceReference: Int]) -> ([HTMLNode], DataTable?) {
        let id = section.id.rawValue
        let summary = report.summary(of: section)
        let parts = ComparisonPage.SectionParts(section, of: report, summary: summary, path: path, fileStem: fileStem, footnoteOf: footnoteOf)
        var nodes = parts.head
        guard let (table, tableNodes) = parts.table else { return (nodes + parts.notes, nil) }
        // A section that is not comparable draws nothing: a drawing sets the figures side by side.
        var plots: [StripPlot] = []
        if case .notComparable = section.comparability {} else {
            plots = section.rows.map { row in
                StripPlot(title: section.title, label: row.label, subjectName: dataset.municipality.name, subject: row.cells[0].value,
                          peers: row.peerValues, quartiles: Array(row.cells.dropFirst().prefix(3).map(\.value)))
            }.filter(\.isDrawable)
        }
        if plots.isEmpty {
            nodes.append(tableNodes)
            nodes += parts.rowNotes
        } else {
            let caption = "Diagramm „" + section.title + "“: " + (plots.count == 1 ? "eine Zeile" : GermanFormat.integer(plots.count) + " Zeilen")
                + " der Tabelle als Verteilung der Vergleichsgruppe. "
                + (plots.allSatisfy(\.isBinned) ? "Die Balken zählen die Vergleichskommunen je Wert oder Abschnitt der Achse"
                    : "Jeder Kreis ist eine Vergleichskommune (eine Spanne als Strich zwischen ihren Grenzen)"
                    + (plots.contains(where: \.isBinned) ? "; wo mehr als " + GermanFormat.integer(StripPlot.circleLimit)
                        + " Werte bekannt sind, zählen Balken sie je Wert oder Abschnitt der Achse" : ""))
                + (plots.contains { $0.quartileBounds != nil } ? ", der Kasten reicht vom unteren zum oberen Quartil, der dicke Strich ist der Median"
                    : "; aus weniger als " + GermanFormat.integer(PeerGroup.minimumForQuartiles) + " Werten keine Quartile, die Werte stehen mit Namen darunter")
                + "; die Raute und die "
                + "gestrichelte senkrechte Linie zeigen " + dataset.municipality.name + ". Kommunen ohne bekannten Wert sind "
                + "unter jeder Zeichnung gezählt, nicht als 0 gezeichnet. Alle Zahlen stehen in der Tabelle."
            nodes.append(.element("figure", [], [
                .element("figcaption", [], [.text(caption)]),
                .div([("class", "diagramme")], plots.enumerated().map { $0.1.svg(id: "diagramm-\(id)-\($0.0 + 1)") }),
                tableNodes,
            ] + parts.rowNotes))
        }
        return (nodes + parts.notes, table)
    }
}
