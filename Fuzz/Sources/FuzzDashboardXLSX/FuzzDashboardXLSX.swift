import Domain
import Foundation
import FuzzSupport
import Storage

/// The OZG dashboard's XLSX download: ZIPFoundation's archive reading, the workbook's XML (XMLParser), shared
/// strings and the first sheet, then the dashboard's rows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    var export = DashboardExport()
    export.readXLSX(data, file: "dashboard.xlsx")
    export.finish()
    // A finding about a sheet names the file and the sheet ("dashboard.xlsx, sheet ...").
    Invariants.check(export.findings, file: "dashboard.xlsx", inputSize: count, sheets: true)
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzz) }
}
