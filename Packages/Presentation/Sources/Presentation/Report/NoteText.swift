import Comparison
import Domain

/// The German sentence of a comparability note, made from its values; every renderer shows a note with this.
public enum NoteText {
    /// The note as a reader sees it: a note about one municipality starts with its name.
    public static func german(_ note: ComparabilityNote) -> String {
        let sentence = self.sentence(note.detail, note.subject)
        switch note.detail {
        case .efaCountsMissing: return sentence
        default: return note.subject.municipality.map { $0.name + ": " + sentence } ?? sentence
        }
    }

    static func sentence(_ detail: NoteDetail, _ subject: NoteSubject) -> String {
        switch detail {
        case .differentLevels(let participants, let relevance):
            return levels(participants, relevance: relevance, metric: subject.metric)
        case .snapshotGap(let dated, let days):
            return snapshotGap(dated, days: days)
        case .ownSnapshots:
            return "Die Entwicklung jeder Kommune bezieht sich auf ihre eigenen Stände; Veränderungen pro Jahr über verschiedene "
                + "Zeiträume sind nur mit Vorsicht nebeneinanderzustellen."
        case .countingUnits(let counted):
            return GermanFormat.list(counted.map { "\($0.name) zählt \($0.value.germanName)" }) + ". Ein Anteil an OZG-Leistungen "
                + "(Bündeln des OZG-Katalogs) ist kein Anteil an LeiKa-Leistungen (Einträgen des Leistungskatalogs); die Anteile "
                + "sind deshalb nicht direkt vergleichbar. Die Zeilen „Online, gezählt in …“ rechnen mit dem Referenzkatalog um "
                + "und zeigen Unter- und Obergrenzen statt eines erfundenen Punktwerts."
        case .indicatorUnits(let indicator, let units):
            return GermanFormat.quoted(Indicator.germanName(of: indicator)) + " wird in verschiedenen Einheiten gemeldet ("
                + units.map { $0.name + ": " + $0.value.joined(separator: ", ") }.joined(separator: "; ") + ") und deshalb nicht gezeigt."
        case .notReportedByAll(let counts):
            return "Nicht von allen gemeldet und deshalb nicht gezeigt: "
                + counts.map { "\($0.name) \(GermanFormat.integer($0.value)) " + ($0.value == 1 ? "Kennzahl" : "Kennzahlen") }
                    .joined(separator: ", ")
                + ". bench gaps nennt, was die andere Seite melden müsste."
        case .approximateIndicators(let names):
            return GermanFormat.list(names) + (names.count == 1 ? " meldet" : " melden")
                + " manche dieser Kennzahlen nur ungefähr oder als Mindestzahl."
        case .partialDates(let names):
            return GermanFormat.list(names) + (names.count == 1 ? " nennt" : " nennen")
                + " manche Stände nur mit Monat oder Jahr; die Zeit zwischen den Ständen ist dann eine Spanne, und die "
                + "Veränderung pro Jahr wird als Spanne gezeigt."
        case .adoptedSources(let fromProjects, let fromIndicator):
            return "Nachgenutzte Dienste stammen bei " + GermanFormat.list(fromProjects) + " aus der Projektliste (Mindestzahl), bei "
                + GermanFormat.list(fromIndicator) + " aus einer gemeldeten Kennzahl."
        case .projectsAreMinimums:
            return "Einzeln genannte Projekte sind Mindestzahlen: Berichte nennen eine Auswahl; „keine genannt“ heißt nicht, dass es "
                + "keine gab."
        case .projectScopes(let reports):
            return "Die Kommunen melden Projekte verschiedenen Umfangs. " + reports.map(scopes).joined(separator: ". ")
                + ". Eine Gesamtzahl aller IT-Projekte und -Maßnahmen ist keine Zahl von OZG-Projekten, und einzeln genannte Projekte "
                + "sind keine Gesamtzahl: Nur Zeilen gleichen Umfangs sind vergleichbar."
        case .unratedMaturity(let online, let unit):
            return "Der Reifegrad der \(GermanFormat.integer(online)) online gemeldeten \(unit.germanName) ist nicht bekannt. Die "
                + "Schwellen Reifegrad ≥ 2 und ≥ 3 bleiben deshalb unbekannt (nicht 0); vergleichen lässt sich nur „online laut Kommune“."
        case .uncountedStatuses(let statuses):
            return "Für \(quotedList(statuses)) nennt die Quelle keine Zahl; sie ist unbekannt und nicht als 0 gezählt."
        case .uncertainStatuses(let uncertain):
            return uncertainStatuses(uncertain)
        case .unconverted(let online, let unmatched, let local):
            var missing: [String] = []
            if unmatched > 0 { missing.append("\(GermanFormat.integer(unmatched)) ohne geprüfte OZG-ID") }
            if local > 0 { missing.append("\(GermanFormat.integer(local)) ohne Gegenstück im Katalog") }
            return "Von \(GermanFormat.integer(online)) einzeln genannten online Leistungen: " + GermanFormat.list(missing)
                + ". In der Umrechnung zählen sie in der Untergrenze nicht" + (unmatched > 0 ? ", und die Obergrenze bleibt offen." : ".")
        case .approximateTotal(let total):
            return "Die Gesamtzahl ist eine ungefähre Angabe („\(total.german)“); der Anteil ist entsprechend ungefähr."
        case .newerTotal(let newer):
            return "Ein neuerer Stand (\(GermanFormat.date(newer.snapshot))) nennt \(newer.total.german) \(newer.unit.germanName) im "
                + "Bestand, aber keine Zahl online. Zahl und Anteil beruhen auf dem Stand \(GermanFormat.date(newer.used)) "
                + "(\(newer.share?.german ?? "")); Zahlen verschiedener Berichte werden nicht miteinander verrechnet."
        case .denominatorChanged(let changes):
            return changes.map(change).joined(separator: " ")
        case .efaCountsMissing(let missing):
            let words = missing.map { count -> String in
                switch count {
                case .available: return "verfügbarer"
                case .relevant: return "relevanter"
                case .adopted: return "nachgenutzter"
                }
            }
            return (subject.municipality.map { $0.name + " " } ?? "") + "meldet keine Zahl " + GermanFormat.list(words)
                + " EfA-Dienste; diese Werte bleiben unbekannt, nicht 0."
        case .channelUnknown(let projects, let onlineServices):
            var parts: [String] = []
            if let projects {
                parts.append("\(GermanFormat.integer(projects.count)) von \(GermanFormat.integer(projects.total)) OZG-Projekten")
            }
            if let onlineServices { parts.append("den \(onlineServices.german) online gemeldeten Leistungen") }
            return "Bei " + GermanFormat.list(parts) + " ist der Umsetzungsweg nicht angegeben; ob sie EfA-Dienste nutzen, ist "
                + "unbekannt (nicht „nein“)."
        case .approximateAdopted(let value, let qualifier):
            return "Die Zahl nachgenutzter EfA-Dienste ist nur als " + (qualifier == .atLeast ? "Mindestzahl" : "ungefähre Zahl")
                + " gemeldet („\(GermanFormat.value(value))“)."
        case .projectGaps(let undated, let unknownChannel):
            var parts: [String] = []
            if let undated {
                parts.append("\(GermanFormat.integer(undated.count)) von \(GermanFormat.integer(undated.total)) Projekten haben weder "
                    + "Start- noch Go-live-Datum; sie sind keinem Jahr zugeordnet und nicht als 0 gezählt")
            }
            if unknownChannel > 0 {
                parts.append("bei \(GermanFormat.integer(unknownChannel)) " + (unknownChannel == 1 ? "OZG-Projekt" : "OZG-Projekten")
                    + " ist der Umsetzungsweg unbekannt")
            }
            return parts.joined(separator: "; ") + "."
        case .dashboardRows(let counts):
            return dashboardRows(counts)
        case .dashboardShare(let note):
            return dashboardShare(note)
        case .centralProxy(let central, let known):
            return "\(GermanFormat.integer(central)) von \(GermanFormat.integer(known)) LeiKa-Leistungen mit bekanntem Online-Dienst "
                + "sind laut OZG-Dashboard zentral bereitgestellt (bundes- oder landesweit flächendeckend). Das ist eine Näherung "
                + "für die Verfügbarkeit von EfA- und Bundesdiensten, kein Nachweis, dass die Behörde einen EfA-Dienst nachnutzt."
        case .peersNotNamed(let subject, let shown, let leftOut):
            return "Die Hinweise dieses Abschnitts nennen neben \(subject) je höchstens \(GermanFormat.integer(shown)) Vergleichskommunen einzeln "
                + "(die ersten nach Kennung); \(GermanFormat.integer(leftOut)) weitere " + (leftOut == 1 ? "Nennung ist" : "Nennungen sind")
                + " ausgelassen, damit eine Seite nicht mit ihrer Vergleichsgruppe wächst. Die Werte aller Vergleichskommunen zählen "
                + "in Median, Quartilen und Verteilung."
        case .peersInOtherUnit(let peers, let unit):
            let one = peers.count == 1
            return "\(GermanFormat.integer(peers.count)) " + (one ? "Vergleichskommune zählt" : "Vergleichskommunen zählen")
                + " nicht in \(unit.germanName) und " + (one ? "fehlt" : "fehlen") + " deshalb in den Zeilen in eigener Zähleinheit: "
                + GermanFormat.list(peers.map { "\($0.name) (\($0.value.germanName))" }) + "."
        }
    }

