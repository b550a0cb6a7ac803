import ArgumentParser
import Domain
import Derivation
import Foundation
import Storage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the database is: shared by every command that reads or imports figures.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"),
            help: ArgumentHelp("An SQLite database of bench's (default: .bench/bench.sqlite in the workspace, derived from Datasets/ and rebuilt by bench where damaged). A file that bench did not make is refused and left unchanged; a new path is created.",
                               valueName: "path"))
    var path: String?

    init() {}

    /// The file the user named, if any (nil: the workspace's default database).
    var named: URL? { path.map { URL(fileURLWithPath: $0) } }

    /// Opens (and migrates) the database: a file the user named only where bench made it; the default one made anew
    /// where damaged, with a line on standard error.
    func open(_ workspace: Workspace) throws -> BenchDatabase {
        if let named { return try BenchDatabase(path: named) }
        return try BenchDatabase(workspace: workspace, log: printError)
    }

    /// What `body` makes of the workspace's figures (`Derivation`), with a progress line on a terminal while the
    /// database is brought up to date and warnings on standard error. Where the default database turns out to be
    /// damaged in the middle (it is then removed), `body` runs once more on a database built anew.
    func derivation<T>(for workspace: Workspace, _ body: (Derivation) throws -> T) throws -> T {
        let progress = ProgressLine()
        defer { progress.finish() }
        func attempt() throws -> T {
            try body(try Derivation(workspace: workspace, database: named, progress: progress.update, log: printError))
        }
        do {
            return try attempt()
        } catch StorageError.damagedDatabase(let path, let reason, derived: true) {
            progress.finish()
            printError("database \(path) was damaged (\(reason)); bench builds it again from Datasets/")
            return try attempt()
        }
    }
}

/// A progress line on standard error while an import writes ("leverkusen: 12000 rows, 8000 rows/s"), shown only
/// when standard error is a terminal, so that logs and tests stay quiet and deterministic.
final class ProgressLine {
    private let enabled: Bool
    private var started: [String: Date] = [:]
    private var shown = false

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    func update(_ progress: ImportProgress) {
        guard enabled else { return }
        let now = Date()
        let start = started[progress.dataset] ?? now
        started[progress.dataset] = start
        let seconds = now.timeIntervalSince(start)
        let rate = seconds > 0.05 ? ", \(Int(Double(progress.rows) / seconds)) rows/s" : ""
        let state = progress.finished ? " done" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.dataset): \(progress.rows) rows\(rate)\(state)".utf8))
        shown = true
    }

    /// Clears the line before the command prints its result.
    func finish() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}

/// Prints findings to stderr, at most `limit` of each kind (code) so that 436 alike warnings do not bury the rest.
func printFindings(_ findings: [Finding], limit: Int?) {
    var shown: [String: Int] = [:]
    for finding in findings {
        shown[finding.code, default: 0] += 1
        if let limit, shown[finding.code]! > limit { continue }
        printError(finding.description)
    }
    guard let limit else { return }
    for (code, count) in shown.sorted(by: { $0.key < $1.key }) where count > limit {
        printError("... and \(count - limit) more [\(code)] (pass --all-findings to see every one)")
    }
}
