"""Task tables flattened to one cell per line: rows "1 / task / unit / Tháng 12/2025" become obligations.

Web copies of annexes (thuvienphapluat.vn, the corpus) lose the table grid: the header row becomes one
line per column name under an ``STT`` or ``TT`` line, and every row a line with its number followed by
one line per cell, *empty cells dropped*. So a row may have fewer cells than the table has columns,
and which column a cell belongs to is then a guess. The guess made here is the one that holds for
the corpus tables: the task is the first cell; a short cell that is only a date ("Tháng 12/2025",
"01/01/2026", "Quý IV/2025") is the deadline column's; the cells between them fill the columns
between from the left (trailing columns such as "Cơ quan phối hợp" are the ones left empty). A
unit is kept as ``responsible`` only when its cell names one body: "Các Cục: …", "A; B" and a
sentence in the wrong column are not an owner.

Group rows ("I" / "HOÀN THIỆN THỂ CHẾ", "A." / ...) restart the numbering and are skipped; rows may be
numbered by group ("1.1", "2.3" under "II", "5.1.1" under a sub-group row "5.1 / Thương mại", which is
no task), and a long annex repeats its header under a group row (skipped). A first cell that is only a
unit's name is the unit moved up into an empty task cell: no task. A "Thời gian thực hiện" column is a
period: a year or a span of years there is no due date (heldout12), a month or a day still is. A line of
dots alone ("….....", "...") is the copy's mark of rows left out: it is no cell, and the numbering
may go on at any number after it (980/KH-UBND Nghệ An: row 8, "….....", then rows "2", "3" of a
section whose heading was cut). A deadline cell that states a recurrence and no year ("Tháng 12
hằng năm", "Hằng năm.") gives the row its frequency and no date.
Column names are data (``data/obligations.yaml``: ``table_columns``, ``table_number_columns``,
``table_column_exclusions``). :func:`flat_table_spans` tells :mod:`extractors.reflow` where not to
join lines (each line is a cell), :func:`deadline_cell_spans` tells :mod:`extractors.compose` which
dates are due dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from extractors.dates import parse_date
from extractors.lexicon import load_yaml
from extractors.obligation_attributes import read_frequency
from extractors.organizations import expand_abbreviations, organization_at
from extractors.sections import SectionSpan, ancestors, section_at
from extractors.types import DateMention, Obligation

_DATA = load_yaml("obligations")
_FLAGS = regex.IGNORECASE | regex.VERSION0


def _any_of(patterns: list[str]) -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\w)(?:{'|'.join(f'(?:{p})' for p in patterns)})(?!\w)", _FLAGS)


# "STT" / "TT" / "Số TT" alone on its line opens a flattened header.
_NUMBER_COLUMN = regex.compile(
    rf"^\s*(?:{'|'.join(_DATA['table_number_columns'])})\s*$", regex.MULTILINE | regex.IGNORECASE
)
# Roles in the order they are tried on one header cell: "Thời gian thực hiện" is a period column (its
# years are no due dates), "Thời gian hoàn thành" a deadline column although it says "hoàn thành";
# "Nội dung thực hiện" is the task, "Kết quả thực hiện" nobody's.
_ROLE_ORDER = ("period", "deadline", "action", "responsible")
_TIMING_ROLES = ("period", "deadline")
_ROLE_PATTERNS = {role: _any_of(_DATA["table_columns"][role]) for role in _ROLE_ORDER}
_NOT_A_ROLE = _any_of(_DATA["table_column_exclusions"])
_HEADER_CELL_MAX_WORDS = 8
_MIN_HEADER_COLUMNS = 3
_MAX_LINES_BEFORE_FIRST_ROW = 3
# "1", "2." and the labels of a table numbered by group: "1.1", "2.3" under "II", "5.1.2" under "5.1".
_ROW_NUMBER = regex.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,3}){0,3})\.?$")
_GROUP_MARKER = regex.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])\.?$")  # "I", "II.", "A."
_DATE_CELL_MAX_WORDS = 6
# Lines between a full row and the next row number that are skipped ("Xây dựng hạ tầng kỹ thuật dự phòng
# ..." after the six cells of row II.1 of 2820/QĐ-UBND HCM, then row "2"); more end the table.
_MAX_STRAY_LINES = 2
# A copy's elision of rows: a line of dots or ellipses only ("….....", "...", "…").
_ELISION = regex.compile(r"^(?:…|\.{3})[.…\s]*$")
# A task cell left empty (merged in the source) lets the next cell, "Nghị quyết số 71/NQ-CP", move up.
_CITATION_ONLY = regex.compile(r"^\S+(?:\s+\S+)?\s+số\s+\S+$")
_HAS_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_PLURAL_OR_LIST = regex.compile(r"^(?:các|những|cơ quan, đơn vị)\b|;|\n", regex.IGNORECASE)
_UNIT_MAX_WORDS = 16
# Lines that end a table: the signature block or the next annex.
_TABLE_END = regex.compile(r"^(?:Nơi\s+nhận|PHỤ\s+LỤC|KT\.|TM\.|Q\.)", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FlatRow:
    """One data row of a flattened table: its cells by role (None where the guess found none)."""

    action: _Cell
    responsible: _Cell | None
    deadline: _Cell | None
    cells: tuple[_Cell, ...]
    frequency: str | None = None  # from a recurring deadline cell ("Tháng 12 hằng năm")

    @property
    def start(self) -> int:
        return self.cells[0].start

    @property
    def end(self) -> int:
        return self.cells[-1].end


@dataclass(frozen=True, slots=True)
class _Table:
    start: int
    end: int
    rows: tuple[FlatRow, ...]


def flat_table_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every flattened table, header included: lines there are cells, never wrapped text."""
    return [(table.start, table.end) for table in _tables(text)]


