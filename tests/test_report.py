"""`framing report` as a researcher runs it: every file, determinism, resume, bad and hostile
input, and the pages opened in a real browser (headless Chromium)."""

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main, printing, reporting

from .conftest import HOSTILE, browser, open_in_chromium, seed_path

RELEASE = seed_path("004")
# The study `make report` runs: the four articles against the press release they cover.
ARTICLES = [seed_path(n) for n in ("000", "001", "002", "003")]


def report(*args):
    return CliRunner().invoke(main, ["report", "--quiet", *map(str, args)],
                              catch_exceptions=False)


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    """The study's report, made with the progress bar on (stderr is no terminal here: the bar
    is drawn into progress.txt beside the report folder)."""
    out = tmp_path_factory.mktemp("report") / "seeds"
    with (out.parent / "progress.txt").open("w", encoding="utf-8") as bar, \
            pytest.MonkeyPatch.context() as patch:
        patch.setattr(reporting, "report_progress",
                      lambda show: printing.report_progress(show, bar))
        result = CliRunner().invoke(main, ["report", *map(str, ARTICLES), "--sources",
                                           str(RELEASE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the bar and the summary are on stderr
    return out


def test_the_progress_bar_covers_every_phase_and_ends_at_100(seed_report):
    states = (seed_report.parent / "progress.txt").read_bytes().decode("utf-8").split("\r")
    assert states[-1].endswith("] 100%\n")
    assert states[-1].startswith("scoring and reuse, article pages, charts, index page [")
    percents = [int(re.search(r"\] +(\d+)%", s)[1]) for s in states if s]
    assert percents == sorted(percents) and percents[0] == 0  # never back
    assert percents.count(100) == 1  # 100 % once everything is written, not before
    phases = {s.split(" [")[0] for s in states[:-1] if s}
    assert phases == {"scoring and reuse", "article pages", "charts", "index page"}


def test_quiet_draws_no_bar():
    assert printing.report_progress(False, io.StringIO()) is None


def test_report_writes_every_file(seed_report):
    out = seed_report
    scores = rows(out / "scores.csv")
    assert [r["id"][:3] for r in scores] == ["000", "001", "002", "003"]
    reuse = {r["id"][:3]: r["reuse_kind"] for r in scores}
    # 001 relays the French version of the English release; 000 and 003 rewrite it.
    assert reuse["001"] == "translated" and reuse["000"] == reuse["003"] == "none"
    assert all(float(r["reuse_article_share"]) < 1 for r in scores)  # no article is the release
    passages = rows(out / "passages.csv")
    assert passages and all(p["source"].startswith("004") for p in passages)
    assert {p["id"][:3] for p in passages} <= {"001", "002"}
    assert rows(out / "errors.csv") == []
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert [i["id"][:3] for i in manifest["inputs"]] == ["000", "001", "002", "003"]
    assert [s["id"][:3] for s in manifest["sources"]] == ["004"]
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"] + manifest["sources"])
    assert manifest["fingerprint"]["lexicons_sha256"] and manifest["libraries"]["click"]
    index = (out / "index.html").read_text("utf-8")
    for page in (out / "articles").glob("*.html"):
        assert f"articles/{page.name}" in index
    assert len(list((out / "articles").glob("*.html"))) == 4
    assert (out / "charts" / "sentence_strip.svg").exists()


def test_passages_csv_quotes_both_texts(seed_report, seed_texts):
    for p in rows(seed_report / "passages.csv"):
        article = seed_texts[p["id"][:3]]
        assert article[int(p["article_start"]) : int(p["article_end"])] == p["article_text"]
        release = seed_texts["004"]
        assert release[int(p["source_start"]) : int(p["source_end"])] == p["source_text"]


def test_two_runs_give_identical_results(seed_report, tmp_path):
    again = tmp_path / "again"
    report(*ARTICLES, "--sources", RELEASE, "--out", again)
    for name in ("scores.csv", "scores.jsonl", "passages.csv", "records.jsonl",
                 "charts/framing_map.svg", "charts/sentence_strip.svg"):
        assert (again / name).read_bytes() == (seed_report / name).read_bytes(), name


def test_resume_skips_articles_already_scored(seed_report, tmp_path):
    out = tmp_path / "resumed"
    shutil.copytree(seed_report, out)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for article in ARTICLES:
        shutil.copy(article, corpus)
    changed = next(corpus.glob("003_*.txt"))
    changed.write_text(changed.read_text("utf-8") + "\nUne phrase ajoutée.", encoding="utf-8")
    result = report(corpus, "--sources", RELEASE, "--out", out, "--resume")
    assert "(3 resumed)" in result.stderr
    assert len(rows(out / "scores.csv")) == 4


def test_resume_gives_the_same_report_and_takes_metadata_as_it_is_now(tmp_path):
    """Two outlets printing the same wire story share a sha256: each keeps its own outlet, and
    an outlet corrected since the last run is the corrected one. The resumed report equals a
    fresh one; scores.jsonl is not needed (records.jsonl holds what is resumed)."""
    wire = seed_path("002").read_text(encoding="utf-8")
    table = tmp_path / "articles.csv"

    def write(outlet_b: str) -> None:
        with table.open("w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            out.writerow(["id", "outlet", "text"])
            out.writerows([["a", "Le Matin", wire], ["b", outlet_b, wire]])

    write("Le Soir")
    assert report(table, "--out", tmp_path / "resumed").exit_code == 0
    (tmp_path / "resumed" / "scores.jsonl").unlink()
    write("La Voix")  # corrected
    result = report(table, "--out", tmp_path / "resumed", "--resume")
    assert "(2 resumed)" in result.stderr
    outlets = {r["id"]: r["meta_outlet"] for r in rows(tmp_path / "resumed" / "scores.csv")}
    assert outlets == {"a": "Le Matin", "b": "La Voix"}
    assert report(table, "--out", tmp_path / "fresh").exit_code == 0
    for name in ("scores.csv", "scores.jsonl", "records.jsonl", "passages.csv"):
        assert ((tmp_path / "resumed" / name).read_bytes()
                == (tmp_path / "fresh" / name).read_bytes()), name


def test_resume_with_another_forced_language_scores_again(seed_report, tmp_path):
    out = tmp_path / "resumed"
    shutil.copytree(seed_report, out)
    result = report(*ARTICLES, "--sources", RELEASE, "--out", out, "--resume", "--lang", "en")
    assert "(0 resumed)" in result.stderr
    languages = {r["id"][:3]: r["language"] for r in rows(out / "scores.csv")}
    assert languages["003"] == "en"  # a French article, read as English as asked


def test_bad_inputs_are_listed_and_the_rest_is_reported(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path("003"), corpus)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "bad_release.txt").write_text("  ", encoding="utf-8")
    out = tmp_path / "out"
    result = report(corpus, "--sources", tmp_path / "bad_release.txt", "--sources", RELEASE,
                    "--out", out)
    assert result.exit_code == 1
    errors = {(e["role"], Path(e["path"]).name, e["code"]) for e in rows(out / "errors.csv")}
    assert errors == {("article", "empty.txt", "empty"), ("article", "binary.txt", "binary"),
                      ("source", "bad_release.txt", "empty")}
    assert len([r for r in rows(out / "scores.csv") if not r["error_code"]]) == 1
    assert "binary.txt" in (out / "index.html").read_text("utf-8")


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    corpus = base / "hostile.jsonl"
    corpus.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    out = base / "out"
    result = report(corpus, seed_path("003"), "--group-by", "outlet", "--out", out)
    assert result.exit_code == 0, result.output
    return base, out


def test_hostile_text_is_escaped_and_stays_inside_out(hostile_report):
    base, out = hostile_report
    written = [p for p in base.rglob("*") if p.is_file()]
    assert all(p.resolve().is_relative_to(out.resolve()) or p.name == "hostile.jsonl"
               for p in written)
    pages = [out / "index.html", *(out / "articles").glob("*.html")]
    for page in pages:
        html = page.read_text("utf-8")
        assert "<script>document.title" not in html and "<img src=x" not in html
        assert "</textarea><script>" not in html and 'href="javascript:' not in html
    article = next(p for p in (out / "articles").glob("*.html") if "etc_x" in p.name)
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;&lt;/script&gt;" in \
        article.read_text("utf-8")
    assert ("<dt>outlet</dt><dd>&lt;img src=x onerror=&quot;document.body.dataset.pwned="
            "&#x27;1&#x27;&quot;&gt;</dd>") in article.read_text("utf-8")


@browser
def test_report_in_a_browser(seed_report, tmp_path):
    dom, log = open_in_chromium(seed_report / "index.html", tmp_path, tmp_path / "index.png")
    assert dom.count("<tr>") == 5  # header + one row per article (the release is the source)
    for number in ("001_d61afefeb5640952", "002_4e93a61c3192b17b"):
        assert number in dom
    assert "Uncaught" not in log and "Refused to" not in log
    assert (tmp_path / "index.png").stat().st_size > 10_000
    article = next((seed_report / "articles").glob("001_*.html"))
    dom, log = open_in_chromium(article, tmp_path)
    assert dom.count('class="critical"') >= 3 and 'class="reuse-translated"' in dom
    assert "Uncaught" not in log and "Refused to" not in log


@browser
def test_hostile_report_runs_nothing_in_a_browser(hostile_report, tmp_path):
    _, out = hostile_report
    for page in [out / "index.html", *(out / "articles").glob("*.html")]:
        dom, log = open_in_chromium(page, tmp_path)
        title = dom.split("<title>")[1].split("</title>")[0]
        assert title != "PWNED"  # the injected script would have set it
        assert "data-pwned" not in dom
        assert "Uncaught" not in log
    dom, _ = open_in_chromium(out / "index.html", tmp_path)  # the table drawn from its JSON
    assert "<td>&lt;img src=x onerror=\"document.body.dataset.pwned='1'\"&gt;</td>" in dom
