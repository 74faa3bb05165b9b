"""Who copies whom (framing.churn): publication times, copy edges and their direction, clusters
and first publishers, the outlets' figures, on records built by hand; then `framing report
--among` on generated cascades whose truth is known (tests/cascade_generator.py)."""

import csv
import json
from datetime import datetime

import pytest

from framing import churn
from framing.churn import MIN_COPY_WORDS, ArticleChurn, Copy, When, edges, firsts, outlets, when
from framing.reuse.found import Passage, Reuse, SourceShare


def reuse(*shares: tuple[str, int, str]) -> Reuse:
    """A reuse record among articles: (other article, words taken from it, kind) each."""
    passages = [Passage(other, 0, 10, 0, 10, "verbatim", 1.0, words, words)
                for other, words, _ in shares]
    sources = [SourceShare(other, kind, 0.5, 0.5, 1) for other, _, kind in shares]
    return Reuse(shares[0][0] if shares else None, "partial" if shares else "none", 0.5, 0.5,
                 max((w for _, w, _ in shares), default=0), None, sources, passages)


def test_publication_time_from_date_and_time():
    assert when({"date": "2024-05-13T10:32:00+02:00"}) == When(datetime(2024, 5, 13, 8, 32), True)
    assert when({"date": "2024-05-13", "time": "09:05"}) == When(datetime(2024, 5, 13, 9, 5), True)
    assert when({"date": "2024-05-13"}) == When(datetime(2024, 5, 13), False)
    assert when({"date": "2024-05-13", "time": "midi"}) == When(datetime(2024, 5, 13), False)
    assert when({"date": "le 13 mai"}) is None and when({}) is None


DATES = {
    "a": When(datetime(2024, 5, 13, 10, 0), True),
    "b": When(datetime(2024, 5, 13, 12, 30), True),  # 2.5 h after a
    "c": None,  # undated
    "d": When(datetime(2024, 5, 13, 10, 0), True),  # the same minute as a
    "e": When(datetime(2024, 5, 15), False),  # a date alone
}
OUTLETS = {"a": "Le Monde", "b": "Ouest-France", "c": "Blog", "d": "AFP", "e": "Les Echos"}


def test_copy_edges_run_from_the_earlier_article_and_say_ties_and_undated_pairs():
    found = {
        "a": reuse(),
        "b": reuse(("a", 40, "verbatim")),  # b took 40 words of a
        "c": reuse(("a", MIN_COPY_WORDS, "partial")),  # just enough to be a copy
        "d": reuse(("a", 30, "translated")),
        "e": reuse(("b", 22, "partial"), ("a", MIN_COPY_WORDS - 1, "partial")),
    }
    got = {(c.source, c.copy): c for c in edges(found, DATES, OUTLETS)}
    assert set(got) == {("a", "b"), ("a", "c"), ("a", "d"), ("b", "e")}  # e-a: a stock phrase
    assert got["a", "b"] == Copy("a", "b", "Le Monde", "Ouest-France", 40, 2.5, "forward",
                                 "verbatim")
    assert got["a", "c"].direction == "undated" and got["a", "c"].delay_hours is None
    assert got["a", "d"].direction == "tie" and got["a", "d"].delay_hours == 0.0
    # e has a date alone: the delay is counted in whole days (13 May to 15 May).
    assert got["b", "e"].delay_hours == 48.0 and got["b", "e"].direction == "forward"


def test_an_earlier_article_found_only_by_the_later_ones_search_is_still_the_source():
    found = {"b": reuse(), "a": reuse(("b", 35, "near"))}  # only a's record names the pair
    (copy,) = edges(found, DATES, OUTLETS)
    assert (copy.source, copy.copy, copy.words) == ("a", "b", 35)


