#!/usr/bin/env bash
# bench at NRW scale, side by side with the tools a user would otherwise reach for (Docs/performance.md).
#
#   Benchmarks/run.sh [--municipalities 427] [--snapshots 3] [--work /tmp/bench-benchmark] [--scratch-path .build]
#
# Builds bench in release mode, writes the synthetic workload with `bench synth` (outside Datasets/), then measures:
#   1. bench import of every dataset into a fresh database   vs  sqlite3 .import of the same status rows
#   2. bench compare A B (a whole process, full database)     vs  sqlite3 running the equivalent aggregate query
#   3. bench compare A --peers over all municipalities           (target: under 100 ms)
#   4. bench export site, one profile and one comparison per municipality  vs  hugo building as many pages
#   5. bench compare A B after one municipality's file changed   (re-imports that one; target: under 1 s)
#   6. bench import of a tenth of the municipalities             (does the cost grow linearly?)
# and prints a Markdown table with the ratios, the machine and the load it ran under (also in WORK/results.md).
# It takes about a quarter of an hour at the default size; it is not part of `swift test` or .ci/run.
#
# Needs: swift, sqlite3, hyperfine, hugo, jq and GNU time. Run as root on Debian/Ubuntu, it installs the missing
# ones with apt-get; elsewhere it names them and stops.
set -euo pipefail

municipalities=427
snapshots=3
work=/tmp/bench-benchmark
scratch=.build
while [ $# -gt 0 ]; do
    case "$1" in
        --municipalities) municipalities=$2; shift 2 ;;
        --snapshots) snapshots=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --scratch-path) scratch=$2; shift 2 ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$work"
work=$(cd "$work" && pwd)

# --- tools -------------------------------------------------------------------------------------------------------
missing=()
for tool in sqlite3 hyperfine hugo jq; do command -v "$tool" > /dev/null || missing+=("$tool"); done
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

# --- build and workload --------------------------------------------------------------------------------------------
echo "building bench (release)" >&2
(cd "$root" && swift build -c release --scratch-path "$scratch" --product bench > /dev/null)
bench="$(cd "$root" && swift build -c release --scratch-path "$scratch" --show-bin-path)/bench"

workload() {  # workload NAME MUNICIPALITIES: a synthetic workspace, written once per size (synth is deterministic)
    local folder="$work/$1"
    if [ "$(cat "$folder/.parameters" 2> /dev/null)" != "$2 $snapshots" ]; then
        rm -rf "$folder"
        "$bench" synth --municipalities "$2" --snapshots "$snapshots" --out "$folder" >&2
        echo "$2 $snapshots" > "$folder/.parameters"
    fi
    echo "$folder"
}
nrw=$(workload nrw "$municipalities")
tenth=$(( (municipalities + 9) / 10 ))
small=$(workload nrw-tenth "$tenth")
slug() { printf 'synth-%04d' "$1"; }
a=$(slug 1); b=$(slug 2)

# The status rows of every municipality as one CSV for sqlite3, with the municipality as first column (not timed).
rows_csv="$work/all-services.csv"
if [ ! -s "$rows_csv" ] || [ "$nrw/.parameters" -nt "$rows_csv" ]; then
    for folder in "$nrw"/Datasets/synth-*/; do
        name=$(basename "$folder")
        tail -n +2 "$folder/services.csv" | sed "s/^/$name,/"
    done > "$rows_csv"
fi
status_rows=$(wc -l < "$rows_csv")

load() { cut -d' ' -f1-3 /proc/loadavg; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }'; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { r = x / y; printf (r >= 0.1 ? "%.2f" : "%.2g"), r }'; }
mean() { jq '.results[0].mean' "$1"; }          # hyperfine's mean, in seconds
mean_of() { jq ".results[$2].mean" "$1"; }

# timed FILE COMMAND...: wall seconds and peak resident memory (KB) of one run, as "seconds kilobytes".
timed() {
    local out=$1; shift
    /usr/bin/time -f "%e %M" -o "$out" "$@" > /dev/null
    cat "$out"
}

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
# Three runs each, alternating, each from a fresh database (the import takes tens of seconds, and a virtual machine's
# timings vary by a tenth from run to run); peak memory from one more run of each.
echo "1. import: sqlite3 .import of $status_rows rows and bench import, 3 runs each" >&2
hyperfine -N --runs 3 --export-json "$work/import.json" \
    --prepare "rm -f $work/sqlite.db $work/bench.sqlite $work/bench.sqlite-wal $work/bench.sqlite-shm $work/bench.sqlite-journal" \
    "sqlite3 $work/sqlite.db '.read $work/sqlite-import.sql'" \
    "$bench import --workspace $nrw --database $work/bench.sqlite" > /dev/null
