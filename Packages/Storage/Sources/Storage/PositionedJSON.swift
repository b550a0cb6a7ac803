import Domain
import Foundation

/// A JSON value with the line and column it starts at, so that a finding about a field can say where it is.
///
/// Foundation's JSON parsers forget positions; an import that refuses a field must name its line and column.
struct PositionedJSON: Sendable {
    enum Value: Sendable {
        case object([(key: String, value: PositionedJSON)])
        case array([PositionedJSON])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    var value: Value
    var line: Int
    var column: Int

    /// The member `key` of an object.
    subscript(key: String) -> PositionedJSON? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A string, or a number written as digits, as text; nil for anything else.
    var text: String? {
        switch value {
        case .string(let text), .number(let text): return text
        default: return nil
        }
    }

    var kind: String {
        switch value {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "text"
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "null"
        }
    }

    /// Parses a whole document; a syntax error becomes a finding at its place.
    static func parse(_ data: Data, file: String) -> (PositionedJSON?, Finding?) {
        var parser = Parser(bytes: [UInt8](data), file: file)
        do throws(SyntaxError) {
            parser.skipBOM()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            if parser.index < parser.bytes.count { throw parser.failure("text follows the end of the JSON document") }
            return (value, nil)
        } catch {
            return (nil, error.finding)
        }
    }

    private struct SyntaxError: Error {
        var finding: Finding
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        var index = 0
        var line = 1
        var lineStart = 0

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        /// Where `column` counted to last on this line: a page of the dashboard's API is one line of megabytes, and
        /// counting from the line's start for every value took time quadratic in the line's length.
        var countedTo = 0
        var countedColumn = 1

        var column: Int {
            var column = 1
            for position in lineStart..<min(index, bytes.count) where bytes[position] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        /// The column of `index`, counted on from the last call on the same line.
        mutating func currentColumn() -> Int {
            if countedTo < lineStart || countedTo > index { countedTo = lineStart; countedColumn = 1 }
            let end = min(index, bytes.count)
            while countedTo < end {
                if bytes[countedTo] & 0xC0 != 0x80 { countedColumn += 1 }
                countedTo += 1
            }
            return countedColumn
        }

        func failure(_ found: String) -> SyntaxError {
            SyntaxError(finding: Finding(.error, at: Location(file: file, line: line, column: column), code: "json-syntax",
                                         found: found, expected: "the file must be valid JSON (as the dashboard's API returns it)"))
        }

        mutating func skipBOM() {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\n"):
                    index += 1
                    line += 1
                    lineStart = index
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                default:
                    return
                }
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> PositionedJSON {
            guard depth < 64 else { throw failure("the JSON is nested more than 64 levels deep") }
            skipWhitespace()
            guard index < bytes.count else { throw failure("the JSON ends where a value was expected (the file may be cut off)") }
            let startLine = line, startColumn = currentColumn()
            func node(_ value: Value) -> PositionedJSON { PositionedJSON(value: value, line: startLine, column: startColumn) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: PositionedJSON)] = []
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "}") { index += 1; return node(.object(members)) }
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("a member name in double quotes was expected") }
                    let key = try string()
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("':' was expected after the member name") }
                    index += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard index < bytes.count else { throw failure("the object is never closed (the file may be cut off)") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return node(.object(members)) }
                    throw failure("',' or '}' was expected in an object")
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [PositionedJSON] = []
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "]") { index += 1; return node(.array(items)) }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard index < bytes.count else { throw failure("the list is never closed (the file may be cut off)") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return node(.array(items)) }
                    throw failure("',' or ']' was expected in a list")
                }
            case UInt8(ascii: "\""):
                return node(.string(try string()))
            case UInt8(ascii: "t"):
                try literal("true")
                return node(.bool(true))
            case UInt8(ascii: "f"):
                try literal("false")
                return node(.bool(false))
            case UInt8(ascii: "n"):
                try literal("null")
                return node(.null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                guard Double(text) != nil else { throw failure("'\(text)' is not a number") }
                return node(.number(text))
            default:
                throw failure("unexpected character '\(String(decoding: [bytes[index]], as: UTF8.self))'")
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw failure("unexpected text where a value was expected")
            }
            index += expected.count
        }

        /// A string starting at the opening quote.
        mutating func string() throws(SyntaxError) -> String {
            index += 1
            var output: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    guard CSVReader.firstInvalidUTF8(output) == nil else { throw failure("the text is not valid UTF-8") }
                    return String(decoding: output, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    // A backslash as the file's last byte: the text is cut (a bare `break` here only left the
                    // switch, and the loop ran for ever: found by Fuzz/FuzzDashboardJSON).
                    guard index + 1 < bytes.count else { index = bytes.count; continue }
                    let escape = bytes[index + 1]
                    index += 2
                    switch escape {
                    case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "b"): output.append(0x08)
                    case UInt8(ascii: "f"): output.append(0x0C)
                    case UInt8(ascii: "n"): output.append(0x0A)
                    case UInt8(ascii: "r"): output.append(0x0D)
                    case UInt8(ascii: "t"): output.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                                throw failure("a \\u escape is half of a surrogate pair")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw failure("a \\u escape is half of a surrogate pair") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw failure("\\u escape names no character") }
                        output.append(contentsOf: Array(String(Character(unicode)).utf8))
                    default:
                        throw failure("'\\\(String(decoding: [escape], as: UTF8.self))' is not a JSON escape")
                    }
                case 0x00..<0x20:
                    throw failure("a line break or control character stands inside a string; write it as \\n")
                default:
                    output.append(byte)
                    index += 1
                }
            }
            throw failure("a string is never closed (the file may be cut off)")
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw failure("\\u must be followed by four hex digits")
            }
            index += 4
            return value
        }
    }
}
