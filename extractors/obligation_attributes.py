"""Attributes of one action item: frequency, recipient and channel of its report, who does it.

Split from :mod:`extractors.obligations` (which finds the items) because each reader here works on
one sentence and can be tested alone. Cue words are data (``data/obligations.yaml``).

Names are read on the abbreviation-expanded sentence ("báo cáo UBND quận" → "Ủy ban nhân dân quận")
and a People's Committee or Council of a bare level is completed with the unit the document names
most often ("Ủy ban nhân dân quận" → "Ủy ban nhân dân quận Hà Đông"), as an analyst reading the whole
plan would; an agency keeps its name as written ("Trung tâm Kiểm soát bệnh tật tỉnh").
"""

from __future__ import annotations

from collections import Counter

import regex

from extractors.issuers import ADMIN_LEVELS
from extractors.lexicon import load_yaml, phrase_alternation
from extractors.organizations import complete_unit, expand_abbreviations, find_organizations, organization_at
from extractors.types import Frequency

_DATA = load_yaml("obligations")
# Simple case folding (VERSION0): Vietnamese letters need no full folding, and the full folding of
# VERSION1 made the case-insensitive alternations about twice as slow (measured on bench_extract).
_FLAGS = regex.IGNORECASE | regex.VERSION0


def _any_of(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


# One pattern for all frequencies, a named group each: the leftmost mention wins in one search.
_FREQUENCY = regex.compile(
    r"(?<!\w)(?:"
    + "|".join(
        f"(?P<{frequency}>{_any_of(patterns)})" for frequency, patterns in _DATA["frequencies"].items()
    )
    + r")(?!\w)",
    _FLAGS,
)
# Every frequency names its unit; a sentence with none of these words names no frequency, and the one search of
# the alternation above (slow in ``regex`` with IGNORECASE) is skipped: most sentences of a plan have none
# (tests/extractors/test_obligation_attributes.py checks that every pattern of the data names one).
_FREQUENCY_UNITS = ("tháng", "quý", "năm", "kỳ", "niên")
_FREQUENCY_EXCEPTION = regex.compile(_any_of(_DATA["frequency_exceptions"]), _FLAGS)
# "hàng năm" right after a plan, a budget or a period qualifies that noun ("vào Kế hoạch phát triển kinh tế -
# xã hội hằng năm"), unless the task draws that plan up ("xây dựng kế hoạch thực hiện hàng năm").
_YEARLY = regex.compile(r"(?<!\w)(?:hàng|hằng)\s+năm(?!\w)", _FLAGS)
# "thường niên" always qualifies what stands before it: a noun ("báo cáo thường niên") or a verb ("tổ chức thường niên").
_ANNUAL_ADJECTIVE = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['annual_adjectives'])})(?!\w)", _FLAGS)
# ... after other adverbs of time: "được thực hiện thường kỳ, thường niên và cuối khóa".
_VERB_BEFORE = regex.compile(
    r"(?<!\w)(?:"
    + "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in _DATA["task_verbs"])
    + r")(?:[\s,]+(?:thường\s+kỳ|định\s+kỳ|thường\s+xuyên))*[\s,]*$",
    _FLAGS,
)
_YEARLY_NOUN_HEAD = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['yearly_noun_heads'])})(?!\w)", _FLAGS)
_YEARLY_PERIOD_BEFORE = regex.compile(_any_of(_DATA["yearly_period_pairs"]), _FLAGS)
_YEARLY_PERIOD_AFTER = regex.compile(_any_of(_DATA["yearly_period_pairs_after"]), _FLAGS)
_DRAFTING_VERB = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['drafting_verbs'])})(?!\w)", _FLAGS)
_GOVERNOR = regex.compile(
    rf"(?<!\w)(?:(?P<drafting>{_any_of(_DATA['drafting_verbs'])})|{_any_of(_DATA['noun_governors'])})(?!\w)",
    _FLAGS,
)
_PERIODIC_REPORT = regex.compile(_any_of(_DATA["periodic_report_cues"]), _FLAGS)
# The noun phrase before "hàng năm": at most this many words, within one clause.
_NOUN_PHRASE_WORDS = 10
# A comma ends it too, unless a pair of periods stands there ("kế hoạch đầu tư công trung hạn, hằng năm").
_NOUN_PHRASE_BREAK = regex.compile(r"[;:.()“”\"]|,(?!\s*(?:hàng|hằng)\s+năm(?!\w))", _FLAGS)
# "Xây dựng, tổ chức thực hiện các ... kế hoạch ... hàng năm": a drafting verb coordinated with the governor.
_COORDINATED_VERB = regex.compile(r"[\s,]*(?:(?:và|hoặc)\s+)?(?:\w+\s+)?", regex.VERSION1)
_COORDINATION_WINDOW = 25
_JOINT = regex.compile(r",|(?<!\w)(?:và|hoặc)(?!\w)", _FLAGS)
# "Kế hoạch hoạt động hàng năm, hàng quý": a second period in a pair qualifies the same noun.
_PERIOD_PAIR_JOINT = regex.compile(r"\s*(?:,|và|hoặc)\s*", _FLAGS)
# The recipient cue must end right before the organisation's name.
_RECIPIENT_CUE = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['recipient_cues'])})\s*$", _FLAGS)
# "báo cáo kết quả ... trình Ủy ban nhân dân cấp tỉnh": a report submitted (a bare "trình" is no cue).
_SUBMITTED_REPORT_CUE = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['submitted_report_cues'])})\s*$", _FLAGS)
_SUBMITTED_REPORT_WINDOW = 120
# A report to the head of a body: "báo cáo Chủ tịch Ủy ban nhân dân tỉnh", "trình Giám đốc Sở Y tế".
_TITLES = sorted(load_yaml("titles")["titles"], key=len, reverse=True)
_RECIPIENT_CUE_AND_TITLE = regex.compile(
    rf"(?<!\w)(?:{_any_of(_DATA['recipient_cues'])})\s*(?<=\s)"
    rf"(?P<title>{_any_of([regex.escape(t) for t in [*_TITLES, *_DATA['recipient_leaders']]])})\s+$",
    regex.VERSION1,
)
# A report to the head of the issuing unit itself, named by office alone ("báo cáo Hiệu trưởng").
_RECIPIENT_HEAD_OF_UNIT = regex.compile(
    rf"(?<!\w)(?:{_any_of(_DATA['recipient_cues'])})\s*(?<=\s)(?P<title>{_any_of(_DATA['recipient_titles'])})"
    rf"(?!\w)(?!\s+(?:{_any_of([regex.escape(t) for t in _TITLES])}|\p{{Lu}}))",
    regex.VERSION1,
)
# "phản hồi về Ban Chỉ đạo", "cho cơ quan quản lý cấp trên": a recipient named by its role (cues ignore case).
_GENERIC_RECIPIENT = regex.compile(
    rf"(?<!\w)(?i:{_any_of(_DATA['recipient_cues'])})\s*(?<=\s)(?P<name>{_any_of(_DATA['generic_recipients'])})(?!\w)",
    regex.VERSION1,
)
# A report to a person by office: "báo cáo Phó Thủ tướng Chính phủ - Trưởng Ban ...", "báo cáo Thủ tướng
# chính phủ" (lower case in the source), "báo cáo Phó Thủ tướng Trần Hồng Hà" (the office and the name).
_SURNAME_WORDS = sorted({s.split()[0] for s in load_yaml("surnames")["surnames"]}, key=len, reverse=True)
_OFFICE_RECIPIENT = regex.compile(
    rf"(?<!\w)(?i:{_any_of(_DATA['office_report_cues'])})\s+"
    rf"(?P<office>{_any_of([regex.escape(t) for t in _TITLES])})"
    rf"(?:\s+(?P<government>(?i:chính\s+phủ))(?!\w))?"
    rf"(?:\s+(?P<name>(?:{'|'.join(_SURNAME_WORDS)})(?:\s+\p{{Lu}}\p{{Ll}}*){{1,3}})(?!\w))?",
    regex.VERSION1,
)
# Offices held by one person in the country: "báo cáo Thủ tướng trong tháng 8/2017" names its recipient.
_UNIQUE_OFFICES = frozenset(_DATA["unique_offices"])
# "Giao đồng chí Bộ trưởng Bộ Xây dựng ...": an honorific between the opener and the doer's title.
_HONORIFIC = regex.compile(
    rf"(?:{'|'.join(regex.escape(h) for h in sorted(load_yaml('surnames')['honorifics'], key=len, reverse=True))})\s+"
)
# The name after a title and its body: "Giao Phó Thủ tướng Chính phủ Trần Hồng Hà trước ngày ...".
_PERSON_NAME = regex.compile(
    rf"\s+(?P<name>(?:{'|'.join(_SURNAME_WORDS)})(?:\s+\p{{Lu}}\p{{Ll}}*){{1,3}})(?!\w)"
)
_VIA_CUE = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['via_cues'])})\s*$", _FLAGS)
# "phản ánh kịp thời về Bộ Nội vụ (qua Vụ Kế hoạch - Tài chính)": the channel in brackets right after the
# recipient is one body's name even when its kind is not in the lexicon ("Vụ", "Tổng cục", "Cổng ...").
_BRACKETED_VIA = regex.compile(
    rf"\(\s*(?i:{_any_of(_DATA['via_cues'])})\s+(?P<name>\p{{Lu}}[^(),;]{{2,80}}?)\s*\)", regex.VERSION1
)
_BRACKETED_VIA_WINDOW = 80
# "gửi về Công an tỉnh, Cơ quan Thường trực Ban Chỉ đạo phòng, chống tội phạm ... tỉnh (qua Phòng Tham mưu - Công an
# tỉnh)": the recipient's role in apposition stands between it and the channel (heldout7: one recipient).
_ROLE_APPOSITION = regex.compile(
    rf"\s*,\s*(?:là\s+)?(?i:{_any_of(_DATA['role_appositions'])})(?!\w)[^()]{{0,200}}?(?=\s*\()",
    regex.VERSION1,
)
# "(qua Bộ Chỉ huy Quân sự tỉnh - cơ quan thường trực Hội đồng NVQS tỉnh)": the channel, then its role.
_VIA_ROLE = regex.compile(rf"\s+[-–]\s+(?i:{_any_of(_DATA['role_appositions'])})(?!\w).*$", regex.VERSION1)
# "Bộ Nội vụ đã đề xuất ... gửi Bộ Tài chính tổng hợp", "Bộ Tài chính đã có công văn số ... báo cáo Thủ
# tướng Chính phủ": a body's past act narrated, no report asked for, unless a directive follows it.
_PAST_MARKER = regex.compile(rf"\s+(?:{_any_of(_DATA['past_markers'])})\s", _FLAGS)
# "Ngày 31 tháng 10 năm 2025, Văn phòng Chính phủ nhận văn bản ... gửi Thủ tướng Chính phủ ...": a sentence
# opening with its full date narrates what happened that day.
_DATED_OPENING = regex.compile(
    r"^\W*Ngày\s+\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*\d{4}\s*,\s*", regex.IGNORECASE
)
# "Lúc đó, giám đốc Công ty … đang ở Bình Định, chúng tôi phải giữ ông ấy lại, yêu cầu …" (news, heldout146): "at that
# time" with an act done or going on tells a story ("Khi đó", "in that case", opens a rule as often: not here).
_PAST_TIME_OPENING = regex.compile(
    r"^\W*(?:Lúc|Hồi|Khi|Thời\s+điểm)\s+(?:đó|ấy)(?<!Khi\s+đó)\s*,\s*", regex.IGNORECASE
)
_DONE_OR_GOING_ON = regex.compile(r"(?<!\w)(?:đã|đang|vừa)(?!\w)", regex.IGNORECASE)
# A paper already sent: "Chính vì vậy, Thành Hội người Việt Nam thủ đô Viêng Chăn đã có văn bản gửi Đại sứ quán Việt Nam
# tại Lào nêu rõ: …" (news, heldout147), whoever the sender is (a body the reader of organisations does not know).
_PAPER_SENT = regex.compile(
    r"(?<!\w)đã\s+(?:có|gửi|ban\s+hành)\s+(?:văn\s+bản|công\s+văn|tờ\s+trình|thư|đơn|thông\s+báo)(?!\w)",
    regex.IGNORECASE,
)
# Where a clause's subject may start: the sentence's start (after a list marker), or after a comma or colon.
# ")": after an address in brackets; a verb of praise: "Phó Thủ tướng … đánh giá cao Bộ GTVT đã tích cực chỉ đạo …, đã
# xây dựng báo cáo Bộ Chính trị và Quốc hội …" (news, heldout40): what the praised body did
_CLAUSE_OPENING = regex.compile(
    r"(?:^[\W\d]{0,6}|[,:;)]\s*|(?<!\w)(?:đánh\s+giá\s+cao|ghi\s+nhận|biểu\s+dương|khen\s+ngợi|hoan\s+nghênh)\s+)$"
)
# A clause whose subject is counted or plural, in lower case, before "đã": "hai công ty trên đã …", "các hộ dân đã …".
_COUNTED_SUBJECT_PAST = regex.compile(
    r"(?:^[\W\d]{0,6}|[,:;]\s+)(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|những|nhiều|\d{1,3})\s+"
    r"(?!(?:ngày|tháng|năm|quý|tuần|lần)(?!\w))\p{Ll}+(?:\s+\p{Ll}+){0,5}?\s+đã\s"
)
# ... or one the text named before, by its kind: "Sau khi phát hiện ..., đơn vị đã cho lập biên bản dừng thi công và báo
# cáo Cục Đường sắt" (news, heldout134), "Hiện chủ đầu tư đã gửi hồ sơ đến Cục ..." (heldout136).
_NAMED_AGAIN_SUBJECT_PAST = regex.compile(
    rf"(?:^[\W\d]{{0,6}}|[,:;]\s+)(?:(?:[Hh]iện(?:\s+nay)?|[Đđ]ến\s+nay|[Tt]rước\s+đó|[Ss]au\s+đó)\s*,?\s+)?"
    rf"(?:{_any_of(_DATA['bodies_named_again'])})(?:\s+(?:này|trên|đó))?"
    r"\s+(?:cũng\s+)?đã\s"
)
_DIRECTIVE = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['directive_cues'])})(?!\w)", _FLAGS)
_BRACKETED_VIA_MAX_WORDS = 10
_REPORT_VERB = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['report_verbs'])})(?!\w)", _FLAGS)
_SUBJECT = regex.compile(rf"(?:{_any_of(_DATA['subjects'])})(?!\w)", regex.VERSION1)
# "Các doanh nghiệp viễn thông Căn cứ ...": a plural subject run into its first task's capitalised verb.
# The subject ends in lower case: in "Các bộ, ngành và Ban Chỉ đạo ..." the capital belongs to a name.
_RUN_IN_PLURAL_SUBJECT = regex.compile(
    r"Các\s+[^\n.;:()]{2,80}?(?<=(?<!\w)[\p{Ll}\d]\w*)(?=\s+(?:"
    + "|".join(regex.escape(v[:1].upper() + v[1:]).replace(r"\ ", r"\s+") for v in _DATA["task_verbs"])
    + r")(?!\w))",
    regex.VERSION1,
)
_RUN_IN_SUBJECT_MAX_WORDS = 12
_LOWER_TASK_VERB = regex.compile(
    r"(?<!\w)(?:" + "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in _DATA["task_verbs"]) + r")(?!\w)"
)
_ENDS_IN_FUNCTION_WORD = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['not_verbs'])})$")
_HEADING_SUBJECT = regex.compile(_any_of(_DATA["heading_subjects"]), regex.VERSION1)
_HEADING_OPENER = regex.compile(rf"^\s*(?:{_any_of(_DATA['heading_openers'])})\s+", _FLAGS)
_OPENER = regex.compile(rf"(?:{_any_of(_DATA['heading_openers'])})\s+", _FLAGS)
# A lead-in that opens with when its items recur: "1. Định kỳ (trước ngày 30 tháng 6 hằng năm), Ủy ban nhân dân cấp
# xã có trách nhiệm:" (heldout71's council resolution) is owned by the unit after the comma.
_TIMING_OPENER = regex.compile(
    r"^(?:định\s+kỳ(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng))?|(?:hằng|hàng)\s+(?:năm|quý|tháng))"
    r"\s*(?:\([^()]{0,80}\))?\s*,\s*",
    _FLAGS,
)
_ORDER_VERB = regex.compile(
    rf"\s(?:(?:đã|vừa|cũng|đang|tiếp\s+tục)\s+)?(?:{_any_of(_DATA['directive_verbs'])})\s+", _FLAGS
)
_FAMILY_NAMES = frozenset(_SURNAME_WORDS)
_PLACE_HEADS = frozenset(title.casefold() for title in load_yaml("titles")["place_head_titles"])
# A locality by its level, and its name where one follows: "tỉnh", "tỉnh Gia Lai", "huyện Tuy Đức" (not "tỉnh ủy").
_LEVELS = [regex.escape(level).replace(r"\ ", r"\s+") for level in ADMIN_LEVELS]
_LOCALITY_AT = regex.compile(
    rf"(?:{_any_of(_LEVELS)})"
    r"(?!\w)(?!\s+(?:ủy|uỷ)(?!\w))"
    r"(?:\s+(?!(?:Ủy|Uỷ)\s)\p{Lu}\p{Ll}*(?:\s+(?:[-–]\s+)?\p{Lu}\p{Ll}*){0,3}(?!\w))?"
)
# News writes an office in lower case before its body: "giám đốc Sở KH&CN được giao ..." (heldout36).
_TITLE_AT = regex.compile(
    rf"(?P<title>{phrase_alternation([v for t in _TITLES for v in (t, t[:1].lower() + t[1:])], space=' ')})\s+",
    regex.VERSION1,
)
# Where a sentence's subject may stand: at its start, or after a leading adverbial clause
# ("Chậm nhất 01 tháng khi ..., Thủ trưởng đơn vị triển khai ...").
_CLAUSE_START = regex.compile(r"^|[,:]\s+")
_AS_FOLLOWS = regex.compile(r"(?<!\w)như\s+sau\s*:\s+(?=\S)")
# After a unit's name on a heading line: a colon or dash, or the capitalised first word of its task.
_RUN_IN = regex.compile(r"\s*[:–-]|\s+\p{Lu}\p{Ll}", regex.VERSION1)
# A name followed by one of these is the doer, not the recipient: "... báo cáo Sở Y tế chủ trì ...".
_SUBJECT_VERB = regex.compile(rf"\s+(?:{_any_of(_DATA['subject_verbs'])})(?!\w)", _FLAGS)
# After a subject: its verb, a lower-case word that is not a preposition or conjunction.
_VERB_FOLLOWS = regex.compile(rf"\s+(?!(?:{_any_of(_DATA['not_verbs'])})(?!\w))\p{{Ll}}", regex.VERSION1)
_ADVERBIAL_OPENER = regex.compile(rf"\s*(?:{_any_of(_DATA['adverbial_openers'])})(?!\w)", _FLAGS)
_SHORT_OPENER = regex.compile(rf"\s*(?:{_any_of(_DATA['short_openers'])})(?!\w)", _FLAGS)
_MAX_OPENING_CLAUSES = 5
# A heading's owner followed by its members in brackets ("Các cơ quan đăng ký đầu tư (Sở Tài chính, ...)").
_MEMBERS_IN_BRACKETS = regex.compile(r"\s*\([^()]*\)$")
# A heading that goes on after its first unit lists several owners ("Ủy ban MTTQ, Ban Dân vận ...").
_SEVERAL = "several doers"  # what _subject_at finds for a list of bodies: no one owner
_BODY_LIST_JOINT = regex.compile(r"\s*,\s*|\s+và\s+")
_LIST_GOES_ON = regex.compile(r"\s*(?:,|;|và\s|\()", regex.VERSION1)
# Only a government of a level, and its military command, is completed with the unit the document names
# ("Ủy ban nhân dân tỉnh" → "... tỉnh Đắk Lắk", "Bộ Chỉ huy quân sự thành phố" → "... thành phố Cần Thơ",
# heldout18); an agency keeps the level in its name ("Trung tâm Kiểm soát bệnh tật tỉnh", "Công an tỉnh":
# the golds of heldout7 and heldout8 keep it bare).
_COMPLETED_KINDS = frozenset({"people's committee", "people's council", "military"})


