"""Obligations: every action item of a plan's task sections, with who, when, how often, to whom.

A plan's tasks sit under top-level sections such as "NHIỆM VỤ VÀ GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN",
"CHẾ ĐỘ THÔNG TIN, BÁO CÁO" (``data/obligations.yaml``). Inside them every paragraph that is not a
heading is an item, and every sentence of an item is one obligation (an item often packs two
tasks: "... báo cáo UBND quận. Tham mưu ... khen thưởng hàng năm"): ``action`` is the sentence,
``text`` the whole item, ``start``/``end`` the sentence's offsets.

Who: the sentence's own subject, else the unit that opens its item ("1. Sở Y tế: Chủ trì ...;
... Tổ chức ..."), else the nearest heading that names a unit or an office ("2. Văn phòng UBND
phường", "3. Trưởng khu phố" own the bullets under them). When: the first deadline date in the
sentence (role ``deadline`` from :mod:`extractors.dates`; a relative "chậm nhất 01 tháng khi ..."
gives none: no day is invented). Indicator: the PAPI dimension of its heading ("a) Chỉ số nội dung
“Tham gia ...”"), else the index the sentence names, else the document's main index. Rows of task
tables are obligations too (:mod:`extractors.task_tables`), with the recipient their action names.
Outside the task sections only sentences with a deadline or a report's recipient are kept, and those that
order a recurring act (a frequency, a task verb first), except under purposes, requirements and targets.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

import regex

from extractors.dates import extract_dates
from extractors.document_meta import extract_document_meta
from extractors.flat_tables import flat_table_spans
from extractors.indicators import dimension_spans, indicator_spans
from extractors.lexicon import load_yaml
from extractors.obligation_attributes import (
    narrates_past_act,
    ordered_doer,
    read_frequency,
    read_heading_owner,
    read_recipient_and_via,
    read_subject,
)
from extractors.obligation_items import (
    CLOSING,
    HEADING_MAX_WORDS,
    ITEM_PREFIX,
    Item,
    closing_items,
    dated_clauses,
    section_items,
    sentences,
    starts_sub_item,
    unstructured_items,
)
from extractors.organizations import complete_unit, expand_abbreviations, named_units, organization_at
from extractors.relative_deadlines import find_relative_deadline
from extractors.run_in_owners import inherit_run_in_owners
from extractors.sections import SectionSpan, ancestors, content_start, parse_sections, section_at
from extractors.task_fields import field_owner, is_content_field, is_field_label, is_timing_label
from extractors.task_tables import table_obligations, table_rows_with_groups
from extractors.types import DateMention, DocumentMeta, Frequency, Obligation

_DATA = load_yaml("obligations")
# Simple case folding (VERSION0): Vietnamese letters need no full folding, and the full folding of
# VERSION1 made the case-insensitive alternations about twice as slow (measured on bench_extract).
_FLAGS = regex.IGNORECASE | regex.VERSION0
_TASK_SECTION = regex.compile("|".join(f"(?:{p})" for p in _DATA["task_sections"]), _FLAGS)
_NOT_TASK_SECTION = regex.compile("|".join(f"(?:{p})" for p in _DATA["not_task_sections"]), _FLAGS)
_TARGET_HEADING = regex.compile("|".join(f"(?:{p})" for p in _DATA["target_headings"]), _FLAGS)

# A list of people ("1/ Bà Trần Thị Trang - Hiệu trưởng.") names who does the work; it is no task.
_PERSON_ENTRY = regex.compile(r"^(?:Ông|Bà|Đồng\s+chí|Đ/c|đ/c)\s+\p{Lu}")
_PERSON_ENTRY_MAX_WORDS = 14
_PURPOSE = regex.compile(rf"^\W*(?:{'|'.join(f'(?:{p})' for p in _DATA['purpose_openers'])})(?!\w)", _FLAGS)
_PERIOD_DEFINITION = regex.compile(
    rf"^\W*(?:\d{{1,2}}\)\s*)?(?:{'|'.join(f'(?:{p})' for p in _DATA['period_definitions'])})", _FLAGS
)
# "Ngoài ra, cơ quan thuế cấp tỉnh có thể tham khảo Bảng giá ... để báo cáo, tham mưu cho UBND cấp tỉnh" (heldout71):
# what a body may do is no task. Not "tối đa nhất có thể", "hết sức có thể" (as far as possible), "hoặc có thể"
# (one way of a duty), nor after a duty's cue ("có trách nhiệm ... hoặc có thể", "phải", "đề nghị").
_PERMISSIVE = regex.compile(r"(?<!\w)(?<!(?:nhất|sức|hoặc|nếu|khi)\s)có\s+thể(?!\w)", _FLAGS)
_DUTY_BEFORE = regex.compile(rf"(?<!\w)(?:{'|'.join(_DATA['duty_cues'])})(?!\w)", _FLAGS)
_MIN_ACTION_WORDS = 4
_FREQUENCY_OPENER = regex.compile(
    r"\W*(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+(?:năm|quý|tháng)\s*,\s*|\W*định\s+kỳ\s*,\s*", _FLAGS
)
_OPENING_TASK_VERB = regex.compile(
    r"\W*(?:" + "|".join(regex.escape(v).replace(r"\ ", r"\s+") for v in _DATA["task_verbs"]) + r")(?!\w)",
    _FLAGS,
)
_REPORT_CUE = regex.compile(rf"(?<!\w)(?:{'|'.join(_DATA['report_verbs'])})(?!\w)", _FLAGS)
_COMPLETION = regex.compile(rf"(?<!\w)(?:{'|'.join(_DATA['completion_verbs'])})(?!\w)", _FLAGS)


def extract_obligations(
    text: str,
    *,
    document: DocumentMeta | None = None,
    dates: list[DateMention] | None = None,
    indicator_mentions: list[tuple[str, int, int]] | None = None,
) -> list[Obligation]:
    """Every action item (sentence) of the task sections and task tables of ``text``, in order.

    ``document``, ``dates`` and ``indicator_mentions`` (of this ``text``) may be passed by a caller that has
    read them already (:func:`extractors.compose.extract_all`); else they are read here.
    """
    sections = parse_sections(text)
    context = _DocumentContext.read(text, document, dates, indicator_mentions)
    obligations: list[Obligation] = []
    for top_index in _task_section_indexes(sections):
        obligations.extend(_section_obligations(text, sections, top_index, context))
    for top_index in _other_top_section_indexes(sections):
        # "II. ĐỐI TƯỢNG VÀ THỜI GIAN ... b) ... xếp hạng thi đua trước ngày 31 tháng 12 năm 2025":
        # outside the task sections, a sentence with a deadline or a report's recipient is still a
        # task ("VI. KINH PHÍ ... Đề nghị các sở ... kịp thời báo cáo UBND tỉnh những khó khăn").
        # A sentence that orders a recurring act is a task there too ("III. PHÁT TRIỂN NỀN MÓNG ... c) Xây
        # dựng, công bố báo cáo thường niên về ...", a target table's cell "Sở KH&CN chủ trì ...; Các sở,
        # ngành, UBND cấp xã thực hiện công bố dữ liệu mở hằng năm"), but not under purposes and targets.
        obligations.extend(
            o
            for o in _section_obligations(text, sections, top_index, context)
            if o.deadline or o.recipient or _orders_recurring_act(o, sections[top_index])
        )
    if not sections:
        # A letter without headings (a Công văn's body, often one line): its dated or reported items.
        letter: list[Obligation] = []
        for item in unstructured_items(text):
            letter.extend(_item_obligations(text, item, sections, context, letter[-1] if letter else None))
        inherit_run_in_owners(text, letter)
        obligations.extend(o for o in letter if o.deadline or o.recipient)
    closing: list[Obligation] = []
    for item in closing_items(text):
        closing.extend(_item_obligations(text, item, sections, context, closing[-1] if closing else None))
    # "Trên đây là Kế hoạch ..., Ủy ban nhân dân tỉnh Cà Mau báo cáo Bộ Tài chính ...": the issuer sending
    # this very document is no task; a standing instruction to other units ("đề nghị ... phản ánh về") is.
    obligations.extend(o for o in closing if not _issuer_sends_itself(o, context))
    # A cell of a flattened table is one line: the row, read below, is the task, not its cell's sentence.
    tables = flat_table_spans(text)
    obligations = [o for o in obligations if not any(start <= o.start < end for start, end in tables)]
    for row, group in table_rows_with_groups(text, sections):
        # A row's action may name where its report goes ("Báo cáo kết quả ... gửi UBND Quận 1").
        row.recipient, row.via = read_recipient_and_via(row.action, context.units)
        # the dimension its group row names ("I | Công khai, minh bạch"), else its headings' or its own
        grouped = dimension_spans(group, papi_context=context.papi) if group else []
        row.indicator = (
            grouped[0][0]
            if grouped
            else _indicator(
                row.action, sections, ancestors(sections, section_at(sections, row.start)), context
            )
        )
        obligations.append(row)
    obligations.sort(key=lambda o: o.start)
    # A question is no task ("Công bố danh sách các trường sáp nhập khi nào?": a Q&A heading), nor is a pointer to
    # the annex that holds the tasks ("(Chi tiết tại Phụ lục kèm theo)"; the annex's rows are read as tasks).
    return _outside_quoted_rules(
        text,
        [
            o
            for o in obligations
            if not _QUESTION_END.search(o.action) and not _ANNEX_POINTER.fullmatch(o.action)
        ],
    )


_ANNEX_POINTER = regex.compile(
    r"\(?\s*(?:(?:Chi\s+tiết|Nội\s+dung(?:\s+cụ\s+thể)?|Nhiệm\s+vụ(?:\s+cụ\s+thể)?)\s+)?(?:(?i:có|tại|theo|như)\s+)?"
    r"(?:các\s+)?(?:Phụ\s+lục|phụ\s+lục|Biểu|biểu)(?:\s+[\wđĐ.,/-]+){0,4}?(?:\s+(?:kèm\s+theo|đính\s+kèm))?\s*\)?\s*[.;]?",
)


# A rule the document quotes: "Tại khoản 2 Điều 82 Thông tư số 80/2021/TT-BTC quy định: “… Nội dung chi … được giao
# trong dự toán chi hoạt động thường xuyên …”" (a Cục Thuế letter, heldout82). Its duties are the statute's, not
# tasks this document gives; the quotation runs to its closing mark or the end of the line.
_QUOTED_RULE = regex.compile(
    r"(?<!\w)(?:quy\s+định|nêu\s+rõ|hướng\s+dẫn)(?:\s+(?:như\s+sau|rõ|cụ\s+thể|tại\s+đây))?\s*:\s*[\"“]"
    r"[^”\"\n]*(?:[”\"]|$)",
    regex.IGNORECASE | regex.MULTILINE,
)


def _outside_quoted_rules(text: str, obligations: list[Obligation]) -> list[Obligation]:
    quoted = [(m.start(), m.end()) for m in _QUOTED_RULE.finditer(text)]
    if not quoted:
        return obligations
    return [
        o
        for o in obligations
        if not any(
            start < o.start < end
            # "Do đó, Điều 6 Quyết định số 652/2001/QĐ-NHNN … quy định: “Tổ chức tín dụng … phải …”" (news, heldout149):
            # the sentence that leads into the quotation asks nothing of its own
            or (o.start <= start < o.end and not _DUTY_BEFORE_QUOTE.search(text, o.start, start))
            for start, end in quoted
        )
    ]


_DUTY_BEFORE_QUOTE = regex.compile(
    r"(?<!\w)(?:phải|cần|yêu\s+cầu|đề\s+nghị|giao|chỉ\s+đạo|có\s+trách\s+nhiệm|báo\s+cáo|trình|gửi)(?!\w)",
    regex.IGNORECASE,
)


def _distinct(obligations: list[Obligation]) -> list[Obligation]:
    """The first of tasks repeated word for word (case aside) with the same attributes (a web copy that quotes a sentence twice,
    heldout41); the same words under another owner, section, date or recipient stay."""
    seen: set[tuple] = set()
    kept = []
    for o in obligations:
        # "Tiểu ban Nhân sự" and "Tiểu ban nhân sự": a copy's second quote may differ in case only
        key = (
            # ... or in the full stop the lead's copy drops (a news lead that restates its body, heldout110)
            " ".join(o.action.casefold().split()).rstrip(" .;:"),
            o.responsible,
            o.deadline,
            o.frequency,
            o.recipient,
            o.via,
            o.section,
        )
        if key not in seen:
            seen.add(key)
            kept.append(o)
    return kept


_QUESTION_END = regex.compile(r"\?[\s\"”')]*(?:\(Hình từ Internet\))?\s*$")


def is_article(document: DocumentMeta, text: str) -> bool:
    """Whether ``text`` is no document but an article about one (news, legal Q&A).

    A text is a document when its header or end block was read (type, number, issuer, signer,
    recipients), or when it has a plan's own structure: a task heading in capitals ("IV. TỔ CHỨC THỰC
    HIỆN", also unnumbered on a line of its own) or numbered in Roman numerals ("II. Nhiệm vụ và giải
    pháp"), or a task table (a page of a plan without its header).
    """
    if document.doc_type or document.number or document.issuer or document.signer or document.recipients:
        return False
    sections = parse_sections(text)
    if any(
        sections[i].title.isupper() or sections[i].kind == "roman" for i in _task_section_indexes(sections)
    ):
        return False  # "III. TỔ CHỨC THỰC HIỆN", "II. Nhiệm vụ và giải pháp" of a plan exported without its header
    if any(_is_task_heading_line(line) for line in text.splitlines()):
        return False  # a web copy of a plan without its header: "NỘI DUNG THỰC HIỆN" on a line of its own
    return not (flat_table_spans(text) or table_obligations(text, sections, []))


_MAX_HEADING_LINE_WORDS = 12


def _is_task_heading_line(line: str) -> bool:
    """A line in capitals that names a plan's task part ("NỘI DUNG THỰC HIỆN", "TỔ CHỨC THỰC HIỆN")."""
    line = line.strip(" #*:.")
    if not line or len(line.split()) > _MAX_HEADING_LINE_WORDS or not line.isupper():
        return False
    return bool(_TASK_SECTION.search(line)) and not _NOT_TASK_SECTION.search(line)


