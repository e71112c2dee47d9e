#!/usr/bin/env python3
# check-potfiles.py: every source file with translatable strings is in
# po/POTFILES.in, and every file listed there exists.
#
#   check-potfiles.py SOURCE_ROOT
#
# A file forgotten there keeps its strings out of the template, and so
# untranslated, without any other sign; this makes it a test failure.

import pathlib
import re
import sys

# What marks a string for translation in C, in GtkBuilder files and in
# the files i18n.merge_file translates (there every file is listed).
MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\('
    r'|(?<![A-Za-z0-9_])g_d?n?gettext\s*\('
    r'|translatable="yes"'
)
SCANNED_DIRS = ('src', 'ui', 'data')
SCANNED_SUFFIXES = ('.c', '.h', '.ui', '.xml', '.in')


def listed_files(root):
    listed = set()
    with open(root / 'po' / 'POTFILES.in', encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.add(line)
    return listed


def marked_files(root):
    marked = set()
    for top in SCANNED_DIRS:
        for path in sorted((root / top).rglob('*')):
            if not path.is_file() or not path.name.endswith(SCANNED_SUFFIXES):
                continue
            text = path.read_text(encoding='utf-8', errors='replace')
            if MARKERS.search(text):
                marked.add(path.relative_to(root).as_posix())
    return marked


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').resolve()
    listed = listed_files(root)
    marked = marked_files(root)
    status = 0

    for name in sorted(marked - listed):
        print(f'po/POTFILES.in: missing {name}, which has translatable strings')
        status = 1
    for name in sorted(listed):
        if not (root / name).is_file():
            print(f'po/POTFILES.in: lists {name}, which does not exist')
            status = 1

    if status == 0:
        print(f'po/POTFILES.in lists all {len(marked)} files with translatable strings')
    return status


if __name__ == '__main__':
    sys.exit(main())
