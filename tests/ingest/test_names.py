"""Inverted personal names and agents' kinds (legation.ingest.names): the one rule by which FRUS
lists of persons and table cells are turned to direct order. Comma names of bodies are real values:
the FRUS documents index (from/to columns) and the Moritz letter index (see ../shared/data/README.md).
The kinds are of real names: the Moritz letter index's senders and addressees, Wilson Center Digital
Archive contributors, FRUS parties, UN General Debate speakers and presidents."""

from __future__ import annotations

import pytest

from legation.ingest.mappings import agent_key
from legation.ingest.names import agent_kind, direct_name, heading
from legation.ingest.readers.tei_frus import person_from_entry
from tests.conftest import shared_data


@pytest.mark.parametrize(
    "written, direct",
    [
        ("Acheson, Dean", "Dean Acheson"),
        ("Dean Acheson", "Dean Acheson"),
        ("Gaulle, Charles de", "Charles de Gaulle"),
        ("Lodge, Henry Cabot, Jr.", "Henry Cabot Lodge Jr."),
        ("King, Martin Luther, Jr.", "Martin Luther King Jr."),  # "King" is a surname here, not a title
        ("Taylor, General Maxwell D.", "Maxwell D. Taylor"),  # the rank dropped, as in FRUS lists of persons
        ("von Schönberg, Anton", "Anton von Schönberg"),
        ("Beethoven, Ludwig van", "Ludwig van Beethoven"),
        ("Rhee, Syngman", "Syngman Rhee"),  # a Korean surname, a given name in Western order
        ("Service, John S.", "John S. Service"),  # a surname that is a word of bodies, before an initial
        # East Asian names are written surname first, the comma or not: their order stays
        ("Mao, Zedong", "Mao, Zedong"),
        ("Chou, En-lai", "Chou, En-lai"),
        ("Kim, Il-sung", "Kim, Il-sung"),
        ("Ngo, Dinh Diem", "Ngo, Dinh Diem"),
        # a suffix after a direct name (FRUS index, UN speakers' list)
        ("James C. Thomson, Jr.", "James C. Thomson, Jr."),
        ("Joseph R. Biden, Jr", "Joseph R. Biden, Jr"),
        # bodies with commas, as the FRUS documents index has them
        ("Embassy in Benghazi, Libya", "Embassy in Benghazi, Libya"),
        ("Secretary of State, at Geneva", "Secretary of State, at Geneva"),
        ("Berlin Element, HICOG", "Berlin Element, HICOG"),
        ("Headquarters, U.S. Air Force", "Headquarters, U.S. Air Force"),
        ("Joint Chiefs of Staff, Pentagon", "Joint Chiefs of Staff, Pentagon"),
        ("Captain Kefauver, U.S. Navy", "Captain Kefauver, U.S. Navy"),
        ("Embassy, Paris", "Embassy, Paris"),
        # and as the Moritz letter index has them
        ("Dechant, Senior und Kapitel zu Merseburg", "Dechant, Senior und Kapitel zu Merseburg"),
        ("Statthalter, Kanzler und Räte zu Kassel", "Statthalter, Kanzler und Räte zu Kassel"),
        ("Kf., Fs. und Stände", "Kf., Fs. und Stände"),
        ("Gf., Herren sowie Ritterschaft (die mit Kf. Moritz im Feld waren)", "Gf., Herren sowie Ritterschaft (die mit Kf. Moritz im Feld waren)"),
    ],
)
def test_direct_name(written, direct):
    assert direct_name(written) == direct


@pytest.mark.parametrize(
    "heading, direct",
    [
        # Library of Congress name headings: the name, then the dates of life
        ("Acheson, Dean, 1893-1971", "Dean Acheson"),
        ("Gaulle, Charles de, 1890-1970", "Charles de Gaulle"),
        ("Gomułka, Władysław, 1905-1982", "Władysław Gomułka"),
        ("King, Martin Luther, Jr., 1929-1968", "Martin Luther King Jr."),
        ("Kissinger, Henry, 1923-", "Henry Kissinger"),  # as the heading was while he lived
        ("Smith, John, b. 1901", "John Smith"),
        ("Smith, John, d. 1960", "John Smith"),
        ("Smith, John, 1901?-1960", "John Smith"),
        ("Mao, Zedong, 1893-1976", "Mao, Zedong"),  # in its own order, as without the dates
        # in parentheses, as catalogues and the Dodis edition's persName type="full" write them
        ("Acheson, Dean (1893-1971)", "Dean Acheson"),
        ("Kohl, Helmut (1930–2017)", "Helmut Kohl"),
        ("Michnik, Adam (1946–)", "Adam Michnik"),
        ("Weizsäcker, Richard von (1920–2015)", "Richard von Weizsäcker"),
        ("Fritsch-Seerhausen, Rüdiger Freiherr von (1953–)", "Rüdiger Freiherr von Fritsch-Seerhausen"),
        # one name with its dates (Library of Congress: Sukarno, 1901-1970)
        ("Sukarno, 1901-1970", "Sukarno"),
        # a relator term after the dates or the name: the person's part in the work (MARC 100 $e)
        ("Smith, John, 1901-1980, editor", "John Smith"),
        ("Smith, John, editor.", "John Smith"),
        ("Smith, John, 1901-1980, editor, translator", "John Smith"),
    ],
)
def test_a_library_headings_dates_of_life_are_no_part_of_the_name(heading, direct):
    assert direct_name(heading) == direct
    assert agent_kind(heading) == "person"


