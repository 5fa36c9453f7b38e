"""Django settings shared by every deployment; values come from partnerscope.settings.env."""

from __future__ import annotations

import dj_database_url
from csp.constants import NONE, SELF

from partnerscope.settings import env

BASE_DIR = env.PROJECT_DIR
SECRET_KEY = env.secret_key()
DEBUG = env.flag("PARTNERSCOPE_DEBUG")
ALLOWED_HOSTS = [host.strip() for host in env.get("PARTNERSCOPE_ALLOWED_HOSTS").split(",")]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "csp",
    "partnerscope.apps.common",
    "partnerscope.apps.accounts",
    "partnerscope.apps.partnerships",
    "partnerscope.apps.sevens",
    "partnerscope.apps.network",
    "partnerscope.apps.performance",
    "partnerscope.apps.chains",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "partnerscope.urls"
WSGI_APPLICATION = "partnerscope.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partnerscope.apps.common.context_processors.site",
            ],
        },
    }
]

DATABASES = {"default": dj_database_url.parse(env.database_url(), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
    }
    # Each server thread keeps its connection for a minute, as on PostgreSQL: opening one
    # for every request, with its pragmas and functions, took 3-5 ms of a survey page's
    # 7-12 ms of processor time (bench/survey_load.py).
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles each status-refresh query (a batch's values, grouped by
    # series) for 15-40 ms and then saves less than that; no query here gains from it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "partnerships:list"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = int(env.get("PARTNERSCOPE_LOCKOUT_FAILURES"))
AXES_COOLOFF_TIME = int(env.get("PARTNERSCOPE_LOCKOUT_MINUTES")) / 60
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

EMAIL_BACKEND = env.get("PARTNERSCOPE_EMAIL_BACKEND")
DEFAULT_FROM_EMAIL = env.get("PARTNERSCOPE_DEFAULT_FROM_EMAIL")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.data_dir() / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [
    ("govuk", BASE_DIR / "frontend" / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    ("build", BASE_DIR / "frontend" / "build"),
    ("htmx", BASE_DIR / "frontend" / "node_modules" / "htmx.org" / "dist"),
    ("cytoscape", BASE_DIR / "frontend" / "node_modules" / "cytoscape" / "dist"),
]
WHITENOISE_USE_FINDERS = True
WHITENOISE_MIMETYPES = {".mjs": "text/javascript"}
WHITENOISE_AUTOREFRESH = DEBUG

SECURE = env.flag("PARTNERSCOPE_SECURE")
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

ANONYMITY_THRESHOLD_DEFAULT = 5
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Sign-in lock-out is deliberately per account name: a shared office address must not lock
# out every colleague after one person's mistakes.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
