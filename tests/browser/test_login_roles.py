"""Signing in and out, what each role may open, CSRF protection and the login throttle."""

from __future__ import annotations

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from harness import DEMO_PASSWORD, DEMO_USERS, form_by_id
from ui import attempt_login, path_of, click_and_wait, wait

OFFICE_ROLES = ["office", "admin"]
ROLES_WITHOUT_AUDIT = ["member", "expert", "department", "leader"]


def heading(driver) -> str:
    return wait(driver).until(EC.visibility_of_element_located((By.TAG_NAME, "h1"))).text


def alerts(driver) -> str:
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role=alert]"))


def nav_links(driver) -> list[str]:
    nav = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav#main-nav")))
    return [a.get_attribute("href") for a in nav.find_elements(By.TAG_NAME, "a")]


def submit_button(form):
    return form.find_element(
        By.CSS_SELECTOR, "button[type=submit], button:not([type]), input[type=submit]")


# ---------------------------------------------------------------- signing in and out

@pytest.mark.parametrize("username", DEMO_USERS)
def test_each_role_logs_in_and_sees_its_name(driver, login, username):
    name = login(driver, username)
    assert name, f"#current-user is empty for {username}"
    assert nav_links(driver), "nav#main-nav has no links"


def test_users_of_different_roles_see_different_names(driver, login):
    names = {}
    for username in ("office", "member", "leader"):
        driver.delete_all_cookies()
        names[username] = login(driver, username)
    assert len(set(names.values())) == len(names), names


def test_anonymous_visitor_is_sent_to_login(driver, server_url):
    driver.get(server_url + "/")
    assert path_of(driver) == "/login"
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form#login-form")))


def test_wrong_password_stays_on_login_and_says_so(driver, server_url):
    # One failure only: the throttle counts failures per username, and committee signs in
    # successfully elsewhere in this session.
    attempt_login(driver, server_url, "committee", "not-the-password")
    assert path_of(driver) == "/login"
    assert "用户名或密码错误" in alerts(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, "#current-user")


def test_unknown_user_gets_the_same_message_as_a_wrong_password(driver, server_url):
    attempt_login(driver, server_url, "nobody-such", DEMO_PASSWORD)
    assert path_of(driver) == "/login"
    assert "用户名或密码错误" in alerts(driver)


def test_logout_ends_the_session(driver, login, server_url):
    login(driver, "office")
    form = driver.find_element(By.CSS_SELECTOR, "form#logout-form")
    click_and_wait(driver, submit_button(form))
    driver.get(server_url + "/")
    assert path_of(driver) == "/login"


# ---------------------------------------------------------------- what each role may open

@pytest.mark.parametrize("username", OFFICE_ROLES)
def test_office_and_admin_see_the_audit_log(driver, login, server_url, username):
    login(driver, username)
    assert server_url + "/audit" in nav_links(driver)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, 'nav#main-nav a[href="/audit"]'))
    assert path_of(driver) == "/audit"
    assert "审计日志" in heading(driver)


@pytest.mark.parametrize("username", ROLES_WITHOUT_AUDIT)
def test_member_expert_department_and_leader_cannot_open_audit_log(driver, login, server_url, username):
    login(driver, username)
    assert server_url + "/audit" not in nav_links(driver)
    driver.get(server_url + "/audit")
    assert "无权访问" in heading(driver)
    assert "审计日志" not in driver.find_element(By.TAG_NAME, "body").text


def test_member_cannot_open_audit_log_and_gets_http_403(http_login, server_url):
    r = http_login("member").get(server_url + "/audit", timeout=15)
    assert r.status_code == 403
    assert "无权访问" in r.text


@pytest.mark.parametrize("username", DEMO_USERS)
def test_everyone_signed_in_sees_the_rules_and_the_people(driver, login, server_url, username):
    login(driver, username)
    driver.get(server_url + "/regulation")
    assert "工作规则" in heading(driver)
    driver.get(server_url + "/people")
    table = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#people-table")))
    assert table.find_elements(By.CSS_SELECTOR, "tr[data-person-id]"), "the demo county lists nobody"


