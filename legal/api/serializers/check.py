"""The citation check in the API: the request body, the response (for the schema) and
`check_data`, which writes a `legal.citation_check.CheckResult` as JSON."""

from rest_framework import serializers

from kzai.i18n import LANGUAGE_CODES
from legal.api.queries import as_of_field
from legal.citation_check import MAX_BYTES, CheckResult, Verdict

from ..fields import TextField, absolute, provision_api_path


class CheckBody(serializers.Serializer):
    """application/json: the text itself."""

    text = TextField(
        max_length=MAX_BYTES,
        trim_whitespace=False,
        help_text="The memo, brief or answer to check (at most 100 KB).",
    )
    as_of = as_of_field()
    language = serializers.ChoiceField(
        choices=[(c, c) for c in LANGUAGE_CODES],
        required=False,
        help_text="Language of titles, summaries and labels (default: the response language).",
    )


class CheckUpload(CheckBody):
    """multipart/form-data: a file instead of the text (OpenAPI cannot say "one of the two",
    so each content type has its own required field)."""

    text = None
    file = serializers.FileField(help_text="A .txt (UTF-8) or .docx file.")


class CheckedCitationSerializer(serializers.Serializer):
    start = serializers.IntegerField(help_text="Span in the text: text[start:end] is the citation.")
    end = serializers.IntegerField()
    text = serializers.CharField()
    verdict = serializers.ChoiceField(choices=Verdict.choices, help_text="See docs/citations.md.")
    verdict_label = serializers.CharField(help_text="The verdict for people, in the response language.")
    act = serializers.CharField(allow_null=True)
    version = serializers.CharField(allow_null=True, help_text="The version read on `as_of`.")
    eid = serializers.CharField(allow_null=True)
    quoted_title = serializers.CharField(help_text="The title quoted in the citation, \"\" when none.")
    title = serializers.CharField(help_text="The provision's title, \"\" when none or not held.")
    unofficial_summary = serializers.CharField(help_text="kzai's summary, not the text of the law.")
    url = serializers.CharField(allow_null=True, help_text="kzai's page of the provision on `as_of`.")
    api_url = serializers.CharField(allow_null=True)
    official_url = serializers.CharField(allow_null=True, help_text="The act's official publication.")
    reason = serializers.CharField(allow_null=True, help_text="Why it was not resolved, for people.")


class CheckResultSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    found = serializers.IntegerField(help_text="Citations found in the text.")
    truncated = serializers.BooleanField(help_text="More than 250 found: only the first 250 are checked.")
    counts = serializers.DictField(child=serializers.IntegerField(), help_text="verdict → number.")
    citations = CheckedCitationSerializer(many=True)


def check_data(result: CheckResult, request) -> dict:
    language = result.language
    citations = []
    for c in result.citations:
        cited = c.citation
        held = cited.in_kb and cited.eid
        citations.append(
            {
                "start": cited.start,
                "end": cited.end,
                "text": cited.text,
                "verdict": c.verdict,
                "verdict_label": c.verdict_label,
                "act": cited.act,
                "version": cited.version,
                "eid": cited.eid,
                "quoted_title": c.quoted_title,
                "title": c.title(language),
                "unofficial_summary": c.summary(language),
                "url": absolute(request, f"{c.url}?as_of={result.as_of.isoformat()}") if c.url else None,
                "api_url": absolute(request, provision_api_path(cited.act, cited.version, cited.eid))
                if held
                else None,
                "official_url": c.official_url,
                "reason": cited.reason_message if cited.reason and not cited.resolved else None,
            }
        )
    return {
        "as_of": result.as_of,
        "found": result.found,
        "truncated": result.truncated,
        "counts": result.counts,
        "citations": citations,
    }
