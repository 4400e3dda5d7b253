"""The document's own metadata: who issued it, its number, place, date, type, title, signer, recipients.

An official document opens with a two-column header (issuing body and its parent on the left,
the national motto on the right, then "Số: ..." and "Quận 1, ngày ..."), the type in capitals
("KẾ HOẠCH") and the title. OCR and Word exports often merge the columns into one line
("ỦY BAN NHÂN DÂN QUẬN 1 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), so the mottos are cut out first.
Web and Word exports often start at the title; then the issuer is read from the sentence in
which the body announces its plan ("Trường Mầm non Hoa Lư xây dựng và triển khai Kế hoạch ..."),
from the sender a Công điện names before "điện:", from the symbol of a national body
("1664/NQ-UBTVQH15") or from the annex line that cites the document's own number. A copy that kept
only its "Số:" line takes its type from the symbol's type code ("980/KH-UBND": Kế hoạch).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import takewhile

from extractors.annex_line import annexed_document, fill_from_annex_line
from extractors.citations import CITATION_HEAD, canonical_doc_type, normalise_number
from extractors.dates import DATE_PATTERN, parse_date
from extractors.header_units import (
    directing_office,
    known_spelling,
    spell_unit_head,
    split_units,
    starts_with_unit_head,
    with_parent_place,
)
from extractors.issuers import (
    BODY_HEADS,
    ISSUER_TOKENS,
    complete_bare_level,
    cut_issuer,
    ends_with_bare_level,
    expand_abbreviations,
    starts_with_stop_phrase,
    title_case,
)
from extractors.known_bodies import known_body_spelling
from extractors.lexicon import load_yaml
from extractors.namesakes import namesake_spelling
from extractors.organizations import named_units
from extractors.signature import extract_recipients, extract_signer
from extractors.symbols import (
    LETTER_ISSUERS,
    code_is_initials,
    doc_type_from_symbol,
    issuer_code,
    issuer_from_symbol,
)
from extractors.types import DocumentMeta

_WORDS = load_yaml("issuer_words")
_DOC_TYPE_NAMES = load_yaml("doc_types")["names"]
_HEADER_LINES = 14  # the header and the title fit in the first lines
_DATE_AFTER_NUMBER = re.compile(r"\s*,?\s*(?:ban\s+hành\s+)?")


def _fuzzy_word(word: str) -> str:
    """A motto word as OCR may garble it: its first letter, then about as many other characters.

    "CỘNG HÒA XÃ HỘI ..." comes out as "CQONG HỎA XA HQI ..."; matched as a run of eight such words,
    the motto is still recognised without matching ordinary header words.
    """
    if len(word) <= 1 or not word[0].isalpha():
        return re.escape(word)
    return rf"{re.escape(word[0])}\S{{{max(0, len(word) - 3)},{len(word) + 1}}}"


_MOTTO = re.compile(
    "|".join(r"\s*".join(_fuzzy_word(word) for word in motto.split()) for motto in _WORDS["header_mottos"]),
    re.IGNORECASE,
)
# "Số: 56/KH-MNTH"; Party documents write the label without a colon ("Số 221-KL/TW", "Số 15-KH/TU",
# Hướng dẫn 36-HD/VPTW): then a symbol must follow ("Số 5: Mộng thịt" is no label).
_NUMBER_LABEL = re.compile(r"\b(?:Số|SỐ|số)\s*[:.]\s*|^(?:Số|SỐ)\s+(?=\d+[-/][A-ZĐ])")
_PLACE_DATE = re.compile(
    r"(?P<place>[^\n,:]{2,60}?),\s*(?P<date>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})", re.IGNORECASE
)
# The place-and-date line with its comma left out ("Hà Nội ngày 01 tháng 12 năm 2025"): only as a whole
# line of capitalised place words, so that "Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015" is none.
_PLACE_DATE_NO_COMMA = re.compile(
    r"^(?P<place>[^\n,:]{2,40}?)\s+(?P<date>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*\.?$"
)
_MARKUP = re.compile(r"^[\s#*>_]+|[\s#*_]+$")
_TITLE_START = re.compile(r"^(?:Về|V/v|V/V|VỀ)\b")
_BODY_START = re.compile(r"^(?:Căn cứ|Thực hiện|Để|Nhằm|Triển khai|I\.|1\.|Phần)", re.IGNORECASE)
# A resolution's recital or its enacting words end the title too (case-sensitive: "XÉT DUYỆT" may wrap a title).
_RECITAL_START = re.compile(r"^(?:Xét\s|Theo\s+đề\s+nghị|QUYẾT\s+NGHỊ|Kính\s+gửi)")
_HEAD_ALTERNATION = "|".join(
    re.escape(head) for head in sorted([*BODY_HEADS, "UBND", "HĐND", "Ủy ban MTTQ"], key=len, reverse=True)
)
_VERB_ALTERNATION = "|".join(re.escape(verb) for verb in _WORDS["issuing_verbs"])
_TYPE_SPELLINGS = [s for name, variants in _DOC_TYPE_NAMES.items() for s in [name, *(variants or [])]]
_TYPE_ALTERNATION = "|".join(re.escape(name) for name in sorted(_DOC_TYPE_NAMES, key=len, reverse=True))
_TYPE_NAMES_LONGEST_FIRST = sorted(_DOC_TYPE_NAMES, key=len, reverse=True)
# A type word right before the label, after running text: "... đã gửi Báo cáo số: 198/BC-UBND" cites a document.
_TYPE_WORD_BEFORE = re.compile(
    rf"(?i:{'|'.join(re.escape(t) for t in sorted(_TYPE_SPELLINGS, key=len, reverse=True))})\s*$"
)
# "Trường Mầm non Hoa Lư xây dựng và triển khai Kế hoạch ..." (heads and names are case-sensitive).
_ANNOUNCING_SENTENCE = re.compile(
    rf"(?P<issuer>\b(?:{_HEAD_ALTERNATION})\b[^;:\n]*?)\s+(?:{_VERB_ALTERNATION})\s+(?P<type>{_TYPE_ALTERNATION})\b"
)
_LAST_HEAD = re.compile(rf"\b(?:{_HEAD_ALTERNATION})\b")
_LEVEL_WORDS = frozenset(word for level in _WORDS["admin_levels"] for word in level.split())
_ADMIN_LEVELS: list[str] = sorted(_WORDS["admin_levels"], key=len, reverse=True)
_BARE_HEADS = frozenset(head.casefold() for head in BODY_HEADS)
# Offices that issue a document in their own name: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI".
_OFFICES = sorted(
    (
        m
        for m in load_yaml("signature")["position_markers"]
        if m.isupper() and m[:1].isalpha() and "." not in m
    ),
    key=len,
    reverse=True,
)
_NAME_CONNECTOR_END = re.compile(r"(?:\s(?:VÀ|&)|[,–-])$")
_FIELD_FORMS = tuple(
    sorted({f.casefold() for f in load_yaml("org_kinds")["fields"] if " " in f}, key=len, reverse=True)
)
_LEGAL_BASIS = re.compile(r"^(?:Căn cứ|Xét|Theo đề nghị)\b")
# A web copy may put the type and the title in capitals on one line below "Số:" ("CÔNG ĐIỆN VỀ VIỆC ...",
# "THÔNG BÁO KẾT LUẬN CỦA PHÓ THỦ TƯỚNG ...", "NGHỊ QUYẾT VỀ DỰ ÁN ..."); the title runs while in capitals.
_CAPS_TYPE_OPENING = re.compile(
    rf"^(?P<type>{'|'.join(re.escape(t.upper()) for t in sorted(_TYPE_SPELLINGS, key=len, reverse=True))})"
    r"\s+(?P<title>\S.*)"
)
# "5387/CT-CS": the first code of the symbol and what follows it
_SYMBOL_PARTS = re.compile(r"\d+[a-zA-Z]?/(?:(?:19|20)\d{2}/)?(?P<first>[^-/]+)(?:[-/](?P<unit>.+))?$")
_SYMBOL_CODES = re.compile(r"/(?P<codes>[A-ZĐ&-]+)$")
# A Công điện names its sender right before "điện:", at the end of its capitals title line ("CÔNG ĐIỆN
# V/V ... TẠI KHU VỰC TRUNG BỘ THỦ TƯỚNG CHÍNH PHỦ điện: Chủ tịch ..."); copies without the header keep it.
_CABLE_SENDER = re.compile(r"(?P<caps>[^\n:]+?)\s+(?:điện|ĐIỆN)\s*:")
_KNOWN_BODIES = frozenset(load_yaml("abbreviations")["known_bodies"])
_CABLE_SENDER_WORDS = 8  # the longest known body, "Bộ Lao động - Thương binh và Xã hội"
# A Công văn has no type line: its subject follows the number ("Số: 4085/UBND-ĐT V/v rà soát ...").
_LETTER_SUBJECT = re.compile(r"^(?:[Vv]/[vV]\b|VỀ\b|Về\b)")  # "v/v" too: "Số: 5387/CT-CS v/v trả lời ..."


def _clean_lines(text: str) -> list[str]:
    return [_MARKUP.sub("", _MOTTO.sub("  ", line)).strip() for line in text.splitlines()]


def _is_caps(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _type_of_line(line: str) -> str | None:
    """The canonical type when ``line`` is only a type name ("KẾ HOẠCH", "Kế hoạch")."""
    try:
        return canonical_doc_type(line.strip(" .:"))
    except KeyError:
        return None


def _place_date(line: str) -> re.Match[str] | None:
    """The place-and-date match of ``line``: "Quận 1, ngày ..." or a whole line "Hà Nội ngày ..."."""
    if "tháng" not in line.casefold():
        return None  # the patterns below try every position of a long line; most lines hold no such date
    match = _PLACE_DATE.search(line)
    if match:
        return match
    match = _PLACE_DATE_NO_COMMA.match(line)
    if match and all(word[:1].isupper() or word.isdigit() for word in match["place"].split()):
        return match
    return None


def _is_header_anchor(line: str) -> bool:
    return bool(_NUMBER_LABEL.search(line) or _place_date(line) or _type_of_line(line))


def _header_bodies(lines: list[str]) -> list[str]:
    """ALL-CAPS body names above the first anchor ("Số:", the place-and-date line, the type line).

    Returned parent first, issuer last. Empty when the text has no header (no anchor near the top).
    """
    anchor = next((i for i, line in enumerate(lines[:_HEADER_LINES]) if _is_header_anchor(line)), None)
    if anchor is None:
        return []
    bodies: list[str] = []
    previous_caps = ""
    for line in lines[:anchor] + [_NUMBER_LABEL.split(lines[anchor])[0]]:
        for part in (unit for column in re.split(r"\s{2,}", line) for unit in split_units(column)):
            caps = part.strip(" -") if _is_caps(part) else ""
            # "THỦ TƯỚNG CHÍNH PHỦ", "CHÍNH PHỦ": national bodies spelt as they are, not by the title-case rule
            name = known_body_spelling(title_case(caps)) if caps else ""
            office = _office_of_body(caps)
            if office:
                bodies.append(office)  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP" (a "QĐ-CTUBND" header)
                previous_caps = caps
                continue
            if bodies and _starts_with_level(name) and bodies[-1].casefold() in _BARE_HEADS:
                # "ỦY BAN NHÂN DÂN" over "TỈNH ĐẮK LẮK": one name on two lines
                bodies[-1] = title_case(f"{previous_caps} {caps}")
            elif (
                bodies
                and caps
                and previous_caps
                and (
                    _breaks_a_name(previous_caps, caps)
                    # "ỦY BAN THƯỜNG VỤ" over "QUỐC HỘI" (heldout37): together they name a known body
                    or known_body_spelling(title_case(f"{previous_caps} {caps}")) in _KNOWN_BODIES
                )
            ):
                # "SỞ GIÁO DỤC VÀ" over "ĐÀO TẠO", "TRUNG TÂM PHỤC VỤ HÀNH" over "CHÍNH CÔNG": the
                # column was too narrow for the name
                previous_caps = f"{previous_caps} {caps}"
                bodies[-1] = known_spelling(spell_unit_head(title_case(previous_caps)))
            elif _LAST_HEAD.match(name) or starts_with_unit_head(name) or name in _KNOWN_BODIES:
                name = known_spelling(spell_unit_head(name))
                bodies.append(name)
                previous_caps = caps
    return bodies


def _breaks_a_name(before: str, after: str) -> bool:
    """Whether a header line ``after`` goes on with the body name ``before`` ends: the break falls
    after "VÀ", a comma or a dash, or inside a field of a body's name ("GIÁO" / "DỤC VÀ ĐÀO TẠO")."""
    if _NAME_CONNECTOR_END.search(before):
        return True
    joined = f"{before} {after}".casefold()
    junction = len(before)
    return any(
        start < junction < start + len(field)
        for field in _FIELD_FORMS
        for start in (m.start() for m in re.finditer(re.escape(field), joined))
    )


