import Comparison
import Domain

extension ReportRenderer {
    /// `bench potentials` in `format`.
    public static func render(_ potentials: PotentialsReport, as format: ReportFormat, colour: Bool = false) -> String {
        let text: String
        switch format {
        case .table: text = PotentialsText.table(potentials, style: TerminalStyle(colour: colour))
        case .markdown: text = PotentialsText.markdown(potentials)
        case .csv: text = PotentialsText.csv(potentials)
        case .json: text = PotentialsText.json(potentials)
        }
        return visible(text, format: format, colour: colour)
    }
}

/// The words and forms of a potentials report: the terminal table, Markdown, CSV and JSON; the site's section uses the
/// same sentences.
public enum PotentialsText {
    // MARK: - Sentences every form shares

    /// "Potenziale: Stadt Beispielstadt".
    static func title(_ report: PotentialsReport) -> String { "Potenziale: " + report.subject.participant.name }

    /// The peer group in one sentence, with how many have LeiKa-level data.
    public static func peerGroup(_ report: PotentialsReport) -> String {
        guard let group = report.peerGroup else { return "Keine Vergleichsgruppe: " + report.noPeerGroup + "." }
        var text = "Vergleichsgruppe: \(group.germanDescription); davon "
            + "\(GermanFormat.integer(report.peersWithData.count)) mit Daten auf Ebene der LeiKa-Leistungen"
        if !report.peersWithoutData.isEmpty {
            // A few by name, the rest counted: each profile of a large group says this.
            var names = report.peersWithoutData.prefix(PeerGroup.namedInNotes).map(\.participant.name)
            if report.peersWithoutData.count > PeerGroup.namedInNotes {
                names.append(GermanFormat.integer(report.peersWithoutData.count - PeerGroup.namedInNotes) + " weitere")
            }
            text += ", \(GermanFormat.integer(report.peersWithoutData.count)) ohne (bei keiner Schwelle mitgezählt: "
                + GermanFormat.list(names) + ")"
        }
        text += "."
        if !group.leftOut.isEmpty { text += " " + group.germanLeftOut }
        return text
    }

    /// What the subject's data are and what a missing row means.
    public static func subjectData(_ report: PotentialsReport) -> String {
        let subject = report.subject
        guard let snapshot = subject.snapshot else {
            return "Daten von \(subject.participant.name): keine einzelne LeiKa-Leistung"
                + (subject.otherUnit.isEmpty ? "." : "; " + subject.otherUnit + ".")
        }
        switch subject.origin {
        case .dashboard:
            return "Daten von \(subject.participant.name): Zeilen des OZG-Dashboards, Stand \(GermanFormat.date(snapshot)). "
                + "Fehlt eine LeiKa-Leistung, ist dem Dashboard kein Online-Dienst bekannt; das heißt nicht, dass es keinen gibt."
        case .handMade:
            return "Daten von \(subject.participant.name): eigene Angaben auf Ebene der LeiKa-Leistungen, Stand \(GermanFormat.date(snapshot)). "
                + "Fehlt eine LeiKa-Leistung, ist sie nicht gemeldet; das heißt nicht, dass sie offline ist."
        }
    }

    /// How the lists are made, with the thresholds.
    public static func definition(_ report: PotentialsReport) -> String {
        "Potenziale sind LeiKa-Leistungen, die bei mindestens \(percent(report.threshold)) der Vergleichskommunen mit Daten auf "
            + "LeiKa-Ebene online sind (Grenze eingeschlossen) und hier nicht; Vorreiter sind LeiKa-Leistungen, die hier online "
            + "sind und bei weniger als \(percent(report.pioneerThreshold)) der Vergleichskommunen. Online heißt: ein funktionierender "
            + "Online-Dienst (beim OZG-Dashboard online_status ok und aktiv; Zeilen „nicht in Auswertung berücksichtigt“ zählen nicht). "
            + "Anteil = Vergleichskommunen mit dem Dienst online / Vergleichskommunen mit Daten auf LeiKa-Ebene; eine Vergleichskommune "
            + "ohne Zeile zur Leistung zählt im Nenner, ohne dass bekannt ist, ob sie offline ist. Leistungen, die laut Typisierung "
            + "des Katalogs nur Bund oder Land ausführen (1 oder 2), sind ausgelassen und gezählt; der Katalog unterscheidet "
            + "Gemeinde- und Kreisaufgaben nicht."
    }

