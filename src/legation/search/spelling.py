"""'Did you mean': corrections of misspelt query words from the index's own vocabulary.

A plain word of the query that is rare or absent in the archive (``Krushchev``, ``Formsa``: in
fewer than :data:`ESTABLISHED_DOCS` documents or a thousandth of the archive) is replaced by a word at most one edit away (two for words over five letters) that occurs in at
least ten times as many documents. Edit distance is optimal string alignment (Levenshtein with
a transposition of two letters counted as one edit, as in ``tset``/``test``; rapidfuzz).

A word the archive holds, though in few documents, is presumed meant: Lucene's DirectSpellChecker
and Elasticsearch's term suggester correct only words absent from the index by default
(``SUGGEST_WHEN_NOT_IN_INDEX``, ``suggest_mode: missing``). Sources misspell too (``Krushchev`` in
3 FRUS documents, ``Khrushchev`` in 632), so such a word is still corrected, but only by a word
far more frequent *and* close to it: at most one edit for every :data:`PRESENT_WORD_LETTERS_PER_EDIT`
letters of the longer word (Lucene's ``accuracy``, a similarity of 1 - edits / length, at 0.8).
Two edits in six letters make another word, not a slip: ``Modrow``, a name in a few documents,
is not "corrected" to ``Moscow``, nor ``Cheney`` to ``Chen``, nor a four-letter word by one edit
(``Nagy`` to ``navy``); ``Kurfurst`` still becomes ``Kurfürsten`` (two edits in ten letters).
Measured on the demo archive, nearly every correction of a word it holds that this rule drops
was wrong (``Wisner`` → ``wished``, ``boxers`` → ``borders``, ``laps`` → ``Laos``).
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Hashable

import tantivy
from rapidfuzz import distance, process

from legation.search import analyzers, schema
from legation.search.query import And, Node, Not, Term

CANDIDATES_PER_LETTER = 20_000  # most frequent words of the vocabulary sharing the first letter
MIN_GAIN = 10  # the correction must be this many times more frequent than the word typed
ESTABLISHED_DOCS = 10  # a word in this many documents, and in a thousandth of the archive, is not corrected
ESTABLISHED_SHARE = 1000
PRESENT_WORD_LETTERS_PER_EDIT = 5  # a word the archive holds is corrected at most one edit per this many letters
CACHED_LETTERS = 8  # first letters whose frequent words a process keeps ("s" at 1,000,000 documents: 16,906 words, 1.6 MB)
CACHE_SECONDS = 60.0  # how long it keeps them: the counts of an index changed since may be this old

_cache: OrderedDict[tuple[Hashable, str], tuple[float, dict[str, int]]] = OrderedDict()
_cache_lock = threading.Lock()


def frequent_words(searcher: tantivy.Searcher, letter: str, index_key: Hashable | None = None) -> dict[str, int]:
    """The :data:`CANDIDATES_PER_LETTER` words of the vocabulary beginning with ``letter`` that the
    most documents hold, with the number of documents: ``{word: documents}``. Reading them walks
    every such word of every segment (86 ms for "s" at 1,000,000 documents in 11 segments), so
    with ``index_key`` (what names one index as it stands: its folder, documents and segments)
    they are kept for :data:`CACHE_SECONDS`, for the :data:`CACHED_LETTERS` letters used last:
    a misspelt query meets them again for any word of that letter."""
    key = (index_key, letter)
    if index_key is not None:
        with _cache_lock:
            kept = _cache.get(key)
            if kept is not None and time.monotonic() - kept[0] < CACHE_SECONDS:
                _cache.move_to_end(key)
                return kept[1]
    words = dict(searcher.terms_with_prefix(schema.VOCAB_FIELD, letter, limit=CANDIDATES_PER_LETTER))
    if index_key is not None:
        with _cache_lock:
            _cache[key] = (time.monotonic(), words)
            _cache.move_to_end(key)
            while len(_cache) > CACHED_LETTERS:
                _cache.popitem(last=False)
    return words


def _correct(word: str, searcher: tantivy.Searcher, index_key: Hashable | None = None) -> str | None:
    folded = analyzers.folded(word)
    if len(folded) != 1 or len(folded[0]) < 4 or not folded[0].isalpha():
        return None
    typed = folded[0]
    typed_freq = searcher.doc_freq(schema.VOCAB_FIELD, typed)
    if typed_freq >= max(ESTABLISHED_DOCS, searcher.num_docs // ESTABLISHED_SHARE):
        return None  # a word of the archive; looking for a likelier one read 20,000 words (7 ms at 1,000,000 documents)
    terms = frequent_words(searcher, typed[0], index_key)
    max_edits = 1 if len(typed) <= 5 else 2
    near = process.extract(
        typed, [t for t in terms if t != typed], scorer=distance.OSA.distance, score_cutoff=max_edits, limit=20
    )
    good = [
        (edits, -terms[t], t)
        for t, edits, _ in near
        if terms[t] >= MIN_GAIN * max(typed_freq, 1)
        and (not typed_freq or edits * PRESENT_WORD_LETTERS_PER_EDIT <= max(len(t), len(typed)))
    ]
    return min(good)[2] if good else None


def _as_written(term: str, searcher: tantivy.Searcher, idx_schema: tantivy.Schema) -> str:
    """The vocabulary's ``term`` (lowercased and folded: ``kurfursten``) as a document holding it
    writes it, lowercased (``kurfürsten``): the first stored word that is the term but for case
    and the accents the index folds (:func:`legation.search.analyzers.same_letters`); ``term``
    itself when none is found (the word is in a field not stored, such as the vocabulary alone)."""
    found = searcher.search(tantivy.Query.term_query(idx_schema, schema.VOCAB_FIELD, term), limit=1).hits
    if not found:
        return term
    word = re.compile(r"(?<!\w)" + "".join(f"[{re.escape(analyzers.same_letters(c))}]" for c in term) + r"(?!\w)", re.IGNORECASE)
    for values in searcher.doc(found[0][1]).to_dict().values():
        for value in values:
            if isinstance(value, str) and (match := word.search(value)):
                return match.group().lower()
    return term


def _like(typed: str, correction: str) -> str:
    """The correction written the way the word was typed (``Krushchev`` → ``Khrushchev``)."""
    if typed.isupper() and len(typed) > 1:
        return correction.upper()
    return correction[:1].upper() + correction[1:] if typed[:1].isupper() else correction


def did_you_mean(
    node: Node | None,
    searcher: tantivy.Searcher,
    idx_schema: tantivy.Schema,
    keep: set[str] = frozenset(),  # type: ignore[assignment]
    index_key: Hashable | None = None,
) -> str:
    """The query's plain words with misspellings corrected (``"Khrushchev Berlin"``), words it
    excludes kept as typed (``"Formosa -treaty"`` for ``Formsa -treaty``), or ``""`` when no word
    needs correcting or the query is not plain words (a field, a phrase, a prefix, ``OR``, a
    group). Words inside any phrase of ``keep`` (names found in their other forms) are left as
    typed. A correction is spelt as the archive writes it, accents and all (``Kurfürst`` →
    ``Kurfürsten``, not the vocabulary's folded ``Kurfursten``). ``index_key``: see
    :func:`frequent_words`."""
    items = node.items if isinstance(node, And) else (node,) if node is not None else ()
    if not any(map(_plain, items)) or not all(_plain(i) or isinstance(i, Not) and _plain(i.item) for i in items):
        return ""
    words = [i.text if isinstance(i, Term) else f"-{i.item.text}" for i in items]  # type: ignore[union-attr]
    kept = {w for phrase in keep for w in phrase.split()}
    corrected = []
    for word in words:
        fix = None if word in kept or word.startswith("-") else _correct(word, searcher, index_key)
        corrected.append(_like(word, _as_written(fix, searcher, idx_schema)) if fix else word)
    return " ".join(corrected) if corrected != words else ""


def _plain(item: Node) -> bool:
    """Whether ``item`` is a plain word: no field, not a prefix."""
    return isinstance(item, Term) and item.field is None and not item.prefix
