"""Issue 7, the outcomes and their follow-up (工作办法 一.6, 三(五)), walked through in the browser.

The module runs its own server whose clock is a file (`XIESHANG_CLOCK_FILE`, see
tests/live_setup.py), so that the days between the symposium and a follow-up item's due day
pass without waiting for them. The symposium "推进安化黑茶全产业链高质量发展" (Thursday
2026-12-17, 农业农村委员会) is prepared through the JSON API with tests/live_setup.py; a
research visit and the keynote's material are registered, and the meeting is held at the
office's console through the API (briefing, keynote, one booked speech, the end): that is
setup, not what is tested here. Outcomes fall due 10 working days after it, on 2026-12-31.

In the browser, on Friday 2026-12-18:
- the office's 工作台 counts down "剩9个工作日" to send the outcomes; it drafts a 提案 on the
  symposium's 协商成果 tab, links it to the booked speech, the keynote and the research, names
  县农业农村局 and sends it (it enters handling); a 建议案 is refused until it carries its
  document number, then sent to 县领导 曾湘莲 (`leader`) and exported as DOCX;
- the recipients sign for them (签收) from their 工作台; 县农业农村局 (`department`) accepts the
  提案 and replies with a reply document and a handling result; the lead committee
  (`committee`) rates the reply;
- the lead committee adds two follow-up items (落实事项): one (县市场监督管理局, due 12-24) is
  implemented with a progress note, the other (县农业农村局, due 12-28) gets a progress note
  from the department but stays open.
Then the server's clock moves to Tuesday 2026-12-29: the second item is overdue on the
outcome's page and on the department's and the lead committee's 工作台; the 2026-Q4 summary
(`/summaries/2026-Q4`) counts what happened (a 建议案 and a 提案, both sent on time, one
handling rated, two items, one implemented, one overdue) in figures and SVG charts; and the topic's traceability
page (`/plans/2026/topics/:topic/trace`) shows every link from the plan to the items.

Last, the outcome and trace pages are read on a phone; a draft 参阅件 refuses follow-up items
(they are for departments, a draft is the CPPCC's own), and once the clock passes the due day
its countdown reads "已逾期N个工作日" in red, never with a minus sign.

The tests run in file order and build on each other through `O`; each milestone is saved as
tests/artifacts/outcomes-NN-*.png.
"""

from __future__ import annotations

import io
import re
import subprocess

import docx
import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import render
from harness import ARTIFACTS, DemoServer
from live_setup import TOPIC, advance_clock, api_session, edit, ok, prepare_live_symposium, write_clock
from ui import click_and_wait, flash, open_page, save_png, sign_in, wait

# The server's "now" in the browser part (Beijing time 09:00).
DAY_AFTER = "2026-12-18T01:00:00Z"          # Friday, the day after the symposium
AFTER_SECOND_DUE = "2026-12-29T01:00:00Z"   # Tuesday, the day after the second item's due day
AFTER_OUTCOME_DUE = "2027-01-05T01:00:00Z"  # Tuesday, after the outcomes' due day (2026-12-31)
OUTCOME_DUE_TEXT = "2026年12月31日"          # 10 working days after Thursday 2026-12-17

BUREAU = "县农业农村局"                      # the demo user `department` (姜茂林)
MARKET_BUREAU = "县市场监督管理局"
LEADER = "曾湘莲"                            # the demo user `leader`
KEYNOTE_TITLE = "关于推进安化黑茶全产业链高质量发展的调研报告"
RESEARCH_TITLE = "安化黑茶产业链专题调研"
BOOKED_SUBJECT = "擦亮安化黑茶区域公用品牌"

PROPOSAL = "关于加快安化黑茶精深加工的提案"
PROPOSAL_BODY = "一、问题\n全县黑茶以初加工为主，精深加工产品少。\n二、建议\n建设精深加工园区，培育龙头企业。"
RECOMMENDATION = "关于擦亮安化黑茶区域公用品牌的建议"
RECOMMENDATION_BODY = "建议统一区域公用品牌标准，加强品牌保护和市场监管。"
RECOMMENDATION_NUMBER = "安政协建〔2026〕3号"

REPLY_DOCUMENT = "关于县政协《关于加快安化黑茶精深加工的提案》的答复（安农函〔2026〕41号）"
REPLY_TEXT = "我局已将黑茶精深加工园区建设列入2027年工作计划，正会同县发改局编制园区规划。"
REPLY_RESULT = "列入计划"
RATING = "满意"
RATING_COMMENTS = "答复具体，措施可行。"

ITEM_DONE = "建设安化黑茶质量检测中心"           # 县市场监督管理局, due 2026-12-24, implemented
ITEM_DONE_DUE = "2026-12-24"
ITEM_DONE_NOTE = "检测中心已建成并通过计量认证，投入使用。"
ITEM_LATE = "出台茶园生态保护补助办法"            # 县农业农村局, due 2026-12-28, overdue
ITEM_LATE_DUE = "2026-12-28"
ITEM_LATE_NOTE = "补助办法已形成初稿，正在征求意见。"
BRIEF = "关于安化黑茶品牌建设情况的参阅件"          # left a draft, to be overdue

# The palette of app.css: overdue in the 工作台's red, reminders in the warnings' amber.
RED = "rgb(179, 38, 30)"
RED_ROW = "rgb(253, 236, 234)"
AMBER = "rgb(154, 103, 0)"

O: dict = {}


# ---------------------------------------------------------------- the server and the held symposium

