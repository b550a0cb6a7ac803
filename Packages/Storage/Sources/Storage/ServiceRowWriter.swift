import Domain
import GRDB
import GRDBSQLite

/// A municipality's service records as the values of `service_record`'s columns, ready to be bound: texts in one
/// byte buffer, numbers and NULLs beside them.
///
/// Built on the thread that reads and validates datasets (`DatasetPreparation`), so that the thread that writes
/// only binds and steps: writing into SQLite is the slower half of an import.
struct ServiceRows: Sendable {
    static let columns = ["municipality", "snapshot", "snapshot_first", "snapshot_last", "name", "name_corrected", "unit",
                          "ozg_id", "ozg_id_state", "leika_key", "match_method", "status", "responsible", "source_id", "note",
                          "origin_line", "origin_column", "coverage", "active"]

    /// One column's value: a text in `bytes`, an integer, or NULL.
    enum Value: Sendable {
        case text(offset: Int, count: Int)
        case integer(Int64)
        case null
    }

    private(set) var bytes: [UInt8] = []
    /// `columns.count` values per row.
    private(set) var values: [Value] = []
    /// The previous record's snapshot and the text of its three columns: records come snapshot by snapshot.
    private var lastSnapshot: (date: PartialDate, text: [UInt8])?

    var count: Int { values.count / ServiceRows.columns.count }

    init(_ records: [ServiceRecord], slug: Slug) {
        bytes.reserveCapacity(records.count * 128)
        values.reserveCapacity(records.count * ServiceRows.columns.count)
        for record in records {
            text(slug.rawValue)
            snapshot(record.snapshot)
            text(record.name)
            text(record.nameCorrected)
            text(record.unit.rawValue)
            if case .known(let id?) = record.ozgID { values.append(.integer(Int64(id.rawValue))) } else { values.append(.null) }
            text(OzgIDState(record.ozgID).rawValue)
            if let key = record.leikaKey { text(key.rawValue) } else { values.append(.null) }
            text(record.match.rawValue)
            text(record.status)
            text(record.responsible)
            text(record.sourceID)
            text(record.note)
            integer(record.origin?.line)
            integer(record.origin?.column)
            if let coverage = record.coverage { text(coverage.rawValue) } else { values.append(.null) }
            integer(record.active.map { $0 ? 1 : 0 })
        }
    }

    private mutating func text(_ value: String) {
        let offset = bytes.count
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
        values.append(.text(offset: offset, count: bytes.count - offset))
    }

    /// `snapshot`, `snapshot_first` and `snapshot_last`.
    private mutating func snapshot(_ snapshot: PartialDate) {
        if lastSnapshot?.date != snapshot {
            var text: [UInt8] = []
            for date in [snapshot, snapshot.earliestDay, snapshot.latestDay] { ServiceRows.append(date, to: &text) }
            lastSnapshot = (snapshot, text)
        }
        let text = lastSnapshot!.text
        let offset = bytes.count
        bytes.append(contentsOf: text)
        // The first and last day are full dates of 10 characters; the snapshot as written is what precedes them.
        let written = text.count - 20
        values.append(.text(offset: offset, count: written))
        values.append(.text(offset: offset + written, count: 10))
        values.append(.text(offset: offset + written + 10, count: 10))
    }

    /// A partial date as the dataset files write it (`2025`, `2025-05`, `2025-05-23`), without building a String.
    private static func append(_ date: PartialDate, to bytes: inout [UInt8]) {
        append(date.year, divisor: 1000, to: &bytes)
        if let month = date.month {
            bytes.append(UInt8(ascii: "-"))
            append(month, divisor: 10, to: &bytes)
        }
        if let day = date.day {
            bytes.append(UInt8(ascii: "-"))
            append(day, divisor: 10, to: &bytes)
        }
    }

    /// The decimal digits of `value` from the place of `divisor` down (1000: four digits, 10: two).
    private static func append(_ value: Int, divisor: Int, to bytes: inout [UInt8]) {
        var divisor = divisor, rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    private mutating func integer(_ value: Int?) {
        values.append(value.map { .integer(Int64($0)) } ?? .null)
    }
}

/// Inserts service rows through SQLite's C API: a prepared statement that inserts 48 rows at once, its values bound
/// by position, its texts read by SQLite in place from `ServiceRows`' buffer.
///
/// `service_record` takes millions of rows (6.7 million for NRW's 427 authorities over three snapshots). Through
/// GRDB's `StatementArguments` every value of every row is boxed and every text copied twice; here SQLite reads each
/// text where it lies (SQLITE_STATIC: the buffer outlives the step). One statement per 48 rows opens the table's
/// and indexes' cursors once for all of them.
struct ServiceRowWriter: ~Copyable {
    /// 48 rows of 19 values: 912 parameters, under the 999 that SQLite before 3.32 allows; more rows per statement
    /// gained nothing measurable.
    static let rowsPerStatement = 48

    private let connection: SQLiteConnection
    private let group: SQLiteStatement
    private let single: SQLiteStatement

    static func sql(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: ServiceRows.columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO service_record (\(ServiceRows.columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// Prepares the statements on `db`'s connection; the writer must not outlive the transaction it is used in.
    init(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(message: "the database connection is closed") }
        func prepare(_ sql: String) throws -> SQLiteStatement {
            var statement: SQLiteStatement?
            let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
            guard code == SQLITE_OK, let statement else { throw ServiceRowWriter.error(code, connection) }
            return statement
        }
        let group = try prepare(ServiceRowWriter.sql(rows: ServiceRowWriter.rowsPerStatement))
        let single: SQLiteStatement
        do { single = try prepare(ServiceRowWriter.sql(rows: 1)) } catch {
            sqlite3_finalize(group)
            throw error
        }
        self.connection = connection
        self.group = group
        self.single = single
    }

    deinit {
        sqlite3_finalize(group)
        sqlite3_finalize(single)
    }

    /// Inserts every row, in order; `written` is told the number of rows inserted so far after each statement.
    func insert(_ rows: ServiceRows, written: (Int) throws -> Void) throws {
        let width = ServiceRows.columns.count
        try rows.bytes.withUnsafeBufferPointer { buffer in
            // A row without any text cannot be: the municipality is one. An empty buffer means no rows.
            guard let start = buffer.baseAddress else { return }
            let base = UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)
            var row = 0
            while row < rows.count {
                let group = rows.count - row >= ServiceRowWriter.rowsPerStatement ? ServiceRowWriter.rowsPerStatement : 1
                let statement = group == 1 ? single : self.group
                var parameter: Int32 = 1
                for value in rows.values[row * width..<(row + group) * width] {
                    switch value {
                    case .text(let offset, let count):
                        // A nil destructor is SQLITE_STATIC: SQLite reads the bytes in place, without a copy.
                        sqlite3_bind_text(statement, parameter, base + offset, Int32(count), nil)
                    case .integer(let number):
                        sqlite3_bind_int64(statement, parameter, number)
                    case .null:
                        sqlite3_bind_null(statement, parameter)
                    }
                    parameter += 1
                }
                let code = sqlite3_step(statement)
                sqlite3_reset(statement)
                guard code == SQLITE_DONE else { throw ServiceRowWriter.error(code, connection) }
                row += group
                try written(row)
            }
        }
    }

    private static func error(_ code: Int32, _ connection: SQLiteConnection) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                      sql: "INSERT INTO service_record")
    }
}
