"""Issue 5, the symposium held (工作办法 三(二).4, 三(三)): the committee builds the agenda, then
the meeting runs with the console in one window, the big screen in another and two members'
phones, and the record (纪要) is drafted from what happened, edited and issued.

The module runs its own server whose clock is a file (`XIESHANG_CLOCK_FILE`, see
Sources/XieshangServer/App/FileClock.swift: the instant written plus the real time since),
so that a speech overruns its ten minutes without the test waiting for them: the test
writes a later instant. The symposium "推进安化黑茶全产业链高质量发展" (2026-12-17, 农业农村委员会)
is prepared through the JSON API first (tests/live_setup.py), with the demo users `member`
(王淑贞) and `expert` (黄振宇) among those attending and the agenda left empty: that is
setup, not what is tested here.

The windows stay open from one test to the next, as at a real meeting: `console` (office,
desktop; the committee builds the agenda in it first), `screen` (the projector, 1920×1080,
signed in as office), and the phones of `member` and `expert`, 390×844. The tests run in
file order and build on each other through `LIVE`. Every milestone is saved as
tests/artifacts/live-NN-*.png.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path
from types import SimpleNamespace

import docx
import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from harness import DEMO_PASSWORD, DemoServer
from live_setup import (MEETING_NOW, PREPARATION_NOW, TOPIC, advance_clock, api_session, clock_now, edit, ok,
                        prepare_live_symposium, write_clock)
from ui import attempt_login, click_and_wait, new_driver, path_of, quit_driver, save_png, wait

MEETING_AT = "2026-12-17T01:00:00Z"         # 9:00 in Anhua
REHEARSAL_AT = "2026-12-16T07:00:00Z"       # 15:00 the day before: the projector is tested
MEMBER, EXPERT = "王淑贞", "黄振宇"           # the demo users `member` and `expert`
DEPARTMENT_HEAD = "姜茂林"                   # 县农业农村局 (the demo user `department`)
COMMITTEE_HEAD = "符鹏飞"                    # 农业农村委员会主任
LEADER = "王梅生"                            # 副县长
BRIEFING_SUBJECT = "全县黑茶产业发展情况"
KEYNOTE_SUBJECT = "关于推进安化黑茶全产业链高质量发展的调研报告"
BOOKED_SUBJECTS = ["擦亮安化黑茶区域公用品牌", "补齐精深加工短板", "让茶农分享全产业链增值收益",
                   "以茶旅融合带动乡村振兴", "加强茶园生态保护"]
RECORD_NOTE = "建议设立黑茶产业发展基金，统一区域公用品牌标准。"
RECORD_NUMBER = "第3期"
RED_ON_CONSOLE = "rgb(179, 38, 30)"
RED_ON_SCREEN = "rgb(255, 102, 89)"

# Shared between the tests of this module.
LIVE: dict = {}


# ---------------------------------------------------------------- the server and its clock

class Clock:
    """The server's clock file (tests/live_setup.py writes and reads it)."""

    def __init__(self, path: Path):
        self.path = path

    def set(self, instant: str) -> None:
        write_clock(self.path, instant)

    def now(self) -> datetime.datetime:
        return clock_now(self.path)

    def advance(self, seconds: float) -> None:
        assert seconds >= 1, seconds     # whole seconds are written, rounded up
        advance_clock(self.path, seconds)


@pytest.fixture(scope="module")
def clock(tmp_path_factory) -> Clock:
    path = tmp_path_factory.mktemp("clock") / "now.txt"
    write_clock(path, PREPARATION_NOW)
    return Clock(path)


def invite_the_demo_member_and_expert(base_url: str, live) -> None:
    """The prepared symposium, with 王淑贞 and 黄振宇 invited and confirmed and the agenda empty
    (the committee builds it on the page)."""
    committee, s = live.committee, f"{base_url}/api/v1/symposia/{live.sid}"
    for name in (MEMBER, EXPERT):
        found = ok(live.office.get(f"{base_url}/api/v1/persons", params={"q": name}, timeout=15))["items"]
        ok(committee.post(f"{s}/invitees", json={"personID": found[0]["id"]}, timeout=15))
    for invitee in ok(committee.post(f"{s}/invitees/pre-invite", timeout=15))["invitees"]:
        if invitee["state"] == "preInvited":
            ok(committee.post(f"{s}/invitees/{invitee['personID']}/answer", json={"answer": "confirm"}, timeout=15))
    for kind in ("departmentBriefing", "keynote", "bookedSpeech"):
        ok(edit(committee, "PUT", f"{s}/agenda/{kind}", s, {"speakers": []}))


@pytest.fixture(scope="module")
def server(clock) -> str:
    srv = DemoServer("live", env={"XIESHANG_CLOCK_FILE": str(clock.path)}).start()
    try:
        live = prepare_live_symposium(srv.url, clock_file=clock.path)
        invite_the_demo_member_and_expert(srv.url, live)
        attendees = live.state()["attendees"]
        LIVE["sid"] = live.sid
        LIVE["persons"] = {a["name"]: a["personID"] for a in attendees}
        LIVE["members"] = [a["name"] for a in attendees if a["category"] == "members"]
        assert {MEMBER, EXPERT, DEPARTMENT_HEAD, COMMITTEE_HEAD, LEADER} <= set(LIVE["persons"]), LIVE["persons"]
        yield srv.url
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def windows(server):
    made = {}
    try:
        made["console"] = new_driver(1280, 900)
        made["screen"] = new_driver(1920, 1080)
        # A projector's whole 1920×1080 for the page (a window of that size has less, for its frame).
        made["screen"].execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
        made["member"] = new_driver(390, 844, phone=True)
        made["expert"] = new_driver(390, 844, phone=True)
        yield SimpleNamespace(**made, all=list(made.values()))
    finally:
        for d in made.values():
            quit_driver(d)