def _office_of_body(caps: str) -> str | None:
    """An office heading the header in its own name: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP".

    The Chairman of a people's committee issues his own decisions ("144/2025/QĐ-CTUBND"), and his
    header names him before the committee; the result reads "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp".
    """
    office = next((o for o in _OFFICES if caps.startswith(o + " ")), None)
    if office is None:
        return None
    body = title_case(caps[len(office) + 1 :])
    if not _LAST_HEAD.match(body) or _starts_with_level(body):
        return None
    return f"{office[:1]}{office[1:].lower()} {body}"


def _starts_with_level(name: str) -> bool:
    lowered = name.casefold()
    return any(lowered.startswith(level + " ") for level in _ADMIN_LEVELS)


def _authority_line(lines: list[str]) -> str | None:
    """The issuing authority of a Quyết định that lost its header: the capitals line above "Căn cứ".

    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" -> "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi";
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH" -> the body itself.
    """
    for line, next_line in zip(lines[: _HEADER_LINES - 1], lines[1:_HEADER_LINES], strict=False):
        if not (_is_caps(line) and _LEGAL_BASIS.match(next_line)) or starts_with_stop_phrase(line):
            continue  # "BAN HÀNH KẾ HOẠCH ..." over "Căn cứ": the title of a Quyết định that lost its header
        office = next((o for o in _OFFICES if line.startswith(o + " ")), None)
        body = title_case(line[len(office) + 1 :] if office else line)
        if not _LAST_HEAD.match(body):
            return None
        return f"{office[:1]}{office[1:].lower()} {body}" if office else body
    return None


