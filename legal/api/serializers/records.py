"""Defined terms, prohibited practices and obligations."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from legal.models import Obligation, ProhibitedPractice, Term

from ..fields import LocalizedField, translations
from .links import Links
from .provisions import ProvisionRefSerializer, our_translations_field


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


class PracticeSerializer(Links, serializers.ModelSerializer):
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


class ObligationSerializer(Links, serializers.ModelSerializer):
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
