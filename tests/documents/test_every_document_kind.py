"""Every kind of document the system generates, rendered with LibreOffice and measured (issue 20).

A private demo server carries one symposium through its life through the JSON API — the
2026 plan issued (and a 2027 plan still a draft), the implementation plan adopted, invitees
confirmed, materials uploaded, the meeting held, its record drafted and issued, outcomes in
the three forms drafted and numbered — and this module downloads each document the pages
offer, adds the writer's samples (`xieshang document-sample --kind`), converts all to PDF with
LibreOffice and checks, from the PDF's text and geometry:

* a full body line holds 28 characters: no line ends while the next character would fit;
* no character of the document is lost on the page (line-end punctuation was);
* the issued plan notice is the same file after an adjustment, which has its own 调整通知;
* no seal is drawn; a red head carries its document number, a draft its mark;
* the 版记's last rule lies on the type area's bottom edge, on an even last page;
* the page-number dashes lie 7 mm below the type area, odd pages right, even left;
* titles break outside the words of the glossary; no page starts with a blank line; the
  signature and date never stand alone on a page.

The first and last page of each kind go to tests/artifacts/document-kind-KIND-{first,last}.png,
and the measurements to tests/artifacts/document-kinds.txt.

Debian packages: libreoffice-writer-nogui poppler-utils fonts-noto-cjk; PyPI: pdfplumber.
"""

from __future__ import annotations

import collections
import io
import os
import re
import subprocess
from pathlib import Path

import pytest

import render
from harness import ARTIFACTS, REPO_ROOT, DemoServer
from live_setup import advance_clock, ok, prepare_live_symposium, write_clock

docx = pytest.importorskip("docx")
pdf_layout = pytest.importorskip("pdf_layout")
from pdf_layout import BOTTOM, LEFT, NO_LINE_END, NO_LINE_START, RIGHT, TOP, Document  # noqa: E402

BIN = Path(os.environ.get("XIESHANG_BIN", REPO_ROOT / ".build/debug/xieshang"))
DAY_AFTER = "2026-12-18T01:00:00Z"

# Words a title may not break inside: DESIGN.md's glossary and the names of the documents.
GLOSSARY = [
    "县政协", "双月协商座谈会", "年度协商计划", "议题建议", "牵头委室", "分管副主席", "秘书长", "主席会议",
    "专家学者", "有关部门", "实施方案", "部署动员会", "工作协调会", "专题调研", "民主评议", "实地考察",
    "预约邀请", "正式通知", "邀请函", "出席人员名单", "中心发言", "预约发言", "自由发言", "互动回应", "文稿材料",
    "参阅资料", "涉密程度", "发放范围", "协商成果", "政协参阅件", "建议案", "落实事项", "工作日", "放假安排通知",
    "补充通知", "座次表", "站内通知", "委员会", "人民政府", "办公室", "工作情况报告", "成果汇总", "会议纪要",
    "政协安化县委员会", "高质量发展", "全产业链",
]

# What each kind must be: a red head with its number, or a plain paper, with a draft mark or not.
RED_HEAD, PLAIN, LETTER, MINUTES = "red head", "plain", "letter", "minutes"
KINDS: dict[str, tuple[str, str | None]] = {
    "sample-notice": (RED_HEAD, None),
    "sample-letter": (LETTER, None),
    "sample-minutes": (MINUTES, None),
    "plan-notice-draft": (PLAIN, "草稿"),
    "plan-notice": (RED_HEAD, None),
    "plan-adjustment-notice": (PLAIN, "草稿"),
    "implementation-plan": (PLAIN, None),
    "letter-member": (LETTER, None),
    "letter-expert": (LETTER, None),
    "letter-leader": (LETTER, None),
    "attendee-list": (PLAIN, None),
    "agenda": (PLAIN, None),
    "packet": (PLAIN, None),
    "minutes-draft": (MINUTES, "征求意见稿"),
    "minutes": (MINUTES, None),
    "reference-brief-draft": (PLAIN, "草稿"),
    "reference-brief": (RED_HEAD, None),
    "recommendation-draft": (PLAIN, "草稿"),
    "recommendation": (RED_HEAD, None),
    "proposal": (PLAIN, None),
    "summary": (PLAIN, None),
    "annual-report": (PLAIN, None),
}

