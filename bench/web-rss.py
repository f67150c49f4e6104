#!/usr/bin/python3
"""Resident memory of the web server around one large job: idle, peak and after (issue 15).

Starts `./neural-style serve` (the launcher's own memory settings: jemalloc with a 10 s decay and
a background thread, G1 periodic GC every 15 s) on a fresh data directory, samples VmRSS and VmHWM
from /proc/PID/status every 0.5 s, posts one job, waits for it to finish, keeps sampling while the
server idles again, and prints the figures (MB = 10^6 bytes):

  idle    VmRSS after start-up, before the job (median of the idle samples)
  peak    VmHWM at the end of the job (the kernel's high-water mark of VmRSS)
  after   VmRSS at each of the given delays after the job finished
  (idle and after are split into anonymous memory and file-backed pages: mapped libraries)

  /usr/bin/python3 bench/web-rss.py [--size 2048] [--iterations 10] [--jobs 1] [--after 15,30,60,90]
      [--weights ../shared/models/vgg19-imagenet-conv1_1-conv3_4.safetensors] [--log FILE]

The default job (2048 px, Tübingen + The Starry Night, coarse-to-fine 256/512/1024/2048 with 10
evaluations in the first stage and 4 in each later one, layers the partial weights hold) takes a
few CPU minutes; hold the CPU lock: flock /work/notes/cpu.lock /usr/bin/python3 bench/web-rss.py
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


FIELDS = ("VmRSS", "VmHWM", "RssAnon", "RssFile")


def status(pid):
    """VmRSS, VmHWM, RssAnon and RssFile of pid in bytes."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in FIELDS:
                out[key] = int(value.split()[0]) * 1024
    return tuple(out[k] for k in FIELDS)


def jcmd(pid, *command):
    """The JVM's own account (Java heap, native memory by category), or why there is none."""
    r = subprocess.run(["jcmd", str(pid), *command], capture_output=True, text=True, timeout=60)
    return r.stdout if r.returncode == 0 else r.stderr


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            .encode())
    for name, path in files.items():
        with open(path, "rb") as f:
            data = f.read()
        parts.append(
            (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
             f'filename="{os.path.basename(path)}"\r\nContent-Type: image/jpeg\r\n\r\n').encode()
            + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def get(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=2048)
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=1, help="run the job this many times, one"
                    " after the other, each followed by the --after wait")
    ap.add_argument("--after", default="15,30,60,90", help="seconds after the job to report")
    ap.add_argument("--port", type=int, default=8393)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--weights")
    ap.add_argument("--log", help="write every sample here (seconds, phase, VmRSS, VmHWM,"
                    " RssAnon, RssFile)")
    ap.add_argument("--nmt", action="store_true",
                    help="start the JVM with native memory tracking and print its summary and"
                    " the Java heap when idle and at the end")
    args = ap.parse_args()
    shared = args.shared
    weights = args.weights or os.path.join(
        shared, "models", "vgg19-imagenet-conv1_1-conv3_4.safetensors")
    after = [float(a) for a in args.after.split(",")]
    data = tempfile.mkdtemp(prefix="nst-web-rss-")
    base = f"http://127.0.0.1:{args.port}"
    env = dict(os.environ)
    if args.nmt:
        env["NEURAL_STYLE_JAVA_OPTS"] = (
            env.get("NEURAL_STYLE_JAVA_OPTS", "") + " -XX:NativeMemoryTracking=summary").strip()
    server = subprocess.Popen(
        [os.path.join(ROOT, "neural-style"), "serve", "--port", str(args.port), "--data-dir",
         os.path.join(data, "data"), "--weights", weights, "--max-size", str(args.size)],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(data, "server.log"), "w"), env=env)
    samples = []
    t0 = time.time()

    def sample(phase):
        rss, hwm, anon, file = status(server.pid)
        samples.append((time.time() - t0, phase, rss, hwm, anon, file))
        return rss, hwm

    accounts = {}

    def account(when):
        if args.nmt:
            accounts[when] = (jcmd(server.pid, "GC.heap_info")
                              + jcmd(server.pid, "VM.native_memory", "summary"))

    try:
        for _ in range(240):
            try:
                get(base + "/api/jobs")
                break
            except OSError:
                time.sleep(0.5)
        else:
            sys.exit("the server did not start; see " + os.path.join(data, "server.log"))
        for _ in range(40):  # 20 s of idling after start-up
            sample("idle")
            time.sleep(0.5)
        account("idle")
        body, ctype = multipart(
            {"size": args.size, "iterations": args.iterations, "content-layers": "relu2_2",
             "style-layers": "relu1_1,relu2_1,relu3_1"},
            {"content": os.path.join(shared, "images", "content", "tubingen.jpg"),
             "style": os.path.join(shared, "images", "style", "starry_night.jpg")})
        idle = sorted((s for s in samples if s[1] == "idle"), key=lambda s: s[2])
        idle_s = idle[len(idle) // 2]
        mb = lambda b: f"{b / 1e6:,.0f} MB"
        split = lambda s: f"(anonymous {mb(s[4])}, file-backed {mb(s[5])})"
        print(f"idle  {mb(idle_s[2])} {split(idle_s)}")
        for n in range(1, args.jobs + 1):
            req = urllib.request.Request(base + "/api/jobs", data=body, method="POST",
                                         headers={"Content-Type": ctype})
            with urllib.request.urlopen(req, timeout=60) as r:
                job = json.loads(r.read())
            job_start = time.time()
            while True:
                sample(f"job{n}")
                state = get(base + "/api/jobs/" + job["id"])["state"]
                if state not in ("queued", "running"):
                    break
                time.sleep(0.5)
            job_end = time.time()
            if state != "done":
                with open(os.path.join(data, "server.log")) as f:
                    sys.stderr.write(f.read()[-3000:])
            end_rss, peak = sample(f"end{n}")
            for _ in range(int(max(after) / 0.5) + 1):
                time.sleep(0.5)
                sample(f"after{n}")
            account(f"after job {n}")
            print(f"job {n} ({job['id']}): {state}, {args.size} px, iterations"
                  f" {args.iterations}, {job_end - job_start:.0f} s")
            print(f"  peak  {mb(peak)} (VmHWM since start)")
            print(f"  end   {mb(end_rss)} (VmRSS when the job finished)")
            for a in after:
                s = min((s for s in samples
                         if s[1] == f"after{n}" and s[0] >= job_end - t0 + a),
                        key=lambda s: s[0])
                print(f"  after {a:>4.0f} s  {mb(s[2])} {split(s)}")
            sys.stdout.flush()
        for when, text in accounts.items():
            print(f"--- JVM account, {when}:\n{text}")
        if args.log:
            with open(args.log, "w") as f:
                for s in samples:
                    f.write("\t".join([f"{s[0]:.1f}", s[1], *map(str, s[2:])]) + "\n")
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
