import Domain

/// Where a file lives inside the exported folder, e.g. `vergleiche/leverkusen_aachen.html`.
///
/// Paths are built only from fixed names and slugs (`a-z`, `0-9`, `-`), so no dataset can name a file outside
/// the output folder; `isSafe` checks that again before anything is written.
struct SitePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    let value: String

    init(_ value: String) { self.value = value }

    var description: String { value }

    static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.value < rhs.value }

    static let start = SitePath("index.html")
    static let methodology = SitePath("methodik.html")
    static let sources = SitePath("quellen.html")
    static let accessibility = SitePath("barrierefreiheit.html")
    static let sitemap = SitePath("seitenuebersicht.html")
    static let stylesheet = SitePath("stil.css")
    /// The file that marks a folder as written by `bench export site`, listing every file written.
    static let marker = SitePath(".bench-site")

    static func municipality(_ slug: Slug) -> SitePath { SitePath("kommunen/\(slug.rawValue).html") }

    /// A municipality's comparison with its peer group.
    static func peers(_ slug: Slug) -> SitePath { SitePath("vergleichsgruppen/\(slug.rawValue).html") }

    /// A Land's page with its Kreise and their municipalities: `laender/nordrhein-westfalen.html`.
    static func land(_ name: String) -> SitePath { SitePath("laender/\(fileWord(name.isEmpty ? "ohne-land" : name)).html") }

    /// A name as a part of a file name: lower case, umlauts and ß written out, every other character a hyphen
    /// ("Baden-Württemberg" is `baden-wuerttemberg`).
    static func fileWord(_ name: String) -> String {
        var word = ""
        for character in name.lowercased() {
            switch character {
            case "ä": word += "ae"
            case "ö": word += "oe"
            case "ü": word += "ue"
            case "ß": word += "ss"
            case "a"..."z", "0"..."9": word.append(character)
            default: if !word.isEmpty && !word.hasSuffix("-") { word += "-" }
            }
        }
        while word.hasSuffix("-") { word.removeLast() }
        return word.isEmpty ? "land" : word
    }

    /// A comparison's page; `_` joins the slugs because slugs never contain it (`a-b` + `c` differs from `a` + `b-c`).
    static func comparison(_ slugs: [Slug]) -> SitePath {
        SitePath("vergleiche/\(slugs.map(\.rawValue).joined(separator: "_")).html")
    }

    /// A table's CSV download; `name` is made of slugs and fixed words.
    static func table(_ name: String) -> SitePath { SitePath("daten/\(name).csv") }

    /// The link from a page at `self` to `target`: relative, so the folder works from any server path and from disk.
    func link(to target: SitePath, fragment: String? = nil) -> String {
        let depth = value.reduce(0) { $1 == "/" ? $0 + 1 : $0 }
        let prefix = String(repeating: "../", count: depth)
        return prefix + target.value + (fragment.map { "#" + $0 } ?? "")
    }

    /// Whether the path stays inside the output folder: relative, no `..`, only `a-z0-9._-` in each part.
    var isSafe: Bool {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        return !value.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".."
                && part.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 46 || $0 == 95 }
        }
    }
}
