"""Title and source-note parsing over real FRUS titles (copied verbatim, whitespace normalized, from
the volumes named in each case under ../shared/data/frus/volumes)."""

from __future__ import annotations

import json

import pytest

from legation.ingest.titles import (
    document_type_from_source_note,
    document_type_from_title,
    normalize_space,
    office_without_holder,
    parties_from_title,
    party_name,
    party_phrases,
    strip_leading_number,
)

# (volume, title as the head reads, document type, senders, recipients)
REAL_TITLES = [
    ("frus1949v07p1", "The Ambassador in France (Caffery) to the Secretary of State", "", ["Caffery"], ["Secretary of State"]),
    ("frus1949v07p1", "The Acting Secretary of State to Certain Diplomatic and Consular Officers Abroad", "", ["Acting Secretary of State"], ["Certain Diplomatic and Consular Officers Abroad"]),
    ("frus1949v07p1", "The Chief of State of Vietnam (His Majesty Bao Dai) to President Truman", "", ["Bao Dai"], ["Truman"]),
    ("frus1949v07p1", "Memorandum Prepared in the Embassy in France for the Secretary of State, Temporarily at Paris", "Memorandum", ["Embassy in France"], ["Secretary of State"]),
    ("frus1949v07p1", "The Department of State to the British Embassy Aide-mémoire", "Aide-Mémoire", ["Department of State"], ["British Embassy"]),
    ("frus1949v07p2", "Memorandum of Conversation, by Mr. Marshall Green of the Division of Northeast Asian Affairs", "Memorandum of Conversation", ["Marshall Green"], []),
    ("frus1949v07p2", "Memorandum by Mr. Paul H. Nitze, Deputy to the Assistant Secretary of State for Economic Affairs (Thorp), to the Director of the Office of Far Eastern Affairs (Butterworth)", "Memorandum", ["Paul H. Nitze"], ["Butterworth"]),
    ("frus1949v07p2", "General of the Army Douglas MacArthur to the Secretary of State", "", ["Douglas MacArthur"], ["Secretary of State"]),
    ("frus1951v07p2", "The Chargé in the Republic of China (Rankin) to the Assistant Secretary of State for Far Eastern Affairs (Rusk)", "", ["Rankin"], ["Rusk"]),
    ("frus1952-54v14p2", "No. 463 The United States Political Adviser to SCAP (Sebald) to Dean Rusk of the Office of the Secretary of State", "", ["Sebald"], ["Dean Rusk"]),
    ("frus1952-54v14p2", "No. 465 Memorandum by John Foster Dulles, Consultant to the Secretary of State, to the Secretary of State", "Memorandum", ["John Foster Dulles"], ["Secretary of State"]),
    ("frus1955-57v02", "17. Memorandum of a Conversation, The White House, January 19, 1955, 1:15 p.m.", "Memorandum of Conversation", [], []),
    ("frus1955-57v02", "164. Memorandum of Discussion of the 242d Meeting of the National Security Council, Washington, March 24, 1955", "Minutes", [], []),
    ("frus1955-57v02", "41. Letter From President Eisenhower to British Prime Minister Churchill", "Letter", ["Eisenhower"], ["Churchill"]),
    ("frus1955-57v03", "1. Telegram From Ambassador U. Alexis Johnson to the Department of State", "Telegram", ["U. Alexis Johnson"], ["Department of State"]),
    ("frus1955-57v03", "244. National Intelligence Estimate", "Intelligence Estimate", [], []),
    ("frus1955-57v24", "219. Message From Foreign Secretary Lloyd to Secretary of State Dulles", "Message", ["Lloyd"], ["Dulles"]),
    ("frus1958-60v19", "338. Memorandum of Discussion at the 448th Meeting of the National Security Council", "Minutes", [], []),
    ("frus1961-63v05", "94. Memorandum From Secretary of State Rusk and the Director of the U.S. Information Agency (Murrow) to President Kennedy", "Memorandum", ["Rusk", "Murrow"], ["Kennedy"]),
    ("frus1961-63v05", "4. Record of Telephone Conversation Between President-elect Kennedy and Adlai E. Stevenson", "Telephone Conversation", [], []),
    ("frus1961-63v06", "62. Telegram From the Department of State to the Embassy in the Soviet Union", "Telegram", ["Department of State"], ["Embassy in the Soviet Union"]),
    ("frus1961-63v22", "221. Memorandum From Robert H. Johnson of the National Security Council Staff to the President's Deputy Special Assistant for National Security Affairs (Rostow)", "Memorandum", ["Robert H. Johnson"], ["Rostow"]),
    ("frus1961-63v22", "256. National Security Action Memorandum No. 151", "Memorandum", [], []),
    ("frus1964-68v14", "161. Letter From Secretary of State Rusk to Attorney General Katzenbach", "Letter", ["Rusk"], ["Katzenbach"]),
    ("frus1964-68v14", "136. Memorandum for the Files", "Memorandum for the Record", [], []),
    ("frus1964-68v14", "177. Memorandum for President Johnson", "Memorandum", [], ["Johnson"]),
    ("frus1964-68v30", "69. Memorandum From Robert W. Komer of the National Security Council Staff and the President's Special Assistant for National Security Affairs (Bundy) to President Johnson", "Memorandum", ["Robert W. Komer", "Bundy"], ["Johnson"]),
    ("frus1964-68v30", "193. Telegram from the Embassy in the Republic of China to the Department of State", "Telegram", ["Embassy in the Republic of China"], ["Department of State"]),
    ("frus1969-76v12", "97. Minutes of Meeting of the Washington Special Actions Group", "Minutes", [], []),
    ("frus1969-76ve13", "160. Telegram 3725/SECTO 65 From the United States Mission to the United Nations to the Department of State, New York, October 6, 1972, 2222Z", "Telegram", ["United States Mission to the United Nations"], ["Department of State"]),
    ("frus1969-76ve13", "175. Backchannel Message From the President's Deputy Assistant for National Security Affairs (Haig) to William Hood, December 30, 1972, 0420Z", "Message", ["Haig"], ["William Hood"]),
    ("frus1969-76ve13", "18. Letter From the President's Assistant for National Security Affairs (Kissinger) to the Chinese Ambassador to Canada (Huang Hua), Paris, August 16, 1971", "Letter", ["Kissinger"], ["Huang Hua"]),
    ("frus1969-76ve13", "59. Instructions to the Military Attaché at the Embassy in France (Walters), Washington, undated", "Instruction", [], ["Walters"]),
    # "as to" and a research division's "for" name no recipient; "Soviet Leaders" are a body, not a person "Leaders"
    ("frus1949v07p1", "Memorandum by Mr. James L. O’Sullivan, of the Division of Southeast Asian Affairs, on Preliminary Talks as to Indochina", "Memorandum", ["James L. O’Sullivan"], []),
    ("frus1955-57v24", "17. Paper Prepared by the Division of Research for USSR and Eastern Europe, Office of Intelligence Research", "Paper", ["Division of Research for USSR and Eastern Europe, Office of Intelligence Research"], []),
    ("frus1969-76v12", "15. Note From Soviet Leaders to President Nixon", "Note", ["Soviet Leaders"], ["Nixon"]),
    ("frus1917-72PubDip", "7. Cablegram From the Committee on Public Information Commissioner in St. Petersburg (Sisson) to the Chairman of the Committee on Public Information (Creel)", "Telegram", ["Sisson"], ["Creel"]),
    ("frus1917-72PubDip", "30. Letter From Edwin Björkman of the Division of Work Among the Foreign Born, Committee on Public Information, to David F. Swenson", "Letter", ["Edwin Björkman"], ["David F. Swenson"]),
    # a subject after the party is no part of it: " on …" after a body that does not take "on" in its name,
    # "With Respect to", "Before the … Committee", "of Discussion"; a body that does ("Committee on …") keeps it
    ("frus1949v07p2", "Report by the National Security Council on Recommendations With Respect to United States Policy Toward Japan", "Report", ["National Security Council"], []),
    ("frus1955-57v24", "179. Text of Statement To Be Made by Her Majesty’s Government on the Cyprus Question", "Statement", ["Her Majesty’s Government"], []),
    ("frus1948v01p2", "Statement by the Under Secretary of State (Lovett) Before the Joint Congressional Committee on Atomic Energy, January 21, 1948", "Statement", ["Lovett"], []),
    ("frus1952-54v02p1", "Memorandum for the President of Discussion at the 122d Meeting of the National Security Council on Wednesday, September 3, 1952", "Memorandum", [], ["President"]),
    ("frus1955-57v24", "112. Report by the Operations Coordinating Board’s Special Committee on Soviet and Related Problems", "Report", ["Operations Coordinating Board’s Special Committee on Soviet and Related Problems"], []),
    # an office whose name lists regions with "and" stays one party
    ("frus1955-57v24", "284. Letter From the Counselor of the Embassy in Greece (Thurston) to the Director of the Office of Greek, Turkish, and Iranian Affairs (Baxter)", "Letter", ["Thurston"], ["Baxter"]),
    ("frus1955-57v09", "176. Letter From the Secretary of State to the Chairman of the House Committee on Interstate and Foreign Commerce (Harris)", "Letter", ["Secretary of State"], ["Harris"]),
    # "Prepared for X by Y": X receives, Y sends
    ("frus1969-76v12", "18. Paper Prepared for the National Security Council by the Interdepartmental Group for Europe", "Paper", ["Interdepartmental Group for Europe"], ["National Security Council"]),
    # "Chargé to" is the office ("the Charge to the Republic of China (Clough)")
    ("frus1964-68v30", "31. Letter From the Charge to the Republic of China (Clough) to the Assistant Secretary of State for Far Eastern Affairs (Bundy)", "Letter", ["Clough"], ["Bundy"]),
    # "From" inside the type names no sender; a phrase naming a document is no party
    ("frus1961-63v05", "309. Highlights From the Secretary of State's Policy Planning Meeting", "Minutes", [], []),
    ("frus1969-76v12", "8. Notes From Lunch Between the Assistant to the President (Ellsworth) and the Soviet Chargé (Tcherniakov)", "Minutes", [], []),
    ("frus1969-76ve13", "157. Statement for the North Vietnamese and Ten Point Negotiating Paper, Washington, undated", "Statement", [], []),
]