_RATE_AFTER = regex.compile(
    r"\s+(?:chỉ\s+|cũng\s+|đều\s+|vẫn\s+)?(?:tăng|giảm)(?!\s+cường)(?!\w)", regex.IGNORECASE
)


def read_frequency(sentence: str) -> Frequency | None:
    """The recurrence the sentence states (``hàng quý`` → quarterly); the earliest wins.

    Phrases of ``frequency_exceptions`` ("Kế hoạch hàng năm của thành phố") are blanked first.
    """
    lowered = sentence.lower()
    if not any(unit in lowered for unit in _FREQUENCY_UNITS) or _FREQUENCY.search(sentence) is None:
        return None  # most sentences name none: skip the costlier exceptions
    blanked = _FREQUENCY_EXCEPTION.sub(lambda m: " " * len(m.group(0)), sentence)
    qualifier_end = -1  # the end of the last "hàng năm" read as naming a plan, budget or period
    for found in _FREQUENCY.finditer(blanked):
        if _RATE_AFTER.match(blanked, found.end()):
            continue  # "quỹ đất dành cho giao thông hàng năm tăng chưa đến 1%" (news, heldout148): a rate, no recurrence
        if found.lastgroup == "annual" and _qualifies_yearly_noun(blanked, found.start(), found.end()):
            clause_start = blanked.rfind(";", 0, found.start()) + 1
            if _PERIODIC_REPORT.search(blanked, clause_start, found.start()):
                return "annual"  # "báo cáo định kỳ theo yêu cầu tại Kế hoạch hàng năm"
            qualifier_end = found.end()
            continue
        if qualifier_end >= 0 and _PERIOD_PAIR_JOINT.fullmatch(blanked, qualifier_end, found.start()):
            qualifier_end = found.end()  # "Kế hoạch hoạt động hàng năm, hàng quý"
            continue
        return found.lastgroup  # type: ignore[return-value]
    return None