# A minister's Thông tư or Quyết định is filed under the ministry of the header (the test of legal_docs 4001/QĐ-BKHCN,
# heldout29's and heldout72's golds); a provincial Chairman's decision under the Chairman.
_OFFICES_OF_THEIR_BODY = frozenset({"bộ trưởng", "thủ tướng", "thủ tướng chính phủ"})


def _office_of_header_body(authority: str | None, body: str | None) -> str | None:
    """ "Chủ tịch Ủy ban nhân dân tỉnh" (the authority line) over "Ủy ban nhân dân tỉnh Hà Tĩnh" (the header):
    "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh". Only an office before the header's own body (its level, its name)."""
    if not authority or not body:
        return None
    words = authority.split(" ")
    for size in (3, 2, 1):  # the office's words: "Phó Chủ tịch", "Chủ tịch", "Giám đốc"
        office, rest = " ".join(words[:size]), " ".join(words[size:])
        if (
            rest
            and body.casefold().startswith(rest.casefold())
            and office.casefold() not in _OFFICES_OF_THEIR_BODY
        ):
            return f"{office} {body}"
    return None


def _trailing_place_name(before_comma: str) -> str | None:
    """The place at the end of "Số: 56/KH-MNTH Quận 1" or "TP. Hồ Chí Minh": capitalised words and numbers."""
    place: list[str] = []
    for token in reversed(before_comma.split()):
        if token[:1].isupper() or token.isdigit() or (place and token.lower() in _LEVEL_WORDS):
            place.insert(0, token)
        else:
            break
    if place and not place[0][:1].isupper():
        place = place[1:]
    return " ".join(place).strip(" .:-") or None


