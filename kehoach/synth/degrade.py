"""Make a clean rendered page look scanned or photographed, reproducibly from a seeded RNG.

Parameters are drawn first (``draw_degradation``) and applied second (``apply_degradation``) so that
a caller can know the geometry it applied: the OCR channel builder maps OCR word boxes back through
the rotation to find which source line they belong to.

Quality levels, from what plans in the wild look like:
- ``clean``: the rendered page as is (a born-digital print to image).
- ``office``: a flatbed/MFP scan: slight skew, soft focus, sensor noise, JPEG, a red stamp, and the
  background whitened as MFPs do.
- ``poor``: a fax-like or re-scanned copy: more skew, 150–200 dpi resampling, uneven toner, speckles.
- ``photo``: a phone photo: rotation, 150–200 dpi, strong uneven lighting, a shadow over an edge.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from kehoach.errors import UsageError
from kehoach.synth.fonts import font_path
from kehoach.synth.render import STAMP_BOX_KEY

QUALITIES = ("clean", "office", "poor", "photo")
STAMP_RED = (200, 30, 40)
STAMP_INK_DENSITY = 0.8  # share of the ink colour laid down where the seal's strokes are


@dataclass(frozen=True, slots=True)
class Degradation:
    """The concrete distortions applied to one page."""

    angle_deg: float = 0.0
    blur_radius: float = 0.0
    noise_sigma: float = 0.0
    jpeg_quality: int | None = None
    resample_dpi: int | None = None  # the page is scanned at this dpi and enlarged back to 300
    lighting: float = 0.0  # depth of the brightness gradient, 0..1
    lighting_angle: float = 0.0
    shadow: float = 0.0  # darkness of an edge shadow, 0..1
    speckles: int = 0
    background_clip: int | None = None  # office MFPs whiten paper above this grey level
    stamp: bool = False
    stamp_offset: tuple[float, float] = (0.0, 0.0)


def draw_degradation(quality: str, rng: np.random.Generator) -> Degradation:
    """Draw the distortions for one page at ``quality``."""
    if quality not in QUALITIES:
        raise UsageError(f"unknown quality {quality!r}; choose one of {', '.join(QUALITIES)}")
    if quality == "clean":
        return Degradation()
    offset = (float(rng.uniform(-0.25, 0.25)), float(rng.uniform(-0.2, 0.2)))
    angle_limit = {"office": 0.7, "poor": 1.8, "photo": 3.0}[quality]
    common = {
        "angle_deg": float(rng.uniform(-angle_limit, angle_limit)),
        "lighting_angle": float(rng.uniform(0, 2 * math.pi)),
        "stamp": True,
        "stamp_offset": offset,
    }
    if quality == "office":
        return Degradation(
            blur_radius=float(rng.uniform(0.4, 0.8)),
            noise_sigma=float(rng.uniform(2, 4)),
            jpeg_quality=int(rng.integers(60, 80)),
            lighting=float(rng.uniform(0.0, 0.08)),
            background_clip=int(rng.integers(215, 235)),
            **common,
        )
    if quality == "poor":
        return Degradation(
            blur_radius=float(rng.uniform(0.6, 1.1)),
            noise_sigma=float(rng.uniform(8, 14)),
            jpeg_quality=int(rng.integers(30, 50)),
            resample_dpi=int(rng.integers(150, 201)),
            lighting=float(rng.uniform(0.1, 0.25)),
            speckles=int(rng.integers(300, 1500)),
            **common,
        )
    return Degradation(
        blur_radius=float(rng.uniform(0.8, 1.4)),
        noise_sigma=float(rng.uniform(6, 12)),
        jpeg_quality=int(rng.integers(40, 65)),
        resample_dpi=int(rng.integers(150, 201)),
        lighting=float(rng.uniform(0.25, 0.45)),
        shadow=float(rng.uniform(0.3, 0.6)),
        **common,
    )


def _draw_stamp(
    image: Image.Image, box: tuple[int, int, int, int], offset: tuple[float, float]
) -> Image.Image:
    """A round red seal in translucent ink, centred on the signature area (as seals are placed)."""
    x0, y0, x1, y1 = box
    radius = round(image.width * 0.085)
    cx = round((x0 + x1) / 2 + offset[0] * (x1 - x0) - radius * 0.6)
    cy = round((y0 + y1) / 2 + offset[1] * (y1 - y0))
    layer = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(layer)
    for r, width in ((radius, 0.045), (round(radius * 0.86), 0.02), (round(radius * 0.42), 0.025)):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=max(1, round(radius * width)))
    font = ImageFont.truetype(str(font_path("dejavu-sans", bold=True)), round(radius * 0.22))
    draw.text((cx, cy), "★", font=font, fill=255, anchor="mm")
    layer = layer.filter(ImageFilter.GaussianBlur(radius * 0.006)).point(lambda v: int(v * STAMP_INK_DENSITY))
    return multiply_ink(image, layer, STAMP_RED)


def multiply_ink(image: Image.Image, coverage: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    """Lay translucent ink of ``colour`` over ``image`` where ``coverage`` (L, 0-255) says, multiplying.

    Stamp ink is a dye on paper, not paint: it darkens what lies under it, so black text under a
    seal stays black (multiply blend, each channel ``page × ink / 255``) and only the white paper
    turns red. Drawing the seal opaque over the text (the first generator did, ~80 % alpha) wipes
    out the letters under it, which no real scan does.
    """
    alpha = np.asarray(coverage, dtype=np.float32)[..., None] / 255.0
    ink = 255.0 - alpha * (255.0 - np.asarray(colour, dtype=np.float32))  # white where no ink
    page = np.asarray(image.convert("RGB"), dtype=np.float32)
    return Image.fromarray(np.round(page * ink / 255.0).astype(np.uint8), "RGB")


def _lighting(pixels: np.ndarray, depth: float, angle: float, shadow: float) -> np.ndarray:
    """Multiply by a linear brightness gradient and darken one edge for the photo's shadow."""
    height, width = pixels.shape[:2]
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    ramp = (xs / width - 0.5) * math.cos(angle) + (ys / height - 0.5) * math.sin(angle)
    gain = 1.0 - depth * (ramp + 0.5)
    if shadow:
        edge = np.clip(1.0 - xs / (0.12 * width), 0.0, 1.0) ** 2
        gain *= 1.0 - shadow * edge
    return pixels * gain[..., None]