def hold_the_meeting(live, clock_path) -> None:
    """The office's console through the API: the briefing, the keynote and the first booked
    speech, each some minutes of the server's clock, then the end (the symposium is held)."""
    live.post("start")
    for segment in ("departmentBriefing", "keynote", "bookedSpeech"):
        live.post("next")
        advance_clock(clock_path, 420)
        live.post("end-speech")
        if segment != "bookedSpeech":
            live.post("advance")
    live.post("end")


@pytest.fixture(scope="module")
def clock_path(tmp_path_factory):
    return tmp_path_factory.mktemp("clock") / "now.txt"


@pytest.fixture(scope="module")
def server(clock_path) -> str:
    srv = DemoServer("outcomes", env={"XIESHANG_CLOCK_FILE": str(clock_path)}).start()
    try:
        B = srv.url
        live = prepare_live_symposium(B, clock_file=clock_path, members=4)
        sid, committee = live.sid, live.committee
        S = f"{B}/api/v1/symposia/{sid}"
        # What an outcome draws on besides the speeches: the keynote's material and a research visit.
        ok(committee.post(f"{S}/materials", timeout=15, json={
            "kind": "keynote", "title": KEYNOTE_TITLE, "due": "2026-12-10", "secrecy": "internal",
            "distribution": {"scope": "attendingOnly"}}))
        ok(committee.post(f"{S}/research", timeout=15, json={
            "kind": "research", "title": RESEARCH_TITLE, "date": "2026-11-26", "place": "县茶产业园",
            "participants": "农业农村委员会、部分委员", "findings": "精深加工和品牌建设是短板。"}))
        # The first booked speaker's subject, for the outcome's link to that speech.
        speakers = next(i for i in live.agenda["items"] if i["kind"] == "bookedSpeech")["speakers"]
        booked = speakers[0]
        ok(edit(committee, "PUT", f"{S}/agenda/bookedSpeech", S, {"speakers": [
            {"personID": s["personID"], "subject": BOOKED_SUBJECT if s is booked else s.get("subject", "")}
            for s in speakers]}))
        hold_the_meeting(live, clock_path)
        symposium = ok(live.office.get(S, timeout=15))
        assert symposium["heldOn"] == "2026-12-17", symposium["heldOn"]
        speeches = live.state()["speeches"]
        assert len(speeches) == 3, speeches
        O.update(sid=sid, topic=symposium["topicID"], booked_speaker=booked["name"],
                 speakers=[s["name"] for s in speeches])
        write_clock(clock_path, DAY_AFTER)
        yield B
    finally:
        srv.stop()


# ---------------------------------------------------------------- helpers

def text_of(driver, css: str) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, css)
    return found[0].text.strip() if found else ""


def alerts(driver) -> str:
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role=alert]") if e.text.strip())


def fill(driver, element, value: str) -> None:
    driver.execute_script("arguments[0].value = arguments[1];", element, value)


def submit(driver, form, expect_flash: str | None = None) -> None:
    """Submits a form with its (first) submit button; no refusal may be shown."""
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert not alerts(driver), alerts(driver)
    if expect_flash:
        assert expect_flash in flash(driver), f"no “{expect_flash}” in {flash(driver)!r}"


def outcome_url(base: str, key: str) -> str:
    return f"{base}/outcomes/{O[key]}"


def state_name(driver) -> str:
    return text_of(driver, "#outcome-state-name")


def todo_lines(driver) -> list:
    return driver.find_elements(By.CSS_SELECTOR, "#todo li")


def todo_line(driver, *words: str):
    """The 工作台's to-do line containing every word, or None."""
    return next((li for li in todo_lines(driver) if all(w in li.text for w in words)), None)


def handling_form(driver, hid: int, action: str):
    return driver.find_element(
        By.XPATH, f"//div[@id='handling-{hid}']//form[input[@name='action' and @value='{action}']]")


def item_row(driver, title: str):
    return driver.find_element(By.XPATH, f"//table[@id='items-table']/tbody/tr[td[1][normalize-space()='{title}']]")


def item_form(driver, title: str, kind: str):
    """The progress-note (`notes`) or status (`status`) form in an item's row."""
    return item_row(driver, title).find_element(By.CSS_SELECTOR, f"form[action$='/{kind}']")


def browser_session(driver) -> requests.Session:
    s = requests.Session()
    for c in driver.get_cookies():
        s.cookies.set(c["name"], c["value"])
    return s


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs] + [c.text for t in document.tables for c in t._cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.first_page_header.paragraphs]
    return "\n".join(parts)


def require(*keys: str) -> None:
    missing = [k for k in keys if k not in O]
    if missing:
        pytest.skip(f"an earlier step did not complete (no {', '.join(missing)})")


def shot(driver, name: str) -> None:
    save_png(driver, f"outcomes-{name}")


def style(driver, element, prop: str) -> str:
    return driver.execute_script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", element, prop)


def status_options(driver, title: str) -> list[tuple[str, bool]]:
    """(label, selected) of the status choice in an item's row."""
    return [(o.text, o.is_selected()) for o in Select(item_form(driver, title, "status").find_element(By.NAME, "status")).options]


# ---------------------------------------------------------------- 1. the draft and the countdown (三(五))

