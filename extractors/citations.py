"""Documents a text cites: "Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2024 của UBND Quận 1 về ...".

A citation is a type word (optional), "số" (optional), a number with its symbol, then in order and
each optional: the date of issue, the issuer ("của ..."), the subject ("về ..."). Laws are also
cited by name and year ("Luật Tiếp cận thông tin năm 2016": number null, title and year set).

The type comes from the text's own word when there is one ("Chương trình hành động số 05-CTr/QU"),
else from the symbol's code (Nghị định 30/2020/NĐ-CP, Phụ lục III: KH -> Kế hoạch ...; an
"issuer-unit" symbol such as ``1086/UBND-NV`` is a Công văn), else from the citation just before it
("các Quyết định số 1/QĐ-UBND và số 2/QĐ-UBND"). All tables are in ``data/doc_types.yaml``.
The document's own number (after "Số:" in its header) is not a citation.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace

import regex

from extractors.announced_dates import announced_before
from extractors.dates import DATE_PATTERN, parse_date
from extractors.issuers import (
    ADMIN_LEVELS,
    BODY_HEADS,
    complete_bare_level,
    cut_issuer,
    drop_signer_name,
    expand_abbreviations,
    title_case,
)
from extractors.known_bodies import known_body_spelling
from extractors.law_names import expand_law_abbreviation, passed_by
from extractors.lexicon import load_yaml, phrase_alternation
from extractors.offsets import nfc_with_offsets
from extractors.organizations import named_units, only_province_named, organization_at
from extractors.symbols import (
    LETTER_ISSUERS,
    SYMBOL_CODES,
    SYMBOL_ISSUERS,
    code_abbreviates,
    doc_type_from_symbol,
    issuer_code,
    issuer_from_symbol,
    normalise_number,
)
from extractors.types import CitedDocument

_DOC_TYPES = load_yaml("doc_types")
_TYPE_BY_SPELLING: dict[str, str] = {}
for _canonical, _variants in _DOC_TYPES["names"].items():
    for _spelling in [_canonical, *(_variants or [])]:
        _TYPE_BY_SPELLING[_spelling.lower()] = _canonical
_SYMBOL_TYPE_ALTERNATIVES: dict[str, list[str]] = _DOC_TYPES["symbol_type_alternatives"]
# National bodies as they are spelt: an ALL-CAPS title line ("... CỦA THỦ TƯỚNG CHÍNH PHỦ") is
# title-cased by rule, and the rule cannot know that "Chính phủ" is a proper name.
_KNOWN_BODY_SPELLING = {name.casefold(): name for name in SYMBOL_ISSUERS.values()}


def _either_case_word(word: str) -> str:
    """A word's first letter in either case: "kế hoạch", "Kế hoạch", "Thông báo Kết luận" (legal_docs)."""
    return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"


def _first_letter_either_case(spelling: str) -> str:
    return r"\s+".join(_either_case_word(word) for word in spelling.split())


_TYPE_WORDS = phrase_alternation(_TYPE_BY_SPELLING, _either_case_word)
# "KH", "QH15", "BNN&MT"; a space may follow the "&" of a unit's code ("15972/SXD-QLN& TTBĐS"); a
# department after a dot ("11554/VPCP-V.I": the Government Office's Vụ I; "14/2025/CV-E.K.LM", a
# company's initials), capitals only, so that a
# sentence's end glued to the next one ("UBND.Tiếp") stays out.
# A word glued after the symbol is no part of it when it carries a tone mark: "168/2025/NĐ-CPthì kê khai".
# "Ư" inside a part: the Party's "TƯ" (Trung ương) as the press types it for "TW" ("Nghị quyết 29-NQ/TƯ", news).
_VI_MARKED_LOWER = "àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
# A run of three lower-case letters glued after a part's capitals is the next word ("24/2024/TT-BGDĐTquy định",
# "151/2025/NĐ-CPquy định"; legal_qa, heldout108); one or two are the code's own ("TTg", "SoNNMT").
_SYMBOL_PART = (
    r"[A-ZĐ](?:[A-ZĐƯ0-9]|[a-zđ](?![a-zđ]{2})|(?<![a-zđ])[a-zđ]{2}(?![a-zđ])|&(?:\x20(?=[A-ZĐ]))?)*"
    r"(?:\.[A-ZĐ]{1,4}(?!\w))*"
    rf"(?:(?!\w)|(?<=[A-ZĐ])(?=[a-zđ]*[{_VI_MARKED_LOWER}])|(?<=[A-ZĐ])(?=[a-zđ]{{3,}}(?!\w)))"
)

