"""Inverted personal names and agents' kinds (legation.ingest.names): the one rule by which FRUS
lists of persons and table cells are turned to direct order. Comma names of bodies are real values:
the FRUS documents index (from/to columns) and the Moritz letter index (see ../shared/data/README.md)."""

from __future__ import annotations

import pytest

from legation.ingest.names import direct_name


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