@pytest.fixture(autouse=True)
def _screenshots_on_failure(request, windows):
    # The browser conftest saves failed-<test>-N.png of these when a test fails.
    request.node._xieshang_drivers = list(windows.all)


# ---------------------------------------------------------------- helpers

def shot(driver, name: str) -> None:
    save_png(driver, f"live-{name}")


def require(*keys: str) -> None:
    missing = [k for k in keys if k not in LIVE]
    if missing:
        pytest.skip(f"an earlier step of the meeting did not complete (no {', '.join(missing)})")


def sign_in(driver, base_url: str, username: str) -> None:
    driver.delete_all_cookies()
    attempt_login(driver, base_url, username, DEMO_PASSWORD)
    assert path_of(driver) == "/", f"login as {username} ended on {driver.current_url}"


def open_page(driver, url: str, ready: str):
    driver.get(url)
    return wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ready)))


def text_of(driver, selector: str) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, selector)
    try:
        return found[0].text.strip() if found else ""
    except WebDriverException:      # replaced while read: the next poll reads the new one
        return ""


def alerts(driver) -> str:
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role=alert]") if e.text.strip())


def flash(driver) -> str:
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role=status]"))


def fill(driver, element, value: str) -> None:
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", element, value)


def select_option_starting(select_element, prefix: str) -> None:
    value = select_element.parent.execute_script(
        "const o = [...arguments[0].options].find(o => o.text.trim().startsWith(arguments[1]));"
        "return o ? o.value : null;", select_element, prefix)
    assert value is not None, f"no option starting with “{prefix}”"
    Select(select_element).select_by_value(value)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join([p.text for p in document.paragraphs] + [c.text for t in document.tables for c in t._cells])


def download(driver, link, folder: Path) -> tuple[str, bytes]:
    """Clicks a download link and waits for the file Chromium saves."""
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    before = set(folder.iterdir())
    link.click()
    # Chromium may show the file under its final name before the last bytes are written:
    # wait until it reads as a whole ZIP (a DOCX is one).
    saved = wait(driver, 30).until(
        lambda _: [f for f in folder.iterdir() if f not in before and f.suffix == ".docx" and zipfile.is_zipfile(f)])
    return saved[0].name, saved[0].read_bytes()


# The live pages: every window keeps the state it was last sent; `data-sequence` tells which.

def sequence(driver) -> int:
    value = driver.execute_script(
        "const r = document.querySelector('[data-live]'); return r ? r.getAttribute('data-sequence') : null;")
    return int(value) if value is not None else -1


def seconds(clock_text: str) -> int | None:
    m = re.fullmatch(r"(\d+):(\d\d)", clock_text.strip())
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None


def countdown(driver) -> int | None:
    return seconds(text_of(driver, "#countdown"))


def countdown_class(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "#countdown").get_attribute("class")


def open_live(driver, url: str) -> None:
    open_page(driver, url, "[data-live]")
    wait(driver).until(lambda d: sequence(d) >= 0)


def in_sync(w, driver) -> None:
    """Waits until `driver` shows the state the console shows (or a later one)."""
    target = sequence(w.console)
    wait(driver).until(lambda d: sequence(d) >= target, f"{driver.current_url} did not get state {target}")


def click_console(w, clock: Clock, css: str) -> datetime.datetime:
    """Clicks a console control, waits until every window shows the new state; returns the
    server's time of the click (to compare the durations recorded with)."""
    before = sequence(w.console)
    button = wait(w.console).until(EC.element_to_be_clickable((By.CSS_SELECTOR, css)))
    question = button.get_attribute("data-confirm")
    if question:
        # An irreversible control (结束会议) asks first; "cancel" changes nothing.
        button.click()
        alert = wait(w.console).until(EC.alert_is_present())
        assert alert.text == question
        alert.dismiss()
        assert sequence(w.console) == before and not text_of(w.console, "#live-error"), f"{css} acted though cancelled"
    at = clock.now()
    button.click()
    if question:
        wait(w.console).until(EC.alert_is_present()).accept()
    wait(w.console).until(lambda d: sequence(d) > before or text_of(d, "#live-error"),
                          f"the console did not show the state after {css}")
    assert not text_of(w.console, "#live-error"), f"{css}: {text_of(w.console, '#live-error')}"
    for d in w.all:
        in_sync(w, d)
    return at


def act(w, clock: Clock, action: str) -> datetime.datetime:
    return click_console(w, clock, f'[data-action="{action}"]')


def end_after(w, clock: Clock, watch: "Stopwatch", more: float, action: str = "end-speech") -> None:
    """The speech under way goes on for `more` seconds (the clock file), then the console ends it."""
    clock.advance(more)
    watch.ended(act(w, clock, action))


def speaker_everywhere(w, name: str) -> None:
    for d in w.all:
        wait(d).until(lambda d: name in text_of(d, "#current"),
                      f"{d.current_url} does not show {name} speaking: {text_of(d, '#current')!r}")


def queue(driver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('#queue li:not(.muted)')]"
        ".map(li => li.firstChild ? li.firstChild.textContent.trim() : '');")


