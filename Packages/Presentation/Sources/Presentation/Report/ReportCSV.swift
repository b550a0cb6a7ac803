import Comparison
import Domain

/// A comparison as CSV: one line per figure and one per note, numbers plain. Column names are German, as the
/// spreadsheet's readers are. Text that begins like a formula (`=`, `+`, `-`, `@`) gets an apostrophe in front; numbers
/// stay numbers.
struct ReportCSV {
    var report: ComparisonReport

    static let header = ["abschnitt", "zeile", "schluessel", "spalte", "art", "wert", "untergrenze", "obergrenze", "zaehler",
                         "nenner", "einheit", "qualifikator", "stand", "quellen", "anmerkung"]

    var text: String {
        var lines = [line(Self.header)]
        let columns = report.columns
        if let group = report.peerGroup {
            lines.append(line(["vergleichsgruppe", ReportWords.rule(group.rule), "regel:" + group.rule.id, "", "", "", "", "", "", "", "", "",
                               "", group.sizeClass?.source ?? "", ReportWords.peerGroup(group)]))
            for member in group.members {
                lines.append(line(["vergleichsgruppe", member.name, "mitglied", member.slug.rawValue, "einwohner",
                                   member.population.map { String($0.count) } ?? "", "", "", "", "", "", "",
                                   member.population?.date.description ?? "", member.population?.source ?? "", ReportWords.member(member)]))
            }
            for left in group.leftOut {
                lines.append(line(["vergleichsgruppe", left.name, "nicht-zugeordnet", left.slug.rawValue, "", "", "", "", "", "", "", "", "",
                                   "", left.kind == .unknown ? "Art unbekannt" : "Einwohnerzahl unbekannt"]))
            }
        }
        for section in report.sections {
            lines.append(line([section.id.rawValue, SummaryText.heading, "auf-einen-blick", "", "", "", "", "", "", "", "", "", "", "",
                               SummaryText.paragraph(report.summary(of: section), in: report)]))
            if case .notComparable(let reason) = section.comparability {
                lines.append(line([section.id.rawValue, "", "nicht-vergleichbar", "", "", "", "", "", "", "", "", "", "", "", reason]))
            }
            for row in section.rows {
                for (column, figure) in zip(columns, row.cells) {
                    let plain = PlainFigure(figure.value)
                    let remark = [plain.reason ?? "", figure.remark].filter { !$0.isEmpty }.joined(separator: "; ")
                    lines.append(line([
                        section.id.rawValue, row.label, row.key, column.slug?.rawValue ?? column.title, plain.kind, plain.value ?? "",
                        plain.low ?? "", plain.high ?? "", plain.numerator.map(String.init) ?? "", plain.denominator.map(String.init) ?? "",
                        plain.unit ?? "", plain.qualifier ?? "", figure.asOf?.description ?? "",
                        figure.sources.map { "\($0.slug)/\($0.sourceID)" }.joined(separator: " "), remark,
                    ]))
                }
            }
            for note in section.notes {
                lines.append(line([section.id.rawValue, "", "hinweis:" + note.kind.rawValue, "", "", "", "", "", "", "", "", "", "", "", NoteText.german(note)]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One record; a cell that a spreadsheet would run as a formula is neutralised (`CSVWriter.report`).
    private func line(_ fields: [String]) -> String { CSVWriter.report.record(fields) }
}
