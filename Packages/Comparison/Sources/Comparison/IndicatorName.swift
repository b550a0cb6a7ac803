import Domain

extension Indicator {
    /// The indicator's German name as every output shows it ("OZG-Leistungen in Zuständigkeit"), without its
    /// subject: the name Docs/dataset-format.md gives a known indicator, else the dataset's `label`, else the identifier.
    public var germanName: String { KnownIndicator.label(of: self) }

    /// Whether a reader sees a German name rather than the identifier.
    public var hasGermanName: Bool { KnownIndicator.labels[indicator] != nil || !label.isEmpty }

    /// A warning for every indicator (each identifier once) that has neither a German name in the format nor a
    /// `label` in the dataset: the outputs would show its identifier.
    public static func unnamedFindings(in dataset: Dataset) -> [Finding] {
        var seen = Set<String>()
        let named = Set(dataset.indicators.filter(\.hasGermanName).map(\.indicator))
        return dataset.indicators.compactMap { indicator in
            guard !named.contains(indicator.indicator), seen.insert(indicator.indicator).inserted else { return nil }
            return Finding(.warning, at: indicator.origin ?? Location(file: "indicators.csv"), code: "indicator-without-label",
                           found: "indicator '\(indicator.indicator)' has no German name: the outputs would show the identifier",
                           expected: "write its German name in the column 'label' (e.g. 'Fluktuationsrate zu anderen Kommunen')")
        }
    }
}

extension Indicator {
    /// The German name of the indicator with this identifier, as `germanName` gives it (without a dataset's label).
    public static func germanName(of identifier: String) -> String { KnownIndicator.label(of: identifier) }
}