@pytest.mark.parametrize(("volume", "title", "doc_type", "senders", "recipients"), REAL_TITLES, ids=[f"{v}:{t[:40]}" for v, t, *_ in REAL_TITLES])
def test_real_titles(volume, title, doc_type, senders, recipients):
    assert document_type_from_title(title) == doc_type
    assert parties_from_title(title) == (senders, recipients)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the Embassy in China", ("Embassy in China", "organization")),
        ("the Secretary of State", ("Secretary of State", "organization")),
        ("the President", ("President", "organization")),
        ("the Ambassador in China (Stuart)", ("Stuart", "person")),
        ("President Nixon", ("Nixon", "person")),
        ("Premier Khrushchev", ("Khrushchev", "person")),
        ("Acting Secretary of War Crowell", ("Crowell", "person")),
        ("Paul Fuller of the War Trade Board", ("Paul Fuller", "person")),
        ("Certain Diplomatic Posts", ("Certain Diplomatic Posts", "organization")),
        ("Soviet Leaders", ("Soviet Leaders", "organization")),
    ],
)
def test_party_name(phrase, expected):
    assert party_name(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "office"),
    [  # sender phrases of real titles (party_phrases of the titles quoted)
        ("the Secretary of State", "Secretary of State"),  # frus1949v07p1 "The Secretary of State to the Embassy in France"
        ("the Acting Secretary of State", "Acting Secretary of State"),  # frus1949v07p1 d69
        ("the Secretary of State, at Paris", "Secretary of State"),  # "… to the Secretary of State, at Paris" (frus1955-57v04 d28)
        ("the President", "President"),  # frus1955-57v10 d258 "Letter From the President to the Secretary of State"
        ("the President of the Republic of Vietnam", "President of the Republic of Vietnam"),  # frus1961-63v02 d113
        ("the Ambassador in China (Stuart)", ""),  # the holder named
        ("Secretary of State Rusk", ""),  # frus1964-68v14 "Letter From Secretary of State Rusk to …"
        ("the Embassy in France", ""),  # bodies
        ("the Department of State", ""),
        ("the Joint Chiefs of Staff", ""),
        ("the Vice President's Party", ""),
        ("the Secretaries of State and Defense", ""),  # two offices
    ],
)
def test_an_office_without_its_holder(phrase, office):
    assert office_without_holder(phrase) == office