def test_office_sees_the_countdown_and_drafts_a_proposal(driver, login, server):
    assert sign_in(driver, login, server, "office") == "刘秋菊"
    # The day after the symposium: 12-21 … 12-31 are nine working days.
    line = todo_line(driver, "报送协商成果")
    assert line is not None, [li.text for li in todo_lines(driver)]
    assert "剩9个工作日" in line.text and TOPIC in line.text, line.text
    assert "overdue" not in (line.get_attribute("class") or "")
    click_and_wait(driver, line.find_element(By.TAG_NAME, "a"))
    assert driver.current_url.endswith(f"/symposia/{O['sid']}/outcomes"), driver.current_url
    due = text_of(driver, "#outcome-due")
    assert "10个工作日" in due and OUTCOME_DUE_TEXT in due and "暂计" not in due, due
    assert "暂无协商成果" in text_of(driver, "#outcomes")

    form = driver.find_element(By.CSS_SELECTOR, "form#create-outcome")
    assert [o.text for o in Select(form.find_element(By.ID, "outcome-form")).options] == ["政协参阅件", "建议案", "提案"]
    Select(form.find_element(By.ID, "outcome-form")).select_by_visible_text("提案")
    form.find_element(By.ID, "outcome-title").send_keys(PROPOSAL)
    submit(driver, form, "已建立协商成果草稿")
    O["proposal"] = int(re.search(r"/outcomes/(\d+)$", driver.current_url).group(1))
    assert state_name(driver) == "起草中"
    assert text_of(driver, "#outcome-countdown") == "剩9个工作日", text_of(driver, "#outcome-countdown")
    problems = text_of(driver, "#sending-problems")
    assert "请填写协商成果正文" in problems and "请至少选择" in problems, problems

    # The draft now has its own countdown on the 工作台, in place of the symposium's.
    open_page(driver, server + "/", "#todo")
    line = todo_line(driver, f"报送提案“{PROPOSAL}”")
    assert line is not None and "剩9个工作日" in line.text, [li.text for li in todo_lines(driver)]
    assert todo_line(driver, "报送协商成果（") is None, "the symposium's line stays beside its draft's"
    shot(driver, "01-dashboard-countdown")


def test_office_links_the_proposal_and_sends_it_into_handling(driver, login, server):
    require("proposal")
    sign_in(driver, login, server, "office")
    open_page(driver, outcome_url(server, "proposal"), "form#edit-outcome")
    form = driver.find_element(By.CSS_SELECTOR, "form#edit-outcome")
    fill(driver, form.find_element(By.CSS_SELECTOR, "textarea#body"), PROPOSAL_BODY)
    form.find_element(By.CSS_SELECTOR, f"input[aria-label='送交{BUREAU}']").click()
    # The links: the booked speech, the keynote's material, the research visit.
    for legend, words in (("关联发言", BOOKED_SUBJECT), ("关联文稿材料", KEYNOTE_TITLE), ("关联前期调研", RESEARCH_TITLE)):
        boxes = form.find_elements(By.XPATH, f".//fieldset[legend='{legend}']//label[contains(., '{words}')]/input")
        assert len(boxes) == 1, f"{legend}: no single choice with “{words}”"
        boxes[0].click()
    speech_label = form.find_element(By.XPATH, f".//fieldset[legend='关联发言']//label[contains(., '{BOOKED_SUBJECT}')]")
    O["speech_no"] = re.search(r"第(\d+)号", speech_label.text).group(1)
    assert O["booked_speaker"] in speech_label.text, speech_label.text
    shot(driver, "02-proposal-draft-form")
    submit(driver, form, "已保存协商成果草稿")

    # Saved as chosen, ready to send.
    form = driver.find_element(By.CSS_SELECTOR, "form#edit-outcome")
    assert form.find_element(By.CSS_SELECTOR, f"input[aria-label='送交{BUREAU}']").is_selected()
    for legend, words in (("关联发言", BOOKED_SUBJECT), ("关联文稿材料", KEYNOTE_TITLE), ("关联前期调研", RESEARCH_TITLE)):
        assert form.find_element(By.XPATH, f".//fieldset[legend='{legend}']//label[contains(., '{words}')]/input").is_selected()
    assert not driver.find_elements(By.CSS_SELECTOR, "#sending-problems"), text_of(driver, "#sending-problems")
    assert BUREAU in text_of(driver, "#recipients-table")

    submit(driver, driver.find_element(By.CSS_SELECTOR, "form#send-outcome"), "协商成果已报送")
    assert state_name(driver) == "已报送"
    assert "刘秋菊报送（按时）" in text_of(driver, "#outcome-state"), text_of(driver, "#outcome-state")
    assert not driver.find_elements(By.CSS_SELECTOR, "form#edit-outcome"), "a sent outcome can still be edited"
    # A proposal enters handling: every department it is sent to handles it (承办).
    row = text_of(driver, "#recipients-table tbody tr")
    assert BUREAU in row and "承办" in row, row
    handling = driver.find_element(By.CSS_SELECTOR, "#handlings .handling")
    O["handling"] = int(handling.get_attribute("id").removeprefix("handling-"))
    assert f"{BUREAU}：已交办，待接收" in handling.text, handling.text
    assert f"第{O['speech_no']}号" in text_of(driver, "section.card:has(#outcome-body)"), "the linked speech is not shown"
    # …and the material and the research it draws on, each a link to its page.
    material = driver.find_element(By.CSS_SELECTOR, "#linked-materials a")
    assert KEYNOTE_TITLE in material.text and re.search(rf"/symposia/{O['sid']}/materials/\d+$",
                                                        material.get_attribute("href")), material.get_attribute("href")
    research = driver.find_element(By.CSS_SELECTOR, "#linked-research a")
    assert RESEARCH_TITLE in research.text and research.get_attribute("href").endswith(f"/symposia/{O['sid']}/research")
    shot(driver, "03-proposal-sent")
    O["proposal_sent"] = True


