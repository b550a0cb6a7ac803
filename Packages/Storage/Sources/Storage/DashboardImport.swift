import Domain
import Foundation

/// What `bench import-dashboard` may add to what the export says.
public struct DashboardImportOptions: Sendable {
    /// The date the figures are valid for (the day of the download), where the export does not give one itself.
    public var snapshot: PartialDate?
    /// For a new dataset folder of one authority: the official name, kind and Land (else from the register, else from
    /// the export's ars_name and bundesland).
    public var name: String?
    public var kind: MunicipalityKind?
    public var land: String?
    /// How the export was made: with the rows of the units above (Kreis, Land, Bund) and below (a Kreis's towns); the
    /// API's defaults are true.
    public var includeAbove: Bool
    public var includeBelow: Bool
    /// The municipality register: names, kinds, Länder and population of new datasets, and their slugs.
    public var register: MunicipalityRegister

    public init(snapshot: PartialDate? = nil, name: String? = nil, kind: MunicipalityKind? = nil, land: String? = nil,
                includeAbove: Bool = true, includeBelow: Bool = true, register: MunicipalityRegister = MunicipalityRegister([])) {
        self.snapshot = snapshot
        self.name = name
        self.kind = kind
        self.land = land
        self.includeAbove = includeAbove
        self.includeBelow = includeBelow
        self.register = register
    }

    /// The register's entry of an ARS; a Kreis written with 12 digits (`053340000000`) is found by its 5.
    func entry(_ ars: String) -> RegisterEntry? {
        if let entry = register[ars: ars] { return entry }
        if ars.count == 12, ars.hasSuffix("0000000") { return register[ars: String(ars.prefix(5))] }
        return nil
    }

    /// The Länder by their 2-digit code, for rows without `bundesland`.
    public static let landNames = [
        "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen", "05": "Nordrhein-Westfalen", "06": "Hessen",
        "07": "Rheinland-Pfalz", "08": "Baden-Württemberg", "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg",
        "13": "Mecklenburg-Vorpommern", "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen",
    ]
}

/// What `importDashboard` wrote for one authority.
public struct DashboardImportReport: Sendable {
    public var slug: Slug
    public var ars: String
    /// True where the dataset folder was created.
    public var created: Bool
    /// True where a file's bytes changed (false for the same export imported again).
    public var changed: Bool
    public var snapshot: PartialDate
    public var sourceID: String
    /// Rows written to services.csv, and of those with online_status `ok`.
    public var rows: Int
    public var online: Int
    /// Rows of an earlier import of the same export date that were replaced.
    public var replaced: Int
    /// Status words added to status_mapping.csv.
    public var addedStatusWords: [String]
    /// Warnings of the import and of the dataset's validation afterwards.
    public var findings: [Finding]
}

/// What an import of many authorities did: the datasets written, the authorities refused with their findings, and
/// the slugs that had to be told apart.
public struct DashboardBatchReport: Sendable {
    public struct Refused: Sendable {
        public var ars: String
        public var name: String
        public var slug: Slug?
        public var findings: [Finding]
    }

    public var snapshot: PartialDate
    public var imported: [DashboardImportReport] = []
    public var refused: [Refused] = []
    /// Names that give the same slug, with the slugs chosen instead (only those among the authorities imported).
    public var collisions: [DashboardSlugs.Collision] = []
    /// Rows left out by `--land` / `--ars`.
    public var filteredRows = 0
    /// Warnings about the export as a whole.
    public var findings: [Finding] = []
}

/// The dataset slug of every authority of the register, from its name: `Leverkusen, Stadt` -> `leverkusen`
/// (umlauts ae, oe, ue, ß ss); a Kreis-level unit whose name does not say so gets `kreis-` (`Kleve` -> `kreis-kleve`,
/// beside `Kleve, Stadt` -> `kleve`). Where names still give the same slug, each is told apart by its Kreis's name, then
/// by its ARS. Computed over the whole register, so that an authority's slug
/// does not depend on which others are imported with it.
public struct DashboardSlugs: Sendable {
    public struct Collision: Sendable, Hashable {
        /// The slug the names share.
        public var base: String
        /// The authorities (ARS, name) and the slug each got.
        public var members: [Member]

