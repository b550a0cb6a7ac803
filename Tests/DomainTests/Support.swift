import Domain

/// A text table as the CSV reader would give it: the first line is the header, rows start on line 2.
func table(_ file: String, _ header: String, _ rows: String...) -> TextTable {
    TextTable(file: file, header: header.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
              rows: rows.enumerated().map { index, row in
                  TextRow(line: index + 2, fields: row.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
              })
}

func date(_ text: String) -> PartialDate { PartialDate(text)! }

let sourcesHeader = "id,title,type,reference,date,body,location,note"
let mappingHeader = "status,maturity,maturity_model,online,in_scope,project_state,source_id,note"
let servicesHeader = "snapshot,name,name_corrected,unit,ozg_id,leika_key,match,status,responsible,source_id,note"
let talliesHeader = "snapshot,unit,role,status,count,qualifier,source_id,note"
let projectsHeader = "project_id,name,scope,ozg_id,start,go_live,go_live_kind,status,status_date,channel,reuse_available,motion,source_id,note"
let indicatorsHeader = "indicator,value,unit,snapshot,period,qualifier,subject,source_id,note"

/// A small, valid dataset in the shape of the Aachen report, built from decoded tables.
func sampleDataset(
    services: [String] = [],
    tallies: [String] = [
        "2024-05-28,leika-leistung,part,Digital,283,exact,sr-2024,",
        "2024-05-28,leika-leistung,part,PDF,428,exact,sr-2024,",
        "2024-05-28,leika-leistung,total,Alle Dienstleistungen,711,exact,sr-2024,",
    ],
    projects: [String] = [],
    indicators: [String] = ["efa_services_available,19,count,2024-05-28,,exact,,sr-2024,"]
) -> Dataset {
    let sources = TableDecoder.sources(table("sources.csv", sourcesHeader,
        "sr-2024,Digitalisierung der Verwaltung,mitteilungsvorlage,unknown,2024-05-28,Ausschuss,,"))
    let mapping = TableDecoder.statusMapping(table("status_mapping.csv", mappingHeader,
        "Digital,unknown,1.x,yes,yes,,sr-2024,",
        "PDF,1,1.x,no,yes,,sr-2024,",
        "In Umsetzung,unknown,1.x,no,yes,in-progress,sr-2024,",
        "Live,unknown,1.x,yes,yes,live,sr-2024,"))
    let municipality = Municipality(slug: Slug("aachen")!, name: "StädteRegion Aachen", kind: .staedteregion,
                                    land: "Nordrhein-Westfalen", ags: .known("05334"), ars: .known("05334"))
    return Dataset(
        municipality: municipality, sources: sources.0, statusMapping: StatusMapping(mapping.0),
        services: TableDecoder.services(table("services.csv", servicesHeader, services)).0,
        tallies: TableDecoder.tallies(table("tallies.csv", talliesHeader, tallies)).0,
        projects: TableDecoder.projects(table("projects.csv", projectsHeader, projects)).0,
        indicators: TableDecoder.indicators(table("indicators.csv", indicatorsHeader, indicators)).0)
}

extension TextTable {
    init(file: String, header: String, rows: [String]) {
        self = TextTable(file: file, header: header.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
                         rows: rows.enumerated().map { index, row in
                             TextRow(line: index + 2, fields: row.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
                         })
    }
}

func table(_ file: String, _ header: String, _ rows: [String]) -> TextTable {
    TextTable(file: file, header: header, rows: rows)
}

let reference = ReferenceCatalogue(services: [
    OzgService(id: OzgID(10092), name: "Wohngeld", themenfeld: "Familie & Kind", leikaCount: 12, leikaCountMunicipal: 10),
    OzgService(id: OzgID(10110), name: "Abfallentsorgung", themenfeld: "Bauen & Wohnen", leikaCount: 5, leikaCountMunicipal: 5),
])
