"""What HTML forbids and how a value is printed (:func:`legation.printable.html_escaped`); the one rule for cutting a long value short (:func:`legation.printable.shortened`)."""

import pytest

from legation.printable import shortened


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Telegram", 8, "Telegram"),  # no longer than the limit: as it is, no "…"
        ("Acheson and the Ambassador", 18, "Acheson and the…"),  # back to the last space: no word cut in two
        ("Acheson and the Ambassador of", 26, "Acheson and the Ambassador…"),  # a word ending at the limit is whole
        ("Moscow, Peking and Warsaw", 10, "Moscow…"),  # the comma left at the end dropped before "…"
        ("Gomułka; Cyrankiewicz", 12, "Gomułka…"),
        ("中华人民共和国外交部", 4, "中华人民…"),  # no space: cut where it falls
        (" Supercalifragilistic", 8, " Superca…"),  # the only space leads: cut where it falls, not to nothing
    ],
)
def test_a_long_value_is_cut_at_a_word_with_an_ellipsis(text: str, limit: int, expected: str) -> None:
    assert shortened(text, limit) == expected
    assert len(shortened(text, limit)) <= limit + 1


def test_html_escaped_is_html_escape_of_the_printable_text() -> None:
    """html_escaped escapes a text without quotes by markupsafe's C code: the same HTML as
    ``html.escape(printable(text))`` for every mix of what either escapes or replaces."""
    import html
    import random

    from legation.printable import html_escaped, printable

    rng = random.Random(5)
    alphabet = "a &<>\"'\x00\x7f\x85\ufdd0\u2019é\n"
    texts = ["", "a's & b", "<mark>", *("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(20_000))]
    assert [html_escaped(t) for t in texts] == [html.escape(printable(t)) for t in texts]
    assert html_escaped("a's & b") == "a&#x27;s &amp; b"
    assert type(html_escaped("a & b")) is str  # not a Markup
