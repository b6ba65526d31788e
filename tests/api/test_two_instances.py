"""Two app instances on one PostgreSQL serve one live meeting (issue 5, "Beyond one machine").

A fresh database on the throwaway PostgreSQL that scripts/test starts (its URL in
XIESHANG_PG_URL; XIESHANG_TEST_DATABASE_URL is read too), two `xieshang serve --demo`
processes with DATABASE_URL on it — A loads the demo county, B starts once A is up — and a
symposium prepared through A. WebSocket viewers on both; a console action POSTed to A must
reach the viewer on B within 2 s (through PostgreSQL LISTEN/NOTIFY on `xieshang_live`), and
one POSTed to B the viewer on A. The latencies are printed, kept as test properties and
written to tests/artifacts/live-two-instances.txt. The database is dropped afterwards.

Skipped, saying so, only when no PostgreSQL URL is given (e.g. a bare `pytest` run).

    XIESHANG_PG_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/pytest tests/api/test_two_instances.py
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit, urlunsplit

import pytest

requests = pytest.importorskip("requests")
websockets = pytest.importorskip("websockets")
psycopg = pytest.importorskip("psycopg")

from websockets.asyncio.client import connect  # noqa: E402

from harness import ARTIFACTS, DemoServer  # noqa: E402
from live_setup import PREPARATION_NOW, api_session, ok, prepare_live_symposium, write_clock  # noqa: E402

pytestmark = pytest.mark.slow

PG_URL_VARIABLES = ("XIESHANG_PG_URL", "XIESHANG_TEST_DATABASE_URL")
DEADLINE = 2.0   # seconds from the POST on one instance to the viewer on the other


def cluster_url() -> str:
    for name in PG_URL_VARIABLES:
        url = os.environ.get(name, "").strip()
        if url:
            return url
    pytest.skip(f"no PostgreSQL URL: none of {', '.join(PG_URL_VARIABLES)} is set "
                "(scripts/test starts a throwaway PostgreSQL and exports XIESHANG_PG_URL)")


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(scope="module")
def database_url():
    """A database of its own on the cluster, dropped at the end."""
    url = cluster_url()
    name = f"xieshang_live_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as e:
        pytest.fail(f"PostgreSQL at {url} is given but does not answer: {e}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield with_database(url, name)
        finally:
            # The servers are stopped by then; FORCE ends any connection left over.
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def clock_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("two-instances-clock") / "now"
    write_clock(path, PREPARATION_NOW)
    return path


@pytest.fixture(scope="module")
def instances(database_url, clock_file):
    env = {"DATABASE_URL": database_url, "XIESHANG_CLOCK_FILE": str(clock_file)}
    a = DemoServer("pg-a", env=env)
    b = DemoServer("pg-b", env=env)
    try:
        a.start()        # migrates and loads the demo county
        b.start()        # finds both done
        yield a, b
    finally:
        b.stop()
        a.stop()


@pytest.fixture(scope="module")
def live(instances, clock_file):
    """The tea-industry symposium prepared through A, with enough members to ask at once."""
    a, _ = instances
    return prepare_live_symposium(a.url, clock_file=clock_file, extra_members=12)


def cookie(session) -> dict[str, str]:
    return {"Cookie": "; ".join(f"{c.name}={c.value}" for c in session.cookies)}


async def wait_for_sequence(ws, sequence: int, timeout: float) -> tuple[dict, float]:
    """The first message with view.sequence ≥ `sequence`, and the monotonic time it came."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no message with sequence {sequence} within {timeout} s")
        message = json.loads(await asyncio.wait_for(ws.recv(), left))
        if message["view"]["sequence"] >= sequence:
            return message, time.monotonic()


