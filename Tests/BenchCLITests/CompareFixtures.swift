import Foundation

/// A small workspace written by the tests themselves, so that the snapshots of `bench compare` and `bench gaps`
/// stay put while the bundled datasets are corrected: a kreisfreie Stadt counting OZG-Leistungen and two Kreise
/// counting LeiKa-Leistungen.
enum CompareFixtures {
    static func workspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace(reference: false)
        for folder in ["reference", "stadt-b", "kreis-a", "kreis-c"] {
            try FileManager.default.createDirectory(at: workspace.url("Datasets/\(folder)"), withIntermediateDirectories: true)
        }
        for (path, text) in files { try workspace.write(text, to: "Datasets/" + path) }
        return workspace
    }

    static let files: [(String, String)] = [
        ("reference/ozg_leistungen.csv", """
            ozg_id,name,themenfeld,lebenslage,leika_count,leika_count_municipal,note
            10092,Wohngeld,Arbeit & Ruhestand,Finanzielle Existenzsicherung,9,0,
            10173,Parkausweise und Zufahrtsberechtigungen,Mobilität & Reisen,Kfz-Besitz,13,0,

            """),
        ("stadt-b/municipality.yaml", """
            slug: stadt-b
            name: Stadt B
            kind: kreisfreie-stadt
            land: Nordrhein-Westfalen
            ags: "05999000"
            ars: "059990000000"
            synthetic: false

            """),
        ("stadt-b/sources.csv", """
            id,title,type,reference,date,body,location,note
            b-2025-05,Stellungnahme der Verwaltung,stellungnahme,2025/1,2025-05-28,Rat,,
            b-2025-12,Sachstand Digitalisierung,praesentation,unknown,2025-12-15,Hauptausschuss,,

            """),
        ("stadt-b/status_mapping.csv", """
            status,maturity,maturity_model,online,in_scope,project_state,source_id,note
            umgesetzt,unknown,1.x,yes,yes,live,b-2025-05,
            in Umsetzung,unknown,1.x,no,yes,in-progress,b-2025-05,
            in Vorbereitung,unknown,1.x,no,yes,planned,b-2025-05,

            """),
        ("stadt-b/services.csv", """
            snapshot,name,name_corrected,unit,ozg_id,leika_key,match,status,responsible,source_id,note
            2025-05-23,Wohngeld,,ozg-leistung,10092,,exact,umgesetzt,FB 50,b-2025-05,
            2025-05-23,Bewohnerparkausweis,,ozg-leistung,10173,,manual,umgesetzt,FB 36,b-2025-05,by hand
            2025-05-23,Bildungszugang,,ozg-leistung,unknown,,none,umgesetzt,FB 40,b-2025-05,not matched

            """),
        ("stadt-b/tallies.csv", """
            snapshot,unit,role,status,count,qualifier,source_id,note
            2025-05-23,ozg-leistung,part,umgesetzt,3,exact,b-2025-05,
            2025-05-23,ozg-leistung,part,in Vorbereitung,unknown,exact,b-2025-05,
            2025-05-23,ozg-leistung,total,in Zuständigkeit,190,approx,b-2025-05,
            2025-12-15,ozg-leistung,total,in Zuständigkeit,189,exact,b-2025-12,

            """),
        ("stadt-b/projects.csv", """
            project_id,name,scope,ozg_id,start,go_live,go_live_kind,status,status_date,channel,reuse_available,motion,source_id,note
            fuehrerschein,Führerschein,ozg,unknown,2025-02,unknown,unknown,in Umsetzung,2025-12-15,efa,,none,b-2025-12,
            wohngeld,Wohngeld,ozg,10092,unknown,2025-12,actual,umgesetzt,2025-12-15,unknown,,none,b-2025-12,

            """),
        ("stadt-b/indicators.csv", """
            indicator,value,unit,snapshot,period,qualifier,subject,source_id,note
            devices_tablets,237,count,2025-05-28,,exact,,b-2025-05,

            """),
        ("kreis-a/municipality.yaml", """
            slug: kreis-a
            name: Kreis A
            kind: kreis
            land: Nordrhein-Westfalen
            ags: "05998"
            ars: "05998"
            synthetic: false

            """),
        ("kreis-a/sources.csv", """
            id,title,type,reference,date,body,location,note
            a-2024,Jährlicher Sachstandsbericht,mitteilungsvorlage,unknown,2024-05-28,Ausschuss,,

            """),
        ("kreis-a/status_mapping.csv", """
            status,maturity,maturity_model,online,in_scope,project_state,source_id,note
            Analog,unknown,1.x,no,yes,,a-2024,
            Kein Optimierungspotenzial,unknown,1.x,unknown,unknown,,a-2024,
            Digital,unknown,1.x,yes,yes,,a-2024,

            """),
        ("kreis-a/services.csv", """
            snapshot,name,name_corrected,unit,ozg_id,leika_key,match,status,responsible,source_id,note

            """),
        ("kreis-a/tallies.csv", """
            snapshot,unit,role,status,count,qualifier,source_id,note
            2023,leika-leistung,part,Analog,300,exact,a-2024,
            2023,leika-leistung,part,Kein Optimierungspotenzial,100,exact,a-2024,
            2023,leika-leistung,part,Digital,200,exact,a-2024,
            2023,leika-leistung,total,Alle,600,exact,a-2024,
            2024-05-28,leika-leistung,part,Analog,500,exact,a-2024,
            2024-05-28,leika-leistung,part,Kein Optimierungspotenzial,200,exact,a-2024,
            2024-05-28,leika-leistung,part,Digital,300,exact,a-2024,
            2024-05-28,leika-leistung,total,Alle,1000,exact,a-2024,

            """),
        ("kreis-a/projects.csv", """
            project_id,name,scope,ozg_id,start,go_live,go_live_kind,status,status_date,channel,reuse_available,motion,source_id,note

            """),
        ("kreis-a/indicators.csv", """
            indicator,value,unit,snapshot,period,qualifier,subject,source_id,note
            efa_services_available,19,count,2024-05-28,,exact,,a-2024,
            efa_services_relevant,3,count,2024-05-28,,exact,,a-2024,
            efa_services_adopted,1,count,2024-05-28,,at-least,,a-2024,
            it_projects_planned,197,count,2024-05-28,2024,exact,,a-2024,
            devices_tablets,120,count,2024-05-28,,exact,,a-2024,

            """),
        ("kreis-c/municipality.yaml", """
            slug: kreis-c
            name: Kreis C
            kind: kreis
            land: Nordrhein-Westfalen
            ags: "05997"
            ars: "05997"
            synthetic: false

            """),
        ("kreis-c/sources.csv", """
            id,title,type,reference,date,body,location,note
            c-2025,Digitalisierungsbericht,bericht,unknown,2025-03,Kreistag,,

            """),
        ("kreis-c/status_mapping.csv", """
            status,maturity,maturity_model,online,in_scope,project_state,source_id,note
            online,3,1.x,yes,yes,,c-2025,
            offline,0,1.x,no,yes,,c-2025,

            """),
        ("kreis-c/services.csv", """
            snapshot,name,name_corrected,unit,ozg_id,leika_key,match,status,responsible,source_id,note

            """),
        ("kreis-c/tallies.csv", """
            snapshot,unit,role,status,count,qualifier,source_id,note
            2025-03,leika-leistung,part,online,400,exact,c-2025,
            2025-03,leika-leistung,part,offline,600,exact,c-2025,
            2025-03,leika-leistung,total,Alle,1000,exact,c-2025,

            """),
        ("kreis-c/projects.csv", """
            project_id,name,scope,ozg_id,start,go_live,go_live_kind,status,status_date,channel,reuse_available,motion,source_id,note

            """),
        ("kreis-c/indicators.csv", """
            indicator,value,unit,snapshot,period,qualifier,subject,source_id,note

            """),
    ]
}
