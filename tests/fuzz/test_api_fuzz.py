"""schemathesis over the whole API schema, in-process (WSGI): every operation, valid and
invalid generated input; no 5xx, responses as documented (status, content type, headers,
body schema), invalid input rejected, valid input accepted.

50 examples an operation when CI=true, 10 locally; KZAI_FUZZ_EXAMPLES overrides both. The
seed is fixed and printed at the start of the run: `KZAI_FUZZ_SEED=N` replays or varies a run
(run_config.py; docs/development.md, "API fuzz tests").

One refinement of "valid input is accepted": a value that is well-formed but names nothing
in the knowledge base (`act=0`, an unknown duty holder, a cursor we did not sign) is a 400
by design, so a schema-valid request may get a 400 — but only one that names such a
parameter (`errors`); any other 400 to valid input still fails.
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kzai.wsgi import application

from .run_config import EXAMPLES, SEED

# Parameters whose well-formed values may name nothing (400 "unknown act" and the like);
# date_from, which OpenAPI cannot tie to date_to (a period that ends before it starts is a 400);
# and `file` (POST /api/v1/verify/): OpenAPI cannot require an upload to be non-empty, and an
# empty one is a 400 naming `file` ("no file was submitted" / "the submitted file is empty").
NAMES_DATA = {
    "act", "version", "duty_holder", "frbr_uri", "cursor",
    "provision", "practice", "organization", "date_from", "file",
}

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
# A seed of our own: without one schemathesis draws a new seed every run (run_config.py).
schema.config.seed = SEED


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Calling the WSGI app directly sends request_finished, whose close_old_connections
    would close the test's database connection mid-transaction (PostgreSQL); Django's test
    client disconnects it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _unthrottled(settings):
    """The fuzzer sends thousands of requests from one address: throttling is tested elsewhere."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/min", "user": "100000/min", "resolve_anon": "100000/min"},
    }
    cache.clear()


@pytest.mark.django_db
@schema.parametrize()
# No example database: a run is the seed's alone, not replays of what this machine saw before.
@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_api(case):
    response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
    if not case.meta.generation.mode.is_negative and response.status_code == 400:
        named = set(response.json().get("errors", {}))
        assert named and named <= NAMES_DATA, (case.as_curl_command(), response.text)
