"""三(五) "对需要落实事项进行跟踪": reminder mails about follow-up items, through a real SMTP sink.

The module's own server mails to the sink and reads its clock from a file. The 2026 tea-industry
symposium (Thursday 2026-12-17) is prepared and held through the API (tests/live_setup.py), the
office sends a 提案 to 县农业农村局 (the demo user `department`, 姜茂林, whose demo address is
under anhua.example), and the lead committee gives the bureau a follow-up item due Monday
2026-12-28. Under the county practice (remind 7 days before, repeat every 7 days):
- on 12-20 nothing is due for a reminder; on 12-21 the bureau's contact gets one mail, and a
  second run the same day sends nothing;
- on 12-28 (7 days later) the reminder is repeated; on 12-29 nothing more is sent;
- once the item is implemented nobody is reminded again, however late.
"""

from __future__ import annotations

import pytest

from harness import DemoServer
from live_setup import api_session, edit, ok, prepare_live_symposium, write_clock

ITEM = "出台茶园生态保护补助办法"


@pytest.fixture(scope="module")
def setup(tmp_path_factory, smtp_sink_module):
    clock = tmp_path_factory.mktemp("clock") / "now.txt"
    srv = DemoServer("reminders", env={"XIESHANG_CLOCK_FILE": str(clock),
                                        "XIESHANG_SMTP_URL": f"smtp://127.0.0.1:{smtp_sink_module.port}"}).start()
    try:
        B = srv.url
        live = prepare_live_symposium(B, clock_file=clock, members=4)
        live.post("start")
        live.post("end")
        write_clock(clock, "2026-12-18T01:00:00Z")
        # Sessions do not outlive a jump of the server's clock by weeks: sign in anew.
        office, committee = api_session(B, "office"), api_session(B, "committee")
        department = api_session(B, "department")
        me = ok(department.get(f"{B}/api/v1/me", timeout=15))
        bureau = me["departmentID"]
        draft = ok(office.post(f"{B}/api/v1/symposia/{live.sid}/outcomes", timeout=15,
                               json={"form": "proposal", "title": "关于加快安化黑茶精深加工的提案", "body": "建议建设精深加工园区。"}))
        edited = ok(office.put(f"{B}/api/v1/outcomes/{draft['id']}", timeout=15, json={
            "version": draft["version"], "title": draft["title"], "body": draft["body"], "form": "proposal",
            "recipients": [{"kind": "department", "id": bureau, "handles": True}]}))
        sent = ok(office.post(f"{B}/api/v1/outcomes/{draft['id']}/send", json={"version": edited["version"]}, timeout=15))
        with_item = ok(committee.post(f"{B}/api/v1/outcomes/{sent['id']}/items", timeout=15,
                                      json={"title": ITEM, "ownerDepartmentID": bureau, "due": "2026-12-28"}))
        item = next(i for i in with_item["items"] if i["title"] == ITEM)
        yield dict(B=B, clock=clock, outcome=sent["id"], item=item["id"],
                   sink=smtp_sink_module)
    finally:
        srv.stop()


def remind(s: dict, day: str) -> dict:
    write_clock(s["clock"], f"{day}T01:00:00Z")
    return ok(api_session(s["B"], "office").post(f"{s['B']}/api/v1/reminders/follow-up-items", timeout=30))


def test_a_department_is_reminded_once_the_window_opens_and_not_twice_a_day(setup):
    s = setup
    sink = s["sink"]
    before = len(sink.paths())
    quiet = remind(s, "2026-12-20")           # 8 days before: not yet
    assert quiet["due"] == 0 and quiet["reminded"] == [], quiet
    report = remind(s, "2026-12-21")          # 7 days before
    assert report["mailConfigured"] and report["due"] == 1, report
    assert [r["title"] for r in report["reminded"]] == [ITEM], report
    mail = sink.wait_for(before + 1)[before]
    assert mail["Subject"] == f"【落实事项提醒】{ITEM}"
    to = mail["To"]
    assert "anhua.example" in to, to
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert "县农业农村局" in text and "将于2026年12月28日到期（还有7天）" in text and "未开始" in text, text
    again = remind(s, "2026-12-21")
    assert again["due"] == 0 and len(sink.paths()) == before + 1, "reminded twice on one day"


def test_the_reminder_is_repeated_after_the_interval_then_stops_once_implemented(setup):
    s = setup
    sink = s["sink"]
    before = len(sink.paths())
    assert remind(s, "2026-12-27")["due"] == 0      # 6 days after the last reminder
    report = remind(s, "2026-12-28")                # 7 days after: repeated, on the due day
    assert [r["title"] for r in report["reminded"]] == [ITEM], report
    mail = sink.wait_for(before + 1)[before]
    assert "将于2026年12月28日到期（还有0天）" in mail.get_body(preferencelist=("plain",)).get_content()
    assert remind(s, "2026-12-29")["due"] == 0      # overdue, but reminded yesterday
    B, item = s["B"], s["item"]
    ok(edit(api_session(B, "committee"), "POST", f"{B}/api/v1/outcomes/{s['outcome']}/items/{item}/status",
            f"{B}/api/v1/outcomes/{s['outcome']}", {"status": "implemented"}, item=item))
    assert remind(s, "2027-01-20")["due"] == 0, "an implemented item is not chased"
    assert len(sink.paths()) == before + 1


def test_only_the_office_sends_reminders(setup):
    s = setup
    r = api_session(s["B"], "department").post(f"{s['B']}/api/v1/reminders/follow-up-items", timeout=15)
    assert r.status_code == 403 and r.json()["error"]["code"]
