"""Names of people and bodies as sources write them: inverted personal names and the kind of an agent.

One rule for every reader. FRUS lists of persons print each name inverted ("Caffery, Jefferson"),
library catalogues and spreadsheets often do ("Acheson, Dean"; "Gaulle, Charles de"; "Lodge, Henry
Cabot, Jr."), titles and letters write it directly ("Dean Acheson"). :func:`name_parts` splits an
inverted name into surname, given names and suffixes, ranks dropped ("Taylor, General Maxwell D."):
the FRUS reader applies it to every entry of a list of persons (each is a person's name by the
list's nature). :func:`direct_name` applies it to a name of a table, where a comma may as well be
part of a body's name ("Embassy in Benghazi, Libya", "Dechant, Senior und Kapitel zu Merseburg") or
precede a suffix of a direct name ("James C. Thomson, Jr."): only a name plainly of the shape
"Surname, Forenames" is turned (see :func:`inverted`), the dates of life a library heading writes
after it left out ("Acheson, Dean, 1893-1971"), and what else a library heading adds: a fuller form
of the forenames, a title, a relator term (:func:`heading`: "Nixon, Richard M. (Richard Milhous),
1913-1994" is Richard M. Nixon). :func:`agent_kind` says whether
a name a source gives without a kind is a person's or an organization's: a body or group of the
German letter indexes, party bodies and German, French and Italian offices, embassies and ministries
are organizations (:func:`body_or_group`), the rest is read by the rule that reads the parties of
FRUS titles (:func:`legation.ingest.titles.party_name`). Readers whose source says which a name is
(TEI ``persName``, ``orgName``) need none of this.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from legation.ingest.slugs import slug
from legation.ingest.titles import _DEPARTMENT_WORDS, _ORG_WORDS, TITLE_WORDS, normalize_space, party_name

NAME_SUFFIXES = {"Jr.", "Sr.", "JR.", "SR.", "II", "III", "IV"}  # "LODGE, HENRY CABOT, JR.": a name in capitals
SUFFIX_AFTER_NAME = re.compile(r"(?<=\S)\s+(Jr\.|Sr\.|JR\.|SR\.|II|III|IV)$")
RANKS = re.compile(
    r"^(?:(?:Vice|Rear|Lieutenant|Major|Brigadier|General of the Army|General|Admiral|Colonel|Captain|Commander|Marshal|Field|Air"
    r"|Chief|Sir|Dr\.|Mr\.|Mrs\.|Lord|Lady|Prince|Sheikh|Pandit|His Majesty|King|Queen|Generalissimo|Senator|Adm\.|Gen\."
    r"|Maj\.|Brig\.|Lt\.|Col\.|Capt\.|Comdr\.|Cmdr\.)\s+)+"  # "McCoy, Maj. Gen. Frank R." (a FRUS index)
)


@dataclass(frozen=True)
class NameParts:
    """An inverted name taken apart: ``"Lodge, Henry Cabot, Jr."`` → surname "Lodge", given "Henry
    Cabot", suffixes ("Jr.",)."""

    surname: str
    given: str
    suffixes: tuple[str, ...] = ()

    @property
    def direct(self) -> str:
        """The name in direct order: "Henry Cabot Lodge Jr."."""
        return " ".join([self.given, self.surname, *self.suffixes]).strip()


def name_parts(name: str) -> NameParts | None:
    """The parts of a name written with commas, read as "Surname, Given names[, Suffix]": the part
    before the first comma is the surname, a suffix (Jr., Sr., II, III, IV) is one with or without
    its comma ("MacArthur, Douglas II"), ranks before the given names are dropped ("Taylor, General
    Maxwell D." → given "Maxwell D."; "Chiang Kai-shek, Generalissimo" → given ""). None for a name
    without a comma. It does not judge whether the name is a person's: see :func:`inverted`."""
    parts = [p.strip() for p in name.split(",") if p.strip()]
    parts[1:] = [q for p in parts[1:] for q in SUFFIX_AFTER_NAME.split(p) if q]
    if len(parts) < 2:
        return None
    suffixes = tuple(p for p in parts[1:] if p in NAME_SUFFIXES)
    given = RANKS.sub("", " ".join(p for p in parts[1:] if p not in NAME_SUFFIXES) + " ").strip()
    return NameParts(surname=parts[0], given=given, suffixes=suffixes)


# Lower-case words that belong to a surname: "de Gaulle", "van der Waals", "von Schönberg", "Ortega y Gasset".
PARTICLES = frozenset(
    "a al ap d' da dal dalla das de del della dello den der des di do dos du el la le lo ten ter van vom von y zu zum zur".split()
)
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*\.?")  # "Acheson", "O'Brien", "Saint-Just", "Wm."
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+")  # "D.", "J.-P.", "J.F."
_BODY_WORDS = _ORG_WORDS | _DEPARTMENT_WORDS  # "embassy", "department", "affairs", "force" …
_OFFICE_WORDS = _BODY_WORDS | TITLE_WORDS
_NOT_GIVEN = {"jr", "sr", "esq", "esq."}  # "Joseph R. Biden, Jr" (UN speakers' list): a suffix without its full stop

# East Asian names are written surname first; catalogues put a comma after the surname all the same
# (Library of Congress: "Mao, Zedong"), so such a name is kept in its order: see _east_asian.
_EAST_ASIAN_SURNAMES = frozenset(
    # Chinese (pinyin, Wade-Giles)
    "bai bo cai cao chang chao chen ch'en chen cheng chiang chou chu chang deng ding dong du fan fang feng fu gao "
    "gong gu guo han hao he ho hou hsu hsieh hu hua huang hung jiang jin kang kao ko kong kung kuo lai lee li liang "
    "liao lin liu lo long lu luo lü ma mao meng pan peng qian qin ren shen shi song su sun sung tan tang teng tian "
    "ts'ai tsai tsao tsou tu wan wang wei wen wong wu xia xiao xie xiong xu xue yan yang yao ye yeh yen yin yu yuan "
    "zeng zhang zhao zheng zhou zhu zhuang zou "
    # Korean
    "ahn an bae baek cha cho choi chong chung heo hong hwang jang jeon jeong jo jung kim kwon lim min moon nam noh oh "
    "pak park rhee rho roh ryu seo shin sin son yi yoo yoon yun "
    # Vietnamese
    "bui dang dinh do duong hoang huynh le ly ngo nguyen phan pham tran trinh truong vo vu".split()
)
# One romanized syllable (pinyin, Wade-Giles, Korean, Vietnamese): "ze", "dong", "ch'i", "hsiao", "sung", "dinh".
_SYLLABLE = r"(?:(?:zh|ch|sh|ts|tz|hs|ng|nh|ph|th|tr|kh|gi|[bcdfghjklmnpqrstvwxyz])['’]?)?[aeiouüăâêôơư]{1,3}(?:ng|nh|n|m|h|l|k|p|t|c)?"
_ROMANIZED = re.compile(rf"(?:{_SYLLABLE})(?:[-–]?(?:{_SYLLABLE}))*", re.IGNORECASE)


def _east_asian(parts: NameParts) -> bool:
    """Whether an inverted name is a Chinese, Korean or Vietnamese name kept in its own order: the
    surname is a common one of those languages ("Mao", "Kim", "Ngo") and the given names, one or two
    words, are romanized syllables, two at least ("Zedong", "En-lai", "Il-sung", "Dinh Diem"); not
    "Rhee, Syngman" nor "Lee, Robert E." ("Syngman", "Robert" are no such syllables)."""
    words = parts.given.split()
    if parts.suffixes or parts.surname.lower() not in _EAST_ASIAN_SURNAMES or not 1 <= len(words) <= 2:
        return False
    if not all(_ROMANIZED.fullmatch(w) for w in words):
        return False
    syllables = sum(len(re.findall(_SYLLABLE, w, re.IGNORECASE)) for w in words)
    return syllables >= 2


def _name_tokens(words: list[str], particles_at: str) -> bool:
    """Whether ``words`` can be the surname (``particles_at="start"``: particles before the last
    word) or the given names (``"end"``: "Charles de") of a person: name words and initials (given
    names only), no word of an office or a body, no acronym ("HICOG")."""
    if not words:
        return False
    named = [w for w in words if w not in PARTICLES]
    if not named or (particles_at == "start" and words[-1] in PARTICLES):
        return False
    if particles_at == "end" and (words[0] in PARTICLES or any(
        w in PARTICLES and v not in PARTICLES for w, v in zip(words, words[1:])
    )):
        return False
    for w in named:
        if particles_at == "end" and _INITIALS.fullmatch(w):
            continue
        if not _NAME_WORD.fullmatch(w) or not w[0].isupper():
            return False
        if particles_at == "end" and (w.isupper() and len(w.rstrip(".")) > 1 or w.lower() in _GIVEN_NOT):
            return False
    return True