def test_clusters_and_their_first_publishers():
    copies = [
        Copy("a", "b", "", "", 40, 2.5, "forward", "verbatim"),
        Copy("a", "d", "", "", 30, 0.0, "tie", "verbatim"),
        Copy("a", "c", "", "", 25, None, "undated", "partial"),
        Copy("x", "y", "", "", 50, None, "undated", "partial"),
    ]
    dates = {**DATES, "x": None, "y": None}
    first, second = firsts(copies, dates)
    assert first.cluster == 1 and first.first == ("a", "d")  # a and d published together
    assert first.delays == {"a": 0.0, "d": 0.0, "b": 2.5} and first.undated == ("c",)
    assert second.first == () and second.undated == ("x", "y")


def test_outlet_figures():
    articles = [
        ArticleChurn("a", "Le Monde", 100, 100, "original", 0),
        ArticleChurn("b", "Ouest-France", 200, 50, "reprint with commentary", 1),
        ArticleChurn("f", "Ouest-France", 100, 10, "reprint", 0),
        ArticleChurn("g", "Ouest-France", 100, 70, "rewrite", 0),
    ]
    copies = [Copy("a", "b", "Le Monde", "Ouest-France", 150, 2.0, "forward", "verbatim"),
              Copy("a", "f", "Le Monde", "Ouest-France", 90, 5.0, "forward", "verbatim"),
              Copy("b", "g", "Ouest-France", "Ouest-France", 30, 30.0, "forward", "partial")]
    first = firsts(copies, {"a": DATES["a"], "b": DATES["b"], "f": DATES["b"], "g": DATES["b"]})
    ouest, monde = outlets(articles, copies, first)
    assert ouest.outlet == "Ouest-France" and ouest.articles == 3 and ouest.words == 400
    assert ouest.originality == 0.325  # (50 + 10 + 70) / 400
    assert ouest.median_delay_hours == 5.0  # of 2, 5 and 30 h
    assert ouest.reprint_share == round(2 / 3, 4) and ouest.commentary_share == 0.5
    assert ouest.independent_share == round(1 / 3, 4) and ouest.copying_articles == 3
    assert monde.originality == 1.0 and monde.first_publisher == 1
    assert monde.commentary_share is None and monde.median_delay_hours is None


def test_covered_words_count_overlaps_once():
    text = "one two three four five six seven eight"
    # "one two three" and "two three four" overlap: one..four once, then "seven eight".
    assert churn.covered_words(text, [(0, 13), (4, 18), (28, 39)]) == 6


@pytest.fixture(scope="module")
def cascade_report(tmp_path_factory):
    """`framing report --among` on three generated French cascades (12 articles)."""
    import subprocess
    import sys

    from .cascade_generator import generate

    truth = generate(3, lang="fr")
    folder = tmp_path_factory.mktemp("cascades")
    with (folder / "articles.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["id", "text", "date", "outlet"])
        writer.writeheader()
        writer.writerows(truth.articles)
    (folder / "releases").mkdir()
    for release_id, text in truth.releases:
        (folder / "releases" / f"{release_id}.txt").write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "framing", "report", str(folder / "articles.csv"),
                    "--sources", str(folder / "releases"), "--among", "--out",
                    str(folder / "report"), "--quiet"], check=True, capture_output=True)
    return truth, folder / "report"


def test_reuse_among_says_who_copied_whom_by_date(cascade_report, tmp_path):
    import subprocess
    import sys

    truth, report = cascade_report
    articles = report.parent / "articles.csv"
    run = subprocess.run([sys.executable, "-m", "framing", "reuse", str(articles), "--among",
                          "--copies", str(tmp_path / "copies.csv")],
                         check=True, capture_output=True, text=True)
    clusters = [line for line in run.stdout.splitlines() if line.startswith("cluster ")]
    assert len(clusters) == 3
    assert clusters[0].startswith("cluster 1: first c000-first (outlet-")
    assert "2024-05-13T08:30); c000-copy +1.5 h (outlet-" in clusters[0]
    assert "c000-rewrite +23.5 h" in clusters[0] and "copied c000-copy, c000-first)" in clusters[0]
    copies = list(csv.DictReader((tmp_path / "copies.csv").open(encoding="utf-8")))
    assert {(c["from"], c["to"]) for c in copies if c["direction"] == "forward"} == truth.edges
    lines = subprocess.run([sys.executable, "-m", "framing", "reuse", str(articles), "--among",
                            "--json"], check=True, capture_output=True, text=True).stdout
    places = {json.loads(line)["id"]: json.loads(line).get("churn")
              for line in lines.splitlines()}
    assert places["c001-copy"] == {"cluster": 2, "first": False, "delay_hours": 1.5,
                                   "copied_from": ["c001-first"]}
    assert places["c001-original"] is None  # in no cluster