def _qualifies_yearly_noun(sentence: str, start: int, end: int) -> bool:
    """Whether the "hàng năm" at ``start`` names which plan, budget or period, not how often the task recurs.

    "Lồng ghép ... vào Kế hoạch phát triển kinh tế - xã hội hằng năm" (the plan it feeds into), "Cân đối, bố
    trí kinh phí ngân sách địa phương hằng năm" (the budget it draws on): yes. "xây dựng kế hoạch thực hiện
    hàng năm", "xác định chỉ tiêu, mục tiêu, nhiệm vụ hàng năm và cả giai đoạn" (the unit draws them up): no.
    """
    if _ANNUAL_ADJECTIVE.fullmatch(sentence, start, end):
        # "được tổ chức thường niên": how often the act recurs; "báo cáo thường niên": the noun's governor decides
        return _VERB_BEFORE.search(sentence, 0, start) is None and _governed_as_noun(
            sentence, start, joined_only=True
        )
    if _YEARLY.fullmatch(sentence, start, end) is None:
        return False  # "mỗi năm", "định kỳ năm", "năm một lần": the task's own period
    # (the whole sentence is searched: a comma's lookahead must see the "hàng năm" after it)
    clause_start = max(
        (m.end() for m in _NOUN_PHRASE_BREAK.finditer(sentence) if m.end() <= start), default=0
    )
    words = list(regex.finditer(r"\S+", sentence[clause_start:start]))
    window_start = clause_start + (
        words[-_NOUN_PHRASE_WORDS].start() if len(words) > _NOUN_PHRASE_WORDS else 0
    )
    phrase_start = None
    heads = list(_YEARLY_NOUN_HEAD.finditer(sentence, window_start, start, overlapped=True))
    for head in heads:
        # the leftmost head with no verb or preposition after it; "kế hoạch thực hiện", "lộ trình triển khai"
        # name the plan (a verb right after a head qualifies it)
        inside = [
            g
            for g in _GOVERNOR.finditer(sentence, head.end(), start)
            if not any(h.end() <= g.start() and not sentence[h.end() : g.start()].strip() for h in heads)
        ]
        if not inside:
            phrase_start = head.start()
            break
    if phrase_start is None:
        period = _YEARLY_PERIOD_BEFORE.search(sentence, window_start, start)
        if period is not None:
            phrase_start = period.start()
        elif _YEARLY_PERIOD_AFTER.match(sentence[end:]):
            phrase_start = start
    if phrase_start is None:
        return False
    return _governed_as_noun(sentence, phrase_start)


