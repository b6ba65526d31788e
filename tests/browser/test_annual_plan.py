"""Issue 3, the annual plan (工作办法 二.1–二.3), walked through in the browser from the
call for topics to the issued plan, its adjustment, the year view on a phone, the printable
plan and the calendar feed.

The tests run in file order and build on each other (one plan, 2026, on the session
server): the call is opened, three committees suggest, the office consolidates six topics,
schedules them, takes the plan through adoption to joint issuance and adjusts it. Each test
still checks its own step; what a later test needs from an earlier one is in `PLAN` (the
ids the pages showed). The server's clock is the real one: the year planned is the current
one, whose working calendar is built in, and the call's deadline lies ahead of today.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urljoin

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from ui import alerts, body_text, click_and_wait, flash, path_of, wait

TODAY = datetime.date.today()
YEAR = TODAY.year
# Ahead of today, within the plan's year (the call must end before the year starts or in it).
DEADLINE = min(TODAY + datetime.timedelta(days=11), datetime.date(YEAR, 12, 31)).isoformat()
DOCUMENT_NUMBER = f"安政协办联发〔{YEAR}〕1号"

# What each committee suggests. economy's is a near-duplicate of committee's (both about
# the dark-tea industry): the office merges the two into one topic.
AGRICULTURE = "农业农村委员会"
ECONOMY = "经济科技委员会"
CULTURE = "文化文史和学习委员会"
SUGGESTIONS = {
    "committee": dict(
        committee=AGRICULTURE, title="推进安化黑茶产业高质量发展",
        rationale="黑茶是我县第一支柱产业，综合产值过两百亿元，但品牌杂、标准不一、精深加工不足，"
                  "茶农增收后劲不够，需政协委员深入茶园、企业调研建言。",
        grounds=["centralWork", "publicConcern"], month="4", lead=AGRICULTURE),
    "economy": dict(
        committee=ECONOMY, title="做大做强安化黑茶产业链",
        rationale="黑茶企业多而不强，精深加工和品牌营销是短板，园区配套与融资难题突出，"
                  "建议围绕黑茶全产业链协商。",
        grounds=["centralWork", "majorReform"], month="4", lead=ECONOMY),
    "culture": dict(
        committee=CULTURE, title="梅山文化传承与文旅融合发展",
        rationale="梅山文化、茶马古道是我县独特资源，文旅项目同质化、旅游线路散、接待能力弱，"
                  "群众和游客反映集中，需要系统谋划。",
        grounds=["publicConcern"], month="6", lead=CULTURE),
}
MERGED_TITLE = "推进安化黑茶全产业链高质量发展"
# Added by hand in the topics form, one per save (the form offers one new row at a time).
# The February topic is discussed at the plenary session (二.3).
ADDED_TOPICS = [
    ("全面推进乡村振兴、巩固拓展脱贫攻坚成果", AGRICULTURE, "2"),
    ("资江流域生态保护与绿色发展", "社会和法制委员会", "8"),
    ("优化营商环境、促进民营经济发展", ECONOMY, "10"),
    ("提升县域义务教育和基层医疗服务水平", "社会和法制委员会", "12"),
]
SIX_TOPIC_TITLES = [MERGED_TITLE, SUGGESTIONS["culture"]["title"], *[t for t, _, _ in ADDED_TOPICS]]

# Shared between the tests of this module: what the pages showed.
PLAN: dict = {}


# ---------------------------------------------------------------- helpers

def set_value(driver, element, value: str) -> None:
    # Typing into a date input depends on the browser's locale format; set it as a script would.
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)


def submit(driver, form) -> None:
    click_and_wait(driver, form.find_element(
        By.CSS_SELECTOR, "button[type=submit], button:not([type]), input[type=submit]"))


def open_page(driver, server_url: str, path: str, ready: str = "h1"):
    driver.get(server_url + path)
    return wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ready)))


def select_by_text(select_element, text: str) -> None:
    Select(select_element).select_by_visible_text(text)


def plan_state(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "#plan-state").text.strip()


def warnings(driver) -> str:
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "#plan-warnings"))


def suggestion_rows(driver) -> list[dict]:
    """The rows of #suggestions-table: id, committee and title."""
    table = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#suggestions-table")))
    rows = []
    for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr[data-suggestion-id]"):
        cells = tr.find_elements(By.TAG_NAME, "td")
        rows.append({"id": tr.get_attribute("data-suggestion-id"), "committee": cells[0].text.strip(),
                     "title": cells[1].find_element(By.TAG_NAME, "strong").text.strip()})
    return rows


