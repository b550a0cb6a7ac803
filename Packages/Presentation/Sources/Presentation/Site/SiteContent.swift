import Comparison
import Domain

/// Everything the site shows, computed before the first page is rendered: the datasets and the comparisons
/// (made by the same code as `bench compare`).
public struct SiteContent: Sendable {
    /// Every municipality, each with a profile page and a row on the start page.
    public var datasets: [Dataset]
    /// One comparison page each; every participant must be among `datasets`.
    public var comparisons: [ComparisonReport]
    /// The OZG-Leistungen the datasets name, so a profile shows a service's catalogue name next to its ID.
    public var reference: ReferenceCatalogue
    /// The population size classes of peer groups (`Datasets/reference/size_classes.csv`): each profile shows its
    /// group of the same level of government and size class.
    public var sizeClasses: [SizeClass]
    /// Each municipality's potentials (`bench potentials`), shown in a section of its profile; a profile without an
    /// entry has no such section.
    public var potentials: [Slug: PotentialsReport]
    /// Each municipality's peer view with the default group (`Derivation.sitePeerViews`), shown on its page
    /// `vergleichsgruppen/SLUG.html`; a municipality without one gets a page that says why.
    public var peerViews: [ComparisonReport]
    /// The names of the Kreise by their 5-digit key (from the register), for the pages of the Länder; a Kreis without a
    /// name is named by its key.
    public var kreisNames: [String: String]
    /// Each municipality's oldest and newest snapshot, where the datasets above are not whole (a streamed export
    /// gives them without their service records and the spans found in the database); nil computes them from the
    /// datasets.
    public var snapshotSpans: [Slug: ClosedRange<PartialDate>]? = nil

    public init(datasets: [Dataset], comparisons: [ComparisonReport], reference: ReferenceCatalogue = ReferenceCatalogue(),
                sizeClasses: [SizeClass] = [], potentials: [Slug: PotentialsReport] = [:], peerViews: [ComparisonReport] = [],
                kreisNames: [String: String] = [:]) {
        self.datasets = datasets
        self.comparisons = comparisons
        self.reference = reference
        self.sizeClasses = sizeClasses
        self.potentials = potentials
        self.peerViews = peerViews
        self.kreisNames = kreisNames
    }
}