@pytest.mark.parametrize(
    "written, entry, direct, fuller",
    [
        # Library of Congress name headings, the fuller form of the forenames in parentheses (MARC 100 $q),
        # and each president as the FRUS lists of persons print him
        ("Nixon, Richard M. (Richard Milhous), 1913-1994", "Nixon, Richard M.", "Richard M. Nixon", "Richard Milhous Nixon"),
        ("Eisenhower, Dwight D. (Dwight David), 1890-1969", "Eisenhower, Dwight D.", "Dwight D. Eisenhower", "Dwight David Eisenhower"),
        ("Kennedy, John F. (John Fitzgerald), 1917-1963", "Kennedy, John F.", "John F. Kennedy", "John Fitzgerald Kennedy"),
        ("Johnson, Lyndon B. (Lyndon Baines), 1908-1973", "Johnson, Lyndon B.", "Lyndon B. Johnson", "Lyndon Baines Johnson"),
    ],
)
def test_a_library_headings_fuller_form_is_the_same_person(written, entry, direct, fuller):
    """The heading is the agent the name before the fuller form gives, keyed as FRUS keys its entry and as a
    table's name in direct order is: person:richard-m-nixon; the fuller form is a further name only."""
    assert direct_name(written) == direct and heading(written).fuller == fuller
    assert agent_key("", written) == agent_key("", direct) == agent_key("", entry) == person_from_entry(entry).key


def test_a_library_headings_title_and_a_fuller_form_not_one():
    """A title after the forenames (MARC 100 $c) is no part of the name, a German particle after it is the
    surname's; a parenthesis that is no fuller form of the forenames leaves the name as written, as does a
    title of a place ("Duke of")."""
    for written, direct in [
        ("Churchill, Winston, Sir, 1874-1965", "Winston Churchill"),
        ("Bismarck, Otto, Fürst von, 1815-1898", "Otto von Bismarck"),
        ("Stein, Karl, Freiherr vom, 1757-1831", "Karl vom Stein"),
        ("Roshchin, N. V. (Nikolai Vasilevich), 1901-1960", "N. V. Roshchin"),  # a Wilson Center contributor
        ("Hoover, J. Edgar (John Edgar), 1895-1972", "J. Edgar Hoover"),
    ]:
        assert (direct_name(written), agent_key("", written)) == (direct, agent_key("", direct))
    assert heading("Bismarck, Otto, Fürst von, 1815-1898").written == "Bismarck, Otto, Fürst von"
    for name in (
        "Smith, John (Ambassador)",
        "Mao, Zedong (Mao Tse-tung)",
        "Khanh, Maj. Gen. Nguyen (Nguyen Khanh)",  # a FRUS index: the name in its own order, no fuller form
        "Wellington, Arthur Wellesley, Duke of, 1769-1852",
    ):
        assert direct_name(name) == name and not heading(name).added


def test_the_year_of_a_body_or_a_meeting_stays_in_its_name():
    """Dates come off a person's name written surname first, not off a body's or a meeting's, nor one
    name that is a body's or an acronym."""
    assert direct_name("Acheson, Dean, 1893-1971") == "Dean Acheson"
    for name, kind in [
        ("Conference, Geneva, 1954", "organization"),
        ("Geneva Conference, 1954", "organization"),
        ("Embassy, Paris, 1954-1960", "organization"),
    ]:
        assert (direct_name(name), agent_kind(name)) == (name, kind)
    for name in ("Politburo, 1952-1966", "UNRRA, 1943-1947", "Paris Peace Conference (1919-1920)"):
        assert direct_name(name) == name and not heading(name).added


@pytest.mark.parametrize(
    "name, kind",
    [
        # German councils, towns, chapters, estates and groups (Moritz letter index)
        ("Rat von Leipzig", "organization"),
        ("Rat zu Erfurt", "organization"),
        ("Rat der Stadt Döbeln", "organization"),
        ("Rat [zu Leipzig]", "organization"),
        ("Bgm. und Rat von Nürnberg", "organization"),
        ("Pfleger und Geheimer Rat", "organization"),
        ("Räte zu Dresden", "organization"),
        ("Hz. Heinrichs Räte", "organization"),
        ("Stadt Torgau", "organization"),
        ("Gemeinde der Stadt Torgau", "organization"),
        ("Rat und Bürgerschaft zu Annaberg", "organization"),
        ("Senior und Kapitel zu Magdeburg", "organization"),
        ("Dechant, Senior und Kapitel zu Merseburg", "organization"),
        ("Landschaft des Kf. zu Sachsen", "organization"),
        ("alle Stände bei Kf. Johann Friedrich", "organization"),
        ("zu Breslau versammelten Fürsten", "organization"),
        ("in Augsburg verordneten Räte", "organization"),
        ("Oberste, Kriegsräte und Landschaft von Kf. Johann Friedrich", "organization"),
        ("Kf. Joachims Hofräte", "organization"),
        ("Gesandte der Stadt Augsburg", "organization"),
        ("3 Räte u. Viertelmeister zu Altenburg", "organization"),
        ("Dresdner Kanzlei", "organization"),
        ("Universität Leipzig", "organization"),
        # party bodies (Wilson Center contributors) and bodies the FRUS rule reads already
        ("Korean Workers' Party", "organization"),
        ("Central Committee of the Communist Party of the Soviet Union", "organization"),
        ("Central Committee of the Chinese Communist Party", "organization"),
        ("Politburo", "organization"),
        ("Presidium", "organization"),
        ("Presidium of the Supreme Soviet", "organization"),
        ("Embassy in France", "organization"),
        ("Secretary of State", "organization"),
        # people: with an office in parentheses, after a title, an office of one, a councillor of his lord
        ("Michael Alber (Bürgermeister)", "person"),
        ("Bürgermeister Ottenbach von [Großen]hain", "person"),
        ("Ein ungenannter Rat des Hz. Moritz'", "person"),
        ("Rat des Hz. Moritz", "person"),
        ("Rat Kg. Ferdinands", "person"),
        ("[Kfl. Rat zu Augsburg]", "person"),
        ("einen Rat zu Hause [Ulrich Mordeisen?]", "person"),
        ("Bgm. der Stadt Leipzig", "person"),
        ("Befehlshaber des Kapitels zu Magdeburg auf der Moritzburg zu Halle", "person"),
        ("Dekan der Theologischen Fakultät", "person"),
        ("Inhaber der Gf.schaft Beichlingen", "person"),
        ("Kf. Moritz bzw. dessen Räte", "person"),  # Moritz, or in his absence his councillors
        ("Rektor und Universität [Heinrich Salmuth]", "person"),  # the index gives Salmuth's GND id
        ("Kfl. Räte [Ernst von Miltitz]", "person"),  # and Miltitz's
        ("Erasmus von Könneritz (Rat in Augsburg)", "person"),
        ("Alle von Schwiechelt", "person"),  # "Alle" is his given name
        ("vom Ende zu Löbichau", "person"),
        ("Georg Komerstadt", "person"),  # a surname ending in "stadt"
        ("Hz. Moritz", "person"),
        ("Kf. Johann Friedrich", "person"),
        ("Party Secretary Wang", "person"),
        ("Mao, Zedong", "person"),
        ("Roshchin, N. V. (Nikolai Vasilevich), 1901-1960", "person"),
        ("President Truman", "person"),
        ("Joseph R. Biden, Jr", "person"),
        ("Lula da Silva", "person"),
        ("George Washington", "person"),
        ("Mrs. Pandit", "person"),
    ],
)
def test_agent_kind(name, kind):
    assert agent_kind(name) == kind


