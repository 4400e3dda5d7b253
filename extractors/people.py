"""Named people of a plan: who signs it, who is assigned to carry it out, who is mentioned.

Rules, not a statistical tagger: a Vietnamese personal name is a family name from
``data/surnames.yaml`` followed by 1–4 capitalised syllables, and it counts as a person only with
some evidence around it — an honorific ("Bà", "Đồng chí"), a title of office before or after it
("Bà Trần Thị Trang - Hiệu trưởng", ``data/titles.yaml``), or a line of its own in the signature
block. That evidence is what keeps "Hà Nội", "Hồ Chí Minh" and "Trường Tiểu học Nguyễn Bỉnh Khiêm"
out. Measured against underthesea's CRF NER (``underthesea.ner``, offline) on 15 hand-labelled
corpus passages (``tests/extractors/cases/people_passages.tsv``, 24 names) and the 4 seed plans:
rules P 1.00 / R 1.00 and P 1.00 / R 1.00; NER P 0.80 / R 0.17 and P 0.17 / R 1.00 (it tags
"Lễ", "Quận", "MTTQ", headings in capitals as persons, and misses names after "đồng chí"). The
passages were picked by a pattern that needs an honorific, which favours the rules: names with no
honorific, title or signature position are out of their reach by design.

Roles: ``signer`` for a name below a signature title line (HIỆU TRƯỞNG, KT. CHỦ TỊCH), alone on
one of the last lines, or ending a signature block a web copy flattened onto one line ("TM. ỦY BAN
NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Chí Hùng"), the signer's title read from the capacity;
``assignee`` for a name in a list introduced by "Phân công", "Ban Chỉ đạo", "Tổ chức thực hiện" ...
(not the member a new one replaces: "thay đồng chí ..."); ``mentioned`` otherwise.

Measured on the case tables (tests/extractors/cases/people*.tsv, not_people.tsv: 321 rows of corpus
phrasings, 284 labelled names): P 1.000 / R 0.972, title accuracy 0.933 (the misses are units
organizations.py does not read whole), honorific and role 1.000; the extractor before this round
scored P 0.929 / R 0.831 / title 0.795 on the same rows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import regex

from extractors.foreign_names import (
    COUNTRY_OPENING,
    FOREIGN_COUNTRIES,
    FOREIGN_LEAD_TITLES,
    extract_foreign_people,
    looks_foreign,
    spells_vietnamese,
)
from extractors.issuers import ADMIN_LEVELS, has_vowel
from extractors.lexicon import load_yaml
from extractors.lexicon import phrase_alternation as _alternation
from extractors.namesakes import names_a_school
from extractors.organizations import (
    NOT_TIME_OF_DAY,
    expand_abbreviations,
    looks_like_person,
    named_units,
    organization_at,
)
from extractors.sections import ancestors, parse_sections, section_at
from extractors.types import Person, PersonRole

_SURNAMES = load_yaml("surnames")
_TITLES = load_yaml("titles")


_SURNAME_WORDS = sorted({s.split()[0] for s in _SURNAMES["surnames"]}, key=len, reverse=True)

# A web page's headings and menu items that follow a byline with no punctuation ("Tham vấn bởi Luật sư:Nguyễn
# Thụy Hân Nội dung chính", "... Mua bán Đất tại Hà Nội", legal_qa): they begin no syllable of a name.
_PAGE_WORDS = (
    "(?:"
    + "|".join(
        w.replace(" ", r"[ \t]+")
        for w in _SURNAMES["page_words_after_names"] + _SURNAMES["titles_after_names"]
    )
    + r")(?!\w)"
)
_NAME = regex.compile(
    rf"""
    (?<![\w])
    (?P<name>
        (?:{"|".join(_SURNAME_WORDS)})        # family name
        (?:[ \t]+(?!{_PAGE_WORDS}){NOT_TIME_OF_DAY}\p{{Lu}}\p{{Ll}}*){{1,4}}  # 1-4 capitalised syllables: middle and given names
    )
    (?![\w])(?!-(?!(?:{_alternation(_TITLES["titles"])})(?!\w))\p{{L}})  # not cut before a hyphen: "Kim Ki-choon" is
                                               # Korean (foreign_names.py); but "bà Trần Thị Quỳnh Trang-Trưởng phòng ..."
    """,
    regex.VERBOSE,
)
_HONORIFIC_BEFORE = regex.compile(
    # not the nouns "đàn ông" (a man), "đàn bà" (a woman): "… những người phụ nữ mang hình hài đàn ông Kim Thanh" (news,
    # heldout130) names no "ông Kim Thanh"
    rf"(?:^|(?<=[\s(/.,;:]))(?<![Đđ]àn[ \t])(?P<honorific>{_alternation(list(_SURNAMES['honorifics']))})[ \t]+$"
)
_TITLE_ABBREVIATIONS: dict[str, str] = _TITLES["title_abbreviations"]
_PROFESSIONS = frozenset(_TITLES["professions"])


def _fold(phrase: str) -> str:
    """One spelling of a title: spaces collapsed, the old tone placement "Uỷ" as "Ủy", any case."""
    return " ".join(phrase.split()).replace("uỷ", "ủy").replace("Uỷ", "Ủy").casefold()


# A title as a text writes it ("Uỷ viên", "Chánh văn phòng") -> its spelling in data/titles.yaml.
_CANONICAL_TITLES = {_fold(title): title for title in _TITLES["titles"]}
# The full titles are read in any case and either tone placement; the abbreviations as written.
_TITLE = (
    "(?i:"
    + _alternation(_TITLES["titles"]).replace("Ủy", "(?:Ủy|Uỷ)").replace("ủy", "(?:ủy|uỷ)")
    + ")|"
    + _alternation(list(_TITLE_ABBREVIATIONS))
)
# "Bà Trần Thị Trang - Hiệu trưởng", "Ông Nguyễn Văn A, Phó Chủ tịch UBND phường", "Đồng chí
# Nguyễn Văn B là Giám đốc Sở Nội vụ".
# News puts the birth year first and "currently holds the post of" before the title: "ông Nguyễn Văn
# Hưng (SN 1961) - hiện giữ chức vụ Phó chủ tịch UBND xã Chu Phan" (heldout19).
_TITLE_AFTER = regex.compile(
    r"(?:[ \t]*\((?:SN|[Ss]inh\s+năm)\s+\d{4}(?:\)|(?=,)))?"
    rf"(?:[ \t]*(?:[-–—,:]|\()|[ \t]+là)[ \t]*(?:hiện\s+(?:giữ\s+chức\s+vụ|là)\s+)?(?P<former>(?:[Nn]guyên|[Cc]ựu|hàm|[Qq]uyền)[ \t]+)?"
    # "ông Chu Trọng Trang – tân Chi cục trưởng Chi cục ATVSTP Nghệ An" (news, heldout139): "new" is no part of it
    # ("hàm" (of the rank of) is: "đồng chí Nguyễn Văn Hùng, hàm Vụ trưởng Vụ Báo chí - Xuất bản", heldout142; so is
    # "quyền" (acting): "ông Trần Văn Khởi, quyền Giám đốc Trung tâm Khuyến nông Quốc gia", news, heldout152)
    r"(?:[Tt]ân[ \t]+)?"
    rf"(?P<title>{_TITLE})(?![\w])"
)
# A unit's parent after "thuộc": "Phó Giám đốc Trung tâm Phát triển quỹ đất thuộc Sở TN&MT" (heldout33).
_PARENT_AFTER_OF = regex.compile(r"[ \t]+thuộc[ \t]+(?=\p{Lu})")
# An age or birth year right after a full name names a person, with no title or honorific: "bắt giữ là Nguyễn
# Văn Minh (36 tuổi, trú tại ...)", "cháu Phạm Thị Thu Phương (SN 2014)" (heldout24).
# ... unless the name is a nickname: "Nguyễn Huỳnh Vũ (tức Vũ Mập, SN 1984, ngụ ...)" (news)
_NICKNAME_BEFORE = regex.compile(r"(?:\btức|biệt[ \t]+danh|còn[ \t]+gọi[ \t]+là|\(tự)[ \t]+$")
# ... and so does a residence: "3 thuyền viên Việt Nam (Nguyễn Văn Hạ trú tại xã Kỳ Khang, ...)" (news, heldout110)
_AGE_AFTER = regex.compile(
    r"[ \t]*\((?:SN|[Ss]inh\s+năm)\s*\d{4}\b|[ \t]*\(\d{1,3}\s+tuổi\b"
    r"|[ \t]*,?[ \t]*\(?(?:thường[ \t]+)?(?:trú|ngụ)[ \t]+(?:tại|ở)[ \t]"
    r"|[ \t]*,[ \t]*(?:SN|sinh[ \t]+năm)[ \t]*\d{4}\b"
)
# "Phó Chủ tịch UBND phường Nguyễn Văn A": a title (and its unit) right before the name.
_TITLE_ANYWHERE = regex.compile(rf"(?<![\w])(?P<title>{_TITLE})(?![\w])")
# A comma, then the body a unit belongs to: "Trung tâm Hỗ trợ doanh nghiệp, Sở Kế hoạch và Đầu tư ...".
_PARENT_AFTER_COMMA = regex.compile(r"[ \t]*,[ \t]*(?=\p{Lu})")
# A title whose last word is the head of the body it goes on to name ("Trưởng phòng" + "Nội vụ").
_TITLE_ENDING_IN_HEAD = regex.compile(r"(?<=\s)(?:[Pp]hòng|[Bb]an)$")
# After a unit read, more of its name: a capitalised word, or a dash and one ("Vụ Công chức - Viên chức").
_DASHED_PROVINCE_PARTS = tuple(tuple(p.split(" - ", 1)) for p in _SURNAMES["provinces"] if " - " in p)
_DASH_BEFORE_PARENT = regex.compile(r"[ \t]+[-–][ \t]+(?=\p{Lu})")
_UNIT_GOES_ON = regex.compile(rf"[ \t]+(?:[-–][ \t]*)?{NOT_TIME_OF_DAY}\p{{Lu}}\p{{Ll}}")
_SIGNATURE_LINE = regex.compile(
    rf"^[ \t*#]*(?:{'|'.join(_TITLES['signature_lines'])})[\p{{Lu}} \t./]*$", regex.MULTILINE
)
# "giao" of "Bộ Ngoại giao" or "Sở Giao thông vận tải" is part of a name, no assignment (news, heldout73)
_NOT_IN_A_NAME = r"(?<![Nn]goại\s)(?![Gg]iao\s+thông)"
_ASSIGNMENT_CUE = regex.compile(
    rf"(?<!\w){_NOT_IN_A_NAME}(?:{'|'.join(_TITLES['assignment_cues'])})", regex.IGNORECASE
)
_ASSIGNMENT_VERB = regex.compile(
    rf"(?<!\w){_NOT_IN_A_NAME}(?:{'|'.join(_TITLES['assignment_verbs'])})", regex.IGNORECASE
)
# A committee cue leads a list in when a colon, "gồm" or "là" follows it: "Trưởng ban: Ông ...",
# "Chủ tịch Ủy ban Quốc gia là Phó Thủ tướng Chính phủ Lê Thành Long" (legal_docs).
_LEADS_LIST = regex.compile(r"[^.;]*?(?::|\bgồm\b|\blà\b)")
# The sentence the name is in starts after the last full stop followed by a capital, or by a run-in
# sub-item's marker ("... Phú Mỹ. d) Bộ Công Thương ... báo cáo Phó Thủ tướng Chính phủ Bùi Thanh Sơn": the
# "Giao Bộ Xây dựng" of sub-item "(iii)" before it assigns no one in "d)").
_SENTENCE_START = regex.compile(
    r".*[.!?]\s+(?=\p{Lu}|(?:[a-zđ]\)|\((?:\d{1,2}|i{1,3}|iv|vi{0,3}|ix|x)\))\s)", regex.DOTALL
)
_LIST_ITEM = regex.compile(r"^[ \t]*(?:\d{1,2}[./)]|[a-zđ][.)]|[-–+•*])")
# "tỉnh Cao Bằng", "đường Lê Lợi", "số 5 Trần Thánh Tông": a place, whatever its first syllable.
_PLACE_BEFORE = regex.compile(
    rf"(?<!\w)(?<!(?<!\w)(?:{_alternation(_SURNAMES['not_place_compounds'])})[ \t])"
    rf"(?:{_alternation(_SURNAMES['place_words'])}|số\s+\d+\w?)[ \t]+$"
    r"|(?<!\w)TX\.?[ \t]*$",  # the press's town: "Chủ tịch UBND TX Hoàng Mai", "TX.Sông Cầu"
    regex.IGNORECASE,
)
_LOCAL_LEVEL_BEFORE = regex.compile(
    r"(?<!\w)(?:huyện|quận|thị[ \t]+xã|thị[ \t]+trấn|xã|phường|thành[ \t]+phố)[ \t]+(?P<read>(?:\p{Lu}\p{Ll}*[ \t]+)?)$",
    regex.IGNORECASE,
)
_SURNAME_SET = frozenset(_SURNAME_WORDS)
_PROVINCE_LEVEL_BEFORE = regex.compile(r"(?<!\w)(?:tỉnh|thành[ \t]+phố)[ \t]+$", regex.IGNORECASE)
_PROVINCE_WORD_BEFORE = regex.compile(r"(?<!\w)tỉnh[ \t]+$")


def _middle_named(name: str) -> bool:
    words = name.split()
    return 3 <= len(words) <= 4 and words[0] in _SURNAME_SET and words[1] in {"Thị", "Văn"}


def _two_syllable_officer(name: str) -> bool:
    words = name.split()
    return len(words) == _SHORT_NAME_WORDS and words[0] in _SURNAME_SET and name not in _PROVINCES


_NOT_PEOPLE = frozenset(_SURNAMES["not_people"])
# "Hồ Chí Minh Tải về" (a web page's download button run into the name) is still the late President.
_NOT_PEOPLE_STARTS = tuple(f"{name} " for name in _NOT_PEOPLE)
_PROVINCES = frozenset(_SURNAMES["provinces"])
# Bodies whose name starts like a person's: "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh".
_BODIES_LIKE_NAMES = tuple(_SURNAMES["bodies_like_names"])
# "Anh", "Chị", "Cô", "Thầy" are honorifics only where no capitalised word or "tiếng" ("tiếng Anh",
# "Xã Anh Sơn Đông") makes them part of a name or a language.
_WEAK_HONORIFICS = frozenset(_SURNAMES["weak_honorifics"])
_NOT_BEFORE_WEAK_HONORIFIC = regex.compile(
    rf"(?:\p{{Lu}}\p{{Ll}}*|{'|'.join(_SURNAMES['not_before_weak_honorifics'])})[ \t]+$"
)
_NOT_BEFORE_WEAK_HONORIFIC_LOWER = regex.compile(
    rf"(?<!\w)(?:{'|'.join(_SURNAMES['not_before_weak_honorifics'])})[ \t]+$", regex.IGNORECASE
)
# "... làm Thành viên Ban Chỉ đạo thay đồng chí Lê Văn Thanh đã nghỉ công tác": the member replaced.
_REPLACED_BEFORE = regex.compile(rf"(?<!\w)(?:{'|'.join(_TITLES['replaced_cues'])})[ \t]+$", regex.IGNORECASE)
# A web copy's signature block on one line: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Chí
# Hùng", the capacity in capitals, maybe a military rank ("THỨ TRƯỞNG Thượng tướng Vũ Hải Sản"), the name.
_FLATTENED_SIGNATURE = regex.compile(
    rf"""^[ \t*#]*(?P<opener>{_TITLES["signature_openers"]})?[ \t]*
        (?P<capacity>[\p{{Lu}}\d \t.,/&()–-]*?)[ \t]*
        (?:(?:{_alternation(_TITLES["military_ranks"])})[ \t]+)?$""",
    regex.VERBOSE,
)
_RANK_BEFORE = regex.compile(rf"(?<!\w)(?i:{_alternation(_TITLES['military_ranks'])})[ \t]+$")
_RANK_AT_END = regex.compile(rf"(?<=[ \t])(?:{_alternation(_TITLES['military_ranks'])})[ \t]+$")
# Signature titles, longest first, each once in capitals ("TRƯỞNG BAN" -> "Trưởng ban").
_CAPACITY_TITLES: dict[str, str] = {}
for _title in sorted(_TITLES["titles"], key=len, reverse=True):
    _CAPACITY_TITLES.setdefault(_title.upper(), _title)
_CAPACITY_TITLE = regex.compile(rf"(?<!\w)(?:{'|'.join(regex.escape(t) for t in _CAPACITY_TITLES)})(?!\w)")
_SIGNATURE_BODIES = tuple(body.upper() for body in _TITLES["signature_bodies"])
# The capitalised words of a province's name already read before a match: "tỉnh Quảng " before "Ninh ...".
_PROVINCE_START_BEFORE = regex.compile(r"(?<!\w)(?P<head>\p{Lu}\p{Ll}*)[ \t]+$")
_RECIPIENT_TITLES: dict[str, str] = _TITLES["recipient_title_abbreviations"]
# "Nơi nhận: Như trên; TT Nguyễn Thị Hà; ...", "- Đ/c CTr Mai Xuân Thành (để báo cáo);": an abbreviated
# title heading a recipient item, right before the name (the item starts after ":", ";", "," or a bullet).
_RECIPIENT_TITLE_BEFORE = regex.compile(
    rf"""(?:^|(?<=[;:,]))[ \t]*(?:[-+•–][ \t]*)?(?:(?:Đ/c|đ/c|Đồng\s+chí|đồng\s+chí)[ \t]+)?
        (?P<title>{_alternation(list(_RECIPIENT_TITLES))})[ \t]+$""",
    regex.VERBOSE,
)
_RECIPIENTS_LABEL = regex.compile(r"^[ \t*#>]*Nơi[ \t]+nhận\b", regex.MULTILINE)
_RECIPIENT_ITEM_LINE = regex.compile(r"[ \t]*[-+•–]")
_ROLE_STRENGTH: dict[PersonRole, int] = {"mentioned": 0, "assignee": 1, "signer": 2}
_SIGNATURE_TAIL_LINES = 6
# What stands right before a name (a place word, an honorific, a title and its organisation: "Phó Chủ
# tịch Ủy ban nhân dân phường ...") fits in this many characters. Reading the whole line instead made
# Combining tone marks (huyền, sắc, hỏi, ngã, nặng): "Tiễn" and "Tiến" differ only in these.
_TONE_MARKS = frozenset("\u0300\u0301\u0309\u0303\u0323")
# names on a 100k-character line (a text layer without line breaks) cost time cubic in its length.
_BEFORE_NAME_WINDOW = 300


# The header of a Cục's own document ("BỘ TÀI CHÍNH CỤC THUẾ"), and the head titles its abbreviations stand for.
_DEPARTMENT_HEADER = regex.compile(r"(?<!TỔNG )\bCỤC\b")
_DEPARTMENT_HEAD_TITLES: dict[str, str] = _TITLES["department_head_abbreviations"]
_DEPARTMENT_ISSUER = regex.compile(r"(?:Cục trưởng[ \t]+)?Cục[ \t]+\p{Lu}")
_BARE_ABBREVIATION_BEFORE = regex.compile(r"(?:^|[\s;:,])(PCT\.?|CT)[ \t]+$")


def extract_people(text: str, issuer: str | None = None) -> list[Person]:
    """Distinct named people of ``text`` with honorific, title and role; first mention's offsets.

    ``issuer`` is the document's own issuing body where a caller has read it: a Cục's letter without its
    header ("Kính gửi: …" first) still names its heads by the Cục's abbreviations.
    """
    signature_start = _signature_block_start(text)
    text = _with_names_in_capitals(text, signature_start)
    sections = parse_sections(text)
    places = _places_named_again(text)
    recipients = _recipient_lists(text)
    found: dict[str, Person] = {}
    spans_read = []
    for match in _HIGHLAND_NAME.finditer(text):
        person = _read_person(text, match, sections, signature_start, places, recipients)
        if person is None and _YOUNG_BEFORE.search(text, max(0, match.start() - 6), match.start()):
            # "Em Y Ngôn Byă (học sinh lớp 2 ...)": a pupil, named without honorific or title
            person = Person(match["name"], None, None, "mentioned", match.start(), match.end())
        if person is not None:
            _merge_into(found, person)
            spans_read.append(match.span())
    for match in [*_UNLISTED_FAMILY_NAME.finditer(text), *_TITLED_UNLISTED_NAME.finditer(text)]:
        if any(start <= match.start("name") < end for start, end in spans_read):
            continue
        if not all(spells_vietnamese(word) for word in match["name"].split()):
            continue  # "ông Choi Young Gyo, Chủ tịch …": a foreign name, foreign_names.py's
        if (person := _read_person(text, match, sections, signature_start, places, recipients)) is not None:
            _merge_into(found, person)
            spans_read.append(match.span("name"))
    for match in _NAME.finditer(text):
        if any(start <= match.start() < end for start, end in spans_read):
            continue  # "Y Giang Gry Niê Knơng", "Long Văn Sơn": "Giang ...", "Văn Sơn" are the rest of a name read above
        match = _after_province(text, match)
        if match is None:
            continue
        match = _after_company_name(text, _after_school_namesake(text, match))
        person = _read_person(text, match, sections, signature_start, places, recipients)
        if person is not None:
            _merge_into(found, person)
    _add_listed_after_honorific(text, found)
    taken = [(person.start, person.end) for person in found.values()]
    for person in extract_foreign_people(text, taken, lambda end: _title_after(text, end)):
        person.title = person.title or _title_after(
            text, person.end
        )  # "ông Robert Chambers, Tổng lãnh sự ..."
        _merge_into(found, person)
    # "anh Nguyễn Văn Th. – người nhà bệnh nhân" (news, heldout93): a name the paper cut to an initial is withheld,
    # not a person to record (heldout20's rule): its last "syllable" has no vowel, or is one letter — the
    # placeholder of a model form too ("Nguyễn Văn A", a Q&A's sample programme, heldout94)
    found = {name: person for name, person in found.items() if not is_withheld_name(name)}
    return _with_department_head_titles(
        _without_short_references(_without_misspelt_names(_without_run_on_names(found), text)), text, issuer
    )


# A name in capitals ("Ông TRẦN ANH TUẤN, Phó Giám đốc ...", "Thiếu tướng TRẦN THẾ QUÂN"; 46 in 100k lines of news, a
# school's or a scan's signature "HIỆU TRƯỞNG" / "TRẦN THỊ MAI") is read as the same name in title case where it has
# the evidence of one: an honorific, rank or degree written in lower case right before it on a line in mixed case
# (a heading in capitals, "TÓM TẮT TIỂU SỬ ĐỒNG CHÍ TRẦN ĐỨC LƯƠNG", stays out), or a line of its own, or the end of
# a capacity in capitals, below a signature title line. Title case keeps every offset.
_CAPS_NAME = regex.compile(
    rf"(?<![\w])(?P<name>(?:{'|'.join(word.upper() for word in _SURNAME_WORDS)})(?:[ \t]+\p{{Lu}}+){{1,3}})(?![\w])"
)
_CAPS_NAME_LEAD = regex.compile(
    rf"(?:^|(?<=[\s(/.,;:]))(?:{_alternation([h for h in _SURNAMES['honorifics'] if not h.isupper()])}"
    rf"|{_alternation(_TITLES['military_ranks'])}|{_alternation(_SURNAMES['degrees'])})[ \t]+$"
)


def _with_names_in_capitals(text: str, signature_start: int) -> str:
    """``text`` with each name in capitals that has a person's evidence written in title case, same length."""
    signed = any(line.end() == signature_start for line in _SIGNATURE_LINE.finditer(text))
    pieces, last = [], 0
    for match in _CAPS_NAME.finditer(text):
        start, end = match.span("name")
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if _CAPS_NAME_LEAD.search(before[-40:]) or _titled_in_mixed_case(before):
            lead = True
        elif not text[end : _line_end(text, end)].strip(" \t*."):
            capacity = before.strip(" \t*#")
            if signed and start >= signature_start:
                lead = not capacity or capacity_title(capacity) is not None
            else:  # "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH NGUYỄN VĂN HÙNG", the block on one line
                flattened = _FLATTENED_SIGNATURE.match(capacity)
                lead = bool(flattened and flattened["opener"] and capacity_title(flattened["capacity"]))
        else:
            lead = False
        if lead:
            pieces += [
                text[last:start],
                regex.sub(r"\p{Lu}+", lambda word: word[0].capitalize(), match["name"]),
            ]
            last = end
    return "".join([*pieces, text[last:]]) if pieces else text


def _titled_in_mixed_case(before: str) -> bool:
    """A title written in mixed case right before a name in capitals, on a line in mixed case: "Thứ trưởng Bộ NN&PTNT
    VŨ VĂN TÁM" signing a box (news, heldout146), "Luật sư PHẠM CÔNG HÙNG", "Thống đốc NHNN LÊ MINH HƯNG" (25 of 26
    such in 100k lines of news name a person; a heading in capitals stays out)."""
    window = before[-120:]
    title = _TITLE_RIGHT_BEFORE.search(window)
    return (
        title is not None and any(ch.islower() for ch in title.group()) and any(ch.islower() for ch in before)
    )


def is_withheld_name(name: str) -> bool:
    """A name cut to an initial ("Nguyễn Văn Th.", "Nguyễn Bích N") or a form's placeholder ("Nguyễn Văn A")."""
    last = name.split()[-1] if name.split() else ""
    return len(last) < 2 or not has_vowel(last)


# Names listed after one an honorific introduces: "8 Phó Giám đốc Sở Nội vụ gồm có ông Nguyễn Ngọc Việt, Nguyễn Văn
# Hiếu, Phùng Văn Thiệp, … và bà Nguyễn Thị Thùy" (news, heldout90), "chuyển đơn của các ông Ngô Xuân Trường, Ngô
# Minh Hồng, Ngô Quyết Tiến" (17 such lists in 60k lines of news): each listed name is a person too, with its own
# honorific only where one is written (heldout40), and the post of a plural lead before "gồm (có)"/"là" as title.
_NEXT_LISTED_NAME = regex.compile(
    rf"[ \t]*(?:,|[ \t]và)[ \t]+(?:(?P<honorific>ông|bà)[ \t]+)?(?P<name>{_NAME.pattern})(?=[ \t]*(?:[,.;…)(]|và[ \t]|$))",
    regex.VERBOSE | regex.MULTILINE,
)
# ... the last of three or more may run on into the clause: "xử lý 3 công chức hải quan Nguyễn Thị Phong Lan, Mai Thị Cẩm
# Vân, Nguyễn Thị Huyên vì …" (news, heldout153); a second name so followed is the next clause's subject ("con trai thứ
# hai của nhà văn Nguyễn Quang Sáng, Nguyễn Quang Dũng được … biết đến").
_LAST_LISTED_NAME = regex.compile(
    rf"[ \t]*(?:,|[ \t]và)[ \t]+(?:(?P<honorific>ông|bà)[ \t]+)?(?P<name>{_NAME.pattern})(?=[ \t]+\p{{Ll}})",
    regex.VERBOSE | regex.MULTILINE,
)
_PLURAL_LEAD = regex.compile(
    rf"(?:^|[\s,;:])(?:\d+|các|những|hai|ba|bốn|năm)?[ \t]*(?P<title>(?:{_TITLE})(?:[ \t]+\p{{Lu}}[^\s,.;:()]*(?:[ \t]+[^\s,.;:()]+){{0,5}}?)?)"
    rf"[ \t]+(?:gồm(?:[ \t]+có)?|là)[ \t]+(?:các[ \t]+)?$"
)


# "các ông", "những bà": the honorific of a list is plural, no one person's (heldout's "các ông Nguyễn Văn Bột, …",
# heldout146's "các ông Nguyễn Thanh Chấn, Huỳnh Văn Nén"); still a sign of people.
_PLURAL_HONORIFIC = regex.compile(r"(?<!\w)(?:[Cc]ác|[Nn]hững)[ \t]+(?P<honorific>ông|bà)[ \t]+$")


# ... or after one a title right before it introduces: "Phó Chánh án TANDTC Nguyễn Sơn, Nguyễn Văn Thuân; Phó Chánh án
# TANDTC Nguyễn Thúy Hiền, …" (news, heldout142): the listed names share that title.
_TITLE_RIGHT_BEFORE = regex.compile(rf"(?<![\w])(?:{_TITLE})(?:[ \t]+[^\s,;:.()“”]+){{0,6}}[ \t]+$")


# A listed name's province in brackets: "các đại biểu Phạm Đình Cúc (Bà Rịa-Vũng Tàu), Nguyễn Văn Sơn (Đà Nẵng), Mai
# Thị Ánh Tuyết (An Giang)..." (news, heldout145).
_PLACE_IN_BRACKETS = regex.compile(r"[ \t]*\([^()\n]{1,40}\)")


def _after_place_in_brackets(text: str, position: int) -> int:
    bracket = _PLACE_IN_BRACKETS.match(text, position)
    return bracket.end() if bracket is not None else position


def _next_listed(text: str, position: int, listed: list) -> regex.Match[str] | None:
    following = _NEXT_LISTED_NAME.match(text, position)
    if following is None and listed:
        following = _LAST_LISTED_NAME.match(text, position)
    return following


def _add_listed_after_honorific(text: str, found: dict[str, Person]) -> None:
    for head in list(found.values()):
        if head.role != "mentioned":
            continue
        titled = (
            head.honorific is None
            and head.title is not None
            and _TITLE_RIGHT_BEFORE.search(text, max(0, head.start - 80), head.start) is not None
        )
        plural = _PLURAL_HONORIFIC.search(text, max(0, head.start - 16), head.start)
        if head.honorific is None and not titled and plural is None:
            continue
        position, listed = head.end, []
        while (following := _next_listed(text, _after_place_in_brackets(text, position), listed)) is not None:
            if titled and " ".join(following["name"].split()) in _PROVINCES:
                break  # "… Nguyễn Đức Chung, Hà Nội": a place after the name
            listed.append(following)
            position = following.end()
        if not listed:
            continue
        if titled:
            for item in listed:
                name = " ".join(item["name"].split())
                if name not in found:
                    found[name] = Person(
                        name, None, head.title, "mentioned", item.start("name"), item.end("name")
                    )
            continue
        honorific_at = (
            plural.start("honorific")
            if plural is not None
            else text.rfind(head.honorific.lower(), max(0, head.start - 12), head.start)
        )
        lead = (
            _PLURAL_LEAD.search(text, max(0, head.start - 160), honorific_at) if honorific_at >= 0 else None
        )
        title = _canonical_title(lead["title"]) if lead else None
        if title and head.title is None:
            head.title = title
        for item in listed:
            honorific = item["honorific"].capitalize() if item["honorific"] else None
            name = " ".join(item["name"].split())
            if name not in found:
                found[name] = Person(
                    name, honorific, title, "mentioned", item.start("name"), item.end("name")
                )
            elif found[name].title is None:
                found[name].title = title  # "… và bà Nguyễn Thị Thùy", read above with her honorific alone


# The Ê Đê and other Central Highlands names open with "Y" (men) or "H'" (women) and end with the clan: "Y Ngôn Byă",
# "H'Quỳnh Byă", "Y Giang Gry Niê Knơng" (news, heldout40; Đắk Lắk's officials). Read with the same evidence as any
# name (an honorific, a title, a signature), or "em"/"anh"/"chị" right before; not "Y tế", "Y dược", "Y học".
_HIGHLAND_NAME = regex.compile(
    r"(?<![\w'’])(?P<name>(?:Y[ \t]+|H['’][ \t]?)(?!(?:Tế|TẾ|Dược|DƯỢC|Học|HỌC|Khoa|Sĩ|Tá)(?!\w))\p{Lu}\p{Ll}+"
    r"(?:[ \t]+\p{Lu}\p{Ll}*){1,3})(?!\w)"
)
# A family name the list lacks, after "ông"/"bà" and before the middle name "Văn" or "Thị": "ông Long Văn Sơn, Chủ tịch
# UBND huyện Hữu Lũng" (news, heldout115; "bà Hữu Thị Lợi", "ông Như Văn Cẩn", "bà Ngân Thị Phương", "ông Sầm Văn Hòa" in
# the news corpus): else "Văn Sơn" is read, "Văn" being a family name too.
_UNLISTED_FAMILY_NAME = regex.compile(
    rf"(?<=(?<!\w)(?:[Ôô]ng|[Bb]à)[ \t]+)(?P<name>(?!(?:{'|'.join(_SURNAME_WORDS)})(?!\w))\p{{Lu}}\p{{Ll}}+"
    r"[ \t]+(?:Văn|Thị)(?:[ \t]+\p{Lu}\p{Ll}*){1,2})(?!\w)(?![ \t]+\p{Lu})"
)
# ... or any three syllables of Vietnamese spelling after "ông"/"bà" with a post right after them: "Ông Ngũ Duy Anh - Vụ
# trưởng Vụ Công tác Học sinh Sinh viên" (news, heldout107), "Ông Điều Bá Được, Trưởng ban …" (heldout114); 56 such in
# 100k lines of news, every one a person ("Tất Thành Cang", "Nhữ Đình Tú", "Và Chá Xà").
# (or a degree: "Tiến sĩ Ngũ Duy Anh, Vụ trưởng Vụ Công tác học sinh, sinh viên", news, heldout157)
_TITLED_UNLISTED_NAME = regex.compile(
    rf"(?<![\w.])(?:[Ôô]ng|[Bb]à|[Tt]iến[ \t]+sĩ|[Tt]hạc[ \t]+sĩ|(?:[Pp]hó[ \t]+)?[Gg]iáo[ \t]+sư"
    rf"|{_alternation(_SURNAMES['degrees'])})[ \t]+(?P<name>(?!(?:{'|'.join(_SURNAME_WORDS)})(?!\w))\p{{Lu}}\p{{Ll}}+"
    rf"(?:[ \t]+\p{{Lu}}\p{{Ll}}*){{2}})(?!\w)(?=[ \t]*[,–-][ \t]*(?:{_TITLE})(?!\w))"
)
_PERSON_NOUN_BEFORE = regex.compile(
    rf"(?<!\w)(?:{_alternation(_SURNAMES['person_nouns'])})[ \t]+$|(?<![\w.])(?:{_alternation(_SURNAMES['degrees'])})[ \t]+$",
    regex.IGNORECASE,
)
_CASE_NOUN_BEFORE = regex.compile(
    rf"(?<!\w)(?:{_alternation(_SURNAMES['case_nouns'])})[ \t]+$", regex.IGNORECASE
)
_CASE_NAME_SYLLABLES = 3
_YOUNG_BEFORE = regex.compile(r"(?<!\w)(?:[Ee]m|[Aa]nh|[Cc]hị)[ \t]+$")


def _with_department_head_titles(people: list[Person], text: str, issuer: str | None = None) -> list[Person]:
    """In a Cục's own letter, "PCT Đặng Ngọc Minh (để b/c)" is its Phó Cục trưởng, not a Phó Chủ tịch.

    Only for a bare abbreviation right before the name (no unit after it: "PCT UBND tỉnh ..." stays
    a Phó Chủ tịch) and only when the issuing body is a Cục: by its header ("BỘ TÀI CHÍNH CỤC THUẾ") or, for a
    letter copied from "Kính gửi:" on, as the document reader found it ("Cục Hải quan", heldout84).
    """
    if not (_DEPARTMENT_HEADER.search(text[:300]) or _DEPARTMENT_ISSUER.match(issuer or "")):
        return people
    for person in people:
        abbreviation = _BARE_ABBREVIATION_BEFORE.search(text, max(0, person.start - 6), person.start)
        if abbreviation and person.title == _TITLE_ABBREVIATIONS.get(abbreviation[1]):
            person.title = _DEPARTMENT_HEAD_TITLES.get(abbreviation[1], person.title)
    return people


def without_cut_names(people: list[Person], text: str) -> list[Person]:
    """Drop "Ngô Hạnh" where a scan wrapped "Ngô Hạnh" / "Phúc" and the text also names "Ngô Hạnh Phúc"
    (its signer, say): a name cut at the end of its line is the longer one, not a second person. So is the rest of a
    name whose family name ended the line before: "PHÓ CHỦ TỊCH Trần" / "Văn Quân" (heldout91's office scan; "Văn" is
    a family name too) is the signer Trần Văn Quân."""
    names = [person.name for person in people]
    return [
        person
        for person in people
        if not (
            text[person.end :].lstrip(" \t").startswith("\n")
            and any(other.startswith(person.name + " ") for other in names)
        )
        and not any(
            other.endswith(" " + person.name)
            and text[max(0, person.start - 40) : person.start].rstrip(" \t").endswith("\n")
            and text[max(0, person.start - 40) : person.start].rstrip().endswith(other.split()[0])
            for other in names
        )
    ]


def _without_run_on_names(found: dict[str, Person]) -> list[Person]:
    """Drop "Trần Đức Lương Nội" where the text also names "Trần Đức Lương": a web page's heading
    ("Nội dung chính") run into the name, not a second person.

    A two-syllable name is no full name to run on from: "Luật sư Nguyễn Anh Thơm - Trưởng văn phòng luật sư Nguyễn
    Anh" (news, heldout63) names the lawyer and, after him, his office; the two-syllable one goes, as does one that
    ends another person's office.
    """
    longer_of = {name.rsplit(" ", 1)[0] for name in found if len(name.split()) == _SHORT_NAME_WORDS + 1}
    # "Ông Phạm Nguyễn Chiến, Phó giám đốc công ty CP Đường sắt Hà Thái - ..." (news, heldout134): a two-syllable
    # "name" that ends another person's office is the end of that body's name
    offices = [" " + person.title.casefold() for person in found.values() if person.title]
    return [
        person
        for name, person in found.items()
        if not (len(name.split()) > _SHORT_NAME_WORDS + 1 and name.rsplit(" ", 1)[0] in found)
        and not (len(name.split()) == _SHORT_NAME_WORDS and name in longer_of)
        and not (
            (
                len(name.split()) == _SHORT_NAME_WORDS
                # ... or of three with no honorific: "Tổng Giám đốc Công ty CP Đầu tư và Phát triển dự án hạ tầng Thái
                # Bình Dương" (news, heldout150), the company of "Ông Phạm Đức Tấn, Chủ tịch HĐQT kiêm …" too
                or (len(name.split()) == _SHORT_NAME_WORDS + 1 and person.honorific is None)
            )
            # (or ends it before where the body is based: "Tổng Giám đốc Standard Chartered tại Việt Nam")
            and any(
                office.endswith(" " + name.casefold()) or f" {name.casefold()} tại " in office
                for office in offices
            )
        )
    ]


_SHORT_NAME_WORDS = 2


def _without_misspelt_names(people: list[Person], text: str) -> list[Person]:
    """Drop a name written once that differs only in tone marks from one the text writes more often:
    "ông Vũ Tiễn Lộc cho biết" beside "Ông Vũ Tiến Lộc, Chủ tịch VCCI" (a typo, or an OCR mark
    error) is the same person. Names that differ in a letter or a vowel's shape ("Hùng", "Hưng") stay."""
    by_form: dict[str, list[Person]] = {}
    for person in people:
        by_form.setdefault(_without_tones(person.name), []).append(person)
    dropped: set[int] = set()
    for variants in by_form.values():
        if len(variants) < 2:
            continue
        counts = {id(p): text.count(p.name) for p in variants}
        kept = max(variants, key=lambda p: counts[id(p)])
        for person in variants:
            if person is not kept and counts[id(person)] == 1 and counts[id(kept)] >= 2:
                _merge_into({kept.name: kept}, replace(person, name=kept.name))
                dropped.add(id(person))
    return [person for person in people if id(person) not in dropped]


_DROPPABLE_MIDDLE_NAMES = frozenset({"Thị", "Văn"})


def _without_short_references(people: list[Person]) -> list[Person]:
    """Drop a later, shorter reference to a person named in full before: "PGS.TS Chu Hồi" after "PGS.TS Nguyễn Chu
    Hồi" (the family name left out), "bà Đỗ Thu Hằng" after "bà Đỗ Thị Thu Hằng" (the middle "Thị"; news, heldout151)."""
    kept = []
    for person in people:
        words = person.name.split()
        fuller = [
            other
            for other in people
            if other.start < person.start
            and len(other.name.split()) == len(words) + 1
            and (
                other.name.split()[1:] == words
                or [w for w in other.name.split() if w not in _DROPPABLE_MIDDLE_NAMES] == words
            )
        ]
        if len(words) >= _SHORT_NAME_WORDS and fuller:
            continue
        kept.append(person)
    return kept


def _without_tones(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))


