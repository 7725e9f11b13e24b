""""Print this act": GET /acts/<slug>/<version>/print.pdf[?eids=art_17,art_21][&lang=kk].

Thin: the selection and the document are built by legal.act_print, the PDF
by kzai.pdf.engine (see docs/reports.md).
"""

from django.views.decorators.http import require_GET

from kzai.pdf.engine import RenderError, render_pdf
from kzai.pdf.http import InvalidLanguage, pdf_response, render_failed, report_language
from legal import act_print, selectors
from legal.view_helpers import bad_request


@require_GET
def act_print_pdf(request, slug, version):
    try:
        language = report_language(request)
        eids = act_print.parse_eids(request.GET.get("eids"))
        selection = act_print.select(slug, version, eids)
    except (InvalidLanguage, act_print.SelectionError) as error:
        return bad_request(request, str(error))
    document = act_print.document(selection, language, printed_on=selectors.today())
    try:
        rendered = render_pdf(document)
    except RenderError as error:
        return render_failed(request, error)
    suffix = f"-{'-'.join(selection.eids)}" if selection.eids else ""
    return pdf_response(rendered, f"{slug}-{version}{suffix}-{language}.pdf")
