"""The document an annex belongs to: "(Kèm theo Công văn số 6225/BVHTTDL-VP ngày 18/11/2025 của Bộ ...)".

Web copies often start below the header ("Kính gửi: ...", or the title): the annex line under the
title of an attached plan or table is then the only place that gives the document's number, type,
date and issuer. The line always names the document it is attached to, i.e. the document itself.
"""

from __future__ import annotations

import re

from extractors.citations import extract_citations
from extractors.types import CitedDocument, DocumentMeta

# "(Kèm theo ...", "(Ban hành kèm theo ...": the bracket and the words right before the citation.
_ANNEX_LEAD = re.compile(r"\(\s*(?:Ban\s+hành\s+)?(?:kèm|Kèm|KÈM)\s+(?:theo|THEO)\s+")
_LINE_END = re.compile(r"\)|\n")


def annexed_document(text: str) -> CitedDocument | None:
    """The document named by the first annex line of ``text`` ("(Kèm theo <type> số <number> ...)")."""
    for lead in _ANNEX_LEAD.finditer(text):
        before = text[text.rfind("\n", 0, lead.start()) + 1 : lead.start()]
        if any(ch.islower() for ch in before):
            # "… (Tham khảo hướng dẫn … (Ban hành kèm theo Quyết định số 3937/QĐ-TCĐBVN …" (news, heldout145): a
            # bracket in running text cites; the annex line opens its line or follows a title in capitals
            continue
        end = _LINE_END.search(text, lead.end())
        line = text[lead.end() : end.start() if end else len(text)]
        citations = extract_citations(line)
        if citations and citations[0].start == 0 and citations[0].number:
            return citations[0]
    return None


def fill_from_annex_line(text: str, meta: DocumentMeta) -> None:
    """Number, type, date and issuer from "(Kèm theo Công văn số ... ngày ... của ...)" in a copy without header.

    Only when the types agree: a plan whose annex line names the Quyết định that issues it keeps its
    own type and takes nothing from the line.
    """
    annexed = annexed_document(text)
    if annexed is None or (meta.doc_type is not None and meta.doc_type != annexed.doc_type):
        return
    meta.number, meta.doc_type = annexed.number, annexed.doc_type
    meta.issued_on = meta.issued_on or annexed.issued_on
    meta.issuer = meta.issuer or annexed.issuer
