import Domain

/// What one municipality's latest LeiKa-level rows say, service by service: what `PotentialsReport` reads of a dataset
/// (of the subject and of each peer), small enough to be kept instead of the dataset.
///
/// The rows are those of the latest snapshot with services counted in LeiKa-Leistungen that name a 14-digit key. A
/// service is online where one of its rows is: its status maps to online, it is not `aktiv: nein` and not `nicht in
/// Auswertung berücksichtigt` (the rule of the services-online metric for dashboard rows).
public struct LeikaProfile: Sendable, Hashable, Codable {
    /// Where the rows come from, which decides what the absence of a row means.
    public enum Origin: String, Sendable, Hashable, Codable {
        /// Rows of the federal OZG dashboard only: a missing row means "no online service known to the dashboard".
        case dashboard
        /// Rows a person took from a report (or mixed with dashboard rows): a missing row means "not reported".
        case handMade = "hand-made"
    }

    /// One LeiKa-Leistung as the rows give it.
    public struct Entry: Sendable, Hashable, Codable {
        public var name: String
        /// The OZG-Leistung the rows themselves name (match `source`, or a person's match), if any.
        public var ozgID: OzgID?
        public var online: Bool
        /// The widest `art_flaechendeckung` the rows give; nil for rows not made from the dashboard.
        public var coverage: DashboardCoverage?
        /// Why no row is online, as the rows say it ("online: nicht ok", "aktiv: nein", a local status); empty where online.
        public var state: String
        public var sourceID: String
    }

    public var participant: Participant
    /// The snapshot of the rows; nil where the dataset has no LeiKa-level rows.
    public var snapshot: PartialDate?
    public var origin: Origin
    /// By LeiKa key.
    public var entries: [String: Entry]
    /// The sources of the rows.
    public var sources: [SourceReference]
    /// What the dataset counts in where it has no LeiKa-level rows: its latest services and tallies (for the sentence
    /// that says why no potentials can be computed), e.g. "41 OZG-Leistungen online gemeldet (Stand 23.05.2025)".
    public var otherUnit: String

    public var hasLeikaData: Bool { snapshot != nil }

    init(participant: Participant, snapshot: PartialDate?, origin: Origin, entries: [String: Entry], sources: [SourceReference],
         otherUnit: String) {
        self.participant = participant
        self.snapshot = snapshot
        self.origin = origin
        self.entries = entries
        self.sources = sources
        self.otherUnit = otherUnit
    }

    /// The profile of a dataset.
    public init(_ dataset: Dataset) {
        participant = Participant(dataset, snapshot: dataset.snapshots.last)
        let keyed = dataset.services.filter { $0.unit == .leikaLeistung && $0.leikaKey != nil }
        guard let latest = keyed.map(\.snapshot).max() else {
            snapshot = nil
            origin = .handMade
            entries = [:]
            let other = Self.otherUnit(dataset)
            otherUnit = other.text
            sources = other.sourceIDs.compactMap { id in dataset.source(id).map { SourceReference(slug: dataset.slug, source: $0) } }
            return
        }
        snapshot = latest
        otherUnit = ""
        let rows = keyed.filter { $0.snapshot == latest }
        let dashboardSources = Set(dataset.sources.filter { $0.type == .dashboardExport }.map(\.id))
        origin = rows.allSatisfy { dashboardSources.contains($0.sourceID) } ? .dashboard : .handMade
        let mapping = dataset.statusMapping
        var entries: [String: Entry] = [:]
        var sourceIDs: [String] = []
        for row in rows {
            let key = row.leikaKey!.rawValue
            if sourceIDs.last != row.sourceID, !sourceIDs.contains(row.sourceID) { sourceIDs.append(row.sourceID) }
            let online = row.active != false && row.coverage != .notEvaluated && mapping[row.status]?.online == .known(true)
            let state: String
            if online {
                state = ""
            } else if row.active == false {
                state = "aktiv: nein"
            } else if row.coverage == .notEvaluated {
                state = "nicht in Auswertung berücksichtigt"
            } else {
                state = row.status
            }
            let id: OzgID? = if case .known(let id?) = row.ozgID { id } else { nil }
            var entry = entries[key] ?? Entry(name: row.displayName, ozgID: id, online: false, coverage: nil, state: state,
                                              sourceID: row.sourceID)
            if entry.ozgID == nil { entry.ozgID = id }
            if let coverage = row.coverage, entry.coverage.map({ DashboardServices.breadth(coverage) < DashboardServices.breadth($0) }) ?? true {
                entry.coverage = coverage
            }
            if online && !entry.online {
                entry.online = true
                entry.state = ""
                entry.sourceID = row.sourceID
            }
            entries[key] = entry
        }
        self.entries = entries
        sources = sourceIDs.compactMap { id in dataset.source(id).map { SourceReference(slug: dataset.slug, source: $0) } }
    }

