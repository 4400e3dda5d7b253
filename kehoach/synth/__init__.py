"""Synthetic scans of Vietnamese official documents, with exact ground truth.

Used to make the sample corpus (``scripts/make_samples.py``), the OCR channel training data
(``scripts/build_channel.py``) and OCR tests; never needed at ingest time.
"""

from kehoach.synth.degrade import QUALITIES, Degradation, apply_degradation, degrade, draw_degradation
from kehoach.synth.excerpt import first_pages_text
from kehoach.synth.render import PageStyle, draw_page, ground_truth, layout_pages, render_pages
from kehoach.synth.scan import ground_truth_path, synth_scan

__all__ = [
    "QUALITIES",
    "Degradation",
    "PageStyle",
    "apply_degradation",
    "degrade",
    "draw_degradation",
    "draw_page",
    "first_pages_text",
    "ground_truth",
    "ground_truth_path",
    "layout_pages",
    "render_pages",
    "synth_scan",
]
