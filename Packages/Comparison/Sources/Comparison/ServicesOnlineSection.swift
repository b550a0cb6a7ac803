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
        /// For a census of rows of the federal OZG dashboard, the cells of the rows only such rows have (`dashboardRows`,
        /// in order); empty for any other census.
        var dashboard: [Figure] = []

        mutating func mapCells(_ transform: (Figure) -> Figure) {
            cells = cells.map(transform)
            converted = converted.map(transform)
            dashboard = dashboard.map(transform)
        }
    }

    /// The rows only a census of dashboard rows has: what the rows may say (keys and labels, in order).
    static let dashboardRows: [(key: String, label: String, note: String)] = [
        ("dashboard-known", "LeiKa-Leistungen mit bekanntem Online-Dienst (OZG-Dashboard)", ""),
        ("dashboard-working", "davon funktionierend (online_status ok)", ""),
        ("dashboard-working-share", "Anteil funktionierender bekannter Online-Dienste",
         "nicht der Anteil online verfügbarer Leistungen"),
        ("dashboard-ozg", "OZG-Leistungen mit mindestens einem funktionierenden Online-Dienst", ""),
    ]

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
        if parts.contains(where: { !$0.dashboard.isEmpty }) {
            for (index, dashboardRow) in dashboardRows.enumerated() {
                rows.append(row(dashboardRow.key, dashboardRow.label, note: dashboardRow.note) { part in
                    part.dashboard.isEmpty ? Figure(value: .notApplicable(reason: "keine Zeilen des OZG-Dashboards")) : part.dashboard[index]
                })
            }
        }
        if differentUnits {
            for (index, unit) in convertible.enumerated() where units.contains(unit) {
                rows.append(row("online-in-\(unit.rawValue)", "Online, gezählt in \(unit.germanName)") { $0.converted[index] })
            }
        }

        var notes: [ComparabilityNote] = []
        if differentUnits {
            notes.append(ComparabilityNote(NoteSubject(.servicesOnline),
                                           .countingUnits(withFigures.map { Named($0.0.name, $0.1.unit!) })))
        }
        if let note = CommonNotes.levels(participants, metric: .servicesOnline) { notes.append(note) }
        if let note = CommonNotes.snapshotGap(withFigures.map { ($0.0.name, $0.1.snapshot!) }, metric: .servicesOnline) { notes.append(note) }
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
        let subject = side.noteSubject(.servicesOnline)
        var notes: [ComparabilityNote] = []
        let threshold = figures.maturity(atLeast: 2)
        if threshold.unratedOnline > 0 {
            notes.append(ComparabilityNote(subject, .unratedMaturity(online: threshold.unratedOnline, unit: census.unit)))
        }
        if !figures.uncounted.isEmpty {
            notes.append(ComparabilityNote(subject, .uncountedStatuses(figures.uncounted.map(\.status))))
        }
        if !figures.scopeUnknown.isEmpty || !figures.onlineUnknown.isEmpty {
            notes.append(ComparabilityNote(subject, .uncertainStatuses(uncertainStatuses(figures))))
        }
        if converted {
            let onlineRecords = census.records.filter { side.dataset.statusMapping[$0.status]?.online == .known(true) }
            let unmatched = onlineRecords.filter { $0.unit != .local && !$0.ozgID.isKnown }.count
            let local = onlineRecords.filter { $0.unit == .local || $0.ozgID == .known(nil) }.count
            if census.unit == .ozgLeistung, unmatched + local > 0 {
                notes.append(ComparabilityNote(subject, .unconverted(online: onlineRecords.count, unmatched: unmatched, local: local)))
            }
        }
        if let total = census.total, total.qualifier != .exact {
            notes.append(ComparabilityNote(subject, .approximateTotal(total)))
        }
        let newer = side.censuses.filter { $0.snapshot > census.snapshot && $0.unit == census.unit && $0.total != nil }
        if let latest = newer.last, let total = latest.total, latest.parts.isEmpty {
            notes.append(ComparabilityNote(subject, .newerTotal(NewerTotal(snapshot: latest.snapshot, total: total, unit: census.unit,
                                                                          used: census.snapshot, share: figures.shareCounts))))
        }
        if let note = denominatorChange(side, metric: .servicesOnline) { notes.append(note) }
        return notes
    }

    /// The statuses whose scope or online state is unknown, with the bounds that follow.
    static func uncertainStatuses(_ figures: ServicesOnline) -> UncertainStatuses {
        func group(_ parts: [ServiceCensus.Part]) -> StatusGroup? {
            parts.isEmpty ? nil : StatusGroup(count: parts.compactMap(\.count.value).reduce(0, +), statuses: parts.map(\.status))
        }
        let both = figures.scopeUnknown.filter { figures.onlineUnknown.contains($0) }
        var bounds: ShareCounts?
        if !figures.scopeUnknown.isEmpty, let online = figures.online, let all = figures.denominatorAll,
           let inScope = figures.denominatorInScope, all.value > 0, inScope.value > 0 {
            bounds = ShareCounts(online: online, all: all, inScope: inScope)
        }
        return UncertainStatuses(unit: figures.census.unit, both: group(both),
                                 scopeOnly: group(figures.scopeUnknown.filter { !both.contains($0) }),
                                 onlineOnly: group(figures.onlineUnknown.filter { !both.contains($0) }),
                                 bounds: bounds, highest: figures.shareIfUnknownWereOnline)
    }

    /// Where a side's denominator changed between snapshots (a catalogue revision, a new count), by how much, and
    /// how count and share online moved.
    static func denominatorChange(_ side: Side, metric: MetricID) -> ComparabilityNote? {
        let series = side.censuses.map(ServicesOnline.init).filter { $0.inventory != nil }
        var changes: [InventoryChange] = []
        for unit in CountingUnit.allCases {
            let ofUnit = series.filter { $0.census.unit == unit }
            for (before, after) in zip(ofUnit, ofUnit.dropFirst()) {
                guard let old = before.inventory, let new = after.inventory, old.value != new.value, old.value > 0 else { continue }
                var online: OnlineChange?
                if let countBefore = before.online, let countAfter = after.online,
                   let allBefore = before.denominatorAll, let allAfter = after.denominatorAll, allBefore.value > 0, allAfter.value > 0 {
                    online = OnlineChange(before: countBefore, after: countAfter,
                                          shareBefore: Double(countBefore.value) / Double(allBefore.value),
                                          shareAfter: Double(countAfter.value) / Double(allAfter.value))
                }
                changes.append(InventoryChange(unit: unit, before: old, beforeDate: before.census.snapshot, after: new,
                                               afterDate: after.census.snapshot, online: online))
            }
        }
        guard !changes.isEmpty else { return nil }
        return ComparabilityNote(side.noteSubject(metric), .denominatorChanged(changes))
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
        if census.fromDashboard {
            let rows = DashboardServices(census, dataset: side.dataset)
            let sources = side.cite(census.sourceIDs)
            let level = side.participant.kind.level
            let share = rows.share(level: level, reference: side.reference)
            let missing: DashboardShareNote.Missing? = share != nil ? nil : (level == .unknown ? .level : .catalogue)
            let unit = census.unit.germanName
            func figure(_ value: FigureValue, _ remark: String = "") -> Figure {
                Figure(value: value, asOf: census.snapshot, sources: sources, remark: remark)
            }
            let noShare = missing == .level
                ? "Art der Behörde unbekannt, also auch die Leistungen ihrer Verwaltungsebene"
                : "kein Bestand: ohne vollständigen Leistungskatalog (bench import-catalogue) kein Nenner"
            if let share {
                let denominator: FigureValue = share.ambiguous == 0 ? .count(share.certain, .exact)
                    : .interval(low: Double(share.certain), high: Double(share.certain + share.ambiguous), unit: unit)
                cells[0] = figure(denominator, "\(unit), die Kommunen laut Typisierung ausführen")
                cells[2] = figure(share.value, share.german + " (Nenner laut Typisierung)")
            } else {
                cells[0] = figure(.unknown(reason: noShare), unit)
                cells[2] = figure(.unknown(reason: noShare))
            }
            cells[1] = figure(.count(rows.working.count, .exact), "\(unit) mit funktionierendem Online-Dienst laut OZG-Dashboard")
            dashboard = [
                figure(.count(rows.known.count, .exact), unit),
                figure(.count(rows.working.count, .exact), unit),
                figure(rows.known.isEmpty ? .unknown(reason: "keine gezählte Zeile")
                       : .share(numerator: rows.working.count, denominator: rows.known.count, .exact),
                       "Anteil der bekannten Online-Dienste, die funktionieren"),
                figure(.count(rows.ozgWithWorking, .exact),
                       "aus den OZG-IDs der Zeilen" + (rows.workingWithoutOzgID > 0
                           ? "; \(GermanFormat.integer(rows.workingWithoutOzgID)) Zeilen ohne OZG-ID aus der Quelle nicht gezählt" : "")),
            ]
            let subject = side.noteSubject(.servicesOnline)
            let dashboardNotes = [ComparabilityNote(subject, .dashboardRows(rows.rowCounts)),
                                  ComparabilityNote(subject, .dashboardShare(DashboardShareNote(share: share, missing: missing, level: level)))]
            notes = dashboardNotes + notes
            notesConverted = dashboardNotes + notesConverted
        }
    }
}