def names_in(driver, selector: str) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].filter(li => !li.classList.contains('muted'))"
        ".map(li => li.firstChild ? li.firstChild.textContent.trim() : '');", selector + " li")


def choose_speaker(driver, person_id: int) -> None:
    Select(driver.find_element(By.CSS_SELECTOR, "#speaker")).select_by_value(str(person_id))


def sideways(driver) -> int:
    return driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")


def readable_from_afar(screen, *selectors: str) -> None:
    """On the projector (1920×1080, never scrolled) each of these is on screen, whole, in large type."""
    minimum = {"#current": 80, "#countdown": 200}       # px: the name and the time, from the back of a room
    dark = screen.execute_script("return document.body.getBoundingClientRect().height - innerHeight;")
    assert dark >= 0, f"the dark page ends {-dark:.0f}px above the bottom of the screen (a light band below)"
    for sel in selectors:
        box = screen.execute_script("""
            const el = document.querySelector(arguments[0]); window.scrollTo(0, 0);
            if (!el) return null;
            const r = el.getBoundingClientRect();
            return {top: r.top, bottom: r.bottom, height: innerHeight, font: parseFloat(getComputedStyle(el).fontSize)};
        """, sel)
        assert box, f"no {sel} on the big screen"
        assert 0 <= box["top"] and box["bottom"] <= box["height"], \
            f"{sel} is not on the big screen without scrolling: {box['top']:.0f}–{box['bottom']:.0f}px of {box['height']}px"
        assert box["font"] >= minimum.get(sel, 32), f"{sel} is {box['font']}px on the big screen"


class Stopwatch:
    """What the test expects each speech to last by the server's clock, pauses excluded."""

    def __init__(self):
        self.speeches: list[dict] = []

    def started(self, name: str, at: datetime.datetime) -> None:
        self.speeches.append({"name": name, "start": at, "paused": 0.0, "pausedAt": None})

    def paused(self, at):
        self.speeches[-1]["pausedAt"] = at

    def resumed(self, at):
        s = self.speeches[-1]
        s["paused"] += (at - s.pop("pausedAt")).total_seconds()
        s["pausedAt"] = None

    def ended(self, at):
        s = self.speeches[-1]
        s["seconds"] = (at - s["start"]).total_seconds() - s["paused"]


# ---------------------------------------------------------------- 1. the agenda

def planned(driver, kind: str) -> list[str]:
    return [li.find_element(By.TAG_NAME, "strong").text
            for li in driver.find_elements(By.CSS_SELECTOR, f"#segment-{kind} ol.speakers li[data-person]")]


def refused(driver) -> str:
    """The page's refusal of what was just sent (not the agenda report's own list of problems)."""
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role=alert]:not(#agenda-refusals)")
                    if e.text.strip())