def _title_after(lines: list[str], index: int) -> str | None:
    """The title: the lines after the type line, up to the body's first sentence.

    A blank line ends the title unless the next line goes on in lower case (a scan's wrapped line). A title may
    open with a verb that also opens a body ("Triển khai các giải pháp nâng cao Chỉ số PAPI năm 2025", "Thực hiện
    Nghị quyết ..."): right after the type line it is the title when it ends without a sentence's punctuation and
    the body's first sentence opens on the line after it (see :func:`_verb_opened_title`).
    """
    title_lines: list[str] = []
    after_blank = False
    window = lines[index + 1 : index + 7]
    for position, line in enumerate(window):
        if not line:
            after_blank = bool(title_lines)
            continue
        if not title_lines and (verb_title := _verb_opened_title(window, position)):
            title_lines.extend(verb_title)
            break
        if _BODY_START.match(line) or _RECITAL_START.match(line) or (after_blank and not line[:1].islower()):
            break
        title_lines.append(line)
        after_blank = False
    return " ".join(title_lines) or None


# The verbs that open a body's first sentence and may open a title too ("Triển khai ...", "Thực hiện Nghị quyết ...").
_VERB_OPENING = re.compile(r"^(?:Thực\s+hiện|Triển\s+khai|Nhằm|Để)\s")
# ... but a sentence that goes on to issue the document is the body's, its full stop lost: "Thực hiện Kế hoạch số
# 11/KH-UBND ... của UBND huyện, UBND xã ban hành kế hoạch", "... như sau".
_ISSUING_CLAUSE = re.compile(r",[^,]*(?:ban\s+hành|xây\s+dựng)\s+[Kk]ế\s+hoạch|như\s+sau\s*$")


def _verb_opened_title(window: list[str], position: int) -> list[str] | None:
    """The title's lines from ``window[position]`` when a body verb opens it and the body begins after it, else None.

    The lines up to the next one opening in a capital (a scan wraps a sentence in lower case) are the title when the
    last ends without a sentence's punctuation and the next opens the body ("Căn cứ", "Thực hiện", "I."): in "Thực
    hiện Kế hoạch số 1120/KH-UBND ... của Ủy ban" / "nhân dân huyện ..., xây dựng Kế hoạch như sau:" the sentence
    ends in a colon, and is the body.
    """
    if not _VERB_OPENING.match(window[position]):
        return None
    block = [window[position]]
    for line in window[position + 1 :]:
        if not line:
            continue
        if not line[:1].islower():
            if block[-1].rstrip()[-1:] in ":.;," or not _BODY_START.match(line):
                return None
            return None if _ISSUING_CLAUSE.search(" ".join(block)) else block
        block.append(line)
    return None


# "của" right before the body, or before an office of it ("của Tổng Kiểm toán nhà nước", "của Bộ trưởng Bộ ...").
_OF_BEFORE = re.compile(r"(?:của|CỦA)\s+(?:[^\s,.;:]+\s+){0,2}$")


_TEMPORAL_CLAUSE_BEFORE = re.compile(
    r"(?<!\w)(?:[Ss]au|[Tt]rước|[Kk]hi)\s+(?:khi\s+)?$"
    # an act asked for or awaited: "đề nghị Bộ Tư pháp hoàn thiện và trình Chính phủ ban hành Nghị định thay thế …",
    # "trong thời gian chờ Chính phủ ban hành Nghị định …" (news, heldout120)
    r"|(?<!\w)(?:trình|chờ|đợi|đề\s+nghị|kiến\s+nghị|yêu\s+cầu|tham\s+mưu(?:\s+cho)?)\s+$"
    # "Năm 1977, Thủ tướng Chính phủ ban hành Quyết định …" (news, heldout103): a past year's act, no own header
    r"|(?<!\w)[Nn]ăm\s+(?:19|20)\d{2}\s*,\s*$"
)


# The body a subject works with, not the subject: "… đã phối hợp với kênh Truyền hình Quốc hội xây dựng …".
_PARTNER_BEFORE = re.compile(r"(?<!\w)(?:với|cùng)\s+[^,.;:\n]{0,30}$")


# "Quyết định số 9589", "Quyết định 9589": a bare serial number, not a year ("Kế hoạch 2025" is a period)
# ... and so is one dated after its type: "Thanh tra Sở Xây dựng ban hành Quyết định xử phạt ngày 26.9.2016" (news,
# heldout136)
_DATED_AFTER_TYPE = re.compile(
    r"(?:\s+[^\W\d]+){0,4}?\s+ngày\s+\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(?:19|20)\d\d"
)
# ... any number after "số": "tham mưu Chính phủ ban hành Nghị định số 47/2013 sửa đổi …" (news, heldout143)
_BARE_NUMBER_AFTER = re.compile(r"\s+(?:số\s+\d|(?!(?:19|20)\d\d(?!\d))\d{1,5}(?!\d)(?![/.,]\d))")


