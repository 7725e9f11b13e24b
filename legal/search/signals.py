"""Signal hooks: every ORM save/delete of an indexed record updates its entries.

Connected in LegalConfig.ready(). Queryset `.update()` sends no signal: the loader only
uses it for `order`, which the index does not hold; anything else done in bulk must call
`indexer.index_*` or `manage.py reindex`.
"""

from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save

from legal.models import (
    Act,
    EntityType,
    Obligation,
    OfficialText,
    ProhibitedPractice,
    Provision,
    SearchEntry,
    Term,
)

from . import indexer


def _provision_saved(sender, instance, raw=False, **kwargs):
    if raw or indexer.is_paused():
        return
    indexer.index_provisions([instance.pk])
    term_ids = list(Term.objects.filter(provision=instance).values_list("pk", flat=True))
    if term_ids:
        indexer.index_terms(term_ids)


def _provision_deleted(sender, instance, **kwargs):
    if indexer.is_paused():
        return
    SearchEntry.objects.filter(provision_pk=instance.pk).delete()


def _official_text_changed(sender, instance, raw=False, **kwargs):
    if raw or indexer.is_paused():
        return
    indexer.index_provisions([instance.provision_id])


def _holders_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if indexer.is_paused() or action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Provision):
        indexer.index_provisions([instance.pk])
    elif isinstance(instance, Obligation):
        indexer.index_obligations([instance.pk])


def _simple(entity_type, index):
    def saved(sender, instance, raw=False, **kwargs):
        if not raw and not indexer.is_paused():
            index([instance.pk])

    def deleted(sender, instance, **kwargs):
        if not indexer.is_paused():
            indexer.remove(entity_type, [instance.pk])

    return saved, deleted


def _act_saved(sender, instance, raw=False, **kwargs):
    if raw or indexer.is_paused():
        return
    SearchEntry.objects.filter(version__act=instance).exclude(act_slug=instance.slug).update(
        act_slug=instance.slug
    )


def _postgres_session(sender, connection, **kwargs):
    """Sequential scans start at the first page: the search's candidates are "the first
    matches in storage order" (legal.search.postgres), and a synchronized scan would start
    where the last one stopped, so the same query, or its next page, would rank others."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronize_seqscans = off")


_handlers = []


def connect() -> None:
    uid = "legal.search"
    connection_created.connect(_postgres_session, dispatch_uid=f"{uid}.session")
    post_save.connect(_provision_saved, sender=Provision, dispatch_uid=f"{uid}.provision")
    post_delete.connect(_provision_deleted, sender=Provision, dispatch_uid=f"{uid}.provision")
    post_save.connect(_official_text_changed, sender=OfficialText, dispatch_uid=f"{uid}.official")
    post_delete.connect(_official_text_changed, sender=OfficialText, dispatch_uid=f"{uid}.official")
    post_save.connect(_act_saved, sender=Act, dispatch_uid=f"{uid}.act")
    m2m_changed.connect(_holders_changed, sender=Provision.duty_holders.through, dispatch_uid=f"{uid}.ph")
    m2m_changed.connect(_holders_changed, sender=Obligation.duty_holders.through, dispatch_uid=f"{uid}.oh")
    for model, entity_type, index in (
        (Term, EntityType.TERM, indexer.index_terms),
        (ProhibitedPractice, EntityType.PRACTICE, indexer.index_practices),
        (Obligation, EntityType.OBLIGATION, indexer.index_obligations),
    ):
        saved, deleted = _simple(entity_type, index)
        _handlers.extend([saved, deleted])  # signals hold weak references
        post_save.connect(saved, sender=model, dispatch_uid=f"{uid}.{entity_type}")
        post_delete.connect(deleted, sender=model, dispatch_uid=f"{uid}.{entity_type}")
