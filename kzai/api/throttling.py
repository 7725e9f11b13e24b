"""Throttles backed by the cache. Rates come from settings (KZAI_THROTTLE_* in the environment)
and are read on every request, so tests can lower them with the `settings` fixture.

DRF's throttles keep the time of every request in the window and read and write that whole
list on each request: the cost grows with the rate. These count instead (`cache.add` /
`cache.incr`: three cache calls a request, whatever the rate): a window opens with a
client's first request and lasts the rate's period; over the limit, `Retry-After` says when
it closes.
"""

from rest_framework import throttling
from rest_framework.settings import api_settings


class _CountingThrottle:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        self.start = self._window_start()
        # The count's key names its window: a cache whose incr() resets the timeout (the
        # database cache) cannot keep a closed window's count alive.
        count_key = f"{self.key}:{self.start!r}"
        if self.cache.add(count_key, 1, self.duration):
            return True
        try:
            return self.cache.incr(count_key) <= self.num_requests
        except ValueError:  # expired between the two calls
            self.cache.add(count_key, 1, self.duration)
            return True

    def _window_start(self) -> float:
        start_key = f"{self.key}:start"
        start = self.cache.get(start_key)
        if start is None:
            self.cache.add(start_key, self.now, self.duration)
            start = self.cache.get(start_key, self.now)
        return start

    def wait(self):
        return max(1.0, self.start + self.duration - self.now)


class AnonThrottle(_CountingThrottle, throttling.AnonRateThrottle):
    """Anonymous clients, by IP address: KZAI_THROTTLE_ANON (60/min)."""


class UserThrottle(_CountingThrottle, throttling.UserRateThrottle):
    """Signed-in clients (session or token), by user: KZAI_THROTTLE_USER (600/min)."""


class ResolveAnonThrottle(_CountingThrottle, throttling.AnonRateThrottle):
    """Citation resolving for anonymous clients, on top of the general limit: KZAI_THROTTLE_RESOLVE_ANON."""

    scope = "resolve_anon"
