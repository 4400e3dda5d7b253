"""Ruled tables on scanned pages (pipeline/ocr_tables.py): grid detection, words into cells, rows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from table_pdfs import DEJAVU_SERIF, TASK_TABLE, merged_down_table_pdf, task_table_pdf
from tesseract_tsv import tesseract_tsv, words_from

from pipeline.ocr import tsv_to_page
from pipeline.ocr_layout import OcrWord, parse_tsv
from pipeline.ocr_postfix import postfix_ocr_text
from pipeline.ocr_tables import (
    TableGrid,
    assemble_with_tables,
    detect,
    erase_rules,
    find_tables,
    read_empty_cells,
)

WIDTH, HEIGHT = 2480, 3508  # A4 at 300 dpi
COLUMNS = [240, 360, 1070, 1490, 1900, 2240]  # STT | Nội dung | chủ trì | phối hợp | thời gian
ROWS = [850, 975, 1060, 1300, 1480]  # header, group heading (spanning), two tasks


def _page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (WIDTH, HEIGHT), 255)
    return image, ImageDraw.Draw(image)


def _text(draw: ImageDraw.ImageDraw, lines: list[str], top: int = 300, left: int = 250) -> None:
    font = ImageFont.truetype(str(DEJAVU_SERIF), 50)
    for number, line in enumerate(lines):
        draw.text((left, top + 70 * number), line, font=font, fill=0)


def _grid(
    draw: ImageDraw.ImageDraw,
    rows: list[int] = ROWS,
    columns: list[int] = COLUMNS,
    spanning: tuple[int, ...] = (1,),
    right_border: bool = True,
    gaps: bool = False,
    unruled: tuple[tuple[int, int], ...] = (),
) -> None:
    """A ruled table; rows in ``spanning`` have no vertical rule after the first column; no
    horizontal rule at ``rows[i]`` over column ``c`` for each ``(i, c)`` in ``unruled`` (a cell
    merged down)."""
    for i, y in enumerate(rows):
        if gaps:  # a broken rule: short breaks every 300 px
            for x in range(columns[0], columns[-1], 300):
                draw.line([(x, y), (min(x + 285, columns[-1]), y)], fill=0, width=3)
        else:
            for c, (left, right) in enumerate(zip(columns, columns[1:], strict=False)):
                if (i, c) not in unruled:
                    draw.line([(left, y), (right, y)], fill=0, width=3)
    for index, x in enumerate(columns):
        if index == len(columns) - 1 and not right_border:
            continue
        for row, (top, bottom) in enumerate(zip(rows, rows[1:], strict=False)):
            if row in spanning and 1 < index < len(columns) - 1:
                continue
            draw.line([(x, top), (x, bottom)], fill=0, width=3)


def _grey(image: Image.Image) -> np.ndarray:
    return np.asarray(image)


PLAIN_TEXT = [
    "Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2025 của Ủy ban",
    "nhân dân Quận 1 về cải thiện Chỉ số PAPI, Ủy ban nhân dân phường ban hành",
    "Kế hoạch như sau: I. MỤC ĐÍCH, YÊU CẦU | lllll IIIII ||||| 1111",
]


# --- grid detection --------------------------------------------------------------------------------


def test_grid_rows_columns_and_a_spanning_group_heading() -> None:
    image, draw = _page()
    _text(draw, PLAIN_TEXT)
    _grid(draw)
    [table] = find_tables(_grey(image))
    assert table.shape == (4, 5)
    assert [round(y) for y in table.rows] == pytest.approx(ROWS, abs=6)
    assert [round(x) for x in table.columns] == pytest.approx(COLUMNS, abs=6)
    assert table.cells == ((0, 1, 2, 3, 4), (0, 1), (0, 1, 2, 3, 4), (0, 1, 2, 3, 4))
    assert table.cell_at(300, 1000) == (1, 0)
    assert table.cell_at(1700, 1000) == (1, 1)  # inside the spanning cell: its first column
    assert table.cell_at(1700, 1400) == (3, 3)


def test_no_table_on_a_plain_text_page() -> None:
    image, draw = _page()
    _text(draw, PLAIN_TEXT * 5)
    detection = detect(_grey(image))
    assert detection.tables == []
    assert erase_rules(_grey(image), detection) is _grey(image) or np.array_equal(
        erase_rules(_grey(image), detection), _grey(image)
    )


def test_header_underline_and_a_framed_box_are_not_tables() -> None:
    image, draw = _page()
    _text(draw, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], top=200, left=1100)
    draw.line([(1250, 345), (1850, 345)], fill=0, width=3)  # the motto's underline
    draw.line([(300, 345), (700, 345)], fill=0, width=3)  # the issuer's
    draw.rectangle([(300, 800), (2200, 1100)], outline=0, width=3)  # a framed note: 1 row, 1 column
    _text(draw, ["Lưu ý: nộp báo cáo trước ngày 15/12/2025"], top=900, left=350)
    draw.line([(300, 1500), (2200, 1500)], fill=0, width=3)  # a ruled title row over a box, no column
    draw.line([(300, 1600), (2200, 1600)], fill=0, width=3)
    draw.line([(300, 1500), (300, 1800)], fill=0, width=3)
    draw.line([(2200, 1500), (2200, 1800)], fill=0, width=3)
    assert find_tables(_grey(image)) == []


def test_cell_merged_down_has_no_row_boundary_in_its_column() -> None:
    # a third task row; "Đơn vị chủ trì" (column 2) shared by tasks 1 and 2, "Thời gian" (column 4)
    # by tasks 2 and 3: no rule at rows[3] over column 2, none at rows[4] over column 4
    image, draw = _page()
    rows = [*ROWS, 1660]
    _grid(draw, rows=rows, unruled=((3, 2), (4, 4)))
    [table] = find_tables(_grey(image))
    assert table.shape == (5, 5)
    assert table.cells == ((0, 1, 2, 3, 4), (0, 1), (0, 1, 2, 3, 4), (0, 1, 2, 3, 4), (0, 1, 2, 3, 4))
    everywhere = (True,) * 5
    assert table.ruled == (
        everywhere,
        everywhere,
        (True, True, False, True, True),
        (True, True, True, True, False),
    )
    assert table.merged_rows(2, 2) == table.merged_rows(3, 2) == (2, 3)
    assert table.merged_rows(4, 2) == (4, 4)
    assert table.merged_rows(3, 4) == table.merged_rows(4, 4) == (3, 4)
    assert table.merged_rows(1, 1) == (1, 1)  # the group heading spans across, not down


def test_fully_ruled_grid_has_no_cell_merged_down() -> None:
    image, draw = _page()
    _grid(draw, gaps=True)
    [table] = find_tables(_grey(image))
    assert all(all(row) for row in table.ruled)
    assert all(table.merged_rows(r, c) == (r, r) for r, starts in enumerate(table.cells) for c in starts)


def test_table_without_right_border_and_with_broken_rules() -> None:
    image, draw = _page()
    _grid(draw, right_border=False, gaps=True)
    [table] = find_tables(_grey(image))
    assert table.shape == (4, 5)
    assert table.columns[-1] == pytest.approx(COLUMNS[-1], abs=8)  # the rules' extent stands in
    assert table.cells[1] == (0, 1)


def test_table_without_bottom_border() -> None:
    image, draw = _page()
    _grid(draw, rows=ROWS)
    draw.line([(0, ROWS[-1]), (WIDTH, ROWS[-1])], fill=255, width=5)  # erase the bottom rule
    [table] = find_tables(_grey(image))
    assert table.shape == (4, 5)


def test_slightly_skewed_table_keeps_rows_apart() -> None:
    image, draw = _page()
    _grid(draw)
    skewed = image.rotate(0.4, resample=Image.Resampling.BICUBIC, fillcolor=255)
    [table] = find_tables(_grey(skewed))
    assert table.shape == (4, 5)
    assert abs(table.skew) > 0.003
    # the corners of the last row, which a straight grid would mix up with the row above
    angle = np.radians(0.4)
    for x in (COLUMNS[0] + 20, COLUMNS[-1] - 20):
        y = ROWS[-2] + 15
        cx, cy = WIDTH / 2, HEIGHT / 2
        turned = (cx + (x - cx) * np.cos(angle) + (y - cy) * np.sin(angle),
                  cy - (x - cx) * np.sin(angle) + (y - cy) * np.cos(angle))  # fmt: skip
        assert table.cell_at(*turned)[0] == 3


def test_erase_rules_whitens_only_the_table() -> None:
    image, draw = _page()
    _grid(draw)
    draw.line([(1250, 345), (1850, 345)], fill=0, width=3)  # an underline, not a table rule
    grey = _grey(image)
    erased = erase_rules(grey, detect(grey))
    assert erased[ROWS[0] - 5 : ROWS[-1] + 5, COLUMNS[0] - 5 : COLUMNS[-1] + 5].min() == 255
    assert erased[345, 1500] == 0


# --- words into cells ------------------------------------------------------------------------------

GRID = TableGrid(
    rows=(1000.0, 1100.0, 1200.0, 1400.0),
    columns=(200.0, 320.0, 1200.0, 1700.0, 2200.0),
    cells=((0, 1, 2, 3), (0, 1), (0, 1, 2, 3)),
    skew=0.0,
)


def test_words_go_to_their_cells_and_rows_between_the_text() -> None:
    tsv = tesseract_tsv(
        [
            (800, words_from("III. NHIỆM VỤ CỤ THỂ", 250)),
            (1030, words_from("STT", 215) + words_from("Nội dung", 340) + words_from("Đơn vị chủ trì", 1220)),
            # Tesseract reads the header's last cell and the group heading's numeral as one line
            (1040, words_from("Thời gian", 1720) + [("|", 1195)]),
            (1130, words_from("|", 250) + words_from("Công tác chỉ đạo, điều hành", 340)),
            (1230, words_from("1", 230) + words_from("Tuyên truyền, phổ biến", 340)),
            (1230, words_from("Văn phòng Ủy", 1220) + words_from("Trước ngày", 1720)),
            (1290, words_from("Chỉ số PAPI", 340) + words_from("ban nhân dân", 1220)),
            (1290, words_from("30/4/2025", 1720)),
            (1500, words_from("IV. TỔ CHỨC THỰC HIỆN", 250)),
        ],
        height=40,
    )
    lines, width = parse_tsv(tsv)
    text = assemble_with_tables(lines, width, [GRID], postfix_ocr_text)
    assert text.split("\n") == [
        "III. NHIỆM VỤ CỤ THỂ",
        "",
        "STT | Nội dung | Đơn vị chủ trì | Thời gian",
        "I | Công tác chỉ đạo, điều hành",  # "|" away from the rules: the numeral I
        "1 | Tuyên truyền, phổ biến Chỉ số PAPI | Văn phòng Ủy ban nhân dân | Trước ngày 30/4/2025",
        "",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]


def test_cell_merged_down_gives_its_words_to_every_row() -> None:
    # "Đơn vị chủ trì" of tasks 1 and 2 is one cell (no rule at y=1400 over column 2); its words sit
    # in the middle, across the missing boundary. A two-level header: "STT", "Nội dung" and "Đơn vị
    # chủ trì" merged down over the header's two rows, "Thời gian" over "Bắt đầu | Kết thúc".
    grid = TableGrid(
        rows=(900.0, 1000.0, 1100.0, 1200.0, 1400.0, 1600.0),
        columns=(200.0, 320.0, 1200.0, 1700.0, 1950.0, 2200.0),
        cells=((0, 1, 2, 3), (0, 1, 2, 3, 4), (0, 1), (0, 1, 2, 3, 4), (0, 1, 2, 3, 4)),
        skew=0.0,
        ruled=(
            (False, False, False, True, True),
            (True,) * 5,
            (True,) * 5,
            (True, True, False, True, True),
        ),
    )
    tsv = tesseract_tsv(
        [
            (930, words_from("STT", 215) + words_from("Nội dung", 340) + words_from("Đơn vị chủ trì", 1220)),
            (930, words_from("Thời gian", 1720)),
            (1030, words_from("Bắt đầu", 1720) + words_from("Kết thúc", 1970)),
            (1130, words_from("I", 250) + words_from("Công tác chỉ đạo, điều hành", 340)),
            (1230, words_from("1", 230) + words_from("Rà soát thủ tục", 340) + words_from("Quý I", 1720)),
            (1350, words_from("Văn phòng Ủy", 1220)),
            (1420, words_from("ban nhân dân", 1220)),
            (1430, words_from("2", 230) + words_from("Niêm yết công khai", 340) + words_from("Quý II", 1720)),
        ],
        height=40,
    )
    lines, width = parse_tsv(tsv)
    text = assemble_with_tables(lines, width, [grid], postfix_ocr_text)
    assert text.split("\n") == [
        "STT | Nội dung | Đơn vị chủ trì | Thời gian",
        "STT | Nội dung | Đơn vị chủ trì | Bắt đầu | Kết thúc",
        "I | Công tác chỉ đạo, điều hành",
        "1 | Rà soát thủ tục | Văn phòng Ủy ban nhân dân | Quý I",
        "2 | Niêm yết công khai | Văn phòng Ủy ban nhân dân | Quý II",
    ]


def test_postfix_does_not_touch_the_separators() -> None:
    # drop_mark_only_tokens deletes a lone "|": applied to a whole row it would merge the cells
    assert postfix_ocr_text("1 | Tuyên truyền | Văn phòng") == "1 Tuyên truyền Văn phòng"
    tsv = tesseract_tsv(
        [(1230, words_from("1", 230) + words_from("Tuyên truyền", 340) + words_from("Văn phòng", 1220))],
        height=40,
    )
    lines, width = parse_tsv(tsv)
    assert assemble_with_tables(lines, width, [GRID], postfix_ocr_text) == "1 | Tuyên truyền | Văn phòng"


def test_tsv_to_page_without_tables_is_unchanged() -> None:
    tsv = tesseract_tsv([(800, words_from("1 | Tuyên truyền", 250))], height=40)
    assert tsv_to_page(tsv).text == tsv_to_page(tsv, tables=()).text == "1 Tuyên truyền"


# --- end to end, real Tesseract --------------------------------------------------------------------


def _scan_pdf(source: Path, target: Path) -> Path:
    """An image-only PDF: every page of ``source`` rendered at 300 dpi, greyscale."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(source))
    pages = [page.render(scale=300 / 72, grayscale=True).to_pil().convert("L") for page in document]
    document.close()
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=300)
    return target


