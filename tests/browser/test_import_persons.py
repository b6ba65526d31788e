"""Importing persons from CSV on /people/import: office and admin only, all or nothing.

The sample files are read here too, so the tests know which names to look for. Tests that
must see a name absent before they run come first in this file (pytest keeps file order);
each compares what /people?q= shows before and after, so it stays true whatever ran earlier.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from harness import REPO_ROOT, form_by_id
from ui import click_and_wait, wait

SAMPLES = Path(os.environ.get("XIESHANG_SAMPLES_DIR", REPO_ROOT / "samples"))
GOOD_CSV = SAMPLES / "persons-import-gb18030.csv"
BAD_CSV = SAMPLES / "persons-import-bad-line.csv"
BAD_LINE = 4
NAME_COLUMNS = ("姓名", "name", "Name")


@dataclass
class Sample:
    path: Path
    rows: dict[int, dict[str, str]]  # file line number -> row
    name_column: str

    def names(self, except_line: int | None = None) -> list[str]:
        return [row[self.name_column].strip() for line, row in self.rows.items()
                if line != except_line and row.get(self.name_column, "").strip()]


def read_sample(path: Path, encodings: tuple[str, ...]) -> Sample:
    if not path.exists():
        pytest.fail(f"sample file {path.relative_to(REPO_ROOT)} is missing")
    raw = path.read_bytes()
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        pytest.fail(f"{path.name} decodes as none of {encodings}")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    name_column = next((c for c in NAME_COLUMNS if c in header), header[0])
    rows = {}
    for record in reader:
        if any(field.strip() for field in record):
            rows[reader.line_num] = dict(zip(header, record))
    return Sample(path, rows, name_column)


@pytest.fixture(scope="module")
def good_sample() -> Sample:
    sample = read_sample(GOOD_CSV, ("gb18030",))
    assert len(sample.rows) >= 2, f"{GOOD_CSV.name} has too few rows"
    return sample


@pytest.fixture(scope="module")
def bad_sample() -> Sample:
    sample = read_sample(BAD_CSV, ("utf-8-sig", "gb18030"))
    assert BAD_LINE in sample.rows, f"{BAD_CSV.name} has no line {BAD_LINE}"
    return sample


def people_named(driver, server_url: str, name: str) -> list[str]:
    driver.get(f"{server_url}/people?q={quote(name)}")
    return [row.text for row in driver.find_elements(By.CSS_SELECTOR, "tr[data-person-id]")
            if name in row.text]


def absent_names(driver, server_url: str, names: list[str]) -> list[str]:
    return [name for name in names if not people_named(driver, server_url, name)]


def open_import_form(driver, server_url: str):
    driver.get(server_url + "/people/import")
    return wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form#import-form")))


def choose_file(form, path: Path) -> None:
    form.find_element(By.CSS_SELECTOR, "input[type=file][name=file]").send_keys(str(path.resolve()))


def submit_form(driver, form) -> None:
    click_and_wait(driver, form.find_element(
        By.CSS_SELECTOR, "button[type=submit], button:not([type]), input[type=submit]"))


def upload(driver, server_url: str, path: Path) -> None:
    form = open_import_form(driver, server_url)
    choose_file(form, path)
    submit_form(driver, form)


# ---------------------------------------------------------------- who may import

@pytest.mark.parametrize("username", ["member", "expert", "department", "leader"])
def test_only_office_and_admin_may_open_the_import_page(driver, login, server_url, username):
    login(driver, username)
    driver.get(server_url + "/people/import")
    assert "无权访问" in wait(driver).until(EC.visibility_of_element_located((By.TAG_NAME, "h1"))).text
    assert not driver.find_elements(By.CSS_SELECTOR, "form#import-form")


def test_member_cannot_post_an_import_even_with_a_valid_token(http_login, server_url):
    session = http_login("member")
    token = form_by_id(session.get(server_url + "/", timeout=15).text, "logout-form")["inputs"]["_csrf"]
    r = session.post(server_url + "/people/import", data={"_csrf": token}, timeout=30,
                     files={"file": (GOOD_CSV.name, GOOD_CSV.read_bytes(), "text/csv")})
    assert r.status_code == 403
    assert "无权访问" in r.text


@pytest.mark.parametrize("username", ["office", "admin"])
def test_office_and_admin_may_open_the_import_page(driver, login, server_url, username):
    login(driver, username)
    form = open_import_form(driver, server_url)
    assert (form.get_attribute("enctype") or "").lower() == "multipart/form-data"
    assert form.find_elements(By.CSS_SELECTOR, "input[type=file][name=file]")


# ---------------------------------------------------------------- all or nothing

def test_import_with_forged_csrf_token_is_refused_and_imports_nothing(driver, login, server_url, good_sample):
    login(driver, "office")
    names = good_sample.names()[:3]
    before = absent_names(driver, server_url, names)
    form = open_import_form(driver, server_url)
    choose_file(form, GOOD_CSV)
    driver.execute_script("arguments[0].querySelector('input[name=_csrf]').value = 'forged';", form)
    submit_form(driver, form)
    assert "安全令牌" in driver.find_element(By.TAG_NAME, "body").text
    after = absent_names(driver, server_url, names)
    assert after == before, f"a refused import added {set(before) - set(after)}"


def test_csv_with_one_bad_line_imports_nothing_and_names_the_line(driver, login, server_url,
                                                                   bad_sample, screenshot):
    login(driver, "office")
    names = bad_sample.names(except_line=BAD_LINE)
    before = absent_names(driver, server_url, names)
    assert before, f"every good name of {BAD_CSV.name} is already listed: cannot show nothing is imported"

    upload(driver, server_url, BAD_CSV)
    errors = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "ul#import-errors li")]
    screenshot(driver, "import-errors")
    assert any(f"第{BAD_LINE}行" in e for e in errors), f"no error names line {BAD_LINE}: {errors}"
    assert not any(re.search(r"成功导入", e.text)
                   for e in driver.find_elements(By.CSS_SELECTOR, "[role=status]"))

    after = absent_names(driver, server_url, before)
    assert after == before, f"a rejected file still imported {set(before) - set(after)}"


def test_gb18030_csv_imports(driver, login, server_url, good_sample, screenshot):
    login(driver, "office")
    upload(driver, server_url, GOOD_CSV)
    status = wait(driver).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, "[role=status]"))).text
    screenshot(driver, "import-success")
    assert "成功导入" in status
    assert str(len(good_sample.rows)) in re.findall(r"\d+", status), \
        f"status does not give the count {len(good_sample.rows)}: {status!r}"
    assert not driver.find_elements(By.CSS_SELECTOR, "ul#import-errors li")

    for name in good_sample.names():
        assert people_named(driver, server_url, name), f"{name} is not listed after the import"
    screenshot(driver, "people-search-after-import")
