"""The annual plan's iCalendar feed (RFC 5545), read by a real iCalendar parser.

The office creates the 2026 plan through the JSON API (session cookie plus X-CSRF-Token, as
a signed-in browser would), takes it from draft to joint issuance, asks for a feed address
and the feed is fetched with no credentials at all, as a calendar program subscribes. The
`icalendar` package parses it: one all-day event per dated topic, the summary, a UID that
stays the same between fetches and across an adjustment, and a SEQUENCE that grows when the
plan is adjusted (so subscribers update the event instead of adding one).

The test starts its own demo server: the plan it issues must not collide with the 2026 plan
the browser tests build on the session server. The plan year is 2026 whatever today is,
because scheduling needs a year the built-in working calendar covers.

    .venv/bin/pytest tests/api/test_icalendar.py
"""

from __future__ import annotations

import datetime
import re

import pytest

requests = pytest.importorskip("requests")
icalendar = pytest.importorskip("icalendar")

from harness import DemoServer, forms_of, http_login_session  # noqa: E402

pytestmark = pytest.mark.slow

YEAR = 2026
DOCUMENT_NUMBER = "安政协办联发〔2026〕7号"
AGRICULTURE = "农业农村委员会"
ECONOMY = "经济科技委员会"
CULTURE = "文化文史和学习委员会"
# (title, lead committee, month): February is discussed at the plenary session (二.3), no date.
TOPICS = [
    ("全面推进乡村振兴", AGRICULTURE, 2),
    ("推进高标准农田建设与管护", AGRICULTURE, 4),
    ("促进民营经济高质量发展", ECONOMY, 6),
    ("梅山文化传承与文旅融合发展，打造“茶旅小镇”；兼论古村落保护利用", CULTURE, 9),
]
STEPS = [("adopt", "2026-01-08", "十一届第20次主席会议"),
         ("report", "2026-01-10", "安政协党组〔2026〕1号"),
         ("consent", "2026-01-15", "县委常委会议同意"),
         ("issue", "2026-01-18", DOCUMENT_NUMBER)]


class Api:
    """A signed-in user's JSON API client: the session cookie plus its CSRF token."""

    def __init__(self, base_url: str, username: str):
        self.base = base_url
        self.session = http_login_session(base_url, username)
        page = self.session.get(base_url + "/", timeout=15)
        tokens = {f["inputs"]["_csrf"] for f in forms_of(page.text) if "_csrf" in f["inputs"]}
        assert len(tokens) == 1, f"expected one CSRF token on the dashboard, found {tokens}"
        self.session.headers["X-CSRF-Token"] = tokens.pop()

    def call(self, method: str, path: str, json=None, expect: int = 200):
        r = self.session.request(method, self.base + path, json=json, timeout=30)
        assert r.status_code == expect, f"{method} {path} answered HTTP {r.status_code}: {r.text[:400]}"
        return r.json() if r.content else None


@pytest.fixture(scope="module")
def base_url():
    server = DemoServer("icalendar").start()
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def office(base_url) -> Api:
    return Api(base_url, "office")


@pytest.fixture(scope="module")
def issued_plan(office) -> dict:
    committees = {c["name"]: c["id"] for c in office.call("GET", "/api/v1/committees")}
    plan = office.call("POST", "/api/v1/plans", {"year": YEAR}, expect=201)
    assert plan["state"] == "draft"
    plan = office.call("PUT", f"/api/v1/plans/{YEAR}/topics", {"version": plan["version"], "topics": [
        {"title": title, "leadCommitteeID": committees[lead], "month": month} for title, lead, month in TOPICS]})
    plan = office.call("POST", f"/api/v1/plans/{YEAR}/schedule", {"version": plan["version"]})
    for action, date, reference in STEPS:
        plan = office.call("POST", f"/api/v1/plans/{YEAR}/steps",
                           {"version": plan["version"], "action": action, "date": date, "reference": reference})
    assert plan["state"] == "issued" and plan["documentNumber"] == DOCUMENT_NUMBER
    return plan


@pytest.fixture(scope="module")
def feed_url(base_url, office, issued_plan) -> str:
    feed = office.call("POST", "/api/v1/calendar-feeds", {}, expect=201)
    assert feed["scope"] == "organization"
    assert re.fullmatch(r"/ical/[A-Za-z0-9_-]+\.ics", feed["url"]), feed["url"]
    return base_url + feed["url"]


