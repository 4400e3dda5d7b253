"""Text assembly from Tesseract TSV, with the two-column blocks of Vietnamese documents split.

A plan's header is a borderless two-column table: the issuer on the left ("ỦY BAN NHÂN DÂN QUẬN 1 /
TRƯỜNG ... / Số: 56/KH-...") and the national motto and place/date on the right ("CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc / Quận 1, ngày ..."). The signature block at the
end has the same shape ("Nơi nhận:" list | "KT. HIỆU TRƯỞNG" + name). Tesseract often reads such
rows as single lines, gluing the issuer to the motto. Here a line whose words leave a wide gap near
the middle of the page is split at the gap, and a run of such lines (a two-column band) is emitted
as the left column's lines, a blank line, then the right column's lines. A left cell that wraps
onto a line of its own ("TRƯỜNG MẦM NON TUỔI" / "HỒNG") stays in the band, and a wider vertical gap
starts a new band: the header table's second row ("Số: ..." | "Quận 1, ngày ...") is read after
the first row's two cells, the order of the table in the document's source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GUTTER_MIN_FRACTION = 0.03  # a gap this wide (of the page width) is a column gutter, not word spacing
GUTTER_ZONE = (0.2, 0.8)  # where a gutter may lie, as fractions of the page width
GUTTER_ALIGN_FRACTION = 0.12  # split lines whose gutters lie this close belong to one band
GUTTER_TO_WORD_GAP = 3.0  # ... and this many times the line's median word gap (justified text)
WEAK_GUTTER_FRACTION = 0.012  # the least gap that splits a line adjacent to a band
WRAP_GAP_HEIGHTS = 1.0  # a wrapped header cell sits at most one line height below the line above
# A wider gap inside a two-column band starts a new row of the header table ("Số: ... | Quận 1,
# ngày ..." under "ỦY BAN ... | CỘNG HÒA ..."): rows are read one after the other, each left cell
# then right cell, the order of the table in the document's source.
ROW_GAP_HEIGHTS = 0.8


@dataclass(slots=True)
class OcrWord:
    text: str
    left: int
    right: int
    confidence: float
    top: int = 0
    bottom: int = 0


@dataclass(slots=True)
class OcrLine:
    block: str
    words: list[OcrWord] = field(default_factory=list)

    def text(self, words: list[OcrWord] | None = None) -> str:
        return " ".join(word.text for word in (self.words if words is None else words))


@dataclass(slots=True)
class AssembledPage:
    text: str
    confidences: list[float]


def parse_tsv(tsv: str) -> tuple[list[OcrLine], int]:
    """Lines of words (in Tesseract's reading order) and the page width from Tesseract TSV."""
    lines: list[OcrLine] = []
    page_width = 0
    current_key: tuple[str, str, str] | None = None
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12:
            continue
        if fields[0] == "1":
            page_width = int(fields[8])
        if fields[0] != "5" or not fields[11].strip():
            continue
        key = (fields[2], fields[3], fields[4])  # block, paragraph, line
        if key != current_key:
            lines.append(OcrLine(block=fields[2]))
            current_key = key
        left, top = int(fields[6]), int(fields[7])
        lines[-1].words.append(
            OcrWord(
                fields[11].strip(), left, left + int(fields[8]), float(fields[10]), top, top + int(fields[9])
            )
        )
    return lines, page_width


def looks_sideways(tsv: str) -> bool:
    """True when most longer words are taller than wide: Tesseract read a page turned by 90°.

    Tesseract then still returns good text, but its boxes are sideways, so column splitting
    fails; the caller turns the page upright and reads it again.
    """
    tall = wide = 0
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) >= 12 and fields[0] == "5" and len(fields[11].strip()) >= 4:
            if int(fields[9]) > 1.5 * int(fields[8]):
                tall += 1
            else:
                wide += 1
    return tall > wide


