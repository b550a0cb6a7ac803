#!/usr/bin/env bash
# bench at NRW scale and beyond, side by side with the tools a user would otherwise reach for (Docs/performance.md).
#
#   Benchmarks/run.sh [--municipalities 427] [--snapshots 3] [--work /tmp/bench-benchmark] [--scratch-path .build]
#                     [--runs 3] [--skip LINE,...] [--site-pairs none|ring] [--dashboard-municipalities N]
#                     [--only dashboard|potentials]
#
# Builds bench in release mode, writes the synthetic workload with `bench synth` (outside Datasets/), then measures:
#   1. import: bench import of every dataset into a fresh database  vs  sqlite3 .import of the same status rows
#   2. compare: bench compare A B (a whole process, full database)   vs  sqlite3 running the equivalent aggregate query
#   3. peers: bench compare A --peers, warm (target < 100 ms) and the first after the import (target < 2 s)
#   4. site: bench export site (default: no pairs, so one profile and one peer page per authority plus the overview;
#      --site-pairs ring adds one pair per authority)  vs  hugo building as many pages: pages/s (ratio >= 1.0),
#      peak < 300 MB, pages and bytes written; once right after the lines above, once more with nothing changed
#   list, validate: bench list / bench validate --workspace, cold (no .bench/ in the workspace yet) and warm (run
#      again, nothing changed; target < 1 s); if the command has --all, also one forced full reread
#   5. incremental: bench compare A B after one municipality's file changed (re-imports that one; target < 1 s)
#   6. scaling: bench import of a tenth of the municipalities, per row against line 1
#   7. dashboard: bench import-dashboard of a /v1/data export of the authorities  vs  sqlite3 .import of the same rows
#   8. potentials: bench potentials of one authority over all others of line 7's import, warm (target < 200 ms)
# Every line also gives its figure per status row or per authority, and the peak memory, so that runs of different
# sizes can be set side by side. The Markdown table is printed and written to WORK/results.md.
#
#   --runs N          runs of each tool for the slow lines 1 and 7 (default 3; 1 at a quarter of Germany)
#   --skip L,...      leave out lines: import compare peers site site-again list validate incremental scaling
#                     dashboard potentials (without import, the database of an earlier run in WORK is used)
#   --only dashboard  line 7 alone; --only potentials: lines 7 and 8
#   --prepare-only    write the workloads the other options ask for into WORK, then stop
# The workloads (WORK/nrw, WORK/nrw-tenth, WORK/all-services.csv, WORK/dashboard-N) are written once per size and
# reused. About a quarter of an hour at 427 authorities; not part of `swift test` or .ci/run.
#
# Needs: swift, sqlite3, hyperfine, hugo, jq and GNU time. Run as root on Debian/Ubuntu, it installs the missing
# ones with apt-get; elsewhere it names them and stops.
set -euo pipefail

municipalities=427
snapshots=3
work=/tmp/bench-benchmark
scratch=.build
only=
runs=3
skip=,
site_pairs=none
dashboard_municipalities=
prepare=no
while [ $# -gt 0 ]; do
    case "$1" in
        --municipalities) municipalities=$2; shift 2 ;;
        --snapshots) snapshots=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --scratch-path) scratch=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --skip) skip=",$2,"; shift 2 ;;
        --site-pairs) site_pairs=$2; shift 2 ;;
        --dashboard-municipalities) dashboard_municipalities=$2; shift 2 ;;
        --prepare-only) prepare=yes; shift ;;
        -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$only" in ''|dashboard|potentials) ;; *) echo "--only takes dashboard or potentials" >&2; exit 2 ;; esac
case "$site_pairs" in none|ring) ;; *) echo "--site-pairs takes none or ring" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] 2> /dev/null || { echo "--runs takes a number of at least 1" >&2; exit 2; }
for line in ${skip//,/ }; do
    case "$line" in import|compare|peers|site|site-again|list|validate|incremental|scaling|dashboard|potentials) ;;
        *) echo "--skip: unknown line '$line' (see --help)" >&2; exit 2 ;; esac
