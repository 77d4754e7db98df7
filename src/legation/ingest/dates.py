"""Dates as archives write them → EDTF (Library of Congress Extended Date/Time Format, ISO 8601-2:2019).

:func:`parse_archival_date` reads the forms found in finding aids, editions and metadata tables
(the corpora of ``../shared/data``: FRUS, Dodis, QhoD, the Moritz letters CSV, DFAT, the Korean
presidential speeches) and returns the EDTF value with the verbatim text::

    "1950"                         → "1950"
    "December 1949", "Dezember 1949", "décembre 1949"  → "1949-12"
    "22 Dec. 1949", "December 22, 1949", "22.XII.1949", "22.12.1949", "1533 Januar 6",
    "1963.12.17" (Korean archives), "22/12/1949", "12/22/1949", "22-12-1949" (day or month first: a number
    over 12 says which, and "05/06/1949", "05-06-1949" are not read), "22/XII/1949", "22-XII-1949",
    "1949/12/22", "1949/XII/22" (the year first, East Asian and ISO-minded spreadsheets: then the month), "1949/XII.22",
    "1949/22.XII" (the year first, then its day: one date, see _year_first), "22.xii.1949", "22 xii 1949" (a Roman
    month in small letters), "22–12–1949", "22–XII–1949", "22—12—1949" (en dashes, em dashes, figure dashes or
    minus signs for the hyphens, see _EN_DASHED), "22 – 12 – 1949", "1949 / 12 / 22", "22 . 12 . 1949" (spaces around the
    separators, read as the date without them, see _SPACED), "22 12 1949" (spaces for the separators: as "22/12/1949", and
    "05 06 1949" not read), "1949 12 22" (the year first, spaces between: then the month, as ISO 8601 orders them; see
    _YEAR_FIRST)  → "1949-12-22" …; not "1911/12/13", "1911–12–13", the day or the years 1911–1913 (see _year_first)
    "1949/XII", "1949/12", "1949 12", "1949-Dec", "12/1949", "12-1949", "12.1949", "XII/1949" (a month 1–12, then its year: see
    _MONTH_YEAR)  → "1949-12"; "1950/V", "1950/V.5" → "1950-05", "1950-05-05" (a year and 1–12 naming
                                   no later year: "1951/2" stays 1951–52, see _year_first)
    "21. Januarii 1720", "6. Merzen 1720" (QhoD: Latin and older German genitives), "3 марта 1950 г.",
    "3 marca 1950 r.", "1 de mayo de 1950", "19 Mart 1920" (Russian, Polish, Spanish, Portuguese,
    Turkish month names)           → "1720-01-21" …
    "16 Mart 1336", "22 Şubat 1330", "6 Kânun-ı Sânî 1334" (a Turkish month with a year 1256–1341: Rumi,
    the Ottoman fiscal calendar)   → "1920-03-16", "1915-03-07", "1918-01-06" (see _rumi)
    "1950年3月3日", "1950년 3월 3일", "1950. 3. 3."  → "1950-03-03"; "1950年3月" → "1950-03"
    "昭和25年3月3日", "平成元年", "民國39年" (Japanese eras from Meiji 6, 1873; the Republic of China's years)
                                   → "1950-03-03", "[1989-01-08..1989-12-31]", "1950" (see _era_date)
    "1950-01-?"                    → "1950-01-XX" (day unknown, month kept)
    "ca. 1950", "c1950", "circiter 1950", "circ. 1950", "approximately 1950", "approx. 1950", "about 1950",
    "um 1950", "ungefähr 1950", "vers 1950", "environ 1950", "approximativement 1950", "~1950",
    "1538 September etwa 20", "[1541 um November 18]"  → "1950~", "1538-09-20~", "1541-11-18~" (EDTF level 1
                                   "approximate"; "~1950", EDTF level 2, means the same)
    "ca. 1950-1955", "circa 1950–52"  → "1950~/1955~", "1950~/1952~" (each end approximate; see _interval)
    "1546 [Dezember 12]", "1552 [April] 16" (Moritz: an editor's supplied part)  → "1546-12-12", "1552-04-16"
    "[1950?]", "1950 (?)", "probably 1950", "vermutlich 1950", "wohl 1950", "?1950"  → "1950?"; "probably 1950-52"
                                   → "1950?/1952?"
    "[May?] 1950"                  → "1950-?05" (the month alone uncertain: EDTF 2019 level 2 "Qualification",
                                   a qualifier before a component; "1950-05?" would doubt the year too)
    "195X", "1950s"                → "195X"
    "1st quarter 1950", "Q1 1950", "first half of 1950", "1. Halbjahr 1950"  → "1950-33", "1950-40" (EDTF
                                   level 2 sub-year groupings: quarters 33–36, halves 40–41; see _part_of_year)
    "19th century", "the nineteenth century", "19. Jahrhundert", "XIXe siècle", "early 20th century"
                                   → "18XX", "19XX" (EDTF level 1 unspecified digits: the century,
                                   never a part of it; see _century)
    "1743/44", "1950-52", "1949-50", "1899-00", "1920–21"  → "1743/1744", "1950/1952", "1949/1950", "1899/1900",
                                   "1920/1921" (two years, the second cut to its last digits; a hyphen
                                   before 01–12 or 21–41 is EDTF: "1950-12", "1950-21"; see _later_year)
    "1949-12-22/1950-02-14", "December 1949 – January 1950", "22–25 December 1949",
    "1552 September 26/Oktober 8", "July 30/31, 1957", "June 7–12, 1965", "1949/12/22 – 1950/01/05" (each
    date year first, or one of them, "1949/12/22 – 1950"; "12/1949 – 02/1950", "22/12/1949 – 05/01/1950": each date's
    slashes its own, split at the dash, see _slashed_ends; "12/22/1949 – 01/05/1950": a number over 12 in one date tells
    day or month first for both, see _range_ends)  → intervals "a/b"
                                   (each side keeps its own precision; EDTF level 0 "Time Interval"); a range
                                   from a date to itself is that date ("12/1949 – 12/1949" → "1949-12")
    "December 30-January 2, 1965", "30 December–2 January 1965", "December-January 1965" (the year
    written once, at the end, and the start month after the end month)  → "1964-12-30/1965-01-02",
                                   "1964-12/1965-01": the start lies in the year before (a range so read
                                   shorter than half a year; see _interval)
    "December 13-14, 1964", "13.-14. Dezember 1964", "December 30, 1964-January 2, 1965", "March-April 1950"
    (FRUS datelines, the Moritz letter index: a hyphen typed for the dash)  → "1964-12-13/1964-12-14",
                                   "1964-12-30/1965-01-02", "1950-03/1950-04" (see _HYPHEN); a range
                                   ending before it starts ("December 14-13, 1964") is not read, nor a
                                   day before its own month ("22/XII.1949", "22-December 1949": separators
                                   mixed or a slip, no range)
    "10/21 April 1720", "1720-04-10/21", "March 3/16, 1917", "Feb. 28/March 13, 1917",
    "December 21/January 3, 1918"  → "1720-04-21", "1917-03-16", "1917-03-13", "1918-01-03": Old Style / New Style
                                   dual dates give the New Style (Gregorian) day, when the second day
                                   is the first's Gregorian day (1582–1923); other pairs stay intervals
    "10 February 1720/21", "Feb. 10, 1720/1"  → "1721-02-10" (an Old Style double year: the year
                                   counted from 1 January, the day as written; see _one_year)
    "3 March 1917 O.S.", "(O.S.)", "old style", "st. v.", "stilo veteri", "a. St.", "ст. ст."
                                   → "1917-03-16" (the Gregorian day; a month or year the set of its
                                   Gregorian days; see _old_style); "N.S.", "n. St.", "stilo novo":
                                   the day is Gregorian already, "16 March 1917 N.S." → "1917-03-16"
    "before 1 May 1950", "vor Mai 1950", "after 1950", "not after 1 May 1950", "avant le 1er mai 1950"
                                   → "[..1950-04-30]", "[..1950-04]", "[1951..]", "[..1950-05-01]" (EDTF
                                   2019 Level 2 sets open at one end: one day on or before / after;
                                   "before" and "after" exclude the date named, see _bounded)
    "[1552 März vor 12]", "1552 April nach 3", "1548 nach März 19", "1548 November 10 nach" (the Moritz
    letter index: the bound after the year)  → "[..1552-03-11]", "[1552-04-04..]", "[1548-03-20..]",
                                   "[1548-11-11..]" (see _bound_inside)
    "May or June 1950", "[1544 Februar oder März]", "1546 Juni 28 oder 29"  → "[1950-05,1950-06]",
                                   "[1544-02,1544-03]", "[1546-06-28,1546-06-29]" (EDTF level 2 set, one of)
    "December 30 and 31, 1957", "1542 Mai 5 und 6"  → "{1957-12-30,1957-12-31}", "{1542-05-05,1542-05-06}"
                                   (EDTF level 2 set, all of; see _set_of)
    "Spring 1950", "Frühjahr 1950", "hiver 1950", "1547 Frühjahr" (the Moritz letter index: the
    season after the year)  → "1950-21" … "1950-24", "1547-21" (EDTF seasons; their
                                   months: legation.records.dates; "Winter 1949" is January 1949 to
                                   February 1950, either winter); "Winter 1949-50", "winter of 1949/50",
                                   "hiver 1949-1950", "invierno de 1949/50" → "1949-12/1950-02" (the one
                                   winter both years name, its months; no other season runs over the new
                                   year, so "Summer 1949-50" is not read)
    "Early May 1955", "late 1949", "mid-1950", "end of 1948", "beginning of March 1950", "Anfang Mai 1547",
    "Mitte Juni 1550", "Ende 1548", "[1547 Juli Mitte]", "1548 DezemberAnfang" (Moritz), "début mai 1950"
                                   → "1955-05", "1949", "1950", "1948", "1950-03", "1547-05", "1550-06",
                                   "1548", "1547-07", "1548-12", "1950-05": the period the words qualify
                                   (EDTF has no early/late qualifier; see _part_of)
    "44 BC", "44 B.C.", "44 BCE", "753 v. Chr."  → "-0043", "-0752" (astronomical year numbering:
                                   1 BC is "0000"); "15 March 44 BC" → "-0043-03-15"; "50–44 BC"
                                   → "-0049/-0043"; "AD 800", "800 CE" → "0800". Such dates keep
                                   no earliest/latest day (Python's dates start at year 1)
    EDTF as written ("1533-01-06", "/1541-07-18", "[1553-07-15,1553-07-19]", "1547-06-08?",
    "1950-21", "-0043")
                                   → kept as is; "1541-07-18/?" (EDTF draft "unknown end")
                                   → "1541-07-18/"
    "1950-02-14T10:00", "1950-02-14 10:00:00Z", "1950-02-14T10:00+01:00"  → "1950-02-14" (ISO 8601
                                   date-times, as spreadsheets and TEI @when write them: the day
                                   is kept, the time dropped)
    "October 2, 1968, 1:30 p.m.", "January 16, 1956—7:02 p.m.", "January 21, 1971, 2200Z",
    "March 30, 1977, 11:15 a.m.–2:15 p.m.", "February 15, 1965, noon"
    "September 14, 1948—12 noon", "10 March 1953—[3:08 p.m.]", "August 1, 1969 1201Z", "February 15, 1955,
    Afternoon Session"             → the day alike (FRUS datelines with the time of day; see _TIME_OF_DAY)
    "January 26 [27], 1955", "September 9 [30?], 1955"  → "[1955-01-26,1955-01-27]" (the day printed or
                                   the editor's, one of a set); "August 27?, 1956" → "1956-08-?27" (the
                                   day alone in doubt; see _one_day)
    "1547 August 9 präs.", "[vorgetragen Trient 1552 Januar 10]", "1550 April 3 um", "1552 [=1553] Januar 1"
                                   → "1547-08-09", "1552-01-10", "1550-04-03", "1553-01-01" (the Moritz
                                   letter index: the day presented, a time cut off, an editor's year)
    "undated", "[Undated.]" (FRUS), "n.d.", "o. D.", "s.d.", "sans date", ""  → "" (undated, not flagged)
    "1 January 1950 (draft)", "1950 [copy]"  → "1950-01-01", "1950": a note in brackets after the date,
                                   holding no digit, is no part of it (kept in the text; see _noted)

Rules: the text is kept verbatim; precision is never invented (a year stays a year, a month a
month); square brackets (an editor's supplied date) are dropped from the value; a string that is
not understood gives ``edtf=""`` and ``flagged=True`` so the record still loads and a curator can
find it (and :func:`unread_reason` says why of a date in numbers, or of a range with one at an end: "1949/12/22/1950", whose slashes part a date
and join a range alike, may be 1949 to 1950-12-22 or 1949-12-22 to 1950, and is not read), and so does a date in a year to come ("2150": a typo in an archive of what has happened;
``future`` says so, and ingest lists it apart). Every EDTF value returned is checked with the
``edtf`` library through :func:`legation.records.dates.edtf_day_bounds` (which also gives the
earliest/latest day). What the library cannot read is not guessed at: "Spring 1950?" (a qualified season) is flagged.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import roman

from legation.printable import DASHES
from legation.records.dates import MONTHS, day_bounds, edtf_day_bounds, edtf_from_iso, lies_within
from legation.records.document_record import DocumentRecord, RecordError


@dataclass(frozen=True)
class ParsedDate:
    """The result of :func:`parse_archival_date`.

    ``edtf``: the EDTF value, ``""`` when undated or not understood; ``flagged``: True when the
    text names a date that could not be read, or one in a year to come (a curator should look);
    ``text``: the date exactly as given (surrounding whitespace removed); ``future``: True when
    the date was read but lies in a year to come (then ``flagged`` too, ``edtf`` ``""``), so that
    the ingest report can say so rather than that it could not be read.
    """

    edtf: str
    flagged: bool
    text: str
    future: bool = False


_MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janner jänner janvier janv gennaio ianuarius januarii ianuarii enero janeiro"
        " styczeń stycznia styczen ocak январь января янв",
        "february feb febr februar feber fevrier février fevr févr febbraio februarii febrero fevereiro"
        " luty lutego şubat subat февраль февраля фев февр",
        "march mar marz märz maerz mars marzo martii merzen março marco marzec marca mart март марта мар",
        "april apr avril avr aprile aprill aprilis abril kwiecień kwietnia kwiecien nisan апрель апреля апр",
        "may mai maggio maii mayo maio maj maja mayıs mayis май мая",
        "june jun juni juin giugno junii iunii juny junio junho czerwiec czerwca haziran июнь июня июн",
        "july jul juli juillet juil luglio julii iulii julio julho lipiec lipca temmuz июль июля июл",
        "august aug aout août agosto augusti sierpień sierpnia sierpien ağustos agustos август августа авг",
        "september sep sept settembre septembre septembris septiembre setiembre setembro wrzesień września"
        " wrzesien wrzesnia eylül eylul сентябрь сентября сен сент",
        "october oct okt oktober octobre ottobre octobris octubre outubro październik października pazdziernik"
        " pazdziernika ekim октябрь октября окт",
        "november nov novembre novembris noviembre novembro listopad listopada kasım kasim ноябрь ноября ноя нояб",
        "december dec dez dezember decembre décembre dicembre decembris dezembris diciembre dezembro grudzień"
        " grudnia grudzien aralık aralik декабрь декабря дек",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTH_NAMES[_name] = _number
_TURKISH = frozenset("ocak şubat subat mart nisan mayıs mayis haziran temmuz ağustos agustos eylül eylul ekim kasım kasim aralık aralik".split())
_RUMI_YEARS = range(1256, 1343)  # Rumi (Ottoman fiscal) years 1256–1342 are 1840–1926: "16 Mart 1336" is 16 March 1920
_RUMI_MONTHS = {
    "mart": 3, "nisan": 4, "mayis": 5, "haziran": 6, "temmuz": 7, "agustos": 8, "eylul": 9, "tesrinievvel": 10,
    "tesrinisani": 11, "kanunuevvel": 12, "kanunusani": 1, "subat": 2,
    "ekim": 10, "kasim": 11, "aralik": 12, "ocak": 1,  # the names of 1945 (Law 4696), which editions put for the old ones
}  # fmt: skip
_RUMI = re.compile(r"(?:(?P<day>\d{1,2})\.?\s+)?(?P<month>[^\W\d_](?:[^\W\d_]|[\u0302'’-])*(?:[\s-]+[^\W\d_]+)?)\s+(?P<year>\d{4})")
# Japanese era names (gengō) with each era's first and last day, Gregorian, as the Cabinet Office proclaimed
# them; Meiji from 1873, when Japan took the Gregorian calendar (Meiji 5, 12th month, 3rd day became 1 January
# 1873: Wikipedia, "Japanese calendar"): its earlier years are lunisolar, their months not ours. The Republic
# of China counts years from 1912 with Gregorian days (Wikipedia, "Minguo calendar"): 民國39年 is 1950.
_ERAS = {
    "明治": (dt.date(1873, 1, 1), dt.date(1912, 7, 29), 1868),
    "大正": (dt.date(1912, 7, 30), dt.date(1926, 12, 24), 1912),
    "昭和": (dt.date(1926, 12, 25), dt.date(1989, 1, 7), 1926),
    "平成": (dt.date(1989, 1, 8), dt.date(2019, 4, 30), 1989),
    "令和": (dt.date(2019, 5, 1), dt.date(9999, 12, 31), 2019),
    "民國": (dt.date(1912, 1, 1), dt.date(9999, 12, 31), 1912),
}
_ERAS |= {"民国": _ERAS["民國"], "中華民國": _ERAS["民國"], "中华民国": _ERAS["民國"]}
_ERA_YEAR = re.compile(
    r"(?P<era>" + "|".join(sorted(_ERAS, key=len, reverse=True)) + r")\s?(?P<year>\d{1,3}|元)\s?年"
    r"(?:\s?(?P<month>\d{1,2})\s?月(?:\s?(?P<day>\d{1,2})\s?日)?)?"
)


def roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral in any case (``XII`` → 12, ``xxix`` → 29, through the ``roman``
    library), ``None`` when it is none (``IIII``, ``IC``, ``""``)."""
    try:
        return roman.fromRoman(numeral.upper())
    except roman.InvalidRomanNumeralError:
        return None


