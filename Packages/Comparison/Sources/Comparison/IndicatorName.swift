import Domain

extension Indicator {
    /// The indicator's German name as every output shows it ("OZG-Leistungen in Zuständigkeit"), without its
    /// subject; the identifier itself for indicators Docs/dataset-format.md does not list.
    public var germanName: String { KnownIndicator.label(of: indicator) }
}

extension Indicator {
    /// The German name of the indicator with this identifier, as `germanName` gives it.
    public static func germanName(of identifier: String) -> String { KnownIndicator.label(of: identifier) }
}
