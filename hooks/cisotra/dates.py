"""Dates of activities: a day or a month, alone or as a range, and how each language writes them.

An activity planned for "June to September 2018" has month precision: the site
never invents days for it, neither on pages nor in calendars.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_skeleton, match_skeleton, parse_pattern

Precision = Literal["day", "month"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

# English pages are read across Europe: day-month-year order, as in "15–16 May 2018".
FORMAT_LOCALES = {"en": "en-GB"}
# Languages whose typography spaces the range dash when either end is more than one word
# ("november 2018 – januar 2019", but "15.–16. maj 2018"), where CLDR does not.
SPACED_RANGES = {"sl"}


@dataclass(frozen=True, order=True)
class Period:
    """Inclusive first and last day, and whether the days are real or stand for whole months."""

    first: date
    last: date
    precision: Precision

    @property
    def end_exclusive(self) -> date:
        return self.last + timedelta(days=1)

    @property
    def years(self) -> range:
        return range(self.first.year, self.last.year + 1)


def parse_point(text: str) -> tuple[date, Precision]:
    """'2018-05-15' (a day) or '2018-06' (a month); ValueError says what was expected."""
    if match := _DAY.match(text):
        year, month, day = (int(part) for part in match.groups())
        try:
            return date(year, month, day), "day"
        except ValueError:
            raise ValueError(f"'{text}' is not a date in the calendar") from None
    if match := _MONTH.match(text):
        year, month = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month:02d}")
        return date(year, month, 1), "month"
    raise ValueError(f"'{text}' is neither a day (YYYY-MM-DD) nor a month (YYYY-MM)")


class PeriodError(ValueError):
    """A period that cannot be; `field` says whether 'start' or 'end' is to blame."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def make_period(start: str, end: str | None) -> Period:
    try:
        first, precision = parse_point(start)
    except ValueError as error:
        raise PeriodError("start", str(error)) from None
    if end is None:
        last, end_precision = first, precision
    else:
        try:
            last, end_precision = parse_point(end)
        except ValueError as error:
            raise PeriodError("end", str(error)) from None
    if precision != end_precision:
        raise PeriodError("end", f"start '{start}' and end '{end}' must both be days or both be months")
    if precision == "month":
        last = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    if last < first:
        raise PeriodError("end", f"ends ({end}) before it starts ({start})")
    return Period(first, last, precision)


@functools.lru_cache(maxsize=64)
def format_locale(tag: str) -> Locale:
    return Locale.parse(FORMAT_LOCALES.get(tag, tag), sep="-")


@functools.lru_cache(maxsize=8192)
def format_day(day: date, tag: str) -> str:
    """A day written out in the language ('15 May 2018', '15. maj 2018'); a post's date shows on several pages."""
    return format_date(day, "long", locale=format_locale(tag))


@functools.lru_cache(maxsize=4096)
def format_period(period: Period, tag: str) -> str:
    """The period as the language writes it: '15.–16. maj 2018', 'junij–september 2018'."""
    locale = format_locale(tag)
    if period.precision == "day":
        if period.first == period.last:
            return format_date(period.first, "long", locale=locale)
        return _interval(period.first, period.last, "yMMMd", locale, widen=True)
    if (period.first.year, period.first.month) == (period.last.year, period.last.month):
        return format_skeleton("yMMMM", period.first, locale=locale)
    return _interval(period.first, period.last, "yMMMM", locale, widen=False)


def _interval(start: date, end: date, skeleton: str, locale: Locale, widen: bool) -> str:
    """CLDR's interval pattern for the skeleton, with abbreviated months widened to full names.

    Babel picks the nearest interval skeleton but, unlike CLDR's guidance, does not
    adjust field widths: Italian and Greek would show 'mag' and 'Μαΐ'. Widening
    MMM to MMMM gives '15–16 maggio 2018' and '15–16 Μαΐου 2018'.
    """
    formats = locale.interval_formats
    key = skeleton if skeleton in formats else match_skeleton(skeleton, formats)
    patterns = formats[key]
    for field in ("y", "M", "d"):
        if field in patterns and _field(start, field) != _field(end, field):
            parts = patterns[field]
            if widen:
                parts = [re.sub(r"(?<!M)MMM(?!M)", "MMMM", part) for part in parts]
                parts = [re.sub(r"(?<!L)LLL(?!L)", "LLLL", part) for part in parts]
                # With the month spelled out, a leading zero on the day reads oddly ("08 ottobre").
                parts = [re.sub(r"(?<!d)dd(?!d)", "d", part) for part in parts]
            text = "".join(
                parse_pattern(part).apply(instant, locale) for part, instant in zip(parts, (start, end), strict=True)
            )
            return _space_range(text, locale.language)
    return format_date(start, "long", locale=locale)


def _space_range(text: str, language: str) -> str:
    if language not in SPACED_RANGES or "–" not in text or " – " in text:
        return text
    first, last = text.split("–", 1)
    return f"{first} – {last}" if " " in first.strip() else text


def _field(value: date, field: str) -> int:
    return {"y": value.year, "M": value.month, "d": value.day}[field]