def add_speaker(driver, kind: str, name: str, subject: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, f"#segment-{kind} form.add-speaker")
    select_option_starting(form.find_element(By.CSS_SELECTOR, "select[name=personID]"), name)
    fill(driver, form.find_element(By.CSS_SELECTOR, "input[name=subject]"), subject)
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def test_the_committee_builds_the_agenda(windows, server, downloads):
    d, sid, persons = windows.console, LIVE["sid"], LIVE["persons"]
    sign_in(d, server, "committee")
    open_page(d, f"{server}/symposia/{sid}/agenda", "#agenda-report")
    kinds = [s.get_attribute("id") for s in d.find_elements(By.CSS_SELECTOR, "section.agenda-item")]
    assert kinds == ["segment-departmentBriefing", "segment-keynote", "segment-bookedSpeech", "segment-freeSpeech",
                     "segment-response", "segment-leaderRemarks"], kinds
    limits = {k: text_of(d, f"#segment-{k} h2") for k in ("departmentBriefing", "keynote", "bookedSpeech", "freeSpeech")}
    for kind, minutes in (("departmentBriefing", 10), ("keynote", 10), ("bookedSpeech", 8), ("freeSpeech", 5)):
        assert f"每人不超过{minutes}分钟" in limits[kind], limits

    add_speaker(d, "departmentBriefing", DEPARTMENT_HEAD, BRIEFING_SUBJECT)
    assert not refused(d), refused(d)
    assert planned(d, "departmentBriefing") == [DEPARTMENT_HEAD]
    add_speaker(d, "keynote", COMMITTEE_HEAD, KEYNOTE_SUBJECT)
    assert not refused(d), refused(d)
    assert planned(d, "keynote") == [COMMITTEE_HEAD]

    # Booked speeches (三(三).3): members, chosen from the confirmed invitees, one at a time.
    # Not the demo member: she is the one who has not spoken when the free speech comes.
    offered = d.execute_script("return [...document.querySelectorAll('#segment-bookedSpeech select option')]"
                               ".map(o => o.text);")
    assert not [o for o in offered if o.startswith((DEPARTMENT_HEAD, COMMITTEE_HEAD, LEADER))], offered
    booked = [m for m in LIVE["members"] if m != MEMBER]
    for n, name in enumerate(booked[:4]):
        add_speaker(d, "bookedSpeech", name, BOOKED_SUBJECTS[n])
        assert not refused(d), f"adding booked speaker {n + 1} ({name}) was refused: {refused(d)}"
        assert "已更新议程" in flash(d), flash(d)
        assert planned(d, "bookedSpeech") == booked[:n + 1]
        if n == 0:
            # One is not enough (2–4): the agenda says so until the second is added.
            assert "预约发言安排1位，至少须安排2位" in text_of(d, "#agenda-report"), text_of(d, "#agenda-report")
    assert "至少须安排" not in text_of(d, "#agenda-report")

    # A fifth is refused, in Chinese, and nothing changes.
    add_speaker(d, "bookedSpeech", booked[4], BOOKED_SUBJECTS[4])
    refusal = refused(d)
    assert "预约发言安排5位，超过工作办法规定的4位（三(三).3）" in refusal, refusal
    shot(d, "01a-agenda-fifth-booked-refused")
    open_page(d, f"{server}/symposia/{sid}/agenda", "#agenda-report")
    assert planned(d, "bookedSpeech") == booked[:4], "a refused fifth speaker changed the list"

    # Three booked speakers it is: the fourth taken off again.
    form = d.find_element(By.CSS_SELECTOR,
                          f"#segment-bookedSpeech li[data-person='{persons[booked[3]]}'] form:has(input[value=remove])")
    click_and_wait(d, form.find_element(By.CSS_SELECTOR, "button"))
    assert not alerts(d), alerts(d)
    assert planned(d, "bookedSpeech") == booked[:3]
    LIVE["booked"] = booked[:3]

    # The estimate: 10 + 10 + 3 × 8 minutes, and 5 for each of the other five members and
    # experts attending, who may speak freely; the leaders' remarks are not limited.
    agenda = ok(api_session(server, "committee").get(f"{server}/api/v1/symposia/{sid}/agenda", timeout=15))
    assert not agenda["refusals"], agenda["refusals"]
    assert int(text_of(d, "#estimate")) == agenda["estimatedMinutes"] == 10 + 10 + 3 * 8 + 5 * 5
    report = text_of(d, "#agenda-report")
    assert "其他与会人员自由发言按其余与会委员、专家学者5位、每人5分钟计" in report, report
    assert "议程须修改" not in report, report
    speakers = text_of(d, "#segment-bookedSpeech ol.speakers")
    assert all(s in speakers for s in BOOKED_SUBJECTS[:3]), speakers
    shot(d, "01b-agenda")

    name, data = download(d, d.find_element(By.CSS_SELECTOR, "#agenda-report a[href$='agenda.docx']"), downloads)
    assert name == f"议程-{TOPIC}.docx", name
    text = docx_text(data)
    assert "双月协商座谈会议程" in text and TOPIC in text, text[:300]
    for name, subject in ((DEPARTMENT_HEAD, BRIEFING_SUBJECT), (COMMITTEE_HEAD, KEYNOTE_SUBJECT),
                          *zip(booked, BOOKED_SUBJECTS[:3])):
        assert re.search(rf"{name}（[^）]+）：{subject}", text), f"{name}: {subject} is not in agenda.docx: {text}"
    for expected in ("每人不超过10分钟", "每人不超过8分钟", f"预计用时约{agenda['estimatedMinutes']}分钟"):
        assert expected in text, f"{expected!r} is not in agenda.docx: {text}"
    assert booked[3] not in text
    LIVE["agenda"] = True


# ---------------------------------------------------------------- 2. the meeting opens; the briefing overruns

def test_the_day_before_the_meeting_cannot_start_and_a_rehearsal_leaves_nothing(windows, server, clock):
    require("agenda")
    w, sid = windows, LIVE["sid"]
    clock.set(REHEARSAL_AT)
    sign_in(w.console, server, "office")
    sign_in(w.screen, server, "office")
    sign_in(w.member, server, "member")
    open_live(w.console, f"{server}/symposia/{sid}/live/console")
    open_live(w.screen, f"{server}/symposia/{sid}/live/screen")
    open_live(w.member, f"{server}/symposia/{sid}/live")
    screens = [w.console, w.screen, w.member]
    for d in screens:
        assert not d.find_element(By.CSS_SELECTOR, "#rehearsal").is_displayed()

    # 开始会议 the day before: refused, naming the day it is set for; nothing changes.
    before = sequence(w.console)
    w.console.find_element(By.CSS_SELECTOR, '[data-action="start"]').click()
    wait(w.console).until(lambda d: text_of(d, "#live-error"))
    assert "2026年12月17日" in text_of(w.console, "#live-error"), text_of(w.console, "#live-error")
    assert sequence(w.console) == before

    # The rehearsal: every screen says 演练; the console runs the real agenda.
    rehearsal = SimpleNamespace(console=w.console, all=screens)
    act(rehearsal, clock, "rehearse")
    for d in screens:
        wait(d).until(lambda d: d.find_element(By.CSS_SELECTOR, "#rehearsal").is_displayed())
        assert "演练" in text_of(d, "#rehearsal") and text_of(d, "#phase") == "演练中"
    assert not w.console.find_element(By.CSS_SELECTOR, '[data-action="end"]').is_displayed(), \
        "结束会议 is offered during a rehearsal"
    act(rehearsal, clock, "next")
    speaker_everywhere(rehearsal, DEPARTMENT_HEAD)
    save_png(w.screen, "live-00-rehearsal-screen")
    save_png(w.member, "live-00-rehearsal-phone")
    clock.advance(60)
    act(rehearsal, clock, "end-rehearsal")
    for d in screens:
        wait(d).until(lambda d: text_of(d, "#segment") == "会议尚未开始")
        assert not d.find_element(By.CSS_SELECTOR, "#rehearsal").is_displayed()

    # Nothing of it is kept: no speech, no record, not held.
    office = api_session(server, "office")
    state = ok(office.get(f"{server}/api/v1/symposia/{sid}/live", timeout=15))
    assert state["view"]["phase"] == "notStarted" and not state["view"]["rehearsal"] and state["speeches"] == []
    record = ok(office.get(f"{server}/api/v1/symposia/{sid}/record", timeout=15))
    assert not record["exists"], record
    assert "heldOn" not in ok(office.get(f"{server}/api/v1/symposia/{sid}", timeout=15))
    # The morning of the meeting: the next test signs everyone in again, as people do that day.
    clock.set(MEETING_NOW)


