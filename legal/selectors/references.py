"""Prohibited practices, obligations and duty holders."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from legal.models import DutyHolder, Obligation, ObligationProvision, PracticeProvision, ProhibitedPractice


def reference_prefetch(model):
    """A practice's or obligation's references with their provisions (the API reads the same)."""
    return Prefetch(
        "references",
        queryset=model.objects.select_related("provision__version__act").order_by("role", "order", "pk"),
    )


def practices():
    return list(ProhibitedPractice.objects.prefetch_related(reference_prefetch(PracticeProvision)))


def get_practice(slug: str) -> ProhibitedPractice:
    return get_object_or_404(
        ProhibitedPractice.objects.prefetch_related(reference_prefetch(PracticeProvision)), slug=slug
    )


def duty_holders() -> list[DutyHolder]:
    return list(DutyHolder.objects.all())


@dataclass
class ObligationFilter:
    """The obligations list's filter (legal.view_helpers.obligation_filter reads it)."""

    holder: DutyHolder | None = None
    risk: str = ""


def obligations(chosen: ObligationFilter | None = None):
    queryset = Obligation.objects.prefetch_related("duty_holders")
    if chosen and chosen.holder is not None:
        queryset = queryset.filter(duty_holders=chosen.holder)
    if chosen and chosen.risk:
        queryset = queryset.for_risk_level(chosen.risk)
    return list(queryset)


def get_obligation(slug: str) -> Obligation:
    return get_object_or_404(
        Obligation.objects.prefetch_related("duty_holders", reference_prefetch(ObligationProvision)),
        slug=slug,
    )
