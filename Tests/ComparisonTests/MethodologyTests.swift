import Foundation
import Testing
@testable import Comparison

@Suite("Methodology: the definitions in code and Docs/methodology.md are the same text")
struct MethodologyTests {
    /// Docs/methodology.md of this repository, found from this file's path.
    static let document: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Docs/methodology.md"), encoding: .utf8)) ?? ""
    }()

    @Test("Every metric's title, summary and paragraphs stand in Docs/methodology.md word for word")
    func metricsDocumented() {
        #expect(!Self.document.isEmpty, "Docs/methodology.md is missing; write Methodology.markdown() to it")
        for metric in Methodology.metrics {
            for text in ["## " + metric.title, metric.summary] + metric.paragraphs {
                #expect(Self.document.contains(text), "Docs/methodology.md lacks (or has changed): \(text.prefix(80))…")
            }
        }
    }

    @Test("Every note's computation and the peer view stand in Docs/methodology.md word for word")
    func notesDocumented() {
        for note in Methodology.notes {
            #expect(Self.document.contains("### " + note.title + "\n\n" + note.computation), "Docs/methodology.md lacks the note \(note.title)")
        }
        for paragraph in Methodology.peerView {
            #expect(Self.document.contains(paragraph))
        }
    }

    @Test("Every metric and every kind of note has a definition, and the sections use them")
    func complete() throws {
        #expect(Set(Methodology.metrics.map(\.id)) == Set(MetricID.allCases))
        #expect(Set(Methodology.notes.map(\.kind)) == Set(ComparabilityNote.Kind.allCases).subtracting([.other]))
        let report = try ComparisonReport(comparing: [cityDataset(), districtDataset()], reference: reference)
        for section in report.sections {
            #expect(section.definition == Methodology.definition(of: section.id).summary)
            #expect(section.title == Methodology.definition(of: section.id).title)
        }
    }
}