def topic_rows(driver) -> list[dict]:
    """The topics as the plan page lists them: the draft's form or the read-only table."""
    rows = []
    if driver.find_elements(By.CSS_SELECTOR, "#topics-form"):
        for tr in driver.find_elements(By.CSS_SELECTOR, "#topics-form tr[data-topic-id]"):
            cells = tr.find_elements(By.TAG_NAME, "td")
            rows.append({
                "id": tr.get_attribute("data-topic-id"),
                "title": cells[0].find_element(By.CSS_SELECTOR, "input[name$='[title]']").get_attribute("value"),
                "lead": Select(cells[1].find_element(By.TAG_NAME, "select")).first_selected_option.text.strip(),
                "month": Select(cells[2].find_element(By.TAG_NAME, "select")).first_selected_option.text.strip(),
                "date": cells[3].text.strip(),
                "flagged": "flagged" in (cells[3].get_attribute("class") or ""),
            })
    else:
        for tr in driver.find_elements(By.CSS_SELECTOR, "#topics-table tr[data-topic-id]"):
            cells = tr.find_elements(By.TAG_NAME, "td")
            rows.append({"id": tr.get_attribute("data-topic-id"), "title": cells[1].text.strip(),
                         "date": cells[2].text.strip(), "lead": cells[3].text.strip(),
                         "flagged": "flagged" in (cells[2].get_attribute("class") or "")})
    return rows


def topic_by_title(driver, title: str) -> dict:
    for row in topic_rows(driver):
        if row["title"] == title:
            return row
    raise AssertionError(f"no topic “{title}” on the page: {[r['title'] for r in topic_rows(driver)]}")


def require(*keys: str) -> None:
    """Skips a test whose starting point an earlier test of this module did not reach."""
    missing = [k for k in keys if k not in PLAN]
    if missing:
        pytest.skip(f"an earlier step of the annual plan did not complete (no {', '.join(missing)})")


def take_step(driver, reference: str, date: str | None = None) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form#step-form")
    if date:
        set_value(driver, form.find_element(By.CSS_SELECTOR, "input[name=date]"), date)
    reference_input = form.find_element(By.CSS_SELECTOR, "input[name=reference]")
    reference_input.clear()
    reference_input.send_keys(reference)
    submit(driver, form)


def no_sideways_scrolling(driver) -> int:
    return driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")


# ---------------------------------------------------------------- 1. the call for topics

def test_office_opens_the_call_for_topics(driver, login, server_url, screenshot):
    login(driver, "office")
    open_page(driver, server_url, f"/plans/{YEAR}/suggestions", "#call")
    assert "征集中" not in driver.find_element(By.CSS_SELECTOR, "#call-state").text, \
        f"the call for {YEAR} is already open before the office opened it"
    form = driver.find_element(By.CSS_SELECTOR, "form#call-form")
    set_value(driver, form.find_element(By.CSS_SELECTOR, "input[name=deadline]"), DEADLINE)
    submit(driver, form)

    assert path_of(driver) == f"/plans/{YEAR}/suggestions", alerts(driver)
    assert not alerts(driver), alerts(driver)
    state = driver.find_element(By.CSS_SELECTOR, "#call-state").text
    assert "征集中" in state, f"#call-state says {state!r}"
    call = driver.find_element(By.CSS_SELECTOR, "#call").text
    assert DEADLINE in call, f"the deadline {DEADLINE} is not shown: {call!r}"
    screenshot(driver, "plan-01-call-open")
    PLAN["call_open"] = True


