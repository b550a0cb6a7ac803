import Domain
import Foundation
import GRDB

// One record type per table: each writes Domain values with a cached (prepared once) statement and reads them
// back. They stay internal; the rest of the project sees Domain values only.

/// Partial dates as three columns: as written, first day, last day.
private func dateColumns(_ date: PartialDate?) -> [(any DatabaseValueConvertible)?] {
    guard let date else { return [nil, nil, nil] }
    return [date.description, date.earliestDay.description, date.latestDay.description]
}

private func partialDate(_ row: Row, _ column: String) throws -> PartialDate {
    let text: String = row[column]
    guard let date = PartialDate(text) else {
        throw StorageError.damagedDatabase(path: "", reason: "\(column) '\(text)' is not a date", derived: false)
    }
    return date
}

private func optionalDate(_ row: Row, _ column: String) throws -> PartialDate? {
    guard (row[column] as String?) != nil else { return nil }
    return try partialDate(row, column)
}

/// `ozg_id` and `ozg_id_state` of a `Reported<OzgID?>`.
private func ozgColumns(_ id: Reported<OzgID?>) -> [(any DatabaseValueConvertible)?] {
    [id.value.flatMap { $0?.rawValue }, OzgIDState(id).rawValue]
}

private func ozgID(_ row: Row) -> Reported<OzgID?> {
    (OzgIDState(rawValue: row["ozg_id_state"]) ?? .unknown).id { OzgID(row["ozg_id"] as Int) }
}

private func originColumns(_ origin: Location?) -> [(any DatabaseValueConvertible)?] {
    [origin?.line, origin?.column]
}

/// The place a row came from, as `Workspace` reports it: `Datasets/<slug>/<file>:line:column`.
private func origin(_ row: Row, slug: String, file: DatasetFile) -> Location? {
    guard let line: Int = row["origin_line"] else { return nil }
    return Location(file: "Datasets/\(slug)/\(file.rawValue)", line: line, column: row["origin_column"])
}

private func reported<T: Sendable & Hashable>(_ value: T?) -> Reported<T> {
    value.map { .known($0) } ?? .unknown
}

private func enumValue<E: RawRepresentable>(_ row: Row, _ column: String) throws -> E where E.RawValue == String {
    let text: String = row[column]
    guard let value = E(rawValue: text) else {
        throw StorageError.damagedDatabase(path: "", reason: "\(column) '\(text)' is not a known value", derived: false)
    }
    return value
}

private func execute(_ db: Database, _ sql: String, _ values: [(any DatabaseValueConvertible)?]) throws {
    try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
}