def article_obligations(
    text: str,
    *,
    document: DocumentMeta | None = None,
    dates: list[DateMention] | None = None,
    indicator_mentions: list[tuple[str, int, int]] | None = None,
) -> list[Obligation]:
    """The dated tasks an article quotes, from every line of it: its headings are no plan's sections.

    A news or Q&A article quotes the duties of laws and plans; a dated task is one of the moment
    ("báo cáo Thủ tướng trong tháng 8/2017", "... hoàn thành trước ngày 25 tháng 9 năm 2025"), a
    statutory duty is not ("trong thời hạn 30 ngày, kể từ ngày nhận đủ hồ sơ, Bộ ... trình Thủ tướng").
    """
    context = _DocumentContext.read(text, document, dates, indicator_mentions)
    found: list[Obligation] = []
    sentence_starts: list[int] = []
    for item in unstructured_items(text):
        found.extend(_item_obligations(text, item, [], context, found[-1] if found else None, narrative=True))
        body_start = ITEM_PREFIX.match(text, item.start).end()
        sentence_starts.extend(start for start, _ in sentences(text, body_start, item.end))
    inherit_run_in_owners(text, found)
    for obligation in found:
        # An article's paragraph is often its whole body: a task's text is its own sentence, where an order of the
        # moment is reported ("TP.Hải Phòng yêu cầu quận Đồ Sơn báo cáo … về UBND TP"); a request made elsewhere in
        # the article orders no rule or fact ("cứ mỗi năm đóng tính thêm 2%", a pension's rule in news, heldout114).
        obligation.text = _own_sentence(text, obligation, sentence_starts)
    found = _outside_quoted_rules(text, found)
    statutes = _statute_quotes(text)
    return _distinct(
        [
            o
            for o in found
            if (
                o.deadline
                or (
                    (
                        _YEARLESS_DEADLINE.search(o.action)
                        or _ordered_undated(o, _order_context(text, o, sentence_starts))
                    )
                    and not any(start <= o.start < end for start, end in statutes)
                )
            )
            and not _QUESTION_END.search(o.action)
            and not _DUE_DATE_LABEL.fullmatch(o.action)
        ]
    )


