"""What the engine returns: a `Citation`, and the reason codes with their messages.

The reason's code (for programs), its English details (for logs) and the message in the
user's language (for people) are kept apart, and so are kzai's own page of a provision and
the act's official publication.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class Citation:
    start: int  # span in the input text, text[start:end] is the reference
    end: int
    text: str
    act: str | None  # act slug, None if unknown/unresolved
    version: str | None  # ActVersion.code the reference was resolved against
    eid: str | None  # e.g. "art_190__para_2"; None for a reference to a whole act
    in_kb: bool  # the provision exists in our knowledge base (that version)
    resolved: bool  # act (and, if named, the unit numbers) understood
    reason_code: str = ""  # "" when resolved and in_kb; else a key of REASON_MESSAGES
    detail: str = ""  # what exactly went wrong, in English, for programs and logs
    permalink: str | None = None  # kzai's page of the provision (or act) when in_kb
    official_url: str | None = None  # the act's official publication, when resolved and known
    title: str = ""  # an article title quoted in the reference («статья 143 «Защита чести…»»)

    @property
    def url(self) -> str | None:
        """Where a link goes: our page when we hold the text, else the official one."""
        return self.permalink if self.in_kb else self.official_url

    @property
    def reason(self) -> str:
        """ "<code>: <details>", or "" when there is no reason (the form callers parse)."""
        return f"{self.reason_code}: {self.detail}" if self.reason_code else ""

    @property
    def reason_message(self) -> str:
        """The reason in the user's language, for people (tooltips, the /cite/ page)."""
        return reason_message(self.reason_code)


#: A message for people per reason code; `Citation.detail` keeps the details (in English)
#: for programs and logs.
REASON_MESSAGES = {
    "malformed": gettext_lazy("Ссылка записана с ошибкой и не распознана"),
    "unknown_act": gettext_lazy("Такого акта нет в базе знаний kzai"),
    "other_act_version": gettext_lazy("Дата или номер акта в ссылке не совпадают с актом базы знаний kzai"),
    "ambiguous_act": gettext_lazy("Название подходит к нескольким актам: уточните акт"),
    "act_not_specified": gettext_lazy("В ссылке не указан акт"),
    "context_mismatch": gettext_lazy("Ссылка не подходит к акту, в тексте которого она стоит"),
    "context_missing": gettext_lazy("Неясно, к какому положению относится ссылка"),
    "no_such_provision": gettext_lazy("Такого положения в этой редакции акта нет"),
    "not_in_kb": gettext_lazy("Этого положения нет в базе знаний kzai"),
}


def reason_message(reason: str) -> str:
    """`unknown_act` (or `unknown_act: «…» is not …`) → «Такого акта нет в базе знаний kzai»,
    in the active language."""
    code = reason.partition(":")[0].strip()
    return str(REASON_MESSAGES.get(code) or gettext_lazy("Ссылка не распознана"))
