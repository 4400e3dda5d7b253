"""Tables of tasks: rows "STT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành" become obligations.

Word exports and PDF text layers give a table as one line per row with cells separated by ``|``.
A header row is recognised by its column names (``data/obligations.yaml``: ``table_columns``);
every following row, up to the first line that is not a row, is one obligation.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import regex

from extractors.dates import parse_date
from extractors.flat_tables import flat_table_obligations, lists_several_owners
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
_HEADER_WORD = regex.compile(r"\w{2,}")
_HEADER_MAX_WORDS = 6
_HEADER_LIKENESS = 0.6  # a repeated header's cell read by OCR is at least this like the header's
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
    return [row for row, _ in table_rows_with_groups(text, sections)]


def table_rows_with_groups(text: str, sections: list[SectionSpan]) -> list[tuple[Obligation, str | None]]:
    """:func:`table_obligations`, each row with the title of the group row above it in its table, if any.

    "I | Công khai, minh bạch | | | |" heads the rows below it: the group a plan files its tasks under (a PAPI
    dimension, a field of work), read by the caller for the rows' indicator.
    """
    rows: list[tuple[Obligation, str | None]] = []
    for table in _row_blocks(text):
        rows.extend(_table_obligations(table, sections))
    return rows + [(row, None) for row in flat_table_obligations(text, sections)]


def _row_blocks(text: str) -> list[list[tuple[regex.Match[str], list[str]]]]:
    """The rows of each table in ``text`` with their cells; a table cut by a page break (and a page
    number) is one block, so its later pages keep the header's columns."""
    blocks: list[list[tuple[regex.Match[str], list[str]]]] = []
    previous_end = -2
    for row in _ROW.finditer(text):
        if not blocks or (
            row.start() > previous_end + 1 and not _PAGE_GAP.fullmatch(text, previous_end, row.start())
        ):
            blocks.append([])
        blocks[-1].append((row, _cells(row.group(0))))
        previous_end = row.end()
    return blocks


def _table_obligations(
    table: list[tuple[regex.Match[str], list[str]]], sections: list[SectionSpan]
) -> list[tuple[Obligation, str | None]]:
    obligations: list[tuple[Obligation, str | None]] = []
    columns: dict[str, int] | None = None
    header_cells: list[str] = []
    after_header = False
    group: str | None = None
    for row, cells in table:
        header = _header_columns(cells)
        if header is not None:
            # a two-level header ("Thời gian" over "Bắt đầu | Kết thúc"): the lower row adds to the upper
            columns = {**columns, **header} if after_header and columns else header
            if "deadline" not in columns and (dated := _dated_column(table, columns)) is not None:
                columns["deadline"] = dated  # a header cell OCR garbled: the column its dates are in
            header_cells, after_header = cells, True
            continue
        after_header = False
        if columns is None or "action" not in columns or _repeats_header(cells, header_cells):
            continue  # a header repeated on a later page, read badly by OCR ("Nội ^s dung | ...")
        obligation = _row_obligation(cells, columns, row.start(), row.end(), sections)
        if obligation is not None:
            obligations.append((obligation, group))
        elif _is_group_row(cells, columns):
            group = cells[columns["action"]]
    return obligations


def _is_group_row(cells: list[str], columns: dict[str, int]) -> bool:
    """ "I | Công khai, minh bạch | | |": a title in the task column and nothing else but its numeral."""
    index = columns["action"]
    return (
        index < len(cells)
        and len(cells[index].split()) >= 2
        and not any(c for i, c in enumerate(cells) if i not in (0, index))
    )


def _dated_column(table: list[tuple[regex.Match[str], list[str]]], columns: dict[str, int]) -> int | None:
    """The column, no other role's, where most rows with a date in it have one: a deadline column."""
    taken = set(columns.values())
    counts: dict[int, int] = {}
    for _, cells in table:
        for index, cell in enumerate(cells):
            if index not in taken and _DATE_IN_CELL.search(cell):
                counts[index] = counts.get(index, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda index: counts[index])
    return best if counts[best] * 2 >= len(table) - 1 else None


def _repeats_header(cells: list[str], header_cells: list[str]) -> bool:
    """Whether a row is the header again, however garbled: half its filled cells or more look like the header's."""
    pairs = [(a, b) for a, b in zip(cells, header_cells, strict=False) if a and b and not a.isdigit()]
    if len(pairs) < 2:
        return False
    alike = sum(
        SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= _HEADER_LIKENESS for a, b in pairs
    )
    return alike * 2 >= len(pairs)


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
    """Column roles from a header row, or None when the row is no header.

    A cell's role is the one whose name comes first in it ("Nội dung thực hiện" is the task, "Đơn vị
    thực hiện" the unit, "Thời gian thực hiện" the time); words of a single letter (OCR specks: "ằ 2 :
    Nhiệm vụ, giải pháp") do not count against a header cell's length.
    """
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        if len(_HEADER_WORD.findall(cell)) > _HEADER_MAX_WORDS:
            continue
        matches = [
            (m.start(), order, role)
            for order, role in enumerate(_COLUMN_ORDER)
            if (m := _COLUMN_PATTERNS[role].search(cell))
        ]
        if not matches:
            continue
        role = min(matches)[2]
        # "Thời gian bắt đầu | Thời gian kết thúc": the end is the deadline, not the start
        if role not in found or (role == "deadline" and _END_OF_PERIOD.search(cell)):
            found[role] = index
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
    if not any(c for i, c in enumerate(cells) if i not in (0, columns["action"])):
        # "II | Công tác cải cách thủ tục hành chính" (its numeral maybe misread by OCR: "là", "1"):
        # a row with nothing but its title is the heading of the rows below, not a task
        return None
    timing = cell("deadline") or ""
    date_text = _DATE_IN_CELL.search(timing)
    parsed = parse_date(date_text.group(0)) if date_text else None
    responsible = cell("responsible")
    if responsible and lists_several_owners(responsible):
        responsible = None  # "Các Cục: Di sản văn hóa, ...", "A; B": no one owner (as flat tables)
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