def test_party_phrases_keep_the_wording():
    assert party_phrases("42. Telegram From the Embassy in China to the Department of State") == (["the Embassy in China"], ["the Department of State"])
    assert party_phrases("Editorial Note") == ([], [])


def test_brief_examples():
    assert parties_from_title("Telegram From the Embassy in China to the Department of State") == (["Embassy in China"], ["Department of State"])
    assert parties_from_title(
        "Memorandum From the President's Special Assistant for National Security Affairs (Kissinger) to President Nixon"
    ) == (["Kissinger"], ["Nixon"])
    assert parties_from_title("The Ambassador in China (Stuart) to the Secretary of State") == (["Stuart"], ["Secretary of State"])
    assert parties_from_title("Letter From Premier Khrushchev to President Kennedy") == (["Khrushchev"], ["Kennedy"])
    assert parties_from_title("Memorandum of Conversation") == ([], [])


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("501.BC Indonesia/1–649: Telegram", "Telegram"),
        ("851G.01/6–1449: Circular telegram", "Circular Telegram"),
        ("740.00119 PW/4–2749: Circular airgram", "Airgram"),
        ("293.1111/9–751: telegrams", "Telegram"),
        ("693.941/3–452:TeIegram", "Telegram"),  # the OCR slip is in frus1952-54v14p2 d538
        ("740.00119 Control (Japan)/6–1649", ""),
        ("Source: Department of State, Central Files, POL CHICOM-US. Confidential.", ""),
        ("", ""),
    ],
)
def test_document_type_from_source_note(note, expected):
    assert document_type_from_source_note(note) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("42. Telegram From the Embassy in China", "Telegram From the Embassy in China"),
        ("No. 462 The Secretary of State to the Embassy in Japan", "The Secretary of State to the Embassy in Japan"),
        ("No. 464Editorial Note", "Editorial Note"),
        ("59.Intelligence Memorandum", "Intelligence Memorandum"),
        ("Editorial Note", "Editorial Note"),
        ("  1.   Editorial\n Note ", "Editorial Note"),
    ],
)
def test_strip_leading_number(title, expected):
    assert strip_leading_number(title) == expected


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("Telegramm Nr. 38. \u200bDie Wiedervereinigung\u200b", "Telegramm Nr. 38. Die Wiedervereinigung"),  # Dodis 52281
        ("Com\u200bōdi=Hauß", "Comōdi=Hauß"),  # QhoD, a word split by a zero-width space
        ("\ufeffVertrag\u2060 über\u00ad die Grenze \u200b ", "Vertrag über die Grenze"),  # BOM, word joiner, soft hyphen
        ("می\u200cخواهم", "می\u200cخواهم"),  # Persian: the non-joiner inside a word is spelling
        ("क्\u200dष and ক্\u200dয", "क्\u200dष and ক্\u200dয"),  # Devanagari, Bengali: the joiner after a virama
        ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),  # an emoji sequence
        ("\u200cنامه\u200c \u200d(1720)\u200d", "نامه (1720)"),  # joiners at the edges of words join nothing
        ("plain text, ( Caffery )", "plain text, (Caffery)"),
    ],
)
def test_normalize_space_drops_invisible_format_characters_but_joiners_inside_words(given, kept):
    assert normalize_space(given) == kept


