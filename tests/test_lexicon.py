"""Lexicon files: parsing, inflection, multi-word terms, longest match, patterns, checking."""

import pytest

from framing.lexicon import Lexicon, LexiconError, check, parse_line, required_literals
from framing.text import analyse


def write(tmp_path, lines):
    (tmp_path / "test.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Lexicon.load(tmp_path)


def matched(lexicon, text):
    doc = analyse(text)
    hits = lexicon.match_sentences(text, doc.sentences)
    return [(text[h.start : h.end], h.entry.term) for sentence in hits for h in sentence]


def test_stems_handle_inflection(tmp_path):
    lex = write(tmp_path, ["garantir\tfr\tpromotional.benefit\t1\t",
                           "guarantee\ten\tpromotional.benefit\t1\t"])
    found = matched(lex, "Le contrat garantit la sécurité, et les garanties sont solides.")
    assert ("garantit", "garantir") in found and ("garanties", "garantir") in found
    assert matched(lex, "They guaranteed it.") == [("guaranteed", "guarantee")]


def test_prefix_terms_cover_what_stems_split(tmp_path):
    lex = write(tmp_path, ["souverain*\tfr\tsovereignty.generic\t1\t"])
    text = "Un cloud souverain, une IA souveraine, la souveraineté et les souverainetés."
    assert [m for m, _ in matched(lex, text)] == ["souverain", "souveraine", "souveraineté",
                                                  "souverainetés"]


def test_language_bound_terms_only_match_their_language(tmp_path):
    lex = write(tmp_path, ["=data\ten\tsovereignty.context\t0\t", "CLOUD Act\tany\textraterritorial\t3\t"])
    assert matched(lex, "Les data du CLOUD Act sont en France et elles sont là.") == [
        ("CLOUD Act", "CLOUD Act")]


def test_multi_word_terms_and_the_longest_match(tmp_path):
    lex = write(tmp_path, ["confiance\tfr\tpromotional.self\t1\t",
                           "=cloud de confiance\tfr\tsovereignty\t2\t",
                           "d' envergure\tfr\tpromotional.superlative\t1\t"])
    found = matched(lex, "Un cloud de confiance, un projet d’envergure et la confiance.")
    assert found == [("cloud de confiance", "=cloud de confiance"), ("d’envergure", "d' envergure"),
                     ("confiance", "confiance")]


def test_patterns_run_on_sentences_and_know_their_literals(tmp_path):
    lex = write(tmp_path, [r"re:\bsection\s+702\b" + "\tany\textraterritorial\t3\t"])
    assert matched(lex, "Under Section 702, data can be read. Nothing else.") == [
        ("Section 702", r"re:\bsection\s+702\b")]
    assert required_literals(lex.entries[0].regex) == (("section",), ("702",))  # longest first


def test_bad_lines_are_errors_with_file_and_line(tmp_path):
    (tmp_path / "bad.tsv").write_text("ok\tfr\thedging\t1\t\nno tabs here\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.tsv:2"):
        Lexicon.load(tmp_path)
    entry, problems = parse_line("a,b\tfr\thedging\t1\t", "x.tsv:1")
    assert entry is None and "not one token" in problems[0].message


def test_project_lexicons_are_clean_and_cover_both_languages():
    problems = check()
    assert [p for p in problems if p.level == "error"] == []
    lex = Lexicon.load()
    families = {(e.family, e.lang) for e in lex.entries}
    for family in ("promotional", "critical", "hedging", "attribution", "sovereignty"):
        assert (family, "fr") in families and (family, "en") in families


def test_neutral_idioms_hide_their_cue_words():
    lex = Lexicon.load()
    found = matched(lex, "La souveraineté numérique est au cœur des préoccupations nationales.")
    assert ("au cœur des préoccupations", "au cœur des préoccupations") in found
    assert not any(term.startswith("préoccup") for _, term in found)


CRUCIAL_NOT_CRITICISM = [  # "critique" / "critical" meaning crucial: no critical cue
    "Le cloud est devenu critique pour l'économie française.",
    "Les données de santé sont critiques pour la recherche.",
    "Une infrastructure critique a été rénovée cet été.",
    "Le chantier entre dans une phase critique cet hiver.",
    "C'est un moment critique pour la filière.",
    "Un sujet d'une importance critique pour la région.",
    "Cloud services have become critical to the economy.",
    "The grant upgrades critical infrastructure in three regions.",
    "This is a critical moment for the sector.",
]
CRITICISM = [  # "critique" / "critic" as criticism: still a critical cue
    ("Une critique virulente du projet a été publiée par l'opposition.", "critique"),
    ("Les critiques dénoncent un cadeau fait à l'industriel.", "critiques"),
    ("Le maire critique le projet pour son coût.", "critique"),
    ("Critics say the deal locks the city in.", "Critics"),
    ("The plan drew sharp criticism from unions.", "criticism"),
]


@pytest.mark.parametrize("sentence", CRUCIAL_NOT_CRITICISM)
def test_critique_meaning_crucial_is_no_critical_cue(sentence):
    lex = Lexicon.load()
    doc = analyse(sentence)
    hits = [h for s in lex.match_sentences(sentence, doc.sentences) for h in s]
    assert not [h for h in hits if h.entry.family == "critical"], sentence


@pytest.mark.parametrize(("sentence", "word"), CRITICISM)
def test_critique_meaning_criticism_is_still_a_critical_cue(sentence, word):
    lex = Lexicon.load()
    doc = analyse(sentence)
    hits = [h for s in lex.match_sentences(sentence, doc.sentences) for h in s]
    assert word in [sentence[h.start : h.end] for h in hits if h.entry.family == "critical"]


def test_the_lexicon_folder_is_the_one_given_else_the_environment_s_else_the_project_s(
        tmp_path, monkeypatch):
    from framing.lexicon import LEXICON_DIR, lexicon_folder

    monkeypatch.delenv("FRAMING_LEXICONS", raising=False)
    assert lexicon_folder() == LEXICON_DIR
    monkeypatch.setenv("FRAMING_LEXICONS", str(tmp_path))
    assert lexicon_folder() == str(tmp_path)
    assert lexicon_folder("elsewhere") == "elsewhere"