def _roman_month(token: str) -> int | None:
    """A month written as a Roman numeral in capitals or small letters (``XII``, ``xii`` → 12), ``None``
    for anything else (``Xii``, ``XIII``)."""
    value = roman_value(token) if token.isupper() or token.islower() else None
    return value if value is not None and 1 <= value <= 12 else None


_ROMAN = r"(?:[IVX]{1,4}|[ivx]{1,4})"  # a month's Roman numeral in a date written in numbers (22.XII.1949, 22.xii.1949)


def _month_number(token: str) -> int | None:
    """The month 1–12 a date written in numbers names in ``token``, in digits or a Roman numeral (``"12"``, ``"XII"``,
    ``"xii"`` → 12), ``None`` when it names none (``"13"``, ``"00"``, ``"XIII"``)."""
    month = int(token) if token.isdigit() else _roman_month(token)
    return month if month and 1 <= month <= 12 else None


_UNDATED = re.compile(
    r"^\[?\s*(?:undated|no date|n\.\s?d\.?|s\.\s?d\.?|o\.\s?d\.?|o\.\s?j\.?|sans date|ohne datum|undatiert|sine dato|s\.\s?f\.?|nd)\.?\s*\]?\.?$",  # FRUS: "Undated.", "[Undated.]"
    re.I,
)
_SEASON_NAMES: dict[str, int] = {
    name: code
    for code, names in (
        (21, "spring frühjahr frühling printemps primavera"),
        (22, "summer sommer été ete estate verano"),
        (23, "autumn fall herbst automne autunno otoño otono"),
        (24, "winter hiver inverno invierno"),
    )
    for name in names.split()
}  # EDTF level 1 seasons: 21 spring … 24 winter
# "Spring 1950", "winter of 1949-50" (a winter over the new year: its months, see _simple)
_SEASON = re.compile(r"^(\w+)\s+(?:of\s+|de\s+|del\s+)?(\d{4})(?:\s*(?:[-–—/]|\bto\b)\s*(\d{4}|\d{2}))?$")
_SEASON_AFTER = re.compile(r"^(\d{4})\s+(\w+)$")  # the Moritz letter index: "1547 Frühjahr", "1547 Sommer"
_BCE = re.compile(
    r"^(?P<date>.*?\d)\s*(?:B\.?\s?C\.?(?:\s?E\.?)?|v\.\s?Chr\.?|vor Christus|av\.\s?J\.?\s?-?\s?C\.?|a\.\s?C\.?)$", re.I
)
_CE = re.compile(r"^(?:A\.?\s?D\.?\s+(?P<after>\d.*)|(?P<before>.*?\d)\s*(?:A\.?\s?D\.?|C\.?\s?E\.?|n\.\s?Chr\.?|d\.\s?C\.?))$", re.I)
# The words of a date approximate (EDTF "~"), before it ("ca. 1950", _APPROX) or in a note after it ("1950 (circa)",
# _noted): English, Latin ("circiter", "circ.", as TEI editions write it), German, French. A longer word is tried
# before the shorter one that begins it: "approximately 1950" left "imately 1950" after "approx", "environ 1571" "iron
# 1571" after "env"
_APPROX_WORDS = (
    r"ca\.?|c\.|circa|circiter|circ\.?|approximately|approximativement|approx\.?|about|around|um|etwa|ungefähr|vers|environ|env\.?"
)
_APPROX = re.compile(rf"^(?:{_APPROX_WORDS}|c(?=\d)|~)\s*", re.I)  # "c1950", "~1571" too
# A date in doubt said in words: "probably 1950", "wohl 1571" (German) are EDTF "1950?" as "[1950?]" is (level 1
# "Qualification of a date")
# The words of a date in doubt (EDTF "?"), before it (_UNCERTAIN) or in a note after it ("1950 (probably)", _noted)
_UNCERTAIN_WORDS = r"probably|possibly|perhaps|presumably|prob\.|wahrscheinlich|vermutlich|wohl|probablement|vraisemblablement"
_UNCERTAIN = re.compile(rf"^(?:{_UNCERTAIN_WORDS})\s+", re.I)
# A qualifier before a year alone, "~1571" (EDTF 2019 level 2: the year's own qualifier), says what it says after
# the year, "1571~" (level 1), which pages show in words
_QUALIFIED_YEAR = re.compile(r"([?~%])(\d{4})")
_FILLERS = {"the", "of", "le", "den", "am", "de", "del", "der", "on", "г", "год", "года", "r", "roku"}  # 1950 г., 1950 r.
_BETWEEN = re.compile(r"\b(?:zwischen|between|entre)\s+(.+?)\s+(?:und|and|et)\s+", re.I)
# A time of day after the date, as FRUS datelines give it: "October 2, 1968, 1:30 p.m.", "January 16,
# 1956—7:02 p.m.", "March 30, 1977, 11:15 a.m.–2:15 p.m.", "January 21, 1971, 2200Z" (a time in UTC),
# "February 15, 1965, noon". The day is the date: a time needs minutes, a.m./p.m., Z, noon or midnight,
# so that "1950, 12" or "1950-12" is never taken for one, and after a hyphen a date with a month's name
# ("September 26, 1955-5:18 p.m."), so that "1950-12:30" is not "1950". The FRUS datelines print more
# forms of it, each after a space too: "12 noon", "12.30 p.m.", "p.m." alone, an editor's brackets
# ("—[3:08 p.m.]", "—[noon?]", "8:21[?] p.m.", "10 a. m. [p. m.]", "[illegible] p.m"), "l p.m." (an l
# for 1), "1201Z" and mistyped "09095Z", "0317Z1", "0900 Hours", "EST", a part of the day or a session
# of talks ("Afternoon Session", "Session II"); after a space only when the date ends in its year.
_AMPM = r"[ap]\.?\s?m\b\.?"
_H = r"(?:\d{1,2}|l)"
_CLOCK = (
    r"\[?(?:" + _H + r":\d{2}(?:\[\?\])?(?:\s*" + _AMPM + r")?|" + _H + r"\.\d{2}\s*" + _AMPM + "|" + _H + r"\s*" + _AMPM
    + r"|(?:\[[^\[\]\d]*\]\s*)?[ap]\.\s?m\b\.?|\d{3,5}\s?Z\d?|\d{4}\s+hours|(?:\d{1,2}\s+)?noon|midnight"
    + r"|(?:morning|afternoon|evening)(?:\s+session)?|session\s+[IVX\d]+)\??\]?"
    + r"(?:\s*\[[^\[\]\d]*\])?(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC)\)?)?"
)
_HOUR = r"\d{1,2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?"  # the start of a span of time: "10–11 a.m."
_TIME_OF_DAY = re.compile(
    r"^(?P<date>.*?\d)(?:\s*(?P<sep>,|\.|—|–|-{1,2})\s*|(?<=\d{4})\s+)"
    r"(?:" + _HOUR + r"\s*(?:–|—|-|to)\s*" + _CLOCK + "|" + _CLOCK + r")[.,]?$",
    re.I,
)
_DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](?:[01]\d|2[0-4]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$")
_BOUND_WORDS = {
    "<": "before, prior to, shortly before, sometime before, vor, kurz vor, avant, peu avant, ante",
    ">": "after, shortly after, sometime after, nach, kurz nach, bald nach, après, peu après, post",
    "<=": "not after, on or before, no later than, not later than, nicht nach, vor oder am, spätestens, pas après, au plus tard, non post",
    ">=": "not before, on or after, no earlier than, not earlier than, nicht vor, frühestens, pas avant, au plus tôt, non ante",
}  # fmt: skip
_BOUND_SIDE = {words: side for side, all_words in _BOUND_WORDS.items() for words in all_words.split(", ")}
_BOUND = re.compile(
    r"^(?P<words>" + "|".join(w.replace(" ", r"\s+") for w in sorted(_BOUND_SIDE, key=len, reverse=True)) + r")\s+(?P<date>.+)$", re.I
)
_MONTH = "|".join(re.escape(name) for name in sorted(_MONTH_NAMES, key=len, reverse=True))
_APPROX_INSIDE = re.compile(r"\s(?:um|etwa|ca\.|circa|vers|about)\s+(?=\d|(?:" + _MONTH + r")\b)", re.I)  # "1538 September etwa 20"
_BOUND_INSIDE = re.compile(  # Moritz: "1552 März vor 12", "1548 nach März 19", "1541 kurz vor Juli 18"
    r"^(?P<year>\d{4})\s+(?:(?P<month>" + _MONTH + r")\.?\s+)?(?P<words>"
    + "|".join(w.replace(" ", r"\s+") for w in sorted(_BOUND_SIDE, key=len, reverse=True))
    + r")\s+(?:(?P<later>" + _MONTH + r")\.?\s+)?(?P<day>\d{1,2})\.?$",
    re.I,
)
_BOUND_LAST = re.compile(r"^(?P<year>\d{4})\s+(?P<month>" + _MONTH + r")\.?\s+(?P<day>\d{1,2})\.?\s+(?P<words>vor|nach)$", re.I)  # "1548 November 10 nach"
_DOUBLE_YEAR = re.compile(r"^(?P<before>(?:.*\D)?)(?P<year>\d{4})\s*/\s*(?P<next>\d{4}|\d{1,2})(?P<after>(?:\D.*)?)$")
_STYLE = re.compile(  # a calendar named after a date: Old Style (Julian), New Style (Gregorian)
    r"^(?P<date>.*?[\d\]])[\s,]*[(\[]?\s*(?:(?P<old>O\.\s?S\.?|old\s+style|st(?:ilo|ylo)?\.?\s*v(?:et(?:eri)?)?\.?"
    r"|a\.\s?St\.?|alten\s+Stils|ст\.\s?ст\.?)|(?P<new>N\.\s?S\.?|new\s+style|st(?:ilo|ylo)?\.?\s*n(?:ov)?o?\.?"
    r"|n\.\s?St\.?|neuen\s+Stils|н\.\s?ст\.?))\s*[)\]]?\.?$",
    re.I,
)
_YEAR_FROM_LADY_DAY = 1752  # England's year began on 25 March until 1751 (Calendar (New Style) Act 1750, 24 Geo. 2 c. 23)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# A hyphen without spaces between two dates, as typed for a dash: after a day ("December 13-14, 1964",
# "13-14 December 1964", "13.-14. Dezember 1964", "March 30-April 2, 1965"), after a year or a month before
# a month ("December 30, 1964-January 2, 1965", "March-April 1950", "Sept.-Oct. 1950"), after a year before a
# day and its month ("30 December 1964-2 January 1965", "30. Dezember 1964-2. Januar 1965"). Never a hyphen of one
# ISO date ("1950-12-22", "1950-12": a day is one or two digits not joined to other digits by a hyphen, and a
# year is followed by a month's name only), of two years ("1950-51" is not split; "1950-1951" is read apart,
# see _interval), or inside a word ("Kânun-ı Sânî", "Ẕī l-ḥicce": a month's name has three letters or more).
_HYPHEN = (
    r"(?:(?<=(?<![\d-])\d)|(?<=(?<![\d-])\d\d)|(?<=\d\.))-(?=\d{1,2}(?![\d-])|[^\W\d_]{3})"
    r"|(?:(?<=(?<![\d-])\d{4})|(?<=[^\W\d_]{3})|(?<=[^\W\d_]\.))-(?=[^\W\d_]{3})"
    r"|(?:(?<=(?<![\d-])\d{4})|(?<=[^\W\d_]{3}))-(?=\d{1,2}\.?\s+[^\W\d_]{3})"  # a year or a month, then a day before
    # its month: "30 December 1964-2 January 1965", "30 December-2 January 1965"
)
_RANGE_SPLIT = re.compile(r"\s*(?:–|—|\s-\s|\bto\b|\bbis\b|\bau\b|/|" + _HYPHEN + r")\s*")
# A part of a year, month or season named in words: "Early May 1955", "late 1949", "mid-1950", "end of 1948",
# "beginning of March 1950", "Anfang Mai 1547", "Mitte Juni 1550", "Ende 1548", "[1547 Juli Mitte]", "1552 Mai
# Ende" (the Moritz letter index writes the word after the month), "début mai 1950", "mi-juin 1950". EDTF has no
# such qualifier, so the date is the period the words qualify (see _part_of).
_PART_OF = re.compile(
    r"(?<![^\W\d_])(?:(?:the\s+)?(?:early|late|mid(?:dle\s+of)?|beginning\s+of|start\s+of|end\s+of)(?:\s+the)?"
    r"|anfangs?|beginn|mitte|ende|début|debut|fin|milieu|mi)(?:\s+(?:de|du|d['’]|des))?(?:-|(?=[\s\]?]|$))",
    re.I,
)
_SET_WORD = re.compile(r"\s+(?:(?P<one>or|oder|ou|o)|and|und|et)\s+", re.I)  # "May or June 1950", "1542 Mai 5 und 6"
_GLUED_PART = re.compile(r"(?<![^\W\d_])(" + _MONTH + r")(anfang|mitte|ende)(?![^\W\d_])", re.I)  # Moritz: "1548 DezemberAnfang"
_PERIOD = re.compile(  # a year, month or season (no day), a winter over the new year, decade, century
    r"-?\d{4}(?:-\d{2})?[?~%]?|\d{4}-12/\d{4}-02|\d{3}X[?~%]?|\d{2}XX[?~%]?"
)
# A quarter or half of a year: "1st quarter 1950", "first half of 1950", "Q1 1950", "1. Quartal 1950", "erstes
# Halbjahr 1950", "premier trimestre 1950", "second semestre 1950"; of a century: "second half of the 19th century"
_PART_NUMBERS = {
    "first": 1, "1st": 1, "1.": 1, "erste": 1, "ersten": 1, "erstes": 1, "premier": 1, "1er": 1,
    "second": 2, "2nd": 2, "2.": 2, "zweite": 2, "zweiten": 2, "zweites": 2, "deuxième": 2, "seconde": 2, "2e": 2,
    "third": 3, "3rd": 3, "3.": 3, "dritte": 3, "dritten": 3, "drittes": 3, "troisième": 3, "3e": 3,
    "fourth": 4, "4th": 4, "4.": 4, "vierte": 4, "vierten": 4, "viertes": 4, "quatrième": 4, "4e": 4,
    "last": 0, "letzte": 0, "letzten": 0, "letztes": 0, "dernier": 0,
}  # fmt: skip
_PART_UNITS = {"quarter": 4, "quartal": 4, "trimestre": 4, "half": 2, "halbjahr": 2, "hälfte": 2, "jahreshälfte": 2, "semestre": 2}
_PART_OF_YEAR = re.compile(
    r"(?:the\s+|das\s+|die\s+|le\s+)?(?P<n>\S+)\s+(?P<unit>" + "|".join(_PART_UNITS) + r")"
    r"\s+(?:of\s+(?:the\s+year\s+|the\s+)?|des\s+(?:jahres\s+)?|de\s+(?:l['’]année\s+)?|du\s+|d['’])?(?P<rest>.+)"
    r"|Q(?P<q>[1-4])\s*(?P<qyear>\d{4})|(?P<yearq>\d{4})\s*Q(?P<q2>[1-4])",
    re.I,
)
_ORDINAL_WORDS = {
    word: n
    for n, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth"
        " fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first".split(),
        start=1,
    )
}
# A century: "19th century", "the nineteenth century", "19th c.", "19. Jahrhundert", "19. Jh.", "XIXe siècle", "19e siècle"
_CENTURY = re.compile(
    r"(?:the\s+)?(?:(?P<number>\d{1,2})(?:st|nd|rd|th)|(?P<word>[a-z]+(?:-[a-z]+)?))\s+(?:century|cent\.?|c\.)"
    r"|(?P<german>\d{1,2})\.\s*(?:Jahrhunderts?|Jh(?:dt?)?\.?)"
    r"|(?P<french>\d{1,2}|[IVXL]+)(?:e|ème|eme)\s+siècle",
    re.I,
)


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def _try_edtf(value: str) -> str:
    """``value`` when the edtf library accepts it (and gives bounds), else ``""``."""
    if not value or not re.fullmatch(r"[0-9XY\-/.,\[\]{}?~%:+]+", value) or not re.search(r"\d{4}|\d{2}X|\dXX", value):
        return ""
    if re.search(r"\d\.\d", value):  # 1963.12.17: EDTF has ".." (sets) but never one dot between digits
        return ""
    try:
        edtf_day_bounds(value)  # None (no error) for a valid date before year 1
    except (RecordError, Exception):  # the edtf library raises assorted errors on odd input
        return ""
    return value


