"""What a rendered official document looks like on paper, read back from its PDF and DOCX.

The measurements of tests/documents/test_every_document_kind.py: text lines with their
characters (pdfplumber), the rules drawn, the ink of the page-number dashes (a raster from
poppler), and the text the DOCX holds, for comparison. Distances are in millimetres from the
paper's top left; the GB/T 9704-2012 type area is 156 × 225 mm, 37 mm from the top and 28 mm
from the left.
"""

from __future__ import annotations

import collections
import re
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import pdfplumber

PT = 25.4 / 72            # mm per point
TOP, LEFT, WIDTH, HEIGHT = 37.0, 28.0, 156.0, 225.0
RIGHT, BOTTOM = LEFT + WIDTH, TOP + HEIGHT
BODY_PT = 16.0            # 3号
TITLE_PT = 22.0           # 2号
# One body character as set: 28 a line across 156 mm (16 pt condensed by 0.25 pt).
CELL_PT = 15.75
NO_LINE_START = set("，。、；：？！）》」』”’〕】…·%")
NO_LINE_END = set("（《「『“‘〔【")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


@dataclass
class Line:
    """Characters on one baseline of one page, left to right."""
    page: int
    chars: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars) * PT

    @property
    def x0(self) -> float:
        return self.chars[0]["x0"] * PT

    @property
    def x1(self) -> float:
        return self.chars[-1]["x1"] * PT

    @property
    def size(self) -> float:
        return collections.Counter(round(c["size"], 1) for c in self.chars).most_common(1)[0][0]

    def is_red(self) -> bool:
        colour = self.chars[0].get("non_stroking_color")
        return isinstance(colour, (tuple, list)) and len(colour) == 3 and colour[0] > 0.7 and colour[1] < 0.4

    def segments(self, gap_mm: float = 8) -> list[str]:
        """The line's text split where characters stand far apart (tab stops)."""
        parts, current, last = [], "", None
        for c in self.chars:
            if last is not None and (c["x0"] - last) * PT > gap_mm and current.strip():
                parts.append(current.strip())
                current = ""
            current += c["text"]
            last = c["x1"]
        if current.strip():
            parts.append(current.strip())
        return parts


def advance(c) -> float:
    """A 3号 character's width as set, in body characters (full width 1, Latin narrower): its
    glyph's width less the 0.25 pt tracking, as the PDF's character boxes leave tracking out."""
    return (c["x1"] - c["x0"] - 0.25) / CELL_PT


# The space LibreOffice (like Word's "自动调整中文与西文间距") puts between Chinese and Latin
# letters or digits, on each side of a Latin run, in body characters.
AUTOSPACE = 0.22


def latin(c) -> bool:
    return c["text"].isascii()


def asian(c) -> bool:
    """An ideograph: marks (，〔》—…) take no gap beside Latin letters and digits."""
    return any(0x3400 <= ord(ch) <= 0x9FFF for ch in c["text"])


def gap(a, b) -> bool:
    return (latin(a) and asian(b)) or (asian(a) and latin(b))


def natural_width(chars: list, then=None) -> float:
    """Characters `chars` take set in a row, the gaps between Chinese and Latin included; `then`,
    the character that follows, adds the gap after a Latin run that ends next to it."""
    total = sum(advance(c) for c in chars)
    total += AUTOSPACE * sum(1 for a, b in zip(chars, chars[1:]) if gap(a, b))
    if then is not None and chars and latin(chars[-1]) and asian(then):
        total += AUTOSPACE
    return total


