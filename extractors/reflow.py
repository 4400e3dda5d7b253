"""Join the lines of a sentence that a scan broke, without moving a single offset.

The OCR reader joins the wrapped lines of a paragraph, but not always: a sentence goes on across a
page break (a blank line, maybe a page number, between its halves), and a line that starts with a
number or a bracket ("... Nghị định số" / "58/2023/NĐ-CP", "... cấp tỉnh" / "(PAPI) tại ...") is
left alone; old OCR text layers and ``.txt`` exports of scans are wrapped on every line. The
extractors read a paragraph as a line (an obligation is a sentence of a paragraph, a citation's
issuer ends at a line break), so each such break cut a task in two or an issuer short.

:func:`reflow` returns a copy of the text of the *same length* in which every break that sits
inside a sentence, and a page-number line between two halves of one, is replaced by spaces: every
offset into the copy is an offset into the original. A break is inside a sentence when the line
before it does not end a sentence (``.!?``), is not an all-capitals header or title line, and
either the next line starts in lower case, or the line before is a body line (not a short heading
or table cell) that does not end a clause (``;:``) and the next line goes on with a number, a
bracket, or, after a dash or a word that cannot end a sentence ("của", "số", "Ủy ban nhân dân"),
a capital. The words are data
(``data/reflow.yaml``). A list item, heading or bullet never joins the line before it.
"""

from __future__ import annotations

import re

from extractors.flat_tables import flat_table_spans
from extractors.lexicon import load_yaml

_DATA = load_yaml("reflow")
_CONTINUATION_WORDS = frozenset(_DATA["continuation_words"])
_MIN_WRAPPED_LINE = int(_DATA["min_wrapped_line_chars"])
_MIN_WRAPPED_HEADING = int(_DATA["min_wrapped_heading_chars"])
_CELL_SEPARATOR = " | "  # how the readers join a table row's cells (pipeline/table_rows.py)


def _ends_with_one_of(phrases: list[str]) -> re.Pattern[str]:
    """A pattern for a line that ends in one of ``phrases`` as whole words (longest first)."""
    alternation = "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?:{alternation})$")


# The line ends in a body's bare head ("của Ủy ban nhân dân") or a bare level ("... tỉnh"): a name follows.
_AWAITS_NAME = _ends_with_one_of(_DATA["bare_name_heads"])
_AWAITS_PLACE = _ends_with_one_of(_DATA["name_awaiting_levels"])
_LEVELS = "|".join(re.escape(level) for level in sorted(_DATA["name_awaiting_levels"], key=len, reverse=True))
# A place name cut after its first syllable, and the line that ends it: most unit names have two
# syllables ("Cần Thơ", "Lai Châu"), and what follows the name is a subject or a clause's end.
_PLACE_BEGUN = re.compile(
    rf"""(?:^|\s)(?:{_LEVELS})\s+(?P<word>[^\W\d_]+)$   # "... thành phố Cần" (the word capitalised)
    """,
    re.VERBOSE,
)
_PLACE_ENDED = re.compile(
    r"""^[^\W\d_]+                                     # "Thơ" (capitalised: checked by the caller)
        (?:[,;.:)]|\s+(?:về|ban\s+hành|tại|và|theo)\b)  # then a clause's end or a subject: "Thơ về"
    """,
    re.VERBOSE,
)
_ENDS_CLAUSE = re.compile(r"""[.;:!?…]["”’)]*$""")
_ENDS_SENTENCE = re.compile(r"""[.!?…]["”’)]*$""")
# A line that opens a heading, a list item or a bullet: it starts something new.
_OPENS_ITEM = re.compile(
    r"""^(?:[IVXLC]{1,6}[.)]             # I.  II)
        |\d{1,2}(?:\.\d{1,2})*[.)/]     # 1.  1.2.  3)  1/   (not "2025. ..." nor "58/2023/...")
           (?![\d/])
        |[a-zđ][.)](?=\s)                # a)  đ.
        |[-+•–*·](?=\s)                  # bullets
        |Điều\s+\d{1,3}[a-z]?[.:]          # Điều 1.  (not "Điều 138 Luật ..." wrapped mid-sentence)
        )""",
    re.VERBOSE,
)
# A numbered or lettered heading ("2. Sở Nội vụ", "a) Về các dự án"), bullets left out.
_NUMBERED_HEADING = re.compile(
    r"""^(?:[IVXLC]{1,6}[.)]                    # II.
        |\d{1,2}(?:\.\d{1,2})*[.)/](?![\d/])     # 2.  2.1.  3)
        |[a-zđ][.)](?=\s)                       # a)
        )""",
    re.VERBOSE,
)
# The second year of a range wrapped onto its own line: "- 2025; ..." after "nhiệm kỳ 2020".
_RANGE_END = re.compile(r"""^[-–]\s*\d{4}\b  # dash, then a year""", re.VERBOSE)
# A line that is a number only: a table's score cell ("20", "5.2"), not the end of a sentence.
_LONE_NUMBER = re.compile(r"""^\d+(?:[.,]\d+)*%?$  # 20  5.2  100%""", re.VERBOSE)
# A page number alone on its line ("2", "- 2 -", "Trang 2", "2/11") between blank lines.
_PAGE_NUMBER = re.compile(
    r"""^[-–\s]*(?:Trang\s+)?     # "- 2 -", "Trang 2"
        \d{1,3}(?:\s*/\s*\d{1,3})?  # "2", "2/11"
        [-–\s]*$""",
    re.IGNORECASE | re.VERBOSE,
)


