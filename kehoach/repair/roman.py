"""Roman numerals that OCR misread: ``H.`` for ``II.``, ``HI.`` for ``III.``, ``lần thứ XH`` for ``XII``.

Section numbers and congress numbers matter downstream (sections, citations), and a syllable model
cannot see them, so OCR-repaired lines get this small rule: a token made only of roman-numeral
look-alikes, in a numeral's place (a heading's start, or after words such as "thứ", "Phần"), that
becomes a valid numeral when ``H`` is read as ``II`` and ``l``/``1``/``L`` as ``I``.

A numeral OCR read as another valid one (``III.`` as ``II.``, a stroke lost) is found from the
document's own sequence of top-level headings instead: two equal neighbours cannot both be right
(:func:`fix_heading_sequence`, run on a whole OCR document).
"""

from __future__ import annotations

import re

_VALID_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_HEADING_NUMERAL = re.compile(
    r"""
    ^(?P<lead>\s*)                       # a heading starts the line
    (?P<token>[IVXHLl][IVXHLl1]{0,5})    # the numeral as OCR read it (I11 for III; digits alone are
    (?=[.)]\s)                           # arabic numbering) before "II. " or "II) "
    """,
    re.VERBOSE,
)
_COUNTED_NUMERAL = re.compile(
    r"""
    (?P<lead>\b(?:thứ|Thứ|THỨ|Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|khóa|Khóa|KHÓA|Phụ\ lục|PHỤ\ LỤC)\s+)
    (?P<token>[IVXHLl1]{1,6})\b
    """,
    re.VERBOSE,
)
_LOOKALIKES = str.maketrans({"H": "II", "l": "I", "1": "I", "L": "I"})


def read_roman(token: str) -> str:
    """``token`` as the roman numeral it stands for, or unchanged when it stands for none."""
    if _VALID_ROMAN.match(token) or not any(ch in token for ch in "HLl1"):
        return token
    fixed = token.translate(_LOOKALIKES)
    return fixed if fixed and _VALID_ROMAN.match(fixed) else token


def fix_roman_numerals(line: str) -> str:
    """Repair misread roman numerals at a heading's start and after counting words."""

    def replace(m: re.Match[str]) -> str:
        return m.group("lead") + read_roman(m.group("token"))

    return _COUNTED_NUMERAL.sub(replace, _HEADING_NUMERAL.sub(replace, line))


_SEQUENCE_HEADING = re.compile(
    r"""
    ^(?P<lead>\s*)
    (?P<token>[IVXHLl][IVXHLl1]{0,5})    # a top-level heading number, as OCR read it
    (?P<rest>[.)]\s)
    """,
    re.VERBOSE,
)
_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman_value(numeral: str) -> int | None:
    """The value of a valid roman numeral (``XIV`` -> 14), or None."""
    if not numeral or not _VALID_ROMAN.match(numeral):
        return None
    total, rest = 0, numeral
    for value, letters in _ROMAN_VALUES:
        while rest.startswith(letters):
            total, rest = total + value, rest[len(letters) :]
    return total


def to_roman(value: int) -> str:
    out = []
    for size, letters in _ROMAN_VALUES:
        count, value = divmod(value, size)
        out.append(letters * count)
    return "".join(out)


def _one_stroke_away(observed: str, numeral: str) -> bool:
    """Whether OCR could have read ``numeral`` as ``observed`` by losing or adding one vertical stroke
    (``III`` read ``II``, ``I`` read ``IL``): one I-like character inserted or deleted."""
    longer, shorter = (observed, numeral) if len(observed) > len(numeral) else (numeral, observed)
    if len(longer) != len(shorter) + 1:
        return False
    return any(longer[:k] + longer[k + 1 :] == shorter and longer[k] in "IlL1|" for k in range(len(longer)))


def fix_heading_sequence(lines: list[str], observed: list[str] | None = None) -> list[str]:
    """Top-level roman headings (``I.``, ``II.``, ``III.`` at a line's start) count up one by one.
    Two equal neighbouring numerals are one OCR misread by a stroke (``III.`` read as ``II.``;
    ``IL.`` read as ``II.``): either the second should be one more or the first one less, whichever
    agrees with the headings around them and is one stroke from what the page shows; when both
    agree, the second (strokes are lost more often than added), unless the first shows a stray
    glyph. Numbers that do not repeat are left alone (a page may start mid-sequence, a plan may
    skip a section). ``observed``: the lines as OCR wrote them, when ``lines`` are already repaired
    (``IL.`` has become ``II.`` there, and the stray glyph is the evidence)."""
    headings = []  # [line index, observed token, value]
    for k, line in enumerate(lines):
        m = _SEQUENCE_HEADING.match(line)
        value = roman_value(read_roman(m.group("token"))) if m else None
        if m and value is not None:
            seen = _SEQUENCE_HEADING.match(observed[k]) if observed is not None else None
            token = (
                seen.group("token") if seen and read_roman(seen.group("token")) == m.group("token") else None
            )
            headings.append([k, token or m.group("token"), value])
    out = list(lines)
    for n in range(len(headings) - 1):
        (_, first, value), (_, second, other) = headings[n], headings[n + 1]
        if value != other:
            continue
        before = headings[n - 1][2] if n > 0 else None
        after = headings[n + 2][2] if n + 2 < len(headings) else None
        raise_second = (after is None or after > value + 1) and _one_stroke_away(second, to_roman(value + 1))
        lower_first = (
            value > 1
            and (before is None or before < value - 1)
            and _one_stroke_away(first, to_roman(value - 1))
        )
        if lower_first and (not raise_second or not _VALID_ROMAN.match(first)):
            headings[n][2] = value - 1
        elif raise_second:
            headings[n + 1][2] = value + 1
    for k, token, value in headings:
        m = _SEQUENCE_HEADING.match(lines[k])
        if m is not None and roman_value(read_roman(token)) != value:
            out[k] = m.group("lead") + to_roman(value) + lines[k][m.start("rest") :]
    return out


_LONE_NUMERAL = re.compile(r"^(?P<lead>\s*)(?P<token>[IVXHLl][IVXHLl1]{0,5})\s*$")


def fix_lone_numerals(lines: list[str]) -> list[str]:
    """A table's row-group numeral on a line of its own (``I``, then ``H`` for ``II``): OCR's look-alike
    is read as the numeral when the numeral before it on a line of its own is one less. Without that
    evidence ``H`` stays (a table's lettered rows run ``A`` … ``H``)."""
    out = list(lines)
    previous: int | None = None
    for k, line in enumerate(lines):
        m = _LONE_NUMERAL.match(line)
        if m is None:
            continue
        token = m.group("token")
        value = roman_value(token)
        if value is None:
            fixed = read_roman(token)
            value = roman_value(fixed)
            if value is None or previous is None or value != previous + 1:
                previous = None
                continue
            out[k] = m.group("lead") + fixed
        previous = value
    return out
