"""Files a scraper produces sooner or later: binaries, UTF-16, lone surrogates, FIFOs, unreadable folders."""

from __future__ import annotations

import json
import os
import signal
import sys

import pytest

from sitrep.errors import InputError
from sitrep.ingest import decode_bytes, read_document, read_jsonl
from sitrep.ingest.folders import Skipped, read_paths
from sitrep.records import Document

ARTICLE = "Gunmen killed 12 people in Kaduna on Monday, police said."


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "ELF executable"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), "JPEG image"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(300), "Windows executable"),
        (b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(256)), "ZIP archive"),
        (bytes(range(1, 32)) * 40, "control bytes"),
        (b"killed " + bytes(100) + b" people", "zero bytes"),
    ],
)
def test_binary_files_are_refused_with_a_one_line_error(tmp_path, data, kind):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert "not a text file" in caught.value.message and kind in caught.value.message
    assert "\n" not in caught.value.message


def test_a_text_opening_with_letters_of_a_signature_is_still_text():
    text, warnings = decode_bytes(b"MZUZU, Malawi - Two people were killed.", origin="x")
    assert text.startswith("MZUZU") and warnings == ()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_is_decoded(tmp_path, encoding):
    path = tmp_path / "article.txt"
    data = ARTICLE.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # these codecs write no byte-order mark
        data = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding] + data
    path.write_bytes(data)
    document = read_document(path)
    assert document.text == ARTICLE and document.warnings == ()


@pytest.mark.parametrize(("encoding", "label"), [("utf-16-le", "UTF-16-LE"), ("utf-16-be", "UTF-16-BE")])
def test_utf16_without_a_byte_order_mark_is_decoded_and_said(tmp_path, encoding, label):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    document = read_document(path)
    assert document.text == ARTICLE
    assert len(document.warnings) == 1 and label in document.warnings[0]


def test_bytes_that_cannot_be_read_as_text_are_said_so(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(bytes(range(128, 256)) * 8)
    with pytest.raises(InputError, match="cannot be read as text"):
        read_document(path)


def test_a_lone_surrogate_in_a_jsonl_line_is_replaced_with_a_warning_and_the_stream_goes_on():
    lines = [json.dumps({"id": "a", "text": ARTICLE}),
             json.dumps({"id": "b", "text": "Gunmen killed 3 people \ud800 in Jos.", "title": "T\udfff"}),
             json.dumps({"id": "c", "text": ARTICLE.replace("12", "14")})]
    documents = list(read_jsonl([line.encode("utf-8") for line in lines], origin="feed.jsonl"))
    assert [d.id for d in documents] == ["a", "b", "c"]
    second = documents[1]
    assert isinstance(second, Document)
    assert second.text == "Gunmen killed 3 people \ufffd in Jos." and second.title == "T\ufffd"
    assert len(second.warnings) == 2 and all("lone surrogate" in w for w in second.warnings)
    second.text.encode("utf-8")  # storable, printable


def test_a_binary_line_in_jsonl_is_an_error_for_that_line_only():
    lines = [json.dumps({"id": "a", "text": ARTICLE}).encode(), b"\x00\x01\x02\x03binary\x00\x00",
             json.dumps({"id": "c", "text": ARTICLE}).encode()]
    items = list(read_jsonl(lines, origin="feed.jsonl"))
    assert isinstance(items[0], Document) and isinstance(items[1], InputError) and isinstance(items[2], Document)
    assert "feed.jsonl:2" in items[1].message


@pytest.fixture
def alarm():
    """Fail instead of hanging: reading a FIFO with no writer blocks forever."""
    def timeout(_signum, _frame):
        raise TimeoutError("reading the folder hung")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_a_folder_is_skipped_not_read(tmp_path, alarm):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(read_paths([tmp_path]))
    assert [i.id for i in items if isinstance(i, Document)] == ["a"]
    (skipped,) = [i for i in items if isinstance(i, Skipped)]
    assert skipped.path.name == "pipe.txt" and "FIFO" in skipped.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_on_the_command_line_is_an_error(tmp_path, alarm):
    os.mkfifo(tmp_path / "pipe.txt")
    (error,) = list(read_paths([tmp_path / "pipe.txt"]))
    assert isinstance(error, InputError) and "FIFO" in error.message


def _deny(monkeypatch, folder):
    """Listing ``folder`` fails as it does without read permission (also when the tests run as root)."""
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_folder_that_cannot_be_read_is_a_failure_not_a_silent_skip(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE, encoding="utf-8")
    _deny(monkeypatch, locked)
    items = list(read_paths([tmp_path]))
    assert [i.id for i in items if isinstance(i, Document)] == ["a"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert "cannot read folder" in error.message and "locked" in error.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_read_permission_is_a_failure(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        items = list(read_paths([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert any(isinstance(i, InputError) and "cannot read folder" in i.message for i in items)
