"""Settings for the newsroom project, read from the environment.

Without any variables set (and ``DEBUG=1``) the site runs on one machine: SQLite
under ``var/``, a local-memory cache and uploads on disk. Production sets
``SECRET_KEY``, ``DATABASE_URL``, ``REDIS_URL`` and ``ALLOWED_HOSTS``; the README
lists every variable.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    """Read a yes/no variable; anything but 1/true/yes/on counts as off."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated variable into a list, ignoring blanks."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    # Prefixed so that `check --deploy` flags it if it ever reaches production.
    SECRET_KEY = "django-insecure-dev-only-newsroom-key-do-not-use-in-production"
# Without DEBUG an unset key stays empty: Django then refuses to sign anything
# (a session, a CSRF token, a preview link) and `check --deploy` names the fix
# (factcheck.E001), while commands that sign nothing (makemigrations, the
# tools that read the code) still run without secrets.

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

#: Absolute base URL of the public site, for links made outside a request
#: (the importer's admin link, feeds for partners, social cards).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get("SITE_NAME", "The Fact Desk")

INSTALLED_APPS = [
    # Django's admin on the newsroom's own site (its two-factor sign-in).
    "factcheck.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so runserver serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_prose_editor",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    "factcheck",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # ETags for every page, and 304s for browsers that already have it.
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsroom.sessions.IdleTimeoutMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "factcheck.context_processors.site",
            ],
        },
    },
]

if not os.environ.get("DATABASE_URL"):
    # The embedded default: a SQLite file that works on a bare machine.
    VAR_DIR.mkdir(parents=True, exist_ok=True)

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'newsroom.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A web page's queries are short: compiling them (PostgreSQL's JIT, on
    # for plans it deems costly) adds hundreds of milliseconds, never saves.
    # With the server away or stuck, a request gives up after a few seconds
    # (and gets the 503 page) instead of holding a worker; CONN_HEALTH_CHECKS
    # above replaces a dead connection on the next request, so the site
    # recovers by itself. Bulk commands lift the statement limit (synthetic).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")),
        options="-c jit=off -c statement_timeout="
        + os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "30000"),
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "newsroom.redis_cache.PooledRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

#: Seconds reader pages stay in the cache; a change readers can see drops
#: the pages showing it at once (factcheck.caching). On by default with
#: Redis: the local-memory cache is per process, so other workers would not
#: see a change drop their copies.
FACTCHECK_PAGE_CACHE_SECONDS = int(
    os.environ.get("FACTCHECK_PAGE_CACHE_SECONDS", "300" if REDIS_URL else "0")
)
#: After a change, how long other processes may serve a page's previous
#: version while one process rebuilds it (no stampede on publication).
FACTCHECK_STALE_SECONDS = int(os.environ.get("FACTCHECK_STALE_SECONDS", "10"))

# Reader tips and error reports: a per-client hourly cap. Behind a proxy that
# puts the client's address in a header, name it (e.g. HTTP_X_REAL_IP).
FACTCHECK_READER_MESSAGES_PER_HOUR = int(
    os.environ.get("FACTCHECK_READER_MESSAGES_PER_HOUR", "10")
)
FACTCHECK_CLIENT_IP_HEADER = os.environ.get("FACTCHECK_CLIENT_IP_HEADER", "REMOTE_ADDR")
#: Days a reader's name and email are kept (``anonymise_reader_messages``).
FACTCHECK_READER_CONTACT_DAYS = int(
    os.environ.get("FACTCHECK_READER_CONTACT_DAYS", "180")
)
#: A reader form sent sooner than this after it was shown is refused (0: off).
FACTCHECK_MIN_FORM_SECONDS = float(os.environ.get("FACTCHECK_MIN_FORM_SECONDS", "2"))

# The admin door. django-axes counts failed sign-ins per account and, apart,
# per client address (the same one the reader-message limit uses): after
# AXES_FAILURE_LIMIT of either, that account or address waits out the
# cool-off, and an editor can lift it sooner by deleting the access attempt
# in the admin. A success clears the account's count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "factcheck.throttle.client_address"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False