# ---------------------------------------------------------------- 2. suggestions

def submit_suggestion(driver, server_url: str, s: dict) -> None:
    open_page(driver, server_url, f"/plans/{YEAR}/suggestions", "#call")
    form = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form#suggestion-form")))
    heading = driver.find_element(By.CSS_SELECTOR, "#submit h2").text
    assert s["committee"] in heading, f"the form does not say it submits for {s['committee']}: {heading!r}"
    form.find_element(By.CSS_SELECTOR, "input[name=title]").send_keys(s["title"])
    form.find_element(By.CSS_SELECTOR, "textarea[name=rationale]").send_keys(s["rationale"])
    for ground in s["grounds"]:
        form.find_element(By.CSS_SELECTOR, f"input[name='grounds[]'][value={ground}]").click()
    Select(form.find_element(By.CSS_SELECTOR, "select[name=suggestedMonth]")).select_by_value(s["month"])
    select_by_text(form.find_element(By.CSS_SELECTOR, "select[name=proposedLeadCommitteeID]"), s["lead"])
    submit(driver, form)
    assert not alerts(driver), f"{s['committee']}'s suggestion was refused: {alerts(driver)}"
    assert "已提交" in flash(driver), f"no confirmation after submitting: {flash(driver)!r}"


def test_three_committees_submit_suggestions_as_themselves(driver, login, server_url, screenshot):
    require("call_open")
    ids = {}
    for username, s in SUGGESTIONS.items():
        driver.delete_all_cookies()
        login(driver, username)
        submit_suggestion(driver, server_url, s)
        rows = suggestion_rows(driver)
        others = [r for r in rows if r["committee"] != s["committee"]]
        assert not others, f"{username} ({s['committee']}) sees other committees' suggestions: {others}"
        mine = [r for r in rows if r["title"] == s["title"]]
        assert len(mine) == 1, f"{username} does not see its own suggestion once: {rows}"
        ids[username] = mine[0]["id"]
        assert driver.find_elements(By.CSS_SELECTOR, f"a[href='/suggestions/{mine[0]['id']}/edit']"), \
            f"{username} is not offered to edit its own suggestion while the call is open"
        screenshot(driver, f"plan-02-suggestions-{username}")

    driver.delete_all_cookies()
    login(driver, "office")
    open_page(driver, server_url, f"/plans/{YEAR}/suggestions", "#suggestions-table")
    rows = suggestion_rows(driver)
    seen = {(r["committee"], r["title"]) for r in rows}
    expected = {(s["committee"], s["title"]) for s in SUGGESTIONS.values()}
    assert expected <= seen, f"the office does not see every suggestion: missing {expected - seen}"
    # The office may suggest for 办公室 itself, but not edit what a committee wrote.
    editable = [r["committee"] for r in rows
                if driver.find_elements(By.CSS_SELECTOR, f"tr[data-suggestion-id='{r['id']}'] a[href$='/edit']")]
    assert set(editable) <= {"办公室"}, f"the office is offered to edit the suggestions of {editable}"
    screenshot(driver, "plan-02-suggestions-office")
    PLAN["suggestion_ids"] = ids


# ---------------------------------------------------------------- 3. only one's own