# A due date stated alone under its label ("Hạn nhận hồ sơ: ngày 20/3/2025.", a Q&A's notice of an enrolment, heldout98):
# the date is a deadline, the line no task of anyone's.
_DUE_DATE_LABEL = regex.compile(
    r"(?:Thời\s+)?[Hh]ạn(?:\s+(?:cuối|chót))?[^:\n]{0,40}:\s*(?:(?:trước|đến|hết)\s+)?(?:ngày\s*)?"
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*\.?"
)


# A Q&A quotes a statute's provision (a law, code, ordinance, decree, circular or resolution; a Quyết định's tasks
# are the decision's orders, heldout21) after a line that cites it: "Trách nhiệm ... được quy định cụ thể tại Điều 5 Luật
# Phòng, chống tác hại của thuốc lá 2012", "Theo Điều 9 Nghị định 93/2016/NĐ-CP thì trình tự ... như sau:" (heldout96).
# The lines after it, up to the article's own conclusion ("Như vậy, ...") or its next question, are the statute's
# duties, no order of the moment: its undated tasks and its yearly ones ("trước ngày 31/3 hằng năm") are left out (a
# dated one is still a task).
_STATUTE_LEAD = regex.compile(
    r"^.*(?<!\w)(?:(?:[Đđ]iều|khoản|điểm)\s+\d+\w?,?\s+(?:của\s+)?)+(?P<law>Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Thông\s+tư|Nghị\s+quyết"
    # a decision with its year in its number is a regulation too: "Điều 6 Quyết định số 652/2001/QĐ-NHNN … quy định: …"
    # (news, heldout149)
    r"|Quyết\s+định(?=\s+(?:số\s+)?\d{1,5}/(?:19|20)\d{2}/))"
    r"(?!\w)(?:[^\n]*:|(?:\s+\S+){0,12}?)[ \t]*(?:$|(?=\(\d{1,2}\)\s|\d{1,2}\.\s|[a-zđ]\)\s))",  # a reflowed line runs on into "(1) ..."
    regex.MULTILINE,
)
_STATUTE_QUOTE_END = regex.compile(
    r"^[ \t]*(?:Như\s+vậy|Theo\s+đó|Do\s+đó|Vì\s+vậy|Tóm\s+lại|Từ\s+(?:những|các)\s+quy\s+định)|^[^\n]*\?[ \t]*$",
    regex.MULTILINE,
)


