import Domain

/// The section "Leistungen online": each side's latest census, shares as points or bounds, the maturity
/// thresholds, and conversions between counting units where the sides count differently.
enum ServicesOnlineSection {
    /// The latest census of a side that says something about "online" (one with counts per status).
    static func current(_ side: Side) -> ServicesOnline? {
        side.censuses.last { !$0.parts.isEmpty }.map(ServicesOnline.init)
    }

    /// What one side gives the section: everything `build` reads of it, so that a peer's part can be kept instead of
    /// its dataset (`PeerDigest`).
    struct Part: Sendable, Hashable, Codable {
        /// The counting unit of the side's current census; nil where it has none (no figures).
        var unit: CountingUnit?
        var snapshot: PartialDate?
        /// The cells of the five rows every section has, in order (empty without figures).
        var cells: [Figure]
        /// The cells of the rows "Online, gezählt in …", one per unit of `convertible` (empty without figures).
        var converted: [Figure]
        /// The side's notes where the sides count in the same unit, and where they do not.
        var notes: [ComparabilityNote]
        var notesConverted: [ComparabilityNote]

        mutating func mapCells(_ transform: (Figure) -> Figure) {
            cells = cells.map(transform)
            converted = converted.map(transform)
        }
    }

    /// The units the section converts between, where the sides count differently.
    static let convertible: [CountingUnit] = [.ozgLeistung, .leikaLeistung]

    static func build(_ sides: [Side]) -> MetricSection {
        build(sides.map(\.participant), sides.map(Part.init))
    }

    static func build(_ participants: [Participant], _ parts: [Part]) -> MetricSection {
        let definition = Methodology.definition(of: .servicesOnline)
        let withFigures = zip(participants, parts).filter { $0.1.unit != nil }
        guard withFigures.count >= 2 else {
            let missing = zip(participants, parts).filter { $0.1.unit == nil }.map(\.0.name)
            return MetricSection(id: .servicesOnline, title: definition.title, definition: definition.summary,
                                 comparability: .notComparable(reason: "Nicht vergleichbar: " + CommonNotes.list(missing)
                                     + (missing.count == 1 ? " meldet" : " melden") + " keine Zahl online verfügbarer Leistungen."),
                                 rows: [], notes: [])
        }
        let units = Set(parts.compactMap(\.unit))
        let differentUnits = units.count > 1

        /// A row in each side's own counting unit (`ownUnit`) can be set side by side only where the units agree.
        func row(_ key: String, _ label: String, note: String = "", ownUnit: Bool = false, _ cell: (Part) -> Figure) -> MetricRow {
            var row = MetricRow(label: label, cells: parts.map { part in
                guard part.unit != nil else { return Figure(value: .unknown(reason: "keine Zahl online verfügbarer Leistungen")) }
                return cell(part)
            }, key: key, note: note, sideBySide: !(ownUnit && differentUnits))
            row.inOwnUnit = ownUnit
            return row
        }

        var rows: [MetricRow] = [
            row("total", "Leistungen insgesamt", ownUnit: true) { $0.cells[0] },
            row("online-count", "Online laut Kommune", ownUnit: true) { $0.cells[1] },
            row("online-share", "Anteil online laut Kommune",
                note: differentUnits ? "Anteile in verschiedenen Zähleinheiten: nicht direkt vergleichbar" : "", ownUnit: true) { $0.cells[2] },
            row("maturity-2-share", "Online im Sinne des Bundes (Reifegrad ≥ 2)", ownUnit: true) { $0.cells[3] },
            row("maturity-3-share", "OZG-konform (Reifegrad ≥ 3)", ownUnit: true) { $0.cells[4] },
        ]
        if differentUnits {
            for (index, unit) in convertible.enumerated() where units.contains(unit) {
                rows.append(row("online-in-\(unit.rawValue)", "Online, gezählt in \(unit.germanName)") { $0.converted[index] })
            }
        }

        var notes: [ComparabilityNote] = []
        if differentUnits {
            let counted = withFigures.map { "\($0.0.name) zählt \($0.1.unit!.germanName)" }
            notes.append(ComparabilityNote(.differentUnits, CommonNotes.list(counted) + ". Ein Anteil an OZG-Leistungen "
                + "(Bündeln des OZG-Katalogs) ist kein Anteil an LeiKa-Leistungen (Einträgen des Leistungskatalogs); die Anteile "
                + "sind deshalb nicht direkt vergleichbar. Die Zeilen „Online, gezählt in …“ rechnen mit dem Referenzkatalog um "
                + "und zeigen Unter- und Obergrenzen statt eines erfundenen Punktwerts."))
        }
        if let note = CommonNotes.levels(participants, consequence: "Sie sind für verschiedene Leistungen zuständig; Bestand, Zahlen "
            + "und Anteile beziehen sich auf verschiedene Mengen von Leistungen.") {
            notes.append(note)
        }
        if let note = CommonNotes.snapshotGap(withFigures.map { ($0.0.name, $0.1.snapshot!) }) { notes.append(note) }
        for (_, part) in withFigures {
            notes += differentUnits ? part.notesConverted : part.notes
        }
        return MetricSection(id: .servicesOnline, title: definition.title, definition: definition.summary,
                             comparability: notes.isEmpty ? .comparable : .withCaveats, rows: rows, notes: notes)
    }

