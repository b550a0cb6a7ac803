import Comparison
import Domain

/// A figure taken apart into plain fields for CSV and JSON: numbers with a decimal point, dates in ISO form.
struct PlainFigure: Encodable, Sendable {
    /// `count`, `share`, `interval`, `number`, `date`, `unknown` or `not-applicable`.
    var kind: String
    /// The value: a count, a share in percent, a number, an ISO date.
    var value: String?
    var low: String?
    var high: String?
    var numerator: Int?
    var denominator: Int?
    var unit: String?
    var qualifier: String?
    /// Why the value is unknown or does not apply.
    var reason: String?

    init(_ value: FigureValue) {
        switch value {
        case .count(let count, let qualifier):
            self.init(kind: "count", value: String(count), unit: IndicatorUnit.count.rawValue, qualifier: qualifier.rawValue)
        case .share(let numerator, let denominator, let qualifier):
            let percent = denominator > 0 ? PlainFigure.number(Double(numerator) / Double(denominator) * 100) : nil
            self.init(kind: "share", value: percent, numerator: numerator, denominator: denominator,
                      unit: IndicatorUnit.percent.rawValue, qualifier: qualifier.rawValue)
        case .interval(let low, let high, let unit):
            self.init(kind: "interval", low: PlainFigure.number(low), high: PlainFigure.number(high), unit: unit)
        case .number(let number, let unit, let qualifier):
            self.init(kind: "number", value: PlainFigure.number(number), unit: unit, qualifier: qualifier.rawValue)
        case .date(let date):
            self.init(kind: "date", value: date.description, unit: IndicatorUnit.date.rawValue)
        case .unknown(let reason):
            self.init(kind: "unknown", reason: reason)
        case .notApplicable(let reason):
            self.init(kind: "not-applicable", reason: reason)
        }
    }

    private init(kind: String, value: String? = nil, low: String? = nil, high: String? = nil, numerator: Int? = nil,
                 denominator: Int? = nil, unit: String? = nil, qualifier: String? = nil, reason: String? = nil) {
        self.kind = kind
        self.value = value
        self.low = low
        self.high = high
        self.numerator = numerator
        self.denominator = denominator
        self.unit = unit
        self.qualifier = qualifier
        self.reason = reason
    }

    /// A number with a decimal point and at most four decimals: 21.5789, 1187, -7.1.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