        public struct Member: Sendable, Hashable {
            public var ars: String
            public var name: String
            public var slug: Slug
        }
    }

    public private(set) var slugs: [String: Slug] = [:]
    public private(set) var collisions: [String: Collision] = [:]

    public init(register: MunicipalityRegister) {
        func base(_ name: String) -> String {
            let short = name.split(separator: ",", maxSplits: 1).first.map(String.init) ?? name
            return Workspace.suggestedSlug(short) ?? Workspace.suggestedSlug(name) ?? ""
        }
        // A Kreis-level unit whose name does not say so (`Kleve` beside `Kleve, Stadt`) gets `kreis-`.
        func candidate(_ entry: RegisterEntry) -> String {
            let name = base(entry.name)
            guard entry.kind.level == .district, !name.contains("kreis"), !name.contains("region"), !name.contains("verband") else { return name }
            return String(("kreis-" + name).prefix(63))
        }
        var groups: [String: [RegisterEntry]] = [:]
        for entry in register.entries { groups[candidate(entry), default: []].append(entry) }
        let taken = Set(groups.keys)
        for (name, members) in groups.sorted(by: { $0.key < $1.key }) {
            if members.count == 1, let slug = Slug(name) {
                slugs[members[0].ars] = slug
                continue
            }
            // Told apart by the Kreis's name (`neustadt-bad-duerkheim`); what still collides, or is no slug, by the ARS.
            var chosen: [String: String] = [:]
            for entry in members {
                let kreis = register[ars: entry.kreis].map { base($0.name) } ?? entry.kreis
                chosen[entry.ars] = entry.kreis == entry.ars || kreis.isEmpty ? name + "-" + entry.ars : name + "-" + kreis
            }
            let counts = Dictionary(grouping: chosen.values, by: { $0 }).mapValues(\.count)
            var result: [Collision.Member] = []
            for entry in members.sorted(by: { $0.ars < $1.ars }) {
                var text = String(chosen[entry.ars]!.prefix(63))
                if counts[chosen[entry.ars]!, default: 0] > 1 || taken.contains(text) || Slug(text) == nil {
                    text = String(((name.isEmpty ? "ars" : name) + "-" + entry.ars).suffix(63))
                }
                let slug = Slug(text) ?? Slug("ars-" + entry.ars)!
                slugs[entry.ars] = slug
                result.append(Collision.Member(ars: entry.ars, name: entry.name, slug: slug))
            }
            let collision = Collision(base: name, members: result)
            for member in result { collisions[member.ars] = collision }
        }
    }

    /// The slug of an authority the register does not know: from the export's name where it gives one, else `ars-` and
    /// its key; with the ARS appended where that slug belongs to an authority of the register.
    public func slug(unknownARS ars: String, name: String) -> Slug {
        let short = name.split(separator: ",", maxSplits: 1).first.map(String.init) ?? name
        let base = Workspace.suggestedSlug(short) ?? "ars"
        let taken = Set(slugs.values.map(\.rawValue))
        if base != "ars", !taken.contains(base), let slug = Slug(base) { return slug }
        return Slug(String((base + "-" + ars).prefix(63))) ?? Slug("ars-" + ars)!
    }
}

