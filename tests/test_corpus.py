"""The labelled corpus (framing/data/corpus/): its size and balance, and its rows checked as
they are read."""

import pytest

from framing.corpus import build_text, load_corpus, parse_article


def test_corpus_meets_its_size_and_balance():
    articles = load_corpus()
    assert len(articles) >= 150 and sum(len(a.sentences) for a in articles) >= 2500
    langs = [a.lang for a in articles]
    assert abs(langs.count("fr") - langs.count("en")) <= 10
    assert len({a.subject for a in articles}) >= 30
    for a in articles[:20]:
        for s in a.sentences:
            assert a.text[s.start : s.end].strip() and "\n" not in a.text[s.start : s.end]


def test_corpus_rows_are_checked():
    text, spans = build_text(["Titre", "Une phrase.", "Une autre."])
    assert text == "Titre\nUne phrase. Une autre." and spans[1] == (6, 17)
    with pytest.raises(ValueError, match="x.jsonl:3"):
        parse_article({"id": "a", "lang": "fr", "label": "positive", "sovereignty": "none",
                       "sentences": [{"text": "t", "label": "neutral"}]}, "x.jsonl:3")
