"""The Dask shuffle: articles compared with each other on a Dask cluster (`framing reuse --among
--engine dask`), the records of `framing.reuse.among` (`framing.reuse.clusters`), identical,
without any worker holding the whole corpus.

`among` indexes every article in one process and compares each with that index. Here the index
is a shuffle, and each step is a set of tasks:

1. read: each worker reads partitions of the inputs, planned as `map_documents` plans them. The
   documents come back here too, for the output, the duplicate ids and the articles' numbers
   (their rank by id: the order `SourceIndex` keeps its sources in).
2. map, per partition: its articles are prepared (and kept there) and cut into postings, each
   sent to one of B buckets by a hash that is the same in every process: shingles (their
   `framing.reuse.prepared.shingles` hash; how often each occurs in the article, and outside its
   boilerplate), the stripped text's digest, the document keys that rank translation
   candidates.
3. reduce, per bucket: a shingle found in too many articles is boilerplate (`boilerplate_limit`
   of the whole corpus, as `SourceIndex` prunes it); the others count, for each pair of
   articles, the seeds `SourceIndex._seeds` would find. Identical texts, and keys held by
   articles in both languages, are grouped. Each result goes to the partition of the article it
   is about.
4. plan, per partition: each article's partners, the articles it shares at least
   MIN_SHARED_SHINGLES seeds with and the translation candidates `rank_candidates` picks.
5. align: the pairs (article, partner) are grouped here by the ranges of GROUP_TEXTS / 2
   article numbers their two ends fall in, so that a task receives at most GROUP_TEXTS prepared
   articles, from the workers that prepared them, and each article goes to at most one task
   per range (2 x articles / GROUP_TEXTS tasks). A task aligns its pairs as
   `SourceIndex.compare` does and returns one `SourceMatch` per pair that shares passages.
6. Here, each article's matches make its record (`framing.reuse.summary.summary`), and the
   records are clustered as `among` clusters them.

Identical texts are found by a 128-bit BLAKE2b digest of the stripped text, where `among`
compares the texts themselves; everything else is the same computation, so the records are too.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import islice
from operator import getitem

from framing.engines import Batch
from framing.reuse.align import aligned
from framing.reuse.clusters import clustered
from framing.reuse.index import BOILERPLATE_MIN_ARTICLES, MIN_SHARED_SHINGLES, boilerplate_limit
from framing.reuse.prepared import prepare, shingles
from framing.reuse.summary import matches, summary
from framing.reuse.translate import document_keys, rank_candidates, sentence_table, translated

# Prepared articles one align task receives at most. The pairs are cut by ranges of half as
# many articles: larger tasks send each article to fewer tasks (2 x articles / GROUP_TEXTS);
# smaller ones bound a worker's memory (about 40 kB per prepared 2.5 kB article: 40 MB).
GROUP_TEXTS = 1000


def among_on_dask(paths: Sequence[str], read_options: dict, *, scheduler: str | None = None,
                  workers: int | None = None, progress: Callable[[int], None] | None = None,
                  progress_length: Callable[[int], None] | None = None,
                  group_texts: int = GROUP_TEXTS, sizes: dict | None = None) -> tuple:
    """(documents in reading order, {id: reuse record} of the readable ones): what
    `framing.reuse.among` gives for those documents, computed on a Dask cluster.

    `progress_length(tasks)` once the align and summary tasks are known, `progress(1)` as each
    finishes. `sizes`, when given, receives how much each task held, one number per task:
    {"read": documents, "reduce": distinct shingles, "align": prepared articles}."""
    from framing.engines import dask_client, plan_partitions

    options, partitions = plan_partitions(paths, read_options)
    with dask_client(scheduler, workers) as client:
        read = [client.submit(_read, units, options, pure=False) for units in partitions]
        documents, numbers, places = _numbered([batch.items for batch in client.gather(read)])
        if sizes is not None:
            sizes["read"] = [len(part) for part in numbers]
        records = {}
        if places:
            prepared, words, plans = _planned(client, read, numbers, len(places), sizes)
            del read  # the prepared articles are all the next steps need
            batches = client.gather([client.submit(_pairs, plan, pure=False) for plan in plans])
            pairs = [pair for batch in batches for pair in batch.items]
            tasks = _tasks(pairs, max(1, group_texts // 2))
            if sizes is not None:
                sizes["align"] = [len(_ends(task)) for task in tasks]
            if progress_length:
                progress_length(len(tasks) + len(plans))
            for part_records in _records(client, prepared, words, plans, tasks, places,
                                         progress):
                records.update(part_records)
    in_order = sorted(places, key=lambda number: places[number][0])
    return documents, clustered({documents[places[n][0]].id: records[n] for n in in_order})


def _read(units: list, options) -> Batch:
    """On a worker: the documents of a partition's files, in reading order."""
    from framing.documents import read_unit

    return Batch(tuple(document for unit in units for document in read_unit(unit, options)))


