"""Sets up a symposium ready to be held, through the JSON API (setup for the tests of the
live meeting, not what they test): the 2026 plan issued with the December topic
"推进安化黑茶全产业链高质量发展" dated 2026-12-17 (农业农村委员会), the symposium created, its
implementation plan signed and adopted, the mobilization meeting held, and the invitees
pre-invited and confirmed.

`ready_symposium(base_url)` returns a `Prepared`: the symposium's id and the person ids of
everyone attending by name. Those attending: the demo users' persons 王淑贞 (`member`),
黄振宇 (`expert`) and 姜茂林 (`department`), five more members from the server's suggestions, a
second expert, a second department head, the lead committee's head and a county leader.
"""

from __future__ import annotations

import dataclasses
import re

import requests

from harness import http_login_session

YEAR = 2026
TOPIC = "推进安化黑茶全产业链高质量发展"
FEBRUARY_TOPIC = "全面推进乡村振兴、巩固拓展脱贫攻坚成果"
SYMPOSIUM_DAY = "2026-12-17"
LEAD = "农业农村委员会"
VICE_CHAIR = "陶和平"
PLACE = "县政协三楼第一会议室"
# "茶产业" literally: the suggester links members' expertise to the topic through it.
RATIONALE = "茶产业是我县第一支柱产业，综合产值过两百亿元，但精深加工不足、品牌杂、标准不一。"

MEMBER, EXPERT, DEPARTMENT_HEAD = "王淑贞", "黄振宇", "姜茂林"      # demo users member, expert, department
SECOND_DEPARTMENT_HEAD = "王光荣"    # 县茶业发展中心主任
COMMITTEE_HEAD = "符鹏飞"            # 农业农村委员会主任
LEADER = "王梅生"                    # 副县长，分管茶产业

PLAN_PARTS = {
    "time": "2026年12月17日（星期四）上午9:00",
    "place": PLACE,
    "host": "县政协主席李永安",
    "topic": TOPIC,
    "invitees": "县委、县政府联系政协的领导和分管副县长，县政协领导；县政协各委室负责同志；"
                "县农业农村局、县茶业发展中心负责同志；委员6位左右；专家学者2—3位。",
    "agenda": "一、县农业农村局介绍情况（10分钟）\n二、农业农村委员会中心发言（10分钟）\n"
              "三、委员、专家学者预约发言（每人8分钟）\n四、自由发言（每人5分钟）\n"
              "五、有关部门互动回应（每人5分钟）\n六、县领导讲话",
    "otherMatters": "会议材料由农业农村委员会汇总，会前3天送办公室印发。",
    "research": "11月中旬赴江南镇、小淹镇茶园和安化经济开发区黑茶企业专题调研。",
}


@dataclasses.dataclass
class Prepared:
    id: int
    persons: dict[str, int]          # name -> person id, everyone attending
    members: list[str]               # the members attending, the demo user's first
    experts: list[str]


def api_session(base_url: str, username: str) -> requests.Session:
    """A logged-in session that sends the CSRF token the JSON API expects."""
    s = http_login_session(base_url, username)
    token = re.search(r'name="_csrf" value="([^"]+)"', s.get(base_url + "/", timeout=15).text).group(1)
    s.headers["X-CSRF-Token"] = token
    return s


def ok(r: requests.Response):
    assert r.status_code < 400, f"{r.request.method} {r.url}: HTTP {r.status_code} {r.text[:400]}"
    return r.json()


def person_id(office: requests.Session, base_url: str, name: str) -> int:
    items = ok(office.get(f"{base_url}/api/v1/persons", params={"q": name}, timeout=15))["items"]
    matches = [p["id"] for p in items if p["name"] == name]
    assert matches, f"no person {name}"
    return matches[0]


