"""Articles compared with each other (framing.reuse.clusters, `reuse --among`)."""

from framing.reuse import among

from .conftest import VELORA_RELEASE as RELEASE


def test_among_groups_articles_sharing_a_release(seed_texts):
    copy_a = "Selon nos informations. " + RELEASE[:420]
    copy_b = RELEASE[:430] + " Fin de l'article."
    found = among([("a", copy_a), ("b", copy_b), ("other", seed_texts["003"])])
    assert found["a"].cluster == found["b"].cluster == 1
    assert found["a"].shares_with == ["b"] and found["other"].cluster is None
