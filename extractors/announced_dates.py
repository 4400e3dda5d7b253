"""The date of a cited document given before it: "Ngày 16/6/2025, Quốc hội đã thông qua Luật ... số 72/2025/QH15".

News-style openings name the date, then the body and its issuing verb, then the document; the date
after the number, where the citation reader looks, is then missing. Only a date that opens the
clause and an issuing verb right before the citation count: "Ngày 21/11/2025, Bộ Nội vụ đã ban hành
Công văn 10988/BNV-CQĐP" (legal_docs, 60 such openings). The legislature's session and term may sit
between them: "Ngày 29/11/2024, tại kỳ họp thứ 8, Quốc hội khóa XV đã thông qua Luật số 56/2024/QH15".
"""

from __future__ import annotations

import re

from extractors.dates import parse_date
from extractors.issuers import BODY_HEADS, cut_issuer, drop_signer_name

# "16/6/2025", "16-9-2016", "4.1.2017" (the press), "16 tháng 6 năm 2025"
_DATE = r"\d{1,2}\s*(?P<sep>[/.-])\s*\d{1,2}\s*(?P=sep)\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_ANNOUNCED = re.compile(
    rf"""(?:^|[.;:,]\s+|\n|\d\.\s+|\s(?=Ngày\s)|(?<!\w)và\s+(?=ngày\s))  # the clause opens (a list item "2. " too;
                                    # after a comma, heldout35; a capital "Ngày" after a photo's caption with no stop,
                                    # heldout139; "… đề nghị Bộ Tài chính hướng dẫn và ngày 25/4/2017, Bộ Tài chính đã
                                    # có Công văn số 5396/BTC-TCT", news, heldout147)
        (?:(?:Sáng|Chiều|Trưa|Tối|Đến|Tới|Vào)\s+)?[Nn]gày\s+(?P<date>{_DATE}),?\s+    # "Ngày 16/6/2025, ", "Sáng ngày ...", "Đến ngày 9.1.2017, "
        (?:tại\s+[Kk]ỳ\s+họp\s+thứ\s+[\wÀ-ỹ]+,?\s+)?   # the session: "tại kỳ họp thứ 8, Quốc hội ..."
        (?:thừa\s+(?:ủy|uỷ)\s+quyền\s+[^,.;:\n]{{2,60}},\s+)?  # "thừa ủy quyền của Thủ tướng Chính phủ, Phó Thủ tướng ..."
        (?P<body>Ban\s+[Cc]hỉ\s+đạo[^.;:\n]{{2,160}}?|(?:T[Pp]\.|[^,.;:\n]){{2,80}}?
            |(?:[^,.;:\n]{{2,60}}?,\s+){{1,3}}[^,.;:\n]{{2,80}}?)\s+  # the signers of a joint circular, listed
                                    # "Quốc hội", "Sở Xây dựng TP.Hà Nội"; a steering committee
                                    # named by its purpose, commas in the name ("Ban Chỉ đạo ... khoa học, công nghệ")
        (?:(?:khóa|khoá)\s+[IVXLC]+\s+)?   # its term: "Quốc hội khóa XV"
        (?:(?:đã|vừa|mới|lại)\s+)?(?:thông\s+qua|ban\s+hành|ký\s+ban\s+hành|ký|có|ra)\s+$   # its verb ("đã có Công văn ...")
    """,
    re.VERBOSE,
)
# Without a date, the body that opens the clause and has just issued the document: "Cục Thuế đã có công văn số
# 5106/CT-CS ngày 12/11/2025 …" (legal_docs, heldout86), "UBND tỉnh đã ban hành Kế hoạch số …". Only with "đã",
# "vừa" or "mới" ("Cục Thuế có ý kiến …" issues nothing), and only a body's name between the clause's opening (a
# comma too: "Liên quan đến vướng mắc …, Cục Thuế đã có công văn số …") and the verb.
_SUBJECT_BEFORE = re.compile(
    r"""(?:^|[.;:,]\s+|\n)
        (?P<body>(?:T[Pp]\.|[^,.;:\n]){2,80}?)\s+
        (?:cho\s+biết\s+(?:chỉ\s+)?(?:(?:đã|vừa|mới)\s+)?(?:ban\s+hành|có)   # "Tổng cục Hải quan cho biết chỉ ban hành …"
          |(?:(?:cũng|lại|trước\s+đó|sau\s+đó)\s+)?(?:(?:đã|vừa|mới)\s+){1,2}(?:ban\s+hành|có)
          |(?:(?:đã|vừa)\s+)?ra)\s+$       # a court's judgment: "TAND tỉnh Hậu Giang ra bản án số 13/2015/HC-ST"
    """,
    re.VERBOSE,
)
_CITY_ABBREVIATION_BEFORE = re.compile(r"(?<!\w)(?:TP|Tp|T\.P)\.\s*$")
# The first word of a body's name or of an office's title: "Cục Thuế", "Ngân hàng Nhà nước", "Thủ tướng", "Trưởng Ban …".
_SUBJECT_FIRST_WORDS = frozenset(
    {word.split()[0].lower() for word in BODY_HEADS}
    | {"thủ", "trưởng", "chủ", "giám", "thống", "ủy", "ubnd", "hđnd", "tand", "vksnd"}
)
# A body by its acronym ("NHNN đã ban hành Công văn số 55/NHNN-TD", legal_docs), not a news agency's byline.
_PRESS = frozenset({"TTXVN", "VOV", "VTV", "VNA", "AFP", "PV", "CTV", "TTO", "VNE"})
# A comma inside a ministry's name is no clause's opening: "Bộ Văn hóa, Thể thao và Du lịch đã ban hành …".
_NAME_BEFORE_COMMA = re.compile(r"(?:Bộ|Sở|Ban|Ủy\s+ban|Cục|Vụ|Hội)(?:\s+[\wÀ-ỹ]+){1,3},\s*$")
_WINDOW = 200
_ACRONYM = re.compile(r"\s*\([A-ZĐ&]{2,10}\)")