def _governed_as_noun(sentence: str, phrase_start: int, joined_only: bool = False) -> bool:
    """Whether the noun phrase at ``phrase_start`` is governed by a preposition or a verb that uses it, or by none.

    The last governor before it decides; a drafting verb ("xây dựng", "báo cáo"), also one coordinated with that
    governor ("Xây dựng, tổ chức thực hiện ..."), makes the phrase the task's own work. With ``joined_only`` the
    drafting verb must be joined to it by a comma or "và" ("báo cáo tại Đại hội đồng cổ đông thường niên": the
    report is made at the meeting, the meeting is only named).
    """
    governors = list(_GOVERNOR.finditer(sentence, 0, phrase_start))
    if not governors:
        return True
    last = governors[-1]
    if last["drafting"]:
        return False
    # "Xây dựng, tổ chức thực hiện ...", "xây dựng và thực hiện ...": a drafting verb coordinated with it
    return not any(
        d.end() >= last.start() - _COORDINATION_WINDOW
        and _COORDINATED_VERB.fullmatch(sentence, d.end(), last.start())
        and (not joined_only or _JOINT.search(sentence, d.end(), last.start()) is not None)
        for d in _DRAFTING_VERB.finditer(
            sentence, max(0, last.start() - _COORDINATION_WINDOW - 20), last.start()
        )
    )


# The committee of the place where the reporting person lives or is registered: "báo cáo và xin ý kiến Ủy ban
# nhân dân xã, phường nơi cư trú" (heldout15's Quy định on weddings and funerals): part of the recipient.
_WHERE_ONE_LIVES = regex.compile(
    r"\s+(?P<where>nơi\s+(?:cư\s+trú|thường\s+trú|tạm\s+trú|đăng\s+ký\s+(?:thường\s+trú|tạm\s+trú|hộ\s+khẩu)))(?!\w)"
)


# "Báo cáo số 157/BC-HĐTV ngày 27/10/2025 của Hội đồng tư vấn ... gửi Thủ tướng Chính phủ" (heldout38): whom a cited
# document was sent to, no report the sentence asks for. The number, its date and its issuer, then "gửi" ("... theo
# Mẫu số 03 tại Phụ lục kèm theo Nghị định 68/2024/NĐ-CP gửi Cục ...": no issuer, the sentence's own sending).
# A letter by its number alone may be sent too: "Trong Văn bản số 526/UBND-TNMT gửi UBND tỉnh Thái Nguyên mới đây, …"
# (news, heldout148).
_CITED_DOCUMENT_SENT = regex.compile(
    r"\d+/[\p{Lu}\d][\w./-]*(?:\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)?\s+của\s+[^,;:.()]{2,90}?\s+$"
    r"|(?<!\w)(?:[Vv]ăn\s+bản|[Cc]ông\s+văn|[Tt]ờ\s+trình)\s+số\s+\d+/[\p{Lu}\d][\w./-]*\s+$"
)


