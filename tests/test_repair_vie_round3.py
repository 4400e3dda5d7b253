"""Repair of Tesseract ``vie`` residual errors, round 3: misread letters on degraded pages, codes and
numbers vie reads right, heading numerals that break their sequence, and cited documents' years.

The phrasings are those of administrative plans (sections, legal bases, codes), written for these
tests in the style of the errors Tesseract ``vie`` makes on photocopies, not copied from the
evaluation pages.
"""

from __future__ import annotations

import pytest

from kehoach.evaluation.repair import evaluate_vie_scans
from kehoach.repair import Repairer
from kehoach.repair.channel import OCR_ENG, OCR_VIE, CharChannel, load_prior
from kehoach.repair.citation_years import document_year, fix_citation_years
from kehoach.repair.decoder import split_line
from kehoach.repair.document_codes import fix_archive_note, fix_mixed_case_codes, mixed_case_codes
from kehoach.repair.glyphs import merge_junk_glyphs
from kehoach.repair.junk import junk_position, junk_skeletons
from kehoach.repair.roman import fix_heading_sequence, fix_lone_numerals, roman_value, to_roman


@pytest.fixture(scope="module")
def repairer() -> Repairer:
    return Repairer.load()


# ---- whole repairs of vie text -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # a letter misread inside a word that is then no Vietnamese syllable (near skeletons)
        (
            "Đẩy mạnh công tác cải cavh hành chính, xây dựng Nhà nước pháp quvyen",
            "Đẩy mạnh công tác cải cách hành chính, xây dựng Nhà nước pháp quyền",
        ),
        (
            "tổ chức thực hiện cônự tác tuyên truyền đến cán bộ",
            "tổ chức thực hiện công tác tuyên truyền đến cán bộ",
        ),
    ],
)
def test_repair_reads_letters_vie_misread(repairer: Repairer, ocr: str, expected: str) -> None:
    assert repairer.repair_text(ocr, ocr_lang="vie") == expected


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # a damaged letter read as a glyph that is no letter, glued to or inside the word
        (
            "Quy hoạch mạng lưới cơ sở Vă¡ hóa, Thể thao và Du ¡ch",
            "Quy hoạch mạng lưới cơ sở Văn hóa, Thể thao và Du lịch",
        ),
        (
            "Nơi nhận: Văn phòng Ch:nh phủ; Bộ Tài chính; C¿c Sở, ngành",
            "Nơi nhận: Văn phòng Chính phủ; Bộ Tài chính; Các Sở, ngành",
        ),
        (  # a bracket glued to a word's end opens nothing; a letter Vietnamese lacks in a marked word
            "giảm chi phí, tân( cường năng lực cạnh tranh của doanh nghiệp",
            "giảm chi phí, tăng cường năng lực cạnh tranh của doanh nghiệp",
        ),
        ("phát triển nuôi trồng thủy sảz nước lợ", "phát triển nuôi trồng thủy sản nước lợ"),
    ],
)
def test_repair_reads_junk_glyphs_as_letters(repairer: Repairer, ocr: str, expected: str) -> None:
    assert repairer.repair_text(ocr, ocr_lang="vie") == expected


def test_repair_reads_a_letter_vietnamese_lacks(repairer: Repairer) -> None:
    assert repairer.repair_text("công tác phòng chống dịch, ÿ tế dự phòng", ocr_lang="vie") == (
        "công tác phòng chống dịch, y tế dự phòng"
    )


def test_junk_glyph_reads_as_nothing_one_letter_or_two(repairer: Repairer) -> None:
    prior = load_prior()
    assert junk_position("vă¡", "va¡", prior) == 2
    assert junk_position("điz", "diz", prior) == 2  # z in a word with Vietnamese marks
    assert junk_position("zalo", "zalo", prior) is None  # a foreign name keeps its z
    syllables = repairer.index.syllable_skeletons
    assert junk_skeletons("va¡", 2, prior, syllables)["van"] == pytest.approx(prior.junk_substitute)
    assert junk_skeletons("¡ch", 0, prior, syllables)["lich"] == pytest.approx(
        prior.junk_substitute + prior.delete
    )
    assert "cdc" not in junk_skeletons("c¿c", 1, prior, syllables)  # a code, not a word


