"""Reader for PDF: the text layer where it is usable, OCR of the page image where it is not.

Vietnamese PDFs come in three kinds: born-digital (good Unicode text layer), scans (no text
layer, or an invisible OCR layer of poor quality), and old documents typed in TCVN3/VNI fonts
whose text layer is mojibake ("KÕ ho¹ch"). The text layer is judged page by page (letters that
are not Vietnamese, ``(cid:NN)`` glyph codes, too few characters), and each unusable page is
rendered at 300 DPI and OCRed; rendering happens inside the OCR worker, one page at a time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from kehoach.config import Limits
from kehoach.errors import CorruptFileError, EncryptedPdfError, ResourceLimitError
from pipeline.table_rows import is_layout_table, layout_lines, row_line

RENDER_DPI = 300
MIN_TEXT_CHARS = 40  # fewer visible characters than this: a scanned page (maybe with a page number)
MAX_FOREIGN_RATIO = 0.08  # more non-Vietnamese letters than this: legacy-font mojibake
PAGES_PER_OPEN = 8  # pages read per pdfium document before it is reopened (it caches image streams)

_VIETNAMESE_LETTERS = frozenset(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
_CID_GLYPH = re.compile(r"\(cid:\d+\)")  # pdfminer's rendering of a glyph it cannot map to Unicode
_PAGE_NUMBER_LINE = re.compile(
    r"""^\s*(?:
        [-–—]?\s*\d{1,4}\s*[-–—]?            # "3", "- 3 -"
      | (?:Trang|trang|Page)\s+\d{1,4}(?:\s*/\s*\d{1,4})?   # "Trang 3", "Trang 3/10"
      | \d{1,4}\s*/\s*\d{1,4}                # "3/10"
    )\s*$""",
    re.VERBOSE,
)


@dataclass(slots=True)
class PdfPageText:
    index: int  # 0-based
    text: str | None  # None: the text layer is not usable, the page needs OCR


def text_layer_is_usable(text: str) -> bool:
    """True when a page's extracted text is real Vietnamese/Latin text worth keeping."""
    if _CID_GLYPH.search(text) and len(_CID_GLYPH.findall(text)) * 8 > len(text) * 0.1:
        return False
    letters = [ch for ch in text.lower() if ch.isalpha()]
    if len(letters) < MIN_TEXT_CHARS:
        return False
    foreign = sum(1 for ch in letters if ch not in _VIETNAMESE_LETTERS)
    return foreign / len(letters) <= MAX_FOREIGN_RATIO


def lacks_diacritics(text: str) -> bool:
    """True for a long text with (almost) no Vietnamese accented letters.

    Over a third of Vietnamese syllables carry a mark, so a page of "UY BAN NHAN DAN" is either not
    Vietnamese or an earlier OCR with an English model; over a page-sized scan it is re-OCRed.
    """
    letters = [ch for ch in text.lower() if ch.isalpha()]
    accented = sum(1 for ch in letters if not ch.isascii())
    return len(letters) >= 200 and accented < 0.02 * len(letters)


def _image_covers_page(page) -> bool:  # page: pdfplumber.page.Page
    """True when one image covers most of the page: a scan, whatever text layer lies over it."""
    page_area = float(page.width * page.height) or 1.0
    for image in page.images:
        area = abs(float(image["x1"]) - float(image["x0"])) * abs(
            float(image["bottom"]) - float(image["top"])
        )
        if area >= 0.5 * page_area:
            return True
    return False


def strip_page_numbers(text: str) -> str:
    """Drop a page-number line at the very top or bottom of a page (furniture, not content)."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and _PAGE_NUMBER_LINE.match(lines[0]):
        lines.pop(0)
    if lines and _PAGE_NUMBER_LINE.match(lines[-1]):
        lines.pop()
    return "\n".join(lines)


def _open_pdfium(path: Path, password: str | None):  # -> pypdfium2.PdfDocument
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(str(path), password=password)
    except pypdfium2.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            reason = "wrong password given" if password else "no password given"
            raise EncryptedPdfError(f"encrypted PDF ({reason})") from exc
        detail = re.search(r"\(PDFium: ([^)]*)\)", message)
        raise CorruptFileError(f"not a readable PDF ({detail.group(1) if detail else message})") from exc


def check_pdf_limits(path: Path, password: str | None, limits: Limits) -> int:
    """Open the PDF once with pdfium to classify errors and enforce limits; return the page count."""
    document = _open_pdfium(path, password)
    try:
        page_count = len(document)
        if page_count == 0:
            raise CorruptFileError("PDF has no pages")
        if page_count > limits.max_pages:
            raise ResourceLimitError(f"PDF has {page_count} pages, over the limit of {limits.max_pages}")
        for index in range(page_count):
            width_pt, height_pt = document.get_page_size(index)
            pixels = (width_pt / 72 * RENDER_DPI) * (height_pt / 72 * RENDER_DPI)
            if pixels > limits.max_pixels:
                raise ResourceLimitError(
                    f"PDF page {index + 1} is {width_pt / 72:.0f}x{height_pt / 72:.0f} inches, "
                    f"over the {limits.max_pixels} pixel limit at {RENDER_DPI} DPI"
                )
        return page_count
    finally:
        document.close()


def extract_text_layer(path: Path, password: str | None) -> list[PdfPageText]:
    """Per page: the NFC text layer if usable, else None (pdfplumber may give decomposed marks).

    pdfplumber keeps reading order best; where pdfminer chokes on a file that pdfium opened (it is
    stricter about damaged cross-reference tables), pdfium's own text extraction is used instead.
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    counts = _char_counts(path, password)
    if not any(counts):  # a scan: no page to read with pdfplumber, whose parser keeps image streams
        return [PdfPageText(index, None) for index in range(len(counts))]
    pages: list[PdfPageText] = []
    try:
        with pdfplumber.open(str(path), password=password or "") as pdf:
            for index, page in enumerate(pdf.pages):
                text = unicodedata.normalize("NFC", page_text(page))
                usable = text_layer_is_usable(text) and not (
                    lacks_diacritics(text) and _image_covers_page(page)
                )
                page.flush_cache()  # pdfplumber keeps every parsed object otherwise
                pages.append(PdfPageText(index, text if usable else None))
    except PDFPasswordIncorrect as exc:
        raise EncryptedPdfError("encrypted PDF (password not accepted)") from exc
    except Exception:  # pdfminer raises many ad-hoc types on damaged files
        return _pdfium_text_layer(path, password)
    return pages


