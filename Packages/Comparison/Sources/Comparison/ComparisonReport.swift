import Domain

/// The result of comparing municipalities: one section per metric, each with its figures, sources and
/// comparability notes. Every renderer (terminal, Markdown, CSV, JSON, site) shows this and nothing else.
public struct ComparisonReport: Sendable, Hashable, Codable {
    /// The municipalities compared, in the order the user named them; every row has one cell per participant
    /// (and, in the peer view, one more per statistic of the peer group).
    public var participants: [Participant]
    /// The date given with `--as-of`, if any.
    public var asOf: PartialDate?
    public var sections: [MetricSection]
    /// Set in the peer view: the other municipalities of the same kind, summarised by median and quartiles.
    public var peerGroup: PeerGroup?

    public init(participants: [Participant], asOf: PartialDate? = nil, sections: [MetricSection],
                peerGroup: PeerGroup? = nil) {
        self.participants = participants
        self.asOf = asOf
        self.sections = sections
        self.peerGroup = peerGroup
    }

    /// The heading of each cell of a row, in order: the participants, then the peer group's statistics.
    public var columns: [Column] {
        let peers = peerGroup.map { group in
            group.statistics.map { Column(title: $0.germanName, subtitle: group.germanDescription, slug: nil) }
        } ?? []
        return participants.map { Column(title: $0.name, subtitle: $0.kind.germanName, slug: $0.slug) } + peers
    }

    /// Every source cited, in order of first use: footnote 1 is the first.
    public var sources: [SourceReference] {
        var seen = Set<SourceReference>()
        var ordered: [SourceReference] = []
        for section in sections {
            for row in section.rows {
                for cell in row.cells {
                    for source in cell.sources where seen.insert(source).inserted { ordered.append(source) }
                }
            }
        }
        return ordered
    }

    /// The footnote number of a source (1-based, in order of first use), nil for a source no figure cites.
    public func footnote(of source: SourceReference) -> Int? {
        sources.firstIndex(of: source).map { $0 + 1 }
    }
}

/// A municipality as it takes part in a comparison.
public struct Participant: Sendable, Hashable, Codable {
    public var slug: Slug
    public var name: String
    public var kind: MunicipalityKind
    /// The latest snapshot used for this participant.
    public var snapshot: PartialDate?
    /// The Land (as municipality.yaml names it) and the inhabitants with their date and source, where known: what
    /// peer groups by Land and size class read.
    public var land: String
    public var population: Population?

    public init(slug: Slug, name: String, kind: MunicipalityKind, snapshot: PartialDate?, land: String = "",
                population: Population? = nil) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.snapshot = snapshot
        self.land = land
        self.population = population
    }

    /// A dataset's municipality as a participant, with `snapshot` as its latest (nil where choosing peers, which no
    /// date decides).
    public init(_ dataset: Dataset, snapshot: PartialDate?) {
        self.init(slug: dataset.slug, name: dataset.municipality.name, kind: dataset.municipality.kind, snapshot: snapshot,
                  land: dataset.municipality.land, population: dataset.municipality.population)
    }
}

/// The heading of one column of figures.
public struct Column: Sendable, Hashable {
    /// "Stadt Leverkusen" or "Median".
    public var title: String
    /// "kreisfreie Stadt" or what the peer group is.
    public var subtitle: String
    /// The municipality of the column; nil for a statistic of the peer group.
    public var slug: Slug?

    public init(title: String, subtitle: String, slug: Slug?) {
        self.title = title
        self.subtitle = subtitle
        self.slug = slug
    }
}

/// The municipalities a peer view compares one municipality with, and the rule that chose them.
public struct PeerGroup: Sendable, Hashable, Codable {
    public var rule: PeerRule
    /// The subject's kind (and so its level of government).
    public var kind: MunicipalityKind
    /// The size class of the subject, for the rule `levelAndSize`.
    public var sizeClass: SizeClass?
    /// The subject's Land, for the rule `land`.
    public var land: String
    /// The peers, sorted by slug.
    public var members: [Participant]
    /// Authorities of the subject's level that a size group leaves out because their kind or population is unknown.
    public var leftOut: [Participant]
    /// The statistics shown, one column each.
    public var statistics: [PeerStatistic]

    public init(kind: MunicipalityKind, members: [Participant], statistics: [PeerStatistic] = PeerStatistic.allCases,
                rule: PeerRule = .kind, sizeClass: SizeClass? = nil, land: String = "", leftOut: [Participant] = []) {
        self.rule = rule
        self.kind = kind
        self.sizeClass = sizeClass
        self.land = land
        self.members = members
        self.leftOut = leftOut
        self.statistics = statistics
    }

