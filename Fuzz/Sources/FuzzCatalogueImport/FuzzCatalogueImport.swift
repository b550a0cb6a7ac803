import Domain
import Foundation
import FuzzSupport
import Storage

/// `bench import-catalogue`'s reading of a catalogue file (the FIM portal's LeiKa CSV in ISO-8859-1, or the OZG
/// catalogue extract's tables): format detection, keys, Typ, dates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let reading = CatalogueReading(data: data, file: "catalogue.csv")
    Invariants.check(reading.findings, file: "catalogue.csv", inputSize: count)
    precondition(reading.rowsRefused >= 0 && reading.rowsRefused <= reading.rowsRead)
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzz) }
}
