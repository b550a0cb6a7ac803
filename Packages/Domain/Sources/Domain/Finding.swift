/// A place in a dataset file: the file, and where known the line and column (both 1-based).
public struct Location: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals link to.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        return text
    }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}

/// One thing a check found in a dataset: where, what was found, and what was expected instead.
public struct Finding: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning, error
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    public var location: Location
    /// A stable identifier of the check (`unknown-source`, `tally-exceeds-total`), for filtering and tests.
    public var code: String
    /// What was found.
    public var found: String
    /// What was expected, said as what to do.
    public var expected: String

    public init(_ severity: Severity, at location: Location, code: String, found: String, expected: String) {
        self.severity = severity
        self.location = location
        self.code = code
        self.found = found
        self.expected = expected
    }

    /// `file:line:column: error: found; expected` on one line.
    public var description: String {
        "\(location): \(severity.rawValue): \(found); \(expected) [\(code)]"
    }

    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        (lhs.location, lhs.code, lhs.found) < (rhs.location, rhs.code, rhs.found)
    }
}

extension Array where Element == Finding {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Finding] { filter { $0.severity == .error } }
    public var warnings: [Finding] { filter { $0.severity == .warning } }
}
