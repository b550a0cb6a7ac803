import Comparison
import Domain

/// The Quellenverzeichnis: every document of every dataset with its reference number and date.
struct SourcesPage: Sendable {
    let path = SitePath.sources

    func render(_ site: SiteContext) -> RenderedPage {
        let title = "Quellenverzeichnis"
        let intro: [HTMLNode] = [.p([("class", "einleitung")], [.text(
            "Jede Zahl dieser Seiten stammt aus einem dieser Dokumente. Genannt sind Titel, Art, Vorlage- oder "
                + "Antragsnummer, Datum und das Gremium, dem das Dokument vorlag.")])]
        var content: [HTMLNode] = []
        for dataset in site.datasets {
            content.append(.heading(2, id: "kommune-" + dataset.slug.rawValue, dataset.municipality.name))
            let sources = dataset.sources.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            guard !sources.isEmpty else {
                content.append(.p("Dieser Datensatz nennt noch kein Dokument."))
                continue
            }
            content.append(.element("ol", [("class", "quellen")], sources.map { source in
                let details: [(String, String)] = [
                    ("Art", source.type.germanName),
                    ("Nummer", source.reference.value ?? "nicht angegeben"),
                    ("Datum", GermanFormat.date(source.date)),
                    ("Gremium", source.body.value ?? "nicht angegeben"),
                ]
                var nodes: [(String, HTMLNode)] = details.map { ($0.0, .text($0.1)) }
                if !source.location.isEmpty { nodes.append(("Fundstelle", SiteContext.location(source.location))) }
                if !source.note.isEmpty { nodes.append(("Anmerkung", .text(source.note))) }
                return .element("li", [("id", SiteContext.sourceAnchor(dataset.slug, source.id))], [
                    .strong(source.title),
                    .element("dl", [("class", "eckdaten")], nodes.flatMap { term, value in
                        [HTMLNode.element("dt", [], [.text(term)]), .element("dd", [], [value])]
                    }),
                ])
            }))
        }
        let html = site.layout.page(path, title: title, intro: intro, content: content)
        return RenderedPage(path: path, title: title, html: html, tables: [], footnotes: [:])
    }
}
