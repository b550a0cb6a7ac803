/// The three comparison axes, plus everything else.
public enum Axis: String, Sendable, Hashable, CaseIterable, Codable {
    case servicesOnline = "services-online"
    case efaUptake = "efa-uptake"
    case projectsPerYear = "projects-per-year"
    case otherIndicators = "other-indicators"

    public var germanName: String {
        switch self {
        case .servicesOnline: return "Leistungen online"
        case .efaUptake: return "EfA-Nachnutzung"
        case .projectsPerYear: return "Projekte pro Jahr"
        case .otherIndicators: return "Weitere Kennzahlen"
        }
    }

    /// The axis an indicator belongs to, by its identifier.
    public static func of(indicator: String) -> Axis {
        if indicator.hasPrefix("efa_") { return .efaUptake }
        if indicator.hasSuffix("_projects_planned") || indicator.hasSuffix("_projects_in_progress")
            || indicator.hasSuffix("_projects_live") || indicator.hasSuffix("_projects_started") {
            return .projectsPerYear
        }
        if indicator.hasPrefix("ozg_services_") { return .servicesOnline }
        return .otherIndicators
    }
}

extension Dataset {
    /// How many figures the dataset has per axis: rows of services, tallies, projects and indicators.
    public var figureCounts: [Axis: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Axis.allCases.map { ($0, 0) })
        counts[.servicesOnline, default: 0] += services.count + tallies.count
        for project in projects {
            counts[.projectsPerYear, default: 0] += 1
            if project.channel == .efa { counts[.efaUptake, default: 0] += 1 }
        }
        for indicator in indicators { counts[Axis.of(indicator: indicator.indicator), default: 0] += 1 }
        return counts
    }
}
