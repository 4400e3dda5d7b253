"""Shared store fixtures: a throwaway PostgreSQL server and a ``db_url`` over both backends.

The PostgreSQL server is started from Debian's binaries (``initdb``/``pg_ctl`` of the
``postgresql`` package) in a temporary directory by :mod:`kehoach.devtools.pgserver` (the same
recipe the store benchmark uses). The PostgreSQL tests are skipped only when no PostgreSQL
binaries are installed at all.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kehoach.devtools.pgserver import PostgresServer, postgres_bin_dir, throwaway_postgres


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for this test session, removed afterwards."""
    if postgres_bin_dir() is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl): install the 'postgresql' package")
    with throwaway_postgres() as server:
        yield server


_schema_numbers = itertools.count(1)
TEST_DATABASE = "kehoach_tests"


@pytest.fixture(scope="session")
def postgres_database(postgres_server: PostgresServer) -> str:
    """SQLAlchemy URL of the one database the session's tests share (each test gets its own schema)."""
    import psycopg

    admin = postgres_server.url("postgres").replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{TEST_DATABASE}"')
    return postgres_server.url(TEST_DATABASE)


@pytest.fixture
def postgres_url(postgres_database: str) -> Iterator[str]:
    """An empty store on PostgreSQL: a fresh schema, first on the ``search_path``; dropped afterwards.

    A schema costs milliseconds where ``CREATE DATABASE`` costs about half a second, and it also
    checks that the store works outside the ``public`` schema.
    """
    import psycopg

    schema = f"store_{os.getpid()}_{next(_schema_numbers)}"
    libpq_url = postgres_database.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(libpq_url, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{postgres_database}&options=-csearch_path%3D{schema}"
    with psycopg.connect(libpq_url, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite store file in the test's temporary directory (not created yet)."""
    return f"sqlite:///{tmp_path / 'store' / 'kehoach.sqlite'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """The URL of an empty store, once per backend (the PostgreSQL run carries the ``postgres`` mark)."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")
