"""Items of a plan's body: its paragraphs, the lines of its closing, and the sentences of each.

Split from :mod:`extractors.obligations` (which reads an obligation from each sentence): how an export's
lines are joined into items and items cut into sentences is a question of layout, not of meaning.
A line that starts no item continues the previous one (Word and web exports break lines anywhere); a
run-in item number ("1.1.") or a semicolon before a capitalised task verb ("...; Tổ chức đánh giá ...")
starts a new item or sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractors.lexicon import load_yaml
from extractors.sections import SectionSpan, content_start, section_at

_DATA = load_yaml("obligations")
_FLAGS = regex.IGNORECASE | regex.VERSION0
HEADING_MAX_WORDS = 20
_TABLE_ROW_BARS = 2
_CELL_SEPARATOR = " | "  # how the readers join a table row's cells (pipeline/table_rows.py)
CLOSING = regex.compile("|".join(f"(?:{p})" for p in _DATA["closing_markers"]), _FLAGS | regex.MULTILINE)
_CLOSING_INSTRUCTIONS = regex.compile(
    "|".join(f"(?:{p})" for p in _DATA["closing_instructions"]), _FLAGS | regex.MULTILINE
)
# Export remnants and list markers at the start of an item's line.
ITEM_PREFIX = regex.compile(
    r"""[ \t]*(?:\[bookmark:[^\]]*\]|\#{1,6}[ \t]+|\*\*)*          # markdown / Word remnants
        (?:(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.:/)](?:\*\*)?(?:[ \t]+|(?=\p{Lu}\p{Ll}))  # "II." "1.2." "a)" "2.Chủ"
          |\((?:\d{1,2}|[a-zđ])\)[ \t]+                                 # "(3) Công ty ...: Gửi ..." (heldout35)
          |[-–+•*·][ \t]+)?                                         # bullets
    """,
    regex.VERBOSE,
)
# An item number run into a line: "1.1." after any word, "2." only after a clause's end, then a capital.
_RUN_IN_ITEM = regex.compile(
    r"(?:(?<=[.:;])[ \t]+(?P<marker>\d{1,2}\.)|[ \t]+(?P<marker>\d{1,2}(?:\.\d{1,2})+\.))(?=[ \t]+\p{Lu})"
)
# Sentence boundary inside an item: end punctuation, then a capital (not "TP. Hồ Chí Minh").
# A web copy may drop the space after a sentence's full stop ("... phường Nhật Tân.Về việc trên, UBND thành phố yêu cầu
# ...", news): a stop after two lower-case letters, before a capitalised word, ends it ("TP.Hà Nội" does not).
_SENTENCE_BREAK = regex.compile(
    r"(?<=[.!?…])(?<!\b(?:TP|Tp|TT|Q|P|H|v\.v)\.)[ \t]+(?=[\p{Lu}\d“\"])|(?<=\p{Ll}\p{Ll}[.!?])(?=\p{Lu}\p{Ll})"
)
# A list run into one line by the web copy: "... các nhiệm vụ sau: Điều phối chung ...; tham mưu ...; Tổ chức
# đánh giá, báo cáo ... hàng năm": after a semicolon, a capitalised task verb opens the next task.
_LIST_ITEM_BREAK = regex.compile(
    r"(?<=;)[ \t]+(?=(?:"
    + "|".join(regex.escape(v[:1].upper() + v[1:]).replace(r"\ ", r"\s+") for v in _DATA["task_verbs"])
    + r")(?!\w))"
)
# Lettered or bracketed sub-items run into one line ("... tỉnh: a) Tổ chức ... miền Trung. b) Huy động ...",
# "... theo quy định. (2) Huy động ..."): after a clause's end, "b)" or "(2)" and a capital open the next
# sentence; the marker belongs to neither. A Thông báo kết luận numbers its directions' sub-items in small
# Roman numerals ("b) Để làm tốt ..., đề nghị: (i) Tập đoàn ... báo cáo .... (ii) Chủ đầu tư ...").
_SUB_ITEM_MARKER = r"(?:[a-zđ]\)|\(\d{1,2}\)|\((?:i{1,3}|iv|vi{0,3}|ix|x)\))"
_LETTER_ITEM_BREAK = regex.compile(rf"(?<=[.:;])[ \t]+{_SUB_ITEM_MARKER}[ \t]+(?=\p{{Lu}})")
_SUB_ITEM_MARKER_BEFORE = regex.compile(rf"(?<=[.:;][ \t]+){_SUB_ITEM_MARKER}[ \t]+$")
_ENDS_CLAUSE = regex.compile(r"[.;:!?…]\s*$")
_BULLET = regex.compile(r"[-–+•*·]")


@dataclass(slots=True)
class Item:
    """One paragraph of a task section: its offsets and the section it sits in."""

    start: int
    end: int
    section: int | None


def closing_items(text: str) -> list[Item]:
    """The lines of the closing paragraph ("Trên đây là Kế hoạch ... nếu có khó khăn, vướng mắc, ...
    phản ánh về Sở ..."), which standing instructions with a recipient often end, up to "Nơi nhận"."""
    opening = _CLOSING_INSTRUCTIONS.search(text)
    if opening is None:
        return []
    start = text.rfind("\n", 0, opening.start()) + 1
    following = CLOSING.search(text, opening.end())
    end = following.start() if following else len(text)
    items: list[Item] = []
    for line in regex.finditer(r"[^\n]+", text[start:end]):
        if not line.group(0).strip():
            continue
        line_end = start + line.start() + len(line.group(0).rstrip())
        if items and line.group(0).lstrip()[:1].islower():
            items[-1].end = line_end  # "... theo các nội\n\ndùng, đảm bảo ...": a broken line goes on
        else:
            items.append(Item(start + line.start(), line_end, None))
    return items


def unstructured_items(text: str) -> list[Item]:
    """Items of a body without headings, up to its closing block: its lines, cut at run-in item numbers.

    "... như sau: 1. Về việc rà soát ... đã cấp 1.1. Giao Sở Nông nghiệp và Môi trường Khẩn trương
    ... 1.2. Giao Công an Thành phố ...": a web copy of a Công văn runs its numbered items together.
    """
    endings = [m.start() for m in (CLOSING.search(text), _CLOSING_INSTRUCTIONS.search(text)) if m]
    end = min(endings, default=len(text))
    items: list[Item] = []
    for line in regex.finditer(r"[^\n]+", text[:end]):
        markers = _RUN_IN_ITEM.finditer(text, line.start(), line.end())
        cuts = [line.start(), *(marker.start("marker") for marker in markers), line.end()]
        for cut_start, cut_end in zip(cuts, cuts[1:], strict=False):
            if text[cut_start:cut_end].strip():
                items.append(Item(cut_start, cut_start + len(text[cut_start:cut_end].rstrip()), None))
    return items


def section_items(text: str, sections: list[SectionSpan], start: int, end: int) -> list[Item]:
    """Paragraphs between ``start`` and ``end``; a line that starts no item continues the previous one."""
    items: list[Item] = []
    heading_end = text.find("\n", start, end)
    position = heading_end + 1 if heading_end >= 0 else end  # skip the heading line
    if len(text[start:position].split()) > HEADING_MAX_WORDS:
        # "2. Sở Nông nghiệp và Môi trường Tăng cường tham mưu, ...; ... tổng hợp báo cáo Ủy ban nhân
        # dân tỉnh trước ngày 25/12 hàng năm.": a Chỉ thị's item run into its number's line is no heading.
        position = start
    for line_match in regex.finditer(r"[^\n]*\n?", text[position:end]):
        line = line_match.group(0)
        line_start = position + line_match.start()
        if not line.strip() or line.count("|") >= _TABLE_ROW_BARS or _CELL_SEPARATOR in line:
            continue  # blank, or a table row (read by task_tables; "I | Công tác …" spans its table)
        numbered = bool(line[: ITEM_PREFIX.match(line).end()].strip())
        continues = items and not numbered and _continues(text, items[-1], line)
        line_end = line_start + len(line.rstrip())
        if continues:
            items[-1].end = line_end
        else:
            items.append(Item(line_start, line_end, section_at(sections, content_start(text, line_start))))
    return items


def _in_capitals(text: str) -> bool:
    """A line in capitals only (two characters or more; digits and punctuation between): a heading of its own."""
    stripped = text.strip()
    return len(stripped) > 1 and stripped.isupper()


def _continues(text: str, previous: Item, line: str) -> bool:
    """Whether an unnumbered ``line`` is the rest of the ``previous`` item, broken by the export.

    A line starting in lower case always continues. Otherwise the previous item must end without
    clause punctuation and must not be a short numbered title ("3. Nhóm giải pháp cụ thể"), whose
    next line is its body, not its continuation.
    """
    if line.lstrip()[:1].islower():
        return True
    previous_text = text[previous.start : previous.end]
    if _in_capitals(line) and not _in_capitals(previous_text):
        return False  # "PHỤ LỤC", "DANH MỤC NHIỆM VỤ": a heading in capitals after a sentence-case item
    if _ENDS_CLAUSE.search(previous_text):
        return False
    marker = previous_text[: ITEM_PREFIX.match(previous_text).end()].strip()
    is_numbered_title = (
        bool(marker) and not _BULLET.match(marker) and len(previous_text.split()) <= HEADING_MAX_WORDS
    )
    return not is_numbered_title


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``: at end punctuation and run-in list markers."""
    spans = []
    position = start
    breaks = [
        *_SENTENCE_BREAK.finditer(text, start, end),
        *_LIST_ITEM_BREAK.finditer(text, start, end),
        *_LETTER_ITEM_BREAK.finditer(text, start, end),
    ]
    for boundary in sorted(breaks, key=lambda b: b.start()):
        spans.append((position, boundary.start()))
        position = boundary.end()
    spans.append((position, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def starts_sub_item(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` opens a run-in sub-item ("... miền Trung. b) Huy động ...")."""
    return bool(_SUB_ITEM_MARKER_BEFORE.search(text, max(0, start - 8), start))


def dated_clauses(text: str, start: int, end: int, due: list[int]) -> list[tuple[int, int]]:
    """The sentence ``text[start:end]`` cut at each semicolon that has a due date on both sides.

    "... hoàn thành chậm nhất trước ngày 31/12/2025; xây dựng lại nhà ... chậm nhất trước ngày
    31/01/2026.": two tasks, each with its deadline (``due`` holds the offsets of the deadline dates).
    A semicolon in a list ("rà soát; cập nhật ... trước ngày 30/11") cuts nothing: one side has no date.
    """
    inside = [d for d in due if start <= d < end]
    if len(inside) < 2:
        span = text[start:end]  # one due date or none: nothing to cut
        return [(start + len(span) - len(span.lstrip()), end)] if span.strip() else []
    cuts = [start]
    joints = sorted(
        [(start + m.start(), start + m.end()) for m in regex.finditer(";", text[start:end])]
        + [m.span("joint") for d in inside if (m := _AFTER_DUE_DATE.match(text, d, end))]
    )
    for at, after in joints:
        if at < cuts[-1]:
            continue
        if any(cuts[-1] <= d < at for d in due) and any(at < d < end for d in due):
            cuts.append(after)
    spans = [(a, b) for a, b in zip(cuts, [*cuts[1:], end], strict=True)]
    spans = [
        (a, b - len(text[a:b]) + len(_JOINT_END.sub("", text[a:b])) if b != end else b) for a, b in spans
    ]
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans if text[a:b].strip()]


# A due date closes its task where a comma or "và" follows it and a next task, with a due date of its own, begins:
# "... phê duyệt giá đất cụ thể trong tháng 7/2017 và Chủ tịch UBND các tỉnh ... trong tháng 3/2018", "... trong
# tháng 7/2017, bàn giao xong toàn bộ hành lang tuyến ... trong tháng 9/2017" (news of a Công điện, heldout24).
# Not a list of dates ("trong tháng 7/2017, tháng 8/2017 và ..."): a date word after the joint cuts nothing.
_AFTER_DUE_DATE = regex.compile(
    r"[^,;.\n]{0,24}?(?:19|20)\d{2}(?P<joint>[ \t]*,[ \t]+|[ \t]+và[ \t]+)"
    r"(?!(?:ngày|tháng|quý|quí|năm|trước|chậm|đến|từ)\b|\d)(?=\w+(?:[ \t]+\w+){3})"
)
_JOINT_END = regex.compile(r"(?:[ \t]*[,;]|[ \t]+và)?[ \t]*$")
