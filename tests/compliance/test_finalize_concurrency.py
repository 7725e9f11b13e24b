"""Finalising is safe to repeat and to race: a double click on «Завершить оценку».

Two threads finalise the same draft at once, each on its own database connection, through
the service, the wizard's view and the API. Exactly one stores the findings and the
snapshot; the other waits for it (the row lock on PostgreSQL, the write lock of
`BEGIN IMMEDIATE` on SQLite) and returns the same final assessment, with no error.

The tests are transactional (real commits, seen by the other connection). On SQLite the
suite's test database lives in memory with a shared cache, where a second writer fails at
once ("database table is locked") whatever the timeout; a web server never runs like that,
so for these tests the database is copied to a file and opened with the project's settings
(WAL, busy timeout, IMMEDIATE transactions), as `make run` opens var/kzai.sqlite3.
"""

import sqlite3
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from compliance.models import Assessment, Finding, Questionnaire
from compliance.services import assessments
from tests.compliance.wizard_helpers import DEEPFAKE_FINDINGS, DEEPFAKE_SERVICE
from tests.compliance.workspace import ws  # noqa: F401

#: How long the first finaliser holds its lock, so that the second one surely arrives
#: while it does.
HOLD = 1.0


@pytest.fixture
def database(kb_loaded, tmp_path):
    """The knowledge base and questionnaires (flushed by the last transactional test); on
    SQLite in memory, the same data in a file database for the duration of the test."""
    call_command("load_questionnaires", verbosity=0)
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    path = tmp_path / "kzai.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    copy.close()
    settings_dict = connections.settings["default"]
    in_memory, memory_name = connections["default"], settings_dict["NAME"]
    settings_dict["NAME"] = str(path)
    connections["default"] = connections.create_connection("default")
    try:
        yield
    finally:
        connections["default"].close()
        connections["default"] = in_memory
        settings_dict["NAME"] = memory_name


@pytest.fixture
def workspace(database, ws):  # noqa: F811
    """The workspace's organisations and users (tests/compliance/workspace.py), made after
    the knowledge base is loaded, in the database above."""
    return ws


def make_draft(ws):  # noqa: F811
    questionnaire = Questionnaire.objects.current(assessments.MAIN_QUESTIONNAIRE)
    made = assessments.start_assessment(ws.system, questionnaire, by=ws.users["lawyer"])
    assessments.save_answers(made, DEEPFAKE_SERVICE, by=ws.users["lawyer"])
    return made


@pytest.fixture
def draft(workspace):
    return make_draft(workspace)


