import Domain

/// What a comparability note is about: the metric whose section shows it, and the municipality it concerns alone
/// (nil for a note about all municipalities compared).
public struct NoteSubject: Sendable, Hashable, Codable {
    public var metric: MetricID
    public var municipality: NotedMunicipality?

    public init(_ metric: MetricID, municipality: NotedMunicipality? = nil) {
        self.metric = metric
        self.municipality = municipality
    }
}

/// The municipality a note is about alone.
public struct NotedMunicipality: Sendable, Hashable, Codable {
    public var slug: Slug
    public var name: String

    public init(slug: Slug, name: String) {
        self.slug = slug
        self.name = name
    }
}

/// The figures and words one comparability note is made of: one case per kind of sentence the sections write.
/// Presentation makes the German sentence of each (`NoteText`); nothing here is German prose.
public enum NoteDetail: Sendable, Hashable, Codable {
    // Notes about all municipalities compared.

    /// The municipalities are of different levels of government; in "EfA-Nachnutzung" with what each names as relevant.
    case differentLevels([Named<MunicipalityKind>], relevance: [EfaRelevance])
    /// The figures' dates lie `days` apart.
    case snapshotGap([Named<PartialDate>], days: ClosedRange<Int>)
    /// Each municipality's trend has its own dates.
    case ownSnapshots
    /// The municipalities count services in different units.
    case countingUnits([Named<CountingUnit>])
    /// An indicator is reported by all, but in different units (`IndicatorUnit` raw values, per municipality).
    case indicatorUnits(indicator: String, units: [Named<[String]>])
    /// Indicators not every municipality reports, how many per municipality.
    case notReportedByAll([Named<Int>])
    /// Municipalities that report some shared indicators only approximately or as a lower bound.
    case approximateIndicators([String])
    /// Municipalities that give some dates of their trends by month or year only.
    case partialDates([String])
    /// Adopted EfA services come from the project list for some municipalities, from an indicator for others.
    case adoptedSources(fromProjects: [String], fromIndicator: [String])
    /// Projects named one by one are lower bounds.
    case projectsAreMinimums
    /// The municipalities report projects of different scope: what each reports.
    case projectScopes([ProjectReport])

    // Notes about one municipality (the subject's).

    /// The maturity of `online` services reported online is unknown.
    case unratedMaturity(online: Int, unit: CountingUnit)
    /// The source gives no count for these status words.
    case uncountedStatuses([String])
    /// Statuses whose scope or online state is unknown, with the bounds that follow.
    case uncertainStatuses(UncertainStatuses)
    /// Of `online` services listed one by one, `unmatched` have no checked OZG-ID and `local` no counterpart in the
    /// catalogue, so that a conversion cannot count them.
    case unconverted(online: Int, unmatched: Int, local: Int)
    /// The total is approximate.
    case approximateTotal(Count)
    /// A newer report gives a total but no count online.
    case newerTotal(NewerTotal)
    /// The inventory changed between snapshots.
    case denominatorChanged([InventoryChange])
    /// The EfA counts the municipality does not report.
    case efaCountsMissing([EfaCount])
    /// The channel (EfA or not) is not given for `projects` (unknown of all OZG projects) nor for the services
    /// reported online.
    case channelUnknown(projects: CountOfTotal?, onlineServices: Count?)
    /// The number of adopted EfA services is reported only as a lower bound or approximately.
    case approximateAdopted(FigureValue, Qualifier)
    /// Projects with neither start nor go-live date (`undated` of all), and OZG projects of unknown channel.
    case projectGaps(undated: CountOfTotal?, unknownChannel: Int)
    /// The figures rest on rows of the federal OZG dashboard: what they are, the export's flags, the rows left out.
    case dashboardRows(DashboardRowCounts)
    /// The share of services online of dashboard rows: against the LeiKa entries municipalities execute by
    /// Typisierung (`share`), or none, and why (`missing`).
    case dashboardShare(DashboardShareNote)
    /// EfA uptake of dashboard rows: `central` of `known` LeiKa-Leistungen with a known online service are offered
    /// centrally (bundes- or landesweit flächendeckend), the dashboard's nearest thing to EfA availability.
    case centralProxy(central: Int, known: Int)

