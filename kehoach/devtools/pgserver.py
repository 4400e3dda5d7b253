"""A throwaway PostgreSQL server for tests and benchmarks, outside pytest.

The same recipe as the ``postgres_server`` fixture of ``tests/conftest.py`` (which can delegate to
:func:`throwaway_postgres`): Debian's ``initdb``/``pg_ctl`` in a temporary directory under ``/tmp``,
a unix socket only, ``trust`` authentication, durability off (a benchmark of the store measures
kehoach, not the disk). As root the server runs as ``postgres`` (else ``nobody``), since ``initdb``
refuses root.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PG_SUPERUSER = "kehoach"
SERVER_SETTINGS = "-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"


@dataclass(frozen=True)
class PostgresServer:
    socket_dir: Path
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{PG_SUPERUSER}@/{database}?host={self.socket_dir}&port={self.port}"

    def create_database(self, name: str) -> str:
        """Create database ``name`` and return its SQLAlchemy URL."""
        import psycopg

        admin = self.url("postgres").replace("postgresql+psycopg", "postgresql")
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def postgres_bin_dir() -> Path | None:
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


@contextmanager
def throwaway_postgres() -> Iterator[PostgresServer]:
    """Start a PostgreSQL server, yield it, then stop it and delete its files.

    Raises RuntimeError when no PostgreSQL binaries are installed or the server does not start.
    """
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL binaries (initdb, pg_ctl): install the 'postgresql' package")
    # Under /tmp: reachable by the server's user and short enough for a unix socket path (107 bytes).
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
            _as_server_user([*pg_ctl, "-o", options, "start"]), cwd=base, check=True, capture_output=True
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
