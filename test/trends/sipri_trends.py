#!/usr/bin/env python3
"""Independent check of SIPRI fact-sheet style trend figures from a raw SIPRI export.

Reads a SIPRI Arms Transfers Database trade-register CSV export (11-line preamble,
header row, one row per deal and delivery year, CRLF, trailing ';' on every row,
TIV in millions) and prints JSON with, per period, the world total TIV and for each
supplier / recipient its TIV, share of the world total (%), change against the
previous period (%) and rank.  Standard library only; deliberately shares no code
with the TypeScript importer.

Usage: python3 sipri_trends.py FILE.csv [--periods 2015/2019,2020/2024]
                                        [--recipient Ukraine ...]
"""
import argparse
import csv
import json
import sys
from collections import defaultdict

HEADER_START = "SIPRI AT Database ID"


def read_rows(path):
    """Yield dict rows; skips the preamble, strips the trailing ';' of each line."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        lines = (line.rstrip("\r\n").rstrip(";") for line in f)
        for line in lines:  # skip the preamble up to and including the header row
            if line.startswith(HEADER_START):
                header = next(csv.reader([line]))
                break
        else:
            sys.exit("header row not found in " + path)
        for row in csv.DictReader((l for l in lines if l.strip()), fieldnames=header):
            yield row


def number(text):
    """Parse a numeric field; '' (no value) counts as 0, a '?' uncertainty marker is dropped."""
    text = (text or "").replace("?", "").strip()
    return float(text) if text else 0.0


def parse_periods(spec):
    periods = []
    for part in spec.split(","):
        start, _, end = part.strip().partition("/")
        periods.append((part.strip(), int(start), int(end or start)))
    return periods


def table(tiv_by_name, totals):
    """tiv_by_name: {name: [tiv per period]} -> list of entries, largest last-period TIV first."""
    n = len(totals)
    ranks = [dict() for _ in range(n)]
    for i in range(n):  # competition ranking (1, 2, 2, 4); no rank when the TIV is 0
        ordered = sorted((v[i] for v in tiv_by_name.values() if v[i] > 0), reverse=True)
        for name, v in tiv_by_name.items():
            ranks[i][name] = ordered.index(v[i]) + 1 if v[i] > 0 else None
    out = []
    for name, tiv in tiv_by_name.items():
        out.append({
            "name": name,
            "tiv": [round(t, 3) for t in tiv],
            "share": [100 * t / totals[i] if totals[i] else None for i, t in enumerate(tiv)],
            "change": [None] + [100 * (tiv[i] - tiv[i - 1]) / tiv[i - 1] if tiv[i - 1] else None
                                for i in range(1, n)],
            "rank": [ranks[i][name] for i in range(n)],
        })
    out.sort(key=lambda e: (-e["tiv"][-1], e["name"]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv", help="SIPRI trade-register CSV export")
    ap.add_argument("--periods", default="2015/2019,2020/2024", help="comma-separated START/END year ranges")
    ap.add_argument("--recipient", action="append", help="recipient to break down by supplier (repeatable)")
    args = ap.parse_args()
    periods = parse_periods(args.periods)
    focus = args.recipient or ["Ukraine"]
    n = len(periods)

    totals = [0.0] * n
    suppliers = defaultdict(lambda: [0.0] * n)
    recipients = defaultdict(lambda: [0.0] * n)
    focus_suppliers = {r: defaultdict(lambda: [0.0] * n) for r in focus}
    for row in read_rows(args.csv):
        year_text = (row["Delivery year"] or "").replace("?", "").strip()
        if not year_text.isdigit():
            continue
        year, tiv = int(year_text), number(row["TIV delivery values"])
        for i, (_, start, end) in enumerate(periods):
            if start <= year <= end:  # every row counts, incl. non-state and unknown parties
                totals[i] += tiv
                suppliers[row["Supplier"]][i] += tiv
                recipients[row["Recipient"]][i] += tiv
                if row["Recipient"] in focus_suppliers:
                    focus_suppliers[row["Recipient"]][row["Supplier"]][i] += tiv

    json.dump({
        "periods": [p[0] for p in periods],
        "totals": [round(t, 3) for t in totals],
        "suppliers": table(suppliers, totals),
        "recipients": table(recipients, totals),
        "recipientSuppliers": {r: table(s, [sum(v[i] for v in s.values()) for i in range(n)])
                               for r, s in focus_suppliers.items()},
    }, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