def test_office_sends_a_recommendation_only_with_its_document_number(driver, login, server):
    require("proposal_sent")
    sign_in(driver, login, server, "office")
    open_page(driver, f"{server}/symposia/{O['sid']}/outcomes", "form#create-outcome")
    form = driver.find_element(By.CSS_SELECTOR, "form#create-outcome")
    Select(form.find_element(By.ID, "outcome-form")).select_by_visible_text("建议案")
    form.find_element(By.ID, "outcome-title").send_keys(RECOMMENDATION)
    fill(driver, form.find_element(By.ID, "outcome-body"), RECOMMENDATION_BODY)
    submit(driver, form, "已建立协商成果草稿")
    O["recommendation"] = int(re.search(r"/outcomes/(\d+)$", driver.current_url).group(1))

    form = driver.find_element(By.CSS_SELECTOR, "form#edit-outcome")
    form.find_element(By.XPATH, f".//fieldset[legend='报送县领导']//label[contains(., '{LEADER}')]/input").click()
    submit(driver, form, "已保存协商成果草稿")
    assert "须编发文字号" in text_of(driver, "#sending-problems"), text_of(driver, "#sending-problems")
    # Sending without the number is refused, in Chinese, and nothing changes.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form#send-outcome button[type=submit]"))
    assert "建议案尚不能报送" in alerts(driver) and "发文字号" in alerts(driver), alerts(driver)
    assert state_name(driver) == "起草中"
    shot(driver, "04-recommendation-refused")

    open_page(driver, outcome_url(server, "recommendation"), "form#edit-outcome")
    form = driver.find_element(By.CSS_SELECTOR, "form#edit-outcome")
    form.find_element(By.ID, "document-number").send_keys(RECOMMENDATION_NUMBER)
    submit(driver, form, "已保存协商成果草稿")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form#send-outcome"), "协商成果已报送")
    assert state_name(driver) == "已报送"
    assert RECOMMENDATION_NUMBER in driver.find_element(By.TAG_NAME, "main").text
    assert not driver.find_elements(By.CSS_SELECTOR, "#handlings .handling"), "a recommendation to a leader only is handled"
    # The 建议案 as a GB/T 9704 document with its number.
    link = driver.find_element(By.CSS_SELECTOR, f"a[href='/outcomes/{O['recommendation']}/document.docx']")
    r = browser_session(driver).get(link.get_attribute("href"), timeout=30)
    assert r.status_code == 200 and r.content[:2] == b"PK", (r.status_code, r.headers.get("content-type"))
    text = docx_text(r.content)
    assert RECOMMENDATION_NUMBER in text and RECOMMENDATION in text and RECOMMENDATION_BODY in text, text[:500]

    # The symposium's tab lists both, sent on time.
    open_page(driver, f"{server}/symposia/{O['sid']}/outcomes", "#outcomes-table")
    rows = {tr.find_elements(By.TAG_NAME, "td")[1].text: tr.text
            for tr in driver.find_elements(By.CSS_SELECTOR, "#outcomes-table tbody tr")}
    assert set(rows) == {PROPOSAL, RECOMMENDATION}, rows
    assert "提案" in rows[PROPOSAL] and "已报送" in rows[PROPOSAL] and f"{BUREAU}：已交办，待接收" in rows[PROPOSAL]
    assert RECOMMENDATION_NUMBER in rows[RECOMMENDATION] and "已报送" in rows[RECOMMENDATION]
    assert "剩" not in " ".join(rows.values()), "a sent outcome still counts down"
    trace = driver.find_element(By.CSS_SELECTOR, "#trace-link")
    assert trace.text == "全过程" and trace.get_attribute("href").endswith(f"/plans/2026/topics/{O['topic']}/trace")
    shot(driver, "05-symposium-outcomes")
    O["recommendation_sent"] = True


# ---------------------------------------------------------------- 2. receipt and handling

def test_the_leader_signs_for_the_recommendation(driver, login, server):
    require("recommendation_sent")
    assert sign_in(driver, login, server, "leader") == LEADER
    line = todo_line(driver, f"签收建议案“{RECOMMENDATION}”")
    assert line is not None, [li.text for li in todo_lines(driver)]
    click_and_wait(driver, line.find_element(By.TAG_NAME, "a"))
    assert RECOMMENDATION_NUMBER in driver.find_element(By.TAG_NAME, "main").text
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form#acknowledge-outcome"), "已签收")
    assert f"{LEADER}已签收" in text_of(driver, "#recipients-table")
    assert not driver.find_elements(By.CSS_SELECTOR, "form#acknowledge-outcome"), "the leader may sign twice"
    open_page(driver, server + "/", "#todo")
    assert todo_line(driver, RECOMMENDATION) is None, "the signed outcome stays among the leader's 待办"