# a day written in numbers, day and month first in either order, with slashes, hyphens or spaces ("22 12 1949", as a
# typist leaves out the marks): what _components reads, and what either_order and numbered_day_problem say of it when
# it cannot
_NUMBERED = re.compile(r"\s*(\d{1,2})([/-]|\s+)(\d{1,2})\2(\d{4})\s*")
# a day written in numbers with full stops, the day first (22.12.1949, 22.XII.1949, 5. 6. 1949): what _components reads,
# and what numbered_day_problem says of it when it cannot
_DOTTED_DAY = re.compile(rf"\s*(\d{{1,2}})\.\s?(\d{{1,2}}|{_ROMAN})\.\s?(\d{{4}})\s*")
# a month and its year in numbers, "12/1949", "12-1949", "12.1949", "XII/1949", "XII.1949" (spreadsheets' MM/YYYY): one
# month, as no range or day is so written (a year of four digits after a number 1–12); what _components reads, and
# what numbered_day_problem says of it when the number is no month ("13/1949")
_MONTH_YEAR = re.compile(rf"\s*(?P<month>\d{{1,2}}|{_ROMAN})(?:\.\s?|[/-])(?P<year>\d{{4}})\s*")
# dashes typed (or set by a word processor or a font) for the hyphens of one date written in numbers: en dashes,
# "22–12–1949", "22–XII–1949", "1949–12–22", and the other dashes of the project's one list (printable.DASHES), figure dashes,
# em dashes, minus signs, "22‒12‒1949", "22—12—1949", "22−12−1949", are read as "22-12-1949" … (_hyphened). One dash twice
# joins the three parts, with no other dash or letter beside them, where a range has one ("1949–1950", "22—25 December 1949",
# "22-12-1949 – 13-01-1950"): a range is never read as a day
_DASHES = DASHES.replace("-", "")  # hyphens, figure dash, en and em dashes, horizontal bar, minus sign: not the hyphen-minus
_EN_DASHED = re.compile(
    rf"(?<![\w{_DASHES}])(?:\d{{1,2}}(?P<dash>[{_DASHES}])(?:\d{{1,2}}|{_ROMAN})(?P=dash)\d{{2,4}}"
    rf"|\d{{4}}(?P<dash4>[{_DASHES}])\d{{1,2}}(?P=dash4)\d{{1,2}})(?![\w{_DASHES}])"
)


def _hyphened(text: str) -> str:
    """``text`` with each date written in numbers closed up (:func:`_closed_up`) and its dashes as hyphens (see
    ``_EN_DASHED``): ``"22 – 12 – 1949"`` → ``"22-12-1949"``, ``"1949 / 12 / 22"`` → ``"1949/12/22"``; but for a year and
    the two years after it (:func:`_years_run`), ``"1911–12–13"``, the day or the years 1911–1913, left as written (and so
    unread, :func:`_run_reason` saying both) as ``"1911/12/13"`` is (:func:`_year_first`). The shared corpora write three
    numbers so, the year first, only as runs of years, never as a day: "the 1943–44–45 bombing of Germany", "payment
    1967–68–69" (FRUS; and "1958–1959–1960", "FY 1955–1956–1957"), where ISO 8601's hyphens date tens of thousands
    of days. The hyphens themselves are ISO 8601's: "1911-12-13" is the day."""

    def hyphens(m: re.Match) -> str:
        if m["dash4"] and _years_run(re.findall(r"\d+", m[0])):
            return m[0]
        return m[0].replace(m["dash"] or m["dash4"], "-")

    return _EN_DASHED.sub(hyphens, _closed_up(text))


# the separators of a date written in numbers, in a character class: the dashes, a slash, the hyphen-minus last
_SEPARATORS = f"{_DASHES}/-"
# a date written in numbers with spaces around its separators, one dash, hyphen, slash or full stop twice, as a word
# processor or a typist sets them: "22 – 12 – 1949", "22 - XII - 1949", "1949 / 12 / 22", "1949/ 12 /22", "22 / 12 / 49",
# "22 . 12 . 1949" (_closed_up). Only where no other separator stands beside it, beyond spaces too: in "22 – 12 – 1949 – 13 – 01 – 1950" which dash ends the date
# is the reader's guess (see _RUN)
_SPACED = re.compile(
    rf"(?<![\w{_SEPARATORS}])(?:\d{{1,2}}\s*(?P<sep>[.{_SEPARATORS}])\s*(?:\d{{1,2}}|{_ROMAN})\s*(?P=sep)\s*\d{{2,4}}"
    rf"|\d{{4}}\s*(?P<sep4>[.{_SEPARATORS}])\s*(?:\d{{1,2}}|{_ROMAN})\s*(?P=sep4)\s*\d{{1,2}})(?![\w{_SEPARATORS}])"
)
_BESIDE = re.compile(rf"[{_SEPARATORS}]")


def _closed_up(text: str) -> str:
    """``text`` with the spaces around the separators of each date written in numbers taken out (see ``_SPACED``),
    so that it reads as written without them: ``"22 – 12 – 1949"`` → ``"22–12–1949"``, ``"c. 1949 / 12 / 22"`` →
    ``"c. 1949/12/22"``; ``"1949 / 12 / 22 / 1950"`` as given (:func:`_run_reason`)."""

    def closed(m: re.Match) -> str:
        before, after = text[: m.start()].rstrip(), text[m.end():].lstrip()
        if _BESIDE.fullmatch(before[-1:]) or _BESIDE.fullmatch(after[:1]):
            return m[0]
        return re.sub(r"\s+", "", m[0])

    return _SPACED.sub(closed, text) if _SPACED.search(text) else text


# four numbers or more joined by one separator, with spaces around each or none: "1949/12/22/1950", "22–12–1949–1950",
# "22 – 12 – 1949 – 13 – 01 – 1950". The one mark parts a date's numbers and joins the dates of a range alike, so which
# numbers make a date is a guess: not read (parse_archival_date), and _run_reason says what it may be
_RUN = re.compile(
    rf"\s*\d{{1,4}}(?:(?P<sep>[{_SEPARATORS}])\d{{1,4}}(?:(?P=sep)\d{{1,4}}){{2,}}"
    rf"|\s+(?P<spaced>[{_SEPARATORS}])\s+\d{{1,4}}(?:\s+(?P=spaced)\s+\d{{1,4}}){{2,}})\s*"
)
# such numbers with spaces beside some separators only, "1949/12/22 /1950", "22–25 – 12 – 1949": left to the reader, which
# the spaces may guide, and when it cannot read them, said as a run (_run_reason)
_SPACED_RUN = re.compile(rf"\s*\d{{1,4}}\s*(?P<sep>[{_SEPARATORS}])\s*\d{{1,4}}(?:\s*(?P=sep)\s*\d{{1,4}}){{2,}}\s*")
# three numbers joined by one separator: a date's ("22/12/1949"), a run of years ("1743/44/45"), or two dates whose
# mark parts a date's numbers and joins the dates alike ("1949/12/1950": 1949 to December 1950, or December 1949 to
# 1950), not read (parse_archival_date), and _run_reason says what it may be
_THREE_NUMBERS = re.compile(rf"\s*\d{{1,4}}\s*(?P<sep>[{_SEPARATORS}])\s*\d{{1,4}}\s*(?P=sep)\s*\d{{1,4}}\s*")


# a date written in numbers after its year of four digits and a slash, so its month next: "1949/12/22" (East Asian and
# ISO-minded spreadsheets), "1949/XII/22", "1949/XII.22", "1949/I.5", "1949/22.XII", "1949/XII", "1949/I", "1949/12" (see
# _year_first); or after its year and a space, then its day after a space, "1949 12 22", "1949 XII 22" (spaces for the
# separators, as "22 12 1949" is read: the year of four digits first says the month comes next, as ISO 8601 orders
# them), or no day, "1949 12" (that month: a space joins no two years, as a slash does in "1951/2"); what _components
# reads, and what numbered_day_problem says of it when it cannot. A Roman month of one
# letter (I, V, X) is read here, where nothing but a month stands after the slash, as in "5.V.1950"
_YEAR_FIRST = re.compile(
    rf"\s*(?:(?P<year>\d{{4}})\s*/\s*(?:(?P<month>\d{{1,2}}|{_ROMAN})(?:/(?P<day>\d{{1,2}}))?"
    rf"|(?P<roman>{_ROMAN})\.\s?(?P<rday>\d{{1,2}})|(?P<dday>\d{{1,2}})\.\s?(?P<droman>{_ROMAN}))"
    rf"|(?P<syear>\d{{4}})\s+(?P<smonth>\d{{1,2}}|{_ROMAN})(?:\s+(?P<sday>\d{{1,2}}))?)\.?\s*"
)


def _year_first(text: str) -> tuple[int, str, int | None, str | None] | None:
    """(year, month as written, its number or None when it is no month, day as written or None) of ``text``
    written year first (see ``_YEAR_FIRST``): ``"1949/XII.22"`` → ``(1949, "XII", 12, "22")``, ``"1949/13/22"``
    → ``(1949, "13", None, "22")``; None for any other text, and for a year and a number that name two years
    (``"1951/2"``, ``"1949/50"``, ``"1743/4"``: :func:`_later_year`), which stay a range. Two digits 1–12 after a
    year that name no later one are its month: ``"1949/12"`` is December 1949, as ``"1949/XII"`` is, since 1912
    lies before 1949; ``"1951/2"`` is 1951–52, as DFAT's tables write a financial year ("1951/2", "1954/5").

    Nor a year and two numbers with slashes that name the two years after it, ``"1911/12/13"``, ``"1905/06/07"``,
    ``"1905/6/7"`` (:func:`_years_run`): the day 13 December 1911 or the years 1911, 1912 and 1913, as ``"1743/44/45"``
    is a run of years. The shared corpora decide nothing between the two: the one such string of them all is a run of
    years, a FRUS source note's file "Israel Eyes Only 1960/61/62" (frus1961-63v17), and none writes a day year first
    with slashes (the other numbers of the form, "3038/11/64", "MS4514/9/33", are DFAT's file numbers); so it is left
    unread, and :func:`_run_reason` says both. Spaces (``"1911 12 13"``) join no run of years: that is the day."""
    if not (m := _YEAR_FIRST.fullmatch(text)):
        return None
    year = m["year"] or m["syear"]
    month, day = m["month"] or m["roman"] or m["droman"] or m["smonth"], m["day"] or m["rday"] or m["dday"] or m["sday"]
    if m["year"] and month.isdigit() and day is None and (_later_year(year, month) or not 1 <= int(month) <= 12):
        return None  # "1951/2", "1949/50": two years; "1949/13": neither a month nor a later year
    if m["day"] and month.isdigit() and _years_run([year, month, day]):
        return None  # "1911/12/13": a day, or the years 1911–1913
    number = int(month) if month.isdigit() else _roman_month(month)
    return int(year), month, number if number and 1 <= number <= 12 else None, day


def _years_run(numbers: list[str]) -> list[str]:
    """The years ``numbers`` name when each after the first is the year after the one before, written whole or cut to
    its last digits (:func:`_later_year`): ``["1743", "44", "45"]`` → ``["1743", "1744", "1745"]``, ``["1911", "12",
    "13"]`` → ``["1911", "1912", "1913"]``; ``[]`` when they are no such run (``["1949", "12", "22"]``: 1912 is before
    1949; ``["1905", "06", "30"]``: 1930 does not follow 1906)."""
    years = [numbers[0]] if len(numbers[0]) == 4 else []
    for number in numbers[1:] if years else []:
        if (following := _later_year(years[-1], number)) != f"{int(years[-1]) + 1:04d}":
            return []
        years.append(following)
    return years
# a day written with a year of two digits, "22-12-49", "22.XII.49", "12/22/49", "22-Dec-49" (spreadsheets' dd-mmm-yy): not
# read, as its century would be a guess; what numbered_day_problem says of it
_TWO_DIGIT_YEAR = re.compile(
    rf"\s*(?P<first>\d{{1,2}})(?P<sep>\.\s?|[/-]|\s)(?:\d{{1,2}}|{_ROMAN}|(?i:{_MONTH})\.?)(?P=sep)(?P<year>\d{{2}})\.?\s*"
)


# a month and a year of two digits, "12/49", "12-49", "12.49", "XII/49" (spreadsheets' MM/YY): not read, as its century
# would be a guess, and the module's rule is that no precision is invented (the date element of DACS 2.4 and ISAD(G)
# 3.1.3 likewise holds what the material shows); what numbered_day_problem says of it, with the month written in a
# year of four digits. The year is over 31, so that it is no day either ("12/22" may be December 22 of a year not given)
_MONTH_TWO_DIGIT_YEAR = re.compile(rf"\s*(?P<month>\d{{1,2}}|{_ROMAN})(?P<sep>\.\s?|[/-])(?P<year>3[2-9]|[4-9]\d)\.?\s*")


# a number 1–31 or a Roman month, then two digits, "12/22", "22/12", "13/49", "XII.22": a month and a year of two digits, or
# a day without its year; what numbered_day_problem says of it when _MONTH_TWO_DIGIT_YEAR does not
_TWO_NUMBERS = re.compile(rf"\s*(?P<first>\d{{1,2}}|{_ROMAN})(?P<sep>\.\s?|[/-])(?P<second>\d{{2}})\.?\s*")


def _two_numbers_problem(m: re.Match) -> str:
    """What ``m`` (``_TWO_NUMBERS``), no month of a year of four digits, may be: "12/22 may be December of a year ending in
    22 or a day without its year (December 22 or 12 December): write a month as 12/1922 if 1922 is meant, a day as
    YYYY-MM-DD"; "22/12 names a day without its year (22 December): write the date as YYYY-MM-DD"; "13 is not a month,
    and the year 49 has two digits: write a month as MM/YYYY, the year in four digits" (``13/49``: 49 can only be a year);
    "32 is neither a month nor a day of December: …" (``32/12``); "neither 13 nor 22 is a month: …" (``13/22``), "13 is not
    a month, in either place: …" (``13-13``), where the second may be a day as well as a year."""
    first, second, sep = m["first"], m["second"], m["sep"].strip()
    month, text = _month_number(first), f"{first}{sep}{second}"
    days = []
    for day, in_month in ((second, month), (first, _month_number(second))):  # December 22; 22 December
        if in_month and day.isdigit() and _edtf_of(2000, in_month, int(day)):  # 2000: a leap year, so 29 February is a day
            if (in_month, int(day)) not in days:  # "12/12": December 12 either way
                days.append((in_month, int(day)))
    days = [f"{MONTHS[month - 1]} {day}" if (month, day) == (_month_number(first), int(second)) else f"{day} {MONTHS[month - 1]}"
            for month, day in days]  # fmt: skip
    without_year = f"a day without its year ({' or '.join(days)})" if days else ""
    if month:
        return (f"{text} may be {MONTHS[month - 1]} of a year ending in {second}"
                + (f" or {without_year}" if days else "") + f": write a month as {first}{sep}19{second} if 19{second} is meant"
                + (", a day as YYYY-MM-DD" if days else ""))  # fmt: skip
    if days:
        return f"{text} names {without_year}: write the date as YYYY-MM-DD"
    if second_month := _month_number(second):  # "32/12", "31/02", "00/12": the second a month, the first no day of it
        said = f"{first} is neither a month nor a day of {MONTHS[second_month - 1]}"
        return f"{said}: write a month as MM/YYYY, a day as YYYY-MM-DD"
    if 1 <= int(second) <= 31:  # "13-13", "13/22": the second a day or a year, and neither number a month
        said = f"{first} is not a month, in either place" if first == second else f"neither {first} nor {second} is a month"
        return f"{said}: write a month as MM/YYYY, a day as YYYY-MM-DD"
    return f"{first} is not a month, and the year {second} has two digits: write a month as MM/YYYY, the year in four digits"