def test_a_change_through_one_instance_reaches_viewers_on_the_other(instances, live, record_property):
    a, b = instances
    console_a = live.office
    console_b = api_session(b.url, "office")
    viewer_a = api_session(a.url, "department")       # the invited department head, on A
    viewer_b = api_session(b.url, "office")           # the office's big screen, on B
    ws_a = live.ws_url
    ws_b = ws_a.replace(a.url.split("//", 1)[1], b.url.split("//", 1)[1])
    live_b = live.live_url.replace(a.url, b.url)

    async def scenario() -> dict[str, float]:
        latencies = {}
        async with connect(ws_a, additional_headers=cookie(viewer_a)) as on_a, \
                connect(ws_b, additional_headers=cookie(viewer_b)) as on_b:
            first_a = json.loads(await asyncio.wait_for(on_a.recv(), 5))
            first_b = json.loads(await asyncio.wait_for(on_b.recv(), 5))
            assert first_a["symposiumID"] == first_b["symposiumID"] == live.sid
            assert first_a["view"]["sequence"] == first_b["view"]["sequence"] == 0
            assert first_b["view"]["phase"] == "notStarted"

            # Console on A: the viewer on B hears it through NOTIFY.
            t0 = time.monotonic()
            r = await asyncio.to_thread(console_a.post, live.live_url + "/start", timeout=15)
            assert r.status_code == 200, r.text
            seq = r.json()["view"]["sequence"]
            (m_b, t_b), (m_a, t_a) = await asyncio.gather(wait_for_sequence(on_b, seq, DEADLINE),
                                                          wait_for_sequence(on_a, seq, DEADLINE))
            latencies["A→B start"], latencies["A→A start"] = t_b - t0, t_a - t0
            assert m_b["view"]["phase"] == "running" and m_b["view"]["sequence"] == seq

            # Console on B: the viewer on A hears it, and B's own viewer.
            t0 = time.monotonic()
            r = await asyncio.to_thread(console_b.post, live_b + "/next", timeout=15)
            assert r.status_code == 200, r.text
            answer = r.json()
            (m_a, t_a), (m_b, t_b) = await asyncio.gather(
                wait_for_sequence(on_a, answer["view"]["sequence"], DEADLINE),
                wait_for_sequence(on_b, answer["view"]["sequence"], DEADLINE))
            latencies["B→A next"], latencies["B→B next"] = t_a - t0, t_b - t0
            for m in (m_a, m_b):
                assert m["view"]["current"]["speechID"] == answer["view"]["current"]["speechID"]
                assert m["view"]["current"]["name"] == answer["view"]["current"]["name"]
                assert [s["id"] for s in m["speeches"]] == [s["id"] for s in answer["speeches"]]
        return latencies

    latencies = asyncio.run(scenario())
    summary = ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in latencies.items())
    print(f"\nPOST on one instance -> viewer receipt: {summary}")
    for k, v in latencies.items():
        record_property(f"latency {k} (ms)", round(v * 1000, 1))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "live-two-instances.txt").write_text(
        f"{time.strftime('%Y-%m-%d %H:%M:%S')} two instances on PostgreSQL: {summary}\n")
    assert all(v < DEADLINE for v in latencies.values()), summary


def test_requests_to_speak_through_both_instances_at_once_are_all_kept(instances, live):
    """三(三).4 on two instances: members ask to speak at the same moment, half through A and
    half through B. Each instance commits its own requests together; the two instances'
    transactions take turns on PostgreSQL, so none overwrites the other's queue."""
    a, b = instances
    state = live.state()
    if state["view"]["phase"] == "notStarted":
        live.post("start")
    while (live.state()["view"].get("segment") or {}).get("kind") != "freeSpeech":
        if live.state()["view"].get("current"):
            live.post("end-speech")
        live.post("advance")
    before = live.state()
    asking = [p for p in live.attending("members", "experts")
              if p not in {r["personID"] for r in before["view"]["queue"]}]
    assert len(asking) >= 10, f"only {len(asking)} attending members/experts to ask"

    # A session of its own per request (requests.Session is not for sharing across threads),
    # signed in beforehand, and a barrier, so that the requests leave together.
    sessions = [(base, api_session(base, "office")) for base in (a.url, b.url) * ((len(asking) + 1) // 2)]
    barrier = threading.Barrier(len(asking))

    def ask(i: int):
        base, session = sessions[i]
        barrier.wait(timeout=30)
        return asking[i], session.post(live.live_url.replace(a.url, base) + "/requests",
                                       json={"personID": asking[i]}, timeout=30)

    with ThreadPoolExecutor(max_workers=len(asking)) as pool:
        answers = list(pool.map(ask, range(len(asking))))
    refused = [(p, r.status_code, r.text[:200]) for p, r in answers if r.status_code != 200]
    assert not refused, refused

    for base, session in sessions[:2]:
        after = ok(session.get(live.live_url.replace(a.url, base), timeout=15))
        queued = [r["personID"] for r in after["view"]["queue"]]
        assert sorted(queued) == sorted([r["personID"] for r in before["view"]["queue"]] + asking), \
            f"on {base}: queue {queued}, asked {asking}"
        assert after["view"]["sequence"] == before["view"]["sequence"] + len(asking)
