import Domain
import Foundation

/// How the site is exported: what the accessibility statement names as contact, and an optional date stamp.
public struct SiteOptions: Sendable, Hashable {
    /// Who readers contact about barriers (name, unit, e-mail or phone), as the statement prints it.
    public var contact: String
    /// The date printed as "Stand der Veröffentlichung"; nil prints none, so the same data gives the same bytes.
    public var generatedAt: PartialDate?

    /// The contact printed where none was given: it sends readers to whoever publishes the pages.
    public static let defaultContact = "die Stelle, die diese Seiten im Intranet veröffentlicht"

    /// The licence under which the publisher offers the figures, as the all-figures download names it; nil names none
    /// and says so (bench does not choose a licence for the publisher).
    public var licence: String?

    public init(contact: String? = nil, generatedAt: PartialDate? = nil, licence: String? = nil) {
        let trimmed = contact?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.contact = trimmed.isEmpty ? SiteOptions.defaultContact : trimmed
        self.generatedAt = generatedAt
        let licenceText = licence?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.licence = licenceText.isEmpty ? nil : licenceText
    }

    /// Whether a contact was configured (the default names none, which the CLI warns about).
    public var hasContact: Bool { contact != SiteOptions.defaultContact }
}
