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
            help: ArgumentHelp("The SQLite database (default: .bench/bench.sqlite in the workspace). It is derived from Datasets/ and can be deleted at any time.",
                               valueName: "path"))
    var path: String?

    init() {}

    /// The database file for a workspace.
    func url(in workspace: Workspace) -> URL {
        path.map { URL(fileURLWithPath: $0) } ?? workspace.defaultDatabase
    }

    /// Opens (and migrates) the database.
    func open(_ workspace: Workspace) throws -> BenchDatabase {
        try BenchDatabase(path: url(in: workspace))
    }

    /// What `body` makes of the workspace's figures (`Derivation`), with a progress line on a terminal while the
    /// database is brought up to date and warnings on standard error.
    func derivation<T>(for workspace: Workspace, _ body: (Derivation) throws -> T) throws -> T {
        let progress = ProgressLine()
        defer { progress.finish() }
        return try body(try Derivation(workspace: workspace, database: url(in: workspace), progress: progress.update, log: printError))
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
