"""Backups that restore: an archive made here brings a wiped instance back.

The restored instance is another database and another media folder, opened
by a separate process, as on the day it is needed.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from factcheck import editing, workflow
from factcheck.models import Correction, FactCheck, ReaderMessage, TransitionLog
from tests import servers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

APPS = ["factcheck", "auth", "django_tasks_database"]


def manage(*command, environment):
    return subprocess.run(
        [sys.executable, str(Path(servers.ROOT, "manage.py")), *command],
        env={
            **os.environ,
            # The project's own settings: a new instance, not a test one.
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DEBUG": "1",
            **environment,
        },
        capture_output=True,
        text=True,
        cwd=servers.ROOT,
    )


def media_digests(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in Path(root).rglob("*")
        if path.is_file()
    }


@pytest.fixture
def empty_instance(tmp_path):
    """A new database and media folders, as after a disk was lost.

    The private folder (readers' screenshots) sits beside ``media``.
    """
    media = tmp_path / "media"
    media.mkdir()
    (tmp_path / "private").mkdir()
    private = {"PRIVATE_MEDIA_ROOT": str(tmp_path / "private")}
    if connection.vendor == "sqlite":
        url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        yield {"DATABASE_URL": url, **private}, media
        return
    name = f"restored_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    url = servers.test_database_url().rsplit("/", 1)[0] + "/" + name
    yield {"DATABASE_URL": url, "MEDIA_ROOT": str(media), **private}, media
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def everything(output):
    return sorted(json.loads(output), key=lambda row: (row["model"], str(row["pk"])))


def test_a_wiped_instance_comes_back_whole(
    live, revision, editor, empty_instance, tmp_path, png_upload
):
    environment, media = empty_instance
    environment.setdefault("MEDIA_ROOT", str(media))
    ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.TIP, message="See this", screenshot=png_upload()
    )
    editing.issue_correction(
        factcheck=live,
        user=editor,
        kind=Correction.Kind.CORRECTION,
        text="A date fixed.",
    )
    workflow.submit_for_review(revision, revision.authors.first())
    archive = tmp_path / "newsroom.tar.gz"

    call_command("backup", str(archive), stdout=io.StringIO())

    before = io.StringIO()
    call_command("dumpdata", *APPS, stdout=before)
    restored = manage("restore", str(archive), environment=environment)
    assert restored.returncode == 0, restored.stderr
    after = manage("dumpdata", *APPS, environment=environment)
    assert after.returncode == 0, after.stderr
    rows = everything(before.getvalue())
    assert rows == everything(after.stdout)
    models = {row["model"] for row in rows}
    assert {
        "factcheck.factcheck",
        "factcheck.transitionlog",
        "factcheck.correction",
    } <= models
    assert FactCheck.objects.count() >= 2 and TransitionLog.objects.exists()
    assert media_digests(media) == media_digests(settings.MEDIA_ROOT)
    private = media_digests(environment["PRIVATE_MEDIA_ROOT"])
    assert private == media_digests(settings.PRIVATE_MEDIA_ROOT)
    assert ReaderMessage.objects.get().screenshot.name in private
    assert any(
        name.endswith(".png") or name.endswith(".jpg") for name in media_digests(media)
    )


def test_restore_refuses_a_database_that_is_not_empty(live, tmp_path):
    archive = tmp_path / "newsroom.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    count = FactCheck.objects.count()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))
    assert FactCheck.objects.count() == count


def test_restore_refuses_what_is_not_a_whole_archive(empty_instance, tmp_path, live):
    environment, media = empty_instance
    environment.setdefault("MEDIA_ROOT", str(media))
    not_an_archive = tmp_path / "notes.tar.gz"
    not_an_archive.write_text("hello")
    damaged = tmp_path / "damaged.tar.gz"
    call_command("backup", str(tmp_path / "good.tar.gz"), stdout=io.StringIO())
    with (
        tarfile.open(tmp_path / "good.tar.gz") as good,
        tarfile.open(damaged, "w:gz") as bad,
    ):
        for member in good.getmembers():
            data = good.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data[:-1] + b"!"  # one byte changed
            member.size = len(data)
            bad.addfile(member, io.BytesIO(data))

    for archive, message in [
        (not_an_archive, "is not a newsroom backup archive"),
        (damaged, "is missing or damaged"),
    ]:
        result = manage("restore", str(archive), environment=environment)
        assert result.returncode == 1
        assert message in result.stderr
    assert media_digests(media) == {}  # nothing written


def test_backup_will_not_overwrite_an_archive(tmp_path, db):
    archive = tmp_path / "newsroom.tar.gz"
    archive.write_text("an older backup")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(archive))
    assert archive.read_text() == "an older backup"
