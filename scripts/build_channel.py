"""Build the OCR channel tables: how Tesseract (``eng`` and ``vie``) misreads Vietnamese syllables.

Paragraphs of the legal corpus (../shared/corpus, dev machines only; never the seed plans) are
rendered as A4 pages with varied fonts, sizes and degradations, OCRed with both models, and each OCR
line is aligned token by token with the line that was drawn. Outputs, rewritten every few pages so a
partial run is already usable:

- ``kehoach/resources/channel/{eng,vie}_pairs.tsv.gz``: ``intended<TAB>observed<TAB>count``
- ``kehoach/resources/channel/README.md``: provenance and the size of the run
- ``tests/data/ocr_eval/<seed>.{eng,vie}.{gt,ocr}.txt`` (``--eval``): the seed plans rendered and
  OCRed, one line per source line, for measuring repair on them.

Run (about 6 s of one core per page):
    nice -n 10 .venv/bin/python scripts/build_channel.py --pages 200 --eval
"""

from __future__ import annotations

import argparse
import gzip
import lzma
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from kehoach.repair.corpus import CORPUS as CORPUS_DIR
from kehoach.synth.align import aligned_text_pairs
from kehoach.synth.cleaning import clean_source_text
from kehoach.synth.degrade import apply_degradation, draw_degradation
from kehoach.synth.fonts import available_families
from kehoach.synth.ocr_lines import ocr_words, words_by_line
from kehoach.synth.render import PageLayout, PageStyle, draw_page, layout_pages

ROOT = Path(__file__).resolve().parent.parent
CORPUS = CORPUS_DIR
CHANNEL_DIR = ROOT / "kehoach" / "resources" / "channel"
EVAL_DIR = ROOT / "tests" / "data" / "ocr_eval"
SEEDS = ROOT / "data" / "raw"
LANGS = ("eng", "vie")
PAGE_CHARS = 3200
LINES_SEEN, LINES_READ = ("", "lines seen"), ("", "lines read")  # bookkeeping keys, never written
# Evaluation documents are plans about these indices; keep any copy of them out of training data.
_EVALUATION_TOPICS = re.compile(
    r"""PAPI|PAR\s*INDEX|SIPAS|DDCI|Chỉ\s+số\s+cải\s+cách""", re.VERBOSE | re.IGNORECASE
)
_MOSTLY_LETTERS = re.compile(r"""^[^|#<>{}\\]{40,600}$""", re.VERBOSE)


