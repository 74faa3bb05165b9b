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


def test_a_text_all_in_lowercase_is_split_into_sentences():
    """Machine output often comes lowercased: no capital opens its sentences, so a full stop
    before a lowercase word ends one there. "me" is an ordinary word here, not Maître, and "e.g."
    stays an abbreviation."""
    text = ("i read this book because my pharmacist advised me. of course, we must make an "
            "effort, e.g. eat less. it works! does it last?")
    assert sentences(text) == ["i read this book because my pharmacist advised me.",
                               "of course, we must make an effort, e.g. eat less.",
                               "it works!", "does it last?"]


def test_a_lowercase_word_after_a_full_stop_does_not_split_ordinary_text():
    """In text with capitals, a lowercase word after a full stop is an abbreviation's or a
    stray stop's continuation, as before."""
    assert sentences("Il l'a dit au cons. municipal. Puis il est parti.") == [
        "Il l'a dit au cons. municipal.", "Puis il est parti."]


def test_guillemets_and_french_question_marks():
    text = "Il a dit : « C’est historique. » Vraiment\u00a0? Oui. « Nous construisons. » a déclaré M. X."
    assert sentences(text) == ["Il a dit : « C’est historique. »", "Vraiment\u00a0?", "Oui.",
                               "« Nous construisons. » a déclaré M. X."]


def test_lines_are_sentences_unless_a_paragraph_runs_on_in_lowercase():
    text = "Un titre sans point\nLe texte commence\nici et continue. Fin.\n\n• Un élément"
    assert sentences(text) == ["Un titre sans point", "Le texte commence\nici et continue.",
                               "Fin.", "• Un élément"]


def test_a_release_sentence_broken_across_two_lines_is_one_sentence():
    text = ("Microsoft announced its largest investment in France. The package is designed to "
            "accelerate the adoption of AI in the\nFrench economy and job market. It starts today.")
    assert sentences(text) == [
        "Microsoft announced its largest investment in France.",
        ("The package is designed to accelerate the adoption of AI in the\nFrench economy and "
         "job market."),
        "It starts today."]


def test_a_paragraph_break_inside_a_crawled_sentence_is_one_sentence():
    """Offsets cover both lines and the blank line between them; the text is not rewritten."""
    text = ("Cette enveloppe doit accélérer l’adoption de l’intelligence artificielle par les "
            "entreprises de\n\nla région Grand Est et de l’Alsace. Les travaux débutent en 2025.")
    (a, b), (c, d) = sentence_spans(text)
    assert text[a:b] == ("Cette enveloppe doit accélérer l’adoption de l’intelligence "
                         "artificielle par les entreprises de\n\nla région Grand Est et de "
                         "l’Alsace.")
    assert text[c:d] == "Les travaux débutent en 2025."


def test_a_heading_without_a_period_stays_apart_from_its_paragraph():
    text = ("Microsoft announces the largest investment to date in France to accelerate the "
            "adoption of AI, skilling and innovation\n"
            "First, Microsoft will invest €4Bn to expand its Cloud and AI infrastructure.\n\n"
            "Council can't audit the number-plate cameras it paid for\n"
            "Brackenford residents were told the cameras would catch fly-tippers.\n\n"
            "Accelerate 2,500 French startups with AI\n\n"
            "The third aspect is that Microsoft announces new initiatives.")
    assert sentences(text) == [
        ("Microsoft announces the largest investment to date in France to accelerate the "
         "adoption of AI, skilling and innovation"),
        "First, Microsoft will invest €4Bn to expand its Cloud and AI infrastructure.",
        "Council can't audit the number-plate cameras it paid for",
        "Brackenford residents were told the cameras would catch fly-tippers.",
        "Accelerate 2,500 French startups with AI",
        "The third aspect is that Microsoft announces new initiatives."]


def test_page_furniture_that_lost_a_date_is_not_joined_to_the_article():
    text = "Publié le\n\nLe géant américain va construire un centre de données dans le Haut-Rhin."
    assert sentences(text) == [
        "Publié le",
        "Le géant américain va construire un centre de données dans le Haut-Rhin."]


