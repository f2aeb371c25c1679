"""On a real local Dask cluster (two worker processes), distributed runs give what serial runs give:
the same lines in input order from ``extract``, the same incidents after ``ingest``."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.scale.cluster import dask_client
from sitrep.scale.run import extract_lines, extract_to_shards, extracted_items
from sitrep.store import IncidentStore
from sitrep.store.bulk import load

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple[Path, Path]:
    """The fixture articles as two JSONL files (one gzip), with bad lines and a repeated article."""
    folder = tmp_path_factory.mktemp("inputs")
    rows = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8"),
                        **({"published": f"2024-05-{n + 10}"} if n % 3 else {})})
            for n, p in enumerate(sorted(ARTICLES.glob("*.txt")))]
    first = rows[:7] + ["{broken", json.dumps({"id": "no-text", "title": "empty"}), rows[2]]
    second = rows[7:] + [json.dumps({"text": "An article without an id: two men were shot dead in Harlow."})]
    (folder / "one.jsonl").write_text("\n".join(first) + "\n", encoding="utf-8")
    (folder / "two.jsonl.gz").write_bytes(gzip.compress(("\n".join(second) + "\n").encode("utf-8")))
    return folder / "one.jsonl", folder / "two.jsonl.gz"


def cli(capsys, *argv) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def serial_lines(capsys, path: Path) -> list[str]:
    if path.suffix == ".gz":
        plain = path.with_suffix("")  # a serial run reads plain JSONL
        plain.write_bytes(gzip.decompress(path.read_bytes()))
        path = plain
    return cli(capsys, "extract", "--jsonl", str(path), "--published", "2024-06-01").splitlines()


@pytest.mark.parametrize("partition_size", [1, 3, 200])
def test_extract_prints_the_serial_lines_in_input_order(client, inputs, capsys, partition_size):
    one, two = inputs
    serial = serial_lines(capsys, one) + [
        line.replace('"two.jsonl:', '"two.jsonl.gz:') for line in serial_lines(capsys, two)]
    distributed = list(extract_lines(client, [str(one), str(two)], published=dt.date(2024, 6, 1),
                                     partition_size=partition_size))
    assert len(distributed) == 16
    assert distributed == serial


def test_extract_on_the_command_line_with_a_scheduler_prints_what_a_serial_run_prints(client, inputs, capsys):
    one, _ = inputs
    serial = cli(capsys, "extract", "--jsonl", str(one))
    distributed = cli(capsys, "extract", "--jsonl", str(one), "--scheduler", client.scheduler.address)
    assert distributed == serial


def incidents(capsys, db: Path) -> list:
    return json.loads(cli(capsys, "incidents", "--db", str(db), "--format", "json"))


def test_ingest_on_a_cluster_and_from_shards_stores_the_incidents_a_serial_ingest_stores(
        client, inputs, capsys, tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(ARTICLES, folder)
    shutil.copy(inputs[0], folder / "one.jsonl")
    cli(capsys, "ingest", str(folder), "--db", str(tmp_path / "serial.db"))
    cli(capsys, "ingest", str(folder), "--db", str(tmp_path / "cluster.db"),
        "--scheduler", client.scheduler.address)
    cli(capsys, "extract", "--jsonl", str(folder / "one.jsonl"), "--scheduler", client.scheduler.address,
        "--out", str(tmp_path / "results"))
    cli(capsys, "ingest", str(ARTICLES), "--db", str(tmp_path / "shards.db"))
    cli(capsys, "ingest", "--results", str(tmp_path / "results"), "--db", str(tmp_path / "shards.db"))
    serial = incidents(capsys, tmp_path / "serial.db")
    assert len(serial) >= 12
    assert incidents(capsys, tmp_path / "cluster.db") == serial
    assert incidents(capsys, tmp_path / "shards.db") == serial


def test_small_partitions_load_into_the_store_as_a_serial_ingest(client, inputs, capsys, tmp_path):
    one, _ = inputs
    cli(capsys, "ingest", str(one), "--db", str(tmp_path / "serial.db"))
    with IncidentStore(tmp_path / "cluster.db") as store:
        report = load(extracted_items(client, [str(one)], partition_size=2), store=store, batch_size=3)
    assert (report.added, report.duplicates, len(report.failures)) == (7, 1, 2)
    assert incidents(capsys, tmp_path / "cluster.db") == incidents(capsys, tmp_path / "serial.db")


def test_shards_go_one_per_partition_into_a_new_folder_and_never_over_old_ones(client, inputs, tmp_path):
    report = extract_to_shards(client, [str(p) for p in inputs], out=str(tmp_path / "r"), partition_size=4)
    assert (report.records, report.errors) == (16, 2)
    assert [Path(s).name for s in report.shards] == [f"part-{n:06d}.jsonl.gz" for n in range(5)]
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == [Path(s).name for s in report.shards]
    with pytest.raises(Exception, match="already holds result shards"):
        extract_to_shards(client, [str(inputs[0])], out=str(tmp_path / "r"))
