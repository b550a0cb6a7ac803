import Comparison
import Domain

/// The German sentences of a section's opening ("Auf einen Blick"), made from its `SectionSummary`: what each side
/// reports, in its unit and at its date, and whether an order may be given and why not. Every renderer opens a
/// section with these.
public enum SummaryText {
    /// The heading every renderer gives the opening.
    public static let heading = "Auf einen Blick"

    /// One to three sentences.
    public static func sentences(_ summary: SectionSummary, in report: ComparisonReport) -> [String] {
        var sentences: [String] = []
        if !summary.statements.isEmpty { sentences.append(reports(summary, in: report)) }
        sentences.append(verdict(summary, in: report))
        return sentences
    }

    /// The sentences as one paragraph.
    public static func paragraph(_ summary: SectionSummary, in report: ComparisonReport) -> String {
        sentences(summary, in: report).joined(separator: " ")
    }

    /// "Zu „Anteil online laut Kommune“ meldet Stadt Leverkusen 21,6 % (41 von 190 OZG-Leistungen), Stand 23.05.2025;
    /// StädteRegion Aachen 23,8–28,6 % der LeiKa-Leistungen, Stand 28.05.2024."
    static func reports(_ summary: SectionSummary, in report: ComparisonReport) -> String {
        let municipalities = summary.statements.filter { !$0.isStatistic }
        var parts = municipalities.map { statement in statement.name + verb(statement.figure.value) + figure(statement) }
        if let group = report.peerGroup {
            let statistics = summary.statements.filter(\.isStatistic)
            let median = statistics.first { $0.name == PeerStatistic.median.germanName }
            let lower = statistics.first { $0.name == PeerStatistic.lowerQuartile.germanName }
            let upper = statistics.first { $0.name == PeerStatistic.upperQuartile.germanName }
            let who = "die Vergleichsgruppe (\(group.germanDescription))"
            if let median, median.figure.value.bounds != nil {
                var text = who + " im Median " + GermanFormat.value(median.figure.value, reasons: false)
                if let lower, let upper, lower.figure.value.bounds != nil, upper.figure.value.bounds != nil {
                    text += " (Quartile " + GermanFormat.value(lower.figure.value, reasons: false) + " und "
                        + GermanFormat.value(upper.figure.value, reasons: false) + ")"
                }
                parts.append(text)
            } else if let median {
                parts.append("für " + who + " " + GermanFormat.value(median.figure.value))
            }
        }
        return "Zu " + GermanFormat.quoted(summary.label) + ": " + parts.joined(separator: "; ") + "."
    }

    /// What one municipality reports for the headline of a section: "Stadt Aachen meldet zu „Anteil online laut
    /// Kommune“ 23,8 % (283 von 1.187 LeiKa-Leistungen), Stand 28.05.2024."; nil where the summary has no statement of it.
    public static func statement(of slug: Slug, _ summary: SectionSummary, in report: ComparisonReport) -> String? {
        guard let index = report.columns.firstIndex(where: { $0.slug == slug }), summary.statements.indices.contains(index) else {
            return nil
        }
        let statement = summary.statements[index]
        return statement.name + " zu " + GermanFormat.quoted(summary.label) + ": " + figure(statement) + "."
    }

    /// " meldet " before a figure, ": " before "unbekannt", "entfällt" or "keine genannt".
    static func verb(_ value: FigureValue) -> String {
        if case .count(0, .atLeast) = value { return ": " }
        return value.isKnown ? " meldet " : ": "
    }

    /// One line of the list at the top of a report: "Weitere Kennzahlen („Tablets“): Den höheren Wert meldet Stadt B."
    public static func line(_ section: MetricSection, in report: ComparisonReport) -> String {
        let summary = report.summary(of: section)
        return section.title + (summary.label.isEmpty ? "" : " (" + GermanFormat.quoted(summary.label) + ")") + ": "
            + verdict(summary, in: report)
    }

    /// A figure with its unit and date: "21,6 % (41 von 190 OZG-Leistungen), Stand 23.05.2025".
    static func figure(_ statement: SectionSummary.Statement) -> String {
        let value = statement.figure.value
        var text = GermanFormat.value(value)
        if let unit = statement.unit, value.isKnown {
            switch value {
            case .share:
                if text.hasSuffix(")") { text.removeLast(); text += " " + unit + ")" }
            case .interval(_, _, let own) where own == IndicatorUnit.percent.rawValue:
                text += " der " + unit
            case .count:
                text += " " + unit
            default: break
            }
        }
        if let detail = statement.detail, value.isKnown, case .interval = value, detail.value.isKnown {
            text += " (" + GermanFormat.value(detail.value, reasons: false) + " online)"
        }
        if let date = statement.figure.asOf { text += ", Stand " + GermanFormat.date(date) }
        return text
    }