def inverted(name: str) -> NameParts | None:
    """The parts (:func:`name_parts`) of a name plainly written "Surname, Forenames[, Suffix]", else None.
    What a library heading adds after it is no part of it (:func:`heading`): "Acheson, Dean, 1893-1971"
    is read as "Acheson, Dean", "Nixon, Richard M. (Richard Milhous), 1913-1994" as "Nixon, Richard M.",
    "Bismarck, Otto, Fürst von, 1815-1898" as "Bismarck, Otto von".

    Plainly: one comma (two before a suffix); no brackets, digits or semicolons; a surname of one to
    three words, capitalized but for particles before its last word ("de Gaulle", "von Schönberg"),
    of several words only when the first is no title ("Captain Kefauver, U.S. Navy" is not one); given
    names of one to four words, capitalized or initials, particles only at the end ("Charles de"),
    none a word of an office or body, nor an acronym ("Berlin Element, HICOG", "Headquarters, U.S. Air
    Force" are not). A surname that is a word of a body ("Embassy", "Mission", "Service") counts only
    before several given names or an initial ("Service, John S."; not "Embassy, Paris"); one that
    names a German, French or Italian body never (:func:`_german_office`, :func:`_romance_body`:
    "Auswärtiges Amt, Bonn", "Ambassade de France, Bonn"), but for a word that is a surname too, one
    before any forenames (:data:`_SURNAMES_OF_BODIES`: "Amt, Peter", "Post, Albert"). A
    Chinese, Korean or Vietnamese name kept in its own order ("Mao, Zedong", see :func:`_east_asian`)
    is None too: its order is already the direct one."""
    parts = _surname_first(heading(normalize_space(name)).name)
    return None if parts is None or _east_asian(parts) else parts


def _surname_first(name: str) -> NameParts | None:
    """The parts of a name plainly written surname first (:func:`inverted`), an East Asian one too. A surname
    in capitals is read as the same name in lower case would be (:func:`_in_lower_case`): "ACHESON, DEAN" and
    "HOUSE, Edward" are a person's, as "Acheson, Dean" is; "EMBASSY, PARIS" is no more one than "Embassy, Paris"."""
    if name.count(",") not in (1, 2) or re.search(r"[()\[\]{}\d;:&/|\"“”]", name):
        return None
    if (lower := _in_lower_case(name)) != name:
        if any(w.isupper() and len(w) > 1 for w in lower.partition(",")[0].split()):  # "JCS, WASHINGTON"
            return None
        if (read := _surname_first(lower)) is None or (written := name_parts(name)) is None:
            return None
        given = written.given.split()[len(written.given.split()) - len(read.given.split()) :]  # no rank: "GENERAL MAXWELL D."
        return NameParts(surname=written.surname, given=" ".join(given), suffixes=written.suffixes)
    parts = name_parts(name)
    if parts is None or not parts.given or name.count(",") == 2 and not parts.suffixes:
        return None
    surname, given = parts.surname.split(), parts.given.split()
    if not 1 <= len(surname) <= 3 or not 1 <= len(given) <= 4:
        return None
    if len(surname) > 1 and surname[0].lower().rstrip(".") in _OFFICE_WORDS | {w.rstrip(".") for w in TITLE_WORDS}:
        return None
    if not (_name_tokens(surname, "start") and _name_tokens(given, "end")):
        return None
    one = surname[0].lower() if len(surname) == 1 else ""
    if one in _BODY_WORDS - _SURNAMES_OF_BODIES and len(given) < 2 and not _INITIALS.fullmatch(given[0]):
        return None
    if one not in _SURNAMES_OF_BODIES and (any(map(_german_office, surname)) or _romance_body(surname)):
        return None  # a body's name before its place: "Auswärtiges Amt, Bonn", "Ambassade de France, Bonn"
    return parts


def _in_lower_case(name: str) -> str:
    """``name`` with its words in capitals written as a name's are, when its surname (before the first comma) is
    in capitals: ``"ACHESON, DEAN"`` → ``"Acheson, Dean"``, ``"DE GAULLE, CHARLES"`` → ``"de Gaulle, Charles"``
    (a particle in lower case), ``"HOUSE, Edward"`` → ``"House, Edward"``, as catalogues, telegrams and typed
    lists write surnames (the Library of Congress' name authority file: "a surname in capitals", "ACHESON,
    Dean"). A word of capitals without a vowel is an acronym ("JCS, WASHINGTON", "CNO"), left in capitals
    (so that the name is no person's: see :func:`_name_tokens`), and so is a name whose surname is not in
    capitals ("Berlin Element, HICOG"), which is returned as given."""
    surname = name.partition(",")[0]
    if not surname.isupper() or not re.search(r"[^\W\d_]{2}", surname):
        return name
    return re.sub(r"[^\s,]+", lambda m: _word_in_lower_case(m[0]), name)


def _word_in_lower_case(word: str) -> str:
    """A word of a name in capitals written as a name's word is (:func:`_in_lower_case`): ``"ACHESON"`` →
    ``"Acheson"``, ``"DE"`` → ``"de"``, ``"ST."`` → ``"St."`` (an abbreviation, its full stop after letters of no
    vowel: "ST. LAURENT, LOUIS" is Louis St. Laurent); an acronym without a vowel ("JCS"), a suffix ("JR.", "II"), an
    initial ("B.") and a word not all in capitals as given."""
    if not word.isupper() or word.rstrip(",") in NAME_SUFFIXES:
        return word
    if not re.search(r"(?i)[aeiouyäöüàâéèêëîïôûùœæåøáíóú]", word) and not re.fullmatch(r"[^\W\d_]{2,}\.", word):
        return word
    return word.lower() if word.lower() in PARTICLES else "-".join(part.capitalize() for part in word.split("-"))


# Words of bodies that are surnames too, and are one alone before forenames: "Amt, Peter", "Post, Albert" (a FRUS
# list of persons), "House, Edward"; "Auswärtiges Amt, Bonn" is still a body's name before its place.
_SURNAMES_OF_BODIES = frozenset({"amt", "post", "house", "service"})


# A person's dates of life after the name, as library authority headings write them (Library of Congress,
# VIAF; MARC 100 $d): "1893-1971", "1923-", "-1960", "1901?-1960", "1901 or 1902-1960", "b. 1901",
# "d. 1960", "ca. 1900-1960", "active 1920-1940"; after a comma, or in parentheses as other catalogues and
# the Dodis edition write them ("Acheson, Dean (1893-1971)", "Kohl, Helmut (1930–2017)", "Michnik, Adam
# (1946–)"). A year alone is no such date ("Conference, Geneva, 1954").
_YEAR = r"(?:(?:ca\.|approximately)\s*)?\d{3,4}\??(?:\s+or\s+\d{3,4}\??)?"
_DATES = rf"(?:(?:b\.|born|d\.|died|fl\.|flourished|active)\s*{_YEAR}(?:\s*[-‐–]\s*{_YEAR})?|{_YEAR}\s*[-‐–]\s*(?:{_YEAR})?|[-‐–]\s*{_YEAR})"
_LIFE_DATES = re.compile(rf"(?:,\s*({_DATES})\.?|\s*\(\s*({_DATES})\s*\)\.?)$")
# A relator term after the name or its dates (MARC 100 $e, RDA appendix I), the person's part in the work,
# in lower case as catalogues write it: "Smith, John, 1901-1980, editor", "Smith, John, editor.",
# "Smith, John, 1901-1980, editor, translator".
_RELATOR_TERMS = (
    "author", "editor", "translator", "compiler", "contributor", "creator", "correspondent", "addressee",
    "signer", "interviewer", "interviewee", "speaker", "illustrator", "photographer", "publisher", "printer",
    "annotator", "commentator", "transcriber", "scribe", "collector", "donor", "former owner", "dedicatee",
    "honouree", "honoree", "writer of introduction", "writer of preface", "author of introduction",
    "joint author", "joint editor", "joint compiler", "jt. author", "ed.", "eds.", "tr.", "trans.", "comp.",
)
_RELATOR = "(?:" + "|".join(map(re.escape, _RELATOR_TERMS)) + ")"
_RELATORS = re.compile(rf",\s*({_RELATOR}(?:\s*(?:,|and)\s*{_RELATOR})*)\.?$")
# A title after the forenames (MARC 100 $c), the particle of the surname after a German, Dutch, French or
# Italian one: "Churchill, Winston, Sir", "Bismarck, Otto, Fürst von", "Stein, Karl, Freiherr vom"
# (read as "Bismarck, Otto von", "Stein, Karl vom"). Not a title of a place ("Wellington, Arthur Wellesley,
# Duke of": the heading's first word names the title, no surname).
_HEADING_TITLES = (
    "Sir Dame Lord Lady Baron Baroness Baronet Bart. Viscount Viscountess Earl Count Countess Marquess Marquis "
    "Marchioness Duke Duchess Prince Princess "
    "Fürst Fürstin Graf Gräfin Freiherr Freifrau Freiin Prinz Prinzessin Herzog Herzogin Ritter Edler Edle "
    "Reichsgraf Reichsfreiherr Markgraf Landgraf Graaf Gravin Jonkheer "
    "comte comtesse vicomte vicomtesse marquis marquise duc duchesse baron baronne prince princesse chevalier "
    "conte contessa marchese marchesa duca duchessa principe principessa barone baronessa"
).split()
_HEADING_TITLE = re.compile(
    r",\s*(" + "|".join(map(re.escape, _HEADING_TITLES)) + r")(?:\s+(von und zu|von|vom|zu|van|de|d['’]|di|da))?$"
)

