"""A one-page scan through the whole pipeline: what the scan breaks, extraction still reads.

The last lines of held-out plan 160/KH-UBND (its task section's end, closing instruction, "Nơi nhận"
and signature block) rendered as an office-quality scan and read by Tesseract: the scan wraps the
signer's name after the family name ("PHÓ CHỦ TỊCH Trần" / "Chí Hùng"), which used to give no
signer. Slow (one real OCR page, about 3 s of CPU), so marked; each run OCRs with an empty cache.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.synth import synth_scan
from pipeline.options import PipelineOptions
from pipeline.runner import process_file

pytestmark = pytest.mark.slow

PLAN = (
    Path(__file__).parents[1]
    / "heldout"
    / "docs"
    / "ke-hoach-ubnd-tp-can-tho-160-giam-sat-giam-ngheo-2025.txt"
)
END_LINES = 4  # "4. Ủy ban nhân dân cấp xã ..." to the signature


def test_one_page_scan_of_a_plan_end_keeps_signer_title_and_report_recipients(tmp_path: Path) -> None:
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    text = "VI. TỔ CHỨC THỰC HIỆN\n" + "\n".join(lines[-END_LINES:]) + "\n"
    scan = synth_scan(text, tmp_path / "end.pdf", quality="office", seed=41)

    extraction = process_file(scan, PipelineOptions(cache_dir=tmp_path / "ocr-cache")).extraction

    assert extraction.document.signer == "Trần Chí Hùng"
    (signer,) = [person for person in extraction.people if person.role == "signer"]
    assert signer.title == "Phó Chủ tịch"
    recipients = {obligation.recipient for obligation in extraction.obligations}
    assert "Sở Nông nghiệp và Môi trường" in recipients  # "kịp thời phản ánh về Sở Nông nghiệp ..."
