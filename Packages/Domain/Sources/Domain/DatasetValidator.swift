/// The checks that need more than one row: references between tables, duplicates, dates that cannot be,
/// tallies that do not add up, services mapped to OZG-IDs that do not exist.
public struct DatasetValidator: Sendable {
    public var reference: ReferenceCatalogue

    public init(reference: ReferenceCatalogue) {
        self.reference = reference
    }

    public func validate(_ dataset: Dataset) -> [Finding] {
        var findings: [Finding] = []
        let sourceDates = Dictionary(dataset.sources.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        let fallback = Location(file: "\(dataset.slug)")

        func at(_ origin: Location?) -> Location { origin ?? fallback }
        func error(_ origin: Location?, _ code: String, _ found: String, _ expected: String) {
            findings.append(Finding(.error, at: at(origin), code: code, found: found, expected: expected))
        }
        func warning(_ origin: Location?, _ code: String, _ found: String, _ expected: String) {
            findings.append(Finding(.warning, at: at(origin), code: code, found: found, expected: expected))
        }
        // The checks take a row's place as an autoclosure: it is needed only for a finding, and copying it for every
        // one of millions of rows would cost more than the check. Services name the same source and status word row
        // after row: the last lookup answers most of them.
        var lastSource: (id: String, date: PartialDate?)?
        func checkSource(_ id: String, _ origin: @autoclosure () -> Location?, snapshot: PartialDate?, what: String) {
            let date: PartialDate?
            if let lastSource, lastSource.id == id {
                date = lastSource.date
            } else {
                date = sourceDates[id]
                lastSource = (id, date)
            }
            guard let date else {
                let known = sourceDates.keys.sorted().joined(separator: ", ")
                error(origin(), "unknown-source", "source_id '\(id)' is not in sources.csv",
                      known.isEmpty ? "add the document to sources.csv first" : "use one of: \(known), or add the document to sources.csv")
                return
            }
            if let snapshot, snapshot.earliestDay.dayNumber > date.latestDay.dayNumber {
                error(origin(), "date-after-source", "\(what) \(snapshot) is later than its source '\(id)' of \(date)",
                      "a document cannot report a state after its own date; check the date or the source")
            }
        }
        func checkDuplicates<Element, Key: Hashable>(_ items: [Element], key: (Element) -> Key,
                                                     origin: (Element) -> Location?, describe: (Key) -> String) {
            var seen: [Key: Int] = [:]
            seen.reserveCapacity(items.count)
            for index in items.indices {
                let itemKey = key(items[index])
                if let first = seen[itemKey] {
                    let firstLine = origin(items[first])?.line.map { " (first on line \($0))" } ?? ""
                    error(origin(items[index]), "duplicate-row", "\(describe(itemKey)) appears twice\(firstLine)",
                          "keep one row per \(describe(itemKey)); merge or delete the other")
                } else {
                    seen[itemKey] = index
                }
            }
        }

        checkDuplicates(dataset.sources, key: \.id, origin: \.origin) { "source id '\($0)'" }
        checkDuplicates(dataset.statusMapping.entries, key: \.status, origin: \.origin) { "status word '\($0)'" }
        for entry in dataset.statusMapping.entries {
            checkSource(entry.sourceID, entry.origin, snapshot: nil, what: "")
        }

        let mapping = dataset.statusMapping
        var lastStatus: (word: String, entry: StatusMappingEntry?)?
        func checkStatus(_ status: String, _ origin: @autoclosure () -> Location?, project: Bool) {
            let found: StatusMappingEntry?
            if let lastStatus, lastStatus.word == status {
                found = lastStatus.entry
            } else {
                found = mapping[status]
                lastStatus = (status, found)
            }
            guard let entry = found else {
                let words = mapping.entries.filter { ($0.projectState != nil) == project }.map { "'\($0.status)'" }
                error(origin(), "unknown-status", "status '\(status)' is not in status_mapping.csv",
                      "add it to status_mapping.csv with its meaning" + (words.isEmpty ? "" : ", or use one of \(words.joined(separator: ", "))"))
                return
            }
            if project && entry.projectState == nil {
                error(origin(), "not-a-project-status", "status '\(status)' has no project_state in status_mapping.csv",
                      "give it a project_state (planned, in-progress, live, stopped, open)")
            }
        }

        // By index, reading fields in place: a copy of each record would retain and release all its texts.
        let services = dataset.services
        for index in services.indices {
            checkSource(services[index].sourceID, services[index].origin, snapshot: services[index].snapshot, what: "snapshot")
            checkStatus(services[index].status, services[index].origin, project: false)
            // Only a bundle-level record names the bundle; a LeiKa record's name is the LeiKa entry's.
            let unit = services[index].unit
            checkOzgID(services[index].ozgID, services[index].origin, match: services[index].match,
                       name: unit == .ozgLeistung ? services[index].displayName : nil,
                       error: error, warning: warning)
            if unit == .leikaLeistung && services[index].leikaKey == nil {
                warning(services[index].origin, "missing-leika-key",
                        "'\(services[index].name)' counts LeiKa-Leistungen but has no leika_key",
                        "add its 14-digit LeiKa key, so the record can be matched to the catalogue")
            }
        }
        checkDuplicates(dataset.services, key: { ServiceKey(snapshot: $0.snapshot, name: $0.name, leika: $0.leikaKey) }, origin: \.origin) {
            "service '\($0.name)' at \($0.snapshot)" + ($0.leika.map { " with LeiKa key \($0)" } ?? "")
        }

        for tally in dataset.tallies {
            checkSource(tally.sourceID, tally.origin, snapshot: tally.snapshot, what: "snapshot")
            if tally.role == .part { checkStatus(tally.status, tally.origin, project: false) }
        }
        checkDuplicates(dataset.tallies, key: { TallyKey(snapshot: $0.snapshot, unit: $0.unit, role: $0.role, status: $0.status) },
                        origin: \.origin) {
            "\($0.role.rawValue) '\($0.status)' (\($0.unit.rawValue)) at \($0.snapshot)"
        }
        checkTallySums(dataset, error: error)

        for project in dataset.projects {
            checkSource(project.sourceID, project.origin, snapshot: project.statusDate, what: "status_date")
            checkStatus(project.status, project.origin, project: true)
            checkOzgID(project.ozgID, project.origin, match: nil, name: nil, error: error, warning: warning)
            if let start = project.start.value, let goLive = project.goLive.value,
               goLive.latestDay.dayNumber < start.earliestDay.dayNumber {
                error(project.origin, "go-live-before-start", "go_live \(goLive) is before start \(start)",
                      "check both dates against the source")
            }
            if project.goLiveKind == .actual, let goLive = project.goLive.value,
               goLive.earliestDay.dayNumber > project.statusDate.latestDay.dayNumber {
                error(project.origin, "actual-go-live-in-future",
                      "go_live \(goLive) is marked 'actual' but lies after status_date \(project.statusDate)",
                      "mark it 'planned', or correct the date")
            }
        }
        checkDuplicates(dataset.projects, key: { ProjectKey(id: $0.projectID, source: $0.sourceID) }, origin: \.origin) {
            "project '\($0.id)' from source '\($0.source)'"
        }

        for indicator in dataset.indicators {
            checkSource(indicator.sourceID, indicator.origin, snapshot: indicator.snapshot, what: "snapshot")
        }
        checkDuplicates(dataset.indicators, key: {
            IndicatorKey(indicator: $0.indicator, snapshot: $0.snapshot, period: $0.period, subject: $0.subject)
        }, origin: \.origin) { key in
            "indicator '\(key.indicator)' at \(key.snapshot)" + (key.period.map { " for \($0)" } ?? "")
                + (key.subject.isEmpty ? "" : " about '\(key.subject)'")
        }
        return findings.sorted()
    }

    private func checkOzgID(_ id: Reported<OzgID?>, _ origin: @autoclosure () -> Location?, match: MatchMethod?,
                            name: @autoclosure () -> String?,
                            error: (Location?, String, String, String) -> Void,
                            warning: (Location?, String, String, String) -> Void) {
        switch id {
        case .known(let id?):
            // Found by index, not copied: the check runs for millions of rows and needs the name only for an exact match.
            guard let found = reference.services.index(forKey: id) else {
                // The source itself files the row under this ID (a dashboard row's ozgid): a sourced fact that stands
                // even where the bundled reference lacks the OZG-Leistung (the import names each such ID once).
                if match == .source { return }
                error(origin(), "unknown-ozg-id", "OZG-ID \(id) is not in Datasets/reference/ozg_leistungen.csv",
                      "check the ID against the OZG catalogue and add the OZG-Leistung to the reference data, or write 'unknown'")
                return
            }
            if match == .some(.none) {
                error(origin(), "match-contradiction", "match is 'none' but ozg_id is \(id)",
                      "say how the ID was found (exact, normalised, manual), or write ozg_id 'none'")
            }
            if match == .exact, let name = name(), reference.services[found].value.name != name {
                let catalogueName = reference.services[found].value.name
                warning(origin(), "exact-match-differs", "match is 'exact' but '\(name)' differs from the catalogue's '\(catalogueName)'",
                        "write match 'normalised' or 'manual' and say in the note why the two are the same service")
            }
        case .known(nil), .unknown:
            // A source may say that a service belongs to no OZG-Leistung (`none` with match `source`).
            if let match, match != .none, !(match == .source && id == .known(nil)) {
                error(origin(), "match-contradiction", "match is '\(match.rawValue)' but no OZG-ID is given",
                      "write match 'none' where there is no ID")
            }
        }
    }

    private func checkTallySums(_ dataset: Dataset, error: (Location?, String, String, String) -> Void) {
        // The words only used for services (no project_state): parts that cover all of them are complete.
        let serviceWords = Set(dataset.statusMapping.entries.filter { $0.projectState == nil }.map(\.status))
        let groups = Dictionary(grouping: dataset.tallies) { GroupKey(snapshot: $0.snapshot, unit: $0.unit) }
        for (key, rows) in groups.sorted(by: { ($0.key.snapshot, $0.key.unit.rawValue) < ($1.key.snapshot, $1.key.unit.rawValue) }) {
            guard let total = rows.first(where: { $0.role == .total }), let totalCount = total.count.value else { continue }
            let parts = rows.filter { $0.role == .part }
            let known = parts.compactMap(\.count.value)
            let sum = known.reduce(0, +)
            let when = "\(key.unit.rawValue) at \(key.snapshot)"
            if sum > totalCount && total.qualifier == .exact {
                error(total.origin, "tally-exceeds-total",
                      "the parts add up to \(sum), more than the total \(totalCount) (\(when))",
                      "check each count against the source; parts cannot exceed their total")
            } else if known.count == parts.count, !parts.isEmpty, Set(parts.map(\.status)) == serviceWords,
                      total.qualifier == .exact, sum != totalCount {
                error(total.origin, "tally-sum-mismatch",
                      "the parts cover every status word and add up to \(sum), but the total is \(totalCount) (\(when))",
                      "check each count against the source; where the source's own figures do not add up, say so in a note and mark the total 'approx'")
            }
        }
    }

    private struct ServiceKey: Hashable { let snapshot: PartialDate; let name: String; let leika: LeikaKey? }
    private struct TallyKey: Hashable { let snapshot: PartialDate; let unit: CountingUnit; let role: TallyRole; let status: String }
    private struct ProjectKey: Hashable { let id: String; let source: String }
    private struct IndicatorKey: Hashable { let indicator: String; let snapshot: PartialDate; let period: PartialDate?; let subject: String }
    private struct GroupKey: Hashable { let snapshot: PartialDate; let unit: CountingUnit }
}