def test_merge_junk_glyphs_keeps_punctuation_that_is_punctuation() -> None:
    junk = load_prior().junk
    line = "Nơi nhận:Như Điều 2; tài liệu [1] về PAPI! Vă¡ hóa"
    spans = split_line(line, ocr_symbols=True)
    merged = merge_junk_glyphs(line, spans, junk)
    assert [s.text for s in merged if s.fixed_token is None and s not in spans] == ["Vă¡"]
    assert [s.text for s in merged if s.fixed_token is None][-2:] == ["Vă¡", "hóa"]


@pytest.mark.parametrize(
    "line",
    [
        "Phát triển hạ tầng 5G, ứng dụng IoT trong quản lý của HĐND tỉnh",  # codes vie reads right
        "Pháp lệnh số 34/2007/PL-UBTVQH11 về thực hiện dân chủ ở xã, phường",  # a code's letters
        "Chương trình trọng điểm phát triển Thành phố",  # a right word with a likelier neighbour
        "Điều 6. Trách nhiệm thi hành",  # a lone digit is a number in vie text
        "đ) Sở Nông nghiệp và Môi trường (NN&MT) chủ trì; khoản 10b Điều 3",  # labels, symbols
        "đăng ký tài khoản Zalo, Facebook (Ban chỉ đạo) của xã",  # foreign names keep f, z
    ],
)
def test_repair_leaves_what_vie_read_right(repairer: Repairer, line: str) -> None:
    assert repairer.repair_text(line, ocr_lang="vie") == line


def test_repair_fixes_heading_sequence_and_cited_year_in_ocr_text(repairer: Repairer) -> None:
    text = (
        "Đắk Lắk, ngày 18 tháng 11 năm 2025\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15 ngày 22 tháng 6 năm 2028;\n"
        "II. NỘI DUNG\n"
        "II. TỔ CHỨC THỰC HIỆN"
    )
    out = repairer.repair_text(text, ocr_lang="vie").split("\n")
    assert out[2] == "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15 ngày 22 tháng 6 năm 2023;"
    assert out[4] == "III. TỔ CHỨC THỰC HIỆN"


def test_heading_sequence_reads_the_glyph_ocr_saw() -> None:
    """``IL.`` was made ``II.`` by the numeral rule; the sequence rule still sees the stray ``L``."""
    observed = ["IL. MỤC TIÊU", "II. NỘI DUNG"]
    assert fix_heading_sequence(["II. MỤC TIÊU", "II. NỘI DUNG"], observed) == ["I. MỤC TIÊU", "II. NỘI DUNG"]


def test_a_misread_numeral_is_not_taken_for_a_code_the_document_uses(repairer: Repairer) -> None:
    """``XIH`` is ``XIII`` read with ``H`` for ``II``, not the ``XIV`` one letter away elsewhere."""
    text = "chào mừng Đại hội lần thứ XIV của Đảng;\nthực hiện Nghị quyết Đại hội lần thứ XIH của Đảng"
    assert repairer.repair_text(text, ocr_lang="vie").split("\n")[1].endswith("lần thứ XIII của Đảng")


def test_typed_text_keeps_its_years_and_numerals(repairer: Repairer) -> None:
    """Years and headings are OCR's errors: a typed document's own content is not second-guessed."""
    text = "Hà Nội, ngày 5 tháng 3 năm 2025\nII. NỘI DUNG\nII. NỘI DUNG\nsố 20/2023/QH15 ngày 22/6/2028"
    assert repairer.repair_text(text) == text


# ---- channel ---------------------------------------------------------------------------------------
def test_marks_read_right_on_a_misread_base_letter_cost_nothing_more() -> None:
    """``trềng`` for ``trồng``: the circumflex and grave were read right, only e/o is wrong."""
    channel = CharChannel(OCR_VIE, load_prior())
    substitution = load_prior().substitute[("e", "o")]
    assert channel.letter_cost("ề", "ồ") == pytest.approx(substitution)
    assert channel.letter_cost("e", "ồ") == pytest.approx(substitution + OCR_VIE.drop_mark)
    eng = CharChannel(OCR_ENG, load_prior())  # eng's marks are loose: a mark on a wrong letter proves nothing
    assert eng.letter_cost("ề", "ồ") == pytest.approx(substitution + OCR_ENG.drop_mark)