done
: "${dashboard_municipalities:=$municipalities}"
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$work"
work=$(cd "$work" && pwd)
skipped() { case "$skip" in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# --- tools -------------------------------------------------------------------------------------------------------
missing=()
tools="sqlite3 hyperfine hugo jq"
[ "$only" = dashboard ] || [ "$only" = potentials ] && tools="sqlite3 hyperfine jq"
for tool in $tools; do command -v "$tool" > /dev/null || missing+=("$tool"); done
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
        echo "installing ${missing[*]} with apt-get" >&2
        apt-get update -qq && apt-get install -y -qq "${missing[@]}" > /dev/null
    else
        echo "missing: ${missing[*]}; install them (Debian/Ubuntu: apt-get install ${missing[*]}) and run again" >&2
        exit 1
    fi
fi

# --- helpers -------------------------------------------------------------------------------------------------------
load() { cut -d' ' -f1-3 /proc/loadavg; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { r = x / y; printf (r >= 0.1 ? "%.2f" : "%.2g"), r }'; }
mean_of() { jq ".results[$2].mean" "$1"; }      # hyperfine's mean of command $2, in seconds
mean() { mean_of "$1" 0; }
mb() { echo $(( $1 / 1024 )); }                  # kilobytes to whole megabytes
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
# per SECONDS COUNT SCALE: seconds per item, times SCALE (1e6: µs, 1e3: ms), two decimals
per() { awk -v s="$1" -v n="$2" -v k="$3" 'BEGIN { printf "%.2f", s * k / n }'; }
below() { awk -v x="$1" -v limit="$2" 'BEGIN { print (x <= limit ? "met" : "not met") }'; }
# timed FILE COMMAND...: wall seconds and peak resident memory (KB) of one run, as "seconds kilobytes".
timed() {
    local out=$1; shift
    /usr/bin/time -f "%e %M" -o "$out" "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; tail -1 "$out" >&2; return 1; }
    cat "$out"
}
# quick NAME COMMAND...: a command of a few seconds at most, as a whole process: one run under GNU time (wall and
# peak), then, if that took under 1 s, hyperfine with 2 warm-ups and 20 runs, under 10 s 3 runs; a slower one keeps
# the single run. Prints "seconds kilobytes runs".
quick() {
    local name=$1; shift
    local seconds kb count=1 command
    read -r seconds kb < <(timed "$work/time-$name" "$@")
    command=$(printf '%q ' "$@")
    if awk -v s="$seconds" 'BEGIN { exit !(s < 1) }'; then
        hyperfine -N --warmup 2 --runs 20 --export-json "$work/$name.json" "$command" > /dev/null
        seconds=$(mean "$work/$name.json"); count=20
    elif awk -v s="$seconds" 'BEGIN { exit !(s < 10) }'; then
        hyperfine -N --runs 3 --export-json "$work/$name.json" "$command" > /dev/null
        seconds=$(mean "$work/$name.json"); count=3
    fi
    echo "$seconds $kb $count"
}
# peak FILE: the largest peak (KB) that `/usr/bin/time -f %M -a -o FILE` recorded over several runs
peak() { sort -n "$1" | tail -1; }
runs_text() { [ "$1" = 1 ] && echo "1 run" || echo "mean of $1"; }
machine() {
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
         "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME");" \
         "load average $1 before, $2 after."
}
header="| measurement | bench | per row / authority | peak | other tool | ratio | target | verdict |"
rule="| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"

# --- build ---------------------------------------------------------------------------------------------------------
echo "building bench (release)" >&2
(cd "$root" && swift build -c release --scratch-path "$scratch" --product bench > /dev/null)
bench="$(cd "$root" && swift build -c release --scratch-path "$scratch" --show-bin-path)/bench"
started=$(date +%s)

# --- workloads -----------------------------------------------------------------------------------------------------
workload() {  # workload NAME MUNICIPALITIES: a synthetic workspace, written once per size (synth is deterministic)
    local folder="$work/$1"
    if [ "$(cat "$folder/.parameters" 2> /dev/null)" != "$2 $snapshots" ]; then
        rm -rf "$folder"
        "$bench" synth --municipalities "$2" --snapshots "$snapshots" --out "$folder" >&2
        echo "$2 $snapshots" > "$folder/.parameters"
    fi
    echo "$folder"
}
tenth=$(( (municipalities + 9) / 10 ))
slug() { printf 'synth-%04d' "$1"; }
a=$(slug 1); b=$(slug 2)

# The status rows of every municipality as one CSV for sqlite3, with the municipality as first column (not timed).
rows_csv="$work/all-services.csv"
dash="$work/dashboard-$dashboard_municipalities"
if [ "$only" = "" ]; then
    nrw=$(workload nrw "$municipalities")
    workload_bytes=$(du -sb "$nrw/Datasets" | cut -f1)
fi
if [ "$only" = "" ] && ! skipped scaling; then small=$(workload nrw-tenth "$tenth"); fi
if [ "$only" = "" ] && { ! skipped import || [ "$prepare" = yes ]; } && { [ ! -s "$rows_csv" ] || [ "$nrw/.parameters" -nt "$rows_csv" ]; }; then
    echo "writing $rows_csv for sqlite3" >&2
    for folder in "$nrw"/Datasets/synth-*/; do
        name=$(basename "$folder")
        tail -n +2 "$folder/services.csv" | sed "s/^/$name,/"
    done > "$rows_csv.partial"
    mv "$rows_csv.partial" "$rows_csv"
fi
# The dashboard export of line 7, and the same rows as one CSV for sqlite3.
if ! skipped dashboard && [ ! -f "$dash/.done" ]; then
    rm -rf "$dash"
    "$bench" synth --workspace "$root" --municipalities "$dashboard_municipalities" --dashboard-export "$dash/pages" \
        --dashboard-csv "$dash/rows.csv" | tee "$dash.summary" >&2
    touch "$dash/.done"
fi
if [ "$prepare" = yes ]; then
    echo "workloads ready in $work:" >&2
    du -sh "$work"/* >&2
    exit 0
fi

# --- 7. dashboard import (first: --only dashboard stops after it) ---------------------------------------------------
# A synthetic /v1/data export of the authorities of the repository's register (the import then finds them there):
# NRW's; beyond its 427, those of the other Länder in the order of their codes (at 2,750: NRW, Schleswig-Holstein,
# Hamburg, Niedersachsen, Bremen and part of Hessen). Written once per size.
# bench writes one dataset per authority into an emptied workspace holding the repository's reference data; sqlite3
# imports the same rows from one CSV into a table with a unique index on (ars, leika_key).
lines=()
lines_lv=()
dashboard_ran=no
dash_load_before=$(load)
dash_ws="$work/dashboard-workspace"
if ! skipped dashboard; then
    dash_rows=$(( $(wc -l < "$dash/rows.csv") - 1 ))
    dash_pages=$(ls "$dash"/pages/*.json | wc -l)
    cat > "$work/dashboard-prepare.sh" <<EOF
rm -rf "$dash_ws" "$work/dashboard.db"
mkdir -p "$dash_ws/Datasets"
cp -r "$root/Datasets/reference" "$dash_ws/Datasets/reference"
EOF
    cat > "$work/sqlite-dashboard.sql" <<EOF
CREATE TABLE dashboard_row (leika_key TEXT NOT NULL, leika_name TEXT NOT NULL, ars TEXT NOT NULL, ars_name TEXT,
    ars_federal_state TEXT, bundesland TEXT, ozgid TEXT, ozg_bezeichnung TEXT, url TEXT, online_status TEXT NOT NULL,
    aktiv TEXT, art_flaechendeckung TEXT NOT NULL);
CREATE UNIQUE INDEX dashboard_row_key ON dashboard_row(ars, leika_key);
BEGIN;
.import --csv --skip 1 $dash/rows.csv dashboard_row
COMMIT;
EOF
    echo "7. dashboard import: $dash_rows rows of $dashboard_municipalities authorities in $dash_pages pages, $runs run(s) each" >&2
    rm -f "$work/peak-dashboard-sqlite" "$work/peak-dashboard-bench"
    hyperfine -N --runs "$runs" --export-json "$work/dashboard.json" --prepare "sh $work/dashboard-prepare.sh" \
        "/usr/bin/time -f %M -a -o $work/peak-dashboard-sqlite sqlite3 $work/dashboard.db '.read $work/sqlite-dashboard.sql'" \
        "/usr/bin/time -f %M -a -o $work/peak-dashboard-bench $bench import-dashboard --workspace $dash_ws --snapshot 2025-06-30 $(ls "$dash"/pages/*.json | tr '\n' ' ')" > /dev/null
    sqlite_dashboard=$(printf '%.2f' "$(mean_of "$work/dashboard.json" 0)")
    bench_dashboard=$(printf '%.2f' "$(mean_of "$work/dashboard.json" 1)")
    sqlite_dashboard_kb=$(peak "$work/peak-dashboard-sqlite")
    bench_dashboard_kb=$(peak "$work/peak-dashboard-bench")
    dash_datasets=$(ls "$dash_ws/Datasets" | grep -vc '^reference$' || true)
    dashboard_ratio=$(ratio "$bench_dashboard" "$sqlite_dashboard")
    dashboard_ran=yes
    dash_from_register=$(sed -n 's/.*(\([0-9]*\) from the register).*/\1/p' "$dash.summary" 2> /dev/null || true)
    lines+=("| 7. import-dashboard of a /v1/data export, $dashboard_municipalities authorities (${dash_from_register:-?} from the register), $dash_rows rows -> $dash_datasets datasets ($(runs_text "$runs")) | $bench_dashboard s | $(per "$bench_dashboard" "$dash_rows" 1e6) µs/row, $(per "$bench_dashboard" "$dashboard_municipalities" 1e3) ms/authority | $(mb "$bench_dashboard_kb") MB | sqlite3 .import: $sqlite_dashboard s = $(per "$sqlite_dashboard" "$dash_rows" 1e6) µs/row, peak $(mb "$sqlite_dashboard_kb") MB | $dashboard_ratio | ratio ≤ 1.0, peak < 300 MB | $(below "$dashboard_ratio" 1.0), memory $(below "$bench_dashboard_kb" 307200) |")
fi

# --- 8. potentials over the Land-wide workload ---------------------------------------------------------------------
# bench potentials of the first authority (by slug) of the import of line 7, with every other authority as its peer
# (--peer-group all): the first run syncs the datasets into the workspace's database and keeps each authority's
# LeiKa profile (derived_data); the timed runs are warm and read the kept profiles. A whole process each.
if [ "$only" != dashboard ] && ! skipped potentials && [ -d "$dash_ws/Datasets" ]; then
    pot_subject=$(ls "$dash_ws/Datasets" | grep -v '^reference$' | sed -n 1p)
    pot_peers=$(( $(ls "$dash_ws/Datasets" | grep -vc '^reference$') - 1 ))
    echo "8. potentials $pot_subject over $pot_peers peers" >&2
    read -r potentials_cold potentials_cold_kb < <(timed "$work/time-potentials-cold" "$bench" potentials "$pot_subject" --peer-group all --workspace "$dash_ws")
    read -r bench_potentials potentials_kb potentials_runs < <(quick potentials "$bench" potentials "$pot_subject" --peer-group all --workspace "$dash_ws")
    lines+=("| 8. potentials $pot_subject --peer-group all, $pot_peers peers, warm ($(runs_text "$potentials_runs")) | $(ms "$bench_potentials") ms | $(per "$bench_potentials" "$pot_peers" 1e6) µs/peer | $(mb "$potentials_kb") MB | | | < 200 ms | $(below "$bench_potentials" 0.2) |")
    if [ "$dashboard_ran" = yes ]; then lines+=("| 8. potentials, the same, first after the import | $potentials_cold s | $(per "$potentials_cold" "$pot_peers" 1e3) ms/peer | $(mb "$potentials_cold_kb") MB | | | | |"); fi
fi
dash_load_after=$(load)
if [ -n "$only" ]; then
    {
        echo "## Dashboard import ($(date -u +%Y-%m-%d), $dashboard_municipalities authorities, ${dash_rows:-?} rows)"
        echo
        machine "$dash_load_before" "$dash_load_after"
        echo
        echo "$header"
        echo "$rule"
        if [ ${#lines[@]} -gt 0 ]; then printf '%s\n' "${lines[@]}"; fi
    } | tee "$work/results-dashboard.md"
    exit 0
fi

status_rows=$(( $(cat "$nrw"/Datasets/synth-*/services.csv | wc -l) - municipalities ))
echo "load before: $(load)" >&2
load_before=$(load)

# --- 1. import ----------------------------------------------------------------------------------------------------
cat > "$work/sqlite-import.sql" <<EOF
CREATE TABLE service_record (municipality TEXT NOT NULL, snapshot TEXT NOT NULL, name TEXT NOT NULL,
    name_corrected TEXT, unit TEXT NOT NULL, ozg_id TEXT, leika_key TEXT, match TEXT NOT NULL, status TEXT NOT NULL,
    responsible TEXT, source_id TEXT NOT NULL, note TEXT);
CREATE UNIQUE INDEX service_record_key ON service_record(municipality, snapshot, name, leika_key);
BEGIN;
.import --csv $rows_csv service_record
COMMIT;
EOF
fresh="rm -f $work/sqlite.db $work/bench.sqlite $work/bench.sqlite-wal $work/bench.sqlite-shm $work/bench.sqlite-journal"
imported=no
if ! skipped import; then
    # --runs runs of each tool (hyperfine runs sqlite3's, then bench's), each from a fresh database (a virtual
    # machine's timings vary by a tenth from run to run), each under GNU time for its peak memory. The last run's
    # database stays for the lines below.
    echo "1. import: sqlite3 .import of $status_rows rows and bench import, $runs run(s) each" >&2
    rm -f "$work/peak-import-sqlite" "$work/peak-import-bench"
    hyperfine -N --runs "$runs" --export-json "$work/import.json" --prepare "$fresh" \
        "/usr/bin/time -f %M -a -o $work/peak-import-sqlite sqlite3 $work/sqlite.db '.read $work/sqlite-import.sql'" \
        "/usr/bin/time -f %M -a -o $work/peak-import-bench $bench import --workspace $nrw --database $work/bench.sqlite" > /dev/null
    sqlite_import=$(printf '%.2f' "$(mean_of "$work/import.json" 0)")
    bench_import=$(printf '%.2f' "$(mean_of "$work/import.json" 1)")
    sqlite_import_kb=$(peak "$work/peak-import-sqlite")
    bench_import_kb=$(peak "$work/peak-import-bench")
    rm -f "$work/sqlite.db"
    imported=yes
elif [ ! -f "$work/bench.sqlite" ]; then
    echo "import skipped, but there is no $work/bench.sqlite of an earlier run: importing once (not timed)" >&2
    "$bench" import --workspace "$nrw" --database "$work/bench.sqlite" > /dev/null
fi
database_bytes=$(stat -c %s "$work/bench.sqlite")

# --- 2. compare A B -----------------------------------------------------------------------------------------------
if ! skipped compare; then
    echo "2. compare $a $b" >&2
    # The first comparison after the import derives (or reads) the digests of both sides; the timed ones read them.
    read -r compare_cold _ < <(timed "$work/time-compare-cold" "$bench" compare "$a" "$b" --workspace "$nrw" --database "$work/bench.sqlite")
    query="SELECT r.municipality, r.snapshot, r.unit, r.status, m.online, m.in_scope, m.maturity, count(*)
           FROM service_record r JOIN status_mapping m ON m.municipality = r.municipality AND m.status = r.status
           WHERE r.municipality IN ('$a', '$b') GROUP BY 1, 2, 3, 4"
    hyperfine -N --warmup 2 --runs 10 --export-json "$work/compare.json" \
        "$bench compare $a $b --workspace $nrw --database $work/bench.sqlite" \
        "sqlite3 $work/bench.sqlite \"$query\"" > /dev/null
    bench_compare=$(mean_of "$work/compare.json" 0)
    sqlite_compare=$(mean_of "$work/compare.json" 1)
    read -r _ compare_kb < <(timed "$work/time-compare" "$bench" compare "$a" "$b" --workspace "$nrw" --database "$work/bench.sqlite")
    compare_ratio=$(ratio "$bench_compare" "$sqlite_compare")
fi

# --- 3. peers -----------------------------------------------------------------------------------------------------
if ! skipped peers; then
    echo "3. compare $a --peers" >&2
    peers_command=("$bench" compare "$a" --peers --peer-group kind --workspace "$nrw" --database "$work/bench.sqlite")
    read -r peers_cold peers_cold_kb < <(timed "$work/time-peers-cold" "${peers_command[@]}")
    read -r bench_peers peers_kb peers_runs < <(quick peers "${peers_command[@]}")
fi

# --- 4. site ------------------------------------------------------------------------------------------------------
# By default no pairs: a synthetic workspace has no Datasets/comparisons.csv, so the site is what `bench export site`
# writes for a user who has just imported a whole Land (a profile and a peer page per authority, the overview pages);
# --site-pairs ring adds one pair per authority (synth-0001:synth-0002, ..., synth-N:synth-0001).
site_args=()
if [ "$site_pairs" = ring ]; then
    pairs=$(for i in $(seq 1 "$municipalities"); do printf '%s:%s,' "$(slug "$i")" "$(slug $(( i % municipalities + 1 )))"; done)
    site_args=(--pairs "${pairs%,}")
fi
site() {  # site NAME: one export into an emptied folder; "seconds kilobytes pages bytes files"
    rm -rf "$work/site"
    local seconds kb
    read -r seconds kb < <(timed "$work/time-$1" "$bench" export site --out "$work/site" "${site_args[@]}" \
        --workspace "$nrw" --database "$work/bench.sqlite")
    echo "$seconds $kb $(find "$work/site" -name '*.html' | wc -l) $(du -sb "$work/site" | cut -f1) $(find "$work/site" -type f | wc -l)"
}
if ! skipped site; then
    echo "4. export site (pairs: $site_pairs)" >&2
    read -r bench_site bench_site_kb bench_pages site_bytes site_files < <(site site)
    if ! skipped site-again; then
        read -r bench_site2 bench_site2_kb _ _ _ < <(site site-again)
    fi

    # Hugo: as many pages, each a table of 15 rows and an inline SVG chart, built into a clean output folder.
    hugo_site="$work/hugo"
    if [ ! -f "$hugo_site/.pages" ] || [ "$(cat "$hugo_site/.pages")" != "$bench_pages" ]; then
        rm -rf "$hugo_site"
        mkdir -p "$hugo_site/content/seiten" "$hugo_site/layouts/_default"
        cat > "$hugo_site/hugo.toml" <<'EOF'
baseURL = "https://example.org/"
languageCode = "de"
title = "Vergleich"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
EOF
        cat > "$hugo_site/layouts/_default/single.html" <<'EOF'
<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
EOF
        cat > "$hugo_site/layouts/_default/list.html" <<'EOF'
<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
EOF
        awk -v n=$(( bench_pages - 2 )) -v dir="$hugo_site/content/seiten" 'BEGIN {
            for (page = 1; page <= n; page++) {
                file = dir "/seite-" page ".md"
                printf "---\ntitle: \"Seite %d\"\n---\n\n| Kennzahl | Kommune A | Kommune B |\n| --- | ---: | ---: |\n", page > file
                for (row = 1; row <= 15; row++) printf "| Kennzahl %d | %d | %d |\n", row, page * row % 997, (page + row) * 31 % 997 > file
                printf "\n<svg role=\"img\" aria-label=\"Verlauf\" viewBox=\"0 0 300 100\" width=\"300\" height=\"100\">" > file
                printf "<polyline fill=\"none\" stroke=\"#005ea8\" points=\"0,%d 100,%d 200,%d 300,%d\"/></svg>\n", page % 90, page * 7 % 90, page * 13 % 90, page * 17 % 90 > file
                close(file)
            }
        }'
        echo "$bench_pages" > "$hugo_site/.pages"
    fi
    hyperfine -N --warmup 1 --runs 5 --prepare "rm -rf $hugo_site/public" --export-json "$work/hugo.json" \
        "hugo --quiet --source $hugo_site --destination $hugo_site/public" > /dev/null
    hugo_site_time=$(mean "$work/hugo.json")
    hugo_pages=$(find "$hugo_site/public" -name '*.html' | wc -l)
    hugo_pps=$(awk -v p="$hugo_pages" -v s="$hugo_site_time" 'BEGIN { printf "%.0f", p / s }')
fi

# --- list and validate --------------------------------------------------------------------------------------------
# Each as a user runs it, on the workspace's own database (.bench/ in the workspace, which only bench derives): cold
# is the first run with no .bench/ yet; warm runs it again with nothing changed. Where the command has --all (a
# forced full reread), that is measured once too.
for command in list validate; do
    skipped "$command" && continue
    echo "$command, cold and warm" >&2
    rm -rf "$nrw/.bench"
    read -r cold cold_kb < <(timed "$work/time-$command-cold" "$bench" "$command" --workspace "$nrw")
    read -r warm warm_kb warm_runs < <(quick "$command-warm" "$bench" "$command" --workspace "$nrw")
    lines_lv+=("| $command --workspace, warm: nothing changed ($(runs_text "$warm_runs")) | $(printf '%.3f' "$warm") s | $(per "$warm" "$municipalities" 1e3) ms/authority | $(mb "$warm_kb") MB | | | < 1 s | $(below "$warm" 1) |")
    lines_lv+=("| $command --workspace, cold: no .bench/ yet (1 run) | $cold s | $(per "$cold" "$municipalities" 1e3) ms/authority | $(mb "$cold_kb") MB | | | | |")
    if "$bench" "$command" --help 2>&1 | grep -q -- '--all'; then
        read -r all all_kb < <(timed "$work/time-$command-all" "$bench" "$command" --all --workspace "$nrw")
        lines_lv+=("| $command --all (forced full reread, 1 run) | $all s | $(per "$all" "$municipalities" 1e3) ms/authority | $(mb "$all_kb") MB | | | | |")
    fi
done

# --- 5. incremental -----------------------------------------------------------------------------------------------
if ! skipped incremental; then
    echo "5. compare after one municipality changed" >&2
    services="$nrw/Datasets/$a/services.csv"
    # (kept across runs of the same workload, so that a run stopped while the file was changed puts it back)
    if [ ! -f "$work/services-original.csv" ] || [ "$nrw/.parameters" -nt "$work/services-original.csv" ]; then
        cp "$services" "$work/services-original.csv"
    fi
    cp "$work/services-original.csv" "$services"
    sed '2s/,Analog,/,PDF,/; 2t; 2s/,PDF,/,Digital,/; 2s/,Projekt in Umsetzung,/,Digital,/' "$services" > "$work/services-changed.csv"
    # Each run swaps the file between its two versions first, so every timed run re-imports that municipality.
    hyperfine -N --runs 10 --export-json "$work/incremental.json" \
        --prepare "sh -c 'if cmp -s $services $work/services-original.csv; then cp $work/services-changed.csv $services; else cp $work/services-original.csv $services; fi'" \
        "$bench compare $a $b --workspace $nrw --database $work/bench.sqlite" > /dev/null
    cp "$work/services-original.csv" "$services"
    bench_incremental=$(mean "$work/incremental.json")
    a_rows=$(( $(wc -l < "$services") - 1 ))
fi

# --- 6. scaling ---------------------------------------------------------------------------------------------------
if ! skipped scaling; then
    small=$(workload nrw-tenth "$tenth")
    echo "6. import of $tenth municipalities" >&2
    small_rows=$(cat "$small"/Datasets/synth-*/services.csv | wc -l)
    small_rows=$(( small_rows - tenth ))
    rm -f "$work/small.sqlite" "$work/small.sqlite-wal" "$work/small.sqlite-shm"
    read -r small_import small_import_kb < <(timed "$work/time-small" "$bench" import --workspace "$small" --database "$work/small.sqlite")
fi

load_after=$(load)
finished=$(date +%s)

# --- results ------------------------------------------------------------------------------------------------------
{
    echo "## Results ($(date -u +%Y-%m-%d), $municipalities municipalities, $snapshots snapshots, $status_rows status rows)"
    echo
    machine "$load_before" "$load_after"
    echo "Versions: $(sqlite3 --version | cut -d' ' -f1-2 | sed 's/^/sqlite3 /'), $(hugo version | cut -d' ' -f1-2)," \
         "$(hyperfine --version), $(swift --version 2> /dev/null | head -1 | sed 's/ (.*//'), bench $(git -C "$root" rev-parse --short HEAD)."
    echo "Workload: $status_rows status rows in $(( workload_bytes / 1000000 )) MB of datasets;" \
         "$([ "$imported" = yes ] && echo "database after the import" || echo "database of an earlier run (import skipped)")" \
         "$(( database_bytes / 1000000 )) MB = $(awk -v b="$database_bytes" -v n="$status_rows" 'BEGIN { printf "%.0f", b / n }') bytes per status row." \
         "Options: --runs $runs, --site-pairs $site_pairs$( [ "$skip" = , ] || echo ", --skip ${skip:1:${#skip}-2}")." \
         "The run took $(( (finished - started + 30) / 60 )) min after the build."
    echo
    echo "$header"
    echo "$rule"
    if [ "$imported" = yes ]; then
        import_ratio=$(ratio "$bench_import" "$sqlite_import")
        echo "| 1. import of all datasets, fresh database ($(runs_text "$runs")) | $bench_import s | $(per "$bench_import" "$status_rows" 1e6) µs/row, $(per "$bench_import" "$municipalities" 1e3) ms/authority | $(mb "$bench_import_kb") MB | sqlite3 .import: $sqlite_import s = $(per "$sqlite_import" "$status_rows" 1e6) µs/row, peak $(mb "$sqlite_import_kb") MB | $import_ratio | ratio ≤ 1.0, peak < 300 MB | $(below "$import_ratio" 1.0), memory $(below "$bench_import_kb" 307200) |"
    fi
    if ! skipped compare; then
        if [ "$imported" = yes ]; then echo "| 2. compare $a $b, first after the import | $compare_cold s | | | | | | |"; fi
        echo "| 2. compare $a $b, whole process (mean of 10) | $(ms "$bench_compare") ms | $(per "$bench_compare" 2 1e3) ms/authority | $(mb "$compare_kb") MB | sqlite3 query: $(ms "$sqlite_compare") ms | $compare_ratio | ratio ≤ 2 | $(below "$compare_ratio" 2) |"
    fi
    if ! skipped peers; then
        echo "| 3. compare $a --peers, warm ($(runs_text "$peers_runs")) | $(ms "$bench_peers") ms | $(per "$bench_peers" "$municipalities" 1e6) µs/authority | $(mb "$peers_kb") MB | | | < 100 ms | $(below "$bench_peers" 0.1) |"
        if [ "$imported" = yes ]; then
            echo "| 3. compare $a --peers, first after the import | $peers_cold s | $(per "$peers_cold" "$municipalities" 1e3) ms/authority | $(mb "$peers_cold_kb") MB | | | < 2 s | $(below "$peers_cold" 2) |"
        fi
    fi
    if ! skipped site; then
        site_line() {  # site_line LABEL SECONDS KB
            local pps; pps=$(awk -v p="$bench_pages" -v s="$2" 'BEGIN { printf "%.0f", p / s }')
            local r; r=$(ratio "$pps" "$hugo_pps")
            echo "| 4. export site, $1: $bench_pages pages, $site_files files, $(( site_bytes / 1000000 )) MB written | $2 s = $pps pages/s | $(per "$2" "$municipalities" 1e3) ms/authority, $(awk -v p="$bench_pages" -v n="$municipalities" 'BEGIN { printf "%.2f", p / n }') pages and $(awk -v b="$site_bytes" -v n="$municipalities" 'BEGIN { printf "%.0f", b / n / 1000 }') kB/authority | $(mb "$3") MB | hugo: $hugo_pages pages in $(printf '%.2f' "$hugo_site_time") s = $hugo_pps pages/s | $r | ratio ≥ 1.0, peak < 300 MB | $(awk -v r="$r" 'BEGIN { print (r >= 1 ? "met" : "not met") }'), memory $(below "$3" 307200) |"
        }
        site_line "pairs $site_pairs, first after the lines above" "$bench_site" "$bench_site_kb"
        if ! skipped site-again; then site_line "again, nothing changed" "$bench_site2" "$bench_site2_kb"; fi
    fi
    if [ ${#lines_lv[@]} -gt 0 ]; then printf '%s\n' "${lines_lv[@]}"; fi
    if ! skipped incremental; then
        echo "| 5. compare after one municipality changed (mean of 10) | $(printf '%.3f' "$bench_incremental") s | $(per "$bench_incremental" "$a_rows" 1e6) µs per row of $a ($a_rows rows) | | | | < 1 s | $(below "$bench_incremental" 1) |"
    fi
    if ! skipped scaling; then
        if [ "$imported" = yes ]; then
            echo "| 6. import of $tenth municipalities ($small_rows rows, 1 run) | $small_import s | $(per "$small_import" "$small_rows" 1e6) µs/row, $(per "$small_import" "$tenth" 1e3) ms/authority | $(mb "$small_import_kb") MB | $municipalities: $(per "$bench_import" "$status_rows" 1e6) µs/row | $(ratio "$(per "$bench_import" "$status_rows" 1e6)" "$(per "$small_import" "$small_rows" 1e6)") | linear (≈ 1) | |"
        else
            echo "| 6. import of $tenth municipalities ($small_rows rows, 1 run) | $small_import s | $(per "$small_import" "$small_rows" 1e6) µs/row, $(per "$small_import" "$tenth" 1e3) ms/authority | $(mb "$small_import_kb") MB | | | linear (≈ 1) | |"
        fi
    fi
    if [ ${#lines[@]} -gt 0 ]; then printf '%s\n' "${lines[@]}"; fi
} | tee "$work/results.md"
