"""Task tables drawn as PDFs (reportlab platypus), shared by the reader and the OCR table tests."""

from __future__ import annotations

from pathlib import Path

DEJAVU_SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

TASK_TABLE = [
    ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
    ["I", "Công tác chỉ đạo, điều hành", "", "", ""],
    [
        "1",
        "Tuyên truyền, phổ biến nội dung Chỉ số PAPI đến cán bộ, công chức và người dân trên địa bàn phường",
        "Văn phòng Ủy ban nhân dân phường",
        "",
        "Trước ngày 30/4/2025",
    ],
    [
        "2",
        "Niêm yết công khai danh sách hộ nghèo, hộ cận nghèo tại trụ sở và các khu phố",
        "Công chức Lao động - Thương binh và Xã hội",
        "Ban điều hành khu phố",
        "Quý II/2025",
    ],
]
# One unit for two tasks: its cell spans rows 1 and 2 (column 2).
MERGED_DOWN_TABLE = [
    ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian"],
    ["1", "Rà soát thủ tục hành chính", "Văn phòng UBND phường", "Quý II/2025"],
    ["2", "Niêm yết công khai thủ tục", "", "Quý III/2025"],
]


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(DEJAVU_SERIF)))


def task_table_pdf(path: Path, rows: list[list[str]], copies: int = 1) -> Path:
    """A text PDF with a ruled table whose cells wrap, text above and below; a row with nothing after
    its second cell is a group heading spanning the columns. ``copies`` repeats the data rows."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    _register_font()
    body = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=11, leading=14)
    cell = ParagraphStyle("cell", fontName="DejaVuSerif", fontSize=10, leading=12)
    data = [rows[0]] + rows[1:] * copies
    table = Table([[Paragraph(c, cell) for c in row] for row in data], colWidths=[28, 170, 100, 100, 80])
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("SPAN", (1, r), (-1, r)) for r, row in enumerate(data) if not any(row[2:])]
    table.setStyle(TableStyle(style))
    story = [Paragraph("III. NHIỆM VỤ CỤ THỂ", body), table, Paragraph("IV. TỔ CHỨC THỰC HIỆN", body)]
    SimpleDocTemplate(str(path)).build(story)
    return path


def merged_down_table_pdf(path: Path) -> Path:
    """A text PDF of :data:`MERGED_DOWN_TABLE`, the unit's cell spanning its two task rows."""
    from reportlab.lib import colors
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    _register_font()
    table = Table(MERGED_DOWN_TABLE, colWidths=[28, 200, 140, 90])
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (2, 1), (2, 2)),
        ("FONT", (0, 0), (-1, -1), "DejaVuSerif", 10),
    ]
    table.setStyle(TableStyle(style))
    SimpleDocTemplate(str(path)).build([table])
    return path
