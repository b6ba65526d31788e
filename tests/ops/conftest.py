"""Fixtures for the operations tests (issue 19): the command line run as a county's IT staff
would run it, and throwaway PostgreSQL databases.

`run_cli("user", "list", env={...}, cwd=...)` runs the built `xieshang` (XIESHANG_BIN, as
scripts/test sets it, else .build/debug/xieshang) with none of the caller's database
variables, and returns the finished process (`.returncode`, `.stdout`, `.stderr`,
`.output`). `pg_database()` makes a new database on the throwaway PostgreSQL that
scripts/test starts (XIESHANG_PG_URL) and drops it afterwards; tests that need one are skipped,
saying so, when no cluster is given.
"""

from __future__ import annotations

import os
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from harness import REPO_ROOT

PG_URL_VARIABLES = ("XIESHANG_PG_URL", "XIESHANG_TEST_DATABASE_URL")
# The server's and the commands' own variables: a test sets what it means, nothing leaks in.
OWN_VARIABLES = ("DATABASE_URL", "XIESHANG_URL", "XIESHANG_TEST_DATABASE_URL", "XIESHANG_DATA_DIR",
                 "XIESHANG_SMTP_URL", "XIESHANG_TRUSTED_PROXIES", "XIESHANG_METRICS_TOKEN", "XIESHANG_CLOCK_FILE")


def xieshang_binary() -> Path:
    return Path(os.environ.get("XIESHANG_BIN", REPO_ROOT / ".build/debug/xieshang"))


@dataclass
class Finished:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 180,
            binary: Path | None = None) -> Finished:
    binary = binary or xieshang_binary()
    if not binary.exists():
        pytest.fail(f"{binary} not found: build first (scripts/test does)")
    full_env = {k: v for k, v in os.environ.items() if k not in OWN_VARIABLES}
    full_env.update(env or {})
    p = subprocess.run([str(binary), *args], env=full_env, cwd=cwd or REPO_ROOT, capture_output=True, text=True,
                       timeout=timeout, stdin=subprocess.DEVNULL)
    return Finished([str(binary), *args], p.returncode, p.stdout, p.stderr)


def pg_cluster_url() -> str:
    for name in PG_URL_VARIABLES:
        url = os.environ.get(name, "").strip()
        if url:
            return url
    pytest.skip(f"no PostgreSQL URL: none of {', '.join(PG_URL_VARIABLES)} is set "
                "(scripts/test starts a throwaway PostgreSQL and exports XIESHANG_PG_URL)")


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


@pytest.fixture
def pg_database():
    """`pg_database()` → the URL of a new, empty database, dropped at the end of the test."""
    psycopg = pytest.importorskip("psycopg")
    url = pg_cluster_url()
    made: list[str] = []

    def make() -> str:
        name = f"xieshang_ops_{os.getpid()}_{secrets.token_hex(3)}"
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return with_database(url, name)

    yield make
    with psycopg.connect(url, autocommit=True, connect_timeout=10) as admin:
        for name in made:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
