"""Rumi (Ottoman fiscal) dates, as the Atatürk speeches and telegrams write them (body_tr), read as
EDTF. The expected days are the texts' own glosses where they give one ("22 Şubat 1330 (7 Mart
1915)"), else computed from the rule cited in legation.ingest.dates._rumi."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date
from legation.records.dates import edtf_day_bounds


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # Julian days until 15 Şubat 1332, the year + 584 from March, + 585 in January and February
        ("22 Şubat 1330", "1915-03-07"),  # glossed "(7 Mart 1915)"
        ("15 Mart 1330", "1914-03-28"),  # glossed "(28 Mart 1914)"
        ("5 Şubat 1328", "1913-02-18"),  # "4/5 Şubat 1328 (17/18 Şubat 1913)"
        ("22 Kânun-ı Sânî 1328", "1913-02-04"),  # glossed "(4 Şubat 1913)"
        ("10 Kânun-ı Sânî 1328", "1913-01-23"),  # glossed "(23 Ocak 1913)"
        ("4 Kânun-ı Sânî 1327", "1912-01-17"),  # "3/4 Kânun-ı Sânî 1327 (16/17 Ocak 1912)"
        ("1 Mart 1256", "1840-03-13"),  # the calendar's first day
        ("29 Şubat 1331", "1916-03-13"),  # a Julian leap day
        ("15 Şubat 1332", "1917-02-28"),  # the last Julian day …
        # … then Gregorian days from 1 Mart 1333, the year + 584 in every month from 1334
        ("1 Mart 1333", "1917-03-01"),
        ("6 Kânun-ı Sânî 1334", "1918-01-06"),  # glossed "(6 Ocak 1918)"
        ("16 Mart 1336", "1920-03-16"),
        ("28 Haziran 1335", "1919-06-28"),
        ("3 Temmuz sene 1335", "1919-07-03"),  # sene: "year"
        ("24 Mayıs 1336", "1920-05-24"),
        ("16 Ağustos 1337", "1921-08-16"),
        ("26 Kânun-ı Sânî 1339", "1923-01-26"),
        ("28 Kânun-i Sânî 1337", "1921-01-28"),
        ("25 Teşrîn-i Evvel 1335", "1919-10-25"),
        ("5 Teşrîn-i Sânî 1334", "1918-11-05"),
        ("3 Teşrinievvel 1338", "1922-10-03"),  # the names written as one word, with or without circumflex
        ("1 Kanunuevvel 1341", "1925-12-01"),
        ("15 Eylül 1341", "1925-09-15"),  # glossed "(1925)"
        ("Kânunusani 1337", "1921-01"),
        # a Julian month: the set of its Gregorian days
        ("Mart 1330", "[1914-03-14..1914-04-13]"),
        ("Şubat 1332", "[1917-02-14..1917-02-28]"),  # only 15 days
        # the Ottoman month names with a Gregorian year
        ("30 Teşrîn-i Evvel 1918", "1918-10-30"),  # the Armistice of Mudros
        ("28 Kânun-ı Sânî 1920", "1920-01-28"),
        # not Rumi years: as before
        ("19 Mart 1920", "1920-03-19"),
        ("1 Kasım 1922", "1922-11-01"),
    ],
)
def test_rumi_dates_are_their_gregorian_days(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    edtf_day_bounds(edtf)


@pytest.mark.parametrize(
    "text",
    [
        "16 Şubat 1332",  # followed 15 Şubat 1332 no more: 1 Mart 1333 did
        "5 Kânunusani 1333", "Şubat 1333",  # 1333 ended on 31 Kânunuevvel
        "1 Mart 1342",  # the Gregorian year replaced the Rumi one after 1341
        "30 Şubat 1330", "27 Ağustos sabahı 1310",
    ],
)  # fmt: skip
def test_days_the_rumi_calendar_did_not_have_are_flagged(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)
