"""framing.explain: the summary `framing score` prints, the article with its evidence marked
(`--explain`: colour on a terminal, plain brackets when piped) and what `framing reuse` prints."""

from click.testing import CliRunner

import framing
from framing.cli import main
from framing.explain import marked_text, reuse_summary, summary
from framing.reuse import SourceIndex

from .conftest import seed_path


def run(*args, input=None):
    return CliRunner().invoke(main, list(map(str, args)), input=input, catch_exceptions=False)


def test_explain_marks_evidence_with_plain_brackets_when_piped():
    result = run("score", "--explain", seed_path("001"))
    assert result.exit_code == 0
    assert "\x1b[" not in result.output
    assert "[C] " in result.output and "[§" in result.output and "[-reste posée]" in result.output


def test_explain_uses_colour_and_a_second_cue_on_a_terminal():
    import framing
    from framing.explain import marked_text

    path = seed_path("001")
    text = path.read_text("utf-8")
    coloured = marked_text(framing.score_text(text, id="001"), text, color=True)
    assert "\x1b[" in coloured and "[-reste posée]" in coloured  # colour keeps the brackets too


LEGEND = ("legend: [P]/[N]/[C] sentence label · [+…] promotional · [-…] critical · "
          "[§…] sovereignty")


def test_each_sentence_is_tagged_and_its_evidence_marked_in_place(lexicon):
    text = ("C'est un succès. Le chantier durera deux ans. "
            "Rien ne garantit sa rentabilité à l’abri du CLOUD Act.")
    record = framing.score_text(text, lexicon=lexicon, id="chantier")
    assert marked_text(record, text, color=False).splitlines() == [
        "== chantier · critical · sovereignty question",
        "[P] C'est un [+succès].",
        "[N] Le chantier durera deux ans.",
        "[C] [-Rien ne garantit] sa rentabilité à l’abri du [§CLOUD Act].",
        LEGEND,
    ]


def test_overlapping_evidence_is_marked_once_and_no_word_is_repeated(lexicon):
    """The closing question's span ("aux hyperscalers ?") holds the sovereignty cue
    "hyperscalers": the first mark wins, the second is not printed over it."""
    text = "La question reste posée : jusqu’où ira la dépendance aux hyperscalers ?"
    record = framing.score_text(text, lexicon=lexicon, id="question")
    assert [e.text for e in record.sovereignty.evidence] == ["hyperscalers"]
    assert marked_text(record, text, color=False).splitlines()[1] == (
        "[C] La question [-reste posée] : jusqu’où ira la [-dépendance] [-aux hyperscalers ?]")


def test_the_summary_of_a_document_that_failed_is_its_error(tmp_path, lexicon):
    path = tmp_path / "vide.txt"
    path.write_bytes(b"")
    (record,) = framing.score_paths([path], lexicon=lexicon)
    assert summary(record) == f"vide  ERROR empty: {record.error.message}\n"
    assert str(path) in record.error.message


RELEASE = ("Velora inaugure aujourd'hui sa première usine de vélos cargo à Vénissieux, un site de "
           "12 000 mètres carrés qui emploiera 180 salariés d'ici la fin de l'année prochaine.")


def test_reuse_summary_gives_both_places_of_a_passage_cut_to_the_width():
    article = "VÉLOS. " + RELEASE + " Le maire était absent."
    found = SourceIndex([("velora", RELEASE)]).compare(article, "velos")
    lines = reuse_summary("velos", found, article, {"velora": RELEASE}, width=40).splitlines()
    assert lines[0] == "velos  verbatim from velora"
    # "VÉLOS. " is 7 characters; the release, all of it reprinted, is 167.
    assert lines[-2:] == ["    article 7-174: Velora inaugure aujourd'hui sa première…",
                          "    velora 0-167: Velora inaugure aujourd'hui sa première…"]
    unrelated = SourceIndex([("velora", RELEASE)]).compare("Le maire était absent.", "maire")
    assert reuse_summary("maire", unrelated, "Le maire était absent.", {}) == (
        "maire  no reuse found\n")


def test_the_scores_beside_a_label_are_those_of_what_chose_it():
    """One vocabulary (issue 15): with the model, the label line shows the model's
    probabilities and the lexicon's own label and scores are a line named `lexicon`; without
    it, the lexicon's scores stand beside its label and there is no second line."""
    with_model = framing.score_paths([seed_path("001")], model=framing.load_model())[0]
    f = with_model.framing
    probabilities = f.classifier["probabilities"]
    assert (f.promotional, f.critical) == (probabilities["promotional"], probabilities["critical"])
    lines = summary(with_model).splitlines()
    assert lines[1].split() == ["label", f.label, "(model:", "promotional",
                                f"{probabilities['promotional']:.2f}", "·", "critical",
                                f"{probabilities['critical']:.2f})"]
    assert lines[2].startswith(f"  lexicon      {f.lexicon_label} (promotional "
                               f"{f.lexicon_promotional:.2f} ·")
    assert lines[3].endswith("(labelled by the model)")
    alone = framing.score_paths([seed_path("001")], model=None)[0]
    assert (alone.framing.promotional, alone.framing.critical) == (f.lexicon_promotional,
                                                                   f.lexicon_critical)
    lines = summary(alone).splitlines()
    assert "(lexicon: promotional" in lines[1] and "lexicon " not in lines[2]
    assert lines[2].endswith("(labelled by the lexicon)")
    row = with_model.to_row()
    assert (row["promotional"], row["lexicon_promotional"]) == (f.promotional,
                                                                f.lexicon_promotional)
    assert with_model.to_dict()["framing"]["lexicon"] == {
        "label": f.lexicon_label, "promotional": f.lexicon_promotional,
        "critical": f.lexicon_critical}


def test_counts_agree_with_their_nouns_in_the_summary_and_the_reuse_lines(lexicon):
    """Issue 15: "1 sentence", "1 passage", never "1 sentences" or "1 passages"."""
    record = framing.score_text("Le maire était absent.", id="bref", lexicon=lexicon)
    head = summary(record).splitlines()[0]
    assert head.endswith("4 words, 1 sentence]"), head
    article = "VÉLOS. " + RELEASE + " Le maire était absent."
    found = SourceIndex([("velora", RELEASE)]).compare(article, "velos")
    text = reuse_summary("velos", found, article, {"velora": RELEASE})
    assert " · 1 passage\n" in text and "1 passages" not in text
