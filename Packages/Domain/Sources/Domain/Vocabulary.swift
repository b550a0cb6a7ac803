/// What a service or tally counts: a bundle of the OZG catalogue, an entry of the LeiKa, or a local service.
public enum CountingUnit: String, Sendable, Hashable, CaseIterable, Codable {
    case ozgLeistung = "ozg-leistung"
    case leikaLeistung = "leika-leistung"
    case local

    public var germanName: String {
        switch self {
        case .ozgLeistung: return "OZG-Leistungen"
        case .leikaLeistung: return "LeiKa-Leistungen"
        case .local: return "lokale Leistungen"
        }
    }
}

/// How a service name was matched to an OZG-Leistung; a person reviews every match that is not exact.
public enum MatchMethod: String, Sendable, Hashable, CaseIterable {
    case exact, normalised, manual, none
    /// The source itself files the service under the OZG-ID (a dashboard row's `ozgid`): a sourced fact, not a match.
    case source
}

/// How widely the federal OZG dashboard says a service is available (its `art_flaechendeckung`), kept per row.
public enum DashboardCoverage: String, Sendable, Hashable, CaseIterable, Codable {
    case federal = "bundesweit flächendeckend"
    case land = "landesweit flächendeckend"
    case kreis = "kreisweit flächendeckend"
    case oneMunicipality = "in mind. einer Kommune verfügbar"
    case notEvaluated = "nicht in Auswertung berücksichtigt"

    /// Offered centrally for every authority (bundes- or landesweit flächendeckend): the dashboard's nearest
    /// thing to EfA availability, never proof of EfA reuse.
    public var isCentral: Bool { self == .federal || self == .land }
}

/// How exact a reported number is: "41", "ca. 190", "mindestens 1".
public enum Qualifier: String, Sendable, Hashable, CaseIterable, Codable {
    case exact, approx
    case atLeast = "at-least"
}

/// Whether a tally row counts one status cluster or all services.
public enum TallyRole: String, Sendable, Hashable, CaseIterable {
    case part, total
}

/// What a project is about: online access to a service (OZG) or any other IT work.
public enum ProjectScope: String, Sendable, Hashable, CaseIterable, Codable {
    case ozg
    case itGeneral = "it-general"

    public var germanName: String {
        switch self {
        case .ozg: return "OZG-Projekte"
        case .itGeneral: return "IT-Projekte allgemein"
        }
    }
}

/// How a service is brought online.
public enum Channel: String, Sendable, Hashable, CaseIterable, Codable {
    case efa, own, vendor, unknown

    public var germanName: String {
        switch self {
        case .efa: return "EfA-Nachnutzung"
        case .own: return "Eigenentwicklung"
        case .vendor: return "Lösung eines Herstellers"
        case .unknown: return "unbekannt"
        }
    }
}

/// Whether a go-live date has happened or is planned.
public enum GoLiveKind: String, Sendable, Hashable, CaseIterable, Codable {
    case actual, planned, unknown
}

/// The common scale a project status word maps to.
public enum ProjectState: String, Sendable, Hashable, CaseIterable, Codable {
    case planned
    case inProgress = "in-progress"
    case live, stopped, open
    /// The source describes the project without saying its state.
    case unknown

    public var germanName: String {
        switch self {
        case .unknown: return "Stand unbekannt"
        case .planned: return "in Vorbereitung"
        case .inProgress: return "in Umsetzung"
        case .live: return "live"
        case .stopped: return "eingestellt"
        case .open: return "offen"
        }
    }
}

/// Units of an indicator value.
public enum IndicatorUnit: String, Sendable, Hashable, CaseIterable, Codable {
    case count, percent, eur
    case starsOf5 = "stars-of-5"
    case rank
    case clicksPerYear = "clicks-per-year"
    case date
}
