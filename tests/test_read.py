"""The read stage: every input format gives pages and raw text; every bad input a typed error.

Fixtures are generated in the test (reportlab, python-docx, Pillow); OCR is replaced by a fake
here (real Tesseract runs in ``test_ocr.py``), so these tests stay fast.
"""

from __future__ import annotations

import io
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image
from table_pdfs import DEJAVU_SERIF, TASK_TABLE, merged_down_table_pdf, task_table_pdf

from kehoach.config import Limits
from kehoach.document import Document
from kehoach.errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncryptedPdfError,
    ResourceLimitError,
    UnsupportedFormatError,
)
from pipeline import read as read_module
from pipeline.ocr import PageOcr
from pipeline.options import PipelineOptions
from pipeline.read import PAGE_SEPARATOR, page_offsets, read, sniff_format
from pipeline.read_pdf import strip_page_numbers, text_layer_is_usable
from pipeline.read_text import decode_text_bytes, read_text_file

PLAN_LINES = [
    "ỦY BAN NHÂN DÂN PHƯỜNG BẾN NGHÉ",
    "Số: 15/KH-UBND",
    "KẾ HOẠCH",
    "Về cải thiện Chỉ số Hiệu quả quản trị và Hành chính công cấp tỉnh (PAPI) năm 2025",
    "Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2025 của Ủy ban nhân dân Quận 1;",
]


def _options(tmp_path: Path, **limits: int) -> PipelineOptions:
    return PipelineOptions(limits=Limits(**limits) if limits else Limits(), cache_dir=tmp_path / "cache")


def _read(path: Path, tmp_path: Path, **limits: int) -> Document:
    return read(Document(path=path), _options(tmp_path, **limits))


def _text_pdf(path: Path, pages: list[list[str]], encrypt: str | None = None) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(DEJAVU_SERIF)))
    encryption = pdfencrypt.StandardEncryption(encrypt) if encrypt else None
    pdf = canvas.Canvas(str(path), encrypt=encryption)
    for lines in pages:
        pdf.setFont("DejaVuSerif", 11)
        for number, line in enumerate(lines):
            pdf.drawString(56, 780 - 16 * number, line)
        pdf.showPage()
    pdf.save()
    return path


def _fake_ocr(text: str, confidence: float):
    def fake_ocr_pages(jobs, lang="vie", workers=1, cache_dir=None):
        return [PageOcr(f"{text} {job.index + 1}", confidence, 10) for job in jobs]

    return fake_ocr_pages


# --- text and Markdown -------------------------------------------------------------------------


def test_read_txt_strips_bookmark_debris_and_keeps_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "[bookmark: bookmark0][bookmark: _GoBack]I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích  \n", encoding="utf-8"
    )
    doc = _read(path, tmp_path)
    assert doc.kind == "text"
    assert doc.text == "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích"
    assert doc.texts["raw"] == doc.text
    assert [(page.number, page.method) for page in doc.pages] == [(1, "text")]
    assert len(doc.sha256) == 64 and doc.ocr is None


def test_read_markdown_unwraps_headings_bold_links_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "## KẾ HOẠCH\n\n**1.** Thực hiện [Kế hoạch số 04/KH-UBND](https://example.vn/kh04) của \\*Quận 1\\*\n"
        "| Nội dung | Thời gian |\n|---|:---:|\n| Báo cáo | Quý IV/2025 |\n",
        encoding="utf-8",
    )
    doc = _read(path, tmp_path)
    assert doc.text == (
        "KẾ HOẠCH\n\n1. Thực hiện Kế hoạch số 04/KH-UBND của *Quận 1*\nNội dung | Thời gian\nBáo cáo | Quý IV/2025"
    )


