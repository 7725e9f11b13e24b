"""Pages are Russian unless the reader picks another language with the switcher."""

import pytest

pytestmark = pytest.mark.django_db


def test_russian_by_default_whatever_the_browser_asks(client):
    response = client.get("/acts/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "ru"
    assert '<html lang="ru"' in response.content.decode()
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("language", ["kk", "en"])
def test_the_switcher_choice_is_kept(client, language):
    response = client.post("/i18n/setlang/", {"language": language, "next": "/acts/"})
    assert response.status_code == 302 and response["Location"] == "/acts/"
    page = client.get("/acts/")
    assert page["Content-Language"] == language
    assert f'<html lang="{language}"' in page.content.decode()


def test_unknown_language_cookie_falls_back_to_russian(client):
    client.cookies["django_language"] = "de"
    assert client.get("/acts/")["Content-Language"] == "ru"
