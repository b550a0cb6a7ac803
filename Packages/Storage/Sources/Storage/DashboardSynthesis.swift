import Domain
import Foundation

/// A seeded, deterministic export of the federal OZG dashboard in the shape of `/v1/data`'s JSON pages: rows of N
/// authorities, for tests and for the benchmark of `bench import-dashboard`.
///
/// The authorities are those of Land 05 (NRW) in the register where it has them (so the import finds them there),
/// spread evenly over the register's list so that any N keeps NRW's mix of kinds; beyond NRW's, those of the other
/// Länder of the register in the order of their codes (a quarter of Germany: NRW, Schleswig-Holstein, Hamburg,
/// Niedersachsen, Bremen, part of Hessen); without a register, synthetic authorities in NRW's mix. Each authority gets rows for a share of the LeiKa-Leistungen its level executes by the catalogue's
/// Typisierung (as `SyntheticWorkload.executes` decides), with a mix of art_flaechendeckung, some `nicht ok` and some
/// `aktiv: nein`. Synthetic: the rows are not real data and say so in their URLs (`synthetisch.example`).
public struct SyntheticDashboardExport: Sendable {
    public var authorities: Int
    public var seed: UInt64
    /// Rows per JSON page (the API pages by a `size`).
    public var pageSize: Int
    public var register: MunicipalityRegister
    /// The catalogue whose Typisierung decides which services each level executes; nil for the synthetic one.
    public var catalogue: [LeikaService]?

    public init(authorities: Int = 427, seed: UInt64 = 1, pageSize: Int = 5000, register: MunicipalityRegister,
                catalogue: [LeikaService]? = nil) {
        self.authorities = authorities
        self.seed = seed
        self.pageSize = pageSize
        self.register = register
        self.catalogue = catalogue
    }

    public struct Summary: Sendable, Equatable {
        public var authorities = 0
        public var rows = 0
        public var pages = 0
        public var bytes = 0
        /// Authorities taken from the register (the others are synthetic and not in it).
        public var fromRegister = 0
    }

    /// One authority of the export.
    struct Authority {
        var ars: String
        var name: String
        var kind: MunicipalityKind
        /// The Land's code and name, as the export's `ars_federal_state` and `bundesland` give them.
        var landCode = "05"
        var land = "Nordrhein-Westfalen"
    }

    /// The authorities: NRW's from the register, evenly spread; more than NRW has: all of NRW's, then those of the
    /// other Länder in the order of their codes (whole Länder, each by ARS), as far as the register has them; without
    /// a register, synthetic ones in NRW's mix of kinds.
    func chosenAuthorities() -> [Authority] {
        let known = register.entries.filter { $0.kind != .unknown }
        let nrw = known.filter { $0.landCode == "05" }.sorted { $0.ars < $1.ars }
        func authority(_ entry: RegisterEntry) -> Authority {
            Authority(ars: entry.ars.count == 5 ? entry.ars + "0000000" : entry.ars, name: entry.name, kind: entry.kind,
                      landCode: entry.landCode, land: entry.land)
        }
        if !nrw.isEmpty {
            guard authorities > nrw.count else {
                return (0..<authorities).map { authority(nrw[$0 * nrw.count / authorities]) }
            }
            let others = known.filter { $0.landCode != "05" }.sorted { ($0.landCode, $0.ars) < ($1.landCode, $1.ars) }
            return (nrw + others.prefix(authorities - nrw.count)).map(authority)
        }
        return SyntheticWorkload(municipalities: authorities, seed: seed).kinds().enumerated().map { index, kind in
            let number = String(format: "%04d", index + 1)
            // Kreis 999 of Regierungsbezirk 9 does not exist in NRW: these keys name no real authority.
            return Authority(ars: "05999" + String(format: "%07d", index + 1), name: "\(kind.germanName) Synthetisch \(number)", kind: kind)
        }
    }

    /// The rows of one authority, as JSON objects and as CSV rows (same order, same values).
    struct Row {
        var key: String, name: String, ozgID: String, ozgName: String, url: String, online: Bool, active: Bool
        var coverage: DashboardCoverage
    }

