"""One text line per table row, the same shape from every reader (DOCX, PDF text layer, Markdown).

A row becomes its cells joined by ``" | "``, each cell's own line breaks flattened to spaces, so the
task-table extractor (``extractors/task_tables.py``) can map cells to columns by position. In a table
of three or more columns an empty cell is kept (``"1 | Tuyên truyền |  | Quý II/2025"``): dropping it
would shift the deadline column into the partner column (a merged cell's repeats are empty cells too,
so a header cell spanning two columns keeps the columns after it in place). Two-column tables are the header and
signature blocks of official documents (issuer | national motto, Nơi nhận | signer); their empty
cells are dropped so the line reads as the text does.
"""

from __future__ import annotations

from collections.abc import Sequence

CELL_SEPARATOR = " | "
MIN_POSITIONAL_COLUMNS = 3


def flatten_cell(text: str | None) -> str:
    """A cell's text on one line: its lines stripped and joined by single spaces."""
    if not text:
        return ""
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def row_line(cells: Sequence[str | None], columns: int) -> str | None:
    """The line for one row of a table with ``columns`` columns; None for a row with no text."""
    flat = [flatten_cell(cell).replace("|", "/") for cell in cells]
    if not any(flat):
        return None
    if columns >= MIN_POSITIONAL_COLUMNS:
        while len(flat) > 2 and not flat[-1]:
            flat.pop()  # trailing empties hold no column in place; a row spanning the table keeps
            # one separator ("Công tác tuyên truyền |") so it still reads as a row of its table
        return CELL_SEPARATOR.join(flat).rstrip()
    return CELL_SEPARATOR.join(cell for cell in flat if cell)


# A table this small is page layout (the header, the signature block), not data.
LAYOUT_MAX_COLUMNS = 2
LAYOUT_MAX_ROWS = 3


def is_layout_table(rows: Sequence[Sequence[str | None]]) -> bool:
    """Two columns at most, three rows at most, and a cell of several lines (the issuer's lines, the
    Nơi nhận list): a small data table of one-line cells ("Nội dung | Thời gian") stays a table."""
    columns = max((len(row) for row in rows), default=0)
    several_lines = any(
        len([x for x in (cell or "").split("\n") if x.strip()]) > 1 for row in rows for cell in row
    )
    return columns <= LAYOUT_MAX_COLUMNS and len(rows) <= LAYOUT_MAX_ROWS and several_lines


def layout_lines(rows: Sequence[Sequence[str | None]]) -> list[str]:
    """A layout table as each cell's lines in turn, a blank line after each cell: the shape OCR gives
    a two-column band (``pipeline/ocr_layout.py``), "ỦY BAN NHÂN DÂN QUẬN 1 / ỦY BAN NHÂN DÂN / PHƯỜNG
    BẾN NGHÉ / Số: ..." then "CỘNG HÒA ... / Bến Nghé, ngày ...". One line per row would run the
    parent body into the unit and the signer's title into the Nơi nhận list."""
    lines: list[str] = []
    for row in rows:
        for cell in row:
            cell_lines = [line.strip() for line in (cell or "").split("\n") if line.strip()]
            if cell_lines:
                lines.extend([*cell_lines, ""])
    return lines
