"""Provisions as a PDF prints them: one text per provision, chosen for the report's language.

The official wording wins when it has been imported (in the report's language, else in
Russian, else in whatever language there is, marked); otherwise kzai's summary, always
labelled unofficial. The same blocks serve the printed act and the assessment's appendix.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from kzai.i18n import normalize_language
from legal.models import OfficialText, Provision


def anchor_id(act: str, version: str, eid: str) -> str:
    """The id of a printed provision: what the report's references link to (#…)."""
    return f"prov-{act}-{version}-{eid}"


@dataclass
class PrintedProvision:
    provision: Provision
    official: OfficialText | None
    depth: int = 0  # relative to the outermost unit printed
    language: str = "ru"

    @property
    def official_is_fallback(self) -> bool:
        return self.official is not None and self.official.language != self.language

    @property
    def version(self):
        return self.provision.version

    @property
    def act(self):
        return self.provision.version.act

    @property
    def anchor(self) -> str:
        return anchor_id(self.act.slug, self.version.code, self.provision.eid)


def official_texts_prefetch() -> Prefetch:
    return Prefetch("official_texts", queryset=OfficialText.objects.order_by("language"))


def choose_official(texts: list[OfficialText], language: str) -> OfficialText | None:
    by_language = {text.language: text for text in texts}
    for code in (language, "ru"):
        if code in by_language:
            return by_language[code]
    return texts[0] if texts else None


def printed(provisions: list[Provision], language: str) -> list[PrintedProvision]:
    """`provisions` (official_texts prefetched) → blocks with depth relative to the outermost."""
    language = normalize_language(language)
    top = min((p.depth for p in provisions), default=0)
    return [
        PrintedProvision(p, choose_official(list(p.official_texts.all()), language), p.depth - top, language)
        for p in provisions
    ]


def provision_data(item: PrintedProvision) -> dict:
    """The machine-readable record of a printed provision (for JSON attachments)."""
    provision = item.provision
    data = {
        "act": item.act.slug,
        "version": item.version.code,
        "eid": provision.eid,
        "num": provision.num,
        "title": {lang: getattr(provision, f"title_{lang}") for lang in ("ru", "kk", "en")},
        "confidence": provision.confidence,
        "sources": list(provision.sources),
    }
    if item.official is not None:
        data["official_text"] = {
            "language": item.official.language,
            "source_url": item.official.source_url,
            "source_date": item.official.source_date.isoformat() if item.official.source_date else None,
            "checksum": item.official.checksum,
        }
    else:
        data["unofficial_summary"] = {
            lang: getattr(provision, f"summary_{lang}") for lang in ("ru", "kk", "en")
        }
    return data
