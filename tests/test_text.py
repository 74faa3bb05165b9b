"""Sentences, tokens and language, with offsets into the original text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import analyse, sentence_spans, tokens


def words(text):
    return [text[start:end] for start, end, _ in tokens(text)]


def sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_french_elisions_and_typographic_apostrophes():
    text = "L’État qu’il a choisi n’est pas d'accord aujourd’hui avec l'IA."
    assert words(text) == ["L’", "État", "qu’", "il", "a", "choisi", "n’", "est", "pas", "d'",
                           "accord", "aujourd’hui", "avec", "l'", "IA"]


def test_numbers_with_spaces_commas_and_points_are_one_token():
    text = "Jusqu’à 25 000 GPU, 4,3 milliards, 2,100 people, 25\u00a0000 postes et 4.5 %."
    found = words(text)
    for number in ["25 000", "4,3", "2,100", "25\u00a0000", "4.5"]:
        assert number in found
    assert "Jusqu’" in found and "à" in found


def test_hyphenated_and_mixed_words():
    assert words("state-of-the-art 5G m2A GPT-4 vice-président") == [
        "state-of-the-art", "5G", "m2A", "GPT-4", "vice-président"]


def test_abbreviations_do_not_end_sentences():
    text = "M. Dupont a vu le Dr. Martin, etc. Puis il est parti. Mr. Smith met Prof. Jones."
    assert sentences(text) == ["M. Dupont a vu le Dr. Martin, etc.", "Puis il est parti.",
                               "Mr. Smith met Prof. Jones."]


def test_initials_do_not_end_sentences():
    assert sentences("J. R. R. Tolkien wrote it in the U.S. market. Then he left.") == [
        "J. R. R. Tolkien wrote it in the U.S. market.", "Then he left."]


def test_guillemets_and_french_question_marks():
    text = "Il a dit : « C’est historique. » Vraiment\u00a0? Oui. « Nous construisons. » a déclaré M. X."
    assert sentences(text) == ["Il a dit : « C’est historique. »", "Vraiment\u00a0?", "Oui.",
                               "« Nous construisons. » a déclaré M. X."]


def test_lines_are_sentences_unless_a_paragraph_runs_on_in_lowercase():
    text = "Un titre sans point\nLe texte commence\nici et continue. Fin.\n\n• Un élément"
    assert sentences(text) == ["Un titre sans point", "Le texte commence\nici et continue.",
                               "Fin.", "• Un élément"]


def test_offsets_index_the_original_text(seed_texts):
    for text in seed_texts.values():
        doc = analyse(text)
        for s in doc.sentences:
            assert text[s.start : s.end].strip() == text[s.start : s.end]
            for start, end, lower in s.tokens:
                assert s.start <= start < end <= s.end
                assert text[start:end].lower().replace("’", "'") == lower


def test_seed_languages(seed_texts):
    assert analyse(seed_texts["001"]).lang == "fr"
    assert analyse(seed_texts["003"]).lang == "fr"
    doc = analyse(seed_texts["004"])  # English release with French page furniture
    assert doc.lang in ("en", "mixed")
    by_text = {seed_texts["004"][s.start : s.end]: s.lang for s in doc.sentences}
    assert by_text["Nos champs d'action"] == "fr"
    assert by_text["[#Sécurité](#) >"] == "fr"
    assert by_text["[Microsoft en France](#) >"] == "fr"
    assert by_text["Articles Similaires"] == "fr"
    assert by_text["Microsoft France ouvre les candidatures au Microsoft GenAI Studio, son nouveau "
                   "programme pour soutenir l'innovation des startups françaises >"] == "fr"
    french = sum(1 for s in doc.sentences if s.lang == "fr")
    english = sum(1 for s in doc.sentences if s.lang == "en")
    assert english > 3 * french > 0


def test_mixed_and_unknown_documents():
    en = "The council said the new bridge will open next year, and the mayor agreed with it."
    fr = "Le conseil a indiqué que le nouveau pont ouvrira l’an prochain, et le maire est d’accord."
    assert analyse(f"{en}\n{fr}").lang == "mixed"
    assert analyse("12/05/2024 — 3 000").lang == "unknown"
    assert analyse("").lang == "unknown"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_unicode_gives_ordered_in_bounds_offsets(text):
    doc = analyse(text)
    last = 0
    for s in doc.sentences:
        assert last <= s.start < s.end <= len(text)
        last = s.end
        previous = s.start
        for start, end, _ in s.tokens:
            assert previous <= start < end <= s.end
            previous = end


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aéL’'-dQqu J.,5 0\u00a0Éçs")) | st.characters(),
               max_size=60))
def test_the_fast_lowercase_path_tokenizes_like_the_general_one(text):
    from framing.text import _lowered, _tokens

    lowered = _lowered(text)
    if lowered is not None:
        assert _tokens(text, lowered, 0, len(text)) == _tokens(text, None, 0, len(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aéL’'-dQqu J.,5 0\u00a0ÉçsİΣ")) | st.characters(),
               max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_count_tokens_counts_what_tokens_finds(text, start, end):
    from framing.text import count_tokens

    assert count_tokens(text, start, end) == len(tokens(text, start, end))
    assert count_tokens(text) == len(tokens(text))


def test_a_page_without_punctuation_is_cut_into_bounded_sentences():
    from framing.text import MAX_SENTENCE_CHARS

    text = "mot " * 20_000 + "fin"
    spans = sentence_spans(text)
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert [w for a, b in spans for w in text[a:b].split()] == text.split()