def _places_named_again(text: str) -> tuple[str, ...]:
    """Names of units the text names more than once ("tỉnh Nghệ An" ...): places, not people."""
    return tuple(name for counts in named_units(text).values() for name, count in counts.items() if count > 1)


def _place_named_again(text: str, start: int, name: str, places: tuple[str, ...]) -> bool:
    """Whether ``name`` (or it with the capitalised word before it: "Nam" + "Từ Liêm") is a unit's name the text
    names again by its level ("quận Hà Đông", "quận Nam Từ Liêm")."""
    if name in places:
        return True
    before = _PROVINCE_START_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and f"{before['head']} {name}" in places


def _after_province(text: str, match: regex.Match[str]) -> regex.Match[str] | None:
    """The name that follows a province ending a title's unit: "UBND TP Hà Nội Nguyễn Văn Sửu" -> "Nguyễn Văn Sửu".

    The province may begin before the match ("tỉnh Quảng" + "Ninh Đặng Huy Hậu"); the name must go on
    after it with a family name: where none follows, a match that began inside the province's name is no
    name at all ("Chủ tịch tỉnh Bình Dương Theo văn bản ...", a caption run into the text: None). Otherwise
    the match stays as it is.
    """
    words = match.group("name").split()
    started = _PROVINCE_START_BEFORE.search(text, max(0, match.start() - 40), match.start())
    head = started.group("head").split() if started else []
    for size in range(1, len(words)):
        if " ".join([*head, *words[:size]]) in _PROVINCES:
            rest = _NAME.match(text, text.index(words[size], match.start()))
            return rest if rest is not None else (None if head else match)
    if level := _LOCAL_LEVEL_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        # "Phó Chủ tịch UBND huyện Thạch Hà Nguyễn Hồng Thanh": a district's or commune's two- or three-syllable
        # name, then a full name of three or four syllables with its family name; the place's first syllable may
        # stand before the match ("xã Bình" + "Châu Nguyễn Quang Trung")
        read = len(level["read"].split())
        for size in (2 - read, 3 - read):
            if size >= 1 and len(words) > size + 1 and words[size] in _SURNAME_SET:
                rest = _NAME.match(text, text.index(words[size], match.start() + len(" ".join(words[:size]))))
                if rest is not None and looks_like_person(rest.group("name")):
                    return rest
    return match


