"""Hostile files are refused without harm, and the rest of the batch goes on."""

from __future__ import annotations

import resource
import shutil
from pathlib import Path

import pytest

from legation.errors import IngestError
from legation.ingest.readers import read_file
from legation.ingest.service import ingest_records
from legation.records.document_record import DocumentRecord
from legation.records.models import Document
from tests.conftest import FIXTURES

BOMB = FIXTURES / "hostile" / "entity-bomb.xml"


def test_entity_expansion_bomb_is_refused_naming_the_file():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (item,) = list(read_file(BOMB))
    assert item.path == str(BOMB) and "entity" in item.message.lower()
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 200_000, "parsing the bomb must not expand it in memory"


LETTER = (
    '<?xml version="1.0"?>\n<!DOCTYPE TEI [\n{}\n]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
    "<title>Letter to &org;</title></titleStmt></fileDesc><profileDesc><correspDesc><correspAction type=\"sent\"><persName>A"
    "</persName></correspAction></correspDesc></profileDesc></teiHeader>\n<text><body><p>Dear Sir,</p>\n<p>&secret;</p>"
    "</body></text></TEI>\n"
)
HINT = (
    "; Legation never reads an external entity (it could bring a file of this computer or of the network into the "
    "archive) and expands only those the file declares with their text, so the document would lack {their} text: nothing "
    'of this file was stored. Give {each} its text in the file\'s DOCTYPE (<!ENTITY {first} "…">), or replace each reference '
    "by the text it stands for, and ingest the file again"
)


@pytest.mark.parametrize("where", ["file://{secret}", "http://127.0.0.1:9/secret.txt"])
@pytest.mark.django_db
def test_an_external_entity_fails_the_file_naming_it_and_its_content_never_appears(tmp_path: Path, where: str):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT-4711", encoding="utf-8")
    where = where.format(secret=secret)
    path = tmp_path / "letter.xml"
    path.write_text(LETTER.format(f'<!ENTITY org "the Foreign Office">\n<!ENTITY secret SYSTEM "{where}">'), encoding="utf-8")
    report = ingest_records(read_file(path))
    [failure] = report.failed
    assert (failure.where, report.added) == (f"{path}, line 8", [])  # &org; is expanded: &secret; alone fails, where it is used
    assert failure.reason == (
        f'uses an entity whose text Legation does not read: &secret; (external, at "{where}")'
        + HINT.format(their="its", each="it", first="secret")
    )
    assert Document.objects.count() == 0 and "TOP-SECRET" not in repr(report)


def test_an_entity_from_a_dtd_not_loaded_fails_too_and_one_declared_but_unused_is_harmless(tmp_path: Path):
    path = tmp_path / "letter.xml"
    path.write_text(LETTER.format("").replace("[\n\n]", 'SYSTEM "tei.dtd"'), encoding="utf-8")
    [error] = read_file(path)
    assert error.message == (
        "uses entities whose text Legation does not read: &org; (from the DTD tei.dtd, which Legation does not load), "
        "&secret; (from the DTD tei.dtd, which Legation does not load)" + HINT.format(their="their", each="each", first="org")
    )
    unused = tmp_path / "unused.xml"
    unused.write_text(
        LETTER.format('<!ENTITY unused SYSTEM "file:///etc/passwd">').replace("&org;", "the Foreign Office").replace("&secret;", "Yours"),
        encoding="utf-8",
    )
    [record] = read_file(unused)
    assert record.title == "Letter to the Foreign Office" and record.texts[0].body == "Dear Sir,\n\nYours"


@pytest.mark.django_db
def test_an_internal_entity_whose_text_refers_to_an_external_one_fails_naming_the_external_one(tmp_path: Path):
    # entities the file declares with their text are expanded now; one whose text uses an external entity
    # must not open that entity: the file fails where the text uses the internal one, naming the external one
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT-4711", encoding="utf-8")
    path = tmp_path / "letter.xml"
    path.write_text(
        LETTER.format(f'<!ENTITY org "the Foreign Office">\n<!ENTITY leak SYSTEM "file://{secret}">\n<!ENTITY secret "Yours, &leak;">'),
        encoding="utf-8",
    )
    report = ingest_records(read_file(path))
    [failure] = report.failed
    assert (failure.where, report.added, Document.objects.count()) == (f"{path}, line 9", [], 0)
    assert failure.reason == (
        f'uses an entity whose text Legation does not read: &leak; (external, at "file://{secret}"; used in the text of the entity '
        "&secret; (declared at line 5))" + HINT.format(their="its", each="it", first="leak")
    )
    assert "TOP-SECRET" not in repr(report)


