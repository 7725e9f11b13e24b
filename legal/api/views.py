"""The legal endpoints of API v1: thin views over legal.selectors, legal.search and
legal.citations. Every view is an `ApiMixin` view (kzai/api): strict parameters, language,
ETag/Last-Modified from the knowledge base's last change, problem+json errors."""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from kzai.api.exceptions import PayloadTooLarge
from kzai.api.pagination import KeysetPagination, page_size_from, positive_int
from kzai.api.parsers import PlainTextParser
from kzai.api.throttling import AnonThrottle, ResolveAnonThrottle, UserThrottle
from kzai.api.views import ApiMixin
from legal import freshness, selectors
from legal.citations import extract_citations
from legal.models import (
    Act,
    ActVersion,
    Obligation,
    ObligationProvision,
    PracticeProvision,
    ProhibitedPractice,
    Provision,
    Term,
)
from legal.search import InvalidSearch, search
from legal.selectors.official import official_texts_prefetch
from legal.versions import in_force_among, versions_in_force

from . import filters, frbr, queries
from . import serializers as s
from .fields import absolute, provision_api_path


class LegalView(ApiMixin, generics.GenericAPIView):
    """The public knowledge base: anyone may read (other methods are 405s); throttled."""

    permission_classes = [AllowAny]
    cache_responses = True

    def last_modified(self):
        return freshness.kb_last_modified()

    def on(self) -> datetime.date:
        """The day asked about: `?as_of=` or today in Asia/Almaty."""
        return self.query().get("as_of") or selectors.today()


# ------------------------------------------------------------------------ acts


@extend_schema(tags=["acts"], parameters=[queries.AsOfQuery])
class ActList(LegalView, generics.ListAPIView):
    """All acts, each with the version in force today (or on `as_of`)."""

    queryset = Act.objects.all()
    serializer_class = s.ActSerializer
    filterset_class = filters.ActFilter
    query_serializer_class = queries.AsOfQuery

    def get_serializer_context(self):
        on = self.on()
        return {**super().get_serializer_context(), "on": on, "in_force": versions_in_force(on)}


@extend_schema(tags=["acts"], parameters=[queries.AsOfQuery])
class ActDetail(LegalView, generics.RetrieveAPIView):
    """One act with all its versions (drafts first, then by date)."""

    queryset = Act.objects.all()
    serializer_class = s.ActDetailSerializer
    lookup_field = "slug"
    query_serializer_class = queries.AsOfQuery

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "swagger_fake_view", False):
            return context
        act = self.get_object()
        versions = selectors.versions_of(act)
        on = self.on()
        current = in_force_among(versions, on)
        return {**context, "on": on, "versions": versions, "in_force": {act.pk: current} if current else {}}

    def get_object(self):
        if not hasattr(self, "_act"):
            self._act = super().get_object()
        return self._act


@extend_schema(tags=["acts"], parameters=[queries.AsOfQuery])
class VersionList(LegalView, generics.ListAPIView):
    """The versions of an act: drafts first, then by date; `state` on `as_of` (default today)."""

    serializer_class = s.VersionSerializer
    query_serializer_class = queries.AsOfQuery

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ActVersion.objects.none()
        act = selectors.get_act(self.kwargs["slug"])
        return act.versions.in_document_order().select_related("act")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "on": self.on()}


@extend_schema(tags=["acts"], responses=s.TocSerializer)
class Toc(LegalView):
    """The whole table of contents of a version as a nested tree (one query for the tree)."""

    pagination_class = None
    serializer_class = s.TocSerializer

    def get(self, request, slug, version):
        version = selectors.get_version(slug, version)
        tree = selectors.table_of_contents(version)
        prefix = absolute(request, provision_api_path(slug, version.code, "eidplaceholder"))
        prefix = tuple(prefix.rsplit("eidplaceholder", 1))
        return Response(
            {
                "act": slug,
                "version": version.code,
                "frbr_uri": frbr.expression_uri(version.act, version.code),
                "url": absolute(request, version.get_absolute_url()),
                "items": s.toc_nodes(tree, prefix),
            }
        )


# ------------------------------------------------------------------ provisions


