"""Pure functions over FRUS document titles and source notes: document type, sender and recipient.

FRUS titles follow a few house styles (sources: FRUS TEI volumes 1917–1976, see
``../shared/data/README.md`` §1):

- 1960s+: ``"42. Telegram From the Embassy in China to the Department of State"``,
  ``"Memorandum From the President's Special Assistant for National Security Affairs (Kissinger)
  to President Nixon"``; e-volumes add ``", Washington, June 27, 1972"``.
- 1940s/50s: ``"The Ambassador in China (Stuart) to the Secretary of State"`` (the type is in the
  source note, ``"893.00/1–1449: Telegram"``), ``"Memorandum by the Director of … (Kennan)"``,
  ``"Memorandum of Conversation, by the Ambassador in Korea (Muccio)"``; 1952–54 volumes start
  with ``"No. 462"``.

Parties are *phrases* of the title (``"the Ambassador in China (Stuart)"``) reduced to a *name*
by :func:`party_name`: the person in parentheses or after a title (``"Stuart"``,
``"Nixon"`` for ``"President Nixon"``), else the office or body without its article
(``"Embassy in China"``, ``"Secretary of State"``).
"""

from __future__ import annotations

import functools
import re

from legation.search.analyzers import drop_invisible

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

# (pattern, canonical type); at one position the longest match wins, so order does not matter.
_TYPES: list[tuple[str, str]] = [
    (r"Editorial Note", "Editorial Note"),
    (r"Circular Telegram", "Circular Telegram"),
    (r"Circular Airgram", "Airgram"),
    (r"(?:Cablegram|Telegram|Cable)s?", "Telegram"),
    (r"Airgrams?", "Airgram"),
    (r"Despatch|Dispatch", "Despatch"),
    (r"Instructions?", "Instruction"),
    (r"National Security (?:Action|Study|Decision) Memorandum", "Memorandum"),
    (r"Action Memorandum", "Action Memorandum"),
    (r"Information Memorandum", "Information Memorandum"),
    (r"Memorand(?:um|a) of (?:a |an )?(?:Conversations?|Conference)", "Memorandum of Conversation"),
    (r"Record of (?:a )?Conversation", "Memorandum of Conversation"),
    (r"(?:Memorandum|Record|Transcript|Notes?) of (?:a )?Telephone Conversations?", "Telephone Conversation"),
    (r"Telephone Conversations?|Telcon|Telecon", "Telephone Conversation"),
    (r"Memorandum of (?:the )?(?:Discussion|Meeting)", "Minutes"),
    (r"Memorandum (?:on|of) the Substance of (?:the )?Discussions?", "Minutes"),
    (r"Memorandum of the Substance of (?:a |the )?Conversation", "Memorandum of Conversation"),
    (r"(?:Notes|Highlights) (?:of|on|From) (?:[\w’'-]+ ){0,6}?(?:Meeting|Conversation|Discussion|Lunch|Dinner)s?", "Minutes"),
    (r"(?:Summary )?Record of (?:a |the )?(?:[\w-]+ )?Meeting", "Minutes"),
    (r"Summary Record", "Minutes"),
    (r"Minutes", "Minutes"),
    (r"Memorandum for (?:the )?(?:Record|Files?)", "Memorandum for the Record"),
    (r"Memorand(?:um|a)", "Memorandum"),
    (r"Letters?", "Letter"),
    (r"Messages?", "Message"),
    (r"Aide[- ][Mm][ée]moire", "Aide-Mémoire"),
    (r"Note Verbale|Notes?", "Note"),
    (r"(?:Special )?National Intelligence Estimate|Intelligence Estimate|SNIE|NIE", "Intelligence Estimate"),
    (r"(?:Current )?Intelligence (?:Weekly )?(?:Review|Report|Note|Brief|Information Cable|Bulletin)", "Intelligence Report"),
    (r"Papers?|Study|Talking Points|Outline Plan|Checklist", "Paper"),
    (r"Reports?", "Report"),
    (r"Summary", "Summary"),
    (r"Diary(?: Entry)?", "Diary Entry"),
    (r"Record", "Record"),
    (r"Directive", "Directive"),
    (r"Statements?|Announcement|Communiqu[ée]|Press Release", "Statement"),
    (r"Transcript", "Transcript"),
    (r"Resolution", "Resolution"),
    (r"Toast|Speech|Address|Remarks", "Speech"),
    (r"Agreement|Treaty|Protocol", "Agreement"),
]
_TYPE_RE = [(re.compile(rf"\b(?:{pattern})\b"), canonical) for pattern, canonical in _TYPES]
_TYPE_END_RE = [(re.compile(rf"\b(?:{pattern})$"), canonical) for pattern, canonical in _TYPES]
_TYPE_RE_CI = [(re.compile(rf"\b(?:{pattern.replace('Telegram', 'Te[lI]egram')})\b", re.I), c) for pattern, c in _TYPES]

