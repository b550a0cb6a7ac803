import Comparison
import Domain

/// A comparison as an aligned terminal table: one block per metric, figures with their date, source footnotes and
/// remarks in wrapped cells, the comparability notes under each table, the sources at the end.
struct ReportTable {
    var report: ComparisonReport
    var style: TerminalStyle
    var notes: NoteSelection = .key

    /// The width the text aims at: notes and definitions wrap here.
    static let width = 100
    static let labelWidth = 30
    static let separator = " │ "

    var text: String {
        var lines: [String] = [style.bold(ReportWords.title(report)), ReportWords.asOf(report), ""]
        let members = report.peerGroup?.members ?? []
        for (index, participant) in (report.participants + members).enumerated() {
            let words = report.peerGroup == nil ? ReportWords.participant(participant) : ReportWords.member(participant)
            let text = wrapped(words, width: Self.width - 2)
            lines.append("• " + text[0])
            lines += text.dropFirst().map { "  " + $0 }
        }
        if let group = report.peerGroup {
            lines += [""] + wrapped(ReportWords.peerGroup(group), width: Self.width)
        }
        // The answers first: each metric's verdict in one line, before any table.
        if !report.sections.isEmpty {
            lines += ["", style.bold(SummaryText.heading + ":")]
            for section in report.sections {
                let text = wrapped(SummaryText.line(section, in: report), width: Self.width - 2)
                lines.append("• " + text[0])
                lines += text.dropFirst().map { "  " + $0 }
            }
        }
        for section in report.sections {
            lines += [""] + block(section)
        }
        let sources = report.sources
        if !sources.isEmpty {
            lines += ["", style.bold("Quellen")]
            for (index, source) in sources.enumerated() {
                let mark = "[\(index + 1)] "
                let body = wrapped(ReportWords.source(source, in: report), width: Self.width - mark.count)
                lines.append(mark + body[0])
                lines += body.dropFirst().map { String(repeating: " ", count: mark.count) + $0 }
            }
        }
        return lines.map { $0.trimmingTrailingSpaces }.joined(separator: "\n") + "\n"
    }

    private func block(_ section: MetricSection) -> [String] {
        var lines = [style.bold("== \(section.title) ==") + "  " + style.dim(ReportWords.comparability(section.comparability))]
        let summary = report.summary(of: section)
        lines += [style.bold(SummaryText.heading + ":")] + wrapped(SummaryText.paragraph(summary, in: report), width: Self.width)
        lines += [""] + wrapped(section.definition, width: Self.width).map(style.dim)
        if !section.rows.isEmpty {
            lines += [""] + table(section.rows)
        }
        if !section.notes.isEmpty {
            let shown = notes == .all ? section.notes : summary.keyNotes
            lines += ["", (notes == .all ? SummaryText.allNotesHeading(section.notes.count) : SummaryText.keyNotesHeading(summary)) + ":"]
            for note in shown {
                let text = wrapped(ReportWords.noteTitle(note.kind) + ": " + NoteText.german(note), width: Self.width - 2)
                lines.append(style.caution("! ") + text[0])
                lines += text.dropFirst().map { "  " + $0 }
            }
            if shown.count < section.notes.count {
                let rest = section.notes.count - shown.count
                lines += wrapped("… und \(rest) " + (rest == 1 ? "weiterer Hinweis" : "weitere Hinweise") + " ("
                                 + ReportWords.kindCounts(section.notes.filter { !shown.contains($0) })
                                 + "); alle mit --notes all.", width: Self.width).map(style.dim)
            }
        }
        return lines
    }

    private func table(_ rows: [MetricRow]) -> [String] {
        let columns = report.columns
        let available = Self.width - Self.labelWidth - columns.count * Self.separator.count
        let cellWidth = max(22, available / max(1, columns.count))
        let cells = rows.map { row in row.cells.map { cell($0, width: cellWidth) } }
        // Narrow columns to their content where every cell is short.
        let widths = columns.indices.map { index in
            min(cellWidth, max(characterCount(columns[index].title), characterCount(columns[index].subtitle),
                               cells.flatMap { $0.indices.contains(index) ? $0[index] : [] }.map(characterCount).max() ?? 0))
        }
        func line(_ label: String, _ values: [String]) -> String {
            let valueTexts = values.enumerated().map { index, value in padded(value, widths[index]) }
            return (padded(label, Self.labelWidth) + Self.separator + valueTexts.joined(separator: Self.separator)).trimmingTrailingSpaces
        }
        var lines: [String] = []
        let headings = columns.enumerated().map { index, column in wrapped(column.title, width: widths[index]) }
        let subheadings = columns.enumerated().map { index, column in wrapped(column.subtitle, width: widths[index]) }
        let headingHeight = headings.map(\.count).max() ?? 0
        for index in 0..<headingHeight {
            lines.append(style.bold(line("", headings.map { $0.indices.contains(index) ? $0[index] : "" })))
        }
        for index in 0..<(subheadings.map(\.count).max() ?? 0) {
            lines.append(style.dim(line("", subheadings.map { $0.indices.contains(index) ? $0[index] : "" })))
        }
        lines.append(String(repeating: "─", count: Self.labelWidth) + widths.map { "─┼─" + String(repeating: "─", count: $0) }.joined())
        for (row, rowCells) in zip(rows, cells) {
            var label = wrapped(row.label, width: Self.labelWidth)
            if !row.note.isEmpty { label += wrapped("(" + row.note + ")", width: Self.labelWidth) }
            let height = max(label.count, rowCells.map(\.count).max() ?? 0)
            for index in 0..<height {
                lines.append(line(label.indices.contains(index) ? label[index] : "",
                                  rowCells.map { $0.indices.contains(index) ? $0[index] : "" }))
            }
            lines.append(line("", columns.map { _ in "" }))
        }
        lines.removeLast()
        return lines
    }

    /// A figure's lines: value with footnote marks, its date, its remark.
    private func cell(_ figure: Figure, width: Int) -> [String] {
        let marks = figure.sources.compactMap(report.footnote).map { "[\($0)]" }.joined()
        var lines = wrapped(GermanFormat.value(figure.value) + (marks.isEmpty ? "" : " " + marks), width: width)
        let date = ReportWords.date(figure)
        if !date.isEmpty { lines.append(date) }
        if !figure.remark.isEmpty { lines += wrapped(figure.remark, width: width) }
        return lines
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
