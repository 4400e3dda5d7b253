"""Stage: read a file into pages and the ``raw`` text version.

The format is sniffed from the content first (magic bytes) and the extension second: a scan
saved as ``.pdf`` that is really a JPEG, or a DOCX renamed ``.doc``, is read for what it is.

Pages are joined with :data:`PAGE_SEPARATOR` (``"\\n\\f\\n"``): the form feed marks the page break
inside the text (the normalise stage keeps it), and page *i* starts at offset
``page_offsets(doc)[i]`` of the raw text, so a character offset can be mapped back to its page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kehoach.document import Document, Page
from kehoach.errors import EmptyDocumentError, ResourceLimitError, UnsupportedFormatError
from pipeline.ocr import LOW_CONFIDENCE, PageJob, PageOcr, ocr_pages, tesseract_version
from pipeline.ocr_postfix import DOCUMENT_RULES
from pipeline.options import PipelineOptions
from pipeline.read_docx import read_docx_bytes
from pipeline.read_image import image_frame_count, render_image_frame
from pipeline.read_pdf import check_pdf_limits, extract_text_layer, render_pdf_page, strip_page_numbers
from pipeline.read_text import read_text_file

PAGE_SEPARATOR = "\n\f\n"

TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown"}
IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def sniff_format(path: Path, head: bytes) -> str:
    """``"pdf"``, ``"docx"``, ``"image"`` or ``"text"``; content wins over the extension.

    A ``.pdf``/``.docx`` whose content does not match keeps its claimed format, so the reader
    reports it as corrupt (the user named it so) rather than as unsupported.
    """
    extension = path.suffix.lower()
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if head.startswith(b"PK\x03\x04") and extension in {".docx", ".doc", ".docm", ""}:
        return "docx"
    if extension in {".pdf", ".docx"}:
        return extension[1:]
    if extension in TEXT_EXTENSIONS or extension == "":
        return "text"
    if extension in IMAGE_EXTENSIONS:
        return "image"
    raise UnsupportedFormatError(
        f"unsupported format: '{extension or path.name}' (not PDF, DOCX, TXT/MD, PNG/JPEG/TIFF)"
    )


def read(doc: Document, options: PipelineOptions) -> Document:
    """Fill ``doc.sha256``, ``doc.kind``, ``doc.pages``, the ``raw`` text, and ``doc.ocr`` if OCR ran."""
    with doc.timed("read"):
        path = Path(doc.path)
        size = path.stat().st_size
        if size == 0:
            raise EmptyDocumentError("empty file (0 bytes)")
        if size > options.limits.max_bytes:
            raise ResourceLimitError(f"file is {size} bytes, over the limit of {options.limits.max_bytes}")
        if not doc.sha256:
            doc.sha256 = _file_sha256(path)
        with path.open("rb") as handle:
            head = handle.read(2048)
        password = doc.password or options.password
        file_format = sniff_format(path, head)
        if file_format == "text":
            doc.kind = "text"
            doc.pages = [Page(1, read_text_file(path), method="text")]
        elif file_format == "docx":
            doc.kind = "docx"
            doc.pages = [Page(1, read_docx_bytes(path.read_bytes()), method="text")]
        elif file_format == "pdf":
            _read_pdf(doc, path, password, options)
        else:
            _read_image(doc, path, options)
        _finish(doc, options)
    return doc


def _read_pdf(doc: Document, path: Path, password: str | None, options: PipelineOptions) -> None:
    check_pdf_limits(path, password, options.limits)
    layer = extract_text_layer(path, password)
    scanned = [page.index for page in layer if page.text is None]
    jobs = [PageJob(render_pdf_page, path, index, password) for index in scanned]
    results = dict(zip(scanned, _ocr(jobs, options), strict=True))
    doc.pages = []
    for page in layer:
        if page.text is not None:
            doc.pages.append(Page(page.index + 1, strip_page_numbers(page.text), method="text-layer"))
        else:
            doc.pages.append(_ocr_page(page.index + 1, results[page.index]))
    doc.kind = "pdf-scan" if 2 * len(scanned) >= len(layer) else "pdf-text"


def _read_image(doc: Document, path: Path, options: PipelineOptions) -> None:
    frames = image_frame_count(path, options.limits)
    jobs = [PageJob(render_image_frame, path, index) for index in range(frames)]
    doc.pages = [_ocr_page(index + 1, result) for index, result in enumerate(_ocr(jobs, options))]
    doc.kind = "image"


def _ocr(jobs: list[PageJob], options: PipelineOptions) -> list[PageOcr]:
    if not jobs:
        return []
    return list(
        ocr_pages(jobs, lang=options.ocr_lang, workers=options.ocr_workers, cache_dir=options.cache_dir)
    )


def _ocr_page(number: int, result: PageOcr) -> Page:
    return Page(
        number,
        strip_page_numbers(result.text),
        method="ocr",
        confidence=result.mean_confidence,
        low_confidence=result.words > 0 and result.mean_confidence < LOW_CONFIDENCE,  # blank pages are fine
    )


def _finish(doc: Document, options: PipelineOptions) -> None:
    """Join pages, refuse documents without text, record OCR summary and low-confidence warnings."""
    _apply_document_rules(doc)
    text = PAGE_SEPARATOR.join(page.text for page in doc.pages)
    if not text.strip():
        raise EmptyDocumentError(f"no text found in {len(doc.pages)} page(s) ({doc.kind})")
    doc.add_text("raw", text)
    ocr_pages_read = [page for page in doc.pages if page.method == "ocr"]
    if not ocr_pages_read:
        return
    confidences = [page.confidence for page in ocr_pages_read if page.confidence is not None]
    mean = round(sum(confidences) / len(confidences), 1) if confidences else 0.0
    doc.ocr = {"engine": tesseract_version(), "lang": options.ocr_lang, "mean_confidence": mean}
    for page in ocr_pages_read:
        if page.low_confidence:
            doc.warnings.append(
                f"page {page.number}: low OCR confidence ({page.confidence:.0f} < {LOW_CONFIDENCE:.0f}), check the text"
            )


def _apply_document_rules(doc: Document) -> None:
    """Run the post-OCR rules that need every page (issuer codes backed on another page) on the
    OCRed pages, before they are joined, so ``doc.pages`` and the ``raw`` text say the same thing.

    Text-layer pages are left as they are: their symbols were typed, not recognised.
    """
    ocr_pages_read = [page for page in doc.pages if page.method == "ocr"]
    if not ocr_pages_read:
        return
    texts = [page.text for page in ocr_pages_read]
    for rule in DOCUMENT_RULES:
        texts = rule(texts, PAGE_SEPARATOR)
    for page, text in zip(ocr_pages_read, texts, strict=True):
        page.text = text


def page_offsets(doc: Document) -> list[int]:
    """Start offset of each page in the ``raw`` text (pages joined by :data:`PAGE_SEPARATOR`)."""
    offsets, position = [], 0
    for page in doc.pages:
        offsets.append(position)
        position += len(page.text) + len(PAGE_SEPARATOR)
    return offsets


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
