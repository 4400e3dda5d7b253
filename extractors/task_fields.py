"""Labelled fields of a task: "Thời hạn ban hành: …", "Cơ quan chủ trì: …", "Cơ quan phối hợp: …".

Government plans often write a task as a record rather than a sentence (a task table flattened by a
web copy, or a Quyết định's annex): the task's title, then one labelled field per line or sentence
("+ Cơ quan chủ trì: Bộ Công an.", "+ Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026."). Such a
field is no task of its own: it gives the task before it an owner or a deadline. Split from
:mod:`extractors.obligations` so that the labels are read (and tested) in one place; the labels are
data (``data/obligations.yaml``).
"""

from __future__ import annotations

import regex

from extractors.lexicon import load_yaml
from extractors.organizations import expand_abbreviations, find_organizations

_DATA = load_yaml("obligations")
_FLAGS = regex.IGNORECASE | regex.VERSION0


def _any_of(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


# "Thời gian hoàn thành: Tháng 12/2025." / "Thời hạn ban hành: ..." opens a sentence that only says when.
# Without the colon the label runs into its deadline: "Thời gian thực hiện hoàn thành xong trước ngày ...".
_TIMING_LABEL = regex.compile(
    rf"""^\W*(?:{_any_of(_DATA["timing_labels"])})
         (?:\s*:|(?:\s+hoàn\s+thành)?(?:\s+xong)?(?=\s+(?:trước|trong|chậm\s+nhất|vào)\s))""",
    _FLAGS | regex.VERSION0 | regex.VERBOSE,
)
_TIMING_LABEL_MAX_WORDS = 16
# "Cơ quan chủ trì: Bộ Công an." — at the start of a sentence, or run into the task's title on its line
# ("7. Xây dựng Quyết định ... Cơ quan chủ trì: Bộ Công an."): capitalised, then a colon.
_OWNER_FIELD = regex.compile(rf"(?:^\W*|(?<=\s))(?:{_any_of(_DATA['owner_field_labels'])})\s*:\s*", _FLAGS)
_OWNER_FIELD_AT_START = regex.compile(rf"^\W*(?:{_any_of(_DATA['owner_field_labels'])})\s*:", _FLAGS)
_HELPER_FIELD = regex.compile(rf"^\W*(?:{_any_of(_DATA['helper_field_labels'])})\s*:", _FLAGS)
_CONTENT_FIELD = regex.compile(rf"^\W*(?:{_any_of(_DATA['content_field_labels'])})\s*:", _FLAGS)
# The owner field holds one unit and nothing else: "Bộ Công an." (a list of several names no single owner).
_ONLY_PUNCTUATION = regex.compile(r"^[\s.;]*$")
# A list of helpers is long ("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân các tỉnh,
# thành phố trực thuộc trung ương": 25 words); a field run on into clauses is longer.
_FIELD_MAX_WORDS = 32


def is_timing_label(sentence: str) -> bool:
    """A sentence that only states when ("Thời hạn hoàn thành: Từ ngày 01/01/2026 đến ngày 31/3/2026.").

    A label followed by a clause ("Thời hạn: trước ngày 30/6/2025, các đơn vị gửi báo cáo về Sở Nội
    vụ.") is a task of its own: the time must be all that follows, with no comma or semicolon.
    """
    label = _TIMING_LABEL.match(sentence)
    return (
        label is not None
        and len(sentence.split()) <= _TIMING_LABEL_MAX_WORDS
        and not any(mark in sentence[label.end() :] for mark in ",;")
    )


def is_field_label(sentence: str) -> bool:
    """A sentence that is a field of the task before it, not a task: "Cơ quan chủ trì: Bộ Công an.".

    The field holds names only: "Cơ quan thực hiện: Sở Khoa học và Công nghệ tiến hành rà soát ...;
    các sở ... gửi kết quả rà soát về Sở ..." goes on into clauses of its own and stays a task.
    """
    return len(sentence.split()) <= _FIELD_MAX_WORDS and bool(
        _OWNER_FIELD_AT_START.match(sentence) or _HELPER_FIELD.match(sentence)
    )


def is_content_field(sentence: str) -> bool:
    """ "Nội dung: ...": what the task before it consists of (the caller decides whether one precedes)."""
    return bool(_CONTENT_FIELD.match(sentence))


def field_owner(sentence: str) -> str | None:
    """The single unit an owner field names ("Cơ quan chủ trì: Bộ Công an." → "Bộ Công an"), if any.

    "Cơ quan thực hiện: Bộ Công an, Bộ Tư pháp, ..." names several owners: none is read.
    """
    label = _OWNER_FIELD.search(sentence)
    if label is None:
        return None
    value = expand_abbreviations(sentence[label.end() :])
    mentions = find_organizations(value)
    if len(mentions) != 1 or mentions[0].start != 0 or not _ONLY_PUNCTUATION.match(value[mentions[0].end :]):
        return None
    return mentions[0].name
