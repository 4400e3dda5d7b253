"""Make the non-text samples of the corpus from the seed text, reproducibly (``make samples``).

Into ``data/raw/generated/``:
- ``<Hoa Lư>.pdf``: a text PDF (reportlab, DejaVu Serif embedded) whose text layer reads back as
  the source text;
- ``<Vạn Phúc>.docx``: a Word file, one paragraph per source line;
- ``<Nguyễn Bỉnh Khiêm>.scan.pdf``: an image-only scan, office quality (``kehoach.synth``);
- ``<Hoa Lư>.p1.png``: page 1 of Hoa Lư as a scanned page image.

The ground truth of the two images goes to ``tests/data/ocr_eval/`` (not beside them, so that
``kehoach ingest data/raw/`` does not load it as one more plan). Dates inside the files are fixed
so that a re-run gives the same SHA-256s.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import numpy as np
from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from kehoach.synth import PageStyle, degrade, ground_truth, layout_pages, synth_scan
from kehoach.synth.cleaning import clean_source_text
from kehoach.synth.fonts import font_path
from kehoach.synth.layout import plan_blocks
from kehoach.synth.render import draw_page

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
OUT = RAW / "generated"
GROUND_TRUTH = ROOT / "tests" / "data" / "ocr_eval"
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

TEXT_PDF_SEED = "ke-hoach-mn-hoa-lu-papi-2024.txt"
DOCX_SEED = "ke-hoach-phuong-van-phuc-papi-2021-2025.txt"
SCAN_SEED = "ke-hoach-th-nguyen-binh-khiem-par-index-2025.md"
PNG_SEED = "ke-hoach-mn-hoa-lu-papi-2024.txt"
SCAN_SEED_NUMBER, PNG_SEED_NUMBER = 11, 23
PNG_STEP, PNG_WHITE = 16, 240  # 16 grey levels, paper clipped to white: a 0.5 MB page instead of 3 MB

_ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def seed_text(name: str) -> str:
    return clean_source_text((RAW / name).read_text(encoding="utf-8"))


def _register_fonts() -> None:
    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(font_path("dejavu-serif"))))
    pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", str(font_path("dejavu-serif", bold=True))))


def make_text_pdf(text: str, out: Path) -> Path:
    """A born-digital PDF: the same blocks as the scans (bold centred titles, justified body)."""
    rl_config.invariant = 1  # fixed creation date and document ID
    _register_fonts()
    story = []
    for block in plan_blocks(text):
        style = ParagraphStyle(
            f"b{block.source_line}",
            fontName="DejaVuSerif-Bold" if block.bold else "DejaVuSerif",
            fontSize=12,
            leading=16,
            alignment=_ALIGN[block.align if block.column == "full" else "right"],
        )
        if block.space_before:
            story.append(Spacer(1, block.space_before * 16))
        story.append(Paragraph(escape(block.text), style))
    document = SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=30 * mm, rightMargin=20 * mm, topMargin=20 * mm, bottomMargin=20 * mm,
        title=out.stem, author="kehoach make_samples", creator="kehoach", producer="kehoach",
    )  # fmt: skip
    document.build(story)
    return out


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a DOCX zip with fixed entry times and order, for a stable SHA-256."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return buffer.getvalue()


def make_docx(text: str, out: Path) -> Path:
    """One Word paragraph per source line; headings bold and centred like the printed plan."""
    document = docx.Document()
    alignments = {"center": 1, "right": 2, "justify": 3, "left": 0}
    for block in plan_blocks(text):
        paragraph = document.add_paragraph()
        paragraph.alignment = alignments[block.align if block.column == "full" else "right"]
        run = paragraph.add_run(block.text)
        run.bold = block.bold
    properties = document.core_properties
    properties.author, properties.title = "kehoach make_samples", out.stem
    properties.created = properties.modified = properties.last_printed = FIXED_TIME.replace(tzinfo=None)
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(_fixed_zip(buffer.getvalue()))
    return out


def make_scan(text: str, out: Path) -> Path:
    synth_scan(text, out, quality="office", seed=SCAN_SEED_NUMBER)
    gt = out.with_suffix(".gt.txt")
    GROUND_TRUTH.mkdir(parents=True, exist_ok=True)
    gt.replace(GROUND_TRUTH / gt.name)
    return out


def make_png(text: str, out: Path) -> Path:
    """Page 1 as an office scan exported as 16-level greyscale with a white background, as scanners do."""
    style = PageStyle()
    pages = layout_pages(text, style)
    image = degrade(draw_page(pages[0], style), "office", np.random.default_rng(PNG_SEED_NUMBER))
    grey = image.convert("L").point(
        lambda v: 255 if v >= PNG_WHITE else v // PNG_STEP * PNG_STEP + PNG_STEP // 2
    )
    grey.save(out, "PNG", optimize=True, dpi=(style.dpi, style.dpi))
    page_one = ground_truth(pages).split("\f")[0]
    (GROUND_TRUTH / out.with_suffix(".gt.txt").name).write_text(
        page_one.rstrip("\n") + "\n", encoding="utf-8"
    )
    return out


def make_samples() -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    GROUND_TRUTH.mkdir(parents=True, exist_ok=True)
    return [
        make_text_pdf(seed_text(TEXT_PDF_SEED), OUT / f"{Path(TEXT_PDF_SEED).stem}.pdf"),
        make_docx(seed_text(DOCX_SEED), OUT / f"{Path(DOCX_SEED).stem}.docx"),
        make_scan(seed_text(SCAN_SEED), OUT / f"{Path(SCAN_SEED).stem}.scan.pdf"),
        make_png(seed_text(PNG_SEED), OUT / f"{Path(PNG_SEED).stem}.p1.png"),
    ]


if __name__ == "__main__":
    for path in make_samples():
        print(f"{path.relative_to(ROOT)}\t{path.stat().st_size} bytes")
