"""The scan generator, the sample formats and the OCR channel helpers."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import docx
import numpy as np
import pdfplumber
import pytest
from PIL import Image

from kehoach.evaluation import metrics
from kehoach.evaluation.metrics import cer, error_rates, normalize_whitespace, wer
from kehoach.synth import (
    QUALITIES,
    PageStyle,
    apply_degradation,
    degrade,
    draw_degradation,
    draw_page,
    ground_truth,
    layout_pages,
    render_pages,
    synth_scan,
)
from kehoach.synth.align import aligned_text_pairs
from kehoach.synth.cleaning import clean_source_text
from kehoach.synth.layout import plan_blocks

ROOT = Path(__file__).resolve().parent.parent

SHORT_PLAN = """KẾ HOẠCH
Về cải thiện Chỉ số Hiệu quả quản trị và Hành chính công cấp tỉnh (PAPI) năm 2024
Căn cứ Kế hoạch số 196/KH-UBND ngày 14 tháng 5 năm 2024 của Ủy ban nhân dân Quận 1 về cải thiện các nội dung của Chỉ số PAPI;
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Thực hiện báo cáo trước ngày 10 tháng 11 năm 2024, gửi đến Ủy ban nhân dân Quận 1 (thông qua Phòng Nội vụ).
Trần Thị Trang
"""

HEADED_PLAN = """ỦY BAN NHÂN DÂN QUẬN 1
TRƯỜNG MẦM NON TUỔI HỒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 56/KH-MNTH
Quận 1, ngày 03 tháng 5 năm 2023
KẾ HOẠCH
Về cải thiện Chỉ số cải cách hành chính (PAR Index) năm 2023
Đơn vị tổ chức thực hiện nghiêm túc kế hoạch này.
"""

# A small style keeps the pixel-level tests fast: an A4 page at 100 dpi.
SMALL = PageStyle(dpi=100)


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _pixels(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L"), dtype=np.int16)


def test_render_pages_is_deterministic_and_a4():
    first = [page.tobytes() for page in render_pages(SHORT_PLAN, SMALL)]
    second = [page.tobytes() for page in render_pages(SHORT_PLAN, SMALL)]
    page = next(render_pages(SHORT_PLAN))
    assert first == second
    assert page.size == (2480, 3508)  # A4 at 300 dpi
    assert _pixels(page).min() < 60  # ink was drawn


def test_degrade_is_reproducible_for_a_seed_and_differs_between_seeds():
    clean = draw_page(layout_pages(SHORT_PLAN, SMALL)[0], SMALL)
    same_a = degrade(clean, "poor", np.random.default_rng(5)).tobytes()
    same_b = degrade(clean, "poor", np.random.default_rng(5)).tobytes()
    other = degrade(clean, "poor", np.random.default_rng(6)).tobytes()
    assert same_a == same_b
    assert same_a != other


def test_degradation_levels_grow_harsher():
    drawn = {quality: draw_degradation(quality, np.random.default_rng(1)) for quality in QUALITIES}
    assert drawn["clean"].angle_deg == 0 and not drawn["clean"].stamp and drawn["clean"].jpeg_quality is None
    assert abs(drawn["office"].angle_deg) <= 0.7 and drawn["office"].resample_dpi is None
    for quality in ("poor", "photo"):
        assert 150 <= drawn[quality].resample_dpi <= 200
    assert (
        drawn["photo"].shadow > 0
        and drawn["photo"].lighting > drawn["poor"].lighting > drawn["office"].lighting
    )
    assert all(drawn[q].stamp for q in ("office", "poor", "photo"))


def test_degraded_pages_differ_from_clean_and_from_each_other():
    clean = draw_page(layout_pages(SHORT_PLAN, SMALL)[-1], SMALL)
    images = {q: _pixels(degrade(clean, q, np.random.default_rng(2))) for q in QUALITIES}
    assert np.array_equal(images["clean"], _pixels(clean))
    distances = {q: np.abs(images[q] - images["clean"]).mean() for q in ("office", "poor", "photo")}
    assert 0 < distances["office"] < distances["poor"] < distances["photo"]


def test_stamp_is_red_and_over_the_signer():
    page = layout_pages(SHORT_PLAN, SMALL)[-1]
    clean = draw_page(page, SMALL)
    stamped = apply_degradation(
        clean, draw_degradation("office", np.random.default_rng(0)), np.random.default_rng(0)
    )
    rgb = np.asarray(stamped, dtype=np.int16)
    red = (rgb[..., 0] > 150) & (rgb[..., 1] < 110) & (rgb[..., 2] < 110)
    ys, xs = np.nonzero(red)
    signer = next(line for line in page.lines if line.text == "Trần Thị Trang")
    assert red.sum() > 50
    assert abs(ys.mean() - signer.box[1]) < (SMALL.page_size[1] * 0.1)
    assert xs.mean() > SMALL.page_size[0] / 3  # right half, where the signature goes


def test_stamp_ink_darkens_text_under_it_instead_of_covering_it():
    """Multiply blend: black text under the seal stays black, white paper turns the ink's colour."""
    from kehoach.synth.degrade import STAMP_RED, multiply_ink

    page = Image.new("RGB", (4, 1), (255, 255, 255))
    page.putpixel((0, 0), (0, 0, 0))  # a text pixel
    page.putpixel((1, 0), (100, 100, 100))  # grey (anti-aliased) text
    coverage = Image.new("L", (4, 1), 255)
    coverage.putpixel((3, 0), 0)  # no ink here
    inked = np.asarray(multiply_ink(page, coverage, STAMP_RED), dtype=np.int16)
    assert inked[0, 0].tolist() == [0, 0, 0]
    assert inked[0, 1].tolist() == [round(100 * 200 / 255), round(100 * 30 / 255), round(100 * 40 / 255)]
    assert inked[0, 2].tolist() == list(STAMP_RED)
    assert inked[0, 3].tolist() == [255, 255, 255]


