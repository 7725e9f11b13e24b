"""What the law pages share: the 400 page and the `?as_of=YYYY-MM-DD` parameter."""

from functools import wraps

from django.shortcuts import render
from django.utils.translation import gettext

from legal import selectors


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
