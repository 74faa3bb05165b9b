"""framing.reuse, rule by rule, on small texts written for the test: a passage needs 10 article
words (a 9-word shared clause is no reuse), a passage made mostly of the source's boilerplate
("À propos de …") is dropped, the source share counts only the source's own words, and a
translation needs a chain of at least 3 sentence pairs in order whose mean similarity reaches
0.4. Word counts and shares are counted by hand in the comments."""

from framing.reuse import SourceIndex

RELEASE_FR = (
    "Paris, le 2 mars 2025. Solvéo ouvre un atelier de réparation de panneaux solaires à Nantes, "
    "avec douze techniciens formés sur place.\n\nÀ propos de Solvéo\nSolvéo répare, reconditionne "
    "et revend des panneaux solaires usagés pour les collectivités et les particuliers depuis 2019.")
# The release's own words (before "À propos"): Paris le 2 mars 2025 (5) Solvéo ouvre un atelier
# de réparation de panneaux solaires à Nantes (11) avec douze techniciens formés sur place (6).
RELEASE_FR_WORDS = 22
RELEASE_EN = (
    "London, 2 March 2025. Solveo has opened a workshop that repairs and resells used solar "
    "panels for councils and households, with twelve technicians trained on site.\n\nAbout "
    "Solveo\nSolveo repairs, refurbishes and resells used solar panels for councils and "
    "households since 2019.")

INDEX = SourceIndex([("fr", RELEASE_FR), ("en", RELEASE_EN)])


def copied(article: str, found) -> list[tuple[str, int]]:
    return [(article[p.article_start : p.article_end], p.words) for p in found.passages]


# --- the passage minimum: 10 article words ---------------------------------------------------

def test_a_nine_word_shared_clause_is_not_reuse():
    """"Solvéo ouvre un atelier de réparation de panneaux solaires" is 9 words (5 of them
    ordinary content words): too short to be a passage."""
    article = ("Nantes accueillera bientôt un nouvel atelier. L'entreprise Solvéo ouvre un atelier "
               "de réparation de panneaux solaires, selon la mairie, qui y voit une bonne "
               "nouvelle pour l'emploi local.")
    found = INDEX.compare(article, "a")
    assert (found.kind, found.passages) == ("none", [])


def test_a_ten_word_shared_clause_is_partial_reuse():
    """One more shared word ("à") makes 10: a verbatim passage, and the article is `partial`
    (10 of its 32 words)."""
    article = ("Nantes accueillera bientôt un nouvel atelier. L'entreprise Solvéo ouvre un atelier "
               "de réparation de panneaux solaires à Saint-Herblain, selon la mairie, qui y voit "
               "une bonne nouvelle pour l'emploi local.")
    found = INDEX.compare(article, "a")
    assert (found.kind, found.source) == ("partial", "fr")
    assert copied(article, found) == [
        ("Solvéo ouvre un atelier de réparation de panneaux solaires à", 10)]
    assert [p.kind for p in found.passages] == ["verbatim"]
    assert found.article_share == round(10 / 32, 4)
    assert found.source_share == round(10 / RELEASE_FR_WORDS, 4)


def test_the_passage_minimum_in_english():
    """"a workshop that repairs and resells used solar panels" is 9 words; with "for", 10."""
    nine = ("Nantes will soon have a new employer. Solveo runs a workshop that repairs and resells "
            "used solar panels, the mayor said, welcoming good news for local jobs.")
    ten = ("Nantes will soon have a new employer. Solveo runs a workshop that repairs and resells "
           "used solar panels for schools, the mayor said, welcoming good news for local jobs.")
    assert INDEX.compare(nine, "a").kind == "none"
    found = INDEX.compare(ten, "a")
    assert (found.kind, found.source) == ("partial", "en")
    assert copied(ten, found) == [
        ("a workshop that repairs and resells used solar panels for", 10)]


# --- boilerplate ------------------------------------------------------------------------------

def test_a_release_clause_and_its_about_paragraph_are_not_reuse():
    """The article copies the release's last clause (6 words: "avec douze techniciens formés sur
    place") and the whole "À propos" paragraph (22 words): 22 of the 28 words shared are
    boilerplate, more than half, so the passage is dropped."""
    article = ("L'entreprise embauche avec douze techniciens formés sur place.\n\nÀ propos de "
               "Solvéo\nSolvéo répare, reconditionne et revend des panneaux solaires usagés pour "
               "les collectivités et les particuliers depuis 2019.")
    found = INDEX.compare(article, "a")
    assert (found.kind, found.passages) == ("none", [])


def test_the_same_in_english():
    article = ("The firm hires with twelve technicians trained on site.\n\nAbout Solveo\n"
               "Solveo repairs, refurbishes and resells used solar panels for councils and "
               "households since 2019.")
    assert INDEX.compare(article, "a").kind == "none"


