"""A synthetic act with N provisions of Russian legal prose, for measuring search."""

import datetime
import random
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from legal.models import Act, ActVersion, Provision, SearchEntry
from legal.search import indexer

SLUG = "synthetic-corpus"

SUBJECTS = [
    "Собственник системы искусственного интеллекта",
    "Владелец системы искусственного интеллекта",
    "Оператор персональных данных",
    "Уполномоченный орган",
    "Разработчик программного обеспечения",
    "Пользователь онлайн-платформы",
    "Государственный орган",
    "Лицо, осуществляющее обработку биометрических данных",
]
VERBS = [
    "обязан обеспечить",
    "вправе осуществлять",
    "не допускает",
    "несёт ответственность за",
    "уведомляет пользователей о",
    "принимает меры по",
    "обеспечивает маркировку",
    "представляет сведения о",
]
OBJECTS = [
    "защиту персональных данных субъектов",
    "распространение синтетических результатов деятельности систем",
    "обработку биометрических данных",
    "безопасность информационных систем",
    "прозрачность алгоритмов и моделей",
    "хранение электронных документов",
    "классификацию систем по уровню риска",
    "распространение ложных сведений, порочащих честь и достоинство",
    "использование объектов авторского права",
    "доступ к общедоступным данным",
]
CONDITIONS = [
    "в порядке, установленном законодательством Республики Казахстан",
    "до начала эксплуатации системы",
    "в течение десяти рабочих дней",
    "при наличии согласия субъекта",
    "за исключением случаев, предусмотренных настоящим Законом",
    "с уведомлением уполномоченного органа",
    "в соответствии с требованиями информационной безопасности",
]
SANCTIONS = [
    "влечёт штраф в размере ста месячных расчётных показателей",
    "влечёт предупреждение или штраф на физических лиц",
    "влечёт административный арест сроком до десяти суток",
]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CONDITIONS)}."


class Command(BaseCommand):
    help = f"(Re)create the synthetic act «{SLUG}» with N provisions of legal prose, indexed for search."

    def add_arguments(self, parser):
        parser.add_argument("--provisions", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch", type=int, default=5_000)

    def handle(self, *args, provisions: int, seed: int, batch: int, verbosity: int, **options):
        rng = random.Random(seed)
        say = self.stdout.write if verbosity >= 1 else (lambda message: None)
        started = time.monotonic()
        with indexer.paused():
            old = Act.objects.filter(slug=SLUG).first()
            if old is not None:
                SearchEntry.objects.filter(act_slug=SLUG).delete()
                Provision.objects.filter(version__act=old).delete()  # cascades terms/texts
                old.delete()
                say(f"Removed the previous {SLUG} ({time.monotonic() - started:.1f} s)")
            act = Act.objects.create(
                slug=SLUG,
                kind="law",
                title_ru="Синтетический корпус для измерения поиска",
                short_name_ru="Синтетический корпус",
                adopted=datetime.date(2020, 1, 1),
                order=999,
            )
            version = ActVersion.objects.create(
                act=act, code="current", status="in_force", in_force_from=datetime.date(2020, 1, 1)
            )
            done = 0
            while done < provisions:
                n = min(batch, provisions - done)
                rows = []
                for i in range(done, done + n):
                    rows.append(
                        Provision(
                            version=version,
                            eid=f"art_{i + 1}",
                            type="article",
                            num=str(i + 1),
                            order=i,
                            title_ru=rng.choice(OBJECTS).capitalize(),
                            summary_ru=" ".join(sentence(rng) for _ in range(rng.randint(2, 4))),
                            sanction_ru=rng.choice(SANCTIONS) if rng.random() < 0.2 else "",
                            confidence="unverified",
                        )
                    )
                with transaction.atomic():
                    created = Provision.objects.bulk_create(rows, batch_size=1000)
                    indexer.index_provisions([p.pk for p in created])
                done += n
                say(f"  {done}/{provisions} provisions ({time.monotonic() - started:.1f} s)")
        say(self.style.SUCCESS(f"{SLUG}: {provisions} provisions in {time.monotonic() - started:.1f} s."))