# Staff sessions end after SESSION_IDLE_MINUTES without a request
# (newsroom.sessions renews them; readers have no session, so pay nothing).
SESSION_COOKIE_AGE = 60 * int(os.environ.get("SESSION_IDLE_MINUTES", "120"))

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The publication's language, for every reader alike: pages are cached per URL,
# so they must not follow each browser's Accept-Language. Articles in other
# languages say so themselves (FactCheck.language).
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en")
LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("de", "German"),
    ("pt", "Portuguese"),
    ("hi", "Hindi"),
    ("ar", "Arabic"),
]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
#: Readers' screenshots: never served from MEDIA_URL, only to editors through
#: the admin (``factcheck.admin.records``), so kept outside MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        # Hashed names let browsers and CDNs cache static files forever.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Media on S3-compatible storage when a bucket is named; django-storages
    # reads AWS_S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID and friends from the env.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL"),
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN"),
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL"),
            "location": "private",
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Background jobs (factcheck.jobs): Django's tasks framework over a queue in
# the project's database, with or without Redis, so a job commits with the
# change that causes it and no Redis outage can lose one. Workers:
# `manage.py db_worker` on any machine that reaches the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Email: printed to the console while DEBUG is on, SMTP otherwise.
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_BACKEND_PATH = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else SMTP_BACKEND,
)
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH == SMTP_BACKEND:
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS"),
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
#: Where readers can write to the desk, named when a form turns them away.
FACTCHECK_CONTACT_EMAIL = os.environ.get("FACTCHECK_CONTACT_EMAIL", DEFAULT_FROM_EMAIL)
#: The currency the funding page's amount bands are in (an ISO 4217 code).
FACTCHECK_CURRENCY = os.environ.get("FACTCHECK_CURRENCY", "EUR")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Editorial workflow (factcheck.workflow and factcheck.gate).
# Four-eyes rule: nobody publishes what they wrote. One-person desks turn it off.
FACTCHECK_ALLOW_SELF_PUBLISH = env_bool("FACTCHECK_ALLOW_SELF_PUBLISH")
#: Editors who must agree on each claim's rating before it is published; the
#: publishing editor counts as one, so 1 needs no votes (PolitiFact uses 3).
FACTCHECK_PANEL_VOTES = max(int(os.environ.get("FACTCHECK_PANEL_VOTES", "1")), 1)
#: Sources each claim needs before publication; a source not tied to one
#: claim counts for all of them (AFP asks for two independent ones).
FACTCHECK_MIN_SOURCES_PER_CLAIM = int(
    os.environ.get("FACTCHECK_MIN_SOURCES_PER_CLAIM", "1")
)
#: How often an open fact-check form tells the desk it is still open, and
#: hears who else has the article open and whether someone saved it.
FACTCHECK_PRESENCE_SECONDS = int(os.environ.get("FACTCHECK_PRESENCE_SECONDS", "15"))
#: Whether every claim with a claimant needs a logged attempt to reach them
#: (the right of reply) before review and publication.
FACTCHECK_REQUIRE_REPLY_ATTEMPT = env_bool("FACTCHECK_REQUIRE_REPLY_ATTEMPT")

# Uploads: checked and re-encoded by factcheck.images before they are stored.
FACTCHECK_MAX_IMAGE_BYTES = int(
    os.environ.get("FACTCHECK_MAX_IMAGE_BYTES", 10 * 1024 * 1024)
)
FACTCHECK_MAX_IMAGE_PIXELS = int(
    os.environ.get("FACTCHECK_MAX_IMAGE_PIXELS", 40_000_000)
)
#: A reader's screenshot: smaller than an editor's photo, and the same checks.
FACTCHECK_MAX_SCREENSHOT_BYTES = int(
    os.environ.get("FACTCHECK_MAX_SCREENSHOT_BYTES", 5 * 1024 * 1024)
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The evidence locker (factcheck.locker, factcheck.fetching): a copy of every
# source's URL, fetched by a background job when the source is added and at
# publication, and re-checked by `manage.py check_sources` from cron.
FACTCHECK_ARCHIVE_SOURCES = env_bool("FACTCHECK_ARCHIVE_SOURCES", True)
#: Seconds to connect, and to wait for each read.
FACTCHECK_FETCH_TIMEOUT = float(os.environ.get("FACTCHECK_FETCH_TIMEOUT", "10"))
#: Seconds a whole fetch (redirects included) may take: a slow drip is cut off.
FACTCHECK_FETCH_DEADLINE = float(os.environ.get("FACTCHECK_FETCH_DEADLINE", "30"))
#: The largest page archived; a larger one is recorded as too large.
FACTCHECK_FETCH_MAX_BYTES = int(
    os.environ.get("FACTCHECK_FETCH_MAX_BYTES", 10 * 1024 * 1024)
)
#: Networks fetched although not public (comma-separated, e.g. a test
#: server's 127.0.0.1/32). Empty: private, loopback, link-local and reserved
#: addresses are refused, so a source cannot reach inside the newsroom.
FACTCHECK_FETCH_ALLOW_ADDRESSES = env_list("FACTCHECK_FETCH_ALLOW_ADDRESSES")

# Security: on by default unless DEBUG; a TLS-terminating proxy sets
# X-Forwarded-Proto, which SECURE_PROXY_SSL_HEADER trusts.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Cookies only over HTTPS; a benchmark signing in over plain HTTP on
# 127.0.0.1 turns this off.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

#: Where media is served from when it is not this site (a bucket's domain).
MEDIA_ORIGINS = [
    f"{url.scheme}://{url.netloc}"
    for url in [urlsplit(MEDIA_URL)]
    if url.scheme in ("http", "https")
] + (
    [f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"]
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN")
    else []
)
#: Content-Security-Policy (Django's own middleware). Scripts come from this
#: origin only, so nothing a sanitiser slip could inject would run. Reader
#: pages carry no script of any kind (and are cached, so could not carry a
#: per-request nonce); in the admin the one inline element, the rich-text
#: editor's import map, gets the request's nonce, which the header names only
#: when a page used it. Inline ``style`` *attributes* are
#: allowed (the rating colours are custom properties set per element), inline
#: ``<style>`` elements are not. The embeddable card relaxes
#: ``frame-ancestors`` (factcheck.views.sharing).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The rich-text editor (Tiptap, inside django-prose-editor) injects its base
    # stylesheet as a <style> element: its hash admits that one sheet and no
    # other. An upgrade that changes it fails the browser tests, which fail on
    # any policy violation; the new hash is in their message.
    "style-src": [CSP.SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", *MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
#: Browser features no page of ours uses, denied to it and to any frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {
            "handlers": ["console"],
            "level": os.environ.get("LOG_LEVEL", "INFO"),
            "propagate": False,
        }
    },
}
