"""Roman numerals that OCR misread: ``H.`` for ``II.``, ``HI.`` for ``III.``, ``lần thứ XH`` for ``XII``.

Section numbers and congress numbers matter downstream (sections, citations), and a syllable model
cannot see them, so OCR-repaired lines get this small rule: a token made only of roman-numeral
look-alikes, in a numeral's place (a heading's start, or after words such as "thứ", "Phần"), that
becomes a valid numeral when ``H`` is read as ``II`` and ``l``/``1``/``L`` as ``I``.
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
