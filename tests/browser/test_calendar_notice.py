"""The office loads next year's holidays by pasting the State Council's notice.

A December morning (the server's clock is a file, XIESHANG_CLOCK_FILE): the office's 工作台
says the 2027 arrangement is not loaded and links to the 工作日历. There the office pastes a
corrupted copy first (a dropped digit, "0月1日"): the page says what is wrong and offers no
way to load it. Then the notice as published: the page shows each break and each 调休 working
day with the item it came from; "确认载入" loads it, the calendar of 2027 shows the holidays,
the year's history keeps the text, and the reminder is gone. The module runs its own server:
loading 2027 must not change the calendar the other browser tests count on.

    scripts/test browser -- tests/browser/test_calendar_notice.py
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from harness import DemoServer
from live_setup import write_clock
from ui import alerts, body_text, click_and_wait, flash, open_page, path_of, save_png, sign_in, wait

# A plausible 2027 notice in the State Council's current wording (not a published one).
NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
国办发明电〔2026〕9号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。
国务院办公厅
2026年11月5日"""
CORRUPTED_2027 = NOTICE_2027.replace("10月1日（周五）至7日", "0月1日（周五）至7日")
# Monday 2026-12-07, 09:00 in Beijing.
DECEMBER_MORNING = "2026-12-07T01:00:00Z"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    clock = tmp_path_factory.mktemp("clock") / "now.txt"
    write_clock(clock, DECEMBER_MORNING)
    srv = DemoServer("calendar-notice", env={"XIESHANG_CLOCK_FILE": str(clock)}).start()
    yield srv.url
    srv.stop()


def paste_and_read(driver, server: str, text: str) -> None:
    open_page(driver, server + "/calendar?year=2027", "#notice-form")
    box = driver.find_element(By.CSS_SELECTOR, "#notice-text")
    box.clear()
    box.send_keys(text)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#notice-form button[type=submit]"))
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#notice-summary"))


def test_office_pastes_the_notice_checks_it_and_loads_it(driver, login, server):
    assert sign_in(driver, login, server, "office") == "刘秋菊"

    # The dashboard says what is missing and where to load it.
    reminder = wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#calendar-reminder-2027"))
    assert "2027年的节假日安排尚未载入" in reminder.text
    save_png(driver, "calendar-notice-1-dashboard-reminder")
    click_and_wait(driver, reminder.find_element(By.CSS_SELECTOR, "a"))
    assert path_of(driver) == "/calendar"
    assert "2027年的节假日安排尚未载入" in body_text(driver)

    # A corrupted copy: shown with what is wrong, and no way to load it.
    paste_and_read(driver, server, CORRUPTED_2027)
    problems = driver.find_element(By.CSS_SELECTOR, "#notice-warnings").text
    assert "不能载入" in problems and "“0月1日”不是有效日期" in problems, problems
    assert driver.find_elements(By.CSS_SELECTOR, "#notice-load-form") == []
    assert "不能载入" in driver.find_element(By.CSS_SELECTOR, "#notice-confirm").text
    save_png(driver, "calendar-notice-2-corrupted-copy")

    # The notice as published: each break and 调休 working day with its item.
    paste_and_read(driver, server, NOTICE_2027)
    assert driver.find_elements(By.CSS_SELECTOR, "#notice-warnings") == [], alerts(driver)
    rows = {r.find_element(By.CSS_SELECTOR, "td").text: r.text
            for r in driver.find_elements(By.CSS_SELECTOR, "#notice-items tbody tr")}
    assert len(rows) == 7, list(rows)
    assert "2月5日（星期五）至2月13日（星期六），共9天" in rows["第二项“春节”"]
    assert "2月20日（星期六）" in rows["第二项“春节”"]
    assert "9月26日（星期日）" in rows["第七项“国庆节”"] and "10月9日（星期六）" in rows["第七项“国庆节”"]
    assert "新增2027年" in driver.find_element(By.CSS_SELECTOR, "#notice-changes").text
    save_png(driver, "calendar-notice-3-confirmation")

    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#notice-load-form button[type=submit]"))
    assert path_of(driver) == "/calendar"
    assert "已载入国务院办公厅关于2027年部分节假日安排的通知" in flash(driver)
    assert driver.find_element(By.CSS_SELECTOR, "h1").text == "工作日历 2027年"
    holiday = driver.find_element(By.CSS_SELECTOR, 'td.holiday[title^="2027年2月5日"]')
    assert "春节" in holiday.get_attribute("title")
    worked = driver.find_element(By.CSS_SELECTOR, 'td.adjusted[title^="2027年2月20日"]')
    assert "调休上班" in worked.get_attribute("title")
    history = driver.find_element(By.CSS_SELECTOR, "#year-history")
    assert "年度通知" in history.text and "国办发明电〔2026〕9号" in history.text
    save_png(driver, "calendar-notice-4-loaded")

    # Loaded: the reminder is gone.
    open_page(driver, server + "/", "h1")
    assert driver.find_elements(By.CSS_SELECTOR, "#calendar-reminder-2027") == []
