"""The client's side: organisations and their members, AI systems, case records, assessments."""

from .ai_system import AISystem, DeploymentMode, SystemRole
from .case import CaseKind, CaseProvision, CaseRecord, CaseRelation, Technique
from .organization import Membership, Organization, Role

__all__ = [
    "AISystem",
    "CaseKind",
    "CaseProvision",
    "CaseRecord",
    "CaseRelation",
    "DeploymentMode",
    "Membership",
    "Organization",
    "Role",
    "SystemRole",
    "Technique",
]
