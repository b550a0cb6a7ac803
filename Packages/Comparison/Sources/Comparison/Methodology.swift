import Domain

/// How one metric is defined, in German, for council members: the source of Docs/methodology.md and of the site's
/// Methodik page.
public struct MetricDefinition: Sendable, Hashable {
    public var id: MetricID
    /// "Leistungen online".
    public var title: String
    /// One sentence shown under the section title in every output.
    public var summary: String
    /// The full definition, one paragraph per element.
    public var paragraphs: [String]

    public init(id: MetricID, title: String, summary: String, paragraphs: [String]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.paragraphs = paragraphs
    }
}

/// How one kind of comparability note is computed, in German.
public struct NoteDefinition: Sendable, Hashable {
    public var kind: ComparabilityNote.Kind
    public var title: String
    /// When the note appears and what it says.
    public var computation: String

    public init(kind: ComparabilityNote.Kind, title: String, computation: String) {
        self.kind = kind
        self.title = title
        self.computation = computation
    }
}

/// The definitions of every metric and every comparability note. Docs/methodology.md contains each of these texts
/// word for word (a test checks it), so the documentation cannot drift from what the code computes.
public enum Methodology {
    /// The metrics in the order every output shows them.
    public static let metrics: [MetricDefinition] = [
        MetricDefinition(
            id: .servicesOnline, title: "Leistungen online",
            summary: "Wie viele der Leistungen im Bestand einer Kommune online beantragt werden können, in ihrer eigenen Zähleinheit, mit Reifegrad-Schwellen und Umrechnung zwischen Zähleinheiten.",
            paragraphs: [
                "Grundlage ist der neueste Stand, zu dem eine Kommune Zahlen je Status meldet (eine Zählung nach Statusgruppen oder eine Liste einzelner Leistungen). Jedes Statuswort der Kommune ist in ihrer Statuszuordnung (status_mapping.csv) auf eine gemeinsame Skala abgebildet: Reifegrad, online ja/nein/unbekannt, zum Bestand gehörig ja/nein/unbekannt. Kein Statuswort wird im Programm gedeutet.",
                "Online laut Kommune ist die Summe aller Statusgruppen, die auf „online: ja“ abgebildet sind. Fehlt für eine solche Gruppe die Zahl, bleibt die Summe unbekannt. Gruppen mit unbekanntem Online-Status werden weder als online noch als offline gezählt; der Hinweis nennt, wie hoch der Anteil wäre, wenn sie alle online wären.",
                "Der Nenner ist die gemeldete Gesamtzahl (oder, wo die Statusgruppen alle Statuswörter für Leistungen abdecken, ihre Summe; eine Liste einzelner Leistungen gilt nur dann als ganzer Bestand, wenn sie auch Leistungen nennt, die nicht online sind, denn oft nennt sie nur die online verfügbaren), abzüglich der Gruppen, die nicht zum Bestand gehören. Ist für eine Gruppe unbekannt, ob sie zum Bestand gehört, wird der Anteil als Spanne gezeigt: untere Grenze mit ihr im Nenner, obere Grenze ohne sie. Keine der beiden Lesarten wird stillschweigend gewählt.",
                "Reifegrad ≥ 2 entspricht der Zählung des Bundes („online“ im OZG-Dashboard: mindestens ein Online-Formularassistent), Reifegrad ≥ 3 der OZG-konformen Online-Leistung (Antrag und Nachweise online). Gezählt wird, was mit bekanntem Reifegrad (Modell 1.x) die Schwelle erreicht; Gruppen mit unbekanntem Reifegrad erweitern nur die Obergrenze (für Reifegrad ≥ 3 nur, wenn sie nicht offline sind). Trägt keine Gruppe einen Reifegrad, bleibt die Schwelle unbekannt, nie 0.",
                "Zählen Kommunen in verschiedenen Einheiten (OZG-Leistungen, also Bündel des OZG-Katalogs, gegenüber LeiKa-Leistungen, also Einträgen des Leistungskatalogs), werden Anteile nicht gegeneinander gestellt. Stattdessen wird die Zahl online laut Kommune mit dem Referenzkatalog (Datasets/reference/ozg_leistungen.csv) in die andere Einheit umgerechnet, als Unter- und Obergrenze.",
                "OZG-Leistungen in LeiKa-Leistungen: Die Untergrenze zählt jede verschiedene OZG-Leistung unter den einzeln genannten online Leistungen, die im Katalog mindestens eine LeiKa-Leistung hat, einmal (der Bund zählt ein Bündel als online, sobald eine seiner LeiKa-Leistungen es ist). Die Obergrenze ist die Summe der LeiKa-Leistungen dieser OZG-Leistungen (leika_count; alle Einträge, weil eine kreisfreie Stadt auch Leistungen ausführt, die der Katalog nicht als kommunal typisiert). Leistungen ohne geprüfte OZG-ID und lokale Leistungen zählen in der Untergrenze nicht; für die Obergrenze werden sie mit der größten OZG-Leistung eines vollständigen Katalogs angesetzt. Ohne vollständigen Katalog bleibt die Obergrenze offen und die Zahl wird als „mindestens“ gezeigt.",
                "LeiKa-Leistungen in OZG-Leistungen: Sind alle online LeiKa-Leistungen mit OZG-ID einzeln genannt, werden die verschiedenen OZG-Leistungen gezählt. Sonst umfassen L LeiKa-Leistungen höchstens L OZG-Leistungen und, wenn jede zu einer OZG-Leistung gehört, mindestens L geteilt durch die größte Zahl von LeiKa-Leistungen je OZG-Leistung (aufgerundet). Diese größte Zahl kennt nur ein vollständiger Katalog (bench import-catalogue); ohne ihn wird die Umrechnung abgelehnt und der Grund genannt.",
                "Zeilen des OZG-Dashboards (Quelle vom Typ dashboard-export) sind kein Bestand: Jede Zeile ist eine LeiKa-Leistung, für die das Dashboard einen Online-Dienst kennt, und online_status sagt, ob er funktioniert. Gezeigt werden deshalb die LeiKa-Leistungen mit bekanntem Online-Dienst, davon die funktionierenden, ihr Verhältnis unter dem Namen „Anteil funktionierender bekannter Online-Dienste“ (nie als Anteil online) und die OZG-Leistungen, die die eigenen OZG-IDs der funktionierenden Zeilen nennen. Zeilen mit „aktiv: nein“ oder „nicht in Auswertung berücksichtigt“ zählen nicht; ein Hinweis nennt ihre Zahl und die Angaben includeAbove und includeBelow des Exports.",
                "Einen Anteil online gibt es für solche Datensätze nur gegen einen erklärten Nenner: die LeiKa-Leistungen, die Kommunen laut Typisierung eines vollständigen Leistungskatalogs (bench import-catalogue) ausführen. Eindeutig kommunal ist ein Eintrag, dessen Typisierung nur 4 oder 5 nennt, nicht kommunal einer, der nur 1 oder 2 nennt, uneindeutig jeder andere (2/3, gemischte Werte wie „1, 2/3“, 3, unbekannte Werte, eine fehlende Typisierung). Der Zähler sind die funktionierenden Online-Dienste unter den Einträgen des Nenners. Die Untergrenze nimmt die uneindeutigen Einträge ohne funktionierenden Dienst in den Nenner, die Obergrenze nur die uneindeutigen mit funktionierendem Dienst: mit e eindeutigen und u uneindeutigen Einträgen, darunter f und g mit funktionierendem Dienst, liegt der Anteil zwischen f/(e+u−g) und (f+g)/(e+g). Die Typisierung trennt Gemeinde- und Kreisaufgaben nicht; bei einer kreisangehörigen Gemeinde oder einem Kreis enthält der Nenner deshalb auch Leistungen der anderen kommunalen Ebene, und der Hinweis sagt es. Ohne vollständigen Katalog oder bei unbekannter Art gibt es keinen Anteil, und der Hinweis sagt, warum und was zu tun ist.",
            ]),
        MetricDefinition(
            id: .efaUptake, title: "EfA-Nachnutzung",
            summary: "Wie viele „Einer für Alle“-Dienste verfügbar, für die eigene Verwaltungsebene relevant, nachgenutzt (live) und in Arbeit sind, und wie lange es von der Verfügbarkeit bis zum Go-live dauert.",
            paragraphs: [
                "Verfügbar, relevant und nachgenutzt stammen aus den Kennzahlen efa_services_available, efa_services_relevant und efa_services_adopted zum neuesten Stand. Fehlt die Kennzahl zur Nachnutzung, werden die Projekte mit Umsetzungsweg EfA gezählt, die laut ihrem neuesten Status live sind, als Mindestzahl: Eine Projektliste nennt nicht jede Leistung, und bei online gemeldeten Leistungen ist der Umsetzungsweg meist nicht angegeben. Nennt die Projektliste keine, bleibt die Zahl unbekannt.",
                "In Umsetzung, in Vorbereitung und offen zählen EfA-Projekte nach ihrem neuesten Status. Der Umsetzungsweg eines Projekts ist der zuletzt genannte bekannte; schweigt ein späterer Bericht dazu, gilt der frühere weiter.",
                "Die Nachnutzungsquote ist nachgenutzt geteilt durch relevant (eine Mindestzahl ergibt eine Mindestquote). Die Zeit bis zum Go-live rechnet vom Datum, ab dem ein EfA-Dienst nachnutzbar war (reuse_available), bis zum tatsächlichen Go-live, als Spanne, wo die Daten nur Monat oder Jahr nennen. Nachnutzbare Dienste, die zum Stand noch nicht live sind, werden mit ihrer bisherigen Wartezeit gezeigt.",
                "Für Datensätze aus dem OZG-Dashboard zeigt eine eigene Zeile, wie viele LeiKa-Leistungen mit bekanntem Online-Dienst zentral bereitgestellt sind (art_flaechendeckung „bundesweit flächendeckend“ oder „landesweit flächendeckend“). Das ist eine Näherung für die Verfügbarkeit von EfA- und Bundesdiensten, kein Nachweis einer Nachnutzung, und geht in keine Nachnutzungsquote ein.",
            ]),
        MetricDefinition(
            id: .projectsPerYear, title: "Projekte pro Jahr",
            summary: "Wie viele Projekte je Kalenderjahr gestartet, live gegangen oder zum Go-live geplant sind, getrennt nach Umfang (OZG-Projekte, allgemeine IT-Projekte) und Umsetzungsweg.",
            paragraphs: [
                "Jedes Projekt zählt mit seinem neuesten Stand (der letzten Zeile mit diesem project_id bis zum Stichtag); fehlende Angaben werden aus früheren Berichten übernommen. Gestartet zählt das Jahr von start, live gegangen das Jahr eines tatsächlichen Go-live, geplant das Jahr eines geplanten Go-live von Projekten, die weder live noch eingestellt sind. Ein Datum mit Monat oder Jahr genügt, weil nur das Jahr zählt.",
                "Einzeln genannte Projekte sind eine Mindestzahl: Berichte nennen eine Auswahl. Wo eine Quelle eine Gesamtzahl nennt (it_projects_planned, ozg_projects_planned, ozg_projects_in_progress), steht sie in einer eigenen Zeile. Jahre nach dem Stand einer Kommune kann sie nicht abdecken: Dort steht „entfällt“ statt 0. Projekte ohne Datum werden gesondert gezählt, nicht als 0 und keinem Jahr zugeordnet.",
                "OZG-Projekte (Online-Zugang zu einer Leistung) und allgemeine IT-Projekte (jede andere IT-Maßnahme) werden nie zusammengezählt; meldet eine Kommune nur eine Gesamtzahl aller IT-Projekte und die andere einzelne OZG-Projekte, sagt der Hinweis, dass das verschiedene Dinge sind.",
            ]),
        MetricDefinition(
            id: .trends, title: "Entwicklung",
            summary: "Jede Kennzahl über alle Stände einer Kommune, mit der Veränderung pro Jahr.",
            paragraphs: [
                "Für jede Kommune wird jede Reihe gezeigt, die mindestens zwei Stände hat: Bestand, online laut Kommune und Anteil online je Zähleinheit, und jede Kennzahl mit gleichem Gegenstand und gleicher Einheit. Die Veränderung pro Jahr ist die Veränderung vom ersten zum letzten Stand geteilt durch die Zeit dazwischen; Anteile ändern sich in Prozentpunkten.",
                "Nennt ein Stand nur Monat oder Jahr, ist die Zeit dazwischen eine Spanne (kürzester und längster möglicher Abstand), und die Veränderung pro Jahr wird als Spanne gezeigt. Ändert sich der Nenner zwischen zwei Ständen, sagt ein Hinweis, um wie viel, und dass Anteil und Zahl sich dann gegenläufig bewegen können.",
            ]),
        MetricDefinition(
            id: .otherIndicators, title: "Weitere Kennzahlen",
            summary: "Kennzahlen, die alle verglichenen Kommunen melden, mit gleichem Bezeichner, gleicher Einheit und gleichem Gegenstand.",
            paragraphs: [
                "Gezeigt wird jede Kennzahl aus indicators.csv, die nicht schon zu einer der drei Achsen gehört und die jede Kommune mit demselben Bezeichner, derselben Einheit und demselben Gegenstand meldet, jeweils zum neuesten Stand. Meldet eine Kommune dieselbe Kennzahl in einer anderen Einheit, wird sie nicht gezeigt, und ein Hinweis sagt es. Gibt es keine gemeinsame Kennzahl, sagt der Abschnitt das, statt Zahlen nebeneinanderzustellen, die nichts miteinander zu tun haben.",
            ]),
    ]