def test_a_committee_cannot_edit_another_committees_suggestion(driver, login, server_url, http_login):
    require("suggestion_ids")
    theirs = PLAN["suggestion_ids"]["committee"]
    login(driver, "economy")
    driver.get(f"{server_url}/suggestions/{theirs}/edit")
    text = body_text(driver)
    assert "无权访问" in text or "不存在" in text, f"economy opened committee's suggestion: {text[:300]!r}"
    assert SUGGESTIONS["committee"]["title"] not in text, "the refusal page shows the other committee's title"
    assert not driver.find_elements(By.CSS_SELECTOR, f"form[action='/suggestions/{theirs}']")

    # Its own opens (the refusal above is not a broken page).
    own = PLAN["suggestion_ids"]["economy"]
    driver.get(f"{server_url}/suggestions/{own}/edit")
    assert driver.find_elements(By.CSS_SELECTOR, f"form[action='/suggestions/{own}']"), body_text(driver)[:300]

    # Nor may it post a change to the other's, even with a valid token.
    session = http_login("economy")
    page = session.get(f"{server_url}/suggestions/{own}/edit", timeout=15).text
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    r = session.post(f"{server_url}/suggestions/{theirs}", timeout=15, allow_redirects=False, data={
        "_csrf": token, "title": "被篡改的议题", "rationale": "不应保存", "grounds[]": "centralWork"})
    assert r.status_code in (403, 404), f"HTTP {r.status_code}"
    assert "无权访问" in r.text or "不存在" in r.text
    check = http_login("committee").get(f"{server_url}/plans/{YEAR}/suggestions", timeout=15).text
    assert SUGGESTIONS["committee"]["title"] in check and "被篡改的议题" not in check


# ---------------------------------------------------------------- 4. consolidation

