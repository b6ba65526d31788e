"""DOCX → PDF with LibreOffice, the fonts the documents name mapped to Noto CJK.

One place for what tests/documents and tests/browser do to look at generated documents.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

DEBIAN_PACKAGES = "libreoffice-writer-nogui poppler-utils fonts-noto-cjk"

FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  {aliases}
</fontconfig>
"""
# The fonts county PCs have (what the DOCX names) → the Noto CJK faces Debian ships.
ALIASES = {
    "仿宋_GB2312": ("Noto Serif CJK SC", None),
    "宋体": ("Noto Serif CJK SC", None),
    "楷体_GB2312": ("Noto Serif CJK SC", None),
    "黑体": ("Noto Sans CJK SC", None),
    "方正小标宋简体": ("Noto Serif CJK SC", "bold"),
}


PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def missing_tools() -> str | None:
    """Why documents cannot be rendered here, or None."""
    if not soffice():
        return f"LibreOffice is not installed (apt-get install {DEBIAN_PACKAGES})"
    if not (shutil.which("pdfinfo") and shutil.which("pdftoppm")):
        return f"poppler-utils is not installed (apt-get install {DEBIAN_PACKAGES})"
    return None


def to_pdf(documents: dict[str, Path], out: Path, timeout: int = 300) -> dict[str, Path]:
    """Converts each DOCX into `out`; returns kind → PDF. Fails naming what did not convert."""
    fonts = out / "fonts.conf"
    fonts.write_text(FONTCONFIG.format(aliases="\n  ".join(
        f'<match target="pattern"><test name="family"><string>{name}</string></test>'
        f'<edit name="family" mode="prepend" binding="strong"><string>{family}</string></edit>'
        + (f'<edit name="weight" mode="assign" binding="strong"><const>{weight}</const></edit>' if weight else "")
        + "</match>"
        for name, (family, weight) in ALIASES.items())), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(fonts), HOME=str(out))
    # A private profile: a LibreOffice already running for the user would otherwise take the job.
    profile = (out / "profile").as_uri()
    # Blank pages LibreOffice inserts (a section that starts on an even page, as the 版记's
    # does) are printed, as Word prints them: without them a double-sided print puts the
    # 版记 on the front of a sheet.
    run = subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", PDF_FILTER,
                          "--outdir", str(out), *map(str, documents.values())],
                         env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
    result = {kind: out / (Path(path).stem + ".pdf") for kind, path in documents.items()}
    missing = [k for k, p in result.items() if not p.exists()]
    assert not missing, f"LibreOffice did not convert {missing}:\n{run.stdout}\n{run.stderr}"
    return result
