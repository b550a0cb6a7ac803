import Domain
import GRDB
import GRDBSQLite

/// Inserts service records through SQLite's C API: prepared statements that insert 16 rows at once, their values
/// bound by position from one byte buffer.
///
/// `service_record` takes millions of rows (6.7 million for NRW's 427 authorities over three snapshots). Through
/// GRDB's `StatementArguments` every value of every row is boxed and every text copied twice; here a row's texts are
/// written once into a reused buffer and SQLite reads them from there (SQLITE_STATIC: the buffer outlives the step).
/// One statement per 16 rows opens the table's and indexes' cursors once for all of them.
///
/// A non-copyable struct rather than a class: its buffers are then mutated without Swift's run-time exclusivity
/// checks, which cost as much per row as binding the values. Call `finish()` after the last row: rows are written
/// in groups.
struct ServiceRowWriter: ~Copyable {
    static let rowsPerStatement = 16
    static let columns = ["municipality", "snapshot", "snapshot_first", "snapshot_last", "name", "name_corrected", "unit",
                          "ozg_id", "ozg_id_state", "leika_key", "match_method", "status", "responsible", "source_id", "note",
                          "origin_line", "origin_column"]

    /// One parameter's value: a text in `bytes`, an integer, or NULL.
    private enum Value {
        case text(offset: Int, count: Int)
        case integer(Int64)
        case null
    }

    private let connection: SQLiteConnection
    private let group: SQLiteStatement
    private let single: SQLiteStatement
    private var bytes: [UInt8] = []
    /// `columns.count` values per row waiting to be written.
    private var values: [Value] = []

    static func sql(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO service_record (\(columns.joined(separator: ", "))) VALUES "
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
        bytes.reserveCapacity(ServiceRowWriter.rowsPerStatement * 160)
        values.reserveCapacity(ServiceRowWriter.rowsPerStatement * ServiceRowWriter.columns.count)
    }

    deinit {
        sqlite3_finalize(group)
        sqlite3_finalize(single)
    }

    /// Inserts one record of the municipality `slug` (written with the next group of rows, or by `finish()`).
    mutating func insert(_ record: ServiceRecord, slug: Slug) throws {
        text(slug.rawValue)
        date(record.snapshot)
        date(record.snapshot.earliestDay)
        date(record.snapshot.latestDay)
        text(record.name)
        text(record.nameCorrected)
        text(record.unit.rawValue)
        switch record.ozgID {
        case .known(let id?):
            values.append(.integer(Int64(id.rawValue)))
            text("known")
        case .known(nil):
            values.append(.null)
            text("none")
        case .unknown:
            values.append(.null)
            text("unknown")
        }
        if let key = record.leikaKey { text(key.rawValue) } else { values.append(.null) }
        text(record.match.rawValue)
        text(record.status)
        text(record.responsible)
        text(record.sourceID)
        text(record.note)
        integer(record.origin?.line)
        integer(record.origin?.column)
        if values.count == ServiceRowWriter.rowsPerStatement * ServiceRowWriter.columns.count {
            try write(group, rows: 0..<ServiceRowWriter.rowsPerStatement)
            bytes.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
        }
    }

    /// Writes the rows still waiting, one statement each.
    mutating func finish() throws {
        let rows = values.count / ServiceRowWriter.columns.count
        for row in 0..<rows { try write(single, rows: row..<row + 1) }
        bytes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// Binds the values of `rows` to `statement` in order and runs it.
    private func write(_ statement: SQLiteStatement, rows: Range<Int>) throws {
        let width = ServiceRowWriter.columns.count
        let code = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var parameter: Int32 = 1
            for value in values[rows.lowerBound * width..<rows.upperBound * width] {
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
            return code
        }
        guard code == SQLITE_DONE else { throw ServiceRowWriter.error(code, connection) }
    }

    private mutating func text(_ value: String) {
        let offset = bytes.count
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
        values.append(.text(offset: offset, count: bytes.count - offset))
    }

    /// A partial date as the dataset files write it (`2025`, `2025-05`, `2025-05-23`), without building a String.
    private mutating func date(_ date: PartialDate) {
        let offset = bytes.count
        digits(date.year, divisor: 1000)
        if let month = date.month {
            bytes.append(UInt8(ascii: "-"))
            digits(month, divisor: 10)
        }
        if let day = date.day {
            bytes.append(UInt8(ascii: "-"))
            digits(day, divisor: 10)
        }
        values.append(.text(offset: offset, count: bytes.count - offset))
    }

    /// The decimal digits of `value` from the place of `divisor` down (1000: four digits, 10: two).
    private mutating func digits(_ value: Int, divisor: Int) {
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

    private static func error(_ code: Int32, _ connection: SQLiteConnection) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                      sql: "INSERT INTO service_record")
    }
}