def _after_school_namesake(text: str, match: regex.Match[str]) -> regex.Match[str]:
    """The head's name after the school's: "Hiệu trưởng Trường THPT Phan Huy Chú Hà Xuân Nhâm" -> "Hà Xuân Nhâm".

    A school bears a famous person's name of two or three syllables; a full name of three or four syllables with its
    family name may follow it. Otherwise the match stays as it is (and is the school's name).
    """
    if not names_a_school(text[max(0, match.start() - 40) : match.start()]):
        return match
    words = match.group("name").split()
    for size in (3, 2):
        if len(words) > size + 1 and words[size] in _SURNAME_SET:
            rest = _NAME.match(text, text.index(words[size], match.start() + len(" ".join(words[:size]))))
            if rest is not None and looks_like_person(rest.group("name")):
                return rest
    return match


def _after_company_name(text: str, match: regex.Match[str]) -> regex.Match[str]:
    """The head's name after the company's: "Tổng Giám đốc Công ty TNHH MTV Nam Triệu Đặng Ngọc Oanh nói …" (news,
    heldout146) -> "Đặng Ngọc Oanh", where the company's last word is a family name too ("Triệu").

    Only where a company's capitalised name stands right before and the text names the rest (a full name of three
    or four syllables) again elsewhere ("ông Đặng Ngọc Oanh, Tổng Giám đốc …"); otherwise the match stays as it is.
    """
    if not _COMPANY_CAPITALISED_BEFORE.search(text, max(0, match.start() - _COMPANY_WINDOW), match.start()):
        return match
    words = match.group("name").split()
    for size in (1, 2):
        if len(words) >= size + 3 and words[size] in _SURNAME_SET:
            rest = _NAME.match(text, text.index(words[size], match.start() + len(" ".join(words[:size]))))
            if rest is None or not looks_like_person(rest.group("name")):
                continue
            named = regex.compile(rf"(?<!\w){regex.escape(rest.group('name'))}(?!\w)")
            if named.search(text, 0, match.start()) or named.search(text, rest.end()):
                return rest
    return match