def test_a_dodis_title_loses_its_zero_width_spaces():
    from legation.ingest.readers.tei_corresp import read_tei_document
    from tests.conftest import shared_data, single_record

    record = single_record(read_tei_document(shared_data("dodis-when-the-wall-came-down/tei/52281.xml")))
    assert record.title == "Nr. 12, Telegramm Nr. 38. Die Wiedervereinigung und die Blockzugehörigkeit"


def test_texts_kept_as_given_lose_invisible_format_characters_too(tmp_path):
    from itertools import islice

    from legation.ingest.readers import read_file
    from legation.ingest.readers.pdf import normalize_text
    from tests.conftest import shared_data

    corpus = tmp_path / "speeches.jsonl"
    corpus.write_text(json.dumps({"id": "a", "title": "T", "text": "\u200b\n\nIt is\u200b not\n\nمی\u200cخواهم"}) + "\n", encoding="utf-8")
    mapping = tmp_path / "speeches-map.json"
    mapping.write_text(json.dumps({"columns": {"id": "identifier", "title": "title", "text": "text"}}), encoding="utf-8")
    [record] = read_file(corpus, str(mapping))
    assert record.texts[0].body == "It is not\n\nمی\u200cخواهم"  # paragraphs and the Persian non-joiner kept
    assert normalize_text("con\ufb01den\u00adtial\u200b") == "confidential"  # PDF text layers
    ungd = shared_data("un-general-debate-corpus/speeches-1946-1989.jsonl.xz")  # 2,936 speeches start with a BOM
    afghanistan = next(r for r in islice(read_file(ungd, "ungd"), 1000) if r.identifier == "ungd-AFG_16_1961")
    assert afghanistan.texts[0].body.startswith("): It is not to follow a customary practice")
