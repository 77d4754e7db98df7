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

A word sought in a field (``title:Krushchev``, ``sender:Eisenhowr``) is corrected only by a
word that field holds, so that the corrected search finds something there; a field of codes
(``language:``, :attr:`legation.search.schema.SearchField.spelled`) is never corrected: its values
are no words. The candidates and their counts are still the whole vocabulary's (one per first
letter, kept: :func:`frequent_words`), each checked in the field by its terms there, a lookup of
their document frequency: the index keeps no unstemmed vocabulary per field, and walking a
field's own terms for every misspelt word would cost what :func:`frequent_words` saves.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator

import tantivy
from rapidfuzz import distance, process

from legation.search import analyzers, schema
from legation.search.query import And, Node, Or, ParsedQuery, Phrase, Term

CANDIDATES_PER_LETTER = 20_000  # most frequent words of the vocabulary sharing the first letter
MIN_GAIN = 10  # the correction must be this many times more frequent than the word typed
ESTABLISHED_DOCS = 10  # a word in this many documents, and in a thousandth of the archive, is not corrected
ESTABLISHED_SHARE = 1000
PRESENT_WORD_LETTERS_PER_EDIT = 5  # a word the archive holds is corrected at most one edit per this many letters
# Words a process keeps of the letters it read last (about 90 bytes each): at 1,000,000 documents
# the 26 letters of the Latin alphabet hold 190,000 (17 MB; "s" 17,073, read in 77 ms, "a" in 119)
CACHED_WORDS = 250_000
# A word of a phrase, corrected on its own: letters and digits, hyphens and apostrophes within
# (``Kruschev's`` whole, not the comma after ``Kruschev,``)
_PHRASE_WORD = re.compile(r"\w+(?:['’-]\w+)*")
CACHE_SECONDS = 600.0  # how long it keeps them: the counts of an index changed since (its documents and segments alike) may be this old

_cache: OrderedDict[tuple[Hashable, str], tuple[float, dict[str, int]]] = OrderedDict()
_cache_lock = threading.Lock()


def frequent_words(searcher: tantivy.Searcher, letter: str, index_key: Hashable | None = None) -> dict[str, int]:
    """The :data:`CANDIDATES_PER_LETTER` words of the vocabulary beginning with ``letter`` that the
    most documents hold, with the number of documents: ``{word: documents}``. Reading them walks
    every such word of every segment (86 ms for "s" at 1,000,000 documents in 11 segments), so
    with ``index_key`` (what names one index as it stands: its folder, documents and segments)
    they are kept for :data:`CACHE_SECONDS`, for the letters used last, up to :data:`CACHED_WORDS`
    words in all: a misspelt query meets them again for any word of that letter. An index that
    changes (its documents or segments) is another key; what was kept of it before goes in turn."""
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
            kept_words = sum(len(w) for _, w in _cache.values())
            while kept_words > CACHED_WORDS and len(_cache) > 1:
                kept_words -= len(_cache.popitem(last=False)[1][1])
    return words


def _correct(word: str, searcher: tantivy.Searcher, index_key: Hashable | None = None, field: str | None = None) -> str | None:
    """The vocabulary's word (folded) that ``word`` was most likely meant for, by the rules of the
    module's docstring, ``None`` when none is; in the search field ``field`` a word it holds."""
    return next(iter(_candidates(word, searcher, index_key, field)), None)