def test_office_consolidates_six_topics(driver, login, server_url, screenshot):
    require("suggestion_ids")
    ids = PLAN["suggestion_ids"]
    login(driver, "office")

    # The plan for the year, created on /plans.
    open_page(driver, server_url, "/plans", "#plans-table")
    form = driver.find_element(By.CSS_SELECTOR, "form[action='/plans']")
    year_input = form.find_element(By.CSS_SELECTOR, "input[name=year]")
    year_input.clear()
    year_input.send_keys(str(YEAR))
    submit(driver, form)
    assert path_of(driver) == f"/plans/{YEAR}", f"creating the plan ended on {driver.current_url}: {alerts(driver)}"
    assert plan_state(driver) == "草案"
    assert "目前共0个议题" in warnings(driver), warnings(driver)
    screenshot(driver, "plan-04a-new-draft")

    # The two dark-tea suggestions become one topic.
    merge = driver.find_element(By.CSS_SELECTOR, "form#merge-form")
    for key in ("committee", "economy"):
        merge.find_element(By.CSS_SELECTOR, f"input[name='suggestionIDs[]'][value='{ids[key]}']").click()
    merge.find_element(By.CSS_SELECTOR, "input[name=title]").send_keys(MERGED_TITLE)
    submit(driver, merge)
    assert not alerts(driver), alerts(driver)
    merged = topic_by_title(driver, MERGED_TITLE)
    assert merged["month"] == "4月", merged
    # Lead and month come from one of the merged suggestions; the office may change them.
    assert merged["lead"] in (AGRICULTURE, ECONOMY), merged
    if merged["lead"] != AGRICULTURE:
        # Saved with the blank new row left empty: the row must not break the form.
        form = driver.find_element(By.CSS_SELECTOR, "form#topics-form")
        row = form.find_element(By.CSS_SELECTOR, f"tr[data-topic-id='{merged['id']}']")
        select_by_text(row.find_element(By.CSS_SELECTOR, "select[name$='[leadCommitteeID]']"), AGRICULTURE)
        submit(driver, form)
        assert not alerts(driver), f"saving the topics with an empty new row: {alerts(driver)}"
        assert topic_by_title(driver, MERGED_TITLE)["lead"] == AGRICULTURE
    assert len(topic_rows(driver)) == 1, [r["title"] for r in topic_rows(driver)]
    for key in ("committee", "economy"):
        box = driver.find_element(By.CSS_SELECTOR, f"#merge-form input[name='suggestionIDs[]'][value='{ids[key]}']")
        assert not box.is_enabled(), f"{key}'s suggestion is still offered after being merged"
        assert "已采纳" in box.find_element(By.XPATH, "..").text

    # The third is adopted as it is.
    merge = driver.find_element(By.CSS_SELECTOR, "form#merge-form")
    merge.find_element(By.CSS_SELECTOR, f"input[name='suggestionIDs[]'][value='{ids['culture']}']").click()
    submit(driver, merge)
    assert not alerts(driver), alerts(driver)
    culture = topic_by_title(driver, SUGGESTIONS["culture"]["title"])
    assert (culture["month"], culture["lead"]) == ("6月", CULTURE), culture

    # The rest by hand, one new row per save.
    for title, lead, month in ADDED_TOPICS:
        form = driver.find_element(By.CSS_SELECTOR, "form#topics-form")
        # The blank row at the end of the table.
        form.find_element(By.CSS_SELECTOR, "input[aria-label=新议题名称]").send_keys(title)
        select_by_text(form.find_element(By.CSS_SELECTOR, "select[aria-label=新议题牵头委室]"), lead)
        Select(form.find_element(By.CSS_SELECTOR, "select[aria-label=新议题月份]")).select_by_value(month)
        submit(driver, form)
        assert not alerts(driver), f"adding “{title}”: {alerts(driver)}"
        assert topic_by_title(driver, title)["month"] == f"{month}月"

    rows = topic_rows(driver)
    assert sorted(r["title"] for r in rows) == sorted(SIX_TOPIC_TITLES), [r["title"] for r in rows]
    assert [int(r["month"].rstrip("月")) for r in rows] == [2, 4, 6, 8, 10, 12], \
        "the topics are not listed by month: " + ", ".join(f"{r['month']} {r['title']}" for r in rows)
    february = topic_by_title(driver, ADDED_TOPICS[0][0])
    assert "与全体会议合并" in february["date"], february
    screenshot(driver, "plan-04b-six-topics")

    # Dates by the rules.
    schedule = driver.find_element(By.CSS_SELECTOR, "form#schedule-form")
    assert "按规则建议日期" in schedule.text
    submit(driver, schedule)
    assert not alerts(driver), alerts(driver)
    PLAN["dates"] = {}
    for r in topic_rows(driver):
        if r["month"] == "2月":
            assert "与全体会议合并" in r["date"], r
            continue
        m = re.search(rf"{YEAR}年(\d+)月(\d+)日", r["date"])
        assert m, f"“{r['title']}” has no date after scheduling: {r['date']!r}"
        assert f"{m.group(1)}月" == r["month"], r
        assert not r["flagged"], f"the scheduler put “{r['title']}” on a non-working day: {r['date']}"
        PLAN["dates"][r["title"]] = r["date"]
    text = warnings(driver)
    assert "6个" not in text and "目前共" not in text, f"the warnings still count the topics: {text!r}"
    assert "尚未安排日期" not in text, text
    timeline = driver.find_element(By.CSS_SELECTOR, "ol.timeline").text
    for title in SIX_TOPIC_TITLES:
        assert title in timeline, f"“{title}” is not on the year's timeline"
    assert "全体会议" in timeline
    screenshot(driver, "plan-04c-scheduled")
    PLAN["topics"] = {r["title"]: r["id"] for r in topic_rows(driver)}


# ---------------------------------------------------------------- 5. a date by hand