NUMBER = rf"""
    (?:(?<![\w/.-])|(?<=\b[Ss]ố))(?<![A-ZĐ]:)\d{{1,5}}(?:\.\d{{1,2}}(?=/))?(?:[a-z]|[A-Z](?=/[A-ZĐ]{{2,}}(?![a-zđ])))?  # the serial ("04", "1086", "07a", "2162A/NHCS", "66.4"); not a
                                                   # standard's year ("QCVN 10-MT:2015/BTNMT", news); glued to
                                                   # "số" ("Nghị định số187/2004/NĐ-CP", news, heldout153)
    (?:\x20?/\x20?(?:(?:19|20)\d{{2}}\s?[/-]\s?)?|-)  # "/" with an optional year ("73/2023/"; typed "56 /KH", "1947/ QĐ"), or "-"
    (?:\x20(?=[A-ZĐ][A-ZĐa-zđ]*/))?                # a party symbol wrapped after its dash ("14-" / "KL/TW")
    {_SYMBOL_PART}                                # first part of the symbol: "KH", "UBND", "QH15"
    (?:\s?[-/–]\s?{_SYMBOL_PART})*                # further parts, spaces tolerated ("NĐ- CP"; "NĐ – CP", the press)
    (?:/(?:19|20)\d{{2}}(?![\w/]))?                  # a company's year after its symbol ("09/HDTLMM/2025", legal_docs)
    (?:(?<=/C\d\d)\x20?\(P\d{{1,2}}\))?                 # a police department's room ("363/C46 (P12)", news)
"""
CITATION_HEAD = re.compile(
    rf"""
    (?:(?P<type>\b(?:{_TYPE_WORDS}))\s+(?:(?:hỏa|hoả)\s+tốc\s+|(?:thượng\s+)?khẩn\s+   # "Công điện hỏa tốc số"
       |(?:(?:dân|hình)\s+sự\s+|hành\s+chính\s+)?(?:(?:sơ|phúc|tái)\s+thẩm\s+|giám\s+đốc\s+thẩm\s+)?
        (?=số\s))?   # a judgment's kind and instance: "Bản án dân sự phúc thẩm số 87/2016/DS-PT" (news, heldout116)
       (?:(?P<so_after_type>số|Số|so|SỐ)\s*:?\s*)?   # "Kế hoạch số"
      |(?P<so>\b(?:số|Số)\s*:?\s*))?                                                 # or only "số"
    (?P<number>{NUMBER})
    """,
    re.VERBOSE,
)
# A law, code or constitution by name: "Luật Tiếp cận thông tin năm 2016", "Luật Điện lực số 61/2024/QH15";
# "theo" ends a name but in "Luật Đầu tư theo phương thức đối tác công tư" (the PPP law, legal_docs).
_LAW_NAME_WORD = r"(?:,\s)?(?!Luật\b(?<!và\sLuật)(?<!các\sLuật))(?!Luật\s+(?:số|năm|ngày)\b)(?!năm\b|số\b|ngày\b|của\b|theo\b(?!\s+ph\w+\s+thức\b)|tại\b|được\b|đã\b|là\b|có\b(?!\scông\b)|thì\b|như\b|trong\b|từ\b)[\wÀ-ỹ-]+"
# A capital "Luật" inside a name begins another law ("Luật Kế toán, văn bản hướng dẫn Luật Kế toán 2015", heldout39),
# except in the short name of a law that amends others: "Luật Cán bộ, công chức và Luật Viên chức sửa đổi 2019",
# "Luật Thuế sửa đổi các Luật về thuế 2014".
# A name whose parts a comma joins goes on in lower case: "Luật Tín ngưỡng, tôn giáo", "Luật Cán bộ,
# công chức"; a capital or a conjunction after the comma begins something else ("Luật Cơ yếu, nhưng ...").
_LAW_NAME_AFTER_COMMA = (
    r",\s(?!(?:nhưng|đến|và|hoặc|với|khi|nếu|để|từ|nay|đồng)\b)"
    r"[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ][\wÀ-ỹ-]*"
)
# ... but for a last part written capitalised right before the law's year: "Luật Thi đua, Khen thưởng 2022" (31 times in
# the legal and Q&A corpus, heldout88).
_LAW_NAME_CAPITAL_AFTER_COMMA = (
    r"(?:,\s[A-ZĐ][\wÀ-ỹ]*(?:\s[a-zđ][\wÀ-ỹ]*)?(?=\s+(?:năm\s+)?(?:19|20)\d{2}\b))?"
)
_LAW_NAMES_WITH_FUNCTION_WORDS = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in _DOC_TYPES["law_names_with_function_words"]
)
_LAW_NAME_NOT_FIRST = "|".join(_DOC_TYPES["law_name_not_first_words"])
# A law's name in lower case ends at these words (data) and at a document's type: it does not run on over an
# article or into the next document ("Luật hộ tịch, khoản 1 Điều 4 Nghị định số 123/2015/NĐ-CP").
_LOWER_LAW_NAME_STOP = re.compile(
    r"\b(?:"
    + "|".join(w.replace(" ", r"\s+") for w in _DOC_TYPES["law_name_not_inner_words"])
    + rf"|{_TYPE_WORDS})\b"
)
# "Dự thảo Luật ...", "dự án Luật ...": a bill, not a law that has been passed.
_DRAFT_BEFORE = re.compile(r"\b(?:[Dd]ự\s+thảo|[Dd]ự\s+án)\s+$")
# An international convention's subject: "Công ước Liên hợp quốc về Luật biển 1982" (news, heldout151) is no law of
# Vietnam's.
_CONVENTION_BEFORE = re.compile(r"\b[Cc]ông\s+ước[^.;:\n]{0,60}?\svề\s+$")
LAW_BY_NAME = re.compile(
    rf"""
    (?P<title>Luật\s+[sS]ửa\s+đổi(?:,?\s+bổ\s+sung)?\s      # an amending law names the laws it amends:
              (?:(?!\.\s)[^;\n()]){{1,250}}?                      # "Luật sửa đổi, bổ sung một số điều của
                                                                   #  Luật Quy hoạch, ... và Luật Đấu thầu"
            |Luật\s+(?:{_LAW_NAMES_WITH_FUNCTION_WORDS})(?:\s+sửa\s+đổi)?   # "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam"
            |(?:Bộ\s+[lL]uật|Luật|Pháp\s+lệnh|(?<![Pp]háp\s)(?:bộ\s+)?luật(?=\s+[A-ZĐÀ-Ỹ])(?!\s+Việt\s+Nam))\s+(?!(?:{_LAW_NAME_NOT_FIRST})\b)[^\W\d_][\wÀ-ỹ]*   # "Luật Tiếp cận thông tin", "bộ luật Dân sự 2015"
              (?:\s{_LAW_NAME_WORD}|{_LAW_NAME_AFTER_COMMA}){{0,11}}?{_LAW_NAME_CAPITAL_AFTER_COMMA}
            |Hiến\s+pháp)
    \s+(?:(?P<year_bracket>\((?=(?:năm\s+)?(?:19|20)\d{{2}}\)))?(?:năm\s+)?(?P<year>(?:19|20)\d{{2}})(?:\b|(?=[a-zđ{_VI_MARKED_LOWER}]))(?!/|[.-]\d)(?(year_bracket)\))  # "Luật BHXH 2024", "2024và", "(năm 2008)"
         |số\s+(?P<number>{NUMBER})                            # "... số 72/2025/QH15"
         |ngày\s+(?P<date>\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}|\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+\d{{4}}))
    """,
    re.VERBOSE,
)
_HEADER_NUMBER_LABEL = re.compile(r"(?:^|\s)(?:Số|SỐ|số)\s*:\s*$|(?:^|\n)\s*(?:Số|SỐ)\s*$")
# "theo mẫu 08/UQ-QTT-TNCN", "Mẫu số 01/ĐKDN": the code of a form, not a document's number.
_FORM_BEFORE = re.compile(r"\b(?:[Mm]ẫu|MẪU)(?:\s+(?:số|Số|SỐ))?\s*:?\s*$")
# Parts of the codes of declaration forms (tax returns: "05/KK-TNCN", "01/GTGT", "02/QTT-TNCN"), which no
# document's symbol holds: a bare symbol with one of them is a form (data/doc_types.yaml form_code_parts).
_FORM_CODE_PARTS = frozenset(_DOC_TYPES["form_code_parts"])
_JOINED_TO_PREVIOUS = re.compile(r"(?:,|;|\bvà|\bhoặc)\s*(?:các\s+)?$")
# The issuer follows "của" (not "do": "... số 100/2020/NĐ-CP do UBND cấp tỉnh thực hiện" is no issuer).
_ISSUER_LEAD = re.compile(r"\s*,?\s*(?:của|CỦA)\s+")
_BRACKET_THEN_ISSUER = re.compile(r"\s*\)(?=\s*,?\s*(?:của|CỦA)\s)")
_YEARLESS_DATE_THEN_ISSUER = re.compile(
    r"(?P<date>\s*,?\s*ngày\s+\d{1,2}\s*[/-]\s*\d{1,2})(?![/.-]?\d)(?=\s*,?\s*(?:của|CỦA)\s)"
    # ... or a month of its year: "Quyết định số 24/QĐ-BGTVT tháng 1/2016 của Bộ GTVT" (news, heldout150)
    r"|(?P<month>\s*,?\s*(?:vào\s+)?tháng\s+\d{1,2}\s*[/-]\s*(?:19|20)\d{2})(?=\s*,?\s*(?:của|CỦA)\s)"
)
# A web copy's download link after a cited document: "Công văn 434/VLO-QLDN2 ngày 21/8/2025 Tải về của Thuế tỉnh
# Vĩnh Long" (legal_qa: 22 before "của", 54 before "về"): the issuer and subject read on after it.
_DOWNLOAD_LINK = re.compile(r"(?:\s+Tải\s+về(?=\s))?")
# "Quyết định 988/QĐ-UBND năm 2023 của UBND tỉnh": the year of issue between the number and the issuer.
_YEAR_AFTER_NUMBER = re.compile(r"\s+năm\s+(?P<year>(?:19|20)\d{2})\b(?![/.-]\d)")
# "Thông tư 05/2013/TT-BKHCN do Bộ trưởng Bộ Khoa học và Công nghệ ban hành": the issuer after "do", only
# when its issuing verb follows the name ("do UBND cấp tỉnh thực hiện" names who carries it out).
# "Nghị định số 67/2014/NĐ-CP được Chính phủ ban hành ngày 7/7/2014" (news, heldout60): the passive says it too.
_ISSUED_BY_LEAD = re.compile(r"\s*,?\s*(?:do|được)\s+")
# ... or grants it ("giấy phép ... số 582/CNNg-KTM ngày 22.12.1992 do Bộ Công nghiệp nặng (nay là Bộ Công thương)
# cấp cho Công ty ...", news, heldout80), the body's present name in brackets between them
_ISSUED_BY_VERB = re.compile(
    r"(?:\s*\((?:nay\s+là|nay\s+thuộc)\s[^()]{2,60}\))?\s+(?:(?:ký\s+)?ban\s+hành|cấp(?:\s+lần\s+đầu)?)\b"
)
# Between a number and its own date: "ban hành", "được ban hành", "ký", a bracket ("Thông báo 01/TB-UBND (ngày
# 4-1-2013)", news), or the signer ("Quyết định số 2167/QĐ-BVHTTDL do Thứ trưởng Vương Duy Biên ký ngày 30.5.2017",
# heldout59): the day it was signed is the day it was issued; the signer is no issuing body; "văn bản 59/BVUB-ĐD do
# bệnh viện ban hành ngày 27.4.2016" (news, heldout111): a body named in lower case; the day an approval was given
# ("phép bay số 2664/TC - QC của Cục Tác chiến phê duyệt ngày 30/05/2017", news, heldout118).
_DATE_LEAD = re.compile(
    r"\s*,?\s*(?:\(\s*(?=ngày\s|ban\s+hành\s|ký\s)|do\s+(?:[^,;.()\n]|(?<=TP|Tp)\.){3,70}?\s+(?=(?:ký\s+(?:ban\s+hành\s+)?|ban\s+hành\s+)ngày\s))?"
    r"(?:(?:được\s+)?(?:ký\s+)?(?:ban\s+hành|ký|phê\s+duyệt)\s+)?"
)
# what may follow a citation's own date written after a comma: its issuer, its subject, or the clause's end
_AFTER_OWN_DATE = re.compile(r"\s*(?:[,.;:)]|của\b|do\b|về\b|[Vv]/[Vv]\b|$)")
_SUBJECT_LEAD = re.compile(r"\s*,?\s*(?=(?:về|v/v|V/v|V/V|Về)\b)")
_ISSUER_WORDS = load_yaml("issuer_words")
_NOT_A_SUBJECT_START = frozenset(_ISSUER_WORDS["not_subject_start"])
# A unit named in lower case by its level is a place, not a body ("của tỉnh Tuyên Quang"); "tỉnh ủy" is one.
_PLACE_NOT_BODY = re.compile(
    r"(?:"
    + "|".join(re.escape(level) for level in sorted(ADMIN_LEVELS, key=len, reverse=True))
    + r")\s+(?!(?:ủy|uỷ)\b)"
)
# A subject copied from the cited document's title keeps its capital: "... của Bộ trưởng Bộ Tài chính Quy định về
# công tác tổng hợp ..." (legal_docs). Only these openings, and only right after the issuer.
_BARE_PROVINCIAL_COMMITTEE = re.compile(
    r"(?:(?:Phó\s+)?Chủ\s+tịch\s+)?(?:Ủy\s+ban|Hội\s+đồng)\s+nhân\s+dân\s+tỉnh"
)
_COUNCIL_COMMITTEES = frozenset(_ISSUER_WORDS["council_committees"])
# The people's council a text names (its own header or enacting line): "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI".
_COUNCIL_NAMED = re.compile(
    r"(?:Hội đồng nhân dân|HỘI ĐỒNG NHÂN DÂN|HĐND)\s+(?P<level>tỉnh|thành phố|Thành phố|TỈNH|THÀNH PHỐ|quận|huyện|xã"
    r"|phường|QUẬN|HUYỆN|XÃ|PHƯỜNG)(?!\w)"
)
_CAPITALISED_SUBJECT_OPENINGS = frozenset(load_yaml("issuer_words")["capitalised_subject_openings"])
# The preamble's main clause after a cited document: ", Ủy ban nhân dân phường ban hành Kế hoạch".
_MAIN_CLAUSE_AFTER = re.compile(
    r",\s*(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND|Trường|Sở|Phòng|Ban|Bộ|Văn\s+phòng)\b[^,;.\n]{0,60}?"
    r"\s(?:ban\s+hành|xây\s+dựng)\s+(?:Kế\s+hoạch|kế\s+hoạch|Chương\s+trình|Quyết\s+định)"
    # ... or the body says what the cited letter holds: "theo công văn số 1245/BXD-KHCN … về chỉ tiêu kiến trúc …, Bộ Xây
    # dựng có đưa ra chỉ tiêu …" (news, heldout151)
    r"|,\s*(?:Bộ|Sở|Cục|Tổng\s+cục|(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND)\s[^,;.\n]{0,60}?\s(?:(?:đã|có|cũng)\s+)+"
    r"(?:đưa\s+ra|nêu|quy\s+định|hướng\s+dẫn|yêu\s+cầu|chỉ\s+đạo)\b"
)
_SUBJECT_END = re.compile(r"[;\n]|\.\s|\./\.|\.$|:")
# Qualifiers of an issuer that are not the subject: "Thành ủy Hà Nội khóa XVII", "... nhiệm kỳ 2020 - 2025".
_ISSUER_QUALIFIER = re.compile(r"\s+(?:khóa|khoá|nhiệm\s+kỳ|lần\s+thứ)\s+[IVXLC\d]+(?:\s*[-–]\s*\d{4})?\b")
# Another citation begins: a type word and a number with its symbol ("và Kế hoạch số 12/KH-UBND",
# not "và đề án 06", which is part of a committee's name).
_TYPE_WORD_START = re.compile(rf"(?:{_TYPE_WORDS})\s+(?:(?:số|Số)\s*:?\s*)?{NUMBER}", re.VERBOSE)
# The issuer may come first: "Theo đề nghị của Sở Tài chính tại Công văn số 11033/STC-CSTH ...".
# ... also in brackets: "đề xuất của Bộ Nội vụ (tại Công văn 8764/BNV-CVL ngày 01/10/2025)".
_ISSUER_BEFORE = re.compile(
    r"(?:của|CỦA)\s+(?P<issuer>(?:(?!của\s|CỦA\s)[^;:()\n]){2,120}?)\s+\(?\s*"
    # "Quy chế ... của Bộ Nội vụ ban hành kèm theo Quyết định 786/QĐ-BNV" (legal Q&A, heldout78): the rules the
    # body issued with the decision, the code confirming the body
    r"(?:tại|TẠI|ban\s+hành\s+kèm\s+theo|được\s+ban\s+hành\s+kèm\s+theo)\s*$"
)
_AND_BETWEEN_PROPOSERS = re.compile(r"\s+và\s+")
_ADDRESSED_AFTER_ISSUER = re.compile(r"\s+(?:cho|gửi)\s+(?=\S)")
# Or be the subject that issues it: "Ngày 31/3, UBND tỉnh Lai Châu đã ban hành Kế hoạch số 1331/KH-UBND".
# "... đã gửi Báo cáo số 198/BC-UBND lên UBND tỉnh", "... đã có Văn bản số 1547/BXD-VLXD": the sender issues it.
# Only "ban hành" (or "ra": "Bộ Xây dựng ra Quyết định 884/QĐ-BXD") says who issued it; after "có/gửi/ký" the symbol's code must abbreviate the subject
# ("Sở GD&ĐT TP.HCM đã có Công văn 6784/BGDĐT-GDTrH": the Sở forwards the Bộ's letter).
# The act a decision is named by, before its number: "quyết định khởi tố vụ án hình sự số 129/PC44-Đ2", "quyết định
# thành lập số 112/QĐ-UBND" (news); no other document's type among the words ("quyết định thu hồi giấy phép số ...":
# the licence's number)
_ACT_WORDS = rf"(?:\s+(?!(?:{_TYPE_WORDS})\b)[a-zà-ỹđ]+){{1,6}}"
_DECISION_NAMED_BY_ITS_ACT = re.compile(rf"\b[Qq]uyết\s+định{_ACT_WORDS}\s*$")
_SUBJECT_VERB = re.compile(
    # "UBND thành phố tiếp tục ban hành Quyết định 3649/QĐ-UBND" (news, heldout106): "tiếp tục" among the adverbs
    # "UBND tỉnh Lâm Đồng mới đây đã có liên tiếp 5 quyết định số 191/QĐ-UBND; 192/QĐ-UBND …" (news, heldout129)
    r"\s+(?:(?:cũng|đã|vừa|mới(?:\s+đây)?|gần\s+đây|vừa\s+qua|lại|tiếp\s+tục)\s+)*"
    r"(?:(?:(?:chính\s+thức|ký)\s+)?ban\s+hành|ra|(?P<sends>ký|gửi|có))(?:\s+(?:liên\s+tiếp|lần\s+lượt))?"
    # a decision named by its act: "Cơ quan CSĐT Công an TP Hà Nội đã ra quyết định khởi tố vụ án hình sự số
    # 129/PC44-Đ2" (news, heldout101)
    rf"(?P<act>(?<=\bra)\s+[Qq]uyết\s+định{_ACT_WORDS})?"
    # a count before the type: "UBND tỉnh Điện Biên vừa ban hành hai Quyết định số 578/QĐ-UBND và 579/QĐ-UBND" (heldout101)
    r"(?:\s+(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|\d{1,2}))?\s*$"
)
# A capitalised dated opening starts a clause even with no stop before it: a photo's caption runs into the sentence
# ("Bộ trưởng Bộ NN&PTNT Nguyễn Xuân Cường Ngày 24/1/2017 Bộ trưởng Bộ NN&PTNT Nguyễn Xuân Cường đã ký Quyết định
# số 235/QĐ-BNN-QLCL", news, heldout139)
_CLAUSE_START = re.compile(r"(?:^|\x00|[,;:(]\s*|\.\s+|(?<=\s)(?=Ngày\s+\d{1,2}\s*[/.-]\s*\d))(?=\S)")
_SUBJECT_HEAD = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(h)
        for h in sorted(
            # an association or a state group that sends its own letters ("Hiệp hội Lương thực Việt Nam (VFA) mới đây đã có
            # Công văn số 164/CV/HHLTVN", news, heldout153): after "có/gửi/ký" its symbol's code must confirm it
            [
                *BODY_HEADS,
                *_ISSUER_WORDS["office_heads"],
                "UBND",
                "HĐND",
                "Hiệp hội",
                "Tập đoàn",
                "Tổng công ty",
            ],
            key=len,
            reverse=True,
        )
    )
    + r")\b"
)
# "Thống đốc Ngân hàng Nhà nước Việt Nam (NHNN) đã ban hành ...": the body's acronym in brackets after it.
_ACRONYM_AFTER = re.compile(r"\s*\([A-ZĐ&]{2,10}\)$")
# ... or its place: "Cơ quan Cảnh sát điều tra Công an huyện Sóc Sơn (Hà Nội) đã ra quyết định ..." (news, heldout56)
_ACRONYM_IN_BRACKETS = re.compile(r"\((?:[A-ZĐ&]{2,10}|[A-ZĐ][a-zà-ỹđ]*(?:[ -][A-ZĐ][a-zà-ỹđ]*){1,3})\)")
# A photo's source or credit in brackets ends what comes before it: "Hình minh họa. (Nguồn: báo Dân trí) Cơ quan Cảnh
# sát điều tra Công an huyện Hải Hậu vừa có Công văn số 23/TB …" (news, heldout115)
_CREDIT_IN_BRACKETS = re.compile(r"\((?:Nguồn|Ảnh|Hình|Photo)\b[^()]{0,80}\)\s*(?=\S)")
# Bodies named by their purpose, whose name may run on with "về ...": "Ban Chỉ đạo về tổng kết ...".
_PURPOSE_NAMED = frozenset(_ISSUER_WORDS["list_name_heads"])
# Agencies every police level has, named only with their parent after a comma (news)
_NAMED_WITH_PARENT = frozenset(_ISSUER_WORDS["capitalised_body_heads"])
_MAX_SUBJECT_TOKENS = 16
_MIN_CONFIRMING_CODE = 3
_FROM_YEAR = re.compile(r"\s+năm\s+(?:19|20)\d{2}\b.*$")
# A sentence's connective before "Tại <the citation>, <body> ...": "Tuy nhiên, tại Quyết định số 572/QĐ-BKHĐT ngày
# 20.4.2017, Bộ Kế hoạch và Đầu tư chỉ bố trí ..." (news, heldout66).
_CONNECTIVES = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in _ISSUER_WORDS["sentence_connectives"])
_DATE_OPENING = re.compile(
    r"(?:[Nn]gày\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
    r"|(?:[Mm]ới|[Gg]ần)\s+đây|[Vv]ừa\s+qua|[Tt]rước\s+đó"  # "..., mới đây Bộ Xây dựng đã có Văn bản ..."
    # a connective, its comma often left out in news: "Ngoài ra UBND tỉnh Bình Thuận cũng có Văn bản số 925/UBND-KTN"
    rf"|(?:{_CONNECTIVES})"
    # the act as a noun: "..., cùng với việc Bộ Y tế đã ban hành Thông tư 02/2017/TT-BYT" (news, heldout124)
    r"|(?:(?:[Cc]ùng\s+với|[Dd]o|[Ss]au|[Vv]ới|[Nn]hờ|[Tt]rước)\s+)?việc"
    # "..., nhất là sau khi Bộ Chính trị ban hành Nghị quyết số 21-NQ/TƯ" (news): a time clause's subject
    r"|(?:(?:[Nn]hất|[Đđ]ặc\s+biệt)\s+là\s+)?(?:[Ss]au|[Tt]ừ)\s+khi|[Kk]hi)\s*,?\s*"
)
_MAX_SUBJECT_CHARS = 400
# "Tại tiểu mục 3 Mục II Kế hoạch ban hành kèm theo Quyết định 252/QĐ-BNV năm 2025, Bộ Nội vụ có nêu ...":
# a sentence that opens on where a document says something, then names who says it.
_WHERE_OPENING = re.compile(
    rf"(?:^|\x00|\.\s+|(?:{_CONNECTIVES}),\s+)(?:(?:[Tt]ại|[Tt]heo|[Cc]ăn\s+cứ(?:\s+(?:tại|theo|vào))?)\s+(?!quy\s+định\b)"
    # or a sentence that opens on the part itself: "Tiểu mục 2.1 Mục 2 Phần II Hướng dẫn 35-HD/BTGDVTW năm 2025, Ban
    # Tuyên giáo và Dân vận hướng dẫn ..." (legal_qa, heldout41)
    r"|(?=(?:Tiểu\s+mục|Mục|Điều|Khoản|Điểm|Phần|Chương)\s+[\dIVXLC]))"
    r"(?:[^.;:\n]|(?<=\d)\.(?=\d)){0,120}$"  # "Tiểu mục 2.1": a part's number may hold a stop
    # or "Trong" right before the citation: "Trong Văn bản số 526/UBND-TNMT gửi …, UBND huyện Đại Từ đã tóm lược …"
    # (news, heldout148)
    rf"|(?:^|\x00|\.\s+|(?:{_CONNECTIVES}),\s+)[Tt]rong\s+$"
)
# (a recipient and "mới đây" may stand before the comma: "Trong Văn bản số 526/UBND-TNMT gửi UBND tỉnh Thái Nguyên mới đây,
# UBND huyện Đại Từ đã tóm lược …", news, heldout148)
_SAYS_AFTER = re.compile(r"(?:\s+gửi\s+[^,.;:()\n]{2,80}?)?(?:\s+(?:mới\s+đây|vừa\s+qua|gần\s+đây))?\s*,\s+")
_ADVERB_AT_END = re.compile(r"\s+(?:chỉ|vẫn|lại|cũng|đã|còn)$")
_LOWER_WORD_AFTER = re.compile(r"\s+(?:(?:đã|có|cũng|chỉ|lại|vẫn)\s+)*[a-zà-ỹđ]")
_SAYS_VERB = re.compile(
    r"\s+(?:(?:đã|có|cũng)\s+)*(?:nêu|quy\s+định|hướng\s+dẫn|yêu\s+cầu|chỉ\s+đạo|sửa\s+đổi|ban\s+hành|kết\s+luận)\b"
)
# "các Quyết định của Bộ trưởng ...", "Các Thông tư của ...": a plural type with its issuer, numbers to follow.
# A count stands for "các" too: "04 Thông tư của Bộ GD&ĐT gồm Thông tư 01/2021/TT-BGDĐT, Thông tư 02/...".
_PLURAL_LEAD = re.compile(
    rf"(?:\b[Cc]ác|(?<![\d/.,-])\d{{1,2}}|\b(?:hai|ba|bốn))\s+(?P<type>{_TYPE_WORDS})(?:\s+(?:của|CỦA)\s+|\s*(?=:))"
)
# The items of a counted or plural lead that repeat their type follow "gồm" or a colon.
_LISTING = re.compile(r"(?:\bgồm|:)\s")
_LISTED_ITEMS = re.compile(
    rf"(?:\s*(?:{_TYPE_WORDS})\s+(?:số\s+)?[\w/.&-]+(?:\s+(?:ngày\s+[\d/]+|năm\s+\d{{4}}))?\s*(?:,|;|và)\s*)*\s*(?:{_TYPE_WORDS})?\s*(?:số\s*)?"
)
# Items of a list after a colon, ";" between them: "các Nghị định của Chính phủ: số 156/...; số 91/...".
_LIST_ITEM_BREAK = re.compile(r";(?!\s*[Ss]ố\b)|\.\s|\n")
_SENTENCE_BREAK = re.compile(r";|\.\s|\n")
_PLENUM_BODIES = {name.casefold(): name for name in _ISSUER_WORDS["plenum_bodies"]}
# Central bodies that sign together, named as a list: "Kết luận số 167-KL/TW ... của Bộ Chính trị, Ban Bí thư".
_JOINT_CENTRAL_BODIES = frozenset(_ISSUER_WORDS["joint_central_bodies"])
_JOINT_CENTRAL_BODY = re.compile(
    r",\s*(?P<body>"
    + "|".join(re.escape(b) for b in sorted(_JOINT_CENTRAL_BODIES, key=len, reverse=True))
    + r")(?!\w)"
)
_CENTRAL_PLENUM_BODY: str = _ISSUER_WORDS["central_plenum_body"]
# A plenum where "của <issuer>" would be: ", Hội nghị lần thứ 8 của Ban Chấp hành Trung ương Đảng khóa XII",
# "của Hội nghị lần thứ tám Ban Chấp hành ...", "năm 2017, Hội nghị lần thứ năm Ban ...", "Hội nghị Trung ương 4".
_PLENUM_LEAD = re.compile(
    r"\s*,?\s*(?:năm\s+(?:19|20)\d{2}\s*,?\s*)?(?:(?:của|tại)\s+)?Hội\s+nghị\s+"
    r"(?:lần\s+thứ\s+(?P<ordinal>[\wÀ-ỹ]+)|(?P<central>Trung\s+ương|TW|T\.Ư)\s+(?:lần\s+thứ\s+)?[\wÀ-ỹ]+)"
    r"\s*,?\s*(?:(?:của|CỦA)\s+)?"
)
# A footnote mark glued to the issuer ("... của Chính phủ[1] quy định ..."): the subject follows it.
_FOOTNOTE_MARK = re.compile(r"(?:\[\d{1,3}\])?")
# "của <body> tại <citation>": the body issued the citation that follows "tại", not the one before it.
_NEXT_CITATION_VIA_TAI = re.compile(
    rf"\s+(?:tại|TẠI)\s+(?:(?:{_TYPE_WORDS})\s+)?(?:(?:số|Số)\s*:?\s*)?{NUMBER}", re.VERBOSE
)
# Bodies a party symbol's issuer code stands for when it abbreviates none of them: "/TW" is signed by the
# Politburo, the Secretariat and the Central Committee ("của Bộ Chính trị tại thông báo số 99-TB/TW").
_CODE_BODIES: dict[str, list[str]] = _DOC_TYPES["symbol_code_bodies"]
# "Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP của Văn phòng Chính phủ, ...": the date opens the clause.
_DATED_BEFORE = re.compile(
    # (after a connective, the comma before "tại" often left out: "Trước đó, ngày 14/11/2013 tại Văn bản số 1333/UBND-
    # TNMT gửi Sở …", news, heldout148)
    r"(?:^|[.;:]\s+|\n|(?:"
    + _CONNECTIVES
    + r"),\s+)[Nn]gày\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
    r",?\s+tại\s+$"
)


