import json
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.folders import Skipped, expand_paths, read_paths
from sitrep.records import Document


def make_tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text("Three people were killed in Arden on Monday.", encoding="utf-8")
    (root / "sub" / "b.json").write_text(json.dumps({"id": "b", "text": "A report."}), encoding="utf-8")
    (root / "sub" / "deeper" / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "First."}) + "\nnot json\n"
        + json.dumps({"id": "c2", "text": "Second."}) + "\n", encoding="utf-8")
    (root / "sub" / "photo.png").write_bytes(b"\x89PNG")
    (root / "empty.txt").write_text("   ", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")


def test_folders_are_read_recursively_in_order(tmp_path):
    make_tree(tmp_path)
    items = list(read_paths([tmp_path]))
    documents = [i.id for i in items if isinstance(i, Document)]
    assert documents == ["a", "b", "c1", "c2"]  # a folder's files before its sub-folders


def test_unknown_suffixes_are_skipped_with_a_reason(tmp_path):
    make_tree(tmp_path)
    skipped = [i for i in read_paths([tmp_path]) if isinstance(i, Skipped)]
    assert [s.path.name for s in skipped] == ["photo.png"]
    assert ".png" in skipped[0].reason


def test_bad_files_and_records_come_out_as_errors_naming_them(tmp_path):
    make_tree(tmp_path)
    errors = [i for i in read_paths([tmp_path]) if isinstance(i, InputError)]
    messages = sorted(e.message for e in errors)
    assert any("c.jsonl:2" in m and "invalid JSON" in m for m in messages)
    assert any("empty.txt" in m and "empty" in m for m in messages)


def test_a_named_file_is_read_whatever_its_suffix(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("Two were wounded.", encoding="utf-8")
    (document,) = read_paths([path])
    assert document.text == "Two were wounded."


def test_a_missing_path_is_an_error(tmp_path):
    (item,) = expand_paths([tmp_path / "nowhere"])
    assert isinstance(item, InputError)
    assert "no such file or folder" in item.message