def test_people_list_is_on_screen_for_a_human(driver, login, server_url, screenshot):
    login(driver, "office")
    driver.get(server_url + "/people")
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#people-table")))
    screenshot(driver, "people-list")


# ---------------------------------------------------------------- CSRF

def test_every_post_form_carries_a_csrf_token(driver, login, server_url):
    found: set[str] = set()
    missing: list[str] = []

    def check(page: str) -> None:
        for form in driver.find_elements(By.CSS_SELECTOR, "form[method=post i]"):
            form_id = form.get_attribute("id") or "(form without id)"
            found.add(form_id)
            token = form.find_elements(By.CSS_SELECTOR, "input[name=_csrf]")
            if not token or not token[0].get_attribute("value"):
                missing.append(f"{form_id} on {page}")

    driver.get(server_url + "/login")
    check("/login")
    login(driver, "office")
    for page in ["/", "/people", "/people/import", "/audit", "/regulation"]:
        driver.get(server_url + page)
        check(page)
    assert not missing, f"POST forms without a _csrf value: {missing}"
    assert {"login-form", "logout-form", "import-form"} <= found, f"POST forms seen: {found}"


def _tamper_with_logout_form(driver, script: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form#logout-form")
    assert form.find_elements(By.CSS_SELECTOR, "input[name=_csrf]"), "logout form has no _csrf"
    driver.execute_script(script, form)
    click_and_wait(driver, submit_button(form))


def _still_signed_in(driver, server_url) -> bool:
    driver.get(server_url + "/")
    return path_of(driver) == "/" and bool(driver.find_elements(By.CSS_SELECTOR, "#current-user"))


def test_forged_csrf_token_is_refused(driver, login, server_url):
    login(driver, "office")
    _tamper_with_logout_form(
        driver, "const t = arguments[0].querySelector('input[name=_csrf]');"
                "t.value = 'forged-' + t.value.split('').reverse().join('');")
    assert "安全令牌" in driver.find_element(By.TAG_NAME, "body").text
    assert _still_signed_in(driver, server_url), "a forged logout went through"


def test_missing_csrf_token_is_refused(driver, login, server_url):
    login(driver, "office")
    _tamper_with_logout_form(driver, "arguments[0].querySelector('input[name=_csrf]').remove();")
    assert "安全令牌" in driver.find_element(By.TAG_NAME, "body").text
    assert _still_signed_in(driver, server_url), "a logout without token went through"


def test_forged_csrf_token_gets_http_403(http_login, server_url):
    session = http_login("office")
    fields = dict(form_by_id(session.get(server_url + "/", timeout=15).text, "logout-form")["inputs"])
    fields["_csrf"] = "forged"
    r = session.post(server_url + "/logout", data=fields, timeout=15, allow_redirects=False)
    assert r.status_code == 403
    assert "安全令牌" in r.text
    still = session.get(server_url + "/", timeout=15)
    assert still.url.rstrip("/") == server_url, "the forged logout ended the session"


def test_cross_site_login_form_post_without_token_is_refused(server_url):
    r = requests.post(server_url + "/login", timeout=15, allow_redirects=False,
                      data={"username": "office", "password": DEMO_PASSWORD})
    assert r.status_code == 403
    assert "安全令牌" in r.text


# ---------------------------------------------------------------- throttle (own server)

@pytest.mark.slow
def test_login_is_throttled_after_five_failures(driver, login, fresh_server):
    # A private server: the throttle state must not leak into other tests. expert is the
    # name under attack; office from the same address must still get in.
    base = fresh_server("throttle")
    for attempt in range(1, 6):
        attempt_login(driver, base, "expert", f"wrong-{attempt}")
        assert path_of(driver) == "/login"
        if attempt < 5:
            assert "用户名或密码错误" in alerts(driver), f"attempt {attempt}"
    attempt_login(driver, base, "expert", DEMO_PASSWORD)
    assert path_of(driver) == "/login", "the right password got through after five failures"
    assert "尝试次数过多" in alerts(driver)
    assert login(driver, "office", base_url=base), "throttling expert locked out office too"