def test_the_department_signs_accepts_and_replies(driver, login, server):
    require("proposal_sent", "handling")
    assert sign_in(driver, login, server, "department") == "姜茂林"
    lines = [li.text for li in todo_lines(driver)]
    assert todo_line(driver, f"签收提案“{PROPOSAL}”") is not None, lines
    assert todo_line(driver, f"接收办理提案“{PROPOSAL}”", BUREAU) is not None, lines
    assert todo_line(driver, RECOMMENDATION) is None, "the department sees an outcome not sent to it"
    shot(driver, "06-department-dashboard")
    open_page(driver, outcome_url(server, "proposal"), "#outcome-state")
    assert PROPOSAL_BODY.splitlines()[1] in text_of(driver, "#outcome-body")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form#acknowledge-outcome"), "已签收")
    assert "姜茂林已签收" in text_of(driver, "#recipients-table")
    assert not driver.find_elements(By.CSS_SELECTOR, "form#acknowledge-outcome")

    hid = O["handling"]
    submit(driver, handling_form(driver, hid, "accept"), "已接收办理。")
    assert f"{BUREAU}：办理中" in text_of(driver, f"#handling-{hid}")
    form = driver.find_element(By.CSS_SELECTOR, "form#reply-form")
    form.find_element(By.ID, "reply-document").send_keys(REPLY_DOCUMENT)
    fill(driver, form.find_element(By.ID, "reply-text"), REPLY_TEXT)
    Select(form.find_element(By.ID, "reply-result")).select_by_visible_text(REPLY_RESULT)
    shot(driver, "07-reply-form")
    submit(driver, form, "已答复。")
    handling = text_of(driver, f"#handling-{hid}")
    assert f"{BUREAU}：已答复，待测评" in handling and REPLY_RESULT in handling, handling
    assert REPLY_DOCUMENT in handling and REPLY_TEXT in handling, handling
    assert not driver.find_elements(By.CSS_SELECTOR, "form#reply-form") and not driver.find_elements(
        By.CSS_SELECTOR, "form#rate-form"), "the department may reply again or rate its own reply"
    shot(driver, "08-replied")
    O["replied"] = True


def test_lead_committee_rates_the_reply(driver, login, server):
    require("replied")
    sign_in(driver, login, server, "committee")
    line = todo_line(driver, f"测评{BUREAU}对“{PROPOSAL}”的答复")
    assert line is not None, [li.text for li in todo_lines(driver)]
    click_and_wait(driver, line.find_element(By.TAG_NAME, "a"))
    form = driver.find_element(By.CSS_SELECTOR, "form#rate-form")
    Select(form.find_element(By.NAME, "satisfaction")).select_by_visible_text(RATING)
    form.find_element(By.NAME, "comments").send_keys(RATING_COMMENTS)
    submit(driver, form, "已测评。")
    handling = text_of(driver, f"#handling-{O['handling']}")
    assert f"{BUREAU}：已测评" in handling and f"第1轮测评：{RATING}" in handling and RATING_COMMENTS in handling, handling
    # Re-handling follows an unsatisfied rating only.
    assert not driver.find_elements(By.CSS_SELECTOR, f"#handling-{O['handling']} form input[name=action][value=rehandle]"), \
        "re-handling is offered after a satisfied rating"
    shot(driver, "09-rated")
    O["rated"] = True


# ---------------------------------------------------------------- 3. follow-up items (落实事项)

