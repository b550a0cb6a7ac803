import Comparison
import Domain

/// A Land's page: its Kreise, each with the municipalities of the site that lie in it, linked to their profiles and
/// their peer comparisons. With the start page listing the Länder, every municipality is two clicks from the start, at
/// 427 authorities as at 11,000.
struct LandPage: Sendable {
    /// The Land as municipality.yaml names it ("" where unknown).
    var land: String
    /// Its municipalities, in the site's order (by slug).
    var datasets: [Dataset]

    var path: SitePath { .land(land) }

    /// The Land's name as a heading: "Ohne Angabe des Landes" for municipalities without one.
    var name: String { land.isEmpty ? "Ohne Angabe des Landes" : land }

    /// One page per Land of the site's municipalities, sorted by name.
    static func pages(_ site: SiteContext) -> [LandPage] {
        Dictionary(grouping: site.datasets, by: \.municipality.land)
            .map { LandPage(land: $0.key, datasets: $0.value) }
            .sorted { ($0.land.isEmpty ? 1 : 0, $0.land) < ($1.land.isEmpty ? 1 : 0, $1.land) }
    }

    /// The 5-digit key of the Kreis a municipality lies in (its own for a Kreis or kreisfreie Stadt), from its AGS; nil
    /// where its AGS is unknown.
    static func kreisKey(_ municipality: Municipality) -> String? {
        guard let ags = municipality.ags.value, ags.utf8.count >= 5, ags.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return String(ags.prefix(5))
    }

    /// A Kreis as its heading names it: the municipality of the site that is the Kreis (a Kreis or kreisfreie Stadt), else
    /// the register's name, else its key.
    static func kreisName(_ key: String, members: [Dataset], site: SiteContext) -> String {
        if let own = members.first(where: { kreisKey($0.municipality) == key
            && ($0.municipality.ags.value?.utf8.count == 5 || $0.municipality.kind.level == .municipalAndDistrict) }) {
            return own.municipality.name
        }
        return site.kreisNames[key] ?? "Kreis " + key
    }

    /// The Kreise of the Land with their municipalities: those without AGS last, under their own heading; within a
    /// Kreis the Kreis (or kreisfreie Stadt) itself first, then the others by name.
    func kreise(_ site: SiteContext) -> [(key: String?, name: String, members: [Dataset])] {
        let grouped = Dictionary(grouping: datasets) { LandPage.kreisKey($0.municipality) ?? "" }
        return grouped.map { key, members -> (key: String?, name: String, members: [Dataset]) in
            let sorted = members.sorted { lhs, rhs in
                let left = lhs.municipality.ags.value.map { $0.utf8.count == 5 || lhs.municipality.kind.level == .municipalAndDistrict } ?? false
                let right = rhs.municipality.ags.value.map { $0.utf8.count == 5 || rhs.municipality.kind.level == .municipalAndDistrict } ?? false
                return (left ? 0 : 1, lhs.municipality.name, lhs.slug) < (right ? 0 : 1, rhs.municipality.name, rhs.slug)
            }
            if key.isEmpty { return (nil, "Ohne Gemeindeschlüssel, daher ohne Kreis", sorted) }
            return (key, LandPage.kreisName(key, members: members, site: site), sorted)
        }.sorted { ($0.key == nil ? 1 : 0, $0.name, $0.key ?? "") < ($1.key == nil ? 1 : 0, $1.name, $1.key ?? "") }
    }

    func render(_ site: SiteContext) -> RenderedPage {
        let title = "Kommunen in " + name
        let kreise = kreise(site)
        let intro: [HTMLNode] = [
            .p([("class", "einleitung")], [.text(
                GermanFormat.integer(datasets.count) + (datasets.count == 1 ? " Kommune" : " Kommunen") + " dieser Veröffentlichung in "
                    + name + ", nach Kreisen geordnet (der Kreis nach dem Gemeindeschlüssel). Jede mit ihrer Seite und ihrem "
                    + "Vergleich mit der Vergleichsgruppe.")]),
            .element("nav", [("aria-label", "Kreise auf dieser Seite")], [
                .list(kreise.enumerated().map { index, kreis in .link("#kreis-\(index + 1)", kreis.name) }),
            ]),
        ]
        var content: [HTMLNode] = []
        for (index, kreis) in kreise.enumerated() {
            content.append(.heading(2, id: "kreis-\(index + 1)", kreis.name + (kreis.key.map { " (Kreisschlüssel " + $0 + ")" } ?? "")))
            content.append(.list(kreis.members.map { dataset in
                .group([
                    .link(path.link(to: .municipality(dataset.slug)), dataset.municipality.name),
                    .text(" – " + dataset.municipality.kind.germanName + "; "),
                    .link(path.link(to: .peers(dataset.slug)), "Vergleichsgruppe"),
                ])
            }))
        }
        let html = site.layout.page(path, title: title, intro: intro, content: content)
        return RenderedPage(path: path, title: title, html: html, tables: [], footnotes: [:])
    }
}
