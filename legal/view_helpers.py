"""What the law pages share: the 400 page, the `?as_of=YYYY-MM-DD` parameter, the
obligations list's filter, and the table of fines a provision page shows."""

from dataclasses import dataclass
from functools import wraps

from django.shortcuts import render
from django.utils.translation import gettext

from legal import selectors
from legal.models import DutyHolder, FineSchedule, OffenderCategory, RiskLevel


def bad_request(request, message: str):
    return render(request, "legal/bad_request.html", {"message": message}, status=400)


def invalid_date(request, value: str):
    return bad_request(
        request,
        gettext("«%(value)s» — не дата. Укажите дату в виде ГГГГ-ММ-ДД, например 2026-01-18.")
        % {"value": value},
    )


def takes_as_of(view):
    """Pass `?as_of=` to the view as a date (None when absent); a bad date is a 400."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        raw = request.GET.get("as_of")
        try:
            as_of = selectors.parse_as_of(raw)
        except selectors.InvalidDate:
            return invalid_date(request, raw)
        return view(request, *args, as_of=as_of, **kwargs)

    return wrapper


class InvalidFilter(ValueError):
    pass


def obligation_filter(params, holders: list[DutyHolder]) -> selectors.ObligationFilter:
    """Validate `?holder=` and `?risk=`; InvalidFilter names the first bad parameter."""
    chosen = selectors.ObligationFilter()
    holder = params.get("holder", "")
    if holder:
        by_code = {h.code: h for h in holders}
        if holder not in by_code:
            raise InvalidFilter("holder")
        chosen.holder = by_code[holder]
    risk = params.get("risk", "")
    if risk:
        if risk not in RiskLevel.values:
            raise InvalidFilter("risk")
        chosen.risk = risk
    return chosen


@dataclass
class FineTable:
    """Fines in МРП set by the provision, its enclosing units or its parts: one column per
    unit that sets them (document order), one row per category of offender any of them
    fines; a cell is None where that unit sets no fine for that category."""

    schedules: list[FineSchedule]
    rows: list[tuple[str, list[int | None]]]

    @property
    def has_gaps(self) -> bool:
        return any(amount is None for _label, amounts in self.rows for amount in amounts)


def fine_table(schedules: list[FineSchedule]) -> FineTable | None:
    if not schedules:
        return None
    rows = []
    for category in OffenderCategory:
        amounts = [schedule.amount_for(category.value) for schedule in schedules]
        if any(amount is not None for amount in amounts):
            rows.append((category.label, amounts))
    return FineTable(schedules, rows)
