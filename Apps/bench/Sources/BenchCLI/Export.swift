import ArgumentParser
import Comparison
import Domain
import Foundation
import Presentation
import Derivation
import Storage

extension Bench {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export results for publishing.",
            subcommands: [Site.self]
        )
    }
}

extension Bench.Export {
    struct Site: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the static, accessible HTML site for the intranet: start page, one page per Land, per municipality, per municipality's peer group and per compared pair, Methodik, Quellenverzeichnis, Erklärung zur Barrierefreiheit.",
            discussion: """
                The pairs compared are those the reviewed list Datasets/comparisons.csv names (columns a, b, note), \
                or those --pairs names; without either, the site has no pair pages (a site of every pair grows with \
                the square of the datasets: --pairs all asks for it). Each municipality is compared with its peer \
                group as 'bench compare SLUG --peers' does (same level of government and size class; by kind where \
                its population is unknown). The folder works on any web server and opened straight from disk; it loads nothing from outside. The \
                comparisons are computed by the same code as 'bench compare'. The same datasets give byte-identical \
                files. An earlier export in the folder is replaced; a folder with other files is refused unless \
                --force is given.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var databaseOptions: DatabaseOptions

        @Option(help: ArgumentHelp("The folder to write the site into (created where missing).", valueName: "folder"))
        var out: String

        @Option(help: ArgumentHelp("The pairs to compare, as slug:slug separated by commas, or 'all' for every pair (default: the pairs of Datasets/comparisons.csv).",
                                   valueName: "a:b,c:d"))
        var pairs: String?

        @Option(help: ArgumentHelp("Who readers contact about barriers, as the Erklärung zur Barrierefreiheit prints it (e.g. \"Fachbereich Digitalisierung, digital@example.org\").",
                                   valueName: "text"))
        var contact: String?

        @Option(name: .customLong("generated-at"),
                help: ArgumentHelp("A publication date printed on every page (YYYY-MM-DD); without it the pages carry the newest date the data names (Datenstand), so the same data gives the same bytes.",
                                   valueName: "date"))
        var generatedAt: String?

        @Option(help: ArgumentHelp("The licence under which the figures are offered, as the all-figures download (daten/alle-zahlen.csv and .json) names it (e.g. \"Datenlizenz Deutschland – Namensnennung – Version 2.0\"); without it the download says that none is named.",
                                   valueName: "text"))
        var licence: String?

        @Flag(help: "Replace the output folder even when it holds files that bench did not write.")
        var force = false

        @Option(name: .customLong("potentials-peer-group"), help: ArgumentHelp(
            "The peer group of each profile's section Potenziale: level-and-size (default), kind, land, all or list:FILE (as for bench potentials).",
            valueName: "rule"))
        var potentialsPeerGroup: String?

        @Option(name: .customLong("potentials-threshold"), help: ArgumentHelp(
            "The share of the peers, in percent, at which a service counts as a potential in each profile's section Potenziale (default 50, boundary inclusive).",
            valueName: "percent"))
        var potentialsThreshold = PotentialsReport.defaultThreshold

        func validate() throws {
            guard potentialsThreshold > 0, potentialsThreshold <= 100 else {
                throw ValidationError("--potentials-threshold \(potentialsThreshold) is not a share in percent: give a number above 0 and at most 100.")
            }
            if let generatedAt, PartialDate(generatedAt) == nil {
                throw ValidationError("--generated-at '\(generatedAt)' is not a date; write it as YYYY-MM-DD (e.g. 2026-01-15).")
            }
            if let pairs, pairs != "all" { _ = try Site.parsePairs(pairs) }
        }

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                let chosen: [(Slug, Slug)]?
                switch pairs {
                case "all": chosen = nil
                case let text?: chosen = try Site.parsePairs(text).map { (try workspace.slug($0.0), try workspace.slug($0.1)) }
                case nil:
                    if let listed = try workspace.sitePairs() {
                        chosen = listed
                    } else {
                        chosen = []
                        printError("note: there is no Datasets/\(Workspace.sitePairsFile), so the site compares no pairs; name them there (a,b,note) or with --pairs")
                    }
                }
                let rule = try peerRule(potentialsPeerGroup)
                let options = SiteOptions(contact: contact, generatedAt: generatedAt.flatMap { PartialDate($0) }, licence: licence)
                if !options.hasContact {
                    printError("warning: no --contact given; the Erklärung zur Barrierefreiheit sends readers to \"\(SiteOptions.defaultContact)\"")
                }
                let folder = URL(fileURLWithPath: out)
                let summary = try databaseOptions.derivation(for: workspace) { derivation in
                    try Site.streamed(derivation, pairs: chosen, rule: rule, threshold: potentialsThreshold, options: options,
                                      to: folder, force: force, log: printError)
                }
                print("wrote \(summary.pages) pages and \(summary.tables) CSV tables to \(out) (start page: \(folder.appendingPathComponent("index.html").path))")
            }
        }

        /// The site written as it is rendered, from the database: the index of every municipality, the comparisons from
        /// the kept digests, and each profile from its dataset, read one at a time on every core.
        static func streamed(_ derivation: Derivation, pairs: [(Slug, Slug)]?, rule: PeerRule, threshold: Double,
                             options: SiteOptions, to folder: URL, force: Bool, log: @escaping (String) -> Void) throws -> SiteExportSummary {
            let index = try derivation.siteIndex(pairs: pairs)
            let potentials = try derivation.sitePotentials(of: index.datasets, rule: rule, threshold: threshold)
            var content = SiteContent(datasets: index.datasets, comparisons: index.comparisons, reference: index.reference,
                                      sizeClasses: index.sizeClasses)
            content.snapshotSpans = index.serviceSpans
            content.kreisNames = try derivation.kreisNames()
            let dataset = index.dataset
            let peerView = try derivation.sitePeerViewMaker()
            return try SiteExporter(options: options).export(content, authority: { slug in
                let whole = try dataset(slug)
                return SiteAuthority(dataset: whole, potentials: potentials.report(for: whole), peerView: try peerView(slug))
            }, to: folder, force: force, log: log)
        }

        /// The site made from every whole dataset in memory, rendered whole and then written: the way before the
        /// streamed one, kept to show that both give the same bytes.
        static func fromDatasets(_ derivation: Derivation, pairs: [(Slug, Slug)]?, rule: PeerRule, threshold: Double,
                                 options: SiteOptions, to folder: URL, force: Bool) throws -> [SiteFile] {
            let inputs = try derivation.site(pairs: pairs)
            let potentials = try derivation.sitePotentials(inputs.datasets, reference: inputs.reference, rule: rule, threshold: threshold)
            let content = SiteContent(datasets: inputs.datasets, comparisons: inputs.comparisons, reference: inputs.reference,
                                      sizeClasses: inputs.sizeClasses, potentials: potentials,
                                      peerViews: try derivation.sitePeerViews(inputs.datasets.map(\.slug)), kreisNames: try derivation.kreisNames())
            return try SiteExporter(options: options).export(content, to: folder, force: force)
        }

        /// `a:b,c:d` as pairs of slug texts; each pair names two different municipalities.
        static func parsePairs(_ text: String) throws -> [(String, String)] {
            var result: [(String, String)] = []
            for item in text.split(separator: ",", omittingEmptySubsequences: true) {
                let parts = item.split(separator: ":", omittingEmptySubsequences: false).map {
                    String($0).trimmingCharacters(in: .whitespaces)
                }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ValidationError("--pairs: '\(item)' is not a pair; write two slugs joined by ':' (e.g. leverkusen:aachen).")
                }
                guard parts[0] != parts[1] else {
                    throw ValidationError("--pairs: '\(item)' compares \(parts[0]) with itself; name two different municipalities.")
                }
                if !result.contains(where: { $0 == (parts[0], parts[1]) }) { result.append((parts[0], parts[1])) }
            }
            guard !result.isEmpty else {
                throw ValidationError("--pairs is empty; write pairs as slug:slug separated by commas, or leave it out for every pair.")
            }
            return result
        }
    }
}
