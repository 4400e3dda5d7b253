"""Dates in Vietnamese official text, at the precision the text gives, with their role.

Forms: ``ngày 10 tháng 11 năm 2024``, ``10/11/2024``, ``ngày 10-11-2024``, ``10.11.2024``,
``tháng 12/2025``, ``tháng 12 năm 2025``, ``Quý IV/2025``, ``quý 4 năm 2025`` and, only after a
deadline cue, ``năm 2025`` (``hoàn thành trước năm 2025``, ``đến hết năm 2025``).

Why plain years are left out: plans say "năm 2024" in almost every sentence ("kết quả Chỉ số PAPI
năm 2023", "Quận 1 năm 2024"); as dates they are noise that would drown the real deadlines in
``v_dates``. A year becomes a date only when a deadline cue stands right before it.

Roles: ``issued`` (the document's own place-and-date line, e.g. ``Quận 1, ngày 3 tháng 5 năm 2023``
near the top), ``cited`` (inside a span the citation extractor found), ``deadline`` (a cue such as
"trước ngày", "chậm nhất", "hạn", "hoàn thành trong tháng 12/2025", "trong quý IV/2025"),
``event`` otherwise. A day is never invented: "tháng 12/2025" stays month precision.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence

from extractors.lexicon import load_yaml
from extractors.types import DateMention, DateRole, Precision

# A full date, either spelled out or numeric; named groups are read by ``_parse_match``.
# A typist's slip is read after "ngày" only: "ngày 27 năm 12 năm 2019", "ngày 01 ngày 10 năm 2021" (for
# "tháng"; legal_qa), "ngày 16/6 2025"
# (legal_docs, Quyết định 87/QĐ-UBND Lai Châu and 145/QĐ-UBND Thanh Hóa citing a decree and a law).
DAY_SPELLED = r"""
    (?:ngày|Ngày|NGÀY)\s+(?P<d1>\d{1,2})\s+(?:tháng|THÁNG|(?:năm|ngày)(?=\s+\d{1,2}\s+năm\s))\s+(?P<m1>\d{1,2})\s*,?\s+
    (?:năm|NĂM)\s+(?P<y1>\d{4})
"""
DAY_NUMERIC = r"""
    (?:(?:ngày|Ngày)\s+)?                          # "ngày" is optional before a numeric date
    (?<![\d/.-])(?P<d2>\d{1,2})\s?(?P<sep>[/.-])(?:(?<=/)/)?\s?(?P<m2>\d{1,2})\s?(?P=sep)\s?(?P<y2>\d{4})(?![\d/])  # "30//8/2017"
  | (?:ngày|Ngày)\x20(?P<d7>\d{1,2})/(?P<m7>\d{1,2})\x20(?P<y7>(?:19|20)\d{2})(?![\d/])   # "ngày 16/6 2025"
"""
# A run of months ends when its last month ends: "Tháng 11 - 12/2025" is due in December.
MONTH_RANGE = r"""
    (?:tháng|Tháng|THÁNG)\s+\d{1,2}\s*[-–]\s*(?P<m6>\d{1,2})\s*(?:/|\s(?:năm|NĂM)\s)\s*(?P<y6>\d{4})(?![\d/])
"""
MONTH = r"""
    (?:tháng|Tháng|THÁNG)\s+(?P<m3>\d{1,2})\s*(?:/|-|\s(?:năm|NĂM)\s)\s*(?P<y3>\d{4})(?![\d/])
"""
QUARTER = r"""
    (?:quý|Quý|QUÝ)\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|-|\s(?:năm|NĂM)\s)\s*(?P<y4>\d{4})(?![\d/])