def _candidates(word: str, searcher: tantivy.Searcher, index_key: Hashable | None = None, field: str | None = None) -> list[str]:
    """The words of the vocabulary (folded) ``word`` may have been meant for, by the rules of the
    module's docstring, the likeliest first: fewest edits, then most documents; in the search
    field ``field`` words it holds. ``[]`` when none."""
    folded = analyzers.folded(word)
    if len(folded) != 1 or len(folded[0]) < 4 or not folded[0].isalpha():
        return []
    typed = folded[0]
    typed_freq = searcher.doc_freq(schema.VOCAB_FIELD, typed)
    if typed_freq >= max(ESTABLISHED_DOCS, searcher.num_docs // ESTABLISHED_SHARE):
        return []  # a word of the archive; looking for a likelier one read 20,000 words (7 ms at 1,000,000 documents)
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
    return [correction for _, _, correction in sorted(good) if field is None or _in_field(correction, field, searcher)]


def _in_field(word: str, field: str, searcher: tantivy.Searcher) -> bool:
    """Whether some document holds ``word`` in the search field ``field``: its terms as one of the
    field's index fields analyzes them (stemmed: ``treaties`` is held where ``treaty`` is) are all
    there."""
    return any(
        (terms := analyzers.terms(word, analyzer)) and all(searcher.doc_freq(index, term) for term in terms)
        for index, analyzer, _ in schema.query_fields(field)
    )


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
                return match.group().lower().replace("i\u0307", "i")  # "İlgili" lowercased keeps İ's dot as a character of its own
    return term


def _like(typed: str, correction: str) -> str:
    """The correction written the way the word was typed (``Krushchev`` → ``Khrushchev``)."""
    if typed.isupper() and len(typed) > 1:
        return correction.upper()
    return correction[:1].upper() + correction[1:] if typed[:1].isupper() else correction


def did_you_mean(
    parsed: ParsedQuery,
    searcher: tantivy.Searcher,
    idx_schema: tantivy.Schema,
    keep: set[str] = frozenset(),  # type: ignore[assignment]
    index_key: Hashable | None = None,
    finds: Callable[[str], bool] | None = None,
) -> str:
    """The query read (``parsed.text``) with its misspelt words corrected, all else as typed:
    ``"Khrushchev Berlin"``, ``"title:Khrushchev"``, ``"(Khrushchev OR Formosa) treaty"``,
    ``"Formosa -treaty"``; ``""`` when no word needs correcting. Corrected are the words sought,
    bare or in a phrase (each word of ``"Kruschev speech"`` on its own), in a field of words
    (:func:`_in_field`) or in a group, under AND and OR; not a word excluded (under NOT or ``-``),
    ending in ``*``, sought in ``language:``, read from an address, or the name of a field searched
    as a word in a query that could not be read (``bogus`` of ``Mao bogus:x``, ``sender`` of
    ``sender:``: the parser gives them no :attr:`Term.at`). A bare word that no word corrects but
    that begins words the archive holds far more often is offered with ``*`` (``khru`` → ``khru*``:
    :func:`_begins_words`), unless a word near it is more frequent than any it begins (``Stallin`` →
    ``Stalin``, not ``Stallin*``, which found 45 documents on stalling). Words inside any phrase of ``keep``
    (names found in their other forms) are left as typed. A correction is spelt as the archive writes it, accents and all
    (``Kurfürst`` → ``Kurfürsten``, not the vocabulary's folded ``Kurfursten``), in the case the
    word was typed in. ``index_key``: see :func:`frequent_words`. ``finds(query)``: whether a query
    finds a document (with every word, within the search's filters and dates); when given,
    a correction that finds none is not offered: each word of ``"Port Arth"`` corrected on its own
    gave ``"Port Art"``, which no document holds, so a phrase's last word that begins the
    archive's words is offered as their beginning instead (``"Port Arth*"``) when that finds some,
    else the phrase is left as typed; and a query so corrected that still finds nothing (``Krushchev``
    within 1949, ``"Kissinnger" -Kissinger``) is offered no correction. With ``finds`` too, the last
    word of a phrase of two words or more that no word corrects but that begins the archive's words
    is offered as their beginning (``"Soviet Uni"`` → ``"Soviet Uni*"``, :func:`_begins_words`), and
    of a word's :data:`CONTEXT_CANDIDATES` likeliest corrections the first a document holds next to
    the word typed beside it comes first (``Prot Arthur`` → ``Port Arthur``, not ``pro``: :func:`_beside`).
    Reads the index only; never raises."""
    text = parsed.text
    kept = {w for phrase in keep for w in phrase.split()}
    fixes: dict[int, tuple[str, str]] = {}  # where a word stands in text → (the word, its correction)
    # where the phrases a * may end stand: one ending in a word typed unfinished ("Soviet Uni") is offered as "Soviet Uni*"
    phrase_ends = {p.at + len(p.text) for p in _phrases(parsed.node) if p.field is None and len(_PHRASE_WORD.findall(p.text)) > 1} if finds else set()
    for term in _sought(parsed.node):
        if term.at in fixes or term.text in kept or text[term.at : term.at + len(term.text)] != term.text:
            continue
        # a word absent from the archive that begins its words was typed unfinished (kissin, not
        # kishi two letters away); one it holds, rarely, was more likely misspelt (Krushchev)
        ends_phrase = term.at + len(term.text) in phrase_ends
        beginning = term.field is None and (_bare(term, text) or ends_phrase) and _begins_words(term.text, searcher, index_key, ends_phrase)
        candidates = _candidates(term.text, searcher, index_key, term.field)
        # the likeliest, or one of the next that stands in the archive beside the word typed beside it
        # ("Prot Arthur": port, which "Port Arthur" holds, not pro, one edit away too and more frequent)
        # (asked only where it may change what is offered: several candidates, or one a beginning may displace)
        asked = finds is not None and (len(candidates) > 1 or candidates and beginning == ABSENT)
        beside = _beside(term, candidates[:CONTEXT_CANDIDATES], text, finds) if asked else None  # type: ignore[arg-type]
        fix = beside or next(iter(candidates), None)
        if beginning == ABSENT and fix and not beside and not ends_phrase and searcher.doc_freq(schema.VOCAB_FIELD, fix) <= _most_begun(term.text, searcher, index_key):
            # unless the word near it is more frequent than any it begins: Stallin is Stalin (not stalling*), kissin kissin*;
            # ending a phrase, the word near it first ("Port Arthu": Arthur), its beginning if that finds nothing (_found_together)
            fix = None
        if fix:
            fixes[term.at] = (term.text, _like(term.text, _as_written(fix, searcher, idx_schema)))
        elif beginning:
            fixes[term.at] = (term.text, term.text + "*")
    if finds is not None:
        for phrase in _phrases(parsed.node):
            fixes.update(_found_together(phrase, fixes, finds, searcher, index_key))
            fixes = {at: fix for at, fix in fixes.items() if fix is not None}
    suggestion = _applied(text, fixes) if fixes else ""
    return suggestion if not suggestion or finds is None or finds(suggestion) else ""


CONTEXT_CANDIDATES = 3  # corrections of a word, the likeliest first, tried beside the word typed next to it
_BEFORE = re.compile(r"(?<![\w'’-])(\w+) +$")  # a word of letters and digits ending the text, a space or more after it
_AFTER = re.compile(r"^ +(\w+)(?![\w'’-])")
_OPERATORS = frozenset({"AND", "OR", "NOT"})


def _beside(term: Term, candidates: list[str], text: str, finds: Callable[[str], bool]) -> str | None:
    """The first of ``candidates`` (corrections of the word ``term``, folded) that a document holds
    right next to the plain word typed right before or after ``term`` in ``text``, as a phrase
    (``finds('"port Arthur"')`` for ``Prot Arthur``); ``None`` when none does or no word stands
    beside it. Two searches at most a candidate."""
    before = _BEFORE.search(text[: term.at])
    after = _AFTER.search(text[term.at + len(term.text) :])
    left = before.group(1) if before and before.group(1) not in _OPERATORS else None
    right = after.group(1) if after and after.group(1) not in _OPERATORS else None
    if left is None and right is None:
        return None
    for candidate in candidates:
        if left is not None and finds(f'"{left} {candidate}"') or right is not None and finds(f'"{candidate} {right}"'):
            return candidate
    return None


def _found_together(
    phrase: Phrase, fixes: dict[int, tuple[str, str]], finds: Callable[[str], bool], searcher: tantivy.Searcher, index_key: Hashable | None
) -> dict[int, tuple[str, str] | None]:
    """The corrections of ``phrase``'s words among ``fixes`` (place in the query → (word,
    correction)), checked together: as they are when the phrase so corrected finds a document
    (``finds``); else with its last word, when corrected and a beginning of the archive's words,
    as that beginning (``"Port Arth"`` → ``"Port Arth*"``, not ``"Port Art"``, which no document
    holds) when that finds one; else none (``None`` for each)."""
    end = phrase.at + len(phrase.text)
    own = {at: fix for at, fix in fixes.items() if phrase.at <= at < end}
    if not own:
        return {}
    field = f"{phrase.field}:" if phrase.field else ""

    def found(fixed: dict[int, tuple[str, str]]) -> bool:
        local = {at - phrase.at: fix for at, fix in fixed.items()}
        return bool(finds(f'{field}"{_applied(phrase.text, local)}"'))

    if found(own):
        return {}
    last = max(own)
    typed = own[last][0]
    if last + len(typed) == end and _begins_words(typed, searcher, index_key) and found({**own, last: (typed, typed + "*")}):
        return {last: (typed, typed + "*")}
    return dict.fromkeys(own)  # type: ignore[arg-type]


def _phrases(node: Node | None) -> Iterator[Phrase]:
    """The phrases of ``node`` whose words :func:`_sought` gives (typed in the query, under AND and OR)."""
    if isinstance(node, And | Or):
        for item in node.items:
            yield from _phrases(item)
    elif isinstance(node, Phrase) and node.at >= 0 and (node.field is None or schema.SEARCH_FIELDS_BY_NAME[node.field].spelled):
        yield node


def _applied(text: str, fixes: dict[int, tuple[str, str]]) -> str:
    """``text`` with each word at a place of ``fixes`` (place → (the word, its correction)) corrected."""
    for at in sorted(fixes, reverse=True):  # from the end, so that the places of those before hold
        typed, fix = fixes[at]
        text = text[:at] + fix + text[at + len(typed) :]
    return text


def _bare(term: Term, text: str) -> bool:
    """Whether ``term`` stands alone in ``text``, not within a phrase nor joined to a word by a
    hyphen or an apostrophe: the words :func:`_begins_words` may end with ``*``."""
    before, after = text[term.at - 1 : term.at], text[term.at + len(term.text) : term.at + len(term.text) + 1]
    return before in ("", " ", "(") and after in ("", " ", ")")


ABSENT, RARE = "absent", "rare"  # what _begins_words says of a word that begins the archive's words


def _begins_words(word: str, searcher: tantivy.Searcher, index_key: Hashable | None = None, ends_phrase: bool = False) -> str:
    """Whether ``word``, typed whole but rare or absent in the archive, is the beginning of a word
    the archive holds far more often (:data:`MIN_GAIN` times, and in :data:`ESTABLISHED_DOCS`
    documents or more): ``khru``, typed as a name's beginning and searched as a word (3 demo
    documents), begins Khrushchev (632), which ``khru*`` finds; not a word the texts write in
    lower case (``dull``, a word, not Dulles' beginning). :data:`ABSENT` or :data:`RARE`
    (the word in no document, or in few) when it is, ``""`` when not. Three letters or more
    (``ma*`` is every word of "ma"), letters only. ``ends_phrase``: the word ends a phrase, which
    finds too little as typed, so a word of the archive, written in lower case or not, may still be
    a beginning there (``"Soviet Uni"``: "uni" is in one demo document; ``"Secretary of Stat"``: "Stat" in 46)."""
    folded = analyzers.folded(word)
    if not word.isalpha() or len(folded) != 1 or len(folded[0]) < 3 or not folded[0].isalpha():
        return ""  # "Khru." was offered as "Khru.*"
    typed = folded[0]
    typed_freq = searcher.doc_freq(schema.VOCAB_FIELD, typed)
    if typed_freq >= max(ESTABLISHED_DOCS, searcher.num_docs // ESTABLISHED_SHARE) and not ends_phrase:
        return ""
    if typed_freq and not ends_phrase and searcher.doc_freq(schema.LOWERCASE_FIELD, typed):
        return ""  # a word the texts write in lower case is a word, not a beginning: "dull" was offered as dull*, Dulles
    wanted = max(ESTABLISHED_DOCS, MIN_GAIN * max(typed_freq, 1))
    frequent = frequent_words(searcher, typed[0], index_key)
    if any(docs >= wanted and term.startswith(typed) and term != typed for term, docs in frequent.items()):
        return RARE if typed_freq else ABSENT
    return ""


def _most_begun(word: str, searcher: tantivy.Searcher, index_key: Hashable | None = None) -> int:
    """In how many documents the archive holds the most frequent of the words ``word`` begins
    (among :func:`frequent_words`; 0 when it begins none of them)."""
    folded = analyzers.folded(word)
    if len(folded) != 1 or not folded[0]:
        return 0
    typed = folded[0]
    return max((docs for term, docs in frequent_words(searcher, typed[0], index_key).items() if term.startswith(typed) and term != typed), default=0)


def _sought(node: Node | None) -> Iterator[Term]:
    """The words of ``node`` that :func:`did_you_mean` may correct, in order: typed in the query
    (:attr:`Term.at`, :attr:`Phrase.at`), under AND and OR only, no prefix, bare or in a field of
    words, alone or each word of a phrase."""
    if isinstance(node, And | Or):
        for item in node.items:
            yield from _sought(item)
    elif isinstance(node, Term) and node.at >= 0 and not node.prefix:
        if node.field is None or schema.SEARCH_FIELDS_BY_NAME[node.field].spelled:
            yield node
    elif isinstance(node, Phrase) and node.at >= 0:
        if node.field is None or schema.SEARCH_FIELDS_BY_NAME[node.field].spelled:
            for word in _PHRASE_WORD.finditer(node.text):
                yield Term(word.group(), node.field, False, node.at + word.start())