def test_a_parameter_entity_pulls_nothing_in(tmp_path: Path):
    # parameter entities are not expanded: what an external one (an ISO entity set, say) would declare fails
    # where the text uses it, naming the parameter entity; one whose declarations the text does not use is harmless
    declarations = tmp_path / "entities.ent"
    declarations.write_text('<!ENTITY secret "TOP-SECRET-CONTENT-4711">', encoding="utf-8")
    path = tmp_path / "letter.xml"
    path.write_text(LETTER.format(f'<!ENTITY % set SYSTEM "{declarations}">\n%set;\n<!ENTITY org "the Foreign Office">'), encoding="utf-8")
    [error] = read_file(path)
    assert (error.location, error.message) == (
        "line 9",
        f'uses an entity whose text Legation does not read: &secret; (not declared in the file itself: perhaps by %set; (at "{declarations}"), '
        "which Legation does not expand)" + HINT.format(their="its", each="it", first="secret"),
    )
    assert "TOP-SECRET" not in str(error)
    path.write_text(path.read_text(encoding="utf-8").replace("&secret;", "Yours"), encoding="utf-8")
    [record] = read_file(path)
    assert (record.title, record.texts[0].body) == ("Letter to the Foreign Office", "Dear Sir,\n\nYours")


def test_an_entity_declared_nowhere_fails_as_malformed_in_the_text_or_in_an_entity_s(tmp_path: Path):
    path = tmp_path / "letter.xml"
    said = (
        "is malformed XML at this line: it uses the entity &nowhere;, which is declared nowhere; the file is broken there: "
        "correct that line (or ask its publisher to), or leave the file out"
    )
    for secret, used in (("Yours", "&nowhere;"), ("Yours, &nowhere;", "&secret;")):
        path.write_text(LETTER.format(f'<!ENTITY org "the Foreign Office">\n<!ENTITY secret "{secret}">').replace("&secret;", used), encoding="utf-8")
        [error] = read_file(path)
        # where the text uses it, itself or the entity holding it, named with the line declaring it (it was not named)
        held = " (in the text of the entity &secret;, declared at line 4)" if used == "&secret;" else ""
        assert (error.location, error.message) == ("line 8", said.replace("declared nowhere", f"declared nowhere{held}"))


@pytest.mark.parametrize("one_line", [False, True])
def test_an_include_in_an_entitys_text_fails_naming_the_entity(tmp_path: Path, one_line: bool):
    # it named no entity and no line ("in the text of an entity the file declares"), and on a file written on
    # one line said "line 1" as if the include were in the file's own text
    path = tmp_path / "letter.xml"
    include = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>'
    written = LETTER.format(f'<!ENTITY org "the Foreign Office">\n<!ENTITY secret \'{include}\'>')
    path.write_text(written.replace("\n", "") if one_line else written, encoding="utf-8")
    [error] = read_file(path)
    declared, used = (1, 1) if one_line else (4, 8)
    assert error.location == f"line {used}" and error.message.startswith(
        f'includes other XML with XInclude: <xi:include href="/etc/passwd"/> (in the text of the entity &secret;, declared at line '
        f"{declared}, used at line {used}); Legation never follows an include"
    )
    # one in the file's own text is at its line, and one in an entity another entity's text uses names both
    path.write_text(written.replace("<p>Dear Sir,</p>", '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="ch3.xml"/>'), encoding="utf-8")
    [error] = read_file(path)
    assert (error.location, error.message.split("; Legation")[0]) == (
        "line 7",
        'includes other XML with XInclude: <xi:include href="ch3.xml"/> (line 7), <xi:include href="/etc/passwd"/> (in the text '
        "of the entity &secret;, declared at line 4, used at line 8)",
    )
    path.write_text(written.replace("&secret;", "&letter;").replace("<!ENTITY org", '<!ENTITY letter "Yours, &secret;"><!ENTITY org'), encoding="utf-8")
    [error] = read_file(path)
    assert error.location == "line 8" and "(in the text of the entity &secret;, declared at line 4, used at line 8 through &letter; (declared at line 3))" in error.message


NOT_CLOSED = (
    'whose text is not well-formed XML by itself: <hi> is never closed; an entity\'s text must close every element it opens and write '
    '"<" and "&" as &lt; and &amp; (XML 1.0 §4.3.2), so the file is broken there. Correct its declaration (<!ENTITY secret …> at '
    "line {declared}), or replace each &secret; by the text it stands for, and ingest the file again"
)


