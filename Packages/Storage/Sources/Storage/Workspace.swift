import Domain
import Foundation

/// A folder holding `Datasets/`: where datasets are read from and scaffolded into.
public struct Workspace: Sendable {
    /// The folder that holds `Datasets/` (and `.bench/`).
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The workspace that contains `directory` (or one of its parents): the first folder with a `Datasets/` folder.
    public static func enclosing(_ directory: URL) -> Workspace? {
        var current = directory.standardizedFileURL
        while true {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: current.appendingPathComponent("Datasets").path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                return Workspace(root: current)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    public var datasetsDirectory: URL { root.appendingPathComponent("Datasets", isDirectory: true) }
    public var referenceDirectory: URL { datasetsDirectory.appendingPathComponent("reference", isDirectory: true) }
    /// The default database location, `.bench/bench.sqlite`.
    public var defaultDatabase: URL { root.appendingPathComponent(".bench/bench.sqlite") }

    /// The folder of a municipality's dataset.
    public func directory(of slug: Slug) -> URL { datasetsDirectory.appendingPathComponent(slug.rawValue, isDirectory: true) }

    /// The path of a file as findings show it: relative to the workspace root.
    public func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Every dataset folder (a folder of `Datasets/` whose name is a slug, other than `reference/`), sorted by slug.
    /// A folder without a (readable) `municipality.yaml` is one too: reading it says what is missing.
    public func slugs() -> [Slug] {
        entries().datasets
    }

    /// The folders of `Datasets/` that are neither a dataset nor `reference/`: each a finding that names it and says
    /// what to do. Hidden entries (`.git`, `.DS_Store`) and loose files (a README) are left alone.
    public func folderFindings() -> [Finding] {
        entries().misnamed.map(Workspace.misnamedFolder)
    }

    /// The finding for a folder of `Datasets/` whose name is no slug.
    private static func misnamedFolder(_ name: String) -> Finding {
        let rename = suggestedSlug(name).map { "rename the folder to '\($0)' (and write 'slug: \($0)' in its municipality.yaml)" }
            ?? "give the folder a valid slug as its name"
        return Finding(.error, at: Location(file: "Datasets/\(name)/"), code: "bad-folder-name",
                       found: "the folder '\(name)' is no dataset: its name is not a slug (\(Slug.rule))",
                       expected: rename + ", or move it out of Datasets/")
    }

    /// The folders of `Datasets/`: datasets by slug, and the names of folders that cannot be one.
    private func entries() -> (datasets: [Slug], misnamed: [String]) {
        let base = datasetsDirectory.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        var datasets: [Slug] = [], misnamed: [String] = []
        // Paths as text: a URL per folder took most of the time of listing 427 of them.
        for name in names where !name.hasPrefix(".") && name != "reference" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            if let slug = Slug(name) { datasets.append(slug) } else { misnamed.append(name) }
        }
        return (datasets.sorted(), misnamed.sorted())
    }

    /// The slug a misnamed folder most likely means (`Aachen`, `aachén` -> `aachen`, `aa chen` -> `aa-chen`), if any.
    static func suggestedSlug(_ name: String) -> String? {
        let german = name.lowercased().replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
            .replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ß", with: "ss")
        let folded = german.folding(options: .diacriticInsensitive, locale: nil)
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if (scalar == " " || scalar == "-" || scalar == "_" || scalar == "."), !slug.isEmpty, slug.last != "-" {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return Slug(String(slug.prefix(63)))?.rawValue
    }

    /// The slug for user input, refusing path characters and naming the datasets there are.
    public func slug(_ text: String) throws(StorageError) -> Slug {
        guard let slug = Slug(text) else { throw .invalidSlug(text) }
        // One folder's existence, not a listing of every folder: `bench export site --pairs` names 854 slugs at scale.
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory(of: slug).path, isDirectory: &isDirectory), isDirectory.boolValue,
              slug.rawValue != "reference" else {
            // A folder that would be this dataset but for its name: say so rather than that there is none.
            let misnamed = entries().misnamed.filter { Workspace.suggestedSlug($0) == slug.rawValue }.map(Workspace.misnamedFolder)
            if !misnamed.isEmpty { throw .invalidInput(misnamed) }
            throw .unknownMunicipality(text, known: slugs().map(\.rawValue))
        }
        return slug
    }
}

/// A dataset as read from its folder: the values that passed, every finding, and how each file was saved.
public struct DatasetReading: Sendable {
    public var slug: Slug
    /// Nil where `municipality.yaml` could not be read.
    public var dataset: Dataset?
    public var findings: [Finding]
    public var dialects: [String: CSVDialect]
}

/// The content hash of one file a dataset was read from, relative to `Datasets/` (`leverkusen/services.csv`).
public struct FileDigest: Sendable, Hashable, Comparable {
    public var path: String
    /// A 128-bit hash of the file's bytes (`ContentHash`), 32 lower-case hex digits.
    public var contentHash: String
    public var size: Int