BRIEFING_TEXT = [
    "近年来，全县上下坚持把黑茶产业作为富民强县的第一支柱产业，聚焦种植、加工、品牌、文旅、科技五个环节，"
    "推动全产业链高质量发展，全县茶园面积、加工产值、综合产值均创历史新高。",
    "一、产业发展基本情况",
    "全县现有茶园面积三十六万亩，其中有机茶园、绿色食品茶园认证面积逐年扩大；规模以上茶叶加工企业八十余家，"
    "其中国家级、省级龙头企业十余家，茶叶加工量、综合产值、税收贡献稳步增长，带动了农民就业和增收。",
    "二、存在的主要问题",
    "一是精深加工不足，产品同质化，附加值不高；二是品牌杂、标准不一，市场秩序有待规范；三是茶旅融合层次较浅，"
    "文化挖掘不够，业态单一；四是科技支撑薄弱，人才短缺，机械化、数字化水平不高。",
    "三、下一步工作打算",
    "坚持标准引领、品牌带动、科技赋能，加快建设现代茶业产业体系，推进茶园提质、加工提效、品牌提升、文旅融合，"
    "力争到二〇三〇年，全县茶叶综合产值再上新台阶，让更多茶农、茶企分享产业发展红利。",
]

OUTCOME_BODY = """一、基本情况
黑茶产业是我县第一支柱产业，去年综合产值突破三百亿元。会上，委员、专家学者围绕精深加工、品牌建设、茶旅融合等提出了意见建议。
二、存在的问题
（一）精深加工不足。产品以初制茶和传统紧压茶为主，精深加工产品少，附加值不高，产业链条短。
（二）品牌杂、标准不一。区域公用品牌和企业品牌关系尚未理顺，部分产品质量参差不齐，市场秩序有待规范。
三、意见建议
（一）做强精深加工。支持龙头企业建设精深加工生产线，开发茶饮料、茶食品、茶保健品等新产品，延长产业链、提升价值链。
（二）规范品牌和标准。完善地方标准体系，加强地理标志保护和品牌宣传，严厉打击假冒伪劣行为，维护良好市场秩序。
（三）深化茶旅融合。依托万里茶道等文化资源，打造精品茶旅线路，发展茶文化体验、研学等新业态，促进三产融合发展。"""


# ---------------------------------------------------------------- producing every kind

def _make_docx(paragraphs: list[str]) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _person(session, base: str, name: str) -> int:
    return ok(session.get(f"{base}/api/v1/persons", params={"q": name}, timeout=30))["items"][0]["id"]


def _download(session, url: str, target: Path, method: str = "GET") -> Path:
    r = session.request(method, url, timeout=60)
    assert r.status_code == 200, f"{url}: HTTP {r.status_code} {r.text[:300]}"
    assert r.content[:2] == b"PK", f"{url} is not a DOCX"
    target.write_bytes(r.content)
    return target


