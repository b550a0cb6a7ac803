import Domain

/// The figures each municipality would have to report to make every metric comparable: a checklist a department
/// can send to the other.
public struct GapsChecklist: Sendable, Hashable {
    public var participants: [Participant]
    public var asOf: PartialDate?
    /// Grouped by participant (in the order named), then by metric.
    public var items: [GapItem]

    public init(participants: [Participant], asOf: PartialDate? = nil, items: [GapItem]) {
        self.participants = participants
        self.asOf = asOf
        self.items = items
    }

    /// Finds what each municipality is missing, measured against what the others report.
    public init(comparing datasets: [Dataset], reference: ReferenceCatalogue, asOf: PartialDate? = nil) throws(ComparisonError) {
        guard datasets.count >= 2 else { throw .tooFewParticipants(datasets.count) }
        let sides = try ComparisonReport.sides(datasets, reference: reference, asOf: asOf)
        var items: [GapItem] = []
        for (index, side) in sides.enumerated() {
            var others = sides
            others.remove(at: index)
            items += GapFinder(side: side, others: others).items
        }
        self.init(participants: sides.map(\.participant), asOf: asOf, items: items)
    }

    /// The items one participant has to answer.
    public func items(for slug: Slug) -> [GapItem] { items.filter { $0.slug == slug } }
}

/// One figure a municipality would have to report.
public struct GapItem: Sendable, Hashable {
    /// Who has to report it.
    public var slug: Slug
    public var metric: MetricID
    /// What to report, in German ("Zahl der EfA-Dienste, die zur Nachnutzung verfügbar sind").
    public var figure: String
    /// Where it goes in the dataset ("indicators.csv: efa_services_available").
    public var location: String
    /// Why, in German, with what the other side reports.
    public var reason: String

    public init(slug: Slug, metric: MetricID, figure: String, location: String, reason: String) {
        self.slug = slug
        self.metric = metric
        self.figure = figure
        self.location = location
        self.reason = reason
    }
}

/// The rules that find one side's gaps against the others.
struct GapFinder {
    var side: Side
    var others: [Side]

    var items: [GapItem] { servicesOnline + efaUptake + projects + otherIndicators }

    private func item(_ metric: MetricID, _ figure: String, _ location: String, _ reason: String) -> GapItem {
        GapItem(slug: side.participant.slug, metric: metric, figure: figure, location: location, reason: reason)
    }

