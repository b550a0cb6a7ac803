import Comparison
import Domain
import Foundation
import Storage

/// What `bench potentials` is asked for.
public struct PotentialsRequest: Sendable, Hashable {
    public var subject: Slug
    public var rule: PeerRule
    /// In percent: potentials at or above `threshold` of the peers with LeiKa-level data, Vorreiter below `pioneerThreshold`.
    public var threshold: Double
    public var pioneerThreshold: Double

    public init(subject: Slug, rule: PeerRule = .levelAndSize, threshold: Double = PotentialsReport.defaultThreshold,
                pioneerThreshold: Double = PotentialsReport.defaultPioneerThreshold) {
        self.subject = subject
        self.rule = rule
        self.threshold = threshold
        self.pioneerThreshold = pioneerThreshold
    }
}

extension Derivation {
    /// `bench potentials`: the subject's potentials and Vorreiter among the peers `rule` chooses. The LeiKa-level
    /// profile of each municipality is kept in the database (`derived_data`, `potentials-profile`) like the digests of
    /// `bench compare`, so that a warm run reads no dataset.
    public func potentials(_ request: PotentialsRequest) throws -> PotentialsReport {
        try synchronize(nil)
        let municipalities = try database.municipalities()
        try requireKnown(request.rule, among: municipalities.map(\.slug))
        guard let own = municipalities.first(where: { $0.slug == request.subject }) else {
            throw StorageError.unknownMunicipality(request.subject.rawValue, known: municipalities.map(\.slug.rawValue).sorted())
        }
        // Only those the rule may choose are read (as `comparison` does for --peers).
        let candidates = municipalities.filter { municipality in
            guard municipality.slug != own.slug else { return false }
            switch request.rule {
            case .kind: return municipality.kind == own.kind
            case .levelAndSize: return municipality.kind == .unknown || municipality.kind.level == own.kind.level
            case .list(_, let slugs): return slugs.contains(municipality.slug)
            case .land, .all: return true
            }
        }.map(\.slug)
        let profiles = try leikaProfiles(of: [own.slug] + candidates)
        return PotentialsReport(subject: profiles[0], candidates: Array(profiles.dropFirst()), reference: try reference(),
                                rule: request.rule, sizeClasses: try sizeClasses(for: request.rule),
                                threshold: request.threshold, pioneerThreshold: request.pioneerThreshold)
    }

    /// The potentials of every dataset of a site, by slug, with the peers `rule` chooses (by default the same level and
    /// size class) and the default Vorreiter threshold: what each profile page shows.
    public func sitePotentials(_ datasets: [Dataset], reference: ReferenceCatalogue, rule: PeerRule = .levelAndSize,
                               threshold: Double = PotentialsReport.defaultThreshold) throws(StorageError) -> [Slug: PotentialsReport] {
        try requireKnown(rule, among: datasets.map(\.slug))
        let profiles = datasets.map(LeikaProfile.init)
        let sizeClasses = try sizeClasses(for: rule)
        var result: [Slug: PotentialsReport] = [:]
        for profile in profiles {
            result[profile.participant.slug] = PotentialsReport(subject: profile, candidates: profiles, reference: reference,
                                                                rule: rule, sizeClasses: sizeClasses, threshold: threshold)
        }
        return result
    }

    /// The profiles of `slugs`, in that order: kept ones where they are current, the others derived and kept.
    func leikaProfiles(of slugs: [Slug]) throws -> [LeikaProfile] {
        var derived: [Slug: LeikaProfile] = [:]
        let kept = try database.derivedData(LeikaProfileCoding.name, version: LeikaProfileCoding.version, for: slugs) { dataset in
            let profile = LeikaProfile(dataset)
            derived[dataset.slug] = profile
            return Data(LeikaProfileCoding.encode(profile))
        }
        // The kept ones decoded on every core, as the digests of a peer view are.
        let keptSlugs = slugs.filter { derived[$0] == nil && kept[$0] != nil }
        let decoded = DecodedProfiles(count: keptSlugs.count)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, keptSlugs.count / 32))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: keptSlugs.count, by: workers) {
                decoded.set(index, LeikaProfileCoding.decode(kept[keptSlugs[index]]!))
            }
        }
        var byDecoded: [Slug: LeikaProfile] = [:]
        for (slug, profile) in zip(keptSlugs, decoded.values) { if let profile { byDecoded[slug] = profile } }
        var result: [LeikaProfile] = []
        var unreadable: [Slug] = []
        for slug in slugs {
            if let profile = derived[slug] ?? byDecoded[slug] {
                result.append(profile)
            } else if kept[slug] != nil {
                unreadable.append(slug)
                result.append(LeikaProfile(try database.dataset(slug)))
            } else {
                throw StorageError.unknownMunicipality(slug.rawValue, known: [])
            }
        }
        if !unreadable.isEmpty {
            // Derived again the next time.
            try database.forgetDerivedData(LeikaProfileCoding.name, for: unreadable)
        }
        return result
    }
}

/// The decoded profiles, each written by one worker at its own index.
private final class DecodedProfiles: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [LeikaProfile?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: LeikaProfile?) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }
}
