"""How the knowledge base reads in the API. Summaries are kzai's own: the field is named
`unofficial_summary` everywhere so no client mistakes it for the text of the law."""

from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kzai.api.pagination import url_with
from kzai.i18n import pick, values_of
from legal.citation_format import format_citation
from legal.models import (
    Act,
    ActVersion,
    FineSchedule,
    Obligation,
    OffenderCategory,
    ProhibitedPractice,
    Provision,
    Term,
)
from legal.publication import official_urls, translation_urls

from . import frbr
from .fields import (
    LocalizedField,
    absolute,
    act_api_path,
    provision_api_path,
    translations,
    translations_schema,
)


class _Links(serializers.Serializer):
    """`url` (the web page) and `api_url` of an object, absolute."""

    url = serializers.SerializerMethodField(help_text="The page on the kzai web site.")
    api_url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return absolute(self.context.get("request"), obj.get_absolute_url())

    def get_api_url(self, obj) -> str:
        return absolute(self.context.get("request"), self.api_path(obj))


# ------------------------------------------------------------------------ acts


class VersionSerializer(_Links, serializers.ModelSerializer):
    label = LocalizedField()
    note = LocalizedField()
    state = serializers.SerializerMethodField(
        help_text="On the day asked (`as_of`, default today): draft, pending, in_force or repealed."
    )
    frbr_uri = serializers.SerializerMethodField()
    toc_url = serializers.SerializerMethodField()
    translations = translations("label", "note")

    class Meta:
        model = ActVersion
        fields = [
            "code",
            "status",
            "state",
            "label",
            "date",
            "date_precision",
            "in_force_from",
            "in_force_until",
            "consolidated_as_of",
            "note",
            "sources",
            "frbr_uri",
            "url",
            "api_url",
            "toc_url",
            "translations",
        ]

    def get_state(self, version) -> str:
        return version.state_on(self.context["on"])

    def get_frbr_uri(self, version) -> str | None:
        return frbr.expression_uri(version.act, version.code)

    def api_path(self, version):
        return reverse("api:version-list", args=[version.act.slug])

    def get_toc_url(self, version) -> str:
        return absolute(
            self.context.get("request"), reverse("api:toc", args=[version.act.slug, version.code])
        )


@extend_schema_field({"type": "object", "additionalProperties": {"type": "string", "format": "uri"}})
class _UrlsByLanguage(serializers.Field):
    def __init__(self, read, **kwargs):
        self.read = read
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, act):
        return self.read(act)


class ActSerializer(_Links, serializers.ModelSerializer):
    title = LocalizedField()
    short_name = LocalizedField()
    citation_name = LocalizedField()
    official_urls = _UrlsByLanguage(
        official_urls, help_text="{language: URL} of the official texts (Russian and Kazakh only)."
    )
    translation_urls = _UrlsByLanguage(
        translation_urls,
        help_text="{language: URL} of UNOFFICIAL translations (e.g. the English text on Adilet): "
        "never the official text of the act.",
    )
    frbr_uri = serializers.SerializerMethodField()
    in_force = serializers.SerializerMethodField(
        help_text="The code of the version in force on the day asked (`as_of`, default today), or null."
    )
    versions_url = serializers.SerializerMethodField()
    translations = translations("title", "short_name", "citation_name")

    class Meta:
        model = Act
        fields = [
            "slug",
            "kind",
            "number",
            "adopted",
            "title",
            "short_name",
            "citation_name",
            "partial",
            "confidence",
            "sources",
            "official_urls",
            "translation_urls",
            "frbr_uri",
            "in_force",
            "url",
            "api_url",
            "versions_url",
            "translations",
        ]

    def get_frbr_uri(self, act) -> str | None:
        return frbr.work_uri(act)

    def get_in_force(self, act) -> str | None:
        version = self.context["in_force"].get(act.pk)
        return version.code if version else None

    def api_path(self, act):
        return act_api_path(act.slug)

    def get_versions_url(self, act) -> str:
        return absolute(self.context.get("request"), reverse("api:version-list", args=[act.slug]))


class ActDetailSerializer(ActSerializer):
    versions = serializers.SerializerMethodField()

    class Meta(ActSerializer.Meta):
        fields = [*ActSerializer.Meta.fields, "versions"]

    @extend_schema_field(VersionSerializer(many=True))
    def get_versions(self, act):
        return VersionSerializer(self.context["versions"], many=True, context=self.context).data


