"""A symposium ready to be held, prepared through the API of a running demo server.

The steps are those of the preparation (issue "Symposium preparation") and of the agenda,
as a client makes them: an annual plan for 2026 with the topic on 17 December, issued; the
symposium; its implementation plan adopted; members and experts suggested by the server
invited and confirmed, plus a department head and leaders; the agenda's briefing, keynote
and three booked members. Every call goes through requests with the session cookie and the
X-CSRF-Token header, as the pages' scripts do.

    from live_setup import prepare_live_symposium, write_clock
    write_clock(clock_file, PREPARATION_NOW)            # before the server starts
    live = prepare_live_symposium(base_url, clock_file=clock_file)
    live.post("start"); live.post("next")                # the console (office)

With `clock_file` (the server's XIESHANG_CLOCK_FILE) the server's "now" is put on the
morning of the meeting once the preparation is done, so the meeting is held on its day (and
the office and committee sign in again: a session lasts 12 hours of the server's clock).

Used by tests/api/test_live_websocket.py, tests/api/test_two_instances.py and bench/live.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from harness import http_login_session

YEAR = 2026
MEETING_DAY = "2026-12-17"
# The server's "now" while preparing (before the plan is issued) and on the meeting's day
# (Beijing time 09:00 and 08:50).
PREPARATION_NOW = "2026-11-20T01:00:00Z"
MEETING_NOW = "2026-12-17T00:50:00Z"
TOPIC = "推进安化黑茶全产业链高质量发展"
LEAD_COMMITTEE = "农业农村委员会"
VICE_CHAIR = "陶和平"
# A department head (姜茂林, 县农业农村局, the demo user `department`) and two leaders.
EXTRA_INVITEES = ["姜茂林", "王梅生", "符鹏飞"]


class ApiError(AssertionError):
    def __init__(self, response: requests.Response):
        self.response = response
        super().__init__(f"{response.request.method} {response.url} -> HTTP {response.status_code}: "
                         f"{response.text[:500]}")


def write_clock(path: str | os.PathLike, instant: str | dt.datetime) -> None:
    """Sets the server's clock (XIESHANG_CLOCK_FILE): this instant, plus real time from now on."""
    if isinstance(instant, dt.datetime):
        # Whole seconds, rounded up: the server's clock may never go back.
        instant = instant.astimezone(dt.timezone.utc)
        if instant.microsecond:
            instant = instant.replace(microsecond=0) + dt.timedelta(seconds=1)
        instant = instant.strftime("%Y-%m-%dT%H:%M:%SZ")
    tmp = Path(f"{path}.tmp")
    tmp.write_text(instant)
    os.replace(tmp, path)   # atomic: the server never reads a half-written file


def clock_now(path: str | os.PathLike) -> dt.datetime:
    """The server's "now" as FileClock computes it: the instant in the file plus real time since."""
    text = Path(path).read_text().strip()
    base = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return base + dt.timedelta(seconds=max(0.0, time.time() - os.path.getmtime(path)))


def advance_clock(path: str | os.PathLike, seconds: float) -> dt.datetime:
    """Moves the server's clock ahead by `seconds` (real time keeps running from there)."""
    later = clock_now(path) + dt.timedelta(seconds=seconds)
    write_clock(path, later)
    return later


def api_session(base_url: str, username: str) -> requests.Session:
    """A demo user signed in with the session cookie, sending the page's CSRF token."""
    s = http_login_session(base_url, username)
    page = s.get(base_url + "/", timeout=15).text
    m = re.search(r'name="_csrf" value="([^"]+)"', page)
    assert m, f"no _csrf field on the home page of {username}"
    s.headers["X-CSRF-Token"] = m.group(1)
    return s


def ok(r: requests.Response):
    if r.status_code >= 400:
        raise ApiError(r)
    return r.json() if r.headers.get("content-type", "").startswith("application/json") else r


def version_of(session: requests.Session, url: str, item: int | None = None) -> int:
    """The `version` of the object at `url` (of its follow-up item `item`), as read now."""
    body = ok(session.get(url, timeout=30))
    if item is None:
        return body["version"]
    return next(i["version"] for i in body["items"] if i["id"] == item)


def edit(session: requests.Session, method: str, url: str, based_on: str, body: dict | None = None,
         item: int | None = None, timeout: float = 30) -> requests.Response:
    """An edit of an existing object names the version it was based on: read it, then send."""
    return session.request(method, url, json={"version": version_of(session, based_on, item), **(body or {})},
                           timeout=timeout)