sqlite_import=$(printf '%.2f' "$(mean_of "$work/import.json" 0)")
bench_import=$(printf '%.2f' "$(mean_of "$work/import.json" 1)")
rm -f "$work/sqlite.db"
read -r _ sqlite_import_kb < <(timed "$work/time-sqlite" sqlite3 "$work/sqlite.db" ".read $work/sqlite-import.sql")
rm -f "$work/bench.sqlite" "$work/bench.sqlite-wal" "$work/bench.sqlite-shm"
read -r _ bench_import_kb < <(timed "$work/time-bench" "$bench" import --workspace "$nrw" --database "$work/bench.sqlite")

# --- 2. compare A B -----------------------------------------------------------------------------------------------
echo "2. compare $a $b" >&2
# The first comparison after the import derives the digests of both sides; the timed ones read them.
read -r compare_cold _ < <(timed "$work/time-compare-cold" "$bench" compare "$a" "$b" --workspace "$nrw" --database "$work/bench.sqlite")
query="SELECT r.municipality, r.snapshot, r.unit, r.status, m.online, m.in_scope, m.maturity, count(*)
       FROM service_record r JOIN status_mapping m ON m.municipality = r.municipality AND m.status = r.status
       WHERE r.municipality IN ('$a', '$b') GROUP BY 1, 2, 3, 4"
hyperfine -N --warmup 2 --runs 10 --export-json "$work/compare.json" \
    "$bench compare $a $b --workspace $nrw --database $work/bench.sqlite" \
    "sqlite3 $work/bench.sqlite \"$query\"" > /dev/null
bench_compare=$(mean_of "$work/compare.json" 0)
sqlite_compare=$(mean_of "$work/compare.json" 1)

# --- 3. peers -----------------------------------------------------------------------------------------------------
# The first peer view after an import reads every dataset of the kind once and keeps a digest of each (cold); later
# ones read the digests (warm).
echo "3. compare $a --peers" >&2
read -r peers_cold peers_cold_kb < <(timed "$work/time-peers" "$bench" compare "$a" --peers --peer-group kind --workspace "$nrw" --database "$work/bench.sqlite")
hyperfine -N --warmup 2 --runs 20 --export-json "$work/peers.json" \
    "$bench compare $a --peers --peer-group kind --workspace $nrw --database $work/bench.sqlite" > /dev/null
bench_peers=$(mean "$work/peers.json")
read -r _ bench_peers_kb < <(timed "$work/time-peers-warm" "$bench" compare "$a" --peers --peer-group kind --workspace "$nrw" --database "$work/bench.sqlite")

# --- 4. site ------------------------------------------------------------------------------------------------------
echo "4. export site" >&2
pairs=$(for i in $(seq 1 "$municipalities"); do printf '%s:%s,' "$(slug "$i")" "$(slug $(( i % municipalities + 1 )))"; done)
rm -rf "$work/site"
read -r bench_site bench_site_kb < <(timed "$work/time-site" "$bench" export site --out "$work/site" --pairs "${pairs%,}" \
    --workspace "$nrw" --database "$work/bench.sqlite")
bench_pages=$(find "$work/site" -name '*.html' | wc -l)

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
    for page in $(seq 1 $(( bench_pages - 2 ))); do
        {
            printf -- '---\ntitle: "Seite %d"\n---\n\n| Kennzahl | Kommune A | Kommune B |\n| --- | ---: | ---: |\n' "$page"
            for row in $(seq 1 15); do printf '| Kennzahl %d | %d | %d |\n' "$row" $(( page * row % 997 )) $(( (page + row) * 31 % 997 )); done
            printf '\n<svg role="img" aria-label="Verlauf" viewBox="0 0 300 100" width="300" height="100">'
            printf '<polyline fill="none" stroke="#005ea8" points="0,%d 100,%d 200,%d 300,%d"/></svg>\n' \
                $(( page % 90 )) $(( page * 7 % 90 )) $(( page * 13 % 90 )) $(( page * 17 % 90 ))
        } > "$hugo_site/content/seiten/seite-$page.md"
    done
    echo "$bench_pages" > "$hugo_site/.pages"
fi
hyperfine -N --warmup 1 --runs 5 --prepare "rm -rf $hugo_site/public" --export-json "$work/hugo.json" \
    "hugo --quiet --source $hugo_site --destination $hugo_site/public" > /dev/null
hugo_site_time=$(mean "$work/hugo.json")
hugo_pages=$(find "$hugo_site/public" -name '*.html' | wc -l)

