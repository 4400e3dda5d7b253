"""Repair stage: syllable arithmetic, the language model, the channel, the decoder and the stage.

Uses the committed model (kehoach/resources/lm); nothing here reads /work/shared. Sentences are
typical administrative phrasing, not copied from the seed plans' evaluation text.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kehoach.document import Document
from kehoach.repair import Repairer, garbling_score, normalize_tone_placement, repair_text
from kehoach.repair.channel import OCR_ENG, STRIPPED, CharChannel, LearnedPairs, load_prior
from kehoach.repair.lm import DEFAULT_MODEL, NGramLM, extend_history, pack_histories
from kehoach.repair.syllables import (
    apply_case,
    case_pattern,
    is_well_formed,
    lm_tokens,
    strip_diacritics,
)
from pipeline.options import PipelineOptions
from pipeline.repair import repair

SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"


@pytest.fixture(scope="module")
def repairer() -> Repairer:
    return Repairer.load()


# ---- syllables ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoà", "hòa"),
        ("Uỷ ban", "Ủy ban"),
        ("thuỷ lợi", "thủy lợi"),
        ("khoẻ", "khỏe"),
        ("hoàng", "hoàng"),  # final consonant: tone on the last vowel, unchanged
        ("người", "người"),
        ("quý", "quý"),  # qu is the onset
        ("gìn giữ", "gìn giữ"),
        ("Hoà Bình, hoà giải", "Hòa Bình, hòa giải"),
    ],
)
def test_normalize_tone_placement_traditional_convention(text: str, expected: str) -> None:
    assert normalize_tone_placement(text) == expected


def test_strip_diacritics_removes_tones_modifiers_and_stroke() -> None:
    assert strip_diacritics("Đồng Tháp, Hồ Chí Minh, người") == "Dong Thap, Ho Chi Minh, nguoi"


@pytest.mark.parametrize(
    ("word", "ok"), [("lược", True), ("luoc", False), ("nghiêng", True), ("ubnd", False)]
)
def test_is_well_formed_checks_nucleus_and_coda(word: str, ok: bool) -> None:
    assert is_well_formed(word) is ok


def test_case_pattern_round_trip() -> None:
    assert [case_pattern(t) for t in ("UBND", "Quận", "của")] == ["upper", "title", "lower"]
    assert apply_case("quận", "upper") == "QUẬN"
    assert apply_case("quận", "title") == "Quận"


def test_lm_tokens_lowercase_numbers_and_punctuation() -> None:
    assert lm_tokens("Căn cứ Kế hoạch số 04/KH-UBND, ngày 3.") == [
        "căn", "cứ", "kế", "hoạch", "số", "<num>", "kh", "ubnd", ",", "ngày", "<num>", ".",
    ]  # fmt: skip


# ---- language model ---------------------------------------------------------------------------------
def test_committed_model_is_compact() -> None:
    assert DEFAULT_MODEL.exists()
    assert DEFAULT_MODEL.stat().st_size < 50 * 1024 * 1024


def test_lm_prefers_real_vietnamese_to_stripped(repairer: Repairer) -> None:
    lm = repairer.lm
    assert lm.order == 4
    real = lm.sentence_logprob("ủy ban nhân dân quận".split())
    stripped = lm.sentence_logprob("uy ban nhan dan quan".split())
    assert real > stripped + 5


def test_lm_distribution_roughly_normalised(repairer: Repairer) -> None:
    lm = repairer.lm
    vocab = np.arange(len(lm.vocab))
    context = [lm.word_id(w) for w in ("ủy", "ban", "nhân")]
    total = float((10 ** lm.logprob(np.array([context] * len(vocab)), vocab)).sum())
    assert 0.9 < total < 1.1


def test_lm_loads_from_path(tmp_path: Path) -> None:
    lm = NGramLM.load(DEFAULT_MODEL)
    assert lm.word_id("của") != lm.unk_id
    assert lm.word_id("xyzzy") == lm.unk_id


# ---- channel ----------------------------------------------------------------------------------------
def test_stripped_channel_prices_lost_marks_cheaply_and_wrong_marks_dearly() -> None:
    channel = CharChannel(STRIPPED, load_prior())
    assert channel.cost("cua", "của") < 0.1
    assert channel.cost("cùa", "của") > 2.0


def test_ocr_channel_reads_symbols_and_glyph_pairs() -> None:
    channel = CharChannel(OCR_ENG, load_prior())
    assert channel.cost("ctia", "của") < channel.cost("ctia", "cha")
    assert channel.cost("$6", "số") < 1.5
    assert channel.cost("1ap", "lập") < 1.5


def test_learned_pairs_load_counts(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "eng_pairs.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("của\tctia\t6\ncủa\tcủa\t4\ncủa\tciia\t1\ntrên địa bàn\ttréndiaban\t3\n")
    pairs = LearnedPairs.load(path)
    assert pairs.lookup("CTIA") == {"của": pytest.approx(-np.log10(6 / 11))}  # 6 of 11 readings of của
    assert pairs.lookup("ciia") == {}  # seen once: not trusted
    assert "trên địa bàn" in pairs.lookup("tréndiaban")


# ---- decoder / repairer -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("garbled", "expected"),
    [
        (
            "Can cu Ke hoach so 12/KH-UBND ngay 10 thang 3 nam 2024 cua Uy ban nhan dan huyen",
            "Căn cứ Kế hoạch số 12/KH-UBND ngày 10 tháng 3 năm 2024 của Ủy ban nhân dân huyện",
        ),
        (
            "Thu truong cac co quan, don vi to chuc trien khai thuc hien nghiem tuc Ke hoach nay.",
            "Thủ trưởng các cơ quan, đơn vị tổ chức triển khai thực hiện nghiêm túc Kế hoạch này.",
        ),
    ],
)
def test_repair_restores_stripped_diacritics(repairer: Repairer, garbled: str, expected: str) -> None:
    assert repairer.repair_text(garbled) == expected


@pytest.mark.parametrize(
    ("garbled", "expected"),
    [
        ("Thyc hién Ké hoach sé 15/KH-UBND ctia Uy ban", "Thực hiện Kế hoạch số 15/KH-UBND của Ủy ban"),
        ("Doc 1ap - Ty do - Hanh phic", "Độc lập - Tự do - Hạnh phúc"),
        (
            "cong tac cai cach hanh chinh tréndiabanQuéan 1 nam 2023",
            "công tác cải cách hành chính trên địa bàn Quận 1 năm 2023",
        ),
    ],
)
def test_repair_reads_english_ocr_of_vietnamese(repairer: Repairer, garbled: str, expected: str) -> None:
    assert repairer.repair_text(garbled) == expected


def test_repair_keeps_line_structure(repairer: Repairer) -> None:
    text = "Can cu Luat To chuc chinh quyen dia phuong;\n\n  - Bao cao ket qua thuc hien\nPAPI\n"
    out = repairer.repair_text(text)
    assert out.count("\n") == text.count("\n")
    assert out.split("\n")[1] == ""
    assert out.split("\n")[2].startswith("  - Báo cáo kết quả")
    assert out.split("\n")[3] == "PAPI"


def test_repair_leaves_correct_text_unchanged(repairer: Repairer) -> None:
    clean = (
        "Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2024 của Ủy ban nhân dân Quận 1;\n"
        "Nguồn (https://example.gov.vn/portal/TPHCM-Cai-thien-Chi-so.aspx)\n"
        "Nâng cao Chỉ số PAR Index và SIPAS hằng năm."
    )
    assert repairer.repair_text(clean) == clean


def test_repair_keeps_document_spelling_convention(repairer: Repairer) -> None:
    line = "Báo cáo kết quả thực hiện hàng năm về Ủy ban nhân dân quận."
    assert repairer.repair_text(line, ocr_lang="vie") == line


def test_repair_joins_fragments_ocr_broke_apart(repairer: Repairer) -> None:
    out = repairer.repair_text("Đại hội đại biểu Đảng b ộ phường lần thứ nhất", ocr_lang="vie")
    assert out == "Đại hội đại biểu Đảng bộ phường lần thứ nhất"


@pytest.mark.parametrize("seed", ["ke-hoach-mn-hoa-lu-papi-2024.txt", "tin-tphcm-cai-thien-papi-2024.md"])
def test_repair_leaves_clean_seed_plans_unchanged(repairer: Repairer, seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    assert repairer.repair_text(text) == text


def test_garbling_score_separates_clean_from_garbled() -> None:
    clean = "Ủy ban nhân dân Quận 1 ban hành Kế hoạch cải thiện Chỉ số PAPI năm 2024."
    assert garbling_score(clean) < 0.1
    assert garbling_score(strip_diacritics(clean)) > 0.3
    assert garbling_score("Thyc hién Ké hoach sé 1905/KH-UBND ctia Uy ban") > 0.3


def test_repair_text_module_function_uses_shared_instance() -> None:
    assert Repairer.load() is Repairer.load()
    assert repair_text("Ke hoach nay") == "Kế hoạch này"


def test_tuoi_hong_scan_becomes_mostly_valid_syllables(repairer: Repairer) -> None:
    from kehoach.evaluation.repair import evaluate_unreferenced

    result = evaluate_unreferenced(repairer, SEEDS / "ke-hoach-mn-tuoi-hong-par-index-2023.ocr-eng.txt")
    assert result["valid_tokens_before"] < 0.75
    assert result["valid_tokens_after"] > 0.9


# ---- the pipeline stage -----------------------------------------------------------------------------
def _doc(text: str, language: str | None = "vi") -> Document:
    doc = Document(path=Path("plan.txt"), kind="text", language=language)
    doc.add_text("raw", text)
    doc.add_text("normalized", text)
    return doc


def test_repair_stage_adds_repaired_version_for_garbled_text() -> None:
    doc = repair(_doc("Ke hoach cai thien Chi so PAPI nam 2024"), PipelineOptions())
    assert doc.repaired is True
    assert doc.texts["repaired"] == "Kế hoạch cải thiện Chỉ số PAPI năm 2024"
    assert doc.text == doc.texts["repaired"]


def test_repair_stage_skips_clean_text_and_other_languages() -> None:
    clean = repair(_doc("Kế hoạch cải thiện Chỉ số PAPI năm 2024"), PipelineOptions())
    assert clean.repaired is False and "repaired" not in clean.texts
    english = repair(_doc("Ke hoach cai thien", language="en"), PipelineOptions())
    assert "repaired" not in english.texts
    disabled = repair(_doc("Ke hoach cai thien Chi so"), PipelineOptions(repair=False))
    assert "repaired" not in disabled.texts


def test_repair_stage_restores_a_symbols_type_code_once_its_type_word_reads() -> None:
    # heldout18's office scan: "Thông tư 20/2021/TTI-BGDĐT" (the dash's stroke read as I); the page rule
    # runs before repair, when the type word may still be misread, so the stage runs it again after.
    doc = _doc("Sửa đổi bổ sung theo Thông tư 20/2021/TTI-BGDĐT ngày 01 tháng 7 năm 2021")
    doc.ocr = {"lang": "vie"}
    doc = repair(doc, PipelineOptions())
    assert "Thông tư 20/2021/TT-BGDĐT" in doc.text


# ---- OCR codes and numerals ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("H. NỘI DUNG", "II. NỘI DUNG"),
        ("HI. TỔ CHỨC THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN"),
        ("Đại hội lần thứ XH, nhiệm kỳ", "Đại hội lần thứ XII, nhiệm kỳ"),
        ("1. Mục đích", "1. Mục đích"),  # arabic numbering is left alone
        ("IV. KINH PHÍ", "IV. KINH PHÍ"),
    ],
)
def test_fix_roman_numerals_reads_ocr_lookalikes(line: str, expected: str) -> None:
    from kehoach.repair.roman import fix_roman_numerals

    assert fix_roman_numerals(line) == expected


def test_repair_prefers_codes_the_document_uses(repairer: Repairer) -> None:
    text = "Cải thiện Chỉ số PAPI năm 2024.\nNâng cao chỉ số hành chính công (PAPD) giai đoạn 2021-2025"
    out = repairer.repair_text(text, ocr_lang="vie")
    assert out.split("\n")[1] == "Nâng cao chỉ số hành chính công (PAPI) giai đoạn 2021-2025"


def test_lm_packed_history_scoring_equals_plain_scoring(repairer: Repairer) -> None:
    """The decoder's packed histories (one uint64 per context) score exactly like plain contexts."""
    lm = repairer.lm
    a, b, c, d = (lm.word_id(w) for w in ("ủy", "ban", "nhân", "dân"))
    contexts = np.array([[-1, -1, lm.bos_id], [a, b, c]])
    words = np.array([a, d])
    packed = pack_histories(contexts)
    assert np.allclose(lm.logprob_packed(packed, np.arange(2), words), lm.logprob(contexts, words))
    assert extend_history(int(packed[1]), d) == int(pack_histories(np.array([[b, c, d]]))[0])
