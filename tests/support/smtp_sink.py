"""A real SMTP server (aiosmtpd) that stores every message it receives as a file.

Tests that e-mail talk to it instead of a mock, so the bytes on the wire go through a real
SMTP implementation (dot-unstuffing, line limits, AUTH) and a real MIME parser.

As a script (for the Swift tests, or by hand):

    python tests/support/smtp_sink.py --port 0 --dir /tmp/mails [--auth USER:PASSWORD]
        [--tls starttls|implicit [--cert-names NAME,...]] [--auth-mechanisms PLAIN,LOGIN]
        [--reject-rcpt ADDRESS]... [--defer-rcpt ADDRESS]... [--size-limit BYTES]

prints `PORT <n>` on one line once it accepts connections, then stores message k as
`<dir>/<k>.eml` (k = 1, 2, ...): the raw DATA bytes preceded by `X-Envelope-From` and
`X-Envelope-To` headers, and beside it `<dir>/<k>.json`: how it came (`tls`: the TLS version
or null, `login`: the user that logged in or null). It runs until killed (or, with
--exit-on-stdin-eof, until its stdin closes, so that it does not outlive a test process that
crashed).

With --tls it makes a private CA and a certificate for --cert-names (default localhost,
127.0.0.1, ::1) at start (trustme), writes the CA as `<dir>/ca.pem`, and speaks TLS after
STARTTLS or from the first byte. --auth then requires TLS before AUTH, as real relays do
(without --tls, AUTH is offered in clear: the client must refuse or be told to allow it).
--reject-rcpt answers RCPT for ADDRESS with 550, --defer-rcpt with 450; --size-limit is the
SIZE it advertises (and enforces).

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
import json
import os
import shutil
import signal
import ssl
import sys
import tempfile
import threading
import time
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

SINK_HOSTNAME = "smtp-sink.test"  # given, so that aiosmtpd does not ask DNS for the FQDN


class _StoringHandler:
    def __init__(self, directory: Path, require_auth: bool = False,
                 reject_rcpt: frozenset[str] = frozenset(), defer_rcpt: frozenset[str] = frozenset()):
        self.directory = directory
        self.require_auth = require_auth
        self.reject_rcpt = reject_rcpt
        self.defer_rcpt = defer_rcpt
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

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        if address in self.reject_rcpt:
            return "550 5.1.1 No such mailbox here"
        if address in self.defer_rcpt:
            return "450 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        envelope_headers = (f"X-Envelope-From: <{envelope.mail_from}>\r\n"
                            f"X-Envelope-To: {', '.join(f'<{r}>' for r in envelope.rcpt_tos)}\r\n")
        ssl_object = server.transport.get_extra_info("ssl_object") if server.transport else None
        how = {"tls": ssl_object.version() if ssl_object else None,
               "login": session.auth_data if session.authenticated else None}
        with self._lock:
            number = next(self._numbers)
        (self.directory / f"{number}.json").write_text(json.dumps(how))
        # Written under another name first: a reader polling for *.eml never sees half a file.
        partial = self.directory / f".{number}.eml.partial"
        partial.write_bytes(envelope_headers.encode("ascii", "backslashreplace") + raw)
        os.replace(partial, self.directory / f"{number}.eml")
        return "250 2.0.0 Message stored"


AUTH_MECHANISMS = ("PLAIN", "LOGIN")
TLS_MODES = ("starttls", "implicit")
DEFAULT_SIZE_LIMIT = 33554432  # aiosmtpd's own default, 32 MiB


def _smtp_factory(handler: _StoringHandler, auth: tuple[str, str] | None, tls: ssl.SSLContext | None = None,
                  tls_mode: str = "starttls", auth_mechanisms: tuple[str, ...] = AUTH_MECHANISMS,
                  size_limit: int = DEFAULT_SIZE_LIMIT):
    starttls_context = tls if tls_mode == "starttls" else None

    def make() -> SMTP:
        if auth is None:
            return SMTP(handler, hostname=SINK_HOSTNAME, tls_context=starttls_context, data_size_limit=size_limit)

        def check(server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                  auth_data: object) -> AuthResult:
            ok = (isinstance(auth_data, LoginPassword)
                  and (auth_data.login.decode("utf-8", "replace"),
                       auth_data.password.decode("utf-8", "replace")) == auth)
            # handled=False: aiosmtpd sends 535 on failure.
            return AuthResult(success=ok, handled=False, auth_data=auth[0] if ok else None)

        # Without TLS, plain-text AUTH is the point: it is what the client under test must
        # refuse, or handle when told to. With STARTTLS, AUTH only after it, like real relays.
        # (aiosmtpd counts only STARTTLS as TLS, so implicit TLS must not require it again.)
        return SMTP(handler, hostname=SINK_HOSTNAME, tls_context=starttls_context, data_size_limit=size_limit,
                    auth_require_tls=starttls_context is not None, authenticator=check,
                    auth_exclude_mechanism=[m for m in AUTH_MECHANISMS if m not in auth_mechanisms])
    return make


def make_tls(directory: Path, names: list[str]) -> ssl.SSLContext:
    """A server context with a certificate for `names` from a new private CA, written as
    `<directory>/ca.pem` for the client to trust."""
    import trustme  # only the TLS sinks need it

    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(directory / "ca.pem"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(context)
    return context


class SmtpSink:
    """Runs the sink on a background event loop; `directory` defaults to a fresh temp dir."""

    def __init__(self, directory: str | os.PathLike[str] | None = None, host: str = "127.0.0.1",
                 port: int = 0, auth: tuple[str, str] | None = None, tls_mode: str | None = None,
                 cert_names: tuple[str, ...] = ("localhost", "127.0.0.1", "::1"),
                 auth_mechanisms: tuple[str, ...] = AUTH_MECHANISMS,
                 reject_rcpt: tuple[str, ...] = (), defer_rcpt: tuple[str, ...] = (),
                 size_limit: int = DEFAULT_SIZE_LIMIT):
        self.host = host
        self.port = port
        self.auth = auth
        self.tls_mode = tls_mode
        self.cert_names = cert_names
        self.auth_mechanisms = auth_mechanisms
        self.reject_rcpt = frozenset(reject_rcpt)
        self.defer_rcpt = frozenset(defer_rcpt)
        self.size_limit = size_limit
        self._owns_directory = directory is None
        self.directory = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="smtp-sink-"))
        self.directory.mkdir(parents=True, exist_ok=True)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> "SmtpSink":
        loop = asyncio.new_event_loop()
        handler = _StoringHandler(self.directory, require_auth=self.auth is not None,
                                  reject_rcpt=self.reject_rcpt, defer_rcpt=self.defer_rcpt)
        tls = make_tls(self.directory, list(self.cert_names)) if self.tls_mode else None
        factory = _smtp_factory(handler, self.auth, tls, self.tls_mode or "starttls", self.auth_mechanisms,
                                self.size_limit)
        self._server = loop.run_until_complete(loop.create_server(
            factory, self.host, self.port, ssl=tls if self.tls_mode == "implicit" else None))
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
    parser.add_argument("--tls", choices=TLS_MODES,
                        help="STARTTLS or TLS from the first byte, with a new CA written to <dir>/ca.pem")
    parser.add_argument("--cert-names", default="localhost,127.0.0.1,::1",
                        help="comma-separated names and addresses the certificate is for")
    parser.add_argument("--auth-mechanisms", default=",".join(AUTH_MECHANISMS),
                        help="the AUTH mechanisms to offer (of PLAIN, LOGIN)")
    parser.add_argument("--reject-rcpt", action="append", default=[], metavar="ADDRESS",
                        help="answer RCPT TO for ADDRESS with 550")
    parser.add_argument("--defer-rcpt", action="append", default=[], metavar="ADDRESS",
                        help="answer RCPT TO for ADDRESS with 450")
    parser.add_argument("--size-limit", type=int, default=DEFAULT_SIZE_LIMIT, metavar="BYTES",
                        help="the SIZE advertised and enforced")
    parser.add_argument("--exit-on-stdin-eof", action="store_true",
                        help="stop when stdin closes, e.g. when the process that started it dies")
    args = parser.parse_args(argv)
    # A parent may spawn us with signals blocked (Foundation's Process on Linux passes on the
    # mask of its thread): SIGTERM would then never arrive and the sink would outlive the test.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    mechanisms = tuple(m.strip().upper() for m in args.auth_mechanisms.split(",") if m.strip())
    if not set(mechanisms) <= set(AUTH_MECHANISMS):
        parser.error(f"--auth-mechanisms: only {', '.join(AUTH_MECHANISMS)}")
    sink = SmtpSink(args.dir, host=args.host, port=args.port, auth=args.auth, tls_mode=args.tls,
                    cert_names=tuple(n for n in args.cert_names.split(",") if n),
                    auth_mechanisms=mechanisms, reject_rcpt=tuple(args.reject_rcpt),
                    defer_rcpt=tuple(args.defer_rcpt), size_limit=args.size_limit).start()
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