def test_the_meeting_starts_on_every_screen_and_the_briefing_overruns(windows, server, clock):
    require("agenda")
    w, sid = windows, LIVE["sid"]
    sign_in(w.console, server, "office")
    sign_in(w.screen, server, "office")
    sign_in(w.member, server, "member")
    sign_in(w.expert, server, "expert")
    open_live(w.console, f"{server}/symposia/{sid}/live/console")
    open_live(w.screen, f"{server}/symposia/{sid}/live/screen")
    open_live(w.member, f"{server}/symposia/{sid}/live")
    open_live(w.expert, f"{server}/symposia/{sid}/live")
    for d in w.all:
        wait(d).until(lambda d: text_of(d, "#segment") == "会议尚未开始")
    assert not w.screen.find_elements(By.CSS_SELECTOR, "button, form, select, input, textarea"), \
        "the big screen has controls"
    assert text_of(w.screen, "h1") == f"“{TOPIC}”双月协商座谈会"
    for phone in (w.member, w.expert):
        assert sideways(phone) <= 1, f"the phone page is {sideways(phone)}px wider than 390px"

    clock.set(MEETING_AT)
    watch = LIVE["watch"] = Stopwatch()
    act(w, clock, "start")
    for d in w.all:
        wait(d).until(lambda d: text_of(d, "#segment").startswith("有关部门介绍情况（每人不超过10分钟）"))
        assert text_of(d, "#phase") == "进行中"
    watch.started(DEPARTMENT_HEAD, act(w, clock, "next"))
    speaker_everywhere(w, DEPARTMENT_HEAD)
    for d in w.all:
        assert BRIEFING_SUBJECT in text_of(d, "#current")
        assert 590 <= countdown(d) <= 600, (d.current_url, text_of(d, "#countdown"))
    # The countdown runs.
    first = countdown(w.screen)
    wait(w.screen).until(lambda d: countdown(d) < first)
    shot(w.console, "02a-console-briefing")
    shot(w.screen, "02b-screen-briefing")
    shot(w.member, "02c-phone-member-briefing")
    shot(w.expert, "02d-phone-expert-briefing")

    # Nine minutes and 55 seconds later (the clock file): the host pauses a moment, and every
    # screen shows the last seconds, warned.
    clock.advance(595 - (clock.now() - watch.speeches[-1]["start"]).total_seconds())
    watch.paused(act(w, clock, "pause"))
    for d in w.all:
        wait(d).until(lambda d: "暂停中" in text_of(d, "#current"))
        assert 1 <= countdown(d) <= 6, (d.current_url, text_of(d, "#countdown"))
        assert "warning" in countdown_class(d) and "paused" in countdown_class(d), countdown_class(d)
        assert text_of(d, "#overrun") == "剩余不足1分钟", text_of(d, "#overrun")
    assert countdown(w.screen) == countdown(w.console)
    shot(w.screen, "03a-screen-last-seconds-paused")

    # Resumed, the speech runs over its ten minutes: red, "已超时", on the console and the screen.
    watch.resumed(act(w, clock, "resume"))
    for d in w.all:
        wait(d).until(lambda d: text_of(d, "#overrun").startswith("已超时"),
                      f"{d.current_url} does not show the overrun: {text_of(d, '#overrun')!r}")
        assert "overrun" in countdown_class(d) and text_of(d, "#countdown") == "0:00"
    wait(w.console).until(lambda d: (seconds(text_of(d, "#overrun").removeprefix("已超时 ")) or 0) >= 1)
    for d, red in ((w.console, RED_ON_CONSOLE), (w.screen, RED_ON_SCREEN)):
        for part in ("#countdown", "#overrun"):
            color = d.find_element(By.CSS_SELECTOR, part).value_of_css_property("color")
            assert color.replace("rgba", "rgb").replace(", 1)", ")") == red, (d.current_url, part, color)
    readable_from_afar(w.screen, "#segment", "#current", "#countdown", "#overrun")
    shot(w.console, "03b-console-overrun")
    shot(w.screen, "03c-screen-overrun")

    # The console rounds what it shows; a second more on the server's clock makes the
    # overrun it records a whole second or more however busy the machine is.
    end_after(w, clock, watch, 1)
    for d in w.all:
        wait(d).until(lambda d: text_of(d, "#current") == "暂无发言")
    record = text_of(w.console, "#speeches")
    assert DEPARTMENT_HEAD in record and "（超时0:" in record, record
    LIVE["briefing"] = True


# ---------------------------------------------------------------- 3. booked speeches; a reload mid-speech

