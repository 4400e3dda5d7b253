"""Typed errors. The library raises them; only the CLI maps them to messages and exit codes."""

from __future__ import annotations


class KehoachError(Exception):
    """Base of every error kehoach raises on purpose."""

    exit_code = 1


class UsageError(KehoachError):
    """The command was called wrongly (bad option, missing file argument)."""

    exit_code = 2


class InputError(KehoachError):
    """One input document cannot be read; the batch goes on, the failure is recorded."""

    exit_code = 1


class EmptyDocumentError(InputError):
    """The file holds no text at all (zero bytes, blank pages)."""


class UnsupportedFormatError(InputError):
    """The file's extension or content is not a format kehoach reads."""


class CorruptFileError(InputError):
    """The file claims a format but its content is broken (truncated PDF, junk named .pdf)."""


class EncryptedPdfError(InputError):
    """The PDF is encrypted and no (correct) password was given."""


class ResourceLimitError(InputError):
    """The document exceeds a configured limit (pages, pixels, time)."""


class OcrError(InputError):
    """Tesseract is missing or failed on a page."""


class ReadOnlyQueryError(KehoachError):
    """``kehoach query`` was given a statement that would write."""

    exit_code = 2


class StoreError(KehoachError):
    """The store cannot be opened or migrated."""

    exit_code = 1