def test_vie_prices_a_known_word_read_as_another_above_a_garbled_token(repairer: Repairer) -> None:
    """``trọng`` is a word: reading it as ``trang`` costs the letter and the known-word premium;
    ``cavh`` is no word: ``cách`` is offered at the letter's and the marks' cost alone."""
    generator = repairer.generator(OCR_VIE)
    prior = load_prior()
    from_word = {o.words: o.cost for o in generator.options("trọng")}
    assert from_word[("trang",)] == pytest.approx(prior.substitute[("o", "a")] + OCR_VIE.known_word_edit_cost)
    from_garble = {o.words: o.cost for o in generator.options("cavh")}
    assert from_garble[("cách",)] == pytest.approx(prior.default_substitute + OCR_VIE.drop_mark)


# ---- heading numerals -------------------------------------------------------------------------------
def test_roman_value_round_trip() -> None:
    assert [roman_value(to_roman(v)) for v in (1, 4, 9, 14, 40, 1999)] == [1, 4, 9, 14, 40, 1999]
    assert roman_value("IIII") is None


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (["I. MỤC ĐÍCH", "II. MỤC TIÊU", "II. GIẢI PHÁP", "V. BÁO CÁO"], ["I.", "II.", "III.", "V."]),
        (["IL. MỤC TIÊU", "II. NỘI DUNG"], ["I.", "II."]),  # a stroke too many on the first
        (["I. A", "II. B", "I. C", "II. D"], ["I.", "II.", "I.", "II."]),  # two parts: no repeat
        (["II. NỘI DUNG", "III. TỔ CHỨC"], ["II.", "III."]),  # a page starting mid-sequence
        (["II. A", "II. B", "VI. C"], ["II.", "III.", "VI."]),
        (["V. A", "V. B"], ["V.", "VI."]),  # VI read without its last stroke
        (["IV. A", "IV. B"], ["IV.", "V."]),
        (["X. A", "X. B"], ["X.", "XI."]),
        (["VII. A", "VII. B", "VIII. C"], ["VI.", "VII.", "VIII."]),  # the first gained a stroke
    ],
)
def test_fix_heading_sequence(headings: list[str], expected: list[str]) -> None:
    lines = [line for heading in headings for line in (heading, "1. Nội dung")]
    out = fix_heading_sequence(lines)
    assert [line.split(" ")[0] for line in out[::2]] == expected
    assert out[1::2] == lines[1::2]


# ---- cited documents' years -----------------------------------------------------------------------
DATELINE = "Hà Tĩnh, ngày 19 tháng 11 năm 2025"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (  # the number carries the year the date lost
            "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15 ngày 22 tháng 6 năm 2028;",
            "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15 ngày 22 tháng 6 năm 2023;",
        ),
        (  # a digit too many
            "Căn cứ Luật Công nghệ thông tin số 67/2006/QH11 ngày 29 tháng 6 năm 20066;",
            "Căn cứ Luật Công nghệ thông tin số 67/2006/QH11 ngày 29 tháng 6 năm 2006;",
        ),
        (  # no year in the number: the one possible year a digit away
            "Thực hiện Quyết định số 2657/QĐ-BVHTTDL ngày 29/7/3025 của Bộ trưởng",
            "Thực hiện Quyết định số 2657/QĐ-BVHTTDL ngày 29/7/2025 của Bộ trưởng",
        ),
        (  # possible years are left as read, whatever the number says
            "Căn cứ Luật An ninh mạng số 24/2018/QH14 ngày 12 tháng 6 năm 2016;",
            "Căn cứ Luật An ninh mạng số 24/2018/QH14 ngày 12 tháng 6 năm 2016;",
        ),
        (  # a deadline is no citation: it may lie after the plan's date
            "Các đơn vị hoàn thành trước ngày 31/12/2026 và báo cáo kết quả",
            "Các đơn vị hoàn thành trước ngày 31/12/2026 và báo cáo kết quả",
        ),
        (  # several years a digit away (2018, 2023, ...): no way to choose
            "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/5/2028 của UBND tỉnh",
            "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/5/2028 của UBND tỉnh",
        ),
    ],
)
def test_fix_citation_years(line: str, expected: str) -> None:
    assert fix_citation_years([DATELINE, line]) == [DATELINE, expected]


