"""Run the Alembic migrations from the installed package: no ``alembic.ini`` needed.

``upgrade`` is safe to call from several processes at once (two ``kehoach ingest`` on a fresh
store): the whole upgrade runs in one transaction that first takes a lock — SQLite's write lock
(``BEGIN IMMEDIATE``) or a PostgreSQL advisory lock — so the second caller waits, then finds the
schema at head and does nothing. Both backends run DDL transactionally, so a failed migration
leaves nothing half-built.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from models.engine import create_store_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Arbitrary constant naming kehoach's migration lock among PostgreSQL advisory locks.
PG_MIGRATION_LOCK_KEY = 0x6B65686F  # "keho"


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (``url`` only for the alembic CLI)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine_or_url: Engine | str) -> None:
    """Bring the store's schema (tables and SPEC views) to the latest revision."""
    engine = create_store_engine(engine_or_url) if isinstance(engine_or_url, str) else engine_or_url
    try:
        head = head_revision()
        with engine.connect() as connection:
            if current_revision(connection) == head:
                return
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK_KEY})
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        if isinstance(engine_or_url, str):
            engine.dispose()