# A sovereign's or a pope's heading (MARC 100 with the forename entered first: $a the name, $b its numeral, $c the
# title), as the Library of Congress writes one: "Elizabeth II, Queen of Great Britain, 1926-2022", "Pius XII, Pope,
# 1876-1958", "Wilhelm II, German Emperor, 1859-1941", "Ferdinand I, Holy Roman Emperor, 1503-1564", "Selim II, Sultan
# of the Turks, 1524-1574", "Victoria, Queen of Great Britain, 1819-1901", "Mohammad Reza Pahlavi, Shah of Iran,
# 1919-1980". The title names its realm ("… of …", after "Grand", "Crown" or "Latin" at most: "Grand Duke of
# Luxembourg"), or an empire ("German Emperor", "Holy Roman Emperor"), a pope's neither; not "Hussein, King" (a FRUS
# list's, read by its own rule), nor "Smith, Martin King" (forenames).
_RULER_TITLES = (
    "King Queen Emperor Empress Pope Antipope Tsar Tsarina Czar Czarina Shah Sultan Emir Amir Khedive Caliph Negus Bey "
    "Dey Duke Duchess Archduke Archduchess Elector Electress Prince Princess Landgrave Margrave Regent Kaiser"
).split()
_RULER = "|".join(_RULER_TITLES)
_RULER_HEADING = re.compile(
    rf"(?P<name>[^\W\d_][^,()\[\]\d;:&/|]*?)(?:\s+(?P<numeral>[IVXL]{{1,6}}))?,\s*(?P<title>"
    rf"(?:(?:Grand|Crown|Latin)\s+)?(?:{_RULER})\s+of\s+(?:the\s+)?[A-Z][^,]*"  # "Queen of Great Britain", "Sultan of the Turks"
    r"|(?:German|Holy Roman|Roman|Byzantine|French|Austrian|Russian|Mughal)\s+Emp(?:eror|ress)"  # "German Emperor"
    r"|Pope|Antipope)"
)


def _ruler(text: str) -> tuple[str, str] | None:
    """The name and title of a sovereign's or a pope's heading (:data:`_RULER_HEADING`), its dates taken off
    before: ``"Elizabeth II, Queen of Great Britain"`` → ``("Elizabeth II", "Queen of Great Britain")``, ``"Pius
    XII, Pope"`` → ``("Pius XII", "Pope")``; None for any other name, and when the name is no one's: one to
    four name words (particles before the last), none a word of an office or a body ("Embassy, Prince of
    Wales" is none), not all in capitals ("II, Pope", "NATO, Queen of …")."""
    if not (m := _RULER_HEADING.fullmatch(text)):
        return None
    words = m["name"].split()
    if not 1 <= len(words) <= 4 or not _name_tokens(words, "start") or m["name"].isupper():
        return None
    if any(w.lower().rstrip(".") in _OFFICE_WORDS for w in words):
        return None
    return " ".join(filter(None, (m["name"].strip(), m["numeral"]))), m["title"]


# A nickname in quotation marks among the forenames of a name written surname first, as the FRUS lists of persons and
# the Dodis edition write one ("House, Edward “Colonel,”", "Butler, Richard “Rab” A.", "Carter, James Earl, Jr.
# “Jimmy”", "Jackson, Henry Martin "Scoop""): double quotation marks of any kind (“…”, "…", „…“, «…», »…«, a FRUS
# “…" or “…''), or single ones (‘…’, '…') around whole words, in parentheses at most ("(“Big”)"); the comma a list
# prints after the entry may stand inside them ("“Colonel,”"). An apostrophe in a word is none ("Il'ič", "O’Connor").
_NICKNAME = re.compile(
    r"(?<![^\s,])\(?(?:[\"“”„«»](?P<double>[^\W\d_][^\"“”„«»()\d]*?)(?:[\"“”«»]|'')"
    r"|['‘’‚](?P<single>[^\W\d_][^\"“”„«»'‘’‚()\d]*?)['’‘])\)?(?![^\s,])"
)


def _without_nickname(text: str) -> tuple[str, str]:
    """``text`` without the nicknames in quotation marks after its first comma (:data:`_NICKNAME`), and the first of
    them: ``"House, Edward “Colonel,”"`` → ``("House, Edward", "Colonel")``; ``(text, "")`` when there is none."""
    surname, comma, rest = text.partition(",")
    found = [(m["double"] or m["single"]).strip(" ,") for m in _NICKNAME.finditer(rest)]
    if not comma or not found:
        return text, ""
    rest = re.sub(r"\s*,\s*(?=,|$)", "", " ".join(_NICKNAME.sub(" ", rest).split()))
    return f"{surname}, {rest}".rstrip(" ,"), found[0]


@dataclass(frozen=True)
class Heading:
    """A person's name as a library authority heading writes it (Library of Congress, VIAF; MARC 100),
    taken apart: ``"Nixon, Richard M. (Richard Milhous), 1913-1994"`` → name and written "Nixon, Richard
    M.", fuller "Richard Milhous Nixon", dates "1913-1994"; ``"Bismarck, Otto, Fürst von, 1815-1898"`` → name
    "Bismarck, Otto von", written "Bismarck, Otto, Fürst von", title "Fürst von"; ``"Smith, John,
    1901-1980, editor"`` → name "Smith, John", relator "editor"; ``"Sukarno, 1901-1970"`` → name
    "Sukarno"; ``"Pius XII, Pope, 1876-1958"`` → name "Pius XII", written "Pius XII, Pope", title "Pope";
    ``"House, Edward “Colonel,”"`` → name "House, Edward", written as given, nickname "Colonel"; in direct order too
    (``"Dwight D. “Ike” Eisenhower"`` → name "Dwight D. Eisenhower", nickname "Ike"); ``"James Reston (New
    York Times)"`` → name "James Reston", written as given, body "New York Times". For any other name, ``name`` and
    ``written`` are the name as given, the rest empty."""

    name: str  # the name to read: "Nixon, Richard M.", "Churchill, Winston", "Bismarck, Otto von", "Sukarno"
    written: str  # as written without the fuller form, dates and relator terms: "Nixon, Richard M.", "Churchill, Winston, Sir"
    dates: str = ""  # "1913-1994", "1931–"
    fuller: str = ""  # the fuller form of the forenames, in direct order with the surname: "Richard Milhous Nixon"
    title: str = ""  # "Sir", "Fürst von", "Queen of Great Britain"
    relator: str = ""  # "editor", "editor, translator"
    nickname: str = ""  # in quotation marks among the forenames, kept in ``written``: "Colonel", "Scoop"
    body: str = ""  # the body the person wrote for, in parentheses after the name: "New York Times"

    @property
    def added(self) -> bool:
        """Whether the heading adds anything to the name (so that it is a person's)."""
        return bool(self.dates or self.fuller or self.title or self.relator or self.nickname or self.body)