    /// What a dataset without LeiKa-level rows counts instead, in one German phrase ("40 OZG-Leistungen und 1 lokale
    /// Leistung als online gemeldet (Stand 23.05.2025)"); empty where it counts nothing. With the sources it rests on.
    static func otherUnit(_ dataset: Dataset) -> (text: String, sourceIDs: [String]) {
        let mapping = dataset.statusMapping
        let listed = dataset.services.filter { $0.unit != .leikaLeistung }
        if let latest = listed.map(\.snapshot).max() {
            let online = listed.filter { $0.snapshot == latest && mapping[$0.status]?.online == .known(true) }
            let counts = CountingUnit.allCases.compactMap { unit -> String? in
                let count = online.filter { $0.unit == unit }.count
                guard count > 0 else { return nil }
                let name = count == 1 ? (unit == .ozgLeistung ? "OZG-Leistung" : "lokale Leistung") : unit.germanName
                return "\(GermanFormat.integer(count)) \(name)"
            }
            let ids = listed.filter { $0.snapshot == latest }.map(\.sourceID)
            return ((counts.isEmpty ? "keine Leistung" : GermanFormat.list(counts)) + " als online gemeldet (Stand \(GermanFormat.date(latest)))",
                    ids.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        }
        if let latest = dataset.tallies.map(\.snapshot).max() {
            let tallies = dataset.tallies.filter { $0.snapshot == latest }
            let units = GermanFormat.list(CountingUnit.allCases.filter { unit in tallies.contains { $0.unit == unit } }.map(\.germanName))
            return ("nur Summen je Status in \(units) (Stand \(GermanFormat.date(latest)))",
                    tallies.map(\.sourceID).reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        }
        return ("", [])
    }
}

/// `bench potentials SLUG`: the LeiKa-Leistungen that at least a share of a municipality's peer group offers online
/// and it does not ("Potenziale"), and those it offers online that few peers do ("Vorreiter").
public struct PotentialsReport: Sendable, Hashable {
    /// What the subject's own rows say of a service that is not online there.
    public enum HereState: Sendable, Hashable {
        /// A dashboard-made dataset without a row: the dashboard knows no online service.
        case unknownToDashboard
        /// A hand-made dataset without a row: not reported.
        case notReported
        /// Rows that are not online, with what they say ("online: nicht ok", "aktiv: nein", a local status).
        case notOnline(String)
        /// Online here (the Vorreiter).
        case online

        public var german: String {
            switch self {
            case .unknownToDashboard: return "dem Dashboard ist kein Online-Dienst bekannt"
            case .notReported: return "nicht gemeldet"
            case .notOnline(let state): return "gemeldet, nicht online (" + state + ")"
            case .online: return "online"
            }
        }

        /// A stable word for CSV and JSON.
        public var id: String {
            switch self {
            case .unknownToDashboard: return "kein-online-dienst-bekannt"
            case .notReported: return "nicht-gemeldet"
            case .notOnline: return "nicht-online"
            case .online: return "online"
            }
        }
    }

    /// One LeiKa-Leistung of either list.
    public struct Item: Sendable, Hashable {
        public var leikaKey: String
        public var name: String
        public var ozgID: OzgID?
        /// The OZG-Leistung's name and Themenfeld from the reference data; empty where it does not know the ID.
        public var ozgName: String
        public var themenfeld: String
        /// Peers with the service online, of the peers with LeiKa-level data.
        public var offering: Int
        public var peersWithData: Int
        /// Up to three of the offering peers, in slug order.
        public var examples: [Participant]
        /// The widest `art_flaechendeckung` the dashboard gives the service (subject's and peers' rows); nil where no
        /// row says.
        public var coverage: DashboardCoverage?
        /// The catalogue's Typisierung; nil where no imported catalogue knows the key ("unbekannt").
        public var typisierung: String?
        public var here: HereState
        /// The subject's sources, then those of the examples.
        public var sources: [SourceReference]
        /// The earliest and latest snapshot of the offering peers' rows.
        public var peerSnapshots: ClosedRange<PartialDate>?

        public var share: Double { peersWithData == 0 ? 0 : Double(offering) / Double(peersWithData) }
        /// Offered centrally (bundes- or landesweit flächendeckend): connect rather than build.
        public var isCentral: Bool { coverage?.isCentral ?? false }
    }

    /// An OZG-Leistung with potentials, under its Themenfeld.
    public struct Group: Sendable, Hashable {
        public var themenfeld: String
        public var ozgID: OzgID?
        public var ozgName: String
        public var items: Int
        public var highestShare: Double
    }

    public var subject: LeikaProfile
    public var peerGroup: PeerGroup?
    /// Why no peer group could be formed (German), where none could.
    public var noPeerGroup: String
    /// Thresholds in percent: potentials at or above `threshold`, Vorreiter below `pioneerThreshold`.
    public var threshold: Double
    public var pioneerThreshold: Double
    /// The peers with LeiKa-level data (the denominator of every share), and those without.
    public var peersWithData: [LeikaProfile]
    public var peersWithoutData: [LeikaProfile]
    /// Why the lists cannot be made for the subject (German), empty where they can.
    public var declined: String
    public var potentials: [Item]
    public var pioneers: [Item]
    /// Services left out of the lists because the catalogue's Typisierung says the Bund or the Land executes them (1 or
    /// 2 only): of the potentials' candidates and of the Vorreiter's.
    public var otherLevelPotentials: Int
    public var otherLevelPioneers: Int

    /// The potentials grouped by Themenfeld and OZG-Leistung, in that order (unknown last).
    public var groups: [Group] {
        var byKey: [String: Group] = [:]
        var order: [String] = []
        for item in potentials {
            let key = item.themenfeld + "\u{1}" + (item.ozgID.map { String($0.rawValue) } ?? "")
            if var group = byKey[key] {
                group.items += 1
                group.highestShare = max(group.highestShare, item.share)
                byKey[key] = group
            } else {
                order.append(key)
                byKey[key] = Group(themenfeld: item.themenfeld, ozgID: item.ozgID, ozgName: item.ozgName, items: 1, highestShare: item.share)
            }
        }
        return order.map { byKey[$0]! }.sorted { a, b in
            let aUnknown = a.themenfeld == Self.unknownThemenfeld, bUnknown = b.themenfeld == Self.unknownThemenfeld
            if aUnknown != bUnknown { return bUnknown }
            if a.themenfeld != b.themenfeld { return a.themenfeld < b.themenfeld }
            return (a.ozgID?.rawValue ?? Int.max) < (b.ozgID?.rawValue ?? Int.max)
        }
    }

    static let unknownThemenfeld = "Themenfeld unbekannt"
    /// How many examples an item names.
    public static let examplesShown = 3
    public static let defaultThreshold = 50.0
    public static let defaultPioneerThreshold = 25.0

    /// The potentials and Vorreiter of `subject` among `candidates` (every other profile there is; those `rule` does
    /// not choose are ignored).
    ///
    /// - Parameters:
    ///   - threshold: in percent; a service counts where `offering / peersWithData ≥ threshold / 100` (boundary
    ///     inclusive).
    ///   - pioneerThreshold: in percent; a Vorreiter where `offering / peersWithData < pioneerThreshold / 100`.
    public init(subject: LeikaProfile, candidates: [LeikaProfile], reference: ReferenceCatalogue, rule: PeerRule,
                sizeClasses: [SizeClass], threshold: Double = defaultThreshold, pioneerThreshold: Double = defaultPioneerThreshold) {
        self.init(subject: subject, candidates: candidates, offered: nil, reference: reference, rule: rule, sizeClasses: sizeClasses,
                  threshold: threshold, pioneerThreshold: pioneerThreshold)
    }

    /// The same, with what the peer group offers online gathered beforehand (`offered`: the group the rule chooses,
    /// the subject in it or not), so that the candidates may come without their entries (`LeikaProfile.withoutEntries`)
    /// and a group of thousands is gathered once for all its members rather than once for each. Where `offered` is nil
    /// it is gathered here from the candidates the rule chooses.
    public init(subject: LeikaProfile, candidates: [LeikaProfile], offered: PotentialsIndex?, reference: ReferenceCatalogue,
                rule: PeerRule, sizeClasses: [SizeClass], threshold: Double = defaultThreshold,
                pioneerThreshold: Double = defaultPioneerThreshold) {
        self.subject = subject
        self.threshold = threshold
        self.pioneerThreshold = pioneerThreshold
        let others = candidates.filter { $0.participant.slug != subject.participant.slug }
        var members: [LeikaProfile] = []
        do {
            let selection = try PeerSelection(rule: rule, subject: subject.participant, candidates: others.map(\.participant),
                                              sizeClasses: sizeClasses)
            let chosen = Set(selection.members.map(\.slug))
            members = others.filter { chosen.contains($0.participant.slug) }.sorted { $0.participant.slug < $1.participant.slug }
            let own = subject.participant
            peerGroup = PeerGroup(kind: own.kind, members: members.map(\.participant), rule: rule, sizeClass: selection.sizeClass,
                                  land: own.land, leftOut: selection.leftOut)
            noPeerGroup = ""
        } catch {
            peerGroup = nil
            noPeerGroup = Self.german(error, subject: subject.participant)
        }
        peersWithData = members.filter(\.hasLeikaData)
        peersWithoutData = members.filter { !$0.hasLeikaData }
        potentials = []
        pioneers = []
        otherLevelPotentials = 0
        otherLevelPioneers = 0
        declined = Self.declined(subject: subject, peerGroup: peerGroup, noPeerGroup: noPeerGroup, peersWithData: peersWithData.count)
        guard declined.isEmpty else { return }

        // What the peers offer online, key by key; the subject is left out where the gathered group holds it.
        let index = offered ?? PotentialsIndex(peersWithData)
        let excluded = index.position(of: subject.participant.slug)
        let total = peersWithData.count
        let keys = Set(index.keys.keys).union(subject.entries.filter(\.value.online).keys).sorted()
        for key in keys {
            let offering = index.keys[key]
            let own = subject.entries[key]
            let onlineHere = own?.online ?? false
            // The subject among the gathered members offering it (only where it offers it itself).
            let subjectCounted = excluded != nil && onlineHere && offering != nil
            let count = (offering?.postings.count ?? 0) - (subjectCounted ? 1 : 0)
            // Boundary inclusive for potentials, exclusive for Vorreiter; in exact arithmetic on whole counts.
            let isPotential = !onlineHere && Double(count) * 100 >= threshold * Double(total)
            let isPioneer = onlineHere && Double(count) * 100 < pioneerThreshold * Double(total)
            guard isPotential || isPioneer else { continue }
            let typ = reference.leika[LeikaKey(key)!].map(\.typ).flatMap { $0.isEmpty ? nil : $0 }
            if let typ, TypisierungClass(typ) == .notMunicipal {
                if isPotential { otherLevelPotentials += 1 } else { otherLevelPioneers += 1 }
                continue
            }
            let item = self.item(key, offering: offering, count: count, index: index, excluded: subjectCounted ? excluded : nil,
                                 own: own, typ: typ, reference: reference)
            if isPotential { potentials.append(item) } else { pioneers.append(item) }
        }
        // Highest share first, then by key: deterministic for ties.
        potentials.sort { ($0.offering * $1.peersWithData, $1.leikaKey) > ($1.offering * $0.peersWithData, $0.leikaKey) }
        pioneers.sort { ($0.offering * $1.peersWithData, $0.leikaKey) < ($1.offering * $0.peersWithData, $1.leikaKey) }
    }

    /// One item: `offering` the gathered members offering the key, `excluded` the subject's place among them where it is
    /// one of them (then its own entry stands for it).
    private func item(_ key: String, offering: PotentialsIndex.Offering?, count: Int, index: PotentialsIndex, excluded: Int?,
                      own: LeikaProfile.Entry?, typ: String?, reference: ReferenceCatalogue) -> Item {
        let leika = reference.leika[LeikaKey(key)!]
        // The OZG-Leistung: the catalogue's, else the one most rows name (the smallest ID of a tie). Where the subject is
        // among the gathered members, its own entry is counted there already.
        var named = Dictionary(uniqueKeysWithValues: (offering?.ozgIDs ?? []).map { ($0.id, $0.count) })
        if excluded == nil, let id = own?.ozgID { named[id, default: 0] += 1 }
        let ozgID = leika?.ozgID ?? named.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        let service = ozgID.flatMap { reference[$0] }
        // The peers' name is that of the first member offering it; the subject is never that member without an own entry.
        let name = leika?.name ?? own?.name ?? (count > 0 ? offering?.name : nil) ?? key
        var coverage = own?.coverage
        if let found = offering?.coverage, coverage.map({ DashboardServices.breadth(found) < DashboardServices.breadth($0) }) ?? true {
            coverage = found
        }
        let skipped = excluded.map(Int32.init)
        let postings = (offering?.postings ?? []).lazy.filter { $0.member != skipped }
        let examples = Array(postings.prefix(Self.examplesShown))
        let here: HereState
        if let own {
            here = own.online ? .online : .notOnline(own.state)
        } else {
            here = subject.origin == .dashboard ? .unknownToDashboard : .notReported
        }
        var sources = subject.sources
        for example in examples {
            if let source = index.source(of: example), !sources.contains(source) { sources.append(source) }
        }
        var dates = Dictionary(uniqueKeysWithValues: (offering?.snapshots ?? []).map { ($0.date, $0.count) })
        if let excluded, let date = index.members[excluded].snapshot {
            dates[date]! -= 1
            if dates[date] == 0 { dates[date] = nil }
        }
        return Item(leikaKey: key, name: name, ozgID: ozgID, ozgName: service?.name ?? "",
                    themenfeld: service.map(\.themenfeld).flatMap { $0.isEmpty ? nil : $0 } ?? Self.unknownThemenfeld,
                    offering: count, peersWithData: peersWithData.count, examples: examples.map { index.members[Int($0.member)].participant },
                    coverage: coverage, typisierung: typ, here: here, sources: sources,
                    peerSnapshots: dates.keys.min().flatMap { low in dates.keys.max().map { low...$0 } })
    }

    /// Why the lists cannot be made, in German; empty where they can.
    static func declined(subject: LeikaProfile, peerGroup: PeerGroup?, noPeerGroup: String, peersWithData: Int) -> String {
        let name = subject.participant.name
        if !subject.hasLeikaData {
            let counted = subject.otherUnit.isEmpty ? "keine Leistung" : subject.otherUnit
            return "Für \(name) lassen sich heute keine Potenziale bestimmen: der Datensatz nennt \(counted), aber keine "
                + "einzelne LeiKa-Leistung. Die Vergleichskommunen zählen LeiKa-Leistungen; eine OZG-Leistung bündelt viele davon, "
                + "und welche davon in \(name) online sind, sagen die Daten nicht. Ein Vergleich auf Ebene der OZG-Leistungen zählte "
                + "eine OZG-Leistung schon als online, wenn eine einzige ihrer LeiKa-Leistungen es ist, und bleibt deshalb aus. "
                + "Möglich würde es mit einem Export des OZG-Dashboards für \(name) (bench import-dashboard DATEI --snapshot DATUM) "
                + "oder einer Liste der Leistungen mit LeiKa-Schlüssel und Status (services.csv, Einheit leika-leistung)."
        }
        if peerGroup == nil {
            return "Für \(name) lässt sich keine Vergleichsgruppe bilden: \(noPeerGroup)."
        }
        if peersWithData == 0 {
            return "Keine Vergleichskommune der Gruppe hat Daten auf Ebene der LeiKa-Leistungen: ohne sie gibt es keinen Anteil, "
                + "an dem Potenziale oder Vorreiter zu messen wären."
        }
        return ""
    }

    /// A peer-group error as the German reader sees it.
    static func german(_ error: ComparisonError, subject: Participant) -> String {
        switch error {
        case .noPeerGroup(_, let why) where why.hasPrefix("its kind is unknown"):
            return "die Art der Behörde ist unbekannt, damit auch Aufgabenebene und Größenklasse (andere Regel mit --peer-group)"
        case .noPeerGroup(_, let why) where why.hasPrefix("its population is unknown"):
            return "die Einwohnerzahl ist im Datensatz nicht angegeben (population in municipality.yaml), daher keine Größenklasse "
                + "(andere Regel mit --peer-group, z. B. kind)"
        case .noPeerGroup(_, let why) where why.hasPrefix("its Land"):
            return "das Land ist nicht bekannt"
        case .noPeerGroup:
            return "keine Größenklasse aus Datasets/reference/size_classes.csv passt"
        default:
            return "die Regel wählt keine Vergleichskommune"
        }
    }
}

/// What a peer group offers online, gathered key by key from its members' profiles: for each LeiKa key the members
/// with it online (in slug order) and what a potentials item reads of them (the OZG-Leistung their rows name, the
/// widest coverage, the snapshots, the name of the first), so that a report reads no peer's entries. Each entry is a
/// few bytes where a profile keeps strings, and a group is gathered once for every member's report.
public struct PotentialsIndex: Sendable {
    /// One member with the key online and the place of the key's source among the member's sources (-1: none).
    struct Posting: Sendable, Equatable {
        var member: Int32
        var source: Int32
    }

    /// What the members offering one key give.
    struct Offering: Sendable {
        var postings: [Posting] = []
        /// The OZG-Leistung each entry names, counted (mostly one: a short list is cheaper than a dictionary per key).
        var ozgIDs: [(id: OzgID, count: Int)] = []
        /// The widest coverage the entries give.
        var coverage: DashboardCoverage?
        /// The members' snapshots, counted.
        var snapshots: [(date: PartialDate, count: Int)] = []
        /// The first member's name of the service.
        var name: String = ""

        mutating func add(_ posting: Posting, _ entry: LeikaProfile.Entry, snapshot: PartialDate?) {
            postings.append(posting)
            if let id = entry.ozgID {
                if let index = ozgIDs.firstIndex(where: { $0.id == id }) { ozgIDs[index].count += 1 } else { ozgIDs.append((id, 1)) }
            }
            if let found = entry.coverage, coverage.map({ DashboardServices.breadth(found) < DashboardServices.breadth($0) }) ?? true {
                coverage = found
            }
            if let snapshot {
                if let index = snapshots.firstIndex(where: { $0.date == snapshot }) { snapshots[index].count += 1 } else { snapshots.append((snapshot, 1)) }
            }
        }
    }

    /// The members without their entries, in the order added.
    private(set) var members: [LeikaProfile] = []
    private var positions: [Slug: Int] = [:]
    /// By LeiKa key.
    private(set) var keys: [String: Offering] = [:]

    public init() {}

    /// Gathered from `profiles`.
    public init(_ profiles: [LeikaProfile]) {
        for profile in profiles { add(profile) }
    }

    /// Adds a member (in slug order, each once): its online entries.
    public mutating func add(_ profile: LeikaProfile) {
        guard positions[profile.participant.slug] == nil else { return }
        let member = Int32(members.count)
        positions[profile.participant.slug] = members.count
        members.append(profile.withoutEntries)
        var slots: [String: Int32] = [:]
        for (slot, source) in profile.sources.enumerated().reversed() { slots[source.sourceID] = Int32(slot) }
        for (key, entry) in profile.entries where entry.online {
            // Changed in place: a copy taken out of the dictionary would copy its postings on every member added.
            if keys[key] == nil { keys[key] = Offering(name: entry.name) }
            keys[key]!.add(Posting(member: member, source: slots[entry.sourceID] ?? -1), entry, snapshot: profile.snapshot)
        }
    }

    /// A member's place, where it was added.
    func position(of slug: Slug) -> Int? { positions[slug] }

    /// The source of a posting's entry.
    func source(of posting: Posting) -> SourceReference? {
        posting.source < 0 ? nil : members[Int(posting.member)].sources[Int(posting.source)]
    }
}

extension LeikaProfile {
    /// The profile without its entries: what a report needs of a peer whose entries are gathered in a `PotentialsIndex`.
    public var withoutEntries: LeikaProfile {
        var profile = self
        profile.entries = [:]
        return profile
    }
}