def test_booked_speeches_in_order_pause_resume_and_a_screen_reloaded_mid_speech(windows, server, clock):
    require("briefing")
    w, watch, booked = windows, LIVE["watch"], LIVE["booked"]
    act(w, clock, "advance")
    wait(w.screen).until(lambda d: text_of(d, "#segment").startswith("牵头委室中心发言"))
    watch.started(COMMITTEE_HEAD, act(w, clock, "next"))
    speaker_everywhere(w, COMMITTEE_HEAD)
    end_after(w, clock, watch, 9 * 60 + 12)

    act(w, clock, "advance")
    for d in w.all:
        wait(d).until(lambda d: text_of(d, "#segment").startswith("委员、专家学者预约发言（每人不超过8分钟）"))
    assert names_in(w.screen, "#upcoming") == booked, names_in(w.screen, "#upcoming")

    watch.started(booked[0], act(w, clock, "next"))
    speaker_everywhere(w, booked[0])
    assert names_in(w.screen, "#upcoming") == booked[1:]
    assert names_in(w.member, "#upcoming") == booked[1:]
    for d in w.all:
        assert 470 <= countdown(d) <= 480, (d.current_url, text_of(d, "#countdown"))

    # Three minutes on (the clock file), the host pauses: every screen holds the same time.
    clock.advance(180)
    watch.paused(act(w, clock, "pause"))
    for d in w.all:
        wait(d).until(lambda d: "暂停中" in text_of(d, "#current"))
    held = text_of(w.console, "#countdown")
    assert 290 <= seconds(held) <= 300, held
    assert all(text_of(d, "#countdown") == held for d in w.all), [text_of(d, "#countdown") for d in w.all]
    shot(w.console, "04a-console-booked-paused")

    # The projector's browser reloads: same speaker, same paused time, not 8:00 again.
    w.screen.refresh()
    wait(w.screen).until(lambda d: "暂停中" in text_of(d, "#current") and booked[0] in text_of(d, "#current"))
    assert text_of(w.screen, "#countdown") == held, (text_of(w.screen, "#countdown"), held)
    readable_from_afar(w.screen, "#current", "#current .paused-tag", "#countdown")
    shot(w.screen, "04b-screen-reloaded-paused")

    # Resumed; reloaded again while the speech runs: the countdown continues from where it was.
    watch.resumed(act(w, clock, "resume"))
    for d in w.all:
        wait(d).until(lambda d: "暂停中" not in text_of(d, "#current") and countdown(d) < seconds(held))
    before = countdown(w.screen)
    w.screen.refresh()
    wait(w.screen).until(lambda d: booked[0] in text_of(d, "#current") and countdown(d) is not None)
    after = countdown(w.screen)
    assert before - 4 <= after <= before + 1, f"the countdown was {before}s before the reload, {after}s after"
    assert abs(countdown(w.screen) - countdown(w.console)) <= 1, (countdown(w.screen), countdown(w.console))
    assert text_of(w.screen, "#live-status") == "已连接"
    readable_from_afar(w.screen, "#current", "#current .subject", "#countdown", "#upcoming li:last-child")
    shot(w.screen, "04c-screen-reloaded-running")
    end_after(w, clock, watch, 4 * 60 + 5)

    for name, spoken_for in zip(booked[1:], (7 * 60 + 48, 6 * 60 + 30)):
        watch.started(name, act(w, clock, "next"))
        speaker_everywhere(w, name)
        end_after(w, clock, watch, spoken_for)
    assert names_in(w.console, "#upcoming") == []
    spoken = [s.split(" ")[0] for s in names_in(w.console, "#speeches")]
    assert spoken == [*reversed(booked), COMMITTEE_HEAD, DEPARTMENT_HEAD], spoken
    LIVE["booked_done"] = True


# ---------------------------------------------------------------- 4. free speech: who has not spoken first

def test_free_speech_offers_a_member_who_has_not_spoken_first(windows, server, clock):
    require("booked_done")
    w, watch, persons, booked = windows, LIVE["watch"], LIVE["persons"], LIVE["booked"]
    act(w, clock, "advance")
    for d in w.all:
        wait(d).until(lambda d: text_of(d, "#segment").startswith("其他与会人员自由发言（每人不超过5分钟）"))
    not_yet = names_in(w.console, "#not-yet")
    assert MEMBER in not_yet and not set(booked) & set(not_yet), not_yet

    for phone in (w.member, w.expert):
        assert phone.find_element(By.CSS_SELECTOR, "#request").is_displayed()
        assert not phone.find_element(By.CSS_SELECTOR, "#withdraw").is_displayed(), "“撤回申请” before any request"

    # The expert asks first, then the member; a booked speaker raises a hand, entered at the console.
    w.expert.find_element(By.CSS_SELECTOR, "#request").click()
    wait(w.expert).until(lambda d: text_of(d, "#my-turn") == "您已申请发言，排在第1位。")
    w.member.find_element(By.CSS_SELECTOR, "#request").click()
    wait(w.member).until(lambda d: text_of(d, "#my-turn") == "您已申请发言，排在第1位。")
    wait(w.expert).until(lambda d: text_of(d, "#my-turn") == "您已申请发言，排在第2位。")
    in_sync(w, w.console)
    choose_speaker(w.console, persons[booked[0]])
    before = sequence(w.console)
    w.console.find_element(By.CSS_SELECTOR, "#add-request").click()
    wait(w.console).until(lambda d: sequence(d) > before)
    assert not text_of(w.console, "#live-error"), text_of(w.console, "#live-error")
    for d in w.all:
        in_sync(w, d)

    # 三(三).4 "尽量保证每位与会委员都有发言机会": the member who has not spoken, then the expert
    # who has not, then the member who already spoke.
    expected = [MEMBER, EXPERT, booked[0]]
    for d in (w.console, w.screen, w.member):
        assert queue(d) == expected, (d.current_url, queue(d))
    assert w.member.find_element(By.CSS_SELECTOR, "#withdraw").is_displayed()
    assert not w.member.find_element(By.CSS_SELECTOR, "#request").is_displayed()
    shot(w.console, "05a-console-free-speech-queue")
    shot(w.screen, "05b-screen-free-speech-queue")
    shot(w.member, "05c-phone-member-requested")
    shot(w.expert, "05d-phone-expert-requested")

    # The console calls them: "next" takes the head of the queue, a queue button a given one.
    watch.started(MEMBER, act(w, clock, "next"))
    speaker_everywhere(w, MEMBER)
    assert queue(w.console) == [EXPERT, booked[0]]
    shot(w.member, "05e-phone-member-speaking")
    end_after(w, clock, watch, 4 * 60 + 20)
    assert MEMBER not in names_in(w.console, "#not-yet")
    watch.started(EXPERT, click_console(w, clock, f"#queue button[data-speak='{persons[EXPERT]}']"))
    speaker_everywhere(w, EXPERT)
    end_after(w, clock, watch, 3 * 60 + 45)
    watch.started(booked[0], act(w, clock, "next"))
    speaker_everywhere(w, booked[0])
    end_after(w, clock, watch, 2 * 60 + 50)
    assert queue(w.console) == []
    for phone in (w.member, w.expert):
        assert text_of(phone, "#my-turn") == "您已发言，谢谢。", text_of(phone, "#my-turn")
    LIVE["free_done"] = True