@functools.lru_cache(maxsize=8192)  # asked for each name of a table four times, the names of a letter index repeating
def heading(name: str) -> Heading:
    """``name`` read as a library authority heading of a person (:class:`Heading`): a name plainly
    written surname first (:func:`inverted`), or one name word with dates of life ("Sukarno, 1901-1970"),
    followed by what such a heading adds, each optional, in this order: the fuller form of the forenames
    in parentheses (MARC 100 $q: "Nixon, Richard M. (Richard Milhous)"), a title (:data:`_HEADING_TITLES`,
    $c: "Churchill, Winston, Sir"), the dates of life (:data:`_LIFE_DATES`, $d: "1893-1971", "(1893-1971)")
    and relator terms (:data:`_RELATORS`, $e: "editor"), a nickname in quotation marks among the forenames taken out
    of the name and kept in the name as written (:data:`_NICKNAME`: "House, Edward “Colonel,”", "Jackson, Henry Martin
    "Scoop" (1912–1983)", as the FRUS lists of persons and the Dodis edition write them); or a sovereign's or a
    pope's name and numeral before the title (:func:`_ruler`: "Elizabeth II, Queen of Great Britain, 1926-2022" → name "Elizabeth II", written
    "Elizabeth II, Queen of Great Britain", title "Queen of Great Britain"). A fuller form counts only when it is one: name
    words, as many as the forenames at least, each the forename written out or the same ("Richard M." →
    "Richard Milhous", "J. Edgar" → "John Edgar"); a parenthesis that says anything else ("Smith, John
    (Ambassador)", "Mao, Zedong (Mao Tse-tung)") leaves the whole name as written, and so does any addition
    after a name that is no person's written surname first (a body's or a meeting's year: "Conference,
    Geneva, 1954", "Embassy, Paris, 1954-1960"). A person's name in either order may be followed by the
    English body they wrote for or belong to, in parentheses, as newspapers' and agencies' lists name
    correspondents (:func:`_english_body`: "James Reston (New York Times)", "Reston, James (New York Times)"):
    the body is no part of the name; an office, a place or anything else in parentheses stays in it
    ("Michael Alber (Bürgermeister)", "the Ambassador in China (Stuart)")."""
    text = normalize_space(name)
    if (m := re.fullmatch(r"(?P<name>[^()]+?)\s*\((?P<body>[^()]+)\)", text)) and _english_body(m["body"]) and (
        _persons_name(m["name"])
    ):  # "James Reston (New York Times)": a journalist and his paper
        named = heading(m["name"])
        return replace(named, written=text, body=m["body"])
    if (found := _NICKNAME.search(text)) and found.start() and "," not in text[: found.start()]:  # "Dwight D. “Ike” Eisenhower"
        bare = normalize_space(_NICKNAME.sub(" ", text)).replace(" ,", ",")
        if _persons_name(bare):
            return replace(heading(bare), written=text, nickname=(found["double"] or found["single"]).strip(" ,"))
    rest, relator, dates, title, particle, fuller = text, "", "", "", "", ""
    if m := _RELATORS.search(rest):
        rest, relator = rest[: m.start()].rstrip(), m[1]
    if m := _LIFE_DATES.search(rest):
        rest, dates = rest[: m.start()].rstrip(), m[1] or m[2]
    if ruler := _ruler(rest):  # "Elizabeth II, Queen of Great Britain": not surname first, the title its realm
        return Heading(name=ruler[0], written=rest, dates=dates, title=ruler[1], relator=relator)
    if m := _HEADING_TITLE.search(rest):
        rest, title, particle = rest[: m.start()].rstrip(), " ".join(filter(None, (m[1], m[2]))), m[2] or ""
    if m := re.search(r"\s*\(([^()\"“”„«»]+)\)$", rest):
        rest, fuller = rest[: m.start()].rstrip(), m[1].strip()
    written = rest + (f", {title}" if title else "")
    bare, nickname = _without_nickname(rest)
    if rest == text and not nickname:
        return Heading(name=name, written=name)
    named = f"{bare} {particle}" if particle else bare
    parts = _surname_first(named)
    if parts is None:  # one name with dates: "Sukarno, 1901-1970"
        if dates and not (title or fuller) and _one_name(rest):
            return Heading(name=rest, written=rest, dates=dates, relator=relator)
        return Heading(name=name, written=name)
    if fuller:
        if not _fuller_form(parts, fuller):
            return Heading(name=name, written=name)
        given = " ".join([fuller, *(w for w in parts.given.split() if w in PARTICLES)])
        fuller = NameParts(surname=parts.surname, given=given, suffixes=parts.suffixes).direct
    return Heading(name=named, written=written, dates=dates, fuller=fuller, title=title, relator=relator, nickname=nickname)


def _persons_name(name: str) -> bool:
    """Whether ``name`` is plainly a person's: written surname first (:func:`inverted`, a heading's dates after it
    too), or two to five capitalized name words or initials in direct order, particles among them, none a word of
    an office, a title or a body ("James Reston", "James C. Thomson, Jr."; not "Reporter", "Embassy in Paris",
    "Secretary Rusk")."""
    if inverted(name):
        return True
    words = SUFFIX_AFTER_NAME.sub("", name.replace(",", " ")).split()
    return 2 <= len(words) <= 5 and _name_tokens(words, "start") and not any(
        w.lower().rstrip(".") in _OFFICE_WORDS | {t.lower().rstrip(".") for t in TITLE_WORDS} | _ENGLISH_BODIES for w in words
    ) and agent_kind(name) == "person"


def _fuller_form(parts: NameParts, fuller: str) -> bool:
    """Whether ``fuller`` is the fuller form of the forenames of ``parts``: name words, at least as many
    as the forenames (particles aside) and not the same, the surname not among them, each forename the
    same word or its initial or abbreviation ("M." for "Milhous", "Wm." for "William", "J.-P." for
    "Jean-Pierre")."""
    given, full = [w for w in parts.given.split() if w not in PARTICLES], fuller.split()
    if fuller.isupper():  # a heading in capitals: "JOHNSON, LYNDON B. (LYNDON BAINES)", read as in lower case
        given, full = [_word_in_lower_case(w) for w in given], [_word_in_lower_case(w) for w in full]
        parts = replace(parts, surname=" ".join(map(_word_in_lower_case, parts.surname.split())))
    if len(full) < len(given) or full == given or not _name_tokens(full, "end") or parts.surname in full:
        return False  # not "Khanh, Maj. Gen. Nguyen (Nguyen Khanh)", the name in its own order (a FRUS index)
    return all(g == f or g.endswith(".") and g[0] == f[0] for g, f in zip(given, full))


def _one_name(name: str) -> bool:
    """Whether ``name`` is one capitalized name word that is no word of an office or a body nor an
    acronym, as a person known by one name is headed ("Sukarno", "Suharto")."""
    return bool(_NAME_WORD.fullmatch(name)) and name[0].isupper() and not name.isupper() and not (
        name.lower().rstrip(".") in _OFFICE_WORDS | _PARTY_BODIES or _german_office(name) or _romance_body([name]) or body_or_group(name)
    )


def life_years(dates: str) -> tuple[str, str]:
    """The years of birth and death of a heading's dates of life (:data:`_LIFE_DATES`), "" for one not
    given: ``"1893-1971"`` → ``("1893", "1971")``, ``"1923-"`` → ``("1923", "")``, ``"b. 1901"`` →
    ``("1901", "")``, ``"-1960"`` and ``"d. 1960"`` → ``("", "1960")``; years of activity tell neither
    (``"fl. 1920-1940"`` → ``("", "")``). Two headings whose years differ where both give one are of two
    people ("Smith, John, 1901-1980" and "Smith, John, 1850-1920"; not "Kissinger, Henry, 1923-" and
    "Kissinger, Henry, 1923-2023", a heading closed at his death)."""
    text = " ".join(dates.split())
    if re.match(r"(?:fl\.|flourished|active)", text):
        return "", ""
    if m := re.match(r"(?:b\.|born)\s*(.+)", text):
        return m[1], ""
    if m := re.match(r"(?:d\.|died)\s*(.+)", text):
        return "", m[1]
    birth, _, death = re.sub(r"\s*[-‐–]\s*", "-", text).partition("-")
    return birth, death


def direct_name(name: str) -> str:
    """A name in direct order: ``"Acheson, Dean"`` → ``"Dean Acheson"``, ``"Gaulle, Charles de"`` →
    ``"Charles de Gaulle"``, ``"Lodge, Henry Cabot, Jr."`` → ``"Henry Cabot Lodge Jr."``; any name
    that is not plainly inverted (:func:`inverted`) as given, trimmed: "Dean Acheson", "Mao, Zedong",
    "Embassy in Benghazi, Libya", "James C. Thomson, Jr.". What a library heading adds is left out
    (:func:`heading`): "Acheson, Dean, 1893-1971" → "Dean Acheson", "Mao, Zedong, 1893-1976" →
    "Mao, Zedong", "Nixon, Richard M. (Richard Milhous), 1913-1994" → "Richard M. Nixon", "Churchill,
    Winston, Sir, 1874-1965" → "Winston Churchill", "Sukarno, 1901-1970" → "Sukarno"."""
    parts = inverted(name)
    return parts.direct if parts else heading(normalize_space(name)).name


