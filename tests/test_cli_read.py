"""`framing read` and `framing.read_paths`: the documents as framing reads them (a web page's
main text and metadata, an error for a page that is all furniture, a CSV row as its row), and
`framing report --group-by month` over such pages."""

import csv
import json

import pytest
from click.testing import CliRunner

import framing
from framing.cli import main

PARAGRAPHS = [
    ("Le ministère de l'Économie a présenté lundi sa nouvelle stratégie pour l'hébergement des "
    "données publiques. Les administrations devront désormais confier leurs informations les plus "
    "sensibles à des prestataires qualifiés par l'Agence nationale de la sécurité des systèmes "
    "d'information."),
    ("Plusieurs experts s'interrogent pourtant sur la portée réelle de cette annonce. Tant que les "
    "fournisseurs restent liés à des maisons mères américaines, rien ne garantit que les données "
    "resteront à l'abri des demandes des autorités étrangères, rappelle un juriste spécialisé."),
    ("Les entreprises françaises du secteur saluent de leur côté une décision attendue depuis "
    "longtemps. Elles espèrent que la commande publique leur permettra enfin de rivaliser avec les "
    "géants du numérique, qui dominent aujourd'hui plus des deux tiers du marché européen."),
]
NAV = "Abonnez-vous au journal"
FOOTER = "Politique de confidentialité"


def article_page(slug="cloud-souverain", published="2024-05-13T08:00:00+02:00"):
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Le cloud souverain à l'épreuve du CLOUD Act | Example Journal</title>
<meta property="og:site_name" content="Example Journal">
<meta property="og:title" content="Le cloud souverain à l'épreuve du CLOUD Act">
<meta property="article:published_time" content="{published}">
<meta name="author" content="Claire Dubois">
<link rel="canonical" href="https://www.example-journal.fr/tech/{slug}">
</head>
<body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/tech">Technologie</a></li><li><a href="/abonnement">{NAV}</a></li></ul></nav>
<article>
<h1>Le cloud souverain à l'épreuve du CLOUD Act</h1>
<p class="byline">Par Claire Dubois</p>
{paragraphs}
</article>
<footer><p>© 2024 Example Journal. Tous droits réservés. Mentions légales. {FOOTER}.
Gérer mes cookies.</p></footer>
</body>
</html>
"""


# Menus and a footer, no article: what trafilatura finds no main text in.
FURNITURE_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Example Journal</title></head><body>
<aside><nav><ul><li><a href="/tech">Technologie</a></li><li><a href="/culture">Culture</a></li>
</ul></nav></aside>
<footer><nav><a href="/mentions">Mentions légales</a> <a href="/cookies">Cookies</a></nav>
<p>© 2024 Example Journal. Tous droits réservés.</p></footer>
</body></html>
"""


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