# A letter sent to a body that it then orders to act: "Cơ quan Cảnh sát điều tra, Công an TP Hồ Chí Minh có công văn gửi
# Cục Hải quan TP Hồ Chí Minh yêu cầu xử lý 3 công chức …" (news, heldout153): the addressee is the doer, no report's
# recipient. Not a proposal ("… gửi Sở Nội vụ đề nghị thẩm định": the Sở receives it), nor an order for another body
# ("có văn bản gửi Bộ Ngoại giao yêu cầu Bộ Tư pháp tra cứu …").
_ORDER_AFTER_ADDRESSEE = regex.compile(r"\s*,?\s*(?:yêu\s+cầu|chỉ\s+đạo|đôn\s+đốc)(?!\w)", regex.IGNORECASE)
_ADDRESSEE_CUE = regex.compile(r"\s+(?:đến|tới|cho)(?!\w)", regex.IGNORECASE)


def _addresses_an_order(expanded: str, after_verb: int) -> bool:
    cue = _ADDRESSEE_CUE.match(expanded, after_verb)
    addressee = organization_at(expanded, cue.end() if cue else after_verb)
    if addressee is None or (order := _ORDER_AFTER_ADDRESSEE.match(expanded, addressee.end)) is None:
        return False
    return organization_at(expanded, order.end()) is None


_BARE_COMMITTEES = frozenset({"Ủy ban nhân dân", "Hội đồng nhân dân"})
_SHARED_LEVEL = regex.compile(
    r"\s+và\s+(?:Thường\s+trực\s+)?(?:Ủy\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân)\s+"
    r"(?P<level>(?:[Tt]ỉnh|[Tt]hành\s+phố|[Hh]uyện|[Qq]uận|[Tt]hị\s+xã|[Xx]ã|[Pp]hường)(?:\s+\p{Lu}\p{Ll}*|\s+\d+)*)"
)


_ADDRESS_LINE = regex.compile(r"(?<!\w)[Kk]ính\s+$")  # "Kính gửi: Hiệp hội ...": the letter's addressee


def read_recipient_and_via(
    sentence: str, units: dict[str, Counter[str]], joint: bool = False
) -> tuple[str | None, str | None]:
    """``(recipient, via)`` of a report or submission the sentence asks for.

    ``báo cáo ... về UBND Quận 1 (qua Phòng Nội vụ)`` → ("Ủy ban nhân dân Quận 1", "Phòng Nội vụ").
    The recipient is an organisation right after a cue ("gửi về", "báo cáo", "đến") in a sentence
    with a reporting verb; "của Ủy ban nhân dân" (whose instruction) is not a recipient. In a plan the
    first addressee is the recipient ("báo cáo UBND tỉnh và Bộ Nông nghiệp và Môi trường": the province's
    committee, as the held-out plans' gold reads it); ``joint`` (a news report's paragraph) keeps every
    addressee named together, as the news gold does ("báo cáo Bộ Chính trị và Quốc hội").
    """
    expanded = expand_abbreviations(sentence)
    report = next(
        (
            r
            for r in _REPORT_VERB.finditer(expanded)
            if not (
                r.group().lower().startswith("gửi")
                and (
                    _CITED_DOCUMENT_SENT.search(expanded, 0, r.start())
                    or _ADDRESS_LINE.search(expanded, 0, r.start())
                    or _addresses_an_order(expanded, r.end())
                )
            )
        ),
        None,
    )
    if report is None:
        return None, None
    recipient = via = None
    recipient_start = len(expanded)
    mentions = find_organizations(expanded)
    if _narrates_past_act(expanded, mentions, report.start()):
        return None, None
    for mention in mentions:
        if mention.start < report.start():
            continue
        before = expanded[max(0, mention.start - 40) : mention.start]
        if is_subject_of_next_verb(expanded, mention.end):
            continue
        name = complete_unit(mention.name, units) if mention.kind in _COMPLETED_KINDS else mention.name
        if via is None and _VIA_CUE.search(before.rstrip("( ")):
            via = name
        elif recipient is None and (
            _RECIPIENT_CUE.search(before)
            or _SUBMITTED_REPORT_CUE.search(
                expanded, max(0, mention.start - _SUBMITTED_REPORT_WINDOW), mention.start
            )
        ):
            if name in _BARE_COMMITTEES and (shared := _SHARED_LEVEL.match(expanded, mention.end)):
                # "báo cáo Ủy ban nhân dân và Hội đồng nhân dân Thành phố": the level named once for both
                name = complete_unit(f"{name} {' '.join(shared['level'].split())}", units)
            recipient, recipient_start = name, mention.start
            if residence := _WHERE_ONE_LIVES.match(expanded, mention.end):
                recipient += " " + " ".join(residence["where"].split())  # "... xã, phường nơi cư trú"
            elif joint:
                recipient += _joint_recipients(expanded, mentions, mention, units)
        elif recipient is None and (titled := _RECIPIENT_CUE_AND_TITLE.search(before)):
            recipient, recipient_start = f"{titled['title']} {name}", mention.start
    office = _OFFICE_RECIPIENT.search(expanded, report.start()) if recipient is None else None
    if office is not None and (office["government"] or office["name"] or office["office"] in _UNIQUE_OFFICES):
        words = [office["office"], "Chính phủ" if office["government"] else "", office["name"] or ""]
        recipient, recipient_start = " ".join(" ".join(words).split()), office.start()
    if recipient is None and (head := _RECIPIENT_HEAD_OF_UNIT.search(expanded, report.start())):
        recipient, recipient_start = " ".join(head["title"].split()), head.start()  # "báo cáo Hiệu trưởng"
    if via is None and recipient is not None:
        via = _bracketed_via(expanded, recipient_start + len(recipient))
    generic = _GENERIC_RECIPIENT.search(expanded, report.start(), recipient_start)
    if generic is not None and (recipient is None or generic.start("name") < recipient_start):
        # "báo cáo về Ban Chỉ đạo để tổng hợp trình Chính phủ": the first addressee gets the report.
        recipient = " ".join(generic["name"].split())
    return recipient, via


def _joint_recipients(expanded: str, mentions: list, first, units: dict[str, Counter[str]]) -> str:
    """The bodies reported to together with ``first``, as written after it: "báo cáo Bộ Chính trị và Quốc hội",
    "gửi Văn phòng Chính phủ và Bộ GTVT", "báo cáo Thành ủy, UBND TP Hà Nội" (news, heldout19/24/40).

    A body that goes on to act ("gửi Sở Tài chính, Sở Nội vụ chủ trì ...") is no recipient; at most three more.
    """
    joined, last, count = "", first, 0
    for mention in mentions:
        if mention.start <= last.start:
            continue
        joint = _RECIPIENT_JOINT.fullmatch(expanded, last.end, mention.start)
        if joint is None or count == _MAX_JOINT_RECIPIENTS or is_subject_of_next_verb(expanded, mention.end):
            break
        name = complete_unit(mention.name, units) if mention.kind in _COMPLETED_KINDS else mention.name
        joined += f", {name}" if "," in joint.group() else f" và {name}"
        last, count = mention, count + 1
    return joined


