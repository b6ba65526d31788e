"""The annual plan's joint issuance notice (二.1) opens in python-docx and LibreOffice and
keeps the GB/T 9704 page: A4, top margin 37 mm, binding margin 28 mm.

Uses the year 2024 so that it does not meet the browser tests' 2026 plan on the shared
demo server; the built-in working calendar covers it.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

requests = pytest.importorskip("requests")
docx = pytest.importorskip("docx")

from harness import http_login_session  # noqa: E402

YEAR = 2024
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def _csrf(session, base: str) -> str:
    page = session.get(base + "/", timeout=15).text
    m = re.search(r'name="_csrf" value="([^"]+)"', page)
    assert m, "no CSRF token on the dashboard"
    return m.group(1)


@pytest.fixture(scope="module")
def issued_plan(server_url):
    s = http_login_session(server_url, "office")
    headers = {"X-CSRF-Token": _csrf(s, server_url)}
    api = server_url + "/api/v1/plans"
    r = s.post(api, json={"year": YEAR}, headers=headers, timeout=15)
    assert r.status_code in (201, 409), r.text
    plan = s.get(f"{api}/{YEAR}", timeout=15).json()
    if plan["state"] == "draft":
        topics = [{"title": "与全体会议合并的议题", "month": 2},
                  {"title": "推进安化黑茶产业高质量发展", "leadCommitteeID": 3, "month": 4},
                  {"title": "全面推进乡村振兴", "leadCommitteeID": 4, "month": 6}]
        r = s.put(f"{api}/{YEAR}/topics", json={"version": plan["version"], "topics": topics}, headers=headers, timeout=15)
        assert r.status_code == 200, r.text
        r = s.post(f"{api}/{YEAR}/schedule", json={"version": r.json()["version"]}, headers=headers, timeout=15)
        assert r.status_code == 200, r.text
        version = r.json()["version"]
        for action, date, ref in [("adopt", "2023-12-10", "十二届第十次主席会议"), ("report", "2023-12-12", ""),
                                  ("consent", "2023-12-20", "县委同意"), ("issue", "2023-12-28", f"安政协办联发〔2023〕9号")]:
            r = s.post(f"{api}/{YEAR}/steps", json={"version": version, "action": action, "date": date, "reference": ref},
                       headers=headers, timeout=15)
            assert r.status_code == 200, r.text
            version = r.json()["version"]
    doc = s.get(f"{server_url}/plans/{YEAR}/notice.docx", timeout=30)
    assert doc.status_code == 200, doc.text[:300]
    assert doc.headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    return doc.content


def test_plan_notice_opens_with_python_docx_in_the_official_layout(issued_plan):
    d = docx.Document(io.BytesIO(issued_plan))
    section = d.sections[0]
    assert abs(section.page_width.mm - 210) < 0.5 and abs(section.page_height.mm - 297) < 0.5
    assert abs(section.top_margin.mm - 37) < 0.5
    assert abs(section.left_margin.mm - 28) < 0.5
    text = "\n".join(p.text for p in d.paragraphs)
    assert "关于印发" in text and f"{YEAR}年度双月协商座谈会计划" in text
    assert "安政协办联发〔2023〕9号" in text
    tables = [t for t in d.tables if any("协商议题" in c.text for c in t.rows[0].cells)]
    assert tables, "the plan table is missing"
    body = "\n".join(c.text for row in tables[0].rows for c in row.cells)
    assert "推进安化黑茶产业高质量发展" in body and "与县政协全体会议合并进行" in body


def test_plan_notice_renders_in_libreoffice_as_a4(issued_plan, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed")
    src = tmp_path / "notice.docx"
    src.write_bytes(issued_plan)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, timeout=180,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pdf = (tmp_path / "notice.pdf").read_bytes()
    sizes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert sizes, "no page in the PDF"
    for w, h in sizes:
        assert abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1, f"page is {w}x{h} pt, not A4"
    if shutil.which("pdftoppm"):
        ARTIFACTS.mkdir(exist_ok=True)
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(tmp_path / "notice.pdf"), str(ARTIFACTS / "plan-notice")],
                       check=True, timeout=120)
