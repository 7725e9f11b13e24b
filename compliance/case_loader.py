"""Load the public case records (fixtures/cases.json) into the database.

Built on legal.kb_loader: an upsert by slug in one transaction that saves only what
changed (unchanged records keep their history) and removes only public records an
earlier load created (`origin = kb`) that the fixture no longer has. Records that users
or editors entered are never touched; a fixture slug that one of them already uses
stops the load. A reference to a provision or practice that is not in the database
stops it too (load the knowledge base first: `load_kb`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from legal.fixture_files import KnowledgeBaseError, iso_date, langs, read_fixture
from legal.kb_loader import Loader
from legal.models import Origin, ProhibitedPractice, Provision

from .models import CaseProvision, CaseRecord

DEFAULT_PATH = Path(settings.BASE_DIR) / "fixtures" / "cases.json"


def read_cases(path: Path = DEFAULT_PATH) -> dict:
    data = read_fixture(path)
    if not isinstance(data.get("cases"), list):
        raise KnowledgeBaseError(f"{path}: not a case-record fixture (no list of cases)")
    return data


class CaseLoader(Loader):
    def run(self) -> Counter:
        rows = self.data["cases"]
        self.index_provisions(rows)
        practices = {practice.slug: practice for practice in ProhibitedPractice.objects.all()}
        taken = set(
            CaseRecord.objects.filter(slug__in=[row["slug"] for row in rows])
            .exclude(origin=Origin.KB)
            .values_list("slug", flat=True)
        )
        for row in rows:
            if row["slug"] in taken:
                raise KnowledgeBaseError(f"case {row['slug']}: the slug is used by a record entered by hand")
            self.load_case(row, practices)
            self.progress(f"  {row['slug']}")
        slugs = [row["slug"] for row in rows]
        self.prune(CaseRecord.objects.filter(origin=Origin.KB).exclude(slug__in=slugs), "cases")
        return self.counts

    def index_provisions(self, rows: list[dict]) -> None:
        """The provisions the fixture refers to, in one query."""
        wanted = Q(pk__in=[])
        for row in rows:
            for ref in row["provisions"]:
                wanted |= Q(version__act__slug=ref["act"], version__code=ref["version"], eid=ref["eid"])
        for provision in Provision.objects.filter(wanted).select_related("version__act"):
            key = (provision.version.act.slug, provision.version.code, provision.eid)
            self.provisions[key] = provision

    def load_case(self, row: dict, practices: dict[str, ProhibitedPractice]) -> None:
        where = f"case {row['slug']}"
        case = self.upsert(
            CaseRecord,
            {"slug": row["slug"]},
            {
                "organization": None,
                "origin": Origin.KB,
                "kind": row["kind"],
                "date": iso_date(row["date"]),
                "date_precision": row["date_precision"],
                "jurisdiction": row["jurisdiction"],
                "technique": row["technique"],
                **langs("title", row["title"]),
                **langs("body", row["body"]),
                **langs("outcome", row["outcome"]),
                **langs("note", row["note"]),
                "confidence": row["confidence"],
                "sources": row["sources"],
            },
            "cases",
        )
        kept = []
        for order, ref in enumerate(row["provisions"]):
            link = self.upsert(
                CaseProvision,
                {"case": case, "provision": self.provision(ref, where), "relation": ref["relation"]},
                {"order": order},
                "case provisions",
            )
            kept.append(link.pk)
        self.prune(case.provision_links.exclude(pk__in=kept), "case provisions")
        try:
            chosen = [practices[slug] for slug in row["practices"]]
        except KeyError as exc:
            raise KnowledgeBaseError(f"{where}: no practice {exc.args[0]}") from None
        if {p.slug for p in case.practices.all()} != set(row["practices"]):
            case.practices.set(chosen)
            self.counts["case practice lists updated"] += 1


def load_cases(data: dict, progress: Callable[[str], None] | None = None) -> Counter:
    """Apply the fixture `data` in one transaction; returns counts of what changed."""
    try:
        with transaction.atomic():
            return CaseLoader(data, progress).run()
    except (KeyError, TypeError) as exc:
        raise KnowledgeBaseError(f"malformed fixture: {exc!r}") from exc
