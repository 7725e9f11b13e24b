"""Related panels: sections another app adds to the law's pages (say, the case records
on a provision) without `legal` knowing that app.

The law is the lower layer: it must run, and be tested, without the apps built on it. So
instead of importing them, it offers slots. An app registers a panel for a page kind from
its `AppConfig.ready()`; the page's view collects the panels with their context (their
queries run in the view, like the page's own), and the template renders them in
registration order with `{% panel p %}` (legal/templatetags/kzai.py). An app not
installed registers nothing, and its sections are simply absent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

PAGES = ("provision", "practice", "obligation")

# (request, the page's object: a Provision, ProhibitedPractice or Obligation) → template context
ContextFunction = Callable[[HttpRequest, Any], dict]


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    context: ContextFunction


@dataclass(frozen=True)
class FilledPanel:
    """A panel ready for the template: its template and the context computed for one page."""

    template: str
    context: dict


_panels: dict[str, dict[str, Panel]] = {page: {} for page in PAGES}


def register(page: str, name: str, template: str, context: ContextFunction) -> None:
    """Add a panel to every page of kind `page`. Registering a name again replaces the
    panel in its place, so a `ready()` run twice does not show a section twice."""
    if page not in _panels:
        raise ValueError(f"no panels on {page!r} pages; the pages with panels are {', '.join(PAGES)}")
    _panels[page][name] = Panel(name, template, context)


def unregister(page: str, name: str) -> None:
    _panels[page].pop(name, None)


def panels_of(page: str) -> list[Panel]:
    return list(_panels[page].values())


def collect(page: str, request: HttpRequest, obj) -> list[FilledPanel]:
    """The panels of a `page` showing `obj`, with their context, in registration order."""
    return [FilledPanel(panel.template, panel.context(request, obj)) for panel in _panels[page].values()]


def render_panel(context, panel: FilledPanel) -> str:
    """`{% panel p %}`: the panel's template, seeing the page's context plus its own (as
    `{% include %}` would, but with a context that the page does not know the keys of)."""
    with context.push(panel.context):
        return context.template.engine.get_template(panel.template).render(context)
