"""Second reading of doubtful numbers and codes (pipeline.ocr_reread) and the Tesseract runner.

The vote cases are readings Tesseract gave on the development scans (tests/heldout plans rendered
by ``kehoach synth``): the first reading, the enlarged word, the enlarged line.
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from kehoach.errors import OcrError
from pipeline.ocr_engine import image_to_tsv, run_tesseract, tesseract_version
from pipeline.ocr_layout import OcrLine, OcrWord, parse_tsv
from pipeline.ocr_reread import (
    PADDING_PX,
    SCALE,
    Reading,
    is_doubtful,
    reading_in_line,
    reread_doubtful,
    vote,
    word_box,
)
from pipeline.ocr_reread import _CropWord as CropWord

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"


def word(text: str, confidence: float, left: int = 100, right: int = 200) -> OcrWord:
    return OcrWord(text, left, right, confidence, top=50, bottom=90)


@pytest.mark.parametrize(
    ("text", "confidence", "doubtful"),
    [
        ("958/2023/NĐ-CP);", 56.6, True),  # a number
        ("II.", 21.9, True),  # a heading numeral
        ("VT,", 51.3, True),  # a short code
        ("IoT", 60.0, True),
        ("2023", 95.0, False),  # sure enough
        ("THỰC", 40.0, False),  # a syllable in capitals: the repair stage's business
        ("chỉ", 30.0, False),
    ],
)
def test_doubtful_words_are_low_confidence_numbers_numerals_and_codes(
    text: str, confidence: float, doubtful: bool
) -> None:
    assert is_doubtful(word(text, confidence)) is doubtful


@pytest.mark.parametrize(
    ("readings", "winner"),
    [
        # two re-reads agree against the page reading
        (
            [("958/2023/NĐ-CP);", 56.6), ("58/2023/NĐ-CP);", 73.1), ("58/2023/NĐ-CP);", 78.0)],
            "58/2023/NĐ-CP);",
        ),
        ([("II.", 49.7), ("III.", 76.1), ("III.", 91.0)], "III."),
        # the page reading and the line agree: the enlarged word alone is outvoted
        ([("IV.", 77.6), ("LV.", 88.9), ("IV.", 77.0)], "IV."),
        # no agreement: the page reading stays, however confident a lone re-read is
        ([("VI", 51.3), ("VL", 58.3), ("VT,", 92.0)], "VI"),
        ([("II.", 21.9), ("III.", 72.7), ("TH.", 60.0)], "II."),
        ([("XII,", 71.0), ("XI],", 73.0), ("XI", 37.0)], "XII,"),
        ([("350/ĐA-CP", 60.0), ("390/ĐA-CP", 86.0), ("350/ĐÐĐA-CP", 29.0)], "350/ĐA-CP"),
        # a crop's edge speck read as a full stop does not change the page reading
        (
            [("4385/QĐ-BVHTTDL", 60.0), ("4385/QĐ-BVHTTDL.", 80.0), ("4385/QĐ-BVHTTDL.", 70.0)],
            "4385/QĐ-BVHTTDL",
        ),
    ],
)
def test_vote(readings: list[tuple[str, float]], winner: str) -> None:
    assert vote([Reading(text, confidence) for text, confidence in readings]).text == winner


@pytest.mark.parametrize(
    ("readings", "winner"),
    [
        # a broken page reading (a bracket inside the digits), re-reads agree on the digits and differ
        # in one code: the re-read whose code is a known one (BTC: Bộ Tài chính) wins (blind heldout6 photo)
        ([("13(21/RTC-PYHT", 71.0), ("13021/BTC-PTHT", 54.0), ("13021/RTC-PTHT", 89.0)], "13021/BTC-PTHT"),
        ([("5(6/QD-UBND", 40.0), ("506/XĐ-UBND", 80.0), ("506/QĐ-UBND", 60.0)], "506/QĐ-UBND"),
        # the digits differ: no re-read is trusted
        ([("1:;021/BTC-PTHT", 12.0), ("172021/BTC-PTHT", 46.0), ("1:021/BTC-PTHT", 41.0)], "1:;021/BTC-PTHT"),
        # the page reading is whole: it stays ("&" belongs to symbols), the more when a re-read confirms it
        (
            [("515/KH-BCA-BNN&MT", 72.0), ("O515/KH-BCA-BNNGMT", 0.0), ("515/KH-BCA-BNN&MT", 92.0)],
            "515/KH-BCA-BNN&MT",
        ),
        ([("13021/RTC-PTHT", 71.0), ("13021/BTC-PTHT", 54.0), ("13021/RTC-PYHT", 89.0)], "13021/RTC-PTHT"),
        # both codes unknown, or both known: no evidence
        ([("13(21/RTC-PYHT", 71.0), ("13021/RTX-PTHT", 54.0), ("13021/RTC-PTHT", 89.0)], "13(21/RTC-PYHT"),
        ([("12(3/QĐ-UBND", 30.0), ("123/QĐ-UBND", 54.0), ("123/CT-UBND", 89.0)], "12(3/QĐ-UBND"),
    ],
)
def test_vote_on_a_broken_symbol(readings: list[tuple[str, float]], winner: str) -> None:
    assert vote([Reading(text, confidence) for text, confidence in readings]).text == winner


def test_word_crop_stops_half_way_to_the_neighbours() -> None:
    line = OcrLine("1", [word("số", 95, 100, 160), word("58/2023", 50, 170, 330), word("của", 95, 400, 460)])
    left, top, right, bottom = word_box(line, 1, (2480, 3508))
    assert (left, right) == (165, 340)  # gap 10 px before (half: 5), margin 10 px after
    assert (top, bottom) == (40, 100)  # a quarter of the 40 px height above and below


def test_line_reading_is_the_word_over_the_original_box() -> None:
    original = word("II.", 20.0, left=300, right=360)
    crop_left = 250
    # crop pixels: (page x - crop_left) * SCALE + PADDING_PX
    at = lambda page_x: (page_x - crop_left) * SCALE + PADDING_PX  # noqa: E731
    words = [CropWord("III.", 91.0, at(330)), CropWord("TỔ", 95.0, at(420))]
    assert reading_in_line(words, crop_left, original) == Reading("III.", 91.0)
    assert reading_in_line([CropWord("TỔ", 95.0, at(420))], crop_left, original) is None


# --- real Tesseract --------------------------------------------------------------------------


def draw_lines(lines: list[tuple[str, bool]]) -> Image.Image:
    """A 300-dpi strip of text lines in DejaVu Serif 13 pt, bold where asked."""
    size = int(13 * 300 / 72)
    image = Image.new("L", (2480, (len(lines) + 1) * int(size * 1.8)), 255)
    draw = ImageDraw.Draw(image)
    for number, (text, bold) in enumerate(lines):
        font = ImageFont.truetype(FONT_BOLD if bold else FONT, size)
        draw.text((300, int(size * 0.6) + number * int(size * 1.8)), text, font=font, fill=0)
    image.info["dpi"] = (300, 300)
    return image


@pytest.mark.slow
def test_tesseract_runner_reads_a_page_from_stdin() -> None:
    image = draw_lines([("Căn cứ Nghị định số 58/2023/NĐ-CP ngày 12/8/2023;", False)])
    lines, width = parse_tsv(image_to_tsv(image))
    assert width == image.width
    assert " ".join(line.text() for line in lines) == "Căn cứ Nghị định số 58/2023/NĐ-CP ngày 12/8/2023;"
    assert tesseract_version().startswith("tesseract ")


@pytest.mark.slow
def test_tesseract_runner_errors_are_typed() -> None:
    with pytest.raises(OcrError, match="tesseract failed"):
        run_tesseract(["/nonexistent/page.png", "stdout"])


@pytest.mark.slow
def test_misread_doubtful_words_are_read_again_and_corrected() -> None:
    """The page's own words and boxes from Tesseract, three readings spoiled the way Tesseract
    spoils them on blind scans (``2023`` → ``2028``, ``2018`` → ``2016``, bold ``III.`` → ``II.``)."""
    image = draw_lines(
        [("III. TỔ CHỨC THỰC HIỆN", True), ("Kế hoạch số 1905/KH-UBND năm 2023 và năm 2018.", False)]
    )
    lines, _ = parse_tsv(image_to_tsv(image))
    assert lines[1].text() == "Kế hoạch số 1905/KH-UBND năm 2023 và năm 2018."
    heading, year, other_year = lines[0].words[0], lines[1].words[5], lines[1].words[8]
    for word, misread, confidence in (
        (heading, "II.", 21.9),
        (year, "2028", 50.0),
        (other_year, "2016.", 50.0),
    ):
        word.text, word.confidence = misread, confidence
    assert reread_doubtful(image, lines) == 3
    assert (heading.text, year.text, other_year.text) == ("III.", "2023", "2018.")
    assert min(heading.confidence, year.confidence, other_year.confidence) > 60
    assert lines[1].text() == "Kế hoạch số 1905/KH-UBND năm 2023 và năm 2018."  # sure words untouched


def test_a_failed_second_look_keeps_the_first_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.ocr_reread as reread_module

    def broken(*args: object, **kwargs: object) -> None:
        raise OcrError("tesseract failed (exit 1): no model")

    monkeypatch.setattr(reread_module, "read_crops", broken)
    line = OcrLine("1", [word("2028", 40.0, 100, 200)])
    assert reread_doubtful(Image.new("L", (400, 200), 255), [line]) == 0
    assert line.text() == "2028"
