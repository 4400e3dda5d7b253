"""Reader for page images: PNG, JPEG, TIFF (multi-page TIFF = one page per frame).

Pillow's decompression-bomb guard stays on: ``Image.open`` only parses the header, so the pixel
count is checked against ``Limits.max_pixels`` (and Pillow's own ``MAX_IMAGE_PIXELS``) before any
frame is decoded; a 50 000 x 50 000 "scan" is refused, not allocated.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from kehoach.config import Limits
from kehoach.errors import CorruptFileError, ResourceLimitError


def _open_image(path: Path) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        size = f"{pixels.group(1)} pixels" if pixels else "too many pixels"
        raise ResourceLimitError(f"image too large: {size} (decompression-bomb guard)") from exc
    except UnidentifiedImageError as exc:
        raise CorruptFileError("not a readable image (unknown or broken header)") from exc
    except OSError as exc:
        raise CorruptFileError(f"not a readable image: {exc}") from exc


def image_frame_count(path: Path, limits: Limits) -> int:
    """Number of pages (frames); raises ResourceLimitError before decoding an oversized frame."""
    with _open_image(path) as image:
        frames = getattr(image, "n_frames", 1)
        if frames > limits.max_pages:
            raise ResourceLimitError(f"image has {frames} frames, over the limit of {limits.max_pages} pages")
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            width, height = frame.size
            if width * height > limits.max_pixels:
                raise ResourceLimitError(
                    f"image page {index + 1} is {width}x{height} pixels, over the limit of {limits.max_pixels}"
                )
        return frames


def render_image_frame(
    path: Path, index: int, password: str | None = None
) -> tuple[Image.Image, float | None]:
    """Decode frame ``index`` (runs in an OCR worker) and return it with its DPI if the file says it.

    ``password`` is unused; it keeps the signature shared with the PDF renderer.
    """
    with _open_image(path) as image:
        try:
            image.seek(index)
            dpi = image.info.get("dpi")
            frame = image.convert("RGB")
        except (OSError, SyntaxError, ValueError) as exc:
            raise CorruptFileError(f"image page {index + 1} cannot be decoded: {exc}") from exc
    resolution = float(dpi[0]) if dpi and dpi[0] and float(dpi[0]) > 30 else None
    return frame, resolution
