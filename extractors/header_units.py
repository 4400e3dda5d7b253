"""Who issues a document, beyond the first header body: a unit under its parent, a Chairman's Chỉ thị.

A header line may name a parent and its unit together ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ
GIÁO DỤC VÀ ĐÀO TẠO", "BỘ TÀI CHÍNH CỤC THUẾ"): the line is cut at the unit's head, and a
department takes its parent's place into its official name. A Chỉ thị in which "Chủ tịch <the
committee> yêu cầu ..." is the Chairman's act. Used by :mod:`extractors.document_meta`; the heads
are data (``data/issuer_words.yaml``: ``header_unit_heads``, ``units_named_with_parent_place``).
"""

from __future__ import annotations

import re

from extractors.issuers import expand_abbreviations
from extractors.lexicon import load_yaml
from extractors.symbols import SYMBOL_ISSUERS

_WORDS = load_yaml("issuer_words")
_ADMIN_LEVELS: list[str] = sorted(_WORDS["admin_levels"], key=len, reverse=True)
_UNIT_HEADS: list[str] = sorted(_WORDS["header_unit_heads"], key=len, reverse=True)
# A unit head inside an ALL-CAPS header line: where "... THÀNH PHỐ HỒ CHÍ MINH SỞ GIÁO DỤC ..." splits.
_CAPS_UNIT_HEADS = "|".join(re.escape(head.upper()) for head in _UNIT_HEADS)
_UNIT_HEAD_IN_CAPS = re.compile(rf"\s(?=(?P<head>{_CAPS_UNIT_HEADS})(?:\s|$))")
# Syllables that make one word with the head after them ("MÔI TRƯỜNG", "CƠ SỞ").
_UNIT_COMPOUNDS = frozenset(_WORDS["header_unit_compounds"])
# An office is no parent: "CỤC TRƯỞNG CỤC THUẾ" is a title over its body.
_OFFICES = frozenset(title.upper() for title in load_yaml("titles")["titles"])
# The same heads in a title-cased line ("Trung Tâm Phục Vụ ..."), to be spelt as the data spells them.
_UNIT_HEAD_SPELLING = {head.casefold(): head for head in _UNIT_HEADS}
_UNIT_HEAD_TITLE = re.compile(rf"^(?:{'|'.join(map(re.escape, _UNIT_HEADS))})(?=\s)", re.IGNORECASE)
# National bodies as they are spelt, which title case by rule cannot know ("Văn phòng Chính phủ").
_KNOWN_BODIES = sorted(set(SYMBOL_ISSUERS.values()), key=len, reverse=True)
_PLACE_NAMED_UNITS = tuple(_WORDS["units_named_with_parent_place"])
_LEVEL_IN_NAME = re.compile(rf"\b(?:{'|'.join(map(re.escape, _ADMIN_LEVELS))})\s+\S", re.IGNORECASE)
# "Chủ tịch UBND tỉnh yêu cầu ...": the Chairman, not the committee, directs in a Chỉ thị.
_CHAIR_DIRECTS = re.compile(
    r"""\bChủ\s+tịch\s+
        (?P<body>(?:Ủy\s+ban\s+nhân\s+dân|UBND)[^,;.:\n]{0,60}?)   # the committee, as the text writes it
        \s+(?:yêu\s+cầu|chỉ\s+thị)\b                              # directs
    """,
    re.VERBOSE,
)


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def split_units(part: str) -> list[str]:
    """An ALL-CAPS header part that names a parent and its unit, cut in two at the unit's head.

    "BỘ TÀI CHÍNH CỤC THUẾ" -> ["BỘ TÀI CHÍNH", "CỤC THUẾ"]. The parent keeps at least two words, a
    head that makes one word with the syllable before it stays whole ("SỞ NÔNG NGHIỆP VÀ MÔI
    TRƯỜNG", "VĂN PHÒNG CHÍNH PHỦ"), a unit names more than its head ("THÀNH PHỐ HẢI PHÒNG" is
    a city), and the last head that qualifies starts the unit ("... HẢI PHÒNG SỞ Y TẾ").
    """
    if not _is_caps(part):
        return [part]
    cuts = [
        head
        for head in _UNIT_HEAD_IN_CAPS.finditer(part)
        if len(part[: head.start()].split()) >= 2
        and part[: head.start()].split()[-1].lower() not in _UNIT_COMPOUNDS
        and " ".join(part[: head.start()].split()) not in _OFFICES
        and len(part[head.end() :].split()) > len(head["head"].split())
    ]
    if not cuts:
        return [part]
    return [*split_units(part[: cuts[-1].start()]), part[cuts[-1].end() :]]


def starts_with_unit_head(name: str) -> bool:
    """True for a title-cased unit name ("Trung Tâm Phục Vụ ...", "Cục Thuế"), whatever its case."""
    return bool(_UNIT_HEAD_TITLE.match(name))


def spell_unit_head(name: str) -> str:
    """ "Trung Tâm Phục Vụ Hành Chính Công" -> "Trung tâm Phục Vụ ...": the head as the data spells it."""
    return _UNIT_HEAD_TITLE.sub(lambda head: _UNIT_HEAD_SPELLING[head.group().casefold()], name, count=1)


def known_spelling(name: str) -> str:
    """A title-cased name that is, or ends with, a national body, spelt as that body is.

    "Văn phòng chính Phủ" (title case of "VĂN PHÒNG CHÍNH PHỦ") -> "Văn phòng Chính phủ".
    """
    folded = name.casefold()
    for body in _KNOWN_BODIES:
        if folded == body.casefold() or folded.endswith(" " + body.casefold()):
            return name[: len(name) - len(body)] + body
    return name


def with_parent_place(issuer: str, parent: str | None) -> str:
    """A department's official name carries its parent's place.

    "Sở Giáo dục và Đào tạo" under "Ủy ban nhân dân Thành phố Hồ Chí Minh" is "Sở Giáo dục và Đào
    tạo Thành phố Hồ Chí Minh"; a school keeps its own name, and a parent without a named place
    ("Bộ Tài chính", "Ủy ban nhân dân tỉnh") adds nothing.
    """
    place = _LEVEL_IN_NAME.search(parent or "")
    if parent is None or place is None or not issuer.startswith(_PLACE_NAMED_UNITS):
        return issuer
    if _LEVEL_IN_NAME.search(issuer):
        return issuer
    level_and_name = parent[place.start() :]
    if level_and_name.startswith("thành phố"):
        level_and_name = (
            "T" + level_and_name[1:]
        )  # "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh", but "tỉnh Quảng Trị"
    return f"{issuer} {level_and_name}"


def directing_office(issuer: str, text: str) -> str:
    """The issuer of a Chỉ thị: its committee's Chairman when the text says he directs (signed "KT. CHỦ TỊCH").

    "Ủy ban nhân dân tỉnh Đắk Lắk" + "Chủ tịch UBND tỉnh yêu cầu" -> "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk".
    A Chỉ thị whose text names no directing Chairman stays the committee's.
    """
    for directs in _CHAIR_DIRECTS.finditer(text):
        body = " ".join(expand_abbreviations(directs["body"]).split()).casefold()
        if issuer.casefold().startswith(body):
            return f"Chủ tịch {issuer}"
    return issuer
