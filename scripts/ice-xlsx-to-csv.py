#!/usr/bin/env python3
"""Convert ICE detention-statistics workbooks to the tidy monthly CSV borderflow reads.

    scripts/ice-xlsx-to-csv.py FY23_detentionStats.xlsx FY24_detentionStats.xlsx > out.csv

ICE publishes one workbook per fiscal year ("Detention Management - Detention Statistics",
ice.gov/detain/detention-management). This reads the four monthly tables of each workbook's
sheet "Detention FYnn" and writes one CSV row per table x category x criminality x month
(src/ingest/data_ice_detention.h, docs/data.md "ICE detention statistics"):

    source_file,fiscal_year,table,category,criminality,month,value

  table                                 sheet title                         category, criminality
  initial_book_ins_by_arresting_agency  ICE Initial Book-Ins by Arresting   Total/CBP/ICE, empty
                                        Agency and Month
  final_book_outs_by_release_reason     ICE Final Book Outs (FY23: Final    release reason or
                                        Releases) by Release Reason, Month  Total, criminality
                                        and Criminality
  adp_by_arresting_agency               ICE Average Daily Population by     CBP/ICE/All agencies,
                                        Arresting Agency, Month and         criminality
                                        Criminality
  alos_days_by_arresting_agency         ICE Average Length of Stay by       (same)
                                        Arresting Agency, Month and
                                        Criminality

Values are the cells' numbers rounded to 3 decimals and printed as Python floats ("22412.0",
"26089.29"); the "Total" and "FY Overall" columns are not written (they are derived). An
empty month cell writes no row and is named on stderr: it is a gap in the workbook, not a 0.
An interim workbook (titled "FY2024", not "EOFY2024") prints 0 for the months after its data
date: those months (no initial book-ins at all) are left out and named on stderr.
Anything else unexpected (a missing sheet or table, a changed month header, an unknown row
label, text in a value cell) stops the conversion with exit status 1 and writes nothing.
Standard library only (zipfile, xml.etree), so it runs wherever Python 3.8+ does.
"""
import csv
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

MONTHS = ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"]
CRIMINALITIES = ["Convicted Criminal", "Pending Criminal Charges", "Other Immigration Violator"]

# (table, sheet titles (before ": EOFY20nn"), layout), in the order rows are written.
TABLES = [
    ("initial_book_ins_by_arresting_agency",
     ["ICE Initial Book-Ins by Arresting Agency and Month"], "agency"),
    ("final_book_outs_by_release_reason",
     ["ICE Final Book Outs by Release Reason, Month and Criminality",
      "ICE Final Releases by Release Reason, Month and Criminality"], "reason"),
    ("adp_by_arresting_agency",
     ["ICE Average Daily Population by Arresting Agency, Month and Criminality"],
     "agency_criminality"),
    ("alos_days_by_arresting_agency",
     ["ICE Average Length of Stay by Arresting Agency, Month and Criminality"],
     "agency_criminality"),
]

# Row labels of the book-in table and of the agency rows of the ADP and ALOS tables.
BOOK_IN_AGENCIES = {"Total": "Total", "CBP": "CBP", "ICE": "ICE"}
AVERAGE_AGENCIES = {"CBP Average": "CBP", "ICE Average": "ICE", "Average": "All agencies"}


class ConversionError(Exception):
    pass


def column_number(letters):
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - ord("A") + 1
    return number


def column_letters(number):
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def label(text):
    """A row label with its padding removed ("ICE Average  " -> "ICE Average")."""
    return " ".join(text.split())


def read_sheet(archive, sheet_pattern):
    """The cells of the one sheet whose name matches sheet_pattern: (name, {(row, col): text})."""
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(PACKAGE_REL + "Relationship")}
    sheets = [(s.get("name"), s.get(REL + "id")) for s in workbook.iter(MAIN + "sheet")]
    matching = [(name, rid) for name, rid in sheets if re.fullmatch(sheet_pattern, name.strip())]
    if len(matching) != 1:
        raise ConversionError("expected one sheet named like \"Detention FY24\", found %d among %s"
                              % (len(matching), [name for name, _ in sheets]))
    name, rid = matching[0]
    target = targets[rid]
    path = target.lstrip("/") if target.startswith("/") else "xl/" + target

    shared = []
    if "xl/sharedStrings.xml" in archive.namelist():
        for si in ET.fromstring(archive.read("xl/sharedStrings.xml")).iter(MAIN + "si"):
            # Plain text is si/t; rich text is si/r/t (phonetic runs si/rPh/t are not text).
            parts = [t.text or "" for t in si.findall(MAIN + "t")]
            parts += [t.text or "" for r in si.findall(MAIN + "r") for t in r.findall(MAIN + "t")]
            shared.append("".join(parts))

    cells = {}
    for c in ET.fromstring(archive.read(path)).iter(MAIN + "c"):
        match = re.fullmatch(r"([A-Z]+)([0-9]+)", c.get("r", ""))
        if not match:
            raise ConversionError("%s: cell without a reference %r" % (name, c.get("r")))
        kind = c.get("t", "n")
        value = c.find(MAIN + "v")
        if kind == "inlineStr":
            text = "".join(t.text or "" for t in c.iter(MAIN + "t"))
        elif value is None or value.text is None:
            continue
        elif kind == "s":
            text = shared[int(value.text)]
        else:
            text = value.text
        cells[(int(match.group(2)), column_number(match.group(1)))] = text
    return name, cells


