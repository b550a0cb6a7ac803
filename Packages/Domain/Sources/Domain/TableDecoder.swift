/// Turns the text tables of a dataset folder into Domain values, with a finding for every cell it cannot accept.
public enum TableDecoder {
    /// Checks the header against the schema; returns the column index when every column is there.
    public static func columnIndex(of table: TextTable, schema: TableSchema) -> ([String: Int]?, [Finding]) {
        var findings: [Finding] = []
        var index: [String: Int] = [:]
        var column = 1
        for (position, name) in table.header.enumerated() {
            let name = name.trimmingSpaces
            let here = Location(file: table.file, line: table.headerLine, column: column)
            column += name.count + 1
            if !schema.allColumns.contains(name) {
                findings.append(Finding(.error, at: here, code: "extra-column",
                                        found: "column '\(name)' is not part of \(schema.fileName)",
                                        expected: "remove it or fix its spelling; the columns are: "
                                            + schema.allColumns.joined(separator: ", ")))
            } else if index[name] != nil {
                findings.append(Finding(.error, at: here, code: "duplicate-column", found: "column '\(name)' appears twice",
                                        expected: "keep one of them"))
            } else {
                index[name] = position
            }
        }
        for name in schema.columns where index[name] == nil {
            findings.append(Finding(.error, at: Location(file: table.file, line: table.headerLine, column: 1),
                                    code: "missing-column", found: "column '\(name)' is missing",
                                    expected: "add the column '\(name)' to the header (see Docs/dataset-format.md)"))
        }
        return (findings.hasErrors ? nil : index, findings)
    }

    /// Decodes every row with `decode`; rows with errors are left out and their findings returned.
    static func decodeRows<T>(_ table: TextTable, schema: TableSchema,
                              _ decode: @escaping (inout RowReader) -> T?) -> ([T], [Finding]) {
        var stream = TableStream(header: table, schema: schema, decode)
        stream.reserveCapacity(table.rows.count)
        for row in table.rows { stream.add(row) }
        return (stream.values, stream.findings)
    }

    public static func sources(_ table: TextTable) -> ([Source], [Finding]) {
        decodeRows(table, schema: .sources, sourcesRow)
    }

    /// Decodes rows of sources.csv one at a time, as a reader streams them; `header` is the table without rows.
    public static func sources(header: TextTable) -> TableStream<Source> {
        TableStream(header: header, schema: .sources, sourcesRow)
    }

    static func sourcesRow(_ r: inout RowReader) -> Source? {
        let id = r.identifier("id"), title = r.text("title"), type = r.choice("type", as: SourceType.self)
        let reference = r.reportedText("reference"), date = r.date("date"), body = r.reportedText("body")
        guard let id, let title, let type, let reference, let date, let body else { return nil }
        return Source(id: id, title: title, type: type, reference: reference, date: date, body: body,
                      location: r.raw("location"), note: r.raw("note"), origin: r.location("id"))
    }

    public static func statusMapping(_ table: TextTable) -> ([StatusMappingEntry], [Finding]) {
        decodeRows(table, schema: .statusMapping, statusMappingRow)
    }

    /// Decodes rows of status_mapping.csv one at a time, as a reader streams them; `header` is the table without rows.
    public static func statusMapping(header: TextTable) -> TableStream<StatusMappingEntry> {
        TableStream(header: header, schema: .statusMapping, statusMappingRow)
    }

    static func statusMappingRow(_ r: inout RowReader) -> StatusMappingEntry? {
        let status = r.text("status"), model = r.choice("maturity_model", as: MaturityModel.self)
        let maturityText = r.text("maturity"), online = r.yesNo("online"), inScope = r.yesNo("in_scope")
        let sourceID = r.text("source_id")
        var projectState: ProjectState?
        if !r.raw("project_state").isEmpty { projectState = r.choice("project_state", as: ProjectState.self) }
        guard let status, let model, let maturityText, let online, let inScope, let sourceID else { return nil }
        var maturity = Reported<Int>.unknown
        if maturityText != Reported<Int>.unknownWord {
            guard let level = Int(maturityText), model.levels.contains(level) else {
                r.error("maturity", code: "bad-maturity", found: "'maturity' is '\(maturityText)'",
                        expected: "write a Reifegrad \(model.levels.lowerBound)-\(model.levels.upperBound) of model \(model.rawValue), or 'unknown'")
                return nil
            }
            maturity = .known(level)
        }
        return StatusMappingEntry(status: status, maturity: maturity, maturityModel: model, online: online,
                                  inScope: inScope, projectState: projectState, sourceID: sourceID,
                                  note: r.raw("note"), origin: r.location("status"))
    }

