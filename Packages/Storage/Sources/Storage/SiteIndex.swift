import Domain
import GRDB

extension BenchDatabase {
    /// The named datasets in the order given, without their service records: what a site's start page, sources page
    /// and peer groups read of every municipality (metadata, documents, status mapping, tallies, projects,
    /// indicators). A census of thousands of service records per municipality is left in the database; the profile
    /// pages read it one dataset at a time.
    public func datasetsWithoutServices(_ slugs: [Slug]) throws(StorageError) -> [Dataset] {
        try read { db in
            try slugs.map { slug in
                guard let municipality = try MunicipalityRecord.fetch(db, slug) else {
                    throw StorageError.unknownMunicipality(slug.rawValue, known: try MunicipalityRecord.fetchAll(db).map(\.slug.rawValue))
                }
                return Dataset(municipality: municipality, sources: try SourceRecord.fetchAll(db, slug),
                               statusMapping: StatusMapping(try StatusMappingRecord.fetchAll(db, slug)),
                               services: [], tallies: try TallyRecord.fetchAll(db, slug),
                               projects: try ProjectRecord.fetchAll(db, slug), indicators: try IndicatorRecord.fetchAll(db, slug))
            }
        }
    }

    /// Each named municipality's oldest and newest service snapshot (as `PartialDate` orders them), found through the
    /// index on `(municipality, snapshot_first)` without reading the records; municipalities without service records
    /// are left out.
    public func serviceSnapshotSpans(_ slugs: [Slug]) throws(StorageError) -> [Slug: ClosedRange<PartialDate>] {
        try read { db in
            var spans: [Slug: ClosedRange<PartialDate>] = [:]
            for slug in slugs {
                let bounds = try Row.fetchOne(db, sql: """
                    SELECT min(snapshot_first), max(snapshot_first) FROM service_record WHERE municipality = ?
                    """, arguments: [slug.rawValue])
                guard let bounds, let low = bounds[0] as String?, let high = bounds[1] as String? else { continue }
                // The dates starting on a day, in the order PartialDate gives them: the less precise first.
                func candidates(_ first: String) -> [PartialDate] {
                    guard let day = PartialDate(first) else { return [] }
                    var dates = [day]
                    let parts = first.split(separator: "-")
                    if parts.count == 3, parts[2] == "01" {
                        dates.insert(PartialDate(parts[0] + "-" + parts[1])!, at: 0)
                        if parts[1] == "01" { dates.insert(PartialDate(String(parts[0]))!, at: 0) }
                    }
                    return dates.filter { $0.earliestDay.description == first }
                }
                func present(_ date: PartialDate, first: String) throws -> Bool {
                    try Bool.fetchOne(db, sql: """
                        SELECT EXISTS (SELECT 1 FROM service_record WHERE municipality = ? AND snapshot_first = ? AND snapshot = ?)
                        """, arguments: [slug.rawValue, first, date.description]) ?? false
                }
                // The oldest: the least precise date that starts on the first day; the newest: the most precise one
                // that starts on the last day.
                let oldest = try candidates(low).first { try present($0, first: low) }
                let newest = try candidates(high).reversed().first { try present($0, first: high) }
                guard let oldest, let newest else {
                    throw StorageError.damagedDatabase(path: "", reason: "service snapshots of \(slug) do not match their first day",
                                                       derived: false)
                }
                spans[slug] = oldest...newest
            }
            return spans
        }
    }
}