def test_scanned_cell_merged_down_gives_its_text_to_both_rows(tmp_path: Path) -> None:
    # the table of test_read.py::test_read_pdf_cell_merged_down_gives_its_text_to_every_row, scanned
    from pipeline.options import PipelineOptions
    from pipeline.runner import process_file

    source = merged_down_table_pdf(tmp_path / "plan.pdf")
    doc = process_file(
        _scan_pdf(source, tmp_path / "scan.pdf"), PipelineOptions(cache_dir=tmp_path / "cache")
    )
    lines = doc.text.split("\n")
    assert [line.split(" | ")[0::2] for line in lines if line[:2] in ("1 ", "2 ")] == [
        ["1", "Văn phòng UBND phường"],
        ["2", "Văn phòng UBND phường"],
    ]


def test_scanned_task_table_gives_one_obligation_per_row(tmp_path: Path) -> None:
    from pipeline.options import PipelineOptions
    from pipeline.runner import process_file

    scan = _scan_pdf(task_table_pdf(tmp_path / "plan.pdf", TASK_TABLE), tmp_path / "scan.pdf")
    doc = process_file(scan, PipelineOptions(cache_dir=tmp_path / "cache"))
    lines = doc.text.split("\n")
    assert any(line.startswith("I | Công tác chỉ đạo, điều hành") for line in lines)
    rows = [(o.responsible, o.deadline) for o in doc.extraction.obligations]
    assert rows == [
        ("Văn phòng Ủy ban nhân dân phường", "2025-04-30"),
        ("Công chức Lao động - Thương binh và Xã hội", "2025-06"),
    ]


