"""The iCalendar feeds (RFC 5545), read by a real iCalendar parser.

The office creates the 2026 plan through the JSON API (session cookie plus X-CSRF-Token, as
a signed-in browser would), takes it from draft to joint issuance, asks for a feed address
and the feed is fetched with no credentials at all, as a calendar program subscribes. The
`icalendar` package parses it: one all-day event per dated topic, the summary, a UID that
stays the same between fetches and across an adjustment, and a SEQUENCE that grows when the
plan is adjusted (so subscribers update the event instead of adding one). Then a topic is
made a symposium with its hours and place and its two preparatory meetings: timed events in
Asia/Shanghai (the feed's own VTIMEZONE), a SEQUENCE that grows after a reschedule and a
moved meeting, and the personal feeds of an invited expert and leader, a department head on
a meeting's list, and a member who is not invited (an empty, still valid calendar).

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
    # Once a topic is a symposium its staff's feed holds its preparatory meetings too.
    assert ours and {k for k in found if k.startswith("symposium-")} == {uid(t) for t in ours}


def test_unknown_token_is_not_found(base_url):
    r = requests.get(base_url + "/ical/not-a-real-token.ics", timeout=15)
    assert r.status_code == 404


# ---------------------------------------------------------------- the meetings themselves

PLACE = "县政协三楼会议室"
MOBILIZATION_PLACE = "县政协二楼会议室"
SHANGHAI = datetime.timedelta(hours=8)


def person_id(api: Api, name: str) -> int:
    r = api.session.get(api.base + "/api/v1/persons", params={"q": name}, timeout=15)
    assert r.status_code == 200, r.text[:300]
    return next(p["id"] for p in r.json()["items"] if p["name"] == name)


@pytest.fixture(scope="module")
def symposium(office, issued_plan) -> dict:
    """The April topic (推进高标准农田建设, 农业农村委员会) made a symposium: 下午2:30至5:00 in
    县政协三楼会议室, its 部署动员会 at 上午9:00 with 姜茂林 on the list, its 工作协调会 on a day
    with no hours yet; 黄振宇 (expert) and 曾湘莲 (leader) invited and pre-invited."""
    topic = next(t for t in issued_plan["topics"] if t["month"] == 4)
    s = office.call("POST", "/api/v1/symposia", {"year": YEAR, "topicID": topic["id"]}, expect=201)
    root = f"/api/v1/symposia/{s['id']}"
    s = office.call("PUT", root + "/arrangements", {"version": s["version"], "place": PLACE, "startTime": "下午2:30至5:00"})
    day = datetime.date.fromisoformat(s["date"])
    bureau_head = person_id(office, "姜茂林")
    s = office.call("PUT", root + "/meetings/mobilization", {
        "version": s["version"], "date": (day - datetime.timedelta(days=30)).isoformat(), "time": "上午9:00",
        "place": MOBILIZATION_PLACE, "attendeeIDs": [bureau_head]})
    s = office.call("PUT", root + "/meetings/coordination", {
        "version": s["version"], "date": (day - datetime.timedelta(days=7)).isoformat(), "attendeeIDs": []})
    for name in ("黄振宇", "曾湘莲"):
        s = office.call("POST", root + "/invitees", {"personID": person_id(office, name), "reason": "与议题相关"})
    s = office.call("POST", root + "/invitees/pre-invite")
    return {"root": root, "topic": topic, "symposium": s}


def meeting_uid(kind: str, topic: dict) -> str:
    return f"{kind}-{YEAR}-{topic['id']}@xieshang"


def in_shanghai(value: datetime.datetime, day: datetime.date, hour: int, minute: int) -> None:
    assert isinstance(value, datetime.datetime) and value.tzinfo is not None, f"{value!r} is not a zoned date-time"
    assert value.utcoffset() == SHANGHAI, f"{value!r} is not at UTC+8"
    assert (value.date(), value.hour, value.minute) == (day, hour, minute), value


def test_symposium_and_meetings_are_timed_events_in_shanghai_with_places(feed_url, symposium):
    raw = fetch(feed_url)
    cal = icalendar.Calendar.from_ical(raw)
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    assert zones == ["Asia/Shanghai"], zones
    found = events(raw)
    day = datetime.date.fromisoformat(symposium["symposium"]["date"])

    s = found[uid(symposium["topic"])]
    in_shanghai(s.decoded("DTSTART"), day, 14, 30)
    in_shanghai(s.decoded("DTEND"), day, 17, 0)
    assert str(s["LOCATION"]) == PLACE

    m = found[meeting_uid("mobilization", symposium["topic"])]
    in_shanghai(m.decoded("DTSTART"), day - datetime.timedelta(days=30), 9, 0)
    assert str(m["LOCATION"]) == MOBILIZATION_PLACE
    assert str(m["SUMMARY"]).startswith("部署动员会：")

    c = found[meeting_uid("coordination", symposium["topic"])]
    assert type(c.decoded("DTSTART")) is datetime.date, "no hours written: all-day"
    assert c.decoded("DTSTART") == day - datetime.timedelta(days=7)
    assert "LOCATION" not in c


def test_reschedule_and_moved_meeting_keep_uid_and_raise_sequence(feed_url, office, symposium):
    before = events(fetch(feed_url))
    root = symposium["root"]
    s = office.call("GET", root)
    day = datetime.date.fromisoformat(s["date"])
    later = day + datetime.timedelta(days=7)
    s = office.call("POST", root + "/reschedule", {"version": s["version"], "date": later.isoformat(),
                                                   "reason": "与县委常委会议冲突", "confirmNonWorkingDay": True})
    s = office.call("PUT", root + "/meetings/mobilization", {
        "version": s["version"], "date": (later - datetime.timedelta(days=29)).isoformat(), "time": "下午3:00",
        "place": MOBILIZATION_PLACE, "attendeeIDs": [person_id(office, "姜茂林")]})
    after = events(fetch(feed_url))
    assert set(after) == set(before), "moves update events, never add or drop one"
    for key in (uid(symposium["topic"]), meeting_uid("mobilization", symposium["topic"])):
        assert int(after[key]["SEQUENCE"]) > int(before[key]["SEQUENCE"]), key
    in_shanghai(after[uid(symposium["topic"])].decoded("DTSTART"), later, 14, 30)
    in_shanghai(after[meeting_uid("mobilization", symposium["topic"])].decoded("DTSTART"),
                later - datetime.timedelta(days=29), 15, 0)


def personal_feed(base_url: str, username: str) -> tuple[bytes, dict]:
    api = Api(base_url, username)
    feed = api.call("POST", "/api/v1/calendar-feeds", {"scope": "person"}, expect=201)
    raw = fetch(base_url + feed["url"])
    return raw, events(raw)


@pytest.mark.parametrize("username", ["expert", "leader"])
def test_invited_persons_feed_holds_the_symposium(base_url, symposium, username):
    _, found = personal_feed(base_url, username)
    assert set(found) == {uid(symposium["topic"])}
    assert str(found[uid(symposium["topic"])]["LOCATION"]) == PLACE


def test_department_heads_feed_holds_the_meeting_on_whose_list_he_is(base_url, symposium):
    _, found = personal_feed(base_url, "department")
    assert set(found) == {meeting_uid("mobilization", symposium["topic"])}


def test_member_not_invited_has_an_empty_but_valid_feed(base_url, symposium):
    # 王淑贞 is a member of 农业农村委员会, which leads the symposium: not hers until invited.
    raw, found = personal_feed(base_url, "member")
    assert found == {}
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0"
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
