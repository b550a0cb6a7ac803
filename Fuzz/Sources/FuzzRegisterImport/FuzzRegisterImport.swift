import Domain
import Foundation
import FuzzSupport
import Storage

/// `bench import-register`'s reading of the Destatis Gemeindeverzeichnis: XLSX (told by the ZIP signature) or CSV,
/// header rows found by content, keys, kinds and population.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let edition = RegisterEdition(populationDate: PartialDate("2020-12-31")!, source: "Destatis, Gemeindeverzeichnis (fuzz)")
    let reading = RegisterReading(data: data, file: "register.xlsx", edition: edition)
    Invariants.check(reading.findings, file: "register.xlsx", inputSize: count, sheets: true)
    precondition(reading.rowsRefused >= 0 && reading.rowsRefused <= reading.rowsRead,
                 "\(reading.rowsRefused) rows refused of \(reading.rowsRead)")
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzz) }
}
