"""kzai settings, read from the environment.

Defaults suit local development (`make run`): DEBUG on, an SQLite file under var/.
Production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and usually DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KZAI_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "kzai",
    "legal",
    "compliance",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kzai.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "kzai.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "compliance.context_processors.workspace",
            ],
        },
    },
]

WSGI_APPLICATION = "kzai.wsgi.application"

if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'kzai.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A web server's concurrency on SQLite (docs/architecture.md, "SQLite under a web server"):
    # - timeout: wait up to 20 s for a busy writer instead of failing at once with
    #   "database is locked";
    # - transaction_mode IMMEDIATE: transaction.atomic() takes the write lock when it begins,
    #   so a second writer waits (timeout) instead of failing when its read-only start has to
    #   become a write, and services that lock a row (select_for_update, a no-op on SQLite)
    #   are serialised as on PostgreSQL;
    # - WAL journal: readers do not block the writer nor it them; synchronous=NORMAL is
    #   safe with WAL (a power cut may lose the last commits, never corrupt the database).
    #   An in-memory database (the tests') keeps its own journal mode.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Russian first; Kazakh and English too. UI strings are written in Russian (msgids), so a
# string missing from the kk or en catalogue shows in Russian rather than disappearing.
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", _("Русский")),
    ("kk", _("Қазақша")),
    ("en", _("English")),
]
# One catalogue per part of the project, so each part's strings live beside its code:
# locale/ for the law pages, kzai/locale for the API, compliance/locale (an app's own
# locale/ is found by Django) for the workspace, kzai/pdf/locale for the PDF documents
# (templates/reports/: the printed act and the assessment report share their frame).
LOCALE_PATHS = [
    BASE_DIR / "locale",
    BASE_DIR / "kzai" / "locale",
    BASE_DIR / "kzai" / "pdf" / "locale",
]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# kzai's own login page (templates/registration/); after it, the organisation's workspace.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "compliance:ai_systems"
LOGOUT_REDIRECT_URL = "legal:home"

# Production hardening; `manage.py check --deploy` is clean with DEBUG off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# ------------------------------------------------------------------------------ API
# The REST API (/api/v1/, kzai/api and legal/api; docs/api.md). Throttle counters live in
# the cache: the default local-memory cache is per process, so a server with several
# worker processes sets KZAI_CACHE_URL to a shared cache: "db://kzai_cache" (a table made
# by `manage.py createcachetable`, no extra service) or "redis://127.0.0.1:6379/1" (needs
# the `redis` package).


THROTTLE_PERIODS = {"s", "sec", "second", "m", "min", "minute", "h", "hour", "d", "day"}


def env_throttle_rate(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip() or default
    number, _, period = value.partition("/")
    if not number.isdigit() or period not in THROTTLE_PERIODS:
        raise ImproperlyConfigured(f"{name} must look like 60/min (per s, min, hour or day), not {value!r}")
    return value


def cache_from_url(url: str) -> dict:
    if not url or url.startswith("locmem://"):
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "kzai",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    if url.startswith("db://"):
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": url[5:] or "kzai_cache"}
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(f"KZAI_CACHE_URL must start with locmem://, db:// or redis://, not {url!r}")


CACHES = {"default": cache_from_url(os.environ.get("KZAI_CACHE_URL", "").strip())}

REST_FRAMEWORK = {
    # Token first: a bad token is a 401 with `WWW-Authenticate: Token`, not a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "kzai.api.pagination.PagePagination",
    "DEFAULT_THROTTLE_CLASSES": ["kzai.api.throttling.AnonThrottle", "kzai.api.throttling.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_throttle_rate("KZAI_THROTTLE_ANON", "60/min"),
        "user": env_throttle_rate("KZAI_THROTTLE_USER", "600/min"),
        "resolve_anon": env_throttle_rate("KZAI_THROTTLE_RESOLVE_ANON", "60/min"),
    },
    "EXCEPTION_HANDLER": "kzai.api.exceptions.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "kzai.api.schema.ProblemAutoSchema",
    "URL_FORMAT_OVERRIDE": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "kzai API",
    "DESCRIPTION": (
        "kzai's knowledge base of Kazakhstan's AI regulation (public, read-only: acts, versions, "
        "provisions, terms, prohibited practices, obligations, case records, search, citation "
        "resolving) and the compliance workspace of your organisations (AI systems, private case "
        "records, assessments, findings, PDF reports, report verification). Summaries are kzai's "
        "unofficial summaries, not the text of the law. See docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models have a `kind` or `status` field with their own choices: name each set.
    "ENUM_NAME_OVERRIDES": {
        "ConfidenceEnum": "legal.models.Confidence",
        "ActKindEnum": "legal.models.ActKind",
        "VersionStatusEnum": "legal.models.VersionStatus",
        "CaseKindEnum": "compliance.models.case.CaseKind",
        "QuestionKindEnum": "compliance.models.questionnaire.QuestionKind",
        "QuestionnaireStatusEnum": "compliance.models.questionnaire.QuestionnaireStatus",
        "RuleKindEnum": "compliance.models.rule.RuleKind",
        "AssessmentStatusEnum": "compliance.models.assessment.AssessmentStatus",
    },
}

# A CSRF failure under /api/ is a problem+json 403 like every API error.
CSRF_FAILURE_VIEW = "kzai.api.exceptions.csrf_failure"

# Rendered API answers are cached this long (0: off); see kzai/api/response_cache.py.
KZAI_API_CACHE_SECONDS = env_int("KZAI_API_CACHE_SECONDS", 300)

# A minimal JSON view at /api/floor/ for bench/api.py to compare against; off unless asked.
KZAI_API_FLOOR = env_bool("KZAI_API_FLOOR", False)
