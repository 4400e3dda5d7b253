"""Edit-distance metrics for OCR and repair: character and word error rates.

``cer(reference, hypothesis)`` = Levenshtein distance / reference length, the usual OCR measure; it
can exceed 1 when the hypothesis is much longer. Both strings are NFC-normalised first so that
precomposed and combining Vietnamese diacritics compare equal. RapidFuzz does the distance when
installed (C++, fast on whole pages); otherwise a NumPy dynamic programme gives the same numbers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable, Sequence

import numpy as np

try:
    from rapidfuzz.distance import Levenshtein as _rapid_levenshtein
except ImportError:  # pragma: no cover - exercised only where rapidfuzz is absent
    _rapid_levenshtein = None


def _numpy_levenshtein(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """Row-by-row Levenshtein distance; vectorised over the row except the insertion chain."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    codes: dict[Hashable, int] = {}
    a_codes = np.array([codes.setdefault(x, len(codes)) for x in a])
    b_codes = np.array([codes.setdefault(x, len(codes)) for x in b])
    previous = np.arange(len(b) + 1)
    for i, symbol in enumerate(a_codes, start=1):
        substitution = previous[:-1] + (b_codes != symbol)
        deletion = previous[1:] + 1
        current = np.empty_like(previous)
        current[0] = i
        current[1:] = np.minimum(substitution, deletion)
        # insertions propagate left to right: current[j] = min(current[j], current[j-1] + 1)
        current = np.minimum.accumulate(current - np.arange(len(b) + 1)) + np.arange(len(b) + 1)
        previous = current
    return int(previous[-1])


def levenshtein(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """Edit distance between two sequences (strings, or lists of tokens)."""
    if _rapid_levenshtein is not None:
        return int(_rapid_levenshtein.distance(a, b))
    return _numpy_levenshtein(a, b)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalize_whitespace(text: str) -> str:
    """Collapse every run of whitespace (line and page breaks included) to one space."""
    return " ".join(text.split())


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate of ``hypothesis`` against ``reference`` (0.0 = identical)."""
    reference, hypothesis = _nfc(reference), _nfc(hypothesis)
    if not reference:
        return 0.0 if not hypothesis else 1.0
    return levenshtein(reference, hypothesis) / len(reference)


def wer(reference: str, hypothesis: str) -> float:
    """Word (whitespace token) error rate of ``hypothesis`` against ``reference``."""
    ref_words, hyp_words = _nfc(reference).split(), _nfc(hypothesis).split()
    if not ref_words:
        return 0.0 if not hyp_words else 1.0
    return levenshtein(ref_words, hyp_words) / len(ref_words)


def error_rates(reference: str, hypothesis: str) -> dict[str, float]:
    """CER and WER after whitespace normalisation, as ``kehoach eval`` reports them."""
    ref, hyp = normalize_whitespace(reference), normalize_whitespace(hypothesis)
    return {"cer": cer(ref, hyp), "wer": wer(ref, hyp), "ref_chars": len(ref), "ref_words": len(ref.split())}
