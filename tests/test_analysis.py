"""One text's lexicon analyses (framing.analysis): the quotes attribution finds reach the framing
score, and the article's framing label reaches the sovereignty stance."""

from framing.analysis import analyse_text


def test_a_quoted_superlative_is_the_speaker_s_not_the_writer_s(lexicon):
    # The same superlative, said by the deputy inside quotation marks, then written by the paper.
    quoted = ("Le maire a inauguré la médiathèque mardi. "
              "« C’est un projet historique », a déclaré son adjoint.")
    written = "Le maire a inauguré la médiathèque mardi. C’est un projet historique."
    said, wrote = analyse_text(quoted, lexicon), analyse_text(written, lexicon)
    (passage,) = said.attribution.passages
    assert quoted[passage.start : passage.end] == "« C’est un projet historique »"
    # One list of hits per sentence: none in the first, the superlative in the second.
    assert [[quoted[h.start : h.end] for h in hits if h.entry.family != "attribution"]
            for hits in said.hits] == [[], ["historique"]]
    assert [(e.text, e.context) for e in said.framing.evidence] == [("historique", "quoted")]
    assert [(e.text, e.context) for e in wrote.framing.evidence] == [("historique", "writer")]
    # Quoted, it does not make its sentence promotional; written, it does.
    assert [s.label for s in said.framing.sentences] == ["neutral", "neutral"]
    assert [s.label for s in wrote.framing.sentences] == ["neutral", "promotional"]


def test_a_promotional_article_s_stance_is_a_promise_though_its_one_doubt_is_a_question(lexicon):
    # Two sentences of company superlatives, then one doubt about the CLOUD Act: the article is
    # promotional, and its only sovereignty sentence asks a question. The stance follows the
    # side the article's framing takes (sovereignty.stance_in): a promise.
    text = ("Ce partenariat historique et exceptionnel renforce notre leadership mondial. "
            "Nos clients profiteront d’une innovation unique et ambitieuse. "
            "Mais rien ne garantit que les données resteront à l’abri du CLOUD Act.")
    found = analyse_text(text, lexicon)
    assert found.framing.label == "promotional"
    assert [s.label for s in found.framing.sentences] == ["promotional", "promotional", "critical"]
    assert found.sovereignty.raised and found.sovereignty.laws == ["CLOUD Act"]
    assert found.sovereignty.question_weight > 0 and found.sovereignty.promise_weight == 0
    assert found.sovereignty.stance == "promise"
