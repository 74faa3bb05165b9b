"""framing.reuse.translate: an article's sentences paired, in order, with the release sentences
they translate, through language-neutral anchors (numbers with their scale, names, glossary
concepts, cognates); shared names and numbers alone are not a translation."""

from framing.reuse import SourceIndex, prepare
from framing.reuse.translate import number_value


def test_seed_001_translates_the_release_but_not_its_critical_ending(seed_reuse, seed_texts):
    found = seed_reuse["001"]
    assert found.kind == "translated" and found.source == "004"
    text = seed_texts["001"]
    aligned = {p.article_start for p in found.passages}
    sentences = [s for s in prepare("001", text).sentences if len(s.tokens) >= 4]
    share = sum(s.start in aligned for s in sentences) / len(sentences)
    assert share >= 0.6, f"only {share:.0%} of 001's sentences aligned"
    coda = text.index("Souveraineté avec Microsoft, ou pas ?")
    assert all(p.article_end <= coda for p in found.passages)


def test_no_passage_pairs_an_article_sentence_with_a_fragment_of_a_broken_line(seed_reuse,
                                                                                seed_texts):
    """Seed 004 breaks a sentence with a blank line after "for the": the French sentence that
    translates it pairs with the whole English sentence, not with "French economy and job
    market." (issue 15)."""
    release, article = seed_texts["004"], seed_texts["001"]
    sources = [release[p.source_start : p.source_end] for p in seed_reuse["001"].passages]
    assert "French economy and job market." not in sources
    start = article.index("Ce vaste programme d’investissement")
    (passage,) = [p for p in seed_reuse["001"].passages if p.article_start == start]
    assert release[passage.source_start : passage.source_end] == (
        "This broad investment package is designed to accelerate the adoption of artificial "
        "intelligence (AI) and cloud technologies, increase the country's competitiveness by "
        "fostering digital technology made in France and create long-term benefits for the\n\n"
        "French economy and job market.")


def test_a_quantity_has_one_value_in_either_language():
    """"4 milliards", "4 billion" and "4bn" are one number; so are "25,000" and "25000", and a
    French decimal comma is a point. "5g" is a name, not a quantity."""
    assert number_value("4", "milliards") == number_value("4", "billion") == "4e+09"
    assert number_value("4bn", None) == "4e+09"
    assert number_value("25,000", None) == number_value("25000", None) == "25000"
    assert number_value("4,3", None) == "4.3"
    assert number_value("5g", None) is None


# A release in English and its French translation, sentence for sentence (written for the test).
RELEASE_EN = [
    "Velora will open a new cargo bike factory in Vénissieux in September 2025.",
    "The site will employ 180 workers and assemble 40,000 bicycles per year.",
    "The company will invest 25 million euros in the project with the support of the region.",
    "Claire Mounier, the president of Velora, said the factory would use recycled batteries.",
    "Training for the new employees will begin in June with local partners.",
]
ARTICLE_FR = [
    "Velora ouvrira une nouvelle usine de vélos cargo à Vénissieux en septembre 2025.",
    "Le site emploiera 180 salariés et assemblera 40 000 vélos par an.",
    "L'entreprise investira 25 millions d'euros dans le projet avec le soutien de la région.",
    ("Claire Mounier, présidente de Velora, a déclaré que l'usine utiliserait des batteries "
     "recyclées."),
    "La formation des nouveaux employés commencera en juin avec des partenaires locaux.",
]


def passages_as_text(found: dict, article: str, source: str) -> list[tuple[str, str]]:
    return [(article[p.article_start : p.article_end],
             source[p.source_start : p.source_end]) for p in found.passages]


def test_a_translation_pairs_each_sentence_with_the_one_it_translates():
    release, article = " ".join(RELEASE_EN), " ".join(ARTICLE_FR)
    found = SourceIndex([("release", release)]).compare(article, "article")
    assert found.kind == "translated" and found.source == "release"
    assert passages_as_text(found, article, release) == list(zip(ARTICLE_FR, RELEASE_EN))
    assert {p.kind for p in found.passages} == {"translated"}


def test_the_same_sentences_in_reverse_order_are_not_a_translation():
    """A translation keeps its source's order: taken backwards, no three sentences are in
    order in both texts."""
    found = SourceIndex([("release", " ".join(RELEASE_EN))]).compare(
        " ".join(reversed(ARTICLE_FR)), "article")
    assert found.kind == "none" and found.passages == []


def test_shared_names_and_scores_alone_are_not_a_translation():
    """Two reports of the same matches, in order, sharing every team, player and score but no
    ordinary word: independent coverage of one event, not a translation."""
    results_en = ("In the Top 14, Toulouse beat Clermont 24 to 17 with Antoine Dupont. "
                  "Meanwhile Bordeaux lost to La Rochelle 10 to 31 despite Damian Penaud. "
                  "Finally Castres and Pau drew 20 to 20 behind Julien Dumora.")
    results_fr = ("Dans le Top 14, Toulouse a dominé Clermont 24 à 17 grâce à Antoine Dupont. "
                  "De son côté, Bordeaux s'est incliné face à La Rochelle 10 à 31 malgré Damian "
                  "Penaud. Enfin, Castres et Pau se quittent sur un nul, 20 à 20, derrière "
                  "Julien Dumora.")
    found = SourceIndex([("results", results_en)]).compare(results_fr, "article")
    assert found.kind == "none" and found.passages == []