@pytest.mark.parametrize(
    "name",
    [
        # as the Dodis edition writes them in its notes ("Das Auswärtige Amt", "Akten des Bundeskanzleramtes",
        # "Notiz der Botschaft der DDR in Bern", "Département fédéral des affaires étrangères", "Partito Socialista Italiano")
        "Auswärtiges Amt",
        "Bundeskanzleramt",
        "Botschaft der DDR in Bern",
        "Bundesamt für Ausländerfragen",
        "Justiz- und Polizeidepartement",
        "Eidgenössisches Politisches Departement",
        "Botschaft der Bundesrepublik Deutschland",
        "Département fédéral des affaires étrangères",
        "Ministère des Affaires étrangères",
        "Ambassade de France",
        "L'Ambassade de France",
        "Parti communiste bulgare",
        "Partito Socialista Italiano",
        "Consiglio federale",
        # and as its orgName elements do, the state before the body, and QhoD's, and the Moritz letter index
        "Deutschland/BRD/Bundesfinanzministerium",
        "EVD/Handelsabteilung",
        "GB/Botschaft in Moskau",
        "Germany/GDR/Volkskammer",
        "Italien/Kommunistische Partei",
        "Großbotschaft Virmondt",
        "[Reichskammergericht]",
    ],
)
def test_german_french_and_italian_bodies_are_organizations(name):
    assert agent_kind(name) == "organization"


@pytest.mark.parametrize(
    "name",
    [
        # the GDR's councils and party bodies, as the Dodis edition names them ("des Ministerrats der DDR", "des
        # Staatsrats der DDR", "Politbüro des ZK", "Deutschland/DDR/…/Politbüro des ZK der SED")
        "Ministerrat der DDR",
        "Staatsrat der DDR",
        "ZK der SED",
        "Politbüro des ZK der SED",
        "SED-Politbüro",
        "Deutschland/DDR/Ministerrat",
        # the offices and chancery of the Reich, and QhoD's Hofkanzlei ("der Hofkanzlei")
        "Reichsamt des Innern",
        "Reichsmarineamt",
        "Reichskolonialamt",
        "Reichskanzlei",
        "Hofkanzlei",
        # Swiss and French bodies, a capital after "Conseil"; a sub-directorate of a foreign ministry
        "Le Conseil Fédéral",
        "Conseil Fédéral Suisse",
        "Consiglio Nazionale",
        "Sous-direction d'Asie",
    ],
)
def test_more_german_french_and_italian_bodies_are_organizations(name):
    assert agent_kind(name) == "organization"


def test_a_council_that_is_also_a_members_title_is_a_body_only_before_whose():
    """"Staatsrat" and "ZK" name the council before whose it is ("Staatsrat der DDR"), not before a name: a
    councillor, a member or a secretary of the Central Committee, a surname ending as a council ("Kolowrat", a
    Bohemian noble of the Moritz letters and QhoD) or as an office ("Klamt") stay persons."""
    assert agent_kind("Staatsrat der DDR") == agent_kind("ZK der SED") == "organization"
    for name in (
        "Staatsrat Müller",
        "Staatsrat Dr. Müller",
        "Legationsrat der Botschaft in Bern",
        "Vorsitzender des Staatsrates der DDR",
        "Mitglied des ZK der SED",
        "ZK-Sekretär Honecker",
        "Chef der Reichskanzlei",
        "Jaroslaw von Kolowrat",
        "Kolowrat",
        "Klamt, Hans",
        "Conseil, Jean",
        "Consiglio Alberto",
    ):
        assert agent_kind(name) == "person", name


@pytest.mark.parametrize(
    "name",
    [
        # the Dodis edition's orgName elements: a body below its state, in English (161 of its 248 were read as persons; 60 of them now as the bodies they are)
        "Germany/FRG/Embassy in Warsaw",
        "USSR/Politburo of the Central Committee of the CPSU",
        "Poland/Ministry of National Defence",
        "USA/Office of Military Government for Germany",
        "Canada/House of Commons",
        "EU/European Commission (2009-)",
        "EVD/Handelsabteilung/Wirtschaftliche Zusammenarbeit Ost-West (ECE/UNO)",
        "EDA/Politische Direktion/Zentrale Dienste/Information und Presse",
    ],
)
def test_a_body_below_its_state_is_an_organization(name):
    assert agent_kind(name) == "organization"