    /// How `bench compare SLUG --peers` summarises the other municipalities of the same kind.
    public static let peerView: [String] = [
        "Die Vergleichsgruppe wählt eine Regel (bench compare KOMMUNE --peers, --peer-group REGEL): ohne Angabe alle anderen Kommunen derselben Verwaltungsebene (Gemeindeaufgaben, Kreisaufgaben oder beide) und derselben Größenklasse nach Einwohnern (Datasets/reference/size_classes.csv, die Gemeindegrößenklassen des Statistischen Bundesamts); sonst alle derselben Art (kind), desselben Landes (land), alle (all) oder die einer Liste von Kürzeln (list:DATEI, etwa die Mitglieder eines Vergleichsrings). Eine Kommune mit unbekannter Art oder Einwohnerzahl wird keiner Größenklasse zugeordnet; die Ausgabe nennt sie. Jede Kommune geht mit ihrem neuesten Stand bis zum Stichtag ein.",
        "Für jede Zeile werden die bekannten Werte der Vergleichsgruppe sortiert; Median und Quartile werden linear zwischen benachbarten Werten interpoliert (das p-Quantil von n Werten liegt an Position p·(n−1)). Aus weniger als 5 Werten werden weder Median noch Quartile berechnet; dann stehen die Werte mit den Namen der Kommunen da. Unbekannte Werte zählen nicht mit; jede Zelle nennt, aus wie vielen Werten sie berechnet ist. Spannen gehen mit Unter- und Obergrenze getrennt ein und ergeben wieder eine Spanne. Zeilen in der eigenen Zähleinheit berücksichtigen nur Kommunen, die in derselben Einheit zählen; ein Hinweis nennt die anderen.",
        "Hinweise, die alle Kommunen des Vergleichs betreffen (etwa verschiedene Stände oder verschiedener Umfang der Projektzählung), nennen in der Vergleichsgruppe neben der betrachteten Kommune höchstens \(PeerGroup.namedInNotes) Vergleichskommunen einzeln, die ersten nach Kennung; ein eigener Hinweis zählt die ausgelassenen Nennungen. So wächst eine Seite nicht mit ihrer Gruppe; Median, Quartile und Verteilung nehmen alle Werte. Eine Vergleichsgruppe von mehr als \(PeerGroup.listedMembersLimit) Kommunen wird auf den Seiten ihrer Mitglieder nicht aufgelistet; jede Kommune steht nach Land und Kreis auf der Startseite.",
    ]

