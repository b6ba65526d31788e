"""A real SMTP server (aiosmtpd) that stores every message it receives as a file.

Tests that e-mail talk to it instead of a mock, so the bytes on the wire go through a real
SMTP implementation (dot-unstuffing, line limits, AUTH) and a real MIME parser.

As a script (for the Swift tests, or by hand):

    python tests/support/smtp_sink.py --port 0 --dir /tmp/mails [--auth USER:PASSWORD]

prints `PORT <n>` on one line once it accepts connections, then stores message k as
`<dir>/<k>.eml` (k = 1, 2, ...): the raw DATA bytes preceded by `X-Envelope-From` and
`X-Envelope-To` headers. It runs until killed (or, with --exit-on-stdin-eof, until its
stdin closes, so that it does not outlive a test process that crashed).

As a module (the `smtp_sink` fixture of tests/conftest.py):

    with SmtpSink() as sink:
        smtplib.SMTP("127.0.0.1", sink.port).send_message(msg)
        [received] = sink.wait_for(1)
"""

from __future__ import annotations

import argparse
import asyncio
import email
import email.policy
import itertools
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

SINK_HOSTNAME = "smtp-sink.test"  # given, so that aiosmtpd does not ask DNS for the FQDN


class _StoringHandler:
    def __init__(self, directory: Path, require_auth: bool = False):
        self.directory = directory
        self.require_auth = require_auth
        existing = [int(p.stem) for p in directory.glob("*.eml") if p.stem.isdigit()]
        self._numbers = itertools.count(max(existing, default=0) + 1)
        self._lock = threading.Lock()

    async def handle_MAIL(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, mail_options: list[str]) -> str:
        # Checked here rather than with aiosmtpd's auth_required, which logs a warning
        # about plain-text AUTH on every connection.
        if self.require_auth and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        envelope_headers = (f"X-Envelope-From: <{envelope.mail_from}>\r\n"
                            f"X-Envelope-To: {', '.join(f'<{r}>' for r in envelope.rcpt_tos)}\r\n")
        with self._lock:
            number = next(self._numbers)
        # Written under another name first: a reader polling for *.eml never sees half a file.
        partial = self.directory / f".{number}.eml.partial"
        partial.write_bytes(envelope_headers.encode("ascii", "backslashreplace") + raw)
        os.replace(partial, self.directory / f"{number}.eml")
        return "250 2.0.0 Message stored"


def _smtp_factory(handler: _StoringHandler, auth: tuple[str, str] | None):
    def make() -> SMTP:
        if auth is None:
            return SMTP(handler, hostname=SINK_HOSTNAME)

        def check(server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                  auth_data: object) -> AuthResult:
            ok = (isinstance(auth_data, LoginPassword)
                  and (auth_data.login.decode("utf-8", "replace"),
                       auth_data.password.decode("utf-8", "replace")) == auth)
            return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd sends 535

        # Plain-text AUTH is the point: it is what the client under test must handle.
        return SMTP(handler, hostname=SINK_HOSTNAME, auth_require_tls=False, authenticator=check)
    return make


class SmtpSink:
    """Runs the sink on a background event loop; `directory` defaults to a fresh temp dir."""

    def __init__(self, directory: str | os.PathLike[str] | None = None, host: str = "127.0.0.1",
                 port: int = 0, auth: tuple[str, str] | None = None):
        self.host = host
        self.port = port
        self.auth = auth
        self._owns_directory = directory is None
        self.directory = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="smtp-sink-"))
        self.directory.mkdir(parents=True, exist_ok=True)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> "SmtpSink":
        loop = asyncio.new_event_loop()
        handler = _StoringHandler(self.directory, require_auth=self.auth is not None)
        self._server = loop.run_until_complete(
            loop.create_server(_smtp_factory(handler, self.auth), self.host, self.port))
        self.port = self._server.sockets[0].getsockname()[1]
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="smtp-sink", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        loop, server = self._loop, self._server
        if loop is None or server is None:
            return

        async def close() -> None:
            server.close()
            await server.wait_closed()

        try:
            asyncio.run_coroutine_threadsafe(close(), loop).result(timeout=10)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            if self._thread:
                self._thread.join(timeout=10)
            loop.close()
            self._loop = self._server = self._thread = None
            if self._owns_directory:
                shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> "SmtpSink":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def paths(self) -> list[Path]:
        return sorted((p for p in self.directory.glob("*.eml") if p.stem.isdigit()),
                      key=lambda p: int(p.stem))

    def raw_messages(self) -> list[bytes]:
        return [p.read_bytes() for p in self.paths()]

    def messages(self) -> list[EmailMessage]:
        return [email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[misc]
                for raw in self.raw_messages()]

    def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        """The stored messages once there are at least `count`; AssertionError after `timeout`."""
        deadline = time.monotonic() + timeout
        while len(self.paths()) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"SMTP sink on port {self.port}: {len(self.paths())} "
                                     f"message(s) after {timeout:.0f}s, expected {count}")
            time.sleep(0.05)
        return self.messages()


def _parse_auth(value: str) -> tuple[str, str]:
    user, sep, password = value.partition(":")
    if not sep or not user:
        raise argparse.ArgumentTypeError("expected USER:PASSWORD")
    return user, password


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Store every message received over SMTP as <dir>/<n>.eml.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (printed as 'PORT <n>')")
    parser.add_argument("--dir", required=True, type=Path)
    parser.add_argument("--auth", type=_parse_auth, metavar="USER:PASSWORD",
                        help="advertise AUTH (without TLS) and require these credentials")
    parser.add_argument("--exit-on-stdin-eof", action="store_true",
                        help="stop when stdin closes, e.g. when the process that started it dies")
    args = parser.parse_args(argv)
    # A parent may spawn us with signals blocked (Foundation's Process on Linux passes on the
    # mask of its thread): SIGTERM would then never arrive and the sink would outlive the test.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    sink = SmtpSink(args.dir, host=args.host, port=args.port, auth=args.auth).start()
    print(f"PORT {sink.port}", flush=True)
    try:
        if args.exit_on_stdin_eof:
            while sys.stdin.buffer.read(4096):
                pass
        else:
            threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        sink.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
