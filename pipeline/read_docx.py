"""Reader for Word documents (DOCX).

Vietnamese administrative documents put the header (issuer | national motto), the number/date
line and the signature block ("Nơi nhận" | signer) in borderless tables. Reading paragraphs only
would lose exactly the fields extraction needs, so paragraphs and tables are read in body order,
a table row becoming one line with its cells joined by `` | `` (the Markdown reader gives the same).
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Iterator
from io import BytesIO

from kehoach.errors import CorruptFileError
from pipeline.table_rows import is_layout_table, layout_lines, row_line


def read_docx_bytes(data: bytes) -> str:
    """The text of a DOCX file, body order, NFC. Raises CorruptFileError if it is not a DOCX."""
    document = _open_docx(data)
    lines = list(_body_lines(document))
    return unicodedata.normalize("NFC", "\n".join(lines)).strip("\n")


def _open_docx(data: bytes):  # -> docx.document.Document (python-docx has no public type for it)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise CorruptFileError(f"not a DOCX: not a valid zip archive ({exc})") from exc
    if "word/document.xml" not in names:
        raise CorruptFileError("not a DOCX: the zip archive has no word/document.xml")
    try:
        return docx.Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CorruptFileError(f"broken DOCX package: {exc}") from exc
    except Exception as exc:  # lxml XMLSyntaxError and friends: damaged XML parts
        raise CorruptFileError(f"broken DOCX content: {type(exc).__name__}: {exc}") from exc


def _body_lines(document) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(element, document).text
        elif tag == "tbl":
            yield from _table_lines(Table(element, document))


def _table_lines(table) -> Iterator[str]:
    """A layout table (header, signature block) as its cells' lines in turn
    (:func:`pipeline.table_rows.layout_lines`); any other table one line per row
    (:func:`pipeline.table_rows.row_line`), empty rows skipped.

    python-docx repeats a horizontally merged cell in every column it spans: the repeats read as
    empty cells, so a header cell spanning two columns keeps the columns after it in place. Nested
    tables are read through ``cell.text`` only.
    """
    columns = len(table.columns)
    rows: list[list[str | None]] = []
    for row in table.rows:
        cells: list[str | None] = []
        previous = None
        for cell in row.cells:
            cells.append(None if cell._tc is previous else cell.text)
            previous = cell._tc
        rows.append(cells)
    if is_layout_table(rows):
        yield from layout_lines(rows)
        return
    for cells in rows:
        line = row_line(cells, columns)
        if line is not None:
            yield line