def _recipient_lists(text: str) -> list[tuple[int, int]]:
    """Spans of the "Nơi nhận" lists: the label's line and the bulleted lines right after it.

    A line ending in ";" or "," goes on with the list on the next line even without a bullet: a scan
    wraps "Nơi nhận: ...; Các Bộ: CT, XD;" / "UBND các tỉnh, TP: ...; VPCP: BTCN, PCN Nguyễn Sỹ Hiệp;".
    """
    spans = []
    for label in _RECIPIENTS_LABEL.finditer(text):
        end = _line_end(text, label.end())
        while end < len(text) and (
            _RECIPIENT_ITEM_LINE.match(text, end + 1)
            or (text[:end].rstrip(" \t").endswith((";", ",")) and text[end + 1 : end + 2].strip())
        ):
            end = _line_end(text, end + 1)
        spans.append((label.start(), end))
    return spans


def _recipient_title(
    just_before: str, start: int, recipients: list[tuple[int, int]]
) -> tuple[str, int] | None:
    """The abbreviated title heading a "Nơi nhận" item before the name: "TT Nguyễn Thị Hà" -> Thứ trưởng."""
    if not any(list_start <= start < list_end for list_start, list_end in recipients):
        return None
    abbreviation = _RECIPIENT_TITLE_BEFORE.search(just_before)
    if abbreviation is None:
        return None
    return _RECIPIENT_TITLES[" ".join(abbreviation["title"].split())], abbreviation.start("title")