def test_a_slash_in_a_persons_name_leaves_it_a_person():
    """Variants of a name a slash separates, a slash in parentheses or in a title: QhoD's persons and the
    Moritz letters'."""
    for name in (
        "Ahmed / Ahmad Dürri Efendi Hofrat",
        "Kolowrat Kollowrath Graf/Gräfin von",
        "Abdullah Pasha Muhsinzade (Serasker/commander of Niş) Abdallah Abdallah Seraskier von Nis Pasha, Abdullah",
        "Freiherr Philipp zu Winnenberg/Beilstein",
    ):
        assert agent_kind(name) == "person", name
    assert agent_kind("Germany/FRG/Embassy in Warsaw") == "organization"


def test_a_word_of_a_body_in_a_persons_name_leaves_it_a_person():
    """A French or Italian noun that is also a surname names a body only before a word in lower case:
    Guy La Chambre, French minister of air in FRUS, stays a person, as an office holder does."""
    assert agent_kind("Chambre des députés") == "organization"
    for name in ("La Chambre", "La Chambre, Guy Charles", "Guy La Chambre", "M. La Chambre", "Joachim Faust (Sekretär des Hz. Moritz)"):
        assert agent_kind(name) == "person"
    assert direct_name("La Chambre, Guy Charles") == "Guy Charles La Chambre"
    # a body's name before its place is no inverted name
    assert direct_name("Auswärtiges Amt, Bonn") == "Auswärtiges Amt, Bonn"
    assert direct_name("Ambassade de France, Bonn") == "Ambassade de France, Bonn"


@pytest.mark.shared_data
def test_the_bodies_and_groups_of_the_moritz_letter_index():
    """All 8,935 letters: 2,868 names of senders and addressees, of which 2,868 were read as persons
    before German bodies and groups were read; now 869 are organizations (the Reichskammergericht since
    courts are, the "Landtag zu Torgau" since diets are). By key (a GND id, or the kind and name): 2,086
    agents, 833 organizations, none of them with a GND id."""
    from legation.ingest.readers import read_file
    from legation.records.document_record import DocumentRecord

    path = shared_data("moritz-saxony-political-correspondence-metadata/letters.csv.gz")
    names, keys = {}, {}
    for item in read_file(path, "moritz"):
        if isinstance(item, DocumentRecord):
            for agent in item.agents:
                names[agent.name] = agent.kind
                keys[agent.key] = agent.kind
    assert len(names) == 2868 and list(names.values()).count("organization") == 869
    assert len(keys) == 2086 and list(keys.values()).count("organization") == 833
    assert all(k.startswith("organization:") for k, kind in keys.items() if kind == "organization")
    assert names["Rat von Leipzig"] == names["zu Breslau versammelten Fürsten"] == names["Landtag zu Torgau"] == "organization"
    assert names["Michael Alber (Bürgermeister)"] == names["Ein ungenannter Rat des Hz. Moritz'"] == "person"


@pytest.mark.parametrize(
    "written_as, name, written, dates, title",
    [
        # Library of Congress headings of sovereigns and popes: the name and its numeral, the title, the dates
        ("Elizabeth II, Queen of Great Britain, 1926-2022", "Elizabeth II", "Elizabeth II, Queen of Great Britain", "1926-2022", "Queen of Great Britain"),
        ("Victoria, Queen of Great Britain, 1819-1901", "Victoria", "Victoria, Queen of Great Britain", "1819-1901", "Queen of Great Britain"),
        ("Pius XII, Pope, 1876-1958", "Pius XII", "Pius XII, Pope", "1876-1958", "Pope"),
        ("Wilhelm II, German Emperor, 1859-1941", "Wilhelm II", "Wilhelm II, German Emperor", "1859-1941", "German Emperor"),
        ("Nicholas II, Emperor of Russia, 1868-1918", "Nicholas II", "Nicholas II, Emperor of Russia", "1868-1918", "Emperor of Russia"),
        # QhoD's sultan and emperor as the Library of Congress heads them
        ("Selim II, Sultan of the Turks, 1524-1574", "Selim II", "Selim II, Sultan of the Turks", "1524-1574", "Sultan of the Turks"),
        ("Maximilian II, Holy Roman Emperor, 1527-1576", "Maximilian II", "Maximilian II, Holy Roman Emperor", "1527-1576", "Holy Roman Emperor"),
        ("Mohammad Reza Pahlavi, Shah of Iran, 1919-1980", "Mohammad Reza Pahlavi", "Mohammad Reza Pahlavi, Shah of Iran", "1919-1980", "Shah of Iran"),
        ("Jean, Grand Duke of Luxembourg, 1921-2019", "Jean", "Jean, Grand Duke of Luxembourg", "1921-2019", "Grand Duke of Luxembourg"),
        # without dates, a title still heads the name ("Pius XII, Pope" was "Pope Pius XII", read surname first)
        ("Pius XII, Pope", "Pius XII", "Pius XII, Pope", "", "Pope"),
        ("Elizabeth II, Queen of Great Britain", "Elizabeth II", "Elizabeth II, Queen of Great Britain", "", "Queen of Great Britain"),
    ],
)
def test_a_sovereigns_or_popes_heading_is_the_name_and_its_numeral(written_as, name, written, dates, title):
    """The name a researcher searches (and FRUS keys: "Paul VI" is person:paul-vi), the title kept in the
    further name as written, the dates not kept, as for any heading."""
    read = heading(written_as)
    assert (read.name, read.written, read.dates, read.title) == (name, written, dates, title)
    assert direct_name(written_as) == name and agent_kind(written_as) == "person"
    assert agent_key("", written_as) == "person:" + name.lower().replace(" ", "-")