# Words of bodies and groups in names sources give without a kind (see body_or_group). German: the
# councils, estates, chapters and groups of office holders that write and receive letters in the
# Moritz letter index (saw-leipzig/cmif-moritz, ../shared/data/README.md §11): "Rat und Bürgerschaft
# zu Annaberg", "Dechant, Senior und Kapitel zu Merseburg", "Hz. Heinrichs Räte", "alle Stände bei
# Kf. Johann Friedrich"; plural forms only where the singular differs ("Gesandte", not "Gesandter";
# not "Befehlshaber", "Statthalter", "Bürger", which may be one man). English: the party bodies among
# the Wilson Center Digital Archive's contributors ("Korean Workers' Party", "Politburo"); committees,
# ministries and the like are bodies by the FRUS rule already (titles._ORG_WORDS).
_GERMAN_BODIES = frozenset(
    "stadt reichsstadt altstadt gemeinde bürgerschaft ritterschaft landschaft knappschaft eidgenossenschaft "
    "stift erzstift domstift universität fakultät kanzlei kammer regierung konsistorium versammlung "
    "fürsten grafen herzöge kurfürsten regenten prälaten theologen superintendenten doktoren untertanen "
    "adlige adligen oberste obersten feldherren kriegsknechte schöffen schöppen ratsherren ratmannen ratsmannen "
    "ratsboten geschickten verordnete verordneten versammelte versammelten erforderte erforderten".split()
)
_GERMAN_BODY_ENDINGS = ("räte", "stände", "städte", "kapitel", "kapitels", "leute", "leuten", "gesandte", "gesandten", "kommissare")
_PARTY_BODIES = frozenset({"party", "parties", "politburo", "presidium", "comintern", "cominform"})
# English assemblies, the last word of a name's head as a party body is: "Parliament", "UN/General Assembly", "West
# Berlin/Senate" (the Dodis edition's orgName elements); not "Member of Parliament", "President of the Senate".
_ASSEMBLIES = frozenset({"parliament", "parliaments", "senate", "assembly"})
# English nouns of other bodies, and of the treaties and newspapers the Dodis edition tags as bodies too (orgName), the
# last word of a name's head as a party body is: "Palestine Liberation Organization", "European Free Trade Association",
# "Austrian Broadcasting Corporation", "UN/International Monetary Fund", "Germany/FRG/Federal Chancellery", "Occupation
# authority in Germany", "Treaty of Rome", "Warsaw Pact", "Helsinki Final Act", "Wall Street Journal"; none a title or a
# surname ("Post", "Church", "Cross" are). "Bank" is a surname too, a body's word only before "of" ("Bank of England").
_ENGLISH_BODIES = frozenset(
    "organization organizations organisation organisations union association federation fund club academy chancellery "
    "corporation company authority authorities representation police international "
    "treaty agreement pact act accord accords convention protocol charter "
    "times herald journal tribune gazette chronicle newspaper magazine telegraph "
    # programmes of states, which sources name as the bodies that run them ("Marshall Plan", "Colombo Plan")
    "plan "
    # companies by their trade ("Standard Oil", "General Motors", "General Electric")
    "oil petroleum motors electric airlines airways "
    # universities, however named ("George Washington University", "University of Chicago"), and areas of states
    # bound by a treaty or a currency ("European Economic Area", "Sterling Area")
    "university area".split()
)
# "Bank" and "Church" are surnames too ("Frank Church"), a body's word only before "of" ("Bank of England", "Church of
# England"), and "Bank" after two words or more ("Chase Manhattan Bank", "Asian Development Bank"; "Frank Forrester
# Church" is a senator).
_ENGLISH_BODIES_BEFORE_OF = frozenset({"bank", "church"})
_ENGLISH_BODIES_AFTER_TWO = frozenset({"bank"})
# The first word of the head of an English name that is no forename, so that the name is a body's whatever its last
# word ("World Bank", "World Council of Churches"; "Associated Press", "United Press International", "Consolidated
# Edison"): "World", "Holy" ("Holy See", "Holy Synod"), "Allied" ("Allied Kommandatura", "Allied Control Council"), a
# past participle of a verb in -ate or -ite, as bodies are named by what joined them (not -ied: "Siegfried", "Winfried"
# are forenames); the German adjective "Deutsche", "Deutscher", "Deutsches" ("Deutsche Welle", "Deutsche Bank",
# "Deutscher Gewerkschaftsbund"), and a Polish paper's first word ("Gazeta Wyborcza", "Trybuna Ludu").
_NO_FORENAME_FIRST = re.compile(r"World|Holy|Allied|Deutsche[rs]?|Gazeta|Trybuna|[A-Z][a-z]+(?:ated|ited)")
# No forename: a word of an office or body, a suffix, a paper ("James Reston, New York Times" is no "New York Times
# James Reston")
_GIVEN_NOT = _OFFICE_WORDS | _NOT_GIVEN | _ENGLISH_BODIES
# The words that end the head of an English name: what follows says whose, where or about what ("Treaty on Conventional
# Armed Forces in Europe", "Organization for Security and Co-operation in Europe", "Permanent Representation in East Berlin").
_ENGLISH_AFTER_HEAD = frozenset("of on for in at to between with".split())
# The offices, embassies, ministries and parties of German names of the 20th century, as the Dodis edition
# (../shared/data/README.md §3) and the foreign offices write them: "Auswärtiges Amt", "Bundeskanzleramt",
# "Botschaft der Bundesrepublik Deutschland", "Eidgenössisches Politisches Departement", "Generalsekretariat",
# "Kommunistische Partei". A word, or the end of a compound ("Bundesfinanzministerium", "Handelsabteilung",
# "Großbotschaft", Dodis' "Deutschland/DDR/Volkskammer"); no word of one who holds an office ("Botschafter",
# "Direktor", "Kommissar"; "Bundesrat", in Switzerland also a federal councillor), nor one that is also a
# surname ("Wehr", "Dienst", "Bank"); "amt" whole or in the compounds listed ("samt" is "with").
_GERMAN_OFFICES = frozenset({"amt", "magistrat"})  # "Berlin West/Magistrat", a city's government
_GERMAN_OFFICE_ENDINGS = (
    "ministerium", "botschaft", "gesandtschaft", "konsulat", "delegation", "departement", "direktion", "abteilung",
    "kommission", "komitee", "sekretariat", "vertretung", "verwaltung", "behörde", "regierung", "partei", "polizei",
    "parlament", "bundestag", "volkskammer", "gericht", "konferenz",
    "kanzleramt", "bundesamt", "landesamt", "presseamt", "außenamt", "aussenamt",
    # the councils of ministers and party bodies of the GDR and the chanceries of the Reich ("Ministerrat der DDR",
    # "SED-Politbüro", "Reichskanzlei", "Staatskanzlei"); never one who sits in them, as "Staatsrat" or "Legationsrat" is
    "ministerrat", "politbüro", "politbuero", "kanzlei",
    # parliaments and diets ("Reichstag", "Landtag", "Bundesversammlung", "Nationalversammlung"; not "-tag" alone: "Freitag",
    # "Sonntag" are surnames)
    "reichstag", "landtag", "kreistag", "parteitag", "versammlung",
    # the central bank, the army, intelligence services, public institutions, works and churches ("Deutschland/BRD/
    # Bundesbank", "Bundeswehr", "EMD/GSt/Nachrichtendienst", "Treuhandanstalt", "Leunawerke", "Buna-Werke GmbH",
    # "Evangelische Kirche"), and the treaties and newspapers the Dodis edition tags as bodies too ("Pariser Verträge",
    # "Frankfurter Allgemeine Zeitung"); not "Bank", "Wehr", "Dienst" alone (surnames)
    "bundesbank", "notenbank", "zentralbank", "bundeswehr", "reichswehr", "nachrichtendienst", "geheimdienst", "anstalt",
    "werke", "kirche", "vertrag", "verträge", "abkommen", "pakt", "schlussakte", "schlußakte", "übereinkommen", "zeitung",
)
# Words that end as one of those and name a person: "Gewerke" (weak, its plural "Gewerken"), a shareholder of a mine,
# as the Moritz letters' "Magdeburger Gewerke" may be.
_GERMAN_NO_OFFICE = ("gewerke",)
# The offices of the Reich, the Federation and the Länder, "Amt" at the end: "Reichsamt des Innern", "Reichsmarineamt",
# "Reichskolonialamt", "Bundespresseamt" (not "-amt" alone: "Klamt" is a surname, "samt" and "insgesamt" words).
_GERMAN_OFFICE_PREFIXES = ("reichs", "bundes", "landes")
# Councils whose names are also titles of their members ("Staatsrat Müller" is a man; "Bundesrat Petitpierre" one of
# the seven of the Swiss Federal Council, "Nationalrat Müller" a member of the National Council): bodies alone, after
# an article or adjectives at most ("Bundesrat", "Nationalrat", "Ständerat", "Hofkriegsrat" of QhoD's orgName
# elements, "Der Schweizerische Bundesrat", "Kaiserlicher Hofkriegsrat"), and before whose they are ("Staatsrat der
# DDR", "Regierungsrat des Kantons Bern", "ZK der SED", the Central Committee), never before a name. Not a title
# alone ("Legationsrat", "Geheimrat"), nor "Landrat" (a German district's head).
_COUNCILS_ALSO_TITLES = frozenset(
    "staatsrat zk bundesrat nationalrat ständerat standerat regierungsrat hofkriegsrat reichsrat kantonsrat gemeinderat stadtrat".split()
)
# Adjectives before such a council ("Schweizerische", "Eidgenössischer", "Kaiserlicher"), and before "Rat", a body's
# council ("Grosser Rat des Kantons Bern", "Kleiner Rat", "Parlamentarischer Rat"; not "Kfl. Rat", "kurfürstlicher Rat",
# a councillor of his lord).
_COUNCIL_ADJECTIVE = re.compile(r"[^\W\d_]+(?:isch|lich)(?:e|er|es|en)?")
_RAT_ADJECTIVES = frozenset("großer grosser große grosse kleiner kleine parlamentarischer parlamentarische".split())
_WHOSE = ("der", "des", "d.")
# French and Italian names of bodies start with the noun ("Ministère des Affaires étrangères", "Ambassade de
# France", "Département politique fédéral", "Ministero degli Affari Esteri", "Consiglio federale"), after an
# article at most ("Le Conseil fédéral", "L'Ambassade de France"); none of these nouns is an office holder's
# ("Ambassadeur", "Ministre", "Consigliere" are). Those that are also surnames ("Consiglio", "Camera",
# "Chambre", "Conseil") name a body only before a word in lower case ("Consiglio federale", "Chambre des
# députés"; not "Consiglio Alberto", Italian lists writing the surname first).
_ROMANCE_BODIES = frozenset(
    "ministère ministere ambassade consulat légation délégation département departement gouvernement direction "
    "secrétariat secretariat comité comite commissariat haut-commissariat parti assemblée assemblee chancellerie "
    "préfecture prefecture mairie "
    "ministero ambasciata consolato legazione delegazione dipartimento governo direzione segreteria segretariato "
    "commissione comitato partito presidenza prefettura ufficio cancelleria assemblea "
    "présidence presidence agence agenzia".split()  # "Présidence de la République", "Agence France-Presse", "Agenzia Nova"
)
_ROMANCE_BODIES_BEFORE_LOWER = frozenset(
    "conseil consiglio chambre camera sénat senat senato "
    # and the treaties and newspapers the Dodis edition tags as bodies ("Corriere della Sera", "Traité de Rome",
    # "Trattato di Roma", "Accord de Schengen", "Journal de Genève", "Gazzetta ufficiale")
    "traité traite trattato accord accordo pacte patto convention convenzione corriere journal gazette gazzetta giornale "
    "courrier tribune".split()
)
# and after an article, the papers the Dodis edition names so ("Le Monde", "La Stampa"; not "Stampa, Gaspara", a poet)
_ROMANCE_BODIES_AFTER_ARTICLE = frozenset(
    "monde figaro temps matin soir humanité humanite croix parisien stampa repubblica unità unita messaggero".split()
)  # papers by their noun after the article: "Le Monde", "Le Figaro", "L'Humanité", "La Repubblica", "L'Unità"
# and before these adjectives, capitalized as Swiss and Italian usage writes them ("Le Conseil Fédéral", "Conseil Fédéral
# Suisse", "Consiglio Nazionale"): no given name
_ROMANCE_BODY_ADJECTIVES = frozenset(
    "fédéral federal fédérale federale national nationale nazionale exécutif executif exécutive esecutivo municipal "
    "municipale comunale communal général generale supérieur superiore constitutionnel européen europeo".split()
)
# A French body below another: "Sous-direction d'Asie", "Sous-préfecture" (the noun after "sous-" read as above).
_ROMANCE_SUB = "sous-"
_ROMANCE_ARTICLES = frozenset("le la les l' l’ il lo i gli".split())
# A group of several: "alle Gf. von Mansfeld", "3 Räte u. Viertelmeister", "Dreizehn der Stadt Straßburg"
# (the words of all and some in lower case only: "Alle von Schwiechelt" is a man).
_SEVERAL = frozenset("alle sämtliche einige andere anderen beide beiden".split())
_NUMBERS = frozenset("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn hundert".split())
# One: "Ein ungenannter Rat des Hz. Moritz'"; "seinen Obersten" is one colonel, as letters go "an seinen Obersten".
_ONE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines", "seinen"})
# Words after which a German name goes on naming whose or where ("Befehlshaber des Kapitels zu Magdeburg").
_ATTRIBUTE = frozenset("des der d. dem den von v. vom zu z. zum zur in im bei beim auf aus für an am unter zwischen mit wegen nach gen.".split())
_AND = frozenset({"und", "u.", "sowie", "&", ","})


