import Domain

/// `LeikaProfile` as the bytes the database keeps (`derived_data`, named `name`, under `version`): UTF-8 text, one
/// record a line, fields separated by tabs, with tab, line feed, carriage return and backslash escaped. A warm
/// `bench potentials` over 427 peers decodes about 200,000 fields; this is some ten times faster than JSONDecoder.
public enum LeikaProfileCoding {
    public static let name = "potentials-profile"
    /// Raise it whenever `LeikaProfile(_:)` or this coding changes: kept profiles of another version are derived again.
    public static let version = "4"

    public static func encode(_ profile: LeikaProfile) -> [UInt8] {
        var lines: [[String]] = []
        let p = profile.participant
        lines.append(["P", p.slug.rawValue, p.name, p.kind.rawValue, p.snapshot?.description ?? "", p.land,
                      p.population.map { String($0.count) } ?? "", p.population?.date.description ?? "", p.population?.source ?? ""])
        lines.append(["S", profile.snapshot?.description ?? "", profile.origin.rawValue, profile.otherUnit])
        for source in profile.sources {
            lines.append(["Q", source.slug.rawValue, source.sourceID, source.title, source.type.rawValue, source.reference.value ?? "\u{0}",
                          source.date.description, source.body.value ?? "\u{0}"])
        }
        // An entry names its coverage by its index in DashboardCoverage.allCases and its source by "#" and its index in the
        // sources above (else "=" and the id): half the bytes, and most fields need no String when read.
        let sourceIndex = Dictionary(profile.sources.map(\.sourceID).enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for (key, entry) in profile.entries.sorted(by: { $0.key < $1.key }) {
            lines.append(["E", key, entry.name, entry.ozgID.map { String($0.rawValue) } ?? "", entry.online ? "1" : "0",
                          entry.coverage.flatMap { DashboardCoverage.allCases.firstIndex(of: $0) }.map(String.init) ?? "", entry.state,
                          sourceIndex[entry.sourceID].map { "#\($0)" } ?? "=" + entry.sourceID])
        }
        var text = ""
        for line in lines {
            text += line.map(escape).joined(separator: "\t")
            text += "\n"
        }
        return Array(text.utf8)
    }

    /// The profile, or nil where the bytes are not one this version wrote.
    ///
    /// Read byte by byte: lines at line feeds, fields at tabs, each field made a String once (splitting Strings by
    /// Character took four fifths of a warm run over 427 profiles).
    public static func decode(_ bytes: some Sequence<UInt8>) -> LeikaProfile? {
        let data = Array(bytes)
        return data.withUnsafeBufferPointer { buffer -> LeikaProfile? in
            var participant: Participant?
            var snapshot: PartialDate??
            var origin = LeikaProfile.Origin.handMade
            var otherUnit = ""
            var sources: [SourceReference] = []
            var entries: [String: LeikaProfile.Entry] = [:]
            var fields: [String] = []
            fields.reserveCapacity(9)
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(9)
            entries.reserveCapacity(buffer.reduce(0) { $1 == 10 ? $0 + 1 : $0 })
            let coverages = DashboardCoverage.allCases
            var lineStart = 0
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count && buffer[lineEnd] != 10 { lineEnd += 1 }
                ranges.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for index in lineStart...lineEnd where index == lineEnd || buffer[index] == 9 {
                    ranges.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                lineStart = lineEnd + 1
                func bytes(_ number: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[ranges[number]]) }
                if ranges[0].count == 1 && buffer[ranges[0].lowerBound] == UInt8(ascii: "E") {
                    // The fast path of most lines: only key, name and (rarely) state become Strings.
                    guard ranges.count == 8 else { return nil }
                    var ozgID: OzgID?
                    if !ranges[3].isEmpty {
                        var value = 0
                        for byte in bytes(3) {
                            guard byte >= 48 && byte <= 57, value < 1_000_000 else { return nil }
                            value = value * 10 + Int(byte - 48)
                        }
                        ozgID = OzgID(value)
                    }
                    var coverage: DashboardCoverage?
                    if !ranges[5].isEmpty {
                        guard ranges[5].count == 1, let digit = bytes(5).first, digit >= 48, Int(digit - 48) < coverages.count else { return nil }
                        coverage = coverages[Int(digit - 48)]
                    }
                    let reference = bytes(7)
                    let sourceID: String
                    if reference.first == UInt8(ascii: "#") {
                        var index = 0
                        for byte in reference.dropFirst() {
                            guard byte >= 48 && byte <= 57 else { return nil }
                            index = index * 10 + Int(byte - 48)
                        }
                        guard index < sources.count else { return nil }
                        sourceID = sources[index].sourceID
                    } else {
                        guard reference.first == UInt8(ascii: "=") else { return nil }
                        sourceID = String(field(bytes(7)).dropFirst())
                    }
                    entries[String(decoding: bytes(1), as: UTF8.self)] = LeikaProfile.Entry(
                        name: field(bytes(2)), ozgID: ozgID, online: bytes(4).first == UInt8(ascii: "1"), coverage: coverage,
                        state: ranges[6].isEmpty ? "" : field(bytes(6)), sourceID: sourceID)
                    continue
                }
                fields = ranges.indices.map { field(bytes($0)) }
                guard let kind = fields.first, !(fields.count == 1 && kind.isEmpty) else { continue }
                switch kind {
                case "P":
                    guard fields.count == 9, let slug = Slug(fields[1]), let kind = MunicipalityKind(rawValue: fields[3]) else { return nil }
                    var population: Population?
                    if let count = Int(fields[6]), let date = PartialDate(fields[7]) { population = Population(count: count, date: date, source: fields[8]) }
                    participant = Participant(slug: slug, name: fields[2], kind: kind, snapshot: PartialDate(fields[4]), land: fields[5],
                                              population: population)
                case "S":
                    guard fields.count == 4, let found = LeikaProfile.Origin(rawValue: fields[2]) else { return nil }
                    snapshot = .some(PartialDate(fields[1]))
                    origin = found
                    otherUnit = fields[3]
                case "Q":
                    guard fields.count == 8, let slug = Slug(fields[1]), let type = SourceType(rawValue: fields[4]),
                          let date = PartialDate(fields[6]) else { return nil }
                    let source = Source(id: fields[2], title: fields[3], type: type,
                                        reference: fields[5] == "\u{0}" ? .unknown : .known(fields[5]), date: date,
                                        body: fields[7] == "\u{0}" ? .unknown : .known(fields[7]))
                    sources.append(SourceReference(slug: slug, source: source))
                default:
                    return nil
                }
            }
            guard let participant, let snapshot else { return nil }
            return LeikaProfile(participant: participant, snapshot: snapshot, origin: origin, entries: entries, sources: sources,
                                otherUnit: otherUnit)
        }
    }

    /// One field's bytes as text, escapes undone.
    private static func field(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(92) ? unescape(Substring(text)) : text
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\\" }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\r\n": out += "\\r\\n"
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out
    }

    static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var out = ""
        var escaped = false
        for character in field {
            if escaped {
                switch character {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