    private var servicesOnline: [GapItem] {
        var items: [GapItem] = []
        guard let own = ServicesOnlineSection.current(side) else {
            let reported = others.compactMap { other in ServicesOnlineSection.current(other).map { "\(other.name): \(summary($0))" } }
            return [item(.servicesOnline, "Zahl der online beantragbaren Leistungen und aller Leistungen im Bestand, je Statusgruppe",
                         "tallies.csv (und status_mapping.csv)",
                         "Ohne sie ist „Leistungen online“ nicht vergleichbar." + (reported.isEmpty ? "" : " " + reported.joined(separator: "; ") + "."))]
        }
        let unit = own.census.unit
        for other in others {
            guard let theirs = ServicesOnlineSection.current(other), theirs.census.unit != unit else { continue }
            let figure: String
            switch theirs.census.unit {
            case .leikaLeistung:
                figure = "Zahl der online beantragbaren LeiKa-Leistungen und aller LeiKa-Leistungen im Bestand (etwa aus dem Export des OZG-Dashboards)"
            default:
                figure = "Zahl der online beantragbaren OZG-Leistungen und der OZG-Leistungen in Zuständigkeit, am besten mit der Liste der Leistungen und ihren OZG-IDs"
            }
            items.append(item(.servicesOnline, figure, "tallies.csv, unit \(theirs.census.unit.rawValue)" + (theirs.census.unit == .ozgLeistung ? "; services.csv" : ""),
                              "\(other.name) zählt \(theirs.census.unit.germanName) (\(summary(theirs))); zwischen den Zähleinheiten gibt es "
                                + "nur Unter- und Obergrenzen, keinen Vergleich der Anteile."))
        }
        let threshold = own.maturity(atLeast: 2)
        if threshold.unratedOnline > 0 {
            let words = CommonNotes.list(own.onlineParts.filter { $0.entry?.maturity.isKnown != true }.map { CommonNotes.quoted($0.status) })
            items.append(item(.servicesOnline, "Reifegrad der \(GermanFormat.integer(threshold.unratedOnline)) online gemeldeten \(unit.germanName) "
                                + "(Modell 1.x: 2 Formularassistent, 3 Online-Antrag mit Nachweisen, 4 vollständig digital)",
                              "status_mapping.csv: maturity von \(words), oder Statusgruppen nach Reifegrad getrennt zählen",
                              "Ohne Reifegrad bleiben „Reifegrad ≥ 2“ (Zählung des Bundes) und „Reifegrad ≥ 3“ (OZG-konform) unbekannt."))
        }
        for part in own.scopeUnknown {
            items.append(item(.servicesOnline, "Zählen die \(part.known?.german ?? "") \(unit.germanName) \(CommonNotes.quoted(part.status)) zum Bestand, "
                                + "und sind sie online?",
                              "status_mapping.csv: in_scope und online von \(CommonNotes.quoted(part.status))",
                              "Davon hängt der Anteil online ab: \(GermanFormat.value(own.share, reasons: false))."))
        }
        for part in own.onlineUnknown where !own.scopeUnknown.contains(part) {
            items.append(item(.servicesOnline, "Sind die \(part.known?.german ?? "") \(unit.germanName) \(CommonNotes.quoted(part.status)) online?",
                              "status_mapping.csv: online von \(CommonNotes.quoted(part.status))",
                              "Sie sind weder als online noch als offline gezählt."))
        }
        for part in own.uncounted {
            items.append(item(.servicesOnline, "Zahl der \(unit.germanName) \(CommonNotes.quoted(part.status)) zum Stand \(GermanFormat.date(own.census.snapshot))",
                              "tallies.csv: count", "Die Quelle nennt keine Zahl; sie ist unbekannt, nicht 0."))
        }
        let onlineRecords = own.census.records.filter { side.dataset.statusMapping[$0.status]?.online == .known(true) }
        let unmatched = onlineRecords.filter { $0.unit != .local && !$0.ozgID.isKnown }
        if !unmatched.isEmpty {
            items.append(item(.servicesOnline, "OZG-ID der online gemeldeten Leistungen ohne Zuordnung: "
                                + CommonNotes.list(unmatched.map { CommonNotes.quoted($0.displayName) }),
                              "services.csv: ozg_id und match",
                              "Ohne OZG-ID lassen sie sich nicht in LeiKa-Leistungen umrechnen; die Obergrenze bleibt offen."))
        }
        if let newer = side.censuses.last(where: { $0.snapshot > own.census.snapshot && $0.unit == unit && $0.total != nil }),
           newer.parts.isEmpty, let total = newer.total {
            items.append(item(.servicesOnline, "Zahl der online beantragbaren \(unit.germanName) zum Stand \(GermanFormat.date(newer.snapshot))",
                              "tallies.csv",
                              "Zu diesem Stand ist nur der Bestand (\(total.german)) gemeldet; Zahl und Anteil online beruhen auf "
                                + "\(GermanFormat.date(own.census.snapshot))."))
        }
        let newest = others.compactMap { other in ServicesOnlineSection.current(other).map { (other.name, $0.census.snapshot) } }
            .max { $0.1 < $1.1 }
        if let newest, PartialDate.daysBetween(own.census.snapshot, newest.1).lowerBound > 31, own.census.snapshot < newest.1 {
            items.append(item(.servicesOnline, "Zahlen online und Bestand zu einem Stand nahe \(GermanFormat.date(newest.1))",
                              "tallies.csv (neuer Stand)",
                              "Der eigene Stand (\(GermanFormat.date(own.census.snapshot))) liegt "
                                + "\(GermanFormat.distance(days: PartialDate.daysBetween(own.census.snapshot, newest.1))) vor dem von \(newest.0)."))
        }
        return items
    }

    private var efaUptake: [GapItem] {
        var items: [GapItem] = []
        let own = EfaUptakeSection.Uptake(side)
        let indicators: [(String, String, (EfaUptakeSection.Uptake) -> Indicator?)] = [
            (KnownIndicator.efaAvailable, "Zahl der EfA-Dienste, die zur Nachnutzung verfügbar sind", { $0.available }),
            (KnownIndicator.efaRelevant, "davon für die eigene Verwaltungsebene relevant", { $0.relevant }),
            (KnownIndicator.efaAdopted, "Zahl der nachgenutzten EfA-Dienste, die live sind", { $0.adoptedIndicator }),
        ]
        for (id, figure, pick) in indicators where pick(own) == nil {
            let reported = others.compactMap { other in
                pick(EfaUptakeSection.Uptake(other)).map { "\(other.name): \(GermanFormat.value(other.figure($0).value)) (\(GermanFormat.date($0.snapshot)))" }
            }
            items.append(item(.efaUptake, figure, "indicators.csv: \(id)",
                              reported.isEmpty ? "Ohne sie bleibt die Nachnutzungsquote unbekannt." : "Gemeldet von " + reported.joined(separator: "; ") + "."))
        }
        if let adopted = own.adoptedIndicator, adopted.qualifier != .exact {
            items.append(item(.efaUptake, "genaue Zahl der nachgenutzten EfA-Dienste (bisher \(GermanFormat.value(side.figure(adopted).value)))",
                              "indicators.csv: \(KnownIndicator.efaAdopted), qualifier exact",
                              "Eine Mindestzahl ergibt nur eine Mindestquote."))
        }
        let unknownChannel = ProjectView.latest(in: side.dataset).filter { $0.scope == .ozg && $0.channel == .unknown }
        if !unknownChannel.isEmpty {
            items.append(item(.efaUptake, "Umsetzungsweg (EfA, Eigenentwicklung, Hersteller) der OZG-Projekte: "
                                + CommonNotes.list(unknownChannel.map { CommonNotes.quoted($0.name) }),
                              "projects.csv: channel", "Ohne ihn ist unbekannt, ob sie EfA-Dienste nachnutzen."))
        }
        let undatedLive = own.live.filter { $0.reuseAvailable == nil || $0.goLive == nil }
        if !undatedLive.isEmpty {
            items.append(item(.efaUptake, "Datum, ab dem der EfA-Dienst nachnutzbar war, und Go-live-Datum: "
                                + CommonNotes.list(undatedLive.map { CommonNotes.quoted($0.name) }),
                              "projects.csv: reuse_available, go_live", "Ohne beide Daten bleibt die Zeit bis zum Go-live unbekannt."))
        }
        return items
    }

