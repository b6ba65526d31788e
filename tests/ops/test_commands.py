"""Commands do what they say (issue 19, item 2), run as the county's IT staff run them.

- `--help`, `user list`, `audit verify` and `backup` never create or change the database;
  `serve --no-migrate` refuses a database that is not up to date;
- `migrate` migrates, and on PostgreSQL several at once are safe (an advisory lock);
- a mistyped or failing command says what went wrong (and, for the command line, how it is
  used) and exits non-zero, never with Swift's "Fatal error" and a signal-4 backtrace.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import run_cli

pytestmark = pytest.mark.slow

CRASH_SIGNS = ("Fatal error", "Stack dump", "signal 4", "Illegal instruction", "Current stack trace")


def assert_no_crash(result) -> None:
    assert result.returncode >= 0, f"killed by signal {-result.returncode}: {result.output}"
    for sign in CRASH_SIGNS:
        assert sign not in result.output, f"{result.args} crashed:\n{result.output}"


def test_help_and_reading_commands_create_nothing(tmp_path):
    data = tmp_path / "data"
    env = {"XIESHANG_DATA_DIR": str(data)}
    helped = run_cli("--help", env=env, cwd=tmp_path)
    assert helped.returncode == 0, helped.output
    assert "migrate" in helped.output and "backup" in helped.output and "restore" in helped.output, helped.output
    for args in (["user", "list"], ["audit", "verify"], ["backup", str(tmp_path / "b.zip")], ["serve", "--no-migrate"]):
        r = run_cli(*args, env=env, cwd=tmp_path)
        assert_no_crash(r)
        assert r.returncode == 1, f"{args}: {r.output}"
        assert "不存在" in r.output and "xieshang migrate" in r.output, f"{args}: {r.output}"
    assert not data.exists(), f"a reading command created {list(data.rglob('*'))}"
    assert not (tmp_path / "b.zip").exists()
    assert not (tmp_path / "data").exists() and not (tmp_path / "xieshang.sqlite").exists()


def file_digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrate_creates_the_database_and_reading_commands_leave_it_as_it_was(tmp_path):
    data = tmp_path / "data"
    env = {"XIESHANG_DATA_DIR": str(data)}
    first = run_cli("migrate", env=env)
    assert first.returncode == 0, first.output
    assert "已执行" in first.output and "数据库迁移" in first.output, first.output
    again = run_cli("migrate", env=env)
    assert again.returncode == 0 and "已是最新" in again.output, again.output
    created = run_cli("user", "create", "-u", "admin2", "--name", "管理员", "-p", "a-long-password-1", "-r", "admin", env=env)
    assert created.returncode == 0, created.output
    db = data / "xieshang.sqlite"
    # Everything committed is in the main file before it is compared (no WAL left over).
    before = file_digest(db)
    for args in (["user", "list"], ["audit", "verify"], ["--help"], ["user", "--help"]):
        r = run_cli(*args, env=env)
        assert r.returncode == 0, f"{args}: {r.output}"
    assert file_digest(db) == before, "a reading command changed the database file"
    listed = run_cli("user", "list", env=env)
    assert "admin2" in listed.stdout, listed.output
    verified = run_cli("audit", "verify", env=env)
    assert "哈希链校验通过" in verified.stdout, verified.output


@pytest.mark.parametrize("args, says", [
    (["restor", "x.zip"], "未知命令“restor”"),
    (["backup"], "缺少参数 <file>"),
    (["user", "frobnicate"], "未知操作“frobnicate”"),
    (["calendar", "load"], "--file"),
    (["restore", "/nonexistent/backup.zip"], "无法读取备份文件"),
])
def test_a_mistaken_command_says_what_is_wrong_and_exits_non_zero(tmp_path, args, says):
    env = {"XIESHANG_DATA_DIR": str(tmp_path / "data")}
    if args[0] == "calendar":
        assert run_cli("migrate", env=env).returncode == 0
    r = run_cli(*args, env=env, cwd=tmp_path)
    assert_no_crash(r)
    assert r.returncode != 0, r.output
    assert says in r.output, r.output
    if args[0] in ("restor", "backup"):
        assert "Usage:" in r.output, f"no usage after a command-line mistake:\n{r.output}"
        assert r.returncode == 2


def test_a_bad_setting_is_named_before_anything_runs(tmp_path):
    r = run_cli("user", "list", env={"XIESHANG_DATA_DIR": str(tmp_path / "d"), "XIESHANG_TRUSTED_PROXIES": "nginx",
                                     "DATABASE_URL": "mysql://x"})
    assert_no_crash(r)
    assert r.returncode == 2, r.output
    assert "XIESHANG_TRUSTED_PROXIES" in r.output and "DATABASE_URL" in r.output, r.output


def test_instances_starting_together_on_postgresql_migrate_once(pg_database):
    url = pg_database()
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: run_cli("migrate", env={"DATABASE_URL": url}), range(4)))
    for r in results:
        assert_no_crash(r)
        assert r.returncode == 0, r.output
    psycopg = pytest.importorskip("psycopg")
    with psycopg.connect(url) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM _fluent_migrations")]
    assert len(names) == len(set(names)), f"a migration ran twice: {names}"
    assert sum("已执行" in r.output for r in results) == 1, [r.output for r in results]
