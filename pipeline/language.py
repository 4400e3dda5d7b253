"""Stage: detect the document's language, so that Vietnamese repair is never applied to English.

Deliberately simple and fast: Vietnamese is recognised by its letters with marks (ă â đ ê ô ơ ư and
the tones) and its frequent function syllables, which survive even an OCR that lost the marks
("cua", "va", "cac", "nhan dan"); English by its stop words. No model to download.
"""

from __future__ import annotations

import re

from kehoach.document import Document
from pipeline.options import PipelineOptions

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_VI_LETTERS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_VI_FUNCTION = frozenset(
    "và của các những cho với được trong theo về là có không này đã để khi từ trên tại người một "
    "va cua cac nhung cho voi duoc trong theo ve la co khong nay da de khi tu tren tai nguoi mot "
    "nhan dan uy ban ke hoach thuc hien nam thang ngay so".split()
)
_EN_FUNCTION = frozenset(
    "the of and to in is for with on that this be are as by from at it an or was were will "
    "which have has not their our we you please shall should".split()
)


def detect_language(text: str) -> str:
    """Return ``"vi"``, ``"en"`` or ``"und"`` (too little text to say)."""
    words = [w.lower() for w in _WORD.findall(text[:200_000])]
    if len(words) < 5:
        return "und"
    marked = sum(1 for w in words if _VI_LETTERS.intersection(w))
    vi = sum(1 for w in words if w in _VI_FUNCTION) + marked
    en = sum(1 for w in words if w in _EN_FUNCTION)
    if en > 2 * vi and en >= 0.08 * len(words):
        return "en"
    if vi >= 0.1 * len(words):
        return "vi"
    return "und"


def language(doc: Document, options: PipelineOptions) -> Document:
    """Set ``doc.language``; a non-Vietnamese text is kept, with a warning, and not repaired."""
    with doc.timed("language"):
        doc.language = detect_language(doc.text)
        if doc.language != "vi":
            doc.warnings.append(
                f"language detected as '{doc.language}', not Vietnamese: loaded without Vietnamese repair"
            )
    return doc
