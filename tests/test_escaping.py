"""Hostile text placed wherever framing renders text: an article whose title, author, outlet and
url, whose evidence spans and whose copied passage hold markup, and a press release whose
passage (copied by the article) and id hold markup too. Every page (report index and article
page, explain --html, worksheet, answers) and every chart SVG is checked as written, then in
headless Chromium: no handler ran and no injected element exists."""

import json
import re
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import browser, open_in_chromium

IMG = "<img src=x onerror=\"document.body.dataset.pwned='1'\">"
SCRIPT = "</script><script>document.body.dataset.pwned='2'</script>"
# What every page holds instead, once escaped (quotes included).
IMG_ESCAPED = "&lt;img src=x onerror=&quot;document.body.dataset.pwned=&#x27;1&#x27;&quot;&gt;"

# The release: a passage holding markup, which the article copies word for word.
RELEASE = (
    "Lyon, le 3 juin 2025. Velora inaugure aujourd'hui sa première usine de vélos cargo "
    f"{IMG} à Vénissieux, un site de 12 000 mètres carrés qui emploiera 180 salariés d'ici la "
    f"fin de l'année prochaine {SCRIPT} avec des batteries reconditionnées dans la région.")
ARTICLE = {
    "id": "hostile-1",
    "title": f"Un titre {IMG} & {SCRIPT} \"cité\"",
    "author": f"Jean {IMG}",
    "outlet": f"Gazette {IMG} & fils",
    "url": "javascript:document.body.dataset.pwned='3'",
    "date": "2025-06-04",
    "text": (
        # A promotional cue inside markup: the evidence mark holds hostile text.
        f"Velora signe un succès historique {IMG} pour la région. "
        # The copied passage, markup and all.
        "Velora inaugure aujourd'hui sa première usine de vélos cargo "
        f"{IMG} à Vénissieux, un site de 12 000 mètres carrés qui emploiera 180 salariés d'ici "
        f"la fin de l'année prochaine {SCRIPT} avec des batteries reconditionnées. "
        # A closing question whose span (its last words) holds markup.
        f"Mais qui contrôlera vraiment les données {IMG} ?"),
}
SECOND = {"id": "second", "title": "Un autre article", "outlet": f"Gazette {IMG} & fils",
          "text": "La ville annonce un nouveau pont. Les travaux dureront deux ans."}
HOSTILE_MARKS = ("<img src=x", "<script>document", "data-pwned", "href=\"javascript:")


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    base = tmp_path_factory.mktemp("escaping")
    corpus = base / "articles.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in (ARTICLE, SECOND)), encoding="utf-8")
    release = base / f"release{IMG[:4]}.txt"  # the source id holds "<img"
    release.write_text(RELEASE, encoding="utf-8")
    out = base / "report"
    result = run("report", "--quiet", corpus, "--sources", release, "--group-by", "outlet",
                 "--out", out)
    assert result.exit_code == 0, result.output
    assert run("explain", corpus, "--sources", release, "--html",
               base / "explain.html").exit_code == 0
    lesson = base / "exercise"
    assert run("exercise", corpus, "--sources", release, "--out", lesson).exit_code == 0
    article = next((out / "articles").glob("hostile-1*.html"))
    return {"index": out / "index.html", "article": article, "explain": base / "explain.html",
            "worksheet": lesson / "worksheet.html", "answers": lesson / "answers.html",
            "report": out}


@pytest.mark.parametrize("name", ["index", "article", "explain", "worksheet", "answers"])
def test_no_hostile_markup_survives_in_a_page_as_written(pages, name):
    html = pages[name].read_text("utf-8")
    for mark in HOSTILE_MARKS:
        assert mark not in html, (name, mark)
    # The only script end tags are the page's own (one per script block).
    assert html.count("</script>") == html.count("<script")


def test_the_article_page_shows_each_hostile_text_escaped_where_it_belongs(pages):
    html = pages["article"].read_text("utf-8")
    # Title (page title and heading), author, outlet: escaped, & too.
    assert f"<h1>Un titre {IMG_ESCAPED} &amp; &lt;/script&gt;&lt;script&gt;" in html
    assert f"<dt>author</dt><dd>Jean {IMG_ESCAPED}</dd>" in html
    assert f"<dt>outlet</dt><dd>Gazette {IMG_ESCAPED} &amp; fils</dd>" in html
    # A javascript: url is shown as text, never as a link.
    assert ("<dt>url</dt><dd>javascript:document.body.dataset.pwned=&#x27;3&#x27;</dd>"
            in html)
    # The evidence mark around "succès historique" and the question's span keep the markup
    # inside them as text.
    assert re.search(r"<mark[^>]*>succès</mark>", html)
    question = re.search(r"<mark[^>]*critical[^>]*>([^<]*?)</mark>", html.split("contrôlera")[1])
    assert question and "onerror=&quot;" in question.group(1) + html.split("contrôlera")[1][:400]
    # The side-by-side view: the passage on the article's side and on the release's side, with
    # the markup as text on both.
    side = html[html.index('class="side"'):]
    assert side.count(f"cargo {IMG_ESCAPED} à Vénissieux") == 2
    assert side.count("prochaine &lt;/script&gt;&lt;script&gt;document.body.dataset.pwned="
                      "&#x27;2&#x27;&lt;/script&gt;") == 2
    # The release's id heads its column, escaped.
    assert "release&lt;img" in html