    /// How each kind of note is computed.
    public static let notes: [NoteDefinition] = [
        NoteDefinition(kind: .differentUnits, title: "Verschiedene Zähleinheiten",
                       computation: "Erscheint, wenn die Zählungen der Kommunen verschiedene Einheiten haben (unit in tallies.csv oder services.csv). Er nennt die Einheit jeder Kommune; Anteile werden dann nicht gegeneinander gestellt, die Zahl online wird umgerechnet (siehe Leistungen online). In der Vergleichsgruppe nennt er die Kommunen, die in einer anderen Einheit zählen als die betrachtete und deshalb in den Zeilen in eigener Zähleinheit fehlen."),
        NoteDefinition(kind: .denominatorChanged, title: "Geänderter Nenner",
                       computation: "Erscheint, wenn die Gesamtzahl einer Kommune zwischen zwei Ständen derselben Einheit nicht gleich ist. Er nennt beide Zahlen mit Datum, die Veränderung absolut und in Prozent, und, wo beide Stände eine Zahl online haben, wie sich Zahl und Anteil bewegt haben; bewegen sie sich gegenläufig, sagt er, dass Anteile vor und nach der Änderung nicht vergleichbar sind."),
        NoteDefinition(kind: .differentLevels, title: "Verschiedene Verwaltungsebenen",
                       computation: "Erscheint, wenn die Art der Kommunen (kind in municipality.yaml) verschiedene Verwaltungsebenen bedeutet: Eine kreisfreie Stadt erledigt Gemeinde- und Kreisaufgaben, ein Kreis und eine StädteRegion Kreisaufgaben, eine kreisangehörige Gemeinde Gemeindeaufgaben. Sie sind für verschiedene Leistungen zuständig."),
        NoteDefinition(kind: .snapshotGap, title: "Auseinanderliegende Stände",
                       computation: "Erscheint, wenn die Stände der verglichenen Zahlen mehr als einen Monat auseinanderliegen. Der Abstand wird aus den Daten berechnet (kürzester und längster möglicher Abstand, wo ein Datum nur Monat oder Jahr nennt) und in Monaten genannt, bei gleichen Tagesdaten auch in Tagen."),
        NoteDefinition(kind: .differentScopes, title: "Verschiedener Umfang",
                       computation: "Erscheint bei den Projekten, wenn die Kommunen Projekte verschiedenen Umfangs melden, etwa die eine eine Gesamtzahl aller IT-Projekte, die andere einzelne OZG-Projekte. Er nennt, was jede Kommune meldet."),
        NoteDefinition(kind: .unknownValues, title: "Unbekannte Werte",
                       computation: "Erscheint, wo eine Quelle schweigt: eine Statusgruppe ohne Zahl, ein unbekannter Reifegrad, eine Statusgruppe mit unbekanntem Online-Status oder unbekannter Zugehörigkeit zum Bestand, Leistungen ohne OZG-ID, Projekte ohne Datum oder Umsetzungsweg. Er sagt, wie viele es sind und dass sie nicht als 0 gezählt wurden."),
        NoteDefinition(kind: .approximateValues, title: "Ungefähre Werte",
                       computation: "Erscheint, wenn eine verwendete Zahl als ungefähr gemeldet ist („ca. 190“); Ergebnisse daraus sind ebenfalls ungefähr."),
        NoteDefinition(kind: .dashboardRows, title: "Zeilen des OZG-Dashboards",
                       computation: "Erscheint, wenn Zahlen aus einem Export des OZG-Dashboards stammen. Er sagt, dass die Zeilen Leistungen mit bekanntem Online-Dienst sind und kein Bestand, nennt includeAbove und includeBelow des Exports und wie viele Zeilen mit „aktiv: nein“ oder „nicht in Auswertung berücksichtigt“ nicht mitzählen. Ein zweiter Hinweis erklärt den Nenner des Anteils online oder warum es keinen gibt; bei der EfA-Nachnutzung sagt einer, dass „zentral bereitgestellt“ nur eine Näherung ist."),
        NoteDefinition(kind: .mixedSources, title: "Verschiedene Quellen",
                       computation: "Erscheint, wenn ein neuerer Bericht nur einen Teil der Zahlen nennt (etwa den Bestand ohne Zahl online) oder wenn eine Zahl aus einer anderen Art von Quelle stammt (etwa aus der Projektliste statt aus einer Kennzahl). Zahlen verschiedener Berichte werden nicht miteinander verrechnet."),
    ]