def _read_person(
    text: str,
    match: regex.Match[str],
    sections: list,
    signature_start: int,
    places: tuple[str, ...] = (),
    recipients: list[tuple[int, int]] | None = None,
) -> Person | None:
    start, end = match.span("name")
    name = match.group("name")
    # A province's name alone ("Hà Nội", a table cell; "Đại học Quốc gia Hà Nội") is no person's.
    # ... nor a country's ("Chủ tịch Hạ viện Hà Lan. Ảnh: …", news), nor one before a foreign name ("Chủ tịch Hạ viện Hà
    # Lan Khadija Arib": the foreign reader's)
    if (
        name in _NOT_PEOPLE
        or name.startswith(_NOT_PEOPLE_STARTS)
        or name in _PROVINCES
        or name in FOREIGN_COUNTRIES
    ):
        return None
    if (country := COUNTRY_OPENING.match(name)) is not None and looks_foreign(name[country.end() :]):
        return None
    if name.startswith("Đoàn ") and name.removeprefix("Đoàn ") in _PROVINCES:
        return (
            None  # "đại biểu Phạm Trí Thức (Đoàn Thanh Hóa- …)" (news, heldout155): a province's delegation
        )
    if text.startswith(_BODIES_LIKE_NAMES, start):
        return None
    if names_a_school(text[max(0, start - 40) : start]):
        return None  # "Phó Hiệu trưởng Trường Tiểu học Lý Tự Trọng": the school's namesake (heldout40)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = _line_end(text, end)
    before = text[line_start:start]
    if _COMPANY_NAMED_BEFORE.search(before[-_COMPANY_WINDOW:]):
        return None  # "Giám đốc Công ty CP du lịch Phương Đông Việt, …" (news): the company's name
    if _COMPANY_HEAD_RIGHT_BEFORE.search(before[-_COMPANY_WINDOW:]):
        return None  # "Công ty Thái Bình Dương, chủ đầu tư, có văn bản …" (news, heldout150): the company's whole name
    if _LAW_FIRM_BEFORE.search(before[-_COMPANY_WINDOW:]):
        return None  # "Luật sư Giang Hồng Thanh (Văn phòng luật sư Giang Thanh)" (news, heldout146): the firm's name
    if _COMPANY_CAPITALISED_BEFORE.search(before[-_COMPANY_WINDOW:]) and _ends_with_province(name):
        return None  # "Kế toán Công ty Tây Trường Sơn Quảng Nam" (news, heldout121): the company's name and province
    just_before = _window_before(before)
    office = _title_before(just_before) or _recipient_title(just_before, start, recipients or [])
    # "PCT UBND tỉnh Phùng Thành Vinh" (a "Nơi nhận" item, its office abbreviated): after the office and
    # its unit's level comes the officer's name, unless it is a place the text names again. Written out,
    # "Giám đốc Sở Y tế tỉnh Hà Giang" names the province.
    officer_after_level = (
        office is not None
        and (
            just_before[office[1] :].startswith(
                tuple(f"{abbreviation} " for abbreviation in _TITLE_ABBREVIATIONS)
            )
            # "Phó Chủ tịch Thường trực UBND thành phố Nguyễn Văn Sửu" (news): a province or city has no such name
            or (_PROVINCE_LEVEL_BEFORE.search(just_before) is not None and looks_like_person(name))
            # "Phó Chủ tịch UBND tỉnh Trần Châu" (news, heldout97): after "tỉnh" a name no province has, of two
            # syllables opening with a family name, is the officer's (the press leaves the province out)
            or (_PROVINCE_WORD_BEFORE.search(just_before) is not None and _two_syllable_officer(name))
            # "Phó Chủ tịch huyện Hồ Thị Kim Cúc kể" (news, heldout156): after a district's or a commune's level a name
            # with the middle name "Thị" or "Văn", which no place has, is the officer's
            or (_LOCAL_LEVEL_BEFORE.search(just_before) is not None and _middle_named(name))
        )
        and not match.group("name").startswith(places)
    )
    line_ends_with_name = not text[end:line_end].strip(" \t*.")
    flattened = _FLATTENED_SIGNATURE.match(before) if line_ends_with_name else None
    # Without "KT."/"TM." the capacity must end with a title: "GIÁM ĐỐC Cù Ngọc Trang", "BỘ TRƯỞNG Nguyễn Văn Hùng".
    if flattened is not None and not flattened["opener"] and capacity_title(flattened["capacity"]) is None:
        flattened = None
    # "PHÓ TRƯỞNG THUẾ TỈNH Nguyễn Tấn Lợi": a signer's capacity may end with a place word.
    if _PLACE_BEFORE.search(just_before) and not officer_after_level and flattened is None:
        return None
    # "đồng chí Tổng Bí thư Tô Lâm": the honorific may stand before the title.
    honorific = _honorific(just_before[: office[1]] if office else just_before)
    honorific = honorific or _honorific(just_before)
    if honorific is None and flattened is None and _place_named_again(text, start, name, places):
        return (
            None  # "Chủ tịch UBND các quận, huyện: Hà Đông, Nam Từ Liêm, …" (news, heldout33): the districts
        )
    if flattened is not None:
        # The capacity is the signer's title, also where the name is anywhere in the text (a
        # Quyết định signed above the plan it issues).
        title = capacity_title(flattened["capacity"])
        in_signature = True
    else:
        # The office before the name is the title; a title after a dash may be a role in a committee
        # ("Phó Thủ tướng Chính phủ Trần Hồng Hà - Phó Trưởng Ban Thường trực").
        title = office[0] if office else _title_after(text, end)
        if title is None and honorific is not None:
            title = _office_before_honorific(just_before[: honorific.start()])
        if office and office[0] in _PROFESSIONS:
            # "thầy giáo Lê Xuân Sơn, Phó Hiệu trưởng Trường THPT ...": the post after the name says more
            title = _title_after(text, end) or title
        alone_on_line = not before.strip(" \t*#") and line_ends_with_name
        in_signature = start >= signature_start and alone_on_line
        if in_signature and title is None:
            title = capacity_title(_line_above(text, line_start)) or _signature_capacity(text, line_start)
    if (
        honorific is None
        and title is None
        and not in_signature
        and not (_AGE_AFTER.match(text, end) and not _NICKNAME_BEFORE.search(just_before))
        and not _PERSON_NOUN_BEFORE.search(just_before)
        and not (len(name.split()) >= _CASE_NAME_SYLLABLES and _CASE_NOUN_BEFORE.search(just_before))
        and not _RANK_BEFORE.search(
            just_before
        )  # "trung tướng Đỗ Kim Tuyến có thông tin …" (news, heldout101)
    ):
        return None
    if honorific is not None and _PLURAL_HONORIFIC.search(just_before, 0, honorific.end()):
        honorific = None  # "như từng xảy ra với các ông Nguyễn Thanh Chấn, Huỳnh Văn Nén" (news, heldout146): a plural
    role: PersonRole = "signer" if in_signature else "mentioned"
    replaced = _REPLACED_BEFORE.search(just_before[: honorific.start()] if honorific else just_before)
    if role == "mentioned" and not replaced and _is_assigned(text, line_start, before, sections):
        role = "assignee"
    return Person(
        name=name,
        honorific=_SURNAMES["honorifics"][honorific.group("honorific")] if honorific else None,
        title=title,
        role=role,
        start=start,
        end=end,
    )


def _office_before_honorific(before: str) -> str | None:
    """The office in apposition before "ông/bà": "do chủ tịch UBND tỉnh Thái Bình, ông Nguyễn Hồng Diên ký" (news).

    Not where a capitalised word and a comma stand right before the office: there it is the post of the person or
    place named before it ("ông A, Giám đốc Sở X, ông B ...").
    """
    comma = _COMMA_AT_END.search(before)
    if comma is None:
        return None
    office = _title_before(before[: comma.start()])
    if office is None or _NAMED_BEFORE_OFFICE.search(before, 0, office[1]):
        return None
    if _OWNER_BEFORE_OFFICE.search(before, 0, office[1]):
        return None  # "Theo Quyết định của Bộ trưởng Bộ Tài chính, bà Phan Thị Thu Hiền …" (news, heldout125): his act's
    return office[0]


# ... and an acting one ("Quyền Giám đốc Trung tâm Khuyến nông Quốc gia Trần Văn Khởi", news, heldout152), "quyền" in
# lower case only where no word comes before it ("thẩm quyền Chủ tịch UBND tỉnh" is an authority, not an office)
_FORMER_BEFORE_TITLE = regex.compile(
    r"(?<!\w)(?P<former>[Nn]guyên|[Cc]ựu|Quyền|(?<!\w[ \t]{1,3})quyền)[ \t]+$", regex.VERSION1
)
_OWNER_BEFORE_OFFICE = regex.compile(r"(?<!\w)của[ \t]+$")


_OF_PARENT = regex.compile(r"[ \t]+của[ \t]+")
_COMMA_AT_END = regex.compile(r"[ \t]*,[ \t]*$")
_NAMED_BEFORE_OFFICE = regex.compile(r"\p{Lu}\p{Ll}*[ \t]*[,–-][ \t]*$")


def _honorific(before: str) -> regex.Match[str] | None:
    """The honorific right before a name or title, unless a weak one is part of a name ("Tiếng Anh")."""
    # "Đồng chí Thượng tướng Trịnh Văn Quyết": a military rank may stand between honorific and name.
    before = _RANK_AT_END.sub("", before)
    found = _HONORIFIC_BEFORE.search(before)
    if found is None or found["honorific"] not in _WEAK_HONORIFICS:
        return found
    if found["honorific"].islower():
        # "Theo anh Lê Nam": a capitalised word before a lower-case "anh" makes it no part of a name
        return None if _NOT_BEFORE_WEAK_HONORIFIC_LOWER.search(before, 0, found.start()) else found
    return None if _NOT_BEFORE_WEAK_HONORIFIC.search(before, 0, found.start()) else found


def capacity_title(capacity: str) -> str | None:
    """The signer's own title in a capacity in capitals: the last one ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH" -> Phó Chủ tịch).

    "T/M BAN BÍ THƯ" signs for a body whose name ends like a title: no title of the signer's.
    """
    capacity = " ".join(capacity.replace(",", " ").split())
    if not capacity or capacity != capacity.upper() or capacity.endswith(_SIGNATURE_BODIES):
        return None
    last = None
    for found in _CAPACITY_TITLE.finditer(capacity, overlapped=True):
        if last is None or (found.end(), len(found[0])) > (last.end(), len(last[0])):
            last = found
    return _CAPACITY_TITLES[last[0]] if last is not None else None


def _line_above(text: str, line_start: int) -> str:
    """The nearest non-empty line above ``line_start`` that is no "(Đã ký)" or "(Ký, ghi rõ họ tên)"."""
    position = line_start
    while position > 0:
        previous_start = text.rfind("\n", 0, position - 1) + 1
        line = text[previous_start : position - 1].strip(" \t*#")
        position = previous_start
        if line and not (line.startswith("(") and line.endswith(")")):
            return line
    return ""


def _window_before(before: str) -> str:
    """The last ``_BEFORE_NAME_WINDOW`` characters of ``before``, starting at a word."""
    if len(before) <= _BEFORE_NAME_WINDOW:
        return before
    cut = len(before) - _BEFORE_NAME_WINDOW
    word_start = before.find(" ", cut)
    return before[word_start + 1 :] if word_start >= 0 else before[cut:]


def _title_after(text: str, end: int) -> str | None:
    """The office written after a name, "nguyên"/"cựu" (former) kept: "Ông Đào Anh Kiệt, nguyên Giám đốc Sở ...".

    A birth year may come first, in brackets with the office: "Phạm Hữu Sách (SN 1965, cựu trưởng phòng TN-MT huyện
    Mỹ Đức)" (news, heldout58).
    """
    match = _TITLE_AFTER.match(text, end)
    if match is None:
        return None
    office = _concurrent_offices(text, match) or _office_after(text, match)
    return f"{match['former'].strip()} {office}" if office and match["former"] else office


# A second office held at once, after "kiêm": "Bà Lê Kim Thu, Chủ tịch HĐQT kiêm Tổng giám đốc đăng ký mua …" (news,
# heldout147), "Ông Võ Công Hàm, Bí thư Huyện ủy kiêm Chủ tịch UBND huyện Đức Thọ" (59 in 100k lines of news): both
# offices are the title, each read with its unit (the golds' "Phó Chủ tịch kiêm Tổng thư ký Hội …").
_CONCURRENT = regex.compile(rf"[ \t]+kiêm[ \t]+(?P<title>{_TITLE})(?![\w])")
_CONCURRENT_WINDOW = 80
_BEFORE_CONCURRENT = regex.compile(r"[^,.;:()\n]*?(?=[ \t]+kiêm[ \t])")


def _concurrent_offices(text: str, match: regex.Match[str]) -> str | None:
    window_end = min(_line_end(text, match.end()), match.end() + _CONCURRENT_WINDOW)
    first_end = _BEFORE_CONCURRENT.match(text, match.end(), window_end)
    if first_end is None:
        return None
    second = _CONCURRENT.match(text, first_end.end())
    if second is None:
        return None
    first = _office_after(text[: first_end.end()], match)
    written = " ".join([_canonical_title(match["title"]), *text[match.end() : first_end.end()].split()])
    if first is not None and len(first.split()) < len(written.split()):
        first = (
            written  # "Chủ tịch Hội đồng quản trị kiêm …": a unit the reader cuts short is kept as written
        )
    office = _office_after(text, second)
    return f"{first} kiêm {office}" if first and office else None


