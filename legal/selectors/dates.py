"""The point in time a page is read on: today, or `?as_of=`."""

from __future__ import annotations

import datetime

from django.utils import timezone


class InvalidDate(ValueError):
    """An `as_of` value that is not a calendar date in YYYY-MM-DD form."""


def today() -> datetime.date:
    """Today in the project's time zone (Asia/Almaty), the default point in time."""
    return timezone.localdate()


def parse_as_of(value: str | None) -> datetime.date | None:
    """`?as_of=YYYY-MM-DD` → a date; None when absent; InvalidDate when malformed."""
    if value is None or value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise InvalidDate(value) from error
