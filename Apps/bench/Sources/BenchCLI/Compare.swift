import ArgumentParser
import Comparison
import Domain
import Foundation
import Presentation
import Derivation
import Storage

extension MetricID: @retroactive ExpressibleByArgument {}
extension ReportFormat: @retroactive ExpressibleByArgument {}
extension NoteSelection: @retroactive ExpressibleByArgument {}

extension Bench {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare municipalities on services online, EfA uptake and projects per year, with sources.",
            discussion: """
                Every figure carries its source (document and date) and every metric the notes that say where the \
                comparison is not fair: different counting units, levels of government, snapshot dates, project scopes, \
                unknown values. The output is German, for the committee documents it goes into. Exits 1 when the \
                comparison cannot be made (an unknown municipality, no snapshot before --as-of, no peers).
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions
        @OptionGroup var databaseOptions: DatabaseOptions

        @Argument(help: "The municipalities to compare: two or more slugs, or one with --peers.")
        var slugs: [String] = []

        @Option(name: .customLong("metric"), help: ArgumentHelp(
            "A metric to show (repeat for several; default: all): \(MetricID.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "metric"))
        var metrics: [MetricID] = []

        @OptionGroup var reportOptions: ReportOptions

        @Option(name: .customLong("notes"), help: ArgumentHelp(
            "Which comparability notes the table shows: key (default: the notes that change how a figure reads, at most three per metric, and how many there are) or all. Markdown, CSV and JSON carry every note.",
            valueName: "key|all"))
        var notes: NoteSelection = .key

        @Flag(help: "Compare the one municipality named with the median and quartiles of its peer group (by default: the same level of government and population size class).")
        var peers = false

        @Option(name: .customLong("peer-group"), help: ArgumentHelp(
            "With --peers, how the peer group is chosen: level-and-size (default), kind (same kind), land (same Land), all, or list:FILE (a text file of slugs, one a line, e.g. a Vergleichsring's members).",
            valueName: "rule"))
        var peerGroup: String?

        func validate() throws {
            if peerGroup != nil && !peers {
                throw ValidationError("--peer-group chooses the peers of --peers: add --peers (e.g. 'bench compare leverkusen --peers --peer-group kind').")
            }
            if let rule = peerGroup, !["level-and-size", "kind", "land", "all"].contains(rule), !(rule.hasPrefix("list:") && rule.count > 5) {
                throw ValidationError(peerRuleError(rule))
            }
            if peers {
                guard slugs.count == 1 else {
                    throw ValidationError("--peers compares one municipality with all others of its kind: name exactly one (e.g. 'bench compare leverkusen --peers').")
                }
            } else if slugs.count < 2 {
                throw ValidationError("A comparison needs at least two municipalities (e.g. 'bench compare leverkusen aachen'); to compare one with all others of its kind, add --peers.")
            }
        }

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                let named = try slugs.map { try workspace.slug($0) }
                let subjects: ComparisonRequest.Subjects = peers ? .peers(of: named[0], rule: try peerRule(peerGroup)) : .named(named)
                let request = ComparisonRequest(subjects, asOf: reportOptions.date, metrics: Set(metrics))
                let report = try databaseOptions.derivation(for: workspace) { try $0.comparison(request) }
                print(ReportRenderer.render(report, as: reportOptions.format, colour: reportOptions.wantsColour, notes: notes),
                      terminator: "")
            }
        }
    }
}

/// The rule a `--peer-group` text names (nil: the default, level and size); a list file is read here, one slug a line
/// (empty lines and lines starting with # are skipped). `bench compare`, `bench potentials` and `bench export site` share it.
func peerRule(_ text: String?) throws -> PeerRule {
    guard let text else { return .levelAndSize }
    switch text {
    case "level-and-size": return .levelAndSize
    case "kind": return .kind
    case "land": return .land
    case "all": return .all
    default:
        guard text.hasPrefix("list:"), text.count > 5 else {
            throw ValidationError(peerRuleError(text))
        }
        let path = String(text.dropFirst(5))
        let url = URL(fileURLWithPath: path)
        let contents: String
        do {
            contents = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ValidationError("--peer-group \(text): the list file cannot be read as UTF-8 text (\(error.localizedDescription)).")
        }
        var slugs: [Slug] = []
        for (index, line) in contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let entry = line.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty, !entry.hasPrefix("#") else { continue }
            guard let slug = Slug(entry) else {
                throw ValidationError("\(path):\(index + 1):1: '\(entry)' is not a slug; write one slug a line (e.g. leverkusen).")
            }
            if !slugs.contains(slug) { slugs.append(slug) }
        }
        guard !slugs.isEmpty else { throw ValidationError("\(path): the list names no slug; write one slug a line.") }
        return .list(name: url.deletingPathExtension().lastPathComponent, members: slugs)
    }
}

func peerRuleError(_ text: String) -> String {
    "--peer-group '\(text)' is not a rule: use level-and-size, kind, land, all or list:FILE."
}
