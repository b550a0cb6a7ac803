import Domain

/// The comparability notes every metric may need: levels of government, snapshot dates, unknown values.
enum CommonNotes {
    /// Where the participants are of different levels of government, what that means for this metric.
    static func levels(_ sides: [Side], consequence: String) -> ComparabilityNote? {
        levels(sides.map(\.participant), consequence: consequence)
    }

    static func levels(_ participants: [Participant], consequence: String) -> ComparabilityNote? {
        guard Set(participants.map(\.kind.level)).count > 1 else { return nil }
        let described = participants.map {
            "\($0.name) ist \(article($0.kind)) \($0.kind.germanName) und erledigt \($0.kind.level.germanName)"
        }
        return ComparabilityNote(.differentLevels, described.joined(separator: "; ") + ". " + consequence)
    }

    /// Where the figures' dates lie more than a month apart, how far.
    static func snapshotGap(_ dated: [(name: String, date: PartialDate)]) -> ComparabilityNote? {
        guard dated.count >= 2 else { return nil }
        let sorted = dated.sorted { $0.date < $1.date }
        let gap = PartialDate.daysBetween(sorted.first!.date, sorted.last!.date)
        guard gap.upperBound > 31 else { return nil }
        let dates = dated.map { "\($0.name) \(GermanFormat.date($0.date))" }
        let span = dated.count == 2 ? "liegen \(GermanFormat.distance(days: gap)) auseinander"
            : "liegen bis zu \(GermanFormat.distance(days: gap)) auseinander"
        var text = "Die Stände \(span) (\(dates.joined(separator: ", "))); was sich dazwischen geändert hat, ist nicht berücksichtigt."
        if dated.contains(where: { $0.date.precision != .day }) {
            text += " Ein nur mit Monat oder Jahr angegebener Stand kann jeden Tag dieses Zeitraums meinen."
        }
        return ComparabilityNote(.snapshotGap, text)
    }

    /// "A, B und C".
    static func list(_ items: [String]) -> String { GermanFormat.list(items) }

    /// "“PDF”" as German quotes.
    static func quoted(_ text: String) -> String { "„" + text + "“" }

    /// The indefinite article for a kind's German name.
    static func article(_ kind: MunicipalityKind) -> String {
        switch kind {
        case .kreisfreieStadt, .kreisangehoerigeGemeinde, .staedteregion: return "eine"
        case .kreis: return "ein"
        }
    }
}
