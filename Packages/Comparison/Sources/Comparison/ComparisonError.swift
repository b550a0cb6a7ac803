import Domain

/// Everything that can go wrong when comparing, with an (English) message for the person at the terminal.
public enum ComparisonError: Error, Sendable, CustomStringConvertible, Equatable {
    case tooFewParticipants(Int)
    case noSnapshotBefore(slug: String, date: PartialDate, earliest: PartialDate?)
    /// The same municipality named twice.
    case duplicateParticipant(String)
    /// The peer view found no other municipality of the same kind.
    case noPeers(slug: String, kind: MunicipalityKind)
    /// The peer view's rule cannot place the subject (unknown kind or population, no size classes); says why.
    case noPeerGroup(slug: String, why: String)
    /// The peer view's rule chose no peer.
    case noPeersInGroup(slug: String, rule: String)
    /// Bytes kept as a digest that are not one this bench can read (damaged, or of another version); says why.
    case unreadableDigest(String)

    public var description: String {
        switch self {
        case .tooFewParticipants(let count):
            return "a comparison needs at least two municipalities, got \(count); name another one, or use --peers"
        case .noSnapshotBefore(let slug, let date, let earliest):
            let hint = earliest.map { "its earliest snapshot is \($0); use --as-of \($0) or later" } ?? "it has no snapshot at all"
            return "\(slug) has no snapshot on or before \(date): \(hint)"
        case .duplicateParticipant(let slug):
            return "\(slug) is named more than once; name each municipality once"
        case .noPeers(let slug, let kind):
            return "there is no other municipality of kind '\(kind.rawValue)' in Datasets/ to compare \(slug) with; "
                + "add datasets of the same kind (bench new SLUG --kind \(kind.rawValue)), or compare with named municipalities"
        case .noPeerGroup(let slug, let why):
            return "\(slug) cannot be put in the chosen peer group: \(why); "
                + "choose another rule with --peer-group kind, land, all or list:FILE"
        case .noPeersInGroup(let slug, let rule):
            return "the peer group '\(rule)' of \(slug) has no other municipality in Datasets/; "
                + "choose another rule with --peer-group kind, land, all or list:FILE, or compare with named municipalities"
        case .unreadableDigest(let why):
            return "a kept digest cannot be read (\(why))"
        }
    }
}