def test_a_whole_reprint_covers_all_the_release_s_own_words_once():
    """The release reprinted with its "À propos" paragraph: the source share counts the
    release's own 22 words, all reproduced (1.0), not the boilerplate on top."""
    found = INDEX.compare(RELEASE_FR, "a")
    assert (found.kind, found.source) == ("verbatim", "fr")
    assert found.article_share == 1.0
    assert found.source_share == 1.0


def test_half_the_release_s_own_words_give_half_the_source_share():
    """The dateline (5 words) and the first sentence (11): 16 of the 22."""
    article = ("Paris, le 2 mars 2025. Solvéo ouvre un atelier de réparation de panneaux solaires "
               "à Nantes. Le maire s'en félicite.")
    found = INDEX.compare(article, "a")
    assert found.source_share == round(16 / RELEASE_FR_WORDS, 4)


def test_the_source_share_leaves_out_the_boilerplate_a_passage_runs_into():
    """The article copies 11 + 6 of the release's own words and runs on into 9 words of its
    "À propos" paragraph (9 of 26 shared: less than half, so the passage stands). The source
    share is 17 of the release's 22 own words; the boilerplate adds nothing."""
    article = ("Solvéo ouvre un atelier de réparation de panneaux solaires à Nantes, avec douze "
               "techniciens formés sur place.\n\nÀ propos de Solvéo\nSolvéo répare, "
               "reconditionne et revend. La suite de l'article parle d'autre chose.")
    found = INDEX.compare(article, "a")
    assert found.source == "fr"
    assert [p.words for p in found.passages] == [26]
    assert found.source_share == round(17 / RELEASE_FR_WORDS, 4)


# --- near passages: runs joined across a few changed words (MAX_GAP = 5) ---------------------

SENTENCE = ("Solvéo ouvre un atelier de réparation de panneaux solaires à Nantes, avec douze "
            "techniciens formés sur place")  # 17 words in the release


def near(article):
    """(kind, article words, release words, similarity, article text, release text) of each
    passage of `article` against the French release."""
    found = INDEX.compare(article, "a")
    return [(p.kind, p.words, p.source_words, p.similarity,
             article[p.article_start : p.article_end],
             RELEASE_FR[p.source_start : p.source_end]) for p in found.passages]


def test_words_cut_from_the_release_make_one_near_passage():
    """"de réparation" cut (2 release words): 15 article words against 17, all 15 matched:
    similarity 15 / 17 = 0.8824."""
    article = ("Solvéo ouvre un atelier de panneaux solaires à Nantes, avec douze techniciens "
               "formés sur place.")
    assert near(article) == [("near", 15, 17, 0.8824, article[:-1], SENTENCE)]


def test_words_added_by_the_article_make_one_near_passage():
    """"flambant neuf" added (2 words): 19 article words, 17 matched: 17 / 19 = 0.8947."""
    article = ("Solvéo ouvre un atelier flambant neuf de réparation de panneaux solaires à Nantes, "
               "avec douze techniciens formés sur place.")
    assert near(article) == [("near", 19, 17, 0.8947, article[:-1], SENTENCE)]


def test_five_added_words_are_still_one_passage():
    """"flambant neuf et très attendu": a gap of 5 words, the most MAX_GAP joins across:
    22 article words, 17 matched: 17 / 22 = 0.7727."""
    article = ("Solvéo ouvre un atelier flambant neuf et très attendu de réparation de panneaux "
               "solaires à Nantes, avec douze techniciens formés sur place.")
    assert near(article) == [("near", 22, 17, 0.7727, article[:-1], SENTENCE)]


def test_five_cut_words_are_still_one_passage():
    """"de réparation de panneaux solaires" cut from the release's side (5 words): 12 article
    words, all matched, against 17: 12 / 17 = 0.7059."""
    article = "Solvéo ouvre un atelier à Nantes, avec douze techniciens formés sur place."
    assert near(article) == [("near", 12, 17, 0.7059, article[:-1], SENTENCE)]


def test_each_source_of_an_article_is_counted_apart():
    other = ("Nantes, le 3 mars 2025. La métropole finance la rénovation de trois écoles "
             "primaires du quartier nord pendant les vacances d'été.")
    index = SourceIndex([("fr", RELEASE_FR), ("schools", other)])
    article = ("Solvéo ouvre un atelier de réparation de panneaux solaires à Nantes. Par ailleurs, "
               "la métropole finance la rénovation de trois écoles primaires du quartier nord.")
    found = index.compare(article, "a")
    assert sorted((s.source, s.passages) for s in found.sources) == [("fr", 1), ("schools", 1)]


# --- translation ------------------------------------------------------------------------------

