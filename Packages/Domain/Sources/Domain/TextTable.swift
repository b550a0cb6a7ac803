/// A table as read from a CSV file, before its cells are interpreted: the header and rows with their positions.
public struct TextTable: Sendable, Hashable {
    /// The file, as it should appear in findings (e.g. `Datasets/leverkusen/services.csv`).
    public var file: String
    public var header: [String]
    /// The line of the header row (1 unless blank lines precede it).
    public var headerLine: Int
    public var rows: [TextRow]
    /// Whether numbers may use a decimal comma (`1,9`), as in files Excel saves with semicolons.
    public var decimalComma: Bool

    public init(file: String, header: [String], headerLine: Int = 1, rows: [TextRow], decimalComma: Bool = false) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
        self.decimalComma = decimalComma
    }
}

/// One record of a CSV file: its cells, the line it starts on, and the column where each cell starts.
public struct TextRow: Sendable, Hashable {
    public var line: Int
    public var fields: [String]
    /// 1-based column (in characters) of each field's first character.
    public var columns: [Int]

    public init(line: Int, fields: [String], columns: [Int]? = nil) {
        self.line = line
        self.fields = fields
        if let columns {
            self.columns = columns
        } else {
            var positions: [Int] = []
            var column = 1
            for field in fields {
                positions.append(column)
                column += field.count + 1
            }
            self.columns = positions
        }
    }
}

/// The columns a dataset table must have, in the order `bench new` writes them.
public struct TableSchema: Sendable, Hashable {
    /// The file name (`services.csv`).
    public var fileName: String
    public var columns: [String]
    /// Columns whose cells may be empty.
    public var optional: Set<String>
    /// Columns added to the format later: a file may leave them out (its cells then read as empty), so that files
    /// written before them stay valid. `bench new` writes them after `columns`.
    public var addedColumns: [String]

    public init(fileName: String, columns: [String], optional: Set<String>, addedColumns: [String] = []) {
        self.fileName = fileName
        self.columns = columns
        self.optional = optional
        self.addedColumns = addedColumns
    }

    /// Every column a file may have: the required ones, then the added ones (the header `bench new` writes).
    public var allColumns: [String] { columns + addedColumns }

    public static let sources = TableSchema(
        fileName: DatasetFile.sources.rawValue, columns: ["id", "title", "type", "reference", "date", "body", "location", "note"],
        optional: ["location", "note"])
    public static let statusMapping = TableSchema(
        fileName: DatasetFile.statusMapping.rawValue,
        columns: ["status", "maturity", "maturity_model", "online", "in_scope", "project_state", "source_id", "note"],
        optional: ["project_state", "note"])
    public static let services = TableSchema(
        fileName: DatasetFile.services.rawValue,
        columns: ["snapshot", "name", "name_corrected", "unit", "ozg_id", "leika_key", "match", "status",
                  "responsible", "source_id", "note"],
        optional: ["name_corrected", "leika_key", "responsible", "note"])
    public static let tallies = TableSchema(
        fileName: DatasetFile.tallies.rawValue, columns: ["snapshot", "unit", "role", "status", "count", "qualifier", "source_id", "note"],
        optional: ["note"])
    public static let projects = TableSchema(
        fileName: DatasetFile.projects.rawValue,
        columns: ["project_id", "name", "scope", "ozg_id", "start", "go_live", "go_live_kind", "status", "status_date",
                  "channel", "reuse_available", "motion", "source_id", "note"],
        optional: ["reuse_available", "note"])
    public static let indicators = TableSchema(
        fileName: DatasetFile.indicators.rawValue,
        columns: ["indicator", "value", "unit", "snapshot", "period", "qualifier", "subject", "source_id", "note"],
        optional: ["period", "subject", "note", "about", "label"], addedColumns: ["about", "label"])

    /// `Datasets/reference/ozg_leistungen.csv`.
    public static let ozgReference = TableSchema(
        fileName: "ozg_leistungen.csv",
        columns: ["ozg_id", "name", "themenfeld", "lebenslage", "leika_count", "leika_count_municipal", "note"],
        optional: ["lebenslage", "note"])

    /// The tables of a municipality's dataset folder.
    public static let all: [TableSchema] = [sources, statusMapping, services, tallies, projects, indicators]

    public static func schema(for file: DatasetFile) -> TableSchema? { all.first { $0.fileName == file.rawValue } }
}
