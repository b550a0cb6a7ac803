/// Characters that change how a text reads without showing themselves: bidirectional controls (a right-to-left
/// override makes `exe.txt` of `txt.exe`), zero-width characters, a byte order mark inside a text, and C0/C1 control
/// characters other than tab and line breaks. `bench validate` warns of each in dataset text; every output shows them
/// as `<U+202E>`.
public enum HiddenCharacters {
    /// Whether `scalar` is one of them.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// `U+202E`: how a finding names a code point.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The text with each hidden character written visibly (`<U+202E>`; `&lt;U+202E&gt;` for HTML). A byte order
    /// mark that opens the text (a CSV file for Excel) and ANSI colour codes (`ESC[1m`, written by bench's own
    /// terminal table where colour is on) are kept. Text without any is returned as it is, without a copy.
    public static func escaped(_ text: String, html: Bool = false, keepingColourCodes: Bool = false) -> String {
        guard needsEscaping(text) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isHidden(scalar) && !(index == 0 && scalar == "\u{FEFF}") {
                if keepingColourCodes, scalar == "\u{1B}", let end = colourCodeEnd(scalars, from: index) {
                    out.append(contentsOf: scalars[index...end])
                    index = end + 1
                    continue
                }
                out.append(contentsOf: ((html ? "&lt;" : "<") + name(scalar) + (html ? "&gt;" : ">")).unicodeScalars)
            } else {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// Whether the text holds a hidden character anywhere (checked on its bytes: most texts are plain ASCII).
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte >= 0x7F {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                // A non-ASCII byte: decide by the scalars.
                return String(decoding: bytes, as: UTF8.self).unicodeScalars.enumerated().contains { offset, scalar in
                    isHidden(scalar) && !(offset == 0 && scalar == "\u{FEFF}")
                }
            }
            return false
        }
    }

    /// The index of the `m` that ends an SGR colour code `ESC [ digits ; ... m` starting at `start`.
    private static func colourCodeEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == ";" { index += 1 }
        return index < scalars.count && scalars[index] == "m" && index > start + 2 ? index : nil
    }
}

extension HiddenCharacters {
    /// At most this many hidden characters are warned of one by one in a file; a last finding counts the rest.
    public static let findingLimit = 20

    /// The warning for a hidden character at `location`.
    public static func finding(_ scalar: Unicode.Scalar, at location: Location) -> Finding {
        let label = scalar.properties.name.map { " (\($0))" } ?? ""
        return Finding(.warning, at: location, code: "hidden-character",
                       found: "an invisible character \(name(scalar))\(label) stands here; it can make the text read differently from what it is",
                       expected: "remove it (retype the text around it); every output of bench shows it as <\(name(scalar))>")
    }

    /// The warning that counts hidden characters past the first `findingLimit` of a file.
    public static func moreFinding(_ count: Int, after location: Location) -> Finding {
        Finding(.warning, at: location, code: "hidden-character",
                found: "\(count) more invisible character\(count == 1 ? "" : "s") follow in this file",
                expected: "remove them all; search the file for the code points named above")
    }

    /// A finding for each hidden character of a single-line `text` that starts at `line`, `column` of `file`.
    public static func findings(in text: String, file: String, line: Int, column: Int) -> [Finding] {
        guard needsEscaping(text) else { return [] }
        var findings: [Finding] = []
        var currentLine = line, currentColumn = column
        for character in text {
            for scalar in character.unicodeScalars where isHidden(scalar) && findings.count < findingLimit {
                findings.append(finding(scalar, at: Location(file: file, line: currentLine, column: currentColumn)))
            }
            if character == "\n" { currentLine += 1; currentColumn = 1 } else { currentColumn += character.unicodeScalars.count }
        }
        return findings
    }
}
