#!/usr/bin/env python3
"""Prints the "category / tried / answered cleanly" tables of docs/HARDENING.md from the rows the
adversarial suites record (nst-cli/target/adversarial-cli.tsv, nst-web/target/adversarial-web.tsv,
written by AdversarialTable when AdversarialCliTest / AdversarialWebTest run)."""
import collections
import sys
from pathlib import Path

FINDINGS = {
    1: "web: Origin/Host checks",
    2: "web: memory through accepted settings",
    3: "deep pickles (stack overflow)",
    4: "HDF5 soft-link loops",
    5: "FIFOs where a file is read",
    6: "HDF5 external links",
    7: "web: oversized/malformed multipart",
    8: "region masks",
    9: "out of memory in the CLI",
    10: "inputs overwritten",
    11: "empty layer lists",
    12: "download size unbounded",
    13: "unchecked cached file 'verified'",
    14: "exception names, unclear text",
    15: "garbage in resume records",
    16: "interruption and resume",
    17: "late memory refusal",
    18: "weights info leniency",
    19: "web run.json paths and versions",
}

root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
for suite in ("cli", "web"):
    tsv = root / f"nst-{suite}" / "target" / f"adversarial-{suite}.tsv"
    if not tsv.exists():
        print(f"({tsv} missing: run the suite first)\n")
        continue
    tried, clean = collections.Counter(), collections.Counter()
    for line in tsv.read_text().splitlines()[1:]:
        finding, _name, ok = line.split("\t")
        tried[int(finding)] += 1
        clean[int(finding)] += ok == "true"
    print(f"**{suite.upper()}** (`{tsv.relative_to(root)}`)\n")
    print("| finding | category | tried | answered cleanly |\n| --- | --- | --- | --- |")
    for f in sorted(tried):
        print(f"| {f} | {FINDINGS.get(f, '?')} | {tried[f]} | {clean[f]} |")
    print(f"| all | | {sum(tried.values())} | {sum(clean.values())} |\n")
