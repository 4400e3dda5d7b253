"""Tables of tasks: rows "STT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành" become obligations.

Word exports and PDF text layers give a table as one line per row with cells separated by ``|``.
A header row is recognised by its column names (``data/obligations.yaml``: ``table_columns``);
every following row, up to the first line that is not a row, is one obligation.
"""

from __future__ import annotations

import regex

from extractors.dates import parse_date
from extractors.flat_tables import flat_table_obligations
from extractors.lexicon import load_yaml
from extractors.obligation_attributes import read_frequency
from extractors.organizations import expand_abbreviations
from extractors.sections import SectionSpan, ancestors, section_at
from extractors.types import DateMention, Obligation

_COLUMNS = load_yaml("obligations")["table_columns"]
# Checked in this order: "Thời gian hoàn thành" is a deadline column although it says "hoàn thành".
_COLUMN_ORDER = ("deadline", "responsible", "action")
_COLUMN_PATTERNS = {
    role: regex.compile("|".join(f"(?:{p})" for p in _COLUMNS[role]), regex.IGNORECASE)
    for role in _COLUMN_ORDER
}
_END_OF_PERIOD = regex.compile(r"kết\s+thúc|hoàn\s+thành", regex.IGNORECASE)
_ROW = regex.compile(r"^[^\n|]*\|[^\n]*$", regex.MULTILINE)
# What may lie between two rows of one table: a page break, a page number ("- 3 -", "Trang 3").
_PAGE_GAP = regex.compile(r"\s*(?:(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?|Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?)?\s*")
_DATE_IN_CELL = regex.compile(
    r"(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
    r"|(?:tháng|quý)\s+(?:\d{1,2}|IV|I{1,3})\s*(?:/|-|\snăm\s)\s*\d{4}|năm\s+\d{4}",
    regex.IGNORECASE,
)


def table_obligations(
    text: str, sections: list[SectionSpan], deadlines: list[DateMention]
) -> list[Obligation]:
    """One obligation per data row of every task table in ``text``, flattened ones too."""
    obligations: list[Obligation] = []
    columns: dict[str, int] | None = None
    previous_end = -2
    after_header = False
    for row in _ROW.finditer(text):
        if row.start() > previous_end + 1 and not _PAGE_GAP.fullmatch(text, previous_end, row.start()):
            columns = None  # a new table; one cut by a page break goes on with its header's columns
            after_header = False
        previous_end = row.end()
        cells = _cells(row.group(0))
        header = _header_columns(cells)
        if header is not None:
            # a two-level header ("Thời gian" over "Bắt đầu | Kết thúc"): the lower row adds to the upper
            columns = {**columns, **header} if after_header and columns else header
            after_header = True
            continue
        after_header = False
        if columns is not None and "action" in columns:
            obligation = _row_obligation(cells, columns, row.start(), row.end(), sections)
            if obligation is not None:
                obligations.append(obligation)
    return obligations + flat_table_obligations(text, sections)


def _cells(line: str) -> list[str]:
    """A row's cells by position. A Markdown row ("| a | b |") loses its outer bars; a reader's row
    keeps an empty first cell (" | Tuyên truyền ... | Quý II/2025": the number OCR could not read),
    so the columns after it stay in place."""
    line = line.strip()
    if line.startswith("|") and line.endswith("|") and len(line) > 1:
        line = line[1:-1]
    elif line.endswith("|"):
        line = line[:-1]  # a spanning row's one separator: "Công tác tuyên truyền |"
    return [cell.strip() for cell in line.split("|")]


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        for role in _COLUMN_ORDER:
            if len(cell.split()) > 6 or not _COLUMN_PATTERNS[role].search(cell):
                continue
            # "Thời gian bắt đầu | Thời gian kết thúc": the end is the deadline, not the start
            if role not in found or (role == "deadline" and _END_OF_PERIOD.search(cell)):
                found[role] = index
            break
    return found if "action" in found and len(found) >= 2 else None


def _row_obligation(
    cells: list[str], columns: dict[str, int], start: int, end: int, sections: list[SectionSpan]
) -> Obligation | None:
    def cell(role: str) -> str | None:
        index = columns.get(role)
        return cells[index] if index is not None and index < len(cells) and cells[index] else None

    action = cell("action")
    if action is None or len(action.split()) < 2:
        return None
    others = [c for i, c in enumerate(cells) if i not in (0, columns["action"]) and c]
    if not others and not cells[0].isdigit():
        # "II | Công tác cải cách thủ tục hành chính" (its numeral maybe misread by OCR: "là"): the
        # heading of the rows below, not a task
        return None
    timing = cell("deadline") or ""
    date_text = _DATE_IN_CELL.search(timing)
    parsed = parse_date(date_text.group(0)) if date_text else None
    responsible = cell("responsible")
    chain = ancestors(sections, section_at(sections, start))
    return Obligation(
        action=action,
        responsible=expand_abbreviations(responsible) if responsible else None,
        deadline=parsed[0] if parsed else None,
        deadline_precision=parsed[1] if parsed else None,  # type: ignore[arg-type]
        frequency=read_frequency(timing) or read_frequency(action),
        section=sections[chain[-1]].number if chain else None,
        text=" | ".join(cells),
        start=start,
        end=end,
    )
