"""Guards for analysts' SQL (one statement, and one that only reads) and the runners applying them.

Three layers, so that no single mistake lets a write through:
1. :func:`check_read_only_sql` — a lexical check (outside string literals, quoted identifiers and
   comments): exactly one statement, starting with a reading keyword, naming no writing keyword
   and no server function that writes or reads files.
2. The connection itself: SQLite opened ``mode=ro`` with ``PRAGMA query_only``; PostgreSQL in a
   ``READ ONLY`` transaction that is always rolled back.
3. On SQLite, an authorizer (:func:`sqlite_authorizer`) that the engine consults for every action
   of the compiled statement, so even a write hidden from the lexical check is refused.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from kehoach.errors import ReadOnlyQueryError, UsageError

# REPLACE and ANALYZE are missing on purpose: replace() is a string function and EXPLAIN ANALYZE
# only reads; statements that start with them are refused by READING_KEYWORDS anyway.
READING_KEYWORDS = frozenset({"SELECT", "WITH", "VALUES", "EXPLAIN", "TABLE", "SHOW", "PRAGMA"})
WRITING_KEYWORDS = frozenset(
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "DROP", "CREATE", "ALTER", "TRUNCATE",
        "ATTACH", "DETACH", "COPY", "GRANT", "REVOKE", "VACUUM", "REINDEX", "CALL", "DO",
        "LOCK", "REFRESH", "INTO", "SET", "RESET", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
        "PREPARE", "EXECUTE", "DEALLOCATE", "LISTEN", "NOTIFY", "LOAD", "CLUSTER", "COMMENT", "SECURITY",
    }
)  # fmt: skip
# Server-side functions that write, read server files, change settings or act on other sessions.
FORBIDDEN_FUNCTIONS = frozenset(
    {
        "lo_import", "lo_export", "lo_unlink", "lo_put", "lo_from_bytea", "pg_read_file",
        "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "set_config", "pg_terminate_backend",
        "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "nextval", "setval", "dblink",
        "dblink_exec", "load_extension", "writefile", "readfile", "edit",
    }
)  # fmt: skip
# PRAGMAs an analyst may use to look at the schema; every other PRAGMA (writable_schema, ...) is refused.
INTROSPECTION_PRAGMAS = frozenset(
    {
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "collation_list", "function_list", "pragma_list", "compile_options",
    }
)  # fmt: skip

_LEXEMES = re.compile(
    r"""
      (?P<line_comment> --[^\n]* )
    | (?P<block_comment> /\*.*?(?:\*/|\Z) )
    | (?P<string> '(?:[^']|'')*(?:'|\Z) )                 # 'it''s' literal
    | (?P<quoted> "(?:[^"]|"")*(?:"|\Z) | `[^`]*`? | \[[^\]]*\]? )  # quoted identifiers
    | (?P<dollar> \$(?P<tag>[A-Za-z_]\w*)?\$ .*? (?:\$(?P=tag)?\$|\Z) )  # PostgreSQL $tag$...$tag$
    | (?P<word> [A-Za-z_][\w$]* )
    | (?P<semicolon> ; )
    | (?P<other> . )
    """,
    re.VERBOSE | re.DOTALL,
)


def _words_and_semicolons(sql: str) -> list[str]:
    """Upper-cased bare words and ``;`` of ``sql``, skipping literals, quoted names and comments."""
    out: list[str] = []
    for match in _LEXEMES.finditer(sql):
        if match.lastgroup == "word":
            out.append(match.group().upper())
        elif match.lastgroup == "semicolon":
            out.append(";")
        elif match.lastgroup == "other" and match.group() == "(" and out and out[-1] != ";":
            out.append("(")
    return out


def check_read_only_sql(sql: str) -> None:
    """Raise :class:`ReadOnlyQueryError` unless ``sql`` is one statement that only reads."""
    tokens = _words_and_semicolons(sql)
    while tokens and tokens[-1] == ";":
        tokens.pop()
    if not tokens:
        raise ReadOnlyQueryError("empty query: give one SELECT statement")
    if ";" in tokens:
        raise ReadOnlyQueryError("only one statement at a time: remove the ';' between statements")
    first = tokens[0]
    if first not in READING_KEYWORDS:
        raise ReadOnlyQueryError(f"{first} is refused: the store is read-only here (use SELECT)")
    writing = sorted(WRITING_KEYWORDS.intersection(tokens))
    if writing:
        raise ReadOnlyQueryError(f"{writing[0]} is refused: the store is read-only here")
    called = {tokens[i].lower() for i in range(len(tokens) - 1) if tokens[i + 1] == "("}
    forbidden = sorted(FORBIDDEN_FUNCTIONS.intersection(called))
    if forbidden:
        raise ReadOnlyQueryError(f"function {forbidden[0]}() is refused in read-only queries")
    if first == "PRAGMA" and (len(tokens) < 2 or tokens[1].lower() not in INTROSPECTION_PRAGMAS):
        raise ReadOnlyQueryError("only schema-reading PRAGMAs (table_info, index_list ...) are allowed")


_SQLITE_ALLOWED_ACTIONS = frozenset({sqlite3.SQLITE_READ, sqlite3.SQLITE_SELECT, sqlite3.SQLITE_RECURSIVE})


def sqlite_authorizer(
    action: int, arg1: str | None, arg2: str | None, _db: str | None, _trigger: str | None
) -> int:
    """SQLite authorizer callback: allow reads, harmless functions and schema-reading PRAGMAs only."""
    if action in _SQLITE_ALLOWED_ACTIONS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_FUNCTION:
        return sqlite3.SQLITE_DENY if (arg2 or "").lower() in FORBIDDEN_FUNCTIONS else sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() in INTROSPECTION_PRAGMAS:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def run_sqlite_read_only(
    path: Path, sql: str, params: Mapping[str, Any] | None
) -> tuple[list[str], list[tuple]]:
    """Run ``sql`` on its own read-only connection to the SQLite file, under the authorizer."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        connection.execute("PRAGMA query_only = ON")
        connection.set_authorizer(sqlite_authorizer)
        cursor = connection.execute(sql, dict(params or {}))
        columns = [d[0] for d in cursor.description or ()]
        return columns, [tuple(row) for row in cursor.fetchall()]
    except sqlite3.DatabaseError as error:
        if "not authorized" in str(error) or "readonly" in str(error):
            raise ReadOnlyQueryError(f"refused: {error} (the store is read-only here)") from error
        raise UsageError(f"query failed: {error}") from error
    finally:
        connection.close()


def run_server_read_only(
    engine: Engine, sql: str, params: Mapping[str, Any] | None
) -> tuple[list[str], list[tuple]]:
    """Run ``sql`` in a READ ONLY transaction (PostgreSQL), always rolled back."""
    with engine.connect() as connection:
        try:
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
            if params:
                result = connection.execute(text(sql), dict(params))
            else:  # no bind-parameter parsing, so a literal ':' stays as written; '%' is the driver's
                result = connection.exec_driver_sql(sql.replace("%", "%%"))
            columns = list(result.keys())
            return columns, [tuple(row) for row in result.all()] if result.returns_rows else []
        except SQLAlchemyError as error:
            message = str(getattr(error, "orig", error)).strip()
            if "read-only transaction" in message:
                raise ReadOnlyQueryError(f"refused: {message}") from error
            raise UsageError(f"query failed: {message}") from error
        finally:
            connection.rollback()