# ------------------------------------------------------------------ provisions


def our_translations_field():
    return serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="The texts (`<field>_<language>`, e.g. summary_kk) that are kzai's own translation "
        "of its unofficial text: never official wording in that language.",
    )


class ProvisionSerializer(_Links, serializers.ModelSerializer):
    act = serializers.CharField(source="version.act.slug", help_text="The act's slug.")
    version = serializers.CharField(source="version.code", help_text="The version's code.")
    title = LocalizedField(
        help_text="The official heading only; empty where none was seen in any language (see title_note)."
    )
    title_note = LocalizedField(
        help_text="kzai's note on the heading (what was seen, our label or translation): "
        "never the official title."
    )
    unofficial_summary = LocalizedField(
        "summary", help_text="kzai's unofficial summary, not the text of the law."
    )
    duty_holders = serializers.SerializerMethodField()
    frbr_uri = serializers.SerializerMethodField()
    our_translations = our_translations_field()
    translations = translations("title", "title_note", "summary")

    class Meta:
        model = Provision
        fields = [
            "act",
            "version",
            "eid",
            "type",
            "num",
            "title",
            "title_note",
            "unofficial_summary",
            "confidence",
            "sources",
            "duty_holders",
            "frbr_uri",
            "url",
            "api_url",
            "our_translations",
            "translations",
        ]

    def get_duty_holders(self, provision) -> list[str]:
        return [holder.code for holder in provision.duty_holders.all()]

    def get_frbr_uri(self, provision) -> str | None:
        return frbr.component_uri(provision.version.act, provision.version.code, provision.eid)

    def api_path(self, provision):
        return provision_api_path(provision.version.act.slug, provision.version.code, provision.eid)


class UnitSerializer(serializers.Serializer):
    """An enclosing or enclosed unit, briefly."""

    eid = serializers.CharField()
    type = serializers.CharField()
    num = serializers.CharField()
    title = LocalizedField()
    api_url = serializers.SerializerMethodField()

    def get_api_url(self, unit) -> str:
        version = self.context["version"]
        return absolute(
            self.context.get("request"), provision_api_path(version.act.slug, version.code, unit.eid)
        )


class OfficialTextSerializer(serializers.Serializer):
    language = serializers.CharField()
    text = serializers.CharField()
    source_url = serializers.URLField()
    source_date = serializers.DateField(allow_null=True)


class ActBriefSerializer(_Links, serializers.ModelSerializer):
    title = LocalizedField()
    short_name = LocalizedField()
    frbr_uri = serializers.SerializerMethodField()

    class Meta:
        model = Act
        fields = ["slug", "kind", "number", "title", "short_name", "frbr_uri", "url", "api_url"]

    def get_frbr_uri(self, act) -> str | None:
        return frbr.work_uri(act)

    def api_path(self, act):
        return act_api_path(act.slug)


class VersionBriefSerializer(serializers.ModelSerializer):
    label = LocalizedField()

    class Meta:
        model = ActVersion
        fields = ["code", "status", "label", "date", "in_force_from", "in_force_until"]


class ProvisionRefSerializer(serializers.Serializer):
    """A provision pointed at: act, version, eid and its links."""

    act = serializers.CharField(source="version.act.slug")
    version = serializers.CharField(source="version.code")
    eid = serializers.CharField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    def get_url(self, provision) -> str:
        return absolute(self.context.get("request"), provision.get_absolute_url())

    def get_api_url(self, provision) -> str:
        path = provision_api_path(provision.version.act.slug, provision.version.code, provision.eid)
        return absolute(self.context.get("request"), path)


class FineScheduleSerializer(serializers.Serializer):
    """The fines a unit sets (КоАП: per category of offender), in МРП, not tenge."""

    amounts = serializers.SerializerMethodField(
        help_text="{category: fine in МРП}; categories: individual, small, medium, large, nonprofit. "
        "A category missing is one this unit does not fine."
    )
    unit = serializers.SerializerMethodField(help_text="Always MRP (МРП, the monthly calculation index).")
    repeat = serializers.SerializerMethodField(
        help_text="The unit that punishes the same offence repeated, or null."
    )
    note = LocalizedField()
    translations = translations("note")

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "integer"}})
    def get_amounts(self, schedule):
        amounts = {category: schedule.amount_for(category) for category in OffenderCategory.values}
        return {category: amount for category, amount in amounts.items() if amount is not None}

    def get_unit(self, schedule) -> str:
        return "MRP"

    @extend_schema_field(ProvisionRefSerializer(allow_null=True))
    def get_repeat(self, schedule):
        if schedule.repeat is None:
            return None
        return ProvisionRefSerializer(schedule.repeat, context=self.context).data