extension Workspace {
    /// Writes a dashboard export of one authority into `Datasets/<slug>/` as ordinary dataset rows: LeiKa-level
    /// services.csv rows with the dashboard's own status words, their mapping, and a `dashboard-export` source.
    ///
    /// Nothing is written unless the resulting dataset validates. Each file is written to a temporary file and
    /// renamed into place, in an order where every intermediate state is a valid dataset (the mapping and the
    /// source first, the rows that use them last); a new folder appears whole or not at all.
    public func importDashboard(_ export: DashboardExport, into slug: Slug,
                                options: DashboardImportOptions = DashboardImportOptions()) throws(StorageError) -> DashboardImportReport {
        guard !export.findings.hasErrors else { throw .invalidInput(export.findings) }
        let place = Location(file: export.files.first ?? "export", line: 1, column: 1)
        guard let first = export.rows.first else {
            throw .invalidInput([Finding(.error, at: place, code: "empty-export", found: "the export has no rows",
                                         expected: "export the municipality's services from the dashboard and pass that file")])
        }
        if let other = export.rows.first(where: { $0.ars != first.ars }) {
            throw .invalidInput([Finding(.error, at: other.origin, code: "mixed-municipalities",
                                         found: "ars is \(other.ars) here but \(first.ars) at \(first.origin)",
                                         expected: "import one municipality's export with --municipality, or leave it out to write one dataset per authority (--ars picks some)")])
        }
        let snapshot = try Self.snapshot(export, options, place)
        let (reference, referenceFindings) = readReference()
        guard !referenceFindings.hasErrors else { throw .invalidInput(referenceFindings) }
        return try writeDashboardRows(export.rows[...], of: first.ars, into: slug, snapshot: snapshot, files: export.files, options: options,
                                      reference: reference, exportFindings: export.findings, place: place)
    }

    /// Writes a dashboard export of many authorities (the `/v1/data` pages of all Germany, or many per-ARS files),
    /// one dataset per authority: an existing dataset of the same ARS, else a folder named from the register's name.
    /// `lands` (2-digit codes) and `ars` filter; empty lists keep all. An authority whose rows are refused is named
    /// with its findings and leaves the others written. `progress` is told each authority before it is written.
    public func importDashboardAuthorities(_ export: DashboardExport, options: DashboardImportOptions, lands: [String] = [],
                                           ars arsFilter: [String] = [],
                                           progress: (Int, Int, Slug) -> Void = { _, _, _ in }) throws(StorageError) -> DashboardBatchReport {
        guard !export.exportFindings.hasErrors else { throw .invalidInput(export.exportFindings) }
        let place = Location(file: export.files.first ?? "export", line: 1, column: 1)
        let snapshot = try Self.snapshot(export, options, place)
        let (reference, referenceFindings) = readReference()
        guard !referenceFindings.hasErrors else { throw .invalidInput(referenceFindings) }

        var report = DashboardBatchReport(snapshot: snapshot, findings: export.exportFindings)
        // The rows by authority, in the order of the export; the authorities in key order.
        var byARS: [String: [DashboardRow]] = [:]
        let wantedLands = Set(lands), wantedARS = Set(arsFilter)
        for row in export.rows {
            if !wantedLands.isEmpty && !wantedLands.contains(row.landCode) || !wantedARS.isEmpty && !wantedARS.contains(row.ars) {
                report.filteredRows += 1
                continue
            }
            byARS[row.ars, default: []].append(row)
        }
        // Authorities whose every row was refused have no rows left but are named too.
        for (ars, findings) in export.authorityFindings where byARS[ars] == nil && findings.hasErrors {
            if !wantedLands.isEmpty && !wantedLands.contains(String(ars.prefix(2))) || !wantedARS.isEmpty && !wantedARS.contains(ars) { continue }
            byARS[ars] = []
        }
        guard !byARS.isEmpty else {
            throw .invalidInput([Finding(.error, at: place, code: "empty-export",
                                         found: export.rows.isEmpty ? "the export has no rows" : "no row of the export is of the Land or ARS asked for",
                                         expected: "check --land (a 2-digit code such as 05) and --ars against the export")])
        }
        let slugs = DashboardSlugs(register: options.register)
        let existing = datasetsByARS()
        var usedSlugs: [Slug: String] = [:]
        let authorities = byARS.keys.sorted()
        for (position, ars) in authorities.enumerated() {
            let rows = byARS[ars]!
            let entry = options.entry(ars)
            let exportName = rows.first?.arsName ?? ""
            let name = entry?.name ?? (exportName.isEmpty ? "ARS \(ars)" : exportName)
            let slug = existing[ars] ?? entry.flatMap { existing[$0.ars] ?? slugs.slugs[$0.ars] } ?? slugs.slug(unknownARS: ars, name: exportName)
            if let collision = entry.flatMap({ slugs.collisions[$0.ars] }), !report.collisions.contains(collision) {
                report.collisions.append(collision)
            }
            progress(position + 1, authorities.count, slug)
            if let other = usedSlugs[slug] {
                report.refused.append(.init(ars: ars, name: name, slug: slug, findings: [Finding(
                    .error, at: rows.first?.origin ?? place, code: "slug-taken",
                    found: "ARS \(ars) (\(name)) would be written to \(slug), which ARS \(other) of this import already uses",
                    expected: "import one of them with --ars and --municipality SLUG")]))
                continue
            }
            usedSlugs[slug] = ars
            let rowFindings = export.authorityFindings[ars] ?? []
            if rowFindings.hasErrors || rows.isEmpty {
                report.refused.append(.init(ars: ars, name: name, slug: slug, findings: rowFindings))
                continue
            }
            do {
                report.imported.append(try writeDashboardRows(rows[...], of: ars, into: slug, snapshot: snapshot, files: export.files,
                                                              options: options, reference: reference, exportFindings: rowFindings,
                                                              place: rows[0].origin))
            } catch {
                let findings: [Finding]
                switch error {
                case .invalidInput(let list): findings = list
                default: findings = [Finding(.error, at: Location(file: displayPath(directory(of: slug))), code: "write-failed",
                                             found: error.description, expected: "check the folder and import again")]
                }
                report.refused.append(.init(ars: ars, name: name, slug: slug, findings: findings))
            }
        }
        return report
    }