def test_a_title_heads_a_name_only_as_a_sovereigns_heading_writes_it():
    """"Pius XII, Pope" was read surname first, as "Pope Pius XII"; a title with no realm ("Hussein, King", as a
    FRUS list writes it), forenames ending in a title's word, a body's name and a consort's heading (whose realm is
    another's) are no sovereign's heading; other headings are read as before."""
    assert direct_name("Pius XII, Pope") == "Pius XII" and direct_name("Paul VI, Pope") == "Paul VI"
    for name, direct in (
        ("Acheson, Dean, 1893-1971", "Dean Acheson"),
        ("Churchill, Winston, Sir, 1874-1965", "Winston Churchill"),
        ("Sukarno, 1901-1970", "Sukarno"),
        ("Hussein, King", "Hussein, King"),
        ("Smith, Martin King", "Smith, Martin King"),
        ("Embassy, Prince of Wales", "Embassy, Prince of Wales"),
        ("Philip, Prince, consort of Elizabeth II, Queen of Great Britain, 1921-2021", "Philip, Prince, consort of Elizabeth II, Queen of Great Britain, 1921-2021"),
        ("King, Martin Luther, Jr.", "Martin Luther King Jr."),
        ("II, Pope", "Pope II"),  # no name: read surname first, as before
    ):
        assert direct_name(name) == direct, name


@pytest.mark.parametrize(
    "name",
    [
        # Swiss councils and parliaments, alone, after an article or adjectives, before whose they are
        "Bundesrat",
        "Nationalrat",
        "Ständerat",
        "Regierungsrat des Kantons Bern",
        "Der Schweizerische Bundesrat",
        "Grosser Rat des Kantons Bern",
        "Bundesversammlung",
        # parliaments and diets; the Dodis edition's orgName elements ("Deutschland/Parlamentarischer Rat",
        # "Germany/FRG/Parliament", "UN/General Assembly") and QhoD's ("Hofkriegsrat"); the Moritz letters' "Landtag zu Torgau"
        "Reichstag",
        "Landtag zu Torgau",
        "Deutschland/Parlamentarischer Rat",
        "Germany/FRG/Parliament",
        "UN/General Assembly",
        "Présidence de la République",
        "Hofkriegsrat",
        "Kaiserlicher Hofkriegsrat",
        "Staatsrat",
    ],
)
def test_councils_and_parliaments_are_organizations(name):
    assert_an_organization(name)


def assert_an_organization(name):
    """A table's name read as a body's, and keyed so."""
    assert agent_kind(name) == "organization"
    assert agent_key("", name, agent_kind(name)).startswith("organization:")


def test_a_councils_member_and_a_surname_of_an_office_stay_persons():
    """A council's title before a name is its member; "Amt" and "Post" before a forename are surnames ("Post,
    Albert" of a FRUS list of persons was an organization); a body's name before its place stays one."""
    for name in ("Staatsrat Müller", "Bundesrat Petitpierre", "Nationalrat Müller", "Staatsrat von Müller", "Legationsrat",
                 "Member of Parliament", "Freitag, Hans"):
        assert agent_kind(name) == "person", name
    assert (direct_name("Amt, Peter"), agent_kind("Amt, Peter"), agent_key("", "Amt, Peter")) == ("Peter Amt", "person", "person:peter-amt")
    assert (direct_name("Post, Albert"), agent_kind("Post, Albert")) == ("Albert Post", "person")
    for name in ("Auswärtiges Amt, Bonn", "Bundeskanzleramt, Bonn", "Embassy, Paris"):
        assert (direct_name(name), agent_kind(name)) == (name, "organization"), name


@pytest.mark.parametrize(
    "written, direct",
    [
        # the FRUS lists of persons and the Dodis edition: a nickname in quotation marks of any kind among the forenames,
        # the list's comma inside them ("House, Edward “Colonel,”" was read as a body's name, "House" a word of bodies)
        ("House, Edward “Colonel,”", "Edward House"),
        ("Berger, Samuel R. “Sandy,”", "Samuel R. Berger"),
        ("Jackson, Henry M. “Scoop”", "Henry M. Jackson"),
        ("Butler, Richard “Rab” A.", "Richard A. Butler"),
        ("Carter, James Earl, Jr. “Jimmy”", "James Earl Carter Jr."),
        ("Bartholomew, Reginald H., “Reg”", "Reginald H. Bartholomew"),
        ("Fourie, Bernadus Gerhardus “Brand\"", "Bernadus Gerhardus Fourie"),
        ('Jackson, Henry Martin "Scoop"', "Henry Martin Jackson"),
        ('Jackson, Henry Martin "Scoop" (1912–1983)', "Henry Martin Jackson"),
        ("Jackson, Henry „Scoop“", "Henry Jackson"),
        ("Jackson, Henry «Scoop»", "Henry Jackson"),
        ("Jackson, Henry 'Scoop'", "Henry Jackson"),
    ],
)
def test_a_nickname_in_quotation_marks_is_no_part_of_an_inverted_name(written, direct):
    """The name is the person's in direct order; the nickname stays in the name as written, a further name of the
    agent."""
    assert (agent_kind(written), direct_name(written)) == ("person", direct)
    assert heading(written).written == written.removesuffix(" (1912–1983)")
    assert agent_key("", written) == agent_key("", direct)


def test_a_nicknamed_person_is_keyed_as_frus_keys_him_and_an_apostrophe_is_no_nickname():
    """A table's "House, Edward “Colonel,”" is the FRUS list's person:edward-house. An apostrophe in a word ("Il'ič", the Dodis edition's Brežnev) is no quotation mark; a body's name before its
    place in quotation marks stays a body's."""
    assert agent_key("", "House, Edward “Colonel,”") == person_from_entry("House, Edward “Colonel,”").key == "person:edward-house"
    assert direct_name("Brežnev, Leonid Il'ič") == "Leonid Il'ič Brežnev" and not heading("Brežnev, Leonid Il'ič").nickname
    assert (agent_kind("Embassy, “Paris”"), direct_name("Embassy, “Paris”")) == ("organization", "Embassy, “Paris”")