def deadline_cell_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every deadline cell of the flattened tables of ``text``."""
    return [
        (row.deadline.start, row.deadline.end)
        for table in _tables(text)
        for row in table.rows
        if row.deadline is not None
    ]


def flat_table_obligations(text: str, sections: list[SectionSpan]) -> list[Obligation]:
    """One obligation per data row of every flattened task table of ``text``."""
    obligations = []
    for table in _tables(text):
        for row in table.rows:
            parsed = parse_date(row.deadline.text) if row.deadline else None
            chain = ancestors(sections, section_at(sections, row.start))
            obligations.append(
                Obligation(
                    action=row.action.text,
                    responsible=expand_abbreviations(row.responsible.text) if row.responsible else None,
                    deadline=parsed[0] if parsed else None,
                    deadline_precision=parsed[1] if parsed else None,  # type: ignore[arg-type]
                    frequency=read_frequency(row.action.text) or row.frequency,  # type: ignore[arg-type]
                    section=sections[chain[-1]].number if chain else None,
                    text=" | ".join(cell.text for cell in row.cells),
                    start=row.start,
                    end=row.end,
                )
            )
    return obligations


@lru_cache(maxsize=8)
def _tables(text: str) -> tuple[_Table, ...]:
    # Cached: reflow, the dates and the obligations all ask for the tables of the same text.
    if _NUMBER_COLUMN.search(text) is None:
        return ()
    lines = _lines(text)
    tables = []
    index = 0
    while index < len(lines):
        if _NUMBER_COLUMN.match(lines[index].text):
            table, index = _read_table(lines, index)
            if table is not None:
                tables.append(table)
        else:
            index += 1
    return tuple(tables)


def _lines(text: str) -> list[_Cell]:
    cells = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + raw.index(stripped)
            cells.append(_Cell(stripped, start, start + len(stripped)))
        position += len(raw) + 1
    return cells


def _read_table(lines: list[_Cell], index: int) -> tuple[_Table | None, int]:
    """The table whose number column is ``lines[index]``, and the index of the line after it."""
    header_start = lines[index].start
    roles: list[str | None] = []
    index += 1
    while index < len(lines) and _is_header_cell(lines[index].text):
        roles.append(_role(lines[index].text))
        index += 1
    if len(roles) < _MIN_HEADER_COLUMNS or "action" not in roles:
        return None, index
    rows: list[FlatRow] = []
    previous: tuple[int, ...] = (0,)  # the last row's label: "1" is (1,), "5.1.2" is (5, 1, 2)
    skipped = 0  # lines skipped before the first row: a group title, not the rest of the document
    after_gap = False  # rows left out by the copy ("….....") just before: any number goes on
    end = lines[index - 1].end
    while index < len(lines):
        line = lines[index].text
        number = _ROW_NUMBER.match(line)
        if rows and _ELISION.match(line):
            after_gap = True
            index += 1
            continue
        label = _label(number["n"]) if number else None
        if label is not None and (_follows(previous, label) or label[-1] == 1 or after_gap):
            after_gap = False
            cells, index = _row_cells(lines, index + 1, len(roles))
            previous = label
            if cells:
                end = cells[-1].end
                row = None if _opens_sub_rows(lines, index, label) else _aligned_row(cells, roles)
                if row is not None:
                    rows.append(row)
            continue
        if _TABLE_END.match(line) or skipped >= _MAX_LINES_BEFORE_FIRST_ROW and not rows:
            break
        repeated = _repeated_header(lines, index, roles)
        if repeated:
            index += repeated  # the header again under a group row (one per part of a long annex)
            continue
        if rows and not _GROUP_MARKER.match(line) and not _follows_group(lines, index):
            stray = _lines_to_next_row(lines, index, previous)
            if stray is None:
                break
            index += stray  # a cell the copy split off a full row (a merged sub-row): no row of its own
            continue
        if not _GROUP_MARKER.match(line):
            skipped += 1  # "A" / "I" are marks; their titles count
        index += 1  # a group row ("I", its title): numbering restarts after it
    return _Table(header_start, end, tuple(rows)), index


def _lines_to_next_row(lines: list[_Cell], index: int, previous: tuple[int, ...]) -> int | None:
    """How many lines from ``lines[index]`` to the next row when the row after ``previous`` is close below."""
    for ahead in range(1, _MAX_STRAY_LINES + 1):
        if index + ahead >= len(lines):
            return None
        number = _ROW_NUMBER.match(lines[index + ahead].text)
        if number and _follows(previous, _label(number["n"])):
            return ahead
    return None


def _label(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _follows(previous: tuple[int, ...], label: tuple[int, ...]) -> bool:
    """Whether ``label`` comes right after ``previous``: 3 after 2, 2.4 after 2.3, 5.2 after 5.1.8, 3 after 2.9."""
    depth = len(label)
    return (
        depth <= len(previous)
        and label[:-1] == previous[: depth - 1]
        and label[-1] == previous[depth - 1] + 1
    )


def _opens_sub_rows(lines: list[_Cell], index: int, label: tuple[int, ...]) -> bool:
    """Whether the row labelled ``label`` is a group's title: its first sub-row ("5.1.1" after "5.1") follows."""
    number = _ROW_NUMBER.match(lines[index].text) if index < len(lines) else None
    return number is not None and _label(number["n"]) == (*label, 1)


