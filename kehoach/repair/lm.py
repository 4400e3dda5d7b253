"""A compact syllable n-gram language model held in numpy arrays.

Built by ``scripts/build_lm.py`` (interpolated modified Kneser-Ney, pruned) and stored as one
``.npz``: the vocabulary, and per order a sorted array of n-gram keys (word ids packed 16 bits each
into a uint64, delta-encoded on disk), 8-bit quantised log10 probabilities and, for orders below
the top, 8-bit quantised log10 backoff weights (256 levels per array: far below the decoder's
resolution). Python-level dictionaries of millions of n-grams would cost seconds to load and
hundreds of MB of memory, so at load time every order goes into one numpy hash table
(:mod:`kehoach.repair.hashtable`, ~0.3 s to build, 12 bytes a slot). Each n-gram is stored under a *tagged* key:
the unused high 16-bit fields of a shorter n-gram hold ``TAG_WORD`` (an id no word has), so the
orders never collide and one lookup answers every order at once: all (hypothesis, candidate)
pairs of a decoder step, every order, every context's backoff weight, in one pass.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from kehoach.repair.hashtable import HashTable

BITS = 16
BOS, EOS, UNK = "<s>", "</s>", "<unk>"
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "resources" / "lm" / "syllable4.npz"
UNK_PENALTY = -7.0  # log10 p of a word the model has never seen
NO_WORD = (1 << BITS) - 1  # padding id in packed histories: beyond the vocabulary, in no n-gram
TAG_WORD = NO_WORD - 1  # fills the unused high fields of a stored shorter n-gram's key
HISTORY_WORDS = 3  # a packed history holds the last 3 word ids: enough context for a 4-gram model
HISTORY_MASK = (1 << (BITS * HISTORY_WORDS)) - 1
MAX_ORDER = HISTORY_WORDS + 1
_BITS = np.uint64(BITS)
_ALL_TAGS = sum(TAG_WORD << (BITS * i) for i in range(MAX_ORDER))


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


def order_mask(n: int) -> int:
    """The bits of a packed key that hold its last ``n`` words."""
    return (1 << (BITS * n)) - 1


def order_tag(n: int) -> int:
    """What an ``n``-gram's key carries above its words: TAG_WORD in every unused field. A query
    whose history is padded with NO_WORD differs from every stored key, so it is never found."""
    return _ALL_TAGS & ~order_mask(n)


class NGramLM:
    """Query side of the model: ``logprob(contexts, words)`` for whole batches."""

    def __init__(
        self,
        vocab: list[str],
        table: HashTable,
        order: int,
        unigram_logp: np.ndarray,
        unigram_backoff: np.ndarray | None = None,
    ) -> None:
        """``table`` holds every order's tagged keys (see :func:`tagged_keys`) with payloads
        (log10 p, log10 backoff); :meth:`load` and :meth:`from_ngrams` build it."""
        if len(vocab) >= TAG_WORD or order > MAX_ORDER:
            raise ValueError("packed histories need fewer than 65,534 words and an order of at most 4")
        self.vocab = vocab
        self.index = {w: i for i, w in enumerate(vocab)}
        self.unigram_logp = np.asarray(unigram_logp, dtype=np.float32)
        if unigram_backoff is None:
            unigram_backoff = np.zeros(len(vocab), np.float32)
        self.unigram_backoff = np.asarray(unigram_backoff, dtype=np.float32)
        self.order = order
        self.unk_id = self.index[UNK]
        self.bos_id = self.index[BOS]
        self.eos_id = self.index[EOS]
        # p(word) when no longer n-gram is known: the unigram, or the penalty of an unknown word
        self._unigram_scores = self.unigram_logp.astype(np.float64)
        self._unigram_scores[self.unk_id] = UNK_PENALTY
        self._table = table
        orders = range(2, order + 1)  # one query level per order above the unigram
        self._full_masks = np.array([order_mask(n) for n in orders], dtype=np.uint64)[:, None]
        self._full_tags = np.array([order_tag(n) for n in orders], dtype=np.uint64)[:, None]
        self._ctx_masks = np.array([order_mask(n - 1) for n in orders], dtype=np.uint64)[:, None]
        self._ctx_tags = np.array([order_tag(n - 1) for n in orders], dtype=np.uint64)[:, None]

    @classmethod
    def from_ngrams(
        cls,
        vocab: list[str],
        ngrams: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray | None]],
        unigram_logp: np.ndarray,
        unigram_backoff: np.ndarray | None = None,
    ) -> NGramLM:
        """A model from per-order (packed keys, log10 p, log10 backoff or None), orders >= 2."""
        unigram_logp = np.asarray(unigram_logp, dtype=np.float32)
        if unigram_backoff is None:
            unigram_backoff = np.zeros(len(vocab), np.float32)
        keys = [tagged_keys(np.arange(len(vocab), dtype=np.uint64), 1)]
        logp, backoff = [unigram_logp], [np.asarray(unigram_backoff, dtype=np.float32)]
        for n, (ngram_keys, ngram_logp, ngram_backoff) in sorted(ngrams.items()):
            keys.append(tagged_keys(np.array(ngram_keys, dtype=np.uint64), n))
            logp.append(np.asarray(ngram_logp, dtype=np.float32))
            backoff.append(np.zeros(len(ngram_keys), np.float32) if ngram_backoff is None else ngram_backoff)
        table = HashTable.from_values(np.concatenate(keys), np.concatenate(logp), np.concatenate(backoff))
        return cls(vocab, table, max(ngrams, default=1), unigram_logp, unigram_backoff)

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> NGramLM:
        """Read the ``.npz`` and build the hash table. Every order's keys go straight into one
        array, and the file's quantisation codes become the table's payload codes (each order's
        levels appended to one level table): no per-order copies, no float payloads."""
        with np.load(path) as data:
            vocab = bytes(data["vocab"]).decode("utf-8").split("\n")
            unigram = data["logp1"].astype(np.float32)
            unigram_backoff = (
                data["backoff1"].astype(np.float32)
                if "backoff1" in data
                else np.zeros(len(vocab), np.float32)
            )
            orders = [1]
            while f"keys{orders[-1] + 1}_delta" in data:
                orders.append(orders[-1] + 1)
            sizes = [len(vocab)] + [len(data[f"logp{n}_code"]) for n in orders[1:]]
            levels_a = [unigram] + [data[f"logp{n}_levels"] for n in orders[1:]]
            levels_b = [unigram_backoff, np.zeros(1, np.float32)]  # the top order's backoff: 0.0
            levels_b += [data[f"backoff{n}_levels"] for n in orders[1:] if f"backoff{n}_code" in data]
            code_type = (
                np.uint16 if max(sum(map(len, levels_a)), sum(map(len, levels_b))) < 1 << 16 else np.uint32
            )
            keys = np.empty(sum(sizes), dtype=np.uint64)
            codes_a = np.empty(len(keys), dtype=code_type)
            codes_b = np.empty(len(keys), dtype=code_type)
            start, level_a, level_b = 0, 0, len(vocab) + 1
            for n, size in zip(orders, sizes, strict=True):
                part = slice(start, start + size)
                if n == 1:
                    keys[part] = np.arange(size, dtype=np.uint64)
                    codes_a[part] = np.arange(size, dtype=code_type)
                    codes_b[part] = np.arange(size, dtype=code_type)
                else:
                    np.cumsum(data[f"keys{n}_delta"], dtype=np.uint64, out=keys[part])
                    codes_a[part] = data[f"logp{n}_code"]
                    codes_a[part] += code_type(level_a)
                    if f"backoff{n}_code" in data:
                        codes_b[part] = data[f"backoff{n}_code"]
                        codes_b[part] += code_type(level_b)
                        level_b += len(data[f"backoff{n}_levels"])
                    else:
                        codes_b[part] = len(vocab)  # the 0.0 level
                level_a += len(levels_a[n - 1])
                tagged_keys(keys[part], n)
                start += size
        levels = (np.concatenate(levels_a).astype(np.float32), np.concatenate(levels_b).astype(np.float32))
        table = HashTable.build(keys, (codes_a, codes_b), levels)
        return cls(vocab, table, orders[-1], unigram, unigram_backoff)

    @property
    def nbytes(self) -> int:
        """Memory held by the n-gram hash table (the bulk of the model)."""
        return self._table.nbytes

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
        n-gram of every order and its context are a mask and a tag away. Every order's n-grams
        (K per order) and contexts (H per order: the decoder scores every candidate against every
        hypothesis, so contexts are looked up once per hypothesis) go to the hash table in one
        call: at a decoder step's batch size numpy's per-call overhead is the cost to cut."""
        histories = np.asarray(histories, dtype=np.uint64)
        words = np.asarray(words, dtype=np.uint64)  # ids index arrays as well as signed ones
        result = self._unigram_scores[words]
        if self.order < 2 or len(words) == 0:
            return result
        ngrams = (histories[rows] << _BITS) | words  # history + word: the 4-gram key
        full_keys = (ngrams & self._full_masks) | self._full_tags  # (orders, K)
        ctx_keys = (histories & self._ctx_masks) | self._ctx_tags  # (orders, H)
        found, slot = self._table.slots(np.concatenate((full_keys.ravel(), ctx_keys.ravel())))
        levels, n_full = len(full_keys), full_keys.size
        ngram_found = found[:n_full].reshape(levels, -1)
        ngram_logp = self._table.payload_a(slot[:n_full]).reshape(levels, -1)
        ctx_found = found[n_full:].reshape(levels, -1)[:, rows]
        ctx_backoff = self._table.payload_b(slot[n_full:]).reshape(levels, -1)[:, rows]  # 0 if unknown
        ngram_found &= ctx_found  # an n-gram counts only under a context the model knows
        # walk from bigram upward: p_n = found ? logp_n : backoff(context) + p_{n-1}
        for level in range(levels):
            result = np.where(ngram_found[level], ngram_logp[level], result + ctx_backoff[level])
        return result

    def sentence_logprob(self, words: list[str]) -> float:
        """Total log10 probability of one sentence, <s> and </s> included (for tests and scoring)."""
        ids = [self.bos_id] + [self.word_id(w) for w in words] + [self.eos_id]
        width = self.order - 1
        contexts = [([-1] * width + ids[:i])[-width:] for i in range(1, len(ids))]
        return float(self.logprob(np.array(contexts), np.array(ids[1:])).sum())


def tagged_keys(keys: np.ndarray, n: int) -> np.ndarray:
    """Packed ``n``-gram keys with :func:`order_tag` added, in place (the hash table's keys)."""
    keys |= np.uint64(order_tag(n))
    return keys


@lru_cache(maxsize=2)
def load_default_lm(path: str = str(DEFAULT_MODEL)) -> NGramLM:
    return NGramLM.load(Path(path))
