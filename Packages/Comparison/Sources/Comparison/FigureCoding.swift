import Domain

// A figure is the most frequent value of a digest (a peer's digest holds about a hundred), so its conformance is
// written out: its fields in order in one unkeyed container, the case of a value as a number before its fields. A
// synthesised conformance would open a keyed container per figure and per value, and decoding a peer view's digests
// took half of the command that way (Docs/performance.md).

extension Figure {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        value = try FigureValue(from: &container)
        asOf = try container.decode(Bool.self) ? try container.decode(PartialDate.self) : nil
        if try container.decode(Bool.self) {
            sources = try container.decode([SourceReference].self)
            remark = try container.decode(String.self)
        } else {
            sources = []
            remark = ""
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try value.encode(into: &container)
        try container.encode(asOf != nil)
        if let asOf { try container.encode(asOf) }
        // A peer's figures have neither sources nor a remark.
        let detailed = !sources.isEmpty || !remark.isEmpty
        try container.encode(detailed)
        if detailed {
            try container.encode(sources)
            try container.encode(remark)
        }
    }
}

extension FigureValue {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        try self.init(from: &container)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try encode(into: &container)
    }

    /// The case's number, then its values.
    init(from container: inout any UnkeyedDecodingContainer) throws {
        switch try container.decode(Int.self) {
        case 0: self = .count(try container.decode(Int.self), try container.decode(Qualifier.self))
        case 1: self = .share(numerator: try container.decode(Int.self), denominator: try container.decode(Int.self),
                              try container.decode(Qualifier.self))
        case 2: self = .interval(low: try container.decode(Double.self), high: try container.decode(Double.self),
                                 unit: try container.decode(String.self))
        case 3: self = .number(try container.decode(Double.self), unit: try container.decode(String.self), try container.decode(Qualifier.self))
        case 4: self = .date(try container.decode(PartialDate.self))
        case 5: self = .unknown(reason: try container.decode(String.self))
        case 6: self = .notApplicable(reason: try container.decode(String.self))
        case let other:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(other) is no kind of figure value")
        }
    }

    func encode(into container: inout any UnkeyedEncodingContainer) throws {
        switch self {
        case .count(let count, let qualifier):
            try container.encode(0); try container.encode(count); try container.encode(qualifier)
        case .share(let numerator, let denominator, let qualifier):
            try container.encode(1); try container.encode(numerator); try container.encode(denominator); try container.encode(qualifier)
        case .interval(let low, let high, let unit):
            try container.encode(2); try container.encode(low); try container.encode(high); try container.encode(unit)
        case .number(let number, let unit, let qualifier):
            try container.encode(3); try container.encode(number); try container.encode(unit); try container.encode(qualifier)
        case .date(let date):
            try container.encode(4); try container.encode(date)
        case .unknown(let reason):
            try container.encode(5); try container.encode(reason)
        case .notApplicable(let reason):
            try container.encode(6); try container.encode(reason)
        }
    }
}

// The cells of the two most frequent rows of a peer's digest (projects per year and trends: a few dozen each), for the
// same reason: their fields in order in one unkeyed container.

extension ProjectsPerYearSection.YearCell {
    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        scope = try container.decode(ProjectScope.self)
        event = try container.decode(String.self)
        year = try container.decode(Int.self)
        figure = try container.decode(Figure.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(scope)
        try container.encode(event)
        try container.encode(year)
        try container.encode(figure)
    }
}

extension TrendsSection.Entry {
    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        key = try container.decode(String.self)
        label = try container.decode(String.self)
        multi = try container.decode(Bool.self)
        cell = try container.decode(Figure.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(key)
        try container.encode(label)
        try container.encode(multi)
        try container.encode(cell)
    }
}