def _repeated_header(lines: list[_Cell], index: int, roles: list[str | None]) -> int:
    """How many lines from ``lines[index]`` repeat the table's header (its number column optional); 0 if none."""
    start = index + 1 if _NUMBER_COLUMN.match(lines[index].text) else index
    cells = lines[start : start + len(roles)]
    if len(cells) < len(roles) or not all(_is_header_cell(cell.text) for cell in cells):
        return 0
    return start - index + len(roles) if [_role(cell.text) for cell in cells] == roles else 0


def _follows_group(lines: list[_Cell], index: int) -> bool:
    """True for the title line of a group row: right after "I" / "A." (or a title before the first row)."""
    return index > 0 and bool(_GROUP_MARKER.match(lines[index - 1].text))


def _row_cells(lines: list[_Cell], index: int, columns: int) -> tuple[list[_Cell], int]:
    """The cells of the row that starts at ``lines[index]``: up to the next row number or group row."""
    cells: list[_Cell] = []
    while index < len(lines) and len(cells) < columns:
        line = lines[index].text
        if (
            _ROW_NUMBER.match(line)
            or _GROUP_MARKER.match(line)
            or _TABLE_END.match(line)
            or _ELISION.match(line)
            or _NUMBER_COLUMN.match(line)  # the header again ("TT" / "Bộ phận" / …): not this row's cell
        ):
            break
        cells.append(lines[index])
        index += 1
    return cells, index


def _is_header_cell(line: str) -> bool:
    return (
        len(line.split()) <= _HEADER_CELL_MAX_WORDS
        and not any(c.isdigit() for c in line)
        and not line.endswith((".", ";", ":"))
        and _GROUP_MARKER.match(line) is None
    )


def _role(cell: str) -> str | None:
    if _NOT_A_ROLE.search(cell):
        return None
    return next((role for role in _ROLE_ORDER if _ROLE_PATTERNS[role].search(cell)), None)


