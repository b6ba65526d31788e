"""Issue 18, classified materials the lawful way (保守国家秘密法), walked through in the browser.

The module runs its own server, a non-classified deployment (the default), whose clock is a
file. The symposium is prepared with tests/live_setup.py; the demo users `member` (王淑贞) and
`expert` (黄振宇) are invited and confirmed too. The office registers (setup, API) the 县农业农村局
briefing, 秘密★1年, for the attending members and the county leaders: 黄振宇 attends as an
expert and is outside the range.

In the browser: the department cannot upload the 秘密 briefing (the page says why; a crafted
upload is refused with the same reason and stores nothing); the office registers 12 printed
copies, hands 10 to members in range (the batch with 黄振宇 is refused, naming him), 王淑贞 signs
for hers on a tablet; her packet lists the briefing as "纸质件，会上分发（份号000001）" without
content; the meeting is held; 9 copies come back; from the day after the meeting the office's
dashboard names 王淑贞 until her return is recorded, and the materials cannot be closed; then
every copy is destroyed or archived and the materials close. Last, the server restarts as a
classified deployment (XIESHANG_SYSTEM_CLASSIFICATION=classified) and the department's upload
is accepted. The tests run in file order and share `C`.
"""

from __future__ import annotations

import io
import re

import docx
import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from harness import DemoServer
from live_setup import _confirm_preinvited, ok, prepare_live_symposium, write_clock
from ui import alerts, body_text, click_and_wait, flash, open_page, sign_in, wait

BRIEFING_TITLE = "全县黑茶产业发展情况介绍"
BRIEFING_WORD = "茶园面积三十六万亩"
DAY_AFTER = "2026-12-18T01:00:00Z"          # Friday, the day after the symposium
COPIES = 12
HANDED = 10

C: dict = {}


# ---------------------------------------------------------------- setup

def person_id(session: requests.Session, base: str, name: str) -> int:
    return ok(session.get(f"{base}/api/v1/persons", params={"q": name}, timeout=15))["items"][0]["id"]


def hold_the_meeting(live) -> None:
    """The console through the API: start, the first segment's speech, the end."""
    live.post("start")
    live.post("next")
    live.post("end-speech")
    live.post("end")


@pytest.fixture(scope="module")
def clock_path(tmp_path_factory):
    return tmp_path_factory.mktemp("clock") / "now.txt"


@pytest.fixture(scope="module")
def srv(clock_path):
    server = DemoServer("classified", env={"XIESHANG_CLOCK_FILE": str(clock_path)}).start()
    try:
        B = server.url
        live = prepare_live_symposium(B, clock_file=clock_path, members=6, extra_members=8)
        sid, office, committee = live.sid, live.office, live.committee
        S = f"{B}/api/v1/symposia/{sid}"
        member, expert = person_id(office, B, "王淑贞"), person_id(office, B, "黄振宇")
        for pid in (member, expert):
            r = committee.post(f"{S}/invitees", json={"personID": pid, "reason": "茶产业"}, timeout=15)
            assert r.status_code in (200, 201, 409), r.text[:300]
        ok(committee.post(f"{S}/invitees/pre-invite", timeout=15))
        sym = _confirm_preinvited(committee, office, B, sid)
        attending = {i["personID"]: i for i in sym["invitees"] if i["state"] in ("confirmed", "notified")}
        assert member in attending and expert in attending, sym["invitees"]
        members = [member] + [p for p, i in attending.items() if i["category"] == "members" and p != member]
        assert len(members) >= HANDED, f"only {len(members)} members attend"
        departments = {d["name"]: d["id"] for d in ok(office.get(f"{B}/api/v1/departments", timeout=15))}
        briefing = ok(office.post(f"{S}/materials", timeout=15, json={
            "kind": "departmentBriefing", "title": BRIEFING_TITLE, "departmentID": departments["县农业农村局"],
            "due": "2026-12-10", "secrecy": "secret", "secrecyPeriod": "1年",
            "distribution": {"scope": "listed", "roles": ["leader"], "categories": ["members", "leaders"]}}))
        names = {p["id"]: p["name"] for p in
                 (ok(office.get(f"{B}/api/v1/persons/{pid}", timeout=15)) for pid in members[:HANDED] + [expert])}
        C.update(sid=sid, live=live, briefing=briefing["id"], member=member, expert=expert,
                 holders=members[:HANDED], names=names)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def server(srv) -> str:
    return srv.url


# ---------------------------------------------------------------- helpers

