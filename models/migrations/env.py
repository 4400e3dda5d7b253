"""Alembic environment, driven programmatically by :func:`models.migrate.upgrade`.

``models.migrate`` hands over an open connection (already inside the transaction that holds the
migration lock) in ``config.attributes["connection"]``. For developers running the ``alembic``
command by hand (autogenerate), ``sqlalchemy.url`` is read from the config instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from models.base import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite needs copy-and-move ALTERs
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("kehoach migrations run online only: use models.migrate.upgrade(url)")
run_migrations_online()