def test_report_among_finds_the_planted_cascades(cascade_report):
    truth, out = cascade_report
    copies = list(csv.DictReader((out / "copies.csv").open(encoding="utf-8")))
    assert {(c["from"], c["to"]) for c in copies if c["direction"] == "forward"} == truth.edges
    delays = {(c["from"], c["to"]): float(c["delay_hours"]) for c in copies}
    assert delays["c000-first", "c000-copy"] == 1.5  # 08:30 and 10:00
    assert delays["c000-first", "c000-rewrite"] == 23.5
    # Both relay the release: the rewrite shares only release sentences with the first
    # article; the copy also took the first article's own lead (under 25 words).
    by_pair = {(c["from"], c["to"]): c for c in copies}
    rewrite, copy = by_pair["c000-first", "c000-rewrite"], by_pair["c000-first", "c000-copy"]
    assert int(rewrite["release_words"]) == int(rewrite["words"])
    assert 12 <= int(copy["words"]) - int(copy["release_words"]) < 25
    clusters = list(csv.DictReader((out / "clusters.csv").open(encoding="utf-8")))
    assert [c["first"] for c in clusters] == ["c000-first", "c001-first", "c002-first"]


def test_report_among_gives_each_article_its_verdict_and_original_share(cascade_report):
    truth, out = cascade_report
    records = {json.loads(line)["id"]: json.loads(line)
               for line in (out / "records.jsonl").read_text("utf-8").splitlines()}
    rows = {r["id"]: r for r in csv.DictReader((out / "scores.csv").open(encoding="utf-8"))}
    for article_id, verdict in truth.verdict.items():
        assert records[article_id]["added_value"]["verdict"] == verdict, article_id
        assert float(rows[article_id]["original_share"]) == pytest.approx(
            truth.original_share[article_id], abs=0.02)
    copy = records["c000-copy"]["added_value"]
    assert copy["commentary"] == "critical"
    # The copy took the first article's own lead too: it is measured against that article.
    assert rows["c000-copy"]["copied_from"] == "c000-first"
    outlet_rows = list(csv.DictReader((out / "outlets.csv").open(encoding="utf-8")))
    assert sum(int(o["articles"]) for o in outlet_rows) == 12
    assert sum(int(o["first_publisher"]) for o in outlet_rows) == 3
    for chart in ("copy_matrix", "originality", "copy_delays", "relay"):
        assert (out / "charts" / f"{chart}.svg").exists()
    index = (out / "index.html").read_text("utf-8")
    assert "Who copies whom: outlets" in index and "Heatmap of words copied between" in index


def test_report_among_without_releases_measures_copies_against_earlier_articles(cascade_report,
                                                                               tmp_path):
    """No --sources: the first article copied nothing earlier and has no added value; the copy
    is measured against the first article."""
    import subprocess
    import sys

    _, report = cascade_report
    subprocess.run([sys.executable, "-m", "framing", "report", str(report.parent / "articles.csv"),
                    "--among", "--no-charts", "--quiet", "--out", str(tmp_path / "r")],
                   check=True, capture_output=True)
    rows = {r["id"]: r for r in
            csv.DictReader((tmp_path / "r" / "scores.csv").open(encoding="utf-8"))}
    assert rows["c000-first"]["added_verdict"] == "" and rows["c000-first"]["copied_from"] == ""
    assert rows["c000-copy"]["added_verdict"] == "reprint with commentary"
    assert rows["c000-copy"]["copied_from"] == "c000-first"