    public static func services(_ table: TextTable) -> ([ServiceRecord], [Finding]) {
        decodeRows(table, schema: .services, servicesRow)
    }

    /// Decodes rows of services.csv one at a time, as a reader streams them; `header` is the table without rows.
    public static func services(header: TextTable) -> TableStream<ServiceRecord> {
        TableStream(header: header, schema: .services, servicesRow)
    }

    static func servicesRow(_ r: inout RowReader) -> ServiceRecord? {
        let snapshot = r.date("snapshot"), name = r.text("name"), unit = r.choice("unit", as: CountingUnit.self)
        let ozgID = r.ozgID("ozg_id"), match = r.choice("match", as: MatchMethod.self)
        let status = r.text("status"), sourceID = r.text("source_id")
        var leikaKey: LeikaKey?
        let keyText = r.raw("leika_key")
        if !keyText.isEmpty {
            leikaKey = LeikaKey(keyText)
            if leikaKey == nil {
                r.error("leika_key", code: "bad-leika-key", found: "'leika_key' is '\(keyText)' (\(keyText.count) characters)",
                        expected: "a LeiKa key has exactly 14 digits (e.g. 99012001000000)")
            }
        }
        guard let snapshot, let name, let unit, let ozgID, let match, let status, let sourceID else { return nil }
        return ServiceRecord(snapshot: snapshot, name: name, nameCorrected: r.raw("name_corrected"), unit: unit,
                             ozgID: ozgID, leikaKey: leikaKey, match: match, status: status,
                             responsible: r.raw("responsible"), sourceID: sourceID, note: r.raw("note"),
                             origin: r.location("name"))
    }

    public static func tallies(_ table: TextTable) -> ([Tally], [Finding]) {
        decodeRows(table, schema: .tallies, talliesRow)
    }

    /// Decodes rows of tallies.csv one at a time, as a reader streams them; `header` is the table without rows.
    public static func tallies(header: TextTable) -> TableStream<Tally> {
        TableStream(header: header, schema: .tallies, talliesRow)
    }

    static func talliesRow(_ r: inout RowReader) -> Tally? {
        let snapshot = r.date("snapshot"), unit = r.choice("unit", as: CountingUnit.self)
        let role = r.choice("role", as: TallyRole.self), status = r.text("status"), count = r.count("count")
        let qualifier = r.choice("qualifier", as: Qualifier.self), sourceID = r.text("source_id")
        guard let snapshot, let unit, let role, let status, let count, let qualifier, let sourceID else { return nil }
        return Tally(snapshot: snapshot, unit: unit, role: role, status: status, count: count, qualifier: qualifier,
                     sourceID: sourceID, note: r.raw("note"), origin: r.location("count"))
    }

    public static func projects(_ table: TextTable) -> ([Project], [Finding]) {
        decodeRows(table, schema: .projects, projectsRow)
    }

    /// Decodes rows of projects.csv one at a time, as a reader streams them; `header` is the table without rows.
    public static func projects(header: TextTable) -> TableStream<Project> {
        TableStream(header: header, schema: .projects, projectsRow)
    }

    static func projectsRow(_ r: inout RowReader) -> Project? {
        let projectID = r.identifier("project_id"), name = r.text("name")
        let scope = r.choice("scope", as: ProjectScope.self), ozgID = r.ozgID("ozg_id")
        let start = r.reportedDate("start"), goLive = r.reportedDate("go_live")
        let goLiveKind = r.choice("go_live_kind", as: GoLiveKind.self), status = r.text("status")
        let statusDate = r.date("status_date"), channel = r.choice("channel", as: Channel.self)
        let reuse = r.optionalDate("reuse_available"), motion = r.text("motion"), sourceID = r.text("source_id")
        guard let projectID, let name, let scope, let ozgID, let start, let goLive, let goLiveKind, let status,
              let statusDate, let channel, let reuse, let motion, let sourceID else { return nil }
        return Project(projectID: projectID, name: name, scope: scope, ozgID: ozgID, start: start, goLive: goLive,
                       goLiveKind: goLiveKind, status: status, statusDate: statusDate, channel: channel,
                       reuseAvailable: reuse, motion: motion == "none" ? nil : motion, sourceID: sourceID,
                       note: r.raw("note"), origin: r.location("project_id"))
    }

    public static func indicators(_ table: TextTable) -> ([Indicator], [Finding]) {
        decodeRows(table, schema: .indicators, indicatorsRow)
    }

