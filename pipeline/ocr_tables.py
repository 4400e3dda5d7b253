"""Ruled tables on scanned pages: one text line per row, cells joined by ``" | "``.

Plans list their tasks in ruled tables ("STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối
hợp | Thời gian hoàn thành") whose cells wrap over several lines. Tesseract reads such a table as a
jumble of blocks, cell fragments of one row interleaved with the next. The text readers give a
table as one line per row (:func:`pipeline.table_rows.row_line`), which the task-table extractor
maps to columns by position; this module gives scans the same shape:

1. :func:`find_tables` finds the grid on the cleaned page: horizontal and vertical rules by
   morphological opening of the binarised page with long thin kernels (gaps of broken or faded
   rules closed again), the page's residual skew from the rules' slope, and a table wherever rules
   cross into at least two rows and two columns. Row and column boundaries come from the rules (the
   extent of the crossing rules stands in for a missing outer border); per row, only the column
   boundaries that a vertical rule really marks there divide it, so a group heading spanning the
   columns ("I | Công tác chỉ đạo, điều hành") is one cell. Likewise, per column, only the row
   boundaries that a horizontal rule really marks there close a cell: a cell merged down over
   several rows (one "Đơn vị chủ trì" for three tasks) has no rule inside it. A lone rule (the
   underline under "Độc lập - Tự do - Hạnh phúc") or a framed paragraph is no table.
2. :func:`erase_rules` whitens the table's rules before Tesseract reads the page: a vertical rule is
   otherwise read as "|", "I" or "l" glued to the cell's words, and lines of text on either side of
   it as one line.
3. :func:`assemble_with_tables` puts Tesseract's words whose centre lies in a table into their cell
   (ordered line by line, then left to right) and each row through :func:`row_line`; a cell merged
   down gathers the words of its whole height and gives its text to each row it spans, as the text
   readers do (``read_pdf._rows_with_merged_cells_repeated``, python-docx); the words
   outside go through :func:`pipeline.ocr_layout.assemble_text` as before, and the table rows are
   inserted among those lines at their height, a blank line before and after each table.

A page without a ruled table is not touched at all (``ocr.py`` runs the unchanged path).
"""

from __future__ import annotations

import re
import tempfile
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps

from kehoach.errors import OcrError
from pipeline.ocr_engine import run_tesseract
from pipeline.ocr_layout import OcrLine, OcrWord, assemble_text
from pipeline.table_rows import row_line

cv2.setNumThreads(1)  # pages are read in parallel processes (see pipeline.image_cleanup)

# Lengths in inches, converted with the page's resolution (guessed from its short side, A4).
A4_SHORT_SIDE_INCHES = 8.27
INK_BELOW = 200  # grey level under which a pixel is ink (the page is background-normalised: paper ~255)
H_KERNEL_INCHES = 0.30  # a horizontal rule is at least this long (narrowest column: "STT", ~0.4")
V_KERNEL_INCHES = 0.15  # a vertical rule segment at least this tall (a letter stroke is shorter)
GAP_INCHES = 0.06  # breaks in a faded or broken rule up to this long are closed
LONG_VERTICAL_INCHES = 0.5  # a vertical meeting one horizontal rule only must be this tall
TOUCH_INCHES = 0.04  # how far a rule may stop short of the rule it meets
REACH_INCHES = 0.02  # ... and a short vertical rule at both its ends (unless in line with another)
MERGE_INCHES = 0.05  # rules this close are one boundary (a double or thick rule)
SPAN_COVER = 0.5  # a column boundary divides a row where a vertical rule covers this much of it
# (and a row boundary closes a column's cell where a horizontal rule covers this much of its width)
RULE_GLYPHS = frozenset("|Il1[]!()/\\¦")  # what Tesseract makes of a remnant of a vertical rule
RULE_GLYPH_INCHES = 0.05  # ... when it lies this close to a column boundary
REDUCE = 4  # rule masks are reduced this many times for their geometry
ERASE_MARGIN_PX = 2  # rule pixels are whitened with this margin (anti-aliased edges)
CELL_INSET_INCHES = 0.02  # a cell is read inside its rules by this much
CELL_INK_PIXELS = 40  # dark pixels that make a cell without words worth a second reading
DOUBTFUL_CONFIDENCE = 30.0  # a cell with a word read below this confidence is read again on its own
CROP_PADDING_PX = 20  # white frame around a cell crop (Tesseract reads text at the edge badly)
CELL_TIMEOUT_SECONDS = 60
_BARS = re.compile(r"[Il|]{1,3}")  # a cell holding only these holds a Roman numeral (I, II, III)