    /// What dashboard rows are, the export's flags, and the rows left out.
    static func dashboardRows(_ counts: DashboardRowCounts) -> String {
        var text = "Die Zahlen beruhen auf \(rows(counts.rows)) des OZG-Dashboards. Jede Zeile ist eine LeiKa-Leistung, für die "
            + "das Dashboard einen Online-Dienst kennt; die Zeilen sind kein Bestand aller Leistungen."
        switch counts.includeAbove {
        case true?: text += " Der Export enthält auch die Zeilen übergeordneter Ebenen (includeAbove: ja): Dienste von Kreis, Land und Bund zählen mit."
        case false?: text += " Der Export enthält keine Zeilen übergeordneter Ebenen (includeAbove: nein)."
        case nil: text += " Ob der Export Zeilen übergeordneter Ebenen enthält (includeAbove), ist nicht angegeben."
        }
        switch counts.includeBelow {
        case true?: text += " Er enthält auch die Zeilen der Gemeinden darunter (includeBelow: ja): Ein Dienst, den nur eine Gemeinde anbietet, zählt mit."
        case false?: text += " Er enthält keine Zeilen der Gemeinden darunter (includeBelow: nein)."
        case nil: text += " Ob er Zeilen der Gemeinden darunter enthält (includeBelow), ist nicht angegeben."
        }
        if counts.inactive + counts.notEvaluated == 0 {
            text += " Keine Zeile hat „aktiv: nein“ oder „nicht in Auswertung berücksichtigt“."
        } else {
            var left: [String] = []
            if counts.inactive > 0 { left.append("\(rows(counts.inactive)) mit „aktiv: nein“") }
            if counts.notEvaluated > 0 { left.append("\(rows(counts.notEvaluated)) „nicht in Auswertung berücksichtigt“") }
            text += " Nicht mitgezählt: " + GermanFormat.list(left) + "."
        }
        return text
    }

