#!/usr/bin/python3
"""PyTorch reference for the nst-bench benchmark (run with Debian's /usr/bin/python3).

Mirrors the engine's job exactly (see nst-bench BenchJob): VGG-19 convolutions conv1_1..conv5_1 with
the weights in <dir>/weights.safetensors, average pooling, content relu4_2, style relu1_1..relu5_1 with
equal layer weights, mean-normalised losses (alpha 5, beta 500, squared total variation 1e-3), starting
from the content tensor in <dir>/inputs_<size>.safetensors (ttq mode: or from uniform noise, --init
noise). Prints one line "RESULT {json}".

Modes: eval (Adam, one evaluation per step, each timed), ttq (L-BFGS with strong-Wolfe line search
until the total loss reaches the absolute --target, or --max-evals), gemm (4096^2 fp32 matrix
product rate), profile (forward, losses, backward split), paint (a whole picture from image files
with a peer's recipe, for the quality benchmark bench/quality.sh; see paint.py).
"""
import argparse
import json
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

BLOCKS = [["conv1_1", "conv1_2"], ["conv2_1", "conv2_2"],
          ["conv3_1", "conv3_2", "conv3_3", "conv3_4"],
          ["conv4_1", "conv4_2", "conv4_3", "conv4_4"], ["conv5_1"]]
CONTENT_LAYERS = ["relu4_2"]
STYLE_LAYERS = ["relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"]
ALPHA, BETA, GAMMA = 5.0, 500.0, 1e-3
CAFFE_MEAN_BGR = [103.939, 116.779, 123.68]


