import Domain

/// What every reader promises for any input, checked after each run: a violation traps, so that libFuzzer keeps the
/// input as a crash like any other.
public enum Invariants {
    /// A finding names its file, says what was found and what to do, and stays short whatever the input claims
    /// (a cell quoted in a message is at most the reader's cell limit, so 200,000 characters is far above any
    /// honest message); the number of findings is bounded by the input's size.
    /// With `sheets`, a finding may name a sheet of the file after its name ("file.xlsx, sheet 'Daten'").
    public static func check(_ findings: [Finding], file: String, inputSize: Int, sheets: Bool = false) {
        precondition(findings.count <= 16 + 2 * inputSize, "\(findings.count) findings for \(inputSize) bytes")
        for finding in findings {
            precondition(finding.location.file == file || (sheets && finding.location.file.hasPrefix(file)),
                         "finding for another file: \(finding)")
            precondition(!finding.code.isEmpty && !finding.found.isEmpty && !finding.expected.isEmpty,
                         "finding without code, text or advice: \(finding)")
            precondition(finding.found.utf8.count + finding.expected.utf8.count <= 200_000,
                         "finding of \(finding.found.utf8.count + finding.expected.utf8.count) bytes")
            if let line = finding.location.line { precondition(line >= 1, "line \(line) in \(finding)") }
            if let column = finding.location.column { precondition(column >= 1, "column \(column) in \(finding)") }
        }
    }
}