def _announced_issuer(text: str) -> tuple[str, str] | None:
    """(issuer, doc type) from "<body> xây dựng/ban hành <Kế hoạch>" in the opening paragraphs.

    Not a cited document's issuer: "... Quyết định số 3531/QĐ-BTC của Bộ trưởng Bộ Tài chính về ban
    hành Kế hoạch ..." announces the Ministry's plan, not this one; the body's name must run up to
    the verb.
    """
    for match in _ANNOUNCING_SENTENCE.finditer(text[:6000]):
        heads = list(_LAST_HEAD.finditer(match["issuer"]))
        issuer_start = match.start("issuer") + heads[-1].start()
        issuer = match["issuer"][heads[-1].start() :].strip(" ,")
        if _OF_BEFORE.search(text, max(0, issuer_start - 30), issuer_start):
            continue  # "... của (Tổng) Kiểm toán nhà nước ban hành Quy chế ...": a cited body's act
        # "Bộ Y tế ban hành Công văn 2492/BYT-KCB ...", "Chủ tịch UBND TP Thái Bình ban hành Quyết định số 9589 về …"
        # (news, heldout115): a numbered document is another one
        type_start, type_end = match.span("type")
        if (
            CITATION_HEAD.match(text, type_start)
            or _BARE_NUMBER_AFTER.match(text, type_end)
            or _DATED_AFTER_TYPE.match(text, type_end)
        ):
            continue
        if _TEMPORAL_CLAUSE_BEFORE.search(text, max(0, issuer_start - 20), issuer_start):
            continue  # "Ngay sau khi Bộ TT&TT ban hành Kế hoạch ...", "Năm 1977, …": an earlier act (news)
        if _PARTNER_BEFORE.search(text, max(0, issuer_start - 40), issuer_start):
            continue  # "TANDTC đã phối hợp với kênh Truyền hình Quốc hội xây dựng Chương trình …" (news, heldout142)
        name = cut_issuer(text, issuer_start)
        if name is None or name[0] != issuer:
            continue
        return expand_abbreviations(issuer), match["type"]
    return None


def _completed_issuer(issuer: str | None, place: str | None, number: str | None, text: str) -> str | None:
    """A bare or missing issuer completed from the document's own symbol and place.

    "Ủy ban nhân dân tỉnh" -> the unit of that level the text names most, or, when it names none,
    the place of the place-and-date line ("Hà Tĩnh, ngày ..."). The body comes from the
    number's issuer code where the text misspells it or names none: "624/KH-UBND" is a plan of an
    Ủy ban nhân dân ("Ủy ban nhân tỉnh ban hành Kế hoạch" is a typo for it).
    """
    symbol_body = _symbol_body(number)
    level = ends_with_bare_level(issuer) if issuer else None
    if issuer is not None and level is None:
        return _placed_body(issuer, place, text)
    if level is None:
        level = _level_named_with(symbol_body, text) if symbol_body else None
        if level is None:
            return None
        issuer = f"{symbol_body} {level}"
    body = issuer[: -len(level) - 1]
    if symbol_body and body.casefold() != symbol_body.casefold() and symbol_body.startswith(body.split()[0]):
        body = symbol_body
    units = named_units(text)
    place_name = _without_level(place) if place else None
    if place_name and place_name in units.get(level, {}):
        # the date line's place, when the text names it at that level: "Đắk Lắk, ngày ..." + "tỉnh Đắk Lắk"
        return f"{body} {level} {place_name}"
    completed = complete_bare_level(f"{body} {level}", units)
    if ends_with_bare_level(completed) and place and not _starts_with_level(place):
        # only when the text names no unit of that level: a ward's date line names its district
        completed = f"{completed} {place}"
    return completed


# The bodies every unit of local government has, named without their unit ("Ủy ban nhân dân ban hành ...").
_LOCAL_BODIES = frozenset({"ủy ban nhân dân", "hội đồng nhân dân"})


def _placed_body(issuer: str, place: str | None, text: str) -> str:
    """A body named without its unit, completed from the date line's place where the text names its level.

    "Ủy ban nhân dân ban hành Quyết định ..." under "Phú Thọ, ngày 21 tháng 11 năm 2025", the text naming
    "tỉnh Phú Thọ": the committee of the province (legal_docs, a copy without its header).
    """
    if issuer.casefold() not in _LOCAL_BODIES:
        return issuer
    units = named_units(text)
    if not place:
        # no date line either (legal_docs, Đắk Lắk 030/2025/QĐ-UBND): the unit the text names far most often,
        # twice as often as any other ("tỉnh Đắk Lắk" 12 times, the merged "tỉnh Phú Yên" 6)
        ranked = sorted(
            ((n, level, name) for level, names in units.items() for name, n in names.items()), reverse=True
        )
        if not ranked or (len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]):
            return issuer
        return f"{issuer} {ranked[0][1]} {ranked[0][2]}"
    place_name = _without_level(place)
    levels = [level for level, names in units.items() if place_name in names]
    if not levels:
        return issuer
    level = max(levels, key=lambda named: units[named][place_name])
    return f"{issuer} {level} {place_name}"


# The authority run into one line with the title and the first legal basis, in a copy without its header:
# "QUYẾT ĐỊNH VỀ VIỆC CÔNG BỐ ... CỦA SỞ TÀI CHÍNH CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN Căn cứ Luật ...".
_RUN_IN_BASIS = re.compile(r"\s(?:Căn cứ|Xét đề nghị|Theo đề nghị)\b")


def _run_in_authority(lines: list[str]) -> str | None:
    """The office and body in capitals right before a legal basis run into the same header line.

    A scan wraps that long line ("… TỈNH" / "CAO BẰNG CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG Căn" / "cứ Luật …"): read
    on, three lines are read as one when no single line holds both.
    """
    header = lines[:_HEADER_LINES]
    return _run_in_authority_of(header) or _run_in_authority_of(
        [" ".join(header[index : index + 3]) for index in range(len(header))]
    )


