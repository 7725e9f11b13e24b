"""Provisions: the list row, the detail with texts, place, references and fines."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kzai.i18n import values_of
from legal.citations import format_citation
from legal.models import Act, ActVersion, AmendmentAction, FineSchedule, OffenderCategory, Provision, Term

from .. import frbr
from ..fields import (
    LocalizedField,
    absolute,
    act_api_path,
    provision_api_path,
    translations,
    translations_schema,
)
from .links import Links


def our_translations_field():
    return serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="The texts (`<field>_<language>`, e.g. summary_kk) that are kzai's own translation "
        "of its unofficial text: never official wording in that language.",
    )


class ProvisionSerializer(Links, serializers.ModelSerializer):
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


class OfficialDocumentSerializer(serializers.Serializer):
    """The imported official text of the whole version the wording was read from."""

    edition = serializers.CharField(source="version.code", help_text="The version's code (the edition).")
    language = serializers.CharField()
    format = serializers.CharField(help_text="txt, html or docx: the file imported.")
    source_url = serializers.URLField()
    source_date = serializers.DateField(allow_null=True, help_text="The date of the text at the source.")
    imported_at = serializers.DateTimeField()


class OfficialTextSerializer(serializers.Serializer):
    """Official wording as imported: the unit's heading, its words before its parts
    (`text`) and after them (`wrap_up`); its parts are their own provisions."""

    language = serializers.CharField()
    heading = serializers.CharField()
    text = serializers.CharField()
    wrap_up = serializers.CharField()
    source_url = serializers.URLField()
    source_date = serializers.DateField(allow_null=True)
    imported_at = serializers.DateTimeField()
    document = OfficialDocumentSerializer(allow_null=True)


class AmendmentSerializer(serializers.Serializer):
    """One entry of the amendment history a footnote of the official text records."""

    language = serializers.CharField(help_text="The language of the footnote.")
    action = serializers.ChoiceField(choices=AmendmentAction.choices)
    law_kind = serializers.CharField(help_text="The kind of the amending act (law, code …), or empty.")
    law_number = serializers.CharField()
    law_date = serializers.DateField(allow_null=True)
    effective_from = serializers.DateField(allow_null=True)
    effective_note = serializers.CharField()
    text = serializers.CharField(help_text="The footnote as written.")


class ActBriefSerializer(Links, serializers.ModelSerializer):
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
    repealed = serializers.BooleanField(help_text="The official text says this unit is excluded.")
    summary_outdated = serializers.BooleanField(
        help_text="The official text changed after the unofficial summary was written: it may be out of date."
    )
    amendments = serializers.SerializerMethodField(
        help_text="The unit's amendment history from the official text's footnotes, in order."
    )
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
            "repealed",
            "summary_outdated",
            "amendments",
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

    @extend_schema_field(AmendmentSerializer(many=True))
    def get_amendments(self, provision):
        return AmendmentSerializer(provision.amendments.all(), many=True).data

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