_LEADING_NUMBER = re.compile(r"^\s*(?:No\.\s*\d+(?:[a-z](?![a-z]))?\s*|\d+[a-z]?\.(?:\s+|(?=[A-Z])))")
# ", Washington, June 27, 1972" / ", The White House, January 19, 1955, 1:15 p.m." / ", undated"
_DATE_SUFFIX = re.compile(rf",(?:\s*[^,()]{{1,40}},){{0,2}}\s*(?:(?:{_MONTHS})\s+\d|undated\b).*$")
_PARTY_START = re.compile(r"\b(?:[Ff]rom|by|Prepared (?:in|by|for))\s+")

# A " to " after these words belongs to an office ("Ambassador to the Soviet Union").
_NO_SPLIT_BEFORE = {
    "ambassador", "ambassadors", "ambassador-designate", "mission", "missions", "representative",
    "representatives", "delegation", "delegations", "delegate", "delegates", "envoy", "assistant",
    "adviser", "advisor", "counselor", "consultant", "observer", "minister", "ministers", "aide",
    "deputy", "liaison", "commissioner", "attaché", "emissary", "negotiator", "accredited",
    "as",  # "Talks as to Indochina"
    "chargé", "charge",  # "the Charge to the Republic of China (Clough)"
    "respect", "regard",  # "Recommendations With Respect to United States Policy Toward Japan"
}
# A " for " after these words belongs to an office or body ("Division of Research for USSR and Eastern Europe").
_NO_SPLIT_FOR = _NO_SPLIT_BEFORE | {"secretary", "director", "coordinator", "officer", "council", "office", "chairman", "research"}
_LOWER_OK_AFTER_TO = {"the", "all", "certain", "selected", "various", "mr.", "his", "her"}
_CONNECTORS = {"of", "for", "in", "at", "to", "on", "the"}
_TITLE_WORDS = {
    "acting", "vice", "deputy", "under", "assistant", "associate", "special", "executive",
    "principal", "chief", "senior", "former", "permanent", "alternate", "general", "secretary",
    "secretary-general", "president", "president-elect", "president's", "premier", "chairman",
    "chairmen", "prime", "minister", "foreign", "ambassador", "ambassador-designate", "attorney",
    "admiral", "rear", "lieutenant", "major", "colonel", "captain", "commander", "brigadier",
    "marshal", "field", "governor", "senator", "congressman", "mr.", "mrs.", "miss", "dr.", "sir",
    "lord", "lady", "pandit", "his", "her", "majesty", "majesty's", "highness", "excellency",
    "king", "queen", "emperor", "shah", "prince", "princess", "sheikh", "generalissimo", "chancellor", "director",
    "counselor", "consul", "chargé", "adviser", "advisor", "envoy", "representative", "delegate",
    "first", "party", "state", "u.s.", "us", "american", "soviet", "chinese", "british", "french",
    "german", "japanese", "korean", "indian", "italian", "israeli", "egyptian", "turkish", "greek",
    "polish", "canadian", "australian", "pakistani", "indonesian", "philippine", "vietnamese",
    "netherlands", "dutch", "belgian", "yugoslav", "romanian", "cuban", "thai", "iranian",
    "nationalist", "communist", "west", "east",
}
TITLE_WORDS = frozenset(_TITLE_WORDS)  # for readers: words of titles and ranks before a name
# Words before (or, "Jr", after) a name that are no part of it and not among the title words.
HONORIFICS = {"herr", "frau", "doña", "señor", "senor", "monsieur", "comrade", "brig", "gen", "col", "lt",
              "maj", "capt", "adm", "gov", "sen", "amb", "mr", "dr", "pope", "sheik", "shaikh", "khun", "re", "gens",
              "finmin", "formin", "mgen", "bgen", "ltgen", "lcdr", "cdr", "vadm", "radm", "ayatollah", "treasury",
              "jr", "sr"}
