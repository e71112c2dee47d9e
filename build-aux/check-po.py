#!/usr/bin/env python3
# check-po.py: a translation is well-formed and complete.
#
#   check-po.py MSGFMT FILE.po...
#
# Runs msgfmt --check (format strings, headers, plural forms) and fails
# on any fuzzy or untranslated message: a fuzzy one is not shown, and
# an untranslated one shows English in the middle of the translation.
# Strings added to the sources after the last update of the file are
# not counted; updating the file from a new template is what finds them.

import re
import subprocess
import sys


def check(msgfmt, path):
    result = subprocess.run(
        [msgfmt, '--check', '--statistics', '--output-file=/dev/null', path],
        capture_output=True, text=True, env={'LC_ALL': 'C'},
    )
    report = (result.stdout + result.stderr).strip()
    print(f'{path}: {report}')
    if result.returncode != 0:
        return False

    counts = {}
    for number, kind in re.findall(r'(\d+) (translated|fuzzy|untranslated)', report):
        counts[kind] = int(number)
    if counts.get('fuzzy', 0) or counts.get('untranslated', 0):
        print(f'{path}: every message must be translated, and none fuzzy')
        return False
    if not counts.get('translated', 0):
        print(f'{path}: no translated messages')
        return False
    return True


def main():
    msgfmt = sys.argv[1]
    ok = all([check(msgfmt, path) for path in sys.argv[2:]])
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
