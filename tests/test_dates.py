from datetime import date

import pytest

from cisotra.dates import Period, format_period, make_period, parse_point

TAGS = ["en", "sl", "de", "it", "el", "tr"]


def test_days_and_months_are_told_apart():
    assert parse_point("2018-05-15") == (date(2018, 5, 15), "day")
    assert parse_point("2018-06") == (date(2018, 6, 1), "month")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2018-02-30", "'2018-02-30' is not a date in the calendar"),
        ("2018-13", "'2018-13' has no month 13"),
        ("15.5.2018", "'15.5.2018' is neither a day (YYYY-MM-DD) nor a month (YYYY-MM)"),
        ("2018-5-15", "'2018-5-15' is neither a day (YYYY-MM-DD) nor a month (YYYY-MM)"),
    ],
)
def test_impossible_and_malformed_dates_say_what_was_expected(text, message):
    with pytest.raises(ValueError) as caught:
        parse_point(text)
    assert str(caught.value) == message


def test_a_month_range_covers_whole_months_without_inventing_days():
    assert make_period("2018-06", "2018-09") == Period(date(2018, 6, 1), date(2018, 9, 30), "month")
    assert make_period("2020-02", None) == Period(date(2020, 2, 1), date(2020, 2, 29), "month")
    assert make_period("2018-11", "2019-01").end_exclusive == date(2019, 2, 1)


def test_end_before_start_and_mixed_precision_are_refused():
    with pytest.raises(ValueError, match=r"ends \(2018-05-14\) before it starts \(2018-05-15\)"):
        make_period("2018-05-15", "2018-05-14")
    with pytest.raises(ValueError, match="must both be days or both be months"):
        make_period("2018-05-15", "2018-06")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (
            "2018-05-15",
            "2018-05-16",
            [
                "15–16 May 2018",
                "15.–16. maj 2018",
                "15.–16. Mai 2018",
                "15–16 maggio 2018",
                "15–16 Μαΐου 2018",
                "15–16 Mayıs 2018",
            ],
        ),
        (
            "2018-06",
            "2018-09",
            [
                "June\u2009–\u2009September 2018",
                "junij–september 2018",
                "Juni–September 2018",
                "giugno–settembre 2018",
                "Ιούνιος–Σεπτέμβριος 2018",
                "Haziran\u2009–\u2009Eylül 2018",
            ],
        ),
        (
            "2018-11",
            "2019-01",
            [
                "November 2018\u2009–\u2009January 2019",
                "november 2018 – januar 2019",
                "November 2018\u2009–\u2009Januar 2019",
                "novembre 2018\u2009–\u2009gennaio 2019",
                "Νοέμβριος 2018 – Ιανουάριος 2019",
                "Kasım 2018\u2009–\u2009Ocak 2019",
            ],
        ),
        (
            "2018-09",
            None,
            ["September 2018", "september 2018", "September 2018", "settembre 2018", "Σεπτέμβριος 2018", "Eylül 2018"],
        ),
        (
            "2019-10-08",
            "2019-11-02",
            [
                "8 October\u2009–\u20092 November 2019",
                "8. oktober – 2. november 2019",
                "8. Oktober\u2009–\u20092. November 2019",
                "8 ottobre\u2009–\u20092 novembre 2019",
                "8 Οκτωβρίου – 2 Νοεμβρίου 2019",
                "8 Ekim\u2009–\u20092 Kasım 2019",
            ],
        ),
        (
            "2020-05-18",
            None,
            ["18 May 2020", "18. maj 2020", "18. Mai 2020", "18 maggio 2020", "18 Μαΐου 2020", "18 Mayıs 2020"],
        ),
    ],
)
# CLDR puts thin spaces (U+2009) around the dash in some languages' ranges; they are kept.
def test_each_language_writes_periods_its_own_way(start, end, expected):
    period = make_period(start, end)
    assert [format_period(period, tag) for tag in TAGS] == expected