def test_citation_years_need_the_plans_own_date() -> None:
    lines = ["Căn cứ Luật số 20/2023/QH15 ngày 22 tháng 6 năm 2028;"]
    assert document_year(lines) is None
    assert fix_citation_years(lines) == lines
    header = ["ỦY BAN NHÂN DÂN", "Căn cứ Luật số 20/2023/QH15, ngày 22 tháng 6 năm 2023", DATELINE]
    assert document_year(header) == 2025  # the latest date line: a citation is never later


# ---- the document's own codes and the archive formula ----------------------------------------------
def test_mixed_case_code_the_document_writes_elsewhere() -> None:
    text = "ứng dụng Internet vạn vật (IoT) và nền tảng eTax\nthúc đẩy IToT, khai thuế qua eTaz"
    known = {"iot", "etax"}.__contains__
    codes = mixed_case_codes(text, known)
    assert codes == frozenset({"IoT", "eTax"})
    assert fix_mixed_case_codes(text.split("\n")[1], codes, known) == "thúc đẩy IoT, khai thuế qua eTax"
    assert fix_mixed_case_codes("mạng ToT", codes, {"tot"}.__contains__) == "mạng ToT"  # a known word


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("+ Cổng TTĐT tỉnh (đưa tin); Lưu: VI KTTHVTD.", "+ Cổng TTĐT tỉnh (đưa tin); Lưu: VT, KTTHVTD."),
        ("- !ưu: Vĩ, VP.", "- Lưu: VT, VP."),
        ("- lưu: Vi KTTH.", "- Lưu: VT, KTTH."),
        ("- Lưu: VL.", "- Lưu: VT."),
        ("- Lưu: VT, TH.", "- Lưu: VT, TH."),
        (
            "xã, phường; Lưu: VT NC (TP, Dũng).",
            "xã, phường; Lưu: VT, NC (TP, Dũng).",
        ),  # comma lost (heldout6 scan)
        ("- Lưu: VT.", "- Lưu: VT."),
        ("Công báo; Lưu: VŨ KSTT (2b).", "Công báo; Lưu: VT, KSTT (2b)."),  # blind heldout5 scan
        ("- Lưu: VP, TH.", "- Lưu: VP, TH."),  # a real code
        ("- Lưu: Vụ Pháp chế.", "- Lưu: Vụ Pháp chế."),  # a word
        ("Lưu: VIỆT NAM", "Lưu: VIỆT NAM"),  # a word, not the code
    ],
)
def test_fix_archive_note(line: str, expected: str) -> None:
    assert fix_archive_note(line) == expected


# ---- measurement ------------------------------------------------------------------------------------
def test_evaluate_vie_scans_scores_input_and_repair_per_quality(repairer: Repairer, tmp_path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    truth = "Đẩy mạnh công tác cải cách hành chính,\nxây dựng Nhà nước pháp quyền."
    (folder / "plan.office.vie.gt.txt").write_text(truth, encoding="utf-8")
    ocr = "Đẩy mạnh công tác cải cavh hành chính, xây\ndựng Nhà nước pháp quyền."
    (folder / "plan.office.vie.ocr.txt").write_text(ocr, encoding="utf-8")
    result = evaluate_vie_scans(repairer, tmp_path)
    assert result is not None
    row = result["plans.office"]
    # "cavh" is two edits from "cách"; the lines broken elsewhere are layout, not errors
    assert (row["pages"], row["input_errors"], row["repaired_errors"]) == (1, 2, 0)
    assert row["chars"] == len(" ".join(truth.split()))
    assert evaluate_vie_scans(repairer, tmp_path / "absent") is None


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a flattened task table (blind heldout6 scan): row groups I, II on lines of their own
        (
            ["I", "XÂY DỰNG KẾ HOẠCH", "1", "H", "TRIỂN KHAI ĐỒNG BỘ"],
            ["I", "XÂY DỰNG KẾ HOẠCH", "1", "II", "TRIỂN KHAI ĐỒNG BỘ"],
        ),
        (["I", "a", "II", "b", "HI"], ["I", "a", "II", "b", "III"]),
        (["H", "TRIỂN KHAI"], ["H", "TRIỂN KHAI"]),  # no numeral before it: lettered rows run A … H
        (["G", "x", "H"], ["G", "x", "H"]),
        (["I", "x", "III", "y", "H"], ["I", "x", "III", "y", "H"]),  # II after III: no sequence
    ],
)
def test_fix_lone_numerals(lines: list[str], expected: list[str]) -> None:
    assert fix_lone_numerals(lines) == expected
