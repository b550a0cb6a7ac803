import Comparison
import Domain

/// The frame every page shares: head with the content security policy, skip link, header with the site's name
/// and navigation, `main` with the page's one `h1`, and a footer linking the accessibility statement, the
/// methodology and the sources.
struct SiteLayout: Sendable {
    static let siteName = "OZG-Benchmark"

    /// Nothing may load from outside the folder: no script at all, styles only from the site's own stylesheet,
    /// images only from the site or inline (`data:`, which the empty favicon uses). Inline SVG is markup, not a
    /// loaded image, so the charts render under this policy.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    var options: SiteOptions
    /// The newest date the published data names (snapshots and documents), printed where no --generated-at is given.
    var dataDate: PartialDate? = nil

    private static let navigation: [(SitePath, String)] = [
        (.start, "Übersicht"), (.methodology, "Methodik"), (.sources, "Quellen"), (.sitemap, "Seitenübersicht"),
    ]

    private static let footerLinks: [(SitePath, String)] = [
        (.accessibility, "Erklärung zur Barrierefreiheit"), (.methodology, "Methodik"), (.sources, "Quellenverzeichnis"),
        (.sitemap, "Seitenübersicht"),
    ]

    /// A whole page. `title` is the `h1` and, with the site's name, the document title.
    /// Who publishes the pages and when they were made (or, without --generated-at, the newest date of the data):
    /// the line under a comparison's title, so a printed copy names both on its first page.
    var stamp: String {
        var text = "Herausgegeben von: " + options.contact
        if let date = options.generatedAt {
            text += "; Stand der Veröffentlichung: " + GermanFormat.date(date)
        } else if let dataDate {
            text += "; Datenstand: " + GermanFormat.date(dataDate)
        }
        return text + "."
    }

    func page(_ path: SitePath, title: String, intro: [HTMLNode] = [], content: [HTMLNode]) -> String {
        let head = HTMLNode.element("head", [], [
            .element("meta", [("charset", "utf-8")]),
            .element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            // The stylesheet has a dark scheme; this tells the browser before it loads.
            .element("meta", [("name", "color-scheme"), ("content", "light dark")]),
            .element("meta", [("http-equiv", "Content-Security-Policy"), ("content", SiteLayout.contentSecurityPolicy)]),
            .element("title", [], [.text(title + " – " + SiteLayout.siteName)]),
            .element("link", [("rel", "stylesheet"), ("href", path.link(to: .stylesheet))]),
            // An empty icon, so browsers do not ask the server for /favicon.ico (a request outside the folder).
            .element("link", [("rel", "icon"), ("href", "data:,")]),
        ])
        let header = HTMLNode.element("header", [("class", "kopf")], [
            .p([("class", "seitenname")], [.link(path.link(to: .start), SiteLayout.siteName)]),
            .element("nav", [("aria-label", "Hauptnavigation")], [
                .list(SiteLayout.navigation.map { target, label in
                    .link(path.link(to: target), target == path ? [("aria-current", "page")] : [], [.text(label)])
                }),
            ]),
        ])
        // One legend for the words that mark a missing value, on every page that uses one of them.
        let legend = MissingWords.legendNode(for: HTMLNode.group(intro + content).rendered()).map { [$0] } ?? []
        let main = HTMLNode.element("main", [("id", "inhalt")], [.heading(1, title)] + intro + content + legend)
        var footerContent: [HTMLNode] = [
            .element("nav", [("aria-label", "Informationen zu diesen Seiten")], [
                .list(SiteLayout.footerLinks.map { target, label in
                    .link(path.link(to: target), target == path ? [("aria-current", "page")] : [], [.text(label)])
                }),
            ]),
        ]
        footerContent.append(.p("Herausgegeben von: " + options.contact + "."))
        var stamp = "Erzeugt mit bench aus den geprüften Datensätzen"
        if let date = options.generatedAt {
            stamp += "; Stand der Veröffentlichung: " + GermanFormat.date(date)
        } else if let dataDate {
            // Without --generated-at, the date is the newest the data names, so the same data gives the same bytes.
            stamp += "; Datenstand: " + GermanFormat.date(dataDate)
        }
        footerContent.append(.p(stamp + "."))
        let body = HTMLNode.element("body", [], [
            .link("#inhalt", [("class", "sprunglink")], [.text("Zum Inhalt springen")]),
            header, main, .element("footer", [("class", "fuss")], footerContent),
        ])
        return HTMLNode.document(.element("html", [("lang", "de")], [head, body]))
    }
}
