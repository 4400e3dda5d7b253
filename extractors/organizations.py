"""Organisations named in a plan: People's Committees, departments, schools, party committees ...

A name is found from its head ("Ủy ban nhân dân", "Phòng", "Trường", "Đảng ủy" — ``data/org_kinds.yaml``,
which also gives its kind) and grown word by word: a field of work ("Nội vụ"), a proper name of
capitalised syllables ("Hoa Lư"), a nested organisation ("Văn phòng" + "Ủy ban nhân dân"), an
administrative unit ("phường Vạn Phúc", "Quận 1"). Lower-case words enter a name only through
the field and unit lists: that is what stops "Phòng Nội vụ triển khai ..." at "Nội vụ".

Abbreviations are expanded first (``UBND`` → ``Ủy ban nhân dân``) from the shared
``data/abbreviations.yaml``. A generic mention ("Ủy ban nhân dân quận") is resolved to the one unit
of that level the document names most often ("Ủy ban nhân dân quận Hà Đông"), with the shared
``extractors.issuers.complete_bare_level`` so that citations, obligations and this list agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from extractors.issuers import complete_bare_level
from extractors.lexicon import load_yaml
from extractors.types import Organization

_ORG_DATA = load_yaml("org_kinds")
_ABBREVIATIONS = load_yaml("abbreviations")


def _alternation(phrases: list[str]) -> str:
    """Longest first, so that "Ban Chỉ đạo" wins over "Ban"; spaces match any run of spaces."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_HEAD_KIND: dict[str, str] = {}
_NEEDS_NAME: set[str] = set()
for _entry in _ORG_DATA["kinds"]:
    for _head in _entry["heads"]:
        _HEAD_KIND[_head.casefold()] = _entry["kind"]
        if _entry.get("needs_name"):
            _NEEDS_NAME.add(_head.casefold())

_ALL_HEADS = [head for entry in _ORG_DATA["kinds"] for head in entry["heads"]]
_HEAD = regex.compile(rf"(?<!\w)(?:{_alternation(_ALL_HEADS)})(?!\w)")
_FIELD = regex.compile(rf"\s+(?:{_alternation(_ORG_DATA['fields'])})(?!\w)")
_ADMIN_UNIT = regex.compile(rf"\s+(?:{_alternation(_ORG_DATA['admin_units'])})(?!\w)")
_ADMIN_UNIT_ANYWHERE = regex.compile(rf"(?<!\w)(?:{_alternation(_ORG_DATA['admin_units'])})(?!\w)")
_GENERIC_LEVEL = regex.compile(r"(?<!\w)(?:cấp|các)\s+\S+$", regex.IGNORECASE)
# "trường Tiểu học Nguyễn Bỉnh Khiêm", "phòng Nội vụ": running text often lowers a common-noun head;
# it still heads a name when a capitalised word follows.
_LOWER_HEAD = regex.compile(
    rf"(?<!\w)(?:{_alternation([h[:1].lower() + h[1:] for h in _ALL_HEADS if h.casefold() in _NEEDS_NAME])})"
    rf"(?=[ \t]+\p{{Lu}})"
)
_NESTED_HEAD = regex.compile(rf"\s+(?:{_alternation(_ALL_HEADS)})(?!\w)")
# A proper name: capitalised syllables ("Hoa Lư", "Nguyễn Bỉnh Khiêm") or a number ("Quận 1").
# Names stay on one line: a heading's name does not run into the next line's first word.
# Not a name: the opening of a common phrase ("Thường trực") — data/org_kinds.yaml: not_name_words.
_NOT_NAME = rf"(?!(?:{_alternation(_ORG_DATA['not_name_words'])})(?!\w))"
_PROPER_NAME = regex.compile(rf"(?:[ \t]+{_NOT_NAME}\p{{Lu}}\p{{Ll}}*(?!\w))+")
_UNIT_NAME = regex.compile(rf"(?:[ \t]+{_NOT_NAME}(?:\p{{Lu}}\p{{Ll}}*|\d{{1,3}})(?!\w))+")

_ABBREVIATION_TOKEN = regex.compile(
    # not inside a document number ("04/KH-UBND") or a URL
    rf"(?<![\w./-])(?:{_alternation(list(_ABBREVIATIONS['issuer_tokens']))})(?![\w/-])"
)
_SPELLING = regex.compile(rf"(?<!\w)(?:{_alternation(list(_ABBREVIATIONS['spelling_variants']))})(?!\w)")