def _numbered(partitions: list[list]) -> tuple:
    """(documents flagged as a local run flags them, each partition's article numbers by
    position (None: not compared), {number: (index in documents, partition, position)}).
    Numbers rank the readable documents by id."""
    from framing.documents import flag_duplicates

    flag = flag_duplicates()
    documents, readable = [], []
    for p, partition in enumerate(partitions):
        for i, document in enumerate(partition):
            document = flag(document)
            if document.error is None:
                readable.append((document.id, p, i, len(documents)))
            documents.append(document)
    numbers = [[None] * len(partition) for partition in partitions]
    places = {}
    for number, (_, p, i, index) in enumerate(sorted(readable)):
        numbers[p][i] = number
        places[number] = (index, p, i)
    return documents, numbers, places


def _planned(client, read, numbers, n_articles, sizes) -> tuple:
    """Steps 2 to 4, one future per partition each: (its prepared articles, their numbers of
    words, their plans)."""
    n_parts = len(read)
    n_buckets = max(n_parts, len(client.nthreads()))
    mapped = [client.submit(_postings, documents, numbers[p], n_buckets, pure=False)
              for p, documents in enumerate(read)]
    prepared = [client.submit(getitem, m, n_buckets, pure=False) for m in mapped]
    words = [client.submit(getitem, m, n_buckets + 1, pure=False) for m in mapped]
    reduced = []
    for b in range(n_buckets):
        pieces = [client.submit(getitem, m, b, pure=False) for m in mapped]
        reduced.append(client.submit(_reduce, pieces, n_articles, n_parts, pure=False))
    if sizes is not None:
        sizes["reduce"] = client.gather([client.submit(_held, r, pure=False) for r in reduced])
    plans = []
    for p in range(n_parts):
        pieces = [client.submit(getitem, r, p, pure=False) for r in reduced]
        articles = [n for n in numbers[p] if n is not None]
        plans.append(client.submit(_plan, pieces, articles, n_articles, pure=False))
    return prepared, words, plans


# --- map: postings of a partition's articles, by bucket -----------------------------------------


def _postings(documents: Batch, numbers: list, n_buckets: int) -> tuple:
    """On a worker: for each bucket (shingles [hash, article, occurrences, occurrences outside
    boilerplate, hash, ...], texts [(digest, article, id)], keys [(key, article, language)]);
    then Batch({article: Prepared}) and {article: words}. Shingles are a flat array of 64-bit
    ints: 32 bytes a posting where tuples take 100."""
    buckets = [(array("q"), [], []) for _ in range(n_buckets)]
    prepared = {}
    for document, number in zip(documents.items, numbers):
        if number is None:
            continue
        article = prepared[number] = prepare(document.id, document.text)
        counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        for position, h in shingles(article.keys):
            counts[h][0] += 1
            counts[h][1] += not article.boilerplate[position]
        for h, (occurrences, outside) in counts.items():
            buckets[h % n_buckets][0].extend((h, number, occurrences, outside))
        digest = _hash(document.text.strip(), 16)
        buckets[digest % n_buckets][1].append((digest, number, document.id))
        for key in document_keys(article):
            buckets[_hash(key) % n_buckets][2].append((key, number, article.lang))
    return (*buckets, Batch(prepared), {n: article.n_words for n, article in prepared.items()})


def _hash(text: str, size: int = 8) -> int:
    """A hash of `text` that is the same in every process (Python's str hash is not)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=size).digest(),
                          "little")


# --- reduce: one bucket of every partition's postings --------------------------------------------


def _reduce(pieces: list[tuple], n_articles: int, n_parts: int) -> tuple[dict, ...]:
    """On a worker, for each partition: {"pairs": (article x n_articles + other, seeds) as two
    arrays (there are millions of pairs, most with one seed), "pruned": {article:
    its boilerplate shingles}, "identical": {article: id}, "keys": {key: [(article,
    language)]}, "held": distinct shingles in this bucket}, about that partition's articles."""
    out = [{"pairs": defaultdict(int), "pruned": defaultdict(list), "identical": {}, "keys": {}}
           for _ in range(n_parts)]
    by_shingle, by_text, by_key = defaultdict(list), defaultdict(list), defaultdict(list)
    for p, (shingle_counts, texts, keys) in enumerate(pieces):
        postings = iter(shingle_counts)
        for h, number, occurrences, outside in zip(postings, postings, postings, postings):
            by_shingle[h].append((number, p, occurrences, outside))
        for digest, number, doc_id in texts:
            by_text[digest].append((number, p, doc_id))
        for key, number, lang in keys:
            by_key[key].append((number, p, lang))
    _pair_seeds(by_shingle, n_articles, out)
    for same in by_text.values():
        same.sort()
        for number, p, _ in same:
            # The first other article by id, as SourceIndex.by_text gives it.
            out[p]["identical"][number] = next((i for n, _, i in same if n != number), None)
    for key, holders in by_key.items():
        # A key held in one language only adds to no translation candidate's score.
        if len({lang for *_, lang in holders}) > 1:
            entry = [(number, lang) for number, _, lang in holders]
            for p in {p for _, p, _ in holders}:
                out[p]["keys"][key] = entry
    for part in out:
        part["pairs"] = array("q", part["pairs"].keys()), array("q", part["pairs"].values())
        part["held"] = len(by_shingle)
    return tuple(out)