    /// The cell "Leistungen insgesamt".
    static func totalCell(_ side: Side, _ figures: ServicesOnline) -> Figure {
        let census = figures.census
        guard let total = figures.inventory else {
            return Figure(value: .unknown(reason: "keine Gesamtzahl zum Stand \(GermanFormat.date(census.snapshot))"),
                          asOf: census.snapshot, remark: census.unit.germanName)
        }
        let derived = census.total == nil
        return Figure(value: total.figureValue, asOf: census.snapshot,
                      sources: side.cite(derived ? census.sourceIDs : census.totalSourceIDs),
                      remark: census.unit.germanName + (derived ? ", Summe der Statusgruppen" : ""))
    }

    /// The cell "Online laut Kommune".
    static func onlineCell(_ side: Side, _ figures: ServicesOnline) -> Figure {
        let value = figures.online?.figureValue
            ?? .unknown(reason: "für " + CommonNotes.list(figures.uncounted.map { CommonNotes.quoted($0.status) }) + " fehlt die Zahl")
        return Figure(value: value, asOf: figures.census.snapshot,
                      sources: side.cite(figures.onlineParts.flatMap(\.sourceIDs)), remark: figures.census.unit.germanName)
    }

    /// The cell "Online, gezählt in `unit`": the side's own count, or converted with the reference catalogue.
    static func convertedCell(_ side: Side, _ figures: ServicesOnline, in unit: CountingUnit) -> Figure {
        let sources = side.cite(figures.onlineParts.flatMap(\.sourceIDs))
        if figures.census.unit == unit {
            return Figure(value: figures.online?.figureValue ?? .unknown(reason: "Zahl fehlt"), asOf: figures.census.snapshot,
                          sources: sources, remark: "eigene Zählung")
        }
        let mapping = side.dataset.statusMapping
        let conversion: UnitConversion
        switch (figures.census.unit, unit) {
        case (.ozgLeistung, .leikaLeistung):
            conversion = UnitConversion.leikaEntries(of: figures, mapping: mapping, reference: side.reference)
        case (.leikaLeistung, .ozgLeistung):
            conversion = UnitConversion.bundles(of: figures, mapping: mapping, reference: side.reference)
        default:
            conversion = UnitConversion(value: .unknown(reason: "\(figures.census.unit.germanName) sind nicht umrechenbar"), remark: "")
        }
        return Figure(value: conversion.value, asOf: figures.census.snapshot, sources: sources,
                      remark: conversion.remark.isEmpty ? "" : "umgerechnet: " + conversion.remark)
    }

    /// A maturity threshold as a share (point or bounds), unknown where no status carries a rating.
    static func threshold(_ figures: ServicesOnline, level: Int, side: Side) -> Figure {
        let census = figures.census
        let threshold = figures.maturity(atLeast: level)
        let sources = side.cite(census.sourceIDs)
        guard threshold.anyRated else {
            let reason = threshold.unratedOnline > 0
                ? "Reifegrad der \(GermanFormat.integer(threshold.unratedOnline)) online gemeldeten \(census.unit.germanName) nicht bekannt"
                : "Reifegrad nicht gemeldet"
            return Figure(value: .unknown(reason: reason), asOf: census.snapshot, sources: sources)
        }
        guard let high = threshold.high else {
            return Figure(value: .unknown(reason: "eine Statusgruppe ohne Zahl"), asOf: census.snapshot, sources: sources)
        }
        guard let all = figures.denominatorAll, let inScope = figures.denominatorInScope, all.value > 0, inScope.value > 0 else {
            return Figure(value: .unknown(reason: "Gesamtzahl der Leistungen fehlt"), asOf: census.snapshot, sources: sources)
        }
        if threshold.low == high && all == inScope {
            return Figure(value: .share(numerator: high, denominator: all.value, .ofShare(numerator: .exact, denominator: all.qualifier)),
                          asOf: census.snapshot, sources: sources)
        }
        let remark = "\(GermanFormat.integer(threshold.low)) von \(all.german) bis \(GermanFormat.integer(high)) von \(inScope.german); "
            + "Reifegrad teils unbekannt"
        return Figure(value: .interval(low: percent(threshold.low, all.value), high: percent(high, inScope.value),
                                       unit: IndicatorUnit.percent.rawValue),
                      asOf: census.snapshot, sources: sources, remark: remark)
    }

