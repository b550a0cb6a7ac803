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

    public init(contact: String? = nil, generatedAt: PartialDate? = nil) {
        let trimmed = contact?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.contact = trimmed.isEmpty ? SiteOptions.defaultContact : trimmed
        self.generatedAt = generatedAt
    }

    /// Whether a contact was configured (the default names none, which the CLI warns about).
    public var hasContact: Bool { contact != SiteOptions.defaultContact }
}
