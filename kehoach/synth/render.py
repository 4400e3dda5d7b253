"""Render text as A4 page images: lay the blocks out into lines and pages, then draw them.

Layout and drawing are separate so that callers who need to know where every line landed (the OCR
channel builder maps OCR words back to source lines by position) can use ``layout_pages`` and
``draw_page`` while everyone else streams images from ``render_pages``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from kehoach.synth.fonts import font_path
from kehoach.synth.layout import Block, plan_blocks

MM_PER_INCH = 25.4
A4_MM = (210.0, 297.0)
INK = (22, 22, 22)
PAPER = (255, 255, 255)
MAX_STRETCH = 3.0  # a justified gap wider than this many spaces looks broken: left-align instead
HEADER_LEFT_SHARE = 0.4
STAMP_BOX_KEY = "kehoach_stamp_box"


@dataclass(frozen=True, slots=True)
class PageStyle:
    """Typography of the rendered pages; the defaults follow the usual 13 pt Times-like body."""

    dpi: int = 300
    family: str = "dejavu-serif"
    font_size_pt: float = 13.0
    line_spacing: float = 1.4
    margins_mm: tuple[float, float, float, float] = (20.0, 20.0, 20.0, 30.0)  # top, right, bottom, left

    def px(self, mm: float) -> int:
        return round(mm / MM_PER_INCH * self.dpi)

    @property
    def page_size(self) -> tuple[int, int]:
        return self.px(A4_MM[0]), self.px(A4_MM[1])

    @property
    def font_px(self) -> int:
        return round(self.font_size_pt / 72 * self.dpi)

    @property
    def line_height(self) -> int:
        return round(self.font_px * self.line_spacing)


@dataclass(slots=True)
class LaidLine:
    """One drawn line: its words with their x positions, its box, and the source line it came from."""

    text: str
    source_line: int
    bold: bool
    size_px: int
    words: list[tuple[str, int]]
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels


@dataclass(slots=True)
class PageLayout:
    """Everything drawn on one page, plus the area where the stamp goes (last page only)."""

    lines: list[LaidLine] = field(default_factory=list)
    stamp_box: tuple[int, int, int, int] | None = None


@cache
def _font(family: str, bold: bool, size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(family, bold)), size_px)


def _split_long_word(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break a token wider than the column (a URL) into pieces that fit."""
    pieces, current = [], ""
    for char in word:
        if current and font.getlength(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
    return pieces + [current] if current else pieces


def wrap_words(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[list[str]]:
    """Greedy line breaking by measured width."""
    words: list[str] = []
    for word in text.split():
        words.extend(_split_long_word(word, font, width) if font.getlength(word) > width else [word])
    space = font.getlength(" ")
    lines: list[list[str]] = []
    current: list[str] = []
    used = 0.0
    for word in words:
        extra = font.getlength(word) + (space if current else 0)
        if current and used + extra > width:
            lines.append(current)
            current, used = [], 0.0
            extra = font.getlength(word)
        current.append(word)
        used += extra
    return lines + [current] if current else lines


def place_words(words: list[str], font: ImageFont.FreeTypeFont, x0: int, width: int, align: str) -> list[int]:
    """x of every word for one line; ``align`` is justify (full lines), left, center or right."""
    widths = [font.getlength(w) for w in words]
    space = font.getlength(" ")
    natural = sum(widths) + space * (len(words) - 1)
    gap = space
    if align == "justify" and len(words) > 1:
        stretched = (width - sum(widths)) / (len(words) - 1)
        gap = stretched if stretched <= space * MAX_STRETCH else space
        natural = sum(widths) + gap * (len(words) - 1)
    start = x0 + {"center": (width - natural) / 2, "right": width - natural}.get(align, 0)
    xs, x = [], float(start)
    for w in widths:
        xs.append(round(x))
        x += w + gap
    return xs


class _Paginator:
    """Places blocks top to bottom and opens a new page when the next line does not fit."""

    def __init__(self, style: PageStyle) -> None:
        self.style = style
        top, right, bottom, left = style.margins_mm
        width, height = style.page_size
        self.x0, self.x1 = style.px(left), width - style.px(right)
        self.top, self.bottom = style.px(top), height - style.px(bottom)
        self.pages: list[PageLayout] = [PageLayout()]
        self.y = self.top

    def column(self, column: str) -> tuple[int, int]:
        split = self.x0 + round((self.x1 - self.x0) * HEADER_LEFT_SHARE)
        return {"left": (self.x0, split), "right": (split, self.x1)}.get(column, (self.x0, self.x1))

    def ensure_room(self, height: int) -> None:
        if self.y + height > self.bottom and self.pages[-1].lines:
            self.pages.append(PageLayout())
            self.y = self.top

    def add_lines(self, block: Block, y: int, size_scale: float = 1.0) -> int:
        """Draw ``block`` from ``y`` down (no page breaks); returns the y below it."""
        style = self.style
        size_px = round(style.font_px * size_scale)
        font = _font(style.family, block.bold, size_px)
        x0, x1 = self.column(block.column)
        rows = wrap_words(block.text, font, x1 - x0)
        for number, words in enumerate(rows):
            last = number == len(rows) - 1
            align = "left" if block.align == "justify" and last else block.align
            xs = place_words(words, font, x0, x1 - x0, align)
            right_edge = round(xs[-1] + font.getlength(words[-1]))
            box = (xs[0], y, right_edge, y + style.line_height)
            placed = list(zip(words, xs, strict=True))
            self.pages[-1].lines.append(
                LaidLine(" ".join(words), block.source_line, block.bold, size_px, placed, box)
            )
            y += style.line_height
        return y

    def add_header(self, blocks: list[Block]) -> None:
        """Header rows: left and right cells of one row share the row's top edge."""
        for row in sorted({b.header_row for b in blocks if b.header_row is not None}):
            cells = [b for b in blocks if b.header_row == row]
            top = self.y + round(max(b.space_before for b in cells) * self.style.line_height)
            bottoms = [self.add_lines(cell, top, size_scale=0.8) for cell in cells]
            self.y = max(bottoms)
        self.y += self.style.line_height

    def add_block(self, block: Block) -> None:
        font = _font(self.style.family, block.bold, self.style.font_px)
        x0, x1 = self.column(block.column)
        gap = round(block.space_before * self.style.line_height)
        if block.column == "right":  # the signer: keep the name and the signature gap together
            self.ensure_room(gap + self.style.line_height)
            start = self.y
            self.y = self.add_lines(block, self.y + gap)
            self.pages[-1].stamp_box = (x0, start, x1, self.y)
            return
        self.y += gap if self.y > self.top else 0
        # One line at a time, so that a paragraph longer than what is left of the page (or than a
        # whole page) continues at the top of the next one instead of leaving this one empty.
        drawn: list[LaidLine] = []
        for words in wrap_words(block.text, font, x1 - x0):
            self.ensure_room(self.style.line_height)
            piece = Block(" ".join(words), block.source_line, block.align, block.bold, block.column)
            self.y = self.add_lines(piece, self.y)
            drawn.append(self.pages[-1].lines[-1])
        if block.align == "justify":
            self._justify(drawn[:-1], font, x0, x1)

    @staticmethod
    def _justify(lines: list[LaidLine], font: ImageFont.FreeTypeFont, x0: int, x1: int) -> None:
        """Each line was placed alone (as a paragraph's last line, left-aligned): justify the ones that
        are not the paragraph's last, on whatever page they landed (a page's last line included)."""
        for line in lines:
            words = [w for w, _ in line.words]
            xs = place_words(words, font, x0, x1 - x0, "justify")
            line.words = list(zip(words, xs, strict=True))
            line.box = (xs[0], line.box[1], round(xs[-1] + font.getlength(words[-1])), line.box[3])

    def finish(self) -> list[PageLayout]:
        last = self.pages[-1]
        if last.stamp_box is None:  # no signer found: stamp the free space under the text, right side
            x0, x1 = self.column("right")
            top = min(self.y, self.bottom - 3 * self.style.line_height)
            last.stamp_box = (x0, top, x1, top + 3 * self.style.line_height)
        return self.pages


def layout_pages(text: str, style: PageStyle | None = None) -> list[PageLayout]:
    """Lay ``text`` out into A4 pages without drawing anything."""
    paginator = _Paginator(style or PageStyle())
    blocks = plan_blocks(text)
    header = [b for b in blocks if b.header_row is not None]
    if header:
        paginator.add_header(header)
    for block in blocks:
        if block.header_row is None:
            paginator.add_block(block)
    return paginator.finish()


def draw_page(page: PageLayout, style: PageStyle | None = None) -> Image.Image:
    """Draw one laid-out page as an RGB image; the stamp area travels in ``image.info``."""
    style = style or PageStyle()
    image = Image.new("RGB", style.page_size, PAPER)
    draw = ImageDraw.Draw(image)
    for line in page.lines:
        font = _font(style.family, line.bold, line.size_px)
        baseline_offset = (style.line_height - line.size_px) // 2
        for word, x in line.words:
            draw.text((x, line.box[1] + baseline_offset), word, font=font, fill=INK)
    if page.stamp_box is not None:
        image.info[STAMP_BOX_KEY] = page.stamp_box
    image.info["dpi"] = (style.dpi, style.dpi)
    return image


def render_pages(text: str, style: PageStyle | None = None) -> Iterator[Image.Image]:
    """Stream the clean page images of ``text`` (one page at a time, so long texts stay cheap)."""
    style = style or PageStyle()
    for page in layout_pages(text, style):
        yield draw_page(page, style)


def ground_truth(pages: list[PageLayout]) -> str:
    """The text as drawn: one line per source line per page, pages separated by form feeds."""
    texts = []
    for page in pages:
        by_source: dict[int, list[str]] = {}
        for line in page.lines:
            by_source.setdefault(line.source_line, []).append(line.text)
        texts.append("\n".join(" ".join(parts) for _, parts in sorted(by_source.items())))
    return "\f".join(texts) + "\n"
