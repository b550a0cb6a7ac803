#if DEBUG
import ArgumentParser
import Foundation
import Storage

/// For the crash-safety tests, in a debug build only (the release product has no such hook): with
/// `BENCH_TEST_PAUSE_AFTER_ROWS` set, `bench import` stops inside its write transaction once that many rows are
/// written in this run (all datasets together), creates the file `BENCH_TEST_PAUSE_MARKER` names and waits to be
/// killed.
struct ImportTestPause {
    let afterRows: Int
    let marker: String?
    private var earlier = 0, current = (dataset: "", rows: 0)

    init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let rows = environment["BENCH_TEST_PAUSE_AFTER_ROWS"].flatMap({ Int($0) }) else { return nil }
        afterRows = rows
        marker = environment["BENCH_TEST_PAUSE_MARKER"]
    }

    /// Called with each progress report from inside the write transaction; pauses there once enough rows are written.
    mutating func check(_ progress: ImportProgress) throws {
        if progress.dataset != current.dataset {
            earlier += current.rows
            current.dataset = progress.dataset
        }
        current.rows = progress.rows
        guard !progress.finished, earlier + progress.rows >= afterRows else { return }
        if let marker { _ = FileManager.default.createFile(atPath: marker, contents: Data()) }
        Thread.sleep(forTimeInterval: 60)
        throw ExitCode(3)
    }
}
#endif
