"""The Tesseract command line, run directly: the page goes in on stdin, the TSV comes out on stdout.

pytesseract did the same through temporary files, and importing it imports pandas when pandas is
installed (0.2 s of the 0.34 s that ``import pipeline.read`` took): time the parent process spends
alone before the page workers start, which showed in the 2-worker speed-up. Here the page is
written to Tesseract's stdin as an uncompressed PNM (Leptonica reads it from memory; compressing
8.7 megapixels to PNG cost ~0.15 s CPU a page), with one OpenMP thread (pages run in parallel in
processes; Tesseract's own threads would only oversubscribe the cores) and a timeout.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image

from kehoach.errors import OcrError

TESSERACT = "tesseract"
PAGE_TIMEOUT_SECONDS = 180
DEFAULT_DPI = 300


def _environment() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def require_tesseract() -> None:
    if shutil.which(TESSERACT) is None:
        raise OcrError("tesseract is not installed (apt install tesseract-ocr tesseract-ocr-vie)")


def pnm_bytes(image: Image.Image) -> bytes:
    """The image as PGM (grey) or PPM (colour): no compression, written in a millisecond."""
    if image.mode not in ("L", "RGB", "1"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # Pillow picks P4/P5/P6 by mode
    return buffer.getvalue()


def run_tesseract(
    arguments: Sequence[str], stdin: bytes | None = None, timeout: float = PAGE_TIMEOUT_SECONDS
) -> str:
    """``tesseract ARGUMENTS`` with one OpenMP thread; its stdout, or a typed error."""
    require_tesseract()
    try:
        result = subprocess.run(
            [TESSERACT, *arguments],
            input=stdin,
            capture_output=True,
            env=_environment(),
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract timed out after {timeout:.0f} s on one page") from exc
    except OSError as exc:
        raise OcrError(f"tesseract could not be started: {exc}") from exc
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"tesseract failed (exit {result.returncode}): {lines[-1] if lines else 'no message'}")
    return result.stdout.decode("utf-8", "replace")


def image_dpi(image: Image.Image) -> int:
    return int(image.info.get("dpi", (DEFAULT_DPI, DEFAULT_DPI))[0]) or DEFAULT_DPI


def image_to_tsv(image: Image.Image, lang: str = "vie", psm: int = 3) -> str:
    """Tesseract's TSV (words, boxes, confidences, layout) for one image."""
    arguments = ["stdin", "stdout", "-l", lang, "--dpi", str(image_dpi(image)), "--psm", str(psm), "tsv"]
    return run_tesseract(arguments, stdin=pnm_bytes(image))


def image_to_osd(image: Image.Image) -> str:
    """Tesseract's orientation and script detection report (``Rotate: 90`` ...) for one image."""
    arguments = ["stdin", "stdout", "--dpi", str(image_dpi(image)), "--psm", "0"]
    return run_tesseract(arguments, stdin=pnm_bytes(image))


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """``"tesseract 5.3.0"``: the first line of ``tesseract --version``."""
    output = run_tesseract(["--version"], timeout=30)
    first = output.strip().splitlines()[0] if output.strip() else "tesseract unknown"
    return first.strip()