def test_an_override_onto_a_sunday_needs_confirmation(driver, login, server_url, screenshot):
    require("topics")
    login(driver, "office")
    open_page(driver, server_url, f"/plans/{YEAR}", "#topics")
    topic_id = PLAN["topics"][MERGED_TITLE]
    forms = driver.find_elements(By.CSS_SELECTOR, f"#date-overrides form[data-topic-id='{topic_id}']")
    if not forms:
        pytest.skip("the draft plan page offers no per-topic date form (#date-overrides)")
    sunday = datetime.date(YEAR, 4, 19)
    assert sunday.weekday() == 6
    before = topic_by_title(driver, MERGED_TITLE)["date"]

    def override(date: str, confirm: bool) -> None:
        driver.find_element(By.CSS_SELECTOR, "#date-overrides summary").click()
        form = driver.find_element(By.CSS_SELECTOR, f"#date-overrides form[data-topic-id='{topic_id}']")
        set_value(driver, form.find_element(By.CSS_SELECTOR, "input[name=date]"), date)
        box = form.find_element(By.CSS_SELECTOR, "input[name=confirmNonWorkingDay]")
        if box.is_selected() != confirm:
            box.click()
        submit(driver, form)

    # Unconfirmed: refused, in Chinese, and nothing changes.
    override(sunday.isoformat(), confirm=False)
    message = alerts(driver)
    assert "不是工作日" in message and "确认" in message, f"no request to confirm: {message!r}"
    assert topic_by_title(driver, MERGED_TITLE)["date"] == before, "a refused override changed the date"
    screenshot(driver, "plan-05a-sunday-refused")

    # Confirmed: kept, and flagged wherever the date is shown.
    override(sunday.isoformat(), confirm=True)
    assert not alerts(driver), alerts(driver)
    row = topic_by_title(driver, MERGED_TITLE)
    assert f"{YEAR}年4月19日" in row["date"] and "星期日" in row["date"], row
    assert row["flagged"], "a confirmed Sunday is not flagged in the topics table"
    assert "非工作日" in warnings(driver), warnings(driver)
    assert driver.find_elements(By.CSS_SELECTOR, "ol.timeline .item.flagged"), "the timeline does not flag it"
    screenshot(driver, "plan-05b-sunday-confirmed")

    # The office thinks better of it: back to a working day, nothing flagged any more.
    tuesday = datetime.date(YEAR, 4, 21)
    override(tuesday.isoformat(), confirm=False)
    assert not alerts(driver), alerts(driver)
    row = topic_by_title(driver, MERGED_TITLE)
    assert f"{YEAR}年4月21日" in row["date"] and not row["flagged"], row
    assert "非工作日" not in warnings(driver)


# ---------------------------------------------------------------- 6. adoption to issuance

def test_plan_passes_every_step_to_issuance(driver, login, server_url, screenshot):
    require("topics")
    login(driver, "office")
    open_page(driver, server_url, f"/plans/{YEAR}", "#plan-state")
    assert plan_state(driver) == "草案"

    steps = [
        ("主席会议通过", "十届县政协第二十八次主席会议", "主席会议通过", "主席会议"),
        ("党组报县委", f"安政协党组〔{YEAR}〕12号", "党组已报县委", "党组报告"),
        ("县委同意", "县委常委会会议纪要第35期", "县委同意", "县委同意"),
    ]
    for action, reference, state, label in steps:
        section = driver.find_element(By.CSS_SELECTOR, "#next-step")
        assert action in section.find_element(By.TAG_NAME, "h2").text, section.text
        assert label in section.text, f"the reference field of “{action}” is not labelled: {section.text!r}"
        take_step(driver, reference)
        assert not alerts(driver), f"{action}: {alerts(driver)}"
        assert plan_state(driver) == state, f"after {action} #plan-state is {plan_state(driver)!r}"
        assert reference in driver.find_element(By.CSS_SELECTOR, "#steps").text
        # Once adopted the topics are no longer edited directly.
        assert not driver.find_elements(By.CSS_SELECTOR, "#topics-form")
    screenshot(driver, "plan-06a-consented")

    # A malformed document number: refused, in Chinese, the state stays.
    take_step(driver, f"安政协办联发[{YEAR}]01号")
    message = alerts(driver)
    assert "联合发文字号" in message and "格式" in message, f"no explanation of the number: {message!r}"
    assert re.search(r"[\u4e00-\u9fff]", message)
    assert plan_state(driver) == "县委同意"
    assert not driver.find_elements(By.CSS_SELECTOR, "#document-number")
    screenshot(driver, "plan-06b-bad-document-number")

    take_step(driver, DOCUMENT_NUMBER)
    assert not alerts(driver), alerts(driver)
    assert plan_state(driver) == "联合发文实施"
    assert driver.find_element(By.CSS_SELECTOR, "#document-number").text == DOCUMENT_NUMBER
    assert not driver.find_elements(By.CSS_SELECTOR, "form#step-form"), "a step is still offered after issuance"
    steps_text = driver.find_element(By.CSS_SELECTOR, "#steps ol").text
    for action in ("主席会议通过", "党组报县委", "县委同意", "联合发文"):
        assert action in steps_text, f"the record misses “{action}”: {steps_text!r}"
    screenshot(driver, "plan-06c-issued")
    PLAN["issued"] = True


