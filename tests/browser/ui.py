"""Browser helpers for tests/browser: starting Chromium, waiting, signing in, screenshots."""

from __future__ import annotations

import base64
import os
import re
import uuid
from pathlib import Path
from urllib.parse import urlparse

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from harness import ARTIFACTS

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PHONE_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36")
WAIT = 15


def new_driver(width: int, height: int, phone: bool = False) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--lang=zh-CN", "--no-first-run",
                "--disable-extensions", "--disable-background-networking"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    if phone:
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 3.0, "touch": True},
            "userAgent": PHONE_UA,
        })
    driver = webdriver.Chrome(service=_GroupedService(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


class _GroupedService(Service):
    """chromedriver in its own process group, recorded as soon as it starts, so that
    scripts/test can end it with every Chromium process it started if pytest dies."""

    def __init__(self, executable_path: str):
        super().__init__(executable_path, popen_kw={"start_new_session": True})

    def _start_process(self, path: str) -> None:
        super()._start_process(path)
        _record_group(self.process.pid)


def _group_file(pid: int) -> Path | None:
    run_dir = os.environ.get("XIESHANG_TEST_RUN_DIR")
    return Path(run_dir) / f"chromedriver-{pid}.pgid" if run_dir and Path(run_dir).is_dir() else None


def _record_group(pid: int) -> None:
    if path := _group_file(pid):
        path.write_text(str(pid))


def quit_driver(driver: WebDriver) -> None:
    pid = driver.service.process.pid
    try:
        driver.quit()
    finally:
        if path := _group_file(pid):
            path.unlink(missing_ok=True)


def save_png(driver: WebDriver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
    try:
        # The whole page, not only the window, so a human sees everything.
        metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
        path.write_bytes(base64.b64decode(shot["data"]))
    except Exception:
        driver.save_screenshot(str(path))
    return path


def path_of(driver: WebDriver) -> str:
    return urlparse(driver.current_url).path


def wait(driver: WebDriver, timeout: float = WAIT) -> WebDriverWait:
    return WebDriverWait(driver, timeout)


def mark_page(driver: WebDriver) -> str:
    """Tags the current document; page_replaced() tells when another document has replaced it."""
    token = uuid.uuid4().hex
    driver.execute_script("window.__xieshangPage = arguments[0];", token)
    return token


def page_replaced(driver: WebDriver, token: str) -> bool:
    # A polled element reference is not reliable here: during a navigation chromedriver can
    # answer with a generic error instead of "stale element". A new document has no tag.
    try:
        return driver.execute_script(
            "return window.__xieshangPage !== arguments[0] && document.readyState === 'complete';", token)
    except WebDriverException:
        return False


def click_and_wait(driver: WebDriver, element: WebElement) -> None:
    """Clicks (a submit button, a link) and waits until the next page has loaded."""
    token = mark_page(driver)
    element.click()
    wait(driver).until(lambda d: page_replaced(d, token))


def attempt_login(driver: WebDriver, base_url: str, username: str, password: str) -> None:
    driver.get(base_url + "/login")
    form = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form#login-form")))
    form.find_element(By.CSS_SELECTOR, "input[name=username]").send_keys(username)
    form.find_element(By.CSS_SELECTOR, "input[name=password]").send_keys(password)
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def sign_in(driver, login, base: str, username: str) -> str:
    """A fresh sign-in on the server at `base` (a module's own server), through `login`."""
    driver.delete_all_cookies()
    return login(driver, username, base_url=base)


def open_page(driver, url: str, ready: str = "h1"):
    """Opens `url` and waits for `ready` (a CSS selector); returns that element."""
    driver.get(url)
    return wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, ready))


def body_text(driver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def alerts(driver) -> str:
    """The page's error messages ([role=alert]), joined."""
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role=alert]"))


def flash(driver) -> str:
    """The page's confirmations ([role=status]), joined."""
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role=status]"))
