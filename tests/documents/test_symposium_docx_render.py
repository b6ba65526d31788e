"""Render checks of a symposium's documents as the server serves them (二.4, 三(一).3, 三(四).5).

A private demo server prepares one symposium through the JSON API (the 2026 plan issued, the
December symposium "推进安化黑茶全产业链高质量发展" created, its implementation plan adopted,
invitees confirmed, one department head declined), then this module downloads

* the implementation plan   GET /symposia/{id}/plan.docx
* an invitation letter      GET /symposia/{id}/invitees/{person}/letter.docx
* the attendee list         GET /symposia/{id}/attendees.docx

and checks them as tests/documents/test_docx_render.py checks the CLI's samples: with
python-docx (A4, GB/T 9704-2012 margins, 仿宋_GB2312 body at 3号, 方正小标宋简体 title, red
organ mark, the content), and, if LibreOffice and poppler are installed, as PDF (A4, the red
mark and rules where the standard puts them), writing the pages to
tests/artifacts/symposium-doc-KIND[-N].png for people to look at.

Debian packages for the PDF part: libreoffice-writer-nogui poppler-utils fonts-noto-cjk.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import render
import requests

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm  # noqa: E402

from harness import ARTIFACTS, DemoServer, http_login_session  # noqa: E402
from live_setup import edit  # noqa: E402

YEAR = 2026
TOPIC = "推进安化黑茶全产业链高质量发展"
PLACE = "县政协三楼第一会议室"
KINDS = ["plan", "letter", "attendees"]
TOLERANCE_MM = 1.5

PLAN_CONTENT = {
    "time": "2026年12月17日（星期四）上午9:00",
    "place": PLACE,
    "host": "县政协主席李永安",
    "topic": TOPIC,
    "invitees": "县委、县政府联系政协的领导和分管副县长，县政协领导；县政协各委室负责同志；"
                "县农业农村局、县茶业发展中心负责同志；委员6位左右；专家学者2—3位。",
    "agenda": "一、县农业农村局介绍情况（10分钟）\n二、农业农村委员会中心发言（10分钟）\n"
              "三、委员、专家学者预约发言（3位，每人8分钟）\n四、自由发言（每人5分钟）\n"
              "五、有关部门互动回应（每人5分钟）\n六、县领导讲话",
    "otherMatters": "会议材料由农业农村委员会汇总，会前3天送办公室印发。",
    "research": "11月中旬赴江南镇、小淹镇茶园和安化经济开发区黑茶企业专题调研，形成调研报告。",
}
PLAN_HEADINGS = ["一、时间", "二、地点", "三、主持人", "四、议题", "五、拟邀请出席人员", "六、议程",
                 "七、有关事项", "八、调研、视察、考察等前期准备工作安排"]
# name -> answer; the letter is the member's.
INVITEES = {"王梅生": "confirm", "符鹏飞": "confirm", "王光荣": "confirm", "姜茂林": "decline",
            "王淑贞": "confirm", "邹少华": "confirm", "黄振宇": "confirm", "夏自强": "confirm"}
LETTER_FOR = "王淑贞"
CATEGORY_TITLES = ["县委、县政府、县政协领导同志", "县政协各委室负责同志", "县委、县政府有关部门负责同志",
                   "政协委员", "专家学者"]

# As tests/documents/test_docx_render.py: the county PCs' font names mapped to Noto CJK.


# ---------------------------------------------------------------- the symposium, through the API

def api_session(base_url: str, username: str) -> requests.Session:
    s = http_login_session(base_url, username)
    token = re.search(r'name="_csrf" value="([^"]+)"', s.get(base_url + "/", timeout=15).text).group(1)
    s.headers["X-CSRF-Token"] = token
    return s


def ok(r: requests.Response):
    assert r.status_code < 400, f"{r.request.method} {r.url}: HTTP {r.status_code} {r.text[:300]}"
    return r.json()


def prepare_symposium(b: str) -> tuple[int, dict[str, int]]:
    """The issued plan, the symposium with its adopted plan and answered invitees: (id, person ids)."""
    office, committee, vice = (api_session(b, u) for u in ("office", "committee", "vicechair"))
    ok(office.post(f"{b}/api/v1/plans", json={"year": YEAR}, timeout=15))
    lead = {c["name"]: c["id"] for c in ok(office.get(f"{b}/api/v1/committees", timeout=15))}["农业农村委员会"]
    plan = ok(office.put(f"{b}/api/v1/plans/{YEAR}/topics", timeout=15, json={"version": 1, "topics": [
        dict(title="全面推进乡村振兴、巩固拓展脱贫攻坚成果", leadCommitteeID=lead, month=2),
        dict(title=TOPIC, rationale="茶产业是我县第一支柱产业，精深加工不足、品牌杂、标准不一。",
             leadCommitteeID=lead, month=12)]}))
    topic = next(t["id"] for t in plan["topics"] if t["month"] == 12)
    plan = ok(office.post(f"{b}/api/v1/plans/{YEAR}/topics/{topic}/date", timeout=15,
                          json={"date": "2026-12-17", "version": plan["version"]}))
    for action, reference in [("adopt", "十二届县政协第28次主席会议"), ("report", f"安政协党组〔{YEAR}〕12号"),
                              ("consent", "县委常委会会议纪要第35期"), ("issue", f"安政协办联发〔{YEAR}〕1号")]:
        plan = ok(office.post(f"{b}/api/v1/plans/{YEAR}/steps", timeout=15, json={
            "action": action, "reference": reference, "date": "2026-11-20", "version": plan["version"]}))

    def person(name: str) -> int:
        found = ok(office.get(f"{b}/api/v1/persons", params={"q": name}, timeout=15))["items"]
        return next(p["id"] for p in found if p["name"] == name)

    vice_chair = person("陶和平")
    s = ok(office.post(f"{b}/api/v1/symposia", json={"year": YEAR, "topicID": topic, "viceChairInChargeID": vice_chair},
                       timeout=15))
    sid = s["id"]
    root = f"{b}/api/v1/symposia/{sid}"
    ok(edit(office, "PUT", f"{root}/arrangements", root, {
        "place": PLACE, "startTime": "上午9:00", "viceChairInChargeID": vice_chair}))
    ok(edit(committee, "POST", f"{root}/implementation-plan", root, {"action": "submit", "content": PLAN_CONTENT}))
    ok(edit(vice, "POST", f"{root}/implementation-plan", root, {"action": "sign", "note": "同意"}))
    ok(edit(office, "POST", f"{root}/implementation-plan", root, {"action": "adopt", "note": "十二届县政协第31次主席会议"}))
    ids = {name: person(name) for name in INVITEES}
    for name, pid in ids.items():
        ok(committee.post(f"{b}/api/v1/symposia/{sid}/invitees", json={"personID": pid, "reason": "与议题相关"}, timeout=15))
    ok(committee.post(f"{b}/api/v1/symposia/{sid}/invitees/pre-invite", timeout=15))
    for name, answer in INVITEES.items():
        ok(committee.post(f"{b}/api/v1/symposia/{sid}/invitees/{ids[name]}/answer", json={"answer": answer}, timeout=15))
    return sid, ids


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    server = DemoServer("symposium-docs").start()
    try:
        sid, ids = prepare_symposium(server.url)
        committee = http_login_session(server.url, "committee")
        out = tmp_path_factory.mktemp("symposium-docx")
        paths = {}
        for kind, path in [("plan", "plan.docx"), ("letter", f"invitees/{ids[LETTER_FOR]}/letter.docx"),
                           ("attendees", "attendees.docx")]:
            r = committee.get(f"{server.url}/symposia/{sid}/{path}", timeout=30)
            assert r.status_code == 200, f"{path}: HTTP {r.status_code}"
            assert r.headers["content-type"].startswith(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), r.headers["content-type"]
            assert ".docx" in r.headers.get("content-disposition", ""), r.headers.get("content-disposition")
            paths[kind] = out / f"{kind}.docx"
            paths[kind].write_bytes(r.content)
        return paths
    finally:
        server.stop()


@pytest.fixture(scope="module")
def pdfs(documents: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if why := render.missing_tools():
        pytest.skip(f"{why}: PDF rendering not checked")
    return render.to_pdf(documents, tmp_path_factory.mktemp("symposium-pdf"))


# ---------------------------------------------------------------- DOCX (python-docx)

def near(length, mm: float) -> bool:
    return abs(length - Mm(mm)) <= Mm(0.1)


def paragraphs(document) -> list:
    found = list(document.paragraphs)
    for table in document.tables:
        for cell in table._cells:
            found += cell.paragraphs
    return found


def text_of(document) -> str:
    return "\n".join(p.text for p in paragraphs(document))


@pytest.mark.parametrize("kind", KINDS)
def test_a4_with_gbt9704_margins(documents, kind):
    document = docx.Document(str(documents[kind]))
    for section in document.sections:
        assert near(section.page_width, 210) and near(section.page_height, 297)
        assert near(section.top_margin, 37) and near(section.left_margin, 28)
        assert near(section.right_margin, 26) and near(section.bottom_margin, 35)
    # Letters carry no page number on page 1 (信函格式).
    assert document.sections[0].different_first_page_header_footer == (kind == "letter")


@pytest.mark.parametrize("kind", KINDS)
def test_body_is_fangsong_3hao_and_title_xiaobiaosong(documents, kind):
    document = docx.Document(str(documents[kind]))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == "32"  # 3号
    titles = [p for p in document.paragraphs if p.style.style_id == "DocTitle" and p.text.strip()]
    assert titles, f"{kind}: no paragraph in the 公文标题 style"
    assert document.styles["公文标题"].element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    # Nothing in the body overrides the body font with something else.
    body_fonts = {r.element.rPr.rFonts.get(qn("w:eastAsia"))
                  for p in document.paragraphs if p.style.style_id in ("Normal", "BodyText") for r in p.runs
                  if r.element.rPr is not None and r.element.rPr.rFonts is not None}
    assert body_fonts <= {None, "仿宋_GB2312", "黑体", "楷体_GB2312"}, body_fonts


def red_runs(document) -> list[tuple[str, str | None]]:
    """Every red run of the body with its East Asian font, text boxes included."""
    marks = []
    for run in document.element.body.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        colour = rpr.find(qn("w:color")) if rpr is not None else None
        if colour is not None and colour.get(qn("w:val")).upper() == "FF0000":
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            if text.strip():
                fonts = rpr.find(qn("w:rFonts"))
                marks.append((text, fonts.get(qn("w:eastAsia")) if fonts is not None else None))
    return marks


@pytest.mark.parametrize("kind", ["plan", "attendees"])
def test_working_papers_carry_no_red_masthead(documents, pdfs, kind):
    # The implementation plan a committee submits and the attendee list printed for the
    # meeting are working papers, not red-head 文件 without a document number.
    assert red_runs(docx.Document(str(documents[kind]))) == [], kind
    assert not Raster(pdfs[kind], 1).rows(red), f"{kind}: red ink on page 1"


@pytest.mark.parametrize("kind", ["letter"])
def test_organ_mark_is_red_xiaobiaosong(documents, kind):
    document = docx.Document(str(documents[kind]))
    # Text boxes included: the letter's mark is a positioned text box.
    marks = red_runs(document)
    assert any("政协安化县委员会" in t for t, _ in marks), f"{kind}: no red organ mark, red runs: {marks}"
    assert all(font in (None, "方正小标宋简体") for _, font in marks), marks


def test_plan_has_the_eight_parts_in_order(documents):
    text = text_of(docx.Document(str(documents["plan"])))
    assert TOPIC in text and "实施方案" in text
    positions = [text.find(h) for h in PLAN_HEADINGS]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), list(zip(PLAN_HEADINGS, positions))
    for value in PLAN_CONTENT.values():
        for line in value.split("\n"):
            assert line in text, f"“{line}” is not in the plan"
    assert "十二届县政协第31次主席会议" in text


def test_letter_is_addressed_and_names_time_and_place(documents):
    text = text_of(docx.Document(str(documents["letter"])))
    assert f"尊敬的{LETTER_FOR}" in text, text[:300]
    assert "邀请函" in text and TOPIC in text and PLACE in text and "2026年12月17日" in text, text


def test_attendee_list_in_the_five_categories_without_who_declined(documents):
    text = text_of(docx.Document(str(documents["attendees"])))
    assert "出席人员名单" in text and TOPIC in text
    positions = [text.find(t) for t in CATEGORY_TITLES]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), list(zip(CATEGORY_TITLES, positions))
    for name, answer in INVITEES.items():
        assert (name in text) == (answer == "confirm"), f"{name} ({answer}) in the list: {name in text}"


# ---------------------------------------------------------------- PDF (LibreOffice, poppler)

def pdf_pages(pdf: Path) -> tuple[int, float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    w, h = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups())
    return pages, w, h


class Raster:
    """One page at 150 dpi, to find ink by colour in millimetres from the paper's top left."""

    DPI = 150

    def __init__(self, pdf: Path, page: int):
        ppm = subprocess.run(["pdftoppm", "-r", str(self.DPI), "-f", str(page), "-l", str(page), str(pdf)],
                             capture_output=True, check=True).stdout
        magic, size, _maxval, self.pixels = ppm.split(b"\n", 3)
        assert magic == b"P6"
        self.width, self.height = map(int, size.split())

    def rows(self, colour) -> list[tuple[float, float, float]]:
        """(y, leftmost x, rightmost x) in mm of every pixel row holding `colour`."""
        found = []
        mm = 25.4 / self.DPI
        stride = self.width * 3
        for y in range(self.height):
            row = self.pixels[y * stride:(y + 1) * stride]
            xs = [x for x in range(0, self.width) if colour(row[3 * x], row[3 * x + 1], row[3 * x + 2])]
            if xs:
                found.append((y * mm, xs[0] * mm, xs[-1] * mm))
        return found


