"""`font_subsetter`: run a PDF reproducibility test under both of WeasyPrint's font subsetters.

WeasyPrint subsets the embedded fonts with HarfBuzz when Debian's `libharfbuzz-subset0` is
installed, else with fontTools, which used to date each subset with the time of the
rendering (compliance/reports/engine.py): the same document gave other bytes a second later.
So a test that takes this fixture runs twice:

- `[harfbuzz]`: as a server with the library renders; skipped, saying so, without it;
- `[fonttools]`: as a server without it renders (WeasyPrint's handle on the library is
  hidden for the test, which a forked render worker inherits).

In both, fontTools' clock jumps a minute at each reading (in forked render workers too), so
renderings within one test are "minutes apart" and a date taken from the clock cannot pass
by luck.

Use: `from tests.pdf_subsetters import font_subsetter  # noqa: F401 (the fixture)`.
"""

import multiprocessing
import time

import pytest
import weasyprint.pdf.fonts
from fontTools.misc import timeTools

MISSING_HARFBUZZ_SUBSET = (
    "HarfBuzz font subsetter not tested: the library is not installed "
    "(Debian: apt-get install libharfbuzz-subset0); WeasyPrint uses fontTools here, "
    "which the [fonttools] case tests"
)


class RunningClock:
    """`time` for fontTools' timeTools: time.time() is a minute later at each reading, in
    this process and in the render workers it forks (the count is in shared memory)."""

    def __init__(self):
        self.start = time.time()
        self.readings = multiprocessing.Value("q", 0)

    def time(self) -> float:
        with self.readings.get_lock():
            self.readings.value += 1
            return self.start + 60 * self.readings.value

    def __getattr__(self, name):
        return getattr(time, name)


@pytest.fixture(params=["harfbuzz", "fonttools"])
def font_subsetter(request, monkeypatch) -> str:
    if request.param == "harfbuzz":
        if weasyprint.pdf.fonts.harfbuzz_subset is None:
            pytest.skip(MISSING_HARFBUZZ_SUBSET)
    else:
        monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    monkeypatch.setattr(timeTools, "time", RunningClock())
    return request.param