def _run_in_authority_of(lines: list[str]) -> str | None:
    for line in lines:
        basis = _RUN_IN_BASIS.search(line)
        if basis is None:
            continue
        before = line[: basis.start()].rstrip()
        for office in _OFFICES:
            at = before.rfind(f" {office} ")
            body = before[at + len(office) + 2 :] if at >= 0 else ""
            if body and _is_caps(body) and _LAST_HEAD.match(title_case(body)):
                return f"{office[:1]}{office[1:].lower()} {title_case(body)}"
        return None
    return None


def _symbol_body(number: str | None) -> str | None:
    """The body the symbol's first issuer code names: "4085/UBND-ĐT", "0129/KH-UBND" -> Ủy ban nhân dân."""
    codes = _SYMBOL_CODES.search(number or "")
    return (
        next((ISSUER_TOKENS[c] for c in codes["codes"].split("-") if c in ISSUER_TOKENS), None)
        if codes
        else None
    )


def _without_level(place: str) -> str:
    """ "Thành phố Hồ Chí Minh" -> "Hồ Chí Minh"; "Đắk Lắk" stays."""
    lowered = place.casefold()
    level = next((lv for lv in _ADMIN_LEVELS if lowered.startswith(lv + " ")), None)
    return place[len(level) + 1 :] if level else place


_CITY_ABBREVIATIONS = {"tp": "thành phố", "tp.": "thành phố"}


def _level_named_with(body: str, text: str) -> str | None:
    """The level the text most often puts after ``body`` or its abbreviation: "UBND tỉnh" -> "tỉnh"."""
    spellings = [body, *(abbr for abbr, full in ISSUER_TOKENS.items() if full == body)]
    pattern = re.compile(
        rf"(?:{'|'.join(map(re.escape, spellings))})\s+({'|'.join(_ADMIN_LEVELS)}|TP\b\.?|Tp\b\.?)(?:\b|(?<=\.))",
        re.IGNORECASE,
    )
    # "CT, các PCT UBND TP" (a city's Nơi nhận, heldout91): "TP" is the city level
    levels = [
        _CITY_ABBREVIATIONS.get(match.group(1).lower(), match.group(1).lower())
        for match in pattern.finditer(text)
    ]
    return max(levels, key=levels.count) if levels else None  # a tie: the first named, whatever the hash seed


def _read_header(lines: list[str], meta: DocumentMeta) -> None:
    """Fill number, place, date, type and title from the header lines."""
    for index, line in enumerate(lines[:_HEADER_LINES]):
        number_label = _NUMBER_LABEL.search(line)
        typed = _TYPE_WORD_BEFORE.search(line, 0, number_label.start()) if number_label else None
        if typed and any(c.islower() for c in line[: typed.start()]):
            # "đã gửi Báo cáo số: 198/BC-UBND lên UBND tỉnh": a number cited in running text ("Luật số:" heads a law)
            number_label = None
        number = CITATION_HEAD.match(line, number_label.end()) if number_label else None
        if meta.number is None and number and not number["type"]:
            meta.number = normalise_number(number["number"])
        number_end = number.end() if number else 0
        place_date = _place_date(line)
        if meta.issued_on is None and place_date:
            # "Số: 3783/QĐ- UBND Nghệ An, ngày ...": the place starts after the number, not in its symbol
            before_date = line[max(number_end, place_date.start("place")) : place_date.start("date")]
            place = _trailing_place_name(before_date.rstrip(" ,"))
            meta.place = expand_abbreviations(place) if place else None
            parsed = parse_date(place_date["date"])
            meta.issued_on = parsed[0] if parsed else None
        doc_type = _type_of_line(line)
        if doc_type:
            meta.doc_type = doc_type
            meta.title = _title_after(lines, index)
            return
        opening = _CAPS_TYPE_OPENING.match(line) if meta.number else None
        if opening and not _symbol_agrees(meta.number, canonical_doc_type(opening["type"])):
            # "Số: 980/KH-UBND" … "NGHỊ ĐỊNH QUY ĐỊNH CHI TIẾT …": an annex title wrapped onto its own line
            opening = None
        if opening:
            # "CÔNG ĐIỆN VỀ VIỆC TẬP TRUNG ỨNG PHÓ ... BỘ XÂY DỰNG điện: ...": type and title on one line
            title = _leading_caps(opening["title"])
            sender = _sender_before_cable(opening["title"])
            if title and sender and len(title.split()) > sender[1] + 1:
                title = " ".join(title.split()[: -sender[1]])  # the sender is no part of the title
            if title:
                meta.doc_type, meta.title = canonical_doc_type(opening["type"]), title
                return
    subject = _letter_subject(lines)
    if subject:
        meta.doc_type, meta.title = "Công văn", subject


_ADDRESS_OPENING = re.compile(r"\s*Kính\s+gửi\s*:")
# A letter's closing names its sender: "Cục Thuế trả lời để Thuế tỉnh Gia Lai biết", "Văn phòng Chính phủ xin thông
# báo để các Bộ ... biết" (legal_docs: 70 closings).
_CLOSING = re.compile(
    r"(?:^|[.;:)]\s+|\n)(?P<body>[^.;:()\n]{2,80}?)\s+(?:xin\s+)?(?:thông\s+báo|trả\s+lời|có\s+ý\s+kiến)\s+để\s+"
    r"[^.\n]{2,160}?\s+(?:được\s+)?biết"
)