# Short forms of given names that a name may print for a person ("Bill" for William J. Sebald, "Don" for
# Donald C. Bergus, or the Spanish "Don").
NICKNAMES = {"bill", "billy", "bob", "bobby", "dick", "jack", "jim", "jimmy", "joe", "mike", "tom", "tommy", "ted",
             "teddy", "chip", "ike", "hank", "harry", "larry", "chuck", "bud", "nick", "tony", "andy", "pete", "steve",
             "fritz", "don"}
# Words of department and office names that may follow a title before the person's name
# ("Secretary of State Rusk", "Assistant for National Security Affairs Kissinger").
_DEPARTMENT_WORDS = {
    "state", "defense", "war", "navy", "treasury", "commerce", "agriculture", "labor", "interior",
    "army", "air", "force", "justice", "health", "education", "welfare", "affairs", "national",
    "security", "international", "economic", "political", "far", "eastern", "european", "asian",
    "intelligence", "central", "staff", "joint", "chiefs",
}
_ORG_WORDS = {
    "embassy", "embassies", "department", "consulate", "consulates", "legation", "legations",
    "mission", "missions", "delegation", "office", "staff", "committee", "council", "bureau",
    "agency", "division", "chiefs", "government", "governments", "ministry", "posts", "post",
    "officers", "offices", "officials", "station", "command", "headquarters", "group", "board",
    "house", "commission", "administration", "service", "section", "branch", "center", "corps", "forces", "army", "navy",
    "republics", "nations", "cabinet", "conference", "team", "panel", "secretariat",
    "directorate", "institute", "congress", "representatives", "governor", "president",
    "secretary", "ambassador", "chargé", "consul", "minister", "director", "chairman",
    "leaders", "leadership",  # "Soviet Leaders"
    # the State Department's telegram addresses of its posts and offices, one word before the place, as FRUS prints
    # its cables ("FM AMEMBASSY TEHRAN TO SECSTATE WASHDC", "USMISSION GENEVA", "USUN NEW YORK", "USNATO PARIS"):
    # "AMEMBASSY, MOSCOW" is an embassy
    "amembassy", "amconsul", "amcongen", "amlegation", "usmission", "usdel", "usint", "secstate", "usun", "usnato",
}


_SPACE_FIXES = ((" )", ")"), (" ,", ","), (" ;", ";"), (" :", ":"), ("( ", "("))


def collapse_space(text: str) -> str:
    """Each run of whitespace one space, none at either end, and the invisible format characters
    that are no part of the text dropped (:func:`legation.search.analyzers.drop_invisible`): for a
    value as a person typed it (a spreadsheet's cell, a JSON field), whose spaces before a colon
    (French ``Note : Paris``) are the writer's own, unlike those markup leaves
    (:func:`normalize_space`)."""
    return " ".join(drop_invisible(text).split())


def normalize_space(text: str) -> str:
    """:func:`collapse_space`, and drop the spaces that markup leaves after "(" and before ) , ; :
    (``"( Caffery )"`` → ``"(Caffery)"``): for text read out of elements (TEI, HTML)."""
    # Readers call this on every paragraph, so plain str methods: after split/join the only
    # whitespace left is single spaces, and replacing " )" etc. gives what the regular expressions
    # r"\s+([),;:])" and r"\(\s+" gave, at a third of their cost (a quarter of the FRUS reader's).
    text = collapse_space(text)
    for before, after in _SPACE_FIXES:
        if before in text:
            text = text.replace(before, after)
    return text


