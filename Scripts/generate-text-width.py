#!/usr/bin/env python3
"""Writes Sources/GAETUI/Canvas/TextWidthTable.swift: how many terminal columns each code point takes.

The table is generated rather than written by hand so that every emoji and every wide script is
counted, and committed so that building GAEViz needs neither this script nor the data.

  Scripts/generate-text-width.py            regenerate the table
  Scripts/generate-text-width.py --check    exit 1 if the committed table is not what the data gives

The data is the Unicode Character Database as Debian's `unicode-data` package installs it
(`apt-get install unicode-data`, /usr/share/unicode); --data points elsewhere. Standard library only.

The rules, in the order they are applied (a later rule wins):
  1  every code point: one column.
  2  East_Asian_Width W or F (EastAsianWidth.txt, and the unassigned code points UAX #11 says default
     to W), or Emoji_Presentation (emoji/emoji-data.txt): two columns. Since Unicode 9 the emoji
     with Emoji_Presentation are W already, except the regional indicators that pair into flags.
  3  nothing drawn, zero columns: combining marks (Mn, Me, so the variation selectors too), format
     characters (Cf: zero width joiner, bidi controls, tags), and the medial vowels and final
     consonants of conjoining Hangul (Hangul_Syllable_Type V, T), which join the initial before them.
  4  format characters that terminals do draw, one column: the Prepended_Concatenation_Marks
     (PropList.txt: U+0600 ARABIC NUMBER SIGN and the like, drawn as a sign over the digits after
     them) and U+00AD SOFT HYPHEN, shown as a hyphen. glibc's wcwidth makes the same two exceptions.
Controls (Cc) keep one column: the canvas draws them as "?".
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources", "GAETUI", "Canvas", "TextWidthTable.swift")
MAX_CODE_POINT = 0x10FFFF

# UAX #11 (stated in EastAsianWidth.txt's header): these blocks' and planes' unassigned code points
# are W, so characters assigned there after this version are counted right already.
DEFAULT_WIDE = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]


def code_points(field):
    """'0300..036F' or '00AD' as an inclusive range."""
    first, _, last = field.strip().partition("..")
    return int(first, 16), int(last or first, 16)


def property_lines(path):
    """(first, last, value) for each data line of a UCD property file."""
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.split("#", 1)[0].strip()
            if line:
                fields = [field.strip() for field in line.split(";")]
                yield (*code_points(fields[0]), fields[1])


def version(path, pattern):
    """The version a data file states in its header."""
    with open(path, encoding="utf-8") as file:
        head = file.read(2000)
    match = re.search(pattern, head)
    if not match:
        sys.exit(f"{path}: no version in the header (pattern {pattern!r})")
    return match.group(1)


def general_categories(path):
    """Code point -> General_Category from UnicodeData.txt, ranges (<..., First>/<..., Last>) filled in."""
    categories = {}
    first = None
    with open(path, encoding="utf-8") as file:
        for line in file:
            fields = line.split(";")
            value, name, category = int(fields[0], 16), fields[1], fields[2]
            if name.endswith(", First>"):
                first = value
            elif name.endswith(", Last>"):
                for code_point in range(first, value + 1):
                    categories[code_point] = category
            else:
                categories[value] = category
    return categories


def widths(data):
    """A bytearray of 0x110000 widths, by the rules in the module's docstring."""
    width = bytearray([1]) * (MAX_CODE_POINT + 1)

    def set_range(first, last, value):
        width[first : last + 1] = bytes([value]) * (last - first + 1)

    for first, last in DEFAULT_WIDE:
        set_range(first, last, 2)
    for first, last, value in property_lines(os.path.join(data, "EastAsianWidth.txt")):
        set_range(first, last, 2 if value in ("W", "F") else 1)
    for first, last, value in property_lines(os.path.join(data, "emoji", "emoji-data.txt")):
        if value == "Emoji_Presentation":
            set_range(first, last, 2)

    for code_point, category in general_categories(os.path.join(data, "UnicodeData.txt")).items():
        if category in ("Mn", "Me", "Cf"):
            width[code_point] = 0
    for first, last, value in property_lines(os.path.join(data, "HangulSyllableType.txt")):
        if value in ("V", "T"):
            set_range(first, last, 0)

    for first, last, value in property_lines(os.path.join(data, "PropList.txt")):
        if value == "Prepended_Concatenation_Mark":
            set_range(first, last, 1)
    width[0x00AD] = 1
    return width


