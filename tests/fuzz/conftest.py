"""Print the API fuzzer's seed when the run starts (after collection) and again under a
failure, so that any failure can be replayed (tests/fuzz/run_config.py)."""

from pathlib import Path

from .run_config import describe

HERE = Path(__file__).parent


def _fuzzing(items) -> bool:
    return any(Path(item.path).parent == HERE for item in items)


def pytest_collection_modifyitems(session, config, items):
    if _fuzzing(items):
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(describe())


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    failed = terminalreporter.stats.get("failed", [])
    if any((config.rootpath / report.fspath).parent == HERE for report in failed):
        terminalreporter.write_sep("-", "API fuzz failed")
        terminalreporter.write_line(describe())