class ProvisionDetailSerializer(ProvisionSerializer):
    act = ActBriefSerializer(source="version.act")
    version = VersionBriefSerializer()
    sanction = LocalizedField()
    status_note = LocalizedField()
    citation = serializers.SerializerMethodField(
        help_text="The standard citation in the response language; empty if a unit has no established number."
    )
    parent = serializers.SerializerMethodField(help_text="The eid of the enclosing unit, or null.")
    ancestors = serializers.SerializerMethodField()
    children = serializers.SerializerMethodField()
    official_texts = serializers.SerializerMethodField()
    term = serializers.SerializerMethodField(help_text="The term this provision defines, if any.")
    fine_schedule = serializers.SerializerMethodField(
        help_text="The fines this unit sets, in МРП per category of offender, or null."
    )
    translations = translations("title", "title_note", "summary", "sanction", "status_note")

    class Meta(ProvisionSerializer.Meta):
        fields = [
            *ProvisionSerializer.Meta.fields[:-1],
            "sanction",
            "status_note",
            "citation",
            "parent",
            "ancestors",
            "children",
            "official_texts",
            "term",
            "fine_schedule",
            "our_translations",
            "translations",
        ]

    def _units(self, units):
        return UnitSerializer(
            units, many=True, context={**self.context, "version": self.instance.version}
        ).data

    def get_citation(self, provision) -> str:
        return format_citation(provision, self.context["language"], ancestors=self.context["ancestors"])

    def get_parent(self, provision) -> str | None:
        ancestors = self.context["ancestors"]
        return ancestors[-1].eid if ancestors else None

    @extend_schema_field(UnitSerializer(many=True))
    def get_ancestors(self, provision):
        return self._units(self.context["ancestors"])

    @extend_schema_field(UnitSerializer(many=True))
    def get_children(self, provision):
        return self._units(provision.children.all())

    @extend_schema_field(OfficialTextSerializer(many=True))
    def get_official_texts(self, provision):
        return OfficialTextSerializer(provision.official_texts.all(), many=True).data

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {"term": {"type": "string"}, "translations": translations_schema("term")},
            "required": ["term", "translations"],
        }
    )
    def get_term(self, provision):
        try:
            term = provision.term  # select_related: no query
        except Term.DoesNotExist:
            return None
        return {"term": str(term.term), "translations": {"term": values_of(term, "term")}}

    @extend_schema_field(FineScheduleSerializer(allow_null=True))
    def get_fine_schedule(self, provision):
        try:
            schedule = provision.fine_schedule  # select_related: no query
        except FineSchedule.DoesNotExist:
            return None
        return FineScheduleSerializer(schedule, context=self.context).data


# ------------------------------------------------------- terms, practices, duties


class TermSerializer(serializers.ModelSerializer):
    term = LocalizedField()
    definition = ProvisionRefSerializer(source="provision")
    unofficial_summary = serializers.SerializerMethodField(
        help_text="kzai's unofficial summary of the definition, not the text of the law."
    )
    translations = translations("term")

    class Meta:
        model = Term
        fields = ["term", "definition", "unofficial_summary", "translations"]

    def get_unofficial_summary(self, term) -> str:
        return str(term.provision.summary)


class ReferenceSerializer(serializers.Serializer):
    role = serializers.CharField(help_text="basis, draft_basis or liability.")
    confidence = serializers.CharField(help_text="Empty: that of the record.")
    note = LocalizedField(
        help_text="kzai's note on the link; for liability, the conditions under which the provision "
        "punishes this conduct (thresholds, who is punished)."
    )
    provision = ProvisionRefSerializer()
    our_translations = our_translations_field()
    translations = translations("note")


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class Lines(LocalizedField):
    """A ru/kk/en text kept one item a line (examples, evidence), as a list."""

    def to_representation(self, obj):
        return [line.strip() for line in super().to_representation(obj).splitlines() if line.strip()]


