from legal.fixture_files import DEFAULT_PATH, read_fixture
from legal.kb_loader import load_knowledge_base
from legal.management.fixture_command import FixtureLoadCommand


class Command(FixtureLoadCommand):
    help = (
        "Load or update the knowledge base from fixtures/kb.json. Safe to re-run: it updates what "
        "changed and never touches what editors or users entered; any error changes nothing."
    )
    what = "the knowledge base"
    loaded = "Knowledge base loaded"
    default_path = DEFAULT_PATH

    def read(self, path):
        return read_fixture(path)

    def load(self, data, progress):
        return load_knowledge_base(data, progress)
