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
/// whole dataset, the peers' from the profiles kept in the database (like the digests), cut to what a report reads of
/// a peer (its online entries, whose names are shared). The same reports as `Derivation.sitePotentials` makes of the
/// datasets.
public struct SitePotentials: Sendable {
    let candidates: [LeikaProfile]
    let reference: ReferenceCatalogue
    let rule: PeerRule
    let sizeClasses: [SizeClass]
    let threshold: Double

    /// The report of one municipality of the site, from its whole dataset.
    public func report(for dataset: Dataset) -> PotentialsReport {
        PotentialsReport(subject: LeikaProfile(dataset), candidates: candidates, reference: reference, rule: rule,
                         sizeClasses: sizeClasses, threshold: threshold)
    }

    /// A profile as a peer: a report counts and cites only the entries a peer offers online, so the others are left
    /// out; each name is the one instance of that text in `names`.
    static func asPeer(_ profile: LeikaProfile, names: inout [String: String]) -> LeikaProfile {
        var peer = profile
        var entries: [String: LeikaProfile.Entry] = [:]
        entries.reserveCapacity(profile.entries.count)
        for (key, entry) in profile.entries where entry.online {
            var kept = entry
            if let shared = names[entry.name] { kept.name = shared } else { names[entry.name] = entry.name }
            entries[key] = kept
        }
        peer.entries = entries
        return peer
    }
}

extension Derivation {
    /// `bench export site` without holding every dataset: the index of every municipality and the comparisons of
    /// `pairs` (every pair once, in slug order, where nil), after a sync. The comparisons are made from the kept
    /// digests, a few pairs at a time.
    public func siteIndex(pairs: [(Slug, Slug)]?) throws -> SiteIndexInputs {
        try synchronize(nil)
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

    /// The potentials of every municipality of a site (`slugs`), with the peers `rule` chooses (by default the same
    /// level and size class): the kept profiles read a few at a time and cut to what a peer needs.
    public func sitePotentials(of slugs: [Slug], rule: PeerRule = .levelAndSize,
                               threshold: Double = PotentialsReport.defaultThreshold) throws -> SitePotentials {
        try requireKnown(rule, among: slugs)
        var names: [String: String] = [:]
        var candidates: [LeikaProfile] = []
        candidates.reserveCapacity(slugs.count)
        var start = 0
        while start < slugs.count {
            for profile in try leikaProfiles(of: Array(slugs[start..<min(slugs.count, start + 32)])) {
                candidates.append(SitePotentials.asPeer(profile, names: &names))
            }
            start += 32
        }
        return SitePotentials(candidates: candidates, reference: try reference(), rule: rule, sizeClasses: try sizeClasses(for: rule),
                              threshold: threshold)
    }
}
