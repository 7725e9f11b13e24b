"""The client's side: organisations and their members, AI systems, case records, assessments."""

from .ai_system import AISystem, DeploymentMode, SystemRole
from .assessment import Answer, AnswerEvent, Assessment, AssessmentFinal, AssessmentStatus, Finding
from .case import CaseKind, CaseProvision, CaseRecord, CaseRelation, Technique
from .organization import Membership, Organization, Role
from .questionnaire import (
    CHOICE_KINDS,
    Option,
    Question,
    QuestionKind,
    Questionnaire,
    QuestionnairePublished,
    QuestionnaireStatus,
    Section,
)
from .report import ReportRecord
from .rule import SEVERITY_RANK, AutonomyLevel, Rule, RuleKind, Severity

__all__ = [
    "CHOICE_KINDS",
    "SEVERITY_RANK",
    "AISystem",
    "Answer",
    "AnswerEvent",
    "Assessment",
    "AssessmentFinal",
    "AssessmentStatus",
    "AutonomyLevel",
    "CaseKind",
    "CaseProvision",
    "CaseRecord",
    "CaseRelation",
    "DeploymentMode",
    "Finding",
    "Membership",
    "Option",
    "Organization",
    "Question",
    "QuestionKind",
    "Questionnaire",
    "QuestionnairePublished",
    "QuestionnaireStatus",
    "ReportRecord",
    "Role",
    "Rule",
    "RuleKind",
    "Section",
    "Severity",
    "SystemRole",
    "Technique",
]
