"""Organisations named in a plan: People's Committees, departments, schools, party committees ...

A name is found from its head ("Ủy ban nhân dân", "Phòng", "Trường", "Đảng ủy" — ``data/org_kinds.yaml``,
which also gives its kind) and grown word by word: a field of work ("Nội vụ"), a proper name of
capitalised syllables ("Hoa Lư"), a nested organisation ("Văn phòng" + "Ủy ban nhân dân"), an
administrative unit ("phường Vạn Phúc", "Quận 1"). Lower-case words enter a name only through
the field and unit lists: that is what stops "Phòng Nội vụ triển khai ..." at "Nội vụ".
A dash joins a second field ("Vụ Công chức - Viên chức"), a school's level stands before its proper
name ("Trường THPT Lê Quý Đôn"), an enterprise's name may be a brand ("Tập đoàn T&T Group"), and
"xã hội" (society) is no commune: "Viện Hàn lâm Khoa học xã hội Việt Nam" is read whole.

Abbreviations are expanded first (``UBND`` → ``Ủy ban nhân dân``) from the shared
``data/abbreviations.yaml``. A generic mention ("Ủy ban nhân dân quận") is resolved to the one unit
of that level the document names most often ("Ủy ban nhân dân quận Hà Đông"), with the shared
``extractors.issuers.complete_bare_level`` so that citations, obligations and this list agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from extractors.issuers import ADMIN_LEVELS, complete_bare_level
from extractors.lexicon import load_yaml
from extractors.lexicon import phrase_alternation as _alternation
from extractors.types import Organization

_ORG_DATA = load_yaml("org_kinds")
_ABBREVIATIONS = load_yaml("abbreviations")


_HEAD_KIND: dict[str, str] = {}
_NEEDS_NAME: set[str] = set()
_COMPLETE: set[str] = set()
# Heads that never head a name in lower case: "vụ Đông Xuân" is a crop season, "vụ án" a case ("Vụ Pháp chế").
_CAPITAL_ONLY: set[str] = set()
for _entry in _ORG_DATA["kinds"]:
    for _head in _entry["heads"]:
        _HEAD_KIND[_head.casefold()] = _entry["kind"]
        if _entry.get("needs_name"):
            _NEEDS_NAME.add(_head.casefold())
        if _entry.get("capital_only"):
            _CAPITAL_ONLY.add(_head.casefold())
        if _entry.get("complete"):
            _COMPLETE.add(_head.casefold())

_ALL_HEADS = [head for entry in _ORG_DATA["kinds"] for head in entry["heads"]]
_ENTERPRISE_HEADS = frozenset(
    head.casefold()
    for entry in _ORG_DATA["kinds"]
    if entry["kind"] == "enterprise"
    for head in entry["heads"]
)
# A specific part may join two fields with a dash: "Sở Lao động - Thương binh và Xã hội", "Vụ Công chức -
# Viên chức", "Ban Kinh tế - Ngân sách", "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam", "Phòng
# Thanh tra - Kiểm tra". Not when a head or a title follows the dash ("Tập đoàn Điện lực Việt Nam - Bộ
# Công Thương", "Trung tâm Chống độc - Bệnh viện Bạch Mai", "... - Phó Trưởng Ban"; a job that is also a
# field may: "Vụ Công chức - Viên chức", "Ban Tài chính - Kế toán"), nor a person's name ("Sở Nội vụ - Nguyễn Văn
# An": a family name and a further capitalised syllable); "... - Chủ đầu tư" is lower case anyway.
_SURNAME_WORDS = sorted({s.split()[0] for s in load_yaml("surnames")["surnames"]}, key=len, reverse=True)
_DASH_TITLES = [t for t in load_yaml("titles")["titles"] if t not in _ORG_DATA["field_titles"]]
_DASH_JOINER = regex.compile(
    rf"[ \t]+[-–](?=[ \t]+(?!(?:{_alternation(_ALL_HEADS + _DASH_TITLES)})(?!\w))"
    rf"(?!(?:{_alternation(_SURNAME_WORDS)})[ \t]+\p{{Lu}})\p{{Lu}}\p{{Ll}})"
    # a dash between two fields with no spaces: "Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam"
    rf"|(?<=\p{{Ll}})[-–](?=\p{{Lu}}\p{{Ll}}+[ \t]+\p{{Ll}})"
)
# "quốc gia" inside a name, lower case as often as not ("Tập đoàn Công nghiệp-Năng lượng quốc gia Việt
# Nam", "Trung tâm Dữ liệu quốc gia"): it never ends a clause, so the name goes on over it.
_NATIONAL = regex.compile(r"[ \t]+[Qq]uốc[ \t]+gia(?!\w)")
# A ministry's name is one of a closed list, its dashes in data/org_kinds.yaml fields ("Bộ Lao động - Thương
# binh và Xã hội"): "Bộ Tài chính - Công Thương" is two ministries of a joint circular.
_NO_DASH_HEADS = frozenset(
    head.casefold() for entry in _ORG_DATA["kinds"] if entry["kind"] == "ministry" for head in entry["heads"]
)
# An enterprise's proper name may be a brand in capitals: "Tập đoàn T&T Group", "Tổng công ty VNPT".
_BRAND_WORD = regex.compile(
    r"[ \t]+\p{Lu}[\p{Lu}\d]*(?:&\p{Lu}[\p{Lu}\d]*)+(?![\w&])|[ \t]+\p{Lu}{2,}\d*(?![\w&])"
)
# The office or inspectorate of the body whose text it is, named by its head alone: "Văn phòng Sở tham mưu Giám đốc Sở
# ...", "báo cáo Bộ (qua Văn phòng Bộ)", "Thanh tra Bộ" (legal_docs); not when a field or name follows ("Văn phòng Sở
# Tư pháp" is read as a nested name).
_OFFICE_OF_A_BARE_BODY = frozenset({"văn phòng", "thanh tra"})
_BARE_BODY = regex.compile(r"[ \t]+(?:Sở|Bộ|Cục|Tổng[ \t]+cục|Chi[ \t]+cục)(?![ \t]*(?:\p{Lu}|&))(?!\w)")
# An enterprise's number, part of its name ("Tổng Công ty Phát điện 3 (EVNGENCO3)", "Tổng Công ty Xây dựng số 1 - CTCP",
# "Tổng Công ty 319 Bộ Quốc phòng"), where the name visibly goes on or ends after it: no count of anything ("3 tháng").
_ENTERPRISE_NUMBER = regex.compile(
    r"[ \t]+(?:số[ \t]+)?\d{1,3}(?![\w.,/-]\w)(?=[ \t]*(?:[,;:)(\n]|\.(?!\w)|$|[-–]|[ \t]\p{Lu}))"
)
# A department's field abbreviated in capitals, unknown to data/abbreviations.yaml: "Phó Giám đốc Sở VHTT Hà Nội
# Trương Minh Tiến" (heldout24), "Phòng TN&MT huyện ..."; then its place, as for a written-out field.
_ABBREVIATED_FIELD_HEADS = frozenset({"sở", "phòng", "chi cục", "cục", "tổng cục", "vụ"})
_FIELD_ABBREVIATION = regex.compile(r"[ \t]+\p{Lu}{2,8}(?:[&-]\p{Lu}{1,6})*(?![\w&-])")
# "xã hội" (society) is no commune: data/org_kinds.yaml not_admin_units.
_NOT_UNIT = rf"(?!(?:{_alternation(_ORG_DATA['not_admin_units'])})(?!\w))"
_SCHOOL_LEVEL = regex.compile(rf"[ \t]+(?:{_alternation(_ORG_DATA['school_levels'])})(?!\w)")
_HEAD = regex.compile(rf"(?<!\w)(?:{_alternation(_ALL_HEADS)})(?!\w)")


# a field's dash may be written as an en dash ("Bộ Lao động – Thương binh và Xã hội")
# a field's dash may be written with or without spaces ("Lao động - Thương binh", "Lao động-Thương binh")
def _either_case_after_first(phrase: str) -> str:
    """A field's pattern whose later syllables may be capitalised too ("Sở Giao thông Vận tải", news)."""
    words = phrase.split(" ")
    tail = (
        f"[{w[0].lower()}{w[0].upper()}]{regex.escape(w[1:])}" if w[:1].isalpha() else regex.escape(w)
        for w in words[1:]
    )
    return r"\s+".join([regex.escape(words[0]), *tail])


