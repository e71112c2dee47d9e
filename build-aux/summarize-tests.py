#!/usr/bin/env python3
"""Print one line, "N passed, M failed", from meson's test log.

    summarize-tests.py TESTLOG.json [NAME=passed|NAME=failed ...]

Each NAME=RESULT after the log is one more test that ran outside meson
(the Flatpak build and run on CI) and counts once.

Each GLib test program reports its cases in TAP; every case counts. A
program that crashed or timed out before finishing its plan counts as a
failure too, so that a crash can never hide behind the cases it skipped.
"""
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        test = json.loads(line)
        result = test.get("result")
        oks = nots = skips = 0
        for out in (test.get("stdout") or "").splitlines():
            if re.match(r"^ok \d+.*# SKIP", out):
                skips += 1
            elif re.match(r"^ok \d+", out):
                oks += 1
            elif re.match(r"^not ok \d+", out):
                nots += 1
        if oks + nots + skips == 0:
            # not a TAP test: one result
            oks, nots = (1, 0) if result in ("OK", "EXPECTEDFAIL") else (0, 1)
            skips = 1 if result == "SKIP" else 0
            if skips:
                oks = nots = 0
        elif result not in ("OK", "EXPECTEDFAIL", "SKIP") and nots == 0:
            nots = 1  # crashed or timed out between cases
        passed += oks
        failed += nots
        skipped += skips

for extra in sys.argv[2:]:
    name, _, result = extra.partition("=")
    if result == "passed":
        passed += 1
    else:
        print(f"{name}: {result or 'no result'}", file=sys.stderr)
        failed += 1

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
