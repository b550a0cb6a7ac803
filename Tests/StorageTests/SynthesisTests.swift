import Domain
import Foundation
@testable import Storage
import Testing

/// `bench synth`: the same options give the same bytes, its datasets validate, and it never writes over real data.
@Suite struct SynthesisTests {
    func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("bench-synth-\(UUID().uuidString)")
    }

    /// Every file below `root`, by path relative to it.
    func files(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func theSameSeedGivesTheSameBytesAnotherSeedOthers() throws {
        let (first, second, other) = (folder(), folder(), folder())
        defer { for url in [first, second, other] { try? FileManager.default.removeItem(at: url) } }
        let summary = try SyntheticWorkload(municipalities: 5, snapshots: 2, seed: 42).write(to: first)
        #expect(try SyntheticWorkload(municipalities: 5, snapshots: 2, seed: 42).write(to: second) == summary)
        _ = try SyntheticWorkload(municipalities: 5, snapshots: 2, seed: 43).write(to: other)
        let firstFiles = try files(first)
        #expect(firstFiles.count == 1 + 5 * DatasetFile.allCases.count)
        #expect(try files(second) == firstFiles)
        let otherFiles = try files(other)
        #expect(otherFiles.keys.sorted() == firstFiles.keys.sorted())
        #expect(otherFiles["/Datasets/synth-0001/services.csv"] != firstFiles["/Datasets/synth-0001/services.csv"])
        #expect(summary.bytes == firstFiles.values.map(\.count).reduce(0, +))
    }

    @Test func itsDatasetsValidateAndSaySynthetic() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let summary = try SyntheticWorkload(municipalities: 6, snapshots: 2, seed: 7).write(to: root)
        let workspace = Workspace(root: root)
        #expect(workspace.slugs().map(\.rawValue) == (1...6).map { "synth-000\($0)" })
        let (reference, referenceFindings) = workspace.readReference()
        #expect(referenceFindings.isEmpty)
        var statusRows = 0
        for slug in workspace.slugs() {
            let reading = workspace.validate(slug, reference: reference)
            #expect(reading.findings.isEmpty, "\(slug): \(reading.findings.first?.description ?? "")")
            let dataset = try #require(reading.dataset)
            #expect(dataset.municipality.synthetic)
            #expect(Set(dataset.services.map(\.snapshot)).count == 2)
            #expect(dataset.services.allSatisfy { $0.unit == .leikaLeistung && $0.leikaKey != nil })
            statusRows += dataset.services.count
        }
        #expect(statusRows == summary.statusRows)
        // NRW's mix of authorities at the default size.
        let kinds = SyntheticWorkload().kinds()
        #expect([MunicipalityKind.kreisangehoerigeGemeinde, .kreisfreieStadt, .kreis, .staedteregion].map { kind in
            kinds.filter { $0 == kind }.count
        } == [373, 23, 30, 1])
    }

    /// A Kreis executes other services than a kreisangehörige Gemeinde: each gets those of its level's Typisierung.
    @Test func eachLevelGetsTheServicesItExecutes() {
        #expect(SyntheticWorkload.executes(.municipal, typ: "5"))
        #expect(!SyntheticWorkload.executes(.municipal, typ: "4"))
        #expect(SyntheticWorkload.executes(.district, typ: "4"))
        #expect(!SyntheticWorkload.executes(.district, typ: "5"))
        #expect(SyntheticWorkload.executes(.municipalAndDistrict, typ: "4"))
        #expect(!SyntheticWorkload.executes(.municipalAndDistrict, typ: "1"))
    }

    @Test func itRefusesAFolderWithRealDatasets() throws {
        let workspace = try Fixtures.workspace()
        defer { Fixtures.remove(workspace) }
        let before = try files(workspace.root)
        #expect {
            _ = try SyntheticWorkload(municipalities: 2, snapshots: 1).write(to: workspace.root)
        } throws: { error in
            "\(error)".contains("Datasets/beispielstadt") && "\(error)".contains("is not a synthetic dataset")
        }
        #expect(try files(workspace.root) == before)
    }

    /// Writing again into a folder of synthetic data replaces it: a smaller workload leaves no stale municipality
    /// behind in the folders it rewrites.
    @Test func itWritesAgainIntoItsOwnFolder() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SyntheticWorkload(municipalities: 3, snapshots: 1, seed: 1).write(to: root)
        _ = try SyntheticWorkload(municipalities: 3, snapshots: 1, seed: 2).write(to: root)
        let fresh = folder()
        defer { try? FileManager.default.removeItem(at: fresh) }
        _ = try SyntheticWorkload(municipalities: 3, snapshots: 1, seed: 2).write(to: fresh)
        #expect(try files(root) == files(fresh))
    }
}
