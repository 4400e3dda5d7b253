"""A second look at doubtful numbers and codes: crop, enlarge, read again, vote.

On clean scans the errors Tesseract still makes are not in Vietnamese words (the repair stage's
syllable model sees those) but in tokens no language model can check: digits (``58/2023`` read
``958/2023``), heading numerals (bold ``III.`` read ``II.``), short codes (``Lưu: VT,`` read ``VI``).
Tesseract reads such tokens with a low confidence, and a second reading of just that spot, enlarged,
usually gets them right. So, for every word that carries a digit or looks like a numeral or a code
and scored under :data:`REREAD_BELOW`:

- the word alone is cropped from the cleaned page (with a margin that stops half-way to its
  neighbours), enlarged :data:`SCALE` times and read as one text line (``--psm 7``);
- its whole line is cropped, enlarged and read the same way, which gives the word its context
  (``III. TỔ CHỨC THỰC HIỆN``); the re-read word is the one whose box lies over the original's;
- the first reading is replaced only where both re-reads agree on another text (:func:`vote`).

A single re-read was not enough on the development scans: the enlarged word alone turns ``IV.``
into ``LV.`` and ``350`` into ``390`` with a higher confidence, and the line alone turns ``III.``
into ``TH.``. All crops of a page go to one Tesseract run (a
list of image files), so the language model is loaded once per page, not once per word.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import regex
from PIL import Image, ImageOps

from kehoach.errors import OcrError
from pipeline.ocr_engine import run_tesseract
from pipeline.ocr_layout import OcrLine, OcrWord
from pipeline.ocr_postfix import ISSUER_CODES, TYPE_CODES, is_ministry_code

REREAD_BELOW = 80.0  # word confidence under which a number or code is read again
SCALE = 2  # enlargement of the crops: 3x read worse (digits split into strokes), 1x gains less
WORD_MARGIN_HEIGHTS = 0.25  # margin around a word crop, in word heights (capped at half the gap)
LINE_MARGIN_HEIGHTS = 0.35  # margin above and below a line crop, in line heights
PADDING_PX = 20  # white border around each crop: Tesseract reads text touching the edge badly
MAX_REREADS_PER_PAGE = 40  # a page full of doubtful tokens is a bad scan: bound the extra work
REREAD_TIMEOUT_SECONDS = 60
TRAILING_MARKS = ".,;:"

_DOUBTFUL = regex.compile(
    r"""
      \d                                   # any number: dates, document numbers, amounts
    | ^\W*[IVXLC]+\W*$                      # a roman numeral: "III.", "(IV)"
    | ^\W*(?=(?:[A-Za-zĐđ]*[A-ZĐ]){2})[A-Za-zĐđ]{2,6}\W*$   # a short code: "VT,", "IoT", "TTg"
    """,
    regex.VERBOSE,
)


# A document symbol as it is written: "13021/BTC-PTHT", "73/2023/NĐ-CP", "14-KL/TW".
_SYMBOL = regex.compile(r"\d{1,6}(?:/\d{4})?[/-][A-ZĐ][\wĐđ&]*(?:[-/][A-ZĐ][\wĐđ&]*)*")
# A character no symbol holds, inside a token with digits: the page reading is broken there.
_BROKEN = regex.compile(r"\w[^\w/.,&-]+\w")  # "BNN&MT" is whole


@dataclass(frozen=True, slots=True)
class Reading:
    text: str
    confidence: float


def is_doubtful(word: OcrWord) -> bool:
    """A low-confidence word that a syllable model cannot correct later (numbers, numerals, codes)."""
    return 0 <= word.confidence < REREAD_BELOW and bool(_DOUBTFUL.search(word.text))


def word_box(line: OcrLine, index: int, image_size: tuple[int, int]) -> tuple[int, int, int, int]:
    """The crop box of word ``index``: its box plus a margin, never more than half-way to a neighbour."""
    word = line.words[index]
    height = max(word.bottom - word.top, 1)
    margin = WORD_MARGIN_HEIGHTS * height
    before = line.words[index - 1].right if index > 0 else word.left - 2 * margin
    after = line.words[index + 1].left if index + 1 < len(line.words) else word.right + 2 * margin
    left = word.left - min(margin, max(word.left - before, 0) / 2)
    right = word.right + min(margin, max(after - word.right, 0) / 2)
    return _clip((left, word.top - margin, right, word.bottom + margin), image_size)


def line_box(line: OcrLine, image_size: tuple[int, int]) -> tuple[int, int, int, int]:
    """The crop box of a whole line, with a margin above and below."""
    top = min(word.top for word in line.words)
    bottom = max(word.bottom for word in line.words)
    margin = LINE_MARGIN_HEIGHTS * max(bottom - top, 1)
    return _clip(
        (line.words[0].left - margin, top - margin, line.words[-1].right + margin, bottom + margin),
        image_size,
    )


def _clip(box: tuple[float, float, float, float], size: tuple[int, int]) -> tuple[int, int, int, int]:
    left, top, right, bottom = box
    return (
        max(int(left), 0),
        max(int(top), 0),
        min(int(right + 0.5), size[0]),
        min(int(bottom + 0.5), size[1]),
    )


def enlarged(image: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    """The crop, enlarged :data:`SCALE` times (Lanczos) and framed in white."""
    crop = image.crop(box)
    crop = crop.resize((crop.width * SCALE, crop.height * SCALE), Image.Resampling.LANCZOS)
    return ImageOps.expand(crop, border=PADDING_PX, fill=255)


@dataclass(slots=True)
class _CropWord:
    text: str
    confidence: float
    center_x: float  # in the crop's own pixels


def read_crops(images: Sequence[Image.Image], lang: str) -> list[list[_CropWord]]:
    """Every image read as one text line by a single Tesseract run over a list of files.

    Returns, per image, its words with their confidences and horizontal centres.
    """
    if not images:
        return []
    with tempfile.TemporaryDirectory(prefix="kehoach-reread-") as folder:
        paths = []
        for number, image in enumerate(images):
            path = Path(folder) / f"{number}.pgm"
            image.convert("L").save(path)  # uncompressed: written and read in a millisecond
            paths.append(str(path))
        listing = Path(folder) / "crops.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        arguments = [str(listing), "stdout", "-l", lang, "--psm", "7", "--dpi", "300", "tsv"]
        output = run_tesseract(arguments, timeout=REREAD_TIMEOUT_SECONDS)
    words: dict[int, list[_CropWord]] = defaultdict(list)
    for row in output.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) >= 12 and fields[0] == "5" and fields[11].strip():
            center = int(fields[6]) + int(fields[8]) / 2
            words[int(fields[1]) - 1].append(_CropWord(fields[11].strip(), float(fields[10]), center))
    return [words.get(number, []) for number in range(len(images))]


def word_reading(words: list[_CropWord]) -> Reading | None:
    """A word crop's reading: its words joined, scored by the least sure of them."""
    if not words:
        return None
    return Reading(" ".join(word.text for word in words), min(word.confidence for word in words))


