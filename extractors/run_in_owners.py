"""Owners of run-in sub-items in a letter: "3. Bộ trưởng Bộ Tài chính ... thực hiện một số nhiệm vụ sau: 3.1. ...".

A web copy of a Công văn or a Thông báo kết luận runs its numbered items together on one line. An
item that hands out sub-items names their doer once, in its lead-in ("3. Bộ trưởng Bộ Tài chính -
Phó Trưởng ban ... khẩn trương thực hiện một số nhiệm vụ sau:"); the sub-items "3.1.", "3.2." name
none. Each sub-item's obligations without a doer of their own get the lead-in's subject. Only when
the lead-in ends with a colon (it introduces the sub-items) and the sub-item's number extends the
item's ("3.1" under "3").
"""

from __future__ import annotations

import regex

from extractors.obligation_attributes import read_subject
from extractors.types import Obligation

# "3. ", "3.1. " at the start of a line or after a sentence's or clause's end, before a capital.
_MARKER = regex.compile(
    r"(?:^|(?<=[.:;])[ \t]+|[ \t]+(?=\d{1,2}\.\d))(?P<number>\d{1,2}(?:\.\d{1,2})*)\.[ \t]+(?=\p{Lu})",
    regex.MULTILINE,
)
_LEAD_IN_END = regex.compile(r":\s*$")
# "Điều 2. Sở Khoa học và Công nghệ có trách nhiệm: 1. ...; 2. ...": an article run into the decision's line
# hands its items to the unit its lead-in names (a web copy of Quyết định 3565/QĐ-UBND Huế, legal_docs).
_ARTICLE = regex.compile(r"(?:^|(?<=[.:;])[ \t]+)Điều[ \t]+\d{1,3}\.[ \t]+(?=\p{Lu})", regex.MULTILINE)


def inherit_run_in_owners(text: str, obligations: list[Obligation]) -> None:
    """Fill ``responsible`` of the obligations of run-in sub-items from their item's lead-in."""
    if not any(o.responsible is None for o in obligations):
        return
    markers = list(_MARKER.finditer(text))
    articles = list(_ARTICLE.finditer(text))
    for obligation in obligations:
        if obligation.responsible is not None:
            continue
        own = _marker_before(markers, obligation.start)
        if own is None:
            continue
        if "." not in own["number"]:  # "1." under "Điều 2. ... có trách nhiệm:"
            obligation.responsible = _article_owner(text, articles, markers, own)
            continue
        parent_number = own["number"].rsplit(".", 1)[0]
        parent = _marker_before(markers, own.start(), number=parent_number)
        if parent is None:
            continue
        lead_in = text[parent.end() : _first_marker_after(markers, parent.end(), own.start())]
        if _LEAD_IN_END.search(lead_in):
            obligation.responsible = read_subject(lead_in.strip())


def _marker_before(
    markers: list[regex.Match[str]], position: int, number: str | None = None
) -> regex.Match[str] | None:
    found = None
    for marker in markers:
        if marker.end() > position:
            break
        if number is None or marker["number"] == number:
            found = marker
    return found


def _first_marker_after(markers: list[regex.Match[str]], start: int, default: int) -> int:
    return next((m.start() for m in markers if m.start() >= start), default)


def _article_owner(
    text: str, articles: list[regex.Match[str]], markers: list[regex.Match[str]], item: regex.Match[str]
) -> str | None:
    """The doer an article's lead-in names for its item ``item`` ("Điều 2. X có trách nhiệm: 1. ..."), or None."""
    article = _marker_before(articles, item.start())
    if article is None:
        return None
    lead_in = text[article.end() : _first_marker_after(markers, article.end(), item.start())]
    if "\n" in lead_in or not _LEAD_IN_END.search(lead_in):
        return None
    return read_subject(lead_in.strip())