def _components(part: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of one date without qualifiers, each possibly missing; None when a
    token is not understood."""
    part = part.strip().strip(",")
    if not part:
        return None
    if m := re.fullmatch(r"(\d{4})\.\s?(\d{1,2})(?:\.\s?(\d{1,2}))?\.?", part):  # 1963.12.17, 1981.12, 1950. 3. 3.
        return int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    if m := re.fullmatch(r"(\d{4})\s?[年년](?:\s?(\d{1,2})\s?[月월](?:\s?(\d{1,2})\s?[日일])?)?", part):  # 1950年3月3日, 1950년 3월 3일
        return int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
    if m := _DOTTED_DAY.fullmatch(part):  # 22.12.1949, 22.XII.1949
        return (int(m[3]), month, int(m[1])) if (month := _month_number(m[2])) else None
    # 31/12/1950 (day first) or 12/31/1950 (month first); 31-12-1950 alike (European spreadsheets), one date: the
    # day or month comes first, so no range of years ("1949-50") or ISO date ("1950-12-31") is so written
    if written := _year_first(part):  # 1949/12/22, 1949/XII.22, 1949/I, 1949/12
        year, _, month, day = written
        return (year, month, int(day) if day else None) if month else None
    if m := _NUMBERED.fullmatch(part):
        first, second = int(m[1]), int(m[3])
        if first > 12 >= second:
            return int(m[4]), second, first
        if second > 12 >= first or first == second:  # 05/05/1950: either way the same day
            return int(m[4]), first, second
        return None  # 05/06/1950: 5 June or May 6 — not guessed
    if (m := re.fullmatch(rf"(\d{{1,2}})([/-])({_ROMAN})\2(\d{{4}})", part)) and (month := _roman_month(m[3])):
        return int(m[4]), month, int(m[1])  # 22/XII/1949, 22-XII-1949: a Roman month, so the day first
    if m := _MONTH_YEAR.fullmatch(part):  # 12.1949, XII.1949, 12/1949, 12-1949
        return (int(m["year"]), month, None) if (month := _month_number(m["month"])) else None
    year = month = day = None
    for token in re.split(r"[\s,]+|(?<=\.)(?=\S)|(?<=[^\W\d_]{3})(?=\d)", part):  # "December2, 1961" (FRUS) too
        token = token.strip(".")
        if not token:
            continue
        low = token.lower()
        if re.fullmatch(r"\d{4}", token):
            if year is not None:
                return None
            year = int(token)
        elif m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|er|e|\.)?", low):
            if day is not None:
                return None
            day = int(m[1])
        elif low in _MONTH_NAMES or low.rstrip(".") in _MONTH_NAMES:
            if month is not None or (low in _TURKISH and any(int(t) in _RUMI_YEARS for t in re.findall(r"\d{4}", part))):
                return None  # a Turkish month with a Rumi year is not read as a year of the common era
            month = _MONTH_NAMES[low.rstrip(".")]
        elif month is None and len(token) > 1 and (roman_month := _roman_month(token)):
            month = roman_month
        elif low in _FILLERS:
            continue
        else:
            return None
    return year, month, day


def _era_date(part: str) -> str:
    """EDTF of a date in a Japanese era or in the Republic of China's years (see ``_ERAS``):
    ``"昭和25年3月3日"`` → ``"1950-03-03"``, ``"民國39年"`` → ``"1950"``; a year or month the era covers
    only in part is the set of its days in the era, ``"昭和元年"`` (元: the first year) →
    ``"[1926-12-25..1926-12-31]"``; ``""`` when ``part`` is no such date, or lies outside its era
    (``"昭和65年"``, ``"昭和元年12月24日"``) or in Meiji's lunisolar years 1–5."""
    if not (m := _ERA_YEAR.fullmatch(part)):
        return ""
    first, last, base = _ERAS[m["era"]]
    year = base + (1 if m["year"] == "元" else int(m["year"])) - 1
    if not (value := _edtf_of(year, int(m["month"]) if m["month"] else None, int(m["day"]) if m["day"] else None)):
        return ""
    earliest, latest = day_bounds(value)
    if earliest > last or latest < first:
        return ""
    if earliest < first or latest > last:
        return _try_edtf(f"[{max(earliest, first).isoformat()}..{min(latest, last).isoformat()}]")
    return value


def _edtf_of(year: int | None, month: int | None, day: int | None) -> str:
    """EDTF of a date read in parts; ``""`` when they make none: no year, a day without its month, a
    day that no month has ("January 0, 1950" was read as January 1950, where "Jan 32 1950" is refused),
    a month 0 ("1949/00/22" is no day of 1949) or over 12 ("22.1950", "1963.22", "1950年22月" were read as EDTF's
    season 22, summer 1950, and "1963.33" as its first quarter: a number in a month's place is a month or none)."""
    if year is None or (day is not None and month is None) or day == 0 or (month is not None and not 0 < month <= 12):
        return ""
    value = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
    try:
        day_bounds(value)
    except RecordError:
        return ""
    return value


def _era(text: str) -> str:
    """EDTF of a date with its era: ``"44 BC"`` → ``"-0043"`` (astronomical year numbering, as
    EDTF and ISO 8601-1 §4.3.2 count: 1 BC is year 0000), ``"15 March 44 B.C."`` →
    ``"-0043-03-15"``, ``"ca. 50 BCE"`` → ``"-0049~"``, ``"50–44 v. Chr."`` → ``"-0049/-0043"``,
    ``"AD 800"``, ``"800 CE"`` → ``"0800"``; ``""`` when ``text`` names no era or is not such a
    date. The year is the last number (one to four digits); days are checked against the
    proleptic Gregorian calendar, as every EDTF date is."""
    qualifier = ""
    if m := _APPROX.match(text):
        qualifier, text = "~", text[m.end():]
    if m := _BCE.match(text):
        date, sign = m["date"], -1
    elif m := _CE.match(text):
        date, sign = m["after"] or m["before"], 1
    else:
        return ""

    def year(n: str) -> str:
        value = int(n) if sign > 0 else 1 - int(n)
        return f"{value:05d}" if value < 0 else f"{value:04d}"

    if r := re.fullmatch(r"(\d{1,4})\s*(?:–|—|-|/|\bto\b|\bbis\b)\s*(\d{1,4})", date.strip()):  # 50–44 BC
        first, last = year(r[1]), year(r[2])
        return _try_edtf(f"{first}{qualifier}/{last}{qualifier}") if int(first) <= int(last) else ""
    numbers = list(re.finditer(r"\b\d{1,4}\b", date))
    if not numbers or int(numbers[-1][0]) == 0:
        return ""
    n = numbers[-1]
    parts = _components(date[: n.start()] + f"{int(n[0]):04d}" + date[n.end():])
    if parts is None or parts[0] is None or (parts[2] is not None and parts[1] is None):
        return ""
    _, month, day = parts
    value = year(n[0]) + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
    return _try_edtf(value + qualifier)


def _rumi_month(name: str) -> int | None:
    """The month number of a Turkish month name as Ottoman and Republican texts spell it, circumflex
    or hyphen or not: "Kânun-ı Sânî", "Kânunusani", "Kanunisani" → 1; "Teşrin-i evvel" → 10."""
    key = "".join(c for c in unicodedata.normalize("NFD", name.lower().replace("ı", "i")) if not unicodedata.combining(c))
    key = re.sub(r"[\s'’-]+", "", key)
    if m := re.fullmatch(r"(tesrin|kanun)[iu]?(evv?el|sani)", key):
        key = m[1] + ("i" if m[1] == "tesrin" else "u") + ("evvel" if m[2].startswith("ev") else "sani")
    return _RUMI_MONTHS.get(key)


def _rumi(part: str) -> str:
    """EDTF of a Rumi (Ottoman fiscal) date, a Turkish month with a year 1256–1341: ``"16 Mart 1336"``
    → ``"1920-03-16"``, ``"22 Şubat 1330"`` → ``"1915-03-07"``, ``"6 Kânun-ı Sânî 1334"`` →
    ``"1918-01-06"``, ``"Mart 1330"`` → ``"[1914-03-14..1914-04-13]"``; ``""`` when ``part`` is no such
    date, or a day the calendar did not have (16–28 Şubat 1332, Kânunusani and Şubat 1333).

    The Rumi calendar (Wikipedia, "Rumi calendar"; German Wikipedia, "Rumi-Kalender") was the Julian
    calendar with its year beginning on 1 March and counted from 1840 = 1256 (13 March 1840 Gregorian
    was 1 Mart 1256): a Rumi year is the Gregorian year + 584 from Mart to Kânunuevvel (March to
    December) and + 585 in Kânunusani and Şubat (January, February), and its days are Julian days,
    turned into Gregorian ones through their Julian day number (:func:`_gregorian`). In 1917 it took
    the Gregorian days: 15 Şubat 1332 (Julian; 28 February 1917) was followed by 1 Mart 1333 (1 March
    1917), and the year 1333 ended on 31 Kânunuevvel, so that 1334 began on 1 Kânunusani (1 January
    1918): from then on the Rumi year is the Gregorian year + 584 in every month, day for day, until
    Law 698 put the Gregorian year in its place after 31 Kânunuevvel 1341 (31 December 1925). The
    Atatürk texts gloss their dates so: "22 Şubat 1330 (7 Mart 1915)", "15 Mart 1330 (28 Mart 1914)",
    "6 Kânun-ı Sânî 1334 (6 Ocak 1918)". A Turkish month with a year 1342 (which never began) is
    not read; any other Turkish date is Gregorian ("19 Mart 1920"), the Ottoman month names too when
    the year is no Rumi year ("30 Teşrîn-i Evvel 1918", the Armistice of Mudros: ``"1918-10-30"``).
    Julian months are the sets of their Gregorian days, as in :func:`_old_style`."""
    if not (m := _RUMI.fullmatch(re.sub(r"\s+sene\s+", " ", part.strip()))) or (month := _rumi_month(m["month"])) is None:
        return ""  # "3 Temmuz sene 1335": sene, "year"
    rumi, day = int(m["year"]), int(m["day"]) if m["day"] else None
    if rumi > 1342 and re.match(r"(?i)te[sş]|k[aâ]n", m["month"]):
        return _edtf_of(rumi, month, day)  # "30 Teşrîn-i Evvel 1918": the Ottoman names with a Gregorian year
    if not 1256 <= rumi <= 1341:
        return ""
    if (rumi, month) >= (1333, 3):  # Gregorian days
        if rumi == 1333 and month < 3:
            return ""
        return _edtf_of(rumi + 584, month, day)
    if rumi == 1333 or (rumi, month, day or 1) > (1332, 2, 15):
        return ""  # Kânunusani and Şubat 1333 never were; 16 Şubat 1332 was 1 Mart 1333
    year = rumi + (585 if month < 3 else 584)
    length = 15 if (rumi, month) == (1332, 2) else 29 if month == 2 and year % 4 == 0 else calendar.mdays[month]
    first, last = (day, day) if day else (1, length)
    if not 1 <= first <= last <= length:
        return ""
    start, end = _gregorian(year, month, first), _gregorian(year, month, last)
    if start is None or end is None:
        return ""
    return _try_edtf(start.isoformat() if day else f"[{start.isoformat()}..{end.isoformat()}]")


def _part_of(part: str) -> str:
    """EDTF of a part of a year, month or season named in words (see ``_PART_OF``): the period
    itself, ``"Early May 1955"`` → ``"1955-05"``, ``"late 1949"``, ``"mid-1950"`` → ``"1949"``,
    ``"1950"``, ``"Anfang Mai 1547"`` → ``"1547-05"``, ``"[1547 Mai Anfang?]"`` → ``"1547-05?"``,
    ``"early 20th century"`` → ``"19XX"``;
    ``""`` when ``part`` names no such part, or the rest is no year, month, season, decade or century
    (``"early May 5, 1955"``).

    EDTF (ISO 8601-2:2019) has no qualifier for the early, middle or late part of a period: its
    qualifiers are uncertain ``?`` and approximate ``~`` (Level 1 "Qualification of a date"), and
    its sub-year groupings (Level 2, 21–41) are seasons, quarters, quadrimesters and semesters, none
    of them "early May". The value is therefore the whole period, which holds the date for certain
    and invents no precision (the Moritz letter index's own EDTF column reads "[1547 Juli Mitte]" as
    ``1547-07`` too); the words stay in the text as written."""
    if not (m := _PART_OF.search(part)):
        return ""
    value = _simple(f"{part[: m.start()]} {part[m.end():]}")
    return value if _PERIOD.fullmatch(value) else ""


def _simple(part: str) -> str:
    """EDTF of one date (no interval) with its qualifiers, or ``""``."""
    part = _GLUED_PART.sub(r"\1 \2", part.strip())
    if edtf := _part_of(part):
        return edtf
    if edtf := _era(part):
        return edtf
    if (m := _SEASON.match(part)) and m[1].lower() in _SEASON_NAMES:  # "Spring 1950" → 1950-21
        if m[3] and (_SEASON_NAMES[m[1].lower()] != 24 or _later_year(m[2], m[3]) != f"{int(m[2]) + 1:04d}"):
            return ""  # only a winter runs over the new year: "Summer 1949-50" is not read
        if m[3]:  # "Winter 1949-50": December 1949 to February 1950, which EDTF's winter 1949 does not say
            return _try_edtf(f"{m[2]}-12/{int(m[2]) + 1:04d}-02")
        return _try_edtf(f"{m[2]}-{_SEASON_NAMES[m[1].lower()]}")
    if (m := _SEASON_AFTER.match(part)) and m[2].lower() in _SEASON_NAMES:  # "1547 Frühjahr" → 1547-21
        return _try_edtf(f"{m[1]}-{_SEASON_NAMES[m[2].lower()]}")
    if (m := re.fullmatch(r"\[(\w+)\.?\s*\?\]\s*(\d{4})", part)) and (month := _MONTH_NAMES.get(m[1].lower())):
        return _try_edtf(f"{m[2]}-?{month:02d}")  # "[May?] 1950": the month alone uncertain (EDTF level 2 group qualification)
    if m := re.fullmatch(r"\[?(\d{4})-(\d{2})-(?:\?|\?\?|XX)\]?", part):  # 1950-01-? : day unknown
        return _checked(f"{m[1]}-{m[2]}-XX")
    qualifier = ""
    if uncertain := _UNCERTAIN.match(part):  # "probably 1950", "probably c. 1950"
        part = part[uncertain.end():]
    if m := _APPROX.match(part):
        qualifier, part = "~", part[m.end():]
    elif m := _APPROX_INSIDE.search(part):  # "1552 April um 20": about the 20th
        qualifier, part = "~", part[: m.start()] + " " + part[m.end():]
    part = part.strip()
    if uncertain or re.search(r"\s*(?:\(\?\)|\?)$", part):
        qualifier = "%" if qualifier == "~" else "?"
        part = re.sub(r"\s*(?:\(\?\)|\?)$", "", part)
    part = part.strip().strip("[]").strip()
    if m := re.fullmatch(r"(\d{3})(?:X|0s|0er|0er Jahre)", part):
        return f"{m[1]}X{qualifier}"
    if century := _century(part):
        return _checked(century + qualifier)
    if (grouping := _part_of_year(part)) and not qualifier:  # the edtf library has no qualified grouping (1950-33?)
        return grouping
    if edtf := _try_edtf(part):
        return _checked(edtf + qualifier) if qualifier and not edtf.endswith(("?", "~", "%")) else edtf
    if other := _era_date(part) or _rumi(part):  # another calendar's date; a set of days takes no qualifier
        return other if not qualifier else "" if other.startswith("[") else _checked(other + qualifier)
    parts = _components(part)
    if parts is None:
        return ""
    value = _edtf_of(*parts)
    return _checked(value + qualifier) if value else ""


def _part_of_year(part: str) -> str:
    """EDTF of a quarter or half of a year named in words: ``"1st quarter 1950"``, ``"first quarter of
    1950"``, ``"Q1 1950"``, ``"1. Quartal 1950"`` → ``"1950-33"`` (… ``-36`` the fourth), ``"first half
    of 1950"``, ``"erstes Halbjahr 1950"``, ``"premier semestre 1950"`` → ``"1950-40"`` (``-41`` the
    second); a half or quarter of a month, season, decade or century is that period (``"first half of
    May 1950"`` → ``"1950-05"``, ``"second half of the 19th century"`` → ``"18XX"``, as :func:`_part_of`
    reads "early" and "late"); ``""`` when ``part`` is none.

    EDTF 2019 level 2 "Sub-year groupings" (from ISO 8601-2:2019): 33–36 the quarters, 40–41 the
    semesters (halves), each the months it names (January–March … ; January–June, July–December),
    which the edtf library reads and bounds; a grouping that is no part of the calendar year (a
    fiscal quarter) is not told apart, and is read as the calendar's."""
    if not (m := _PART_OF_YEAR.fullmatch(part.strip())):
        return ""
    if m["q"] or m["q2"]:
        return _try_edtf(f"{m['qyear'] or m['yearq']}-{32 + int(m['q'] or m['q2'])}")
    parts, number = _PART_UNITS[m["unit"].lower()], _PART_NUMBERS.get(m["n"].lower())
    if number is None or number > parts:
        return ""
    number = number or parts  # "the last quarter"
    rest = m["rest"].strip()
    if re.fullmatch(r"\d{4}", rest):
        return _try_edtf(f"{rest}-{(32 if parts == 4 else 39) + number}")
    period = _simple(rest)
    return period if _PERIOD.fullmatch(period) else ""


def _century(part: str) -> str:
    """EDTF of a century named in words: ``"19th century"``, ``"the nineteenth century"``, ``"19.
    Jahrhundert"``, ``"XIXe siècle"`` → ``"18XX"``; ``""`` when ``part`` names none.

    The century is its hundred years with the last two digits unspecified, EDTF 2019 level 1
    "Unspecified digit(s) from the right" (ISO 8601-2:2019): ``18XX`` is 1800–1899, the years whose
    numbers begin 18, as the 1800s are counted in common use (strictly the nineteenth century runs
    1801–1900; EDTF has no form for that, and the year it moves is the least of a century's doubt).
    Never a narrower span: "early 20th century" is the century, ``19XX`` (see :func:`_part_of`)."""
    if not (m := _CENTURY.fullmatch(part.strip())):
        return ""
    if m["word"]:
        number = _ORDINAL_WORDS.get(m["word"].lower(), 0)
    elif m["french"] and not m["french"].isdigit():
        number = _roman(m["french"].upper())
    else:
        number = int(m["number"] or m["german"] or m["french"])
    return f"{number - 1:02d}XX" if 2 <= number <= 100 else ""  # the first century, 00XX, would hold the year 1 BC


def _roman(numeral: str) -> int:
    """The value of a Roman numeral of I, V, X and L (``"XIX"`` → 19), 0 when it is none."""
    values = [{"I": 1, "V": 5, "X": 10, "L": 50}[c] for c in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else 0


def _checked(value: str) -> str:
    return _try_edtf(value)


def _interval(text: str) -> str:
    """EDTF interval for "a – b" / "a/b" / "a to b" where each side is a date, a side lacking
    its year (or month) borrowing it from the other ("22–25 December 1949", "July 30/31, 1957",
    "1552 September 26/Oktober 8"; also with a hyphen for the dash, "December 13-14, 1964", see
    ``_HYPHEN``), or two years joined by a hyphen ("1950-1951", "1950-52": see :func:`_later_year`);
    an interval after "ca." or "probably" ("ca. 1950-1955", "probably 1950-52") has each end so
    qualified, ``1950~/1955~``, ``1950?/1952?`` (EDTF level 1 "Qualification" applies to one date, so
    the word before a span is said of both ends);
    a day pair written with a slash that is an Old Style / New Style dual date ("10/21 April 1720")
    is its New Style day (see :func:`_new_style`); ``""`` when not an interval. A start that
    borrows the year and names a later month than the end lies in the year before, when the range
    so read is shorter than half a year: "December 30-January 2, 1965" is ``1964-12-30/1965-01-02``;
    "April-March 1950" (eleven months backwards, more likely a slip) is not read, nor a slash pair
    over the new year that is no dual date ("December 21/January 2, 1918": a slip in an Old Style /
    New Style pair as likely as a range). A day borrowing its month from a side that names no day is
    none either: "22/XII.1949" (mixed separators) was the range from 22 December to all of December
    1949, which no one writes; the curator sees it unread. A year alone, then a slash or a hyphen
    without spaces and a month or day of no year of its own, is that one month or day, as the year
    after them is ("12. Juny / 1719", "22.XII/1949"): "1949/Dezember 22" → ``1949-12-22``, "1949-Dec" →
    ``1949-12`` (in numbers, "1949/XII.22", "1949/12", are one date already: :func:`_year_first`), where a
    range from 1 January 1949 (``1949/1949-12-22``) would say what the text does not; "1949 to May", "1949 – May" (words or a dash of a range) stay
    the range."""
    for words, mark in ((_UNCERTAIN, "?"), (_APPROX, "~")):  # "ca. 1950-1955": each end approximate
        if (m := words.match(text)) and (pair := _interval(text[m.end():])) and (ends := _PLAIN_PAIR.fullmatch(pair)):
            return _try_edtf(f"{ends[1]}{mark}/{ends[2]}{mark}")
    if ends := _slashed_ends(text):  # "1949/12/22 – 1950/01/05": the slashes are each date's own
        return _try_edtf("/".join(ends))
    if (m := re.fullmatch(r"(\d{4})-(\d{4}|\d{2})", text)) and (end := _later_year(m[1], m[2], hyphen=True)):
        return _try_edtf(f"{m[1]}/{end}")  # "1950-1951", "1950-52"
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})/(\d{1,2})", text):  # 1720-04-10/21: the day pair of one month
        first, second = (int(m[1]), int(m[2]), int(m[3])), (int(m[1]), int(m[2]), int(m[4]))
        a, b = _edtf_of(*first), _edtf_of(*second)
        return _new_style(first, second) or (_try_edtf(f"{a}/{b}") if a and b and a < b else "")
    if not (separator := _RANGE_SPLIT.search(text)):
        return ""
    left, right = text[: separator.start()].strip(), text[separator.end():].strip()
    slash = "/" in separator[0]
    if re.fullmatch(r"\d{4}", left) and re.fullmatch(r"\d{1,2}", right):  # 1743/44, 1743/4, 1920–21
        return _try_edtf(f"{left}/{end}") if (end := _later_year(left, right)) else ""
    a, b = _range_ends(left, right)
    if a and b:
        if slash and (da := _DAY.fullmatch(a)) and (db := _DAY.fullmatch(b)):
            if new := _new_style((int(da[1]), int(da[2]), int(da[3])), (int(db[1]), int(db[2]), int(db[3]))):
                return new
        return _try_edtf(f"{a}/{b}")
    plain = [_PART_OF.sub(" ", _GLUED_PART.sub(r"\1 \2", side)).strip("[] ") for side in (left, right)]
    ca, cb = _components(plain[0]), _components(plain[1])
    if ca is None or cb is None or any(p != s.strip("[] ") and c[2] is not None for p, s, c in zip(plain, (left, right), (ca, cb))):
        return ""  # "Early May 5-7": the part of a period names no day
    (ya, ma, da), (yb, mb, db) = ca, cb
    if (ma is None and da is not None and db is None) or (mb is None and db is not None and da is None):
        return ""  # "22/XII.1949", "22-December 1949": a day and the month it lies in are no range, nor one day (mixed separators)
    if ya is None and ma is not None and (mb, db) == (None, None):  # "12. Juny / 1719" (QhoD): one date over a line's end
        return _edtf_of(yb, ma, da)
    if ya is not None and (ma, da) == (None, None) and yb is None and mb is not None and (separator[0].strip() == "/" or separator[0] == "-"):
        return _edtf_of(ya, mb, db)  # "1949/Dezember 22", "1949-Dec": one date, its year first, not a range from 1 January
    year_after_day = ya is not None and yb is None and mb is None  # "10 February 1720/21": 21 may be a year
    borrowed = ya is None and yb is not None
    ya, yb = ya if ya is not None else yb, yb if yb is not None else ya
    ma = ma if ma is not None or da is None else mb
    mb = mb if mb is not None or db is None else ma
    if slash and borrowed and None not in (ma, da, mb, db) and ma > mb and (new := _new_style((yb - 1, ma, da), (yb, mb, db))):
        return new  # "December 21/January 3, 1918": the Old Style day is in the year before the one written
    if slash and not year_after_day and None not in (ya, ma, da, yb, mb, db) and (new := _new_style((ya, ma, da), (yb, mb, db))):
        return new
    a, b = _edtf_of(ya, ma, da), _edtf_of(yb, mb, db)
    if not slash and borrowed and None not in (ma, mb) and ma > mb and (before := _edtf_of(ya - 1, ma, da)):
        if b and (day_bounds(b)[1] - day_bounds(before)[0]).days < _OVER_NEW_YEAR_DAYS:
            a = before  # "December 30-January 2, 1965": the start in the year before the one written
    return _try_edtf(f"{a}/{b}") if a and b and day_bounds(a)[0] <= day_bounds(b)[1] else ""


