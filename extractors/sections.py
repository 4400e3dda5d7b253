"""Numbered headings and list items of a plan: ``I.``, ``1.``, ``1.2.``, ``a)``, ``-``, ``+``, ``•``.

Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I) number their parts with
Roman numerals, then Arabic numbers, then letters, then dashes and plus signs. This module turns
the text into a flat list of :class:`SectionSpan` (with parent links), so that other extractors
can ask "which section is this offset in, and which heading owns it". Exports leave remnants that
are stripped before reading the number: markdown ``###`` and ``**1.**``, Word ``[bookmark: x]``.

Levels are fixed by the kind of number, not by order of appearance, so that a plan that skips a
level (bullets straight under ``II.``) still nests correctly: Roman 1, ``1.`` 2, ``1.1.`` 3,
``a)`` 4, ``-``/``•`` 5, ``+`` 6.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Remnants of exports before the number: indentation, markdown headings and bold, Word bookmarks.
_LINE_PREFIX = regex.compile(
    r"""
    (?: [ \t\u00a0]+                      # indentation
      | \#{1,6}[ \t]+                     # markdown heading marks
      | \*\*                              # markdown bold opening (**1.**)
      | \[bookmark:[^\]]*\]               # Word bookmark exported as text
    )*
    """,
    regex.VERBOSE,
)

_NUMBERING = regex.compile(
    r"""
    (?:
        (?P<roman> (?:X{0,2}(?:IX|IV|V?I{0,3})) ) (?<=[IVX]) [.:/)]   # I.  II.  IV.  XII.
      | (?P<article> Điều[ \t]+\d{1,3}[a-z]? ) [.:]                  # Điều 14. (an article of a decision or regulation)
      | (?P<chapter> (?:Chương|CHƯƠNG)[ \t]+(?:[IVXL]{1,6}|\d{1,2}) ) (?:[.:]|(?=[ \t]*$))  # Chương IV (title below)
      | (?P<arabic> \d{1,2}(?:\.\d{1,2}){0,3} ) (?: \.(?!\d) | / | \) ) # 1.  1.2.  1/  1)
      | (?P<arabic_bare> \d{1,2}\.\d{1,2}(?:\.\d{1,2}){0,2} ) (?=[ \t]) # 1.2 (no final dot)
      | (?P<letter> [a-zđ] ) [.)]                                     # a)  b.  đ)
      | (?P<bullet> [-–+•*·] )                                        # - + • bullets
    )
    (?:\*\*)?                             # markdown bold closing (**1.**)
    (?: [ \t]+ (?=\S)
      | (?<=[^\s\-–+•*·][.)]) (?=\p{Lu}\p{Ll})   # a scan glues "2.Chủ động ...": no space, a capital
      | (?<=\w) [ \t]* $ )                       # "Chương IV" alone on its line
    """,
    regex.VERBOSE,
)

_BULLET_LEVEL = {"+": 6}
_DEFAULT_BULLET_LEVEL = 5


@dataclass(slots=True)
class SectionSpan:
    """One numbered heading or list item, covering the text up to the next item of its level or above.

    ``number`` is the numbering as written ("II", "1.2", "a", "-"); ``title`` is the rest of its
    first line; ``start``/``end`` are offsets into the parsed text; ``parent`` is the index of the
    enclosing span in the returned list, or ``None`` at the top.
    """

    number: str
    title: str
    level: int
    start: int
    end: int
    parent: int | None = None
    kind: str = "arabic"
    title_start: int = 0


def parse_sections(text: str) -> list[SectionSpan]:
    """All numbered headings and list items of ``text``, in order, with nesting."""
    sections: list[SectionSpan] = []
    open_stack: list[int] = []
    offset = 0
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        line_start = offset
        section = _read_line(line, offset)
        offset += len(line)
        if section is None:
            continue
        if section.kind == "chapter" and not section.title and index + 1 < len(lines):
            # "Chương III" / "TỔ CHỨC THỰC HIỆN": the chapter's title is the line under it
            following = lines[index + 1].strip()
            if following and _read_line(lines[index + 1], offset) is None:
                section.title, section.title_start = following, offset + lines[index + 1].index(following)
        while open_stack and sections[open_stack[-1]].level >= section.level:
            sections[open_stack.pop()].end = _trim_end(text, line_start)
        section.parent = open_stack[-1] if open_stack else None
        open_stack.append(len(sections))
        sections.append(section)
    for index in open_stack:
        sections[index].end = _trim_end(text, len(text))
    return sections


def section_at(sections: list[SectionSpan], offset: int) -> int | None:
    """Index of the innermost section containing ``offset``, or ``None``."""
    found = None
    for index, section in enumerate(sections):
        if section.start > offset:
            break
        if section.start <= offset < section.end:
            found = index
    return found


def ancestors(sections: list[SectionSpan], index: int | None) -> list[int]:
    """``index`` and its enclosing sections, innermost first."""
    chain: list[int] = []
    while index is not None:
        chain.append(index)
        index = sections[index].parent
    return chain


def content_start(text: str, line_start: int) -> int:
    """Offset of the first character after export remnants (indentation, ``###``, ``[bookmark: x]``).

    A section found on that line starts exactly there: ``section.start == content_start(...)``.
    """
    prefix = _LINE_PREFIX.match(text, line_start)
    return prefix.end() if prefix else line_start


def _read_line(line: str, offset: int) -> SectionSpan | None:
    prefix = _LINE_PREFIX.match(line)
    position = prefix.end() if prefix else 0
    match = _NUMBERING.match(line, position)
    if match is None:
        return None
    kind = next(name for name, value in match.groupdict().items() if value is not None)
    number = match.group(kind)
    title = line[match.end() :].strip().removesuffix("**").strip()
    if kind == "bullet" and number == "*" and title.startswith("*"):
        return None  # "**bold**" line, not a bullet
    return SectionSpan(
        number=number,
        title=title,
        level=_level(kind, number),
        start=offset + position,
        end=offset + len(line),
        kind="arabic" if kind == "arabic_bare" else kind,
        title_start=offset + match.end(),
    )


def _level(kind: str, number: str) -> int:
    if kind == "chapter":
        return 0
    if kind in ("roman", "article"):
        return 1
    if kind in ("arabic", "arabic_bare"):
        return 1 + len(number.split("."))
    if kind == "letter":
        return 4
    return _BULLET_LEVEL.get(number, _DEFAULT_BULLET_LEVEL)


def _trim_end(text: str, end: int) -> int:
    """Move ``end`` back over trailing whitespace so a span ends on its last character."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