    /// The notes one side's data calls for: unknown values, approximations, newer totals, denominator changes.
    static func sideNotes(_ side: Side, _ figures: ServicesOnline, converted: Bool) -> [ComparabilityNote] {
        let census = figures.census
        let unit = census.unit.germanName
        var notes: [ComparabilityNote] = []
        let threshold = figures.maturity(atLeast: 2)
        if threshold.unratedOnline > 0 {
            notes.append(ComparabilityNote(.unknownValues, "\(side.name): Der Reifegrad der \(GermanFormat.integer(threshold.unratedOnline)) "
                + "online gemeldeten \(unit) ist nicht bekannt. Die Schwellen Reifegrad ≥ 2 und ≥ 3 bleiben deshalb unbekannt "
                + "(nicht 0); vergleichen lässt sich nur „online laut Kommune“."))
        }
        if !figures.uncounted.isEmpty {
            let words = CommonNotes.list(figures.uncounted.map { CommonNotes.quoted($0.status) })
            notes.append(ComparabilityNote(.unknownValues, "\(side.name): Für \(words) nennt die Quelle keine Zahl; "
                + "sie ist unbekannt und nicht als 0 gezählt."))
        }
        if !figures.scopeUnknown.isEmpty || !figures.onlineUnknown.isEmpty {
            notes.append(ComparabilityNote(.unknownValues, side.name + ": " + uncertainStatuses(figures)))
        }
        if converted {
            let onlineRecords = census.records.filter { side.dataset.statusMapping[$0.status]?.online == .known(true) }
            let unmatched = onlineRecords.filter { $0.unit != .local && !$0.ozgID.isKnown }.count
            let local = onlineRecords.filter { $0.unit == .local || $0.ozgID == .known(nil) }.count
            if census.unit == .ozgLeistung, unmatched + local > 0 {
                var missing: [String] = []
                if unmatched > 0 { missing.append("\(GermanFormat.integer(unmatched)) ohne geprüfte OZG-ID") }
                if local > 0 { missing.append("\(GermanFormat.integer(local)) ohne Gegenstück im Katalog") }
                notes.append(ComparabilityNote(.unknownValues, "\(side.name): Von \(GermanFormat.integer(onlineRecords.count)) einzeln "
                    + "genannten online Leistungen: " + CommonNotes.list(missing) + ". In der Umrechnung zählen sie in der "
                    + "Untergrenze nicht" + (unmatched > 0 ? ", und die Obergrenze bleibt offen." : ".")))
            }
        }
        if let total = census.total, total.qualifier != .exact {
            notes.append(ComparabilityNote(.approximateValues, "\(side.name): Die Gesamtzahl ist eine ungefähre Angabe "
                + "(„\(total.german)“); der Anteil ist entsprechend ungefähr."))
        }
        let newer = side.censuses.filter { $0.snapshot > census.snapshot && $0.unit == census.unit && $0.total != nil }
        if let latest = newer.last, let total = latest.total, latest.parts.isEmpty {
            notes.append(ComparabilityNote(.mixedSources, "\(side.name): Ein neuerer Stand (\(GermanFormat.date(latest.snapshot))) nennt "
                + "\(total.german) \(unit) im Bestand, aber keine Zahl online. Zahl und Anteil beruhen auf dem Stand "
                + "\(GermanFormat.date(census.snapshot)) (\(figures.shareText)); Zahlen verschiedener Berichte werden nicht "
                + "miteinander verrechnet."))
        }
        if let note = denominatorChange(side) { notes.append(note) }
        return notes
    }

