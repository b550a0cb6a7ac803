import Comparison
import Domain
import Foundation
import Storage

/// What a site streamed from the database is made of: the small index of every municipality, the comparisons of the
/// chosen pairs, and a way to read one municipality's whole dataset at a time.
public struct SiteIndexInputs: Sendable {
    /// Every dataset of the workspace in slug order, without its service records (metadata, documents, status
    /// mapping, tallies, projects, indicators): what the start page, the Quellenverzeichnis and the peer groups read.
    public var datasets: [Dataset]
    /// Each municipality's oldest and newest service snapshot (the records left out above), from the database's index.
    public var serviceSpans: [Slug: ClosedRange<PartialDate>]
    /// Made from the digests `bench compare` keeps: the same reports as from the datasets.
    public var comparisons: [ComparisonReport]
    public var reference: ReferenceCatalogue
    public var sizeClasses: [SizeClass]
    /// One municipality's whole dataset, read from the database; safe to call from several threads.
    public var dataset: @Sendable (Slug) throws -> Dataset
}

/// The potentials of a site's profiles, made one municipality at a time: the subject's LeiKa-level profile from its
/// whole dataset, its peers' offers from their peer group's `PotentialsIndex`, gathered once per group from the profiles
/// kept in the database (like the digests) and holding a few bytes per service a peer offers online. The same reports
/// as `Derivation.sitePotentials` makes of the datasets.
public struct SitePotentials: Sendable {
    /// The municipalities the rule puts together (a municipality with its peers), the candidates a report of one of
    /// them needs (each without its entries: the group's members and those the rule leaves out and names), and what the
    /// members offer.
    struct Group: Sendable {
        var slugs: [Slug]
        var leftOut: Set<Slug> = []
        var candidates: [LeikaProfile] = []
        var offered = PotentialsIndex()
    }

    let groups: [Group]
    /// Each municipality's group; none where the rule forms none for it (its report says why).
    let groupOf: [Slug: Int]
    let reference: ReferenceCatalogue
    let rule: PeerRule
    let sizeClasses: [SizeClass]
    let threshold: Double

    /// The report of one municipality of the site, from its whole dataset.
    public func report(for dataset: Dataset) -> PotentialsReport {
        let group = groupOf[dataset.slug].map { groups[$0] }
        return PotentialsReport(subject: LeikaProfile(dataset), candidates: group?.candidates ?? [], offered: group?.offered,
                                reference: reference, rule: rule, sizeClasses: sizeClasses, threshold: threshold)
    }

    /// The groups of `participants` under `rule`: each municipality with the peers the rule chooses for it. Those the
    /// rule treats alike (same kind, Land, size class and place in a list) are chosen once.
    static func groups(_ participants: [Participant], rule: PeerRule, sizeClasses: [SizeClass]) -> (groups: [Group], groupOf: [Slug: Int]) {
        struct Signature: Hashable {
            var kind: MunicipalityKind
            var land: String
            var sizeClass: String?
            var populationKnown: Bool
            var listed: Bool
        }
        let listed: Set<Slug> = if case .list(_, let slugs) = rule { Set(slugs) } else { [] }
        var chosen: [Signature: (representative: Slug, selection: PeerSelection?)] = [:]
        var groups: [Group] = []
        var byMembers: [[Slug]: Int] = [:]
        var groupOf: [Slug: Int] = [:]
        for participant in participants {
            let population = participant.population?.count
            let signature = Signature(kind: participant.kind, land: participant.land,
                                      sizeClass: population.flatMap { count in sizeClasses.first { $0.contains(count) }?.id },
                                      populationKnown: population != nil, listed: listed.contains(participant.slug))
            var members: [Slug]
            var leftOut: [Participant]
            if let (representative, selection) = chosen[signature],
               selection == nil || representative == participant.slug || selection!.members.contains(where: { $0.slug == participant.slug }) {
                guard let selection else { continue }
                members = selection.members.map(\.slug) + [representative]
                leftOut = selection.leftOut
            } else {
                guard let selection = try? PeerSelection(rule: rule, subject: participant, candidates: participants, sizeClasses: sizeClasses) else {
                    chosen[signature] = chosen[signature] ?? (participant.slug, nil)
                    continue
                }
                if chosen[signature] == nil { chosen[signature] = (participant.slug, selection) }
                members = selection.members.map(\.slug) + [participant.slug]
                leftOut = selection.leftOut
            }
            members.sort()
            if let index = byMembers[members] {
                groupOf[participant.slug] = index
                groups[index].leftOut.formUnion(leftOut.map(\.slug))
            } else {
                byMembers[members] = groups.count
                groupOf[participant.slug] = groups.count
                groups.append(Group(slugs: members, leftOut: Set(leftOut.map(\.slug))))
            }
        }
        return (groups, groupOf)
    }
}