class Document:
    """One rendered document: its PDF's pages and lines, and its DOCX's text."""

    def __init__(self, kind: str, docx: Path, pdf: Path):
        self.kind, self.docx, self.pdf = kind, docx, pdf
        with pdfplumber.open(pdf) as p:
            self.page_count = len(p.pages)
            self.lines: list[Line] = []
            self.rules: list[tuple[int, float, float, float, float]] = []   # page, top, x0, x1, thickness (mm)
            self.curves: list[tuple[int, float, float]] = []                # page, width, height (mm)
            for number, page in enumerate(p.pages, start=1):
                rows: dict[float, list] = collections.defaultdict(list)
                for c in page.chars:
                    if c["text"].strip():
                        rows[round(c["bottom"] * 2) / 2].append(c)
                merged: list[list] = []
                for key in sorted(rows):
                    if merged and abs(key - merged[-1][0]) <= 1.0:
                        merged[-1][1].extend(rows[key])
                    else:
                        merged.append([key, list(rows[key])])
                for _, chars in merged:
                    self.lines.append(Line(number, sorted(chars, key=lambda c: c["x0"])))
                for o in page.lines + page.rects:
                    w, h = (o["x1"] - o["x0"]) * PT, (o["bottom"] - o["top"]) * PT
                    if w > 20 and h < 2:
                        thickness = (o.get("linewidth") or 0) * PT if h < 0.05 else h
                        self.rules.append((number, (o["top"] + o["bottom"]) / 2 * PT, o["x0"] * PT, o["x1"] * PT, thickness))
                for o in page.curves:
                    self.curves.append((number, (o["x1"] - o["x0"]) * PT, (o["bottom"] - o["top"]) * PT))

    # ------------------------------------------------------------ text

    def pages(self, number: int) -> list[Line]:
        return [line for line in self.lines if line.page == number]

    def in_type_area(self, line: Line) -> bool:
        return TOP - 12 < line.top < BOTTOM

    def body_lines(self) -> list[Line]:
        """Lines of 3号 text inside the type area (no header, no page number, no tables)."""
        return [line for line in self.lines if abs(line.size - BODY_PT) < 0.3 and self.in_type_area(line)]

    def pdf_text(self) -> str:
        """Everything printed between the header and the page number."""
        return "".join(line.text for line in self.lines if 22 < line.top < BOTTOM + 1)

    def docx_text(self) -> str:
        """The text of word/document.xml, each drawing once (not its VML fallback)."""
        root = ElementTree.fromstring(zipfile.ZipFile(self.docx).read("word/document.xml"))
        out: list[str] = []

        def walk(e):
            if e.tag == MC + "Fallback":
                return
            if e.tag == W + "t" and e.text:
                out.append(e.text)
            for child in e:
                walk(child)

        walk(root)
        return "".join(out)

    def docx_has(self, tag: str) -> bool:
        return f"<{tag}" in zipfile.ZipFile(self.docx).read("word/document.xml").decode()

    # ------------------------------------------------------------ lines a body line holds

    def full_lines(self) -> list[tuple[Line, Line | None]]:
        """Body lines that reach the type area's right edge, each with the line after it."""
        body = self.body_lines()
        found = []
        for i, line in enumerate(body):
            start = (line.x0 - LEFT) / (CELL_PT * PT)
            if start > 7 or line.x1 < RIGHT - 2.5:
                continue
            following = body[i + 1] if i + 1 < len(body) else None
            found.append((line, following))
        return found

    @staticmethod
    def indent(line: Line) -> float:
        return (line.x0 - LEFT) / (CELL_PT * PT)

    @staticmethod
    def cells(line: Line) -> float:
        """Characters the line takes from the type area's left edge, its indent included."""
        return Document.indent(line) + natural_width(line.chars)

    # ------------------------------------------------------------ titles

    def title_blocks(self) -> list[list[Line]]:
        """Consecutive 2号 lines (a title and its continuation lines), per page."""
        blocks: list[list[Line]] = []
        for line in self.lines:
            if abs(line.size - TITLE_PT) < 0.3 and not line.is_red():
                if blocks and blocks[-1][-1].page == line.page and line.top - blocks[-1][-1].top < 15:
                    blocks[-1].append(line)
                else:
                    blocks.append([line])
        return blocks

    # ------------------------------------------------------------ record (版记)

    def record_rules(self) -> list[tuple[int, float, float, float, float]]:
        """Black rules across the type area on the last page: the 版记's."""
        return [r for r in self.rules if r[0] == self.page_count and r[3] - r[2] > WIDTH - 2]

    def has_record(self) -> bool:
        return any("印发" in line.text or line.text.startswith("抄送") for line in self.pages(self.page_count)
                   if abs(line.size - 14) < 0.3)

    # ------------------------------------------------------------ page numbers

    def dash_top(self, page: int, dpi: int = 300) -> tuple[float, float, float] | None:
        """(top, left, right) in mm of the page number's dashes ("— n —"), from the ink."""
        # Below the 版记's last rule, which lies on the type area's bottom edge.
        y0, h = BOTTOM + 3, 13
        ppm = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-gray",
                              "-y", str(int(y0 / 25.4 * dpi)), "-H", str(int(h / 25.4 * dpi)),
                              "-x", "0", "-W", str(int(210 / 25.4 * dpi)), str(self.pdf)],
                             capture_output=True, check=True).stdout
        _, size, _, pixels = ppm.split(b"\n", 3)
        width, height = map(int, size.split())
        mm = 25.4 / dpi
        for y in range(height):
            row = pixels[y * width:(y + 1) * width]
            xs = [x for x in range(width) if row[x] < 128]
            # The dashes' row spans "— n —"; a digit alone is narrow.
            if xs and (xs[-1] - xs[0]) * mm > 8:
                return y0 + y * mm, xs[0] * mm, xs[-1] * mm
        return None

    def numbered_pages(self) -> list[int]:
        return [n for n in range(1, self.page_count + 1)
                if any(line.top > BOTTOM and re.fullmatch(r"—\d+—", line.text) for line in self.pages(n))]

    # ------------------------------------------------------------ images

    def write_png(self, page: int, target: Path, dpi: int = 70) -> Path:
        stem = target.with_suffix("")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile",
                        str(self.pdf), str(stem)], check=True, capture_output=True)
        return stem.with_suffix(".png")
