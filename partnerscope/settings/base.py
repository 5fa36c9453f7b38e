"""Django settings shared by every deployment; values come from partnerscope.settings.env."""

from __future__ import annotations

from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

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
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "mozilla_django_oidc",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "partnerscope.apps.common",
    "partnerscope.apps.accounts",
    "partnerscope.apps.partnerships",
    "partnerscope.apps.audit",
    "partnerscope.apps.sevens",
    "partnerscope.apps.network",
    "partnerscope.apps.performance",
    "partnerscope.apps.chains",
    "partnerscope.apps.resources",
    "partnerscope.apps.costs",
    "partnerscope.apps.governance",
    "partnerscope.apps.scrutiny",
    "partnerscope.apps.notifications",
    "partnerscope.apps.findings",
    "partnerscope.apps.actions",
    "partnerscope.apps.flags",
    "partnerscope.apps.replies",
    "partnerscope.apps.strategy",
    "partnerscope.apps.learning",
    "partnerscope.apps.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "partnerscope.apps.common.caching.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "partnerscope.apps.accounts.two_factor.RequireTwoFactorForManagers",
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
    # It holds password hashes and every answer: created 0600 before SQLite first opens it.
    env.private_sqlite_files(str(DATABASES["default"]["NAME"]))
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
    "partnerscope.apps.accounts.single_sign_on.VerifiedEmailBackend",
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

PARTNERSCOPE_ACTION_REMINDER_DAYS_BEFORE = int(env.get("PARTNERSCOPE_ACTION_REMINDER_DAYS_BEFORE"))
PARTNERSCOPE_ACTION_REMINDER_DAYS_AFTER = int(env.get("PARTNERSCOPE_ACTION_REMINDER_DAYS_AFTER"))
LEARNING_MINIMUM_SHARING = int(env.get("PARTNERSCOPE_LEARNING_MINIMUM_SHARING"))
AXES_FAILURE_LIMIT = int(env.get("PARTNERSCOPE_LOCKOUT_FAILURES"))
AXES_COOLOFF_TIME = int(env.get("PARTNERSCOPE_LOCKOUT_MINUTES")) / 60
# Failures count per account name and address together: someone who knows a name cannot
# lock its owner out from everywhere, and one person's mistakes do not lock out colleagues
# behind the same office address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "partnerscope.apps.accounts.addresses.client_address"
PARTNERSCOPE_TRUSTED_PROXY_COUNT = int(env.get("PARTNERSCOPE_TRUSTED_PROXY_COUNT"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# Two-factor sign-in (django-otp): an authenticator app (TOTP), backup codes, passkeys.
PARTNERSCOPE_REQUIRE_2FA_FOR_MANAGERS = env.flag("PARTNERSCOPE_REQUIRE_2FA_FOR_MANAGERS")
OTP_TOTP_ISSUER = "PartnerScope"
PASSKEY_ORIGINS = [
    origin.strip().rstrip("/")
    for origin in env.get("PARTNERSCOPE_PASSKEY_ORIGINS").split(",")
    if origin.strip()
]
OTP_WEBAUTHN_RP_NAME = "PartnerScope"
OTP_WEBAUTHN_RP_ID = urlsplit(PASSKEY_ORIGINS[0]).hostname if PASSKEY_ORIGINS else "localhost"
OTP_WEBAUTHN_ALLOWED_ORIGINS = PASSKEY_ORIGINS
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

# Single sign-on with the organisation's OpenID Connect provider (mozilla-django-oidc): off
# while the issuer or client ID is empty. Accounts are matched by verified e-mail address,
# never created (partnerscope.apps.accounts.single_sign_on).
PARTNERSCOPE_OIDC = {
    "issuer": env.get("PARTNERSCOPE_OIDC_ISSUER").rstrip("/"),
    "client_id": env.get("PARTNERSCOPE_OIDC_CLIENT_ID"),
    "client_secret": env.get("PARTNERSCOPE_OIDC_CLIENT_SECRET"),
    "authorization_endpoint": env.get("PARTNERSCOPE_OIDC_AUTHORIZATION_ENDPOINT"),
    "token_endpoint": env.get("PARTNERSCOPE_OIDC_TOKEN_ENDPOINT"),
    "userinfo_endpoint": env.get("PARTNERSCOPE_OIDC_USERINFO_ENDPOINT"),
    "jwks_uri": env.get("PARTNERSCOPE_OIDC_JWKS_URI"),
    "signing_algorithm": env.get("PARTNERSCOPE_OIDC_SIGNING_ALGORITHM"),
    "button_label": env.get("PARTNERSCOPE_OIDC_BUTTON_LABEL"),
}
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_NONCE = True
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:sso_callback"

EMAIL_BACKEND = env.get("PARTNERSCOPE_EMAIL_BACKEND")
PARTNERSCOPE_BASE_URL = env.get("PARTNERSCOPE_BASE_URL").rstrip("/")

TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS_BACKEND_NAME = env.get("PARTNERSCOPE_TASKS_BACKEND").strip().lower()
if TASKS_BACKEND_NAME not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"PARTNERSCOPE_TASKS_BACKEND is {TASKS_BACKEND_NAME!r}: use database or immediate."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND_NAME]}}
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
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
if env.flag("PARTNERSCOPE_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
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
AUDIT_RETENTION_DAYS = int(env.get("PARTNERSCOPE_AUDIT_RETENTION_DAYS"))
PURGE_AFTER_DAYS = int(env.get("PARTNERSCOPE_PURGE_AFTER_DAYS"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# Data-package imports: who may create a partnership by import, and how large a package may
# be once unzipped (the limits keep an import's memory bounded; see bench/archives.py).
IMPORT_BY_ANY_ACCOUNT = env.flag("PARTNERSCOPE_IMPORT_BY_ANY_ACCOUNT")
IMPORT_MAX_TABLE_BYTES = int(float(env.get("PARTNERSCOPE_IMPORT_MAX_TABLE_MB")) * 1024 * 1024)
IMPORT_MAX_PACKAGE_BYTES = int(float(env.get("PARTNERSCOPE_IMPORT_MAX_PACKAGE_MB")) * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# HSTS preloading (security.W021) is the domain owner's decision for a whole registrable
# domain, which browsers' preload lists require; PartnerScope usually runs on a council's
# subdomain, so it does not claim it (docs/deploy.md).
SILENCED_SYSTEM_CHECKS = ["security.W021"]