@dataclass
class LiveSymposium:
    base_url: str
    sid: int
    office: requests.Session
    committee: requests.Session
    # personID -> attendee as the live state lists them (name, unit, category).
    attendees: dict[int, dict] = field(default_factory=dict)
    agenda: dict = field(default_factory=dict)

    @property
    def live_url(self) -> str:
        return f"{self.base_url}/api/v1/symposia/{self.sid}/live"

    @property
    def ws_url(self) -> str:
        return "ws" + self.live_url[len("http"):] + "/ws"

    def post(self, action: str, session: requests.Session | None = None, **json) -> dict:
        """A console action (start, next, pause, resume, end-speech, advance, end) or
        `speeches` / `requests` with a JSON body; returns the LiveMessage."""
        return ok((session or self.office).post(f"{self.live_url}/{action}", json=json or None, timeout=30))

    def state(self, session: requests.Session | None = None) -> dict:
        return ok((session or self.office).get(self.live_url, timeout=30))

    def attending(self, *categories: str) -> list[int]:
        """Person ids of those attending, of these categories (members, experts, …)."""
        return [pid for pid, a in self.attendees.items() if not categories or a.get("category") in categories]

    def login(self, username: str) -> requests.Session:
        """Another demo user signed in now (session cookie + CSRF header)."""
        return api_session(self.base_url, username)

    def cookie_header(self, session: requests.Session | None = None) -> str:
        s = session or self.office
        return "; ".join(f"{c.name}={c.value}" for c in s.cookies)


def _confirm_preinvited(committee: requests.Session, office: requests.Session, base: str, sid: int) -> dict:
    s = ok(office.get(f"{base}/api/v1/symposia/{sid}", timeout=30))
    for inv in s["invitees"]:
        if inv["state"] == "preInvited":
            ok(committee.post(f"{base}/api/v1/symposia/{sid}/invitees/{inv['personID']}/answer",
                              json={"answer": "confirm"}, timeout=30))
    return ok(office.get(f"{base}/api/v1/symposia/{sid}", timeout=30))