def test_a_bulleted_list_stays_items():
    text = ("By 2027, Microsoft will:\n"
            "• expand its datacenter footprint in Paris and Marseille by the end of 2025, and\n"
            "• train 1 million people in AI skills with France Travail and\n"
            "- support 2,500 French startups at STATION F\n"
            "1. build a new datacenter campus in Mulhouse\n\n"
            "The plan was announced at the Choose France summit.")
    assert sentences(text) == [
        "By 2027, Microsoft will:",
        "• expand its datacenter footprint in Paris and Marseille by the end of 2025, and",
        "• train 1 million people in AI skills with France Travail and",
        "- support 2,500 French startups at STATION F",
        "1. build a new datacenter campus in Mulhouse",
        "The plan was announced at the Choose France summit."]


def test_a_line_ending_mid_clause_runs_on_into_a_lowercase_line_after_a_blank_line():
    text = ("Microsoft will run workshops in Lyon, Nantes and Bordeaux to explain GenAI,\n\n"
            "support its adoption by startups and find new uses. These\n\n"
            "initiatives start in September.\n\n"
            "Dear members of the press and dear partners of Microsoft France,\n\n"
            "Today we announce our largest investment in France.\n\n"
            "Microsoft will open a datacenter campus in the Grand Est Region\n\n"
            "by Roman Grant")
    assert sentences(text) == [
        ("Microsoft will run workshops in Lyon, Nantes and Bordeaux to explain GenAI,\n\n"
         "support its adoption by startups and find new uses."),
        "These\n\ninitiatives start in September.",
        "Dear members of the press and dear partners of Microsoft France,",
        "Today we announce our largest investment in France.",
        "Microsoft will open a datacenter campus in the Grand Est Region",
        "by Roman Grant"]


def test_seed_004_sentences_broken_by_a_blank_line_are_one_sentence_each(seed_texts):
    text = seed_texts["004"]
    found = sentences(text)
    assert "French economy and job market." not in found
    for sentence in BROKEN_004:
        assert sentence in found


# The sentences of seed 004 that the crawled release breaks with a blank line (the seed
# corpus's note on seed-004: "Sentences split across lines (49/51, 93/95, 139/141)").
BROKEN_004 = [
    ("This broad investment package is designed to accelerate the adoption of artificial "
     "intelligence (AI) and cloud technologies, increase the country's competitiveness by "
     "fostering digital technology made in France and create long-term benefits for the\n\n"
     "French economy and job market."),
    ("These\n\ninitiatives demonstrate a mutual goal for environmental sustainability and a "
     "more resource-efficient future."),
    ("Their objective is to accelerate the understanding of GenAI technologies,\n\nsupport "
     "their integration by French startups and identify innovative use cases."),
]


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


def test_neighbouring_languages_are_neither_french_nor_english():
    # German, Spanish, Italian, Portuguese and Dutch share words with French ("la", "que",
    # "en", "de") or English ("in", "is"); read with either lexicon they would invent cues.
    for sentence in (
        "Die Bundesregierung hat am Montag angekündigt, dass sie die Cloud-Strategie überarbeiten wird.",
        "El Gobierno ha anunciado que invertirá 500 millones en la nube soberana para las administraciones.",
        "Il governo ha annunciato che investirà nella nuvola sovrana per le amministrazioni pubbliche.",
        "O governo anunciou que vai investir na nuvem soberana para os serviços públicos.",
        "De regering heeft aangekondigd dat zij een soevereine cloud wil bouwen voor de overheid.",
    ):
        assert analyse(sentence).sentences[0].lang == "unknown", sentence
    # A name in another language does not move a French or English sentence.
    assert analyse("Der Spiegel reported that the deal was signed.").lang == "en"
    assert analyse("Selon Der Spiegel, la Bundeswehr a choisi une solution française.").lang == "fr"
    # A German article quoting one English sentence is not an English article.
    german = ("Die Bundesregierung hat am Montag angekündigt, dass sie die Cloud-Strategie "
              "überarbeiten wird. Der Anbieter ist nicht souverän und das ist ein Problem für "
              "die Verwaltung. ")
    assert analyse(german + "\"We are committed to Europe,\" he said.").lang == "unknown"


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
