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
