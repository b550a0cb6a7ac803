/// One territorial unit of the municipality register (Destatis, Gemeindeverzeichnis): the facts bench carries as
/// its own reference data in `Datasets/reference/`, with their source.
public struct RegisterEntry: Sendable, Hashable {
    /// Amtlicher Gemeindeschlüssel: 8 digits for a Gemeinde (and a kreisfreie Stadt), 5 for a Kreis.
    public var ags: String
    /// Amtlicher Regionalschlüssel: 12 digits for a Gemeinde, 5 for a Kreis.
    public var ars: String
    public var name: String
    public var kind: MunicipalityKind
    /// The 2-digit Land code (`05`) and the Land's name.
    public var landCode: String
    public var land: String
    /// The 5-digit key of the Kreis the unit lies in (its own key for a Kreis or kreisfreie Stadt).
    public var kreis: String
    public var population: Population?

    public init(ags: String, ars: String, name: String, kind: MunicipalityKind, landCode: String, land: String,
                kreis: String, population: Population?) {
        self.ags = ags
        self.ars = ars
        self.name = name
        self.kind = kind
        self.landCode = landCode
        self.land = land
        self.kreis = kreis
        self.population = population
    }
}

/// The register as a whole, looked up by ARS or AGS.
public struct MunicipalityRegister: Sendable {
    public private(set) var entries: [RegisterEntry]
    private var byARS: [String: Int] = [:]
    private var byAGS: [String: Int] = [:]
    /// Where each entry was read (the register file and its line), for findings that name the register's row.
    private var places: [Location]

    public init(_ entries: [RegisterEntry], places: [Location] = []) {
        self.entries = entries
        self.places = places.count == entries.count ? places : []
        for (index, entry) in entries.enumerated() {
            if byARS[entry.ars] == nil { byARS[entry.ars] = index }
            if byAGS[entry.ags] == nil { byAGS[entry.ags] = index }
        }
    }

    /// The entry of an ARS. A 12-digit ARS that names no entry and ends in seven zeros (`053340000000`, as dashboard
    /// exports write a Kreis) finds the Kreis of its first five digits (`05334`). A kreisfreie Stadt's own ARS also
    /// ends in seven zeros (`053160000000`), but names its entry, so it is found as itself.
    public subscript(ars ars: String) -> RegisterEntry? {
        if let index = byARS[ars] { return entries[index] }
        if ars.utf8.count == 12, ars.hasSuffix("0000000"), let index = byARS[String(ars.prefix(5))] { return entries[index] }
        return nil
    }

    /// The entry of an AGS. An 8-digit AGS that names no entry and ends in `000` (`05334000`) finds the Kreis of its
    /// first five digits, by the same rule as the ARS.
    public subscript(ags ags: String) -> RegisterEntry? {
        if let index = byAGS[ags] { return entries[index] }
        if ags.utf8.count == 8, ags.hasSuffix("000"), let index = byAGS[String(ags.prefix(5))] { return entries[index] }
        return nil
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The place of an entry's row in the register file, where the register was read from one.
    public func place(of entry: RegisterEntry) -> Location? {
        guard !places.isEmpty, let index = byARS[entry.ars], entries[index] == entry else { return nil }
        return places[index]
    }

    /// Where a dataset's `municipality.yaml` contradicts the register: a warning each (the register may be older or
    /// wrong; the dataset's author decides), naming both values and the register's row. `at` gives the place of a key
    /// in municipality.yaml. An empty register knows nothing and contradicts nothing.
    public func contradictions(_ municipality: Municipality, at: (String) -> Location) -> [Finding] {
        guard !isEmpty else { return [] }
        var findings: [Finding] = []
        func row(_ entry: RegisterEntry) -> String {
            let place = place(of: entry).map { " (\($0))" } ?? ""
            return "the register's row \(entry.ags) '\(entry.name)'\(place)"
        }
        var byKey: [(key: String, entry: RegisterEntry)] = []
        for (key, value, lookup) in [("ags", municipality.ags, { (k: String) in self[ags: k] }), ("ars", municipality.ars, { (k: String) in self[ars: k] })] {
            guard case .known(let text) = value else { continue }
            if let entry = lookup(text) {
                byKey.append((key, entry))
            } else {
                findings.append(Finding(.warning, at: at(key), code: "not-in-register",
                                        found: "\(key) \(text) is not in the municipality register (Datasets/reference/register.csv)",
                                        expected: "check the key against the Gemeindeverzeichnis of Destatis; a Gemeinde has an 8-digit AGS and a 12-digit ARS, a Kreis its 5-digit key"))
            }
        }
        if byKey.count == 2, byKey[0].entry != byKey[1].entry {
            findings.append(Finding(.warning, at: at("ars"), code: "register-mismatch",
                                    found: "ags \(municipality.ags) is \(row(byKey[0].entry)), but ars \(municipality.ars) is \(row(byKey[1].entry))",
                                    expected: "give the keys of one authority"))
        }
        guard let entry = byKey.first?.entry else { return findings }
        if municipality.kind.level != entry.kind.level {
            findings.append(Finding(.warning, at: at("kind"), code: "register-mismatch",
                                    found: "kind is \(municipality.kind.rawValue) (\(municipality.kind.level.germanName)), but \(row(entry)) says \(entry.kind.rawValue) (\(entry.kind.level.germanName))",
                                    expected: "write the kind the register gives (kind: \(entry.kind.rawValue)), or check the key"))
        }
        if let mine = municipality.population, let theirs = entry.population, mine.date == theirs.date, mine.count != theirs.count {
            findings.append(Finding(.warning, at: at("population"), code: "register-mismatch",
                                    found: "population is \(mine.count) on \(mine.date), but \(row(entry)) says \(theirs.count) on the same date (\(theirs.source))",
                                    expected: "check the figure and its source; two sources for one date should agree"))
        }
        return findings
    }
}

/// A population size class for peer groups ("20.000 bis unter 50.000 Einwohner"); the classes are data in
/// `Datasets/reference/`, with their source named.
public struct SizeClass: Sendable, Hashable, Codable {
    public var id: String
    /// The German label readers see.
    public var label: String
    /// Inhabitants from `lower` (inclusive) to `upper` (exclusive); nil for no upper end.
    public var lower: Int
    public var upper: Int?
    public var source: String

    public init(id: String, label: String, lower: Int, upper: Int?, source: String) {
        self.id = id
        self.label = label
        self.lower = lower
        self.upper = upper
        self.source = source
    }

    public func contains(_ inhabitants: Int) -> Bool { inhabitants >= lower && upper.map { inhabitants < $0 } ?? true }
}
