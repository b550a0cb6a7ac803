import ArgumentParser
import Derivation
import Foundation
import Storage

/// What `bench list` and `bench validate` share: the database that keeps what they made of each dataset, and `--all`.
struct MemoOptions: ParsableArguments {
    @Flag(name: .customLong("all"),
          help: "Read every dataset file again, instead of taking what an earlier run made of an unchanged dataset from the database.")
    var rereadAll = false

    @OptionGroup var databaseOptions: DatabaseOptions

    /// The database to keep results in: the one named with --database (an error where bench cannot use it), else the
    /// workspace's own; nil where that cannot be opened (every dataset is then read, as with --all).
    func database(_ workspace: Workspace) throws -> BenchDatabase? {
        if let named = databaseOptions.named { return try BenchDatabase(path: named) }
        // A short wait for another bench that writes: the memo is only worth it where it comes at once.
        return try? BenchDatabase(path: workspace.defaultDatabase, busyTimeout: 1, ownership: .derived(log: printError))
    }

    /// Who made a kept result: this bench binary (its path, size and time of change), so that a rebuilt bench, whose
    /// checks may differ, reads every dataset again. Nil where the binary cannot be found: nothing is kept then.
    static let salt: String? = Derivation.executableIdentity.map { "bench \(Bench.version) " + $0 }
}
