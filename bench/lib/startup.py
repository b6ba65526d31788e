#!/usr/bin/env python3
"""Start the server and time exec → first 200 from /healthz.

    startup.py --port P --pidfile F --log L [--timeout S] [--interval MS] -- CMD ARGS...

Spawns CMD (its environment is ours), writes its pid to F at once so the caller's trap can
end it whatever happens next, then asks GET /healthz on 127.0.0.1:P every --interval ms
(5 by default) until the first 200. Prints one line of JSON: {"pid", "ms", "attempts"}.
Leaves the server running on success; on failure (timeout, or the server exited) ends it
and exits non-zero. Bounded: gives up after --timeout seconds (30 by default).
"""
import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time


def healthz_status(port: int) -> int | None:
    """The status code of one GET /healthz, or None if nothing answered."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0) as s:
            s.settimeout(1.0)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            data = b""
            while b"\r\n" not in data and len(data) < 4096:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
    except OSError:
        return None
    parts = data.split(b" ", 2)
    if len(parts) >= 2 and parts[0].startswith(b"HTTP/") and parts[1].isdigit():
        return int(parts[1])
    return None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pidfile", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--interval", type=float, default=5.0, help="milliseconds between polls")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        ap.error("no command")

    log = open(a.log, "ab")
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    with open(a.pidfile, "w") as f:
        f.write(f"{proc.pid}\n")

    deadline = t0 + a.timeout
    attempts = 0
    while time.monotonic() < deadline:
        attempts += 1
        if healthz_status(a.port) == 200:
            ms = (time.monotonic() - t0) * 1000.0
            print(json.dumps({"pid": proc.pid, "ms": round(ms, 1), "attempts": attempts}))
            return 0
        if proc.poll() is not None:
            print(json.dumps({"pid": proc.pid, "error": f"server exited with {proc.returncode}"}))
            return 1
        time.sleep(a.interval / 1000.0)

    print(json.dumps({"pid": proc.pid, "error": f"no 200 from /healthz within {a.timeout}s"}))
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
    return 1


if __name__ == "__main__":
    sys.exit(main())
