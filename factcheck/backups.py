"""Backups: one archive holding the database and the media, and its restore.

The archive is a gzipped tar with ``manifest.json`` (when, which database
engine, and the SHA-256 of every media file), the database (``database.dump``
from ``pg_dump --format=custom``, or ``database.sqlite3`` from SQLite's online
backup) and ``media/``. Each database copy is consistent by itself (one
snapshot); the media are copied after it, and uploads are never rewritten in
place (each gets a new name), so every file the database names is there.

Restore brings a wiped instance back: an empty database and an empty media
storage. It checks the whole archive (manifest, engine, every file's hash)
before it writes anything, and refuses a database that already has tables.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

FORMAT = 1


class BackupError(Exception):
    """The archive or the target cannot be used; nothing was changed."""


def _postgres_environment():
    settings = connection.settings_dict
    environment = {**os.environ, "PGDATABASE": settings["NAME"]}
    for key, variable in [
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ]:
        if settings.get(key):
            environment[variable] = str(settings[key])
    return environment


def _media_files(storage, folder=""):
    """Every file in the storage, as names relative to its root."""
    folders, files = storage.listdir(folder) if storage.exists(folder) else ([], [])
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _media_files(storage, f"{folder}/{sub}" if folder else sub)


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(path, storage=default_storage):
    """Write the archive to ``path``; return its manifest."""
    with tempfile.TemporaryDirectory() as work:
        if connection.vendor == "postgresql":
            database = Path(work, "database.dump")
            subprocess.run(
                ["pg_dump", "--format=custom", "--no-owner", "--file", str(database)],
                env=_postgres_environment(),
                check=True,
                capture_output=True,
            )
        elif connection.vendor == "sqlite":
            database = Path(work, "database.sqlite3")
            connection.ensure_connection()
            with sqlite3.connect(database) as copy:
                connection.connection.backup(copy)
        else:
            raise BackupError(f"No backup for {connection.vendor} databases.")
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "engine": connection.vendor,
            "database": database.name,
            "media": {},
        }
        with tarfile.open(path, "w:gz") as archive:
            archive.add(database, arcname=database.name)
            for name in sorted(_media_files(storage)):
                with storage.open(name, "rb") as file:
                    data = file.read()
                manifest["media"][name] = hashlib.sha256(data).hexdigest()
                _add_bytes(archive, f"media/{name}", data)
            _add_bytes(
                archive, "manifest.json", json.dumps(manifest, indent=1).encode()
            )
    return manifest


@contextmanager
def _opened(path):
    """The manifest, the archive and its members, checked whole first."""
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 (closed below)
    except (OSError, tarfile.TarError) as error:
        raise BackupError(
            f"{path} is not a newsroom backup archive ({error})."
        ) from None
    with archive:
        try:
            members = {member.name: member for member in archive.getmembers()}
            manifest = json.load(archive.extractfile(members["manifest.json"]))
        except (OSError, tarfile.TarError, KeyError, ValueError) as error:
            raise BackupError(
                f"{path} is not a newsroom backup archive ({error})."
            ) from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{path} has an unknown archive format.")
        if manifest.get("database") not in members:
            raise BackupError(f"{path} holds no database copy.")
        for name, digest in manifest["media"].items():
            member = members.get(f"media/{name}")
            data = member and archive.extractfile(member).read()
            if data is None or hashlib.sha256(data).hexdigest() != digest:
                raise BackupError(f"{path}: media file {name} is missing or damaged.")
        yield manifest, archive, members


def restore(path, storage=default_storage):
    """Restore the archive at ``path`` into an empty instance; return its manifest."""
    with _opened(path) as (manifest, archive, members):
        _check_target(manifest, storage)
        _restore_database(manifest, archive, members)
        for name in manifest["media"]:
            data = archive.extractfile(members[f"media/{name}"]).read()
            storage.save(name, ContentFile(data))
    return manifest


def _check_target(manifest, storage):
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"The archive holds a {manifest['engine']} database; this instance "
            f"uses {connection.vendor}."
        )
    if connection.introspection.table_names():
        raise BackupError(
            "The database is not empty: restore into a new, empty database."
        )
    clashes = [name for name in manifest["media"] if storage.exists(name)]
    if clashes:
        raise BackupError(f"Media storage already holds {clashes[0]}: empty it first.")


def _restore_database(manifest, archive, members):
    with tempfile.TemporaryDirectory() as work:
        archive.extract(members[manifest["database"]], work, filter="data")
        database = Path(work, manifest["database"])
        if connection.vendor == "postgresql":
            subprocess.run(
                ["pg_restore", "--no-owner", "--single-transaction", "--dbname"]
                + [connection.settings_dict["NAME"], str(database)],
                env=_postgres_environment(),
                check=True,
                capture_output=True,
            )
        else:
            target = connection.settings_dict["NAME"]
            connection.close()
            shutil.copyfile(database, target)
