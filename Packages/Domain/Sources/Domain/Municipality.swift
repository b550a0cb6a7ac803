/// The kind of authority, which decides the level of government and so the services it is responsible for.
public enum MunicipalityKind: String, Sendable, Hashable, CaseIterable, Codable {
    case kreisfreieStadt = "kreisfreie-stadt"
    case kreis = "kreis"
    case kreisangehoerigeGemeinde = "kreisangehoerige-gemeinde"
    case staedteregion = "staedteregion"

    /// The German name, as readers know it.
    public var germanName: String {
        switch self {
        case .kreisfreieStadt: return "kreisfreie Stadt"
        case .kreis: return "Kreis"
        case .kreisangehoerigeGemeinde: return "kreisangehörige Gemeinde"
        case .staedteregion: return "StädteRegion (Gemeindeverband auf Kreisebene)"
        }
    }

    /// The tasks an authority of this kind executes.
    public var level: GovernmentLevel {
        switch self {
        case .kreisfreieStadt: return .municipalAndDistrict
        case .kreis, .staedteregion: return .district
        case .kreisangehoerigeGemeinde: return .municipal
        }
    }
}

/// Which municipal tasks an authority executes: a kreisfreie Stadt does both, a Kreis only district tasks.
public enum GovernmentLevel: String, Sendable, Hashable, Codable {
    case municipal
    case district
    case municipalAndDistrict = "municipal-and-district"

    public var germanName: String {
        switch self {
        case .municipal: return "Gemeindeaufgaben"
        case .district: return "Kreisaufgaben"
        case .municipalAndDistrict: return "Gemeinde- und Kreisaufgaben"
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

    public init(slug: Slug, name: String, kind: MunicipalityKind, land: String,
                ags: Reported<String>, ars: Reported<String>, synthetic: Bool = false, note: String = "") {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.land = land
        self.ags = ags
        self.ars = ars
        self.synthetic = synthetic
        self.note = note
    }
}
