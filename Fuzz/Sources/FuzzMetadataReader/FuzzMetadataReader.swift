import Domain
import Foundation
import FuzzSupport
@testable import Storage

/// The reader of `municipality.yaml`: libyaml's events read one by one (aliases, anchors, tags and nested values
/// refused), UTF-8 and NUL checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let (fields, findings) = MetadataReader.fields(from: data, file: "municipality.yaml")
    Invariants.check(findings, file: "municipality.yaml", inputSize: count)
    precondition(fields != nil || findings.hasErrors, "no fields and no error")
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzz) }
}
