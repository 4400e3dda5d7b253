"""Reader for plain text and Markdown exports (TXT/MD).

Plans reach us as text exported from Word or scraped from web pages, so two things go wrong:
the encoding (UTF-8, UTF-8 with BOM, UTF-16 from Windows "Unicode text", or legacy Windows-1258
whose tone marks are *combining* characters) and export debris (``[bookmark: _GoBack]`` anchors,
Markdown headings, bold markers and links). Both are undone here so that later stages see the
author's words only; line structure is kept (one input line gives one output line).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kehoach.errors import CorruptFileError

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

# Words/anchors that Word→text converters leave at the start of headings: "[bookmark: muc_2]".
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]", re.IGNORECASE)

_MD_HEADING = re.compile(r"^\s{0,3}\#{1,6}\s+")  # "## KẾ HOẠCH" → "KẾ HOẠCH"
_MD_BOLD = re.compile(
    r"""(\*\*|__)        # opening marker (bold)
        (?=\S)(.+?)(?<=\S)  # the emphasised words, no padding spaces
        \1               # the same closing marker
    """,
    re.VERBOSE,
)
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")  # ![alt](src) → alt
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?:[^()\n]|\([^)\n]*\))*\)")  # [text](url "t") → text
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")  # "1\." → "1."
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")  # |---|:--:|
_MD_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def decode_text_bytes(data: bytes) -> str:
    """Decode bytes of a text export to NFC ``str``.

    Order matters: a BOM is proof; strict UTF-8 succeeds almost never by accident on other
    encodings; UTF-16 without BOM shows as NUL bytes in every other position of ASCII text;
    Windows-1258 (the Vietnamese ANSI code page) decodes every byte, so it is the last resort.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        text = _decode_without_bom(data)
    return unicodedata.normalize("NFC", text)


def _decode_without_bom(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) > len(sample) // 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        encoding = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
        return data.decode(encoding, errors="replace")
    if b"\x00" in sample:
        raise CorruptFileError("binary content in a text file (NUL bytes, not UTF-16)")
    return data.decode("cp1258", errors="replace")


def strip_export_debris(text: str, markdown: bool) -> str:
    """Remove converter anchors everywhere and Markdown markup when ``markdown`` is true.

    Markdown is only unwrapped for ``.md`` files: in a ``.txt`` plan, ``*`` and ``#`` are text.
    """
    text = _BOOKMARK.sub("", text)
    if not markdown:
        return text
    lines = []
    for line in text.split("\n"):
        if _MD_TABLE_RULE.match(line) and "-" in line:
            continue  # a table's header rule carries no words; the row count of the file shrinks
        line = _MD_HEADING.sub("", line)
        line = _MD_IMAGE.sub(r"\1", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_HTML_BREAK.sub(" ", line)
        line = _MD_BOLD.sub(r"\2", line)
        line = _MD_ESCAPE.sub(r"\1", line)
        lines.append(_unwrap_table_row(line))
    return "\n".join(lines)


def _unwrap_table_row(line: str) -> str:
    """``| a | b |`` → ``a | b``: the same row shape the DOCX reader gives."""
    stripped = line.strip()
    if len(stripped) > 2 and stripped.startswith("|") and stripped.endswith("|"):
        cells = [cell.strip() for cell in stripped[1:-1].split("|")]
        return " | ".join(cells)
    return line


def read_text_file(source: bytes | Path, markdown: bool | None = None) -> str:
    """The text of a TXT/MD export: decoded, debris removed, NFC, trailing spaces trimmed.

    ``source`` is the file's bytes or its path; ``markdown`` defaults to "the path ends in .md".
    """
    if isinstance(source, Path):
        if markdown is None:
            markdown = source.suffix.lower() in MARKDOWN_SUFFIXES
        source = source.read_bytes()
    text = decode_text_bytes(source).replace("\r\n", "\n").replace("\r", "\n")
    text = strip_export_debris(text, markdown=bool(markdown))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