"""
# A year alone counts only right after a deadline cue (see the module docstring).
YEAR_AFTER_CUE = r"""
    \b(?:trước|hết|chậm\ nhất(?:\ là)?(?:\ trong|\ vào)?|hoàn\ thành(?:\ trong|\ trước)?|muộn\ nhất|đến
       |(?:bảo\ đảm|đảm\ bảo|sớm|phải)\ (?:thông\ xe(?:\ kỹ\ thuật)?|bàn\ giao|khánh\ thành|khởi\ công)(?:\ trong)?
       # a completion asked for within a year, its object between ("hoàn thành đưa dự án vào vận hành trong năm
       # 2027": a Thông báo kết luận's direction); not a narrated, planned, promised or conditional one, nor a
       # target ("đã hoàn thành ...", "dự kiến hoàn thành ...", "thời gian hoàn thành tập trung chủ yếu trong năm
       # 2025", "cam kết hoàn thành các Dự án trong năm 2025", "nếu hoàn thành ...", "chỉ tiêu hoàn thành nhà ở xã
       # hội trong năm 2025"), nor where the year dates the object ("các nhiệm vụ được giao trong năm 2025")
       |(?<!đã\ )(?<!kiến\ )(?<!hoạch\ )(?<!gian\ )(?<!kết\ )(?<!nếu\ )(?<!tiêu\ )
        hoàn\ thành(?:\ (?!năm\b|trong\b|được\b|đề\ ra\b)[^\W\d]+){1,8}\ trong
       # "vào năm" only for a completion striven or ensured: "phấn đấu hoàn thành tuyến đường vào năm 2019", "đảm bảo
       # đúng tiến độ hoàn thành việc chuẩn hóa dữ liệu khách hàng vào năm 2018" (news, heldout47); "dự kiến sẽ hoàn
       # thành vào năm 2020" and "Dự án hoàn thành vào năm 2016" are a forecast and a past
       |(?:phấn\ đấu|phải|bảo\ đảm|đảm\ bảo|(?<!trễ\ )(?<!chậm\ )tiến\ độ)
        \ hoàn\ thành(?:\ (?!năm\b|trong\b|vào\b|được\b|đề\ ra\b)[^\W\d]+){0,8}\ vào)\s+
    (?P<year_phrase>(?:năm|Năm)\s+(?P<y5>\d{4}))(?![\d/-])  # the mention is the year phrase only
