"""Quick cite (`/cite/?q=ч. 2 ст. 190 УК РК`) and the glossary of an act version.

Quick cite reads the query with `legal.citations.extract_citations`: one provision in the
knowledge base → a redirect to its page; several → a page of choices; a provision we do not
hold → its act's official publication; nothing understood → the reason and a link to
full-text search.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse

from legal import selectors
from legal.citations import Citation, extract_citations
from legal.models import Act, Provision, Term
from legal.view_helpers import takes_as_of

EXAMPLES = (
    "ч. 2 ст. 190 УК РК",
    "п. 3 ст. 17 Закона об ИИ",
    "ст.ст. 147, 174 УК",
    "ст. 641-1 КоАП",
    "Art. 21(2) of the AI Law",
    "ҚК 147-бабы",
)


@dataclass
class Choice:
    citation: Citation
    act: Act | None
    provision: Provision | None
    url: str


def _with_as_of(url: str, as_of) -> str:
    return f"{url}?{urlencode({'as_of': as_of.isoformat()})}" if as_of and url.startswith("/") else url


def _choices(found: list[Citation], as_of) -> list[Choice]:
    """Each citation with its act and (when held) provision: two queries at most."""
    held = [c for c in found if c.in_kb and c.eid]
    provisions = {}
    if held:
        query = Q()
        for c in held:
            query |= Q(version__act__slug=c.act, version__code=c.version, eid=c.eid)
        for provision in Provision.objects.filter(query).select_related("version__act"):
            provisions[(provision.version.act.slug, provision.version.code, provision.eid)] = provision
    acts = {p.version.act.slug: p.version.act for p in provisions.values()}
    missing = {c.act for c in found if c.act and c.act not in acts}
    if missing:
        acts.update({act.slug: act for act in Act.objects.filter(slug__in=missing)})
    return [
        Choice(
            citation=c,
            act=acts.get(c.act),
            provision=provisions.get((c.act, c.version, c.eid)),
            url=_with_as_of(c.url, as_of) if c.url else "",
        )
        for c in found
    ]


@takes_as_of
def cite(request, as_of):
    query = (request.GET.get("q") or "").strip()
    context = {"q": query, "as_of": as_of, "examples": EXAMPLES}
    if not query:
        return render(request, "legal/cite.html", {**context, "outcome": "form"})
    found = extract_citations(query[:2000], as_of=as_of or selectors.today())
    search_url = f"{reverse('legal:home')}search/?{urlencode({'q': query, 'nocite': 1})}"
    context["search_url"] = search_url
    if len(found) == 1 and found[0].in_kb:
        return redirect(_with_as_of(found[0].url, as_of))
    if not found:
        return render(request, "legal/cite.html", {**context, "outcome": "none"}, status=200)
    choices = _choices(found, as_of)
    if len(found) > 1:
        outcome = "choices"
    elif found[0].resolved:
        outcome = "not_in_kb"
    else:
        outcome = "unresolved"
    return render(request, "legal/cite.html", {**context, "outcome": outcome, "choices": choices})


@takes_as_of
def terms(request, slug, version, as_of):
    version = selectors.get_version(slug, version)
    items = list(
        Term.objects.filter(provision__version=version)
        .select_related("provision")
        .order_by("provision__order")
    )
    return render(
        request,
        "legal/terms.html",
        {
            "act": version.act,
            "version": version,
            "terms": items,
            "as_of": as_of,
            "version_base": version.get_absolute_url(),
        },
    )
