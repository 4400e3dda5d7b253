"""Stage: Unicode and layout normalisation.

Turns the reader's raw text into the ``normalized`` version:

1. Unicode NFC, one tone-placement convention (``hoà`` → ``hòa``), no control or zero-width characters;
2. whitespace folded inside lines, soft hyphens removed, blank-line runs collapsed;
3. lines wrapped by a page layout joined back into paragraphs, while headings (``I. MỤC ĐÍCH``),
   numbered items (``1.``, ``a)``) and bullets (``-``, ``+``, ``•``) keep their own lines.

Repair runs after this stage, so joined paragraphs give the language model whole sentences.
"""

from __future__ import annotations

import re
import statistics
import unicodedata

from kehoach.document import Document
from kehoach.repair.syllables import normalize_tone_placement
from pipeline.options import PipelineOptions
from pipeline.table_rows import CELL_SEPARATOR

_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")  # soft hyphen, zero-width, BOM
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # keeps \t \n \r and \f (page break)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")

# A line that must stay on its own: a heading, numbered item, bullet, or header/signature line.
_BLOCK_START = re.compile(
    r"""^(?:
        [-+•*–—·▪◦]\s                       # bullet
      | [IVXLC]{1,6}[.)]\s                  # roman section: I. II)
      | \d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s    # 1.  1.2.  2)
      | [a-zđ][.)]\s                        # a) b.
      | Điều\s+\d{1,3}[a-z]?[.:]            # an article: "Điều 3." (not "Điều 138 Luật ..." wrapped)
      | (?:Chương|Mục|Phần)\s+(?:[IVXLC]{1,6}|\d{1,2})\b  # legal structure (not "Phần mềm ...")
      | (?:Số|Nơi\ nhận|Kính\ gửi)\s*:      # header / distribution block
      | \|                                  # table row read from a DOCX
    )""",
    re.VERBOSE,
)
_ENDS_SENTENCE = re.compile(r"[.;:!?…”\"')\]]\s*$")


def normalize(doc: Document, options: PipelineOptions) -> Document:
    """Add the ``normalized`` text version."""
    with doc.timed("normalize"):
        doc.add_text("normalized", normalize_text(doc.texts.get("raw", "")))
    return doc


def normalize_text(text: str) -> str:
    """NFC, tone placement, whitespace, then paragraph joining (see module docstring)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    text = normalize_tone_placement(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(join_wrapped_lines(lines))
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and len(line) < 120 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Join lines that a page layout wrapped, keep every block start on its own line.

    A line continues the previous one when the previous one does not end a sentence, is not a
    heading, and either the next one starts in lower case or the previous one is about as long as
    the document's wrapped lines (so it was broken by the page width, not by the author).
    """
    wrap_width = _wrap_width(lines)
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if line and prev and _continues(prev, line, wrap_width):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return out


def _wrap_width(lines: list[str]) -> float:
    """The width a page layout wrapped lines at, or infinity when the text is one paragraph a line.

    Wrapped text (PDF, OCR) has most lines of about the same length; exported text has lines of
    every length. Measured on the sample corpus: wrapped p50/p90 = 80/87, exported 135-240/500-800.
    """
    lengths = [len(line) for line in lines if len(line) > 20]
    if len(lengths) < 10:
        return float("inf")
    deciles = statistics.quantiles(lengths, n=10)
    p50, p90 = statistics.median(lengths), deciles[8]
    if p90 <= 200 and p50 >= 0.6 * p90:
        return deciles[6]
    return float("inf")


def _continues(prev: str, line: str, wrap_width: float) -> bool:
    if _BLOCK_START.match(line) or _is_heading(prev) or _is_heading(line) or _ENDS_SENTENCE.search(prev):
        return False
    if "\f" in prev or "\f" in line:
        return False
    if CELL_SEPARATOR in prev or CELL_SEPARATOR in line:
        return False  # a table row is one line (pipeline/table_rows.py): never wrapped text
    first = line[0]
    if first.islower():
        return True
    return len(prev) >= 0.85 * wrap_width and (first.isupper() or first.isdigit())
