import Domain

/// What the rows of the federal OZG dashboard may say of one authority (a census made of them, `fromDashboard`).
///
/// A row is a LeiKa-Leistung for which the dashboard knows an online service; `online_status` says whether it works.
/// The rows are not the authority's inventory: "ok rows of all rows" is the share of known online services that work,
/// never a share of services online. A share of services online needs a declared denominator, the LeiKa entries the
/// authority's level executes by the catalogue's Typisierung (`TypisierungDenominator`), known only once a full
/// catalogue is imported.
struct DashboardServices: Sendable, Hashable {
    /// Every row of the census.
    var rows: Int
    /// Rows with `aktiv: nein` and with `nicht in Auswertung berücksichtigt`: counted in nothing below.
    var inactive: Int
    var notEvaluated: Int
    /// The distinct LeiKa-Leistungen of the counted rows: those with a known online service.
    var known: Set<String>
    /// Of those, the ones with a row whose online service works (`online_status ok`).
    var working: Set<String>
    /// The distinct OZG-Leistungen the working rows' own OZG-IDs name (match `source`).
    var ozgWithWorking: Int
    /// Working rows that name no OZG-ID of their own.
    var workingWithoutOzgID: Int
    /// The distinct LeiKa-Leistungen of the counted rows offered centrally (bundes- or landesweit flächendeckend).
    var central: Int
    /// How each counted row's service is available (`art_flaechendeckung`), per distinct LeiKa-Leistung (the widest
    /// coverage a row gives it): kept for later work, such as the potentials of reuse.
    var coverage: [String: DashboardCoverage]
    /// The dashboard export's flags (nil where the source does not say, or the sources disagree).
    var includeAbove: Bool?
    var includeBelow: Bool?

    init(_ census: ServiceCensus, dataset: Dataset) {
        let counted = census.records.filter { $0.unit == census.unit }
        let records = counted + census.dashboardLeftOut
        rows = records.count
        inactive = census.dashboardLeftOut.filter { $0.active == false }.count
        notEvaluated = census.dashboardLeftOut.filter { $0.active != false }.count
        let mapping = dataset.statusMapping
        var known = Set<String>(), working = Set<String>(), ozg = Set<OzgID>(), central = Set<String>()
        var coverage: [String: DashboardCoverage] = [:]
        var withoutID = 0
        for record in counted {
            let key = Self.key(record)
            known.insert(key)
            if let found = record.coverage {
                if found.isCentral { central.insert(key) }
                if let kept = coverage[key] {
                    if Self.breadth(found) < Self.breadth(kept) { coverage[key] = found }
                } else {
                    coverage[key] = found
                }
            }
            guard mapping[record.status]?.online == .known(true) else { continue }
            working.insert(key)
            if record.match == .source, case .known(let id?) = record.ozgID { ozg.insert(id) } else { withoutID += 1 }
        }
        self.known = known
        self.working = working
        ozgWithWorking = ozg.count
        workingWithoutOzgID = withoutID
        self.central = central.count
        self.coverage = coverage
        let sources = Set(records.map(\.sourceID)).sorted().compactMap(dataset.source)
        let above = Set(sources.map(\.includeAbove)), below = Set(sources.map(\.includeBelow))
        includeAbove = above.count == 1 ? above.first! : nil
        includeBelow = below.count == 1 ? below.first! : nil
    }

    /// A row's LeiKa-Leistung: its key, or its name where the row gives no key.
    static func key(_ record: ServiceRecord) -> String { record.leikaKey?.rawValue ?? "name:" + record.name }

    /// Wider coverage first.
    static func breadth(_ coverage: DashboardCoverage) -> Int {
        DashboardCoverage.allCases.firstIndex(of: coverage) ?? DashboardCoverage.allCases.count
    }

    /// The counts a note gives of the rows.
    var rowCounts: DashboardRowCounts {
        DashboardRowCounts(rows: rows, known: known.count, inactive: inactive, notEvaluated: notEvaluated,
                           includeAbove: includeAbove, includeBelow: includeBelow)
    }

