import Domain
import Foundation

/// What `bench import-dashboard` may add to what the export says.
public struct DashboardImportOptions: Sendable {
    /// The date the figures are valid for, where the export does not give one itself.
    public var snapshot: PartialDate?
    /// For a new dataset folder: the official name, kind and Land (else derived from the export's ars, ars_name, bundesland).
    public var name: String?
    public var kind: MunicipalityKind?
    public var land: String?

    public init(snapshot: PartialDate? = nil, name: String? = nil, kind: MunicipalityKind? = nil, land: String? = nil) {
        self.snapshot = snapshot
        self.name = name
        self.kind = kind
        self.land = land
    }
}

/// What `importDashboard` wrote.
public struct DashboardImportReport: Sendable {
    public var slug: Slug
    /// True where the dataset folder was created.
    public var created: Bool
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

extension Workspace {
    /// Writes a dashboard export into `Datasets/<slug>/` as ordinary dataset rows: LeiKa-level services.csv rows
    /// with the dashboard's own status words, their mapping, and a `dashboard-export` source.
    ///
    /// Nothing is written unless the resulting dataset validates. Each file is written to a temporary file and
    /// renamed into place, in an order where every intermediate state is a valid dataset (the mapping and the
    /// source first, the rows that use them last); a new folder appears whole or not at all.
    public func importDashboard(_ export: DashboardExport, into slug: Slug,
                                options: DashboardImportOptions = DashboardImportOptions()) throws(StorageError) -> DashboardImportReport {
        guard !export.findings.hasErrors else { throw .invalidInput(export.findings) }
        let fileName = export.files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        let place = Location(file: export.files.first ?? "export", line: 1, column: 1)
        guard let first = export.rows.first else {
            throw .invalidInput([Finding(.error, at: place, code: "empty-export", found: "the export has no rows",
                                         expected: "export the municipality's services from the dashboard and pass that file")])
        }
        let snapshot = try Self.snapshot(export, options, place)
        let (reference, referenceFindings) = readReference()
        guard !referenceFindings.hasErrors else { throw .invalidInput(referenceFindings) }

        let folder = directory(of: slug)
        let exists = FileManager.default.fileExists(atPath: folder.path)
        var dataset: Dataset
        var original: FileContents?
        if exists {
            let contents = load(slug)
            let reading = read(slug, contents)
            guard let existing = reading.dataset, !reading.findings.hasErrors else {
                throw .invalidInput(reading.findings + [Finding(.error, at: Location(file: displayPath(folder)), code: "invalid-dataset",
                                                                found: "the dataset has errors", expected: "fix them (bench validate \(slug)) before importing into it")])
            }
            if case .known(let ars) = existing.municipality.ars, ars.count == first.ars.count, ars != first.ars {
                throw .invalidInput([Finding(.error, at: first.origin, code: "other-municipality",
                                             found: "the export is for ARS \(first.ars) (\(first.arsName)), but \(slug) has ARS \(ars)",
                                             expected: "import it into the dataset of ARS \(first.ars), or check --municipality")])
            }
            dataset = existing
            original = contents
        } else {
            dataset = Dataset(municipality: try Self.municipality(slug, export, options, place))
        }

        let sourceID = "dashboard-\(snapshot)"
        let onlineCount = export.rows.filter(\.online).count
        let source = Source(id: sourceID, title: "OZG-Dashboard, Export für \(first.arsName.isEmpty ? slug.rawValue : first.arsName) (ARS \(first.ars))",
                            type: .dashboardExport, reference: .unknown, date: snapshot, body: .unknown, location: fileName,
                            note: "Imported by bench import-dashboard: \(export.rows.count) LeiKa-Leistungen, \(onlineCount) with online_status 'ok'.")
        var findings: [Finding] = export.findings
        var missingIDs: [OzgID: DashboardRow] = [:]
        let services = export.rows.map { row -> ServiceRecord in
            var ozgID = Reported<OzgID?>.unknown
            var match = MatchMethod.none
            var note = "OZG-Dashboard: \(row.active.map { $0 ? "aktiv ja" : "aktiv nein" } ?? "aktiv not given"), \(row.coverage.rawValue)"
            if let id = row.ozgID {
                if reference[id] != nil {
                    ozgID = .known(id)
                    match = .manual
                    note += "; OZG-ID as the dashboard files it (\(row.ozgName.isEmpty ? String(id.rawValue) : row.ozgName))"
                } else {
                    if missingIDs[id] == nil { missingIDs[id] = row }
                    note += "; the dashboard files it under OZG-ID \(id)\(row.ozgName.isEmpty ? "" : " (\(row.ozgName))"), which the reference data does not have"
                }
            }
            if !row.url.isEmpty { note += "; \(row.url)" }
            return ServiceRecord(snapshot: snapshot, name: row.leikaName, unit: .leikaLeistung, ozgID: ozgID, leikaKey: row.leikaKey,
                                 match: match, status: Self.statusWord(online: row.online), sourceID: sourceID, note: note,
                                 origin: row.origin)
        }
        for (id, row) in missingIDs.sorted(by: { $0.key < $1.key }) {
            findings.append(Finding(.warning, at: row.origin, code: "ozg-id-not-in-reference",
                                    found: "OZG-ID \(id)\(row.ozgName.isEmpty ? "" : " (\(row.ozgName))") is not in Datasets/reference/ozg_leistungen.csv; its rows get ozg_id 'unknown' and the ID in their note",
                                    expected: "add the OZG-Leistung to the reference data and import again to match them"))
        }
        var addedWords: [String] = []
        var mapping = dataset.statusMapping.entries
        for online in [true, false] where dataset.statusMapping[Self.statusWord(online: online)] == nil {
            let word = Self.statusWord(online: online)
            addedWords.append(word)
            mapping.append(StatusMappingEntry(
                status: word, maturity: .unknown, maturityModel: .v1, online: .known(online), inScope: .known(true), sourceID: sourceID,
                note: "The OZG dashboard's online_status '\(online ? "ok" : "nicht ok")'; the dashboard gives no Reifegrad."))
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
        if exists {
            try writeInPlace(files, folder: folder)
        } else {
            try writeNewFolder(dataset.municipality, files, folder: folder)
        }
        let after = validate(slug, reference: reference)
        guard !after.findings.hasErrors else { throw .invalidInput(after.findings) }
        return DashboardImportReport(slug: slug, created: !exists, snapshot: snapshot, sourceID: sourceID, rows: services.count,
                                     online: onlineCount, replaced: replaced, addedStatusWords: addedWords,
                                     findings: (findings + after.findings).sorted())
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
                                         expected: "pass --snapshot YYYY-MM-DD: the day the figures were valid (when the export was downloaded)")])
        }
    }

    /// The municipality of a new dataset folder: options first, else what the export's ARS and names say.
    static func municipality(_ slug: Slug, _ export: DashboardExport, _ options: DashboardImportOptions,
                             _ place: Location) throws(StorageError) -> Municipality {
        let ars = export.ars ?? ""
        guard let name = options.name ?? export.arsName else {
            throw .invalidInput([Finding(.error, at: place, code: "no-name", found: "the export has no ars_name and \(slug) does not exist yet",
                                         expected: "pass --name \"Stadt ...\" (and --kind) to create the dataset")])
        }
        guard let kind = options.kind ?? kind(ars: ars, name: name) else {
            throw .invalidInput([Finding(.error, at: place, code: "no-kind", found: "the kind of '\(name)' (ARS \(ars)) cannot be told from the export",
                                         expected: "pass --kind with one of " + MunicipalityKind.allCases.map(\.rawValue).joined(separator: ", "))])
        }
        guard let land = options.land ?? export.bundesland else {
            throw .invalidInput([Finding(.error, at: place, code: "no-land", found: "the export has no bundesland",
                                         expected: "pass --land (e.g. Nordrhein-Westfalen)")])
        }
        // The AGS is the ARS without the Gemeindeverband digits 6-9: Land, Regierungsbezirk, Kreis, Gemeinde.
        let ags: Reported<String> = ars.count == 12 ? .known(String(ars.prefix(5)) + String(ars.suffix(3))) : ars.count == 5 ? .known(ars) : .unknown
        return Municipality(slug: slug, name: name, kind: kind, land: land, ags: ags, ars: ars.isEmpty ? .unknown : .known(ars),
                            note: "Created by bench import-dashboard from the OZG dashboard's export (ars_name '\(export.arsName ?? "")').")
    }

    /// A kind the ARS and name leave no doubt about: below Kreis level a kreisangehörige Gemeinde; at Kreis level
    /// a Kreis, a StädteRegion or a kreisfreie Stadt by its name. Nil where that is not clear.
    static func kind(ars: String, name: String) -> MunicipalityKind? {
        guard ars.count == 12 else { return ars.count == 5 && name.contains("Kreis") ? .kreis : nil }
        if ars.dropFirst(5).contains(where: { $0 != "0" }) { return .kreisangehoerigeGemeinde }
        let lower = name.lowercased()
        if lower.contains("städteregion") || lower.contains("regionalverband") { return .staedteregion }
        if lower.contains("kreis") { return .kreis }
        if lower.hasPrefix("stadt ") || lower.hasPrefix("kreisfreie stadt") { return .kreisfreieStadt }
        return nil
    }

    /// Replaces files of an existing folder one by one, each atomically, in the order given.
    private func writeInPlace(_ files: [(DatasetFile, Data)], folder: URL) throws(StorageError) {
        for (file, data) in files {
            let url = folder.appendingPathComponent(file.rawValue)
            do {
                try data.write(to: url, options: .atomic)
            } catch {
                throw .fileSystem(path: displayPath(url), reason: "cannot be written (\(error.localizedDescription)); the files written before it are complete and valid")
            }
        }
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
                let data = written[file] ?? Data((CSVWriter.row(schema.columns) + "\n").utf8)
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
         "body": s.body.description, "location": s.location, "note": s.note]
    }

    static func cells(_ e: StatusMappingEntry) -> [String: String] {
        ["status": e.status, "maturity": e.maturity.description, "maturity_model": e.maturityModel.rawValue,
         "online": e.online.description, "in_scope": e.inScope.description, "project_state": e.projectState?.rawValue ?? "",
         "source_id": e.sourceID, "note": e.note]
    }

    static func cells(_ r: ServiceRecord) -> [String: String] {
        ["snapshot": r.snapshot.description, "name": r.name, "name_corrected": r.nameCorrected, "unit": r.unit.rawValue,
                "ozg_id": r.ozgID.cell, "leika_key": r.leikaKey?.rawValue ?? "", "match": r.match.rawValue, "status": r.status,
                "responsible": r.responsible, "source_id": r.sourceID, "note": r.note]
    }
}

/// Changes a table file so that a reviewer's diff shows only the change: rows that stay keep their bytes.
enum TableUpdate {
    /// The new file: the old one without the rows `removing` picks (given cells by column name), plus `appending`
    /// in the file's own column order. A file not saved in the standard dialect is rewritten in it.
    static func apply(_ content: FileContents.Content?, schema: TableSchema, removing: ([String: String]) -> Bool,
                      appending: [[String: String]]) -> Data {
        guard case .data(let data)? = content else {
            let lines = [CSVWriter.row(schema.columns)] + appending.map { row in CSVWriter.row(schema.columns.map { row[$0] ?? "" }) }
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
        let added = appending.map { row in CSVWriter.row(names.map { row[$0] ?? "" }) + "\n" }
        guard dialect == .standard else {
            let kept = records.filter { !removing(cells($0)) }.map { CSVWriter.row($0.fields) + "\n" }
            return Data((CSVWriter.row(names) + "\n" + kept.joined() + added.joined()).utf8)
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