# ---------------------------------------------------------------- 5. responses, leaders' remarks, the end

def test_a_department_answers_a_question_a_leader_speaks_and_the_meeting_ends(windows, server, clock):
    require("free_done")
    w, watch, persons = windows, LIVE["watch"], LIVE["persons"]
    act(w, clock, "advance")
    wait(w.console).until(lambda d: text_of(d, "#segment").startswith("有关部门互动回应发言（每人不超过5分钟）"))
    questions = w.console.find_element(By.CSS_SELECTOR, "#responds-to")
    assert questions.is_displayed(), "the questions to answer are not offered in the response segment"
    labels = [l.text.strip() for l in questions.find_elements(By.CSS_SELECTOR, "label")]
    booked = LIVE["booked"]
    assert labels == [f"{COMMITTEE_HEAD}（中心发言）", *(f"{n}（预约发言）" for n in booked),
                      f"{MEMBER}（自由发言）", f"{EXPERT}（自由发言）", f"{booked[0]}（自由发言）"], labels
    question = questions.find_element(By.XPATH, f".//label[normalize-space()='{MEMBER}（自由发言）']/input")
    question.click()
    choose_speaker(w.console, persons[DEPARTMENT_HEAD])
    shot(w.console, "06a-console-response-question-ticked")
    watch.started(DEPARTMENT_HEAD, click_console(w, clock, "#start-speaker"))
    speaker_everywhere(w, DEPARTMENT_HEAD)
    for d in w.all:
        assert 290 <= countdown(d) <= 300, (d.current_url, text_of(d, "#countdown"))
    end_after(w, clock, watch, 4 * 60 + 10)
    answered = questions.find_element(By.XPATH, f".//label[starts-with(normalize-space(), '{MEMBER}（自由发言）')]")
    assert re.sub(r"\s+", "", answered.text) == f"{MEMBER}（自由发言）已回应", answered.text
    assert not answered.find_element(By.TAG_NAME, "input").is_selected(), "the question stays ticked after the response"

    act(w, clock, "advance")
    wait(w.screen).until(lambda d: text_of(d, "#segment") == "县委、县政府、县政协领导讲话")
    choose_speaker(w.console, persons[LEADER])
    watch.started(LEADER, click_console(w, clock, "#start-speaker"))
    speaker_everywhere(w, LEADER)
    # No limit: the time spoken counts up, never an overrun.
    wait(w.screen).until(lambda d: (countdown(d) or 0) >= 2)
    assert not text_of(w.screen, "#overrun") and "overrun" not in countdown_class(w.screen)
    shot(w.screen, "06b-screen-leader-remarks")
    # Eleven and a half minutes later the host closes the meeting, and with it the remarks.
    end_after(w, clock, watch, 11 * 60 + 30, action="end")
    for d in w.all:
        wait(d).until(lambda d: text_of(d, "#segment") == "会议已结束" and text_of(d, "#phase") == "已结束")
    assert not w.member.find_element(By.CSS_SELECTOR, "#request").is_displayed()
    assert [b.get_attribute("data-action") for b in w.console.find_elements(By.CSS_SELECTOR, ".controls button")
            if b.is_enabled()] == [], "controls still enabled after the end"
    shot(w.console, "06c-console-ended")
    shot(w.screen, "06d-screen-ended")
    LIVE["ended"] = True


# ---------------------------------------------------------------- 6. the record

def length(s: float) -> str:
    """As the record writes a length (SpeakingLength): 7分钟, 7分20秒, 45秒."""
    t = round(s)
    if t < 60:
        return f"{t}秒"
    return f"{t // 60}分钟" if t % 60 == 0 else f"{t // 60}分{t % 60}秒"


