import Comparison
import Domain
import Foundation

/// One file of the exported site.
public struct SiteFile: Sendable, Hashable {
    /// The path inside the output folder, `/`-separated (`vergleiche/leverkusen_aachen.html`).
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    /// The paths a marker file lists (one per line after its first line).
    static func paths(inMarker text: String) -> [String] {
        Array(text.split(separator: "\n").dropFirst().map(String.init))
    }
}

/// The static site: renders pages, charts and CSV files from datasets and comparisons, and writes them into a
/// folder that works on an intranet server and straight from disk.
///
/// It runs as named steps (`[2/5] Seiten erzeugen`) and tags an error with the step it happened in. The same
/// content and options give the same bytes: nothing depends on the clock, the file system or hash order.
public struct SiteExporter: Sendable {
    public var options: SiteOptions

    public init(options: SiteOptions = SiteOptions()) {
        self.options = options
    }

    /// The steps in order, as the log shows them.
    static let steps = ["Inhalte prüfen", "Seiten erzeugen", "Tabellen als CSV erzeugen",
                        "Stilvorlage und Seitenübersicht erzeugen", "Ordner schreiben"]

    /// Renders every file of the site, sorted by path.
    public func render(_ content: SiteContent, log: (String) -> Void = { _ in }) throws(PresentationError) -> [SiteFile] {
        try step(0, log: log) { () throws(PresentationError) in try checkComparisons(content) }
        let site = SiteContext(content: content, options: options)
        let pages = step(1, log: log) { () -> [RenderedPage] in
            var pages = [StartPage().render(site)]
            pages += site.datasets.flatMap {
                SiteExporter.authorityPages(SiteAuthority(dataset: $0, potentials: site.potentials[$0.slug], peerView: site.peerViews[$0.slug]), site)
            }
            pages += site.comparisons.map { ComparisonPage(path: $0.path, report: $0.report).render(site) }
            pages += LandPage.pages(site).map { $0.render(site) }
            pages += [MethodologyPage().render(site), SourcesPage().render(site), AccessibilityPage().render(site)]
            return pages
        }
        let tables = step(2, log: log) { () -> [SiteFile] in
            let all = AllFigures(pages: pages, site: site)
            return pages.flatMap { page in
                page.tables.map { SiteFile(path: $0.csvPath.value, contents: Data($0.csv(sources: page.footnotes).utf8)) }
            } + [SiteFile(path: AllFigures.csvPath, contents: Data(all.csv.utf8)),
                 SiteFile(path: AllFigures.jsonPath, contents: Data(all.json.utf8))]
        }
        let frame = step(3, log: log) { () -> [SiteFile] in
            let sitemap = SitemapPage().render(site, pages: pages.map { ($0.path, $0.title) })
            return [SiteFile(path: sitemap.path.value, contents: Data(sitemap.html.utf8)),
                    SiteFile(path: SitePath.stylesheet.value, contents: Data(Stylesheet.css.utf8))]
        }
        var files = pages.map { SiteFile(path: $0.path.value, contents: Data($0.html.utf8)) } + tables + frame
        files.sort { $0.path < $1.path }
        let marker = "bench export site: the files below were written by bench and are replaced by the next export\n"
            + files.map { $0.path + "\n" }.joined()
        files.insert(SiteFile(path: SitePath.marker.value, contents: Data(marker.utf8)), at: 0)
        return files
    }

    /// Renders the site and puts it into `folder`, replacing an earlier export there. A folder holding other
    /// files is refused unless `force` is set; a workspace or repository is always refused.
    public func export(_ content: SiteContent, to folder: URL, force: Bool,
                       log: (String) -> Void = { _ in }) throws(PresentationError) -> [SiteFile] {
        let files = try render(content, log: log)
        try step(4, log: log) { () throws(PresentationError) in
            try SiteWriter(files: files).write(to: folder, force: force)
        }
        return files
    }

    private func step<T>(_ index: Int, log: (String) -> Void, _ body: () throws(PresentationError) -> T) throws(PresentationError) -> T {
        let name = SiteExporter.steps[index]
        log("[\(index + 1)/\(SiteExporter.steps.count)] \(name)")
        do {
            return try body()
        } catch {
            throw .inStep("[\(index + 1)/\(SiteExporter.steps.count)] \(name)", error)
        }
    }

    private func step<T>(_ index: Int, log: (String) -> Void, _ body: () -> T) -> T {
        log("[\(index + 1)/\(SiteExporter.steps.count)] \(name(index))")
        return body()
    }

    private func name(_ index: Int) -> String { SiteExporter.steps[index] }
}
