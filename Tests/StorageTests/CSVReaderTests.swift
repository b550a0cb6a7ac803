import Domain
import Foundation
@testable import Storage
import Testing

/// CSV as people save it: Excel's semicolons, Windows-1252, byte order marks, CRLF and decimal commas.
@Suite struct CSVReaderTests {
    func read(_ text: String, encoding: String.Encoding = .utf8, bom: Bool = false) -> (TextTable?, CSVDialect, [Finding]) {
        var data = text.data(using: encoding)!
        if bom { data = Data([0xEF, 0xBB, 0xBF]) + data }
        return CSVReader().table(from: data, file: "t.csv")
    }

    @Test func standardDialect() {
        let (table, dialect, findings) = read("a,b\n1,\"x, y\"\n")
        #expect(dialect == .standard)
        #expect(findings.isEmpty)
        #expect(table?.rows.map(\.fields) == [["1", "x, y"]])
        #expect(dialect.description == "UTF-8, comma-separated, LF line ends")
    }

    @Test func excelGermanDialect() {
        let (table, dialect, findings) = read("name;wert\r\nMängel;1,9\r\n", encoding: .windowsCP1252)
        #expect(dialect == CSVDialect(encoding: .windows1252, byteOrderMark: false, separator: UInt8(ascii: ";"), lineEnding: .crlf))
        #expect(dialect.decimalComma)
        #expect(dialect.description == "Windows-1252, semicolon-separated, CRLF line ends, decimal comma")
        #expect(table?.rows.map(\.fields) == [["Mängel", "1,9"]])
        #expect(table?.decimalComma == true)
        // The first byte that is not UTF-8 is named, as a warning: the file is read, but a person should look.
        #expect(findings.map(\.code) == ["encoding"])
        #expect(findings.first?.location == Location(file: "t.csv", line: 2, column: 2))
        #expect(findings.first?.severity == .warning)
    }

    @Test func byteOrderMarkIsDroppedAndReported() {
        let (table, dialect, findings) = read("name;wert\r\nÄrger;2\r\n", bom: true)
        #expect(findings.isEmpty)
        #expect(dialect.byteOrderMark && dialect.encoding == .utf8)
        #expect(table?.header == ["name", "wert"])
        #expect(dialect.description == "UTF-8 with byte order mark, semicolon-separated, CRLF line ends, decimal comma")
    }

    @Test func lineEndings() {
        #expect(read("a,b\r1,2\r").1.lineEnding == .cr)
        #expect(read("a,b\r\n1,2\n").1.lineEnding == .mixed)
        #expect(read("a,b").1.lineEnding == .none)
        #expect(read("a,b\r1,2\r").0?.rows.map(\.line) == [2])
    }

    @Test func separatorIsTakenFromTheHeaderOutsideQuotes() {
        #expect(read("\"a;b\",c\n1,2\n").1.separator == UInt8(ascii: ","))
        #expect(read("\"a,b\";c;d\n1;2;3\n").1.separator == UInt8(ascii: ";"))
        #expect(read("a\tb\n1\t2\n").1.separator == UInt8(ascii: "\t"))
    }

    @Test func quotedLineBreaksKeepLineNumbers() {
        let (table, _, findings) = read("a,b\n\"line one\nline two\",x\n3,4\n")
        #expect(findings.isEmpty)
        #expect(table?.rows.map(\.line) == [2, 4])
        #expect(table?.rows.first?.fields == ["line one\nline two", "x"])
    }

    @Test func brokenCellsAreNamedWithLineAndColumn() {
        let stray = read("a,b\n1,x\"y\n").2
        #expect(stray.map(\.code) == ["stray-quote"])
        #expect(stray.first?.location == Location(file: "t.csv", line: 2, column: 4))
        let afterQuote = read("a,b\n\"1\"x,2\n").2
        #expect(afterQuote.map(\.code) == ["text-after-quote"])
        #expect(afterQuote.first?.location == Location(file: "t.csv", line: 2, column: 4))
        let unclosed = read("a,b\n1,\"never closed\n").2
        #expect(unclosed.map(\.code) == ["unclosed-quote"])
        #expect(unclosed.first?.location == Location(file: "t.csv", line: 2, column: 3))
    }

