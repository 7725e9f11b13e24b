"""Browsing pages: acts, versions, provisions, prohibited practices, obligations.

Thin views: the queries live in legal.selectors, the formatting in the templates and
legal.display. "Today" is `timezone.localdate()`; every date-dependent page
also takes `?as_of=YYYY-MM-DD` (an invalid date is a 400 with a message).
"""

from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext

from legal import linking, panels, selectors
from legal.citations import format_citation
from legal.models import RiskLevel
from legal.view_helpers import InvalidFilter, bad_request, fine_table, obligation_filter, takes_as_of


def home(request):
    return render(request, "legal/home.html")


@takes_as_of
def act_list(request, as_of):
    """All acts with the version in force today or on `?as_of=` (a bad date is a 400)."""
    on = as_of or selectors.today()
    return render(request, "legal/act_list.html", {"rows": selectors.act_rows(on), "on": on})


@takes_as_of
def act_detail(request, slug, as_of):
    """Redirect to the version in force today or on `?as_of=`; nothing in force → 200 page."""
    act = selectors.get_act(slug)
    on = as_of or selectors.today()
    version = selectors.version_in_force(act, on)
    if version is not None:
        url = version.get_absolute_url()
        if as_of:
            url += f"?as_of={as_of.isoformat()}"
        return redirect(url)
    return render(
        request,
        "legal/act_not_in_force.html",
        {"act": act, "on": on, "as_of": as_of, "versions": selectors.versions_of(act)},
    )


@takes_as_of
def version_detail(request, slug, version, as_of):
    version = selectors.get_version(slug, version)
    on = as_of or selectors.today()
    act = version.act
    return render(
        request,
        "legal/version_detail.html",
        {
            "act": act,
            "version": version,
            "as_of": as_of,
            "on": on,
            "state": version.state_on(on),
            "wording_may_differ": version.wording_may_differ_on(on),
            "versions": selectors.versions_of(act),
            "toc": selectors.table_of_contents(version, outline=True),
            "notes": selectors.act_notes(version),
            "toc_base": version.get_absolute_url(),
            "has_terms": bool(linking.version_terms(act.slug, version.code)),
        },
    )


@takes_as_of
def provision_detail(request, slug, version, eid, as_of):
    page = selectors.provision_page(slug, version, eid)
    on = as_of or selectors.today()
    return render(
        request,
        "legal/provision_detail.html",
        {
            "page": page,
            "provision": page.provision,
            "version": page.version,
            "act": page.act,
            "as_of": as_of,
            "on": on,
            "state": page.version.state_on(on),
            "wording_may_differ": page.version.wording_may_differ_on(on),
            "citation": format_citation(page.provision, get_language(), ancestors=page.ancestors),
            "permalink": request.build_absolute_uri(page.provision.get_absolute_url()),
            "version_base": page.version.get_absolute_url(),
            "panels": panels.collect("provision", request, page.provision),
            "fines": fine_table(page.fines),
        },
    )


def practice_list(request):
    return render(request, "legal/practice_list.html", {"practices": selectors.practices()})


def practice_detail(request, slug):
    practice = selectors.get_practice(slug)
    return render(
        request,
        "legal/practice_detail.html",
        {"practice": practice, "panels": panels.collect("practice", request, practice)},
    )


def obligation_list(request):
    holders = selectors.duty_holders()
    try:
        chosen = obligation_filter(request.GET, holders)
    except InvalidFilter as error:
        if str(error) == "holder":
            message = gettext("Неизвестный субъект обязанности «%(value)s».") % {
                "value": request.GET.get("holder")
            }
        else:
            message = gettext("Неизвестный уровень риска «%(value)s»: допустимы minimal, medium, high.") % {
                "value": request.GET.get("risk")
            }
        return bad_request(request, message)
    return render(
        request,
        "legal/obligation_list.html",
        {
            "obligations": selectors.obligations(chosen),
            "holders": holders,
            "chosen": chosen,
            "risk_levels": RiskLevel.choices,
            "filtered": bool(chosen.holder or chosen.risk),
        },
    )


def obligation_detail(request, slug):
    obligation = selectors.get_obligation(slug)
    return render(
        request,
        "legal/obligation_detail.html",
        {"obligation": obligation, "panels": panels.collect("obligation", request, obligation)},
    )