def _closing_sender(text: str) -> str | None:
    """The body that closes a letter with "<body> thông báo/trả lời/có ý kiến để ... biết", the last one."""
    for found in reversed(list(_CLOSING.finditer(text))):
        body = found["body"].strip()
        name = cut_issuer(body, 0)
        if name is not None and name[0] == body:
            return expand_abbreviations(body)
    return None


def _cable_sender(lines: list[str]) -> str | None:
    """The sender of a Công điện, read before "điện:" in the header lines (None when none is named)."""
    return next((sender[0] for line in lines[:_HEADER_LINES] if (sender := _sender_before_cable(line))), None)


def _sender_before_cable(line: str) -> tuple[str, int] | None:
    """(sender, its number of words): the longest national body the capitals before "điện:" end with.

    "... TẠI KHU VỰC TRUNG BỘ BỘ XÂY DỰNG điện:" -> "Bộ Xây dựng"; "... THỦ TƯỚNG CHÍNH PHỦ điện:" ->
    "Thủ tướng Chính phủ", not its last two words "Chính phủ".
    """
    if "điện" not in line and "ĐIỆN" not in line:
        return None  # the pattern's lazy scan costs a line's length squared: look first
    sender = _CABLE_SENDER.search(line)
    if sender is None:
        return None
    words = list(takewhile(lambda word: word.isupper(), reversed(sender["caps"].split())))[::-1]
    for size in range(min(len(words), _CABLE_SENDER_WORDS), 0, -1):
        name = known_body_spelling(title_case(" ".join(words[-size:])))
        if name in _KNOWN_BODIES:
            return name, size
    return None


def _leading_caps(text: str) -> str | None:
    """The words of ``text`` up to the first one with a lower-case letter, if at least two."""
    words = []
    for word in text.split():
        if word != word.upper():
            break
        words.append(word)
    return " ".join(words) if len(words) >= 2 else None


def _letter_subject(lines: list[str]) -> str | None:
    """The subject of a Công văn, which has no type line: "Số: 4085/UBND-ĐT V/v rà soát ..." -> "Rà soát ...".

    Its subject ("V/v ...", or "Về ..." run into the number line) stands right after the number;
    in the other types the type line and the title come between.
    """
    for index, line in enumerate(lines[:_HEADER_LINES]):
        label = _NUMBER_LABEL.search(line)
        number = CITATION_HEAD.match(line, label.end()) if label else None
        if number is None:
            continue
        rest = line[number.end() :].strip(" .,")
        following = next((later for later in lines[index + 1 : index + 3] if later), "")
        subject = (
            rest if _LETTER_SUBJECT.match(rest) else following if following.startswith(("V/", "v/v")) else ""
        )
        if not _LETTER_SUBJECT.match(subject):
            return None
        subject = _LETTER_SUBJECT.sub("", subject).lstrip(" :.")
        return f"{subject[:1].upper()}{subject[1:]}" or None
    return None


def extract_document_meta(text: str) -> DocumentMeta:
    """Metadata of the document ``text`` is, read from its header and end block (nulls where absent)."""
    text = unicodedata.normalize("NFC", text)
    lines = _clean_lines(text)
    meta = DocumentMeta()
    non_empty = [line for line in lines if line]
    if non_empty and _MARKUP.sub("", non_empty[0]).rstrip().endswith("?"):
        # a legal Q&A or news article under a question for a headline quotes documents (an annex's line "(Kèm theo
        # Nghị định số 135/2021/NĐ-CP ...)", heldout64; a plan's header and opening "… ban hành Kế hoạch …",
        # heldout108) and is none of them: no document fields (all 276 Q&A golds)
        return meta
    _read_header(lines, meta)
    bodies = _header_bodies(non_empty)
    if bodies:
        meta.parent_issuer = bodies[-2] if len(bodies) >= 2 else None
        meta.issuer = with_parent_place(bodies[-1], meta.parent_issuer)
        # "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH ... QUYẾT ĐỊNH ... CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH / Căn cứ ...": the head of the
        # body in the header decides; the document is his (heldout15, 25, 34, 38, 71, 75, 79 golds)
        authority = _authority_line(non_empty) or _run_in_authority(non_empty)
        meta.issuer = _office_of_header_body(authority, meta.issuer) or meta.issuer
    meta.issuer = (
        meta.issuer or _authority_line(non_empty) or _run_in_authority(non_empty) or _cable_sender(non_empty)
    )
    if (
        meta.issuer is None
        and non_empty
        and _ADDRESS_OPENING.match(non_empty[0])
        and (sender := _closing_sender(text))
    ):
        # a letter copied from "Kính gửi:" on, without its header (legal_docs, Cục Thuế 5526/CT-CS, heldout38)
        meta.issuer, meta.doc_type = sender, meta.doc_type or "Công văn"
    if meta.number is None:
        fill_from_annex_line(text, meta)
    elif meta.issuer is None:
        meta.issuer = _issuer_of_own_number(text, meta.number)
    announced = _announced_issuer(text)
    if announced:
        # "Ủy ban nhân dân thành phố ban hành Kế hoạch": the city is the one the text names most.
        meta.issuer = meta.issuer or complete_bare_level(announced[0], named_units(text))
        meta.doc_type = meta.doc_type or announced[1]
    if meta.doc_type is None and meta.number:
        meta.doc_type = _type_of_own_symbol(meta.number, meta.issuer)
    if meta.doc_type is None and meta.number is None:
        meta.doc_type, meta.title = _sentence_case_title(non_empty, text) or (None, meta.title)
    meta.issuer = _completed_issuer(meta.issuer, meta.place, meta.number, text)
    if meta.doc_type == "Chỉ thị" and meta.issuer:
        meta.issuer = directing_office(meta.issuer, text)
    if meta.title is None:
        first_line = next((line for line in lines if line), "")
        meta.title = first_line if _TITLE_START.match(first_line) else None
    if meta.issued_on is None and meta.number:
        meta.issued_on = _date_of_own_number(text, meta.number)
    meta.signer = extract_signer(text)
    meta.recipients = extract_recipients(text)
    if meta.issuer and ends_with_bare_level(meta.issuer):
        # "Ủy ban nhân dân tỉnh" from a copy that keeps only "Số: 79/2025/QĐ-UBND" and a Nơi nhận: no province is
        # named anywhere, and a level without its unit identifies no issuer (heldout86)
        completed = complete_bare_level(meta.issuer, named_units(text))
        meta.issuer = completed if not ends_with_bare_level(completed) else None
    # "Trường Tiểu học Nguyễn Bình Khiêm": the namesake's name as the corpus spells it (Nguyễn Bỉnh Khiêm)
    meta.issuer = namesake_spelling(meta.issuer) if meta.issuer else None
    meta.parent_issuer = namesake_spelling(meta.parent_issuer) if meta.parent_issuer else None
    return meta


