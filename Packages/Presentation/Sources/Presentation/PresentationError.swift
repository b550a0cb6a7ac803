import Foundation

/// Everything that can go wrong when presenting results, with an (English) message for the person who must act.
public enum PresentationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The output folder holds files that no earlier export wrote.
    case outputNotEmpty(folder: String, foreign: [String])
    /// The output path is a file, not a folder.
    case outputIsFile(String)
    /// The output folder looks like a workspace or repository, which an export must never replace.
    case outputIsProtected(folder: String, because: String)
    /// A comparison names a municipality that is not among the exported datasets.
    case unknownParticipant(String)
    /// Two comparisons of the same municipalities in the same order would share one page.
    case duplicateComparison(String)
    /// A file would be written outside the output folder.
    case unsafePath(String)
    /// The file system refused.
    case writeFailed(path: String, reason: String)
    /// An error of one step of the site export, tagged with the step.
    indirect case inStep(String, PresentationError)

    public var description: String {
        switch self {
        case .outputNotEmpty(let folder, let foreign):
            let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", and \(foreign.count - 5) more" : "")
            return "\(folder) already holds files that bench did not write (\(shown)); "
                + "choose an empty or new folder, or pass --force to replace everything in it"
        case .outputIsFile(let path):
            return "\(path) is a file, not a folder; choose a folder for the site"
        case .outputIsProtected(let folder, let because):
            return "\(folder) \(because); refusing to replace it even with --force. Choose a folder of its own for the site (e.g. site/)"
        case .unknownParticipant(let slug):
            return "a comparison names '\(slug)', which is not among the exported datasets; export it too, or drop the pair"
        case .duplicateComparison(let pair):
            return "the comparison \(pair) is asked for twice; name each pair once"
        case .unsafePath(let path):
            return "refusing to write '\(path)': it would land outside the output folder (this is a bug in bench; please report it)"
        case .writeFailed(let path, let reason):
            return "could not write \(path): \(reason); check that the folder is writable and the disk has space"
        case .inStep(let step, let error):
            return "\(step): \(error)"
        }
    }
}