def detail_url(base: str) -> str:
    return f"{base}/symposia/{C['sid']}/materials/{C['briefing']}"


def list_url(base: str) -> str:
    return f"{base}/symposia/{C['sid']}/materials"


def browser_session(driver) -> requests.Session:
    s = requests.Session()
    for c in driver.get_cookies():
        s.cookies.set(c["name"], c["value"])
    return s


def csrf_of(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "input[name=_csrf]").get_attribute("value")


def docx_bytes(*paragraphs: str) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def copy_states(driver) -> dict[str, str]:
    return {tr.get_attribute("data-copy"): tr.get_attribute("data-state")
            for tr in driver.find_elements(By.CSS_SELECTOR, "#paper-copies tr[data-copy]")}


def choose_recipients(driver, choices: dict[int, int]) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form#paper-handout-form")
    for number, person in choices.items():
        Select(form.find_element(By.ID, f"recipient-{number}")).select_by_value(str(person))
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def check_copies(driver, form_id: str, numbers) -> None:
    form = driver.find_element(By.CSS_SELECTOR, f"form#{form_id}")
    for n in numbers:
        box = form.find_element(By.CSS_SELECTOR, f"input[name='numbers[]'][value='{n}']")
        if not box.is_selected():
            box.click()


def require(*keys: str) -> None:
    missing = [k for k in keys if k not in C]
    if missing:
        pytest.skip(f"an earlier step did not complete (no {', '.join(missing)})")


# ---------------------------------------------------------------- 1. no file for a state secret

def test_department_cannot_upload_its_secret_briefing(driver, login, server, screenshot, tmp_path):
    assert sign_in(driver, login, server, "department") == "姜茂林"
    open_page(driver, list_url(server), "#materials-table")
    assert "非涉密信息系统" in driver.find_element(By.ID, "system-notice").text
    open_page(driver, detail_url(server), "#material")
    notice = driver.find_element(By.ID, "classified-notice").text
    for phrase in ("非涉密信息系统", "秘密级材料不能上传电子文件", "保守国家秘密法", "纸质件"):
        assert phrase in notice, f"no “{phrase}” in {notice!r}"
    assert not driver.find_elements(By.CSS_SELECTOR, "form#upload-form"), "an upload is offered for a 秘密 briefing"
    assert "待送交纸质件" in driver.find_element(By.ID, "material-status").text
    screenshot(driver, "classified-01-no-upload")
    # A crafted upload from the same session: refused with the same reason, nothing stored.
    s = browser_session(driver)
    r = s.post(detail_url(server) + "/versions", data={"_csrf": csrf_of(driver)},
               files={"file": ("情况介绍.docx", docx_bytes(BRIEFING_TITLE, BRIEFING_WORD), "application/octet-stream")},
               timeout=30)
    assert r.status_code == 400, r.status_code
    assert "保守国家秘密法" in r.text and "纸质件" in r.text
    api = s.get(f"{server}/api/v1/materials/{C['briefing']}", timeout=15).json()
    assert api["versions"] == [] and api["handling"] == "paper", api
    C["no_upload"] = True


# ---------------------------------------------------------------- 2. registration and hand-out

def test_office_registers_twelve_printed_copies(driver, login, server, screenshot):
    assert sign_in(driver, login, server, "office") == "刘秋菊"
    open_page(driver, detail_url(server), "#paper")
    form = driver.find_element(By.CSS_SELECTOR, "form#paper-register-form")
    form.find_element(By.NAME, "count").send_keys(str(COPIES))
    form.find_element(By.NAME, "deliveredBy").send_keys("县农业农村局 姜茂林")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert not alerts(driver), alerts(driver)
    assert "已登记纸质件" in flash(driver), flash(driver)
    states = copy_states(driver)
    assert list(states) == [str(n) for n in range(1, COPIES + 1)] and set(states.values()) == {"inOffice"}, states
    numbers = [tr.find_element(By.TAG_NAME, "td").text for tr in driver.find_elements(By.CSS_SELECTOR, "#paper-copies tr[data-copy]")]
    assert numbers[0] == "000001" and numbers[-1] == "000012", numbers
    assert "000001—000012" in driver.find_element(By.ID, "paper-deliveries").text
    screenshot(driver, "classified-02-registered")
    C["registered"] = True


