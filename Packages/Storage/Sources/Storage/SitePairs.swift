import Domain
import Foundation

extension Workspace {
    /// `Datasets/comparisons.csv`: the pairs of municipalities the site compares by default, a reviewed list committed
    /// like data (columns `a`, `b`, `note`). A site of every pair grows with the square of the datasets (a Land of 427
    /// authorities has 90,951 pairs), so `bench export site` writes only the pairs named here unless told otherwise.
    public static let sitePairsFile = "comparisons.csv"

    /// The pairs the reviewed list names, in its order; nil where there is no list. Every row that names no dataset,
    /// the same dataset twice or a pair already listed is a finding at its line and column.
    public func sitePairs() throws(StorageError) -> [(Slug, Slug)]? {
        let url = datasetsDirectory.appendingPathComponent(Self.sitePairsFile)
        var contents = FileContents()
        contents.load(url, as: Self.sitePairsFile, limit: FileReading.tableLimit, workspace: root)
        if case .missing = contents[Self.sitePairsFile] { return nil }
        let (table, _, readFindings) = readTable(url, contents[Self.sitePairsFile])
        var findings = readFindings
        guard let table, !readFindings.hasErrors else { throw .invalidInput(findings) }
        let file = displayPath(url)
        let header = table.header.map(\.trimmed)
        guard let a = header.firstIndex(of: "a"), let b = header.firstIndex(of: "b") else {
            throw .invalidInput([Finding(.error, at: Location(file: file, line: table.headerLine, column: 1), code: "missing-column",
                                         found: "the header is '\(table.header.joined(separator: ","))'",
                                         expected: "a header 'a,b,note': one pair of dataset slugs a row (e.g. leverkusen,aachen)")])
        }
        let known = Set(slugs())
        var pairs: [(Slug, Slug)] = []
        for row in table.rows {
            guard row.fields.count == header.count else {
                findings.append(Finding(.error, at: Location(file: file, line: row.line, column: 1), code: "cell-count",
                                        found: "this row has \(row.fields.count) cells, the header has \(header.count)",
                                        expected: "give every row one cell per column; quote cells that contain a comma"))
                continue
            }
            var slugs: [Slug] = []
            for position in [a, b] {
                let text = row.fields[position].trimmed
                let here = Location(file: file, line: row.line, column: row.columns[position])
                if let slug = Slug(text), known.contains(slug) {
                    slugs.append(slug)
                } else {
                    findings.append(Finding(.error, at: here, code: "unknown-dataset", found: "'\(text)' is no dataset in Datasets/",
                                            expected: "name a dataset folder (bench list shows them), or remove the row"))
                }
            }
            guard slugs.count == 2 else { continue }
            let here = Location(file: file, line: row.line, column: 1)
            if slugs[0] == slugs[1] {
                findings.append(Finding(.error, at: here, code: "same-dataset", found: "the row compares \(slugs[0]) with itself",
                                        expected: "name two different datasets"))
            } else if pairs.contains(where: { Set([$0.0, $0.1]) == Set(slugs) }) {
                findings.append(Finding(.error, at: here, code: "duplicate-pair", found: "the pair \(slugs[0]), \(slugs[1]) is listed before",
                                        expected: "list each pair once"))
            } else {
                pairs.append((slugs[0], slugs[1]))
            }
        }
        guard !findings.hasErrors else { throw .invalidInput(findings) }
        return pairs
    }
}