def _samples(out: Path, data_dir: Path) -> dict[str, Path]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "XIESHANG_URL")}
    env["XIESHANG_DATA_DIR"] = str(data_dir)
    paths = {}
    for kind in ("notice", "letter", "minutes"):
        path = out / f"sample-{kind}.docx"
        run = subprocess.run([str(BIN), "document-sample", str(path), "--kind", kind], cwd=REPO_ROOT, env=env,
                             stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, f"document-sample --kind {kind}:\n{run.stdout}\n{run.stderr}"
        paths[f"sample-{kind}"] = path
    return paths


def _server_documents(base: str, clock: Path, out: Path) -> dict[str, Path]:
    paths: dict[str, Path] = {}
    live = prepare_live_symposium(base, clock_file=clock, members=4)
    B, sid, office, committee = base, live.sid, live.office, live.committee
    S = f"{B}/api/v1/symposia/{sid}"

    # Next year's plan, not yet issued: its notice is a draft.
    ok(office.post(f"{B}/api/v1/plans", json={"year": 2027}, timeout=30))
    lead = {c["name"]: c["id"] for c in ok(office.get(f"{B}/api/v1/committees", timeout=30))}["农业农村委员会"]
    ok(office.put(f"{B}/api/v1/plans/2027/topics", timeout=30, json={"version": 1, "topics": [
        dict(title="推进安化黑茶全产业链高质量发展", leadCommitteeID=lead, month=6),
        dict(title="加强农村饮用水安全保障", leadCommitteeID=lead, month=9)]}))
    paths["plan-notice-draft"] = _download(office, f"{B}/plans/2027/notice.docx", out / "plan-notice-draft.docx")
    paths["plan-notice"] = _download(office, f"{B}/plans/2026/notice.docx", out / "plan-notice.docx")
    # An adjustment (二.2) leaves the issued notice as it was and has its own notice.
    plan = ok(office.get(f"{B}/api/v1/plans/2026", timeout=30))
    first = next(t for t in plan["topics"] if t["month"] == 2)
    ok(office.post(f"{B}/api/v1/plans/2026/adjustments", timeout=30, json={
        "version": plan["version"], "topicID": first["id"], "title": "全面推进乡村振兴、巩固拓展脱贫攻坚成果",
        "leadCommitteeID": lead, "month": 2, "reason": "县委调整了全体会议的协商重点"}))
    again = office.get(f"{B}/plans/2026/notice.docx", timeout=60).content
    assert again == paths["plan-notice"].read_bytes(), "the issued notice changed after an adjustment"
    paths["plan-adjustment-notice"] = _download(office, f"{B}/plans/2026/adjustment-notice.docx",
                                                out / "plan-adjustment-notice.docx")

    # An expert among the invitees, for the expert's letter.
    expert = _person(office, B, "黄振宇")
    ok(committee.post(f"{S}/invitees", json={"personID": expert, "reason": "茶产业专家"}, timeout=30))
    ok(committee.post(f"{S}/invitees/pre-invite", timeout=30))
    ok(committee.post(f"{S}/invitees/{expert}/answer", json={"answer": "confirm"}, timeout=30))
    symposium = ok(office.get(S, timeout=30))
    by_category = collections.defaultdict(list)
    for i in symposium["invitees"]:
        if i["state"] in ("confirmed", "notified"):
            by_category[i["category"]].append(i["personID"])
    P = f"{B}/symposia/{sid}"
    paths["implementation-plan"] = _download(committee, f"{P}/plan.docx", out / "implementation-plan.docx")
    for kind, category in (("member", "members"), ("expert", "experts"), ("leader", "leaders")):
        person = by_category[category][0]
        paths[f"letter-{kind}"] = _download(office, f"{P}/invitees/{person}/letter.docx", out / f"letter-{kind}.docx")
    paths["attendee-list"] = _download(office, f"{P}/attendees.docx", out / "attendee-list.docx")
    paths["agenda"] = _download(office, f"{P}/agenda.docx", out / "agenda.docx")

    # Materials: a classified department briefing and the keynote, both with text, in a member's packet.
    departments = {d["name"]: d["id"] for d in ok(office.get(f"{B}/api/v1/departments", timeout=30))}
    briefing = ok(office.post(f"{S}/materials", timeout=30, json={
        "kind": "departmentBriefing", "title": "全县黑茶产业发展情况汇报", "departmentID": departments["县农业农村局"],
        "due": "2026-12-10", "secrecy": "secret", "secrecyPeriod": "1年",
        "distribution": {"scope": "attendingOnly"}}))
    keynote = ok(committee.post(f"{S}/materials", timeout=30, json={
        "kind": "keynote", "title": "关于推进安化黑茶全产业链高质量发展的调研报告", "due": "2026-12-10",
        "secrecy": "internal", "distribution": {"scope": "attendingOnly"}}))
    for material, who in ((briefing, office), (keynote, committee)):
        files = {"file": ("材料.docx", _make_docx(BRIEFING_TEXT),
                          "application/vnd.openxmlformats-officedocument.wordprocessingml.document")}
        r = who.post(f"{B}/api/v1/materials/{material['id']}/versions", files=files, timeout=60)
        if r.status_code >= 400 and who is office:
            r = committee.post(f"{B}/api/v1/materials/{material['id']}/versions", files=files, timeout=60)
        ok(r)
    member = by_category["members"][0]
    # Compiling a packet numbers it (份号): a POST (the session carries the CSRF token).
    paths["packet"] = _download(office, f"{P}/packets/{member}", out / "packet.docx", method="POST")

    # The meeting: briefing, keynote and a booked speech, then the end; the record is drafted.
    live.post("start")
    for segment in ("departmentBriefing", "keynote", "bookedSpeech"):
        live.post("next")
        advance_clock(clock, 420)
        live.post("end-speech")
        if segment != "bookedSpeech":
            live.post("advance")
    live.post("end")
    write_clock(clock, DAY_AFTER)
    office, committee = live.login("office"), live.login("committee")
    record = ok(committee.get(f"{S}/record", timeout=30))
    text = record["text"] + "\n三、主要意见建议\n与会委员、专家学者认为，要做强精深加工，规范品牌和标准，深化茶旅融合，加快建设现代茶业产业体系。"
    ok(committee.put(f"{S}/record", json={"text": text}, timeout=30))
    paths["minutes-draft"] = _download(office, f"{P}/record.docx", out / "minutes-draft.docx")
    ok(office.post(f"{S}/record/issue", json={"number": "第3期"}, timeout=30))
    paths["minutes"] = _download(office, f"{P}/record.docx", out / "minutes.docx")

    # Outcomes in the three forms; the brief and the recommendation drafted, then numbered.
    leaders = ok(office.get(f"{B}/api/v1/persons", params={"kind": "leader"}, timeout=30))["items"]
    titles = {"referenceBrief": "关于推进安化黑茶全产业链高质量发展的调研报告",
              "recommendation": "关于“推进安化黑茶全产业链高质量发展”的建议案",
              "proposal": "关于加快推进黑茶精深加工提升产业附加值的提案"}
    numbers = {"referenceBrief": "安政协参〔2026〕5号", "recommendation": "安政协建〔2026〕2号"}
    names = {"referenceBrief": "reference-brief", "recommendation": "recommendation", "proposal": "proposal"}
    for form, title in titles.items():
        o = ok(office.post(f"{S}/outcomes", json={"form": form, "title": title, "body": OUTCOME_BODY}, timeout=30))
        url = f"{B}/outcomes/{o['id']}/document.docx"
        if form == "proposal":
            paths["proposal"] = _download(office, url, out / "proposal.docx")
            continue
        paths[f"{names[form]}-draft"] = _download(office, url, out / f"{names[form]}-draft.docx")
        recipients = [{"kind": "leader", "id": leaders[0]["id"]},
                      {"kind": "department", "id": departments["县农业农村局"], "handles": True}]
        ok(office.put(f"{B}/api/v1/outcomes/{o['id']}", timeout=30, json={
            "version": o["version"], "title": title, "body": OUTCOME_BODY, "form": form,
            "recipients": recipients, "documentNumber": numbers[form]}))
        paths[names[form]] = _download(office, url, out / f"{names[form]}.docx")

    paths["summary"] = _download(office, f"{B}/summaries/2026/report.docx", out / "summary.docx")
    paths["annual-report"] = _download(office, f"{B}/reports/2026/annual.docx", out / "annual-report.docx")
    return paths


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    if why := render.missing_tools():
        pytest.skip(f"{why}: documents not rendered")
    if not BIN.exists():
        pytest.fail(f"{BIN} not found: run `swift build --product xieshang` (or set XIESHANG_BIN)")
    out = tmp_path_factory.mktemp("every-kind")
    clock = tmp_path_factory.mktemp("clock") / "now.txt"
    write_clock(clock, "2026-11-20T01:00:00Z")
    paths = _samples(out, tmp_path_factory.mktemp("sample-data"))
    # A classified deployment (涉密信息系统): only there is a 秘密 material's text printed in a
    # packet, with the marking and 份号 whose layout these tests check.
    server = DemoServer("every-kind", env={"XIESHANG_CLOCK_FILE": str(clock),
                                          "XIESHANG_SYSTEM_CLASSIFICATION": "classified"}).start()
    try:
        paths.update(_server_documents(server.url, clock, out))
    finally:
        server.stop()
    assert set(paths) == set(KINDS), f"kinds not produced: {set(KINDS) - set(paths)}"
    pdfs = render.to_pdf(paths, tmp_path_factory.mktemp("every-kind-pdf"))
    found = {kind: Document(kind, paths[kind], pdfs[kind]) for kind in KINDS}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "document-kinds.txt").write_text("")
    for stale in ARTIFACTS.glob("document-kind-*.png"):
        stale.unlink()
    for kind, d in found.items():
        d.write_png(1, ARTIFACTS / f"document-kind-{kind}-first.png")
        d.write_png(d.page_count, ARTIFACTS / f"document-kind-{kind}-last.png")
    return found


