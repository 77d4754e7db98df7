"""Snippets: the passages of a hit's text that show why it matched, as HTML.

tantivy marks every matched word of a text in one pass: the snippet generators of
:func:`legation.search.service.snippets_for` take the whole text as one fragment
(:data:`WHOLE_TEXT`), so stemmed and folded forms and names in all their forms are marked as the
query found them. The passages are chosen here from those marks (:func:`passages`), so several
passages of a long text cost no more than one: the text is read once, for the hits of one page
only. The query's words most documents hold (``the``, ``of``) choose no passage when a rarer word
of the query stands in the text, and are marked in the passages the rarer words choose
(:meth:`Highlighter.choosing`).
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from itertools import accumulate

import tantivy

from legation.printable import html_escaped
from legation.search import analyzers, schema

SNIPPET_CHARS = 240  # bytes of UTF-8 a passage spans, about (as tantivy's own snippets count)
MAX_SNIPPETS = 3  # passages shown for a long text
LONG_TEXT_CHARS = 1000  # bytes; over this a text is long, and one passage would show little of why it matched
WHOLE_TEXT = 2**31  # the generators' window: every matched word of a text
# a query word in at least this share of the documents (the, of, to) chooses no passage when a rarer
# word of the query stands in the text: marked only in the passages the rarer words choose
COMMON_SHARE = 0.5
SCAN_CHARS = 20_000  # characters of a long text searched for passages first (see best_snippets)
# … of a text in Chinese, Japanese or Korean, where every character is a word (analyzers.py): the
# cost of marking goes by words, 0.44 µs each (9 ms for 20,000 Chinese characters, 2,500 → 1.2 ms).
SCAN_CJK_CHARS = 4_000
_SPACE = re.compile(rb"\s")
WORD_BYTES = 40  # how far a passage's end may move out to finish the word it cuts
_WHITESPACE = (b" ", b"\n", b"\t", b"\r", b"\x0b", b"\x0c")  # what \s is in a bytes pattern

Marks = list[tuple[int, int]]  # byte ranges of matched words in a UTF-8 text, sorted


Weights = dict[tuple[str, bytes], tuple[str, float]]  # (field, word) → (index term, idf), see _weights
# a run of words marked only together: its words, what a marked word (UTF-8) must give to be one, whether the last is a prefix
Phrase = tuple[tuple[str, ...], Callable[[bytes], str], bool]


@dataclass
class Highlighter:
    """What marks the query's words in one stored field (``field``: a text field or the summary)
    for one search: tantivy's snippet generator, made by ``make`` on first use (most hits have
    text in one language only), which marks words as the field's analyzer makes them terms, so
    stemmed and folded forms are marked too; and what :func:`kept_parts` needs to spare it most words
    of a text: the query's :func:`word_starts` and, when every word of the query is a character
    the field's analyzer makes a word of its own (Chinese, Japanese, Korean: :func:`own_words`),
    those characters; and the query's :func:`own_word_runs`, outside which no character of those
    scripts is marked; ``runs_apart``, those of them the search sought with punctuation or spaces
    allowed between their characters (:func:`legation.search.query.sought_apart`), marked where the
    text has them so.

    ``words``: the query's positive words, folded (:func:`legation.search.analyzers.folded`);
    ``phrase_texts``: its quoted phrases of several words (``"Port Arthur"``), whose words are
    marked only where the phrase stands, as written but for case and accents (the search finds
    them so: :func:`legation.search.query.by_shingles`); ``parted_texts``: its words of several
    parts (``Sino-Soviet``, ``secretary_of``), whose parts are marked only where they stand
    together, in any form the analyzer gives one term (``Sino-Soviets``), as the search finds
    them (:func:`in_phrases`); ``prefix_phrase_texts``: its phrases ending in a prefix (``"Port
    Ar*"``), marked only where the phrase stands, its last word any word it begins;
    ``free_words``: the texts of its other words, marked wherever they stand, as are words
    beginning with ``free_prefixes``, the folded words of its other ``prefix*`` words;
    ``stem_forms``: of an English stem a word of the query finds only in some of its forms
    (:func:`legation.search.query.same_stem_forms`: ``Cooper`` not cooperation), the stem and
    those forms, folded: a word of that stem in another form is not marked, as it is not found.
    The field's :func:`~legation.search.schema.ANALYZER_OF` is ``analyzer``. What these give under
    the analyzer (:attr:`starts`, :attr:`own`, :attr:`phrases`, :attr:`free`) is worked out on
    first use: a page's hits have text in one or two of the seven fields (six languages and the summary)."""

    field: str
    make: Callable[[], tantivy.SnippetGenerator]
    words: tuple[str, ...] = ()
    runs: tuple[bytes, ...] = ()
    runs_apart: tuple[bytes, ...] = ()
    phrase_texts: tuple[str, ...] = ()
    parted_texts: tuple[str, ...] = ()
    prefix_phrase_texts: tuple[str, ...] = ()
    free_words: tuple[str, ...] = ()
    free_prefixes: tuple[str, ...] = ()
    analyzer: str = analyzers.STEMMED_NAME
    stem_forms: tuple[tuple[str, frozenset[str]], ...] = ()
    _generator: tantivy.SnippetGenerator | None = field(default=None, init=False, repr=False)
    _chooser: Highlighter | None = field(default=None, init=False, repr=False)
    _terms: dict[bytes, str] = field(default_factory=dict, init=False, repr=False)
    _folds: dict[bytes, str] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def starts(self) -> tuple[str, ...]:
        """The word beginnings :func:`kept_parts` keeps (:func:`word_starts`)."""
        return self._starts_of(self.words)

    def _starts_of(self, words: tuple[str, ...]) -> tuple[str, ...]:
        last_words = tuple(folded[-1] for p in self.prefix_phrase_texts if (folded := analyzers.folded(p)))
        return word_starts(list(words), self.analyzer, (*self.free_prefixes, *last_words))

    @cached_property
    def anchored(self) -> tuple[tuple[str, ...], tuple[int, int]]:
        """The starts of the words :func:`kept_parts` keeps wherever they stand in a mostly ASCII
        or Latin text, and how far before and after one of them (bytes) it keeps a word of the other
        :attr:`starts`. A word of the query found only inside its quoted phrases is marked only
        where its phrase stands (:func:`in_phrases`), so it is kept only near the phrase's longest
        word (the last of those as long: ``"State of the Union"`` → ``union``), as far as the rest of
        the phrase may reach in any spelling the index folds alike (3 bytes a letter, each gap
        :data:`MARK_GAP`). ``(starts, (0, 0))`` when no word is found only in phrases.
        ``"State of the Union"`` gave the analyzer every "of" and "the" of each hit's text: 1 ms
        for one of 13,000 characters."""
        phrased = [words for text in self.phrase_texts if (words := tuple(analyzers.folded(text)))]
        elsewhere = {w for text in (*self.free_words, *self.parted_texts, *self.prefix_phrase_texts) for w in analyzers.folded(text)}
        elsewhere.update(self.free_prefixes)  # folded already
        anchors = [len(words) - 1 - max(range(len(words)), key=lambda i: len(words[-1 - i])) for words in phrased]
        left_out = {w for words in phrased for w in words} - elsewhere - {words[k] for words, k in zip(phrased, anchors, strict=True)}
        if not left_out:
            return self.starts, (0, 0)

        def spanned(words: tuple[str, ...]) -> int:  # bytes a run of words may take in a text, with the gaps before each
            return sum(3 * len(word) + MARK_GAP for word in words)

        # from a letter of the anchor found (its first, or an accented one) to the phrase's ends
        before = max(spanned(words[:k]) + 3 * len(words[k]) for words, k in zip(phrased, anchors, strict=True))
        after = max(spanned(words[k + 1 :]) + 3 * len(words[k]) for words, k in zip(phrased, anchors, strict=True))
        return self._starts_of(tuple(w for w in self.words if w not in left_out)), (before, after)

    @cached_property
    def own(self) -> OwnWords | None:
        """The query's words of characters the analyzer makes words of their own, where the rest
        allows sparing the analyzer the other characters of a text (:func:`own_words`)."""
        return own_words(list(self.words), self.analyzer, tuple(r.decode() for r in self.runs), tuple(r.decode() for r in self.runs_apart))

    @cached_property
    def phrases(self) -> tuple[Phrase, ...]:
        """Each run of words marked only together, with what a marked word (UTF-8) must give to be
        one of them, and whether its last word is a prefix: a quoted phrase as its folded words
        (``"Port Arthur"`` → ``("port", "arthur")``, :meth:`_fold`), one ending in a prefix as
        the search reads it: by its shingles, as its folded words, the last one's beginning
        (``"Port Ar*"`` → ``("port", "ar")``: "Port Arthur", "port area",
        :func:`legation.search.analyzers.shingled_prefix_phrase`), else (Han, kana, Hangul) its
        words' terms and the prefix, folded, that the last word's term begins with
        (:func:`legation.search.analyzers.prefix_phrase`); a word of parts as the analyzer's terms (``Sino-Soviets`` →
        ``("sino", "soviet")``, :meth:`_term`)."""
        exact = [(t, self._fold, False) for p in self.phrase_texts if (t := tuple(analyzers.folded(p)))]
        prefixed = [
            (t, self._fold, True) if (t := analyzers.shingled_prefix_phrase(p)) is not None else (analyzers.prefix_phrase(p, self.analyzer), self._term, True)
            for p in self.prefix_phrase_texts
        ]
        prefixed = [phrase for phrase in prefixed if phrase[0]]
        parted = [(t, self._term, False) for p in self.parted_texts if (t := tuple(analyzers.terms(p, self.analyzer)))]
        return tuple(dict.fromkeys([*exact, *prefixed, *parted]))

    @cached_property
    def free(self) -> frozenset[str]:
        """The terms of the free words, and of the words of parts joined (``En-lai`` also finds
        ``Enlai``; see :func:`legation.search.query._term`)."""
        joined = [terms[0] for w in self.parted_texts if "-" in w and len(terms := analyzers.terms(w.replace("-", ""), self.analyzer)) == 1]
        return frozenset([*(t for w in self.free_words for t in analyzers.terms(w, self.analyzer)), *joined])

    def marks(self, text: str, raw: bytes | None = None) -> Marks:
        """Byte ranges of the query's words in ``text`` (a value of :attr:`field`), sorted;
        ``raw``: ``text`` in UTF-8, when the caller has it (encoding a text is not free).

        The words are sought in ``text`` as the index analyzed it, through
        :func:`legation.search.analyzers.normalize` (``İstanbul`` is indexed as ``Istanbul``)
        and :func:`legation.search.analyzers.without_marks` (``Михаи́л`` as ``Михаил``), and their
        ranges given in ``text`` itself (:func:`_in_original`, :func:`~legation.search.analyzers.marks_moved_back`). Only the parts of the
        text that may hold a match (:func:`kept_parts`) are normalized and given to tantivy, one
        space apart, and the marks moved back to where the parts stand (:func:`_in_text`):
        normalizing and marking read a few hundred characters rather than the whole text
        (curly quotes alone made normalizing a FRUS memorandum cost 50 µs). When no part may, the
        generator is neither made nor asked."""
        raw = text.encode() if raw is None else raw
        parts = kept_parts(text, self.starts, self.own, raw, self.anchored)
        if not parts:  # no word of the text could match: tantivy is not asked (most titles of a page)
            return []
        kept = text if len(parts) == 1 and parts[0][0] == 0 and len(parts[0][1]) == len(text) else " ".join(part for _, part in parts)
        if not unicodedata.is_normalized("NFC", kept):  # stored texts are: offsets could not be mapped back
            marks = self._marked(text)
        else:
            normal = analyzers.normalize(kept)
            bare = analyzers.without_marks(normal)
            marks = self._marked(bare)
            marks = marks if bare is normal else analyzers.marks_moved_back(marks, normal)
            marks = marks if normal is kept else _in_original(marks, kept, normal)
            marks = marks if kept is text else _in_text(marks, parts)
        marks = in_runs(raw, marks, self.runs, text, self.runs_apart) if self.runs else marks
        marks = self._in_forms(raw, marks) if self.stem_forms else marks
        if self.free_prefixes and analyzers.stems_before_folding(self.analyzer):
            marks = [(a, b) for a, b in marks if not self._cut_short(raw[a:b])]
        return in_phrases(raw, marks, self.phrases, self._is_free) if self.phrases else marks

    def _cut_short(self, word: bytes) -> bool:
        """Whether the marked ``word`` (UTF-8) was marked for a ``prefix*`` of the query only through
        a Turkish stem shorter than the prefix, which the word does not begin (``kumandanı*`` seeks
        kumanda, the stem of "kumandanı" and of "kumandasında": :func:`legation.search.query._prefix`),
        and is no other word of the query."""
        term = self._term(word)
        return (
            any(len(term) < len(p) and p.startswith(term) for p in self.free_prefixes)
            and term not in self.free
            and not self._fold(word).startswith(self.free_prefixes)
        )

    def _in_forms(self, raw: bytes, marks: Marks) -> Marks:
        """``marks`` but those of a word whose stem the query finds in other forms only (:attr:`stem_forms`)."""
        forms = dict(self.stem_forms)
        return [(a, b) for a, b in marks if (kept := forms.get(self._term(raw[a:b]))) is None or self._fold(raw[a:b]) in kept]

    def _term(self, word: bytes) -> str:
        """The index term of a marked ``word`` (UTF-8) in :attr:`field`, looked up once a search."""
        if (term := self._terms.get(word)) is None:
            text = word.decode(errors="replace")
            term = self._terms[word] = (analyzers.terms(text, self.analyzer) or [text.lower()])[0]
        return term

    def _fold(self, word: bytes) -> str:
        """A marked ``word`` (UTF-8) folded as a quoted phrase's words are sought
        (:func:`legation.search.analyzers.folded`: ``Interests`` → ``interests``), once a search."""
        if (folded := self._folds.get(word)) is None:
            text = word.decode(errors="replace")
            folded = self._folds[word] = (analyzers.folded(text) or [text.lower()])[0]
        return folded

    def _is_free(self, word: bytes) -> bool:
        """Whether the marked ``word`` (UTF-8) is one of the query's free words, marked wherever it stands."""
        if self._term(word) in self.free:
            return True
        return bool(self.free_prefixes) and any(w.startswith(self.free_prefixes) for w in analyzers.folded(word.decode(errors="replace")))

    def _marked(self, text: str) -> Marks:
        """Byte ranges tantivy's generator marks in ``text``, sorted."""
        one = tantivy.Document()
        one.add_text(self.field, text)
        # One fragment from the text's first byte (WHOLE_TEXT): offsets count from the text's start.
        return sorted((m.start, m.end) for m in self.generator().snippet_from_doc(one).highlighted())

    def generator(self) -> tantivy.SnippetGenerator:
        """The field's snippet generator, made once (by ``make``)."""
        if self._generator is None:
            self._generator = self.make()
        return self._generator

    def choosing(self, searcher: tantivy.Searcher) -> Highlighter:
        """The highlighter whose marks choose a text's passages (:func:`best_snippets`): this one
        without the query's words in at least :data:`COMMON_SHARE` of the archive's documents
        (every term the word gives in the field, :func:`~legation.search.analyzers.respellings`)
        but those of its phrases and words of parts, whose words are marked only together
        (:func:`in_phrases`: ``"Secretary of State"`` keeps its "of"), when it has other words;
        else itself. A name's other forms the search adds (``Formosa`` as 台湾, ``Chiang Kai-shek``)
        are words and phrases like any. Worked out once a search."""
        if self._chooser is None:
            self._chooser = self
            together = {w for text in (*self.phrase_texts, *self.parted_texts, *self.prefix_phrase_texts) for w in analyzers.folded(text)}
            total = COMMON_SHARE * max(searcher.num_docs, 1)

            def common(word: str) -> bool:
                return word not in together and all(searcher.doc_freq(self.field, t) >= total for t in analyzers.respellings(word, self.analyzer) or [word])

            rarer = tuple(w for w in self.words if not common(w))
            if rarer and len(rarer) < len(self.words):
                self._chooser = dataclasses.replace(self, words=rarer, make=self.generator)
        return self._chooser


_SHORTER = re.compile("[" + re.escape(analyzers.SHORTER_IN_UTF8) + "]")


def _in_original(marks: Marks, text: str, normal: str) -> Marks:
    """``marks``, byte ranges in ``normal`` (``text`` through analyzers.normalize: one character
    for one, some of them shorter in UTF-8), as byte ranges in ``text``."""
    after, extra = [], []  # byte offset in ``normal`` after each shortened character; bytes lost up to there
    pos = lost = last = 0
    for match in _SHORTER.finditer(text):
        i = match.start()
        pos += len(normal[last : i + 1].encode())
        lost += len(text[i].encode()) - len(normal[i].encode())
        after.append(pos)
        extra.append(lost)
        last = i + 1

    def shifted(offset: int) -> int:
        k = bisect.bisect_right(after, offset)
        return offset + (extra[k - 1] if k else 0)

    return [(shifted(s), shifted(e)) for s, e in marks]


# --- sparing the analyzer the words that cannot match ----------------------------------------------
# Marking costs about 0.3 µs a word, two thirds of it the stemmer's (a FRUS memorandum of 20,000
# characters: 1 ms). A word the query could match begins as the stem of a word of the query does
# (English, and no stemmer: word_starts), or else in its first WORD_START letters, folded: the
# stemmers (Snowball) and the folding filters change only the ends of words and non-ASCII letters.
# So the analyzer is given only the parts of the text holding such a word, and the marks are moved
# back to the parts' places.

WORD_START = 3  # letters of a query word a text word must begin with to be analyzed, where no rule says more
# Porter2's exceptional forms whose first letters differ from their stem's (Snowball English, "exceptional forms")
_OTHER_STARTS = {"die": "dyi", "lie": "lyi", "tie": "tyi", "dyi": "die", "lyi": "lie", "tyi": "tie", "sky": "ski", "ski": "sky"}
_MOSTLY_ASCII = 20  # a text with more than one non-ASCII byte in this many is not read as ASCII
# ASCII, and the characters beyond it that are in no word: spaces, quotes, dashes and the like (no-break
# space, guillemets, General Punctuation), which FRUS texts are full of and no tokenizer keeps; a
# character class's ranges, for the non-ASCII characters that may be (in) a word: [^...]
_ASCII_AND_NO_WORD = "\\x00-\\x7f\\u00a0\\u00ab\\u00bb\\u2000-\\u206f"
_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"  # ‘ ’ “ ” – — …: 2 bytes beyond one each


# a run of Han, kana or Hangul characters, a middle dot allowed between two (한·일: analyzers.JOINING_DOT)
_OWN_WORD_RUN = re.compile(f"{analyzers.OWN_WORD_CHAR.pattern}(?:{analyzers.JOINING_DOT}?{analyzers.OWN_WORD_CHAR.pattern})*")
_A_JOINING_DOT = re.compile(analyzers.JOINING_DOT)


def own_word_runs(texts: list[str], apart: bool = False) -> tuple[bytes, ...]:
    """The runs of Han, kana and Hangul characters in the query's words and phrases ``texts``
    (``["周恩来 Moscow", "박정희"]`` → ``周恩来``, ``박정희``; ``한·일`` → ``한일``, its middle dot left
    out, as the index joins them: :data:`~legation.search.analyzers.JOINING_DOT`), UTF-8. The index makes each such
    character a word, and a query of several a phrase of them; tantivy's snippet generator marks
    each character wherever it stands, so :func:`in_runs` keeps only those inside a run.
    ``apart``: ``texts`` are runs sought with punctuation or spaces allowed between their
    characters (:func:`legation.search.query.sought_apart`), each one run however it is spaced."""
    found = [[_A_JOINING_DOT.sub("", run) for run in _OWN_WORD_RUN.findall(analyzers.normalize(text))] for text in texts]
    runs = ["".join(each) for each in found if each] if apart else [run for each in found for run in each]
    return tuple(dict.fromkeys(run.encode() for run in runs))


def in_runs(raw: bytes, marks: Marks, runs: tuple[bytes, ...], text: str | None = None, apart: tuple[bytes, ...] = ()) -> Marks:
    """``marks`` (byte ranges in the UTF-8 text ``raw``) but the single Han, kana or Hangul
    characters that no occurrence of one of ``runs`` in ``raw`` covers: for the query 박정희 the 정 of 정신 is not
    marked, nor the 来 of 以来 for 周恩来 (a run of one character covers its every occurrence).
    ``runs`` are folded (traditional Chinese characters as simplified) and sought in either form
    (:func:`_runs_of`): ``将军`` covers the ``將軍`` of a Korean speech. ``text``: ``raw`` decoded,
    when the caller has it; ``apart``: those of ``runs`` whose characters may stand with punctuation or
    spaces between them (:func:`_runs_of`). Occurrences may overlap (``哈哈`` covers all of ``哈哈哈``). The runs
    were sought in a copy of the text with its every traditional character made simplified, which
    for a Chinese report of tens of thousands of characters cost about 1 ms a hit."""
    if not marks or raw.isascii():  # no character of a run there
        return marks
    text = raw.decode(errors="replace") if text is None else text
    found = list(_overlapping_runs(tuple(run.decode() for run in runs), tuple(run.decode() for run in apart)).finditer(text))
    covered = set()
    for begin, m in zip(_byte_offsets(text, [m.start() for m in found]), found):
        covered.update(range(begin, begin + len(m.group(1).encode())))
    return [(s, e) for s, e in marks if s in covered or not analyzers.OWN_WORD_CHAR.fullmatch(raw[s:e].decode(errors="replace"))]


@lru_cache(maxsize=256)
def _overlapping_runs(runs: tuple[str, ...], apart: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The longest of ``runs`` (:func:`_runs_of`, ``apart`` as there) beginning at each place of a
    text, as group 1 of a match that takes no characters, so that ``finditer`` finds occurrences that overlap."""
    return re.compile(f"(?=({_runs_of(runs, apart).pattern}))")


MARK_GAP = 8  # bytes between two marked words of one phrase at most: spaces, punctuation ("Port-Arthur", "Port, Arthur")


def in_phrases(
    raw: bytes,
    marks: Marks,
    phrases: tuple[Phrase, ...],
    is_free: Callable[[bytes], bool] = lambda word: False,
) -> Marks:
    """``marks`` (byte ranges in the UTF-8 text ``raw``, sorted) but the words of the query's
    ``phrases`` that do not stand in one of them. Each phrase is its words, what a marked word (its UTF-8 bytes)
    must give to be one of them (its folded form, its index term), and whether its last word is
    a prefix (what a marked word gives need only begin with it). A mark is kept when it is one
    of a run of marks one after another, with no letter or digit between two (at most
    :data:`MARK_GAP` bytes), that gives a phrase in order, or when ``is_free(word)`` (a word of the
    query outside any phrase, marked wherever it stands). tantivy's snippet generator marks each
    word of a phrase wherever it stands, in every form its analyzer gives one term: for ``"Port
    Arthur" Dairen`` the "ports" of "ports in Southeast Asia" and a lone "Arthur"; for ``"in the
    interest of"`` "in the interests of", which the search did not find."""
    if not marks:
        return marks
    words = [raw[s:e] for s, e in marks]
    keep = [is_free(w) for w in words]
    first = 0
    for i in range(1, len(marks) + 1):
        if i < len(marks) and _one_after_another(raw, marks[i - 1], marks[i]):
            continue
        for phrase, form, prefix in phrases:  # the run is marks[first:i]
            size = len(phrase)
            for k in range(first, i - size + 1):
                if all(form(words[k + j]) == phrase[j] for j in range(size - prefix)) and (
                    not prefix or form(words[k + size - 1]).startswith(phrase[-1])
                ):
                    keep[k : k + size] = [True] * size
        first = i
    return [mark for mark, kept in zip(marks, keep) if kept]


def word_starts(words: list[str], analyzer: str | None = None, prefixes: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The lowercase beginnings of the folded query ``words``
    (:func:`legation.search.analyzers.folded`) that :func:`kept_parts` keeps in a text: a text
    word that gives one of the words' terms under ``analyzer`` begins with one of them.

    - Under an analyzer with Snowball's English stemmer (every metadata field and English text),
      those of :func:`english_starts` for each term: ``mao`` → ``mao``, not every word in "ma".
    - Under one without a stemmer, the terms themselves (a text word must fold to one).
    - Under another stemmer, without ``analyzer``, and for the words of ``prefixes`` (the query's
      ``prefix*`` words, folded, which stand for every word they begin), :data:`WORD_START`
      letters of the word (or the whole word), Porter2's exceptional forms added, and those of
      each term but for its last letter: a stemmer may cut a word to fewer letters than
      :data:`WORD_START` (Turkish ``ordu`` and ``orta`` are both ``or``) and change a stem's last
      letter (``kitabı`` → ``kitap``); of each spelling of the word the search seeks
      (:func:`legation.search.analyzers.respellings`: ``dogu`` is sought as ``doğu``, ``dok``).

    Words not ASCII once folded (Cyrillic, Chinese) need none: :func:`kept_parts` keeps every part
    of a text holding a character that folds to no ASCII letter."""
    stemmer = analyzers.STEMMERS.get(analyzer, "") if analyzer else ""  # "": not known to be exact about
    starts = set()
    for word in words:
        if not word.isascii():
            continue
        terms = [term for term in analyzers.respellings(word, analyzer) if term.isascii()] if analyzer else []
        if terms and word not in prefixes and stemmer in ("english", None):
            starts.update(s for term in terms for s in (english_starts(term) if stemmer else (term,)))
            continue
        start = word[:WORD_START]
        starts.update([start, _OTHER_STARTS.get(start, start)])
        starts.update(term[: max(1, min(WORD_START, len(term) - 1))] for term in terms)
    # a start holding a shorter one finds no word that one does not ("en" beside "e"): each is a scan of the text
    starts.update(aspirated for start in list(starts) for aspirated in _aspirated(start))
    return tuple(start for start in sorted(starts) if not any(start.startswith(other) for other in starts if other != start))


_ASPIRABLE = re.compile("(ch|ts|tz|[ptk])(?=[aeiouüê])")


def _aspirated(start: str) -> tuple[str, ...]:
    """``start`` as a text may write it with Wade-Giles' mark of aspiration, which the index reads
    past (:data:`legation.search.analyzers.ASPIRATION`): ``peng`` → ``p'eng``, ``p’eng``, ``p‘eng``."""
    initial = _ASPIRABLE.match(start)
    if initial is None:
        return ()
    return tuple(f"{start[: initial.end()]}{mark}{start[initial.end() :]}" for mark in ("'", "\u2019", "\u2018"))


def english_starts(term: str) -> tuple[str, ...]:
    """What a word must begin with, lowercased and folded, for Snowball's English stemmer (Porter2,
    snowballstem.org/algorithms/english/stemmer.html) to give it the stem ``term``. Every step of
    Porter2 takes a suffix away or puts another in its place, and each replacement differs from
    what it replaces in its last letter at most once the later steps have run: a stem is its word's
    beginning but for its last letter, which may be an ``e`` the stemmer added (``hoping`` →
    ``hope``, ``relational`` → ``relate``), an ``i`` for a ``y`` (``happy`` → ``happi``), an ``l`` for
    the ``i`` of ``biliti`` (``possibility`` → ``possibl``) or a ``y`` for the ``i`` of ``ies``
    (``skies`` → ``sky``); and a stem in ``ie`` may come from ``ying`` (``dying``, ``vying`` →
    ``die``, ``vie``). So ``term`` itself unless it ends in one of those letters. Checked against
    the stemmer over every word of the demo's FRUS volumes (tests/search/test_search_snippets.py)."""
    last, head = term[-1], term[:-1]
    if not head:
        return (term,)
    if last in "el":
        return (head, term[:-2] + "y") if term.endswith("ie") else (head,)
    if last in "iy":
        return (term, head + ("y" if last == "i" else "i"))
    return (term,)


@dataclass(frozen=True)
class OwnWords:
    """Of a query for a field whose analyzer makes each Han, kana or Hangul character a word of its
    own: ``runs``, what :func:`kept_parts` keeps of a text for the query's words of such characters,
    the occurrences of its runs of them in either Han form (:func:`_runs_of`; :func:`in_runs` marks
    those characters there only), ``None`` when it has none; ``alone``, whether the query has no
    other word (else each other word is ASCII, and found by its start)."""

    runs: re.Pattern[str] | None
    alone: bool


def own_words(words: list[str], analyzer: str, runs: tuple[str, ...] = (), apart: tuple[str, ...] = ()) -> OwnWords | None:
    """What :func:`kept_parts` keeps of a text for the folded query ``words`` made of characters
    that ``analyzer`` makes words of their own wherever they stand (a Han, kana or Hangul character
    for the analyzers that cut those scripts so, asked of the analyzer itself: ``"a鉴a"`` → ``a``,
    ``鉴``, ``a``; ``国务院`` is three such words, sought side by side), given the query's ``runs`` of
    those characters (:func:`own_word_runs`, decoded; each character a run of one when none is given;
    ``apart``: those of them whose characters may stand apart, :func:`_runs_of`);
    ``None`` when another word of the query is not ASCII (a Cyrillic name in a Korean text: the
    text is given whole), or when no word is such a character and the analyzer does not cut those
    scripts so. A query without such a word (``runs`` ``None``) keeps only the stretches of a
    Chinese, Japanese or Korean text that may hold its words: ``climate change`` gave the Korean
    speeches quoting it whole to the analyzer, every Hangul character a word (0.3 to 1.1 ms a hit)."""
    own = [w for w in words if analyzers.OWN_WORD_CHAR.fullmatch(w)]
    chars = frozenset(own)
    others = [w for w in words if w not in chars]
    if not all(w.isascii() for w in others):
        return None
    if not chars:
        return OwnWords(None, False) if others and _cuts_own_words(analyzer) else None
    if any(analyzers.terms(f"a{c}a", analyzer) != ["a", c, "a"] for c in chars):
        return None
    return OwnWords(_runs_of(runs, apart) if runs and chars <= set("".join(runs)) else _runs_of(tuple(sorted(chars))), not others)


@lru_cache(maxsize=32)
def _cuts_own_words(analyzer: str) -> bool:
    """Whether ``analyzer`` makes a Han, kana or Hangul character a word of its own wherever it stands."""
    return all(analyzers.terms(f"a{c}a", analyzer) == ["a", c, "a"] for c in "中の가")


def kept_parts(
    text: str,
    starts: tuple[str, ...],
    own: OwnWords | None = None,
    raw: bytes | None = None,
    anchored: tuple[tuple[str, ...], tuple[int, int]] | None = None,
) -> list[tuple[int, str]]:
    """The parts of ``text`` the query may match, as (UTF-8 byte offset, part), in order: every
    whitespace-separated part that holds a word beginning, lowercased, with one of ``starts``, or
    a non-ASCII character that may be a letter and that no Latin letter folds to ASCII
    (:func:`_unfolded_run`), in a mostly ASCII text also one that folds to a letter of a start
    (:func:`_letters_kept`); the other words cannot match. Latin letters the index folds to one ASCII
    letter count as that letter (:func:`legation.search.analyzers.latin_fold`: Turkish ``şarkı``
    begins with ``sar``, :func:`_word_beginning`), so Turkish, Ottoman or Vietnamese texts are
    masked too (a Turkish speech of 20,000 characters took 6 ms to mark whole; translating a text's
    letters to find the words, 0.77 ms for 13,000 characters of a Turkish speech, 0.2 ms to seek them
    as they are written). A text still not mostly ASCII then (Cyrillic, Greek,
    Korean) is kept whole (``[(0, text)]``), or, when the query has words of characters each a
    word of its own (``own``, :func:`own_words`), as the occurrences of those words and, for the
    query's other words (ASCII), the stretches that may hold them (:func:`_stretches`): a Chinese
    report of 100,000 characters, every one a word, took 10 ms to mark; a Korean speech for
    ``Syngman Rhee`` (also sought as 이승만), 0.4 ms a hit; and, for a query of ASCII words alone (``own``
    without ``runs``), a Chinese, Japanese or Korean text as those stretches. Each part is cut into the same words
    as in ``text``; ``raw``: ``text`` in UTF-8, when the caller has it.

    ``anchored``: the starts of the words found wherever they stand, and how far before and after
    one of them a word of the other starts is kept (:attr:`Highlighter.anchored`: a quoted phrase's
    words kept only near its longest word), in a mostly ASCII or Latin text (bytes or characters: the
    reach is counted in bytes, which are never fewer).

    A mostly ASCII text (English: nearly every hit) is scanned as UTF-8 bytes, where one C pass
    (``bytes.translate``) lowercases it and makes every byte that is not an ASCII letter or digit
    a space, so a word start is found by ``find`` alone: 125 → 80 µs a hit over the hits of the
    demo's 60 benchmark queries (it lowercased a text of curly quotes as ``str``, and walked back
    to each part's start a character at a time)."""
    raw = text.encode() if raw is None else raw
    extra = len(raw) - len(text)  # bytes beyond one per character
    if extra * _MOSTLY_ASCII <= len(text):
        accented = extra > 2 * raw.count(b"\xe2\x80")  # more than quotes, dashes and the like (U+2000 to U+203F; cheaper than a scan)
        hits = _ascii_word_starts(raw, starts)
        if accented:
            hits += _byte_offsets(text, _letters_kept(text, starts))
        if anchored is not None and anchored[0] != starts:  # words of a phrase: only near where one of its anchors stands
            sought, reach = anchored
            anchors = _ascii_word_starts(raw, sought)
            if accented:
                anchors += _byte_offsets(text, _letters_kept(text, sought))
            hits = _near(hits, sorted(anchors), reach)
        return _kept(raw, hits)
    if own is not None and own.runs is not None:
        runs = _only(text, own.runs)
        return runs if own.alone else sorted([*runs, *_stretches(text, starts)])  # a run and a stretch never overlap
    if not _mostly_latin(head := text[:_PROBE_CHARS]):
        if own is not None and analyzers.OWN_WORD_CHAR.search(head):  # Chinese, Japanese, Korean; the query's words ASCII
            return _stretches(text, starts)
        return [(0, text)]  # Cyrillic, Greek: not worth translating (80 µs per 1,000 characters)
    # the characters no Latin letter folds to ASCII, quotes, dashes and the like aside: sought first
    # among the text's characters beyond ASCII alone (a Turkish speech holds none: 25 against 190 µs
    # for 20,000 characters)
    beyond = raw.translate(None, _ASCII_BYTES).decode()
    unfolded = [(m.start(), m.group()) for m in _unfolded_run().finditer(text)] if _unfolded_run().search(beyond) else []
    if sum(len(run.encode()) - len(run) for _, run in unfolded) * _MOSTLY_ASCII > len(text):
        return [(0, text)]  # still not mostly ASCII
    hits = [m.start() for m in _word_beginning(starts).finditer(text)] + [i for i, _ in unfolded]
    if anchored is not None and anchored[0] != starts:  # as in a mostly ASCII text, in characters
        sought, reach = anchored
        hits = _near(hits, sorted([m.start() for m in _word_beginning(sought).finditer(text)] + [i for i, _ in unfolded]), reach)
    return _kept(raw, _byte_offsets(text, hits))


# ASCII letters lowercased, digits kept, every other byte a space (see kept_parts)
_PROBE = bytes(c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))
_SPACED = bytes.maketrans(b"\t\n\v\f\r", b"     ")  # a part of a text ends at ASCII whitespace
_ASCII_BYTES = bytes(range(128))


def _letters_kept(text: str, starts: tuple[str, ...]) -> list[int]:
    """Character offsets in ``text`` (mostly ASCII) of the non-ASCII characters whose parts
    :func:`kept_parts` keeps besides the words beginning with one of ``starts``: any that may be a
    letter (not spaces, quotes, dashes and the like) but the Latin letters the index folds to ASCII
    letters of which none stands in a start (:func:`_letters_left_out`). A word whose first letters
    are ASCII is found by its start already; one holding a folded letter among them (``état`` for
    ``etat``, ``Ämter`` for ``amt``) holds one that folds to a letter of a start.
    Other characters are left to the analyzer whatever they are (Cyrillic, Han, the ligature
    ``ﬁ``). Keeping every word with an accent gave a German or Ottoman text's every ``ä`` and ``ā``
    to the analyzer (the hits of ``ambassadeur`` over 100,000 documents: 6,109 parts kept, 1,619
    now; 28.4 → 16.6 ms of CPU a search).

    One expression for every query, the letters left out a set: an expression of its own for each
    query's letters (``[^…]`` of those left out) took 0.5 ms to compile, which each new query paid
    (the benchmark's 613 queries at 1,000,000 documents: 430 of them, 0.79 ms each with the scan,
    against 0.32 so)."""
    letters = frozenset(c for start in starts for c in start.lower() if c.isascii() and c.isalpha())
    left_out = _letters_left_out(letters)
    return [m.start() for m in _MAYBE_LETTER.finditer(text) if m.group() not in left_out]


_MAYBE_LETTER = re.compile("[^" + _ASCII_AND_NO_WORD + "]")  # beyond ASCII, and no space, quote, dash or the like


@lru_cache(maxsize=256)
def _letters_left_out(letters: frozenset[str]) -> frozenset[str]:
    """The Latin letters folding to ASCII letters (:func:`legation.search.analyzers.latin_letter_folds`:
    ``é`` → ``e``, ``ß`` → ``ss``) none of which is one of ``letters`` (ASCII, lowercase)."""
    return frozenset(letter for letter, folded in analyzers.latin_letter_folds().items() if not letters.intersection(folded))


def _ascii_word_starts(raw: bytes, starts: tuple[str, ...]) -> list[int]:
    """Byte offsets in the UTF-8 text ``raw`` of the words beginning, lowercased, with one of
    ``starts``: where one follows a byte that is not an ASCII letter or digit (or begins the text)."""
    probe = b" " + raw.translate(_PROBE)
    found = []
    for start in starts:
        needle = b" " + start.encode().translate(_PROBE)
        i = probe.find(needle)
        while i >= 0:
            found.append(i)  # probe[i] is the space before the word, which is raw[i]
            i = probe.find(needle, i + 1)
    return found


def _byte_offsets(text: str, offsets: list[int]) -> list[int]:
    """Character ``offsets`` in ``text`` as UTF-8 byte offsets, sorted."""
    found, chars, size = [], 0, 0
    for i in sorted(offsets):
        size += len(text[chars:i].encode())
        chars = i
        found.append(size)
    return found


def _kept(raw: bytes, hits: list[int]) -> list[tuple[int, str]]:
    """The parts of the UTF-8 text ``raw`` between ASCII whitespace that hold one of the byte
    offsets ``hits``, as (byte offset, part)."""
    spaced = raw.translate(_SPACED)
    parts, pos = [], 0
    for i in sorted(hits):
        if i < pos:
            continue  # inside the part kept last
        begin = spaced.rfind(b" ", pos, i) + 1 or pos
        end = spaced.find(b" ", i)
        pos = len(raw) if end < 0 else end
        parts.append((begin, raw[begin:pos].decode()))
    return parts


def _near(hits: list[int], anchors: list[int], reach: tuple[int, int]) -> list[int]:
    """The offsets of ``hits`` from ``reach[0]`` before one of the offsets ``anchors`` (sorted) to
    ``reach[1]`` after it (all in bytes, or all in characters)."""
    before, after = reach
    return [i for i in hits if (j := bisect.bisect_left(anchors, i - after)) < len(anchors) and anchors[j] <= i + before]


def _in_text(marks: Marks, parts: list[tuple[int, str]]) -> Marks:
    """``marks``, byte ranges in the ``parts`` joined one space apart, as byte ranges in the text
    the parts were taken from (a word never spans two parts)."""
    starts, shifts, at = [], [], 0
    for offset, part in parts:
        starts.append(at)
        shifts.append(offset - at)
        at += (len(part) if part.isascii() else len(part.encode())) + 1  # most parts are ASCII words
    return [(s + shifts[k], e + shifts[k]) for s, e in marks for k in (bisect.bisect_right(starts, s) - 1,)]


_PROBE_CHARS = 200


def _mostly_latin(head: str) -> bool:
    """Whether ``head`` (the start of a text) is mostly ASCII once its Latin letters are counted as
    ASCII and its quotes and dashes left aside, as :func:`kept_parts` then needs: told without
    translating it, from the bytes beyond one a character of the rest takes in UTF-8. (The letters
    were taken as 2 bytes each, one beyond one; those of Latin Extended Additional take 3, and an
    Ottoman transliteration dense in ḳ, ḥ, ṣ, or a Vietnamese text, was given to the analyzer whole:
    ``mevfure`` spent 26 ms of a search on the snippets of 16 hits.)"""
    rest = analyzers.LATIN_LETTER.sub("", head)
    beyond = len(rest.encode()) - len(rest) - 2 * sum(rest.count(ch) for ch in _PUNCTUATION)
    return beyond * _MOSTLY_ASCII <= len(head)


def _only(text: str, runs: re.Pattern[str]) -> list[tuple[int, str]]:
    """The occurrences of ``runs`` (:func:`_runs_of`) in ``text``, as (UTF-8 byte offset, run as
    ``text`` writes it)."""
    found = list(runs.finditer(text))
    return [(offset, text[m.start() : m.end()]) for offset, m in zip(_byte_offsets(text, [m.start() for m in found]), found)]


@lru_cache(maxsize=256)
def _runs_of(runs: tuple[str, ...], apart: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The occurrences of ``runs`` (folded: simplified Chinese characters) written in any form
    (:func:`legation.search.analyzers.same_letters`: ``国`` or ``國``), the longest first: sought
    so rather than in the text with every traditional character made simplified
    (:func:`~legation.search.analyzers.han_simplified`), which scanned a Chinese report of tens of
    thousands of characters for 2,966 characters for each hit. Only the runs themselves: for 이승만
    a Korean speech's every 이 (a particle) was given to the analyzer (up to 0.4 ms a hit). A run of
    ``apart`` may have separators between its characters (:data:`~legation.search.analyzers.NO_WORD_CHAR`:
    punctuation, spaces), as the search found it (:func:`legation.search.query.sought_apart`): its
    characters in ``幅度低得多，而人民生活`` were not marked for ``幅度低得多而人民生活``, which found it.
    Any run may have a middle dot between two of its characters (``한·일`` for ``한일``), as the
    index joins them (:data:`~legation.search.analyzers.JOINING_DOT`)."""
    def pattern(run: str) -> str:
        gap = f"(?:{analyzers.NO_WORD_CHAR}|{analyzers.JOINING_DOT})*" if run in apart else f"{analyzers.JOINING_DOT}?"
        return gap.join(f"[{re.escape(analyzers.same_letters(c))}]" for c in run)

    return re.compile("|".join(pattern(run) for run in sorted(runs, key=len, reverse=True)))


# The stretches of a text between whitespace and the characters that are words of their own: no
# word spans one (analyzers.TOKEN_PATTERN), so each is cut into the same words alone as in the text.
_STRETCH = re.compile(r"[^\s" + analyzers.OWN_WORD_CHAR.pattern[1:-1] + "]+")
# a character beyond ASCII that may be in a word and fold to ASCII letters: a letter or digit
# (Rhée, ｕｎ, ﬁ) or a combining mark; not punctuation, which no word holds
_MAY_FOLD = re.compile(r"[^\x00-\x7f\W]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _stretches(text: str, starts: tuple[str, ...]) -> list[tuple[int, str]]:
    """The stretches of ``text`` (:data:`_STRETCH`) that hold a word beginning, lowercased, with one
    of ``starts`` or a character that may fold to ASCII (:data:`_MAY_FOLD`), as (UTF-8 byte offset,
    stretch): what an ASCII word of the query may match in a Chinese or Korean text."""
    begins = _word_beginning(starts)
    found = [m for m in _STRETCH.finditer(text) if begins.search(m.group()) or _MAY_FOLD.search(m.group())]
    return list(zip(_byte_offsets(text, [m.start() for m in found]), (m.group() for m in found)))


@lru_cache(maxsize=64)
def _word_beginning(starts: tuple[str, ...]) -> re.Pattern[str]:
    """A word beginning with one of ``starts`` (not after a letter or digit: "en" is not sought in
    "when"), each letter written in either case or as any Latin letter that folds to it
    (:func:`legation.search.analyzers.same_letters`: ``sar`` finds ``Şarkı``). The letter before
    a word is looked at once its first letter is found: a lookbehind first made the scan three
    times as slow."""

    def letters(start: str) -> str:
        return "".join(f"[{re.escape(analyzers.same_letters(c))}]" for c in start)

    return re.compile("|".join(f"{letters(start[0])}(?<![^\\W_].){letters(start[1:])}" for start in starts) if starts else "(?!)")


@cache
def _unfolded_run() -> re.Pattern[str]:
    """A run of characters beyond ASCII that no Latin letter folds to ASCII
    (:func:`legation.search.analyzers.latin_fold`), but spaces, quotes, dashes and the like."""
    folded = "".join(map(chr, sorted(analyzers.latin_fold())))
    return re.compile("[^" + _ASCII_AND_NO_WORD + re.escape(folded) + "]+")


def best_snippets(
    doc: dict,
    highlighters: list[Highlighter],
    searcher: tantivy.Searcher,
    most: int = MAX_SNIPPETS,
    weights: Weights | None = None,
    starts: list[tuple[str, int]] | None = None,
) -> list[str]:
    """Snippets (:func:`passage_html`) of the first field (texts, then summary) of ``doc`` (a
    stored document's ``to_dict()``) where a query word occurs, best passage first: one, or up to
    ``most`` for a text over :data:`LONG_TEXT_CHARS`, none overlapping or touching another.
    ``[]`` when no query word occurs in any of them. ``weights``: a dict the hits of one search
    share, so each word's weight is looked up once. ``starts``, when given, receives the field and
    the UTF-8 byte offset in its values joined one space apart where each passage begins.

    Passages are sought in the first :data:`SCAN_CHARS` characters of a text, and in the rest
    only when no query word occurs there: marking the words of a whole text is most of a
    search's time for texts of 100,000 characters, Chinese above all (10 ms a text)."""
    weights = {} if weights is None else weights
    for highlighter in highlighters:
        name = highlighter.field
        if not doc.get(name):
            continue
        text = " ".join(doc[name])  # as tantivy joins a field's values
        values = [value.encode() for value in doc[name]]  # each value encoded once: texts are long
        raw = b" ".join(values)  # text in UTF-8: the marks are byte offsets from its start, also when found in its opening
        opening = _opening(text)
        rarer = highlighter.choosing(searcher)
        for chooser in [rarer, highlighter] if rarer is not highlighter else [highlighter]:  # the rarer words first
            marks = chooser.marks(opening, raw if len(opening) == len(text) else None)
            if not marks and len(opening) < len(text):  # then the rest, the opening not read again
                shift = len(opening.encode())
                marks = [(start + shift, end + shift) for start, end in chooser.marks(text[len(opening) :])]
            if marks:
                break
        if not marks:
            continue
        ends = list(accumulate(len(v) + 1 for v in values)) if len(values) > 1 else None
        spans = passages(raw, marks, _weights(raw, marks, name, searcher, weights), most if len(raw) > LONG_TEXT_CHARS else 1, ends)
        if chooser is not highlighter:
            marks = _every_word(raw, spans, marks, highlighter)
        if starts is not None:
            starts.extend((name, start) for start, _ in spans)
        return [passage_html(raw, start, end, marks) for start, end in spans]
    return []


def _every_word(raw: bytes, spans: list[tuple[int, int]], marks: Marks, highlighter: Highlighter) -> Marks:
    """``marks`` (of a query's rarer words: :meth:`Highlighter.choosing`) with every word of the
    query marked in ``spans`` (byte ranges of the UTF-8 text ``raw``), each read from the
    whitespace before it to the one after (within :data:`WORD_BYTES`), so no word is cut: "the" and
    "of", marked over a whole FRUS memorandum, were most of a search's snippets (at 1,000,000
    documents, ``Staff to the``: 26 ms)."""
    found = set(marks)
    spaced = raw.translate(_SPACED)
    for start, end in spans:
        before = spaced.rfind(b" ", max(start - WORD_BYTES, 0), start + 1)
        after = spaced.find(b" ", end, end + WORD_BYTES)
        lo, hi = (before + 1 if before >= 0 else start), (after if after >= 0 else end)
        found.update((lo + s, lo + e) for s, e in highlighter.marks(raw[lo:hi].decode(errors="replace")) if lo + s >= start and lo + e <= end)
    return sorted(found)


def _opening(text: str) -> str:
    """The first :data:`SCAN_CHARS` characters of ``text`` (:data:`SCAN_CJK_CHARS` when a quarter
    of its first 1,000 are Han, kana or Hangul), cut back to a space within the last 100 so no
    word is cut in two (text without spaces, such as Chinese, is cut where it falls)."""
    size = SCAN_CHARS
    if not text[:1000].isascii() and analyzers.own_word_chars(text, 0, 1000) * 4 >= min(len(text), 1000):
        size = SCAN_CJK_CHARS
    opening = text[:size]
    space = opening.rfind(" ", size - 100)
    return opening[:space] if space > 0 else opening


def _weights(raw: bytes, marks: Marks, field_name: str, searcher: tantivy.Searcher, known: Weights) -> list[tuple[str, float]]:
    """Each mark's index term in ``field_name`` and the term's weight, its BM25 idf in the archive:
    a passage holding "treaty" and "friendship" beats one holding "of" and "the". ``known``
    holds the words already weighed (and receives the new ones)."""
    analyzer = schema.ANALYZER_OF[field_name]
    total = max(searcher.num_docs, 1)
    for s, e in marks:
        key = (field_name, raw[s:e])
        if key not in known:
            text = key[1].decode(errors="replace")
            term = (analyzers.terms(text, analyzer) or [text.lower()])[0]
            df = searcher.doc_freq(field_name, term)
            known[key] = (term, math.log(1 + (total - df + 0.5) / (df + 0.5)))
    return [known[field_name, raw[s:e]] for s, e in marks]


def passages(
    raw: bytes, marks: Marks, weights: list[tuple[str, float]], most: int, ends: list[int] | None = None
) -> list[tuple[int, int]]:
    """Up to ``most`` passages of the UTF-8 text ``raw``, as byte ranges of about
    :data:`SNIPPET_CHARS`, best first. ``ends``: where each value of a field of several (a text and
    its footnotes) ends in ``raw``, the values joined one space apart (the byte offset after that
    space, the last ``len(raw) + 1``); no passage spans two, nor its context: the end of a text
    shown run on into a footnote's opening read as one sentence.

    A candidate is a run of consecutive marks spanning at most :data:`SNIPPET_CHARS`, scored by the
    weights (``(term, weight)`` per mark) of the distinct terms it holds, each repeat adding a
    hundredth of a point; ties go to the earlier. The best is taken, then the best whose marks lie
    at least :data:`SNIPPET_CHARS` from those of every passage taken, and so on. Each is then given
    context (:func:`_with_context`): half the room left on each side, so passages never overlap."""
    # One window slides over the marks (each enters and leaves it once: a text where "the" and "of"
    # are marked has thousands), holding how often each term is in it.
    # The sum of its terms' weights is taken again (exactly: math.fsum, so that windows of the same
    # terms tie, and the earlier wins) only when a term enters or leaves it.
    candidates = []
    size, j, total = len(marks), 0, 0.0
    in_window: dict[str, int] = {}
    weight_of = dict(weights)
    value = [bisect.bisect_right(ends, start) for start, _ in marks] if ends else [0] * size  # each mark's value
    for i, (first, _) in enumerate(marks):
        if j <= i:  # the window is empty: it starts at this mark
            j, in_window = i, {}
        changed = not in_window
        while j < size and (j == i or marks[j][1] - first <= SNIPPET_CHARS and value[j] == value[i]):
            term = weights[j][0]
            if term in in_window:
                in_window[term] += 1
            else:
                in_window[term], changed = 1, True
            j += 1
        if changed:
            total = math.fsum(map(weight_of.__getitem__, in_window))
        candidates.append((-(total + (j - i) / 100), first, marks[j - 1][1]))
        term = weights[i][0]  # this mark leaves the window before the next one starts
        if in_window[term] == 1:
            del in_window[term]
            total = math.fsum(map(weight_of.__getitem__, in_window))
        else:
            in_window[term] -= 1
    chosen: list[tuple[int, int]] = []
    for _, first, last in sorted(candidates):
        if len(chosen) == most:
            break
        if all(first - end >= SNIPPET_CHARS or start - last >= SNIPPET_CHARS for start, end in chosen):
            chosen.append((first, last))
    starts = [start for start, _ in marks]
    bounds = [0, *ends] if ends else [0, len(raw) + 1]

    def within(first: int, last: int) -> tuple[int, int]:  # the value holding a passage: from its start to its end
        k = bisect.bisect_right(bounds, first)
        return bounds[k - 1], bounds[k] - 1

    return [_with_context(raw, *_whole_runs(raw, marks, starts, first, last), *within(first, last)) for first, last in chosen]


def _whole_runs(raw: bytes, marks: Marks, starts: list[int], first: int, last: int) -> tuple[int, int]:
    """Bytes ``first`` to ``last`` of ``raw`` (from a mark's start to a mark's end; ``starts``
    the marks' starts) widened to the whole runs of marks one after another they cut (at most
    :data:`MARK_GAP` bytes apart, no letter or digit between, as :func:`in_phrases` reads a
    phrase): a passage ending in "The <mark>Chinese</mark>" showed one word of the phrase
    "Chinese Communists" marked alone."""
    i, k = bisect.bisect_left(starts, first), bisect.bisect_left(starts, last) - 1
    while i > 0 and _one_after_another(raw, marks[i - 1], marks[i]):
        i -= 1
    while k + 1 < len(marks) and _one_after_another(raw, marks[k], marks[k + 1]):
        k += 1
    return marks[i][0], marks[k][1]


def _one_after_another(raw: bytes, before: tuple[int, int], after: tuple[int, int]) -> bool:
    gap = raw[before[1] : after[0]]
    return len(gap) <= MARK_GAP and not any(c.isalnum() for c in gap.decode(errors="replace"))


def _with_context(raw: bytes, first: int, last: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """Bytes ``first`` to ``last`` of ``raw`` widened by half the room left in
    :data:`SNIPPET_CHARS` on each side, but not before ``lo`` nor past ``hi`` (the value holding
    them, see :func:`passages`; default the whole text), each end cut back to a word boundary (whitespace); when
    no whitespace stands between an end and the marks, the end is moved out to the nearest one
    within :data:`WORD_BYTES`, so that a passage never starts or ends inside a word (``o-<mark>Soviet</mark>``
    of "Sino-Soviet"); failing that (text without spaces: Chinese, Japanese), to a character boundary."""
    hi = len(raw) if hi is None else hi
    room = max(SNIPPET_CHARS - (last - first), 0) // 2
    start, end = max(first - room, lo), min(last + room, hi)
    if start > lo:
        space = _SPACE.search(raw, start - 1, first)
        if space:
            start = space.end()
        else:
            before = max(raw.rfind(c, max(start - WORD_BYTES, lo), start) for c in _WHITESPACE)
            start = before + 1 if before >= 0 else lo if start - lo <= WORD_BYTES else start
        while raw[start] & 0xC0 == 0x80:  # a UTF-8 continuation byte: inside a character
            start += 1
    if end < hi:
        space = max(raw.rfind(c, last, end + 1) for c in _WHITESPACE)  # the last, as _SPACE would find it
        if space >= 0:
            end = space
        else:
            after = _SPACE.search(raw, end, min(end + WORD_BYTES, hi))
            end = after.start() if after else hi if end + WORD_BYTES >= hi else end
        while end < hi and raw[end] & 0xC0 == 0x80:
            end -= 1
    return start, end


# a hyphen, a full stop or an apostrophe (typographic, or the acute accent typed for one) between two
# marks makes them one word
_JOINING = frozenset(c.encode() for c in "-.'\u2019\u00b4\u2010\u2011")


def passage_html(raw: bytes, start: int, end: int, marks: Marks) -> str:
    """Bytes ``start`` to ``end`` of the UTF-8 text ``raw`` as HTML: the text escaped, the marks
    inside it in ``<mark>…</mark>`` (marks with nothing between them in one: ``<mark>周恩来</mark>``,
    not a mark a character; and marks joined by one hyphen, full stop or apostrophe:
    ``<mark>En-lai</mark>``, ``<mark>U.S.S.R</mark>.``, ``<mark>O’Neill</mark>``), and "…" where the text goes on before or after; characters HTML
    forbids (DEL, C1 controls, noncharacters a stored text may hold) as U+FFFD, as the page prints
    every other value (:func:`legation.printable.html_escaped`)."""
    spans: Marks = []
    # only the marks from ``start`` to ``end``: a text where "the" is marked has thousands
    for k in range(bisect.bisect_left(marks, (start,)), len(marks)):
        s, e = marks[k]
        if s > end:
            break
        if s < (spans[-1][1] if spans else start) or e > end:
            continue
        if spans and (s == spans[-1][1] or (s - spans[-1][1] <= 3 and raw[spans[-1][1] : s] in _JOINING)):
            spans[-1] = (spans[-1][0], e)  # one mark over words with nothing between (周恩来) or joined into one (En-lai, U.S.S.R)
        else:
            spans.append((s, e))
    parts, pos = [], start
    for s, e in spans:
        parts.append(html_escaped(raw[pos:s].decode(errors="replace")))
        parts.append(f"<mark>{html_escaped(raw[s:e].decode(errors='replace'))}</mark>")
        pos = e
    parts.append(html_escaped(raw[pos:end].decode(errors="replace")))
    return ("… " if start > 0 else "") + "".join(parts).strip() + (" …" if end < len(raw) else "")


def marked_html(text: str, highlighter: Highlighter | None) -> str:
    """A short value (a hit's title or summary) whole as HTML: escaped, and the words of the query
    that ``highlighter`` (its field's; ``None`` when the query searches no word there) marks in
    ``<mark>…</mark>`` as a passage marks them (:func:`passage_html`, not cut, no "…"), so stemmed
    and folded forms, a name's other forms, phrases and prefixes are marked by the same rules.
    Without a mark, what the page prints for any value (:func:`legation.printable.html_escaped`):
    ``"Eden to Chou En-lai <1954>"`` for ``"Zhou Enlai"`` → ``"Eden to <mark>Chou</mark>
    <mark>En-lai</mark> &lt;1954&gt;"``."""
    if highlighter is None or not text:
        return html_escaped(text)
    raw = text.encode()
    marks = highlighter.marks(text, raw)
    return passage_html(raw, 0, len(raw), marks) if marks else html_escaped(text)
