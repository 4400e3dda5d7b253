"""Turn plain text into the blocks of an official Vietnamese document (header, headings, body, signature).

The layout follows Nghị định 30/2020/NĐ-CP on the form of administrative documents only as far as an
OCR engine notices: a two-column header (issuer left; national name and motto right; number left,
place and date right), bold centred titles, bold section headings, justified body text, and the
signer's name at the bottom right under a gap where the signature and the red stamp go.
Every block remembers its source line so that ground truth can be written line for line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Align = Literal["justify", "left", "center", "right"]
Column = Literal["full", "left", "right"]

_NATIONAL_NAME = re.compile(
    r"""C[ỘO]NG\s+H[ÒO]A\s+X[ÃA]\s+H[ỘO]I     # Cộng hòa xã hội ...
        |Độc\s+lập\s*[-–]\s*Tự\s+do            # ... and the motto
        |^[\s\-–_]{3,}$                          # the rule drawn under the motto
    """,
    re.VERBOSE | re.IGNORECASE,
)
_PLACE_DATE = re.compile(
    r"""ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\d{4}   # Quận 1, ngày 03 tháng 5 năm 2023
    """,
    re.VERBOSE | re.IGNORECASE,
)
_NUMBER_LINE = re.compile(r"""^\s*Số\s*[:.]""", re.VERBOSE)
# Two header cells exported on one line: a tab, a pipe, or a run of 3+ spaces between them.
_CELL_SEPARATOR = re.compile(r"""\t+|\s+\|\s+|\s{3,}""", re.VERBOSE)
_NUMBERED_HEADING = re.compile(
    r"""^\s*(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s+\S   # I.  1.  1.2.  a)
    """,
    re.VERBOSE,
)
HEADER_SEARCH_LINES = 10
# Longest header line: two cells exported on one line ("Số: 56/KH-MNTH    Quận 1, ngày ..."); a
# longer line with a date in it is the body's first citation, not the place and date.
MAX_HEADER_LINE = 100
SIGNATURE_SEARCH_LINES = 4


@dataclass(frozen=True, slots=True)
class Block:
    """One source line as it will be drawn."""

    text: str
    source_line: int
    align: Align = "justify"
    bold: bool = False
    column: Column = "full"
    space_before: float = 0.0  # in line heights
    header_row: int | None = None  # rows of the two-column header share one baseline


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _header_end(lines: list[str]) -> int:
    """Index after the last header line, or 0 when the text does not open with a national header."""
    head = lines[:HEADER_SEARCH_LINES]
    if not any(_NATIONAL_NAME.search(line) and "NGH" in line.upper() for line in head):
        return 0
    end = 0
    for index, line in enumerate(head):
        if len(line.strip()) > MAX_HEADER_LINE:
            break  # body text ("Căn cứ Nghị định ... ngày 29 tháng 9 năm 2023"): the header is over
        if _NATIONAL_NAME.search(line) or _PLACE_DATE.search(line) or _NUMBER_LINE.match(line):
            end = index + 1
    return end


def _header_blocks(lines: list[str]) -> list[Block]:
    """Split header lines into a left and a right column and pair them into rows."""
    left: list[tuple[str, int]] = []
    right: list[tuple[str, int]] = []
    number: tuple[str, int] | None = None
    date: tuple[str, int] | None = None
    for index, line in enumerate(lines):
        for cell in (c.strip() for c in _CELL_SEPARATOR.split(line.strip())):
            if not cell:
                continue
            if _NUMBER_LINE.match(cell):
                number = (cell, index)
            elif _PLACE_DATE.search(cell):
                date = (cell, index)
            elif _NATIONAL_NAME.search(cell):
                right.append((cell, index))
            else:
                left.append((cell, index))
    rows = max(len(left), len(right))
    blocks: list[Block] = []
    for column, cells in (("left", left), ("right", right)):
        for row, (cell, index) in enumerate(cells):
            bold = column == "right" or row > 0 or len(cells) == 1
            blocks.append(Block(cell, index, "center", bold, column, header_row=row))  # type: ignore[arg-type]
    if number:
        blocks.append(Block(number[0], number[1], "center", False, "left", 0.3, header_row=rows))
    if date:
        blocks.append(Block(date[0], date[1], "center", False, "right", 0.3, header_row=rows))
    return blocks


def _looks_like_name(text: str) -> bool:
    """Two to five syllables, each capitalised and otherwise lower case: ``Đỗ Ngọc Chi``."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)


def _signer_index(lines: list[str]) -> int | None:
    """The signer's name: a personal name among the last non-empty lines."""
    tail = [i for i, line in enumerate(lines) if line.strip()][-SIGNATURE_SEARCH_LINES:]
    for index in reversed(tail):
        if _looks_like_name(lines[index].strip()):
            return index
    return None


def _body_block(text: str, index: int, previous_title: bool) -> Block:
    stripped = text.strip()
    upper = _mostly_upper(stripped) and len(stripped) <= 120
    if upper and not _NUMBERED_HEADING.match(stripped):
        return Block(stripped, index, "center", True, space_before=0.6)  # KẾ HOẠCH, a unit's name
    if previous_title and len(stripped) <= 250 and not stripped.endswith((";", ":")):
        return Block(stripped, index, "center", True)  # the subject line under the title
    if upper:
        return Block(stripped, index, "left", True, space_before=0.3)  # I. MỤC ĐÍCH, YÊU CẦU
    short_heading = len(stripped) <= 70 and not stripped.endswith((".", ";", ",", ":"))
    if _NUMBERED_HEADING.match(stripped) and short_heading:
        return Block(stripped, index, "left", True)  # 1. Mục đích
    return Block(stripped, index, "justify")


def plan_blocks(text: str) -> list[Block]:
    """Blocks for every non-empty line of ``text``, in reading order."""
    lines = text.replace("\r\n", "\n").replace("\f", "\n").split("\n")
    header_end = _header_end(lines)
    blocks = _header_blocks(lines[:header_end]) if header_end else []
    signer = _signer_index(lines)
    previous_title = False
    for index in range(header_end, len(lines)):
        stripped = lines[index].strip()
        if not stripped:
            continue
        if index == signer:
            blocks.append(Block(stripped, index, "center", True, "right", space_before=3.5))
            continue
        block = _body_block(stripped, index, previous_title)
        previous_title = block.align == "center" and block.bold and _mostly_upper(stripped)
        blocks.append(block)
    return blocks
