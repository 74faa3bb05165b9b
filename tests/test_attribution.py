"""Quotes, their share of the article and their speakers."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.attribution import attribution, quoted_passages


def test_seed_001_quotes_and_speakers(seed_texts):
    a = attribution(seed_texts["001"])
    assert a.speakers == ["Brad Smith", "Franck Leroy"]
    assert a.quotes == 3  # the "présenté comme" claim and two statements
    assert 0.05 < a.quote_share < 0.2


def test_seed_004_release_quotes_partners(seed_texts):
    a = attribution(seed_texts["004"])
    assert a.speakers[0] == "Brad Smith"  # not "Microsoft Brad Smith"
    for name in ["Franck Leroy", "Fabian Jordan", "Laurent Saint Martin", "Thibaut Guilluy",
                 "Véronique Saubot", "Roxanne Varza", "Corine de Bilbao"]:
        assert name in a.speakers
    assert a.quotes >= 9


def test_names_in_quotes_are_not_direct_quotes():
    text = "Le programme « A Vous l’IA » a été étendu."
    a = attribution(text)
    assert a.quotes == 0 and a.speakers == []
    assert [text[s:e] for s, e in quoted_passages(text)] == ["« A Vous l’IA »"]


def test_speaker_before_the_quote_and_english_said():
    a = attribution('Jane Doe, the mayor, said: "We will not raise taxes on this bridge next year."')
    assert a.speakers == ["Jane Doe"]
    b = attribution('"The plan will cost far more than announced," said Tom Baker of the union.')
    assert b.speakers == ["Tom Baker"]


def test_unclosed_quote_runs_to_paragraph_end():
    text = "“This will change everything for the region and its schools\nNext paragraph."
    assert [text[s:e] for s, e in quoted_passages(text)] == [
        "“This will change everything for the region and its schools"]


def _passages_mark_by_mark(text):
    """quoted_passages as first written, one mark at a time: the reference for the fast one."""
    spans, opened = [], None
    for at, ch in enumerate(text):
        if ch == "\n":
            if opened is not None and at - opened > 1:
                spans.append((opened, at))
            opened = None
        elif opened is None:
            if ch in "«“„\"":
                opened = at
        elif ch in "»”" or (ch == '"' and text[opened] == '"'):
            spans.append((opened, at + 1))
            opened = None
    if opened is not None and len(text) - opened > 1:
        spans.append((opened, len(text)))
    return spans


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("«»“”„\"\n a")), max_size=40))
def test_quoted_passages_pair_marks_as_one_pass_over_the_text_does(text):
    assert quoted_passages(text) == _passages_mark_by_mark(text)