    public init(path: String, contentHash: String, size: Int) {
        self.path = path
        self.contentHash = contentHash
        self.size = size
    }

    public static func < (lhs: FileDigest, rhs: FileDigest) -> Bool { lhs.path < rhs.path }
}

/// The bytes of some files, read once: what is parsed is exactly what is hashed, even if a file changes meanwhile.
struct FileContents: Sendable {
    enum Content: Sendable {
        case data(Data)
        case missing
        /// Not a regular file, too large, a link out of the workspace, or unreadable.
        case problem(FileReading.Problem)
    }

    private(set) var contents: [String: Content] = [:]

    /// The hash of every file that could be read, by path; computed on demand (`bench validate` needs none).
    var digests: [FileDigest] {
        contents.compactMap { path, content -> FileDigest? in
            guard case .data(let data) = content else { return nil }
            return FileDigest(path: path, contentHash: ContentHash.hex(data), size: data.count)
        }.sorted()
    }

    /// Reads `url` if it is a regular file of at most `limit` bytes; `path` is its name relative to `Datasets/`, and
    /// a symbolic link must point inside `workspace`.
    mutating func load(_ url: URL, as path: String, limit: Int, workspace: URL) {
        switch FileReading.read(url.path, limit: limit, workspace: workspace.path) {
        case .data(let data): contents[path] = .data(data)
        case .missing: contents[path] = .missing
        case .problem(let problem): contents[path] = .problem(problem)
        }
    }

    subscript(path: String) -> Content { contents[path] ?? .missing }
}

extension Workspace {
    /// The reference file's path relative to `Datasets/`.
    static let referencePath = "reference/" + TableSchema.ozgReference.fileName

    /// Reads the bytes of `Datasets/reference/ozg_leistungen.csv`.
    func loadReference() -> FileContents {
        var contents = FileContents()
        contents.load(referenceDirectory.appendingPathComponent(TableSchema.ozgReference.fileName), as: Workspace.referencePath,
                      limit: FileReading.tableLimit, workspace: root)
        return contents
    }

    /// Reads the bytes of every file of a dataset folder.
    func load(_ slug: Slug) -> FileContents {
        var contents = FileContents()
        for file in DatasetFile.allCases {
            contents.load(directory(of: slug).appendingPathComponent(file.rawValue), as: "\(slug)/\(file.rawValue)",
                          limit: file == .municipality ? FileReading.metadataLimit : FileReading.tableLimit, workspace: root)
        }
        return contents
    }

    /// Reads the reference data in `Datasets/reference/` (an empty catalogue where there is none).
    public func readReference() -> (ReferenceCatalogue, [Finding]) {
        readReference(loadReference())
    }

    func readReference(_ contents: FileContents) -> (ReferenceCatalogue, [Finding]) {
        let url = referenceDirectory.appendingPathComponent(TableSchema.ozgReference.fileName)
        // No reference data is allowed (an empty catalogue); a reference file that is no readable file is a finding.
        if case .missing = contents[Workspace.referencePath] { return (ReferenceCatalogue(), []) }
        let (table, _, readFindings) = readTable(url, contents[Workspace.referencePath])
        guard let table else { return (ReferenceCatalogue(), readFindings) }
        let (services, findings) = TableDecoder.ozgReference(table)
        return (ReferenceCatalogue(services: services), readFindings + findings)
    }

    /// Reads one dataset folder; never throws: every problem is a finding.
    public func read(_ slug: Slug) -> DatasetReading {
        read(slug, load(slug))
    }

