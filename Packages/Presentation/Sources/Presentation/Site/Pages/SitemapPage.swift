/// The Seitenübersicht: every page of the export, grouped, as plain links (a site map that works from disk).
struct SitemapPage: Sendable {
    let path = SitePath.sitemap

    /// `pages` are the other pages' paths and titles, as rendered.
    func render(_ site: SiteContext, pages: [(path: SitePath, title: String)]) -> RenderedPage {
        let title = "Seitenübersicht"
        func links(_ filter: (SitePath) -> Bool) -> HTMLNode {
            .list(pages.filter { filter($0.path) }.map { .link(path.link(to: $0.path), $0.title) })
        }
        let general: Set<SitePath> = [.start, .methodology, .sources, .accessibility]
        var content: [HTMLNode] = [.heading(2, id: "allgemein", "Allgemein"), links { general.contains($0) }]
        for (prefix, id, heading) in [("laender/", "laender", "Länder"), ("kommunen/", "kommunen", "Kommunen"),
                                      ("vergleichsgruppen/", "vergleichsgruppen", "Vergleichsgruppen"),
                                      ("vergleiche/", "vergleiche", "Vergleiche")]
        where pages.contains(where: { $0.path.value.hasPrefix(prefix) }) {
            content += [.heading(2, id: id, heading), links { $0.value.hasPrefix(prefix) }]
        }
        let html = site.layout.page(path, title: title, content: content)
        return RenderedPage(path: path, title: title, html: html, tables: [], footnotes: [:])
    }
}