enum MunicipalityRecord {
    static func insert(_ m: Municipality, _ db: Database) throws {
        try execute(db, "INSERT INTO municipality (slug, name, kind, land, ags, ars, synthetic, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [m.slug.rawValue, m.name, m.kind.rawValue, m.land, m.ags.value, m.ars.value, m.synthetic ? 1 : 0, m.note])
    }

    static func decode(_ row: Row) throws -> Municipality {
        let text: String = row["slug"]
        guard let slug = Slug(text) else { throw StorageError.invalidSlug(text) }
        return Municipality(slug: slug, name: row["name"], kind: try enumValue(row, "kind"), land: row["land"],
                            ags: reported(row["ags"] as String?), ars: reported(row["ars"] as String?),
                            synthetic: (row["synthetic"] as Int) == 1, note: row["note"])
    }

    static func fetchAll(_ db: Database) throws -> [Municipality] {
        try Row.fetchAll(db, sql: "SELECT * FROM municipality ORDER BY slug").map(decode)
    }

    static func fetch(_ db: Database, _ slug: Slug) throws -> Municipality? {
        try Row.fetchOne(db, sql: "SELECT * FROM municipality WHERE slug = ?", arguments: [slug.rawValue]).map(decode)
    }
}

enum SourceRecord {
    static func insert(_ s: Source, _ slug: Slug, _ db: Database) throws {
        try execute(db, """
            INSERT INTO source (municipality, id, title, type, reference, date, date_first, date_last, body, location, note,
                                origin_line, origin_column)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [slug.rawValue, s.id, s.title, s.type.rawValue, s.reference.value] + dateColumns(s.date)
                + [s.body.value, s.location, s.note] + originColumns(s.origin))
    }

    static func fetchAll(_ db: Database, _ slug: Slug) throws -> [Source] {
        try Row.fetchAll(db, sql: "SELECT * FROM source WHERE municipality = ? ORDER BY origin_line, id", arguments: [slug.rawValue]).map { row in
            Source(id: row["id"], title: row["title"], type: try enumValue(row, "type"), reference: reported(row["reference"] as String?),
                   date: try partialDate(row, "date"), body: reported(row["body"] as String?), location: row["location"],
                   note: row["note"], origin: origin(row, slug: slug.rawValue, file: .sources))
        }
    }
}

enum StatusMappingRecord {
    static func insert(_ e: StatusMappingEntry, _ slug: Slug, _ db: Database) throws {
        try execute(db, """
            INSERT INTO status_mapping (municipality, status, maturity, maturity_known, maturity_model, online, in_scope,
                                        project_state, source_id, note, origin_line, origin_column)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [slug.rawValue, e.status, e.maturity.value, e.maturity.isKnown ? 1 : 0, e.maturityModel.rawValue,
                  e.online.value.map { $0 ? 1 : 0 }, e.inScope.value.map { $0 ? 1 : 0 }, e.projectState?.rawValue,
                  e.sourceID, e.note] + originColumns(e.origin))
    }

    static func fetchAll(_ db: Database, _ slug: Slug) throws -> [StatusMappingEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM status_mapping WHERE municipality = ? ORDER BY origin_line, status",
                         arguments: [slug.rawValue]).map { row in
            let state: String? = row["project_state"]
            return StatusMappingEntry(
                status: row["status"], maturity: reported(row["maturity"] as Int?), maturityModel: try enumValue(row, "maturity_model"),
                online: reported((row["online"] as Int?).map { $0 == 1 }), inScope: reported((row["in_scope"] as Int?).map { $0 == 1 }),
                projectState: try state.map { _ in try enumValue(row, "project_state") as ProjectState },
                sourceID: row["source_id"], note: row["note"], origin: origin(row, slug: slug.rawValue, file: .statusMapping))
        }
    }
}

enum TallyRecord {
    static func insert(_ t: Tally, _ slug: Slug, _ db: Database) throws {
        try execute(db, """
            INSERT INTO tally (municipality, snapshot, snapshot_first, snapshot_last, unit, role, status, count, count_known,
                               qualifier, source_id, note, origin_line, origin_column)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [slug.rawValue] + dateColumns(t.snapshot) + [t.unit.rawValue, t.role.rawValue, t.status, t.count.value,
                  t.count.isKnown ? 1 : 0, t.qualifier.rawValue, t.sourceID, t.note] + originColumns(t.origin))
    }

    static func fetchAll(_ db: Database, _ slug: Slug) throws -> [Tally] {
        try Row.fetchAll(db, sql: "SELECT * FROM tally WHERE municipality = ? ORDER BY id", arguments: [slug.rawValue]).map { row in
            Tally(snapshot: try partialDate(row, "snapshot"), unit: try enumValue(row, "unit"), role: try enumValue(row, "role"),
                  status: row["status"], count: reported(row["count"] as Int?), qualifier: try enumValue(row, "qualifier"),
                  sourceID: row["source_id"], note: row["note"], origin: origin(row, slug: slug.rawValue, file: .tallies))
        }
    }
}

enum ProjectRecord {
    static func insert(_ p: Project, _ slug: Slug, _ db: Database) throws {
        try execute(db, """
            INSERT INTO project (municipality, project_id, name, scope, ozg_id, ozg_id_state, start, start_first, start_last,
                                 go_live, go_live_first, go_live_last, go_live_kind, status, status_date, status_date_first,
                                 status_date_last, channel, reuse_available, motion, source_id, note, origin_line, origin_column)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [slug.rawValue, p.projectID, p.name, p.scope.rawValue] + ozgColumns(p.ozgID) + dateColumns(p.start.value)
                + dateColumns(p.goLive.value) + [p.goLiveKind.rawValue, p.status] + dateColumns(p.statusDate)
                + [p.channel.rawValue, p.reuseAvailable?.description, p.motion, p.sourceID, p.note] + originColumns(p.origin))
    }