"""

DATE_PATTERN = re.compile(
    rf"(?:{DAY_SPELLED})|(?:{DAY_NUMERIC})|(?:{MONTH_RANGE})|(?:{MONTH})|(?:{QUARTER})|(?:{YEAR_AFTER_CUE})",
    re.VERBOSE,
)
_WHOLE_PHRASE = re.compile(
    rf"\s*(?:(?:{DAY_SPELLED})|(?:{DAY_NUMERIC})|(?:{MONTH_RANGE})|(?:{MONTH})|(?:{QUARTER}))\s*$", re.VERBOSE
)
_YEAR_PHRASE = re.compile(r"\s*(?:năm|Năm)?\s*(?P<y>\d{4})\s*$")
# A run of years alone ("Năm 2025 - 2026", "2025-2030" in a "Thời gian hoàn thành" cell) ends with its
# last year, as a run of months ends with its last month.
_YEAR_RANGE_PHRASE = re.compile(r"\s*(?:năm|Năm)?\s*(?P<y0>\d{4})\s*[-–]\s*(?P<y>\d{4})\s*$")

# A cue right before the date (only spaces between) that makes it a deadline.
_ADJACENT_DEADLINE_CUE = re.compile(
    r"""
    (?:trước|chậm\ nhất(?:\ là)?(?:\ vào)?(?:\ trong)?|hạn(?:\ chót)?(?:\ là)?|xong(?:\ trước)?(?:\ trong)?
       # a milestone asked for that year ("sớm bàn giao trong năm 2025", "bảo đảm thông xe kỹ thuật năm 2025": heldout4),
       # as "vào ngày" after a milestone is; not a narrated one ("Dự án khởi công năm 2023")
       |(?:bảo\ đảm|đảm\ bảo|sớm|phải)\ (?:thông\ xe(?:\ kỹ\ thuật)?|bàn\ giao|khánh\ thành|khởi\ công)(?:\ trong)?
       |đến\ hết|hết|muộn\ nhất|không\ quá|hoàn\ thành(?:\ trong|\ trước|\ vào)?|trong|kết\ thúc(?:\ vào)?
       |chậm\ nhất\ đến|thời\ (?:gian|hạn)\ hoàn\ thành\s*:)
    \s*(?:\d{1,2}\s*(?:giờ|h)\s*(?:\d{2}\s*(?:phút\s*)?)?,?\s*)?  # an hour first: "trước 17 giờ ngày 27/11/2025"
    (?:ngày\s*)?$
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A target right after the date ("Đến hết năm 2030, phấn đấu đạt được những mục tiêu sau", "đến năm 2030
# đạt 100% ...", "bảo đảm đến hết năm 2030, có ít nhất 50% đơn vị hành chính cấp xã ...", "đến năm 2027 có ít
# nhất từ 4-5 bác sĩ"): when an objective should be reached, not when anything is due (heldout5, heldout7
# conventions).
_TARGET_AFTER = re.compile(
    r"""\s*,?\s*(?:phấn\s+đấu|đạt(?:\s+được)?\s+(?:\d|ít\s+nhất|tối\s+thiểu|trên|từ|những|các|mục\s+tiêu)"""
    r"""|có\s+(?:\d|ít\s+nhất|tối\s+thiểu|trên\s+\d|từ\s+\d))""",
    re.IGNORECASE,
)
# A cut-off of figures, not a due date: "tính đến hết ngày 17/11/2025, Hệ thống 751 chỉ ghi nhận ...",
# "Dữ liệu tính đến ngày 07/11/2025", "(tính đến hết ngày 31/12/2025)".
# A projects' planned completion, not a task's due date: "đẩy nhanh tiến độ thi công các dự án cao tốc có kế hoạch
# hoàn thành năm 2025" (heldout4: the item is no dated task), "các công trình dự kiến hoàn thành trong năm 2026".
# A project's timetable, its start and its completion: "(thời gian khởi công 2008, hoàn thành năm 2015)" (news,
# heldout132); a work that "sẽ được hoàn thành năm 2018" (heldout138); a forecast with its subject between: "Dự kiến
# công trình chống ngập triều này sẽ hoàn thành trước ngày 30-4-2018" (news, heldout140).
# A plant's or a road's forecast milestone, its list of works sharing the verb: "Thủy điện Thác Mơ mở rộng sẽ đi vào vận
# hành trong tháng 7 tới, Thủy điện Sông Bung 2 (100 MW) trong tháng 8 và 9/2017, …", "tổ máy 2 … dự kiến phát điện
# thương mại trong tháng 12/2017" (news, heldout148): an event foreseen, no one's due date (a plan's "khởi công",
# "hoàn thành" stay due).
# What was once promised or done ("đã/cũng từng", "ever"; not "từng" for "each": "từng quý"): no due date now.
_ONCE_BEFORE = re.compile(
    r"(?<!\w)(?:đã|cũng|trước\s+đây)\s+từng(?!\w)(?!\s+bước)[^.;:!?\n]*$", re.IGNORECASE
)
_MILESTONE_WINDOW = 300
_MILESTONE_CUE = re.compile(
    r"(?<!\w)(?:dự\s+kiến|sẽ)\s+(?:được\s+)?(?:phát\s+điện|đi\s+vào\s+(?:vận\s+hành|hoạt\s+động|sử\s+dụng)|vận\s+hành"
    r"|hòa\s+lưới|hoà\s+lưới|khánh\s+thành|thông\s+xe|đưa\s+vào\s+(?:vận\s+hành|sử\s+dụng|khai\s+thác|hoạt\s+động))"
    r"(?!\w)[^.;:!?\n]*$",
    re.IGNORECASE,
)
_PLANNED_COMPLETION_CUE = re.compile(
    r"\b(?:(?:có\s+kế\s+hoạch|dự\s+kiến|sẽ\s+được)\s+"
    r"|(?<!\w)[Dd]ự\s+kiến(?:\s+[^\s,.;:]+){1,10}?\s+sẽ\s+(?:được\s+)?"
    r"|khởi\s+công(?:\s+(?:năm|vào|từ|trong))*\s+(?:tháng\s+\d{1,2}\s*[/-]\s*)?(?:19|20)\d{2}\s*[,;–-]\s*)"
    r"hoàn\s+thành(?:\s+(?:trong|trước|vào))?\s*(?:ngày\s*)?$",
    re.IGNORECASE,
)
# A year that opens a span of years: "sẽ hoàn thành trong năm 2018 đến 2020" (news, heldout80) is no due year.
_A_YEAR = re.compile(r"(?:[Nn]ăm\s+)?(?:19|20)\d{2}")
_YEAR_SPAN_AFTER = re.compile(r"\s*(?:đến|tới|-|–)\s*(?:năm\s+)?(?:19|20)\d{2}(?![\d/])")
# ... also estimated, and to the end of a month ("ước tính hết tháng 4/2017, tín dụng đã tăng khoảng 5,2%", news,
# heldout137); and the end of a fiscal or school year ("tài khóa 2017 (kết thúc vào tháng 3/2018)").
_AS_OF_CUE = re.compile(
    r"\btính\s+(?:(?:đến|tới)(?:\s+hết)?|hết)\s*(?:ngày\s*)?$"
    # an estimate's sentence: "Ước số giải ngân đến hết ngày 31/1/2017, lũy kế vốn …" (news, heldout138)
    r"|(?<!\w)[Ưư]ớc(?:\s+tính)?(?:\s+[^\s,.;:]+){0,6}?\s+(?:đến|tới)(?:\s+hết)?\s*(?:ngày\s*)?$"
    r"|\b(?:tài\s+khóa|tài\s+khoá|năm\s+tài\s+chính|năm\s+học|niên\s+khóa)[^.;()]{0,20}\(?\s*kết\s+thúc(?:\s+vào)?\s*$",
    re.IGNORECASE,
)
# "vào ngày 19 tháng 12 năm 2025" after a milestone of the same clause ("khánh thành", "khởi công", "tổ
# chức lễ"): the task is due that day (data/obligations.yaml ``target_date_milestones``); not after "đã".
_ON_DAY_CUE = re.compile(
    r"\bvào\s*(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{2}(?:\s*phút)?)?\s*(?:sáng|chiều|tối)?\s*,?\s*)?(?:ngày\s*)?$",
    re.IGNORECASE,
)
# "... sẽ chuyển đổi Hệ thống ... trong ngày 14/12/2025" (legal_qa, heldout26): on that day, as "vào ngày".
_IN_DAY_CUE = re.compile(r"\btrong\s*(?:ngày\s*)?$", re.IGNORECASE)
_MILESTONE = re.compile(
    rf"(?<!đã\s)(?<!đã\sđược\s)(?<!đã\snhận\s)\b(?:{'|'.join(load_yaml('obligations')['target_date_milestones'])})\b",
    re.IGNORECASE,
)
_MILESTONE_WINDOW = 300
# The end of a span whose start is a date ("từ ngày 01/7/2024 đến hết ngày 31/12/2024", "kể từ ngày 1/3/2025
# đến hết ngày 28/2/2027"): when a rule or a window stops applying, no due date (unless the clause says "Thời
# hạn hoàn thành: Từ ngày ... đến ngày ..."). "từ nay đến hết năm 2025" has no start date: the task is due.
_DATED_SPAN_END = re.compile(
    r"\btừ\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s+(?:đến|tới)(?:\s+(?:hết|trước))?\s*(?:ngày\s*)?$"
    r"|\btừ\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\s+(?:đến|tới)(?:\s+(?:hết|trước))?\s*(?:ngày\s*)?$",
    re.IGNORECASE,
)
# A date in the condition of "Trường hợp ... trước ngày 01/8/2024 ... thì ...": what happened before it, not
# what is due by it.
_CONDITION_OPENING = re.compile(r"\b(?:trường\s+hợp|nếu)\b(?![^.;\n]*\bthì\b)[^.;\n]*$", re.IGNORECASE)
_CONSEQUENCE = re.compile(r"[^.;\n]*?\bthì\b", re.IGNORECASE)
_CONDITION_WINDOW = 250
_ADJACENT_START_CUE = re.compile(r"\b(?:từ|kể\s+từ|bắt\s+đầu(?:\s+từ)?)\s*(?:ngày\s*)?$", re.IGNORECASE)
# A cue earlier in the same clause ("Thời hạn hoàn thành: 30/6/2025", "hoàn thành báo cáo trước 15/12").
# A due date's label too: "Hạn nhận hồ sơ: ngày 20/3/2025", "Hạn cuối nộp báo cáo: ..." (legal_qa, heldout98); not
# "gia hạn nộp" (an extension) nor "hạn chế".
_CLAUSE_DEADLINE_CUE = re.compile(
    r"(?:thời\s+hạn|hạn\s+chót|chậm\s+nhất|hoàn\s+thành\s+trước|thời\s+gian\s+hoàn\s+thành"
    r"|(?<![Gg]ia\s)(?<!\w)[Hh]ạn(?:\s+(?:cuối|chót))?\s+(?:nộp|nhận|gửi|đăng\s+ký|báo\s+cáo)\b[^:\n]{0,40}:)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;\n]")
# A validity period ("Nghị định này có hiệu lực thi hành từ ngày 01/7/2024 đến hết ngày 31/12/2024", "bảng
# giá đất ... được áp dụng đến hết ngày 31/12/2025", "tiếp tục áp dụng bảng giá đất ... cho đến hết năm 2025"):
# its end is when a rule lapses, not when anything is due.
# So is how long something lasts: "Việc kiểm tra công vụ này sẽ kéo dài đến hết tháng 3-2017" (news, heldout49).
# A web copy may glue the year to it: "từ ngày 15 tháng 8 năm 2022đến hết ngày 31 tháng 12 năm 2023" (heldout94).
_VALIDITY_WINDOW = 250
_VALIDITY_SPAN_END = re.compile(
    r"(?:hiệu\s+lực|áp\s+dụng|kéo\s+dài)\b.*(?:\b|(?<=\d))đến\s+hết\s*(?:ngày\s*)?$",
    re.IGNORECASE | re.DOTALL,
)
# A clause that is only a span ("Thời gian thực hiện:\nTừ nay đến hết năm 2025."): the period of the
# work, whose end is no deadline unless the clause says the work is due then ("Thời hạn ...").
# A task with a span inside ("Xây dựng kịch bản ... từ nay đến hết năm 2025") keeps its deadline.
_SPAN_OPENING = re.compile(
    r"^\W*(?:\w{1,2}[.)]\s*)?(?:thời\s+gian[^:]{0,25}:\s*)?từ\s+(?:nay|bây\s+giờ|ngày|tháng|quý|năm)\b",
    re.IGNORECASE,
)
# The document's own place-and-date line: "Quận 1, ngày 3 tháng 5 năm 2023" (a capitalised place, a comma).
_PLACE_BEFORE = re.compile(r"(?:^|\s)[A-ZĐÀ-Ỹ][\wÀ-ỹ.]*(?:\s[\wÀ-ỹ.]+){0,5},\s*$")
_ISSUED_SEARCH_LIMIT = 1500  # the header: the place-and-date line is in the first lines

_ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _valid(year: int, month: int, day: int | None = None) -> bool:
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        return False
    try:
        datetime.date(year, month, 1 if day is None else day)
    except ValueError:
        return False  # "31/02/2025" is a typo or an OCR error, not a date
    return True


def _parse_match(match: re.Match[str]) -> tuple[str, Precision] | None:
    """ISO value and precision of one ``DATE_PATTERN`` match, or None when it is not a real date."""
    groups = match.groupdict()
    for day_key, month_key, year_key in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d7", "m7", "y7")):
        if groups.get(day_key):
            day, month, year = int(groups[day_key]), int(groups[month_key]), int(groups[year_key])
            return (f"{year:04d}-{month:02d}-{day:02d}", "day") if _valid(year, month, day) else None
    if groups.get("m3") or groups.get("m6"):
        month, year = (
            (int(groups["m3"]), int(groups["y3"]))
            if groups.get("m3")
            else (int(groups["m6"]), int(groups["y6"]))
        )
        return (f"{year:04d}-{month:02d}", "month") if _valid(year, month) else None
    if groups.get("q"):
        quarter_text = groups["q"].upper()
        quarter = _ROMAN_QUARTERS.get(quarter_text) or int(quarter_text)
        year = int(groups["y4"])
        return (f"{year:04d}-{quarter * 3:02d}", "quarter") if _valid(year, 1) else None
    if groups.get("y5"):
        year = int(groups["y5"])
        return (f"{year:04d}", "year") if _valid(year, 1) else None
    return None


def parse_date(s: str) -> tuple[str, str] | None:
    """Parse one date phrase (``"ngày 10/11/2024"``, ``"tháng 12/2025"``, ``"Quý IV/2025"``, ``"năm 2025"``).

    Returns ``(iso, precision)``, e.g. ``("2025-12", "quarter")``, or None when ``s`` holds no
    date. A phrase with words around its date ("Trước ngày 30/6/2025", "hoàn thành trước năm 2026")
    gives its first date. Used by the obligations extractor on the deadline cut out of a clause.
    """
    phrase = unicodedata.normalize("NFC", s)
    whole = _WHOLE_PHRASE.match(phrase)
    if whole:
        return _parse_match(whole)
    year_only = _YEAR_PHRASE.match(phrase) or _YEAR_RANGE_PHRASE.match(phrase)
    if (
        year_only
        and _valid(int(year_only["y"]), 1)
        and int(year_only.groupdict().get("y0") or 0) <= int(year_only["y"])
    ):
        return year_only["y"], "year"
    inner = DATE_PATTERN.search(phrase)
    return _parse_match(inner) if inner else None


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)


