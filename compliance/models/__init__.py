"""The client's side: organisations and their members, AI systems, case records, assessments."""

from .ai_system import AISystem, DeploymentMode, SystemRole
from .organization import Membership, Organization, Role

__all__ = [
    "AISystem",
    "DeploymentMode",
    "Membership",
    "Organization",
    "Role",
    "SystemRole",
]
