"""Akoma Ntoso FRBR URIs of acts, versions and provisions (the API's `legal.api.frbr`
re-exports them; the export builds its identification from them too).

    work           /akn/kz/act/law/2025/230
    expression     /akn/kz/act/law/2025/230/rus@2025-11-17
    manifestation  /akn/kz/act/law/2025/230/rus@2025-11-17.akn
    component      /akn/kz/act/law/2025/230/rus@2025-11-17/!main~art_21__para_2

An act without a date of adoption or a number has no URI.
"""

from legal.models import Act, ActKind

SUBTYPES = {
    ActKind.LAW: "law",
    ActKind.AMENDING_LAW: "law",
    ActKind.CODE: "code",
    ActKind.CONSTITUTIONAL_LAW: "constitutional-law",
}
LANGUAGES = {"rus": "ru", "kaz": "kk", "eng": "en"}
LANGUAGE_CODES = {code: akn for akn, code in LANGUAGES.items()}  # ru → rus


def act_number(act: Act) -> str:
    """The act's number without its convocation suffix (230-VIII → 230)."""
    return act.number.split("-")[0].strip().lower()


def work_uri(act: Act) -> str | None:
    if not act.adopted or not act.number or act.kind not in SUBTYPES:
        return None
    return f"/akn/kz/act/{SUBTYPES[act.kind]}/{act.adopted.year}/{act_number(act)}"


def expression_uri(act: Act, version_code: str, language: str = "ru") -> str | None:
    work = work_uri(act)
    return f"{work}/{LANGUAGE_CODES[language]}@{version_code}" if work else None


def manifestation_uri(act: Act, version_code: str, language: str = "ru") -> str | None:
    expression = expression_uri(act, version_code, language)
    return f"{expression}.akn" if expression else None


def component_uri(act: Act, version_code: str, eid: str) -> str | None:
    expression = expression_uri(act, version_code)
    return f"{expression}/!main~{eid}" if expression else None