    // Notes about the peer group of a peer view.

    /// Peers counting in another unit than the subject (`unit`), left out of the rows in each one's own unit.
    case peersInOtherUnit([Named<CountingUnit>], unit: CountingUnit)
    /// The notes above name besides the subject at most `shown` municipalities each; `leftOut` namings are left out.
    case peersNotNamed(subject: String, shown: Int, leftOut: Int)

    /// The kind of note each sentence is.
    public var kind: ComparabilityNote.Kind {
        switch self {
        case .differentLevels: return .differentLevels
        case .snapshotGap, .ownSnapshots: return .snapshotGap
        case .countingUnits, .indicatorUnits: return .differentUnits
        case .notReportedByAll, .partialDates: return .other
        case .approximateIndicators, .approximateTotal, .approximateAdopted: return .approximateValues
        case .adoptedSources, .newerTotal: return .mixedSources
        case .projectScopes: return .differentScopes
        case .projectsAreMinimums, .unratedMaturity, .uncountedStatuses, .uncertainStatuses, .unconverted, .efaCountsMissing,
             .channelUnknown, .projectGaps:
            return .unknownValues
        case .denominatorChanged: return .denominatorChanged
        case .dashboardRows, .dashboardShare, .centralProxy: return .dashboardRows
        case .peersInOtherUnit: return .differentUnits
        case .peersNotNamed: return .other
        }
    }
}

/// Something said of a municipality by its name: its kind, the date of its figures, the unit it counts in, a count.
public struct Named<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

/// Why a dashboard-made dataset has the share of services online it has.
public struct DashboardShareNote: Sendable, Hashable, Codable {
    public enum Missing: String, Sendable, Hashable, Codable {
        /// No full catalogue is imported: no Typisierung, no denominator.
        case catalogue
        /// The kind of the authority is unknown: so is its level.
        case level
    }

    /// The share's counts, where there is one.
    public var share: TypisierungShare?
    public var missing: Missing?
    public var level: GovernmentLevel

    public init(share: TypisierungShare?, missing: Missing?, level: GovernmentLevel) {
        self.share = share
        self.missing = missing
        self.level = level
    }
}

/// `count` of `total`.
public struct CountOfTotal: Sendable, Hashable, Codable {
    public var count: Int
    public var total: Int
}

/// How many of the EfA services available a municipality names as relevant for itself.
public struct EfaRelevance: Sendable, Hashable, Codable {
    public var name: String
    public var relevant: Double
    public var available: Double
}

/// An EfA count a municipality may report.
public enum EfaCount: String, Sendable, Hashable, Codable {
    case available, relevant, adopted
}

/// Services online and the denominator with and without the services of unknown scope.
public struct ShareCounts: Sendable, Hashable, Codable {
    public var online: Count
    public var all: Count
    public var inScope: Count

    /// "41 von ca. 190" for a point, "283 von 1.187 bis 283 von 988" for bounds.
    public var german: String {
        let point = online.german + " von " + all.german
        return all == inScope ? point : point + " bis " + online.german + " von " + inScope.german
    }
}

/// Status words of one census and how many services they count together.
public struct StatusGroup: Sendable, Hashable, Codable {
    public var count: Int
    public var statuses: [String]
}

/// The statuses of a census whose scope or online state is unknown.
public struct UncertainStatuses: Sendable, Hashable, Codable {
    public var unit: CountingUnit
    /// Statuses whose scope and online state are both unknown; nil for none.
    public var both: StatusGroup?
    public var scopeOnly: StatusGroup?
    public var onlineOnly: StatusGroup?
    /// Where the scope of some statuses is unknown, the share online with them in the denominator and without.
    public var bounds: ShareCounts?
    /// The share (in percent) if every service of unknown online state were online.
    public var highest: Double?
}