# A quoted provision is a few paragraphs (heldout96's longest, 1,600 characters): a news page's later articles are not in it.
_STATUTE_QUOTE_MAX = 3000


def _statute_quotes(text: str) -> list[tuple[int, int]]:
    spans = []
    for lead in _STATUTE_LEAD.finditer(text):
        start = lead.end()
        end_mark = _STATUTE_QUOTE_END.search(text, start + 1, start + _STATUTE_QUOTE_MAX)
        spans.append((start, end_mark.start() if end_mark else min(len(text), start + _STATUTE_QUOTE_MAX)))
    return spans


# An order the article reports ("UBND thành phố yêu cầu ... có báo cáo gửi UBND thành phố"): its undated tasks
# with a recipient or a frequency are kept too; a statute's duties quoted in Q&A ("... có trách nhiệm báo cáo
# UBND cấp xã") are not orders of the moment.
# ("người yêu cầu", "theo yêu cầu", "khi có yêu cầu" name a request, no order: "… cấp trích lục cho người yêu cầu", a
# statute quoted in Q&A, heldout88)
_ORDERED = regex.compile(
    r"(?<!\w)(?:(?<!(?:người|theo|có|các|những)\s+)yêu\s+cầu|đề\s+nghị|chỉ\s+đạo|giao|đôn\s+đốc|chỉ\s+thị|hối\s+thúc)(?!\w)",
    regex.IGNORECASE,
)
# Reported speech and a plan's purpose are no order: "Tổng giám đốc VNR cho biết, hàng năm VNR phải đầu tư ...",
# "Kế hoạch nhằm cải thiện ..." (news, heldout20 and the seeds' news article); a citizen's petition: "Ông ... có đơn
# gửi UBND phường ... đề nghị giải quyết" (news, heldout40).
# A petition too ("Thư thỉnh nguyện của hơn 700 người dân … đã được gửi lên Thủ tướng Chính phủ, đề nghị ngăn chặn …",
# news, heldout92), and a sending already done ("đã được gửi", "đã chuyển").
_NOT_ORDERED = regex.compile(
    r"(?<!\w)(?:cho\s+biết|cho\s+hay|chia\s+sẻ|trả\s+lời|khẳng\s+định|nhằm|có\s+đơn|thỉnh\s+nguyện"
    r"|đã\s+(?:được\s+)?(?:gửi|chuyển))(?!\w)",
    regex.IGNORECASE,
)


def _own_sentence(text: str, obligation: Obligation, sentence_starts: list[int]) -> str:
    """The whole sentence an article's obligation was read from (its action may be one clause of it)."""
    index = bisect_left(sentence_starts, obligation.start + 1) - 1
    start = min(sentence_starts[index], obligation.start) if index >= 0 else obligation.start
    return " ".join(text[start : obligation.end].split())


def _ordered_undated(obligation: Obligation, order_text: str) -> bool:
    """An undated task of an article kept for its recipient or frequency: one of an order the article reports.

    ``order_text``: where the order must be reported, the task's own sentence (see :func:`_order_context`).
    """
    if not (obligation.recipient or obligation.frequency):
        return False
    if _DATED_NARRATION.search(obligation.action) or _EARLIER_REPORT.search(obligation.action):
        return (
            False  # "Tuy nhiên, đến ngày 6/1/2017, Bộ báo cáo Thủ tướng vẫn còn ...": what happened by a date
        )
    if obligation.recipient and _announces_report(obligation.text):
        return True
    return bool(_ORDERED.search(order_text)) and not _NOT_ORDERED.search(obligation.action)