def canonical_doc_type(spelling: str) -> str:
    """The canonical name of a type as the text spells it ("KẾ HOẠCH", "kế hoạch" -> "Kế hoạch").

    Raises ``KeyError`` for a spelling that is no document type.
    """
    return _TYPE_BY_SPELLING[re.sub(r"\s+", " ", spelling).lower()]


def _read_subject(text: str, position: int, after_issuer: bool, stop_at: int) -> tuple[str | None, int]:
    """The subject ("về ...") starting at ``position``; ends at ";", a line end, a sentence end or ``stop_at``."""
    lead = _SUBJECT_LEAD.match(text, position)
    if lead:
        start = lead.end()
    else:
        following = text[position:].lstrip(" ")
        first_word = following.split(" ", 1)[0] if following else ""
        opens_title = " ".join(following.split(" ", 2)[:2]).rstrip(",:") in _CAPITALISED_SUBJECT_OPENINGS
        if not (
            after_issuer
            and ((first_word[:1].islower() and first_word not in _NOT_A_SUBJECT_START) or opens_title)
        ):
            return None, position
        start = position + (len(text[position:]) - len(following))
    limit = min(stop_at, start + _MAX_SUBJECT_CHARS, len(text))
    end, quote_open, paren_depth = start, False, 0
    while end < limit:
        char = text[end]
        if char in '“”"':
            quote_open = char == "“" or (char == '"' and not quote_open)
        elif char == "(":
            paren_depth += 1
        elif char == ")":
            if paren_depth == 0:
                break  # the citation sits inside brackets: "(Ban hành kèm theo Quyết định số ...)"
            paren_depth -= 1
        elif char == "\n" and text[end + 1 : end + 2].islower():
            pass  # a scan's wrapped line: the subject goes on
        elif not quote_open and _SUBJECT_END.match(text, end):
            break
        elif char == "," and not quote_open and _MAIN_CLAUSE_AFTER.match(text, end):
            break  # "... về cải thiện Chỉ số PAPI, Ủy ban nhân dân phường ban hành Kế hoạch ..."
        elif char == " " and text.startswith("do ", end + 1) and _issued_by(text, end):
            break  # "... về thủ tục nhập khẩu ... do Tổng cục Hải quan ban hành": the issuer, after the subject
        end += 1
    subject = re.sub(r"(?:\s|,)*(?:\bvà|\bhoặc|,)?\s*$", "", text[start:end])
    subject = re.sub(r"\s*\n\s*", " ", subject)
    return (subject or None), start + len(subject)


