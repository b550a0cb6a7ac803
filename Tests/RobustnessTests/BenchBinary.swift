import Foundation

struct BenchResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// The built `bench` binary next to the test bundle.
var benchBinary: URL {
    if let folder = Bundle.main.executableURL?.deletingLastPathComponent(),
       FileManager.default.fileExists(atPath: folder.appendingPathComponent("bench").path) {
        return folder.appendingPathComponent("bench")
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("bench")
    }
    return URL(fileURLWithPath: ".build/debug/bench")
}

/// Runs `bench` in `directory` without a terminal or colour, with a time limit so that a hang fails instead of blocking.
func runBench(_ arguments: [String], in directory: URL, timeout: TimeInterval = 60) throws -> BenchResult {
    let process = Process()
    process.executableURL = benchBinary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("bench-out-\(UUID().uuidString)")
    let err = FileManager.default.temporaryDirectory.appendingPathComponent("bench-err-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
    }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
        return BenchResult(stdout: "", stderr: "timed out after \(timeout) s", status: -1)
    }
    return BenchResult(stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self), status: process.terminationStatus)
}
