"""Issue 4, preparing one symposium (工作办法 二.4, 三(一), 三(二), 三(四).5), walked through in
the browser from its creation out of the issued annual plan to the formal notices, the
invitation letters in a real mailbox and the attendee list.

The module runs its own server (not the session server the other browser tests share),
started with mail configured to a real SMTP sink (`smtp_sink_module`), so that what the
server sends can be read back. The 2026 annual plan is set up through the JSON API first:
that is setup, not what is tested here. The server's clock is the real one; the scenario is
the December 2026 symposium "推进安化黑茶全产业链高质量发展" (2026-12-17, 农业农村委员会).

The tests run in file order and build on each other; what a later test needs from an earlier
one is in `SYM` (the ids the pages showed). Each milestone is saved as
tests/artifacts/symposium-NN-*.png.
"""

from __future__ import annotations

import datetime
import io
import re

import docx
import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from harness import DemoServer, http_login_session
from ui import alerts, body_text, click_and_wait, flash, path_of, wait

YEAR = 2026
TOPIC = "推进安化黑茶全产业链高质量发展"
FEBRUARY_TOPIC = "全面推进乡村振兴、巩固拓展脱贫攻坚成果"
SYMPOSIUM_DAY = datetime.date(2026, 12, 17)
LEAD = "农业农村委员会"
VICE_CHAIR = "陶和平"
CHAIR = "李永安"                      # 县政协主席, who hosts unless a vice chair is entrusted
PLACE = "县政协三楼第一会议室"
# It names "茶产业" literally: the suggester links a member's expertise "茶产业" to the topic
# only through that string ("产业" is a generic term, so "黑茶全产业链" in the title alone
# suggests nobody; see the report of issue 4's browser test).
RATIONALE = "茶产业是我县第一支柱产业，综合产值过两百亿元，但精深加工不足、品牌杂、标准不一，茶农增收后劲不够。"
MAIL_FROM = "zxb@anhua.example"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The implementation plan's eight parts (二.4), as the committee first submits them.
PLAN_PARTS = {
    "time": "2026年12月17日（星期四）上午9:00",
    "place": PLACE,
    "host": "县政协主席李永安",
    "topic": TOPIC,
    "invitees": "县委、县政府联系政协的领导和分管副县长，县政协领导；县政协各委室负责同志；"
                "县农业农村局、县茶业发展中心负责同志；委员6位左右；专家学者2—3位。",
    "agenda": "一、县农业农村局介绍情况\n二、农业农村委员会中心发言\n三、委员、专家学者预约发言\n"
              "四、自由发言\n五、有关部门互动回应\n六、县领导讲话",
    "otherMatters": "会议材料由农业农村委员会汇总，会前3天送办公室印发。",
    "research": "11月中旬赴江南镇、小淹镇茶园和安化经济开发区黑茶企业专题调研，形成调研报告。",
}
RETURN_NOTE = "议程请写明各环节时长，并与工作办法三(三)的时限一致。"
REVISED_AGENDA = ("一、县农业农村局介绍情况（10分钟）\n二、农业农村委员会中心发言（10分钟）\n"
                  "三、委员、专家学者预约发言（3位，每人8分钟）\n四、自由发言（每人5分钟）\n"
                  "五、有关部门互动回应（每人5分钟）\n六、县领导讲话")
ADOPTED_BY = "十二届县政协第31次主席会议"

TASK_TITLE = "提供全县黑茶产业发展情况介绍材料"
TASK_OWNER = "县农业农村局"
TASK_DUE = "2026-12-08"
RESEARCH_TITLE = "黑茶全产业链发展专题调研"
RESEARCH_FINDINGS = "茶园管护水平参差不齐，精深加工企业不足三成；建议设立黑茶产业发展基金，统一区域公用品牌标准。"

# Added with the person selector (the suggestion list adds the other members and an expert).
MEMBER, EXPERT, DEPARTMENT_HEAD = "王淑贞", "黄振宇", "姜茂林"
LEADER_INVITED = "王梅生"            # 副县长，分管茶产业 (a county leader, answers by phone)
COMMITTEE_HEAD = "符鹏飞"            # 农业农村委员会主任
SECOND_DEPARTMENT_HEAD = "王光荣"    # 县茶业发展中心主任
DECLINE_NOTE = "当天须赴省农业农村厅参加会议，建议由龚若兰局长出席。"
LIST_COMMENT = "建议增加一位茶叶加工企业界的委员，兼顾界别分布。"
CATEGORY_ORDER = ["leaders", "committeeHeads", "departmentHeads", "members", "experts"]
CATEGORY_TITLES = ["县委、县政府、县政协领导同志", "县政协各委室负责同志", "县委、县政府有关部门负责同志",
                   "政协委员", "专家学者"]

# Shared between the tests of this module: what the pages showed.
SYM: dict = {}


# ---------------------------------------------------------------- the private server

def api_session(base_url: str, username: str) -> requests.Session:
    """A logged-in session that sends the CSRF token the JSON API expects."""
    s = http_login_session(base_url, username)
    token = re.search(r'name="_csrf" value="([^"]+)"', s.get(base_url + "/", timeout=15).text).group(1)
    s.headers["X-CSRF-Token"] = token
    return s


def ok(r: requests.Response) -> dict:
    assert r.status_code < 400, f"{r.request.method} {r.url}: HTTP {r.status_code} {r.text[:300]}"
    return r.json()


def set_up_the_issued_plan(base_url: str) -> None:
    """The 2026 plan through the API: the February topic (merged with the plenary session)
    and the December one, dated and taken to joint issuance."""
    office = api_session(base_url, "office")
    ok(office.post(f"{base_url}/api/v1/plans", json={"year": YEAR}, timeout=15))
    committees = {c["name"]: c["id"] for c in ok(office.get(f"{base_url}/api/v1/committees", timeout=15))}
    topics = [dict(title=FEBRUARY_TOPIC, leadCommitteeID=committees[LEAD], month=2),
              dict(title=TOPIC, rationale=RATIONALE,
                   leadCommitteeID=committees[LEAD], month=12)]
    plan = ok(office.put(f"{base_url}/api/v1/plans/{YEAR}/topics", json={"topics": topics, "version": 1}, timeout=15))
    december = next(t["id"] for t in plan["topics"] if t["month"] == 12)
    plan = ok(office.post(f"{base_url}/api/v1/plans/{YEAR}/topics/{december}/date",
                          json={"date": SYMPOSIUM_DAY.isoformat(), "version": plan["version"]}, timeout=15))
    for action, reference in [("adopt", "十二届县政协第28次主席会议"), ("report", f"安政协党组〔{YEAR}〕12号"),
                              ("consent", "县委常委会会议纪要第35期"), ("issue", f"安政协办联发〔{YEAR}〕1号")]:
        plan = ok(office.post(f"{base_url}/api/v1/plans/{YEAR}/steps", timeout=15, json={
            "action": action, "reference": reference, "date": "2026-11-20", "version": plan["version"]}))
    assert plan["state"] == "issued", plan["state"]


