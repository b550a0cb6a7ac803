import Domain
import GRDB
import GRDBSQLite

/// Reads a municipality's service records through SQLite's C API, by column position.
///
/// `bench compare` reads tens of thousands of records per municipality at scale; GRDB's `Row` looks each column up
/// by a lower-cased name, which took longer than the comparison itself.
enum ServiceRowReader {
    static let sql = """
        SELECT snapshot, name, name_corrected, unit, ozg_id, ozg_id_state, leika_key, match_method, status, responsible,
               source_id, note, origin_line, origin_column, coverage, active
        FROM service_record WHERE municipality = ? ORDER BY id
        """

    static func fetchAll(_ db: Database, _ slug: Slug) throws -> [ServiceRecord] {
        guard let connection = db.sqliteConnection else { throw DatabaseError(message: "the database connection is closed") }
        var prepared: SQLiteStatement?
        var code = sqlite3_prepare_v2(connection, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let statement = prepared else { throw error(code, connection) }
        defer { sqlite3_finalize(statement) }
        // SQLITE_TRANSIENT: SQLite copies the slug, which lives only during the call.
        sqlite3_bind_text(statement, 1, slug.rawValue, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))

        let file = "Datasets/\(slug)/\(DatasetFile.services.rawValue)"
        var records: [ServiceRecord] = []
        // Room for all at once: growing an array of tens of thousands of records copies it again and again.
        records.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM service_record WHERE municipality = ?",
                                                 arguments: [slug.rawValue]) ?? 0)
        // The few distinct snapshots of a municipality, parsed once each.
        var snapshots: [String: PartialDate] = [:]
        func text(_ column: Int32) -> String? {
            guard let bytes = sqlite3_column_text(statement, column) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
        }
        func integer(_ column: Int32) -> Int? {
            sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, column))
        }
        func value<E: RawRepresentable>(_ column: Int32, _ name: String) throws -> E where E.RawValue == String {
            let word = text(column) ?? ""
            guard let value = E(rawValue: word) else {
                throw StorageError.database(path: "", reason: "\(name) '\(word)' is not a known value; delete the database file to rebuild it")
            }
            return value
        }
        while true {
            code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw error(code, connection) }
            let snapshotText = text(0) ?? ""
            guard let snapshot = snapshots[snapshotText] ?? PartialDate(snapshotText) else {
                throw StorageError.database(path: "", reason: "snapshot '\(snapshotText)' is not a date; delete the database file to rebuild it")
            }
            snapshots[snapshotText] = snapshot
            let ozgID = (text(5).flatMap(OzgIDState.init(rawValue:)) ?? .unknown).id { OzgID(integer(4) ?? 0) }
            let origin = integer(12).map { Location(file: file, line: $0, column: integer(13)) }
            records.append(ServiceRecord(snapshot: snapshot, name: text(1) ?? "", nameCorrected: text(2) ?? "",
                                         unit: try value(3, "unit"), ozgID: ozgID, leikaKey: text(6).flatMap(LeikaKey.init),
                                         match: try value(7, "match_method"), status: text(8) ?? "", responsible: text(9) ?? "",
                                         sourceID: text(10) ?? "", note: text(11) ?? "",
                                         coverage: text(14).flatMap(DashboardCoverage.init(rawValue:)),
                                         active: integer(15).map { $0 == 1 }, origin: origin))
        }
        return records
    }

    private static func error(_ code: Int32, _ connection: SQLiteConnection) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}