    /// "1 Zeile", "475 Zeilen".
    static func rows(_ count: Int) -> String { GermanFormat.integer(count) + (count == 1 ? " Zeile" : " Zeilen") }

    /// Why a dashboard-made dataset has the share of services online it has.
    static func dashboardShare(_ note: DashboardShareNote) -> String {
        guard let share = note.share else {
            if note.missing == .level {
                return "Kein Anteil online: Die Art der Behörde ist unbekannt und damit auch, welche Leistungen ihre "
                    + "Verwaltungsebene ausführt. Die Art gehört in municipality.yaml (kind)."
            }
            return "Kein Anteil online: Die Zeilen nennen nur Leistungen mit Online-Dienst, nicht alle Leistungen der Behörde. "
                + "Der Nenner sind die LeiKa-Leistungen, die Kommunen laut Typisierung des Leistungskatalogs ausführen; dafür "
                + "einen vollständigen Katalog mit „bench import-catalogue DATEI“ einlesen. Der Anteil funktionierender bekannter "
                + "Online-Dienste ist kein Anteil online."
        }
        let low = share.low, high = share.high
        func part(_ counts: (numerator: Int, denominator: Int)) -> String {
            GermanFormat.percent(Double(counts.numerator) / Double(max(1, counts.denominator))) + " (\(GermanFormat.integer(counts.numerator)) von "
                + "\(GermanFormat.integer(counts.denominator)))"
        }
        var text = "Anteil online an den LeiKa-Leistungen, die Kommunen laut Typisierung ausführen: "
            + "\(GermanFormat.integer(share.certain)) mit Typ 4 oder 5"
        if share.ambiguous == 0 {
            text += "; " + part(low) + "."
        } else {
            text += ", dazu \(GermanFormat.integer(share.ambiguous)) mit uneindeutiger Typisierung (etwa 2/3). Der Anteil liegt "
                + "zwischen " + part(low) + " und " + part(high) + ": Die Untergrenze zählt die uneindeutigen ohne funktionierenden "
                + "Dienst zum Nenner, die Obergrenze nur die mit funktionierendem Dienst."
        }
        if share.workingOutside > 0 {
            text += " \(GermanFormat.integer(share.workingOutside)) "
                + (share.workingOutside == 1 ? "funktionierender Dienst gehört" : "funktionierende Dienste gehören")
                + " zu Leistungen, die Kommunen laut Typisierung nicht ausführen (etwa des Landes oder des Bundes), und "
                + (share.workingOutside == 1 ? "zählt" : "zählen") + " nicht."
        }
        if share.level != .municipalAndDistrict {
            text += " Die Typisierung trennt Gemeinde- und Kreisaufgaben nicht: Der Nenner enthält auch Leistungen einer anderen "
                + "kommunalen Ebene."
        }
        return text
    }