def strip_leading_number(title: str) -> str:
    """``"42. Telegram From …"`` → ``"Telegram From …"``; ``"No. 462 The Secretary …"`` →
    ``"The Secretary …"``; other titles unchanged (whitespace normalized)."""
    return _LEADING_NUMBER.sub("", normalize_space(title), count=1)


@functools.lru_cache(maxsize=4096)  # a title is searched for its type and for its parties
def _title_type(text: str) -> tuple[int, int, str] | None:
    """:func:`_find_type` of ``text`` in the title types (``_TYPE_RE``)."""
    return _find_type(text, _TYPE_RE)


def _find_type(text: str, table) -> tuple[int, int, str] | None:
    """(start, end, canonical type) of the earliest type phrase in ``text``, longest at a tie."""
    best: tuple[int, int, str] | None = None
    for pattern, canonical in table:
        if (m := pattern.search(text)) and (best is None or (m.start(), -m.end()) < (best[0], -best[1])):
            best = (m.start(), m.end(), canonical)
    return best


def document_type_from_title(title: str) -> str:
    """The canonical type a title states (one of the ``_TYPES`` values), or ``""``.

    Only the words before the parties count (``"Telegram From the Embassy …"``; the parties may
    contain "Report" or "Note"-like words), plus a type word ending the title (``"The Department
    of State to the British Embassy Aide-mémoire"``). Examples: ``"Memorandum of a Conversation,
    The White House, …"`` → ``"Memorandum of Conversation"``; ``"Special National Intelligence
    Estimate"`` → ``"Intelligence Estimate"``; ``"Memorandum of Discussion at the 250th Meeting of
    the National Security Council"`` → ``"Minutes"``; ``"The Ambassador in China (Stuart) to the
    Secretary of State"`` → ``""`` (see :func:`document_type_from_source_note`).
    """
    title = strip_leading_number(title)
    cut = len(title)
    for marker in (_PARTY_START.search(title), re.search(r" to ", title)):
        if marker:
            cut = min(cut, marker.start())
    found = _title_type(title[:cut])
    if (whole := _title_type(title)) and whole[0] == 0 and whole[1] > cut:
        found = whole  # "From" inside the type: "Notes From Lunch Between …" are minutes
    if found:
        return found[2]
    for pattern, canonical in _TYPE_END_RE:
        if pattern.search(title):
            return canonical
    return ""


def document_type_from_source_note(note: str) -> str:
    """The type older volumes give after the file number: ``"501.BC Indonesia/1–649: Telegram"``
    → ``"Telegram"``, ``"…: Circular telegram"`` → ``"Circular Telegram"``; a note that starts with a
    type (``"Memorandum by …"``) gives it too. ``""`` for later "Source: …" notes and no type."""
    note = normalize_space(note)
    if not note or note.lstrip("[").lower().startswith("source:"):
        return ""
    candidates = [note.rsplit(":", 1)[1]] if ":" in note else []
    candidates.append(note.split(" ", 1)[0] if note[:1].isalpha() else "")
    for text in candidates:
        found = _find_type(text.strip(" .;"), _TYPE_RE_CI)
        if found and found[0] == 0:
            return found[2]
    return ""


def _depth0(text: str, needle: str) -> list[int]:
    """Start positions of ``needle`` (which starts with no parenthesis) in ``text`` outside
    parentheses: as many "(" as ")" before it."""
    positions = []
    i = text.find(needle)
    while i >= 0:
        if text.count("(", 0, i) == text.count(")", 0, i):
            positions.append(i)
        i = text.find(needle, i + 1)
    return positions


