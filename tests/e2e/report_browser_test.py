#!/usr/bin/python3
"""End-to-end: the demo world's report.html opened from disk in headless
Chromium (driven through ChromeDriver's WebDriver API, standard library only).
Fails on any JavaScript error, any chart that did not draw, a chart whose
numbers are not in the table beside it, section titles that differ from
report.json, or any request that leaves file://; saves a screenshot beside
the build.

usage: report_browser_test.py BRANDLENS BUILD_DIR
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read())["value"]


def numbers(value):
    """Every number inside a JSON value (series points may be [x, y, v] or {value: [...]})."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers(v)]
    return []


# Charts whose table lists something other than every plotted point.
TABLE_IS_A_SUMMARY = {"chart-crisis": "daily counts are in report.json; the table lists the alert windows"}


def check_against_json(data, state, series):
    failures = []
    titles = [s["title"] for s in data["sections"]]
    if state.get("sections") != titles:
        failures.append(f"section titles {state.get('sections')} differ from report.json {titles}")
    for url in state.get("requests", []):
        if not url.startswith(("file:", "data:", "blob:")):
            failures.append(f"the report requested {url}")
    charts = {c["id"]: c for s in data["sections"] for c in s["charts"]}
    if set(series) != set(charts):
        failures.append(f"charts drawn {sorted(series)} differ from report.json {sorted(charts)}")
    for chart_id, drawn in series.items():
        chart = charts.get(chart_id)
        if chart is None:
            continue
        planned = [s.get("data") for s in chart["option"].get("series", [])]
        plotted = [n for d in drawn for n in numbers(d)]
        if sorted(plotted) != sorted(n for d in planned for n in numbers(d)):
            failures.append(f"{chart_id}: the browser plotted other numbers than report.json holds")
        if not plotted:
            failures.append(f"{chart_id}: no data plotted")
        if chart_id in TABLE_IS_A_SUMMARY:
            continue
        table = numbers(chart["data"]["rows"])
        values = plotted
        if any(s.get("type") == "heatmap" for s in chart["option"].get("series", [])):
            values = [p[2] for d in drawn for p in d]  # [x index, y index, value]: only the value is data
        missing = [n for n in values if not any(abs(n - t) <= 0.006 for t in table)]
        if missing:
            failures.append(f"{chart_id}: {len(missing)} plotted numbers are not in its table (e.g. {missing[:3]})")
    return failures


def main():
    binary, build = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="brandlens-e2e-")
    driver = None
    failures = []
    try:
        project = os.path.join(work, "demo")
        subprocess.run([binary, "demo", "--scale", "0.2", "--out", project], check=True, capture_output=True)
        report = os.path.join(project, "report.html")
        port = free_port()
        driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                call(base, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,2400", f"--user-data-dir={os.path.join(work, 'profile')}"]
        session = call(base, "POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args}}}})
        sid = session["sessionId"]
        call(base, "POST", f"/session/{sid}/url", {"url": "file://" + report})
        state = {}
        deadline = time.time() + 60
        while time.time() < deadline:  # until the page says its charts are set up
            state = call(base, "POST", f"/session/{sid}/execute/sync", {"script": """
                const charts = [...document.querySelectorAll('.chart')];
                const drawn = charts.filter(c => { const cv = c.querySelector('canvas'); return cv && cv.width > 0; });
                const series = {};
                for (const [id, chart] of Object.entries(window.brandlensCharts || {}))
                  series[id] = chart.getOption().series.map(s => s.data);
                return {ready: window.brandlensReady === true, charts: charts.length, drawn: drawn.length,
                        errors: window.brandlensErrors || ['error capture missing'],
                        hasEcharts: typeof echarts !== 'undefined', title: document.title,
                        sections: [...document.querySelectorAll('section > h2')].map(h => h.textContent),
                        requests: performance.getEntriesByType('resource').map(r => r.name),
                        series: series};""", "args": []})
            if state["ready"] and state["drawn"] == state["charts"]:
                break
            time.sleep(0.1)
        shot = call(base, "GET", f"/session/{sid}/screenshot")
        path = os.path.join(build, "report-screenshot.png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot))
        call(base, "DELETE", f"/session/{sid}")
        series = state.pop("series", {})
        print(f"report: {report}\nscreenshot: {path}\nstate: {json.dumps(state, ensure_ascii=False)}")
        with open(os.path.join(project, "report.json"), encoding="utf-8") as f:
            data = json.load(f)
        failures.extend(check_against_json(data, state, series))
        if not state.get("hasEcharts"):
            failures.append("ECharts is not inlined in the report")
        if state.get("errors"):
            failures.append(f"JavaScript errors: {state['errors']}")
        if state.get("charts", 0) == 0:
            failures.append("the report has no charts")
        if state.get("drawn") != state.get("charts"):
            failures.append(f"only {state.get('drawn')} of {state.get('charts')} charts drew")
    except Exception as e:  # a broken setup is a failure, with its reason
        failures.append(f"{type(e).__name__}: {e}")
    finally:
        if driver:
            driver.terminate()
            driver.wait()
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
