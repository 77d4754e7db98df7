"""Names of agents and places compared by their beginning, ignoring case, accents and typographic
punctuation, through the indexed ``name_folded`` column (autocomplete): filled by migration 0012 for
names stored before it, set by every write after (``FoldedName.pre_save``), folded again by 0014
where the fold changed (traditional Chinese characters)."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from legation.records.document_record import AgentRef, DocumentRecord
from legation.search.analyzers import folded_name

BEFORE = [("records", "0011_document_identifier_folded")]
NAMES = {  # name → its folded form
    "Dag Hammarskjöld": "dag hammarskjold",
    "Ch’en  Ch’eng": "chen cheng",  # Wade-Giles' aspiration read past; a double space
    "O’Neill  Hall": "o'neill hall",  # a typographic apostrophe
    "State–Army–Navy Committee": "state-army-navy committee",
    "İsmet İnönü": "ismet inonu",
    "Михаи́л Горбачёв": "михаил горбачев",
    "Straße": "strasse",
    "Ærøskøbing Œuvre": "aeroskobing oeuvre",  # letters the index folds to two
    "ǅemal Bijedić": "dzemal bijedic",
    "Ｆｕｌｌ Ｗｉｄｔｈ": "full width",
    "O´Connor «Tiger»": "o'connor \"tiger\"",
    "周恩来": "周恩来",
    "毛澤東": "毛泽东",  # traditional characters as simplified, as search folds them
}


def test_folded_name():
    assert {name: folded_name(name) for name in NAMES} == NAMES


def test_the_migration_folds_the_names_stored_before_it(transactional_db):
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        for n, name in enumerate(NAMES):
            agent = old.get_model("records", "Agent").objects.create(key=f"agent-{n}", name=name)
            old.get_model("records", "AgentName").objects.create(agent=agent, name=name.upper())
            place = old.get_model("records", "Place").objects.create(name=name)
            old.get_model("records", "PlaceName").objects.create(place=place, name=f"Old {name}")
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    finally:
        MigrationExecutor(connection).migrate(latest)
    from legation.records.models import Agent, AgentName, Place, PlaceName

    for model in (Agent, AgentName, Place, PlaceName):
        stored = list(model.objects.values_list("name", "name_folded"))
        assert len(stored) == len(NAMES)
        assert all(folded == folded_name(name) for name, folded in stored), model


def test_the_migration_folds_again_the_names_of_traditional_chinese_characters(transactional_db):
    """A name stored before the fold made traditional characters simplified kept its old key, which
    a name typed in either form no longer begins: migration 0014 writes the new key, and only there."""
    from legation.records.models import Agent, Place, PlaceName, names_starting

    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate([("records", "0013_archiveidentity")])
    try:
        old = executor.loader.project_state([("records", "0013_archiveidentity")]).apps
        agent = old.get_model("records", "Agent").objects.create(key="mao", name="毛澤東")
        place = old.get_model("records", "Place").objects.create(name="臺北")
        old.get_model("records", "PlaceName").objects.create(place=place, name="Taipei")
        # the keys as the fold before wrote them (a write now would fold them anew)
        old.get_model("records", "Agent").objects.filter(pk=agent.pk).update(name_folded="毛澤東")
        old.get_model("records", "Place").objects.filter(pk=place.pk).update(name_folded="臺北")
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    finally:
        MigrationExecutor(connection).migrate(latest)
    assert Agent.objects.get(key="mao").name_folded == "毛泽东"
    assert Place.objects.get(name="臺北").name_folded == "台北"
    assert PlaceName.objects.get(name="Taipei").name_folded == "taipei"
    assert list(Agent.objects.filter(names_starting("毛泽")).values_list("name", flat=True)) == ["毛澤東"]
    assert list(Agent.objects.filter(names_starting("毛澤")).values_list("name", flat=True)) == ["毛澤東"]


def test_every_write_sets_the_folded_name(db):
    """Ingest writes agents, places and names in bulk; the admin and authority files one by one."""
    from legation.ingest.service import ingest_records
    from legation.records.models import Agent, AgentName, Place

    agent = AgentRef(key="hammarskjold-dag", name="Dag Hammarskjöld", role="sender", names=["Hammarskjöld, Dag"])
    ingest_records([DocumentRecord(identifier="d-1", title="Letter", date_edtf="1955", agents=[agent], place_sent="Lüshun").validate()])
    stored = Agent.objects.get(key="hammarskjold-dag")
    assert stored.name_folded == "dag hammarskjold"
    assert list(AgentName.objects.values_list("name_folded", flat=True)) == ["hammarskjold, dag"]
    assert Place.objects.get(name="Lüshun").name_folded == "lushun"
    stored.name = "Hammarskjöld (Secretary-General)"  # a curator renames him in the admin
    stored.save()
    assert Agent.objects.get(pk=stored.pk).name_folded == "hammarskjold (secretary-general)"


def test_names_starting_finds_by_the_folded_beginning_only(db):
    from legation.records.models import Agent, names_starting

    for n, name in enumerate(["Dag Hammarskjöld", "Con O’Neill", "Hammond", "Ürgüplü"]):
        Agent.objects.create(key=f"a-{n}", name=name)

    def starting(typed: str) -> list[str]:
        return sorted(Agent.objects.filter(names_starting(typed)).values_list("name", flat=True))

    assert starting("dag hammarskjold") == starting("DAG HAMMARSKJÖ") == ["Dag Hammarskjöld"]
    assert starting("Hamm") == ["Hammond"]  # a name's beginning, not a word's: "Dag Hammarskjöld" begins with "Dag"
    assert starting("con o'neill") == starting("Con O’NEI") == starting("con  o'") == ["Con O’Neill"]
    assert starting("urgu") == ["Ürgüplü"]
    assert starting("\u0301") == []  # a mark alone: no name, rather than every one
    assert starting("a\ud7ff") == starting("\U0010ffff") == []  # the range's end past the last Hangul syllable, and none


def test_a_surname_typed_first_without_its_comma_finds_the_inverted_name(db):
    # "Acheson D" suggested nothing: the variant "Acheson, Dean" begins "acheson, d"
    from legation.records.models import Agent, names_starting

    for n, name in enumerate(["Acheson, Dean", "Acheson Dean Fund", "Gomułka, Władysław", "Dean Rusk"]):
        Agent.objects.create(key=f"a-{n}", name=name)

    def starting(typed: str) -> list[str]:
        return sorted(Agent.objects.filter(names_starting(typed)).values_list("name", flat=True))

    assert starting("Acheson D") == ["Acheson Dean Fund", "Acheson, Dean"]
    assert starting("gomulka wlad") == starting("Gomułka, Wł") == ["Gomułka, Władysław"]
    assert starting("Dean") == ["Dean Rusk"] and starting("Acheson,") == ["Acheson, Dean"]