# A body's report or submission announced to a named recipient is kept with no date, reported speech too ("UBND TP Đà
# Nẵng cho biết sẽ báo cáo HĐND TP về việc …", heldout114; "Bộ GTVT … sẽ báo cáo trước Quốc hội", heldout124; "Bộ sẽ
# thực hiện trách nhiệm của mình, đồng thời báo cáo lên Chính phủ", heldout139); not one on a condition ("Trong trường
# hợp …, Bộ … sẽ báo cáo Chính phủ"; "Sau khi …, đơn vị sẽ báo cáo cho Sở GTVT TP", heldout136).
_ANNOUNCED_REPORT = regex.compile(
    r"(?<!\w)sẽ\s+(?:(?!(?:nếu|khi)\s)[^\s.;:]+,?\s+){0,8}?(?:báo\s+cáo|trình|có\s+báo\s+cáo)(?!\w)",
    regex.IGNORECASE,
)
_ON_A_CONDITION = regex.compile(
    r"(?<!\w)(?:nếu|trường\s+hợp|sau\s+khi|khi|một\s+khi)(?!\w)", regex.IGNORECASE
)


def _announces_report(sentence: str) -> bool:
    announced = _ANNOUNCED_REPORT.search(sentence)
    return announced is not None and not _ON_A_CONDITION.search(sentence, 0, announced.start())


def _order_context(text: str, obligation: Obligation, sentence_starts: list[int]) -> str:
    """The task's own sentence, with the sentence before when it goes on with that one's order: "Bộ TT&TT yêu cầu các
    Sở TT&TT địa phương xử lý nghiêm … Đồng thời thực hiện nghiêm túc chế độ báo cáo định kỳ …" (news, heldout126)."""
    if not _GOES_ON.match(obligation.text):
        return obligation.text
    index = bisect_left(sentence_starts, obligation.start + 1) - 1
    if index < 1:
        return obligation.text
    return " ".join(text[sentence_starts[index - 1] : sentence_starts[index]].split()) + " " + obligation.text


_GOES_ON = regex.compile(r"\W*(?:Đồng\s+thời|Ngoài\s+ra|Bên\s+cạnh\s+đó|Cùng\s+với\s+đó)(?!\w)")


_DATED_NARRATION = regex.compile(
    r"(?<!trước\s)(?<!nhất\s)(?<!hạn\s)(?<!\w)ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}",
    regex.IGNORECASE,
)
# ... or a report made earlier: "… khác với nội dung báo cáo Thủ tướng Chính phủ trước đó" (news, heldout153)
_EARLIER_REPORT = regex.compile(
    r"(?<!\w)báo\s+cáo(?:\s+[^\s.;:,]+){1,8}?\s+trước\s+đó(?!\w)", regex.IGNORECASE
)


# A news article dates a task by day and month only ("báo cáo Thành ủy, UBND TP Hà Nội trước ngày 10/7", "30.5",
# "Báo cáo về Bộ trước 12/7" (heldout126),
# "chậm nhất trong tháng 7"): a dated task, though no ISO date can be given without inventing its year.
_YEARLESS_DEADLINE = regex.compile(
    r"(?:trước|chậm\s+nhất|muộn\s+nhất|hạn\s+chót|không\s+quá)\s+(?:(?:vào|trong)\s+)?"
    r"(?:(?:ngày\s+)?\d{1,2}\s*[/.]\s*\d{1,2}|tháng\s+\d{1,2})(?!\s*[/.-]\s*\d)(?!\s+năm\s+\d)"
)


@dataclass(slots=True)
class _DocumentContext:
    deadlines: list[DateMention]
    units: dict
    papi: bool
    main_indicator: str | None
    issuer: str | None = None
    # Every indicator mention of the document, read once: a sentence's are those that start inside it.
    indicator_mentions: list[tuple[str, int, int]] = field(default_factory=list)
    # The PAPI dimension each heading names, by section index: read once, not once per sentence under it.
    heading_dimensions: dict[int, str | None] = field(default_factory=dict)

    @classmethod
    def read(
        cls,
        text: str,
        document: DocumentMeta | None = None,
        dates: list[DateMention] | None = None,
        indicator_mentions: list[tuple[str, int, int]] | None = None,
    ) -> _DocumentContext:
        mentions = indicator_spans(text) if indicator_mentions is None else indicator_mentions
        counts: dict[str, int] = {}
        for code, _, _ in mentions:
            counts[code] = counts.get(code, 0) + 1
        units = named_units(expand_abbreviations(text))
        # A header in capitals ("UỶ BAN NHÂN DÂN TỈNH LAI CHÂU") may be the only place the unit is named.
        meta = document if document is not None else extract_document_meta(text)
        for body in (meta.issuer, meta.parent_issuer):
            for level, names in named_units(body or "").items():
                units.setdefault(level, Counter()).update(names)
        return cls(
            deadlines=[
                d for d in (dates if dates is not None else extract_dates(text)) if d.role == "deadline"
            ],
            units=units,
            papi="PAPI" in counts,
            main_indicator=max(counts, key=counts.__getitem__) if counts else None,
            issuer=meta.issuer,
            indicator_mentions=mentions,
        )


def _issuer_sends_itself(obligation: Obligation, context: _DocumentContext) -> bool:
    """Whether a closing sentence only says that the issuer reports this document to someone."""
    issuer = (context.issuer or "").casefold()
    return bool(obligation.recipient and issuer and (obligation.responsible or "").casefold() == issuer)


