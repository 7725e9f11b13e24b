"""The workspace's sections on the law's pages (legal.panels): the case records that cite a
provision or involve a prohibited practice. Registered by ComplianceConfig.ready(), so
`legal` shows them without importing the workspace."""

from legal import panels

from . import selectors

CASES_TEMPLATE = "compliance/includes/case_mentions.html"


def provision_cases(request, provision) -> dict:
    return {"cases": selectors.cases_of_provision(request.user, provision)}


def practice_cases(request, practice) -> dict:
    return {"cases": selectors.cases_of_practice(request.user, practice)}


def register() -> None:
    panels.register("provision", "compliance.cases", CASES_TEMPLATE, provision_cases)
    panels.register("practice", "compliance.cases", CASES_TEMPLATE, practice_cases)