    /// The datasets that name an ARS in their municipality.yaml, by that ARS (the first slug where two name one).
    func datasetsByARS() -> [String: Slug] {
        var result: [String: Slug] = [:]
        for slug in slugs() {
            let url = directory(of: slug).appendingPathComponent(DatasetFile.municipality.rawValue)
            guard case .data(let data) = FileReading.read(url.path, limit: FileReading.metadataLimit, workspace: root.path),
                  let fields = MetadataReader.fields(from: data, file: url.path).0,
                  let ars = fields["ars"]?.value.trimmed, ars != Reported<String>.unknownWord, !ars.isEmpty else { continue }
            if result[ars] == nil { result[ars] = slug }
        }
        return result
    }

    /// Writes the rows of one authority into its dataset, beside what is there: the dashboard's rows go in under their
    /// own source (`dashboard-<snapshot>`), replacing only the rows of that source.
    func writeDashboardRows(_ rows: ArraySlice<DashboardRow>, of ars: String, into slug: Slug, snapshot: PartialDate, files exportFiles: [String],
                            options: DashboardImportOptions, reference: ReferenceCatalogue, exportFindings: [Finding],
                            place: Location) throws(StorageError) -> DashboardImportReport {
        guard let first = rows.first else {
            throw .invalidInput([Finding(.error, at: place, code: "empty-export", found: "the export has no rows for ARS \(ars)",
                                         expected: "export the authority's services from the dashboard and pass that file")])
        }
        let folder = directory(of: slug)
        let exists = FileManager.default.fileExists(atPath: folder.path)
        var dataset: Dataset
        var original: FileContents?
        var findings: [Finding] = exportFindings
        if exists {
            let contents = load(slug)
            let reading = read(slug, contents)
            guard let existing = reading.dataset, !reading.findings.hasErrors else {
                throw .invalidInput(reading.findings + [Finding(.error, at: Location(file: displayPath(folder)), code: "invalid-dataset",
                                                                found: "the dataset has errors", expected: "fix them (bench validate \(slug)) before importing into it")])
            }
            if case .known(let known) = existing.municipality.ars, !Self.sameAuthority(known, ars) {
                throw .invalidInput([Finding(.error, at: first.origin, code: "other-municipality",
                                             found: "the export is for ARS \(ars) (\(first.arsName)), but \(slug) has ARS \(known)",
                                             expected: "import it into the dataset of ARS \(ars), or check --municipality")])
            }
            dataset = existing
            original = contents
        } else {
            let (municipality, municipalityFindings) = try Self.municipality(slug, ars: ars, first, options, place)
            dataset = Dataset(municipality: municipality)
            findings += municipalityFindings
        }

        let sourceID = "dashboard-\(snapshot)"
        let onlineCount = rows.filter(\.online).count
        let inactive = rows.filter { $0.active == false }.count
        let shownName = options.entry(ars)?.name ?? (first.arsName.isEmpty ? slug.rawValue : first.arsName)
        let source = Source(
            id: sourceID, title: "OZG-Dashboard, Export für \(shownName) (ARS \(ars))", type: .dashboardExport, reference: .unknown,
            date: snapshot, body: .unknown, location: Self.fileList(exportFiles),
            note: "Vom OZG-Dashboard übernommen (bench import-dashboard, Stand des Downloads \(snapshot)): \(rows.count) LeiKa-Leistungen "
                + "mit bekanntem Online-Dienst, davon \(onlineCount) mit online_status 'ok'"
                + (inactive > 0 ? " und \(inactive) mit 'aktiv: nein'" : "")
                + ". Export \(options.includeAbove ? "mit" : "ohne") den Zeilen der Ebenen darüber (includeAbove) und "
                + "\(options.includeBelow ? "mit" : "ohne") den Zeilen der Ebenen darunter (includeBelow).",
            includeAbove: options.includeAbove, includeBelow: options.includeBelow)
        var missingIDs: [OzgID: DashboardRow] = [:]
        let services = rows.map { row -> ServiceRecord in
            var note = "Vom OZG-Dashboard übernommen"
            if let id = row.ozgID {
                if reference[id] == nil, missingIDs[id] == nil { missingIDs[id] = row }
                note += "; OZG-Leistung \(id)\(row.ozgName.isEmpty ? "" : " (\(row.ozgName))") laut Dashboard"
            } else {
                note += "; das Dashboard nennt keine OZG-Leistung"
            }
            if !row.url.isEmpty { note += "; \(row.url)" }
            return ServiceRecord(snapshot: snapshot, name: row.leikaName, unit: .leikaLeistung, ozgID: .known(row.ozgID), leikaKey: row.leikaKey,
                                 match: .source, status: Self.statusWord(online: row.online), sourceID: sourceID, note: note,
                                 coverage: row.coverage, active: row.active, origin: row.origin)
        }
        for (id, row) in missingIDs.sorted(by: { $0.key < $1.key }) {
            findings.append(Finding(.warning, at: row.origin, code: "ozg-id-not-in-reference",
                                    found: "OZG-ID \(id)\(row.ozgName.isEmpty ? "" : " (\(row.ozgName))") is not in Datasets/reference/ozg_leistungen.csv; its rows keep the ID as the dashboard gives it (match 'source')",
                                    expected: "import a full catalogue (bench import-catalogue) or add the OZG-Leistung to the reference data to name it in comparisons"))
        }
        var addedWords: [String] = []
        var mapping = dataset.statusMapping.entries
        for online in [true, false] where dataset.statusMapping[Self.statusWord(online: online)] == nil {
            let word = Self.statusWord(online: online)
            addedWords.append(word)
            mapping.append(StatusMappingEntry(
                status: word, maturity: .unknown, maturityModel: .v1, online: .known(online), inScope: .known(true), sourceID: sourceID,
                note: "online_status '\(online ? "ok" : "nicht ok")' des OZG-Dashboards: der bekannte Online-Dienst "
                    + (online ? "funktioniert" : "funktioniert nicht") + "; das Dashboard nennt keinen Reifegrad."))
        }
        let replaced = dataset.services.filter { $0.sourceID == sourceID }.count
        dataset.sources = dataset.sources.filter { $0.id != sourceID } + [source]
        dataset.statusMapping = StatusMapping(mapping)
        dataset.services = dataset.services.filter { $0.sourceID != sourceID } + services

        let validation = DatasetValidator(reference: reference).validate(dataset)
        guard !validation.hasErrors else { throw .invalidInput(validation) }

        let newMapping = mapping.filter { addedWords.contains($0.status) }
        let files: [(DatasetFile, Data)] = [
            (.statusMapping, TableUpdate.apply(original?["\(slug)/\(DatasetFile.statusMapping.rawValue)"], schema: .statusMapping,
                                               removing: { _ in false }, appending: newMapping.map(DatasetRowCells.cells))),
            (.sources, TableUpdate.apply(original?["\(slug)/\(DatasetFile.sources.rawValue)"], schema: .sources,
                                         removing: { $0["id"] == sourceID }, appending: [DatasetRowCells.cells(source)])),
            (.services, TableUpdate.apply(original?["\(slug)/\(DatasetFile.services.rawValue)"], schema: .services,
                                          removing: { $0["source_id"] == sourceID }, appending: services.map(DatasetRowCells.cells))),
        ]
        var changed = true
        if exists {
            changed = try writeInPlace(files, original: original, slug: slug, folder: folder)
        } else {
            try writeNewFolder(dataset.municipality, files, folder: folder)
        }
        let after = changed ? validate(slug, reference: reference) : DatasetReading(slug: slug, dataset: dataset, findings: validation, dialects: [:])
        guard !after.findings.hasErrors else { throw .invalidInput(after.findings) }
        return DashboardImportReport(slug: slug, ars: ars, created: !exists, changed: changed, snapshot: snapshot, sourceID: sourceID, rows: services.count,
                                     online: onlineCount, replaced: replaced, addedStatusWords: addedWords,
                                     findings: (findings + after.findings).sorted())
    }

