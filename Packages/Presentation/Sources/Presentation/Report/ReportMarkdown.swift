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
        if !report.sections.isEmpty {
            lines += ["", "**" + SummaryText.heading + ":**", ""]
            lines += report.sections.map { "- " + escaped(section: $0) }
        }
        for section in report.sections {
            let summary = report.summary(of: section)
            lines += ["", "## " + section.title, "", "**" + SummaryText.heading + ":** " + escaped(SummaryText.paragraph(summary, in: report)),
                      "", "*" + escaped(section.definition) + "*", "",
                      "Vergleichbarkeit: " + ReportWords.comparability(section.comparability)]
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
                func item(_ note: ComparabilityNote) -> String { "- **" + ReportWords.noteTitle(note.kind) + ":** " + escaped(NoteText.german(note)) }
                lines += ["", "**" + SummaryText.keyNotesHeading(summary) + "**", ""]
                lines += summary.keyNotes.map(item)
                let rest = section.notes.filter { !summary.keyNotes.contains($0) }
                if !rest.isEmpty {
                    lines += ["", "**Weitere Hinweise (" + ReportWords.kindCounts(rest) + ")**", ""]
                    lines += rest.map(item)
                }
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

    /// "Leistungen online: Ein Vergleich der Werte ist nicht möglich, …" for the list at the top.
    private func escaped(section: MetricSection) -> String {
        escaped(SummaryText.line(section, in: report))
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

    private func escaped(_ text: String) -> String { Self.escaped(text) }

    /// Text safe in a Markdown table cell: pipes, asterisks, underscores and brackets escaped, no line breaks.
    static func escaped(_ text: String) -> String {
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