def apply_degradation(image: Image.Image, degradation: Degradation, rng: np.random.Generator) -> Image.Image:
    """Apply ``degradation`` to an RGB page; pixel noise and speckles come from ``rng``."""
    page = image.convert("RGB")
    stamp_box = image.info.get(STAMP_BOX_KEY)
    if degradation.stamp and stamp_box is not None:
        page = _draw_stamp(page, stamp_box, degradation.stamp_offset)
    if degradation.angle_deg:
        page = page.rotate(degradation.angle_deg, resample=Image.BICUBIC, fillcolor=(250, 250, 248))
    if degradation.resample_dpi:
        factor = degradation.resample_dpi / 300
        small = page.resize((round(page.width * factor), round(page.height * factor)), Image.BILINEAR)
        page = small.resize(page.size, Image.BICUBIC)
    if degradation.blur_radius:
        page = page.filter(ImageFilter.GaussianBlur(degradation.blur_radius))
    pixels = np.asarray(page, dtype=np.float32)
    if degradation.lighting or degradation.shadow:
        pixels = _lighting(pixels, degradation.lighting, degradation.lighting_angle, degradation.shadow)
    if degradation.noise_sigma:
        pixels = pixels + rng.normal(0.0, degradation.noise_sigma, pixels.shape[:2])[..., None]
    if degradation.speckles:
        ys = rng.integers(0, pixels.shape[0], degradation.speckles)
        xs = rng.integers(0, pixels.shape[1], degradation.speckles)
        pixels[ys, xs] = 30.0
    if degradation.background_clip is not None:
        pixels[pixels.min(axis=2) > degradation.background_clip] = 255.0
    page = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    if degradation.jpeg_quality:
        buffer = io.BytesIO()
        page.save(buffer, "JPEG", quality=degradation.jpeg_quality)
        page = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    page.info["dpi"] = image.info.get("dpi", (300, 300))
    return page


def degrade(image: Image.Image, quality: str, rng: np.random.Generator) -> Image.Image:
    """Degrade one clean page to ``quality`` (clean, office, poor, photo) using ``rng``."""
    return apply_degradation(image, draw_degradation(quality, rng), rng)


def rotate_point(x: float, y: float, degradation: Degradation, size: tuple[int, int]) -> tuple[float, float]:
    """Map a point of the degraded page back to the clean page (undo the rotation about the centre)."""
    if not degradation.angle_deg:
        return x, y
    cx, cy = size[0] / 2, size[1] / 2
    theta = math.radians(degradation.angle_deg)  # PIL rotates counter-clockwise on screen
    dx, dy = x - cx, y - cy
    return cx + dx * math.cos(theta) - dy * math.sin(theta), cy + dx * math.sin(theta) + dy * math.cos(theta)