class PracticeSerializer(_Links, serializers.ModelSerializer):
    name = LocalizedField()
    description = LocalizedField()
    examples = Lines("examples")
    examples_note = LocalizedField()
    in_force_ban = serializers.BooleanField(
        source="is_in_force_ban", help_text="False for a ban only a draft proposed."
    )
    liability_note = LocalizedField(
        help_text="kzai's note on liability, e.g. that no specific sanction exists for this practice."
    )
    references = ReferenceSerializer(many=True)
    our_translations = our_translations_field()
    translations = translations("name", "description", "examples", "examples_note", "liability_note")

    class Meta:
        model = ProhibitedPractice
        fields = [
            "slug",
            "name",
            "description",
            "examples",
            "examples_note",
            "in_force_ban",
            "liability_note",
            "confidence",
            "draft_confidence",
            "sources",
            "references",
            "url",
            "api_url",
            "our_translations",
            "translations",
        ]

    def api_path(self, practice):
        return reverse("api:practice-detail", args=[practice.slug])


class ObligationSerializer(_Links, serializers.ModelSerializer):
    obligation = LocalizedField()
    trigger = LocalizedField()
    evidence = Lines("evidence")
    note = LocalizedField()
    liability_note = LocalizedField()
    recommendation = LocalizedField(
        help_text="Good practice advised by kzai: NOT a legal duty (the duty is `obligation` alone)."
    )
    duty_holders = serializers.SerializerMethodField()
    risk_levels = serializers.ListField(child=serializers.CharField())
    references = ReferenceSerializer(many=True)
    our_translations = our_translations_field()
    translations = translations(
        "obligation", "trigger", "evidence", "note", "liability_note", "recommendation"
    )

    class Meta:
        model = Obligation
        fields = [
            "slug",
            "obligation",
            "trigger",
            "evidence",
            "note",
            "liability_note",
            "recommendation",
            "duty_holders",
            "risk_levels",
            "confidence",
            "sources",
            "references",
            "url",
            "api_url",
            "our_translations",
            "translations",
        ]

    def get_duty_holders(self, obligation) -> list[str]:
        return [holder.code for holder in obligation.duty_holders.all()]

    def api_path(self, obligation):
        return reverse("api:obligation-detail", args=[obligation.slug])


# ------------------------------------------------------------------------- toc


class TocNodeSerializer(serializers.Serializer):
    eid = serializers.CharField()
    type = serializers.CharField()
    num = serializers.CharField()
    title = serializers.CharField()
    api_url = serializers.CharField()
    translations = translations("title")
    children = serializers.SerializerMethodField()

    @extend_schema_field({"type": "array", "items": {"$ref": "#/components/schemas/TocNode"}})
    def get_children(self, node):  # documentation only: toc_nodes() builds the tree
        return []


class TocSerializer(serializers.Serializer):
    act = serializers.CharField()
    version = serializers.CharField()
    frbr_uri = serializers.CharField(allow_null=True)
    url = serializers.CharField()
    items = TocNodeSerializer(many=True)


def toc_nodes(tree, api_prefix: tuple[str, str]) -> list[dict]:
    """The nested tree as plain dicts (thousands of nodes: no serializer per node)."""
    language = get_language()
    before, after = api_prefix
    return [
        {
            "eid": node.provision.eid,
            "type": node.provision.type,
            "num": node.provision.num,
            "title": str(pick(values_of(node.provision, "title"), language)),
            "api_url": f"{before}{node.provision.eid}{after}",
            "translations": {"title": values_of(node.provision, "title")},
            "children": toc_nodes(node.children, api_prefix),
        }
        for node in tree
    ]


# ---------------------------------------------------------------------- search


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
    count = serializers.IntegerField()
    citations = CitationSerializer(many=True)


def citation_data(citation, request) -> dict:
    code, _sep, reason = citation.reason.partition(":")
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
        "reason_code": code or None,
        "reason": reason.strip() or None,
        "url": absolute(request, citation.url) if citation.in_kb and citation.url else None,
        "api_url": absolute(request, api_path) if api_path else None,
        "official_url": citation.url if citation.resolved and not citation.in_kb else None,
    }