def _office_after(text: str, match: regex.Match[str]) -> str | None:
    title = _canonical_title(match.group("title"))
    rest = expand_abbreviations(text[match.end() : _line_end(text, match.end())])
    unit = organization_at(rest, 0)
    with_unit = unit is not None and unit.start <= 1
    company = None if with_unit else _COMPANY_AFTER.match(text, match.end())
    if not with_unit and company is None and (lowered := _LOWER_UNIT_START.match(rest)) is not None:
        # "ông Hoàng Đình Khiếu, Phó Giám đốc bệnh viện Đa khoa Hòa Bình cho biết" (news): the press lowers the
        # head of a unit named after it; read with its head capitalised when a proper name follows the head
        capitalised = rest[: lowered.start(1)] + lowered[1].upper() + rest[lowered.end(1) :]
        named = organization_at(capitalised, 0)
        if (
            named is not None
            and named.start <= 1
            and any(ch.isupper() for ch in named.name[1:])
            and " và " not in named.name  # "tập đoàn Incentra và Đại sứ Nguyễn Thanh Sơn": the next person
        ):
            rest, unit, with_unit = capitalised, named, True
    written_title = title
    head = _TITLE_ENDING_IN_HEAD.search(title)
    if not with_unit and head is not None:
        # "Trưởng phòng Nội vụ", "Phó Ban Pháp chế HĐND tỉnh": the title's last word heads the body
        headed = organization_at(head.group(0).capitalize() + rest, 0)
        if headed is not None and headed.end > len(head.group(0)) + 1:
            title, rest = title[: head.start()].rstrip(), head.group(0).capitalize() + rest
            unit, with_unit = headed, True
        elif company is None and (named_run := _HEADED_RUN_TO_COMMA.match(rest)) is not None:
            # "Ông Điều Bá Được, Trưởng ban Thực hiện chính sách BHXH Việt Nam, xác nhận …" (news, heldout114): the
            # board's name, in mixed case, up to the comma, as written
            return f"{title} {' '.join(named_run['run'].split())}"
    after_title = rest[unit.end :] if with_unit else rest
    # "Thủ tướng Phạm Minh Chính, Chủ tịch Quốc hội Trần Thanh Mẫn": a title followed by a name is
    # that next person's title, also when the unit read runs on into the name ("Phó Chủ tịch UBND
    # thành phố Hà Nội Ngô Thị Thanh Hằng").
    if not with_unit and _SETTLEMENT_TITLE.search(title) and (place := _PLACE_NAME.match(rest.lstrip())):
        # "ông Trần Đình Chiến, Trưởng thôn Giáp Trung, xã Hương Toàn" (news): a village's name, not a person's
        return _with_locality_after_comma(f"{title} {place.group(0)}", rest.lstrip()[place.end() :])
    if _NAME.match(after_title.lstrip()) or (with_unit and _ends_with_officer(unit.name)):
        return None
    # "Chuyên viên Phòng Giáo dục Thường xuyên - Nghề nghiệp và Đại học": where the unit's name goes on
    # past what was read, a cut unit would misname the office; the title stands alone (heldout3 gold).
    if with_unit and (dash := _DASH_BEFORE_PARENT.match(after_title)) is not None:
        # "Ông Phạm Văn Khánh, Vụ trưởng Vụ Kinh tế xây dựng - Bộ Xây dựng đã chia sẻ" (news, heldout142): the unit's
        # parent after a dash is part of the office, as after a comma; a unit that ends at a dash is whole ("Giám đốc
        # Trung tâm Kiểm định chất lượng giáo dục – Hiệp hội các trường ĐH, CĐ Việt Nam –")
        parent = organization_at(after_title, dash.end())
        named = unit.name
        if head is not None and named.startswith(head.group(0).capitalize()):
            named = f"{head.group(0)}{named[len(head.group(0)) :]}"  # the head as written
        for first, second in _DASHED_PROVINCE_PARTS:
            if named.endswith(f" {first}") and regex.match(
                rf"{regex.escape(second)}(?!\w)", after_title[dash.end() :]
            ):
                # "Sở Thông tin - Truyền thông Thừa Thiên - Huế" (heldout97): the dash is the province's own
                return f"{title} {named} - {second}"
        if parent is not None and parent.start == dash.end() and not _NAME.match(after_title, parent.end):
            return f"{title} {named} - {parent.name}"
        return f"{title} {named}"
    if (
        with_unit
        and _UNIT_GOES_ON.match(after_title)
        and not _TITLE_AFTER.match(after_title)
        # "Chi cục trưởng Chi cục Kiểm lâm tỉnh Vĩnh Phúc Theo ông …" (a photo caption run into the text): a unit
        # that ends in its locality's name is whole
        and not _ENDS_IN_LOCALITY.search(unit.name)
    ):
        return written_title  # "Trưởng phòng", not "Trưởng" split from the unit's head
    if not with_unit and title in _PLACE_HEAD_TITLES | _LOCAL_POLICE_TITLES | _INSPECTOR_TITLES:
        locality = _LOCALITY.match(rest, len(rest) - len(rest.lstrip()))
        if locality is not None:
            # "ông Vũ Đình Kỳ - Trưởng Công an huyện Quế Võ" (heldout80)
            return _with_locality_after_comma(f"{title} {locality.group(0)}", rest[locality.end() :])
        if (level := _BARE_LEVEL.match(rest)) is not None:
            # "ông Phạm Công Bình, Phó Chánh thanh tra tỉnh làm trưởng đoàn" (news, heldout111), "Chủ tịch xã": the
            # level alone, the place being the one the text is about
            return f"{title} {level['level']}"
    if not with_unit and company is None and (acronym := _ACRONYM_UNIT.match(rest)) is not None:
        # "ông Phạm Đức Long, Tổng giám đốc VNPT cho hay", "Chủ tịch HĐTV", "Viện trưởng VEPR" (news): a body by an
        # acronym the lexicon does not spell out, kept as written (with a locality after it: "Chủ tịch LĐLĐ TP HCM")
        office = f"{title} {' '.join(acronym['unit'].split())}"
        return _with_parent_after_comma(office, rest[acronym.end() :])
    if not with_unit:
        # "ông Nguyễn Trí Dũng – Tổng giám đốc Công ty cổ phần xe khách Phương Trang (FUTA Bus Lines)", "Chủ tịch
        # Hiệp hội BĐS TP.HCM, cho biết" (news, heldout52/58): a company's or association's name holds its trade in
        # lower case, which the reader of units stops at; up to the punctuation or the speaker's verb after it
        if company:
            office = f"{title} {' '.join(company['unit'].split())}"
            return _with_place_based_in(office, text[company.end() :])
        # "bà Nguyễn Thu An, Giám đốc Truyền thông Grab Việt Nam, nói" (news, heldout132): an office's field and its
        # company in capitals, up to the punctuation or the verb after it, as written
        field = _CAPITALISED_RUN.match(rest) or _HEAD_WITH_LOWER_FIELD.match(rest)
        if field is None:
            return title
        # "ông Võ Đức Tây, Phó trưởng phòng Tham mưu, Cục Quản lý Xuất nhập cảnh (Bộ Công an), cho biết": its body after
        office = f"{title} {' '.join(field['run'].split())}"
        if (based := _with_place_based_in(office, rest[field.end() :])) != office:
            return based
        return _with_parent_after_comma(office, rest[field.end() :])
    name = unit.name
    if head is not None and name.startswith(head.group(0).capitalize()):
        name = f"{head.group(0)}{name[len(head.group(0)) :]}"  # the head as written
    # "Giám đốc Trung tâm Hỗ trợ doanh nghiệp, Sở Kế hoạch và Đầu tư thành phố Cần Thơ cho biết": the body
    # the unit belongs to, after a comma, is part of the office (not when a name or a verb of its own follows)
    with_parent = _with_parent_after_comma(name, after_title)
    name = _with_locality_after_comma(name, after_title) if with_parent == name else with_parent
    of = _PARENT_AFTER_OF.match(after_title)
    if (
        of is not None
        and (parent := organization_at(after_title, of.end())) is not None
        and parent.start == of.end()
    ):
        name = f"{name} thuộc {parent.name}"
    return f"{title} {name}"


# (a lower-case syllable after each, "Truyền thông"), up to the punctuation or a speaker's verb; not a company's name
# the reader of companies could not end ("HTX Sản xuất, kinh doanh rượu ...", "Hội Quy hoạch và Phát triển đô thị ...")
_STOPS = _alternation(_TITLES["company_name_stops"])
_LOWER_SYLLABLE = rf"(?!(?:{_STOPS})(?!\w))\p{{Ll}}+(?!\w)"
_CAPITALISED_RUN = regex.compile(
    rf"""[ \t]+(?!(?:{_alternation(_TITLES["company_heads"])})(?!\w))
        (?P<run>\p{{Lu}}[\w&.-]*(?:[ \t]+{_LOWER_SYLLABLE})?(?:[ \t]+\p{{Lu}}[\w&.-]*(?:[ \t]+{_LOWER_SYLLABLE})?){{0,4}})
        (?=[ \t]*(?:,(?=[ \t]*(?:\p{{Lu}}|(?:{_STOPS}|thuộc|trực[ \t]+thuộc)(?!\w)|$))|[;:()]|\.(?!\w)|$)
          |[ \t]+(?!(?:và|&)(?!\w))(?:{_STOPS})(?!\w))""",
    regex.VERBOSE,
)
# A unit's head with its field all in lower case, up to a bracket or comma: "ông Trần Chí Trung, Giám đốc Trung tâm
# quản lý và điều hành vận tải hành khách công cộng (Sở GTVT TP.HCM), cho biết" (news, heldout136).
_HEADED_RUN_TO_COMMA = regex.compile(
    rf"[ \t]+(?P<run>\p{{Lu}}[\w&-]*(?:[ \t]+(?!(?:{_STOPS})(?!\w))[\w&-]+){{1,9}}(?<=[ \t]\p{{Lu}}[\w&-]*))(?=[ \t]*,)"
)
_HEAD_WITH_LOWER_FIELD = regex.compile(
    rf"[ \t]+(?P<run>(?:{_alternation(_TITLES['lower_field_heads'])})(?:[ \t]+(?:{_LOWER_SYLLABLE}|và)){{2,14}})"
    r"(?=[ \t]*[(,])"
)
# (an overseas Vietnamese body's "tại <country>" is part of its name: "ông Cao Văn San - Chủ tịch Tổng hội người Việt
# Nam tại Thái Lan cũng có văn bản …", news, heldout147)
_COMPANY_AFTER = regex.compile(
    rf"""[ \t]+(?P<unit>(?:{_alternation(_TITLES["company_heads"])})(?!\w)
        (?:[ \t]+(?!(?<!Việt[ \t]+Nam[ \t]+)(?:{_alternation(_TITLES["company_name_stops"])})(?!\w))[^\s,;:()“”".]+(?:\.[^\s,;:()“”".]+)*){{0,10}}?
        [ \t]+(?!(?:TP|Tp|Q|P)\.?[ \t])(?:\p{{Lu}}[\w&-]*(?:\.[\w&-]+)*|\d+))
        (?=[ \t]*(?:[,;:()“”"]|\.(?!\w)|$)
          |[ \t]+(?!(?<=Việt[ \t]+Nam[ \t]+)tại[ \t]+\p{{Lu}})(?:{_alternation(_TITLES["company_name_stops"])})(?!\w))""",
    regex.VERBOSE,
)


# A company's or a foreign body's country or city after "tại": "ông Ashok Sud, Tổng giám đốc Standard Chartered tại Việt
# Nam khi đó, khuyến cáo …" (news, heldout154; the golds' "Chủ tịch Hiệp hội doanh nghiệp Nhật Bản tại Việt Nam").
_BASED_IN = regex.compile(
    rf"[ \t]+tại[ \t]+(?P<place>Việt[ \t]+Nam|{_alternation(sorted(FOREIGN_COUNTRIES))})"
    rf"(?=[ \t]*(?:[,;:()]|\.(?!\w)|$)|[ \t]+(?:khi[ \t]+đó|{_STOPS})(?!\w))"
)


def _with_place_based_in(office: str, after: str) -> str:
    based = _BASED_IN.match(after)
    return f"{office} tại {' '.join(based['place'].split())}" if based else office


def _with_parent_after_comma(office: str, after: str) -> str:
    """``office`` with the body it belongs to when one follows after a comma ("…, Sở Kế hoạch và Đầu tư thành phố Cần
    Thơ cho biết"; "Trưởng phòng PC45, Công an tỉnh Hưng Yên cho biết"), not when a name or another body follows it."""
    parent_start = _PARENT_AFTER_COMMA.match(after)
    if parent_start is None or _TITLE_ANYWHERE.match(after, parent_start.end()):
        return office
    parent = organization_at(after, parent_start.end())
    if parent is None or parent.start != parent_start.end():
        return office
    tail = after[parent.end :]
    if _NAME.match(tail.lstrip(" ,")) or _is_list_of_bodies(tail):
        return office
    return f"{office}, {parent.name}"


