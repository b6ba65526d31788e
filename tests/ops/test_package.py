"""The release archive (issue 19, item 1): unpacked in an empty directory, its server runs from
there — not from the build folder — signs a user in and renders pages with the resources that
travelled beside the binary; its systemd unit verifies.

The archive is packed by `scripts/package --debug --no-build` from the build the suite made
(a release build is the same packing of another binary, and takes a quarter of an hour here).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
import requests

from harness import REPO_ROOT, DemoServer, http_login_session

pytestmark = pytest.mark.slow

MARKER = "/* served from the unpacked release */"


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    r = subprocess.run(["bash", "scripts/package", "--debug", "--no-build", "--out", str(out)], cwd=REPO_ROOT,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    archive = Path(r.stdout.strip().splitlines()[-1])
    assert archive.name.startswith("xieshang-") and archive.name.endswith(".tar.gz"), archive
    root = tmp_path_factory.mktemp("opt")
    with tarfile.open(archive) as t:
        t.extractall(root, filter="data")
    [top] = list(root.iterdir())
    return top


def test_the_archive_holds_the_binary_its_resources_and_the_deployment_files(unpacked):
    assert os.access(unpacked / "bin" / "xieshang", os.X_OK)
    resources = unpacked / "bin" / "xieshang_XieshangServer.resources" / "Resources"
    assert (resources / "Views" / "dashboard.leaf").is_file()
    assert (resources / "Public" / "css" / "app.css").is_file()
    assert (resources / "openapi.json").is_file()
    for name in ("xieshang.service", "nginx-xieshang.conf", "Dockerfile", "xieshang.env.example", "INSTALL.md"):
        assert (unpacked / "deploy" / name).is_file(), name
    assert os.access(unpacked / "deploy" / "xieshang-cli", os.X_OK)
    guide = (unpacked / "deploy" / "INSTALL.md").read_text()
    assert guide.startswith("## Installing in a county office") and "systemctl enable --now xieshang" in guide
    assert "XIESHANG_DATA_DIR=/var/lib/xieshang" in (unpacked / "deploy" / "xieshang.service").read_text()
    assert "COPY --from=build /out/bin /opt/xieshang/bin" in (unpacked / "deploy" / "Dockerfile").read_text()


def test_the_unpacked_server_runs_from_an_empty_directory_signs_in_and_renders(unpacked, tmp_path):
    css = unpacked / "bin" / "xieshang_XieshangServer.resources" / "Resources" / "Public" / "css" / "app.css"
    css.write_text(css.read_text() + "\n" + MARKER + "\n")
    workdir = tmp_path / "empty"
    workdir.mkdir()
    data = tmp_path / "var-lib-xieshang"
    srv = DemoServer("package", binary=unpacked / "bin" / "xieshang", cwd=workdir, data_dir=data).start()
    try:
        office = http_login_session(srv.url, "office")
        page = office.get(srv.url + "/symposia", timeout=30)
        assert page.status_code == 200 and "协商座谈会" in page.text
        assert "<link" in page.text and "/css/app.css" in page.text
        # The stylesheet is the unpacked one: the resources travelled with the binary.
        assert MARKER in requests.get(srv.url + "/css/app.css", timeout=15).text
        assert (data / "xieshang.sqlite").is_file()
        assert list(workdir.iterdir()) == [], f"the server wrote into its working directory: {list(workdir.iterdir())}"
    finally:
        srv.stop()


def test_the_systemd_unit_verifies(unpacked, tmp_path):
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed (Debian package systemd)")
    unit = (unpacked / "deploy" / "xieshang.service").read_text()
    assert "ExecStart=/opt/xieshang/bin/xieshang serve" in unit and "User=xieshang" in unit
    # The unit as installed, with ExecStart at the unpacked binary (verify checks that it is there).
    path = tmp_path / "xieshang.service"
    path.write_text(unit.replace("/opt/xieshang/bin/xieshang", str(unpacked / "bin" / "xieshang")))
    r = subprocess.run([analyze, "verify", str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "" and r.stderr.strip() == "", r.stdout + r.stderr


def test_the_nginx_site_is_accepted_by_nginx(unpacked, tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.access(nginx, os.X_OK):
        pytest.skip("nginx is not installed")
    site = (unpacked / "deploy" / "nginx-xieshang.conf").read_text()
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=zx.example.gov.cn",
                    "-keyout", str(key), "-out", str(cert), "-days", "1"], check=True, capture_output=True)
    site = site.replace("/etc/nginx/tls/xieshang.crt", str(cert)).replace("/etc/nginx/tls/xieshang.key", str(key))
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
                    f"http {{ access_log off; {site} }}\n")
    r = subprocess.run([nginx, "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
