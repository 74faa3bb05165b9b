"""Texts ready for comparison (framing.reuse.prepared): word keys and boilerplate."""

from framing.reuse import SourceIndex

from .conftest import VELORA_RELEASE as RELEASE


def test_the_about_paragraph_does_not_count_as_reuse():
    article = ("Un article sans rapport avec l'usine. Velora conçoit et fabrique des vélos cargo "
               "électriques pour les familles et les artisans depuis 2017.")
    found = SourceIndex([("velora", RELEASE)]).compare(article)
    assert found.kind == "none" and found.passages == []
