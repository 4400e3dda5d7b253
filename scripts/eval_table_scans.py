"""Task tables of real plans read from scans, against the same table read from text.

``python scripts/eval_table_scans.py [--qualities clean office poor photo] [--out DIR]``

The held-out plans (``tests/heldout*/docs/*.txt``) hold task tables as web copies give them, one
cell per line (``extractors/flat_tables.py`` reads them). This script, reproducibly:

1. finds every flattened task table that :mod:`extractors.flat_tables` recognises there;
2. rebuilds each as a ruled table (the header row, group rows "A | PHÁT TRIỂN …" / "I | Hoàn thiện
   thể chế" with their title spanning the columns, the header repeated where the copy repeats it,
   data rows with each cell in its column as ``flat_tables`` places it: positional for a full row,
   else the task first, a date cell in the timing column, the cells between filling the columns from
   the left) under the annex title the copy shows above it, and renders it with reportlab platypus
   (DejaVu Serif 10 pt, A4 landscape, ``GRID``, cells wrapping, ``repeatRows=0``) into a text PDF;
   then renders that at 300 dpi with pypdfium2 into an image-only PDF (``clean``) and degrades the
   pages with :func:`kehoach.synth.degrade` (``office``, ``poor``, ``photo``; fixed seeds);
3. runs :func:`pipeline.runner.process_file` on the text PDF and every scan and compares their task
   table obligations (``extractors.task_tables.table_obligations`` rows among
   ``doc.extraction.obligations``) with those of the TEXT PDF, the reference: rows found, and per
   row (aligned by their action text) the action's first 40 characters after whitespace
   normalisation, ``responsible``, ``deadline``/``deadline_precision`` and ``frequency``. The text
   PDF is also compared with the table's obligations from the flattened original text (the whole
   ``.txt`` through the same pipeline). Beside the obligations, the table's row lines themselves
   ("1.1 | Rà soát … | Sở Tư pháp | … | 2026 - 2030 | …") are aligned with the text PDF's: how many
   keep their number of cells (the grid was read right) and how many are identical (OCR too), which
   measures the scan reading even where the extractor makes nothing of a table.

Everything goes under ``--out`` (default ``data/processed/bench/table_scans``): the PDFs (``pdf/``),
the final text of every reading (``texts/``), ``results.json`` and ``differences.txt`` (every
difference; the printed table truncates them).
OCR results are cached under ``OUT/ocr-cache/<hash of pipeline/ocr*.py>``, so a re-run with the same
OCR code is fast and a changed OCR code is measured afresh; the PDFs are re-rendered only when the
table layouts or the rendering settings change (``OUT/manifest.json``).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from extractors import flat_tables as ft  # noqa: E402
from extractors.sections import parse_sections  # noqa: E402
from extractors.task_tables import table_obligations  # noqa: E402
from extractors.types import Obligation  # noqa: E402

DEFAULT_OUT = REPO / "data" / "processed" / "bench" / "table_scans"
DEFAULT_QUALITIES = ("clean", "office", "poor", "photo")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
DPI = 300
SEED = 2026  # each table and quality gets its own child seed (see _scan_seed)
FONT_SIZE = 10
LEADING = 12.5
MARGIN_MM = 15
STT_MM = 12  # the number column
TIMING_MM = 24  # a "Thời gian / Thời hạn" column
ACTION_WEIGHT = 2.6  # the task column's share of the rest, against 1 for every other column
ACTION_CHARS = 40  # an action is compared on its first 40 characters (whitespace normalised)
RENDER_VERSION = "1"  # bump when the rendering below changes: the PDFs are rebuilt
PRINT_DIFFERENCES = 6  # differences shown per line of the printed table (all in differences.txt)
# A cell that says when, though no date: "Theo Kế hoạch riêng", "Thường xuyên", "Sau khi có Quy chế".
_LOOSE_TIMING = re.compile(
    r"^(?:theo\s+(?:kế\s+hoạch|lộ\s+trình)|thường\s+xuyên|sau\s+khi|hằng|hàng)\b", re.I
)


# --- 1. the flattened tables ------------------------------------------------------------------------


@dataclass(slots=True)
class LayoutRow:
    """One row of the rebuilt table: ``kind`` header, group or data; ``cells`` one per column (STT
    first); a group row's title spans every column after the first."""

    kind: str
    cells: list[str]
    kept: bool = False  # a data row that flat_tables makes an obligation of


