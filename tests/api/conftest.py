"""API tests' helpers (each test starts with an empty cache: tests/conftest.py)."""


def problem_of(response, status):
    """The problem+json body of `response`, checked for the shape every error has."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:kzai:problem:")
    assert body["title"] and body["detail"]
    return body