@pytest.mark.parametrize(
    ("declarations", "one_line", "location", "named"),
    [
        ('<!ENTITY org "the Foreign Office">\n<!ENTITY secret "<hi>Yours">', False, "line 8", "&secret; (declared at line 4)"),
        ('<!ENTITY org "the Foreign Office">\n<!ENTITY secret "<hi>Yours">', True, "line 1", "&secret; (declared at line 1)"),
        (
            '<!ENTITY org "the Foreign Office">\n<!ENTITY secret "<hi>Yours">\n<!ENTITY letter "Dear Sir, &secret;">',
            False,
            "line 9",
            "&secret; (declared at line 4; the text of &letter; (declared at line 5) uses it)",
        ),
    ],
)
def test_an_entity_whose_text_leaves_an_element_open_fails_naming_it_at_the_line_that_uses_it(tmp_path, declarations, one_line, location, named):
    # it said "<hi> (opened at line 1) is never closed", a line of the entity's text, and an entity used in
    # another's text was said to be at line 1 of the file
    path = tmp_path / "letter.xml"
    written = LETTER.format(declarations)
    written = written.replace("<p>&secret;</p>", "<p>&letter;</p>") if "letter" in declarations else written
    path.write_text(written.replace("\n", "") if one_line else written, encoding="utf-8")
    [error] = read_file(path)
    assert (error.location, error.message) == (location, f"uses the entity {named}, " + NOT_CLOSED.format(declared=named.split("line ")[1][0]))


@pytest.mark.parametrize("written", ["one line", "UTF-16"])
def test_an_entity_leaving_an_element_open_is_named_on_one_line_after_other_letters_and_in_utf16(tmp_path, written):
    # libxml2 counts the column of an error in the text in characters, not bytes: on one line with letters beyond
    # ASCII before the reference it was not found, and a UTF-16 file was never searched for entities at all; both
    # said "is malformed XML at this line: <hi> (opened at line 1) is never closed"
    path = tmp_path / "letter.xml"
    letter = LETTER.format('<!ENTITY org "the Foreign Office">\n<!ENTITY secret "<hi>Yours">').replace("Dear Sir,", "Sehr geehrter Herr Bürgi, Ihr Brief über die Grüße —")
    if written == "one line":
        path.write_text(letter.replace("\n", ""), encoding="utf-8")
    else:
        path.write_bytes(letter.encode("utf-16"))
    [error] = read_file(path)
    declared, used = (1, 1) if written == "one line" else (4, 8)
    assert (error.location, error.message) == (f"line {used}", f"uses the entity &secret; (declared at line {declared}), " + NOT_CLOSED.format(declared=declared))


@pytest.mark.parametrize("one_line", [False, True])
def test_a_prefix_in_an_entity_s_text_is_the_one_in_scope_where_it_is_used(tmp_path, one_line):
    # <!ENTITY secret "<tei:hi>…"> used in a text declaring xmlns:tei on its root failed as "uses the prefix tei:
    # without declaring it": libxml2 reads an entity's text apart from where it is used
    path = tmp_path / "letter.xml"
    letter = LETTER.format('<!ENTITY org "the Foreign Office">\n<!ENTITY secret "<tei:hi rend=\'&org;\'>Yours</tei:hi>">')
    letter = letter.replace("<TEI ", '<TEI xmlns:tei="http://www.tei-c.org/ns/1.0" ', 1)
    path.write_text(letter.replace("\n", "") if one_line else letter, encoding="utf-8")
    [record] = read_file(path)
    assert record.texts[0].body == "Dear Sir,\n\nYours"
    # a prefix declared nowhere is named with the entity whose text uses it, at the line that uses the entity
    path.write_text(letter.replace("tei:hi", "q:hi"), encoding="utf-8")
    [error] = read_file(path)
    assert (error.location, error.message.split(", so what")[0]) == (
        "line 8",
        "uses the prefix q: without declaring it (Namespace prefix q on hi is not defined (in the text of the entity &secret;, declared at line 4))",
    )


