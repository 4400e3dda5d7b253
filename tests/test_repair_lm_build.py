"""The language-model builder (``scripts/build_lm.py``) on a toy corpus: Kneser-Ney per part, the
legal/general mixture, pruning with renormalised backoff weights, quantisation. No corpus needed:
the sentences are made up here."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import numpy as np
import pytest

from kehoach.repair.lm import NGramLM

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_lm.py"
LEGAL = [
    "ủy ban nhân dân tỉnh ban hành kế hoạch",
    "ủy ban nhân dân huyện ban hành kế hoạch cải cách hành chính",
    "ủy ban nhân dân xã thực hiện kế hoạch",
    "sở nội vụ hướng dẫn thực hiện kế hoạch cải cách hành chính",
    "các sở ban ngành thực hiện kế hoạch",
    "ủy ban nhân dân tỉnh chỉ đạo các sở",
]
GENERAL = [
    "người dân tỉnh đồng tháp trồng lúa",
    "người dân huyện cao lãnh thực hiện kế hoạch trồng lúa",
    "nông dân tỉnh đồng tháp thu hoạch lúa",
]


@pytest.fixture(scope="module")
def build_lm():
    spec = importlib.util.spec_from_file_location("build_lm", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _toy_model(build_lm, tmp_path: Path, min_count: dict[int, int], domain_weight: float = 0.6) -> Path:
    """The toy corpus built into an .npz the way ``make lm`` builds the real one."""
    legal = [line.split() for line in LEGAL]
    general = [line.split() for line in GENERAL]
    vocab = [build_lm.BOS, build_lm.EOS, build_lm.UNK] + sorted({w for s in legal + general for w in s})
    parts = {"domain": build_lm.count_part(legal, vocab), "general": build_lm.count_part(general, vocab)}
    weights = {"domain": domain_weight, "general": 1.0 - domain_weight}
    arrays = build_lm.build_model(vocab, parts, weights, min_count, levels=65536)
    path = tmp_path / f"toy-{domain_weight}.npz"
    np.savez_compressed(path, **arrays)
    return path


def _stored_tables(path: Path) -> tuple[list[str], dict]:
    """The stored model read back independently of lm.py: (keys, log10 p, log10 backoff) per order."""
    with np.load(path) as data:
        vocab = bytes(data["vocab"]).decode("utf-8").split("\n")
        tables = {1: (np.arange(len(vocab), dtype=np.uint64), data["logp1"].astype(float), data["backoff1"])}
        for n in range(2, 5):
            keys = np.cumsum(data[f"keys{n}_delta"], dtype=np.uint64)
            logp = data[f"logp{n}_levels"][data[f"logp{n}_code"]]
            backoff = data[f"backoff{n}_levels"][data[f"backoff{n}_code"]] if n < 4 else np.zeros(len(keys))
            tables[n] = (keys, logp, backoff)
    return vocab, tables


def _context_logprobs(build_lm, path: Path, context: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(word ids, log10 p(word | context)) for every word but <s>, by the builder's own evaluator."""
    vocab, tables = _stored_tables(path)
    ids = [vocab.index(w) for w in context]
    words = np.arange(1, len(vocab))  # <s> (id 0) is never predicted
    keys = build_lm.encode_keys(np.array([[*ids, w] for w in words]))
    return words, build_lm.pruned_logprob(tables, len(ids) + 1, keys)


def _total_probability(build_lm, path: Path, context: list[str]) -> float:
    """Sum over every word of p(word | context): 1 for a proper distribution."""
    return float(np.sum(10.0 ** _context_logprobs(build_lm, path, context)[1]))


@pytest.mark.parametrize(
    "context",
    [["ủy", "ban", "nhân"], ["kế", "hoạch"], ["thực", "hiện"], ["sở"], ["nhân", "dân"], ["dân", "tỉnh"]],
)
def test_pruned_model_with_renormalised_backoffs_sums_to_one(build_lm, tmp_path, context) -> None:
    path = _toy_model(build_lm, tmp_path, {2: 1, 3: 2, 4: 2})
    assert _total_probability(build_lm, path, context) == pytest.approx(1.0, abs=0.001)
    unmixed = _toy_model(build_lm, tmp_path, {2: 1, 3: 2, 4: 2}, domain_weight=1.0)
    assert _total_probability(build_lm, unmixed, context) == pytest.approx(1.0, abs=0.001)


def test_general_text_keeps_words_the_legal_text_lacks(build_lm, tmp_path) -> None:
    """In a legal context, "lúa" (seen only in the general text) is far likelier in the mixture
    than in a legal-only model, which knows it only through its tiny unigram floor."""
    mixed = NGramLM.load(_toy_model(build_lm, tmp_path, {2: 1, 3: 2, 4: 2}, domain_weight=0.6))
    legal_only = NGramLM.load(_toy_model(build_lm, tmp_path, {2: 1, 3: 2, 4: 2}, domain_weight=1.0))
    sentence = "ủy ban nhân dân tỉnh đồng tháp trồng lúa".split()
    assert mixed.sentence_logprob(sentence) > legal_only.sentence_logprob(sentence) + 3


def test_unpruned_model_prefers_seen_continuation(build_lm, tmp_path) -> None:
    path = _toy_model(build_lm, tmp_path, {2: 1, 3: 1, 4: 1})
    lm = NGramLM.load(path)
    assert lm.sentence_logprob("ủy ban nhân dân tỉnh ban hành kế hoạch".split()) > lm.sentence_logprob(
        "ủy ban nhân dân tỉnh ban hành kế hoạch sở".split()
    )
    assert _total_probability(build_lm, path, ["nhân", "dân"]) == pytest.approx(1.0, abs=0.001)


@pytest.mark.parametrize("context", [["ủy", "ban", "nhân"], ["kế", "hoạch"], ["sở"]])
def test_runtime_model_reads_what_the_builder_wrote(build_lm, tmp_path, context) -> None:
    path = _toy_model(build_lm, tmp_path, {2: 1, 3: 2, 4: 2})
    lm = NGramLM.load(path)
    words, expected = _context_logprobs(build_lm, path, context)
    known = words != lm.unk_id  # lm.py prices <unk> with its own fixed penalty
    ids = [lm.word_id(w) for w in context]
    contexts = np.tile(([-1] * 3 + ids)[-3:], (int(known.sum()), 1))
    got = lm.logprob(contexts, words[known])
    np.testing.assert_allclose(got, expected[known], atol=0.002)


@pytest.mark.parametrize(("levels", "dtype"), [(256, np.uint8), (65536, np.uint16)])
def test_quantize_codes_fit_the_level_count(build_lm, levels, dtype) -> None:
    values = np.linspace(-7.0, 0.0, 20_000)
    codes, table = build_lm.quantize(values, levels)
    assert codes.dtype == dtype
    error = np.abs(table[codes] - values).max()
    assert error < 7.0 / levels * 1.5


def test_parse_min_count_needs_every_order(build_lm) -> None:
    assert build_lm.parse_min_count("2:1,3:2,4:2") == {2: 1, 3: 2, 4: 2}
    with pytest.raises(argparse.ArgumentTypeError):
        build_lm.parse_min_count("2:1,4:2")