    /// The fewest known values quartiles are computed from; with fewer, the values are shown with their names.
    public static let minimumForQuartiles = 5
    /// The most peers a note about all of a peer view names one by one (besides the subject).
    public static let namedInNotes = 8
    /// The most members a site lists on a member's pages; a larger group is counted there, not listed.
    public static let listedMembersLimit = 100

    /// What the group is, without the count: "derselben Art Kreis", "mit Kreisaufgaben, 20.000 bis unter 50.000
    /// Einwohner".
    public var germanRule: String {
        switch rule {
        case .levelAndSize:
            return "mit \(kind.level.germanName), \(sizeClass?.label ?? "Größenklasse unbekannt")"
        case .kind: return "der Art \(kind.germanName)"
        case .land: return "in \(land.isEmpty ? "demselben Land" : land)"
        case .all: return "aller Arten und Länder"
        case .list(let name, _): return "der Liste \(GermanFormat.quoted(name))"
        }
    }

    /// "3 Vergleichskommunen der Art Kreis", as a column subtitle.
    public var germanDescription: String {
        GermanFormat.integer(members.count) + " " + (members.count == 1 ? "Vergleichskommune" : "Vergleichskommunen") + " " + germanRule
    }

    /// Why some authorities of the subject's level are not in a size group, empty where none is left out.
    public var germanLeftOut: String {
        guard !leftOut.isEmpty else { return "" }
        // A few by name, the rest counted: every member's page says this, so it must not grow with the workspace.
        var named = leftOut.prefix(Self.namedInNotes).map { participant in
            participant.name + " (" + (participant.kind == .unknown ? "Art unbekannt" : "Einwohnerzahl unbekannt") + ")"
        }
        if leftOut.count > Self.namedInNotes {
            named.append(GermanFormat.integer(leftOut.count - Self.namedInNotes) + " weitere")
        }
        return "Nicht in der Größenklasse: " + GermanFormat.list(named)
            + "; eine Behörde ohne bekannte Art oder Einwohnerzahl wird keiner Größenklasse zugeordnet."
    }
}

/// How a peer view chooses its peers (`bench compare SLUG --peers --peer-group RULE`).
public enum PeerRule: Sendable, Hashable, Codable {
    /// The same level of government and the same population size class (the default of the command line).
    case levelAndSize
    /// The same kind.
    case kind
    /// The same Land.
    case land
    /// Every other authority.
    case all
    /// The authorities a list names (a Vergleichsring's members), with the list's name.
    case list(name: String, members: [Slug])

    /// The rule's name on the command line and in CSV and JSON: `level-and-size`, `kind`, `land`, `all`, `list`.
    public var id: String {
        switch self {
        case .levelAndSize: return "level-and-size"
        case .kind: return "kind"
        case .land: return "land"
        case .all: return "all"
        case .list: return "list"
        }
    }
}

/// The peers a rule chooses for a subject among candidates, and those a size group leaves out.
public struct PeerSelection: Sendable, Hashable {
    public var members: [Participant]
    public var sizeClass: SizeClass?
    public var leftOut: [Participant]

    /// Chooses the peers of `subject` by `rule` among `candidates` (the subject among them or not), sorted by slug.
    ///
    /// An authority whose kind or population is unknown is never put in a size group: as the subject it is an error
    /// (choose another rule), as a candidate it is left out and named.
    public init(rule: PeerRule, subject: Participant, candidates: [Participant], sizeClasses: [SizeClass]) throws(ComparisonError) {
        let others = candidates.filter { $0.slug != subject.slug }.sorted { $0.slug < $1.slug }
        sizeClass = nil
        leftOut = []
        switch rule {
        case .kind:
            // "Kind unknown" is no kind: such authorities never form a group of their own.
            guard subject.kind != .unknown else {
                throw .noPeerGroup(slug: subject.slug.rawValue, why: "its kind is unknown (kind in municipality.yaml)")
            }
            members = others.filter { $0.kind == subject.kind }
        case .land:
            guard !subject.land.isEmpty else { throw .noPeerGroup(slug: subject.slug.rawValue, why: "its Land is not known") }
            members = others.filter { $0.land == subject.land }
        case .all:
            members = others
        case .list(_, let slugs):
            let named = Set(slugs)
            members = others.filter { named.contains($0.slug) }
        case .levelAndSize:
            guard subject.kind != .unknown else {
                throw .noPeerGroup(slug: subject.slug.rawValue, why: "its kind is unknown, so are its level of government and size group")
            }
            guard let population = subject.population else {
                throw .noPeerGroup(slug: subject.slug.rawValue,
                                   why: "its population is unknown (population in municipality.yaml), so it has no size class")
            }
            guard let found = sizeClasses.first(where: { $0.contains(population.count) }) else {
                throw .noPeerGroup(slug: subject.slug.rawValue, why: sizeClasses.isEmpty
                    ? "no size classes are known (Datasets/reference/size_classes.csv)"
                    : "no size class of Datasets/reference/size_classes.csv holds \(population.count) inhabitants")
            }
            sizeClass = found
            let level = others.filter { $0.kind != .unknown && $0.kind.level == subject.kind.level }
            members = level.filter { $0.population.map { found.contains($0.count) } ?? false }
            // Of the same level, or of unknown kind: those a size group cannot place.
            leftOut = others.filter { $0.kind == .unknown || ($0.kind.level == subject.kind.level && $0.population == nil) }
        }
    }
}

