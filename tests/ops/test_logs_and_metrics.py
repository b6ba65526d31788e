"""Logs and metrics (issue 19, item 3) of a real server process, read as an operator reads them.

One access-log line per request, with the request id the response carries in X-Request-Id
(and an error page shows); failed sign-ins, the lockout and refusals logged with it; no query
string and no calendar token in the log; `/metrics` in the Prometheus text format with route
patterns, readable from this machine but not through a proxy; `/readyz` ready.
"""

from __future__ import annotations

import re
import time

import pytest
import requests

from harness import DEMO_PASSWORD, DemoServer, form_by_id, http_login_session

pytestmark = pytest.mark.slow

ACCESS = re.compile(r"time=(\S+) request_id=(\S+) client=(\S+) user=(\S+) method=(\S+) path=(\S+) route=(\S+) "
                    r"status=(\d+) duration_ms=([\d.]+)")


@pytest.fixture(scope="module")
def server():
    srv = DemoServer("logs").start()
    yield srv
    srv.stop()


def access_lines(srv: DemoServer) -> dict[str, list[re.Match]]:
    lines: dict[str, list[re.Match]] = {}
    for line in srv.log_path.read_text(errors="replace").splitlines():
        m = ACCESS.search(line)
        if m:
            lines.setdefault(m.group(2), []).append(m)
    return lines


def wait_for_access(srv: DemoServer, request_id: str, timeout: float = 10) -> re.Match:
    """The access line of `request_id` (written as the response leaves; bounded wait)."""
    deadline = time.monotonic() + timeout
    while True:
        found = access_lines(srv).get(request_id, [])
        if found:
            assert len(found) == 1, f"{len(found)} access lines for one request: {[m.group(0) for m in found]}"
            return found[0]
        if time.monotonic() > deadline:
            raise AssertionError(f"no access line for request {request_id}")
        time.sleep(0.1)


def events(srv: DemoServer, name: str) -> list[str]:
    return [line for line in srv.log_path.read_text(errors="replace").splitlines() if f"event={name} " in line]


def failed_login(base: str, username: str) -> requests.Response:
    s = requests.Session()
    fields = dict(form_by_id(s.get(base + "/login", timeout=15).text, "login-form")["inputs"])
    fields.update(username=username, password="not-the-password")
    return s.post(base + "/login", data=fields, timeout=30, allow_redirects=False)


def test_every_request_is_one_access_line_with_its_request_id(server):
    member = http_login_session(server.url, "member")
    r = member.get(server.url + "/invitations", timeout=15)
    assert r.status_code == 200
    rid = r.headers["X-Request-Id"]
    line = wait_for_access(server, rid)
    _, _, client, user, method, path, route, status, duration = line.groups()
    assert (client, user, method, path, route, status) == ("127.0.0.1", "member", "GET", "/invitations", "/invitations", "200")
    assert float(duration) >= 0
    # A path with ids is logged as asked, and its route as the pattern.
    p = member.get(server.url + "/people/3?q=secret-query", timeout=15)
    line = wait_for_access(server, p.headers["X-Request-Id"])
    assert line.group(6) == "/people/3" and line.group(7) == "/people/:id", line.group(0)
    assert "secret-query" not in server.log_path.read_text(errors="replace")


def test_sign_in_failures_the_lockout_and_refusals_are_logged_with_the_request_id(server):
    ids = [failed_login(server.url, "secgen").headers["X-Request-Id"] for _ in range(6)]
    for rid in ids:
        assert wait_for_access(server, rid).group(8) == "401"
    failed = [line for line in events(server, "sign_in_failed") if "username=secgen" in line]
    assert len(failed) == 5, failed
    assert all(any(f"request_id={rid}" in line for line in failed) for rid in ids[:5])
    assert len([line for line in events(server, "sign_in_lockout_started") if "username=secgen" in line]) == 1
    locked = [line for line in events(server, "sign_in_locked_out") if "username=secgen" in line]
    assert len(locked) == 1 and f"request_id={ids[5]}" in locked[0], locked

    member = http_login_session(server.url, "member")
    missing = member.get(server.url + "/symposia/999999", timeout=15)
    assert missing.status_code == 404
    rid = missing.headers["X-Request-Id"]
    assert f"<code>{rid}</code>" in missing.text, "the error page does not show the request id"
    refused = [line for line in events(server, "refused") if f"request_id={rid}" in line]
    assert len(refused) == 1 and "status=404" in refused[0] and "user=member" in refused[0], refused
    forbidden = member.get(server.url + "/users", timeout=15)
    assert forbidden.status_code == 403
    assert any(f"request_id={forbidden.headers['X-Request-Id']}" in line and "status=403" in line
               for line in events(server, "refused"))


def test_a_calendar_feed_token_never_reaches_the_log(server):
    token = "Zx9-a-secret-feed-token-that-must-not-be-logged"
    r = requests.get(f"{server.url}/ical/{token}.ics?token={token}", timeout=15)
    line = wait_for_access(server, r.headers["X-Request-Id"])
    assert line.group(6) == "/ical/***", line.group(0)
    assert token not in server.log_path.read_text(errors="replace")


def test_metrics_are_read_locally_with_route_patterns_and_not_through_a_proxy(server):
    http_login_session(server.url, "office").get(server.url + "/people/5", timeout=15)
    r = requests.get(server.url + "/metrics", timeout=15)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("text/plain")
    text = r.text
    assert re.search(r'^xieshang_http_requests_total\{method="GET",route="/people/:id",status="200"\} \d+$', text, re.M), text[:2000]
    assert 'route="/people/5"' not in text
    assert re.search(r'^xieshang_http_request_duration_seconds_bucket\{method="GET",route="/people/:id",le="0.1"\} \d+$', text, re.M)
    for name in ("xieshang_db_pool_connections_max", "xieshang_db_ping_seconds", "xieshang_live_meetings_in_progress",
                 "xieshang_live_screens_connected", 'xieshang_mail_outbox{status="failed"}', "xieshang_sessions_stored"):
        assert name in text, f"{name} missing from /metrics"
    proxied = requests.get(server.url + "/metrics", headers={"X-Forwarded-For": "203.0.113.7"}, timeout=15)
    assert proxied.status_code == 403


def test_readyz_says_the_database_is_reachable_and_migrated(server):
    r = requests.get(server.url + "/readyz", timeout=15)
    assert r.status_code == 200
    assert r.json() == {"status": "ready", "database": "reachable", "pendingMigrations": []}
