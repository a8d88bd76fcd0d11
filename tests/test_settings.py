"""Configuration comes from the environment and is safe in production."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "SECRET_KEY": "k3y-for-the-deploy-check-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG",
    "ALLOWED_HOSTS": "factcheck.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://factcheck.example.org",
    "DATABASE_URL": "postgres://newsroom@db.internal:5432/newsroom",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "SITE_URL": "https://factcheck.example.org",
}


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            **env,
        },
        timeout=60,
    )


def test_without_debug_and_without_a_secret_key_nothing_is_signed(tmp_path):
    env = {"VAR_DIR": str(tmp_path)}
    result = manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert (
        "(factcheck.E001) SECRET_KEY is not set: set it in the environment, or set "
        "DEBUG=1 for local work." in result.stderr
    )
    signed = manage(
        "shell", "-c", "from django.core import signing; signing.dumps(1)", env=env
    )
    assert signed.returncode != 0
    assert "The SECRET_KEY setting must not be empty" in signed.stderr
    # What reads only the code needs no secret.
    migrations = manage("makemigrations", "--check", "--dry-run", env=env)
    assert migrations.returncode == 0, migrations.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION, "VAR_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_local_site_url_is_flagged_for_production(tmp_path):
    env = {**PRODUCTION, "VAR_DIR": str(tmp_path)}
    del env["SITE_URL"]
    result = manage("check", "--deploy", env=env)
    assert "factcheck.W001" in result.stderr + result.stdout


def test_the_dev_key_is_flagged_if_it_ever_reaches_production(tmp_path):
    env = {**PRODUCTION, "DEBUG": "1", "VAR_DIR": str(tmp_path)}
    del env["SECRET_KEY"]
    result = manage("check", "--deploy", env=env)
    assert "security.W009" in result.stderr + result.stdout


def test_database_and_cache_come_from_the_environment(tmp_path):
    script = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST']);"
        "print(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION']);"
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS)"
    )
    result = manage("shell", "--no-imports", "-c", script, env=PRODUCTION)
    assert result.stdout.splitlines() == [
        "django.db.backends.postgresql db.internal",
        "newsroom.redis_cache.PooledRedisCache redis://cache.internal:6379/0",
        "False ['factcheck.example.org'] ['https://factcheck.example.org']",
    ]


def test_the_embedded_defaults_need_no_services(tmp_path):
    script = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.CACHES['default']['BACKEND'])"
    )
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        script,
        env={"DEBUG": "1", "VAR_DIR": str(tmp_path)},
    )
    assert result.stdout.splitlines() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_media_go_to_s3_when_a_bucket_is_named(tmp_path):
    script = (
        "from django.core.files.storage import default_storage as d;"
        "d._setup(); print(type(d._wrapped).__name__, d._wrapped.bucket_name)"
    )
    env = {**PRODUCTION, "AWS_STORAGE_BUCKET_NAME": "newsroom-media"}
    result = manage("shell", "--no-imports", "-c", script, env=env)
    assert result.stdout.strip() == "S3Storage newsroom-media", result.stderr


def test_a_newsroom_in_another_language_needs_no_new_migration(tmp_path):
    env = {"DEBUG": "1", "LANGUAGE_CODE": "fr", "VAR_DIR": str(tmp_path)}
    result = manage("makemigrations", "--check", "--dry-run", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_redis_cache_keeps_one_client_per_pool():
    """Building a Redis client costs more than a cached page's round trip."""
    from newsroom.redis_cache import PooledRedisCache

    backend = PooledRedisCache("redis://127.0.0.1:6379/15", {})._cache
    assert backend.get_client(write=True) is backend.get_client(write=False)


def test_postgresql_connections_turn_the_jit_off():
    script = "from django.conf import settings as s; print(s.DATABASES['default']['OPTIONS'])"
    result = manage("shell", "--no-imports", "-c", script, env=PRODUCTION)
    assert "-c jit=off" in result.stdout
