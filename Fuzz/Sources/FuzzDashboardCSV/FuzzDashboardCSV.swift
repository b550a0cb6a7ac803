import Domain
import Foundation
import FuzzSupport
import Storage

/// The OZG dashboard's CSV download, as `bench import-dashboard` reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    var export = DashboardExport()
    export.readCSV(data, file: "dashboard.csv")
    export.finish()
    Invariants.check(export.findings, file: "dashboard.csv", inputSize: count)
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzz) }
}
