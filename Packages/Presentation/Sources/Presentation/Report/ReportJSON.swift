import Comparison
import Domain
import Foundation

/// A comparison as JSON: every figure taken apart into plain fields, keys sorted, so that the same input gives the
/// same bytes.
enum ReportJSON {
    struct Document: Encodable {
        var title: String
        var asOf: String?
        var participants: [ParticipantEntry]
        var peerGroup: PeerGroupEntry?
        var columns: [ColumnEntry]
        var sections: [SectionEntry]
        var sources: [SourceEntry]
    }

    struct ParticipantEntry: Encodable {
        var slug: String
        var name: String
        var kind: String
        var level: String
        var snapshot: String?

        init(_ participant: Participant) {
            slug = participant.slug.rawValue
            name = participant.name
            kind = participant.kind.rawValue
            level = participant.kind.level.rawValue
            snapshot = participant.snapshot?.description
        }
    }

    struct PeerGroupEntry: Encodable {
        var rule: String
        var description: String
        var list: String?
        var kind: String
        var level: String
        var land: String?
        var sizeClass: SizeClassEntry?
        var members: [MemberEntry]
        var leftOut: [MemberEntry]
        var minimumForQuartiles: Int
        var statistics: [String]

        init(_ group: PeerGroup) {
            rule = group.rule.id
            description = ReportWords.peerGroup(group)
            if case .list(let name, _) = group.rule { list = name }
            kind = group.kind.rawValue
            level = group.kind.level.rawValue
            land = group.rule == .land ? group.land : nil
            sizeClass = group.sizeClass.map { SizeClassEntry(id: $0.id, label: $0.label, lower: $0.lower, upper: $0.upper, source: $0.source) }
            members = group.members.map(MemberEntry.init)
            leftOut = group.leftOut.map(MemberEntry.init)
            minimumForQuartiles = PeerGroup.minimumForQuartiles
            statistics = group.statistics.map(\.rawValue)
        }
    }

    struct SizeClassEntry: Encodable {
        var id: String
        var label: String
        var lower: Int
        var upper: Int?
        var source: String
    }

    /// A member of a peer group: a participant with its inhabitants.
    struct MemberEntry: Encodable {
        var slug: String
        var name: String
        var kind: String
        var level: String
        var snapshot: String?
        var population: Int?
        var populationDate: String?
        var populationSource: String?

        init(_ participant: Participant) {
            slug = participant.slug.rawValue
            name = participant.name
            kind = participant.kind.rawValue
            level = participant.kind.level.rawValue
            snapshot = participant.snapshot?.description
            population = participant.population?.count
            populationDate = participant.population?.date.description
            populationSource = participant.population?.source
        }
    }

    struct ColumnEntry: Encodable {
        var title: String
        var subtitle: String
        var slug: String?
    }

    struct SectionEntry: Encodable {
        var id: String
        var title: String
        var definition: String
        var comparability: String
        var notComparableReason: String?
        /// "Auf einen Blick": the sentences the section opens with.
        var summary: [String]
        var rows: [RowEntry]
        var notes: [NoteEntry]
    }

    struct RowEntry: Encodable {
        var key: String
        var label: String
        var note: String?
        var cells: [CellEntry]
    }

    struct CellEntry: Encodable {
        var figure: PlainFigure
        var asOf: String?
        var sources: [Int]
        var remark: String?
    }

    struct NoteEntry: Encodable {
        var kind: String
        var text: String
        /// Whether the note is one of those that change how a figure reads (shown beside the figures).
        var key: Bool
    }

    struct SourceEntry: Encodable {
        var footnote: Int
        var slug: String
        var id: String
        var title: String
        var type: String
        var reference: String?
        var date: String
        var body: String?
    }

    static func text(_ report: ComparisonReport) -> String {
        let sections = report.sections.map { section -> SectionEntry in
            let (status, reason): (String, String?)
            switch section.comparability {
            case .comparable: (status, reason) = ("comparable", nil)
            case .withCaveats: (status, reason) = ("with-caveats", nil)
            case .notComparable(let why): (status, reason) = ("not-comparable", why)
            }
            let summary = report.summary(of: section)
            return SectionEntry(
                id: section.id.rawValue, title: section.title, definition: section.definition, comparability: status,
                notComparableReason: reason, summary: SummaryText.sentences(summary, in: report),
                rows: section.rows.map { row in
                    RowEntry(key: row.key, label: row.label, note: row.note.isEmpty ? nil : row.note, cells: row.cells.map { figure in
                        CellEntry(figure: PlainFigure(figure.value), asOf: figure.asOf?.description,
                                  sources: figure.sources.compactMap(report.footnote), remark: figure.remark.isEmpty ? nil : figure.remark)
                    })
                },
                notes: section.notes.map { NoteEntry(kind: $0.kind.rawValue, text: NoteText.german($0), key: summary.keyNotes.contains($0)) })
        }
        let document = Document(
            title: ReportWords.title(report), asOf: report.asOf?.description,
            participants: report.participants.map(ParticipantEntry.init),
            peerGroup: report.peerGroup.map(PeerGroupEntry.init),
            columns: report.columns.map { ColumnEntry(title: $0.title, subtitle: $0.subtitle, slug: $0.slug?.rawValue) },
            sections: sections,
            sources: report.sources.enumerated().map { index, source in
                SourceEntry(footnote: index + 1, slug: source.slug.rawValue, id: source.sourceID, title: source.title,
                            type: source.type.rawValue, reference: source.reference.value, date: source.date.description,
                            body: source.body.value)
            })
        return encoded(document)
    }

    /// Pretty-printed JSON with sorted keys and a final line break.
    static func encoded(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