def test_letter_stroke_in_a_low_heading_row_is_no_column() -> None:
    # a blurred photo runs a bold capital's stem into its accents ("Ệ"): a bar taller than a letter
    # standing in the spanning group heading within a few pixels of both rules, touching neither
    image, draw = _page()
    _grid(draw)
    draw.rectangle([(700, ROWS[1] + 8), (707, ROWS[2] - 10)], fill=0)
    [table] = find_tables(_grey(image))
    assert table.shape == (4, 5)
    assert table.cells[1] == (0, 1)


def test_short_broken_rule_in_line_with_a_column_is_kept() -> None:
    # the same short segment under a column's rule (broken at both ends) still divides its row
    image, draw = _page()
    _grid(draw, spanning=())
    draw.line([(COLUMNS[2], ROWS[1]), (COLUMNS[2], ROWS[2])], fill=255, width=5)
    draw.rectangle([(COLUMNS[2] - 1, ROWS[1] + 10), (COLUMNS[2] + 1, ROWS[2] - 10)], fill=0)
    [table] = find_tables(_grey(image))
    assert table.cells[1] == (0, 1, 2, 3, 4)


def test_grainy_and_doubtful_cells_are_read_again() -> None:
    # a photo's grain in a nearly empty cell is no text; a garbled low-confidence reading of a
    # header cell is replaced by the cell's own reading
    image, draw = _page()
    _grid(draw, spanning=())
    font = ImageFont.truetype(str(DEJAVU_SERIF), 42)
    draw.text((285, ROWS[2] + 20), "1", font=font, fill=0)
    draw.text((1920, ROWS[0] + 20), "Thời gian", font=font, fill=0)
    grey = np.array(image)
    grain = np.random.default_rng(7).integers(205, 256, size=grey.shape, dtype=np.uint8)
    grey = np.where(grey == 255, grain, grey).astype(np.uint8)
    [table] = find_tables(grey)
    garbled = OcrWord("Dư“han", 1920, 2150, 5.0, ROWS[0] + 20, ROWS[0] + 70)
    cell_words: list[dict[tuple[int, int], list[OcrWord]]] = [{(0, 4): [garbled]}]
    found = read_empty_cells(Image.fromarray(grey), [table], cell_words, "vie", 300.0)
    assert found == 1
    assert [word.text for word in cell_words[0][2, 0]] == ["1"]
    assert [word.text for word in cell_words[0][0, 4]] == ["Thời", "gian"]
    assert set(cell_words[0]) == {(0, 4), (2, 0)}