def red(r, g, b):
    return r > 180 and g < 100 and b < 100


def test_pdf_pages_are_a4_and_the_letter_fits_one(pdfs):
    for kind, pdf in pdfs.items():
        _, w, h = pdf_pages(pdf)
        assert abs(w - 595.28) < 1 and abs(h - 841.89) < 1, f"{kind}: {w} x {h} pt is not A4"
    assert pdf_pages(pdfs["letter"])[0] == 1


def test_pdf_text_is_readable(pdfs):
    for kind, pdf in pdfs.items():
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout.replace(" ", "").replace("\n", "")
        assert TOPIC in text, f"{kind}: the topic is not in the PDF text (fonts missing?)"


def test_letter_masthead_and_double_rules(pdfs):
    reds = Raster(pdfs["letter"], 1).rows(red)
    assert reds and abs(reds[0][0] - 30) <= TOLERANCE_MM, f"mark starts {reds[0][0]:.1f} mm from the top"
    rules = [r for r in reds if abs((r[2] - r[1]) - 170) <= TOLERANCE_MM]
    top = [r for r in rules if r[0] < 100]
    bottom = [r for r in rules if r[0] > 200]
    assert top and bottom, "the letter needs a double rule under the mark and another at the foot"
    for rule in (top, bottom):
        gaps = [b[0] - a[0] for a, b in zip(rule, rule[1:])]
        assert any(g > 0.3 for g in gaps), "a single rule where a double one belongs"
    assert abs(bottom[-1][0] - (297 - 20)) <= TOLERANCE_MM


def test_pages_are_rendered_for_people(pdfs):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for stale in ARTIFACTS.glob("symposium-doc-*.png"):
        stale.unlink()
    for kind, pdf in pdfs.items():
        pages = pdf_pages(pdf)[0]
        for page in range(1, min(pages, 3) + 1):
            target = ARTIFACTS / (f"symposium-doc-{kind}" + (f"-{page}" if pages > 1 else ""))
            subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                            str(pdf), str(target)], check=True, capture_output=True)
            png = target.with_suffix(".png")
            assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