def test_office_hands_ten_copies_in_range_and_one_outside_is_refused(driver, login, server, screenshot):
    require("registered")
    sign_in(driver, login, server, "office")
    open_page(driver, detail_url(server), "form#paper-handout-form")
    choices = {i + 1: p for i, p in enumerate(C["holders"])}
    choose_recipients(driver, {**choices, HANDED + 1: C["expert"]})
    message = alerts(driver)
    assert C["names"][C["expert"]] in message and "发放范围" in message, message
    assert set(copy_states(driver).values()) == {"inOffice"}, "the refused batch handed something out"
    screenshot(driver, "classified-03-outside-range-refused")
    choose_recipients(driver, choices)
    assert not alerts(driver), alerts(driver)
    states = copy_states(driver)
    assert [n for n, st in states.items() if st == "handedOut"] == [str(n) for n in range(1, HANDED + 1)], states
    rows = {tr.get_attribute("data-copy"): tr.text for tr in driver.find_elements(By.CSS_SELECTOR, "#paper-copies tr[data-copy]")}
    assert C["names"][C["member"]] in rows["1"], rows["1"]
    # The office ticks the sign-off sheet for copy 2.
    tick = driver.find_element(By.CSS_SELECTOR, "#paper-copies tr[data-copy='2'] form.tick-copy button")
    click_and_wait(driver, tick)
    assert "办公室代为签收" in driver.find_element(By.CSS_SELECTOR, "#paper-copies tr[data-copy='2']").text
    screenshot(driver, "classified-04-handed-out")
    C["handed"] = True


def test_member_signs_for_her_copy_on_a_tablet(phone_driver, login, server, screenshot):
    require("handed")
    d = phone_driver
    assert sign_in(d, login, server, "member") == "王淑贞"
    open_page(d, detail_url(server), "#my-copy")
    mine = d.find_element(By.ID, "my-copy")
    assert "000001" in mine.text, mine.text
    assert not d.find_elements(By.CSS_SELECTOR, "#versions a"), "a reader sees a file of a 秘密 briefing"
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "form#my-copy-sign button"))
    assert "本人签收" in d.find_element(By.ID, "my-copy").text
    assert not d.find_elements(By.CSS_SELECTOR, "form#my-copy-sign")
    screenshot(d, "classified-05-signed-on-tablet")
    C["signed"] = True


def test_the_packet_lists_the_paper_copy_not_its_content(driver, login, server):
    require("handed")
    sign_in(driver, login, server, "office")
    open_page(driver, list_url(server), "#packets-table")
    row = driver.find_element(By.CSS_SELECTOR, f"#packets-table tr[data-person='{C['member']}']")
    form = row.find_element(By.CSS_SELECTOR, "form.compile-packet")
    r = browser_session(driver).post(form.get_attribute("action"),
                                     data={"_csrf": form.find_element(By.NAME, "_csrf").get_attribute("value")}, timeout=60)
    assert r.status_code == 200, r.status_code
    text = docx_text(r.content)
    assert BRIEFING_TITLE in text and "纸质件，会上分发（份号000001）" in text, text[:800]
    assert BRIEFING_WORD not in text
    assert "王淑贞" in r.headers.get("content-disposition", "") or "%E7%8E%8B" in r.headers.get("content-disposition", "")


# ---------------------------------------------------------------- 3. after the meeting

def test_after_the_meeting_nine_copies_come_back(driver, login, server, screenshot):
    require("handed")
    hold_the_meeting(C["live"])
    sign_in(driver, login, server, "office")
    open_page(driver, detail_url(server), "form#paper-return-form")
    check_copies(driver, "paper-return-form", range(2, HANDED + 1))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form#paper-return-form button[type=submit]"))
    assert not alerts(driver), alerts(driver)
    states = copy_states(driver)
    assert states["1"] == "handedOut" and all(states[str(n)] == "returned" for n in range(2, HANDED + 1)), states
    # On the meeting's own day the dashboard does not chase yet.
    open_page(driver, server + "/", "h1")
    assert not driver.find_elements(By.ID, "paper-outstanding")
    C["returned"] = True


