import Domain
import Foundation

// A peer view over hundreds of municipalities reads hundreds of digests; decoding them as JSON took longer than the
// rest of the command. They are written as a compact binary instead: numbers as variable-length integers, texts as
// their UTF-8 bytes after their length, every field in a fixed order. Whoever changes a field changes
// `PeerDigest.format`, so that digests written before are not read. Notes (few in a peer's digest) are written as
// their JSON (sorted keys) instead, as texts.

extension PeerDigest {
    /// The digest as bytes, to be kept and read back with `init(encoded:)`.
    public func encoded() -> [UInt8] {
        var writer = DigestWriter()
        writer.write(self)
        return writer.bytes
    }

    /// The digest `encoded()` wrote; nil for bytes it did not write (damaged, or of another format).
    public init?(encoded bytes: [UInt8]) {
        var reader = DigestReader(bytes: bytes)
        guard let digest = try? reader.readDigest(), reader.atEnd else { return nil }
        self = digest
    }
}

struct DigestWriter {
    var bytes: [UInt8] = []

    mutating func write(_ value: Int) {
        // Zig-zag, then 7 bits a byte.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(bits & 0xFF))
            bits >>= 8
        }
    }

    mutating func write(_ value: String) {
        let utf8 = Array(value.utf8)
        write(utf8.count)
        bytes += utf8
    }

    mutating func write<T>(_ value: T?, _ body: (inout DigestWriter, T) -> Void) {
        write(value != nil)
        if let value { body(&self, value) }
    }

    mutating func write<T>(_ values: [T], _ body: (inout DigestWriter, T) -> Void) {
        write(values.count)
        for value in values { body(&self, value) }
    }

    mutating func write(_ date: PartialDate) {
        write(date.year)
        write(date.month ?? 0)
        write(date.day ?? 0)
    }
    mutating func write(_ date: PartialDate?) { write(date) { $0.write($1 as PartialDate) } }
    mutating func write(_ text: String?) { write(text) { $0.write($1 as String) } }

    mutating func write(_ reported: Reported<String>) {
        write(reported.value)
    }

    /// A note as the UTF-8 of its JSON, sorted keys.
    mutating func write(_ note: ComparabilityNote) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding a note (strings, numbers, enums) cannot fail.
        write(String(decoding: try! encoder.encode(note), as: UTF8.self))
    }

    mutating func write(_ notes: [ComparabilityNote]) { write(notes) { $0.write($1 as ComparabilityNote) } }

    mutating func write(_ source: SourceReference) {
        write(source.slug.rawValue)
        write(source.sourceID)
        write(source.title)
        write(source.type.rawValue)
        write(source.reference)
        write(source.date)
        write(source.body)
    }

    mutating func write(_ value: FigureValue) {
        switch value {
        case .count(let count, let qualifier):
            write(0); write(count); write(qualifier.rawValue)
        case .share(let numerator, let denominator, let qualifier):
            write(1); write(numerator); write(denominator); write(qualifier.rawValue)
        case .interval(let low, let high, let unit):
            write(2); write(low); write(high); write(unit)
        case .number(let number, let unit, let qualifier):
            write(3); write(number); write(unit); write(qualifier.rawValue)
        case .date(let date):
            write(4); write(date)
        case .unknown(let reason):
            write(5); write(reason)
        case .notApplicable(let reason):
            write(6); write(reason)
        }
    }

    mutating func write(_ figure: Figure) {
        write(figure.value)
        write(figure.asOf)
        write(figure.remark)
        write(figure.sources) { $0.write($1 as SourceReference) }
    }

    mutating func write(_ figures: [Figure]) { write(figures) { $0.write($1 as Figure) } }

    mutating func write(_ digest: PeerDigest) {
        write(PeerDigest.format)
        let participant = digest.participant
        write(participant.slug.rawValue)
        write(participant.name)
        write(participant.kind.rawValue)
        write(participant.snapshot)
        write(digest.unit?.rawValue)
        write(digest.servicesOnline) { writer, part in
            writer.write(part.unit?.rawValue)
            writer.write(part.snapshot)
            writer.write(part.cells)
            writer.write(part.converted)
            writer.write(part.notes)
            writer.write(part.notesConverted)
        }
        write(digest.efaUptake) { writer, part in
            writer.write(part.hasFigures)
            writer.write(part.cells)
            writer.write(part.date)
            writer.write(part.relevance) { writer, relevance in
                writer.write(relevance.name)
                writer.write(relevance.relevant)
                writer.write(relevance.available)
            }
            writer.write(part.notes)
            writer.write(part.adoptedFromIndicator)
            writer.write(part.adoptedFromProjects)
        }
        write(digest.projectsPerYear) { writer, part in
            writer.write(part.hasFigures)
            writer.write(part.hasProjects)
            writer.write(part.reported)
            writer.write(part.date)
            writer.write(part.totals) { writer, cell in
                writer.write(cell.key.indicator)
                writer.write(cell.key.period)
                writer.write(cell.figure)
            }
            writer.write(part.years) { writer, cell in
                writer.write(cell.scope.rawValue)
                writer.write(cell.event)
                writer.write(cell.year)
                writer.write(cell.figure)
            }
            writer.write(part.undated)
            writer.write(part.channels)
            writer.write(part.totalIndicators.sorted()) { $0.write($1 as String) }
            writer.write(part.scopes.map(\.rawValue).sorted()) { $0.write($1 as String) }
            writer.write(part.scopeReport.name)
            writer.write(part.scopeReport.totals) { writer, total in
                writer.write(total.indicator)
                writer.write(total.period)
                writer.write(total.value)
            }
            writer.write(part.scopeReport.named) { writer, named in
                writer.write(named.scope.rawValue)
                writer.write(named.count)
            }
            writer.write(part.notes)
        }
        write(digest.trends) { writer, part in
            writer.write(part.series) { writer, entry in
                writer.write(entry.key)
                writer.write(entry.label)
                writer.write(entry.multi)
                writer.write(entry.cell)
            }
            writer.write(part.partial)
            writer.write(part.denominatorChange) { $0.write($1 as ComparabilityNote) }
        }
        write(digest.otherIndicators) { writer, part in
            writer.write(part.latest) { writer, entry in
                writer.write(entry.key.indicator)
                writer.write(entry.key.subject)
                writer.write(entry.key.unit.rawValue)
                writer.write(entry.figure)
                writer.write(entry.snapshot)
                writer.write(entry.qualifier.rawValue)
            }
        }
    }
}

