"""Offsets that survive Unicode normalisation.

Extractors match NFC text (their patterns and lexicons are NFC), but a caller may hand them text
with decomposed marks (a PDF text layer): offsets must still index the text they were given.
"""

from __future__ import annotations

import unicodedata


def nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """``(nfc, back)``: the NFC text, and for each of its offsets (and its end) the offset in ``text``.

    Normalises one cluster (a base character and the combining marks after it) at a time; where
    composition would cross clusters (rare scripts), offsets are interpolated to stay in bounds.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    pieces: list[str] = []
    back: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            cluster = unicodedata.normalize("NFC", text[start:index])
            pieces.append(cluster)
            back.extend([start] * len(cluster))
            start = index
    nfc = "".join(pieces)
    back.append(len(text))
    if nfc != unicodedata.normalize("NFC", text):  # composition across clusters: keep bounds only
        nfc = unicodedata.normalize("NFC", text)
        back = [min(len(text), round(i * len(text) / max(1, len(nfc)))) for i in range(len(nfc) + 1)]
    return nfc, back
