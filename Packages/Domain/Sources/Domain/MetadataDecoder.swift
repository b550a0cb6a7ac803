/// A value of `municipality.yaml` with the place it was written.
public struct MetadataField: Sendable, Hashable {
    public var value: String
    public var line: Int
    public var column: Int

    public init(value: String, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// Turns the key-value pairs of `municipality.yaml` into a `Municipality`.
public enum MetadataDecoder {
    public static let keys = ["slug", "name", "kind", "land", "ags", "ars", "synthetic", "note",
                              "population", "population_date", "population_source"]
    static let optionalKeys: Set<String> = ["synthetic", "note", "population", "population_date", "population_source"]
    /// The three keys of the population: all three or none.
    static let populationKeys = ["population", "population_date", "population_source"]
    /// The largest population a German authority can have (Berlin has about 3.7 million): a larger one is a typo.
    public static let populationLimit = 10_000_000
    /// The longest texts of municipality.yaml, in characters: every page and table shows the name.
    static let textLimits = [("name", 200), ("land", 100), ("note", 10_000), ("population_source", 500)]

    /// Decodes the fields; `folder` is the slug the folder name gives, which the file must repeat.
    public static func municipality(_ fields: [String: MetadataField], file: String,
                                    folder: Slug) -> (Municipality?, [Finding]) {
        var findings: [Finding] = []
        func error(_ key: String, _ code: String, _ found: String, _ expected: String) {
            let at = fields[key].map { Location(file: file, line: $0.line, column: $0.column) }
                ?? Location(file: file, line: 1, column: 1)
            findings.append(Finding(.error, at: at, code: code, found: found, expected: expected))
        }
        for key in fields.keys.sorted() where !keys.contains(key) {
            error(key, "unknown-key", "key '\(key)' is not part of municipality.yaml",
                  "remove it or fix its spelling; the keys are: " + keys.joined(separator: ", "))
        }
        for key in keys where !optionalKeys.contains(key) && (fields[key]?.value.trimmingSpaces ?? "").isEmpty {
            error(key, "missing-key", "'\(key)' is missing or empty", "add '\(key): ...' (see Docs/dataset-format.md)")
        }
        func value(_ key: String) -> String { fields[key]?.value.trimmingSpaces ?? "" }

        for (key, limit) in MetadataDecoder.textLimits {
            let length = value(key).count
            if length > limit {
                error(key, "text-too-long", "'\(key)' has \(length) characters",
                      "keep it to at most \(limit) characters (see Docs/dataset-format.md, 'Limits'); longer texts belong in a source document")
            }
        }
        let slugText = value("slug")
        if !slugText.isEmpty && slugText != folder.rawValue {
            error("slug", "slug-mismatch", "slug is '\(slugText)' but the folder is '\(folder)'",
                  "make the slug equal to the folder name")
        }
        let kindText = value("kind")
        let kind = MunicipalityKind(rawValue: kindText)
        if kind == nil && !kindText.isEmpty {
            error("kind", "unknown-word", "kind is '\(kindText)'",
                  "use one of " + MunicipalityKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
        }
        func key(_ name: String, lengths: Set<Int>) -> Reported<String>? {
            let text = value(name)
            if text.isEmpty { return nil }
            if text == Reported<String>.unknownWord { return .unknown }
            guard lengths.contains(text.count), text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                let sizes = lengths.sorted().map(String.init).joined(separator: " or ")
                error(name, "bad-key", "\(name) is '\(text)'",
                      "write \(sizes) digits in quotes (\(name): \"05316000\") so leading zeros stay, or \"unknown\"")
                return nil
            }
            return .known(text)
        }
        let ags = key("ags", lengths: [5, 8]), ars = key("ars", lengths: [5, 12])
        var synthetic = false
        switch value("synthetic") {
        case "", "false": synthetic = false
        case "true": synthetic = true
        case let other: error("synthetic", "not-a-boolean", "synthetic is '\(other)'", "write true or false")
        }
        var population: Population?
        let givenPopulationKeys = populationKeys.filter { !value($0).isEmpty }
        if !givenPopulationKeys.isEmpty && givenPopulationKeys.count < populationKeys.count {
            let missing = populationKeys.filter { value($0).isEmpty }
            error(givenPopulationKeys[0], "incomplete-population",
                  "\(givenPopulationKeys.joined(separator: " and ")) \(givenPopulationKeys.count == 1 ? "is" : "are") given, \(missing.joined(separator: " and ")) not",
                  "give population, population_date and population_source together (a count of inhabitants needs its date and source), or none of them")
        } else if givenPopulationKeys.count == populationKeys.count {
            let countText = value("population"), dateText = value("population_date")
            let count = countText.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) && countText.count <= 9 ? Int(countText) : nil
            if count == nil {
                error("population", "bad-population", "population is '\(countText)'",
                      "write the number of inhabitants in digits only, without separators (population: 163729)")
            } else if let count, !(1...populationLimit).contains(count) {
                error("population", "bad-population", "population is \(count)",
                      "write a number of inhabitants from 1 to \(populationLimit); check for a typo")
            }
            let date = PartialDate(dateText)
            if date == nil {
                error("population_date", "bad-date", "population_date is '\(dateText)'",
                      "write the date the count refers to as YYYY-MM-DD (e.g. 2019-12-31), or YYYY-MM or YYYY")
            }
            if let count, let date { population = Population(count: count, date: date, source: value("population_source")) }
        }
        guard !findings.hasErrors, let kind, let ags, let ars else { return (nil, findings) }
        let municipality = Municipality(slug: folder, name: value("name"), kind: kind, land: value("land"),
                                        ags: ags, ars: ars, synthetic: synthetic, note: value("note"), population: population)
        return (municipality, findings)
    }
}
