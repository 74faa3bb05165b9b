"""The explanation's words for what the newsroom added (framing.added_value): the verdict
with its figures, where the own part sits, its independent voices and the shift of the taken
wording, in English then French as in `ui.STRINGS`, which takes them in."""

ADDED_STRINGS = {
    "added_head": ("What the newsroom added", "Ce que la rédaction a ajouté"),
    "added": {
        "reprint": (
            "This article is a reprint: {share} of its words come from the {source} ({kind}).",
            "Cet article est une reprise : {share} de ses mots viennent du {source} ({kind})."),
        "reprint with commentary": (
            ("This article reprints the {source} ({kind}) for {share} of its words. Its own "
             "part ({words}, {where}) is {label}{sovereignty}."),
            ("Cet article reprend le {source} ({kind}) pour {share} de ses mots. Sa propre "
             "partie ({words}, {where}) est {label}{sovereignty}.")),
        "rewrite": (
            ("This article rewrites the {source}: {share} of its words come from it ({kind}). "
             "Its own part ({words}, {where}) is {label}{sovereignty}."),
            ("Cet article réécrit le {source} : {share} de ses mots en viennent ({kind}). Sa "
             "propre partie ({words}, {where}) est {label}{sovereignty}.")),
        "original with quotes": (
            ("This article is its own text: from the {source} it takes only quotations "
             "({share} of its words)."),
            ("Cet article est un texte propre : il ne prend au {source} que des citations "
             "({share} de ses mots).")),
        "original": (
            "This article is its own text: {share} of its words come from the {source}.",
            "Cet article est un texte propre : {share} de ses mots viennent du {source}."),
    },
    "added_reprint_rest": {
        "short": ("It adds only {words} of its own.", "Il n’ajoute que {words}."),
        "plain": ("What it adds ({words}) takes no side.",
                  "Ce qu’il ajoute ({words}) ne prend pas parti."),
    },
    "added_where": {  # where the own part's longest stretch sits
        "end": ("its longest stretch closes the article", "son plus long passage clôt l’article"),
        "start": ("its longest stretch opens the article", "son plus long passage ouvre l’article"),
        "middle": ("its longest stretch is in the middle", "son plus long passage est au milieu"),
    },
    "added_none": (
        "This article is its own text: no passage of the release is in it.",
        "Cet article est un texte propre : aucun passage du communiqué ne s’y trouve."),
    "added_sovereignty": {
        "question": (", and raises sovereignty as a question",
                     ", et pose la souveraineté comme une question"),
        "promise": (", and presents sovereignty as a promise",
                    ", et présente la souveraineté comme une promesse"),
        "none": ("", ""),
    },
    "added_voices": {  # by n
        "one": (
            ("Its own part quotes {n} independent voice (researcher, union, NGO, competitor "
             "or critic)."),
            ("Sa propre partie cite {n} voix indépendante (chercheur, syndicat, ONG, concurrent "
             "ou critique).")),
        "many": (
            ("Its own part quotes {n} independent voices (researchers, unions, NGOs, "
             "competitors or critics)."),
            ("Sa propre partie cite {n} voix indépendantes (chercheurs, syndicats, ONG, "
             "concurrents ou critiques).")),
    },
    "added_no_voices": (
        ("Its own part quotes no independent voice (researcher, union, NGO, competitor or "
         "critic)."),
        ("Sa propre partie ne cite aucune voix indépendante (chercheur, syndicat, ONG, "
         "concurrent ou critique).")),
    "shift": {
        "amplified": (
            ("Where it takes the release’s words, it makes them more promotional (promotional "
             "cues added: {added}, removed: {removed}; hedges removed: {hedges})."),
            ("Là où il reprend le communiqué, il le rend plus promotionnel (indices "
             "promotionnels ajoutés : {added}, retirés : {removed} ; précautions retirées : "
             "{hedges}).")),
        "toned down": (
            ("Where it takes the release’s words, it tones them down (promotional cues added: "
             "{added}, removed: {removed}; hedges added: {hedges_added})."),
            ("Là où il reprend le communiqué, il l’atténue (indices promotionnels ajoutés : "
             "{added}, retirés : {removed} ; précautions ajoutées : {hedges_added}).")),
        "kept": (
            "Where it takes the release’s words, it keeps their tone.",
            "Là où il reprend le communiqué, il en garde le ton."),
    },
}