def find_gutter(line: OcrLine, page_width: int) -> int | None:
    """The x of the widest inter-word gap that looks like a column gutter, or None."""
    gaps = [(after.left - before.right, (after.left + before.right) // 2) for before, after in _pairs(line)]
    if not gaps:
        return None
    typical = sorted(gap for gap, _ in gaps)[len(gaps) // 2]
    best: tuple[int, int] | None = None  # (gap width, gap middle)
    for gap, middle in gaps:
        in_zone = GUTTER_ZONE[0] * page_width <= middle <= GUTTER_ZONE[1] * page_width
        wide = gap >= GUTTER_MIN_FRACTION * page_width and gap >= GUTTER_TO_WORD_GAP * typical
        if wide and in_zone and (best is None or gap > best[0]):
            best = (gap, middle)
    return best[1] if best else None


def _pairs(line: OcrLine) -> list[tuple[OcrWord, OcrWord]]:
    return list(zip(line.words, line.words[1:], strict=False))


def split_near(line: OcrLine, anchor: int, page_width: int) -> int | None:
    """A weaker gutter for lines next to a band: a gap clearly wider than this line's word spacing
    at the band's gutter (bold header lines often sit closer together than the gutter rule)."""
    gaps = [(after.left - before.right, before, after) for before, after in _pairs(line)]
    if not gaps:
        return None
    typical = sorted(gap for gap, _, _ in gaps)[len(gaps) // 2]
    for gap, before, after in gaps:
        middle = (after.left + before.right) // 2
        wide = gap >= max(WEAK_GUTTER_FRACTION * page_width, 1.5 * typical)
        if wide and abs(middle - anchor) <= GUTTER_ALIGN_FRACTION * page_width:
            return middle
    return None


def _right_center(line: OcrLine, split: int) -> float:
    right = [word for word in line.words if (word.left + word.right) / 2 >= split]
    return (right[0].left + right[-1].right) / 2 if right else split


def _left_center(line: OcrLine, split: int) -> float:
    left = [word for word in line.words if (word.left + word.right) / 2 < split]
    return (left[0].left + left[-1].right) / 2 if left else split


def _gap_in_heights(upper: OcrLine, lower: OcrLine) -> float:
    """White space between two lines, in heights of the upper line (0 when boxes are unknown)."""
    height = max(word.bottom - word.top for word in upper.words)
    if height <= 0 or not lower.words:
        return 0.0
    return (min(word.top for word in lower.words) - max(word.bottom for word in upper.words)) / height


def _continues_left_column(line: OcrLine, previous: OcrLine, anchor: int, left_center: float) -> bool:
    """A line wholly left of the gutter, centred on the left column and set at the band's line
    spacing, is the left cell wrapping ("TRƯỜNG MẦM NON TUỔI" / "HỒNG"), not the body's next line."""
    if not line.words or not previous.words or line.words[-1].right >= anchor:
        return False
    center = (line.words[0].left + line.words[-1].right) / 2
    return (
        abs(center - left_center) < 0.1 * anchor and 0 <= _gap_in_heights(previous, line) <= WRAP_GAP_HEIGHTS
    )


def _line_split(
    line: OcrLine, strong: int | None, anchor: int, right_center: float, page_width: int
) -> int | None:
    """Where this line divides into left/right within a band at ``anchor``; None: not in the band.

    A line entirely right of the gutter joins the band (the date under the motto) only if it is
    centred on the right column rather than on the page, so a centred title ("KẾ HOẠCH") does not.
    """
    if strong is not None and abs(strong - anchor) <= GUTTER_ALIGN_FRACTION * page_width:
        return strong
    if line.words and line.words[0].left > anchor:
        center = (line.words[0].left + line.words[-1].right) / 2
        return anchor if abs(center - right_center) < abs(center - page_width / 2) else None
    return split_near(line, anchor, page_width)


def find_bands(lines: list[OcrLine], page_width: int) -> list[tuple[int, int, list[int]]]:
    """Two-column bands as (first line, end line, split x per line), grown both ways from a line
    with a clear gutter."""
    strong = [find_gutter(line, page_width) if page_width else None for line in lines]
    bands: list[tuple[int, int, list[int]]] = []
    index, floor = 0, 0
    while index < len(lines):
        anchor = strong[index]
        if anchor is None:
            index += 1
            continue
        splits = [anchor]
        right_center = _right_center(lines[index], anchor)
        left_center = _left_center(lines[index], anchor)
        end = index + 1
        while end < len(lines) and _gap_in_heights(lines[end - 1], lines[end]) <= ROW_GAP_HEIGHTS:
            split = _line_split(lines[end], strong[end], anchor, right_center, page_width)
            if split is None and _continues_left_column(lines[end], lines[end - 1], anchor, left_center):
                split = anchor
            if split is None:
                break
            splits.append(split)
            end += 1
        start = index
        while start > floor and _gap_in_heights(lines[start - 1], lines[start]) <= ROW_GAP_HEIGHTS:
            split = _line_split(lines[start - 1], strong[start - 1], anchor, right_center, page_width)
            if split is None:
                break
            splits.insert(0, split)
            start -= 1
        bands.append((start, end, splits))
        index = floor = end
    return bands


def assemble_text(lines: list[OcrLine], page_width: int) -> AssembledPage:
    """Join words into lines; blank line between Tesseract blocks and around two-column bands."""
    out: list[str] = []
    band_at = {start: (end, splits) for start, end, splits in find_bands(lines, page_width)}
    index = 0
    previous_block: str | None = None
    while index < len(lines):
        if index in band_at:
            end, splits = band_at[index]
            band = list(zip(lines[index:end], splits, strict=True))
            left = [[w for w in line.words if (w.left + w.right) / 2 < split] for line, split in band]
            right = [[w for w in line.words if (w.left + w.right) / 2 >= split] for line, split in band]
            if out and out[-1]:
                out.append("")
            out.extend(" ".join(w.text for w in words) for words in left if words)
            out.append("")
            out.extend(" ".join(w.text for w in words) for words in right if words)
            out.append("")
            previous_block, index = lines[end - 1].block, end
            continue
        line = lines[index]
        if previous_block is not None and line.block != previous_block and out and out[-1]:
            out.append("")
        out.append(line.text())
        previous_block, index = line.block, index + 1
    confidences = [word.confidence for line in lines for word in line.words if word.confidence >= 0]
    return AssembledPage("\n".join(out).strip("\n"), confidences)
