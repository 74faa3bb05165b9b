"""Press-release reuse on the seeds and on cases written for the test: offsets, kinds, shares."""

import functools
import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.cli import main
from framing.reuse import SourceIndex, among, prepare

from .conftest import SEEDS, seed_path

SCHEMA = json.loads((Path(__file__).parent / "data" / "score.schema.json").read_text("utf-8"))
REUSE_SCHEMA = {**SCHEMA["properties"]["reuse"], "$defs": SCHEMA["$defs"]}

RELEASE = (
    "Lyon, le 3 juin 2025. Velora inaugure aujourd'hui sa première usine de vélos cargo à "
    "Vénissieux, un site de 12 000 mètres carrés qui emploiera 180 salariés d'ici la fin de "
    "l'année prochaine. « Nous faisons le pari d'une production locale, sobre et exigeante, au "
    "plus près de nos clients », a déclaré Claire Mounier, présidente de Velora. L'usine "
    "assemblera 40 000 vélos par an, avec des cadres soudés sur place et des batteries "
    "reconditionnées dans la région.\n\nÀ propos de Velora\nVelora conçoit et fabrique des "
    "vélos cargo électriques pour les familles et les artisans depuis 2017."
)


def test_other_seeds_are_not_reprints(seed_reuse):
    for seed in ("000", "002", "003"):
        assert seed_reuse[seed].kind != "verbatim", seed
    assert seed_reuse["004"].kind == "verbatim"
    assert seed_reuse["004"].identical_to == "004"


def test_passages_conform_and_point_at_real_text(seed_reuse, seed_texts):
    for seed, found in seed_reuse.items():
        jsonschema.validate(found.to_dict(), REUSE_SCHEMA)
        for p in found.passages:
            assert 0 <= p.article_start < p.article_end <= len(seed_texts[seed])
            assert 0 <= p.source_start < p.source_end <= len(seed_texts["004"])


def test_near_verbatim_copy_with_typography_and_a_changed_word():
    article = (
        "VÉLOS. Velora inaugure aujourd’hui sa première usine de vélos cargo à Vénissieux, un site "
        "de 12 000 mètres carrés qui emploiera 180 personnes d’ici la fin de l’année prochaine. "
        "Le maire n'était pas présent. \"Nous faisons le pari d'une production locale, sobre et "
        "exigeante, au plus près de nos clients\", a déclaré Claire Mounier, présidente de Velora."
    )
    found = SourceIndex([("velora", RELEASE)]).compare(article)
    kinds = [p.kind for p in found.passages]
    assert found.kind == "verbatim" and found.source == "velora"
    assert "near" in kinds  # "salariés" became "personnes"
    assert 0.6 < found.article_share < 1.0
    # The quote is found although its quotation marks and apostrophes changed.
    quote = article.index("Nous faisons")
    assert any(p.article_start <= quote < p.article_end for p in found.passages)


def test_the_about_paragraph_does_not_count_as_reuse():
    article = ("Un article sans rapport avec l'usine. Velora conçoit et fabrique des vélos cargo "
               "électriques pour les familles et les artisans depuis 2017.")
    found = SourceIndex([("velora", RELEASE)]).compare(article)
    assert found.kind == "none" and found.passages == []


def test_shared_facts_in_new_sentences_are_not_reuse():
    article = (
        "À Vénissieux, le fabricant Velora ouvre ce mardi un atelier de 12 000 mètres carrés. "
        "Claire Mounier, qui dirige l'entreprise, y prévoit 180 emplois et une cadence de "
        "40 000 vélos cargo chaque année, un pari sur la fabrication française."
    )
    found = SourceIndex([("velora", RELEASE)]).compare(article)
    assert found.kind == "none", found.passages


def test_among_groups_articles_sharing_a_release(seed_texts):
    copy_a = "Selon nos informations. " + RELEASE[:420]
    copy_b = RELEASE[:430] + " Fin de l'article."
    found = among([("a", copy_a), ("b", copy_b), ("other", seed_texts["003"])])
    assert found["a"].cluster == found["b"].cluster == 1
    assert found["a"].shares_with == ["b"] and found["other"].cluster is None


words = st.text(alphabet="abcdeéfg ’'«»,.\n", min_size=0, max_size=300)


@settings(max_examples=60, deadline=None)
@given(words, words)
def test_offsets_in_bounds_and_ordered(article, source):
    found = SourceIndex([("s", source)]).compare(article)
    for p in found.passages:
        assert 0 <= p.article_start < p.article_end <= len(article)
        assert 0 <= p.source_start < p.source_end <= len(source)
    starts = [p.article_start for p in found.passages]
    assert starts == sorted(starts)
    assert 0.0 <= found.article_share <= 1.0 and 0.0 <= found.source_share <= 1.0


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=400).filter(str.strip))
def test_identical_texts_give_share_one(text):
    found = SourceIndex([("s", text)]).compare(text)
    assert found.article_share == 1.0 and found.identical_to == "s"


def test_unrelated_texts_give_zero(seed_texts):
    found = SourceIndex([("s", RELEASE)]).compare(seed_texts["003"])
    assert found.article_share == 0.0 and found.kind == "none"


def test_results_do_not_depend_on_source_order(seed_texts):
    sources = [("004", seed_texts["004"]), ("velora", RELEASE), ("002", seed_texts["002"])]
    first = SourceIndex(sources).compare(seed_texts["001"])
    second = SourceIndex(sources[::-1]).compare(seed_texts["001"])
    assert first == second


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(4)), st.lists(st.integers(0, 39), min_size=3, max_size=12))
def test_source_order_never_changes_the_result(order, picks):
    """Sources made of seed sentences (so that they overlap each other and the article), given
    in any order, give the same record."""
    sentences = _seed_sentences()
    sources = [(f"s{k}", " ".join(sentences[(k * 7 + j) % len(sentences)] for j in range(10)))
               for k in range(4)]
    article = " ".join(sentences[i % len(sentences)] for i in picks)
    first = SourceIndex(sources).compare(article)
    assert SourceIndex([sources[k] for k in order]).compare(article) == first


@functools.cache
def _seed_sentences() -> list[str]:
    text = seed_path("001").read_text("utf-8")
    return [text[s.start : s.end] for s in prepare("001", text).sentences
            if len(s.tokens) >= 8][:40]


def test_cli_reuse_reports_bad_sources_and_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    result = CliRunner().invoke(main, ["reuse", "--json", str(seed_path("001")), "--sources",
                                       str(tmp_path), "--sources", str(seed_path("004"))])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["reuse"]["kind"] == "translated"


def test_cli_score_with_sources_fills_reuse():
    result = CliRunner().invoke(main, ["score", "--json", "--no-model", str(SEEDS), "--sources",
                                       str(seed_path("004"))])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    for record in out:
        jsonschema.validate(record, SCHEMA)
    kinds = {r["id"][:3]: r["reuse"]["kind"] for r in out}
    assert kinds["001"] == "translated" and kinds["004"] == "verbatim"


def test_held_out_reuse_check_set():
    """The labelled reuse check set (tests/data/reuse/check, never used for tuning): article
    kinds and reused shares; `python benchmarks/reuse_accuracy.py` prints the details."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from reuse_accuracy import evaluate

    result = evaluate(Path(__file__).parent / "data" / "reuse" / "check")
    assert result["articles"] >= 40
    assert result["accuracy"] >= 0.9
    assert result["share_mae"] <= 0.06
    assert result["per_kind"]["none"]["precision"] == 1.0  # shared facts are not reuse
    assert result["per_kind"]["translated"]["recall"] >= 0.85