@dataclass(slots=True)
class SourceTable:
    name: str  # short name of the plan ("heldout12/dong-nai-179")
    path: Path
    index: int  # the table's index among the tables of its document
    title: list[str]
    rows: list[LayoutRow]
    flat_rows: int  # obligations flat_tables reads from the table

    @property
    def columns(self) -> int:
        return len(self.rows[0].cells)


def short_name(path: Path) -> str:
    stem = re.sub(r"^ke-hoach-(?:ubnd-)?(?:tinh-|tp-)?", "", path.stem)
    return f"{path.parent.parent.name}/{'-'.join(stem.split('-')[:4])}"


def find_tables(paths: Sequence[Path]) -> list[SourceTable]:
    """Every flattened task table of ``paths``, rebuilt row by row."""
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for index, table in enumerate(ft._tables(text)):
            title, rows = rebuild(text, table)
            found.append(SourceTable(short_name(path), path, index, title, rows, len(table.rows)))
    return found


def rebuild(text: str, table) -> tuple[list[str], list[LayoutRow]]:  # table: flat_tables._Table
    """The annex title above ``table`` and its rows, walked as ``flat_tables._read_table`` walks them."""
    all_lines = ft._lines(text)
    lines = [line for line in all_lines if table.start <= line.start and line.end <= table.end]
    header = [lines[0].text]
    index = 1
    while index < len(lines) and ft._is_header_cell(lines[index].text):
        header.append(lines[index].text)
        index += 1
    roles = [ft._role(cell) for cell in header[1:]]
    columns = len(header)
    kept = {row.start for row in table.rows}
    rows = [LayoutRow("header", header)]
    while index < len(lines):
        line = lines[index].text
        if ft._ELISION.match(line):  # the copy left rows out here: drawn as the copy shows it
            rows.append(LayoutRow("group", ["", line]))
            index += 1
            continue
        repeated = ft._repeated_header(lines, index, roles)
        if repeated:
            cells = [cell.text for cell in lines[index : index + repeated]]
            rows.append(LayoutRow("header", [""] * (columns - len(cells)) + cells))
            index += repeated
            continue
        number = ft._ROW_NUMBER.match(line)
        if number:
            cells, after = ft._row_cells(lines, index + 1, len(roles))
            texts = [cell.text for cell in cells]
            if len(cells) == 1 and ft._opens_sub_rows(lines, after, ft._label(number["n"])):
                rows.append(LayoutRow("group", [line, texts[0]]))  # "5.1 | Thương mại"
            else:
                rows.append(
                    LayoutRow("data", [line, *place(texts, roles)], bool(cells) and cells[0].start in kept)
                )
            index = after
            continue
        if ft._GROUP_MARKER.match(line) and index + 1 < len(lines):
            rows.append(LayoutRow("group", [line, lines[index + 1].text]))
            index += 2
            continue
        rows.append(LayoutRow("group", ["", line]))  # a stray line (none in the held-out tables)
        index += 1
    start = next(i for i, line in enumerate(all_lines) if line.start == table.start)
    title: list[str] = []
    for line in reversed(all_lines[max(0, start - 3) : start]):
        title.insert(0, line.text)
        if line.text.upper().startswith("PHỤ LỤC"):
            break
    else:
        title = []
    return title, rows


def place(cells: list[str], roles: list[str | None]) -> list[str]:
    """A data row's cells in the table's columns, as ``flat_tables._aligned_row`` guesses them.

    A full row is positional. Else the task is the first cell, unless it names one unit only (the unit
    moved up into an empty task cell); the first date cell ("Tháng 12/2025", "2026 - 2030"; for the
    layout also "Theo Kế hoạch riêng", "Thường xuyên") goes in the timing column; the cells before it
    fill the columns from the left, the cells after it the columns after the timing column.
    """
    width = len(roles)
    if len(cells) >= width:
        return cells[:width]
    out = [""] * width
    rest = list(cells)
    if rest and ft._names_one_unit(rest[0]):
        rest.insert(0, "")  # "Sở Khoa học và Công nghệ / 2025 / Quyết định": the task cell was empty
    out[0] = rest[0]
    timing = next((i for i, role in enumerate(roles) if role in ft._TIMING_ROLES), None)
    date_at = next(
        (i for i in range(1, len(rest)) if ft._is_timing_cell(rest[i]) or _LOOSE_TIMING.match(rest[i])), None
    )
    if timing is None or date_at is None:
        _fill(out, 1, width, rest[1:])
        return out
    _fill(out, 1, timing, rest[1:date_at])
    out[timing] = rest[date_at]
    _fill(out, timing + 1, width, rest[date_at + 1 :])
    return out