# the mark between two dates of a range, one of them written with slashes of its own (_slashed_ends): a dash, a hyphen,
# "to", "bis"
_SLASHED_RANGE = re.compile(rf"\s*(?:[{DASHES}]|\bto\b|\bbis\b)\s*")


def _slashed_ends(text: str) -> tuple[str, str] | None:
    """The EDTF values of the two dates a range joins (``_SLASHED_RANGE``), one of them or both written with slashes of
    their own, year first (``_YEAR_FIRST``), a month and its year (``_MONTH_YEAR``) or a day (``_NUMBERED``), each one
    year, month or day: ``"1949/12/22 – 1950/01/05"`` → ``("1949-12-22", "1950-01-05")``, ``"1949/12/22 – 1950"`` →
    ``("1949-12-22", "1950")``, ``"1949 – 1950/01/05"`` → ``("1949", "1950-01-05")``, ``"12/1949 – 02/1950"`` →
    ``("1949-12", "1950-02")`` (EDTF level 0 "Time Interval" of two months), ``"22/12/1949 – 05/01/1950"`` →
    ``("1949-12-22", "1950-01-05")``; None when ``text`` is no such range, or one split at two of its marks into two
    ranges that each read (a guess). The range is split at its dash, not at the first slash, which is a date's own
    ("1949/12/22-1950-01-05" reads split at its first hyphen alone)."""
    ends = set()
    for mark in _SLASHED_RANGE.finditer(text):
        start, end = text[: mark.start()], text[mark.end():]
        if "/" not in start + end:
            continue
        a, b = _range_ends(start, end)
        if a and b and "/" not in a + b:
            ends.add((a, b))
    return ends.pop() if len(ends) == 1 else None


def _range_ends(start: str, end: str) -> tuple[str, str]:
    """The EDTF values of a range's two dates, each read alone (:func:`_simple`), but for a day in numbers that either
    order reads (``_NUMBERED``, "05/01/1950": 5 January or May 1) beside one of the same marks that one order alone reads
    ("22/12/1949": 22 is no month, so the day first), which is read in that order, as one hand writes both dates of a
    range: ``("22/12/1949", "05/01/1950")`` → ``("1949-12-22", "1950-01-05")``, ``("12/22/1949", "01/05/1950")`` →
    ``("1949-12-22", "1950-01-05")``; ``""`` for a side that reads in neither way (``"05/06/1949"`` beside
    ``"07/08/1950"``: :func:`_orders_reason` says both readings)."""
    a, b = _simple(start), _simple(end)
    return a or _in_order_of(end, start), b or _in_order_of(start, end)


def _in_order_of(told: str, other: str) -> str:
    """EDTF of ``other``, a day in numbers (``_NUMBERED``), read day or month first as ``told`` is, a day written with the
    same mark whose order a number over 12 tells ("22/12/1949", "12/22/1949"); ``""`` when ``told`` tells no order, or
    ``other`` is no such day or names none so read."""
    if not (t := _NUMBERED.fullmatch(told)) or not (o := _NUMBERED.fullmatch(other)) or t[2].strip() != o[2].strip():
        return ""
    first, second = int(t[1]), int(t[3])
    if first > 12 >= second:  # the day first
        return _edtf_of(int(o[4]), int(o[3]), int(o[1]))
    if second > 12 >= first:  # the month first
        return _edtf_of(int(o[4]), int(o[1]), int(o[3]))
    return ""


def _later_year(start: str, end: str, hyphen: bool = False) -> str:
    """The year ``end`` names after the year ``start`` in a pair of years, ``end`` written whole or cut
    to its last one or two digits as archives write a span of years: ``("1743", "44")`` → ``"1744"``,
    ``("1743", "4")`` → ``"1744"``, ``("1949", "50")`` → ``"1950"``, ``("1899", "00")`` → ``"1900"``
    (two digits carry over into the next century when that ends the span within ten years); ``""``
    when it names no later year (``("1950", "49")``).

    With ``hyphen`` (``"1950-52"``, no spaces) two digits 01–12 or 21–41 name no year: ISO 8601
    writes a month so (``"1950-12"`` is December 1950, EDTF level 0) and EDTF a season or another
    sub-year grouping (``"1950-21"`` spring 1950, EDTF 2019 level 1 "Seasons"; ``"1950-33"`` its
    first quarter, level 2 "Sub-year groupings", from ISO 8601-2:2019). The standards decide,
    because a date column of EDTF, and Legation's own exports, write those strings so, and a year
    read from them would turn a month into two years; "1920-21" meaning the two years is then
    "Spring 1920", and is written "1920–21" (a dash), "1920/21" or "1920-1921" to be read as years.
    The other two digits (00, 13–20, 42–99) are no month or grouping, so they can only cut a year
    short: "1949-50", "1912-13", "1999-00"."""
    if hyphen and len(end) == 2 and (1 <= int(end) <= 12 or 21 <= int(end) <= 41):
        return ""
    first = int(start)
    year = first - first % 10 ** len(end) + int(end) if len(end) < 4 else int(end)
    if year <= first and len(end) == 2 and 0 < year + 100 - first <= 10:
        year += 100  # "1899-00", "1995/01"
    return f"{year:04d}" if year > first else ""


def _set_of(text: str) -> str:
    """EDTF set of two dates joined by "or" or "and", a side lacking its year or month borrowing it
    from the other as in an interval (:func:`_interval`): ``"May or June 1950"`` → ``"[1950-05,1950-06]"``,
    ``"1546 Juni 28 oder 29"`` (Moritz) → ``"[1546-06-28,1546-06-29]"``, ``"December 30 and 31, 1957"``
    (FRUS) → ``"{1957-12-30,1957-12-31}"``; ``""`` when ``text`` is no such pair, the second date
    comes first, or either is an interval or set itself.

    EDTF 2019 Level 2 "Set representation" (ISO 8601-2:2019): square brackets, "one of a set", for a
    date that is one of those named ("[1667,1668,1670..1672]"); curly braces, "all of the members",
    for a document of each of the days named (a meeting on two days, a letter written over two).
    "and/or" is neither and is not read."""
    parts = _SET_WORD.split(text, maxsplit=1)
    if len(parts) != 3 or not (pair := _interval(f"{parts[0]} – {parts[2]}")) or pair.count("/") != 1 or "[" in pair or "{" in pair:
        return ""
    first, last = pair.split("/")
    if len(first) != len(last):
        return ""  # "May 1950 or 1951": May 1951, or the year?
    return _try_edtf(f"[{first},{last}]" if parts[1] is not None else f"{{{first},{last}}}")


# A year written as four zeros is what a database puts for "unknown", not the year 1 BC (EDTF "0000",
# astronomical numbering), which archives write "1 BC" (read by _era): such a date is left unread.
_ZERO_YEAR = re.compile(r"(?<![\d-])0000(?!\d)")
# a range read from a date to itself, "12/1949 – 12/1949" → "1949-12/1949-12", "ca. 1950–1950" → "1950~/1950~": that
# one date ("1949-12", "1950~"), as a TEI date's @from and @to that are one are (tei_edtf); its days are the range's.
# EDTF as written ("1949-12/1949-12") is kept as written
_SAME_ENDS = re.compile(r"(?P<date>[^/\[\]{}]+)/(?P=date)")
_PLAIN_PAIR = re.compile(r"([^/?~%\[\]{}]+)/([^/?~%\[\]{}]+)")  # an interval whose ends are known and unqualified
_OVER_NEW_YEAR_DAYS = 183  # a range read over the new year is shorter than half a year (see _interval)
_GREGORIAN_DUAL = (dt.date(1582, 10, 15), dt.date(1923, 12, 31))  # the first Gregorian day; Greece, last to change, in 1923


