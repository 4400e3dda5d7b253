"""Years in the dates of cited documents, checked against the document itself.

A syllable model cannot see that OCR read ``2023`` as ``2028``; the document can. A cited legal
document (``Luật ... số 20/2023/QH15 ngày 22 tháng 6 năm 2023``) was signed before the plan that
cites it, and a Vietnamese document number carries the year it was signed in (``20/2023/QH15``), the
same year as its date. So in a citation, a date year later than the plan's own date is misread:

* when the citation's number carries a year no later than the plan's, the date takes that year
  (``số 20/2023/QH15 ngày 22 tháng 6 năm 2028`` -> ``2023``);
* without a year in the number, the date takes the one year one digit away that is not later than
  the plan's and not older than :data:`OLDEST_CITED_YEARS` (``ngày 29/7/3025`` in a 2025 plan ->
  ``2025``), if there is exactly one.

Nothing else is touched: a year that is possible (``2016`` read for ``2018``) is left as read, since
nothing in the document says which is right, and dates that are not citations (deadlines such as
``trước ngày 31/12/2026``) may lie in the future. The plan's own date comes from its date line
(``Hà Tĩnh, ngày 19 tháng 11 năm 2025``); without one, nothing is changed.
"""

from __future__ import annotations

import re

HEADER_LINES = 15  # the date line of a plan is in its header
OLDEST_CITED_YEARS = 60  # a cited document is at most this many years older than the plan
_DATELINE = re.compile(
    r"""
    ^\s*[^\W\d_][^,;:()/]{1,40},\s*    # the place: "Hà Tĩnh," / "Quận 1," (no number: "số 5/...")
    ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?P<year>\d{4})\s*\.?\s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CITATION = re.compile(
    r"""
    (?<![\w/])\d{1,5}/                       # the number: "20/"
    (?:(?P<number_year>\d{4})/)?             # the year national documents carry: "2023/"
    [^\W\d_][\w.&]*(?:-[\w.&]+)*             # the symbol: "QH15", "QĐ-BVHTTDL"
    [^;\n]{0,12}?\s                          # nothing but a short gap ("của ...", a comma)
    ngày\s+\d{1,2}(?:\s+tháng\s+|/)\d{1,2}(?:\s+năm\s+|/)
    (?P<date_year>\d{4,5})\b                 # the date's year, as OCR read it ("2028", "20285")
    """,
    re.VERBOSE | re.IGNORECASE,
)


def document_year(lines: list[str]) -> int | None:
    """The year of the plan's own date line, or None when it has none. The line is looked for among
    the first :data:`HEADER_LINES` lines, and the latest year wins: a citation that happens to look
    like a date line is never later than the plan itself."""
    header = [line for line in lines if line.strip()][:HEADER_LINES]
    years = [int(m.group("year")) for m in map(_DATELINE.match, header) if m]
    return max(years, default=None)


def _one_digit_years(read: str, newest: int) -> list[int]:
    """Years one digit substitution from ``read`` in the span a cited document can have."""
    found = set()
    for k in range(len(read)):
        for digit in "0123456789":
            year = int(read[:k] + digit + read[k + 1 :])
            if newest - OLDEST_CITED_YEARS <= year <= newest and len(str(year)) == len(read):
                found.add(year)
    return sorted(found)


def fix_citation_years(lines: list[str]) -> list[str]:
    """The lines with impossible years of cited documents' dates corrected (see the module doc)."""
    year = document_year(lines)
    if year is None:
        return lines

    def replace(m: re.Match[str]) -> str:
        read = m.group("date_year")
        if int(read) <= year:
            return m.group()
        number_year = m.group("number_year")
        if number_year is not None and int(number_year) <= year:
            fixed = number_year
        else:
            candidates = _one_digit_years(read, year) if number_year is None else []
            if len(candidates) != 1:
                return m.group()
            fixed = str(candidates[0])
        start = m.start("date_year") - m.start()
        return m.group()[:start] + fixed + m.group()[start + len(read) :]

    return [_CITATION.sub(replace, line) for line in lines]
