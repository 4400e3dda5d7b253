"""Extractors: pure functions over a ``str`` that yield typed annotations (see ``types``).

Each module exposes ``extract_<things>(text) -> list[...]``; ``extract_all`` composes them.
They know nothing of files, OCR or the database.
"""

from extractors.types import Extraction

__all__ = ["Extraction", "extract_all"]


def extract_all(text: str) -> Extraction:
    """Run every extractor over ``text`` and return one :class:`Extraction`."""
    from extractors.compose import extract_all as _extract_all

    return _extract_all(text)


#: Recorded per stored document; bump it when an extractor's output changes, and
#: ``kehoach ingest`` re-extracts those documents from their stored text (no OCR again).
EXTRACTOR_VERSION = "90"
