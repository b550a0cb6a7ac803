import Domain
import Foundation

extension DashboardExport {
    /// Reads an XLSX file as `/v1/data/{ars}` gives it with `filetype=xlsx` (through `XLSXReader`): the first sheet, a
    /// header row of the export's fields, then one row per service. A finding names the file and sheet, the spreadsheet
    /// row as its line and the column's number as its column.
    public mutating func readXLSX(_ data: Data, file: String) {
        files.append(file)
        let (sheets, sheetFindings) = XLSXReader.sheets(data, file: file)
        for finding in sheetFindings {
            findings.append(finding)
            exportFindingsAppend(finding)
        }
        guard let sheet = sheets.first else { return }
        let rows = sheet.rows.filter { $0.cells.contains { !$0.trimmed.isEmpty } }
        guard let header = rows.first else {
            let finding = Finding(.error, at: Location(file: sheet.displayName, line: 1, column: 1), code: "empty-export",
                                  found: "the first sheet is empty", expected: "pass the XLSX file as the dashboard gives it")
            findings.append(finding)
            exportFindingsAppend(finding)
            return
        }
        let width = header.cells.count
        // Rows shorter than the header (Excel leaves trailing empty cells out) are padded.
        let body = rows.dropFirst().map { row -> TextRow in
            let fields = row.cells.count < width ? row.cells + Array(repeating: "", count: width - row.cells.count) : row.cells
            return TextRow(line: row.line, fields: fields, columns: Array(0..<fields.count).map { $0 + 1 })
        }
        readTable(header: header.cells, headerLine: header.line, rows: Array(body), file: sheet.displayName,
                  headerColumns: Array(0..<width).map { $0 + 1 })
    }
}
