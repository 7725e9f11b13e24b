"""The provision page: the unit, its official wording, its place, its other versions, links,
references, fines."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from legal.fines import schedules_for, schedules_near
from legal.models import (
    Act,
    ActVersion,
    FineSchedule,
    LinkKind,
    ObligationProvision,
    PracticeProvision,
    Provision,
    ProvisionLink,
    ReferenceRole,
    VersionNote,
)

from .acts import versions_of
from .official import CONTAINERS, Wording, provision_wordings, shown_units


@dataclass
class Counterpart:
    """Where a provision is in another version of the same act."""

    version: ActVersion
    provisions: list[Provision] = field(default_factory=list)
    how: str = ""  # "same", "corresponds", "corresponds_part", "" (none found)
    current: bool = False


@dataclass
class RelatedReference:
    """A practice/obligation reference reached from the provision shown."""

    reference: PracticeProvision | ObligationProvision
    via: list[PracticeProvision | ObligationProvision] = field(default_factory=list)

    @property
    def notes(self) -> list:
        """The distinct notes of the references it came by (a liability link's conditions)."""
        found: dict[str, object] = {}
        for ref in self.via:
            note = ref.note
            if note and str(note) not in found:
                found[str(note)] = note
        return list(found.values())


@dataclass
class ProvisionPage:
    provision: Provision
    version: ActVersion
    act: Act
    ancestors: list[Provision]
    children: list[Provision]
    wordings: list[Wording]
    versions: list[ActVersion]
    counterparts: list[Counterpart]
    notes: list[VersionNote]
    practice_refs: list[PracticeProvision]
    obligation_refs: list[ObligationProvision]
    liability: list[PracticeProvision | ObligationProvision]
    punished: list[PracticeProvision | ObligationProvision]
    links_out: list[ProvisionLink]
    links_in: list[ProvisionLink]
    term: object | None
    fines: list[FineSchedule] = field(default_factory=list)
    refers_to: list[LinkGroup] = field(default_factory=list)
    referred_by: list[LinkGroup] = field(default_factory=list)

    @property
    def official_texts(self) -> list:
        """The provision's own official wording, one per language (page's language first)."""
        return [w.own for w in self.wordings if w.own is not None]


@dataclass
class LinkGroup:
    """`refers_to` links to or from one act."""

    act: Act
    links: list[ProvisionLink]


def _by_act(links: list[ProvisionLink], end: str) -> list[LinkGroup]:
    """Group links by the act of their other end (`end`: "source" or "target"), keeping
    the links' order; the groups in order of their first link."""
    groups: dict[int, LinkGroup] = {}
    for link in links:
        act = getattr(link, end).version.act
        groups.setdefault(act.pk, LinkGroup(act, [])).links.append(link)
    return list(groups.values())


def get_provision(slug: str, code: str, eid: str) -> Provision:
    return get_object_or_404(
        Provision.objects.for_display().select_related("term"),
        version__act__slug=slug,
        version__code=code,
        eid=eid,
    )


def _full_path(provision: Provision) -> str:
    return f"{provision.path}/{provision.eid}" if provision.path else provision.eid


def _descendant_q(prefix: str, provision: Provision) -> Q:
    """Q for provisions strictly under `provision` (through `prefix`, e.g. 'source__')."""
    full = _full_path(provision)
    return Q(**{f"{prefix}version_id": provision.version_id}) & (
        Q(**{f"{prefix}path": full}) | Q(**{f"{prefix}path__startswith": f"{full}/"})
    )


def _references(model, owner_field: str, provision: Provision):
    """All references of the practices/obligations that refer to `provision` (one query)."""
    owners = model.objects.filter(provision=provision).values(f"{owner_field}_id")
    return list(
        model.objects.filter(**{f"{owner_field}_id__in": owners})
        .select_related(owner_field, "provision__version__act")
        .order_by(f"{owner_field}__order", f"{owner_field}_id", "role", "order", "pk")
    )


def _parts(provision: Provision) -> list[Provision]:
    """The units under `provision` in document order (one query): all of them for an
    article or a smaller unit, whose page shows their wording; the direct children of a
    chapter or a larger unit."""
    if provision.type in CONTAINERS:
        return list(provision.children.order_by("order"))
    return list(Provision.objects.filter(_descendant_q("", provision)).order_by("order"))


def provision_page(slug: str, code: str, eid: str, language: str | None = None) -> ProvisionPage:
    """Everything the provision page shows; official wording in `language` (default: the
    active one) comes first."""
    provision = get_provision(slug, code, eid)
    version = provision.version
    act = version.act

    ancestors = provision.ancestors()
    parts = _parts(provision)
    children = [unit for unit in parts if unit.parent_id == provision.pk]
    wordings = provision_wordings(provision, shown_units(provision, parts), language or get_language())
    versions = versions_of(act)

    ancestor_eids = [eid for eid in provision.path.split("/") if eid]
    # Links of every kind touching the provision, plus the `corresponds_to` links of the
    # provisions with the same eid in other versions and of the provision's descendants.
    corresponds = Q(kind=LinkKind.CORRESPONDS_TO)
    links = list(
        ProvisionLink.objects.filter(
            Q(source=provision)
            | Q(target=provision)
            | corresponds & Q(source__version__act=act, source__eid=provision.eid)
            | corresponds & Q(target__version__act=act, target__eid=provision.eid)
            | corresponds & _descendant_q("source__", provision)
            | corresponds & _descendant_q("target__", provision)
            | corresponds & Q(source__version=version, source__eid__in=ancestor_eids)
            | corresponds & Q(target__version=version, target__eid__in=ancestor_eids)
        )
        .select_related("source__version__act", "target__version__act")
        .order_by("kind", "pk")
    )
    same_eid = {
        p.version_id: p
        for p in Provision.objects.filter(version__act=act, eid=provision.eid)
        .exclude(pk=provision.pk)
        .select_related("version__act")
    }

    notes = list(
        VersionNote.objects.filter(act=act, eid=provision.eid)
        .filter(Q(to_version=version) | Q(from_version=version))
        .select_related("from_version", "to_version")
        .order_by("order", "pk")
    )
    # The unit's own fines, else its enclosing part's (a Code's part fines its items), else
    # its parts' (an article's page shows each part's, repeats included): legal.fines.
    fines = schedules_for(provision, schedules_near(provision), with_repeats=True)

    practice_refs_all = _references(PracticeProvision, "practice", provision)
    obligation_refs_all = _references(ObligationProvision, "obligation", provision)

    own_practice = [r for r in practice_refs_all if r.provision_id == provision.pk]
    own_obligation = [r for r in obligation_refs_all if r.provision_id == provision.pk]
    liability, punished = _liability(provision, practice_refs_all, "practice_id")
    more_liability, more_punished = _liability(provision, obligation_refs_all, "obligation_id")

    other_kinds = (LinkKind.CORRESPONDS_TO, LinkKind.REFERS_TO)
    links_out = [link for link in links if link.source_id == provision.pk and link.kind not in other_kinds]
    links_in = [link for link in links if link.target_id == provision.pk and link.kind not in other_kinds]
    refers = [link for link in links if link.kind == LinkKind.REFERS_TO]

    return ProvisionPage(
        provision=provision,
        version=version,
        act=act,
        ancestors=ancestors,
        children=children,
        wordings=wordings,
        versions=versions,
        counterparts=_counterparts(provision, versions, links, same_eid),
        notes=notes,
        practice_refs=own_practice,
        obligation_refs=own_obligation,
        liability=_dedupe(liability + more_liability),
        punished=_dedupe(punished + more_punished),
        links_out=links_out,
        links_in=links_in,
        term=provision.defined_term,
        fines=fines,
        refers_to=_by_act([link for link in refers if link.source_id == provision.pk], "target"),
        referred_by=_by_act([link for link in refers if link.target_id == provision.pk], "source"),
    )


def _liability(provision: Provision, refs, owner_attr: str):
    """(liability refs for what this provision grounds, basis refs for what it punishes)."""
    own = [r for r in refs if r.provision_id == provision.pk]
    others = [r for r in refs if r.provision_id != provision.pk]
    based = {getattr(r, owner_attr) for r in own if r.role == ReferenceRole.BASIS}
    punishes = {getattr(r, owner_attr) for r in own if r.role == ReferenceRole.LIABILITY}
    liability = [r for r in others if r.role == ReferenceRole.LIABILITY and getattr(r, owner_attr) in based]
    punished = [r for r in others if r.role == ReferenceRole.BASIS and getattr(r, owner_attr) in punishes]
    return liability, punished


def _dedupe(refs):
    """One entry per provision, keeping the references (practices/obligations) it came by."""
    by_provision: dict[int, RelatedReference] = {}
    for ref in refs:
        entry = by_provision.get(ref.provision_id)
        if entry is None:
            by_provision[ref.provision_id] = RelatedReference(ref, [ref])
        else:
            entry.via.append(ref)
    return list(by_provision.values())


def _counterparts(provision, versions, links, same_eid) -> list[Counterpart]:
    """For each version of the act: the same provision there, if we can tell.

    An explicit `corresponds_to` link wins over a mere equal eid (the draft of the AI law
    numbered its definitions differently: draft art_1__def_1 is adopted art_1__def_3);
    then the same eid (unless that unit is linked to another provision of this version);
    then units linked to this provision's descendants (adopted art_17 ↔ the draft's
    unk_risk_classification, which corresponds to art_17__para_1).
    """
    corresponding = [link for link in links if link.kind == LinkKind.CORRESPONDS_TO]
    result = []
    for other in versions:
        if other.pk == provision.version_id:
            result.append(Counterpart(other, [provision], "current", current=True))
            continue
        direct = _other_ends(corresponding, other, lambda p: p.pk == provision.pk)
        if direct:
            result.append(Counterpart(other, direct, "corresponds"))
            continue
        same = same_eid.get(other.pk)
        if same is not None and not any(
            (link.source_id == same.pk and link.target.version_id == provision.version_id)
            or (link.target_id == same.pk and link.source.version_id == provision.version_id)
            for link in corresponding
        ):
            result.append(Counterpart(other, [same], "same"))
            continue
        full = _full_path(provision)
        under = _other_ends(
            corresponding,
            other,
            lambda p, full=full: p.version_id == provision.version_id
            and (p.path == full or p.path.startswith(f"{full}/")),
        )
        if under:
            result.append(Counterpart(other, _outermost(under), "corresponds_part"))
            continue
        enclosing = _enclosing_counterpart(provision, corresponding, other)
        if enclosing:
            result.append(Counterpart(other, enclosing, "corresponds_whole"))
            continue
        result.append(Counterpart(other, [], ""))
    return result


def _enclosing_counterpart(provision, links, other_version) -> list[Provision]:
    """The counterparts of the nearest enclosing unit that has one (draft unk_transparency
    for adopted art_21__para_2, whose article corresponds to it as a whole)."""
    ancestor_eids = [eid for eid in provision.path.split("/") if eid]
    for eid in reversed(ancestor_eids):
        found = _other_ends(
            links, other_version, lambda p, eid=eid: p.version_id == provision.version_id and p.eid == eid
        )
        if found:
            return found
    return []


def _other_ends(links, other_version, is_ours) -> list[Provision]:
    found: dict[int, Provision] = {}
    for link in links:
        for ours, theirs in ((link.source, link.target), (link.target, link.source)):
            if is_ours(ours) and theirs.version_id == other_version.pk:
                found.setdefault(theirs.pk, theirs)
    return sorted(found.values(), key=lambda p: p.order)


def _outermost(provisions: list[Provision]) -> list[Provision]:
    """Drop units whose ancestor is in the list already (a draft article and its items)."""
    eids = {p.eid for p in provisions}
    return [p for p in provisions if not any(eid in eids for eid in p.path.split("/") if eid)]