@dataclass(frozen=True, slots=True)
class TableGrid:
    """One ruled table, in page coordinates turned by ``skew`` (see :meth:`to_grid`)."""

    rows: tuple[float, ...]  # row boundaries, top to bottom (one more than rows)
    columns: tuple[float, ...]  # column boundaries, left to right (one more than columns)
    cells: tuple[tuple[int, ...], ...]  # per row, the column indices where a cell starts
    skew: float  # slope of the horizontal rules (dy/dx); 0 on a straight page
    # per inner row boundary (rows[1:-1]), per column: whether a horizontal rule marks it there;
    # empty: every boundary is ruled across the table (no cell merged down)
    ruled: tuple[tuple[bool, ...], ...] = ()

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows) - 1, len(self.columns) - 1

    def to_grid(self, x: float, y: float) -> tuple[float, float]:
        """A page point in the table's own axes (rules horizontal and vertical)."""
        return x + self.skew * y, y - self.skew * x

    def contains(self, x: float, y: float) -> bool:
        gx, gy = self.to_grid(x, y)
        return self.columns[0] <= gx <= self.columns[-1] and self.rows[0] <= gy <= self.rows[-1]

    def cell_at(self, x: float, y: float) -> tuple[int, int]:
        """(row, first column of the cell) for a point inside the table."""
        gx, gy = self.to_grid(x, y)
        row = min(max(bisect_right(self.rows, gy) - 1, 0), len(self.rows) - 2)
        column = min(max(bisect_right(self.columns, gx) - 1, 0), len(self.columns) - 2)
        starts = self.cells[row]
        return row, starts[bisect_right(starts, column) - 1]

    def cell_end(self, row: int, first: int) -> int:
        """The column boundary where the cell of ``row`` starting at column ``first`` ends."""
        starts = self.cells[row]
        index = starts.index(first)
        return starts[index + 1] if index + 1 < len(starts) else len(self.columns) - 1

    def joins_below(self, row: int, first: int) -> bool:
        """Whether the cell (``row``, ``first``) goes on into the next row: that row has a cell
        starting at the same column and no horizontal rule parts them anywhere along the cell."""
        if not self.ruled or row + 1 >= len(self.cells) or first not in self.cells[row + 1]:
            return False
        marked = self.ruled[row]
        return not any(marked[column] for column in range(first, self.cell_end(row, first)))

    def merged_rows(self, row: int, first: int) -> tuple[int, int]:
        """First and last row of the cell (``row``, ``first``) merged down (both ``row`` if not)."""
        top = row
        while top > 0 and first in self.cells[top - 1] and self.joins_below(top - 1, first):
            top -= 1
        bottom = row
        while self.joins_below(bottom, first):
            bottom += 1
        return top, bottom

    def top(self) -> float:
        return self.rows[0]

    def bottom(self) -> float:
        return self.rows[-1]


@dataclass(slots=True)
class _Rule:
    position: float  # y of a horizontal rule, x of a vertical one (in turned coordinates)
    start: float  # extent along the rule
    end: float
    label: int  # component label in its mask (for erasing)


@dataclass(slots=True)
class Detection:
    tables: list[TableGrid]
    rules: tuple[np.ndarray, np.ndarray] | None = None  # full-size horizontal/vertical rule pixels
    labels: tuple[np.ndarray, np.ndarray] | None = None  # reduced horizontal/vertical rule components
    table_labels: tuple[set[int], set[int]] = (set(), set())  # the components that belong to tables


def _pixels_per_inch(grey: np.ndarray) -> float:
    return min(grey.shape) / A4_SHORT_SIDE_INCHES


def _open(ink: np.ndarray, length: int, horizontal: bool) -> np.ndarray:
    size = (length, 1) if horizontal else (1, length)
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))