_RECIPIENT_JOINT = regex.compile(r"\s*,\s*|\s+và\s+")
_MAX_JOINT_RECIPIENTS = 3


def narrates_past_act(sentence: str) -> bool:
    """Whether the sentence tells what a body did ("(1) Bộ Xây dựng đã chủ động kiểm tra ..."): no task.

    The body stands at the start of a clause and "đã" follows it, or the sentence opens with its full
    date ("Ngày 05/11/2025, VPCP có VB số 10781/VPCP-CN gửi ..."), and no directive cue comes after.
    """
    expanded = expand_abbreviations(sentence)
    told = _PAST_TIME_OPENING.match(expanded)
    if told is not None and _DONE_OR_GOING_ON.search(expanded, told.end()):
        return True
    if _PAPER_SENT.search(expanded) and not _DIRECTIVE.search(expanded):
        return True
    if not _PAST_MARKER.search(expanded) and not _DATED_OPENING.match(expanded):
        return False  # most sentences: skip the organisation reader
    return _narrates_past_act(expanded, find_organizations(expanded), len(expanded))


def _narrates_past_act(expanded: str, mentions: list, until: int) -> bool:
    """Whether a body "đã" did something before ``until`` (a report verb), and no directive stands between.

    The body must open a clause (at the start, or after a comma): in "các nhiệm vụ Ủy ban nhân dân tỉnh
    đã giao" it only qualifies the object.
    """
    dated = _DATED_OPENING.match(expanded)
    if dated is not None and not _DIRECTIVE.search(expanded, dated.end(), until):
        return True
    # "Trong ngày 30/6, hai công ty trên đã liên hệ, gửi công văn đến Công an TP Yên Bái đề nghị …" (news): before the
    # report's verb, and no directive before it (what the letter asked comes after it; "yêu cầu …, các công trình đã
    # thi công" is an order's object)
    report = _REPORT_VERB.search(expanded, 0, until)
    report_start = report.start() if report else until
    counted = _COUNTED_SUBJECT_PAST.search(expanded, 0, report_start) or _NAMED_AGAIN_SUBJECT_PAST.search(
        expanded, 0, report_start
    )
    if counted is not None and not _DIRECTIVE.search(expanded, 0, report_start):
        return True
    for mention in mentions:
        if mention.end >= until:
            break
        if not _CLAUSE_OPENING.search(expanded, 0, mention.start):
            continue
        past = _PAST_MARKER.match(expanded, mention.end)
        if past is not None and not _DIRECTIVE.search(expanded, past.end(), until):
            return True
    return False


def _bracketed_via(expanded: str, after: int) -> str | None:
    """The one body named in "(qua …)" just after the recipient's name (or its role in apposition), or None."""
    apposition = _ROLE_APPOSITION.match(expanded, after)
    if apposition is not None:
        after = apposition.end()
    found = _BRACKETED_VIA.search(expanded, after, after + _BRACKETED_VIA_WINDOW)
    if found is None:
        return None
    name = _VIA_ROLE.sub("", found["name"])
    return " ".join(name.split()) if len(name.split()) <= _BRACKETED_VIA_MAX_WORDS else None


def read_subject(sentence: str) -> str | None:
    """The explicit doer at the start of the sentence or of its main clause, if any.

    An organisation ("Ủy ban MTTQ phường phối hợp ...", also after an opener: "Giao Sở Tài chính
    chủ trì ..."), the head of one ("Chủ tịch Ủy ban nhân dân cấp xã gửi ...") or a subject phrase of
    the lexicon ("Thủ trưởng đơn vị triển khai ...").

    The subject stands at the start, or after the opening adverbial ("Chậm nhất 01 tháng khi ...,
    Thủ trưởng đơn vị ..."; "Khi có biến động ..., chi phí ..., Bộ Công Thương có trách nhiệm ...").
    A unit after a comma must be followed by its verb: in "Báo cáo Ban Chỉ đạo ..., Sở Nông nghiệp
    và Môi trường về kết quả ..." it is the second recipient, not the doer.
    """
    # a quoted order ("“Bộ Tài nguyên và Môi trường chủ trì ..., báo cáo Thủ tướng ...”, Thủ tướng nói")
    expanded = expand_abbreviations(sentence).lstrip("“”\"‘'")
    run_in = _run_in_plural_owner(expanded)
    if run_in is not None:
        return run_in
    announced = _AS_FOLLOWS.search(expanded)
    if announced is not None and (after := read_subject(expanded[announced.end() :])) is not None:
        # "Về Kết luận của Ủy ban Thường vụ Quốc hội ..., Phó Thủ tướng có ý kiến như sau: Trên cơ sở Báo cáo số ...
        # của Chính phủ, Bộ Xây dựng làm việc với ...": what follows "như sau:" is the direction, a sentence with its
        # own opening adverbial; the clauses before it only say what it answers (heldout29)
        return after
    clauses = list(_CLAUSE_START.finditer(expanded))
    opening_clauses = (
        _MAX_OPENING_CLAUSES
        if _ADVERBIAL_OPENER.match(expanded)
        else 2
        if _SHORT_OPENER.match(expanded)
        else 1
    )
    for index, clause in enumerate(clauses):
        # "Trình tự như sau: Cục Thuế ...", "..., Phó Thủ tướng Chính phủ có ý kiến như sau: Bộ Công Thương
        # chủ trì ...": a unit after a colon opens the clause that says what is to be done, however far in
        after_label = expanded[clause.start() : clause.start() + 1] == ":"
        if (index >= opening_clauses or index >= _MAX_OPENING_CLAUSES) and not after_label:
            continue  # "Tổng hợp báo cáo Bộ ..., Ủy ban nhân dân tỉnh kết quả ...": a list, not a subject
        found = _subject_at(expanded, clause.end(), needs_verb=index > 0)
        if found is _SEVERAL:
            return None
        if found is not None:
            return found
    return None


# A company's name holds its trade in lower case, which the reader of names stops at; as the label of its tasks
# ("(3) Công ty TNHH thương mại xuất nhập khẩu quốc tế C&B: Gửi thông báo thu hồi ...", a recall letter quoted in
# legal Q&A, heldout35) the whole label up to its colon is the doer.
_COMPANY_LABEL = regex.compile(
    r"(?P<name>(?:Tổng\s+)?[Cc]ông\s+ty\s(?:[^:;.,\n]|\.(?=\w)){2,90}?):\s+(?=\p{Lu})"
)


