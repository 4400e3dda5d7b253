# kehoach — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV ?= .venv
PY := $(VENV)/bin/python
KEHOACH := $(VENV)/bin/kehoach
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-osd poppler-utils fonts-dejavu-core \
	fonts-dejavu-extra fonts-noto-core postgresql python3-venv python3-dev hunspell-vi

.PHONY: help setup system-deps bench-deps venv corpus test lint format bench lm namesakes case-model vie-scans channel samples eval eval-scans eval-tables clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "} {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

system-deps: ## install the Debian/Ubuntu packages (Tesseract + vie, poppler, fonts, PostgreSQL)
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	@command -v python3 >/dev/null || { echo "python3 is missing"; exit 1; }
	[ -x $(PY) ] || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

venv: $(VENV)/.installed ## create .venv/ and install kehoach into it

setup: system-deps venv ## everything `make corpus` needs

corpus: setup ## set up, then ingest data/raw/ into the SQLite store under data/processed/
	$(KEHOACH) ingest data/raw/

test: setup ## lint, then the whole test suite (PostgreSQL tests included)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest -q

eval: setup ## measure extraction against every gold set and repair against held-out text
	$(KEHOACH) eval extract tests/gold --docs data/raw
	for set in $(sort $(wildcard tests/heldout*)); do \
	  echo "== $$set"; \
	  if [ -f $$set/corpus_lines.tsv ] && [ ! -d "$${KEHOACH_CORPUS:-../shared/corpus}" ]; then \
	    echo "skipped: its texts are rebuilt from the corpus, which is not here"; continue; fi; \
	  $(KEHOACH) eval extract $$set/gold --docs $$set/docs || exit 1; \
	done
	$(KEHOACH) eval extract tests/data/tuoi_hong/gold
	$(KEHOACH) eval repair

eval-scans: setup ## extraction on whole-document scans of the gold plans (office quality) vs their clean text
	nice -n 10 $(PY) scripts/eval_extract_scans.py --build --quality office

eval-tables: setup ## task tables of the held-out plans as ruled-table scans (4 qualities) vs their text PDF
	$(PY) scripts/eval_table_scans.py

bench-deps: system-deps ## the tools benchmarks compare against (OCRmyPDF)
	@dpkg -s ocrmypdf >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends ocrmypdf; }

bench: setup bench-deps ## speed and accuracy benchmarks; results to docs/BENCHMARKS.md by hand, raw output in data/processed/bench/
	mkdir -p data/processed/bench
	$(PY) scripts/bench_extract.py | tee data/processed/bench/extract.md
	$(KEHOACH) eval repair --bench | tee data/processed/bench/repair.md
	$(PY) scripts/bench_ocr.py --out data/processed/bench/scans --memory-pages 40 | tee data/processed/bench/ocr.md
	$(PY) scripts/bench_store.py | tee data/processed/bench/store.md

lm: venv ## rebuild the syllable language model from ../shared/corpus (dev machines only)
	nice -n 10 $(PY) scripts/build_lm.py

namesakes: venv ## rebuild extractors/data/namesakes.tsv (names of schools and streets) from ../shared/corpus (dev machines only)
	$(PY) scripts/build_namesakes.py

case-model: venv ## rebuild the repair decoder's letter-case statistics from ../shared/corpus (dev machines only)
	nice -n 10 $(PY) scripts/build_case_model.py

vie-scans: venv ## rebuild tests/data/ocr_eval/vie_scans: vie OCR text of degraded scans of two held-out sets
	for set in heldout heldout2 heldout3; do \
	  nice -n 10 $(PY) scripts/bench_ocr.py --plans $$set --out data/processed/bench/vie-$$set --speed-pages 0 --no-ocrmypdf >/dev/null && \
	  nice -n 10 $(PY) scripts/build_vie_scan_eval.py data/processed/bench/vie-$$set/accuracy --set $$set || exit 1; \
	done

channel: venv ## regenerate the OCR channel training pairs (renders corpus text, OCRs it with eng and vie)
	nice -n 10 $(PY) scripts/build_channel.py --pages 80 --seed 7 --eval

samples: venv ## regenerate data/raw/generated/ (text PDF, DOCX, scanned PDF, PNG) from the seed text
	$(PY) scripts/make_samples.py

lint: venv ## ruff check
	$(VENV)/bin/ruff check .

format: venv ## ruff format + autofix
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean: ## remove the store and processed artefacts (keeps data/raw/)
	find data/processed -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
