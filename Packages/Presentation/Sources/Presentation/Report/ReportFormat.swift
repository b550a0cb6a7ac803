import Comparison

/// The text forms of a comparison and of a gaps checklist.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// An aligned table for the terminal, with footnotes.
    case table
    /// Markdown to paste into a committee document, with footnotes.
    case markdown
    /// One line per figure, numbers plain (a point for decimals).
    case csv
    /// The whole report as data, numbers plain.
    case json
}

/// Renders comparisons and gaps checklists as text. Pure: the same input gives the same bytes.
public enum ReportRenderer {
    /// The report in `format`; `colour` adds ANSI colours to the table (the caller decides whether the terminal wants them).
    public static func render(_ report: ComparisonReport, as format: ReportFormat, colour: Bool = false) -> String {
        switch format {
        case .table: return ReportTable(report: report, style: TerminalStyle(colour: colour)).text
        case .markdown: return ReportMarkdown(report: report).text
        case .csv: return ReportCSV(report: report).text
        case .json: return ReportJSON.text(report)
        }
    }

    /// The checklist in `format`.
    public static func render(_ gaps: GapsChecklist, as format: ReportFormat, colour: Bool = false) -> String {
        switch format {
        case .table: return GapsText.table(gaps, style: TerminalStyle(colour: colour))
        case .markdown: return GapsText.markdown(gaps)
        case .csv: return GapsText.csv(gaps)
        case .json: return GapsText.json(gaps)
        }
    }
}
