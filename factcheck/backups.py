"""Backups: one archive holding the database and the files, and its restore.

The archive is a gzipped tar with ``manifest.json`` (when, which database
engine, and the SHA-256 of every file), the database (``database.dump``
from ``pg_dump --format=custom``, or ``database.sqlite3`` from SQLite's online
backup), ``media/`` (the public uploads) and ``private/`` (readers'
screenshots, ``STORAGES["private"]``). Each database copy is consistent by itself (one
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
from django.core.files.storage import storages
from django.db import connection

FORMAT = 1
#: The archive's folder for each storage it holds, and the storage's alias.
#: An archive made before readers' screenshots has no "private" list.
STORES = {"media": "default", "private": "private"}


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


def _stored(manifest):
    """(folder, storage, {name: digest}) for each storage the archive holds."""
    for folder, alias in STORES.items():
        yield folder, storages[alias], manifest.get(folder, {})


def backup(path):
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
            **{folder: {} for folder in STORES},
        }
        with tarfile.open(path, "w:gz") as archive:
            archive.add(database, arcname=database.name)
            for folder, storage, digests in _stored(manifest):
                for name in sorted(_media_files(storage)):
                    with storage.open(name, "rb") as file:
                        data = file.read()
                    digests[name] = hashlib.sha256(data).hexdigest()
                    _add_bytes(archive, f"{folder}/{name}", data)
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
        for folder, _storage, digests in _stored(manifest):
            for name, digest in digests.items():
                member = members.get(f"{folder}/{name}")
                data = member and archive.extractfile(member).read()
                if data is None or hashlib.sha256(data).hexdigest() != digest:
                    raise BackupError(
                        f"{path}: {folder} file {name} is missing or damaged."
                    )
        yield manifest, archive, members


def restore(path):
    """Restore the archive at ``path`` into an empty instance; return its manifest."""
    with _opened(path) as (manifest, archive, members):
        _check_target(manifest)
        _restore_database(manifest, archive, members)
        for folder, storage, digests in _stored(manifest):
            for name in digests:
                data = archive.extractfile(members[f"{folder}/{name}"]).read()
                storage.save(name, ContentFile(data))
    return manifest


def _check_target(manifest):
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"The archive holds a {manifest['engine']} database; this instance "
            f"uses {connection.vendor}."
        )
    if connection.introspection.table_names():
        raise BackupError(
            "The database is not empty: restore into a new, empty database."
        )
    for folder, storage, digests in _stored(manifest):
        clashes = [name for name in digests if storage.exists(name)]
        if clashes:
            raise BackupError(
                f"The {folder} storage already holds {clashes[0]}: empty it first."
            )


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
