/// The kind of authority, which decides the level of government and so the services it is responsible for.
public enum MunicipalityKind: String, Sendable, Hashable, CaseIterable, Codable {
    case kreisfreieStadt = "kreisfreie-stadt"
    case kreis = "kreis"
    case kreisangehoerigeGemeinde = "kreisangehoerige-gemeinde"
    case staedteregion = "staedteregion"
    /// Kinds the Gemeindeverzeichnis names besides those above (its `textkennzeichen`).
    case landkreis = "landkreis"
    case stadtkreis = "stadtkreis"
    case regionalverband = "regionalverband"
    case kreisangehoerigeStadt = "kreisangehoerige-stadt"
    case markt = "markt"
    case grosseKreisstadt = "grosse-kreisstadt"
    /// No register or source says what the authority is: never guessed, so never in a peer group.
    case unknown = "unknown"

    /// The German name, as readers know it.
    public var germanName: String {
        switch self {
        case .kreisfreieStadt: return "kreisfreie Stadt"
        case .kreis: return "Kreis"
        case .kreisangehoerigeGemeinde: return "kreisangehörige Gemeinde"
        case .staedteregion: return "StädteRegion (Gemeindeverband auf Kreisebene)"
        case .landkreis: return "Landkreis"
        case .stadtkreis: return "Stadtkreis"
        case .regionalverband: return "Regionalverband (Gemeindeverband auf Kreisebene)"
        case .kreisangehoerigeStadt: return "kreisangehörige Stadt"
        case .markt: return "Markt"
        case .grosseKreisstadt: return "Große Kreisstadt"
        case .unknown: return "Art unbekannt"
        }
    }

    /// The tasks an authority of this kind executes.
    public var level: GovernmentLevel {
        switch self {
        case .kreisfreieStadt, .stadtkreis: return .municipalAndDistrict
        case .kreis, .landkreis, .staedteregion, .regionalverband: return .district
        case .kreisangehoerigeGemeinde, .kreisangehoerigeStadt, .markt, .grosseKreisstadt: return .municipal
        case .unknown: return .unknown
        }
    }
}

/// Which municipal tasks an authority executes: a kreisfreie Stadt does both, a Kreis only district tasks.
public enum GovernmentLevel: String, Sendable, Hashable, Codable {
    case municipal
    case district
    case municipalAndDistrict = "municipal-and-district"
    /// The kind is unknown, so are the tasks.
    case unknown

    public var germanName: String {
        switch self {
        case .municipal: return "Gemeindeaufgaben"
        case .district: return "Kreisaufgaben"
        case .municipalAndDistrict: return "Gemeinde- und Kreisaufgaben"
        case .unknown: return "Aufgaben unbekannt"
        }
    }
}

/// Who a dataset is about: the contents of `municipality.yaml`.
public struct Municipality: Sendable, Hashable {
    public var slug: Slug
    public var name: String
    public var kind: MunicipalityKind
    public var land: String
    /// Amtlicher Gemeindeschlüssel (8 digits) or a Kreis key (5 digits).
    public var ags: Reported<String>
    /// Amtlicher Regionalschlüssel (12 digits) or a Kreis key (5 digits).
    public var ars: Reported<String>
    /// True for generated workloads (`bench synth`), which never belong in `Datasets/`.
    public var synthetic: Bool
    public var note: String
    /// Inhabitants at a date, with the source that gives them (`population`, `population_date`,
    /// `population_source` in municipality.yaml); nil where the dataset does not say.
    public var population: Population?

    public init(slug: Slug, name: String, kind: MunicipalityKind, land: String,
                ags: Reported<String>, ars: Reported<String>, synthetic: Bool = false, note: String = "",
                population: Population? = nil) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.land = land
        self.ags = ags
        self.ars = ars
        self.synthetic = synthetic
        self.note = note
        self.population = population
    }
}

/// Inhabitants of an authority at a date, as a source gives them (e.g. Destatis, Gemeindeverzeichnis).
public struct Population: Sendable, Hashable, Codable {
    public var count: Int
    public var date: PartialDate
    public var source: String

    public init(count: Int, date: PartialDate, source: String) {
        self.count = count
        self.date = date
        self.source = source
    }
}