@dataclass(slots=True)
class OrganizationMention:
    """One occurrence of an organisation name in the (abbreviation-expanded) text."""

    name: str
    kind: str
    start: int
    end: int


def expand_abbreviations(text: str) -> str:
    """``UBND phường`` → ``Ủy ban nhân dân phường``; old tone placement ``Uỷ`` → ``Ủy``."""
    tokens = _ABBREVIATIONS["issuer_tokens"]
    text = _ABBREVIATION_TOKEN.sub(lambda m: tokens[m.group(0)], text)
    spellings = _ABBREVIATIONS["spelling_variants"]
    return _SPELLING.sub(lambda m: spellings[m.group(0)], text)


def find_organizations(text: str) -> list[OrganizationMention]:
    """Every organisation name in ``text`` (expand abbreviations first), in order of appearance."""
    mentions: list[OrganizationMention] = []
    position = 0
    while (head := _next_head(text, position)) is not None:
        end = _grow_name(text, head.end())
        name = _clean(text[head.start() : end])
        name = name[:1].upper() + name[1:]
        head_key = head.group(0).casefold()
        if end > head.end() or head_key not in _NEEDS_NAME:
            mentions.append(OrganizationMention(name, _HEAD_KIND[head_key], head.start(), end))
            position = end
        else:
            position = head.end()
    return mentions


def _next_head(text: str, position: int) -> regex.Match[str] | None:
    """The next head, capitalised or (for common-noun heads) lower-case, whichever comes first."""
    found = [m for m in (_HEAD.search(text, position), _LOWER_HEAD.search(text, position)) if m is not None]
    return min(found, key=lambda m: (m.start(), -len(m.group(0)))) if found else None


def extract_organizations(text: str) -> list[Organization]:
    """Distinct organisations of ``text``, generic mentions resolved, in order of first appearance."""
    expanded = expand_abbreviations(text)
    units = named_units(expanded)
    seen: dict[str, Organization] = {}
    for mention in find_organizations(expanded):
        name = complete_unit(mention.name, units)
        seen.setdefault(name.casefold(), Organization(name=name, kind=mention.kind))
    return list(seen.values())


def organization_at(text: str, position: int) -> OrganizationMention | None:
    """The organisation whose name starts at ``position`` (after optional spaces), if any."""
    head = _HEAD.match(text, position + (len(text[position:]) - len(text[position:].lstrip())))
    if head is None:
        return None
    end = _grow_name(text, head.end())
    head_key = head.group(0).casefold()
    if end == head.end() and head_key in _NEEDS_NAME:
        return None
    return OrganizationMention(_clean(text[head.start() : end]), _HEAD_KIND[head_key], head.start(), end)


def complete_unit(name: str, units: dict[str, Counter[str]]) -> str:
    """``Ủy ban nhân dân quận`` → ``Ủy ban nhân dân quận Hà Đông`` (the unit the text names most).

    A level of government ("Ủy ban nhân dân cấp xã", "các xã") names every unit of that level,
    not one: it is left as it is.
    """
    if _GENERIC_LEVEL.search(name):
        return name
    return complete_bare_level(name, units)


def named_units(text: str) -> dict[str, Counter[str]]:
    """How often each named unit of each level occurs: ``{"quận": Counter({"Hà Đông": 3})}``.

    The input of ``extractors.issuers.complete_bare_level``. Read with this module's name rules
    (one line, capitalised syllables or a number, not "Thường trực"), so that "Công an thành phố
    Thường trực tham mưu" names no city "Thường".
    """
    units: dict[str, Counter[str]] = {}
    for unit in _ADMIN_UNIT_ANYWHERE.finditer(text):
        name = _UNIT_NAME.match(text, unit.end())
        if name is not None:
            units.setdefault(unit.group(0).casefold(), Counter())[" ".join(name.group(0).split())] += 1
    return units


def _grow_name(text: str, position: int) -> int:
    """Extend a name from ``position`` over fields, nested heads, units and proper names."""
    while True:
        for pattern in (_FIELD, _NESTED_HEAD):
            match = pattern.match(text, position)
            if match is not None:
                position = match.end()
                break
        else:
            unit = _ADMIN_UNIT.match(text, position)
            if unit is not None:
                position = unit.end()
                unit_name = _UNIT_NAME.match(text, position)
                if unit_name is not None:
                    position = unit_name.end()
                continue
            proper = _PROPER_NAME.match(text, position)
            if proper is None:
                return position
            position = proper.end()


def _clean(name: str) -> str:
    return " ".join(name.split())
