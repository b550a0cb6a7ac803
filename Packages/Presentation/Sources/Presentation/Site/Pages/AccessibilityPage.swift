import Comparison

/// The Erklärung zur Barrierefreiheit that BITV NRW asks of every public body's pages, intranet included.
struct AccessibilityPage: Sendable {
    let path = SitePath.accessibility

    func render(_ site: SiteContext) -> RenderedPage {
        let title = "Erklärung zur Barrierefreiheit"
        let intro: [HTMLNode] = [.p([("class", "einleitung")], [.text(
            "Die herausgebende Stelle ist bemüht, diese Seiten im Einklang mit der Barrierefreie-Informationstechnik-"
                + "Verordnung Nordrhein-Westfalen (BITV NRW) barrierefrei zugänglich zu machen. Diese Erklärung gilt für "
                + "alle Seiten dieser Veröffentlichung.")])]
        var created = "Diese Erklärung wurde zusammen mit den Seiten erzeugt"
        if let date = site.options.generatedAt { created += ", am " + GermanFormat.date(date) }
        created += ". Grundlage ist eine Selbstbewertung; eine Prüfung durch Dritte hat nicht stattgefunden."
        let content: [HTMLNode] = [
            .heading(2, id: "stand", "Stand der Vereinbarkeit mit den Anforderungen"),
            .p("Maßstab ist die Norm EN 301 549, die für Webseiten die Web Content Accessibility Guidelines (WCAG) 2.1 "
                + "in den Stufen A und AA übernimmt. Jede Seite wird vor der Veröffentlichung automatisch in einem Browser "
                + "geprüft: mit axe-core auf die Regeln der WCAG 2.1 A und AA und mit dem Nu HTML Checker auf gültiges HTML. "
                + "Eine automatische Prüfung findet nicht jede Barriere."),
            .heading(2, id: "umsetzung", "Wie die Seiten zugänglich sind"),
            .list([
                .text("Jedes Diagramm hat eine Textbeschreibung, und dieselben Zahlen stehen in einer Tabelle mit Überschriften."),
                .text("Bedeutung wird nie nur durch Farbe vermittelt: Balken und Linien sind beschriftet."),
                .text("Die Seiten brauchen kein JavaScript, laden nichts aus dem Internet und sind mit der Tastatur bedienbar."),
                .text("Die Seiten sind bei 320 Pixel Breite und bei 200 % Vergrößerung lesbar; breite Tabellen lassen sich "
                    + "waagerecht verschieben."),
                .text("Die Tabellen gibt es als CSV-Datei zum Weiterrechnen."),
            ]),
            .heading(2, id: "nicht-barrierefrei", "Nicht barrierefreie Inhalte"),
            .p("Die Namen von Leistungen und Dokumenten stehen so da, wie die Quellen sie schreiben, auch mit Tippfehlern; "
                + "Berichtigungen stehen daneben. Anmerkungen zu den Datensätzen sind teilweise auf Englisch verfasst, weil sie "
                + "für die Prüfung der Daten geschrieben wurden."),
            .heading(2, id: "erstellung", "Erstellung dieser Erklärung"),
            .p(created),
            .heading(2, id: "kontakt", "Feedback und Kontakt"),
            .p("Sind Ihnen Mängel beim barrierefreien Zugang zu diesen Seiten aufgefallen, oder brauchen Sie Inhalte in "
                + "einer anderen Form? Wenden Sie sich bitte an: " + site.options.contact),
            .heading(2, id: "durchsetzung", "Durchsetzungsverfahren"),
            .p("Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die "
                + "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden, die bei der "
                + "Landesbeauftragten für Menschen mit Behinderung eingerichtet ist. Das Verfahren ist kostenlos."),
        ]
        let html = site.layout.page(path, title: title, intro: intro, content: content)
        return RenderedPage(path: path, title: title, html: html, tables: [], footnotes: [:])
    }
}
