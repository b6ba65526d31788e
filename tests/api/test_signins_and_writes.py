"""Sign-ins and writes at the same time never fail (issue 13, item 1).

At a meeting's start the phones sign in while the office saves and members ask to speak. On
SQLite a session written between a change's read and its write once made the change fail with
"database is locked" (a 500), and any anonymous visitor opening /login wrote a session. Here,
against a real server on its SQLite file, for a few seconds: clients open /login without a
cookie and sign in, in a loop, while the office adds persons through the API. Every answer
must be a success; none may be a 5xx or a dropped connection.

    .venv/bin/python -m pytest tests/api/test_signins_and_writes.py
"""

from __future__ import annotations

import re
import threading
import time

import requests

from harness import DEMO_PASSWORD, http_login_session

SECONDS = 8.0
SIGNERS = ["member", "expert", "leader", "department", "committee", "chair"]


def test_sign_ins_and_writes_together_never_fail(fresh_server):
    base = fresh_server("signins")
    failures: list[str] = []
    counts = {"signins": 0, "writes": 0}
    lock = threading.Lock()
    until = time.monotonic() + SECONDS

    def sign_in_loop(i: int) -> None:
        n = 0
        while time.monotonic() < until:
            user = SIGNERS[(i + n) % len(SIGNERS)]
            n += 1
            try:
                s = requests.Session()
                page = s.get(base + "/login", timeout=60)
                if page.status_code != 200:
                    failures.append(f"GET /login: {page.status_code}")
                    continue
                csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
                r = s.post(base + "/login", data={"_csrf": csrf, "username": user, "password": DEMO_PASSWORD},
                           allow_redirects=False, timeout=60)
                if r.status_code != 303:
                    failures.append(f"POST /login as {user}: {r.status_code} {r.text[:200]}")
                with lock:
                    counts["signins"] += 1
            except requests.RequestException as e:
                failures.append(f"sign-in: {type(e).__name__}: {e}")

    def write_loop(i: int) -> None:
        office = http_login_session(base, "office")
        token = re.search(r'name="_csrf" value="([^"]+)"', office.get(base + "/", timeout=15).text).group(1)
        office.headers["X-CSRF-Token"] = token
        n = 0
        while time.monotonic() < until:
            n += 1
            try:
                r = office.post(base + "/api/v1/persons", json={
                    "name": f"测试专家{i}-{n}", "kind": "expert", "unit": "县农科所", "title": "研究员",
                    "expertise": ["茶叶"], "protocolOrder": 900}, timeout=60)
                if r.status_code != 201:
                    failures.append(f"POST /api/v1/persons: {r.status_code} {r.text[:200]}")
                with lock:
                    counts["writes"] += 1
            except requests.RequestException as e:
                failures.append(f"write: {type(e).__name__}: {e}")

    threads = [threading.Thread(target=sign_in_loop, args=(i,)) for i in range(6)]
    threads += [threading.Thread(target=write_loop, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=SECONDS + 120)
    assert not failures, f"{len(failures)} failures, e.g. {failures[:5]}"
    assert counts["signins"] > 0 and counts["writes"] > 0, counts
