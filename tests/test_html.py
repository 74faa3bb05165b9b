"""framing.html: the report's pages. Article text, titles and ids are untrusted: everything is
escaped, in the marked evidence and in the reuse view too, page names cannot leave their
folder, and the pages forbid every script but the summary's own."""

import base64
import hashlib
import re

import framing
from framing.html import article_page, escape, marked_article, page, safe_name
from framing.reuse import SourceIndex

HOSTILE = "<img src=x onerror=alert(1)>"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
RELEASE = ("Velora inaugure aujourd'hui sa première usine de vélos cargo à Vénissieux "
           f"{HOSTILE}, un site de 12 000 mètres carrés qui emploiera 180 salariés d'ici la fin "
           "de l'année prochaine.")


def test_a_reprinted_release_holding_markup_is_escaped_on_both_sides(lexicon):
    article = "Une usine historique. " + RELEASE
    record = framing.score_text(article, lexicon=lexicon, id="velos")
    record.reuse = SourceIndex([("velora", RELEASE)]).compare(article, "velos")
    html = article_page(record, article, {"velora": RELEASE}, "../index.html")
    assert "<img" not in html
    side_by_side = html[html.index("<div class=\"side\">"):]
    # The passage is marked in the article and in the release, the markup inside it escaped.
    marked = re.findall(r'<mark class="reuse-verbatim"[^>]*>([^<]*)</mark>', side_by_side)
    assert len(marked) == 2 and all(ESCAPED in text for text in marked)
    assert html.count(ESCAPED) == 3  # and once in the article's text with its evidence


def test_markup_inside_a_marked_evidence_span_is_escaped(lexicon):
    text = f"Un projet historique {HOSTILE} pour la région."
    record = framing.score_text(text, lexicon=lexicon)
    (cue,) = record.framing.evidence
    assert text[cue.start : cue.end] == "historique"
    cue.end = text.index(HOSTILE) + len(HOSTILE)  # a span that covers the markup
    html = marked_article(record, text)
    assert "<img" not in html
    assert re.search(f'<mark class="promotional" [^>]*>historique {re.escape(ESCAPED)}</mark>',
                     html)


def test_escape_covers_quotes_and_drops_control_characters():
    assert escape("\"'<>&\x00\x1b") == "&quot;&#x27;&lt;&gt;&amp;"
    assert escape(None) == ""


def test_a_page_name_cannot_leave_its_folder_and_no_two_ids_share_one():
    name = safe_name("../../etc/x")
    assert "/" not in name and not name.startswith(".")
    assert name.startswith("etc_x-") and name.endswith(".html")
    assert safe_name("a/b") != safe_name("a_b")  # the same letters, two ids


def test_a_page_runs_only_its_own_script():
    def policy(html: str) -> str:
        return re.search(r'Content-Security-Policy" content="([^"]*)"', html).group(1)

    assert "script-src 'none'" in policy(page("t", "<p>x</p>"))
    script = "document.title = 'sorted';"
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy(page("t", "<p>x</p>", script))
    assert page("<b>t</b>", "").count("<title>&lt;b&gt;t&lt;/b&gt;</title>") == 1
