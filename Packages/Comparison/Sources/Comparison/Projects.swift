import Domain

/// A project as it stood at its latest report up to the as-of date, with what earlier reports said where the
/// latest is silent (a channel or start date is not undone by a report that does not repeat it).
struct ProjectView: Sendable, Hashable {
    var projectID: String
    var name: String
    var scope: ProjectScope
    var state: ProjectState?
    var statusDate: PartialDate
    var channel: Channel
    var start: PartialDate?
    var goLive: PartialDate?
    var goLiveKind: GoLiveKind
    var reuseAvailable: PartialDate?
    /// The latest row's source, and the sources of the earlier rows that filled a gap.
    var sourceIDs: [String]
    /// For a planned go-live: the document that made the plan (always the latest row's: a plan is not carried
    /// forward to a later report that does not repeat it).
    var planSourceID: String?

    /// Every project of a dataset in its latest state, sorted by id.
    static func latest(in dataset: Dataset) -> [ProjectView] {
        let sourceDates = Dictionary(dataset.sources.map { ($0.id, $0.date) }, uniquingKeysWith: { first, _ in first })
        return Dictionary(grouping: dataset.projects, by: \.projectID).map { id, rows in
            // Oldest first; of two rows of the same status date, the one from the later document counts.
            let ordered = rows.sorted {
                ($0.statusDate, sourceDates[$0.sourceID] ?? $0.statusDate, $0.sourceID)
                    < ($1.statusDate, sourceDates[$1.sourceID] ?? $1.statusDate, $1.sourceID)
            }
            let last = ordered.last!
            var view = ProjectView(projectID: id, name: last.name, scope: last.scope,
                                   state: dataset.statusMapping[last.status]?.projectState, statusDate: last.statusDate,
                                   channel: last.channel, start: last.start.value, goLive: last.goLive.value,
                                   goLiveKind: last.goLiveKind, reuseAvailable: last.reuseAvailable, sourceIDs: [last.sourceID],
                                   planSourceID: last.goLiveKind == .planned && last.goLive.isKnown ? last.sourceID : nil)
            for earlier in ordered.dropLast().reversed() {
                var used = false
                if view.channel == .unknown && earlier.channel != .unknown { view.channel = earlier.channel; used = true }
                if view.start == nil, let start = earlier.start.value { view.start = start; used = true }
                if view.reuseAvailable == nil, let date = earlier.reuseAvailable { view.reuseAvailable = date; used = true }
                // A fact stays true; a plan belongs to the document that made it, and a later report that gives no date
                // does not renew it.
                if view.goLive == nil, let date = earlier.goLive.value, earlier.goLiveKind == .actual {
                    view.goLive = date
                    view.goLiveKind = earlier.goLiveKind
                    used = true
                }
                if used && !view.sourceIDs.contains(earlier.sourceID) { view.sourceIDs.append(earlier.sourceID) }
            }
            return view
        }.sorted { $0.projectID < $1.projectID }
    }

    /// Whether the project is live by its latest state or an actual go-live.
    var isLive: Bool { state == .live || (goLiveKind == .actual && goLive != nil) }
}

extension Side {
    /// The latest value of an indicator without subject, up to the as-of date.
    func latestIndicator(_ id: String) -> Indicator? {
        dataset.indicators.filter { $0.indicator == id && $0.subject.isEmpty && $0.value.isKnown }
            .max { ($0.snapshot, $0.period ?? $0.snapshot) < ($1.snapshot, $1.period ?? $1.snapshot) }
    }

    /// An indicator as a figure with its date and source, and its period as a remark.
    func figure(_ indicator: Indicator) -> Figure { figure(indicator, withPeriod: true) }

    /// An indicator as a figure with its date and source; `withPeriod` adds its period as a remark.
    func figure(_ indicator: Indicator, withPeriod: Bool) -> Figure {
        let value: FigureValue
        switch indicator.value {
        case .known(.number(let number)) where indicator.unit == .count && number == number.rounded():
            value = .count(Int(number), indicator.qualifier)
        case .known(.number(let number)):
            value = .number(number, unit: indicator.unit.rawValue, indicator.qualifier)
        case .known(.date(let date)):
            value = .date(date)
        case .unknown:
            value = .unknown(reason: "in der Quelle nicht beziffert")
        }
        return Figure(value: value, asOf: indicator.snapshot, sources: cite([indicator.sourceID]),
                      remark: withPeriod ? [indicator.period.map { "Zeitraum \(GermanFormat.date($0))" } ?? "",
                                            OtherIndicatorsSection.ownerRemark(indicator.about)].filter { !$0.isEmpty }.joined(separator: "; ") : "")
    }
}