def _with_locality_after_comma(office: str, after: str) -> str:
    """``office`` with the larger locality its own lies in, written after a comma: "Phó Chủ tịch UBND huyện Đắk Song,
    tỉnh Đắk Nông cho biết", "… xã Dương Hòa, huyện Kiên Lương (Kiên Giang)" (news); only where the office ends in a
    locality and the clause goes on or ends after the larger one."""
    if not _ENDS_IN_LOCALITY.search(office):
        return office
    position = 0
    for _ in range(2):  # "xã Dương Hòa, huyện Kiên Lương, tỉnh Kiên Giang"
        if (place := _LOCALITY_AFTER_COMMA.match(after, position)) is None:
            break
        office, position = f"{office}, {place['place']}", place.end()
    bracket = _PROVINCE_IN_BRACKETS.match(after, position) if position else None
    return f"{office} ({bracket['province']})" if bracket else office


def _is_list_of_bodies(tail: str) -> bool:
    """Whether more bodies follow ("..., Sở Nội vụ, Sở Tài chính"/"và Sở ..."): a list, no parent body."""
    joint = regex.match(r"[ \t]*(?:,|và)[ \t]*", tail)
    return joint is not None and organization_at(tail, joint.end()) is not None


def _canonical_title(written: str) -> str:
    """A title as data/titles.yaml spells it: "Uỷ viên" -> "Ủy viên", "PCT" -> "Phó Chủ tịch"."""
    written = " ".join(written.split())
    return _TITLE_ABBREVIATIONS.get(written) or _CANONICAL_TITLES.get(_fold(written), written)


def _ends_with_officer(unit: str) -> bool:
    """A unit read on past its province into a person's name: "... thành phố Hà Nội Ngô Thị Thanh Hằng"."""
    words = unit.split()
    for size in (1, 2, 3):
        for start in range(len(words) - size - 1):
            if " ".join(words[start : start + size]) in _PROVINCES:
                name = " ".join(words[start + size :])
                found = _NAME.fullmatch(name)
                if found is not None:
                    return True
    return False


def _title_before(before: str) -> tuple[str, int] | None:
    """The title that ends right before the name, alone or followed by exactly one organisation.

    Returned with the offset in ``before`` where the title starts.
    """
    for match in _TITLE_ANYWHERE.finditer(before):
        found = _title_from(before, match)
        if found is not None:
            former = _FORMER_BEFORE_TITLE.search(before, 0, match.start())
            # "nguyên Tổng Bí thư Lê Khả Phiêu", "cựu Chủ tịch xã …": a former office is kept so (heldout58, 111)
            return (f"{former['former']} {found}" if former else found), match.start()
    return None


def _title_from(before: str, match: regex.Match[str]) -> str | None:
    """The office a title found in ``before`` names, when nothing but its unit stands between it and the name."""
    title = _canonical_title(match.group("title"))  # "PCT UBND tỉnh" → "Phó Chủ tịch Ủy ban nhân dân tỉnh"
    # "PCT UBND tỉnh-Đỗ Tâm Hiển", "Chủ tịch UBND xã Chơ Long - Đinh Văn Phiêu": a dash may part them.
    # "Luật sư:Bùi Tường Vũ": a byline's label glued to the name
    rest = expand_abbreviations(" ".join(before[match.end() :].split())).rstrip(" -–").removesuffix(":")
    if not rest:
        return title
    if title in _PROFESSIONS_WITH_FIELD and _PROFESSION_FIELD.fullmatch(rest):
        if title == "Công chức" and _SUCCESS_BEFORE.search(before, 0, match.start()):
            return None  # "bảo vệ thành công chức vô địch La Liga" (news): "thành công" (success), no civil servant
        return f"{title} {rest}"  # "chuyên gia giao thông Đặng Chí Nga" (news, heldout95)
    bracket = _BRACKETED_PARENT.search(rest)
    office = _office_named(title, rest[: bracket.start()] if bracket else rest)
    if office is not None and bracket is not None:
        office = _with_bracket(office, bracket["parent"])
    return office


_SUCCESS_BEFORE = regex.compile(r"(?<!\w)thành[ \t]+$", regex.IGNORECASE)
# A profession's field or standing in lower case between it and the name: "chuyên gia tâm lý", "kỹ sư trẻ", "nhà báo lão
# thành" (news); not a clause ("luật sư bào chữa cho ...", "nhà báo của ông ...").
_PROFESSIONS_WITH_FIELD = frozenset(_TITLES["professions_with_field"])
_PROFESSION_FIELD = regex.compile(
    rf"(?!(?:{_alternation(_TITLES['not_profession_fields'])})(?!\w))\p{{Ll}}+"
    rf"(?:[ \t]+(?!(?:{_alternation(_TITLES['not_profession_fields'])})(?!\w))\p{{Ll}}+)?"
)


def _office_named(title: str, rest: str) -> str | None:
    """The title with the unit, locality or field written after it, when ``rest`` is exactly one of them."""
    unit = organization_at(rest, 0)
    if unit is None and rest[:1].islower():
        # "Giám đốc sở KH-ĐT tỉnh Lạng Sơn, ông Dương Công Vĩ", "Tổng giám đốc công ty Trung Việt Cù Ngọc Ổn" (news,
        # heldout134): the press lowers the head of a unit it names; read with the head capitalised where a proper
        # name follows it, kept as written
        named = organization_at(rest[:1].upper() + rest[1:], 0)
        if (
            named is not None
            and named.end == len(rest)
            and any(ch.isupper() for ch in named.name[1:])
            # "Hiệu trưởng trường ĐH Y Khoa Phạm Ngọc Thạch" (news, heldout93): a school's or hospital's name
            and named.kind not in _NAMED_FACILITY_KINDS
        ):
            return f"{title} {rest[:1]}{named.name[1:]}"
    if unit is not None and unit.start == 0 and unit.end == len(rest):
        if unit.kind in _NAMED_FACILITY_KINDS and not any(
            word[:1].isupper() for word in unit.name.split()[1:]
        ):
            return None  # "Giám đốc Bệnh viện Bạch Mai cho biết": the name after a bare facility's head is its own
        return f"{title} {unit.name}"
    if (
        unit is not None
        and unit.start == 0
        and (of := _OF_PARENT.match(rest, unit.end))
        and (parent := organization_at(rest, of.end()))
        and parent.start == of.end()
        and parent.end == len(rest)
    ):
        return f"{title} {unit.name} của {parent.name}"  # "Chủ nhiệm Ủy ban Kinh tế của Quốc hội Vũ Hồng Thanh" (news)
    if rest in FOREIGN_COUNTRIES and title.casefold() in FOREIGN_LEAD_TITLES:
        return (
            f"{title} {rest}"  # "Chủ tịch Trung Quốc Tập Cận Bình": a foreign leader by a Vietnamese reading
        )
    if _ACRONYM_UNIT.fullmatch(f" {rest}") and rest.split()[-1] not in _INSTITUTION_KIND_ACRONYMS:
        return f"{title} {rest}"  # "Tổng giám đốc VNR Vũ Tá Tùng cho biết" (news): a body by its acronym
    if title in _PLACE_HEAD_TITLES | _LOCAL_POLICE_TITLES and _LOCALITY.fullmatch(rest):
        return f"{title} {rest}"  # "Chủ tịch tỉnh Gia Lai Võ Ngọc Thành" (news, heldout60)
    if title in _PLACE_HEAD_TITLES | _LOCAL_POLICE_TITLES | _INSPECTOR_TITLES and _LEVEL_ALONE.fullmatch(
        rest
    ):
        return f"{title} {rest}"  # "Phó Chủ tịch huyện Hồ Thị Kim Cúc kể" (news, heldout156): the level alone
    if title in _PLACE_HEAD_TITLES | _INSPECTOR_TITLES and _PROVINCE_ALONE.fullmatch(rest):
        # "Chủ tịch Hà Nội Nguyễn Đức Chung", "Chánh Thanh tra TP Hà Nội Nguyễn Văn Tấn Dũng" (news, heldout76): the
        # province or city by its name alone, the press's short form of its committee or inspectorate
        return f"{title} {rest}"
    if (
        title in _MINISTER_TITLES
        and (ministry := organization_at(f"Bộ {rest}", 0))
        and ministry.end == len(rest) + 3
    ):
        return f"{title} {rest}"  # "Bộ trưởng GTVT Trương Quang Nghĩa" (news, heldout62): the ministry by its field
    if (
        (merged := _MERGED_UNIT_HEAD.search(title))
        and not _JOINED_LOWER.search(rest)  # "Trưởng ban Dân vận Trung ương và bà ...": the next person
        and _unit_with_parent(f"{merged['head'].title()} {rest}")
    ):
        # "Trưởng ban Kinh tế - Ngân sách HĐND TP Hà Nội Phạm Thị Thanh Mai" (news, heldout40): the title holds
        # its unit's head ("ban"), the unit's field and its parent body follow
        return f"{title} {rest}"
    return None


def _with_bracket(office: str, inside: str) -> str | None:
    """The office with what its unit has in brackets after it, as the news writes it, or None if that is no unit.

    "Cục trưởng Cục Quản lý khám chữa bệnh (Bộ Y tế)": the parent body, kept; "Trưởng phòng Kế hoạch - Tài chính (Sở
    GD-ĐT Hà Nội)", "Hiệu trưởng Trường THPT Phan Huy Chú (quận Đống Đa)": kept as written; "(VH-TT&DL)", an acronym,
    and "UBND xã Thạch Ngọc (Thạch Hà)", a district named alone: left out.
    """
    inside = inside.strip()
    if " " not in inside or set(_WORD.findall(inside.casefold())) <= set(_WORD.findall(office.casefold())):
        return office  # an acronym, maybe written out by the abbreviations ("(VH-TT&DL)")
    inner = organization_at(inside, 0)
    if inner is not None and inner.start == 0 and inner.end == len(inside):
        return f"{office} ({inner.name})"
    if _LOCALITY.fullmatch(inside):
        return f"{office} ({inside})"
    return office if _PLACE_NAME.fullmatch(inside) else None


_BRACKETED_PARENT = regex.compile(r"[ \t]*\((?P<parent>[^()]{2,60})\)$")
_MINISTER_TITLES = frozenset({"Bộ trưởng", "Thứ trưởng"})
_WORD = regex.compile(r"\w+")
_PLACE_NAME = regex.compile(r"\p{Lu}\p{Ll}*(?:[ \t]+(?:[-–][ \t]+)?\p{Lu}\p{Ll}*){0,3}")
_PLACE_HEAD_TITLES = frozenset(_TITLES["place_head_titles"])
_LOCAL_LEVELS = "|".join(regex.escape(level).replace(r"\ ", r"[ \t]+") for level in ADMIN_LEVELS)
# ... or a district or ward by its number ("Bí thư Quận 2 Nguyễn Hoài Nam", news, heldout119)
_LOCALITY = regex.compile(
    rf"(?:{_LOCAL_LEVELS})[ \t]+{_PLACE_NAME.pattern}|(?:[Qq]uận|[Pp]hường)[ \t]+\d{{1,2}}"
)
# A company's head and its legal form or trade in lower case right before a name: the name is the company's.
# Its legal form's initials may come first ("CP", "TNHH"); the trade is one to four words, none of them a word of the
# sentence ("Công ty thay ông Đỗ Quang Lâm", "Công ty này do Đinh Quốc Tuấn đứng tên").
_LEGAL_FORMS = r"(?:CP|TNHH|MTV|TM|DV|XNK|CTCP|XD)"
_NOT_TRADE = (
    r"(?:do|này|đó|thay|để|gặp|của|và|với|là|cho|đã|được|bị|ông|bà|cô|anh|chị|em|cháu|con|mẹ|trên|tại|ở|có|không"
    r"|từ|đến|theo|vì|khi|như|mà|thì|sẽ|đang|cũng|mới|nhưng|hay|hoặc|thuộc|trong|ngoài|sau|trước|về)"
)
_COMPANY_WINDOW = 120  # the head, its legal forms and four trade words fit; a long line is not searched whole
_COMPANY_NAMED_BEFORE = regex.compile(
    rf"(?<!\w)(?:[Cc]ông[ \t]+ty|C[Tt]y|[Tt]ập[ \t]+đoàn|HTX|[Hh]ợp[ \t]+tác[ \t]+xã)(?:[ \t]+{_LEGAL_FORMS})*"
    rf"(?:[ \t]+(?!{_NOT_TRADE}(?!\w))\p{{Ll}}+){{1,4}}[ \t]+$"
)
# A company's capitalised name before the candidate: "Công ty Tây Trường" + "Sơn Quảng Nam", a name that ends in a province.
_COMPANY_CAPITALISED_BEFORE = regex.compile(
    rf"(?<!\w)(?:[Cc]ông[ \t]+ty|C[Tt]y|[Tt]ập[ \t]+đoàn)(?:[ \t]+{_LEGAL_FORMS})*(?:[ \t]+\p{{Lu}}\p{{Ll}}*){{1,4}}[ \t]+$"
)