def fetch(url: str) -> bytes:
    """The feed as a calendar program gets it: a plain GET, no cookie, no token."""
    r = requests.get(url, timeout=15)
    assert r.status_code == 200, f"GET {url} answered HTTP {r.status_code}"
    assert r.headers["content-type"].startswith("text/calendar")
    return r.content


def events(raw: bytes) -> dict[str, icalendar.Event]:
    """The feed's events by UID."""
    cal = icalendar.Calendar.from_ical(raw)
    found = {}
    for e in cal.walk("VEVENT"):
        uid = str(e["UID"])
        assert uid not in found, f"UID {uid} twice"
        found[uid] = e
    return found


def dated(plan: dict) -> list[dict]:
    return [t for t in plan["topics"] if "date" in t]


def uid(topic: dict) -> str:
    return f"symposium-{YEAR}-{topic['id']}@xieshang"


def test_feed_is_wellformed_rfc5545(feed_url):
    raw = fetch(feed_url)
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "a bare LF or CR"
    too_long = [line for line in lines if len(line) > 75]
    assert not too_long, f"lines over 75 octets: {too_long[:3]}"
    assert b"\r\n " in raw, "the long Chinese summary should be folded"
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"])


def test_one_all_day_event_per_dated_topic(feed_url, issued_plan):
    topics = dated(issued_plan)
    assert len(topics) == len(TOPICS) - 1, "every topic but the plenary one is scheduled"
    found = events(fetch(feed_url))
    assert set(found) == {uid(t) for t in topics}
    for t in topics:
        e = found[uid(t)]
        day = datetime.date.fromisoformat(t["date"])
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        # All-day: a date, not a date-time.
        assert type(start) is datetime.date and type(end) is datetime.date, (start, end)
        assert start == day and end == day + datetime.timedelta(days=1)
        assert str(e["SUMMARY"]) == f"双月协商座谈会：{t['title']}"
        assert str(e["STATUS"]) == "CONFIRMED"
        assert t["leadCommitteeName"] in str(e["DESCRIPTION"])
        assert DOCUMENT_NUMBER in str(e["DESCRIPTION"])
        # The scheduler's rules hold for the dates the feed carries: working days, never a weekend here.
        assert start.weekday() < 5


def test_uid_is_stable_across_fetches(feed_url):
    first, second = events(fetch(feed_url)), events(fetch(feed_url))
    assert set(first) == set(second)
    for key in first:
        assert first[key].decoded("DTSTART") == second[key].decoded("DTSTART")
        assert int(first[key]["SEQUENCE"]) == int(second[key]["SEQUENCE"])


def test_sequence_grows_and_uid_stays_after_an_adjustment(feed_url, office):
    before = events(fetch(feed_url))
    plan = office.call("GET", f"/api/v1/plans/{YEAR}")
    topic = next(t for t in plan["topics"] if t["month"] == 9)
    office.call("POST", f"/api/v1/plans/{YEAR}/adjustments", {
        "version": plan["version"], "topicID": topic["id"], "title": topic["title"],
        "leadCommitteeID": topic["leadCommitteeID"], "month": 10, "reason": "与县文旅产业大会时间冲突，推迟一个月"})
    adjusted = office.call("GET", f"/api/v1/plans/{YEAR}")
    assert adjusted["adjustments"][-1]["reason"] == "与县文旅产业大会时间冲突，推迟一个月"

    after = events(fetch(feed_url))
    assert set(after) == set(before), "an adjustment must update events, not replace them"
    moved = after[uid(topic)]
    assert int(moved["SEQUENCE"]) > int(before[uid(topic)]["SEQUENCE"])
    assert moved.decoded("DTSTART").month == 10
    assert moved.decoded("DTSTART") != before[uid(topic)].decoded("DTSTART")
    new_date = next(t["date"] for t in adjusted["topics"] if t["id"] == topic["id"])
    assert moved.decoded("DTSTART") == datetime.date.fromisoformat(new_date)


def test_person_feed_holds_only_the_committees_own_topics(base_url, issued_plan):
    committee = Api(base_url, "committee")
    feed = committee.call("POST", "/api/v1/calendar-feeds", {"scope": "person"}, expect=201)
    assert feed["scope"] == "person"
    found = events(fetch(base_url + feed["url"]))
    ours = [t for t in dated(issued_plan) if t["leadCommitteeName"] == AGRICULTURE]
    assert ours and set(found) == {uid(t) for t in ours}


def test_unknown_token_is_not_found(base_url):
    r = requests.get(base_url + "/ical/not-a-real-token.ics", timeout=15)
    assert r.status_code == 404
