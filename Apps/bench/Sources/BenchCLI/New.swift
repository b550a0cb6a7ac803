import ArgumentParser
import Domain
import Foundation
import Storage

extension MunicipalityKind: @retroactive ExpressibleByArgument {}

extension Bench {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a dataset folder for another municipality: metadata and empty tables with their headers.",
            discussion: "The new folder validates at once; adding a municipality then needs data, never code."
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Argument(help: ArgumentHelp("The new dataset's slug: \(Slug.rule).", valueName: "slug"))
        var slugText: String

        @Option(help: "The official name (e.g. \"Stadt Köln\").")
        var name: String

        @Option(help: "The kind of authority: \(MunicipalityKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: MunicipalityKind

        @Option(help: "The Land.")
        var land = "Nordrhein-Westfalen"

        @Option(help: "Amtlicher Gemeindeschlüssel (8 digits) or Kreis key (5 digits).")
        var ags = "unknown"

        @Option(help: "Amtlicher Regionalschlüssel (12 digits) or Kreis key (5 digits).")
        var ars = "unknown"

        func validate() throws {
            guard Slug(slugText) != nil else { throw ValidationError("'\(slugText)' is not a valid slug: use \(Slug.rule).") }
            for (label, value, lengths) in [("ags", ags, [5, 8]), ("ars", ars, [5, 12])] where value != "unknown" {
                guard lengths.contains(value.count), value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) else {
                    throw ValidationError("--\(label) must be \(lengths.map(String.init).joined(separator: " or ")) digits, or 'unknown'.")
                }
            }
        }

        mutating func run() throws {
            try reportingErrors {
                let workspace = try workspaceOptions.workspace()
                let municipality = Municipality(
                    slug: Slug(slugText)!, name: name, kind: kind, land: land,
                    ags: ags == "unknown" ? .unknown : .known(ags), ars: ars == "unknown" ? .unknown : .known(ars))
                let folder = try workspace.scaffold(municipality)
                print("created \(workspace.displayPath(folder))/ with municipality.yaml and \(TableSchema.all.count) empty tables")
                print("next: add its documents to sources.csv, its status words to status_mapping.csv, then run 'bench validate \(slugText)'")
            }
        }
    }
}