def add_item(driver, title: str, department: str, due: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form#add-item")
    form.find_element(By.ID, "item-title").send_keys(title)
    Select(form.find_element(By.ID, "item-owner")).select_by_visible_text(department)
    fill(driver, form.find_element(By.ID, "item-due"), due)
    submit(driver, form, "已添加落实事项")


def test_lead_committee_tracks_two_items_and_one_is_implemented(driver, login, server):
    require("proposal_sent")
    sign_in(driver, login, server, "committee")
    open_page(driver, outcome_url(server, "proposal"), "form#add-item")
    add_item(driver, ITEM_DONE, MARKET_BUREAU, ITEM_DONE_DUE)
    add_item(driver, ITEM_LATE, BUREAU, ITEM_LATE_DUE)
    done, late = item_row(driver, ITEM_DONE), item_row(driver, ITEM_LATE)
    assert MARKET_BUREAU in done.text and "2026年12月24日" in done.text and "未开始" in done.text, done.text
    assert BUREAU in late.text and "2026年12月28日" in late.text and "未开始" in late.text, late.text
    # The reminder: 7 calendar days ahead (Regulation.handling.reminderDaysBefore).
    assert "即将到期" in done.text and "即将到期" not in late.text, (done.text, late.text)
    assert style(driver, done.find_element(By.CSS_SELECTOR, ".reminder"), "color") == AMBER
    # The status starts at the current one and offers only the allowed moves.
    assert status_options(driver, ITEM_DONE) == [("未开始（当前）", True), ("推进中", False), ("已落实", False), ("不再落实", False)]

    form = item_form(driver, ITEM_DONE, "notes")
    form.find_element(By.NAME, "text").send_keys(ITEM_DONE_NOTE)
    assert form.find_element(By.NAME, "date").get_attribute("value") == "2026-12-18"
    submit(driver, form, "已记录进展情况")
    form = item_form(driver, ITEM_DONE, "status")
    Select(form.find_element(By.NAME, "status")).select_by_visible_text("已落实")
    submit(driver, form, "已更新落实事项状态")
    done = item_row(driver, ITEM_DONE)
    assert "已落实" in done.text and f"2026年12月18日 {ITEM_DONE_NOTE}" in done.text, done.text
    assert status_options(driver, ITEM_DONE) == [("已落实（当前）", True), ("推进中", False)]
    assert "即将到期" not in done.text and "overdue" not in (done.get_attribute("class") or "")
    shot(driver, "10-items")
    O["items"] = True

    # The owner department reports progress on its own item; it stays open.
    sign_in(driver, login, server, "department")
    # Ten days ahead, the item is not yet among the department's 待办 (reminders start 7 days ahead).
    assert todo_line(driver, ITEM_LATE) is None, [li.text for li in todo_lines(driver)]
    open_page(driver, outcome_url(server, "proposal"), "#items-table")
    assert not item_row(driver, ITEM_DONE).find_elements(By.CSS_SELECTOR, "form"), \
        "the department may note progress on another department's item"
    form = item_form(driver, ITEM_LATE, "notes")
    form.find_element(By.NAME, "text").send_keys(ITEM_LATE_NOTE)
    submit(driver, form, "已记录进展情况")
    late = item_row(driver, ITEM_LATE)
    assert ITEM_LATE_NOTE in late.text and "未开始" in late.text, late.text
    assert not late.find_elements(By.CSS_SELECTOR, "form[action$='/status']"), "the department may set the status"


def test_the_open_item_is_overdue_after_its_due_day(driver, login, server, clock_path):
    require("items", "rated")
    write_clock(clock_path, AFTER_SECOND_DUE)
    sign_in(driver, login, server, "committee")
    line = todo_line(driver, f"落实事项：{ITEM_LATE}")
    assert line is not None, [li.text for li in todo_lines(driver)]
    assert "overdue" in line.get_attribute("class") and "已逾期" in line.text and BUREAU in line.text, line.text
    assert todo_line(driver, ITEM_DONE) is None, "an implemented item is still on the 工作台"
    assert "逾期" in text_of(driver, "#todo h2"), text_of(driver, "#todo h2")
    shot(driver, "11-committee-dashboard-overdue")
    click_and_wait(driver, line.find_element(By.TAG_NAME, "a"))
    late, done = item_row(driver, ITEM_LATE), item_row(driver, ITEM_DONE)
    assert "overdue" in late.get_attribute("class") and "已逾期" in late.text, late.text
    assert style(driver, late.find_element(By.TAG_NAME, "td"), "background-color") == RED_ROW
    assert style(driver, late.find_element(By.CSS_SELECTOR, ".overdue-flag"), "color") == RED
    assert "overdue" not in (done.get_attribute("class") or "") and "已逾期" not in done.text, done.text
    assert "已落实" in done.text
    shot(driver, "12-item-overdue")

    sign_in(driver, login, server, "department")
    line = todo_line(driver, f"落实事项：{ITEM_LATE}")
    assert line is not None and "overdue" in line.get_attribute("class"), [li.text for li in todo_lines(driver)]
    assert "已逾期" in line.text
    assert todo_line(driver, ITEM_DONE) is None, "the department sees another department's item"
    shot(driver, "13-department-dashboard-overdue")
    O["overdue"] = True


# ---------------------------------------------------------------- 4. the quarter's summary and the whole chain

def bars(driver, chart: str) -> dict[str, tuple[int, float]]:
    """label -> (count, bar width) of one SVG chart of the summary."""
    return driver.execute_script("""
        const svg = document.querySelector('svg#chart-' + arguments[0]);
        if (!svg) return null;
        const texts = [...svg.querySelectorAll('text')], rects = [...svg.querySelectorAll('rect')];
        const out = {};
        rects.forEach((r, i) => { out[texts[2 * i].textContent.trim()] =
            [parseInt(texts[2 * i + 1].textContent, 10), parseFloat(r.getAttribute('width'))]; });
        return out;""", chart)


def test_quarterly_summary_counts_what_happened(driver, login, server):
    require("overdue", "recommendation_sent")
    sign_in(driver, login, server, "office")
    # The navigation's 成果汇总 opens the current quarter's (the server's clock: 2026-12-29).
    entry = driver.find_element(By.XPATH, "//nav[@id='main-nav']//a[normalize-space()='成果汇总']")
    assert entry.get_attribute("href").endswith("/summaries/2026-Q4"), entry.get_attribute("href")
    click_and_wait(driver, entry)
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#summary-numbers"))
    assert text_of(driver, "h1") == "2026年第四季度协商成果汇总", text_of(driver, "h1")
    assert "2026年10月1日至2026年12月31日，统计截至2026年12月29日" in driver.find_element(By.TAG_NAME, "main").text
    numbers = text_of(driver, "#summary-numbers")
    assert text_of(driver, "#sum-outcomes") == "2", numbers
    assert text_of(driver, "#sum-sending") == "100%" and "按时2、逾期0、未到期0" in numbers, numbers
    assert "逾期未报送 0 件" in numbers and "部门办理 1 件" in numbers, numbers
    assert text_of(driver, "#sum-items") == "2" and text_of(driver, "#sum-implemented") == "1", numbers
    assert text_of(driver, "#sum-overdue") == "1" and "未开始 1 项" in numbers, numbers

    by_form = bars(driver, "by-form")
    assert by_form is not None, "no SVG chart of the outcomes by form"
    assert {k: v[0] for k, v in by_form.items()} == {"政协参阅件": 0, "建议案": 1, "提案": 1}, by_form
    assert by_form["政协参阅件"][1] == 0 and by_form["建议案"][1] == by_form["提案"][1] > 0, by_form
    assert {k: v[0] for k, v in bars(driver, "by-state").items()} == {"起草中": 0, "已报送": 2}
    assert bars(driver, "handlings")["已测评"][0] == 1
    assert {k: v[0] for k, v in bars(driver, "items").items()} == {"未开始": 1, "推进中": 0, "已落实": 1, "不再落实": 0}
    assert len(driver.find_elements(By.CSS_SELECTOR, "svg[role=img]")) == 4
    shot(driver, "14-summary-2026-Q4")


def render_document(data: bytes, name: str, tmp_path) -> None:
    """Renders a generated DOCX to tests/artifacts/outcomes-<name>-N.png, to be looked at."""
    if render.missing_tools():
        return
    src = tmp_path / f"{name}.docx"
    src.write_bytes(data)
    pdf = render.to_pdf({name: src}, tmp_path, timeout=120)[name]
    for old in ARTIFACTS.glob(f"outcomes-{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-l", "4", str(pdf), str(ARTIFACTS / f"outcomes-{name}")],
                   check=True, capture_output=True)


