"""Search results and resolved citations."""

from django.urls import reverse
from rest_framework import serializers

from kzai.api.pagination import url_with

from ..fields import absolute, act_api_path, provision_api_path


class SearchHitSerializer(serializers.Serializer):
    entity_type = serializers.ChoiceField(choices=["provision", "term", "practice", "obligation"])
    title = serializers.CharField()
    snippet = serializers.CharField(help_text="HTML: the matched words in <mark>, everything else escaped.")
    language = serializers.CharField()
    rank = serializers.FloatField()
    act = serializers.CharField(allow_null=True)
    version = serializers.CharField(allow_null=True)
    eid = serializers.CharField(allow_null=True)
    slug = serializers.CharField(allow_null=True, help_text="For practices and obligations.")
    url = serializers.CharField()
    api_url = serializers.CharField()


class SearchResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True)
    query = serializers.CharField()
    on = serializers.DateField(
        allow_null=True, help_text="The day the versions were chosen for (no version given)."
    )
    expansions = serializers.ListField(
        child=serializers.CharField(), help_text="Synonyms the query also matched."
    )
    results = SearchHitSerializer(many=True)


def _hit(hit, request) -> dict:
    provision = hit.provision
    data = {
        "entity_type": hit.entity_type,
        "title": hit.title,
        "snippet": str(hit.snippet),
        "language": hit.language,
        "rank": float(hit.rank),
        "act": None,
        "version": None,
        "eid": None,
        "slug": None,
        "url": absolute(request, hit.url),
    }
    if provision is not None:
        slug, code = provision.version.act.slug, provision.version.code
        data.update(act=slug, version=code, eid=provision.eid)
        data["api_url"] = absolute(request, provision_api_path(slug, code, provision.eid))
    else:
        data["slug"] = hit.obj.slug
        name = "api:practice-detail" if hit.entity_type == "practice" else "api:obligation-detail"
        data["api_url"] = absolute(request, reverse(name, args=[hit.obj.slug]))
    return data


def search_results(results, request, page: int) -> dict:
    return {
        "count": results.total,
        "next": url_with(request, page=page + 1) if results.has_next else None,
        "previous": url_with(request, page=page - 1 if page > 2 else None) if results.has_previous else None,
        "query": results.query,
        "on": results.on,
        "expansions": results.expansions,
        "results": [_hit(hit, request) for hit in results.hits],
    }


# --------------------------------------------------------------------- resolve


class CitationSerializer(serializers.Serializer):
    start = serializers.IntegerField(help_text="Span in the text: text[start:end] is the citation.")
    end = serializers.IntegerField()
    text = serializers.CharField()
    resolved = serializers.BooleanField(help_text="Act (and unit numbers, if named) understood.")
    in_kb = serializers.BooleanField(help_text="The provision (or act) is in kzai's knowledge base.")
    act = serializers.CharField(allow_null=True)
    version = serializers.CharField(allow_null=True)
    eid = serializers.CharField(allow_null=True, help_text="Null for a reference to a whole act.")
    reason_code = serializers.CharField(
        allow_null=True,
        help_text="Why it is not in the KB: unknown_act, not_in_kb, no_such_provision … (docs/citations.md).",
    )
    reason = serializers.CharField(allow_null=True, help_text="The same for people.")
    url = serializers.CharField(allow_null=True, help_text="kzai's web page, when in the KB.")
    api_url = serializers.CharField(
        allow_null=True, help_text="This API's provision (or act), when in the KB."
    )
    official_url = serializers.CharField(
        allow_null=True, help_text="The act's official publication, when known but not held."
    )


class ResolvedSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    count = serializers.IntegerField(help_text="Citations in this response (at most 250).")
    found = serializers.IntegerField(help_text="Citations found in the text.")
    truncated = serializers.BooleanField(help_text="More than 250 found: only the first 250 are listed.")
    citations = CitationSerializer(many=True)


def citation_data(citation, request) -> dict:
    api_path = None
    if citation.in_kb:
        api_path = (
            provision_api_path(citation.act, citation.version, citation.eid)
            if citation.eid
            else act_api_path(citation.act)
        )
    return {
        "start": citation.start,
        "end": citation.end,
        "text": citation.text,
        "resolved": citation.resolved,
        "in_kb": citation.in_kb,
        "act": citation.act,
        "version": citation.version,
        "eid": citation.eid,
        "reason_code": citation.reason_code or None,
        "reason": citation.detail or None,
        "url": absolute(request, citation.permalink) if citation.in_kb and citation.permalink else None,
        "api_url": absolute(request, api_path) if api_path else None,
        "official_url": citation.official_url if citation.resolved and not citation.in_kb else None,
    }