def body_or_group(name: str) -> bool:
    """Whether ``name`` names a body or a group of people by a word of :data:`_GERMAN_BODIES` (or a
    compound ending like "Kriegsräte", "Landstände", "Reichsstädte", "Domkapitel") or of
    :data:`_PARTY_BODIES`, read in its head: the words before the first that says whose or where
    ("Rat und Gemeinde zu Chemnitz", "Gesandte der Stadt Augsburg"; not "Befehlshaber des Kapitels zu
    Magdeburg", "Bgm. der Stadt Leipzig", one man), after a leading participle phrase ("zu Breslau
    versammelten Fürsten"), before the first "oder"/"bzw." ("Kf. Moritz bzw. dessen Räte" is Moritz).
    Words in parentheses describe a person ("Michael Alber (Bürgermeister)"); a name the editors add
    in brackets at the end is the person's who wrote ("Rektor und Universität [Heinrich Salmuth]",
    whose GND id the index gives). A name of several ("alle Gf. von Mansfeld", "3 Räte …") is a
    group, a name of one ("Ein sächsischer Rat") is not. Singular "Rat" is a town's council before
    where or with others ("Rat von Leipzig", "Rat der Stadt Döbeln", "Bgm. und Rat …"), a councillor
    before his lord ("Rat des Hz. Moritz", "Rat Kg. Ferdinands") or after his lord's adjective ("Kfl.
    Rat zu Augsburg"). An English party body is the last word of the name's head ("Korean Workers'
    Party", "Presidium of the Supreme Soviet"; not "Party Secretary Wang"), and so are other English bodies and
    the treaties and newspapers the Dodis edition tags as bodies (:func:`_english_body`: "Palestine Liberation
    Organization", "Treaty of Rome", "Wall Street Journal", "Bank of England"). The offices, embassies,
    ministries and parties of German names are read in the head as the bodies above
    (:data:`_GERMAN_OFFICES`: "Auswärtiges Amt", "Bundeskanzleramt", "Botschaft der DDR in Bern",
    "Eidgenössisches Politisches Departement", "Ministerrat der DDR", "SED-Politbüro", "Reichsmarineamt",
    "Reichskanzlei"; the Bundesbank, the Bundeswehr, institutions, works, churches, treaties and newspapers:
    "Treuhandanstalt", "Leunawerke", "Pariser Verträge", "Frankfurter Allgemeine Zeitung"; not "Staatssekretär im
    Auswärtigen Amt"), a council that is also its members' title alone or before whose it is
    (:data:`_COUNCILS_ALSO_TITLES`: "Bundesrat", "Der Schweizerische Bundesrat", "Staatsrat der DDR", "Regierungsrat
    des Kantons Bern", "ZK der SED"; not "Staatsrat Müller"), and "Rat" after the adjective of a body's council
    ("Grosser Rat des Kantons Bern", "Parlamentarischer Rat"); English assemblies as party bodies
    (:data:`_ASSEMBLIES`: "Parliament", "General Assembly"); French and Italian ones by their first noun
    (:func:`_romance_body`: "Ministère des Affaires étrangères", "Ambassade de France", "Partito Socialista
    Italiano", "Le Conseil Fédéral", "Sous-direction d'Asie", "Corriere della Sera", "Traité de Rome"; not "La
    Chambre", a French minister)."""
    if re.search(r"\S \[[A-ZÄÖÜ][^\]\s]* [^\]]+\]$", name):
        return False  # the editors name the one who wrote: "Kfl. Räte [Ernst von Miltitz]" (his GND id)
    text = re.sub(r"\([^()]*\)", " ", name)
    text = re.split(r"\s(?:oder|bzw\.)\s", re.sub(r"[\[\]?“„\"<>»«]", "", text), maxsplit=1)[0]
    if _english_body(text):
        return True
    words = re.findall(r"[^\s,&]+|[,&]", text)
    lower = [w.lower().rstrip(";:") for w in words]
    if not lower or lower[0] in _ONE:
        return False
    if _romance_body(words):
        return True
    if words[0] in _SEVERAL or lower[0] in _NUMBERS or lower[0].isdigit() and int(lower[0]) > 1:
        return True
    start = 0
    if words[0] in ("Der", "Die", "Das"):  # a body's article: "Der Schweizerische Bundesrat"
        start = 1
    elif lower[0] in _ATTRIBUTE:  # "in Augsburg verordneten Räte": the head starts at the participle
        start = next((i for i, w in enumerate(lower) if w.startswith(("versammelt", "verordnet", "erfordert"))), len(lower))
    end = next((i for i in range(start + 1, len(lower)) if lower[i] in _ATTRIBUTE), len(lower))
    for i in range(start, end):
        word, after = lower[i], lower[i + 1 : i + 3]
        if word in _GERMAN_BODIES or word.endswith(_GERMAN_BODY_ENDINGS) or _german_office(word):
            return True
        alone_or_whose = not after or after[0] in _WHOSE
        if word in _COUNCILS_ALSO_TITLES and alone_or_whose and all(map(_COUNCIL_ADJECTIVE.fullmatch, lower[start:i])):
            return True
        if word == "rat" and i > start and lower[i - 1] in _RAT_ADJECTIVES and alone_or_whose:
            return True
        if word == "rat" and not (i and lower[i - 1].endswith(".") and lower[i - 1] not in _AND) and (
            after[:1] and after[0] in _AND
            or after[:1] and after[0] in ("von", "zu", "zum", "zur") and len(after) > 1 and not after[1].endswith(".")
            or after[:1] and after[0] in ("der", "d.") and any("stadt" in w for w in lower[i + 2 : i + 4])
            or not after and any(w in _AND for w in lower[max(start, i - 2) : i])
        ):
            return True
    return False


