"""Quotes, their share of the article and their speakers."""

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