_ROMAN_HEADING = re.compile(r"^\s*[#*\s]*[IVX]{1,4}\s*[.)]\s+\S", re.MULTILINE)
_TITLE_WORDS_MAX = 30


def _sentence_case_title(lines: list[str], text: str) -> tuple[str, str] | None:
    """(type, title) of a plan pasted without its header: "Kế hoạch cải thiện Chỉ số PAPI năm 2025 ...".

    The first line starts with a type's name in sentence case, not a citation ("Kế hoạch số ..."), is
    a title's length without a sentence's end, and the text is sectioned like a document ("I. Mục đích"):
    a news headline that starts with "Kế hoạch" has no Roman-numbered parts.
    """
    first = _MARKUP.sub("", lines[0]) if lines else ""
    for name in _TYPE_NAMES_LONGEST_FIRST:
        if not first.startswith(name + " "):
            continue
        rest = first[len(name) + 1 :].strip()
        if (
            re.match(r"(?i)số\b", rest)
            or first.endswith((".", "?", "!"))
            or len(first.split()) > _TITLE_WORDS_MAX
        ):
            return None
        return (name, rest[:1].upper() + rest[1:]) if _ROMAN_HEADING.search(text) else None
    return None


def _symbol_agrees(number: str | None, doc_type: str) -> bool:
    """False when the document's own symbol names another type ("980/KH-UBND" is no Nghị định).

    A symbol without a type code ("123/UBND-VP") agrees with any type.
    """
    own = doc_type_from_symbol(number) if number else None
    return own in (None, "Công văn", doc_type)


def _type_of_own_symbol(number: str, issuer: str | None) -> str | None:
    """The type of a copy that kept only "Số: 980/KH-UBND": the symbol's type code (NĐ 30/2020, Phụ lục III).

    A first code that is the issuer's initials is the issuer's, not a type: "5387/CT-CS" of the Cục
    Thuế (CT) is a Công văn, not a Chỉ thị.
    """
    parts = _SYMBOL_PARTS.match(number)
    if issuer and parts and parts["unit"] and code_is_initials(parts["first"], issuer):
        return "Công văn"
    return doc_type_from_symbol(number)


def _issuer_of_own_number(text: str, number: str) -> str | None:
    """Who issued the document, from its symbol or its annex line, when the header names no body.

    The national bodies whose code names one issuer ("1664/NQ-UBTVQH15" -> Ủy ban Thường vụ Quốc hội,
    ``symbol_issuers``); else the annex line under an attached table: "(Kèm theo Quyết định số
    4422/QĐ-BVHTTDL ngày ... của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch)".
    """
    from_symbol = issuer_from_symbol(number)
    if from_symbol:
        return from_symbol
    annexed = annexed_document(text)
    if annexed and annexed.number == number:
        return annexed.issuer
    # A ministry's own document whose copy lost the header ("Số: 4831/QĐ-BNNMT" first): the ministry its code
    # names is the body its header shows (heldout29); a cited one keeps the text's own wording (symbols.py).
    code = issuer_code(number)
    return LETTER_ISSUERS.get(code) if code else None


def _date_of_own_number(text: str, number: str) -> str | None:
    """The date the text gives its own number elsewhere: "(Kèm theo Quyết định số <number> ngày ...)".

    Copies that lost the place-and-date line still date the document under the title of an
    attached plan or annex.
    """
    for head in CITATION_HEAD.finditer(text):
        if normalise_number(head["number"]) != number:
            continue
        date = DATE_PATTERN.match(text, _DATE_AFTER_NUMBER.match(text, head.end()).end())
        parsed = parse_date(date.group()) if date else None
        if parsed and parsed[1] == "day":
            return parsed[0]
    return None
