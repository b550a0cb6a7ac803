import Foundation
import Comparison
import Domain

/// A page as rendered: its file, title (for the site map), markup, and the tables to offer as CSV.
struct RenderedPage: Sendable {
    var path: SitePath
    var title: String
    var html: String
    var tables: [DataTable]
    /// The text of each footnote number used in the tables, for the CSV files.
    var footnotes: [Int: String]
}

/// What every page may look up, prepared once for the whole site so no page computes it again.
struct SiteContext: Sendable {
    var layout: SiteLayout
    var options: SiteOptions
    /// Sorted by slug, so every list on the site has the same order on every run.
    var datasets: [Dataset]
    /// The comparisons with their pages, in the order given.
    var comparisons: [(path: SitePath, report: ComparisonReport)]
    var reference: ReferenceCatalogue
    var sizeClasses: [SizeClass]
    var potentials: [Slug: PotentialsReport]
    /// Each municipality's oldest and newest snapshot, found once (a census can hold millions of dated rows).
    var snapshotSpans: [Slug: (first: PartialDate, last: PartialDate)]
    /// Each document's footnote number, the same on every page of the site: the municipalities by slug, each one's
    /// documents oldest first ("slug/id" as key).
    var footnoteNumbers: [String: Int] = [:]
    /// Each document's location where it gives one ("slug/id" as key), so that a page need not search every dataset.
    var locations: [String: String] = [:]
    /// Each municipality's peer view, by its slug.
    var peerViews: [Slug: ComparisonReport] = [:]
    /// The Kreise's names by key.
    var kreisNames: [String: String] = [:]

    init(content: SiteContent, options: SiteOptions) {
        self.peerViews = Dictionary(content.peerViews.map { ($0.participants[0].slug, $0) }, uniquingKeysWith: { first, _ in first })
        self.kreisNames = content.kreisNames
        self.reference = content.reference
        self.sizeClasses = content.sizeClasses
        self.potentials = content.potentials
        self.layout = SiteLayout(options: options)
        self.options = options
        self.datasets = content.datasets.sorted { $0.slug < $1.slug }
        self.comparisons = content.comparisons.map { (SitePath.comparison($0.participants.map(\.slug)), $0) }
        var spans: [Slug: (first: PartialDate, last: PartialDate)] = [:]
        for dataset in datasets {
            var first: PartialDate?, last: PartialDate?
            func include(_ date: PartialDate) {
                if first.map({ date < $0 }) ?? true { first = date }
                if last.map({ $0 < date }) ?? true { last = date }
            }
            for service in dataset.services { include(service.snapshot) }
            for tally in dataset.tallies { include(tally.snapshot) }
            for indicator in dataset.indicators { include(indicator.snapshot) }
            for project in dataset.projects { include(project.statusDate) }
            if let given = content.snapshotSpans?[dataset.slug] {
                include(given.lowerBound)
                include(given.upperBound)
            }
            if let first, let last { spans[dataset.slug] = (first, last) }
        }
        self.snapshotSpans = spans
        var number = 0
        for dataset in datasets {
            for source in dataset.sources.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) })
            where footnoteNumbers[dataset.slug.rawValue + "/" + source.id] == nil {
                number += 1
                footnoteNumbers[dataset.slug.rawValue + "/" + source.id] = number
            }
            // The first document of an id, as a search of the list would find it.
            var seen = Set<String>()
            for source in dataset.sources where seen.insert(source.id).inserted && !source.location.isEmpty {
                locations[dataset.slug.rawValue + "/" + source.id] = source.location
            }
        }
        self.layout.dataDate = (spans.values.map(\.last) + datasets.flatMap { $0.sources.map(\.date) }).max()
    }

    /// The site-wide footnote number of a document (nil for one no dataset of the site lists).
    func footnote(_ slug: Slug, _ sourceID: String) -> Int? { footnoteNumbers[slug.rawValue + "/" + sourceID] }

    /// A document's location as a reader follows it: a link where it is a web address, else its text.
    static func location(_ location: String) -> HTMLNode {
        let trimmed = location.trimmingCharacters(in: .whitespaces)
        if (trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://")) && !trimmed.contains(" ") {
            return .link(trimmed, [("class", "fundstelle")], [.text(trimmed)])
        }
        return .text(trimmed)
    }

    /// The location of a document a comparison cites, from its dataset; empty where none is given.
    func location(of source: SourceReference) -> String {
        locations[source.slug.rawValue + "/" + source.sourceID] ?? ""
    }

    /// The section "Quellen" of a page showing `report`: each document with its site-wide footnote number, its location
    /// and a link to the Quellenverzeichnis.
    func sourceList(_ numbered: [(SourceReference, Int)], of report: ComparisonReport, on path: SitePath) -> [HTMLNode] {
        guard !numbered.isEmpty else {
            return [.heading(2, id: "quellen", "Quellen"), .p("Keine Zahl dieses Vergleichs nennt eine Quelle.")]
        }
        return [.heading(2, id: "quellen", "Quellen"), .element("ol", [("class", "quellen")], numbered.map { source, number in
            .element("li", [("id", "quelle-\(number)"), ("value", String(number))], [
                .text(ReportWords.source(source, in: report)),
                location(of: source).isEmpty ? .group([])
                    : .group([.text("; Fundstelle: "), SiteContext.location(location(of: source))]),
                .text(" ("),
                .link(path.link(to: .sources, fragment: SiteContext.sourceAnchor(source.slug, source.sourceID)), "im Quellenverzeichnis"),
                .text(")"),
            ])
        })]
    }

    /// The comparisons a municipality takes part in.
    func comparisons(of slug: Slug) -> [(path: SitePath, report: ComparisonReport)] {
        comparisons.filter { $0.report.participants.contains { $0.slug == slug } }
    }

    /// The anchor of a document in the Quellenverzeichnis.
    static func sourceAnchor(_ slug: Slug, _ sourceID: String) -> String { "quelle-\(slug.rawValue)-\(sourceID)" }

    /// A document as one line, in the words `bench compare` uses for its footnotes:
    /// "„Title“, Stellungnahme vom 28.05.2025, Nr. 2025/3290; Finanz- und Digitalisierungsausschuss".
    static func describe(_ source: SourceReference) -> String {
        let date = (source.date.precision == .day ? " vom " : " aus ") + GermanFormat.date(source.date)
        var text = "„" + source.title + "“, " + source.type.germanName + date
        if let reference = source.reference.value { text += ", Nr. " + reference }
        if let body = source.body.value { text += "; " + body }
        return text
    }
}
