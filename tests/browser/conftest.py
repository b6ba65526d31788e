"""Headless Chromium fixtures for the browser tests.

`driver` is a fresh desktop browser per test (1280x900, zh-CN), `phone_driver` a phone-sized
one (390x844, mobile user agent, touch). `login(driver, username)` signs a demo user in
and returns the name shown, `screenshot(driver, name)` saves a full-page PNG under
tests/artifacts/; ui.py has the other helpers (waiting, submitting). A failing test that
used a browser leaves tests/artifacts/failed-<test>.png behind.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as EC

from harness import DEMO_PASSWORD
from ui import attempt_login, new_driver, path_of, quit_driver, save_png, wait


@pytest.fixture
def driver(request):
    d = new_driver(1280, 900)
    request.node._xieshang_drivers = [*getattr(request.node, "_xieshang_drivers", []), d]
    yield d
    quit_driver(d)


@pytest.fixture
def phone_driver(request):
    d = new_driver(390, 844, phone=True)
    request.node._xieshang_drivers = [*getattr(request.node, "_xieshang_drivers", []), d]
    yield d
    quit_driver(d)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and report.when == "call":
        for i, d in enumerate(getattr(item, "_xieshang_drivers", [])):
            try:
                path = save_png(d, f"failed-{item.name}" + (f"-{i}" if i else ""))
                report.sections.append(("browser", f"url: {d.current_url}\nscreenshot: {path}"))
            except Exception as e:  # the browser may be what failed
                report.sections.append(("browser", f"no screenshot: {e}"))
    return report


@pytest.fixture
def login(server_url):
    """login(driver, username, password=..., base_url=...) -> the display name shown."""

    def do_login(driver: WebDriver, username: str, password: str = DEMO_PASSWORD,
                 base_url: str | None = None) -> str:
        attempt_login(driver, base_url or server_url, username, password)
        assert path_of(driver) == "/", (
            f"login as {username} ended on {driver.current_url}: "
            + " / ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role=alert]")))
        return wait(driver).until(
            EC.visibility_of_element_located((By.CSS_SELECTOR, "#current-user"))).text.strip()

    return do_login


@pytest.fixture
def screenshot():
    """screenshot(driver, name) -> Path of tests/artifacts/<name>.png (full page)."""
    return save_png
