/// German names of the indicators of Docs/dataset-format.md; an indicator without one shows its identifier.
enum IndicatorName {
    static func german(_ indicator: String) -> String { names[indicator] ?? indicator }

    private static let names: [String: String] = [
        "ozg_services_responsible": "OZG-Leistungen in Zuständigkeit",
        "efa_services_available": "EfA-Leistungen zur Nachnutzung verfügbar",
        "efa_services_relevant": "davon für die Kommune nutzbar",
        "efa_services_adopted": "EfA-Leistungen nachgenutzt (live)",
        "it_projects_planned": "IT-Projekte und -Maßnahmen geplant",
        "ozg_projects_in_progress": "OZG-Projekte in Umsetzung",
        "ozg_projects_planned": "OZG-Projekte in Vorbereitung",
        "feedback_ease_of_use": "Nutzerfeedback: Bedienbarkeit",
        "portal_search_position": "Portal: durchschnittliche Position in Suchergebnissen",
        "portal_clicks": "Portal: Klicks pro Jahr",
        "workplaces_total": "Bildschirmarbeitsplätze",
        "workplaces_home_office": "Arbeitsplätze mit Homeoffice",
        "devices_notebooks": "Notebooks",
        "devices_tablets": "Tablets",
    ]
}