def _split_to(text: str) -> tuple[str, str] | None:
    """Split ``"X to Y"`` at the first " to " that separates two parties, or None."""
    for i in _depth0(text, " to "):
        before = text[:i].rstrip(",").split()
        after = text[i + 4:].split()
        if not before or not after:
            continue
        if before[-1].lower() in _NO_SPLIT_BEFORE:
            continue
        if after[0][:1].islower() and after[0].lower() not in _LOWER_OK_AFTER_TO:
            continue
        return text[:i], text[i + 4:]
    return None


def _split_and(phrase: str) -> list[str]:
    """``"Secretary of State Rusk and the Director … (Murrow)"`` → two phrases; ``"the Embassies in
    France and Italy"`` stays one, and so does an office whose name lists regions or subjects with
    words that may start a title (``"the Director of the Office of Greek, Turkish, and Iranian
    Affairs (Baxter)"``, ``"the House Committee on Interstate and Foreign Commerce (Harris)"``): a
    party never starts with such words followed by a department word or the holder's parentheses."""
    parts, start = [], 0
    for i in _depth0(phrase, " and "):
        left, right = phrase[start:i].rstrip(","), phrase[i + 5:]
        first = right.split(" ", 1)[0]
        if left.endswith(")") or first in ("the", "The") or (
            first.lower() in _TITLE_WORDS - _DEPARTMENT_WORDS and not _continues_office(right)
        ):
            parts.append(left)
            start = i + 5
    parts.append(phrase[start:])
    return [p.strip(" ,") for p in parts if p.strip(" ,")]


def _continues_office(right: str) -> bool:
    """Whether the words after an " and " that start with title words ("Iranian Affairs (Baxter)",
    "Foreign Commerce (Harris)") go on naming an office rather than a second party."""
    rest = _tokens_after_titles(right.split())
    return not rest or rest[0].startswith("(") or rest[0].lower().strip(",") in _DEPARTMENT_WORDS | {"commerce", "relations"}


# Words that end a party phrase: what follows is the subject or the occasion, not the party
# ("by Her Majesty's Government on the Cyprus Question", "by the National Security Council on
# Recommendations With Respect to …", "by the Under Secretary of State (Lovett) Before the Joint
# Congressional Committee …", "for the President of Discussion at the 122d Meeting …").
_SUBJECT_AFTER = re.compile(
    r" (?:on (?=(?:the )?(?:Position|Recommendations?|(?:United States|U\.S\.) (?:Foreign )?Policy|Wednesday|[\w’'-]+ Question)\b)"
    r"|[Bb]efore (?=the |[A-Z])|of (?=Discussions?\b))"
)
# A recipient phrase that ends with one of these names a document, not a party ("the North Vietnamese and Ten
# Point Negotiating Paper").
_DOCUMENT_END = re.compile(r"\b(?:Paper|Memorandum|Letter|Telegram|Statement|Report|Note)$")


def _trim_party(phrase: str) -> str:
    """A party phrase without the subject or occasion the title adds after it (``_SUBJECT_AFTER``);
    " on " stays when it goes on naming the body ("the Committee on Public Information")."""
    for m in _SUBJECT_AFTER.finditer(phrase):
        i = m.start()
        if phrase.count("(", 0, i) == phrase.count(")", 0, i) and phrase[:i].strip():
            return phrase[:i]
    return phrase


def _split_for(text: str) -> tuple[str, str] | None:
    """Split ``"the Central Intelligence Agency for the Senior Staff"`` at a " for " that introduces
    a recipient (not "Assistant for National Security Affairs")."""
    for i in _depth0(text, " for "):
        before, after = text[:i].split(), text[i + 5:].split()
        if before and after and before[-1].lower() not in _NO_SPLIT_FOR:
            if after[0] == "the" or after[0][:1].isupper():
                return text[:i], text[i + 5:]
    return None