@pytest.mark.parametrize(
    "name",
    [
        # the Dodis edition's orgName elements a table gives with no kind: English bodies by the last word of the
        # name's head, treaties and newspapers among them, as the edition tags them
        "European Union",
        "Palestine Liberation Organization",
        "North Atlantic Treaty Organisation (NATO)",
        "Organization for Security and Co-operation in Europe",
        "European Free Trade Association",
        "UN/International Monetary Fund",
        "Austria/Austrian Broadcasting Corporation",
        "Germany/FRG/Federal Chancellery",
        "Germany/FRG/Permanent Representation in East Berlin",
        "France/Occupation authority in Germany",
        "West Berlin/Police",
        "Socialist International",
        "Paris Club",
        "Bank of England",
        "Export-Import Bank of the United States",
        "Treaty of Rome (1957)",
        "Treaty on Conventional Armed Forces in Europe",
        "Warsaw Pact",
        "Helsinki Final Act",
        "Schengen Agreement",
        "New York Times",
        "The Irish Times",
        "Wall Street Journal",
        "Boston Herald",
        # German ones by their noun or its compound, French and Italian ones by their first noun before a word in lower case
        "Deutschland/BRD/Bundesbank",
        "Bundeswehr",
        "EMD/GSt/Nachrichtendienst",
        "Treuhandanstalt",
        "Leunawerke",
        "Deutschland/DDR/Evangelische Kirche",
        "Berlin West/Magistrat",
        "Pariser Verträge (1954)",
        "Frankfurter Allgemeine Zeitung",
        "Corriere della Sera",
        # the state itself below its name; a body's years in parentheses are no holder's name
        "Germany/FRG/State",
        "Polen/Staat",
        "Potsdam Conference (1945)",
        "Swiss Embassy in Bonn (1977-)",
    ],
)
def test_bodies_treaties_and_newspapers_the_dodis_edition_names_are_organizations(name):
    assert_an_organization(name)


def test_a_word_of_a_body_after_a_persons_title_or_as_a_surname_leaves_a_person():
    """The words read the head of an English name only: a marshal of the Soviet Union (two of a FRUS list of persons) and
    a journalist named with his paper stay persons; "Bank" names a body only before "of" ("Hans Bank" is a surname), and
    "Union" in a German name is none ("Konev, Marshal of the Soviet Union Ivan S." would be a body)."""
    for name in (
        "Konev, Marshal of the Soviet Union Ivan S.",
        "Yakubovsky, Marshal of the Soviet Union Ivan I.",
        "Secretary General of the North Atlantic Treaty Organization Brosio",
        "Hans Bank",
        "Bank, Hans",
        "Frank Church",
        "Gaspara Stampa",
        "Stampa, Gaspara",
        "Reporter der Frankfurter Allgemeinen Zeitung",
        "Magdeburger Gewerke",  # a mine's shareholder, or its shareholders (the Moritz letters): "Gewerke" is no "-werke"
        "James Reston, New York Times",
    ):
        assert agent_kind(name) == "person", name
    # a paper is no forename: the name stays as given, not "New York Times James Reston"
    assert direct_name("James Reston, New York Times") == "James Reston, New York Times"


@pytest.mark.shared_data
def test_the_dodis_editions_persons_stay_persons_and_most_of_its_bodies_are_bodies():
    """Each distinct persName and orgName of the Dodis edition (../shared/data/README.md §3), read as a table's name:
    none of its 1,109 persons is read as a body; of its 248 bodies 91 were read as persons, then 37, then 24, then 6, none
    is ("Deutsche Welle" and "Allied Kommandatura" by their first word, "European Economic Area" by its last, "Gazeta
    Wyborcza", "Yedioth Ahronoth" and "Foreign Affairs" as papers). Papers known by a name alone and acronyms, which persons' initials and the UN speakers' surnames in capitals
    share ("SED" beside the edition's own "SIN", "WOK"), are bodies by name ("Haaretz", "Time", "SED", names._BODIES_BY_NAME);
    "Le Monde" by its noun after the article; "Israel/Likud", "Germany/FRG/The Greens" and "G7" since their state or their
    number says so."""
    from lxml import etree

    folder = shared_data("dodis-when-the-wall-came-down/tei")
    names = {"persName": set(), "orgName": set()}
    for path in sorted(folder.rglob("*.xml")):
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        for tag, found in names.items():
            found.update(" ".join("".join(e.itertext()).split()) for e in root.iter(f"{{http://www.tei-c.org/ns/1.0}}{tag}"))
    persons, bodies = names["persName"] - {""}, names["orgName"] - {""}
    assert (len(persons), len(bodies)) == (1109, 248)
    assert [n for n in persons if agent_kind(n) != "person"] == []
    assert [n for n in bodies if agent_kind(n) == "person"] == []


