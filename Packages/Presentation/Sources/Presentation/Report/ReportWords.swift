import Comparison
import Domain

/// The German words every text form of a report shares: headings, participants, sources, note titles.
enum ReportWords {
    /// "Vergleich: Stadt Leverkusen und StädteRegion Aachen" or, in the peer view, "… und Vergleichsgruppe".
    static func title(_ report: ComparisonReport) -> String {
        if let group = report.peerGroup {
            return "Vergleich: \(report.participants.map(\.name).joined(separator: ", ")) und die Vergleichsgruppe (\(group.germanDescription))"
        }
        let names = report.participants.map(\.name)
        return "Vergleich: " + GermanFormat.list(names)
    }

    /// Which snapshots the report uses.
    static func asOf(_ report: ComparisonReport) -> String {
        report.asOf.map { "Stand: je Kommune der letzte Stand bis \(GermanFormat.date($0))." }
            ?? "Stand: je Kommune der neueste Stand der Daten."
    }

    /// "Stadt Leverkusen: kreisfreie Stadt (Gemeinde- und Kreisaufgaben), neuester Stand 15.12.2025".
    static func participant(_ participant: Participant) -> String {
        "\(participant.name): \(participant.kind.germanName), \(participant.kind.level.germanName), "
            + (participant.snapshot.map { "neuester Stand \(GermanFormat.date($0))" } ?? "kein Stand")
    }

    /// A peer as the list of the group's members names it: with its inhabitants where known.
    static func member(_ participant: Participant) -> String {
        participant.population.map { population in
            self.participant(participant) + ", \(GermanFormat.integer(population.count)) Einwohner (\(GermanFormat.date(population.date)))"
        } ?? self.participant(participant) + ", Einwohnerzahl unbekannt"
    }

    /// The rule of a peer group in German.
    static func rule(_ rule: PeerRule) -> String {
        switch rule {
        case .levelAndSize: return "gleiche Verwaltungsebene und Größenklasse"
        case .kind: return "gleiche Art"
        case .land: return "gleiches Land"
        case .all: return "alle Kommunen"
        case .list(let name, _): return "Liste " + GermanFormat.quoted(name)
        }
    }

    /// "Vergleichsgruppe (Regel: gleiche Verwaltungsebene und Größenklasse): 4 Vergleichskommunen mit …; Größenklasse
    /// nach Destatis." and who was left out.
    static func peerGroup(_ group: PeerGroup) -> String {
        var text = "Vergleichsgruppe (Regel: \(rule(group.rule))): \(group.germanDescription)."
        if let sizeClass = group.sizeClass { text += " Größenklasse nach: \(sizeClass.source)." }
        if group.members.count < PeerGroup.minimumForQuartiles {
            text += " Aus weniger als \(PeerGroup.minimumForQuartiles) Werten werden keine Quartile berechnet; dann stehen die Werte mit Namen da."
        }
        if !group.germanLeftOut.isEmpty { text += " " + group.germanLeftOut }
        return text
    }

    static func comparability(_ comparability: Comparability) -> String {
        switch comparability {
        case .comparable: return "vergleichbar"
        case .withCaveats: return "vergleichbar mit Einschränkungen (siehe Hinweise)"
        case .notComparable: return "nicht vergleichbar"
        }
    }

    /// The title of a kind of note, as Docs/methodology.md names it.
    static func noteTitle(_ kind: ComparabilityNote.Kind) -> String {
        Methodology.notes.first { $0.kind == kind }?.title ?? "Hinweis"
    }

    /// The notes grouped by kind and counted: "2 × Unbekannte Werte, 1 × Verschiedene Stände", in the order of first use.
    static func kindCounts(_ notes: [ComparabilityNote]) -> String {
        var order: [ComparabilityNote.Kind] = []
        var counts: [ComparabilityNote.Kind: Int] = [:]
        for note in notes {
            if counts[note.kind] == nil { order.append(note.kind) }
            counts[note.kind, default: 0] += 1
        }
        return order.map { "\(counts[$0]!) × " + noteTitle($0) }.joined(separator: ", ")
    }

    /// A source as a footnote: "Stadt Leverkusen: „Title“, Stellungnahme vom 28.05.2025, Nr. 2025/3290; Rat".
    static func source(_ source: SourceReference, in report: ComparisonReport) -> String {
        self.source(source, among: report.participants + (report.peerGroup?.members ?? []))
    }

    /// The same, naming the municipality among `everyone` (its slug where it is not among them).
    static func source(_ source: SourceReference, among everyone: [Participant]) -> String {
        let name = everyone.first { $0.slug == source.slug }?.name ?? source.slug.rawValue
        let date = (source.date.precision == .day ? " vom " : " aus ") + GermanFormat.date(source.date)
        var text = "\(name): „\(source.title)“, \(source.type.germanName)\(date)"
        if let reference = source.reference.value { text += ", Nr. \(reference)" }
        if let body = source.body.value { text += "; \(body)" }
        return text
    }

    /// "Stand 23.05.2025", or empty.
    static func date(_ figure: Figure) -> String {
        figure.asOf.map { "Stand " + GermanFormat.date($0) } ?? ""
    }
}