/// A statistic of the peer group's figures.
public enum PeerStatistic: String, Sendable, Hashable, CaseIterable, Codable {
    case lowerQuartile = "lower-quartile"
    case median
    case upperQuartile = "upper-quartile"

    public var germanName: String {
        switch self {
        case .lowerQuartile: return "unteres Quartil"
        case .median: return "Median"
        case .upperQuartile: return "oberes Quartil"
        }
    }
}

/// Which metric a section shows.
public enum MetricID: String, Sendable, Hashable, CaseIterable, Codable {
    case servicesOnline = "services-online"
    case efaUptake = "efa-uptake"
    case projectsPerYear = "projects-per-year"
    case trends
    case otherIndicators = "other-indicators"
}

/// One metric compared across the participants.
public struct MetricSection: Sendable, Hashable, Codable {
    public var id: MetricID
    /// German title ("Leistungen online").
    public var title: String
    /// One German sentence saying what is counted (the full definition is in Docs/methodology.md).
    public var definition: String
    public var comparability: Comparability
    public var rows: [MetricRow]
    public var notes: [ComparabilityNote]
    /// Whether every participant's figures (in a peer view: the subject's and every peer's) come from rows of the
    /// federal OZG dashboard: then they count alike, and the dashboard's notes qualify an order instead of forbidding it.
    public var everyParticipantFromDashboard = false

    public init(id: MetricID, title: String, definition: String, comparability: Comparability, rows: [MetricRow],
                notes: [ComparabilityNote]) {
        self.id = id
        self.title = title
        self.definition = definition
        self.comparability = comparability
        self.rows = rows
        self.notes = notes
    }
}

/// Whether a metric's figures can be set side by side.
public enum Comparability: Sendable, Hashable, Codable {
    case comparable
    /// Comparable only with the notes attached (bounds instead of points, different dates).
    case withCaveats
    /// Not comparable; the reason says why, in German, and no figure is compared.
    case notComparable(reason: String)
}

/// One line of a metric: a label and one figure per participant.
public struct MetricRow: Sendable, Hashable, Codable {
    /// German label ("Online (Reifegrad ≥ 2)").
    public var label: String
    public var cells: [Figure]
    /// A stable identifier of what the row counts (`online-count`, `projects-ozg-live-2025`), for CSV and JSON readers.
    public var key: String
    /// A German caution that applies to this row only ("Anteile in verschiedenen Zähleinheiten"), empty if none.
    public var note: String
    /// Whether the cells count the same thing in the same unit, so that a chart may set them on one scale: false for
    /// counts and shares in each municipality's own counting unit where those units differ (1.187 LeiKa-Leistungen
    /// are not six times ca. 190 OZG-Leistungen).
    public var sideBySide: Bool
    /// Whether the cells count in each municipality's own counting unit (services online): a peer group's statistics
    /// of such a row take only the peers counting in the subject's unit.
    var inOwnUnit = false
    /// In a peer view: each peer's value of the row, sorted by slug, for a chart of the group's distribution (the
    /// statistics in `cells` are made of those `counted`). Empty in any other report.
    public var peerValues: [PeerValue] = []

    public init(label: String, cells: [Figure], key: String = "", note: String = "", sideBySide: Bool = true) {
        self.label = label
        self.cells = cells
        self.key = key
        self.note = note
        self.sideBySide = sideBySide
    }
}

