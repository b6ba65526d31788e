"""The API and its OpenAPI document agree under fuzzing (issue 13, item 11).

Schemathesis (PyPI) reads `/api/v1/openapi.json` from a demo server and sends generated
requests to every operation, as the office and as a member (bearer tokens made with
`xieshang user token`). A run fails on any 5xx, a response outside its documented schema, an
undocumented status code or content type, or a method the document does not list that is not
answered 405. Bounded: a fixed seed, few examples per operation, one worker (CPython's `ast`
is not safe under the threads Hypothesis would use to describe failures), well under three
minutes for both tokens, which run side by side.

    .venv/bin/python -m pytest tests/api/test_openapi_fuzz.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import DemoServer, REPO_ROOT

CHECKS = ",".join(["not_a_server_error", "response_schema_conformance", "status_code_conformance",
                   "content_type_conformance", "unsupported_method"])
EXAMPLES = int(os.environ.get("XIESHANG_FUZZ_EXAMPLES", "3"))


def schemathesis() -> str:
    here = Path(sys.executable).parent / "schemathesis"
    found = str(here) if here.exists() else shutil.which("schemathesis")
    if not found:
        pytest.fail("schemathesis is not installed: scripts/test deps installs tests/requirements.txt")
    return found


@pytest.fixture(scope="module")
def server():
    s = DemoServer("fuzz").start()
    yield s
    s.stop()


def token(server: DemoServer, username: str) -> str:
    env = {**os.environ, "XIESHANG_DATA_DIR": str(server.data_dir)}
    env.pop("DATABASE_URL", None)
    out = subprocess.run([str(server.binary), "user", "token", "-u", username, "--name", "fuzz"], env=env,
                         cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=True)
    return out.stdout.strip().splitlines()[-1]


def test_the_api_answers_as_its_document_says_to_the_office_and_to_a_member(server, tmp_path):
    # Both runs at once, one process each: each is one thread of Python (see above), so two
    # use both cores and the pair takes the time of one.
    runs = {}
    for username in ("office", "member"):
        bearer = token(server, username)
        cmd = [schemathesis(), "run", server.url + "/api/v1/openapi.json",
               "-H", f"Authorization: Bearer {bearer}", "--checks", CHECKS,
               "--phases", "examples,coverage,fuzzing", "--max-examples", str(EXAMPLES), "--seed", "20261207",
               "--workers", "1", "--request-timeout", "30", "--suppress-health-check", "all"]
        cwd = tmp_path / username
        cwd.mkdir()
        runs[username] = (cwd, subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd))
    problems = []
    for username, (cwd, proc) in runs.items():
        try:
            stdout, stderr = proc.communicate(timeout=240)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
            problems.append(f"schemathesis as {username} did not finish in 240 s")
            continue
        (cwd / "schemathesis.log").write_text(stdout + stderr)
        failures = stdout[stdout.find("=== FAILURES"):stdout.find("=== WARNINGS")] if "FAILURES" in stdout else ""
        if proc.returncode != 0:
            problems.append(f"schemathesis as {username} exited {proc.returncode}:\n"
                            f"{failures[-6000:] or stdout[-4000:]}\n{stderr[-2000:]}")
    assert not problems, "\n\n".join(problems)
