import Domain

/// The comparability notes every metric may need: levels of government, snapshot dates.
enum CommonNotes {
    /// Where the participants are of different levels of government, a note on it (in "EfA-Nachnutzung" with what each
    /// names as relevant).
    static func levels(_ participants: [Participant], metric: MetricID, relevance: [EfaRelevance] = []) -> ComparabilityNote? {
        guard Set(participants.map(\.kind.level)).count > 1 else { return nil }
        return ComparabilityNote(NoteSubject(metric),
                                 .differentLevels(participants.map { Named($0.name, $0.kind) }, relevance: relevance))
    }

    /// Where the figures' dates lie more than a month apart, how far.
    static func snapshotGap(_ dated: [(name: String, date: PartialDate)], metric: MetricID) -> ComparabilityNote? {
        guard dated.count >= 2 else { return nil }
        let sorted = dated.sorted { $0.date < $1.date }
        let gap = PartialDate.daysBetween(sorted.first!.date, sorted.last!.date)
        guard gap.upperBound > 31 else { return nil }
        return ComparabilityNote(NoteSubject(metric), .snapshotGap(dated.map { Named($0.name, $0.date) }, days: gap))
    }

    /// "A, B und C".
    static func list(_ items: [String]) -> String { GermanFormat.list(items) }

    /// "“PDF”" as German quotes.
    static func quoted(_ text: String) -> String { GermanFormat.quoted(text) }
}

extension Side {
    /// The subject of a note about this side alone.
    func noteSubject(_ metric: MetricID) -> NoteSubject {
        NoteSubject(metric, municipality: NotedMunicipality(slug: participant.slug, name: participant.name))
    }
}
