import Domain
import Foundation
import FuzzSupport
import Storage

/// The OZG dashboard API's paged JSON (bench's own positioned JSON parser, the page bookkeeping and `finish()`,
/// whose findings must stay short whatever page count a file claims).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    var export = DashboardExport()
    export.readJSON(data, file: "dashboard.json")
    export.finish()
    Invariants.check(export.findings, file: "dashboard.json", inputSize: count)
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzz) }
}
