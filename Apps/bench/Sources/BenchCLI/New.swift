import ArgumentParser
import Domain
import Foundation
import Storage

extension MunicipalityKind: @retroactive ExpressibleByArgument {}

extension Bench {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a dataset folder for another municipality: metadata and empty tables with their headers.",
            discussion: """
                The new folder validates at once; adding a municipality then needs data, never code. \
                Where --ags (or --ars) names a unit of the municipality register (Datasets/reference/register.csv), \
                bench fills what you do not pass from it: name, kind, Land, the other key, and the population with \
                its date and source. Options you pass win over the register (e.g. --name "Stadt Leverkusen"). \
                Without a register entry, --name and --kind are required.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Argument(help: ArgumentHelp("The new dataset's slug: \(Slug.rule).", valueName: "slug"))
        var slugText: String

        @Option(help: "The official name (e.g. \"Stadt Köln\"; default: the register's name for --ags).")
        var name: String?

        @Option(help: "The kind of authority: \(MunicipalityKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: the register's kind for --ags).")
        var kind: MunicipalityKind?

        @Option(help: "The Land (default: the register's Land for --ags, else Nordrhein-Westfalen).")
        var land: String?

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
                let register = try workspace.register()
                let entry = ags != "unknown" ? register[ags: ags] : ars != "unknown" ? register[ars: ars] : nil
                guard let name = name ?? entry?.name, let kind = kind ?? entry?.kind else {
                    let key = ags != "unknown" ? "AGS \(ags)" : ars != "unknown" ? "ARS \(ars)" : nil
                    throw ValidationError((key.map { "The municipality register does not know \($0): " } ?? "")
                        + "pass --name and --kind (or an --ags the register knows).")
                }
                let agsValue = ags != "unknown" ? ags : entry?.ags ?? "unknown"
                let arsValue = ars != "unknown" ? ars : entry?.ars ?? "unknown"
                let municipality = Municipality(
                    slug: Slug(slugText)!, name: name, kind: kind, land: land ?? entry?.land ?? "Nordrhein-Westfalen",
                    ags: agsValue == "unknown" ? .unknown : .known(agsValue), ars: arsValue == "unknown" ? .unknown : .known(arsValue),
                    population: entry?.population)
                let folder = try workspace.scaffold(municipality)
                print("created \(workspace.displayPath(folder))/ with municipality.yaml and \(TableSchema.all.count) empty tables")
                if let entry {
                    let population = entry.population.map { ", \($0.count) inhabitants on \($0.date)" } ?? ""
                    print("from the municipality register: \(entry.name), \(entry.kind.rawValue)\(population) (AGS \(entry.ags), ARS \(entry.ars))")
                }
                print("next: add its documents to sources.csv, its status words to status_mapping.csv, then run 'bench validate \(slugText)'")
            }
        }
    }
}
