"""How the knowledge base reads in the API. Summaries are kzai's own: the field is named
`unofficial_summary` everywhere so no client mistakes it for the text of the law.

The parts: `acts`, `provisions`, `records` (terms, practices, obligations), `toc`, `search`
(search results and resolved citations); this face re-exports what the views use."""

from .acts import ActDetailSerializer, ActSerializer, VersionSerializer
from .links import Links
from .provisions import (
    ActBriefSerializer,
    FineScheduleSerializer,
    OfficialTextSerializer,
    ProvisionDetailSerializer,
    ProvisionRefSerializer,
    ProvisionSerializer,
    UnitSerializer,
    VersionBriefSerializer,
    our_translations_field,
)
from .records import Lines, ObligationSerializer, PracticeSerializer, ReferenceSerializer, TermSerializer
from .search import (
    CitationSerializer,
    ResolvedSerializer,
    SearchHitSerializer,
    SearchResultsSerializer,
    citation_data,
    search_results,
)
from .toc import TocNodeSerializer, TocSerializer, toc_nodes

__all__ = [
    "ActBriefSerializer",
    "ActDetailSerializer",
    "ActSerializer",
    "CitationSerializer",
    "FineScheduleSerializer",
    "Lines",
    "Links",
    "ObligationSerializer",
    "OfficialTextSerializer",
    "PracticeSerializer",
    "ProvisionDetailSerializer",
    "ProvisionRefSerializer",
    "ProvisionSerializer",
    "ReferenceSerializer",
    "ResolvedSerializer",
    "SearchHitSerializer",
    "SearchResultsSerializer",
    "TermSerializer",
    "TocNodeSerializer",
    "TocSerializer",
    "UnitSerializer",
    "VersionBriefSerializer",
    "VersionSerializer",
    "citation_data",
    "our_translations_field",
    "search_results",
    "toc_nodes",
]
