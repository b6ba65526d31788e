"""Cross-check the server's working calendar against the official arrangements, day by day.

The Swift table was generated from `chinesecalendar`; this test asks the running server,
through the public API, about every day from 2015-01-01 to 2026-12-31 and compares the
answer with `chinese_calendar.is_workday`, so a wrong entry, a lost adjusted workday or an
off-by-one in counting cannot hide in a day nobody thought to test.

    XIESHANG_URL=http://127.0.0.1:8080 /work/main/.venv/bin/pytest tests/calendar
"""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest

requests = pytest.importorskip("requests")
chinese_calendar = pytest.importorskip("chinese_calendar")

ENDPOINT = "/api/v1/calendar/add-working-days"
FIRST, LAST = dt.date(2015, 1, 1), dt.date(2026, 12, 31)
CJK = re.compile(r"[\u4e00-\u9fff]")



@pytest.fixture(scope="module")
def session():
    # Read here, not at import: tests/conftest.py sets XIESHANG_URL when it starts the server.
    base_url = os.environ.get("XIESHANG_URL", "").rstrip("/")
    if not base_url:
        pytest.skip("XIESHANG_URL is not set (no server to check)")
    # One keep-alive connection: 4,383 requests in a few seconds instead of a connect each.
    with requests.Session() as s:
        s.base_url = base_url
        yield s


def get(session, **params):
    return session.get(session.base_url + ENDPOINT, params=params, timeout=10)


def first_workday_on_or_after(day: dt.date) -> dt.date | None:
    """None when the answer lies after 2026, which the built-in table does not cover."""
    while day <= LAST:
        if chinese_calendar.is_workday(day):
            return day
        day += dt.timedelta(days=1)
    return None


def test_every_day_agrees_with_official_arrangements(session):
    mismatches = []
    checked = 0
    day = FIRST
    while day <= LAST:
        expected = first_workday_on_or_after(day)
        if expected is not None:
            previous = day - dt.timedelta(days=1)
            response = get(session, **{"from": previous.isoformat(), "days": 1})
            if response.status_code != 200:
                mismatches.append(f"{previous} + 1: HTTP {response.status_code} {response.text[:200]}")
            else:
                got = response.json().get("date")
                if got != expected.isoformat():
                    mismatches.append(f"{previous} + 1: server says {got}, official {expected}")
            checked += 1
        day += dt.timedelta(days=1)
    assert checked > 4300
    assert not mismatches, f"{len(mismatches)} of {checked} days disagree:\n" + "\n".join(mismatches[:40])


@pytest.mark.parametrize(
    "start, days, expected",
    [
        ("2026-09-29", 10, "2026-10-19"),  # DESIGN.md: skips the National Day week
        ("2026-06-18", 10, "2026-07-03"),  # DESIGN.md: skips the Dragon Boat Festival
        ("2026-02-13", 1, "2026-02-14"),  # Saturday 2026-02-14 is an adjusted workday
        ("2026-03-04", 0, "2026-03-04"),  # zero working days is the day itself
    ],
)
def test_design_examples(session, start, days, expected):
    response = get(session, **{"from": start, "days": days})
    assert response.status_code == 200, response.text
    assert response.json() == {"date": expected}


def assert_refused(response, code=None):
    assert response.status_code == 400, f"HTTP {response.status_code}: {response.text[:300]}"
    body = response.json()
    error = body.get("error")
    assert isinstance(error, dict), body
    assert isinstance(error.get("code"), str) and re.fullmatch(r"[a-z][a-z0-9_]*", error["code"]), error
    assert isinstance(error.get("message"), str) and CJK.search(error["message"]), error
    if code is not None:
        assert error["code"] == code, error


@pytest.mark.parametrize("start", ["2026-13-01", "abc", "2026-02-30", "2026-1-5", ""])
def test_malformed_date_is_refused(session, start):
    assert_refused(get(session, **{"from": start, "days": 1}))


@pytest.mark.parametrize("days", ["abc", "1.5", ""])
def test_malformed_days_is_refused(session, days):
    assert_refused(get(session, **{"from": "2026-03-04", "days": days}))


def test_negative_days_is_refused(session):
    assert_refused(get(session, **{"from": "2026-03-04", "days": -1}), code="invalid_working_days")


def test_too_many_days_is_refused(session):
    assert_refused(get(session, **{"from": "2026-03-04", "days": 100000}), code="invalid_working_days")


def test_start_outside_loaded_years_is_refused(session):
    response = get(session, **{"from": "2030-06-03", "days": 1})
    assert_refused(response, code="calendar_out_of_range")
    assert "2030" in response.json()["error"]["message"]


def test_answer_beyond_loaded_years_is_refused(session):
    response = get(session, **{"from": "2026-12-25", "days": 10})
    if response.status_code == 200:
        pytest.skip("the server has loaded an arrangement for 2027")
    assert_refused(response, code="calendar_out_of_range")
    assert "2027" in response.json()["error"]["message"]
