"""`legation ingest --report FILE`: the whole report as JSON, where the screen cuts its lists; and
a conflict between a curator's correction and a changed source, as the operator sees it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import SEED, legation


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def test_the_screen_cuts_the_failures_at_50_and_the_report_file_holds_every_one(tmp_path: Path):
    bad = tmp_path / "cables.jsonl"
    bad.write_text("\n".join([*seed_lines()[:2], *["{oops"] * 60]) + "\n", encoding="utf-8")

    plain = legation(tmp_path / "dry", "ingest", "--dry-run", str(bad))
    assert plain.returncode == 1
    assert "… and 10 more failed (pass --report FILE to get all of them)" in plain.stdout

    report_file = tmp_path / "report.json"
    result = legation(tmp_path / "archive", "ingest", "--report", str(report_file), str(bad))
    assert result.returncode == 1
    assert f"… and 10 more failed (all of them are in {report_file})" in result.stdout
    assert result.stdout.count(f"failed {bad}, line ") == 50
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["counts"] == {"added": 2, "updated": 0, "unchanged": 0, "deleted": 0, "failed": 60, "kept": 0, "conflicts": 0, "corrections_kept": 0, "from_another_file": 0}
    assert (report["dry_run"], report["added"], report["updated"]) == (False, ["seed-sino-soviet-01", "seed-sino-soviet-02"], [])
    assert [f["where"] for f in report["failed"]] == [f"{bad}, line {n}" for n in range(3, 63)]
    assert report["failed"][59]["reason"] == "not valid JSON (Expecting property name enclosed in double quotes at column 2); fix or remove the line"
    assert not (tmp_path / "report.json.partial").exists()


def test_a_report_file_that_cannot_be_written_stops_before_ingesting(tmp_path: Path):
    result = legation(tmp_path / "archive", "ingest", "--report", str(tmp_path / "no-such-folder" / "r.json"), str(SEED))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cannot write the report" in result.stderr and "give --report a file in a writable folder" in " ".join(result.stderr.split())
    assert not (tmp_path / "archive" / "legation.sqlite3").exists()


def test_a_conflict_names_the_document_and_the_field_on_screen_and_in_the_report(tmp_path: Path):
    archive = tmp_path / "archive"
    assert legation(archive, "ingest", str(SEED)).returncode == 0
    curate = (
        "from legation.records.models import Document; "
        "Document.objects.filter(identifier='seed-sino-soviet-01').update(title='Telegram, Mao (Moscow) to the CCP')"
    )  # what a curator's edit in the admin leaves in the record store
    assert legation(archive, "manage", "shell", "-c", curate).returncode == 0
    lines = seed_lines()
    first = json.loads(lines[0]) | {"title": "Telegram, Mao Zedong to the CCP Central Committee"}
    changed = tmp_path / "seed.jsonl"
    changed.write_text("\n".join([json.dumps(first, ensure_ascii=False), *lines[1:]]) + "\n", encoding="utf-8")

    report_file = tmp_path / "report.json"
    result = legation(archive, "ingest", "--report", str(report_file), str(changed))
    assert result.returncode == 0, result.stderr
    assert "│     0 │       0 │        10 │      0 │" in result.stdout
    assert (
        f"conflict {changed}: seed-sino-soviet-01: title was corrected in the admin and the source changed it too "
        "(the source now has 'Telegram, Mao Zedong to the CCP Central Committee'); the correction was kept."
    ) in result.stdout
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert [(c["identifier"], c["field"], c["source_value"]) for c in report["conflicts"]] == [
        ("seed-sino-soviet-01", "title", "Telegram, Mao Zedong to the CCP Central Committee")]
    exported = json.loads(legation(archive, "export").stdout.splitlines()[0])
    assert exported["title"] == "Telegram, Mao (Moscow) to the CCP"


def test_a_conflict_in_an_updated_document_says_what_else_changed(monkeypatch, tmp_path: Path):
    import io

    from rich.console import Console

    from legation import cli
    from legation.ingest.curation import Conflict, FieldChange
    from legation.ingest.service import Failure, IngestReport

    report = IngestReport(updated=["d5"], unchanged=["d6"])
    report.conflicts.append(Conflict("vol.xml: d5", "d5", "title", "Report From the American Embassy in Madrid"))
    report.changes["d5"] = [FieldChange("agents", ("Chou En-lai (sender)",), ("Zhou Enlai (sender)", "Mao Zedong (recipient)"))]
    report.curated.append(Failure("vol.xml: d6", "title kept as corrected in the admin"))
    monkeypatch.setattr(cli, "console", Console(file=(out := io.StringIO()), width=400))
    cli._print_report(report, False, None)
    lines = out.getvalue().splitlines()
    assert "│     0 │       1 │         1 │      0 │         1 │                1 │" in lines
    assert "conflicts and corrections kept: documents also counted as updated or unchanged" in [line.strip() for line in lines]
    assert lines[-3:] == [
        "conflict vol.xml: d5: title was corrected in the admin and the source changed it too (the source now has 'Report "
        "From the American Embassy in Madrid'); the correction was kept. To take the source's value, enter it in the admin "
        "(the source's other changes, to agents, were applied: the document counts as updated)",
        "corrections kept vol.xml: d6: title kept as corrected in the admin",
        "updated d5: agents − 'Chou En-lai (sender)', + 'Zhou Enlai (sender)', + 'Mao Zedong (recipient)'",
    ]
    cli._write_report(report, False, tmp_path / "r.json")
    written = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (written["updated_fields"], written["counts"]["corrections_kept"]) == ({"d5": ["agents"]}, 1)
    assert written["updated_values"] == {"d5": [{"field": "agents", "removed": ["Chou En-lai (sender)"], "added": ["Zhou Enlai (sender)", "Mao Zedong (recipient)"]}]}


def test_the_screen_names_the_documents_a_corrected_file_updated_and_what_changed(tmp_path: Path):
    # it gave the counts alone ("│ 0 │ 1 │ 9 │"): which document changed, and how, was in --report only
    archive = tmp_path / "archive"
    assert legation(archive, "ingest", str(SEED)).returncode == 0
    rows = [json.loads(line) for line in seed_lines()]
    rows[1]["title"] += " (corrected)"
    seed_date, seed_edtf = rows[2]["date_text"], rows[2]["date_edtf"]
    rows[2]["date_text"], rows[2]["date_edtf"] = "2 January 1950", "1950-01-02"
    changed = tmp_path / "seed.jsonl"
    changed.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    result = legation(archive, "ingest", str(changed))
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith("updated ")] == [
        f"updated {rows[1]['identifier']}: title 'Cable, Mao Zedong to the Central Committee of the CCP' → "
        "'Cable, Mao Zedong to the Central Committee of the CCP (corrected)'",
        f"updated {rows[2]['identifier']}: date_text '{seed_date}' → '2 January 1950'; date_edtf '{seed_edtf}' → '1950-01-02'",
    ]


def _ingested_volume_whose_note_is_to_change(tmp_path: Path) -> tuple[Path, Path]:
    """An archive (returned first) holding FRUS 1961–63 vol. VI, ingested from a copy of it (returned second)."""
    from tests.conftest import REPO

    copy = tmp_path / "volume" / "frus1961-63v06.xml.gz"  # Khrushchev to Kennedy, February 15, 1961: note 2 of d6
    copy.parent.mkdir()
    copy.write_bytes((REPO / "data" / "demo" / "frus" / "frus1961-63v06.xml.gz").read_bytes())
    archive = tmp_path / "archive"
    assert legation(archive, "ingest", str(copy)).returncode == 0
    return archive, copy


def _stamped(copy: Path) -> None:
    """Change note 2 of d6 in ``copy`` (:func:`_ingested_volume_whose_note_is_to_change`): "typed signature" → "stamped signature"."""
    import gzip

    typed = 'xml:id="d6fn2">Printed from a copy that bears this typed'
    xml = gzip.decompress(copy.read_bytes()).decode("utf-8")
    assert xml.count(typed) == 1
    copy.write_bytes(gzip.compress(xml.replace(typed, typed.replace("typed", "stamped")).encode("utf-8")))


def test_a_footnote_changed_in_a_frus_volume_is_shown_with_its_words_on_screen_and_in_the_report(tmp_path: Path):
    # a changed footnote was counted without its words ("transcript (en): 2 notes" → "2 notes, other words"),
    # where a changed text or title shows where it changed (a fresh user)
    archive, copy = _ingested_volume_whose_note_is_to_change(tmp_path)
    _stamped(copy)

    report_file = tmp_path / "report.json"
    result = legation(archive, "ingest", "--report", str(report_file), str(copy))
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith("updated ")] == [
        "updated frus1961-63v06-d6: texts − 'transcript (en), note 2: Printed from a copy that bears this typed signature.', "
        "+ 'transcript (en), note 2: Printed from a copy that bears this stamped signature.'"
    ]
    written = json.loads(report_file.read_text(encoding="utf-8"))
    assert written["updated_values"] == {"frus1961-63v06-d6": [{
        "field": "texts",
        "removed": ["transcript (en), note 2: Printed from a copy that bears this typed signature."],
        "added": ["transcript (en), note 2: Printed from a copy that bears this stamped signature."],
    }]}  # fmt: skip


def test_an_agent_given_another_kind_under_its_key_is_a_conflict_on_screen_and_in_the_report(tmp_path: Path):
    # a JSON Lines file giving person:liu-shaoqi "kind": "organization" was ingested as unchanged, unsaid
    archive = tmp_path / "archive"
    assert legation(archive, "ingest", str(SEED)).returncode == 0
    rows = [json.loads(line) for line in seed_lines()]
    for agent in (a for row in rows for a in row["agents"] if a["key"] == "person:liu-shaoqi"):
        agent["kind"] = "organization"
    changed = tmp_path / "seed.jsonl"
    changed.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    report_file = tmp_path / "report.json"
    result = legation(archive, "ingest", "--report", str(report_file), str(changed))
    assert result.returncode == 0, result.stderr
    said = (
        "the agent 'Liu Shaoqi' (person:liu-shaoqi) is a person in the archive, and the source gives it as an organization; the "
        "archive's kind was kept, as an agent's kind, like its name, is one for all its documents and may be a curator's "
        "correction. If the source is right, change the agent's kind in the admin (Agents, searched by its key), which "
        "re-indexes its documents; else correct the source"
    )
    assert [line for line in result.stdout.splitlines() if line.startswith("conflict ")] == [f"conflict {changed}, line 3: {said}"]
    written = json.loads(report_file.read_text(encoding="utf-8"))
    assert (written["counts"]["conflicts"], written["counts"]["unchanged"]) == (1, 10)
    assert written["conflicts"] == [
        {"where": f"{changed}, line 3", "identifier": "seed-sino-soviet-03", "field": "agents", "source_value": "organization", "message": said}
    ]


def test_a_dry_run_names_the_stored_documents_whose_type_a_real_run_would_respell(tmp_path: Path):
    # a dry run said nothing of the stored documents an ingest would respell (its notes had none; a fresh user):
    # a sheet's three lower-case telegrams, then FRUS 1955–57 vol. III, which writes the type better
    import csv

    from tests.conftest import REPO

    archive = tmp_path / "archive"
    rows = tmp_path / "typed.csv"
    with rows.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["identifier", "title", "type"], *([f"typed-{n}", f"Telegram {n} typed", "telegram"] for n in (1, 2, 3))])
    assert legation(archive, "ingest", str(rows)).returncode == 0
    volume = REPO / "data" / "demo" / "frus" / "frus1955-57v03.xml.gz"
    said = [{"identifier": f"typed-{n}", "before": "telegram", "after": "Telegram"} for n in (1, 2, 3)]
    runs = {}
    for run, options in (("dry", ["--dry-run"]), ("real", [])):
        result = legation(archive, "ingest", *options, "--batch-size", "50", "--report", str(tmp_path / f"{run}.json"), str(volume))
        assert result.returncode == 0, result.stderr
        done = "stored documents a real run would respell" if run == "dry" else "stored documents respelled"
        assert f"{done}, 'telegram' as 'Telegram' (3 documents: typed-1, typed-2, typed-3)" in " ".join(result.stdout.split())
        runs[run] = json.loads((tmp_path / f"{run}.json").read_text(encoding="utf-8"))
        assert runs[run]["types_respelled"] == said
        exported = {d["identifier"]: d["document_type"] for d in map(json.loads, legation(archive, "export").stdout.splitlines())}
        assert {exported[f"typed-{n}"] for n in (1, 2, 3)} == ({"telegram"} if run == "dry" else {"Telegram"})
    assert runs["dry"]["counts"] == runs["real"]["counts"]


def test_a_footnote_corrected_in_the_admin_that_the_source_changed_too_is_a_conflict_with_both_words(tmp_path: Path):
    # the conflict said "texts was corrected in the admin and the source changed it too" with no word of the note,
    # and --report gave its source_value as "", a value it was not (a fresh user)
    archive, copy = _ingested_volume_whose_note_is_to_change(tmp_path)
    curate = (
        "from legation.records.models import Text; "
        "text = Text.objects.get(document__identifier='frus1961-63v06-d6', kind='transcript'); "
        "text.footnotes[1]['text'] = text.footnotes[1]['text'].replace('typed signature', 'typed signature, checked against the original'); "
        "text.save()"
    )  # what a curator's edit of the note in the admin leaves in the record store
    assert legation(archive, "manage", "shell", "-c", curate).returncode == 0
    _stamped(copy)

    report_file = tmp_path / "report.json"
    result = legation(archive, "ingest", "--report", str(report_file), str(copy))
    assert result.returncode == 0, result.stderr
    archive_has = "transcript (en), note 2: …copy that bears this typed signature, checked against the original."  # from a few words
    source_has = "transcript (en), note 2: …copy that bears this stamped signature."  # before where they differ, as an update shows
    said = (
        f"texts was corrected in the admin and the source changed it too (the source now has {source_has!r} where the archive "
        f"has {archive_has!r}); the correction was kept. To take the source's value, enter it in the admin"
    )
    assert f"conflict {copy}: frus1961-63v06-d6: {said}" in " ".join(result.stdout.split())
    written = json.loads(report_file.read_text(encoding="utf-8"))
    assert written["conflicts"] == [{
        "where": f"{copy}: frus1961-63v06-d6", "identifier": "frus1961-63v06-d6", "field": "texts", "source_value": None,
        "message": said, "source_differs": {"archive": [archive_has], "source": [source_has]},
    }]  # fmt: skip


def test_a_dry_run_names_the_subjects_a_real_run_would_rename_in_the_report(tmp_path: Path):
    # FRUS 1958–60 vol. V's chapter "ARGENTINA", then 1961–63 vol. XII's "Argentina": one subject, named as a title
    archive = tmp_path / "archive"
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text("".join(json.dumps({"identifier": f"v05-{n}", "title": f"Telegram {n}", "subjects": ["ARGENTINA"]}) + "\n" for n in range(2)), encoding="utf-8")
    later.write_text(json.dumps({"identifier": "v12-1", "title": "Memorandum", "subjects": ["Argentina"]}) + "\n", encoding="utf-8")
    assert legation(archive, "ingest", str(first)).returncode == 0
    for run, options in (("dry", ["--dry-run"]), ("real", [])):
        result = legation(archive, "ingest", *options, "--report", str(tmp_path / f"{run}.json"), str(later))
        assert result.returncode == 0, result.stderr
        done = "stored subjects a real run would rename" if run == "dry" else "stored subjects renamed"
        assert f"{done}, 'ARGENTINA' as 'Argentina' (2 documents)" in " ".join(result.stdout.split())
        report = json.loads((tmp_path / f"{run}.json").read_text(encoding="utf-8"))
        assert (report["subjects_renamed"], report["subjects_merged"]) == ([{"before": "ARGENTINA", "after": "Argentina", "documents": 2}], [])
    exported = {d["identifier"]: d["subjects"] for d in map(json.loads, legation(archive, "export").stdout.splitlines())}
    assert exported == {"v05-0": ["Argentina"], "v05-1": ["Argentina"], "v12-1": ["Argentina"]}