# A past act dated by the cue is a condition, not a task: "hộ gia đình, cá nhân đã xây dựng và sử dụng
# trước ngày 1/7/2006" (news, heldout19). "đã được giao ... hoàn thành trước ngày" is an assignment: kept.
_PAST_ACT_BEFORE = re.compile(r"\bđã\s+(?!được\b)(?:[^\s,;.]+\s+){0,8}?trước\s+(?:ngày\s+)?$")
# ... and so is a wish: "tham vọng chính sách mà đảng này muốn đạt được trước năm 2018" (news, heldout154)
# (not a duty after the wish: "Các đơn vị muốn đăng ký phải nộp hồ sơ trước ngày 30/6/2025")
_WISHED_BEFORE = re.compile(
    r"(?<!\w)(?:mong\s+)?muốn\s+(?:(?!(?:phải|cần|có\s+trách\s+nhiệm)\b)[^\s,;.]+\s+){0,6}?trước\s+(?:ngày\s+|năm\s+)?$"
)
# A date that labels which rules apply before it: "Trước ngày 01/01/2024: thực hiện theo Điều 7 Thông tư ..."
_REGIME_AFTER = re.compile(r"\s*:\s*(?:thực\s+hiện|áp\s+dụng)\s+theo\b")


# Documents described by when they were signed or issued: "có ít nhất 7 quyết định ký trước ngày 23/11/2016 nhưng
# đã sử dụng mẫu con dấu mới" (news, heldout24), "các văn bản được ban hành trước ngày 01/7/2025".
_ISSUED_BEFORE = re.compile(
    r"\b(?:quyết\s+định|văn\s+bản|hợp\s+đồng|công\s+văn|giấy\s+phép|giấy\s+chứng\s+nhận)(?:\s+[^\s,;.]+){0,2}?"
    r"\s+(?:được\s+|đã\s+)?(?:ký|ban\s+hành|cấp)\s+trước\s+(?:ngày\s+)?$",
    re.IGNORECASE,
)
# Figures at a date that opens the sentence: "Đến hết tháng 5/2017, tổng số tàu cá đã và đang đóng mới ... là 967
# tàu" (news, heldout47), "Đến hết năm 2024, toàn tỉnh đã có ...": a tally, not what is due then.
# ... also after a connective: "Tuy nhiên, đến hết năm 2016, ba chương trình tín dụng nêu trên đã hết hiệu lực" (news,
# heldout156)
_TALLY_OPENING = re.compile(
    r"(?:^|[.;:!?\n]\s*)(?:[-–•*+]\s*)?(?:(?:Tuy\s+nhiên|Nhưng|Song|Thế\s+nhưng|Trong\s+khi\s+đó)\s*,\s*(?=đ))?"
    r"[Đđ]ến(?:\s+hết)?\s*(?:ngày\s*)?$"
)
_TALLY_AFTER = re.compile(r"\s*,\s*(?:tổng\s+số\b|[^.;:\n]{0,80}?\bđã\s+(?!được\s+giao\b))", re.IGNORECASE)
# ... or what a debt or a case counts as by a cut-off: "nợ trước 31/12/2016 được xác định là nợ xấu" (news, heldout156)
_DEFINED_AFTER = re.compile(
    r"\s*,?\s*(?:thì\s+)?(?:được|bị)\s+(?:xác\s+định|coi|xem|hiểu|tính)\s+(?:là|như)(?!\w)"
)
# ... or a figure reached by then: "tổng số than cấp cho quá trình chạy thử đến hết ngày 22/9/2012 lên tới hơn 371 nghìn
# tấn" (news, heldout153)
_AMOUNT_REACHED_AFTER = re.compile(
    r"\s*,?\s*(?:đã\s+)?lên\s+(?:tới|đến)\s+(?:hơn\s+|gần\s+|khoảng\s+|trên\s+)?\d", re.IGNORECASE
)
# Years counted before another: "tiền thuê đất còn nợ của các năm trước năm 2024" (legal_qa, heldout23).
_YEARS_BEFORE = re.compile(r"\b(?:các|những)\s+năm\s+trước\s+$")


