"""--engine dask against expectations written by hand, not only against the local engine (a bug
both engines shared would pass test_dask.py): small articles, one per JSONL line across two
partitions, whose labels, reuse kinds, shares and errors are known from the text (the same
cases as test_rules_tone.py and test_rules_reuse.py)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing.cli import main

from .test_rules_reuse import RELEASE_FR

distributed = pytest.importorskip("distributed")

NINE = ("Nantes accueillera bientôt un nouvel atelier. L'entreprise Solvéo ouvre un atelier de "
        "réparation de panneaux solaires, selon la mairie, qui y voit une bonne nouvelle pour "
        "l'emploi local.")
TEN = NINE.replace("solaires,", "solaires à Saint-Herblain,")
PART_1 = [
    {"id": "negated", "text": "Ce n'est pas un succès."},
    {"id": "praised", "text": "C'est un succès."},
    {"id": "nine", "text": NINE},
]
PART_2 = [
    {"id": "ten", "text": TEN},
    {"id": "reprint", "text": RELEASE_FR},
    {"id": "no-text", "text": 5},
    {"id": "praised", "text": "La plateforme est innovante."},  # a second "praised"
]


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask-expected")
    for name, part in (("part-0.jsonl", PART_1), ("part-1.jsonl", PART_2)):
        (root / name).write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in part),
                                 encoding="utf-8")
    release = root / "release.txt"
    release.write_text(RELEASE_FR, encoding="utf-8")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = CliRunner().invoke(main, [
            "score", str(root / "part-0.jsonl"), str(root / "part-1.jsonl"), "--json",
            "--no-model", "--sources", str(release), "--engine", "dask",
            "--scheduler", cluster.scheduler_address], catch_exceptions=False)
    assert result.exit_code == 1, result.output  # one document failed: the exit says so
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_records_come_back_in_input_order_with_their_ids(records):
    assert [r["id"] for r in records] == ["negated", "praised", "nine", "ten", "reprint",
                                          "no-text", "praised"]


def test_labels_are_the_rules_labels(records):
    by_id = {r["id"]: r for r in records[:5]}
    assert [s["label"] for s in by_id["negated"]["framing"]["sentences"]] == ["critical"]
    assert by_id["negated"]["framing"]["label"] == "critical"
    assert [s["label"] for s in by_id["praised"]["framing"]["sentences"]] == ["promotional"]
    assert by_id["praised"]["framing"]["label"] == "promotional"


def test_reuse_is_the_rules_reuse(records):
    by_id = {r["id"]: r["reuse"] for r in records[:5]}
    assert by_id["nine"]["kind"] == "none"
    assert (by_id["ten"]["kind"], by_id["ten"]["article_share"]) == ("partial", round(10 / 32, 4))
    assert by_id["ten"]["source_share"] == round(10 / 22, 4)
    assert by_id["reprint"]["kind"] == "verbatim"
    assert by_id["reprint"]["article_share"] == by_id["reprint"]["source_share"] == 1.0
    assert by_id["reprint"]["identical_to"] == "release"


def test_errors_are_the_rules_errors(records):
    assert records[5]["error"]["code"] == "missing_column"
    assert "line 3" in records[5]["error"]["message"]
    assert records[6]["error"]["code"] == "duplicate_id"