def announced_before(text: str, start: int) -> tuple[str | None, str | None]:
    """(ISO date, body) of the "Ngày ..., <body> ban hành" opening that ends at ``start``, or Nones."""
    before = text[max(0, start - _WINDOW) : start]
    found = _ANNOUNCED.search(before)  # anchored at the end: the opening ends where the citation starts
    if found is None:
        found = _SUBJECT_BEFORE.search(before)
        if found is None or not found["body"][:1].isupper():
            return None, None  # "ngày 6/2 Bộ Giáo dục …": a date, no body, opens it
        if _NAME_BEFORE_COMMA.search(before, 0, found.start("body")) or _CITY_ABBREVIATION_BEFORE.search(
            before, 0, found.start("body")
        ):
            return None, None  # "UBND TP. Hà Nội đã có …": "Hà Nội" is no body of its own
        words = found["body"].split()
        acronym = len(words) == 1 and words[0].isupper() and len(words[0]) >= 3 and words[0] not in _PRESS
        if not acronym and (len(words) < 2 or words[0].lower() not in _SUBJECT_FIRST_WORDS):
            return None, None  # "Bộ đã có …" names none; "TTXVN Thống đốc …" is a byline before the body
        return None, _body_name(found["body"])
    parsed = parse_date("ngày " + found["date"])
    return (parsed[0] if parsed and parsed[1] == "day" else None), _body_name(found["body"])


def _body_name(written: str) -> str | None:
    """The body as written when it is a body's name and nothing else: "Quốc hội", not "đoàn công tác của tỉnh"."""
    # "Phó Chủ tịch UBND Thành phố Nguyễn Trọng Đông"; "Bảo hiểm xã hội (BHXH) Thành phố ...": no acronym
    body = drop_signer_name(_ACRONYM.sub("", written).strip())
    name = cut_issuer(body, 0)
    return body if name and name[0] == body else None