def test_txt_keeps_markdown_like_characters(tmp_path: Path) -> None:
    assert read_text_file(b"# 1 **x**", markdown=False) == "# 1 **x**"


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: letters with a shape mark precomposed, the tone mark combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        shape = "".join(c for c in decomposed if c not in tones)
        out.append(unicodedata.normalize("NFC", shape) + "".join(c for c in decomposed if c in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "encoded",
    [
        "Kế hoạch Ủy ban".encode("utf-8-sig"),
        "Kế hoạch Ủy ban".encode("utf-16"),  # with BOM
        "Kế hoạch Ủy ban".encode("utf-16-le"),  # Windows "Unicode text" without BOM
        _cp1258("Kế hoạch Ủy ban"),  # legacy ANSI: tone marks are combining characters
    ],
    ids=["utf-8-bom", "utf-16-bom", "utf-16-le", "cp1258"],
)
def test_text_encodings_decode_to_nfc(encoded: bytes) -> None:
    assert decode_text_bytes(encoded) == "Kế hoạch Ủy ban"


def test_text_file_with_nul_bytes_is_corrupt() -> None:
    with pytest.raises(CorruptFileError):
        decode_text_bytes(b"\xff\x00\x81abc\x00\x9d" + bytes(range(200, 256)))


# --- PDF tables ----------------------------------------------------------------------------------


def test_read_pdf_ruled_table_one_line_per_row_in_place(tmp_path: Path) -> None:
    # extract_text alone interleaves wrapped cells: "Tuyên truyền, phổ biến nội Văn phòng Ủy ..."
    doc = _read(task_table_pdf(tmp_path / "plan.pdf", TASK_TABLE), tmp_path)
    assert doc.text.split("\n") == [
        "III. NHIỆM VỤ CỤ THỂ",
        "ST T | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành",
        "I | Công tác chỉ đạo, điều hành",
        "1 | Tuyên truyền, phổ biến nội dung Chỉ số PAPI đến cán bộ, công chức và người dân trên địa bàn"
        " phường | Văn phòng Ủy ban nhân dân phường |  | Trước ngày 30/4/2025",
        "2 | Niêm yết công khai danh sách hộ nghèo, hộ cận nghèo tại trụ sở và các khu phố | Công chức Lao"
        " động - Thương binh và Xã hội | Ban điều hành khu phố | Quý II/2025",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]


def test_read_pdf_cell_merged_down_gives_its_text_to_every_row(tmp_path: Path) -> None:
    # One unit for two tasks: the cell spans two rows (as python-docx repeats a vertically merged cell).
    path = merged_down_table_pdf(tmp_path / "plan.pdf")
    assert _read(path, tmp_path).text.split("\n")[1:] == [
        "1 | Rà soát thủ tục hành chính | Văn phòng UBND phường | Quý II/2025",
        "2 | Niêm yết công khai thủ tục | Văn phòng UBND phường | Quý III/2025",
    ]


def test_read_pdf_table_over_two_pages_gives_every_row_to_the_extractor(tmp_path: Path) -> None:
    from pipeline.runner import process_file

    doc = process_file(task_table_pdf(tmp_path / "plan.pdf", TASK_TABLE, copies=12), _options(tmp_path))
    assert len(doc.pages) >= 2  # the table runs over a page break (no header row repeated)
    rows = [(o.responsible, o.deadline) for o in doc.extraction.obligations]
    assert (
        rows
        == [
            ("Văn phòng Ủy ban nhân dân phường", "2025-04-30"),
            ("Công chức Lao động - Thương binh và Xã hội", "2025-06"),
        ]
        * 12
    )


# --- DOCX --------------------------------------------------------------------------------------


def test_read_docx_paragraphs_and_tables_in_body_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN QUẬN 1\nSố: 56/KH-UBND"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    document.add_paragraph("KẾ HOẠCH")
    table = document.add_table(rows=2, cols=3)
    for col, value in enumerate(["Nội dung", "Thời gian", "Thời gian"]):
        table.cell(0, col).text = value
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(1, 0).text = "Báo cáo kết quả"
    table.cell(1, 1).text = "trước ngày 15/12/2025"
    document.add_paragraph("Nơi nhận:")
    path = tmp_path / "plan.docx"
    document.save(str(path))

    doc = _read(path, tmp_path)
    assert doc.kind == "docx"
    assert doc.text.split("\n") == [
        # a layout table (two columns, one row): each cell's lines in turn, as OCR gives a two-column band
        "ỦY BAN NHÂN DÂN QUẬN 1",
        "Số: 56/KH-UBND",
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "",
        "KẾ HOẠCH",
        "Nội dung | Thời gian Thời gian",
        "Báo cáo kết quả | trước ngày 15/12/2025",
        "Nơi nhận:",
    ]


def test_docx_header_and_signature_tables_give_the_documents_fields(tmp_path: Path) -> None:
    # A Word plan's header and signature block are borderless two-column tables whose cells hold
    # several paragraphs; flattened to one line, the parent body ran into the unit and the signer
    # into the Nơi nhận list.
    import docx

    from pipeline.runner import process_file

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN QUẬN 1\nỦY BAN NHÂN DÂN\nPHƯỜNG BẾN NGHÉ\n\nSố: 45/KH-UBND"
    header.cell(
        0, 1
    ).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nBến Nghé, ngày 12 tháng 3 năm 2025"
    for line in ["KẾ HOẠCH", "Cải thiện Chỉ số PAPI năm 2025", *PLAN_LINES[4:]]:
        document.add_paragraph(line)
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:\n- UBND Quận 1;\n- Phòng Nội vụ Quận 1;\n- Lưu: VT."
    signature.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nNguyễn Văn An"
    path = tmp_path / "plan.docx"
    document.save(str(path))

    meta = process_file(path, _options(tmp_path)).extraction.document
    assert (meta.issuer, meta.parent_issuer, meta.number, meta.issued_on, meta.signer) == (
        "Ủy ban nhân dân phường Bến Nghé",
        "Ủy ban nhân dân Quận 1",
        "45/KH-UBND",
        "2025-03-12",
        "Nguyễn Văn An",
    )
    assert meta.recipients == ["Ủy ban nhân dân Quận 1", "Phòng Nội vụ Quận 1"]


def test_read_docx_small_two_column_table_of_one_line_cells_stays_rows(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(
        [["Nội dung công việc", "Thời gian hoàn thành"], ["Báo cáo kết quả", "Tháng 12/2025"]]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "plan.docx"
    document.save(str(path))
    assert _read(path, tmp_path).text.split("\n") == [
        "Nội dung công việc | Thời gian hoàn thành",
        "Báo cáo kết quả | Tháng 12/2025",
    ]


def test_read_docx_task_table_keeps_empty_and_merged_cells_in_their_columns(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(TASK_TABLE), cols=5)
    for r, row in enumerate(TASK_TABLE):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(1, 4))  # the group heading spans the row
    path = tmp_path / "plan.docx"
    document.save(str(path))

    lines = _read(path, tmp_path).text.split("\n")
    assert lines[1:3] == [
        "I | Công tác chỉ đạo, điều hành",
        "1 | " + TASK_TABLE[2][1] + " | Văn phòng Ủy ban nhân dân phường |  | Trước ngày 30/4/2025",
    ]


def test_read_docx_cell_merged_down_gives_its_text_to_every_row(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian"],
        ["1", "Rà soát thủ tục hành chính", "Văn phòng UBND phường", "Quý II/2025"],
        ["2", "Niêm yết công khai thủ tục", "", "Quý III/2025"],
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2))
    path = tmp_path / "plan.docx"
    document.save(str(path))
    assert _read(path, tmp_path).text.split("\n")[1:] == [
        "1 | Rà soát thủ tục hành chính | Văn phòng UBND phường | Quý II/2025",
        "2 | Niêm yết công khai thủ tục | Văn phòng UBND phường | Quý III/2025",
    ]


def test_zip_that_is_not_a_docx_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    path.write_bytes(buffer.getvalue())
    with pytest.raises(CorruptFileError, match="not a DOCX"):
        _read(path, tmp_path)


# --- PDF ---------------------------------------------------------------------------------------


def test_read_text_pdf_by_page_with_offsets(tmp_path: Path) -> None:
    path = _text_pdf(tmp_path / "plan.pdf", [PLAN_LINES, [*PLAN_LINES[3:], "2"]])
    doc = _read(path, tmp_path)
    assert doc.kind == "pdf-text"
    assert [page.method for page in doc.pages] == ["text-layer", "text-layer"]
    assert doc.pages[0].text.split("\n") == PLAN_LINES
    assert doc.pages[1].text.split("\n") == PLAN_LINES[3:]  # the bare page number "2" is furniture
    assert doc.text == doc.pages[0].text + PAGE_SEPARATOR + doc.pages[1].text
    second = page_offsets(doc)[1]
    assert doc.text[second:].startswith(PLAN_LINES[3])


def test_image_only_pdf_goes_to_ocr_and_flags_low_confidence(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(read_module, "ocr_pages", _fake_ocr("Kế hoạch trang", 42.0))
    path = tmp_path / "scan.pdf"
    pages = [Image.new("RGB", (850, 1100), "white") for _ in range(2)]
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=100.0)
    doc = _read(path, tmp_path)
    assert doc.kind == "pdf-scan"
    assert [(page.method, page.text, page.low_confidence) for page in doc.pages] == [
        ("ocr", "Kế hoạch trang 1", True),
        ("ocr", "Kế hoạch trang 2", True),
    ]
    assert doc.ocr is not None and doc.ocr["lang"] == "vie" and doc.ocr["mean_confidence"] == 42.0
    assert doc.ocr["engine"].startswith("tesseract 5")
    assert len(doc.warnings) == 2 and "low OCR confidence" in doc.warnings[0]


def test_scan_with_an_english_ocr_layer_is_ocred_again(tmp_path: Path, monkeypatch) -> None:
    """A scan "OCRed before" with an English model has a text layer without diacritics: re-read it."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    monkeypatch.setattr(read_module, "ocr_pages", _fake_ocr("Ủy ban nhân dân", 88.0))
    scan = tmp_path / "scan.png"
    Image.new("L", (595, 842), 235).save(scan)
    path = tmp_path / "old-ocr.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawImage(ImageReader(str(scan)), 0, 0, width=595, height=842)
    for number in range(12):
        pdf.drawString(56, 780 - 16 * number, "UY BAN NHAN DAN QUAN 1 CONG HOA XA HOI CHU NGHIA VIET NAM")
    pdf.showPage()
    pdf.save()
    doc = _read(path, tmp_path)
    assert [(page.method, page.text) for page in doc.pages] == [("ocr", "Ủy ban nhân dân 1")]


def test_encrypted_pdf_needs_its_password(tmp_path: Path) -> None:
    path = _text_pdf(tmp_path / "secret.pdf", [PLAN_LINES], encrypt="matkhau")
    with pytest.raises(EncryptedPdfError, match="encrypted"):
        _read(path, tmp_path)
    options = _options(tmp_path)
    options.password = "matkhau"
    doc = read(Document(path=path), options)
    assert doc.pages[0].text.split("\n") == PLAN_LINES


@pytest.mark.parametrize(
    ("content", "error"),
    [(b"", EmptyDocumentError), (b"\x8f\x12junk" * 300, CorruptFileError)],
    ids=["empty", "junk"],
)
def test_broken_pdf_files(tmp_path: Path, content: bytes, error: type[Exception]) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(error):
        _read(path, tmp_path)


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    whole = _text_pdf(tmp_path / "whole.pdf", [PLAN_LINES]).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(CorruptFileError, match="PDF"):
        _read(path, tmp_path)


def test_pdf_over_the_page_limit(tmp_path: Path) -> None:
    path = _text_pdf(tmp_path / "long.pdf", [PLAN_LINES] * 4)
    with pytest.raises(ResourceLimitError, match="4 pages"):
        _read(path, tmp_path, max_pages=3)


def test_blank_text_layer_pages_without_ocr_text_are_empty(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(read_module, "ocr_pages", _fake_ocr("", 0.0))
    monkeypatch.setattr(read_module, "_ocr_page", lambda number, result: read_module.Page(number, " "))
    path = _text_pdf(tmp_path / "blank.pdf", [[]])
    with pytest.raises(EmptyDocumentError, match="no text"):
        _read(path, tmp_path)


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2025 của Ủy ban nhân dân Quận 1", True),
        (
            "C¨n cø KÕ ho¹ch sè 04/KH-UBND ngµy 04 th¸ng 01 n¨m 2025 cña ñy ban nh©n d©n QuËn 1",
            False,
        ),  # TCVN3
        ("(cid:12)(cid:48)(cid:7)(cid:99) " * 10, False),
        ("- 3 -", False),
    ],
    ids=["unicode", "tcvn3-mojibake", "cid-glyphs", "page-number-only"],
)
def test_text_layer_usability(text: str, usable: bool) -> None:
    assert text_layer_is_usable(text) is usable


def test_strip_page_numbers_only_at_page_edges() -> None:
    assert strip_page_numbers("Trang 2/5\nI. MỤC ĐÍCH\n2. Yêu cầu\n- 2 -\n") == "I. MỤC ĐÍCH\n2. Yêu cầu"


def test_ocr_pages_are_harmonised_document_wide_and_stay_consistent_with_raw(
    tmp_path: Path, monkeypatch
) -> None:
    texts = [
        "Căn cứ 4385/QĐ-BVHTTDL, 991/QĐ-BVHTTDL và 1226/QĐ-BVHTTDL",
        "Thực hiện Quyết định số 2657/QĐ-BVHTTDLI",
    ]

    def fake_ocr_pages(jobs, lang="vie", workers=1, cache_dir=None):
        return [PageOcr(texts[job.index], 90.0, 10) for job in jobs]

    monkeypatch.setattr(read_module, "ocr_pages", fake_ocr_pages)
    path = tmp_path / "scan.tiff"
    frames = [Image.new("L", (400, 500), 255) for _ in range(2)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    doc = _read(path, tmp_path)
    assert doc.pages[1].text == "Thực hiện Quyết định số 2657/QĐ-BVHTTDL"
    assert doc.text == PAGE_SEPARATOR.join(page.text for page in doc.pages)
    assert "BVHTTDLI" not in doc.text


# --- images and format sniffing ------------------------------------------------------------------


def test_multipage_tiff_reads_every_frame(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(read_module, "ocr_pages", _fake_ocr("Báo cáo", 91.0))
    path = tmp_path / "scan.tiff"
    frames = [Image.new("L", (400, 500), 255) for _ in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    doc = _read(path, tmp_path)
    assert doc.kind == "image"
    assert [page.text for page in doc.pages] == ["Báo cáo 1", "Báo cáo 2", "Báo cáo 3"]
    assert doc.warnings == [] and doc.ocr["mean_confidence"] == 91.0


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("size", "limit"), [((30_000, 30_000), 144_000_000), ((5_000, 5_000), 1_000_000)])
def test_image_bomb_is_refused_before_decoding(tmp_path: Path, size: tuple[int, int], limit: int) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header_only(*size))
    with pytest.raises(ResourceLimitError, match="pixels"):
        _read(path, tmp_path, max_pixels=limit)


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(UnsupportedFormatError, match="unsupported format"):
        _read(path, tmp_path)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("scan.pdf", b"\xff\xd8\xff\xe0JFIF", "image"),  # a JPEG saved under a .pdf name
        ("plan.txt", b"%PDF-1.7\n", "pdf"),
        ("plan.doc", b"PK\x03\x04", "docx"),
        ("plan.docx", b"junk", "docx"),  # claimed DOCX stays DOCX so the error says "not a DOCX"
        ("README", b"plain", "text"),
    ],
)
def test_sniff_format_prefers_content(name: str, head: bytes, expected: str) -> None:
    assert sniff_format(Path(name), head) == expected


def test_pdfium_text_layer_when_pdfminer_fails(tmp_path: Path, monkeypatch) -> None:
    import pdfplumber

    from pipeline import read_pdf

    def broken_open(*args, **kwargs):
        raise ValueError("pdfminer cannot parse this cross-reference table")

    monkeypatch.setattr(pdfplumber, "open", broken_open)
    path = _text_pdf(tmp_path / "plan.pdf", [PLAN_LINES])
    pages = read_pdf.extract_text_layer(path, None)
    assert [page.text.split("\n") if page.text else None for page in pages] == [PLAN_LINES]


def test_pdfium_reads_pages_in_batches_and_keeps_their_order(tmp_path: Path, monkeypatch) -> None:
    """The document is reopened every few pages (pdfium keeps image streams until it is closed)."""
    from pipeline import read_pdf

    monkeypatch.setattr(read_pdf, "PAGES_PER_OPEN", 3)
    opened: list[int] = []
    real_open = read_pdf._open_pdfium
    monkeypatch.setattr(read_pdf, "_open_pdfium", lambda *args: opened.append(1) or real_open(*args))
    pages = [[f"{line} (trang {number})" for line in PLAN_LINES] for number in range(1, 8)]
    path = _text_pdf(tmp_path / "plan.pdf", pages)
    assert [index for index, _ in read_pdf._pdfium_pages(path, None)] == list(range(7))
    assert len(opened) == 3  # pages 0-2, 3-5, 6
    texts = read_pdf._pdfium_text_layer(path, None)
    assert [page.text.split("\n")[0] for page in texts] == [
        f"{PLAN_LINES[0]} (trang {n})" for n in range(1, 8)
    ]
    scan = tmp_path / "scan.pdf"
    images = [Image.new("RGB", (200, 280), "white") for _ in range(5)]
    images[0].save(scan, "PDF", save_all=True, append_images=images[1:], resolution=30.0)
    assert read_pdf._char_counts(scan, None) == [0] * 5