def _read_tail(text: str, number_end: int, stop_at: int) -> dict[str, object]:
    """Date, issuer and subject after a number, in the order official texts write them."""
    position = number_end
    found: dict[str, object] = {}
    date_lead = _DATE_LEAD.match(text, position)
    date_match = DATE_PATTERN.match(text, date_lead.end())
    if date_match and (parsed := parse_date(date_match.group())) and parsed[1] == "day":
        # "... do Thanh tra tỉnh ban hành ngày 9/6/2017": the body before the date
        if re.match(r"\s*,?\s*do\s", date_lead.group()) and (issued_by := _issued_by(text, position)):
            found["issuer"] = issued_by[0]
        found["issued_on"], position = parsed[0], date_match.end()
    elif year := _YEAR_AFTER_NUMBER.match(text, position):
        found["year"], position = int(year["year"]), year.end()
        # "Công văn 59-CV/BCĐ năm 2025 ngày 12/9/2025 của Ban Chỉ đạo Trung ương": the website's year, then
        # the date written out in the same year
        date_match = DATE_PATTERN.match(text, _DATE_LEAD.match(text, position).end())
        parsed = parse_date(date_match.group()) if date_match else None
        if (
            date_match
            and "," in text[position : date_match.start()]
            and not _AFTER_OWN_DATE.match(text, date_match.end())
        ):
            # "Thông báo 3252/BHXH-QLT năm 2025, ngày 08/10/2025 BHXH ... có Thông báo 2346/...": the next one's date
            parsed = None
        if parsed and parsed[1] == "day" and parsed[0][:4] == year["year"]:
            found["issued_on"], position = parsed[0], date_match.end()
    if "issued_on" not in found and (yearless := _YEARLESS_DATE_THEN_ISSUER.match(text, position)):
        # "Văn bản số 528/UBND-VP ngày 29/5 của UBND thành phố Điện Biên Phủ" (news, heldout40): a day without
        # its year stands between the number and the issuer; no date is kept
        position = yearless.end("date") if yearless["date"] else yearless.end("month")
    position = _DOWNLOAD_LINK.match(text, position).end()
    if (closing := _BRACKET_THEN_ISSUER.match(text, position)) and "(" in text[
        max(0, number_end - 60) : number_end
    ]:
        # "Kết luận (số 184/KL-SYT) của Giám đốc Sở Y tế Hòa Bình" (news, heldout83): the number in brackets
        position = closing.end()
    issuer_lead = _ISSUER_LEAD.match(text, position)
    issuer = cut_issuer(text, issuer_lead.end(), stop_before=_TYPE_WORD_START) if issuer_lead else None
    lower_case_subject = True
    if plenum := _plenum_issuer(text, position):
        found["issuer"], position = plenum[:2]
        issuer = None
        # "... tại Hội nghị Trung ương 7 khóa X xác định ...": after a plenum that names no committee, a
        # lower-case word is the sentence's verb, not a subject
        lower_case_subject = plenum[2]
    elif issuer is None and (issued_by := _issued_by(text, position)):
        found["issuer"], position = issued_by
    if issuer and _NEXT_CITATION_VIA_TAI.match(text, issuer[1]):
        issuer = None  # ", của Ban Bí thư tại văn bản số 213-KL/TW": the next citation's issuer, named first
    if issuer and _PLACE_NOT_BODY.match(issuer[0]):
        issuer = None  # "Nghị quyết 57-NQ/TW của tỉnh Tuyên Quang": a place, no issuing body
    if issuer:
        found["issuer"], position = _issuer_name(issuer[0]), _FOOTNOTE_MARK.match(text, issuer[1]).end()
        joint = _JOINT_CENTRAL_BODY.match(text, position)
        if joint and str(found["issuer"]) in _JOINT_CENTRAL_BODIES:
            found["issuer"], position = f"{found['issuer']}, {joint['body']}", joint.end()
        elif issuer_lead and _JOINT_SYMBOL.search(text, max(0, number_end - 60), number_end):
            # a joint document: the list of its issuers may be longer than one body's name
            longer = cut_issuer(
                text, issuer_lead.end(), stop_before=_TYPE_WORD_START, max_tokens=_MAX_JOINT_TOKENS
            )
            first, position = (_issuer_name(longer[0]), longer[1]) if longer else (found["issuer"], position)
            found["issuer"], position = _listed_joint_issuers(text, str(first), position)
    if "issuer" in found:
        if qualifier := _ISSUER_QUALIFIER.match(text, position):
            position = qualifier.end()
        if "issued_on" not in found:
            late_date = DATE_PATTERN.match(text, _DATE_LEAD.match(text, position).end())
            if late_date and (parsed := parse_date(late_date.group())) and parsed[1] == "day":
                found["issued_on"], position = parsed[0], late_date.end()
    subject, subject_end = _read_subject(text, position, "issuer" in found and lower_case_subject, stop_at)
    if subject:
        found["subject"], position = subject, subject_end
        if "issuer" not in found and (issued_by := _issued_by(text, position)):
            found["issuer"], position = issued_by
    found["end"] = position
    return found


# A joint document's symbol ("07/2013/TTLT-BGDĐT-BNV-BTC", "72/2025/NQLT/UBTVQH15-CP-…"): its issuers are listed, one
# after another, by commas, "và" or dashes ("của Bộ trưởng Bộ Giáo dục và Đào tạo, Bộ trưởng Bộ Nội vụ và Bộ trưởng Bộ
# Tài chính", heldout91; 23 joint citations in the legal and Q&A corpus).
_MAX_JOINT_TOKENS = 40
_JOINT_SYMBOL = re.compile(r"(?:TTLT|NQLT)[\w/.&-]*$")
_NEXT_JOINT_ISSUER = re.compile(
    r"(?P<joiner>\s*,\s*|\s+và\s+|\s*[-–]\s*)(?=(?:Bộ\s+trưởng|Bộ|Thống\s+đốc|Chánh\s+án|Viện\s+trưởng|Tổng\s+Kiểm\s+toán"
    r"|Ủy\s+ban|Chính\s+phủ|Đoàn\s+Chủ\s+tịch|Tòa\s+án|Viện\s+kiểm\s+sát)(?!\w))"
)


def _listed_joint_issuers(text: str, first: str, position: int) -> tuple[str, int]:
    """The issuers of a joint document read on after the first: "A, B và C" as the text lists them."""
    issuers = first
    while (joiner := _NEXT_JOINT_ISSUER.match(text, position)) is not None:
        following = cut_issuer(text, joiner.end(), stop_before=_TYPE_WORD_START)
        if following is None:
            break
        separator = " và " if "và" in joiner["joiner"] else (", " if "," in joiner["joiner"] else " - ")
        issuers, position = f"{issuers}{separator}{_issuer_name(following[0])}", following[1]
    return issuers, position


def _issued_by(text: str, position: int) -> tuple[str, int] | None:
    """(issuer, end) of "do <body> ban hành" right after a number or its date, else None."""
    lead = _ISSUED_BY_LEAD.match(text, position)
    body = cut_issuer(text, lead.end(), stop_before=_TYPE_WORD_START) if lead else None
    if body is not None and body[0].endswith(" cấp") and not _ISSUED_BY_VERB.match(text, body[1]):
        # "giấy phép xây dựng số 95/GPXD ngày 18/6/2015 do Sở Xây dựng cấp." (news, heldout118): the name reader keeps
        # "cấp" for a level ("UBND cấp tỉnh"); with no level after it, it is the granting verb
        body = (body[0][: -len(" cấp")], body[1] - len(" cấp"))
    if body is not None and not _ISSUED_BY_VERB.match(text, body[1]):
        # "số 067/QLCT-GCN do Cục Quản lý cạnh tranh cấp lần đầu" (news, heldout52): a field in lower case the reader
        # of names stops before, when the issuing verb follows it
        field = _LOWER_FIELD_BEFORE_VERB.match(text, body[1])
        if field is not None:
            body = (body[0] + " " + " ".join(field.group().split()), field.end())
    if body is None or not _ISSUED_BY_VERB.match(text, body[1]):
        return None
    return _issuer_name(body[0]), _ISSUED_BY_VERB.match(text, body[1]).end()


_LOWER_FIELD_BEFORE_VERB = re.compile(
    r"(?:\s+(?!(?:cấp|ban|ký|và|của|tại|theo)\b)[a-zđà-ỹ]+){1,4}?(?=" + _ISSUED_BY_VERB.pattern + ")"
)


def _sole_issuer(issuer: object, number: str) -> str | None:
    """The issuer read after a number, cut to the one body its symbol names when a clause ran on after "và".

    "Nghị định số 98/2020/NĐ-CP ngày 26/8/2020 của Chính phủ và Phòng cảnh sát kinh tế - Công an tỉnh ... đã lập
    hồ sơ" (heldout35): a decree has one issuer, the next clause's subject is no co-issuer.
    """
    if not isinstance(issuer, str):
        return None
    national = issuer_from_symbol(number)
    return national if national and issuer.startswith(national + " và ") else issuer


_LATER_ISSUED_BY = re.compile(r"\sdo\s+")
_LATER_WINDOW = 160


def _issued_by_later(text: str, position: int, stop_at: int, number: str) -> tuple[str | None, str | None]:
    """(body, date) of a "do <body> ban hành (ngày ...)" later in the citation's clause, when the symbol's code
    abbreviates the body; (None, None) if none.

    "Căn cứ Công văn 9494/BTC-CT năm 2025 sử dụng biên lai thu phí, lệ phí tự in do Bộ Tài chính ban hành"
    (heldout35): the subject in lower case, with a comma, stands between the number and its issuer; "Thông tư
    27/2025/TT-NHNN hướng dẫn ... do Thống đốc Ngân hàng Nhà nước Việt Nam ban hành ngày 15/09/2025" (legal_qa).
    """
    code = issuer_code(number)
    if code is None or len(code) < _MIN_CONFIRMING_CODE:
        return None, None
    end = min(stop_at, position + _LATER_WINDOW)
    sentence_end = _SENTENCE_BREAK.search(text, position, end)
    for lead in _LATER_ISSUED_BY.finditer(text, position, sentence_end.start() if sentence_end else end):
        found = _issued_by(text, lead.start())
        if found and code_abbreviates(code, found[0]):
            date = _ISSUED_DATE_AFTER.match(text, found[1])
            parsed = parse_date(date["date"]) if date else None
            day = parsed[0] if parsed and parsed[1] == "day" else None
            # "Thông tư 45/2025/TT-NHNN sửa đổi Thông tư 18/2024/TT-NHNN ... do Thống đốc ... ban hành ngày 19/11/2025":
            # the date of the first one
            return found[0], (day if day and _year_fits(number, day) else None)
    return None, None


