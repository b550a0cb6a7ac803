import Domain

/// The result of comparing municipalities: one section per metric, each with its figures, sources and
/// comparability notes. Every renderer (terminal, Markdown, CSV, JSON, site) shows this and nothing else.
public struct ComparisonReport: Sendable, Hashable {
    /// The municipalities compared, in the order the user named them; every row has one cell per participant.
    public var participants: [Participant]
    /// The date given with `--as-of`, if any.
    public var asOf: PartialDate?
    public var sections: [MetricSection]

    public init(participants: [Participant], asOf: PartialDate? = nil, sections: [MetricSection]) {
        self.participants = participants
        self.asOf = asOf
        self.sections = sections
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
}

/// A municipality as it takes part in a comparison.
public struct Participant: Sendable, Hashable {
    public var slug: Slug
    public var name: String
    public var kind: MunicipalityKind
    /// The latest snapshot used for this participant.
    public var snapshot: PartialDate?

    public init(slug: Slug, name: String, kind: MunicipalityKind, snapshot: PartialDate?) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.snapshot = snapshot
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
public struct MetricSection: Sendable, Hashable {
    public var id: MetricID
    /// German title ("Leistungen online").
    public var title: String
    /// One German sentence saying what is counted (the full definition is in Docs/methodology.md).
    public var definition: String
    public var comparability: Comparability
    public var rows: [MetricRow]
    public var notes: [ComparabilityNote]

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
public enum Comparability: Sendable, Hashable {
    case comparable
    /// Comparable only with the notes attached (bounds instead of points, different dates).
    case withCaveats
    /// Not comparable; the reason says why, in German, and no figure is compared.
    case notComparable(reason: String)
}

/// One line of a metric: a label and one figure per participant.
public struct MetricRow: Sendable, Hashable {
    /// German label ("Online (Reifegrad ≥ 2)").
    public var label: String
    public var cells: [Figure]

    public init(label: String, cells: [Figure]) {
        self.label = label
        self.cells = cells
    }
}

/// A figure with its date and sources.
public struct Figure: Sendable, Hashable {
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
public enum FigureValue: Sendable, Hashable {
    case count(Int, Qualifier)
    /// `numerator` of `denominator`, e.g. 283 of 1187.
    case share(numerator: Int, denominator: Int, Qualifier)
    /// Bounds where units differ: the true value lies between `low` and `high`.
    case interval(low: Double, high: Double, unit: String)
    case number(Double, unit: String, Qualifier)
    case date(PartialDate)
    /// The source does not give it; the reason says what is missing. Never shown as zero.
    case unknown(reason: String)
    /// The metric does not apply to this participant (e.g. no EfA service is relevant).
    case notApplicable(reason: String)
}

/// A document a figure comes from, as a reader can follow it.
public struct SourceReference: Sendable, Hashable, Comparable {
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

/// Why a comparison needs care: computed from the data, never written per municipality.
public struct ComparabilityNote: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case differentUnits = "different-units"
        case denominatorChanged = "denominator-changed"
        case differentLevels = "different-levels"
        case snapshotGap = "snapshot-gap"
        case differentScopes = "different-scopes"
        case unknownValues = "unknown-values"
        case approximateValues = "approximate-values"
        case mixedSources = "mixed-sources"
        case other
    }

    public var kind: Kind
    /// The note in German, with the figures that justify it ("Die Stichtage liegen 12 Monate auseinander").
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Everything that can go wrong when comparing, with a German-free message for the person at the terminal.
public enum ComparisonError: Error, Sendable, CustomStringConvertible, Equatable {
    case tooFewParticipants(Int)
    case noSnapshotBefore(slug: String, date: PartialDate, earliest: PartialDate?)

    public var description: String {
        switch self {
        case .tooFewParticipants(let count):
            return "a comparison needs at least two municipalities, got \(count); name another one, or use --peers"
        case .noSnapshotBefore(let slug, let date, let earliest):
            let hint = earliest.map { "its earliest snapshot is \($0); use --as-of \($0) or later" } ?? "it has no snapshot at all"
            return "\(slug) has no snapshot on or before \(date): \(hint)"
        }
    }
}
