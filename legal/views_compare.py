"""Comparing editions: two versions of an act with a word-level redline, and one version's
Russian and Kazakh official texts side by side. The work is in legal.selectors.compare."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext

from legal import selectors
from legal.selectors import compare as comparing

VIEWS = ("side", "inline")


def compare_pick(request, slug):
    """The version picker's target: `?old=…&new=…` → the comparison's own address. Without
    `old`, the version before `new` (a version page's link); without both, the last two."""
    act = selectors.get_act(slug)
    old, new = request.GET.get("old", ""), request.GET.get("new", "")
    if not (old and new):
        codes = [version.code for version in selectors.versions_of(act)]
        if len(codes) < 2:
            raise Http404(gettext("У этого акта одна редакция: сравнивать не с чем."))
        at = codes.index(new) if new in codes else len(codes) - 1
        old, new = (codes[at - 1], codes[at]) if at else (codes[0], codes[1])
    url = reverse("legal:compare", args=[act.slug, old, new])
    if request.GET.get("view") == "inline":
        url += "?view=inline"
    return redirect(url)


def compare(request, slug, old, new):
    """Added, removed, changed and moved units of `new` against `old`; `?view=inline` puts
    the redline in one column, `?lang=ru|kk` picks the official texts' language."""
    view = request.GET.get("view") if request.GET.get("view") in VIEWS else "side"
    language = request.GET.get("lang") or get_language()
    try:
        comparison = comparing.compare(slug, old, new, language)
    except comparing.SameVersion:
        act = selectors.get_act(slug)
        return render(
            request,
            "legal/compare.html",
            {
                "act": act,
                "versions": selectors.versions_of(act),
                "picked_old": old,
                "picked_new": new,
                "view": view,
                "message": gettext("Выбрана одна и та же редакция дважды: выберите две разные редакции."),
            },
            status=400,
        )
    return render(
        request,
        "legal/compare.html",
        {
            "act": comparison.act,
            "c": comparison,
            "versions": comparison.versions,
            "picked_old": comparison.old.code,
            "picked_new": comparison.new.code,
            "view": view,
        },
    )


def bilingual(request, slug, version):
    """The version's official texts in Russian and Kazakh, aligned unit by unit."""
    page = comparing.bilingual(slug, version)
    return render(request, "legal/bilingual.html", {"page": page, "act": page.act, "version": page.version})