    /// Whether two keys name the same authority: equal, or a Kreis's 5 digits and its 12-digit form with seven zeros.
    static func sameAuthority(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        return short.count == 5 && long.count == 12 && long.hasPrefix(short) && long.hasSuffix("0000000")
    }

    /// The export's files as the source's location: their names, the first and last of many.
    static func fileList(_ files: [String]) -> String {
        let names = files.map { ($0 as NSString).lastPathComponent }
        guard names.count > 3 else { return names.joined(separator: ", ") }
        return "\(names[0]) … \(names[names.count - 1]) (\(names.count) Dateien)"
    }

    /// The dashboard's own words as the municipality's status: `online: ok`, `online: nicht ok`.
    static func statusWord(online: Bool) -> String { online ? "online: ok" : "online: nicht ok" }

    private static func snapshot(_ export: DashboardExport, _ options: DashboardImportOptions, _ place: Location) throws(StorageError) -> PartialDate {
        switch (export.snapshot, options.snapshot) {
        case (let own?, let given?) where own != given:
            throw .invalidInput([Finding(.error, at: place, code: "mixed-dates", found: "the export is dated \(own) but --snapshot says \(given)",
                                         expected: "leave out --snapshot: the export's own date counts")])
        case (let own?, _): return own
        case (nil, let given?): return given
        case (nil, nil):
            throw .invalidInput([Finding(.error, at: place, code: "no-snapshot", found: "the export gives no date ('stand')",
                                         expected: "pass --snapshot YYYY-MM-DD: the day the export was downloaded")])
        }
    }

