"""Tests of the real knowledge base: the fixtures built from the research data
(fixtures/kb.json, cases.json, the questionnaires), their citations, the scenarios a
client runs on them, and pages and reports drawn from them.

These tests are meant to break when the research data changes in a way the product must
answer (a link dropped, an article renumbered): they are the only ones that load it
(`real_kb`, tests/conftest.py). Every other test builds its own data with factories.
"""

import pytest


@pytest.fixture(autouse=True)
def _real_kb(real_kb):
    """Every test here reads the real knowledge base."""
