"""The demo server and plain-HTTP helpers shared by tests/ (imported by the conftests and tests).

DemoServer runs `xieshang serve --demo` on 127.0.0.1 with its own data directory, log file
and, if given, extra environment (`DemoServer(name, env={"XIESHANG_SMTP_URL": ...})`), a data
directory of the test's, another binary and working directory, or no demo county;
forms_of / form_by_id read a page's forms; http_login_session logs a demo user in with
requests, for checks a browser cannot see (status codes, a POST without a page).
"""

from __future__ import annotations

import ctypes
import html.parser
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import requests

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
ARTIFACTS = TESTS_DIR / "artifacts"
DEMO_PASSWORD = "xieshang2026"
DEMO_USERS = ["admin", "office", "committee", "chair", "vicechair", "secgen",
              "member", "expert", "department", "leader"]
HEALTH_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    # PR_SET_PDEATHSIG: the server gets SIGTERM if pytest dies without its teardown.
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
    except OSError:
        pass


class DemoServer:
    """One `xieshang serve --demo` process with its own data directory and log file."""

    _running: list["DemoServer"] = []

    def __init__(self, name: str, env: dict[str, str] | None = None, data_dir: Path | None = None,
                 binary: Path | None = None, cwd: Path | None = None, demo: bool = True,
                 args: tuple[str, ...] = ()):
        self.name = name
        # Extra environment for this server only, e.g. XIESHANG_SMTP_URL for a test's mail sink.
        self.env = dict(env or {})
        self.binary = binary or Path(os.environ.get("XIESHANG_BIN", REPO_ROOT / ".build/debug/xieshang"))
        # Where the server runs: the repository, or (tests/ops/test_package.py) an unpacked release.
        self.cwd = cwd or REPO_ROOT
        self.demo = demo
        self.args = tuple(args)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # Inside scripts/test's run directory when there is one: its trap removes it all.
        # A data directory given by the test (a restored backup) is the test's to remove.
        run_dir = os.environ.get("XIESHANG_TEST_RUN_DIR")
        self._owns_data_dir = data_dir is None
        self.data_dir = data_dir or Path(tempfile.mkdtemp(prefix=f"xieshang-data-{name}-",
                                                          dir=run_dir if run_dir and Path(run_dir).is_dir() else None))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.log_path = ARTIFACTS / f"server-{name}.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.failure = ""
        self._pid_file: Path | None = None

    def start(self) -> "DemoServer":
        if not self.binary.exists():
            raise RuntimeError(f"server binary {self.binary} not found: run `swift build` "
                               "(or scripts/test browser, which builds it)")
        # A port found free can be taken before the server binds it: then try another.
        for attempt in range(3):
            self._spawn()
            if self._wait_healthy():
                return self
            if attempt < 2 and "already in use" in self.log_tail().lower():
                self.port = free_port()
                self.url = f"http://127.0.0.1:{self.port}"
                continue
            break
        raise RuntimeError(f"server {self.name} did not become healthy at {self.url}/healthz "
                           f"({self.failure}); log tail:\n{self.log_tail()}")

    def _spawn(self) -> None:
        env = {k: v for k, v in os.environ.items()
               if k not in ("DATABASE_URL", "XIESHANG_URL", "XIESHANG_TEST_DATABASE_URL")}
        env.update(self.env)
        env["XIESHANG_DATA_DIR"] = str(self.data_dir)
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [str(self.binary), "serve", *(["--demo"] if self.demo else []), *self.args,
                 "--hostname", "127.0.0.1", "--port", str(self.port)],
                cwd=self.cwd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent)
        if self not in DemoServer._running:
            DemoServer._running.append(self)
        run_dir = os.environ.get("XIESHANG_TEST_RUN_DIR")
        if run_dir and Path(run_dir).is_dir():
            if self._pid_file:
                self._pid_file.unlink(missing_ok=True)
            self._pid_file = Path(run_dir) / f"server-{self.name}-{self.process.pid}.pid"
            self._pid_file.write_text(str(self.process.pid))

    def _wait_healthy(self) -> bool:
        deadline = time.monotonic() + HEALTH_TIMEOUT
        self.failure = "no answer"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.failure = f"exited with {self.process.returncode}"
                return False
            try:
                r = requests.get(self.url + "/healthz", timeout=2)
                if r.status_code == 200:
                    return True
                self.failure = f"HTTP {r.status_code}"
            except requests.RequestException as e:
                self.failure = type(e).__name__
            time.sleep(0.25)
        self.failure += f" after {HEALTH_TIMEOUT:.0f}s"
        self._terminate()
        return False

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def _terminate(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def restart(self, env: dict[str, str] | None = None) -> "DemoServer":
        """Stops the server and starts it again on the same data directory and port, with `env`
        added to its environment: a deployment setting changed, as an operator would."""
        self._terminate()
        self.env.update(env or {})
        self._spawn()
        if not self._wait_healthy():
            raise RuntimeError(f"server {self.name} did not come back at {self.url}/healthz "
                               f"({self.failure}); log tail:\n{self.log_tail()}")
        return self

    def stop(self) -> None:
        self._terminate()
        if self in DemoServer._running:
            DemoServer._running.remove(self)
        if self._pid_file:
            self._pid_file.unlink(missing_ok=True)
        if self._owns_data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    @classmethod
    def stop_all(cls) -> None:
        for server in list(cls._running):
            server.stop()


class _Forms(html.parser.HTMLParser):
    """The forms of a page: id, method, action and input name -> value."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._current: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._current = {"id": a.get("id"), "method": (a.get("method") or "get").lower(),
                             "action": a.get("action"), "inputs": {}}
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None and a.get("name"):
            if a.get("type") not in ("checkbox", "radio", "file") or "checked" in a:
                self._current["inputs"][a["name"]] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def forms_of(page_html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(page_html)
    return parser.forms


def form_by_id(page_html: str, form_id: str) -> dict:
    for form in forms_of(page_html):
        if form["id"] == form_id:
            return form
    raise AssertionError(f"no form#{form_id} on the page")


def http_login_session(base_url: str, username: str, password: str = DEMO_PASSWORD) -> requests.Session:
    s = requests.Session()
    page = s.get(base_url + "/login", timeout=15)
    page.raise_for_status()
    fields = dict(form_by_id(page.text, "login-form")["inputs"])
    fields.update(username=username, password=password)
    r = s.post(base_url + "/login", data=fields, timeout=30)
    assert r.url.rstrip("/") == base_url, f"login as {username} ended at {r.url} (HTTP {r.status_code})"
    return s
