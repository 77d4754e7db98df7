"""Text of files that are not UTF-8: the encoding checked or guessed, and what the operator is told.

Spreadsheets and old systems save tables in a legacy encoding (Excel on Windows in the "ANSI" code
page of its locale: Windows-1252 in Western Europe, Windows-1250 in Central Europe, Windows-1251 for
Cyrillic, Windows-1254 for Turkish, Windows-1255 for Hebrew, Windows-1256 for Arabic; Excel for Mac
before 2016 in Mac Roman; Unix tools in ISO-8859-2 or KOI8-R; Chinese, Japanese and Korean systems in
GB18030, Shift JIS, EUC-KR). The bytes do not say which, and most of them decode without error in
every single-byte encoding, so the wrong one gives mojibake silently: Polish "Gomułką w Łodzi" saved
as Windows-1250 reads as Windows-1252 "Gomu³k¹ w £odzi". :func:`guess` picks the encoding in three
steps:

1. chardet (``detect_all``, its statistical models of each language in each encoding) ranks the
   encodings of today's systems and the older ISO and Mac ones (:data:`ERAS`; not the DOS and
   mainframe code pages). A UTF-16/UTF-32 file, and one it reads as Chinese, Japanese, Korean,
   Thai or another script :func:`implausibility` knows no alphabet of, is taken as it says.
2. Otherwise its first candidates, and always :data:`LATIN` and :data:`CYRILLIC`, are each decoded and
   the most plausible text wins (:func:`implausibility`, lower is better): running text has no
   symbols or numerals stuck to letters ("Gomu³k¹", "£odzi", "…bschelwitz"), no letter beside one
   of another script ("Zьrich"), no punctuation inside a word ("Baranyav‡r"), no capital after a
   small letter ("BrŸcke", "ZÌrich"), and its accented letters come from one language's alphabet
   (:data:`ALPHABETS`: "Příliš" is Czech, "Pøíliš" mixes Danish ø with Czech š). A tie goes to
   chardet's ranking: the Hebrew of a Windows-1255 file also reads as Russian-looking letters in
   Windows-1251 ("олъб"), and Turkish "Doğu" in Windows-1254 as Icelandic-looking "Doðu" in
   Windows-1252; chardet tells them apart by which letters follow which. Candidates it did not
   rank follow in the order of :data:`LATIN` and :data:`CYRILLIC`, the commonest first.
   The plausibility is judged on the file's lines holding a byte beyond ASCII (:func:`_beyond_ascii`),
   wherever they stand, and a reading that is a Windows-1252 or other common one is named so.
3. When even the most plausible text is garbled (:func:`odd_words`: a quarter of its words with
   letters beyond ASCII, two at least, hold a capital after a small letter, two scripts, or no ASCII
   letter among three Latin ones), the file is refused, saying to give ``--encoding``.

Measured on CSV files made from the real corpora (``benchmarks/ingest/encodings.py``: English,
German, French, Turkish, Korean and Chinese records, 1,041 files in their legacy encodings), chardet
alone reads 1,035 as written, its ranking of the lines beyond ASCII with the plausibility check
1,040 (the other is a title of one line whose one accented letter reads as well in Mac Roman as in
Windows-1252: "Öbschelwitz", "…bschelwitz").
charset-normalizer, used before, with the plausibility check read 888 (91 misread, 62 refused:
English with typographic quotes taken for DOS or Mac code pages, Turkish for Icelandic).

A file that is mostly UTF-8, but for a few bytes (one row saved in another encoding), is refused
naming the line (:func:`decode`): read whole in a legacy encoding, every UTF-8 row would be mojibake.

Whenever the encoding was guessed, :attr:`Decoded.note` says which one, what the runner-up would
have read, and how to override it (``legation ingest --encoding NAME``, or a mapping's
``"encoding"``). A declared encoding wins, but when another reads the bytes more plausibly the
note says so (:func:`_doubt`): a wrong one still decodes, into mojibake.
"""

from __future__ import annotations

import codecs
import functools
import operator
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from legation.errors import IngestError

LATIN = ("cp1252", "cp1250", "iso8859-2", "mac-roman", "cp1254")
"""The single-byte encodings of Latin-script text that :func:`guess` always compares, in the order
that wins a tie chardet does not settle: Windows-1252, Windows-1250, ISO-8859-2, Mac Roman and
Windows-1254 (Turkish)."""

CYRILLIC = ("cp1251", "koi8-r", "koi8-u")
"""The single-byte encodings of Russian and other Cyrillic-script text that :func:`guess` always compares
after :data:`LATIN`: Windows-1251 (Excel on Windows), KOI8-R (Unix, mail and older Russian systems) and
KOI8-U, its Ukrainian extension (a tie chardet does not settle goes to Windows-1251)."""