    /// The share of services online against the LeiKa entries the authority's level executes by Typisierung, with
    /// bounds where the Typisierung is ambiguous; nil without a full catalogue or a known level.
    func share(level: GovernmentLevel, reference: ReferenceCatalogue) -> TypisierungShare? {
        guard !reference.leika.isEmpty, level != .unknown else { return nil }
        var certain = 0, ambiguous = 0, workingCertain = 0, workingAmbiguous = 0
        for (key, entry) in reference.leika {
            switch TypisierungClass(entry.typ) {
            case .municipal:
                certain += 1
                if working.contains(key.rawValue) { workingCertain += 1 }
            case .ambiguous:
                ambiguous += 1
                if working.contains(key.rawValue) { workingAmbiguous += 1 }
            case .notMunicipal:
                continue
            }
        }
        return TypisierungShare(level: level, certain: certain, ambiguous: ambiguous, workingCertain: workingCertain,
                                workingAmbiguous: workingAmbiguous, workingOutside: working.count - workingCertain - workingAmbiguous)
    }
}

/// What a LeiKa entry's Typisierung says of municipal execution.
///
/// Typ 4 and 5 are executed by municipalities, 1 and 2 by the Bund or the Land; 3 leaves it to the Land to assign
/// execution to the municipalities or not. An entry is municipal where every value it names is 4 or 5, not municipal
/// where every value is 1 or 2, and ambiguous otherwise: mixed values (`2/3`, `1, 2/3`, `3/4`), 3, values the
/// catalogue does not define (`6`) and an empty Typisierung. The catalogue does not tell a Gemeinde's tasks from a
/// Kreis's: "municipal" is both.
enum TypisierungClass: Equatable {
    case municipal, ambiguous, notMunicipal

    init(_ typ: String) {
        let values = typ.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == " " || $0 == ";" }).map(String.init)
        if !values.isEmpty, values.allSatisfy({ $0 == "4" || $0 == "5" }) {
            self = .municipal
        } else if !values.isEmpty, values.allSatisfy({ $0 == "1" || $0 == "2" }) {
            self = .notMunicipal
        } else {
            self = .ambiguous
        }
    }
}

/// The share of services online of a dashboard-made dataset, against the LeiKa entries executed by municipalities
/// by Typisierung.
///
/// The true denominator holds every certain entry and some of the ambiguous ones; the numerator counts the working
/// online services among the entries of the denominator. The lowest share takes every ambiguous entry without a
/// working service into the denominator and none with one; the highest takes every ambiguous entry with a working
/// service and none without: `w_c / (c + a − w_a)` to `(w_c + w_a) / (c + w_a)`. Without ambiguous entries both are
/// `w_c / c`. Working services of entries no municipality executes (the Land's or the Bund's, in an export with
/// includeAbove) count in neither.
public struct TypisierungShare: Sendable, Hashable, Codable {
    public var level: GovernmentLevel
    /// Entries with Typisierung 4 or 5 only, and entries whose Typisierung is ambiguous.
    public var certain: Int
    public var ambiguous: Int
    /// Distinct LeiKa-Leistungen with a working online service among them.
    public var workingCertain: Int
    public var workingAmbiguous: Int
    /// Working online services of entries that are not executed by municipalities (or not in the catalogue).
    public var workingOutside: Int

    /// Numerator and denominator of the lowest and the highest share.
    public var low: (numerator: Int, denominator: Int) { (workingCertain, certain + ambiguous - workingAmbiguous) }
    public var high: (numerator: Int, denominator: Int) { (workingCertain + workingAmbiguous, certain + workingAmbiguous) }

    var value: FigureValue {
        let low = self.low, high = self.high
        guard low.denominator > 0, high.denominator > 0 else { return .unknown(reason: "der Katalog nennt keine kommunal ausgeführte LeiKa-Leistung") }
        if ambiguous == 0 { return .share(numerator: low.numerator, denominator: low.denominator, .exact) }
        return .interval(low: percent(low.numerator, low.denominator), high: percent(high.numerator, high.denominator),
                         unit: IndicatorUnit.percent.rawValue)
    }

    /// "7 von 15 bis 7 von 12", or "7 von 12".
    var german: String {
        let low = self.low, high = self.high
        let point = "\(GermanFormat.integer(low.numerator)) von \(GermanFormat.integer(low.denominator))"
        return ambiguous == 0 ? point : point + " bis \(GermanFormat.integer(high.numerator)) von \(GermanFormat.integer(high.denominator))"
    }
}

/// The rows of a dashboard export as a note counts them.
public struct DashboardRowCounts: Sendable, Hashable, Codable {
    public var rows: Int
    /// Distinct LeiKa-Leistungen with a known online service, of the rows counted.
    public var known: Int
    /// Rows with `aktiv: nein`, and with `nicht in Auswertung berücksichtigt`.
    public var inactive: Int
    public var notEvaluated: Int
    public var includeAbove: Bool?
    public var includeBelow: Bool?
}