    /// "„A“, „B“ und „C“".
    static func quotedList(_ words: [String]) -> String { GermanFormat.list(words.map(GermanFormat.quoted)) }

    /// What each municipality is and which tasks it has, and what that means for the metric.
    static func levels(_ participants: [Named<MunicipalityKind>], relevance: [EfaRelevance], metric: MetricID) -> String {
        let described = participants.map {
            "\($0.name) ist \(article($0.value)) \($0.value.germanName) und erledigt \($0.value.level.germanName)"
        }
        let consequence: String
        switch metric {
        case .efaUptake:
            let shares = relevance.map {
                "\($0.name) nennt \(GermanFormat.number($0.relevant)) von \(GermanFormat.number($0.available)) verfügbaren Diensten "
                    + "als für sich relevant"
            }
            consequence = "Nur ein Teil der EfA-Dienste betrifft jede Verwaltungsebene" + (shares.isEmpty ? "." : ": "
                + GermanFormat.list(shares) + ".") + " Verfügbare und nachgenutzte Dienste sind deshalb nur im Verhältnis zu den "
                + "für die eigene Ebene relevanten vergleichbar."
        case .servicesOnline:
            consequence = "Sie sind für verschiedene Leistungen zuständig; Bestand, Zahlen und Anteile beziehen sich auf verschiedene "
                + "Mengen von Leistungen."
        case .projectsPerYear, .trends, .otherIndicators:
            consequence = ""
        }
        return described.joined(separator: "; ") + "." + (consequence.isEmpty ? "" : " " + consequence)
    }

    /// The indefinite article for a kind's German name.
    static func article(_ kind: MunicipalityKind) -> String {
        switch kind {
        case .kreisfreieStadt, .kreisangehoerigeGemeinde, .staedteregion, .kreisangehoerigeStadt, .grosseKreisstadt: return "eine"
        case .kreis, .landkreis, .stadtkreis, .regionalverband, .markt: return "ein"
        case .unknown: return "eine Behörde der"
        }
    }

