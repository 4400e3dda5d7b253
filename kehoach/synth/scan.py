"""Write a synthetic scan: an image-only PDF and its exact ground truth beside it."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image

from kehoach.synth.degrade import degrade
from kehoach.synth.render import PageStyle, draw_page, ground_truth, layout_pages

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


def degraded_pages(
    text: str, quality: str = "office", seed: int = 0, style: PageStyle | None = None
) -> list[Image.Image]:
    """The degraded page images of ``text``; page i uses its own child of ``seed``'s RNG."""
    style = style or PageStyle()
    seeds = np.random.SeedSequence(seed)
    layouts = layout_pages(text, style)
    children = seeds.spawn(len(layouts))
    return [
        degrade(draw_page(layout, style), quality, np.random.default_rng(child))
        for layout, child in zip(layouts, children, strict=True)
    ]


def synth_scan(
    text: str, out_pdf: Path, quality: str = "office", seed: int = 0, *, style: PageStyle | None = None
) -> Path:
    """Render ``text`` as an A4 scan at ``quality`` into ``out_pdf`` (images only, no text layer).

    The ground truth is written to ``out_pdf.with_suffix('.gt.txt')``: the text as drawn, one
    source line per line, pages separated by form feeds. Same text, quality and seed give the same
    bytes. ``style`` changes the typography or the resolution (default: 13 pt DejaVu Serif, 300 dpi).
    """
    style = style or PageStyle()
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    pages = [_as_jpeg_page(page) for page in degraded_pages(text, quality, seed, style)]
    pages[0].save(
        out_pdf,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=float(style.dpi),
        creationDate=FIXED_PDF_DATE,
        modDate=FIXED_PDF_DATE,
        producer="kehoach.synth",
        title="kehoach synthetic scan",
    )
    ground_truth_path(out_pdf).write_text(ground_truth(layout_pages(text, style)), encoding="utf-8")
    return out_pdf
