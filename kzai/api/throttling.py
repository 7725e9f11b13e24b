"""Throttles backed by the cache. Rates come from settings (KZAI_THROTTLE_* in the environment)
and are read on every request, so tests can lower them with the `settings` fixture."""

from rest_framework import throttling
from rest_framework.settings import api_settings


class _SettingsRate:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(_SettingsRate, throttling.AnonRateThrottle):
    """Anonymous clients, by IP address: KZAI_THROTTLE_ANON (60/min)."""


class UserThrottle(_SettingsRate, throttling.UserRateThrottle):
    """Signed-in clients (session or token), by user: KZAI_THROTTLE_USER (600/min)."""


class ResolveAnonThrottle(_SettingsRate, throttling.AnonRateThrottle):
    """Citation resolving for anonymous clients, on top of the general limit: KZAI_THROTTLE_RESOLVE_ANON."""

    scope = "resolve_anon"