def find_title(cells, titles, fiscal_year, sheet):
    found = []
    for (row, col), text in cells.items():
        for title in titles:
            if text.strip() == title or text.strip().startswith(title + ":"):
                found.append((row, col, text.strip()))
    if len(found) != 1:
        raise ConversionError("%s: expected one table titled %r, found %d"
                              % (sheet, titles[0], len(found)))
    row, col, text = found[0]
    if not text.endswith("FY%d" % fiscal_year):
        raise ConversionError("%s!%s%d: title %r does not end with FY%d"
                              % (sheet, column_letters(col), row, text, fiscal_year))
    return row, col


def convert_table(cells, sheet, fiscal_year, table, titles, layout, emit, notes, reported=12):
    title_row, col = find_title(cells, titles, fiscal_year, sheet)
    header = title_row + 1
    first_month = col + (2 if layout == "reason" else 1)
    got = [cells.get((header, first_month + m), "").strip() for m in range(12)]
    if got != MONTHS:
        raise ConversionError("%s!%s%d: month header %s is not %s"
                              % (sheet, column_letters(first_month), header, got, MONTHS))

    row = header + 1
    category = None
    while True:
        a = cells.get((row, col), "")
        b = cells.get((row, col + 1), "") if layout == "reason" else ""
        values = [cells.get((row, first_month + m), "") for m in range(12)]
        if not label(a) and not label(b) and not any(v.strip() for v in values):
            break  # the blank row after the table
        where = "%s!%s%d" % (sheet, column_letters(col), row)
        if layout == "agency":
            if label(a) not in BOOK_IN_AGENCIES:
                raise ConversionError("%s: unknown agency %r" % (where, a))
            category, criminality = BOOK_IN_AGENCIES[label(a)], ""
        elif layout == "agency_criminality":
            if label(a) in AVERAGE_AGENCIES:
                category, criminality = AVERAGE_AGENCIES[label(a)], "Total"
            elif label(a) in CRIMINALITIES and category is not None:
                criminality = label(a)
            else:
                raise ConversionError("%s: unexpected row label %r" % (where, a))
        else:
            if label(a):
                category = label(a)
            if category is None:
                raise ConversionError("%s: criminality row before any release reason" % where)
            if label(b):
                criminality = label(b)
                if criminality != "Total" and criminality not in CRIMINALITIES:
                    raise ConversionError("%s: unknown criminality %r" % (where, b))
            elif label(a):
                criminality = "Total"  # the all-reasons row has no criminality label
            else:
                raise ConversionError("%s: row without release reason or criminality" % where)
        for m, text in enumerate(values[:reported]):
            cell = "%s!%s%d" % (sheet, column_letters(first_month + m), row)
            if not text.strip():
                notes.append("%s (%s %r %r %s) is empty: no row written"
                             % (cell, table, category, criminality, MONTHS[m]))
                continue
            try:
                value = float(text)
            except ValueError:
                raise ConversionError("%s: value %r is not a number" % (cell, text)) from None
            emit(table, category, criminality, MONTHS[m], repr(round(value, 3)))
        row += 1


def reported_months(cells, sheet, fiscal_year, notes):
    """How many months (from October) the workbook reports.

    An end-of-year workbook ("ICE DETENTION DATA, EOFY2024") reports all 12. An interim one
    ("ICE DETENTION DATA, FY2024") prints 0 in every table for the months after its data date;
    those months are the ones with no initial book-ins at all, and they must come last.
    """
    titles = [t for t in cells.values() if t.strip().startswith("ICE DETENTION DATA")]
    if any(t.strip().endswith("EOFY%d" % fiscal_year) for t in titles):
        return 12
    book_ins = []
    convert_table(cells, sheet, fiscal_year, TABLES[0][0], TABLES[0][1], TABLES[0][2],
                  lambda *row: book_ins.append(row), [])
    totals = [float(v) for table, category, _, _, v in book_ins if category == "Total"]
    if len(totals) != 12:
        raise ConversionError("%s: interim workbook without 12 months of total book-ins" % sheet)
    reported = 12
    while reported > 0 and totals[reported - 1] == 0:
        reported -= 1
    if reported == 0 or 0 in totals[:reported]:
        raise ConversionError("%s: interim workbook whose months with book-ins are not Oct..%s"
                              % (sheet, MONTHS[reported - 1]))
    if reported < 12:
        notes.append("%s: interim release (not EOFY%d): %s..Sep not yet reported (0 in every "
                     "table): no rows written" % (sheet, fiscal_year, MONTHS[reported]))
    return reported


def convert(path):
    source = os.path.basename(path)
    rows = []
    notes = []
    with zipfile.ZipFile(path) as archive:
        sheet, cells = read_sheet(archive, r"Detention FY([0-9]{2})")
        fiscal_year = 2000 + int(re.search(r"FY([0-9]{2})", sheet).group(1))

        def emit(table, category, criminality, month, value):
            rows.append([source, fiscal_year, table, category, criminality, month, value])

        reported = reported_months(cells, sheet, fiscal_year, notes)
        for table, titles, layout in TABLES:
            convert_table(cells, sheet, fiscal_year, table, titles, layout, emit, notes, reported)
    return rows, notes


def main(paths):
    if not paths:
        print("usage: " + __doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    rows = []
    for path in paths:
        try:
            converted, notes = convert(path)
        except (ConversionError, OSError, zipfile.BadZipFile, KeyError, ET.ParseError) as e:
            print("ice-xlsx-to-csv: %s: %s" % (path, e), file=sys.stderr)
            return 1
        for note in notes:
            print("ice-xlsx-to-csv: %s: %s" % (os.path.basename(path), note), file=sys.stderr)
        rows += converted
    sys.stdout.reconfigure(newline="")
    writer = csv.writer(sys.stdout, lineterminator="\r\n")
    writer.writerow(["source_file", "fiscal_year", "table", "category", "criminality", "month",
                     "value"])
    writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