def _pair_seeds(by_shingle: dict, n_articles: int, out: list[dict]) -> None:
    """Seeds per pair of articles, and boilerplate shingles per article, into `out`: a pair
    (a, s) gets one seed per occurrence of a shingle in `a` and occurrence outside boilerplate in
    `s`, from the shingles that fewer than `boilerplate_limit` articles hold outside
    boilerplate."""
    limit = boilerplate_limit(n_articles, BOILERPLATE_MIN_ARTICLES)
    for h, holders in by_shingle.items():
        sources = [(number, outside) for number, _, _, outside in holders if outside]
        if len(sources) >= limit:
            for number, p, _, _ in holders:
                out[p]["pruned"][number].append(h)
            continue
        for article, p, occurrences, _ in holders:
            pairs, row = out[p]["pairs"], article * n_articles
            for source, outside in sources:
                if source != article:
                    pairs[row + source] += occurrences * outside


def _held(reduced: tuple[dict, ...]) -> int:
    return reduced[0]["held"] if reduced else 0


# --- plan: each article's partners --------------------------------------------------------------


def _plan(pieces: list[dict], articles: list[int], n_articles: int) -> dict:
    """On a worker, for the articles of one partition: {article: (same-language partners,
    translation candidates, identical_to, boilerplate shingles)}."""
    seeds, pruned, identical, keys = defaultdict(int), defaultdict(set), {}, {}
    for piece in pieces:
        for pair, count in zip(*piece["pairs"]):
            seeds[pair] += count
        for number, hashes in piece["pruned"].items():
            pruned[number].update(hashes)
        identical.update(piece["identical"])
        keys.update(piece["keys"])
    same = defaultdict(list)
    for pair, count in seeds.items():
        if count >= MIN_SHARED_SHINGLES:
            article, source = divmod(pair, n_articles)
            same[article].append(source)
    postings = {key: [number for number, _ in holders] for key, holders in keys.items()}
    lang_of = {number: lang for holders in keys.values() for number, lang in holders}
    held = defaultdict(list)
    for key, holders in keys.items():
        for number, _ in holders:
            held[number].append(key)
    plans = {}
    for article in articles:
        translate = []
        if article in held:
            # Numbers rank the articles by id: they break ties as ids do.
            translate = rank_candidates(held[article], postings, n_articles, lang_of[article],
                                        lang_of.__getitem__, int)
        plans[article] = (sorted(same[article]), translate, identical.get(article),
                          pruned[article])
    return plans


def _pairs(plans: dict) -> Batch:
    """[(article, partner, aligned in the same language, as a translation)] of a partition's
    plans: what the client needs to cut the align tasks."""
    pairs = []
    for article, (same, translate, _, _) in plans.items():
        for partner in sorted({*same, *translate}):
            pairs.append((article, partner, partner in same, partner in translate))
    return Batch(tuple(pairs))


# --- align: the pairs, by ranges of article numbers ----------------------------------------------