struct DigestReader {
    struct Malformed: Error {}

    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Malformed() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        let zigzag = Int64(bitPattern: value)
        return Int((zigzag >> 1) ^ -(zigzag & 1))
    }

    mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func double() throws(Malformed) -> Double {
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(try byte()) << (8 * UInt64(index)) }
        return Double(bitPattern: bits)
    }

    mutating func string() throws(Malformed) -> String {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func optional<T>(_ body: (inout DigestReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try body(&self) : nil
    }

    mutating func array<T>(_ body: (inout DigestReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try body(&self)) }
        return values
    }

    mutating func raw<T: RawRepresentable>(_ type: T.Type) throws(Malformed) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Malformed() }
        return value
    }

    mutating func date() throws(Malformed) -> PartialDate {
        let year = try int(), month = try int(), day = try int()
        guard let date = PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day) else { throw Malformed() }
        return date
    }

    mutating func optionalDate() throws(Malformed) -> PartialDate? { try optional { reader throws(Malformed) in try reader.date() } }
    mutating func optionalString() throws(Malformed) -> String? { try optional { reader throws(Malformed) in try reader.string() } }

    mutating func note() throws(Malformed) -> ComparabilityNote {
        guard let note = try? JSONDecoder().decode(ComparabilityNote.self, from: Data(try string().utf8)) else { throw Malformed() }
        return note
    }

    mutating func notes() throws(Malformed) -> [ComparabilityNote] { try array { reader throws(Malformed) in try reader.note() } }

    mutating func source() throws(Malformed) -> SourceReference {
        guard let slug = Slug(try string()) else { throw Malformed() }
        let id = try string(), title = try string(), type = try raw(SourceType.self)
        let reference = try optionalString(), date = try date(), body = try optionalString()
        return SourceReference(slug: slug, source: Source(id: id, title: title, type: type, reference: reference.map { .known($0) } ?? .unknown,
                                                          date: date, body: body.map { .known($0) } ?? .unknown))
    }

    mutating func value() throws(Malformed) -> FigureValue {
        switch try int() {
        case 0: return .count(try int(), try raw(Qualifier.self))
        case 1: return .share(numerator: try int(), denominator: try int(), try raw(Qualifier.self))
        case 2: return .interval(low: try double(), high: try double(), unit: try string())
        case 3: return .number(try double(), unit: try string(), try raw(Qualifier.self))
        case 4: return .date(try date())
        case 5: return .unknown(reason: try string())
        case 6: return .notApplicable(reason: try string())
        default: throw Malformed()
        }
    }

    mutating func figure() throws(Malformed) -> Figure {
        let value = try value(), asOf = try optionalDate(), remark = try string()
        return Figure(value: value, asOf: asOf, sources: try array { reader throws(Malformed) in try reader.source() }, remark: remark)
    }

    mutating func figures() throws(Malformed) -> [Figure] { try array { reader throws(Malformed) in try reader.figure() } }

    mutating func readDigest() throws(Malformed) -> PeerDigest {
        guard try string() == PeerDigest.format, let slug = Slug(try string()) else { throw Malformed() }
        let participant = Participant(slug: slug, name: try string(), kind: try raw(MunicipalityKind.self), snapshot: try optionalDate())
        let unit = try optional { reader throws(Malformed) in try reader.raw(CountingUnit.self) }
        let servicesOnline = try optional { reader throws(Malformed) in
            ServicesOnlineSection.Part(unit: try reader.optional { reader throws(Malformed) in try reader.raw(CountingUnit.self) },
                                       snapshot: try reader.optionalDate(), cells: try reader.figures(), converted: try reader.figures(),
                                       notes: try reader.notes(), notesConverted: try reader.notes())
        }
        let efaUptake = try optional { reader throws(Malformed) in
            EfaUptakeSection.Part(hasFigures: try reader.bool(), cells: try reader.figures(), date: try reader.optionalDate(),
                                  relevance: try reader.optional { reader throws(Malformed) in
                                      EfaRelevance(name: try reader.string(), relevant: try reader.double(), available: try reader.double())
                                  },
                                  notes: try reader.notes(),
                                  adoptedFromIndicator: try reader.bool(), adoptedFromProjects: try reader.bool())
        }
        let projectsPerYear = try optional { reader throws(Malformed) in
            ProjectsPerYearSection.Part(
                hasFigures: try reader.bool(), hasProjects: try reader.bool(), reported: try reader.optionalDate(), date: try reader.optionalDate(),
                totals: try reader.array { reader throws(Malformed) in
                    ProjectsPerYearSection.TotalCell(key: TotalKey(indicator: try reader.string(), period: try reader.optionalDate()),
                                                     figure: try reader.figure())
                },
                years: try reader.array { reader throws(Malformed) in
                    ProjectsPerYearSection.YearCell(scope: try reader.raw(ProjectScope.self), event: try reader.string(), year: try reader.int(),
                                                    figure: try reader.figure())
                },
                undated: try reader.figures(), channels: try reader.figures(),
                totalIndicators: Set(try reader.array { reader throws(Malformed) in try reader.string() }),
                scopes: Set(try reader.array { reader throws(Malformed) in try reader.raw(ProjectScope.self) }),
                scopeReport: ProjectReport(
                    name: try reader.string(),
                    totals: try reader.array { reader throws(Malformed) in
                        ReportedTotal(indicator: try reader.string(), period: try reader.optionalDate(), value: try reader.value())
                    },
                    named: try reader.array { reader throws(Malformed) in
                        ScopeCount(scope: try reader.raw(ProjectScope.self), count: try reader.int())
                    }),
                notes: try reader.notes())
        }
        let trends = try optional { reader throws(Malformed) in
            TrendsSection.Part(series: try reader.array { reader throws(Malformed) in
                TrendsSection.Entry(key: try reader.string(), label: try reader.string(), multi: try reader.bool(), cell: try reader.figure())
            }, partial: try reader.bool(), denominatorChange: try reader.optional { reader throws(Malformed) in try reader.note() })
        }
        let otherIndicators = try optional { reader throws(Malformed) in
            OtherIndicatorsSection.Part(latest: try reader.array { reader throws(Malformed) in
                OtherIndicatorsSection.Entry(
                    key: OtherIndicatorsSection.Key(indicator: try reader.string(), subject: try reader.string(),
                                                    unit: try reader.raw(IndicatorUnit.self)),
                    figure: try reader.figure(), snapshot: try reader.date(), qualifier: try reader.raw(Qualifier.self))
            })
        }
        return PeerDigest(participant: participant, unit: unit, servicesOnline: servicesOnline, efaUptake: efaUptake,
                          projectsPerYear: projectsPerYear, trends: trends, otherIndicators: otherIndicators)
    }
}
