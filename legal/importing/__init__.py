"""The importer of official texts: what `legal.official` read from Adilet's file goes into
the knowledge base, as the official wording of a version of an act (docs/importing.md).

This is the package's face: import from here. `manage.py import_act` and the admin's
upload call `import_official_text`; for an act the knowledge base does not hold yet,
`propose_act` gives its fields from the header and `create_act` creates it once confirmed.
"""

from .acts import create_act, propose_act
from .service import import_official_text
from .types import ATTACHED, NEW_EDITION, UNCHANGED, ImportOptions, ImportRefused, ImportResult

__all__ = [
    "ATTACHED",
    "NEW_EDITION",
    "UNCHANGED",
    "ImportOptions",
    "ImportRefused",
    "ImportResult",
    "create_act",
    "import_official_text",
    "propose_act",
]
