import Domain
import Foundation
import PropertyBased
import Storage
import Testing

/// Random and mutated input for every reader of dataset files: it must never crash or hang, and either load
/// or give findings that name file, line and column.
@Suite struct ReaderFuzzTests {
    /// Bytes that matter to CSV and YAML syntax, plus text, umlauts in two encodings, NUL and invalid UTF-8.
    static let interestingBytes: [UInt8] = Array(",;\"\n\r\t :-[]{}#&*!|>'%@`a1Z".utf8) + [0xC3, 0xA4, 0xE4, 0x00, 0xFF, 0x80, 0xEF, 0xBB, 0xBF]

    static let bytes = Gen.element(of: interestingBytes).map { $0! }.array(of: 0...300)

    @Test func randomBytesNeverCrashTheCSVReader() async {
        await propertyCheck(count: 1000, input: Self.bytes) { bytes in
            let (table, _, findings) = CSVReader().table(from: Data(bytes), file: "random.csv")
            for finding in findings {
                #expect(finding.location.line ?? 0 >= 1 && finding.location.column ?? 0 >= 1, "\(finding)")
            }
            if let table {
                #expect(table.rows.allSatisfy { $0.line > table.headerLine })
                #expect(table.rows.allSatisfy { $0.fields.count == $0.columns.count })
            } else {
                #expect(findings.hasErrors, "a file that does not load says why")
            }
        }
    }

    @Test func randomBytesNeverCrashTheMetadataReader() async throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        await propertyCheck(count: 300, input: Self.bytes) { bytes in
            try? workspace.replace("municipality.yaml", with: Data(bytes))
            let findings = workspace.findings().filter { $0.location.file.hasSuffix("municipality.yaml") }
            for finding in findings {
                #expect(finding.location.line != nil && finding.location.column != nil, "\(finding)")
            }
        }
    }

    /// Mutations, each packed in one number: a relative position (per mille), an operation and a byte.
    static let mutations = Gen.int(in: 0...(1000 * 4 * interestingBytes.count - 1)).array(of: 1...6)

    /// Applies each mutation: delete, insert or replace a byte at its position, or cut the file there.
    static func mutate(_ data: Data, _ mutations: [Int]) -> Data {
        var bytes = [UInt8](data)
        for packed in mutations {
            let position = packed % 1000, operation = (packed / 1000) % 4
            let byte = interestingBytes[packed / 4000 % interestingBytes.count]
            let index = bytes.isEmpty ? 0 : position * bytes.count / 1000
            switch operation {
            case 0 where index < bytes.count: bytes.remove(at: index)
            case 1: bytes.insert(byte, at: min(index, bytes.count))
            case 2 where index < bytes.count: bytes[index] = byte
            case 3: bytes = Array(bytes.prefix(index))
            default: break
            }
        }
        return Data(bytes)
    }

    @Test(arguments: DatasetFile.allCases.map(\.rawValue) + ["reference/ozg_leistungen.csv"])
    func mutatedFilesLoadOrGiveFindingsWithPositions(file: String) async throws {
        let workspace = try CorpusWorkspace()
        defer { workspace.remove() }
        let original = try Data(contentsOf: workspace.path(of: file))
        let displayPath = workspace.workspace.displayPath(workspace.path(of: file))
        await propertyCheck(count: 150, input: Self.mutations) { mutations in
            try? workspace.replace(file, with: Self.mutate(original, mutations))
            for finding in workspace.findings() where finding.location.file == displayPath {
                #expect(finding.location.line != nil && finding.location.column != nil, "\(finding)")
                #expect(!finding.found.isEmpty && !finding.expected.isEmpty)
            }
        }
    }
}
