#!/usr/bin/env python3
"""Writes the XLSX fixtures of RegisterTests by hand (zipfile and XML text), shaped like the Destatis "Auszug GV":
a title sheet first, then the data sheet with title rows, headings over two rows (merged "Amtlicher
Regionalschlüssel" and "Bevölkerung"), a row of column numbers, and the rows of excel_saved.csv. Texts are shared
strings (one inline), numbers are numbers, the Land key is a number in some rows (as Excel drops its leading zero).

Run from this folder: python3 make_xlsx.py (writes auszug_gv.xlsx and auszug_gv_flaws.xlsx, deterministically)."""
import zipfile
from xml.sax.saxutils import escape

DATA = [
    # satzart, tk, land, rb, kreis, vb, gem, name, flaeche, bevoelkerung, maennlich, weiblich
    ["10", "", "05", "", "", "", "", "Nordrhein-Westfalen", None, None, None, None],
    ["40", "41", 5, "3", "16", "", "", "Leverkusen, Stadt", None, None, None, None],
    ["50", "50", "05", "3", "16", "0000", "", "Leverkusen, Stadt", None, None, None, None],
    ["60", "61", 5, "3", "16", "0000", "000", "Leverkusen, Stadt", 78.87, 163729, 79776, 83953],
    ["40", "43", "05", "3", "34", "", "", "Städteregion Aachen", None, None, None, None],
    ["50", "50", "05", "3", "34", "0002", "", "Aachen, Stadt", None, None, None, None],
    ["60", "63", "05", "3", "34", "0002", "002", "Aachen, Stadt", 160.85, 248960, 130040, 118920],
]
FLAW = ["60", "69", "05", "3", "34", "0004", "004", "Alsdorf, Stadt", 31.68, 47149, 23336, 23813]


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def workbook(rows, path):
    strings = []

    def shared(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    def cell(ref, value, inline=False):
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            if inline:
                return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
            return f'<c r="{ref}" t="s"><v>{shared(value)}</v></c>'
        return f'<c r="{ref}"><v>{value}</v></c>'

    def row(number, values, inline_column=None):
        cells = "".join(cell(f"{column(i)}{number}", v, inline=(i == inline_column)) for i, v in enumerate(values))
        return f'<row r="{number}">{cells}</row>'

    sheet_rows = [
        row(1, ["Alle politisch selbständigen Gemeinden mit ausgewählten Merkmalen am 31.12.2020 (4. Quartal)"]),
        row(3, ["Satz-\nart", "Text-\nkenn-\nzeichen", "Amtlicher Regionalschlüssel (ARS)", "", "", "", "", "Gemeindename",
                "Fläche\nkm²\n1)", "Bevölkerung 2)", "", "", "Post-\nleit-\nzahl 3)"]),
        row(4, ["", "", "Land", "RB", "Kreis", "VB", "Gem", "", "", "insgesamt", "männlich", "weiblich"]),
        row(5, list(range(1, 14))),
    ]
    for offset, values in enumerate(rows):
        sheet_rows.append(row(7 + offset, values, inline_column=7 if offset == 1 else None))
    data_sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                  '<sheetData>' + "".join(sheet_rows) + '</sheetData>'
                  '<mergeCells count="2"><mergeCell ref="C3:G3"/><mergeCell ref="J3:L3"/></mergeCells></worksheet>')
    title_sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                   + row(1, ["Gemeindeverzeichnis-Informationssystem GV-ISys"]) + row(3, ["Auszug GV 4. Quartal 2020"])
                   + '</sheetData></worksheet>')
    shared_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
                  + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + '</sst>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Deckblatt" sheetId="1" r:id="rId1"/><sheet name="Onlineprodukt_Gemeinden" sheetId="2" r:id="rId2"/>'
            '</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": title_sheet,
        "xl/worksheets/sheet2.xml": data_sheet,
    }
    parts["xl/sharedStrings.xml"] = shared_xml  # after the sheets: they fill `strings`
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


workbook(DATA, "auszug_gv.xlsx")
workbook(DATA + [FLAW], "auszug_gv_flaws.xlsx")
