"""API tests: a fresh cache per test (throttle counters, the knowledge base's change time)."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def problem_of(response, status):
    """The problem+json body of `response`, checked for the shape every error has."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:kzai:problem:")
    assert body["title"] and body["detail"]
    return body
