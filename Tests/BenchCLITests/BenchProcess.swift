import Foundation

/// Runs the built `bench` binary as a user would, and captures what it prints.
struct BenchProcess {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The folder that holds the test bundle and the `bench` binary (`.build/debug` or a scratch path's).
    static var productsDirectory: URL {
        if let executable = Bundle.main.executableURL?.deletingLastPathComponent(),
           FileManager.default.fileExists(atPath: executable.appendingPathComponent("bench").path) {
            return executable
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    static var binary: URL { productsDirectory.appendingPathComponent("bench") }

    /// The repository root (the folder with Package.swift), found from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs `bench` with `arguments` in `directory`; `environment` is added to a minimal one (no colour, no terminal).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so that a large output cannot fill a pipe and block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: process.terminationStatus)
    }
}

/// A throwaway workspace: a temporary folder with `Datasets/`, optionally holding copies of the bundled datasets.
struct TemporaryWorkspace {
    let root: URL

    init(copying slugs: [String] = [], reference: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-test-\(UUID().uuidString)")
        let datasets = root.appendingPathComponent("Datasets")
        try FileManager.default.createDirectory(at: datasets, withIntermediateDirectories: true)
        let bundled = BenchProcess.repositoryRoot.appendingPathComponent("Datasets")
        for slug in slugs + (reference ? ["reference"] : []) {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent(slug), to: datasets.appendingPathComponent(slug))
        }
        // The reviewed list of the site's pairs comes along where every dataset it names does.
        let list = bundled.appendingPathComponent("comparisons.csv")
        let named = String(decoding: try Data(contentsOf: list), as: UTF8.self).split(separator: "\n").dropFirst()
            .flatMap { $0.split(separator: ",").prefix(2).map(String.init) }
        if !slugs.isEmpty, Set(named).isSubset(of: slugs) {
            try FileManager.default.copyItem(at: list, to: datasets.appendingPathComponent("comparisons.csv"))
        }
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: url(path))
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: url(path)), as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