def test_summary_and_annual_report_download_as_documents(driver, login, server, tmp_path):
    require("overdue", "recommendation_sent")
    sign_in(driver, login, server, "office")
    driver.get(f"{server}/summaries/2026-Q4")
    link = wait(driver).until(lambda d: d.find_element(By.ID, "summary-docx"))
    session = browser_session(driver)
    r = session.get(link.get_attribute("href"), timeout=30)
    assert r.status_code == 200 and "wordprocessingml" in r.headers["Content-Type"], r.status_code
    text = docx_text(r.content)
    assert "2026年第四季度双月协商座谈会成果汇总" in text
    assert "形成协商成果2件" in text and "按时报送率100%" in text, text
    for caption in ("图1　协商成果（按形式）", "图4　落实事项（按状态）"):
        assert caption in text, caption
    assert PROPOSAL in text and RECOMMENDATION in text, "the list of outcomes"
    assert "逾期未落实1项" in text and ITEM_LATE in text and BUREAU in text, "the overdue item and its department"
    render_document(r.content, "summary-docx", tmp_path)

    driver.get(f"{server}/summaries/2026")
    annual = wait(driver).until(lambda d: d.find_element(By.ID, "annual-docx"))
    r = session.get(annual.get_attribute("href"), timeout=30)
    assert r.status_code == 200
    text = docx_text(r.content)
    assert "2026年度双月协商座谈会工作情况报告" in text
    assert TOPIC in text and "12月17日" in text, "the symposium held"
    assert f"会上发言{len(O['speakers'])}人次" in text, text
    assert "全面推进乡村振兴" in text and "与全体会议合并进行" in text, "the Jan–Feb topic"
    render_document(r.content, "annual-docx", tmp_path)
    # A member may not download either.
    member = api_session(server, "member")
    assert member.get(f"{server}/reports/2026/annual.docx", timeout=15).status_code == 403


def test_participation_record_counts_the_speech_held(driver, login, server):
    require("overdue")
    office = api_session(server, "office")
    found = ok(office.get(f"{server}/api/v1/persons", params={"q": O["booked_speaker"]}, timeout=15))
    person = (found["items"] if isinstance(found, dict) else found)[0]["id"]
    record = ok(office.get(f"{server}/api/v1/persons/{person}/participation", timeout=15))
    assert record["speeches"] == O["speakers"].count(O["booked_speaker"]) == 1, record
    # 420 s of the clock file, plus the moments the requests themselves took.
    assert record["attended"] == 1 and 420 <= record["speakingSeconds"] < 430, record
    sign_in(driver, login, server, "office")
    driver.get(f"{server}/people/{person}/participation")
    assert wait(driver).until(lambda d: d.find_element(By.ID, "count-speeches")).text == "1"
    shot(driver, "participation")


def test_trace_shows_every_link_of_the_topic(driver, login, server):
    require("overdue", "recommendation_sent")
    sign_in(driver, login, server, "committee")
    # From the annual plan: the topic's row links its whole chain.
    open_page(driver, f"{server}/plans/2026", "#topics-table")
    row = driver.find_element(By.CSS_SELECTOR, f"#topics-table tr[data-topic-id='{O['topic']}']")
    assert TOPIC in row.text
    click_and_wait(driver, row.find_element(By.LINK_TEXT, "全过程"))
    assert driver.current_url.endswith(f"/plans/2026/topics/{O['topic']}/trace"), driver.current_url
    assert text_of(driver, "h1") == f"全程追溯：{TOPIC}", text_of(driver, "h1")

    def links(part: str) -> dict[str, str]:
        return {a.text.strip(): a.get_attribute("href").removeprefix(server)
                for a in driver.find_elements(By.CSS_SELECTOR, f"#trace-{part} a")}

    assert links("plan") == {TOPIC: "/plans/2026"}, links("plan")
    symposium = text_of(driver, "#trace-symposium")
    assert "2026年12月17日" in symposium and "已召开" in symposium, symposium
    assert links("symposium") == {"2026年12月17日（星期四）": f"/symposia/{O['sid']}", "会议纪要": f"/symposia/{O['sid']}/record"}, \
        links("symposium")
    speeches = text_of(driver, "#trace-speeches")
    for name in O["speakers"]:
        assert name in speeches, (name, speeches)
    assert BOOKED_SUBJECT in speeches and re.search(r"第\d+号　.+　预约发言：" + BOOKED_SUBJECT + r"　7分(钟|\d+秒)$", speeches, re.M), speeches
    assert not re.search(r"\d{3,}秒", speeches), "a length in seconds alone"

    outcomes = links("outcomes")
    assert outcomes.get(f"提案：{PROPOSAL}") == f"/outcomes/{O['proposal']}", outcomes
    assert outcomes.get(f"建议案：{RECOMMENDATION}") == f"/outcomes/{O['recommendation']}", outcomes
    assert outcomes.get(f"{BUREAU}第1轮答复") == f"/outcomes/{O['proposal']}#handling-{O['handling']}", outcomes
    assert outcomes.get(ITEM_DONE) == outcomes.get(ITEM_LATE) == f"/outcomes/{O['proposal']}#items", outcomes
    text = text_of(driver, "#trace-outcomes")
    assert RECOMMENDATION_NUMBER in text and "已报送（2026年12月18日报送）" in text, text
    assert f"{REPLY_RESULT}　{REPLY_DOCUMENT}　测评：{RATING}" in text, text
    done = next(li.text for li in driver.find_elements(By.CSS_SELECTOR, "#trace-outcomes li li") if ITEM_DONE in li.text)
    late = next(li.text for li in driver.find_elements(By.CSS_SELECTOR, "#trace-outcomes li li") if ITEM_LATE in li.text)
    assert MARKET_BUREAU in done and "已落实（2026年12月18日落实）" in done and ITEM_DONE_NOTE in done, done
    assert BUREAU in late and "已逾期" in late and ITEM_LATE_NOTE in late, late
    assert text_of(driver, "#trace-results") == (
        "成效\n协商成果2件（已报送2件），部门答复1次（满意或基本满意1次），落实事项2项（已落实1项，逾期1项）。"), \
        text_of(driver, "#trace-results")
    shot(driver, "15-trace")
    # Each link opens: the outcome's handling, from the reply.
    driver.find_element(By.LINK_TEXT, f"{BUREAU}第1轮答复").click()
    wait(driver).until(lambda d: d.current_url.endswith(f"#handling-{O['handling']}"))
    assert REPLY_TEXT in text_of(driver, f"#handling-{O['handling']}")
    O["traced"] = True