    /// Decodes rows of indicators.csv one at a time, as a reader streams them; `header` is the table without rows.
    public static func indicators(header: TextTable) -> TableStream<Indicator> {
        TableStream(header: header, schema: .indicators, indicatorsRow)
    }

    static func indicatorsRow(_ r: inout RowReader) -> Indicator? {
        let indicator = r.identifier("indicator"), unit = r.choice("unit", as: IndicatorUnit.self)
        let snapshot = r.date("snapshot"), period = r.optionalDate("period")
        let qualifier = r.choice("qualifier", as: Qualifier.self), sourceID = r.text("source_id")
        let valueText = r.text("value")
        guard let indicator, let unit, let snapshot, let period, let qualifier, let sourceID, let valueText else {
            return nil
        }
        var value = Reported<IndicatorValue>.unknown
        if valueText != Reported<Int>.unknownWord {
            if unit == .date {
                guard let date = PartialDate(valueText) else {
                    r.error("value", code: "bad-date", found: "'value' is '\(valueText)' and the unit is 'date'",
                            expected: "write the date as YYYY-MM-DD, YYYY-MM or YYYY")
                    return nil
                }
                value = .known(.date(date))
            } else {
                guard let number = r.number(valueText) else {
                    r.error("value", code: "not-a-number", found: "'value' is '\(valueText)'",
                            expected: "write a number with a decimal point (1.9) and no thousands separators, or 'unknown'")
                    return nil
                }
                if abs(number) > RowReader.largestNumber {
                    r.error("value", code: "number-too-large", found: "'value' is larger than 10^12 (\(valueText.utf8.count) characters)",
                            expected: "a figure lies between -10^12 and 10^12; check it against the source")
                    return nil
                }
                if unit == .count && number < 0 {
                    r.error("value", code: "negative-count", found: "'value' is \(valueText) and the unit is 'count'",
                            expected: "a count is 0 or more; write 'unknown' where the source does not give it")
                    return nil
                }
                if unit == .count && number != number.rounded() {
                    r.error("value", code: "not-a-count", found: "'value' is \(valueText) and the unit is 'count'",
                            expected: "a count is a whole number; use another unit for a decimal figure")
                    return nil
                }
                value = .known(.number(number))
            }
        }
        let aboutText = r.raw("about")
        var about: FigureOwner = .own
        if !aboutText.isEmpty {
            guard let owner = FigureOwner(aboutText) else {
                r.error("about", code: "bad-about", found: "'about' is '\(aboutText)'",
                        expected: "leave it empty for the municipality's own figure, or name whose figure it is: 'bund', "
                            + "'land:' and a Land's code (" + FigureOwner.landCodes.keys.sorted().map { "'land:\($0)'" }.joined(separator: ", ")
                            + ") or 'anbieter:' and a provider's name in [a-z0-9-] ('anbieter:d-nrw')")
                return nil
            }
            about = owner
        }
        return Indicator(indicator: indicator, value: value, unit: unit, snapshot: snapshot, period: period,
                         qualifier: qualifier, subject: r.raw("subject"), sourceID: sourceID,
                         note: r.raw("note"), about: about, label: r.raw("label"), origin: r.location("indicator"))
    }

    /// Decodes `Datasets/reference/ozg_leistungen.csv`.
    public static func ozgReference(_ table: TextTable) -> ([OzgService], [Finding]) {
        decodeRows(table, schema: .ozgReference, ozgReferenceRow)
    }

    /// Decodes rows of the reference data one at a time, as a reader streams them; `header` is the table without rows.
    public static func ozgReference(header: TextTable) -> TableStream<OzgService> {
        TableStream(header: header, schema: .ozgReference, ozgReferenceRow)
    }

    static func ozgReferenceRow(_ r: inout RowReader) -> OzgService? {
        let idText = r.text("ozg_id"), name = r.text("name"), themenfeld = r.text("themenfeld")
        let count = r.count("leika_count"), municipal = r.count("leika_count_municipal")
        guard let idText, let name, let themenfeld, let count, let municipal else { return nil }
        guard let id = OzgID(idText) else {
            r.error("ozg_id", code: "bad-ozg-id", found: "'ozg_id' is '\(idText)'", expected: "write the numeric ID (e.g. 10092)")
            return nil
        }
        return OzgService(id: id, name: name, themenfeld: themenfeld, lebenslage: r.raw("lebenslage"),
                          leikaCount: count.value, leikaCountMunicipal: municipal.value, note: r.raw("note"))
    }
}