    /// "12 LeiKa-Leistungen; 3 weitere ausgelassen (Typisierung: Bund oder Land)".
    public static func count(_ items: Int, otherLevel: Int) -> String {
        var text = "\(GermanFormat.integer(items)) " + (items == 1 ? "LeiKa-Leistung" : "LeiKa-Leistungen")
        if otherLevel > 0 {
            text += "; \(GermanFormat.integer(otherLevel)) weitere ausgelassen, weil sie laut Typisierung Bund oder Land ausführen"
        }
        return text + "."
    }

    /// "3 von 4 (75,0 %)".
    public static func share(_ item: PotentialsReport.Item) -> String {
        "\(GermanFormat.integer(item.offering)) von \(GermanFormat.integer(item.peersWithData)) (\(GermanFormat.percent(item.share)))"
    }

    /// "zentral verfügbar: Anschluss statt Eigenentwicklung (landesweit flächendeckend)", or how the dashboard says it is
    /// available, or "nicht bekannt".
    public static func central(_ item: PotentialsReport.Item) -> String {
        guard let coverage = item.coverage else { return "nicht bekannt" }
        if coverage.isCentral { return "zentral verfügbar: Anschluss statt Eigenentwicklung (\(coverage.rawValue))" }
        return "nicht zentral (" + coverage.rawValue + ")"
    }

    public static func typisierung(_ item: PotentialsReport.Item) -> String { item.typisierung ?? "unbekannt" }

    /// "OZG-Leistung 10001 Name" or "OZG-Leistung unbekannt".
    public static func ozg(_ item: PotentialsReport.Item) -> String {
        guard let id = item.ozgID else { return "OZG-Leistung unbekannt" }
        return "OZG-Leistung \(id)" + (item.ozgName.isEmpty ? " (nicht in den Referenzdaten)" : " " + item.ozgName)
    }

    public static func examples(_ item: PotentialsReport.Item) -> String {
        let names = item.examples.map(\.name)
        guard !names.isEmpty else { return "" }
        return (item.offering > names.count ? "z. B. " : "") + GermanFormat.list(names)
    }

    /// "Stand 30.06.2025" or "Stand 31.12.2024 bis 30.06.2025".
    public static func peerDates(_ item: PotentialsReport.Item) -> String {
        guard let range = item.peerSnapshots else { return "" }
        return range.lowerBound == range.upperBound ? "Stand " + GermanFormat.date(range.lowerBound)
            : "Stand " + GermanFormat.date(range.lowerBound) + " bis " + GermanFormat.date(range.upperBound)
    }