_ISSUED_DATE_AFTER = re.compile(
    r"\s+(?P<date>ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)


def _plenum_issuer(text: str, position: int) -> tuple[str, int, bool] | None:
    """(issuer, end, whether the text names it) of a plenum named after a Party resolution's number or date.

    "..., Hội nghị lần thứ 8 của Ban Chấp hành Trung ương Đảng khóa XII về ...": the committee named after
    the plenum; "Hội nghị Trung ương 4 khóa XIII" names none and is the Central Committee's
    (``central_plenum_body``). A plenum followed by no committee and no "Trung ương" gives nothing.
    """
    lead = _PLENUM_LEAD.match(text, position)
    if lead is None:
        return None
    body = cut_issuer(text, lead.end(), stop_before=_TYPE_WORD_START)
    if body and body[0].split()[0].lower() == "ban":
        name = _issuer_name(body[0])
        return _PLENUM_BODIES.get(name.casefold(), name), body[1], True
    if lead["central"]:
        end = lead.start() + len(re.sub(r"[\s,]*(?:(?:của|CỦA)\s*)?$", "", lead.group()))
        return _CENTRAL_PLENUM_BODY, end, False
    return None


def _issuer_name(raw: str) -> str:
    """The issuer as stored: abbreviations expanded, an ALL-CAPS name in title case.

    A ministry written as its symbol code ("của BVHTTDL", "của BTC") is that ministry.
    """
    if raw.strip() in LETTER_ISSUERS:
        return LETTER_ISSUERS[raw.strip()]
    name = title_case(raw) if raw.isupper() else expand_abbreviations(raw)
    name = _HEAD_WRITTEN_TWICE.sub(
        r"\g<head>", name
    )  # "của UBND Ủy ban nhân dân thành phố Hà Nội" (heldout82)
    return known_body_spelling(_KNOWN_BODY_SPELLING.get(name.casefold(), name))


_HEAD_WRITTEN_TWICE = re.compile(r"^(?P<head>\S+(?:\s+\S+){1,3})\s+(?P=head)(?=\s)")


def _issuer_before(text: str, head_start: int, number: str) -> str | None:
    """The issuer named before the citation: "... của Sở Tài chính tại Công văn số 3679/STC-QLGCS".

    Only when the symbol's code abbreviates that name: "theo chỉ đạo của Bộ Chính trị tại Công văn
    số 13421-CV/VPTW" is a letter of the Central Office (VPTW) conveying the Politburo's direction.
    """
    window = _text_before(text, head_start, window=160)
    before = _ISSUER_BEFORE.search(window)
    code = issuer_code(number)
    if before is None or not code:
        return None
    # The phrase after the last "của": a body's name, which may hold commas ("của Giám đốc Sở Văn hóa, Thể thao
    # và Du lịch tại Tờ trình số 2329/TTr-SVHTTDL"), or two proposers of which the symbol names one ("của Chánh
    # Văn phòng UBND tỉnh và Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 709/TTr-SNNMT", heldout34).
    phrase_start = before.start("issuer")
    phrase = before["issuer"]
    # "trả lời vướng mắc ... của Tổng cục Hải quan cho Cục Hải quan Bình Dương tại công văn số 9224/TCHQ-GSQL" (news,
    # heldout135): the body the letter answered follows its issuer
    addressed = _ADDRESSED_AFTER_ISSUER.search(phrase)
    if addressed is not None:
        phrase = phrase[: addressed.start()]
    for offset in [*(m.end() for m in _AND_BETWEEN_PROPOSERS.finditer(phrase)), 0]:
        issuer = cut_issuer(text, head_start - len(window) + phrase_start + offset)
        if (
            issuer is None
            or (offset == 0 and issuer[0] != phrase)
            or (offset and not phrase.endswith(issuer[0]))
        ):
            continue  # the words between "của" and "tại" are not only a body's name
        name = _issuer_name(issuer[0])
        if _PART_OF_A_TEXT.search(name):
            continue  # "... của Chính phủ và Mục I Phần IV Phụ lục I ban hành kèm theo ...": no body's name
        if code_abbreviates(code, name) or name in _CODE_BODIES.get(code, []):
            return name
    return None


# "Để" (letting) before the subject that issues: what a body is blamed for having let itself do.
_LETTING_OPENER = re.compile(r"(?:Để|để)\s+")
_PART_OF_A_TEXT = re.compile(r"(?<!\w)(?:Tiểu mục|Mục|Phần|Phụ lục|Điều|Chương|khoản|điểm)\s+[\dIVXLC]")


def _subject_issuer(text: str, head_start: int, number: str) -> str | None:
    """The body that is the subject of "<body> (đã|vừa) ban hành <the citation>", else None.

    The subject is the whole clause before the verb, after an opening date at most ("Ngày 31/3/2025,
    UBND tỉnh Lai Châu đã ban hành Kế hoạch ..."); it counts only when it is a body's whole name, read
    by ``cut_issuer``, or a body named by its purpose whose name runs on ("Ban Chỉ đạo về tổng kết thực
    hiện Nghị quyết 18-NQ/TW năm 2017"). A clause that begins otherwise ("Phó Chủ tịch UBND ...", "...
    do Bộ Y tế ban hành" closing another title) gives nothing. A signer's name after the body is dropped.
    """
    # a body's acronym in brackets is blanked (same length): its "(" opens no clause
    window = _ACRONYM_IN_BRACKETS.sub(
        lambda m: " " * len(m.group()), _text_before(text, head_start, window=200)
    )
    window = _CREDIT_IN_BRACKETS.sub(lambda m: "." + " " * (len(m.group()) - 1), window)
    verb = _SUBJECT_VERB.search(window)
    if verb is None or (verb["act"] and not text.startswith("số", head_start)):
        return None
    clause_starts = [m.end() for m in _CLAUSE_START.finditer(window, 0, verb.start())]
    head = None
    # The last clause; or an earlier one that opens a body named by its purpose, whose name has commas
    # ("Ngày 11/9/2025, Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, ... ban hành ...").
    for back, start in enumerate(reversed(clause_starts[-4:])):
        opening = _DATE_OPENING.match(window, start)
        position = opening.end() if opening else start
        if letting := _LETTING_OPENER.match(window, position):
            position = (
                letting.end()
            )  # "Để Hội đồng Thành viên ban hành Nghị quyết số 4266/NQ-DKVN …" (news, heldout155)
        head = _SUBJECT_HEAD.match(window, position)
        if head and (back == 0 or any(window.startswith(name, head.start()) for name in _PURPOSE_NAMED)):
            break
        head = None
    if head is None:
        return None
    if listed := _joint_signers(window, clause_starts, verb.start(), number):
        return listed
    if joint := _joint_issuers(window, clause_starts, head.start()):
        # "Bộ Chính trị, Ban Bí thư đã ban hành Kết luận ...": the pair that signs together, else no one body
        pair = f"{joint}, {drop_signer_name(window[head.start() : verb.start()].strip())}"
        if joint in _JOINT_CENTRAL_BODIES and pair.split(", ")[1] in _JOINT_CENTRAL_BODIES:
            return pair
        if joint in _NAMED_WITH_PARENT:
            return pair  # "Cơ quan Cảnh sát điều tra, Bộ Công an đã ra Quyết định ...": the agency of that ministry
        return _unit_before_parent(text, head_start - len(window), window, clause_starts, number)
    subject = drop_signer_name(_ACRONYM_AFTER.sub("", window[head.start() : verb.start()].strip()))
    if len(subject.split()) > _MAX_SUBJECT_TOKENS * (2 if subject.startswith(tuple(_PURPOSE_NAMED)) else 1):
        return None
    issuer = cut_issuer(text, head_start - len(window) + head.start())
    if issuer is None:
        return None
    name = drop_signer_name(issuer[0])
    code = issuer_code(number)
    if (
        name != subject
        and not (name in _PURPOSE_NAMED and subject.startswith((name + " về ", name + " của ")))
        # "Trung tâm thông tin và chương trình giáo dục đã có Thông báo 59/TTTT-CTGD": a name in lower case that
        # the reader of names cuts short, whole by the initials its own symbol gives (heldout32)
        and not (
            code
            and len(code) >= _MIN_CONFIRMING_CODE
            and code_abbreviates(code, subject)
            and not code_abbreviates(code, name)
        )
    ):
        return None
    found = _issuer_name(_FROM_YEAR.sub("", subject))
    # a bare number has no code to confirm the sender: "Ngày 9/5, UBND tỉnh có quyết định số 949 ..." (news, heldout109);
    # a symbol of the type's code alone names no body to contradict it ("Cơ quan Cảnh sát điều tra Công an huyện Hải
    # Hậu vừa có Công văn số 23/TB ngày 10/1/2017", news, heldout115)
    type_code_only = code in SYMBOL_CODES and len(re.split(r"[-/]", number)) == 2
    # nor does a unit's code of letters and digits, no initials ("Tổng cục Chính trị CAND có Thông báo số 1100/X11-X14",
    # news, heldout123: a police department's number)
    opaque_code = bool(code and re.fullmatch(r"[A-ZĐ]{1,3}\d{1,3}", code))
    confirmed = type_code_only or opaque_code or (code and code_abbreviates(code, found))
    if verb["sends"] and "/" in number and not confirmed:
        return None
    return found


def _unit_before_parent(
    text: str, base: int, window: str, clause_starts: list[int], number: str
) -> str | None:
    """The unit named before its parent, comma between, when the symbol's code abbreviates the unit.

    "Cục Chăn nuôi, Bộ Nông nghiệp và Phát triển nông thôn (NN&PTNT) vừa có công văn 654/CN-KHTC" (news, heldout65):
    the subject's last clause is the ministry; the letter is the Cục's. Two bodies whose codes the symbol both
    gives are joint ("Bộ Công An, Bộ Nông nghiệp và Môi trường đã có Kế hoạch 515/KH-BCA-BNN&MT").
    """
    code = issuer_code(number)
    if len(clause_starts) < 2 or code is None or len(code) < 2:
        return None
    parent = window[clause_starts[-1] :]
    if any(
        code_abbreviates(part, parent)
        for part in re.split(r"[-/]", number)[1:]
        if part != code and len(part) > 1
    ):
        return None
    start, parent_start = clause_starts[-2], clause_starts[-1]
    opening = _DATE_OPENING.match(window, start)
    start = opening.end() if opening else start
    if not window[start:parent_start].rstrip().endswith(",") or not _SUBJECT_HEAD.match(window, start):
        return None
    unit = cut_issuer(text, base + start)
    if unit is None or unit[0] != window[start:parent_start].rstrip(" ,"):
        return None
    name = _issuer_name(unit[0])
    return name if code_abbreviates(code, name) else None


def _issuer_saying(text: str, head_start: int, end: int, number: str) -> str | None:
    """The body named right after "Tại/Theo <the citation>," as the one who says what follows, else None.

    Only when the symbol's code abbreviates the body: "Tại Thông báo 596/TB-VPCP, Thủ tướng yêu cầu"
    is the Government Office's notice of the Prime Minister's words, and gives nothing here.
    """
    if not _WHERE_OPENING.search(_text_before(text, head_start, window=160)):
        return None
    comma = _SAYS_AFTER.match(text, end)
    body = cut_issuer(text, comma.end()) if comma else None
    # the body's verb: one that says, or any other where the symbol confirms the body (checked below): "..., Bộ Kế
    # hoạch và Đầu tư chỉ bố trí ..."
    if body is None:
        return None
    code = issuer_code(number)
    says = _SAYS_VERB.match(text, body[1]) is not None
    confirmed = (
        code is not None
        and sum(ch.isalpha() for ch in code) >= _MIN_CONFIRMING_CODE
        and issuer_from_symbol(number)
        is None  # "Cụ thể, tại Quyết định số 2096/QĐ-TTg, Thủ tướng ...": the symbol's
    )
    if not says and not (confirmed and _LOWER_WORD_AFTER.match(text, body[1])):
        return None
    # (an adverb read on into the name is the verb's: "Bộ Kế hoạch và Đầu tư chỉ bố trí ...")
    name = _issuer_name(drop_signer_name(_ADVERB_AT_END.sub("", re.sub(r"\s*\([^)]*\)?$", "", body[0]))))
    # "Tại Mục 5 Kết luận 83-KL/TW năm 2024, Bộ Chính trị có kết luận ...": "/TW" is one of its bodies'
    return name if code and (code_abbreviates(code, name) or name in _CODE_BODIES.get(code, [])) else None


def _bracketed_after_body(text: str, head_start: int, number: str) -> str | None:
    """The body the sentence names before a citation given in brackets, when the symbol's code abbreviates it.

    "Bộ Kế hoạch và Đầu tư đã chấp thuận cho thành phố giải ngân vốn ODA theo tiến độ dự án (Công văn số
    3059/BKHĐT-TH ngày 21.5.2015)", "quyết định giao vốn năm 2017 của Bộ Kế hoạch và Đầu tư (Quyết định số
    612/QĐ-BKHĐT ...)" (news, heldout66): the nearest such body in the sentence.
    """
    window = _text_before(text, head_start, window=_BRACKET_SENTENCE_WINDOW)
    bracket = _OPENING_BRACKET.search(window)
    code = issuer_code(number)
    if bracket is None or code is None or len(code) < _MIN_CONFIRMING_CODE:
        return None
    breaks = list(_SENTENCE_BREAK.finditer(window, 0, bracket.start()))
    sentence_start = breaks[-1].end() if breaks else 0
    offset = head_start - len(window)
    found = None
    for head in _SUBJECT_HEAD.finditer(window, sentence_start, bracket.start()):
        body = cut_issuer(text, offset + head.start())
        if body is not None and body[1] <= offset + bracket.start() and code_abbreviates(code, body[0]):
            found = _issuer_name(drop_signer_name(body[0]))
    return found


def _approver(text: str, head_start: int, number: str) -> tuple[str | None, str | None]:
    """(issuer, date) of a decision cited as where a body acted: "... tại Quyết định số N".

    "... được Ủy ban nhân dân thành phố phê duyệt tại Quyết định 737/QĐ-UBND" (legal_docs), "Mới đây nhất, ngày
    3-5-2017, Bộ Công Thương đã phê duyệt quy hoạch hiệu chỉnh ... tại Quyết định số 1562/QĐ-BCT" (news, heldout122):
    the body that approves (issues, assigns ...) right before its verb, when the symbol's code abbreviates it; the day
    of the act when the sentence dates it right before the body.
    """
    if not _AT_BEFORE.search(text, max(0, head_start - _AT_WINDOW), head_start):
        return None, None  # most citations: checked first, on the few characters before the type
    window = _text_before(text, head_start, window=_APPROVER_WINDOW)
    code = issuer_code(number)
    if code is None or len(code) < 2 or issuer_from_symbol(number):
        return (
            None,
            None,
        )  # a national symbol names its issuer ("14/2025/QĐ-TTg", however "Bộ trưởng … ban hành")
    breaks = list(_SENTENCE_BREAK.finditer(window))
    sentence_start = breaks[-1].end() if breaks else 0
    verbs = list(_ACT_VERB.finditer(window, sentence_start))
    if not verbs or _CITED_NUMBER.search(window, verbs[-1].end()):
        return None, None  # no act, or another document between the act and this one
    verb, offset = verbs[-1], head_start - len(window)
    for head in _SUBJECT_HEAD.finditer(window, sentence_start, verb.start()):
        body = cut_issuer(text, offset + head.start())
        if body is None or not _BEFORE_ACT.fullmatch(text, body[1], offset + verb.start()):
            continue
        if not _AGENT_OPENING.search(window[sentence_start : head.start()]):
            return (
                None,
                None,
            )  # "... tham mưu Chủ tịch Ủy ban nhân dân Thành phố phê duyệt ...": asked to act, not the actor
        name = _issuer_name(drop_signer_name(body[0]))
        if not code_abbreviates(code, name):
            return None, None
        dated = _DATED_CLAUSE_BEFORE.search(window, sentence_start, head.start())
        return name, parse_date(dated["date"])[0] if dated and parse_date(dated["date"]) else None
    return None, None


def _granter(text: str, head_start: int) -> str | None:
    """The body that granted the document: "sản phẩm được Bộ Y Tế cấp phép ATTP số 15151/2014/ATTP-XNCB" (news,
    heldout131), "do Sở Kế hoạch và Đầu tư cấp Giấy chứng nhận số ...": the agent of "cấp" issues what it grants."""
    granted = _GRANTED_BY.search(text, max(0, head_start - _GRANTER_WINDOW), head_start)
    if granted is None:
        return None
    body = expand_abbreviations(granted["body"])
    found = organization_at(body, 0)
    return found.name if found is not None and found.start == 0 and found.end == len(body) else None


_GRANTER_WINDOW = 140
_GRANTED_BY = re.compile(
    r"(?<!\w)(?:được|do)\s+(?P<body>[^\W\d_][^,.;:()\n]{2,80}?)\s+(?:đã\s+|vừa\s+)?cấp(?:\s+(?:phép|mới|lại))?"
    r"(?:\s+[^\s,.;:()]+){0,4}?\s*\(?\s*$"  # "được UBND tỉnh Kon Tum cấp (số 135/GP-UBND ...)" (news)
)
_APPROVER_WINDOW = 260
_AT_WINDOW = 8
_AT_BEFORE = re.compile(r"(?<!\w)tại\s*$")
_ACT_VERB = re.compile(
    r"(?<!\w)(?:phê\s+duyệt|ban\s+hành|chấp\s+thuận|phê\s+chuẩn|công\s+bố|giao|thành\s+lập|điều\s+chỉnh)(?!\w)"
)
_CITED_NUMBER = re.compile(r"\d+/|(?<!\w)số\s+\d")
# The body acts as the clause's subject, or as the agent of a passive ("được/do <body> phê duyệt").
_AGENT_OPENING = re.compile(rf"(?:^|\x00|[,;:(]|(?<!\w)(?:được|do|{_CONNECTIVES}))\s*$")

# Between the body and its verb: a bracket ("Bộ trưởng Bộ Giao thông vận tải (nay là Bộ Xây dựng) phê duyệt") and adverbs.
_BEFORE_ACT = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:(?:đã|vừa|mới|cũng|chính\s+thức)\s+)*")
_DATED_CLAUSE_BEFORE = re.compile(
    r"(?<!\w)(?P<date>ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*,\s*$"
)