def party_phrases(title: str) -> tuple[list[str], list[str]]:
    """The sender and recipient phrases of a title, as written: ``"Telegram From the Embassy in
    China to the Department of State"`` → (["the Embassy in China"], ["the Department of State"]);
    ``"Memorandum for President Johnson"`` → ([], ["President Johnson"]); titles without parties
    (``"Memorandum of Conversation"``, ``"Editorial Note"``) give ([], [])."""
    title = _DATE_SUFFIX.sub("", strip_leading_number(title))
    m = _PARTY_START.search(title)
    if m and (whole := _title_type(title)) and whole[0] == 0 and whole[1] > m.start():
        # "From" inside the type: "Notes From Lunch Between …", "Highlights From the Secretary of
        # State's Policy Planning Meeting" name no sender; a party may still follow the type
        m = _PARTY_START.search(title, whole[1])
    before = title[: m.start()] if m else title
    senders, recipients = "", ""
    lead = _title_type(before)
    if lead and lead[0] == 0:
        if addressed := re.match(r",?\s+(?:to|for)\s+(.+)", before[lead[1]:]):
            recipients = addressed.group(1)  # "Instructions to the Military Attaché (Walters)"
    elif not m and (split := _split_to(title)):
        senders, recipients = split  # "The Ambassador in China (Stuart) to the Secretary of State"
    if m and m.group().startswith("Prepared for"):
        recipients = title[m.end():]  # "Paper Prepared for the National Security Council by the … Group"
        if by := next((i for i in _depth0(recipients, " by ") if recipients[i + 4:i + 5].isupper() or recipients[i + 4:].startswith("the ")), None):
            recipients, senders = recipients[:by], recipients[by + 4:]
    elif m:
        rest = title[m.end():]
        split = _split_to(rest) or (_split_for(rest) if m.group().startswith("Prepared") else None)
        senders, recipients = split if split else (rest, recipients)
    recipients = re.sub(r"\s+(?:Aide[- ]m[ée]moire|Memorandum|Note)$", "", recipients, flags=re.I)
    return _parties(senders), _parties(recipients, recipient=True)


def _parties(text: str, recipient: bool = False) -> list[str]:
    """The party phrases of one side: split at " and ", each trimmed of its subject; a recipient
    phrase that names a document (ends with "Paper", "Memorandum", …) is no party ("President
    Nixon’s Fourth Annual Report to the Congress" is sent by Nixon)."""
    phrases = [_trim_party(p).strip(" ,") for p in _split_and(_trim_party(text))]
    return [p for p in phrases if p and not (recipient and _DOCUMENT_END.search(p))]


def _tokens_after_titles(tokens: list[str]) -> list[str]:
    i = 0
    while i < len(tokens) and tokens[i].lower() in _TITLE_WORDS:
        i += 1
    return tokens[i:]


def strip_titles(name: str) -> str:
    """A person's name without leading titles: ``"President Johnson"`` → ``"Johnson"``,
    ``"His Majesty Bao Dai"`` → ``"Bao Dai"``; unchanged when nothing would remain."""
    tokens = normalize_space(name).split()
    return " ".join(_tokens_after_titles(tokens) or tokens)


def party_name(phrase: str) -> tuple[str, str]:
    """(name, kind) of one party phrase; kind is ``"person"`` or ``"organization"``.

    - ``"the Ambassador in China (Stuart)"`` → ("Stuart", "person")
    - ``"President Nixon"``, ``"Secretary of State Rusk"`` → ("Nixon"/"Rusk", "person")
    - ``"Robert W. Komer of the National Security Council Staff"`` → ("Robert W. Komer", "person")
    - ``"the Embassy in China"`` → ("Embassy in China", "organization")
    - ``"the Secretary of State"`` → ("Secretary of State", "organization"): an office named
      without its holder is recorded as the office, a corporate body, never guessed as a person.
    """
    phrase = normalize_space(phrase).strip(" ,.;:")
    article = re.match(r"(?:the|The|an?|An?)\s", phrase) is not None
    head = phrase.split(", ", 1)[0]
    if article or "(" in head:
        if m := re.search(r"\(([^()]+)\)$", phrase):
            if inner := _tokens_after_titles(m.group(1).split()):
                return " ".join(inner), "person"
        if article:  # an office or body: "the Embassy in China", "the Secretary of State, at Paris"
            return re.sub(r",\s+(?:[a-z]|Temporarily\b).*$", "", phrase.split(None, 1)[1]), "organization"
    # no article: "President Nixon", "Robert W. Komer of the … Staff", "Mr. Paul H. Nitze, Deputy to …"
    tokens = head.split()
    connectors = [i for i, t in enumerate(tokens) if t in _CONNECTORS]
    if connectors:
        name = _tokens_after_titles(tokens[: connectors[0]])
        if not name:
            i = connectors[-1] + 2
            while i < len(tokens) and tokens[i].lower() in _DEPARTMENT_WORDS | _CONNECTORS:
                i += 1
            name = tokens[i:]
    else:
        name = _tokens_after_titles(tokens)
    if not name or any(t.lower().strip(",.") in _ORG_WORDS for t in name):
        return head, "organization"
    return " ".join(name), "person"