def _fill(out: list[str], first: int, stop: int, cells: list[str]) -> None:
    """``cells`` into ``out[first:stop]`` from the left; cells beyond the last column join it."""
    for offset, cell in enumerate(cells):
        column = min(first + offset, stop - 1)
        if column < first:
            column = first  # no room at all: the cell still shows, in the first column offered
        out[column] = f"{out[column]}\n{cell}" if out[column] else cell


# --- 2. rendering -----------------------------------------------------------------------------------


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT_DIR / "DejaVuSerif.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", str(FONT_DIR / "DejaVuSerif-Bold.ttf")))


def column_widths(header: list[str], available: float) -> list[float]:
    """Widths in points: a narrow number column, date columns of fixed width, the task column wider."""
    from reportlab.lib.units import mm

    roles = [None, *(ft._role(cell) for cell in header[1:])]
    fixed = {0: STT_MM * mm} | {i: TIMING_MM * mm for i, role in enumerate(roles) if role in ft._TIMING_ROLES}
    weights = {
        i: ACTION_WEIGHT if role == "action" else 1.0 for i, role in enumerate(roles) if i not in fixed
    }
    rest = available - sum(fixed.values())
    unit = rest / sum(weights.values())
    return [fixed[i] if i in fixed else weights[i] * unit for i in range(len(header))]


