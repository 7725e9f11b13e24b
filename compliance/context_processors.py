"""`workspace` in every template: the user's organisations and the current one (lazy).

Its presence also tells base.html that the workspace is installed, so the law's pages
link to it (and show the account block) only then."""

from .access import Workspace


def workspace(request):
    return {"workspace": Workspace(request)}
