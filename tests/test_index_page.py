"""framing.index_page: the report's front page. Its rows travel as JSON inside the page, so
hostile text must not close that block; at 5,000 articles it shows 100 rows a page, filters and
sorts (headless Chromium). Expected values follow from tests/index_rows.py's recipe."""

import json
import re

from framing.index_page import index_page, score_headers

from .conftest import browser, open_in_chromium
from .index_rows import links, many_rows

HOSTILE = "</script><img src=x onerror=alert(1)>"


def embedded(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="index-data">(.*?)</script>', html,
                      re.DOTALL)
    return json.loads(block.group(1))


def test_hostile_text_cannot_leave_the_embedded_json():
    row = {**many_rows(1)[0], "id": f"x{HOSTILE}", "title": f"t{HOSTILE}",
           "meta_outlet": f"o{HOSTILE}", "group": f"g{HOSTILE}"}
    html = index_page(f"T{HOSTILE}", [row], {row["id"]: "articles/x.html"}, [],
                      [{"path": f"p{HOSTILE}", "id": "e", "code": "empty", "message": HOSTILE}],
                      [f"note{HOSTILE}"])
    assert "<img" not in html
    assert html.count("</script>") == 2  # the JSON block's and the page script's own
    data = embedded(html)
    shown = dict(zip(data["keys"], data["rows"][0], strict=True))
    assert shown["id"] == f"x{HOSTILE}" and shown["title"] == f"t{HOSTILE}"
    assert shown["outlet"] == f"o{HOSTILE}"
    assert '<option value="g&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;">' in html


def test_the_score_headers_say_what_chose_the_label():
    assert score_headers(many_rows(3, "combined")) == {
        "label": "label (model)", "promotional": "promotional (model probability)",
        "critical": "critical (model probability)"}
    assert score_headers(many_rows(3, "lexicon"))["critical"] == "critical (lexicon score)"
    html = index_page("t", many_rows(3, "combined"), {}, [], [], [])
    assert "critical (model probability)" in html and "lexicon score" not in html


def test_columns_no_row_fills_are_left_out():
    rows = [{**r, "meta_outlet": None} for r in many_rows(2)]
    keys = [c["key"] for c in embedded(index_page("t", rows, {}, [], [], []))["columns"]]
    assert "outlet" not in keys and "label" in keys


def body_rows(dom: str) -> list[str]:
    """The ids of the table's rows, in order."""
    tbody = dom.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<code class="id" title="([^"]*)">', tbody)


@browser
def test_5000_articles_page_filter_and_sort_in_a_browser(tmp_path):
    rows = many_rows(5000)
    index = tmp_path / "index.html"
    index.write_text(index_page("big", rows, links(rows), [], [], []), "utf-8")
    dom, log = open_in_chromium(index, tmp_path)
    assert "Uncaught" not in log and "Refused to" not in log
    ids = body_rows(dom)
    assert len(ids) == 100 and ids[0] == "art00000" and ids[-1] == "art00099"
    assert "Rows 1–100 of 5000 · page 1 of 50" in dom
    dom, _ = open_in_chromium(index, tmp_path, fragment="q=tech%20hebdo&page=2")
    ids = body_rows(dom)  # outlet i % 5 == 2: 1,000 articles, page 2 starts at the 101st
    assert len(ids) == 100 and ids[0] == "art00502" and ids[1] == "art00507"
    assert "of 1000 (filtered from 5000)" in dom
    for query in ("DEPECHE", "d%C3%A9p%C3%AAche"):  # "La Dépêche du Web" (i % 5 == 1)
        dom, _ = open_in_chromium(index, tmp_path, fragment=f"q={query}")
        ids = body_rows(dom)  # case and accents folded on both sides
        assert ids[:2] == ["art00001", "art00006"] and "of 1000 (filtered from 5000)" in dom
    dom, _ = open_in_chromium(index, tmp_path, fragment="label=critical&sort=critical&dir=desc")
    ids = body_rows(dom)  # critical: i % 3 == 2; the critical score grows with i
    assert ids[:3] == ["art04997", "art04994", "art04991"]
    assert re.search(r'aria-sort="descending"><button type="button">critical \(lexicon score\)'
                     r'<span class="arrow" aria-hidden="true">▼', dom)
    assert dom.count('aria-sort="none"') == 12  # the other columns of 13, outlet included
    # An address naming a label, a column or a direction this page does not offer (edited by
    # hand, or kept from another report) drops that part instead of showing an empty table.
    dom, log = open_in_chromium(index, tmp_path, fragment="label=critique&sort=nope&dir=up&q=art0499")
    assert "Uncaught" not in log
    assert body_rows(dom)[:3] == ["art04990", "art04991", "art04992"]  # every label, by id
    assert "Rows 1–10 of 10 (filtered from 5000)" in dom