_FIELDS = (
    "|".join(_either_case_after_first(f) for f in sorted(set(_ORG_DATA["fields"]), key=len, reverse=True))
    .replace(r"\s+\-\s+", r"\s*[-–]\s*")
    .replace(r"\-", "[-–]")
)
# (or right after a dash between two fields written without spaces: "Công nghiệp-Năng lượng")
# ("Hành chính Công" is no field where "ty" follows: "Phòng Tổ chức - Hành chính Công ty ...", news)
_FIELD = regex.compile(rf"(?:\s+|(?<=\p{{Ll}}[-–]))(?:{_FIELDS})(?!\w)(?![ \t]+ty(?!\w))")
_LOWER_CASE_FIELD_HEADS = frozenset(_ORG_DATA["lower_case_field_heads"])
# Heads of state offices named by their field ("Bộ Tài chính", "Sở Y tế"): a person's name after the field is the
# officer's ("Giám đốc Sở Y tế Nguyễn Văn A"), not part of the office's name, unless it is a province's.
# A board's or a division's too ("Phó trưởng Ban An toàn giao thông đường sắt Dương Văn Thư", news, heldout134).
_OFFICE_HEADS = frozenset({"bộ", "sở", "cục", "tổng cục", "chi cục", "vụ", "ban", "phòng"})
_LOWER_CASE_FIELDS = _alternation(_ORG_DATA["lower_case_fields"]).replace(r"\s+\-\s+", r"\s*[-–]\s*")
_LOWER_CASE_FIELD = regex.compile(rf"[ \t]+(?:{_LOWER_CASE_FIELDS})(?!\w)")
_LAST_WORD = regex.compile(r"\w+$")
_ADMIN_UNIT = regex.compile(rf"\s+{_NOT_UNIT}(?:{_alternation(_ORG_DATA['admin_units'])})(?!\w)")
_ADMIN_UNIT_ANYWHERE = regex.compile(rf"(?<!\w){_NOT_UNIT}(?:{_alternation(_ORG_DATA['admin_units'])})(?!\w)")
_GENERIC_LEVEL = regex.compile(r"(?<!\w)(?:cấp|các|cùng)\s+[^\n]+$", regex.IGNORECASE)
# "trường Tiểu học Nguyễn Bỉnh Khiêm", "phòng Nội vụ": running text often lowers a common-noun head;
# it still heads a name when a capitalised word follows.
_LOWER_HEAD = regex.compile(
    rf"(?<!\w)(?:{_alternation([h[:1].lower() + h[1:] for h in _ALL_HEADS if h.casefold() in _NEEDS_NAME - _CAPITAL_ONLY])})"
    rf"(?=[ \t]+\p{{Lu}})"
)
# A common-noun head followed by a lower-case syllable is a word ("Ban Chỉ huy Phòng thủ dân sự"), not a head.
# "Ủy ban Kinh tế và Tài chính": "và" and a capitalised word that heads no organisation of its own.
# "&" joins the same way: "Bộ Nông nghiệp & Phát triển nông thôn" (news, heldout47).
_AND_JOINER = regex.compile(rf"[ \t]+(?:và|&)(?=[ \t]+(?!(?:{_alternation(_ALL_HEADS)})(?!\w))\p{{Lu}})")
_NESTED_HEAD = regex.compile(
    rf"\s+(?:(?:{_alternation(_ALL_HEADS)})(?!\w)(?![ \t]+\p{{Ll}})|(?:{_alternation([h for h in _ALL_HEADS if h.casefold() not in _NEEDS_NAME])})(?!\w))"
)
# A proper name: capitalised syllables ("Hoa Lư", "Nguyễn Bỉnh Khiêm") or a number ("Quận 1").
# Names stay on one line: a heading's name does not run into the next line's first word.
# Not a name: the opening of a common phrase ("Thường trực") — data/org_kinds.yaml: not_name_words.
# "Sáng 8/2", "Chiều ngày 3/5": a part of the day before a date is no syllable of a name (people's names too)
NOT_TIME_OF_DAY = (
    rf"(?!(?:{_alternation(_ORG_DATA['times_of_day'])})[ \t]+(?:(?:ngày[ \t]+)?\d|(?:nay|qua|mai)(?!\w)))"
)
_NOT_NAME = rf"(?!(?:{_alternation(_ORG_DATA['not_name_words'])})(?!\w)){NOT_TIME_OF_DAY}"
_NOT_FIRST_NAME_WORD = rf"(?!(?:{_alternation([w for w in _ORG_DATA['not_name_words'] if w not in _ORG_DATA['name_opening_verbs']])})(?!\w))"
# The first word of a specific name right after a head that needs one ("Trung tâm Hỗ trợ doanh nghiệp").
_FIRST_NAME_WORD = regex.compile(rf"[ \t]+{_NOT_FIRST_NAME_WORD}\p{{Lu}}\p{{Ll}}*(?!\w)")
_PROPER_NAME = regex.compile(rf"(?:(?:[ \t]+|(?<=\p{{Ll}}[-–])){_NOT_NAME}\p{{Lu}}\p{{Ll}}*(?!\w))+")
# A number is a unit's whole name ("Quận 1"), never the tail of a proper one: in "Ủy ban nhân dân
# Thành phố Hồ Chí Minh 3. Kết quả ..." the 3 numbers the next item of a run-in list.
# A province whose name holds a dash, however spaced: "tỉnh Thừa Thiên - Huế", "tỉnh Bà Rịa-Vũng Tàu" (news).
_DASHED_PROVINCE = "|".join(
    r"[ \t]*[-–][ \t]*".join(regex.escape(part) for part in province.split(" - "))
    for province in load_yaml("surnames")["provinces"]
    if " - " in province
)
_UNIT_NAME = regex.compile(
    rf"[ \t]+(?:{_DASHED_PROVINCE})(?!\w)|(?:[ \t]+{_NOT_NAME}\p{{Lu}}\p{{Ll}}*(?!\w))+|[ \t]+\d{{1,3}}(?!\w)"
)
# Several units of one level named in a list: "Chủ tịch UBND các tỉnh Đồng Nai, Bình Dương, Bình Thuận" (heldout24),
# "UBND các huyện Tánh Linh và Đức Linh"; one body for each, named together.
_LIST_NAME = r"\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*){0,3}"
_NAMED_UNITS = regex.compile(
    r"[ \t]+các[ \t]+(?:tỉnh|thành[ \t]+phố|huyện|quận|thị[ \t]+xã|xã|phường)[ \t]+"
    rf"{_NOT_NAME}{_LIST_NAME}(?:(?:[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+){_NOT_NAME}{_LIST_NAME})+"
)
# Every unit of one or more levels, named by the levels alone: "Ủy ban nhân dân các huyện", "UBND các tỉnh/thành
# phố", "các tỉnh, TP trực thuộc TW", "các phường xã" (the listed pairs of ``admin_units`` are read first). "thành"
# and "TP" stand for the city level after a comma or slash only ("các tỉnh, thành"). One proper name after the levels
# is left out: a list of names is read by :data:`_NAMED_UNITS`.
_LEVEL_NAMES = _alternation(ADMIN_LEVELS).replace(r"\s+", r"[ \t]+")
_LEVEL = rf"(?:{_LEVEL_NAMES})(?!\w)"
_LEVELS = regex.compile(
    rf"[ \t]+các[ \t]+{_NOT_UNIT}{_LEVEL}"
    rf"(?:[ \t]*[,/][ \t]*(?:và[ \t]+)?{_NOT_UNIT}(?:{_LEVEL}|(?:thành|TP|Thành[ \t]+phố)(?!\w))|[ \t]+(?:và[ \t]+)?{_NOT_UNIT}{_LEVEL})*"
    r"(?:[ \t]+trực[ \t]+thuộc[ \t]+(?:[Tt]rung[ \t]+ương|TW|TƯ)(?!\w))?"
)