SOURCE_EN = [
    "Velora will open a new cargo bike factory in Vénissieux in September 2025.",
    "The site will employ 180 workers and assemble 40,000 bicycles per year.",
    "The company will invest 25 million euros in the project with the support of the region.",
]
TRANSLATED_FR = [
    "Velora ouvrira une nouvelle usine de vélos cargo à Vénissieux en septembre 2025.",
    "Le site emploiera 180 salariés et assemblera 40 000 vélos par an.",
    "L'entreprise investira 25 millions d'euros dans le projet avec le soutien de la région.",
]
OWN_FR = [
    "Les riverains du quartier se disent partagés.",
    "Plusieurs associations attendent des réponses de la mairie avant l'été.",
]


def test_three_translated_sentences_in_order_are_a_translation():
    article = " ".join(TRANSLATED_FR + OWN_FR)
    found = SourceIndex([("release", " ".join(SOURCE_EN))]).compare(article, "a")
    assert (found.kind, found.source) == ("translated", "release")
    assert [article[p.article_start : p.article_end] for p in found.passages] == TRANSLATED_FR


# More of the newsroom's own sentences: with them, two translated sentences hold well under half
# of the article.
MORE_FR = [
    "Le maire de la commune a rappelé lundi que le terrain appartenait encore à la métropole.",
    "Une réunion publique est prévue à la salle des fêtes le 14 mai pour présenter les plans.",
    "Les commerçants de l'avenue principale craignent surtout les travaux et le stationnement.",
    "Le conseil municipal doit encore voter la modification du plan local d'urbanisme.",
]
MORE_EN = [
    "The mayor said on Monday that the land still belonged to the metropolitan authority.",
    "A public meeting is planned in the village hall on 14 May to present the plans.",
    "Shopkeepers on the main avenue are mostly worried about the works and parking.",
    "The town council still has to vote on the change to the local development plan.",
]


def test_two_translated_sentences_in_a_longer_article_are_not_a_translation():
    """Two sentences in order, however close, are below the chain minimum of three when they
    hold under half of the article."""
    article = " ".join(TRANSLATED_FR[:2] + OWN_FR + MORE_FR)
    found = SourceIndex([("release", " ".join(SOURCE_EN))]).compare(article, "a")
    assert (found.kind, found.passages) == ("none", [])
    english = " ".join(SOURCE_EN[:2] + ["Neighbours are divided.",
                                         "Several groups are waiting for answers."] + MORE_EN)
    found = SourceIndex([("release", " ".join(TRANSLATED_FR))]).compare(english, "a")
    assert (found.kind, found.passages) == ("none", [])


def test_two_translated_sentences_that_hold_half_a_short_article_are_a_translation():
    """A short article (a brief) that translates two release sentences and adds two short ones
    of its own is mostly a translation."""
    article = " ".join(TRANSLATED_FR[:2] + OWN_FR)
    found = SourceIndex([("release", " ".join(SOURCE_EN))]).compare(article, "a")
    assert found.kind == "translated"
    assert [article[p.article_start : p.article_end] for p in found.passages] == TRANSLATED_FR[:2]


def test_a_chain_of_weak_pairs_is_not_a_translation():
    """A French local story that names, in the release's order, the town, the company's head,
    the project, the batteries and Lyon: each of its sentences shares two or three anchors with
    one release sentence, but says something else. The chain is long enough (3) but its pairs
    are weak (mean similarity below 0.4): no translation."""
    source = ("Velora will open a factory in Vénissieux next year. "
              "Claire Mounier expects the region to support the project financially. "
              "The batteries will come from Lyon where a partner recycles them. "
              "Training begins in June for the first technicians.")
    article = ("À Vénissieux, les riverains redoutent surtout le bruit des camions que l'usine "
               "Velora attirera. Claire Mounier, elle, refuse toujours de répondre aux questions "
               "sur le projet contesté. À Lyon, plusieurs associations dénoncent les batteries "
               "stockées sans précaution près des écoles. En juin, un collectif organisera une "
               "manifestation devant la mairie.")
    found = SourceIndex([("release", source)]).compare(article, "a")
    assert (found.kind, found.passages) == ("none", [])


def test_a_number_is_one_value_whatever_space_groups_its_thousands():
    from framing.reuse.translate import number_value

    # no-break space, narrow no-break space (French typography), plain space
    for word in ("25\u00a0000", "25\u202f000", "25 000", "25000"):
        assert number_value(word, None) == "25000", repr(word)
    assert number_value("4", None) == "4"
    assert number_value("4", "milliards") == number_value("4", "billion") == "4e+09"