    static func fetchAll(_ db: Database, _ slug: Slug) throws -> [Project] {
        try Row.fetchAll(db, sql: "SELECT * FROM project WHERE municipality = ? ORDER BY id", arguments: [slug.rawValue]).map { row in
            Project(projectID: row["project_id"], name: row["name"], scope: try enumValue(row, "scope"), ozgID: ozgID(row),
                    start: reported(try optionalDate(row, "start")), goLive: reported(try optionalDate(row, "go_live")),
                    goLiveKind: try enumValue(row, "go_live_kind"), status: row["status"], statusDate: try partialDate(row, "status_date"),
                    channel: try enumValue(row, "channel"), reuseAvailable: try optionalDate(row, "reuse_available"),
                    motion: row["motion"], sourceID: row["source_id"], note: row["note"],
                    origin: origin(row, slug: slug.rawValue, file: .projects))
        }
    }
}

enum IndicatorRecord {
    static func insert(_ i: Indicator, _ slug: Slug, _ db: Database) throws {
        var number: Double?, date: String?
        switch i.value.value {
        case .number(let value)?: number = value
        case .date(let value)?: date = value.description
        case nil: break
        }
        try execute(db, """
            INSERT INTO indicator (municipality, indicator, value, value_date, value_known, unit, snapshot, snapshot_first,
                                   snapshot_last, period, period_first, period_last, qualifier, subject, source_id, note,
                                   about, label, origin_line, origin_column)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [slug.rawValue, i.indicator, number, date, i.value.isKnown ? 1 : 0, i.unit.rawValue] + dateColumns(i.snapshot)
                + dateColumns(i.period) + [i.qualifier.rawValue, i.subject, i.sourceID, i.note, i.about.description, i.label]
                + originColumns(i.origin))
    }

    /// The column `about` as `FigureOwner` (an empty text is the municipality's own figure).
    static func owner(_ row: Row) throws -> FigureOwner {
        let text: String = row["about"]
        if text.isEmpty { return .own }
        guard let owner = FigureOwner(text) else {
            throw StorageError.database(path: "", reason: "about '\(text)' is not a known value; delete the database file to rebuild it")
        }
        return owner
    }

    static func fetchAll(_ db: Database, _ slug: Slug) throws -> [Indicator] {
        try Row.fetchAll(db, sql: "SELECT * FROM indicator WHERE municipality = ? ORDER BY id", arguments: [slug.rawValue]).map { row in
            var value = Reported<IndicatorValue>.unknown
            if let number: Double = row["value"] {
                value = .known(.number(number))
            } else if let date = try optionalDate(row, "value_date") {
                value = .known(.date(date))
            }
            return Indicator(indicator: row["indicator"], value: value, unit: try enumValue(row, "unit"),
                             snapshot: try partialDate(row, "snapshot"), period: try optionalDate(row, "period"),
                             qualifier: try enumValue(row, "qualifier"), subject: row["subject"], sourceID: row["source_id"],
                             note: row["note"], about: try owner(row), label: row["label"],
                             origin: origin(row, slug: slug.rawValue, file: .indicators))
        }
    }
}

enum OzgServiceRecord {
    static func insert(_ s: OzgService, origin: Location?, _ db: Database) throws {
        try execute(db, """
            INSERT INTO ozg_service (ozg_id, name, themenfeld, lebenslage, leika_count, leika_count_known, leika_count_municipal,
                                     leika_count_municipal_known, note, origin_line, origin_column)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [s.id.rawValue, s.name, s.themenfeld, s.lebenslage, s.leikaCount, s.leikaCount != nil ? 1 : 0,
                  s.leikaCountMunicipal, s.leikaCountMunicipal != nil ? 1 : 0, s.note] + originColumns(origin))
    }

