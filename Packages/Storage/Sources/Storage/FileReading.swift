import Domain
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file only where it is what a file of bench's should be: a regular file of bounded size (inside the
/// workspace, for dataset files). Everything else is told apart before a byte is read: a named pipe is never opened
/// for blocking reading, a folder where a file belongs is called a folder, a link out of the workspace is not
/// followed.
enum FileReading {
    /// The largest dataset table (`services.csv`, ...) bench reads: 128 MiB. The largest real table is a few MB; the
    /// whole file is held in memory while it is read. Docs/dataset-format.md names it.
    static let tableLimit = 128 * 1024 * 1024
    /// The largest `municipality.yaml`: 1 MiB (a real one has a few hundred bytes).
    static let metadataLimit = 1024 * 1024
    /// The largest file `import-dashboard` and `import-catalogue` read: 512 MiB.
    static let importLimit = 512 * 1024 * 1024

    /// Why a path could not be read as a file, in the words of a finding.
    struct Problem: Sendable, Hashable, Error {
        var code: String
        var found: String
        var expected: String
    }

    enum Outcome: Sendable {
        case data(Data)
        case missing
        case problem(Problem)
    }

    /// Reads `path` whole. `workspace`, where given, is the folder a symbolic link must point into.
    static func read(_ path: String, limit: Int, workspace: String? = nil) -> Outcome {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .problem(cannotRead(errno))
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            guard let resolved = realpath(path, nil) else {
                return .problem(Problem(code: "dangling-link", found: "the file is a symbolic link to '\(target)', which does not exist",
                                        expected: "replace the link with the file itself (or point it at an existing file)"))
            }
            let resolvedPath = String(cString: resolved)
            free(resolved)
            if let workspace, let root = realpath(workspace, nil) {
                let rootPath = String(cString: root)
                free(root)
                guard resolvedPath.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/") else {
                    return .problem(Problem(code: "link-outside-workspace",
                                            found: "the file is a symbolic link to '\(resolvedPath)', outside the workspace",
                                            expected: "copy the file into the dataset folder instead of linking to it"))
                }
            }
            guard stat(path, &info) == 0 else { return .problem(cannotRead(errno)) }
        }
        if let problem = kindProblem(info.st_mode) { return .problem(problem) }
        if Int(info.st_size) > limit { return .problem(tooLarge(Int(info.st_size), limit: limit)) }
        // Not blocking: should the file have been replaced by a named pipe since, the open returns at once.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .problem(cannotRead(errno)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { return .problem(cannotRead(errno)) }
        if let problem = kindProblem(info.st_mode) { return .problem(problem) }
        var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                // The file grew while being read.
                guard bytes.count <= limit else { return .problem(tooLarge(bytes.count, limit: limit)) }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: min(bytes.count, limit + 1 - bytes.count)))
            }
            let read = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0 {
                if errno == EINTR { continue }
                return .problem(cannotRead(errno))
            }
            if read == 0 { break }
            count += read
        }
        return .data(Data(bytes[0..<count]))
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// What is wrong with a file of this mode; nil for a regular file.
    static func kindProblem(_ mode: mode_t) -> Problem? {
        let what: String
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR:
            return Problem(code: "not-a-file", found: "this is a folder, not a file",
                           expected: "remove the folder and put the file in its place (bench new writes every file with its header)")
        case S_IFIFO: what = "a named pipe (FIFO)"
        case S_IFCHR: what = "a character device"
        case S_IFBLK: what = "a block device"
        case S_IFSOCK: what = "a socket"
        default: what = "not a regular file"
        }
        return Problem(code: "not-a-file", found: "this is \(what), not a regular file; bench does not read from it",
                       expected: "replace it with a regular file holding the data")
    }

    static func tooLarge(_ size: Int, limit: Int) -> Problem {
        Problem(code: "file-too-large", found: "the file has \(size) bytes, more than the limit of \(limit) bytes (\(limit / 1024 / 1024) MiB)",
                expected: "check that this is the right file; no dataset file is this large (see Docs/dataset-format.md, 'Limits')")
    }

    static func cannotRead(_ code: Int32) -> Problem {
        let reason = String(cString: strerror(code))
        let permission = code == EACCES || code == EPERM
        return Problem(code: "unreadable-file", found: "the file cannot be read (\(reason))",
                       expected: permission ? "give your user read permission on it" : "check the file and its folder")
    }

    /// The bytes of a file the user named on the command line (an export, a catalogue); refused with what it is.
    static func input(_ path: String) throws(StorageError) -> Data {
        switch read(path, limit: importLimit) {
        case .data(let data): return data
        case .missing: throw .fileSystem(path: path, reason: "there is no such file; check the path")
        case .problem(let problem):
            let folder = problem.found.hasPrefix("this is a folder")
            let expected = folder ? "name the file inside it, not the folder" : problem.expected
            throw .fileSystem(path: path, reason: "\(problem.found); \(expected)")
        }
    }
}

extension Workspace {
    /// The bytes of a file a user named for an import (`bench import-dashboard`, `bench import-catalogue`): a regular
    /// file of at most 512 MiB; anything else is refused with what it is and what to do.
    public static func readInputFile(_ path: String) throws(StorageError) -> Data {
        try FileReading.input(path)
    }
}
