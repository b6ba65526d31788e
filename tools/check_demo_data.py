#!/usr/bin/env python3
"""Check the demo county data (Sources/XieshangServer/Resources/Demo/county.json).

Usage: python3 tools/check_demo_data.py [path/to/county.json]

Checks the rules the demo loader relies on (fixed committees and sectors, reference
integrity, unique keys and phones, one user per role, the leader line-up, protocol order)
and prints counts. Exits 1 on any violation. Standard library only.
"""

import json
import os
import re
import sys
from collections import Counter
from datetime import date

DEFAULT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                            "Sources", "XieshangServer", "Resources", "Demo", "county.json")

COMMITTEES = [
    ("office", "办公室"), ("proposals", "提案委员会"), ("economy", "经济科技委员会"),
    ("agriculture", "农业农村委员会"), ("culture", "文化文史和学习委员会"), ("social", "社会和法制委员会"),
]
SECTORS = [
    "中共界", "民革界", "民盟界", "民建界", "民进界", "农工党界", "致公党界", "九三学社界", "无党派人士界",
    "共青团和青联界", "工会界", "妇联界", "工商联界", "科技和科协界", "教育界", "文化艺术界", "医药卫生界",
    "经济界", "农业界", "社会福利和社会保障界",
]
LARGE_SECTORS = {"农业界", "经济界", "教育界", "医药卫生界"}
# The shared expertise vocabulary (tags are stored joined by "、", so none may contain it).
VOCABULARY = [
    "茶产业", "乡村振兴", "文旅融合", "教育", "医疗卫生", "养老服务", "生态环保", "水利", "交通",
    "中小企业", "民营经济", "法治", "社会治理", "非遗保护", "梅山文化", "数字经济", "电子商务", "就业",
    "社会保障", "住房", "城乡规划", "安全生产", "食品安全", "基层医疗", "职业教育", "学前教育", "文化遗产",
    "林业", "柘溪库区", "移民后扶", "金融", "财政", "科技创新", "人才", "妇女儿童", "青年发展", "民族宗教",
    "体育", "营商环境", "农村电商", "中医药", "公共文化",
]
DEPARTMENT_CATEGORIES = {"partyCommittee", "government", "other"}
REQUIRED_DEPARTMENTS = {"县委办公室", "县人民政府办公室", "县农业农村局"}
KINDS = {"member", "expert", "leader", "departmentHead", "committeeHead"}
LEADER_OF = ["partyCommittee", "government", "cppcc"]
# R33: the attendee list's five categories, in order.
CATEGORY_RANK = {"leader": 0, "committeeHead": 1, "departmentHead": 2, "member": 3, "expert": 4}
# username -> role: one user per role, plus two more committees' staff so that several
# committees can submit topic suggestions as themselves (二.1).
USERS = {
    "admin": "admin", "office": "office", "committee": "committee", "chair": "chair",
    "vicechair": "viceChair", "secgen": "secretaryGeneral", "member": "member",
    "expert": "expert", "department": "department", "leader": "leader",
    "economy": "committee", "culture": "committee",
}
ROLE_HOLDERS = {"committee": 3}
# Characters that only occur in Traditional Chinese (a sample of the common ones).
TRADITIONAL = set("會協縣業學醫區農經濟發東門們個來時電與為這開關動說長書員軍師務頭見車馬"
                  "雲風國愛華實現將處產當義導鄉鎮團園幣廣廠應錢邊過還進運監護職藝術體"
                  "環衛險設計議記讀證財貨資質轉輕辦畫網員濟黨聯組織專錄選館傳場")

PHONE = re.compile(r"^1[3-9]\d{9}$")
KEY = re.compile(r"^p\d{3}$")
NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


class Checker:
    def __init__(self):
        self.errors = []

    def fail(self, message):
        self.errors.append(message)

    def expect(self, condition, message):
        if not condition:
            self.fail(message)
        return condition


def parse_day(text):
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def walk_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from walk_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk_strings(v)


