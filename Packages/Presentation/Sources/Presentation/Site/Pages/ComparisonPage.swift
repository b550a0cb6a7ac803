import Comparison
import Domain

/// A comparison's page: the same sections, figures, intervals, notes and sources as `bench compare`, each
/// metric with a chart, its text summary, the table of figures and its CSV.
struct ComparisonPage: Sendable {
    var path: SitePath
    var report: ComparisonReport

    func render(_ site: SiteContext) -> RenderedPage {
        let title = ReportWords.title(report)
        let sources = report.sources
        // Footnote numbers are the site's, the same for a document on every page; the list follows them.
        let numbered = sources.enumerated().map { index, source in (source, site.footnote(source.slug, source.sourceID) ?? index + 1) }
            .sorted { $0.1 < $1.1 }
        var footnoteTexts: [Int: String] = [:]
        for (source, number) in numbered { footnoteTexts[number] = ReportWords.source(source, in: report) }
        let footnoteOf = Dictionary(numbered.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        let fileStem = "vergleich-" + report.participants.map(\.slug.rawValue).joined(separator: "_")

        var intro: [HTMLNode] = [.p([("class", "nebentext")], [.text(site.layout.stamp)]), ComparisonPage.glance(report)]
        intro.append(.p([("class", "einleitung")], [.text(
            "Jede Zahl nennt ihre Quelle und ihren Stand; wo Zahlen nicht dasselbe zählen, sagen es die Hinweise zur "
                + "Vergleichbarkeit bei jeder Kennzahl.")]))
        if let asOf = report.asOf {
            intro.append(.p("Ausgewertet sind Zahlen mit Stand bis " + GermanFormat.date(asOf) + "."))
        }
        intro.append(.heading(2, id: "beteiligte", "Beteiligte"))
        intro.append(.list(report.participants.map { participant in
            var text = " – " + participant.kind.germanName + ", zuständig für " + participant.kind.level.germanName
            text += participant.snapshot.map { "; neuester Stand der Zahlen: " + GermanFormat.date($0) } ?? "; kein Stand bekannt"
            return .group([.link(path.link(to: .municipality(participant.slug)), participant.name), .text(text)])
        }))
        if let peers = report.peerGroup {
            intro.append(.p("Verglichen mit " + peers.germanDescription + ": "
                + peers.members.map(\.name).joined(separator: ", ") + "."))
        }
        intro.append(.element("nav", [("aria-label", "Kennzahlen auf dieser Seite")], [
            .list(report.sections.map { .link("#" + $0.id.rawValue, $0.title) }),
        ]))

        var content: [HTMLNode] = []
        var tables: [DataTable] = []
        for section in report.sections {
            let (nodes, table) = renderSection(section, fileStem: fileStem, footnoteOf: footnoteOf)
            content += nodes
            if let table { tables.append(table) }
        }

        content += site.sourceList(numbered, of: report, on: path)
        let html = site.layout.page(path, title: title, intro: intro, content: content)
        return RenderedPage(path: path, title: title, html: html, tables: tables, footnotes: footnoteTexts)
    }

    private func renderSection(_ section: MetricSection, fileStem: String,
                               footnoteOf: [SourceReference: Int]) -> ([HTMLNode], DataTable?) {
        let id = section.id.rawValue
        let summary = report.summary(of: section)
        let parts = ComparisonPage.SectionParts(section, of: report, summary: summary, path: path, fileStem: fileStem, footnoteOf: footnoteOf)
        var nodes = parts.head
        guard let (table, tableNodes) = parts.table else { return (nodes + parts.notes, nil) }
        let columns = report.columns

        // A chart sets figures side by side, which a section that is not comparable must not do.
        var chart: BarChart?
        if case .notComparable = section.comparability {
            chart = nil
        } else {
            chart = BarChart(title: section.title, groups: section.rows.map { row in
                BarChart.Group(label: row.label, bars: zip(columns, row.cells).enumerated().map { index, pair in
                    BarChart.Bar(label: pair.0.title, value: pair.1.value, colourIndex: index,
                                 unit: summary.statements.indices.contains(index) ? summary.statements[index].unit : nil)
                }, sideBySide: row.sideBySide)
            }, sharedScale: section.id == .projectsPerYear)
        }
        if let chart, !chart.drawableGroups.isEmpty {
            nodes.append(.element("figure", [], [
                .element("figcaption", [], [.text(chart.caption)]),
                .div([("class", "diagramme")], chart.svgs(id: "diagramm-" + id)),
            ] + [tableNodes] + parts.rowNotes))
        } else {
            nodes.append(tableNodes)
            nodes += parts.rowNotes
        }
        return (nodes + parts.notes, table)
    }

    /// What a section of a comparison page and of a peer page share: heading, answer, definition and verdict (`head`),
    /// the table with its HTML (none without rows), the rows' own notes, and the section's notes; each page adds its
    /// drawing between table and notes.
    struct SectionParts {
        var head: [HTMLNode]
        var table: (DataTable, HTMLNode)?
        var rowNotes: [HTMLNode] = []
        var notes: [HTMLNode]

        init(_ section: MetricSection, of report: ComparisonReport, summary: SectionSummary, path: SitePath, fileStem: String,
             footnoteOf: [SourceReference: Int]) {
            let id = section.id.rawValue
            head = [.heading(2, id: id, section.title),
                    .p([("class", "antwort")], [.text(SummaryText.paragraph(summary, in: report))]),
                    .p([("class", "nebentext")], [.text(section.definition)])]
            switch section.comparability {
            case .comparable, .withCaveats:
                head.append(.p([("class", "bewertung")], [.text("Vergleichbarkeit: " + ReportWords.comparability(section.comparability) + ".")]))
            case .notComparable:
                head.append(.p([("class", "bewertung")], [.text("Vergleichbarkeit: nicht vergleichbar.")]))
            }
            notes = ComparisonPage.notes(section, summary: summary)
            guard !section.rows.isEmpty else { return }
            let columns = report.columns
            let table = DataTable(
                caption: section.title + ": " + columns.map(\.title).joined(separator: ", "),
                columns: ["Kennzahl"] + columns.map(\.title),
                rows: section.rows.map { row in
                    DataTable.Row(header: row.label, cells: row.cells.map { figure in
                        DataTable.Cell(ComparisonPage.cell(figure), footnotes: figure.sources.compactMap { footnoteOf[$0] }, figure: figure)
                    })
                },
                fileName: fileStem + "-" + id)
            self.table = (table, table.html(id: "tabelle-" + id, page: path) { "#quelle-\($0)" })
            let notedRows = section.rows.filter { !$0.note.isEmpty }
            if !notedRows.isEmpty {
                rowNotes.append(.list(notedRows.map { .group([.strong($0.label + ": "), .text($0.note)]) }, [("class", "nebentext")]))
            }
        }
    }

    /// "Auf einen Blick" at the top of the page: each section's opening sentences, linked to the section.
    static func glance(_ report: ComparisonReport) -> HTMLNode {
        .element("section", [("class", "auf-einen-blick"), ("aria-labelledby", "auf-einen-blick")], [
            .heading(2, id: "auf-einen-blick", SummaryText.heading),
            .list(report.sections.map { section in
                .group([.link("#" + section.id.rawValue, [], [.strong(section.title)]), .text(": "),
                        .text(SummaryText.paragraph(report.summary(of: section), in: report))])
            }),
        ])
    }

    /// The notes of a section: the key ones beside the figures, all of them, grouped and counted, in a `details`
    /// element (open in print through the stylesheet; works without script).
    static func notes(_ section: MetricSection, summary: SectionSummary) -> [HTMLNode] {
        guard !section.notes.isEmpty else { return [] }
        let id = section.id.rawValue
        func item(_ note: ComparabilityNote) -> HTMLNode {
            .group([.strong(ReportWords.noteTitle(note.kind) + ": "), .text(NoteText.german(note))])
        }
        var nodes: [HTMLNode] = [
            .heading(3, id: id + "-hinweise", SummaryText.keyNotesHeading(summary)),
            .list(summary.keyNotes.map(item), [("class", "hinweise")]),
        ]
        let rest = section.notes.filter { !summary.keyNotes.contains($0) }
        if !rest.isEmpty {
            // The summary counts all notes and groups the others by kind; the list holds the others (the key ones
            // stand above), so nothing is printed twice.
            let heading = SummaryText.allNotesHeading(section.notes.count) + ": weitere " + GermanFormat.integer(rest.count)
                + " (" + ReportWords.kindCounts(rest) + ")"
            nodes.append(.element("details", [("class", "alle-hinweise")], [
                .element("summary", [], [.text(heading)]),
                .list(rest.map(item)),
            ]))
            // Printed instead of the details element, which prints closed.
            nodes.append(.div([("class", "nur-druck")], [.p([], [.strong(heading)]), .list(rest.map(item))]))
        }
        return nodes
    }

    /// A figure in a table cell: the value as `bench compare` writes it, its date and remark.
    static func cell(_ figure: Figure) -> String {
        var text = GermanFormat.value(figure.value)
        let date = ReportWords.date(figure)
        if !date.isEmpty { text += "; " + date }
        if !figure.remark.isEmpty { text += "; " + figure.remark }
        return text
    }
}
