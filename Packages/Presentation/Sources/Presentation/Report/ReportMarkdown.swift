import Comparison
import Domain

/// A comparison as Markdown for committee documents: a heading and a table per metric, sources as footnotes.
struct ReportMarkdown {
    var report: ComparisonReport

    var text: String {
        var lines = ["# " + ReportWords.title(report), "", ReportWords.asOf(report), ""]
        for participant in report.participants {
            lines.append("- " + escaped(report.peerGroup == nil ? ReportWords.participant(participant) : ReportWords.member(participant)))
        }
        for member in report.peerGroup?.members ?? [] {
            lines.append("- " + escaped(ReportWords.member(member)))
        }
        if let group = report.peerGroup {
            lines += ["", escaped(ReportWords.peerGroup(group))]
        }
        for section in report.sections {
            lines += ["", "## " + section.title, "", "*" + escaped(section.definition) + "*", "",
                      "Vergleichbarkeit: " + ReportWords.comparability(section.comparability)]
            if case .notComparable(let reason) = section.comparability {
                lines += ["", "**" + escaped(reason) + "**"]
            }
            if !section.rows.isEmpty {
                let columns = report.columns
                lines += ["", "| | " + columns.map { escaped($0.title) + "<br>" + escaped($0.subtitle) }.joined(separator: " | ") + " |",
                          "|---|" + columns.map { _ in "---|" }.joined()]
                for row in section.rows {
                    let label = escaped(row.label) + (row.note.isEmpty ? "" : "<br>*(" + escaped(row.note) + ")*")
                    lines.append("| " + label + " | " + row.cells.map(cell).joined(separator: " | ") + " |")
                }
            }
            if !section.notes.isEmpty {
                lines += ["", "**Hinweise zur Vergleichbarkeit**", ""]
                lines += section.notes.map { "- **" + ReportWords.noteTitle($0.kind) + ":** " + escaped(NoteText.german($0)) }
            }
        }
        let sources = report.sources
        if !sources.isEmpty {
            lines += ["", "## Quellen", ""]
            for (index, source) in sources.enumerated() {
                lines.append("[^\(index + 1)]: " + escaped(ReportWords.source(source, in: report)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A figure in one table cell: value, footnotes, date and remark.
    private func cell(_ figure: Figure) -> String {
        let marks = figure.sources.compactMap(report.footnote).map { "[^\($0)]" }.joined()
        var text = escaped(GermanFormat.value(figure.value)) + marks
        let date = ReportWords.date(figure)
        if !date.isEmpty { text += "<br>" + date }
        if !figure.remark.isEmpty { text += "<br>" + escaped(figure.remark) }
        return text
    }

    /// Text safe in a Markdown table cell: pipes, asterisks, underscores and brackets escaped, no line breaks.
    private func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|", "*", "_", "[", "]", "<", ">", "\\": result += "\\" + String(character)
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
