"""framing.marks: one walk cuts a text into plain and marked pieces for every view (terminal,
report pages, worksheet). Expected values are written by hand from the small texts below;
each test names the bug it is there to catch."""

from framing.attribution import Attribution
from framing.explain import styled
from framing.html import article_page, mark_tag, marked_article
from framing.marks import Mark, draw, inside, pieces
from framing.record import Record
from framing.reuse.found import Passage, Reuse
from framing.sovereignty import Sovereignty
from framing.tone import Framing, SentenceScore, Span

TEXT = "Great news, but risky."  # 22 characters: "Great" 0-5, "news" 6-10, "risky." 16-22
PRO, CRI, SOV = "promotional", "critical", "sovereignty"


def test_no_marks_gives_the_text_as_one_plain_piece_and_no_text_gives_nothing():
    # Bug: an empty plain piece emitted before or after the text.
    assert pieces(TEXT, []) == [(TEXT, None)]
    assert pieces("", []) == []


def test_of_two_overlapping_marks_the_first_wins():
    # Bug: a mark that starts inside the previous one drawn anyway (text shown twice).
    first, second = Mark(0, 10, PRO), Mark(6, 15, CRI)
    assert pieces(TEXT, [first, second]) == [("Great news", first), (", but risky.", None)]


def test_a_mark_nested_in_another_is_not_shown():
    # Bug: the inner mark drawn inside or after the outer one.
    outer, inner = Mark(0, 22, SOV), Mark(6, 10, PRO)
    assert pieces(TEXT, [outer, inner]) == [(TEXT, outer)]


def test_adjacent_marks_are_both_shown():
    # Bug: a mark that starts exactly where the previous one ends taken for an overlap.
    news, rest = Mark(6, 10, PRO), Mark(10, 15, CRI)
    assert pieces(TEXT, [news, rest]) == [("Great ", None), ("news", news), (", but", rest),
                                          (" risky.", None)]


def test_a_mark_at_the_end_of_the_text_leaves_no_empty_piece_after_it():
    # Bug: the plain text after the last mark appended even when there is none.
    risky = Mark(16, 22, CRI)
    assert pieces(TEXT, [risky]) == [("Great news, but ", None), ("risky.", risky)]


def test_an_empty_mark_stays_in_place_as_an_empty_marked_piece():
    # Bug: empty marks dropped (the terminal shows an empty [+] where a span was found).
    empty = Mark(5, 5, PRO)
    assert pieces(TEXT, [empty]) == [("Great", None), ("", empty), (" news, but risky.", None)]


def test_marks_out_of_the_text_are_cut_by_its_end_not_dropped():
    # Bug: a mark past the end dropped, or one crossing the end drawn with text it lacks.
    beyond, crossing = Mark(30, 35, CRI), Mark(16, 40, CRI)
    assert pieces(TEXT, [beyond]) == [(TEXT, None), ("", beyond)]
    assert pieces(TEXT, [crossing]) == [("Great news, but ", None), ("risky.", crossing)]


def test_a_window_gives_only_its_own_text():
    # Bug: the walk starting at 0 or running to the end of the text instead of the window.
    news = Mark(6, 10, PRO)
    assert pieces(TEXT, [news], 6, 15) == [("news", news), (", but", None)]
    assert pieces(TEXT, [], 11, 15) == [(" but", None)]


def test_inside_keeps_the_marks_wholly_within_edges_included():
    # Bug: a mark crossing the window's end (or start) kept, or one touching an edge left out.
    marks = [Mark(0, 5, PRO), Mark(6, 10, PRO), Mark(10, 16, CRI), Mark(12, 30, SOV)]
    assert inside(marks, 6, 16) == [Mark(6, 10, PRO), Mark(10, 16, CRI)]
    assert inside(marks, 1, 16) == [Mark(6, 10, PRO), Mark(10, 16, CRI)]


def test_draw_uses_plain_for_plain_pieces_and_marked_for_marked_ones():
    # Bug: plain text passed through untouched (in HTML: unescaped).
    shown = pieces(TEXT, [Mark(6, 10, PRO), Mark(16, 22, CRI)])
    drawn = draw(shown, lambda text, mark: f"<{mark.kind[0]}:{text}>", plain=str.upper)
    assert drawn == "GREAT <p:news>, BUT <c:risky.>"