    private var projects: [GapItem] {
        var items: [GapItem] = []
        let own = ProjectsPerYearSection.Report(side)
        let ownTotals = Set(own.totals.map(TotalKey.init))
        var asked = Set<TotalKey>()
        for other in others {
            let theirs = ProjectsPerYearSection.Report(other)
            for indicator in theirs.totals where !ownTotals.contains(TotalKey(indicator)) && asked.insert(TotalKey(indicator)).inserted {
                let key = TotalKey(indicator)
                items.append(item(.projectsPerYear, "Gesamtzahl " + CommonNotes.quoted(key.label),
                                  "indicators.csv: \(indicator.indicator)" + (indicator.period.map { ", period \($0)" } ?? ""),
                                  "\(other.name) meldet \(GermanFormat.value(other.figure(indicator).value)) (\(GermanFormat.date(indicator.snapshot)))."))
            }
            for scope in ProjectScope.allCases {
                let theirDated = theirs.projects.filter { $0.scope == scope && ($0.start != nil || $0.goLive != nil) }
                let ownDated = own.projects.filter { $0.scope == scope && ($0.start != nil || $0.goLive != nil) }
                if !theirDated.isEmpty && ownDated.isEmpty {
                    items.append(item(.projectsPerYear, "\(scope.germanName) einzeln, mit Start- und Go-live-Datum", "projects.csv",
                                      "\(other.name) nennt \(GermanFormat.integer(theirDated.count)) datierte \(scope.germanName)."))
                }
            }
        }
        let undated = own.projects.filter { $0.start == nil && $0.goLive == nil && $0.state != .stopped }
        if !undated.isEmpty {
            items.append(item(.projectsPerYear, "Start- oder Go-live-Datum (Monat genügt) der Projekte: "
                                + CommonNotes.list(undated.map { CommonNotes.quoted($0.name) }),
                              "projects.csv: start, go_live, go_live_kind", "Ohne Datum zählen sie in keinem Jahr."))
        }
        return items
    }

    /// Documented indicators another side reports and this side lacks, once per indicator and unit: subjects are
    /// often local (a page of the other's portal), so the other's subjects are named as examples only.
    private var otherIndicators: [GapItem] {
        let own = Set(OtherIndicatorsSection.latest(of: side).keys.map { [$0.indicator, $0.unit.rawValue] })
        var items: [GapItem] = []
        var asked = Set<[String]>()
        for other in others {
            let theirs = OtherIndicatorsSection.latest(of: other).sorted { $0.key < $1.key }
            let grouped = Dictionary(grouping: theirs) { [$0.key.indicator, $0.key.unit.rawValue] }
            for name in grouped.keys.sorted(by: { $0.lexicographicallyPrecedes($1) })
            where !own.contains(name) && KnownIndicator.isDocumented(name[0]) && asked.insert(name).inserted {
                let rows = grouped[name]!.map(\.value)
                let example = rows[0]
                let reported = "\(GermanFormat.value(other.figure(example).value)) (\(GermanFormat.date(example.snapshot)))"
                let reason: String
                if example.subject.isEmpty {
                    reason = "\(other.name) meldet \(reported)."
                } else {
                    reason = "\(other.name) meldet sie für \(GermanFormat.integer(rows.count)) "
                        + (rows.count == 1 ? "Gegenstand" : "Gegenstände") + ", z. B. „\(example.subject)“: \(reported)."
                }
                items.append(item(.otherIndicators, "Kennzahl " + CommonNotes.quoted(KnownIndicator.label(of: name[0]))
                                    + (example.subject.isEmpty ? "" : " je Gegenstand"),
                                  "indicators.csv: \(name[0]), unit \(name[1])" + (example.subject.isEmpty ? "" : ", subject"), reason))
            }
        }
        return items
    }

    /// "283 online von 1.187 (28.05.2024)".
    private func summary(_ figures: ServicesOnline) -> String {
        (figures.online?.german ?? "unbekannt") + " online von " + (figures.inventory?.german ?? "unbekannt") + " ("
            + GermanFormat.date(figures.census.snapshot) + ")"
    }
}
