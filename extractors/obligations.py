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
Outside the task sections only sentences with a deadline or a report's recipient are kept.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from extractors.dates import extract_dates
from extractors.document_meta import extract_document_meta
from extractors.indicators import dimension_spans, indicator_spans
from extractors.lexicon import load_yaml
from extractors.obligation_attributes import (
    read_frequency,
    read_heading_owner,
    read_recipient_and_via,
    read_subject,
)
from extractors.organizations import expand_abbreviations, named_units
from extractors.sections import SectionSpan, ancestors, content_start, parse_sections, section_at
from extractors.task_tables import table_obligations
from extractors.types import DateMention, Obligation

_DATA = load_yaml("obligations")
_FLAGS = regex.IGNORECASE | regex.VERSION1
_TASK_SECTION = regex.compile("|".join(f"(?:{p})" for p in _DATA["task_sections"]), _FLAGS)
_NOT_TASK_SECTION = regex.compile("|".join(f"(?:{p})" for p in _DATA["not_task_sections"]), _FLAGS)
_CLOSING = regex.compile("|".join(f"(?:{p})" for p in _DATA["closing_markers"]), _FLAGS | regex.MULTILINE)
_CLOSING_INSTRUCTIONS = regex.compile(
    "|".join(f"(?:{p})" for p in _DATA["closing_instructions"]), _FLAGS | regex.MULTILINE
)

