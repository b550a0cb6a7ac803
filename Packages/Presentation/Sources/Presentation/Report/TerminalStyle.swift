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
            // In ASCII every byte is one character, but for a carriage return (with a line feed, one character).
            let wordLength = word.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? word.utf8.count : word.count
            if line.isEmpty {
                line = String(word)
                length = wordLength
            } else if length + 1 + wordLength <= width {
                let ascii = line.unicodeScalars.last?.isASCII == true && word.unicodeScalars.first?.isASCII == true
                line += " " + word
                length = ascii ? length + 1 + wordLength : line.count
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
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