    /// The municipality of a new dataset folder: options first, then the register, then what the export's names say.
    /// An authority the register does not know keeps kind `unknown` (never a kind guessed from its name), with a finding.
    static func municipality(_ slug: Slug, ars: String, _ first: DashboardRow, _ options: DashboardImportOptions,
                             _ place: Location) throws(StorageError) -> (Municipality, [Finding]) {
        var findings: [Finding] = []
        let entry = options.entry(ars)
        guard let name = options.name ?? entry?.name ?? (first.arsName.isEmpty ? nil : first.arsName) else {
            throw .invalidInput([Finding(.error, at: place, code: "no-name", found: "the export has no ars_name and \(slug) does not exist yet",
                                         expected: "pass --name \"Stadt ...\" (and --kind) to create the dataset")])
        }
        var kind = options.kind ?? entry?.kind ?? .unknown
        if options.kind == nil, entry == nil {
            kind = .unknown
            findings.append(Finding(.warning, at: first.origin, code: "not-in-register",
                                    found: "ARS \(ars) (\(first.arsName)) is not in the municipality register; the dataset \(slug) gets kind 'unknown'",
                                    expected: "update the register (bench import-register) or write the kind into Datasets/\(slug)/municipality.yaml"))
        }
        let landName = DashboardImportOptions.landNames[first.landCode] ?? ""
        guard let land = options.land ?? entry?.land ?? (first.bundesland.isEmpty ? (landName.isEmpty ? nil : landName) : first.bundesland) else {
            throw .invalidInput([Finding(.error, at: place, code: "no-land", found: "the export has no bundesland",
                                         expected: "pass --land (e.g. Nordrhein-Westfalen)")])
        }
        // The AGS is the ARS without the Gemeindeverband digits 6-9: Land, Regierungsbezirk, Kreis, Gemeinde.
        let ags: Reported<String> = entry.map { .known($0.ags) }
            ?? (ars.count == 12 ? (ars.hasSuffix("0000000") ? .known(String(ars.prefix(5))) : .known(String(ars.prefix(5)) + String(ars.suffix(3))))
                : ars.count == 5 ? .known(ars) : .unknown)
        let ownARS = entry?.ars ?? ars
        let note = entry != nil
            ? "Angelegt von bench import-dashboard aus dem Export des OZG-Dashboards; Name, Art, Land und Einwohnerzahl aus dem Gemeindeverzeichnis (Destatis)."
            : "Angelegt von bench import-dashboard aus dem Export des OZG-Dashboards (ars_name '\(first.arsName)'); nicht im Gemeindeverzeichnis, Art unbekannt."
        return (Municipality(slug: slug, name: name, kind: kind, land: land, ags: ags, ars: .known(ownARS), note: note,
                             population: entry?.population), findings)
    }