# A name right after a company's head (and its legal forms) is the company's: "Công ty Thái Bình Dương", "Cty TNHH Hoàng
# Long" (a head's name run in after the company's is split off before: _after_company_name).
_COMPANY_HEAD_RIGHT_BEFORE = regex.compile(
    rf"(?<!\w)(?:[Cc]ông[ \t]+ty|C[Tt]y|[Tt]ập[ \t]+đoàn|[Tt]ổng[ \t]+[Cc]ông[ \t]+ty)(?:[ \t]+{_LEGAL_FORMS})*[ \t]+$"
)
# A law firm bears its founder's name: "Văn phòng luật sư Nguyễn Anh", "Công ty Luật TNHH Phạm Sơn" (news).
_LAW_FIRM_BEFORE = regex.compile(
    r"(?<!\w)(?i:văn[ \t]+phòng[ \t]+luật(?:[ \t]+sư)?|công[ \t]+ty[ \t]+luật|hãng[ \t]+luật)(?:[ \t]+(?:TNHH|hợp[ \t]+danh))?[ \t]+$"
    r"|(?<!\w)VPLS[ \t]+$"
)


def _ends_with_province(name: str) -> bool:
    words = name.split()
    return any(" ".join(words[index:]) in _PROVINCES for index in range(1, len(words)))


# A title that ends in a settlement's level: the capitalised words after it are the settlement's name.
_SETTLEMENT_TITLE = regex.compile(r"(?<!\w)(?:thôn|bản|ấp|xóm|làng)$", regex.IGNORECASE)
_NAMED_FACILITY_KINDS = frozenset({"health facility", "school"})
_ENDS_IN_LOCALITY = regex.compile(rf"(?<!\w)(?:{_LOCAL_LEVELS})[ \t]+{_PLACE_NAME.pattern}$")
# ... and the larger one it lies in, after a comma, where the clause goes on or ends after it
_LOCALITY_AFTER_COMMA = regex.compile(
    rf"[ \t]*,[ \t]*(?P<place>(?:{_LOCAL_LEVELS})[ \t]+{_PLACE_NAME.pattern})(?=[ \t]*(?:[,;:.()]|$)|[ \t]+\p{{Ll}})"
)
_INSTITUTION_KIND_ACRONYMS = frozenset(_TITLES["institution_kind_acronyms"])
_LOWER_UNIT_START = regex.compile(r"[ \t]+(\p{Ll})")
# A body by its acronym after a title: two capitals at least ("VNPT", "HoREA", "HĐQT", "PC45", "VietJet"), up to three
# of them ("ĐH FPT"), maybe after a unit's head and before its number ("Giám đốc Ban QLDA 2"), maybe with a locality
# ("LĐLĐ TP HCM", "GD-ĐT quận Hai Bà Trưng"); then a clause ends, a lower-case word follows (the speaker's verb) or the
# text ends. A degree ("PGS.TS Lưu Trang") is no body.
_ACRONYM = r"(?=[\w&-]*\p{Lu}[\w&-]*\p{Lu})\p{Lu}[\w&-]{1,11}(?<!-)"
_ACRONYM_UNIT = regex.compile(
    rf"""[ \t]+(?!(?:{_alternation(_SURNAMES["degrees"])})(?![\w.]))
        (?P<unit>(?:(?:Ban|Phòng|Trung[ \t]+tâm|Đội|Chi[ \t]+cục|Cục)[ \t]+)?
        {_ACRONYM}(?:[ \t]+{_ACRONYM}){{0,2}}(?:[ \t]+\d{{1,3}}(?!\w))?
        (?:[ \t]+Công[ \t]+an(?=[ \t]+(?:{_LOCAL_LEVELS}|TP|Tp)))?  # a police department: "Trưởng phòng PC67 Công an thành phố Hà Nội"
        (?:[ \t]+(?:(?:{_LOCAL_LEVELS})[ \t]+{_PLACE_NAME.pattern}|(?:TP\.?|Tp\.?)[ \t]*\p{{Lu}}[\p{{L}}.]*(?:[ \t]+\p{{Lu}}\p{{L}}*)?))?)
        (?=[ \t]*(?:[,;:()“”"–]|-[ \t]|\.(?!\w)|$)|[ \t]+\p{{Ll}})""",
    regex.VERBOSE,
)
_PROVINCE_ALONE = regex.compile(
    r"(?:(?:TP\.?|Tp\.?|[Tt]hành[ \t]+phố|[Tt]ỉnh)[ \t]*)?(?:"
    + "|".join(regex.escape(p) for p in sorted(_PROVINCES, key=len, reverse=True))
    + ")"
)
_PROVINCE_IN_BRACKETS = regex.compile(rf"[ \t]*\((?P<province>{_PROVINCE_ALONE.pattern})\)")
_INSPECTOR_TITLES = frozenset({"Chánh Thanh tra", "Phó Chánh Thanh tra"})
# "ông Vũ Đình Kỳ - Trưởng Công an huyện Quế Võ" (news, heldout80): the title holds the body, the locality follows
_LOCAL_POLICE_TITLES = frozenset({"Trưởng Công an", "Phó Trưởng Công an"})
# A level of government alone after a local head's title, before punctuation or a lower-case word; with "ủy" the level's
# party committee ("ông Đỗ Đức Duy, Phó Bí thư tỉnh ủy, Chủ tịch UBND tỉnh Yên Bái", news), and not before "đảo" ("Bí
# thư huyện đảo Cô Tô": an island district's name follows).
_LEVEL_ALONE = regex.compile(rf"(?:{_LOCAL_LEVELS})(?:[ \t]+(?:ủy|uỷ)(?!\w))?")
_BARE_LEVEL = regex.compile(
    rf"[ \t]+(?P<level>{_LEVEL_ALONE.pattern})"
    r"(?=[ \t]*(?:[,;:.()–-]|$)|[ \t]+(?!đảo(?!\w))\p{Ll})",
    regex.VERSION1,
)
# Titles that end in their unit's head: "Trưởng ban", "Phó phòng".
_JOINED_LOWER = regex.compile(r"\svà\s+\p{Ll}")
_MERGED_UNIT_HEAD = regex.compile(r"(?<=\S\s)(?P<head>ban|phòng)$", regex.IGNORECASE)


def _unit_with_parent(rest: str) -> bool:
    """Whether ``rest`` is one unit, or a unit then the body it belongs to ("Ban Kinh tế - Ngân sách HĐND TP Hà Nội")."""
    unit = organization_at(rest, 0)
    if unit is None or unit.start != 0:
        return False
    if unit.end == len(rest):
        return True
    parent = organization_at(rest, unit.end + 1)
    if parent is not None and parent.start == unit.end + 1 and parent.end == len(rest):
        return True
    # "Trưởng phòng Quản lý công nghiệp - Sở Công Thương Đặng Tiến Bình" (news, heldout59): a dash may part them
    for dash in _DASH_BETWEEN.finditer(rest):
        head = organization_at(rest[: dash.start()], 0)
        parent = organization_at(rest, dash.end())
        if (
            head is not None
            and (head.start, head.end) == (0, dash.start())
            and parent is not None
            and (parent.start, parent.end) == (dash.end(), len(rest))
        ):
            return True
    return False


_DASH_BETWEEN = regex.compile(r"[ \t]+[-–][ \t]+")


def _signature_capacity(text: str, line_start: int) -> str | None:
    """The capacity on the last signature title line above a signer named further down.

    A web copy may put the "Nơi nhận" list between "CHỦ TỊCH" and the name (heldout37's resolutions).
    """
    lines = list(_SIGNATURE_LINE.finditer(text, 0, line_start))
    if not lines:
        return None
    last_line = next((line for line in reversed(lines[-1].group().splitlines()) if line.strip()), "")
    return capacity_title(last_line.strip(" \t*#"))  # "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH": "Chủ tịch"


def _signature_block_start(text: str) -> int:
    """Offset from which a name alone on its line is the signer.

    After the last signature title line (HIỆU TRƯỞNG, KT. CHỦ TỊCH) when there is one in the
    second half of the text; else the last few non-empty lines (exports often drop the title).
    """
    lines = list(_SIGNATURE_LINE.finditer(text))
    if lines and lines[-1].start() > len(text) // 2:
        return lines[-1].end()
    tail_start = len(text.rstrip())
    for _ in range(_SIGNATURE_TAIL_LINES):
        tail_start = text.rfind("\n", 0, max(tail_start - 1, 0))
        if tail_start <= 0:
            return 0
        while tail_start > 0 and text[tail_start - 1] == "\n":
            tail_start -= 1
    return tail_start


def _is_assigned(text: str, line_start: int, before: str, sections: list) -> bool:
    """A name is assigned when its line, its list's lead-in line or its headings name an assignment."""
    if _assigned_in_sentence(before):
        return True
    own_line = text[line_start : _line_end(text, line_start)]
    if _LIST_ITEM.match(own_line) and _ASSIGNMENT_CUE.search(_list_lead_in(text, line_start)):
        return True
    return any(
        _ASSIGNMENT_CUE.search(sections[i].title)
        for i in ancestors(sections, section_at(sections, line_start))[1:]
    )


def _assigned_in_sentence(before: str) -> bool:
    """The sentence up to the name assigns it: "Giao Phó Thủ tướng ...", "Ban Chỉ đạo gồm: Ông ...".

    A paragraph of prose on one line (a web copy) names the committee in passing ("các đồng chí
    Thành viên Ban Chỉ đạo, Thủ tướng ... kết luận"): only the sentence counts, and a committee
    word only as a list's lead-in.
    """
    opening = _SENTENCE_START.match(before)
    sentence = before[opening.end() :] if opening else before
    if _ASSIGNMENT_VERB.search(sentence):
        return True
    return any(_LEADS_LIST.match(sentence, cue.end()) for cue in _ASSIGNMENT_CUE.finditer(sentence))


def _list_lead_in(text: str, line_start: int) -> str:
    """The line that introduces the list ``line_start`` belongs to ("Phân công ...:")."""
    position = line_start
    while position > 0:
        previous_start = text.rfind("\n", 0, position - 1) + 1
        line = text[previous_start : position - 1]
        position = previous_start
        if line.strip() and not _LIST_ITEM.match(line):
            return line
    return ""


def _merge_into(found: dict[str, Person], person: Person) -> None:
    known = found.get(person.name)
    if known is None:
        found[person.name] = person
        return
    if known.title is None:
        # "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung ..., ông Chung": a person first named by his post keeps no
        # honorific of a later mention (the blind golds of heldout30, 44, 47, 49 and 50)
        known.honorific = known.honorific or person.honorific
    if known.title is None or (
        known.title in _PROFESSIONS and person.title and person.title not in _PROFESSIONS
    ):
        # "nhà thơ Trần Đăng Khoa", then "nhà thơ Trần Đăng Khoa - Phó Chủ tịch Hội Nhà văn Việt Nam": the post wins
        known.title = person.title
    elif (
        _short_place_title(known.title)
        and person.title
        and person.title.startswith(known.title.split(" ")[0])
    ):
        # "Chủ tịch Hà Nội Nguyễn Đức Chung", then "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung": the body's name wins
        known.title = person.title if len(person.title) > len(known.title) else known.title
    if _ROLE_STRENGTH[person.role] > _ROLE_STRENGTH[known.role]:
        known.role = person.role


def _short_place_title(title: str | None) -> bool:
    """A head's title with the press's bare province ("Chủ tịch Hà Nội", "Chánh Thanh tra TP Hà Nội")."""
    return title is not None and any(
        title.startswith(head + " ") and _PROVINCE_ALONE.fullmatch(title[len(head) + 1 :])
        for head in _PLACE_HEAD_TITLES | _INSPECTOR_TITLES
    )


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end
