import Comparison
import Domain

/// A gaps checklist as text: what each municipality would have to report, grouped by municipality and metric.
enum GapsText {
    static func title(_ gaps: GapsChecklist) -> String {
        "Fehlende Angaben für einen fairen Vergleich: " + gaps.participants.map(\.name).joined(separator: ", ")
    }

    /// "Von Stadt Leverkusen zu melden (7 Angaben)".
    static func heading(_ participant: Participant, count: Int) -> String {
        "Von \(participant.name) zu melden (\(count) " + (count == 1 ? "Angabe" : "Angaben") + ")"
    }

    /// The participant's items grouped by metric, in the metrics' order.
    static func grouped(_ items: [GapItem]) -> [(MetricDefinition, [GapItem])] {
        Methodology.metrics.compactMap { metric in
            let matching = items.filter { $0.metric == metric.id }
            return matching.isEmpty ? nil : (metric, matching)
        }
    }

    static func table(_ gaps: GapsChecklist, style: TerminalStyle) -> String {
        let width = ReportTable.width
        var lines = [style.bold(title(gaps)), gaps.asOf.map { "Stand: je Kommune der letzte Stand bis \(GermanFormat.date($0))." }
            ?? "Stand: je Kommune der neueste Stand der Daten."]
        for participant in gaps.participants {
            let items = gaps.items(for: participant.slug)
            lines += ["", style.bold(heading(participant, count: items.count))]
            if items.isEmpty { lines.append("  Nichts: alle Angaben für einen fairen Vergleich liegen vor.") }
            for (metric, group) in grouped(items) {
                lines += ["", "  " + metric.title]
                for item in group {
                    let figure = wrapped(item.figure, width: width - 8)
                    lines.append("  [ ] " + figure[0])
                    lines += figure.dropFirst().map { "      " + $0 }
                    lines += wrapped("Wo: " + item.location, width: width - 6).map { "      " + style.dim($0) }
                    lines += wrapped("Warum: " + item.reason, width: width - 6).map { "      " + style.dim($0) }
                }
            }
        }
        return lines.map(\.trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    static func markdown(_ gaps: GapsChecklist) -> String {
        var lines = ["# " + title(gaps), "", gaps.asOf.map { "Stand: je Kommune der letzte Stand bis \(GermanFormat.date($0))." }
            ?? "Stand: je Kommune der neueste Stand der Daten."]
        for participant in gaps.participants {
            let items = gaps.items(for: participant.slug)
            lines += ["", "## " + heading(participant, count: items.count)]
            if items.isEmpty { lines += ["", "Nichts: alle Angaben für einen fairen Vergleich liegen vor."] }
            for (metric, group) in grouped(items) {
                lines += ["", "### " + metric.title, ""]
                lines += group.map { "- [ ] **\($0.figure)**  \n  Wo: `\($0.location)`  \n  Warum: \($0.reason)" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csv(_ gaps: GapsChecklist) -> String {
        var lines = ["kommune,abschnitt,angabe,ort,grund"]
        for item in gaps.items {
            lines.append(CSVWriter.report.record([item.slug.rawValue, item.metric.rawValue, item.figure, item.location, item.reason]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Document: Encodable {
        var title: String
        var asOf: String?
        var participants: [ReportJSON.ParticipantEntry]
        var items: [Item]
    }

    struct Item: Encodable {
        var slug: String
        var metric: String
        var figure: String
        var location: String
        var reason: String
    }

    static func json(_ gaps: GapsChecklist) -> String {
        ReportJSON.encoded(Document(
            title: title(gaps), asOf: gaps.asOf?.description, participants: gaps.participants.map(ReportJSON.ParticipantEntry.init),
            items: gaps.items.map { Item(slug: $0.slug.rawValue, metric: $0.metric.rawValue, figure: $0.figure, location: $0.location,
                                         reason: $0.reason) }))
    }
}
