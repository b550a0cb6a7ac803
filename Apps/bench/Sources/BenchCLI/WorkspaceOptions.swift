import ArgumentParser
import Domain
import Foundation
import Comparison
import Presentation
import Storage

/// Where the datasets are: shared by every command that reads them.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .customLong("workspace"), help: ArgumentHelp("The folder that holds Datasets/ (default: the current folder or the nearest parent with a Datasets/ folder).", valueName: "path"))
    var path: String?

    func workspace() throws -> Workspace {
        if let path {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("Datasets").path, isDirectory: &isDirectory),
                  isDirectory.boolValue else {
                throw ValidationError("'\(path)' has no Datasets/ folder. Pass the folder that holds Datasets/.")
            }
            return Workspace(root: url)
        }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let workspace = Workspace.enclosing(current) else {
            throw ValidationError("No Datasets/ folder here or in a parent folder. Run bench inside the workspace, or pass --workspace PATH.")
        }
        return workspace
    }
}

/// The options of every command that prints a comparison (compare, gaps): the date and the format.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Use each municipality's latest snapshot on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @Option(help: "Output format: table (aligned, for the terminal), markdown (for committee documents and checklists to send), csv or json.")
    var format: ReportFormat = .table

    func validate() throws {
        if let asOf, PartialDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-06-30).")
        }
    }

    /// The --as-of date (checked by `validate()`).
    var date: PartialDate? { asOf.flatMap(PartialDate.init) }

    /// Colour for the table on a terminal only.
    var wantsColour: Bool { format == .table && terminalWantsColour() }
}

/// Output of commands whose output is data.
enum DataFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((HiddenCharacters.escaped(text) + "\n").utf8))
}

/// Runs a command body, turning the packages' errors (Storage, Comparison, Presentation) into a message on stderr and exit code 1 (never a Swift error dump).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch StorageError.invalidInput(let findings) {
        // Each finding says "file:line:column: error: ..." itself.
        printError(StorageError.invalidInput(findings).description)
        throw ExitCode.failure
    } catch let error as StorageError {
        printError("error: \(error)")
        throw ExitCode.failure
    } catch let error as ComparisonError {
        printError("error: \(error)")
        throw ExitCode.failure
    } catch let error as PresentationError {
        printError("error: \(error)")
        throw ExitCode.failure
    }
}

/// JSON as every command writes it: sorted keys, so that the same input gives the same bytes.
func jsonString(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
