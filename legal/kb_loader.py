"""Load the knowledge-base fixture (fixtures/kb.json) into the database.

An upsert by natural keys (act slug, version code, eid, practice and obligation slugs, МРП
year, the fined provision) in one transaction: running it again updates what changed, leaves
unchanged rows (and their history) alone, and removes only records that an earlier load
created and the fixture no longer has. What editors or users entered is never touched, and
a provision that a questionnaire still cites is kept (a published questionnaire cannot
change). Any error rolls back the whole load, so the database is never left half-loaded.
Fields added to the fixture later are optional, so an older fixture still loads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError, RestrictedError

from legal import kb_official
from legal.fixture_files import KnowledgeBaseError, iso_date, langs
from legal.models import (
    Act,
    ActVersion,
    DutyHolder,
    FineSchedule,
    LinkOrigin,
    Mrp,
    Obligation,
    ObligationProvision,
    Origin,
    PracticeProvision,
    ProhibitedPractice,
    Provision,
    ProvisionLink,
    Term,
    VersionNote,
)

# A unit removed or inserted shifts the document position of all that follow: that is
# not an edit of theirs, so it is applied without a history entry.
POSITION_FIELDS = {"order"}


class Loader:
    def __init__(self, data: dict, progress: Callable[[str], None] | None = None):
        self.data = data
        self.progress = progress or (lambda message: None)
        self.counts: Counter = Counter()
        self.provisions: dict[tuple[str, str, str], Provision] = {}

    def upsert(self, model, lookup: dict, values: dict, label: str):
        """Create or update one row, saving only when something differs."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj, action = model(**lookup, **values), "created"
        else:
            changed = [field for field, value in values.items() if _differs(obj, field, value)]
            if not changed:
                return obj
            if set(changed) <= POSITION_FIELDS:
                model.objects.filter(pk=obj.pk).update(**{field: values[field] for field in changed})
                self.counts[f"{label} reordered"] += 1
                return obj
            for field in changed:
                setattr(obj, field, values[field])
            action = "updated"
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            key = ", ".join(f"{k}={getattr(v, 'pk', v)}" for k, v in lookup.items())
            raise KnowledgeBaseError(f"{model.__name__} ({key}): {exc.message_dict}") from exc
        obj.save()
        self.counts[f"{label} {action}"] += 1
        return obj

    def prune(self, queryset, label: str) -> None:
        deleted = queryset.count()
        if deleted:
            try:
                queryset.delete()
            except (ProtectedError, RestrictedError) as exc:
                still_used = sorted({str(obj) for obj in exc.args[1]})[:5]
                raise KnowledgeBaseError(
                    f"cannot remove {label} that other records still cite ({'; '.join(still_used)}): "
                    "update those records (e.g. regenerate fixtures/cases.json) first"
                ) from exc
            self.counts[f"{label} removed"] += deleted

    def provision(self, ref: dict, where: str) -> Provision:
        key = (ref["act"], ref["version"], ref["eid"])
        try:
            return self.provisions[key]
        except KeyError:
            raise KnowledgeBaseError(
                f"{where}: no provision {ref['act']}@{ref['version']}/{ref['eid']}"
            ) from None

    def run(self) -> Counter:
        for order, holder in enumerate(self.data.get("duty_holders", [])):
            self.upsert(
                DutyHolder,
                {"code": holder["code"]},
                {**langs("name", holder["name"]), "order": order},
                "duty holders",
            )
        self.holders = {holder.code: holder for holder in DutyHolder.objects.all()}
        for order, act in enumerate(self.data["acts"]):
            self.load_act(act, order)
        self.load_terms()
        self.load_links()
        self.load_version_notes()
        self.load_practices()
        self.load_obligations()
        self.load_mrp()
        self.load_fines()
        return self.counts

    def load_act(self, data: dict, order: int) -> None:
        act = self.upsert(
            Act,
            {"slug": data["slug"]},
            {
                "kind": data["kind"],
                "numbering": data["numbering"],
                "number": data["number"],
                "numbering_group": data.get("numbering_group", ""),
                "adopted": iso_date(data["adopted"]),
                **langs("title", data["title"]),
                **langs("short_name", data["short_name"]),
                **langs("citation_name", data["citation_name"]),
                "citation_aliases": data["citation_aliases"],
                "adilet_id": data["adilet_id"],
                "official_urls": data["official_urls"],
                "translation_urls": data.get("translation_urls", {}),
                "publication": data["publication"],
                "partial": data["partial"],
                "confidence": data["confidence"],
                "sources": data["sources"],
                "order": order,
            },
            "acts",
        )
        for version_data in data["versions"]:
            values = {
                "status": version_data["status"],
                "date": iso_date(version_data["date"]),
                "date_precision": version_data["date_precision"],
                "in_force_from": iso_date(version_data["in_force_from"]),
                "in_force_until": iso_date(version_data["in_force_until"]),
                "consolidated_as_of": iso_date(version_data["consolidated_as_of"]),
                **langs("label", version_data["label"]),
                **langs("note", version_data["note"]),
                "sources": version_data["sources"],
            }
            lookup = {"act": act, "code": version_data["code"]}
            if values["in_force_until"] is None and kb_official.replaced_by_import(
                ActVersion.objects.filter(**lookup).first()
            ):
                del values["in_force_until"]
            version = self.upsert(ActVersion, lookup, values, "versions")
            self.load_provisions(act, version, version_data["provisions"])
        self.progress(f"  {act.slug}: {sum(len(v['provisions']) for v in data['versions'])} provisions")

    def load_provisions(self, act: Act, version: ActVersion, rows: list[dict]) -> None:
        existing = {p.eid: p for p in version.provisions.prefetch_related("duty_holders")}
        official = kb_official.has_official_text(version)
        headings = kb_official.official_headings(version) if official else {}
        by_eid: dict[str, Provision] = {}
        for order, row in enumerate(rows):
            where = f"{act.slug}@{version.code}/{row['eid']}"
            parent = by_eid.get(row["parent"]) if row["parent"] else None
            if row["parent"] and parent is None:
                raise KnowledgeBaseError(f"{where}: parent {row['parent']} must come before it")
            values = {
                "parent": parent,
                "type": row["type"],
                "num": row["num"],
                "order": order,
                **langs("title", row["title"]),
                **langs("summary", row["summary"]),
                **langs("sanction", row["sanction"]),
                **langs("status_note", row["status_note"]),
                **langs("title_note", row.get("title_note")),
                "our_translations": row.get("our_translations", []),
                "confidence": row["confidence"],
                "sources": row["sources"],
            }
            provision = existing.get(row["eid"])
            values = kb_official.keep_imported(values, row["eid"], headings, official, provision is not None)
            if provision is None:
                values["origin"] = Origin.KB
            provision = self.upsert(Provision, {"version": version, "eid": row["eid"]}, values, "provisions")
            holders = [self.holders[code] for code in row["duty_holders"]]
            if {h.code for h in provision.duty_holders.all()} != set(row["duty_holders"]):
                provision.duty_holders.set(holders)
            by_eid[row["eid"]] = provision
            self.provisions[(act.slug, version.code, row["eid"])] = provision
        if official:
            order = [(row["eid"], row["parent"]) for row in rows]
            if kb_official.place_new_units(version, order, set(by_eid) - set(existing)):
                self.counts["provisions placed among the official text's units"] += 1
        gone = version.provisions.filter(origin=Origin.KB).exclude(eid__in=list(by_eid))
        cited = still_cited(gone)
        if cited:
            self.counts["provisions kept (still cited by questionnaires)"] += len(cited)
            self.progress(f"  {act.slug}@{version.code}: {len(cited)} removed provisions kept, still cited")
        self.prune(gone.exclude(pk__in=cited), "provisions")

    def load_terms(self) -> None:
        kept = []
        for row in self.data["terms"]:
            provision = self.provision(row, "term")
            values = kb_official.keep_imported_term(provision, langs("term", row["term"]))
            kept.append(self.upsert(Term, {"provision": provision}, values, "terms").pk)
        self.prune(Term.objects.filter(provision__origin=Origin.KB).exclude(pk__in=kept), "terms")

    def load_links(self) -> None:
        kept = []
        for row in self.data["links"]:
            source = self.provision(row["source"], "link source")
            target = self.provision(row["target"], "link target")
            link = self.upsert(
                ProvisionLink,
                {"source": source, "target": target, "kind": row["kind"]},
                {
                    "origin": LinkOrigin.KB,
                    **langs("note", row["note"]),
                    "confidence": row["confidence"],
                    "sources": row["sources"],
                },
                "links",
            )
            kept.append(link.pk)
        self.prune(ProvisionLink.objects.filter(origin=LinkOrigin.KB).exclude(pk__in=kept), "links")

    def load_version_notes(self) -> None:
        kept = []
        versions = {(v.act.slug, v.code): v for v in ActVersion.objects.select_related("act")}
        for order, row in enumerate(self.data["version_notes"]):
            to_version = versions[(row["act"], row["to"])]
            note = self.upsert(
                VersionNote,
                {"act": to_version.act, "order": order, "origin": Origin.KB},
                {
                    "eid": row["eid"],
                    "to_version": to_version,
                    "from_version": versions[(row["act"], row["from"])] if row["from"] else None,
                    **langs("change", row["change"]),
                    "confidence": row["confidence"],
                    "sources": row["sources"],
                },
                "version notes",
            )
            kept.append(note.pk)
        self.prune(VersionNote.objects.filter(origin=Origin.KB).exclude(pk__in=kept), "version notes")

    def load_references(self, through, owner_field: str, owner, rows: list[dict]) -> None:
        kept = []
        for order, row in enumerate(rows):
            provision = self.provision(row, f"{owner.slug} reference")
            reference = self.upsert(
                through,
                {owner_field: owner, "provision": provision, "role": row["role"]},
                {
                    **langs("note", row["note"]),
                    "our_translations": row.get("our_translations", []),
                    "confidence": row["confidence"],
                    "order": order,
                },
                "references",
            )
            kept.append(reference.pk)
        self.prune(through.objects.filter(**{owner_field: owner}).exclude(pk__in=kept), "references")

    def load_practices(self) -> None:
        for order, row in enumerate(self.data["practices"]):
            practice = self.upsert(
                ProhibitedPractice,
                {"slug": row["slug"]},
                {
                    **langs("name", row["name"]),
                    **langs("description", row["description"]),
                    **langs("examples", row["examples"]),
                    **langs("examples_note", row["examples_note"]),
                    **langs("liability_note", row.get("liability_note")),
                    "our_translations": row.get("our_translations", []),
                    "confidence": row["confidence"],
                    "draft_confidence": row["draft_confidence"],
                    "sources": row["sources"],
                    "order": order,
                    "origin": Origin.KB,
                },
                "practices",
            )
            self.load_references(PracticeProvision, "practice", practice, row["references"])
        slugs = [row["slug"] for row in self.data["practices"]]
        self.prune(ProhibitedPractice.objects.filter(origin=Origin.KB).exclude(slug__in=slugs), "practices")

    def load_obligations(self) -> None:
        for order, row in enumerate(self.data["obligations"]):
            levels = set(row["risk_levels"])
            obligation = self.upsert(
                Obligation,
                {"slug": row["slug"]},
                {
                    **langs("obligation", row["obligation"]),
                    **langs("trigger", row["trigger"]),
                    **langs("evidence", row["evidence"]),
                    **langs("note", row["note"]),
                    **langs("liability_note", row["liability_note"]),
                    **langs("recommendation", row.get("recommendation")),
                    "our_translations": row.get("our_translations", []),
                    "applies_to_minimal_risk": "minimal" in levels,
                    "applies_to_medium_risk": "medium" in levels,
                    "applies_to_high_risk": "high" in levels,
                    "confidence": row["confidence"],
                    "sources": row["sources"],
                    "order": order,
                    "origin": Origin.KB,
                },
                "obligations",
            )
            if {h.code for h in obligation.duty_holders.all()} != set(row["duty_holders"]):
                obligation.duty_holders.set([self.holders[code] for code in row["duty_holders"]])
            self.load_references(ObligationProvision, "obligation", obligation, row["references"])
        slugs = [row["slug"] for row in self.data["obligations"]]
        self.prune(Obligation.objects.filter(origin=Origin.KB).exclude(slug__in=slugs), "obligations")

    def load_mrp(self) -> None:
        """МРП by year: only the knowledge base supplies it, so a year it drops goes."""
        rows = self.data.get("mrp", [])
        for row in rows:
            self.upsert(
                Mrp,
                {"year": row["year"]},
                {
                    "tenge": row["tenge"],
                    **langs("note", row["note"]),
                    "confidence": row["confidence"],
                    "sources": row["sources"],
                },
                "МРП years",
            )
        self.prune(Mrp.objects.exclude(year__in=[row["year"] for row in rows]), "МРП years")

    def load_fines(self) -> None:
        kept = []
        for row in self.data.get("fines", []):
            where = f"fine of {row['act']}/{row['eid']}"
            repeat = self.provision({**row, "eid": row["repeat"]}, where) if row["repeat"] else None
            fine = self.upsert(
                FineSchedule,
                {"provision": self.provision(row, where)},
                {"amounts": row["amounts"], "repeat": repeat, **langs("note", row["note"])},
                "fine schedules",
            )
            kept.append(fine.pk)
        # Fines of provisions that editors entered are theirs.
        fines = FineSchedule.objects.filter(provision__origin=Origin.KB).exclude(pk__in=kept)
        self.prune(fines, "fine schedules")


