from compliance.case_loader import DEFAULT_PATH, load_cases, read_cases
from legal.management.fixture_command import FixtureLoadCommand


class Command(FixtureLoadCommand):
    help = (
        "Load or update the public case records from fixtures/cases.json (after load_kb). Safe to "
        "re-run: it updates what changed and never touches records users entered; any error changes nothing."
    )
    what = "case records"
    loaded = "Case records loaded"
    default_path = DEFAULT_PATH

    def read(self, path):
        return read_cases(path)

    def load(self, data, progress):
        return load_cases(data, progress)
