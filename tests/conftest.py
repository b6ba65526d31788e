"""Shared harness for everything under tests/: one demo server for the whole session.

Before collection the session starts `.build/debug/xieshang serve --demo` on 127.0.0.1 with
a fresh data directory (SQLite, demo county loaded on first start), waits for /healthz and
exports its address as XIESHANG_URL, so tests/browser and tests/calendar talk to the same
server. If XIESHANG_URL is already set, that server is used and none is started.

Fixtures: `server_url` (the session server), `fresh_server` (starts a private server for a
test that must not share state, e.g. the login throttle), `http_login` (a logged-in
requests.Session, for checks a browser cannot see such as status codes), `smtp_sink` (a
real SMTP server on 127.0.0.1 that stores what it receives, see support/smtp_sink.py;
`smtp_sink_module` is one shared by a module's tests).
On a failing test the tail of each running server's log is attached to the report.
"""

from __future__ import annotations

import atexit
import os

import pytest

from harness import ARTIFACTS, DEMO_PASSWORD, REPO_ROOT, DemoServer, http_login_session

atexit.register(DemoServer.stop_all)
_session_server: DemoServer | None = None


def pytest_sessionstart(session: pytest.Session) -> None:
    # Before collection, so that modules may read XIESHANG_URL at import time.
    global _session_server
    config = session.config
    worker = hasattr(config, "workerinput")
    if not worker:
        # A failure screenshot from an earlier run would mislead whoever looks at artifacts/.
        for stale in ARTIFACTS.glob("failed-*.png"):
            stale.unlink(missing_ok=True)
    if getattr(config.option, "numprocesses", None) and not worker:
        # pytest-xdist's controller runs no test: each worker starts its own demo server, so
        # that modules running side by side never share one server's state.
        return
    if os.environ.get("XIESHANG_URL") or config.option.collectonly:
        return
    try:
        _session_server = DemoServer("session").start()
    except RuntimeError as e:
        pytest.exit(f"could not start the demo server: {e}", returncode=1)
    os.environ["XIESHANG_URL"] = _session_server.url


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    DemoServer.stop_all()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report = yield
    if report.failed:
        for server in DemoServer._running:
            report.sections.append((f"xieshang server '{server.name}' log (tail, full log in "
                                    f"{server.log_path.relative_to(REPO_ROOT)})", server.log_tail()))
    return report


@pytest.fixture(scope="session")
def server_url() -> str:
    url = os.environ.get("XIESHANG_URL")
    if not url:
        pytest.fail("XIESHANG_URL is not set and no demo server was started")
    return url.rstrip("/")


@pytest.fixture
def fresh_server():
    """Starts private demo servers for one test; returns a function name -> base URL."""
    started: list[DemoServer] = []

    def start(name: str = "fresh") -> str:
        server = DemoServer(f"{name}-{len(started)}")
        started.append(server)
        return server.start().url

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def http_login(server_url):
    """A requests.Session logged in as the given demo user: http_login("member")."""
    return lambda username, password=DEMO_PASSWORD: http_login_session(server_url, username, password)


@pytest.fixture
def smtp_sink():
    """A running SmtpSink on a free port: `sink.port`, `sink.wait_for(n)`, `sink.messages()`."""
    # Imported here so that a missing aiosmtpd fails only the tests that send mail.
    from support.smtp_sink import SmtpSink

    with SmtpSink() as sink:
        yield sink


@pytest.fixture(scope="module")
def smtp_sink_module():
    """Like `smtp_sink`, shared by the tests of one module (e.g. by a module's private server)."""
    from support.smtp_sink import SmtpSink

    with SmtpSink() as sink:
        yield sink
