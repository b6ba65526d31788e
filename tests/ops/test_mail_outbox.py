"""The mail outbox against a real SMTP relay (issue 19, item 6): aiosmtpd with a certificate
from a private CA (`ca=`), over STARTTLS (`starttls=require`) and over TLS from the first byte
(`smtps://`), and a relay that is down, then up.

- the formal notices are queued by the change that records them and delivered after it,
  each exactly once even when the office clicks twice at the same moment;
- while the relay is down the office's mail page shows each waiting mail and why, /metrics
  counts the failures; once the relay is up, "全部重新发送" delivers them; a mailbox the relay
  refuses is given up at once and shown as failed.
"""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from harness import DemoServer, free_port
from live_setup import api_session, ok, prepare_live_symposium

pytestmark = pytest.mark.slow

SmtpSink = pytest.importorskip("support.smtp_sink").SmtpSink


def mail_counts(office: requests.Session, base: str) -> dict[str, int]:
    page = office.get(base + "/mail", timeout=30).text
    return {k: int(v) for k, v in re.findall(r'data-count="(\w+)">(\d+)<', page)}


def wait_until(condition, what: str, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f}s: {what}")
        time.sleep(0.2)


def confirmed_with_address(live) -> list[dict]:
    s = ok(live.office.get(f"{live.base_url}/api/v1/symposia/{live.sid}", timeout=30))
    return [i for i in s["invitees"] if i["state"] == "confirmed"]


def metric(base: str, line_start: str) -> float:
    for line in requests.get(base + "/metrics", timeout=15).text.splitlines():
        if line.startswith(line_start + " "):
            return float(line.split()[-1])
    return 0.0


@pytest.mark.parametrize("mode", ["starttls", "implicit"])
def test_notices_reach_a_tls_relay_once_even_when_clicked_twice(tmp_path, mode):
    clock = tmp_path / "now"
    with SmtpSink(tls_mode=mode) as sink:
        ca = sink.directory / "ca.pem"
        url = (f"smtp://127.0.0.1:{sink.port}?starttls=require&ca={ca}" if mode == "starttls"
               else f"smtps://127.0.0.1:{sink.port}?ca={ca}")
        srv = DemoServer(f"mail-{mode}", env={"XIESHANG_SMTP_URL": url, "XIESHANG_CLOCK_FILE": str(clock)}).start()
        try:
            live = prepare_live_symposium(srv.url, clock_file=clock, members=4, send_notices=False)
            waiting = confirmed_with_address(live)
            assert len(waiting) >= 4, waiting
            notices = f"{live.base_url}/api/v1/symposia/{live.sid}/formal-notices"
            with ThreadPoolExecutor(2) as pool:
                answers = list(pool.map(lambda _: live.office.post(notices, timeout=60), range(2)))
            assert sorted(a.status_code for a in answers) == [200, 409], [a.text[:300] for a in answers]
            report = next(a for a in answers if a.status_code == 200).json()
            assert report["mailConfigured"] and report["mailed"] > 0, report
            mails = sink.wait_for(report["mailed"])
            office = api_session(srv.url, "office")
            wait_until(lambda: mail_counts(office, srv.url).get("sent") == report["mailed"], "all notices sent")
            assert mail_counts(office, srv.url)["pending"] == 0
            assert len(sink.paths()) == report["mailed"], "a notice was mailed twice"
            assert len({m["Message-ID"] for m in mails}) == len(mails)
            assert all(m["Subject"].startswith("【正式通知】") for m in mails)
            for meta in sink.directory.glob("*.json"):
                assert json.loads(meta.read_text())["tls"], f"{meta.name} came without TLS"
            assert metric(srv.url, "xieshang_mail_sent_total") == report["mailed"]
        finally:
            srv.stop()


def test_a_relay_that_is_down_is_retried_and_the_office_sees_why(tmp_path):
    clock = tmp_path / "now"
    port = free_port()
    srv = DemoServer("mail-down", env={"XIESHANG_SMTP_URL": f"smtp://127.0.0.1:{port}",
                                       "XIESHANG_CLOCK_FILE": str(clock)}).start()
    try:
        live = prepare_live_symposium(srv.url, clock_file=clock, members=4, send_notices=False)
        report = ok(live.office.post(f"{live.base_url}/api/v1/symposia/{live.sid}/formal-notices", timeout=60))
        queued = report["mailed"]
        assert queued >= 2, report
        office = api_session(srv.url, "office")
        # Nobody listens on the port: each mail fails, is kept, and waits for its retry.
        page = wait_until(lambda: (lambda p: p if p.count("无法连接邮件服务器") >= queued else None)(
            office.get(srv.url + "/mail", timeout=30).text), "the failures shown on the mail page")
        assert mail_counts(office, srv.url) == {"pending": queued, "failed": 0, "sent": 0}
        assert "将于" in page and "重试" in page
        assert metric(srv.url, 'xieshang_mail_failures_total{kind="transient"}') >= queued
        assert metric(srv.url, 'xieshang_mail_outbox{status="pending"}') == queued

        # The relay comes up, refusing one mailbox for good.
        first = ok(live.office.get(f"{live.base_url}/api/v1/symposia/{live.sid}", timeout=30))
        addresses = [i.get("mailedTo") for i in first["invitees"] if i.get("mailedTo")]
        assert len(addresses) == queued, first["invitees"]
        with SmtpSink(port=port, reject_rcpt=(addresses[0],)) as sink:
            csrf = re.search(r'name="_csrf" value="([^"]+)"', office.get(srv.url + "/mail", timeout=30).text).group(1)
            again = office.post(srv.url + "/mail/retry", data={"_csrf": csrf}, timeout=30)
            assert f"已安排{queued}封邮件立即重新发送" in again.text, again.text[:2000]
            sink.wait_for(queued - 1)
            counts = wait_until(lambda: (lambda c: c if c["pending"] == 0 else None)(mail_counts(office, srv.url)),
                                "every mail sent or given up")
            assert counts == {"pending": 0, "failed": 1, "sent": queued - 1}, counts
            assert len(sink.paths()) == queued - 1
        page = office.get(srv.url + "/mail", timeout=30).text
        assert "发送失败" in page and "No such mailbox here" in page, page
        assert metric(srv.url, 'xieshang_mail_failures_total{kind="permanent"}') == 1
    finally:
        srv.stop()
