"""Engines for the store, with the SQLite settings that make concurrent loading safe.

SQLite: WAL (readers never block the writer), a busy timeout (a second writer waits instead of
failing), foreign keys on (``ON DELETE CASCADE`` is off by default in SQLite) and ``BEGIN
IMMEDIATE`` for every transaction, so that a writer takes the write lock before it reads: two
loaders checking "is this sha256 stored?" can then never both decide to insert it.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

SQLITE_BUSY_TIMEOUT_MS = 60_000
WAL_SWITCH_TRY_MS = 100  # a short wait per attempt to switch a fresh database to WAL


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL, or None for another backend or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def create_store_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite engines get WAL, busy timeout, foreign keys and immediate writes."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        _switch_to_wal(cursor)
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """Put the database in WAL mode, without deadlocking a second process doing the same.

    Switching needs an exclusive lock, and an open WAL connection keeps a shared lock: two
    processes creating a fresh store at once would each wait on the other for the whole busy
    timeout. So the switch is tried with a short timeout and retried after re-reading the mode,
    which the other process has usually switched already.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    cursor.execute(f"PRAGMA busy_timeout = {WAL_SWITCH_TRY_MS}")
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