def _subject_at(expanded: str, position: int, needs_verb: bool) -> str | None:
    opener = _OPENER.match(expanded, position)  # "Giao Sở Tài chính chủ trì ...", "Trách nhiệm của ..."
    position = opener.end() if opener else position
    honorific = _HONORIFIC.match(expanded, position)
    title = _TITLE_AT.match(expanded, honorific.end() if honorific else position)  # "Chủ tịch Ủy ban ..."
    name_start = title.end() if title else position
    organization = organization_at(expanded, name_start)
    if organization is not None and organization.start == name_start:
        person = _PERSON_NAME.match(expanded, organization.end) if title else None
        end = person.end() if person else organization.end
        if _names_another_body(expanded, end):
            return (
                _SEVERAL  # "Giao Bộ Giáo dục và Đào tạo, Bộ Y tế nghiên cứu ...": several doers, no one owner
            )
        if needs_verb and not _VERB_FOLLOWS.match(expanded, end):
            return None  # "Cơ quan nhận báo cáo: UBND tỉnh (qua ...)", "..., Sở Nông nghiệp ... về kết quả"
        # "giám đốc Sở ..." in news: the office as a title
        office = title["title"][:1].upper() + title["title"][1:] if title else ""
        head = f"{office} {organization.name}" if title else organization.name
        return f"{head} {person['name']}" if person else head
    if (
        title is not None
        and title["title"].casefold() in _PLACE_HEADS
        and (locality := _LOCALITY_AT.match(expanded, name_start))
    ):
        # "Văn phòng Chính phủ đề nghị Chủ tịch tỉnh chỉ đạo thanh tra ..." (news, heldout60): the head of a
        # locality named by its level (and name), not the office that asks
        words = locality.group(0).split()
        # "Chủ tịch tỉnh Gia Lai Võ Ngọc Thành": the place ends where the officer's name begins
        cut = next((i for i in range(2, len(words)) if words[i] in _FAMILY_NAMES), len(words))
        if not needs_verb or (cut == len(words) and _VERB_FOLLOWS.match(expanded, locality.end())):
            return f"{title['title'][:1].upper()}{title['title'][1:]} {' '.join(words[:cut])}"
    if not needs_verb and (company := _COMPANY_LABEL.match(expanded, name_start)):
        return " ".join(company["name"].split())  # "Công ty TNHH thương mại ... C&B: Gửi ..."
    subject = _SUBJECT.match(expanded, position)
    if subject is None and opener is not None:
        # "..., đề nghị các đơn vị, bộ phận báo cáo ...": after an opener the subject is in lower case.
        rest = expanded[position:]
        subject = _SUBJECT.match(rest[:1].upper() + rest[1:])
    if subject is None and not needs_verb:
        subject = _run_in_plural_subject(expanded, position)
    return " ".join(subject.group(0).split()).rstrip(" ,;") if subject is not None else None


def ordered_doer(sentence: str) -> str | None:
    """The body a named actor orders to act: "Thứ trưởng ... yêu cầu các tập đoàn, tổng công ty tiến hành ...".

    News reports an order as "<official or body> yêu cầu/chỉ đạo/giao/đề nghị <doer> <task>": the doer
    is the body after the verb, not the one who asks. Only when a capitalised actor of at most eight
    words opens the clause before the verb ("Theo đó, Thứ trưởng Hoàng Quốc Vượng yêu cầu ...").
    """
    expanded = expand_abbreviations(sentence)
    actor_named = False
    for verb_index, verb in enumerate(_ORDER_VERB.finditer(expanded)):
        clauses = regex.split(r"[,:;]\s+", expanded[: verb.start()])
        clause = clauses[-1].strip()
        if len(clauses) > 1 and _ADVERBS_ONLY.fullmatch(clause):
            # "Phó Chủ tịch UBND tỉnh Bình Định Trần Châu hôm 26.6, đã lần thứ hai yêu cầu Công an tỉnh báo cáo Bộ Công
            # an" (news, heldout155): the actor before a comma, only adverbs after it
            clause = clauses[-2].strip()
        if actor_named and _COORDINATOR.fullmatch(clause):
            # "Phó Chủ tịch UBND tỉnh … đã đề nghị ngư dân khởi kiện, đồng thời yêu cầu Công an tỉnh Bình Định lập hồ
            # sơ báo cáo Bộ Công an" (news, heldout124): the same actor orders again; its doer is the body after it
            rest = expanded[verb.end() :]
            found = _subject_at(rest[:1].upper() + rest[1:], 0, needs_verb=False)
            if isinstance(found, str):
                return found
            continue
        actor = _body_ending_at(expanded, verb.start())
        if actor is not None and len(actor) > len(clause):
            clause = (
                actor  # "Cục Quản lý Khám, chữa bệnh đề nghị Sở Y tế ...": a comma inside the actor's name
            )
        # "Phương án này đã được Phó chủ tịch UBND TP.HCM Lê Văn Khoa giao Sở ...": the actor of a passive
        clause = _PASSIVE_AGENT.split(clause)[-1]
        titled = (clause.casefold() + " ").startswith(_TITLES_FOLDED)  # "thứ trưởng cũng yêu cầu"
        named = clause[:1].isupper() or titled
        if not named or len(clause.split()) > (_MAX_TITLED_ACTOR_WORDS if titled else _MAX_ACTOR_WORDS):
            continue
        rest = expanded[verb.end() :]
        found = _subject_at(rest[:1].upper() + rest[1:], 0, needs_verb=False)
        if not isinstance(found, str) and (addressed := _addressed_bodies(sentence)):
            # "Đối với các phòng GD&ĐT, Sở yêu cầu căn cứ ... để lập kế hoạch ...": the bodies the sentence
            # opens by addressing, as written (heldout30)
            return addressed
        if found is _SEVERAL:
            # "yêu cầu Sở NN&PTNT tỉnh và UBND huyện Chư Păh khẩn trương ...": the bodies as written, up to the task
            return _listed_doers(sentence, verb_index)
        if isinstance(found, str):
            return found[:1].lower() + found[1:] if rest[:1].islower() and found[1:2].islower() else found
        if not _COORDINATED_ORDER.search(expanded, verb.end()):
            return None
        actor_named = (
            True  # a person or group first ("đề nghị ngư dân khởi kiện"), a body ordered after "đồng thời"
        )
    return None


_ADVERBS_ONLY = regex.compile(
    r"(?:(?:đã|cũng|vừa|lại|tiếp\s+tục|một\s+lần\s+nữa|lần\s+thứ\s+(?:hai|ba|\d+)|mới\s+đây)\s*)+",
    regex.IGNORECASE,
)
_COORDINATOR = regex.compile(r"(?:đồng\s+thời|và)(?:\s+(?:cũng|đã))?", regex.IGNORECASE)
_COORDINATED_ORDER = regex.compile(
    r"[,;]\s+(?:đồng\s+thời|và)(?:\s+(?:cũng|đã))?\s+(?:yêu\s+cầu|chỉ\s+đạo|giao|đề\s+nghị)(?!\w)",
    regex.IGNORECASE,
)


