import Domain
import Foundation
import Testing
@testable import Comparison

@Suite("A note says what it is about; rules read that, not its sentence")
struct NoteSubjectTests {
    /// A district whose name begins with a peer's name and a colon, so that its own notes begin with "Kreis A:" too.
    static let subject = districtDataset(slug: "kreis-a-nord", name: "Kreis A: Nord")
    static let peers = [districtDataset(slug: "kreis-a", name: "Kreis A"), districtDataset(slug: "kreis-b", name: "Kreis B")]

    @Test("The peer view drops the notes about one peer and keeps those about the subject and about all")
    func peerViewBySubject() throws {
        let report = try ComparisonReport(peerViewOf: Self.subject.slug, among: Self.peers + [Self.subject], reference: reference)
        let notes = report.sections.flatMap(\.notes)
        #expect(!notes.contains { note in Self.peers.contains { note.isAbout($0.slug) } })
        // The subject's own notes stay, though their sentences begin with the name of a peer and a colon.
        let own = notes.filter { $0.isAbout(Self.subject.slug) }
        #expect(own.contains { $0.kind == .denominatorChanged && $0.german.hasPrefix("Kreis A: Nord: Der Bestand (LeiKa-Leistungen)") })
        #expect(own.contains { $0.kind == .unknownValues && $0.german.contains("Kein Optimierungspotenzial") })
        // Notes about all stay.
        let projects = try #require(report.sections.first { $0.id == .projectsPerYear })
        #expect(projects.notes.contains { $0.subject == NoteSubject(.projectsPerYear) && $0.detail == .projectsAreMinimums })
        let trends = try #require(report.sections.first { $0.id == .trends })
        #expect(trends.notes.contains { $0.subject.municipality == nil && $0.detail == .ownSnapshots })
    }

    @Test("A peer's digest keeps no note about the peer alone; the peer view from digests is the one from datasets")
    func peerDigestBySubject() throws {
        let peers = Self.peers.map { PeerDigest(peer: $0, reference: reference) }
        for digest in peers {
            #expect(digest.servicesOnline!.notes.isEmpty)
            #expect(digest.servicesOnline!.notesConverted.isEmpty)
            #expect(digest.efaUptake!.notes.isEmpty)
            #expect(digest.projectsPerYear!.notes.isEmpty)
            #expect(digest.trends!.denominatorChange == nil)
        }
        let subject = PeerDigest(subject: Self.subject, reference: reference)
        #expect(!subject.servicesOnline!.notes.isEmpty)
        #expect(subject.trends!.denominatorChange?.isAbout(Self.subject.slug) == true)
        let fromDigests = try ComparisonReport(peerViewOf: subject, peers: peers)
        let fromDatasets = try ComparisonReport(peerViewOf: Self.subject.slug, among: Self.peers + [Self.subject], reference: reference)
        #expect(fromDigests == fromDatasets)
    }

    @Test("A note about one municipality names it first; its subject says which metric and municipality")
    func subjectOfSideNotes() throws {
        let report = try ComparisonReport(comparing: [cityDataset(), districtDataset()], reference: reference)
        for section in report.sections {
            for note in section.notes {
                #expect(note.subject.metric == section.id)
                if let municipality = note.subject.municipality {
                    #expect(["stadt-b", "kreis-a"].contains(municipality.slug.rawValue))
                    #expect(note.german.hasPrefix(municipality.name))
                }
            }
        }
        let efa = try #require(report.sections.first { $0.id == .efaUptake })
        let missing = try #require(efa.notes.first { if case .efaCountsMissing = $0.detail { return true } else { return false } })
        // This sentence has the name as its subject, without a colon: the text rule kept it in a peer view, the subject does not.
        #expect(missing.german.hasPrefix("Stadt B meldet keine Zahl"))
        #expect(missing.isAbout(Slug("stadt-b")!))
    }

    @Test("Notes and digests survive a round trip: JSON, and the digest's bytes")
    func roundTrip() throws {
        let report = try ComparisonReport(comparing: [cityDataset(), districtDataset()], reference: reference)
        let notes = report.sections.flatMap(\.notes)
        #expect(notes.count > 10)
        let decoded = try JSONDecoder().decode([ComparabilityNote].self, from: JSONEncoder().encode(notes))
        #expect(decoded == notes)
        for dataset in [cityDataset(), districtDataset()] {
            let digest = PeerDigest(subject: dataset, reference: reference)
            #expect(try PeerDigest(encoded: digest.encoded()) == digest)
        }
    }
}
