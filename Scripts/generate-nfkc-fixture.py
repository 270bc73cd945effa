#!/usr/bin/env python3
"""Writes Tests/Fixtures/nfkc/japanese-nfkc.txt: Python's NFKC of the characters Japanese health files use,
the reference the Swift normalization is tested against (Foundation on Linux needs care with half-width kana)."""
import sys
import unicodedata

RANGES = [(0x2460, 0x24FF), (0x2150, 0x218F), (0x3000, 0x30FF), (0x3200, 0x33FF), (0xFF01, 0xFFEF),
          (0x2010, 0x2027), (0x00A0, 0x00FF), (0xF900, 0xFA6D)]
MARKS = ('\uFF9E', '\uFF9F', '\u3099', '\u309A')


def code_points(text):
    return ' '.join('%04X' % ord(c) for c in text)


def cases():
    for first, last in RANGES:
        for cp in range(first, last + 1):
            if unicodedata.category(chr(cp)) not in ('Cn', 'Cs', 'Co', 'Cc'):
                yield chr(cp)
    for cp in range(0xFF61, 0xFFA0):  # half-width katakana with voiced and semi-voiced marks
        for mark in MARKS:
            yield chr(cp) + mark
    for cp in range(0x30A1, 0x30FB):  # katakana with combining marks
        for mark in MARKS[2:]:
            yield chr(cp) + mark


with open('Tests/Fixtures/nfkc/japanese-nfkc.txt', 'w') as out:
    out.write('# Unicode NFKC of the characters Japanese health files use, computed by Python %s (Unicode %s).\n'
              % (sys.version.split()[0], unicodedata.unidata_version))
    out.write('# Each line: input code points <TAB> NFKC code points. Regenerate with Scripts/generate-nfkc-fixture.py.\n')
    for text in cases():
        out.write(code_points(text) + '\t' + code_points(unicodedata.normalize('NFKC', text)) + '\n')
