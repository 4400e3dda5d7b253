"""A compact syllable n-gram language model held in numpy arrays.

Built by ``scripts/build_lm.py`` (interpolated modified Kneser-Ney, pruned) and stored as one
``.npz``: the vocabulary, and per order a sorted array of n-gram keys (word ids packed 16 bits each
into a uint64, delta-encoded on disk), 8-bit quantised log10 probabilities and, for orders below
the top, 8-bit quantised log10 backoff weights (256 levels per array: far below the decoder's
resolution). Lookups are vectorised ``np.searchsorted`` calls over all
(hypothesis, candidate) pairs of one decoder step, which is what makes a pure-numpy model fast
enough: Python-level dictionaries of millions of n-grams would cost seconds to load and hundreds of
MB of memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

BITS = 16
BOS, EOS, UNK = "<s>", "</s>", "<unk>"
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "resources" / "lm" / "syllable4.npz"
UNK_PENALTY = -7.0  # log10 p of a word the model has never seen
NO_WORD = (1 << BITS) - 1  # padding id in packed histories: beyond the vocabulary, in no n-gram
HISTORY_WORDS = 3  # a packed history holds the last 3 word ids: enough context for a 4-gram model
HISTORY_MASK = (1 << (BITS * HISTORY_WORDS)) - 1
SORTED_SEARCH_MIN = 32  # below this many keys, sorting them first costs more than it saves


def encode_keys(ids: np.ndarray) -> np.ndarray:
    """Pack rows of word ids (n columns) into uint64 keys, first word in the high bits."""
    ids = np.asarray(ids, dtype=np.uint64)
    key = np.zeros(ids.shape[0], dtype=np.uint64)
    for col in range(ids.shape[1]):
        key = (key << np.uint64(BITS)) | ids[:, col]
    return key


def pack_histories(contexts: np.ndarray) -> np.ndarray:
    """Rows of word ids (oldest first, -1 for no word) packed into uint64 keys of the last three
    words, NO_WORD standing for a missing one."""
    contexts = np.asarray(contexts, dtype=np.int64).reshape(len(contexts), -1)[:, -HISTORY_WORDS:]
    padded = np.full((len(contexts), HISTORY_WORDS), NO_WORD, dtype=np.int64)
    if contexts.shape[1]:
        padded[:, -contexts.shape[1] :] = np.where(contexts >= 0, contexts, NO_WORD)
    return encode_keys(padded)


def extend_history(history: int, word: int) -> int:
    """The packed history after ``word``: the oldest word drops out (see :func:`pack_histories`)."""
    return ((history << BITS) | word) & HISTORY_MASK


def _dequantize(data: np.lib.npyio.NpzFile, name: str) -> np.ndarray:
    return data[f"{name}_levels"][data[f"{name}_code"]]


@dataclass(slots=True)
class _Table:
    keys: np.ndarray
    logp: np.ndarray
    backoff: np.ndarray | None

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(found mask, index) for each key.

        The keys are searched in sorted order: a binary search over millions of keys is bound by
        memory latency, and sorted queries (the candidates of one history share a key prefix) walk
        the same cache lines, which halves the cost of a decoder step."""
        if len(self.keys) == 0:
            return np.zeros(len(keys), dtype=bool), np.zeros(len(keys), dtype=np.int64)
        if len(keys) < SORTED_SEARCH_MIN:
            idx = np.searchsorted(self.keys, keys)
        else:
            order = np.argsort(keys)
            idx = np.empty(len(keys), dtype=np.int64)
            idx[order] = np.searchsorted(self.keys, keys[order])
        np.minimum(idx, len(self.keys) - 1, out=idx)
        return self.keys[idx] == keys, idx