    func read(_ slug: Slug, _ contents: FileContents) -> DatasetReading {
        let folder = directory(of: slug)
        var findings: [Finding] = []
        var dialects: [String: CSVDialect] = [:]
        func content(_ file: DatasetFile) -> FileContents.Content { contents["\(slug)/\(file.rawValue)"] }
        let metadataURL = folder.appendingPathComponent(DatasetFile.municipality.rawValue)
        var municipality: Municipality?
        if let data = data(metadataURL, content(.municipality), findings: &findings) {
            let (fields, yamlFindings) = MetadataReader.fields(from: data, file: displayPath(metadataURL))
            findings += yamlFindings
            if let fields {
                let (value, metadataFindings) = MetadataDecoder.municipality(fields, file: displayPath(metadataURL), folder: slug)
                municipality = value
                findings += metadataFindings
            }
        }
        func table<T>(_ file: DatasetFile, _ decoder: (TextTable) -> TableStream<T>) -> [T] {
            let url = folder.appendingPathComponent(file.rawValue)
            let (stream, dialect, readFindings) = streamTable(url, content(file), decoder)
            findings += readFindings
            if stream != nil || !readFindings.isEmpty { dialects[file.rawValue] = dialect }
            guard let stream else { return [] }
            findings += stream.findings
            return stream.values
        }
        let sources = table(.sources, TableDecoder.sources(header:))
        let mapping = table(.statusMapping, TableDecoder.statusMapping(header:))
        let services = table(.services, TableDecoder.services(header:))
        let tallies = table(.tallies, TableDecoder.tallies(header:))
        let projects = table(.projects, TableDecoder.projects(header:))
        let indicators = table(.indicators, TableDecoder.indicators(header:))
        var dataset: Dataset?
        if let municipality {
            dataset = Dataset(municipality: municipality, sources: sources, statusMapping: StatusMapping(mapping),
                              services: services, tallies: tallies, projects: projects, indicators: indicators)
        }
        return DatasetReading(slug: slug, dataset: dataset, findings: findings, dialects: dialects)
    }

    /// Reads and checks a dataset: the file-level findings plus the cross-row checks of `DatasetValidator`.
    public func validate(_ slug: Slug, reference: ReferenceCatalogue) -> DatasetReading {
        validate(slug, load(slug), reference: reference)
    }

    func validate(_ slug: Slug, _ contents: FileContents, reference: ReferenceCatalogue) -> DatasetReading {
        var reading = read(slug, contents)
        if let dataset = reading.dataset {
            reading.findings += DatasetValidator(reference: reference).validate(dataset)
        }
        reading.findings.sort()
        return reading
    }

    func data(_ url: URL, _ content: FileContents.Content, findings: inout [Finding]) -> Data? {
        let path = displayPath(url)
        switch content {
        case .data(let data):
            return data
        case .missing:
            findings.append(Finding(.error, at: Location(file: path), code: "missing-file", found: "the file is missing",
                                    expected: "create it (bench new writes every file with its header)"))
        case .problem(let problem):
            findings.append(Finding(.error, at: Location(file: path), code: problem.code, found: problem.found, expected: problem.expected))
        }
        return nil
    }

    /// Reads a table's rows into `decoder` as they are parsed, so that its text is never held whole; nil where the
    /// file is missing, unreadable or has no header.
    func streamTable<T>(_ url: URL, _ content: FileContents.Content,
                        _ decoder: (TextTable) -> TableStream<T>) -> (TableStream<T>?, CSVDialect, [Finding]) {
        var findings: [Finding] = []
        guard let data = data(url, content, findings: &findings) else { return (nil, .standard, findings) }
        let path = displayPath(url)
        var stream: TableStream<T>?
        let (dialect, csvFindings) = CSVReader().read(data, file: path) { row, decimalComma in
            if stream == nil {
                stream = decoder(TextTable(file: path, header: row.fields, headerLine: row.line, rows: [], decimalComma: decimalComma))
                // Each record takes a line at least: room for all of them up front spares copying the growing values.
                stream?.reserveCapacity(Workspace.lineCount(data))
            } else {
                stream?.add(row)
            }
            return true
        }
        findings += csvFindings
        if stream == nil && !csvFindings.hasErrors {
            findings.append(CSVReader.emptyFile(path))
        }
        return (stream, dialect, findings)
    }

    /// The number of line feeds in `data`.
    static func lineCount(_ data: Data) -> Int {
        data.withUnsafeBytes { bytes in
            var count = 0
            for byte in bytes where byte == UInt8(ascii: "\n") { count += 1 }
            return count
        }
    }

    func readTable(_ url: URL, _ content: FileContents.Content) -> (TextTable?, CSVDialect, [Finding]) {
        var findings: [Finding] = []
        guard let data = data(url, content, findings: &findings) else { return (nil, .standard, findings) }
        let (table, dialect, csvFindings) = CSVReader().table(from: data, file: displayPath(url))
        return (table, dialect, findings + csvFindings)
    }
}
