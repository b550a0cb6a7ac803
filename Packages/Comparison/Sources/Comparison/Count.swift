import Domain

/// A reported number with how exact it is ("41", "ca. 190", "mindestens 1"); sums keep the weakest qualifier.
public struct Count: Sendable, Hashable, Codable {
    public var value: Int
    public var qualifier: Qualifier

    init(_ value: Int, _ qualifier: Qualifier = .exact) {
        self.value = value
        self.qualifier = qualifier
    }

    static func + (lhs: Count, rhs: Count) -> Count {
        Count(lhs.value + rhs.value, lhs.qualifier.combined(with: rhs.qualifier))
    }

    /// The total minus a part: a total that is only "at least" stays so, any approximation makes the result approximate.
    static func - (lhs: Count, rhs: Count) -> Count {
        let qualifier: Qualifier = (lhs.qualifier == .exact && rhs.qualifier == .exact) ? .exact
            : (lhs.qualifier == .atLeast && rhs.qualifier == .exact ? .atLeast : .approx)
        return Count(lhs.value - rhs.value, qualifier)
    }

    var figureValue: FigureValue { .count(value, qualifier) }

    /// "ca. 190", "1.187", "mind. 1".
    public var german: String { GermanFormat.prefix(qualifier) + GermanFormat.integer(value) }
}

extension Qualifier {
    /// The qualifier of a sum: approximate if a term is, otherwise "at least" if a term is, otherwise exact.
    func combined(with other: Qualifier) -> Qualifier {
        if self == .approx || other == .approx { return .approx }
        if self == .atLeast || other == .atLeast { return .atLeast }
        return .exact
    }

    /// The qualifier of `numerator / denominator`: a share of an inexact denominator is approximate.
    static func ofShare(numerator: Qualifier, denominator: Qualifier) -> Qualifier {
        denominator == .exact ? numerator : .approx
    }
}

extension Sequence where Element == Count {
    /// The sum, nil for an empty sequence.
    var sum: Count? {
        reduce(nil) { partial, count in partial.map { $0 + count } ?? count }
    }
}