/// A newer report that gives a total but no count online, and the census the figures rest on.
public struct NewerTotal: Sendable, Hashable, Codable {
    public var snapshot: PartialDate
    public var total: Count
    public var unit: CountingUnit
    /// The snapshot of the census used, and its share's counts (nil where they are not known).
    public var used: PartialDate
    public var share: ShareCounts?
}

/// A change of the inventory of one counting unit between two snapshots.
public struct InventoryChange: Sendable, Hashable, Codable {
    public var unit: CountingUnit
    public var before: Count
    public var beforeDate: PartialDate
    public var after: Count
    public var afterDate: PartialDate
    /// The services online at both snapshots, where both shares are known.
    public var online: OnlineChange?

    public var change: Int { after.value - before.value }
}

/// Services online and their share (0…1) before and after a change of the inventory.
public struct OnlineChange: Sendable, Hashable, Codable {
    public var before: Count
    public var after: Count
    public var shareBefore: Double
    public var shareAfter: Double

    public var change: Int { after.value - before.value }

    /// Whether count and share moved in opposite directions (a larger denominator lowering the share).
    public var opposite: Bool {
        (change > 0 && shareAfter < shareBefore) || (change < 0 && shareAfter > shareBefore)
    }
}

/// What one municipality reports about projects: totals and the projects named one by one per scope.
public struct ProjectReport: Sendable, Hashable, Codable {
    public var name: String
    public var totals: [ReportedTotal]
    /// Projects named one by one, one count per scope of `ProjectScope.allCases`.
    public var named: [ScopeCount]
}

/// A project total as reported: the indicator, its period, and its latest value.
public struct ReportedTotal: Sendable, Hashable, Codable {
    public var indicator: String
    public var period: PartialDate?
    public var value: FigureValue

    /// The total's German name ("IT-Projekte und -Maßnahmen geplant für 2024"), as its row is labelled.
    public var label: String { TotalKey(indicator: indicator, period: period).label }
}

/// Projects of one scope.
public struct ScopeCount: Sendable, Hashable, Codable {
    public var scope: ProjectScope
    public var count: Int
}

extension NoteDetail {
    /// The note with the municipalities it lists cut to `name` and the first `limit` others (in the order listed), and
    /// how many it leaves out: a note about all of a peer view over thousands would otherwise name them all on every
    /// member's page. Notes that count what they list (the peers in another unit) are left whole.
    func naming(atMost limit: Int, besides name: String) -> (detail: NoteDetail, leftOut: Int) {
        var leftOut = 0
        func cut<Item>(_ items: [Item], _ nameOf: (Item) -> String) -> [Item] {
            var others = 0
            return items.filter { item in
                if nameOf(item) == name { return true }
                others += 1
                if others <= limit { return true }
                leftOut += 1
                return false
            }
        }
        let detail: NoteDetail
        switch self {
        case .differentLevels(let participants, let relevance): detail = .differentLevels(cut(participants, \.name), relevance: relevance)
        case .snapshotGap(let dated, let days): detail = .snapshotGap(cut(dated, \.name), days: days)
        case .countingUnits(let counted): detail = .countingUnits(cut(counted, \.name))
        case .indicatorUnits(let indicator, let units): detail = .indicatorUnits(indicator: indicator, units: cut(units, \.name))
        case .notReportedByAll(let counts): detail = .notReportedByAll(cut(counts, \.name))
        case .approximateIndicators(let names): detail = .approximateIndicators(cut(names, { $0 }))
        case .partialDates(let names): detail = .partialDates(cut(names, { $0 }))
        case .adoptedSources(let fromProjects, let fromIndicator):
            detail = .adoptedSources(fromProjects: cut(fromProjects, { $0 }), fromIndicator: cut(fromIndicator, { $0 }))
        case .projectScopes(let reports): detail = .projectScopes(cut(reports, \.name))
        default: detail = self
        }
        return (detail, leftOut)
    }
}