@pytest.mark.parametrize(
    "parameter",
    [
        '<!ENTITY % p "x">\n%p;',  # an internal one whose text declares nothing
        "<!ENTITY % p \"<!ENTITY unused 'never used'>\">\n%p;",  # one declaring what the text does not use
        '<!ENTITY % p SYSTEM "{declarations}">\n%p;',  # an external one (an ISO entity set, say): never read
        "%p;",  # one declared nowhere
    ],
)
def test_a_file_on_one_line_with_a_parameter_entity_is_read_as_the_same_file_on_many_lines(tmp_path: Path, parameter: str):
    # written on one line, the reference %p; in the DOCTYPE was taken for one in the text, and the file failed
    # naming "&p;" where the same file on several lines read it, as the code before internal entities were expanded
    # read the last three on one line too (it failed the first as malformed, expanding %p; into the DOCTYPE)
    declarations = tmp_path / "entities.ent"
    declarations.write_text('<!ENTITY secret "TOP-SECRET-CONTENT-4711">', encoding="utf-8")
    written = LETTER.format(parameter.format(declarations=declarations) + '\n<!ENTITY org "the Foreign Office">').replace("&secret;", "Yours")
    records = []
    for name, text in (("many-lines.xml", written), ("one-line.xml", written.replace("\n", ""))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        records += [(record.title, record.texts[0].body) for record in read_file(tmp_path / name)]
    assert records == [("Letter to the Foreign Office", "Dear Sir,\n\nYours")] * 2
    # what an unexpanded parameter entity would declare fails where the text uses it, naming it, on one line as on many
    failures = []
    for name, text in (("many-lines.xml", written), ("one-line.xml", written.replace("\n", ""))):
        (tmp_path / name).write_text(text.replace("Yours", "&secret;"), encoding="utf-8")
        [error] = read_file(tmp_path / name)
        failures.append((error.location, error.message))
    assert [location for location, _ in failures] == ["line 9" if "\n" in parameter else "line 8", "line 1"]
    assert failures[0][1] == failures[1][1] and failures[0][1].startswith(
        "uses an entity whose text Legation does not read: &secret; (not declared in the file itself: perhaps by %p;"
    )
    assert not [f for f in failures if "TOP-SECRET" in f[1]]


@pytest.mark.parametrize("one_line", [False, True])
@pytest.mark.parametrize("unread", ["parameter", "external"])
def test_an_unread_entity_the_text_uses_through_two_others_fails_the_file_at_the_line_that_uses_them(tmp_path: Path, unread: str, one_line: bool):
    # libxml2 says such a reference is at a line of the entity's text that holds it: taken for a parameter
    # entity's reference in the DOCTYPE, the file was read with that text missing ("[see ]"), not a word said;
    # an external one was said to be "declared nowhere" at line 1
    declarations = tmp_path / "entities.ent"
    declarations.write_text('<!ENTITY secret "TOP-SECRET-CONTENT-4711">', encoding="utf-8")
    unread_one = f'<!ENTITY % set SYSTEM "{declarations}">\n%set;' if unread == "parameter" else f'<!ENTITY secret SYSTEM "{declarations}">\n'
    written = LETTER.format(f'{unread_one}\n<!ENTITY org "the Foreign Office">\n<!ENTITY wrap "see &secret;">\n<!ENTITY wrap2 "[&wrap;]">')
    path = tmp_path / "letter.xml"
    path.write_text((written.replace("\n", "") if one_line else written).replace("<p>&secret;</p>", "<p>&wrap2;</p>"), encoding="utf-8")
    [error] = read_file(path)
    said = f'(not declared in the file itself: perhaps by %set; (at "{declarations}")' if unread == "parameter" else f'(external, at "{declarations}"'
    assert error.location == ("line 1" if one_line else "line 11")
    assert error.message.startswith(f"uses an entity whose text Legation does not read: &secret; {said}") and "TOP-SECRET" not in error.message
    # the entity whose text holds the reference is named with its line (it was not named)
    assert f"; used in the text of the entity &wrap; (declared at line {1 if one_line else 6})); Legation never reads" in error.message


@pytest.mark.parametrize("one_line", [False, True])
def test_an_external_entity_in_the_text_of_one_the_file_uses_is_named_with_that_entity(tmp_path: Path, one_line: bool):
    # libxml2 reports it at the line that uses the outer entity, as if the file's text wrote it there: the message
    # named &secret; alone, which the line it gave does not hold
    declarations = tmp_path / "entities.ent"
    declarations.write_text("TOP-SECRET-CONTENT-4711", encoding="utf-8")
    written = LETTER.format(f'<!ENTITY org "the Foreign Office">\n<!ENTITY secret SYSTEM "{declarations}">\n<!ENTITY wrap "<hi>see &secret;</hi>">')
    path = tmp_path / "letter.xml"
    path.write_text((written.replace("\n", "") if one_line else written).replace("<p>&secret;</p>", "<p>&wrap;</p>"), encoding="utf-8")
    [error] = read_file(path)
    assert (error.location, error.message.split("; Legation never")[0]) == (
        f"line {1 if one_line else 9}",
        f'uses an entity whose text Legation does not read: &secret; (external, at "{declarations}"; used in the text of the entity '
        f"&wrap; (declared at line {1 if one_line else 5}))",
    )


LAUGHS = "\n".join(['<!ENTITY lol "lol">', *(f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">' for i in range(1, 10))])
BOMBS = {  # built from entities the file declares with their text only, each used where its name says
    "laughs in the text": (LAUGHS, "&lol9;"),
    "laughs in an attribute": (LAUGHS, '<hi rend="&lol9;">x</hi>'),
    "laughs of elements": ("\n".join(['<!ENTITY m0 "<hi>x</hi>">', *(f'<!ENTITY m{i} "' + f"&m{i - 1};" * 10 + '">' for i in range(1, 9))]), "&m8;"),
    "quadratic blowup": (f'<!ENTITY a "{"a" * 100_000}">', "&a;" * 20_000),
    "a loop": ('<!ENTITY x "&y;">\n<!ENTITY y "&x;">', "&x;"),
}


GROWS = {  # the entity each bomb names, where it is declared and used, and what it expands to
    "laughs in the text": ("&lol9; (declared at line 12)", 17, "expands to 3,000,000,000 characters"),
    "laughs in an attribute": ("&lol9; (declared at line 12)", 17, "expands to 3,000,000,000 characters"),
    "laughs of elements": ("&m8; (declared at line 11)", 16, "expands to 1,000,000,000 characters"),
    "quadratic blowup": ("&a; (declared at line 3)", 8, "expands to 100,000 characters and is used 20,000 times"),
    "a loop": ("&x; (declared at line 3)", 9, "expands without end (its text leads to an entity whose text refers back to itself, a loop)"),
}


@pytest.mark.parametrize("one_line", [False, True])
@pytest.mark.parametrize("bomb", BOMBS)
def test_an_expansion_bomb_of_internal_entities_is_refused_naming_it_while_the_file_s_other_entities_expand(tmp_path: Path, bomb: str, one_line: bool):
    # the message pointed at the file's first <!ENTITY>, whichever entity blew up
    declarations, used = BOMBS[bomb]
    subset = f'{declarations}\n<!ENTITY org "the Foreign Office">'
    path = tmp_path / "bomb.xml"
    written = LETTER.format(subset)
    path.write_text((written.replace("\n", "") if one_line else written).replace("&secret;", used), encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    [error] = read_file(path)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    entity, line, grows = GROWS[bomb]
    if one_line:
        entity, line = entity.split(" (")[0] + " (declared at line 1)", 1
    assert (error.location, error.message) == (
        f"line {line}",  # where the text uses it
        f'was refused: its entity {entity} {grows}: an entity-expansion ("billion laughs") attack, or a text used so often '
        "that the file grows to many times its size; Legation reads no such file. Leave it out; or, if you trust the file, "
        "replace the references by the text they stand for (xmllint --noent bomb.xml > bomb-whole.xml) and ingest that, or "
        "remove its <!ENTITY> declarations and the references to them",
    )
    assert grown_kb < 50_000, "the bomb must not be expanded in memory"
    # the same declarations, the bomb not used: the file is read, its harmless entity expanded
    path.write_text(LETTER.format(subset).replace("&secret;", "Yours"), encoding="utf-8")
    [record] = read_file(path)
    assert (record.title, record.texts[0].body) == ("Letter to the Foreign Office", "Dear Sir,\n\nYours")


@pytest.mark.django_db
def test_a_bad_file_in_a_batch_does_not_stop_the_good_ones(tmp_path: Path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(BOMB, folder / "a-bomb.xml")
    (folder / "b-truncated.xml").write_text((FIXTURES / "frus" / "frus1917-72PubDip.xml").read_text()[:5000])
    shutil.copy(FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl", folder / "c-seed.jsonl")
    from legation.ingest.readers import files_to_read

    items = [item for path in files_to_read([folder]) for item in read_file(path)]
    report = ingest_records(items)
    assert len(report.added) == 10 and Document.objects.count() == 10
    assert sorted(f.where.split(",")[0].rsplit("/", 1)[-1] for f in report.failed) == ["a-bomb.xml", "b-truncated.xml"]
    assert not Document.objects.filter(texts__body__contains="lollol").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("title", "nul\u0000in title", "title holds the control character U+0000 at character 4"),
        ("summary", "a bell\u0007", "summary holds the control character U+0007 at character 7"),
        ("identifier", "pg-nul\u0000", "identifier 'pg-nul\\x00'"),
        # a lone surrogate ("\ud800" in JSON) could not be written as UTF-8: a traceback, and the good line lost
        ("title", "lone \ud800 surrogate", "title holds half of a surrogate pair U+D800 at character 6"),
        # no XML may hold U+FFFE or U+FFFF (XML 1.0 §2.2): they passed in a Legation JSON Lines title
        ("title", "swapped \ufffe mark", "title holds the noncharacter U+FFFE at character 9"),
    ],
)
def test_a_control_character_fails_its_line_the_same_on_every_store(tmp_path: Path, field: str, value: str, said: str):
    # PostgreSQL refuses NUL in text and stopped the whole ingest with a traceback; SQLite stored it,
    # and such an archive could not be copied to PostgreSQL. Now the line fails, naming the field, and the next is kept.
    import json

    path = tmp_path / "controls.jsonl"
    bad = {"identifier": "pg-nul-1", "title": "Fine", field: value}
    path.write_text(json.dumps(bad) + "\n" + json.dumps({"identifier": "pg-ok-2", "title": "fine"}) + "\n", encoding="utf-8")
    report = ingest_records(list(read_file(path)))
    (failure,) = report.failed
    assert failure.where.endswith("controls.jsonl, line 1") and said in failure.reason, failure.reason
    assert list(Document.objects.values_list("identifier", flat=True)) == ["pg-ok-2"]


def test_the_quick_look_for_unstorable_characters_agrees_with_the_rule_on_every_character():
    # Records are validated by their reader and again on storing; the regular expression of the rule
    # was most of that, so a quicker look (UTF-8 encoding and bytes.translate) says first whether to run
    # it. It must agree with the rule on every code point, alone and inside a text.
    from legation.records.document_record import UNSTORABLE_CHARACTERS, holds_unstorable, unstorable

    disagree = [
        code
        for code in range(0x110000)
        if holds_unstorable(chr(code)) != bool(UNSTORABLE_CHARACTERS.search(chr(code)))
        or holds_unstorable(f"Telegram\n{chr(code)} é 周") != bool(UNSTORABLE_CHARACTERS.search(chr(code)))
    ]
    assert disagree == []
    assert unstorable("text", "tab\tline\nreturn\r, Lüshun 旅顺") == ""
    assert unstorable("text", "a\x1fb") == "text holds the control character U+001F at character 2 ('a\\x1fb')"


def test_readers_drop_the_noncharacters_no_record_may_hold(tmp_path: Path):
    # U+FFFE is a byte order mark read in the wrong order: a table's cells and a TEI's text lose it
    # as they lose a BOM, rather than fail their record
    path = tmp_path / "swapped.csv"
    path.write_text("identifier,title,text\nf-1,\"Note\ufffe here\",\"body\uffff text\"\n", encoding="utf-8")
    [record] = [item for item in read_file(path) if isinstance(item, DocumentRecord)]
    assert (record.title, record.texts[0].body) == ("Note here", "body text")


def tei_file(path: Path, body: bytes, declaration: bytes = b'<?xml version="1.0"?>\n') -> Path:
    path.write_bytes(
        declaration + b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        b"</fileDesc></teiHeader>\n<text><body>\n" + body + b"\n</body></text></TEI>\n"
    )
    return path


def test_deep_nesting_is_told_apart_from_an_entity_bomb(tmp_path: Path):
    # 5,000 nested <hi> and no entity at all were reported as a "billion laughs" attack, telling the
    # archivist to remove <!ENTITY> declarations the file does not have
    deep = tei_file(tmp_path / "deep.xml", b"<p>" + b"<hi>" * 5000 + b"x" + b"</hi>" * 5000 + b"</p>")
    (error,) = list(read_file(deep))
    assert error.location == "line 4"
    assert error.message == (
        "nests its elements more than 256 deep (at <hi>, line 4), deeper than Legation reads: no archival document "
        "needs that, so the file is damaged or made to exhaust the reader. Check how it was made or exported (flatten "
        "the nesting), or leave it out"
    )
    (bomb,) = list(read_file(BOMB))
    assert "billion laughs" in bomb.message and "deep" not in bomb.message and "ENTITY" in bomb.message
    assert bomb.location.startswith("line ")


@pytest.mark.parametrize("internal", ["XML_PARSE_HUGE", "xmlCtxtSetMaxAmplification", "Premature end of data", "text starting ''"])
def test_no_message_repeats_the_parser_internals(tmp_path: Path, internal: str):
    files = [
        tei_file(tmp_path / "deep.xml", b"<p>" + b"<hi>" * 300 + b"</hi>" * 300 + b"</p>"),
        tei_file(tmp_path / "cut.xml", b"<p>Dear Sir,</p>\n<p>I have the honour<note>see"),
        BOMB,
        tmp_path / "empty.xml",
    ]
    (tmp_path / "empty.xml").write_bytes(b"")
    (tmp_path / "cut.xml").write_bytes((tmp_path / "cut.xml").read_bytes().split(b"see")[0] + b"see")
    messages = [str(item) for path in files for item in read_file(path)]
    assert len(messages) == 4 and not [m for m in messages if internal in m]


def test_a_cut_off_file_names_the_element_it_ends_in_and_its_line(tmp_path: Path):
    path = tei_file(tmp_path / "cut.xml", b"<p>Dear Sir,</p>\n<p>I have the honour<note>see")
    path.write_bytes(path.read_bytes().split(b"see")[0] + b"see")
    (error,) = list(read_file(path))
    assert (error.location, error.message) == (
        "line 5",
        "ends in the middle of <note> (opened at line 5): the file is cut off; download or export it again",
    )


@pytest.mark.parametrize(("data", "message"), [(b"", "is empty (0 bytes)"), (b" \n\n", "is blank (only spaces and line breaks)")])
def test_an_empty_xml_file_says_it_is_empty(tmp_path: Path, data: bytes, message: str):
    path = tmp_path / "letter.xml"
    path.write_bytes(data)
    (error,) = list(read_file(path))
    assert (error.location, error.message) == ("", f"{message}: it holds no XML; download or export it again, or leave it out")


def test_latin_1_labelled_utf_8_is_blamed_on_its_encoding_at_the_byte_and_line(tmp_path: Path):
    declared = tei_file(tmp_path / "declared.xml", "<p>Zürich</p>".encode("latin-1"), b'<?xml version="1.0" encoding="UTF-8"?>\n')
    (error,) = list(read_file(declared))
    assert (error.location, error.message) == (
        "line 4",
        "is not UTF-8, as its XML declaration says (byte 5 of the line, 0xFC, cannot be read as UTF-8; the file may be in "
        "Windows-1252 (Western European)): save it as UTF-8, or correct its XML declaration",
    )
    undeclared = tei_file(tmp_path / "undeclared.xml", "<p>café</p>".encode("latin-1"), b"")
    (error,) = list(read_file(undeclared))
    assert (error.location, error.message) == (
        "line 3",
        "is not UTF-8, which an XML file that declares no encoding must be (byte 7 of the line, 0xE9, cannot be read as "
        "UTF-8; the file may be in Windows-1252 (Western European)): save it as UTF-8, or declare its encoding in its "
        'first line: <?xml version="1.0" encoding="windows-1252"?>',
    )
    right = tei_file(tmp_path / "right.xml", "<p>Zürich</p>".encode("latin-1"), b'<?xml version="1.0" encoding="ISO-8859-1"?>\n')
    assert "Zürich" in repr(list(read_file(right)))  # declared rightly: read


@pytest.mark.parametrize("declared", ["ISO-8859-1", "windows-1252", "latin1"])
def test_utf_8_under_a_single_byte_declaration_fails_rather_than_store_mojibake(tmp_path: Path, declared: str):
    # every byte reads as ISO-8859-1, so the file was stored "Zürich" → "ZÃ¼rich" and reported added
    path = tei_file(tmp_path / "saved-as-utf8.xml", "<p>Gesandtschaft in Zürich</p>".encode(), f'<?xml version="1.0" encoding="{declared}"?>\n'.encode())
    (error,) = list(read_file(path))
    assert isinstance(error, IngestError) and (error.location, error.message) == (
        "line 4",
        f"declares the encoding '{declared}' but is written in UTF-8 ('Zürich' read as {declared} would be 'ZÃ¼rich'): "
        f'correct its XML declaration to encoding="UTF-8", or save the file in {declared}',
    )
    ascii_only = tei_file(tmp_path / "ascii.xml", b"<p>Zurich</p>", f'<?xml version="1.0" encoding="{declared}"?>\n'.encode())
    assert "Zurich" in repr(list(read_file(ascii_only)))  # nothing beyond ASCII: the declaration is right either way


def test_a_tei_file_in_another_namespace_names_the_namespace_it_is_in(tmp_path: Path):
    # it said "root element is <TEI>, expected <TEI> in http://www.tei-c.org/ns/1.0", naming no difference
    path = tmp_path / "wrong-namespace.xml"
    path.write_bytes((FIXTURES / "tei" / "49548.xml").read_bytes().replace(b"http://www.tei-c.org/ns/1.0", b"http://www.tei-c.org/ns/2.0"))
    (error,) = list(read_file(path))
    assert isinstance(error, IngestError) and error.message.startswith(
        "is not a TEI file (root element is <TEI> in http://www.tei-c.org/ns/2.0, expected <TEI> in http://www.tei-c.org/ns/1.0)"
    )
    path.write_bytes(b'<?xml version="1.0"?>\n<TEI><teiHeader/></TEI>\n')
    (error,) = list(read_file(path))
    assert "root element is <TEI> in no namespace, expected <TEI> in http://www.tei-c.org/ns/1.0" in error.message


ONE_LINE = (
    '<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>One line</title>'
    "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>"
    "<p>first <hi>tag</p><p>second</p></body></text></TEI>"
)
MALFORMED = "; the file is broken there: correct that line (or ask its publisher to), or leave the file out"
CUT_OFF = ": the file is cut off; download or export it again"


def test_a_mistake_on_a_one_line_file_is_malformed_there_at_its_column_not_a_cut_off_file(tmp_path: Path):
    # the parser's error was on the file's last line, so every mistake of a one-line file was "cut off"
    path = tmp_path / "oneline.xml"
    path.write_text(ONE_LINE, encoding="utf-8")
    (error,) = list(read_file(path))
    # libxml2's column is where it stood: just after the </p> that closes <hi>
    column = ONE_LINE.index("tag</p>") + len("tag</p>") + 1
    assert column == 253
    assert (error.location, error.message) == (
        f"line 1, column {column}",
        "is malformed XML at this line: <hi> (opened at line 1) is closed by </p>" + MALFORMED,
    )
    ampersand = ONE_LINE.replace("first <hi>tag</p>", "A & B</p>")
    path.write_text(ampersand, encoding="utf-8")
    (error,) = list(read_file(path))
    assert (error.location, error.message) == (
        f"line 1, column {ampersand.index('&') + 2}",
        'is malformed XML at this line: a "&" starts no entity (write &amp; for a "&" in the text)' + MALFORMED,
    )


def test_a_mistake_on_the_last_line_is_malformed_and_a_short_line_is_named_without_its_column(tmp_path: Path):
    path = tmp_path / "three-lines.xml"
    path.write_text(ONE_LINE.replace("<text>", "\n<text>").replace("<p>first", "\n<p>first"), encoding="utf-8")
    assert path.read_text(encoding="utf-8").splitlines()[2] == "<p>first <hi>tag</p><p>second</p></body></text></TEI>"
    (error,) = list(read_file(path))
    assert (error.location, error.message) == ("line 3", "is malformed XML at this line: <hi> (opened at line 3) is closed by </p>" + MALFORMED)
    typo = ONE_LINE.replace("first <hi>tag", "first tag").replace("</text></TEI>", "</text>\n</TEl>\n")  # the very last tag
    path.write_text(typo, encoding="utf-8")
    (error,) = list(read_file(path))
    assert (error.location, error.message) == ("line 2", "is malformed XML at this line: <TEI> (opened at line 1) is closed by </TEl>" + MALFORMED)


@pytest.mark.parametrize(
    ("end", "location", "ends"),
    [
        ("first <hi>tag", "line 1", "in the middle of <hi> (opened at line 1)"),
        ("first <hi>tag\n\n", "line 3", "in the middle of <hi> (opened at line 1)"),
        ("first <hi rend=", "line 1", "before its XML is complete (an attribute's value is not in quotes)"),
        ("first <hi>tag</h", "line 1", "before its XML is complete (expected '>')"),
        ("first &am", "line 1", """before its XML is complete (an entity reference lacks its ";" (write &amp; for a "&" in the text))"""),
    ],
)
def test_a_one_line_file_cut_off_is_still_cut_off(tmp_path: Path, end: str, location: str, ends: str):
    path = tmp_path / "cut.xml"
    path.write_text(ONE_LINE.split("first <hi>tag")[0] + end, encoding="utf-8")
    (error,) = list(read_file(path))
    assert (error.location, error.message) == (location, f"ends {ends}" + CUT_OFF)


def test_a_real_letter_on_one_line_is_malformed_at_the_column_of_its_mistake_and_cut_off_where_it_ends(tmp_path: Path):
    # a Dodis letter as a minifier writes it: one line, with letters beyond ASCII (columns count characters)
    text = (FIXTURES / "tei" / "49548.xml").read_text(encoding="utf-8").replace("\n", " ")
    assert "\n" not in text and len(text.encode()) > len(text)
    path = tmp_path / "49548.xml"
    path.write_text(text.replace("überschwemmt", "überschwemmt & überlastet"), encoding="utf-8")
    (error,) = list(read_file(path))
    column = text.index("überschwemmt") + len("überschwemmt &") + 1  # where the parser stood: just after the "&"
    assert (error.location, error.message) == (
        f"line 1, column {column}",
        'is malformed XML at this line: a "&" starts no entity (write &amp; for a "&" in the text)' + MALFORMED,
    )
    path.write_text(text[: text.index("überschwemmt")], encoding="utf-8")
    (error,) = list(read_file(path))
    assert (error.location, error.message) == ("line 1", "ends in the middle of <p> (opened at line 1)" + CUT_OFF)


def test_an_expansion_bomb_in_an_attribute_s_default_value_is_refused_not_a_traceback(tmp_path: Path):
    # <!ATTLIST p rend CDATA "&lol9;">: the DOCTYPE read alone for the message recovered to no element, and the
    # ingest ended in an AttributeError (a fresh user): the file must fail as any bomb does, and the batch go on
    levels = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{n} "' + f"&lol{n - 1 if n > 1 else ''};" * 10 + '">' for n in range(1, 10)]
    bomb = tmp_path / "attlist-bomb.xml"
    bomb.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE TEI [\n' + "\n".join(levels) + '\n<!ATTLIST p rend CDATA "&lol9;">\n]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>x</p></body></text></TEI>\n',
        encoding="utf-8",
    )
    (item,) = list(read_file(bomb))
    assert isinstance(item, IngestError) and item.message.startswith("was refused: ") and "entity-expansion" in item.message