@pytest.fixture(scope="module")
def sink(smtp_sink_module):
    return smtp_sink_module


@pytest.fixture(scope="module")
def server(sink) -> str:
    """This module's own demo server, mailing to the sink; the 2026 plan already issued."""
    srv = DemoServer("symposium", env={"XIESHANG_SMTP_URL": f"smtp://127.0.0.1:{sink.port}",
                                       "XIESHANG_MAIL_FROM": MAIL_FROM}).start()
    try:
        set_up_the_issued_plan(srv.url)
        yield srv.url
    finally:
        srv.stop()


# ---------------------------------------------------------------- helpers

def set_value(driver, element, value: str) -> None:
    # Typing into a date input depends on the browser's locale format; set it as a script would.
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)


def fill(driver, element, value: str) -> None:
    # Set as a script would: faster than typing long Chinese text, and newlines stay exact.
    set_value(driver, element, value)


def submit(driver, form, button: str = "button[type=submit], button:not([type])") -> None:
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, button))


def open_page(driver, base_url: str, path: str, ready: str = "h1"):
    driver.get(base_url + path)
    return wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ready)))


def select_option_starting(select_element, prefix: str) -> None:
    """Selects the option whose label starts with `prefix` (one script: a person selector
    has some two hundred options, and reading each over WebDriver is slow)."""
    value = select_element.parent.execute_script(
        "const o = [...arguments[0].options].find(o => o.text.trim().startsWith(arguments[1]));"
        "return o ? o.value : null;", select_element, prefix)
    assert value is not None, f"no option starting with “{prefix}”"
    Select(select_element).select_by_value(value)


def sign_in(driver, login, base_url: str, username: str) -> str:
    driver.delete_all_cookies()
    return login(driver, username, base_url=base_url)


def require(*keys: str) -> None:
    """Skips a test whose starting point an earlier test of this module did not reach."""
    missing = [k for k in keys if k not in SYM]
    if missing:
        pytest.skip(f"an earlier step of the symposium did not complete (no {', '.join(missing)})")


def plan_state(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "#plan-state").text.strip()


def invitee_rows(driver) -> dict[str, dict]:
    """The rows of #invitees-table by name: person id, category, state and the rest."""
    rows = driver.execute_script("""
        return [...document.querySelectorAll('#invitees-table tbody tr[data-person]')].map(tr => {
            const td = tr.querySelectorAll('td');
            return {id: tr.dataset.person, state: tr.dataset.state, category: td[0].innerText.trim(),
                    name: td[1].innerText.trim(), status: td[4].innerText.trim(), reason: td[5].innerText.trim()};
        });""")
    return {r.pop("name"): r for r in rows}


def quota(driver) -> dict:
    section = driver.find_element(By.CSS_SELECTOR, "#quota")
    return {"members": int(section.find_element(By.CSS_SELECTOR, "#member-count").text),
            "experts": int(section.find_element(By.CSS_SELECTOR, "#expert-count").text),
            "warnings": [li.text for li in section.find_elements(By.CSS_SELECTOR, "#quota-warnings li")],
            "text": section.text}


def add_by_selector(driver, name: str, reason: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form#add-invitee")
    select_option_starting(form.find_element(By.CSS_SELECTOR, "select#person"), name)
    fill(driver, form.find_element(By.CSS_SELECTOR, "input[name=reason]"), reason)
    submit(driver, form)
    assert not alerts(driver), f"adding {name}: {alerts(driver)}"
    assert "已加入邀请名单" in flash(driver), flash(driver)
    assert name in invitee_rows(driver), f"{name} is not on the list after adding"


def add_suggested(driver, person_id: str) -> None:
    row = driver.find_element(By.CSS_SELECTOR, f"#suggestions-list tr[data-person='{person_id}']")
    click_and_wait(driver, row.find_element(By.CSS_SELECTOR, "button.add-suggested"))
    assert not alerts(driver), alerts(driver)


def no_sideways_scrolling(driver) -> int:
    return driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for cell in table._cells]
    return "\n".join(parts)


def working_days(base_url: str) -> callable:
    """is_working(day) by the server's built-in 2026 calendar (holidays and 调休)."""
    data = requests.get(f"{base_url}/api/v1/calendar/years/{YEAR}", timeout=15).json()
    special = {d["date"]: d["kind"]["kind"] for d in data["specialDays"]}

    def is_working(day: datetime.date) -> bool:
        kind = special.get(day.isoformat())
        if kind == "adjustedWorkday":
            return True
        return kind != "holiday" and day.weekday() < 5

    return is_working


# ---------------------------------------------------------------- 1. creation and timeline