def _aligned_row(cells: list[_Cell], roles: list[str | None]) -> FlatRow | None:
    """The row's cells by role: positional when every cell is there, else the guess of the module doc."""
    by_role: dict[str, _Cell] = {}
    if len(cells) == len(roles):
        by_role = {role: cell for role, cell in zip(roles, cells, strict=True) if role is not None}
    elif roles[0] == "action":
        date_at = next((i for i in range(1, len(cells)) if _is_timing_cell(cells[i].text)), None)
        timing_column = next((i for i, role in enumerate(roles) if role in _TIMING_ROLES), len(roles))
        middle = cells[1:date_at] if date_at is not None else cells[1:]
        by_role = {"action": cells[0]}
        for role, cell in zip(roles[1:timing_column], middle, strict=False):
            if role is not None:
                by_role.setdefault(role, cell)
        if date_at is not None:
            by_role["period" if "period" in roles else "deadline"] = cells[date_at]
    action = by_role.get("action")
    if action is None or len(action.text.split()) < 2 or _CITATION_ONLY.match(action.text):
        return None
    if _names_one_unit(action.text):
        return None  # the task cell left empty: the unit moved up ("Sở Khoa học và Công nghệ" / "2025")
    deadline = by_role.get("deadline") or by_role.get("period")
    responsible = by_role.get("responsible")
    recurring = deadline is not None and _is_recurring_cell(deadline.text)
    # "2026 - 2030", "2026" under "Thời gian thực hiện" say when the work runs, not when it is due
    period_only = deadline is by_role.get("period") and deadline is not None and _is_year_cell(deadline.text)
    due = deadline is not None and not recurring and not period_only and _is_date_cell(deadline.text)
    return FlatRow(
        action=action,
        responsible=responsible if responsible and _names_one_unit(responsible.text) else None,
        deadline=deadline if due else None,
        cells=tuple(cells),
        frequency=read_frequency(deadline.text) if recurring and deadline else None,
    )


def _is_year_cell(cell: str) -> bool:
    """ "2026", "Năm 2025", "2026 - 2030": a year or a span of years, no month, quarter or day."""
    parsed = parse_date(cell)
    return parsed is not None and parsed[1] == "year"


def _is_timing_cell(cell: str) -> bool:
    """A deadline column's cell: a date ("Quý IV/2026"), or a recurrence without a year ("Hằng năm.")."""
    return _is_date_cell(cell) or _is_recurring_cell(cell)


def _is_recurring_cell(cell: str) -> bool:
    """ "Tháng 12 hằng năm", "Hằng năm.", "Định kỳ hằng quý": when a row recurs; it has no date."""
    return (
        len(cell.split()) <= _DATE_CELL_MAX_WORDS
        and _HAS_YEAR.search(cell) is None
        and read_frequency(cell) is not None
    )


def _is_date_cell(cell: str) -> bool:
    return (
        len(cell.split()) <= _DATE_CELL_MAX_WORDS
        and _HAS_YEAR.search(cell) is not None
        and parse_date(cell) is not None
    )


def lists_several_owners(cell: str) -> bool:
    """True for a unit cell that names several bodies or a kind ("Các Cục: …", "A; B") or is a sentence:
    no one owner of the row."""
    return bool(_PLURAL_OR_LIST.search(cell)) or len(cell.split()) > _UNIT_MAX_WORDS


def _names_one_unit(cell: str) -> bool:
    """True when the cell is one body's name ("Cục Du lịch Quốc gia Việt Nam"), not a list or a sentence."""
    if lists_several_owners(cell):
        return False
    expanded = expand_abbreviations(cell).rstrip(" .")
    unit = organization_at(expanded, 0)
    return unit is not None and unit.start == 0 and unit.end >= len(expanded) - 1


def mark_table_deadlines(text: str, dates: list[DateMention]) -> list[DateMention]:
    """``dates`` with the date of every deadline cell of a flattened table as a ``deadline``.

    A cell "Tháng 12/2025" under "Thời hạn hoàn thành" has no cue word before it ("trước", "hạn"):
    the column is its cue. A cell the date reader cannot see alone ("Năm 2025", "2026") is added.
    """
    cells = deadline_cell_spans(text)
    if not cells:
        return dates
    marked = list(dates)
    for start, end in cells:
        inside = [i for i, d in enumerate(marked) if start <= d.start and d.end <= end]
        for i in inside:
            if marked[i].role == "event":
                marked[i].role = "deadline"
        parsed = parse_date(text[start:end])
        if not inside and parsed is not None:
            marked.append(DateMention(parsed[0], parsed[1], text[start:end], "deadline", start, end))  # type: ignore[arg-type]
    return sorted(marked, key=lambda d: d.start)
