"""Read-side queries for the browsing pages (and the API's reads of the same things).

Every function here runs a fixed number of SQL queries whatever the size of the act:
a whole table of contents is one ordered query, a provision page a dozen. The views
stay thin; the templates only read what these functions return. This face re-exports
the parts: `dates` (the day asked about), `acts`, `provisions` (the provision page),
`references` (practices, obligations); the version in force is legal.versions'.
"""

from legal.versions import version_in_force

from .acts import (
    TERM_FIELDS,
    TOC_FIELDS,
    ActRow,
    act_notes,
    act_rows,
    get_act,
    get_version,
    table_of_contents,
    toc_provisions,
    versions_of,
)
from .dates import InvalidDate, parse_as_of, today
from .provisions import Counterpart, ProvisionPage, RelatedReference, get_provision, provision_page
from .references import (
    ObligationFilter,
    duty_holders,
    get_obligation,
    get_practice,
    obligations,
    practices,
    reference_prefetch,
)

__all__ = [
    "TERM_FIELDS",
    "TOC_FIELDS",
    "ActRow",
    "Counterpart",
    "InvalidDate",
    "ObligationFilter",
    "ProvisionPage",
    "RelatedReference",
    "act_notes",
    "act_rows",
    "duty_holders",
    "get_act",
    "get_obligation",
    "get_practice",
    "get_provision",
    "get_version",
    "obligations",
    "parse_as_of",
    "practices",
    "provision_page",
    "reference_prefetch",
    "table_of_contents",
    "toc_provisions",
    "today",
    "version_in_force",
    "versions_of",
]
