"""Readability (framing.readability): the formula named with the score, by language."""


def test_readability_names_its_formula(seed_records):
    fr = seed_records["001"].readability
    en = seed_records["004"].readability
    assert "fr" in fr.formula and fr.lix is not None and fr.grade is None
    assert en.formula.startswith("flesch_reading_ease (") and en.grade is not None
    assert 0 < fr.score < 100 and en.score < 100
