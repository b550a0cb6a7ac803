import Domain
import Foundation
import FuzzSupport
import Storage

/// Storage's CSV reader (every dataset table goes through it): the dialect detection, the UTF-8 / Windows-1252
/// decision, quoting, line ends and the cell limit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let (table, _, findings) = CSVReader().table(from: data, file: "fuzz.csv")
    Invariants.check(findings, file: "fuzz.csv", inputSize: count)
    if let table, !findings.hasErrors {
        precondition(table.headerLine >= 1)
        var previous = table.headerLine
        for row in table.rows {
            precondition(row.line > previous, "row at line \(row.line) after line \(previous)")
            precondition(row.columns.count == row.fields.count, "\(row.columns.count) columns for \(row.fields.count) cells")
            precondition(row.columns.allSatisfy { $0 >= 1 })
            previous = row.line
        }
    }
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzz) }
}