@pytest.mark.parametrize(
    "written, written_so",
    [
        # a surname in capitals before the comma, as catalogues, typed lists and telegrams write one: the person's
        # inverted name ("HOUSE, EDWARD" was a body, "ACHESON, DEAN" a second agent beside Dean Acheson)
        ("ACHESON, DEAN", "Acheson, Dean"),
        ("ACHESON, Dean", "Acheson, Dean"),
        ("HOUSE, EDWARD", "House, Edward"),
        ("HOUSE, EDWARD M.", "House, Edward M."),
        ("HOUSE, EDWARD “COLONEL,”", "House, Edward “Colonel,”"),
        ("DE GAULLE, CHARLES", "de Gaulle, Charles"),
        ("TAYLOR, GENERAL MAXWELL D.", "Taylor, General Maxwell D."),
        ("LODGE, HENRY CABOT, JR.", "Lodge, Henry Cabot, Jr."),
        ("MACARTHUR, DOUGLAS, II", "MacArthur, Douglas, II"),
        ("ACHESON, DEAN, 1893-1971", "Acheson, Dean, 1893-1971"),
    ],
)
def test_a_surname_in_capitals_is_a_persons_inverted_name(written, written_so):
    """The name is the person's, keyed as the name in lower case is; its words keep their capitals."""
    assert agent_kind(written) == agent_kind(written_so) == "person"
    assert agent_key("", written) == agent_key("", written_so)
    assert direct_name(written).casefold() == direct_name(written_so).casefold()


def test_a_body_or_an_acronym_in_capitals_before_a_comma_is_no_surname():
    """A body's name in capitals before its place stays what it is in lower case; an acronym (no vowel) is no
    surname, nor a name whose surname is in lower case and its forenames in capitals ("Berlin Element, HICOG"), where
    a surname in capitals before forenames is one."""
    assert (agent_kind("EMBASSY, PARIS"), direct_name("EMBASSY, PARIS")) == ("organization", "EMBASSY, PARIS")
    assert (agent_kind("HOUSE, EDWARD"), direct_name("HOUSE, EDWARD")) == ("person", "EDWARD HOUSE")
    assert direct_name("JCS, WASHINGTON") == "JCS, WASHINGTON"
    assert direct_name("Berlin Element, HICOG") == "Berlin Element, HICOG"
    assert direct_name("MAO, ZEDONG") == "MAO, ZEDONG"  # in its own order, as "Mao, Zedong"


@pytest.mark.parametrize(
    "body, person",
    [
        # a body's word that is a surname too names a body before "of" only; a programme of states is its body's
        ("Church of England", "Frank Church"),
        ("Marshall Plan", "George C. Marshall"),
        ("Daily Telegraph", "Frank Church"),
        # a first word that is no forename: "World", a past participle ("Frank Press" was Carter's science adviser)
        ("World Bank", "Hans Bank"),
        ("Associated Press", "Frank Press"),
        ("The Associated Press", "Frank Press"),
        ("United Press International", "Frank Press"),
        # a group of states by letter and number (Dodis' orgName "G7 (2014 - )"); no one's initials hold a digit
        ("G7 (2014 - )", "GWB"),
        ("G-77", "SIN"),
        # a body below its state as the Dodis edition writes one, whatever its own name; a person's variants
        # (QhoD) and a place after a person's name (the Moritz letters) are no state and body
        ("Israel/Likud", "Arapzade/Arabzade Abdurrahman Bahir Efendi"),
        ("Germany/FRG/Red Cross", "Bertram Franz Karl von Nesselrode-Reichenstein Graf/Gräfin von"),
        ("Germany/FRG/The Greens", "Freiherr Philipp zu Winnenberg/Beilstein"),
        ("Deutschland/BRD/Christlich Demokratische Union Deutschlands", "Selman Efendi Teşrifatçıbaşı/Teşrifati"),
        ("Deutschland/DDR/Neues Forum", "Ferencz II. Rákóczi Ragozy Ragoczy Fürst/in von"),
        ("Germany/Gestapo", "Graf/Gräfin von"),
    ],
)
def test_bodies_a_table_names_without_a_word_of_a_body_and_the_persons_beside_them(body, person):
    assert (agent_kind(body), agent_kind(person)) == ("organization", "person")


@pytest.mark.parametrize(
    "written, direct",
    [
        # the paper or agency a journalist writes for, in parentheses after the name, is no part of it
        ("James Reston (New York Times)", "James Reston"),
        ("Reston, James (New York Times)", "James Reston"),
        ("Joseph Alsop (New York Herald Tribune)", "Joseph Alsop"),
        ("Charles de Gaulle (Associated Press)", "Charles de Gaulle"),
    ],
)
def test_a_persons_body_in_parentheses_is_no_part_of_the_name(written, direct):
    """The person is the agent the name alone names; what is in parentheses after a word of an office or a body, or
    is no body, stays ("Reporter (New York Times)" is no "Reporter" of all papers, "Michael Alber (Bürgermeister)")."""
    assert (agent_kind(written), direct_name(written), agent_key("", written)) == ("person", direct, agent_key("", direct))
    assert heading(written).written == written
    for kept in ("Reporter (New York Times)", "Secretary Rusk (New York Times)", "Michael Alber (Bürgermeister)"):
        assert direct_name(kept) == kept


@pytest.mark.parametrize(
    "written, direct",
    [
        # a nickname in quotation marks among the words of a name in direct order, as the FRUS lists of persons and the
        # UN speakers' list write some: no part of the key
        ("Dwight D. “Ike” Eisenhower", "Dwight D. Eisenhower"),
        ('Henry M. "Scoop" Jackson', "Henry M. Jackson"),
        ("James Earl “Jimmy” Carter, Jr.", "James Earl Carter, Jr."),
        ("Duong Van Minh (“Big Minh”)", "Duong Van Minh"),
        ('Pushpa Kamal Dahal "Prachanda"', "Pushpa Kamal Dahal"),
    ],
)
def test_a_nickname_in_a_name_in_direct_order_is_no_part_of_the_key(written, direct):
    """Keyed as the name without it is, as FRUS keys its persons; the nickname stays in the name as written. A body's
    name in quotation marks stays whole."""
    assert (agent_kind(written), direct_name(written), agent_key("", written)) == ("person", direct, agent_key("", direct))
    assert heading(written).written == written and heading(written).nickname
    assert direct_name("Operation “Mongoose” Group") == "Operation “Mongoose” Group"


