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
from pipeline.table_rows import row_line

# A table this small is page layout (header, signature block), not data.
_LAYOUT_MAX_COLUMNS = 2
_LAYOUT_MAX_ROWS = 3


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
    """A layout table (the header and the signature block: two columns, a row or three) as the
    lines of each cell in turn, a blank line after each cell, the shape OCR gives a two-column band
    (``pipeline/ocr_layout.py``): "ỦY BAN NHÂN DÂN QUẬN 1 / ỦY BAN NHÂN DÂN / PHƯỜNG BẾN NGHÉ /
    Số: ..." then "CỘNG HÒA ... / Độc lập ... / Bến Nghé, ngày ...". Flattened to one line, a
    cell's lines ran the parent body into the unit and the signer's title into the Nơi nhận list.

    Any other table: one line per row (:func:`pipeline.table_rows.row_line`), empty rows skipped.
    python-docx repeats a horizontally merged cell in every column it spans: the repeats read as
    empty cells, so a header cell spanning two columns keeps the columns after it in place. Nested
    tables are read through ``cell.text`` only.
    """
    columns = len(table.columns)
    rows = list(table.rows)
    if columns <= _LAYOUT_MAX_COLUMNS and len(rows) <= _LAYOUT_MAX_ROWS:
        for row in rows:
            previous = None
            for cell in row.cells:
                if cell._tc is previous:
                    continue
                previous = cell._tc
                lines = [line.strip() for line in cell.text.split("\n") if line.strip()]
                if lines:
                    yield from lines
                    yield ""
        return
    for row in rows:
        cells: list[str | None] = []
        previous = None
        for cell in row.cells:
            cells.append(None if cell._tc is previous else cell.text)
            previous = cell._tc
        line = row_line(cells, columns)
        if line is not None:
            yield line