# Export remnants and list markers at the start of an item's line.
_ITEM_PREFIX = regex.compile(
    r"""[ \t]*(?:\[bookmark:[^\]]*\]|\#{1,6}[ \t]+|\*\*)*          # markdown / Word remnants
        (?:(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.:/)](?:\*\*)?(?:[ \t]+|(?=\p{Lu}\p{Ll}))  # "II." "1.2." "a)" "2.Chủ"
          |[-–+•*·][ \t]+)?                                         # bullets
    """,
    regex.VERBOSE,
)
# Sentence boundary inside an item: end punctuation, then a capital (not "TP. Hồ Chí Minh").
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?…])(?<!\b(?:TP|Tp|TT|Q|P|H|v\.v)\.)[ \t]+(?=[\p{Lu}\d“\"])")
_ENDS_CLAUSE = regex.compile(r"[.;:!?…]\s*$")
_BULLET = regex.compile(r"[-–+•*·]")
# A list of people ("1/ Bà Trần Thị Trang - Hiệu trưởng.") names who does the work; it is no task.
_PERSON_ENTRY = regex.compile(r"^(?:Ông|Bà|Đồng\s+chí|Đ/c|đ/c)\s+\p{Lu}")
_PERSON_ENTRY_MAX_WORDS = 14
_HEADING_MAX_WORDS = 20
_TABLE_ROW_BARS = 2
_MIN_ACTION_WORDS = 4


@dataclass(slots=True)
class _Item:
    """One paragraph of a task section: its offsets and the section it sits in."""

    start: int
    end: int
    section: int | None


def extract_obligations(text: str) -> list[Obligation]:
    """Every action item (sentence) of the task sections and task tables of ``text``, in order."""
    sections = parse_sections(text)
    context = _DocumentContext.read(text)
    obligations: list[Obligation] = []
    for top_index in _task_section_indexes(sections):
        body_end = _body_end(text, sections[top_index])
        for item in _items(text, sections, sections[top_index].start, body_end):
            obligations.extend(_item_obligations(text, item, sections, context))
    for top_index in _other_top_section_indexes(sections):
        # "II. ĐỐI TƯỢNG VÀ THỜI GIAN ... b) ... xếp hạng thi đua trước ngày 31 tháng 12 năm 2025":
        # outside the task sections, a sentence with a deadline or a report's recipient is still a
        # task ("VI. KINH PHÍ ... Đề nghị các sở ... kịp thời báo cáo UBND tỉnh những khó khăn").
        body_end = _body_end(text, sections[top_index])
        for item in _items(text, sections, sections[top_index].start, body_end):
            obligations.extend(
                o for o in _item_obligations(text, item, sections, context) if o.deadline or o.recipient
            )
    for item in _closing_items(text):
        obligations.extend(_item_obligations(text, item, sections, context))
    for row in table_obligations(text, sections, context.deadlines):
        # A row's action may name where its report goes ("Báo cáo kết quả ... gửi UBND Quận 1").
        row.recipient, row.via = read_recipient_and_via(row.action, context.units)
        row.indicator = _indicator(
            row.action, sections, ancestors(sections, section_at(sections, row.start)), context
        )
        obligations.append(row)
    obligations.sort(key=lambda o: o.start)
    return obligations


@dataclass(slots=True)
class _DocumentContext:
    deadlines: list[DateMention]
    units: dict
    papi: bool
    main_indicator: str | None

    @classmethod
    def read(cls, text: str) -> _DocumentContext:
        mentions = indicator_spans(text)
        counts: dict[str, int] = {}
        for code, _, _ in mentions:
            counts[code] = counts.get(code, 0) + 1
        units = named_units(expand_abbreviations(text))
        # A header in capitals ("UỶ BAN NHÂN DÂN TỈNH LAI CHÂU") may be the only place the unit is named.
        meta = extract_document_meta(text)
        for body in (meta.issuer, meta.parent_issuer):
            for level, names in named_units(body or "").items():
                units.setdefault(level, Counter()).update(names)
        return cls(
            deadlines=[d for d in extract_dates(text) if d.role == "deadline"],
            units=units,
            papi="PAPI" in counts,
            main_indicator=max(counts, key=counts.__getitem__) if counts else None,
        )


def _closing_items(text: str) -> list[_Item]:
    """The lines of the closing paragraph ("Trên đây là Kế hoạch ... nếu có khó khăn, vướng mắc, ...
    phản ánh về Sở ..."), which standing instructions with a recipient often end, up to "Nơi nhận"."""
    opening = _CLOSING_INSTRUCTIONS.search(text)
    if opening is None:
        return []
    start = text.rfind("\n", 0, opening.start()) + 1
    following = _CLOSING.search(text, opening.end())
    end = following.start() if following else len(text)
    items: list[_Item] = []
    for line in regex.finditer(r"[^\n]+", text[start:end]):
        if not line.group(0).strip():
            continue
        line_end = start + line.start() + len(line.group(0).rstrip())
        if items and line.group(0).lstrip()[:1].islower():
            items[-1].end = line_end  # "... theo các nội\n\ndùng, đảm bảo ...": a broken line goes on
        else:
            items.append(_Item(start + line.start(), line_end, None))
    return items


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


def _body_end(text: str, section: SectionSpan) -> int:
    closing = _CLOSING.search(text, section.title_start, section.end)
    return closing.start() if closing else section.end


def _items(text: str, sections: list[SectionSpan], start: int, end: int) -> list[_Item]:
    """Paragraphs between ``start`` and ``end``; a line that starts no item continues the previous one."""
    items: list[_Item] = []
    position = text.find("\n", start) + 1 if "\n" in text[start:end] else end  # skip the heading line
    for line_match in regex.finditer(r"[^\n]*\n?", text[position:end]):
        line = line_match.group(0)
        line_start = position + line_match.start()
        if not line.strip() or line.count("|") >= _TABLE_ROW_BARS:
            continue  # blank, or a table row (read by task_tables)
        numbered = bool(line[: _ITEM_PREFIX.match(line).end()].strip())
        continues = items and not numbered and _continues(text, items[-1], line)
        line_end = line_start + len(line.rstrip())
        if continues:
            items[-1].end = line_end
        else:
            items.append(_Item(line_start, line_end, section_at(sections, content_start(text, line_start))))
    return items


def _continues(text: str, previous: _Item, line: str) -> bool:
    """Whether an unnumbered ``line`` is the rest of the ``previous`` item, broken by the export.

    A line starting in lower case always continues. Otherwise the previous item must end without
    clause punctuation and must not be a short numbered title ("3. Nhóm giải pháp cụ thể"), whose
    next line is its body, not its continuation.
    """
    if line.lstrip()[:1].islower():
        return True
    previous_text = text[previous.start : previous.end]
    if _ENDS_CLAUSE.search(previous_text):
        return False
    marker = previous_text[: _ITEM_PREFIX.match(previous_text).end()].strip()
    is_numbered_title = (
        bool(marker) and not _BULLET.match(marker) and len(previous_text.split()) <= _HEADING_MAX_WORDS
    )
    return not is_numbered_title


def _item_obligations(
    text: str, item: _Item, sections: list[SectionSpan], context: _DocumentContext
) -> list[Obligation]:
    if _is_heading(text, item, sections):
        return []
    body_start = _ITEM_PREFIX.match(text, item.start).end()
    item_text = " ".join(text[body_start : item.end].split())
    owner = _inherited_owner(text, sections, item)
    chain = ancestors(sections, item.section)
    obligations = []
    for index, (sentence_start, sentence_end) in enumerate(_sentences(text, body_start, item.end)):
        sentence = " ".join(text[sentence_start:sentence_end].split())
        subject = read_subject(sentence)
        if index == 0:
            # "1. Sở Y tế: Chủ trì ...; ... Tổ chức hướng dẫn ...": the unit that opens an item does
            # all of its sentences that name no doer of their own.
            owner = subject or owner
        if len(sentence.split()) < _MIN_ACTION_WORDS or sentence.endswith(":") or _is_person_entry(sentence):
            continue
        recipient, via = read_recipient_and_via(sentence, context.units)
        deadline = next((d for d in context.deadlines if sentence_start <= d.start < sentence_end), None)
        obligations.append(
            Obligation(
                action=sentence,
                responsible=subject or owner,
                deadline=deadline.date if deadline else None,
                deadline_precision=deadline.precision if deadline else None,
                frequency=read_frequency(sentence),
                recipient=recipient,
                via=via,
                indicator=_indicator(sentence, sections, chain, context),
                section=sections[chain[-1]].number if chain else None,
                text=item_text,
                start=sentence_start,
                end=sentence_end,
            )
        )
    return obligations


def _is_person_entry(sentence: str) -> bool:
    return bool(_PERSON_ENTRY.match(sentence)) and len(sentence.split()) <= _PERSON_ENTRY_MAX_WORDS


def _is_heading(text: str, item: _Item, sections: list[SectionSpan]) -> bool:
    """A numbered title line ("2. Văn phòng UBND phường", "a) Chỉ số nội dung ...") is not a task."""
    content = " ".join(text[item.start : item.end].split())
    section = sections[item.section] if item.section is not None else None
    if section is None or section.start != content_start(text, item.start):
        return content.endswith(":")  # an unnumbered lead-in line
    has_body = section.end > item.end
    short = len(content.split()) <= _HEADING_MAX_WORDS and not content.endswith((".", ";"))
    return has_body and short or content.endswith(":")


def _inherited_owner(text: str, sections: list[SectionSpan], item: _Item) -> str | None:
    for index in ancestors(sections, item.section):
        section = sections[index]
        if section.start == content_start(text, item.start):
            continue  # the item's own numbering
        owner = read_heading_owner(section.title)
        if owner is not None:
            return owner
    return None


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for boundary in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((position, boundary.start()))
        position = boundary.end()
    spans.append((position, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _indicator(
    sentence: str, sections: list[SectionSpan], chain: list[int], context: _DocumentContext
) -> str | None:
    for index in chain:
        found = dimension_spans(sections[index].title, papi_context=context.papi)
        if found:
            return found[0][0]
    named = indicator_spans(sentence)
    if named:
        return named[0][0]
    return context.main_indicator
