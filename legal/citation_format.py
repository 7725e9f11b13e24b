"""The standard citation of a provision (being written)."""


def format_citation(provision, language: str | None = None) -> str:
    return provision.eid