def check(data):
    c = Checker()
    for section in ("organization", "committees", "sectors", "departments", "persons", "users"):
        if section not in data:
            c.fail(f"missing top-level section {section!r}")
    if c.errors:
        return c, {}

    # organization
    org = data["organization"]
    for field in ("name", "shortName", "documentPrefix", "county", "term"):
        c.expect(org.get(field), f"organization.{field} missing")
    term = org.get("term") or {}
    term_start, term_end = parse_day(term.get("start")), parse_day(term.get("end"))
    c.expect(term.get("name"), "organization.term.name missing")
    c.expect(term_start and term_end and term_start < term_end,
             "organization.term start/end must be ISO dates with start < end")

    # committees
    committees = data["committees"]
    c.expect([(x.get("key"), x.get("name")) for x in committees] == COMMITTEES,
             f"committees must be exactly {COMMITTEES} in that order")
    offices = [x for x in committees if x.get("isOffice") is True]
    c.expect(len(offices) == 1 and offices[0].get("key") == "office",
             "exactly one committee (office 办公室) has isOffice true")
    c.expect(all(isinstance(x.get("isOffice"), bool) for x in committees), "isOffice must be a boolean")
    c.expect([x.get("order") for x in committees] == list(range(1, len(committees) + 1)),
             "committee orders must be 1..n")
    committee_names = {x.get("name") for x in committees}

    # sectors
    sectors = data["sectors"]
    c.expect([x.get("name") for x in sectors] == SECTORS, "sectors must be exactly the 20 listed, in order")
    c.expect([x.get("order") for x in sectors] == list(range(1, len(sectors) + 1)), "sector orders must be 1..20")
    sector_names = {x.get("name") for x in sectors}

    # departments
    departments = data["departments"]
    c.expect(25 <= len(departments) <= 36, f"about 30 departments expected, got {len(departments)}")
    dept_names = [x.get("name") for x in departments]
    c.expect(len(set(dept_names)) == len(dept_names), "department names must be unique")
    shorts = [x.get("shortName") for x in departments]
    c.expect(all(shorts) and len(set(shorts)) == len(shorts), "department shortNames must be present and unique")
    for d in departments:
        c.expect(d.get("category") in DEPARTMENT_CATEGORIES, f"department {d.get('name')}: bad category {d.get('category')!r}")
    c.expect({d.get("category") for d in departments} == DEPARTMENT_CATEGORIES, "every department category must occur")
    c.expect(REQUIRED_DEPARTMENTS <= set(dept_names), f"departments must include {sorted(REQUIRED_DEPARTMENTS)}")
    c.expect([x.get("order") for x in departments] == list(range(1, len(departments) + 1)),
             "department orders must be 1..n")
    dept_set = set(dept_names)

    # persons
    persons = data["persons"]
    by_key = {}
    phones = Counter()
    name_units = Counter()
    orders = Counter()
    for p in persons:
        key = p.get("key")
        label = f"person {key} {p.get('name')}"
        if c.expect(isinstance(key, str) and KEY.match(key), f"{label}: key must look like p001"):
            c.expect(key not in by_key, f"{label}: duplicate key")
            by_key[key] = p
        kind = p.get("kind")
        c.expect(kind in KINDS, f"{label}: bad kind {kind!r}")
        c.expect(isinstance(p.get("name"), str) and NAME.match(p["name"]), f"{label}: name must be 2–4 Chinese characters")
        c.expect(p.get("gender") in ("男", "女"), f"{label}: gender must be 男 or 女")
        c.expect(p.get("unit"), f"{label}: unit missing")
        c.expect(p.get("title"), f"{label}: title missing")
        phone = p.get("phone")
        if c.expect(isinstance(phone, str) and PHONE.match(phone), f"{label}: phone must be 11 digits starting 13–19"):
            phones[phone] += 1
        name_units[(p.get("name"), p.get("unit"))] += 1
        order = p.get("protocolOrder")
        if c.expect(isinstance(order, int) and not isinstance(order, bool) and order > 0,
                    f"{label}: protocolOrder must be a positive integer"):
            orders[order] += 1

        tags = p.get("expertise")
        if c.expect(isinstance(tags, list), f"{label}: expertise must be a list"):
            c.expect(len(set(tags)) == len(tags), f"{label}: duplicate expertise tags")
            for t in tags:
                c.expect(t in VOCABULARY, f"{label}: expertise tag {t!r} not in the shared vocabulary")
            if kind in ("member", "expert"):
                c.expect(1 <= len(tags) <= 3, f"{label}: members and experts need 1–3 expertise tags")
            else:
                c.expect(len(tags) <= 3, f"{label}: at most 3 expertise tags")

        is_term_member = kind in ("member", "committeeHead") or (kind == "leader" and p.get("leaderOf") == "cppcc")
        if is_term_member:
            c.expect(p.get("sector") in sector_names, f"{label}: sector {p.get('sector')!r} does not resolve")
            c.expect(p.get("termStart") == term.get("start") and p.get("termEnd") == term.get("end"),
                     f"{label}: term members carry the current term's termStart/termEnd")
        else:
            c.expect("sector" not in p, f"{label}: only term members have a sector")
            c.expect("termStart" not in p and "termEnd" not in p, f"{label}: only term members have a term")

        if kind == "committeeHead":
            c.expect(p.get("committee") in committee_names, f"{label}: committee {p.get('committee')!r} does not resolve")
            c.expect("主任" in p.get("title", ""), f"{label}: committee head title must name 主任/副主任")
        elif kind == "member":
            if "committee" in p:
                c.expect(p["committee"] in committee_names and p["committee"] != "办公室",
                         f"{label}: member committee {p['committee']!r} must be a special committee")
        else:
            c.expect("committee" not in p, f"{label}: only members and committee heads have a committee")

        if kind == "departmentHead":
            c.expect(p.get("department") in dept_set, f"{label}: department {p.get('department')!r} does not resolve")
            title = p.get("title", "")
            c.expect("局长" in title or "主任" in title, f"{label}: department head title must name 局长/主任")
        else:
            c.expect("department" not in p, f"{label}: only department heads have a department")

        if kind == "leader":
            c.expect(p.get("leaderOf") in LEADER_OF, f"{label}: leaderOf must be one of {LEADER_OF}")
        else:
            c.expect("leaderOf" not in p, f"{label}: only leaders have leaderOf")

    for phone, n in phones.items():
        c.expect(n == 1, f"phone {phone} used {n} times")
    for (name, unit), n in name_units.items():
        c.expect(n == 1, f"{n} persons named {name} at {unit}")
    for order, n in orders.items():
        c.expect(n == 1, f"protocolOrder {order} used {n} times")

    kinds = Counter(p.get("kind") for p in persons)
    members = [p for p in persons if p.get("kind") == "member"]
    experts = [p for p in persons if p.get("kind") == "expert"]
    leaders = [p for p in persons if p.get("kind") == "leader"]
    committee_heads = [p for p in persons if p.get("kind") == "committeeHead"]
    department_heads = [p for p in persons if p.get("kind") == "departmentHead"]

    c.expect(140 <= len(members) <= 160, f"about 150 members expected, got {len(members)}")
    c.expect(10 <= len(experts) <= 14, f"about 12 experts expected, got {len(experts)}")
    sector_counts = Counter(p.get("sector") for p in members)
    for s in SECTORS:
        c.expect(sector_counts[s] >= 3, f"sector {s} has {sector_counts[s]} members (needs ≥ 3)")
    small_max = max((sector_counts[s] for s in SECTORS if s not in LARGE_SECTORS), default=0)
    for s in LARGE_SECTORS:
        c.expect(sector_counts[s] > small_max, f"sector {s} ({sector_counts[s]}) must be larger than every other sector ({small_max})")
    for p in members:
        c.expect(len(p.get("expertise", [])) >= 1, f"member {p.get('key')}: needs expertise")
    used_tags = Counter(t for p in persons for t in p.get("expertise", []))
    c.expect(35 <= len(used_tags) <= 50, f"about 40 distinct expertise tags expected, got {len(used_tags)}")

    # leaders: the line-up
    def leaders_of(group):
        return [p for p in leaders if p.get("leaderOf") == group]
    party, gov, cppcc = leaders_of("partyCommittee"), leaders_of("government"), leaders_of("cppcc")

    def titled(group, predicate):
        return [p for p in group if predicate(p.get("title", ""))]
    secretary = titled(party, lambda t: t.startswith("县委书记"))
    deputy = titled(party, lambda t: "县委副书记" in t)
    liaison = titled(party, lambda t: "县委常委" in t and "联系" in t and "政协" in t)
    county_head = titled(gov, lambda t: t.endswith("县长") and "副县长" not in t)
    vice_heads = titled(gov, lambda t: "副县长" in t)
    chair = titled(cppcc, lambda t: "主席" in t and "副主席" not in t)
    vice_chairs = titled(cppcc, lambda t: "副主席" in t)
    secgens = titled(cppcc, lambda t: "秘书长" in t)
    c.expect(len(secretary) == 1, "exactly one 县委书记")
    c.expect(len(deputy) >= 1, "at least one 县委副书记 (party committee)")
    c.expect(len(liaison) == 1, "exactly one 县委常委 who links with the CPPCC (联系政协)")
    c.expect(len(county_head) == 1, "exactly one 县长")
    c.expect(2 <= len(vice_heads) <= 3, f"2–3 副县长 expected, got {len(vice_heads)}")
    for p in vice_heads:
        c.expect("分管" in p.get("title", ""), f"副县长 {p.get('name')}: title must name the 分管 area")
    c.expect(len(chair) == 1, "exactly one 县政协主席")
    c.expect(3 <= len(vice_chairs) <= 4, f"3–4 县政协副主席 expected, got {len(vice_chairs)}")
    for p in vice_chairs:
        c.expect("分管" in p.get("title", ""), f"副主席 {p.get('name')}: title must name the 分管 area")
    c.expect(len(secgens) == 1, "exactly one 县政协秘书长")

    # committee heads: a 主任 and a 副主任 for every committee
    for _, name in COMMITTEES:
        heads = [p for p in committee_heads if p.get("committee") == name]
        c.expect(any("副主任" not in p.get("title", "") for p in heads), f"{name} needs a 主任")
        c.expect(any("副主任" in p.get("title", "") for p in heads), f"{name} needs a 副主任")
    head_departments = {p.get("department") for p in department_heads}
    c.expect(17 <= len(head_departments) <= 23, f"department heads for about 20 departments expected, got {len(head_departments)}")

    # protocol order: R33 categories; leaders party committee → government → CPPCC
    ranked = sorted(persons, key=lambda p: p.get("protocolOrder") or 0)
    def rank(p):
        r = CATEGORY_RANK.get(p.get("kind"), 9)
        if p.get("kind") == "leader":
            return (r, LEADER_OF.index(p["leaderOf"]) if p.get("leaderOf") in LEADER_OF else 9)
        return (r, 0)
    ranks = [rank(p) for p in ranked]
    c.expect(ranks == sorted(ranks), "protocolOrder must follow leaders (party committee, government, CPPCC), "
                                     "committee heads, department heads, members, experts")
    for group in (party, gov, cppcc):
        firsts = sorted(group, key=lambda p: p.get("protocolOrder") or 0)
        if firsts:
            top = firsts[0].get("title", "")
            c.expect(top.startswith("县委书记") or top.endswith("县长") and "副县长" not in top or
                     ("主席" in top and "副主席" not in top), f"{top}: the first leader of each group must be its head")

    # users
    users = data["users"]
    usernames = [u.get("username") for u in users]
    c.expect(sorted(usernames) == sorted(USERS), f"users must be exactly {sorted(USERS)}")
    role_counts = Counter(r for u in users for r in u.get("roles", []))
    for role in USERS.values():
        want = ROLE_HOLDERS.get(role, 1)
        c.expect(role_counts[role] == want, f"role {role} held by {role_counts[role]} users (needs exactly {want})")
    c.expect(set(role_counts) <= set(USERS.values()), f"unknown roles {set(role_counts) - set(USERS.values())}")
    for u in users:
        label = f"user {u.get('username')}"
        c.expect(u.get("displayName"), f"{label}: displayName missing")
        for field in ("person", "committee", "department"):
            c.expect(field in u, f"{label}: field {field} missing (use null)")
        c.expect(u.get("roles") == [USERS.get(u.get("username"))], f"{label}: roles must be [{USERS.get(u.get('username'))!r}]")
        if u.get("person") is not None:
            if c.expect(u["person"] in by_key, f"{label}: person {u['person']!r} does not resolve"):
                c.expect(by_key[u["person"]].get("name") == u.get("displayName"), f"{label}: displayName should be the person's name")
        if u.get("committee") is not None:
            c.expect(u["committee"] in committee_names, f"{label}: committee {u['committee']!r} does not resolve")
        if u.get("department") is not None:
            c.expect(u["department"] in dept_set, f"{label}: department {u['department']!r} does not resolve")

    by_user = {u.get("username"): u for u in users}
    def person_of(username):
        u = by_user.get(username) or {}
        return by_key.get(u.get("person"))
    def fits(username, predicate, what):
        p = person_of(username)
        c.expect(p is not None and predicate(p), f"user {username}: must be linked to {what}")
    admin = by_user.get("admin") or {}
    c.expect(admin.get("person") is None, "user admin: no person")
    c.expect((by_user.get("office") or {}).get("committee") == "办公室", "user office: committee 办公室")
    fits("office", lambda p: p.get("committee") == "办公室", "办公室 staff")
    c.expect((by_user.get("committee") or {}).get("committee") == "农业农村委员会", "user committee: committee 农业农村委员会")
    fits("committee", lambda p: p.get("kind") == "committeeHead" and p.get("committee") == "农业农村委员会",
         "a 农业农村委员会 staff member")
    fits("chair", lambda p: p in chair, "the 县政协主席")
    fits("vicechair", lambda p: p in vice_chairs, "a 县政协副主席")
    fits("secgen", lambda p: p in secgens, "the 秘书长")
    fits("member", lambda p: p.get("kind") == "member" and p.get("sector") == "农业界", "an ordinary member in 农业界")
    fits("expert", lambda p: p.get("kind") == "expert", "an expert")
    c.expect((by_user.get("department") or {}).get("department") == "县农业农村局", "user department: department 县农业农村局")
    fits("department", lambda p: p.get("department") == "县农业农村局", "a contact of 县农业农村局")
    fits("leader", lambda p: p in liaison, "the 县委常委 who links with the CPPCC")

    # Simplified Chinese throughout
    bad = sorted({ch for s in walk_strings(data) for ch in s if ch in TRADITIONAL})
    c.expect(not bad, f"Traditional characters found: {''.join(bad)}")
    c.expect(not any("、" in t for t in VOCABULARY), "expertise tags must not contain 、 (the stored separator)")

    counts = {
        "committees": len(committees), "sectors": len(sectors), "departments": len(departments),
        "persons": len(persons), "kinds": dict(kinds), "sectorCounts": {s: sector_counts[s] for s in SECTORS},
        "leaders": {"partyCommittee": len(party), "government": len(gov), "cppcc": len(cppcc)},
        "departmentsWithHeads": len(head_departments), "expertiseTags": len(used_tags),
        "termMembers": sum(1 for p in persons if "termStart" in p), "users": len(users),
        "women": sum(1 for p in persons if p.get("gender") == "女"),
    }
    return c, counts


def main(argv):
    path = argv[1] if len(argv) > 1 else DEFAULT_PATH
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as error:
        print(f"cannot load {path}: {error}", file=sys.stderr)
        return 1
    checker, counts = check(data)
    if counts:
        print(f"{os.path.relpath(path)}")
        print(f"  committees {counts['committees']}, sectors {counts['sectors']}, departments {counts['departments']} "
              f"({counts['departmentsWithHeads']} with heads), users {counts['users']}")
        kinds = counts["kinds"]
        print(f"  persons {counts['persons']}: " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in CATEGORY_RANK)
              + f"; term members {counts['termMembers']}; women {counts['women']}")
        l = counts["leaders"]
        print(f"  leaders: party committee {l['partyCommittee']}, government {l['government']}, CPPCC {l['cppcc']}")
        print(f"  expertise tags in use {counts['expertiseTags']} of {len(VOCABULARY)}")
        print("  members by sector: " + "，".join(f"{s} {n}" for s, n in counts["sectorCounts"].items()))
    if checker.errors:
        for e in checker.errors:
            print(f"ERROR: {e}", file=sys.stderr)
        print(f"{len(checker.errors)} violation(s)", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
