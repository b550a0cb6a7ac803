import Comparison
import Domain

extension MunicipalityPage {
    /// The section "Potenziale" of a profile: the peer group, what a missing row means, and the two lists as tables with
    /// their CSV downloads (or the sentence that says why there are none).
    func potentialsSection(_ report: PotentialsReport, stem: String, footnotes: (String) -> [Int], tables: inout [DataTable]) -> [HTMLNode] {
        var nodes: [HTMLNode] = [.heading(2, id: "potenziale", "Potenziale"), .p(PotentialsText.peerGroup(report)),
                                 .p(PotentialsText.subjectData(report))]
        guard report.declined.isEmpty else {
            nodes.append(.p(report.declined))
            return nodes
        }
        nodes.append(.p(PotentialsText.definition(report)))
        let name = report.subject.participant.name
        let subjectFootnotes = report.subject.sources.map(\.sourceID).flatMap(footnotes)
        for (id, heading, items, otherLevel, caption) in [
            ("potenziale-liste", "Potenziale", report.potentials, report.otherLevelPotentials,
             "Potenziale: LeiKa-Leistungen, die mindestens \(PotentialsText.percent(report.threshold)) der Vergleichskommunen online "
                + "anbieten und \(name) nicht"),
            ("vorreiter", "Vorreiter", report.pioneers, report.otherLevelPioneers,
             "Vorreiter: LeiKa-Leistungen, die \(name) online anbietet und weniger als \(PotentialsText.percent(report.pioneerThreshold)) "
                + "der Vergleichskommunen"),
        ] {
            nodes.append(.heading(3, id: id, heading))
            nodes.append(.p(PotentialsText.count(items.count, otherLevel: otherLevel)))
            guard !items.isEmpty else { continue }
            let table = DataTable(
                caption: caption,
                columns: ["Rang", "LeiKa-Leistung", "OZG-Leistung", "Themenfeld", "online bei", "Beispiele", "hier",
                          "Flächendeckung", "Typisierung", "Stand der Vergleichskommunen"],
                rows: items.enumerated().map { index, item in
                    DataTable.Row(header: String(index + 1), cells: [
                        DataTable.Cell(item.leikaKey + " " + item.name),
                        DataTable.Cell(PotentialsText.ozg(item)),
                        DataTable.Cell(item.themenfeld),
                        DataTable.Cell(PotentialsText.share(item)),
                        DataTable.Cell(item.examples.isEmpty ? "–" : GermanFormat.list(item.examples.map(\.name))),
                        DataTable.Cell(item.here.german, footnotes: subjectFootnotes),
                        DataTable.Cell(PotentialsText.central(item)),
                        DataTable.Cell(PotentialsText.typisierung(item)),
                        DataTable.Cell(PotentialsText.peerDates(item).isEmpty ? "–" : PotentialsText.peerDates(item)),
                    ])
                },
                fileName: stem + "-" + id,
                // One value a cell: the share as numerator and denominator, keys and names apart, the peers' dates as two.
                tidy: DataTable.Tidy(keys: ["Rang", "LeiKa-Schlüssel", "LeiKa-Leistung", "OZG-ID", "OZG-Leistung", "Themenfeld",
                                            "Beispiele", "hier", "Flächendeckung", "Typisierung", "Stand der Vergleichskommunen von",
                                            "Stand der Vergleichskommunen bis", "Kennzahl"],
                                     lines: items.enumerated().map { index, item in
                    DataTable.Tidy.Line(keys: [String(index + 1), item.leikaKey, item.name, item.ozgID.map { String($0.rawValue) } ?? "",
                                               item.ozgName, item.themenfeld, item.examples.map(\.name).joined(separator: " | "),
                                               item.here.german, PotentialsText.central(item), item.typisierung ?? "",
                                               item.peerSnapshots?.lowerBound.description ?? "", item.peerSnapshots?.upperBound.description ?? "",
                                               "Vergleichskommunen mit dieser Leistung online"],
                                        figure: Figure(value: .share(numerator: item.offering, denominator: item.peersWithData, .exact)),
                                        unit: "Vergleichskommunen mit Daten auf LeiKa-Ebene", footnotes: subjectFootnotes)
                }))
            tables.append(table)
            nodes.append(table.html(id: "tabelle-" + id, page: path) { "#quelle-\($0)" })
        }
        return nodes
    }
}