def _section_obligations(
    text: str, sections: list[SectionSpan], top_index: int, context: _DocumentContext
) -> list[Obligation]:
    """The obligations of the items of one top-level section, in order."""
    found: list[Obligation] = []
    body_end = _body_end(text, sections[top_index])
    for item in section_items(text, sections, sections[top_index].start, body_end):
        read = _item_obligations(text, item, sections, context, found[-1] if found else None)
        if _under_target_heading(text, sections, item):
            # "6. Chỉ tiêu chủ yếu đến năm 2030\n6.1. Hàng năm, giảm số người nghiện ...": a measure, not a task
            read = [o for o in read if o.deadline or o.recipient]
        found.extend(read)
    return found


def _under_target_heading(text: str, sections: list[SectionSpan], item: Item) -> bool:
    """Whether a heading of targets ("Chỉ tiêu chủ yếu đến năm 2030") encloses ``item``."""
    for index in ancestors(sections, item.section):
        section = sections[index]
        if section.start == content_start(text, item.start):
            continue  # the item's own numbering
        if _TARGET_HEADING.match(" ".join(section.title.split())):
            return True
    return False


def _top_section_indexes(sections: list[SectionSpan]) -> list[int]:
    top = [i for i, s in enumerate(sections) if s.parent is None and s.kind == "roman"]
    return top or [i for i, s in enumerate(sections) if s.parent is None and s.kind != "bullet"]


def _task_section_indexes(sections: list[SectionSpan]) -> list[int]:
    return [
        i
        for i in _top_section_indexes(sections)
        if _TASK_SECTION.search(sections[i].title) and not _NOT_TASK_SECTION.search(sections[i].title)
    ]


def _other_top_section_indexes(sections: list[SectionSpan]) -> list[int]:
    tasks = set(_task_section_indexes(sections))
    return [i for i in _top_section_indexes(sections) if i not in tasks]


def _report_clauses(text: str, start: int, end: int, units: dict) -> list[tuple[int, int]]:
    """The sentence ``text[start:end]`` cut at each semicolon with a report to a different body on each side.

    "... cân đối để báo cáo Ủy ban nhân dân Thành phố trình Hội đồng nhân dân Thành phố ...; tham mưu Ủy ban nhân
    dân Thành phố báo cáo Chính phủ và Bộ Tài chính.": two reports, two tasks (heldout2). A semicolon in a list
    ("rà soát; cập nhật ...; báo cáo Sở Tài chính") cuts nothing: one side reports to no one.
    """
    if ";" not in text[start:end] or len(_REPORT_CUE.findall(text, start, end)) < 2:
        return [(start, end)]  # most sentences: skip the recipient reader
    cuts = [start]
    for semicolon in regex.finditer(";", text[start:end]):
        at = start + semicolon.start()
        before = read_recipient_and_via(text[cuts[-1] : at], units)[0]
        after = read_recipient_and_via(text[at + 1 : end], units)[0]
        if before is not None and after is not None and before != after:
            cuts.append(at + 1)
    spans = [(a, b - 1 if b != end else b) for a, b in zip(cuts, [*cuts[1:], end], strict=True)]
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans if text[a:b].strip()]


def _orders_recurring_act(obligation: Obligation, top: SectionSpan) -> bool:
    """Whether a sentence outside the task sections orders a recurring act: a frequency, and a task verb first.

    The verb may follow the sentence's owner ("Sở KH&CN chủ trì ..."); "Phấn đấu mỗi năm phát triển từ 05 bộ
    dữ liệu mở" (a target), "Góp phần cải thiện kết quả Chỉ số PAPI hàng năm" (a purpose) and a section of
    purposes, requirements or past results ("MỤC ĐÍCH, YÊU CẦU", "TÌNH HÌNH THỰC HIỆN") give no task.
    """
    if obligation.frequency is None or _NOT_TASK_SECTION.search(top.title):
        return False
    action = expand_abbreviations(obligation.action)
    # "b) Hằng năm, tổ chức đánh giá kết quả thực hiện Nghị quyết." (heldout71): the verb after the frequency
    opening = _FREQUENCY_OPENER.match(action)
    start = opening.end() if opening else 0
    owner = organization_at(action, start)
    if owner is not None and owner.start != start:
        owner = None
    return _OPENING_TASK_VERB.match(action, owner.end if owner is not None else start) is not None


def _body_end(text: str, section: SectionSpan) -> int:
    closing = CLOSING.search(text, section.title_start, section.end)
    return closing.start() if closing else section.end


