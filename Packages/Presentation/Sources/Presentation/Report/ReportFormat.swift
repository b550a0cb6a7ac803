import Domain
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

/// Which comparability notes a text report writes out.
public enum NoteSelection: String, Sendable, CaseIterable {
    /// The notes that change how a figure reads (at most three per section), and how many there are in all.
    case key
    /// Every note.
    case all
}

/// Renders comparisons and gaps checklists as text. Pure: the same input gives the same bytes.
public enum ReportRenderer {
    /// The report in `format`; `colour` adds ANSI colours to the table (the caller decides whether the terminal wants them).
    /// `notes` chooses, for the terminal table, whether every note is written or only the key ones with the count
    /// (Markdown writes the key ones first and the others after them; CSV and JSON carry every note).
    public static func render(_ report: ComparisonReport, as format: ReportFormat, colour: Bool = false,
                              notes: NoteSelection = .key) -> String {
        let text: String
        switch format {
        case .table: text = ReportTable(report: report, style: TerminalStyle(colour: colour), notes: notes).text
        case .markdown: text = ReportMarkdown(report: report).text
        case .csv: text = ReportCSV(report: report).text
        case .json: text = ReportJSON.text(report)
        }
        return visible(text, format: format, colour: colour)
    }

    /// The rendered text with every hidden character of dataset text shown as `<U+202E>` (bench's own colour codes kept).
    static func visible(_ text: String, format: ReportFormat, colour: Bool) -> String {
        HiddenCharacters.escaped(text, keepingColourCodes: colour && format == .table)
    }

    /// The checklist in `format`.
    public static func render(_ gaps: GapsChecklist, as format: ReportFormat, colour: Bool = false) -> String {
        let text: String
        switch format {
        case .table: text = GapsText.table(gaps, style: TerminalStyle(colour: colour))
        case .markdown: text = GapsText.markdown(gaps)
        case .csv: text = GapsText.csv(gaps)
        case .json: text = GapsText.json(gaps)
        }
        return visible(text, format: format, colour: colour)
    }
}