def _gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Julian calendar date (through its Julian day number), None when the
    Julian calendar has no such day; Julian 1700-02-29, which Gregorian calendars lack, is 1700-03-11."""
    if not 1 <= month <= 12 or not 1 <= day <= (29 if month == 2 and year % 4 == 0 else calendar.mdays[month]):
        return None
    shift = (14 - month) // 12
    y, m = year + 4800 - shift, month + 12 * shift - 3
    julian_day = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return dt.date.fromordinal(julian_day - 1721425)  # Julian day 1721426 is 1 January 1 (proleptic Gregorian)


def _new_style(old: tuple[int, int, int], new: tuple[int, int, int]) -> str:
    """EDTF of the New Style day of a dual date written "old/new" ("10/21 April 1720", "March 3/16,
    1917", "Feb. 28/March 13, 1917"): ``new`` as ``YYYY-MM-DD`` when it is the Gregorian day of the
    Julian date ``old`` (10 days apart until February 1700, then 11, 12 from March 1800, 13 from March
    1900), between 1582, when the Gregorian calendar began, and 1923, when Greece was the last state
    to adopt it; ``""`` otherwise (the pair is then read as an interval). EDTF dates are Gregorian
    (ISO 8601), so the Old Style day is kept only in the text as written."""
    gregorian = _gregorian(*old)
    if gregorian is None or not _GREGORIAN_DUAL[0] <= gregorian <= _GREGORIAN_DUAL[1] or gregorian.timetuple()[:3] != new:
        return ""
    return gregorian.isoformat()


def _bounded(text: str) -> str:
    """EDTF of a date known only to lie before or after a day, month or year: ``"before 1 May 1950"``
    → ``"[..1950-04-30]"``, ``"not after May 1950"`` → ``"[..1950-05]"``, ``"nach 1950"`` →
    ``"[1951..]"``, ``"pas avant le 2 mai 1950"`` → ``"[1950-05-02..]"``; ``""`` when ``text`` is no
    such date, or the date is qualified, a season, an interval or before year 1.

    A document so dated is one event on a day unknown but for one side: EDTF 2019 Level 2 "Set
    representation" (ISO 8601-2:2019), one of a set open at one end, whose spec example is
    ``[..1760-12-03]``, "December 3, 1760; or some earlier date". That includes the day named, so
    "before" and "after", which exclude it, step one unit of the date's own precision (a day, a
    month, a year) away; "not after", "on or before" keep it. An open interval (``../1950-04-30``,
    Level 1) would say the document spans a time, not that it falls on one day of it. Such a set
    counts as its known end alone in date filters (see :mod:`legation.records.dates`): "before 1
    May 1950" is found on April 30, 1950."""
    if not (m := _BOUND.match(text)):
        return _bound_inside(text)
    if _PART_OF.search(m["date"]) or _GLUED_PART.search(m["date"]):
        return ""  # "nach 1551 Juli Ende": after late July may be in July, so no month after it is the bound
    side = _BOUND_SIDE[re.sub(r"\s+", " ", m["words"].lower())]
    date = _simple(m["date"])
    if not (d := re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date)) or int(d[1]) == 0 or int(d[2] or 1) > 12:
        return ""
    if side in ("<", ">"):
        step = -1 if side == "<" else 1
        year, month, day = int(d[1]), int(d[2] or 0), int(d[3] or 0)
        try:
            if day:
                date = (dt.date(year, month, day) + dt.timedelta(days=step)).isoformat()
            elif month:
                months = year * 12 + month - 1 + step
                date = f"{months // 12:04d}-{months % 12 + 1:02d}"
            else:
                date = f"{year + step:04d}"
        except OverflowError:  # before 1 January 1, after 31 December 9999
            return ""
    return _try_edtf(f"[..{date}]" if side.startswith("<") else f"[{date}..]")


def _bound_inside(text: str) -> str:
    """:func:`_bounded` of a date whose bound stands after its year, as the Moritz letter index writes
    it: ``"1552 März vor 12"``, ``"1548 nach März 19"``, ``"1544 [vor April 10]"`` (an editor's
    brackets inside), ``"1548 Februar vor oder am 16"``, and after its day, ``"1548 November 10
    nach"`` (which the index's own EDTF column reads as ``"nach 10"``, ``1548-11-10/``); ``""`` when
    ``text`` is no such date (a month named twice or not at all, ``"[1548 Oktober nach 27 ?]"``)."""
    plain = re.sub(r"\s+", " ", text.replace("[", " ").replace("]", " ")).strip()
    if (m := _BOUND_INSIDE.match(plain)) and bool(m["month"]) != bool(m["later"]):
        return _bounded(f"{m['words']} {m['day']}. {m['month'] or m['later']} {m['year']}")
    if m := _BOUND_LAST.match(plain):
        return _bounded(f"{m['words']} {m['day']}. {m['month']} {m['year']}")
    return ""


def _one_year(text: str) -> str | None:
    """``text`` with an Old Style double year written as the year it is when years begin on 1 January:
    ``"10 February 1720/21"``, ``"Feb. 10, 1720/1"`` → ``"10 February 1721"``, ``"Feb. 10, 1721"``;
    ``text`` as given when it holds no double year after a month (``"1743/44"`` stays two years);
    None when the month is one a double year cannot have (``"10 April 1720/21"``).

    Where the year began on 25 March (England and its colonies until 1751, by the Calendar (New Style)
    Act 1750; Florence and Pisa until 1749), a day from 1 January to 24 March was written with both year
    numbers, the year then current by the legal reckoning and the one by the reckoning from 1 January:
    George Washington's birthday is "11 February 1731/32" (Wikipedia, "Old Style and New Style dates",
    section "Dual dating"; C. R. Cheney, *A Handbook of Dates for Students of British History*, 2nd ed.
    2000, ch. 1, "The beginning of the year"). EDTF counts years from 1 January, so the second year is
    the date's year. The double year says when the year began, not which calendar the day is of (Florence
    counted Gregorian days from 25 March): the day is kept as written, as any day whose calendar the
    text does not name, and only a mark ("O.S.", see :func:`_old_style`) turns it into its Gregorian day."""
    if not (m := _DOUBLE_YEAR.fullmatch(text)):
        return text
    year, following = int(m["year"]), m["next"]
    if (year + 1) % 10 ** len(following) != int(following) or year + 1 >= _YEAR_FROM_LADY_DAY:
        return text  # "1720/25": no double year; nor from 1752, when no year began on 25 March any more
    single = re.sub(r"\b\d{1,2}\s*/\s*(?=\d)", "", f"{m['before']}{year + 1}{m['after']}")  # "10/21 February": a dual day
    parts = _components(single.strip("[] "))
    if parts is None or parts[1] is None:
        return text
    _, month, day = parts
    if month > 3 or (month == 3 and day is not None and day > 24):
        return None  # from 25 March on, both reckonings give one year: "10 April 1720/21" is no such date
    return f"{m['before']}{year + 1}{m['after']}"


def _old_style(edtf: str, text: str, year_known: bool) -> str:
    """The Gregorian (New Style) EDTF value of ``edtf`` read from ``text``, a date marked Old Style (Julian):
    each day through its Julian day number (:func:`_gregorian`), ``"1917-03-03"`` → ``"1917-03-16"``,
    also in intervals and sets; a month or a year becomes the set of the Gregorian days it spans,
    ``"1917-03"`` → ``"[1917-03-14..1917-04-13]"``, as its earliest and latest days are not the Julian
    month's. ``""`` (not read) when the day has no Gregorian day (Julian 30 February), a year is not
    plain (a qualifier on a month), or the year itself is in doubt: before 1752, "O.S." also meant a
    year begun on 25 March, so that "January 10, 1664 (O.S.)" is 10 January 1665 by today's count
    (sizes.com, "Old Style dates"; Wikipedia, "Old Style and New Style dates"), and a day from 1
    January to 24 March is not read unless ``year_known``: written with a double year (1664/65), or
    marked as the continent and Russia did ("st. v.", "a. St.", "ст. ст."), where the year began on
    1 January."""

    def day(match: re.Match) -> str:
        return _julian_day(int(match[1]), int(match[2]), int(match[3]), year_known)

    if not edtf:  # "29 February 1700 st. v.": a Julian leap day the Gregorian 1700 lacks, so no EDTF value was read
        parts = _components(text.strip("[] "))
        if not parts or parts[0] is None or parts[1:] != (2, 29):
            return ""
        edtf = f"{parts[0]:04d}-02-29"
    elif m := re.fullmatch(r"(\d{4})(?:-(\d{2}))?", edtf):
        year, month = int(m[1]), int(m[2] or 0)
        if month > 12:
            return ""
        first, last = (month or 1), (month or 12)
        length = 29 if last == 2 and year % 4 == 0 else calendar.mdays[last]
        edtf = f"[{year:04d}-{first:02d}-01..{year:04d}-{last:02d}-{length:02d}]"
    if re.search(r"\d{4}(?!-\d{2}-\d{2})(?:-\d{2})?(?!\d)", edtf.replace("..", " ")):
        return ""  # a month or year inside an interval, a season, a qualified month
    try:
        return _try_edtf(re.sub(r"(\d{4})-(\d{2})-(\d{2})", day, edtf))
    except ValueError:
        return ""


def _julian_day(year: int, month: int, day: int, year_known: bool) -> str:
    """``YYYY-MM-DD`` of the Gregorian day of a Julian date marked Old Style; ValueError when there is
    none, or the year is in doubt (see :func:`_old_style`). A 29 February leaves no doubt: the year
    begun on 25 March would put it in the next year, which has none ("29 February 1700 O.S." is 1700)."""
    if year < _YEAR_FROM_LADY_DAY and not year_known and (month, day) < (3, 25) and (month, day) != (2, 29):
        raise ValueError("the year of an Old Style day before 25 March is in doubt")
    if (new := _gregorian(year, month, day)) is None:
        raise ValueError("no such Julian day")
    return new.isoformat()


_SENTENCE_END = re.compile(r"(?<=\d)\.$")  # a full stop after a date's last digit, as a sentence or a dateline ends


def parse_archival_date(text: str | None) -> ParsedDate:
    """Read a date as an archive writes it; see the module docstring for the forms understood.

    Returns ``ParsedDate(edtf, flagged, text)``: ``edtf`` a valid EDTF string or ``""``;
    ``flagged`` True when ``text`` is a date that could not be read, or one after the current year
    (see :func:`_read`); ``text`` the input as given (stripped). Never raises.
    """
    raw = _clean(text or "")
    if not raw or _UNDATED.match(raw):
        return ParsedDate("", False, raw)
    if _ZERO_YEAR.search(raw):
        return ParsedDate("", True, raw)  # "0000", "0000-01-01": a placeholder, not the year 1 BC
    if _RUN.search(raw) and _RUN.fullmatch(_bare(raw)):
        return ParsedDate("", True, raw)  # "1949/12/22/1950": which of its numbers make a date is a guess (_run_reason)
    if (m := _THREE_NUMBERS.fullmatch(bare := _bare(raw))) and len(_YEAR.findall(bare)) > 1 and len(_cut_ranges(bare, m["sep"], False)) > 1:
        return ParsedDate("", True, raw)  # "1949/12/1950", "1950/1/1951": a range cut at either slash (_run_reason)
    value = _hyphened(raw)
    if _SENTENCE_END.search(value) and (ended := parse_archival_date(value[:-1])).edtf:
        return ParsedDate(ended.edtf, ended.flagged, raw, ended.future)  # "22.12.1949.", "1949-12-22.": a sentence's full stop
    if value.endswith("/?") and (edtf := _try_edtf(value[:-1])):  # EDTF draft "unknown end"
        return _read(edtf, raw)
    if edtf := _try_edtf(value):
        return _read(f"{m[2]}{m[1]}" if (m := _QUALIFIED_YEAR.fullmatch(edtf)) else edtf, raw)  # "~1571": 1571~
    if (m := _DATE_TIME.match(value)) and (edtf := _try_edtf(m[1])):  # ISO 8601 date-time: the day
        return _read(edtf, raw)
    time_of_day = _TIME_OF_DAY.match(value)
    if time_of_day and (not (time_of_day["sep"] or "").startswith("-") or re.search(r"[^\W\d_]", time_of_day["date"])):
        value = time_of_day["date"]  # "October 2, 1968, 1:30 p.m.": the day
    if re.fullmatch(r"\[[^\[\]]*\]", value) and "," not in value and ".." not in value:
        value = value[1:-1].strip()  # "[1950?]": an editor's supplied date
    value = re.sub(r"^\[(\d{4})\]", r"\1", value)  # "[1552] November 12"
    value = _YEAR_CORRECTED.sub(r"\2", value)  # "1552 [=1553] Januar 1" (Moritz): the year as we count it
    if delivered := _DELIVERED.fullmatch(value):  # "1547 August 9 präs.", "vorgetragen Trient 1552 Januar 10" (Moritz)
        value = delivered["date"] or delivered["before"]
    if re.fullmatch(r"\d{4}\s+[^\[\]]*\[[\w\s?/.]+\][^\[\]]*", value):  # "1546 [Dezember 12]", "1552 [April] 16" (Moritz)
        value = re.sub(r"\s+", " ", value.replace("[", " ").replace("]", " ")).strip()  # an editor's supplied part
    value = _BETWEEN.sub(r"\1/", value)  # "1547 Juni zwischen 8 und 13" → "1547 Juni 8/13"
    style = _STYLE.fullmatch(value)
    if style:  # "3 March 1917 O.S.", "6. Merzen 1720 st. n.": the calendar named
        value = style["date"].strip()
    if (one := _one_year(value)) is None:
        return ParsedDate("", True, raw)
    edtf = _bounded(one) or _era(one) or _simple(one) or _interval(one) or _set_of(one) or _one_day(one)
    if same := _SAME_ENDS.fullmatch(edtf):  # "12/1949 – 12/1949": a range from a date to itself is that date
        edtf = same["date"]
    if style and style["old"]:
        english = re.match(r"o", style["old"], re.I)  # "O.S.", "old style"; not the continental "st. v.", "a. St."
        edtf = _old_style(edtf, one, year_known=one != value or not english)
    if edtf:
        return _read(edtf, raw)
    return _noted(raw) or ParsedDate("", True, raw)


