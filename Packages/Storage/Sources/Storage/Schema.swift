import GRDB

/// The database schema as named migrations. A migration that has shipped is never edited: a change is a new
/// migration appended below, so that every existing database can be brought forward (Docs/database.md).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial") { db in
            try db.execute(sql: v1Initial)
        }
        migrator.registerMigration("v2-service-record-for-scale") { db in
            try db.execute(sql: v2ServiceRecordForScale)
        }
        migrator.registerMigration("v3-content-hash") { db in
            try db.execute(sql: v3ContentHash)
        }
        migrator.registerMigration("v4-derived-data") { db in
            try db.execute(sql: v4DerivedData)
        }
        migrator.registerMigration("v5-file-stat") { db in
            try db.execute(sql: v5FileStat)
        }
        migrator.registerMigration("v6-indicator-about-label") { db in
            try db.execute(sql: v6IndicatorAboutLabel)
        }
        migrator.registerMigration("v7-dashboard-rows") { db in
            try db.execute(sql: v7DashboardRows)
        }
        migrator.registerMigration("v8-municipality-population") { db in
            try db.execute(sql: v8MunicipalityPopulation)
        }
        migrator.registerMigration("v9-dataset-memo") { db in
            try db.execute(sql: v9DatasetMemo)
        }
        return migrator
    }

    // Conventions, documented in Docs/database.md:
    // - NULL means "unknown" (the dataset files say `unknown`); an empty text means "nothing to say".
    // - A count or value that may be unknown has a `*_known` flag, so that a SUM never reads unknown as 0.
    // - A partial date is stored as written (`2025`, `2025-05`, `2025-05-23`) plus its first and last day,
    //   so that queries can filter by day without inventing one.
    // - Foreign keys to a source or a status word are deferred: checked at commit, so rows load in any order.
    static let v1Initial = """
        CREATE TABLE municipality (
            slug TEXT NOT NULL PRIMARY KEY
                CHECK (length(slug) BETWEEN 1 AND 63 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '-*'),
            name TEXT NOT NULL CHECK (name <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('kreisfreie-stadt', 'kreis', 'kreisangehoerige-gemeinde', 'staedteregion')),
            land TEXT NOT NULL,
            ags TEXT CHECK (ags IS NULL OR (length(ags) IN (5, 8) AND ags NOT GLOB '*[^0-9]*')),
            ars TEXT CHECK (ars IS NULL OR (length(ars) IN (5, 12) AND ars NOT GLOB '*[^0-9]*')),
            synthetic INTEGER NOT NULL CHECK (synthetic IN (0, 1)),
            note TEXT NOT NULL
        ) STRICT;

        CREATE TABLE source (
            municipality TEXT NOT NULL REFERENCES municipality(slug) ON DELETE CASCADE,
            id TEXT NOT NULL CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9_-]*'),
            title TEXT NOT NULL,
            type TEXT NOT NULL
                CHECK (type IN ('stellungnahme', 'mitteilungsvorlage', 'bericht', 'praesentation', 'dashboard-export', 'other')),
            reference TEXT,
            date TEXT NOT NULL CHECK (length(date) IN (4, 7, 10)),
            date_first TEXT NOT NULL CHECK (length(date_first) = 10),
            date_last TEXT NOT NULL CHECK (length(date_last) = 10 AND date_last >= date_first),
            body TEXT,
            location TEXT NOT NULL,
            note TEXT NOT NULL,
            origin_line INTEGER,
            origin_column INTEGER,
            PRIMARY KEY (municipality, id)
        ) STRICT;

        CREATE TABLE status_mapping (
            municipality TEXT NOT NULL REFERENCES municipality(slug) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status <> ''),
            maturity INTEGER,
            maturity_known INTEGER NOT NULL CHECK (maturity_known = (maturity IS NOT NULL)),
            maturity_model TEXT NOT NULL CHECK (maturity_model IN ('1.x', '2.0')),
            online INTEGER CHECK (online IN (0, 1)),
            in_scope INTEGER CHECK (in_scope IN (0, 1)),
            project_state TEXT CHECK (project_state IN ('planned', 'in-progress', 'live', 'stopped', 'open', 'unknown')),
            source_id TEXT NOT NULL,
            note TEXT NOT NULL,
            origin_line INTEGER,
            origin_column INTEGER,
            PRIMARY KEY (municipality, status),
            CHECK (maturity IS NULL OR maturity BETWEEN 0 AND (CASE maturity_model WHEN '1.x' THEN 4 ELSE 7 END)),
            FOREIGN KEY (municipality, source_id) REFERENCES source(municipality, id) DEFERRABLE INITIALLY DEFERRED
        ) STRICT;
        CREATE INDEX status_mapping_source ON status_mapping(municipality, source_id);

        CREATE TABLE service_record (
            id INTEGER PRIMARY KEY,
            municipality TEXT NOT NULL REFERENCES municipality(slug) ON DELETE CASCADE,
            snapshot TEXT NOT NULL CHECK (length(snapshot) IN (4, 7, 10)),
            snapshot_first TEXT NOT NULL CHECK (length(snapshot_first) = 10),
            snapshot_last TEXT NOT NULL CHECK (length(snapshot_last) = 10 AND snapshot_last >= snapshot_first),
            name TEXT NOT NULL CHECK (name <> ''),
            name_corrected TEXT NOT NULL,
            unit TEXT NOT NULL CHECK (unit IN ('ozg-leistung', 'leika-leistung', 'local')),
            ozg_id INTEGER CHECK (ozg_id > 0),
            ozg_id_state TEXT NOT NULL CHECK (ozg_id_state IN ('known', 'none', 'unknown')),
            leika_key TEXT CHECK (leika_key IS NULL OR (length(leika_key) = 14 AND leika_key NOT GLOB '*[^0-9]*')),
            match_method TEXT NOT NULL CHECK (match_method IN ('exact', 'normalised', 'manual', 'none')),
            status TEXT NOT NULL,
            responsible TEXT NOT NULL,
            source_id TEXT NOT NULL,
            note TEXT NOT NULL,
            origin_line INTEGER,
            origin_column INTEGER,
            CHECK ((ozg_id_state = 'known') = (ozg_id IS NOT NULL)),
            FOREIGN KEY (municipality, source_id) REFERENCES source(municipality, id) DEFERRABLE INITIALLY DEFERRED,
            FOREIGN KEY (municipality, status) REFERENCES status_mapping(municipality, status) DEFERRABLE INITIALLY DEFERRED
        ) STRICT;
        -- (snapshot, name, leika_key) is unique per municipality; ifnull() because SQL lets NULLs repeat in a unique index.
        CREATE UNIQUE INDEX service_record_key ON service_record(municipality, snapshot, name, ifnull(leika_key, ''));
        CREATE INDEX service_record_source ON service_record(municipality, source_id);
        CREATE INDEX service_record_status ON service_record(municipality, status);
        CREATE INDEX service_record_snapshot ON service_record(municipality, snapshot_first);
        CREATE INDEX service_record_ozg ON service_record(ozg_id);
        CREATE INDEX service_record_leika ON service_record(leika_key);

        CREATE TABLE tally (
            id INTEGER PRIMARY KEY,
            municipality TEXT NOT NULL REFERENCES municipality(slug) ON DELETE CASCADE,
            snapshot TEXT NOT NULL CHECK (length(snapshot) IN (4, 7, 10)),
            snapshot_first TEXT NOT NULL CHECK (length(snapshot_first) = 10),
            snapshot_last TEXT NOT NULL CHECK (length(snapshot_last) = 10 AND snapshot_last >= snapshot_first),
            unit TEXT NOT NULL CHECK (unit IN ('ozg-leistung', 'leika-leistung', 'local')),
            role TEXT NOT NULL CHECK (role IN ('part', 'total')),
            status TEXT NOT NULL CHECK (status <> ''),
            count INTEGER CHECK (count >= 0),
            count_known INTEGER NOT NULL CHECK (count_known = (count IS NOT NULL)),
            qualifier TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'at-least')),
            source_id TEXT NOT NULL,
            note TEXT NOT NULL,
            origin_line INTEGER,
            origin_column INTEGER,
            UNIQUE (municipality, snapshot, unit, role, status),
            FOREIGN KEY (municipality, source_id) REFERENCES source(municipality, id) DEFERRABLE INITIALLY DEFERRED
        ) STRICT;
        CREATE INDEX tally_source ON tally(municipality, source_id);
        CREATE INDEX tally_snapshot ON tally(municipality, snapshot_first);

        CREATE TABLE project (
            id INTEGER PRIMARY KEY,
            municipality TEXT NOT NULL REFERENCES municipality(slug) ON DELETE CASCADE,
            project_id TEXT NOT NULL CHECK (project_id <> '' AND project_id NOT GLOB '*[^a-z0-9_-]*'),
            name TEXT NOT NULL CHECK (name <> ''),
            scope TEXT NOT NULL CHECK (scope IN ('ozg', 'it-general')),
            ozg_id INTEGER CHECK (ozg_id > 0),
            ozg_id_state TEXT NOT NULL CHECK (ozg_id_state IN ('known', 'none', 'unknown')),
            start TEXT CHECK (length(start) IN (4, 7, 10)),
            start_first TEXT,
            start_last TEXT,
            go_live TEXT CHECK (length(go_live) IN (4, 7, 10)),
            go_live_first TEXT,
            go_live_last TEXT,
            go_live_kind TEXT NOT NULL CHECK (go_live_kind IN ('actual', 'planned', 'unknown')),
            status TEXT NOT NULL,
            status_date TEXT NOT NULL CHECK (length(status_date) IN (4, 7, 10)),
            status_date_first TEXT NOT NULL CHECK (length(status_date_first) = 10),
            status_date_last TEXT NOT NULL CHECK (length(status_date_last) = 10 AND status_date_last >= status_date_first),
            channel TEXT NOT NULL CHECK (channel IN ('efa', 'own', 'vendor', 'unknown')),
            reuse_available TEXT CHECK (length(reuse_available) IN (4, 7, 10)),
            motion TEXT,
            source_id TEXT NOT NULL,
            note TEXT NOT NULL,
            origin_line INTEGER,
            origin_column INTEGER,
            CHECK ((ozg_id_state = 'known') = (ozg_id IS NOT NULL)),
            CHECK ((start IS NULL) = (start_first IS NULL) AND (start IS NULL) = (start_last IS NULL)),
            CHECK ((go_live IS NULL) = (go_live_first IS NULL) AND (go_live IS NULL) = (go_live_last IS NULL)),
            UNIQUE (municipality, project_id, source_id),
            FOREIGN KEY (municipality, source_id) REFERENCES source(municipality, id) DEFERRABLE INITIALLY DEFERRED,
            FOREIGN KEY (municipality, status) REFERENCES status_mapping(municipality, status) DEFERRABLE INITIALLY DEFERRED
        ) STRICT;
        CREATE INDEX project_source ON project(municipality, source_id);
        CREATE INDEX project_status ON project(municipality, status);
        CREATE INDEX project_go_live ON project(municipality, go_live_first);

        CREATE TABLE indicator (
            id INTEGER PRIMARY KEY,
            municipality TEXT NOT NULL REFERENCES municipality(slug) ON DELETE CASCADE,
            indicator TEXT NOT NULL CHECK (indicator <> '' AND indicator NOT GLOB '*[^a-z0-9_-]*'),
            value REAL,
            value_date TEXT CHECK (length(value_date) IN (4, 7, 10)),
            value_known INTEGER NOT NULL CHECK (value_known = (value IS NOT NULL OR value_date IS NOT NULL)),
            unit TEXT NOT NULL CHECK (unit IN ('count', 'percent', 'eur', 'stars-of-5', 'rank', 'clicks-per-year', 'date')),
            snapshot TEXT NOT NULL CHECK (length(snapshot) IN (4, 7, 10)),
            snapshot_first TEXT NOT NULL CHECK (length(snapshot_first) = 10),
            snapshot_last TEXT NOT NULL CHECK (length(snapshot_last) = 10 AND snapshot_last >= snapshot_first),
            period TEXT CHECK (length(period) IN (4, 7, 10)),
            period_first TEXT,
            period_last TEXT,
            qualifier TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'at-least')),
            subject TEXT NOT NULL,
            source_id TEXT NOT NULL,
            note TEXT NOT NULL,
            origin_line INTEGER,
            origin_column INTEGER,
            CHECK (value IS NULL OR value_date IS NULL),
            CHECK (value_date IS NULL OR unit = 'date'),
            CHECK (value IS NULL OR unit <> 'date'),
            CHECK ((period IS NULL) = (period_first IS NULL) AND (period IS NULL) = (period_last IS NULL)),
            FOREIGN KEY (municipality, source_id) REFERENCES source(municipality, id) DEFERRABLE INITIALLY DEFERRED
        ) STRICT;
        CREATE UNIQUE INDEX indicator_key ON indicator(municipality, indicator, snapshot, ifnull(period, ''), subject);
        CREATE INDEX indicator_source ON indicator(municipality, source_id);
        CREATE INDEX indicator_by_name ON indicator(indicator, snapshot_first);

        CREATE TABLE ozg_service (
            ozg_id INTEGER NOT NULL PRIMARY KEY CHECK (ozg_id > 0),
            name TEXT NOT NULL CHECK (name <> ''),
            themenfeld TEXT NOT NULL,
            lebenslage TEXT NOT NULL,
            leika_count INTEGER CHECK (leika_count >= 0),
            leika_count_known INTEGER NOT NULL CHECK (leika_count_known = (leika_count IS NOT NULL)),
            leika_count_municipal INTEGER CHECK (leika_count_municipal >= 0),
            leika_count_municipal_known INTEGER NOT NULL CHECK (leika_count_municipal_known = (leika_count_municipal IS NOT NULL)),
            note TEXT NOT NULL,
            origin_line INTEGER,
            origin_column INTEGER
        ) STRICT;

        CREATE TABLE dataset_file (
            dataset TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            size INTEGER NOT NULL CHECK (size >= 0),
            PRIMARY KEY (dataset, path)
        ) STRICT;

        CREATE TABLE catalogue_file (
            catalogue TEXT NOT NULL PRIMARY KEY CHECK (catalogue IN ('leika', 'ozg')),
            format TEXT NOT NULL CHECK (format IN ('fim-leika-csv', 'extract-leika-csv', 'extract-ozg-csv')),
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            size INTEGER NOT NULL CHECK (size >= 0),
            rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
            rows_kept INTEGER NOT NULL CHECK (rows_kept >= 0),
            rows_refused INTEGER NOT NULL CHECK (rows_refused >= 0 AND rows_kept + rows_refused = rows_read)
        ) STRICT;

        CREATE TABLE leika_service (
            leika_key TEXT NOT NULL PRIMARY KEY CHECK (length(leika_key) = 14 AND leika_key NOT GLOB '*[^0-9]*'),
            name TEXT NOT NULL CHECK (name <> ''),
            name2 TEXT NOT NULL,
            typ TEXT,
            ozg_id INTEGER CHECK (ozg_id > 0),
            ozg_id_state TEXT NOT NULL CHECK (ozg_id_state IN ('known', 'none', 'unknown')),
            legal_basis TEXT NOT NULL,
            published TEXT,
            catalogue TEXT NOT NULL DEFAULT 'leika' CHECK (catalogue = 'leika')
                REFERENCES catalogue_file(catalogue) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            origin_line INTEGER NOT NULL,
            CHECK ((ozg_id_state = 'known') = (ozg_id IS NOT NULL))
        ) STRICT;
        CREATE INDEX leika_service_ozg ON leika_service(ozg_id);

        CREATE TABLE ozg_catalogue (
            ozg_id INTEGER NOT NULL PRIMARY KEY CHECK (ozg_id > 0),
            name TEXT NOT NULL CHECK (name <> ''),
            lebenslage TEXT NOT NULL,
            themenfeld TEXT NOT NULL,
            catalogue TEXT NOT NULL DEFAULT 'ozg' CHECK (catalogue = 'ozg')
                REFERENCES catalogue_file(catalogue) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            origin_line INTEGER NOT NULL
        ) STRICT;

        -- Each service record with what its status word means on the common scale (status_mapping.csv).
        CREATE VIEW service_status AS
            SELECT r.municipality, r.snapshot, r.snapshot_first, r.snapshot_last, r.name, r.name_corrected, r.unit,
                   r.ozg_id, r.ozg_id_state, r.leika_key, r.status, m.maturity, m.maturity_model, m.online, m.in_scope,
                   r.source_id
            FROM service_record r
            JOIN status_mapping m ON m.municipality = r.municipality AND m.status = r.status;
        """

    // service_record holds millions of rows at scale (427 municipalities, 3 snapshots: 6.7 million), so its checks
    // and indexes decide how fast an import is (Docs/performance.md). The table is rebuilt with the same columns and
    // the same constraints, written the way SQLite checks them cheaply: a list `x IN ('a', 'b')` became `x = 'a' OR
    // x = 'b'` (SQLite builds a lookup table for an IN list on every row it checks), the LeiKa key is checked by one
    // GLOB of 14 digit classes (which implies its length). Only the unique key stays indexed. Each of the five other
    // indexes cost about as much time per row as the insert itself. The key's leading `municipality` serves every
    // lookup within one municipality (all that bench does, and the foreign-key checks when a municipality's sources
    // and status words are deleted); a query across all municipalities by OZG-ID or LeiKa key reads the table
    // (Docs/database.md says how long, and how to add an index for many such queries).
    static let v2ServiceRecordForScale = """
        DROP VIEW service_status;
        CREATE TABLE service_record_v2 (
            id INTEGER PRIMARY KEY,
            municipality TEXT NOT NULL REFERENCES municipality(slug) ON DELETE CASCADE,
            snapshot TEXT NOT NULL CHECK (length(snapshot) = 10 OR length(snapshot) = 7 OR length(snapshot) = 4),
            snapshot_first TEXT NOT NULL CHECK (length(snapshot_first) = 10),
            snapshot_last TEXT NOT NULL CHECK (length(snapshot_last) = 10 AND snapshot_last >= snapshot_first),
            name TEXT NOT NULL CHECK (name <> ''),
            name_corrected TEXT NOT NULL,
            unit TEXT NOT NULL CHECK (unit = 'leika-leistung' OR unit = 'ozg-leistung' OR unit = 'local'),
            ozg_id INTEGER CHECK (ozg_id > 0),
            ozg_id_state TEXT NOT NULL CHECK (ozg_id_state = 'known' OR ozg_id_state = 'none' OR ozg_id_state = 'unknown'),
            leika_key TEXT CHECK (leika_key IS NULL
                OR leika_key GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
            match_method TEXT NOT NULL
                CHECK (match_method = 'exact' OR match_method = 'normalised' OR match_method = 'manual' OR match_method = 'none'),
            status TEXT NOT NULL,
            responsible TEXT NOT NULL,
            source_id TEXT NOT NULL,
            note TEXT NOT NULL,
            origin_line INTEGER,
            origin_column INTEGER,
            CHECK ((ozg_id_state = 'known') = (ozg_id IS NOT NULL)),
            FOREIGN KEY (municipality, source_id) REFERENCES source(municipality, id) DEFERRABLE INITIALLY DEFERRED,
            FOREIGN KEY (municipality, status) REFERENCES status_mapping(municipality, status) DEFERRABLE INITIALLY DEFERRED
        ) STRICT;
        INSERT INTO service_record_v2 SELECT * FROM service_record;
        DROP TABLE service_record;
        ALTER TABLE service_record_v2 RENAME TO service_record;
        -- (snapshot, name, leika_key) is unique per municipality; ifnull() because SQL lets NULLs repeat in a unique index.
        CREATE UNIQUE INDEX service_record_key ON service_record(municipality, snapshot, name, ifnull(leika_key, ''));

        CREATE VIEW service_status AS
            SELECT r.municipality, r.snapshot, r.snapshot_first, r.snapshot_last, r.name, r.name_corrected, r.unit,
                   r.ozg_id, r.ozg_id_state, r.leika_key, r.status, m.maturity, m.maturity_model, m.online, m.in_scope,
                   r.source_id
            FROM service_record r
            JOIN status_mapping m ON m.municipality = r.municipality AND m.status = r.status;
        """

    // Dataset files are told apart by a 128-bit content hash instead of SHA-256 (ContentHash.swift says why). The
    // stored SHA-256 values mean nothing to the new hash: dropping them makes the next run import every dataset
    // once, as after deleting the database.
    static let v3ContentHash = """
        DROP TABLE dataset_file;
        CREATE TABLE dataset_file (
            dataset TEXT NOT NULL,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL CHECK (length(content_hash) = 32 AND content_hash NOT GLOB '*[^0-9a-f]*'),
            size INTEGER NOT NULL CHECK (size >= 0),
            PRIMARY KEY (dataset, path)
        ) STRICT;
        """

    // Data derived from a municipality's dataset, kept so that a command need not read every dataset again (the peer
    // view: `BenchDatabase.derivedData`). Not part of the truth: deleted with the municipality's rows whenever they are
    // replaced or removed, and used only while `content_key` matches the files the database holds.
    static let v4DerivedData = """
        CREATE TABLE derived_data (
            municipality TEXT NOT NULL REFERENCES municipality(slug) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (name <> ''),
            content_key TEXT NOT NULL CHECK (length(content_key) = 32 AND content_key NOT GLOB '*[^0-9a-f]*'),
            data BLOB NOT NULL,
            PRIMARY KEY (municipality, name)
        ) STRICT;
        """

    // The content hash of each dataset file with the file's status (size, change times, inode), so that a sync need
    // not read an unchanged file to know it is unchanged (FileStat.swift). A memo of the file system, not data of the
    // datasets: rows are replaced whenever a file is read again.
    static let v5FileStat = """
        CREATE TABLE file_stat (
            path TEXT NOT NULL PRIMARY KEY,
            size INTEGER NOT NULL,
            modified_ns INTEGER NOT NULL,
            changed_ns INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            device INTEGER NOT NULL,
            content_hash TEXT NOT NULL CHECK (length(content_hash) = 32 AND content_hash NOT GLOB '*[^0-9a-f]*')
        ) STRICT;
        """

    /// Whose figure an indicator is (`about`: empty for the municipality's own, `land:nrw`, `bund`, `anbieter:...`) and
    /// its German name from the dataset (`label`). Rows of files without these columns read as empty.
    static let v6IndicatorAboutLabel = """
        ALTER TABLE indicator ADD COLUMN about TEXT NOT NULL DEFAULT ''
            CHECK (about = '' OR about = 'bund' OR about GLOB 'land:?*' OR about GLOB 'anbieter:?*');
        ALTER TABLE indicator ADD COLUMN label TEXT NOT NULL DEFAULT '';
        """

    // Datasets made from the federal OZG dashboard (issue 12): a service row keeps the dashboard's
    // art_flaechendeckung (`coverage`) and aktiv (`active`: 1 ja, 0 nein, NULL not said), and its OZG-ID as the
    // source gives it (match_method `source`); a source keeps the export's includeAbove / includeBelow (1, 0, NULL);
    // a municipality may be of every kind the register names, or `unknown`. SQLite cannot change a CHECK, so
    // service_record and municipality are rebuilt with the same columns (GRDB runs a migration with foreign keys
    // off and checks them afterwards, so no row cascades away). The new columns come last, so `SELECT *` copies.
    static let v7DashboardRows = """
        DROP VIEW service_status;
        CREATE TABLE municipality_v6 (
            slug TEXT NOT NULL PRIMARY KEY
                CHECK (length(slug) BETWEEN 1 AND 63 AND slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '-*'),
            name TEXT NOT NULL CHECK (name <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('kreisfreie-stadt', 'kreis', 'kreisangehoerige-gemeinde', 'staedteregion',
                'landkreis', 'stadtkreis', 'regionalverband', 'kreisangehoerige-stadt', 'markt', 'grosse-kreisstadt', 'unknown')),
            land TEXT NOT NULL,
            ags TEXT CHECK (ags IS NULL OR (length(ags) IN (5, 8) AND ags NOT GLOB '*[^0-9]*')),
            ars TEXT CHECK (ars IS NULL OR (length(ars) IN (5, 12) AND ars NOT GLOB '*[^0-9]*')),
            synthetic INTEGER NOT NULL CHECK (synthetic IN (0, 1)),
            note TEXT NOT NULL
        ) STRICT;
        INSERT INTO municipality_v6 SELECT * FROM municipality;
        DROP TABLE municipality;
        ALTER TABLE municipality_v6 RENAME TO municipality;

        ALTER TABLE source ADD COLUMN include_above INTEGER CHECK (include_above IS NULL OR include_above IN (0, 1));
        ALTER TABLE source ADD COLUMN include_below INTEGER CHECK (include_below IS NULL OR include_below IN (0, 1));

        CREATE TABLE service_record_v6 (
            id INTEGER PRIMARY KEY,
            municipality TEXT NOT NULL REFERENCES municipality(slug) ON DELETE CASCADE,
            snapshot TEXT NOT NULL CHECK (length(snapshot) = 10 OR length(snapshot) = 7 OR length(snapshot) = 4),
            snapshot_first TEXT NOT NULL CHECK (length(snapshot_first) = 10),
            snapshot_last TEXT NOT NULL CHECK (length(snapshot_last) = 10 AND snapshot_last >= snapshot_first),
            name TEXT NOT NULL CHECK (name <> ''),
            name_corrected TEXT NOT NULL,
            unit TEXT NOT NULL CHECK (unit = 'leika-leistung' OR unit = 'ozg-leistung' OR unit = 'local'),
            ozg_id INTEGER CHECK (ozg_id > 0),
            ozg_id_state TEXT NOT NULL CHECK (ozg_id_state = 'known' OR ozg_id_state = 'none' OR ozg_id_state = 'unknown'),
            leika_key TEXT CHECK (leika_key IS NULL
                OR leika_key GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
            match_method TEXT NOT NULL
                CHECK (match_method = 'exact' OR match_method = 'normalised' OR match_method = 'manual' OR match_method = 'none'
                       OR match_method = 'source'),
            status TEXT NOT NULL,
            responsible TEXT NOT NULL,
            source_id TEXT NOT NULL,
            note TEXT NOT NULL,
            origin_line INTEGER,
            origin_column INTEGER,
            coverage TEXT CHECK (coverage IS NULL OR coverage = 'bundesweit flächendeckend' OR coverage = 'landesweit flächendeckend'
                OR coverage = 'kreisweit flächendeckend' OR coverage = 'in mind. einer Kommune verfügbar'
                OR coverage = 'nicht in Auswertung berücksichtigt'),
            active INTEGER CHECK (active IS NULL OR active = 0 OR active = 1),
            CHECK ((ozg_id_state = 'known') = (ozg_id IS NOT NULL)),
            FOREIGN KEY (municipality, source_id) REFERENCES source(municipality, id) DEFERRABLE INITIALLY DEFERRED,
            FOREIGN KEY (municipality, status) REFERENCES status_mapping(municipality, status) DEFERRABLE INITIALLY DEFERRED
        ) STRICT;
        INSERT INTO service_record_v6 SELECT *, NULL, NULL FROM service_record;
        DROP TABLE service_record;
        ALTER TABLE service_record_v6 RENAME TO service_record;
        CREATE UNIQUE INDEX service_record_key ON service_record(municipality, snapshot, name, ifnull(leika_key, ''));

        CREATE VIEW service_status AS
            SELECT r.municipality, r.snapshot, r.snapshot_first, r.snapshot_last, r.name, r.name_corrected, r.unit,
                   r.ozg_id, r.ozg_id_state, r.leika_key, r.status, m.maturity, m.maturity_model, m.online, m.in_scope,
                   r.source_id, r.coverage, r.active
            FROM service_record r
            JOIN status_mapping m ON m.municipality = r.municipality AND m.status = r.status;
        """

    /// The inhabitants `municipality.yaml` may give (`population`, `population_date`, `population_source`): all three
    /// or none (NULL where the dataset does not say); peer groups by size read them.
    static let v8MunicipalityPopulation = """
        ALTER TABLE municipality ADD COLUMN population INTEGER CHECK (population IS NULL OR population >= 0);
        ALTER TABLE municipality ADD COLUMN population_date TEXT
            CHECK (population_date IS NULL OR length(population_date) IN (4, 7, 10));
        ALTER TABLE municipality ADD COLUMN population_source TEXT;
        """

    // What `bench list` and `bench validate` made of each dataset (`Workspace.memoized`), so that a run after which
    // nothing changed need not read every dataset again. A memo, not data of the datasets: `content_key` is a hash of
    // the content hashes of the files it was made from (for `validate` with every file of Datasets/reference/) and of
    // the bench that made it; a row whose key does not match the files now is made again and replaced. No foreign
    // key: a dataset with errors, which the sync does not import, has its findings kept too.
    static let v9DatasetMemo = """
        CREATE TABLE dataset_memo (
            dataset TEXT NOT NULL,
            name TEXT NOT NULL CHECK (name <> ''),
            content_key TEXT NOT NULL CHECK (length(content_key) = 32 AND content_key NOT GLOB '*[^0-9a-f]*'),
            data BLOB NOT NULL,
            PRIMARY KEY (dataset, name)
        ) STRICT;
        """
}