def test_the_record_lists_every_speech_with_its_real_duration_and_is_issued(windows, server, downloads):
    require("ended")
    d, watch, sid = windows.console, LIVE["watch"], LIVE["sid"]
    state = ok(api_session(server, "office").get(f"{server}/api/v1/symposia/{sid}/live", timeout=15))
    speeches = state["speeches"]
    assert [s["name"] for s in speeches] == [s["name"] for s in watch.speeches], \
        ([s["name"] for s in speeches], [s["name"] for s in watch.speeches])
    # The server's durations are what happened (pauses excluded), to the second or two a click takes.
    for recorded, expected in zip(speeches, watch.speeches):
        assert abs(recorded["durationSeconds"] - expected["seconds"]) <= 2, (recorded, expected)
    briefing = speeches[0]
    assert briefing["overrunSeconds"] >= 1 and briefing["durationSeconds"] > 600, briefing
    assert all(s["overrunSeconds"] == 0 for s in speeches[1:]), [s["overrunSeconds"] for s in speeches]

    sign_in(d, server, "committee")
    open_page(d, f"{server}/symposia/{sid}/record", "#record")
    draft = d.find_element(By.CSS_SELECTOR, "textarea#record-text").get_attribute("value")
    lines = draft.splitlines()
    assert lines[0].startswith("2026年12月17日，县政协召开双月协商座谈会，围绕“" + TOPIC), lines[0]
    assert lines[1].startswith("会议于9:00开始"), lines[1]
    headings = [l for l in lines if re.match(r"^[一二三四五六七八九十]、", l)]
    assert headings == ["一、有关部门介绍情况", "二、牵头委室中心发言", "三、委员、专家学者预约发言",
                        "四、其他与会人员自由发言", "五、有关部门互动回应发言", "六、县委、县政府、县政协领导讲话"], headings
    speech_lines = [l for l in lines if "起，用时" in l]
    assert len(speech_lines) == len(speeches), speech_lines
    for line, s in zip(speech_lines, speeches):
        assert line.startswith(s["name"] + "（"), (line, s["name"])
        assert f"用时{length(s['durationSeconds'])}" in line, (line, s["durationSeconds"])
        assert ("（超时" in line) == (s["overrunSeconds"] >= 1), line
    assert f"（超时{length(briefing['overrunSeconds'])}）" in speech_lines[0], speech_lines[0]
    assert f"作题为《{BRIEFING_SUBJECT}》的发言" in speech_lines[0]
    response = next(l for l in speech_lines if l.startswith(DEPARTMENT_HEAD) and "回应" in l)
    assert f"回应了{MEMBER}提出的问题" in response, response
    totals = {tr.find_elements(By.TAG_NAME, "td")[0].text: tr.find_elements(By.TAG_NAME, "td")[2].text
              for tr in d.find_elements(By.CSS_SELECTOR, "#totals tbody tr")}
    assert totals[DEPARTMENT_HEAD] == "2" and totals[MEMBER] == "1" and totals[LIVE["booked"][0]] == "2", totals
    lengths = [tr.find_elements(By.TAG_NAME, "td")[3].text for tr in d.find_elements(By.CSS_SELECTOR, "#totals tbody tr")]
    assert all(re.fullmatch(r"(\d+分钟|\d+分\d+秒|\d+秒)", t) for t in lengths), f"lengths not as one says them: {lengths}"
    shot(d, "07a-record-draft")

    # The committee adds what was said; the office issues it.
    member_line = next(l for l in speech_lines if l.startswith(MEMBER))
    edited = draft.replace(member_line, member_line + RECORD_NOTE)
    form = d.find_element(By.CSS_SELECTOR, "form#record-form")
    fill(d, form.find_element(By.CSS_SELECTOR, "textarea"), edited)
    click_and_wait(d, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert not alerts(d), alerts(d)
    assert "已保存会议纪要" in flash(d), flash(d)
    assert RECORD_NOTE in d.find_element(By.CSS_SELECTOR, "textarea#record-text").get_attribute("value")

    sign_in(d, server, "office")
    open_page(d, f"{server}/symposia/{sid}/record", "#record")
    form = d.find_element(By.CSS_SELECTOR, "form#issue-record")
    fill(d, form.find_element(By.CSS_SELECTOR, "input[name=number]"), RECORD_NUMBER)
    click_and_wait(d, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert not alerts(d), alerts(d)
    assert "会议纪要已印发" in flash(d), flash(d)
    assert text_of(d, "#record-state") == "已印发"
    assert RECORD_NOTE in text_of(d, "#record-text-view")
    assert not d.find_elements(By.CSS_SELECTOR, "form#issue-record, form#record-form")
    shot(d, "07b-record-issued")

    name, data = download(d, d.find_element(By.CSS_SELECTOR, "#record a[href$='record.docx']"), downloads)
    assert name == f"会议纪要-{TOPIC}.docx", name
    text = docx_text(data)
    # The 纪要 says who spoke and what was said; clock times and durations stay in the record.
    def minutes_line(line: str) -> str:
        return re.sub(r"，\d{1,2}:\d{2}起，用时[^，。（]*(（超时[^）]*）)?", "", line).removesuffix("主要内容：")
    for expected in ("安化县政协双月协商座谈会纪要", RECORD_NUMBER, minutes_line(member_line + RECORD_NOTE),
                     minutes_line(speech_lines[0])):
        assert expected in text, f"{expected!r} is not in record.docx: {text[:1500]}"
    assert "用时" not in text and "会议于9:00开始" not in text, text[:1500]
