"""Write a synthetic scan: an image-only PDF and its exact ground truth beside it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image

from kehoach.synth.degrade import degrade
from kehoach.synth.render import PageLayout, PageStyle, draw_page, ground_truth, layout_pages

PDF_JPEG_QUALITY = 60
# Pillow writes no dates unless asked; fixing them anyway keeps the PDF byte-identical across runs.
FIXED_PDF_DATE = "D:20240101000000Z"


def ground_truth_path(out_pdf: Path) -> Path:
    """``scan.pdf`` -> ``scan.gt.txt``."""
    return out_pdf.with_suffix(".gt.txt")


def _as_jpeg_page(page: Image.Image) -> Image.Image:
    """Re-encode as JPEG so the PDF embeds it with DCTDecode at a predictable size."""
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=PDF_JPEG_QUALITY, dpi=page.info.get("dpi", (300, 300)))
    return Image.open(io.BytesIO(buffer.getvalue()))


def iter_degraded_pages(
    layouts: list[PageLayout], quality: str, seed: int, style: PageStyle
) -> Iterator[Image.Image]:
    """The degraded image of each laid-out page, one at a time; page i uses its own child of
    ``seed``'s RNG (so a page looks the same whatever follows it)."""
    children = np.random.SeedSequence(seed).spawn(len(layouts))
    for layout, child in zip(layouts, children, strict=True):
        yield degrade(draw_page(layout, style), quality, np.random.default_rng(child))


def degraded_pages(
    text: str, quality: str = "office", seed: int = 0, style: PageStyle | None = None
) -> list[Image.Image]:
    """The degraded page images of ``text`` (all in memory: for short texts and tests)."""
    style = style or PageStyle()
    return list(iter_degraded_pages(layout_pages(text, style), quality, seed, style))


def synth_scan(
    text: str, out_pdf: Path, quality: str = "office", seed: int = 0, *, style: PageStyle | None = None
) -> Path:
    """Render ``text`` as an A4 scan at ``quality`` into ``out_pdf`` (images only, no text layer).

    The ground truth is written to ``out_pdf.with_suffix('.gt.txt')``: the text as drawn, one
    source line per line, pages separated by form feeds. Same text, quality and seed give the same
    bytes. ``style`` changes the typography or the resolution (default: 13 pt DejaVu Serif, 300 dpi).

    Pages are appended to the PDF one at a time: Pillow's multi-page save keeps every page decoded
    until the file is written, 25 MB a page (a 200-page benchmark scan took 7 GB).
    """
    style = style or PageStyle()
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    layouts = layout_pages(text, style)
    for number, page in enumerate(iter_degraded_pages(layouts, quality, seed, style)):
        jpeg = _as_jpeg_page(page)
        jpeg.save(
            out_pdf,
            "PDF",
            append=number > 0,
            resolution=float(style.dpi),
            creationDate=FIXED_PDF_DATE,
            modDate=FIXED_PDF_DATE,
            producer="kehoach.synth",
            title="kehoach synthetic scan",
        )
        jpeg.close()
    ground_truth_path(out_pdf).write_text(ground_truth(layouts), encoding="utf-8")
    return out_pdf
