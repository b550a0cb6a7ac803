import Comparison
import Domain
import Foundation

/// What a streamed export reads of one municipality when its pages are made: its whole dataset and, where the site
/// has them, its potentials and its peer view.
public struct SiteAuthority: Sendable {
    public var dataset: Dataset
    public var potentials: PotentialsReport?
    /// The peer view with the default group (`bench compare SLUG --peers`); nil where it has no peers.
    public var peerView: ComparisonReport?

    public init(dataset: Dataset, potentials: PotentialsReport? = nil, peerView: ComparisonReport? = nil) {
        self.dataset = dataset
        self.potentials = potentials
        self.peerView = peerView
    }
}

/// What a streamed export wrote.
public struct SiteExportSummary: Sendable, Hashable {
    public var pages: Int
    public var tables: Int
    /// Every file, the marker included.
    public var files: Int
}

extension SiteExporter {
    /// The pages of one municipality, in the order the site lists them (its profile first). A page kind made once per
    /// municipality is added here; both ways of exporting use this.
    static func authorityPages(_ authority: SiteAuthority, _ site: SiteContext) -> [RenderedPage] {
        // Its pages see its own peer view only: a streamed export holds one at a time.
        var own = site
        own.peerViews = authority.peerView.map { [authority.dataset.slug: $0] } ?? [:]
        return [MunicipalityPage(dataset: authority.dataset, reference: site.reference, potentials: authority.potentials).render(own),
                PeerPage(dataset: authority.dataset).render(own)]
    }

    /// Renders the site and writes it into `folder` as the pages are made, so that memory holds the index of every
    /// municipality but only a few whole datasets at a time. `index` names every municipality with what the
    /// site-wide pages need (its datasets may lack their service records, with `snapshotSpans` given), and the
    /// comparisons; `authority` gives one municipality's whole dataset and potentials, and is called from several
    /// threads at once. The pages are rendered on every core, in chunks; the files go into a staging folder that
    /// replaces `folder` only when everything is written (as `export` does). The bytes are those of
    /// `render(_:)` for the same content with whole datasets.
    public func export(_ index: SiteContent, authority: @escaping @Sendable (Slug) throws -> SiteAuthority, to folder: URL,
                       force: Bool, log: (String) -> Void = { _ in }) throws -> SiteExportSummary {
        let steps = SiteExporter.steps.count
        var current = 0
        func announce(_ step: Int) {
            current = step
            log("[\(step + 1)/\(steps)] \(SiteExporter.steps[step])")
        }
        /// An error of the exporter's own, tagged with the step it happened in.
        func tagged(_ error: any Error, _ step: Int) -> any Error {
            guard let error = error as? PresentationError else { return error }
            return PresentationError.inStep("[\(step + 1)/\(steps)] \(SiteExporter.steps[step])", error)
        }
        announce(0)
        let staged: StagedSite
        do {
            try checkComparisons(index)
        } catch {
            throw tagged(error, 0)
        }
        do {
            // The folder is checked before anything is rendered (it is written in the last step).
            staged = try StagedSite(target: folder, force: force)
        } catch {
            throw tagged(error, 4)
        }
        let site = SiteContext(content: index, options: options)
        do {
            announce(1)
            let figures = try AllFiguresStream(staging: staged.staging, site: site)
            var titles: [(path: SitePath, title: String)] = []
            var paths: [String] = []
            var pages = 0, tables = 0
            func take(_ written: [WrittenPage]) throws {
                for page in written {
                    titles.append((page.path, page.title))
                    paths += [page.path.value] + page.tables
                    pages += 1
                    tables += page.tables.count
                    try figures.append(csv: page.figuresCSV, json: page.figuresJSON)
                }
            }
            try take([try staged.write(StartPage().render(site))])
            let datasets = site.datasets
            // For each municipality, its pages, from its whole dataset: a few at a time on every core.
            try staged.inChunks(datasets.count, take) { item in
                SiteExporter.authorityPages(try authority(datasets[item].slug), site)
            }
            let comparisons = site.comparisons
            try staged.inChunks(comparisons.count, take) { item in
                [ComparisonPage(path: comparisons[item].path, report: comparisons[item].report).render(site)]
            }
            for page in LandPage.pages(site).map({ $0.render(site) })
                + [MethodologyPage().render(site), SourcesPage().render(site), AccessibilityPage().render(site)] {
                try take([try staged.write(page)])
            }
            announce(2)
            try figures.close()
            paths += [AllFigures.csvPath, AllFigures.jsonPath]
            announce(3)
            let sitemap = SitemapPage().render(site, pages: titles)
            try staged.write(sitemap.path.value, Data(sitemap.html.utf8))
            try staged.write(SitePath.stylesheet.value, Data(Stylesheet.css.utf8))
            paths += [sitemap.path.value, SitePath.stylesheet.value]
            paths.sort()
            let marker = "bench export site: the files below were written by bench and are replaced by the next export\n"
                + paths.map { $0 + "\n" }.joined()
            try staged.write(SitePath.marker.value, Data(marker.utf8))
            announce(4)
            try staged.commit()
            // The site map is a page, the all-figures CSV a table.
            return SiteExportSummary(pages: pages + 1, tables: tables + 1, files: paths.count + 1)
        } catch {
            staged.discard()
            throw tagged(error, current)
        }
    }