def test_the_index_page_keeps_hostile_text_inside_its_json(pages):
    html = pages["index"].read_text("utf-8")
    blocks = re.findall(r"<script[^>]*type=\"application/json\"[^>]*>(.*?)</script>", html,
                        re.DOTALL)
    assert blocks, "the index embeds its rows as JSON"
    data = json.loads(blocks[0])
    flat = json.dumps(data, ensure_ascii=False)
    assert "Gazette <img src=x onerror" in flat  # the text itself, for the table drawn in JS
    assert "<" not in blocks[0] and "</script" not in blocks[0].lower()


def test_the_chart_labels_hold_the_hostile_outlet_as_text(pages):
    """Charts grouped by outlet name the hostile outlet: in the SVG it is text (matplotlib
    draws labels as paths, with the label in an escaped comment), never an element or an
    attribute."""
    svgs = list(pages["report"].rglob("*.svg"))
    assert svgs
    named = [p for p in svgs if "Gazette &lt;img src=x onerror=" in p.read_text("utf-8")]
    assert named, "a chart grouped by outlet names the outlet"
    for svg in svgs:
        text = svg.read_text("utf-8")
        assert "<img" not in text and "<script" not in text, svg
        for element in ElementTree.fromstring(text).iter():
            tag = element.tag.rsplit("}", 1)[-1]
            assert tag not in ("script", "img", "foreignObject"), svg
            assert not any(name.lower().startswith("on") for name in element.attrib), svg


@browser
@pytest.mark.parametrize("name", ["index", "article", "explain", "worksheet", "answers"])
def test_no_hostile_markup_runs_in_a_browser(pages, name, tmp_path):
    dom, log = open_in_chromium(pages[name], tmp_path)
    assert "<body" in dom, log[-2000:]
    assert "data-pwned" not in dom  # no onerror, no injected script, no javascript: link ran
    assert not re.search(r"<img[^>]*src=\"x\"", dom)  # no injected element exists
    assert not re.search(r"<script>document", dom)
    assert "Uncaught" not in log


@browser
def test_the_charts_run_nothing_in_a_browser(pages, tmp_path):
    for svg in pages["report"].rglob("*.svg"):
        dom, _ = open_in_chromium(svg, tmp_path)
        assert "data-pwned" not in dom and not re.search(r"<img[^>]*src=\"x\"", dom), svg


# --- terminal rendering: a document's control characters never reach the terminal -----------

# ESC ] 0 ; … BEL sets the terminal's title; ESC [ 2 J clears the screen; ESC [ 8 m hides text.
TERMINAL = ("C'est un succès \x1b]0;PWNED\x07 historique \x1b[2J\x1b[8m caché. "
            "Rien ne garantit que les données resteront à l’abri du CLOUD Act.")


def no_control(output: str) -> bool:
    """No control character but newlines, tabs and framing's own colour codes (none here:
    CliRunner's output is not a terminal)."""
    return re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", output) is None


@pytest.mark.parametrize("args", [
    ["score"], ["score", "--explain"], ["explain"], ["reuse", "--sources"]])
def test_no_control_character_of_a_document_reaches_the_terminal(tmp_path, args):
    path = tmp_path / "esc.jsonl"
    path.write_text(json.dumps({"id": "esc\x1b]0;ID\x07", "title": "t\x1b[2J",
                                "text": TERMINAL}) + "\n", encoding="utf-8")
    if args[-1] == "--sources":  # the article is its own release: every passage is printed
        release = tmp_path / "release.txt"
        release.write_text(TERMINAL, encoding="utf-8")
        args = [*args, release]
    result = CliRunner().invoke(main, [args[0], str(path), *args[1:], "--no-model"]
                                if args[0] != "reuse" else [args[0], str(path), *args[1:]],
                                catch_exceptions=False)
    assert result.output.strip()
    assert no_control(result.output), repr(result.output)
    assert "esc\ufffd]0;ID\ufffd" in result.output  # the id's words stay, as text