@pytest.fixture
def race(monkeypatch):
    """Run a callable in two threads at once; record who finalised and who waited.

    finalize() is wrapped to note when each call enters it; build_data() (reached only
    by the call that holds the lock on a draft) is slowed down and counted.
    """
    log = {"entered": [], "built": [], "built_done": []}
    lock = threading.Lock()
    finalize, build_data = assessments.finalize, assessments.build_data

    def noting_finalize(*args, **kwargs):
        with lock:
            log["entered"].append(time.monotonic())
        return finalize(*args, **kwargs)

    def slow_build_data(*args, **kwargs):
        with lock:
            log["built"].append(time.monotonic())
        time.sleep(HOLD)
        data = build_data(*args, **kwargs)
        with lock:
            log["built_done"].append(time.monotonic())
        return data

    monkeypatch.setattr(assessments, "finalize", noting_finalize)
    monkeypatch.setattr(assessments, "build_data", slow_build_data)

    def run(work):
        """work(i) in threads i = 0, 1, released together; their results."""
        barrier = threading.Barrier(2)
        results, errors = [None, None], []

        def target(i):
            try:
                barrier.wait(timeout=10)
                results[i] = work(i)
            except BaseException as exc:  # noqa: BLE001 - reported by the test
                errors.append(exc)
            finally:
                connections.close_all()  # this thread's connections

        threads = [threading.Thread(target=target, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads), "a finaliser hangs"
        assert not errors, errors
        # exactly one built the snapshot; the other entered finalize() while it did, so it
        # really had to wait for the lock (not merely come after)
        assert len(log["built"]) == 1, log
        assert len(log["entered"]) == 2 and max(log["entered"]) < log["built_done"][0], log
        return results

    return run


def logged_in(user) -> Client:
    """A client with its own session (logging in writes: done before the race)."""
    client = Client()
    client.force_login(user)
    return client


def assert_final_once(pk):
    final = Assessment.objects.get(pk=pk)
    assert final.is_final
    assert final.content_hash == assessments.content_hash(final.snapshot)
    findings = Finding.objects.filter(assessment_id=pk)
    assert sorted(findings.values_list("rule_code", flat=True)) == sorted(DEEPFAKE_FINDINGS)
    assert [f["rule"] for f in final.snapshot["findings"]] == list(
        findings.order_by("order").values_list("rule_code", flat=True)
    )
    return final


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path, django_db_blocker):
    """A connection opened with the project's settings, as the web server opens one."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings")
    settings_dict = {**connections.settings["default"], "NAME": str(tmp_path / "kzai.sqlite3")}
    wrapper = type(connections["default"])(settings_dict, alias="wal-check")
    with django_db_blocker.unblock():
        try:
            with wrapper.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode")
                assert cursor.fetchone()[0] == "wal"
                cursor.execute("PRAGMA busy_timeout")
                assert cursor.fetchone()[0] == 20_000
            assert wrapper.transaction_mode == "IMMEDIATE"
        finally:
            wrapper.close()


def test_two_services_finalising_at_once_make_one_final_assessment(workspace, draft, race):
    users = workspace.users["lawyer"], workspace.users["owner"]

    def work(i):
        loaded = Assessment.objects.get(pk=draft.pk)  # each caller has read the draft
        assert not loaded.is_final
        return assessments.finalize(loaded, by=users[i])

    first, second = race(work)
    final = assert_final_once(draft.pk)
    assert first.pk == second.pk == final.pk
    assert first.status == second.status == "final"
    assert first.content_hash == second.content_hash == final.content_hash
    assert first.finalized_at == second.finalized_at == final.finalized_at
    assert first.finalized_by_id == second.finalized_by_id == final.finalized_by_id
    assert first.snapshot == second.snapshot == final.snapshot

    # and later: a final assessment, or a stale object of the draft, finalised again
    # (another user) is returned unchanged
    for again in (assessments.finalize(final, by=users[1]), assessments.finalize(draft, by=users[1])):
        assert again.pk == final.pk and again.is_final
        assert (again.content_hash, again.finalized_at, again.finalized_by_id, again.snapshot) == (
            final.content_hash, final.finalized_at, final.finalized_by_id, final.snapshot,
        )
    assert_final_once(draft.pk)


def test_double_post_through_the_wizard_gives_two_redirects_to_the_results(workspace, draft, race):
    url = reverse("compliance:assessment_finalize", args=[draft.pk])
    results_url = reverse("compliance:assessment_results", args=[draft.pk])

    clients = [logged_in(workspace.users["lawyer"]), logged_in(workspace.users["owner"])]

    def work(i):
        return clients[i].post(url)

    responses = race(work)
    assert [r.status_code for r in responses] == [302, 302]
    assert [r.url for r in responses] == [results_url, results_url]
    assert_final_once(draft.pk)
    client = logged_in(workspace.users["lawyer"])
    assert client.get(results_url).status_code == 200
    # and a third click, after the fact, lands there too
    response = client.post(url)
    assert response.status_code == 302 and response.url == results_url


def test_double_post_through_the_api_gives_200_twice_with_the_same_record(workspace, draft, race):
    url = reverse("api:assessment-finalize", args=[draft.pk])

    clients = [logged_in(workspace.users["lawyer"]), logged_in(workspace.users["owner"])]

    def work(i):
        return clients[i].post(url)

    responses = race(work)
    assert [r.status_code for r in responses] == [200, 200], [r.content for r in responses]
    bodies = [r.json() for r in responses]
    assert bodies[0] == bodies[1]
    assert bodies[0]["status"] == "final" and bodies[0]["id"] == draft.pk
    final = assert_final_once(draft.pk)
    client = logged_in(workspace.users["lawyer"])
    hashes = set()
    for _ in range(2):
        response = client.post(url)
        assert response.status_code == 200 and response.json() == bodies[0]
        findings = client.get(reverse("api:assessment-findings", args=[draft.pk])).json()
        hashes.add(findings["content_hash"])
    assert hashes == {final.content_hash}
