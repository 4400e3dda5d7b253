"""Candidate skeletons for a word with a glyph that stands for a damaged letter (vie OCR).

Tesseract ``vie`` writes a letter it cannot read as a glyph that is no letter (``Vă¡``, ``C¿c``,
``Ch:nh``; the spans are built by :mod:`kehoach.repair.glyphs`) or, inside a word with Vietnamese
marks, as a letter Vietnamese does not write (``điz``). The glyph says a letter was there, not which:
it is read as nothing, any one letter or two, and the channel prices it at ``junk_substitute``.
"""

from __future__ import annotations

from kehoach.repair.channel import OcrPrior
from kehoach.repair.syllables import has_diacritics

SKELETON_LETTERS = "abcdeghiklmnopqrstuvxy"  # the letters of Vietnamese skeletons (marks stripped)


def junk_position(lower: str, skeleton: str, prior: OcrPrior) -> int | None:
    """Where the first glyph standing for a damaged letter is in ``skeleton`` (the skeleton of
    ``lower``): a junk glyph (``vă¡``), or a letter Vietnamese lacks in a marked word (``điz``)."""
    for k, ch in enumerate(skeleton):
        if ch in prior.junk or (ch in prior.junk_letters and has_diacritics(lower)):
            return k
    return None


def junk_skeletons(skeleton: str, k: int, prior: OcrPrior, syllables: frozenset[str]) -> dict[str, float]:
    """Syllable skeletons (from ``syllables``; codes such as ``cdc`` are not words) with the glyph at
    ``k`` read as nothing, one letter or two (``va¡`` -> van, vao ...; ``¡ch`` -> lich), and the
    prior cost of each reading."""
    head, tail = skeleton[:k], skeleton[k + 1 :]
    fills = {"": prior.insert}
    fills.update((a, prior.junk_substitute) for a in SKELETON_LETTERS)
    fills.update(
        (a + b, prior.junk_substitute + prior.delete) for a in SKELETON_LETTERS for b in SKELETON_LETTERS
    )
    return {head + fill + tail: cost for fill, cost in fills.items() if head + fill + tail in syllables}
