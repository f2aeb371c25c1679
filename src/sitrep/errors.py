"""Narrow exceptions raised by the library.

The CLI and the HTTP layer turn these into one error shape:
``{"code": str, "message": str}``; the message names the input and the problem.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class. ``code`` is a stable machine-readable identifier."""

    code = "error"

    def __init__(self, message: str, *, source: str | None = None, record_id: str | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.record_id = record_id  # the id of the batch record that failed, when it has one

    @property
    def message(self) -> str:
        """"source: problem", writable as UTF-8 (a lone surrogate, e.g. from a file name that is
        not UTF-8, becomes "?")."""
        text = str(self.args[0]) if self.args else self.code
        message = f"{self.source}: {text}" if self.source else text
        return message.encode("utf-8", "replace").decode("utf-8")

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


class InputError(SitrepError):
    """An input (file, line, record) cannot be read or is not what it claims to be."""

    code = "input_error"


class ExtractionError(SitrepError):
    """Extraction failed on one document (a defect in sitrep, reported with the document)."""

    code = "extraction_error"


class GazetteerError(SitrepError):
    """The gazetteer cannot be built, loaded or imported into."""

    code = "gazetteer_error"


class StoreError(SitrepError):
    """The incident store cannot be opened, migrated or written."""

    code = "store_error"


class GoldFileError(InputError):
    """A gold file for ``sitrep eval`` is malformed."""

    code = "gold_file_error"