# A person's name ending a wrapped body line, and the office in apposition after a dash on the next:
# "Nguyễn Hòa Bình" / "- Trưởng ban Ban chỉ đạo ..." is one sentence, not a bullet (scans of 230/CĐ-TTg).
_NAME_AT_END = re.compile(
    r"(?:^|\s)(?:"
    + "|".join(sorted({n.split()[0] for n in load_yaml("surnames")["surnames"]}, key=len, reverse=True))
    + r")(?:\s+[A-ZĐ][^\W\d_]*){1,3}$"
)
_TITLE_AFTER_DASH = re.compile(
    r"[-–]\s+(?:"
    + "|".join(re.escape(t) for t in sorted(load_yaml("titles")["titles"], key=len, reverse=True))
    + r")\b"
)


def _is_caps_line(line: str) -> bool:
    if sum(map(str.islower, line[:_CAPS_PROBE])) > _CAPS_PROBE_LOWER:
        return (
            False  # a sentence-case line shows in its first words; this runs on every line of every document
        )
    letters = sum(map(str.isalpha, line))
    return letters >= 2 and sum(map(str.isupper, line)) >= 0.8 * letters


# More lower-case letters than this among a line's first characters: no line in capitals (which has at most a fifth of
# its letters in lower case, but may open with one lower-case word: "về việc ...").
_CAPS_PROBE = 24
_CAPS_PROBE_LOWER = 12


def _last_word(line: str) -> str:
    words = line.split()
    return words[-1].strip("\"“”'(),").lower() if words else ""


# A reference to a part of a text goes on with the article it belongs to: "khoản 2" / "Điều 138 ...".
_REFERENCE_CHAIN = re.compile(r"\b(?:khoản|điểm|tiết|mục)\s+(?:\d{1,3}[a-zđ]?|[a-zđ])$")
_ARTICLE_NEXT = re.compile(r"Điều\s+\d{1,3}[a-z]?(?![.:\d])")