# The lower-case rest of a specific part whose first syllable only is capitalised ("Trung tâm Kiểm
# soát bệnh tật tỉnh", "Ban Quản lý dự án"): at most five syllables, none of them a verb or function
# word of ``name_tail_stop_words``, and the name must visibly end after them (punctuation, end of
# line, or an administrative unit), which is what tells it from "Phòng Quản lý chủ trì ...".
_TAIL_COMPOUND = "|".join(
    (rf"(?<=(?<!\w)(?i:{_alternation([context])})[ \t]+)" if context else "")
    + rf"(?=(?i:{_alternation([word])})(?!\w))"
    for context, word in (compound.split("|") for compound in _ORG_DATA["name_tail_compounds"])
)
_TAIL_STOP = (
    rf"(?:{_TAIL_COMPOUND}|(?!(?:{_alternation(_ORG_DATA['name_tail_stop_words'])})(?!\w)))"
    rf"(?!{_NOT_UNIT}(?:{_alternation(_ORG_DATA['admin_units'])})(?!\w))"
)
# "và" and another body's head and name: "Ban Thư ký và Ban Phúc khảo" (not "... Nghề nghiệp và Đại học", a field)
_AND_ANOTHER_BODY = rf"(?:và|&)[ \t]+(?:{_alternation(_ALL_HEADS)})[ \t]+\p{{Lu}}"
_LOWER_TAIL = regex.compile(
    rf"""(?:[ \t]+{_TAIL_STOP}(?!{_AND_ANOTHER_BODY})\p{{Ll}}+(?!\w)  # "soát bệnh tật"
                                                                     # (not "và" before a head: "Ban Thư ký và Ban ...")
          |[ \t]+(?:và|&)(?=[ \t]+\p{{Ll}})                           # "Quản lý nhà và thị trường ..."
          |[ \t]+(?:và|&)[ \t]+(?!(?:{_alternation(_ALL_HEADS)})(?!\w))\p{{Lu}}\p{{Ll}}*(?!\w)  # "... số và Bảo mật"
        ){{1,8}}
        (?=[ \t]*(?:[,;:)(]|\.(?!\w)|\n|$)                           # the name ends here ...
          |[ \t]+{_NOT_UNIT}(?:{_alternation(_ORG_DATA["admin_units"])})(?!\w)   # ... or its unit follows ...
          |[ \t]+\p{{Lu}}                                            # ... or a place name ("... Hà Nội")
          |[ \t]+[-–][ \t]+\p{{Lu}}                                   # ... or its parent after a dash ("Vụ Kinh
                                                                     # tế xây dựng - Bộ Xây dựng", news, heldout142)
          |[ \t]+(?:thuộc|trực[ \t]+thuộc|của)(?!\w)                # ... or its parent ("... thuộc Ban Cơ yếu")
          |[ \t]+{_AND_ANOTHER_BODY}                               # ... or another body ("... và Ban Thư ký")
          |[ \t]+(?:chủ[ \t]+trì|phối[ \t]+hợp|tham[ \t]+mưu|có[ \t]+trách[ \t]+nhiệm|chịu[ \t]+trách[ \t]+nhiệm)(?!\w))
                                                                     # ... or its task ("Phòng Hành chính tư pháp chủ trì")
    """,
    regex.VERBOSE,
)
_SECOND_SYLLABLE = regex.compile(rf"[ \t]+{_TAIL_STOP}\p{{Ll}}+(?!\w)")

