"""How the law pages name and show things: labels of structural units ("Статья 21,
пункт 2"), confidence badges, the table of contents (built in Python: an act may have
thousands of units), links to official publications. Plain functions; the template tag
library `kzai` only registers them."""

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext

from kzai.i18n import normalize_language
from kzai.localized import format_date, render_localized
from legal.models import ActKind, Confidence, ProvisionType
from legal.publication import official_urls, translation_urls


def version_date(version):
    """The version's own date with its precision (month-only for the January 2025 draft)."""
    return format_date(version.date, version.date_precision)


def with_role(references, role):
    """`{{ practice.references.all|with_role:"liability" }}`: the (prefetched) references
    of one role, in their order."""
    return [ref for ref in references if ref.role == role]


# ------------------------------------------------------------------ confidence


CONFIDENCE_EXPLANATIONS = {
    Confidence.VERIFIED: lambda: gettext(
        "Номер, название и суть сверены с источником, который приводит сам текст акта "
        "(официальная публикация, Әділет, «Казахстанская правда»)."
    ),
    Confidence.SECONDARY: lambda: gettext(
        "Сведения взяты только из комментариев или новостей об акте; по тексту акта не сверены."
    ),
    Confidence.UNVERIFIED: lambda: gettext(
        "Считается верным, но ни одним из изученных источников не подтверждено."
    ),
}


def confidence_explanation(value):
    explain = CONFIDENCE_EXPLANATIONS.get(value)
    return explain() if explain else ""


def confidence_badge(value, explain=False):
    """`{% confidence_badge provision.confidence %}`; with explain=True the explanation
    follows as visible text (not only a tooltip)."""
    if not value or value not in Confidence.values:
        return ""
    label = Confidence(value).label
    explanation = confidence_explanation(value)
    badge = format_html(
        '<span class="badge confidence confidence-{}" title="{}">{}</span>', value, explanation, label
    )
    if explain:
        return format_html('{} <span class="confidence-explanation">{}</span>', badge, explanation)
    return badge


# --------------------------------------------------------------- unit labels


def unit_name(provision, act_kind: str | None = None) -> str:
    """"Статья 17", "Глава 1", "Пункт 2", "Часть 2" (of a Code article), "Подпункт 1)"."""
    num = provision.num
    kind = provision.type
    is_code = act_kind == ActKind.CODE
    if not num:
        names = {
            ProvisionType.PART: gettext("Часть"),
            ProvisionType.SECTION: gettext("Раздел"),
            ProvisionType.CHAPTER: gettext("Глава"),
            ProvisionType.PARAGRAPH: gettext("Параграф"),
            ProvisionType.ARTICLE: gettext("Статья"),
            ProvisionType.PARA: pgettext("часть статьи кодекса", "Часть") if is_code else gettext("Пункт"),
            ProvisionType.SUBPARA: gettext("Пункт") if is_code else gettext("Подпункт"),
            ProvisionType.DEF: gettext("Определение"),
        }
        return gettext("%(unit)s (номер не установлен)") % {"unit": names.get(kind, kind)}
    formats = {
        ProvisionType.PART: gettext("Часть %(num)s"),
        ProvisionType.SECTION: gettext("Раздел %(num)s"),
        ProvisionType.CHAPTER: gettext("Глава %(num)s"),
        ProvisionType.PARAGRAPH: gettext("Параграф %(num)s"),
        ProvisionType.ARTICLE: gettext("Статья %(num)s"),
        ProvisionType.PARA: (
            pgettext("часть статьи кодекса", "Часть %(num)s") if is_code else gettext("Пункт %(num)s")
        ),
        ProvisionType.SUBPARA: gettext("Пункт %(num)s)") if is_code else gettext("Подпункт %(num)s)"),
        ProvisionType.DEF: gettext("Определение %(num)s)"),
    }
    return formats.get(kind, "%(num)s") % {"num": num}


def short_number(provision) -> str:
    """The compact TOC form: "1." for a paragraph, "1)" for a subparagraph or definition."""
    if not provision.num:
        return gettext("номер не установлен")
    if provision.type == ProvisionType.PARA:
        return f"{provision.num}."
    return f"{provision.num})"


def _title_of(provision):
    """The unit's title; for a definition without one, its Term (if select_related)."""
    title = provision.title
    if not title and provision.type == ProvisionType.DEF:
        term = provision._state.fields_cache.get("term")
        if term is not None:
            return term.term
    return title


def _excerpt(provision, words: int = 14):
    """The start of the unofficial summary, for units without a title (TOC, lists);
    "" when the summary was not loaded (deferred) or is empty."""
    if "summary_ru" in provision.get_deferred_fields():
        return ""
    summary = provision.summary
    if not summary:
        return ""
    excerpt = summary.derive(Truncator(str(summary)).words(words, truncate="…"))
    if excerpt.ours:
        excerpt.ours = "excerpt"  # a line of a list, whose note says excerpts are our summary
    return render_localized(excerpt)


