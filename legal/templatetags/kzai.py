"""The `kzai` template tag library: registers the display functions of the kernel
(`kzai.localized`: translated text, dates) and of the law (`legal.display`: unit labels,
confidence, the table of contents; `legal.panels`: other apps' sections on its pages).
The functions live there, not here, so Python code (reports, forms) uses them without
importing a template library."""

from django import template

from kzai import localized
from legal import display, panels

register = template.Library()

for name in (
    "ours_note", "loc", "loc_block", "words", "lines", "localized_lines", "kzdate", "host", "language_name",
):
    register.filter(name, getattr(localized, name))
for name in (
    "with_role", "version_date", "confidence_explanation", "unit_label", "unit_heading", "provision_ref",
    "unit_name_text", "official_url", "official_links", "translation_links",
):
    register.filter(name, getattr(display, name))
register.simple_tag(localized.as_of_query, name="as_of_query")
register.simple_tag(display.confidence_badge, name="confidence_badge")
register.simple_tag(display.toc, name="toc")
register.simple_tag(panels.render_panel, takes_context=True, name="panel")
