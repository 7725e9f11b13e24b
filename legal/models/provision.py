"""Provisions: the structural units of one version of an act, as a tree in document order."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kzai.i18n import translated

from .act import ActVersion
from .common import CasefoldSearchable, DutyHolder, Origin, OurTranslations, Sourced

# Akoma Ntoso style: components joined by "__", each "<type>_<number or name>";
# article numbers keep their dash (art_73-3), unknown draft units start with unk_.
EID_RE = re.compile(r"^[a-z]+(?:_[0-9A-Za-z-]+)*(?:__[a-z]+(?:_[0-9A-Za-z-]+)*)*$")


class ProvisionType(models.TextChoices):
    PART = "part", _("часть (раздел кодекса)")
    SECTION = "section", _("раздел")
    CHAPTER = "chapter", _("глава")
    PARAGRAPH = "paragraph", _("параграф")
    ARTICLE = "article", _("статья")
    PARA = "para", _("пункт / часть статьи")
    SUBPARA = "subpara", _("подпункт / пункт части")
    DEF = "def", _("определение")
    NOTE = "note", _("примечание (часть текста акта)")


class ProvisionQuerySet(models.QuerySet):
    def in_document_order(self):
        return self.order_by("order")

    def for_display(self):
        """Everything a provision page or a table of contents shows, without N+1."""
        return self.select_related("version__act").prefetch_related("duty_holders")


class Provision(
    translated("title", _("заголовок")),
    translated("summary", _("неофициальное изложение"), text=True),
    translated("sanction", _("санкция"), text=True),
    translated("status_note", _("примечание о статусе"), text=True),
    translated("title_note", _("наша пометка к заголовку"), text=True),
    OurTranslations,
    CasefoldSearchable,
    Sourced,
    models.Model,
):
    """One unit (chapter, article, paragraph …) of one version of an act.

    The eid is stable across versions (`art_21__para_2`), so the same provision in a
    draft and in the adopted text can be compared. `order` is the document order within
    the version, so a whole table of contents is one ordered query.
    """

    version = models.ForeignKey(
        ActVersion, on_delete=models.CASCADE, related_name="provisions", verbose_name=_("редакция")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("входит в"),
    )
    eid = models.CharField(_("eid"), max_length=200)
    type = models.CharField(_("вид"), max_length=12, choices=ProvisionType.choices)
    num = models.CharField(_("номер"), max_length=40, blank=True, help_text=_("Пусто — номер не установлен."))
    order = models.PositiveIntegerField(_("порядок в документе"), default=0)
    depth = models.PositiveSmallIntegerField(_("уровень"), default=0, editable=False)
    path = models.TextField(
        _("путь"),
        blank=True,
        default="",
        editable=False,
        help_text=_("eid предков через «/», от внешнего к ближайшему: одна выборка для навигации."),
    )
    duty_holders = models.ManyToManyField(
        DutyHolder, blank=True, related_name="provisions", verbose_name=_("на кого возложено")
    )
    origin = models.CharField(
        _("происхождение"), max_length=10, choices=Origin.choices, default=Origin.EDITOR
    )
    repealed = models.BooleanField(
        _("исключено"), default=False, help_text=_("Официальный текст говорит, что единица исключена.")
    )
    summary_outdated = models.BooleanField(
        _("изложение может быть устаревшим"),
        default=False,
        help_text=_("Официальный текст изменился после того, как изложение было составлено."),
    )

    objects = ProvisionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "path"])

    class Meta:
        ordering = ["version", "order"]
        verbose_name = _("положение")
        verbose_name_plural = _("положения")
        constraints = [
            models.UniqueConstraint(fields=["version", "eid"], name="unique_eid_per_version"),
        ]
        indexes = [models.Index(fields=["version", "order"], name="provision_document_order")]

    def __str__(self):
        return f"{self.version.act} {self.eid}"

    def natural_key(self):
        return (self.version.act.slug, self.version.code, self.eid)

    def get_absolute_url(self):
        return reverse("legal:provision", args=[self.version.act.slug, self.version.code, self.eid])

    def searchable_parts(self):
        return [
            self.eid,
            self.num,
            self.title_ru,
            self.title_kk,
            self.title_en,
            self.summary_ru,
            self.summary_kk,
            self.summary_en,
        ]

    def clean(self):
        if self.eid and not EID_RE.match(self.eid):
            raise ValidationError({"eid": _("eid в стиле Akoma Ntoso: art_21__para_2, chp_1, art_73-3.")})
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("Положение не может входить само в себя.")})
            if self.parent.version_id != self.version_id:
                raise ValidationError({"parent": _("Родитель должен быть из той же редакции.")})
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk:
                    raise ValidationError({"parent": _("Цикл в структуре положений.")})
                ancestor = ancestor.parent

    def save(self, *args, **kwargs):
        self.path, self.depth = self.position_under(self.parent if self.parent_id else None)
        previous = None
        if self.pk:
            previous = Provision.objects.filter(pk=self.pk).values_list("eid", "path").first()
        super().save(*args, **kwargs)
        if previous and previous != (self.eid, self.path):
            for child in self.children.all():
                child.save()

    @staticmethod
    def position_under(parent: "Provision | None") -> tuple[str, int]:
        """(path, depth) of a provision placed under `parent`: for bulk creation too."""
        if parent is None:
            return "", 0
        return (f"{parent.path}/{parent.eid}" if parent.path else parent.eid), parent.depth + 1

    @property
    def defined_term(self):
        """The Term this unit defines, or None (after select_related("term"): no query)."""
        try:
            return self.term
        except ObjectDoesNotExist:
            return None

    @property
    def number_established(self) -> bool:
        return bool(self.num)

    def ancestors(self) -> list["Provision"]:
        """The enclosing units, outermost first, in one query whatever the depth."""
        if not self.path:
            return []
        eids = self.path.split("/")
        found = {p.eid: p for p in Provision.objects.filter(version_id=self.version_id, eid__in=eids)}
        return [found[eid] for eid in eids if eid in found]


@dataclass
class TreeNode:
    provision: Provision
    children: list["TreeNode"] = field(default_factory=list)


def build_tree(provisions) -> list[TreeNode]:
    """Nest provisions given in document order (one query) into their tree."""
    nodes: dict[int, TreeNode] = {}
    roots: list[TreeNode] = []
    for provision in provisions:
        node = nodes[provision.pk] = TreeNode(provision)
        parent = nodes.get(provision.parent_id)
        (parent.children if parent else roots).append(node)
    return roots