    /// Whether an order may be given, and why not.
    static func verdict(_ summary: SectionSummary, in report: ComparisonReport) -> String {
        switch summary.verdict {
        case .notComparable(let reason):
            return reason
        case .noFigures:
            return "Für diese Kennzahl gibt es keine Zahlen."
        case .missing(let names):
            return "Eine Reihenfolge ist nicht möglich, weil " + GermanFormat.list(names)
                + (names.count == 1 ? " dafür keine Zahl meldet." : " dafür keine Zahl melden.")
        case .differentUnits(let units):
            let named = units.filter { !$0.value.isEmpty }
            return "Ein Vergleich der Werte ist nicht möglich, weil die Kommunen in verschiedenen Einheiten zählen"
                + (named.isEmpty ? "" : " (" + named.map { $0.name + ": " + $0.value }.joined(separator: "; ") + ")") + "."
        case .forbidden(let kind):
            return "Eine Reihenfolge ist nicht möglich, weil " + forbidding(kind) + "."
        case .overlapping(let open) where !open.isEmpty:
            return "Eine Reihenfolge lässt sich nicht angeben, weil " + (open.count == 1 ? "die Zahl von " : "die Zahlen von ")
                + GermanFormat.list(open) + (open.count == 1 ? " nur eine Untergrenze ist" : " nur Untergrenzen sind")
                + " und sich die Spannen der Werte überschneiden."
        case .overlapping:
            return "Eine Reihenfolge lässt sich nicht angeben, weil sich die Spannen der Werte überschneiden."
        case .ordered(let places, let caveats):
            var text: String
            if places.count <= 1 {
                text = "Die Werte sind gleich"
            } else if places.count == 2 && places.allSatisfy({ $0.count == 1 }) {
                text = "Den höheren Wert meldet " + places[0][0]
            } else {
                text = "Reihenfolge vom höchsten Wert an: " + places.map { GermanFormat.list($0) }.joined(separator: ", dann ")
            }
            return text + withCaveats(caveats)
        case .position(let position, let caveats):
            let name = summary.statements.first { !$0.isStatistic }?.name ?? ""
            switch position {
            case .belowLowerQuartile: return name + " liegt unter dem unteren Quartil der Vergleichsgruppe" + withCaveats(caveats)
            case .betweenQuartiles: return name + " liegt zwischen unterem und oberem Quartil der Vergleichsgruppe" + withCaveats(caveats)
            case .aboveUpperQuartile: return name + " liegt über dem oberen Quartil der Vergleichsgruppe" + withCaveats(caveats)
            case .undetermined:
                return "Wo " + name + " in der Vergleichsgruppe liegt, lässt sich nicht sagen, weil sich die Spannen von Wert und Quartilen überschneiden."
            case .tooFewPeers:
                return "Wo " + name + " in der Vergleichsgruppe liegt, lässt sich nicht sagen: Aus weniger als "
                    + GermanFormat.integer(PeerGroup.minimumForQuartiles) + " bekannten Werten werden keine Quartile berechnet."
            }
        }
    }

    /// Why a kind of note forbids an order.
    static func forbidding(_ kind: ComparabilityNote.Kind) -> String {
        switch kind {
        case .differentUnits: return "die Werte in verschiedenen Einheiten gemeldet sind"
        case .differentScopes: return "die Kommunen Projekte verschiedenen Umfangs zählen"
        case .differentLevels: return "die Kommunen verschiedenen Verwaltungsebenen angehören und für verschiedene Leistungen zuständig sind"
        case .dashboardRows: return "Zeilen des OZG-Dashboards etwas anderes zählen als die Berichte der Kommunen"
        default: return ReportWords.noteTitle(kind)
        }
    }

    /// ", mit Einschränkungen (Verschiedene Stände)." or ".".
    static func withCaveats(_ caveats: [ComparabilityNote.Kind]) -> String {
        caveats.isEmpty ? "." : "; mit Einschränkungen (" + caveats.map(ReportWords.noteTitle).joined(separator: ", ") + ")."
    }

    /// "3 von 12 Hinweisen" heading of the key notes, and of all.
    static func keyNotesHeading(_ summary: SectionSummary) -> String {
        summary.keyNotes.count == summary.noteCount
            ? (summary.noteCount == 1 ? "Hinweis zur Vergleichbarkeit" : "Hinweise zur Vergleichbarkeit")
            : "Wichtigste Hinweise (\(summary.keyNotes.count) von \(summary.noteCount))"
    }

    /// "Alle 12 Hinweise".
    static func allNotesHeading(_ count: Int) -> String {
        count == 1 ? "Der Hinweis" : "Alle \(GermanFormat.integer(count)) Hinweise"
    }
}