# --- 5. incremental -----------------------------------------------------------------------------------------------
echo "5. compare after one municipality changed" >&2
services="$nrw/Datasets/$a/services.csv"
cp "$services" "$work/services-original.csv"
sed '2s/,Analog,/,PDF,/; 2t; 2s/,PDF,/,Digital,/; 2s/,Projekt in Umsetzung,/,Digital,/' "$services" > "$work/services-changed.csv"
# Each run swaps the file between its two versions first, so every timed run re-imports that municipality.
hyperfine -N --runs 10 --export-json "$work/incremental.json" \
    --prepare "sh -c 'if cmp -s $services $work/services-original.csv; then cp $work/services-changed.csv $services; else cp $work/services-original.csv $services; fi'" \
    "$bench compare $a $b --workspace $nrw --database $work/bench.sqlite" > /dev/null
cp "$work/services-original.csv" "$services"
bench_incremental=$(mean "$work/incremental.json")

# --- 6. scaling ---------------------------------------------------------------------------------------------------
echo "6. import of $tenth municipalities" >&2
small_rows=$(cat "$small"/Datasets/synth-*/services.csv | wc -l)
small_rows=$(( small_rows - tenth ))
rm -f "$work/small.sqlite" "$work/small.sqlite-wal" "$work/small.sqlite-shm"
read -r small_import small_import_kb < <(timed "$work/time-small" "$bench" import --workspace "$small" --database "$work/small.sqlite")

load_after=$(load)

# --- results ------------------------------------------------------------------------------------------------------
verdict() { awk -v x="$1" -v limit="$2" 'BEGIN { print (x <= limit ? "met" : "not met") }'; }
per_row() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.2f", s * 1e6 / n }'; }
import_ratio=$(ratio "$bench_import" "$sqlite_import")
compare_ratio=$(ratio "$bench_compare" "$sqlite_compare")
bench_pps=$(awk -v p="$bench_pages" -v s="$bench_site" 'BEGIN { printf "%.0f", p / s }')
hugo_pps=$(awk -v p="$hugo_pages" -v s="$hugo_site_time" 'BEGIN { printf "%.0f", p / s }')
site_ratio=$(ratio "$bench_pps" "$hugo_pps")
{
    echo "## Results ($(date -u +%Y-%m-%d), $municipalities municipalities, $snapshots snapshots, $status_rows status rows)"
    echo
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
         "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME");" \
         "load average $load_before before, $load_after after."
    echo "Versions: $(sqlite3 --version | cut -d' ' -f1-2 | sed 's/^/sqlite3 /'), $(hugo version | cut -d' ' -f1-2)," \
         "$(hyperfine --version), $(swift --version 2> /dev/null | head -1 | sed 's/ (.*//')."
    echo
    echo "| measurement | bench | other tool | ratio | target | verdict |"
    echo "| --- | ---: | ---: | ---: | --- | --- |"
    echo "| import of all datasets, fresh database (mean of 3) | $bench_import s, peak $(( bench_import_kb / 1024 )) MB | sqlite3 .import: $sqlite_import s, peak $(( sqlite_import_kb / 1024 )) MB | $import_ratio | ratio ≤ 1.0, peak < 300 MB | $(verdict "$import_ratio" 1.0), memory $(verdict "$bench_import_kb" 307200) |"
    echo "| compare $a $b, first after the import | $compare_cold s | | | | |"
    echo "| compare $a $b, whole process (digests kept) | $(printf '%.1f' "$(awk -v s="$bench_compare" 'BEGIN { print s * 1000 }')") ms | sqlite3 query: $(printf '%.1f' "$(awk -v s="$sqlite_compare" 'BEGIN { print s * 1000 }')") ms | $compare_ratio | ratio ≤ 2 | $(verdict "$compare_ratio" 2) |"
    echo "| compare $a --peers (digests kept) | $(printf '%.1f' "$(awk -v s="$bench_peers" 'BEGIN { print s * 1000 }')") ms, peak $(( bench_peers_kb / 1024 )) MB | | | < 100 ms | $(verdict "$bench_peers" 0.1) |"
    echo "| compare $a --peers, first after the import | $peers_cold s, peak $(( peers_cold_kb / 1024 )) MB | | | | |"
    echo "| export site | $bench_pages pages in $bench_site s = $bench_pps pages/s, peak $(( bench_site_kb / 1024 )) MB | hugo: $hugo_pages pages in $(printf '%.2f' "$hugo_site_time") s = $hugo_pps pages/s | $site_ratio | ≥ 1.0 | $(awk -v r="$site_ratio" 'BEGIN { print (r >= 1 ? "met" : "not met") }') |"
    echo "| compare after one municipality changed | $(printf '%.3f' "$bench_incremental") s | | | < 1 s | $(verdict "$bench_incremental" 1) |"
    echo "| import of $tenth municipalities ($small_rows rows) | $small_import s = $(per_row "$small_import" "$small_rows") µs/row | $municipalities: $(per_row "$bench_import" "$status_rows") µs/row | $(ratio "$(per_row "$bench_import" "$status_rows")" "$(per_row "$small_import" "$small_rows")") | linear (≈ 1) | |"
} | tee "$work/results.md"