ERAS = ("MODERN_WEB", "LEGACY_ISO", "LEGACY_MAC")
"""The eras (``chardet.EncodingEra``) of the encodings chardet ranks: those of today's systems (the Windows code pages, KOI8, the CJK
ones, UTF-16/32), ISO-8859 and Mac. Not the DOS code pages (cp437, cp850, cp862 …), which read
any two bytes as some language's letters (chardet took the Mac Roman "éö" for DOS Hebrew), nor
EBCDIC, nor the regional ones (UTF-7, HZ), which read plain ASCII as something else."""

NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "ascii": "ASCII",
    "cp1252": "Windows-1252 (Western European)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1255": "Windows-1255 (Hebrew)",
    "cp1256": "Windows-1256 (Arabic)",
    "cp1257": "Windows-1257 (Baltic)",
    "koi8-r": "KOI8-R (Cyrillic)",
    "koi8-u": "KOI8-U (Ukrainian)",
    "iso8859-2": "ISO-8859-2 (Latin-2, Central European)",
    "iso8859-1": "ISO-8859-1 (Latin-1)",
    "iso8859-15": "ISO-8859-15 (Latin-9)",
    "mac-roman": "Mac Roman",
    "mac-latin2": "Mac Central European",
    "shift_jis": "Shift JIS (Japanese)",
    "cp932": "Windows-932 (Japanese Shift JIS)",
    "euc_jp": "EUC-JP (Japanese)",
    "gb2312": "GB2312 (Simplified Chinese)",
    "gbk": "GBK (Simplified Chinese)",
    "gb18030": "GB18030 (Chinese)",
    "big5": "Big5 (Traditional Chinese)",
    "cp950": "Windows-950 (Traditional Chinese Big5)",
    "euc_kr": "EUC-KR (Korean)",
    "cp949": "Windows-949 (Korean)",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
}

# The accented (non-ASCII) small letters of the alphabets of European languages written in Latin,
# Cyrillic and Greek script, and the letters of Hebrew, Arabic and Persian. A text in one language
# takes all its accented letters from one of these.
ALPHABETS = {
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Spanish": "áéíñóúü",
    "Portuguese": "áâãàçéêíóôõú",
    "Italian": "àèéìíîòóùú",
    "Catalan": "àçèéíïòóúü·",
    "Dutch": "éèëïöüáóú",
    "Danish and Norwegian": "æøåéó",
    "Swedish": "åäöé",
    "Finnish": "äöåšž",
    "Icelandic": "áðéíóúýþæö",
    "Estonian": "äõöüšž",
    "Polish": "ąćęłńóśźż",
    "Czech": "áčďéěíňóřšťúůýž",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Hungarian": "áéíóöőúüű",
    "Slovene": "čšž",
    "Croatian": "čćđšž",
    "Romanian": "ăâîșțşţ",
    "Albanian": "çë",
    "Turkish": "çğıöşüâî",
    "Latvian": "āčēģīķļņšūž",
    "Lithuanian": "ąčęėįšųūž",
    "Russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "Ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "Belarusian": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "Bulgarian": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "Serbian and Macedonian": "абвгдђѓежзѕијклљмнњопрстћќуфхцчџш",
    "Greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
    "Hebrew": "אבגדהוזחטיךכלםמןנסעףפץצקרשת",
    "Arabic": "ءآأؤإئابةتثجحخدذرزسشصضطظعغـفقكلمنهوىي",
    "Persian": "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءأؤئة",
}
_POINTED = ("HEBREW", "ARABIC")  # scripts whose single-byte encodings hold combining vowel points (niqqud, harakat)
# apostrophes (and the acute accent typed for one: "Adenauer´s"), middle dot, hyphens, and dashes (English sets
# "Washington—Moscow" closed up): at home inside words
# Hebrew's geresh, gershayim and maqaf, Arabic's tatweel, the joiners and direction marks of Windows-1255
# and -1256, and the not sign that texts converted from print or IBM systems hyphenate with ("expres¬sion")
_IN_WORD = frozenset("’ʼ‘´·\u00ad\u2010\u2011–—¬\u05f3\u05f4\u05be\u0640\u200c\u200d\u200e\u200f")
_BESIDE_WORD = _IN_WORD | frozenset("‚“”„«»‹›…¡¿،؛؟")  # quotes, ellipsis, Arabic comma: at home beside a word, not inside it
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_C1 = re.compile(r"[\x80-\x9f]")  # the C1 controls (ISO/IEC 6429): bytes 0x80–0x9F read in an ISO-8859 code page
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")  # never in a table's text: a wrong decoding
SAMPLE = 500_000  # bytes of a file's lines beyond ASCII judged (:func:`_beyond_ascii`): enough, quick on a large file


@dataclass(frozen=True)
class Decoded:
    """A file's text; ``encoding`` the Python codec name it was read with (``"utf-8"``,
    ``"cp1250"``); ``note`` what the ingest report should tell the operator: the encoding guessed,
    or a declared one that another reads more plausibly ("" when certain: UTF-8, a byte order mark,
    or declared and not in doubt)."""

    text: str
    encoding: str
    note: str = ""


