"""An authority file with bad lines: every bad line is named, with what is wrong and what to do,
and nothing is loaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legation.records.authorities import FORM, AuthorityFileError, load_authorities
from legation.records.models import Agent, AgentKey, AgentName, ChangeLogEntry, Place, PlaceName

pytestmark = pytest.mark.django_db

GOOD = '{"kind": "person", "key": "person:chou-en-lai", "name": "Chou En-lai", "names": ["Zhou Enlai"]}'


def problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(AuthorityFileError) as error:
        load_authorities(path)
    assert all(p.path == str(path) for p in error.value.problems)
    return [(p.location, p.message) for p in error.value.problems]


def nothing_stored() -> bool:
    return not any(m.objects.exists() for m in (Agent, AgentName, AgentKey, Place, PlaceName, ChangeLogEntry))


def test_every_bad_line_is_named_and_nothing_is_loaded(tmp_path: Path):
    path = tmp_path / "authorities.jsonl"
    lines = [
        GOOD,
        '{"kind": "city", "name": "Lüshun"}',
        "[1, 2]",
        '{"kind": "person", "name": "No Key"}',
        "",
        '{"kind": "place", "name": "Port Arthur", "same_as": ["place:ryojun"]}',
        '{"kind": "person", "key": "person:liu", "name": "Liu Shao-chi", "names": "Liu Shaoqi"}',
        '{"kind": "person", "key": "person:x", "name": "X"',
        "[" * 100_000,
        '{"kind": "place", "name": "Lüshun", "names": ["Port Arthur", "旅顺"]}',
        '{"kind": "person", "key": "person:z", "name": "Z", "same_as": ["person:z"]}',
        '{"kind": "organization", "key": "organization:nsc", "name": "NSC", "same_as": ["person:rostow"]}',
        '{"kind": "organization", "name": "Test Org"}',  # "a organization needs its key, e.g. organization:zhou-enlai" (a fresh user)
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"kind": "place", "name": "Mukden\xe9"}\r\n' + GOOD.encode() + b"\r\n")
    assert problems(path) == [
        ("line 2", '"kind" is "city"; give one of person, organization, place'),
        ("line 3", f"is a JSON list, not an object; give {FORM}"),
        ("line 4", '"key" is missing or empty; a person needs its key, e.g. "person:zhou-enlai"'),
        ("line 6", '"same_as" is for people and organizations; a place is matched by its name: list its other names in "names"'),
        ("line 7", '"names" is "Liu Shaoqi"; give a list of names, e.g. "names": ["Zhou Enlai", "周恩来"]'),
        (
            "line 8",
            "not valid JSON: the line stops at column 49 with its JSON unfinished (a string, object or list left open): it is cut off,"
            " or its document goes on over several lines, which JSON Lines does not read (one whole document a line); fix the line",
        ),
        ("line 9", "not valid JSON (nested too deeply (thousands of brackets) at column 1); fix the line"),
        ("line 11", "same_as 'person:z' lists the line's own key; remove it from same_as"),
        ("line 12", "same_as 'person:rostow' is a key of the kind person, and this line is an organization; list keys of the same kind only"),
        ("line 13", '"key" is missing or empty; an organization needs its key, e.g. "organization:national-security-council"'),
        ("line 14", "is not UTF-8 (byte 34 of the line, 0xE9, cannot be read as UTF-8; the file may be in Windows-1252 (Western European)): save it as UTF-8"),
    ]
    assert nothing_stored()


def test_a_line_with_what_documents_may_not_hold_or_a_key_naming_no_one_is_refused(tmp_path: Path):
    # stored as given, where a document's ingest refuses them: a NUL in a name (PostgreSQL refuses it:
    # a later copy-archive failed), "person:" as a key, a place's key dropped without a word
    path = tmp_path / "authorities.jsonl"
    path.write_text(
        "\n".join([
            GOOD,
            json.dumps({"kind": "person", "key": "person:z", "name": "Z\u0000z"}),
            json.dumps({"kind": "person", "key": "person:y", "name": "Y", "names": ["x\u0007y"]}),
            '{"kind": "person", "key": "person:", "name": "R"}',
            '{"kind": "place", "key": "place:x", "name": "P"}',
            '{"kind": "person", "key": "person:n", "name": 5}',
            json.dumps({"kind": "person", "key": "person:" + "k" * 8000, "name": "K"}),
            json.dumps({"kind": "place", "name": "P" * 301}),
        ]) + "\n",
        encoding="utf-8",
    )
    found = problems(path)
    assert [(where, message.split(" (")[0] if "control character" in message else message) for where, message in found] == [
        ("line 2", "name holds the control character U+0000 at character 2"),
        ("line 3", "names holds the control character U+0007 at character 2"),
        ("line 4", "the key 'person:' names no one: write the agent after its kind, e.g. \"person:zhou-enlai\""),
        ("line 5", '"key" is for people and organizations; a place is matched by its name: leave the key out'),
        ("line 6", '"name" is 5; give the preferred name as a string, e.g. "name": "Zhou Enlai"'),
        ("line 7", f"key is 8,007 characters, more than the 300 kept: 'person:{'k' * 53}…'; shorten it"),
        ("line 8", f"name is 301 characters, more than the 300 kept: '{'P' * 60}…'; shorten it"),
    ]
    assert all(m.endswith("; remove it: no archive format (XML) nor store can keep it") for _, m in found[:2])
    assert nothing_stored()


def test_a_line_with_a_key_the_form_does_not_have_is_refused(tmp_path: Path):
    # "variants" and a misspelt "nmaes" were dropped unsaid: "0 names added"
    path = tmp_path / "authorities.jsonl"
    path.write_text(
        "\n".join([
            GOOD,
            '{"kind": "person", "key": "person:liu", "name": "Liu Shao-chi", "variants": ["Liu Shaoqi"]}',
            '{"kind": "place", "name": "Lüshun", "nmaes": ["Port Arthur"]}',
            '{"kind": "person", "key": "person:z", "name": "Z", "Names": ["Zed"], "sameas": ["person:zz"]}',
        ]) + "\n",
        encoding="utf-8",
    )
    keys = '"kind", "key", "name", "names", "same_as" (variant names go in "names")'
    assert problems(path) == [
        ("line 2", f'unknown key "variants"; a line\'s keys are {keys}'),
        ("line 3", f'unknown key "nmaes" (did you mean "names"?); a line\'s keys are {keys}'),
        ("line 4", f'unknown keys "Names", "sameas" (did you mean "names", "same_as"?); a line\'s keys are {keys}'),
    ]
    assert nothing_stored()


def test_the_error_says_the_first_line_and_counts_the_others(tmp_path: Path):
    path = tmp_path / "authorities.jsonl"
    path.write_text(GOOD + "\n" + '{"kind": "persn", "key": "k", "name": "K"}\n' * 3, encoding="utf-8")
    with pytest.raises(AuthorityFileError) as error:
        load_authorities(path)
    assert str(error.value) == f'{path}, line 2: "kind" is "persn"; give one of person, organization, place (and 2 more bad lines); nothing was loaded'
    assert [p.location for p in error.value.problems] == ["line 2", "line 3", "line 4"]


def test_lines_the_stored_agents_refuse_are_named_with_the_bad_lines_of_the_file(tmp_path: Path):
    Agent.objects.create(key="nsc", name="NSC", kind="person")
    path = tmp_path / "authorities.jsonl"
    path.write_text(
        "\n".join([
            GOOD,  # loaded, then rolled back
            '{"kind": "organization", "key": "organization:nsc", "name": "NSC", "same_as": ["nsc"]}',
            '{"kind": "person"}',
            '{"kind": "organization", "key": "organization:un", "name": "UN", "same_as": ["nsc"]}',
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    assert problems(path) == [
        ("line 2", "same_as 'nsc' is a stored person, and this line is an organization; list keys of the same kind only"),
        ("line 3", '"name" is missing or empty; give the preferred name'),
        ("line 4", "same_as 'nsc' is also in the same_as of line 2; a key can be merged into one agent only: keep it in one line"),
    ]
    assert list(Agent.objects.values_list("key", flat=True)) == ["nsc"] and not AgentName.objects.exists()
    assert not AgentKey.objects.exists() and not ChangeLogEntry.objects.exists()


def test_a_line_giving_a_stored_agent_another_kind_is_refused_saying_what_to_do(tmp_path: Path):
    # the line's names were given to the agent and its kind kept, unsaid: an agent's kind, like its preferred
    # name, is the archive's, changed in the admin
    Agent.objects.create(key="person:liu-shaoqi", name="Liu Shaoqi", kind="person")
    path = tmp_path / "authorities.jsonl"
    path.write_text(
        GOOD + "\n" + '{"kind": "organization", "key": "person:liu-shaoqi", "name": "Liu Shaoqi", "names": ["Liu Shao-chi"]}\n',
        encoding="utf-8",
    )
    assert problems(path) == [(
        "line 2",
        "the agent 'person:liu-shaoqi' is a person in the archive, and this line gives an organization; a line does not change a "
        "stored agent's kind, as it does not rename it: write \"kind\": \"person\", or, if the line is right, change the agent's kind "
        "in the admin first",
    )]  # fmt: skip
    assert list(Agent.objects.values_list("key", "kind")) == [("person:liu-shaoqi", "person")] and not AgentName.objects.exists()
    path.write_text(GOOD + "\n" + '{"kind": "person", "key": "person:liu-shaoqi", "name": "Liu Shaoqi", "names": ["Liu Shao-chi"]}\n', encoding="utf-8")
    assert (load_authorities(path).extended, Agent.objects.get(key="person:liu-shaoqi").names.get().name) == (1, "Liu Shao-chi")


def test_the_demo_file_merges_the_spellings_its_volumes_give_one_person():
    """The demo volumes' lists of persons spell one person otherwise from volume to volume (Alexei
    and Aleksei N. Kosygin, Vasili, Vasily and Vassily V. Kuznetsov, Hiyato and Hayato Ikeda), or leave
    out a middle initial ("Smith, Bromley"): each spelling was an agent of its own, and the facets
    showed the person two or three times (a fresh user). The bundled authority file merges them."""
    demo = Path(__file__).resolve().parents[2] / "data" / "demo" / "authorities.jsonl"
    merged = {}
    for line in demo.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        merged.update({other: record["key"] for other in record.get("same_as", ())})
    splits = {
        "person:alexei-n-kosygin": "person:aleksei-n-kosygin", "person:vasili-v-kuznetsov": "person:vasily-v-kuznetsov",
        "person:vassily-v-kuznetsov": "person:vasily-v-kuznetsov", "person:hiyato-ikeda": "person:hayato-ikeda",
        "person:gunar-jarring": "person:gunnar-jarring", "person:malcom-toon": "person:malcolm-toon",
        "person:alfred-l-s-jenkins": "person:alfred-l-jenkins", "person:bromley-smith": "person:bromley-k-smith",
        "person:walter-stoessel": "person:walter-j-stoessel-jr", "person:yu-ta-wai": "person:yu-ta-wei",
    }
    assert {key: merged.get(key) for key in splits} == splits


def test_a_key_that_is_no_string_is_said_to_be_what_it_is(tmp_path: Path):
    # "key": 5 was told '"key" is missing or empty', and the archivist looked for a key not written (a fresh user)
    path = tmp_path / "authorities.jsonl"
    path.write_text('{"kind": "person", "key": 5, "name": "Five"}\n{"kind": "person", "key": ["person:x"], "name": "X"}\n', encoding="utf-8")
    assert problems(path) == [
        ("line 1", '"key" is 5; give the key as a string, e.g. "key": "person:zhou-enlai"'),
        ("line 2", '"key" is ["person:x"]; give the key as a string, e.g. "key": "person:zhou-enlai"'),
    ]
    assert nothing_stored()