# A figure measured in a period: "Lượng đơn đặt hàng … trong tháng 12/2016 đạt mức tăng mạnh", "tăng trưởng … trong quý
# I/2017 sẽ đạt 0,6%" (news, heldout99): after a bare "trong" (no task verb before it) the period of a statistic, no
# due date ("hoàn thành trong tháng 12" stays due).
_BARE_IN_BEFORE = re.compile(r"(?<!\w)(?<!hoàn\sthành\s)(?<!xong\s)trong\s*$", re.IGNORECASE)
_MEASURED_AFTER = re.compile(
    r"\s*,?\s*(?:(?:đã|sẽ|chỉ|cũng|vẫn)\s+)?(?:được\s+điều\s+chỉnh\s+)?(?:đạt|tăng|giảm|ghi\s+nhận|lên\s+mức|xuống\s+mức)(?!\w)",
    re.IGNORECASE,
)


# ... or measured right before it: "chỉ số lòng tin ... đều tăng trong tháng 1/2017" (not "tăng cường", "giảm thiểu").
_MEASURED_BEFORE = re.compile(
    # (a firm's profit or loss: "ACV lãi hơn 2.000 tỷ đồng trong quý IV/2016", news, heldout149)
    r"(?<!\w)(?:tăng(?!\s+cường)|giảm(?!\s+thiểu)|đạt|ghi\s+nhận"
    r"|(?:lãi|lỗ)(?:\s+(?:hơn|gần|trên|khoảng|ròng))*(?=\s+\d))(?:\s+(?:\d[\d.,]*\d|[^\s.;:,]+)){0,3}\s+trong\s*$",
    re.IGNORECASE,
)