def _body_ending_at(text: str, position: int) -> str | None:
    """The organisation whose name ends right before ``position`` (spaces aside), from its clause's start."""
    before = text[:position].rstrip()
    clause_start = max(before.rfind(";"), before.rfind(":"), before.rfind(". ")) + 1
    mentions = find_organizations(before[clause_start:])
    if mentions and clause_start + mentions[-1].end == len(before):
        return before[clause_start + mentions[-1].start :]
    return None


_MAX_ACTOR_WORDS = 8
# An official with a body and a name: "Phó Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh Lê Văn Khoa" (heldout30).
_MAX_TITLED_ACTOR_WORDS = 16
_ADDRESSED = regex.compile(
    r"\s*(?:Đối\s+với|Riêng\s+đối\s+với)\s+(?P<bodies>(?:các\s+|Các\s+)?\p{Lu}?[^,:;]{2,60}?)\s*[,:]\s",
    regex.VERSION1,
)
# ... a body a sentence opens by addressing is one by its name or its kind ("các phòng", "các trường").
_PLURAL_BODY = regex.compile(rf"các\s+(?:{_any_of(_DATA['addressed_body_kinds'])})(?!\w)", regex.IGNORECASE)


def _addressed_bodies(sentence: str) -> str | None:
    addressed = _ADDRESSED.match(sentence)
    if addressed is None:
        return None
    bodies = addressed["bodies"]
    if _PLURAL_BODY.match(bodies) or organization_at(expand_abbreviations(bodies), 0) is not None:
        return bodies
    return None


_PASSIVE_AGENT = regex.compile(r"(?<!\w)(?:đã\s+|vừa\s+)?được\s+")
_TITLES_FOLDED = tuple(title.casefold() + " " for title in _TITLES)


def _listed_doers(sentence: str, verb_index: int) -> str | None:
    """The bodies listed after the ``verb_index``-th order verb of ``sentence``, as written, up to their task's verb.

    The verbs are counted in the sentence as written (abbreviations not expanded: expansion adds no verb).
    """
    verbs = list(_ORDER_VERB.finditer(sentence))
    if verb_index >= len(verbs):
        return None
    rest = sentence[verbs[verb_index].end() :].lstrip()
    task = _LOWER_TASK_VERB.search(rest)
    listed = rest[: task.start()].strip(" ,") if task else ""
    return listed if 1 < len(listed.split()) <= _MAX_LISTED_DOER_WORDS else None


# "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương, Bệnh viện ..., Y tế các Bộ, ngành": 23 words (heldout76)
_MAX_LISTED_DOER_WORDS = 28


def _names_another_body(expanded: str, end: int) -> bool:
    """Whether another body follows the one ending at ``end`` in a list ("A, B ...", "Bộ trưởng A, Bộ trưởng B")."""
    joint = _BODY_LIST_JOINT.match(expanded, end)
    if joint is None:
        return False
    if _PLURAL_BODY.match(expanded, joint.end()):
        return True  # "Bộ Công an và các bộ, cơ quan liên quan ..."
    title = _TITLE_AT.match(expanded, joint.end())
    start = title.end() if title else joint.end()
    other = organization_at(expanded, start)
    return other is not None and other.start == start


def _run_in_plural_subject(expanded: str, position: int) -> regex.Match[str] | None:
    """ "Các doanh nghiệp viễn thông Căn cứ ...": the plural subject of a run-in heading, or None.

    Not when the words before the capitalised verb already hold a verb ("Các tỉnh ... khẩn trương
    hoàn thiện Báo cáo ...") or end in a function word ("... theo quy định của Tổ chức quản lý chợ"):
    then the capital starts a name, not a task.
    """
    found = _RUN_IN_PLURAL_SUBJECT.match(expanded, position)
    if found is None or len(found.group(0).split()) > _RUN_IN_SUBJECT_MAX_WORDS:
        return None
    if _LOWER_TASK_VERB.search(found.group(0)) or _ENDS_IN_FUNCTION_WORD.search(found.group(0)):
        return None
    return found


def read_heading_owner(title: str) -> str | None:
    """The unit a heading assigns its items to ("2. Văn phòng UBND phường"), or None.

    The heading must begin (after openers such as "Đề nghị") with an organisation or a subject
    phrase; the whole heading, expanded, is the owner ("Ủy ban Mặt trận Tổ quốc, Ban Dân vận ...").
    A run-in heading, whose first task follows the unit on the same line ("1. Sở Y tế: Chủ trì ...",
    "4. Ủy ban nhân dân cấp xã Phê duyệt kế hoạch ..." in web copies), is owned by that unit alone.
    """
    title = _HEADING_OPENER.sub("", expand_abbreviations(title)).strip(" :.;*")
    title = _TIMING_OPENER.sub("", title)
    if not title:
        return None
    organization = organization_at(title, 0)
    if organization is not None and organization.start == 0 and _RUN_IN.match(title, organization.end):
        return organization.name
    run_in = _run_in_plural_owner(title)
    if run_in is not None:
        return run_in
    if len(title.split()) > 16:
        # "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế ...)": the owner, then its members
        members = _MEMBERS_IN_BRACKETS.search(title)
        return read_heading_owner(title[: members.start()]) if members and members.start() > 0 else None
    if organization is not None and organization.start == 0:
        # "Ủy ban Mặt trận Tổ quốc, Ban Dân vận ..." lists its owners; "Ủy ban nhân dân Thành phố có
        # quyền hạn và trách nhiệm" is one owner and what it does.
        return (
            title
            if _LIST_GOES_ON.match(title, organization.end) or organization.end >= len(title)
            else organization.name
        )
    if _SUBJECT.match(title) or _HEADING_SUBJECT.fullmatch(title):
        return title
    return None


def _run_in_plural_owner(text: str) -> str | None:
    """ "Các cơ sở nuôi trồng thủy sản: Theo dõi, ...": the plural owner a run-in item opens with, or None."""
    lead, colon, _ = text.partition(":")
    lead = lead.strip()
    if colon and len(lead.split()) <= _RUN_IN_SUBJECT_MAX_WORDS and _HEADING_SUBJECT.fullmatch(lead):
        # "Phó Chủ tịch UBND tỉnh Trần Châu thẳng thắn: “…”" (news, heldout97): a speaker, not a label of tasks
        return None if _SPEECH_VERB_AT_END.search(lead) else lead
    return None


_SPEECH_VERB_AT_END = regex.compile(rf"(?<!\w)(?:{_any_of(_DATA['speech_verbs'])})$", regex.IGNORECASE)


def is_subject_of_next_verb(sentence: str, end: int) -> bool:
    """Whether the name ending at ``end`` does the task that follows ("Sở Y tế chủ trì ...")."""
    return bool(_SUBJECT_VERB.match(sentence, end))