def _english_body(text: str) -> bool:
    """Whether the head of an English name, its words before the first comma or word of :data:`_ENGLISH_AFTER_HEAD`,
    ends in a noun of a party body, an assembly or another body (:data:`_PARTY_BODIES`, :data:`_ASSEMBLIES`,
    :data:`_ENGLISH_BODIES`): "Korean Workers' Party", "UN/General Assembly", "Palestine Liberation Organization",
    "Treaty of Rome", "Wall Street Journal", "Bank of England"; or starts with a word that is no forename
    (:data:`_NO_FORENAME_FIRST`: "World Bank", "Associated Press"); not "Party Secretary Wang", "Member of Parliament",
    "James Reston, New York Times" (a journalist and his paper)."""
    words = text.split(",", 1)[0].split()
    head = words[: next((i for i, w in enumerate(words) if i and w in _ENGLISH_AFTER_HEAD), len(words))]
    first = head[1:2] if head[:1] == ["The"] else head[:1]
    if len(head) > 1 and first and _NO_FORENAME_FIRST.fullmatch(first[0].rsplit("/", 1)[-1]):
        return True
    last = head[-1].rsplit("/", 1)[-1].lower().strip("'’.") if head else ""  # "UN/International Monetary Fund"
    return last in _PARTY_BODIES | _ASSEMBLIES | _ENGLISH_BODIES or (
        last in _ENGLISH_BODIES_BEFORE_OF and len(words) > len(head) and words[len(head)] == "of"
    ) or (last in _ENGLISH_BODIES_AFTER_TWO and len(head) > 2)


def _german_office(word: str) -> bool:
    """Whether ``word`` is a German word of an office, embassy, ministry or party, or ends in one
    (:data:`_GERMAN_OFFICES`): "Amt", "Bundeskanzleramt", "Botschaft", "Deutschland/BRD/Wirtschaftsministerium",
    "Reichskanzlei", "Ministerrat"; or an office of the Reich, the Federation or a Land (:data:`_GERMAN_OFFICE_PREFIXES`:
    "Reichsamt", "Reichsmarineamt")."""
    word = word.lower()
    last = word.rsplit("/", 1)[-1]  # "Deutschland/DR/Reichsamt des Innern", as Dodis writes a state's body
    return word in _GERMAN_OFFICES or word.endswith(_GERMAN_OFFICE_ENDINGS) and not word.endswith(_GERMAN_NO_OFFICE) or (
        last.endswith("amt") and last.startswith(_GERMAN_OFFICE_PREFIXES)
    )


def _romance_body(words: list[str]) -> bool:
    """Whether the ``words`` of a name start, after an article, with a French or Italian noun of a body
    (:data:`_ROMANCE_BODIES`, after "sous-" too): "Ambassade de France", "L'Ambassade de France", "Consiglio
    federale", "Le Conseil Fédéral" (:data:`_ROMANCE_BODY_ADJECTIVES`), "Sous-direction d'Asie"; a paper after its article
    (:data:`_ROMANCE_BODIES_AFTER_ARTICLE`: "Le Monde")."""
    first = 1 if words and words[0].lower() in _ROMANCE_ARTICLES else 0
    articled = bool(first)
    if words and (m := re.match(r"(?i)l['’](?=\w)", words[0])):  # "L'Ambassade": the article elided
        words = [words[0][m.end() :], *words[1:]]
        first, articled = 0, True
    if first >= len(words):
        return False
    noun, after = words[first].lower().removeprefix(_ROMANCE_SUB), words[first + 1 : first + 2]
    return noun in _ROMANCE_BODIES or articled and noun in _ROMANCE_BODIES_AFTER_ARTICLE or noun in _ROMANCE_BODIES_BEFORE_LOWER and bool(after) and (
        after[0][:1].islower() or after[0].lower() in _ROMANCE_BODY_ADJECTIVES
    )


def _path_below(name: str) -> list[str]:
    """The parts after the first of a body's name written as Dodis writes one, below its state and the bodies
    it belongs to, a slash between them and no space: "Germany/FRG/Embassy in Warsaw" → ["FRG", "Embassy in
    Warsaw"], "EVD/Handelsabteilung/Wirtschaftliche Zusammenarbeit Ost-West (ECE/UNO)" → ["Handelsabteilung",
    "Wirtschaftliche Zusammenarbeit Ost-West"]; none for a name without such slashes, as the variants of a
    person's name are written ("Ahmed / Ahmad Dürri Efendi", QhoD; "Graf/Gräfin von" is one title)."""
    text = re.sub(r"\([^()]*\)", " ", name)  # a parenthesis says something of the whole: "(ECE/UNO)", "(Serasker/commander of Niş)"
    if "/" not in text or re.search(r"\s/|/\s", text):
        return []
    return [part.strip() for part in text.split("/")[1:] if part.strip()]


def agent_kind(name: str) -> str:
    """``"person"`` or ``"organization"`` for a name a source gives without saying which: a plainly
    inverted name (:func:`inverted`), a library heading of a person (:func:`heading`: "Sukarno,
    1901-1970") and a name of common forenames before a surname (:func:`_forenames_first`: "Mary Post", "John
    Embassy") are a person's; a body known by its name alone (:data:`_BODIES_BY_NAME`: "Reuters", "Pravda", "NATO",
    "Red Cross", written in capitals too, "REUTERS") is an organization, as is a name of a body or group (:func:`body_or_group`:
    "Rat von Leipzig", "Hz. Heinrichs Räte", "Korean Workers' Party") an organization's, and so is a
    body's name below its state as Dodis writes it when a part of it is one or the state itself
    (:func:`_path_below`: "Germany/FRG/Embassy in Warsaw", "USSR/Politburo of the Central Committee of the CPSU",
    "Polen/Staat"), or whatever its own name (:func:`_below_a_state`: "Israel/Likud"), and a group of states by
    letter and number (:data:`_NUMBERED_GROUP`: "G7 (2014 - )"); otherwise the rule that reads the parties of FRUS titles decides
    (:func:`legation.ingest.titles.party_name`): a name with a word of a body or an office and no holder is an organization ("Embassy in France",
    "Department of State", "Secretary of State", "the Embassy in Benghazi, Libya"), a name after a
    title a person ("President Truman"), and so is a title with no word of a body or office ("Mrs.
    Pandit", "The Reverend Benjamin Nuñez"); years in parentheses at the end are no holder's name
    ("Potsdam Conference (1945)"). Any other name in capitals alone ("JCS") stays a person's: the Dodis
    edition's initials of persons ("SIN", "WOK") and the UN speakers' surnames ("RAO", "WONG") are written
    so; a name of several words in capitals is read as the same name in mixed case (:func:`_in_mixed_case`:
    "WORLD BANK", "SECRETARY OF STATE" are bodies, "DEAN ACHESON" a person), as telegrams and typed lists write them."""
    if (mixed := _in_mixed_case(name)) != name:
        return agent_kind(mixed)
    if not name.strip() or inverted(name) or heading(name).added or _forenames_first(name):
        return "person"
    if name.strip() in _BODIES_BY_NAME or name.isupper() and name.strip() in _BODIES_BY_NAME_IN_CAPITALS:
        return "organization"
    if body_or_group(name) or _below_a_state(name) or any(
        part.lower() in _STATE_WORDS or agent_kind(part) == "organization" for part in _path_below(name)
    ):
        return "organization"
    # a body's or a meeting's years in parentheses are no holder's name ("Potsdam Conference (1945)", "Swiss Embassy in
    # Bonn (1977-)"), as party_name would read them: "the Ambassador in China (Stuart)" is Stuart
    name = _YEARS_AFTER.sub("", name) or name
    if _NUMBERED_GROUP.fullmatch(name.strip()):
        return "organization"
    if party_name(name)[1] == "person":
        return "person"
    # party_name also reads a title without a name as an office ("Mrs. Pandit", "The Reverend Benjamin
    # Nuñez" in the UN speakers' list): a name is a body's only with a word of a body or office in it.
    return "organization" if any(w.lower().strip(",.;:()") in _ORG_WORDS for w in name.split()) else "person"


