"""The catalogue built from the knowledge base, kept in the one knowledge-base cache
(`legal.freshness.KnowledgeBaseMemo`): rebuilt after any change of an act, a version or a
provision. The only part of the engine that reads the database.
"""

from __future__ import annotations

from legal import freshness
from legal.citations.catalogue import ActRecord, Catalogue, VersionRecord, act_names
from legal.models import Act, ActVersion, Numbering, Provision
from legal.publication import official_urls
from legal.versions import in_force_among


def from_database() -> Catalogue:
    """Every act, version and provision eid of the knowledge base (three queries)."""
    versions: dict[int, VersionRecord] = {}
    by_act: dict[int, list[VersionRecord]] = {}
    for row in ActVersion.objects.values(
        "pk", "act_id", "code", "status", "date", "in_force_from", "in_force_until", "act__adopted"
    ):
        starts = None if row["status"] == "draft" else (row["in_force_from"] or row["act__adopted"])
        version = VersionRecord(
            row["pk"], row["code"], row["status"], row["date"], starts, row["in_force_until"]
        )
        versions[row["pk"]] = version
        by_act.setdefault(row["act_id"], []).append(version)
    for version_id, eid, path in Provision.objects.values_list("version_id", "eid", "path"):
        version = versions.get(version_id)
        if version is not None:
            version.eids.add(eid)
            version.paths[eid] = path
    acts: list[ActRecord] = []
    names: list[tuple[str, str]] = []
    for act in Act.objects.all():
        urls = official_urls(act) if isinstance(act.official_urls, dict) else {}
        official = next((urls[lang] for lang in ("ru", "kk") if urls.get(lang)), None)
        acts.append(
            ActRecord(
                act.slug,
                act.kind,
                act.numbering == Numbering.PARTS,
                not act.partial,
                (act.number or "").lower(),
                official,
                by_act.get(act.pk, []),
                adopted=act.adopted,
                numbering_group=act.numbering_group,
            )
        )
        names += [(act.slug, name) for name in act_names(act)]
    return Catalogue(acts, names, in_force=in_force_among)


# Rebuilt after any change to the knowledge base (legal.freshness).
_catalogue = freshness.KnowledgeBaseMemo(from_database, size=1)


def get_catalogue() -> Catalogue:
    """The catalogue of the knowledge base as it is now (built once per change)."""
    return _catalogue.get()


def invalidate_citation_cache(**kwargs) -> None:
    """Forget the catalogue (with every other value kept per process); the next extraction
    rebuilds it. Saves and deletes do it by themselves; call it after changes that send no
    signals (queryset.update(), bulk_create, raw SQL, a rolled-back transaction that had
    rebuilt the cache)."""
    freshness.invalidate()
