"""Headless Chromium fixtures for the browser tests.

`driver` is a desktop browser (1280x900, zh-CN), `phone_driver` a phone-sized one (390x844,
mobile user agent, touch). Each test gets a browser with no cookies, no storage and one blank
tab; the Chromium behind it is started once per kind and kept (starting one costs a second or
two of the CI's two cores, about a hundred times), unless a test left it broken. `login(driver, username)` signs a demo user in
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


_SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
_kept: dict[str, WebDriver] = {}


def _clean(d: WebDriver, kind: str) -> bool:
    """A kept browser as a new one would be: one blank tab at its size, no cookies or storage.
    False when the browser no longer answers."""
    try:
        for handle in d.window_handles[1:]:
            d.switch_to.window(handle)
            d.close()
        d.switch_to.window(d.window_handles[0])
        d.get("about:blank")
        d.execute_cdp_cmd("Network.clearBrowserCookies", {})
        d.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": "*", "storageTypes": "all"})
        d.execute_cdp_cmd("Network.clearBrowserCache", {})
        width, height = _SIZES[kind]
        if kind == "desktop":
            d.set_window_size(width, height)
        return True
    except Exception:
        return False


def _browser(request, kind: str) -> WebDriver:
    d = _kept.pop(kind, None)
    if d is not None and not _clean(d, kind):
        quit_quietly(d)
        d = None
    if d is None:
        width, height = _SIZES[kind]
        d = new_driver(width, height, phone=kind == "phone")
    request.node._xieshang_drivers = [*getattr(request.node, "_xieshang_drivers", []), d]
    return d


def _keep(d: WebDriver, kind: str) -> None:
    # Two browsers of one kind in one test: the second is ended, not kept.
    if kind in _kept:
        quit_quietly(d)
    else:
        _kept[kind] = d


def quit_quietly(d: WebDriver) -> None:
    try:
        quit_driver(d)
    except Exception:
        pass


@pytest.fixture(scope="session", autouse=True)
def _end_kept_browsers():
    yield
    for d in _kept.values():
        quit_quietly(d)
    _kept.clear()


@pytest.fixture
def driver(request):
    d = _browser(request, "desktop")
    yield d
    _keep(d, "desktop")


@pytest.fixture
def phone_driver(request):
    d = _browser(request, "phone")
    yield d
    _keep(d, "phone")


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
