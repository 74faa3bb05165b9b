"""framing.reuse.found and summary: a passage's token ranges stay out of the record, and an
article's reuse record can be made again from the same matches (the summary changes nothing)."""

from framing.reuse import prepare
from framing.reuse.align import align
from framing.reuse.summary import matches, summary

SOURCE = ("Velora inaugure aujourd'hui sa première usine de vélos cargo à Vénissieux, un site de "
          "12 000 mètres carrés qui emploiera 180 salariés d'ici la fin de l'année prochaine.")
ARTICLE = ("Selon un communiqué, Velora inaugure aujourd'hui sa première usine de vélos cargo à "
           "Vénissieux, un site de 12 000 mètres carrés qui emploiera 180 salariés. Les élus "
           "locaux saluent le projet.")


def test_a_summary_can_be_made_twice_from_the_same_matches():
    article, source = prepare("a", ARTICLE), prepare("s", SOURCE)
    found = matches([(source, align(article, source))])
    first = summary(article.n_words, found, None)
    assert summary(article.n_words, found, None) == first


def test_the_record_gives_character_offsets_not_token_ranges():
    article, source = prepare("a", ARTICLE), prepare("s", SOURCE)
    [passage] = summary(article.n_words, matches([(source, align(article, source))]),
                        None).to_dict()["passages"]
    assert list(passage) == ["source", "article_start", "article_end", "source_start",
                             "source_end", "kind", "similarity", "words", "source_words"]
    # From "Velora" to "180 salariés": the article's own opening and ending are not reused.
    assert ARTICLE[passage["article_start"] : passage["article_end"]] == (
        "Velora inaugure aujourd'hui sa première usine de vélos cargo à Vénissieux, un site de "
        "12 000 mètres carrés qui emploiera 180 salariés")
    # 21 words: "aujourd'hui" is one word, and so is the number "12 000".
    assert passage["kind"] == "verbatim" and passage["words"] == 21
