import Domain
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts an export into its folder all at once: the files go into a temporary folder next to the target, which
/// then replaces the target by renaming, so a reader never sees half a site and a failed export leaves the old
/// one in place.
struct SiteWriter: Sendable {
    var files: [SiteFile]

    func write(to target: URL, force: Bool) throws(PresentationError) {
        let manager = FileManager.default
        let folder = target.standardizedFileURL
        guard folder.path != "/" else { throw .outputIsProtected(folder: "/", because: "is the file system's root") }
        for file in files where !SitePath(file.path).isSafe { throw .unsafePath(file.path) }
        try checkTarget(folder, force: force)

        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).bench-export-neu", isDirectory: true)
        let previous = parent.appendingPathComponent(".\(name).bench-export-alt", isDirectory: true)
        // Leftovers of an interrupted export carry these names, which only bench uses; they go first.
        for leftover in [staging, previous] where manager.fileExists(atPath: leftover.path) {
            try attempt(leftover.path) { try manager.removeItem(at: leftover) }
        }
        try attempt(staging.path) { try manager.createDirectory(at: staging, withIntermediateDirectories: true) }
        do throws(PresentationError) {
            var folders = Set<String>()
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                let parent = url.deletingLastPathComponent()
                if folders.insert(parent.path).inserted {
                    try attempt(parent.path) { try manager.createDirectory(at: parent, withIntermediateDirectories: true) }
                }
                try SiteWriter.writeFile(SiteWriter.visible(file.contents, path: file.path), to: url.path)
            }
            if manager.fileExists(atPath: folder.path) {
                try attempt(folder.path) { try manager.moveItem(at: folder, to: previous) }
                do throws(PresentationError) {
                    try attempt(folder.path) { try manager.moveItem(at: staging, to: folder) }
                } catch {
                    try? manager.moveItem(at: previous, to: folder)
                    throw error
                }
                try attempt(previous.path) { try manager.removeItem(at: previous) }
            } else {
                try attempt(folder.path) { try manager.moveItem(at: staging, to: folder) }
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// Refuses a file, a workspace or repository, and (without `force`) a folder with files no export wrote.
    func checkTarget(_ folder: URL, force: Bool) throws(PresentationError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .outputIsFile(folder.path) }
        for (entry, reason) in [("Datasets", "holds a Datasets/ folder (a bench workspace)"), (".git", "is a git repository"),
                                ("Package.swift", "holds a Package.swift (a Swift package)")]
        where manager.fileExists(atPath: folder.appendingPathComponent(entry).path) {
            throw .outputIsProtected(folder: folder.path, because: reason)
        }
        let existing = SiteWriter.entries(in: folder)
        guard !existing.isEmpty, !force else { return }
        let marker = folder.appendingPathComponent(SitePath.marker.value)
        let written = (try? String(contentsOf: marker, encoding: .utf8)).map(SiteFile.paths(inMarker:)) ?? []
        let ours = Set(written + [SitePath.marker.value])
        let folders = Set(written.flatMap { path in
            path.split(separator: "/").dropLast().indices.map { path.split(separator: "/")[...$0].joined(separator: "/") }
        })
        let foreign = existing.filter { !ours.contains($0) && !folders.contains($0) }
        if !foreign.isEmpty { throw .outputNotEmpty(folder: folder.path, foreign: foreign) }
    }

    /// Every file and folder below `folder`, hidden ones included, as sorted relative paths.
    static func entries(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String { paths.append(path) }
        return paths.sorted()
    }

    /// A page, chart or download with every hidden character of dataset text written visibly (`&lt;U+202E&gt;` in
    /// HTML and SVG, `<U+202E>` in CSV); the bytes as they are where there is none (and for images).
    static func visible(_ contents: Data, path: String) -> Data {
        let html = path.hasSuffix(".html") || path.hasSuffix(".svg")
        guard html || path.hasSuffix(".csv") || path.hasSuffix(".txt") || path.hasSuffix(".json") else { return contents }
        let text = String(decoding: contents, as: UTF8.self)
        let escaped = HiddenCharacters.escaped(text, html: html)
        return escaped == text ? contents : Data(escaped.utf8)
    }

    /// Writes a file with plain POSIX calls: Foundation's `Data.write` syncs every file to disk, which for
    /// thousands of pages costs seconds and buys nothing here (the folder is swapped in whole, or not at all).
    static func writeFile(_ data: Data, to path: String) throws(PresentationError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw .writeFailed(path: path, reason: String(cString: strerror(failure))) }
    }

    private func attempt(_ path: String, _ body: () throws -> Void) throws(PresentationError) {
        do {
            try body()
        } catch {
            throw .writeFailed(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