# ---------------------------------------------------------------- 7. adjustment

def test_a_later_adjustment_is_recorded_with_its_reason(driver, login, server_url, screenshot):
    require("issued")
    login(driver, "office")
    open_page(driver, server_url, f"/plans/{YEAR}", "#adjust")
    title = ADDED_TOPICS[2][0]  # October's
    topic_id = PLAN["topics"][title]
    selector = f"#adjust form[data-topic-id='{topic_id}']"
    reason = "县委将于10月召开全县经济工作专题会议，座谈会顺延至11月"

    # Without a reason: the page's own check is removed, the server refuses.
    form = driver.find_element(By.CSS_SELECTOR, selector)
    Select(form.find_element(By.CSS_SELECTOR, "select[name=month]")).select_by_value("11")
    reason_input = form.find_element(By.CSS_SELECTOR, "input[name=reason]")
    assert reason_input.get_attribute("required") is not None, "the reason field is not marked required"
    driver.execute_script("arguments[0].removeAttribute('required'); arguments[0].value = '';", reason_input)
    submit(driver, form)
    message = alerts(driver)
    assert "理由" in message, f"an adjustment without a reason was not refused: {message!r}"
    assert not driver.find_elements(By.CSS_SELECTOR, "#adjustments li")
    assert f"{YEAR}年10月" in topic_by_title(driver, title)["date"], "a refused adjustment moved the topic"
    screenshot(driver, "plan-07a-adjustment-without-reason")

    # With a reason: done and recorded.
    driver.get(f"{server_url}/plans/{YEAR}")
    form = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, selector)))
    Select(form.find_element(By.CSS_SELECTOR, "select[name=month]")).select_by_value("11")
    form.find_element(By.CSS_SELECTOR, "input[name=reason]").send_keys(reason)
    submit(driver, form)
    assert not alerts(driver), alerts(driver)
    assert plan_state(driver) == "联合发文实施"
    records = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#adjustments li")]
    assert len(records) == 1, records
    assert reason in records[0] and title in records[0], records
    assert "10月" in records[0] and "11月" in records[0], records
    assert f"{YEAR}年11月" in topic_by_title(driver, title)["date"], topic_by_title(driver, title)
    screenshot(driver, "plan-07b-adjusted")


# ---------------------------------------------------------------- 8. on a member's phone