_JUST_PAST_AFTER = re.compile(r"\s+vừa\s+qua(?!\w)", re.IGNORECASE)
_PAST_STATE_AFTER = re.compile(r"\s*,?\s*(?:mà\s+)?(?:đã|chưa|từng)(?!\w)", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"(?<!\w)từ\s+trước\s*(?:ngày\s*|năm\s*)?$", re.IGNORECASE)


# ... or with its subject first: "Trong tháng 1/2017, dự trữ ngoại hối Trung Quốc bất ngờ rớt mốc 3 ngàn tỷ USD" (news,
# heldout147), "Với GEX, trong quý IV/2016, doanh nghiệp này đạt 75 tỷ đồng lợi nhuận" (heldout149): a market's or a
# figure's move in the period, no due date.
_MOVED_AFTER = re.compile(
    r"\s*,\s*[^.;:\n]{0,80}?(?<!\w)(?:bất\s+ngờ|sụt\s+giảm|sụt|rớt|lao\s+dốc|tăng\s+vọt|tăng\s+mạnh|giảm\s+mạnh"
    r"|đạt\s+(?:mức|mốc|gần|hơn|trên|\d[\d.,]*)|lãi(?!\s+suất)|lỗ(?!\s+(?:hổng|khoan))|ghi\s+nhận)(?!\w)",
    re.IGNORECASE,
)


