"""Same-language alignment (framing.reuse.align): verbatim and near passages, with offsets into
both texts; shared facts in new sentences are not reuse."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.reuse import SourceIndex

from .conftest import VELORA_RELEASE as RELEASE


def test_near_verbatim_copy_with_typography_and_a_changed_word():
    article = (
        "VÉLOS. Velora inaugure aujourd’hui sa première usine de vélos cargo à Vénissieux, un site "
        "de 12 000 mètres carrés qui emploiera 180 personnes d’ici la fin de l’année prochaine. "
        "Le maire n'était pas présent. \"Nous faisons le pari d'une production locale, sobre et "
        "exigeante, au plus près de nos clients\", a déclaré Claire Mounier, présidente de Velora."
    )
    found = SourceIndex([("velora", RELEASE)]).compare(article)
    kinds = [p.kind for p in found.passages]
    assert found.kind == "verbatim" and found.source == "velora"
    assert "near" in kinds  # "salariés" became "personnes"
    assert 0.6 < found.article_share < 1.0
    # The quote is found although its quotation marks and apostrophes changed.
    quote = article.index("Nous faisons")
    assert any(p.article_start <= quote < p.article_end for p in found.passages)


def test_shared_facts_in_new_sentences_are_not_reuse():
    article = (
        "À Vénissieux, le fabricant Velora ouvre ce mardi un atelier de 12 000 mètres carrés. "
        "Claire Mounier, qui dirige l'entreprise, y prévoit 180 emplois et une cadence de "
        "40 000 vélos cargo chaque année, un pari sur la fabrication française."
    )
    found = SourceIndex([("velora", RELEASE)]).compare(article)
    assert found.kind == "none", found.passages


words = st.text(alphabet="abcdeéfg ’'«»,.\n", min_size=0, max_size=300)


@settings(max_examples=60, deadline=None)
@given(words, words)
def test_offsets_in_bounds_and_ordered(article, source):
    found = SourceIndex([("s", source)]).compare(article)
    for p in found.passages:
        assert 0 <= p.article_start < p.article_end <= len(article)
        assert 0 <= p.source_start < p.source_end <= len(source)
    starts = [p.article_start for p in found.passages]
    assert starts == sorted(starts)
    assert 0.0 <= found.article_share <= 1.0 and 0.0 <= found.source_share <= 1.0
