import Testing
@testable import Presentation

/// The table layout counts characters without grapheme breaking where every scalar is a character of its own: it must
/// count what `String.count` counts, and wrap as a layout that counts with `String.count` does.
@Suite struct CharacterCountTests {
    /// Scalars of every kind that meets a table: simple ones, and those that join their neighbours.
    static let pool: [String] = ["a", "Z", "7", " ", "ä", "ß", "É", "„", "“", "–", "…", "€", "≥", "─", "ʼ", "\u{AD}",
                                 "\u{0301}", "\u{200D}", "\r", "\n", "\r\n", "👍", "\u{1F3FD}", "🇩", "🇪", "\u{FE0F}", "한",
                                 "\u{1100}", "\u{1161}", "\t", "\u{7F}", "\u{0903}", "\u{0600}"]

    /// A deterministic mix of `count` pieces of the pool.
    static func text(seed: Int, count: Int) -> String {
        var state = UInt64(truncatingIfNeeded: seed) &* 6364136223846793005 &+ 1442695040888963407
        var text = ""
        for _ in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text += pool[Int(state >> 33) % pool.count]
        }
        return text
    }

    /// `wrapped` as it was written before counting was made fast: `String.count` throughout.
    static func reference(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines
    }

    @Test("characterCount is String.count, and wrapping and padding lay out as with String.count")
    func countsAsStringDoes() {
        let fixed = ["", "Leistungen online", "Über 1.187 LeiKa-Leistungen „digital“ – 12 % … ≥ 2 €", "e\u{0301}", "a\r\nb",
                     "👍\u{1F3FD} ok", "🇩🇪 Deutschland", "x \u{0301}y", "\u{0600}1 2"]
        let generated = (0..<2000).map { Self.text(seed: $0, count: 1 + $0 % 40) }
        for sample in fixed + generated {
            #expect(characterCount(sample) == sample.count, "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
            for width in [1, 5, 12, 30] {
                #expect(wrapped(sample, width: width) == Self.reference(sample, width: width),
                        "\(sample.unicodeScalars.map { String($0.value, radix: 16) }) at \(width)")
            }
            // As padded with `String.count` (a space after a prepended mark joins it, as it did then).
            #expect(padded(sample, 20) == (sample.count >= 20 ? sample : sample + String(repeating: " ", count: 20 - sample.count)))
        }
    }
}
