"""framing.html's escaping functions and framing.explain.printable, on hand-written values
(the pages and the terminal as a whole: test_escaping.py)."""


def test_mark_tag_escapes_its_text_and_its_title():
    from framing.html import mark_tag

    assert mark_tag("<b>&", "critical") == '<mark class="critical">&lt;b&gt;&amp;</mark>'
    assert mark_tag("x", "promotional", 'dit "oui" & <non>') == (
        '<mark class="promotional" title="dit &quot;oui&quot; &amp; &lt;non&gt;">x</mark>')


def test_origin_lists_what_is_known_and_links_only_web_addresses():
    from framing.html import origin

    assert origin({}) == ""
    assert origin({"title": "", "author": None}) == ""
    assert origin({"title": "", "author": "A <b>", "url": "http://example.org/a?b=1&c=2"}) == (
        '<dl class="origin"><dt>author</dt><dd>A &lt;b&gt;</dd><dt>url</dt><dd><a href='
        '"http://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">http://example.org/a?b=1'
        '&amp;c=2</a></dd></dl>')
    for url in ("javascript:alert(1)", "HTTPS://example.org", " https://example.org",
                "https:///nohost", "data:text/html,<b>x</b>"):
        shown = origin({"url": url})
        assert "<a " not in shown or url == "HTTPS://example.org", url
    assert '<a href="HTTPS://example.org"' in origin({"url": "HTTPS://example.org"})


def test_printable_keeps_offsets():
    from framing.explain import printable

    shown = printable("a\x1bb\x07c\x9bd\te\nf")
    assert shown == "a\ufffdb\ufffdc\ufffdd\te\nf"
    assert len(shown) == len("a\x1bb\x07c\x9bd\te\nf")


def test_escape_drops_control_characters_and_escapes_quotes():
    from framing.html import escape

    assert escape("a\x00b\x1bc\x7fd") == "abcd"
    assert escape("\"'<>&") == "&quot;&#x27;&lt;&gt;&amp;"
    assert escape(None) == ""
    assert escape(3) == "3"