def _tasks(pairs: list[tuple], span: int) -> list[list[tuple]]:
    """The pairs cut by the ranges of `span` article numbers their two ends fall in: a task's
    articles lie in at most two ranges, and an article's pairs go to at most one task per
    range."""
    by_ranges = defaultdict(list)
    for pair in pairs:
        ranges = sorted((pair[0] // span, pair[1] // span))
        by_ranges[tuple(ranges)].append(pair)
    return [by_ranges[key] for key in sorted(by_ranges)]


def _ends(task: list[tuple]) -> set[int]:
    return {n for pair in task for n in pair[:2]}


def _records(client, prepared, words, plans, tasks, places, progress):
    """Each partition's {article: record}: one align task per task of pairs, which receives the
    prepared articles and plans it needs from the partitions that hold them and sends each
    partition the matches of its articles; then one summary task per partition."""
    from distributed import as_completed

    # Two align tasks per worker thread: one running, one fetching its inputs. A worker fetches
    # the inputs of every task it is given, and an align task's are up to GROUP_TEXTS prepared
    # articles (all tasks given at once: 700 MB a worker on 4,000 articles; 410 MB so).
    in_flight = 2 * sum(client.nthreads().values())
    matches_for = defaultdict(list)
    waiting = iter(tasks)
    running = as_completed()
    for task in islice(waiting, in_flight):
        running.add(_submit_align(client, task, prepared, plans, places, matches_for))
    for future in running:
        future.release()
        if progress:
            progress(1)
        task = next(waiting, None)
        if task is not None:
            running.add(_submit_align(client, task, prepared, plans, places, matches_for))
    summaries = [client.submit(_summarise, matches_for[p], plans[p], words[p], pure=False)
                 for p in range(len(plans))]
    for future in as_completed(summaries):
        yield future.result()
        future.release()
        if progress:
            progress(1)


def _submit_align(client, task, prepared, plans, places, matches_for):
    """The align task of `task`, and its picks; each partition's matches go to `matches_for`."""
    texts, articles = defaultdict(list), defaultdict(set)
    for number in _ends(task):
        texts[places[number][1]].append(number)
    for pair in task:
        articles[places[pair[0]][1]].add(pair[0])
    picks = [client.submit(_pick, prepared[p], plans[p], tuple(texts[p]), articles[p],
                           pure=False) for p in sorted(texts)]
    part_of = {number: places[number][1] for number in {pair[0] for pair in task}}
    future = client.submit(_align, picks, tuple(task), part_of, pure=False)
    for p in articles:
        matches_for[p].append(client.submit(getitem, future, p, pure=False))
    return future


def _pick(prepared: Batch, plans: dict, texts: tuple[int, ...], articles: set[int]) -> tuple:
    """On a worker: ({number: Prepared} of `texts`, {article: its boilerplate shingles})."""
    return {n: prepared.items[n] for n in texts}, {n: plans[n][3] for n in articles}


def _align(picks: list[tuple], pairs: tuple[tuple, ...], part_of: dict[int, int]) -> dict:
    """On a worker: {partition: Batch([(article, SourceMatch)])} of the pairs (article,
    partner, same language, translation) that share passages, found as SourceIndex.compare
    finds them."""
    prepared, pruned = {}, {}
    for picked, picked_pruned in picks:
        prepared.update(picked)
        pruned.update(picked_pruned)
    # A boilerplate shingle is boilerplate for every article that holds it.
    boilerplate = set().union(*pruned.values())
    sources = {partner for _, partner, same, _ in pairs if same}
    postings = _postings_of(prepared, sources, boilerplate)
    by_article = defaultdict(list)
    for number, partner, same, translation in pairs:
        by_article[number].append((partner, same, translation))
    tables, found = {}, defaultdict(list)
    for number, partners in by_article.items():
        article = prepared[number]
        seeds = _seeds(article, boilerplate, postings, {p for p, same, _ in partners if same})
        passages = aligned(article, [(prepared[p], seeds[p]) for p, same, _ in partners if same])
        # All of an article's translation candidates at once, as SourceIndex.compare aligns
        # them: of near-identical ones, translated() keeps one.
        candidates = [p for p, _, translation in partners if translation]
        for partner in candidates:
            if partner not in tables:
                tables[partner] = sentence_table(prepared[partner])
        passages += translated(article, [(prepared[p], tables[p]) for p in candidates])
        found[part_of[number]].extend((number, match) for match in matches(passages))
    return {p: Batch(tuple(found[p])) for p in set(part_of.values())}


def _summarise(pieces: list[Batch], plans: dict, words: dict) -> dict:
    """On a worker: {article: reuse record} of a partition's articles, from the matches the
    align tasks found for them."""
    found = defaultdict(list)
    for piece in pieces:
        for article, match in piece.items:
            found[article].append(match)
    return {article: summary(words[article], found[article], identical)
            for article, (_, _, identical, _) in plans.items()}


def _postings_of(prepared: dict, sources: set[int],
                 boilerplate: set[int]) -> dict[int, list[tuple[int, int]]]:
    """{shingle hash: [(source, position outside boilerplate)]} of the `sources`, without the
    `boilerplate` shingles: SourceIndex.postings for these sources."""
    postings = defaultdict(list)
    for number in sorted(sources):
        source = prepared[number]
        for position, h in shingles(source.keys):
            if not source.boilerplate[position] and h not in boilerplate:
                postings[h].append((number, position))
    return postings


def _seeds(article, boilerplate: set[int], postings: dict, sources: set[int]) -> dict[int, set]:
    """{source: {(article position, source position)}} of the shingles `article` shares with
    `sources`: SourceIndex._seeds for this article."""
    seeds = defaultdict(set)
    for a, h in shingles(article.keys):
        if h not in boilerplate:
            for number, s in postings.get(h, ()):
                if number in sources:
                    seeds[number].add((a, s))
    return seeds