/// One peer's value of a row in a peer view: its value and date (a peer's sources and remarks are not kept).
public struct PeerValue: Sendable, Hashable, Codable {
    public var slug: Slug
    public var name: String
    public var value: FigureValue
    public var asOf: PartialDate?
    /// Whether the group's statistics include it: false for a peer counting in another unit than the subject in a row
    /// of each municipality's own unit.
    public var counted: Bool

    public init(slug: Slug, name: String, value: FigureValue, asOf: PartialDate?, counted: Bool) {
        self.slug = slug
        self.name = name
        self.value = value
        self.asOf = asOf
        self.counted = counted
    }
}

/// A figure with its date and sources.
public struct Figure: Sendable, Hashable, Codable {
    public var value: FigureValue
    public var asOf: PartialDate?
    public var sources: [SourceReference]
    /// A short German remark shown next to the figure ("ca.", "Obergrenze aus Katalog").
    public var remark: String

    public init(value: FigureValue, asOf: PartialDate? = nil, sources: [SourceReference] = [], remark: String = "") {
        self.value = value
        self.asOf = asOf
        self.sources = sources
        self.remark = remark
    }
}

/// What a figure is: a count, a share, bounds, or visibly unknown.
public enum FigureValue: Sendable, Hashable, Codable {
    case count(Int, Qualifier)
    /// `numerator` of `denominator`, e.g. 283 of 1187.
    case share(numerator: Int, denominator: Int, Qualifier)
    /// Bounds where a value is not known exactly: the true value lies between `low` and `high`.
    ///
    /// `unit` is an `IndicatorUnit` raw value (`percent` for shares, in percent) or a German unit
    /// ("LeiKa-Leistungen", "pro Jahr").
    case interval(low: Double, high: Double, unit: String)
    case number(Double, unit: String, Qualifier)
    case date(PartialDate)
    /// The source does not give it; the reason says what is missing. Never shown as zero.
    case unknown(reason: String)
    /// The metric does not apply to this participant (e.g. no EfA service is relevant).
    case notApplicable(reason: String)
}

extension FigureValue {
    /// The value as one number or bounds, for statistics and trends; nil for dates, unknown and not applicable.
    /// Shares are in percent.
    public var bounds: ClosedRange<Double>? {
        switch self {
        case .count(let value, _): return Double(value)...Double(value)
        case .share(let numerator, let denominator, _):
            guard denominator > 0 else { return nil }
            let percent = Double(numerator) / Double(denominator) * 100
            return percent...percent
        case .interval(let low, let high, _): return low...high
        case .number(let value, _, _): return value...value
        case .date, .unknown, .notApplicable: return nil
        }
    }

    /// Whether the figure says something known (a number, bounds or a date).
    public var isKnown: Bool {
        switch self {
        case .unknown, .notApplicable: return false
        default: return true
        }
    }
}

/// A document a figure comes from, as a reader can follow it.
public struct SourceReference: Sendable, Hashable, Comparable, Codable {
    public var slug: Slug
    public var sourceID: String
    public var title: String
    public var type: SourceType
    /// Vorlage-Nr. or Antrag-Nr.
    public var reference: Reported<String>
    public var date: PartialDate
    public var body: Reported<String>

    public init(slug: Slug, source: Source) {
        self.slug = slug
        self.sourceID = source.id
        self.title = source.title
        self.type = source.type
        self.reference = source.reference
        self.date = source.date
        self.body = source.body
    }

    public static func < (lhs: SourceReference, rhs: SourceReference) -> Bool {
        (lhs.slug, lhs.date, lhs.sourceID) < (rhs.slug, rhs.date, rhs.sourceID)
    }
}

/// Why a comparison needs care: computed from the data, never written per municipality. A note is a value: what it is
/// about and the figures that justify it; Presentation makes its German sentence (`NoteText`).
public struct ComparabilityNote: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case differentUnits = "different-units"
        case denominatorChanged = "denominator-changed"
        case differentLevels = "different-levels"
        case snapshotGap = "snapshot-gap"
        case differentScopes = "different-scopes"
        case unknownValues = "unknown-values"
        case approximateValues = "approximate-values"
        case mixedSources = "mixed-sources"
        case dashboardRows = "dashboard-rows"
        case other
    }

    public var subject: NoteSubject
    /// The figures and words of the note ("the dates lie 360 days apart: A 23.05.2025, B 28.05.2024").
    public var detail: NoteDetail

    public init(_ subject: NoteSubject, _ detail: NoteDetail) {
        self.subject = subject
        self.detail = detail
    }

    public var kind: Kind { detail.kind }

    /// Whether the note is about this municipality alone (not about all compared).
    public func isAbout(_ slug: Slug) -> Bool { subject.municipality?.slug == slug }
}