_OPENING_BRACKET = re.compile(r"\(\s*(?:(?:theo|tại|xem)\s+)?$")
_BRACKET_SENTENCE_WINDOW = 240


def _joint_signers(window: str, clause_starts: list[int], verb_start: int, number: str) -> str | None:
    """The offices or bodies that sign a joint document together, listed as its subject.

    "Ngày 29/8/2025, Bộ trưởng Bộ Tư pháp, Bộ trưởng Bộ Ngoại giao và Chánh án Tòa án nhân dân tối cao ban
    hành Thông tư liên tịch 13/2025/TTLT-BTP-BNG-TANDTC" (legal_qa, heldout28): only for a joint symbol
    ("TTLT", "NQLT"), and only when every item of the list is a body's or office's whole name.
    """
    if not re.search(r"/(?:TTLT|NQLT)-", number) or not clause_starts:
        return None
    opening = _DATE_OPENING.match(window, clause_starts[0])
    start = opening.end() if opening else clause_starts[0]
    subject = window[start:verb_start].strip(" ,")
    parts = re.split(r"\s*,\s*|\s+và\s+", subject)
    if len(parts) < 2:
        return None
    for part in parts:
        read = cut_issuer(part, 0)
        if read is None or read[0] != part:
            return None
    return _issuer_name(subject)


def _joint_issuers(window: str, clause_starts: list[int], subject_start: int) -> str | None:
    """The body named in the clause before the subject, if it is one: "Sở Nội vụ, Sở Tài chính đã ban hành"."""
    earlier = [start for start in clause_starts if start < subject_start]
    if not earlier:
        return None
    before = window[earlier[-1] : subject_start].rstrip(" ,")
    name = cut_issuer(before, 0) if _SUBJECT_HEAD.match(before) else None
    return before if name is not None and name[0] == before else None


def _plural_lead(text: str, head_start: int) -> tuple[str, str, int] | None:
    """(type, window, end of the lead) of the "các <Type> (của ...)" that lists the number at ``head_start``.

    "các Quyết định của Bộ trưởng ... (Số 1226/QĐ-BVHTTDL ... và số 2657/QĐ-BVHTTDL ...)", "các Nghị
    quyết của Quốc hội: số 55/2010/QH12 ...; số 28/2016/QH14 ...". Within the sentence: no line or
    sentence end between, and a ";" only between the items of a list opened by a colon. "các văn bản"
    names no type: its numbers keep their own.
    """
    window = _text_before(text, head_start, window=320)
    leads = list(_PLURAL_LEAD.finditer(window))
    if not leads:
        return None
    lead = leads[-1]
    between = window[lead.end() :]
    colon_list = ":" in between and _LIST_ITEM_BREAK.search(between[between.index(":") :] + "số") is None
    if _SENTENCE_BREAK.search(between) and not (
        colon_list and not _SENTENCE_BREAK.search(between[: between.index(":")])
    ):
        return None
    return canonical_doc_type(lead["type"]), window, lead.end()


def _plural_lead_type(text: str, head_start: int) -> str | None:
    """The type a plural lead gives a bare "số <number>" it lists ("các Nghị quyết của Quốc hội: số ...")."""
    lead = _plural_lead(text, head_start)
    return lead[0] if lead and lead[0] != "Công văn" else None


def _issuer_of_plural_lead(
    text: str, head_start: int, number: str, doc_type: str | None, typed: bool = False
) -> str | None:
    """The issuer of "các <Type> của <issuer> ... (Số 1226/QĐ-BVHTTDL ... và số 2657/QĐ-BVHTTDL ...)".

    A plural type names the issuer once and lists the numbers after it, in brackets or after a colon
    ("Căn cứ các Thông tư của Bộ trưởng Bộ Tài nguyên và Môi trường (nay là ...): số 02/2022/TT-BTNMT").
    Only for a number of that type ("các văn bản" fits any) whose symbol's code abbreviates the issuer
    (BVHTTDL: Bộ Văn hóa, Thể thao và Du lịch) or is that body's.
    """
    found = _plural_lead(text, head_start)
    if found is None or doc_type is None or (found[0] != doc_type and found[0] != "Công văn"):
        return None
    _, window, lead_end = found
    listing = _LISTING.search(window, lead_end) if typed else None
    if typed and (listing is None or not _LISTED_ITEMS.fullmatch(window, listing.end())):
        # an item with its own type is listed after "gồm"/":", only items between: "... Thông tư
        # 04/2021/TT-BGDĐT và được sửa đổi bởi Thông tư 08/2023/TT-BGDĐT" is no item of the list
        return None
    issuer = cut_issuer(window, lead_end, stop_before=_TYPE_WORD_START)  # None after a bare "các Quyết định:"
    if issuer is None and (before := _ISSUER_BEFORE_LEAD.search(window, 0, lead_end)) is not None:
        # "Theo đề nghị của Sở Xây dựng tại các Tờ trình: số 441/TTr-SXD ... và số 464/TTr-SXD ..." (heldout82)
        issuer = cut_issuer(window, before.start("issuer"), stop_before=_TYPE_WORD_START)
        if issuer is not None and before.start("issuer") + len(issuer[0]) != before.end("issuer"):
            issuer = None
    if issuer is None:
        return None
    name = _issuer_name(issuer[0])
    code = issuer_code(number)
    if code is None:
        return None
    if (
        code_abbreviates(code, name)
        or name in _CODE_BODIES.get(code, [])
        or issuer_from_symbol(number) == name
    ):
        return name
    return None


_ISSUER_BEFORE_LEAD = re.compile(
    r"(?:của|CỦA)\s+(?P<issuer>(?:(?!của\s)[^;:()\n]){2,120}?)\s+(?:tại|TẠI)\s+(?:các|CÁC)\s+\S+(?:\s+\S+)?\s*$"
)
_LOCAL_BODY_CODES: dict[str, str] = _ISSUER_WORDS["local_body_codes"]
PROVINCES: list[str] = load_yaml("surnames")["provinces"]
# ... a province or city of the closed list only ("... TP Hà Nội", not "... Thành phố Hồ Chí Minh Số tầng")
_PLACE_AFTER_SYMBOL = regex.compile(
    r"(?:\s+năm\s+(?:19|20)\d{2})?[ \t]+(?P<place>(?:tỉnh|Tỉnh|thành\s+phố|Thành\s+phố|TP\.?|Tp\.)[ \t]*"
    rf"(?:{'|'.join(sorted(map(regex.escape, PROVINCES), key=len, reverse=True))}))(?![\w/-])"
)


def _place_after_symbol(text: str, number_end: int, number: str) -> str | None:
    """The local committee or council whose place follows its symbol: "Quyết định 1678/QĐ-UBND tỉnh Khánh Hòa"."""
    body = _LOCAL_BODY_CODES.get(issuer_code(number) or "")
    place = _PLACE_AFTER_SYMBOL.match(text, number_end) if body else None
    return _issuer_name(f"{body} {place['place']}") if place else None


def _dated_before(text: str, head_start: int) -> str | None:
    """The date that opens the clause of a citation that gives none after its number ("Ngày ..., tại ...")."""
    found = _DATED_BEFORE.search(_text_before(text, head_start, window=60))
    parsed = parse_date("ngày " + found["date"]) if found else None
    return parsed[0] if parsed and parsed[1] == "day" else None


def _issuer_shared_with_previous(
    text: str, head_start: int, number: str, previous: list[CitedDocument]
) -> str | None:
    """The issuer of the citation this one is listed with, when both symbols carry the same issuer code.

    "ý kiến của Sở Nội vụ tại Công văn số 2252/SNV-TCBC ngày ... và Công văn số 2846/SNV-TCBC ngày ...".
    """
    if not previous or previous[-1].issuer is None or head_start - previous[-1].end > 40:
        return None
    if not _JOINED_TO_PREVIOUS.search(text[previous[-1].end : head_start]):
        return None
    code = issuer_code(number)
    return previous[-1].issuer if code and code == issuer_code(previous[-1].number or "") else None


