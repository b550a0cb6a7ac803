import Comparison
import Domain
import Foundation
import Storage
import Testing
@testable import Derivation

@Suite("Peer groups through the derivation: size classes as data, rules, lists")
struct PeerGroupDerivationTests {
    @Test("The shipped size classes are the nine Gemeindegrößenklassen of Destatis, with their source")
    func shippedSizeClasses() throws {
        let classes = try SizeClasses.read(Workspace(root: TestWorkspace.repository))
        #expect(classes.map(\.lower) == [0, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000])
        #expect(classes.map(\.upper) == [2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, nil])
        #expect(classes.first?.label == "unter 2.000 Einwohner" && classes.last?.label == "500.000 und mehr Einwohner")
        #expect(classes.allSatisfy { $0.source.contains("Destatis") })
        // Leverkusen's 163.729 inhabitants (31.12.2019) fall in 100.000 bis unter 200.000.
        #expect(classes.first { $0.contains(163_729) }?.id == "100000-200000")
    }

    @Test("A row that cannot be read is a finding with its line and column; overlapping classes are refused")
    func badSizeClasses() {
        let bad = Data("id,label,lower,upper,source\na,A,0,100,Destatis\nb,B,zehn,200,Destatis\n".utf8)
        #expect {
            try SizeClasses.parse(bad, file: "size_classes.csv")
        } throws: { error in
            guard case StorageError.invalidInput(let findings) = error, let finding = findings.first else { return false }
            return findings.count == 1 && finding.location.line == 3 && finding.location.column == 5 && finding.code == "bad-number"
        }
        let overlapping = Data("id,label,lower,upper,source\na,A,0,100,Destatis\nb,B,50,200,Destatis\n".utf8)
        #expect(throws: StorageError.self) { try SizeClasses.parse(overlapping, file: "size_classes.csv") }
    }

    @Test("A list names the peers; a slug not in the workspace is an error; without population no size group")
    func rules() throws {
        let workspace = try TestWorkspace("synthetic")
        defer { workspace.remove() }
        let derivation = try workspace.derivation()
        let slugs = workspace.workspace.slugs()
        let subject = slugs[0]
        let ring = PeerRule.list(name: "ring", members: [slugs[3], slugs[1]])
        let report = try derivation.comparison(ComparisonRequest(.peers(of: subject, rule: ring), metrics: [.servicesOnline]))
        #expect(report.peerGroup?.members.map(\.slug) == [slugs[1], slugs[3]])
        // The same rule over the datasets (--as-of after every snapshot) names the same members.
        let viaDatasets = try derivation.comparison(ComparisonRequest(.peers(of: subject, rule: ring), asOf: PartialDate("2099"),
                                                                      metrics: [.servicesOnline]))
        #expect(viaDatasets.peerGroup?.members.map(\.slug) == [slugs[1], slugs[3]])
        #expect(throws: StorageError.self) {
            try derivation.comparison(ComparisonRequest(.peers(of: subject, rule: .list(name: "ring", members: [Slug("nirgendwo")!]))))
        }
        // The synthetic datasets carry no population: no size class, and the message says what to do.
        #expect {
            try derivation.comparison(ComparisonRequest(.peers(of: subject, rule: .levelAndSize)))
        } throws: { error in
            (error as? ComparisonError)?.description.contains("population is unknown") == true
        }
        #expect(try derivation.comparison(ComparisonRequest(.peers(of: subject, rule: .all))).peerGroup?.members.count == slugs.count - 1)
    }
}

@Suite("The site's peer views")
struct SitePeerViewTests {
    @Test("Each is the report of bench compare SLUG --peers (by kind where no size class)")
    func sameAsCompare() throws {
        let workspace = try TestWorkspace("synthetic")
        defer { workspace.remove() }
        let derivation = try workspace.derivation()
        let slugs = workspace.workspace.slugs()
        let views = try derivation.sitePeerViews(slugs)
        // The synthetic authorities have no population: each is compared by kind. The one kreisfreie Stadt (synth-0002)
        // and the one Kreis (synth-0003) of the twelve have no other of their kind, and no view.
        let alone = [Slug("synth-0002")!, Slug("synth-0003")!]
        #expect(views.map { $0.participants[0].slug } == slugs.filter { !alone.contains($0) })
        for slug in alone {
            #expect(throws: ComparisonError.self) { try derivation.comparison(ComparisonRequest(.peers(of: slug, rule: .kind))) }
        }
        for view in views {
            #expect(view.peerGroup?.rule == .kind)
            let compared = try derivation.comparison(ComparisonRequest(.peers(of: view.participants[0].slug, rule: .kind)))
            // The same report value, so every renderer gives the same bytes.
            #expect(view == compared)
        }
    }

    @Test("The bundled pair has no peer views: neither has another authority of its level and size class")
    func bundled() throws {
        let workspace = try TestWorkspace("bundled")
        defer { workspace.remove() }
        let derivation = try workspace.derivation()
        #expect(try derivation.sitePeerViews(workspace.workspace.slugs()).isEmpty)
        #expect(try derivation.kreisNames()["05334"] != nil)
    }
}
