"""Attributes of one action item: frequency, recipient and channel of its report, who does it.

Split from :mod:`extractors.obligations` (which finds the items) because each reader here works on
one sentence and can be tested alone. Cue words are data (``data/obligations.yaml``).

Names are read on the abbreviation-expanded sentence ("báo cáo UBND quận" → "Ủy ban nhân dân quận")
and a bare level is completed with the unit the document names most often ("Ủy ban nhân dân quận"
→ "Ủy ban nhân dân quận Hà Đông"), as an analyst reading the whole plan would.
"""

from __future__ import annotations

from collections import Counter

import regex

from extractors.lexicon import load_yaml
from extractors.organizations import complete_unit, expand_abbreviations, find_organizations, organization_at
from extractors.types import Frequency

_DATA = load_yaml("obligations")
_FLAGS = regex.IGNORECASE | regex.VERSION1


def _any_of(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


_FREQUENCIES: list[tuple[Frequency, regex.Pattern[str]]] = [
    (frequency, regex.compile(rf"(?<!\w)(?:{_any_of(patterns)})(?!\w)", _FLAGS))
    for frequency, patterns in _DATA["frequencies"].items()
]
_FREQUENCY_EXCEPTION = regex.compile(_any_of(_DATA["frequency_exceptions"]), _FLAGS)
# The recipient cue must end right before the organisation's name.
_RECIPIENT_CUE = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['recipient_cues'])})\s*$", _FLAGS)
# A report to the head of a body: "báo cáo Chủ tịch Ủy ban nhân dân tỉnh", "trình Giám đốc Sở Y tế".
_TITLES = sorted(load_yaml("titles")["titles"], key=len, reverse=True)
_RECIPIENT_CUE_AND_TITLE = regex.compile(
    rf"(?<!\w)(?:{_any_of(_DATA['recipient_cues'])})\s*(?<=\s)(?P<title>{_any_of([regex.escape(t) for t in _TITLES])})\s+$",
    regex.VERSION1,
)
_VIA_CUE = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['via_cues'])})\s*$", _FLAGS)
_REPORT_VERB = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['report_verbs'])})(?!\w)", _FLAGS)
_SUBJECT = regex.compile(rf"(?:{_any_of(_DATA['subjects'])})(?!\w)", regex.VERSION1)
_HEADING_OPENER = regex.compile(rf"^\s*(?:{_any_of(_DATA['heading_openers'])})\s+", _FLAGS)
# Where a sentence's subject may stand: at its start, or after a leading adverbial clause
# ("Chậm nhất 01 tháng khi ..., Thủ trưởng đơn vị triển khai ...").
_CLAUSE_START = regex.compile(r"^|,\s+")


def read_frequency(sentence: str) -> Frequency | None:
    """The recurrence the sentence states (``hàng quý`` → quarterly); the earliest wins.

    Phrases of ``frequency_exceptions`` ("Kế hoạch hàng năm của thành phố") are blanked first.
    """
    sentence = _FREQUENCY_EXCEPTION.sub(lambda m: " " * len(m.group(0)), sentence)
    found = [(m.start(), frequency) for frequency, pattern in _FREQUENCIES if (m := pattern.search(sentence))]
    return min(found)[1] if found else None


def read_recipient_and_via(sentence: str, units: dict[str, Counter[str]]) -> tuple[str | None, str | None]:
    """``(recipient, via)`` of a report or submission the sentence asks for.

    ``báo cáo ... về UBND Quận 1 (qua Phòng Nội vụ)`` → ("Ủy ban nhân dân Quận 1", "Phòng Nội vụ").
    The recipient is an organisation right after a cue ("gửi về", "báo cáo", "đến") in a sentence
    with a reporting verb; "của Ủy ban nhân dân" (whose instruction) is not a recipient.
    """
    expanded = expand_abbreviations(sentence)
    report = _REPORT_VERB.search(expanded)
    if report is None:
        return None, None
    recipient = via = None
    for mention in find_organizations(expanded):
        if mention.start < report.start():
            continue
        before = expanded[max(0, mention.start - 40) : mention.start]
        name = complete_unit(mention.name, units)
        if via is None and _VIA_CUE.search(before.rstrip("( ")):
            via = name
        elif recipient is None and _RECIPIENT_CUE.search(before):
            recipient = name
        elif recipient is None and (titled := _RECIPIENT_CUE_AND_TITLE.search(before)):
            recipient = f"{titled['title']} {name}"
    return recipient, via


def read_subject(sentence: str) -> str | None:
    """The explicit doer at the start of the sentence or of its main clause, if any.

    An organisation ("Ủy ban MTTQ phường phối hợp ...") or a subject phrase of the lexicon
    ("Thủ trưởng đơn vị triển khai ...").
    """
    expanded = expand_abbreviations(sentence)
    for clause in _CLAUSE_START.finditer(expanded):
        position = clause.end()
        organization = organization_at(expanded, position)
        if organization is not None and organization.start == position:
            return organization.name
        subject = _SUBJECT.match(expanded, position)
        if subject is not None:
            return " ".join(subject.group(0).split())
        if clause.start() > 0:
            break  # only the first clause after the opening adverbial
    return None


def read_heading_owner(title: str) -> str | None:
    """The unit a heading assigns its items to ("2. Văn phòng UBND phường"), or None.

    The heading must begin (after openers such as "Đề nghị") with an organisation or a subject
    phrase; the whole heading, expanded, is the owner ("Ủy ban Mặt trận Tổ quốc, Ban Dân vận ...").
    """
    title = _HEADING_OPENER.sub("", expand_abbreviations(title)).strip(" :.;*")
    if not title or len(title.split()) > 16:
        return None
    organization = organization_at(title, 0)
    if (organization is not None and organization.start == 0) or _SUBJECT.match(title):
        return title
    return None