def _provision_response(view, provision):
    ancestors = provision.ancestors()
    context = {**view.get_serializer_context(), "ancestors": ancestors, "language": get_language()}
    return Response(s.ProvisionDetailSerializer(provision, context=context).data)


def _detail_queryset():
    return (
        Provision.objects.for_display()
        .select_related("term", "fine_schedule__repeat__version__act")
        .prefetch_related(official_texts_prefetch(), "children", "amendments")
    )


@extend_schema(tags=["provisions"], responses=s.ProvisionDetailSerializer)
class ProvisionDetail(LegalView):
    """One provision: texts, unofficial summary, confidence, sources, place in the act."""

    serializer_class = s.ProvisionDetailSerializer
    pagination_class = None

    def get(self, request, slug, version, eid):
        provision = get_object_or_404(
            _detail_queryset(), version__act__slug=slug, version__code=version, eid=eid
        )
        return _provision_response(self, provision)


@extend_schema(tags=["provisions"], responses=s.ProvisionDetailSerializer)
class ProvisionByUri(LegalView):
    """A provision by its FRBR URI: /api/v1/akn/kz/act/law/2025/230/rus@2025-11-17/!main~art_21__para_2"""

    serializer_class = s.ProvisionDetailSerializer
    pagination_class = None

    def get(self, request, uri):
        try:
            parsed = frbr.parse(f"/akn/{uri}")
        except frbr.InvalidUri:
            raise Http404 from None
        if parsed.eid is None:
            raise Http404
        act = frbr.find_act(parsed)
        if act is None:
            raise Http404
        provision = get_object_or_404(
            _detail_queryset(), version__act=act, version__code=parsed.version, eid=parsed.eid
        )
        return _provision_response(self, provision)


@extend_schema(tags=["provisions"])
class ProvisionList(LegalView, generics.ListAPIView):
    """Provisions of every act and version in document order, filtered; a cursor pages them."""

    queryset = Provision.objects.select_related("version__act").prefetch_related("duty_holders")
    serializer_class = s.ProvisionSerializer
    filterset_class = filters.ProvisionFilter
    pagination_class = KeysetPagination
    keyset = ("version_id", "order", "id")


# ------------------------------------------------------- terms, practices, duties


@extend_schema(tags=["terms"])
class TermList(LegalView, generics.ListAPIView):
    """Defined terms with their definitions (the `def` provisions) and unofficial summaries."""

    queryset = Term.objects.select_related("provision__version__act").order_by(
        "provision__version_id", "provision__order", "pk"
    )
    serializer_class = s.TermSerializer
    filterset_class = filters.TermFilter


class PracticeMixin:
    # the same prefetch as the web pages (legal.selectors)
    queryset = ProhibitedPractice.objects.prefetch_related(selectors.reference_prefetch(PracticeProvision))
    serializer_class = s.PracticeSerializer
    lookup_field = "slug"


@extend_schema(tags=["practices"])
class PracticeList(PracticeMixin, LegalView, generics.ListAPIView):
    """Prohibited AI practices, each with the provisions that ban it (and punish it)."""

    filterset_class = filters.PracticeFilter


@extend_schema(tags=["practices"])
class PracticeDetail(PracticeMixin, LegalView, generics.RetrieveAPIView):
    pagination_class = None


class ObligationMixin:
    queryset = Obligation.objects.prefetch_related(
        "duty_holders", selectors.reference_prefetch(ObligationProvision)
    )
    serializer_class = s.ObligationSerializer
    lookup_field = "slug"


@extend_schema(tags=["obligations"])
class ObligationList(ObligationMixin, LegalView, generics.ListAPIView):
    """Obligations of those who build or run AI systems, with their legal basis."""

    filterset_class = filters.ObligationFilter


@extend_schema(tags=["obligations"])
class ObligationDetail(ObligationMixin, LegalView, generics.RetrieveAPIView):
    pagination_class = None


# -------------------------------------------------------------- search, resolve

