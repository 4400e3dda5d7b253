"""Offsets that survive Unicode normalisation.

Extractors match NFC text (their patterns and lexicons are NFC), but a caller may hand them text
with decomposed marks (a PDF text layer): offsets must still index the text they were given.
"""

from __future__ import annotations

import unicodedata

import regex

_CLUSTER = regex.compile(r"\P{M}?\p{M}+")  # a base character and the marks after it (or stray marks)


def nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """``(nfc, back)``: the NFC text, and for each of its offsets (and its end) the offset in ``text``.

    Normalises one cluster (a base character and the combining marks after it) at a time, and the
    text between clusters as it is; where composition would cross clusters (rare scripts: Hangul
    jamo), offsets are interpolated to stay in bounds.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    pieces: list[str] = []
    back: list[int] = []

    def copy(start: int, end: int) -> None:
        """Text with no marks: NFC leaves its length alone almost always, and then offsets map 1:1."""
        segment = unicodedata.normalize("NFC", text[start:end])
        if len(segment) == end - start:
            pieces.append(segment)
            back.extend(range(start, end))
            return
        for index in range(start, end):  # a singleton that NFC rewrites (U+212B ANGSTROM SIGN ...)
            char = unicodedata.normalize("NFC", text[index])
            pieces.append(char)
            back.extend([index] * len(char))

    # Only the clusters with marks are normalised one by one: a plan has a handful of decomposed
    # marks (a PDF text layer, an OCR engine) among tens of thousands of characters.
    done = 0
    for match in _CLUSTER.finditer(text):
        copy(done, match.start())
        cluster = unicodedata.normalize("NFC", match.group())
        pieces.append(cluster)
        back.extend([match.start()] * len(cluster))
        done = match.end()
    copy(done, len(text))
    nfc = "".join(pieces)
    back.append(len(text))
    if nfc != unicodedata.normalize("NFC", text):  # composition across clusters: keep bounds only
        nfc = unicodedata.normalize("NFC", text)
        back = [min(len(text), round(i * len(text) / max(1, len(nfc)))) for i in range(len(nfc) + 1)]
    return nfc, back
