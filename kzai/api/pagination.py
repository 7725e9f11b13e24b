"""Pagination of every list: page numbers for short lists, a keyset cursor for long ones.

Both validate `page_size` (1–100; anything else is a 400) and declare the query parameters
they read (`query_parameters`), so the strict parameter check of `ApiMixin` knows them.
"""

from django.core import signing
from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def url_with(request, **changes) -> str:
    """The request's absolute URL with some query parameters changed (None removes one).

    Built from the decoded parameters, so a raw UTF-8 query (curl "…?q=дипфейк") gives a
    correctly percent-encoded link (DRF's own links double-encode it)."""
    params = request.query_params.copy()
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    query = params.urlencode()
    return request.build_absolute_uri(request.path) + (f"?{query}" if query else "")


def page_size_from(request, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE) -> int:
    raw = request.query_params.get("page_size")
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise ValidationError(
            {
                "page_size": [
                    _("Размер страницы — целое число от 1 до %(max)s, а не «%(value)s».")
                    % {"max": maximum, "value": raw}
                ]
            }
        )
    return int(raw)


def positive_int(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < 1 or (maximum is not None and int(raw) > maximum):
        raise ValidationError(
            {name: [_("«%(value)s» — не номер страницы: нужно целое число от 1.") % {"value": raw}]}
        )
    return int(raw)


class PagePagination(pagination.PageNumberPagination):
    """`?page=N&page_size=M` with `count`, `next`, `previous`, `results` (two queries: count, page)."""

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    query_parameters = ("page", "page_size")

    def get_page_size(self, request):
        return page_size_from(request, self.page_size, self.max_page_size)

    def get_page_number(self, request, paginator):
        return positive_int(request, self.page_query_param, 1)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "required": False,
                "in": "query",
                "description": "Page number, from 1.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": "page_size",
                "required": False,
                "in": "query",
                "description": f"Results per page, 1–{self.max_page_size} (default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]

    def get_next_link(self):
        if not self.page.has_next():
            return None
        return url_with(self.request, page=self.page.next_page_number())

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        number = self.page.previous_page_number()
        return url_with(self.request, page=number if number > 1 else None)


class KeysetPagination(pagination.BasePagination):
    """A cursor over an ordering of model columns (`view.keyset`, e.g. ("version_id", "order", "id")).

    The last row's values, signed, are the cursor of the next page; the next page is
    `WHERE (keyset) > (values)`: one query per page however deep, no COUNT, stable while
    rows are added. The keyset must end with a unique column. Forward only.
    """

    page_size = DEFAULT_PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    cursor_query_param = "cursor"
    query_parameters = ("cursor", "page_size")
    salt = "kzai.api.cursor"

    def paginate_queryset(self, queryset, request, view=None):
        keyset = view.keyset
        self.request = request
        size = page_size_from(request, self.page_size, self.max_page_size)
        raw = request.query_params.get(self.cursor_query_param)
        queryset = queryset.order_by(*keyset)
        if raw is not None:
            queryset = queryset.filter(self._after(keyset, self._decode(raw, len(keyset))))
        rows = list(queryset[: size + 1])
        self.next_values = [getattr(rows[size - 1], field) for field in keyset] if len(rows) > size else None
        return rows[:size]

    def _decode(self, raw: str, length: int) -> list:
        try:
            values = signing.loads(raw, salt=self.salt)
        except signing.BadSignature:
            values = None
        if not isinstance(values, list) or len(values) != length:
            raise ValidationError(
                {self.cursor_query_param: [_("Недействительный курсор: возьмите его из поля next.")]}
            )
        return values

    @staticmethod
    def _after(keyset, values) -> Q:
        """Rows strictly after `values` in the lexicographic order of `keyset`."""
        condition = Q(pk__in=[])
        for i, field in enumerate(keyset):
            step = Q(**{f"{field}__gt": values[i]})
            for earlier, value in zip(keyset[:i], values[:i], strict=True):
                step &= Q(**{earlier: value})
            condition |= step
        return condition

    def get_next_link(self):
        if self.next_values is None:
            return None
        return url_with(
            self.request, **{self.cursor_query_param: signing.dumps(self.next_values, salt=self.salt)}
        )

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "The next page; null on the last page.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque cursor from a previous page's `next`.",
                "schema": {"type": "string"},
            },
            {
                "name": "page_size",
                "required": False,
                "in": "query",
                "description": f"Results per page, 1–{self.max_page_size} (default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]