def render_text_pdf(table: SourceTable, out_pdf: Path) -> None:
    """The table as a ruled reportlab table (with its annex title) in an A4 landscape text PDF."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _fonts()
    body = ParagraphStyle("cell", fontName="DejaVuSerif", fontSize=FONT_SIZE, leading=LEADING)
    bold = ParagraphStyle("bold", parent=body, fontName="DejaVuSerif-Bold")
    centred = ParagraphStyle("centred", parent=body, alignment=TA_CENTER)
    head = ParagraphStyle("head", parent=bold, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=head, fontSize=11, leading=14, spaceAfter=2)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    data, commands = (
        [],
        [
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
    )
    for r, row in enumerate(table.rows):
        if row.kind == "header":
            data.append([para(cell, head) for cell in row.cells])
            commands.append(("VALIGN", (0, r), (-1, r), "MIDDLE"))
        elif row.kind == "group":
            data.append([para(row.cells[0], head), para(row.cells[1], bold)] + [""] * (table.columns - 2))
            commands.append(("SPAN", (1, r), (-1, r)))
        else:
            data.append([para(row.cells[0], centred), *(para(cell, body) for cell in row.cells[1:])])
    page = landscape(A4)
    available = page[0] - 2 * MARGIN_MM * mm
    grid = Table(data, colWidths=column_widths(table.rows[0].cells, available), repeatRows=0)
    grid.setStyle(TableStyle(commands))
    story = [para(line, title) for line in table.title] + [Spacer(1, 4 * mm), grid]
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    SimpleDocTemplate(
        str(out_pdf),
        pagesize=page,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=MARGIN_MM * mm,
        bottomMargin=MARGIN_MM * mm,
        title=table.name,
        author="kehoach eval_table_scans",
        creator="kehoach",
        invariant=1,  # same bytes on every run
    ).build(story)


def render_scans(text_pdf: Path, qualities: Sequence[str], seed: int, out_dir: Path) -> dict[str, Path]:
    """Image-only PDFs of ``text_pdf`` at 300 dpi: as rendered (``clean``) and degraded per quality."""
    import pypdfium2 as pdfium

    from kehoach.synth import degrade

    paths = {quality: out_dir / f"{text_pdf.stem}.{quality}.pdf" for quality in qualities}
    pdf = pdfium.PdfDocument(str(text_pdf))
    try:
        pages = len(pdf)
        children = {
            quality: np.random.SeedSequence([seed, index]).spawn(pages)
            for index, quality in enumerate(qualities)
        }
        for number in range(pages):
            image = pdf[number].render(scale=DPI / 72).to_pil().convert("RGB")
            image.info["dpi"] = (DPI, DPI)
            for quality in qualities:
                page = image
                if quality != "clean":
                    page = degrade(image, quality, np.random.default_rng(children[quality][number]))
                page.save(
                    paths[quality],
                    "PDF",
                    append=number > 0,
                    resolution=float(DPI),
                    creationDate="D:20240101000000Z",
                    modDate="D:20240101000000Z",
                    producer="kehoach eval_table_scans",
                )
    finally:
        pdf.close()
    return paths


def _scan_seed(table_index: int) -> int:
    return SEED + 100 * table_index


# --- 3. reading and comparing -----------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    """What is compared of one task-table obligation."""

    action: str
    responsible: str | None
    deadline: str | None
    precision: str | None
    frequency: str | None
    full_action: str = field(default="", compare=False)

    @classmethod
    def of(cls, o: Obligation) -> Row:
        action = normalise(o.action)
        return cls(
            action[:ACTION_CHARS],
            normalise(o.responsible) if o.responsible else None,
            o.deadline,
            o.deadline_precision,
            o.frequency,
            action,
        )


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def task_table_rows(doc, span: tuple[int, int] | None = None) -> list[Row]:
    """The obligations of ``doc`` that are task-table rows (within ``span`` of ``doc.text`` if given)."""
    text = doc.text
    rows = {(o.start, o.end) for o in table_obligations(text, parse_sections(text), [])}
    chosen = [o for o in doc.extraction.obligations if (o.start, o.end) in rows]
    if span is not None:
        chosen = [o for o in chosen if span[0] <= o.start < span[1]]
    return [Row.of(o) for o in chosen]


def align(reference: list[str], found: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs (reference index, found index) of the most similar texts, in order (a global alignment);
    texts less than 0.6 similar (difflib ratio) are no pair."""
    n, m = len(reference), len(found)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    similarity = {}
    for i in range(n):
        for j in range(m):
            matcher = difflib.SequenceMatcher(None, reference[i], found[j], autojunk=False)
            similarity[i, j] = matcher.ratio() if matcher.quick_ratio() >= 0.6 else 0.0
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if similarity[i, j] >= 0.6:
                best = max(best, similarity[i, j] + score[i + 1][j + 1])
            score[i][j] = best
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if similarity[i, j] >= 0.6 and score[i][j] == similarity[i, j] + score[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    return pairs


ATTRIBUTES = ("action", "responsible", "deadline", "precision", "frequency")


@dataclass(slots=True)
class Comparison:
    source: str
    quality: str
    expected: int
    found: int
    matched: int
    equal: int
    wrong: dict[str, int]
    differences: list[str]
    seconds: float = 0.0
    other_obligations: int = 0  # obligations of the document that are no task-table row
    # The table's row lines ("1.1 | Rà soát … | Sở Tư pháp | … | 2026 - 2030 | …") against the text
    # PDF's, whatever the extractor makes of them: how many, how many with the same number of cells,
    # how many identical cell for cell (whitespace normalised). None where there is nothing to compare.
    lines: tuple[int, int, int, int] | None = None


def compare(source: str, quality: str, reference: list[Row], found: list[Row]) -> Comparison:
    differences, wrong = [], dict.fromkeys(ATTRIBUTES, 0)
    matched = equal = 0

    def key(row: Row) -> str:
        return row.full_action[:120].lower()

    for i, j in align([key(r) for r in reference], [key(r) for r in found]):
        if j is None:
            differences.append(f"missing row {i + 1}: {reference[i].action!r}")
            continue
        if i is None:
            differences.append(f"extra row: {found[j].action!r}")
            continue
        matched += 1
        bad = [name for name in ATTRIBUTES if getattr(reference[i], name) != getattr(found[j], name)]
        if not bad:
            equal += 1
        for name in bad:
            wrong[name] += 1
            differences.append(
                f"row {i + 1} {name}: {getattr(reference[i], name)!r} -> {getattr(found[j], name)!r}"
            )
    return Comparison(source, quality, len(reference), len(found), matched, equal, wrong, differences)


def row_lines(text: str) -> list[list[str]]:
    """The cells of every table row line of ``text`` (a line with a ``|``), trailing empty cells dropped."""
    rows = []
    for line in text.split("\n"):
        if "|" not in line:
            continue
        cells = [normalise(cell) for cell in line.split("|")]
        while len(cells) > 1 and not cells[-1]:
            cells.pop()
        rows.append(cells)
    return rows


def compare_lines(reference_text: str, found_text: str) -> tuple[tuple[int, int, int, int], list[str]]:
    """(reference lines, found lines, aligned lines with as many cells, aligned lines identical), and
    the lines lost, added or cut into another number of cells."""
    reference, found = row_lines(reference_text), row_lines(found_text)

    def key(cells: list[str]) -> str:
        return " | ".join(cells)[:160].lower()

    same = identical = 0
    notes = []
    for i, j in align([key(c) for c in reference], [key(c) for c in found]):
        if i is None or j is None:
            lost = i is not None
            notes.append(
                f"line {'lost' if lost else 'added'}: {key(reference[i] if lost else found[j])[:70]!r}"
            )
        elif len(reference[i]) == len(found[j]):
            same += 1
            identical += reference[i] == found[j]
        else:
            notes.append(f"line {len(reference[i])} -> {len(found[j])} cells: {key(found[j])[:70]!r}")
    return (len(reference), len(found), same, identical), notes


# --- driver -----------------------------------------------------------------------------------------


def ocr_code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted((REPO / "pipeline").glob("ocr*.py")) + [REPO / "pipeline" / "image_cleanup.py"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def layout_hash(tables: list[SourceTable], qualities: Sequence[str]) -> str:
    payload = {
        "render": RENDER_VERSION,
        "qualities": list(qualities),
        "tables": [[t.name, t.title, [asdict(r) for r in t.rows]] for t in tables],
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def build_pdfs(tables: list[SourceTable], qualities: Sequence[str], out: Path) -> dict[str, dict[str, Path]]:
    """``{table name: {"text": pdf, quality: pdf}}``, rendered unless the manifest says they are current."""
    manifest = out / "manifest.json"
    digest = layout_hash(tables, qualities)
    files = {
        t.name: {
            "text": out / "pdf" / f"{t.name.replace('/', '__')}.{t.index}.pdf",
            **{q: out / "pdf" / f"{t.name.replace('/', '__')}.{t.index}.{q}.pdf" for q in qualities},
        }
        for t in tables
    }
    current = manifest.is_file() and json.loads(manifest.read_text()).get("hash") == digest
    if current and all(p.is_file() for paths in files.values() for p in paths.values()):
        return files
    for number, table in enumerate(tables):
        started = time.perf_counter()
        render_text_pdf(table, files[table.name]["text"])
        render_scans(files[table.name]["text"], qualities, _scan_seed(number), out / "pdf")
        print(f"  rendered {table.name} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    manifest.write_text(json.dumps({"hash": digest}), encoding="utf-8")
    return files


def _keep_text(out: Path, table: SourceTable, version: str, text: str) -> None:
    """The final text a reading gave (``OUT/texts/NAME.VERSION.txt``), to see what went wrong."""
    folder = out / "texts"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{table.name.replace('/', '__')}.{table.index}.{version}.txt").write_text(
        text, encoding="utf-8"
    )


def run(args: argparse.Namespace) -> list[Comparison]:
    from pipeline.options import PipelineOptions
    from pipeline.runner import process_file

    out: Path = args.out
    cache = None if args.no_cache else out / "ocr-cache" / ocr_code_hash()
    options = PipelineOptions(cache_dir=cache, ocr_workers=args.workers)
    paths = sorted(REPO.glob("tests/heldout*/docs/*.txt"))
    tables = find_tables(paths)
    print(f"{len(paths)} held-out documents, {len(tables)} flattened task tables:", file=sys.stderr)
    for t in tables:
        data = sum(row.kind == "data" for row in t.rows)
        groups = sum(row.kind == "group" for row in t.rows)
        print(
            f"  {t.path.relative_to(REPO)} table {t.index}: {t.flat_rows} task rows "
            f"({data} numbered rows, {groups} group rows, {len(t.rows) - data - groups} header rows)",
            file=sys.stderr,
        )
    files = build_pdfs(tables, args.qualities, out)
    results = []
    for table in tables:
        original = process_file(table.path, options)
        spans = ft.flat_table_spans(original.text)
        span = spans[table.index] if table.index < len(spans) else (0, 0)
        flat = task_table_rows(original, span)
        started = time.perf_counter()
        text_doc = process_file(files[table.name]["text"], options)
        _keep_text(out, table, "text", text_doc.text)
        reference = task_table_rows(text_doc)
        first = compare(table.name, "text PDF vs flat text", flat, reference)
        first.seconds = time.perf_counter() - started
        first.other_obligations = len(text_doc.extraction.obligations) - len(reference)
        results.append(first)
        print(f"  {table.name}: text PDF {len(reference)} rows, {len(text_doc.pages)} pages", file=sys.stderr)
        for quality in args.qualities:
            started = time.perf_counter()
            try:
                scanned = process_file(files[table.name][quality], options)
            except Exception as error:  # a crash is a result too: reported, the others still run
                results.append(Comparison(table.name, quality, len(reference), 0, 0, 0, {}, [repr(error)]))
                continue
            _keep_text(out, table, quality, scanned.text)
            found = task_table_rows(scanned)
            result = compare(table.name, quality, reference, found)
            result.seconds = time.perf_counter() - started
            result.other_obligations = len(scanned.extraction.obligations) - len(found)
            result.lines, notes = compare_lines(text_doc.text, scanned.text)
            result.differences += notes
            results.append(result)
            print(
                f"  {table.name} {quality}: {result.equal}/{result.expected} ({result.seconds:.1f} s)",
                file=sys.stderr,
            )
    return results


def report(results: list[Comparison], limit: int = PRINT_DIFFERENCES) -> str:
    lines = [
        "| source | quality | rows expected | rows found | rows matched | all attributes equal | "
        "wrong: action / responsible / deadline / precision / frequency | other obligations | "
        "row lines: text PDF / scan / same cells / identical | differences |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |",
    ]
    totals: dict[str, list[int]] = {}
    for r in results:
        wrong = " / ".join(str(r.wrong.get(name, 0)) for name in ATTRIBUTES)
        shown = "; ".join(d[:90] for d in r.differences[:limit])
        if len(r.differences) > limit:
            shown += f"; … ({len(r.differences) - limit} more)"
        row_lines_cell = " / ".join(map(str, r.lines)) if r.lines else "-"
        lines.append(
            f"| {r.source} | {r.quality} | {r.expected} | {r.found} | {r.matched} | {r.equal} | {wrong} | "
            f"{r.other_obligations} | {row_lines_cell} | {shown.replace('|', '/')} |"
        )
        total = totals.setdefault(r.quality, [0] * 8)
        for k, value in enumerate((r.expected, r.found, r.matched, r.equal, *(r.lines or (0, 0, 0, 0)))):
            total[k] += value
    lines += [
        "",
        "| quality | rows expected | rows found | rows matched | all attributes equal | "
        "row lines: text PDF / scan / same cells / identical |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for quality, (expected, found, matched, equal, *row_totals) in totals.items():
        share = f" ({equal / expected:.0%})" if expected else ""
        row_cell = " / ".join(map(str, row_totals)) if any(row_totals) else "-"
        lines.append(f"| {quality} | {expected} | {found} | {matched} | {equal}{share} | {row_cell} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where PDFs, cache and results go")
    parser.add_argument(
        "--qualities",
        nargs="+",
        default=list(DEFAULT_QUALITIES),
        choices=list(DEFAULT_QUALITIES),
        help="scans to make: clean (300-dpi render) and kehoach.synth degradations",
    )
    parser.add_argument("--workers", type=int, default=2, help="pages OCRed in parallel (default 2)")
    parser.add_argument("--no-cache", action="store_true", help="OCR every page again")
    parser.add_argument(
        "--nice", type=int, default=10, help="niceness increment for this process (default 10)"
    )
    args = parser.parse_args(argv)
    if args.nice:
        os.nice(args.nice)
    started = time.perf_counter()
    print(f"load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
    results = run(args)
    table = report(results)
    print(table)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(
        json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (args.out / "differences.txt").write_text(
        "\n".join(f"{r.source} [{r.quality}]\n" + "\n".join(f"  {d}" for d in r.differences) for r in results)
        + "\n",
        encoding="utf-8",
    )
    print(f"load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
    print(f"\n{time.perf_counter() - started:.0f} s; details in {args.out}/differences.txt", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