# ---------------------------------------------------------------- 5. on a phone; a draft's limits

def fits_the_width(driver) -> bool:
    """Nothing but a table's own scroller is wider than the screen."""
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1;")


def test_outcome_and_trace_pages_read_on_a_phone(phone_driver, login, server):
    require("traced")
    sign_in(phone_driver, login, server, "committee")
    open_page(phone_driver, outcome_url(server, "proposal"), "#items-table")
    late = item_row(phone_driver, ITEM_LATE)
    assert "overdue" in late.get_attribute("class") and style(phone_driver, late.find_element(By.TAG_NAME, "td"),
                                                               "background-color") == RED_ROW
    assert fits_the_width(phone_driver), "the outcome page is wider than the phone"
    shot(phone_driver, "16-phone-outcome")
    open_page(phone_driver, f"{server}/plans/2026/topics/{O['topic']}/trace", "#trace")
    assert fits_the_width(phone_driver), "the trace page is wider than the phone"
    shot(phone_driver, "17-phone-trace")


def test_a_draft_takes_no_items_and_counts_down_without_a_minus_sign(driver, login, server, clock_path):
    require("traced")
    sign_in(driver, login, server, "office")
    open_page(driver, f"{server}/symposia/{O['sid']}/outcomes", "form#create-outcome")
    form = driver.find_element(By.CSS_SELECTOR, "form#create-outcome")
    Select(form.find_element(By.ID, "outcome-form")).select_by_visible_text("政协参阅件")
    form.find_element(By.ID, "outcome-title").send_keys(BRIEF)
    submit(driver, form, "已建立协商成果草稿")
    brief = int(re.search(r"/outcomes/(\d+)$", driver.current_url).group(1))
    assert text_of(driver, "#outcome-countdown") == "剩2个工作日", text_of(driver, "#outcome-countdown")

    # The lead committee sees the draft but is offered no follow-up item; the API refuses one.
    sign_in(driver, login, server, "committee")
    open_page(driver, f"{server}/outcomes/{brief}", "#items")
    assert not driver.find_elements(By.CSS_SELECTOR, "form#add-item")
    assert "报送后" in text_of(driver, "#items-after-sending")
    committee = api_session(server, "committee")
    departments = {d["name"]: d["id"] for d in ok(committee.get(f"{server}/api/v1/departments", timeout=15))}
    r = committee.post(f"{server}/api/v1/outcomes/{brief}/items", timeout=15,
                       json={"title": "建立品牌保护名录", "ownerDepartmentID": departments[BUREAU], "due": "2027-03-31"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "follow_up_outcome_not_sent", (r.status_code, r.text)
    assert "协商成果尚未报送" in r.json()["error"]["message"]
    # The department does not know of the draft.
    department = api_session(server, "department")
    assert department.get(f"{server}/api/v1/outcomes/{brief}", timeout=15).status_code == 404

    # Past the due day: "已逾期N个工作日" in red, on the outcome and on the symposium's tab.
    write_clock(clock_path, AFTER_OUTCOME_DUE)
    sign_in(driver, login, server, "committee")   # the session has expired in the week that passed
    open_page(driver, f"{server}/outcomes/{brief}", "#outcome-countdown")
    countdown = driver.find_element(By.CSS_SELECTOR, "#outcome-countdown")
    assert re.fullmatch(r"已逾期[1-9]\d*个工作日", countdown.text), countdown.text
    assert style(driver, countdown, "color") == RED
    shot(driver, "18-draft-overdue")
    open_page(driver, f"{server}/symposia/{O['sid']}/outcomes", "#outcomes-table")
    row = next(tr for tr in driver.find_elements(By.CSS_SELECTOR, "#outcomes-table tbody tr") if BRIEF in tr.text)
    assert "overdue" in row.get_attribute("class") and re.search(r"已逾期[1-9]\d*个工作日", row.text), row.text
    assert "-" not in row.find_elements(By.TAG_NAME, "td")[4].text, row.text
    assert style(driver, row.find_element(By.TAG_NAME, "td"), "background-color") == RED_ROW
    shot(driver, "19-symposium-outcomes-overdue")