def _item_obligations(
    text: str,
    item: Item,
    sections: list[SectionSpan],
    context: _DocumentContext,
    previous: Obligation | None = None,
    narrative: bool = False,
) -> list[Obligation]:
    """One obligation per sentence of ``item``; ``previous`` is the task read just before it.

    ``narrative``: the item is an article's paragraph, whose sentences tell in turn who is asked to do
    what ("Thứ trưởng ... yêu cầu các tập đoàn, tổng công ty ... Hoàn thành báo cáo ... chậm nhất ngày
    4/2/2017."): the body ordered to act is the doer, and a sentence without a doer has the last one named.

    A timing label ("Thời gian hoàn thành: Trước ngày 15/11/2025.") is no task: it dates the task
    before it, in the same item or, when a flattened table puts the label at the start of the next
    line ("... tài sản cố định.\nThời gian hoàn thành: Tháng 12/2025. Làm đầu mối ..."), the last
    task of the previous item, unless a heading stands between them.
    """
    if _is_heading(text, item, sections, narrative):
        return []
    body_start = ITEM_PREFIX.match(text, item.start).end()
    item_text = " ".join(text[body_start : item.end].split())
    owner = _inherited_owner(text, sections, item)
    inherited_frequency = _inherited_frequency(text, sections, item)
    chain = ancestors(sections, item.section)
    obligations = []
    due = [d.start for d in context.deadlines if body_start <= d.start < item.end]
    # Each clause with whether it opens its sentence: a clause cut from a sentence by its due dates or reports
    # ("Bộ Nội vụ chịu trách nhiệm ...; chuẩn bị ... gửi Quốc hội ...; kịp thời báo cáo Thủ tướng Chính phủ ...")
    # is done by the doer that sentence opens with, when it names none of its own (heldout29).
    spans = [
        (*report, not clause_index and not report_index)
        for span in sentences(text, body_start, item.end)
        for clause_index, clause in enumerate(dated_clauses(text, *span, due))
        for report_index, report in enumerate(_report_clauses(text, *clause, context.units))
    ]
    sentence_subject = None
    for index, (sentence_start, sentence_end, opens_sentence) in enumerate(spans):
        sentence = " ".join(text[sentence_start:sentence_end].split())
        subject = read_subject(sentence)
        if narrative:
            # "UBND thành phố yêu cầu UBND quận Tây Hồ tổ chức xử lý ..., báo cáo UBND thành phố kết quả": the body
            # ordered to act does the clauses cut from its sentence too (heldout36)
            subject = ordered_doer(sentence) or subject
        if opens_sentence:
            sentence_subject = subject
        else:
            subject = subject or sentence_subject
        if narrative:
            owner = subject or owner
        if index == 0:
            # "1. Sở Y tế: Chủ trì ...; ... Tổ chức hướng dẫn ...": the unit that opens an item does
            # all of its sentences that name no doer of their own.
            owner = item_owner = subject or owner
        elif starts_sub_item(text, sentence_start):
            # "...: (1) Bộ Y tế chỉ đạo .... Chủ trì, phối hợp ... báo cáo Chính phủ .... (2) ...": a run-in
            # sub-item's opening unit does its sentences; the next sub-item starts again from the item's.
            owner = subject or item_owner
        deadline = _sentence_deadline(context.deadlines, sentence_start, sentence_end)
        action = sentence
        task_before = obligations[-1] if obligations else previous
        if is_field_label(sentence) or (is_content_field(sentence) and task_before is not None):
            # "+ Cơ quan chủ trì: Bộ Công an.": a field of the task before it, which it may give an owner.
            owner_named = field_owner(sentence)
            if task_before is not None and _dates_task_before(text, sections, task_before, sentence_start):
                task_before.responsible = task_before.responsible or owner_named
            continue
        if is_timing_label(sentence):
            if task_before is not None and _dates_task_before(text, sections, task_before, sentence_start):
                # "2. Bộ trưởng ... khẩn trương hoàn thành việc cập nhật .... UBND thành phố Đà Nẵng khẩn trương
                # hoàn thành .... Thời hạn hoàn thành: trước ngày 30/11/2025.": the label dates the task just
                # before it and each other undated task of its item that asks to complete something.
                earlier = [o for o in obligations[:-1] if o.deadline is None and _COMPLETION.search(o.action)]
                for task in [*earlier, task_before]:
                    if deadline is not None and task.deadline is None:
                        task.deadline, task.deadline_precision = deadline.date, deadline.precision
                        task.deadline_relative = None
                continue
            # "a) Tổ chức tập huấn nghiệp vụ\n- Thời gian hoàn thành: Quý II/2025.": the heading is the task.
            action = _heading_task(text, sections, item) or sentence
        if (
            len(sentence.split()) < _MIN_ACTION_WORDS
            or sentence.endswith(":")
            or _is_person_entry(sentence)
            or _PURPOSE.match(sentence)
            or (_PERIOD_DEFINITION.match(sentence) and ";" not in sentence)
            or narrates_past_act(sentence)
            or _only_permits(sentence)
        ):
            continue
        recipient, via = read_recipient_and_via(action, context.units, joint=narrative)
        responsible = _completed_committee(subject or field_owner(sentence) or owner, context.units)
        if responsible == recipient and read_subject(sentence) != responsible:
            # "..., Bộ Tài chính tổng hợp, báo cáo Thủ tướng ...; Bộ, cơ quan ngang Bộ ... gửi báo cáo về Bộ Tài chính":
            # a doer carried over from elsewhere that the clause reports to is not its doer
            responsible = None
        obligations.append(
            Obligation(
                action=action,
                responsible=responsible,
                deadline=deadline.date if deadline else None,
                deadline_precision=deadline.precision if deadline else None,
                deadline_relative=None if deadline else find_relative_deadline(action),
                frequency=read_frequency(action) or inherited_frequency,
                recipient=recipient,
                via=via,
                indicator=_indicator(
                    action,
                    sections,
                    chain,
                    context,
                    (sentence_start, sentence_end) if action == sentence else None,
                ),
                section=sections[chain[-1]].number if chain else None,
                text=item_text,
                start=sentence_start,
                end=sentence_end,
            )
        )
    return obligations


# "sớm bàn giao trong năm 2025 dự án ..., báo cáo Thủ tướng Chính phủ kết quả thực hiện trước ngày 31 tháng 12 năm
# 2025": a year only bounds the work, the day dates the task's last act (heldout4); the most precise date wins.
_PRECISION_RANK = {"day": 3, "month": 2, "quarter": 1, "year": 0}


