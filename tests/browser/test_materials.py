"""Issue 6, the meeting's materials (工作办法 三(四)), walked through in the browser.

The module runs its own server. The symposium is prepared through the JSON API with
tests/live_setup.py (plan issued, implementation plan adopted, invitees confirmed), then the
demo users `member` (王淑贞) and `expert` (黄振宇) are invited and confirmed as well; the
department head 姜茂林 (`department`, 县农业农村局) and members without a login already are.
The office registers two materials through the API (setup): the 县农业农村局 briefing, 秘密
1年, for the leaders and 黄振宇 only; and 王淑贞's booked speech, for all attendees.

The server is declared a classified information system (XIESHANG_SYSTEM_CLASSIFICATION=classified):
only there may a 秘密 briefing have a file (保守国家秘密法); tests/browser/test_classified_materials.py
walks the default, non-classified deployment, where it travels on paper.

In the browser: the department uploads the briefing; `member` cannot find it anywhere, `expert`
can; the booked speech is submitted, returned, revised, resubmitted, approved and forwarded;
the office downloads two recipients' packets, which differ as the ranges say (rendered through
LibreOffice into tests/artifacts/materials-packet-*.png); bad uploads are refused in Chinese
and store nothing. The tests run in file order and share `M`.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import docx
import pytest

import render
import requests
from selenium.webdriver.common.by import By

from harness import ARTIFACTS, DemoServer
from live_setup import _confirm_preinvited, ok, prepare_live_symposium
from ui import alerts, body_text, click_and_wait, flash, mark_page, open_page, page_replaced, sign_in, wait

BRIEFING_TITLE = "全县黑茶产业发展情况介绍"
BRIEFING_WORD = "茶园面积三十六万亩"          # only in the briefing's body: the search's test
SPEECH_TITLE = "关于打造安化黑茶区域公用品牌的发言"
RETURN_NOTE = "请补充品牌标准统一的具体措施，控制在1500字以内。"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

M: dict = {}



# ---------------------------------------------------------------- setup

def person_id(session: requests.Session, base: str, name: str) -> int:
    return ok(session.get(f"{base}/api/v1/persons", params={"q": name}, timeout=15))["items"][0]["id"]


@pytest.fixture(scope="module")
def server() -> str:
    srv = DemoServer("materials", env={"XIESHANG_SYSTEM_CLASSIFICATION": "classified"}).start()
    try:
        B = srv.url
        live = prepare_live_symposium(B, members=4)
        sid, office, committee = live.sid, live.office, live.committee
        S = f"{B}/api/v1/symposia/{sid}"
        member, expert = person_id(office, B, "王淑贞"), person_id(office, B, "黄振宇")
        for pid in (member, expert):
            ok(committee.post(f"{S}/invitees", json={"personID": pid, "reason": "茶产业"}, timeout=15))
        ok(committee.post(f"{S}/invitees/pre-invite", timeout=15))
        sym = _confirm_preinvited(committee, office, B, sid)
        states = {i["personID"]: i["state"] for i in sym["invitees"]}
        assert states.get(member) in ("confirmed", "notified") and states.get(expert) in ("confirmed", "notified"), states
        others = [i for i in sym["invitees"] if i["category"] == "members" and i["personID"] != member]
        assert others, "no other member without a login is invited"
        departments = {d["name"]: d["id"] for d in ok(office.get(f"{B}/api/v1/departments", timeout=15))}
        briefing = ok(office.post(f"{S}/materials", timeout=15, json={
            "kind": "departmentBriefing", "title": BRIEFING_TITLE, "departmentID": departments["县农业农村局"],
            "due": "2026-12-10", "secrecy": "secret", "secrecyPeriod": "1年",
            "distribution": {"scope": "listed", "roles": ["leader"], "categories": ["leaders"],
                             "personIDs": [expert]}}))
        speech = ok(office.post(f"{S}/materials", timeout=15, json={
            "kind": "bookedSpeech", "title": SPEECH_TITLE, "speakerID": member, "due": "2026-12-10",
            "secrecy": "internal", "distribution": {"scope": "attendingOnly"}}))
        M.update(sid=sid, member=member, expert=expert, other=others[0]["personID"],
                 briefing=briefing["id"], speech=speech["id"])
        yield B
    finally:
        srv.stop()


# ---------------------------------------------------------------- helpers

def list_url(base: str) -> str:
    return f"{base}/symposia/{M['sid']}/materials"


def detail_url(base: str, mid: int) -> str:
    return f"{list_url(base)}/{mid}"


def browser_session(driver) -> requests.Session:
    """A requests session with the browser's cookies: what the signed-in user's browser would get."""
    s = requests.Session()
    for c in driver.get_cookies():
        s.cookies.set(c["name"], c["value"])
    return s


def make_docx(*paragraphs: str) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for cell in table._cells]
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header):
            parts += [p.text for p in part.paragraphs]
            for table in part.tables:
                parts += [cell.text for cell in table._cells]
    return "\n".join(parts)


def header_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = []
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header):
            parts += [p.text for p in part.paragraphs]
            for table in part.tables:
                parts += [cell.text for cell in table._cells]
    return "\n".join(parts)


def upload(driver, path: Path, timeout: float = 15) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form#upload-form")
    form.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))
    token = mark_page(driver)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, timeout).until(lambda d: page_replaced(d, token))


def versions(driver) -> list[str]:
    return [tr.get_attribute("data-version") for tr in driver.find_elements(By.CSS_SELECTOR, "#versions tr[data-version]")]


def review(driver, action: str, comments: str = "") -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form#review-form")
    if comments:
        driver.execute_script("arguments[0].value = arguments[1];",
                              form.find_element(By.CSS_SELECTOR, "textarea[name=comments]"), comments)
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, f"button.review-{action}"))
    assert not alerts(driver), f"{action}: {alerts(driver)}"


def review_state(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "#review-state").text.strip()


def listed_titles(driver) -> str:
    tables = driver.find_elements(By.CSS_SELECTOR, "#materials-table")
    return tables[0].text if tables else ""


def require(*keys: str) -> None:
    missing = [k for k in keys if k not in M]
    if missing:
        pytest.skip(f"an earlier step did not complete (no {', '.join(missing)})")


# ---------------------------------------------------------------- 1. the department's briefing

def test_department_uploads_its_restricted_briefing(driver, login, server, screenshot, tmp_path):
    assert sign_in(driver, login, server, "department") == "姜茂林"
    open_page(driver, list_url(server), "#materials-table")
    assert BRIEFING_TITLE in listed_titles(driver), "the producing department does not see its briefing"
    row = driver.find_element(By.CSS_SELECTOR, f"#materials-table tr[data-material='{M['briefing']}']")
    assert "秘密" in row.text and "县农业农村局" in row.text, row.text
    assert BRIEFING_TITLE in driver.find_element(By.CSS_SELECTOR, "#owed").text, "待交材料 does not list the briefing"
    click_and_wait(driver, row.find_element(By.TAG_NAME, "a"))
    assert "尚未上传文件" in driver.find_element(By.CSS_SELECTOR, "#versions").text
    path = tmp_path / "黑茶产业情况介绍.docx"
    path.write_bytes(make_docx(BRIEFING_TITLE, f"截至2026年10月，全县{BRIEFING_WORD}，综合产值二百三十亿元。",
                               "一、基本情况", "二、存在问题", "三、下一步打算"))
    upload(driver, path)
    assert not alerts(driver), alerts(driver)
    assert "已上传新版本" in flash(driver), flash(driver)
    assert versions(driver) == ["1"], versions(driver)
    marking = driver.find_element(By.CSS_SELECTOR, "#marking").text
    assert "秘密" in marking and "1年" in marking, marking
    rng = driver.find_element(By.CSS_SELECTOR, "#range").text
    assert "黄振宇" in rng, rng
    screenshot(driver, "materials-01-briefing-uploaded")
    M["briefing_uploaded"] = True


# ---------------------------------------------------------------- 2. the range holds

def test_member_outside_the_range_cannot_see_the_briefing_anywhere(driver, login, server, screenshot):
    require("briefing_uploaded")
    assert sign_in(driver, login, server, "member") == "王淑贞"
    open_page(driver, list_url(server), "#materials")
    page = body_text(driver)
    assert BRIEFING_TITLE not in page, "a member outside the range sees the briefing on the list"
    assert SPEECH_TITLE in page, "the member does not see their own booked speech"
    # The search of titles and text.
    open_page(driver, list_url(server) + "?q=" + BRIEFING_WORD, "#materials")
    assert BRIEFING_TITLE not in body_text(driver) and BRIEFING_WORD in body_text(driver)
    assert "没有与" in body_text(driver), body_text(driver)[:300]
    # Guessing the URL of the detail page: answered as a missing material.
    s = browser_session(driver)
    driver.get(detail_url(server, M["briefing"]))
    text = body_text(driver)
    assert BRIEFING_TITLE not in text and "不存在" in text, text[:300]
    screenshot(driver, "materials-02-member-guessed-url")
    missing = s.get(detail_url(server, 999999), timeout=15)
    for url in (detail_url(server, M["briefing"]), detail_url(server, M["briefing"]) + "/versions/1/file",
                f"{server}/api/v1/materials/{M['briefing']}",
                f"{server}/api/v1/materials/{M['briefing']}/versions/1/file"):
        r = s.get(url, timeout=15)
        assert r.status_code == 404, f"{url}: HTTP {r.status_code} for a member outside the range"
        assert BRIEFING_TITLE not in r.text and BRIEFING_WORD not in r.text
    assert missing.status_code == 404
    api = s.get(f"{server}/api/v1/symposia/{M['sid']}/materials", params={"q": BRIEFING_WORD}, timeout=15)
    assert api.status_code == 200 and api.json() == [], api.text[:300]
    csv = s.get(list_url(server) + ".csv", timeout=15)
    assert csv.status_code == 200 and BRIEFING_TITLE not in csv.text, csv.text[:300]
    # Their own packet: the office compiles it, the member cannot compile anyone's.
    token = re.search(r'name="_csrf" value="([^"]+)"', s.get(list_url(server), timeout=15).text).group(1)
    r = s.post(f"{server}/symposia/{M['sid']}/packets/{M['member']}", data={"_csrf": token}, timeout=30)
    assert r.status_code in (403, 404), f"member compiled a packet: HTTP {r.status_code}"
    # Compiling is never a link: a GET changes nothing and gives no packet.
    assert s.get(f"{server}/symposia/{M['sid']}/packets/{M['member']}", timeout=30).status_code == 405


def test_expert_inside_the_range_sees_and_downloads_the_briefing(driver, login, server, screenshot):
    require("briefing_uploaded")
    assert sign_in(driver, login, server, "expert") == "黄振宇"
    open_page(driver, list_url(server) + "?q=" + BRIEFING_WORD, "#materials-table")
    assert BRIEFING_TITLE in listed_titles(driver), "the expert in the range does not find the briefing"
    row = driver.find_element(By.CSS_SELECTOR, f"#materials-table tr[data-material='{M['briefing']}']")
    click_and_wait(driver, row.find_element(By.TAG_NAME, "a"))
    assert BRIEFING_TITLE in driver.find_element(By.CSS_SELECTOR, "#material").text
    assert not driver.find_elements(By.CSS_SELECTOR, "form#upload-form"), "a reader may upload"
    assert not driver.find_elements(By.CSS_SELECTOR, "#distribution"), "a reader may change the range"
    link = driver.find_element(By.CSS_SELECTOR, "#versions tr[data-version='1'] a")
    screenshot(driver, "materials-03-expert-detail")
    r = browser_session(driver).get(link.get_attribute("href"), timeout=30)
    assert r.status_code == 200, r.status_code
    assert r.headers["content-type"].startswith(DOCX_TYPE), r.headers["content-type"]
    assert BRIEFING_WORD in docx_text(r.content)


# ---------------------------------------------------------------- 3. a booked speech's review

def test_booked_speech_is_returned_revised_and_forwarded(driver, login, server, screenshot, tmp_path):
    require("briefing_uploaded")
    sign_in(driver, login, server, "member")
    open_page(driver, detail_url(server, M["speech"]), "#review")
    assert review_state(driver) == "起草中"
    draft = tmp_path / "发言稿.docx"
    draft.write_bytes(make_docx(SPEECH_TITLE, "王淑贞", "一、统一品牌标准。二、加强品牌保护。"))
    upload(driver, draft)
    assert not alerts(driver), alerts(driver)
    review(driver, "submit")
    assert review_state(driver) == "已报委室把关"

    sign_in(driver, login, server, "committee")
    open_page(driver, detail_url(server, M["speech"]), "#review-form")
    review(driver, "return", RETURN_NOTE)
    assert review_state(driver) == "退回修改"
    assert RETURN_NOTE in driver.find_element(By.CSS_SELECTOR, "#review").text
    screenshot(driver, "materials-04-speech-returned")

    sign_in(driver, login, server, "member")
    open_page(driver, detail_url(server, M["speech"]), "#review")
    assert RETURN_NOTE in driver.find_element(By.CSS_SELECTOR, "#pending-comments").text
    draft.write_bytes(make_docx(SPEECH_TITLE, "王淑贞", "一、统一品牌标准：制定安化黑茶团体标准。", "二、加强品牌保护。"))
    upload(driver, draft)
    assert not alerts(driver), alerts(driver)
    assert versions(driver) == ["1", "2"] or sorted(versions(driver)) == ["1", "2"], versions(driver)
    review(driver, "submit")
    assert review_state(driver) == "已报委室把关"

    sign_in(driver, login, server, "committee")
    open_page(driver, detail_url(server, M["speech"]), "#review-form")
    review(driver, "approve")
    assert review_state(driver) == "委室审核通过"
    review(driver, "forward")
    assert review_state(driver) == "已送办公室印发"
    steps = driver.find_element(By.CSS_SELECTOR, "#review ol.steps").text
    assert steps.count("报送委室把关") == 2 and "退回修改" in steps and RETURN_NOTE in steps, steps
    screenshot(driver, "materials-05-speech-forwarded")
    M["speech_forwarded"] = True


# ---------------------------------------------------------------- 4. the office's packets

def render_packet(data: bytes, name: str, tmp: Path) -> list[Path]:
    if render.missing_tools():
        return []
    src = tmp / f"{name}.docx"
    src.write_bytes(data)
    pdf = render.to_pdf({name: src}, tmp, timeout=120)[name]
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-l", "4", str(pdf), str(ARTIFACTS / name)],
                   check=True, capture_output=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def test_office_compiles_two_packets_that_differ_as_the_ranges_say(driver, login, server, screenshot, tmp_path):
    require("briefing_uploaded", "speech_forwarded")
    assert sign_in(driver, login, server, "office") == "刘秋菊"
    open_page(driver, list_url(server), "#packets-table")
    rows = {tr.get_attribute("data-person"): tr for tr in
            driver.find_elements(By.CSS_SELECTOR, "#packets-table tr[data-person]")}
    for pid in (M["member"], M["expert"], M["other"]):
        assert str(pid) in rows, f"person {pid} has no packet row"
    assert "王淑贞" in rows[str(M["member"])].text and "黄振宇" in rows[str(M["expert"])].text
    screenshot(driver, "materials-06-packets")
    s = browser_session(driver)
    packets = {}
    for who in ("member", "expert"):
        form = rows[str(M[who])].find_element(By.CSS_SELECTOR, "form.compile-packet")
        token = form.find_element(By.NAME, "_csrf").get_attribute("value")
        r = s.post(form.get_attribute("action"), data={"_csrf": token}, timeout=60)
        assert r.status_code == 200, f"{who}'s packet: HTTP {r.status_code} {r.text[:200]}"
        assert r.headers["content-type"].startswith(DOCX_TYPE), r.headers["content-type"]
        packets[who] = r.content
    member_text, expert_text = docx_text(packets["member"]), docx_text(packets["expert"])
    assert SPEECH_TITLE in member_text and SPEECH_TITLE in expert_text
    assert BRIEFING_TITLE in expert_text, "the expert's packet lacks the briefing in their range"
    assert BRIEFING_TITLE not in member_text and BRIEFING_WORD not in member_text, \
        "the member's packet holds the briefing outside their range"
    assert "王淑贞" in header_text(packets["member"]), header_text(packets["member"])
    assert "黄振宇" in header_text(packets["expert"]), header_text(packets["expert"])
    # Once compiled, the page shows each recipient's copy number: the one in their packet's header.
    open_page(driver, list_url(server), "#packets-table")
    rows = {tr.get_attribute("data-person"): tr for tr in
            driver.find_elements(By.CSS_SELECTOR, "#packets-table tr[data-person]")}
    screenshot(driver, "materials-06b-packets-compiled")
    numbers = {}
    for who in ("member", "expert"):
        cells = rows[str(M[who])].find_elements(By.TAG_NAME, "td")
        numbers[who] = number = cells[0].text.strip()
        assert "刘秋菊" in cells[4].text or cells[4].text.strip(), f"no compiler shown: {cells[4].text!r}"
        assert number and number in header_text(packets[who]), (who, number, header_text(packets[who]))
    assert numbers["member"] != numbers["expert"], numbers
    for who, data in packets.items():
        pngs = render_packet(data, f"materials-packet-{who}", tmp_path)
        if pngs:
            assert pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------- 5. bad uploads

MINIMAL_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
               b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def test_bad_uploads_are_refused_in_chinese_and_store_nothing(driver, login, server, screenshot, tmp_path):
    require("briefing_uploaded")
    sign_in(driver, login, server, "department")
    open_page(driver, detail_url(server, M["briefing"]), "form#upload-form")
    before = versions(driver)
    open_page(driver, list_url(server), "#materials-table")
    list_before = listed_titles(driver)

    lying = tmp_path / "情况介绍（修改稿）.docx"
    lying.write_bytes(MINIMAL_PDF)
    big = tmp_path / "情况介绍（附图）.docx"
    with open(big, "wb") as f:
        f.write(make_docx("附图"))
        f.truncate(20 * 1024 * 1024 + 1)
    broken = tmp_path / "情况介绍（未保存完）.docx"
    broken.write_bytes(make_docx(BRIEFING_TITLE, "正文")[:3000])
    cases = [(lying, ["扩展名为.docx", "PDF"]), (big, ["文件超过", "上限"]), (broken, ["已损坏"])]
    for i, (path, words) in enumerate(cases):
        open_page(driver, detail_url(server, M["briefing"]), "form#upload-form")
        if path == big:
            # The page refuses it before sending 20 MiB over a county's line (the server's own
            # refusal of the same file is a Swift test): the page stays, the message shows.
            form = driver.find_element(By.CSS_SELECTOR, "form#upload-form")
            form.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))
            token = mark_page(driver)
            form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            wait(driver).until(lambda d: d.find_element(By.ID, "file-error").is_displayed())
            assert not page_replaced(driver, token), "the oversized file was sent"
        else:
            upload(driver, path)
        message = alerts(driver)
        for word in words:
            assert word in message, f"{path.name}: no “{word}” in {message!r}"
        assert re.search(r"[\u4e00-\u9fff]", message)
        assert versions(driver) == before, f"{path.name} was stored: {versions(driver)}"
        screenshot(driver, f"materials-07-refused-{i + 1}")
    open_page(driver, list_url(server), "#materials-table")
    assert listed_titles(driver) == list_before, "a refused upload changed the list"
