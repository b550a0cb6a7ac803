import Domain
import PropertyBased
import Testing

/// bench's one CSV writer: formulas neutralised in reports and downloads, numbers kept, dataset text verbatim.
@Suite struct CSVWriterTests {
    @Test(arguments: [CSVWriter.report, CSVWriter.spreadsheet])
    func formulasGetAnApostropheInReportsAndDownloads(_ writer: CSVWriter) {
        #expect(writer.field("=1+1") == "'=1+1")
        #expect(writer.field("+49 214") == "'+49 214")
        #expect(writer.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(writer.field("-A1+1") == "'-A1+1")
        #expect(writer.field("-3+cmd") == "'-3+cmd")
        #expect(writer.field("--3") == "'--3")
        #expect(writer.field("-") == "'-")
        #expect(writer.field("\tcmd") == "'\tcmd")
        #expect(writer.field("\rcmd") == "\"'\rcmd\"")
        #expect(writer.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(writer.field("a=1") == "a=1", "only the first character matters")
    }

    @Test(arguments: [CSVWriter.report, CSVWriter.spreadsheet])
    func numbersStayNumbers(_ writer: CSVWriter) {
        for number in ["-3", "-0", "3", "1.187", "-1.187", "12.34", "-7.1", "1e+16", "-1e-05", "-2%", "1.187.000"] {
            #expect(writer.field(number) == number, "\(number)")
        }
        // A comma is the spreadsheet's decimal separator and the report's separator.
        #expect(CSVWriter.spreadsheet.field("-0,5") == "-0,5")
        #expect(CSVWriter.report.field("-0,5") == "\"-0,5\"")
        #expect(CSVWriter.spreadsheet.field("-1.187,5") == "-1.187,5")
        #expect(CSVWriter.spreadsheet.field("23,8 %") == "23,8 %")
    }

    @Test func theSpreadsheetUndoesTheSitesTypography() {
        #expect(CSVWriter.spreadsheet.field("\u{2212}1.187") == "-1.187")
        #expect(CSVWriter.spreadsheet.field("23,8\u{a0}%") == "23,8 %")
        #expect(CSVWriter.spreadsheet.field("\u{2212}A1") == "\u{2212}A1", "a typographic minus is no formula")
        #expect(CSVWriter.report.field("23,8\u{a0}%") == "\"23,8\u{a0}%\"")
    }

    @Test func datasetTextIsVerbatim() {
        #expect(CSVWriter.dataset.field("=HYPERLINK(\"x\")") == "\"=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVWriter.dataset.field("-A1") == "-A1")
        #expect(CSVWriter.dataset.field("@home") == "@home")
        #expect(CSVWriter.dataset.field("a;b") == "\"a;b\"")
        #expect(CSVWriter.dataset.field(" padded") == "\" padded\"")
        #expect(CSVWriter.row(["a", "b,c", ""]) == "a,\"b,c\",")
        #expect(CSVWriter.cell("x") == CSVWriter.dataset.field("x"))
    }

    @Test func documentsHaveTheirDialectsFraming() {
        #expect(CSVWriter.spreadsheet.document([["a", "b"], ["1", "2"]]) == "\u{feff}a;b\r\n1;2\r\n")
        #expect(CSVWriter.report.document([["a", "b"], ["1", "=2"]]) == "a,b\n1,'=2\n")
        #expect(CSVWriter.dataset.document([["a", "b"], ["1", "=2"]]) == "a,b\n1,=2\n")
    }

    /// Whatever the text, a report or download cell never begins with a formula character, unless it is a number.
    @Test func noCellStartsAFormula() async {
        let characters: [Character] = ["=", "+", "-", "@", "\t", "\r", "\n", "1", "0", ".", ",", "%", " ", "e", "A", "\"", ";", "'", "\u{2212}", "\u{a0}"]
        await propertyCheck(input: Gen.element(of: characters).map { $0! }.array(of: 0...8)) { characters in
            let text = String(characters)
            for writer in [CSVWriter.report, CSVWriter.spreadsheet] {
                var cell = writer.field(text)
                if cell.hasPrefix("\"") { cell = String(cell.dropFirst()) }
                guard let first = cell.first, "=+-@\t\r".contains(first) else { continue }
                #expect(CSVWriter.isNumber(cell.hasSuffix("\"") ? String(cell.dropLast()) : cell), "\(text.debugDescription) -> \(cell.debugDescription)")
            }
        }
    }
}
