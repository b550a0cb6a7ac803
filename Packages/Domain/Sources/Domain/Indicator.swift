/// Any other figure a source gives: EfA availability, devices, home office, portal reporting, feedback, personnel.
public struct Indicator: Sendable, Hashable {
    /// Same identifier, same meaning in every dataset (see Docs/dataset-format.md).
    public var indicator: String
    public var value: Reported<IndicatorValue>
    public var unit: IndicatorUnit
    public var snapshot: PartialDate
    /// The period the figure refers to where it is not the snapshot ("planned for 2024").
    public var period: PartialDate?
    public var qualifier: Qualifier
    /// What the figure is about, where the indicator needs it (a page title, a device type).
    public var subject: String
    public var sourceID: String
    public var note: String
    public var origin: Location?

    public init(indicator: String, value: Reported<IndicatorValue>, unit: IndicatorUnit, snapshot: PartialDate,
                period: PartialDate? = nil, qualifier: Qualifier = .exact, subject: String = "", sourceID: String,
                note: String = "", origin: Location? = nil) {
        self.indicator = indicator
        self.value = value
        self.unit = unit
        self.snapshot = snapshot
        self.period = period
        self.qualifier = qualifier
        self.subject = subject
        self.sourceID = sourceID
        self.note = note
        self.origin = origin
    }
}

/// An indicator's value: a number, or a date for deadlines.
public enum IndicatorValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case date(PartialDate)

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The form the dataset files use (`19`, `1.9`, `2025-05`).
    public var description: String {
        switch self {
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        case .date(let date): return date.description
        }
    }
}
