"""The law: acts, versions, provisions, terms, links, prohibited practices, obligations."""

from .act import Act, ActKind, ActVersion, DatePrecision, Numbering, VersionStatus
from .common import Confidence, DutyHolder, Origin
from .fine import FineSchedule, Mrp, OffenderCategory
from .link import LinkKind, LinkOrigin, ProvisionLink, VersionNote
from .obligation import Obligation, ObligationProvision, RiskLevel
from .official import (
    Amendment,
    AmendmentAction,
    EditorialNote,
    EditorialNoteKind,
    OfficialDocument,
    OfficialText,
)
from .practice import PracticeProvision, ProhibitedPractice
from .provision import Provision, ProvisionType, TreeNode, build_tree
from .reference import ReferenceRole
from .search import EntityType, SearchEntry, Synonym
from .term import Term

__all__ = [
    "Act",
    "ActKind",
    "Amendment",
    "AmendmentAction",
    "ActVersion",
    "Confidence",
    "DatePrecision",
    "DutyHolder",
    "EditorialNote",
    "EditorialNoteKind",
    "EntityType",
    "FineSchedule",
    "LinkKind",
    "LinkOrigin",
    "Mrp",
    "Numbering",
    "Obligation",
    "ObligationProvision",
    "OffenderCategory",
    "OfficialDocument",
    "OfficialText",
    "Origin",
    "PracticeProvision",
    "ProhibitedPractice",
    "Provision",
    "ProvisionLink",
    "ProvisionType",
    "ReferenceRole",
    "RiskLevel",
    "SearchEntry",
    "Synonym",
    "Term",
    "TreeNode",
    "VersionNote",
    "VersionStatus",
    "build_tree",
]
