"""Shared infrastructure of the REST API (/api/): docs/api.md, "Adding an endpoint".

- `exceptions`: every error is problem+json (RFC 9457), including unknown /api/ URLs and 500s.
- `views.ApiMixin`: strict query parameters, the response language, ETag/Last-Modified.
- `pagination`: page numbers for short lists, a keyset cursor for long ones.
- `throttling`, `schema` (every operation documents its error responses), `urls`.
"""