    /// Replaces files of an existing folder one by one, each atomically, in the order given; a file whose bytes stay
    /// the same is not written. Whether any changed.
    private func writeInPlace(_ files: [(DatasetFile, Data)], original: FileContents?, slug: Slug, folder: URL) throws(StorageError) -> Bool {
        var changed = false
        for (file, data) in files {
            if case .data(let old)? = original?["\(slug)/\(file.rawValue)"], old == data { continue }
            changed = true
            let url = folder.appendingPathComponent(file.rawValue)
            do {
                try data.write(to: url, options: .atomic)
            } catch {
                throw .fileSystem(path: displayPath(url), reason: "cannot be written (\(error.localizedDescription)); the files written before it are complete and valid")
            }
        }
        return changed
    }

    /// Writes a whole new folder under a temporary name and renames it into place.
    private func writeNewFolder(_ municipality: Municipality, _ files: [(DatasetFile, Data)], folder: URL) throws(StorageError) {
        let fileManager = FileManager.default
        let staging = datasetsDirectory.appendingPathComponent(".import-\(municipality.slug)-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(MetadataWriter.yaml(for: municipality).utf8).write(to: staging.appendingPathComponent(DatasetFile.municipality.rawValue))
            let written = Dictionary(files, uniquingKeysWith: { first, _ in first })
            for schema in TableSchema.all {
                guard let file = DatasetFile(rawValue: schema.fileName) else { continue }
                let data = written[file] ?? Data((DatasetCSV.row(schema.allColumns) + "\n").utf8)
                try data.write(to: staging.appendingPathComponent(schema.fileName))
            }
            try fileManager.moveItem(at: staging, to: folder)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .fileSystem(path: displayPath(folder), reason: "cannot be created (\(error.localizedDescription))")
        }
    }
}

/// Domain values as the cells of their dataset table, by column name.
enum DatasetRowCells {
    static func cells(_ s: Source) -> [String: String] {
        ["id": s.id, "title": s.title, "type": s.type.rawValue, "reference": s.reference.description, "date": s.date.description,
         "body": s.body.description, "location": s.location, "note": s.note,
         "include_above": s.includeAbove.map { $0 ? "yes" : "no" } ?? "", "include_below": s.includeBelow.map { $0 ? "yes" : "no" } ?? ""]
    }

    static func cells(_ e: StatusMappingEntry) -> [String: String] {
        ["status": e.status, "maturity": e.maturity.description, "maturity_model": e.maturityModel.rawValue,
         "online": e.online.description, "in_scope": e.inScope.description, "project_state": e.projectState?.rawValue ?? "",
         "source_id": e.sourceID, "note": e.note]
    }