def _reduce(mask: np.ndarray) -> np.ndarray:
    """The mask at 1/:data:`REDUCE` of its size, a pixel set where any pixel under it was (the
    page cropped to a multiple of the factor: OpenCV's fast path for whole-number reductions)."""
    height, width = (max(size // REDUCE, 1) for size in mask.shape)
    cropped = mask[: height * REDUCE, : width * REDUCE]
    small = cv2.resize(cropped, (width, height), interpolation=cv2.INTER_AREA)
    return cv2.threshold(small, 0, 255, cv2.THRESH_BINARY)[1]


def _close(mask: np.ndarray, gap: int, horizontal: bool) -> np.ndarray:
    size = (gap, 1) if horizontal else (1, gap)
    return cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, size))


def _components(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    _, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return labels, stats


def _skew(labels: np.ndarray, stats: np.ndarray, min_length: float) -> float:
    """Length-weighted median slope of the long horizontal rules (0 when there is none)."""
    slopes: list[tuple[float, float]] = []
    for label in range(1, len(stats)):
        x, y, w, h = stats[label, :4]
        if w < min_length or h <= 2:
            if w >= min_length:
                slopes.append((0.0, float(w)))
            continue
        ys, xs = np.nonzero(labels[y : y + h, x : x + w] == label)
        slope = float(np.polyfit(xs.astype(np.float64), ys.astype(np.float64), 1)[0])
        slopes.append((slope, float(w)))
    if not slopes:
        return 0.0
    slopes.sort()
    half, total = sum(w for _, w in slopes) / 2, 0.0
    for slope, weight in slopes:
        total += weight
        if total >= half:
            return slope
    return 0.0


def _rules(stats: np.ndarray, scale: tuple[float, float], skew: float, horizontal: bool) -> list[_Rule]:
    """Each component as a rule in page pixels, turned coordinates (centre line and extent)."""
    rules = []
    for label in range(1, len(stats)):
        x, y, w, h = stats[label, :4]
        x, w = x * scale[0], w * scale[0]
        y, h = y * scale[1], h * scale[1]
        cx, cy = x + w / 2, y + h / 2
        if horizontal:
            # the bounding box of a skewed rule is its length times the slope tall: its centre
            # line runs through the box centre; turned, the ends are x -/+ w/2 (small angles)
            position = cy - skew * cx
            start, end = x + skew * cy, x + w + skew * cy
        else:
            position = cx + skew * cy
            start, end = y - skew * cx, y + h - skew * cx
        rules.append(_Rule(float(position), float(start), float(end), label))
    return rules


def _clusters(values: Sequence[float], tolerance: float) -> list[float]:
    """Sorted values merged where they lie within ``tolerance`` of the previous one (means)."""
    merged: list[list[float]] = []
    for value in sorted(values):
        if merged and value - merged[-1][-1] <= tolerance:
            merged[-1].append(value)
        else:
            merged.append([value])
    return [sum(group) / len(group) for group in merged]


def _meets(horizontal: _Rule, vertical: _Rule, touch: float) -> bool:
    return (
        horizontal.start - touch <= vertical.position <= horizontal.end + touch
        and vertical.start - touch <= horizontal.position <= vertical.end + touch
    )


def _kept_verticals(
    horizontals: list[_Rule], verticals: list[_Rule], meets: list[list[int]], ppi: float
) -> list[int]:
    """The verticals that are rules of a table: those crossing two horizontals, or a long one
    meeting one (a table without a bottom border); a letter stroke touching an underline is neither.

    A short vertical (under :data:`LONG_VERTICAL_INCHES`) between two horizontals counts only
    where it reaches both (within :data:`REACH_INCHES`) or lines up with a vertical that does: on a
    blurred photo a bold capital's stem runs into its accents ("Ệ" of a heading spanning the
    columns) and stands in a low row within :data:`TOUCH_INCHES` of both rules, a phantom column.
    """
    long, reach, merge = LONG_VERTICAL_INCHES * ppi, REACH_INCHES * ppi, MERGE_INCHES * ppi

    def solid(v: int) -> bool:
        rule = verticals[v]
        if rule.end - rule.start >= long:
            return True
        if len(meets[v]) < 2:
            return False
        top = min(horizontals[h].position for h in meets[v])
        bottom = max(horizontals[h].position for h in meets[v])
        return rule.start <= top + reach and rule.end >= bottom - reach

    solids = [v for v in range(len(verticals)) if meets[v] and solid(v)]
    anchors = sorted(verticals[v].position for v in solids)
    kept = set(solids)
    for v, rule in enumerate(verticals):
        if len(meets[v]) >= 2 and v not in kept:
            at = bisect_right(anchors, rule.position)
            near = anchors[max(at - 1, 0) : at + 1]
            if any(abs(position - rule.position) <= merge for position in near):
                kept.add(v)
    return sorted(kept)


def _grid(horizontals: list[_Rule], verticals: list[_Rule], skew: float, ppi: float) -> TableGrid | None:
    merge = MERGE_INCHES * ppi
    rows = _clusters([rule.position for rule in horizontals], merge)
    columns = _clusters([rule.position for rule in verticals], merge)
    # A missing outer border: the crossing rules' extent is the table's edge.
    top, bottom = min(rule.start for rule in verticals), max(rule.end for rule in verticals)
    left, right = min(rule.start for rule in horizontals), max(rule.end for rule in horizontals)
    if top < rows[0] - merge:
        rows.insert(0, top)
    if bottom > rows[-1] + merge:
        rows.append(bottom)
    if left < columns[0] - merge:
        columns.insert(0, left)
    if right > columns[-1] + merge:
        columns.append(right)
    if len(rows) < 3 or len(columns) < 3:
        return None
    cells = []
    for upper, lower in zip(rows, rows[1:], strict=False):
        height = lower - upper
        starts = [0]
        for index, x in enumerate(columns[1:-1], start=1):
            covered = sum(
                max(0.0, min(rule.end, lower) - max(rule.start, upper))
                for rule in verticals
                if abs(rule.position - x) <= merge
            )
            if covered >= SPAN_COVER * height:
                starts.append(index)
        cells.append(tuple(starts))
    ruled = []
    for y in rows[1:-1]:
        near = [rule for rule in horizontals if abs(rule.position - y) <= merge]
        marked = []
        for left_x, right_x in zip(columns, columns[1:], strict=False):
            covered = sum(max(0.0, min(rule.end, right_x) - max(rule.start, left_x)) for rule in near)
            marked.append(covered >= SPAN_COVER * (right_x - left_x))
        ruled.append(tuple(marked))
    return TableGrid(tuple(rows), tuple(columns), tuple(cells), skew, tuple(ruled))


def detect(grey: np.ndarray) -> Detection:
    """The ruled tables on a greyscale page (uint8, white paper), with what erasing needs."""
    ppi = _pixels_per_inch(grey)
    ink = cv2.threshold(grey, INK_BELOW - 1, 255, cv2.THRESH_BINARY_INV)[1]
    h_open = _open(ink, max(10, round(H_KERNEL_INCHES * ppi)), horizontal=True)
    if not h_open.any():
        return Detection([])
    v_open = _open(ink, max(6, round(V_KERNEL_INCHES * ppi)), horizontal=False)
    if not v_open.any():
        return Detection([])
    # Rules are found at full resolution (letters would merge into bars when reduced), then
    # reduced for the cheap part: closing breaks, components, geometry.
    gap = max(2, round(GAP_INCHES * ppi / REDUCE))
    h_small, v_small = _close(_reduce(h_open), gap, True), _close(_reduce(v_open), gap, False)
    scale = (float(REDUCE), float(REDUCE))  # page pixels per reduced pixel, x and y
    h_labels, h_stats = _components(h_small)
    v_labels, v_stats = _components(v_small)
    skew = _skew(h_labels, h_stats, 1.0 * ppi / scale[0])
    horizontals = _rules(h_stats, scale, skew, horizontal=True)
    verticals = _rules(v_stats, scale, skew, horizontal=False)
    touch = TOUCH_INCHES * ppi

    # Verticals crossing two horizontals, or a long one meeting one (a table without a bottom
    # border); a letter stroke touching an underline is neither.
    meets = [[h for h, rule in enumerate(horizontals) if _meets(rule, v, touch)] for v in verticals]
    kept = _kept_verticals(horizontals, verticals, meets, ppi)
    # Tables: connected sets of crossing rules (union-find over horizontals and kept verticals).
    parent = list(range(len(horizontals)))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for v in kept:
        for h in meets[v][1:]:
            parent[find(h)] = find(meets[v][0])
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for v in kept:
        groups.setdefault(find(meets[v][0]), ([], []))[1].append(v)
    for h in range(len(horizontals)):
        if find(h) in groups:
            groups[find(h)][0].append(h)
    tables: list[TableGrid] = []
    h_used: set[int] = set()
    v_used: set[int] = set()
    for h_indices, v_indices in groups.values():
        if len(h_indices) < 2:
            continue
        grid = _grid([horizontals[h] for h in h_indices], [verticals[v] for v in v_indices], skew, ppi)
        if grid is None:
            continue
        tables.append(grid)
        h_used.update(horizontals[h].label for h in h_indices)
        v_used.update(verticals[v].label for v in v_indices)
    tables.sort(key=TableGrid.top)
    return Detection(tables, (h_open, v_open), (h_labels, v_labels), (h_used, v_used))


def find_tables(grey: np.ndarray) -> list[TableGrid]:
    """The ruled tables on a greyscale page (uint8 array, white paper), top to bottom."""
    return detect(grey).tables


def erase_rules(grey: np.ndarray, detection: Detection) -> np.ndarray:
    """A copy of the page with the rules of its tables whitened (the page itself when none)."""
    if not detection.tables or detection.labels is None or detection.rules is None:
        return grey
    small = np.zeros(detection.labels[0].shape, dtype=np.uint8)
    for labels, used in zip(detection.labels, detection.table_labels, strict=True):
        if used:
            small[np.isin(labels, list(used))] = 255
    small = cv2.dilate(small, np.ones((3, 3), np.uint8))  # the reduction's rounding
    height, width = grey.shape
    region = np.zeros((height, width), dtype=np.uint8)
    big = cv2.resize(small, None, fx=REDUCE, fy=REDUCE, interpolation=cv2.INTER_NEAREST)
    region[: big.shape[0], : big.shape[1]] = big[:height, :width]
    size = 2 * ERASE_MARGIN_PX + 1
    rules = cv2.bitwise_or(*detection.rules)
    rules = cv2.dilate(rules, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    out = grey.copy()
    out[cv2.bitwise_and(rules, region) > 0] = 255
    return out


# --- words into cells ------------------------------------------------------------------------


def _near_boundary(word: OcrWord, table: TableGrid, row: int, tolerance: float) -> bool:
    middle_y = (word.top + word.bottom) / 2
    for index in (*table.cells[row], len(table.columns) - 1):
        x = table.columns[index]
        if any(abs(table.to_grid(edge, middle_y)[0] - x) <= tolerance for edge in (word.left, word.right)):
            return True
    return False


def _is_rule_glyph(word: OcrWord, table: TableGrid, row: int, tolerance: float) -> bool:
    """A remnant of a vertical rule read as a character next to a boundary: bars ("|") at any
    width, a lookalike ("I", "l", "1", "[") only as thin as a rule (a cell's own "1" is wider)."""
    text = word.text.strip("|¦")
    if text and (len(text) > 1 or text not in RULE_GLYPHS or word.right - word.left > tolerance):
        return False
    return _near_boundary(word, table, row, tolerance)


def _clean_cell_word(word: OcrWord) -> None:
    """A cell's word without the bars of rules: a bar alone, away from any rule, is a Roman
    numeral ("I" of a group heading, which Tesseract reads "|")."""
    text = word.text.strip("|¦")
    word.text = text if text else "I" * len(word.text)


def _cell_text(words: list[OcrWord]) -> str:
    """A cell's words line by line (by their vertical centres), each line left to right."""
    words = sorted(words, key=lambda word: (word.top + word.bottom) / 2)
    heights = sorted(word.bottom - word.top for word in words)
    half = max(heights[len(heights) // 2] / 2, 1.0)
    lines: list[list[OcrWord]] = []
    centre = 0.0
    for word in words:
        middle = (word.top + word.bottom) / 2
        if lines and abs(middle - centre) <= half:
            lines[-1].append(word)
            centre += (middle - centre) / len(lines[-1])
        else:
            lines.append([word])
            centre = middle
    return " ".join(" ".join(word.text for word in sorted(line, key=lambda w: w.left)) for line in lines)


def table_rows(
    table: TableGrid, cell_words: dict[tuple[int, int], list[OcrWord]], fix: Callable[[str], str]
) -> list[str]:
    """The table's rows as text lines, each cell's text through ``fix`` first; a cell merged down
    over several rows is read from all its words and given to each of them."""
    out = []
    columns = len(table.columns) - 1
    texts: dict[tuple[int, int], str] = {}  # (first row, first column) of a cell: its text
    for row, starts in enumerate(table.cells):
        cells = [""] * columns
        for start in starts:
            top, bottom = table.merged_rows(row, start)
            if (top, start) not in texts:
                words = [word for r in range(top, bottom + 1) for word in cell_words.get((r, start), ())]
                text = ""
                if words:
                    text = _cell_text(words)
                    if _BARS.fullmatch(text):
                        text = "I" * len(text)  # "l", "|", "Il" alone in a cell: the numeral I, II
                    text = fix(text).strip()
                texts[top, start] = text
            cells[start] = texts[top, start]
        line = row_line(cells, columns)
        if line is not None:
            out.append(line)
    return out


def assemble_with_tables(
    lines: list[OcrLine],
    page_width: int,
    tables: Sequence[TableGrid],
    fix: Callable[[str], str] = lambda text: text,
    pixels_per_inch: float = 300.0,
    image: Image.Image | None = None,
    lang: str = "vie",
) -> str:
    """Page text with each table's words as rows, the other words assembled as without tables.

    ``fix`` (the page's OCR post-fixes) runs on each stretch of text between tables and on each
    cell, never on a row's separators. Lines outside the tables are kept in Tesseract's order and
    split into stretches by the tables' heights. With ``image`` (the page Tesseract read), cells
    with ink but no word are read again on their own (:func:`read_empty_cells`).
    """
    tolerance = RULE_GLYPH_INCHES * pixels_per_inch
    cell_words: list[dict[tuple[int, int], list[OcrWord]]] = [{} for _ in tables]
    stretches: list[list[OcrLine]] = [[] for _ in range(len(tables) + 1)]
    for line in lines:
        outside: list[OcrWord] = []
        for word in line.words:
            x, y = (word.left + word.right) / 2, (word.top + word.bottom) / 2
            for number, table in enumerate(tables):
                if table.contains(x, y):
                    row, column = table.cell_at(x, y)
                    if not _is_rule_glyph(word, table, row, tolerance):
                        _clean_cell_word(word)
                        cell_words[number].setdefault((row, column), []).append(word)
                    break
            else:
                outside.append(word)
        if not outside:
            continue
        middle = sorted((word.top + word.bottom) / 2 for word in outside)[len(outside) // 2]
        x_middle = (outside[0].left + outside[-1].right) / 2
        stretch = sum(1 for table in tables if table.to_grid(x_middle, middle)[1] > _middle(table))
        stretches[stretch].append(OcrLine(line.block, outside))
    if image is not None:
        read_empty_cells(image, tables, cell_words, lang, pixels_per_inch)
        grey = np.asarray(image if image.mode == "L" else image.convert("L"))
        for words in (words for cells in cell_words for words in cells.values()):
            if len(words) == 1 and words[0].text == "H" and _two_stems(grey, words[0]):
                words[0].text = "II"  # Tesseract's "vie" reads a lone "II" as "H" (the serifs meet)
    parts: list[str] = []
    for number, stretch in enumerate(stretches):
        text = fix(assemble_text(stretch, page_width).text) if stretch else ""
        if text:
            parts.append(text)
        if number < len(tables):
            rows = table_rows(tables[number], cell_words[number], fix)
            if rows:
                parts.append("\n".join(rows))
    return "\n\n".join(parts)


def _cell_box(
    table: TableGrid, row: int, first: int, inset: float, last_row: int | None = None
) -> tuple[int, int, int, int]:
    """The page box of a cell (from column ``first`` to the next cell's, from ``row`` down to
    ``last_row``), inside its rules."""
    last = table.cell_end(row, first)
    bottom = row if last_row is None else last_row
    corners = [
        (gx - table.skew * gy, gy + table.skew * gx)  # back from the table's axes (small angles)
        for gx in (table.columns[first] + inset, table.columns[last] - inset)
        for gy in (table.rows[row] + inset, table.rows[bottom + 1] - inset)
    ]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys))


def read_empty_cells(
    image: Image.Image,
    tables: Sequence[TableGrid],
    cell_words: Sequence[dict[tuple[int, int], list[OcrWord]]],
    lang: str,
    pixels_per_inch: float,
) -> int:
    """Read again, each on its own, the cells that hold ink but got no word from the page's
    reading, and those with a word read below :data:`DOUBTFUL_CONFIDENCE`; returns how many
    empty cells got words.

    Tesseract's page layout analysis drops sparse narrow columns (the "STT" column's "1", "2",
    "I"), even with the rules erased, and on a grainy photo it can merge a header cell's lines into
    one garbled word. Such cells are cropped, their paper whitened (:data:`INK_BELOW`: on a crop
    of a nearly empty cell Tesseract's own threshold takes the photo's grain for letters), and read
    as blocks of text (``--psm 6``) in one Tesseract run. An empty cell's words join
    ``cell_words`` in page coordinates; a doubtful cell's words are replaced where the crop reads
    with a higher mean confidence. A cell merged down is read whole (its words go to its first
    row), an empty one only when none of its rows got a word: a crop of one row would cut its lines.
    """
    grey = np.asarray(image if image.mode == "L" else image.convert("L"))
    inset = CELL_INSET_INCHES * pixels_per_inch
    targets: list[tuple[int, tuple[int, int], int, tuple[int, int, int, int], list[OcrWord]]] = []
    for number, table in enumerate(tables):
        for row, starts in enumerate(table.cells):
            for first in starts:
                first_row, last_row = table.merged_rows(row, first)
                if first_row != row:
                    continue
                words = [
                    word
                    for r in range(first_row, last_row + 1)
                    for word in cell_words[number].get((r, first), ())
                ]
                if words and min(word.confidence for word in words) >= DOUBTFUL_CONFIDENCE:
                    continue
                left, top, right, bottom = _cell_box(table, row, first, inset, last_row)
                left, top = max(left, 0), max(top, 0)
                right, bottom = min(right, grey.shape[1]), min(bottom, grey.shape[0])
                if right - left < 4 or bottom - top < 4:
                    continue
                if words or int((grey[top:bottom, left:right] < 128).sum()) >= CELL_INK_PIXELS:
                    targets.append((number, (row, first), last_row, (left, top, right, bottom), words))
    if not targets:
        return 0
    with tempfile.TemporaryDirectory(prefix="kehoach-cells-") as folder:
        paths = []
        for index, (_, _, _, box, _) in enumerate(targets):
            path = Path(folder) / f"{index}.pgm"
            crop = grey[box[1] : box[3], box[0] : box[2]].copy()
            crop[crop >= INK_BELOW] = 255
            ImageOps.expand(Image.fromarray(crop), border=CROP_PADDING_PX, fill=255).save(path)
            paths.append(str(path))
        listing = Path(folder) / "cells.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        dpi = str(round(pixels_per_inch))
        arguments = [str(listing), "stdout", "-l", lang, "--psm", "6", "--dpi", dpi, "tsv"]
        try:
            output = run_tesseract(arguments, timeout=CELL_TIMEOUT_SECONDS)
        except OcrError:
            return 0  # a second look, never a reason to lose the page
    read: dict[int, list[OcrWord]] = {}
    for row_text in output.splitlines()[1:]:
        fields = row_text.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        index = int(fields[1]) - 1
        box = targets[index][3]
        left = box[0] + int(fields[6]) - CROP_PADDING_PX
        top = box[1] + int(fields[7]) - CROP_PADDING_PX
        word = OcrWord(
            fields[11].strip(), left, left + int(fields[8]), float(fields[10]), top, top + int(fields[9])
        )
        _clean_cell_word(word)
        read.setdefault(index, []).append(word)
    found = 0
    for index, words in read.items():
        number, (row, first), last_row, _, before = targets[index]
        cells = cell_words[number]
        if before:
            if _mean_confidence(words) <= _mean_confidence(before):
                continue
            for r in range(row, last_row + 1):
                cells.pop((r, first), None)
        else:
            found += 1
        cells[row, first] = words
    return found


def _mean_confidence(words: Sequence[OcrWord]) -> float:
    return sum(word.confidence for word in words) / len(words)


def _two_stems(grey: np.ndarray, word: OcrWord) -> bool:
    """True when the glyph has no crossbar: every row of its middle fifth has two dark runs."""
    height = word.bottom - word.top
    band = grey[word.top + 2 * height // 5 : word.top + 3 * height // 5 + 1, word.left : word.right]
    if band.size == 0:
        return False
    dark = band < 128
    runs = (dark[:, 1:] & ~dark[:, :-1]).sum(axis=1) + dark[:, 0]
    return bool((runs >= 2).all())


def _middle(table: TableGrid) -> float:
    return (table.top() + table.bottom()) / 2
