"""Relative deadlines: a span counted from an event, e.g. "chậm nhất 01 tháng kể từ khi có kết quả".

An absolute deadline has an ISO date (``extractors.dates``); a relative one cannot, because its
start is an event ("kể từ ngày nhận được hồ sơ", "sau khi Chỉ số PAPI được công bố"). Analysts
still need it, so an obligation keeps the phrase itself in ``deadline_relative``. The phrase is
trigger + number + unit + anchor + the anchor's event, cut at the end of its clause. Trigger, unit
and anchor words are data (``extractors/data/relative_deadlines.yaml``).
"""

from __future__ import annotations

import regex

from extractors.lexicon import load_yaml, phrase_alternation

_DATA = load_yaml("relative_deadlines")
# The event after the anchor runs to the end of its clause (a comma ends it: "kể từ ngày đơn vị, cá
# nhân nộp hồ sơ" is then cut short, the price of never running into the next clause) or to a word
# that goes back to the main verb ("... phải hoàn thành", "... để theo dõi").
_MAX_EVENT_CHARS = 120


def _alternation(words: list[str]) -> str:
    # Longest first so that "ngày làm việc" wins over "ngày", "chậm nhất là" over "chậm nhất"; one space between words
    # (the pattern is verbose).
    return phrase_alternation(words, space=r"\ ")


# An amount in words ("mười lăm", "ba mươi"); the drafting rules write it in brackets after its figures: "Trong thời
# hạn 05 (năm) ngày làm việc kể từ ngày ...", or the figures after the words ("mười lăm (15) ngày", legal_docs).
_NUMBER_WORD = r"(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi)"
_SPELLED = rf"{_NUMBER_WORD}(?:\ {_NUMBER_WORD}){{0,3}}"
_RELATIVE = regex.compile(
    rf"""
    (?<!\w)(?:{_alternation(_DATA["triggers"])})\s+
    (?P<amount>\d{{1,3}}(?:\s*\({_SPELLED}\))?|{_SPELLED}(?:\s*\(\d{{1,3}}\))?)\s+   # 01, "05 (năm)", "mười lăm (15)"
    (?:{_alternation(_DATA["units"])})(?!\w)
    ,?\s+
    (?:{_alternation(_DATA["anchors"])})(?!\w)
    [^.;:\n()]{{1,{_MAX_EVENT_CHARS}}}?                         # the event, lazily ...
    (?=[.;:\n()]|,|$|\s(?:{_alternation(_DATA["event_ends"])})\s)   # ... to the clause's end
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def find_relative_deadline(sentence: str) -> str | None:
    """The first relative-deadline phrase of ``sentence``, stripped, or ``None``.

    >>> find_relative_deadline("Chậm nhất 01 tháng kể từ khi có kết quả Chỉ số PAPI, các phòng báo cáo.")
    'Chậm nhất 01 tháng kể từ khi có kết quả Chỉ số PAPI'
    """
    match = _RELATIVE.search(sentence)
    if match is None:
        return None
    return match.group(0).strip(" ,")
