"""Name variants from the authority records, applied to the user's query.

A person, organization or place has several names (romanizations, scripts, former names:
Chou En-lai = Zhou Enlai = 周恩来; Port Arthur = Lüshun). When words of a query spell one of
those names, the query also searches the other names: ``Zhou Enlai treaty`` becomes
``(Zhou Enlai OR "Chou En-lai" OR "周恩来" …) treaty``.

Only curated names count: those an authority file gave (``legation authorities``) or a curator
marked in the admin; names read from documents do not widen searches. The words of a name are
sought side by side, typed with or without quotes (``Port Arthur`` does not find "port access …
Arthur Radford"); a quoted phrase that is a whole name (``"Zhou Enlai"``, ``from:"Liu
Shao-chi"``) is that name in all its forms, as its words unquoted are; any other phrase is
searched as written. A name in a field of names (:data:`NAME_FIELDS`) is searched there in all its
forms; a name excluded is excluded in all its forms. Names are compared by their folded words
(:func:`legation.search.analyzers.folded`: case and diacritics ignored). A name typed with its
syllables joined or split otherwise than the record writes them (``Chou Enlai``, ``Lu-shun``,
``Lu shun``, ``Kim Ilsung`` for Chou En-lai, Lüshun, Kim Il-sung) is that name: its words joined
are the record's, and it is searched as the record writes it, in all its forms, and as typed
where that spelling would not find all the words typed find (``Hongkong``: no word of "Hong
Kong"). A name whose words belong to more than one authority record (``Johnson``), or whose words
joined do (``Chang Chun``: Chang Ch'ün, Changchun), is ambiguous and left alone. A name's other
forms with a hyphenated word are also sought with its parts joined (Zhou Enlai finds a text writing
"Chou Enlai" as it finds "Chou En-lai"); a word typed alone that is a name's hyphenated word joined
(``Kaishek``, ``Enlai``) is also sought as the name writes it (Kai-shek). A ``prefix*`` in a field
of names (``place:Pek*``) also seeks the names it begins, in all their forms.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from legation.search import analyzers
from legation.search.query import PLACE_FIELD, Alternatives, And, Node, Not, Or, Phrase, Spellings, Term

MAX_NAME_WORDS = 6
MAX_ALTERNATIVES = 12
REFRESH_SECONDS = 5.0


class Expansions(list[tuple[str, tuple[str, ...]]]):
    """What :meth:`VariantTable.expand` found: (words as typed, names added) for each name of the
    query, and in ``excluded`` the words typed of those a NOT excludes (``-"Zhou Enlai"``), which
    a notice names as excluded, not searched."""

    def __init__(self) -> None:
        super().__init__()
        self.excluded: set[str] = set()


@dataclass
class VariantTable:
    """Folded words of each name → every name of its authority record (preferred name first);
    ``joined``: those words joined into one (``chiaokuanhua``) → the names of one record that spell
    it (``Ch'iao Kuan-hua``, ``Chiao Kuan-hua``), for a name typed with its syllables joined or
    split otherwise."""

    groups: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    joined: dict[str, tuple[str, ...]] = field(default_factory=dict)
    places: frozenset[tuple[str, ...]] = frozenset()  # the keys of groups that are places' names
    parts: dict[str, str] = field(default_factory=dict)  # a name's hyphenated word, its letters joined → as written: kaishek → Kai-shek

    @classmethod
    def from_groups(cls, groups: Sequence[Sequence[str]], places: Sequence[Sequence[str]] = ()) -> VariantTable:
        """A table from lists of names, each list one authority record's names: ``groups`` those
        of people and bodies, ``places`` those of places. A name of two records is left out, and so
        are the words joined of names of two records."""
        table: dict[tuple[str, ...], tuple[str, ...] | None] = {}
        joined: dict[str, tuple[tuple[str, ...], list[str]] | None] = {}  # letters → (the record's names, those spelling them)
        place_keys = {tuple(analyzers.folded(n)) for names in places for n in names}
        parts: dict[str, str | None] = {}  # None: two words of the same letters split otherwise
        for names in [*groups, *places]:
            for word in (w for name in names for w in name.split() if "-" in w):
                if len(folded := analyzers.folded(word)) > 1:
                    seen = parts.setdefault("".join(folded), word)
                    if seen is not None and analyzers.folded(seen) != folded:
                        parts["".join(folded)] = None
            names = list(dict.fromkeys(n for n in names if n.strip()))
            if len(names) < 2:
                continue
            for name in names:
                key = tuple(analyzers.folded(name))
                if not key or len(key) > MAX_NAME_WORDS:
                    continue
                if key in table and table[key] != tuple(names):
                    table[key] = None  # ambiguous: two records share this name
                else:
                    table[key] = tuple(names)
                spelling = joined.setdefault("".join(key), (tuple(names), []))
                if spelling is not None and spelling[0] == tuple(names):
                    spelling[1].append(name)
                else:
                    joined["".join(key)] = None  # Chang Ch'ün, Changchun: the same letters, two records
        return cls(
            {k: v for k, v in table.items() if v is not None},
            {k: tuple(v[1]) for k, v in joined.items() if v is not None},
            frozenset(k for k, v in table.items() if v is not None and k in place_keys),
            {k: v for k, v in parts.items() if v is not None},
        )

    @cached_property
    def _letters(self) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        """Each record's names, and the same through :func:`legation.search.analyzers.letters_folded`:
        folded once a table, not for every text sought (:meth:`holding`)."""
        return [(record, tuple(analyzers.letters_folded(n) for n in record)) for record in dict.fromkeys(self.groups.values())]

    @cached_property
    def other_name_words(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Each folded word of a person's or body's other name that is no word of the record's
        preferred name, nor a whole name itself (``zedong``, of Mao Zedong, another name of Mao
        Tse-tung) → (preferred name, other name holding it) for each such record. The ``names``
        search field holds every name of the agents a document is linked to, so such a word typed
        alone finds (or, excluded, leaves out) those documents whether or not they write it: what
        :func:`legation.search.service.name_form_notices` says. A letter alone is an initial ("A." of "A. A.
        Gromyko"), no word a search for the person types: ``a`` was said to find the documents linked to
        Gromyko and to Harold Anthony Caccia (a fresh user). A Han, kana or Hangul character is a word."""
        words: dict[str, dict[tuple[str, str], None]] = defaultdict(dict)
        for key, record in self.groups.items():
            if key in self.places:
                continue  # the place field holds a place's own name alone: no other name's word finds it
            own = set(analyzers.folded(record[0]))
            for name in record[1:]:
                for word in analyzers.folded(name):
                    if len(word) == 1 and not analyzers.OWN_WORD_CHAR.fullmatch(word):
                        continue  # an initial
                    if word not in own and (word,) not in self.groups and word not in self.parts:
                        words[word][(record[0], name)] = None
        return {word: tuple(pairs) for word, pairs in words.items()}

    def holding(self, folded: str) -> set[str]:
        """Every name of the records one of whose names holds ``folded`` (a text through
        :func:`legation.search.analyzers.letters_folded`): ``moskva`` gives "Moscow", the name a
        place is stored and listed under."""
        return {name for record, letters in self._letters if any(folded in n for n in letters) for name in record}

    def expand(self, node: Node | None) -> tuple[Node | None, Expansions]:
        """The query tree with runs of plain words that spell a known name replaced by
        :class:`Alternatives` of all its names, and the list of (words as typed, names added; for a
        name typed with its syllables joined or split otherwise, the record's spelling first),
        whose ``excluded`` holds the words typed of the names a NOT excludes."""
        found = Expansions()
        if node is None or not self.groups:
            return node, found
        return self._expand_node(node, found), found

    def _expand_node(self, node: Node, found: list) -> Node:
        """``node`` with its names expanded: words and phrases, groups of words (AND), each side
        of an OR (``place:(Moskva OR Peking)``) and what a NOT excludes (``-"Lüshun"`` excludes
        Port Arthur too: a name excluded as written alone excluded nothing where the documents
        write it otherwise)."""
        if isinstance(node, Term | Phrase | And):
            items = self._expand_items(list(node.items) if isinstance(node, And) else [node], found)
            return items[0] if len(items) == 1 else And(tuple(items))
        if isinstance(node, Spellings):
            # the word without its zero-width space, a name (Khru\u200bshchev: Khrushchev), whose parts
            # are its letters too; else its parts, as typed apart (Mao\u200bStalin: Stalin, Сталин, as for
            # Mao Stalin, where the notice of Stalin's other forms was lost)
            before = len(found)
            joined = self._expand_node(node.items[0], found)
            apart = node.items[1:] if len(found) > before else tuple(self._expand_node(item, found) for item in node.items[1:])
            return Spellings((joined, *apart))
        if isinstance(node, Or) and not isinstance(node, Alternatives):
            return Or(tuple(self._expand_node(item, found) for item in node.items))
        if isinstance(node, Not):
            before = len(found)
            excluded = Not(self._expand_node(node.item, found))
            found.excluded.update(typed for typed, _ in found[before:])
            return excluded
        return node

    def _alternatives(self, typed: str, key: tuple[str, ...], original: Node, found: list, field: str | None = None) -> Node | None:
        names = self.groups.get(key)
        written: str | None = None
        kept: tuple[Node, ...] = ()
        if not names and (spellings := self.joined.get("".join(key))):
            # "Chou Enlai", "Lu-shun": the record's name with its syllables joined or split otherwise, searched
            # as the record writes it (of its spellings, the one sharing most words with it, then nearest
            # in their number: "Chi Pengfei" as "Chi Peng-fei", not "Chi P'eng-fei") and in all its forms;
            # the words typed are kept too where that spelling does not find all they find ("Hongkong", "Chang
            # Chun" for General Chang Ch'un, not the city Changchun): a search finds at least what it found
            written = max(spellings, key=lambda name: _likeness(analyzers.folded(name), key))
            if isinstance(original, Phrase) or not _finds(written, typed):
                kept = (original,)
                if isinstance(original, Term) and analyzers.folded(typed.replace("-", "")) == analyzers.folded(written):
                    kept = (Phrase(typed, field),)  # "Ma-tsu": its words joined are the record's Matsu, sought once
            original = Phrase(written, field) if isinstance(original, Phrase) else _as_words(written, field)
            key = tuple(analyzers.folded(written))
            names = self.groups[key]
        if not names:
            return None
        words = [tuple(analyzers.folded(n)) for n in names]
        others = [
            name
            for name, folded in zip(names, words)
            if folded != key
            and not set(key) <= set(folded)  # already found by the words typed
            # a surname alone ("Chou") widens a full name typed, but is the match for one typed alone
            # (Хрущёв: Khrushchev)
            and not (len(folded) == 1 < len(key) and any(set(folded) < set(other) for other in words))
        ]
        by_words = {tuple(analyzers.folded(n)): n for n in reversed(others)}  # one form per spelling
        others = [n for n in others if by_words[tuple(analyzers.folded(n))] == n][:MAX_ALTERNATIVES]
        if not others and not written:
            return None
        found.append((typed, (written, *others) if written else tuple(others)))
        forms: list[Node] = [Term(n, field) if len(analyzers.folded(n)) == 1 else Phrase(n, field) for n in others]
        # a form of several words with a hyphenated one, also with its parts joined, as a word of parts
        # typed is sought: a text writing "Chou Enlai" showed no passage for Zhou Enlai (Chou En-lai)
        spelled = {key, *(tuple(analyzers.folded(n)) for n in others)}
        for name in others:
            if "-" in name and len(name.split()) > 1:
                if (folded := tuple(analyzers.folded(joined := _hyphens_joined(name)))) not in spelled:
                    spelled.add(folded)
                    forms.append(Phrase(joined, field))
        # the words of a name, typed unquoted, are that name: side by side, as its other forms are sought
        # ("Port Arthur" found "port access … Arthur Radford" too: 26 documents, Lüshun 7); side by side
        # also with their parts joined, as a word of parts is sought ("CHIANG-KAISHEK" for Chiang
        # Kai-shek), and as typed ("Chiang Kaishek"). Words kept because the record's spelling would
        # not find what they find stay as typed ("Chang Chun" finds "General Chang Ch’un").
        if isinstance(original, And) and all(isinstance(word, Term) for word in original.items):
            words = [word.text for word in original.items]  # type: ignore[union-attr]
            original = Phrase(" ".join(words), field)
            sought = {tuple(analyzers.folded(original.text))} | {tuple(analyzers.folded(n.text)) for n in kept if isinstance(n, Term | Phrase)}
            for text in (_hyphens_joined(" ".join(words)), typed if written else ""):
                if text and (folded := tuple(analyzers.folded(text))) not in sought:
                    sought.add(folded)
                    kept = (*kept, Phrase(text, field))
        return Alternatives((original, *kept, *forms))

    def _prefix_alternatives(self, item: Term, found: list) -> Node | None:
        """A ``prefix*`` in a field of names (``place:Pek*``, ``from:"Chou En*"``) with, in all their
        forms, the names of the records that have a name it begins: the field holds each name as its
        record writes it (Beijing), so the prefix alone found none of the documents sent from
        "Peking". Places' names in ``place:``, people's and bodies' in the other fields. Names
        compared by their folded words, the last typed as the beginning of a word;
        :data:`MAX_ALTERNATIVES` names at most, records taken in the table's order. ``None`` when no
        name begins so."""
        *lead, last = analyzers.folded(item.text) or [""]
        if not last:
            return None
        place = item.field == PLACE_FIELD  # the place field holds places' names, the others people's and bodies'
        names: list[str] = []
        for record in dict.fromkeys(
            record_names
            for key, record_names in self.groups.items()
            if len(key) > len(lead) and list(key[: len(lead)]) == lead and key[len(lead)].startswith(last) and (key in self.places) == place
        ):
            names.extend(record)
        by_words = {tuple(analyzers.folded(n)): n for n in reversed(names)}  # one form per spelling: the first
        names = [n for n in names if by_words[tuple(analyzers.folded(n))] == n][:MAX_ALTERNATIVES]
        if not names:
            return None
        found.append((f"{item.text}*", tuple(names)))
        forms = [Term(n, item.field) if len(analyzers.folded(n)) == 1 else Phrase(n, item.field) for n in names]
        return Alternatives((item, *forms))

    def _expand_items(self, items: list[Node], found: list) -> list[Node]:
        out: list[Node] = []
        i = 0
        while i < len(items):
            item = items[i]
            if isinstance(item, And | Or | Not) and not isinstance(item, Alternatives):
                # a group, "to:(Liu Shao-chi) treaty", "(Moskva OR Peking) treaty": its own words may spell a name
                out.append(self._expand_node(item, found))
                i += 1
                continue
            if isinstance(item, Phrase):
                # quotes hold a name's words together, as researchers quote names: a phrase that is a
                # whole name ("Zhou Enlai", "Lüshun") is that name in all its forms, bare or in a field
                # of names, as the words unquoted are; any other phrase is searched as written. (Quoted
                # names searched as written found "Zhou Enlai" in 291 documents where Zhou Enlai finds
                # 536, "Lüshun" in none where Lüshun finds 7.)
                named = (item.field is None or item.field in NAME_FIELDS) and self._alternatives(
                    item.text, tuple(analyzers.folded(item.text)), item, found, item.field
                )
                out.append(named or item)
                i += 1
                continue
            if isinstance(item, Term) and item.prefix and item.field in NAME_FIELDS:
                out.append(self._prefix_alternatives(item, found) or item)
                i += 1
                continue
            replaced = False
            in_field = item.field if isinstance(item, Term) else None
            if _plain(item, in_field):
                for width in range(min(MAX_NAME_WORDS, len(items) - i), 0, -1):
                    window = items[i : i + width]
                    if not all(_plain(w, in_field) for w in window):
                        continue
                    if width > 1 and not (analyzers.folded(window[0].text) and analyzers.folded(window[-1].text)):  # type: ignore[union-attr]
                        continue  # the name is the narrower window: "毛泽东 😀" was named as typed, the emoji with it
                    key = tuple(t for w in window for t in analyzers.folded(w.text))  # type: ignore[union-attr]
                    typed = " ".join(w.text for w in window)  # type: ignore[union-attr]
                    original = window[0] if width == 1 else And(tuple(window))
                    if (alt := self._alternatives(typed, key, original, found, in_field)) is not None:
                        out.append(alt)
                        i += width
                        replaced = True
                        break
            if not replaced and _plain(item, in_field) and "-" not in item.text and (part := self.parts.get("".join(analyzers.folded(item.text)))):
                # "Kaishek" typed alone is no name, but a name's word joined: also sought as the name writes it
                # (374 documents against 420 for Kai-shek)
                found.append((item.text, (part,)))
                out.append(Alternatives((item, Phrase(part, in_field))))
                i += 1
            elif not replaced:
                out.append(item)
                i += 1
        return out


NAME_FIELDS = ("names", "from", "to", "place")
"""Search fields holding names of people, bodies and places: a name searched in one of them
(``from:(Chou En-lai)``, ``place:Moskva``, ``to:"Liu Shao-chi"``) is searched there in all its forms."""


def as_written(typed: Node | None, expanded: Node | None) -> Node | None:
    """Words typed (``typed``, a query's tree as parsed) with each name typed with its syllables
    joined or split otherwise as its record writes it, read off ``expanded`` (what
    :meth:`VariantTable.expand` made of ``typed``): ``Chiang Kaishek treaty`` → ``Chiang Kai-shek
    treaty``. Words standing together rank first by them
    (:func:`legation.search.query.proximity_phrases`), as for the name typed as the record writes it.
    Only for plain words (an :class:`And` of :class:`Term`, or one), the only tree that ranking
    reads; any other is returned as typed."""
    if not all(isinstance(word, Term) for word in (typed.items if isinstance(typed, And) else (typed,))):
        return typed
    words: list[Node] = []
    for item in expanded.items if isinstance(expanded, And) else (expanded,):  # type: ignore[union-attr]
        first = item.items[0] if isinstance(item, Alternatives) else item
        if isinstance(first, Phrase):  # a name's words, typed unquoted (VariantTable.expand)
            first = _as_words(first.text, first.field)
        words.extend(first.items if isinstance(first, And) else (first,))
    return words[0] if len(words) == 1 else And(tuple(words))


def _likeness(words: list[str], typed: tuple[str, ...]) -> tuple[int, int]:
    """How like ``typed`` a spelling of the same letters is: the words they share, then the
    fewest words more or less."""
    return len(set(words) & set(typed)), -abs(len(words) - len(typed))


def _finds(written: str, typed: str) -> bool:
    """Whether the words ``written``, unquoted, find every document the words ``typed`` find: word
    for word, each typed as written or, of a written word of parts, joined, as a search also seeks
    it (``Chou Enlai`` by ``Chou En-lai``; not ``Hongkong`` by ``Hong Kong``)."""
    pairs = list(zip(typed.split(), written.split()))
    return len(pairs) == len(typed.split()) == len(written.split()) and all(
        analyzers.folded(word) in (analyzers.folded(own), analyzers.folded(own.replace("-", ""))) for word, own in pairs
    )


def _hyphens_joined(name: str) -> str:
    """``name`` with each hyphenated word's parts joined: ``Chou En-lai`` → ``Chou Enlai``."""
    return " ".join(word.replace("-", "") for word in name.split())


def _as_words(name: str, field: str | None) -> Node:
    """``name`` as its words typed, in ``field``: ``Chou En-lai`` → ``Chou`` AND ``En-lai``."""
    words = tuple(Term(word, field) for word in name.split())
    return words[0] if len(words) == 1 else And(words)


def _plain(node: Node, field: str | None = None) -> bool:
    """A word that may be part of a name: not a prefix, and unfielded (``field=None``) or in ``field``,
    one of :data:`NAME_FIELDS`."""
    return isinstance(node, Term) and node.field == field and (field is None or field in NAME_FIELDS) and not node.prefix


_lock = threading.Lock()
_cached: tuple[float, str, VariantTable] | None = None


def _groups() -> tuple[list[list[str]], list[list[str]]]:
    """The names of each authority record that search treats as one: each agent with curated names
    (its preferred name first, then those), and each place (its name, then its variants), in a
    fixed order (agents and names by primary key, places by name). Rows as tuples, no model
    objects: read every :data:`REFRESH_SECONDS` by every web process."""
    from legation.records.models import Agent, AgentName, Place, PlaceName

    # Only curated names: names read from documents can be wrong (a title parser's slip once made
    # "Nixon" a name of Kissinger), and a wrong variant would widen every search for the person.
    curated: dict[int, list[str]] = defaultdict(list)
    for agent, name in AgentName.objects.filter(from_authority=True).order_by("pk").values_list("agent_id", "name"):
        curated[agent].append(name)
    agents = Agent.objects.filter(pk__in=AgentName.objects.filter(from_authority=True).values("agent_id")).order_by("pk")
    variants: dict[int, list[str]] = defaultdict(list)
    for place, name in PlaceName.objects.order_by("pk").values_list("place_id", "name"):
        variants[place].append(name)
    return [[name, *curated[pk]] for pk, name in agents.values_list("pk", "name")], [
        [name, *variants[pk]] for pk, name in Place.objects.order_by("name").values_list("pk", "name")
    ]


def _signature(groups: tuple[list[list[str]], list[list[str]]]) -> str:
    """32 hex digits of BLAKE2b over ``groups``: any name added, removed or renamed (an agent's
    or a place's own name too, in the admin) changes it."""
    return hashlib.blake2b(json.dumps(groups, ensure_ascii=False).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def current() -> VariantTable:
    """The archive's table, rebuilt when the authority records' names changed (read again every
    :data:`REFRESH_SECONDS` seconds at most; a few thousand rows, the folding of every name only
    when they changed)."""
    global _cached
    with _lock:
        now = time.monotonic()
        if _cached and now - _cached[0] < REFRESH_SECONDS:
            return _cached[2]
        groups = _groups()
        signature = _signature(groups)
        table = _cached[2] if _cached and _cached[1] == signature else VariantTable.from_groups(*groups)
        _cached = (now, signature, table)
        return table


def signature() -> str:
    """What :func:`current`'s table was built from, as a digest of every name of it: it changes
    when authority records are loaded or their names edited in the admin, so cached search
    answers can be keyed by it."""
    current()
    with _lock:
        return _cached[1] if _cached else ""


def reset() -> None:
    """Forget the cached table (after loading authority records in this process)."""
    global _cached
    with _lock:
        _cached = None