def lines(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "cloud.html"
    path.write_text(article_page(), "utf-8")
    return path


def test_read_json_gives_a_page_s_main_text_and_metadata(article):
    result = run("read", "--json", article)
    assert result.exit_code == 0, result.output
    (doc,) = lines(result.stdout)
    assert set(doc) == {"id", "path", "text", "meta", "language", "error"}
    assert doc["id"] == "cloud" and doc["path"] == str(article) and doc["error"] is None
    for paragraph in PARAGRAPHS:  # the main text, whole...
        assert paragraph in doc["text"]
    assert NAV not in doc["text"] and FOOTER not in doc["text"]  # ...without the page furniture
    meta = doc["meta"]
    assert meta["date"] == "2024-05-13"
    assert meta["url"] == "https://www.example-journal.fr/tech/cloud-souverain"
    assert meta["site_name"] == "Example Journal" and meta["author"] == "Claire Dubois"
    assert meta["language"] == "fr" and meta["format"] == "html"
    assert doc["language"] == "fr"  # detected in the text, not the page's <html lang>


def test_read_detects_the_language_of_the_text(tmp_path):
    page = article_page().replace('lang="fr"', 'lang="en"')
    (tmp_path / "page.html").write_text(page, "utf-8")
    (doc,) = lines(run("read", "--json", tmp_path / "page.html").stdout)
    assert doc["meta"]["language"] == "en" and doc["language"] == "fr"


def test_read_a_page_with_no_main_text_is_an_error_and_exit_status_1(tmp_path, article):
    (tmp_path / "menus.html").write_text(FURNITURE_PAGE, "utf-8")
    result = run("read", "--json", article, tmp_path / "menus.html")
    assert result.exit_code == 1
    good, menus = lines(result.stdout)
    assert good["error"] is None
    assert menus["error"]["code"] == "no_main_text" and str(tmp_path) in menus["error"]["message"]
    assert menus["text"] == "" and menus["language"] is None
    assert "1 of 2 documents failed" in result.stderr


def test_read_a_csv_row_as_its_row_with_the_reading_options(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("key,body,outlet\nr1,\"Un texte, avec une virgule.\",Le Monde\n"
                    "r2,The second row is in English and it is short.,BBC\n", "utf-8")
    result = run("read", "--json", "--text-column", "body", "--id-column", "key", path)
    assert result.exit_code == 0, result.output
    first, second = lines(result.stdout)
    assert (first["id"], first["text"]) == ("r1", "Un texte, avec une virgule.")
    assert first["meta"]["outlet"] == "Le Monde" and first["meta"]["row"] == "1"
    assert (second["id"], second["language"]) == ("r2", "en")
    # Without the options, the row has no `text` column: read as score reads it, an error.
    (missing, *_) = lines(run("read", "--json", path).stdout)
    assert missing["error"]["code"] == "missing_column"


def test_read_without_json_prints_a_block_per_document(tmp_path, article):
    (tmp_path / "menus.html").write_text(FURNITURE_PAGE, "utf-8")
    result = run("read", article, tmp_path / "menus.html")
    assert result.exit_code == 1
    first, second = result.stdout.split("\n\n== ")
    assert first.startswith(f"== cloud  ({article})\n")
    assert "\ndate: 2024-05-13\n" in first and "\ndetected language: fr\n" in first
    assert first.rstrip().endswith(PARAGRAPHS[-1])
    assert second.startswith(f"menus  ({tmp_path / 'menus.html'})\n")
    assert "\nERROR no_main_text: " in second


def test_read_paths_gives_the_dicts_read_json_prints(article):
    docs = framing.read_paths(article)
    assert docs == lines(run("read", "--json", article).stdout)
    assert docs[0]["meta"]["date"] == "2024-05-13"
    # ...and what they hold, from the page: its id, its paragraphs, its title, no error
    (doc,) = docs
    assert (doc["id"], doc["language"], doc["error"]) == ("cloud", "fr", None)
    assert all(paragraph in doc["text"] for paragraph in PARAGRAPHS)
    assert doc["meta"]["title"] == "Le cloud souverain à l'épreuve du CLOUD Act"


def test_report_group_by_month_puts_each_article_in_its_month(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for slug, published in [("a", "2024-05-13T08:00:00+02:00"), ("b", "2024-05-28"),
                            ("c", "2024-06-02T23:30:00Z")]:
        (corpus / f"{slug}.html").write_text(article_page(slug, published), "utf-8")
    out = tmp_path / "report"
    result = run("report", corpus, "--out", out, "--group-by", "month", "--no-model",
                 "--no-charts", "--quiet")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    with (out / "scores.csv").open(encoding="utf-8", newline="") as f:
        groups = {row["id"]: row["group"] for row in csv.DictReader(f)}
    assert groups == {"a": "2024-05", "b": "2024-05", "c": "2024-06"}


def test_report_group_by_a_column_no_article_has_warns_with_the_columns(tmp_path, article):
    out = tmp_path / "report"
    result = run("report", article, "--out", out, "--group-by", "outlett", "--no-model",
                 "--no-charts", "--quiet")
    assert result.exit_code == 0  # a warning: the report is still written
    assert (out / "scores.csv").exists()
    assert "--group-by outlett" in result.stderr
    assert "meta_outlet" in result.stderr and "meta_date" in result.stderr
    ok = run("report", article, "--out", tmp_path / "ok", "--group-by", "site_name",
             "--no-model", "--no-charts", "--quiet")
    assert "warning" not in ok.stderr


def test_chart_group_by_a_column_no_row_has_warns(tmp_path):
    rows = tmp_path / "scores.jsonl"
    rows.write_text(json.dumps({"id": "a", "path": "a.html", "label": "neutral",
                                "promotional": 0.1, "critical": 0.2,
                                "meta_date": "2024-05-13", "meta_outlet": "x.fr"}) + "\n",
                    "utf-8")
    result = run("chart", "timeline", "--from", rows, "--out", tmp_path / "t.svg",
                 "--group-by", "desk")
    assert "--group-by desk" in result.stderr and "meta_outlet" in result.stderr
    for fine in ("month", "year", "outlet", "meta_outlet", "language"):
        result = run("chart", "timeline", "--from", rows, "--out", tmp_path / "t.svg",
                     "--group-by", fine)
        assert "warning" not in result.stderr, fine