    public static func percent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return (rounded == rounded.rounded() ? GermanFormat.integer(Int(rounded)) : GermanFormat.decimal(rounded)) + "\u{a0}%"
    }

    /// Every source the items cite, in order of first use (the subject's first).
    static func sources(_ report: PotentialsReport) -> [SourceReference] {
        var seen = Set<SourceReference>()
        var ordered: [SourceReference] = []
        for source in report.subject.sources + (report.potentials + report.pioneers).flatMap(\.sources) where seen.insert(source).inserted {
            ordered.append(source)
        }
        return ordered
    }

    static func sourceText(_ source: SourceReference, _ report: PotentialsReport) -> String {
        ReportWords.source(source, among: [report.subject.participant] + (report.peerGroup?.members ?? []))
    }

    // MARK: - Terminal table

    static func table(_ report: PotentialsReport, style: TerminalStyle) -> String {
        let width = 100
        let sources = sources(report)
        func marks(_ item: PotentialsReport.Item) -> String {
            item.sources.compactMap { sources.firstIndex(of: $0) }.map { "[\($0 + 1)]" }.joined()
        }
        var lines = [style.bold(title(report)), ""]
        for paragraph in [peerGroup(report), subjectData(report)] { lines += wrapped(paragraph, width: width) + [""] }
        if !report.declined.isEmpty {
            lines += wrapped(report.declined, width: width).map(style.caution)
        } else {
            lines += wrapped(definition(report), width: width).map(style.dim)
            for (heading, items, otherLevel, pioneer) in [("Potenziale", report.potentials, report.otherLevelPotentials, false),
                                                         ("Vorreiter", report.pioneers, report.otherLevelPioneers, true)] {
                lines += ["", style.bold("== \(heading) =="), count(items.count, otherLevel: otherLevel)]
                for (index, item) in items.enumerated() {
                    let mark = "\(index + 1). "
                    let indent = String(repeating: " ", count: mark.count)
                    let body = [
                        "\(item.leikaKey) \(item.name)",
                        "\(ozg(item)); \(item.themenfeld)",
                        "online bei \(share(item)) der Vergleichskommunen" + (examples(item).isEmpty ? "" : ", \(examples(item))")
                            + (peerDates(item).isEmpty ? "" : "; \(peerDates(item))"),
                        "hier: " + (pioneer ? "online" : item.here.german),
                        "Flächendeckung: " + central(item),
                        "Typisierung: " + typisierung(item),
                        "Quellen: " + marks(item),
                    ]
                    for (position, text) in body.enumerated() {
                        let parts = wrapped(text, width: width - mark.count)
                        lines.append((position == 0 ? mark : indent) + parts[0])
                        lines += parts.dropFirst().map { indent + $0 }
                    }
                }
                if !pioneer && !report.groups.isEmpty {
                    lines += ["", "Nach Themenfeld und OZG-Leistung:"]
                    for group in report.groups {
                        let text = "\(group.themenfeld), " + groupName(group) + ": \(GermanFormat.integer(group.items)) "
                            + (group.items == 1 ? "LeiKa-Leistung" : "LeiKa-Leistungen") + ", höchster Anteil \(GermanFormat.percent(group.highestShare))"
                        let parts = wrapped(text, width: width - 2)
                        lines.append("- " + parts[0])
                        lines += parts.dropFirst().map { "  " + $0 }
                    }
                }
            }
        }
        if !sources.isEmpty {
            lines += ["", style.bold("Quellen")]
            for (index, source) in sources.enumerated() {
                let mark = "[\(index + 1)] "
                let body = wrapped(sourceText(source, report), width: width - mark.count)
                lines.append(mark + body[0])
                lines += body.dropFirst().map { String(repeating: " ", count: mark.count) + $0 }
            }
        }
        return lines.map { $0.trimmingTrailingSpaces }.joined(separator: "\n") + "\n"
    }

    static func groupName(_ group: PotentialsReport.Group) -> String {
        guard let id = group.ozgID else { return "OZG-Leistung unbekannt" }
        return "OZG-Leistung \(id)" + (group.ozgName.isEmpty ? "" : " " + group.ozgName)
    }

    // MARK: - Markdown

    static func markdown(_ report: PotentialsReport) -> String {
        let sources = sources(report)
        func marks(_ item: PotentialsReport.Item) -> String {
            item.sources.compactMap { sources.firstIndex(of: $0) }.map { "[^\($0 + 1)]" }.joined()
        }
        var lines = ["# " + title(report), "", escaped(peerGroup(report)), "", escaped(subjectData(report))]
        if !report.declined.isEmpty {
            lines += ["", "**" + escaped(report.declined) + "**"]
        } else {
            lines += ["", "*" + escaped(definition(report)) + "*"]
            for (heading, items, otherLevel, pioneer) in [("Potenziale", report.potentials, report.otherLevelPotentials, false),
                                                         ("Vorreiter", report.pioneers, report.otherLevelPioneers, true)] {
                lines += ["", "## " + heading, "", escaped(count(items.count, otherLevel: otherLevel))]
                guard !items.isEmpty else { continue }
                lines += ["", "| Rang | LeiKa-Leistung | OZG-Leistung, Themenfeld | online bei | hier | Flächendeckung | Typisierung |",
                          "|---:|---|---|---|---|---|---|"]
                for (index, item) in items.enumerated() {
                    let offered = escaped(share(item)) + (examples(item).isEmpty ? "" : "<br>" + escaped(examples(item)))
                        + (peerDates(item).isEmpty ? "" : "<br>" + peerDates(item))
                    lines.append("| \(index + 1) | \(item.leikaKey) " + escaped(item.name) + marks(item) + " | " + escaped(ozg(item))
                        + "<br>" + escaped(item.themenfeld) + " | " + offered + " | " + escaped(pioneer ? "online" : item.here.german) + " | "
                        + escaped(central(item)) + " | " + escaped(typisierung(item)) + " |")
                }
                if !pioneer {
                    lines += ["", "**Nach Themenfeld und OZG-Leistung**", "", "| Themenfeld | OZG-Leistung | LeiKa-Leistungen | höchster Anteil |",
                              "|---|---|---:|---:|"]
                    for group in report.groups {
                        lines.append("| " + escaped(group.themenfeld) + " | " + escaped(groupName(group)) + " | "
                            + GermanFormat.integer(group.items) + " | " + GermanFormat.percent(group.highestShare) + " |")
                    }
                }
            }
        }
        if !sources.isEmpty {
            lines += ["", "## Quellen", ""]
            for (index, source) in sources.enumerated() { lines.append("[^\(index + 1)]: " + escaped(sourceText(source, report))) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escaped(_ text: String) -> String { ReportMarkdown.escaped(text) }

    // MARK: - CSV

    /// The columns of the CSV form (German, as the spreadsheet's readers are).
    public static let csvHeader = ["liste", "rang", "leika_schluessel", "leika_leistung", "ozg_id", "ozg_leistung", "themenfeld",
                                   "online_bei", "vergleichskommunen_mit_daten", "anteil_prozent", "beispiele", "hier", "hier_text",
                                   "flaechendeckung", "zentral_verfuegbar", "typisierung", "stand_hier", "stand_vergleich_von",
                                   "stand_vergleich_bis", "quellen"]

    /// One row per item (Potenziale first, then Vorreiter), in the order of `csvHeader`.
    public static func rows(_ report: PotentialsReport) -> [[String]] {
        var rows: [[String]] = []
        for (list, items) in [("potenzial", report.potentials), ("vorreiter", report.pioneers)] {
            for (index, item) in items.enumerated() {
                rows.append([list, String(index + 1), item.leikaKey, item.name, item.ozgID.map(String.init(describing:)) ?? "", item.ozgName,
                             item.themenfeld, String(item.offering), String(item.peersWithData), plainPercent(item.share),
                             item.examples.map(\.name).joined(separator: "; "), item.here.id, item.here.german,
                             item.coverage?.rawValue ?? "", item.isCentral ? "ja" : (item.coverage == nil ? "unbekannt" : "nein"),
                             typisierung(item), report.subject.snapshot?.description ?? "",
                             item.peerSnapshots?.lowerBound.description ?? "", item.peerSnapshots?.upperBound.description ?? "",
                             item.sources.map { "\($0.slug)/\($0.sourceID)" }.joined(separator: " ")])
            }
        }
        return rows
    }

    static func plainPercent(_ share: Double) -> String {
        let rounded = (share * 100 * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func csv(_ report: PotentialsReport) -> String {
        var lines = [csvHeader.joined(separator: ",")]
        lines += rows(report).map { $0.map(CSVWriter.report.field).joined(separator: ",") }
        // What is not an item, as notes in the last column, so that a spreadsheet user sees it too.
        var notes: [(String, String)] = [("hinweis:vergleichsgruppe", peerGroup(report)), ("hinweis:daten", subjectData(report))]
        if !report.declined.isEmpty { notes.append(("hinweis:nicht-bestimmbar", report.declined)) }
        if report.otherLevelPotentials > 0 {
            notes.append(("hinweis:ausgelassen", "Potenziale: " + count(report.potentials.count, otherLevel: report.otherLevelPotentials)))
        }
        if report.otherLevelPioneers > 0 {
            notes.append(("hinweis:ausgelassen", "Vorreiter: " + count(report.pioneers.count, otherLevel: report.otherLevelPioneers)))
        }
        for (kind, text) in notes {
            lines.append(([kind] + Array(repeating: "", count: csvHeader.count - 2) + [text]).map(CSVWriter.report.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - JSON

    struct Document: Encodable {
        var title: String
        var subject: Subject
        var peerGroup: Group?
        var noPeerGroup: String?
        var thresholdPercent: Double
        var pioneerThresholdPercent: Double
        var definition: String
        var declined: String?
        var potentials: [Entry]
        var pioneers: [Entry]
        var leftOutOtherLevel: LeftOut
        var groups: [GroupEntry]
        var sources: [ReportJSON.SourceEntry]
    }

    struct Subject: Encodable {
        var participant: ReportJSON.ParticipantEntry
        var data: String
        var origin: String?
        var snapshot: String?
        var sources: [Int]
        var text: String
    }

    struct Group: Encodable {
        var rule: String
        var description: String
        var members: [Member]
        var leftOut: [ReportJSON.ParticipantEntry]
    }

    struct Member: Encodable {
        var participant: ReportJSON.ParticipantEntry
        var leikaData: Bool
        var origin: String?
        var snapshot: String?
    }

    struct Entry: Encodable {
        var rank: Int
        var leikaKey: String
        var name: String
        var ozgId: Int?
        var ozgName: String?
        var themenfeld: String
        var offering: Int
        var peersWithData: Int
        var sharePercent: String
        var examples: [String]
        var here: String
        var hereText: String
        var coverage: String?
        var central: Bool?
        var typisierung: String?
        var peerSnapshots: [String]?
        var sources: [Int]
    }

    struct LeftOut: Encodable {
        var potentials: Int
        var pioneers: Int
    }

    struct GroupEntry: Encodable {
        var themenfeld: String
        var ozgId: Int?
        var ozgName: String?
        var items: Int
        var highestSharePercent: String
    }

    static func json(_ report: PotentialsReport) -> String {
        let sources = sources(report)
        func numbers(_ list: [SourceReference]) -> [Int] { list.compactMap { sources.firstIndex(of: $0) }.map { $0 + 1 } }
        func entries(_ items: [PotentialsReport.Item]) -> [Entry] {
            items.enumerated().map { index, item in
                Entry(rank: index + 1, leikaKey: item.leikaKey, name: item.name, ozgId: item.ozgID?.rawValue,
                      ozgName: item.ozgName.isEmpty ? nil : item.ozgName, themenfeld: item.themenfeld, offering: item.offering,
                      peersWithData: item.peersWithData, sharePercent: plainPercent(item.share), examples: item.examples.map(\.slug.rawValue),
                      here: item.here.id, hereText: item.here.german, coverage: item.coverage?.rawValue,
                      central: item.coverage.map(\.isCentral), typisierung: item.typisierung,
                      peerSnapshots: item.peerSnapshots.map { [$0.lowerBound.description, $0.upperBound.description] },
                      sources: numbers(item.sources))
            }
        }
        let subject = report.subject
        let document = Document(
            title: title(report),
            subject: Subject(participant: ReportJSON.ParticipantEntry(subject.participant), data: subject.hasLeikaData ? "leika" : "none",
                             origin: subject.hasLeikaData ? subject.origin.rawValue : nil, snapshot: subject.snapshot?.description,
                             sources: numbers(subject.sources), text: subjectData(report)),
            peerGroup: report.peerGroup.map { group in
                Group(rule: group.rule.id, description: group.germanDescription,
                      members: (report.peersWithData + report.peersWithoutData).sorted { $0.participant.slug < $1.participant.slug }.map {
                          Member(participant: ReportJSON.ParticipantEntry($0.participant), leikaData: $0.hasLeikaData,
                                 origin: $0.hasLeikaData ? $0.origin.rawValue : nil, snapshot: $0.snapshot?.description)
                      },
                      leftOut: group.leftOut.map(ReportJSON.ParticipantEntry.init))
            },
            noPeerGroup: report.noPeerGroup.isEmpty ? nil : report.noPeerGroup,
            thresholdPercent: report.threshold, pioneerThresholdPercent: report.pioneerThreshold, definition: definition(report),
            declined: report.declined.isEmpty ? nil : report.declined,
            potentials: entries(report.potentials), pioneers: entries(report.pioneers),
            leftOutOtherLevel: LeftOut(potentials: report.otherLevelPotentials, pioneers: report.otherLevelPioneers),
            groups: report.groups.map { GroupEntry(themenfeld: $0.themenfeld, ozgId: $0.ozgID?.rawValue, ozgName: $0.ozgName.isEmpty ? nil : $0.ozgName,
                                                    items: $0.items, highestSharePercent: plainPercent($0.highestShare)) },
            sources: sources.enumerated().map { index, source in
                ReportJSON.SourceEntry(footnote: index + 1, slug: source.slug.rawValue, id: source.sourceID, title: source.title,
                                       type: source.type.rawValue, reference: source.reference.value, date: source.date.description,
                                       body: source.body.value)
            })
        return ReportJSON.encoded(document)
    }
}
