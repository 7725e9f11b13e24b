"""Plain factory functions for workspace tests that need no knowledge base: an organisation,
its members, an AI system, and a tiny published questionnaire.

The questionnaire has one section and three questions: `uses_pd` (yes/no), `pd_basis`
(single choice, asked only when `uses_pd` is true) and `notes` (text, optional). It cites no
provisions, so it publishes on an empty database.
"""

import datetime

from django.contrib.auth import get_user_model

from compliance.models import AISystem, Membership, Option, Organization, Question, Questionnaire, Section
from compliance.services import questionnaires

PASSWORD = "correct horse battery staple"


def make_organization(slug="t-org", **fields):
    return Organization.objects.create(slug=slug, **{"name": f"ТОО «{slug}»", **fields})


def make_user(username="t-user", password=PASSWORD):
    return get_user_model().objects.create_user(username, password=password)


def make_member(organization, username="t-lawyer", role="lawyer"):
    """A user with `role` in `organization`."""
    user = make_user(username)
    Membership.objects.create(organization=organization, user=user, role=role)
    return user


def make_ai_system(organization, name="Тестовая система", **fields) -> AISystem:
    return AISystem.objects.create(organization=organization, name=name, **{"roles": ["developer"], **fields})


def make_questionnaire(
    slug="t-tiny", version=1, publish=True, as_of=datetime.date(2025, 1, 1)
) -> Questionnaire:
    """The tiny questionnaire above, published unless `publish` is false."""
    questionnaire = Questionnaire.objects.create(
        slug=slug, version=version, as_of=as_of, title_ru="Малый опросник", title_en="Tiny questionnaire"
    )
    section = Section.objects.create(questionnaire=questionnaire, code="main", title_ru="Данные", order=0)
    Question.objects.create(
        questionnaire=questionnaire, section=section, code="uses_pd", kind="yes_no", order=0,
        text_ru="Обрабатывает ли система персональные данные?",
    )
    basis = Question.objects.create(
        questionnaire=questionnaire, section=section, code="pd_basis", kind="single", order=1,
        text_ru="На каком основании?", visible_if={"eq": ["uses_pd", True]},
    )
    for order, code in enumerate(("consent", "law")):
        Option.objects.create(question=basis, code=code, label_ru=code, order=order)
    Question.objects.create(
        questionnaire=questionnaire, section=section, code="notes", kind="text", order=2, required=False,
        text_ru="Примечания",
    )
    if publish:
        questionnaires.publish(questionnaire)
    return questionnaire
