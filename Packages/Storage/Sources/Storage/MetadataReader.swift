import Domain
import Foundation
// libyaml as Yams builds it: the events one by one, which Yams itself does not offer.
import CYaml

/// Reads `municipality.yaml` into key-value pairs with their positions, reporting YAML errors with line and column.
enum MetadataReader {
    static func fields(from data: Data, file: String) -> ([String: MetadataField]?, [Finding]) {
        func failure(_ line: Int, _ column: Int, _ code: String, _ found: String, _ expected: String) -> ([String: MetadataField]?, [Finding]) {
            (nil, [Finding(.error, at: Location(file: file, line: line, column: column), code: code, found: found, expected: expected)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let bad = CSVReader.firstInvalidUTF8([UInt8](data)) ?? 0
            let (line, column) = CSVReader.position(of: bad, in: [UInt8](data))
            return failure(line, column, "invalid-utf8", "the file is not valid UTF-8", "save it as UTF-8")
        }
        if text.utf8.contains(0) {
            let offset = [UInt8](text.utf8).firstIndex(of: 0) ?? 0
            let (line, column) = CSVReader.position(of: offset, in: [UInt8](text.utf8))
            return failure(line, column, "nul-byte", "the file contains a NUL byte", "remove it; it is not text")
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var events = YAMLEvents(buffer)
            defer { events.close() }
            return read(&events, file: file)
        }
    }

    /// Reads the root mapping from libyaml's events, one after the other: values are never composed into a tree, so
    /// that aliases cannot multiply a small file into a huge one (an alias bomb of nested sequences or mappings) and
    /// no key is ever hashed as a whole structure. Aliases, anchors and tags are refused; so is any value that is a
    /// list or a mapping, whose events are skipped unread.
    private static func read(_ events: inout YAMLEvents, file: String) -> ([String: MetadataField]?, [Finding]) {
        var findings: [Finding] = []
        func finding(_ mark: (line: Int, column: Int), _ code: String, _ found: String, _ expected: String) {
            findings.append(Finding(.error, at: Location(file: file, line: mark.line, column: mark.column), code: code,
                                    found: found, expected: expected))
        }
        let syntaxExpected = "write one 'key: value' per line (see Docs/dataset-format.md)"
        func failure() -> ([String: MetadataField]?, [Finding]) {
            let (mark, problem) = events.problem
            return (nil, [Finding(.error, at: Location(file: file, line: mark.line, column: mark.column), code: "yaml-syntax",
                                  found: "the YAML cannot be read: \(problem)", expected: syntaxExpected)])
        }
        // Stream start, then the document or the end of an empty stream.
        guard events.next() != nil, let first = events.next() else { return failure() }
        if first.type == YAML_STREAM_END_EVENT {
            return (nil, [Finding(.error, at: Location(file: file, line: 1, column: 1), code: "empty-file", found: "the file is empty",
                                  expected: "write the keys slug, name, kind, land, ags, ars")])
        }
        guard let root = events.next() else { return failure() }
        guard root.type == YAML_MAPPING_START_EVENT else {
            if root.type == YAML_SCALAR_EVENT && root.value.isEmpty && root.tag == nil {
                return (nil, [Finding(.error, at: Location(file: file, line: 1, column: 1), code: "empty-file", found: "the file is empty",
                                      expected: "write the keys slug, name, kind, land, ags, ars")])
            }
            finding(root.mark, "yaml-type", "the file is not a list of 'key: value' pairs", "write one 'key: value' per line")
            return (nil, findings)
        }
        if let problem = root.property { finding(root.mark, problem.code, problem.found, problem.expected) }
        var fields: [String: MetadataField] = [:]
        while true {
            guard let key = events.next() else { return failure() }
            if key.type == YAML_MAPPING_END_EVENT { break }
            guard key.type == YAML_SCALAR_EVENT, key.property == nil else {
                finding(key.mark, "yaml-type", "a key is not plain text", "write 'key: value'")
                guard events.skip(key), let value = events.next(), events.skip(value) else { return failure() }
                continue
            }
            let name = key.value
            guard let value = events.next() else { return failure() }
            guard value.type == YAML_SCALAR_EVENT else {
                if value.type == YAML_ALIAS_EVENT, let problem = value.property {
                    finding(value.mark, problem.code, problem.found, problem.expected)
                } else {
                    finding(value.mark, "yaml-type", "'\(name)' is a list or a mapping", "write a single value after '\(name):'")
                }
                guard events.skip(value) else { return failure() }
                continue
            }
            if let problem = value.property {
                finding(value.mark, problem.code, "'\(name)': " + problem.found, problem.expected)
                continue
            }
            if fields[name] != nil {
                finding(key.mark, "duplicate-key", "'\(name)' appears twice", "keep one of them")
            }
            fields[name] = MetadataField(value: value.value, line: value.mark.line, column: value.mark.column)
            findings += HiddenCharacters.findings(in: value.value, file: file, line: value.mark.line, column: value.mark.column)
        }
        // The end of the document, then of the stream: a second document is an error, as it is for Yams.
        guard let end = events.next(), end.type == YAML_DOCUMENT_END_EVENT, let after = events.next() else { return failure() }
        if after.type != YAML_STREAM_END_EVENT {
            finding(after.mark, "yaml-syntax", "the file holds a second YAML document", "remove everything from the '---' on")
        }
        return (findings.hasErrors ? nil : fields, findings)
    }
}

/// libyaml's parser over UTF-8 bytes, event by event (Yams's own parser composes whole trees).
private struct YAMLEvents {
    struct Event {
        var type: yaml_event_type_t
        /// 1-based line and column of the event's start.
        var mark: (line: Int, column: Int)
        /// A scalar's text.
        var value: String
        var tag: String?
        var anchor: String?

        /// An alias, an anchor or a tag: none belongs in municipality.yaml.
        var property: (code: String, found: String, expected: String)? {
            if type == YAML_ALIAS_EVENT {
                return ("yaml-alias", "an alias (*\(anchor ?? "")) stands where a value belongs",
                        "write the value itself; municipality.yaml has no anchors or aliases")
            }
            if let anchor {
                return ("yaml-alias", "an anchor (&\(anchor)) is set", "remove it; municipality.yaml has no anchors or aliases")
            }
            if let tag {
                let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst(18) : tag
                return ("yaml-tag", "the YAML tag '\(shown)' is set",
                        "remove the tag and write the value as plain text (in quotes where it looks like a number)")
            }
            return nil
        }
    }

    /// On the heap, never inside this struct: libyaml keeps a pointer to the parser itself (its string reader's
    /// `read_handler_data`), which a struct's copy or move would leave pointing at a dead stack frame (libFuzzer with
    /// AddressSanitizer on libyaml found this as a stack-use-after-return on every input).
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var open = false
    private var released = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        guard yaml_parser_initialize(parser) == 1 else { return }
        open = true
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    /// Frees the parser; call it once, after the last event was read.
    mutating func close() {
        if open { yaml_parser_delete(parser) }
        open = false
        if !released {
            parser.deinitialize(count: 1)
            parser.deallocate()
            released = true
        }
    }

    /// Where and why parsing stopped.
    var problem: ((line: Int, column: Int), String) {
        let mark = (line: Int(parser.pointee.problem_mark.line) + 1, column: Int(parser.pointee.problem_mark.column) + 1)
        return (mark, parser.pointee.problem.map { String(cString: $0) } ?? "unexpected end of the file")
    }

    /// The next event; nil where the YAML cannot be read (see `problem`).
    mutating func next() -> Event? {
        guard open else { return nil }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        var result = Event(type: event.type, mark: (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1),
                           value: "", tag: nil, anchor: nil)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            result.value = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            result.anchor = text(scalar.anchor)
            result.tag = text(scalar.tag)
        case YAML_ALIAS_EVENT:
            result.anchor = text(event.data.alias.anchor)
        case YAML_SEQUENCE_START_EVENT:
            result.anchor = text(event.data.sequence_start.anchor)
            result.tag = text(event.data.sequence_start.tag)
        case YAML_MAPPING_START_EVENT:
            result.anchor = text(event.data.mapping_start.anchor)
            result.tag = text(event.data.mapping_start.tag)
        default:
            break
        }
        return result
    }

    /// Skips the rest of a node that `event` starts (nothing for a scalar or an alias); false where parsing failed.
    mutating func skip(_ event: Event) -> Bool {
        guard event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT else { return true }
        var depth = 1
        while depth > 0 {
            guard let next = next() else { return false }
            if next.type == YAML_SEQUENCE_START_EVENT || next.type == YAML_MAPPING_START_EVENT { depth += 1 }
            if next.type == YAML_SEQUENCE_END_EVENT || next.type == YAML_MAPPING_END_EVENT { depth -= 1 }
        }
        return true
    }
}