def reading_in_line(words: list[_CropWord], crop_left: int, word: OcrWord) -> Reading | None:
    """The word of a line re-read whose centre falls inside the original word's box, if exactly one."""
    inside = [
        crop_word
        for crop_word in words
        if word.left <= crop_left + (crop_word.center_x - PADDING_PX) / SCALE <= word.right
    ]
    return Reading(inside[0].text, inside[0].confidence) if len(inside) == 1 else None


def vote(readings: Sequence[Reading]) -> Reading:
    """The first reading (Tesseract's, on the whole page) unless two re-reads agree on another text.

    A lone re-read, however confident, does not replace the first reading: on the development
    scans an enlarged word alone read ``350/ĐA-CP`` as ``390/ĐA-CP`` at 86 against 60, and leans
    towards ``T`` and ``L`` for a bold ``I`` (``IV.`` re-read ``LV.`` at 89 against 78); the line
    alone read ``II`` as ``TI``. A change of trailing punctuation alone is refused too: in a crop,
    a speck at the edge reads as ``.``.
    """
    first = readings[0]
    counts: dict[str, int] = {}
    for reading in readings[1:]:
        counts[reading.text] = counts.get(reading.text, 0) + 1
    agreed = [reading for reading in readings[1:] if counts[reading.text] >= 2 and reading.text != first.text]
    if not agreed:
        return _whole_symbol(readings) or first
    winner = max(agreed, key=lambda reading: reading.confidence)
    if winner.text.rstrip(TRAILING_MARKS) == first.text.rstrip(TRAILING_MARKS):
        return first
    return winner