def label_html(provision, act_kind: str | None = None) -> str:
    """Link text of a unit in a TOC: "Статья 17. Правовой режим …", "1.", "1) термин"."""
    title = _title_of(provision)
    if provision.type in (ProvisionType.PARA, ProvisionType.SUBPARA, ProvisionType.DEF) and provision.num:
        prefix = short_number(provision)
        if title:
            return format_html("{} {}", prefix, render_localized(title))
        excerpt = _excerpt(provision)
        if excerpt:
            return format_html('{} <span class="toc-excerpt">{}</span>', prefix, excerpt)
        return conditional_escape(prefix)
    prefix = unit_name(provision, act_kind)
    if title:
        return format_html('{}<span class="sep">. </span>{}', prefix, render_localized(title))
    if not provision.num:
        # "Подпункт (номер не установлен)" six times over says nothing: tell them apart.
        excerpt = _excerpt(provision)
        if excerpt:
            return format_html('{} <span class="toc-excerpt">{}</span>', prefix, excerpt)
    return conditional_escape(prefix)


def unit_label(provision, act_kind=None):
    """`{{ provision|unit_label:act.kind }}` → "Статья 21. Прозрачность …" (HTML)."""
    return label_html(provision, act_kind)


EID_TYPES = {
    "part": ProvisionType.PART,
    "sec": ProvisionType.SECTION,
    "chp": ProvisionType.CHAPTER,
    "subsec": ProvisionType.PARAGRAPH,
    "art": ProvisionType.ARTICLE,
    "para": ProvisionType.PARA,
    "subpara": ProvisionType.SUBPARA,
    "def": ProvisionType.DEF,
}


def _inner_name(kind: str, num: str, is_code: bool) -> str:
    """A unit named inside its article: "пункт 2", "подпункт 4)", "часть 2" (Code)."""
    if kind == ProvisionType.PARA:
        if is_code:
            return pgettext("часть статьи кодекса", "часть %(num)s") % {"num": num}
        return gettext("пункт %(num)s") % {"num": num}
    if kind in (ProvisionType.SUBPARA, ProvisionType.DEF):
        if is_code:
            return gettext("пункт %(num)s)") % {"num": num}
        return gettext("подпункт %(num)s)") % {"num": num}
    return ""


def path_name(provision, act_kind: str | None = None) -> str:
    """The unit's full address within its act: "Статья 21, пункт 2", "Статья 1,
    подпункт 4)", "Глава 1"; a unit whose eid does not spell its numbers (unk_…) falls
    back to its own name ("Статья (номер не установлен)")."""
    parsed = []
    for component in provision.eid.split("__"):
        prefix, _, num = component.partition("_")
        kind = EID_TYPES.get(prefix)
        if kind is None or not num:
            return unit_name(provision, act_kind)
        parsed.append((kind, num))
    if not provision.num or len(parsed) == 1:
        return unit_name(provision, act_kind)
    is_code = act_kind == ActKind.CODE
    head_kind, head_num = parsed[0]
    if head_kind != ProvisionType.ARTICLE:
        return unit_name(provision, act_kind)
    names = [gettext("Статья %(num)s") % {"num": head_num}]
    for kind, num in parsed[1:]:
        inner = _inner_name(kind, num, is_code)
        if not inner:
            return unit_name(provision, act_kind)
        names.append(inner)
    return ", ".join(names)


def unit_heading(provision, act_kind=None):
    """A heading that stands alone: "Статья 21, пункт 2", "Статья 21. Прозрачность …"."""
    title = _title_of(provision)
    prefix = path_name(provision, act_kind)
    if title:
        # "Статья 1, подпункт 4) синтетические результаты": no dot after a closing bracket
        sep = " " if provision.num and prefix.endswith(f"{provision.num})") else ". "
        return format_html('{}<span class="sep">{}</span>{}', prefix, sep, render_localized(title))
    return conditional_escape(prefix)


def provision_ref(provision):
    """A provision of any act, for link lists: "КоАП · Статья 641-1. Нарушение …"."""
    act = provision.version.act
    return format_html(
        '<span class="ref-act">{}</span> · {}',
        render_localized(act.short_name or act.title),
        unit_heading(provision, act.kind),
    )


def unit_name_text(provision, act_kind=None):
    return unit_name(provision, act_kind)


def toc(nodes, base_url, act_kind=None, query="", current_eid=None):
    """The nested table of contents: <ul> lists, a unit with children in an open
    <details> (collapsible without JavaScript). Built in Python for big acts."""
    out: list[str] = []
    suffix = f"/{query}" if query else "/"

    def walk(level_nodes, depth):
        out.append(f'<ul class="toc-level toc-depth-{depth}">')
        for node in level_nodes:
            provision = node.provision
            current = ' aria-current="page"' if provision.eid == current_eid else ""
            link = format_html(
                '<a href="{}{}{}"{}>{}</a>',
                base_url,
                provision.eid,
                suffix,
                mark_safe(current),
                label_html(provision, act_kind),
            )
            css = f"toc-{provision.type}"
            if node.children:
                out.append(f'<li class="{css}"><details open><summary>{link}</summary>')
                walk(node.children, depth + 1)
                out.append("</details></li>")
            else:
                out.append(f'<li class="{css}">{link}</li>')
        out.append("</ul>")

    if nodes:
        walk(nodes, 0)
    return mark_safe("".join(out))


def official_url(act, language):
    """The act's official publication in `language`, else in Russian, else in Kazakh (an
    unofficial translation never: see `translation_url`)."""
    urls = official_urls(act)
    return urls.get(normalize_language(language)) or urls.get("ru") or urls.get("kk") or ""


def official_links(act):
    """[(lang, url)] of the act's official publications (Russian and Kazakh)."""
    return list(official_urls(act).items())


def translation_links(act):
    """[(lang, url)] of the act's unofficial translations (the English text on Adilet)."""
    return list(translation_urls(act).items())