# A name of several words in capitals (a telegram's, a typed list's) was read as a person's where the same name in
# mixed case is a body's: "WORLD BANK", "ASSOCIATED PRESS", "SECRETARY OF STATE". It is read as in mixed case; a
# word alone in capitals stays as it was read (an acronym or a person's initials), and so do persons in capitals.
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("WORLD BANK", "organization"),
        ("ASSOCIATED PRESS", "organization"),
        ("SECRETARY OF STATE", "organization"),
        ("DEPARTMENT OF STATE", "organization"),
        ("DEAN ACHESON", "person"),
        ("PRESIDENT TRUMAN", "person"),
        ("ACHESON, DEAN", "person"),
        ("JCS", "person"),
        ("GWB", "person"),
        # an acronym alone is a body by name only (names._BODIES_BY_NAME), as initials are written so too
        ("NATO", "organization"),
        ("SED", "organization"),
    ],
)
def test_a_name_in_capitals_is_read_as_in_mixed_case(name, kind):
    assert agent_kind(name) == kind


# A fresh user's table of senders and recipients: names read with the wrong kind or key.
@pytest.mark.parametrize(
    ("person", "body"),
    [
        # a common forename before a word that also names bodies: the person's surname, not the body's word
        ("Mary Post", "Washington Post"),
        ("John Embassy", "Soviet Embassy"),
        ("Henry Times", "New York Times"),
        ("John F. Service", "Foreign Service"),
    ],
)
def test_a_forename_before_a_word_of_a_body_is_a_persons_name(person, body):
    """Keyed as a person; a body's name of that word, which starts with a place or an adjective, stays a body."""
    assert (agent_kind(person), agent_key("", person, agent_kind(person))) == ("person", agent_key("", person))
    assert agent_key("", person).startswith("person:")
    assert agent_kind(body) == "organization"


@pytest.mark.parametrize(
    ("body", "person"),
    [
        # a company by its trade, a bank after two words, the Holy See, the Red Cross
        ("Chase Manhattan Bank", "Hans Bank"),
        ("Standard Oil", "General Marshall"),
        ("General Motors", "General Taylor"),
        ("Holy See", "Frank Church"),
        ("Red Cross", "James Cross"),
        ("Red Cross", "Red Adair"),
        # a news agency, a paper, an acronym known by its name alone; initials and surnames in capitals stay persons,
        # and Vietnamese names of the surname Le
        ("Reuters", "Paul Reuter"),
        ("Pravda", "Stampa, Gaspara"),
        ("Le Monde", "Le Duan"),
        ("Le Figaro", "Le Duc Tho"),
        ("Le Temps", "Le Thanh Nghi"),
        ("L'Humanité", "Lhamo Thondup"),
        ("La Repubblica", "La Malfa, Ugo"),
        ("Agence France-Presse", "Jacques Agen"),
        ("IBM", "SIN"),
        ("NATO", "SIN"),
        ("CIA", "RAO"),
        # a telegram's address of a post or office (as FRUS prints its cables: "FM AMEMBASSY TEHRAN TO SECSTATE WASHDC")
        ("AMEMBASSY, MOSCOW", "ACHESON, DEAN"),
        ("AMEMBASSY MOSCOW", "DEAN ACHESON"),
        ("USMISSION GENEVA", "HOUSE, EDWARD"),
        ("SECSTATE WASHDC", "Dean Acheson"),
        # in capitals, as a cable or a typed list writes them (they were persons, as initials in capitals are)
        ("REUTERS", "SIN"),
        ("PRAVDA", "RAO"),
        ("USUN NEW YORK", "DEAN ACHESON"),
        ("USNATO PARIS", "HOUSE, EDWARD"),
        # a German body by its first word, an Allied one, a Polish or Israeli paper, a journal, a university, an area
        ("Deutsche Welle", "Karl Deutsch"),
        ("Deutsche Bank", "Siegfried Lenz"),
        ("Deutscher Gewerkschaftsbund", "Deutsch, Karl"),
        ("Allied Kommandatura", "Winfried Böll"),
        ("Gazeta Wyborcza", "Adam Michnik"),
        ("Trybuna Ludu", "Edward Gierek"),
        ("Yedioth Ahronoth", "Ahron Yadlin"),
        ("Foreign Affairs", "Foreign Secretary Home"),
        ("George Washington University", "George Washington"),
        ("University of Chicago", "James Reston, Harvard University"),
        ("Johns Hopkins University", "Johns Hopkins"),
        ("European Economic Area", "Jean Monnet"),
        ("Sterling Area", "Sterling, Thomas"),
    ],
)
def test_bodies_known_by_their_name_trade_or_address_and_the_persons_beside_them(body, person):
    assert (agent_kind(body), agent_kind(person)) == ("organization", "person")
    assert agent_key("", body, agent_kind(body)).startswith("organization:")
    assert direct_name(body) == body


@pytest.mark.parametrize(
    ("written", "direct", "entry"),
    [
        # a library heading in capitals with its fuller form and dates (MARC 100 $q $d): keyed as FRUS keys him
        ("JOHNSON, LYNDON B. (LYNDON BAINES), 1908-1973", "LYNDON B. JOHNSON", "Johnson, Lyndon B."),
        # "ST." is an abbreviation in capitals, no acronym: the surname St. Laurent
        ("ST. LAURENT, LOUIS", "LOUIS ST. LAURENT", "St. Laurent, Louis"),
    ],
)
def test_a_heading_in_capitals_keys_as_the_frus_list_of_persons_keys_the_person(written, direct, entry):
    assert (agent_kind(written), direct_name(written)) == ("person", direct)
    assert agent_key("", written) == agent_key("", direct) == person_from_entry(entry).key
    assert heading("JOHNSON, LYNDON B. (LYNDON BAINES), 1908-1973").fuller == "LYNDON BAINES JOHNSON"