def _whole_symbol(readings: Sequence[Reading]) -> Reading | None:
    """A broken page reading of a document symbol (``13(21/RTC-PYHT``) whose two re-reads are whole
    symbols with the same digits and differ only in a code that one of them spells as a known code:
    that one (``13021/BTC-PTHT`` over ``13021/RTC-PTHT``). Both re-reads must agree on every digit,
    and the page reading must hold a character no symbol has, so a readable first reading stays."""
    if len(readings) != 3 or not _BROKEN.search(readings[0].text):
        return None
    if any(reading.text == readings[0].text for reading in readings[1:]):
        return None  # a re-read confirms the page reading
    symbols = [_SYMBOL.search(reading.text) for reading in readings[1:]]
    if not all(symbols) or symbols[0].group() == symbols[1].group():  # type: ignore[union-attr]
        return None
    parts = [regex.split(r"[/-]", symbol.group()) for symbol in symbols]  # type: ignore[union-attr]
    if len(parts[0]) != len(parts[1]):
        return None
    differing = [(a, b) for a, b in zip(parts[0], parts[1], strict=True) if a != b]
    if any(a.isdigit() or b.isdigit() for a, b in differing):
        return None
    known = [all(_known_code(pair[side]) for pair in differing) for side in (0, 1)]
    if known[0] == known[1]:
        return None
    return readings[1] if known[0] else readings[2]


def _known_code(code: str) -> bool:
    return code in ISSUER_CODES or code in TYPE_CODES or is_ministry_code(code)


def _has_area(box: tuple[int, int, int, int]) -> bool:
    left, top, right, bottom = box
    return right - left >= 2 and bottom - top >= 2


def reread_doubtful(image: Image.Image, lines: list[OcrLine], lang: str = "vie") -> int:
    """Read doubtful words of a page again and replace those the vote changes; returns their count.

    ``image`` is the page exactly as Tesseract read it (the boxes in ``lines`` refer to it).
    """
    size = (image.width, image.height)
    targets = [
        (line_index, word_index)
        for line_index, line in enumerate(lines)
        for word_index, word in enumerate(line.words)
        if is_doubtful(word) and _has_area(word_box(line, word_index, size))
    ]
    targets.sort(key=lambda target: lines[target[0]].words[target[1]].confidence)
    targets = targets[:MAX_REREADS_PER_PAGE]
    if not targets:
        return 0
    line_indexes = sorted({line_index for line_index, _ in targets})
    line_boxes = {index: line_box(lines[index], size) for index in line_indexes}
    crops = [enlarged(image, word_box(lines[li], wi, size)) for li, wi in targets]
    crops += [enlarged(image, line_boxes[index]) for index in line_indexes]
    try:
        results = read_crops(crops, lang)
    except OcrError:
        return 0  # the second look is an improvement, never a reason to lose the page
    word_results, line_results = (
        results[: len(targets)],
        dict(zip(line_indexes, results[len(targets) :], strict=True)),
    )
    changed = 0
    for (line_index, word_index), crop_words in zip(targets, word_results, strict=True):
        word = lines[line_index].words[word_index]
        readings = [Reading(word.text, word.confidence)]
        readings += [
            reading
            for reading in (
                word_reading(crop_words),
                reading_in_line(line_results[line_index], line_boxes[line_index][0], word),
            )
            if reading is not None
        ]
        winner = vote(readings)
        if winner.text != word.text:
            word.text, word.confidence = winner.text, winner.confidence
            changed += 1
    return changed
