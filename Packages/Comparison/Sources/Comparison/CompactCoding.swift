import Domain

// The encoding of digests: the Codable conformances of the section parts are the format, written compactly. A peer
// view over hundreds of municipalities reads hundreds of digests, and JSON took longer to decode than the rest of the
// command, so values are written in the order their `encode(to:)` writes them, without keys:
//
// - integers as zig-zag variable-length integers (7 bits a byte), doubles as their 8 bytes (little-endian), booleans
//   as one byte, a `PartialDate` as its year, month and day (0 for none);
// - a text, the first time, as twice its UTF-8 length and its bytes; again, as twice the number of its first time
//   (counting texts in the order they stand) plus one: the same words recur in every figure of a digest;
// - a keyed container as its values in order; `encodeIfPresent` and `decodeIfPresent` as a presence byte and the
//   value; a nested keyed container (what a synthesised `Codable` enum with associated values writes) as the key and
//   the container, so that `allKeys` can name the case;
// - an unkeyed container as its count and its values.
//
// Reading follows the same order, so a type's `init(from:)` must read what its `encode(to:)` wrote: synthesised
// conformances do. What the format cannot hold (an optional outside a keyed container's `encodeIfPresent`, keys that
// are read out of order) is an error, never a silently wrong value: the round-trip tests of the digests find it.

/// Writes an `Encodable` value in the compact encoding.
struct CompactEncoder {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = Node()
        try value.encode(to: CompactNodeEncoder(node: root, codingPath: []))
        var bytes: [UInt8] = [], texts: [String: Int] = [:]
        root.write(into: &bytes, texts: &texts)
        return bytes
    }
}

/// Reads a value that `CompactEncoder` wrote; fails on anything else, and where bytes are left over.
struct CompactDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let reader = CompactReader(bytes)
        let value = try T(from: CompactValueDecoder(reader: reader))
        guard reader.atEnd else { throw reader.malformed("\(bytes.count - reader.offset) bytes after the value") }
        return value
    }

    /// The first value of `bytes` (a header written before the rest), wherever the rest is readable or not.
    static func decodePrefix<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try CompactReader(bytes).value(type)
    }
}

// MARK: - Writing

/// What one value or container wrote; an unkeyed container's count is known only when it is complete.
private final class Node {
    enum Content {
        case bytes([UInt8])
        case text(String)
        case sequence([Node])
        case counted([Node])
    }

    var content: Content = .bytes([])

    /// Writes the node; `texts` numbers the texts written so far, in the order they stand in the bytes.
    func write(into bytes: inout [UInt8], texts: inout [String: Int]) {
        switch content {
        case .bytes(let own): bytes += own
        case .text(let text):
            if let index = texts[text] {
                CompactBytes.append(2 * index + 1, to: &bytes)
            } else {
                texts[text] = texts.count
                CompactBytes.append(text, to: &bytes)
            }
        case .sequence(let children): for child in children { child.write(into: &bytes, texts: &texts) }
        case .counted(let children):
            CompactBytes.append(children.count, to: &bytes)
            for child in children { child.write(into: &bytes, texts: &texts) }
        }
    }

    func append(_ child: Node) {
        let current = content
        content = .bytes([])  // so that the children below are not copied
        switch current {
        case .sequence(var children):
            children.append(child)
            content = .sequence(children)
        case .counted(var children):
            children.append(child)
            content = .counted(children)
        case .bytes(let own) where own.isEmpty:
            content = .sequence([child])
        case .bytes, .text:
            let previous = Node()
            previous.content = current
            content = .sequence([previous, child])
        }
    }

    func appendBytes(_ body: (inout [UInt8]) -> Void) {
        var bytes: [UInt8] = []
        body(&bytes)
        let child = Node()
        child.content = .bytes(bytes)
        append(child)
    }
}

/// The primitive forms, shared by writer and reader.
enum CompactBytes {
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    static func append(_ value: Double, to bytes: inout [UInt8]) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(bits & 0xFF))
            bits >>= 8
        }
    }

    /// A text the first time: twice its UTF-8 length, then its bytes (a text written before is twice its number
    /// plus one instead, `Node.write(into:texts:)`).
    static func append(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            append(2 * utf8.count, to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }
}

private struct CompactNodeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.content = .counted([])
        return UnkeyedWriter(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleWriter(node: node, codingPath: codingPath)
    }
}

/// Writes primitives into a node, and other values into a child node of their own.
private protocol NodeWriter {
    var node: Node { get }
    var codingPath: [any CodingKey] { get }
}

extension NodeWriter {
    func primitive(_ value: Bool) { node.appendBytes { $0.append(value ? 1 : 0) } }
    func primitive(_ value: Int) { node.appendBytes { CompactBytes.append(value, to: &$0) } }
    func primitive(_ value: Double) { node.appendBytes { CompactBytes.append(value, to: &$0) } }
    func primitive(_ value: String) {
        let child = Node()
        child.content = .text(value)
        node.append(child)
    }