def test_draw_takes_pieces_marked_with_a_kind_alone():
    # Bug: draw insisting on Mark objects (the classroom's explanation lines carry kinds).
    assert draw([("a ", None), ("b", CRI)], lambda text, kind: f"[{kind}:{text}]") == \
        "a [critical:b]"


def test_terminal_piece_has_its_sign_in_brackets_and_colour_with_a_second_cue():
    # Bug: a wrong sign, or colour alone (the mark lost when piped, or for colour-blind readers).
    assert styled("risky", CRI, color=False) == "[-risky]"
    assert styled("", PRO, color=False) == "[+]"
    assert styled("loi", SOV, color=True) == "\x1b[35m\x1b[4m[§loi]\x1b[0m"
    shown = pieces(TEXT, [Mark(6, 10, PRO), Mark(16, 22, CRI)])
    assert draw(shown, lambda text, mark: styled(text, mark.kind, False)) == \
        "Great [+news], but [-risky.]"


def test_html_mark_escapes_its_text_and_its_title():
    # Bug: the marked text or the tooltip written out unescaped.
    assert mark_tag("a&b", CRI, 'say "no"') == \
        "<mark class=\"critical\" title=\"say &quot;no&quot;\">a&amp;b</mark>"
    assert mark_tag("<script>", PRO) == "<mark class=\"promotional\">&lt;script&gt;</mark>"


SCRIPT = "<i>Buy</i> <script>alert(1)</script> now."  # "<script>…</script>" is 11-36


def scored(sentences: list[tuple[int, int, str]], evidence: list[Span] = (),
           reuse: Reuse | None = None) -> Record:
    """A record made by hand: its sentences (start, end, label), its framing evidence."""
    framing = Framing("neutral", 0.0, 0.0, {}, list(evidence),
                      [SentenceScore(a, b, label, 0.0, 0.0, "fr") for a, b, label in sentences],
                      lexicon_label="neutral")
    return Record("a", "a.txt", framing=framing, reuse=reuse,
                  sovereignty=Sovereignty(False, "none", False, []), attribution=Attribution())


def test_html_article_escapes_a_script_inside_a_mark_and_in_the_plain_text():
    # Bug: either the marked piece or the plain text between marks not escaped.
    record = scored([(0, 41, PRO)], [Span(11, 36, "…", "a<b", 1.0, PRO)])
    assert marked_article(record, SCRIPT) == (
        "<span class=\"s-promotional\" title=\"promotional sentence\">&lt;i&gt;Buy&lt;/i&gt; "
        "<mark class=\"promotional\" title=\"a&lt;b\">&lt;script&gt;alert(1)&lt;/script&gt;"
        "</mark> now.</span>")
    plain = scored([(19, 22, "neutral")])
    assert marked_article(plain, "<script>x</script>\nOK.") == \
        "&lt;script&gt;x&lt;/script&gt;\nOK."


def test_html_side_by_side_numbers_each_passage_and_escapes_both_texts():
    # Bug: the badge left out, a passage's span taken from the wrong side, or a text unescaped.
    passage = Passage("r", 0, 8, 8, 16, "verbatim", 1.0, 1, 1)
    record = scored([], reuse=Reuse("r", "verbatim", 0.5, 0.5, 1, None, passages=[passage]))
    html = article_page(record, "<script> & end", {"r": "see <b> <script> too"},
                        "../index.html")
    mark = "<mark class=\"reuse-verbatim\" title=\"[1] verbatim 1.00\">&lt;script&gt;</mark>"
    to_release = ("<a class=\"badge\" id=\"a1-1\" href=\"#s1-1\" data-n=\"1\" "
                  "title=\"passage 1 in the release\">[1]</a>")
    to_article = ("<a class=\"badge\" id=\"s1-1\" href=\"#a1-1\" data-n=\"1\" "
                  "title=\"passage 1 in the article\">[1]</a>")
    assert (f"<div class=\"side\"><div data-side=\"article\">{to_release}{mark} &amp; end</div>"
            f"<div data-side=\"source\">see &lt;b&gt; {to_article}{mark} too</div></div>") in html
    assert html.count("<script") == 1  # the page's own, the side by side's scrolling