extension Derivation {
    /// `bench export site` without holding every dataset: the index of every municipality and the comparisons of
    /// `pairs` (every pair once, in slug order, where nil), after a sync. The comparisons are made from the kept
    /// digests, a few pairs at a time.
    public func siteIndex(pairs: [(Slug, Slug)]?) throws -> SiteIndexInputs {
        try synchronize(nil)
        // From here on only reads, each dataset's pages once.
        try database.shrinkCache()
        let slugs = workspace.slugs()
        let datasets = try database.datasetsWithoutServices(slugs)
        let known = Set(slugs)
        let chosen = pairs ?? Self.allPairs(slugs)
        for pair in chosen where !known.contains(pair.0) || !known.contains(pair.1) {
            throw StorageError.unknownMunicipality(known.contains(pair.0) ? pair.1.rawValue : pair.0.rawValue,
                                                   known: slugs.map(\.rawValue))
        }
        var comparisons: [ComparisonReport] = []
        comparisons.reserveCapacity(chosen.count)
        let metrics = Set(MetricID.allCases)
        var start = 0
        while start < chosen.count {
            let part = chosen[start..<min(chosen.count, start + 64)]
            var wanted: [Slug] = []
            for pair in part { for slug in [pair.0, pair.1] where !wanted.contains(slug) { wanted.append(slug) } }
            let digests = Dictionary(uniqueKeysWithValues: zip(wanted, try digests(.subject, of: wanted)))
            for pair in part {
                comparisons.append(try ComparisonReport(comparing: [digests[pair.0]!, digests[pair.1]!], metrics: metrics))
            }
            start += 64
        }
        let database = self.database
        return SiteIndexInputs(datasets: datasets, serviceSpans: try database.serviceSnapshotSpans(slugs), comparisons: comparisons,
                               reference: try reference(), sizeClasses: try SizeClasses.read(workspace),
                               dataset: { slug in try database.dataset(slug) })
    }

    /// The potentials of every municipality of a site (`datasets`, as the site's index gives them), with the peers
    /// `rule` chooses (by default the same level and size class): each group's kept profiles read a few at a time and
    /// gathered into what the group offers; a municipality without a group (its population unknown, say) reads none.
    public func sitePotentials(of datasets: [Dataset], rule: PeerRule = .levelAndSize,
                               threshold: Double = PotentialsReport.defaultThreshold) throws -> SitePotentials {
        try requireKnown(rule, among: datasets.map(\.slug))
        let sizeClasses = try sizeClasses(for: rule)
        // What the rule reads of each municipality; the snapshot plays no part in choosing peers.
        let participants = datasets.map { Participant($0, snapshot: nil) }
        var (groups, groupOf) = SitePotentials.groups(participants, rule: rule, sizeClasses: sizeClasses)
        // Each municipality's groups of two or more (only there do peers offer anything), and those named as left out.
        var gathering: [Slug: [Int]] = [:]
        var needed = Set<Slug>()
        for (index, group) in groups.enumerated() {
            if group.slugs.count > 1 {
                for slug in group.slugs { gathering[slug, default: []].append(index) }
                needed.formUnion(group.slugs)
            }
            needed.formUnion(group.leftOut)
        }
        let slugs = needed.sorted()
        var withoutEntries: [Slug: LeikaProfile] = [:]
        for start in stride(from: 0, to: slugs.count, by: 32) {
            for profile in try leikaProfiles(of: Array(slugs[start..<min(slugs.count, start + 32)])) {
                withoutEntries[profile.participant.slug] = profile.withoutEntries
                for index in gathering[profile.participant.slug] ?? [] { groups[index].offered.add(profile) }
            }
        }
        for index in groups.indices {
            groups[index].candidates = groups[index].slugs.filter { withoutEntries[$0] != nil }.map { withoutEntries[$0]! }
                + groups[index].leftOut.sorted().compactMap { withoutEntries[$0] }
            groups[index].leftOut = []
        }
        return SitePotentials(groups: groups, groupOf: groupOf, reference: try reference(), rule: rule, sizeClasses: sizeClasses,
                              threshold: threshold)
    }
}
