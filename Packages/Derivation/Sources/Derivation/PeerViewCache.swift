import Comparison
import Domain
import Foundation
import Storage

/// A peer view kept in the database (`derived_data`, under the subject and `peer-view RULE`), with the key to keep a
/// new one under where none is kept.
struct KeptPeerView {
    /// The view kept for these arguments, while no dataset, catalogue or reference changed since and this bench made it.
    var report: ComparisonReport?
    fileprivate var key: String?
    fileprivate var name: String
    fileprivate var subject: Slug
    fileprivate var database: BenchDatabase

    /// Keeps `report`, the view made now (only where nothing was kept).
    func keep(_ report: ComparisonReport) {
        guard self.report == nil, let key else { return }
        database.keepWholeData(name, of: subject, key: key, data: Data(report.encodedPeerView()))
    }
}

extension Derivation {
    /// The peer view of `subject` kept by an earlier run with the same arguments, or the means to keep the one made now.
    ///
    /// A peer view is made of the digests of every peer: their statistics are the same as long as no dataset changed.
    /// The view is kept under a key of every municipality's files (see `BenchDatabase.keptWholeData`), the rule, the
    /// metrics, the size classes, the digest version and the bench executable that made it (its path, size and time of
    /// modification: the statistics are computed by code that a digest version does not cover, so another build of
    /// bench makes the view again). Where the executable cannot be identified, nothing is kept.
    func keptPeerView(of subject: Slug, rule: PeerRule, metrics: Set<MetricID>) throws -> KeptPeerView {
        let name = "peer-view \(rule.id)"
        guard let executable = Self.executableIdentity else {
            return KeptPeerView(report: nil, key: nil, name: name, subject: subject, database: database)
        }
        let version = [String(PeerDigest.version), executable, "\(rule)", metrics.map(\.rawValue).sorted().joined(separator: ","),
                       "\(try sizeClasses(for: rule))"].joined(separator: "\n")
        let (key, data) = try database.keptWholeData(name, of: subject, version: version)
        var report: ComparisonReport?
        if let data {
            do {
                report = try ComparisonReport(encodedPeerView: [UInt8](data))
            } catch {
                log("warning: \(subject): the kept peer view cannot be read (\(error)); made again from the digests")
            }
        }
        return KeptPeerView(report: report, key: key, name: name, subject: subject, database: database)
    }

    /// The running executable's path, size and time of modification: what a result kept by code that no version number
    /// covers is keyed by (a rebuilt bench makes it again). Nil where the executable cannot be found.
    public static let executableIdentity: String? = {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size], let modified = attributes[.modificationDate] as? Date else { return nil }
        return "\(path) \(size) \(modified.timeIntervalSince1970)"
    }()
}
