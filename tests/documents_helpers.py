"""What the framing.documents tests share: reading real files written to tmp_path (no mocks),
the checks on a failed document, and the sample texts, bytes and page they read."""

from __future__ import annotations

from pathlib import Path

from framing.documents import Document, plan_inputs, read_documents

FRENCH = "Le député a été élu à l’unanimité, déjà ç à ù œ €"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def read(*inputs: object, **options: object) -> list[Document]:
    return list(read_documents([str(item) for item in inputs], **options))


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


def only(docs: list[Document]) -> Document:
    assert len(docs) == 1, docs
    return docs[0]


def assert_error(doc: Document, code: str, *in_message: str) -> None:
    assert doc.error is not None, doc
    assert doc.error.code == code, doc.error
    assert doc.text == ""
    for fragment in in_message:
        assert fragment in doc.error.message, doc.error.message


PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Le d&eacute;put&eacute; &amp; la r&eacute;forme | Le Journal</title>
<meta property="og:title" content="Le député &amp; la réforme">
<meta name="author" content="Jeanne Martin">
<meta property="article:published_time" content="2024-05-13T08:00:00+02:00">
<style>body { font-family: serif; } p::before { content: "STYLE"; }</style>
<script>document.write("<p>SCRIPT</p>");</script>
</head>
<body>
<header class="site-header"><a href="/">LE JOURNAL HEADER</a></header>
<nav><ul><li>Accueil</li><li>Politique NAV</li></ul></nav>
<div id="cookie-consent"><p>Nous utilisons des COOKIES.</p><button>OK</button></div>
<p>Texte hors article.</p>
<article>
  <h1>Le député &amp; la réforme</h1>
  <p class="lead-paragraph">Le   député a été
     élu à l’unanimité&nbsp;: une première.</p>
  <p>Deuxième <em>paragraphe</em>, avec une <a href="#">lien</a>.</p>
  <ul><li>premier point</li><li>second point</li></ul>
  <p>Ligne un<br>ligne deux</p>
  <div class="social-share">Partager sur X</div>
  <noscript>NOSCRIPT</noscript>
</article>
<aside class="related">Lire aussi ASIDE</aside>
<footer>FOOTER © Le Journal</footer>
</body></html>
"""


# PAGE's main text as trafilatura gives it: one line per block, list items as "- ", runs of
# whitespace (the no-break space too) as one space.
PAGE_TEXT = (
    "Le député & la réforme\n"
    "Le député a été élu à l’unanimité : une première.\n"
    "Deuxième paragraphe, avec une lien.\n"
    "- premier point\n- second point\n"
    "Ligne un\nligne deux"
)


def units_of(*inputs: object, **options: object) -> list:
    return plan_inputs([str(item) for item in inputs], **options)[1]