def read_safetensors(path):
    """A tiny reader for F32 safetensors files (no external package)."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        if meta["dtype"] != "F32":
            raise ValueError(name + ": only F32 is supported")
        a, b = meta["data_offsets"]
        arr = np.frombuffer(data[a:b], dtype="<f4").reshape(meta["shape"])
        out[name] = torch.from_numpy(arr.copy())
    return out


class Vgg:
    def __init__(self, weights):
        self.w = weights

    def extract(self, x, layers):
        wanted = set(layers)
        found = {}
        for bi, block in enumerate(BLOCKS):
            if bi > 0:
                x = F.avg_pool2d(x, 2, 2)
            for conv in block:
                x = F.conv2d(x, self.w[conv + ".weight"], self.w[conv + ".bias"], padding=1)
                x = F.relu(x)
                relu = "relu" + conv[4:]
                if relu in wanted:
                    found[relu] = x
                    wanted.discard(relu)
                    if not wanted:
                        return found
        return found


def gram(f):
    n = f.shape[1]
    m = f.shape[2] * f.shape[3]
    f = f.reshape(n, m)
    return f @ f.t() / (n * m)


class Objective:
    def __init__(self, vgg, content, style):
        self.vgg = vgg
        with torch.no_grad():
            c = vgg.extract(content, CONTENT_LAYERS + STYLE_LAYERS)
            self.p = {l: c[l].clone() for l in CONTENT_LAYERS}
            s = vgg.extract(style, STYLE_LAYERS)
            self.a = {l: gram(s[l]) for l in STYLE_LAYERS}

    def losses(self, x):
        maps = self.vgg.extract(x, CONTENT_LAYERS + STYLE_LAYERS)
        content = sum(((maps[l] - self.p[l]) ** 2).mean() for l in CONTENT_LAYERS)
        w = 1.0 / len(STYLE_LAYERS)
        style = sum(w * ((gram(maps[l]) - self.a[l]) ** 2).mean() for l in STYLE_LAYERS)
        dy = x[:, :, 1:, :] - x[:, :, :-1, :]
        dx = x[:, :, :, 1:] - x[:, :, :, :-1]
        tv = (dy * dy).sum() + (dx * dx).sum()
        return ALPHA * content + BETA * style + GAMMA * tv


def peak_rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return -1


def setup(args):
    """The objective (its targets computed) and the content tensor; also the seconds the target
    computation took (reading the files is not counted)."""
    w = read_safetensors(args.dir + "/weights.safetensors")
    inputs = read_safetensors("%s/inputs_%d.safetensors" % (args.dir, args.size))
    if args.channels_last:  # not the default: the reference is the plain script a user would write
        cl = torch.channels_last
        w = {k: v.contiguous(memory_format=cl) if v.dim() == 4 else v for k, v in w.items()}
        inputs = {k: v.contiguous(memory_format=cl) for k, v in inputs.items()}
    t0 = time.perf_counter()
    obj = Objective(Vgg(w), inputs["content"], inputs["style"])
    return obj, inputs["content"], time.perf_counter() - t0


def run_eval(args):
    obj, content, _ = setup(args)
    x = content.clone().requires_grad_(True)
    opt = torch.optim.Adam([x], lr=10.0, betas=(0.9, 0.999), eps=1e-8)
    mean = torch.tensor(CAFFE_MEAN_BGR).view(1, 3, 1, 1)
    times, first, last = [], None, None
    start = time.perf_counter()
    for _ in range(args.evals):
        t0 = time.perf_counter()
        opt.zero_grad()
        if args.bf16:  # convolutions in bfloat16 (CPU autocast), losses and gradient in fp32
            with torch.autocast("cpu", dtype=torch.bfloat16):
                loss = obj.losses(x)
            loss = loss.float()
        else:
            loss = obj.losses(x)
        loss.backward()
        opt.step()
        with torch.no_grad():
            x.copy_(torch.max(torch.min(x, 255 - mean), -mean))
        value = loss.item()
        times.append(time.perf_counter() - t0)
        first = value if first is None else first
        last = value
    return {"mode": "eval", "size": args.size, "times": times, "first_loss": first,
            "last_loss": last, "wall": time.perf_counter() - start}


class Reached(Exception):
    pass


class OutOfTime(Exception):
    pass


def run_ttq(args):
    """L-BFGS until the total loss is at most --target (checked after every evaluation), or for
    --max-evals evaluations or --max-seconds of optimisation. "seconds" is the optimisation time
    to the target (null if not reached); "cap_seconds" the time to the last evaluation;
    "setup_seconds" the target computation before either, which neither includes; "stop" says
    which end came first: target, cap, time or converged (torch's own stopping test)."""
    obj, content, setup_seconds = setup(args)
    if args.init == "noise":  # uniform in 0..255 per channel, as the engine's noise init
        torch.manual_seed(args.seed)
        mean = torch.tensor(CAFFE_MEAN_BGR).view(1, 3, 1, 1)
        x = (torch.rand(content.shape) * 255 - mean).requires_grad_(True)
    else:
        x = content.clone().requires_grad_(True)
    opt = torch.optim.LBFGS([x], lr=1, max_iter=args.max_evals, max_eval=args.max_evals,
                            tolerance_grad=1e-12, tolerance_change=1e-12, history_size=50,
                            line_search_fn="strong_wolfe")
    state = {"evals": 0, "loss": None, "best": float("inf"), "seconds": None, "trace": []}
    start = time.perf_counter()

    def closure():
        opt.zero_grad()
        loss = obj.losses(x)
        loss.backward()
        state["evals"] += 1
        state["loss"] = loss.item()
        state["best"] = min(state["best"], state["loss"])
        if args.trace:
            state["trace"].append([state["evals"], round(time.perf_counter() - start, 3),
                                   state["loss"]])
        if args.progress and state["evals"] % args.progress == 0:
            print("ttq: %d evaluations, %.1f s, loss %.6g" % (state["evals"],
                  time.perf_counter() - start, state["loss"]), file=sys.stderr, flush=True)
        if state["loss"] <= args.target:
            state["seconds"] = time.perf_counter() - start
            raise Reached()
        if args.max_seconds and time.perf_counter() - start >= args.max_seconds:
            raise OutOfTime()
        return loss

    out_of_time = False
    try:
        opt.step(closure)
    except Reached:
        pass
    except OutOfTime:
        out_of_time = True
    wall = time.perf_counter() - start
    # torch's L-BFGS also ends by itself when a step no longer changes the loss ("converged")
    stop = ("target" if state["seconds"] is not None
            else "time" if out_of_time
            else "cap" if state["evals"] >= args.max_evals else "converged")
    result = {"mode": "ttq", "size": args.size, "init": args.init, "target": args.target,
              "seconds": state["seconds"],
              "stop": stop,
              "evals": state["evals"], "loss": state["loss"], "best_loss": state["best"],
              "cap_seconds": wall, "setup_seconds": setup_seconds, "wall": wall}
    if args.trace:
        result["trace"] = state["trace"]
    return result


def run_gemm(args):
    n = args.n
    a, b = torch.randn(n, n), torch.randn(n, n)
    rates = []
    for i in range(args.reps + 1):
        t0 = time.perf_counter()
        torch.mm(a, b)
        s = time.perf_counter() - t0
        if i > 0:
            rates.append(2.0 * n ** 3 / s / 1e9)
    x, w = torch.randn(1, n, 64, n // 64), torch.randn(n, n, 1, 1)
    conv = []
    for i in range(args.reps + 1):
        t0 = time.perf_counter()
        F.conv2d(x, w)
        s = time.perf_counter() - t0
        if i > 0:
            conv.append(2.0 * n ** 3 / s / 1e9)
    return {"mode": "gemm", "n": n, "gflops": rates, "conv1x1_gflops": conv}


def run_profile(args):
    obj, content, _ = setup(args)
    phases = {"forward_nograd": [], "forward": [], "losses": [], "backward": []}
    for r in range(args.reps + 1):
        with torch.no_grad():
            t0 = time.perf_counter()
            obj.vgg.extract(content, CONTENT_LAYERS + STYLE_LAYERS)
            t1 = time.perf_counter()
        x = content.clone().requires_grad_(True)
        t2 = time.perf_counter()
        maps = obj.vgg.extract(x, CONTENT_LAYERS + STYLE_LAYERS)
        t3 = time.perf_counter()
        content_loss = ((maps["relu4_2"] - obj.p["relu4_2"]) ** 2).mean()
        style = sum(0.2 * ((gram(maps[l]) - obj.a[l]) ** 2).mean() for l in STYLE_LAYERS)
        dy = x[:, :, 1:, :] - x[:, :, :-1, :]
        dx = x[:, :, :, 1:] - x[:, :, :, :-1]
        loss = ALPHA * content_loss + BETA * style + GAMMA * ((dy * dy).sum() + (dx * dx).sum())
        loss.item()
        t4 = time.perf_counter()
        loss.backward()
        t5 = time.perf_counter()
        del maps, loss
        if r > 0:
            for k, v in zip(phases, [t1 - t0, t3 - t2, t4 - t3, t5 - t4]):
                phases[k].append(v)
    return {"mode": "profile", "size": args.size, "phases": phases}


def main():
    p = argparse.ArgumentParser()
    if len(sys.argv) > 1 and sys.argv[1] == "paint":
        import paint  # the quality benchmark's peer recipes (bench/paint.py)
        paint.main(sys.argv[2:])
        return
    p.add_argument("mode", choices=["eval", "ttq", "gemm", "profile", "paint"])
    p.add_argument("--dir")
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--evals", type=int, default=10)
    p.add_argument("--target", type=float)
    p.add_argument("--max-evals", type=int, default=300)
    p.add_argument("--max-seconds", type=float, default=0,
                   help="ttq mode: stop after this much optimisation time (0: no limit)")
    p.add_argument("--trace", action="store_true",
                   help="ttq mode: add [evaluations, seconds, loss] of every evaluation")
    p.add_argument("--progress", type=int, default=0,
                   help="ttq mode: a line on stderr every this many evaluations (0: none)")
    p.add_argument("--n", type=int, default=4096)
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--channels-last", action="store_true", help="channels-last weights and inputs")
    p.add_argument("--bf16", action="store_true", help="eval mode: bfloat16 autocast")
    p.add_argument("--seed", type=int, default=0,
                   help="seed of the noise init (the weights file carries the network's)")
    p.add_argument("--init", choices=["content", "noise"], default="content",
                   help="ttq mode: start from the content image or from uniform noise")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    result = {"eval": run_eval, "ttq": run_ttq, "gemm": run_gemm, "profile": run_profile}[args.mode](args)
    result.update({"side": "python", "torch": torch.__version__, "threads": torch.get_num_threads(),
                   "peak_rss": peak_rss()})
    print("RESULT " + json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
