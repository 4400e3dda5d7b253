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
from extractors.issuers import cut_issuer, drop_signer_name

# "16/6/2025", "16-9-2016" (the press), "16 tháng 6 năm 2025"
_DATE = r"\d{1,2}\s*(?P<sep>[/-])\s*\d{1,2}\s*(?P=sep)\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_ANNOUNCED = re.compile(
    rf"""(?:^|[.;:,]\s+|\n|\d\.\s+)          # the clause opens (a list item "2. " too; after a comma, heldout35)
        (?:(?:Sáng|Chiều|Trưa|Tối)\s+)?[Nn]gày\s+(?P<date>{_DATE}),?\s+    # "Ngày 16/6/2025, ", "Sáng ngày ...", the comma may be left out
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
_WINDOW = 200
_ACRONYM = re.compile(r"\s*\([A-ZĐ&]{2,10}\)")


def announced_before(text: str, start: int) -> tuple[str | None, str | None]:
    """(ISO date, body) of the "Ngày ..., <body> ban hành" opening that ends at ``start``, or Nones."""
    before = text[max(0, start - _WINDOW) : start]
    found = _ANNOUNCED.search(before)  # anchored at the end: the opening ends where the citation starts
    if found is None:
        return None, None
    parsed = parse_date("ngày " + found["date"])
    # "Phó Chủ tịch UBND Thành phố Nguyễn Trọng Đông"; "Bảo hiểm xã hội (BHXH) Thành phố ...": no acronym
    body = drop_signer_name(_ACRONYM.sub("", found["body"]).strip())
    name = cut_issuer(body, 0)
    # only a body's name and nothing else: "Quốc hội", not "đoàn công tác của tỉnh"
    return (parsed[0] if parsed and parsed[1] == "day" else None), (
        body if name and name[0] == body else None
    )