def parties_from_title(title: str) -> tuple[list[str], list[str]]:
    """Sender and recipient names a title states (see :func:`party_name`):
    ``"Letter From Premier Khrushchev to President Kennedy"`` → (["Khrushchev"], ["Kennedy"]);
    ``"Memorandum of Conversation"`` → ([], [])."""
    senders, recipients = party_phrases(title)
    return [party_name(p)[0] for p in senders], [party_name(p)[0] for p in recipients]


# The nouns of an office one person holds ("the Secretary of State", "the Consul General at Shanghai", "the
# President's Special Assistant"); the other words of _ORG_WORDS name bodies ("the Embassy in France", "the
# Department of State", "the Joint Chiefs of Staff") or several persons ("the Secretaries of State and Defense").
_OFFICE_NOUNS = frozenset({
    "secretary", "secretary-general", "president", "vice-president", "counselor", "chairman", "director", "ambassador",
    "ambassador-designate", "chargé", "charge", "consul", "minister", "adviser", "advisor", "assistant", "representative",
    "governor", "commander", "administrator", "coordinator", "chief", "envoy", "delegate", "attaché", "shah", "king",
    "queen", "emperor", "premier", "chancellor",
})
_BODY_NOUNS = frozenset(_ORG_WORDS - _OFFICE_NOUNS | {"party", "parties", "element", "force", "elements"})


def office_without_holder(phrase: str) -> str:
    """The office a party phrase names without naming its holder, or ``""``: ``"the Secretary of
    State"`` → ``"Secretary of State"``, ``"the Acting Secretary of State"`` → ``"Acting Secretary of
    State"``, ``"the Secretary of State, at Paris"`` → ``"Secretary of State"``, ``"the President"`` →
    ``"President"``. ``""`` for a holder named (``"the Ambassador in China (Stuart)"``, ``"Secretary of
    State Rusk"``), for a body (``"the Embassy in France"``, ``"the Department of State"``, ``"the Joint
    Chiefs of Staff"``) and for several offices (``"the Secretaries of State and Defense"``).

    FRUS titles write an office held by one person with its article and, when the editors name the
    holder, his surname in parentheses ("The Ambassador in China (Stuart) to the Secretary of State");
    an office without parentheses is the office only, so the title alone does not say who held it
    (see :func:`party_name`). The office is the words before its first "of", "in", "at", "for", "to"
    or "on" ("Consul General" of "the Consul General at Shanghai"): one of them is an office's noun
    and none a body's."""
    phrase = normalize_space(phrase).strip(" ,.;:")
    if not re.match(r"[Tt]he\s", phrase) or "(" in phrase:
        return ""
    name, kind = party_name(phrase)
    if kind != "organization":
        return ""
    head = re.split(r",|\s(?:of|in|at|for|to|on)\s", name, maxsplit=1)[0]
    words = {re.sub(r"['’]s$", "", w.lower()) for w in head.split()}
    return name if words & _OFFICE_NOUNS and not words & _BODY_NOUNS else ""