def _doc_type_of(
    head: re.Match[str], symbol_type: str | None, previous: CitedDocument | None, text: str
) -> str | None:
    """The text's own type word, else the previous citation's type when joined to it, else the symbol's.

    "các Quyết định số 1/QĐ-UBND và số 2/QĐ-UBND", "Chương trình hành động số 05-CTr/QU và số
    06-CTr/QU": a number joined by "và"/","/";" shares the type of the citation before it, as long
    as its symbol does not say otherwise.
    """
    if head["type"]:
        return canonical_doc_type(head["type"])
    joined = (
        previous is not None
        and previous.doc_type is not None
        and head.start() - previous.end < 40
        and _JOINED_TO_PREVIOUS.search(text[previous.end : head.start()])
    )
    alternatives = _SYMBOL_TYPE_ALTERNATIVES.get(symbol_type or "", [])
    if joined and (
        symbol_type is None or previous.doc_type.startswith(symbol_type) or previous.doc_type in alternatives
    ):
        return previous.doc_type
    # (a letter's symbol, with no type code, does not say otherwise: "số 129/PC44-Đ2", a police decision)
    if (
        head["so"]
        and symbol_type in (None, "Công văn")
        and _DECISION_NAMED_BY_ITS_ACT.search(_text_before(text, head.start(), window=80))
    ):
        return "Quyết định"
    lead_type = _plural_lead_type(text, head.start()) if head["so"] else None
    if lead_type and (symbol_type is None or lead_type.startswith(symbol_type) or lead_type in alternatives):
        return lead_type
    return symbol_type


def _act_before(text: str, head: re.Match[str], doc_type: str) -> int:
    """How far before its "số" a decision named by its act begins ("Quyết định khởi tố bị can số 363/C46"), else 0."""
    if head["type"] or not head["so"] or doc_type != "Quyết định":
        return 0
    act = _DECISION_NAMED_BY_ITS_ACT.search(_text_before(text, head.start(), window=80))
    return len(act.group()) if act else 0


def _text_before(text: str, position: int, window: int = 40) -> str:
    """The line before ``position``, at most ``window`` characters of it (a label is close by).

    Bounded so that a 100k-character line without breaks stays linear; a cut line starts with a
    NUL so that a start-of-line pattern cannot match inside it.
    """
    line_start = text.rfind("\n", max(0, position - window - 1), position) + 1
    if line_start == 0 and position > window:
        return "\x00" + text[position - window : position]
    return text[line_start:position]


def _numbered_citations(text: str) -> list[CitedDocument]:
    heads = list(CITATION_HEAD.finditer(text))
    citations: list[CitedDocument] = []
    own_numbers: set[str] = set()
    for index, head in enumerate(heads):
        number = normalise_number(head["number"])
        line_before = _text_before(text, head.start("number"))
        if not head["type"] and _HEADER_NUMBER_LABEL.search(line_before):
            own_numbers.add(number)
            continue  # the document's own number in its header
        if not head["type"] and _FORM_BEFORE.search(line_before):
            continue  # "theo mẫu 08/UQ-QTT-TNCN": a form's code, no document
        if (
            not head["type"]
            and not head["so"]
            and _FORM_CODE_PARTS.intersection(re.split(r"[-/]", number))
            and not _listed_after_same_issuer(text, head.start(), number, citations)
        ):
            continue  # "05/KK-TNCN" in a list of tax forms: a form's code, not a letter's symbol
        symbol_type = doc_type_from_symbol(number)
        doc_type = _doc_type_of(head, symbol_type, citations[-1] if citations else None, text)
        if doc_type is None or (not head["type"] and not head["so"] and symbol_type is None):
            continue
        if not head["type"] and not head["so"] and _BARE_TYPE_CODE.fullmatch(number):
            continue  # "kem nền ... SPF 37/PA++" (news, heldout42): a bare type code names no issuer, no document
        next_start = heads[index + 1].start() if index + 1 < len(heads) else len(text)
        tail = _read_tail(text, head.end("number"), next_start)
        year_in_number = re.search(r"/((?:19|20)\d{2})/", number)
        later = _issued_by_later(text, int(tail["end"]), next_start, number)
        approver = _approver(text, head.start(), number)
        issued_on = tail.get("issued_on") or later[1] or approver[1]
        year = (
            int(issued_on[:4])
            if issued_on
            else (int(year_in_number[1]) if year_in_number else tail.get("year"))
        )
        citations.append(
            CitedDocument(
                doc_type=doc_type,
                number=number,
                issued_on=issued_on,
                issuer=_sole_issuer(tail.get("issuer"), number)
                or _issuer_before(text, head.start(), number)
                or _subject_issuer(text, head.start(), number)
                or _issuer_saying(text, head.start(), int(tail["end"]), number)
                or _issuer_shared_with_previous(text, head.start(), number, citations)
                or _issuer_of_plural_lead(text, head.start(), number, doc_type, typed=bool(head["type"]))
                or _place_after_symbol(text, head.end("number"), number)
                or later[0]
                or approver[0]
                or _granter(text, head.start())
                or _bracketed_after_body(text, head.start(), number)
                or issuer_from_symbol(number),
                subject=tail.get("subject"),
                year=year,
                start=head.start() - _act_before(text, head, doc_type),
                end=int(tail["end"]),
            )
        )
    # "(Kèm theo Quyết định số <own number> ...)" above an attached plan names the document itself.
    return [citation for citation in citations if citation.number not in own_numbers]


def _listed_after_same_issuer(text: str, start: int, number: str, citations: list[CitedDocument]) -> bool:
    """Whether ``number`` goes on a list right after a citation of the same issuer's code: "các văn bản số 350/TCT-CS,
    784/TCT-TNCN của Tổng Cục thuế" (news, heldout97) lists a second letter, no tax form."""
    if not citations or start - citations[-1].end > _LIST_GAP:
        return False
    code = issuer_code(number)
    return (
        code is not None
        and code == issuer_code(citations[-1].number or "")
        and _JOINED_TO_PREVIOUS.search(text[citations[-1].end : start]) is not None
    )


_LIST_GAP = 6


def _year_fits(number: str | None, day: str) -> bool:
    """Whether a date may be the issue date of ``number``: the year its symbol carries, if any, is the date's."""
    year = re.search(r"/((?:19|20)\d{2})/", number or "")
    return year is None or year[1] == day[:4]


_BARE_TYPE_CODE = re.compile(r"\d+/[A-ZĐ]{1,4}")
_OWN_ISSUER_AFTER = re.compile(r"\s(?:của|CỦA|do)\s")


def _share_with_following(citations: list[CitedDocument], text: str) -> list[CitedDocument]:
    """Numbers listed together share the issuer (and a bare number the date) written after the last.

    "Các Công điện: số 007/CĐ-UBND ngày 17/11/2025, số 008/CĐ-UBND và số 009/CĐ-UBND ngày 19/11/2025;
    số 010/CĐ-UBND ... của UBND tỉnh": 008 is dated 19/11/2025 and all four are the committee's;
    "Thông tư số 08/2024/TT-BXD và Thông tư số 09/2025/TT-BXD của Bộ Xây dựng". Only along a list
    ("," ";" "và" between them) of numbers with the same issuer code, and never into a citation
    that has its own subject. A date goes back only over "," or "và" to a number that has nothing after it but
    the issuer the two share ("của Chính phủ tại Tờ trình số 394/TTr-CP và Đề án số 395/ĐA-CP ngày 09 tháng 5 năm
    2025", heldout37).
    """
    for current, following in zip(reversed(citations[:-1]), reversed(citations[1:]), strict=True):
        gap = text[current.end : following.start]
        code = issuer_code(current.number or "")
        if current.subject or len(gap) > 12 or not _JOINED_TO_PREVIOUS.search(gap):
            continue
        if code is None or code != issuer_code(following.number or ""):
            continue
        # an issuer named before both, not one written after the first ("... số 12/QĐ-UBND của UBND tỉnh và số 15/...")
        same_issuer = current.issuer is None or (
            current.issuer == following.issuer
            and not _OWN_ISSUER_AFTER.search(text, current.start, current.end)
        )
        if (
            current.issued_on is None
            and same_issuer
            and ";" not in gap
            and following.issued_on
            and _year_fits(current.number, following.issued_on)
        ):
            current.issued_on = following.issued_on
            current.year = current.year or int(following.issued_on[:4])
        current.issuer = current.issuer or following.issuer
    return citations


_ANOTHER_TYPE_JOINED = re.compile(
    r"\s(?:và|hoặc)\s+(?:Nghị định|Thông tư|Quyết định|Nghị quyết|Chỉ thị|Pháp lệnh|Bộ luật|Luật)$"
)


