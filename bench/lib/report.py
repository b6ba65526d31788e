#!/usr/bin/env python3
"""Turn one bench run's raw files into a Markdown summary.

    report.py RUN_DIR > summary.md

RUN_DIR holds what bench/run wrote: meta.json (build, start-up, RSS, settings),
endpoints.tsv (name, path, wrk output file, check) and the wrk outputs. Every req/s is
also given as a ratio to /healthz's req/s of the same process in the same run.
"""
import json
import re
import statistics
import sys
import urllib.parse
from pathlib import Path

UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}

# The people-list target (issue "Foundation", item 9).
TARGET_RATIO = 0.30
TARGET_P99_MS = 20.0
TARGETED = {"api-persons", "people-page"}


def to_ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not m:
        raise ValueError(f"latency {text!r}")
    return float(m.group(1)) * UNIT_MS[m.group(2)]


def parse_wrk(text: str) -> dict:
    out: dict = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    out["rps"] = float(m.group(1)) if m else None
    for pct in ("50", "75", "90", "99"):
        m = re.search(rf"^\s+{pct}%\s+(\S+)", text, re.M)
        out[f"p{pct}"] = to_ms(m.group(1)) if m else None
    m = re.search(r"(\d+) requests in ([\d.]+\w+), ([\d.]+\w+) read", text)
    out["requests"] = int(m.group(1)) if m else None
    out["read"] = m.group(3) if m else None
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    out["socket_errors"] = sum(int(g) for g in m.groups()) if m else 0
    if not out["requests"]:
        # Nothing answered within wrk's timeout: no throughput and no latency to speak of.
        out.update(rps=None, p50=None, p75=None, p90=None, p99=None)
    return out


def fmt(v, spec: str, unit: str = "") -> str:
    return "—" if v is None else f"{v:{spec}}{unit}"


