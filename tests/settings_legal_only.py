"""kzai without the compliance workspace: the law alone (tests/legal/test_without_workspace.py
runs `check`, `migrate` and the law's page tests with it, to prove that `legal` stands on
its own)."""

import copy

from kzai.settings import *  # noqa: F403
from kzai.settings import INSTALLED_APPS, LOCALE_PATHS, MIDDLEWARE, SPECTACULAR_SETTINGS, TEMPLATES


def _ours(dotted: str) -> bool:
    return dotted == "compliance" or dotted.startswith("compliance.")


INSTALLED_APPS = [app for app in INSTALLED_APPS if not _ours(app)]
MIDDLEWARE = [name for name in MIDDLEWARE if not _ours(name)]
TEMPLATES = copy.deepcopy(TEMPLATES)
for _engine in TEMPLATES:
    _processors = _engine.get("OPTIONS", {}).get("context_processors", [])
    _processors[:] = [name for name in _processors if not _ours(name)]
LOCALE_PATHS = [path for path in LOCALE_PATHS if "compliance" not in path.parts]
LOGIN_REDIRECT_URL = "legal:home"
SPECTACULAR_SETTINGS = {
    **SPECTACULAR_SETTINGS,
    "ENUM_NAME_OVERRIDES": {
        name: target
        for name, target in SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].items()
        if not _ours(target)
    },
}