    /// The definition of a metric.
    public static func definition(of id: MetricID) -> MetricDefinition {
        metrics.first { $0.id == id }!
    }

    /// Docs/methodology.md as generated from these definitions: every definition's text, word for word.
    public static func markdown() -> String {
        var lines = ["# Methodik", "",
                     "Wie bench vergleicht: was jede Kennzahl zählt und wann ein Hinweis zur Vergleichbarkeit erscheint. "
                        + "Diese Seite entsteht aus denselben Definitionen, die das Programm verwendet "
                        + "(Packages/Comparison/Sources/Comparison/Methodology.swift); ein Test prüft, dass sie übereinstimmen.", ""]
        for metric in metrics {
            lines += ["## \(metric.title)", "", metric.summary, ""]
            for paragraph in metric.paragraphs { lines += [paragraph, ""] }
        }
        lines += ["## Vergleich mit der Vergleichsgruppe", ""]
        for paragraph in peerView { lines += [paragraph, ""] }
        lines += ["## Hinweise zur Vergleichbarkeit", "",
                  "Jeder Hinweis wird aus den Daten berechnet, nie für eine Kommune von Hand geschrieben.", ""]
        for note in notes {
            lines += ["### \(note.title)", "", note.computation, ""]
        }
        return lines.joined(separator: "\n")
    }
}
