import Domain

/// The "services online" metric of one census: how many services the municipality reports online, of how many in
/// scope, and how many reach a maturity threshold.
///
/// Unknown is never zero: a status whose scope is unknown widens the denominator into bounds, a status whose count
/// is unknown leaves every figure that needs it unknown, and an unknown maturity is never read as "below".
struct ServicesOnline: Sendable, Hashable {
    typealias Part = ServiceCensus.Part

    var census: ServiceCensus
    /// Services the municipality reports online (status mapped to online = yes); nil where such a status has no count.
    var online: Count?
    var onlineParts: [Part]
    /// Counted statuses whose online state is unknown: neither counted as online nor as offline.
    var onlineUnknown: [Part]
    /// Statuses the source gives no count for.
    var uncounted: [Part]
    /// Statuses mapped to in_scope = no, taken out of the denominator.
    var outOfScope: [Part]
    /// Statuses mapped to in_scope = unknown: the denominator is given both with and without them.
    var scopeUnknown: [Part]
    /// All services the census counts: the reported total, or the sum of the status groups where they are the whole.
    var inventory: Count?
    /// The denominator with every service of unknown scope counted in.
    var denominatorAll: Count?
    /// The denominator with every service of unknown scope left out.
    var denominatorInScope: Count?

    init(_ census: ServiceCensus) {
        self.census = census
        let counted = census.parts.filter { $0.count.isKnown }
        uncounted = census.parts.filter { !$0.count.isKnown }
        onlineParts = census.parts.filter { $0.entry?.online == .known(true) }
        if onlineParts.isEmpty {
            // No status is online: zero only where the parts are the whole census, else the rest could be online.
            online = census.isComplete ? Count(0) : nil
        } else {
            online = onlineParts.contains { !$0.count.isKnown } ? nil : onlineParts.compactMap(\.known).sum
        }
        // Out of scope, a status's online state does not matter.
        onlineUnknown = counted.filter { ($0.entry.map { !$0.online.isKnown } ?? true) && $0.entry?.inScope != .known(false) }
        outOfScope = census.parts.filter { $0.entry?.inScope == .known(false) }
        scopeUnknown = census.parts.filter { $0.entry.map { !$0.inScope.isKnown } ?? true }

        let base = census.total ?? (census.isComplete ? counted.compactMap(\.known).sum : nil)
        inventory = base
        if let base, !outOfScope.contains(where: { !$0.count.isKnown }), !scopeUnknown.contains(where: { !$0.count.isKnown }) {
            let all = outOfScope.compactMap(\.known).reduce(base) { $0 - $1 }
            denominatorAll = all
            denominatorInScope = scopeUnknown.compactMap(\.known).reduce(all) { $0 - $1 }
        }
    }

    /// Whether there is anything to say: a census with neither an online count nor parts says nothing about "online".
    var hasOnlineFigure: Bool { !census.parts.isEmpty }

    /// The share online, as a point where the scope of every service is known, else as bounds (in percent).
    var share: FigureValue {
        guard let online else { return .unknown(reason: "Zahl der online verfügbaren Leistungen fehlt") }
        guard let all = denominatorAll, let inScope = denominatorInScope, all.value > 0, inScope.value > 0 else {
            return .unknown(reason: "Gesamtzahl der Leistungen fehlt")
        }
        if all == inScope {
            return .share(numerator: online.value, denominator: all.value,
                          .ofShare(numerator: online.qualifier, denominator: all.qualifier))
        }
        return .interval(low: percent(online.value, all.value), high: percent(online.value, inScope.value), unit: IndicatorUnit.percent.rawValue)
    }

    /// The counts of the share, where all are known.
    var shareCounts: ShareCounts? {
        guard let online, let all = denominatorAll, let inScope = denominatorInScope else { return nil }
        return ShareCounts(online: online, all: all, inScope: inScope)
    }

    /// "41 von ca. 190" for a point, "283 von 1.187 bis 283 von 988" for bounds.
    var shareText: String { shareCounts?.german ?? "" }

    /// The remark next to the share: bounds say what they are made of (a point shows its parts in the value).
    var shareRemark: String {
        denominatorAll == denominatorInScope ? "" : shareText
    }

    /// The highest share the data allows if every service of unknown online state were online (in percent).
    var shareIfUnknownWereOnline: Double? {
        guard let online, let all = denominatorAll, all.value > 0, !onlineUnknown.isEmpty else { return nil }
        let unknown = onlineUnknown.compactMap(\.known).reduce(0) { $0 + $1.value }
        return percent(online.value + unknown, all.value)
    }

    /// How many services reach `level` of Reifegradmodell 1.x, as bounds.
    func maturity(atLeast level: Int) -> MaturityThreshold {
        MaturityThreshold(level: level, census: census)
    }
}

/// Services at or above a maturity level: those rated at or above it, plus (for the upper bound) those whose
/// maturity is unknown but could reach it.
struct MaturityThreshold: Sendable, Hashable {
    var level: Int
    /// Rated at or above the level.
    var low: Int
    /// `low` plus every unrated service that could reach the level; nil where such a status has no count.
    var high: Int?
    /// Whether any status in scope carries a rating of model 1.x at all.
    var anyRated: Bool
    /// Services online by the municipality's word whose maturity is unknown.
    var unratedOnline: Int

    init(level: Int, census: ServiceCensus) {
        self.level = level
        var low = 0
        var high: Int? = 0
        var anyRated = false
        var unratedOnline = 0
        for part in census.parts where part.entry?.inScope != .known(false) {
            let rating = part.entry.flatMap { $0.maturityModel == .v1 ? $0.maturity.value : nil }
            if rating != nil { anyRated = true }
            if rating == nil && part.entry?.online == .known(true) { unratedOnline += part.count.value ?? 0 }
            // Level 3 needs online application, which an offline status rules out; level 2 (a form assistant
            // without online submission) does not.
            let reaches = rating.map { $0 >= level } ?? false
            let couldReach = rating == nil && (level <= 2 || part.entry?.online != .known(false))
            guard reaches || couldReach else { continue }
            guard let count = part.count.value else {
                high = nil
                continue
            }
            if reaches { low += count }
            high = high.map { $0 + count }
        }
        self.low = low
        self.high = high
        self.anyRated = anyRated
        self.unratedOnline = unratedOnline
    }
}

func percent(_ numerator: Int, _ denominator: Int) -> Double {
    Double(numerator) / Double(denominator) * 100
}