def check_encoding(name: str) -> str:
    """The codec name Python gives the text encoding ``name`` (``"Windows-1250"`` → ``"cp1250"``,
    ``"macroman"`` → ``"mac-roman"``). Raises ValueError, saying what to give instead, when Python
    knows no such text encoding."""
    try:
        info = codecs.lookup(name.strip())
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}; give a name Python knows, such as {examples()}") from None
    if not getattr(info, "_is_text_encoding", True):  # base64, zlib, rot13: codecs, but not of text
        raise ValueError(f"{name!r} is not a text encoding; give one such as {examples()}")
    try:
        "a".encode(info.name)
    except UnicodeError:  # "undefined": a codec that reads nothing
        raise ValueError(f"{name!r} reads no text; give an encoding such as {examples()}") from None
    return info.name


def examples() -> str:
    return "utf-8, cp1252 (Windows-1252), cp1250 (Windows-1250), cp1251, koi8-r, iso8859-2, mac-roman, utf-16, utf-16-le, utf-16-be"


def describe(encoding: str) -> str:
    """``"Windows-1250 (Central European)"`` for ``"cp1250"``; the codec name for others."""
    name = codecs.lookup(encoding).name
    return NAMES.get(name, name)


def wrong_encoding(
    path: str, data: bytes, start: int, encoding: str = "utf-8", declared_by: str = "", *, line: int = 0, xml: bool = False, control: bool = False
) -> IngestError:
    """The one failure of a file whose bytes are not in the ``encoding`` expected of it, whatever
    its format: at "line N" of the first byte that cannot be read in it, ``data[start]``,
    saying what the encoding should be and who says so, that byte (its place in its line, in bytes
    from 1, and its value), the encoding the file may be in instead (:func:`_instead`), and what to
    do::

        letters.jsonl, line 2: is not UTF-8 (byte 34 of the line, 0xE9, cannot be read as UTF-8;
        the file may be in Windows-1252 (Western European)): save it as UTF-8

    ``data`` is the file's bytes, or its line ``line`` alone (JSON Lines read line by line).
    ``declared_by`` names who declared ``encoding``: "" when the format requires UTF-8 (JSON, JSON
    Lines, authority and mapping files; XML that declares no encoding, ``xml`` true), "--encoding",
    "the mapping NAME" (CSV) or "its XML declaration". What to do follows from it: save the file as
    UTF-8; give the right ``--encoding NAME`` or leave it out to have the encoding detected; correct
    the mapping's ``"encoding"``; correct or add the XML declaration. ``control``: the byte does
    decode, but to a C1 control character (U+0080–U+009F), never text in a document: "0x93 reads as
    a control character in ISO-8859-15", the curly quote of a file saved in Windows-1252."""
    name = describe(encoding)
    begins = data.rfind(b"\n", 0, start) + 1
    line = line or data.count(b"\n", 0, start) + 1
    instead = _instead(data, encoding)
    may_be = f"; the file may be in {describe(instead)}" if instead else ""
    said = f", as {declared_by} says" if declared_by else ", which an XML file that declares no encoding must be" if xml else ""
    if xml and declared_by:
        remedy = f"save it as {name}, or correct its XML declaration"
    elif xml:
        example = codecs.lookup(instead or "cp1252").name.replace("cp", "windows-")
        remedy = f'save it as UTF-8, or declare its encoding in its first line: <?xml version="1.0" encoding="{example}"?>'
    elif declared_by.startswith("the mapping"):
        remedy = f'correct the mapping\'s "encoding" ({examples()}), or leave it out to have the encoding detected; --encoding NAME overrides it'
    elif declared_by:
        remedy = f"give the file's encoding with --encoding NAME ({examples()}), or leave --encoding out to have it detected"
    else:
        remedy = "save it as UTF-8"
    fails = "is a control character in it, never text" if control else f"cannot be read as {name}"
    byte = f"byte {start - begins + 1:,} of the line, 0x{data[start]:02X}, {fails}"
    return IngestError(path, f"is not {name}{said} ({byte}{may_be}): {remedy}", f"line {line}")


def _instead(data: bytes, encoding: str) -> str:
    """The encoding ``data`` may be in when it is not in ``encoding``: UTF-8 when that reads it
    whole or most of it (:func:`_mostly_utf8`), else the legacy encoding :func:`guess` finds most plausible ("cp1254" for a Turkish
    file, "cp1251" for a Russian one); "" when that is ``encoding`` itself or nothing reads it
    plausibly."""
    expected = codecs.lookup(encoding).name
    if expected not in ("utf-8", "utf-8-sig") and (_reads(data, "utf-8") or _mostly_utf8(data)):
        return "utf-8"
    try:
        found = guess(data.removeprefix(codecs.BOM_UTF8)).encoding
    except ValueError:
        return ""
    return found if codecs.lookup(found).name != expected else ""