def archival_day_bounds(text: str) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest possible day of a date as an archive writes it, for a search's date
    bound typed by a person: ``"Dec 1949"`` → (1949-12-01, 1949-12-31), ``"22.XII.1949"`` →
    (1949-12-22, 1949-12-22), ``"1950s"`` → (1950-01-01, 1959-12-31), ``"1949-50"`` → (1949-01-01,
    1950-12-31); read by :func:`parse_archival_date`, so the forms a search accepts are those ingest
    stores. ``None`` when ``text`` is no date it reads (``"Dec-1949"``, ``"1950-13"``), is undated
    (``"n.d."``), lies in a year to come (flagged there) or has days outside the years 1–9999
    that date filters cover. Never raises."""
    edtf = parse_archival_date(text).edtf
    if not edtf:
        return None
    try:
        return edtf_day_bounds(edtf)
    except RecordError:  # EDTF the day bounds cannot hold
        return None


# An editor's other day after a day: "January 26 [27], 1955", "September 9 [30?], 1955" (FRUS datelines)
_CORRECTED_DAY = re.compile(r"(?P<before>.*?)(?<!\d)(?P<day>\d{1,2})\s*\[(?P<other>\d{1,2})\s*\??\](?P<after>(?!\d).*)")
# A day in doubt before the rest of its date: "August 27?, 1956", "July 10(?), 1955" (FRUS datelines)
_DAY_IN_DOUBT = re.compile(r"(?P<before>.*?)(?<!\d)(?P<day>\d{1,2})\s*(?:\?|\(\?\)|\[\?\])(?P<after>,?\s+\S.*)")
# A day whose time of day was cut off after "um" (at): "1550 April 3 um" (Moritz; its EDTF column gives the day)
_TIME_CUT = re.compile(r"(?P<date>.*?\d)\s+um")
# An editor's year as we count it after the year written: "1552 [=1553] Januar 1" (Moritz: a year begun at Christmas)
_YEAR_CORRECTED = re.compile(r"(?<!\d)(\d{4})\s*\[=\s*(\d{4})\]")
# A letter dated by the day it was presented or handed over (Moritz: "präs." präsentiert, "vorgetragen", "übergeben"),
# the place after the word when given ("[vorgetragen Trient 1552 Januar 10]"): that day is the letter's date, as
# the index's own EDTF column gives it (the day it was written, on or before, is not known)
_DELIVERED = re.compile(
    r"(?:präs(?:entiert)?\.?|praes\.?|vorgetragen|übergeben|überreicht)\s+(?:[^\W\d_]+\s+)?(?P<date>\d{4}\b.*)"
    r"|(?P<before>\d{4}\b.*?)\s+(?:präs(?:entiert)?|praes)\.?",
    re.I,
)


def _one_day(text: str) -> str:
    """EDTF of a day written with an editor's mark on it: one of two days when the editor gives
    another, ``"January 26 [27], 1955"``, ``"September 9 [30?], 1955"`` → ``"[1955-01-26,1955-01-27]"``,
    ``"[1955-09-09,1955-09-30]"`` (EDTF 2019 level 2 "Set representation", one of a set: the day
    printed or the editor's, which the edition's own ``@from``/``@to`` spans too); the day alone in
    doubt, ``"August 27?, 1956"`` → ``"1956-08-?27"`` (level 2 "Qualification" of a component, as
    ``"[May?] 1950"`` doubts the month; a "?" after the whole date doubts all of it); a day whose
    time was cut off after "um", ``"1550 April 3 um"`` → ``"1550-04-03"``; ``""`` for anything else,
    and when the rest is no whole day (``"1950 [51]"``)."""
    if m := _CORRECTED_DAY.fullmatch(text):
        days = sorted({_simple(f"{m['before']}{m['day']}{m['after']}"), _simple(f"{m['before']}{m['other']}{m['after']}")})
        if not all(_DAY.fullmatch(day) for day in days):
            return ""
        return days[0] if len(days) == 1 else _try_edtf(f"[{days[0]},{days[1]}]")
    if m := _DAY_IN_DOUBT.fullmatch(text):
        day = _simple(f"{m['before']}{m['day']}{m['after']}")
        return _try_edtf(f"{day[:8]}?{day[8:]}") if _DAY.fullmatch(day) else ""
    if (m := _TIME_CUT.fullmatch(text)) and _DAY.fullmatch(day := _simple(m["date"])):
        return day
    return ""


# A note in brackets after a date, holding no digit: "1 January 1950 (draft)", "1950 [copy]", "… 5:20 p.m. (EST)"
_NOTE = re.compile(r"(?P<date>.*?[^\s(\[])\s*[(\[](?P<note>[^()\[\]\d]*[^\W\d_][^()\[\]\d]*)[)\]]\.?")
_NOTE_APPROX = re.compile(_APPROX_WORDS, re.I)
_NOTE_UNCERTAIN = re.compile(f"{_UNCERTAIN_WORDS}|uncertain", re.I)
_BOUND_WORD = re.compile(r"(?<![^\W\d_])(?:" + "|".join(w.replace(" ", r"\s+") for w in _BOUND_SIDE) + r")(?![^\W\d_])", re.I)
_NOTE_DATE_WORDS = frozenset(
    "or oder ou and und et to bis until till from von between zwischen entre"
    " style stil stils stilo julian julianisch julien gregorian gregorianisch grégorien calendar kalender calendrier"
    " hijri hidschra hégire rumi mali".split()
)  # a note with one of these, a month's or season's name, or "before", "early" …, says more of the date: not dropped


def _noted(raw: str) -> ParsedDate | None:
    """``raw`` read without a note in brackets after its date, or None when it has none or the rest
    is no date: ``"1 January 1950 (draft)"`` → ``1950-01-01``, ``"1950 [copy]"`` → ``1950``; a note
    that is a qualifier qualifies it, ``"1950 (circa)"`` → ``1950~``, ``"1950 (probably)"`` →
    ``1950?``. The text as written keeps the note. A note naming a month, season or calendar, or with
    words of a range, set, bound or part ("May 1950 (or June)", "1950 (before May)", "1950 (late)",
    "1664 (Julian)"; "(O.S.)" is read as such, see :func:`_old_style`) is part of the date, not a
    remark on the document, so the date is then not read: the curator sees it."""
    if not (m := _NOTE.fullmatch(raw)) or _STYLE.fullmatch(raw):  # "10 January 1664 (O.S.)": the calendar named
        return None
    note = m["note"].strip().rstrip(".").strip()
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", note)}
    if words & (_NOTE_DATE_WORDS | _MONTH_NAMES.keys() | _SEASON_NAMES.keys()) or _BOUND_WORD.search(note) or _PART_OF.search(note):
        return None
    if _NOTE_APPROX.fullmatch(note):
        date = f"ca. {m['date']}"
    elif _NOTE_UNCERTAIN.fullmatch(note):
        date = f"probably {m['date']}"
    else:
        date = m["date"]
    parsed = parse_archival_date(date)
    if parsed.flagged and not parsed.future:
        return None
    return ParsedDate(parsed.edtf, parsed.flagged, raw, parsed.future)


def _read(edtf: str, raw: str) -> ParsedDate:
    """``edtf`` read from ``raw``, flagged instead when it lies in a year to come: its earliest day
    after the current year, or its latest after the next ("2150", "1950/2150"; "Winter 2026",
    January 2026 to February 2027, is read in 2026). Archives hold what has happened, so such a
    date is almost certainly a typo ("2150" for "1950"), and a curator should look rather than
    date filters find it; the record still loads, with its date as written."""
    try:
        future = in_year_to_come(edtf)
    except RecordError:  # read from words that make no date: a range ending before it starts
        return ParsedDate("", True, raw)
    if future:
        return ParsedDate("", True, raw, future=True)
    return ParsedDate(edtf, False, raw)


def either_order(text: str) -> tuple[str, str] | None:
    """The two days a date written with slashes or hyphens may be, day or month first, as ISO dates,
    when both are real and differ (``01/02/1951``, ``01-02-1951``: 1951-02-01 or 1951-01-02), else
    None: archives write both orders, so only a number over 12 settles which is meant
    (``12/22/1949``, ``22-12-1949``), and a search box or query that names both says what to write
    instead of "not a date". Said of the date qualified or noted too (``c. 01/02/1951``: :func:`_bare`)."""
    if not (m := _NUMBERED.fullmatch(_bare(text))):
        return None
    first, second, year = int(m[1]), int(m[3]), int(m[4])
    days = []
    for month, day in ((second, first), (first, second)):
        try:
            days.append(dt.date(year, month, day).isoformat())
        except ValueError:
            return None
    return (days[0], days[1]) if days[0] != days[1] else None


def numbered_day_problem(text: str) -> str | None:
    """What makes a date written in numbers no day, in words a researcher reads (for a search box or
    query that could not read it, and the ingest report: :func:`unread_reason`): day and month in
    either order with slashes, hyphens or spaces, ``22-13-1949``, ``22 13 1949`` → "neither 22 nor 13 is a month",
    ``31/02/1949`` → "31 is not a day of February 1949, which has 28", ``00-05-1949`` → "00 is
    neither a day nor a month"; the day first with full stops, ``22.13.1949`` → "13 is not a month", ``31.02.1949``
    alike; the year first with slashes, ``1949/13/22`` → "13 is not a month", ``1949/02/30`` → "30 is not a day of
    February 1949, which has 28", and with hyphens (ISO 8601) where the edtf library reads no date, ``1949-12-32`` →
    "32 is not a day of December 1949, which has 31", ``1949-13-01`` → "13 is not a month"; a month and its year,
    ``13/1949`` → "13 is not a month"; a year of two digits, ``22-12-49``,
    ``22.XII.49``, ``22-Dec-49``, ``49/12/22`` (49 being no day nor month, the year first) → "the year 49 has
    two digits, and its century would be a guess: write the year in four digits"; a month and a year of two digits over
    31 (``_MONTH_TWO_DIGIT_YEAR``), ``12/49``, ``XII.49`` alike, with what to write: "…, as 12/1949 if 1949 is meant"; neither end a day, ``49/12/50``,
    ``00/12/50`` → "neither 00 nor 50 is a day: …". A date qualified or noted is told as the date alone (``c. 22-12-49``,
    ``[22-12-49]``, ``22.12.49 (draft)``, ``22-13-1949.``: :func:`_bare`). None when ``text`` is no such form or names
    a real day in one order at least (read, or one of two: :func:`either_order`), and for the year 0000 (a placeholder,
    see ``_ZERO_YEAR``)."""
    text = _bare(text)
    if m := _TWO_DIGIT_YEAR.fullmatch(text):
        first, year = m["first"], m["year"]
        if not 1 <= int(first) <= 31 and not 1 <= int(year) <= 31:  # "49/12/50", "00/12/50": a year of two digits at either end
            said = f"{first} is not a day" if first == year else f"neither {first} nor {year} is a day"
            return f"{said}: write the date as YYYY-MM-DD, its year in four digits"
        year = first if int(first) > 31 >= int(year) else year  # "49/12/22": 49 is no day, so the year
        return f"the year {year} has two digits, and its century would be a guess: write the year in four digits"
    if (m := _MONTH_TWO_DIGIT_YEAR.fullmatch(text)) and _month_number(m["month"]):  # "12/49": a month of 1849, 1949 …
        sep = m["sep"].strip()
        return (f"the year {m['year']} has two digits, and its century would be a guess: write the year in four digits,"
                f" as {m['month']}{sep}19{m['year']} if 19{m['year']} is meant")  # fmt: skip
    if m := _TWO_NUMBERS.fullmatch(text):  # "13/49", "12/22", "22/12"
        return _two_numbers_problem(m)
    if (m := _DAY.fullmatch(text)) and int(m[1]) and not _try_edtf(text):  # "1949-12-32": the edtf library reads no such day
        return _no_day_of(int(m[1]), int(m[2]), int(m[3]), m[3]) if 1 <= int(m[2]) <= 12 else f"{m[2]} is not a month"
    if (written := _year_first(text)) and written[0]:
        year, typed, month, day = written
        if month is None and day is None and typed.isdigit():  # "1949 13", "1743 44": the year, a space, no month
            later = _later_year(f"{year:04d}", typed)
            what = f"if it is {year} to {later}, write it as {year}/{later}" if later else "write a month as YYYY-MM"
            return f"{typed} is not a month: {what}"
        if month is None:
            return f"{typed} is not a month"
        return _no_day_of(year, month, int(day), day) if day else None
    if (m := _DOTTED_DAY.fullmatch(text)) and int(m[3]):  # "22.13.1949": full stops part the day first
        return _no_day_of(int(m[3]), month, int(m[1]), m[1]) if (month := _month_number(m[2])) else f"{m[2]} is not a month"
    if (m := _MONTH_YEAR.fullmatch(text)) and int(m["year"]):  # "13/1949"
        return None if _month_number(m["month"]) else f"{m['month']} is not a month"
    if not (m := _NUMBERED.fullmatch(text)) or int(m[4]) == 0:
        return None
    first, second, year = int(m[1]), int(m[3]), int(m[4])
    for number, typed in ((first, m[1]), (second, m[3])):
        if number == 0:
            return f"{typed} is neither a day nor a month"
    if first > 12 and second > 12:
        return f"{m[1]} is not a month" if m[1] == m[3] else f"neither {m[1]} nor {m[3]} is a month"
    if first <= 12 and second <= 12:
        return None  # a day either way round
    day, month = (first, second) if first > 12 else (second, first)
    return _no_day_of(year, month, day, str(day))


def unread_reason(text: str) -> str | None:
    """Why :func:`parse_archival_date` leaves ``text``, a date written in numbers, unread, in words an
    archivist or researcher reads, for the ingest report and the search's ``date:``: it may be either of
    two days (:func:`either_order`), ``"05/06/1949 may be 1949-06-05 or 1949-05-06: write the one meant
    as YYYY-MM-DD"``, or names no day (:func:`numbered_day_problem`: ``"13 is not a month"``, ``"the
    year 49 has two digits, and its century would be a guess: write the year in four digits"``), or is a range
    that ends before it starts (:func:`_backwards`), or one an end of which names no day (:func:`_ends_reason`), or
    three dates joined as a range's two are (:func:`_many_dates_reason`). None for a text of another form, which is
    then only said not to be read."""
    if (both := either_order(text)) is not None:  # said of the date alone: "c. 05/06/1949" is no day but approximate
        return f"{_unqualified(text)} may be {both[0]} or {both[1]}: write the one meant as YYYY-MM-DD"
    return (
        _run_reason(text) or numbered_day_problem(text) or _backwards(text) or _orders_reason(text) or _ends_reason(text)
        or _many_dates_reason(text)
    )


# the slash between two dates written year first with hyphens (ISO 8601, "1949-12-32/1950-01-05"): where _range_sides cuts
# a range too
_ISO_SLASH = re.compile(r"(?<=\d)/(?=\d{4}-)")


def _range_sides(text: str) -> list[tuple[str, str]]:
    """The two sides of ``text`` (:func:`_bare`) at each mark that may join a range's dates (``_SLASHED_RANGE``: a dash,
    a hyphen, "to", "bis"; ``_ISO_SLASH``) written nowhere in either side, each stripped: ``"22/12/1949 – 1950"`` →
    ``[("22/12/1949", "1950")]``; ``"0-1743-1949"`` → ``[]`` (its hyphens part a date's numbers and join two dates alike: :func:`_run_reason`)."""
    value, sides = _bare(text), []
    for m in (*_SLASHED_RANGE.finditer(value), *_ISO_SLASH.finditer(value)):
        start, end = value[: m.start()].strip(), value[m.end():].strip()
        if m[0] not in start and m[0] not in end:
            sides.append((start, end))
    return sides


def _orders_reason(text: str) -> str | None:
    """Why a range of two days in numbers with the same marks (``_NUMBERED``), neither of which tells whether the day or
    the month comes first (:func:`_range_ends`), is not read, with the ranges it may be read either way, the start not
    after the end: "neither of its dates tells whether the day or the month comes first: it may be 1949-06-05 to
    1950-08-07 (the day first) or 1949-05-06 to 1950-07-08 (the month first): write the one meant as
    1949-06-05/1950-08-07 or 1949-05-06/1950-07-08" (``05/06/1949 – 07/08/1950``); None for any other text, or one read."""
    if not parse_archival_date(text).flagged:
        return None
    for start, end in _range_sides(text):
        sides = [_NUMBERED.fullmatch(side) for side in (start, end)]
        if not all(sides) or sides[0][2].strip() != sides[1][2].strip():
            continue
        readings = {}
        for order, (day, month) in (("the day first", (1, 3)), ("the month first", (3, 1))):
            a, b = (_edtf_of(int(m[4]), int(m[month]), int(m[day])) for m in sides)
            if a and b and a <= b and (a, b) not in readings.values():
                readings[order] = (a, b)
        said = "neither of its dates tells whether the day or the month comes first"
        if len(readings) == 2:
            return (f"{said}: it may be {' or '.join(f'{a} to {b} ({order})' for order, (a, b) in readings.items())}: write the"
                    f" one meant as {' or '.join(f'{a}/{b}' for a, b in readings.values())}")  # fmt: skip
        if len(readings) == 1:
            (order, (a, b)), = readings.items()
            return f"{said}, and read other than {order} it ends before it starts: if it is {a} to {b}, write it as {a}/{b}"
    return None


def _ends_reason(text: str) -> str | None:
    """Why a range of two dates (cut as :func:`_range_sides` cuts it) is not read when an end of it is one date in numbers
    unread alone: each such end's own reason, named, "; " between two (:func:`numbered_day_problem`, and for three numbers
    :func:`_run_reason`; not the reasons of a range, as an end is one date): ``"13/1949 – 02/1950"`` → "its start,
    13/1949: 13 is not a month", ``"22.12.1949 – 32.01.1950"`` → "its end, 32.01.1950: 32 is not a day of January 1950,
    which has 31", ``"1911/12/13 – 1949/12/22"`` → "its start, 1911/12/13: it may be the day 1911-12-13 or …"; an end
    that may be either of two days (:func:`either_order`), ``"22/12/1949 – 05-01-1950"`` → "its end, 05-01-1950, may be
    1950-01-05 or 1950-05-01: write the one meant as YYYY-MM-DD". None for any other text, one read, or one with an end
    unread alone for no reason said (``"December 14-13, 1964"``: "December 14" names no year). The one place for what
    two steps said before, one of an end in numbers beside one read, the other of each end of a range cut once."""
    if not parse_archival_date(text).flagged:
        return None
    for start, end in _range_sides(text):
        said: list[str] | None = []
        for place, side in (("start", start), ("end", end)):
            if parse_archival_date(side).edtf:
                continue
            if (both := either_order(side)) is not None:
                said.append(f"its {place}, {side}, may be {both[0]} or {both[1]}: write the one meant as YYYY-MM-DD")
            elif reason := (_THREE_NUMBERS.fullmatch(side) and _run_reason(side)) or numbered_day_problem(side):
                said.append(f"its {place}, {side}: {reason}")
            else:
                said = None  # an end unread for a reason not known: none is said of the range
                break
        if said:
            return "; ".join(said)
    return None


# where _many_dates_reason cuts three dates or more: a dash, a hyphen between spaces, "to", "bis" (a hyphen without spaces
# may be a date's own: "1949-12-22 – 1950 – 1951")
_MANY_SPLIT = re.compile(rf"\s*(?:[{_DASHES}]|\s-\s|\bto\b|\bbis\b)\s*")


def _many_dates_reason(text: str) -> str | None:
    """Why three dates or more joined by the marks of a range (``_MANY_SPLIT``), each read alone a year, month or day
    (``_DATE_READ``), are not read: "it joins 3 dates, 1949-12, 1950-02 and 1950-03, where a range joins two: if it is
    1949-12 to 1950-03, write it as 1949-12/1950-03" (``12/1949 – 02/1950 – 03/1950``), or, the dates out of order,
    "…: write a range as its first and last dates, as YYYY-MM-DD/YYYY-MM-DD". None for any other text, or one read."""
    value = _bare(text)
    parts = [part.strip() for part in _MANY_SPLIT.split(value)]
    if len(parts) < 3 or not parse_archival_date(text).flagged:
        return None
    dates = [parse_archival_date(part).edtf for part in parts]
    if not all(_DATE_READ.fullmatch(date) for date in dates):
        return None
    said = f"it joins {len(dates)} dates, {', '.join(dates[:-1])} and {dates[-1]}, where a range joins two"
    if all(day_bounds(a)[0] <= day_bounds(b)[1] for a, b in zip(dates, dates[1:])):
        return f"{said}: if it is {dates[0]} to {dates[-1]}, write it as {dates[0]}/{dates[-1]}"
    return f"{said}: write a range as its first and last dates, as YYYY-MM-DD/YYYY-MM-DD"


def _run_reason(text: str) -> str | None:
    """Why ``text``, numbers joined by one separator (``_RUN``, ``_SPACED_RUN``, ``_THREE_NUMBERS``: ``1949/12/22/1950``, ``1949/12/1950``), is not read, with
    the ranges of two dates it may be, each side read as :func:`parse_archival_date` reads it alone: "its slashes part a
    date's numbers and join two dates alike, so it may be 1949 to 1950-12-22 or 1949-12-22 to 1950: write the one meant
    as 1949/1950-12-22 or 1949-12-22/1950" (EDTF level 0 "Time Interval"); the one range, or none, is said so too. Three
    numbers or more each a year after the one before (``_THREE_NUMBERS``, :func:`_later_year`: ``1743/44/45``, ``1743-4-5``) are a
    run of years, which no date is: "its slashes join the years 1743, 1744 and 1745, where a date has one: if it is 1743 to
    1745, write it as 1743/1745"; three that are a day too (``1911/12/13``, :func:`_year_first`) are said to be either: "it
    may be the day 1911-12-13 or the years 1911, 1912 and 1913 (…): write the one meant as 1911-12-13 or 1911/1913". None
    for any other text."""
    bare = _unqualified(text)
    if not (m := _SPACED_RUN.fullmatch(bare) or _THREE_NUMBERS.fullmatch(bare)) or not parse_archival_date(text).flagged:
        return None
    mark, numbers = m["sep"], re.findall(r"\d+", bare)
    marks = "slashes" if mark == "/" else "hyphens" if mark == "-" else "dashes"
    years = numbers[:1] if len(numbers[0]) == 4 else [""]
    for number in numbers[1:]:
        years.append(_later_year(years[-1], number) if years[-1] else "")
    if len(numbers) == 3 and all(years) and _years_run(numbers) and (day := _edtf_of(int(numbers[0]), int(numbers[1]), int(numbers[2]))):
        return (f"it may be the day {day} or the years {', '.join(years[:-1])} and {years[-1]} (its {marks} part a date's"
                f" numbers and join years alike): write the one meant as {day} or {years[0]}/{years[-1]}")  # fmt: skip
    if all(years):
        return (f"its {marks} join the years {', '.join(years[:-1])} and {years[-1]}, where a date has one: if it is {years[0]}"
                f" to {years[-1]}, write it as {years[0]}/{years[-1]}")  # fmt: skip
    if not (ranges := _cut_ranges(bare, mark)) and len(numbers) == 3:
        return None  # a date's three numbers, that name no day (numbered_day_problem)
    if not ranges:
        return (f"it has {len(numbers)} numbers joined by {marks}, where a date has 3, and they make no two dates: write a date"
                " as YYYY-MM-DD, a range as YYYY-MM-DD/YYYY-MM-DD")  # fmt: skip
    said = f"its {marks} part a date's numbers and join two dates alike, so"
    if len(ranges) == 1:
        return f"{said} which of its numbers make a date is a guess: if it is {ranges[0][0]} to {ranges[0][1]}, write it as {'/'.join(ranges[0])}"
    return (f"{said} it may be {' or '.join(f'{a} to {b}' for a, b in ranges)}: write the one meant as "
            f"{' or '.join(f'{a}/{b}' for a, b in ranges)}")  # fmt: skip


_DATE_READ = re.compile(r"\d{4}(?:-\d{2}){0,2}")  # a year, month or day read, no more: a side of a range _run_reason names


def _cut_ranges(numbers: str, mark: str, dates_only: bool = True) -> list[tuple[str, str]]:
    """The ranges of two dates that ``numbers``, numbers joined by ``mark`` (``_RUN``, ``_THREE_NUMBERS``), may be, cut at
    each mark in turn, each side read as :func:`parse_archival_date` reads it alone, a year, month or day (``_DATE_READ``),
    the start not after the end: ``("1949/12/1950", "/")`` → ``[("1949", "1950-12"), ("1949-12", "1950")]``; without
    ``dates_only``, each cut whose sides read as anything: ``("1950/1/1951", "/")`` → ``[("1950", "1951-01"), ("1950/1951",
    "1951")]`` ("1950/1" is 1950 to 1951, as DFAT writes a financial year, or January 1950)."""
    parts, ranges = re.findall(r"\d+", numbers), []
    for cut in range(1, len(parts)):
        start, end = (parse_archival_date(mark.join(side)).edtf for side in (parts[:cut], parts[cut:]))
        if not dates_only and start and end:
            ranges.append((start, end))
        elif _DATE_READ.fullmatch(start) and _DATE_READ.fullmatch(end) and day_bounds(start)[0] <= day_bounds(end)[1]:
            ranges.append((start, end))
    return ranges


def _backwards(text: str) -> str | None:
    """"it ends (1949-12-20) before it starts (1949-12-22): write the earlier date first" for a range whose two
    dates each read alone, split as :func:`_interval` splits it (``1949-12-22/1949-12-20``, ``22.12.1949–20.12.1949``,
    ``1949/12/22 – 1949/12/20``: :func:`_slashed_ends`), when the second ends before the first starts; None
    for any other text, and for a range whose side borrows from the other (``December 14-13, 1964``)."""
    value = _bare(text)
    if (ends := _slashed_ends(value)) is None:
        if not (separator := _RANGE_SPLIT.search(value)):
            return None
        ends = _range_ends(value[: separator.start()], value[separator.end():])
    start, end = ends
    if not start or not end or "/" in start + end or not (first := edtf_day_bounds(start)) or not (last := edtf_day_bounds(end)):
        return None
    return f"it ends ({end}) before it starts ({start}): write the earlier date first" if first[0] > last[1] else None


def _bare(text: str) -> str:
    """``text`` without what :func:`parse_archival_date` reads around a date (:func:`_unqualified`), its dashes as
    hyphens (:func:`_hyphened`), so that why a date in numbers is unread is said of it qualified or noted too."""
    return _hyphened(_unqualified(text))


def _unqualified(text: str) -> str:
    """``text`` as written without what :func:`parse_archival_date` reads around a date: words or marks of
    approximation or doubt before or after it (``c. 22-12-49``, ``probably 22-12-49``, ``22-12-49?``), an editor's
    brackets (``[22-12-49]``), a note in brackets after it (``22.12.49 (draft)``, ``_NOTE``), a sentence's full stop
    (``22-12-49.``, ``_SENTENCE_END``) → ``22-12-49`` …"""
    value, before = _clean(text), None
    while value != before:
        before = value
        if m := _NOTE.fullmatch(value):
            value = m["date"]
        if m := _UNCERTAIN.match(value) or _APPROX.match(value):
            value = value[m.end():]
        value = _SENTENCE_END.sub("", re.sub(r"\s*(?:\(\?\)|\?)$", "", value).strip())  # "05/06/1949.": a full stop
        if re.fullmatch(r"\[[^\[\]]*\]", value):
            value = value[1:-1].strip()
    return value


def _no_day_of(year: int, month: int, day: int, typed: str) -> str | None:
    """"31 is not a day of February 1949, which has 28" when the month has no day ``day`` (written
    ``typed``), else None."""
    last = calendar.monthrange(year, month)[1]
    return f"{typed} is not a day of {MONTHS[month - 1]} {year}, which has {last}" if not 1 <= day <= last else None


def in_year_to_come(edtf: str) -> bool:
    """True when the valid EDTF value ``edtf`` lies in a year to come: its earliest day after the
    current year, or its latest after the next (``"2150"``, ``"1950/2150"``; ``"Winter 2026"`` read in
    2026 is not). A value with unspecified digits (EDTF ``X``: ``202X``, ``20XX`` for "21st century")
    counts by its earliest day alone: its latest, 2029 or 2099, is the limit of what is known, not
    a claim that the document lies then. A long year after the year 9999 (EDTF ``Y12150``) is to
    come; one before the year 1 (``Y-170000002``) is not. The one rule for dates read from text
    (:func:`parse_archival_date`) and EDTF given as such (a ``date_edtf`` field, a TEI ``@when``),
    which ingest applies to both."""
    if re.match(r"Y[0-9]", edtf):  # EDTF's long year (Level 1, "Y170000002"): past 9999, and to come
        return True
    bounds = edtf_day_bounds(edtf)
    return bool(bounds) and years_to_come(bounds[0].year, bounds[1].year, unspecified="X" in edtf)


def years_to_come(first: int, last: int, unspecified: bool = False) -> bool:
    """The rule of :func:`in_year_to_come` on a date's first and last possible years (1–9999), for
    a caller that holds its day bounds already (a validated record's ``date_earliest``/``date_latest``);
    ``unspecified``: the date has unspecified digits (EDTF ``X``), and only its first year counts."""
    this_year = dt.date.today().year
    return first > this_year or (not unspecified and last > this_year + 1)



_YEAR = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")


def disagreement(text: str, first: int, last: int) -> str | None:
    """What the date as written ``text`` reads as (EDTF, :func:`parse_archival_date`) when its days
    do not overlap those of the EDTF date given beside it, whose first and last possible years are
    ``first`` and ``last``; ``None`` when they agree, or ``text`` reads as no date. A text naming a
    year of four digits, none of them within ``first`` … ``last``, is read: a year apart
    (``22.XII.1949`` beside ``1975``, a typo in one of two columns) is what this catches; a day
    apart within a year the text names (``April 9, 1949`` beside ``1949-04-19``, as four of the
    demo's 4,418 FRUS datelines stand beside their ``@when``) is not looked for, as reading every
    dated record's text took 0.2 ms, a tenth of ingesting a FRUS document. The admin's check, on a
    date a curator enters, is the same overlap (:class:`legation.records.admin.DocumentForm`)."""
    years = [int(y) for y in _YEAR.findall(text)]
    if not years or any(first <= y <= last for y in years):
        return None
    read = parse_archival_date(text).edtf
    said = edtf_day_bounds(read) if read else None
    return read if said and (said[1].year < first or said[0].year > last) else None


def edtf_left_behind(stored: DocumentRecord, record: DocumentRecord) -> str | None:
    """What ``record``'s date as written reads as (EDTF, :func:`parse_archival_date`) when it is
    ``stored``'s date as written corrected alone: changed to read as another date, while its EDTF
    date stays ``stored``'s and does not lie within the days the new text reads as (an export's
    ``"January 23, 1918"`` made ``"January 28, 1918"`` beside ``1918-01-23``, or an undated
    document's text made ``"1918"``), so that pages would show the new date while date filters,
    sorts and the histogram kept the old one. ``None`` when the texts read alike, when the new one
    reads as no date (``"undated"``, or unread: the EDTF date says more), when the EDTF date lies
    within it (``"January 1918"`` beside ``1918-01-23``: an editor's day, as ``"ca. 1571"`` beside
    ``1571`` in QhoD) or has no days to compare (before the year 1), and when the EDTF date changed
    too. A pair as a source gives it is never refused, as it changed nothing alone: 23 datelines of
    the 100 FRUS volumes, 110 Moritz letters and 2 QhoD letters stand so beside EDTF dates outside
    the days their texts read as (``"April 9, 1949."`` beside ``1949-04-19``), and their exports
    read back. Both records are validated ones (:meth:`DocumentRecord.validate`), so nothing is raised."""
    if record.date_text == stored.date_text or record.date_edtf != stored.date_edtf:
        return None
    read = parse_archival_date(record.date_text).edtf
    if not read or read == parse_archival_date(stored.date_text).edtf:
        return None
    said = edtf_day_bounds(read)
    if not record.date_edtf:
        return read if said else None
    given = edtf_day_bounds(record.date_edtf)
    if not said or not given or lies_within(given, said):
        return None
    return read


def dated(data: object) -> object:
    """A Legation JSON Lines object (``DocumentRecord.to_dict`` shape) with ``date_edtf`` read from
    ``date_text`` by :func:`parse_archival_date` when the line gives the date as written but no
    ``date_edtf`` key (a hand-written line: ``{"identifier": "x", "title": "…", "date_text": "1950"}``
    → ``date_edtf`` ``"1950"``); a text not understood gives ``""``, which ingest reports as a date
    it could not read. A line with ``date_edtf``, even ``""`` (an export of an undated document), and
    anything not such an object, is returned as given."""
    if isinstance(data, dict) and "date_edtf" not in data and isinstance(text := data.get("date_text"), str) and text.strip():
        return {**data, "date_edtf": parse_archival_date(text).edtf}
    return data


def tei_attributes_as_written(date) -> str:
    """The date attributes of a TEI ``date``, ``origDate`` or ``origin`` element as written, for
    one whose text is empty and whose attributes make no date (``when="1918-02-31"``): its start
    (``@when``, ``@from`` or ``@notBefore``) and end (``@to`` or ``@notAfter``) joined by " – ";
    kept as the date as written, so the ingest reports it as unread. "" when it has none."""
    ends = (date.get("when") or date.get("from") or date.get("notBefore"), date.get("to") or date.get("notAfter"))
    return " – ".join(v.strip() for v in ends if v and v.strip())


# what a date written with a qualifier holds (_APPROX, _UNCERTAIN, _APPROX_INSIDE, a question mark or
# brackets): only such a text is read again beside a TEI date's attributes (tei_edtf), where reading
# every FRUS dateline ("November 12, 1949") cost 54 µs a document
_MAY_QUALIFY = re.compile(f"{_APPROX.pattern}|{_UNCERTAIN.pattern}|{_APPROX_INSIDE.pattern}|[?~%\\[\\]()]", re.I)


def tei_edtf(date, written: str = "") -> str:
    """EDTF of a TEI ``date``, ``origDate`` or ``origin`` element from its attributes (every TEI
    reader's one rule): ``@when`` (with ``@to``: an interval from it), ``@from``/``@to``,
    ``@notBefore``/``@notAfter``, the time of day dropped; ``""`` when they give no complete valid
    date, an interval ending before it starts (``from="1990" to="1989"``) included. ``written``:
    the element's text; when it reads as that very date approximate or uncertain (``ca. 1571``,
    ``[1571?]`` for ``when="1571"``; ``ca. 1571–1573`` for ``from="1571" to="1573"``), the date is so
    qualified (``1571~``, ``1571~/1573~``), as the date written alone would be: the attributes give
    the date's value (TEI P5 att.datable.w3c), not that the edition is sure of it."""
    when, end = date.get("when"), date.get("to") or date.get("notAfter")
    start = when or date.get("from") or date.get("notBefore")
    if when and not date.get("to"):
        given = edtf_from_iso(when)
    elif start and end and (a := edtf_from_iso(start)) and (b := edtf_from_iso(end)):
        given = a if a == b else _try_edtf(f"{a}/{b}")
    else:
        return ""
    said = parse_archival_date(written).edtf if given and _MAY_QUALIFY.search(written) else ""
    bare = "/".join(side.rstrip("~?%") for side in said.split("/"))  # "1571~/1573~": each end's qualifier
    return said if said != given and bare == given else given
