"""Generate the bad-input corpus (never hand-made binaries): ``python tests/bad_inputs.py DIR``.

Each entry is one kind of file analysts' inboxes hold; ``BAD`` maps file name to the reason a
clear error message must mention (a lower-case fragment).
"""

from __future__ import annotations

import io
import os
import random
import struct
import sys
import zipfile
import zlib
from pathlib import Path

GOOD_PLAN = """ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH
Số: 12/KH-UBND
KẾ HOẠCH
Về cải thiện Chỉ số Hiệu quả quản trị và Hành chính công cấp tỉnh (PAPI) năm 2025
Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2025 của Ủy ban nhân dân Quận 1;
Văn phòng Ủy ban nhân dân phường báo cáo kết quả về Ủy ban nhân dân Quận 1 trước ngày 15 tháng 12 năm 2025.
"""

ENGLISH_MEMO = """MEMO
To: All staff
Please find attached the minutes of the meeting held on Monday. The committee will review the budget
and report to the board of directors by the end of the month. All departments should send their
comments to the office of the director before Friday.
"""


def _pdf_bytes(pages: int = 1, size: tuple[float, float] = (595, 842), encrypt: str | None = None) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    encryption = pdfencrypt.StandardEncryption(encrypt, canPrint=0) if encrypt else None
    pdf = canvas.Canvas(buffer, pagesize=size, encrypt=encryption, invariant=1)
    for number in range(pages):
        pdf.drawString(72, 720, f"Page {number + 1} of a plan")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _png_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A 1-bit PNG that is tiny on disk and ~400 megapixels decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _zip_of_something_else() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a word document")
    return buffer.getvalue()


#: file name -> a fragment the error message must contain (lower case)
BAD: dict[str, str] = {
    "empty.txt": "empty",
    "truncated.pdf": "pdf",
    "encrypted.pdf": "encrypted",
    "huge-page.pdf": "page",
    "bomb.png": "pixels",
    "junk.pdf": "pdf",
    "not-a-docx.docx": "docx",
    "spreadsheet.xyz": "unsupported",
    "dangling-link.txt": "no such file",
}


def write_bad_inputs(folder: Path) -> dict[str, Path]:
    """Write every bad input (and the symlink loop) into ``folder``; returns name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    good_pdf = _pdf_bytes()
    contents = {
        "empty.txt": b"",
        "truncated.pdf": good_pdf[: len(good_pdf) // 2],
        "encrypted.pdf": _pdf_bytes(encrypt="secret"),
        "huge-page.pdf": _pdf_bytes(size=(5_000_000, 5_000_000)),
        "bomb.png": _png_bomb(),
        "junk.pdf": bytes(rng.randrange(256) for _ in range(4096)),
        "not-a-docx.docx": _zip_of_something_else(),
        "spreadsheet.xyz": b"a,b,c\n1,2,3\n",
    }
    paths = {}
    for name, data in contents.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    paths["dangling-link.txt"] = folder / "dangling-link.txt"
    os.symlink(folder / "does-not-exist.txt", paths["dangling-link.txt"])
    loop = folder / "loop"
    loop.mkdir()
    os.symlink(folder, loop / "back-to-top")
    return paths


def write_good_inputs(folder: Path) -> dict[str, Path]:
    """Files that must load alongside the bad ones: a Vietnamese name with spaces, an English memo."""
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / "kế hoạch số 12 phường Bến Thành.txt"
    plan.write_text(GOOD_PLAN, encoding="utf-8")
    memo = folder / "english memo.txt"
    memo.write_text(ENGLISH_MEMO, encoding="utf-8")
    return {"plan": plan, "memo": memo}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs")
    write_bad_inputs(target)
    write_good_inputs(target)
    print(f"wrote bad and good inputs to {target}")