def _reads(data: bytes, encoding: str) -> bool:
    """Whether ``data`` decodes wholly in ``encoding``."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


UTF8_STEP = 1 << 20  # bytes :func:`is_utf8` decodes at a time


def is_utf8(data: bytes | memoryview) -> bool:
    """Whether ``data`` is wholly UTF-8 (a byte order mark counts as a character), told without
    holding its text: decoded a megabyte at a time and let go, where ``bytes.decode`` would hold
    the whole text at once (four bytes a character when one lies beyond the BMP: 577 MB for a
    table of 144 MB). About a second of CPU a gigabyte."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(view), UTF8_STEP):
            decoder.decode(view[start : start + UTF8_STEP])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, declared: str = "", declared_by: str = "", path: str = "") -> Decoded:
    """The text of ``data``: in the ``declared`` encoding when given (a byte order mark dropped:
    that of UTF-16 or UTF-32 when one of them is declared with its byte order, ``utf-16-le``, and
    that of UTF-8 before bytes in a single-byte encoding, as some tools write it, which would read
    "ï»¿" before the first header), else UTF-8 (BOM dropped), else :func:`guess`. ``declared_by``
    says where a declared encoding came from, for the error ("--encoding", "the mapping m.json").
    Raises :class:`IngestError` at ``path`` (:func:`wrong_encoding`) when the bytes are not in the
    declared encoding, or, none declared, when they are mostly UTF-8 but for a few
    (:func:`_mostly_utf8`; at the line of the first); ValueError saying what to do when no encoding
    reads them."""
    if declared:
        name = check_encoding(declared)
        if name == "utf-8":
            name = "utf-8-sig"
        if other := _other_byte_order(data, name):
            raise IngestError(
                path,
                f"starts with the byte order mark of {describe(other)}, not {describe(name)} as {declared_by or '--encoding'} "
                f"says: its text would read as other characters; give {other} (or {other[:6]}, which reads the mark), or "
                "leave the encoding out to have it detected",
                "line 1",
            )
        try:
            text = _read_as(data, name)
        except UnicodeDecodeError as exc:
            if cut := _cut_short(data, exc):
                raise IngestError(path, cut[0], f"line {cut[1]}") from exc
            raise wrong_encoding(path, data, exc.start + (len(data) - len(exc.object)), name, declared_by or "--encoding") from exc
        if not name.startswith("utf") and (control := _C1.search(text)):  # ISO-8859-1 or -15 given for a Windows-1252 file: its “quotes”
            at = len(data) - len(data.removeprefix(codecs.BOM_UTF8)) + len(text[: control.start()].encode(name))
            raise wrong_encoding(path, data, at, name, declared_by or "--encoding", control=True)
        return Decoded(text, name, "" if name == "utf-8-sig" else _doubt(data, name, declared_by or "--encoding"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if marked := next((name for mark, name in _BYTE_ORDER_MARKS if data == mark), ""):
        return Decoded("", marked)  # a byte order mark alone: an empty file, not "яю" in Windows-1251
    if wide_without_mark(data):  # UTF-16 or UTF-32 of ASCII text is valid UTF-8, NULs between its letters
        return guess(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if (mostly := _mostly_utf8(data)) is not None:
        good, bad = mostly
        line = data.count(b"\n", 0, first_bad) + 1
        begins = data.rfind(b"\n", 0, first_bad) + 1
        raise IngestError(
            path,
            f"is UTF-8 but for {bad:,} byte{'s' * (bad > 1)} that {'are' if bad > 1 else 'is'} not ({good:,} character{'s' * (good != 1)} beyond ASCII read as "
            f"UTF-8; the first that cannot, byte {first_bad - begins + 1:,} of the line, 0x{data[first_bad]:02X}): some rows were saved in "
            "another encoding; retype or correct them and save the whole file as UTF-8",
            f"line {line}",
        )
    return guess(data)


_BYTE_ORDER_MARKS = (  # UTF-32's first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _other_byte_order(data: bytes, encoding: str) -> str:
    """The encoding with its byte order that the byte order mark ``data`` starts with names, when
    ``encoding`` (a codec name) is UTF-16 or UTF-32 with the other byte order (``utf-16-be`` given for
    a file starting FF FE), else ``""``: decoded so, each character reads as another (U+FFFE first)."""
    declared = codecs.lookup(encoding).name
    if not declared.endswith(("-le", "-be")):
        return ""
    marked = next((name for mark, name in _BYTE_ORDER_MARKS if data.startswith(mark)), "")
    return marked if marked and marked[:6] == declared[:6] and marked != declared else ""


def _read_as(data: bytes, encoding: str) -> str:
    """``data`` decoded in the ``encoding`` declared for it, a byte order mark dropped (see
    :func:`decode`). Raises UnicodeDecodeError (its ``object`` the bytes decoded, after the
    mark's when dropped before decoding) when the bytes are not in that encoding."""
    return (data if _wide(encoding) else data.removeprefix(codecs.BOM_UTF8)).decode(encoding).removeprefix("\ufeff")


def _mostly_utf8(data: bytes) -> tuple[int, int] | None:
    """``(characters beyond ASCII that read as UTF-8, bytes that do not)`` when ``data``, not wholly
    UTF-8, is mostly UTF-8: at least as many such characters as such bytes, and one at least. A file
    pasted together from two sources, one row saved in Windows-1252, read as a whole in a legacy
    encoding turns every other row into mojibake ("ZÃ¼rich"); better refused, naming the line. One
    row of each ("Zürich" in UTF-8, then in Windows-1252) was read as ISO-8859-15 and stored
    "ZÃŒrich" without a word (a fresh archivist). None otherwise."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count("\ufffd".encode())  # U+FFFD written as such is no error
    ascii_chars = len(data.translate(None, _BEYOND_ASCII_BYTES))
    good = len(text) - ascii_chars - replaced
    return (good, bad) if good >= 1 and good >= bad else None


_BEYOND_ASCII_BYTES = bytes(range(128, 256))


DOUBT_SAMPLE_BYTES = 65_536


def _doubt(data: bytes, encoding: str, declared_by: str) -> str:
    """The note on bytes that decode in the ``encoding`` declared (``declared_by``: "--encoding",
    "the mapping m.json") but read more plausibly in another (:func:`implausibility` lower): UTF-8,
    or the guess of :func:`guess`. Most bytes decode in every single-byte encoding, so a wrong one
    given stores mojibake silently ("Muñoz" in Windows-1252, given as Windows-1250: "Muńoz"). ""
    when no other reading is better (the declared one stands: a tie is no doubt). Judged on the
    file's first :data:`DOUBT_SAMPLE_BYTES` (whole lines): a declared encoding spares a large file
    the guess (19 MB of Windows-1252 read whole: 6.2 s more than its 0.05 s of decoding)."""
    sample = data if len(data) <= DOUBT_SAMPLE_BYTES else data[: data.rfind(b"\n", 0, DOUBT_SAMPLE_BYTES) + 1 or DOUBT_SAMPLE_BYTES]
    if sample.isascii():
        return ""
    try:
        text, other = _read_as(sample, encoding), decode(sample)
    except (UnicodeDecodeError, ValueError):  # a character cut at the sample's end; or no encoding reads it
        return ""
    except IngestError as exc:  # mostly UTF-8: the declared encoding reads its UTF-8 rows as mojibake
        return (
            f"was read as {describe(encoding)}, as {declared_by} says, but most of it is UTF-8 ({exc.location} holds the first byte "
            "that is not). If its text looks wrong, correct the rows saved in another encoding, save the file as UTF-8 and "
            "ingest it again with no encoding given"
        )
    if other.text == text or implausibility(other.text) >= implausibility(text):
        return ""
    ours, theirs = first_difference(text, other.text)
    example = f" ({theirs!r}, not {ours!r})" if ours else ""
    return (
        f"was read as {describe(encoding)}, as {declared_by} says, but reads more plausibly in {describe(other.encoding)}"
        f"{example}. If its text looks wrong, ingest it again with --encoding {codecs.lookup(other.encoding).name}, or "
        "with no encoding given to have it detected"
    )


def guess(data: bytes) -> Decoded:
    """The most plausible reading of bytes that are not UTF-8 (see the module docstring), with a
    note naming the encoding assumed. Raises ValueError when no candidate decodes them to text, or
    the likeliest reading is garbled (saying to give ``--encoding``)."""
    import chardet  # 0.1 s to import and 0.1 s more to load its models: only for files that need a guess

    eras = functools.reduce(operator.or_, (chardet.EncodingEra[era] for era in ERAS))
    # chardet (its first 200 kB) and the plausibility judge the lines beyond ASCII: five rows of English
    # before a Hebrew one made chardet rank the Western code pages first, and a Polish row after 2 MB of
    # ASCII went unseen. Not a file of NUL bytes (UTF-16 or UTF-32 without a byte order mark), whose
    # lines are no lines of a single-byte encoding: chardet judges it whole.
    beyond = _beyond_ascii(data)
    judged = data if b"\x00" in data[:4096] else beyond
    ranked = [p["encoding"] for p in chardet.detect_all(judged, ignore_threshold=True, encoding_era=eras, compat_names=False, prefer_superset=True)]
    ranked = [codecs.lookup(e).name for e in ranked if e]
    if wide := wide_codec(data):  # chardet ranks none when its end is cut inside a surrogate pair
        ranked.insert(0, wide)
    best = ranked[0] if ranked else ""
    if best and best not in ("ascii", "utf-8"):
        try:
            text = data.decode(best)
        except UnicodeDecodeError as exc:  # chardet judges the first 200 kB; a byte beyond them may not read
            if cut := _cut_short(data, exc):
                raise ValueError(cut[0]) from exc
            text = ""
        if text and not _CONTROL.search(text) and (_wide(best) or _other_script(text)):
            bom = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
            text = text.removeprefix("\ufeff")
            return Decoded(text, best, "" if bom else _note(best, [], data))
    candidates = list(dict.fromkeys([*ranked[:CHARDET_CANDIDATES], *(codecs.lookup(e).name for e in (*LATIN, *CYRILLIC))]))
    scored: list[tuple[float, int, str, str, str]] = []  # implausibility, order, encoding, the lines beyond ASCII read, the file read
    for order, encoding in enumerate(candidates):
        if _wide(encoding) or encoding in ("ascii", "utf-8"):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text):
            continue
        read = beyond.decode(encoding)
        scored.append((implausibility(read), order, encoding, read, text))
    if not scored:
        raise ValueError(f"is neither UTF-8 nor in a legacy encoding Legation recognises; save it as UTF-8, or give its encoding ({examples()})")
    scored.sort(key=lambda item: item[:2])
    score, _, encoding, read, text = scored[0]
    odd, words = odd_words(read)
    if odd >= 2 and odd * 4 >= words:  # even the likeliest reading is garbled
        example = next(w for w in re.findall(r"[^\W\d_]+", read) if _odd(w))
        raise ValueError(
            f"is not UTF-8, and no encoding Legation tries reads it plausibly: the likeliest, {describe(encoding)}, "
            f"gives {odd:,} of its {words:,} words with letters beyond ASCII garbled, such as {example[:40]!r}; "
            f"give the file's encoding with --encoding NAME ({examples()}), or save it as UTF-8"
        )
    common = [codecs.lookup(e).name for e in (*LATIN, *CYRILLIC)]
    # a reading that another common code page gives too is named by the first of them (ISO-8859-15's or
    # Windows-1250's "café" as Windows-1252), the encoding that most likely saved it
    same = {e for _, _, e, _, t in scored if t == text}
    encoding = next((e for e in common if e in same), encoding)
    named = {*common, best}  # the runner-up worth naming: not chardet's rarer candidates
    others = [(s == score, e, whole) for s, _, e, _, whole in scored if whole != text and e in named][:1]
    return Decoded(text, encoding, _note(encoding, others, text))


def _cut_short(data: bytes, error: UnicodeDecodeError) -> tuple[str, int] | None:
    """What to tell of ``data``, and the line (from 1) it ends in, when ``error``, raised decoding it in
    UTF-16 or UTF-32, is that it ends inside a character (its length no whole number of the encoding's
    2- or 4-byte units, or a surrogate pair's first half last: Unicode §3.9): a file cut short in
    copying, which the rest of it reads well. None for any other error, or another encoding::

        is UTF-16 (little-endian) text cut short: it ends inside a character (its 97 bytes are no
        whole number of 2-byte units), as a file does that was truncated in copying; copy or save
        it again whole, best as UTF-8
    """
    codec = codecs.lookup(error.encoding).name
    if not _wide(codec) or error.end < len(error.object) or error.reason not in ("truncated data", "unexpected end of data"):
        return None
    width = 4 if codec.startswith("utf-32") else 2
    if codec in ("utf-16", "utf-32"):  # the byte order its mark gives, or that of its letters, else the codec's own
        codec = next((n for m, n in _BYTE_ORDER_MARKS if n.startswith(codec) and data.startswith(m)), "") or codec
    named = wide_name(codec if codec not in ("utf-16", "utf-32") else wide_codec(data) or codec)
    units = f"its {len(data):,} bytes are no whole number of {width}-byte units" if len(data) % width else "its last character is half of a surrogate pair"
    line = error.object[: error.start].decode(error.encoding, errors="replace").count("\n") + 1
    return (
        f"is {named} text cut short: it ends inside a character ({units}), as a file does that was truncated in copying; "
        "copy or save it again whole, best as UTF-8"
    ), line


def _beyond_ascii(data: bytes) -> bytes:
    """The lines of ``data`` holding a byte beyond ASCII, :data:`SAMPLE` bytes of them at most (its
    first :data:`SAMPLE` bytes when none has one): what :func:`guess` judges. Lines of ASCII alone
    read alike in every candidate and say nothing of which is right. Lines end at a line feed,
    which no byte of a legacy encoding's character holds."""
    lines, size = [], 0
    for line in data.splitlines(keepends=True):
        if not line.isascii():
            lines.append(line)
            size += len(line)
            if size >= SAMPLE:
                break
    return b"".join(lines) or data[:SAMPLE]


CHARDET_CANDIDATES = 6
"""How many of chardet's ranked encodings :func:`guess` scores beside :data:`LATIN` and :data:`CYRILLIC`."""


def _wide(encoding: str) -> bool:
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


WIDE_PROBE_BYTES = 4096  # bytes of a file's start :func:`wide_without_mark` reads


def wide_without_mark(data: bytes) -> str:
    """``"UTF-16 (big-endian)"``, ``"UTF-16 (little-endian)"``, ``"UTF-32 (big-endian)"`` or
    ``"UTF-32 (little-endian)"`` when ``data`` (a file's bytes, or its start) looks like text in that
    encoding without a byte order mark, else ``""``: among its first :data:`WIDE_PROBE_BYTES` bytes,
    at least a quarter of the bytes at the big end of each 2-byte (UTF-16) or 4-byte (UTF-32) unit
    are NUL, and almost none (an eighth of as many) at its little end, where an ASCII or Latin
    letter is written (Unicode §3.9, the encoding forms). Such bytes are valid UTF-8, NULs between the letters, and were read so:
    "identifier" as ``"\\x00i\\x00d…"``. A UTF-8 text holding a stray NUL or two does not look so, nor
    binary data whose NULs fall alike (:func:`_reads_as_text`)."""
    return wide_name(wide_codec(data))


def wide_codec(data: bytes) -> str:
    """The codec of :func:`wide_without_mark`'s reading of ``data``: ``"utf-16-le"``, ``"utf-32-be"`` …, or ``""``."""
    head = data[:WIDE_PROBE_BYTES]
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        units = len(head) // width
        if units < 2:
            continue
        nuls = [head[place::width][:units].count(0) for place in range(width)]
        # (places NUL, place of the letter): the big end of each unit is NUL below U+10000 (UTF-32) or
        # U+0100 (UTF-16), the little end holds the letter
        if width == 4:
            pattern = {"big-endian": ((0, 1), 3), "little-endian": ((2, 3), 0)}
        else:
            pattern = {"big-endian": ((0,), 1), "little-endian": ((1,), 0)}
        for order, (places, letter) in pattern.items():
            inside, outside = min(nuls[p] for p in places), nuls[letter]
            codec = f"{name.lower()}-{order[0]}e"  # utf-16-le
            if inside * 4 >= units and outside * 8 <= inside and _reads_as_text(head[: units * width], codec):
                return codec
    return ""


def wide_name(codec: str) -> str:
    """``"UTF-16 (little-endian)"`` for ``"utf-16-le"``, ``"UTF-32 (big-endian)"`` for ``"utf-32-be"``, ``"UTF-16"``
    for ``"utf-16"`` (its byte order not said); ``""`` for ``""``."""
    if not codec:
        return ""
    bits, _, order = codec.removeprefix("utf-").partition("-")
    return f"UTF-{bits} ({ {'le': 'little', 'be': 'big'}[order]}-endian)" if order else f"UTF-{bits}"


def _reads_as_text(head: bytes, codec: str) -> bool:
    """Whether ``head``, a file's first bytes, decodes in ``codec`` (a character cut at its end
    aside) to text holding no control character but whitespace (:data:`_CONTROL`): the NULs of a
    PNG's header fall where UTF-32's would, but its bytes are no such text."""
    try:
        text = codecs.getincrementaldecoder(codec)("strict").decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return not _CONTROL.search(text)


def _other_script(text: str) -> bool:
    """Whether most non-ASCII letters of ``text`` are of a script no alphabet of :data:`ALPHABETS`
    is written in (CJK, Thai …): chardet judges those, not :func:`implausibility`."""
    letters = [c for c in _NON_ASCII.findall(text[:SAMPLE]) if c.isalpha()]
    known = sum(_script(c) in _KNOWN_SCRIPTS for c in letters)
    return bool(letters) and known * 2 < len(letters)


_KNOWN_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK", "HEBREW", "ARABIC"})


def implausibility(text: str) -> int:
    """How unlike running text ``text``'s non-ASCII characters are (0: nothing odd); a reading in
    the wrong encoding scores higher. Points: 2 for a symbol or numeral touching a letter
    ("Gomu³k¹", "£odzi"; not a currency sign beside capitals, "£A31m"), for a letter beside one
    of another script ("Zьrich"), for punctuation
    other than quotes, dashes and apostrophes touching a letter ("Mac‡on", "…bschelwitz"), for
    quotes inside a word ("Mac“on"), and for a combining mark other than Hebrew's and Arabic's
    vowel points ("seٌor"); 1 for a capital right after a small letter ("BrŸcke"); 1 for each
    accented letter outside the alphabet (:data:`ALPHABETS`) that holds most of its line's
    accented letters: a table's rows may each be in another language (Müller, Mendès-France,
    Søren Ørsted, read as Windows-1252, hold letters no one alphabet has, and lost to Windows-1250's
    "Mendčs-France", "Sřren Řrsted", all Czech letters: a fresh archivist), a row seldom mixes them."""
    points = 0
    for line in text.split("\n"):
        points += _line_implausibility(line)
    return points


def _line_implausibility(text: str) -> int:
    """:func:`implausibility` of one line."""
    points = 0
    letters: Counter[str] = Counter()
    for match in _NON_ASCII.finditer(text):
        c, i = match[0], match.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        kind = unicodedata.category(c)
        if kind in ("Lu", "Ll", "Lt", "Lo"):
            if c.isupper() and before.islower():
                points += 1
            if any(n.isalpha() and _script(n) != _script(c) for n in (before, after)):
                points += 2  # Latin and Cyrillic in one word: "Zьrich", "Mьller" (Windows-1252 read as Windows-1251)
            small = c.lower()[0]  # Turkish "İ" lowers to "i" and a combining dot
            if not small.isascii():
                letters[small] += 1
        elif kind[0] == "M":  # Hebrew and Arabic points follow a letter or another point; no other single-byte encoding has marks
            if not (_script(before) in _POINTED or unicodedata.category(before)[0] == "M"):
                points += 2
        elif c in _IN_WORD:
            pass
        elif c in _BESIDE_WORD:  # “ inside a word
            points += 2 * (before.isalpha() and after.isalpha())
        elif kind == "Sc" and all(n.isascii() and not n.islower() for n in (before, after)):  # £A31m, US$: beside ASCII capitals
            pass
        elif kind[0] in "SNPC" or kind == "Lm":  # ³ £ § ‡ ¶ ‗ …
            points += 2 * (before.isalpha() or after.isalpha())
    if letters:
        covered = max(sum(n for c, n in letters.items() if c in alphabet) for alphabet in ALPHABETS.values())
        points += sum(letters.values()) - covered
    return points


def odd_words(text: str) -> tuple[int, int]:
    """How many of the words of ``text`` holding a letter beyond ASCII read as no word of running text
    can (:func:`_odd`), and how many such words there are: the mark of a reading in the wrong encoding,
    KOI8-R Russian read as Windows-1250 "ôĹĚĹÇŇÁÍÍÁ … íĎÓË×Ů" (:func:`guess` refuses such a file)."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if not w.isascii()]
    return sum(map(_odd, words)), len(words)


def _odd(word: str) -> bool:
    """Whether ``word`` is no word of running text: a capital after a small letter ("ôĹĚĹÇ", "BrŸcke"),
    letters of two scripts ("Zьrich"), or three Latin letters or more none of them ASCII ("ĐĹŇĹÇĎ")."""
    scripts = {_script(c) for c in word}
    return (
        len(scripts) > 1
        or any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))
        or (scripts == {"LATIN"} and len(word) >= 3 and not re.search(r"[A-Za-z]", word))
    )


def _script(letter: str) -> str:
    """The script of a letter as its Unicode name begins: ``"LATIN"``, ``"CYRILLIC"``, ``"GREEK"`` …"""
    return unicodedata.name(letter, "").split(" ", 1)[0]


def _note(encoding: str, others: list[tuple[bool, str, str]], text: str | bytes) -> str:
    """The report's note on a guessed encoding: which, what the runner-up would read, how to override."""
    note = f"is not UTF-8; read as {describe(encoding)}, a guess"
    override = f"--encoding NAME ({examples()}) or give the mapping \"encoding\"; better, save it as UTF-8"
    for tie, other, other_text in others:
        ours, theirs = first_difference(text if isinstance(text, str) else "", other_text)
        reads = f" ({ours!r}, or {theirs!r})" if ours else ""
        if tie:
            return (
                f"{note}: it reads as plausibly in {describe(other)}{reads}. If {describe(other)} is right, ingest it again with "
                f"--encoding {codecs.lookup(other).name}; if neither is, with {override}"
            )
        note += f": that reads more plausibly than {describe(other)}{reads.replace(', or ', ', not ')}"
    return f"{note}. If its text looks wrong, ingest it again with {override}"


def first_difference(a: str, b: str) -> tuple[str, str]:
    """The first word that reads differently in ``a`` and ``b`` (two readings of the same bytes), as each
    reads it; ``("", "")`` when they are the same. Found by comparing slices of 64 KB (in C)
    rather than splitting two readings of a large file into words (3 s for 19 MB)."""
    step, end = 1 << 16, min(len(a), len(b))
    block = next((i for i in range(0, end, step) if a[i : i + step] != b[i : i + step]), None)
    if block is None:
        if len(a) == len(b):
            return "", ""
        block = end
    at = next((i for i in range(block, min(block + step, end)) if a[i] != b[i]), end)  # or where the shorter ends
    start = max((m.end() for m in _BETWEEN_WORDS.finditer(a, max(0, at - 200), at)), default=max(0, at - 200))
    if at - start >= 200:  # no separator in reach: a very long word
        start = at
    x, y = (_BETWEEN_WORDS.split(text[start:], maxsplit=1)[0] for text in (a, b))
    return (x[:40], y[:40]) if x != y else ("", "")


_BETWEEN_WORDS = re.compile(r"[\s,;\"]+")