def each(documents, check) -> None:
    """Runs `check(document)` for every kind; fails naming every kind that failed and why."""
    failures = []
    for kind, d in documents.items():
        try:
            check(d)
        except AssertionError as e:
            failures.append(f"{kind}: {e}")
    assert not failures, "\n".join(failures)


# ---------------------------------------------------------------- 28 characters, nothing lost

def test_a_full_body_line_holds_28_characters(documents):
    counts = collections.Counter()

    def check(d: Document):
        for line, following in d.full_lines():
            cells = d.cells(line)
            assert line.x1 <= RIGHT + 0.6, f"page {line.page}: “{line.text}” runs {line.x1 - RIGHT:.1f} mm past the type area"
            assert cells <= 28.1, f"page {line.page}: “{line.text}” holds {cells:.2f} characters"
            if line.chars and all(not c["text"].isascii() for c in line.chars) and line.x0 < LEFT + 1:
                counts[len(line.chars)] += 1
            if following is None or following.page != line.page or following.x0 > LEFT + 12:
                continue
            # The line ended because the next character did not fit with it — and with the
            # character it may not be parted from (行首行尾禁则): an opening mark and what
            # follows it, a character and the closing mark after it.
            # A run of Latin letters or digits (a number, a phone) is one word, and stays with
            # the closing marks before it ("》，2027年").
            rest, n = following.chars, 1
            if rest[0]["text"] in NO_LINE_END:
                n = 2
            while n < len(rest) and (rest[n]["text"] in NO_LINE_START
                                     or pdf_layout.latin(rest[n]) and (pdf_layout.latin(rest[n - 1]) or rest[n - 1]["text"] in NO_LINE_START)):
                n += 1
            more = rest[:n]
            then = following.chars[len(more)] if len(following.chars) > len(more) else None
            wanted = Document.indent(line) + pdf_layout.natural_width(line.chars + more, then)
            assert wanted > 28 + 0.05 or line.chars[-1]["text"] in NO_LINE_END, \
                f"page {line.page}: “{line.text}” ends early: “{''.join(c['text'] for c in more)}” would fit ({wanted:.2f})"

    each(documents, check)
    (ARTIFACTS / "document-kinds.txt").open("a").write(f"full lines of Chinese from the margin: {dict(counts)}\n")
    assert counts, "no full line of Chinese measured"
    assert counts.most_common(1)[0][0] == 28, f"characters on a full line: {dict(counts)}"
    assert set(counts) <= {27, 28}, f"characters on a full line: {dict(counts)}"


