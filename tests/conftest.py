"""Shared store fixtures: a throwaway PostgreSQL server and a ``db_url`` over both backends.

The PostgreSQL server is started from Debian's binaries (``initdb``/``pg_ctl`` of the
``postgresql`` package) in a temporary directory, listening only on a unix socket there, with
``trust`` authentication. ``initdb`` refuses to run as root, so as root (CI containers) the server
runs as the ``postgres`` system user that the Debian package creates (``nobody`` otherwise). The
PostgreSQL tests are skipped only when no PostgreSQL binaries are installed at all.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_SUPERUSER = "kehoach"
SERVER_SETTINGS = "-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"


@dataclass(frozen=True)
class PostgresServer:
    socket_dir: Path
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{PG_SUPERUSER}@/{database}?host={self.socket_dir}&port={self.port}"


def _postgres_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with initdb, else the one on PATH."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name)
    )
    if candidates:
        return Path(candidates[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path and shutil.which("pg_ctl") else None


def _server_user() -> pwd.struct_passwd | None:
    """The unprivileged user to run the server as when we are root; None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists")


def _as_server_user(argv: list[str]) -> list[str]:
    user = _server_user()
    return argv if user is None else ["runuser", "-u", user.pw_name, "--", *argv]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for this test session, removed afterwards."""
    bin_dir = _postgres_bin_dir()
    if bin_dir is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl): install the 'postgresql' package")
    # Under /tmp: reachable by the server's user (a root TMPDIR may not be) and short enough for
    # the unix socket's path limit (107 bytes).
    base = Path(tempfile.mkdtemp(prefix="kehoach-pg-", dir="/tmp" if Path("/tmp").is_dir() else None))
    user = _server_user()
    if user is not None:
        os.chown(base, user.pw_uid, user.pw_gid)
    base.chmod(0o755)
    data, log = base / "data", base / "server.log"
    port = _free_port()
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", PG_SUPERUSER, "--auth=trust"]
    initdb += ["--encoding=UTF8", "--locale=C", "--no-sync"]
    pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w"]
    options = f"-k {base} -p {port} {SERVER_SETTINGS}"
    try:
        subprocess.run(_as_server_user(initdb), cwd=base, check=True, capture_output=True)
        subprocess.run(
            _as_server_user([*pg_ctl, "-o", options, "start"]),
            cwd=base,
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as error:
        details = (error.stderr or b"").decode(errors="replace")
        if log.exists():
            details += log.read_text(errors="replace")
        shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"could not start PostgreSQL: {details}") from error
    try:
        yield PostgresServer(socket_dir=base, port=port)
    finally:
        subprocess.run(_as_server_user([*pg_ctl, "-m", "immediate", "stop"]), cwd=base, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


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