def _continues(before: str, after: str) -> bool:
    """True when ``after`` (the next non-blank line) goes on with the sentence that ``before`` ends."""
    if _ENDS_SENTENCE.search(before) or _is_caps_line(before):
        return False
    if _CELL_SEPARATOR in before or _CELL_SEPARATOR in after:
        return False  # a table row (DOCX, PDF, Markdown readers) is one line, "1 | Tuyên truyền ..."
    # "... Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình" / "- Trưởng ban Ban chỉ đạo ...": apposition
    if len(before) >= _MIN_WRAPPED_LINE and _NAME_AT_END.search(before) and _TITLE_AFTER_DASH.match(after):
        return True
    if _OPENS_ITEM.match(after) and not (_RANGE_END.match(after) and before[-1:].isdigit()):
        return False
    first = after[0]
    if first.islower() or (after.startswith(("...", "…")) and before.endswith(",")):
        return True  # "...; phân bổ vật tư;" / "giám sát dịch bệnh": enumerations wrap after ";" too
    if _ENDS_CLAUSE.search(before) or len(before) < _MIN_WRAPPED_LINE:
        return False
    if _LONE_NUMBER.match(after):
        return False  # "... không dùng tiền mặt" / "20": a table's score cell, not the sentence's end
    if first.isdigit() or first in '([“"' or before.endswith(("-", "–")):
        return True  # "Nghị định số" / "58/2023/NĐ-CP", "Bộ Lao động -" / "Thương binh và Xã hội"
    if _RANGE_END.match(after) and before[-1].isdigit():
        return True  # "nhiệm kỳ 2020" / "- 2025; tuyên truyền ...": a range, not a bullet
    if _NUMBERED_HEADING.match(before) and len(before) < _MIN_WRAPPED_HEADING:
        return False  # "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố" / "Chỉ đạo ...": a heading
    place = _PLACE_BEGUN.search(before)
    if first.isupper() and place and place["word"][0].isupper() and _PLACE_ENDED.match(after):
        return True  # "của Ủy ban nhân dân thành phố Cần" / "Thơ về thực hiện ..."
    if _REFERENCE_CHAIN.search(before) and _ARTICLE_NEXT.match(after):
        return True  # "tại điểm c khoản 2" / "Điều 138 Luật Đất đai năm 2024, ...": one reference
    if first.isupper():
        if _DATED_OPENING.match(after):
            return False  # "... của Ủy ban nhân dân cấp xã" / "Ngày 08/12/2025, Chính phủ ban hành ...": a new sentence
        last_two = " ".join(before.split()[-2:]).lower()
        return (
            _last_word(before) in _CONTINUATION_WORDS
            or last_two in _CONTINUATION_WORDS
            or bool(
                _AWAITS_NAME.search(before)
                or (_AWAITS_PLACE.search(before) and not _LEVEL_AS_GRADE.search(before))
            )
        )
    return False


# A sentence that opens on its date: "Ngày 08/12/2025, Chính phủ ban hành Nghị định ..." (legal_qa, heldout23).
_DATED_OPENING = re.compile(r"Ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\s*,")
# "cấp xã", "cấp tỉnh": a level as a grade of government names no unit, so no name is awaited.
_LEVEL_AS_GRADE = re.compile(r"(?:^|\s)cấp\s+\S+$")


def reflow(text: str) -> str:
    """``text`` with the line breaks inside sentences (and page numbers between them) as spaces.

    Same length as ``text``: offsets into the result index ``text``. Text whose every line ends
    its sentence (a web copy, one paragraph a line) comes back unchanged.
    """
    lines = text.split("\n")
    chars = list(text)
    offsets = []  # start offset of each line
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    previous = None  # index of the last non-blank, non-page-number line
    # In a table flattened to one cell per line every line is a cell: none wraps into the next.
    tables = flat_table_spans(text)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if any(start <= offsets[index] <= end for start, end in tables):
            previous = index
            continue
        if _PAGE_NUMBER.match(stripped) and _between_blank_lines(lines, index):
            continue  # decided with the lines around it
        if previous is not None and _continues(lines[previous].strip(), stripped):
            gap_start = offsets[previous] + len(lines[previous])
            for offset in range(gap_start, offsets[index]):
                chars[offset] = " "  # the break, blank lines and any page number between
        previous = index
    return "".join(chars)


def _between_blank_lines(lines: list[str], index: int) -> bool:
    before = index == 0 or not lines[index - 1].strip()
    after = index == len(lines) - 1 or not lines[index + 1].strip()
    return before and after