def test_a_near_passage_at_every_threshold_at_once():
    """Two runs of 3 words ("atelier de réparation", "panneaux solaires à") with 4 new words
    between them in the article and 1 ("de") in the release: 10 article words against 7, 6
    matched (similarity 6 / 10 = 0.6, the least allowed), 5 matched content words (the least
    allowed: atelier, réparation, panneaux, solaires, and "à", which framing does not count as a
    function word). Aligned directly: an index would not seed from 3 shingles."""
    from framing.reuse.align import align
    from framing.reuse.prepared import prepare

    release = "Solvéo ouvre un atelier de réparation de panneaux solaires à Nantes."
    article = ("Le groupe a choisi cet atelier de réparation pour vieux vélos et panneaux solaires "
               "à Rezé.")
    found = [(p.kind, p.words, p.source_words, p.similarity,
              article[p.article_start : p.article_end], release[p.source_start : p.source_end])
             for p in align(prepare("a", article), prepare("s", release))]
    assert found == [("near", 10, 7, 0.6,
                      "atelier de réparation pour vieux vélos et panneaux solaires à",
                      "atelier de réparation de panneaux solaires à")]


def test_a_wider_gap_leaves_the_passage_below_its_similarity():
    """The same with 5 new words: 11 article words, 6 matched: 6 / 11 = 0.55 < 0.6, no passage,
    although its 5 content words are enough."""
    from framing.reuse.align import align
    from framing.reuse.prepared import prepare

    release = "Solvéo ouvre un atelier de réparation de panneaux solaires à Nantes."
    article = ("Le groupe a choisi cet atelier de réparation pour ses vieux vélos et panneaux "
               "solaires à Rezé.")
    assert align(prepare("a", article), prepare("s", release)) == []


def test_two_sentences_far_apart_in_the_release_are_two_passages():
    """The article copies the release's first and third sentences, one after the other: in the
    release 10 words lie between them, more than MAX_GAP, so they are two passages, not one
    near passage."""
    from framing.reuse.align import align
    from framing.reuse.prepared import prepare

    release = ("Le conseil régional finance la rénovation complète des gares de la ligne nord. "
               "Les travaux commenceront au printemps prochain selon le calendrier officiel. "
               "Les voyageurs pourront emprunter des bus de substitution pendant toute la durée "
               "du chantier.")
    article = ("Le conseil régional finance la rénovation complète des gares de la ligne nord. "
               "Les voyageurs pourront emprunter des bus de substitution pendant toute la durée "
               "du chantier.")
    found = align(prepare("a", article), prepare("s", release))
    assert [p.kind for p in found] == ["verbatim", "verbatim"]


def test_a_passage_half_boilerplate_stands():
    """6 of the release's own words ("avec douze techniciens formés sur place") run on into 6
    words of its "À propos" paragraph ("À propos de Solvéo Solvéo répare"): half the 12 shared
    words are boilerplate, not more than half, so the passage stands (12 of the article's 18
    words: verbatim)."""
    article = ("L'entreprise embauche avec douze techniciens formés sur place. À propos de "
               "Solvéo, Solvéo répare aussi des vélos.")
    found = INDEX.compare(article, "a")
    assert [(p.kind, p.words) for p in found.passages] == [("verbatim", 12)]
    assert found.kind == "verbatim"


def test_one_shared_word_is_no_likeness_across_languages():
    """"usine" / "factory" alone does not make two sentences a translation pair; "nouvelle
    usine" / "new factory" does."""
    from framing.reuse.translate import sentence_keys, sentence_similarity
    from framing.text import tokens

    def similarity(fr_text: str, en_text: str) -> float:
        fr = sentence_keys(fr_text, tokens(fr_text), "fr", chars=len(fr_text))
        en = sentence_keys(en_text, tokens(en_text), "en", chars=len(en_text))
        weights = {w.own: 1.0 for w in (*fr.words, *en.words)}
        return sentence_similarity(fr, en, weights, weights)

    assert similarity("Une usine moderne ouvre.", "A factory closes.") == 0.0
    assert similarity("La nouvelle usine ouvre.", "A new factory closes.") > 0.3


def test_the_chain_rules_at_their_edges():
    """A chain of (article sentence, release sentence, similarity) pairs in a 20-sentence
    article of 10 words each: three pairs make a translation however little of the article they
    hold, if two of them are within NEIGHBOUR_GAP (2) sentences of each other in the article;
    pairs close in the release but far apart in the article are no translation."""
    from types import SimpleNamespace

    from framing.reuse.translate import _is_translation

    table = [SimpleNamespace(words=("mot",) * 10) for _ in range(20)]
    assert _is_translation([(0, 0, 0.5), (2, 1, 0.5), (10, 2, 0.5)], table)  # 2 apart, 30 words
    assert not _is_translation([(0, 0, 0.5), (3, 1, 0.5), (10, 2, 0.5)], table)  # 3 apart
    assert not _is_translation([(0, 8, 0.6), (5, 9, 0.6), (12, 13, 0.6)], table)