    func rows(of authority: Authority, index: Int, catalogue: [LeikaService], ozgNames: [OzgID: String]) -> [Row] {
        var random = SplitMix64(seed: seed &+ 0xDA5B_0A2D &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        // The dashboard knows an online service for a few of the services a level executes (Leverkusen: 475).
        let share = 6 + Int(random.next() % 7)
        let notOK = 3 + Int(random.next() % 10)
        let level = authority.kind.level
        var rows: [Row] = []
        for service in catalogue where SyntheticWorkload.executes(level, typ: service.typ) && Int(random.next() % 100) < share {
            let roll = Int(random.next() % 100)
            let coverage: DashboardCoverage = roll < 15 ? .federal : roll < 32 ? .land : roll < 50 ? (level == .municipal ? .kreis : .oneMunicipality)
                : roll < 92 ? .oneMunicipality : .notEvaluated
            let online = Int(random.next() % 100) >= notOK
            let active = random.next() % 100 >= 3
            let ozg = service.ozgID.map(\.description) ?? ""
            rows.append(Row(key: service.key.rawValue, name: service.name, ozgID: ozg, ozgName: service.ozgID.flatMap { ozgNames[$0] } ?? "",
                            url: "https://synthetisch.example/\(authority.ars)/\(service.key.rawValue)", online: online, active: active,
                            coverage: coverage))
        }
        return rows
    }

    /// Writes `page-0001.json` ... into `directory` and, where `csv` is given, the same rows as one CSV file there.
    public func write(to directory: URL, csv: URL? = nil) throws(StorageError) -> Summary {
        let catalogue = SyntheticWorkload(seed: seed, catalogue: catalogue).effectiveCatalogue()
        var ozgNames: [OzgID: String] = [:]
        for service in catalogue { if let id = service.ozgID, ozgNames[id] == nil { ozgNames[id] = "Synthetische OZG-Leistung \(id)" } }
        var summary = Summary()
        let chosen = chosenAuthorities()
        summary.authorities = chosen.count
        summary.fromRegister = chosen.filter { DashboardImportOptions(register: register).entry($0.ars) != nil }.count
        // Each authority's rows as JSON objects; then pages of `pageSize` of them.
        var objects: [String] = []
        var csvText = csv == nil ? "" : CSVWriter.row(Self.fields) + "\n"
        for (index, authority) in chosen.enumerated() {
            for row in rows(of: authority, index: index, catalogue: catalogue, ozgNames: ozgNames) {
                let values = [row.key, row.name, authority.ars, authority.name, authority.landCode, authority.land, row.ozgID, row.ozgName, row.url,
                              row.online ? "ok" : "nicht ok", row.active ? "ja" : "nein", row.coverage.rawValue]
                objects.append("{" + zip(Self.fields, values).map { field, value in
                    "\"\(field)\":" + (field == "ozgid" && !value.isEmpty ? value : Self.jsonString(value))
                }.joined(separator: ",") + "}")
                if csv != nil { csvText += CSVWriter.row(values) + "\n" }
            }
        }
        summary.rows = objects.count
        let pageCount = max(1, (objects.count + pageSize - 1) / pageSize)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for page in 0..<pageCount {
                let slice = objects[min(page * pageSize, objects.count)..<min((page + 1) * pageSize, objects.count)]
                let text = "{\"content\":[" + slice.joined(separator: ",") + "],\"pageable\":{\"pageNumber\":\(page),\"pageSize\":\(pageSize)},"
                    + "\"totalPages\":\(pageCount),\"totalElements\":\(objects.count),\"last\":\(page == pageCount - 1),\"number\":\(page),"
                    + "\"size\":\(pageSize),\"numberOfElements\":\(slice.count),\"first\":\(page == 0),\"empty\":\(slice.isEmpty)}\n"
                try Data(text.utf8).write(to: directory.appendingPathComponent(String(format: "page-%04d.json", page + 1)))
                summary.bytes += text.utf8.count
                summary.pages += 1
            }
            if let csv { try Data(csvText.utf8).write(to: csv) }
        } catch {
            throw .fileSystem(path: directory.path, reason: "cannot be written (\(error.localizedDescription))")
        }
        return summary
    }

    static let fields = ["leika_key", "leika_name", "ars", "ars_name", "ars_federal_state", "bundesland", "ozgid", "ozg_bezeichnung", "url",
                         "online_status", "aktiv", "art_flaechendeckung"]

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
