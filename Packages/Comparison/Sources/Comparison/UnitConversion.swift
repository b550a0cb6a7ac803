import Domain

/// Bounds for a count of online services in the other counting unit, from the reference catalogue.
///
/// A count of OZG-Leistungen (bundles) and a count of LeiKa-Leistungen (catalogue entries) measure different
/// things; neither can be turned into the other as a point. What the catalogue does justify is a lower and an upper
/// bound, and where it justifies none, the conversion says why instead of printing a number.
struct UnitConversion: Sendable, Hashable {
    /// The converted figure: a point, bounds, a lower bound, or unknown with the reason.
    var value: FigureValue
    /// How the bounds were found, in German.
    var remark: String

    /// Online OZG-Leistungen as LeiKa-Leistungen.
    ///
    /// Lower bound: every distinct bundle named among the online services that has at least one LeiKa entry counts
    /// once (the federal dashboard calls a bundle online once one of its entries is). Upper bound: the sum of the
    /// named bundles' LeiKa entries, widened for services without an OZG-ID by the largest bundle of a full
    /// catalogue; without a full catalogue there is no upper bound for them.
    static func leikaEntries(of figures: ServicesOnline, mapping: StatusMapping, reference: ReferenceCatalogue) -> UnitConversion {
        guard let online = figures.online else {
            return UnitConversion(value: .unknown(reason: "Zahl der online verfügbaren Leistungen fehlt"), remark: "")
        }
        let onlineRecords = figures.census.records.filter { mapping[$0.status]?.online == .known(true) }
        let noBundle = onlineRecords.filter { $0.unit == .local || $0.ozgID == .known(nil) }
        let matched = onlineRecords.filter { $0.unit != .local && $0.ozgID.value.flatMap { $0 } != nil }
        let bundles = Set(matched.compactMap { $0.ozgID.value.flatMap { $0 } }).sorted()
        let unmatched = max(0, online.value - matched.count - noBundle.count)
        let sizes = bundles.map { reference[$0]?.leikaCount }
        let low = sizes.filter { ($0 ?? 0) >= 1 }.count
        let sum: Int? = sizes.contains(where: { $0 == nil }) ? nil : sizes.compactMap { $0 }.reduce(0, +)
        let municipal = bundles.compactMap { reference[$0]?.leikaCountMunicipal }.reduce(0, +)

        guard !bundles.isEmpty || unmatched == 0 else {
            return UnitConversion(value: .unknown(reason: "nicht umrechenbar: keine online gemeldete Leistung mit OZG-ID"),
                                  remark: "")
        }
        var remark = "\(GermanFormat.integer(bundles.count)) zugeordnete OZG-Leistungen"
        if let sum {
            remark += " mit zusammen \(GermanFormat.integer(sum)) LeiKa-Leistungen (davon \(GermanFormat.integer(municipal)) kommunal)"
        }
        if !noBundle.isEmpty {
            remark += "; \(GermanFormat.integer(noBundle.count)) ohne Gegenstück im Katalog " + (noBundle.count == 1 ? "zählt" : "zählen") + " nicht"
        }
        let largest = reference.largestBundle
        switch (sum, unmatched, largest) {
        case (let sum?, 0, _):
            return UnitConversion(value: low == sum ? .count(low, .exact) : .interval(low: Double(low), high: Double(sum), unit: CountingUnit.leikaLeistung.germanName),
                                  remark: remark)
        case (let sum?, _, let largest?):
            remark += "; \(GermanFormat.integer(unmatched)) ohne OZG-ID mit je höchstens \(GermanFormat.integer(largest))"
            return UnitConversion(value: .interval(low: Double(low), high: Double(sum + unmatched * largest),
                                                   unit: CountingUnit.leikaLeistung.germanName), remark: remark)
        default:
            let missing = unmatched > 0
                ? "\(GermanFormat.integer(unmatched)) online gemeldete " + (unmatched == 1 ? "Leistung" : "Leistungen") + " ohne OZG-ID"
                : "Katalog ohne LeiKa-Zahl für eine OZG-Leistung"
            remark += "; keine Obergrenze: " + missing
            return UnitConversion(value: .count(low, .atLeast), remark: remark)
        }
    }

    /// Online LeiKa-Leistungen as OZG-Leistungen.
    ///
    /// Where every online entry is listed with its OZG-ID, the distinct bundles are counted. Otherwise at most one
    /// bundle per entry, and at least the entries divided by the largest bundle of a full catalogue (assuming every
    /// entry belongs to a bundle); without a full catalogue there is no lower bound, and the conversion declines.
    static func bundles(of figures: ServicesOnline, mapping: StatusMapping, reference: ReferenceCatalogue) -> UnitConversion {
        guard let online = figures.online else {
            return UnitConversion(value: .unknown(reason: "Zahl der online verfügbaren Leistungen fehlt"), remark: "")
        }
        let listed = figures.census.records.filter { $0.unit == .leikaLeistung && mapping[$0.status]?.online == .known(true) }
        if listed.count == online.value, listed.allSatisfy({ $0.ozgID.isKnown }) {
            let bundles = Set(listed.compactMap { $0.ozgID.value.flatMap { $0 } })
            return UnitConversion(value: .count(bundles.count, online.qualifier),
                                  remark: "aus \(GermanFormat.integer(listed.count)) einzeln genannten LeiKa-Leistungen mit OZG-ID")
        }
        guard let largest = reference.largestBundle, largest > 0 else {
            return UnitConversion(
                value: .unknown(reason: "nicht umrechenbar: höchstens \(online.german) OZG-Leistungen; für eine Untergrenze fehlt "
                    + "die größte Zahl von LeiKa-Leistungen je OZG-Leistung (nur ein vollständiger Katalog nennt sie)"),
                remark: "")
        }
        let low = (online.value + largest - 1) / largest
        return UnitConversion(value: .interval(low: Double(low), high: Double(online.value), unit: CountingUnit.ozgLeistung.germanName),
                              remark: "angenommen, jede LeiKa-Leistung gehört zu einer OZG-Leistung; größte OZG-Leistung: "
                                  + "\(GermanFormat.integer(largest)) LeiKa-Leistungen")
    }
}

extension ReferenceCatalogue {
    /// The most LeiKa entries one bundle has, where a full catalogue (with its LeiKa entries) was imported; nil
    /// otherwise, because the extract of bundles the datasets name says nothing about the bundles it leaves out.
    var largestBundle: Int? {
        guard !leika.isEmpty else { return nil }
        let sizes = Dictionary(grouping: leika.values.compactMap(\.ozgID), by: { $0 }).mapValues(\.count)
        return sizes.values.max()
    }
}