def corpus_paragraphs(seed: int, legal_qa_share: float = 0.2) -> list[str]:
    """Shuffled paragraphs fit to render: legal documents plus a share of legal Q&A prose."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    for name, share in (("legal_docs.txt.xz", 1.0), ("legal_qa.txt.xz", legal_qa_share)):
        with lzma.open(CORPUS / name, "rt", encoding="utf-8") as stream:
            for line in stream:
                line = line.strip()
                if (
                    _MOSTLY_LETTERS.match(line)
                    and not _EVALUATION_TOPICS.search(line)
                    and rng.random() < share
                ):
                    paragraphs.append(line)
    rng.shuffle(paragraphs)
    return paragraphs


def page_texts(paragraphs: list[str]) -> list[str]:
    """Group paragraphs into page-sized texts."""
    pages, current, size = [], [], 0
    for paragraph in paragraphs:
        current.append(paragraph)
        size += len(paragraph)
        if size >= PAGE_CHARS:
            pages.append("\n".join(current))
            current, size = [], 0
    return pages


def page_variant(index: int, families: list[str]) -> tuple[PageStyle, str]:
    """Font, size and quality of the index-th training page: a fixed cycle, so runs are reproducible."""
    rng = random.Random(index)
    style = PageStyle(
        family=families[index % len(families)], font_size_pt=rng.choice([11.0, 12.0, 13.0, 14.0])
    )
    quality = rng.choice(["clean", "office", "office", "poor", "poor", "photo"])
    return style, quality


def ocr_page(page: PageLayout, style: PageStyle, quality: str, seed: int) -> dict[str, list[list[str]]]:
    """Render, degrade and OCR one page with every model; OCR words per laid-out line."""
    rng = np.random.default_rng(seed)
    clean = draw_page(page, style)
    degradation = draw_degradation(quality, rng)
    image = apply_degradation(clean, degradation, rng)
    return {lang: words_by_line(page, ocr_words(image, lang), degradation, image.size) for lang in LANGS}


def write_pairs(counts: Counter[tuple[str, str]], path: Path) -> None:
    """``intended<TAB>observed<TAB>count``, most frequent first; gzip without a timestamp."""
    rows = sorted(((k, c) for k, c in counts.items() if k[0]), key=lambda item: (-item[1], item[0]))
    body = "".join(f"{intended}\t{observed}\t{count}\n" for (intended, observed), count in rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as stream:
        stream.write(body.encode("utf-8"))


def count_pairs(page: PageLayout, ocr_lines: list[list[str]], counts: Counter[tuple[str, str]]) -> None:
    """Add the aligned token pairs of every line; dropped or invented tokens are not channel pairs."""
    for line, observed_words in zip(page.lines, ocr_lines, strict=True):
        counts[LINES_SEEN] += 1
        if not observed_words:  # a whole line lost is a segmentation failure, not a letter confusion
            continue
        counts[LINES_READ] += 1
        for pair in aligned_text_pairs(line.text, " ".join(observed_words)):
            counts[pair] += 1


def write_readme(pages_done: int, counts: dict[str, Counter[tuple[str, str]]], seconds: float) -> None:
    lines = [
        "# OCR channel tables",
        "",
        "`{eng,vie}_pairs.tsv.gz`: `intended<TAB>observed<TAB>count`, from `scripts/build_channel.py`.",
        "Intended = the rendered syllable(s), original case, the source's edge punctuation trimmed (and as",
        "much punctuation from the OCR side; garbage the model makes of diacritics is kept);",
        "observed = what Tesseract 5 read (`--psm 4`), aligned token by token (1→n and n→1 groups up to 3).",
        "Correct readings are included (intended == observed), so counts estimate P(observed | intended).",
        "Left out: tokens the OCR dropped or invented, pure punctuation, and pairings that share almost",
        "nothing (`kehoach.synth.align.is_plausible`: misalignments, not misreadings).",
        "Rebuild: `nice -n 10 .venv/bin/python scripts/build_channel.py --pages 80 --seed 7` (dev machines).",
        "",
        "Source text: paragraphs of `legal_docs` (+20% of `legal_qa`) from the project corpus",
        "(tnt305/tai_lieu_noi_bo, a crawl of thuvienphapluat.vn; Vietnamese official documents are not",
        "protected by copyright, Luật Sở hữu trí tuệ Điều 15). Paragraphs about PAPI/PAR Index/SIPAS were",
        "excluded so that no evaluation plan leaks in. Pages: DejaVu/Noto Serif/Sans, 11–14 pt, qualities",
        "clean/office/poor/photo from `kehoach.synth`.",
        "",
        f"Pages OCRed: {pages_done} ({seconds / 60:.1f} min of OCR).",
    ]
    for lang, counter in counts.items():
        total = sum(c for (a, _), c in counter.items() if a)
        same = sum(c for (a, b), c in counter.items() if a == b)
        read = counter[LINES_READ] / max(counter[LINES_SEEN], 1)
        lines.append(
            f"- {lang}: {len(counter) - 2} distinct pairs, {total} tokens, {same / max(total, 1):.1%} read exactly,"
            f" {read:.1%} of lines mapped to OCR words"
        )
    (CHANNEL_DIR / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_pairs(pages: int, seed: int, flush_every: int) -> None:
    families = available_families()
    texts = page_texts(corpus_paragraphs(seed))[:pages]
    counts: dict[str, Counter[tuple[str, str]]] = {lang: Counter() for lang in LANGS}
    started = time.monotonic()
    for index, text in enumerate(texts):
        style, quality = page_variant(index, families)
        page = layout_pages(text, style)[0]
        for lang, lines in ocr_page(page, style, quality, seed * 100_003 + index).items():
            count_pairs(page, lines, counts[lang])
        done = index + 1
        if done % flush_every == 0 or done == len(texts):
            for lang in LANGS:
                write_pairs(counts[lang], CHANNEL_DIR / f"{lang}_pairs.tsv.gz")
            write_readme(done, counts, time.monotonic() - started)
            print(
                f"{done}/{len(texts)} pages, {time.monotonic() - started:.0f}s", file=sys.stderr, flush=True
            )


def build_eval(
    seed: int,
    langs: tuple[str, ...] = LANGS,
    sources: list[Path] | None = None,
    eval_dir: Path = EVAL_DIR,
    max_pages: int | None = None,
) -> None:
    """Plans rendered clean for ``eng`` and degraded (poor) for ``vie``; one line per source line.

    By default the seed plans into ``tests/data/ocr_eval/``; ``sources``/``eval_dir``/``max_pages``
    build a blind set from other plans (lines past ``max_pages`` are left out of both files, so the
    pair stays line-aligned).
    """
    eval_dir.mkdir(parents=True, exist_ok=True)
    style = PageStyle()
    if sources is None:
        sources = sorted(SEEDS.glob("*.txt")) + sorted(SEEDS.glob("*.md"))
    for source in sources:
        if ".ocr-" in source.name or source.name == "README.md":
            continue
        text = clean_source_text(source.read_text(encoding="utf-8"))
        source_lines = text.splitlines()
        for lang, quality in (("eng", "clean"), ("vie", "poor")):
            if lang not in langs:
                continue
            per_line: dict[int, list[str]] = {}
            all_pages = layout_pages(text, style)
            pages = all_pages[:max_pages]
            for number, page in enumerate(pages):
                rng = np.random.default_rng(seed * 1000 + number)
                degradation = draw_degradation(quality, rng)
                image = apply_degradation(draw_page(page, style), degradation, rng)
                words = words_by_line(page, ocr_words(image, lang), degradation, image.size)
                for line, line_words in zip(page.lines, words, strict=True):
                    per_line.setdefault(line.source_line, []).extend(line_words)
            drawn = max((line.source_line for page in pages for line in page.lines), default=-1) + 1
            if len(all_pages) > len(pages) and any(
                line.source_line == drawn - 1 for line in all_pages[len(pages)].lines
            ):
                drawn -= 1  # that line goes on over the page break: only part of it was drawn
            stem = eval_dir / f"{source.stem}.{lang}"
            ocr = [" ".join(per_line.get(i, [])) for i in range(drawn)]
            Path(f"{stem}.gt.txt").write_text("\n".join(source_lines[:drawn]) + "\n", encoding="utf-8")
            Path(f"{stem}.ocr.txt").write_text("\n".join(ocr) + "\n", encoding="utf-8")
            print(f"eval {stem.name}: {drawn} lines", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="training pages to render and OCR")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--flush-every", type=int, default=10, help="rewrite the tables every N pages")
    parser.add_argument("--eval", action="store_true", help="also write tests/data/ocr_eval/ from the seeds")
    parser.add_argument("--eval-only", action="store_true")
    parser.add_argument("--eval-lang", choices=LANGS, action="append", help="limit --eval to these models")
    parser.add_argument(
        "--eval-source", type=Path, action="append", help="plans to render instead of the seeds"
    )
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR, help="where --eval writes its pairs")
    parser.add_argument("--eval-pages", type=int, help="render only the first N pages of each plan")
    args = parser.parse_args()
    if args.eval or args.eval_only:
        build_eval(
            args.seed, tuple(args.eval_lang or LANGS), args.eval_source, args.eval_dir, args.eval_pages
        )
    if not args.eval_only:
        build_pairs(args.pages, args.seed, args.flush_every)


if __name__ == "__main__":
    main()