def _is_deadline(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 80) : start]
    if _TARGET_AFTER.match(text, end):
        return False
    if _BARE_IN_BEFORE.search(before) and (
        # "trong tháng 1/2017, qua công tác TTKS, lực lượng CSGT toàn quốc đã phát hiện 16.122 trường hợp" (news,
        # heldout143): a tally of the period, as after "Đến ngày …"
        _MEASURED_AFTER.match(text, end)
        or _MEASURED_BEFORE.search(before)
        or _TALLY_AFTER.match(text, end)
        or _MOVED_AFTER.match(text, end)
    ):
        return False
    if _JUST_PAST_AFTER.match(text, end):
        return False  # "trong tháng 5/2017 vừa qua": the month just gone (news)
    if _PAST_STATE_AFTER.match(text, end):
        # "… mà trước ngày 1-1-2007 đã có thời gian đóng bảo hiểm xã hội" (news, heldout128), "trước ngày 01/7/2014
        # mà chưa …" (legal_qa): what was or was not so by a cut-off, a condition, not a due date
        return False
    if _SINCE_BEFORE.search(before):
        return False  # "được người dân phát hiện từ trước năm 2006" (news, heldout101): since before, no due date
    if _YEAR_SPAN_AFTER.match(text, end) and _A_YEAR.fullmatch(text, start, end):
        return False
    if (
        (_TALLY_OPENING.search(before) and _TALLY_AFTER.match(text, end))
        or _AMOUNT_REACHED_AFTER.match(text, end)
        or _DEFINED_AFTER.match(text, end)
    ):
        return False
    if (
        _PAST_ACT_BEFORE.search(before)
        or _WISHED_BEFORE.search(before)
        or _REGIME_AFTER.match(text, end)
        or _YEARS_BEFORE.search(before)
    ):
        return False
    if _ISSUED_BEFORE.search(before):
        return False
    if _PLANNED_COMPLETION_CUE.search(before):
        return False
    if _MILESTONE_CUE.search(text, max(0, start - _MILESTONE_WINDOW), start):
        return False
    if _ONCE_BEFORE.search(before):
        return False  # "chủ đầu tư cũng từng có văn bản cam kết sẽ bàn giao … vào tháng 3-2016" (news, heldout150)
    if _ADJACENT_START_CUE.search(before) or _AS_OF_CUE.search(before):
        return False  # "Từ ngày 01/01/2026 đến ngày 31/3/2026": the start of a span is not due
    clause = _CLAUSE_BREAK.split(before)[-1]
    if _DATED_SPAN_END.search(before) and not _CLAUSE_DEADLINE_CUE.search(clause):
        return False
    if _CONDITION_OPENING.search(text, max(0, start - _CONDITION_WINDOW), start) and _CONSEQUENCE.match(
        text, end, end + _CONDITION_WINDOW
    ):
        return False
    in_day = _IN_DAY_CUE.search(before) and text.startswith(("ngày", "Ngày"), start)
    if (_ON_DAY_CUE.search(before) and not _ADJACENT_DEADLINE_CUE.search(before)) or in_day:
        whole_clause = _CLAUSE_BREAK.split(text[max(0, start - _MILESTONE_WINDOW) : start])[-1]
        return bool(_MILESTONE.search(whole_clause) or _CLAUSE_DEADLINE_CUE.search(clause))
    if _VALIDITY_SPAN_END.search(clause):
        return False
    # the validity cue may stand further back than the 80 characters read above, in the same clause: "kéo dài thời hạn
    # áp dụng toàn bộ quy định của Nghị quyết 42/2017/QH14 từ ngày 15/8/2022 đến hết ngày 31/12/2023" (heldout94)
    # ("tổng hợp gửi về Ban chỉ đạo … thời hạn đến hết ngày 10 tháng 8 năm 2025": a time limit right before it is due)
    wide_clause = _CLAUSE_BREAK.split(text[max(0, start - _VALIDITY_WINDOW) : start])[-1]
    if _VALIDITY_SPAN_END.search(wide_clause) and not _CLAUSE_DEADLINE_CUE.search(clause):
        return False
    if _ADJACENT_DEADLINE_CUE.search(before):
        return not _SPAN_OPENING.search(clause) or bool(_CLAUSE_DEADLINE_CUE.search(clause))
    return bool(_CLAUSE_DEADLINE_CUE.search(clause))