def _only_permits(sentence: str) -> bool:
    """The sentence says what a body may do ("... có thể tham khảo ... để báo cáo ..."), with no duty before it."""
    permissive = _PERMISSIVE.search(sentence)
    return permissive is not None and _DUTY_BEFORE.search(sentence, 0, permissive.start()) is None


def _sentence_deadline(deadlines: list[DateMention], start: int, end: int) -> DateMention | None:
    """The deadline of the sentence at ``start:end``: its most precise one, the first of equals."""
    inside = [d for d in deadlines if start <= d.start < end]
    return max(inside, key=lambda d: _PRECISION_RANK.get(d.precision, 0), default=None)


def _dates_task_before(text: str, sections: list[SectionSpan], task: Obligation, label_start: int) -> bool:
    """Whether a timing label at ``label_start`` belongs to ``task``: no heading starts between them.

    "a) Tổ chức tập huấn\n- Thời gian hoàn thành: Quý II/2024" dates the heading's task, not the
    last sentence of the section before; such a label stays an obligation of its own.
    """
    for section in sections:
        if task.end <= section.start < label_start and section.kind != "bullet":
            return False
    return True


def _heading_task(text: str, sections: list[SectionSpan], item: Item) -> str | None:
    """The title of the nearest heading above ``item`` when it is a task, not the name of its owner."""
    for index in ancestors(sections, item.section):  # innermost first
        section = sections[index]
        if section.start == content_start(text, item.start):
            continue  # the item's own bullet
        title = " ".join(section.title.split()).strip(" *:")
        if section.kind == "roman" or read_heading_owner(title) is not None:
            return None
        return title if len(title.split()) >= _MIN_ACTION_WORDS else None
    return None


def _is_person_entry(sentence: str) -> bool:
    return bool(_PERSON_ENTRY.match(sentence)) and len(sentence.split()) <= _PERSON_ENTRY_MAX_WORDS


# A sentence ends inside a paragraph: ". " (or "!", "?") before a capital.
_SENTENCE_INSIDE = regex.compile(r"[.!?]\s+\p{Lu}")


def _is_heading(text: str, item: Item, sections: list[SectionSpan], narrative: bool = False) -> bool:
    """A numbered title line ("2. Văn phòng UBND phường", "a) Chỉ số nội dung ...") is not a task.

    In an article a paragraph of several sentences whose last one ends with a colon ("... trong tháng
    9/2017. Xem thêm:", a news page's trailer) is no lead-in line: its sentences are read.
    """
    content = " ".join(text[item.start : item.end].split())
    section = sections[item.section] if item.section is not None else None
    if (
        section is not None
        and section.kind == "chapter"
        and section.title_start == content_start(text, item.start)
    ):
        return True  # "Chương II" / "NHIỆM VỤ VÀ GIẢI PHÁP": the chapter's title on the line under it
    if section is None or section.start != content_start(text, item.start):
        # an unnumbered lead-in line
        return content.endswith(":") and not (narrative and _SENTENCE_INSIDE.search(content))
    has_body = section.end > item.end
    short = len(content.split()) <= HEADING_MAX_WORDS and not content.endswith((".", ";"))
    return has_body and short or content.endswith(":")


def _inherited_owner(text: str, sections: list[SectionSpan], item: Item) -> str | None:
    for index in ancestors(sections, item.section):
        section = sections[index]
        if section.start == content_start(text, item.start):
            continue  # the item's own numbering
        owner = read_heading_owner(section.title)
        if owner is not None:
            return owner
    return None


def _completed_committee(doer: str | None, units: dict) -> str | None:
    """ "Ủy ban nhân dân Thành phố" → "Ủy ban nhân dân Thành phố Hà Nội" (the city the text names most), as recipients
    are completed; a level of government ("Ủy ban nhân dân cấp xã", "các xã") stays (heldout72)."""
    if doer is None or not doer.startswith(_COMMITTEE_HEADS):
        return doer
    return complete_unit(doer, units)


_COMMITTEE_HEADS = ("Ủy ban nhân dân", "Hội đồng nhân dân", "Thường trực Hội đồng nhân dân")


def _inherited_frequency(text: str, sections: list[SectionSpan], item: Item) -> Frequency | None:
    """How often a lead-in's items recur: "1. Định kỳ (trước ngày 30 tháng 6 hằng năm), Ủy ban nhân dân cấp xã có
    trách nhiệm:" / "a) Rà soát, lập danh mục ..." (heldout71). Only a lead-in (its title ends with a colon)."""
    for index in ancestors(sections, item.section):
        section = sections[index]
        if section.start == content_start(text, item.start):
            continue  # the item's own numbering
        if section.title.rstrip().endswith(":"):
            return read_frequency(section.title)
    return None


def _indicator(
    sentence: str,
    sections: list[SectionSpan],
    chain: list[int],
    context: _DocumentContext,
    span: tuple[int, int] | None = None,
) -> str | None:
    """The dimension of the item's nearest heading that names one, else the indicator the sentence names.

    ``span``: where ``sentence`` stands in the text, whose mentions were read once (``context``); without it
    the sentence is searched on its own (a table row's composed action).
    """
    for index in chain:
        if index not in context.heading_dimensions:
            found = dimension_spans(sections[index].title, papi_context=context.papi)
            context.heading_dimensions[index] = found[0][0] if found else None
        if context.heading_dimensions[index] is not None:
            return context.heading_dimensions[index]
    if span is not None:
        mentions = context.indicator_mentions
        first = bisect_left(mentions, span[0], key=lambda mention: mention[1])
        named = mentions[first : first + 1] if first < len(mentions) and mentions[first][1] < span[1] else []
    else:
        named = indicator_spans(sentence)
    if named:
        return named[0][0]
    return context.main_indicator
