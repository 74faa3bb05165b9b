"""framing.reuse.bilingual: the French-English word dictionary of translated reuse. Function
words translate to nothing, and a word borrows the translations of its own word family only,
never of another word that happens to share its stem (the glossary's old collisions)."""

from framing.reuse.bilingual import english_key, french_key, translations
from framing.reuse.translate import sentence_keys
from framing.text import tokens


def keys(sentence: str, lang: str) -> frozenset[str]:
    return sentence_keys(sentence, tokens(sentence), lang).keys


def test_function_words_translate_to_nothing():
    """"sur" and "sûreté" share the Snowball stem "sur"; "plusieurs" translates "several",
    whose English stem is the stem of "severe". Neither preposition nor quantifier becomes a
    content word."""
    assert english_key("safety") in translations("sûreté")
    assert translations("sur") == frozenset()
    assert translations("plusieurs") == frozenset()
    assert english_key("several") == english_key("severe") == "sever"
    assert "e:sever" not in keys("Il a publié plusieurs rapports sur la sûreté nucléaire.", "fr")
    assert "e:sever" in keys("The severe sanctions were lifted.", "en")


def test_a_word_matches_its_own_family_only():
    """"amendement" and "amende" (a fine) have one Snowball stem; the amendment must not become
    a penalty. A word the dictionary lacks borrows from a listed word of its stem only when they
    differ by an inflection: "accompagnera" from "accompagneront"; "abonnés" does not borrow
    "subscription" from "abonnement", a derivation four letters longer (a true translation
    lost, the price of never borrowing a false one)."""
    assert "penalti" in translations("amende") and "penalti" in translations("amendes")
    assert "penalti" not in translations("amendement")
    assert "amend" in translations("amendements")
    assert "subscript" in translations("abonnement") and translations("abonnés") == frozenset()
    assert "follow" in translations("accompagnera")
    article = keys("Le Parlement a rejeté l'amendement du rapporteur.", "fr")
    source = keys("The penalty was paid by the company.", "en")
    assert not article & source - {"c:the"}


def test_french_keys_drop_a_plural_and_keep_accents():
    assert french_key("élections") == "élection"
    assert french_key("réseaux") == "réseau"
    assert french_key("Marché") == "marché" != french_key("marche")
    assert "market" in translations("marchés") or "e:market" in keys("le marché unique", "fr")


def test_no_function_word_is_a_dictionary_entry():
    """The shipped dictionary and the glossary pairs hold French content words only, and a
    function word keeps its final s: "mais" (but) is not the plural of "mai" (May), nor "vers"
    (towards) of "ver" (worm); nor is "mois" (month) the plural of a function word ("moi")."""
    from framing.reuse.bilingual import STOP_WORDS, dictionary, glossary_pairs

    assert not set(dictionary()) & STOP_WORDS["fr"]
    assert all(f not in STOP_WORDS["fr"] and e not in STOP_WORDS["en"]
               for f, e in glossary_pairs())
    assert french_key("mais") == "mais" and french_key("vers") == "vers"
    assert french_key("mois") == "mois" and "month" in translations("mois")
    assert "but" not in translations("mai") and "toward" not in translations("ver")
