"""Stage: Vietnamese diacritic restoration and OCR letter repair.

Adds the ``repaired`` text version when the normalised text needs it — its garbling score (share of
word tokens that are not Vietnamese syllables the model knows, or lack marks Vietnamese needs) says
so, or it was OCRed (Tesseract ``vie`` errors are valid-looking syllables that only context reveals).
Line i of the repaired text is line i of the normalised text, and lines that need nothing are
unchanged, so later stages and offsets see the same layout.
"""

from __future__ import annotations

from kehoach.document import Document
from kehoach.repair import Repairer
from pipeline.ocr_postfix import restore_type_code_from_name
from pipeline.options import PipelineOptions


def repair(doc: Document, options: PipelineOptions) -> Document:
    """Add the ``repaired`` text version and set ``doc.repaired`` when the text needs repair."""
    if not options.repair or doc.language not in (None, "vi", "und"):
        return doc
    text = doc.text
    if not text.strip():
        return doc
    with doc.timed("repair"):
        repairer = Repairer.load()
        ocr_lang = (doc.ocr or {}).get("lang")
        if not repairer.needs_repair(text, ocr_lang):
            return doc
        repaired = repairer.repair_text(text, ocr_lang=ocr_lang if ocr_lang in ("vie", "eng") else None)
        if ocr_lang:
            # The type word before a symbol may only read right after repair ("Thông tư" from "Thông tr"):
            # its misread type code is restored again ("Thông tư 20/2021/TTI-BGDĐT" -> TT), line by line.
            repaired = restore_type_code_from_name(repaired)
        if repaired != text:
            doc.add_text("repaired", repaired)
            doc.repaired = True
    return doc