    /// The sentence on statuses whose scope or online state is unknown, with the bounds that follow.
    static func uncertainStatuses(_ figures: ServicesOnline) -> String {
        let unit = figures.census.unit.germanName
        func describe(_ parts: [ServiceCensus.Part]) -> String {
            let count = parts.compactMap(\.count.value).reduce(0, +)
            return "\(GermanFormat.integer(count)) \(unit) (" + CommonNotes.list(parts.map { CommonNotes.quoted($0.status) }) + ")"
        }
        var sentences: [String] = []
        let both = figures.scopeUnknown.filter { figures.onlineUnknown.contains($0) }
        let scopeOnly = figures.scopeUnknown.filter { !both.contains($0) }
        let onlineOnly = figures.onlineUnknown.filter { !both.contains($0) }
        if !both.isEmpty {
            sentences.append("Für \(describe(both)) ist unbekannt, ob sie zum Bestand zählen und ob sie online sind.")
        }
        if !scopeOnly.isEmpty { sentences.append("Für \(describe(scopeOnly)) ist unbekannt, ob sie zum Bestand zählen.") }
        if !onlineOnly.isEmpty { sentences.append("Für \(describe(onlineOnly)) ist unbekannt, ob sie online sind.") }
        if !figures.scopeUnknown.isEmpty, let online = figures.online, let all = figures.denominatorAll,
           let inScope = figures.denominatorInScope, all.value > 0, inScope.value > 0 {
            sentences.append("Der Anteil steht deshalb als Spanne da: \(GermanFormat.percent(Double(online.value) / Double(all.value))) "
                + "mit ihnen im Nenner (\(online.german) von \(all.german)), \(GermanFormat.percent(Double(online.value) / Double(inScope.value))) "
                + "ohne sie (\(online.german) von \(inScope.german)); keine der beiden Lesarten wird stillschweigend gewählt.")
        }
        if let highest = figures.shareIfUnknownWereOnline {
            sentences.append("Als online gezählt sind sie nicht; wären sie alle online, läge der Anteil bei "
                + GermanFormat.percent(highest / 100) + ".")
        }
        return sentences.joined(separator: " ")
    }

    /// Where a side's denominator changed between snapshots (a catalogue revision, a new count), by how much, and
    /// whether count and share then moved in opposite directions.
    static func denominatorChange(_ side: Side) -> ComparabilityNote? {
        let series = side.censuses.map(ServicesOnline.init).filter { $0.inventory != nil }
        var sentences: [String] = []
        for unit in CountingUnit.allCases {
            let ofUnit = series.filter { $0.census.unit == unit }
            for (before, after) in zip(ofUnit, ofUnit.dropFirst()) {
                guard let old = before.inventory, let new = after.inventory, old.value != new.value, old.value > 0 else { continue }
                let change = new.value - old.value
                var sentence = "Der Bestand (\(unit.germanName)) änderte sich von \(old.german) (\(GermanFormat.date(before.census.snapshot))) "
                    + "auf \(new.german) (\(GermanFormat.date(after.census.snapshot))): \(GermanFormat.signedInteger(change)) "
                    + "(\(GermanFormat.signedDecimal(Double(change) / Double(old.value) * 100))\u{a0}%)."
                if let countBefore = before.online, let countAfter = after.online,
                   let allBefore = before.denominatorAll, let allAfter = after.denominatorAll, allBefore.value > 0, allAfter.value > 0 {
                    let shareBefore = Double(countBefore.value) / Double(allBefore.value)
                    let shareAfter = Double(countAfter.value) / Double(allAfter.value)
                    let countMove = countAfter.value - countBefore.value
                    let opposite = (countMove > 0 && shareAfter < shareBefore) || (countMove < 0 && shareAfter > shareBefore)
                    sentence += " Online laut Kommune: \(countBefore.german) → \(countAfter.german) (\(GermanFormat.signedInteger(countMove))), "
                        + "Anteil \(GermanFormat.percent(shareBefore)) → \(GermanFormat.percent(shareAfter))."
                    if opposite {
                        sentence += " Zahl und Anteil bewegen sich gegenläufig: Ein größerer Nenner (etwa nach einer Revision des "
                            + "Katalogs, die Leistungen feiner aufteilt) senkt den Anteil, auch wenn mehr Leistungen online sind. "
                            + "Anteile vor und nach der Änderung sind nicht vergleichbar."
                    }
                }
                sentences.append(sentence)
            }
        }
        guard !sentences.isEmpty else { return nil }
        return ComparabilityNote(.denominatorChanged, "\(side.name): " + sentences.joined(separator: " "))
    }
}

// In an extension, so that the memberwise initialiser (which the digest reader uses) stays.
extension ServicesOnlineSection.Part {
    init(_ side: Side) {
        guard let figures = ServicesOnlineSection.current(side) else {
            unit = nil
            snapshot = nil
            cells = []
            converted = []
            notes = []
            notesConverted = []
            return
        }
        let census = figures.census
        unit = census.unit
        snapshot = census.snapshot
        cells = [ServicesOnlineSection.totalCell(side, figures), ServicesOnlineSection.onlineCell(side, figures),
                 Figure(value: figures.share, asOf: census.snapshot, sources: side.cite(census.sourceIDs), remark: figures.shareRemark),
                 ServicesOnlineSection.threshold(figures, level: 2, side: side),
                 ServicesOnlineSection.threshold(figures, level: 3, side: side)]
        converted = ServicesOnlineSection.convertible.map { ServicesOnlineSection.convertedCell(side, figures, in: $0) }
        notes = ServicesOnlineSection.sideNotes(side, figures, converted: false)
        notesConverted = ServicesOnlineSection.sideNotes(side, figures, converted: true)
    }
}