def test_member_sees_the_issued_plan_and_its_timeline(phone_driver, login, server_url, screenshot):
    require("issued")
    login(phone_driver, "member")
    open_page(phone_driver, server_url, "/plans", "#plans-table")
    timeline = wait(phone_driver).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, "ol.timeline")))
    card = timeline.find_element(By.XPATH, "ancestor::section[1]").text
    assert f"{YEAR}年度" in card and "联合发文实施" in card, card[:200]
    for title in SIX_TOPIC_TITLES:
        assert title in timeline.text, f"“{title}” is not on the member's timeline"
    assert len(timeline.find_elements(By.CSS_SELECTOR, ":scope > li")) == 12
    row = phone_driver.find_element(By.CSS_SELECTOR, "#plans-table").text
    assert DOCUMENT_NUMBER in row
    # A member may not manage the plan.
    assert not phone_driver.find_elements(By.CSS_SELECTOR, "form[action='/plans']")
    screenshot(phone_driver, "plan-08-member-phone")
    overflow = no_sideways_scrolling(phone_driver)
    assert overflow <= 1, f"/plans is {overflow}px wider than a 390px phone"

    open_page(phone_driver, server_url, f"/plans/{YEAR}", "#plan-state")
    assert plan_state(phone_driver) == "联合发文实施"
    assert not phone_driver.find_elements(By.CSS_SELECTOR, "#adjust, #step-form, #topics-form")
    screenshot(phone_driver, "plan-08-member-phone-plan")
    overflow = no_sideways_scrolling(phone_driver)
    assert overflow <= 1, f"/plans/{YEAR} is {overflow}px wider than a 390px phone"


# ---------------------------------------------------------------- 9. print and calendar feed

def unfolded(ics: str) -> str:
    """RFC 5545 text with its folded lines joined and TEXT escapes undone."""
    text = ics.replace("\r\n ", "").replace("\r\n\t", "")
    return text.replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n").replace("\\\\", "\\")


def test_printable_plan_and_calendar_feed(driver, login, server_url, screenshot):
    require("issued")
    login(driver, "office")
    open_page(driver, server_url, f"/plans/{YEAR}/print", "table")
    assert f"{YEAR}年度双月协商座谈会计划" in driver.find_element(By.TAG_NAME, "h1").text
    table = driver.find_element(By.TAG_NAME, "table")
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 6, [r.text for r in rows]
    printed = table.text
    for title in SIX_TOPIC_TITLES:
        assert title in printed, f"“{title}” is not in the printable plan"
    assert "与全体会议合并" in printed
    assert DOCUMENT_NUMBER in body_text(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, "nav#main-nav"), "the printable plan carries the site's navigation"
    screenshot(driver, "plan-09a-print")

    open_page(driver, server_url, "/plans", "#feeds")
    form = driver.find_element(By.CSS_SELECTOR, "#feeds form")
    Select(form.find_element(By.CSS_SELECTOR, "select[name=scope]")).select_by_value("organization")
    submit(driver, form)
    assert not alerts(driver), alerts(driver)
    address = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#feed-url"))).text.strip()
    assert address, "#feed-url is empty"
    screenshot(driver, "plan-09b-feed-address")

    r = requests.get(urljoin(server_url + "/", address), timeout=15)  # no cookies: the token is the credential
    assert r.status_code == 200, f"HTTP {r.status_code} for {address}"
    assert r.headers.get("content-type", "").startswith("text/calendar")
    assert r.text.startswith("BEGIN:VCALENDAR"), r.text[:80]
    ics = unfolded(r.text)
    # Other issued years may share the feed; this year's are the 5 dated symposia
    # (February's topic is discussed at the plenary session and has no date of its own).
    events = ics.count(f"UID:symposium-{YEAR}-")
    assert events == 5, f"expected {YEAR}'s 5 dated symposia in the feed, got {events}"
    for title in [t for t in SIX_TOPIC_TITLES if t != ADDED_TOPICS[0][0]]:
        assert f"SUMMARY:双月协商座谈会：{title}" in ics, f"“{title}” is not in the feed"
    assert "STATUS:CONFIRMED" in ics and DOCUMENT_NUMBER in ics

    # A new address retires the old one.
    submit(driver, driver.find_element(By.CSS_SELECTOR, "#feeds form"))
    new_address = driver.find_element(By.CSS_SELECTOR, "#feed-url").text.strip()
    assert new_address != address
    assert requests.get(urljoin(server_url + "/", address), timeout=15).status_code == 404