    @Test func encodingsThatAreRefused() {
        let utf16 = CSVReader().table(from: Data([0xFF, 0xFE, 0x61, 0x00]), file: "t.csv").2
        #expect(utf16.map(\.code) == ["utf16"])
        // 0x81 is undefined in Windows-1252, so the file is neither.
        let neither = CSVReader().table(from: Data("a,b\n1,".utf8) + Data([0x81]) + Data("\n".utf8), file: "t.csv").2
        #expect(neither.map(\.code) == ["invalid-utf8"])
        #expect(neither.first?.location == Location(file: "t.csv", line: 2, column: 3))
        // A byte order mark promises UTF-8: a broken byte after it is an error, not a guess.
        let promised = CSVReader().table(from: Data([0xEF, 0xBB, 0xBF]) + Data("a\n".utf8) + Data([0xFC]), file: "t.csv").2
        #expect(promised.map(\.code) == ["invalid-utf8"])
    }

    @Test func decimalCommaOnlyWhereTheFileUsesSemicolons() {
        let excel = read("indicator;value;unit;snapshot;period;qualifier;subject;source_id;note\nx;1,9;percent;2024;;exact;;s;\n")
        #expect(TableDecoder.indicators(excel.0!).0.first?.value == .known(.number(1.9)))
        let comma = read("indicator,value,unit,snapshot,period,qualifier,subject,source_id,note\nx,\"1,9\",percent,2024,,exact,,s,\n")
        let (values, findings) = TableDecoder.indicators(comma.0!)
        #expect(values.isEmpty)
        #expect(findings.map(\.code) == ["not-a-number"])
        #expect(findings.first?.location == Location(file: "t.csv", line: 2, column: 3))
    }

    /// The fixture dataset saved three ways as Excel does: every table reads to the same values.
    @Test(arguments: [
        ("excelstadt", CSVDialect(encoding: .windows1252, byteOrderMark: false, separator: UInt8(ascii: ";"), lineEnding: .crlf)),
        ("bomstadt", CSVDialect(encoding: .utf8, byteOrderMark: true, separator: UInt8(ascii: ";"), lineEnding: .crlf)),
        ("kommastadt", CSVDialect(encoding: .utf8, byteOrderMark: true, separator: UInt8(ascii: ","), lineEnding: .crlf)),
    ])
    func excelSavedDatasetReadsLikeTheStandardOne(slug: String, dialect: CSVDialect) throws {
        let workspace = try Fixtures.workspace(["beispielstadt", slug])
        defer { Fixtures.remove(workspace) }
        let (reference, _) = workspace.readReference()
        let standard = workspace.validate(Slug("beispielstadt")!, reference: reference)
        let excel = workspace.validate(Slug(slug)!, reference: reference)
        #expect(standard.findings.isEmpty)
        #expect(excel.findings.errors.isEmpty)
        #expect(excel.findings.allSatisfy { $0.code == "encoding" })
        #expect(excel.dialects.count == 6)
        // A file whose bytes are all ASCII reads as UTF-8 whichever way it was saved; the rest must match.
        for (file, detected) in excel.dialects {
            #expect(detected.separator == dialect.separator && detected.lineEnding == dialect.lineEnding
                    && detected.byteOrderMark == dialect.byteOrderMark, "\(file)")
            #expect(detected.encoding == dialect.encoding || detected.encoding == .utf8, "\(file)")
        }
        #expect(excel.dialects["sources.csv"] == dialect)
        let expected = try #require(standard.dataset).withoutOrigins.renamed(slug)
        #expect(try #require(excel.dataset).withoutOrigins == expected)
        #expect(excel.dataset?.indicators.first { $0.indicator == "feedback_ease_of_use" }?.value == .known(.number(1.9)))
        #expect(excel.dataset?.sources.first?.body == .known("Ausschuss für Digitalisierung"))
    }
}
