import Domain

/// The indicators Docs/dataset-format.md lists, with the German words a reader sees for them.
enum KnownIndicator {
    static let ozgServicesResponsible = "ozg_services_responsible"
    static let efaAvailable = "efa_services_available"
    static let efaRelevant = "efa_services_relevant"
    static let efaAdopted = "efa_services_adopted"
    static let itProjectsPlanned = "it_projects_planned"
    static let ozgProjectsInProgress = "ozg_projects_in_progress"
    static let ozgProjectsPlanned = "ozg_projects_planned"

    /// German labels of the documented indicators; other indicators are shown by their identifier.
    static let labels: [String: String] = [
        ozgServicesResponsible: "OZG-Leistungen in Zuständigkeit",
        efaAvailable: "EfA-Dienste zur Nachnutzung verfügbar",
        efaRelevant: "davon für die eigene Verwaltungsebene relevant",
        efaAdopted: "EfA-Dienste nachgenutzt (live)",
        itProjectsPlanned: "IT-Projekte und -Maßnahmen geplant",
        ozgProjectsInProgress: "OZG-Projekte in Umsetzung",
        ozgProjectsPlanned: "OZG-Projekte in Vorbereitung",
        "feedback_ease_of_use": "Nationale Feedback-Komponente: Bedienbarkeit",
        "portal_search_position": "Portal: durchschnittliche Position in Suchergebnissen",
        "portal_clicks": "Portal: Klicks pro Jahr",
        "workplaces_total": "Bildschirmarbeitsplätze",
        "workplaces_home_office": "Arbeitsplätze mit Home-Office",
        "devices_notebooks": "Notebooks",
        "devices_tablets": "Tablets",
    ]

    /// The German label, or the identifier itself for indicators the format does not list.
    static func label(of indicator: String) -> String {
        labels[indicator] ?? indicator
    }

    /// The label with the subject where there is one: "Portal: Klicks pro Jahr – Wohngeld".
    static func label(of indicator: Indicator) -> String {
        indicator.subject.isEmpty ? label(of: indicator.indicator) : label(of: indicator.indicator) + " – " + indicator.subject
    }

    /// Whether the format documents the indicator, so that asking another municipality for it makes sense.
    static func isDocumented(_ indicator: String) -> Bool { labels[indicator] != nil }
}