def test_office_creates_the_symposium_from_the_issued_plan(driver, login, server, screenshot):
    assert sign_in(driver, login, server, "office") == "刘秋菊"
    open_page(driver, server, "/symposia", "form#create-symposium")
    form = driver.find_element(By.CSS_SELECTOR, "form#create-symposium")
    topics = [o.text for o in Select(form.find_element(By.CSS_SELECTOR, "select#topic")).options]
    assert any(TOPIC in t and LEAD in t for t in topics), topics
    assert not any(FEBRUARY_TOPIC in t for t in topics), \
        f"the February topic, merged with the plenary session (二.3), is offered: {topics}"
    Select(form.find_element(By.CSS_SELECTOR, "select#topic")).select_by_visible_text(
        next(t for t in topics if TOPIC in t))
    select_option_starting(form.find_element(By.CSS_SELECTOR, "select#vice-chair"), VICE_CHAIR)
    screenshot(driver, "symposium-01a-create")
    submit(driver, form)

    m = re.fullmatch(r"/symposia/(\d+)", path_of(driver))
    assert m, f"creating ended on {driver.current_url}: {alerts(driver)}"
    SYM["id"] = sid = m.group(1)
    assert "已建立" in flash(driver), flash(driver)
    assert TOPIC in driver.find_element(By.TAG_NAME, "h1").text

    # The six steps, dated by the rules (DESIGN.md's conventions) on the built-in calendar.
    is_working = working_days(server)

    def back_to_working(day):
        while not is_working(day):
            day -= datetime.timedelta(days=1)
        return day

    def nth_working_after(day, n):
        while n:
            day += datetime.timedelta(days=1)
            n -= is_working(day)
        return day

    two_months_before = SYMPOSIUM_DAY.replace(month=SYMPOSIUM_DAY.month - 2)      # 2026-10-17, a Saturday
    assert two_months_before.weekday() == 5 and not is_working(two_months_before)
    expected_plan_due = back_to_working(two_months_before)
    week_before = back_to_working(SYMPOSIUM_DAY - datetime.timedelta(days=7))
    outcomes_due = nth_working_after(SYMPOSIUM_DAY, 10)
    assert (expected_plan_due, week_before, outcomes_due) == (
        datetime.date(2026, 10, 16), datetime.date(2026, 12, 10), datetime.date(2026, 12, 31))
    # The server's own calculator agrees.
    r = requests.get(f"{server}/api/v1/calendar/add-working-days",
                     params={"from": SYMPOSIUM_DAY.isoformat(), "days": 10}, timeout=15)
    assert r.json()["date"] == outcomes_due.isoformat(), r.text

    steps = []
    for tr in driver.find_elements(By.CSS_SELECTOR, "#timeline-table tbody tr[data-step]"):
        steps.append((tr.get_attribute("data-step"),
                      tr.find_element(By.TAG_NAME, "time").get_attribute("datetime"),
                      tr.find_elements(By.TAG_NAME, "td")[2].text.strip()))
    assert [s[0] for s in steps] == ["implementationPlan", "mobilizationMeeting", "research",
                                     "coordinationMeeting", "materials", "symposium", "outcomes"], steps
    dues = {kind: due for kind, due, _ in steps}
    assert dues["implementationPlan"] == expected_plan_due.isoformat(), steps
    assert dues["mobilizationMeeting"] == expected_plan_due.isoformat(), steps
    assert dues["coordinationMeeting"] == week_before.isoformat(), steps
    # Materials reach the office 3 working days before: Wed 16, Tue 15, Mon 14 December.
    assert dues["materials"] == "2026-12-14", steps
    assert dues["symposium"] == SYMPOSIUM_DAY.isoformat(), steps
    assert dues["outcomes"] == outcomes_due.isoformat(), steps
    owners = {kind: owner for kind, _, owner in steps}
    assert owners["implementationPlan"] == LEAD and owners["mobilizationMeeting"] == VICE_CHAIR, owners
    assert owners["coordinationMeeting"] == "秘书长" and owners["materials"] == "县政协办公室", owners
    timeline = driver.find_element(By.CSS_SELECTOR, "#timeline-table").text
    assert "2026年10月16日" in timeline and "2026年12月31日" in timeline, timeline

    # The place, set on the overview page (the form is open while the place is unset).
    form = driver.find_element(By.CSS_SELECTOR, "form#arrangements-form")
    assert form.is_displayed(), "the arrangements form is not open while the place is unset"
    assert Select(form.find_element(By.CSS_SELECTOR, "select#vice-chair-in-charge")
                  ).first_selected_option.text.startswith(VICE_CHAIR)
    fill(driver, form.find_element(By.CSS_SELECTOR, "input#place"), PLACE)
    submit(driver, form)
    assert not alerts(driver), alerts(driver)
    assert "已保存会议安排" in flash(driver), flash(driver)
    facts = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert PLACE in facts and VICE_CHAIR in facts and "2026年12月17日" in facts, facts
    assert PLACE in driver.find_element(By.CSS_SELECTOR, "main p.muted").text
    screenshot(driver, "symposium-01b-overview")

    # The new symposium is listed.
    open_page(driver, server, "/symposia", "#symposia-table")
    assert TOPIC in driver.find_element(By.CSS_SELECTOR, "#symposia-table").text


def test_a_member_not_invited_cannot_open_the_symposium(driver, login, server, screenshot):
    require("id")
    sid = SYM["id"]
    sign_in(driver, login, server, "member")
    driver.get(f"{server}/symposia/{sid}")
    text = body_text(driver)
    assert "协商座谈会不存在" in text, text[:300]
    assert TOPIC not in text, "the refusal reveals the topic"
    open_page(driver, server, "/symposia", "h1")
    assert TOPIC not in body_text(driver), "a member not invited sees the symposium in the list"
    screenshot(driver, "symposium-01c-member-not-invited")
    member = http_login_session(server, "member")
    for path in ("", "/plan", "/invitees", "/plan.docx", "/attendees.docx"):
        r = member.get(f"{server}/symposia/{sid}{path}", timeout=15)
        assert r.status_code == 404, f"{path or '/'}: HTTP {r.status_code} for a member not invited"


# ---------------------------------------------------------------- 2. implementation plan

def fill_plan(driver, parts: dict) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form#plan-form")
    for key, value in parts.items():
        fill(driver, form.find_element(By.CSS_SELECTOR, f"[name='content[{key}]']"), value)