_DATE_AFTER_LAW_YEAR = re.compile(
    r"\s*,?\s*ngày\s+(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)


def _laws_by_name(text: str) -> list[CitedDocument]:
    laws = []
    position = 0
    while (match := LAW_BY_NAME.search(text, position)) is not None:
        position = match.end()
        if _DRAFT_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "Dự thảo Luật Quy hoạch năm 2025": a draft is no issued document
        if _CONVENTION_BEFORE.search(text, max(0, match.start() - 80), match.start()):
            continue
        title = expand_law_abbreviation(re.sub(r"\s+", " ", match["title"]))
        title = title[:1].upper() + title[1:]  # "bộ luật Dân sự 2015" in running text (news, heldout128)
        if _ANOTHER_TYPE_JOINED.search(title) and not title.lower().startswith("luật sửa đổi"):
            # "... của Luật Quản lý thuế và Nghị định số 126/2020/NĐ-CP ...": the decree's number is not the law's
            position = match.start() + 1
            continue
        amending = title.lower().startswith("luật sửa đổi")
        name_words = title.split()[2 if title.startswith(("Bộ", "Pháp lệnh")) else 1 :]
        lower_case_name = title != "Hiến pháp" and not amending and name_words[0][:1].islower()
        if lower_case_name and _LOWER_LAW_NAME_STOP.search(" ".join(name_words)):
            # "Luật đất đai năm 2013", "Bộ luật tố tụng dân sự 2015" are names in lower case; "Luật cư trú mới
            # nhất để thay thế cho Luật Cư trú 2020" reads on as a sentence: the law it names is read from the next
            # "Luật" on
            position = match.start() + 1
            continue
        doc_type = next(
            (
                kind
                for kind in ("Bộ luật", "Pháp lệnh", "Hiến pháp")
                if title.lower().startswith(kind.lower())
            ),
            title.split()[0],
        )
        number = normalise_number(match["number"]) if match["number"] else None
        parsed_date = parse_date("ngày " + match["date"]) if match["date"] else None
        issued_on = parsed_date[0] if parsed_date else None
        year = int(match["year"]) if match["year"] else (int(issued_on[:4]) if issued_on else None)
        if number and (year_in_number := re.search(r"/((?:19|20)\d{2})/", number)):
            year = int(year_in_number[1])
        end = match.end()
        if issued_on is None and year and (dated := _DATE_AFTER_LAW_YEAR.match(text, end)):
            # "Luật Lý lịch tư pháp 2009 ngày 17 tháng 6 năm 2009" (legal_qa, heldout96): the date of the year's law
            parsed_date = parse_date("ngày " + dated["date"])
            if parsed_date and parsed_date[0][:4] == str(year):
                issued_on, end = parsed_date[0], dated.end()
        laws.append(CitedDocument(doc_type, number, issued_on, None, None, title, year, match.start(), end))
    return laws


def _attribute_count(citation: CitedDocument) -> int:
    return sum(
        getattr(citation, f.name) is not None for f in fields(citation) if f.name not in ("start", "end")
    )


def _is_caps_mention(citation: CitedDocument, text: str) -> bool:
    """A mention in an ALL-CAPS title line, whose names are title-cased by rule, not as written."""
    letters = [ch for ch in text[citation.start : citation.end] if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


_SERIAL_AND_CODE = re.compile(r"(?P<serial>\d+)/(?P<code>[A-ZĐ&]{2,10})")


def _fuller_number(number: str, numbers: set[str]) -> str:
    """A headline's "2690/NHNN" is the "2690/QĐ-NHNN" the text cites in full: same serial, same issuer code."""
    short = _SERIAL_AND_CODE.fullmatch(number)
    if short is None:
        return number
    fuller = [
        n
        for n in numbers
        if n != number and n.startswith(short["serial"] + "/") and n.endswith("-" + short["code"])
    ]
    return fuller[0] if len(fuller) == 1 else number


def _law_key(title: str) -> str:
    """A law's name for matching its mentions: "Bộ Luật tố tụng hình sự" is the "Luật Tố tụng hình sự" of its year;
    "Luật Thi đua khen thưởng 2022" the "Luật Thi đua, Khen thưởng 2022" of the line before (heldout88)."""
    return " ".join(title.casefold().removeprefix("bộ ").replace(",", " ").split())


# A law's name right before its number in brackets: "Quốc hội (2015), Luật Kế toán (Luật số 88/2015/QH13)" (a reference
# list, news, heldout157): the numbered law is that name's, and "Luật Kế toán 2015" elsewhere the same law.
_LAW_NAME_BEFORE_BRACKET = regex.compile(
    r"(?P<title>(?<!\w)(?:Bộ\s+)?[Ll]uật\s+\p{Lu}[^()\n;:.]{1,80}?)\s*\(\s*(?:(?:Bộ\s+)?[Ll]uật\s+)?(?:số\s+)?$"
)
_LAW_TYPES = frozenset({"Luật", "Bộ luật"})


def _named_before_bracket(citation: CitedDocument, text: str) -> CitedDocument:
    if citation.title or not citation.number or citation.doc_type not in _LAW_TYPES:
        return citation
    named = _LAW_NAME_BEFORE_BRACKET.search(text, max(0, citation.start - 120), citation.start)
    return replace(citation, title=" ".join(named["title"].split())) if named else citation


def _deduplicate(citations: list[CitedDocument], text: str) -> list[CitedDocument]:
    """One citation per document: the fullest mention, its gaps filled from the other mentions.

    A mention in running text is preferred to one in an ALL-CAPS title line, which names the
    same document but spells its issuer only by rule ("THỦ TƯỚNG CHÍNH PHỦ").
    """
    groups: dict[tuple[object, ...], list[CitedDocument]] = {}
    citations = [_named_before_bracket(c, text) for c in citations]
    # "Luật Xây dựng số 50/2014/QH13 ... Luật Xây dựng 2014": the law by name and year is the numbered one
    numbered_laws = {
        (_law_key(c.title), c.year): c.number for c in citations if c.number and c.title and c.year
    }
    for citation in sorted(citations, key=lambda c: c.start):
        if citation.number:
            same_type = {c.number for c in citations if c.number and c.doc_type == citation.doc_type}
            citation.number = _fuller_number(citation.number, same_type)
        named = numbered_laws.get((_law_key(citation.title), citation.year)) if citation.title else None
        key = (
            ("number", citation.number)
            if citation.number
            else ("number", named)
            if named
            else ("title", _law_key(citation.title or ""), citation.year)
        )
        groups.setdefault(key, []).append(citation)
    merged = []
    for mentions in groups.values():
        best = max(mentions, key=lambda c: (not _is_caps_mention(c, text), _attribute_count(c), -c.start))
        filled = {
            f.name: next((getattr(m, f.name) for m in mentions if getattr(m, f.name) is not None), None)
            for f in fields(best)
            if getattr(best, f.name) is None
        }
        merged.append(replace(best, **filled))
    return sorted(merged, key=lambda c: c.start)


# The press's short form: a type and a bare serial number, then its issuer ("Nghị định 16 của Chính phủ",
# "Chỉ thị 26 của Thủ tướng Chính phủ"). Without the issuer a bare number names nothing checkable ("Đề
# án 153"), and a year-like number is a period ("Kế hoạch 2025"): neither is taken.
_SHORT_FORM = re.compile(
    rf"(?<!\w)(?P<type>{'|'.join(_first_letter_either_case(t) for t in _DOC_TYPES['short_form_types'])}"
    rf"|(?={'|'.join(_first_letter_either_case(t) for t in _DOC_TYPES['numbered_short_form_types'])})\w+(?:\s\w+)?(?=\s+số\s)"
    r"|[Cc]ông\s+văn(?=\s+\d{3})"
    # a bare number dated right after it: "Khoản 4 Mục I Hướng dẫn 1389 ngày 30.6.2015 của Công an TP.HCM" (news,
    # heldout137)
    rf"|(?=(?:{'|'.join(_first_letter_either_case(t) for t in _DOC_TYPES['dated_short_form_types'])})\s+\d{{1,5}}"
    r"\s+ngày\s+\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(?:19|20)\d{2})\w+(?:\s\w+)?)"
    r"\s+(?:(?P<so>số)\s+)?(?P<number>\d{1,5}(?:/(?P<year>(?:19|20)\d{2}))?)"
    r"(?![\w/.,:%-]?\d)(?![/%\w-])(?!\s?[/-]\s?[A-ZĐ])(?!\s[A-ZĐ]{1,6}-[A-ZĐ])"
)
# "Nghị định 67", "Nghị định 49/2017": the body that alone issues a type of document (data/doc_types.yaml)
_SOLE_ISSUERS: dict[str, str] = _DOC_TYPES["sole_issuer_types"]
_YEAR_LIKE = re.compile(r"(?:19|20)\d{2}$")
_HEAD_AND_VERB = re.compile(
    rf"(?:{'|'.join(map(re.escape, _ISSUER_WORDS['bare_heads_before_verb']))})\s+[a-zđ\u00e0-\u1ef9]+"
)
_NEXT_SHORT_FORM = re.compile(rf"\s*(?:,|;|\bvà|\bhoặc)\s+(?:{_TYPE_WORDS})\s+(?:số\s+)?\d", re.IGNORECASE)


_BRACKETED_BODY = re.compile(r"\s*\((?P<body>[^()\n]{2,60})\)")


def _bracketed_issuer(text: str, position: int) -> str | None:
    """The body a short form names in brackets right after its number, when the brackets hold its name alone."""
    bracket = _BRACKETED_BODY.match(text, position)
    if bracket is None:
        return None
    body = bracket["body"].strip()
    name = cut_issuer(body, 0)
    return _issuer_name(name[0]) if name is not None and name[0] == body else None


def _short_form_citations(text: str, taken: list[CitedDocument]) -> list[CitedDocument]:
    """Documents cited by type and serial only, with their issuer: "Chỉ thị 26 của Thủ tướng Chính phủ".

    Several short forms before one issuer share it: "Nghị quyết 71, Nghị quyết 57 của Bộ Chính trị".
    A short form of a document the text also cites in full ("Nghị quyết 57-NQ/TW") is that document:
    it gives the full citation the issuer and date it lacks, and is no citation of its own.
    """
    found: list[CitedDocument] = []
    waiting: list[CitedDocument] = []  # short forms whose issuer comes after the next one
    for match in _SHORT_FORM.finditer(text):
        letter = match["type"].casefold() == "công văn" and len(match["number"]) >= 3
        # "Kế hoạch 2025" is a period; "Công văn 2039 của Bảo hiểm xã hội" a letter (a letter has none)
        year_like = _YEAR_LIKE.match(match["number"]) and not letter
        if year_like or any(c.start <= match.start() < c.end for c in taken):
            continue
        tail = _read_tail(text, match.end(), len(text))
        if match["year"]:
            tail["year"] = int(match["year"])
        if not tail.get("issuer") and (bracketed := _bracketed_issuer(text, match.end())):
            tail["issuer"] = (
                bracketed  # "Nghị định 86 (Chính phủ) và Thông tư 63 (Bộ GTVT)" (news, heldout150)
            )
        issuer = tail.get("issuer")
        if issuer and _HEAD_AND_VERB.fullmatch(str(issuer)):
            issuer = tail["issuer"] = None  # "văn bản số 253 của Sở nêu": a bare head and the verb after it
        if (not issuer or not str(issuer)[:1].isupper()) and (
            sole := _SOLE_ISSUERS.get(canonical_doc_type(match["type"]) or "")
        ):
            # "theo Nghị định 67", "Nghị định 67 của ngư dân": the Government's decree all the same; the
            # short forms listed before it ("theo Thông tư 43 và Nghị định 188") share no written issuer
            found.append(_short_form(match, tail, sole))
            waiting = []
            continue
        if (not issuer or not str(issuer)[:1].isupper()) and (match["so"] or letter):
            # "công văn số 3478 năm 2011", "văn bản số 253 của Sở": "số" says a document's number; a letter
            # by its serial alone ("Công văn 2512: Yêu cầu trường học ...", a headline); its issuer may be the
            # clause's subject ("Ngày 9/5, UBND tỉnh có quyết định số 949 về ...", news, heldout109)
            found.append(_short_form(match, tail, _subject_issuer(text, match.start(), match["number"])))
            waiting = []
            continue
        if not issuer or not str(issuer)[:1].isupper():
            # "Quyết định 12 của ngư dân ...": no issuing body; "Nghị quyết 71, Nghị quyết 57 của ...": later
            listed = _NEXT_SHORT_FORM.match(text, match.end())
            waiting = [*waiting, _short_form(match, tail, None)] if listed else []
            continue
        # "Chỉ thị 26 của Thủ tướng Chính phủ và Chỉ thị 17 của ...": the next short form ends the issuer
        issuer = _NEXT_SHORT_FORM.split(str(issuer), maxsplit=1)[0]
        for earlier in waiting:
            earlier.issuer = issuer
        found += [*waiting, _short_form(match, tail, issuer)]
        waiting = []
    # "Thông tư 15/2015 của Bộ VHTTDL …; Thông tư 15 của Bộ cũng quy định …" (news, heldout141): a shorter form of
    # another short form, before or after it, is that document too
    return [
        short
        for short in found
        if not _fills_full_citation(short, taken)
        and not _fills_full_citation(short, [other for other in found if other is not short])
    ]


def _short_form(match: re.Match[str], tail: dict[str, object], issuer: str | None) -> CitedDocument:
    issued_on = tail.get("issued_on")
    return CitedDocument(
        doc_type=canonical_doc_type(match["type"]),
        number=match["number"],
        issued_on=issued_on,
        issuer=issuer,
        subject=tail.get("subject"),
        year=int(issued_on[:4]) if issued_on else tail.get("year"),
        start=match.start(),
        end=int(tail["end"]),
    )


def _fills_full_citation(short: CitedDocument, taken: list[CitedDocument]) -> bool:
    """Whether ``short`` is the short form of one full citation of ``taken``, completing it if so."""
    full = [
        c
        for c in taken
        if c.doc_type == short.doc_type and re.match(rf"{re.escape(short.number)}[-/]", c.number or "")
    ]
    if len({c.number for c in full}) > 1 and short.year:
        # "Nghị định 26 2025" where the text cites 26/2025/NĐ-CP and 26/2014/NĐ-CP: the year tells them apart
        full = [c for c in full if f"/{short.year}/" in (c.number or "")] or full
    if not full:
        return False
    if len({c.number for c in full}) > 1:
        return True  # one of them, which is not said: no citation of its own, nothing to complete
    for citation in full:
        citation.issuer = citation.issuer or short.issuer
        citation.issued_on = citation.issued_on or short.issued_on
    return True


def extract_citations(text: str) -> list[CitedDocument]:
    """Every document ``text`` cites, one entry per distinct document, in order of first mention.

    ``start``/``end`` span the whole citation (type word to the end of its subject), so the dates
    inside it can be told apart as ``cited`` dates.
    """
    nfc, back = nfc_with_offsets(text)
    units = named_units(nfc)
    numbered = _share_with_following(_numbered_citations(nfc), nfc)
    laws = _laws_by_name(nfc)  # a law named inside a subject is cited too
    numbered += _short_form_citations(nfc, numbered)
    numbered.sort(key=lambda citation: citation.start)
    council = _COUNCIL_NAMED.search(nfc)
    for citation in numbered:
        if citation.issuer in _COUNCIL_COMMITTEES and council:
            level = council["level"].lower() if council["level"].isupper() else council["level"]
            citation.issuer = f"{citation.issuer} Hội đồng nhân dân {level}"
        if citation.issuer:
            citation.issuer = complete_bare_level(citation.issuer, units)
        if (
            citation.issuer
            and _BARE_PROVINCIAL_COMMITTEE.fullmatch(citation.issuer)
            and not units.get("tỉnh")
        ):
            # "của UBND tỉnh" in a report that names Hà Tĩnh alone (an office's "Bộ Chỉ huy Quân sự tỉnh" stays as
            # the province's own documents write it, heldout25)
            province = only_province_named(nfc)
            citation.issuer = f"{citation.issuer} {province}" if province else citation.issuer
    for citation in numbered + laws:
        if citation.issued_on is None or citation.issuer is None:
            date, body = announced_before(nfc, citation.start)  # "Ngày 16/6/2025, Quốc hội đã thông qua ..."
            citation.issued_on = citation.issued_on or date or _dated_before(nfc, citation.start)
            if citation.issuer is None and body:
                citation.issuer = complete_bare_level(
                    _issuer_name(body), units
                )  # "Thường vụ Tỉnh ủy" → "… Vĩnh Phúc"
    for law in laws:
        law.issuer = law.issuer or (passed_by(nfc, law.title) if law.title else None)
    citations = _deduplicate(numbered + laws, nfc)
    for citation in citations:
        citation.start, citation.end = back[citation.start], back[citation.end]
    return citations
