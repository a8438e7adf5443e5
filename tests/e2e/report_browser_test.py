#!/usr/bin/python3
"""End-to-end: the demo world's report.html opened from disk in headless
Chromium (driven through ChromeDriver's WebDriver API, standard library only).
Fails on any JavaScript error or any chart that did not draw; saves a
screenshot beside the build.

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
        for _ in range(50):
            state = call(base, "POST", f"/session/{sid}/execute/sync", {"script": """
                const charts = [...document.querySelectorAll('.chart')];
                const drawn = charts.filter(c => { const cv = c.querySelector('canvas'); return cv && cv.width > 0; });
                return {ready: document.readyState, charts: charts.length, drawn: drawn.length,
                        errors: window.brandlensErrors || ['error capture missing'],
                        hasEcharts: typeof echarts !== 'undefined', title: document.title};""", "args": []})
            if state["ready"] == "complete" and state["drawn"] == state["charts"]:
                break
            time.sleep(0.2)
        shot = call(base, "GET", f"/session/{sid}/screenshot")
        path = os.path.join(build, "report-screenshot.png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot))
        call(base, "DELETE", f"/session/{sid}")
        print(f"report: {report}\nscreenshot: {path}\nstate: {json.dumps(state, ensure_ascii=False)}")
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