def page_text(page) -> str:  # page: pdfplumber.page.Page
    """The page's text, each ruled table one line per row (:mod:`pipeline.table_rows`).

    Plain ``extract_text`` reads a table line by line across its columns, so a task table whose
    cells wrap interleaves them ("Tuyên truyền, phổ biến nội Văn phòng Ủy Ủy ban Mặt trận Trước
    ngày"). A page with ruled lines is searched for tables; their cells are read whole and the
    rows put back among the page's other lines at their height.
    """
    tables = _ruled_tables(page) if (page.lines or page.rects) else []
    if not tables:
        return page.extract_text() or ""
    boxes = [table.bbox for table in tables]

    def outside_tables(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    blocks: list[tuple[float, list[str]]] = [
        (line["top"], [line["text"]]) for line in page.filter(outside_tables).extract_text_lines()
    ]
    for table, (_, top, _, _) in zip(tables, boxes, strict=True):
        rows = _rows_with_merged_cells_repeated(table)
        columns = max(len(row) for row in rows)
        if is_layout_table(rows):
            lines = layout_lines(rows)  # a ruled header or signature table
        else:
            lines = [line for row in rows if (line := row_line(row, columns)) is not None]
        blocks.append((top, lines))
    blocks.sort(key=lambda block: block[0])
    return "\n".join(line for _, lines in blocks for line in lines)


def _rows_with_merged_cells_repeated(table) -> list[list[str | None]]:  # table: pdfplumber.table.Table
    """The table's cell texts by row; a cell merged down over several rows ("Đơn vị chủ trì" shared by
    three tasks) gives its text to each row it spans, as python-docx does for Word tables. A cell
    merged across columns (a group heading) leaves the columns it covers empty."""
    rows = table.extract()
    boxes = [row.cells for row in table.rows]
    for r, row in enumerate(rows):
        tops = [box[1] for box in boxes[r] if box is not None]
        if not tops:
            continue
        row_top = min(tops)
        for c, value in enumerate(row):
            if value is not None or boxes[r][c] is not None:
                continue
            for above in range(r - 1, -1, -1):
                box = boxes[above][c] if c < len(boxes[above]) else None
                if box is not None:
                    if box[3] > row_top + 1:  # its bottom lies below this row's top: merged down
                        row[c] = rows[above][c]
                    break
    return rows


def _ruled_tables(page) -> list:  # -> list[pdfplumber.table.Table]
    """Tables of at least two rows and two columns drawn with ruling lines (text-aligned guesses
    are not tried: a plan's indented paragraphs would read as columns)."""
    found = []
    for table in page.find_tables():
        rows = table.extract()
        if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
            found.append(table)
    return found


def _pdfium_pages(path: Path, password: str | None) -> Iterator[tuple[int, Any]]:
    """Every page of the PDF in turn, as ``(index, pypdfium2.PdfPage)``; the caller closes nothing.

    Loading a page makes pdfium read its image streams, and the *document* keeps them until it is
    closed, whatever happens to the page: over a 200-page scan that was the whole file (175 MB) in
    the parent process. The document is therefore reopened every :data:`PAGES_PER_OPEN` pages.
    """
    start, page_count = 0, None
    while page_count is None or start < page_count:
        document = _open_pdfium(path, password)
        try:
            page_count = len(document)
            stop = min(start + PAGES_PER_OPEN, page_count)
            for index in range(start, stop):
                page = document[index]
                try:
                    yield index, page
                finally:
                    page.close()
            start = stop
        finally:
            document.close()


def _char_counts(path: Path, password: str | None) -> list[int]:
    """Characters in each page's text layer, counted by pdfium (cheap, streamed page by page)."""
    counts: list[int] = []
    for _, page in _pdfium_pages(path, password):
        text_page = page.get_textpage()
        counts.append(text_page.count_chars())
        text_page.close()
    return counts


def _pdfium_text_layer(path: Path, password: str | None) -> list[PdfPageText]:
    pages: list[PdfPageText] = []
    for index, page in _pdfium_pages(path, password):
        text_page = page.get_textpage()
        raw = text_page.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
        text_page.close()
        text = unicodedata.normalize("NFC", raw)
        pages.append(PdfPageText(index, text if text_layer_is_usable(text) else None))
    return pages


def render_pdf_page(path: Path, index: int, password: str | None) -> tuple[Image.Image, float | None]:
    """Render one page at 300 DPI (runs in an OCR worker: opens the PDF itself)."""
    document = _open_pdfium(path, password)
    try:
        page = document[index]
        image = page.render(scale=RENDER_DPI / 72).to_pil()
        page.close()
        return image, float(RENDER_DPI)
    finally:
        document.close()
