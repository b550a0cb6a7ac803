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

    /// The indicators Docs/dataset-format.md lists as the same in every dataset: asking another municipality for one
    /// makes sense.
    static let documented: Set<String> = [
        ozgServicesResponsible, efaAvailable, efaRelevant, efaAdopted, itProjectsPlanned, ozgProjectsInProgress,
        ozgProjectsPlanned, "feedback_ease_of_use", "portal_search_position", "portal_clicks", "workplaces_total",
        "workplaces_home_office", "devices_notebooks", "devices_tablets",
    ]

    /// German names of the documented indicators and of those the bundled datasets add (Docs/dataset-format.md lists
    /// both); an indicator of neither list is shown by the dataset's `label`, else by its identifier (and
    /// `bench validate` warns about it).
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
        // Added by the bundled datasets.
        "leika_split_count": "LeiKa-Leistungen einer Verwaltungsleistung",
        "unit_services_digital_share": "Anteil digital angebotener Leistungen eines Amtes",
        "egovg_nrw_deadline": "Frist nach dem E-Government-Gesetz NRW",
        "ikfz_stage_start": "Start einer i-Kfz-Stufe",
        "leadership_programme_participants": "Teilnehmende des Orientierungsprogramms Führung",
        "personnel_expenses": "Personalaufwendungen",
        "personnel_expenses_payments": "Personalaufwendungen: laufende Auszahlungen an Beamte und Beschäftigte",
        "personnel_expenses_provisions": "Personalaufwendungen: Zuführung zu Rückstellungen",
        "personnel_measure_since": "Personalmaßnahme seit",
        "personnel_reduction_demanded": "geforderter Personalabbau",
        "process_digitisation_since": "Digitalisierung interner Prozesse seit",
        "staff_departures_other_authorities": "Weggänge zu anderen Kommunen oder Behörden",
        "staff_fluctuation_rate": "Fluktuationsrate zu anderen Kommunen",
        "dms_tender_qualified_bidders": "DMS-Ausschreibung: Bieter, die die Anforderungen erfüllen",
        "home_office_requests_pending": "Anträge auf Home-Office in Bearbeitung",
        "mobile_work_agreement_effective": "Dienstvereinbarung Mobile Arbeit in Kraft ab",
        "positions_created": "geschaffene Stellen",
        "digital_unit_founded": "Gründung der Digitalisierungseinheit",
        "beteiligung_participants": "Teilnehmende eines Beteiligungsverfahrens",
    ]

    /// The German label, or the identifier itself for indicators the format does not list.
    static func label(of indicator: String) -> String {
        labels[indicator] ?? indicator
    }

    /// The German name of an indicator row: the format's, else the row's `label`, else the identifier.
    static func label(of indicator: Indicator) -> String {
        labels[indicator.indicator] ?? (indicator.label.isEmpty ? indicator.indicator : indicator.label)
    }

    /// The name with the subject where there is one: "Portal: Klicks pro Jahr – Wohngeld".
    static func labelWithSubject(of indicator: Indicator) -> String {
        indicator.subject.isEmpty ? label(of: indicator) : label(of: indicator) + " – " + indicator.subject
    }

    /// Whether the format documents the indicator, so that asking another municipality for it makes sense.
    static func isDocumented(_ indicator: String) -> Bool { documented.contains(indicator) }
}
