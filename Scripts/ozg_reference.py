#!/usr/bin/env python3
"""Writes Datasets/reference/ozg_leistungen.csv: one row per OZG-Leistung of the public catalogue extract, with
leika_count and leika_count_municipal computed by the rule of Datasets/reference/README.md.

Usage (from the repository root, with the extract beside the project as ../shared/reference):

    python3 Scripts/ozg_reference.py ../shared/reference

Rows already in the file keep their name, counts and note as they are (the script checks that their counts agree
with the rule and stops if not); new rows get the extract's name and a German note where entries are left out of the
counts or their Typisierung is mixed or empty. Rows are sorted by ozg_id. The output depends only on the inputs:
running the script twice gives the same bytes."""
import csv
import re
import sys
from pathlib import Path

COLUMNS = ["ozg_id", "name", "themenfeld", "lebenslage", "leika_count", "leika_count_municipal", "note"]
TARGET = Path(__file__).resolve().parent.parent / "Datasets" / "reference" / "ozg_leistungen.csv"


def cell(text):
    """As bench's CSVWriter.cell: quoted where the text has a comma, quote, line break or semicolon, or edge spaces."""
    if any(c in text for c in ',"\n\r;') or text.startswith(" ") or text.endswith(" "):
        return '"' + text.replace('"', '""') + '"'
    return text


def is_municipal(typ):
    """Typisierung 4 or 5 in any part, split at ',', '/' and spaces (LeikaService.isMunicipal)."""
    return any(part in ("4", "5") for part in re.split(r"[,/\s]+", typ) if part)


def main(extract):
    leika = list(csv.DictReader(open(extract / "leika_leistungen.csv", encoding="utf-8")))
    ozg = list(csv.DictReader(open(extract / "ozg_leistungen.csv", encoding="utf-8")))
    existing = {row["ozg_id"]: row for row in csv.DictReader(open(TARGET, encoding="utf-8"))}
    by_ozg = {}
    for row in leika:
        by_ozg.setdefault(row["ozg_id"], []).append(row)
    rows = []
    for service in ozg:
        entries = by_ozg.get(service["ozg_id"], [])
        keyed = [e for e in entries if re.fullmatch(r"[0-9]{14}", e["leika_key"])]
        not_in_leika = [e for e in entries if e["leika_key"].strip().lower() == "nicht im leika"]
        test_rows = [e for e in entries if e not in keyed and e not in not_in_leika]
        count = len(keyed)
        municipal = sum(1 for e in keyed if is_municipal(e["leika_typ"]))
        old = existing.pop(service["ozg_id"], None)
        if old is not None:
            if (old["leika_count"], old["leika_count_municipal"]) != (str(count), str(municipal)):
                sys.exit(f"{service['ozg_id']}: the file says {old['leika_count']}/{old['leika_count_municipal']}, "
                         f"the rule gives {count}/{municipal}; resolve by hand")
            rows.append([old[c] for c in COLUMNS])
            continue
        notes = []
        if not_in_leika:
            n = len(not_in_leika)
            notes.append(f"{n} weitere{'r' if n == 1 else ''} Eintr{'ag' if n == 1 else 'äge'} ohne 14-stelligen "
                         f"LeiKa-Schlüssel (\"nicht im LeiKa\") nicht gezählt.")
        if test_rows:
            keys = " und ".join(e["leika_key"] for e in test_rows)
            notes.append(f"{len(test_rows)} Testeintr{'ag' if len(test_rows) == 1 else 'äge'} des Auszugs "
                         f"(Schlüssel {keys}) nicht gezählt.")
        mixed = sorted({e["leika_typ"] for e in keyed if "," in e["leika_typ"] or not e["leika_typ"].strip()})
        if mixed:
            shown = ", ".join("leer" if not t.strip() else f"'{t}'" for t in mixed)
            notes.append(f"Gemischte oder leere Typisierung unter den Einträgen mit Schlüssel: {shown} "
                         f"(als kommunal nur gezählt, wenn ein Teil 4 oder 5 ist).")
        rows.append([service["ozg_id"], service["ozg_leistung"], service["themenfeld"], service["lebenslage"],
                     str(count), str(municipal), " ".join(notes)])
    if existing:
        sys.exit(f"rows not in the extract: {', '.join(sorted(existing))}; resolve by hand")
    rows.sort(key=lambda row: int(row[0]))
    text = ",".join(COLUMNS) + "\n" + "".join(",".join(cell(c) for c in row) + "\n" for row in rows)
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET}: {len(rows)} OZG-Leistungen")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"))
