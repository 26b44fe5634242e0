#!/usr/bin/env python3
"""ctest: scripts/ice-xlsx-to-csv.py, the documented conversion of ICE's detention workbooks
(docs/data.md, "ICE detention statistics"), reproduces the shipped extract byte for byte
from the workbooks in ../shared/data/ice_detention, and leaves out the months an interim
workbook has not reported yet. Exits 77 (skipped) when the workbooks are absent.

    tests/ingest/ice_xlsx_to_csv_test.py SOURCE_DIR
"""
import os
import subprocess
import sys


def run(script, *workbooks):
    done = subprocess.run([sys.executable, script, *workbooks], capture_output=True)
    if done.returncode != 0:
        sys.exit("conversion failed (%d): %s" % (done.returncode, done.stderr.decode()))
    return done.stdout, done.stderr.decode()


def main(source_dir):
    data = os.path.join(source_dir, "..", "shared", "data", "ice_detention")
    script = os.path.join(source_dir, "scripts", "ice-xlsx-to-csv.py")
    fy23, fy24 = (os.path.join(data, "FY%d_detentionStats.xlsx" % y) for y in (23, 24))
    extract = os.path.join(data, "ice_detention_monthly_fy23_fy24.csv")
    if not all(os.path.exists(p) for p in (fy23, fy24, extract)):
        print("skipped: ICE workbooks not found in", data)
        return 77

    out, notes = run(script, fy23, fy24)
    with open(extract, "rb") as f:
        shipped = f.read()
    if out != shipped:
        ours, theirs = out.split(b"\r\n"), shipped.split(b"\r\n")
        for n, (a, b) in enumerate(zip(ours, theirs), start=1):
            if a != b:
                sys.exit("line %d differs:\n  converted %r\n  shipped   %r" % (n, a, b))
        sys.exit("converted %d lines, shipped %d" % (len(ours), len(theirs)))
    # The one empty cell of the two workbooks is named, not written as 0.
    expected = ("FY24_detentionStats.xlsx: Detention FY24!G80 (final_book_outs_by_release_reason "
                "'Transferred' 'Pending Criminal Charges' Feb) is empty: no row written")
    if notes.strip() != "ice-xlsx-to-csv: " + expected:
        sys.exit("unexpected notes: %r" % notes)

    interim = os.path.join(data, "FY24_detentionStats01042024.xlsx")
    if os.path.exists(interim):
        out, notes = run(script, interim)
        lines = out.decode().split("\r\n")
        months = {line.split(",")[5] for line in lines[1:] if line}
        if months != {"Oct", "Nov", "Dec"} or "Jan..Sep not yet reported" not in notes:
            sys.exit("interim workbook: months %s, notes %r" % (sorted(months), notes))
    print("ok: %d rows reproduced" % (shipped.count(b"\r\n") - 1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