SEARCH_MESSAGES = {
    "act": "Неизвестный акт «%(value)s».",
    "version": "Нет редакции «%(value)s».",
    "unit_type": "Неизвестный вид положения «%(value)s».",
    "duty_holder": "Неизвестный субъект обязанности «%(value)s».",
    "language": "Неизвестный язык «%(value)s»: допустимы ru, kk, en.",
    "as_of": "«%(value)s» — не дата.",
}


@extend_schema(tags=["search"], parameters=[queries.SearchQuery], responses=s.SearchResultsSerializer)
class Search(LegalView):
    """Full-text search: the same service and filters as the site's /search/ (docs/search.md)."""

    query_serializer_class = queries.SearchQuery
    pagination_class = None

    def get(self, request):
        params = self.query()
        size = page_size_from(request)
        page = positive_int(request, "page", 1, maximum=500)
        try:
            results = search(
                params["q"],
                act=params.get("act"),
                version=params.get("version"),
                as_of=params.get("as_of"),
                unit_type=params.get("unit_type"),
                duty_holder=params.get("duty_holder"),
                language=params.get("language"),
                limit=size,
                offset=(page - 1) * size,
            )
        except InvalidSearch as error:
            message = _(SEARCH_MESSAGES.get(error.field, "%(value)s")) % {"value": error.value}
            raise serializers.ValidationError({error.field: [message]}) from None
        return Response(s.search_results(results, request, page))


@extend_schema(
    tags=["resolve"],
    methods=["GET"],
    parameters=[queries.ResolveQuery],
    responses=s.ResolvedSerializer,
)
@extend_schema(
    tags=["resolve"],
    methods=["POST"],
    parameters=[queries.ResolveContext],
    request={
        "application/json": queries.ResolveBody,
        "text/plain": OpenApiTypes.STR,
    },
    responses={200: s.ResolvedSerializer, 413: OpenApiResponse(description="The text is over 100 KB.")},
)
class Resolve(LegalView):
    """Every legal citation in a text, resolved to act, version and eid, or with the reason it is not.

    At most MAX_CITATIONS in a response (`truncated` says when more were found): a 100 KB text
    of ranges («ст. 1–200 …») expands to tens of thousands of citations, megabytes of JSON."""

    throttle_classes = [AnonThrottle, UserThrottle, ResolveAnonThrottle]
    pagination_class = None
    parser_classes = [JSONParser, PlainTextParser]
    error_responses = {"413": "The text is over 100 KB.", "415": "Send application/json or text/plain."}
    request_body_required = True
    MAX_BYTES = 100 * 1024
    MAX_CITATIONS = 250

    @property
    def query_serializer_class(self):
        request = getattr(self, "request", None)
        return (
            queries.ResolveContext
            if request is not None and request.method == "POST"
            else queries.ResolveQuery
        )

    def get(self, request):
        params = self.query()
        return self.resolve(params["cite"], params)

    def post(self, request):
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > self.MAX_BYTES:
            raise PayloadTooLarge(_("Текст больше 100 КБ: разделите его на части."))
        context = self.query()
        if request.content_type.startswith("text/plain"):
            text = request.data if isinstance(request.data, str) else ""  # an empty body: no text
        else:
            body = queries.ResolveBody(data=request.data)
            body.is_valid(raise_exception=True)
            text = body.validated_data["text"]
            context = {**context, **{k: v for k, v in body.validated_data.items() if k != "text"}}
        if len(text.encode()) > self.MAX_BYTES:
            raise PayloadTooLarge(_("Текст больше 100 КБ: разделите его на части."))
        return self.resolve(text, context)

    def resolve(self, text, context):
        on = context.get("as_of") or selectors.today()
        act = context.get("act")
        if act and not Act.objects.filter(slug=act).exists():
            raise serializers.ValidationError({"act": [_("Неизвестный акт «%(value)s».") % {"value": act}]})
        found = extract_citations(
            text, act=act, provision_eid=context.get("provision"), version=context.get("version"), as_of=on
        )
        request = self.request
        kept = found[: self.MAX_CITATIONS]
        return Response(
            {
                "as_of": on,
                "count": len(kept),
                "found": len(found),
                "truncated": len(found) > len(kept),
                "citations": [s.citation_data(c, request) for c in kept],
            }
        )