    static func cells(_ r: ServiceRecord) -> [String: String] {
        ["snapshot": r.snapshot.description, "name": r.name, "name_corrected": r.nameCorrected, "unit": r.unit.rawValue,
                "ozg_id": r.ozgID.cell, "leika_key": r.leikaKey?.rawValue ?? "", "match": r.match.rawValue, "status": r.status,
                "responsible": r.responsible, "source_id": r.sourceID, "note": r.note, "coverage": r.coverage?.rawValue ?? "",
                "active": r.active.map { $0 ? "ja" : "nein" } ?? ""]
    }
}

/// CSV records of dataset rows by the rules of `CSVWriter` (quotes only where a cell has a comma, quote, semicolon,
/// line break or a space at either end), without Foundation: an import of a whole Land writes 200,000 rows, and
/// Foundation's `replacingOccurrences` on every cell took a fifth of its time.
enum DatasetCSV {
    static func row(_ fields: [String]) -> String {
        var out = ""
        out.reserveCapacity(fields.reduce(fields.count) { $0 + $1.utf8.count })
        for (index, field) in fields.enumerated() {
            if index > 0 { out += "," }
            append(field, to: &out)
        }
        return out
    }

    static func append(_ text: String, to out: inout String) {
        let utf8 = text.utf8
        let needsQuotes = utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") || utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: ";")
        }
        guard needsQuotes else { out += text; return }
        out += "\""
        for character in text {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        out += "\""
    }
}

/// Changes a table file so that a reviewer's diff shows only the change: rows that stay keep their bytes.
enum TableUpdate {
    /// The new file: the old one without the rows `removing` picks (given cells by column name), plus `appending`
    /// in the file's own column order. A file not saved in the standard dialect is rewritten in it.
    static func apply(_ content: FileContents.Content?, schema: TableSchema, removing: ([String: String]) -> Bool,
                      appending: [[String: String]]) -> Data {
        guard case .data(let data)? = content else {
            let lines = [DatasetCSV.row(schema.allColumns)] + appending.map { row in DatasetCSV.row(schema.allColumns.map { row[$0] ?? "" }) }
            return Data((lines.joined(separator: "\n") + "\n").utf8)
        }
        var rows: [TextRow] = []
        let (dialect, _) = CSVReader().read(data, file: schema.fileName) { rows.append($0); return true }
        guard let header = rows.first else { return apply(nil, schema: schema, removing: removing, appending: appending) }
        let names = header.fields.map(\.trimmed)
        let records = Array(rows.dropFirst())
        func cells(_ row: TextRow) -> [String: String] {
            Dictionary(zip(names, row.fields.map(\.trimmed)), uniquingKeysWith: { first, _ in first })
        }
        // Columns added to the format later that the file lacks but the new rows fill: the file gains them (its
        // other rows an empty cell each), so that no value is dropped.
        let missing = schema.addedColumns.filter { column in !names.contains(column) && appending.contains { !($0[column] ?? "").isEmpty } }
        let added = appending.map { row in DatasetCSV.row((names + missing).map { row[$0] ?? "" }) + "\n" }
        guard dialect == .standard, missing.isEmpty else {
            let kept = records.filter { !removing(cells($0)) }.map { DatasetCSV.row($0.fields + missing.map { _ in "" }) + "\n" }
            return Data((DatasetCSV.row(names + missing) + "\n" + kept.joined() + added.joined()).utf8)
        }
        let bytes = [UInt8](data)
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        func offset(_ line: Int) -> Int { line - 1 < lineStarts.count ? lineStarts[line - 1] : bytes.count }
        var output = Array(bytes[0..<(records.first.map { offset($0.line) } ?? bytes.count)])
        for (position, record) in records.enumerated() {
            let end = position + 1 < records.count ? offset(records[position + 1].line) : bytes.count
            if !removing(cells(record)) { output += bytes[offset(record.line)..<end] }
        }
        if let last = output.last, last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
        output += Array(added.joined().utf8)
        return Data(output)
    }
}