def test_implementation_plan_is_drafted_returned_signed_and_adopted(driver, login, server, screenshot):
    require("id")
    sid = SYM["id"]
    assert sign_in(driver, login, server, "committee") == "黄冬梅"
    open_page(driver, server, f"/symposia/{sid}/plan", "form#plan-form")
    assert plan_state(driver) == "起草中"
    missing = driver.find_element(By.CSS_SELECTOR, "#missing-parts").text
    assert "议程" in missing and "有关事项" in missing, missing

    # A part missing: refused in Chinese, nothing saved.
    fill_plan(driver, {**PLAN_PARTS, "research": ""})
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form#plan-form"), "button[value=submit]")
    message = alerts(driver)
    assert "实施方案缺少" in message and "前期准备工作安排" in message, f"no refusal: {message!r}"
    assert plan_state(driver) == "起草中", "a refused submission changed the state"
    assert not driver.find_elements(By.CSS_SELECTOR, "#plan-versions"), "a refused submission left a version"
    screenshot(driver, "symposium-02a-plan-incomplete")
    # What the refused form shows again (checked in test_a_refused_plan_keeps_what_was_typed).
    SYM["refused_form"] = {key: driver.find_element(By.CSS_SELECTOR, f"form#plan-form [name='content[{key}]']")
                           .get_attribute("value") for key in PLAN_PARTS}

    # Every part: submitted for signature (version 1).
    fill_plan(driver, PLAN_PARTS)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form#plan-form"), "button[value=submit]")
    assert not alerts(driver), alerts(driver)
    assert "已报送分管副主席审签" in flash(driver), flash(driver)
    assert plan_state(driver) == "已报分管副主席审签"
    content = driver.find_element(By.CSS_SELECTOR, "#plan-content").text
    assert PLAN_PARTS["research"] in content and PLACE in content, content
    assert not driver.find_elements(By.CSS_SELECTOR, "form#plan-form"), "a submitted plan is still editable"
    screenshot(driver, "symposium-02b-plan-submitted")

    # The vice chair in charge has it on the dashboard and returns it with comments.
    assert sign_in(driver, login, server, "vicechair") == VICE_CHAIR
    todo = driver.find_element(By.CSS_SELECTOR, "#todo").text
    assert "审签实施方案" in todo, todo
    open_page(driver, server, f"/symposia/{sid}/plan", "form#sign-form")
    form = driver.find_element(By.CSS_SELECTOR, "form#sign-form")
    fill(driver, form.find_element(By.CSS_SELECTOR, "textarea[name=note]"), RETURN_NOTE)
    submit(driver, form, "button[value=return]")
    assert not alerts(driver), alerts(driver)
    assert plan_state(driver) == "退回修改"
    screenshot(driver, "symposium-02c-plan-returned")

    # The committee sees the comments, edits the agenda and resubmits (version 3).
    sign_in(driver, login, server, "committee")
    open_page(driver, server, f"/symposia/{sid}/plan", "form#plan-form")
    assert RETURN_NOTE in driver.find_element(By.CSS_SELECTOR, "#plan-versions").text
    agenda = driver.find_element(By.CSS_SELECTOR, "form#plan-form textarea[name='content[agenda]']")
    assert agenda.get_attribute("value") == PLAN_PARTS["agenda"], "the returned plan's text is not kept in the form"
    fill(driver, agenda, REVISED_AGENDA)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form#plan-form"), "button[value=submit]")
    assert not alerts(driver), alerts(driver)
    assert plan_state(driver) == "已报分管副主席审签"

    # Signed by the vice chair, adopted by the chairman's meeting (recorded by the office).
    sign_in(driver, login, server, "vicechair")
    open_page(driver, server, f"/symposia/{sid}/plan", "form#sign-form")
    form = driver.find_element(By.CSS_SELECTOR, "form#sign-form")
    fill(driver, form.find_element(By.CSS_SELECTOR, "textarea[name=note]"), "同意，提请主席会议审议。")
    submit(driver, form, "button[value=sign]")
    assert not alerts(driver), alerts(driver)
    assert plan_state(driver) == "分管副主席已审签"

    sign_in(driver, login, server, "office")
    open_page(driver, server, f"/symposia/{sid}/plan", "form#adopt-form")
    form = driver.find_element(By.CSS_SELECTOR, "form#adopt-form")
    fill(driver, form.find_element(By.CSS_SELECTOR, "input[name=note]"), ADOPTED_BY)
    submit(driver, form)
    assert not alerts(driver), alerts(driver)
    assert plan_state(driver) == "主席会议审议通过"
    assert ADOPTED_BY in driver.find_element(By.CSS_SELECTOR, "#plan-state").find_element(By.XPATH, "..").text

    # Every step is a version (the table lists the newest first).
    rows = [[td.text.strip() for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in driver.find_elements(By.CSS_SELECTOR, "#plan-versions tbody tr")]
    assert [r[0] for r in rows] == ["5", "4", "3", "2", "1"], rows
    rows.reverse()
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("1", "报送审签", "黄冬梅"), ("2", "退回修改", VICE_CHAIR), ("3", "报送审签", "黄冬梅"),
        ("4", "审签", VICE_CHAIR), ("5", "主席会议审议通过", "刘秋菊")], rows
    assert rows[1][4] == RETURN_NOTE and rows[4][4] == ADOPTED_BY, rows

    # The first submitted and the resubmitted versions differ in the agenda only.
    form = driver.find_element(By.CSS_SELECTOR, "form#diff-form")
    Select(form.find_element(By.CSS_SELECTOR, "select#va")).select_by_value("1")
    Select(form.find_element(By.CSS_SELECTOR, "select#vb")).select_by_value("3")
    submit(driver, form)
    diff = driver.find_element(By.CSS_SELECTOR, "#plan-diff")
    assert "第1版 → 第3版" in diff.find_element(By.TAG_NAME, "h3").text
    changes = [[td.text.strip() for td in tr.find_elements(By.TAG_NAME, "td")]
               for tr in diff.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert len(changes) == 1 and changes[0][0] == "议程", changes
    assert "（10分钟）" in changes[0][2] and "（10分钟）" not in changes[0][1], changes
    screenshot(driver, "symposium-02d-plan-adopted-diff")

    # The DOCX the page links to opens and carries the plan.
    link = driver.find_element(By.CSS_SELECTOR, f"a[href='/symposia/{sid}/plan.docx']")
    assert "DOCX" in link.text
    r = http_login_session(server, "office").get(f"{server}/symposia/{sid}/plan.docx", timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith(DOCX_TYPE), (r.status_code, r.headers)
    text = docx_text(r.content)
    assert TOPIC in text and "实施方案" in text and PLACE in text, text[:500]
    assert "（10分钟）" in text and ADOPTED_BY in text, text
    SYM["plan_adopted"] = True


def test_a_refused_plan_keeps_what_was_typed():
    require("refused_form")
    kept = SYM["refused_form"]
    lost = [key for key, value in PLAN_PARTS.items() if key != "research" and kept[key] != value]
    assert not lost, f"the refused form lost {lost}: {kept}"


# ---------------------------------------------------------------- 3. the preparatory meetings

def schedule_meeting(driver, kind: str, date: str, time: str, place: str) -> None:
    section = driver.find_element(By.CSS_SELECTOR, f"#meeting-{kind}")
    form = section.find_element(By.CSS_SELECTOR, "form.schedule-meeting")
    set_value(driver, form.find_element(By.CSS_SELECTOR, "input[name=date]"), date)
    fill(driver, form.find_element(By.CSS_SELECTOR, "input[name=time]"), time)
    fill(driver, form.find_element(By.CSS_SELECTOR, "input[name=place]"), place)
    submit(driver, form)
    assert not alerts(driver), f"scheduling the {kind} meeting: {alerts(driver)}"


def record_meeting(driver, kind: str, decisions: str, held: bool = True) -> None:
    form = driver.find_element(By.CSS_SELECTOR, f"#meeting-{kind} form.record-meeting")
    fill(driver, form.find_element(By.CSS_SELECTOR, "textarea[name=decisions]"), decisions)
    box = form.find_element(By.CSS_SELECTOR, "input[name=held]")
    if box.is_selected() != held:
        box.click()
    submit(driver, form)
    assert not alerts(driver), f"recording the {kind} meeting: {alerts(driver)}"


def meeting_fact(driver, kind: str, css: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, f"#meeting-{kind} {css}").text.strip()


def test_mobilization_and_coordination_meetings(driver, login, server, screenshot):
    require("id")
    sid = SYM["id"]
    sign_in(driver, login, server, "committee")
    open_page(driver, server, f"/symposia/{sid}/meetings", "#meeting-mobilization")

    # Held two days ago (today is 2026-11-29): a meeting is recorded as held only from its day.
    schedule_meeting(driver, "mobilization", "2026-11-27", "上午9:00", "县政协三楼第二会议室")
    assert "2026年11月27日" in meeting_fact(driver, "mobilization", ".meeting-date")
    convenor = driver.find_element(By.XPATH, "//section[@id='meeting-mobilization']//dt[.='召集/主持']/following-sibling::dd[1]")
    assert convenor.text.strip() == VICE_CHAIR, f"the mobilization meeting is not convened by the vice chair in charge: {convenor.text!r}"
    attendees = meeting_fact(driver, "mobilization", ".meeting-attendees")
    # 三(二).1: 县委办 and the committee heads, by rule.
    for name in ("谌若兰", COMMITTEE_HEAD, "黄冬梅", "姜振宇"):
        assert name in attendees, f"{name} is not among the mobilization meeting's attendees: {attendees!r}"
    SYM["mobilization_attendees"] = attendees

    record_meeting(driver, "mobilization", "农业农村委员会通报实施方案；明确县农业农村局提供情况介绍材料，各委室按分工推进。")
    assert meeting_fact(driver, "mobilization", ".meeting-held") == "已召开"
    assert "通报实施方案" in meeting_fact(driver, "mobilization", ".meeting-decisions")

    form = driver.find_element(By.CSS_SELECTOR, "#meeting-mobilization form.add-task")
    fill(driver, form.find_element(By.CSS_SELECTOR, "input[name=title]"), TASK_TITLE)
    Select(form.find_element(By.CSS_SELECTOR, "select[name=owner]")).select_by_visible_text(TASK_OWNER)
    set_value(driver, form.find_element(By.CSS_SELECTOR, "input[name=due]"), TASK_DUE)
    submit(driver, form)
    assert not alerts(driver), alerts(driver)
    assert "已添加分工" in flash(driver)
    task = driver.find_element(By.CSS_SELECTOR, "#meeting-mobilization table.tasks tbody tr[data-task]")
    cells = [td.text for td in task.find_elements(By.TAG_NAME, "td")]
    assert cells[0] == TASK_TITLE and cells[1] == TASK_OWNER and cells[2].startswith("2026年12月8日"), cells
    assert "进行中" in cells[3], cells
    SYM["task_id"] = task.get_attribute("data-task")

    schedule_meeting(driver, "coordination", "2026-12-10", "下午3:00", "县政协三楼第二会议室")
    convenor = driver.find_element(By.XPATH, "//section[@id='meeting-coordination']//dt[.='召集/主持']/following-sibling::dd[1]")
    assert convenor.text.strip() == "张家旺", f"the coordination meeting is not chaired by the secretary-general: {convenor.text!r}"
    attendees = meeting_fact(driver, "coordination", ".meeting-attendees")
    assert COMMITTEE_HEAD in attendees and "谌若兰" not in attendees, attendees
    # Still ahead: marking it held is refused and changes nothing; the agenda of it can be saved.
    form = driver.find_element(By.CSS_SELECTOR, "#meeting-coordination form.record-meeting")
    fill(driver, form.find_element(By.CSS_SELECTOR, "textarea[name=decisions]"), "听取筹备情况汇报")
    box = form.find_element(By.CSS_SELECTOR, "input[name=held]")
    if not box.is_selected():
        box.click()
    submit(driver, form)
    assert "尚未到期" in alerts(driver), alerts(driver)
    record_meeting(driver, "coordination", "拟听取农业农村委员会筹备情况汇报，检查发言材料和会务安排。", held=False)
    assert meeting_fact(driver, "coordination", ".meeting-held") == "未召开"
    screenshot(driver, "symposium-03-meetings")

    # The timeline follows: the mobilization meeting is dated and done.
    open_page(driver, server, f"/symposia/{sid}", "#timeline-table")
    row = driver.find_element(By.CSS_SELECTOR, "#timeline-table tr[data-step=mobilizationMeeting]")
    assert row.find_element(By.TAG_NAME, "time").get_attribute("datetime") == "2026-11-27"
    assert "已完成" in row.text, row.text
    SYM["meetings"] = True


def test_mobilization_meeting_includes_the_government_office():
    require("mobilization_attendees")
    # 三(二).1: 县委办和县政府办相关负责同志 attend; 夏继承 heads 县人民政府办公室.
    assert "夏继承" in SYM["mobilization_attendees"], SYM["mobilization_attendees"]


# ---------------------------------------------------------------- 4. research

def test_committee_records_research_with_findings(driver, login, server, screenshot):
    require("id")
    sid = SYM["id"]
    sign_in(driver, login, server, "committee")
    open_page(driver, server, f"/symposia/{sid}/research", "form#research-form")
    form = driver.find_element(By.CSS_SELECTOR, "form#research-form")
    Select(form.find_element(By.CSS_SELECTOR, "select[name=kind]")).select_by_visible_text("专题调研")
    fill(driver, form.find_element(By.CSS_SELECTOR, "input[name=title]"), RESEARCH_TITLE)
    set_value(driver, form.find_element(By.CSS_SELECTOR, "input[name=date]"), "2026-11-18")
    fill(driver, form.find_element(By.CSS_SELECTOR, "input[name=place]"), "江南镇、小淹镇茶园，安化经济开发区")
    fill(driver, form.find_element(By.CSS_SELECTOR, "textarea[name=participants]"), f"{VICE_CHAIR}、{COMMITTEE_HEAD}、黄冬梅及委员5人")
    fill(driver, form.find_element(By.CSS_SELECTOR, "textarea[name=findings]"), RESEARCH_FINDINGS)
    submit(driver, form)
    assert not alerts(driver), alerts(driver)
    assert "已登记" in flash(driver), flash(driver)
    article = driver.find_element(By.CSS_SELECTOR, "article.research")
    assert article.find_element(By.TAG_NAME, "h3").text == f"专题调研：{RESEARCH_TITLE}"
    assert article.find_element(By.CSS_SELECTOR, ".findings").text == RESEARCH_FINDINGS
    assert "2026-11-18" in article.text
    screenshot(driver, "symposium-04-research")


# ---------------------------------------------------------------- 5. invitees

def test_committee_builds_the_invitee_list_and_pre_invites(driver, login, server, screenshot):
    require("id")
    sid = SYM["id"]
    sign_in(driver, login, server, "committee")
    open_page(driver, server, f"/symposia/{sid}/invitees", "#suggestions")
    assert driver.find_elements(By.CSS_SELECTOR, "#suggestions-list"), \
        "no invitee suggestions: " + driver.find_element(By.CSS_SELECTOR, "#suggestions").text[:200]
    assert "名单为空" in body_text(driver)
    first = quota(driver)
    assert (first["members"], first["experts"]) == (0, 0), first
    assert any("尚未邀请专家学者" in w and "2—3位" in w for w in first["warnings"]), first["warnings"]

    # Suggested members, each with its reason.
    suggestions = []
    for tr in driver.find_elements(By.CSS_SELECTOR, "#suggestions-list tbody tr[data-person]"):
        cells = tr.find_elements(By.TAG_NAME, "td")
        suggestions.append({"id": tr.get_attribute("data-person"), "name": cells[0].text.strip(),
                            "reason": cells[1].text.strip(), "times": cells[2].text.strip()})
    assert len(suggestions) >= 6, suggestions
    for s in suggestions:
        assert "与议题相关" in s["reason"], f"a suggestion without its reason: {s}"
        assert s["times"].endswith("次"), s
    members = [s for s in suggestions if "来自" in s["reason"] and s["name"] not in (MEMBER, EXPERT)][:5]
    assert len(members) == 5, suggestions
    screenshot(driver, "symposium-05a-suggestions")
    for s in members:
        add_suggested(driver, s["id"])
    rows = invitee_rows(driver)
    for s in members:
        assert s["name"] in rows and rows[s["name"]]["category"] == "政协委员", rows
        assert rows[s["name"]]["reason"] == s["reason"], (s, rows[s["name"]])
        assert rows[s["name"]]["state"] == "proposed"
    SYM["suggested_members"] = [s["name"] for s in members]

    # By the person selector: a member, an expert, department heads, a committee head, a leader.
    add_by_selector(driver, MEMBER, "茶叶专业合作社理事长，熟悉茶农增收")
    add_by_selector(driver, EXPERT, "湖南农业大学茶学专家")
    q = quota(driver)
    assert (q["members"], q["experts"]) == (6, 1), q
    assert "拟邀请专家学者1位，工作办法要求2—3位。" in q["warnings"], q["warnings"]
    assert not any("委员" in w and "专家" not in w for w in q["warnings"]), q["warnings"]
    screenshot(driver, "symposium-05b-one-expert-warning")

    # A second expert, from the suggestions: the warning goes.
    second = next(s for s in suggestions if "来自" not in s["reason"] and s["name"] != EXPERT)
    add_suggested(driver, second["id"])
    q = quota(driver)
    assert (q["members"], q["experts"]) == (6, 2), q
    assert not q["warnings"], q["warnings"]
    SYM["second_expert"] = second["name"]

    add_by_selector(driver, DEPARTMENT_HEAD, "县农业农村局分管负责同志，介绍情况")
    add_by_selector(driver, SECOND_DEPARTMENT_HEAD, "县茶业发展中心主任，互动回应")
    add_by_selector(driver, COMMITTEE_HEAD, "牵头委室主任")
    add_by_selector(driver, LEADER_INVITED, "分管茶产业的副县长")
    rows = invitee_rows(driver)
    assert rows[DEPARTMENT_HEAD]["category"] == "县委、县政府有关部门负责同志"
    assert rows[LEADER_INVITED]["category"] == "县委、县政府、县政协领导同志"
    assert rows[COMMITTEE_HEAD]["category"] == "县政协各委室负责同志"
    assert rows[EXPERT]["category"] == "专家学者"
    SYM["person_ids"] = {name: row["id"] for name, row in rows.items()}

    # Whoever is on the list is no longer offered by the selector.
    offered = driver.execute_script("return [...document.querySelectorAll('select#person option')].map(o => o.text);")
    assert not [o for o in offered if o.startswith((MEMBER, EXPERT, LEADER_INVITED))], offered

    # A county leader comments on the draft list (三(一).1 广泛征求意见).
    assert sign_in(driver, login, server, "leader") == "曾湘莲"
    open_page(driver, server, f"/symposia/{sid}/invitees", "form#comment-form")
    assert not driver.find_elements(By.CSS_SELECTOR, "form#add-invitee, #suggestions-list, #pre-invite"), \
        "a leader is offered to change the list"
    form = driver.find_element(By.CSS_SELECTOR, "form#comment-form")
    fill(driver, form.find_element(By.CSS_SELECTOR, "textarea[name=text]"), LIST_COMMENT)
    submit(driver, form)
    assert not alerts(driver), alerts(driver)
    assert f"曾湘莲：{LIST_COMMENT}" in driver.find_element(By.CSS_SELECTOR, "#comments").text

    # The committee sees the comment and pre-invites everyone.
    sign_in(driver, login, server, "committee")
    open_page(driver, server, f"/symposia/{sid}/invitees", "#pre-invite")
    assert LIST_COMMENT in driver.find_element(By.CSS_SELECTOR, "#comments").text
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#pre-invite"))
    assert not alerts(driver), alerts(driver)
    assert "预约邀请" in flash(driver), flash(driver)
    rows = invitee_rows(driver)
    assert len(rows) == 12, list(rows)
    assert {r["state"] for r in rows.values()} == {"preInvited"}, {n: r["state"] for n, r in rows.items()}
    screenshot(driver, "symposium-05c-pre-invited")
    SYM["pre_invited"] = True


def test_the_department_completes_its_task_from_the_dashboard(driver, login, server, screenshot):
    require("pre_invited", "task_id")
    sid, task = SYM["id"], SYM["task_id"]
    assert sign_in(driver, login, server, "department") == DEPARTMENT_HEAD
    todo = driver.find_element(By.CSS_SELECTOR, "#todo")
    items = {li.get_attribute("data-kind"): li for li in todo.find_elements(By.CSS_SELECTOR, "li")}
    assert "task" in items, f"the department's task is not on its dashboard: {todo.text!r}"
    assert TASK_TITLE in items["task"].text and "2026年12月8日" in items["task"].text, items["task"].text
    assert "answerInvitation" in items, f"the pending invitation is not on the dashboard: {todo.text!r}"
    screenshot(driver, "symposium-05d-department-dashboard")
    form = items["task"].find_element(By.CSS_SELECTOR, f"form[action='/symposia/{sid}/tasks/{task}']")
    submit(driver, form)
    assert path_of(driver) == "/", driver.current_url
    assert "已标记完成" in flash(driver), flash(driver)
    assert TASK_TITLE not in driver.find_element(By.CSS_SELECTOR, "#todo").text

    # The department sees the meetings page but may not schedule or add tasks.
    open_page(driver, server, f"/symposia/{sid}/meetings", "#meeting-mobilization")
    row = driver.find_element(By.CSS_SELECTOR, f"#meeting-mobilization tr[data-task='{task}']")
    assert "已完成" in row.text, row.text
    assert not driver.find_elements(By.CSS_SELECTOR, "form.add-task, form.schedule-meeting")


# ---------------------------------------------------------------- 6. answers, on phones

def answer_on_phone(phone, login, server, username: str, answer: str, note: str = "") -> str:
    sid = SYM["id"]
    sign_in(phone, login, server, username)
    open_page(phone, server, "/invitations", f"section.invitation[data-symposium='{sid}']")
    card = phone.find_element(By.CSS_SELECTOR, f"section.invitation[data-symposium='{sid}']")
    assert TOPIC in card.text and PLACE in card.text and "2026年12月17日" in card.text, card.text
    assert card.find_element(By.CSS_SELECTOR, ".invitation-state").text == "已预约，待答复"
    if note:
        fill(phone, card.find_element(By.CSS_SELECTOR, "input[name=note]"), note)
    click_and_wait(phone, card.find_element(By.CSS_SELECTOR, f"button[value={answer}]"))
    assert not alerts(phone), alerts(phone)
    card = phone.find_element(By.CSS_SELECTOR, f"section.invitation[data-symposium='{sid}']")
    overflow = no_sideways_scrolling(phone)
    assert overflow <= 1, f"/invitations is {overflow}px wider than a 390px phone"
    return card.find_element(By.CSS_SELECTOR, ".invitation-state").text


def test_invitees_answer_on_their_phones_and_the_rest_are_reminded(phone_driver, driver, login, server, sink,
                                                                    screenshot):
    require("pre_invited")
    sid = SYM["id"]
    assert answer_on_phone(phone_driver, login, server, "member", "confirm") == "确认出席"
    assert "已确认出席" in flash(phone_driver), flash(phone_driver)
    screenshot(phone_driver, "symposium-06a-member-phone-confirmed")
    assert answer_on_phone(phone_driver, login, server, "expert", "confirm") == "确认出席"
    assert answer_on_phone(phone_driver, login, server, "department", "decline", DECLINE_NOTE) == "不能出席"
    assert "已答复不能出席" in flash(phone_driver), flash(phone_driver)
    screenshot(phone_driver, "symposium-06b-department-phone-declined")

    # Phone answers recorded by the committee: a member without a login, the leader, the
    # committee head and the second department head.
    sign_in(driver, login, server, "committee")
    open_page(driver, server, f"/symposia/{sid}/invitees", "#invitees-table")
    rows = invitee_rows(driver)
    assert rows[MEMBER]["state"] == rows[EXPERT]["state"] == "confirmed", rows
    assert "本人在线答复" in rows[MEMBER]["status"], rows[MEMBER]
    assert rows[DEPARTMENT_HEAD]["state"] == "declined" and DECLINE_NOTE in rows[DEPARTMENT_HEAD]["reason"]
    by_phone = SYM["suggested_members"][0]
    for name in (by_phone, LEADER_INVITED, COMMITTEE_HEAD, SECOND_DEPARTMENT_HEAD):
        row = driver.find_element(By.CSS_SELECTOR, f"#invitees-table tr[data-person='{SYM['person_ids'][name]}']")
        form = row.find_element(By.CSS_SELECTOR, "form.phone-answer")
        Select(form.find_element(By.CSS_SELECTOR, "select[name=answer]")).select_by_value("confirm")
        fill(driver, form.find_element(By.CSS_SELECTOR, "input[name=note]"), "11月29日电话确认")
        submit(driver, form)
        assert not alerts(driver), f"recording {name}'s phone answer: {alerts(driver)}"
    rows = invitee_rows(driver)
    for name in (by_phone, LEADER_INVITED, COMMITTEE_HEAD, SECOND_DEPARTMENT_HEAD):
        assert rows[name]["state"] == "confirmed" and "电话答复" in rows[name]["status"], (name, rows[name])
    SYM["by_phone"] = by_phone

    # Reminders for those who have not answered, by mail.
    unanswered = sorted(n for n, r in rows.items() if r["state"] == "preInvited")
    assert unanswered and SYM["second_expert"] in unanswered, rows
    before = len(sink.paths())
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#remind"))
    assert not alerts(driver), alerts(driver)
    report = driver.find_element(By.CSS_SELECTOR, "#mail-report").text
    for name in unanswered:
        assert name in report, f"{name} is not in the reminder report: {report!r}"
    assert f"已将 {len(unanswered)} 封邮件加入发送队列" in report, report
    screenshot(driver, "symposium-06c-reminded")
    mails = sink.wait_for(before + len(unanswered))[before:]
    assert len(mails) == len(unanswered), [m["Subject"] for m in mails]
    assert sorted(m["To"].addresses[0].display_name for m in mails) == unanswered
    for m in mails:
        assert m["Subject"].startswith("【请答复】") and TOPIC in m["Subject"], m["Subject"]
        assert m["From"].addresses[0].addr_spec == MAIL_FROM, m["From"]
        assert re.fullmatch(r"p\d{3}@anhua\.example", m["To"].addresses[0].addr_spec), m["To"]
        body = m.get_body(preferencelist=("plain",)).get_content()
        assert "我的邀请" in body and m["To"].addresses[0].display_name in body, body
    rows = invitee_rows(driver)
    assert all("已提醒1次" in rows[n]["status"] for n in unanswered), {n: rows[n]["status"] for n in unanswered}
    SYM["answered"] = True


# ---------------------------------------------------------------- 7. formal notices

def test_office_sends_formal_notices_with_invitation_letters(driver, login, server, sink, screenshot):
    require("answered")
    sid = SYM["id"]
    sign_in(driver, login, server, "office")
    open_page(driver, server, f"/symposia/{sid}/invitees", "#send-notices")
    rows = invitee_rows(driver)
    confirmed = sorted(n for n, r in rows.items() if r["state"] == "confirmed")
    assert set(confirmed) == {MEMBER, EXPERT, SYM["by_phone"], LEADER_INVITED, COMMITTEE_HEAD,
                              SECOND_DEPARTMENT_HEAD}, confirmed
    before = len(sink.paths())
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#send-notices"))
    assert not alerts(driver), alerts(driver)
    report = driver.find_element(By.CSS_SELECTOR, "#mail-report").text
    for name in confirmed:
        assert name in report, f"{name} is not in the report: {report!r}"
    assert DEPARTMENT_HEAD not in report, report
    assert f"已将 {len(confirmed)} 封邮件加入发送队列" in report, report
    screenshot(driver, "symposium-07-notices-sent")
    rows = invitee_rows(driver)
    for name in confirmed:
        assert rows[name]["state"] == "notified" and "通知邮件寄往" in rows[name]["status"], (name, rows[name])
    assert rows[DEPARTMENT_HEAD]["state"] == "declined"

    mails = sink.wait_for(before + len(confirmed))[before:]
    assert sorted(m["To"].addresses[0].display_name for m in mails) == confirmed
    for m in mails:
        name = m["To"].addresses[0].display_name
        assert m["Subject"].startswith("【正式通知】") and TOPIC in m["Subject"], m["Subject"]
        assert m["From"].addresses[0].addr_spec == MAIL_FROM
        assert len(m["To"].addresses) == 1, m["To"]
        assert f"通知邮件寄往{m['To'].addresses[0].addr_spec}" in rows[name]["status"], (name, rows[name])
        attachments = list(m.iter_attachments())
        assert [a.get_filename() for a in attachments] == [f"邀请函-{name}.docx"], [a.get_filename() for a in attachments]
        assert attachments[0].get_content_type() == DOCX_TYPE
        text = docx_text(attachments[0].get_content())
        assert f"尊敬的{name}" in text and TOPIC in text and PLACE in text, text
        body = m.get_body(preferencelist=("plain",)).get_content()
        assert name in body and TOPIC in body, body

    # Nothing left to send: a second click is refused in Chinese and sends nothing.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#send-notices"))
    assert "没有已确认出席、待发正式通知的人员" in alerts(driver), alerts(driver)
    assert len(sink.paths()) == before + len(confirmed)

    # The member's own page now offers the letter.
    member = http_login_session(server, "member")
    page = member.get(f"{server}/invitations", timeout=15).text
    letter = f"/symposia/{sid}/invitees/{SYM['person_ids'][MEMBER]}/letter.docx"
    assert letter in page
    r = member.get(server + letter, timeout=30)
    assert r.status_code == 200 and f"尊敬的{MEMBER}" in docx_text(r.content)
    SYM["notified"] = True


# ---------------------------------------------------------------- 8. attendee list

def test_attendee_list_in_the_prescribed_order(driver, login, server, screenshot):
    require("notified")
    sid = SYM["id"]
    sign_in(driver, login, server, "office")
    open_page(driver, server, f"/symposia/{sid}/attendees", "#attendee-list")
    listing = driver.find_element(By.CSS_SELECTOR, "#attendee-list")
    headings = listing.find_elements(By.CSS_SELECTOR, "h3[data-category]")
    assert [h.get_attribute("data-category") for h in headings] == CATEGORY_ORDER
    assert [h.text.strip() for h in headings] == CATEGORY_TITLES
    names = {}
    for h in headings:
        items = h.find_elements(By.XPATH, "following-sibling::ul[1]/li")
        names[h.get_attribute("data-category")] = [li.find_element(By.TAG_NAME, "strong").text for li in items]
    # The CPPCC's own leaders who run it attend by office, in protocol order after the county's:
    # the host (the chairman) and the vice chair in charge, without being invited by hand.
    assert names["leaders"] == [LEADER_INVITED, CHAIR, VICE_CHAIR], names
    assert names["committeeHeads"] == [COMMITTEE_HEAD], names
    assert names["departmentHeads"] == [SECOND_DEPARTMENT_HEAD], names
    assert sorted(names["members"]) == sorted([MEMBER, SYM["by_phone"]]), names
    assert names["experts"] == [EXPERT], names
    assert DEPARTMENT_HEAD not in listing.text, "the department head who declined is on the list"
    screenshot(driver, "symposium-08-attendees")

    r = http_login_session(server, "office").get(f"{server}/symposia/{sid}/attendees.docx", timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith(DOCX_TYPE), r.status_code
    text = docx_text(r.content)
    assert "出席人员名单" in text and TOPIC in text, text[:300]
    positions = [text.find(title) for title in CATEGORY_TITLES]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), list(zip(CATEGORY_TITLES, positions))
    for name in (LEADER_INVITED, CHAIR, VICE_CHAIR, COMMITTEE_HEAD, SECOND_DEPARTMENT_HEAD, MEMBER, SYM["by_phone"], EXPERT):
        assert name in text, f"{name} is not in the DOCX attendee list"
    assert DEPARTMENT_HEAD not in text