    static func fetchAll(_ db: Database) throws -> [OzgService] {
        try Row.fetchAll(db, sql: "SELECT * FROM ozg_service ORDER BY ozg_id").map { row in
            OzgService(id: OzgID(row["ozg_id"] as Int), name: row["name"], themenfeld: row["themenfeld"], lebenslage: row["lebenslage"],
                       leikaCount: row["leika_count"], leikaCountMunicipal: row["leika_count_municipal"], note: row["note"])
        }
    }
}

enum DatasetFileRecord {
    static func replace(_ dataset: String, with digests: [FileDigest], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM dataset_file WHERE dataset = ?", arguments: [dataset])
        for digest in digests {
            try execute(db, "INSERT INTO dataset_file (dataset, path, content_hash, size) VALUES (?, ?, ?, ?)",
                        [dataset, digest.path, digest.contentHash, digest.size])
        }
    }

    static func fetch(_ db: Database, _ dataset: String) throws -> [FileDigest] {
        try Row.fetchAll(db, sql: "SELECT path, content_hash, size FROM dataset_file WHERE dataset = ? ORDER BY path", arguments: [dataset]).map {
            FileDigest(path: $0["path"], contentHash: $0["content_hash"], size: $0["size"])
        }
    }

    /// The digests of every dataset, by dataset: one query instead of one per dataset.
    static func fetchAll(_ db: Database) throws -> [String: [FileDigest]] {
        var digests: [String: [FileDigest]] = [:]
        // By column position from a cursor: a peer view reads these rows of every dataset twice.
        let rows = try Row.fetchCursor(db, sql: "SELECT dataset, path, content_hash, size FROM dataset_file ORDER BY dataset, path")
        while let row = try rows.next() {
            digests[row[0] as String, default: []].append(FileDigest(path: row[1], contentHash: row[2], size: row[3]))
        }
        return digests
    }

    static func datasets(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT dataset FROM dataset_file ORDER BY dataset")
    }
}

enum LeikaServiceRecord {
    static func insert(_ s: CatalogueLeikaEntry, _ db: Database) throws {
        try execute(db, """
            INSERT INTO leika_service (leika_key, name, name2, typ, ozg_id, ozg_id_state, legal_basis, published, origin_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [s.key.rawValue, s.name, s.name2, s.typ] + ozgColumns(s.ozgID) + [s.legalBasis, s.published, s.line])
    }

    static func fetchAll(_ db: Database) throws -> [LeikaService] {
        try Row.fetchAll(db, sql: "SELECT leika_key, name, typ, ozg_id FROM leika_service ORDER BY leika_key").compactMap { row in
            guard let key = LeikaKey(row["leika_key"] as String) else { return nil }
            return LeikaService(key: key, name: row["name"], typ: row["typ"] ?? "", ozgID: (row["ozg_id"] as Int?).map(OzgID.init))
        }
    }
}

enum OzgCatalogueRecord {
    static func insert(_ s: CatalogueOzgEntry, _ db: Database) throws {
        try execute(db, "INSERT INTO ozg_catalogue (ozg_id, name, lebenslage, themenfeld, origin_line) VALUES (?, ?, ?, ?, ?)",
                    [s.id.rawValue, s.name, s.lebenslage, s.themenfeld, s.line])
    }
}