def _forenames_first(name: str) -> bool:
    """Whether ``name`` is a person's in direct order by its forenames: two to four words, the first a common given
    name (:data:`_GIVEN_NAMES`), each after it but the last a given name too or an initial, the last a capitalized name
    word, whatever else that word names ("Mary Post", "John Embassy", "Henry Times", "John F. Service"). A body's name
    starts with what it is of, a place or an adjective ("Washington Post", "Soviet Embassy", "New York Times"), and one
    named after a person writes a surname before its own word ("Ford Foundation", "George Washington University")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or words[0] not in _GIVEN_NAMES or not _NAME_WORD.fullmatch(words[-1]):
        return False
    return words[-1][0].isupper() and not words[-1].isupper() and all(
        w in _GIVEN_NAMES or _INITIALS.fullmatch(w) for w in words[1:-1]
    )


# Common given names: those borne by five persons at least of the FRUS lists of persons, the UN General Debate's
# speakers, the presidents of the State of the Union and the Dodis edition's persName elements (../shared/data), and
# by no more than a fifth as many as a surname, titles and particles aside; not "Marshall", "Douglas", "Warren"
# (surnames as often: "Marshall Plan", "Warren Commission").
_GIVEN_NAMES = frozenset(
    "Abraham Adam Adlai Adolf Alain Alan Alberto Aleksandr Alexander Alexei Alfred Alfredo Allan Alvaro Anatoliy "
    "Andreas Andrei Andrej Andrew Anne Antonio Archibald Arnold Arthur Barbara Benjamin Bernard Bob Boris Brent "
    "Brian Bruno Carl Carlos Cecil Charles Chester Christopher Clarence Claude Clement Colin Constantine Dan "
    "Daniel David Denis Dennis Dick Dieter Don Donald Dwight Earl Earle Eberhard Edgar Eduard Eduardo Edward "
    "Edwin Egon Elias Elizabeth Enrique Eric Erich Ernest Ernesto Ernst Eugene Everett Farouk Felix Ferdinand "
    "Fernando Francesco Francis Francisco Francois Frank Franklin Franz Fred Frederick Friedrich Fritz Fuad "
    "Gabriel Geoffrey Georg George Georges Georgi Gerald Gerhard Guido Guillermo Guy Hans Harold Harry Heinrich "
    "Helmut Henri Henry Herbert Herman Horace Horst Howard Hubert Hugh Hugo Igor Ioannis Irving Ivan Jack Jacob "
    "Jacques James Jan Janos Janusz Jean Jens Jeremy Jerome Jerzy Jim John Jorge Jose Josef Joseph Juan Julian "
    "Julio Julius Karl Kenneth Konrad Kurt Laurence Lawrence Lech Leo Leon Leonard Leonid Leopold Lester Lionel "
    "Lothar Louis Lucius Ludwig Luis Mahmoud Malcolm Manfred Manuel Marc Marcel Margaret Mario Mark Markus Mary "
    "Matthew Maurice Max Maxwell Melvin Michael Miguel Mikhail Milton Mohamed Mohammad Mohammed Moshe Mustafa "
    "Nathaniel Neil Nicholas Nicolae Nicolas Nikita Nikolai Norman Oleg Omar Oscar Oskar Otto Patricia Patrick "
    "Paul Pedro Peter Philip Phillip Pierre Piotr Rafael Ralph Ray Raymond Reginald Rene Ricardo Richard Robert "
    "Roberto Roger Roland Rolf Ronald Rudolf Rufus Sam Samuel Sergei Seymour Sidney Spyros Stanley Stephen "
    "Stuart Theodore Thomas Todor Tom Ulrich Valerian Vasili Vernon Victor Viktor Vladimir Vyacheslav Walter "
    "Wesley Wilhelm William Willy Winston Wolfgang Xavier Yitzhak Yousef Zbigniew".split()
)
# Bodies a source names by a name alone, with no word of a body: the news agencies, papers and bodies by their acronym
# of the Dodis edition's orgName elements and of diplomatic sources (a telegram's "Moscow TASS", a press summary's
# "Reuters", "Pravda", "NATO", "CIA"). A word alone in capitals is read as a person's initials or surname otherwise
# (:func:`_in_mixed_case`: the Dodis edition's "SIN", the UN speakers' "RAO"), so an acronym is a body only here.
_BODIES_BY_NAME = frozenset(
    # news agencies
    "Reuters TASS ITAR-TASS Xinhua AFP UPI DPA ADN ANSA Kyodo Yonhap Tanjug Agerpres Interfax Novosti Sputnik CNN BBC "
    # papers and magazines
    "Pravda Izvestia Izvestiya Izvestija Haaretz Maariv Davar Bild Tagesspiegel Weltwoche Newsweek Time Guardian "
    # bodies by their acronym
    "NATO CIA KGB FBI NSC OECD EEC EFTA SEATO CENTO OAS OAU IMF GATT OPEC PLO IAEA UNESCO UNICEF UNRWA UNO CSCE IBM "
    "SED DKP CDU CSU SPD FDP KPD CPSU "
    "Solidarność Solidarnosc Toshiba".split()
) | {"Red Cross", "Red Crescent"} | {  # "Cross" is a surname (James Cross), and "Red" a nickname before one (Red Adair)
    # papers of two words that are no forename and surname ("Yedioth Ahronoth", Israel's paper, as the Dodis edition and
    # others spell it), and the journal "Foreign Affairs", which no rule of "Affairs" may read: a FRUS list of persons
    # tags "Security Affairs" as a person's name
    "Yedioth Ahronoth", "Yediot Aharonot", "Yedioth Aharonoth", "Foreign Affairs"
}
# and as a cable or a typed list writes them, in capitals ("REUTERS", "PRAVDA"), as it writes a name of several words
# (_in_mixed_case)
_BODIES_BY_NAME_IN_CAPITALS = frozenset(name.upper() for name in _BODIES_BY_NAME)


def _in_mixed_case(name: str) -> str:
    """``name``, of several words all in capitals, written as in mixed case: its words as a name's
    (:func:`_in_lower_case`: an acronym without a vowel, "JCS", stays), and a linking word after the first in lower
    case (``"SECRETARY OF STATE"`` → ``"Secretary of State"``); else ``name`` as given: a word alone in capitals
    ("JCS", "RAO") may be a body's acronym or a person's initials, and stays so (:func:`agent_kind`: a body only by name,
    "NATO")."""
    if len(name.split()) < 2 or not name.isupper():
        return name
    first, *rest = _in_lower_case(name).split(" ")
    return " ".join([first, *(w.lower() if w.lower() in _ENGLISH_AFTER_HEAD | {"and", "the"} else w for w in rest)])


# A group of states named by a letter and their number: "G7 (2014 - )", "G-77", "P5", as the Dodis edition names them
# (orgName); no one's initials hold a digit.
_NUMBERED_GROUP = re.compile(r"[A-Z]{1,2}-?\d{1,2}")


def _below_a_state(name: str) -> bool:
    """Whether ``name`` is a body's below the state (or body) it belongs to as the Dodis edition writes one
    (:func:`_path_below`), whatever the body's own name: "Israel/Likud", "Germany/FRG/Red Cross", "Germany/FRG/The
    Greens", "Deutschland/BRD/Christlich Demokratische Union Deutschlands": the first part one word, the next
    capitalized, and the words either side of the slash no variants of one word, as a person's name writes them
    ("Arapzade/Arabzade Abdurrahman Bahir Efendi", "Graf/Gräfin von": the same first three letters, accents aside;
    not "Germany/Gestapo"), nor a place after a person's name ("Freiherr Philipp zu Winnenberg/Beilstein", the Moritz
    letters: several words before it)."""
    if not (below := _path_below(name)):
        return False
    state, after = re.sub(r"\([^()]*\)", " ", name).split("/", 1)[0], below[0]
    if " " in state.strip() or not after[:1].isupper():
        return False
    return slug(state)[:3] != slug(after.split()[0])[:3]


# The state itself below its name, as the Dodis edition writes it: "Germany/FRG/State", "USSR/State", "Polen/Staat".
_STATE_WORDS = frozenset({"state", "staat", "état", "etat", "stato"})
# Years in parentheses at the end of a name, a year or a span open or closed: "(1945)", "(1977-)", "(2014 - )".
_YEARS_AFTER = re.compile(rf"\s*\(\s*(?:{_DATES}|{_YEAR})\s*\)$")


def alike_given(word: str, known: str) -> bool:
    """Whether two given names may be one, spelled, romanized or shortened otherwise ("Alexander",
    "Aleksandr"; "Chung", "Jung"; "Chin", "Jin"; "Ed", "Edwin"; "Mac", "McGeorge"; "Michael", "Mike"):
    the same first three letters, one starting the other, a :class:`difflib.SequenceMatcher` ratio of
    0.55, or the same first letter and a short word or a ratio of 0.5; "Ching-kuo" and "Kai-shek",
    "Jingguo" and "Jieshi", "Allen" and "John", "Dobrynin" and "Robert" are two."""
    ratio = SequenceMatcher(None, word, known).ratio()
    return (
        word[:3] == known[:3] or known.startswith(word) or word.startswith(known) and len(known) > 2
        or ratio >= 0.55 or word[0] == known[0] and (len(word) < 5 or ratio >= 0.5)
    )
