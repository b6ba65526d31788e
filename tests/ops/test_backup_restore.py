"""Backup and restore on both engines (issue 19, item 4): a backup taken while the office
writes, restored into an empty data directory (SQLite) or an empty database (PostgreSQL); the
restored server serves the same objects and its audit chain verifies. A restore never writes
over a database, and a damaged backup restores nothing.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import zipfile
from pathlib import Path

import pytest
import requests

from conftest import run_cli
from harness import DemoServer
from live_setup import api_session, ok

pytestmark = pytest.mark.slow


class Writer:
    """The office adding persons, one after another, until stopped."""

    def __init__(self, base: str):
        self.base = base
        self.session = api_session(base, "office")
        self.created: list[int] = []
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        n = 0
        while not self._stop.is_set():
            n += 1
            r = self.session.post(self.base + "/api/v1/persons", timeout=60, json={
                "name": f"备份测试专家{n}", "kind": "expert", "unit": "县农科所", "title": "研究员",
                "expertise": ["茶叶"], "protocolOrder": 900})
            if r.status_code == 201:
                self.created.append(r.json()["id"])
            else:
                self.failures.append(f"{r.status_code} {r.text[:200]}")

    def __enter__(self) -> "Writer":
        self._thread.start()
        # Writes are under way before the backup starts.
        deadline = time.monotonic() + 60
        while len(self.created) < 3 and time.monotonic() < deadline and not self.failures:
            time.sleep(0.05)
        assert len(self.created) >= 3, self.failures
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=120)


def all_persons(session: requests.Session, base: str) -> list[dict]:
    items, page = [], 1
    while True:
        body = ok(session.get(base + "/api/v1/persons", params={"page": page}, timeout=30))
        items += body["items"]
        if page >= body["pageCount"]:
            return items
        page += 1


def manifest_of(backup: Path) -> dict:
    with zipfile.ZipFile(backup) as z:
        return json.loads(z.read("manifest.json"))


def backup_during_writes_then_restore(source: DemoServer, source_env: dict, target_env: dict, target_data: Path | None,
                                      backup: Path) -> None:
    with Writer(source.url) as writer:
        made = run_cli("backup", str(backup), env=source_env)
        during = len(writer.created)
    assert made.returncode == 0, made.output
    assert not writer.failures, writer.failures[:3]
    assert "已备份到" in made.stdout, made.output
    manifest = manifest_of(backup)
    # The writes went on while the copy was made: it holds some of them, consistently.
    assert manifest["tables"]["persons"] > 0 and manifest["audit"]["entries"] > 0, manifest
    assert during >= 3

    restored = run_cli("restore", str(backup), env=target_env)
    assert restored.returncode == 0, restored.output
    assert "哈希链校验通过" in restored.stdout, restored.output
    verified = run_cli("audit", "verify", env=target_env)
    assert verified.returncode == 0 and f"共{manifest['audit']['entries']}条" in verified.stdout, verified.output

    env = {k: v for k, v in target_env.items() if k != "XIESHANG_DATA_DIR"}
    server = DemoServer(source.name + "-restored", env=env, data_dir=target_data, demo=False).start()
    try:
        office_new = api_session(server.url, "office")
        office_old = api_session(source.url, "office")
        persons = all_persons(office_new, server.url)
        assert len(persons) == manifest["tables"]["persons"], (len(persons), manifest["tables"]["persons"])
        # Every restored person is served as the source serves it (the writer only adds).
        for p in persons:
            a = ok(office_new.get(f"{server.url}/api/v1/persons/{p['id']}", timeout=30))
            b = ok(office_old.get(f"{source.url}/api/v1/persons/{p['id']}", timeout=30))
            assert a == b, (a, b)
        assert ok(office_new.get(server.url + "/api/v1/committees", timeout=30)) == \
            ok(office_old.get(source.url + "/api/v1/committees", timeout=30))
        chain = ok(api_session(server.url, "admin").get(server.url + "/api/v1/audit/verify", timeout=60))
        assert chain["intact"] and chain["entries"] == manifest["audit"]["entries"], chain
        # The restored server goes on writing, on the restored chain.
        ok(office_new.post(server.url + "/api/v1/persons", timeout=30, json={
            "name": "恢复后新增专家", "kind": "expert", "unit": "县农科所", "title": "研究员", "expertise": [], "protocolOrder": 901}))
        assert ok(api_session(server.url, "admin").get(server.url + "/api/v1/audit/verify", timeout=60))["intact"]
    finally:
        server.stop()


def test_sqlite_backup_while_writing_restores_into_an_empty_data_directory(tmp_path):
    source = DemoServer("backup-sqlite").start()
    try:
        target = tmp_path / "restored-data"
        backup_during_writes_then_restore(source, {"XIESHANG_DATA_DIR": str(source.data_dir)},
                                          {"XIESHANG_DATA_DIR": str(target)}, target, tmp_path / "xieshang.zip")
        # Never over an existing database: the restored one stays as it is.
        before = (target / "xieshang.sqlite").stat().st_mtime_ns
        again = run_cli("restore", str(tmp_path / "xieshang.zip"), env={"XIESHANG_DATA_DIR": str(target)})
        assert again.returncode == 1 and "已存在" in again.output, again.output
        assert (target / "xieshang.sqlite").stat().st_mtime_ns == before
    finally:
        source.stop()


def test_a_damaged_backup_restores_nothing(tmp_path):
    source = DemoServer("backup-damaged").start()
    try:
        backup = tmp_path / "ok.zip"
        assert run_cli("backup", str(backup), env={"XIESHANG_DATA_DIR": str(source.data_dir)}).returncode == 0
    finally:
        source.stop()
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(damaged, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = bytearray(src.read(info))
            if info.filename.endswith(".sqlite"):
                data[len(data) // 2] ^= 0xFF
            dst.writestr(info.filename, bytes(data))
    target = tmp_path / "target"
    r = run_cli("restore", str(damaged), env={"XIESHANG_DATA_DIR": str(target)})
    assert r.returncode == 1 and "校验值不符" in r.output, r.output
    assert not (target / "xieshang.sqlite").exists()
    assert not list(target.glob(".xieshang.sqlite.restoring*")), "a half-restored file was left behind"


def test_postgresql_backup_while_writing_restores_into_an_empty_database(tmp_path, pg_database):
    shutil.which("pg_dump") or pytest.skip("pg_dump not installed (Debian: postgresql-client)")
    src_url, dst_url = pg_database(), pg_database()
    source = DemoServer("backup-pg", env={"DATABASE_URL": src_url}).start()
    try:
        backup_during_writes_then_restore(source, {"DATABASE_URL": src_url}, {"DATABASE_URL": dst_url}, None,
                                          tmp_path / "xieshang-pg.zip")
        again = run_cli("restore", str(tmp_path / "xieshang-pg.zip"), env={"DATABASE_URL": dst_url})
        assert again.returncode == 1 and "已有" in again.output, again.output
    finally:
        source.stop()
