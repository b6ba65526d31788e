"""The working-day calculator on the dashboard and its public JSON API.

Working days follow the State Council's holiday arrangement: 2026-10-01..07 are holidays,
Sunday 2026-09-20 and Saturday 2026-10-10 are adjusted workdays, the Dragon Boat Festival
is 2026-06-19..21.
"""

from __future__ import annotations

import re

import pytest
import requests
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By

from ui import mark_page, page_replaced, wait

CJK = re.compile(r"[\u4e00-\u9fff]")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EXAMPLES = [
    ("2026-09-29", 10, "2026-10-19"),  # across the National Day holiday and 10-10 workday
    ("2026-06-18", 10, "2026-07-03"),  # across the Dragon Boat Festival
]


def set_value(driver, selector: str, value: str) -> None:
    # Typing into a date input depends on the browser's locale format; set it as a script would.
    driver.execute_script(
        "const e = document.querySelector(arguments[0]); e.value = arguments[1];"
        "e.dispatchEvent(new Event('input', {bubbles: true}));"
        "e.dispatchEvent(new Event('change', {bubbles: true}));", selector, value)


def is_final(text: str) -> bool:
    # "计算中…" and the like: a message that ends in an ellipsis is progress, not an answer.
    return bool(text) and not text.endswith(("…", "..."))


def calculate(driver, start: str, days: str, done=is_final) -> str:
    """Fills in the calculator, presses the button and returns #wd-result's text once
    done(text) holds (or, after the wait, whatever it last showed, for the assertion)."""
    set_value(driver, "#wd-from", start)
    set_value(driver, "#wd-days", days)
    old_text = driver.find_element(By.CSS_SELECTOR, "#wd-result").text.strip()
    token = mark_page(driver)
    driver.find_element(By.CSS_SELECTOR, "#wd-submit").click()
    last = {"text": old_text}

    def answered(d) -> bool:
        # The answer may come from a script (same page) or from a form post (a new page).
        try:
            reloaded = page_replaced(d, token)
            last["text"] = d.find_element(By.CSS_SELECTOR, "#wd-result").text.strip()
        except WebDriverException:
            return False
        return (reloaded or last["text"] != old_text) and done(last["text"])

    try:
        wait(driver).until(answered)
    except TimeoutException:
        pass
    return last["text"]


@pytest.mark.parametrize(("start", "days", "expected"), EXAMPLES)
def test_dashboard_calculator_counts_working_days_past_holidays(driver, login, start, days, expected):
    login(driver, "office")
    assert expected in calculate(driver, start, str(days), done=lambda text: expected in text)


def test_dashboard_is_on_screen_for_a_human(driver, login, screenshot):
    login(driver, "office")
    calculate(driver, "2026-09-29", "10", done=lambda text: "2026-10-19" in text)
    screenshot(driver, "dashboard")


def test_dashboard_calculator_explains_a_negative_day_count_in_chinese(driver, login):
    login(driver, "member")
    result = calculate(driver, "2026-09-29", "-1")
    assert CJK.search(result), (f"no Chinese message in #wd-result: {result!r} (if the form's "
                                "own validation stopped the submit, the message is not where the reader looks)")
    assert set(ISO_DATE.findall(result)) <= {"2026-09-29"}, f"a date was computed from -1 days: {result!r}"


def test_calculator_works_on_a_phone_without_sideways_scrolling(phone_driver, login, screenshot):
    login(phone_driver, "member")
    assert "2026-10-19" in calculate(phone_driver, "2026-09-29", "10", done=lambda text: "2026-10-19" in text)
    screenshot(phone_driver, "dashboard-phone")
    overflow = phone_driver.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth;")
    assert overflow <= 1, f"the dashboard is {overflow}px wider than a 390px phone"


# ---------------------------------------------------------------- public JSON API

def add_working_days(server_url: str, **params) -> requests.Response:
    return requests.get(server_url + "/api/v1/calendar/add-working-days", params=params, timeout=15)


@pytest.mark.parametrize(("start", "days", "expected"), EXAMPLES)
def test_api_adds_working_days_without_signing_in(server_url, start, days, expected):
    r = add_working_days(server_url, **{"from": start, "days": days})
    assert r.status_code == 200, r.text
    assert r.json() == {"date": expected}


@pytest.mark.parametrize("params", [
    {"from": "2026-09-29", "days": "-1"},
    {"from": "2026-09-29", "days": "ten"},
    {"from": "2026-13-01", "days": "10"},
    {"from": "29.09.2026", "days": "10"},
    {"days": "10"},
    {"from": "2026-09-29"},
], ids=["negative-days", "days-not-a-number", "month-13", "not-iso", "no-from", "no-days"])
def test_api_answers_bad_input_with_400_and_a_machine_readable_error(server_url, params):
    r = add_working_days(server_url, **params)
    assert r.status_code == 400, f"HTTP {r.status_code}: {r.text[:200]}"
    error = r.json()["error"]
    assert isinstance(error["code"], str) and error["code"], error
    assert CJK.search(error["message"]), f"message is not Chinese: {error['message']!r}"
