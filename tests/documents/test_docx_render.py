"""Render checks of the official documents the CLI writes (GB/T 9704-2012 layout).

`xieshang document-sample OUT.docx --kind notice|letter|minutes` writes one realistic document
per format (文件格式, 信函格式, 纪要格式). This module builds nothing: it runs the binary
(XIESHANG_BIN, default .build/debug/xieshang), then

* opens each DOCX with python-docx and checks paper, margins, fonts and the title;
* if LibreOffice is installed, converts them to PDF and checks the PDF is A4 with the
  masthead, rules and page numbers where the standard puts them (measured on a 150 dpi
  raster, ±1.5 mm), and writes page 1 at 60 dpi to tests/artifacts/document-KIND.png for
  people to look at. Without LibreOffice that part is skipped, saying so.

Debian packages for the PDF part: libreoffice-writer-nogui poppler-utils fonts-noto-cjk.
The DOCX names the fonts county PCs have (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312); a
private fontconfig file maps them to Noto CJK for LibreOffice, as DESIGN.md prescribes.

    .venv/bin/python -m pytest tests/documents
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

import render

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, RGBColor  # noqa: E402

from harness import ARTIFACTS, REPO_ROOT  # noqa: E402

BIN = Path(os.environ.get("XIESHANG_BIN", REPO_ROOT / ".build/debug/xieshang"))
KINDS = ["notice", "letter", "minutes"]
# Text that must appear in each sample: its title (or, for minutes, its mark).
TITLES = {
    "notice": ["关于印发《政协安化县委员会", "2027年度双月协商座谈会计划》的通知"],
    "letter": ["关于参加2026年第三次", "双月协商座谈会的邀请函"],
    "minutes": ["安化县政协双月协商座谈会纪要"],
}
TOLERANCE_MM = 1.5



# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not BIN.exists():
        pytest.fail(f"{BIN} not found: run `swift build --product xieshang` (or set XIESHANG_BIN)")
    out = tmp_path_factory.mktemp("docx")
    # Every command migrates its SQLite database first: give it a throwaway one.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "XIESHANG_URL")}
    env["XIESHANG_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    paths = {}
    for kind in KINDS:
        path = out / f"{kind}.docx"
        run = subprocess.run([str(BIN), "document-sample", str(path), "--kind", kind], cwd=REPO_ROOT, env=env,
                             stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, f"document-sample --kind {kind} failed:\n{run.stdout}\n{run.stderr}"
        assert path.stat().st_size > 0
        paths[kind] = path
    return paths


@pytest.fixture(scope="module")
def pdfs(samples: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if why := render.missing_tools():
        pytest.skip(f"{why}: PDF rendering not checked")
    return render.to_pdf(samples, tmp_path_factory.mktemp("pdf"))


# ---------------------------------------------------------------- DOCX (python-docx)

def near(length, mm: float) -> bool:
    return abs(length - Mm(mm)) <= Mm(0.1)


@pytest.mark.parametrize("kind", KINDS)
def test_section_is_a4_with_gbt9704_margins(samples, kind):
    document = docx.Document(str(samples[kind]))
    for section in document.sections:
        assert near(section.page_width, 210) and near(section.page_height, 297)
        assert near(section.top_margin, 37) and near(section.left_margin, 28)
        assert near(section.right_margin, 26) and near(section.bottom_margin, 35)
        assert section.different_first_page_header_footer == (kind == "letter")
    assert document.settings.odd_and_even_pages_header_footer


@pytest.mark.parametrize("kind", KINDS)
def test_fonts_are_the_official_ones(samples, kind):
    document = docx.Document(str(samples[kind]))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == "32"  # 3号, 16 pt
    east_asia = {s.style_id: s.element.rPr.rFonts.get(qn("w:eastAsia")) for s in document.styles
                 if s.element.rPr is not None and s.element.rPr.rFonts is not None}
    assert east_asia["DocTitle"] == "方正小标宋简体"     # 公文标题
    assert east_asia["OrganMark"] == "方正小标宋简体"    # 发文机关标志
    assert east_asia["Heading1"] == "黑体"               # 一、
    assert east_asia["Heading2"] == "楷体_GB2312"        # （一）
    assert document.styles["公文标题"].font.size.pt == 22  # 2号


@pytest.mark.parametrize("kind", KINDS)
def test_title_is_present(samples, kind):
    document = docx.Document(str(samples[kind]))
    text = "\n".join(p.text for p in document.paragraphs)
    for piece in TITLES[kind]:
        assert piece in text


def test_joint_organ_mark_is_red(samples):
    document = docx.Document(str(samples["notice"]))
    mark = document.tables[0]
    runs = [r for cell in mark._cells for p in cell.paragraphs for r in p.runs]
    assert [r.text for r in runs] == ["中共安化县委办公室", "安化县人民政府办公室", "政协安化县委员会办公室", "文件"]
    assert all(r.font.color.rgb == RGBColor(0xFF, 0, 0) for r in runs)


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
        for y in range(self.height):
            row = self.pixels[y * self.width * 3:(y + 1) * self.width * 3]
            xs = [x for x in range(self.width) if colour(row[3 * x], row[3 * x + 1], row[3 * x + 2])]
            if xs:
                found.append((y * mm, xs[0] * mm, xs[-1] * mm))
        return found


def red(r, g, b):
    return r > 180 and g < 100 and b < 100


def black(r, g, b):
    return r < 110 and g < 110 and b < 110


def test_pdf_pages_are_a4(pdfs):
    for kind, pdf in pdfs.items():
        pages, w, h = pdf_pages(pdf)
        assert abs(w - 595.28) < 1 and abs(h - 841.89) < 1, f"{kind}: {w} x {h} pt is not A4"
        assert pages >= 1
    # The invitation letter fits one page; the notice has its attachment on a page of its own.
    assert pdf_pages(pdfs["letter"])[0] == 1
    assert pdf_pages(pdfs["notice"])[0] >= 3


def test_pdf_text_has_the_titles(pdfs):
    for kind, pdf in pdfs.items():
        text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout.replace(" ", "").replace("\n", "")
        for piece in TITLES[kind]:
            assert piece in text, f"{kind}: “{piece}” not on page 1 (fonts missing?)"


@pytest.mark.parametrize("kind", ["notice", "minutes"])
def test_masthead_is_red_35mm_below_the_type_area_with_a_full_width_rule(pdfs, kind):
    page = Raster(pdfs[kind], 1)
    reds = page.rows(red)
    assert reds, "no red ink on page 1"
    assert abs(reds[0][0] - (37 + 35)) <= TOLERANCE_MM, f"mark starts {reds[0][0]:.1f} mm from the top"
    rules = [r for r in reds if r[2] - r[1] > 150]
    assert rules, "no red rule across the type area"
    assert abs(rules[0][1] - 28) <= TOLERANCE_MM and abs(rules[0][2] - 184) <= TOLERANCE_MM


def test_letter_masthead_and_double_rules(pdfs):
    page = Raster(pdfs["letter"], 1)
    reds = page.rows(red)
    assert abs(reds[0][0] - 30) <= TOLERANCE_MM, f"mark starts {reds[0][0]:.1f} mm from the top"
    rules = [r for r in reds if abs((r[2] - r[1]) - 170) <= TOLERANCE_MM]
    top = [r for r in rules if r[0] < 100]
    bottom = [r for r in rules if r[0] > 200]
    assert top and bottom, "the letter needs a double rule under the mark and another at the foot"
    # Each is a double rule: two bands of red rows with white between.
    for rule in (top, bottom):
        gaps = [b[0] - a[0] for a, b in zip(rule, rule[1:])]
        assert any(g > 0.3 for g in gaps), "a single rule where a double one belongs"
    assert abs(bottom[-1][0] - (297 - 20)) <= TOLERANCE_MM
    # No page number on page 1 of a letter: no black ink below the type area.
    assert not [r for r in page.rows(black) if r[0] > 37 + 225 + 2]


def test_page_numbers_alternate_sides(pdfs):
    for number, side in ((1, "right"), (2, "left")):
        page = Raster(pdfs["notice"], number)
        foot = [r for r in page.rows(black) if r[0] > 37 + 225 + 1]
        assert foot, f"no page number on page {number}"
        # The dashes (一字线) span "— n —"; the digit alone is narrow. Their top is 7 mm below the type area.
        dashes = [r for r in foot if r[2] - r[1] > 8]
        assert dashes, f"no dashes beside the page number on page {number}"
        assert abs(dashes[0][0] - (37 + 225 + 7)) <= TOLERANCE_MM, f"page-number dash {dashes[0][0]:.1f} mm from the top"
        left, right = min(r[1] for r in foot), max(r[2] for r in foot)
        if side == "right":
            assert right <= 184 and right > 170, f"odd page number ends at {right:.1f} mm"
        else:
            assert left >= 28 and left < 40, f"even page number starts at {left:.1f} mm"


def test_body_stays_in_the_type_area(pdfs):
    page = Raster(pdfs["notice"], 2)
    body = [r for r in page.rows(black) if r[0] < 37 + 225]
    assert min(r[1] for r in body) >= 28 - 0.5
    assert max(r[2] for r in body) <= 28 + 156 + 0.5
    assert body[0][0] >= 37 and body[-1][0] <= 37 + 225


def test_first_pages_are_rendered_for_people(pdfs):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for kind, pdf in pdfs.items():
        target = ARTIFACTS / f"document-{kind}"
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target)],
                       check=True, capture_output=True)
        png = target.with_suffix(".png")
        assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
