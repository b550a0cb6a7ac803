import Comparison
import Domain

/// The Methodik, rendered from the same definitions as Docs/methodology.md (`Methodology` in Comparison), so the
/// page cannot drift from what the code computes.
struct MethodologyPage: Sendable {
    let path = SitePath.methodology
    var metrics = Methodology.metrics
    var peerView = Methodology.peerView
    var notes = Methodology.notes

    func render(_ site: SiteContext) -> RenderedPage {
        let title = "Methodik"
        let intro: [HTMLNode] = [.p([("class", "einleitung")], [.text(
            "Wie verglichen wird: was jede Kennzahl zählt und wann ein Hinweis zur Vergleichbarkeit erscheint. Alle "
                + "Zahlen stammen aus Dokumenten der Verwaltungen (siehe Quellenverzeichnis); ein Wert, den eine Quelle "
                + "nicht nennt, bleibt unbekannt und zählt nie als null.")])]
        var content: [HTMLNode] = [
            .element("nav", [("aria-label", "Abschnitte dieser Seite")], [
                .list(metrics.map { .link("#" + $0.id.rawValue, $0.title) }
                    + [.link("#vergleichsgruppe", "Vergleich mit der Vergleichsgruppe"),
                       .link("#hinweise", "Hinweise zur Vergleichbarkeit")]),
            ]),
        ]
        for metric in metrics {
            content.append(.heading(2, id: metric.id.rawValue, metric.title))
            content.append(.p([("class", "einleitung")], [.text(metric.summary)]))
            content += metric.paragraphs.map { .p($0) }
        }
        content.append(.heading(2, id: "vergleichsgruppe", "Vergleich mit der Vergleichsgruppe"))
        content += peerView.map { .p($0) }
        content.append(.heading(2, id: "hinweise", "Hinweise zur Vergleichbarkeit"))
        content.append(.p("Jeder Hinweis wird aus den Daten berechnet, nie für eine Kommune von Hand geschrieben."))
        for note in notes {
            content.append(.heading(3, id: "hinweis-" + note.kind.rawValue, note.title))
            content.append(.p(note.computation))
        }
        let html = site.layout.page(path, title: title, intro: intro, content: content)
        return RenderedPage(path: path, title: title, html: html, tables: [], footnotes: [:])
    }
}