def test_the_dashboard_names_the_tenth_holder_until_her_return_is_recorded(srv, clock_path, driver, login, server, screenshot):
    require("returned")
    write_clock(clock_path, DAY_AFTER)
    sign_in(driver, login, server, "office")
    card = wait(driver).until(lambda d: d.find_element(By.ID, "paper-outstanding"))
    assert C["names"][C["member"]] in card.text and "000001" in card.text, card.text
    for other in C["holders"][1:]:
        assert C["names"][other] not in card.text, f"{C['names'][other]} returned the copy but is still chased"
    screenshot(driver, "classified-06-dashboard-chases")
    # The materials cannot be closed while her copy is unaccounted for.
    open_page(driver, list_url(server), "#retrieval")
    assert C["names"][C["member"]] in driver.find_element(By.ID, "retrieval-outstanding").text
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form#close-materials-form button[type=submit]"))
    message = alerts(driver)
    assert "未清退" in message and C["names"][C["member"]] in message, message
    assert not driver.find_elements(By.ID, "materials-closed")
    # Her return is recorded: the dashboard no longer names her.
    open_page(driver, detail_url(server), "form#paper-return-form")
    check_copies(driver, "paper-return-form", [1])
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form#paper-return-form button[type=submit]"))
    assert not alerts(driver), alerts(driver)
    open_page(driver, server + "/", "h1")
    assert not driver.find_elements(By.ID, "paper-outstanding"), "the dashboard still chases a returned copy"
    C["all_back"] = True


def test_every_copy_is_destroyed_or_archived_and_the_materials_close(driver, login, server, screenshot):
    require("all_back")
    sign_in(driver, login, server, "office")
    open_page(driver, detail_url(server), "form#paper-dispose-form")
    check_copies(driver, "paper-dispose-form", range(1, HANDED + 1))
    form = driver.find_element(By.CSS_SELECTOR, "form#paper-dispose-form")
    Select(form.find_element(By.NAME, "disposal")).select_by_value("destroy")
    form.find_element(By.NAME, "record").send_keys("送县保密局销毁，销毁清单第3号，监销人刘秋菊")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert not alerts(driver), alerts(driver)
    check_copies(driver, "paper-dispose-form", [HANDED + 1, HANDED + 2])
    form = driver.find_element(By.CSS_SELECTOR, "form#paper-dispose-form")
    Select(form.find_element(By.NAME, "disposal")).select_by_value("archive")
    form.find_element(By.NAME, "record").send_keys("归入2026年文书档案，档号WS·2026-Y-015")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert not alerts(driver), alerts(driver)
    states = copy_states(driver)
    assert [states[str(n)] for n in range(1, COPIES + 1)] == ["destroyed"] * HANDED + ["archived"] * 2, states
    screenshot(driver, "classified-07-destroyed-archived")
    open_page(driver, list_url(server), "form#close-materials-form")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form#close-materials-form button[type=submit]"))
    assert not alerts(driver), alerts(driver)
    closed = driver.find_element(By.ID, "materials-closed").text
    assert "销毁10份" in closed and "归档2份" in closed, closed
    screenshot(driver, "classified-08-closed")
    # Every step is in the audit log.
    audit = browser_session(driver).get(f"{server}/api/v1/audit", params={"objectType": "material"}, timeout=15)
    assert audit.status_code == 200, audit.status_code
    actions = {e["action"] for e in audit.json()["items"]}
    for action in ("material.paper.register", "material.paper.handOut", "material.paper.sign", "material.paper.return",
                   "material.paper.destroy", "material.paper.archive"):
        assert action in actions, f"{action} not audited: {sorted(actions)}"
    closing = browser_session(driver).get(f"{server}/api/v1/audit", params={"objectType": "symposium"}, timeout=15).json()
    assert "materials.close" in {e["action"] for e in closing["items"]}
    C["closed"] = True


# ---------------------------------------------------------------- 4. a classified deployment

def test_a_classified_deployment_allows_the_upload_again(srv, driver, login, server, screenshot, tmp_path):
    require("no_upload")
    srv.restart(env={"XIESHANG_SYSTEM_CLASSIFICATION": "classified"})
    assert sign_in(driver, login, server, "department") == "姜茂林"
    open_page(driver, list_url(server), "#materials-table")
    assert not driver.find_elements(By.ID, "system-notice")
    open_page(driver, detail_url(server), "form#upload-form")
    assert not driver.find_elements(By.ID, "classified-notice")
    path = tmp_path / "黑茶产业情况介绍.docx"
    path.write_bytes(docx_bytes(BRIEFING_TITLE, BRIEFING_WORD))
    form = driver.find_element(By.CSS_SELECTOR, "form#upload-form")
    form.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert not alerts(driver), alerts(driver)
    assert "已上传新版本" in flash(driver), flash(driver)
    versions = [tr.get_attribute("data-version") for tr in driver.find_elements(By.CSS_SELECTOR, "#versions tr[data-version]")]
    assert versions == ["1"], versions
    assert "电子件" in driver.find_element(By.ID, "handling").text
    screenshot(driver, "classified-09-classified-deployment-upload")