    static func snapshotGap(_ dated: [Named<PartialDate>], days: ClosedRange<Int>) -> String {
        let dates = dated.map { "\($0.name) \(GermanFormat.date($0.value))" }
        let span = dated.count == 2 ? "liegen \(GermanFormat.distance(days: days)) auseinander"
            : "liegen bis zu \(GermanFormat.distance(days: days)) auseinander"
        var text = "Die Stände \(span) (\(dates.joined(separator: ", "))); was sich dazwischen geändert hat, ist nicht berücksichtigt."
        if dated.contains(where: { $0.value.precision != .day }) {
            text += " Ein nur mit Monat oder Jahr angegebener Stand kann jeden Tag dieses Zeitraums meinen."
        }
        return text
    }

    /// What one municipality reports about projects, for the note on scopes.
    static func scopes(_ report: ProjectReport) -> String {
        let totals = report.totals.map { "Gesamtzahl " + GermanFormat.quoted($0.label) + ": " + GermanFormat.value($0.value) }
        let named = report.named.map { "\(GermanFormat.integer($0.count)) \($0.scope.germanName)" }
        return "\(report.name): " + (totals + [GermanFormat.list(named) + " einzeln genannt"]).joined(separator: "; ")
    }

    /// The sentences on statuses whose scope or online state is unknown, with the bounds that follow.
    static func uncertainStatuses(_ uncertain: UncertainStatuses) -> String {
        func describe(_ group: StatusGroup) -> String {
            "\(GermanFormat.integer(group.count)) \(uncertain.unit.germanName) (" + quotedList(group.statuses) + ")"
        }
        var sentences: [String] = []
        if let both = uncertain.both {
            sentences.append("Für \(describe(both)) ist unbekannt, ob sie zum Bestand zählen und ob sie online sind.")
        }
        if let scopeOnly = uncertain.scopeOnly { sentences.append("Für \(describe(scopeOnly)) ist unbekannt, ob sie zum Bestand zählen.") }
        if let onlineOnly = uncertain.onlineOnly { sentences.append("Für \(describe(onlineOnly)) ist unbekannt, ob sie online sind.") }
        if let bounds = uncertain.bounds {
            let online = bounds.online
            sentences.append("Der Anteil steht deshalb als Spanne da: "
                + "\(GermanFormat.percent(Double(online.value) / Double(bounds.all.value))) mit ihnen im Nenner "
                + "(\(online.german) von \(bounds.all.german)), \(GermanFormat.percent(Double(online.value) / Double(bounds.inScope.value))) "
                + "ohne sie (\(online.german) von \(bounds.inScope.german)); keine der beiden Lesarten wird stillschweigend gewählt.")
        }
        if let highest = uncertain.highest {
            sentences.append("Als online gezählt sind sie nicht; wären sie alle online, läge der Anteil bei "
                + GermanFormat.percent(highest / 100) + ".")
        }
        return sentences.joined(separator: " ")
    }

    /// One change of the inventory: by how much, and whether count and share online moved in opposite directions.
    static func change(_ change: InventoryChange) -> String {
        var sentence = "Der Bestand (\(change.unit.germanName)) änderte sich von \(change.before.german) "
            + "(\(GermanFormat.date(change.beforeDate))) auf \(change.after.german) (\(GermanFormat.date(change.afterDate))): "
            + "\(GermanFormat.signedInteger(change.change)) "
            + "(\(GermanFormat.signedDecimal(Double(change.change) / Double(change.before.value) * 100))\u{a0}%)."
        if let online = change.online {
            sentence += " Online laut Kommune: \(online.before.german) → \(online.after.german) (\(GermanFormat.signedInteger(online.change))), "
                + "Anteil \(GermanFormat.percent(online.shareBefore)) → \(GermanFormat.percent(online.shareAfter))."
            if online.opposite {
                sentence += " Zahl und Anteil bewegen sich gegenläufig: Ein größerer Nenner (etwa nach einer Revision des "
                    + "Katalogs, die Leistungen feiner aufteilt) senkt den Anteil, auch wenn mehr Leistungen online sind. "
                    + "Anteile vor und nach der Änderung sind nicht vergleichbar."
            }
        }
        return sentence
    }
}
