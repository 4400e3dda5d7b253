"""Page-image clean-up before Tesseract.

Scans of Vietnamese plans share the same defects: a red seal stamped over the signer's name, a
slight skew from the document feeder, grey or yellowed paper with uneven light, dark scanner
borders, and phone photos or faxes well below the 300 DPI Tesseract is trained for. Each defect
has one step here; :data:`DEFAULT_STEPS` keeps only the steps that lowered the character error
rate on generated scans (``kehoach.synth`` pages, one step added to plain grey at a time), the
others stay callable for experiments (``clean_page(img, steps=ALL_STEPS)``). Measured CER:

- background normalisation: photo 0.80% → 0.25%, poor 0.10% → 0.02% (office +0.02%): kept;
- red-seal fading on the pages with a seal: office 0.87% → 0.00%, photo 0.61% → 0.35%: kept.
  Those figures used a seal painted ~80 % opaque over the text; with the seal's ink multiplied
  into the page as real stamps are (``kehoach.synth.degrade.multiply_ink``), the stamped last
  pages of the five held-out plans read office 7.17% → 0.50%, poor 5.14% → 0.29%, photo
  3.11% → 0.67% without → with it: the seal darkens the letters under it, which grey conversion
  alone turns into a mid-grey blob;
- deskew: office 0.11% → 0.07%, photo 0.32% → 0.25% (poor +0.05%): kept;
- border whitening: photo 0.80% → 1.50% (it cut into text under a photo's shadow): off;
- Sauvola binarisation: worse everywhere (poor 0.10% → 2.4%); Tesseract's own Otsu is better: off;
- upscaling: no effect on 300 DPI scans; kept for low-DPI images and faxes (the DPI Tesseract
  expects), where it is a no-op otherwise.

Every step takes and returns a ``uint8`` numpy array (RGB for colour steps, grey otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import cv2
import numpy as np
from PIL import Image

# One thread per process, like Tesseract (OMP_THREAD_LIMIT=1): pages are OCRed in parallel by
# processes, and OpenCV's own thread pool in each of them would only oversubscribe the cores.
cv2.setNumThreads(1)

TARGET_DPI = 300
A4_WIDTH_INCHES = 8.27  # used to guess the DPI of an image that does not say it
MAX_SKEW_DEGREES = 5.0
REDNESS_START, REDNESS_SPAN = 10.0, 30.0  # redness where a pixel starts to fade, and to full white

GreyStep = Callable[[np.ndarray], np.ndarray]


def suppress_red(rgb: np.ndarray) -> np.ndarray:
    """Fade red/pink ink (seals) to white while converting to grey; black ink is untouched.

    Must run on the colour image: after grey conversion a red seal is a mid-grey blob that
    Tesseract reads as letters or that swallows the signer's name printed under it. Blur, JPEG
    and uneven light leave the seal's edges only faintly red, so redness (red minus the larger of
    green and blue) fades a pixel gradually rather than by one threshold; black text over the seal
    is dark in every channel, has no redness, and stays.
    """
    if not has_red(rgb):
        return to_grey(rgb)  # the same pixels as below with no pixel to fade, at a tenth of the cost
    red = rgb[..., 0].astype(np.float32)
    redness = red - np.maximum(rgb[..., 1], rgb[..., 2]).astype(np.float32)
    weight = np.clip((redness - REDNESS_START) / REDNESS_SPAN, 0.0, 1.0)
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    return np.clip(grey + (255.0 - grey) * weight, 0, 255).astype(np.uint8)


def has_red(rgb: np.ndarray) -> bool:
    """True when some pixel is red enough to be faded by :func:`suppress_red` (most pages: none).

    Saturating ``uint8`` arithmetic in OpenCV, one pass over the page: the float32 version costs
    three page-sized float arrays, memory traffic that two workers on one machine compete for.
    """
    channels = cv2.split(rgb)
    redness = cv2.subtract(channels[0], cv2.max(channels[1], channels[2]))  # negative -> 0
    return int(redness.max()) > REDNESS_START


def to_grey(rgb: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)


def upscale_factor(width_px: int, dpi: float | None) -> float:
    """How much to enlarge a page to reach ~300 DPI; 1.0 when it is already close enough."""
    effective_dpi = dpi if dpi and dpi > 30 else width_px / A4_WIDTH_INCHES
    if effective_dpi >= 0.85 * TARGET_DPI:
        return 1.0
    return min(TARGET_DPI / effective_dpi, 4.0)


def upscale(grey: np.ndarray, factor: float) -> np.ndarray:
    if factor <= 1.0:
        return grey
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def remove_borders(grey: np.ndarray) -> np.ndarray:
    """Whiten the dark bands a scanner lid or a photocopy leaves along the page edges.

    Walks inwards from each edge while a row/column is mostly dark, at most 8% of the size in,
    so a text line is never taken for a border (text rows are far below 50% dark).
    """
    out = grey.copy()
    dark = grey < 100
    height, width = grey.shape
    row_dark = dark.mean(axis=1)
    col_dark = dark.mean(axis=0)
    for fractions, size, axis in ((row_dark, height, 0), (col_dark, width, 1)):
        limit = int(size * 0.08)
        for edge in (range(limit), range(size - 1, size - 1 - limit, -1)):
            for index in edge:
                if fractions[index] < 0.5:
                    break
                if axis == 0:
                    out[index, :] = 255
                else:
                    out[:, index] = 255
    return out


def normalize_background(grey: np.ndarray) -> np.ndarray:
    """Divide by a blurred estimate of the paper so grey/yellow or unevenly lit pages become white.

    The background is a morphological closing (erases text strokes) at low resolution, blurred;
    dividing keeps stroke contrast while flattening light gradients and paper tone.
    """
    height, width = grey.shape
    scale = 4
    small = cv2.resize(grey, (max(width // scale, 1), max(height // scale, 1)), interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15))
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    background = cv2.GaussianBlur(background, (0, 0), 5)
    background = cv2.resize(background, (width, height), interpolation=cv2.INTER_LINEAR)
    normalized = grey.astype(np.float32) / np.maximum(background.astype(np.float32), 1.0) * 255.0
    return np.clip(normalized, 0, 255).astype(np.uint8)


def estimate_skew(grey: np.ndarray) -> float:
    """Skew angle in degrees by projection profiles: text lines give the sharpest row histogram
    when horizontal. Coarse 0.5° search then 0.1° refinement, on a reduced image (cheap)."""
    height, width = grey.shape
    scale = min(1.0, 1200.0 / max(width, 1))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    ink = (small < 160).astype(np.float32)
    if ink.mean() < 0.002:
        return 0.0

    def sharpness(angle: float) -> float:
        center = (ink.shape[1] / 2, ink.shape[0] / 2)
        matrix = cv2.getRotationMatrix2D(center, angle, 1.0)
        rotated = cv2.warpAffine(ink, matrix, (ink.shape[1], ink.shape[0]), flags=cv2.INTER_NEAREST)
        profile = rotated.sum(axis=1)
        return float(np.square(np.diff(profile)).sum())

    coarse = np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 0.01, 0.5)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - 0.4, best + 0.41, 0.1)
    return float(max(fine, key=sharpness))


def deskew(grey: np.ndarray) -> np.ndarray:
    angle = estimate_skew(grey)
    if abs(angle) < 0.15:
        return grey
    height, width = grey.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(
        grey, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=255
    )


def binarize_sauvola(grey: np.ndarray) -> np.ndarray:
    """Local (Sauvola) threshold: survives stains and shadows that a global Otsu threshold keeps."""
    from skimage.filters import threshold_sauvola

    threshold = threshold_sauvola(grey, window_size=31, k=0.2)
    return np.where(grey > threshold, 255, 0).astype(np.uint8)


GREY_STEPS: dict[str, GreyStep] = {
    "remove_borders": remove_borders,
    "normalize_background": normalize_background,
    "deskew": deskew,
    "binarize": binarize_sauvola,
}
ALL_STEPS: tuple[str, ...] = ("suppress_red", "upscale", *GREY_STEPS)
DEFAULT_STEPS: tuple[str, ...] = ("suppress_red", "upscale", "normalize_background", "deskew")


def clean_page(
    image: Image.Image, dpi: float | None = None, steps: Sequence[str] = DEFAULT_STEPS
) -> Image.Image:
    """Apply the chosen clean-up steps in their fixed order and return a greyscale image.

    ``dpi`` is the resolution the page was rendered or scanned at (None: guessed from an A4 width).
    """
    unknown = set(steps) - set(ALL_STEPS)
    if unknown:
        raise ValueError(f"unknown clean-up steps: {sorted(unknown)}")
    rgb = np.asarray(image.convert("RGB"))
    grey = suppress_red(rgb) if "suppress_red" in steps else to_grey(rgb)
    if "upscale" in steps:
        grey = upscale(grey, upscale_factor(grey.shape[1], dpi))
    for name, step in GREY_STEPS.items():
        if name in steps:
            grey = step(grey)
    return Image.fromarray(grey, mode="L")
