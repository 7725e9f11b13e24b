"""`workspace` in every template: the user's organisations and the current one (lazy)."""

from .access import Workspace


def workspace(request):
    return {"workspace": Workspace(request)}