def still_cited(provisions: models.QuerySet) -> set[int]:
    """The ids of `provisions` (with their ancestors) that records cite through a plain
    many-to-many: questionnaire rules and questions. Deleting a provision would silently
    drop it from a published questionnaire, which must never change; case records, cited
    through a PROTECT link, stop the load instead (`prune`)."""
    cited: set[int] = set()
    for rel in Provision._meta.related_objects:
        if rel.many_to_many and rel.through._meta.auto_created:
            query = {f"{rel.field.related_query_name()}__isnull": False}
            cited |= set(provisions.filter(**query).values_list("pk", flat=True))
    if cited:
        paths = provisions.filter(pk__in=cited).values_list("path", flat=True)
        ancestors = {eid for path in paths for eid in path.split("/") if eid}
        cited |= set(provisions.filter(eid__in=ancestors).values_list("pk", flat=True))
    return cited


def _differs(obj: models.Model, field: str, value) -> bool:
    """Compare without fetching related rows: foreign keys by id."""
    attname = obj._meta.get_field(field).attname
    new = value.pk if isinstance(value, models.Model) else value
    return getattr(obj, attname) != new


def load_knowledge_base(data: dict, progress: Callable[[str], None] | None = None) -> Counter:
    """Apply the fixture `data` in one transaction; returns counts of what changed."""
    try:
        with transaction.atomic():
            return Loader(data, progress).run()
    except (KeyError, TypeError) as exc:
        raise KnowledgeBaseError(f"malformed fixture: {exc!r}") from exc