def ranges(width):
    """The runs of code points not one column wide: (first, last, columns), ascending."""
    runs = []
    code_point = 0
    while code_point <= MAX_CODE_POINT:
        value = width[code_point]
        last = code_point
        while last + 1 <= MAX_CODE_POINT and width[last + 1] == value:
            last += 1
        if value != 1:
            runs.append((code_point, last, value))
        code_point = last + 1
    return runs


def swift_hex(value):
    """A hex literal as swift-format's GroupNumericLiterals wants it: groups of four past six digits."""
    digits = f"{value:04X}"
    if len(digits) > 6:
        groups = []
        while digits:
            groups.insert(0, digits[-4:])
            digits = digits[:-4]
        digits = "_".join(groups)
    return "0x" + digits


def render(runs, unicode_version, emoji_version):
    entries = [f"({swift_hex(first)}, {swift_hex(last)}, {columns})" for first, last, columns in runs]
    # As many entries on a line as fit in swift-format's 120 columns, so formatting leaves it alone.
    lines = []
    line = "   "
    for entry in entries:
        if len(line) + 1 + len(entry) + 1 > 120:
            lines.append(line)
            line = "   "
        line += " " + entry + ","
    lines.append(line)
    first_not_one = runs[0][0]
    return f"""\
// Generated by Scripts/generate-text-width.py: do not edit, run the script.
// Source: the Unicode Character Database {unicode_version} (UnicodeData.txt, EastAsianWidth.txt,
// PropList.txt, HangulSyllableType.txt) and emoji data {emoji_version} (emoji/emoji-data.txt), as
// Debian's unicode-data package installs them in /usr/share/unicode. The rules are in the script.

extension TextWidth {{
  /// The version of Unicode the table was made from.
  static let unicodeVersion = "{unicode_version}"

  /// Every code point below this one takes one column, so most text never searches the table.
  static let firstNotOneColumn: UInt32 = {swift_hex(first_not_one)}

  /// The code points that do not take one column: disjoint closed ranges in ascending order, with
  /// the columns each of their code points takes (0 or 2). {len(runs)} ranges.
  static let ranges: [(first: UInt32, last: UInt32, columns: UInt8)] = [
{chr(10).join(lines)}
  ]
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="/usr/share/unicode", help="the UCD folder (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="compare with the committed table instead of writing")
    arguments = parser.parse_args()
    data = arguments.data
    if not os.path.exists(os.path.join(data, "EastAsianWidth.txt")):
        sys.exit(f"no Unicode data in {data}: apt-get install unicode-data, or pass --data")

    unicode_version = version(os.path.join(data, "EastAsianWidth.txt"), r"EastAsianWidth-([0-9.]+)\.txt")
    for name in ("PropList.txt", "HangulSyllableType.txt"):
        other = version(os.path.join(data, name), r"-([0-9.]+)\.txt")
        if other != unicode_version:
            sys.exit(f"{name} is Unicode {other}, EastAsianWidth.txt {unicode_version}: one version, please")
    emoji_version = version(os.path.join(data, "emoji", "emoji-data.txt"), r"Emoji Version ([0-9.]+)")

    text = render(ranges(widths(data)), unicode_version, emoji_version)
    if arguments.check:
        with open(OUTPUT, encoding="utf-8") as file:
            if file.read() != text:
                sys.exit(f"{os.path.relpath(OUTPUT, ROOT)} is not what Unicode {unicode_version} gives: run the script")
        print(f"{os.path.relpath(OUTPUT, ROOT)} is up to date (Unicode {unicode_version})")
        return
    with open(OUTPUT, "w", encoding="utf-8") as file:
        file.write(text)
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}: Unicode {unicode_version}")


if __name__ == "__main__":
    main()