def test_layout_two_column_header_and_headings():
    blocks = {block.text: block for block in plan_blocks(HEADED_PLAN)}
    assert blocks["ỦY BAN NHÂN DÂN QUẬN 1"].column == "left"
    assert blocks["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].column == "right"
    assert blocks["Số: 56/KH-MNTH"].column == "left"
    assert blocks["Quận 1, ngày 03 tháng 5 năm 2023"].column == "right"
    assert blocks["Số: 56/KH-MNTH"].header_row == blocks["Quận 1, ngày 03 tháng 5 năm 2023"].header_row
    assert blocks["KẾ HOẠCH"].align == "center" and blocks["KẾ HOẠCH"].bold
    assert blocks["Về cải thiện Chỉ số cải cách hành chính (PAR Index) năm 2023"].align == "center"
    assert blocks["Đơn vị tổ chức thực hiện nghiêm túc kế hoạch này."].align == "justify"
    lines = {line.text: line for line in layout_pages(HEADED_PLAN, SMALL)[0].lines}
    issuer, nation = lines["ỦY BAN NHÂN DÂN QUẬN 1"], lines["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert issuer.box[1] == nation.box[1] and issuer.box[2] < nation.box[0]


def test_a_dated_citation_right_under_the_title_stays_in_the_body():
    """A short header puts the first "Căn cứ ... ngày ..." line within the header search window; it
    must not be taken for the place and date (which it would replace, losing both lines)."""
    lines = HEADED_PLAN.split("\n")
    cited = "Căn cứ Nghị định số 73/2023/NĐ-CP ngày 29 tháng 9 năm 2023 của Chính phủ về công tác cải cách hành chính;"
    text = "\n".join([*lines[:8], cited, *lines[8:]])
    blocks = {block.text: block for block in plan_blocks(text)}
    assert blocks["Quận 1, ngày 03 tháng 5 năm 2023"].column == "right"
    assert blocks[cited].header_row is None and blocks[cited].align == "justify"


def test_plain_text_without_header_has_no_header_blocks():
    assert all(block.header_row is None for block in plan_blocks(SHORT_PLAN))
    blocks = {block.text: block for block in plan_blocks(SHORT_PLAN)}
    assert blocks["I. MỤC ĐÍCH, YÊU CẦU"].bold and blocks["I. MỤC ĐÍCH, YÊU CẦU"].align == "left"
    assert blocks["1. Mục đích"].bold
    assert blocks["Trần Thị Trang"].column == "right"


def test_ground_truth_keeps_lines_and_marks_page_breaks():
    long_text = "\n".join(f"Đoạn {i}: " + "cải thiện chỉ số hành chính công " * 12 for i in range(30))
    pages = layout_pages(long_text, SMALL)
    truth = ground_truth(pages)
    assert len(pages) > 1 and truth.count("\f") == len(pages) - 1
    assert normalize_whitespace(truth) == normalize_whitespace(long_text)
    assert ground_truth(layout_pages(SHORT_PLAN, SMALL)) == SHORT_PLAN


def test_synth_scan_writes_image_only_pdf_and_ground_truth(tmp_path):
    out = synth_scan(SHORT_PLAN, tmp_path / "scan.pdf", quality="office", seed=3, style=SMALL)
    again = synth_scan(SHORT_PLAN, tmp_path / "again.pdf", quality="office", seed=3, style=SMALL)
    assert hashlib.sha256(out.read_bytes()).digest() == hashlib.sha256(again.read_bytes()).digest()
    assert (tmp_path / "scan.gt.txt").read_text(encoding="utf-8") == SHORT_PLAN
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 1
        assert pdf.pages[0].chars == [] and len(pdf.pages[0].images) == 1
        assert round(pdf.pages[0].width) == 595  # A4 in points


def test_unknown_quality_is_a_usage_error():
    from kehoach.errors import UsageError

    with pytest.raises(UsageError):
        draw_degradation("fax", np.random.default_rng(0))


def test_clean_source_text_strips_export_debris():
    raw = "## KẾ HOẠCH\n[bookmark: muc_2]- Tuyên truyền **5 thật**;\n\n\n* Lưu: VT.  \n"
    assert clean_source_text(raw) == "KẾ HOẠCH\n- Tuyên truyền 5 thật;\n- Lưu: VT.\n"


@pytest.mark.parametrize(
    ("intended", "observed", "expected"),
    [
        ("Chỉ số PAPI", "Chi s6 PAPI", [("Chỉ", "Chi"), ("số", "s6"), ("PAPI", "PAPI")]),
        (
            "CB-GV-CNV nghiêm túc",
            "CB-GV-CNVnghiém tic",
            [("CB-GV-CNV nghiêm", "CB-GV-CNVnghiém"), ("túc", "tic")],
        ),
        ("nhà ở phía Nam", "nha 6 phia Nam", [("nhà", "nha"), ("ở", "6"), ("phía", "phia"), ("Nam", "Nam")]),
        ("Nam tại …… ,", "Nam tai ...", [("Nam", "Nam"), ("tại", "tai")]),
        (
            "một cách đồng bộ,",
            "mot cach df‘) ng bg,",
            [("một", "mot"), ("cách", "cach"), ("đồng", "df‘) ng"), ("bộ", "bg")],
        ),
    ],
)
def test_align_tokens_handles_glued_and_split_words(intended, observed, expected):
    assert aligned_text_pairs(intended, observed) == expected


def test_cer_and_wer_values():
    assert cer("Kế hoạch", "Ke hoach") == pytest.approx(2 / 8)
    assert wer("Kế hoạch số 04", "Ke hoạch số 04") == pytest.approx(1 / 4)
    assert cer("", "") == 0.0 and cer("", "x") == 1.0
    rates = error_rates("Kế  hoạch\nsố 04", "Kế hoạch số 04")
    assert rates["cer"] == 0.0 and rates["ref_words"] == 4


def test_numpy_levenshtein_matches_rapidfuzz():
    rng = np.random.default_rng(0)
    alphabet = list("aăâđêôơư ếộ")
    for _ in range(50):
        a = "".join(rng.choice(alphabet, rng.integers(0, 15)))
        b = "".join(rng.choice(alphabet, rng.integers(0, 15)))
        expected = _reference_levenshtein(a, b)
        assert metrics._numpy_levenshtein(a, b) == expected
        assert metrics.levenshtein(a, b) == expected


def _reference_levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def test_text_pdf_round_trips_through_pdfplumber(tmp_path):
    samples = _load_script("make_samples")
    text = samples.seed_text(samples.TEXT_PDF_SEED)
    out = samples.make_text_pdf(text, tmp_path / "plan.pdf")
    with pdfplumber.open(out) as pdf:
        extracted = "\n".join(page.extract_text() for page in pdf.pages)
    assert normalize_whitespace(extracted) == normalize_whitespace(text)
    assert "[bookmark" not in text and len(text) > 5000


def test_docx_has_one_paragraph_per_source_line(tmp_path):
    samples = _load_script("make_samples")
    text = samples.seed_text(samples.DOCX_SEED)
    (tmp_path / "again").mkdir()
    first = samples.make_docx(text, tmp_path / "plan.docx").read_bytes()
    second = samples.make_docx(text, tmp_path / "again" / "plan.docx").read_bytes()
    assert [p.text for p in docx.Document(tmp_path / "plan.docx").paragraphs] == text.splitlines()
    assert first == second


def test_generated_samples_are_present():
    generated = ROOT / "data" / "raw" / "generated"
    names = {path.suffix for path in generated.iterdir()}
    assert {".pdf", ".docx", ".png"} <= names
    scan = next(generated.glob("*.scan.pdf"))
    assert (ROOT / "tests" / "data" / "ocr_eval" / scan.with_suffix(".gt.txt").name).is_file()


@pytest.mark.slow
def test_tesseract_vie_reads_a_clean_page_with_cer_below_2_percent():
    pytesseract = pytest.importorskip("pytesseract")
    text = clean_source_text(
        (ROOT / "data" / "raw" / "ke-hoach-mn-hoa-lu-papi-2024.txt").read_text(encoding="utf-8")
    )
    page = layout_pages(text)[0]
    # the top third of page 1 (title and citations, dense with diacritics) keeps the test to seconds
    bottom = page.lines[0].box[1] + (page.lines[-1].box[3] - page.lines[0].box[1]) // 3
    shown = [line for line in page.lines if line.box[3] <= bottom]
    image = draw_page(page).crop((0, 0, PageStyle().page_size[0], shown[-1].box[3] + 10))
    truth = "\n".join(line.text for line in shown)
    read = pytesseract.image_to_string(image, lang="vie", config="--psm 4")
    assert len(truth) > 500
    assert cer(normalize_whitespace(truth), normalize_whitespace(read)) < 0.02


@pytest.mark.slow
def test_ocr_words_map_back_to_their_lines_on_a_skewed_scan():
    from kehoach.synth.ocr_lines import ocr_words, words_by_line

    page = layout_pages(SHORT_PLAN)[0]
    rng = np.random.default_rng(4)
    degradation = draw_degradation("photo", rng)
    image = apply_degradation(draw_page(page), degradation, rng)
    assert abs(degradation.angle_deg) > 0.5
    # OCR only the written top of the page; a crop at the origin keeps the page's coordinates
    written = image.crop((0, 0, image.width, page.lines[-1].box[3] + 150))
    lines = words_by_line(page, ocr_words(written, "vie"), degradation, image.size)
    # the signer's name lies under the red stamp; every other line gets its words back through the rotation
    body = [(line.text, " ".join(words)) for line, words in zip(page.lines, lines, strict=True)][:-1]
    assert page.lines[-1].text == "Trần Thị Trang" and all(read for _, read in body)
    assert cer("\n".join(text for text, _ in body), "\n".join(read for _, read in body)) < 0.05


def test_words_by_line_undoes_the_skew_and_separates_header_columns():
    from dataclasses import replace

    from kehoach.synth import Degradation
    from kehoach.synth.degrade import rotate_point
    from kehoach.synth.ocr_lines import words_by_line

    page = layout_pages(HEADED_PLAN)[0]
    skew = Degradation(angle_deg=2.5)
    size = PageStyle().page_size
    words = []  # every drawn word, moved to where a 2.5° rotation puts it on the scan
    for line in page.lines:
        for word, x in line.words:
            centre = (x + 20, (line.box[1] + line.box[3]) / 2)
            words.append((word, *rotate_point(*centre, replace(skew, angle_deg=-2.5), size)))
    lines = words_by_line(page, words, skew, size)
    assert [" ".join(found) for found in lines] == [line.text for line in page.lines]


OCR_EVAL = ROOT / "tests" / "data" / "ocr_eval"


@pytest.mark.parametrize("lang", ["eng", "vie"])
def test_ocr_eval_pages_pair_line_for_line_with_the_cleaned_seeds(lang):
    truths = sorted(OCR_EVAL.glob(f"*.{lang}.gt.txt"))
    assert len(truths) == 4
    for truth in truths:
        seed = next((ROOT / "data" / "raw").glob(truth.name.removesuffix(f".{lang}.gt.txt") + ".*"))
        gt = truth.read_text(encoding="utf-8")
        ocr = truth.with_name(truth.name.replace(".gt.", ".ocr.")).read_text(encoding="utf-8")
        assert gt == clean_source_text(seed.read_text(encoding="utf-8"))
        assert len(ocr.splitlines()) == len(gt.splitlines())
        # eng garbles Vietnamese (diacritics lost), vie leaves only residual errors
        rate = error_rates(gt, ocr)["cer"]
        assert (rate > 0.1) if lang == "eng" else (rate < 0.03)


def test_channel_tables_are_well_formed():
    import gzip

    for lang in ("eng", "vie"):
        with gzip.open(ROOT / "kehoach" / "resources" / "channel" / f"{lang}_pairs.tsv.gz", "rt") as stream:
            rows = [line.rstrip("\n").split("\t") for line in stream]
        assert len(rows) > 500
        assert all(len(row) == 3 and row[0] and row[1] and int(row[2]) > 0 for row in rows)
        assert all(row[0] == row[0].strip() and "  " not in row[0] for row in rows)
        counts = [int(row[2]) for row in rows]
        assert counts == sorted(counts, reverse=True)
    exact = {row[0]: row[1] for row in rows if row[0] == row[1]}
    assert "và" in exact  # vie reads the commonest syllables right
