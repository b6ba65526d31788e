#!/usr/bin/env python3
"""Generate Sources/XieshangCore/Calendar/BuiltInArrangements.swift.

The State Council's yearly holiday arrangements (国务院办公厅关于XXXX年部分节假日安排的通知)
for 2015 through 2026, taken from the PyPI package `chinesecalendar` (pinned, because its
tables change when a new notice appears) and turned into Swift literals so that the domain
module needs no data file at run time.

    python3 -m venv /work/main/.venv
    /work/main/.venv/bin/pip install chinesecalendar==1.11.0
    /work/main/.venv/bin/python tools/gen_holidays.py

The script refuses to write anything unless the table it produces gives, for every day of
every year, exactly the working/not-working answer of `chinese_calendar.is_workday`, and
unless the examples of DESIGN.md ("Date conventions") hold.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

PINNED_VERSION = "1.11.0"
FIRST_YEAR, LAST_YEAR = 2015, 2026

try:
    import chinese_calendar
    from chinese_calendar import constants
except ImportError:  # pragma: no cover - a setup problem, explained to the person running it
    sys.exit(f"chinesecalendar is missing: pip install chinesecalendar=={PINNED_VERSION}")

OUTPUT = Path(__file__).resolve().parent.parent / "Sources/XieshangCore/Calendar/BuiltInArrangements.swift"

# The package's own Chinese names are abbreviations (清明, 端午, 中秋); the notices use these.
NAMES = {
    constants.Holiday.new_years_day: "元旦",
    constants.Holiday.spring_festival: "春节",
    constants.Holiday.tomb_sweeping_day: "清明节",
    constants.Holiday.labour_day: "劳动节",
    constants.Holiday.dragon_boat_festival: "端午节",
    constants.Holiday.mid_autumn_festival: "中秋节",
    constants.Holiday.national_day: "国庆节",
    constants.Holiday.anti_fascist_70th_day: "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}

# The package files the 2020 extension (国办发明电〔2020〕1号) under plain Spring Festival;
# the office should see that those three days came from a separate, later notice.
EXTENDED_SPRING_FESTIVAL_2020 = {dt.date(2020, 1, 31), dt.date(2020, 2, 1), dt.date(2020, 2, 2)}
EXTENDED_NAME = "春节（延长）"

# Days the notices name as days off but the package leaves out because they fall on a
# weekend (no effect on working days, but they belong to the holiday's block).
EXTRA_DAYS_OFF = {
    # "9月3日至5日调休放假，共3天" (国务院, 2015年5月).
    dt.date(2015, 9, 5): "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}

# Days the package lists as days off but no notice names. The 2024 notice reads "元旦：1月1日
# 放假，与周末连休" and the 2023 notice ends with 国庆节; the package still files the weekend
# before 2024-01-01 under 元旦. Working days are unaffected; the names would be unsourced.
NOT_IN_NOTICES = {dt.date(2023, 12, 30), dt.date(2023, 12, 31)}

EXTRA_SOURCES = {
    2015: ["国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知"],
    # The 2019 notice gave 劳动节 one day; a later notice made it 5月1日至4日, with 4月28日
    # and 5月5日 (both Sundays) working days. The package has the adjusted version.
    2019: ["国务院办公厅关于调整2019年劳动节假期安排的通知"],
    2020: ["国务院办公厅关于延长2020年春节假期的通知"],
}


def name_of(value: str) -> str:
    return NAMES[constants.Holiday(value)]


def days_of(year: int):
    d = dt.date(year, 1, 1)
    while d.year == year:
        yield d
        d += dt.timedelta(days=1)


def collect():
    """Per calendar year: {date: name} of days off and of adjusted workdays."""
    off: dict[int, dict[dt.date, str]] = defaultdict(dict)
    work: dict[int, dict[dt.date, str]] = defaultdict(dict)
    for d, v in constants.holidays.items():
        if FIRST_YEAR <= d.year <= LAST_YEAR:
            off[d.year][d] = EXTENDED_NAME if d in EXTENDED_SPRING_FESTIVAL_2020 else name_of(v)
    for d, v in constants.workdays.items():
        if FIRST_YEAR <= d.year <= LAST_YEAR:
            work[d.year][d] = name_of(v)
    for d, name in EXTRA_DAYS_OFF.items():
        off[d.year][d] = name
    for d in NOT_IN_NOTICES:
        del off[d.year][d]
    fill_weekends_inside_blocks(off, work)
    return off, work


def fill_weekends_inside_blocks(off, work):
    """A weekend day between two days off of the same holiday is part of that holiday.

    The notices sometimes list only the holiday and its 补休 day (2015 端午节: "6月20日放假，
    6月22日（星期一）补休"), leaving the Sunday between them implicit.
    """
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        listed = sorted(off[year].items())
        for (a, name_a), (b, name_b) in zip(listed, listed[1:]):
            gap = (b - a).days
            if gap <= 1 or gap > 3 or name_a.split("（")[0] != name_b.split("（")[0]:
                continue
            between = [a + dt.timedelta(days=i) for i in range(1, gap)]
            if all(x.weekday() >= 5 and x not in work[year] for x in between):
                for x in between:
                    off[year][x] = name_a


def sources(year: int, off, work) -> str:
    """The notices a calendar year's days come from.

    A notice can reach back into the previous December (the 2019 notice: 2018年12月29日上班,
    30日至2019年1月1日放假), so December days named 元旦 come from next year's notice.
    """
    notices = [f"国务院办公厅关于{year}年部分节假日安排的通知"]
    notices += EXTRA_SOURCES.get(year, [])
    december_new_year = [d for d, n in {**off[year], **work[year]}.items() if d.month == 12 and n == "元旦"]
    if december_new_year:
        notices.append(f"国务院办公厅关于{year + 1}年部分节假日安排的通知（{year}年12月部分）")
    return "；".join(notices) + "（据国务院办公厅历年通知整理）"


def check(off, work):
    problems = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for d in days_of(year):
            ours = d in work[year] or (d.weekday() < 5 and d not in off[year])
            if ours != chinese_calendar.is_workday(d):
                problems.append(f"{d}: table says workday={ours}, chinesecalendar says {not ours}")
            if d in work[year] and d.weekday() < 5:
                problems.append(f"{d}: adjusted workday on a weekday")
            if d in work[year] and d in off[year]:
                problems.append(f"{d}: both off and working")

    def is_working(d):
        return d in work[d.year] or (d.weekday() < 5 and d not in off[d.year])

    def add_working_days(n, d):
        while n:
            d += dt.timedelta(days=1)
            n -= is_working(d)
        return d

    # DESIGN.md, "Date conventions".
    expectations = [
        (is_working(dt.date(2026, 2, 14)), True, "2026-02-14 (Saturday) is a working day"),
        (is_working(dt.date(2026, 9, 20)), True, "2026-09-20 (Sunday) is a working day"),
        (all(not is_working(dt.date(2026, 10, i)) for i in range(1, 8)), True, "2026-10-01..07 are off"),
        (add_working_days(10, dt.date(2026, 9, 29)), dt.date(2026, 10, 19), "2026-09-29 + 10"),
        (add_working_days(10, dt.date(2026, 6, 18)), dt.date(2026, 7, 3), "2026-06-18 + 10"),
    ]
    problems += [f"DESIGN.md: {what}: got {got}" for got, want, what in expectations if got != want]
    return problems


def swift_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(off, work) -> str:
    out = [
        "// GENERATED FILE — do not edit by hand.",
        f"// Generated by tools/gen_holidays.py from the PyPI package chinesecalendar {PINNED_VERSION},",
        "// which transcribes the State Council's yearly notices (国务院办公厅关于部分节假日安排的通知).",
        "// Regenerate: /work/main/.venv/bin/python tools/gen_holidays.py",
        "",
        "/// The State Council holiday arrangements the calendar ships with, one per calendar year.",
        "///",
        "/// A notice's days that fall in the previous December are filed under that December's year,",
        "/// so each value holds exactly the days of its own year.",
        "public enum BuiltInArrangements {",
        f"    public static let years: ClosedRange<Int> = {FIRST_YEAR}...{LAST_YEAR}",
        "",
        "    public static let all: [YearArrangement] = [",
    ]
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        out.append("        YearArrangement(")
        out.append(f"            year: {year},")
        out.append("            daysOff: [")
        for d, name in sorted(off[year].items()):
            out.append(f"                named({d.year}, {d.month}, {d.day}, {swift_string(name)}),")
        out.append("            ],")
        out.append("            adjustedWorkdays: [")
        for d, name in sorted(work[year].items()):
            out.append(f"                named({d.year}, {d.month}, {d.day}, {swift_string(name)}),")
        out.append("            ],")
        out.append(f"            source: {swift_string(sources(year, off, work))}")
        out.append("        ),")
    out += [
        "    ]",
        "}",
        "",
        "// The literals above are valid dates; the unit tests load every one of them.",
        "private func named(_ year: Int, _ month: Int, _ day: Int, _ name: String) -> NamedDay {",
        "    NamedDay(day: Day(year: year, month: month, day: day)!, name: name)",
        "}",
        "",
    ]
    return "\n".join(out)


def main() -> int:
    version = getattr(chinese_calendar, "__version__", "?")
    if version != PINNED_VERSION:
        print(f"chinesecalendar {version} found, {PINNED_VERSION} expected", file=sys.stderr)
        return 1
    off, work = collect()
    problems = check(off, work)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    OUTPUT.write_text(render(off, work), encoding="utf-8")
    total_off = sum(len(v) for v in off.values())
    total_work = sum(len(v) for v in work.values())
    print(f"wrote {OUTPUT.relative_to(OUTPUT.parents[3])}: {total_off} days off, {total_work} adjusted workdays")
    return 0


if __name__ == "__main__":
    sys.exit(main())
