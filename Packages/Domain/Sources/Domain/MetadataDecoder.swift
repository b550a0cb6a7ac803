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
    public static let keys = ["slug", "name", "kind", "land", "ags", "ars", "synthetic", "note"]
    static let optionalKeys: Set<String> = ["synthetic", "note"]
    /// The longest texts of municipality.yaml, in characters: every page and table shows the name.
    static let textLimits = [("name", 200), ("land", 100), ("note", 10_000)]

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
        guard !findings.hasErrors, let kind, let ags, let ars else { return (nil, findings) }
        let municipality = Municipality(slug: folder, name: value("name"), kind: kind, land: value("land"),
                                        ags: ags, ars: ars, synthetic: synthetic, note: value("note"))
        return (municipality, findings)
    }
}
