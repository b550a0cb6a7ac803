import Domain
import Foundation

/// A seeded, deterministic workload in the ordinary dataset format: many municipalities of mixed kinds with
/// LeiKa-level status records over yearly snapshots, projects, EfA figures and indicators.
///
/// Synthetic datasets say `synthetic: true` in their metadata; `bench synth` never writes into a folder that holds
/// real datasets.
public struct SyntheticWorkload: Sendable {
    public var municipalities: Int
    public var snapshots: Int
    public var seed: UInt64
    /// The catalogue whose Typisierung decides which services each level executes; nil for a synthetic one.
    public var catalogue: [LeikaService]?
    /// The year of the first snapshot.
    public var firstYear = 2023

    public init(municipalities: Int = 427, snapshots: Int = 3, seed: UInt64 = 1, catalogue: [LeikaService]? = nil) {
        self.municipalities = municipalities
        self.snapshots = snapshots
        self.seed = seed
        self.catalogue = catalogue
    }

    /// What was written.
    public struct Summary: Sendable, Equatable {
        public var municipalities = 0
        public var statusRows = 0
        public var projects = 0
        public var indicators = 0
        public var bytes = 0
    }

    /// The kinds of the municipalities, in NRW's proportions: 23 kreisfreie Städte, 373 kreisangehörige Gemeinden,
    /// 30 Kreise and 1 StädteRegion of 427 authorities.
    public func kinds() -> [MunicipalityKind] {
        let shares: [(MunicipalityKind, Int)] = [(.kreisangehoerigeGemeinde, 373), (.kreisfreieStadt, 23), (.kreis, 30), (.staedteregion, 1)]
        var kinds: [MunicipalityKind] = []
        // Largest remainder first, so that every size keeps the mix as close as whole numbers allow.
        var counts = shares.map { ($0.0, $0.1 * municipalities / 427, Double($0.1 * municipalities % 427)) }
        var missing = municipalities - counts.map(\.1).reduce(0, +)
        for index in counts.indices.sorted(by: { counts[$0].2 > counts[$1].2 }) where missing > 0 {
            counts[index].1 += 1
            missing -= 1
        }
        // Interleave the kinds so that any prefix of the list is mixed too.
        var remaining = counts.map(\.1)
        while kinds.count < municipalities {
            for (index, share) in counts.enumerated() where remaining[index] > 0 {
                kinds.append(share.0)
                remaining[index] -= 1
            }
        }
        return kinds
    }

    /// The catalogue in use: the given one, or 6,500 synthetic LeiKa entries in 560 bundles with the real
    /// extract's mix of Typisierungen.
    public func effectiveCatalogue() -> [LeikaService] {
        if let catalogue { return catalogue }
        var random = SplitMix64(seed: seed ^ 0xCA7A_106E)
        let types: [(String, Int)] = [("2/3", 72), ("4", 12), ("5", 8), ("6", 2), ("1", 6)]
        return (0..<6500).map { index in
            var roll = Int(random.next() % 100)
            var typ = "2/3"
            for (candidate, share) in types {
                if roll < share { typ = candidate; break }
                roll -= share
            }
            let key = LeikaKey("99" + String(format: "%012d", 100_000_000 + index * 37))!
            return LeikaService(key: key, name: "Synthetische Leistung \(index + 1)", typ: typ, ozgID: OzgID(10_000 + index % 560))
        }
    }