_ABBREVIATION_TOKEN = regex.compile(
    # not inside a document number ("04/KH-UBND") or a URL
    rf"(?<![\w./-])(?:{_alternation(list(_ABBREVIATIONS['issuer_tokens']))})(?![\w/-])"
)
_CITY_GLUED_TO_NAME = regex.compile(r"(?<![\w./-])(?:TP|Tp)\.(?=\p{Lu}\p{Ll})")
_TOWN_GLUED_TO_NAME = regex.compile(r"(?<![\w./-])TX\.(?=\p{Lu}\p{Ll})")  # "TX.Dĩ An" (news)
# A commune's, district's, ward's level by its letter after a body or a bracket: "Chủ tịch UBND X.Điền Hải", "X. Điền Hải
# (H.Phong Điền)" (news, heldout137); not a person's initial ("Nguyễn H. Anh").
_LEVEL_LETTER = regex.compile(
    r"(?<=(?:UBND|ƯBND|Ủy\s+ban\s+nhân\s+dân|HĐND|Hội\s+đồng\s+nhân\s+dân|\(|(?<!\w)[Tt]ại)[ \t]?)"
    r"(?P<letter>[XHQP])\.[ \t]?(?=\p{Lu}\p{Ll})"
)
_LEVELS_BY_LETTER = {"X": "xã ", "H": "huyện ", "Q": "quận ", "P": "phường "}
# The police by their initials before a locality's level: "ông Hà Mạnh Hùng - Trưởng CA quận Hoàn Kiếm" (news,
# heldout152; 91 lines of news write "CA" before a level, none of them anything but the police); alone "CA" is also
# California and a file's certificate authority, and stays.
_POLICE_BEFORE_LEVEL = regex.compile(
    r"(?<![\w.&/-])CA(?=[ \t]+(?:tỉnh|thành[ \t]+phố|TP|Tp|quận|huyện|thị[ \t]+xã|TX|phường|xã|thị[ \t]+trấn)(?!\w))"
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
    """``UBND phường`` → ``Ủy ban nhân dân phường``; old tone placement ``Uỷ`` → ``Ủy``.

    Sentences are cached: the readers of one obligation expand the same sentence several times. So are the last
    two whole documents (the organisations and the obligations read the same one), no more: a batch would keep every
    document alive in the cache.
    """
    return _expand_sentence(text) if len(text) <= _CACHED_LENGTH else _expand_document(text)


_CACHED_LENGTH = 2000


@lru_cache(maxsize=4096)
def _expand_sentence(text: str) -> str:
    return _expand(text)


@lru_cache(maxsize=2)
def _expand_document(text: str) -> str:
    return _expand(text)


def _expand(text: str) -> str:
    tokens = _ABBREVIATIONS["issuer_tokens"]
    text = _CITY_GLUED_TO_NAME.sub("Thành phố ", text)  # "UBND TP.Hải Phòng" (news, heldout83)
    text = _TOWN_GLUED_TO_NAME.sub("thị xã ", text)
    text = _LEVEL_LETTER.sub(lambda m: _LEVELS_BY_LETTER[m["letter"]], text)
    text = _POLICE_BEFORE_LEVEL.sub("Công an", text)
    text = _ABBREVIATION_TOKEN.sub(lambda m: tokens[m.group(0)], text)
    spellings = _ABBREVIATIONS["spelling_variants"]
    # a spelling of several words may be broken over two lines ("Ủy ban\nNhân dân")
    return _SPELLING.sub(lambda m: spellings.get(m.group(0)) or spellings[" ".join(m.group(0).split())], text)


def find_organizations(text: str) -> list[OrganizationMention]:
    """Every organisation name in ``text`` (expand abbreviations first), in order of appearance."""
    mentions: list[OrganizationMention] = []
    heads = _HeadScanner(text)
    position = 0
    while (head := heads.next_at(position)) is not None:
        end = _grow_name_from(text, head)
        name = _clean(text[head.start() : end])
        name = name[:1].upper() + name[1:]
        # A head broken over two lines ("Ủy ban\nnhân dân Quận 1" in a PDF text layer) has the key of
        # its one-line spelling.
        head_key = _head_key(head.group(0))
        if end > head.end() or head_key not in _NEEDS_NAME:
            mentions.append(OrganizationMention(name, _HEAD_KIND[head_key], head.start(), end))
            position = end
        else:
            position = head.end()
    return mentions


class _HeadScanner:
    """The next head, capitalised or (for common-noun heads) lower-case, whichever comes first.

    Each pattern's next match is kept until the scan passes it: searching both afresh for every
    name made a long text cost (names x text length) when one kind of head is rare.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._next: list[regex.Match[str] | None] = [None, None]
        self._searched_from = [-1, -1]

    def next_at(self, position: int) -> regex.Match[str] | None:
        found = []
        for index, pattern in enumerate((_HEAD, _LOWER_HEAD)):
            match = self._next[index]
            stale = self._searched_from[index] < 0 or (match is not None and match.start() < position)
            if stale or (match is None and self._searched_from[index] > position):
                match = pattern.search(self._text, position)
                self._next[index], self._searched_from[index] = match, position
            if match is not None:
                found.append(match)
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
    head_key = _head_key(head.group(0))
    end = _grow_name_from(text, head)
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
    return {level: Counter(dict(names)) for level, names in _named_units(text)}


@lru_cache(maxsize=8)
def _named_units(text: str) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """:func:`named_units` as an immutable value: several extractors ask it of the same text."""
    units: dict[str, Counter[str]] = {}
    for unit in _ADMIN_UNIT_ANYWHERE.finditer(text):
        name = _UNIT_NAME.match(text, unit.end())
        if name is None:
            continue
        level, words = _head_key(unit.group(0)), " ".join(name.group(0).split())
        if level in _PROVINCE_LEVELS and looks_like_person(words):
            continue  # "Chủ tịch UBND Thành phố Nguyễn Đức Chung": the chairman, not a city (heldout33)
        if level in _PROVINCE_LEVELS:
            # "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung" (news, heldout44): the province, then its chairman
            words = next(
                (
                    p
                    for p in _PROVINCES_LONGEST_FIRST
                    if words.startswith(p + " ") and looks_like_person(words[len(p) + 1 :])
                ),
                words,
            )
        units.setdefault(level, Counter())[words] += 1
    for level, names in _bare_provinces(text).items():
        # "Hà Nội thúc các quận, huyện ..." (a headline), then "của UBND Thành phố": the one city the text
        # names without its level is that level's unit when none is named with it (heldout33)
        if level not in units and len(names) == 1:
            units[level] = names
    return tuple((level, tuple(names.items())) for level, names in units.items())


def _bare_provinces(text: str) -> dict[str, Counter[str]]:
    """The centrally-run cities the text names without their level, by level."""
    found: dict[str, Counter[str]] = {}
    for match in _PROVINCE_NAME.finditer(text):
        name = " ".join(match.group(0).split())
        if name in _CITIES_NAMED_AFTER_PEOPLE:
            continue  # "tư tưởng Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh": the city only with its level
        if name in _CENTRAL_CITIES:
            # only a centrally-run city: a province named bare is often only a place ("Sơn La" in a province's
            # decision whose "Bộ Chỉ huy Quân sự tỉnh" the gold keeps as written, heldout25)
            found.setdefault("thành phố", Counter())[name] += 1
    return found


def only_province_named(text: str) -> str | None:
    """The one province the text names, bare or with its level, else None (none, or several).

    A news report names its province bare ("Hà Tĩnh: ra quân làm thủy lợi …") and then cites "Chỉ thị số 13/CT-UBND
    … của UBND tỉnh" (heldout87): the province meant is that one. Several provinces leave it open.
    """
    names = {" ".join(match.group(0).split()) for match in _PROVINCE_NAME.finditer(text)}
    names -= _CITIES_NAMED_AFTER_PEOPLE
    return next(iter(names)) if len(names) == 1 else None


# A province's or a centrally-run city's name is one of a closed list (data/surnames.yaml): after those levels, three
# or four capitalised syllables opening with a family name are the officer the title names, not a place.
_PROVINCE_LEVELS = frozenset({"tỉnh", "thành phố"})
_KNOWN_PROVINCES = frozenset(load_yaml("surnames")["provinces"])
_PROVINCES_LONGEST_FIRST = sorted(_KNOWN_PROVINCES, key=len, reverse=True)
_SURNAME_SET = frozenset(_SURNAME_WORDS)


# The centrally-run cities (2025): their committees are "Ủy ban nhân dân thành phố", the others' "... tỉnh".
_CITIES_NAMED_AFTER_PEOPLE = frozenset(load_yaml("issuer_words")["cities_named_after_people"])
_CENTRAL_CITIES = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"})
_PROVINCE_NAME = regex.compile(
    rf"(?<!\w)(?:{_alternation(sorted(_KNOWN_PROVINCES, key=len, reverse=True))})(?!\w)", regex.VERSION1
)


def looks_like_person(name: str) -> bool:
    """Three or four capitalised syllables opening with a family name, and no province's name: an officer's name."""
    words = name.split()
    return 3 <= len(words) <= 4 and words[0] in _SURNAME_SET and name not in _KNOWN_PROVINCES


def _head_key(words: str) -> str:
    """The lexicon key of a head or unit as matched: spaces (line breaks too) as one, case folded."""
    return " ".join(words.split()).casefold()


def _grow_name_from(text: str, head: regex.Match[str]) -> int:
    key = _head_key(head.group(0))
    return head.end() if key in _COMPLETE else _grow_name(text, head.end(), key in _NEEDS_NAME, key)


def _grow_name(text: str, position: int, common_noun_head: bool = False, outer_head: str = "") -> int:
    """Extend a name from ``position`` over fields, nested heads, units and proper names.

    After a common-noun head ("Phòng", "Trung tâm", "Cục") a specific part may capitalise its first
    syllable only: "Kiểm soát bệnh tật" is read by :data:`_LOWER_TAIL`, and where the name does not
    visibly end, the capital still takes its word's second syllable ("Phòng Quản lý", "Cục Du lịch").
    An administrative unit and its name end the name ("Ủy ban nhân dân cấp xã Xây dựng kế hoạch ..."
    is a run-in heading, not a unit named "Xây dựng"); a head does not nest in itself ("Sở Dân tộc và
    Tôn giáo Sở Dân tộc ..." is a heading followed by its first sentence). A school's level ("THPT",
    "tiểu học") is taken before a proper name only; a dash joins a second field once a first is read
    ("Vụ Công chức - Viên chức"); an enterprise's name may be a brand in capitals ("T&T Group").
    """
    start = position
    enterprise = outer_head in _ENTERPRISE_HEADS  # a company's name may hold its number (also when nested)
    if outer_head in _OFFICE_OF_A_BARE_BODY and (bare := _BARE_BODY.match(text, position)):
        return bare.end()  # "Văn phòng Sở", "Thanh tra Bộ": the office of the body the text is of
    while True:
        level = _SCHOOL_LEVEL.match(text, position)
        if level is not None and _PROPER_NAME.match(text, level.end()):
            position = level.end()
            continue
        field = _FIELD.match(text, position)
        if field is None and position == start and outer_head in _LOWER_CASE_FIELD_HEADS:
            field = _LOWER_CASE_FIELD.match(text, position)  # "Cục chăn nuôi" (news)
        nested = None if field else _NESTED_HEAD.match(text, position)
        if nested is not None and _head_key(nested.group(0)) == outer_head:
            nested = None
        if nested is not None and outer_head in _BODIES_OF_A_BODY:
            # "Đảng ủy Cục Hải quan", "Công đoàn Bộ Y tế" (news, heldout153): the body within ends the name, read as
            # its own head reads it ("Cục Hải quan", not "Cục Hải" then a lower-case "quan")
            nested_key = _head_key(nested.group(0))
            return _grow_name(text, nested.end(), nested_key in _NEEDS_NAME, nested_key)
        if field or nested:
            position = (field or nested).end()
            enterprise = enterprise or (
                nested is not None and _head_key(nested.group(0)) in _ENTERPRISE_HEADS
            )
            continue
        plural = _NAMED_UNITS.match(text, position)
        if plural is not None:
            return plural.end()
        unit = _ADMIN_UNIT.match(text, position)
        if unit is not None:
            unit_name = _UNIT_NAME.match(text, unit.end())
            return unit_name.end() if unit_name is not None else unit.end()
        levels = _LEVELS.match(text, position)
        if levels is not None:
            return levels.end()
        joiner = _AND_JOINER.match(text, position)
        if joiner is None and _joins_with_dash(text, start, position, common_noun_head, outer_head):
            joiner = _DASH_JOINER.match(text, position)
            if joiner is not None and (dashed := _FIELD.match(text, joiner.end())) is not None:
                position = dashed.end()
                continue
        if enterprise and (number := _ENTERPRISE_NUMBER.match(text, position)):
            position = number.end()  # "Tổng Công ty Phát điện 3", "Tổng Công ty Xây dựng số 1"
            continue
        brand = (
            _BRAND_WORD.match(text, joiner.end() if joiner else position)
            if outer_head in _ENTERPRISE_HEADS
            else _FIELD_ABBREVIATION.match(text, position)
            if position == start and outer_head in _ABBREVIATED_FIELD_HEADS
            else None
        )
        proper = brand or _PROPER_NAME.match(text, joiner.end() if joiner else position)
        if proper is None and position == start and common_noun_head:
            proper = _FIRST_NAME_WORD.match(text, position)
        if proper is None and joiner is None and position > start:
            proper = _NATIONAL.match(text, position)
        if proper is None:
            return position
        if (
            joiner is None
            and position > start
            and outer_head in _OFFICE_HEADS
            and looks_like_person(proper.group(0))
        ):
            return (
                position  # "Bộ trưởng Bộ Tài chính Đinh Tiến Dũng": the minister's name ends the ministry's
            )
        position = proper.end()
        if (
            common_noun_head
            and brand is None
            and len(proper.group(0).split()) == 1
            and not _names_a_place(outer_head)
        ):
            tail = _LOWER_TAIL.match(text, position) or _SECOND_SYLLABLE.match(text, position)
            position = tail.end() if tail else position


# The party's and the unions' bodies within another body.
_BODIES_OF_A_BODY = frozenset({"đảng ủy", "đảng bộ", "chi bộ", "công đoàn", "đoàn thanh niên"})
# A head that ends in a level ("Thuế thành phố", "Thuế tỉnh") is followed by the place's name, not a field's
# syllables: "Đề nghị Thuế thành phố Huế đối chiếu ..." (heldout29) names the city Huế.
_LEVEL_LAST_WORDS = frozenset({"tỉnh", "phố", "huyện", "quận", "xã", "phường"})


def _names_a_place(head: str) -> bool:
    return head.rsplit(" ", 1)[-1].casefold() in _LEVEL_LAST_WORDS


def _joins_with_dash(text: str, start: int, position: int, common_noun_head: bool, outer_head: str) -> bool:
    """Whether a dash at ``position`` may join a second field to the specific part read so far.

    An enterprise's name may join any two parts ("Tân Cảng - Petro Cam Ranh"). After another common-noun
    head the part read must end in a lower-case syllable, as fields do ("Văn hóa - Xã hội", "Công chức -
    Viên chức"): after a proper name the dash parts places or streets ("Trường Chinh – Cộng Hòa").
    """
    if position <= start or outer_head in _NO_DASH_HEADS:
        return False
    if outer_head in _ENTERPRISE_HEADS:
        return True
    last_word = _LAST_WORD.search(text, start, position)
    return common_noun_head and last_word is not None and last_word.group(0)[:1].islower()


def _clean(name: str) -> str:
    return " ".join(name.split())