def test_no_character_is_lost_on_the_page(documents):
    lost_total = collections.Counter()

    def check(d: Document):
        wanted = collections.Counter(c for c in d.docx_text() if not c.isspace())
        printed = collections.Counter(c for c in d.pdf_text() if not c.isspace())
        lost = wanted - printed
        lost_total.update(lost)
        assert not lost, f"in the DOCX, not on the page: {dict(lost)}"

    try:
        each(documents, check)
    finally:
        (ARTIFACTS / "document-kinds.txt").open("a").write(f"characters lost: {dict(lost_total)}\n")


# ---------------------------------------------------------------- masthead, seal, drafts

def test_no_seal_is_drawn(documents):
    def check(d: Document):
        # A seal's place would be a circle of some 42 mm; rules are flat.
        circles = [c for c in d.curves if c[1] > 20 and c[2] > 20]
        assert not circles, f"a circle drawn (a seal?): {circles[:3]}"
        assert not d.docx_has("v:oval") and 'prst="ellipse"' not in d.docx.read_bytes().decode("latin-1")

    each(documents, check)


def test_a_red_head_carries_its_number_and_a_draft_its_mark(documents):
    def check(d: Document):
        layout, mark = KINDS[d.kind]
        first = d.pages(1)
        text = "".join(line.text for line in first)
        red = "".join(line.text for line in first if line.is_red())
        if layout == RED_HEAD:
            assert "文件" in red, f"no red “…文件” mark: {red!r}"
            assert re.search(r"〔20\d\d〕[1-9]\d*号", text), "a red head without its 发文字号"
        elif layout == PLAIN:
            assert not red, f"red ink on a plain paper: {red!r}"
        if mark:
            assert f"（{mark}）" in text, f"no “（{mark}）” on page 1"
        else:
            assert "草稿" not in text and "征求意见稿" not in text

    each(documents, check)