    /// Whether an authority of `level` executes a service of Typisierung `typ`.
    static func executes(_ level: GovernmentLevel, typ: String) -> Bool {
        let parts = Set(typ.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init))
        let municipal: Set<String> = ["2/3", "3", "5", "6"], district: Set<String> = ["2/3", "3", "4"]
        switch level {
        case .municipal: return !parts.isDisjoint(with: municipal)
        case .district: return !parts.isDisjoint(with: district)
        case .municipalAndDistrict: return !parts.isDisjoint(with: municipal.union(district))
        case .unknown: return false
        }
    }

    static let statusWords = ["Analog", "PDF", "Digital", "Projekt in Umsetzung", "Kein Optimierungspotenzial"]

    /// Writes `Datasets/` with one folder per municipality and the reference data into `root`.
    public func write(to root: URL) throws(StorageError) -> Summary {
        let workspace = Workspace(root: root)
        let datasets = workspace.datasetsDirectory
        let fileManager = FileManager.default
        for slug in workspace.slugs() {
            let reading = workspace.read(slug)
            guard reading.dataset?.municipality.synthetic == true else {
                throw .fileSystem(path: workspace.displayPath(workspace.directory(of: slug)),
                                  reason: "is not a synthetic dataset; bench synth writes only into a folder of synthetic data (choose another --out)")
            }
        }
        let catalogue = effectiveCatalogue()
        var summary = Summary()
        do {
            try fileManager.createDirectory(at: workspace.referenceDirectory, withIntermediateDirectories: true)
            let reference = referenceTable(catalogue)
            try Data(reference.utf8).write(to: workspace.referenceDirectory.appendingPathComponent(TableSchema.ozgReference.fileName))
            summary.bytes += reference.utf8.count
            for (index, kind) in kinds().enumerated() {
                let folder = datasets.appendingPathComponent(Self.slug(index))
                if fileManager.fileExists(atPath: folder.path) { try fileManager.removeItem(at: folder) }
                try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
                for (file, text) in municipalityFiles(index: index, kind: kind, catalogue: catalogue, summary: &summary) {
                    try Data(text.utf8).write(to: folder.appendingPathComponent(file.rawValue))
                    summary.bytes += text.utf8.count
                }
                summary.municipalities += 1
            }
        } catch {
            throw .fileSystem(path: workspace.displayPath(datasets), reason: "cannot be written (\(error.localizedDescription))")
        }
        return summary
    }

    static func slug(_ index: Int) -> String { "synth-" + String(format: "%04d", index + 1) }

    func snapshotDate(_ number: Int) -> PartialDate { PartialDate(year: firstYear + number, month: 6, day: 30)! }

    func referenceTable(_ catalogue: [LeikaService]) -> String {
        var counts: [OzgID: (Int, Int)] = [:]
        for service in catalogue {
            guard let id = service.ozgID else { continue }
            counts[id, default: (0, 0)].0 += 1
            if service.isMunicipal { counts[id, default: (0, 0)].1 += 1 }
        }
        var text = CSVWriter.row(TableSchema.ozgReference.columns) + "\n"
        for (id, count) in counts.sorted(by: { $0.key < $1.key }) {
            text += CSVWriter.row([id.description, "Synthetische OZG-Leistung \(id)", "Synthetisch", "", String(count.0), String(count.1),
                                   "synthetic: counts from the catalogue bench synth used"]) + "\n"
        }
        return text
    }

    func municipalityFiles(index: Int, kind: MunicipalityKind, catalogue: [LeikaService],
                           summary: inout Summary) -> [(DatasetFile, String)] {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let slug = Self.slug(index)
        let number = String(format: "%04d", index + 1)
        let kindName: String = switch kind {
        case .kreisfreieStadt: "Stadt"
        case .kreisangehoerigeGemeinde: "Gemeinde"
        case .kreis: "Kreis"
        case .staedteregion: "StädteRegion"
        default: kind.germanName
        }
        let metadata = MetadataWriter.yaml(for: Municipality(
            slug: Slug(slug)!, name: "\(kindName) Synthetisch \(number)", kind: kind, land: "Nordrhein-Westfalen",
            ags: .unknown, ars: .unknown, synthetic: true,
            note: "Erzeugt von bench synth (Startwert \(seed)); keine echten Daten."))

        var sources = CSVWriter.row(TableSchema.sources.columns) + "\n"
        for snapshot in 0..<snapshots {
            let date = snapshotDate(snapshot)
            sources += CSVWriter.row(["bericht-\(date.year)", "Synthetischer Sachstandsbericht \(date.year)", "bericht",
                                      "SYN/\(date.year)/\(number)", date.description, "Digitalisierungsausschuss", "", "synthetic"]) + "\n"
        }
        let firstSource = "bericht-\(firstYear)"
        let mapping = CSVWriter.row(TableSchema.statusMapping.columns) + "\n" + [
            ["Analog", "0", "1.x", "no", "yes", "", firstSource, ""],
            ["PDF", "1", "1.x", "no", "yes", "", firstSource, ""],
            ["Digital", "3", "1.x", "yes", "yes", "", firstSource, ""],
            ["Projekt in Umsetzung", "1", "1.x", "no", "yes", "", firstSource, ""],
            ["Kein Optimierungspotenzial", "unknown", "1.x", "unknown", "no", "", firstSource, ""],
            ["In Vorbereitung", "unknown", "1.x", "no", "yes", "planned", firstSource, ""],
            ["In Umsetzung", "unknown", "1.x", "no", "yes", "in-progress", firstSource, ""],
            ["Live", "unknown", "1.x", "yes", "yes", "live", firstSource, ""],
        ].map(CSVWriter.row).joined(separator: "\n") + "\n"

        // Status records: each executed service starts in a state drawn from the municipality's progress and moves
        // forward from snapshot to snapshot, as real programmes do.
        let level = kind.level
        let progress = 15 + Int(random.next() % 40)
        var services = CSVWriter.row(TableSchema.services.columns) + "\n"
        services.reserveCapacity(catalogue.count * snapshots * 110)
        var states: [Int] = []
        var executed: [LeikaService] = []
        for service in catalogue where Self.executes(level, typ: service.typ) && random.next() % 100 < 97 {
            executed.append(service)
            let roll = Int(random.next() % 100)
            states.append(roll < 12 ? 4 : roll < 12 + progress ? 2 : roll < 50 + progress / 2 ? 1 : roll < 85 ? 0 : 3)
        }
        for snapshot in 0..<snapshots {
            let date = snapshotDate(snapshot).description
            let source = "bericht-\(firstYear + snapshot)"
            for (position, service) in executed.enumerated() {
                if snapshot > 0 {
                    // A project finishes with 60 %; an analog or PDF service gets a project (15 %) or goes online (5 %).
                    let roll = random.next() % 100
                    let state = states[position]
                    if state == 3 && roll < 60 {
                        states[position] = 2
                    } else if state <= 1 && roll < 15 {
                        states[position] = 3
                    } else if state <= 1 && roll < 20 {
                        states[position] = 2
                    }
                }
                services += date + "," + CSVWriter.cell(service.name) + ",,leika-leistung,"
                    + (service.ozgID.map(\.description) ?? "unknown") + "," + service.key.rawValue + ","
                    + (service.ozgID == nil ? "none" : "exact") + "," + Self.statusWords[states[position]] + ",," + source + ",\n"
                summary.statusRows += 1
            }
        }

        var projects = CSVWriter.row(TableSchema.projects.columns) + "\n"
        let lastSnapshot = snapshotDate(snapshots - 1)
        let projectCount = 5 + Int(random.next() % 36)
        for project in 0..<projectCount {
            let startYear = firstYear - 3 + Int(random.next() % UInt64(3 + snapshots))
            let start = PartialDate(year: min(startYear, lastSnapshot.year), month: 1 + Int(random.next() % 12))!
            let duration = 3 + Int(random.next() % 24)
            let goLiveMonth = start.month! - 1 + duration
            let goLive = PartialDate(year: start.year + goLiveMonth / 12, month: goLiveMonth % 12 + 1)!
            let live = goLive.latestDay.dayNumber <= lastSnapshot.earliestDay.dayNumber
            let started = start.earliestDay.dayNumber <= lastSnapshot.earliestDay.dayNumber
            let channel = ["efa", "own", "vendor", "efa", "own", "vendor", "unknown"][Int(random.next() % 7)]
            let scope = random.next() % 10 < 7 ? "ozg" : "it-general"
            let ozgID = scope == "ozg" ? (catalogue[Int(random.next() % UInt64(catalogue.count))].ozgID?.description ?? "unknown") : "none"
            projects += CSVWriter.row([
                "p\(project + 1)", "Synthetisches Projekt \(project + 1)", scope, ozgID, started ? start.description : "unknown",
                goLive.description, live ? "actual" : "planned", live ? "Live" : started ? "In Umsetzung" : "In Vorbereitung",
                lastSnapshot.description, channel, channel == "efa" ? start.description : "", "none",
                "bericht-\(lastSnapshot.year)", "",
            ]) + "\n"
            summary.projects += 1
        }

        var indicators = CSVWriter.row(TableSchema.indicators.columns) + "\n"
        let relevantShare = level == .district ? 30 : 70
        var adopted = 0
        for snapshot in 0..<snapshots {
            let date = snapshotDate(snapshot)
            let available = 12 + 7 * snapshot
            let relevant = available * relevantShare / 100
            adopted = min(relevant, adopted + Int(random.next() % 4))
            let rows: [[String]] = [
                ["efa_services_available", String(available), "count", date.description, "", "exact", "", "bericht-\(date.year)", ""],
                ["efa_services_relevant", String(relevant), "count", date.description, "", "exact", "", "bericht-\(date.year)", ""],
                ["efa_services_adopted", String(adopted), "count", date.description, "", "exact", "", "bericht-\(date.year)", ""],
                ["it_projects_planned", String(20 + Int(random.next() % 200)), "count", date.description, String(date.year), "exact", "",
                 "bericht-\(date.year)", ""],
                ["workplaces_home_office", String(100 + Int(random.next() % 2000)), "count", date.description, "", "approx", "",
                 "bericht-\(date.year)", ""],
            ]
            for row in rows { indicators += CSVWriter.row(row) + "\n" }
            summary.indicators += rows.count
        }
        let tallies = CSVWriter.row(TableSchema.tallies.columns) + "\n"
        return [(.municipality, metadata), (.sources, sources), (.statusMapping, mapping), (.services, services),
                (.tallies, tallies), (.projects, projects), (.indicators, indicators)]
    }
}

/// A small, fast, seedable random number generator (SplitMix64), so that the same seed gives the same workload on
/// every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SyntheticWorkload {
    /// The LeiKa entries (with a 14-digit key) of a catalogue file, in either format `bench import-catalogue` reads.
    public static func readCatalogue(_ url: URL) throws(StorageError) -> [LeikaService] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .fileSystem(path: url.path, reason: "cannot be read (\(error.localizedDescription))")
        }
        let reading = CatalogueReading(data: data, file: url.path)
        guard !reading.leika.isEmpty else {
            throw .invalidInput(reading.findings.hasErrors ? reading.findings
                : [Finding(.error, at: Location(file: url.path, line: 1, column: 1), code: "no-leika",
                           found: "the file holds no LeiKa entries", expected: "pass a LeiKa catalogue (leika_leistungen.csv or the FIM portal's CSV)")])
        }
        return reading.leika.map { entry in
            LeikaService(key: entry.key, name: entry.name, typ: entry.typ ?? "", ozgID: entry.ozgID.value ?? nil)
        }
    }
}
