#!/usr/bin/python3
"""Screenshots of the web app in headless Chromium at phone and desktop widths.

Starts `./neural-style serve` with the shared partial VGG-19 on a fresh data directory, drives
Debian's chromium through chromium-driver's WebDriver HTTP API (standard library only: no
Selenium needed) and writes PNGs of every state a user meets:

  form-W.png       the empty form                 error-W.png     bad values marked at their fields
  running-W.png    a job painting (chart, ETA)    done-W.png      a finished job's view
  done-full-W.png  the whole page of a finished job    done-zoom-1280.png  its result at 4x
  gallery-W.png    cards: queued, running, done, failed, cancelled
  lost-W.png       the message after the server stopped

for W in 390 (390x844, a phone) and 1280 (1280x900). Only public-domain paintings and the
Tübingen photo are uploaded (see ../shared/images/README.md), so the pictures may be published.

  /usr/bin/python3 bench/web-screens.py [--out docs/web] [--shared ../shared] [--port 8391]

Takes about 10 CPU minutes (four small jobs at 160-256 px on the partial weights).
"""

import argparse
import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
WIDTHS = [(390, 844), (1280, 900)]


class Driver:
    """The few WebDriver commands this script needs, over chromium-driver's HTTP API."""

    def __init__(self, port, profile):
        self.base = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen(
            ["/usr/bin/chromedriver", f"--port={port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: self._status(), 20, "chromedriver")
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,900",
                f"--user-data-dir={profile}"]}}}}
        self.session = self._send("POST", "/session", caps)["sessionId"]

    def _status(self):
        try:
            return self._send("GET", "/status")["ready"]
        except OSError:
            return False

    def _send(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.loads(r.read())["value"]

    def cmd(self, method, path, body=None):
        return self._send(method, f"/session/{self.session}{path}", body)

    def get(self, url):
        self.cmd("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        found = self.cmd("POST", "/element", {"using": "css selector", "value": css})
        if ELEMENT not in found:
            raise RuntimeError(f"no element {css}: {found}")
        return found[ELEMENT]

    def upload(self, css, paths):
        self.cmd("POST", f"/element/{self.find(css)}/value", {"text": "\n".join(paths)})

    def cdp(self, cmd, params=None):
        return self.cmd("POST", "/goog/cdp/execute", {"cmd": cmd, "params": params or {}})

    def viewport(self, width, height):
        self.cdp("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        time.sleep(0.8)  # let the page lay out and redraw its chart

    def shot(self, path, full=False):
        params = {"format": "png"}
        if full:
            w, h = self.js("return [document.documentElement.scrollWidth,"
                           " document.documentElement.scrollHeight]")
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": w, "height": h, "scale": 1})
        data = self.cdp("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        print("wrote", path, flush=True)

    def quit(self):
        try:
            self.cmd("DELETE", "")
        finally:
            self.proc.terminate()
            self.proc.wait(10)


def wait_for(cond, seconds, what):
    end = time.time() + seconds
    while time.time() < end:
        try:
            v = cond()
            if v:
                return v
        except urllib.error.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"waited {seconds} s for {what}")


class Server:
    def __init__(self, port, data, weights):
        self.port, self.data, self.weights, self.proc = port, data, weights, None

    def start(self):
        self.proc = subprocess.Popen(
            [os.path.join(ROOT, "neural-style"), "serve", "--port", str(self.port),
             "--data-dir", self.data, "--weights", self.weights],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_for(self.up, 300, "the server")

    def up(self):
        try:
            with urllib.request.urlopen(self.url("/api/defaults"), timeout=5) as r:
                return r.status == 200
        except OSError:  # refused, reset or timed out: not up yet
            return False

    def url(self, path="/"):
        return f"http://127.0.0.1:{self.port}{path}"

    def jobs(self):
        with urllib.request.urlopen(self.url("/api/jobs"), timeout=10) as r:
            return json.loads(r.read())

    def kill(self, sig=signal.SIGKILL):
        os.killpg(self.proc.pid, sig)
        self.proc.wait(30)


def fill(d, values):
    """Types values into the form's fields (as input events, like a user)."""
    d.js("""for (const [n, v] of Object.entries(arguments[0])) {
              const e = document.querySelector(`#job-form [name="${n}"]`);
              e.value = v; e.dispatchEvent(new Event('input', {bubbles: true}));
              e.dispatchEvent(new Event('change', {bubbles: true})); }""", values)


def submit(d, server, content, styles, values):
    """Fills the form, presses Start and returns the new job's id."""
    before = {j["id"] for j in server.jobs()}
    d.js("for (const i of document.querySelectorAll('#job-form input[type=file]')) i.value = ''")
    d.upload("#content", [content])
    d.upload("#style", styles)
    picked = d.js("return [...document.getElementById('style').files].map(f => f.name)")
    if len(picked) != len(styles):
        sys.exit(f"picked {picked} for the style images {styles}")
    fill(d, values)
    d.js("document.getElementById('start').click()")
    try:
        return wait_for(
            lambda: next((j["id"] for j in server.jobs() if j["id"] not in before), None),
            60, "the job")
    except TimeoutError:
        sys.exit("the form refused the job: " + d.js(
            "return [...document.querySelectorAll('.field-error, #form-error')]"
            ".map(e => e.textContent).join(' | ')"))


def state(server, job):
    return next(j for j in server.jobs() if j["id"] == job)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default=os.path.join(ROOT, "docs", "web"))
    p.add_argument("--shared", default=os.environ.get("NST_SHARED_DIR",
                                                      os.path.join(ROOT, "..", "shared")))
    p.add_argument("--port", type=int, default=8391)
    p.add_argument("--driver-port", type=int, default=9591)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    img = lambda *x: os.path.abspath(os.path.join(a.shared, "images", *x))
    tubingen = img("content", "tubingen.jpg")
    starry, shipwreck, scream, kandinsky = (img("style", f) for f in (
        "starry_night.jpg", "shipwreck.jpg", "the_scream.jpg", "composition_vii.jpg"))
    weights = os.path.join(a.shared, "models", "vgg19-imagenet-conv1_1-conv3_4.safetensors")
    for f in (tubingen, starry, shipwreck, scream, kandinsky, weights):
        if not os.path.isfile(f):
            sys.exit(f"missing {f}")
    tmp = tempfile.mkdtemp(prefix="web-screens-")
    server = Server(a.port, os.path.join(tmp, "data"), os.path.abspath(weights))
    server.start()
    d = Driver(a.driver_port, os.path.join(tmp, "profile"))
    out = lambda name, w: os.path.join(a.out, f"{name}-{w}.png")

    def both(name, prepare=None, full=False):
        for w, h in WIDTHS:
            d.viewport(w, h)
            if prepare:
                prepare()
                time.sleep(0.4)
            d.shot(out(name, w), full=full)

    try:
        d.viewport(*WIDTHS[0])
        d.get(server.url())
        wait_for(lambda: d.js("return document.querySelectorAll('#f-optimizer option').length"),
                 30, "the form")
        both("form", lambda: d.js("window.scrollTo(0, 0)"))

        # Errors at their fields: no content image, a word for a number, a size above the cap.
        fill(d, {"content-weight": "lots", "size": "9000"})
        d.upload("#style", [starry])
        d.js("document.getElementById('start').click()")
        wait_for(lambda: d.js("return document.querySelectorAll('.field-error').length"), 30,
                 "field errors")
        both("error", lambda: d.js(
            "document.querySelector('.field.invalid').scrollIntoView({block: 'start'})"))
        d.get(server.url())  # a fresh form
        wait_for(lambda: d.js("return document.querySelectorAll('#f-optimizer option').length"),
                 30, "the form")

        # A job interrupted by the server stopping: the page says so; after a restart it is failed.
        first = submit(d, server, tubingen, [shipwreck], {"size": "160", "iterations": "200"})
        wait_for(lambda: d.js("return Number(document.getElementById('live-progress').value)") >= 3,
                 300, "the first job to run")
        server.kill()
        wait_for(lambda: d.js("return !document.getElementById('connection').hidden"), 30,
                 "the connection message")
        both("lost", lambda: d.js("window.scrollTo(0, 0)"))
        server.start()
        d.get(server.url())
        wait_for(lambda: d.js("return document.querySelectorAll('#f-optimizer option').length"),
                 30, "the form")

        # A running job, then the same job finished.
        job = submit(d, server, tubingen, [starry], {"size": "256", "iterations": "60"})
        wait_for(lambda: state(server, job)["iteration"] >= 15, 600, "iterations")
        both("running", lambda: d.js("document.getElementById('live').scrollIntoView()"))
        wait_for(lambda: state(server, job)["state"] == "done", 900, "the job to finish")
        wait_for(lambda: d.js("return document.getElementById('live-state').textContent") == "done",
                 30, "the page to show done")
        time.sleep(1)
        both("done", lambda: d.js("document.getElementById('live').scrollIntoView()"))
        both("done-full", lambda: d.js("window.scrollTo(0, 0)"), full=True)
        d.viewport(*WIDTHS[1])  # the result at 4x, as the zoom buttons show it
        d.js("document.querySelector('[data-zoom=\"4\"]').click()")
        time.sleep(0.5)
        d.shot(out("done-zoom", WIDTHS[1][0]))
        d.js("document.querySelector('[data-zoom=\"fit\"]').click()")

        # A cancelled job, a running one and a queued one beside the done and failed ones.
        cancel = submit(d, server, tubingen, [scream], {"size": "160", "iterations": "100"})
        wait_for(lambda: state(server, cancel)["iteration"] >= 3, 300, "the job to run")
        d.js("document.getElementById('cancel').click()")
        wait_for(lambda: state(server, cancel)["state"] == "cancelled", 120, "the cancel")
        running = submit(d, server, tubingen, [kandinsky, starry],
                         {"size": "192", "iterations": "300", "style-blend": "0.6,0.4"})
        submit(d, server, tubingen, [shipwreck], {"size": "200", "iterations": "50", "style-blend": ""})
        wait_for(lambda: state(server, running)["iteration"] >= 3, 300, "the job to run")
        time.sleep(2)
        both("gallery", lambda: d.js(
            "document.getElementById('gallery-section').scrollIntoView({block: 'start'})"))
        for j in server.jobs():  # leave nothing running
            if j["state"] in ("queued", "running"):
                urllib.request.urlopen(urllib.request.Request(
                    server.url(f"/api/jobs/{j['id']}"), method="DELETE"), timeout=10).close()
    finally:
        d.quit()
        server.kill(signal.SIGTERM)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
