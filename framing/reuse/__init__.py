"""Press-release reuse: which passages of an article come from a source, with offsets into both.

Same language, the words are compared exactly, after folding case, accents, apostrophes and
number formats (so ’/' and «»/"" do not matter): every run of SHINGLE words the article shares
with a source is a seed; seeds on the same diagonal make exact runs; runs that follow each other
in both texts with at most a few words between them make one passage (a changed word, a cut
clause: a "near" passage). Passages too short, or made of names, numbers and boilerplate, are
dropped. Across languages, `translate` aligns sentences instead (see README, "Translated
reuse").

Sources are indexed once (`SourceIndex`): an article looks up its shingles in one dict and only
the sources it shares enough shingles with are aligned, so cost grows with the number of
articles, not with articles x sources. `among` compares articles with each other through one
index of them all; `shuffle` computes the same records on a Dask cluster, where no worker holds
that index.

    prepared   a text ready for comparison: word keys, boilerplate, shingles
    index      SourceIndex: the sources by shingle; compare() gives an article's reuse record
    align      same-language passages of one article in one source (verbatim, near)
    translate  translated passages: sentences paired through a bilingual dictionary, cognates,
               numbers and names, in order
    bilingual  the French-English word dictionary (learned from parallel text, and the glossary)
    summary    the per-article reuse record and its kind, from every source's passages
    clusters   articles compared with each other (`reuse --among`), grouped into clusters
    shuffle    the same on Dask (`reuse --among --engine dask`), the index cut into a shuffle

>>> index = SourceIndex([("release", "Acme will build a plant in Lyon that will employ 400 "
...                      "people and produce batteries for the European market from 2026.")])
>>> found = index.compare("Acme said on Monday that it will build a plant in Lyon that will "
...                       "employ 400 people and produce batteries for the European market.")
>>> found.kind, found.passages[0].kind, found.passages[0].words
('verbatim', 'verbatim', 18)
"""

from framing.reuse.clusters import among, clustered
from framing.reuse.index import SourceIndex
from framing.reuse.prepared import SHINGLE, Prepared, prepare, shingles

__all__ = ["SHINGLE", "Prepared", "SourceIndex", "among", "clustered", "prepare", "shingles"]