    /// Every comparison once, and only of municipalities of the site.
    func checkComparisons(_ content: SiteContent) throws(PresentationError) {
        let known = Set(content.datasets.map(\.slug))
        var pages = Set<SitePath>()
        for report in content.comparisons {
            let slugs = report.participants.map(\.slug)
            guard pages.insert(SitePath.comparison(slugs)).inserted else {
                throw .duplicateComparison(slugs.map(\.rawValue).joined(separator: ":"))
            }
            for participant in report.participants where !known.contains(participant.slug) {
                throw .unknownParticipant(participant.slug.rawValue)
            }
        }
    }
}

/// A page as written: its path and title (for the site map), its tables' files, and its lines of the all-figures
/// download, already written out.
struct WrittenPage: Sendable {
    var path: SitePath
    var title: String
    var tables: [String]
    var figuresCSV: String
    /// The page's rows of the JSON download, indented as inside the document; empty where it has none.
    var figuresJSON: String
}

/// A site's folder while it is written: a staging folder next to the target, swapped in by `commit` (the rules of
/// `SiteWriter`: the target is checked first, an earlier export is replaced only on success, leftovers of an
/// interrupted export are removed).
final class StagedSite: @unchecked Sendable {
    let target: URL
    let staging: URL
    let previous: URL
    private let lock = NSLock()
    private var folders = Set<String>()

    init(target: URL, force: Bool) throws(PresentationError) {
        let manager = FileManager.default
        let folder = target.standardizedFileURL
        guard folder.path != "/" else { throw .outputIsProtected(folder: "/", because: "is the file system's root") }
        try SiteWriter(files: []).checkTarget(folder, force: force)
        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        self.target = folder
        staging = parent.appendingPathComponent(".\(name).bench-export-neu", isDirectory: true)
        previous = parent.appendingPathComponent(".\(name).bench-export-alt", isDirectory: true)
        for leftover in [staging, previous] where manager.fileExists(atPath: leftover.path) {
            try StagedSite.attempt(leftover.path) { try manager.removeItem(at: leftover) }
        }
        try StagedSite.attempt(staging.path) { try manager.createDirectory(at: staging, withIntermediateDirectories: true) }
    }

    /// Writes one file (its hidden characters made visible), creating its folder where needed.
    func write(_ path: String, _ contents: Data) throws(PresentationError) {
        guard SitePath(path).isSafe else { throw .unsafePath(path) }
        let url = staging.appendingPathComponent(path)
        let parent = url.deletingLastPathComponent()
        lock.lock()
        let new = folders.insert(parent.path).inserted
        lock.unlock()
        if new {
            try StagedSite.attempt(parent.path) { try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) }
        }
        try SiteWriter.writeFile(SiteWriter.visible(contents, path: path), to: url.path)
    }

    /// Writes a page and its tables' CSV files; gives what the rest of the export needs of it.
    func write(_ page: RenderedPage) throws(PresentationError) -> WrittenPage {
        try write(page.path.value, Data(page.html.utf8))
        var tables: [String] = []
        for table in page.tables {
            try write(table.csvPath.value, Data(table.csv(sources: page.footnotes).utf8))
            tables.append(table.csvPath.value)
        }
        let records = AllFigures.records(of: page)
        return WrittenPage(path: page.path, title: page.title, tables: tables,
                           figuresCSV: records.map { CSVWriter.spreadsheet.record($0) + CSVWriter.spreadsheet.lineEnd }.joined(),
                           figuresJSON: AllFiguresStream.fragment(records))
    }

    /// Renders and writes the pages of `count` items on every core, a chunk at a time, and hands each chunk's pages to
    /// `take` in item order, so that what is kept of a written page (its lines of the all-figures download) is held
    /// for one chunk only.
    func inChunks(_ count: Int, _ take: ([WrittenPage]) throws -> Void,
                  _ render: @escaping @Sendable (Int) throws -> [RenderedPage]) throws {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = workers * 4
        var start = 0
        while start < count {
            let first = start, end = min(count, start + chunk)
            let results = ChunkResults(count: end - first)
            DispatchQueue.concurrentPerform(iterations: min(workers, end - first)) { worker in
                for item in stride(from: first + worker, to: end, by: workers) {
                    results.set(item - first, Result { try render(item).map { page throws(PresentationError) in try self.write(page) } })
                }
            }
            var written: [WrittenPage] = []
            for result in results.values { written += try result!.get() }
            try take(written)
            start = end
        }
    }

    /// Puts the staging folder in place of the target.
    func commit() throws(PresentationError) {
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) {
            try StagedSite.attempt(target.path) { try manager.moveItem(at: target, to: previous) }
            do throws(PresentationError) {
                try StagedSite.attempt(target.path) { try manager.moveItem(at: staging, to: target) }
            } catch {
                try? manager.moveItem(at: previous, to: target)
                throw error
            }
            try StagedSite.attempt(previous.path) { try manager.removeItem(at: previous) }
        } else {
            try StagedSite.attempt(target.path) { try manager.moveItem(at: staging, to: target) }
        }
    }

    /// Removes the staging folder after a failure; the target is as it was.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    static func attempt(_ path: String, _ body: () throws -> Void) throws(PresentationError) {
        do {
            try body()
        } catch {
            throw .writeFailed(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// The results of one chunk, each set by one worker at its own index.
private final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<[WrittenPage], any Error>?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<[WrittenPage], any Error>) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }
}