class NGramLM:
    """Query side of the model: ``logprob(contexts, words)`` for whole batches."""

    def __init__(self, vocab: list[str], tables: dict[int, _Table], unigram_logp: np.ndarray) -> None:
        if len(vocab) >= NO_WORD or max(tables, default=1) - 1 > HISTORY_WORDS:
            raise ValueError("packed histories need fewer than 65,535 words and an order of at most 4")
        self.vocab = vocab
        self.index = {w: i for i, w in enumerate(vocab)}
        self.unigram_logp = unigram_logp
        self.unigram_backoff = tables[1].backoff if 1 in tables else np.zeros(len(vocab), np.float32)
        self.order = max(tables) if tables else 1
        self.tables = tables
        self.unk_id = self.index[UNK]
        self.bos_id = self.index[BOS]
        self.eos_id = self.index[EOS]

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> NGramLM:
        with np.load(path) as data:
            vocab = bytes(data["vocab"]).decode("utf-8").split("\n")
            unigram = data["logp1"].astype(np.float32)
            tables = {
                1: _Table(
                    np.arange(len(vocab), dtype=np.uint64), unigram, data["backoff1"].astype(np.float32)
                )
            }
            n = 2
            while f"keys{n}_delta" in data:
                keys = np.cumsum(data[f"keys{n}_delta"], dtype=np.uint64)
                backoff = _dequantize(data, f"backoff{n}") if f"backoff{n}_code" in data else None
                tables[n] = _Table(keys, _dequantize(data, f"logp{n}"), backoff)
                n += 1
        return cls(vocab, tables, unigram)

    def word_id(self, word: str) -> int:
        return self.index.get(word, self.unk_id)

    def unigram(self, word: str) -> float:
        wid = self.index.get(word)
        return UNK_PENALTY if wid is None else float(self.unigram_logp[wid])

    def logprob(self, contexts: np.ndarray, words: np.ndarray) -> np.ndarray:
        """log10 p(word | context) with backoff, for K rows. ``contexts`` is (K, order-1), oldest first;
        shorter histories are padded on the left with -1 (no word)."""
        return self.logprob_packed(pack_histories(contexts), np.arange(len(contexts)), words)

    def logprob_packed(self, histories: np.ndarray, rows: np.ndarray, words: np.ndarray) -> np.ndarray:
        """log10 p(words[k] | histories[rows[k]]) for K rows over H distinct packed histories.

        A history is the last three word ids packed like a key (:func:`pack_histories`), so the
        context of every order is a bit mask away. The decoder scores every candidate of a step
        against every hypothesis: looking each context (and its backoff weight) up once per
        hypothesis rather than once per candidate saves most of the searches in the big tables.
        (One search of all orders in a merged table was measured: no faster, the searches are bound
        by memory latency, not by numpy's per-call overhead.)"""
        histories = np.asarray(histories, dtype=np.uint64)
        words = np.asarray(words, dtype=np.int64)
        rows = np.asarray(rows, dtype=np.int64)
        result = self.unigram_logp[words].astype(np.float64)
        result[words == self.unk_id] = UNK_PENALTY
        word_keys = words.astype(np.uint64)
        # walk from bigram upward: at each order, found n-grams replace the backed-off estimate
        for n in range(2, self.order + 1):
            ctx_keys = histories & np.uint64((1 << (BITS * (n - 1))) - 1)  # the last n-1 words
            if n == 2:  # the unigram "table" is indexed by word id (NO_WORD is past its end)
                ctx_found = ctx_keys < np.uint64(len(self.vocab))
                ctx_idx = np.where(ctx_found, ctx_keys, 0).astype(np.int64)
                ctx_backoff = self.unigram_backoff
            else:  # a context with NO_WORD in it is never found
                ctx_found, ctx_idx = self.tables[n - 1].find(ctx_keys)
                ctx_backoff = self.tables[n - 1].backoff
            bo = np.zeros(len(histories))
            if ctx_backoff is not None:
                bo[ctx_found] = ctx_backoff[ctx_idx[ctx_found]]
            full_keys = (ctx_keys[rows] << np.uint64(BITS)) | word_keys
            found, idx = self.tables[n].find(full_keys)
            found &= ctx_found[rows]
            # p_n = found ? logp_n : bo(ctx) + p_{n-1}; p_{n-1} is `result` (bo is 0 where unknown)
            result = np.where(found, self.tables[n].logp[idx], result + bo[rows])
        return result

    def sentence_logprob(self, words: list[str]) -> float:
        """Total log10 probability of one sentence, <s> and </s> included (for tests and scoring)."""
        ids = [self.bos_id] + [self.word_id(w) for w in words] + [self.eos_id]
        width = self.order - 1
        contexts = [([-1] * width + ids[:i])[-width:] for i in range(1, len(ids))]
        return float(self.logprob(np.array(contexts), np.array(ids[1:])).sum())


@lru_cache(maxsize=2)
def load_default_lm(path: str = str(DEFAULT_MODEL)) -> NGramLM:
    return NGramLM.load(Path(path))