def prepare_live_symposium(base_url: str, clock_file: str | os.PathLike | None = None,
                           members: int = 6, extra_members: int = 0,
                           exclude_persons: tuple[int, ...] = (), send_notices: bool = True) -> LiveSymposium:
    """Prepares the 2026 tea-industry symposium on a fresh demo server, ready to `start`.

    `members`: how many of the server's suggested invitees (members and experts) to invite;
    `extra_members`: up to that many more members from the people list, as far as the quota
    of members allows (for a benchmark that needs many attendees asking to speak);
    `exclude_persons`: person ids never invited (e.g. the demo user `member`, to check that
    someone not invited gets no socket); `send_notices=False` stops once the invitees have
    confirmed, before the office's formal notices (for a test of the notices' mails). Needs a
    fresh demo county (no 2026 plan yet).
    """
    B = base_url.rstrip("/")
    if clock_file:
        write_clock(clock_file, PREPARATION_NOW)
    office = api_session(B, "office")
    committee = api_session(B, "committee")
    vice = api_session(B, "vicechair")

    # The annual plan: the topic on 17 December, adopted, reported, consented to and issued.
    ok(office.post(f"{B}/api/v1/plans", json={"year": YEAR}, timeout=30))
    committees = {c["name"]: c["id"] for c in ok(office.get(f"{B}/api/v1/committees", timeout=30))}
    lead = committees[LEAD_COMMITTEE]
    topics = [dict(title="全面推进乡村振兴", leadCommitteeID=lead, month=2),
              dict(title=TOPIC, rationale="茶产业", leadCommitteeID=lead, month=12)]
    plan = ok(office.put(f"{B}/api/v1/plans/{YEAR}/topics", json={"topics": topics, "version": 1}, timeout=30))
    tid = next(t["id"] for t in plan["topics"] if t["month"] == 12)
    plan = ok(office.post(f"{B}/api/v1/plans/{YEAR}/topics/{tid}/date",
                          json={"date": MEETING_DAY, "version": plan["version"]}, timeout=30))
    for action, ref in [("adopt", "第25次主席会议"), ("report", "报告"), ("consent", "同意"),
                        ("issue", f"安政协办联发〔{YEAR}〕1号")]:
        plan = ok(office.post(f"{B}/api/v1/plans/{YEAR}/steps", json={
            "action": action, "reference": ref, "date": "2026-11-20", "version": plan["version"]}, timeout=30))

    # The symposium and its implementation plan (committee drafts, vice-chair signs, office adopts).
    vc = ok(office.get(f"{B}/api/v1/persons", params={"q": VICE_CHAIR}, timeout=30))
    vcid = (vc["items"] if isinstance(vc, dict) else vc)[0]["id"]
    sid = ok(office.post(f"{B}/api/v1/symposia", json={"year": YEAR, "topicID": tid, "viceChairInChargeID": vcid},
                         timeout=30))["id"]
    content = {"time": "2026年12月17日上午9:00", "place": "县政协三楼会议室", "host": "李永安", "topic": "黑茶",
               "invitees": "委员、专家学者", "agenda": "六项，约2小时", "otherMatters": "无", "research": "调研"}
    S = f"{B}/api/v1/symposia/{sid}"
    ok(edit(committee, "POST", f"{S}/implementation-plan", S, {"action": "save", "content": content}))
    ok(edit(committee, "POST", f"{S}/implementation-plan", S, {"action": "submit"}))
    ok(edit(vice, "POST", f"{S}/implementation-plan", S, {"action": "sign", "note": "同意"}))
    ok(edit(office, "POST", f"{S}/implementation-plan", S, {"action": "adopt", "note": "第26次主席会议"}))

    # Invitees: the server's suggestions (members and experts), then a department head and leaders.
    suggestions = [x for x in ok(committee.get(f"{S}/invitee-suggestions", timeout=30))
                   if x["personID"] not in exclude_persons]
    for x in suggestions[:members]:
        ok(committee.post(f"{S}/invitees", json={"personID": x["personID"], "reason": x["reason"]}, timeout=30))
    invited = {x["personID"] for x in suggestions[:members]}
    page = 1
    while extra_members > 0:
        found = ok(office.get(f"{B}/api/v1/persons", params={"kind": "member", "page": page}, timeout=30))["items"]
        if not found:
            break
        for person in found:
            if extra_members > 0 and person["id"] not in invited and person["id"] not in exclude_persons:
                r = committee.post(f"{S}/invitees", json={"personID": person["id"], "reason": "列席"}, timeout=30)
                if r.status_code == 400 and "invitee_quota_refused" in r.text:
                    extra_members = 0     # the Regulation's quota of members is reached
                    break
                ok(r)
                invited.add(person["id"])
                extra_members -= 1
        page += 1
    ok(committee.post(f"{S}/invitees/pre-invite", timeout=30))
    _confirm_preinvited(committee, office, B, sid)
    for name in EXTRA_INVITEES:
        found = ok(office.get(f"{B}/api/v1/persons", params={"q": name}, timeout=30))["items"]
        if found and found[0]["id"] not in exclude_persons:
            ok(committee.post(f"{S}/invitees", json={"personID": found[0]["id"]}, timeout=30))
    ok(committee.post(f"{S}/invitees/pre-invite", timeout=30))
    _confirm_preinvited(committee, office, B, sid)
    if not send_notices:
        return LiveSymposium(base_url=B, sid=sid, office=office, committee=committee)
    ok(office.post(f"{S}/formal-notices", timeout=30))

    # The agenda: briefing by the department, the lead committee's keynote, three booked members.
    ag = ok(committee.get(f"{S}/agenda", timeout=30))
    cands = {i["kind"]: i["candidates"] for i in ag["items"]}
    ok(edit(committee, "PUT", f"{S}/agenda/departmentBriefing", S, {"speakers": [
        {"personID": cands["departmentBriefing"][0]["personID"], "subject": "全县茶产业情况"}]}))
    ok(edit(committee, "PUT", f"{S}/agenda/keynote", S, {"speakers": [{"personID": cands["keynote"][0]["personID"]}]}))
    booked = [c for c in cands["bookedSpeech"] if c["category"] == "members"][:3]
    agenda = ok(edit(committee, "PUT", f"{S}/agenda/bookedSpeech", S,
                     {"speakers": [{"personID": c["personID"]} for c in booked]}))
    if clock_file:
        # Sessions last 12 hours of the server's clock: sign in again on the meeting's day.
        write_clock(clock_file, MEETING_NOW)
        office, committee = api_session(B, "office"), api_session(B, "committee")
    live = LiveSymposium(base_url=B, sid=sid, office=office, committee=committee, agenda=agenda)
    live.attendees = {a["personID"]: a for a in live.state()["attendees"]}
    return live