# ---------------------------------------------------------------- titles

def test_titles_break_outside_the_words_of_the_glossary(documents):
    broken = []

    def check(d: Document):
        for block in d.title_blocks():
            if len(block) < 2:
                continue
            lines = [line.text for line in block]
            broken.append(" / ".join(lines))
            joined = "".join(lines)
            cuts, at = [], 0
            for line in lines[:-1]:
                at += len(line)
                cuts.append(at)
            for word in GLOSSARY:
                for m in re.finditer(re.escape(word), joined):
                    for cut in cuts:
                        assert not (m.start() < cut < m.end()), f"“{word}” split: {' / '.join(lines)}"
            for line in lines:
                assert line[0] not in NO_LINE_START and line[-1] not in NO_LINE_END, f"a mark out of place: {lines}"
            # Centred, each line within the type area.
            for line in block:
                assert abs((line.x0 + line.x1) / 2 - (LEFT + RIGHT) / 2) < 3, f"“{line.text}” not centred"

    each(documents, check)
    (ARTIFACTS / "document-kinds.txt").open("a").write("titles:\n  " + "\n  ".join(broken) + "\n")
    assert broken, "no title of several lines measured"


# ---------------------------------------------------------------- page ends

def test_the_record_ends_on_the_type_areas_bottom_on_an_even_page(documents):
    measured = []

    def check(d: Document):
        # A letter keeps only 抄送, without rules (GB/T 9704 §10.1).
        if not d.has_record() or KINDS[d.kind][0] == LETTER:
            return
        rules = d.record_rules()
        assert rules, "no rule across the type area on the last page"
        last = max(rules, key=lambda r: r[1])
        edge = last[1] + last[4] / 2
        measured.append(f"{d.kind}: {edge - BOTTOM:+.2f} mm, {d.page_count} pages")
        assert abs(edge - BOTTOM) <= 0.5, f"the 版记's last rule ends {edge - BOTTOM:+.2f} mm from the type area's bottom"
        assert d.page_count % 2 == 0, f"the 版记 is on page {d.page_count}, an odd page"

    each(documents, check)
    (ARTIFACTS / "document-kinds.txt").open("a").write("版记 last rule vs type area bottom:\n  " + "\n  ".join(measured) + "\n")
    assert measured


