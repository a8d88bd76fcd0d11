"""Settings for the test suite: the project's own, with test-only shortcuts."""

import os
import tempfile

os.environ.setdefault(
    "SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789"
)
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# Absolute links name the site as the test client calls it.
os.environ.setdefault("SITE_URL", "http://testserver")

from newsroom.settings import *  # noqa: E402,F403

# Hashing passwords properly is the slowest thing a test can do.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-private-")
# WhiteNoise serves from the finders; an empty root keeps it from warning.
STATIC_ROOT = tempfile.mkdtemp(prefix="newsroom-test-static-")
WHITENOISE_USE_FINDERS = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
# Tests post the reader forms at once; tests/test_reader_messages.py turns the
# minimum time on the form back on.
FACTCHECK_MIN_FORM_SECONDS = 0
# No test reaches the internet: sources are archived only where
# tests/test_evidence_locker.py turns it on, against its own local server
# (and tests/conftest.py lets no test look a name up in the DNS).
FACTCHECK_ARCHIVE_SOURCES = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Page caching is exercised by tests/test_caching.py; elsewhere every request
# should see the database as the test left it. The app servers that
# tests/servers.py starts turn it on through the environment.
FACTCHECK_PAGE_CACHE_SECONDS = int(os.environ.get("FACTCHECK_PAGE_CACHE_SECONDS", "0"))

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than memory: the live server's threads then open their
    # own connections instead of sharing one, which SQLite does not allow
    # when a browser sends two requests at once.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(
            tempfile.mkdtemp(prefix="newsroom-test-db-"), "test.sqlite3"
        )
    }
