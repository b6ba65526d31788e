"""Behind a reverse proxy (issue 19, item 5): X-Forwarded-For/-Proto/-Host believed only from
the addresses in XIESHANG_TRUSTED_PROXIES. The test client connects from 127.0.0.1 and plays
the proxy by sending the headers itself.

- trusted: the sign-in throttle keys on the client the proxy names, so one office PC's
  lockout does not lock out the colleague at the next desk (before, every user shared the
  proxy's address); the access log names the client; the calendar address uses the
  forwarded host and scheme;
- not trusted: the same headers change nothing (a client cannot pick a fresh address to
  escape the throttle, nor a host for the links).
"""

from __future__ import annotations

import re
import time

import pytest
import requests

from harness import DEMO_PASSWORD, DemoServer, form_by_id
from live_setup import api_session

pytestmark = pytest.mark.slow

PC_A = "10.8.1.21"
PC_B = "10.8.1.22"


def login(base: str, username: str, password: str, client: str) -> requests.Response:
    s = requests.Session()
    s.headers["X-Forwarded-For"] = client
    fields = dict(form_by_id(s.get(base + "/login", timeout=15).text, "login-form")["inputs"])
    fields.update(username=username, password=password)
    return s.post(base + "/login", data=fields, timeout=30, allow_redirects=False)


def lock_out(base: str, username: str, client: str) -> None:
    for _ in range(5):
        assert login(base, username, "wrong-password", client).status_code == 401
    locked = login(base, username, DEMO_PASSWORD, client)
    assert locked.status_code == 401 and "尝试次数过多" in locked.text, "five failures did not lock this client out"


def feed_message(base: str, headers: dict[str, str]) -> str:
    office = api_session(base, "office")
    csrf = office.headers.pop("X-CSRF-Token")
    page = office.post(base + "/plans/feeds", data={"_csrf": csrf, "scope": "organization"}, headers=headers, timeout=30)
    m = re.search(r"已生成日历订阅地址：(\S+?\.ics)", page.text)
    assert m, page.text[:2000]
    return m.group(1)


def test_behind_a_trusted_proxy_the_client_it_names_is_throttled_alone(tmp_path):
    srv = DemoServer("proxy-trusted", env={"XIESHANG_TRUSTED_PROXIES": "127.0.0.1,::1"}).start()
    try:
        lock_out(srv.url, "committee", PC_A)
        ok = login(srv.url, "committee", DEMO_PASSWORD, PC_B)
        assert ok.status_code == 303, "a colleague behind the same proxy was locked out too"
        deadline = time.monotonic() + 10
        while f"client={PC_A}" not in srv.log_path.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert f"event=sign_in_lockout_started request_id=" in srv.log_path.read_text()
        assert f"client={PC_A}" in srv.log_path.read_text() and f"client={PC_B}" in srv.log_path.read_text()
        url = feed_message(srv.url, {"X-Forwarded-Host": "zx.anhua.gov.cn", "X-Forwarded-Proto": "https"})
        assert url.startswith("https://zx.anhua.gov.cn/ical/"), url
    finally:
        srv.stop()


def test_from_an_untrusted_client_forwarded_headers_change_nothing(tmp_path):
    srv = DemoServer("proxy-untrusted").start()
    try:
        lock_out(srv.url, "committee", PC_A)
        other = login(srv.url, "committee", DEMO_PASSWORD, PC_B)
        assert other.status_code == 401 and "尝试次数过多" in other.text, \
            "a made-up X-Forwarded-For escaped the throttle"
        assert f"client={PC_A}" not in srv.log_path.read_text()
        url = feed_message(srv.url, {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"})
        assert url.startswith(f"http://127.0.0.1:{srv.port}/ical/"), url
    finally:
        srv.stop()
