/// ANSI colours for the terminal, or none: decided by the caller so that rendering stays pure.
struct TerminalStyle: Sendable {
    var colour: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func caution(_ text: String) -> String { wrap(text, "33") }

    private func wrap(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }
}

/// Text broken into lines of at most `width` characters at spaces (a longer word stands on its own line).
func wrapped(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        // `line.count`, kept as words are added instead of counted again for each word (a peer view prints 200 kB).
        // Where a word meets the space in anything but ASCII, characters may join across it: counted again then.
        var length = 0
        for word in paragraph.split(separator: " ") {
            let wordLength = characterCount(word)
            if line.isEmpty {
                line = String(word)
                length = wordLength
            } else if length + 1 + wordLength <= width {
                let simple = line.unicodeScalars.last.map(isSimple) == true && word.unicodeScalars.first.map(isSimple) == true
                line += " " + word
                length = simple ? length + 1 + wordLength : line.count
            } else {
                lines.append(line)
                line = String(word)
                length = wordLength
            }
        }
        lines.append(line)
    }
    return lines
}

/// The text padded with spaces to `width` characters.
func padded(_ text: String, _ width: Int) -> String {
    let count = characterCount(text)
    return count >= width ? text : text + String(repeating: " ", count: width - count)
}

/// `text.count`, without the grapheme breaking where every scalar is its own character (`isSimple`): German text,
/// its typography and the table's lines. A peer view lays out 200 kB of cells, and counting characters was most of it.
func characterCount(_ text: some StringProtocol) -> Int {
    var scalars = 0
    for scalar in text.unicodeScalars {
        guard isSimple(scalar) else { return text.count }
        scalars += 1
    }
    return scalars
}

/// A scalar that is a character of its own whatever stands beside it: no control character (a carriage return joins
/// a line feed), no combining or joining mark, no emoji modifier. The ranges hold printable ASCII, Latin-1 and Latin
/// Extended letters, spacing modifier letters, general punctuation (dashes, quotes, ellipsis), currency signs,
/// arrows, mathematical operators and box drawing: every scalar there has the grapheme break property Other.
func isSimple(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF, 0x2190...0x22FF, 0x2500...0x257F:
        return true
    default:
        return false
    }
}