def _is_issued_line(text: str, start: int, end: int, precision: str) -> bool:
    """True for the place-and-date line of the header ("Quận 1, ngày 3 tháng 5 năm 2023")."""
    if precision != "day" or start > _ISSUED_SEARCH_LIMIT:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    rest_of_line = text[end : line_end if line_end >= 0 else len(text)]
    # the line ends with the date: "Theo đó, ngày 17/6/2025, Ủy ban ..." is a sentence, not the header line
    return not rest_of_line.strip(" .") and bool(_PLACE_BEFORE.search(text[line_start:start]))


def _role(text: str, start: int, end: int, cited_spans: Sequence[tuple[int, int]]) -> DateRole:
    if _inside(start, end, cited_spans):
        return "cited"
    if _is_deadline(text, start, end):
        return "deadline"
    return "event"


def extract_dates(text: str, cited_spans: Sequence[tuple[int, int]] = ()) -> list[DateMention]:
    """Every date mention in ``text`` in reading order, with ISO value, precision and role.

    ``cited_spans`` are the (start, end) spans of citations (from ``extract_citations``); a date
    inside one has the role ``cited``. At most one date, the first place-and-date line of the
    header, gets the role ``issued``.
    """
    mentions: list[DateMention] = []
    issued_taken = False
    for match in DATE_PATTERN.finditer(text):
        parsed = _parse_match(match)
        if parsed is None:
            continue
        iso, precision = parsed
        start, end = match.span("year_phrase") if match["year_phrase"] else match.span()
        if (
            not issued_taken
            and _is_issued_line(text, start, end, precision)
            and not _inside(start, end, cited_spans)
        ):
            role: DateRole = "issued"
            issued_taken = True
        else:
            role = _role(text, start, end, cited_spans)
        mentions.append(DateMention(iso, precision, text[start:end], role, start, end))
    return _historical_cut_offs_are_events(mentions, text, cited_spans)


# A "deadline" this many years before the latest day the text dates, or the latest year of a document it cites
# by a symbol with its year ("30/2024/TT-BGDĐT"), is a historical cut-off, not a due date: "nhà đất ... trước ngày
# 01 tháng 7 năm 1991", "sử dụng đất ổn định trước ngày 15/10/1993" (legal_qa, heldout31), "hoạt động cách mạng
# trước ngày 01 tháng 01 năm 1945" (heldout35). Days the text dates are in its past or near future; a plan's
# horizon ("tầm nhìn đến năm 2050", also in a cited title) has year precision and is not used.
_CUT_OFF_YEARS = 10
_SYMBOL_YEAR = re.compile(r"\d/((?:19|20)\d\d)/[^\W\d_]")


def _historical_cut_offs_are_events(
    mentions: list[DateMention], text: str = "", cited_spans: Sequence[tuple[int, int]] = ()
) -> list[DateMention]:
    years = [int(m.date[:4]) for m in mentions if m.role != "deadline" and m.precision == "day"]
    years += [int(y) for start, end in cited_spans for y in _SYMBOL_YEAR.findall(text, start, end)]
    latest = max(years, default=0)
    for mention in mentions:
        if mention.role == "deadline" and int(mention.date[:4]) < latest - _CUT_OFF_YEARS:
            mention.role = "event"
    return mentions