/// The all-figures download (`daten/alle-zahlen.csv` and `.json`) written page by page: the same bytes as
/// `AllFigures` makes of all pages at once.
final class AllFiguresStream {
    private let csv: FileHandle
    private let json: FileHandle
    private let site: SiteContext
    private let paths: (csv: String, json: String)
    /// The JSON document before and after its rows, and whether a row was written.
    private let jsonHead: String
    private let jsonTail: String
    private var wroteRows = false
    private let figures: AllFigures

    init(staging: URL, site: SiteContext) throws(PresentationError) {
        self.site = site
        figures = AllFigures(pages: [], site: site)
        let folder = staging.appendingPathComponent("daten")
        paths = (staging.appendingPathComponent(AllFigures.csvPath).path, staging.appendingPathComponent(AllFigures.jsonPath).path)
        try StagedSite.attempt(folder.path) { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        for path in [paths.csv, paths.json] where !FileManager.default.createFile(atPath: path, contents: nil) {
            throw .writeFailed(path: path, reason: "the file cannot be made")
        }
        guard let csv = FileHandle(forWritingAtPath: paths.csv), let json = FileHandle(forWritingAtPath: paths.json) else {
            throw .writeFailed(path: paths.csv, reason: "the file cannot be opened")
        }
        self.csv = csv
        self.json = json
        // The document with one row of a marker, cut where the row stands.
        let marker = "\u{1}bench-rows\u{1}"
        let whole = AllFigures.json(licence: figures.licence, citation: figures.citation + " (" + AllFigures.jsonPath + ")",
                                    rows: [[marker]])
        let row = AllFiguresStream.fragment([[marker]])
        guard let range = whole.range(of: row) else { throw .writeFailed(path: paths.json, reason: "the JSON rows cannot be placed") }
        jsonHead = String(whole[..<range.lowerBound])
        jsonTail = String(whole[range.upperBound...])
        let head = CSVWriter.spreadsheet.document([[figures.licence], [figures.citation + " (" + AllFigures.csvPath + ")"], [],
                                                   AllFigures.columns])
        try write(csv, head, path: paths.csv, atStart: true)
        try write(json, jsonHead, path: paths.json, atStart: true)
    }

    /// One page's rows, as written inside the document: each row's lines indented one level more than the encoder
    /// gives them alone.
    static func fragment(_ rows: [[String]]) -> String {
        guard !rows.isEmpty, let data = try? AllFigures.encoder.encode(rows) else { return "" }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 2 else { return "" }
        return lines[1..<(lines.count - 1)].map { "  " + $0 }.joined(separator: "\n")
    }

    func append(csv text: String, json fragment: String) throws(PresentationError) {
        if !text.isEmpty { try write(csv, text, path: paths.csv) }
        guard !fragment.isEmpty else { return }
        try write(json, (wroteRows ? ",\n" : "") + fragment, path: paths.json)
        wroteRows = true
    }

    /// Ends both files; a document without rows is written whole (the encoder's form for an empty list).
    func close() throws(PresentationError) {
        if wroteRows {
            try write(json, jsonTail, path: paths.json)
        } else {
            try StagedSite.attempt(paths.json) {
                try json.truncate(atOffset: 0)
                try json.seek(toOffset: 0)
            }
            try write(json, AllFigures.json(licence: figures.licence, citation: figures.citation + " (" + AllFigures.jsonPath + ")",
                                            rows: []), path: paths.json, atStart: true)
        }
        try? csv.close()
        try? json.close()
    }

    /// Appends text with its hidden characters made visible (as `SiteWriter` does for a whole file).
    private func write(_ handle: FileHandle, _ text: String, path: String, atStart: Bool = false) throws(PresentationError) {
        var escaped = text
        if atStart {
            escaped = HiddenCharacters.escaped(text)
        } else if text.unicodeScalars.contains(where: HiddenCharacters.isHidden) {
            // A leading "x" so that a byte order mark at the start of a piece is escaped as it is inside the whole file.
            escaped = String(String.UnicodeScalarView(HiddenCharacters.escaped("x" + text).unicodeScalars.dropFirst()))
        }
        try StagedSite.attempt(path) { try handle.write(contentsOf: Data(escaped.utf8)) }
    }
}