def issue_the_plan(base_url: str, office: requests.Session) -> int:
    """The 2026 plan, taken to joint issuance; returns the December topic's id."""
    ok(office.post(f"{base_url}/api/v1/plans", json={"year": YEAR}, timeout=15))
    committees = {c["name"]: c["id"] for c in ok(office.get(f"{base_url}/api/v1/committees", timeout=15))}
    topics = [dict(title=FEBRUARY_TOPIC, leadCommitteeID=committees[LEAD], month=2),
              dict(title=TOPIC, rationale=RATIONALE, leadCommitteeID=committees[LEAD], month=12)]
    plan = ok(office.put(f"{base_url}/api/v1/plans/{YEAR}/topics", json={"topics": topics, "version": 1}, timeout=15))
    december = next(t["id"] for t in plan["topics"] if t["month"] == 12)
    plan = ok(office.post(f"{base_url}/api/v1/plans/{YEAR}/topics/{december}/date",
                          json={"date": SYMPOSIUM_DAY, "version": plan["version"]}, timeout=15))
    for action, reference in [("adopt", "十二届县政协第28次主席会议"), ("report", f"安政协党组〔{YEAR}〕12号"),
                              ("consent", "县委常委会会议纪要第35期"), ("issue", f"安政协办联发〔{YEAR}〕1号")]:
        plan = ok(office.post(f"{base_url}/api/v1/plans/{YEAR}/steps", timeout=15, json={
            "action": action, "reference": reference, "date": "2026-11-20", "version": plan["version"]}))
    assert plan["state"] == "issued", plan["state"]
    return december


def ready_symposium(base_url: str) -> Prepared:
    office = api_session(base_url, "office")
    committee = api_session(base_url, "committee")
    vice = api_session(base_url, "vicechair")
    topic = issue_the_plan(base_url, office)

    s = ok(office.post(f"{base_url}/api/v1/symposia", timeout=15, json={
        "year": YEAR, "topicID": topic, "viceChairInChargeID": person_id(office, base_url, VICE_CHAIR)}))
    sid = s["id"]
    base = f"{base_url}/api/v1/symposia/{sid}"

    plan = f"{base}/implementation-plan"
    ok(committee.post(plan, json={"action": "save", "content": PLAN_PARTS}, timeout=15))
    ok(committee.post(plan, json={"action": "submit"}, timeout=15))
    ok(vice.post(plan, json={"action": "sign", "note": "同意"}, timeout=15))
    ok(office.post(plan, json={"action": "adopt", "note": "十二届县政协第31次主席会议"}, timeout=15))
    ok(committee.put(f"{base}/meetings/mobilization", timeout=15,
                     json={"date": "2026-10-16", "time": "上午9:00", "place": "县政协二楼会议室"}))
    ok(committee.post(f"{base}/meetings/mobilization/record", json={"decisions": "通报实施方案", "held": True},
                      timeout=15))

    # Invitees: five suggested members, the demo users' persons, a second expert, the
    # department heads, the committee head and a leader.
    suggestions = ok(committee.get(f"{base}/invitee-suggestions", timeout=15))
    named = {MEMBER: "茶叶专业合作社理事长", EXPERT: "湖南农业大学茶学专家",
             DEPARTMENT_HEAD: "县农业农村局，介绍情况", SECOND_DEPARTMENT_HEAD: "县茶业发展中心，互动回应",
             COMMITTEE_HEAD: "牵头委室主任", LEADER: "分管茶产业的副县长"}
    suggested_members = [x for x in suggestions if "来自" in x["reason"] and x["name"] not in named][:5]
    second_expert = next(x for x in suggestions if "来自" not in x["reason"] and x["name"] not in named)
    assert len(suggested_members) == 5, [(x["name"], x["reason"]) for x in suggestions]
    for x in [*suggested_members, second_expert]:
        ok(committee.post(f"{base}/invitees", json={"personID": x["personID"], "reason": x["reason"]}, timeout=15))
    for name, reason in named.items():
        ok(committee.post(f"{base}/invitees", json={"personID": person_id(office, base_url, name), "reason": reason},
                          timeout=15))
    s = ok(committee.post(f"{base}/invitees/pre-invite", timeout=15))
    for inv in s["invitees"]:
        ok(committee.post(f"{base}/invitees/{inv['personID']}/answer", json={"answer": "confirm"}, timeout=15))

    s = ok(office.get(base, timeout=15))
    assert {inv["state"] for inv in s["invitees"]} == {"confirmed"}, [(i["name"], i["state"]) for i in s["invitees"]]
    return Prepared(id=sid, persons={inv["name"]: inv["personID"] for inv in s["invitees"]},
                    members=[MEMBER, *(x["name"] for x in suggested_members)],
                    experts=[EXPERT, second_expert["name"]])