def test_page_number_dashes_lie_7_mm_below_the_type_area(documents):
    measured = []

    def check(d: Document):
        numbered = d.numbered_pages()
        if KINDS[d.kind][0] != LETTER:
            assert 1 in numbered, "page 1 has no number"
        for page in numbered:
            found = d.dash_top(page)
            assert found, f"page {page}: no dashes found"
            top, left, right = found
            measured.append(top - BOTTOM)
            assert abs(top - BOTTOM - 7) <= 0.7, f"page {page}: the dash is {top - BOTTOM:.1f} mm below the type area"
            # One character (4号) in from the outer edge: odd pages right, even pages left.
            inset = 14 * 25.4 / 72
            if page % 2:
                assert abs(right - (RIGHT - inset)) <= 1.2, f"page {page}: number ends at {right:.1f} mm"
            else:
                assert abs(left - (LEFT + inset)) <= 1.2, f"page {page}: number starts at {left:.1f} mm"

    each(documents, check)
    if measured:
        (ARTIFACTS / "document-kinds.txt").open("a").write(
            f"page-number dash below the type area: {min(measured):.2f}–{max(measured):.2f} mm\n")


def test_no_page_starts_with_a_blank_line(documents):
    def check(d: Document):
        for page in range(2, d.page_count + 1):
            lines = [line for line in d.pages(page) if TOP - 5 < line.top < BOTTOM]
            rules = [r for r in d.rules if r[0] == page and TOP - 1 < r[1] < BOTTOM]
            if not lines:
                continue   # the blank page before an even 版记 page
            if all(abs(line.size - 14) < 0.3 for line in lines) and d.has_record() and page == d.page_count:
                continue   # the 版记 alone, at the foot
            first = min([line.top for line in lines] + [r[1] for r in rules])
            assert first < TOP + 5, f"page {page} starts {first - TOP:.1f} mm below the type area's top"

    each(documents, check)


ORGAN_ENDINGS = ("办公室", "委员会", "人民政府", "政协")


def test_signature_and_date_never_stand_alone_on_a_page(documents):
    def check(d: Document):
        for page in range(1, d.page_count + 1):
            body = [line for line in d.pages(page) if abs(line.size - 16) < 0.3 and TOP - 5 < line.top < BOTTOM]
            dates = [line for line in body if re.fullmatch(r"20\d\d年\d{1,2}月\d{1,2}日", line.text)]
            if not dates or page == 1:
                continue
            others = [line for line in body if line not in dates
                      and not all(seg.endswith(ORGAN_ENDINGS) for seg in line.segments())
                      and not re.fullmatch(r"（.*）", line.text)]
            assert others, f"page {page} holds only the signature and date: {[l.text for l in body]}"

    each(documents, check)


def test_kinds_measured(documents):
    summary = [f"{kind}: {d.page_count} pages" for kind, d in documents.items()]
    (ARTIFACTS / "document-kinds.txt").open("a").write("kinds:\n  " + "\n  ".join(summary) + "\n")
    for kind in documents:
        for which in ("first", "last"):
            png = ARTIFACTS / f"document-kind-{kind}-{which}.png"
            assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