    func integer<T: BinaryInteger>(_ value: T) throws {
        guard let int = Int(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) does not fit an Int"))
        }
        primitive(int)
    }

    func value(_ value: some Encodable, path: [any CodingKey]) throws {
        if value is any CompactOptionalMarker {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription:
                "an optional outside a keyed container's encodeIfPresent cannot be written compactly"))
        }
        switch value {
        case let text as String: primitive(text)
        case let int as Int: primitive(int)
        case let bool as Bool: primitive(bool)
        case let double as Double: primitive(double)
        case let date as PartialDate:
            node.appendBytes { bytes in
                for part in [date.year, date.month ?? 0, date.day ?? 0] { CompactBytes.append(part, to: &bytes) }
            }
        default:
            let child = Node()
            node.append(child)
            try value.encode(to: CompactNodeEncoder(node: child, codingPath: path))
        }
    }
}

private protocol CompactOptionalMarker {}
extension Optional: CompactOptionalMarker {}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol, NodeWriter {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { primitive(false) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { primitive(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { primitive(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { primitive(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { primitive(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { primitive(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try integer(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try self.value(value, path: codingPath + [key]) }

    // The presence byte, then the value.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }

    private func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        primitive(value != nil)
        if let value { try self.value(value, path: codingPath + [key]) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                         forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        primitive(key.stringValue)
        let child = Node()
        node.append(child)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node()
        child.content = .counted([])
        node.append(child)
        return UnkeyedWriter(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Node()
        node.append(child)
        return CompactNodeEncoder(node: child, codingPath: codingPath + [key])
    }
}

/// The primitives of an unkeyed and a single-value container, written alike.
private protocol PrimitiveWriter: NodeWriter {}

extension PrimitiveWriter {
    func encode(_ value: Bool) throws { primitive(value) }
    func encode(_ value: String) throws { primitive(value) }
    func encode(_ value: Double) throws { primitive(value) }
    func encode(_ value: Float) throws { primitive(Double(value)) }
    func encode(_ value: Int) throws { primitive(value) }
    func encode(_ value: Int8) throws { try integer(value) }
    func encode(_ value: Int16) throws { try integer(value) }
    func encode(_ value: Int32) throws { try integer(value) }
    func encode(_ value: Int64) throws { try integer(value) }
    func encode(_ value: UInt) throws { try integer(value) }
    func encode(_ value: UInt8) throws { try integer(value) }
    func encode(_ value: UInt16) throws { try integer(value) }
    func encode(_ value: UInt32) throws { try integer(value) }
    func encode(_ value: UInt64) throws { try integer(value) }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer, PrimitiveWriter {
    let node: Node
    var codingPath: [any CodingKey]
    var count: Int {
        if case .counted(let children) = node.content { return children.count }
        return 0
    }

    private var index: any CodingKey { CompactIndexKey(intValue: count) }

    init(node: Node, codingPath: [any CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }

    mutating func encodeNil() throws {
        throw EncodingError.invalidValue(Optional<Int>.none as Any, .init(codingPath: codingPath + [index], debugDescription:
            "an optional in an unkeyed container cannot be written compactly"))
    }
    mutating func encode<T: Encodable>(_ value: T) throws { try self.value(value, path: codingPath + [index]) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        let path = codingPath + [index]
        node.append(child)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Node()
        child.content = .counted([])
        let path = codingPath + [index]
        node.append(child)
        return UnkeyedWriter(node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let child = Node()
        let path = codingPath + [index]
        node.append(child)
        return CompactNodeEncoder(node: child, codingPath: path)
    }
}

private struct SingleWriter: SingleValueEncodingContainer, PrimitiveWriter {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        throw EncodingError.invalidValue(Optional<Int>.none as Any, .init(codingPath: codingPath, debugDescription:
            "an optional outside a keyed container's encodeIfPresent cannot be written compactly"))
    }
    mutating func encode<T: Encodable>(_ value: T) throws { try self.value(value, path: codingPath) }
}

struct CompactIndexKey: CodingKey {
    var stringValue: String { String(intValue!) }
    var intValue: Int?
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

// MARK: - Reading

/// The bytes and the position, shared by every container of one decoding (they read one after another). No coding
/// paths are kept while reading (they would cost an array per value): an error names the byte offset instead.
private final class CompactReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    func malformed(_ what: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "not a compact encoding at byte \(offset): \(what)"))
    }

    func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw malformed("ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw malformed("an integer of more than 64 bits") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        let zigzag = Int64(bitPattern: value)
        return Int((zigzag >> 1) ^ -(zigzag & 1))
    }

    func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw malformed("\(other) is no boolean")
        }
    }

    func double() throws -> Double {
        guard bytes.count - offset >= 8 else { throw malformed("ends early") }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    func count() throws -> Int {
        let count = try int()
        // Every element takes at least one byte.
        guard count >= 0, count <= bytes.count - offset else { throw malformed("a count of \(count)") }
        return count
    }

    /// The texts read so far, in order: a later one may name one of them by its number.
    var texts: [String] = []

    func string() throws -> String {
        let header = try int()
        guard header >= 0 else { throw malformed("a text header of \(header)") }
        if header % 2 == 1 {
            guard header / 2 < texts.count else { throw malformed("text \(header / 2) of \(texts.count) read so far") }
            return texts[header / 2]
        }
        let count = header / 2
        guard count <= bytes.count - offset else { throw malformed("a text of \(count) bytes") }
        defer { offset += count }
        let text = bytes.withUnsafeBufferPointer { buffer in
            String(validating: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
        }
        guard let text else { throw malformed("a text that is not UTF-8") }
        texts.append(text)
        return text
    }

    func integer<T: BinaryInteger>(_ type: T.Type) throws -> T {
        let value = try int()
        guard let exact = T(exactly: value) else { throw malformed("\(value) does not fit \(T.self)") }
        return exact
    }

    func value<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try string() as! T }
        if T.self == Int.self { return try int() as! T }
        if T.self == Bool.self { return try bool() as! T }
        if T.self == Double.self { return try double() as! T }
        if T.self == PartialDate.self { return try date() as! T }
        return try T(from: CompactValueDecoder(reader: self))
    }

    /// A date as its year, month and day (0 for none): a digest holds one with nearly every figure, and parsing its
    /// text form (what `PartialDate`'s own conformance writes) took longer than the rest of a figure.
    func date() throws -> PartialDate {
        let year = try int(), month = try int(), day = try int()
        guard let date = PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day) else {
            throw malformed("\(year)-\(month)-\(day) is no date")
        }
        return date
    }
}

private struct CompactValueDecoder: Decoder {
    let reader: CompactReader
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(reader: reader))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedReader(reader: reader) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(reader: reader) }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: CompactReader
    var codingPath: [any CodingKey] { [] }

    /// Only an enum's container asks which keys there are: the case, written before its nested container.
    var allKeys: [Key] {
        let start = reader.offset, known = reader.texts.count
        defer {
            reader.offset = start
            reader.texts.removeSubrange(known...)
        }
        return (try? reader.string()).flatMap(Key.init(stringValue:)).map { [$0] } ?? []
    }

    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool { !(try reader.bool()) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader.string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader.double() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try reader.double()) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.int() }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader.integer(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader.integer(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader.integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader.integer(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader.integer(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader.integer(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader.integer(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader.integer(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader.integer(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader.value(type) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try reader.bool() ? try reader.bool() : nil }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try reader.bool() ? try reader.string() : nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try reader.bool() ? try reader.double() : nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try reader.bool() ? try reader.int() : nil }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try reader.bool() ? try reader.value(type) : nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let written = try reader.string()
        guard written == key.stringValue else { throw reader.malformed("key \(written) where \(key.stringValue) was expected") }
        return KeyedDecodingContainer(KeyedReader<NestedKey>(reader: reader))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try UnkeyedReader(reader: reader) }

    func superDecoder() throws -> any Decoder { CompactValueDecoder(reader: reader) }
    func superDecoder(forKey key: Key) throws -> any Decoder { CompactValueDecoder(reader: reader) }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let reader: CompactReader
    var codingPath: [any CodingKey] { [] }
    // Three words, so that the existential container holds it without allocating.
    private let elements: Int
    var currentIndex = 0
    var count: Int? { elements }
    var isAtEnd: Bool { currentIndex >= elements }

    init(reader: CompactReader) throws {
        self.reader = reader
        elements = try reader.count()
    }

    private mutating func next<T>(_ body: (CompactReader) throws -> T) throws -> T {
        guard !isAtEnd else { throw reader.malformed("no element \(currentIndex + 1) of \(elements)") }
        let value = try body(reader)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.bool() } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.string() } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.double() } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next { Float(try $0.double()) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.int() } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.integer(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.integer(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.integer(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.integer(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.integer(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.integer(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.integer(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.integer(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.integer(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next { try $0.value(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next { KeyedDecodingContainer(KeyedReader<NestedKey>(reader: $0)) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next { try UnkeyedReader(reader: $0) } }

    mutating func superDecoder() throws -> any Decoder { try next { CompactValueDecoder(reader: $0) } }
}

private struct SingleReader: SingleValueDecodingContainer {
    let reader: CompactReader
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool() }
    func decode(_ type: String.Type) throws -> String { try reader.string() }
    func decode(_ type: Double.Type) throws -> Double { try reader.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try reader.double()) }
    func decode(_ type: Int.Type) throws -> Int { try reader.int() }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.value(type) }
}