def main() -> int:
    run = Path(sys.argv[1])
    meta = json.loads((run / "meta.json").read_text())
    rows = []
    for line in (run / "endpoints.tsv").read_text().splitlines():
        if not line.strip():
            continue
        name, path, wrk_file, check = line.split("\t")
        r = parse_wrk((run / wrk_file).read_text()) if (run / wrk_file).exists() else {"rps": None}
        r.update(name=name, path=path, check=check)
        rows.append(r)

    # The ceiling: /healthz measured first and again last; their mean, so that a machine
    # that got busier or quieter during the run does not skew every ratio one way.
    ceil = [r["rps"] for r in rows if r["name"] in ("healthz", "healthz-end") and r.get("rps")]
    base = sum(ceil) / len(ceil) if ceil else None
    s = meta["settings"]
    L = []
    L.append(f"# Xieshang benchmark — {meta['started']}")
    L.append("")
    L.append(f"Machine: {meta['machine']}. Load average before the measurements: {meta['loadavg_before']}; "
             f"after: {meta.get('loadavg_after', '—')}.")
    L.append(f"wrk: {s['threads']} threads, {s['connections']} connections, {s['duration']} s per endpoint "
             f"after a {s['warmup']} s warm-up, 127.0.0.1 only. Server: `{meta['binary']}`, SQLite (WAL), demo county "
             f"({meta.get('persons', '?')} persons), `{meta['server_cmd']}`.")
    load1 = float(meta["loadavg_before"].split()[0])
    if load1 > 0.5 * meta.get("cores", 2):
        L.append("")
        L.append(f"**Warning:** the machine was busy before the run (1-minute load {load1:.2f} on "
                 f"{meta.get('cores', 2)} cores): the absolute figures are low and noisy; the ratios to "
                 "/healthz hold up better, since both share the same conditions.")
    L.append("")
    L.append("## Throughput and latency")
    L.append("")
    L.append("| name | endpoint | req/s | × /healthz | p50 | p90 | p99 | errors | check |")
    L.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    verdicts = []
    for r in rows:
        ratio = (r["rps"] / base) if (base and r.get("rps")) else None
        errors = (r.get("non2xx") or 0) + (r.get("socket_errors") or 0)
        L.append(f"| {r['name']} | `{urllib.parse.unquote(r['path'])}` | {fmt(r.get('rps'), ',.0f')} | {fmt(ratio, '.2f')} | "
                 f"{fmt(r.get('p50'), '.2f', ' ms')} | {fmt(r.get('p90'), '.2f', ' ms')} | "
                 f"{fmt(r.get('p99'), '.2f', ' ms')} | {errors} | {r['check']} |")
        if r["name"] in TARGETED:
            ok = (ratio is not None and ratio >= TARGET_RATIO and r.get("p99") is not None
                  and r["p99"] < TARGET_P99_MS and errors == 0 and r["check"] == "ok")
            verdicts.append((r, ratio, ok))
    L.append("")
    if len(ceil) == 2:
        L.append(f"× /healthz is against the mean of /healthz at the start ({ceil[0]:,.0f} req/s) and at the end "
                 f"({ceil[1]:,.0f} req/s) of the run.")
        L.append("")
    L.append(f"Target for the people list (first page of 50 with sector and committee names), SQLite, "
             f"{s['connections']} connections: ≥ {TARGET_RATIO:.0%} of /healthz req/s and p99 < {TARGET_P99_MS:.0f} ms.")
    L.append("")
    for r, ratio, ok in verdicts:
        L.append(f"- **{'PASS' if ok else 'FAIL'}** `{urllib.parse.unquote(r['path'])}`: {fmt(ratio, '.0%')} of /healthz, "
                 f"p99 {fmt(r.get('p99'), '.2f', ' ms')}")
    L.append("")
    L.append("## Start-up, memory, build")
    L.append("")
    L.append("| measure | value |")
    L.append("| --- | ---: |")
    st = meta["startup"]
    cold, warm = st.get("cold_ms_all") or [], st.get("warm_ms_all") or []
    def spread(xs):
        if not xs:
            return "—"
        return f"{statistics.median(xs):.0f} ms (worst {max(xs):.0f}; {len(xs)} starts: {', '.join(f'{x:.0f}' for x in xs)})"
    L.append(f"| start-up to first 200 from /healthz, fresh data dir (migrate + demo load): median | {spread(cold)} |")
    L.append(f"| start-up to first 200 from /healthz, existing database: median | {spread(warm)} |")
    ok = cold and warm and max(cold + warm) < 1000
    L.append(f"| start-up target (< 1000 ms on SQLite, every start) | {'PASS' if ok else 'FAIL'} |")
    rss = meta["rss_kb"]
    L.append(f"| idle RSS after start-up (fresh data dir, demo loaded) | {fmt(rss.get('cold_idle', 0) / 1024 if rss.get('cold_idle') else None, '.1f', ' MiB')} |")
    L.append(f"| idle RSS after start-up (existing database) | {fmt(rss.get('idle', 0) / 1024 if rss.get('idle') else None, '.1f', ' MiB')} |")
    L.append(f"| RSS after the load (2 s idle) | {fmt(rss.get('after_load', 0) / 1024 if rss.get('after_load') else None, '.1f', ' MiB')} |")
    L.append(f"| peak RSS (VmHWM) | {fmt(rss.get('hwm', 0) / 1024 if rss.get('hwm') else None, '.1f', ' MiB')} |")
    b = meta.get("build", {})
    if b.get("seconds") is not None:
        L.append(f"| release build (`swift build -c release`, {b.get('kind', '')}) | {b['seconds']:.0f} s |")
    else:
        L.append(f"| release build | {b.get('note', 'not built in this run')} |")
    L.append("")
    L.append("Notes: latency percentiles are wrk's (`--latency`), which measure from each connection's send; "
             "the machine has 2 cores shared by wrk and the server, so /healthz is the ceiling both "
             "compete under. Other work on the machine during the run shows in the load average above.")
    print("\n".join(L))
    return 0


if __name__ == "__main__":
    sys.exit(main())
